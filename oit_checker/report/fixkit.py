"""What goes into a fix-kit folder (pure): file names and bytes; the CLI writes them.

One agency: `checklist.md`, `checklist.html` and one template per item that does not pass and has one
(`O25-2568.docx`, `O12-ITA-o12-2568.xlsx`). Several agencies: the same in one sub-folder per agency (an ASCII
name, see `folder_name`) and a `README.md` listing them by their names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from oit_checker.model import AgencyResult, Catalogue, RunResult
from oit_checker.report import checklist, templates
from oit_checker.report.html import kit_page
from oit_checker.text import i18n, sanitize


@dataclass(frozen=True)
class KitFile:
    path: str  # relative to the kit folder, "/"-separated
    data: bytes


def folder_name(agency: AgencyResult, taken: set[str], place: int) -> str:
    """An ASCII folder name for the agency, so the kit unzips anywhere: its key when the key is ASCII, else its
    home page's host (without www.), else `agency-N` by its place in the run (1-based). A key made from a Thai
    name is not used: it is Thai without its vowel and tone marks, neither ASCII nor readable."""
    key = sanitize.clean(agency.agency.slug or "")
    if not key.isascii() or not re.search(r"[A-Za-z0-9]", key):
        try:  # a Thai domain (.ไทย) as it travels: punycode
            host = (urlsplit(agency.agency.home or "").hostname or "").encode("idna").decode("ascii")
        except (ValueError, UnicodeError):
            host = ""
        key = host.removeprefix("www.")
    base = re.sub(r"[^A-Za-z0-9_.-]+", "-", key).strip("-.")[:60] or f"agency-{place}"
    name, n = base, 2
    while name.casefold() in taken:  # Windows and macOS file systems do not tell Abc from abc
        name, n = f"{base}-{n}", n + 1
    taken.add(name.casefold())
    return name


def agency_kit(a: AgencyResult, catalogue: Catalogue, run: RunResult, *, items: Sequence[str] | None = None,
               lang: str = "th", prefix: str = "") -> list[KitFile]:
    lists = checklist.agency_checklists(a, catalogue, items)
    name = sanitize.one_line(a.agency.name)
    md = checklist.markdown(lists, agency=name, fiscal_year=a.fiscal_year, criteria_year=run.criteria_year,
                            lang=lang)
    page = kit_page(lists, agency=name, fiscal_year=a.fiscal_year, criteria_year=run.criteria_year, lang=lang)
    files = [KitFile(f"{prefix}checklist.md", md.encode("utf-8")),
             KitFile(f"{prefix}checklist.html", page.encode("utf-8"))]
    for c in lists:
        template = c.item.template
        if template is None or not c.template_file:
            continue
        ctx = templates.TemplateContext(a.agency.name, a.fiscal_year, c.item.fiscal_year_rule)
        files.append(KitFile(f"{prefix}{c.template_file}", templates.render(c.item, template, ctx)))
    return files


def kit_files(run: RunResult, catalogue: Catalogue, *, items: Sequence[str] | None = None,
              lang: str = "th") -> list[KitFile]:
    if len(run.agencies) == 1:
        return agency_kit(run.agencies[0], catalogue, run, items=items, lang=lang)
    taken: set[str] = set()
    files: list[KitFile] = []
    index = [f"# {i18n.text('checklist.title', lang)}", ""]
    for place, a in enumerate(run.agencies, start=1):
        folder = folder_name(a, taken, place)
        files += agency_kit(a, catalogue, run, items=items, lang=lang, prefix=f"{folder}/")
        gaps = sum(1 for f in a.findings if f.status.value != "pass" and (not items or f.item in items))
        index.append(f"- [{sanitize.markdown(a.agency.name)}]({folder}/checklist.md): {gaps}")
    files.append(KitFile("README.md", ("\n".join(index) + "\n").encode("utf-8")))
    return files
