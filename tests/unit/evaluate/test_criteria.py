"""The NACC's criteria quoted in place of the document, and a checklist ticking the work done (evaluate/criteria.py):
the parts named there are named as requirements or steps, not given (review71 a01, a02, a04)."""

from __future__ import annotations

from oit_checker.evaluate.criteria import checklist_lines, criteria_lines
from tests.support.evaluate import finding_from_html

O7_CRITERIA = ("ข้อ O7 รายงานผลการดำเนินงาน\nองค์ประกอบด้านข้อมูล\n"
               "แสดงผลการดำเนินงานตามแผนการดำเนินงานประจำปี ของปีงบประมาณที่ผ่านมา\nผลการดำเนินงานรายโครงการ/กิจกรรม\n"
               "งบประมาณที่ใช้จ่าย\nปัญหาและอุปสรรค\nข้อเสนอแนะ/แนวทางแก้ไข\nองค์ประกอบด้านเวลา\n"
               "มีข้อมูลของปีงบประมาณ พ.ศ. ๒๕๖๘\nคำอธิบายเพิ่มเติม ข้อมูลเผยแพร่ในรูปแบบรายงาน…\n"
               "องค์การบริหารส่วนตำบลโคกสูง จึงเผยแพร่ข้อมูลตามข้อ O7\nไฟล์แนบ: (ไม่มี)")


def test_the_criteria_s_block_runs_from_its_heading_over_its_list_and_time_part() -> None:
    assert criteria_lines(O7_CRITERIA) == [(1, 10)]
    manual = ("ข้อ O25 กำหนดรายละเอียดไว้ ดังนี้\nข้อมูลที่ต้องเผยแพร่\n๑. ผลการวิเคราะห์ผลการประเมิน ITA ของปีที่ผ่านมา\n"
              "๒. มาตรการ โครงการ หรือกิจกรรม\n๓. ขั้นตอน/วิธีดำเนินการของแต่ละมาตรการ\n๔. ผู้รับผิดชอบ\n"
              "องค์ประกอบด้านเวลา เป็นข้อมูลของปีงบประมาณ พ.ศ. ๒๕๖๙\nหมายเหตุ …")
    assert criteria_lines(manual) == [(1, 7)]


def test_what_is_no_quoted_criteria() -> None:
    # the heading in a sentence of a report's foreword
    assert criteria_lines("รายงานนี้จัดทำตามองค์ประกอบด้านข้อมูลของเกณฑ์ ITA\nผลการดำเนินงาน\nงบประมาณที่ใช้") == []
    # a table's rows under the heading hold figures: the report itself
    rows = "องค์ประกอบด้านข้อมูล\n1 ซ่อมถนน 248,500 บาท\n2 อบรมอาสาสมัคร 150,000 บาท\n"
    assert criteria_lines(rows) == []


def _page(*lines: str) -> str:
    return "<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>"


def test_a_page_quoting_the_criteria_gives_no_part() -> None:
    f = finding_from_html("O7", _page(*O7_CRITERIA.split("\n")), "https://www.nongbua.go.th/o7.html", 2569)
    assert f.status.value == "fail"
    assert "missing_component" in {r.code for r in f.reasons}


CHECKLIST = ("แบบติดตามการดำเนินงานด้านการประเมินความเสี่ยงการทุจริต (สำหรับหน่วยตรวจสอบภายใน)\n"
             "ลำดับ | รายการตรวจสอบ | ผล | หมายเหตุ\n"
             "๑ | แต่งตั้งคณะทำงานประเมินความเสี่ยงการทุจริต | ✔ ดำเนินการแล้ว | คำสั่งที่ ๓๑๘/๒๕๖๘\n"
             "๒ | ระบุความเสี่ยงการทุจริตในกระบวนงานอนุมัติ อนุญาต | ✔ ดำเนินการแล้ว | -\n"
             "๓ | วิเคราะห์ระดับความเสี่ยง (โอกาสที่จะเกิด × ผลกระทบ) | ✔ ดำเนินการแล้ว | -\n"
             "๔ | กำหนดมาตรการ/แนวทางการป้องกันความเสี่ยงการทุจริต | ✔ ดำเนินการแล้ว | -")


def test_a_checklist_s_ticked_rows() -> None:
    assert checklist_lines(CHECKLIST) == [(2, 3), (3, 4), (4, 5), (5, 6)]
    # a report's rows ticked done beside their amounts give their results
    report = CHECKLIST.replace("| -", "| ๑๕,๐๐๐ บาท")
    assert checklist_lines(report) == []  # one row left ticked without a figure: too few
    # not called a checklist: a status column of a report
    assert checklist_lines(CHECKLIST.replace("รายการตรวจสอบ", "โครงการ")) == []
