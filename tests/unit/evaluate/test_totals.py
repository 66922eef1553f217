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
