"""The seventy-fifth reviewer's documents (fixtures/pages/review75): the same content in the shapes real agencies
publish (workbooks, Word tables and text boxes, CMS posts, landscape and two-column PDFs). Each verdict was written
before the checker ran (fixtures/pages/review75/README.md says what misled it at the first run); the check day is 15
May."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import case_documents, round_case, round_documents

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review75"
KHOKSUNG = "องค์การบริหารส่วนตำบลโคกสูง"
P, R, F = Status.PASS, Status.REVIEW, Status.FAIL

CASES = [  # file, item, criteria year, status, the non-pass codes it must give
    # pass: FY2568 report workbook: data sheet "ตามข้อบัญญัติ (บาท) | เบิกจ่ายจริง (บาท) | ดำเนินการแล้ว |…
    ("a01_good_o7_workbook_cover_data_summary.xlsx", "O7", 2569, P, set()),
    # fail/review: cover says "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" but the data sheet is "ผลการดำเนินงาน... ประจำปีงบประมาณ…
    ("a02_fail_o7_workbook_data_sheet_last_year.xlsx", "O7", 2569, R, {"body_year_earlier"}),
    # pass: one sheet per month ต.ค.68–มี.ค.69 with all ITA columns; "เดือนมกราคม ๒๕๖๙ ไม่มีการจัดซื้อจัดจ้าง"
    ("a03_good_o11_monthly_workbook.xlsx", "O11", 2569, P, set()),
    # fail/review: headers only; rows 1–15 blank; "ประจำเดือน ............ พ.ศ. ........"
    ("a04_fail_o11_template_rows_only.xlsx", "O11", 2569, R, {"component_empty", "table_unfilled"}),
    # pass: FY2568 summary by method with "ราคาที่ซื้อ/จ้าง (บาท)", monthly counts, "ปัญหาอุปสรรคในการจัดซื้อจัดจ้าง"…
    ("a05_good_o12_annual_procurement_workbook.xlsx", "O12", 2569, P, set()),
    # pass: FY2568 monthly corruption complaint counts, "รวม 1", handled
    ("a06_good_o18_stats_workbook.xlsx", "O18", 2569, P, set()),
    # pass: FY2569 risk table: "เหตุการณ์ความเสี่ยงการทุจริต | โอกาสที่จะเกิด | ผลกระทบ | ระดับความเสี่ยง |…
    ("a07_good_o21_risk_workbook.xlsx", "O21", 2569, P, set()),
    # fail/review: "แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘": a plan, no results, no money spent, no…
    ("a08_fail_o12_procurement_plan_workbook.xlsx", "O12", 2569, F, {"missing_component"}),
    # pass: two-column Word form: ชื่อกระบวนงาน, ช่องทางการให้บริการ, ขั้นตอน, "๑๕ นาทีต่อราย",…
    ("b01_good_o9_docx_two_column_form.docx", "O9", 2569, P, set()),
    # fail/review: the same form with the รายละเอียด column left blank: labels only, no steps, time, fee or documents
    ("b02_fail_o9_docx_form_right_column_blank.docx", "O9", 2569, R, {"component_not_stated"}),
    # pass: political side and ส่วนราชการ tables, key positions, อำนาจหน้าที่ list with Word auto-numbering in Thai…
    ("b03_good_o1_docx_tables_thai_numbering.docx", "O1", 2569, P, set()),
    # pass: HR criteria "ส่วนที่ ๑ หลักเกณฑ์..." + landscape-section plan FY2569: โครงการ | งบประมาณ (บาท) |…
    ("b04_good_o13_docx_landscape_section.docx", "O13", 2569, P, set()),
    # pass: title in a Word text box; declaration signed by นายก "ประกาศ ณ วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๘"; activity…
    ("b05_good_o20_nogift_textbox_title.docx", "O20", 2569, P, set()),
    # pass: FY2568 report table "งบประมาณที่ใช้ (บาท) | ผลการดำเนินงาน", "ปัญหาและอุปสรรค", "ข้อเสนอแนะ"
    ("b06_good_o24_report_docx.docx", "O24", 2569, P, set()),
    # fail: "แผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. ๒๕๖๘": last year's plan, stale
    ("b07_fail_o13_docx_plan_last_year.docx", "O13", 2569, F, {"stale_fiscal_year"}),
    # pass: WordPress category page; 7 news posts dated ๓ พ.ย. ๒๕๖๘ – ๒๘ เม.ย. ๒๕๖๙, one naming "ปีงบประมาณ ๒๕๗๐"
    ("c01_good_o4_cms_category_page.html", "O4", 2569, P, set()),
    # pass: post: "เมื่อวันพฤหัสบดีที่ ๑๒ กุมภาพันธ์ ๒๕๖๙" forum; กำนัน ผู้ใหญ่บ้าน อสม. ๑๒๘ คน;…
    ("c02_good_o19_cms_post_forum.html", "O19", 2569, P, set()),
    # fail/review: post body only "รายละเอียดตามไฟล์แนบ" and a download link; no participants, no results on the page
    ("c03_fail_o19_cms_attachment_only.html", "O19", 2569, F, {"missing_component"}),
    # pass: address, "โทร<br>ศัพท์ ๐ ๔๓๒๙ ๑๒๓๔", e-mail, map, "สอบถามข้อมูลเพิ่มเติมได้ทาง Facebook / LINE Official"
    ("c04_good_o3_contact_nbsp_br.html", "O3", 2569, P, set()),
    # pass: table: photo | name | position | phone for นายก, 2 รองนายก, เลขานุการ
    ("c05_good_o2_executives_html_table.html", "O2", 2569, P, set()),
    # pass: code's standards listed + link; promotion FY2569: order 3 ต.ค. 2568, Do's & Don'ts, training "เมื่อวันที่…
    ("c06_good_o15_cms_post_ethics.html", "O15", 2569, P, set()),
    # pass: corruption complaints: in person, phone, post, box, Google form, e-mail
    ("c07_good_o17_channels_table.html", "O17", 2569, P, set()),
    # fail/review: grievances about roads, lights, water only; corruption named only in the sidebar menu/banner "O17…
    ("c08_fail_o17_general_grievance_page.html", "O17", 2569, F, {"missing_component"}),
    # pass: two-column PDF FY2568: "ดำเนินการแล้ว ... งบประมาณที่ใช้ ... บาท ผลที่ได้รับ", "ปัญหาและอุปสรรค",…
    ("d01_good_o14_pdf_two_column.pdf", "O14", 2569, P, set()),
    # pass: ผด.02 landscape table over pages with repeated header: แผนงาน | โครงการ | งบประมาณ (บาท) | month grid…
    ("d02_good_o6_pdf_landscape_multipage.pdf", "O6", 2569, P, set()),
    # fail/review: same plan with the "งบประมาณ (บาท)" column empty in every row
    ("d03_fail_o6_pdf_landscape_budget_empty.pdf", "O6", 2569, R, {"component_not_stated"}),
    # pass: one-page FY2569 plan: มิติ | โครงการ/กิจกรรม | งบประมาณ (บาท) | ระยะเวลาดำเนินการ
    ("d04_good_o23_compact_one_page.pdf", "O23", 2569, P, set()),
    # pass: title only in a picture; body "แผนบริหารจัดการความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", results…
    ("d05_good_o22_title_in_image.pdf", "O22", 2569, P, set()),
    # fail: "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗": two years back, stale
    ("d06_fail_o14_pdf_two_column_fy2567.pdf", "O14", 2569, F, {"stale_fiscal_year"}),
    # pass: ITA-o12 workbook ปีงบประมาณ 2568, 12 rows with all nine fields; contract dates as Excel dates Oct 2024 –…
    ("e01_good_o12_2568_ita_o12_workbook_dates.xlsx", "O12", 2568, P, set()),
    # fail: the same workbook of ปีงบประมาณ 2567, dates Oct 2023 – Mar 2024: stale
    ("e02_fail_o12_2568_ita_o12_workbook_last_year.xlsx", "O12", 2568, F, {"stale_fiscal_year"}),
    # pass: FY2567 report: "สรุปผลการจัดซื้อจัดจ้าง" table with "ราคาที่ซื้อ/จ้าง (บาท)", "ปัญหา อุปสรรค",…
    ("e03_good_o13_2568_docx_report.docx", "O13", 2568, P, set()),
    # pass: FY2567 HR report workbook: "งบประมาณที่ใช้ (บาท) | ผลการดำเนินงาน | ผลที่ได้รับ", "ปัญหาและอุปสรรค",…
    ("e04_good_o15_2568_hr_report_workbook.xlsx", "O15", 2568, P, set()),
    # pass: post: declaration FY2568 signed by นายก "ประกาศ ณ วันที่ ๒ ตุลาคม พ.ศ. ๒๕๖๗", activity "เมื่อวันที่ ๑๕…
    ("e05_good_o21_2568_cms_post.html", "O21", 2568, P, set()),
    # fail: declaration "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗", signed ๒ ตุลาคม ๒๕๖๖, activity ตุลาคม ๒๕๖๖: stale
    ("e06_fail_o21_2568_cms_post_last_year.html", "O21", 2568, F, {"stale_fiscal_year"}),
    # pass: FY2567 report; 24-row table over two pages with repeated header "เบิกจ่ายจริง (บาท) | ผลการดำเนินงาน |…
    ("e08_good_o7_2568_pdf_table_repeated_header.pdf", "O7", 2568, P, set()),
    # fail: FY2567 procurement report with summary and analysis but no problems and no suggestions
    ("e09_fail_o13_2568_docx_no_problems.docx", "O13", 2568, F, {"missing_component"}),
    # pass: FY2568 anti-corruption plan, landscape section table: งบประมาณ (บาท) | ระยะเวลาดำเนินการ
    ("e10_good_o25_2568_docx_landscape_plan.docx", "O25", 2568, P, set()),
    # pass: FY2567 report workbook: "งบประมาณที่ใช้ (บาท) | ผลการดำเนินงาน", "ปัญหาอุปสรรค", "ข้อเสนอแนะ"
    ("e11_good_o26_2568_report_workbook.xlsx", "O26", 2568, P, set()),
]

# Known gaps, not asserted (fixtures/pages/review75/README.md says why each is left)
KNOWN_GAPS: list[str] = []


@pytest.mark.parametrize(("name", "item", "year", "status", "codes"), CASES, ids=[c[0] for c in CASES])
def test_the_seventy_fifth_reviewers_documents(name: str, item: str, year: int, status: Status,
                                               codes: set[str]) -> None:
    assert round_case(PAGES, name, item, year, KHOKSUNG) == (status, codes)


def test_every_file_is_in_the_cases() -> None:
    assert round_documents(PAGES) == case_documents([c[0] for c in CASES] + KNOWN_GAPS)
