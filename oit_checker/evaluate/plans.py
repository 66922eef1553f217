"""A local government's annual plan (แผนการดำเนินงาน) given only as its list of the projects OTHER bodies carry out in
its area: "บัญชีโครงการ/กิจกรรม/งบประมาณ (ผด.๐๒/๑) สำหรับโครงการพัฒนาที่หน่วยงานอื่นดำเนินการในพื้นที่ตำบลโคกสูง", every
row's "หน่วยงานรับผิดชอบ" the province's administration, the rural roads office, the PEA, "โดยใช้งบประมาณของหน่วยงานนั้น"
(review71 d01). Its projects, budgets and months are all there, and none is the agency's: its own list (ผด.๐๒) is not.

Narrow on purpose: the others' list is named in a heading's short line (a plan's introduction that says it gathered
"…และโครงการที่หน่วยงานอื่นดำเนินการในพื้นที่" is prose), every project list of the document ("บัญชีโครงการ…") heads it,
and the agency's own list is nowhere named by its form ("แบบ ผด.๐๒" without "/๑"). Only headings count as lists and
form labels: the plan's standard introduction "แผนการดำเนินงานฉบับนี้ประกอบด้วย บัญชีสรุปจำนวนโครงการและงบประมาณ (แบบ
ผด.๐๑) บัญชีโครงการ/กิจกรรม/งบประมาณ (แบบ ผด.๐๒) และ… (แบบ ผด.๐๒/๑)" names the plan's parts in running prose — neither a
list nor the agency's own list, and nearly every real plan carries it (review72 a02)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from oit_checker.text.thai import display, thai_digits_to_arabic

_OTHERS = re.compile(r"(?:ที่|โดย)\s?หน่วยงานอื่น\s?(?:เป็นผู้\s?)?ดำเนินการ")
_OWN_FORM = re.compile(r"ผด\s?\.?\s?0?2(?![\d/]|\s/)")  # "แบบ ผด.02", not "ผด.02/1" (nor ผด.01)
# the form's label opens its line (the corner's "แบบ ผด.02") or closes it (a heading's "บัญชีโครงการ… (แบบ ผด.02)"); in
# "…งบประมาณ (แบบ ผด.02) และบัญชีโครงการ…" it names a part of the plan in a sentence (review72 a02)
_OWN_LABEL = re.compile(r"^\(?(?:แบบ\s?)?" + _OWN_FORM.pattern + r"|" + _OWN_FORM.pattern + r"\s?\)?$")
_LIST = "บัญชีโครงการ"
HEADING_MAX = 100  # characters of a heading's line
_ABOVE = 2  # lines a list's own heading may stand above the line naming the others


def _prose(line: str, previous: str) -> bool:
    """A line of running prose, not a heading: long, a sentence listing the plan's parts ("…ฉบับนี้ประกอบด้วย บัญชี…"),
    or the rest of a line cut inside a bracket ("ผด.๐๒) และบัญชีโครงการ/…" under "…(แบบ", review72 a02)."""
    if len(line) > HEADING_MAX or "ประกอบด้วย" in line:
        return True
    close = line.find(")")
    return close >= 0 and "(" not in line[:close] and previous.rfind("(") > previous.rfind(")")


def others_projects_only(pages: Sequence[str]) -> str | None:
    """The heading naming the other bodies' projects when they are the document's only project list; else None."""
    if not any("หน่วยงานอื่น" in page for page in pages):
        return None
    text = thai_digits_to_arabic("\n".join(pages))
    lines = [display(line).strip() for line in text.split("\n")]
    short = [not _prose(line, lines[i - 1] if i else "") for i, line in enumerate(lines)]
    if any(short[i] and _OWN_LABEL.search(line) for i, line in enumerate(lines)):
        return None
    heads = [i for i, line in enumerate(lines) if short[i] and _OTHERS.search(line)]
    lists = [i for i, line in enumerate(lines) if short[i] and _LIST in line.replace(" ", "")]
    if not heads or not lists or not all(any(h - _ABOVE <= i <= h for h in heads) for i in lists):
        return None
    return lines[heads[0]]
