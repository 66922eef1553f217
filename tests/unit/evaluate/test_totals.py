"""A total row far larger than every other number of the document (review71 c01)."""

from __future__ import annotations

from oit_checker.evaluate.totals import total_unsummed

_CLAIMS_42_SHOWS_3 = """รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘
ในปีงบประมาณ พ.ศ. ๒๕๖๘ มีโครงการตามแผนการดำเนินงานทั้งสิ้น ๕๑ โครงการ
ดำเนินการแล้วเสร็จ ๔๒ โครงการ ใช้งบประมาณรวม ๑๗,๘๖๐,๗๕๐ บาท รายละเอียด
๑
ก่อสร้างถนน คสล. หมู่ที่ ๓ สายบ้าน
ดำเนินการแล้วเสร็จ ยาว ๒๐๐
เมตร
๒๔๘,๕๐๐
๒ จัดงานประเพณีบุญบั้งไฟ
ดำเนินการแล้ว ผู้ร่วมงาน
๑,๒๐๐ คน
๑๕๐,๐๐๐
๓ อาหารเสริม (นม) โรงเรียน ดำเนินการแล้ว ครบ ๒๖๐ วัน ๙๑๒,๓๔๐
รวม ๑๗,๘๖๐,๗๕๐
"""


def test_total_no_row_adds_up_to() -> None:
    assert total_unsummed([_CLAIMS_42_SHOWS_3]) == "รวม 17,860,750"


def test_total_of_the_rows_shown() -> None:
    good = _CLAIMS_42_SHOWS_3.replace("รวม ๑๗,๘๖๐,๗๕๐\n", "รวม ๑,๓๑๐,๘๔๐\n").replace("๑๗,๘๖๐,๗๕๐ บาท", "๑,๓๑๐,๘๔๐ บาท")
    assert total_unsummed([good]) is None


def test_rows_on_an_earlier_page_count() -> None:
    # a table split over pages: its total's rows on the page before
    first, _, last = _CLAIMS_42_SHOWS_3.partition("๓ อาหารเสริม")
    more = "\n".join(f"{i} โครงการ {i} ๑,๐๐๐,๐๐๐" for i in range(4, 21))
    assert total_unsummed([first + more, "๓ อาหารเสริม" + last]) is None


_PLANNED_AND_SPENT = """ตามที่องค์การบริหารส่วนตำบลโคกสูงได้จัดทำแผนการดำเนินงาน ประจำปีงบประมาณ
พ.ศ. ๒๕๖๘ โดยมีงบประมาณรายจ่ายประจำปีตามข้อบัญญัติ จำนวน ๒๘,๕๐๐,๐๐๐
บาท นั้น
แผนการดำเนินงานมีโครงการทั้งสิ้น ๔๐ โครงการ ดำเนินการแล้วเสร็จ ๓๘ โครงการ คิด
เป็นร้อยละ ๙๕ ใช้จ่ายงบประมาณรวม ๑๕,๒๔๐,๐๐๐ บาท รายละเอียดดังนี้
๑
ก่อสร้างถนน คสล.
๔๙๘,๐๐๐ ๔๙๕,๕๐๐
๒
ก่อสร้างรางระบายน้ำ
๓๕๐,๐๐๐ ๓๔๗,๐๐๐ แล้วเสร็จ ยาว ๑๖๐ ม.
๓
ซ่อมแซมถนนลูกรัง
๑๘๐,๐๐๐ ๑๗๘,๖๕๐ ซ่อมแซม ๖ สาย
๔
อาหารเสริม (นม)
๖๑๒,๔๘๐ ๕๙๘,๓๐๐
รวม ๑๖,๑๒๐,๐๐๐ ๑๕,๒๔๐,๐๐๐
"""


def test_a_total_row_of_two_columns_and_the_years_budget_above() -> None:
    # review72 b02: the planned total and the year's budget restated in the introduction are no rows of the spent one
    assert total_unsummed([_PLANNED_AND_SPENT]) == "รวม 16,120,000 15,240,000"
    right = _PLANNED_AND_SPENT.replace("๑๖,๑๒๐,๐๐๐ ๑๕,๒๔๐,๐๐๐", "๑,๖๔๐,๔๘๐ ๑,๖๑๙,๔๕๐").replace(
        "๑๕,๒๔๐,๐๐๐ บาท", "๑,๖๑๙,๔๕๐ บาท")
    assert total_unsummed([right]) is None


def test_a_total_row_with_a_count_and_words() -> None:
    # review72 b04: "รวมทั้งสิ้น ๒๕ โครงการ | ๑,๙๒๐,๐๐๐ | ๑,๘๕๐,๐๐๐ | แล้วเสร็จ ๒๕ โครงการ" over three rows of 65,050
    rows = "๑ อบรมคุณธรรม ๓๐,๐๐๐ ๒๘,๗๕๐\n๒ เวทีประชาคม ๒๕,๐๐๐ ๒๔,๓๐๐\n๓ อบรมกรรมการตรวจรับ ๑๒,๕๐๐ ๑๒,๐๐๐\n"
    total = "รวมทั้งสิ้น ๒๕ โครงการ | ๑,๙๒๐,๐๐๐ | ๑,๘๕๐,๐๐๐ | แล้วเสร็จ ๒๕ โครงการ\n"
    assert total_unsummed([rows + total]) == "รวมทั้งสิ้น 25 โครงการ | 1,920,000 | 1,850,000 | แล้วเสร็จ 25 โครงการ"
    # prose counting the projects gives no total row
    assert total_unsummed([rows + "รวม ๘ โครงการ/กิจกรรม ดำเนินการแล้วเสร็จทุกโครงการ\n"]) is None
