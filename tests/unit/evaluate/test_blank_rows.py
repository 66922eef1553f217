"""Tables left as the form gave them. `unfilled_rows`: numbered rows holding only the form's prompts and dots (a plan
template posted before anyone wrote in it, the eleventh trial's b O25); `empty_cells_columns`: a table of cells whose
column no row fills (a report form with only its projects and planned money). Filled tables, and a complaint form's
numbered fields with their words, are neither."""

from __future__ import annotations

from pathlib import Path

from oit_checker.evaluate.empty import (
    blank_agency,
    blank_fields,
    empty_cells_columns,
    placeholder_fields,
    placeholder_marks,
    unfilled_rows,
    without_hints,
)
from oit_checker.extract import extract
from oit_checker.extract.html import extract_html

ROOT = Path(__file__).resolve().parents[3] / "fixtures"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _pages(path: Path, content_type: str) -> tuple[str, ...]:
    return extract(path.read_bytes(), f"https://www.example.go.th/files/{path.name}", content_type).pages


def test_a_plan_template_posted_unfilled() -> None:
    uploads = ROOT / "assessor_trial" / "eleventh" / "site" / "uploads" / "files"
    rows = unfilled_rows(_pages(uploads / "list_3225" / "files_3225_1.pdf", "application/pdf"))
    assert rows[0] == "1 (ระบุชื่อโครงการ/" and len(rows) == 3
    assert all(r.startswith(("2 ....", "3 ....")) for r in rows[1:])


def test_filled_rows_and_a_forms_worded_fields_are_not() -> None:
    assert unfilled_rows(_pages(ROOT / "pages" / "report_forms" / "filled.pdf", "application/pdf")) == []
    form = "แบบคำร้องเรียน\n1. ชื่อผู้ร้อง ........................\n2. ที่อยู่ ........................\n(ลงชื่อ) ............"
    assert unfilled_rows([form]) == []
    assert unfilled_rows(["1 ....................\nรวม 0 บาท"]) == []  # one row is not a table
    # spare rows under filled ones, even on a later page (a blank form in the appendix); a committee's signature lines
    filled = "ที่ โครงการ งบประมาณ\n1 ก่อสร้างถนน คสล. หมู่ที่ 3 450,000\n2 ขุดลอกคลอง 120,000"
    assert unfilled_rows([filled, "แบบติดตาม\n1 ............ ............\n2 ............ ............"]) == []
    signers = "คณะทำงาน\n1. ....................\n(นายสมศักดิ์ ดีมาก)\nประธาน\n2. ....................\n(นางมาลี ศรีสุข)"
    assert unfilled_rows([signers]) == []


def test_a_report_forms_empty_columns() -> None:
    page = (ROOT / "pages" / "plain_words" / "blank_form_o7.html").read_text(encoding="utf-8")
    [text] = extract_html(page.encode(), "https://www.example.go.th/f.html", "utf-8").pages
    lines = text.split("\n")
    cells = [lines[h][a:b].strip(" |") for h, a, b in empty_cells_columns(text)]
    assert cells == ["เงินที่เบิกจ่าย (บาท)", "ผลที่ได้", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ"]


def test_a_filled_workbook_has_none() -> None:
    book = (ROOT / "assessor_trial" / "tenth" / "site" / "wp-content" / "uploads" / "2026" / "04"
            / "procurement-monthly-2569.xlsx")
    assert [c for page in _pages(book, XLSX) for c in empty_cells_columns(page)] == []


def test_a_web_pages_blank_rows_have_their_cells_apart_by_bars() -> None:
    # review43 b19: an HTML risk-assessment form sent round to the divisions, its rows left as dots
    blank = " | ".join(["." * 30, "." * 6, "." * 6, "." * 6, "." * 30, "." * 12])
    form = "\n".join(["ที่ | เหตุการณ์ความเสี่ยง | โอกาส (๑-๕) | ผลกระทบ (๑-๕) | ระดับความเสี่ยง | แนวทางการป้องกัน",
                      *(f"{n} | {blank}" for n in "๑๒๓")])
    assert len(unfilled_rows([form])) == 3
    filled = form.replace(f"๑ | {blank}", "๑ | ผู้รับจ้างเสนอสินบนแก่กรรมการตรวจรับพัสดุ | ๔ | ๕ | ๒๐ | สุ่มตรวจคุณภาพงาน | กองช่าง")
    assert unfilled_rows([filled]) == []  # a written row: the others are spare


# review67 b17: a procurement summary form with only its heading filled in, its rows a printed method and blanks "……"
_SUMMARY_FORM = "\n".join([
    "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
    "หน่วยงาน องค์การบริหารส่วนตำบลโคกสูง",
    "ที่ วิธีการจัดซื้อจัดจ้าง จำนวนโครงการ งบประมาณที่ใช้จริง (บาท) หมายเหตุ",
    "๑ เฉพาะเจาะจง …… ……", "๒ คัดเลือก …… ……", "๓ e-bidding …… ……", "รวม …… ……",
    "ปัญหาและอุปสรรค " + "." * 40, "แนวทางแก้ไข " + "." * 40,
    "(ลงชื่อ)" + "." * 30 + "ผู้รายงาน", "(" + "." * 30 + ")"])


def test_a_forms_rows_of_a_printed_label_and_blanks() -> None:
    assert unfilled_rows([_SUMMARY_FORM]) == ["๑ เฉพาะเจาะจง …… ……", "๒ คัดเลือก …… ……", "๓ e-bidding …… ……"]
    # one row written, its remarks left dotted: the form is filled, its other rows spare
    filled = _SUMMARY_FORM.replace("๑ เฉพาะเจาะจง …… ……", "๑ เฉพาะเจาะจง ๑๒ ๔๕๐,๐๐๐ ……")
    assert unfilled_rows([filled]) == []


def test_labels_over_dots_are_blank_fields() -> None:
    lines = _SUMMARY_FORM.split("\n")
    labels = [lines[i][a:b].strip() for i, a, b in blank_fields(_SUMMARY_FORM)]
    assert labels == ["รวม", "ปัญหาและอุปสรรค", "แนวทางแก้ไข"]  # not the signature's "(ลงชื่อ)"
    gift = ("ข้าพเจ้า ........ ตำแหน่ง ........\nมูลค่าโดยประมาณ ........ บาท เมื่อวันที่ ........ พ.ศ. ........\n"
            "ลงชื่อ ........ ผู้รายงาน")  # review68 b05: the gift reporting form posted alone
    assert "มูลค่าโดยประมาณ" in [gift.split("\n")[i][a:b].strip() for i, a, b in blank_fields(gift)]
    # written: a value on the line, a contents line's page, a value under a dotted heading
    assert blank_fields("มูลค่าโดยประมาณ ....๒,๐๐๐.... บาท เมื่อวันที่ ....๓.... พ.ศ. ....") == []
    assert blank_fields("ปัญหาอุปสรรค " + "." * 20 + " ๑๒\nข้อเสนอแนะ " + "." * 20 + " ๑๓") == []
    assert blank_fields("ปัญหาอุปสรรค " + "." * 20 + "\nฝนตกชุกทำให้การก่อสร้างล่าช้า\n(ลงชื่อ) ....") == []


def test_a_forms_hint_is_no_statement() -> None:
    # review68 a07: "(กรณีไม่มีให้ระบุว่า ไม่มีเรื่องร้องเรียน)" tells what to write
    page = "ได้รับเรื่องร้องเรียน จำนวน …… เรื่อง (กรณีไม่มีให้ระบุว่า ไม่มีเรื่องร้องเรียน)"
    assert "ไม่มีเรื่องร้องเรียน" not in (without_hints(page) or page)
    assert without_hints("ปีงบประมาณ พ.ศ. ๒๕๖๘ ไม่มีเรื่องร้องเรียนการทุจริต") is None


def test_a_template_filler_is_no_value() -> None:
    # review71 b04: a table and fields of "TBD", "N/A", "[MEASURE NAME]"; its columns are empty, and so is the page
    page = ("มาตรการ | ผลการดำเนินการ | งบประมาณที่ใช้ (บาท) | ปัญหาอุปสรรค | ข้อเสนอแนะ\n"
            "มาตรการที่ ๑ [MEASURE NAME] | TBD | N/A | TBD | TBD\n"
            "มาตรการที่ ๒ [MEASURE NAME] | TBD | N/A | TBD | TBD\n"
            "สรุปผลการดำเนินการ: Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n"
            "ปัญหาอุปสรรค: TBD\nข้อเสนอแนะ: TBD")
    assert len(empty_cells_columns(page)) == 4
    assert [(i, a) for i, a, _ in placeholder_fields(page)] == [(3, 0), (4, 0), (5, 0)]
    assert placeholder_marks([page])[:2] == ["[MEASURE NAME]", "TBD"]
    # "N/A" and an English word in a real table are answers: nothing empty, no template
    real = ("มาตรการ | ผลการดำเนินการ | งบประมาณที่ใช้ (บาท)\n"
            "ประกาศเจตนารมณ์ No Gift Policy | ดำเนินการแล้ว ๑ ครั้ง | N/A\n"
            "อบรมคุณธรรม | ผู้เข้าร่วม ๔๕ คน | ๒๐,๐๐๐")
    assert empty_cells_columns(real) == [] and placeholder_marks([real]) == []


def test_a_sample_whose_agency_is_a_blank() -> None:
    # review71 d04: "(ตัวอย่าง)" over "องค์การบริหารส่วนตำบล.......... อำเภอ.........."; a signature's blank is not
    head = "(ตัวอย่าง)\nแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙\nองค์การบริหารส่วนตำบล.......... อำเภอ.........."
    assert blank_agency([head]) == "องค์การบริหารส่วนตำบล.......... อำเภอ.........."
    signed = "แผนปฏิบัติการป้องกันการทุจริต\nองค์การบริหารส่วนตำบลโคกสูง\n(ลงชื่อ)..........\nนายกองค์การบริหารส่วนตำบล.........."
    assert blank_agency([signed]) is None
