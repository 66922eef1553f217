"""A reporting form whose table lost its cells in the PDF's text layer, published with only the plan's money
filled in (the ninth trial's b O24): the header names results, money spent, problems and suggestions, and no row
says anything under them. Those columns are empty sections (`component_empty`, review), not evidence; a filled
twin still passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.evaluate.empty import unfilled_columns
from oit_checker.model import Status
from tests.support.evaluate import HOME, finding_from_file

FORMS = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "report_forms"
RESULTS, SPENT, PROBLEMS, SUGGESTIONS = ("ผลการดำเนินงานรายโครงการ/กิจกรรม", "งบประมาณที่ใช้จ่าย", "ปัญหา/อุปสรรค",
                                         "ข้อเสนอแนะ/แนวทางแก้ไข")
HEADER = "ที่ โครงการ/กิจกรรม งบประมาณตามแผน (บาท) งบประมาณที่ใช้ (บาท) ผลการดำเนินงาน ปัญหาอุปสรรค ข้อเสนอแนะ"
ROWS = ["1 อบรมเสริมสร้างความรู้เรื่องผลประโยชน์ทับซ้อนแก่พนักงาน 30,000",
        "2 ประกาศเจตนารมณ์ No Gift Policy และรณรงค์ช่วงปีใหม่ 5,000",
        "3 เผยแพร่ข้อมูลการจัดซื้อจัดจ้างรายเดือนบนเว็บไซต์ ไม่ใช้งบประมาณ"]
REPORTER = "ผู้รายงาน ............................ ตำแหน่ง ............................"


def _o24(name: str) -> tuple[Status, dict[str, str]]:
    f = finding_from_file("O24", (FORMS / name).read_bytes(), f"{HOME}files/{name}", "application/pdf", 2569)
    return f.status, {r.code: str(r.detail.get("components", "")) for r in f.reasons if r.severity is not Status.PASS}


@pytest.mark.parametrize("name", ["empty.pdf", "empty-signed.pdf", "empty-total.pdf", "empty-year.pdf"])
def test_the_form_with_only_the_plan_filled_in_is_for_a_person(name: str) -> None:
    status, problems = _o24(name)
    assert status is Status.REVIEW and set(problems) == {"component_empty"}, problems
    assert problems["component_empty"] == ", ".join([RESULTS, SPENT, PROBLEMS, SUGGESTIONS])


def test_money_spent_filled_in_counts_and_the_columns_after_it_do_not() -> None:
    status, problems = _o24("money-only.pdf")
    assert status is Status.REVIEW and problems["component_empty"] == ", ".join([RESULTS, PROBLEMS, SUGGESTIONS])


@pytest.mark.parametrize("name", ["filled.pdf", "filled-long.pdf", "source-column.pdf"])
def test_the_filled_twins_pass(name: str) -> None:
    assert _o24(name) == (Status.PASS, {})


def test_a_gantt_charts_months_are_shaded_not_empty() -> None:
    f = finding_from_file("O23", (FORMS / "gantt-plan.pdf").read_bytes(), f"{HOME}files/gantt-plan.pdf",
                          "application/pdf", 2569)
    assert f.status is Status.PASS, [(r.code, r.detail) for r in f.reasons]


def _tail(page: list[str]) -> list[str]:
    return [page[h][c:] for h, c in unfilled_columns("\n".join(page))]


def test_the_columns_after_the_rows_last_amount_are_the_empty_ones() -> None:
    assert _tail([HEADER, *ROWS, REPORTER]) == ["งบประมาณที่ใช้ (บาท) ผลการดำเนินงาน ปัญหาอุปสรรค ข้อเสนอแนะ"]
    assert _tail([HEADER, *ROWS]) == _tail([HEADER, *ROWS, "", "(ลงชื่อ) สมชาย"]) == _tail([HEADER, *ROWS, REPORTER])
    spent = [f"{row} 1,000 - -" if row[-1].isdigit() else row for row in ROWS]  # money spent, then dashes
    assert _tail([HEADER, *spent, REPORTER]) == ["ผลการดำเนินงาน ปัญหาอุปสรรค ข้อเสนอแนะ"]
    thai = ["๑ อบรมเสริมสร้างความรู้ ๓๐,๐๐๐", "๒ ประกาศเจตนารมณ์ ๕,๐๐๐"]
    assert _tail([HEADER, *thai]) == ["งบประมาณที่ใช้ (บาท) ผลการดำเนินงาน ปัญหาอุปสรรค ข้อเสนอแนะ"]
    # a totals row and a remark may close the table; a year in a column's name is part of it
    assert _tail([HEADER, *ROWS, "รวม 35,000", "หมายเหตุ รายงานภายในวันที่ 15 ตุลาคม"]) == _tail([HEADER, *ROWS])
    year = HEADER.replace("งบประมาณตามแผน (บาท)", "งบประมาณปี ๒๕๖๘ (บาท)")
    assert _tail([year, *ROWS]) == ["งบประมาณที่ใช้ (บาท) ผลการดำเนินงาน ปัญหาอุปสรรค ข้อเสนอแนะ"]
    # a column of counts or shares after the money is a column of figures too: the empty ones follow it
    for column, cells in (("ผู้เข้าร่วม (คน)", "112"), ("ร้อยละการเบิกจ่าย", "91.50")):
        counted = HEADER.replace("งบประมาณที่ใช้ (บาท)", f"งบประมาณที่ใช้ (บาท) {column}")
        rows = ["1 อบรมเสริมสร้างความรู้ 30,000 27,450 " + cells, "2 ประกาศเจตนารมณ์ 5,000 4,200 " + cells]
        assert _tail([counted, *rows, REPORTER]) == ["ผลการดำเนินงาน ปัญหาอุปสรรค ข้อเสนอแนะ"], column


@pytest.mark.parametrize("page", [
    # a row says something after its amount: filled
    [HEADER, ROWS[0] + " 27,450 ดำเนินการแล้ว ไม่มี", *ROWS[1:], REPORTER],
    [HEADER, *ROWS[:2], "3 เผยแพร่ข้อมูล ไม่ใช้งบประมาณ 0 ดำเนินการแล้ว - -", REPORTER],
    # the cells read column by column: the rows, then their amounts and results below them
    [HEADER, "1 อบรมเสริมสร้างความรู้", "2 ประกาศเจตนารมณ์", "30,000 27,450", "ดำเนินการแล้ว"],
    [HEADER, *ROWS, "ดำเนินการแล้วทุกโครงการ ผู้เข้าร่วม 326 คน"],  # more text below the rows
    [HEADER, "1 ซ่อมถนนหมู่ที่ 3 บ้านหนองโพธิ์ 30,000", "2 ขุดลอกคลอง 5,000", REPORTER],  # a number in a name
    [HEADER, "1 อบรมเสริมสร้างความรู้เรื่องผลประโยชน์ทับซ้อนแก่", "พนักงาน", "30,000", REPORTER],  # a wrapped row
    [HEADER, ROWS[0], REPORTER],  # one row
    [HEADER, ROWS[0], ROWS[2], REPORTER],  # not numbered 1, 2
    ["ที่ โครงการ/กิจกรรม ผลการดำเนินงาน งบประมาณที่ใช้ (บาท)", *ROWS, REPORTER],  # the money column is the last
    ["ตารางที่ 2 งบประมาณปี 2568 ผลการดำเนินงาน", *ROWS, REPORTER],  # a line with a number is no header
    [HEADER, "1 อบรมเสริมสร้างความรู้", "2 ประกาศเจตนารมณ์", "3 เผยแพร่ข้อมูล", REPORTER],  # no amounts at all
    [HEADER.replace(" ", " | "), *ROWS, REPORTER],  # cells: the table check of item.py reads these
    ["ที่ โครงการ งบประมาณ (บาท) ต.ค. พ.ย. ธ.ค. ม.ค.", *ROWS, REPORTER],  # a Gantt chart: months are shaded
    # a column of words about money ("แหล่งงบประมาณ") is no money column where the others carry their unit
    ["ที่ โครงการ แหล่งงบประมาณ งบประมาณที่ได้รับ (บาท) งบประมาณที่ใช้ (บาท)",
     "1 อบรมเสริมสร้างความรู้ เทศบัญญัติ 30,000 27,450", "2 ประกาศเจตนารมณ์ เทศบัญญัติ 5,000 4,200", REPORTER],
])
def test_tables_that_may_be_filled_are_left_alone(page: list[str]) -> None:
    assert _tail(page) == []


def test_a_table_of_prompts_is_empty() -> None:
    # review59 k02: an O25 template whose every row is the form's prompt or dots
    from oit_checker.evaluate.empty import empty_cells_columns
    page = ("ผลการวิเคราะห์ผลการประเมิน (ระบุ) ……………\nประเด็นที่ต้องพัฒนา | มาตรการ | ผู้รับผิดชอบ | ระยะเวลาดำเนินการ\n"
            "(ระบุ) | (ระบุ) | (ระบุ) | (ระบุ)\n………… | ………… | ………… | …………\n(ลงชื่อ) ....")
    assert len(empty_cells_columns(page)) == 4
    assert empty_cells_columns(page.replace("(ระบุ) | (ระบุ) | (ระบุ) | (ระบุ)",
                                            "ความโปร่งใส | เผยแพร่ข้อมูล | สำนักปลัด | ต.ค. ๖๘")) == []
