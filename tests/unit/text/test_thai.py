"""Thai normalization and phrase search (oit_checker.text.thai).

Real quirks are quoted from what pypdfium2 extracts from the corpus PDFs (fixtures/corpus), so these
tests need no PDF library; the known content comes from fixtures/corpus/known_texts.py.
"""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from oit_checker.text.thai import (
    COMBINING,
    PUA_MAP,
    Match,
    TextIndex,
    display,
    display_memo,
    display_rows,
    loose,
    normalize,
    thai_digits_to_arabic,
)
from tests.support.corpus import known
from tests.support.paths import ROOT

CORPUS = ROOT / "fixtures" / "corpus"


KT = known
PHRASES: dict[str, str] = KT.PHRASES
CONTENT_LINES: list[str] = [
    KT.TITLE,
    KT.SUBTITLE,
    KT.DATE_LINE,
    *KT.PARAS,
    " | ".join(KT.TABLE_HEAD),
    *(" | ".join(row) for row in KT.TABLE_ROWS),
    *KT.SIGN,
]
CONTENT = "\n".join(CONTENT_LINES)


# ---------------------------------------------------------------- a legacy-font encoder for tests
# Rewrites standard Thai into the Windows PUA presentation forms, the way old Thai fonts and PDF
# printers do (HarfBuzz's Thai fallback shaper, hb-ot-shaper-thai.cc): sara am split into nikhahit +
# sara aa with the nikhahit moved before the tone, tone marks lowered or shifted left, ญ/ฐ without
# descender before a lower vowel, lower vowels lowered under ฎ/ฏ.

_AV = set("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e4d\u0e4e")
_BV = set("\u0e38\u0e39\u0e3a")
_T = set("\u0e48\u0e49\u0e4a\u0e4b\u0e4c")
_SD = {**{chr(0x0E48 + i): chr(0xF70A + i) for i in range(5)}, "\u0e38": "\uf718", "\u0e39": "\uf719",
       "\u0e3a": "\uf71a"}  # fmt: skip
_SDL = {chr(0x0E48 + i): chr(0xF705 + i) for i in range(5)}
_SL = {
    **{chr(0x0E48 + i): chr(0xF713 + i) for i in range(5)},
    "\u0e31": "\uf710",
    "\u0e34": "\uf701",
    "\u0e35": "\uf702",
    "\u0e36": "\uf703",
    "\u0e37": "\uf704",
    "\u0e47": "\uf712",
    "\u0e4d": "\uf711",
}
_RD = {"\u0e0d": "\uf70f", "\u0e10": "\uf700"}
# (state, mark type) → (action, next state), HarfBuzz's tables.
_ABOVE = {
    0: {"AV": (None, 3), "BV": (None, 0), "T": ("SD", 3)},
    1: {"AV": ("SL", 2), "BV": (None, 1), "T": ("SDL", 2)},
    2: {"AV": (None, 3), "BV": (None, 2), "T": ("SL", 3)},
    3: {"AV": (None, 3), "BV": (None, 3), "T": (None, 3)},
}
_BELOW = {
    0: {"AV": (None, 0), "BV": (None, 2), "T": (None, 0)},
    1: {"AV": (None, 1), "BV": ("RD", 2), "T": (None, 1)},
    2: {"AV": (None, 2), "BV": ("SD", 2), "T": (None, 2)},
}
_TABLES = {"SD": _SD, "SDL": _SDL, "SL": _SL, "RD": _RD}


def to_legacy_pua(text: str) -> str:
    chars: list[str] = []
    for ch in text:
        if ch == "\u0e33":
            j = len(chars)
            while j > 0 and (chars[j - 1] in _AV or chars[j - 1] in _T):
                j -= 1
            chars.insert(j, "\u0e4d")
            chars.append("\u0e32")
        else:
            chars.append(ch)
    above, below, base = 3, 2, 0
    for i, ch in enumerate(chars):
        mt = "AV" if ch in _AV else "BV" if ch in _BV else "T" if ch in _T else None
        if mt is None:
            if ch in "ปฝฟ":
                above, below = 1, 0
            elif ch in "ญฐ":
                above, below = 0, 1
            elif ch in "ฎฏ":
                above, below = 0, 2
            elif "\u0e01" <= ch <= "\u0e2e":
                above, below = 0, 0
            else:
                above, below = 3, 2
            base = i
            continue
        a_act, above = _ABOVE[above][mt]
        b_act, below = _BELOW[below][mt]
        action = a_act or b_act
        if action == "RD":
            chars[base] = _RD.get(chars[base], chars[base])
        elif action is not None:
            chars[i] = _TABLES[action].get(ch, ch)
    return "".join(chars)


def _with_random_breaks(text: str, seed: int, every: int = 7) -> str:
    """`text` with a line break (or CRLF, or a few spaces) at random places, inside words too."""
    rng = random.Random(seed)
    out: list[str] = []
    for ch in text:
        out.append(ch)
        if rng.randrange(every) == 0:
            out.append(rng.choice(["\n", "\r\n", " \n", "  "]))
    return "".join(out)


# ---------------------------------------------------------------- digits


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("๐๑๒๓๔๕๖๗๘๙", "0123456789"),
        ("พ.ศ. ๒๕๖๙", "พ.ศ. 2569"),
        ("๒๕68", "2568"),  # mixed Thai and Arabic digits
        ("๒๐,๐๐๐ บาท", "20,000 บาท"),
        ("no digits", "no digits"),
        ("", ""),
    ],
)
def test_thai_digits_to_arabic(raw: str, expected: str) -> None:
    assert thai_digits_to_arabic(raw) == expected


# ---------------------------------------------------------------- display


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # NFC: decomposed Latin is composed …
        ("cafe\u0301", "café"),
        # … and never NFKC: sara am, a ligature and a circled digit stay as written.
        ("ตำบล", "ตำบล"),
        ("\ufb01le", "\ufb01le"),
        ("\u2460", "\u2460"),
        # NFC reorders a tone typed before a lower vowel (canonical classes 107 > 103).
        ("ผ\u0e49\u0e39", "ผู้"),
        # zero-width and format characters are deleted
        ("ปี\u200bงบ\u200cประ\u200dมาณ", "ปีงบประมาณ"),
        ("\ufeffองค์กร", "องค์กร"),
        ("ตำ\u00adบล", "ตำบล"),
        ("ตำ\u2060บล", "ตำบล"),
        # control characters become spaces (fpdf2's broken ToUnicode: `ตำ\x15บล`)
        ("ตำ\x15บล", "ตำ บล"),
        ("a\x00b\x7fc\x85d", "a b c d"),
        # Thai digits
        ("๑ ตุลาคม ๒๕๖๘", "1 ตุลาคม 2568"),
        # hyphen look-alikes read as "-" (Word's non-breaking hyphens in "โทร.&nbsp;๐๘๑&#8209;๒๓๔&#8209;๕๖๗๘",
        # review52 h02); the en dash of a range is kept as written
        ("โทร.\u00a0๐๘๑\u2011๒๓๔\u2011๕๖๗๘", "โทร. 081-234-5678"),
        ("1\u20102\u20123\u22124\ufe635\uff0d6", "1-2-3-4-5-6"),
        ("ต.ค. ๖๗–ก.ย. ๖๘", "ต.ค. 67–ก.ย. 68"),
        # sara am repair: nikhahit (+ tone) + sara aa → (tone) + sara am
        ("ต\u0e4d\u0e32บล", "ตำบล"),
        ("น\u0e4d\u0e49\u0e32", "น้ำ"),
        ("น\u0e49\u0e4d\u0e32", "น้ำ"),
        # … and a doubled sara aa after sara am (pdfminer's `ตำาบล`), with or without a tone between
        ("ตำาบล", "ตำบล"),
        ("น\u0e33\u0e49\u0e32", "น้ำ"),
        ("ต\u0e4d\u0e32\u0e32บล", "ตำบล"),
        # a tone typed after sara am
        ("น\u0e33\u0e49", "น้ำ"),
        ("ตำ\nาบล", "ตำบล"),
        # a tone mark or thanthakhat before its vowel is moved after it
        ("ท\u0e48\u0e35", "ที่"),
        ("ฟ\u0e49\u0e37นฟู", "ฟื้นฟู"),
        ("ทั\u0e49ง", "ทั้ง"),
        ("ท\u0e49\u0e31ง", "ทั้ง"),
        ("พันธ\u0e4c\u0e38", "พันธุ์"),
        # repeated identical marks collapse (ผ้้ keeps one tone; the lost ู stays lost)
        ("ผ\u0e49\u0e49", "ผ\u0e49"),
        ("ที่่่", "ที่"),
        ("ตำำบล", "ตำบล"),
        # whitespace folds, strips; a space never separates a mark from its consonant
        ("  ปีงบ\t\tประมาณ \n\r\n พ.ศ.\u00a0๒๕๖๙  ", "ปีงบ ประมาณ พ.ศ. 2569"),
        ("จัดท ้ ำรายงาน", "จัดท้ำรายงาน"),
        ("การฟื้นฟ\r\nู\r\nป่าไม้", "การฟื้นฟู ป่าไม้"),
        ("\u3000ก\u2003ข\u2029", "ก ข"),
        ("", ""),
        ("   \n ", ""),
    ],
)
def test_display(raw: str, expected: str) -> None:
    assert display(raw) == expected


@pytest.mark.parametrize(("cp", "standard"), sorted(PUA_MAP.items()))
def test_each_pua_glyph_maps_to_its_standard_character(cp: int, standard: str) -> None:
    assert display("ก" + chr(cp)) == unicodedata.normalize("NFC", "ก" + standard)


def test_pua_table_covers_the_windows_set() -> None:
    windows = {cp: PUA_MAP[cp] for cp in range(0xF700, 0xF720) if cp in PUA_MAP}
    assert sorted(windows) == list(range(0xF700, 0xF71B))  # F71B–F71F are unassigned
    assert windows[0xF700] == "ฐ" and windows[0xF70F] == "ญ"
    assert {windows[cp] for cp in range(0xF705, 0xF70A)} == set("่้๊๋์")  # down-left
    assert {windows[cp] for cp in range(0xF70A, 0xF70F)} == set("่้๊๋์")  # down
    assert {windows[cp] for cp in range(0xF713, 0xF718)} == set("่้๊๋์")  # left
    assert "".join(windows[cp] for cp in range(0xF701, 0xF705)) == "ิีึื"
    assert "".join(windows[cp] for cp in range(0xF718, 0xF71B)) == "ฺุู"


@pytest.mark.parametrize(
    ("legacy", "standard"),
    [
        # quoted from pypdfium2's text of b2_reportlab_legacy_pua.pdf
        ("แผนปฏิบัติการป\uf706องกันการทุจริต ประจําป\uf702งบประมาณ พ.ศ. ๒๕๖๙", KT.TITLE),
        ("องค\uf70eการบริหารส\uf70aวนตําบลหนองบัว", KT.ORG),
        (
            "ส\uf70aงเสริมความกตัญ\uf70fูกตเวที การฟ\uf704\uf714นฟูป\uf705าไม\uf70b",
            "ส่งเสริมความกตัญญูกตเวที การฟื้นฟูป่าไม้",
        ),
        (
            "ฝ\uf705ายโยธาดูแลระบบน\uf70bําประปา และฐานข\uf70bอมูลกฎหมาย",
            "ฝ่ายโยธาดูแลระบบน้ำประปา และฐานข้อมูลกฎหมาย",
        ),
        ("ผู\uf70bใหญ\uf70aบ\uf70bานฟ\uf706องร\uf70bอง ป\uf702\uf713พาทย\uf70e", "ผู้ใหญ่บ้านฟ้องร้อง ปี่พาทย์"),
    ],
)
def test_display_repairs_real_legacy_pua_text(legacy: str, standard: str) -> None:
    assert display(legacy) == display(standard)


@pytest.mark.parametrize("line", CONTENT_LINES)
def test_legacy_pua_encoding_of_the_known_content_round_trips(line: str) -> None:
    legacy = to_legacy_pua(line)
    assert display(legacy) == display(line)
    assert normalize(legacy) == normalize(line)


def test_the_legacy_encoder_really_uses_pua() -> None:
    legacy = to_legacy_pua(CONTENT)
    assert sum(0xF700 <= ord(c) <= 0xF71F for c in legacy) > 50
    assert "\u0e33" not in legacy  # every sara am was split


@pytest.mark.parametrize(
    ("extracted", "standard"),
    [
        # quoted from the corpus PDFs' text layers
        ("ทังน้ ี้ ให้ทุกส่วนราชการ", "ทังนี้ ให้ทุกส่วนราชการ"),  # b4: tone before sara ii, twice
        ("การฟ้ืนฟูป่าไม้", "การฟื้นฟูป่าไม้"),  # b4: tone before sara uee
        ("แผนปฏิบัติการป้ องกันการทุจริต ประจำ\r\nปี งบประมาณ", "แผนปฏิบัติการป้ องกันการทุจริต ประจำ ปี งบประมาณ"),
        ("ประจำ\x15ปีงบประมาณ", "ประจำ ปีงบประมาณ"),
    ],
)
def test_display_of_real_extractor_output(extracted: str, standard: str) -> None:
    assert display(extracted) == standard


def test_display_is_idempotent_and_nfc() -> None:
    for text in [CONTENT, to_legacy_pua(CONTENT), _with_random_breaks(CONTENT, 1)]:
        once = display(text)
        assert display(once) == once
        assert unicodedata.is_normalized("NFC", once)
        assert not re.search(r"\s{2,}|[\n\t\r]", once)


def _display_step_by_step(text: str) -> str:
    """`display` as it was written before its repairs were looked for in one pass: every step on every text."""
    from oit_checker.text import thai

    if not text:
        return ""
    t = thai._RARE_RE.sub(thai._map_run, text)
    if thai._WS_THEN_MARK.search(t) is not None:
        t = thai._WS_BEFORE_MARK.sub("", t)
    t = unicodedata.normalize("NFC", t)
    if thai.SARA_AA in t:
        t = thai._repair_sara_am(t)
    if thai.SARA_AM in t:
        t = thai._TONE_AFTER_SARA_AM.sub(r"\1" + thai.SARA_AM, t)
    t = thai._MARK_BEFORE_VOWEL.sub(r"\2\1", t)
    t = thai._REPEATED_MARK.sub(r"\1", t)
    return " ".join(t.split())


# Consonants and vowels, every combining mark, sara am / aa / nikhahit, spaces and breaks, a Thai digit, a legacy
# glyph, an invisible character: what the repairs act on, in every order.
_ALPHABET = "กนบตำาํ" + COMBINING + "เแะ  \n\t๒\uf70a\u200b\x15a1"


@pytest.mark.parametrize("seed", range(4))
def test_display_is_the_step_by_step_repairs_on_random_text(seed: int) -> None:
    rng = random.Random(seed)
    texts = ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 12))) for _ in range(5000)]
    repaired = 0
    for text in texts:
        assert display(text) == _display_step_by_step(text), repr(text)
        repaired += display(text) != " ".join(unicodedata.normalize("NFC", text).split())
    assert repaired > 1000  # the texts do exercise the repairs, not only the path that skips them


def test_display_is_the_step_by_step_repairs_on_real_text() -> None:
    """The known content in its damaged forms, and what the extractors read from the real Thai documents."""
    from oit_checker.extract import extract

    types = {".pdf": "application/pdf", ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml"
             ".document", ".html": "text/html"}
    texts = [CONTENT, to_legacy_pua(CONTENT), _with_random_breaks(CONTENT, 1), *CONTENT_LINES]
    for path in sorted(p for folder in ("corpus", "realworld") for p in (ROOT / "fixtures" / folder).rglob("*")
                       if p.suffix in types):
        doc = extract(path.read_bytes(), f"https://www.example.go.th/{path.name}", types[path.suffix])
        texts += [page for page in doc.pages if page] + [line for page in doc.pages for line in page.splitlines()]
    assert len(texts) > 1000
    for text in texts:
        assert display(text) == _display_step_by_step(text)


def test_display_memo_gives_the_same_forms_and_works_each_text_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """One agency's evaluation runs inside `display_memo` (engine/judge.py): the memo's answers are `display`'s, each
    distinct text is worked out once, and nothing is kept once the block ends."""
    import oit_checker.text.thai as thai

    texts = [CONTENT, to_legacy_pua(CONTENT), *CONTENT_LINES, *CONTENT_LINES[:5], CONTENT]
    plain = [display(t) for t in texts]
    worked: list[str] = []
    real = thai._unfolded
    monkeypatch.setattr(thai, "_unfolded", lambda t: worked.append(t) or real(t))
    with display_memo():
        assert [display(t) for t in texts] == plain
        assert [normalize(t) for t in texts] == [p.replace(" ", "") for p in plain]
        with display_memo():  # an inner block has its own memo and gives the outer one back
            display(CONTENT)
    assert sorted(worked) == sorted([*{t for t in texts if t}, CONTENT])  # CONTENT once more: the inner block's
    worked.clear()
    display(CONTENT)
    display(CONTENT)
    assert worked == [CONTENT, CONTENT]


# ---------------------------------------------------------------- normalize / loose


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ปีงบประมาณ พ.ศ. ๒๕๖๙", "ปีงบประมาณพ.ศ.2569"),
        ("ปีงบ\nประมาณ\r\nพ.ศ.\t2569", "ปีงบประมาณพ.ศ.2569"),
        ("น้ำ\nประปา", "น้ำประปา"),
        ("ตำ\x15บล", "ตำบล"),
        ("ฟื้ นฟู", "ฟื้นฟู"),
        (" \u00a0 ", ""),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_equals_display_without_whitespace() -> None:
    for text in [CONTENT, to_legacy_pua(CONTENT), _with_random_breaks(CONTENT, 2)]:
        assert normalize(text) == re.sub(r"\s", "", display(text))
        assert normalize(normalize(text)) == normalize(text)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ผู้บริหาร", "ผบรหาร"),
        ("ตำบล", "ตาบล"),
        ("น้ำประปา", "นาประปา"),
        ("ปี่พาทย์", "ปพาทย"),
        ("องค์การ", "องคการ"),
        ("ปีงบประมาณ พ.ศ. ๒๕๖๙", "ปงบประมาณพ.ศ.2569"),
    ],
)
def test_loose(raw: str, expected: str) -> None:
    assert loose(raw) == expected


@pytest.mark.parametrize(
    ("damaged", "phrase"),
    [
        ("ผ้้บริหาร", "ผู้บริหาร"),  # pdfplumber: ู lost, tone doubled
        ("ท้องถิน", "ท้องถิ่น"),  # pdftotext: ่ dropped
        ("จัดท ้ ำรายงาน", "จัดทำรายงาน"),  # pdfplumber: a stray tone inside ทำ
        ("ผ\nู้รับ\nผิด\nชอบ", "ผู้รับผิดชอบ"),
    ],
)
def test_damaged_text_meets_the_phrase_in_the_loose_tier(damaged: str, phrase: str) -> None:
    assert loose(damaged) == loose(phrase)


def test_loose_has_no_combining_marks_or_sara_am() -> None:
    out = loose(CONTENT)
    assert not any(c in COMBINING or c == "\u0e33" for c in out)


# ---------------------------------------------------------------- TextIndex


def _check_match(idx: TextIndex, m: Match, phrase: str, *, loose_tier: bool = False) -> None:
    """The match maps back to display text that reads as the phrase, and the snippet quotes it."""
    found = idx.display_text[m.start : m.end]
    if loose_tier:
        assert loose(found) == loose(phrase)
    else:
        assert normalize(found) == normalize(phrase)
    assert found.strip() == found and found  # no dangling spaces at the ends
    assert found in m.snippet
    body = m.snippet.removeprefix("…").removesuffix("…")
    assert body in idx.display_text


@pytest.mark.parametrize(("key", "phrase"), sorted(PHRASES.items()))
def test_every_known_phrase_is_found_in_the_known_content(key: str, phrase: str) -> None:
    idx = TextIndex(CONTENT)
    m = idx.find(phrase)
    assert m is not None, key
    assert m.loose is False
    _check_match(idx, m, phrase)


@pytest.mark.parametrize("seed", range(8))
def test_every_known_phrase_survives_random_line_breaks(seed: int) -> None:
    text = _with_random_breaks(CONTENT, seed, every=3 + seed)
    idx = TextIndex(text)
    for key, phrase in PHRASES.items():
        m = idx.find(phrase)
        assert m is not None, (seed, key)
        assert m.loose is False, (seed, key)
        _check_match(idx, m, phrase)


@pytest.mark.parametrize("seed", range(3))
def test_every_known_phrase_is_found_in_legacy_pua_text_with_breaks(seed: int) -> None:
    idx = TextIndex(_with_random_breaks(to_legacy_pua(CONTENT), seed))
    for key, phrase in PHRASES.items():
        m = idx.find(phrase)
        assert m is not None and m.loose is False, key
        _check_match(idx, m, phrase)


def test_find_reports_display_offsets_and_a_snippet() -> None:
    text = "ประกาศ\nองค์การบริหาร\nส่วน\nตำบลหนองบัว เรื่อง แผนปฏิบัติการ"
    idx = TextIndex(text)
    assert idx.display_text == "ประกาศ องค์การบริหาร ส่วน ตำบลหนองบัว เรื่อง แผนปฏิบัติการ"
    assert idx.normalized_text == "ประกาศองค์การบริหารส่วนตำบลหนองบัวเรื่องแผนปฏิบัติการ"
    m = idx.find("องค์การบริหารส่วนตำบล")
    assert m == Match(7, 30, "ประกาศ องค์การบริหาร ส่วน ตำบลหนองบัว เรื่อง แผนปฏิบัติการ", loose=False)
    assert idx.display_text[m.start : m.end] == "องค์การบริหาร ส่วน ตำบล"


def test_snippet_context_and_ellipses() -> None:
    text = "ก" * 100 + " ปีงบประมาณ พ.ศ. 2569 " + "ข" * 100
    idx = TextIndex(text)
    m = idx.find("ปีงบประมาณ พ.ศ. ๒๕๖๙", context=5)
    assert m is not None
    assert m.snippet == "…กกกก ปีงบประมาณ พ.ศ. 2569 ขขขข…"
    m0 = idx.find("ปีงบประมาณ", context=0)
    assert m0 is not None and m0.snippet == "…ปีงบประมาณ…"
    start = TextIndex("ปีงบประมาณ 2569 ตามแผน").find("ปีงบประมาณ", context=3)
    assert start is not None and start.snippet == "ปีงบประมาณ 25…"
    end = TextIndex("ตามแผน ปีงบประมาณ").find("ปีงบประมาณ", context=5)
    assert end is not None and end.snippet == "…มแผน ปีงบประมาณ"


@pytest.mark.parametrize(
    ("context", "snippet"),
    [
        (10, "…รท้องถิ่น ปีงบประมาณ 2569 ผู้ให…"),
        (13, "…ริหารท้องถิ่น ปีงบประมาณ 2569 ผู้ใหญ่…"),  # the cut fell on ิ: its consonant is kept
        (14, "…ริหารท้องถิ่น ปีงบประมาณ 2569 ผู้ใหญ่บ้…"),
        (16, "ผู้บริหารท้องถิ่น ปีงบประมาณ 2569 ผู้ใหญ่บ้า…"),  # the cut fell on ้ of ผู้
        (17, "ผู้บริหารท้องถิ่น ปีงบประมาณ 2569 ผู้ใหญ่บ้าน"),
    ],
)
def test_snippet_never_cuts_a_cluster(context: int, snippet: str) -> None:
    idx = TextIndex("ผู้บริหารท้องถิ่น ปีงบประมาณ 2569 ผู้ใหญ่บ้าน")
    m = idx.find("ปีงบประมาณ", context=context)
    assert m is not None and m.snippet == snippet


def test_snippet_keeps_a_leading_vowel_with_its_consonant() -> None:
    m = TextIndex("ตามแผน ปีงบประมาณ").find("ปีงบประมาณ", context=3)
    assert m is not None and m.snippet == "…แผน ปีงบประมาณ"
    m = TextIndex("ปีงบประมาณ เพื่อ").find("ปีงบประมาณ", context=2)
    assert m is not None and m.snippet == "ปีงบประมาณ เพื่…"


def test_find_falls_back_to_the_loose_tier() -> None:
    idx = TextIndex("คำสั่ง ผ้้บริหารท้องถิน ได้จัดท ้ ำรายงาน")
    for phrase in ("ผู้บริหารท้องถิ่น", "จัดทำรายงาน"):
        m = idx.find(phrase)
        assert m is not None and m.loose is True, phrase
        _check_match(idx, m, phrase, loose_tier=True)
    m = idx.find("ผู้บริหาร")
    assert m is not None and idx.display_text[m.start : m.end] == "ผ้้บริหาร".replace("้้", "้")


def test_doubled_sara_am_is_repaired_in_the_strict_tier() -> None:
    idx = TextIndex("องค์การบริหารส่วนตำาบล อำาเภอเมือง")
    m = idx.find("องค์การบริหารส่วนตำบล")
    assert m is not None and m.loose is False
    m2 = idx.find("อำเภอ")
    assert m2 is not None and m2.loose is False


def test_control_character_inside_a_word_is_harmless() -> None:
    idx = TextIndex("องค์การบริหารส่วนตำ\x15บลหนองบัว อำ\x15เภอเมือง")
    m = idx.find("องค์การบริหารส่วนตำบล")
    assert m is not None and m.loose is False
    assert idx.display_text[m.start : m.end] == "องค์การบริหารส่วนตำ บล"


def test_a_match_must_not_end_inside_a_cluster() -> None:
    idx = TextIndex("ปี่พาทย์บรรเลง")
    m = idx.find("ปี")
    assert m is not None and m.loose is True  # `ปี` is not in `ปี่`, only its consonant
    strict = TextIndex("ปี่พาทย์ ปีงบ").find("ปี")
    assert strict is not None and strict.loose is False and strict.start == 9


@pytest.mark.parametrize("phrase", ["", "   ", "\u200b", "\n"])
def test_empty_phrase_finds_nothing(phrase: str) -> None:
    assert TextIndex(CONTENT).find(phrase) is None


def test_missing_phrase_returns_none() -> None:
    idx = TextIndex(CONTENT)
    assert idx.find("แผนการจัดซื้อจัดจ้าง") is None
    assert idx.find("ปีงบประมาณ พ.ศ. 2568") is None


def test_empty_text() -> None:
    idx = TextIndex("")
    assert idx.display_text == "" and idx.normalized_text == ""
    assert idx.find("ก") is None
    assert idx.find_regex(re.compile("ก")) is None


def test_find_returns_the_first_occurrence() -> None:
    idx = TextIndex(CONTENT)
    m = idx.find("ปีงบประมาณ พ.ศ.")
    assert m is not None
    assert m.start == idx.display_text.index("ปีงบประมาณ พ.ศ. 2569")


def test_find_regex_on_the_display_form() -> None:
    idx = TextIndex(CONTENT)
    m = idx.find_regex(re.compile(r"ปีงบประมาณ\s*พ\.ศ\.\s*(25\d\d)"))
    assert m is not None and m.loose is False
    assert idx.display_text[m.start : m.end] == "ปีงบประมาณ พ.ศ. 2569"
    assert "ปีงบประมาณ พ.ศ. 2569" in m.snippet
    dated = idx.find_regex(re.compile(r"\d{1,2} ตุลาคม \d{4}"), context=0)
    assert dated is not None and dated.snippet == "…1 ตุลาคม 2568…"


def test_find_regex_falls_back_to_the_normalized_form_when_a_wrap_splits_the_phrase() -> None:
    idx = TextIndex("รายงาน ปีงบ\nประมาณ พ.ศ. ๒๕๖๙ ฉบับ")
    m = idx.find_regex(re.compile(r"ปีงบประมาณ(?:พ\.ศ\.)?(25\d\d)"))
    assert m is not None and m.loose is False
    assert idx.display_text[m.start : m.end] == "ปีงบ ประมาณ พ.ศ. 2569"
    assert idx.find_regex(re.compile(r"ปีงบประมาณ 2570")) is None


def test_find_regex_accepts_a_pattern_string() -> None:
    m = TextIndex("ITA 2568").find_regex(r"ITA\s(\d{4})")
    assert m is not None and (m.start, m.end) == (0, 8)


def test_index_on_a_long_document_maps_every_hit() -> None:
    text = "\n".join(_with_random_breaks(CONTENT, s) for s in range(40))
    idx = TextIndex(text)
    assert len(idx.normalized_text) == len(normalize(text))
    m = idx.find("ปี่พาทย์")
    assert m is not None and m.loose is False
    _check_match(idx, m, "ปี่พาทย์")


def test_every_hit_is_quoted_from_the_display_text_exactly_where_it_lies() -> None:
    """The index maps normalized offsets to display offsets through its spaces (made only when a hit needs
    them): on real Thai text, every mapping, strict and loose, is the character-by-character one."""
    text = CONTENT + "\n  ตำาบล   น้ำ ปี่  ผู้ใหญ่บ้าน  งบประมาณ  พ.ศ.   ๒๕๖๘ "
    index = TextIndex(text)
    shown = index.display_text
    reference = [i for i, c in enumerate(shown) if c != " "]  # display offset of each normalized character
    assert "".join(shown[i] for i in reference) == index.normalized_text
    rng = random.Random(7)
    size = len(index.normalized_text)
    for _ in range(400):
        start = rng.randrange(size + 1)
        end = rng.randrange(start, size + 2)
        first = reference[start] if start < size else len(shown)
        expected = (first, reference[end - 1] + 1 if start < end <= size else first)
        assert index.display_span(start, end) == expected, (start, end)
    for phrase in ("ตำบล", "ผู้ใหญ่บ้าน", "งบประมาณพ.ศ.2568", "ผูใหญบาน"):  # the last only loosely
        hit = index.find(phrase)
        assert hit is not None
        assert normalize(shown[hit.start:hit.end]) == normalize(phrase) or hit.loose
        assert loose(shown[hit.start:hit.end]) == loose(phrase)
        assert shown[hit.start:hit.end] in hit.snippet


# ---------------------------------------------------------------- required literals of rule patterns


@pytest.mark.parametrize(("pattern", "literal"), [
    (r"(?<!รายงาน)(?<!รายงาน\s)ผลการใช้จ่าย", "ผลการใช้จ่าย"),  # look-behinds stepped over
    (r"อุปสรรค(?!\s?[(/]?\s?(?i:threat))", "อุปสรรค"),  # a look-ahead with its own flag: the literal keeps case
    (r"งบประมาณ\s*(?:ปี\s*\d{2,4}\s*)?\(\s*บาท\s*\)", "งบประมาณ"),  # the longest of the runs
    (r"\d[\d,]*(?:\.\d{1,2})?\s*บาท", "บาท"),
    (r"ab cd\bef", "cdef"),  # whitespace ends a run; an anchor takes no character
    (r"(?i)e-?mail", ""),  # ignores case
    (r"ห้างหุ้นส่วน|หจก\.|บริษัท", ""),  # alternatives: none of them is required
    (r"\d{1,2}/\d{1,2}/\d{2,4}", "/"),
    (r"(?i:ปีงบ)ประมาณ", "ประมาณ"),  # a group with its own flags is stepped over, not read
    (r"(?>ผลการ)ใช้", "ใช้"),  # an atomic group: the same
    (r"บา++ทท", "ทท"),  # a possessive repeat ends the run
    (r"(ก)?(?(1)ขขข|คคค)งง", "งง"),  # a conditional group: neither branch is required
    (r"(?x) ผล การ \ ใช้", "ผลการ"),  # verbose: its spaces are not in the pattern; an escaped one ends the run
])
def test_required_literal(pattern: str, literal: str) -> None:
    from oit_checker.text.thai import required_literal

    assert required_literal(re.compile(pattern)) == literal


def test_rule_patterns_find_the_same_with_and_without_their_literal_looked_for_first(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every component pattern of both criteria years on every page of the real documents (and on the pages
    with a phrase wrapped by a line break, which only the normalized form matches): the same match or none."""
    from oit_checker.catalogue.rules import load_catalogue
    from oit_checker.extract import extract
    from oit_checker.text import thai

    patterns = list(dict.fromkeys(rx for name in ("ita2568.toml", "ita2569.toml")
                                  for item in load_catalogue(ROOT / "rules" / name).items
                                  for comp in item.components for rx in comp.patterns))
    assert sum(bool(thai.required_literal(rx)) for rx in patterns) >= 15  # 17 of the rule files' 37
    types = {".pdf": "application/pdf", ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml"
             ".document", ".html": "text/html"}
    pages = [CONTENT, _with_random_breaks(CONTENT, 2)]
    for path in sorted(p for folder in ("corpus", "demo", "realworld")
                       for p in (ROOT / "fixtures" / folder).rglob("*") if p.suffix in types):
        doc = extract(path.read_bytes(), f"https://www.example.go.th/{path.name}", types[path.suffix])
        pages += [page for page in doc.pages if page]
    # What the patterns the documents above never match look for, with and without what their look-behinds
    # refuse, wrapped by line breaks too.
    lines = ["ประกาศ ณ วันที่ 12/10/2567", "ระยะเวลา ต.ค. 67 – พ.ย. 67", "ใช้งบประมาณไป 5,000 บาท",
             "ไม่ใช้งบประมาณ", "ผลการใช้จ่ายงบประมาณ", "รายงานผลการใช้จ่าย", "เบิกจ่ายเงินจำนวน 1,000 บาท",
             "แผนเบิกจ่าย 1,000 บาท", "ปัญหาที่พบ ได้แก่", "สภาพปัญหาที่พบ", "ข้อเสนอแนะ", "รับข้อเสนอแนะ"]
    pages += [*lines, *(_with_random_breaks(line, i, every=3) for i, line in enumerate(lines))]
    pages += [_with_random_breaks(page, 3) for page in pages[:40]]
    with_literal = [[TextIndex(p).find_regex(rx) for rx in patterns] for p in pages]
    monkeypatch.setattr(thai, "required_literal", lambda rx: "")
    without = [[TextIndex(p).find_regex(rx) for rx in patterns] for p in pages]
    assert with_literal == without
    assert sum(m is not None for row in without for m in row) > 100  # the patterns do match real pages



@pytest.mark.parametrize(("pattern", "probe"), [
    (r"(?<!รายงาน)(?<!รายงาน\s)ผลการ", "ผลการ"),
    (r"(?i)(?<![a-z])(?:jan|feb)\s\d{4}", r"(?i)(?:jan|feb)\s\d{4}"),
    (r"(?<![\])(])(?<=\()x", "x"),  # a ")" and a "(" inside a class do not close nor open a group
    (r"(?<!\\)(?<!\()ก", "ก"),  # an escaped backslash, then an escaped "(" inside the look-behind
    (r"(?<!ไม่)ใช้|ไม่ใช้", "ใช้|ไม่ใช้"),  # the look-behind binds the first branch only: the probe finds more
    (r"ผล(?<!ไม่)การ", None),  # a look-behind after the start: nothing to strip
    (r"(?<=(ก))\1", None),  # a back-reference into the look-behind: no probe
    (r"(?=ก)ก", None),  # a look-ahead is not stripped
    ("(?x)(?<!ก # a comment's )\n)ข", None),  # verbose: a comment may hold a parenthesis
    (r"(?<!\d)\d+\s*(?:นาที|วัน)", None),  # a repeat first: the look-behind keeps starts out of a run of digits
    (r"(?<!\d)(?:\d+|ก)ข", None),  # a branch that may start with a repeat
])
def test_lookbehind_probe(pattern: str, probe: str | None) -> None:
    from oit_checker.text.thai import lookbehind_probe

    got = lookbehind_probe(re.compile(pattern))
    assert (got.pattern if got is not None else None) == probe


@pytest.mark.parametrize("pattern", [r"(?<!ไม่)(?<!ไม่\s)ใช้\s?งบ", r"(?<!\d)\d{2}", r"(?<=ปี\s)\d{4}", r"(?<!ก)ข|ค"])
def test_first_match_is_search_at_every_start(pattern: str) -> None:
    """The probe's candidates, the look-behinds judged where the text before the start is seen (`pos` > 0)."""
    from oit_checker.text.thai import first_match

    rx = re.compile(pattern)
    text = "ไม่ใช้งบ ไม่ ใช้งบ ใช้งบ 12 ปี 2568 ก12ข คข 1234 ปี2569"
    for pos in range(len(text) + 1):
        want, got = rx.search(text, pos), first_match(rx, text, pos)
        assert (got.span() if got else None) == (want.span() if want else None), pos
        assert (got.group() if got else None) == (want.group() if want else None)


def test_rule_patterns_find_the_same_with_and_without_their_lookbehind_probe(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every component pattern of both criteria years on every page of the real documents, and on lines that
    their look-behinds refuse: the same match or none, found through the probe or by the pattern alone."""
    from oit_checker.catalogue.rules import load_catalogue
    from oit_checker.extract import extract
    from oit_checker.text import thai

    patterns = list(dict.fromkeys(rx for name in ("ita2568.toml", "ita2569.toml")
                                  for item in load_catalogue(ROOT / "rules" / name).items
                                  for comp in item.components for rx in comp.patterns))
    assert sum(thai.lookbehind_probe(rx) is not None for rx in patterns) >= 15
    types = {".pdf": "application/pdf", ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml"
             ".document", ".html": "text/html"}
    pages = [CONTENT]
    for path in sorted(p for folder in ("corpus", "demo", "realworld")
                       for p in (ROOT / "fixtures" / folder).rglob("*") if p.suffix in types):
        doc = extract(path.read_bytes(), f"https://www.example.go.th/{path.name}", types[path.suffix])
        pages += [page for page in doc.pages if page]
    lines = ["ไม่ใช้งบประมาณ", "ใช้งบประมาณไป 5,000 บาท", "รายจ่ายทั้งสิ้น 5,000 บาท", "รายงานผลการใช้จ่าย",
             "ผลการใช้จ่ายงบประมาณ", "ให้มีการอบรม", "ต.ค. 67 – พ.ย. 67", "2567 (1 ต.ค. 66", "รับข้อเสนอแนะ"]
    pages += [*lines, *(_with_random_breaks(line, i, every=3) for i, line in enumerate(lines))]
    probed = [[TextIndex(p).find_regex(rx) for rx in patterns] for p in pages]
    monkeypatch.setattr(thai, "lookbehind_probe", lambda rx: None)
    alone = [[TextIndex(p).find_regex(rx) for rx in patterns] for p in pages]
    assert probed == alone
    assert sum(m is not None for row in alone for m in row) > 100


def test_may_hold_is_false_only_where_find_finds_nothing_whatever_is_blocked() -> None:
    """`may_hold` lets a caller skip a phrase before working out what to exclude: false only when the phrase's
    matching and loose forms are nowhere in the page, so `find` would give None with any exclude or block."""
    index = TextIndex("ผลการดําเนินงาน ประจำปี 2568\nปัญหาและอุปสรรค")  # "ดํา": sara am written as two marks
    assert index.may_hold("ผลการดำเนินงาน")  # strict after repair, or loose
    assert not index.may_hold("ปัญหา อุปสรรค")  # "ปัญหาและอุปสรรค" holds neither form of it
    assert index.find("ปัญหา อุปสรรค") is None
    assert not index.may_hold("ข้อเสนอแนะ")
    assert index.find("ข้อเสนอแนะ") is None
    damaged = TextIndex("ขอเสนอแนะ")  # a PDF that lost its marks: loose only
    assert damaged.may_hold("ข้อเสนอแนะ") and damaged.find("ข้อเสนอแนะ") is not None
    assert not TextIndex("ข้อเสนอแนะ").may_hold("")


def test_required_literals_kept_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from oit_checker.text import thai

    monkeypatch.setattr(thai, "_REQUIRED", {})
    monkeypatch.setattr(thai, "_REQUIRED_MAX", 8)
    patterns = [re.compile(f"ผลการ{i}") for i in range(20)]
    assert [thai.required_literal(rx) for rx in patterns] == [f"ผลการ{i}" for i in range(20)]
    assert len(thai._REQUIRED) <= 8


def test_find_regex_skips_a_match_inside_an_excluded_span_unless_it_starts_it() -> None:
    index = TextIndex("O17 แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต\nคู่มือรับเรื่องร้องทุกข์ ถนนชำรุด ไฟฟ้าดับ")
    title = index.spans("แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต")
    assert index.find_regex("ทุจริต") is not None
    assert index.find_regex("ทุจริต", exclude=title) is None  # only in the item's title copied onto the page
    assert index.find_regex("แนวปฏิบัติ", exclude=title) is None
    hit = index.find_regex("แนวปฏิบัติ", exclude=title, start_counts=True)  # the title starts with it
    assert hit is not None and "แนวปฏิบัติ" in hit.snippet
    assert index.find_regex("ถนนชำรุด", exclude=title) is not None  # outside the span


def test_a_match_that_starts_any_title_counts_though_a_longer_title_holds_it() -> None:
    index = TextIndex("ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)\nแบบคำร้องทั่วไป")
    spans = index.spans("ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)") + index.spans("E-Service")
    assert index.find_regex(r"(?i)e\s*-?\s*service", exclude=spans) is None
    hit = index.find_regex(r"(?i)e\s*-?\s*service", exclude=spans, start_counts=True)
    assert hit is not None and "E-Service" in hit.snippet


# A risk table whose measures column is the last of its header row (review74 c06)
_RISK_TABLE = ("ผลการประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ ๒๕๖๙\n"
               "ขั้นตอนงาน | ความเสี่ยงการทุจริต | ระดับ | วิธีควบคุม\n"
               "การตรวจรับงานจ้างก่อสร้าง | เอื้อผู้รับจ้าง | สูงมาก | ถ่ายภาพพิกัดทุกงวด ให้ผู้แทนชุมชนร่วมตรวจ\n"
               "ประกาศ ณ วันที่ ๒๘ พ.ย. ๖๘")


def test_display_rows_keeps_a_table_rows_line_breaks_at_the_display_offsets() -> None:
    rows = display_rows(_RISK_TABLE)
    assert len(rows) == len(display(_RISK_TABLE)) and rows.replace("\n", " ") == display(_RISK_TABLE)
    assert rows.count("\n") == 3  # before and after each of the two table rows
    # a PDF's running text wrapped at a word keeps no line end
    wrapped = "เทศบาลได้กำหนด วิธีควบคุม\nการเบิกจ่ายเงินให้รัดกุม"
    assert display_rows(wrapped) == display(wrapped)


def test_a_line_anchored_pattern_sees_the_end_of_a_table_row() -> None:
    rx = re.compile(r"\|\s*วิธีควบคุม\s*(?:\||$)", re.MULTILINE | re.DOTALL)
    m = TextIndex(_RISK_TABLE).find_regex(rx)
    assert m is not None and "วิธีควบคุม" in m.snippet
    # unanchored on the folded text, as before: `$` is the document's end only
    assert TextIndex(_RISK_TABLE).find_regex(re.compile(r"\|\s*วิธีควบคุม\s*(?:\||$)")) is None
