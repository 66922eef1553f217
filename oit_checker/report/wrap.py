"""Wrapping for the terminal: Thai at word boundaries, URLs never folded.

Thai is written without spaces between words, so a terminal that wraps only at spaces either cuts a long
Thai phrase with "…" (hiding the name of a missing component) or splits it mid-word. ICU's line breaker
(PyICU) knows where a Thai line may break; it is imported lazily, only when a Thai text does not fit, so
a run that never wraps Thai never pays for it. Where ICU is not installed, Thai breaks between characters
(never inside a base character and its vowel or tone marks).

A URL is one unbreakable piece: if it is wider than the line, it gets a line of its own and runs past the
edge, so that it can still be selected and copied whole.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import Any

from rich.cells import cell_len

URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+", re.IGNORECASE)
_THAI = re.compile("[\u0e00-\u0e7f]")
_SPACES = re.compile(r"(\s+)")


@cache
def _icu_breaker() -> Any | None:
    try:
        import icu
    except ImportError:
        return None
    return icu.BreakIterator.createLineInstance(icu.Locale("th_TH"))


def icu_available() -> bool:
    return _icu_breaker() is not None


def _clusters(text: str) -> Iterator[str]:
    """Characters with their combining marks (Thai vowels above/below, tone marks) kept together."""
    current = ""
    for ch in text:
        if current and unicodedata.combining(ch) == 0 and unicodedata.category(ch) not in ("Mn", "Me"):
            yield current
            current = ch
        else:
            current += ch
    if current:
        yield current


def thai_breaks(chunk: str) -> list[str]:
    """A run of text without spaces cut where a line may break: ICU's Thai word boundaries, else between
    characters (marks kept with their letter)."""
    if not _THAI.search(chunk):
        return [chunk]
    breaker = _icu_breaker()
    if breaker is None:
        return list(_clusters(chunk))
    breaker.setText(chunk)
    bounds = [0, *breaker]
    return [chunk[a:b] for a, b in itertools.pairwise(bounds) if b > a]


def _chunks(text: str) -> list[str]:
    """`text` cut at spaces; each chunk keeps the spaces that follow it."""
    parts = _SPACES.split(text)
    return [w + s for w, s in zip(parts[::2], [*parts[1::2], ""], strict=False) if w + s]


def pieces(text: str) -> list[tuple[str, bool]]:
    """(chunk, is_url) in order: URLs whole, the rest cut at spaces (Thai puts spaces between phrases)."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in URL.finditer(text):
        out.extend((p, False) for p in _chunks(text[pos:m.start()]))
        out.append((m.group(0), True))
        pos = m.end()
    out.extend((p, False) for p in _chunks(text[pos:]))
    return out


def _hard_split(piece: str, width: int) -> list[str]:
    """A piece wider than a line that is not a URL (a very long Thai word, a file name): cut by clusters."""
    lines, current = [], ""
    for cluster in _clusters(piece):
        if current and cell_len(current + cluster) > width:
            lines.append(current)
            current = ""
        current += cluster
    if current:
        lines.append(current)
    return lines


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells. A line breaks at a space when it can, so a phrase (a component's
    name) moves whole to the next line; only a phrase wider than a whole line breaks inside, at a Thai word
    boundary. A URL wider than the line stands alone on its line, whole."""
    width = max(width, 8)
    if cell_len(text) <= width and "\n" not in text:
        return [text]
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for chunk, is_url in pieces(paragraph):
            if cell_len(current + chunk.rstrip()) <= width:
                current += chunk
                continue
            if current.strip():
                lines.append(current.rstrip())
            current = ""
            if is_url or cell_len(chunk.rstrip()) <= width:
                current = chunk
                continue
            for piece in thai_breaks(chunk):  # wider than a line: break inside, at word boundaries
                if cell_len(current + piece.rstrip()) <= width:
                    current += piece
                    continue
                if current.strip():
                    lines.append(current.rstrip())
                current = piece
                if cell_len(piece.rstrip()) > width:
                    *full, current = _hard_split(piece, width)
                    lines.extend(full)
        lines.append(current.rstrip())
    return lines
