"""Item codes and ITA/OIT wording in labels, slugs and headings; the years a label names (pure)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from oit_checker.text.fiscal import MentionKind, find_year_mentions, years_in_url
from oit_checker.text.thai import display, normalize

# ---------------------------------------------------------------- item codes in text

# O24 · o24 · O24. · O 24 · O.24 · O-24 · OIT24 · OIT 3 (also O024). Letters or digits right before the O
# rule out words ("ISO 9001", "Go 2", and "MOIT 1": the health ministry's scheme, never an OIT item); a
# digit right after rules out years ("OIT 2568").
_O_CODE = re.compile(r"(?<![a-z0-9])(?:oit|o)\s?[-_.]?\s?0*([1-9][0-9]?)(?![0-9])", re.IGNORECASE)
# MOIT 1 … MOIT 22 (กระทรวงสาธารณสุข), also MOIT1-1.pdf: another scheme's numbering.
_MOIT_CODE = re.compile(r"(?<![a-z0-9])moit\s?[-_.]?\s?0*([1-9][0-9]?)(?![0-9])", re.IGNORECASE)
# "ข้อ 24", "ข้อที่ 24", "ข้อ ๒๔" at the start of a label (elsewhere "ข้อ 5" is ordinary prose).
_KHO_CODE = re.compile(r"^[\s\-–•*·.)(\[\]]*ข้อ(?:ที่)?\s*([1-9][0-9]?)(?![0-9])")
# Zero-padded with the letter dropped, at the start: "027 หลักเกณฑ์…", "029ประกาศ…" (kanpeo, huafai).
_PADDED_CODE = re.compile(r"^[\s\-–•*·(\[]*0([0-9]{2})(?![0-9])")
# A number and a dot opening a document name: "6. แผนการดำเนินงาน", "21. ประกาศเจตนารมณ์" (not "9.1 …").
_DOTTED_CODE = re.compile(r"^[\s\-–•*·(\[]*([1-9][0-9]?)\s?[.)](?![0-9])\s*\S")
# A cell that is only a number: "24", "๒๔", "24.", "(24)", "ข้อ 24" (first column of an item table).
_BARE_CODE = re.compile(r"^[\s(\[]*(?:ข้อ(?:ที่)?)?\s*([1-9][0-9]?)\s*[.)\]]?\s*$")
# A URL path segment that starts with an item code: o24-…, oit-3-…, O42, o01.html (Google Sites slugs).
_SLUG_CODE = re.compile(r"^(?:oit|o)[-_.]?0*([1-9][0-9]?)(?![0-9])", re.IGNORECASE)
_URL_TEXT = re.compile(r"^(?:https?://|www\.)\S+$|^\S*/\S*(?:\.\.\.|…)$", re.IGNORECASE)


def _numbers(text: str, *, bare: bool, weak: bool = True, dotted: bool = False) -> set[int]:
    """Item numbers a label names. `weak`: also "ข้อ 24" and "024" at the start; `dotted`: also "24. …";
    `bare`: also a label that is only a number. The O-forms ("O24", "o๒๔", "OIT 24") always count."""
    t = display(text)  # Thai digits → Arabic, NFC, invisible characters gone
    found = {int(m.group(1)) for m in _O_CODE.finditer(t)}
    patterns = ((_KHO_CODE, _PADDED_CODE) if weak else ()) + ((_DOTTED_CODE,) if dotted else ())
    for pattern in patterns:
        m = pattern.match(t)
        if m:
            found.add(int(m.group(1)))
    if bare and not found:
        m = _BARE_CODE.match(t)
        if m:
            found.add(int(m.group(1)))
    return found


def code_in_label(text: str, ids: Iterable[str] | None = None, *, bare: bool = False, weak: bool = True,
                  dotted: bool = False) -> str | None:
    """The one item id a label names ("O24 …", "o๒๔", "ข้อ ๒๖", "027 …"; with `bare`, also "๒๔"; with
    `dotted`, also "24. …"). Without `weak`, only the O-forms count (outside an OIT listing "ข้อ 5" and
    "012" are ordinary numbers).

    None when it names none, or several different ones ("O21–O22", "O1 ถึง O27"): a label that covers
    many items says nothing about any one of them. `ids` restricts to the catalogue's items.
    """
    known = set(ids) if ids is not None else None
    codes = {f"O{n}" for n in _numbers(text, bare=bare, weak=weak, dotted=dotted)}
    if known is not None:
        codes &= known
    return codes.pop() if len(codes) == 1 else None


def strong_codes(text: str) -> set[int]:
    """The item numbers a text names in the O-form ("O24", "o๒๔", "OIT 3"), whatever the catalogue."""
    return {int(m.group(1)) for m in _O_CODE.finditer(display(text))}


def moit_codes(text: str) -> set[int]:
    """MOIT numbers a text names ("MOIT 3", "MOIT1-1.pdf"): the health ministry's scheme."""
    return {int(m.group(1)) for m in _MOIT_CODE.finditer(display(text))}


@lru_cache(maxsize=65536)
def has_code(text: str) -> bool:
    """Whether a label names an item code of any scheme ("O24 …", "ข้อ 24", "MOIT 3 …")."""
    # Cached: every link's walk up the page asks it again of the same headings.
    return bool(_numbers(text, bare=False)) or bool(_MOIT_CODE.search(display(text)))


def slug_code(url: str, ids: Iterable[str] | None = None) -> tuple[str, str] | None:
    """(item id, segment) when the URL's last path segment starts with an item code (/o24-…, /oit-3-…)."""
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return None
    segments = [s for s in path.split("/") if s]
    if not segments:
        return None
    last = segments[-1]
    m = _SLUG_CODE.match(display(last))
    if not m:
        return None
    item = f"O{int(m.group(1))}"
    if ids is not None and item not in set(ids):
        return None
    return item, last


def looks_like_url(text: str) -> bool:
    return bool(_URL_TEXT.match(text.strip()))


# ---------------------------------------------------------------- "looks like ITA/OIT" and years

_MAX_YEAR_LABEL = 160  # a longer label is prose, not a year heading
_ITA_TOKEN = re.compile(r"(?<![a-z])(?:ita|itas|m?oit)(?![a-z])")
_ITA_PHRASES = tuple(
    normalize(p)
    for p in (
        "การประเมินคุณธรรมและความโปร่งใส", "คุณธรรมและความโปร่งใส", "ศูนย์ข้อมูลข่าวสาร",
        "การเปิดเผยข้อมูลสาธารณะ", "เปิดเผยข้อมูลสาธารณะ", "การเปิดเผยข้อมูล", "ตัวชี้วัดที่ 9",
        "ตัวชี้วัดที่ 10",
    )
)  # fmt: skip


def ita_text(text: str) -> bool:
    """Whether a link text / title speaks of the ITA assessment or its open-data part."""
    if not text:
        return False
    if _ITA_TOKEN.search(display(text).lower()):
        return True
    norm = normalize(text)
    return any(p in norm for p in _ITA_PHRASES)


def ita_url(url: str) -> bool:
    """Whether a URL's host, path or query says ITA/OIT (ita-2568, /ITA/, ita.php, ITA64.php, oit2023 …)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    where = unquote(f"{parts.netloc}{parts.path}?{parts.query}").lower()
    return bool(_ITA_TOKEN.search(where)) or any(p in normalize(where) for p in _ITA_PHRASES)


# What a tab or accordion title holds besides its year: "ปีงบประมาณ พ.ศ. 2569", "ปี 2568", "ITA 2567".
_YEAR_LABEL_FILLER = re.compile(r"ปีงบประมาณ|ปีงบ|ประจำปี|พ\.\s?ศ\.?|ปี|ita|oit|itas|[\s\-–—:()./|]", re.IGNORECASE)
_MAX_YEAR_ONLY_LABEL = 40


@lru_cache(maxsize=65536)
def year_label(text: str) -> tuple[int, ...]:
    """Years of a label that is nothing but a year ("ปีงบประมาณ พ.ศ. 2569", "2568", "ITA ปี 2567"); ()
    otherwise. Such a label (a tab, an accordion toggle) says which year the links under it belong to."""
    if not text or len(text) > _MAX_YEAR_ONLY_LABEL:
        return ()
    shown = display(text)
    mentions = find_year_mentions(shown)
    if not mentions or any(m.kind not in (MentionKind.FISCAL, MentionKind.BARE) for m in mentions):
        return ()
    rest = shown
    for m in sorted(mentions, key=lambda m: -m.start):
        rest = rest[:m.start] + rest[m.end:]
    if _YEAR_LABEL_FILLER.sub("", rest):
        return ()
    years = sorted({y for m in mentions for y in m.fiscal_years})
    return tuple(years) if len(years) <= 2 else ()


@lru_cache(maxsize=65536)
def section_years(text: str) -> tuple[int, ...]:
    """Years an ITA-ish section label names ("ITA 2565", "การประเมิน ITA ประจำปี 2568") or a label that is
    only a year (a tab "ปีงบประมาณ พ.ศ. 2569"); () otherwise."""
    if not text or len(text) > _MAX_YEAR_LABEL or has_code(text):
        return ()
    if not ita_text(text):
        return year_label(text)
    return tuple(sorted(years_of(text)))


def years_of(text: str) -> set[int]:
    # A date ("ปรับปรุง 12 ธ.ค. 2567") says when, not which ITA round; only fiscal/bare/range/CE mentions count.
    return {y for m in find_year_mentions(text) if m.kind is not MentionKind.DATE for y in m.fiscal_years}


def url_years(url: str) -> set[int]:
    return {y for m in years_in_url(url) if m.kind is not MentionKind.DATE for y in m.fiscal_years}


