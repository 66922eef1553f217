"""A small province for trend tests: three agencies, each a copy of the demo site under its own host name, audited
four times on four dates while their working groups fix items (with filled fix-kit templates) and break others.

Each run is a real `oit-checker audit` into one history database; between runs the sites and manifests change:

    run 1 (7 Apr 2568)  every agency as the demo: O5, O6, O7, O11, O15, O16, O19 (review), O24–O27 do not pass
    run 2 (5 May 2568)  t1 publishes filled templates for O7 and O25; t2's contact page (O3) is gone → regression
    run 3 (2 Jun 2568)  t1 fixes O6 and O26; t2's contact page is back; t3 fixes O24
    run 4 (30 Jun 2568) t2 fixes O15; t1's No Gift page (O21) is gone → regression

Hosts are sent to local servers on 127.0.0.1 (HostMapTransport, as the demo does); nothing leaves the machine.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from oit_checker.catalogue.rules import load_catalogue
from oit_checker.report import templates
from tests.support.paths import ROOT

DEMO = ROOT / "fixtures" / "demo"
FISCAL_YEAR = 2568
AGENCIES = {  # slug → (name, host)
    "t1": ("องค์การบริหารส่วนตำบลตะเคียนราม", "www.t1.go.th"),
    # copies of the demo's site, whose documents are ตะเคียนราม's: each agency is named for that place so that they are
    # its own (another local government's documents would be peer_agency_document)
    "t2": ("เทศบาลตำบลตะเคียนราม", "www.t2.go.th"),
    "t3": ("เทศบาลเมืองตะเคียนราม", "www.t3.go.th"),
}
# After the demo's documents were signed (its six-month gift report "รายงาน ณ วันที่ ๒ เมษายน ๒๕๖๘": on an earlier day
# the report would be dated after the check, `dated_after_check`).
DATES = (datetime(2025, 4, 7, 1, 0, tzinfo=UTC), datetime(2025, 5, 5, 1, 0, tzinfo=UTC),
         datetime(2025, 6, 2, 1, 0, tzinfo=UTC), datetime(2025, 6, 30, 1, 0, tzinfo=UTC))
# What changes before each run (index = run number - 1): fixes publish a filled template, breaks delete a page.
FIXES: tuple[dict[str, tuple[str, ...]], ...] = ({}, {"t1": ("O7", "O25")}, {"t1": ("O6", "O26"), "t3": ("O24",)},
                                                 {"t2": ("O15",)})
BREAKS: tuple[dict[str, str], ...] = ({}, {"t2": "ita/o03.html"}, {}, {"t1": "ita/o21.html"})
RESTORES: tuple[dict[str, str], ...] = ({}, {}, {"t2": "ita/o03.html"}, {})


@dataclass
class Province:
    root: Path
    manifest_items: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def site(self, slug: str) -> Path:
        return self.root / slug

    def manifest(self) -> str:
        out = []
        for slug, (name, host) in AGENCIES.items():
            out.append(f'[[agency]]\nname = "{name}"\nslug = "{slug}"\nhome = "https://{host}/"\n'
                       f"fiscal_year = {FISCAL_YEAR}\n\n[agency.items]")
            for item, urls in self.manifest_items[slug].items():
                out.append(f"{item} = [{', '.join(repr(u).replace(chr(39), chr(34)) for u in urls)}]")
            out.append("")
        return "\n".join(out)


def build(root: Path) -> Province:
    """Three copies of the demo site, the demo's URLs moved to each agency's host."""
    import tomllib

    demo_items = tomllib.loads((DEMO / "agency.toml").read_text(encoding="utf-8"))["items"]
    province = Province(root)
    for slug, (_name, host) in AGENCIES.items():
        shutil.copytree(DEMO / "site", province.site(slug))
        for page in province.site(slug).rglob("*.html"):
            page.write_bytes(page.read_bytes().replace(b"www.example.go.th", host.encode()))
        province.manifest_items[slug] = {item: [u.replace("www.example.go.th", host) for u in urls]
                                         for item, urls in demo_items.items()}
    return province


def change(province: Province, run: int, trash: Path) -> None:
    """Apply the changes made before `run` (1-based)."""
    cat = load_catalogue(ROOT / "rules" / f"ita{FISCAL_YEAR}.toml")
    for slug, items in FIXES[run - 1].items():
        name, host = AGENCIES[slug]
        for item_id in items:
            item = cat.item(item_id)
            assert item.template is not None
            ctx = templates.TemplateContext(name, FISCAL_YEAR, item.fiscal_year_rule)
            data = templates.fill_blanks(templates.render(item, item.template, ctx), item.template.file_format,
                                         templates.sample_answers(item, item.template, ctx))
            file = templates.file_name(item, item.template, ctx)
            (province.site(slug) / "files" / file).write_bytes(data)
            province.manifest_items[slug][item_id] = [f"https://{host}/files/{file}"]
    for slug, path in BREAKS[run - 1].items():
        target = trash / slug / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(province.site(slug) / path, target)
    for slug, path in RESTORES[run - 1].items():
        shutil.move(trash / slug / path, province.site(slug) / path)


@contextlib.contextmanager
def serve(province: Province) -> Iterator[dict[str, str]]:
    """Every agency's site on its own local server; yields host → base URL."""
    from oit_checker.demo import serve_directory

    with contextlib.ExitStack() as stack:
        yield {host: stack.enter_context(serve_directory(province.site(slug)))
               for slug, (_name, host) in AGENCIES.items()}
