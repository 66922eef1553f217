"""A local government's annual plan (แผนการดำเนินงาน) given only as its list of the projects OTHER bodies carry out in
its area: "บัญชีโครงการ/กิจกรรม/งบประมาณ (ผด.๐๒/๑) สำหรับโครงการพัฒนาที่หน่วยงานอื่นดำเนินการในพื้นที่ตำบลโคกสูง", every
row's "หน่วยงานรับผิดชอบ" the province's administration, the rural roads office, the PEA, "โดยใช้งบประมาณของหน่วยงานนั้น"
(review71 d01). Its projects, budgets and months are all there, and none is the agency's: its own list (ผด.๐๒) is not.

Narrow on purpose: the others' list is named in a heading's short line (a plan's introduction that says it gathered
"…และโครงการที่หน่วยงานอื่นดำเนินการในพื้นที่" is prose), every project list of the document ("บัญชีโครงการ…") heads it,
and the agency's own list is nowhere named by its form ("แบบ ผด.๐๒" without "/๑")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from oit_checker.text.thai import display, thai_digits_to_arabic

_OTHERS = re.compile(r"(?:ที่|โดย)\s?หน่วยงานอื่น\s?(?:เป็นผู้\s?)?ดำเนินการ")
_OWN_FORM = re.compile(r"ผด\s?\.?\s?0?2(?![\d/]|\s/)")  # "แบบ ผด.02", not "ผด.02/1" (nor ผด.01)
_LIST = "บัญชีโครงการ"
HEADING_MAX = 100  # characters of a heading's line
_ABOVE = 2  # lines a list's own heading may stand above the line naming the others


def others_projects_only(pages: Sequence[str]) -> str | None:
    """The heading naming the other bodies' projects when they are the document's only project list; else None."""
    if not any("หน่วยงานอื่น" in page for page in pages):
        return None
    text = thai_digits_to_arabic("\n".join(pages))
    if _OWN_FORM.search(text) is not None:
        return None
    lines = [display(line).strip() for line in text.split("\n")]
    heads = [i for i, line in enumerate(lines) if len(line) <= HEADING_MAX and _OTHERS.search(line)]
    lists = [i for i, line in enumerate(lines) if _LIST in line.replace(" ", "")]
    if not heads or not lists or not all(any(h - _ABOVE <= i <= h for h in heads) for i in lists):
        return None
    return lines[heads[0]]
