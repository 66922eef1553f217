"""What the sixth assessor's trial (a provincial office of a central department) called for: a table of contents
without dot leaders, an amount of people taken for money when a PDF's text runs the next cell into it, a
provincial office's head titled by the office, and the heads of its groups as its executives."""

from __future__ import annotations

import pytest

from oit_checker.evaluate.cover import front_matter_only
from tests.unit.evaluate.test_fifth_trial_checks import _finding, _problems

CONTENTS = ["คู่มือการปฏิบัติงาน (Work Manual)\nกระบวนงานการรับรององค์กรสวัสดิการชุมชน\nปีงบประมาณ พ.ศ. ๒๕๖๘",
            "คำนำ\nคู่มือการปฏิบัติงานฉบับนี้จัดทำขึ้นเพื่อให้เจ้าหน้าที่ใช้เป็นแนวทางในการปฏิบัติงาน\nสารบัญ\nเรื่อง หน้า\n"
            "บทที่ ๑ บทนำ (วัตถุประสงค์ ขอบเขต คำจำกัดความ) ๑\nบทที่ ๒ ขั้นตอนการปฏิบัติงาน (Work Flow) ๔\n"
            "บทที่ ๓ มาตรฐานคุณภาพงาน ๙\nภาคผนวก แบบคำขอรับรององค์กรสวัสดิการชุมชน (อสค.๑) ๑๓"]


def test_contents_without_leaders_under_their_heading_end_a_front_matter() -> None:
    found = front_matter_only(CONTENTS, 400, page_count=2)
    assert found is not None and found[0] == 4 and found[2].startswith("ภาคผนวก")


def test_contents_followed_by_the_chapters_or_pointing_inside_the_file_are_no_front_matter() -> None:
    body = "\n".join(["บทที่ ๒ ขั้นตอนการปฏิบัติงาน", "๑) รับคำขอและตรวจสอบเอกสารหลักฐาน ภายใน ๑ วันทำการ " * 12])
    assert front_matter_only([*CONTENTS, body], 400, page_count=3) is None
    assert front_matter_only(CONTENTS, 400, page_count=13) is None  # the pages it lists are in the file
    no_heading = [CONTENTS[0], CONTENTS[1].replace("สารบัญ\n", "")]
    assert front_matter_only(no_heading, 400, page_count=2) is None


PLAN = ("<h1>แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</h1><p>{row}</p>"
        "<p>โครงการส่งเสริมการจัดสวัสดิการชุมชน กลุ่มเครือข่ายและส่งเสริมการมีส่วนร่วม ดำเนินการ ต.ค. ๖๗ – ก.ย. ๖๘</p>"
        "<p>ได้รับจัดสรรงบประมาณจากกรมพัฒนาสังคมและสวัสดิการ ซึ่งจะโอนจัดสรรเป็นงวดตลอดปีงบประมาณ</p>")


@pytest.mark.parametrize(("row", "budget"), [
    ("โครงการพัฒนาศักยภาพอาสาสมัคร เป้าหมาย ๑,๐๐๐ รายกลุ่มการพัฒนาสังคมและสวัสดิการ", False),
    ("โครงการพัฒนาศักยภาพอาสาสมัคร เป้าหมาย ๑,๐๐๐ ราย | กลุ่มการพัฒนาสังคมและสวัสดิการ", False),
    ("โครงการพัฒนาศักยภาพอาสาสมัคร งบประมาณ ๑๒๐,๐๐๐ บาท กลุ่มการพัฒนาสังคมและสวัสดิการ", True),
    ("โครงการพัฒนาศักยภาพอาสาสมัคร ๑๒๐,๐๐๐ รายจ่ายค่าวิทยากร", True),
])
def test_people_are_no_amount_whatever_follows_them(row: str, budget: bool) -> None:
    missing = _problems(_finding("O6", PLAN.format(row=row))).get("missing_component")
    assert (missing is None or "budget" not in missing.detail["missing"]) is budget


def test_money_allotted_through_the_year_is_no_timeframe() -> None:
    html = PLAN.format(row="งบประมาณ ๑๒๐,๐๐๐ บาท").replace(" ดำเนินการ ต.ค. ๖๗ – ก.ย. ๖๘", "")
    missing = _problems(_finding("O6", html))["missing_component"]
    assert missing.detail["missing"] == ["period"]


OFFICE = ("<h1>ผู้บริหาร</h1><p>นางสาวอรวรรณ ศรีวิไล</p><p>{head}</p><p>โทร. 081-263-4490</p>"
          "<p>นางพิมพ์ชนก บุญประเสริฐ</p><p>หัวหน้าฝ่ายบริหารทั่วไป</p><p>โทร. 089-446-2315</p>"
          "<p>นายกิตติพงษ์ แสนศรี</p><p>หัวหน้ากลุ่มนโยบายและวิชาการ</p><p>โทร. 086-720-5541</p>")


@pytest.mark.parametrize(("head", "passes"), [
    ("พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดหนองคาย", True),
    ("เกษตรจังหวัดหนองคาย", True),
    ("เจ้าหน้าที่สำนักงานเกษตรจังหวัดหนองคาย", False),  # the office's name is no position
])
def test_a_provincial_offices_head_and_group_heads_are_its_executives(head: str, passes: bool) -> None:
    f = _finding("O2", OFFICE.format(head=head))
    assert ("missing_component" not in _problems(f)) is passes, _problems(f)


def test_a_year_in_a_contents_title_is_no_page_number() -> None:
    pages = ["รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗",
             "สารบัญ\nบทที่ 1 บทนำ 1\nบทที่ 2 ผลการดำเนินงานปี 2567 (สรุป) 5\nภาคผนวก 15", *["ภาพสแกน"] * 18]
    assert front_matter_only(pages, 600, page_count=20) is None  # the pages it lists are in the file
