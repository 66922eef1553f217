"""Parts a report names and says are not done yet (the twentieth and twenty-first review rounds): a results or spend
column whose every cell is "อยู่ระหว่างดำเนินการ", "ยังไม่ได้ดำเนินการ", "รอเบิกจ่าย"; a contact column of dashes; a
header of counts with no row under it; a heading whose only content is "จะรายงานเมื่อสิ้นปีงบประมาณ" or "ผลการประชุม :
อยู่ระหว่างการสรุปผล…". Each names its part and states none of it (`component_empty`); a part with something done in
it, a count's dash, a status column, a statement with figures are left alone."""

from __future__ import annotations

import pytest

from oit_checker.evaluate.channel import _SERVICE_NONE
from oit_checker.evaluate.empty import empty_cells_columns, empty_sections, none_columns, outline_tails


def _blank_headers(page: str) -> list[str]:
    lines = page.split("\n")
    return [lines[h][a:b].strip(" |") for h, a, b in empty_cells_columns(page)]


def _blank_lines(page: str) -> list[str]:
    lines = page.split("\n")
    return [line for a, b in empty_sections(page) for line in lines[a:b]]


REPORT = """ที่ | มาตรการ | ผลการดำเนินงาน | งบประมาณที่ใช้ (บาท)
1 | มาตรการเผยแพร่ข้อมูลต่อสาธารณะ | R1 | S1
2 | มาตรการส่งเสริมความโปร่งใสในการจัดซื้อจัดจ้าง | R2 | S2
3 | มาตรการป้องกันการรับสินบน | R3 | S3"""


@pytest.mark.parametrize(("cells", "blank"), [
    # every result pending: the results column is empty; its dashes of money are values (none spent)
    ({"R1": "ยังไม่ได้ดำเนินการ", "R2": "อยู่ระหว่างดำเนินการ", "R3": "ยังไม่ได้ดำเนินการ", "S": "-"},
     ["ผลการดำเนินงาน"]),
    ({"R1": "อยู่ระหว่างดำเนินการ", "R2": "อยู่ระหว่างดำเนินการ", "R3": "อยู่ระหว่างดำเนินการ", "S": "รอเบิกจ่าย"},
     ["ผลการดำเนินงาน", "งบประมาณที่ใช้ (บาท)"]),
    # one measure done: the column reports it
    ({"R1": "ดำเนินการแล้ว เผยแพร่ 12 เรื่อง", "R2": "อยู่ระหว่างดำเนินการ", "R3": "ยังไม่ได้ดำเนินการ", "S": "-"}, []),
    # a statement with what was done is no pending cell
    ({"R1": "อยู่ระหว่างดำเนินการ แล้วเสร็จร้อยละ 80", "R2": "อยู่ระหว่างดำเนินการ", "R3": "อยู่ระหว่างดำเนินการ",
      "S": "12,000"}, []),
])
def test_a_column_of_pending_cells_states_nothing(cells: dict[str, str], blank: list[str]) -> None:
    page = REPORT
    for k in ("R1", "R2", "R3"):
        page = page.replace(k, cells[k])
    for k in ("S1", "S2", "S3"):
        page = page.replace(k, cells["S"])
    assert _blank_headers(page) == blank


def test_a_status_column_holds_states_as_its_values() -> None:
    page = ("ที่ | รายการ | วงเงิน (บาท) | สถานะการจัดซื้อจัดจ้าง\n1 | ซื้อวัสดุสำนักงาน | 7,000 | อยู่ระหว่างดำเนินการ\n"
            "2 | จ้างซ่อมถนน | 90,000 | อยู่ระหว่างดำเนินการ")
    assert _blank_headers(page) == []


def test_dashes_are_no_contact_but_a_count() -> None:
    contacts = ("ลำดับ | ชื่อ-สกุล | ตำแหน่ง | หมายเลขโทรศัพท์ | อีเมล\n1 | นายวิชัย มั่นคง | นายก | - | -\n"
                "2 | นายสมพงษ์ ศรีสุข | รองนายก | - | -")
    assert _blank_headers(contacts) == ["หมายเลขโทรศัพท์", "อีเมล"]
    counts = ("ไตรมาส | จำนวนเรื่องร้องเรียน (เรื่อง) | ดำเนินการแล้วเสร็จ (เรื่อง)\n1 | - | -\n2 | - | -")
    assert _blank_headers(counts) == []


def test_a_header_of_counts_with_no_row_under_it() -> None:
    lone = "ข้อมูลสถิติ ดังนี้\nเดือน | จำนวนเรื่องร้องเรียน (เรื่อง) | ดำเนินการแล้วเสร็จ (เรื่อง)\nรายงาน ณ วันที่ 5 ตุลาคม 2568"
    assert _blank_headers(lone) == ["เดือน", "จำนวนเรื่องร้องเรียน (เรื่อง)", "ดำเนินการแล้วเสร็จ (เรื่อง)"]
    # a header over rows that each month's title parts is a table's
    monthly = ("ลำดับ | รายการ | วงเงิน (บาท) | ผู้รับจ้าง\nเดือนตุลาคม 2568\n1 | ซื้อน้ำมัน | 96,000 | หจก.บ้านไผ่\n"
               "2 | จ้างซ่อมรถ | 48,500 | อู่ช่างเอก")
    assert _blank_headers(monthly) == []


@pytest.mark.parametrize(("page", "blank"), [
    ("3. คำสั่งแต่งตั้งคณะทำงาน\nมีคำสั่งที่ 12/2569\n4. ผลการขับเคลื่อนจริยธรรม\nจะรายงานเมื่อสิ้นปีงบประมาณ",
     ["4. ผลการขับเคลื่อนจริยธรรม", "จะรายงานเมื่อสิ้นปีงบประมาณ"]),
    ("เข้าร่วม 64 คน\nผลการประชุม : อยู่ระหว่างการสรุปผลของคณะทำงาน เมื่อแล้วเสร็จจะแจ้งให้ประชาชนทราบต่อไป\nภาพกิจกรรม",
     ["ผลการประชุม : อยู่ระหว่างการสรุปผลของคณะทำงาน เมื่อแล้วเสร็จจะแจ้งให้ประชาชนทราบต่อไป"]),
    ("2. แผนส่งเสริมจริยธรรม ประจำปีงบประมาณ พ.ศ. 2569\nอยู่ระหว่างดำเนินการ\n3. ผลการดำเนินงาน\nดำเนินการแล้ว 3 กิจกรรม",
     ["2. แผนส่งเสริมจริยธรรม ประจำปีงบประมาณ พ.ศ. 2569", "อยู่ระหว่างดำเนินการ"]),
    # figures in the statement: what was done, not a promise
    ("ผลการดำเนินงาน : อยู่ระหว่างดำเนินการ 2 โครงการ แล้วเสร็จ 5 โครงการ", []),
    # the statement goes on with a section's content: not empty
    ("ผลการดำเนินงาน\nอยู่ระหว่างดำเนินการ\nโครงการที่ดำเนินการแล้วเสร็จ ได้แก่ การอบรมคุณธรรม", []),
])
def test_a_section_that_only_says_it_is_pending(page: str, blank: list[str]) -> None:
    assert _blank_lines(page) == blank


MANUALS = """ที่ | ชื่อคู่มือ | หน่วยงาน | สถานะ
1 | คู่มือขั้นตอนการปฏิบัติงานสารบรรณ | สำนักปลัด | S1
2 | คู่มือการปฏิบัติงานการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง | กองคลัง | S2"""


@pytest.mark.parametrize(("states", "pending"), [
    (("ยังไม่เผยแพร่", "ยังไม่เผยแพร่"), True),
    (("อยู่ระหว่างปรับปรุง", "อยู่ระหว่างจัดทำ"), True),
    (("เผยแพร่แล้ว", "อยู่ระหว่างปรับปรุง"), False),  # one manual is there
])
def test_a_list_of_documents_each_not_yet_published(states: tuple[str, str], pending: bool) -> None:
    page = MANUALS.replace("S1", states[0]).replace("S2", states[1])
    assert _blank_lines(page) == (page.split("\n")[1:] if pending else [])


def test_rows_with_figures_beside_their_state_report_something() -> None:
    page = ("ที่ | รายการ | วงเงิน (บาท) | สถานะการจัดซื้อจัดจ้าง\n1 | ซื้อวัสดุสำนักงาน | 7,000 | อยู่ระหว่างดำเนินการ\n"
            "2 | จ้างซ่อมถนน | 90,000 | อยู่ระหว่างดำเนินการ")
    assert _blank_lines(page) == []


@pytest.mark.parametrize(("page", "blank"), [
    # what is still to come under a heading of what was done (review22 b01), with its quarter
    ("2. การส่งเสริมจริยธรรม\nกำหนดจัดกิจกรรมส่งเสริมจริยธรรมในไตรมาสที่ 3 รายละเอียดจะแจ้งให้ทราบอีกครั้ง\n3. ผลการดำเนินงาน",
     ["2. การส่งเสริมจริยธรรม", "กำหนดจัดกิจกรรมส่งเสริมจริยธรรมในไตรมาสที่ 3 รายละเอียดจะแจ้งให้ทราบอีกครั้ง"]),
    # a plan's project, all of it to come: its content
    ("1. โครงการอบรมคุณธรรมจริยธรรม\nกำหนดจัดในเดือนมีนาคม 2569 ณ ห้องประชุม\n2. โครงการเผยแพร่ข้อมูล", []),
    # a result awaiting the committee (review22 b05)
    ("ข้อสรุปจากเวที : รอนำเสนอคณะกรรมการพัฒนาท้องถิ่นพิจารณา จะแจ้งผลให้ทราบภายหลัง",
     ["ข้อสรุปจากเวที : รอนำเสนอคณะกรรมการพัฒนาท้องถิ่นพิจารณา จะแจ้งผลให้ทราบภายหลัง"]),
])
def test_what_is_still_to_come(page: str, blank: list[str]) -> None:
    assert _blank_lines(page) == blank


@pytest.mark.parametrize(("cells", "blank"), [
    # days, quarters and years a pending cell gives for what is to come (review22 a04)
    (("อยู่ระหว่างดำเนินการ คาดว่าแล้วเสร็จ 31 ธันวาคม 2568", "ยังไม่ได้ดำเนินการ (เลื่อนไปไตรมาส 2/2569)",
      "จะรายงานผลในไตรมาสที่ 1 ปี 2569"), ["ผลการดำเนินงาน"]),
    # a count of what was done
    (("อยู่ระหว่างดำเนินการ แล้วเสร็จ 3 จาก 5 ชุมชน", "ยังไม่ได้ดำเนินการ", "ยังไม่ได้ดำเนินการ"), []),
])
def test_a_pending_cell_may_say_when(cells: tuple[str, str, str], blank: list[str]) -> None:
    page = REPORT.replace("R1", cells[0]).replace("R2", cells[1]).replace("R3", cells[2])
    for k in ("S1", "S2", "S3"):
        page = page.replace(k, "-")
    assert _blank_headers(page) == blank


def test_a_timeframe_column_of_no_time() -> None:
    # review22 h08: "ตามที่กฎหมายกำหนด", "ภายในกำหนดเวลาตามระเบียบ", "ตามความเหมาะสม" give no time of the plan's own
    plan = ("ที่ | โครงการ/กิจกรรม | งบประมาณ (บาท) | ระยะเวลา\n1 | อบรมคุณธรรม | 15,000 | ตามที่กฎหมายกำหนด\n"
            "2 | เผยแพร่ข้อมูลการจัดซื้อ | ไม่ใช้งบประมาณ | ภายในกำหนดเวลาตามระเบียบ\n3 | ประกาศเจตนารมณ์ | - | ตามความเหมาะสม")
    assert _blank_headers(plan) == ["ระยะเวลา"]
    timed = plan.replace("ตามความเหมาะสม", "ธ.ค. 2568")
    assert _blank_headers(timed) == []


def test_a_problems_section_saying_what_was_not_done_states_its_problem() -> None:
    page = ("3. ผลการดำเนินงาน\nดำเนินการแล้ว 5 โครงการ\n4. ปัญหาและอุปสรรค\n"
            "ยังไม่ได้ดำเนินการบางโครงการ เนื่องจากงบประมาณไม่เพียงพอ\n5. ข้อเสนอแนะ\nควรตั้งงบประมาณเพิ่ม")
    assert _blank_lines(page) == []
    # the same words under a heading of results: nothing reported
    assert _blank_lines(page.replace("4. ปัญหาและอุปสรรค", "4. ผลการขับเคลื่อน")) == [
        "4. ผลการขับเคลื่อน", "ยังไม่ได้ดำเนินการบางโครงการ เนื่องจากงบประมาณไม่เพียงพอ"]


def test_criteria_that_only_defer_to_another_bodys_rules_are_empty() -> None:
    # review22 h07: the criteria heading, one line deferring to the province board, then the plan's table
    h07 = ("หลักเกณฑ์การบริหารทรัพยากรบุคคล\n"
           "การสรรหา การบรรจุแต่งตั้ง การประเมินผล การเลื่อนขั้นเงินเดือน และวินัย ให้ถือปฏิบัติตามประกาศ"
           "คณะกรรมการพนักงานส่วนตำบลจังหวัดนครราชสีมาเรื่องมาตรฐานทั่วไปเกี่ยวกับการบริหารงานบุคคล\n"
           "ที่ | โครงการ/กิจกรรม | งบประมาณ (บาท) | ช่วงเวลา | ผู้รับผิดชอบ\n"
           "1 | อบรมเพิ่มประสิทธิภาพการปฏิบัติงานบุคลากร | 40,000 | ก.พ. – มี.ค. 2569 | สำนักปลัด")
    assert _blank_lines(h07) == h07.split("\n")[:2]
    # points of the agency's own, one of them deferring, are criteria
    own = ("หลักเกณฑ์การบริหารทรัพยากรบุคคล\n"
           "1. การสรรหา ให้เป็นไปตามประกาศคณะกรรมการพนักงานส่วนตำบลจังหวัดนครราชสีมา\n"
           "2. การประเมินผลการปฏิบัติงาน ปีละ 2 ครั้ง ตามตัวชี้วัดของแต่ละตำแหน่ง")
    assert _blank_lines(own) == []
    # …and so is a deferral followed by the agency's own words
    more = ("หลักเกณฑ์การบริหารทรัพยากรบุคคล\n"
            "การสรรหาให้เป็นไปตามประกาศคณะกรรมการพนักงานส่วนตำบลจังหวัดนครราชสีมา\n"
            "ส่วนการพัฒนาบุคลากร อบต.โคกสูงกำหนดให้พนักงานทุกคนได้รับการพัฒนาอย่างน้อยปีละ 1 หลักสูตร")
    assert _blank_lines(more) == []


def test_a_deferral_wrapped_over_lines_is_one_deferral() -> None:
    # review40 j03: a PDF breaks the one sentence over three lines, up to the next numbered section
    j03 = ("1. หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล\n"
           "ให้ถือปฏิบัติตามประกาศคณะกรรมการพนักงานส่วนตำบลจังหวัดขอนแก่น เรื่อง หลัก\n"
           "เกณฑ์และเงื่อนไขเกี่ยวกับการบริหารงานบุคคลขององค์การบริหารส่วนตำบล และที่แก้ไข\n"
           "เพิ่มเติม\n"
           "2. แผนการพัฒนาบุคลากร ประจำปีงบประมาณ พ.ศ. 2569")
    assert _blank_lines(j03) == j03.split("\n")[:4]
    # the agency's own words after the cited title are criteria, however the lines run on
    own = j03.replace("เพิ่มเติม\n", "เพิ่มเติม โดย อบต.โคกสูงกำหนดให้ประเมินผลการปฏิบัติงานปีละ 2 ครั้ง\n")
    assert _blank_lines(own) == []


# review45 b10: a PDF's results table in lines of words, every row "อยู่ระหว่างดำเนิน" / "การ" / "-", then the problems
# and suggestions each emptied by a bare dash under their combined heading
B10 = """องค์การบริหารส่วนตำบลโคกสูง อำเภอภูเวียง จังหวัดขอนแก่น
ส่วนที่ ๓ ผลการดำเนินงานและการใช้จ่ายงบประมาณ
ผลการดำเนินงานตามแผน ปีงบประมาณ พ.ศ. ๒๕๖๘ ตามตารางดังนี้
ที่ โครงการ/กิจกรรม ผลการดำเนินงาน งบประมาณที่ใช้จริง
(บาท)
๑ โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านโคกสูง–บ้าน
หนองแวง หมู่ที่ ๓
อยู่ระหว่างดำเนิน
การ
-
๒ โครงการขุดลอกหนองสาธารณะหนองบัวแดง หมู่ที่ ๕ R2
การ
-
๓ โครงการจัดงานประเพณีบุญบั้งไฟ อยู่ระหว่างดำเนิน
การ
S3
ส่วนที่ ๔ ปัญหาอุปสรรคและข้อเสนอแนะ
ปัญหาอุปสรรค -
ข้อเสนอแนะ -
วันที่ ๒๐ พฤศจิกายน พ.ศ. ๒๕๖๘
(ลงชื่อ) ประสิทธิ์ ทองมา"""


def test_a_pdf_results_table_whose_every_row_is_pending_is_empty() -> None:
    page = B10.replace("R2", "อยู่ระหว่างดำเนิน").replace("S3", "-")
    lines = page.split("\n")
    # from the section's heading to the last row, and the problems' section with its heading
    assert sorted(_blank_lines(page)) == sorted(lines[1:19])


@pytest.mark.parametrize("row2", [
    "ดำเนินการแล้วเสร็จ",  # one row done: a mid-year report with some rows in progress reports
    "อยู่ระหว่างดำเนินการ ๑๒๐,๐๐๐",  # money spent beside the state
])
def test_a_pdf_results_table_with_a_row_that_reports_is_not_empty(row2: str) -> None:
    page = B10.replace("R2", row2).replace("S3", "-")
    blank = _blank_lines(page)
    assert not any("ผลการดำเนินงาน" in line for line in blank)
    assert "ปัญหาอุปสรรค -" in blank  # the problems' section is empty all the same


def test_money_spent_on_the_last_row_reports() -> None:
    page = B10.replace("R2", "อยู่ระหว่างดำเนิน").replace("S3", "๗๕,๐๐๐")
    assert not any("ผลการดำเนินงาน" in line for line in _blank_lines(page))


def test_a_bare_dash_at_a_lines_end_may_be_a_wrapped_sentence() -> None:
    # "ปัญหาอุปสรรค –" then what the problem was: the section holds it
    wrapped = ("ส่วนที่ ๔ ปัญหาอุปสรรคและข้อเสนอแนะ\nปัญหาอุปสรรค –\nฝนตกชุกทำให้การก่อสร้างล่าช้า\nข้อเสนอแนะ -\n"
               "วันที่ ๒๐ พฤศจิกายน พ.ศ. ๒๕๖๘")
    assert _blank_lines(wrapped) == ["ข้อเสนอแนะ -"]
    # a combined heading over one field filled and one emptied states the filled one
    assert "ส่วนที่ ๔ ปัญหาอุปสรรคและข้อเสนอแนะ" not in _blank_lines(wrapped)
    # both emptied with a colon (review45 diag d5): the heading above them is empty too
    colons = "ส่วนที่ ๔ ปัญหาอุปสรรคและข้อเสนอแนะ\nปัญหาอุปสรรค : -\nข้อเสนอแนะ : -\nวันที่ ๒๐ พฤศจิกายน พ.ศ. ๒๕๖๘"
    assert sorted(_blank_lines(colons)) == sorted(colons.split("\n")[:3])


def test_a_sentence_listing_the_reports_parts_is_no_part() -> None:
    page = ("ประเมินผลเป็นรายไตรมาส และรวบรวมเป็นรายงานประจำปี ซึ่งประกอบด้วยสำเนาแผนที่ได้รับ\n"
            "อนุมัติ ผลการดำเนินงานรายโครงการ การใช้จ่ายงบประมาณ ปัญหาอุปสรรค และข้อเสนอแนะ โดยในปีนี้ไม่พบปัญหา\n"
            "วิธีการติดตาม")
    lines = page.split("\n")
    assert [lines[a][b:c] for a, b, c in outline_tails(page)] == [
        "สำเนาแผนที่ได้รับ", "อนุมัติ ผลการดำเนินงานรายโครงการ การใช้จ่ายงบประมาณ ปัญหาอุปสรรค และข้อเสนอแนะ"]
    # a list with figures states something
    assert outline_tails("รายงานฉบับนี้ประกอบด้วยผลการดำเนินงาน ๑๐ โครงการ และการใช้จ่ายงบประมาณ ๕๐๐,๐๐๐ บาท") == []
    # a committee's members are no report's parts
    assert outline_tails("คณะกรรมการติดตามประกอบด้วย ปลัด ผู้อำนวยการกองคลัง และหัวหน้าสำนักปลัด") == []


def test_a_risk_plans_measures_all_none_are_no_measures() -> None:
    # review68 d07: a column of "ไม่มี" under "มาตรการ", of "-" under "ระดับความเสี่ยง", bars or none
    piped = ("กระบวนงาน | ความเสี่ยงการรับสินบน | ระดับความเสี่ยง | มาตรการ\n"
             "การออกใบอนุญาตก่อสร้าง | ไม่พบ | - | ไม่มี\n"
             "การจัดซื้อจัดจ้าง | ไม่พบ | - | ไม่มี")
    assert _blank_headers(piped) == ["ระดับความเสี่ยง", "มาตรการ"]
    pdf = ("กระบวนงาน ความเสี่ยงการรับสินบน ระดับความเสี่ยง มาตรการ\n"
           "การออกใบอนุญาตก่อสร้าง ไม่พบ - ไม่มี\n"
           "การจัดซื้อจัดจ้าง ไม่พบ - ไม่มี\n"
           "สรุป : ไม่พบความเสี่ยงการให้หรือรับสินบน จึงไม่ได้กำหนดมาตรการ")
    lines = pdf.split("\n")
    assert sorted(lines[h][a:b] for h, a, b in none_columns(pdf)) == ["มาตรการ", "ระดับความเสี่ยง"]
    # one row with a measure: the column holds measures
    assert none_columns(pdf.replace("การจัดซื้อจัดจ้าง ไม่พบ - ไม่มี", "การจัดซื้อจัดจ้าง สูง ๑๒ ตรวจรับร่วมกับชุมชน")) == []
    # a count's "ไม่มี" states one
    assert _blank_headers("เดือน | จำนวนเรื่องร้องเรียน | หมายเหตุ\nต.ค. | ไม่มี | x\nพ.ย. | ไม่มี | y") == []


def test_a_results_field_answered_none_is_empty() -> None:
    # review68 f03: "ผลการดำเนินการ : ไม่มี" reports no result; "ปัญหาอุปสรรค : ไม่มี" and a count's "ไม่มี…" state one
    page = "ยังไม่มีการจัดเวทีประชาคม\nผลการดำเนินการ : ไม่มี\n(ลงชื่อ) สมศักดิ์ ทองดี"
    assert _blank_lines(page) == ["ผลการดำเนินการ : ไม่มี"]
    assert _blank_lines("ปัญหาอุปสรรค : ไม่มี\nผลการรับฟังความคิดเห็น : ไม่มีผู้คัดค้าน\n(ลงชื่อ) สมศักดิ์ ทองดี") == []


@pytest.mark.parametrize(("line", "none"), [
    ("ระบบ E-Service : ไม่มี (อยู่ระหว่างจัดทำ)", True),  # review68 e06
    ("ยังไม่มีระบบบริการออนไลน์", True),
    ("บริการออนไลน์ : ไม่มีค่าธรรมเนียม", False),
    ("ชำระภาษีออนไลน์ : ไม่มี", False),
    ("หากไม่มีบริการออนไลน์ ให้ยื่นด้วยตนเอง", False),
])
def test_a_page_saying_it_has_no_service_online(line: str, none: bool) -> None:
    assert (_SERVICE_NONE.search(line) is not None) is none


def test_a_results_table_every_row_pending_empties_its_header_and_heading() -> None:
    # review73 a06: "๑. ผลการดำเนินการตามมาตรการ" over a table whose every row is "อยู่ระหว่างดำเนินการ"; problems and
    # suggestions "อยู่ระหว่างการรวบรวมข้อมูลจากส่วนราชการ" then the memo's closing
    page = ("บัดนี้ได้รายงานผลการดำเนินการตามมาตรการ ดังนี้\n๑. ผลการดำเนินการตามมาตรการ\n"
            "มาตรการ | ผลการดำเนินการ | งบประมาณที่ใช้ (บาท)\n"
            "มาตรการเผยแพร่ข้อมูลต่อสาธารณะ | อยู่ระหว่างดำเนินการ | อยู่ระหว่างดำเนินการ\n"
            "มาตรการป้องกันการรับสินบน | อยู่ระหว่างดำเนินการ | อยู่ระหว่างดำเนินการ\n"
            "๒. ปัญหาและอุปสรรค\nอยู่ระหว่างการรวบรวมข้อมูลจากส่วนราชการ\n"
            "๓. ข้อเสนอแนะ\nอยู่ระหว่างการรวบรวมข้อมูลจากส่วนราชการ\nจึงเรียนมาเพื่อโปรดทราบ")
    blank = _blank_lines(page)
    assert "๑. ผลการดำเนินการตามมาตรการ" in blank and "มาตรการ | ผลการดำเนินการ | งบประมาณที่ใช้ (บาท)" in blank
    assert "๒. ปัญหาและอุปสรรค" in blank and "๓. ข้อเสนอแนะ" in blank
    assert "บัดนี้ได้รายงานผลการดำเนินการตามมาตรการ ดังนี้" not in blank
    # a problem met that says what was not done is a problem (not gathering)
    met = "๒. ปัญหาและอุปสรรค\nยังไม่ได้ดำเนินการบางโครงการ เนื่องจากงบประมาณไม่เพียงพอ\n๓. ข้อเสนอแนะ\nควรตั้งงบประมาณให้เพียงพอ"
    assert _blank_lines(met) == []


FUTURE = """๑. ผลการดำเนินงาน
ที่ โครงการ/กิจกรรม ผลการดำเนินงาน
งบประมาณ
(บาท)
๑
โครงการฝึกอบรมเพิ่มประสิทธิภาพ
บุคลากร
R1
๘๐,๐๐๐
๒
ส่งบุคลากรเข้ารับการฝึกอบรมตาม
หลักสูตรของกรมส่งเสริมการปกครองท้องถิ่น
R2
๑๕๐,๐๐๐
๓ การประเมินผลการปฏิบัติงาน R3
๒. งบประมาณที่ใช้ ๒๓๐,๐๐๐ บาท"""


@pytest.mark.parametrize(("cells", "blank"), [
    # review73 b03: every result a deed to come
    (("จะดำเนินการจัดอบรมให้แก่พนักงานส่วนตำบล จำนวน ๔๕ คน", "จะส่งบุคลากรเข้ารับการอบรมตามสายงาน",
      "จะประเมินผลการปฏิบัติงานปีละ ๒ ครั้ง"), True),
    # done: a report (one row still to come beside them)
    (("จัดอบรมให้แก่พนักงานส่วนตำบลแล้ว จำนวน ๔๕ คน", "ส่งบุคลากรเข้ารับการอบรมแล้ว ๑๒ คน",
      "จะประเมินผลรอบที่ ๒ ในเดือนตุลาคม"), False),
    (("ได้จัดอบรมให้แก่พนักงานส่วนตำบล จำนวน ๔๕ คน", "จะส่งบุคลากรเข้ารับการอบรมตามสายงาน",
      "จะประเมินผลการปฏิบัติงานปีละ ๒ ครั้ง"), False),
])
def test_a_results_section_told_in_the_future_is_empty(cells: tuple[str, str, str], blank: bool) -> None:
    page = FUTURE.replace("R1", cells[0]).replace("R2", cells[1]).replace("R3", cells[2])
    assert ("๑. ผลการดำเนินงาน" in _blank_lines(page)) is blank


def test_what_is_expected_is_no_results_section() -> None:
    page = ("๕. ผลที่คาดว่าจะได้รับ\n1 พนักงานจะมีความรู้เพิ่มขึ้น\n2 จะลดข้อร้องเรียนของประชาชน\n๖. งบประมาณ ๓๐,๐๐๐ บาท")
    assert _blank_lines(page) == []


@pytest.mark.parametrize("tail", ["รายงาน ณ วันที่ ๑๐ ตุลาคม ๒๕๖๘\n(ลงชื่อ) ....", "ข้อมูล ณ วันที่ ๑๐ ตุลาคม ๒๕๖๘", ""])
def test_a_dash_under_each_of_two_bare_headings(tail: str) -> None:
    # review76 f03: "ปัญหาและอุปสรรค" / "-" / "ข้อเสนอแนะ" / "-" then the date the report is made
    page = "๓ | การเอื้อประโยชน์ | ดำเนินการแล้ว ๑๔ โครงการ\nปัญหาและอุปสรรค\n-\nข้อเสนอแนะ\n-\n" + tail
    assert empty_sections(page) == [(1, 3), (3, 5)]


def test_a_dash_over_a_bullet_s_text_is_no_empty_section() -> None:
    # a dash over what it says is a bullet, even a text on problems ("ปัญหาการประสานงานล่าช้า")
    page = "ปัญหาและอุปสรรค\n-\nปัญหาการประสานงานล่าช้า\nข้อเสนอแนะ\n-\nควรประสานล่วงหน้า"
    assert empty_sections(page) == []


@pytest.mark.parametrize(("line", "pending"), [
    # a bold heading run into its paragraph, the part still to be done (review78 g02, g03)
    ("ระดับความเสี่ยง คณะทำงานจะประเมินโอกาสที่จะเกิดและผลกระทบของแต่ละความเสี่ยงในการประชุมไตรมาสที่ ๓ "
     "และจะจัดทำแผนภูมิความเสี่ยงเสนอผู้บริหารต่อไป", True),
    ("มาตรการควบคุมความเสี่ยง / แนวทางการป้องกัน อยู่ระหว่างคณะทำงานพิจารณา ยังไม่ได้กำหนด "
     "จะแจ้งให้ทราบเมื่อผู้บริหารให้ความเห็นชอบ", True),
    # what was done, with its figures; a heading over its content
    ("ผลการดำเนินงาน อยู่ระหว่างดำเนินการ 2 โครงการ แล้วเสร็จ 5 โครงการ", False),
    ("มาตรการควบคุมความเสี่ยง ประกาศขั้นตอนและระยะเวลาการออกใบอนุญาต ตรวจสอบโดยปลัด", False),
])
def test_a_heading_run_into_a_statement_that_it_is_still_to_be_done(line: str, pending: bool) -> None:
    page = f"ที่ | ความเสี่ยงการทุจริต | โอกาส | ผลกระทบ\n1 | เรียกรับเงิน | 3 | 4\n{line}\n(ลงชื่อ) นายประเสริฐ คำภูเวียง"
    assert _blank_lines(page) == ([line] if pending else [])


def test_a_problem_run_into_its_heading_is_stated() -> None:
    page = "ผลการดำเนินงาน\nดำเนินการแล้ว 3 โครงการ\nปัญหาอุปสรรค ยังไม่ได้ดำเนินการบางโครงการ เนื่องจากงบประมาณไม่เพียงพอ"
    assert _blank_lines(page) == []
    assert _blank_lines(page.replace("ยังไม่ได้ดำเนินการบางโครงการ เนื่องจากงบประมาณไม่เพียงพอ", "อยู่ระหว่างรวบรวมข้อมูล")) \
        == ["ปัญหาอุปสรรค อยู่ระหว่างรวบรวมข้อมูล"]
