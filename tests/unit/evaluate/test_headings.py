"""A component's words count only where they stand as a heading or a row's label (evaluate/headings.py, review59)."""

from __future__ import annotations

from oit_checker.evaluate.headings import heading_hit

PROBLEMS = ("ข้อจำกัด", "ความท้าทาย", "สิ่งที่ยังทำไม่ได้")


def test_a_heading_of_its_own_a_run_in_heading_and_a_row_label() -> None:
    assert heading_hit(("ผลงานที่ได้",), "รายงาน\nผลงานที่ได้\nพนักงานส่วนตำบล ๓๑ คน ผ่านการอบรมตามสายงานครบ") is not None
    assert heading_hit(PROBLEMS, "ใช้จ่ายไป ๒๗๙,๕๕๐ บาท\nความท้าทาย อัตรากำลังกองช่างยังว่าง ๒ ตำแหน่ง งานล้นมือ") is not None
    assert heading_hit(PROBLEMS, "๔ ปฐมนิเทศพนักงานใหม่ ๔ คน\nข้อจำกัด พนักงานบางส่วนติดภารกิจ ไม่สามารถเข้าอบรม") is not None
    assert heading_hit(PROBLEMS, "๓. ข้อจำกัด\nงานก่อสร้าง ๓ โครงการทำไม่ทันในปี เพราะฝนตกชุก") is not None


def test_running_text_and_empty_headings_are_none() -> None:
    assert heading_hit(PROBLEMS, "แผนนี้จัดทำภายใต้ข้อจำกัดด้านงบประมาณ\nข้อจำกัด ด้านงบประมาณทำให้ต้องเลื่อนโครงการ") is None
    assert heading_hit(PROBLEMS, "ข้อจำกัด\n-\n(ลงชื่อ) ....") is None
    assert heading_hit(PROBLEMS, "ข้อจำกัด : (ระบุ) ……………") is None
    assert heading_hit(PROBLEMS, "สารบัญ\nข้อจำกัด ๘") is None  # a contents line
