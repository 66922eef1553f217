"""The seventy-seventh reviewer's documents (fixtures/pages/review77): the basic-information items O1–O10 of ITA 2569
at a เทศบาลตำบล (org charts, executives, contacts, news, plans, manuals, E-Service as a small town publishes them).
Each verdict was written before the checker ran (fixtures/pages/review77/README.md says what misled it at the first
run); the check day is 15 May."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import case_documents, round_case, round_documents

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review77"
NONGRUEA = "เทศบาลตำบลหนองเรือ"
P, R, F = Status.PASS, Status.REVIEW, Status.FAIL

CASES = [  # file, item, criteria year, status, the non-pass codes it must give
    # pass: one-page chart: ฝ่ายการเมือง/ฝ่ายประจำ boxes with names, ปลัดเทศบาล, ผู้อำนวยการกองคลัง…, and…
    ("a01_good_o1_onepage_chart_names_duties.pdf", "O1", 2569, P, set()),
    # pass: "โครงสร้างการแบ่งส่วนราชการ" with ฝ่ายการเมือง, ฝ่ายประจำ, ปลัดเทศบาล, table ส่วนราชการ |…
    ("a03_good_o1_docx_unit_table.docx", "O1", 2569, P, set()),
    # fail/review: chart with names only; no duties or powers stated anywhere
    ("a04_fail_o1_chart_only_no_duties.pdf", "O1", 2569, F, {"missing_component"}),
    # pass: photo cards: นายประสิทธิ์ แก้วมณี นายกเทศมนตรีตำบลหนองเรือ โทร. ๐๘๑-๗๕๔-๒๒๐๑, two รองนายกเทศมนตรี each…
    ("b01_good_o2_photo_cards.html", "O2", 2569, P, set()),
    # pass: ทำเนียบผู้บริหาร table: name, position, own phone and e-mail per executive; data ณ 1 มิ.ย. 2568 = current…
    ("b02_good_o2_pdf_directory_table.pdf", "O2", 2569, P, set()),
    # pass: current team "ได้รับเลือกตั้งเมื่อวันที่ ๑๑ พฤษภาคม ๒๕๖๘"; cards "นายกฯ", "รองนายกฯ คนที่ ๑/๒" each with…
    ("b03_good_o2_cards_new_term_note.html", "O2", 2569, P, set()),
    # fail/review: executives "วาระการดำรงตำแหน่ง พ.ศ. ๒๕๖๔ – ๒๕๖๘", updated ม.ค. ๒๕๖๗: previous term, not the team…
    ("b04_fail_o2_previous_term.html", "O2", 2569, R, {"term_ended"}),
    # fail/review: names and positions but no contact channel at all, no footer either
    ("b05_fail_o2_no_contact.html", "O2", 2569, F, {"missing_component"}),
    # pass: address, โทรศัพท์ ๐๔๓-๒๙๔-๑๒๓, อีเมล saraban@…, Google map, "สอบถามข้อมูลได้ทาง LINE Official"
    ("c01_good_o3_footer_style.html", "O3", 2569, P, set()),
    # pass: address, "โทร ๐-๔๓๒๙-๔๑๒๓", E-mail, and a contact web form "ฝากข้อความถึงเทศบาล" answered "ภายใน ๓…
    ("c02_good_o3_webform_write_to_us.html", "O3", 2569, P, set()),
    # pass: ที่ตั้ง, โทรศัพท์, โทรสาร, อีเมล, "ศูนย์รับเรื่องราวร้องทุกข์/สอบถามข้อมูล โทร ……
    ("c03_good_o3_pdf_onepage_thai_digits.pdf", "O3", 2569, P, set()),
    # fail/review: "อีเมล : -" and no enquiry channel
    ("c04_fail_o3_email_dash_no_enquiry.html", "O3", 2569, F, {"component_said_none", "missing_component"}),
    # pass: own news dated "๑๒ พ.ค. ๖๙" … "๒๕ พ.ย. ๖๘", all FY2569
    ("d01_good_o4_news_list_dated.html", "O4", 2569, P, set()),
    # pass: CMS posts "2026-05-12 09:40" … "2026-01-09", all FY2569
    ("d02_good_o4_cms_iso_dates.html", "O4", 2569, P, set()),
    # fail: newest post "๒๐ เม.ย. ๖๘" = FY2568; nothing in FY2569
    ("d03_fail_o4_newest_a_year_old.html", "O4", 2569, F, {"stale_fiscal_year"}),
    # pass: "แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ – ๒๕๗๐)" covers 2569; cover, contents and ส่วนที่ ๓ with วิสัยทัศน์,…
    ("e01_good_o5_cover_toc_chapter.pdf", "O5", 2569, P, set()),
    # pass: แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570), vision, mission, strategy table with…
    ("e02_good_o5_docx_strategy_table.docx", "O5", 2569, P, set()),
    # fail: "แผนพัฒนาท้องถิ่นสี่ปี (พ.ศ. ๒๕๖๑ – ๒๕๖๔)": does not cover 2569
    ("e03_fail_o5_plan_2561_2564.pdf", "O5", 2569, F, {"stale_fiscal_year"}),
    # pass: "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", projects, งบประมาณ (บาท), month columns ต.ค. ๖๘ … ก.ย. ๖๙
    ("f01_good_o6_pdf_landscape_pd02.pdf", "O6", 2569, P, set()),
    # pass: "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", table โครงการ | งบประมาณ | ผู้รับผิดชอบ | ระยะเวลา "ม.ค. –…
    ("f02_good_o6_html_compact_plan.html", "O6", 2569, P, set()),
    # fail: "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘": previous year's plan
    ("f03_fail_o6_plan_fy2568_stale.pdf", "O6", 2569, F, {"stale_fiscal_year"}),
    # pass: รายงานผลการดำเนินงาน FY2568: projects, เบิกจ่าย (บาท), "ดำเนินการแล้วเสร็จ", ปัญหาและอุปสรรค, ข้อเสนอแนะ
    ("g01_good_o7_pdf_annual_report_2568.pdf", "O7", 2569, P, set()),
    # pass: ผลการดำเนินงานประจำปี ๒๕๖๘: table งบที่ตั้งไว้ | ใช้จริง | ผล, "ปัญหาที่พบ", "แนวทางแก้ไข"
    ("g02_good_o7_html_compact_plain.html", "O7", 2569, P, set()),
    # pass: prose report FY2568: "ดำเนินการแล้วเสร็จ ๑๒ โครงการ ใช้งบประมาณ ๙,๘๒๐,๐๐๐ บาท", ปัญหาอุปสรรค, ข้อเสนอแนะ
    ("g03_good_o7_docx_prose_report.docx", "O7", 2569, P, set()),
    # fail/review: รายงานการประชุมสภาเทศบาล สมัยสามัญ ๑/๒๕๖๙: minutes, not the performance report; only one line…
    ("g04_fail_o7_council_meeting_minutes.pdf", "O7", 2569, F, {"fiscal_year_mismatch", "missing_component"}),
    # pass: คู่มือการปฏิบัติงาน งานจัดเก็บภาษีที่ดินฯ: วัตถุประสงค์, ขอบเขต, ขั้นตอน table with…
    ("h01_good_o8_tax_manual_2pages.pdf", "O8", 2569, P, set()),
    # pass: คู่มือปฏิบัติงาน การจัดการเรื่องร้องเรียน: table ลำดับ | สิ่งที่ต้องทำ | ผู้ทำ | ภายใน,…
    ("h02_good_o8_docx_complaint_manual.docx", "O8", 2569, P, set()),
    # fail: cover and สารบัญ only; no steps
    ("h03_fail_o8_cover_and_toc_only.pdf", "O8", 2569, F, {"cover_only", "missing_component"}),
    # pass: standard คู่มือสำหรับประชาชน: ช่องทาง, ขั้นตอน ระยะเวลา ๔๐ นาที, เอกสาร, "ค่าธรรมเนียม ไม่มีค่าธรรมเนียม"
    ("i01_good_o9_standard_form_pension.pdf", "O9", 2569, P, set()),
    # pass: table บริการ | ขั้นตอน | ใช้เวลา | ค่าธรรมเนียม | เอกสารที่ต้องใช้ | ติดต่อที่, fees "ไม่มี", "ฟรี", "๒๐…
    ("i02_good_o9_html_service_table.html", "O9", 2569, P, set()),
    # fail/review: ขออนุญาตก่อสร้างอาคาร manual: steps and documents but no fee and no time stated
    ("i03_fail_o9_no_fee_no_time.pdf", "O9", 2569, F, {"missing_component"}),
    # pass: links to forms.gle: "แจ้งซ่อมไฟฟ้าสาธารณะ", "ขอรับน้ำอุปโภคบริโภค"; "ยื่นคำร้องออนไลน์ได้ตลอด ๒๔ ชั่วโมง"
    ("j01_good_o10_google_form_links.html", "O10", 2569, P, set()),
    # pass: embedded docs.google.com/forms iframe under "บริการออนไลน์ / แบบคำร้องทั่วไป (ออนไลน์)"
    ("j02_good_o10_embedded_google_form.html", "O10", 2569, P, set()),
    # fail/review: only a link to the Facebook page; no online service
    ("j03_fail_o10_facebook_only.html", "O10", 2569, R, {"no_online_channel"}),
    # fail/review: PDF forms to print "แล้วนำมายื่นที่สำนักงาน"; no online submission
    ("j04_fail_o10_pdf_forms_download.html", "O10", 2569, R, {"component_doubted", "no_online_channel"}),
]

# Known gaps, not asserted (fixtures/pages/review77/README.md says why each is left)
KNOWN_GAPS: list[str] = [
    "a02_good_o1_html_powers_list_units.html",  # assessor: pass; the checker: review
]


@pytest.mark.parametrize(("name", "item", "year", "status", "codes"), CASES, ids=[c[0] for c in CASES])
def test_the_seventy_seventh_reviewers_documents(name: str, item: str, year: int, status: Status,
                                                 codes: set[str]) -> None:
    assert round_case(PAGES, name, item, year, NONGRUEA) == (status, codes)


def test_every_file_is_in_the_cases() -> None:
    assert round_documents(PAGES) == case_documents([c[0] for c in CASES] + KNOWN_GAPS)
