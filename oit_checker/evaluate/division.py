"""Whether a report is one division's or one unit's, not the agency's (`one_division_report`, review).

An item that asks for the agency's report (the year's performance report, the HR report, the anti-corruption plan's
report) is not met by one division's: "รายงานผลการดำเนินงาน สำนักการศึกษา ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" signed
"ผู้อำนวยการสำนักการศึกษา" (review51 b05). What an assessor reads is WHOSE WORK the report tells, not who compiled or
signed it. The heading's lines name a division as the report's subject:
- said in words, the division's part or the division's own report: "(เฉพาะส่วนของกองคลัง)" (review57 b04),
  "(เฉพาะกองสาธารณสุขและสิ่งแวดล้อม)" (review62 b03, b10), "ผลการดำเนินงานของกองการศึกษา" (review62 b02), "…ภายใน
  หน่วยงาน ของกองคลัง" (review62 b12), "รายงานผลการดำเนินงานของสำนักปลัดเทศบาล" (review62 b07, signed by the ปลัด);
- the division (or a unit of one, or a municipal institution) right after the title's words, whatever they are, or
  after its year: "รายงานผลการดำเนินงาน งานป้องกันและบรรเทาสาธารณภัย สำนักปลัด" (review57 b05), "สรุปผลการ
  ปฏิบัติงาน กองช่าง" (review62 b14), "รายงานผลการพัฒนาบุคลากร กองการศึกษา" (review62 b13), "รายงานผลการดำเนินงาน
  ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ กองสวัสดิการสังคม" (review62 b04), "… ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ / กองช่าง องค์การบริหาร
  ส่วนตำบลโคกสูง" (review57 b03), "รายงานผลการดำเนินงาน ศูนย์บริการสาธารณสุขเทศบาลเมืองบ้านทุ่ม" (review62 b06);
- a line of the heading opening with the division, when the division reports for itself ("กองช่าง ขอรายงานผลการ
  ปฏิบัติงาน…", "ตามที่กองช่างได้จัดทำแผน…") or its head signs; a line naming who compiled the agency's report
  ("จัดทำโดย กองยุทธศาสตร์และงบประมาณ", review55 d01; "กองยุทธศาสตร์และงบประมาณ (ผู้รวบรวม)", "สำนักปลัดเทศบาล รวบรวม",
  review62 g04, g05) or a table's row ("กองช่าง ๒๑ ๑๙ ๙,๘๔๒,๖๐๐", review62 g06) is none.
The report is still the agency's when its body tells the agency's work: it covers several divisions (a table with a row
per division, "ผู้รับผิดชอบ: กองคลัง" per project, "ทั้ง ๗ ส่วนราชการ", "ทุกส่วนราชการ": review62 g01, g03, g07, g14-g16,
g20; not "ประสานความร่วมมือกับทุกส่วนราชการ", review62 b08), or it is compiled by the office that compiles the agency's
plans and reports (the สำนักปลัด of an อบต., a town's กองยุทธศาสตร์และงบประมาณ, a planning unit "งานนโยบายและแผน") that
tells the agency's work ("ตามที่องค์การบริหารส่วนตำบลโคกสูงได้ประกาศใช้แผนการดำเนินงาน…", review57 b01) or is signed by
the นายก or ปลัด, and not its own ("สำนักปลัดเทศบาลประกอบด้วย งานบริหารทั่วไป…", review62 b07); for the HR item, the
personnel unit's report ("งานการเจ้าหน้าที่ สำนักปลัดเทศบาล", review62 g10; review57 b02). Said in words (the first kind),
only covering several divisions clears it; "(เฉพาะ…)" nothing. Pure: pages' raw text in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from oit_checker.evaluate.owner import PROVINCES, agency_places, is_local_government
from oit_checker.text.thai import display, normalize

_PREFIX = r"(?:สำนัก(?!งาน)|กอง(?!ทุน|ทัพ|กำลัง|ร้อย))"
# A division's name in the shown form ends at a space
_DIVISION = rf"{_PREFIX}[ก-๙]{{2,40}}"
# A municipality's own institution reporting its own year: "รายงานผลการดำเนินงาน ศูนย์บริการสาธารณสุขเทศบาลเมืองบ้านทุ่ม"
# signed "หัวหน้าศูนย์บริการสาธารณสุข…" (review62 b06); its name holds the town's
_INSTITUTION = r"(?:ศูนย์บริการสาธารณสุข|ศูนย์สาธารณสุขมูลฐาน|สถานธนานุบาล)[ก-๙]{0,40}"
_SUBJECT = rf"(?:{_DIVISION}|{_INSTITUTION})"
# Thai written without spaces runs a name on into its sentence: "กองการศึกษาได้ดำเนินโครงการด้าน…" (review62 b02)
_NAME_END = re.compile(r"(?<!ไม่)ได้|ขอ(?:สรุป)?(?:รายงาน|สรุป)|ประกอบด้วย|จึง|โดย|ซึ่ง")
# A report's title at a line's start, any words of its kind, then [ของ] [its year] [a unit] the division: "รายงานผลการ
# ดำเนินงาน กองช่าง", "สรุปผลการปฏิบัติงาน กองช่าง" (review62 b14), "ผลการดำเนินงานของกองการศึกษา" (b02), "รายงานผลการ
# พัฒนาบุคลากร กองการศึกษา" (b13), "รายงานผลการดำเนินการตามมาตรการ… ภายในหน่วยงาน ของกองคลัง" (b12), "รายงานผลการดำเนินงาน
# ประจำปีงบประมาณ พ.ศ. 2568 กองสวัสดิการ" (b04), "รายงานผลการดำเนินงาน งานป้องกันและบรรเทาสาธารณภัย สำนักปลัด" (review57
# b05); a form's "แบบรายงานผลการดำเนินงาน…" (review65 d02) too. Shown lines joined by "\n"; the title's words may run
# over lines but hold no figure, no bracket. A division on the line under the year is a line of the heading (below): a
# letterhead there is none (review55 d03).
_TITLED = re.compile(rf"^[ \t]*(?:แบบ\s*)?(?:(?:รายงาน|สรุป)\s*)*ผล\s*การ(?P<gap>[^\d()]{{0,120}}?)"
                     rf"(?:\s*\d{{4}}[ \t]*|\s*)(?P<of>ของ\s*)?(?P<unit>งาน[ก-๙]{{2,40}}\s+)?(?P<division>{_SUBJECT})",
                     re.MULTILINE)
# Words the title's words never hold: the agency's name (a name under the title is no division's part of it) or a
# sentence's ("…จึงขอรายงานผลการดำเนินงาน ดังนี้")
_NOT_TITLE = re.compile(r"เทศบาล|องค์การบริหารส่วน|อบต\.|อบจ\.|ดังนี้|(?<!ไม่)ได้|จึง|\n\s*\n")
# The unit that compiles the agency's plans and reports: its name heads the agency's report (a whole word: "งานแผนที่ภาษี
# และทะเบียนทรัพย์สิน กองคลัง" is the tax-map unit, review62 b09)
_PLANNING_UNIT = re.compile(r"งาน(?:วิเคราะห์)?(?:นโยบายและ)?แผน(?:งาน)?(?:และงบประมาณ)?")
# One division's part of the agency's report: "(เฉพาะส่วนของกองคลัง)", "(ส่วนของกองช่าง)", "(เฉพาะกองคลัง)" (review62 b10)
_PART_OF = re.compile(rf"(?:เฉพาะ\s*(?:ส่วน\s*ของ\s*)?|ส่วน\s*ของ\s*)(?P<division>{_SUBJECT})")
# A heading line that opens with a division: "กองช่าง องค์การบริหารส่วนตำบลโคกสูง" (shown lines), or with a form's label
# before it: "ส่วนราชการ : กองการศึกษา ศาสนาและวัฒนธรรม องค์การบริหารส่วนตำบลโคกสูง" (review65 d02) — not a memo's, whose
# "ส่วนราชการ สำนักปลัด…" under "บันทึกข้อความ" names who writes to the นายก (review48 a31)
_LINE_DIVISION = re.compile(rf"^\s*(?P<label>(?:ส่วนราชการ|หน่วยงาน|สังกัด)\s*[:：]?\s*)?"
                            rf"(?P<division>{_SUBJECT})(?P<rest>.*)$")
_MEMO = "บันทึกข้อความ"
# …which is a table's row ("กองช่าง ๒๑ ๑๙ ๙,๘๔๒,๖๐๐", the first row of "สรุปผลรายส่วนราชการ", review62 g06), or names who
# compiled the report ("กองยุทธศาสตร์และงบประมาณ (ผู้รวบรวม)", "สำนักปลัดเทศบาล รวบรวม", review62 g04, g05)
_TABLE_ROW = re.compile(r"^[\s|:]*[\d,.]+(?:[\s|]+[\d,.%-]+)+[\s|]*$")
_COMPILED = re.compile(r"รวบรวม|จัดทำ|ผู้รายงาน")
# The HR report is the personnel unit's work: "กองการเจ้าหน้าที่", "สำนักปลัด (งานการเจ้าหน้าที่) ด้านการบริหารและพัฒนา
# ทรัพยากรบุคคล" (review57 b02), "งานการเจ้าหน้าที่ สำนักปลัดเทศบาล" (review62 g10): for the HR item only, and not "บุคคล"
# of "สวัสดิการบุคคลผู้ด้อยโอกาส" (review62 b16) nor "บุคลากร" of "รายงานผลการพัฒนาบุคลากร กองการศึกษา" (review62 b13)
_HR_UNIT = re.compile(r"การเจ้าหน้าที่|บริหารงานบุคคล|ทรัพยากรบุคคล")
_HR_AFTER = 40  # characters after the division's name
# An อบต.'s or a town's สำนักปลัด is the home of its งานการเจ้าหน้าที่: under an HR title ("รายงานผลการบริหารและพัฒนา
# ทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ / สำนักปลัด องค์การบริหารส่วนตำบลโคกสูง", signed "หัวหน้าสำนักปลัด") or over
# every staff ("พนักงานส่วนตำบล ลูกจ้างประจำและพนักงานจ้าง ทั้งหมด ๓๒ คน") it reports the agency's HR (review65 c01)
_PERSONNEL_HOME = "สำนักปลัด"
_ALL_STAFF = re.compile(r"(?:พนักงาน(?:ส่วนตำบล|เทศบาล|ส่วนจังหวัด)|ข้าราชการ),?ลูกจ้างประจำ,?(?:และ)?พนักงานจ้าง"
                        r"|(?:บุคลากร|พนักงาน)[^\d]{0,60}?ทั้งหมด\d+คน")
# The body's subject is one division's staff: "บุคลากรกองคลัง จำนวน ๑๒ คน ได้รับการพัฒนา…" under a title naming no
# division, signed by "ผู้อำนวยการกองคลัง" alone (review65 c02) (normalized)
_DIVISION_STAFF = re.compile(rf"(?:บุคลากร|พนักงาน|ข้าราชการ|เจ้าหน้าที่)(?:ของ|ใน|สังกัด)?(?P<division>{_PREFIX}[ก-๙]{{2,40}}?)"
                             r"(?:จำนวน|ทั้งหมด|รวม)?\d+คน")
# Divisions of a local government, to count how many a report covers (normalized: "กอง\nช่าง" in a table's cell too)
_DIVISION_KEY = re.compile(r"(?:สำนัก|กอง)(?:การ)?(?P<key>ปลัด|คลัง|ช่าง|ศึกษา|สาธารณสุข|สวัสดิการ|ยุทธศาสตร์|วิชาการ|แผน"
                           r"|นโยบาย|เจ้าหน้าที่|ประปา|ส่งเสริมการเกษตร|เกษตร|พัสดุ|ป้องกัน|แพทย์|กิจการสภา|เทศกิจ"
                           r"|พัฒนาชุมชน|สิ่งแวดล้อม|ทะเบียน|ตรวจสอบ)")
_SEVERAL = 3  # divisions named in the body: the agency's report
# A report on every division: "ทั้ง ๗ ส่วนราชการ" (review62 g07), "พนักงาน… ทุกส่วนราชการ", "ผู้รับผิดชอบ: ทุกกอง"; not
# working with them ("โดยประสานความร่วมมือกับทุกส่วนราชการของเทศบาล", review62 b08) (normalized)
_EVERY_DIVISION = re.compile(r"(?<!กับ)(?<!ให้)(?<!แจ้ง)(?<!ถึง)(?:ทุก|ทั้ง\d{0,2})(?:ส่วนราชการ|กอง(?!ทุน)|สำนัก/กอง)")
# The typed name under a signature, "(นายชาญชัย ทองดี)", whose next line is the signer's position (not "(เฉพาะกองคลัง)")
_TYPED_NAME = re.compile(r"^\s*\((?!เฉพาะ|ส่วน|ผู้|ลงชื่อ)[^()\d]{4,60}\)\s*$")
_HEAD_SIGNER = re.compile(r"^(?:ผู้อำนวยการ|หัวหน้า)")
_QUOTE = 160  # characters quoted
# The agency's head or clerk signs: the compiled report is the agency's ("นายกองค์การบริหารส่วนตำบลโคกสูง", "ปลัด…");
# a department's head or deputy ("รองอธิบดี ปฏิบัติราชการแทน / อธิบดีกรมส่งเสริมสหกรณ์ชุมชน" under the report its
# สำนักแผนงานและโครงการพิเศษ compiled, review70 a07)
_AGENCY_SIGNER = ("นายก", "รองนายก", "ปลัด", "รองปลัด", "อธิบดี", "รองอธิบดี")
# A provincial office's head is titled by its name without "สำนักงาน": "เกษตรจังหวัดขอนแก่น" of the สำนักงานเกษตรจังหวัด
# ขอนแก่น, "สหกรณ์ชุมชนจังหวัดขอนแก่น" of the สำนักงานสหกรณ์ชุมชนจังหวัดขอนแก่น
_OFFICE = normalize("สำนักงาน")
# The offices that compile the agency's plans and reports: an อบต.'s สำนักปลัด (its งานนโยบายและแผน, review57 b01), a
# town's or city's กองยุทธศาสตร์และงบประมาณ / กองวิชาการและแผนงาน (review62 g01, g03, g15, g16)
# a department's or ministry's planning bureau ("สำนักแผนงานและโครงการพิเศษ", "กองยุทธศาสตร์และแผนงาน", "สำนักนโยบายและ
# แผน…", review70 a07)
_COMPILER = ("สำนักปลัด", "กองยุทธศาสตร์", "สำนักยุทธศาสตร์", "กองวิชาการและแผนงาน", "กองแผน", "กองนโยบายและแผน",
             "สำนักแผน", "สำนักนโยบายและแผน")
# A central agency's provincial office heading its own report (shown form, the line's start): "สำนักงานสหกรณ์ชุมชน
# จังหวัดขอนแก่น" over "สำนักงานสหกรณ์ชุมชนจังหวัดขอนแก่น ขอรายงานผลการดำเนินงาน… ในพื้นที่ ๒๖ อำเภอ" signed by its head,
# on the department's site (review70 x02): one unit's report, as a division's is
_PROVINCIAL = re.compile(r"^\s*(?P<division>สำนักงาน[ก-๙]{2,40}?จังหวัด\s?(?:"
                         + "|".join(sorted(PROVINCES, key=len, reverse=True)) + r"))(?P<rest>.*)$")
# The agency's kind, which its report may name alone ("ตามที่เทศบาลได้…")
_AGENCY_KIND = re.compile(r"^(?:เทศบาล(?:ตำบล|เมือง|นคร)?|องค์การบริหารส่วน(?:ตำบล|จังหวัด))")


def _signers(pages: Sequence[str]) -> list[str]:
    """The positions under the typed names of a document's signatures (spaces removed): "ผู้อำนวยการกองช่าง"."""
    lines = [line for page in pages for line in page.split("\n")]
    return [normalize(lines[i + 1]) for i, line in enumerate(lines[:-1]) if _TYPED_NAME.match(line)]


def _name(shown: str) -> str:
    """A division's name (normalized), cut where its sentence goes on: "กองการศึกษาได้ดำเนิน…" → "กองการศึกษา"."""
    name = normalize(shown)
    end = _NAME_END.search(name, 5)
    return name[:end.start()] if end is not None else name


def _self_reported(text: str, division: str, agency: str) -> bool:
    """The division tells its own work: "กองช่าง ขอรายงานผลการปฏิบัติงาน…" (not "…ขอรายงานผลการดำเนินงานของเทศบาล…",
    review62 g07), "ตามที่กองช่างได้จัดทำแผน…" (review62 b11), "สำนักปลัดเทศบาลประกอบด้วย งาน…" (review62 b07),
    "โครงการของกองช่าง ๑๑ โครงการ" (normalized)."""
    name = re.escape(division)
    own = re.escape(agency)
    said = re.compile(rf"{name}[ก-๙]{{0,12}}?(?:(?<!ไม่)ได้(?:ดำเนิน|จัดทำ|ส่ง)|ประกอบด้วย"
                      rf"|ขอ(?:สรุป)?(?:รายงาน|สรุป)ผล(?!การ(?:ดำเนินงาน|ปฏิบัติงาน)ของ{own}))"
                      rf"|(?:โครงการ|กิจกรรม|ภารกิจ)ของ{name}")
    return said.search(text) is not None


def _agency_tells(text: str, agency: str) -> bool:
    """The body tells the agency's work: "ตามที่เทศบาลเมืองบ้านทุ่มได้ประกาศใช้แผนการดำเนินงาน…", "ผลการดำเนินงานของ
    เทศบาลเมืองบ้านทุ่ม", "องค์การบริหารส่วนตำบลโคกสูงขอรายงานผล…" (normalized)."""
    own = normalize(agency)
    kind = _AGENCY_KIND.match(own)
    names = "|".join(re.escape(n) for n in ([own] + ([kind.group()] if kind else [])) if n)
    if not names:
        return False
    tells = re.compile(rf"(?:ตามที่|ผลการดำเนิน(?:งาน|การ)ของ)(?:{names})"
                       rf"|(?:{names})[ก-๙]{{0,30}}?(?:(?<!ไม่)ได้(?:ประกาศ|จัดทำ|ดำเนิน)|ขอ(?:สรุป)?รายงาน)")
    return tells.search(text) is not None


def _covers_divisions(text: str) -> bool:
    """The body covers several divisions: a row, a section or a person responsible per division, or every one."""
    keys = {m.group("key") for m in _DIVISION_KEY.finditer(text)}
    return len(keys) >= _SEVERAL or _EVERY_DIVISION.search(text) is not None


def _head_of(signer: str, division: str) -> bool:
    """Whether the signer's position is the division's head (its name in full, or cut at a line's end)."""
    if _HEAD_SIGNER.match(signer) is None:
        return False
    of = _HEAD_SIGNER.sub("", signer)
    return bool(of) and (of.startswith(division) or division.startswith(of))


@dataclass(frozen=True)
class _Report:
    """What decides whose report a document is: its heading's shown lines (joined by "\n"), its first pages'
    normalized text, the agency's normalized name, the signers' positions, whether it is the HR item."""

    head: str
    text: str
    pages: tuple[str, ...]
    agency: str
    own: str
    signers: tuple[str, ...]
    hr: bool

    @cached_property
    def covered(self) -> bool:
        return _covers_divisions(self.text)

    def heads(self, division: str) -> bool:
        """The division's head signs (its name in full, or cut at a line's end); a provincial office's by its title
        ("สหกรณ์ชุมชนจังหวัดขอนแก่น")."""
        if division.startswith(_OFFICE) and any(s.startswith(division.removeprefix(_OFFICE)) for s in self.signers):
            return True
        return any(_head_of(s, division) for s in self.signers)

    def hr_unit(self, division: str, unit: str | None, at: int) -> bool:
        """The HR item's report by the personnel unit (its name, or the words after the division's), or by the
        สำนักปลัด under an HR title or over every staff, not over one division's (see `_PERSONNEL_HOME`)."""
        if not self.hr:
            return False
        if any(_HR_UNIT.search(normalize(w)) is not None for w in (division, unit or "", self.head[at:at + _HR_AFTER])):
            return True
        return division.startswith(_PERSONNEL_HOME) and self.staff_of is None \
            and (_HR_UNIT.search(normalize(self.head[:at])) is not None or _ALL_STAFF.search(self.text) is not None)

    @cached_property
    def staff_of(self) -> str | None:
        """The division whose staff the body's subject is ("บุคลากรกองคลัง จำนวน ๑๒ คน"), or None."""
        m = _DIVISION_STAFF.search(self.text)
        return m.group("division") if m is not None else None

    def agency_s(self, division: str, unit: str | None, at: int, said: bool) -> bool:
        """Whether the report the heading names `division` (and `unit`) in is still the agency's (see the module)."""
        if not division or division in self.own or self.hr_unit(division, unit, at) or self.covered:
            return True
        if said:
            return False  # "ของกองคลัง", "ผลการดำเนินงานของสำนักปลัดเทศบาล": only covering several divisions clears it
        if unit is not None:
            return _PLANNING_UNIT.fullmatch(normalize(unit)) is not None
        # the office compiling the agency's report tells the agency's work, or the นายก or ปลัด signs it; its own
        # report ("สำนักปลัดเทศบาลประกอบด้วย…", review62 b07) stays its own, and another division's whoever signs
        return division.startswith(_COMPILER) and not _self_reported(self.text, division, self.own) \
            and (_agency_tells(self.text, self.agency) or any(self.agency_signs(s) for s in self.signers))

    def agency_signs(self, signer: str) -> bool:
        """Whether a signer's position is the agency's head's or clerk's (`_AGENCY_SIGNER`), or for a provincial office
        its head's title ("เกษตรจังหวัดขอนแก่น" of the สำนักงานเกษตรจังหวัดขอนแก่น)."""
        head = self.own.removeprefix(_OFFICE) if self.own.startswith(_OFFICE) else ""
        return signer.startswith(_AGENCY_SIGNER) or bool(head and signer.startswith(head))

    def quote(self, start: int, end: int) -> str:
        return self.head[start:end].replace("\n", " ")


def _titled(r: _Report) -> str | None:
    """The title naming the division (see `_TITLED`), "" when the report is still the agency's, None without one."""
    for m in _TITLED.finditer(r.head):
        if _NOT_TITLE.search(m.group("gap")) is not None:
            continue
        shown = m.group("division")
        division = _name(shown)
        if division != normalize(shown):
            continue  # a sentence's subject, not a title's: "ผลการดำเนินงาน กองช่างได้ดำเนินการ…"
        if r.agency_s(division, m.group("unit"), m.end(), m.group("of") is not None):
            return ""
        return r.quote(m.start(), m.end())
    return None


def _line_division(r: _Report) -> str | None:
    """A heading line opening with the division, which reports for itself or whose head signs."""
    central = bool(r.agency) and not agency_places(r.agency) and not is_local_government(r.agency)
    for line in r.head.split("\n"):
        d = _LINE_DIVISION.match(line) or (_PROVINCIAL.match(line) if central else None)
        if d is None or _TABLE_ROW.match(d.group("rest")) or _COMPILED.search(d.group("rest")) \
                or (d.groupdict().get("label") and _MEMO in normalize(r.head)):
            continue
        division = _name(d.group("division"))
        at = r.head.find(d.group("division")) + len(d.group("division"))
        if (_self_reported(r.text, division, r.own) or r.heads(division)) and not r.agency_s(division, None, at, False):
            return r.head.replace("\n", " ")[:160]
    return None


def _staff_division(r: _Report) -> str | None:
    """The body's subject one division's staff, and that division's head the only signer (`_DIVISION_STAFF`)."""
    division = r.staff_of
    if division is None or division in r.own or r.covered or not r.signers \
            or _HR_UNIT.search(division) is not None:
        return None
    if not all(_head_of(s, division) for s in r.signers):
        return None
    return next((display(line)[:_QUOTE] for page in r.pages for line in page.split("\n")
                 if division in normalize(line)), division)


def division_heading(pages: Sequence[str], agency: str, head_lines: int, hr: bool = False) -> str | None:
    """The heading's words naming one division (or a unit of one) as the report's subject (see the module); None
    when none does, or the report is the agency's. `hr`: the item is the HR report, which the personnel unit makes."""
    if not pages:
        return None
    raw_head = pages[0].split("\n", head_lines)[:head_lines]
    r = _Report(head="\n".join(display(line) for line in raw_head), text=normalize("\n".join(pages[:3])),
                pages=tuple(pages[:3]),
                agency=agency, own=normalize(agency), signers=tuple(_signers(pages)), hr=hr)
    part = _PART_OF.search(r.head)
    if part is not None and normalize(part.group("division")) not in r.own:
        return r.quote(max(0, part.start() - 80), part.end())  # said in words: not cleared by who signs nor coverage
    titled = _titled(r)
    if titled is not None:
        return titled or None
    return _line_division(r) or _staff_division(r)
