"""The NACC's criteria of an item quoted on the page instead of the document: "องค์ประกอบด้านข้อมูล" over the item's
parts as bullets ("ผลการดำเนินงานรายโครงการ/กิจกรรม", "งบประมาณที่ใช้จ่าย", "ปัญหาและอุปสรรค", "ข้อเสนอแนะ/แนวทางแก้ไข"),
then "องค์ประกอบด้านเวลา มีข้อมูลของปีงบประมาณ พ.ศ. ๒๕๖๘" and "คำอธิบายเพิ่มเติม …" (review71 a01); the manual's "ข้อมูลที่
ต้องเผยแพร่" over its numbered list "๑. ผลการวิเคราะห์ผลการประเมิน ITA ของปีที่ผ่านมา … ๖. การกำกับติดตามผลและการนำไป
ปฏิบัติ" (review71 a02). Each part is named there as a requirement, not given: a part is not found there.

The block is narrow on purpose: its heading is a line of its own (with at most "ประกอบด้วย", "ดังนี้" or a colon after
it), the list under it is of short lines holding no figure (a report's table has amounts, dates, counts), and it ends
at the first other line, taking only the criteria's time part and explanation ("องค์ประกอบด้านเวลา …", "คำอธิบาย
เพิ่มเติม …") right after it. A report that quotes one criterion's sentence in its foreword has no such block.
"""

from __future__ import annotations

import re

from oit_checker.text.thai import display

# The criteria's heading of the parts, alone on its line: "องค์ประกอบด้านข้อมูล", "องค์ประกอบด้านข้อมูล ประกอบด้วย",
# "ข้อมูลที่ต้องเผยแพร่ :" (a bullet or number may lead it).
_HEAD = re.compile(r"^[\W\d๐-๙]{0,4}(?:องค์ประกอบด้านข้อมูล|ข้อมูลที่ต้องเผยแพร่)\s*(?:ประกอบ(?:ไป)?ด้วย|ดังนี้|ได้แก่)?\s*[:：]?\s*$")
# The criteria's other parts, each on a line of its own after the list: its time part and its explanation.
_TAIL = re.compile(r"^[\W\d๐-๙]{0,4}(?:องค์ประกอบด้านเวลา|คำอธิบายเพิ่มเติม)")
_ENUMERATOR = re.compile(r"^[\s\-–•·*●○▪◦]*(?:[\d๐-๙]{1,2}\s*[.)]|\([\d๐-๙]{1,2}\))?\s*")
_FIGURE = re.compile(r"[\d๐-๙]")
LIST_LINE_MAX = 120  # display characters of a part's name in the list
LIST_MAX = 12  # lines of a list of parts (an item's criteria name a few)
LIST_MIN = 2


def criteria_lines(raw: str) -> list[tuple[int, int]]:
    """The line ranges [a, b) of the page's quoted criteria blocks (see the module's text); [] for most pages."""
    if "องค์ประกอบด้าน" not in raw and "ข้อมูลที่ต้องเผยแพร่" not in raw:
        return []
    lines = [display(line).strip() for line in raw.split("\n")]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not _HEAD.match(lines[i]):
            i += 1
            continue
        end = i + 1
        named = 0
        while end < len(lines) and end - i <= LIST_MAX and (not lines[end] or _list_line(lines[end])):
            named += bool(lines[end])
            end += 1
        if named < LIST_MIN:
            i += 1
            continue
        while end < len(lines) and (m := _TAIL.match(lines[end])) is not None:
            end += 1
            # the heading alone on its line ("องค์ประกอบด้านเวลา"), its words on the next ("มีข้อมูลของปีงบประมาณ พ.ศ. ๒๕๖๘")
            if not lines[end - 1][m.end():].strip(" :：") and end < len(lines) \
                    and 0 < len(lines[end]) <= LIST_LINE_MAX and not _TAIL.match(lines[end]):
                end += 1
        out.append((i, end))
        i = end
    return out


def _list_line(line: str) -> bool:
    """A line of the list of parts: a short name with no figure in it, not another criteria heading."""
    name = _ENUMERATOR.sub("", line, count=1)
    return bool(name) and len(name) <= LIST_LINE_MAX and _FIGURE.search(name) is None \
        and not _HEAD.match(line) and not _TAIL.match(line)


# A checklist of the work, not the work: "แบบติดตามการดำเนินงานด้านการประเมินความเสี่ยงการทุจริต (สำหรับหน่วยตรวจสอบ
# ภายใน)" over "ลำดับ | รายการตรวจสอบ | ผล | หมายเหตุ", each row a step ticked done, "๓ | วิเคราะห์ระดับความเสี่ยง (โอกาสที่จะ
# เกิด × ผลกระทบ) | ✔ ดำเนินการแล้ว | -" (review71 a04): the row names the step and says it was done, it gives no risk,
# no level, no measure. Only a page that calls itself a checklist ("รายการตรวจสอบ", "แบบตรวจสอบ", "ตรวจสอบตนเอง"), and
# only its rows read as one line, the tick beside the step's name, holding no figure: a report's row ticked done
# beside its amount ("อบรมคุณธรรม | ✔ ดำเนินการแล้ว | ๑๕,๐๐๐") gives its result.
_CHECKLIST = ("รายการตรวจสอบ", "แบบตรวจสอบ", "ตรวจสอบตนเอง", "checklist")
_TICKED = re.compile(r"[✔✓☑]\s*(?:ดำเนินการแล้ว|ดำเนินการเรียบร้อย|มี|ใช่|ครบ(?:ถ้วน)?|ผ่าน)")
# What may hold a figure in a checklist's row: its number, and an order or letter cited in its remark
# ("คำสั่งที่ ๓๑๘/๒๕๖๘").
_ROW_NUMBER = re.compile(r"^\s*[\d๐-๙]{1,2}[.)]?\s*(?:\||\s)")
_REFERENCE = re.compile(r"(?:ที่|เลขที่)\s*[\d๐-๙]+\s*/\s*[\d๐-๙]+")
_NAME_MIN = 10  # characters of the row besides its tick: the step's name stands beside it
CHECKLIST_MIN = 3  # rows ticked before a page is a checklist


def checklist_lines(raw: str) -> list[tuple[int, int]]:
    """The line ranges [a, b) of a checklist's rows ticked done (see `_CHECKLIST`'s comment); [] for most pages."""
    if not any(t in raw for t in "✔✓☑") or not any(w in raw.lower() for w in _CHECKLIST):
        return []
    rows = [(i, i + 1) for i, line in enumerate(raw.split("\n")) if _checked_row(display(line))]
    return rows if len(rows) >= CHECKLIST_MIN else []


def _checked_row(line: str) -> bool:
    tick = _TICKED.search(line)
    if tick is None:
        return False
    rest = _REFERENCE.sub("", _ROW_NUMBER.sub("", line[:tick.start()] + line[tick.end():], count=1))
    return len(rest.strip(" |-")) >= _NAME_MIN and _FIGURE.search(rest) is None
