"""Thai text normalization and phrase search (pure text utilities, no I/O).

Three forms of one text:

* ``display(text)``   what a human reads, used to quote snippets: repaired Thai, Arabic digits,
  whitespace folded to single spaces.
* ``normalize(text)`` the matching form: ``display`` with all whitespace removed, because Thai has no
  reliable word spaces and PDFs wrap lines anywhere, even inside a word.
* ``loose(text)``     a second, low-confidence tier: ``normalize`` without any combining mark and with
  ``ำ`` read as ``า``, which still matches text whose marks were damaged by an extractor.

The same function is applied to rule phrases and to document text, so both sides always agree.
``TextIndex`` indexes a document once and answers many phrase look-ups against it.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = [
    "Match",
    "TextIndex",
    "display",
    "loose",
    "normalize",
    "thai_digits_to_arabic",
]

# ---------------------------------------------------------------- character classes

SARA_AM = "\u0e33"  # ำ
SARA_AA = "\u0e32"  # า
NIKHAHIT = "\u0e4d"  # ํ
# Every Thai combining mark: mai han-akat, the upper and lower vowels, phinthu, maitaikhu, the tone
# marks, thanthakhat, nikhahit and yamakkan.
COMBINING = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
_COMBINING_SET = frozenset(COMBINING)
_TONES = "\u0e48\u0e49\u0e4a\u0e4b"  # ่ ้ ๊ ๋
_TONES_AND_THANTHAKHAT = _TONES + "\u0e4c"  # + ์
_UPPER_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47"  # ั ิ ี ึ ื ็
_LOWER_VOWELS = "\u0e38\u0e39\u0e3a"  # ุ ู ฺ
_LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")  # เ แ โ ใ ไ


# ---------------------------------------------------------------- translation table

# Legacy Thai presentation forms in the private-use area, as written by old Windows Thai fonts and
# PDF printers (the Windows "PUA" set that Uniscribe and HarfBuzz's Thai fallback shaper emit), plus
# the Mac OS equivalents at U+F884–U+F89E. Each shifted/lowered glyph stands for one standard
# character, so the mapping is one-to-one and keeps string lengths. U+F71B–U+F71F have no standard
# assignment and are left untouched.
_PUA_WINDOWS = {
    0xF700: "\u0e10",  # ฐ without descender
    0xF701: "\u0e34",  # ิ shifted left
    0xF702: "\u0e35",  # ี shifted left
    0xF703: "\u0e36",  # ึ shifted left
    0xF704: "\u0e37",  # ื shifted left
    0xF705: "\u0e48",  # ่ shifted down-left
    0xF706: "\u0e49",  # ้ shifted down-left
    0xF707: "\u0e4a",  # ๊ shifted down-left
    0xF708: "\u0e4b",  # ๋ shifted down-left
    0xF709: "\u0e4c",  # ์ shifted down-left
    0xF70A: "\u0e48",  # ่ lowered
    0xF70B: "\u0e49",  # ้ lowered
    0xF70C: "\u0e4a",  # ๊ lowered
    0xF70D: "\u0e4b",  # ๋ lowered
    0xF70E: "\u0e4c",  # ์ lowered
    0xF70F: "\u0e0d",  # ญ without descender
    0xF710: "\u0e31",  # ั shifted left
    0xF711: "\u0e4d",  # ํ shifted left
    0xF712: "\u0e47",  # ็ shifted left
    0xF713: "\u0e48",  # ่ shifted left
    0xF714: "\u0e49",  # ้ shifted left
    0xF715: "\u0e4a",  # ๊ shifted left
    0xF716: "\u0e4b",  # ๋ shifted left
    0xF717: "\u0e4c",  # ์ shifted left
    0xF718: "\u0e38",  # ุ lowered
    0xF719: "\u0e39",  # ู lowered
    0xF71A: "\u0e3a",  # ฺ lowered
}
_PUA_MAC = {
    0xF884: "\u0e31",
    0xF885: "\u0e34",
    0xF886: "\u0e35",
    0xF887: "\u0e36",
    0xF888: "\u0e37",
    0xF889: "\u0e47",
    0xF88A: "\u0e48",
    0xF88B: "\u0e48",
    0xF88C: "\u0e48",
    0xF88D: "\u0e49",
    0xF88E: "\u0e49",
    0xF88F: "\u0e49",
    0xF890: "\u0e4a",
    0xF891: "\u0e4a",
    0xF892: "\u0e4a",
    0xF893: "\u0e4b",
    0xF894: "\u0e4b",
    0xF895: "\u0e4b",
    0xF896: "\u0e4c",
    0xF897: "\u0e4c",
    0xF898: "\u0e4c",
    0xF899: "\u0e4d",
    0xF89A: "\u0e0d",
    0xF89B: "\u0e38",
    0xF89C: "\u0e39",
    0xF89D: "\u0e3a",
    0xF89E: "\u0e10",
}
PUA_MAP: dict[int, str] = {**_PUA_WINDOWS, **_PUA_MAC}

# Invisible characters that only break matching. The bidi marks are not in the design's list but are
# just as invisible and turn up in text pasted from Word.
_DELETE = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2061\u2062\u2063\u2064"
)
# Hyphen look-alikes read as "-": Word and CMS editors write phone numbers with U+2011 NON-BREAKING HYPHEN
# ("โทร.&nbsp;๐๘๑&#8209;๒๓๔&#8209;๕๖๗๘", review52 h02), and every pattern (a phone number, a date range
# "ต.ค. ๖๗‑ก.ย. ๖๘", "1-2") is written with "-". Each stands for the one character, so lengths are kept. The hyphen,
# the non-breaking hyphen, the figure dash, the minus sign, the small and the fullwidth hyphen-minus; not the en
# and em dashes, which a quote should show as written (ranges accept them as they are).
_HYPHENS = "\u2010\u2011\u2012\u2212\ufe63\uff0d"
_THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_DIGIT_TABLE = {ord(t): str(i) for i, t in enumerate(_THAI_DIGITS)}

_TABLE: dict[int, str | None] = {}
# Control characters become spaces rather than vanishing: a stray control code usually sits where a
# glyph or a line break was (fpdf2 writes `ตำ\x15บล`), and a space is harmless to matching.
for _cp in (*range(0x00, 0x20), *range(0x7F, 0xA0)):
    _TABLE[_cp] = " "
_TABLE.update({ord(c): None for c in _DELETE})
_TABLE.update(PUA_MAP)
_TABLE.update(_DIGIT_TABLE)
_TABLE.update({ord(c): "-" for c in _HYPHENS})

# ---------------------------------------------------------------- repair patterns

# A wrap or a stray space before a combining mark or sara am splits one cluster (pdfplumber's
# `จัดท ้ ำ`); no Thai syllable starts with either, so the space can always go.
_WS_BEFORE_MARK = re.compile(rf"\s+(?=[{COMBINING}{SARA_AM}])")
# Sara am written as nikhahit + sara aa (legacy fonts, HarfBuzz decomposition), or doubled by an
# extractor that emits both the ActualText and the glyph (`ตำาบล`). A tone mark may sit in between.
_SARA_AM_REPAIR = re.compile(rf"[{NIKHAHIT}{SARA_AM}]([{_TONES}]?)\s*{SARA_AA}")
# A tone mark or thanthakhat typed (or extracted) before the vowel it sits on. NFC already reorders a
# tone before a lower vowel, but not thanthakhat (canonical class 0), so lower vowels are listed too.
_MARK_BEFORE_VOWEL = re.compile(rf"([{_TONES_AND_THANTHAKHAT}])([{_UPPER_VOWELS}{_LOWER_VOWELS}])")
# A tone typed after sara am (`นำ้`) renders like `น้ำ` in many fonts, so it is a common typing slip.
_TONE_AFTER_SARA_AM = re.compile(rf"{SARA_AM}([{_TONES}])")
_REPEATED_MARK = re.compile(rf"([{COMBINING}{SARA_AM}])\1+")

# What `_TABLE` changes, less the control characters that are whitespace anyway (line breaks, tabs): every
# whitespace run becomes one space at the end of `display`, so mapping those first changes nothing. What is
# left (Thai digits, legacy glyphs, invisible and other control characters) is found by one scan and
# mapped run by run: `str.translate` with a dict looks up every character of a Thai text one by one.
_RARE = "[" + re.escape("".join(chr(c) for c, v in _TABLE.items() if not (v == " " and chr(c).isspace()))) + "]"
# `[…][…]*`, not `[…]+`: a pattern that starts with a character class lets the regex engine skip ahead to the next
# character of it instead of trying every position (the bench agency's pages: 1.64 → 1.02 ms, the same runs).
_RARE_RE = re.compile(_RARE + _RARE + "*")
# The repairs below only matter where their first character occurs: a scan for it is far cheaper than a sub.
_WS_THEN_MARK = re.compile(rf"\s[{COMBINING}{SARA_AM}]")
# Everything the four repairs after NFC act on, looked for in one pass (most lines and pages hold none of it, and
# a repair that finds nothing leaves its input as it was): a combining mark or sara am, then what makes it one
# of the repairs' patterns — `_SARA_AM_REPAIR`, `_TONE_AFTER_SARA_AM`, `_MARK_BEFORE_VOWEL`, `_REPEATED_MARK`,
# in that order. Written to start with that mark, so the regex engine skips ahead to one.
_ANY_REPAIR = re.compile(
    rf"(?P<mark>[{COMBINING}{SARA_AM}])(?:"
    rf"(?<=[{NIKHAHIT}{SARA_AM}])[{_TONES}]?\s*{SARA_AA}"
    rf"|(?<={SARA_AM})[{_TONES}]"
    rf"|(?<=[{_TONES_AND_THANTHAKHAT}])[{_UPPER_VOWELS}{_LOWER_VOWELS}]"
    rf"|(?P=mark))"
)


def _map_run(m: re.Match[str]) -> str:
    return m.group().translate(_TABLE)


_LOOSE_TABLE: dict[int, str | None] = {ord(c): None for c in COMBINING}
_LOOSE_TABLE[ord(SARA_AM)] = SARA_AA


def thai_digits_to_arabic(text: str) -> str:
    """๐–๙ → 0–9; everything else unchanged."""
    return text.translate(_DIGIT_TABLE)


def _repair_sara_am(text: str) -> str:
    # Repeat because one repair can expose another (`ตําา` → `ตำา` → `ตำ`).
    while True:
        fixed = _SARA_AM_REPAIR.sub(r"\1" + SARA_AM, text)
        if fixed == text:
            return fixed
        text = fixed


def display(text: str) -> str:
    """The readable form of `text`, used for quoting and as the base of every other form.

    NFC (never NFKC, which decomposes ำ), legacy PUA glyphs mapped, invisible characters deleted,
    control characters turned into spaces, Thai digits made Arabic, hyphen look-alikes made "-", sara am
    repaired, a tone mark before its vowel moved after it, repeated marks collapsed, whitespace folded, stripped.
    """
    if not text:
        return ""
    memo = _MEMO.get()
    if memo is None:
        return " ".join(_unfolded(text).split())
    got = memo.get(text)
    if got is None:
        got = memo[text] = " ".join(_unfolded(text).split())
    return got


# Per context, so evaluations in threads side by side never share or outlive one another's memo.
_MEMO: ContextVar[dict[str, str] | None] = ContextVar("display_memo", default=None)


@contextmanager
def display_memo() -> Iterator[None]:
    """Within it, `display` of a text is worked out once: one agency's evaluation asks for the display form of the
    same pages, lines and names from many checks (a bench agency: 4,823 calls, 2,009 texts; its judging −8 %)."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def _unfolded(text: str) -> str:
    """`display` before its whitespace is folded: the lines as they were."""
    t = _RARE_RE.sub(_map_run, text)
    # Before NFC, so canonical reordering can see marks that a space used to separate.
    if _WS_THEN_MARK.search(t) is not None:
        t = _WS_BEFORE_MARK.sub("", t)
    t = unicodedata.normalize("NFC", t)
    if _ANY_REPAIR.search(t) is not None:
        if SARA_AA in t:
            t = _repair_sara_am(t)
        if SARA_AM in t:
            t = _TONE_AFTER_SARA_AM.sub(r"\1" + SARA_AM, t)
        t = _MARK_BEFORE_VOWEL.sub(r"\2\1", t)
        t = _REPEATED_MARK.sub(r"\1", t)
    return t


def display_rows(text: str) -> str:
    """`display(text)` with the break before and after each table row (a line holding a cell separator "|") kept as
    "\n" instead of a space: the same length, every character at its `display` offset. A rule pattern anchored on
    a line's end or start (`re.MULTILINE`: "…| วิธีป้องกัน" the last header cell, then "การตรวจรับงาน | …" the first
    row: review74 c06) is searched here; on the display text, whose lines are folded into one, `$` is only the end
    of the whole document. Only a table row's ends are kept: a PDF's running text wraps at any word, and a line of it
    ending on "…วิธีลดความเสี่ยง" says nothing (review65 n02, a header line over cells of "-" only)."""
    return _rows(_unfolded(text)) if text else ""


def _rows(unfolded: str) -> str:
    """`display_rows` of a text already `_unfolded`."""
    lines = [folded for line in unfolded.splitlines() if (folded := " ".join(line.split()))]
    out: list[str] = []
    row = False
    for line in lines:
        is_row = "|" in line
        if out:
            out.append("\n" if row or is_row else " ")
        out.append(line)
        row = is_row
    return "".join(out)


def normalize(text: str) -> str:
    """The matching form: `display` with all whitespace removed."""
    return display(text).replace(" ", "")


@lru_cache(maxsize=4096)
def normalize_phrase(phrase: str) -> str:
    """`normalize`, memoized for the short strings (rule phrases, link texts) that are searched for again and
    again; never use it for document texts, which would fill the cache with whole documents."""
    return normalize(phrase)


def quote(shown: str, start: int, end: int, context: int = 40) -> str:
    """`shown[start:end]` (a display form) with about `context` characters each side, "…" at cut ends."""
    left = max(0, start - context)
    right = min(len(shown), end + context)
    # Never cut a cluster in half: a quoted snippet must not start with a floating mark, nor
    # part a leading vowel (เ แ โ ใ ไ) from the consonant it is written before.
    while left > 0 and shown[left] in _COMBINING_SET:
        left -= 1
    if left > 0 and shown[left - 1] in _LEADING_VOWELS:
        left -= 1
    if right < len(shown) and shown[right - 1] in _LEADING_VOWELS:
        right += 1
    while right < len(shown) and shown[right] in _COMBINING_SET:
        right += 1
    body = shown[left:right].strip()
    return ("…" if left > 0 else "") + body + ("…" if right < len(shown) else "")


def _loosen(normalized: str) -> str:
    return normalized.translate(_LOOSE_TABLE)


@lru_cache(maxsize=4096)
def _loose_needle(needle: str) -> str:
    """`_loosen` of a phrase's matching form, memoized as `normalize_phrase` is: the loose tier is tried for every
    phrase on every page it misses (the bench agencies: ≈2,900 times an agency, a few hundred phrases)."""
    return _loosen(needle)


def loose(text: str) -> str:
    """The low-confidence matching form: `normalize`, minus every combining mark, with ำ → า."""
    return _loosen(normalize(text))


# ---------------------------------------------------------------- required literals

_re_parser: Any = importlib.import_module("re._parser")  # the regex engine's own parser (no public interface)
_re_constants: Any = importlib.import_module("re._constants")
_ZERO_WIDTH = frozenset(getattr(_re_constants, name, None) for name in ("ASSERT", "ASSERT_NOT", "AT")) - {None}
_REQUIRED: dict[int, tuple[re.Pattern[str], str]] = {}  # id(pattern) → (pattern, literal); the pattern kept alive
_REQUIRED_MAX = 4096  # a catalogue has about a hundred patterns


def required_literal(rx: re.Pattern[str]) -> str:
    """The longest run of characters, none of them whitespace, that every match of `rx` holds: characters in a
    row at the pattern's top level, look-arounds and anchors stepped over (`(?<!รายงาน)(?<!รายงาน\\s)ผลการใช้จ่าย`
    → `ผลการใช้จ่าย`). "" when there is none, when the pattern ignores case, or when the parser cannot say.

    A rule pattern that starts with look-behinds is tried at every position of a page; looking for its literal
    first (`str.find`) spares most pages the regex (they do not hold it)."""
    got = _REQUIRED.get(id(rx))
    if got is not None and got[0] is rx:
        return got[1]
    best = ""
    if not rx.flags & re.IGNORECASE:
        try:
            run = ""
            for op, av in _re_parser.parse(rx.pattern, rx.flags):
                if op is _re_constants.LITERAL and not chr(av).isspace():
                    run += chr(av)
                    continue
                if op in _ZERO_WIDTH:
                    continue  # takes no character: the characters around it are next to each other in a match
                best, run = max(best, run, key=len), ""
            best = max(best, run, key=len)
        except Exception:  # a parser of another Python version: no shortcut, the regex decides
            best = ""
    if len(_REQUIRED) >= _REQUIRED_MAX:  # a long-lived worker loading catalogues again: start afresh
        _REQUIRED.clear()
    _REQUIRED[id(rx)] = (rx, best)
    return best


# ---------------------------------------------------------------- searches behind look-behinds

_FLAGS_GROUP = re.compile(r"\(\?[aiLmsux]+\)")
_PROBES: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}  # id(pattern) → (pattern, probe)


def _group_end(pattern: str, start: int) -> int:
    """The offset just past the group opened at `pattern[start]` ("("), or -1: escapes and character classes
    stepped over."""
    depth, i, n = 0, start, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i += 1
            if i < n and pattern[i] == "^":
                i += 1
            if i < n and pattern[i] == "]":
                i += 1  # a "]" first in a class is one of its characters
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def lookbehind_probe(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """`rx` without the look-behinds it starts with (`(?<!รายงาน)(?<!รายงาน\\s)ผลการ…` → `ผลการ…`), or None when it
    starts with none or what follows them does not start with a character of its own (`_starts_with_literal`).
    Every match of `rx` starts where the probe matches: the look-behinds only refuse some of those starts. The regex
    engine skips ahead to a pattern's possible first characters only when the pattern starts with what it consumes;
    behind look-behinds it tries every position of the text (`first_match`)."""
    got = _PROBES.get(id(rx))
    if got is not None and got[0] is rx:
        return got[1]
    pattern = rx.pattern
    if rx.flags & re.VERBOSE:  # a comment may hold a parenthesis: the text is not cut, the pattern runs alone
        _PROBES[id(rx)] = (rx, None)
        return None
    head = _FLAGS_GROUP.match(pattern)
    at = head.end() if head else 0
    i = at
    while pattern.startswith(("(?<!", "(?<="), i):
        end = _group_end(pattern, i)
        if end == -1:
            break
        i = end
    probe: re.Pattern[str] | None = None
    if i > at:
        try:
            probe = re.compile(pattern[:at] + pattern[i:], rx.flags)
            if not _starts_with_literal(_re_parser.parse(probe.pattern, rx.flags)):
                probe = None
        except Exception:  # a back-reference into a look-behind, another Python's parser: the pattern alone
            probe = None
    if len(_PROBES) >= _REQUIRED_MAX:
        _PROBES.clear()
    _PROBES[id(rx)] = (rx, probe)
    return probe


def _starts_with_literal(items: Any) -> bool:
    """Whether a parsed pattern starts with a character of its own, in every branch: "ผลการ…", "(?:ต\\.ค\\.|พ\\.ย\\.)".
    Only then is a probe safe: a pattern starting with a repeat ("\\d+\\s*(?:นาที|วัน)") relies on its look-behind
    ("(?<!\\d)") to refuse every start inside a run of digits; without it each start scans the run again, and 8,000
    digits cost half a second a search (bench/hostile_text.py)."""
    if not len(items):
        return False
    op, av = items[0]
    if op is _re_constants.LITERAL:
        return True
    if op is _re_constants.SUBPATTERN:
        return _starts_with_literal(av[-1])
    if op is _re_constants.BRANCH:
        return all(_starts_with_literal(branch) for branch in av[1])
    return False


def first_match(rx: re.Pattern[str], text: str, pos: int = 0) -> re.Match[str] | None:
    """`rx.search(text, pos)`, faster for a pattern that starts with look-behinds: its probe (`lookbehind_probe`)
    finds each candidate start, the whole pattern is tried there only (a look-behind sees the text before `pos`
    as it does in `search`). Rule patterns that open with a row of look-behinds took most of the pattern searches'
    time (the bench agencies: ≈3.5 of 7.3 ms an agency, three patterns)."""
    probe = lookbehind_probe(rx)
    if probe is None:
        return rx.search(text, pos)
    m = probe.search(text, pos)
    while m is not None:
        full = rx.match(text, m.start())
        if full is not None:
            return full
        m = probe.search(text, m.start() + 1)
    return None


# ---------------------------------------------------------------- index


@dataclass(frozen=True)
class Match:
    """Where a phrase was found. `start`/`end` are offsets into `TextIndex.display_text`."""

    start: int
    end: int
    snippet: str
    loose: bool


_NON_MARK_RUN = re.compile(rf"[^{COMBINING}]+")
_MARKS = re.compile(rf"[{COMBINING}][{COMBINING}]*")  # a leading class: see `_RARE_RE` (2.67 → 2.32 ms a pass)
_SPACE = re.compile(" ")


def within(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether [start, end) lies wholly inside one of `spans`."""
    return any(a <= start and end <= b for a, b in spans)


class TextIndex:
    """One document's text, indexed once for many phrase searches.

    `normalized_text` (the display text without its spaces) is searched with `str.find`; a hit is quoted from
    the readable text through `_to_display`, which maps a normalized offset to its `display_text` offset. The
    tables behind that mapping and the loose tier are made only when a search needs them: most pages of an
    agency are searched many times and hit rarely.
    """

    __slots__ = ("_any_form", "_gaps", "_loose_pos", "_loose_text", "_raw", "_rows", "display_text", "normalized_text")

    def __init__(self, text: str) -> None:
        # a page with table rows keeps its unfolded form, for `rows_text` (made for a pattern with line anchors only)
        # not to repeat `display`'s work on it
        unfolded = _unfolded(text) if text and "|" in text else ""
        self._raw: str = unfolded
        self._rows: str | None = None
        self.display_text: str = " ".join(unfolded.split()) if unfolded else display(text)
        self.normalized_text: str = self.display_text.replace(" ", "")
        self._gaps: array[int] | None = None
        self._loose_text: str | None = None
        self._loose_pos: array[int] | None = None
        self._any_form: dict[str, list[tuple[int, int]]] = {}  # `spans_any_form` by phrase

    # -- offsets

    def _to_display(self, i: int) -> int:
        """The `display_text` offset of normalized character `i` (`len(display_text)` past the end)."""
        if i >= len(self.normalized_text):
            return len(self.display_text)
        gaps = self._gaps
        if gaps is None:
            # The k-th space of the display text comes after `start - k` normalized characters: a normalized
            # offset lies past as many spaces as there are such counts not above it.
            gaps = self._gaps = array("l", [m.start() - k for k, m in enumerate(_SPACE.finditer(self.display_text))])
        return i + bisect_right(gaps, i)

    def rows_text(self) -> str:
        """`display_rows` of the page: the display text with a table row's line breaks kept (same offsets); the
        display text itself when the page has no table row."""
        if self._rows is None:
            self._rows = _rows(self._raw) if "|" in self.display_text else self.display_text
        return self._rows

    # -- tiers

    def _loose(self) -> str:
        """`normalized_text` without its combining marks, ำ read as า: searched when the strict tier misses."""
        if self._loose_text is None:
            # The marks out with one regex pass, then ำ → า: the same text as `_loosen` of the mark-less runs.
            self._loose_text = _MARKS.sub("", self.normalized_text).replace(SARA_AM, SARA_AA)
        return self._loose_text

    def _loose_positions(self) -> array[int]:
        """`normalized_text` offset of each character of `_loose()`: made only for a loose hit (most searches
        miss)."""
        if self._loose_pos is None:
            pos = array("l")
            for m in _NON_MARK_RUN.finditer(self.normalized_text):
                pos.extend(range(m.start(), m.end()))
            self._loose_pos = pos
        return self._loose_pos

    def _find_strict(self, needle: str, start: int = 0,
                     exclude: Sequence[tuple[int, int]] = ()) -> int:
        hay = self.normalized_text
        n = len(needle)
        i = hay.find(needle, start)
        # A hit followed by a combining mark ends inside a cluster: `ปี` is not found in `ปี่`.
        while i != -1 and ((i + n < len(hay) and hay[i + n] in _COMBINING_SET)
                           or any(a <= i and i + n <= b for a, b in exclude)):
            i = hay.find(needle, i + 1)
        return i

    def spans(self, phrase: str) -> list[tuple[int, int]]:
        """Every strict occurrence of `phrase`, as (start, end) offsets into `normalized_text`."""
        needle = normalize_phrase(phrase)
        out: list[tuple[int, int]] = []
        if not needle:
            return out
        i = self._find_strict(needle)
        while i != -1:
            out.append((i, i + len(needle)))
            i = self._find_strict(needle, i + 1)
        return out

    def spans_any_form(self, phrase: str) -> list[tuple[int, int]]:
        """Every occurrence of `phrase`, strict or (for damaged text) marks-insensitive, as `normalized_text`
        spans: where a wording must not count whatever the PDF did to its marks (`Component.not_within`). Kept by
        phrase: every component's search on the page asks again (the list is shared: do not change it)."""
        got = self._any_form.get(phrase)
        if got is None:
            got = self._any_form[phrase] = \
                self.spans(phrase) + list(self._loose_hits(_loose_needle(normalize_phrase(phrase))))
        return got

    def _loose_hits(self, loose_needle: str) -> Iterator[tuple[int, int]]:
        """Every occurrence of `loose_needle` in the loose tier, as `normalized_text` spans."""
        if not loose_needle:
            return
        hay = self._loose()
        i = hay.find(loose_needle)
        if i == -1:
            return
        pos = self._loose_positions()
        while i != -1:
            yield pos[i], pos[i + len(loose_needle) - 1] + 1
            i = hay.find(loose_needle, i + 1)

    # -- public

    def may_hold(self, phrase: str) -> bool:
        """Whether `find(phrase)` can find anything, whatever is excluded or blocked: the phrase's matching or loose
        form occurs somewhere in the page (two substring tests; the loose text is made once per page)."""
        needle = normalize_phrase(phrase)
        return bool(needle) and (needle in self.normalized_text or _loose_needle(needle) in self._loose())

    def find(self, phrase: str, *, context: int = 40, exclude: Sequence[tuple[int, int]] = (),
             block: Sequence[tuple[int, int]] = ()) -> Match | None:
        """First occurrence of `phrase` (normalized); falls back to the loose tier (`loose=True`).

        `exclude` holds `normalized_text` spans (see `spans`); a strict hit lying wholly inside one does not
        count, e.g. the document's own title: "รายงานผลการดำเนินงาน" in a title is no evidence of results.
        `block`: spans inside which no hit counts, strict or loose (`Component.not_within`, `spans_any_form`).
        """
        needle = normalize_phrase(phrase)
        if not needle:
            return None
        i = self._find_strict(needle, 0, [*exclude, *block] if block else exclude)
        if i != -1:
            return self._match(i, i + len(needle), context, loose=False)
        if exclude and self._find_strict(needle, 0, block) != -1:
            return None  # present, but only in an excluded span (a title): the loose tier would just re-find it
        for start, end in self._loose_hits(_loose_needle(needle)):
            if not within(start, end, block):
                return self._match(start, end, context, loose=True)
        return None

    def find_regex(self, pattern: re.Pattern[str] | str, context: int = 40,
                   exclude: Sequence[tuple[int, int]] = (), start_counts: bool = False,
                   block: Sequence[tuple[int, int]] = ()) -> Match | None:
        """First match of `pattern` on `display_text` (spaces kept).

        When the display form has no match, the pattern is tried on `normalized_text`, so a phrase
        that a PDF wrapped in the middle still matches; the hit is mapped back to display offsets.
        `exclude`: `normalized_text` spans, as for `find`; a match lying wholly inside one does not count, unless
        `start_counts` and it starts where the span starts (a title that starts with the words says what the
        document is: "E-Service" heading the E-Service page). `block`: `normalized_text` spans inside which a
        match never counts (`spans_any_form` of a component's `not_within`).
        """
        rx = re.compile(pattern) if isinstance(pattern, str) else pattern
        needed = required_literal(rx)
        if needed and needed not in self.normalized_text:
            return None  # a match on either form holds it, and the display form's spaces are not in it
        shown: list[tuple[int, int]] | None = None  # the spans in display offsets, made for a first hit only

        def counts(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
            # Outside every span, or (`start_counts`) at the start of one: "E-Service" starting the short title
            # counts although the long title "ระบบการให้บริการ…(E-Service)" holds it too.
            return not within(start, end, spans) or (start_counts and any(start == a for a, _b in spans))

        blocked_shown: list[tuple[int, int]] | None = None
        # A pattern with line anchors (compiled `re.MULTILINE` by the catalogue) sees a table row's ends
        shown_text = self.rows_text() if rx.flags & re.MULTILINE else self.display_text
        m = first_match(rx, shown_text)
        while m is not None:
            if exclude and shown is None:
                shown = [self.display_span(a, b) for a, b in exclude]
            if block and blocked_shown is None:
                blocked_shown = [self.display_span(a, b) for a, b in block]
            if (not exclude or counts(m.start(), m.end(), shown or ())) \
                    and not (block and within(m.start(), m.end(), blocked_shown or ())):
                return Match(m.start(), m.end(), self.snippet(m.start(), m.end(), context), loose=False)
            m = first_match(rx, shown_text, m.start() + 1)
        m = first_match(rx, self.normalized_text)
        while m is not None:
            if (not exclude or counts(m.start(), m.end(), exclude)) and not within(m.start(), m.end(), block):
                return self._match(m.start(), m.end(), context, loose=False)
            m = first_match(rx, self.normalized_text, m.start() + 1)
        return None

    def display_span(self, start: int, end: int) -> tuple[int, int]:
        """`normalized_text[start:end]` as (start, end) offsets into `display_text`."""
        first = self._to_display(start)
        last = self._to_display(end - 1) + 1 if start < end <= len(self.normalized_text) else first
        return first, last

    def snippet(self, start: int, end: int, context: int = 40) -> str:
        """`display_text[start:end]` with about `context` characters each side, "…" at cut ends."""
        return quote(self.display_text, start, end, context)

    def _match(self, i: int, j: int, context: int, *, loose: bool) -> Match:
        """The hit on `normalized_text[i:j]`, quoted from the display text."""
        start, end = self.display_span(i, j)
        return Match(start, end, self.snippet(start, end, context), loose=loose)
