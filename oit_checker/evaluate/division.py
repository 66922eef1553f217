"""Whether a report is one division's or one unit's, not the agency's (`one_division_report`, review).

An item that asks for the agency's report (the year's performance report, the HR report, the anti-corruption plan's
report) is not met by one division's: "รายงานผลการดำเนินงาน สำนักการศึกษา ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" signed
"ผู้อำนวยการสำนักการศึกษา" (review51 b05). What names the division as the report's subject, in the heading's lines:
- the division right after the report's title words, or after a unit of it: "รายงานผลการดำเนินงาน งานป้องกันและบรรเทา
  สาธารณภัย สำนักปลัด" (review57 b05);
- the division's part of the agency's report: "…แผนปฏิบัติการป้องกันการทุจริต … (เฉพาะส่วนของกองคลัง)" (review57 b04);
- a line of the heading opening with the division ("รายงานผลการปฏิบัติงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ / กองช่าง องค์การ
  บริหารส่วนตำบลโคกสูง", review57 b03), when the division reports for itself ("กองช่าง ขอรายงานผลการปฏิบัติงาน…") or
  its head signs: a line naming who compiled the agency's report ("จัดทำโดย กองยุทธศาสตร์และงบประมาณ", review55 d01)
  or a letterhead ("สำนักปลัด องค์การบริหารส่วนตำบลโคกสูง / โทร …", review55 d03) is neither.
Not one division's: the agency's report compiled by the สำนักปลัด of an อบต. and signed by the นายก ("รายงานผลการ
ดำเนินงาน / สำนักปลัด องค์การบริหารส่วนตำบลโคกสูง / ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", 42 projects of every division, review57
b01), one covering "ทุกส่วนราชการ", the personnel unit's HR report ("สำนักปลัด (งานการเจ้าหน้าที่) ด้านการบริหารและพัฒนาทรัพยากร
บุคคล", review57 b02), one of the unit that compiles the agency's plans ("งานนโยบายและแผน"). Pure: pages' raw text in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from oit_checker.text.thai import display, normalize

_DIVISION = r"(?:สำนัก(?!งาน)|กอง(?!ทุน))[ก-๙]{2,40}"
# A year's report titled for one division ("รายงานผลการดำเนินงาน สำนักการศึกษา", review51 b05), or for a unit of one
# ("รายงานผลการดำเนินงาน งานป้องกันและบรรเทาสาธารณภัย สำนักปลัด", review57 b05): shown form, a name ends at a space.
_TITLED = re.compile(rf"รายงาน\s*ผล\s*การ\s*(?:ดำเนินงาน|ปฏิบัติงาน)\s*(?:ของ\s*)?(?P<unit>งาน[ก-๙]{{2,40}}\s*)?"
                     rf"(?P<division>{_DIVISION})")
# The unit that compiles the agency's plans and reports: its name heads the agency's report
_PLANNING_UNIT = ("งานนโยบายและแผน", "งานวิเคราะห์นโยบายและแผน", "งานแผน")
# One division's part of the agency's report: "(เฉพาะส่วนของกองคลัง)", "(ส่วนของกองช่าง)"
_PART_OF = re.compile(rf"(?:เฉพาะ\s*)?ส่วน\s*ของ\s*(?P<division>{_DIVISION})")
# A heading line that opens with a division: "กองช่าง องค์การบริหารส่วนตำบลโคกสูง" (raw lines)
_LINE_DIVISION = re.compile(rf"^\s*(?P<division>{_DIVISION})")
# The HR report is the personnel unit's work: "กองการเจ้าหน้าที่", "สำนักปลัด (งานการเจ้าหน้าที่) ด้านการบริหารและพัฒนา
# ทรัพยากรบุคคล" (review57 b02): an HR word in the division's name or in the words after it
_HR_WORDS = ("เจ้าหน้าที่", "บุคคล", "บุคลากร")
_HR_AFTER = 40  # characters after the division's name
# A report on every division: "พนักงานส่วนตำบล ลูกจ้างประจำและพนักงานจ้าง ทุกส่วนราชการ (สำนักปลัด กองคลัง กองช่าง …)"
_EVERY_DIVISION = re.compile(r"ทุก\s*ส่วนราชการ")
# The typed name under a signature, "(นายชาญชัย ทองดี)", whose next line is the signer's position
_TYPED_NAME = re.compile(r"^\s*\([^()\d]{4,60}\)\s*$")
# The agency's head or clerk signs: the agency's report ("นายกองค์การบริหารส่วนตำบลโคกสูง", "ปลัดองค์การบริหาร…")
_AGENCY_SIGNER = ("นายก", "รองนายก", "ปลัด", "รองปลัด")
# The division that compiles an อบต.'s reports (its งานนโยบายและแผน): "สำนักปลัด องค์การบริหารส่วนตำบลโคกสูง" (review57 b01)
_COMPILER = ("สำนักปลัด",)


def _signers(pages: Sequence[str]) -> list[str]:
    """The positions under the typed names of a document's signatures (spaces removed): "ผู้อำนวยการกองช่าง"."""
    lines = [line for page in pages for line in page.split("\n")]
    return [normalize(lines[i + 1]) for i, line in enumerate(lines[:-1]) if _TYPED_NAME.match(line)]


def _self_reported(text: str, division: str) -> bool:
    """The division reports for itself: "กองช่าง ขอรายงานผลการปฏิบัติงาน…", "โครงการของกองช่าง ๑๑ โครงการ" (normalized)."""
    name = re.escape(division)
    return re.search(rf"{name}(?:ได้)?ขอ(?:สรุป)?(?:รายงาน|สรุป)ผล|(?:โครงการ|กิจกรรม|ภารกิจ)ของ{name}", text) is not None


def division_heading(pages: Sequence[str], agency: str, head_lines: int) -> str | None:
    """The heading's words naming one division (or a unit of one) as the report's subject (see the module); None
    when none does, or the report is the agency's."""
    if not pages:
        return None
    raw_head = pages[0].split("\n", head_lines)[:head_lines]
    head = display("\n".join(raw_head))
    text = normalize("\n".join(pages[:2]))
    signers = _signers(pages)

    def heads(division: str) -> bool:  # the division's head signs
        return any(s.startswith(("ผู้อำนวยการ", "หัวหน้า")) and division in s for s in signers)

    def agency_report(division: str, at: int, unit: bool = False) -> bool:
        if any(w in division for w in _HR_WORDS) or any(w in normalize(head[at:at + _HR_AFTER]) for w in _HR_WORDS):
            return True
        if division in normalize(agency) or _EVERY_DIVISION.search(text) is not None:
            return True
        # the clerk's office compiles the agency's report: signed by the นายก or ปลัด, not by its own head, it is the
        # agency's; another division's report ("สำนักการศึกษา") stays its own whoever signs
        return division.startswith(_COMPILER) and not unit and any(s.startswith(_AGENCY_SIGNER) for s in signers) \
            and not heads(division)

    part = _PART_OF.search(head)
    if part is not None and normalize(part.group("division")) not in normalize(agency):
        return head[max(0, part.start() - 80):part.end()]  # said in words: not cleared by who signs
    m = _TITLED.search(head)
    if m is not None:
        unit = m.group("unit")
        if unit is not None and unit.strip().startswith(_PLANNING_UNIT):
            return None
        division = normalize(m.group("division"))
        return None if agency_report(division, m.end(), unit is not None) else head[m.start():m.end()]
    for line in raw_head:
        d = _LINE_DIVISION.match(display(line))
        if d is None:
            continue
        division = normalize(d.group("division"))
        if (_self_reported(text, division) or heads(division)) \
                and not agency_report(division, head.find(d.group("division")) + len(d.group("division"))):
            return display("\n".join(raw_head))[:160]
    return None
