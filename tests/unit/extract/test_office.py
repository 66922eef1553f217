"""DOCX and XLSX specifics: tables, headers/footers, text boxes, formulas, sheets."""

from __future__ import annotations

import io

from oit_checker.extract.office import extract_docx, extract_xlsx
from oit_checker.model import DocKind
from tests.support.paths import ROOT

CORPUS = ROOT / "fixtures" / "corpus"


def test_docx_table_rows_and_cells() -> None:
    doc = extract_docx((CORPUS / "a1_laksaman.docx").read_bytes(), "a1.docx")
    lines = doc.text.splitlines()
    assert "ลำดับ | โครงการ/กิจกรรม | งบประมาณ (บาท) | ระยะเวลาดำเนินการ | ผู้รับผิดชอบ" in lines
    assert "๓ | มาตรการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ | - | ๑ ต.ค. ๖๘ - ๓๐ ก.ย. ๖๙ | งานนิติการ" in lines
    assert lines[-1] == "นายกองค์การบริหารส่วนตำบลหนองบัว"
    assert doc.kind is DocKind.DOCX and doc.page_count == 1 and len(doc.pages) == 1


def test_docx_headers_footers_text_boxes_and_merged_cells() -> None:
    import docx

    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = "หัวกระดาษ อบต.หนองบัว"
    section.footer.paragraphs[0].text = "ท้ายกระดาษ หน้า 1"
    d.add_paragraph("เนื้อหา")
    table = d.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "รวมเซลล์"
    table.cell(0, 2).text = "ค"
    table.cell(1, 0).text = "ก"
    table.cell(1, 2).text = "ข"
    buf = io.BytesIO()
    d.save(buf)
    doc = extract_docx(buf.getvalue(), "x.docx")
    assert doc.error is None
    assert doc.text.splitlines() == [
        "เนื้อหา",
        "รวมเซลล์ | ค",  # the merged cell once, not once per grid column
        "ก |  | ข",
        "หัวกระดาษ อบต.หนองบัว",
        "ท้ายกระดาษ หน้า 1",
    ]
    assert doc.title == "เนื้อหา"


def test_xlsx_one_page_per_sheet_and_no_none() -> None:
    doc = extract_xlsx((CORPUS / "e2_plan_small.xlsx").read_bytes(), "e2.xlsx")
    assert doc.page_count == 1
    lines = doc.pages[0].splitlines()
    assert lines[0] == "แผนงาน ปี ๒๕๖๙"  # the sheet name first
    assert lines[1] == "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"
    assert lines[2] == "ลำดับ | โครงการ/กิจกรรม | งบประมาณ (บาท) | ระยะเวลาดำเนินการ | ผู้รับผิดชอบ"
    # =SUM(...) without a cached value: skipped, not "None".
    assert lines[-1] == "รวม"
    assert "None" not in doc.text
    assert doc.title == lines[1]


def test_xlsx_cached_formula_value_and_numbers() -> None:
    doc = extract_xlsx((CORPUS / "e3_libreoffice_plan.xlsx").read_bytes(), "e3.xlsx")
    lines = doc.pages[0].splitlines()
    assert lines[-1] == "รวม | 97539"  # integral float shown as an integer
    assert any(" | 1250.5 | " in line for line in lines)


def test_xlsx_several_sheets_dates() -> None:
    import datetime as dt

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "สรุป"
    ws.append(["วันที่", dt.datetime(2025, 10, 1), True])
    ws2 = wb.create_sheet("รายละเอียด")
    ws2.append([None, "ข้อ 1", None, 3])
    ws2.append([])
    buf = io.BytesIO()
    wb.save(buf)
    doc = extract_xlsx(buf.getvalue(), "w.xlsx")
    # An empty cell between filled ones keeps its place (as in DOCX and HTML tables); the row's outer ones go.
    assert doc.pages == ("สรุป\nวันที่ | 2025-10-01 | TRUE", "รายละเอียด\nข้อ 1 |  | 3")
    assert doc.page_count == 2


def test_xlsx_numbers_as_their_format_shows_them() -> None:
    """A spending plan keeps its amounts as numbers formatted "#,##0.00": the text is what the sheet shows
    ("30,000.00"), as money patterns and a reader expect, and a month grid's empty months keep their place."""
    import openpyxl

    accounting = '_-* #,##0.00_-;\\-* #,##0.00_-;_-* "-"??_-;_-@_-'
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "แผน"
    ws.append(["โครงการ", "ต.ค. 67", "พ.ย. 67", "ธ.ค. 67", "รวม", "ร้อยละ", "ปี", "หมายเหตุ"])
    ws.append(["โครงการวันเด็ก", None, 60000, None, 60000, 0.256, 2568, -1250.5])
    formats = {2: "#,##0.00", 3: "#,##0.00", 5: '#,##0 "บาท"', 6: "0.00%", 7: "0", 8: accounting}
    for column, number_format in formats.items():
        ws.cell(row=2, column=column).number_format = number_format
    ws.append(["ยอดยกมา", 0, 1e6, None, None, None, None, None])
    ws.cell(row=3, column=2).number_format = accounting
    ws.cell(row=3, column=3).number_format = "#,##0.00;[Red](#,##0.00)"
    ws.append(["วันที่", 45566])
    ws.cell(row=4, column=2).number_format = "d mmm yy"  # a date format on a number: openpyxl gives a date
    buf = io.BytesIO()
    wb.save(buf)
    lines = extract_xlsx(buf.getvalue(), "plan.xlsx").pages[0].splitlines()
    assert lines[2] == "โครงการวันเด็ก |  | 60,000.00 |  | 60,000 บาท | 25.60% | 2568 | -1,250.50"
    assert lines[3] == "ยอดยกมา | - | 1,000,000.00"  # the accounting format's zero is its dash
    assert lines[4] == "วันที่ | 2024-10-01"


def test_xlsx_leading_zeros_and_a_dash_after_the_point() -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["โทรศัพท์", 812345678, "ค่าธรรมเนียม", 30000])
    ws.cell(row=1, column=2).number_format = "0000000000"
    ws.cell(row=1, column=4).number_format = "#,##0.-"
    buf = io.BytesIO()
    wb.save(buf)
    [_sheet, row] = extract_xlsx(buf.getvalue(), "w.xlsx").pages[0].splitlines()
    assert row == "โทรศัพท์ | 0812345678 | ค่าธรรมเนียม | 30,000.-"
