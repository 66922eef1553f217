"""The sixty-eighth reviewer's documents (fixtures/pages/review68): reports that honestly say "none" — no complaints,
no gifts, no cases — beside blank forms and "none" where a part must exist, both years. Each verdict was written
before the checker ran (fixtures/pages/review68/README.md says what misled it at the first run); the check day is 15
May."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import case_documents, round_case, round_documents

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review68"
KHOKSUNG = "องค์การบริหารส่วนตำบลโคกสูง"
P, R, F = Status.PASS, Status.REVIEW, Status.FAIL

CASES = [  # file, item, criteria year, status, the non-pass codes it must give
    # pass: FY2568 whole-year table, 12 months of ๐, "ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ… (จำนวน ๐…
    ("a01_good_o18_zero_table_fy68.pdf", "O18", 2569, P, set()),
    # pass: compact page "ปีงบประมาณ ๒๕๖๘ (ต.ค. ๖๗ – ก.ย. ๖๘)… ได้รับทั้งหมด : ๐ เรื่อง",…
    ("a02_good_o18_compact_counts.html", "O18", 2569, P, set()),
    # pass: table by channel of "-" cells, "รวม | ไม่มี", period "๑ ต.ค. ๖๗ – ๓๐ ก.ย. ๖๘", signed นายก
    ("a03_good_o18_by_channel_docx.docx", "O18", 2569, P, set()),
    # pass: FY2567 workbook, four quarters of 0 "เรื่องร้องเรียนการทุจริต (เรื่อง)", "ไม่มีผู้ร้องเรียนการทุจริต"
    ("a04_good_o19_2568_quarters_zero.xlsx", "O19", 2568, P, set()),
    # pass: memo to นายก: register checked 1 ต.ค. 66 – 30 ก.ย. 67 "ไม่ปรากฏว่ามีเรื่องร้องเรียนการทุจริต… ๐ เรื่อง",…
    ("a05_good_o19_2568_nil_memo.pdf", "O19", 2568, P, set()),
    # fail: zero report of "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗": two years old for 2569, which wants FY2568
    ("a06_fail_o18_stale_fy67_zero.pdf", "O18", 2569, F, {"stale_fiscal_year"}),
    # fail/review: blank form "จำนวน …… เรื่อง", monthly table with empty cells, "ลงชื่อ ...."
    ("a07_fail_o18_blank_template.html", "O18", 2569, R, {"component_not_stated"}),
    # fail: "รอบ ๖ เดือน (๑ ตุลาคม ๒๕๖๗ – ๓๑ มีนาคม ๒๕๖๘)": half of FY2568 for an item wanting the whole previous year
    ("a08_fail_o18_half_year_zero.pdf", "O18", 2569, F, {"part_year_report"}),
    # fail: general grievances "ถนน/ไฟฟ้า/ขยะ" 31 เรื่อง; never corruption; "เรื่องร้องเรียนอื่น : ไม่มี"
    ("a09_fail_o19_2568_grievances_not_corruption.pdf", "O19", 2568, F, {"missing_component"}),
    # pass: FY2569 declaration signed นายก, "๖ ต.ค. ๖๘ … มอบนโยบาย… ๓๘ คน", gift report table ต.ค. ๖๘–มี.ค. ๖๙ all ๐…
    ("b01_good_o20_decl_activity_nil_gift_report.pdf", "O20", 2569, P, set()),
    # pass: compact page: declaration ๒๕๖๙ signed นายก, "๒ ต.ค. ๖๘ … ๔๑ คน ร่วมกล่าวคำปฏิญาณ", "ต.ค. ๖๘ – มี.ค. ๖๙ :…
    ("b02_good_o20_compact_page_nil.html", "O20", 2569, P, set()),
    # pass: gift report FY2568 table "- ไม่มี -", "ไม่มีบุคลากรรายใดรับทรัพย์สิน…", signed
    ("b03_good_o22_2568_nil_table.pdf", "O22", 2568, P, set()),
    # pass: nil report in own words: "ผลการรายงาน : ไม่มีผู้รายงาน (๐ ราย)", "ไม่มีผู้ยื่นแบบรายงานการรับของขวัญ"
    ("b04_good_o22_2568_no_reporter_words.html", "O22", 2568, P, set()),
    # fail/review: blank reporting form: "ข้าพเจ้า ……… ผู้ให้ ……… มูลค่า ……… บาท", no report
    ("b05_fail_o22_2568_blank_form.pdf", "O22", 2568, R, {"component_empty"}),
    # fail: only a nil gift report signed by ปลัด; no No Gift declaration, no culture activity
    ("b06_fail_o20_nil_gift_report_only.pdf", "O20", 2569, F, {"missing_component"}),
    # pass: FY2568 declaration signed นายก 1 ต.ค. 67, activity "เมื่อวันที่ ๔ ตุลาคม ๒๕๖๗ … ๓๖ คน",…
    ("b07_good_o21_2568_decl_activity_nil.pdf", "O21", 2568, P, set()),
    # fail: declaration "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" of 1 ต.ค. 67, activity 4 ต.ค. 67, nil report ต.ค. 67 – ก.ย. 68:…
    ("b08_fail_o20_last_year_decl_nil.pdf", "O20", 2569, F, {"stale_fiscal_year"}),
    # pass: ITA-o11 workbook, months without purchase as a row "ไม่มีการจัดซื้อจัดจ้าง" with "-"
    ("c02_good_o11_workbook_dash_months.xlsx", "O11", 2569, P, set()),
    # fail: "ตุลาคม ๒๕๖๗ – มีนาคม ๒๕๖๘" all "ไม่มีการจัดซื้อจัดจ้าง": FY2568, not FY2569
    ("c03_fail_o11_last_year_all_nil.pdf", "O11", 2569, F, {"missing_component", "stale_fiscal_year"}),
    # pass: FY2568 ต.ค. ๖๗ – มี.ค. ๖๘ month rows, Nov/Dec/Feb "ไม่มีการจัดซื้อจัดจ้าง"
    ("c04_good_o12_2568_first_half_nil_months.html", "O12", 2568, P, set()),
    # pass: FY2568 by method, e-bidding and คัดเลือก rows "-", total row, "ไม่พบปัญหาอุปสรรค", suggestions
    ("c05_good_o12_annual_dash_methods.pdf", "O12", 2569, P, set()),
    # pass: FY2567 method table with "-" row, "ปัญหาอุปสรรค : ไม่มี", "ข้อเสนอแนะ : ควรเร่งรัด…"
    ("c06_good_o13_2568_problems_none.docx", "O13", 2568, P, set()),
    # fail: method table and "ปัญหาอุปสรรค : ไม่มี" but no suggestions/remedies at all
    ("c07_fail_o12_problems_none_no_suggestions.pdf", "O12", 2569, F, {"missing_component"}),
    # pass: FY2568 risk report: 3 risks "ดำเนินการแล้ว… ไม่พบการเรียกรับเงิน", "ไม่ใช้งบประมาณ"/2,400,…
    ("d01_good_o22_risk_report_no_incident.pdf", "O22", 2569, P, set()),
    # pass: FY2568 current report, "ดำเนินการแล้ว", "ผลที่ได้รับ : ไม่พบเหตุการณ์ความเสี่ยง", "งบประมาณที่ใช้ :…
    ("d02_good_o24_2568_risk_report_nothing_happened.pdf", "O24", 2568, P, set()),
    # fail: "ไม่พบความเสี่ยง… จึงไม่มีผลการดำเนินการที่ต้องรายงาน", every part "ไม่มี"
    ("d03_fail_o22_no_risk_nothing_done.pdf", "O22", 2569, F, {"missing_component"}),
    # pass: FY2568 plan report 4/4 projects, "ไม่มีเรื่องร้องเรียนการทุจริต", money, "ปัญหาและอุปสรรค : ไม่มี",…
    ("d04_good_o24_anticorruption_report_no_complaints.pdf", "O24", 2569, P, set()),
    # pass: FY2568 measures with results "ไม่มีผู้รายงานกรณีผลประโยชน์ทับซ้อน", "ไม่ใช้งบประมาณ", "ไม่พบปัญหา",…
    ("d05_good_o26_integrity_report_no_coi.html", "O26", 2569, P, set()),
    # fail: "มาตรการ : ไม่มี เนื่องจากผลการประเมินผ่านเกณฑ์", steps/responsible/period "-"
    ("d06_fail_o25_measures_none.pdf", "O25", 2569, F, {"component_empty", "missing_component"}),
    # fail: every process "ไม่พบ | - | ไม่มี", "ไม่ได้กำหนดมาตรการ": no risk level, no measures
    ("d07_fail_o23_2568_no_risk_no_measures.pdf", "O23", 2568, R, {"component_empty"}),
    # pass: FY2568 HR report with results, money, "ไม่มีการดำเนินการทางวินัย", problems, suggestions
    ("d08_good_o14_hr_report_no_discipline.docx", "O14", 2569, P, set()),
    # pass: address, phone, "อีเมล : saraban@khoksung.go.th"; only "โทรสาร : -" and "LINE Official : ไม่มี" are none;…
    ("e01_good_o3_fax_line_none.html", "O3", 2569, P, set()),
    # pass: agency e-mails saraban@/finance@; only กองช่าง "ไม่มี (ใช้อีเมลสำนักปลัด)"
    ("e02_good_o3_one_unit_email_none.html", "O3", 2569, P, set()),
    # fail: "อีเมล : ไม่มี": the agency has no e-mail
    ("e03_fail_o3_email_none.html", "O3", 2569, F, {"component_said_none"}),
    # fail/review: only walk-in and box; "โทรศัพท์ : -", "อีเมล : ไม่มี", "ร้องเรียนออนไลน์ : ยังไม่เปิดให้บริการ",…
    ("e04_fail_o17_remote_channels_none.html", "O17", 2569, R, {"component_said_none"}),
    # fail: "ระบบ E-Service : ไม่มี (อยู่ระหว่างจัดทำ)", apply in person
    ("e06_fail_o10_eservice_none.html", "O10", 2569, F, {"component_said_none"}),
    # pass: forum "เมื่อวันที่ ๑๒ กุมภาพันธ์ ๒๕๖๙" 86 people, "ไม่มีผู้คัดค้าน… ที่ประชุมมีมติเห็นชอบ"; online…
    ("f01_good_o19_hearing_no_objection_online_none.pdf", "O19", 2569, P, set()),
    # pass: FY2568 counts per service and month, two services all ๐
    ("f02_good_o11_2568_service_stats_zero_rows.html", "O11", 2568, P, set()),
    # fail: "ยังไม่มีการจัดเวทีประชาคมหรือกิจกรรมรับฟังความคิดเห็น", "ผลการดำเนินการ : ไม่มี"
    ("f03_fail_o19_nothing_held.pdf", "O19", 2569, F, {"component_empty", "missing_component"}),
    # pass/review: FY2568 results 47/49, money; "ปัญหาและอุปสรรค : ไม่มี", "ข้อเสนอแนะ : ไม่มี" though 2 projects…
    ("f04_passreview_o7_problems_and_suggestions_none.pdf", "O7", 2569, P, set()),
]

# Known gaps, not asserted (fixtures/pages/review68/README.md says why each is left)
KNOWN_GAPS: list[str] = [
    "c01_good_o11_monthly_nil_months.pdf",  # assessor: pass; the checker: review
]


@pytest.mark.parametrize(("name", "item", "year", "status", "codes"), CASES, ids=[c[0] for c in CASES])
def test_the_sixty_eighth_reviewers_documents(name: str, item: str, year: int, status: Status,
                                              codes: set[str]) -> None:
    assert round_case(PAGES, name, item, year, KHOKSUNG) == (status, codes)


def test_every_file_is_in_the_cases() -> None:
    assert round_documents(PAGES) == case_documents([c[0] for c in CASES] + KNOWN_GAPS)
