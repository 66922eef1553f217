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


def test_a_heading_over_the_next_one_a_sentence_and_a_plans_label_are_none() -> None:
    # review60 b03, d08: a numbered heading over the next numbered one says nothing
    assert heading_hit(PROBLEMS, "๒. สิ่งที่ยังทำไม่ได้\n๓. แนวทางการปรับปรุง\nจัดอบรมออนไลน์ให้พนักงาน") is None
    assert heading_hit(("ผลงานที่ได้",), "๑. ผลงานที่ได้\n๒. ข้อจำกัด ฝนตกชุก งานก่อสร้างบางโครงการล่าช้า") is None
    # review60 b06, d10: a motto and a title going on are no run-in heading
    assert heading_hit(PROBLEMS, "วิสัยทัศน์\nความท้าทาย คือ โอกาสในการสร้างองค์กรที่ปลอดการทุจริต") is None
    assert heading_hit(PROBLEMS, "ความท้าทาย สู่การเป็นองค์กรแห่งการเรียนรู้") is None
    suggestions = ("แนวทางพัฒนา", "แนวทางปรับปรุง", "แนวทางการปรับปรุง")
    # review60 d09, b02: "แนวทางพัฒนา บุคลากร…" is one phrase; a development plan's label under its strategy
    assert heading_hit(suggestions, "แนวทางพัฒนา บุคลากรตามแผนพัฒนาพนักงานส่วนตำบล มี ๓ ด้าน") is None
    assert heading_hit(suggestions, "ยุทธศาสตร์ที่ ๒ การพัฒนาด้านโครงสร้างพื้นฐาน\nแนวทางพัฒนา : ๒.๑ ก่อสร้าง ปรับปรุง ถนน") is None
    assert heading_hit(suggestions, "แนวทางพัฒนา ใช้การลงเวลาด้วยแอปพลิเคชันชั่วคราว") is not None  # review60 c04
    results = ("ผลงานที่ได้", "สิ่งที่ทำได้")
    # review60 b05, d02: "what one may do" is a rule, no result
    assert heading_hit(results, "สิ่งที่ทำได้ | สิ่งที่ไม่ควรทำ\nรับของขวัญตามประเพณีจากญาติ | รับเงินจากผู้มาติดต่อ") is None
    assert heading_hit(results, "สิ่งที่ทำได้: ประชาชนสามารถแจ้งเบาะแสการทุจริตได้ที่ตู้รับเรื่อง") is None
    assert heading_hit(results, "ผลงานที่ได้ | (ระบุ)\nข้อจำกัด | ……") is None  # review60 b11


def test_a_heading_glued_to_where_it_was_met() -> None:
    # review65 a01: "ความท้าทายที่พบ" on its own line over what was met
    page = "ความท้าทายที่พบ\n๑. ได้รับจัดสรรเงินอุดหนุนล่าช้า โครงการก่อสร้าง ๒ โครงการจึงต้องกันเงินไว้เบิก"
    assert heading_hit(PROBLEMS, page) is not None
    assert heading_hit(PROBLEMS, "ความท้าทายที่พบ\n-") is None


# review65 b01, b02: the parts as a PDF table's last columns, after the money
B01_HEADER = "ที่ โครงการ/กิจกรรม ผลงานที่ได้\nงบประมาณที่ใช้\n(บาท)\nข้อจำกัด แนวทางพัฒนา\n"


def test_parts_as_a_table_s_last_columns_filled_under_them() -> None:
    page = B01_HEADER + ("๑\nอบรมพนักงานส่วนตำบลเรื่องการจัดซื้อจัดจ้าง\n๑๘,๔๐๐\n๒\nศึกษาดูงานการบริหารจัดการขยะชุมชน\n"
                         "๙๖,๕๐๐ ระยะทางไกล ใช้เวลาเดินทาง ๒ วัน\nใช้การศึกษาดูงานใน\nจังหวัดใกล้เคียง\n"
                         "รวมงบประมาณที่ใช้ ๑๘๑,๕๐๐ บาท")
    assert heading_hit(PROBLEMS, page) is not None
    assert heading_hit(("แนวทางพัฒนา",), page) is not None


def test_parts_columns_left_empty_or_a_header_over_the_next_are_none() -> None:
    page = B01_HEADER + "๑ อบรมพนักงานส่วนตำบลเรื่องการจัดซื้อจัดจ้าง ๙ คน ผ่านการอบรม ๑๘,๔๐๐ - -\n" \
                        "๒ ศึกษาดูงานการบริหารจัดการขยะชุมชน ๙๖,๕๐๐ - -\nรวมงบประมาณที่ใช้ ๑๑๔,๙๐๐ บาท"
    assert heading_hit(PROBLEMS, page) is None
    assert heading_hit(("แนวทางพัฒนา",), page) is None
    # a run-in "heading" whose text is only the next column's header states nothing
    assert heading_hit(("ข้อจำกัด",), "ข้อจำกัด | แนวทางพัฒนา\n๑ | -") is None
    assert heading_hit(("ข้อจำกัด",), "ข้อจำกัด แนวทางพัฒนา\n๑ -") is None
    # a heading alone over a dash is no table's header, whatever amounts follow
    assert heading_hit(PROBLEMS, "ข้อจำกัด\n-\nโครงการที่ ๒ ใช้งบประมาณ ๑๒,๐๐๐ บาท ครบตามแผน") is None
