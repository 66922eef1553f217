"""Sections left empty: a heading with only a dash under it ("๒. ปัญหาอุปสรรค" then "-"), or after a colon on its
line ("ข้อเสนอแนะ : -"). The heading names a component and says nothing of it; a report whose problems and
suggestions are two dashes names both and states neither. The words "ไม่มี", "ไม่พบปัญหา" are a statement and are
not empty; a dash at the end of a line with no colon is not taken for one, as a wrapped line may end on a dash
("ปัญหาอุปสรรค –" / "ฝนตกชุก…"), nor a rule "-----" drawn under a title, nor a page number "- 2 -".
"""

from __future__ import annotations

import re

_LINE_ENDS_ON_DASH = re.compile(r"[-–—][ \t\r]*$", re.MULTILINE)  # where to look: most pages have none of these
_DASH_ONLY = re.compile(r"[ \t]*[-–—]{1,3}[ \t\r]*")
_COLON_DASH = re.compile(r"[:：][ \t]*[-–—]{1,3}[ \t\r]*$")
# A heading: an optional number ("๒.", "3)", "ก."), a few words holding a letter, no digits, no cells, no dashes.
_HEADING = re.compile(
    r"[ \t]*(?:(?:[\d๐-๙]{1,2}|[ก-ฮ])[.)][ \t]*)?(?=.*[ก-๛A-Za-z])[^\d๐-๙|\-–—]{2,60}?[ \t]*[:：]?[ \t\r]*")


# What may follow a dash that empties its section: the page's end, the next numbered heading ("๓.", "3)"), a
# signature ("(ลงชื่อ)", "ลงชื่อ"), or another heading emptied the same way. Anything else is the section's content,
# the dash a bullet on its own line ("-" / "ผู้ประกอบการในพื้นที่มีน้อย").
_NEXT_SECTION = re.compile(r"[ \t]*(?:(?:[\d๐-๙]{1,2}|[ก-ฮ])[.)]|\(?ลงชื่อ|\(ลง|ประกาศ ณ|สั่ง ณ)")


def _section_ends(page: str, after_dash: int) -> bool:
    rest = page[after_dash:].lstrip("\r\n \t")
    if not rest:
        return True
    line_end = rest.find("\n")
    line = rest if line_end == -1 else rest[:line_end]
    colon = _COLON_DASH.search(line)
    if _NEXT_SECTION.match(line) or (colon is not None and _HEADING.fullmatch(line[:colon.start()])):
        return True
    below = rest[line_end + 1:].lstrip("\r\n \t") if line_end != -1 else ""
    return _HEADING.fullmatch(line) is not None and _DASH_ONLY.fullmatch(below.split("\n", 1)[0]) is not None


def empty_sections(page: str) -> list[tuple[int, int]]:
    """The line ranges [start, end) of the page's empty sections (the heading's line to its dash's line)."""
    out: list[tuple[int, int]] = []
    for m in _LINE_ENDS_ON_DASH.finditer(page):
        start = page.rfind("\n", 0, m.start()) + 1
        line = page[start:m.end()]
        if _DASH_ONLY.fullmatch(line):
            heading_end = start - 1  # the heading is the nearest non-blank line above
            while heading_end > 0:
                heading_start = page.rfind("\n", 0, heading_end) + 1
                heading = page[heading_start:heading_end]
                if heading.strip():
                    if _HEADING.fullmatch(heading) and _section_ends(page, m.end()):
                        first = page.count("\n", 0, heading_start)
                        out.append((first, page.count("\n", 0, start) + 1))
                    break
                heading_end = heading_start - 1
            continue
        colon = _COLON_DASH.search(line)
        if colon is not None and _HEADING.fullmatch(line[:colon.start()]):
            n = page.count("\n", 0, start)
            out.append((n, n + 1))
    return out
