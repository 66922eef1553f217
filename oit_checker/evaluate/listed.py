"""Components only named in one sentence: "…ซึ่งประกอบด้วย สรุปผลการจัดซื้อจัดจ้าง งบประมาณที่ใช้ ปัญหาอุปสรรค และ
ข้อเสนอแนะ…". An announcement that a report is done names the report's sections; the sections themselves are
elsewhere (or nowhere on the web). Every component is then "found", in the one sentence that lists them.

The check is narrow on purpose, since a compact report is often one table whose header names every component:
the names must follow a listing word ("ประกอบด้วย", "ได้แก่") one after another, with nothing between them but
"และ", a comma, a number or a short tail of the name before ("…รายโครงการ"), and no component may be named
anywhere else (outside the item's title copied into the page). A table's header has no listing word before it; a
report with the sections names them again as headings.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from oit_checker.model import Component
from oit_checker.text.thai import TextIndex, normalize, normalize_phrase, within

_LISTING = tuple(normalize(w) for w in ("ประกอบไปด้วย", "ประกอบด้วย", "ได้แก่"))
# What may stand between a listing word and the first name, and between two names (normalized text: no spaces).
_GAP = re.compile(r"(?:[,;:、/()\-•·*]|และ|หรือ|กับ|ดังนี้|คือ|\d{1,2}[.)])*")
# Between two names: a word that only qualifies the first one ("ผลการดำเนินงาน|รายโครงการ", "งบประมาณที่ใช้|จ่าย"), then
# the gap. Any other word ("ไม่มี", "ได้ดำเนินการครบ…") states something: the names are then no list.
_TAILS = ("รายโครงการ", "รายกิจกรรม", "จ่าย", "จริง", "ทั้งหมด", "ทั้งสิ้น", "ที่พบ", "ที่เกิดขึ้น", "ต่างๆ", "ประจำปี")
_BETWEEN = re.compile(f"(?:{'|'.join(_TAILS)})?{_GAP.pattern}")
_REACH = 24  # normalized characters before a name searched for its listing word
MIN_LISTED = 3  # names in one list before it reads as a list of sections


@dataclass(frozen=True)
class ListedPage:
    """One page of an item's documents, as the components were looked for on it."""

    url: str
    page: int | None
    index: TextIndex
    titles: Sequence[tuple[str, tuple[int, int]]]  # the item's titles copied into the page: (title, span)
    blocked: dict[str, list[tuple[int, int]]]  # component id → spans of its `not_within` wordings


@dataclass(frozen=True)
class Listed:
    """The sentence that only lists the components."""

    url: str
    page: int | None
    snippet: str
    components: tuple[str, ...]


def _occurrences(comp: Component, p: ListedPage) -> list[tuple[int, int]]:
    """Every occurrence of the component's phrases and patterns on the page that would count as evidence, as
    `normalized_text` spans: outside the component's `not_within` wordings, and outside the item's title copied
    into the page unless the title starts with the phrase (as evaluation counts them). More occurrences only make
    the check quieter, so phrases are taken in any form (a damaged heading too) and patterns on both forms."""
    blocked = p.blocked.get(comp.id, ())
    spans: list[tuple[int, int]] = []
    for phrase in comp.phrases:
        needle = normalize_phrase(phrase)
        titles = [span for t, span in p.titles if not t.startswith(needle)]
        spans += [s for s in p.index.spans_any_form(phrase) if not within(*s, titles)]
    titles = [span for _t, span in p.titles]
    text = p.index.normalized_text
    shown = p.index.display_text
    spaces = [i for i, ch in enumerate(shown) if ch == " "] if comp.patterns else []
    for rx in comp.patterns:
        found = [m.span() for m in rx.finditer(text)]
        # The display form's matches, at their `normalized_text` offsets (less the spaces before each end).
        found += [(a - bisect_left(spaces, a), b - bisect_left(spaces, b)) for a, b in
                  (m.span() for m in rx.finditer(shown))]
        spans += [(a, b) for a, b in found if not within(a, b, titles)]
    return [(a, b) for a, b in spans if b > a and not within(a, b, blocked)]


def has_listing_word(index: TextIndex) -> bool:
    """Whether the page says "ประกอบด้วย" or "ได้แก่" at all: a page that does not lists no components."""
    return any(word in index.normalized_text for word in _LISTING)


def _runs(hits: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, set[str]]]:
    """Lists of names: (start, end, components) of each run of names after a listing word."""
    hits.sort()
    # Overlapping occurrences are one name ("สรุปผลการจัดซื้อจัดจ้าง" holds "ผลการจัดซื้อจัดจ้าง").
    names: list[tuple[int, int, set[str]]] = []
    for a, b, comp in hits:
        if names and a < names[-1][1]:
            names[-1] = (names[-1][0], max(b, names[-1][1]), names[-1][2] | {comp})
        else:
            names.append((a, b, {comp}))
    runs: list[tuple[int, int, set[str]]] = []
    current: tuple[int, int, set[str]] | None = None
    for a, b, comps in names:
        if current is not None and _BETWEEN.fullmatch(text, current[1], a):
            current = (current[0], b, current[2] | comps)
            continue
        if current is not None:
            runs.append(current)
        current = (a, b, set(comps)) if _listed_from(text, a) else None
    if current is not None:
        runs.append(current)
    return [r for r in runs if len(r[2]) >= MIN_LISTED]


def _listed_from(text: str, start: int) -> bool:
    """A listing word ends just before `start`, with only a gap's characters between."""
    lo = max(0, start - _REACH)
    for word in _LISTING:
        i = text.rfind(word, lo, start)
        if i != -1 and _GAP.fullmatch(text, i + len(word), start):
            return True
    return False


def only_listed(comps: Sequence[Component], pages: Sequence[ListedPage]) -> Listed | None:
    """The list naming the found components `comps`, when every occurrence of each of them on `pages` lies in
    such a list (of at least `MIN_LISTED` of them, after a listing word); None otherwise."""
    if len(comps) < MIN_LISTED:
        return None
    first: Listed | None = None
    for p in pages:
        text = p.index.normalized_text
        hits = [(a, b, c.id) for c in comps for a, b in _occurrences(c, p)]
        if not hits:
            continue
        runs = _runs(list(hits), text)
        if any(not any(r0 <= a and b <= r1 for r0, r1, _ in runs) for a, b, _c in hits):
            return None  # a component named outside every list: a heading, a table's column, a sentence
        if first is None and runs:
            a, b, listed = max(runs, key=lambda r: len(r[2]))
            start, end = p.index.display_span(a, b)
            first = Listed(p.url, p.page, p.index.snippet(start, end, context=60),
                           tuple(c.id for c in comps if c.id in listed))
    return first
