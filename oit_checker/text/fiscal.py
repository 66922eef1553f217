"""Thai years, dates and fiscal years (pure parsing; never reads the clock).

Thai fiscal year N (Buddhist Era) runs from 1 October of N-1 to 30 September of N, and BE = CE + 543:
FY 2569 = 1 Oct 2025 – 30 Sep 2026. So a date in October–December of BE year Y belongs to FY Y+1.

`find_year_mentions` reads every way agencies write years (see docs/real-world-sites.md):
fiscal-year wording, Thai dates with full or abbreviated months and 2-digit BE years, multi-year and
month ranges, bare BE years and CE years in URL-like or date-like places. It works on
`display(text)` (Thai digits made Arabic, whitespace folded), and every position it returns is an
offset into that display text; `display` is re-exported here so callers can quote with it.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise

from .thai import display, thai_digits_to_arabic

__all__ = [
    "BE_OFFSET",
    "THAI_MONTHS",
    "MentionKind",
    "YearMention",
    "be_to_ce",
    "ce_to_be",
    "current_fiscal_year",
    "default_fiscal_year_from",
    "display",
    "find_year_mentions",
    "first_half_bounds",
    "fiscal_year_bounds",
    "fiscal_year_of",
    "months_named",
    "year_mentions_in_display",
    "years_in_url",
]

BE_OFFSET = 543

# Which 4-digit numbers can be years at all. BE outside these bounds is an amount or a code; CE is
# accepted only in date-like or URL-like places, never as a plain number.
BE_MIN, BE_MAX = 2400, 2699
CE_MIN, CE_MAX = 1990, 2099
# Two-digit BE years (`ต.ค. 68`) are read as 25yy; below 40 they are far more likely a day or a count.
YY_MIN = 40
MAX_RANGE_YEARS = 20  # the national strategy runs 2561–2580; anything longer is not a year range


def be_to_ce(y: int) -> int:
    return y - BE_OFFSET


def ce_to_be(y: int) -> int:
    return y + BE_OFFSET


def fiscal_year_of(d: date) -> int:
    """The BE fiscal year containing `d` (October starts the next fiscal year)."""
    be = ce_to_be(d.year)
    return be + 1 if d.month >= 10 else be


def current_fiscal_year(today: date) -> int:
    return fiscal_year_of(today)


def default_fiscal_year_from(today: date) -> int:
    """The fiscal year checked when `--fiscal-year` is not given; `today` is injected for tests."""
    return current_fiscal_year(today)


def fiscal_year_bounds(fy: int) -> tuple[date, date]:
    """First and last day of BE fiscal year `fy`."""
    ce = be_to_ce(fy)
    return date(ce - 1, 10, 1), date(ce, 9, 30)


def first_half_bounds(fy: int) -> tuple[date, date]:
    """1 October – 31 March of BE fiscal year `fy` (the "รอบ 6 เดือน" period)."""
    ce = be_to_ce(fy)
    return date(ce - 1, 10, 1), date(ce, 3, 31)


# ---------------------------------------------------------------- months

_MONTH_FULL: dict[int, tuple[str, ...]] = {
    1: ("มกราคม", "มกรา", "มกราคาม"),
    2: ("กุมภาพันธ์", "กุมภาพันธ", "กุมภาพันธุ์", "กุมภาพัน", "กุมภาพันธ์ุ", "กุมภา"),
    3: ("มีนาคม", "มีนา", "มีนาคาม"),
    4: ("เมษายน", "เมษา", "เมษายม"),
    5: ("พฤษภาคม", "พฤศภาคม", "พฤษภา", "พฤษาคม"),
    6: ("มิถุนายน", "มิถุนา", "มิถุนายม"),
    7: ("กรกฎาคม", "กรกฏาคม", "กรกฎา", "กรกฏา"),
    8: ("สิงหาคม", "สิงหา", "สิงหาคาม"),
    9: ("กันยายน", "กันยา", "กันยายม"),
    10: ("ตุลาคม", "ตุลา", "ตุลาคาม"),
    11: ("พฤศจิกายน", "พฤษจิกายน", "พฤศจิกา", "พฤศจิกายม", "พฤศจิกยน"),
    12: ("ธันวาคม", "ธันวา", "ธันวาคาม"),
}
# Abbreviations as their letter groups: ("ม", "ค") is written ม.ค., ม.ค, มค., มค, ม. ค. …
_MONTH_ABBR: dict[int, tuple[str, str]] = {
    1: ("ม", "ค"),
    2: ("ก", "พ"),
    3: ("มี", "ค"),
    4: ("เม", "ย"),
    5: ("พ", "ค"),
    6: ("มิ", "ย"),
    7: ("ก", "ค"),
    8: ("ส", "ค"),
    9: ("ก", "ย"),
    10: ("ต", "ค"),
    11: ("พ", "ย"),
    12: ("ธ", "ค"),
}


def thai_date(d: date) -> str:
    """"31 ธ.ค. 2567": a date as Thai documents write it (abbreviated month, BE year)."""
    a, b = _MONTH_ABBR[d.month]
    return f"{d.day} {a}.{b}. {ce_to_be(d.year)}"


def thai_month(d: date) -> str:
    """"ธ.ค. 2567": the month of `d` as Thai documents write it (abbreviated month, BE year)."""
    a, b = _MONTH_ABBR[d.month]
    return f"{a}.{b}. {ce_to_be(d.year)}"


def _abbr_variants(a: str, b: str) -> list[str]:
    return [f"{a}.{b}.", f"{a}.{b}", f"{a}{b}.", f"{a}{b}", f"{a}. {b}.", f"{a}. {b}"]


def _build_months() -> dict[str, int]:
    months: dict[str, int] = {}
    for n, names in _MONTH_FULL.items():
        for name in names:
            months[name] = n
    for n, (a, b) in _MONTH_ABBR.items():
        for v in _abbr_variants(a, b):
            months[v] = n
    return months


THAI_MONTHS: dict[str, int] = _build_months()
"""Thai month names, colloquial short forms, abbreviations (with and without dots/spaces) and common
misspellings → month number (1–12)."""

_ABBR_KEY = {a + b: n for n, (a, b) in _MONTH_ABBR.items()}
_EN_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}


def _month_number(token: str) -> int | None:
    """Month number of a Thai or English month token as matched in text (spaces/dots tolerated)."""
    t = token.strip()
    if t in THAI_MONTHS:
        return THAI_MONTHS[t]
    compact = t.replace(" ", "").replace(".", "")
    if compact in THAI_MONTHS:
        return THAI_MONTHS[compact]
    if compact in _ABBR_KEY:
        return _ABBR_KEY[compact]
    return _EN_MONTHS.get(compact.lower())


def _longest_first(words: Iterable[str]) -> list[str]:
    return sorted(set(words), key=len, reverse=True)


def _by_first_char(alternatives: list[tuple[str, str]]) -> str:
    """The alternation of `(first character, rest as a regex)` pairs, in the same order of preference, written
    as one branch per first character (`ก(?:…|…)|ม(?:…)|…`): it matches what the flat alternation matches,
    but the regex engine tests one character per branch instead of trying every alternative at every position
    of the text, and can skip ahead to a character a month name starts with."""
    branches: dict[str, list[str]] = {}
    for first, rest in alternatives:
        branches.setdefault(first, []).append(rest)
    return "(?:" + "|".join(f"{re.escape(c)}(?:{'|'.join(rests)})" for c, rests in branches.items()) + ")"


# A full name may be glued to anything (`เดือนตุลาคม`). A dotted abbreviation must not run on into
# another dotted letter (`ก.ค.ศ.` is the teachers' commission, not July). An undotted two-letter
# abbreviation (`ธค`) must not be the tail of a longer Thai word: its look-behind comes after its first
# letter (`ม(?<![ก-ฮะ-ฺเ-๎]ม)ค` is `(?<![ก-ฮะ-ฺเ-๎])มค`), so every alternative starts with a letter.
# Full names (longest first, so `ตุลาคม` wins over `ตุลา`), then dotted, then bare abbreviations.
THAI_MONTH_RX = _by_first_char(
    [(w[0], re.escape(w[1:])) for w in _longest_first(w for names in _MONTH_FULL.values() for w in names)]
    + [(a[0], rf"{re.escape(a[1:])}\s?\.\s?{re.escape(b)}\.?(?!\s?[ก-ฮ]\.)") for a, b in _MONTH_ABBR.values()]
    + [(w[0], rf"(?<![ก-ฮะ-ฺเ-๎]{re.escape(w[0])}){re.escape(w[1:])}\.?")
       for w in _longest_first(a + b for a, b in _MONTH_ABBR.values())]
)
# The first three letters of every English month name: a text holding none of them holds no English date.
_EN_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EN_MONTH_RX = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)

# ---------------------------------------------------------------- mentions


class MentionKind(StrEnum):
    FISCAL = "fiscal"  # tied to fiscal-year wording: ปีงบประมาณ 2569, ประจำปี 2567, ITA 2568
    DATE = "date"  # (day) month year: a concrete date whose fiscal year is derived
    RANGE = "range"  # 2566-2570, ปีงบ 67–68, ต.ค. 67 – ก.ย. 68: every fiscal year inside
    BARE = "bare"  # a lone BE year (2568, พ.ศ. 2568, /2567/)
    CE = "ce"  # a CE year in a date-like or URL-like place (2023/10, Scan2023-10-16, oit2023)


@dataclass(frozen=True)
class YearMention:
    """One year found in a text.

    `start`/`end` are offsets into `display(text)` (or, from `years_in_url`, into the
    percent-decoded URL) and `text` is that slice. `fiscal_years` holds the BE fiscal years the
    mention names or implies: one for FISCAL, BARE, DATE and CE; each year covered for RANGE.
    `date` is set for DATE (day 1 when only month and year are written) and for CE mentions that
    give a full date.
    """

    kind: MentionKind
    fiscal_years: tuple[int, ...]
    start: int
    end: int
    text: str
    date: date | None = None


@dataclass
class _Cand:
    prio: int
    start: int
    end: int
    kind: MentionKind | None  # None: a mask (phone number …) that only claims its span
    fiscal_years: tuple[int, ...] = ()
    date: date | None = None


def _spaced(word: str) -> str:
    """`word` as a regex that tolerates one space between letters (PDF wraps anywhere)."""
    return r"\s?".join(re.escape(c) for c in word)


_S = r"\s?"
_BE_ERA = rf"(?:พ{_S}\.?{_S}ศ\.{{0,3}}{_S})"  # พ.ศ. / พ.ศ / พศ / พ. ศ. / พ.ศ.. (typo)
_CE_ERA = rf"(?:ค{_S}\.?{_S}ศ\.{{0,3}}{_S})"
# A 4-digit run that is not part of a longer number, a decimal or a 1,234 amount; a following 3-digit
# group after a comma marks an amount (2569,000), while `2566,2567` is a list of years.
_Y4 = r"(?<!\d)(?<!\d\.)(\d{4})(?!\d)(?!\.\d)(?!,\d{3}(?!\d))"
_Y2 = r"(?<!\d)(?<!\d[.,])(\d{2})(?!\d)(?![.,]\d)"
_YEAR = rf"(?:{_Y4}|{_Y2})"
_DASH = r"(?:\s?(?:-|–|—|−|~|ถึง|จนถึง)\s?)"
# Units after a number that make it an amount, never a year. "หน่วย" naming a body is no unit: "…ประจำปีงบประมาณ
# ๒๕๖๘ / หน่วยตรวจสอบภายในรวบรวมผล…" (review64 g27), "หน่วยงาน", "หน่วยบริการ" (no longer than "เปอร์เซ็นต์": `_EXTENTS`).
_UNIT_AFTER = (
    r"(?!\s?(?:บาท|บ\.|ล้าน|แสน|หมื่น|คน(?!ละ)|ครั้ง(?!ที่)|หน่วย(?!งาน|ตรวจ|บริการ|ราชการ)|เมตร|กม\.|กิโล|ตร\.|ไร่"
    r"|ชิ้น"
    r"|ลิตร|ชั่วโมง|นาที|%|เปอร์เซ็นต์))"
)
# Words before a number that make it an amount or an identifier.
_AMOUNT_BEFORE = "".join(
    rf"(?<!{re.escape(w)})(?<!{re.escape(w)}\s)" for w in ("จำนวน", "เลขที่", "ราคา", "วงเงิน", "โทร", "โทร.")
)

_FISCAL_WORD = (
    rf"(?:(?:{_spaced('ประจำ')}{_S})?{_spaced('ปีงบ')}(?:{_S}{_spaced('ประมา')}[ณน])?(?:{_S}ฯ)?\.?"
    rf"|{_spaced('งบประมา')}[ณน]{_S}ปี)"
)
_FISCAL_LEAD = rf"{_FISCAL_WORD}{_S}(?:{_BE_ERA})?"
_PRACHAM_PI = rf"{_spaced('ประจำ')}{_S}ปี{_S}"
_PI_BE_LEAD = rf"ปี{_S}{_BE_ERA}"  # ปี พ.ศ. 2567, ในปี พ.ศ. 2567
_ITA_LEAD = r"(?<![A-Za-z])(?:ITA|OIT)(?:[\s\-_]?online)?[\s\-_]?(?:ปี\s?)?(?:" + _BE_ERA + r")?"

# The cheap first-character test spares the month alternation at every position of Thai prose.
_MONTH_FIRST = r"(?=[\dวมกเพสตธ])"
_DAY = r"(?<![\d/.])(\d{1,2})(?!\d)"
_MONTH_DATE = rf"(?:(?:วันที่{_S})?{_DAY}{_S})?({THAI_MONTH_RX})[\s\-_]?{_S}(?:{_BE_ERA})?{_YEAR}"

# Thai phone numbers: 0 + 8 or 9 digits, grouped any way (02-141-2567, 0 2141 2567, 081-234-5678).
# Written to start with the character a match starts with, the look-behinds after it (`0(?<![\d/.]0)` is
# `(?<![\d/.])0`): Python's regex engine then skips ahead to that character instead of trying the
# look-behinds at every position of the text — several times faster on Thai prose, same matches.
_RX_PHONE = re.compile(
    r"\+(?<![\d/.]\+)66(?:[\s-]?\d){8,9}(?![\d])"
    r"|0(?<![\d/.]0)(?:[\s-]?\d){8,9}(?![\d])"
    r"|\((?<![\d/]\()0\d{1,2}\)\s?\d{3}[-\s]?\d{3,4}(?!\d)"
    r"|\d(?<!\d\d)-\d{4}-\d{5}-\d{2}-\d(?!\d)"  # citizen / tax id
)
# Two-digit years are read only after fiscal wording or พ.ศ.; after a plain ปี or ประจำปี they are
# too often a count or an age.
_LEAD_YY = rf"(?:{_FISCAL_LEAD}|{_PRACHAM_PI}{_BE_ERA}|{_PI_BE_LEAD})"
# A leading look-ahead names the characters a match can start with, for the same reason.
_RX_FISCAL_RANGE = re.compile(
    rf"(?=[ปงพ])(?:{_LEAD_YY}|{_BE_ERA}){_YEAR}{_DASH}(?:ปี{_S})?(?:{_BE_ERA})?{_YEAR}{_UNIT_AFTER}"
)
_RX_PI_RANGE = re.compile(rf"(?:{_PRACHAM_PI}|ปี{_S}){_Y4}{_DASH}(?:ปี{_S})?{_Y4}{_UNIT_AFTER}")
_RX_MONTH_RANGE = re.compile(
    rf"{_MONTH_FIRST}(?:(?:วันที่{_S})?{_DAY}{_S})?({THAI_MONTH_RX})(?:[\s\-_]?{_S}(?:{_BE_ERA})?{_YEAR})?"
    rf"{_DASH}(?:วันที่{_S})?(?:{_DAY}{_S})?({THAI_MONTH_RX}){_S}(?:{_BE_ERA})?{_YEAR}"
)
_RX_FISCAL = re.compile(rf"(?=[ปง])(?:{_LEAD_YY}{_YEAR}|{_PRACHAM_PI}{_Y4}){_UNIT_AFTER}")
_RX_ITA = re.compile("(?=[IiOo])" + _ITA_LEAD + _Y4, re.IGNORECASE)
# A year split in two by a justified line ("ประจำปีงบประมาณ พ.ศ. 25 69", "ปีงบประมาณ ๒๕ ๖๗", review52 a05, l02): read
# only right after fiscal wording or พ.ศ., and only as "25" and two digits. Group 1 is the fiscal wording.
_RX_SPLIT_YEAR = re.compile(
    rf"(?=[ปงพ])(?:({_FISCAL_LEAD})|{_BE_ERA})2(?<!\d2)5\s(\d{{2}})(?!\d)(?![.,]\d){_UNIT_AFTER}"
)
_SPLIT_DIGITS = re.compile(r"2(?<!\d2)5\s\d\d(?!\d)")  # what a split year holds: rare, so the pattern rarely runs
_RX_MONTH_DATE = re.compile(_MONTH_FIRST + _MONTH_DATE + _UNIT_AFTER)
# The month first, then the day and a comma: WordPress's default date format ("F j, Y") with Thai month names,
# "ตุลาคม 6, 2025" (its year as written, CE or BE).
_RX_MONTH_DAY_YEAR = re.compile(rf"(?=[มกเพสตธ])(?<![ก-๙])({THAI_MONTH_RX})\s?(\d{{1,2}}),\s?(\d{{4}})(?!\d)")
_RX_EN_DATE = re.compile(
    rf"(?=[\dA-Za-z])(?<![A-Za-z])(?:(\d{{1,2}})\s?({_EN_MONTH_RX}),?\s?|({_EN_MONTH_RX})\s?(?:(\d{{1,2}}),?\s)?){_Y4}",
    re.IGNORECASE,
)
_RX_NUM_DATE = re.compile(  # `(\d(?<![\d.\-]\d)(?<!\d/\d)\d?)` is `(?<![\d.\-])(?<!\d/)(\d{1,2})`
    r"(\d(?<![\d.\-]\d)(?<!\d/\d)\d?)([/.\-])(\d{1,2})\2(\d{4})(?!\d)(?![.,]\d)"
    r"|(\d(?<![\d.\-]\d)(?<!\d/\d)\d?)/(\d{1,2})/(\d{2})(?![\d/])"
)
# Year first, as in ISO dates, WordPress upload folders and scanner file names.
_RX_YMD = re.compile(r"(\d(?<!\d\d)\d{3})([-/_.])(0?[1-9]|1[0-2])(?:\2(0?[1-9]|[12]\d|3[01]))?(?!\d)")
_RX_COMPACT_YMD = re.compile(r"(\d(?<!\d\d)\d{3})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_RX_YEAR_RANGE = re.compile(
    rf"(?=\d{{4}}){_AMOUNT_BEFORE}(?<!\d[-/]){_Y4}{_DASH}(?:{_Y4}|{_Y2}){_UNIT_AFTER}"
)
_RX_BE_ERA_YEAR = re.compile(rf"{_BE_ERA}{_YEAR}{_UNIT_AFTER}")
_RX_CE_ERA_YEAR = re.compile(rf"(?:{_CE_ERA}|ปี{_S}){_Y4}")
_RX_BARE = re.compile(rf"(?=\d{{4}}){_AMOUNT_BEFORE}(?<!\d-){_Y4}{_UNIT_AFTER}")
# A CE year glued to Latin letters (Scan2023, oit2023); `x` + digits is an image size (-2048x1536).
_RX_CE_GLUED = re.compile(r"(\d(?<=[A-Za-z]\d)\d{3})(?!\d)(?!x\d)")
# In URLs: a year alone between separators (/2023/, -2568.pdf, _2567_).
_RX_URL_YEAR = re.compile(r"(\d(?<![0-9A-Za-z]\d)\d{3})(?![0-9]|x\d)")
# Camera and phone file counters (IMG_2045.jpg, DSC2031) look like years and are not.
_RX_CAMERA_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:IMG|DSC|DSCN|DCIM|PIC|PXL|VID|MVI|GOPR|P)[_\-]?$", re.IGNORECASE
)
_RX_URL_TOKEN = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)

_ELEMENT_DASH = re.compile(_DASH)

# (width, reach) of each pattern run in windows (see below); a pattern not listed is run over the whole text.
# `_RX_URL_YEAR` is not listed: it tells digits apart with `[0-9]`, so a year glued to another script's digit
# (`2567٠`) is inside a longer `\d` run, around which no window is made.
_EXTENTS: dict[re.Pattern[str], tuple[int, int]] = {
    _RX_BARE: (4, 16), _RX_BE_ERA_YEAR: (13, 25), _RX_CE_ERA_YEAR: (13, 18), _RX_CE_GLUED: (4, 6),
    _RX_COMPACT_YMD: (8, 9), _RX_EN_DATE: (19, 24), _RX_FISCAL: (45, 57), _RX_FISCAL_RANGE: (68, 80),
    _RX_ITA: (27, 32), _RX_MONTH_DATE: (36, 48), _RX_MONTH_RANGE: (78, 83), _RX_NUM_DATE: (10, 12),
    _RX_PI_RANGE: (31, 43), _RX_YEAR_RANGE: (15, 27), _RX_YMD: (10, 11), _RX_MONTH_DAY_YEAR: (20, 21),
}
# The same by the patterns' id(): hashing a compiled pattern costs ≈6 µs, and a text is scanned with 16 of them.
_EXTENT_BY_ID = {id(rx): extent for rx, extent in _EXTENTS.items()}

# Where each pattern is run on a long text. Every match of a year pattern holds its year as a maximal run of
# digits (`\d`, Thai digits too) of a known length: 4 (`_Y4`), 2 or 4 (`_YEAR`), 8 (a compact date). A match
# consumes at most `width` characters and reads (look-aheads included) at most `reach` characters from its
# start, both written in `_EXTENTS` (tests/unit/text/test_fiscal_fast_paths.py works them out again with the
# regex engine's parser, and fails when a pattern changed without them). So a match holding the run [s, e)
# starts at or after e - width, and all it reads lies before s + reach: a pattern finds exactly the same
# matches when it is run (`finditer(text, pos, endpos)`; look-behinds still see the text before `pos`) only
# over the windows [e - width, s + reach) around the runs it can use, overlapping windows merged, keeping the
# matches that start at most `reach` before a window's end (one starting later may have read the window's cut
# end as the end of the text, and no match of the whole text starts there). On the demo agency's pages the
# windows hold 5 % (a lone year) to 56 % (a month range) of the text. The phone mask and quoted URLs are still
# looked for in the whole text. The same test compares both ways on real documents.
_RUNS_Y4 = frozenset({4})
_RUNS_YEAR = frozenset({2, 4})
_RUNS_COMPACT = frozenset({8})
# Written to start with a character class, which lets the regex engine skip ahead to the next digit (`\d+` makes
# it try every position): the same runs, 2.07 → 1.37 ms over the bench agency's pages.
_DIGIT_RUN = re.compile(r"[\d][\d]*")
_SCAN_WHOLE_BELOW = 512  # a shorter text is scanned whole: windows would save nothing

# Priorities (lower wins an overlap): masks, then the most specific forms.
_P_MASK, _P_RANGE_CTX, _P_FISCAL, _P_DATE, _P_RANGE, _P_ERA, _P_CE, _P_BARE = range(8)


def _be4(s: str) -> int | None:
    y = int(s)
    return y if BE_MIN <= y <= BE_MAX else None


def _ce4(s: str) -> int | None:
    y = int(s)
    return y if CE_MIN <= y <= CE_MAX else None


def _yy(s: str) -> int | None:
    y = int(s)
    return 2500 + y if y >= YY_MIN else None


def _be_year(four: str | None, two: str | None) -> int | None:
    if four is not None:
        return _be4(four)
    if two is not None:
        return _yy(two)
    return None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year_to_date(year: int, month: int, day: int | None) -> tuple[MentionKind, date] | None:
    """A BE or CE year + month (+ day) → (DATE or CE, the date); None when it is no real date."""
    if BE_MIN <= year <= BE_MAX:
        kind, ce = MentionKind.DATE, be_to_ce(year)
    elif CE_MIN <= year <= CE_MAX:
        kind, ce = MentionKind.CE, year
    else:
        return None
    d = _safe_date(ce, month, day or 1)
    if d is None and day is not None:
        d = _safe_date(ce, month, 1)
    return None if d is None else (kind, d)


def _fy_span(a: int, b: int) -> tuple[int, ...] | None:
    if b < a or b - a > MAX_RANGE_YEARS:
        return None
    return tuple(range(a, b + 1))


def _end_year(start: int, four: str | None, two: str | None) -> int | None:
    """The second year of a range: 4 digits, or 2 digits in the start's century (2566-70)."""
    if four is not None:
        return _be4(four)
    if two is None:
        return None
    return start - start % 100 + int(two)


def _month_range_days(m: re.Match[str]) -> tuple[tuple[MentionKind, date], tuple[MentionKind, date]] | None:
    """The first and last day of a `_RX_MONTH_RANGE` match ("ต.ค. 67 – มี.ค. 68", "มกราคม – กุมภาพันธ์ 2568")."""
    d1, mon1, y1a, y1b, d2, mon2, y2a, y2b = m.groups()
    m1, m2 = _month_number(mon1), _month_number(mon2)
    end_year = _be_year(y2a, y2b)
    if m1 is None or m2 is None or end_year is None:
        return None
    start_year = _be_year(y1a, y1b) if (y1a or y1b) else None
    if start_year is None:
        if y1a or y1b:
            return None
        # `ต.ค. – ก.ย. 68`: the first month takes the second's year, one earlier if it comes later in the calendar.
        start_year = end_year - 1 if m1 > m2 else end_year
    first = _year_to_date(start_year, m1, int(d1) if d1 else None)
    last = _year_to_date(end_year, m2, int(d2) if d2 else None)
    if first is None or last is None or last[1] < first[1]:
        return None
    return first, last


def month_span(text: str) -> tuple[date, date] | None:
    """The first and last day of the span of months `text` (a display form) names first ("มกราคม – กุมภาพันธ์ 2568");
    None when it names none."""
    m = _RX_MONTH_RANGE.search(text)
    got = _month_range_days(m) if m is not None else None
    return (got[0][1], got[1][1]) if got is not None else None


def month_of(token: str) -> int | None:
    """The number of a Thai month's name or abbreviation ("กุมภาพันธ์", "ก.พ."); None for another word."""
    return _month_number(token)


class _Scanner:
    def __init__(self, text: str, *, url: bool) -> None:
        self.text = text
        self.url = url
        self.cands: list[_Cand] = []
        self._runs: dict[int, list[tuple[int, int]]] | None = None  # the digit runs by length
        # The runs of some lengths (or an anchor's characters, by the anchor's id) in order, and the gaps from
        # each one's start to the next one's end.
        self._spans: dict[frozenset[int] | int, tuple[list[tuple[int, int]], list[int]]] = {}
        self._folded: str | None = None
        self._windows: dict[tuple[frozenset[int] | int, int, int], list[tuple[int, int]]] = {}

    def _find(self, rx: re.Pattern[str], runs: frozenset[int]) -> Iterator[re.Match[str]]:
        """`rx.finditer(self.text)`, run only over the windows around the digit runs of the lengths `runs`
        (see `_RUNS_YEAR`), or around the characters its anchor finds (`_ANCHORS`): the same matches."""
        t = self.text
        needles = _NEEDLES_BY_ID.get(id(rx), ())
        anchor = _ANCHOR_BY_ID.get(id(rx))
        extent = None if len(t) < _SCAN_WHOLE_BELOW else _EXTENT_BY_ID.get(id(rx))
        if extent is None:
            # Every match holds its anchor and its needles: a text without one of them holds none.
            if (anchor is None or anchor.search(t) is not None) and all(n.search(t) is not None for n in needles):
                yield from rx.finditer(t)
            return
        width, reach = extent
        key = (runs if anchor is None else id(anchor), width, reach)
        windows = self._windows.get(key)
        if windows is None:
            windows = self._windows[key] = self._windows_around(runs, width, reach, anchor)
        size = len(t)
        for lo, hi in windows:
            if needles and any(n.search(t, lo, hi) is None for n in needles):
                continue  # a match would hold each, and lie inside the window
            last = hi - reach if hi < size else size
            for m in rx.finditer(t, lo, hi):
                if m.start() > last:
                    break
                yield m

    def _windows_around(self, runs: frozenset[int], width: int, reach: int,
                        anchor: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
        which: frozenset[int] | int = runs if anchor is None else id(anchor)
        got = self._spans.get(which)
        if got is None:
            if anchor is not None:
                spans = [m.span() for m in anchor.finditer(self.text)]
            else:
                by_length = self._runs
                if by_length is None:
                    by_length = self._runs = {}
                    for m in _DIGIT_RUN.finditer(self.text):
                        start, end = m.span()
                        by_length.setdefault(end - start, []).append((start, end))
                spans = sorted(span for length in runs for span in by_length.get(length, ()))
            # Runs do not overlap, so starts and ends rise together: the windows of two neighbours, [e - width,
            # s + reach) each, overlap or touch when the second's end is at most `width + reach` past the
            # first's start. Each pattern's windows break where that gap is wider than its own sum.
            got = self._spans[which] = (spans, [b[1] - a[0] for a, b in pairwise(spans)])
        spans, gaps = got
        if not spans:
            return []
        size = len(self.text)
        widest = width + reach
        out: list[tuple[int, int]] = []
        first = 0
        for i in [i for i, gap in enumerate(gaps) if gap > widest]:
            out.append((max(0, spans[first][1] - width), min(size, spans[i][0] + reach)))
            first = i + 1
        out.append((max(0, spans[first][1] - width), min(size, spans[-1][0] + reach)))
        return out

    def add(
        self,
        prio: int,
        m: re.Match[str] | tuple[int, int],
        kind: MentionKind | None,
        fys: tuple[int, ...] = (),
        d: date | None = None,
    ) -> None:
        start, end = (m.start(), m.end()) if isinstance(m, re.Match) else m
        self.cands.append(_Cand(prio, start, end, kind, fys, d))

    def scan(self) -> list[YearMention]:
        if _DIGIT_RUN.search(self.text) is None:
            return []  # every mention holds a number: a text without a digit (a title, a link's words) has none
        self.collect()
        return self._resolve()

    def collect(self) -> None:
        t = self.text
        for m in _RX_PHONE.finditer(t):
            self.add(_P_MASK, m, None)
        self._fiscal_ranges(t)
        self._month_ranges(t)
        self._fiscal(t)
        self._dates(t)
        self._year_ranges(t)
        self._eras(t)
        self._ce(t)
        if not self.url:  # in a URL, `_ce` reads lone years with the URL rules
            for m in self._find(_RX_BARE, _RUNS_Y4):
                y = _be4(m.group(1))
                if y is not None:
                    self.add(_P_BARE, m, MentionKind.BARE, (y,))

    # -- candidates

    def _fiscal_ranges(self, t: str) -> None:
        for m in self._find(_RX_FISCAL_RANGE, _RUNS_YEAR):
            a = _be_year(m.group(1), m.group(2))
            if a is not None:
                self._add_year_range(_P_RANGE_CTX, m, a, _end_year(a, m.group(3), m.group(4)))
        for m in self._find(_RX_PI_RANGE, _RUNS_Y4):
            a = _be4(m.group(1))
            if a is not None:
                self._add_year_range(_P_RANGE_CTX, m, a, _be4(m.group(2)))

    def _add_year_range(self, prio: int, m: re.Match[str], a: int, b: int | None) -> None:
        span = _fy_span(a, b) if b is not None else None
        if span is not None and len(span) > 1:
            self.add(prio, m, MentionKind.RANGE, span)

    def _month_ranges(self, t: str) -> None:
        for m in self._find(_RX_MONTH_RANGE, _RUNS_YEAR):
            got = _month_range_days(m)
            if got is None:
                continue
            first, last = got
            span = _fy_span(fiscal_year_of(first[1]), fiscal_year_of(last[1]))
            if span is not None:
                self.add(_P_RANGE_CTX, m, MentionKind.RANGE, span)

    def _fiscal(self, t: str) -> None:
        for m in self._find(_RX_FISCAL, _RUNS_YEAR):
            four = m.group(1) or m.group(3)
            y = _be_year(four, m.group(2))
            if y is not None:
                self.add(_P_FISCAL, m, MentionKind.FISCAL, (y,))
            elif four is not None and (c := _ce4(four)) is not None:
                # `ปีงบประมาณ 2026`: the year is CE even though the wording is fiscal.
                self.add(_P_FISCAL, m, MentionKind.CE, (ce_to_be(c),))
        # Not windowed: run over the whole text, only where its digits are (`_SPLIT_DIGITS`, rare).
        for m in _RX_SPLIT_YEAR.finditer(t) if _SPLIT_DIGITS.search(t) is not None else ():
            if (y := _be4("25" + m.group(2))) is not None:
                fiscal = m.group(1) is not None
                self.add(_P_FISCAL if fiscal else _P_ERA, m, MentionKind.FISCAL if fiscal else MentionKind.BARE, (y,))
        for m in self._find(_RX_ITA, _RUNS_Y4):
            four = m.group(1)
            if (y := _be4(four)) is not None:
                self.add(_P_FISCAL, m, MentionKind.FISCAL, (y,))
            elif (c := _ce4(four)) is not None:
                self.add(_P_FISCAL, m, MentionKind.CE, (ce_to_be(c),))

    def _dates(self, t: str) -> None:
        self._thai_month_dates(t)
        self._english_dates(t)
        self._numeric_dates(t)
        self._iso_dates(t)
        self._compact_dates(t)

    def _thai_month_dates(self, t: str) -> None:
        for m in self._find(_RX_MONTH_DATE, _RUNS_YEAR):
            day, mon, y4, y2 = m.groups()
            month = _month_number(mon)
            year = int(y4) if y4 is not None else _yy(y2)
            if month is None or year is None:
                continue
            got = _year_to_date(year, month, int(day) if day else None)
            if got is None:
                continue
            kind, d = got
            start = m.start()
            full = bool(day)
            if day and d.day != int(day):  # an impossible day (31 ก.ย.) is not part of the date
                start, full = m.start(2), False
            keep = full or kind is MentionKind.DATE
            self.add(_P_DATE, (start, m.end()), kind, (fiscal_year_of(d),), d if keep else None)
        for m in self._find(_RX_MONTH_DAY_YEAR, _RUNS_Y4):
            month = _month_number(m.group(1))
            got = _year_to_date(int(m.group(3)), month, int(m.group(2))) if month is not None else None
            if got is not None and got[1].day == int(m.group(2)):
                self.add(_P_DATE, m, got[0], (fiscal_year_of(got[1]),), got[1])

    def _fold(self) -> str:
        """The text case-folded, for the look-ups that spare a case-blind pattern the texts it cannot match:
        what IGNORECASE equates (`ſ` is `s`) is folded alike."""
        if self._folded is None:
            self._folded = self.text.casefold()
        return self._folded

    def _english_dates(self, t: str) -> None:
        folded = self._fold()
        if not any(stem in folded for stem in _EN_MONTH_STEMS):
            return  # no English month name, so no English date: most Thai pages
        for m in self._find(_RX_EN_DATE, _RUNS_Y4):
            day1, mon1, mon2, day2, y4 = m.groups()
            month = _month_number(mon1 or mon2)
            day = day1 or day2
            if month is None:
                continue
            got = _year_to_date(int(y4), month, int(day) if day else None)
            if got is not None:
                kind, d = got
                keep = bool(day) or kind is MentionKind.DATE
                self.add(_P_DATE, m, kind, (fiscal_year_of(d),), d if keep else None)

    def _numeric_dates(self, t: str) -> None:
        for m in self._find(_RX_NUM_DATE, _RUNS_YEAR):
            if m.group(1) is not None:
                day, month, ys = int(m.group(1)), int(m.group(3)), m.group(4)
                year: int | None = int(ys)
            else:
                day, month = int(m.group(5)), int(m.group(6))
                year = _yy(m.group(7))
            if year is None or _safe_date(2000, month, day) is None:
                continue
            got = _year_to_date(year, month, day)
            if got is not None and got[1].day == day:
                kind, d = got
                self.add(_P_DATE, m, kind, (fiscal_year_of(d),), d)

    def _iso_dates(self, t: str) -> None:
        for m in self._find(_RX_YMD, _RUNS_Y4):
            year, sep, month_s, day_s = int(m.group(1)), m.group(2), m.group(3), m.group(4)
            if not self.url and (sep == "." and day_s is None):
                continue  # `2023.10` in running text is a decimal
            if not self.url and day_s is None and not (CE_MIN <= year <= CE_MAX):
                continue  # `2567-10` in text: too easily a code or a range
            if self.url and day_s is None and BE_MIN <= year <= BE_MAX and len(month_s) != 2:
                continue  # `ita-2568-1` is a slug suffix; `/2567/10/` is a folder date
            got = _year_to_date(year, int(month_s), int(day_s) if day_s else None)
            if got is None:
                continue
            kind, d = got
            keep = day_s is not None or kind is MentionKind.DATE
            self.add(_P_DATE, m, kind, (fiscal_year_of(d),), d if keep else None)

    def _compact_dates(self, t: str) -> None:
        for m in self._find(_RX_COMPACT_YMD, _RUNS_COMPACT):
            glued = m.start() > 0 and t[m.start() - 1].isascii() and t[m.start() - 1].isalpha()
            if not (self.url or glued):
                continue  # an 8-digit number in prose is not a date
            got = _year_to_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if got is not None:
                kind, d = got
                self.add(_P_DATE, m, kind, (fiscal_year_of(d),), d)

    def _year_ranges(self, t: str) -> None:
        for m in self._find(_RX_YEAR_RANGE, _RUNS_Y4):
            a = _be4(m.group(1))
            if a is not None:
                self._add_year_range(_P_RANGE, m, a, _end_year(a, m.group(2), m.group(3)))

    def _eras(self, t: str) -> None:
        for m in self._find(_RX_BE_ERA_YEAR, _RUNS_YEAR):
            y = _be_year(m.group(1), m.group(2))
            if y is not None:
                self.add(_P_ERA, m, MentionKind.BARE, (y,))

    def _ce(self, t: str) -> None:
        for m in self._find(_RX_CE_ERA_YEAR, _RUNS_Y4):
            if (c := _ce4(m.group(1))) is not None:
                self.add(_P_CE, m, MentionKind.CE, (ce_to_be(c),))
        for m in self._find(_RX_CE_GLUED, _RUNS_Y4):
            if (c := _ce4(m.group(1))) is not None and not self._camera(m.start()):
                self.add(_P_CE, m, MentionKind.CE, (ce_to_be(c),))
        if self.url:
            for m in self._find(_RX_URL_YEAR, _RUNS_Y4):
                four = m.group(1)
                if self._camera(m.start()):
                    continue
                if (y := _be4(four)) is not None:
                    self.add(_P_BARE, m, MentionKind.BARE, (y,))
                elif (c := _ce4(four)) is not None:
                    self.add(_P_CE, m, MentionKind.CE, (ce_to_be(c),))
        elif "http" in (folded := self._fold()) or "www." in folded:  # what a quoted URL starts with
            # A URL quoted in running text is read with the URL rules.
            for u in _RX_URL_TOKEN.finditer(t):
                sub = _Scanner(u.group(), url=True)
                sub.collect()
                off = u.start()
                self.cands.extend(
                    _Cand(c.prio, c.start + off, c.end + off, c.kind, c.fiscal_years, c.date)
                    for c in sub.cands
                    if c.kind is not None
                )

    def _camera(self, pos: int) -> bool:
        return _RX_CAMERA_BEFORE.search(self.text, max(0, pos - 6), pos) is not None

    # -- resolution

    def _resolve(self) -> list[YearMention]:
        taken = bytearray(len(self.text) + 1)
        kept: list[_Cand] = []
        for c in sorted(self.cands, key=lambda c: (c.prio, -(c.end - c.start), c.start)):
            if c.end <= c.start or any(taken[c.start : c.end]):
                continue
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
            if c.kind is not None:
                kept.append(c)
        kept.sort(key=lambda c: c.start)
        return [self._mention(c) for c in _merge_date_ranges(kept, self.text)]

    def _mention(self, c: _Cand) -> YearMention:
        assert c.kind is not None
        return YearMention(c.kind, c.fiscal_years, c.start, c.end, self.text[c.start : c.end], c.date)


def _merge_date_ranges(cands: list[_Cand], text: str) -> Iterator[_Cand]:
    """Two full dates joined by a dash or ถึง (`1/10/2567 - 30/9/2568`) make one RANGE."""
    i = 0
    while i < len(cands):
        a = cands[i]
        if i + 1 < len(cands):
            b = cands[i + 1]
            if (
                a.date is not None
                and b.date is not None
                and a.kind in (MentionKind.DATE, MentionKind.CE)
                and b.kind is a.kind
                and _ELEMENT_DASH.fullmatch(text[a.end : b.start])
                and b.date >= a.date
            ):
                span = _fy_span(fiscal_year_of(a.date), fiscal_year_of(b.date))
                if span is not None:
                    yield _Cand(_P_RANGE, a.start, b.end, MentionKind.RANGE, span, None)
                    i += 2
                    continue
        yield a
        i += 1


def find_year_mentions(text: str) -> list[YearMention]:
    """Every year mention in `text`, in order; positions are offsets into `display(text)`."""
    return _Scanner(display(text), url=False).scan()


def year_mentions_in_display(shown: str) -> list[YearMention]:
    """`find_year_mentions` of a text already in its `display` form (`shown == display(text)`), without
    folding it again."""
    return _Scanner(shown, url=False).scan()


_MONTH_NAME = re.compile(THAI_MONTH_RX)
_RANGE_DASH = re.compile(r"[-–—−~]|ถึง")  # what `_DASH` cannot match without
# What every match of a pattern holds besides its digits: a Thai date its month's name (the pattern's own month
# group), a range of months also its dash. Where one is missing, in a window or a short text, the pattern is not
# run: a match lies inside the window it is looked for in (`finditer(text, lo, hi)`), and so does what it holds;
# the month name's look-behinds see the text before the window as the pattern's do, its look-aheads the window's
# end as the pattern's do. The bench agency's texts: 21.1–22.2 → 20.0–20.8 ms (medians of 7, alternating, five runs).
_NEEDLES_BY_ID: dict[int, tuple[re.Pattern[str], ...]] = {
    id(_RX_MONTH_RANGE): (_RANGE_DASH, _MONTH_NAME), id(_RX_MONTH_DATE): (_MONTH_NAME,),
    id(_RX_MONTH_DAY_YEAR): (_MONTH_NAME,)}

# Anchors: the ranges of years and the numeric dates are looked for around what each of their matches holds
# instead of around every year-long run of digits, which in a page of figures leaves little out. An anchor
# consumes one digit and looks ahead for the rest, so `finditer` finds every digit it holds at (none is hidden
# inside an earlier match), and every match of its pattern holds such a digit: the last one before a range's
# dash (`2566 – 2570`, `ปีงบประมาณ 66-68`, `ปี 2566 ถึง ปี พ.ศ. 2570`), the day's last before a date's first
# separator (`1/10/2567`). A match holding the digit at p starts at or after p + 1 - width and reads nothing at
# or past p + reach: the window around the span (p, p + 1), as around a run of digits. One anchor for the three
# kinds of range: what it looks ahead for is what the widest of them allows after its first year. On the bench
# agency's pages the four patterns took 9.6 of 31 ms (per-pattern timing) around the runs.
_YEAR_DASH_YEAR = re.compile(rf"\d(?={_DASH}(?:ปี{_S})?(?:{_BE_ERA})?\d)")
_DAY_SEPARATOR_MONTH = re.compile(r"\d(?=[/.\-]\d{1,2}[/.\-]\d)")
# A range of months is looked for around its dash, where the second month follows it: the dash's character
# (`ถ` of ถึง and จนถึง), then what the pattern allows before the second month's first letter. A class first,
# so the engine skips ahead to the next dash; the months' own alternation then runs only there, not at every
# ก, ม, เ … of the text. A text too short for windows is not scanned without an anchor either. The bench
# agency's pages, whole scan: 29.4–30.2 → 27.0–28.0 ms (medians of 7, alternating, three runs).
_DASH_BEFORE_MONTH = re.compile(r"[-–—−~ถ](?=(?:ึง)?\s?(?:วันที่\s?)?(?:\d{1,2}\s?)?[กพมธสตเ])")
_ANCHORS: dict[re.Pattern[str], re.Pattern[str]] = {
    _RX_FISCAL_RANGE: _YEAR_DASH_YEAR, _RX_PI_RANGE: _YEAR_DASH_YEAR, _RX_YEAR_RANGE: _YEAR_DASH_YEAR,
    _RX_NUM_DATE: _DAY_SEPARATOR_MONTH, _RX_MONTH_RANGE: _DASH_BEFORE_MONTH,
}
_ANCHOR_BY_ID = {id(rx): anchor for rx, anchor in _ANCHORS.items()}


def months_named(text: str) -> set[int]:
    """Month numbers (1–12) the Thai month names and abbreviations in `text` stand for ("ตุลาคม 2567 -
    มีนาคม 2568" → {10, 3}); used to tell a 6-month or quarterly report from an annual one."""
    found = (_month_number(m.group(0)) for m in _MONTH_NAME.finditer(display(text)))
    return {n for n in found if n is not None}


def _url_text(url: str) -> tuple[str, list[tuple[int, int]]]:
    """The percent-decoded URL and the spans worth reading: path, and path-like query values.

    A host name or a numeric query value (`?p=2567`, `?page_id=2566`) is an identifier, not a year.
    """
    parts = urllib.parse.urlsplit(url.strip())
    if parts.netloc:
        prefix = f"{parts.scheme}://{parts.netloc}" if parts.scheme else f"//{parts.netloc}"
    else:
        prefix = f"{parts.scheme}:" if parts.scheme else ""
    decoded = urllib.parse.unquote(prefix)
    spans: list[tuple[int, int]] = []
    path = urllib.parse.unquote(parts.path)
    spans.append((len(decoded), len(decoded) + len(path)))
    decoded += path
    if parts.query:
        decoded += "?"
        for i, field in enumerate(parts.query.split("&")):
            if i:
                decoded += "&"
            key, eq, value = field.partition("=")
            key_d = urllib.parse.unquote_plus(key)
            value_d = urllib.parse.unquote_plus(value)
            decoded += key_d + eq
            if "/" in value_d or re.search(r"\.[A-Za-z]{2,5}$", value_d):
                spans.append((len(decoded), len(decoded) + len(value_d)))
            decoded += value_d
    return decoded, spans


def years_in_url(url: str) -> list[YearMention]:
    """Years in a URL's path and file name (and in path-like query values such as a viewer's
    `?file=…/2567/x.pdf`). BE and CE forms; positions are offsets into the percent-decoded URL."""
    if len(url) > _URL_MEMO_MAX_LEN:
        return list(_years_in_url.__wrapped__(url))  # read, not kept
    return list(_years_in_url(url))


_URL_MEMO_MAX_LEN = 2048  # a longer URL (a data: URI can be megabytes) is read each time rather than kept


@lru_cache(maxsize=8192)  # every item of an agency reads its documents' URLs again, and links repeat on pages
def _years_in_url(url: str) -> tuple[YearMention, ...]:
    decoded, spans = _url_text(url)
    out: list[YearMention] = []
    for s, e in spans:
        for m in _url_scan(decoded[s:e]):
            a, b = m.start + s, m.end + s
            out.append(YearMention(m.kind, m.fiscal_years, a, b, decoded[a:b], m.date))
    return tuple(out)


# Two years joined by an underscore in a file name are a span: "plan_2566_2570.pdf" is "2566-2570".
_URL_YEARS_JOINED = re.compile(r"(?<=\d{4})_(?=\d{4}(?!\d))")


def _url_scan(segment: str) -> list[YearMention]:
    # Thai digits are mapped one-to-one, and an underscore becomes a dash, so offsets still index the decoded URL.
    return _Scanner(_URL_YEARS_JOINED.sub("-", thai_digits_to_arabic(segment)), url=True).scan()
