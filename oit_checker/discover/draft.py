"""The draft manifest (pure): TOML with a confidence and reason per URL, the items with no link."""

from __future__ import annotations

import re
from pathlib import Path

from oit_checker import __version__
from oit_checker.config.toml import toml_comment, toml_string
from oit_checker.discover.model import SKIP_ROBOTS, SKIP_STALE, Discovery
from oit_checker.model import Catalogue, Item
from oit_checker.text.i18n import count, text
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


def listing_line(d: Discovery, lang: str | None = None) -> str:
    """Which year's listing the draft rests on (in the draft, the first comment naming a listing year)."""
    lst = d.listing
    if d.index_pages and lst.carried is not None:
        line = text("discover.listing_carried", lang, listing=lst.year, wanted=d.criteria_year,
                    mapping=lst.carried.source)
    elif d.index_pages and lst.titles_only:
        line = text("discover.listing_titles_only", lang, listing=lst.year, wanted=d.criteria_year)
    elif d.index_pages and lst.year is not None:
        line = text("discover.listing_year", lang, listing=lst.year)
    elif d.index_pages:
        line = text("discover.listing_no_year", lang)
    elif lst.menus:
        line = count("discover.listing_menus", len(lst.menus), lang, year=d.fiscal_year or d.criteria_year)
    elif d.other_schemes:
        line = text("discover.listing_other_scheme", lang)
    else:
        line = text("discover.listing_none", lang)
    return line[:1].upper() + line[1:]


def _header(d: Discovery, home: str) -> list[str]:
    lines = [f"# {toml_comment(listing_line(d, 'en'), 400)}."]
    if d.year_note:
        lines.append(f"# {toml_comment(d.year_note, 400)}")
    if d.index_pages:
        lines.append("# ITA/OIT page(s) read:")
        lines.extend(f"#   {toml_comment(u, 300)}" for u in d.index_pages)
    elif not d.listing.menus:
        lines.append(f"# No ITA/OIT page was found from {toml_comment(home, 300)}: fill the items in by hand.")
    for skip in d.other_schemes:
        # The URL on a line of its own: a year in it is no claim about the listing this draft rests on.
        lines.append(f"# skipped: {toml_comment(skip.label, 120)} listing — another scheme's numbering "
                     f"({toml_comment(skip.why, 120)}), never OIT items; at")
        lines.append(f"#   {toml_comment(skip.url, 300)}")
    for url, years in d.stale_pages:
        label = "/".join(str(y) for y in years) or "another year"
        lines.append(f"# Ignored (ITA {label}, not the wanted year): {toml_comment(url, 300)}")
    for url, why in d.skipped:
        if why in (SKIP_STALE, SKIP_ROBOTS):
            lines.append(f"# Not read ({why}): {toml_comment(url, 300)}")
    for w in d.warnings:
        lines.append(f"# WARNING: {toml_comment(w, 400)}")
    return lines


def render_manifest(d: Discovery, catalogue: Catalogue, *, name: str, home: str, fiscal_year: int | None,
                    command: str = "") -> str:
    """The draft manifest: loadable by `manifest.load_manifests`; a comment per URL says why it is there."""
    lines = [
        f"# Draft OIT manifest written by `{toml_comment(command) or 'oit-checker discover'}` "
        f"(oit-checker {__version__}).",
        f"# ITA {catalogue.criteria_year} criteria ({toml_comment(Path(catalogue.source).name)})"
        + (f", fiscal year {fiscal_year}." if fiscal_year else "."),
        *_header(d, home),
        "#",
        "# Every URL below is a guess. Confidence: high = the link text names the item code (O24, o๒๔,",
        "# ข้อ 24, 024 in an OIT listing); medium = the table row, heading, tab or URL slug around the link",
        "# names it; low = only a title ties it to the item (a menu entry, a post, a link's title), or its",
        "# code was carried over from another year's listing. Check each one, then run:",
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
        lines += _item_lines(d, item)
    missing = d.missing
    lines.append("")
    if missing:
        lines.append(f"# ---- No link found for {len(missing)} item(s): fill them in by hand ----")
        for item_id in missing:
            named = "  (named by the listing, without a link)" if item_id in d.listing.named else ""
            hint = f"  — {toml_comment(d.hints[item_id], 300)}" if item_id in d.hints else ""
            lines.append(f"#   {item_id} {toml_comment(d.item_names.get(item_id, ''))}{named}{hint}")
    else:
        lines.append("# Every item has at least one link.")
    return "\n".join(lines) + "\n"


def _item_lines(d: Discovery, item: Item) -> list[str]:
    links = d.items.get(item.id, ())
    if item.listed_only and not links:
        return []  # only some agencies list it (2568 O28): not a gap to fill in
    lines = [f"# {item.id} {toml_comment(item.name_th)}"]
    if not links:
        return [*lines, f"{item.id} = []  # no link found"]
    keep, extra = links[: item.evidence.max_urls], links[item.evidence.max_urls:]
    lines.append(f"{item.id} = [")
    for link in keep:
        lines.append(f"    {toml_string(link.url)},  # confidence: {link.confidence.value} — "
                     f"{toml_comment(link.why, 200)}")
    for link in extra:
        lines.append(f"    # {toml_string(link.url)},  # not listed: ITAS is believed to take at most "
                     f"{item.evidence.max_urls} URLs — {link.confidence.value}: {toml_comment(link.why, 120)}")
    lines.append("]")
    return lines
