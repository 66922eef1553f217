"""The sixty-third reviewer's documents (fixtures/pages/review63): ordinary good documents of an อบต. swept after the
forty-third session's changes, every item of both catalogues (ITA 2569 and 2568). Each verdict was written before the
checker ran (fixtures/pages/review63/README.md says what misled it at the first run); the day of the check is 15 May
unless a case says otherwise."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import case_documents, round_case, round_documents

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review63"
KHOKSUNG = "องค์การบริหารส่วนตำบลโคกสูง"
P, R, F = Status.PASS, Status.REVIEW, Status.FAIL

CASES = [  # file, item, criteria year, the day of the check, status, the non-pass codes it must give
    # pass: org chart picture + 'โครงสร้างการแบ่งส่วนราชการ' ฝ่ายบริหาร/ฝ่ายสภา/ฝ่ายประจำ with ปลัด and กอง;…
    ("a01_good_o1_structure_page.html", "O1", 2569, date(2026, 5, 15), P, set()),
    # pass: as-of 2026-05-15: the page reused from 2569 is posted in May 2569, corrected after the first run; same…
    ("a01_good_o1_structure_page.html", "O1", 2568, date(2026, 5, 15), P, set()),
    # pass: นายก, 2 รองนายก, เลขานุการนายก, ปลัด, each with photo and 'โทร.'
    ("a02_good_o2_executives_page.html", "O2", 2569, date(2026, 5, 15), P, set()),
    # pass: as-of 2026-05-15: the page reused from 2569 is posted in May 2569, corrected after the first run; same
    ("a02_good_o2_executives_page.html", "O2", 2568, date(2026, 5, 15), P, set()),
    # pass: 'อีเมล :' with 'saraban@khoksung.go.th' on the next line; address, โทรศัพท์, 'ช่องทางการสอบถาม', map; the…
    ("a03_good_o3_contact_email_under_label.html", "O3", 2569, date(2026, 5, 15), P, set()),
    # pass: as-of 2026-05-15: the page reused from 2569 is posted in May 2569, corrected after the first run; same;…
    ("a03_good_o3_contact_email_under_label.html", "O3", 2568, date(2026, 5, 15), P, set()),
    # pass: 5 news of Mar–May 69 dated '๑๒ พ.ค. ๖๙'…; one names the neighbour 'เทศบาลตำบลโคกสูงพัฒนา' in a joint road…
    ("a04_good_o4_news_joint_neighbour.html", "O4", 2569, date(2026, 5, 15), P, set()),
    # pass: 'แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ – ๒๕๗๐)', contents page then วิสัยทัศน์/ยุทธศาสตร์/เป้าประสงค์
    ("a05_good_o5_devplan_contents_first.pdf", "O5", 2569, date(2026, 5, 15), P, set()),
    # pass: 2566–2570 covers 2568
    ("a05_good_o5_devplan_contents_first.pdf", "O5", 2568, date(2025, 5, 15), P, set()),
    # pass: ผด.02 table FY2569: projects, 'งบประมาณ (บาท)', month columns; 'จะดำเนินการในช่วงเดือนมิถุนายน – สิงหาคม…
    ("a06_good_o6_action_plan_2569.docx", "O6", 2569, date(2026, 5, 15), P, set()),
    # pass: FY2568 town report 'สำนักปลัด (งานนโยบายและแผน) ผู้รวบรวม', contents page, sections per กอง,…
    ("a07_good_o7_palad_compiled_divisions.pdf", "O7", 2569, date(2026, 5, 15), P, set()),
    # pass: คู่มือการปฏิบัติงาน งานจัดเก็บภาษี, 'ขั้นตอนการปฏิบัติงาน' table, flow chart
    ("a08_good_o8_manual_tax.pdf", "O8", 2569, date(2026, 5, 15), P, set()),
    # pass: same
    ("a08_good_o8_manual_tax.pdf", "O8", 2568, date(2025, 5, 15), P, set()),
    # pass: เบี้ยยังชีพ: ช่องทาง, ขั้นตอน, 'ระยะเวลาดำเนินการรวม ๒ วันทำการ', 'เอกสารที่ต้องใช้', 'ค่าธรรมเนียม :…
    ("a09_good_o9_service_guide.html", "O9", 2569, date(2026, 5, 15), P, set()),
    # pass: as-of 2026-05-15: the page reused from 2569 is posted in May 2569, corrected after the first run; same
    ("a09_good_o9_service_guide.html", "O9", 2568, date(2026, 5, 15), P, set()),
    # pass: 3 Google Forms 'แบบคำร้อง…', 'กรอกแบบฟอร์มคำร้องออนไลน์'
    ("a10_good_o10_eservice.html", "O10", 2569, date(2026, 5, 15), P, set()),
    # pass: as-of 2026-05-15: the page reused from 2569 is posted in May 2569, corrected after the first run; same
    ("a10_good_o10_eservice.html", "O10", 2568, date(2026, 5, 15), P, set()),
    # pass: one sheet per month ต.ค.68–เม.ย.69, 'เดือนธันวาคม ๒๕๖๘ ไม่มีการจัดซื้อจัดจ้าง', all สขร.1 columns
    ("a11_good_o11_monthly_xlsx.xlsx", "O11", 2569, date(2026, 5, 15), P, set()),
    # pass: FY2568 summary by method, 'ใช้จ่ายจริง', 'ปัญหาอุปสรรค', 'แนวทางแก้ไข'
    ("a12_good_o12_annual_procurement.pdf", "O12", 2569, date(2026, 5, 15), P, set()),
    # pass: 'หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล' + FY2569 projects, 'งบประมาณ (บาท)', 'ระยะเวลาดำเนินการ'
    ("a13_good_o13_hr_plan_criteria.pdf", "O13", 2569, date(2026, 5, 15), P, set()),
    # pass: FY2568 HR report 'สำนักปลัด (งานการเจ้าหน้าที่) ผู้จัดทำ', 'เบิกจ่ายจริง', 'ปัญหา/อุปสรรค',…
    ("a14_good_o14_hr_report_palad.docx", "O14", 2569, date(2026, 5, 15), P, set()),
    # pass: code link + 'เมื่อวันที่ ๒๐ กุมภาพันธ์ ๒๕๖๙ … จัดกิจกรรมเผยแพร่ประมวลจริยธรรม'
    ("a15_good_o15_ethics_promotion.html", "O15", 2569, date(2026, 5, 15), P, set()),
    # pass: scope: corruption by the อบต.'s staff; 'ผู้ร้องยังสามารถร้องเรียนโดยตรงต่อสำนักงาน ป.ป.ช. ……
    ("a16_good_o16_guideline_nacc_also.pdf", "O16", 2569, date(2026, 5, 15), P, set()),
    # pass: same item in 2568
    ("a16_good_o16_guideline_nacc_also.pdf", "O17", 2568, date(2025, 5, 15), P, set()),
    # pass: 'ทุจริต เรียกรับสินบน'; walk-in, box, phone, online form, Facebook
    ("a17_good_o17_channel.html", "O17", 2569, date(2026, 5, 15), P, set()),
    # pass: as-of 2026-05-15: the page reused from 2569 is posted in May 2569, corrected after the first run; same
    ("a17_good_o17_channel.html", "O18", 2568, date(2026, 5, 15), P, set()),
    # pass: letter 'เรียน นายอำเภอภูเวียง' from the อบต., FY2568 stats table: ทุจริต 1 เรื่อง ดำเนินการแล้วเสร็จ;…
    ("a18_good_o18_stats_letter_district.pdf", "O18", 2569, date(2026, 5, 15), P, set()),
    # pass: 'เมื่อวันที่ ๑๗ มีนาคม ๒๕๖๙ … ประชาคมตำบล … ผู้ใหญ่บ้าน … อสม.', 'ผลการประชุม ที่ประชุมเห็นชอบ';…
    ("a19_good_o19_prachakom_results.html", "O19", 2569, date(2026, 5, 15), P, set()),
    # pass: ประกาศเจตนารมณ์ FY2569 signed นายกองค์การบริหารส่วนตำบลโคกสูง, 'โดยธรรมจรรยา … แบบรายงานการรับทรัพย์สิน',…
    ("a20_good_o20_nogift_declaration.pdf", "O20", 2569, date(2026, 5, 15), P, set()),
    # pass: FY2569 corruption risks with โอกาส/ผลกระทบ/ระดับ, มาตรการป้องกัน
    ("a21_good_o21_risk_assessment.pdf", "O21", 2569, date(2026, 5, 15), P, set()),
    # pass: FY2568 report on corruption risk measures: ผลการดำเนินการ, 'งบประมาณที่ใช้ … ไม่ใช้งบประมาณ',…
    ("a22_good_o22_risk_report.pdf", "O22", 2569, date(2026, 5, 15), P, set()),
    # pass: FY2569 plan by 4 มิติ, 'งบประมาณ (บาท)', 'ระยะเวลาดำเนินการ'
    ("a23_good_o23_anticorruption_plan.docx", "O23", 2569, date(2026, 5, 15), P, set()),
    # pass: covering letter to นายอำเภอภูเวียง + FY2568 report table 'เบิกจ่ายจริง', 'ปัญหา/อุปสรรค', 'แนวทางแก้ไข'
    ("a24_good_o24_report_letter_district.pdf", "O24", 2569, date(2026, 5, 15), P, set()),
    # pass: 'ผลการวิเคราะห์ผลการประเมิน…ปี ๒๕๖๘', จุดแข็ง/จุดอ่อน; มาตรการ, ขั้นตอน/วิธีดำเนินการ, ผู้รับผิดชอบ,…
    ("a25_good_o25_ita_improvement.pdf", "O25", 2569, date(2026, 5, 15), P, set()),
    # pass: FY2568 integrity-measure report: results, 'งบประมาณที่ใช้', ปัญหาอุปสรรค, แนวทางแก้ไข
    ("a26_good_o26_integrity_report.docx", "O26", 2569, date(2026, 5, 15), P, set()),
    # pass: one landscape page ผด.02 FY2568 with month grid ต.ค.๖๗–ก.ย.
    ("b01_good_o6_plan_2568_compact.pdf", "O6", 2568, date(2025, 5, 15), P, set()),
    # pass: FY2567 report compiled by สำนักปลัด, per division, 'ข้อเสนอแนะ/แนวทางแก้ไข'
    ("b02_good_o7_report_2567_palad.pdf", "O7", 2568, date(2025, 5, 15), P, set()),
    # pass: service statistics FY2568 ต.ค.๖๗–เม.ย.๖๘ per month, counts
    ("b03_good_o11_service_stats.html", "O11", 2568, date(2025, 5, 15), P, set()),
    # pass: month rows ต.ค.67–เม.ย.68, 'ธ.ค. 67 ไม่มีการจัดซื้อจัดจ้าง', price, method, vendor, e-GP no., source,…
    ("b04_good_o12_procurement_2568.pdf", "O12", 2568, date(2025, 5, 15), P, set()),
    # pass: FY2567 annual procurement report, 'เบิกจ่ายแล้ว', 'ปัญหาที่เกิดขึ้น', 'แนวทางแก้ไข'
    ("b05_good_o13_procurement_report_2567.pdf", "O13", 2568, date(2025, 5, 15), P, set()),
    # pass: HR plan FY2568 projects, budget, period
    ("b06_good_o14_hr_plan_2568.pdf", "O14", 2568, date(2025, 5, 15), P, set()),
    # pass: FY2567 HR report with a row per ส่วนราชการ; signed ปลัด ผู้รายงาน
    ("b07_good_o15_hr_report_2567_divisions.pdf", "O15", 2568, date(2025, 5, 15), P, set()),
    # pass: code summary + 'เมื่อวันที่ ๑๔ มีนาคม ๒๕๖๘ จัดโครงการอบรม…เผยแพร่ประมวลจริยธรรม'
    ("b08_good_o16_ethics_2568.docx", "O16", 2568, date(2025, 5, 15), P, set()),
    # pass: quarterly table FY2567 all ๐, 'ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ'
    ("b09_good_o19_stats_none_2567.html", "O19", 2568, date(2025, 5, 15), P, set()),
    # pass: hearing 25 Feb 68, ประชาชน ผู้ใหญ่บ้าน อสม., 'ผลการรับฟังความคิดเห็น'
    ("b10_good_o20_participation_2568.html", "O20", 2568, date(2025, 5, 15), P, set()),
    # pass: link to the FY2568 declaration 'ลงนามโดย … นายกองค์การบริหารส่วนตำบลโคกสูง', activity 2 Oct 67
    ("b11_good_o21_nogift_2568.html", "O21", 2568, date(2025, 5, 15), P, set()),
    # pass: FY2568 gift report table 'ไม่มี' + 'ไม่มีผู้บริหารหรือเจ้าหน้าที่รายงานการรับทรัพย์สิน'
    ("b12_good_o22_gift_report_nil.pdf", "O22", 2568, date(2025, 5, 15), P, set()),
    # pass: FY2568 bribery risks, ระดับความเสี่ยง, มาตรการป้องกัน
    ("b13_good_o23_bribery_risk_2568.pdf", "O23", 2568, date(2025, 5, 15), P, set()),
    # pass: FY2568 6-month report on corruption risk measures; current item, first half is this year's data
    ("b14_good_o24_risk_report_6m.pdf", "O24", 2568, date(2025, 5, 15), P, set()),
    # pass: FY2568 plan, budget, period, ผู้รับผิดชอบ
    ("b15_good_o25_anticorruption_plan_2568.xlsx", "O25", 2568, date(2025, 5, 15), P, set()),
    # pass: ITA 2567 analysis, measures with วิธีการ/ผู้ดำเนินการ/ระยะเวลาดำเนินการ/งบประมาณ,…
    ("b16_good_o27_measures_2568.pdf", "O27", 2568, date(2025, 5, 15), P, set()),
    # pass: FY2567 integrity report: results, งบประมาณที่ใช้, ปัญหา/อุปสรรค, แนวทางแก้ไข
    ("b17_good_o28_integrity_report_2567.pdf", "O28", 2568, date(2025, 5, 15), P, set()),
    # pass: FY2567 anti-corruption plan report page: ใช้จ่ายจริง, ผลการดำเนินการ, ปัญหาอุปสรรค, แนวทางแก้ไข
    ("b18_good_o26_report_2567.html", "O26", 2568, date(2025, 5, 15), P, set()),
    # fail/review: declaration 'ข้าพเจ้า ปลัดองค์การบริหารส่วนตำบลโคกสูง … ขอประกาศเจตนารมณ์', signed by the ปลัด…
    ("x01_fail_o20_declaration_signed_palad.pdf", "O20", 2569, date(2026, 5, 15), F, {"missing_component"}),
    # fail/review: code present, but the only promotion is 'กำหนดจัดโครงการอบรม … ในวันที่ ๑๙ มิถุนายน ๒๕๖๙', after…
    ("x02_fail_o15_promotion_to_come.html", "O15", 2569, date(2026, 5, 15), R, {"component_doubted"}),
    # fail/review: 'ขอเชิญ … ร่วมประชุมประชาคม … ในวันที่ ๒๗ พฤษภาคม ๒๕๖๙'; no result — 'ผลการดำเนินการ'/'สรุปผล'…
    ("x03_fail_o19_invitation_only.html", "O19", 2569, date(2026, 5, 15), R, {"component_doubted"}),
    # fail: one officer's training report 'ข้าพเจ้า นางสาวศิริวรรณ คำมูล … ได้เข้ารับการอบรมแล้ว', 9,800 บาท; not the…
    ("x04_fail_o14_one_officer_training.pdf", "O14", 2569, date(2026, 5, 15), F, {"missing_component"}),
    # fail: intro only; projects 'รายละเอียดตามบัญชีโครงการ/กิจกรรม (ผด.๐๑ และ ผด.๐๒) ที่แนบท้ายประกาศนี้' not…
    ("x05_fail_o6_projects_in_missing_annex.pdf", "O6", 2569, date(2026, 5, 15), F, {"missing_component"}),
    # fail/review: only 'แบบสอบถามความพึงพอใจการให้บริการ' — a satisfaction survey, no service request online
    ("x06_fail_o10_survey_only.html", "O10", 2568, date(2025, 5, 15), R, {"no_online_channel"}),
    # fail: 'สรุปผลการดำเนินการจัดซื้อจัดจ้าง ประจำเดือนกันยายน ๒๕๖๘': one month, not the FY2568 annual summary
    ("x07_fail_o12_september_only.pdf", "O12", 2569, date(2026, 5, 15), F, {"part_year_report"}),
    # fail: risk report on 'อุทกภัย', 'ภัยแล้ง', 'อัคคีภัย' under internal control standards: no corruption risk at…
    ("x08_fail_o22_flood_risk_report.pdf", "O22", 2569, date(2026, 5, 15), F, {"missing_component"}),
]

# Known gaps, not asserted (fixtures/pages/review63/README.md says why each is left)
KNOWN_GAPS: list[str] = []


@pytest.mark.parametrize(("name", "item", "year", "day", "status", "codes"), CASES, ids=[c[0] for c in CASES])
def test_the_fifty_fourth_reviewers_documents(name: str, item: str, year: int, day: date, status: Status,
                                              codes: set[str]) -> None:
    assert round_case(PAGES, name, item, year, KHOKSUNG, day) == (status, codes)


def test_every_file_is_in_the_cases() -> None:
    assert round_documents(PAGES) == case_documents([c[0] for c in CASES] + KNOWN_GAPS)
