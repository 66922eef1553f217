"""The draft manifest (pure): TOML with a confidence and reason per URL, the items with no link."""

from __future__ import annotations

import re
from pathlib import Path

from oit_checker import __version__
from oit_checker.config.toml import toml_comment, toml_string
from oit_checker.discover.model import SKIP_ROBOTS, SKIP_STALE, Discovery
from oit_checker.model import Catalogue
from oit_checker.text.thai import display

# ---------------------------------------------------------------- the draft manifest (pure)

_TITLE_SPLIT = re.compile(r"\s+[|\-–—:»·]\s+|\s*[|»]\s*")
_GENERIC_TITLES = frozenset({"หน้าหลัก", "หน้าแรก", "home", "homepage", "home page", "welcome", "ยินดีต้อนรับ",
                             "index", "เว็บไซต์", "website"})
_AGENCY_WORDS = ("องค์การบริหารส่วน", "เทศบาล", "อบต", "อบจ", "สำนักงาน", "กรม", "โรงพยาบาล", "โรงเรียน",
                 "มหาวิทยาลัย", "กระทรวง", "สถาบัน", "วิทยาลัย", "ศูนย์", "กอง", "จังหวัด", "อำเภอ")


def agency_name_from_title(title: str, fallback: str) -> str:
    """The agency's name from its home page <title> ("หน้าหลัก | อบต.หนองบัว" → "อบต.หนองบัว")."""
    parts = [p.strip() for p in _TITLE_SPLIT.split(display(title)) if p and p.strip()]
    parts = [p for p in parts if p.lower() not in _GENERIC_TITLES]
    for part in parts:
        if any(word in part for word in _AGENCY_WORDS):
            return part
    return parts[0] if parts else fallback


def render_manifest(d: Discovery, catalogue: Catalogue, *, name: str, home: str, fiscal_year: int | None,
                    command: str = "") -> str:
    """The draft manifest: loadable by `manifest.load_manifests`; a comment per URL says why it is there."""
    lines = [
        f"# Draft OIT manifest written by `{toml_comment(command) or 'oit-checker discover'}` "
        f"(oit-checker {__version__}).",
        f"# ITA {catalogue.criteria_year} criteria ({toml_comment(Path(catalogue.source).name)})"
        + (f", fiscal year {fiscal_year}." if fiscal_year else "."),
    ]
    if d.index_pages:
        lines.append("# ITA/OIT page(s) read:")
        lines.extend(f"#   {toml_comment(u, 300)}" for u in d.index_pages)
    else:
        lines.append(f"# No ITA/OIT page was found from {toml_comment(home, 300)}: fill the items in by hand.")
    for url, years in d.stale_pages:
        label = "/".join(str(y) for y in years) or "another year"
        lines.append(f"# Ignored (ITA {label}, not the wanted year): {toml_comment(url, 300)}")
    for url, why in d.skipped:
        if why in (SKIP_STALE, SKIP_ROBOTS):
            lines.append(f"# Not read ({why}): {toml_comment(url, 300)}")
    for w in d.warnings:
        lines.append(f"# WARNING: {toml_comment(w, 400)}")
    lines += [
        "#",
        "# Every URL below is a guess. Confidence: high = the link text names the item code (O24, o๒๔,",
        "# ข้อ 24, 024); medium = the table row, heading, menu entry or URL slug around the link names it;",
        "# low = only the link's title resembles the item's title. Check each one, then run:",
        "#   oit-checker check <this file>",
        "",
        "[agency]",
        f"name = {toml_string(name)}",
        f"home = {toml_string(home)}",
    ]
    if fiscal_year:
        lines.append(f"fiscal_year = {fiscal_year}")
    lines += ["", "[items]"]
    for item in catalogue.items:
        links = d.items.get(item.id, ())
        if item.listed_only and not links:
            continue  # only some agencies list it (2568 O28): not a gap to fill in
        lines.append(f"# {item.id} {toml_comment(item.name_th)}")
        if not links:
            lines.append(f"{item.id} = []  # no link found")
            continue
        keep, extra = links[: item.evidence.max_urls], links[item.evidence.max_urls:]
        lines.append(f"{item.id} = [")
        for link in keep:
            lines.append(f"    {toml_string(link.url)},  # confidence: {link.confidence.value} — "
                         f"{toml_comment(link.why, 200)}")
        for link in extra:
            lines.append(f"    # {toml_string(link.url)},  # not listed: ITAS is believed to take at most "
                         f"{item.evidence.max_urls} URLs — {link.confidence.value}: {toml_comment(link.why, 120)}")
        lines.append("]")
    missing = d.missing
    lines.append("")
    if missing:
        lines.append(f"# ---- No link found for {len(missing)} item(s): fill them in by hand ----")
        for item_id in missing:
            lines.append(f"#   {item_id} {toml_comment(d.item_names.get(item_id, ''))}")
    else:
        lines.append("# Every item has at least one link.")
    return "\n".join(lines) + "\n"


