"""Fix-kit templates read back (python-docx, openpyxl): each kind's title block, fiscal-year line, headings, table
columns, example row and signature block as the catalogue describes them; every blank has a sample answer;
hostile agency names reach no file as control characters or formulas."""

from __future__ import annotations

import io
import re

import docx
import openpyxl
import pytest

from oit_checker.model import FiscalYearRule, TemplateKind
from oit_checker.report import templates
from oit_checker.text import blanks
from tests.support.fixkit import AGENCY, catalogue, ctx_for, docx_lines, render, sheet_rows


def test_plan_template_has_title_year_agency_headings_columns_example_row_and_signature() -> None:
    cat = catalogue(2568)
    item, data = render(cat, "O25")
    paras, tables = docx_lines(data)
    texts = [t for t, _ in paras]
    assert texts[:3] == ["แผนปฏิบัติการป้องกันการทุจริต", "ประจำปีงบประมาณ พ.ศ. 2568", AGENCY]
    assert all(bold for _, bold in paras[:3])
    headings = [t for t, bold in paras[3:] if bold]
    assert headings == [s.heading for s in item.template.sections]  # type: ignore[union-attr]
    [table] = tables
    # The plan's columns named by the issue: project/activity · budget (or "no budget") · period · responsible.
    assert table[0] == ["ลำดับ", "โครงการ/กิจกรรม", 'งบประมาณ (บาท) หรือ "ไม่ใช้งบประมาณ"', "ระยะเวลาดำเนินการ",
                        "ผู้รับผิดชอบ"]
    assert table[1][0] == "[ตัวอย่าง] 1" and table[1][3] == "ม.ค. – มี.ค. 2568"
    assert all(cell == "" for row in table[2:] for cell in row) and len(table) == 2 + item.template.rows  # type: ignore[union-attr]
    # The signature block closes the document: date, signature line, (name), position.
    assert texts[-4:] == ["ประกาศ ณ วันที่ [กรอก: วัน เดือน ปี ที่ลงนาม]",
                          "(ลงชื่อ) ............................................................",
                          "([กรอก: ชื่อ-นามสกุลผู้ลงนาม])",
                          "[กรอก: ตำแหน่งผู้บริหารสูงสุด เช่น นายกองค์การบริหารส่วนตำบลตะเคียนราม]"]
    # Each heading is followed by its blank, in the hint's words.
    for section in item.template.sections:  # type: ignore[union-attr]
        at = texts.index(section.heading)
        assert texts[at + 1] == f"[กรอก: {section.hint}]"
    meta = docx.Document(io.BytesIO(data)).core_properties
    assert meta.title == "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2568"


def test_report_template_names_the_previous_year_and_the_report_headings() -> None:
    _item, data = render(catalogue(2568), "O26")
    paras, tables = docx_lines(data)
    texts = [t for t, _ in paras]
    assert texts[1] == "ประจำปีงบประมาณ พ.ศ. 2567"  # O26 reports on the previous fiscal year
    headings = [t for t, bold in paras[3:] if bold]
    assert headings == ["บทสรุปผลการดำเนินงาน", "ผลการดำเนินงานรายโครงการ/กิจกรรม", "ปัญหาอุปสรรค", "ข้อเสนอแนะ"]
    assert tables[0][0] == ["ลำดับ", "โครงการ/กิจกรรม", "ผลการดำเนินงาน", "งบประมาณที่ได้รับ (บาท)",
                            "งบประมาณที่ใช้ (บาท)"]
    # The table sits under its heading, before the next one.
    body = docx.Document(io.BytesIO(data)).element.body
    order = [el.tag.rsplit("}", 1)[1] + ":" + "".join(el.itertext())[:30] for el in body]
    table_at = next(i for i, x in enumerate(order) if x.startswith("tbl:"))
    assert order[table_at - 2].startswith("p:ผลการดำเนินงานรายโครงการ") and order[table_at + 2].startswith("p:ปัญหา")
    assert not any(t.startswith("(ลงชื่อ)") for t in texts)  # a report is not signed here


def test_announcement_template_opens_like_an_announcement() -> None:
    item, data = render(catalogue(2568), "O21")
    texts = [t for t, _ in docx_lines(data)[0]]
    assert texts[:3] == [f"ประกาศ{AGENCY}",
                         "เรื่อง เจตนารมณ์การไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)",
                         "ประจำปีงบประมาณ พ.ศ. 2568"]
    assert item.template.kind is TemplateKind.ANNOUNCEMENT and item.template.signed  # type: ignore[union-attr]
    assert "(ลงชื่อ) ............................................................" in texts


@pytest.mark.parametrize(("item_id", "headings"), [
    ("O8", ["ชื่องาน/กระบวนงาน", "วัตถุประสงค์", "ขอบเขตของงาน", "ขั้นตอนการปฏิบัติงาน",
            "มาตรฐานการปฏิบัติงานและการติดตาม"]),
    ("O17", ["วัตถุประสงค์", "ช่องทางการรับเรื่องร้องเรียน", "ขั้นตอนการจัดการเรื่องร้องเรียน",
             "การคุ้มครองผู้ร้องเรียนและการแจ้งผล"]),
])
def test_manual_and_guideline_templates_name_no_year(item_id: str, headings: list[str]) -> None:
    item, data = render(catalogue(2568), item_id)
    assert item.fiscal_year_rule is FiscalYearRule.NONE
    paras, tables = docx_lines(data)
    texts = [t for t, _ in paras]
    assert texts[1] == AGENCY and not any(re.search(r"25\d\d", t) for t in texts)
    assert [t for t, bold in paras[2:] if bold] == headings
    assert tables and tables[0][1][0].startswith(blanks.EXAMPLE_MARK)


def test_o12_workbook_has_the_nacc_sheet_header_fields_columns_and_an_example_row() -> None:
    _item, data = render(catalogue(2568), "O12")
    title, rows = sheet_rows(data)
    assert title == "ITA-o12"
    assert rows[0] == ["รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้า"]
    assert rows[1] == ["ประจำปีงบประมาณ พ.ศ. 2568 รอบ 6 เดือนแรก (1 ตุลาคม 2567 – 31 มีนาคม 2568)"]
    assert rows[2] == [AGENCY]
    fields = {r[0]: r[1] for r in rows[3:9]}
    assert fields == {"ปีงบประมาณ": "2568", "ชื่อหน่วยงาน": AGENCY, "อำเภอ": "[กรอก: อำเภอที่ตั้งหน่วยงาน]",
                      "จังหวัด": "[กรอก: จังหวัดที่ตั้งหน่วยงาน]", "กระทรวง": "[กรอก: กระทรวงต้นสังกัด]",
                      "ประเภทหน่วยงาน": "[กรอก: ประเภทหน่วยงาน]"}
    header = next(r for r in rows if r[0] == "ที่")
    assert header[1:] == ["ชื่อรายการของงานที่ซื้อหรือจ้าง", "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)",
                          "แหล่งที่มาของงบประมาณ", "สถานะการจัดซื้อจัดจ้าง", "วิธีการจัดซื้อจัดจ้าง", "ราคากลาง (บาท)",
                          "ราคาที่ตกลงซื้อหรือจ้าง (บาท)", "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก",
                          "เลขที่โครงการในระบบ e-GP"]
    example = rows[rows.index(header) + 1]
    assert example[0] == "[ตัวอย่าง] 1" and len(example) == len(header)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb.active
    ex_row = next(r for r in ws.iter_rows() if r[0].value == "[ตัวอย่าง] 1")
    assert all(c.font.i for c in ex_row[:len(header)])  # the example row looks like one (italic, shaded)
    assert ws.freeze_panes is not None and wb.properties.title.startswith("รายการการจัดซื้อจัดจ้าง")


def test_o13_workbook_covers_the_previous_year() -> None:
    _item, data = render(catalogue(2568), "O13")
    title, rows = sheet_rows(data)
    assert title == "ITA-o13" and rows[1] == ["ประจำปีงบประมาณ พ.ศ. 2567"]
    assert ["ปีงบประมาณ", "2567"] in rows
    assert any(r[0] == "วิธีการจัดซื้อจัดจ้าง" for r in rows)
    assert ["ปัญหาอุปสรรค"] in rows and ["ข้อเสนอแนะ"] in rows


def test_multi_year_plan_leaves_its_years_as_blanks() -> None:
    _item, data = render(catalogue(2569), "O5")
    texts = [t for t, _ in docx_lines(data)[0]]
    assert texts[1] == "(พ.ศ. [กรอก: ปีแรกของแผน (ไม่หลังปี 2569)] – [กรอก: ปีสุดท้ายของแผน (ไม่ก่อนปี 2569)])"


def test_every_template_of_both_years_renders_and_every_blank_has_a_sample_answer() -> None:
    for year in (2568, 2569):
        cat = catalogue(year)
        with_template = [i for i in cat.items if i.template is not None]
        assert len(with_template) >= 18
        for item in with_template:
            t = item.template
            assert t is not None
            ctx = ctx_for(item, year)
            data = templates.render(item, t, ctx)
            if t.file_format == "xlsx":
                text = "\n".join(x for row in sheet_rows(data)[1] for x in row)
            else:
                paras, tables = docx_lines(data)
                text = "\n".join([p for p, _ in paras] + [c for tb in tables for row in tb for c in row])
            hints = {re.sub(r"^\[กรอก:\s*|\]$", "", m) for m in blanks.marks_in(text) if m != blanks.EXAMPLE_MARK}
            assert hints <= set(templates.sample_answers(item, t, ctx)), item.id
            assert AGENCY in text, item.id


def test_hostile_agency_names_reach_no_file_as_controls_or_formulas() -> None:
    cat = catalogue(2568)
    evil = "=HYPERLINK(\"http://x\")\x1b[2J\u202eองค์การบริหารส่วนตำบลทดสอบ\x00\x07"
    for item_id in ("O12", "O25"):
        item = cat.item(item_id)
        t = item.template
        assert t is not None
        data = templates.render(item, t, ctx_for(item, 2568, evil))
        if t.file_format == "xlsx":
            ws = openpyxl.load_workbook(io.BytesIO(data)).active
            cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
            assert all(c.data_type != "f" for c in cells)
            values = [str(c.value) for c in cells]
        else:
            paras, tables = docx_lines(data)
            values = [p for p, _ in paras] + [c for tb in tables for row in tb for c in row]
        assert not any(re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", v) for v in values)
        assert any("องค์การบริหารส่วนตำบลทดสอบ" in v for v in values)


# ---------------------------------------------------------------- the round trip through `oit-checker check`
