"""Structural evidence (pure): a column of values under a header, a table of figures, a signature block.

Agencies write the same component many ways. Phrases and patterns find its words; these matchers find its
shape, as the catalogue describes it (`Matcher`, rules/README.md "Matchers"):

* `column` — a header ("จำนวนเงิน (บาท)", "ช่วงเวลา") followed by values of one kind (amounts, months) in the
  next few hundred characters, the way a PDF's text layer or a workbook row lays a table column out;
  `beside` asks for a second header next to it ("ผลการดำเนินงาน"), so that a money column counts as money
  *spent* only in a table of results, not in a plan's budget table.
* `rows` — a table of figures: lines whose label is followed only by numbers ("งานทะเบียนพาณิชย์ 4 2 3 5 2 3 19"),
  under a header line that names a unit or the months — counts per service and month with or without "ราย".
* `signature_block` — what makes an announcement signed: a name in parentheses with a position right after
  it (or "ลงชื่อ" … name … position), near the end of the announcement (the end of its page, or right after
  its closing "ประกาศ ณ วันที่ …"); or that closing date line directly followed by a titled name and the
  position (a block whose parentheses were lost). A body sentence naming the position ("ข้าพเจ้า นาย… นายก…")
  is not one.

Every function takes text and returns the quoted evidence (a snippet) or None; nothing here reads files.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from oit_checker.model import Matcher, MatcherKind, ValueKind
from oit_checker.text.thai import COMBINING, TextIndex, display, normalize, normalize_phrase

MONTH = (r"(?:ต\.\s?ค\.|พ\.\s?ย\.|ธ\.\s?ค\.|ม\.\s?ค\.|ก\.\s?พ\.|มี\.\s?ค\.|เม\.\s?ย\.|พ\.\s?ค\.|มิ\.\s?ย\.|ก\.\s?ค\.|"
         r"ส\.\s?ค\.|ก\.\s?ย\.|มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|"
         r"พฤศจิกายน|ธันวาคม)")
_MONTH_YEAR = MONTH + r"\s*(?:(?:พ\.\s?ศ\.\s*)?\d{2,4})?"
# Values found in the display text after a column's header.
_VALUE_RE: dict[ValueKind, re.Pattern[str]] = {
    # 4,800.00 · 1,540,000 · 4800.00 · 612 บาท — not 83.33 or 100.00 (percentages), not 1,124 คน or 18,000 ลบ.ม. / ตร.ม.
    # (but a cell "๑,๒๐๐" before the next row's "ตรวจรับงานก่อสร้าง…" is money: review60 c04)
    ValueKind.MONEY: re.compile(
        r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})+(?:\.\d{2})?|\d{4,}\.\d{2})(?![\d,])"
        r"(?!\s*(?:คน|ราย|ครั้ง|ลบ|ม\.|กม|ตร\.|ตรม(?![ก-๙])|%))"
        r"|(?<![\d,.])\d[\d,]*(?:\.\d{1,2})?\s*บาท"),
    ValueKind.COUNT: re.compile(r"(?<![\d,.:/])(?:\d{1,3}(?:,\d{3})+|\d{1,6})(?![\d,.:/])(?!\s*(?:บาท|%|น\.))"),
    ValueKind.MONTH: re.compile(MONTH),
    ValueKind.MONTH_RANGE: re.compile(_MONTH_YEAR + r"\s*[-–—]\s*" + MONTH),
}
# A money column's cell saying nothing was spent (a PDF may break it: "ไม่ใช้งบ ประมาณ").
_NO_SPEND = re.compile(r"ไม่(?:ได้)?ใช้\s?งบ(?:\s?ประมาณ)?|ไม่มีค่าใช้จ่าย")
# …or a zero ("0", "0.00"; not a dash, which also stands between two dates), read as one beside a real amount: a
# table broken by a page keeps its header and
# first rows on one page ("งบที่ใช้จริง (บาท) … ๑๘,๗๕๐ … ๐ … ๐ … ๐", the other amounts on the next: review27 i01, o01).
_ZERO_SPEND = re.compile(r"(?<![\d,.\w])0(?:\.00)?(?![\d,.\w])")
# One cell of a table of figures (a token between spaces or "|").
_CELL_RE: dict[ValueKind, re.Pattern[str]] = {
    ValueKind.COUNT: re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,6}"),
    ValueKind.MONEY: re.compile(r"\d{1,3}(?:,\d{3})*(?:\.\d{2})?|\d+(?:\.\d{2})?"),
}
_EMPTY_CELLS = frozenset({"-", "–", "—", "0.00"})
_THAI = re.compile("[ก-ฮ]")
_MONTH_ONLY = re.compile(MONTH + r"$")
_YEARS = (range(1950, 2101), range(2400, 2701))  # a bare four-digit year is no count

BESIDE_CHARS = 60  # normalized characters either side of a column's header where `beside` must appear
HEADER_LINES = 6  # lines above a table of figures searched for its header


# ---------------------------------------------------------------- column


def column_hit(matcher: Matcher, index: TextIndex, block: Sequence[tuple[int, int]] = ()) -> str | None:
    """A header of `matcher` with enough values after it (and a `beside` header next to it, if asked); a header
    inside a `block` span (`normalized_text` offsets: a column no row fills) does not count."""
    norm = index.normalized_text
    value_re = _VALUE_RE[matcher.values]
    for header in matcher.headers:
        year_rx = _with_year(header)
        spans = index.spans(header)
        if year_rx is not None and _YEAR_DIGITS in norm:
            spans += [(m.start(), m.end()) for m in year_rx.finditer(norm)]
        for start, end in spans:
            if any(a <= start and end <= b for a, b in block):
                continue
            if matcher.beside and not _beside(norm, start, end, matcher.beside):
                continue
            head_start, head_end = index.display_span(start, end)
            tail = index.display_text[head_end:head_end + matcher.window]
            values = [m.group(0) for m in value_re.finditer(tail)]
            if values and matcher.values is ValueKind.MONEY and len(values) < matcher.min_values:
                # a measure that cost nothing counts beside one that cost money ("ไม่ใช้งบประมาณ, …, 4,500")
                values += [m.group(0) for m in _NO_SPEND.finditer(tail)]
                if len(values) < matcher.min_values:
                    values += [m.group(0) for m in _ZERO_SPEND.finditer(tail)]
            if len(values) >= matcher.min_values:
                shown = ", ".join(display(v) for v in values[:3])
                return f"{index.display_text[head_start:head_end]} … {shown}"
    return None


# A header naming its year between its words and its unit: "เบิกจ่าย ปี ๒๕๖๗ (บาท)" over a FY 2567 report's amounts
# (a PDF's lines "เบิกจ่าย ปี ๒๕๖๗" / "(บาท)": review40 P1) is the column "เบิกจ่าย (บาท)"; so are "… ปีงบประมาณ 2567
# (บาท)", "… พ.ศ. 2567 (บาท)" (on the normalized text).
_UNIT_END = re.compile(r"\((?:ล้าน)?บาท\)$")
_YEAR_BEFORE_UNIT = r"(?:ปี(?:งบ(?:ประมาณ)?)?)?(?:พ\.?ศ\.?)?25\d\d"
_YEAR_DIGITS = "25"  # no Buddhist-era year on the page: nothing to look for


@lru_cache(maxsize=256)
def _with_year(header: str) -> re.Pattern[str] | None:
    """The header with a year before its unit (`_UNIT_END`), as a pattern on the normalized text; None for a
    header without a unit."""
    norm = normalize_phrase(header)
    m = _UNIT_END.search(norm)
    if m is None or m.start() == 0:
        return None
    return re.compile(re.escape(norm[:m.start()]) + _YEAR_BEFORE_UNIT + re.escape(norm[m.start():]))


def _beside(norm: str, start: int, end: int, beside: Sequence[str]) -> bool:
    around = norm[max(0, start - BESIDE_CHARS):end + BESIDE_CHARS]
    return any(normalize_phrase(b) in around for b in beside)


# ---------------------------------------------------------------- rows


def rows_hit(matcher: Matcher, page: str) -> str | None:
    """At least `min_rows` lines of figures under a header line naming one of `matcher.headers`."""
    lines = [display(line) for line in page.splitlines()]
    group: list[int] = []
    for i, line in enumerate([*lines, ""]):
        if line and _figure_row(line, matcher.values, matcher.min_values):
            group.append(i)
            continue
        if group and (not line or i - group[-1] > 2):
            found = _table(matcher, lines, group)
            if found is not None:
                return found
            group = []
    return None


def _table(matcher: Matcher, lines: Sequence[str], rows: Sequence[int]) -> str | None:
    if len(rows) < matcher.min_rows:
        return None
    above = lines[max(0, rows[0] - HEADER_LINES):rows[0]]
    header = next((line for line in reversed(above) if _names_header(line, matcher.headers)), None)
    if matcher.headers and header is None:
        return None
    first = lines[rows[0]]
    return f"{header} … {first}" if header else first


@lru_cache(maxsize=64)
def _header_forms(headers: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(normalize_phrase(h) for h in headers)


def _names_header(line: str, headers: tuple[str, ...]) -> bool:
    norm = normalize(line)
    return any(h in norm for h in _header_forms(headers))


def _figure_row(line: str, kind: ValueKind, min_values: int) -> bool:
    """A label (Thai words), then only figures of `kind` (or empty cells): at least `min_values` of them."""
    cells = [c for c in re.split(r"[\s|]+", line) if c]
    label = max((i for i, c in enumerate(cells) if _THAI.search(c)), default=-1)
    if label < 0:
        return False
    tail = cells[label + 1:]
    if tail and _MONTH_ONLY.search(cells[label]) and re.fullmatch(r"\d{2}|\d{4}", tail[0]):
        tail = tail[1:]  # "ต.ค. 67": the month's year belongs to the label
    cell_re = _CELL_RE.get(kind)
    if cell_re is None:
        return False
    values = 0
    for cell in tail:
        if cell in _EMPTY_CELLS:
            continue
        if not cell_re.fullmatch(cell) or _is_year(cell):
            return False
        values += 1
    return values >= min_values


def _is_year(cell: str) -> bool:
    return len(cell) == 4 and cell.isdigit() and any(int(cell) in r for r in _YEARS)


def structure_hit(matcher: Matcher, page: str, index: TextIndex, block: Sequence[tuple[int, int]] = ()
                  ) -> str | None:
    """The matcher's evidence on one page: its raw text (lines) and its index (`block`: see `column_hit`)."""
    if matcher.kind is MatcherKind.COLUMN:
        return column_hit(matcher, index, block)
    return rows_hit(matcher, page)


# ---------------------------------------------------------------- signature


_NAME_IN_PARENS = re.compile(r"\(\s*(?!ลงชื่อ)([^()]{3,60}?)\s*\)")
_SIGNED_BY = re.compile(r"ลงชื่อ\s*\)?")
# The closing date line directly followed by a titled name: a block whose parentheses were lost.
_DATED_NAME = re.compile(
    r"(?:ประกาศ|สั่ง|ให้ไว้|รายงาน)\s*ณ\s*วันที่\s*\d{1,2}\s*[ก-๙.]+\s*(?:พ\.\s?ศ\.\s*)?\d{4}\s*"
    r"(?:\(?\s*ลงชื่อ\s*\)?[\s.…_]*)?(?:นางสาว|นาง|นาย|ว่าที่\s*[ก-๙.]+|ดร\.)\s*[ก-๙]+\s+[ก-๙]+")
_PERSON = re.compile(r"[ก-ฮเ-ไ][ก-๙.]*\s+[ก-ฮเ-ไ][ก-๙]+")  # a first name and a surname (ใจดี starts with ใ)
# Closing formulas that end the text of an announcement, an order or a report, just above its signature.
_CLOSING = tuple(normalize(c) for c in (
    "ประกาศ ณ วันที่", "สั่ง ณ วันที่", "ให้ไว้ ณ วันที่", "จึงประกาศมาเพื่อทราบ", "จึงประกาศให้ทราบ",
    "รายงาน ณ วันที่", "ประกาศ ณ", "สั่ง ณ",
))
NEAR_END_CHARS = 300  # normalized characters a signature block may leave after it on its page
CLOSING_CHARS = 250  # normalized characters between a closing formula and the block below it
_AFTER_NAME = 120  # display characters after a name searched for the position
# Also signed by delegation: "ปลัดองค์การบริหารส่วนตำบล ปฏิบัติราชการแทน นายกองค์การบริหารส่วนตำบลโคกสูง" is the
# executive's office signing (review29 g05).
_ACTING = (normalize("ปฏิบัติหน้าที่"), normalize("รักษาราชการแทน"), normalize("ปฏิบัติราชการแทน"))
_ACTING_CHARS = 80  # normalized characters of a position line in which "acting for …" may stand
_AFTER_SIGNED = 120  # display characters after "ลงชื่อ" searched for a name and a position


def signature_block(page: str, positions: Sequence[str]) -> str | None:
    """The quoted signature block of one page (its text with line breaks), or None."""
    text = display(page)
    forms = tuple(normalize_phrase(p) for p in positions)
    for m in _NAME_IN_PARENS.finditer(text):
        if not _PERSON.search(m.group(1)):
            continue
        found = _position_after(text, m.end(), _AFTER_NAME, forms)
        if found is not None and _near_end(text, m.start(), found):
            return _quote(text, m.start(), found)
    for m in _SIGNED_BY.finditer(text):
        window = text[m.end():m.end() + _AFTER_SIGNED]
        name = _PERSON.search(window)
        if name is None:
            continue
        found = _position_after(text, m.end() + name.end(), _AFTER_NAME, forms)
        if found is not None and _near_end(text, m.start(), found):
            return _quote(text, m.start(), found)
    for m in _DATED_NAME.finditer(text):
        # "ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๗ นายสมพงษ์ บุญประเสริฐ นายก…": the closing date, then the signer.
        found = _position_after(text, m.end(), _AFTER_NAME, forms)
        if found is not None:
            return _quote(text, m.start(), found)
    return None


def _position_after(text: str, at: int, span: int, forms: Sequence[str]) -> int | None:
    """Where the position written right after `at` ends (a display offset), or None."""
    after = text[at:at + span]
    lead = len(after) - len(after.lstrip(" " + COMBINING + ")"))
    rest = after[lead:]
    norm = normalize(rest)
    for form in forms:
        for prefix in ("ตำแหน่ง", ""):
            if norm.startswith(prefix + form):
                return at + lead + _display_len(rest, len(prefix + form))
        # Acting for the executive: "ปลัดเทศบาล ปฏิบัติหน้าที่นายกเทศมนตรี…", "… รักษาราชการแทนอธิบดี…",
        # "ปลัด อบต. ปฏิบัติราชการแทน นายก…".
        for acting in _ACTING:
            where = norm.find(acting + form, 0, _ACTING_CHARS)
            if where != -1:
                return at + lead + _display_len(rest, where + len(acting + form))
    return None


def _display_len(text: str, norm_chars: int) -> int:
    """How many display characters of `text` hold its first `norm_chars` normalized (space-free) characters."""
    seen = 0
    for i, ch in enumerate(text):
        if ch != " ":
            seen += 1
        if seen >= norm_chars:
            return i + 1
    return len(text)


def _near_end(text: str, start: int, end: int) -> bool:
    """Whether the block ends its page, or directly follows the announcement's closing formula. `text` is a display
    form (its matching form is itself without spaces): the characters after the block are counted, and only the last
    `CLOSING_CHARS` before it taken, not the whole page normalized again for every name in parentheses (a page of a
    thousand "(นายสมชาย ใจดี)" cost 0.3 s an item, bench/hostile_text.py)."""
    if len(text) - end - text.count(" ", end) <= NEAR_END_CHARS:
        return True
    before = _flat_before(text, start, CLOSING_CHARS)
    return any(c in before for c in _CLOSING)


def _flat_before(text: str, start: int, chars: int) -> str:
    """The last `chars` characters of `text[:start]` without its spaces."""
    reach = 2 * chars
    while True:
        flat = text[max(0, start - reach):start].replace(" ", "")
        if len(flat) >= chars or reach >= start:
            return flat[-chars:]
        reach *= 2


def _quote(text: str, start: int, end: int) -> str:
    lo = max(0, start - 60)
    return ("…" if lo else "") + text[lo:end].strip()


_OTHER_POSITION = 50  # display characters after a signer's name quoted as the position they signed in


# The signing told in a sentence: a person, the position, then "ลงนาม…" ("นายสมชาย ใจดี นายกองค์การบริหารส่วนตำบล
# โคกสูง ลงนามประกาศเจตนารมณ์…"), or "ลงนามโดย" and the position ("…No Gift Policy ลงนามโดยนายก อบต."); matching form.
_SIGNING_VERB = normalize("ลงนาม")
_SIGNED_BY_WORDS = normalize("ลงนามโดย")
_TOLD_GAP = 40  # normalized characters between the position's end and "ลงนาม" (the position's place: "…ตำบลโคกสูง")
_DEPUTY = "รอง"  # "ลงนามโดย นาย… รองนายก…": a deputy, not the executive


def signing_told(text: str, positions: Sequence[str]) -> bool:
    """Whether a sentence tells that one holding a position signed (a news page's "เมื่อวันที่ ๘ ตุลาคม ๒๕๖๘ นายสมชาย
    ใจดี นายกองค์การบริหารส่วนตำบลโคกสูง ลงนามประกาศเจตนารมณ์…", review37 g08); not a signature block."""
    shown = display(text)
    flat = normalize(shown)
    forms = tuple(normalize_phrase(p) for p in positions)
    if any(_SIGNED_BY_WORDS + form in flat for form in forms):
        return True
    # …or "ลงนามโดย" and the signer's name before the position: "…(No Gift Policy) ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ลงนามโดย
    # นายสมพงษ์ ศรีโคกสูง นายกองค์การบริหารส่วนตำบลโคกสูง ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๗" beside the link (review63 b11); not
    # a deputy's "รองนายก…"
    start = flat.find(_SIGNED_BY_WORDS)
    while start >= 0:
        after = flat[start + len(_SIGNED_BY_WORDS):start + len(_SIGNED_BY_WORDS) + _TOLD_GAP + _AFTER_NAME]
        for form in forms:
            at = after.find(form)
            if 0 <= at <= _TOLD_GAP and not after[:at].endswith(_DEPUTY):
                return True
        start = flat.find(_SIGNED_BY_WORDS, start + 1)
    for m in _PERSON.finditer(shown):
        after = normalize(shown[m.end():m.end() + _AFTER_NAME])
        for form in forms:
            if after.startswith(form) and _SIGNING_VERB in after[len(form):len(form) + _TOLD_GAP + len(_SIGNING_VERB)]:
                return True
    return False


def position_mention(page: str, positions: Sequence[str]) -> str | None:
    """What a text without the position's signature offers instead: another signer's block at its end ("(นายสมหมาย
    ใจงาม) ปลัดเทศบาล…", the last one), else a body sentence naming the position, or a bare date line."""
    text = display(page)
    signers = [m for m in _NAME_IN_PARENS.finditer(text) if _PERSON.search(m.group(1))
               and _near_end(text, m.start(), min(len(text), m.end() + _OTHER_POSITION))]
    if signers:
        last = signers[-1]
        return _quote(text, last.start(), min(len(text), last.end() + _OTHER_POSITION))
    index = TextIndex(page)
    for needle in (*positions, "ประกาศ ณ วันที่", "ลงชื่อ"):
        m = index.find(needle, context=60)
        if m is not None and not m.loose:
            return m.snippet
    return None
