"""Where a paged document's appendix starts: the line "ภาคผนวก" (or "ภาคผนวก ก") standing alone after the first page.

What follows it is attached to the document, not the document: the announcement that adopted the plan, an order,
photos of an activity, often of another year. A plan whose คำนำ, ส่วนที่ ๑ and ผด.๐๑/๐๒ all say "ประจำปีงบประมาณ
พ.ศ. ๒๕๖๘" is last year's plan though the appended announcement says "ประกาศใช้แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ.
๒๕๖๙" (review45 b06), and this year's order appended to last year's HR plan makes it no plan of this year (b22).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# The heading alone on its line, with at most a one-letter label: "ภาคผนวก", "ภาคผนวก ก", "ภาคผนวก ๑". Not prose that
# mentions it ("ดังรายละเอียดในภาคผนวก"), not a contents line ("ภาคผนวก ........ ๕").
_HEADING = re.compile(r"^\s*ภาคผนวก(?:\s*[ก-ฮA-Za-z0-9๐-๙])?\s*$")
# A contents entry's leader and page number wrapped onto the next line ("ภาคผนวก" / "……… ๕")
_LEADER = re.compile(r"^\s*(?:[.…·_]\s*){3,}[0-9๐-๙]*\s*$")


def appendix_start(pages: Sequence[str]) -> tuple[int, int] | None:
    """(page index, offset in that page's text) of the first appendix heading (`_HEADING`) on a page after the
    first, whose next line is no contents leader; None when there is none."""
    for p, page in enumerate(pages):
        if p == 0:
            continue
        lines = page.split("\n")
        at = 0
        for i, line in enumerate(lines):
            if _HEADING.match(line):
                nxt = next((x for x in lines[i + 1:] if x.strip()), "")
                if not _LEADER.match(nxt):
                    return p, at
            at += len(line) + 1
    return None
