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


def _png(width: int = 8, height: int = 8) -> bytes:
    """A real (grey) PNG, built without Pillow: python-docx reads its size from the IHDR chunk."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\0" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def _docx(paragraphs: list[str], picture_inches: float | None, header: str = "") -> bytes:
    import docx
    from docx.shared import Inches

    d = docx.Document()
    if header:
        d.sections[0].header.paragraphs[0].text = header
    for text in paragraphs:
        d.add_paragraph(text)
    if picture_inches is not None:
        d.add_picture(io.BytesIO(_png()), width=Inches(picture_inches))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_of_a_pasted_scan_needs_ocr() -> None:
    # review67 b06/b18: the signed declaration pasted into Word as a picture, alone or under its typed heading, is
    # a scan (no_text, review), not an empty page or a cover
    alone = extract_docx(_docx([], 6.0), "b06.docx")
    titled = extract_docx(_docx(["ประกาศเจตนารมณ์ No Gift Policy ประจำปีงบประมาณ ๒๕๖๘"], 6.0,
                                header="องค์การบริหารส่วนตำบลโคกสูง"), "b18.docx")
    assert alone.needs_ocr and alone.text == "" and alone.error is None
    assert titled.needs_ocr and titled.text.startswith("ประกาศเจตนารมณ์ No Gift Policy")


def test_docx_with_a_logo_or_with_its_text_is_read() -> None:
    announcement = [
        "ประกาศองค์การบริหารส่วนตำบลโคกสูง",
        "เรื่อง เจตนารมณ์ No Gift Policy งดให้ งดรับ ของขวัญและของกำนัล ประจำปีงบประมาณ ๒๕๖๘",
        "องค์การบริหารส่วนตำบลโคกสูง ขอประกาศเจตนารมณ์ว่า ผู้บริหารและบุคลากรทุกคนจะไม่รับของขวัญ ของกำนัล"
        " หรือประโยชน์อื่นใดจากการปฏิบัติหน้าที่ (No Gift Policy) และจะไม่ให้ของขวัญแก่ผู้บังคับบัญชาในทุกเทศกาล",
        "(ลงชื่อ) สมพงษ์ ศรีโคกสูง นายกองค์การบริหารส่วนตำบลโคกสูง",
    ]
    # the Garuda emblem (1 inch) above a title only: a cover, for the evaluator to judge, no scan
    assert not extract_docx(_docx(announcement[:2], 1.0), "logo.docx").needs_ocr
    # the typed announcement with a page-wide photo of the activity: text to read
    assert not extract_docx(_docx(announcement, 6.0), "photo.docx").needs_ocr
    assert not extract_docx(_docx(announcement, None), "typed.docx").needs_ocr


_XLSX_DRAWING = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"'
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row>'
    '<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="{cx}" cy="{cy}"/>'
    '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="1" name="Image 1"/><xdr:cNvPicPr/></xdr:nvPicPr>'
    '<xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>'
    '<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"/>'
    '</xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>')


def _xlsx_with_picture(rows: list[list[str]], cx: int, cy: int) -> bytes:
    """A workbook of `rows` whose sheet also holds a picture's drawing (openpyxl needs Pillow to add one)."""
    import zipfile

    import openpyxl

    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    plain = io.BytesIO()
    wb.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("xl/drawings/drawing1.xml", _XLSX_DRAWING.format(cx=cx, cy=cy))
        dst.writestr("xl/media/image1.png", _png())
    return out.getvalue()


def test_xlsx_of_a_pasted_scan_needs_ocr() -> None:
    title = [["สรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"]]
    scan = extract_xlsx(_xlsx_with_picture(title, 5_760_000, 8_146_700), "scan.xlsx")
    assert scan.needs_ocr and scan.error is None and "สรุปผลการจัดซื้อจัดจ้าง" in scan.text
    logo = extract_xlsx(_xlsx_with_picture(title, 900_000, 900_000), "logo.xlsx")
    assert not logo.needs_ocr
    table = [["ลำดับ", "งานที่จัดซื้อจัดจ้าง", "วงเงิน (บาท)", "ผู้ได้รับคัดเลือก"]] + [
        [str(i), f"จัดซื้อวัสดุสำนักงาน รายการที่ {i}", "12,500.00", "ร้านโคกสูงพาณิชย์"] for i in range(1, 9)]
    assert not extract_xlsx(_xlsx_with_picture(table, 5_760_000, 8_146_700), "table.xlsx").needs_ocr
