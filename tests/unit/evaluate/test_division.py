"""Whose work a report tells: one division's or the agency's (evaluate/division.py), with the wordings of a town's
reports (review62, เทศบาลเมืองบ้านทุ่ม)."""

from __future__ import annotations

import pytest

from oit_checker.evaluate.division import division_heading

BAN_THUM = "เทศบาลเมืองบ้านทุ่ม"
# The town's year, a row per division (the body of review62 g01-g09)
TOWN_BODY = ("ตามที่เทศบาลเมืองบ้านทุ่มได้ประกาศใช้แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ.\n๒๕๖๘ จำนวน ๘๑ โครงการ จึงขอรายงาน"
             "ผลการดำเนินงาน ดังนี้\n๑. สรุปผลรายส่วนราชการ\nส่วนราชการ โครงการตามแผน ดำเนินการแล้ว งบประมาณที่ใช้จริง (บาท)\n"
             "สำนักปลัดเทศบาล ๑๔ ๑๓ ๑,๒๘๔,๓๐๐\nกองคลัง ๖ ๖ ๑๘๖,๔๕๐\nกองช่าง ๒๑ ๑๙ ๙,๘๔๒,๖๐๐\nกองการศึกษา ๑๕ ๑๔ ๖,๙๑๘,๒๐๐\n")
DIRECTOR_REPORTS = "ผู้รายงาน\n(ลงชื่อ) ธนากร แสนสุข\n(นายธนากร แสนสุข)\nผู้อำนวยการกองยุทธศาสตร์และงบประมาณ\n"
MAYOR_APPROVES = "ผู้อนุมัติ\n(ลงชื่อ) วีระพงษ์ ศรีบ้านทุ่ม\n(นายวีระพงษ์ ศรีบ้านทุ่ม)\nนายกเทศมนตรีเมืองบ้านทุ่ม\n"


def _one(pages: list[str], hr: bool = False) -> bool:
    return division_heading(pages, BAN_THUM, 6, hr=hr) is not None


@pytest.mark.parametrize("pages", [
    # the compiling division on the cover, the town's year inside (g01)
    ["รายงานผลการดำเนินงาน\nกองยุทธศาสตร์และงบประมาณ\nเทศบาลเมืองบ้านทุ่ม\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
     TOWN_BODY + MAYOR_APPROVES],
    # its letterhead, its director reporting beside the นายก approving (g03)
    ["กองยุทธศาสตร์และงบประมาณ เทศบาลเมืองบ้านทุ่ม\nโทร ๐-๔๓๒๖-๔๑๑๐ ต่อ ๑๐๕\nรายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. "
     "๒๕๖๘\nเทศบาลเมืองบ้านทุ่ม\n" + TOWN_BODY + DIRECTOR_REPORTS + MAYOR_APPROVES],
    # "(ผู้รวบรวม)" under the town's title, its director the only signer (g04)
    ["รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\nเทศบาลเมืองบ้านทุ่ม\nกองยุทธศาสตร์และงบประมาณ (ผู้รวบรวม)\n"
     + TOWN_BODY + DIRECTOR_REPORTS],
    # a table's first row is no heading (g06)
    ["รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\nเทศบาลเมืองบ้านทุ่ม\nสรุปผลรายส่วนราชการ\nส่วนราชการ ตามแผน "
     "ดำเนินการแล้ว งบประมาณที่ใช้จริง (บาท)\nกองช่าง ๒๑ ๑๙ ๙,๘๔๒,๖๐๐\nกองสวัสดิการสังคม ๙ ๙ ๒๑,๖๐๔,๘๐๐\nกองการศึกษา ๑๕ "
     "๑๔ ๖,๙๑๘,๒๐๐\nโครงการของกองช่างที่ยังไม่ได้ดำเนินการ ๒ โครงการ\n(ลงชื่อ) วีระพงษ์ ศรีบ้านทุ่ม\n"
     "(นายวีระพงษ์ ศรีบ้านทุ่ม)\nผู้อำนวยการกองช่าง"],
    # the compiling division reports the town's year "ทั้ง ๗ ส่วนราชการ" (g07)
    ["รายงานผลการดำเนินงาน ประจำปีงบประมาณ ๒๕๖๘\nโพสต์เมื่อ ๒๘ ตุลาคม ๒๕๖๘ โดย กองยุทธศาสตร์\nกองยุทธศาสตร์และงบประมาณ "
     "ขอรายงานผลการดำเนินงานของเทศบาลเมืองบ้านทุ่ม ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ทั้ง ๗ ส่วนราชการ ดังนี้\n" + DIRECTOR_REPORTS],
    # the สำนักปลัด's letterhead over the town's anti-corruption report, owners per measure (g14)
    ["สำนักปลัดเทศบาล เทศบาลเมืองบ้านทุ่ม\nโทร ๐-๔๓๒๖-๔๑๑๐ ต่อ ๑๐๒\nรายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต "
     "ประจำ\nปีงบประมาณ พ.ศ. ๒๕๖๘\nเทศบาลเมืองบ้านทุ่ม\nผู้รับผิดชอบ: สำนัก\nปลัดเทศบาล\nผู้รับผิดชอบ: กอง\nคลัง\n"
     "ผู้รับผิดชอบ: กอง\nช่าง\nผู้รายงาน\n(ลงชื่อ) พรทิพย์ บุญมา\n(นางพรทิพย์ บุญมา)\nหัวหน้าสำนักปลัดเทศบาล\n"
     + MAYOR_APPROVES],
])
def test_the_town_s_report_compiled_by_one_office(pages: list[str]) -> None:
    assert not _one(pages)


def test_the_personnel_unit_s_report_is_the_town_s_hr_report() -> None:
    # "งานการเจ้าหน้าที่" before the division (g10): the HR item's, not the year's
    page = "รายงานผลการดำเนินงาน งานการเจ้าหน้าที่ สำนักปลัดเทศบาล ประจำ\nปีงบประมาณ พ.ศ. ๒๕๖๘\nเทศบาลเมืองบ้านทุ่ม"
    assert not _one([page], hr=True)
    assert _one([page])


@pytest.mark.parametrize(("pages", "hr"), [
    # the division after "ของ", without "รายงาน"; Thai without spaces after its name (b02)
    (["ผลการดำเนินงานของกองการศึกษา ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\nเทศบาลเมืองบ้านทุ่ม\nกองการศึกษาได้ดำเนินโครงการด้าน"
      "การศึกษา ศาสนา และวัฒนธรรม"], False),
    # "(เฉพาะ…)" without "ส่วนของ" (b03, b10)
    (["รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n(เฉพาะกองสาธารณสุขและสิ่งแวดล้อม)\nเทศบาลเมืองบ้านทุ่ม"], False),
    # the division after the year on the title's line (b04, b11)
    (["รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ กองสวัสดิการ\nสังคม\nเทศบาลเมืองบ้านทุ่ม"], False),
    (["รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘ กองช่าง เทศบาลเมืองบ้านทุ่ม\n"
      "ตามที่กองช่างได้จัดทำแผนปฏิบัติการป้องกันการทุจริต"], False),
    # a municipal health centre (b06)
    (["รายงานผลการดำเนินงาน ศูนย์บริการสาธารณสุขเทศบาลเมืองบ้านทุ่ม\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘"], False),
    # the สำนักปลัด's own report, signed by the ปลัด (b07)
    (["รายงานผลการดำเนินงานของสำนักปลัดเทศบาล ประจำปีงบประมาณ พ.ศ.\n๒๕๖๘\nเทศบาลเมืองบ้านทุ่ม\nสำนักปลัดเทศบาลประกอบด้วย "
      "งานบริหารทั่วไป งานป้องกันและบรรเทาสาธารณภัย\n(ลงชื่อ) กาญจนา พลเยี่ยม\n(นางสาวกาญจนา พลเยี่ยม)\n"
      "ปลัดเทศบาลเมืองบ้านทุ่ม"], False),
    # working with every division is no report on them (b08)
    (["รายงานผลการดำเนินงาน กองช่าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\nเทศบาลเมืองบ้านทุ่ม\nกองช่างได้ดำเนินโครงการ จำนวน ๒๑ "
      "โครงการ โดยประสานความร่วมมือกับทุกส่วนราชการของเทศบาล ดังนี้"], False),
    # the tax-map unit is no planning unit (b09)
    (["รายงานผลการดำเนินงาน งานแผนที่ภาษีและทะเบียนทรัพย์สิน กองคลัง\nเทศบาลเมืองบ้านทุ่ม ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"],
     False),
    # "ของ" at the end of the title (b12)
    (["รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส\nภายในหน่วยงาน ของกองคลัง\nเทศบาลเมืองบ้านทุ่ม "
      "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\nตามที่เทศบาลเมืองบ้านทุ่มได้ประกาศมาตรการส่งเสริมคุณธรรม"], False),
    # the HR item's own title, "บุคลากร" no personnel unit (b13)
    (["รายงานผลการพัฒนาบุคลากร กองการศึกษา ประจำปีงบประมาณ พ.ศ.\n๒๕๖๘\nเทศบาลเมืองบ้านทุ่ม"], True),
    # "สรุปผลการปฏิบัติงาน" (b14)
    (["สรุปผลการปฏิบัติงาน กองช่าง ปีงบประมาณ ๒๕๖๘\nโพสต์เมื่อ ๒๘ ตุลาคม ๒๕๖๘ โดย กองช่าง"], False),
    # "บุคคล" of "สวัสดิการบุคคลผู้ด้อยโอกาส" (b16)
    (["รายงานผลการดำเนินงาน กองสวัสดิการสังคม ด้านสวัสดิการบุคคลผู้ด้อย\nโอกาส\nเทศบาลเมืองบ้านทุ่ม"], False),
])
def test_one_division_s_report_in_any_wording(pages: list[str], hr: bool) -> None:
    assert _one(pages, hr)


KHOKSUNG = "องค์การบริหารส่วนตำบลโคกสูง"
PALAD_SIGNS = "ผู้รายงาน\n(ลงชื่อ) พรทิพย์ บุญมา\n(นางพรทิพย์ บุญมา)\nหัวหน้าสำนักปลัด\n"
KLANG_SIGNS = "ผู้รายงาน\n(ลงชื่อ) สุภาพร ใจงาม\n(นางสุภาพร ใจงาม)\nผู้อำนวยการกองคลัง\n"


def _khoksung_one(pages: list[str], hr: bool) -> bool:
    return division_heading(pages, KHOKSUNG, 6, hr=hr) is not None


def test_the_palad_office_s_hr_report_of_every_staff_is_the_agency_s() -> None:
    # an อบต.'s สำนักปลัด under the HR title, over all 32 staff (review65 c01); on another item, one office's report
    page = ("รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ.\n๒๕๖๘\nสำนักปลัด องค์การบริหารส่วนตำบลโคกสูง\n"
            "ตามแผนพัฒนาบุคลากร (พ.ศ. ๒๕๖๗–๒๕๖๙) ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ พนักงาน\nส่วนตำบล ลูกจ้างประจำและพนักงานจ้าง "
            "ทั้งหมด ๓๒ คน ได้รับการพัฒนาอย่างน้อย\n" + PALAD_SIGNS)
    assert not _khoksung_one([page], hr=True)
    assert _khoksung_one([page], hr=False)
    # …but over its own staff only it stays one office's
    own = page.replace("พนักงาน\nส่วนตำบล ลูกจ้างประจำและพนักงานจ้าง ทั้งหมด ๓๒ คน", "บุคลากรสำนักปลัด จำนวน ๑๒ คน")
    assert _khoksung_one([own], hr=True)


def test_one_division_s_staff_as_the_body_s_subject() -> None:
    # a title naming no division, "บุคลากรกองคลัง จำนวน ๑๒ คน" and its director the only signer (review65 c02)
    page = ("รายงานผลการพัฒนาบุคลากร ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\nองค์การบริหารส่วนตำบลโคกสูง อำเภอภูเวียง จังหวัดขอนแก่น\n"
            "ในปีงบประมาณ พ.ศ. ๒๕๖๘ บุคลากรกองคลัง จำนวน ๑๒ คน ได้รับการพัฒนาตามแผน\n")
    assert _khoksung_one([page + KLANG_SIGNS], hr=True)
    # the นายก signing beside it: the agency's report
    nayok = "(ลงชื่อ) วิชัย แก้วมณี\n(นายวิชัย แก้วมณี)\nนายกองค์การบริหารส่วนตำบลโคกสูง\n"
    assert not _khoksung_one([page + KLANG_SIGNS + nayok], hr=True)


def test_a_form_s_label_before_the_division() -> None:
    # "แบบรายงาน…" over "ส่วนราชการ : กองการศึกษา…", its director signing (review65 d02)
    page = ("แบบรายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗\nส่วนราชการ : กองการศึกษา ศาสนาและวัฒนธรรม องค์การบริหาร"
            "ส่วนตำบลโคกสูง\n๑ อาหารกลางวันศูนย์พัฒนาเด็กเล็ก ๖๑๒,๕๐๐\n(ลงชื่อ) อนุชา ภูมิสุข\n(นายอนุชา ภูมิสุข)\n"
            "ผู้อำนวยการกองการศึกษา ศาสนาและ\nวัฒนธรรม\n")
    assert _khoksung_one([page], hr=False)


def test_a_memo_s_sender_is_no_report_s_subject() -> None:
    # "ส่วนราชการ สำนักปลัด…" under "บันทึกข้อความ": who writes to the นายก, the agency's measures reported (review48 a31)
    page = ("บันทึกข้อความ\nส่วนราชการ สำนักปลัด องค์การบริหารส่วนตำบลโคกสูง\nที่ ขก ๗๖๑๐๑/๓๐๑ วันที่ ๘ ตุลาคม ๒๕๖๗\n"
            "เรื่อง รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน\nเรียน นายกองค์การบริหาร"
            "ส่วนตำบลโคกสูง\nตามที่ อบต.โคกสูง ได้ประกาศมาตรการ… บัดนี้สิ้นปีงบประมาณแล้ว สำนักปลัดจึงขอรายงานผล ดังนี้\n"
            "(นางสาวจันทร์เพ็ญ ศรีสุข)\nปลัดองค์การบริหารส่วนตำบลโคกสูง\n")
    assert not _khoksung_one([page], hr=False)


DEPARTMENT = "กรมส่งเสริมสหกรณ์ชุมชน"


def test_a_department_s_report_compiled_by_its_planning_bureau_is_the_department_s() -> None:
    # review70 a07: the planning bureau on the cover, its director "ผู้รายงาน", signed for the อธิบดี
    pages = ["รายงานผลการปฏิบัติราชการ\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘\nสำนักแผนงานและโครงการพิเศษ\nกรมส่งเสริมสหกรณ์ชุมชน\n"
             "กระทรวงเกษตรและสหกรณ์\n๑. ภาพรวม\nในปีงบประมาณ พ.ศ. ๒๕๖๘ กรมส่งเสริมสหกรณ์ชุมชน ได้รับจัดสรรงบประมาณ\n"
             "(ลงชื่อ) ..........................\n(นางกนกวรรณ ศรีประเสริฐ)\nผู้อำนวยการสำนักแผนงานและโครงการพิเศษ\n"
             "ผู้รายงาน\n(ลงชื่อ) ..........................\n(นางสาวปิยะนุช แก้วมณี)\nรองอธิบดี ปฏิบัติราชการแทน\n"
             "อธิบดีกรมส่งเสริมสหกรณ์ชุมชน"]
    assert division_heading(pages, DEPARTMENT, 8) is None


def test_a_provincial_office_s_own_report_is_one_unit_s_for_its_department() -> None:
    # review70 x02: the provincial office reports for itself and its head signs
    pages = ["รายงานผลการดำเนินงาน\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘\nสำนักงานสหกรณ์ชุมชนจังหวัดขอนแก่น\nกรมส่งเสริมสหกรณ์ชุมชน\n"
             "สำนักงานสหกรณ์ชุมชนจังหวัดขอนแก่น ขอรายงานผลการดำเนินงานตามแผนปฏิบัติราชการ ประจำปีงบประมาณ\n"
             "(ลงชื่อ) ..........................\n(นายชาตรี บุญเรือง)\nสหกรณ์ชุมชนจังหวัดขอนแก่น"]
    assert division_heading(pages, DEPARTMENT, 8) is not None
    # for a local government a provincial office's name heads no unit of its own (owner.py's other_body judges it)
    assert division_heading(pages, BAN_THUM, 8) is None
