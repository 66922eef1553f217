"""Sections left empty: a heading with only a dash under it ("๒. ปัญหาอุปสรรค" then "-"), or after a colon on its
line ("ข้อเสนอแนะ : -"), and then the next section. The heading names a component and says nothing of it; a
report whose problems and suggestions are two dashes names both and states neither. The words "ไม่มี", "ไม่พบปัญหา"
are a statement and are not empty; a dash followed by text is a bullet ("-" / "ผู้ประกอบการมีน้อย"), ":-" before
numbered lines is punctuation; a dash at the end of a line with no colon is not taken for one, as a wrapped line may
end on a dash ("ปัญหาอุปสรรค –" / "ฝนตกชุก…"), nor a rule "-----" drawn under a title, nor a page number "- 2 -".
"""

from __future__ import annotations

import re

_LINE_ENDS_ON_DASH = re.compile(r"[-–—][ \t\r]*$", re.MULTILINE)  # where to look: most pages have none of these
_DASH_ONLY = re.compile(r"[ \t]*[-–—]{1,3}[ \t\r]*")
_COLON_DASH = re.compile(r"[:：][ \t]*[-–—]{1,3}[ \t\r]*$")
_DASHES = ("-", "–", "—")
# A heading: an optional number ("๒.", "3)", "ก."), a few words holding a letter, no digits, no cells, no dashes.
_HEADING = re.compile(
    r"[ \t]*(?:(?:[\d๐-๙]{1,2}|[ก-ฮ])[.)][ \t]*)?(?=.*[ก-๛A-Za-z])[^\d๐-๙|\-–—]{2,60}?[ \t]*[:：]?[ \t\r]*")
# A heading that cannot be a bullet's text: numbered ("๓. ข้อเสนอแนะ") or ending on a colon ("ข้อเสนอแนะ :").
_MARKED_HEADING = re.compile(r"[ \t]*(?:(?:[\d๐-๙]{1,2}|[ก-ฮ])[.)][ \t]*\S|[^\n]*[:：][ \t]*(?:[-–—]{1,3})?[ \t\r]*$)")
_NUMBER = re.compile(r"[ \t]*(?:[\d๐-๙]{1,2}|[ก-ฮ])([.)])[ \t]*\D")
_FIELD = re.compile(r"[ \t]*[^\d๐-๙|:：\n]{2,40}[:：]")  # "ปัญหา : …": the next field of a list of fields
_SIGNED = re.compile(r"[ \t]*(?:\(?ลงชื่อ|\(ลง|ประกาศ ณ|สั่ง ณ)")


def _next(lines: list[str], i: int) -> int:
    """The index of the first non-blank line from `i` (len(lines) when none)."""
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def _empty_heading(line: str) -> bool:
    colon = _COLON_DASH.search(line)
    return colon is not None and _HEADING.fullmatch(line[:colon.start()]) is not None


def _section_ends(lines: list[str], after: int, heading: str) -> bool:
    """Whether the section headed `heading`, whose dash is the line before `after`, ends there: at the page's end,
    a signature ("(ลงชื่อ)"), the next heading numbered as this one is ("๒." … "๓."), or another marked heading
    emptied the same way. Anything else is the section's content ("๑) …" under "๒. ปัญหาอุปสรรค :-")."""
    i = _next(lines, after)
    if i == len(lines):
        return True
    line = lines[i]
    own, other = _NUMBER.match(heading), _NUMBER.match(line)
    if _SIGNED.match(line) or (own is not None and other is not None and own.group(1) == other.group(1)):
        return True
    if _empty_heading(heading) and _FIELD.match(line) and line.rstrip().endswith((*_DASHES, "ไม่มี")):
        return True  # a list of empty fields, "ข้อสังเกต : -" then "ปัญหา : ไม่มี" (not ":-" before sub-items)
    if _MARKED_HEADING.match(line) is None:
        return False
    if _empty_heading(line):
        return True
    below = _next(lines, i + 1)
    return (_HEADING.fullmatch(line) is not None and below < len(lines)
            and _DASH_ONLY.fullmatch(lines[below]) is not None)


def empty_sections(page: str) -> list[tuple[int, int]]:
    """The line ranges [start, end) of the page's empty sections (the heading's line to its dash's line)."""
    if _LINE_ENDS_ON_DASH.search(page) is None:
        return []
    lines = page.split("\n")
    out: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        if not line.rstrip().endswith(_DASHES):
            continue
        if _DASH_ONLY.fullmatch(line):
            h = i - 1  # the heading is the nearest non-blank line above
            while h >= 0 and not lines[h].strip():
                h -= 1
            if h >= 0 and _HEADING.fullmatch(lines[h]) and _section_ends(lines, i + 1, lines[h]):
                out.append((h, i + 1))
        elif _empty_heading(line) and _section_ends(lines, i + 1, line):
            out.append((i, i + 1))
    return out
