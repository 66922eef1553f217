"""The fast paths of year scanning (text/fiscal.py) find exactly what the plain way finds.

- Windows around digit runs (`_Scanner._find`): the same mentions as scanning the whole text, on every real
  document of the fixtures and on long texts built to put a mention's lead or its look-ahead at a window's edge.
- The month-name alternation written as one branch per first letter (`THAI_MONTH_RX`): the same matches as the
  flat alternation it replaces (full names longest first, then dotted, then bare abbreviations).
- English dates looked for only in a text holding an English month name's first three letters.
- A text without a digit is not scanned at all.
- A URL's years are read once (memoized): the same mentions, in a list of the caller's own.
- Quoted URLs are looked for only in a text holding `http` or `www.` (case-blind)."""

from __future__ import annotations

import importlib
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from oit_checker.extract import extract
from oit_checker.text import fiscal
from oit_checker.text.thai import display
from tests.support.corpus import PLAN_TEXT
from tests.support.paths import ROOT

# The regex engine's own parser (what `re.compile` uses; not a public interface, no type stubs).
_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

_TYPES = {".pdf": "application/pdf", ".html": "text/html", ".htm": "text/html",
          ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
_FOLDERS = ("corpus", "demo", "realworld", "verdicts", "pages")
_PROSE = "การดำเนินงานตามแผนปฏิบัติการขององค์การบริหารส่วนตำบลเพื่อประโยชน์สุขของประชาชนในพื้นที่ "


def _documents() -> Iterator[Path]:
    for folder in _FOLDERS:
        for path in sorted((ROOT / "fixtures" / folder).rglob("*")):
            if path.suffix.lower() in _TYPES and path.is_file():
                yield path


def _texts() -> list[str]:
    out = [display(PLAN_TEXT)]
    for path in _documents():
        doc = extract(path.read_bytes(), f"https://www.example.go.th/{path.name}", _TYPES[path.suffix.lower()])
        out += [display(page) for page in doc.pages if page]
    return out


def _as_tuples(mentions: list[fiscal.YearMention]) -> list[tuple[object, ...]]:
    return [(m.kind, m.fiscal_years, m.start, m.end, m.text, m.date) for m in mentions]


def _whole(text: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    with monkeypatch.context() as m:
        m.setattr(fiscal, "_SCAN_WHOLE_BELOW", len(text) + 1)
        return _as_tuples(fiscal.year_mentions_in_display(text))


def _windows(text: str, runs: frozenset[int] = fiscal._RUNS_YEAR,
             rx: re.Pattern[str] = fiscal._RX_MONTH_RANGE) -> list[tuple[int, int]]:
    return fiscal._Scanner(text, url=False)._windows_around(runs, *fiscal._EXTENTS[rx])


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def test_real_documents_read_the_same_in_windows(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    windowed = [t for t in texts if len(t) >= fiscal._SCAN_WHOLE_BELOW]
    # Not vacuous: many real pages are scanned in windows, and on some the windows leave text out.
    assert len(windowed) >= 50
    assert any(sum(hi - lo for lo, hi in _windows(t, fiscal._RUNS_Y4, fiscal._RX_BARE)) < len(t) // 2 for t in windowed)
    found = 0
    for text in windowed:
        got = _as_tuples(fiscal.year_mentions_in_display(text))
        assert got == _whole(text, monkeypatch), text[:80]
        found += len(got)
    assert found > 500


def test_the_patterns_needles_leave_out_only_windows_without_a_match(texts: list[str],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    patterns = {id(rx): rx for rx in fiscal._EXTENTS}
    skipped = 0
    for text in texts:
        got = _as_tuples(fiscal.year_mentions_in_display(text))
        with monkeypatch.context() as m:
            m.setattr(fiscal, "_NEEDLES_BY_ID", {})
            assert got == _as_tuples(fiscal.year_mentions_in_display(text)), text[:80]
        for rx_id, needles in fiscal._NEEDLES_BY_ID.items():
            rx = patterns[rx_id]
            for match in rx.finditer(text):  # what a match holds, the needles find inside it
                assert all(n.search(text, match.start(), match.end()) for n in needles), match.group()
            if len(text) >= fiscal._SCAN_WHOLE_BELOW:
                skipped += sum(1 for lo, hi in _windows(text, fiscal._RUNS_YEAR, rx)
                               if not all(n.search(text, lo, hi) for n in needles))
    assert skipped > 200  # not vacuous: on real pages many windows name no month


@pytest.mark.parametrize(("mention", "kind", "years"), [
    ("ประจำ ปีงบ ประมาณ พ.ศ. 68", fiscal.MentionKind.FISCAL, (2568,)),
    ("ประจำปีงบประมาณ พ.ศ. 2569", fiscal.MentionKind.FISCAL, (2569,)),
    ("วันที่ 1 ตุลาคม จนถึง วันที่ 30 กันยายน พ.ศ. 2568", fiscal.MentionKind.RANGE, (2568,)),
    ("ตุลาคม – กันยายน 2568", fiscal.MentionKind.RANGE, (2568,)),
    ("September 15, 2024", fiscal.MentionKind.CE, (2567,)),
    ("OIT online ปี พ.ศ. 2567", fiscal.MentionKind.FISCAL, (2567,)),
    ("1/10/2567 - 30/9/2568", fiscal.MentionKind.RANGE, (2568,)),
    ("๒๕๖๘", fiscal.MentionKind.BARE, (2568,)),
])
def test_a_lead_far_from_other_digits_is_found(mention: str, kind: fiscal.MentionKind, years: tuple[int, ...],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    text = display(_PROSE * 40 + mention + " " + _PROSE * 40)
    assert _windows(text) and sum(hi - lo for lo, hi in _windows(text)) < len(text) // 4  # scanned in a window
    got = fiscal.year_mentions_in_display(text)
    assert [(m.kind, m.fiscal_years[-1:]) for m in got] == [(kind, years[-1:])]
    assert _as_tuples(got) == _whole(text, monkeypatch)


@pytest.mark.parametrize("after", ["เปอร์เซ็นต์", " บาท", ",000", ".5", "0"])
def test_what_follows_a_year_is_still_read(after: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = display(_PROSE * 40 + "จำนวน 1 รายการ ปี 2568" + after + " " + _PROSE * 40)
    assert _as_tuples(fiscal.year_mentions_in_display(text)) == _whole(text, monkeypatch)
    # An amount, a percentage, a decimal, a longer number: never the year 2568.
    assert not any(2568 in m.fiscal_years for m in fiscal.year_mentions_in_display(text))


def _flat_month_rx() -> str:
    """The month alternation as it was written before it was grouped by first letter: the reference."""
    def longest_first(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))

    full = longest_first([w for names in fiscal._MONTH_FULL.values() for w in names])
    dotted = "|".join(rf"{re.escape(a)}\s?\.\s?{re.escape(b)}\.?(?!\s?[ก-ฮ]\.)" for a, b in fiscal._MONTH_ABBR.values())
    bare = longest_first([a + b for a, b in fiscal._MONTH_ABBR.values()])
    return rf"(?:{full}|{dotted}|(?<![ก-ฮะ-ฺเ-๎])(?:{bare})\.?)"


def test_month_names_match_as_the_flat_alternation(texts: list[str]) -> None:
    flat = re.compile(_flat_month_rx())
    grouped = re.compile(fiscal.THAI_MONTH_RX)
    # Every spelling the tool knows, glued to Thai letters, digits, dots and the next abbreviation's letters.
    before = ["", "เดือน", "ก", "ะ", "เ", "ม", " ", "วันที่ 5 ", "15"]
    after = ["", " 2568", ".", ". 68", "ศ.", " ศ.", ".ค.", "ก", " – "]
    built = [b + name + a for name in fiscal.THAI_MONTHS for b in before for a in after]
    matched = 0
    for text in built + texts:
        got = [(m.span(), m.group()) for m in grouped.finditer(text)]
        assert got == [(m.span(), m.group()) for m in flat.finditer(text)], text[:80]
        matched += len(got)
    assert matched > len(built) // 2


@pytest.mark.parametrize(("text", "years"), [
    ("ประกาศ ณ วันที่ 15 September 2024 โดยนายกองค์การบริหารส่วนตำบล", (2567,)),
    ("ลงวันที่ SEPT 1, 2025", (2568,)),
    ("ประกาศ ณ วันที่ 15 กันยายน 2567", (2567,)),
])
def test_english_dates_are_read_where_an_english_month_is_named(text: str, years: tuple[int, ...]) -> None:
    assert [m.fiscal_years for m in fiscal.find_year_mentions(text)] == [years]


@pytest.mark.parametrize("number", ["25671234", "2567.5", "12567", "2567,000", "0812345678"])
def test_a_number_cut_by_a_window_end_is_not_read_as_a_year(number: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The longer number slides over where a window around `2568` ends: read through the window's cut end,
    # `25671234` once gave a year 2567 that the whole text does not hold.
    for gap in range(0, 100):
        text = display(_PROSE * 20 + "ปี 2568" + "ก" * gap + number + " " + _PROSE * 20)
        mentions = fiscal.year_mentions_in_display(text)
        assert _as_tuples(mentions) == _whole(text, monkeypatch), (number, gap)
        assert not any(2567 in m.fiscal_years for m in mentions), (number, gap)


_UNBOUNDED = 1 << 30


def _extent(sub: Any) -> tuple[int, int]:
    """(width, reach) of a pattern as the regex engine parses it: the most characters a match consumes, and the
    most it reads from where it starts, look-aheads (and, to be safe, look-behinds) included."""
    width = reach = 0
    for op, av in sub.data:
        if op is _c.BRANCH:
            parts = [_extent(alt) for alt in av[1]]
            w, r = max(x[0] for x in parts), max(x[1] for x in parts)
        elif op is _c.SUBPATTERN:
            w, r = _extent(av[-1])
        elif op is _c.ATOMIC_GROUP:
            w, r = _extent(av)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            most, (one_w, one_r) = av[1], _extent(av[2])
            if most == _c.MAXREPEAT:
                w = r = _UNBOUNDED
            else:
                w, r = (one_w * most, one_w * (most - 1) + one_r) if most else (0, 0)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            w, r = 0, _extent(av[1])[1]
        elif op in (_c.ANY, _c.RANGE, _c.IN, _c.LITERAL, _c.NOT_LITERAL, _c.CATEGORY):
            w = r = 1
        elif op is _c.GROUPREF:
            w = r = sub.state.groupwidths[av][1]
        elif op is _c.GROUPREF_EXISTS:
            yes, no = _extent(av[1]), _extent(av[2]) if av[2] is not None else (0, 0)
            w, r = max(yes[0], no[0]), max(yes[1], no[1])
        elif op is _c.AT:
            w, r = 0, 2  # \b reads the next character, `$` the next two (a final line break)
        else:
            raise AssertionError(f"an operator this test does not know: {op}")
        reach = max(reach, width + r)
        width += w
    return min(width, _UNBOUNDED), min(reach, _UNBOUNDED)


@pytest.mark.parametrize("digit", ["\u0660", "\uff10", "\u09e6", "0"])  # Arabic-Indic, fullwidth, Bengali zero
def test_a_year_glued_to_another_script_s_digit_reads_the_same_in_windows(digit: str,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows are built around runs of `\d`, which holds every script's digits: a pattern that told digits apart
    # with `[0-9]` would see a year inside a run the windows do not use, and lose it.
    for glued in (f"2567{digit}", f"{digit}2567", f"/2567{digit}/", f"ปี 2567{digit} ", f"1/10/2567{digit}"):
        text = display(_PROSE * 10 + glued + " " + _PROSE * 10)
        assert _as_tuples(fiscal.year_mentions_in_display(text)) == _whole(text, monkeypatch), glued
        url = "https://www.example.go.th/" + "a" * 600 + "/" + glued.strip() + "/x.pdf"
        with monkeypatch.context() as m:
            windowed = [(y.kind, y.fiscal_years, y.start, y.end) for y in fiscal.years_in_url(url)]
            m.setattr(fiscal, "_SCAN_WHOLE_BELOW", 10_000)
            assert windowed == [(y.kind, y.fiscal_years, y.start, y.end) for y in fiscal.years_in_url(url)], glued


def test_the_windows_extents_are_the_patterns_own() -> None:
    """`_EXTENTS` is what the patterns allow: a pattern changed without its extent fails here (a too small
    extent would lose mentions near a window's edge)."""
    patterns = {name: rx for name, rx in vars(fiscal).items() if name.startswith("_RX_") and isinstance(rx, re.Pattern)}
    windowed = {name for name, rx in patterns.items() if rx in fiscal._EXTENTS}
    assert len(windowed) >= 15
    for name in windowed:
        rx = patterns[name]
        assert fiscal._EXTENTS[rx] == _extent(_parser.parse(rx.pattern, rx.flags)), name
    # Every pattern `_find` is given is listed (one left out would silently be run over the whole text), but the
    # URL year, which tells digits apart with `[0-9]` (see the test above).
    source = Path(fiscal.__file__).read_text(encoding="utf-8")
    assert {n for n in re.findall(r"self\._find\((_RX_\w+)", source)} == windowed | {"_RX_URL_YEAR"}
    assert {id(rx): extent for rx, extent in fiscal._EXTENTS.items()} == fiscal._EXTENT_BY_ID
    # What the test reads of the engine: 4 digits, then `(?!\s?เปอร์เซ็นต์)` reads 12 more; `\S+` is unbounded.
    assert _extent(_parser.parse(fiscal._RX_BARE.pattern)) == (4, 16)
    assert _extent(_parser.parse(fiscal._RX_URL_TOKEN.pattern, fiscal._RX_URL_TOKEN.flags))[1] >= _UNBOUNDED


def test_a_text_without_a_digit_holds_no_mention(texts: list[str]) -> None:
    """`scan` returns at once for a text with no digit (`\\d`: Thai and other scripts' digits too); run through
    every pattern anyway, such texts (the real documents' lines, year words without a number) give nothing."""
    lines = [line for text in texts for line in text.split(" | ") if line and not re.search(r"\d", line)]
    lines += ["ปีงบประมาณ พ.ศ. สองพันห้าร้อยหกสิบแปด", "ประจำปี ต.ค. – ก.ย.", "ITA Online ปี พ.ศ.", "มกราคม – มีนาคม"]
    assert len(lines) > 100
    for line in lines:
        scanner = fiscal._Scanner(line, url=False)
        scanner.collect()  # the patterns, without the fast path
        assert scanner._resolve() == [] and fiscal.year_mentions_in_display(line) == []
    # With a digit of any script, the scan runs: ๒๕๖๘ is made 2568 by `display`, Arabic-Indic digits are `\d`.
    assert [m.fiscal_years for m in fiscal.find_year_mentions("ปีงบประมาณ ๒๕๖๘")] == [(2568,)]
    assert [m.fiscal_years for m in fiscal.year_mentions_in_display("ปีงบประมาณ \u0662\u0665\u0666\u0668")] == [(2568,)]


@pytest.mark.parametrize("url", [
    "https://www.nongbua.go.th/files/%E0%B9%92%E0%B9%95%E0%B9%96%E0%B9%99/plan-2569.pdf",
    "https://www.nongbua.go.th/viewer.php?file=/uploads/2567/o12.pdf&id=2566",
    "https://www.nongbua.go.th/wp-content/uploads/2025/09/ita-o24.pdf",
])
def test_a_url_s_years_are_read_once_and_handed_out_as_the_caller_s_own_list(url: str) -> None:
    fiscal._years_in_url.cache_clear()
    first = fiscal.years_in_url(url)
    assert first, url  # each of these URLs names a year
    plain = fiscal._years_in_url.__wrapped__(url)  # the scan itself, not memoized
    assert tuple(first) == plain
    first.clear()  # a caller's list is its own: emptying it leaves the next caller's whole
    again = fiscal.years_in_url(url)
    assert tuple(again) == plain and again is not first
    info = fiscal._years_in_url.cache_info()
    assert (info.misses, info.hits) == (1, 1)


# A year after `o12-` is read only with the URL rules (in running text `12-2568` is not a year).
_QUOTED = [
    "ดาวน์โหลดแผนได้ที่ HTTPS://www.nongbua.go.th/files/o12-2569.pdf ภายในวันที่ 30 ก.ย. 2568",
    "ดู WWW.nongbua.go.th/ita/o24-2567.pdf และ http://nongbua.go.th/2025/09/report.pdf",
    "เอกสาร o12-2566.pdf (ไม่มีที่อยู่เว็บ)",
]


def test_quoted_urls_are_read_where_a_text_names_http_or_www(texts: list[str], monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    def scan_all(items: list[str]) -> list[list[tuple[object, ...]]]:
        return [_as_tuples(fiscal.year_mentions_in_display(t)) for t in items]

    items = [*texts, *(display(q) for q in _QUOTED)]
    shortcut = scan_all(items)
    # Every text looked at for quoted URLs, as before the shortcut (its English month stems left as they are).
    monkeypatch.setattr(fiscal._Scanner, "_fold", lambda self: self.text.casefold() + " http www.")
    assert shortcut == scan_all(items)
    read = [{m.text for m in fiscal.year_mentions_in_display(display(q))} for q in _QUOTED]
    assert "2569" in read[0] and "2567" in read[1] and "2566" not in read[2]


def test_a_long_url_s_years_are_read_but_not_kept() -> None:
    fiscal._years_in_url.cache_clear()
    url = "https://www.nongbua.go.th/files/plan-2569.pdf?t=" + "x" * 5000
    assert [m.text for m in fiscal.years_in_url(url)] == ["2569"]
    assert fiscal._years_in_url.cache_info().currsize == 0


_ANCHORED = [
    "ปีงบประมาณ 2566 – 2570", "ปีงบประมาณ พ.ศ. 66-68", "ปี 2566 ถึง ปี พ.ศ. 2570", "ประจำปี 2566-2568",
    "2566-2567-2568", "แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570)", "1-2-2567", "12/3/67", "1.10.2567 ถึง 30.9.2568",
    "ประจำปีงบประมาณ 2568 จนถึง 2570", "ปีงบ 67~68",
    "ตุลาคม – กันยายน 2568", "วันที่ 1 ตุลาคม 2567 จนถึง วันที่ 30 กันยายน พ.ศ. 2568", "ต.ค. 67 - มี.ค. 68",
    "1 เม.ย.-30 ก.ย. 2568", "มกราคม ถึง 31 มีนาคม 2569", "ไตรมาส 1 (ต.ค.~ธ.ค. 2567)",
]


def test_every_match_of_an_anchored_pattern_holds_its_anchor(texts: list[str]) -> None:
    """The ranges of years and the numeric dates are looked for only around the digits their anchor finds
    (`_ANCHORS`): on every real page and every written range and date, each match the pattern makes in the
    whole text holds such a digit."""
    held = 0
    for text in [*texts, *(display(m) for m in _ANCHORED)]:
        for rx, anchor in fiscal._ANCHORS.items():
            digits = {m.start() for m in anchor.finditer(text)}
            for match in rx.finditer(text):
                assert digits.intersection(range(match.start(), match.end())), (match.group(), text[:80])
                held += 1
    assert held > 20  # not vacuous
    assert {id(rx): a for rx, a in fiscal._ANCHORS.items()} == fiscal._ANCHOR_BY_ID


@pytest.mark.parametrize("mention", _ANCHORED)
def test_ranges_and_numeric_dates_far_from_other_digits_read_as_the_whole_text(
        mention: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = display(_PROSE * 40 + "ปี 2560 " + _PROSE * 3 + mention + " " + _PROSE * 40)
    got = fiscal.year_mentions_in_display(text)
    assert _as_tuples(got) == _whole(text, monkeypatch)
    assert any(m.start >= text.index(display(mention)) for m in got), mention  # the mention itself was read


_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_PIECES = ("-", "–", "—", "−", "~", "ถึง", "จนถึง", " ", " ", "ปี", "ปี ", "พ.ศ.", "พ.ศ", "พศ", "พ. ศ.", "ประจำปี",
           "ปีงบประมาณ", "ปีงบ", "งบประมาณปี", "/", ".", ",", ",000", " บาท", "จำนวน ", "\n", "(", ")", "ก.ย.",
           "ตุลาคม", "กันยายน", "มี.ค.", "ธ.ค", "พฤษภาคม", "วันที่ ", "จนถึง ", " - ", "มค.")


_MONTHS = ("ตุลาคม", "กันยายน", "ต.ค.", "มี.ค.", "ธ.ค", "พฤษภาคม", "มค.", "ก.ย", "เมษายน")


def _generated_text(rng: random.Random) -> str:
    """Years, ranges, dates and their words in random order, between stretches of prose."""
    parts: list[str] = []
    while sum(map(len, parts)) < 600:
        pick = rng.random()
        if pick < 0.35:
            year = str(rng.randint(2550, 2575)) if rng.random() < 0.6 else str(rng.randint(60, 75))
            parts.append(year.translate(_THAI_DIGITS) if rng.random() < 0.15 else year)
        elif pick < 0.45:
            sep = rng.choice("/.-")
            parts.append(f"{rng.randint(1, 31)}{sep}{rng.randint(1, 12)}{sep}{rng.choice(['2567', '67', '2024'])}")
        elif pick < 0.5:
            parts.append(str(rng.randint(0, 99)))
        elif pick < 0.55:
            parts.append(_PROSE * rng.randint(1, 3))
        elif pick < 0.6:  # a month, a dash and another month, each with or without its day and year
            day = f"{rng.randint(1, 31)} " if rng.random() < 0.4 else ""
            parts.append(f"{day}{rng.choice(_MONTHS)}{rng.choice(('', ' 67', ' 2567'))}{rng.choice(_PIECES[:7])}"
                         f"{rng.choice(('', 'วันที่ ', '30 '))}{rng.choice(_MONTHS)}")
        else:
            parts.append(rng.choice(_PIECES))
    return display(_PROSE * 10 + "".join(parts) + _PROSE * 10)


def test_anchored_patterns_find_in_windows_what_they_find_in_generated_texts() -> None:
    """The anchored patterns, each run by `_find` on texts built of years, dashes, month names, the words of
    ranges and numeric dates in random order (a fixed seed), give exactly the matches `finditer` gives on the
    whole text."""
    rng = random.Random(2568)
    runs = {fiscal._RX_FISCAL_RANGE: fiscal._RUNS_YEAR, fiscal._RX_PI_RANGE: fiscal._RUNS_Y4,
            fiscal._RX_YEAR_RANGE: fiscal._RUNS_Y4, fiscal._RX_NUM_DATE: fiscal._RUNS_YEAR,
            fiscal._RX_MONTH_RANGE: fiscal._RUNS_YEAR}
    assert set(runs) == set(fiscal._ANCHORS)
    found = months = 0
    for _ in range(300):
        text = _generated_text(rng)
        for rx, lengths in runs.items():
            windowed = [(m.span(), m.groups()) for m in fiscal._Scanner(text, url=False)._find(rx, lengths)]
            assert windowed == [(m.span(), m.groups()) for m in rx.finditer(text)], (rx.pattern[:30], text)
            found += len(windowed)
            months += len(windowed) if rx is fiscal._RX_MONTH_RANGE else 0
    assert found > 300  # not vacuous: the texts hold ranges and dates
    assert months > 100  # and ranges of months
