"""Sections left empty: a heading with only a dash under it ("๒. ปัญหาอุปสรรค" then "-"), or after it on its line
("ข้อเสนอแนะ : -"). The heading names a component and says nothing of it; a report whose problems and suggestions
are two dashes names both and states neither. The words "ไม่มี", "ไม่พบปัญหา" are a statement and are not empty.
"""

from __future__ import annotations

import re

# A heading line: an optional number ("๒.", "3)", "ก."), a few words, an optional colon, and maybe its dash.
_HEADING = re.compile(
    r"^\s*(?:(?:[\d๐-๙]{1,2}|[ก-ฮ])[.)]\s*)?(?P<words>[^\d๐-๙|]{2,60}?)\s*[:：]?\s*(?P<dash>[-–—]+)?\s*$")
_DASH = re.compile(r"^\s*[-–—]+(?:\s*[-–—]+)*\s*$")


def empty_sections(page: str) -> list[tuple[int, int]]:
    """The line ranges [start, end) of the page's empty sections: a heading line ending on a dash, or a heading
    line whose next non-blank line is only a dash."""
    lines = page.split("\n")
    out: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        m = _HEADING.match(line)
        if m is None or _DASH.match(line):
            continue
        if m.group("dash"):
            out.append((i, i + 1))
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j < len(lines) and _DASH.match(lines[j]):
            out.append((i, j + 1))
    return out
