"""The fifty-first reviewer's documents (fixtures/pages/review51): a city municipality whose divisions publish in their
own names, beside the district office, a เทศบาลตำบล and an อบต. of names like its own (ITA 2569). Each verdict was
written before the checker ran (fixtures/pages/review51/README.md says what misled it at the first run); the check
day is 15 May."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import case_documents, round_case, round_documents

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review51"
NONG_BUA_THONG = "เทศบาลนครหนองบัวทอง"
P, R, F = Status.PASS, Status.REVIEW, Status.FAIL

CASES = [  # file, item, criteria year, status, the non-pass codes it must give
    # pass: city's own chart: "ฝ่ายการเมือง : สภาเทศบาลนครหนองบัวทอง … รองนายกเทศมนตรี ๔ คน", "ฝ่ายประจำ :…
    ("a01_good_o1_city_structure.html", "O1", 2569, P, set()),
    # fail/review: the district's structure "ที่ว่าการอำเภอเมืองหนองบัวทอง จังหวัดขอนแก่น", นายอำเภอ/ปลัดอำเภอ; the…
    ("a02_fail_o1_district_structure.html", "O1", 2569, R, {"another_agency_document"}),
    # pass: mayor + 4 "รองนายกเทศมนตรีนครหนองบัวทอง", each name with a mobile number
    ("a03_good_o2_mayor_deputies.html", "O2", 2569, P, set()),
    # fail: executives of "องค์การบริหารส่วนตำบลหนองบัวทอง", another local government at the same place
    ("a04_fail_o2_obt_same_place.html", "O2", 2569, F, {"peer_agency_document"}),
    # fail: no deputy mayor: only "ปลัดเทศบาล", "รองปลัดเทศบาล", division directors beside the mayor
    ("a05_fail_o2_no_deputy_mayors.html", "O2", 2569, F, {"missing_component"}),
    # pass: address, "โทรศัพท์ ๐๔๓-๒๐๐-๑๑๑", "อีเมล saraban@…", "ช่องทางการสอบถามข้อมูล : กระดานถามตอบ"
    ("a06_good_o3_contact.html", "O3", 2569, P, set()),
    # fail/review: contact of "ที่ว่าการอำเภอเมืองหนองบัวทอง", not the city's
    ("a07_fail_o3_district_contact.html", "O3", 2569, R, {"another_agency_document"}),
    # pass: "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ … จัดทำโดย กองยุทธศาสตร์และงบประมาณ", projects, งบประมาณ…
    ("b01_good_o6_operating_plan_2569.pdf", "O6", 2569, P, set()),
    # fail: plan of "เทศบาลตำบลหนองบัว", signed "นายกเทศมนตรีตำบลหนองบัว"
    ("b02_fail_o6_neighbour_tambon_plan.pdf", "O6", 2569, F, {"peer_agency_document"}),
    # fail: stale: "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"
    ("b03_fail_o6_plan_2568_stale.pdf", "O6", 2569, F, {"stale_fiscal_year"}),
    # pass: FY2568 whole-city report: "ดำเนินการแล้ว ๑๑๘ โครงการ", "เบิกจ่ายจริง (บาท)", ปัญหาและอุปสรรค, ข้อเสนอแนะ
    ("b04_good_o7_annual_report_2568.pdf", "O7", 2569, P, set()),
    # fail/review: one division's report only: "รายงานผลการดำเนินงาน สำนักการศึกษา", not the city's whole work
    ("b05_fail_o7_one_division_report.pdf", "O7", 2569, R, {"one_division_report"}),
    # fail/review: a school's SAR: "โรงเรียนเทศบาล ๑ (บ้านหนองบัว) สังกัดเทศบาลนครหนองบัวทอง"
    ("b06_fail_o7_school_sar.pdf", "O7", 2569, R, {"another_agency_document"}),
    # pass: สำนักการคลัง's "คู่มือการปฏิบัติงาน การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง" with "ขั้นตอนการปฏิบัติงาน"…
    ("c01_good_o8_finance_division_manual.docx", "O8", 2569, P, set()),
    # fail/review: the DLA's generic manual "กรมส่งเสริมการปกครองท้องถิ่น กระทรวงมหาดไทย" for all local governments;…
    ("c02_fail_o8_dla_generic_manual.pdf", "O8", 2569, R, {"another_agency_document"}),
    # pass: ชื่อกระบวนงาน, ขั้นตอน, ระยะเวลา ๓๒ วันทำการ, ช่องทาง, ค่าธรรมเนียม, เอกสารหลักฐาน
    ("c03_good_o9_building_permit_manual.html", "O9", 2569, P, set()),
    # fail: steps only: no duration, no fee, no documents list
    ("c04_fail_o9_steps_only.html", "O9", 2569, F, {"missing_component"}),
    # pass: สขร.๑ by สำนักการคลัง, ต.ค. ๒๕๖๘ – เม.ย. ๒๕๖๙, every column
    ("d01_good_o11_monthly_procurement_2569.xlsx", "O11", 2569, P, set()),
    # fail: stale: months "ตุลาคม ๒๕๖๗ … มีนาคม ๒๕๖๘"
    ("d02_fail_o11_monthly_procurement_2568_stale.xlsx", "O11", 2569, F, {"stale_fiscal_year"}),
    # fail/review: a school's own summary "โรงเรียนเทศบาล ๑ (บ้านหนองบัว)", signed by its director; not the city's…
    ("d03_fail_o11_school_monthly.html", "O11", 2569, R, {"another_agency_document"}),
    # pass: FY2568 summary by method, "งบประมาณที่ใช้จริง (บาท)", ปัญหาอุปสรรค, ข้อเสนอแนะ/แนวทางแก้ไข
    ("d04_good_o12_annual_procurement_2568.pdf", "O12", 2569, P, set()),
    # fail: a plan: "เผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", no results
    ("d05_fail_o12_procurement_plan_2569.html", "O12", 2569, F, {"fiscal_year_mismatch", "missing_component"}),
    # pass: หลักเกณฑ์การสรรหา/ประเมิน/พัฒนา + projects, งบประมาณ (บาท), ระยะเวลาดำเนินการ, FY2569
    ("e01_good_o13_hr_plan_2569.pdf", "O13", 2569, P, set()),
    # fail: "แผนอัตรากำลัง ๓ ปี ๒๕๖๗ - ๒๕๖๙": position frame only, no HR development projects
    ("e02_fail_o13_manpower_plan_3y.pdf", "O13", 2569, F, {"fiscal_year_mismatch", "missing_component"}),
    # pass: FY2568: "ดำเนินการแล้ว … ผู้เข้าอบรม ๓๒๘ คน", งบประมาณที่ใช้, ปัญหาอุปสรรค, ข้อเสนอแนะ
    ("e03_good_o14_hr_report_2568.html", "O14", 2569, P, set()),
    # fail: internal memo "ขอให้รายงานผลการพัฒนาบุคลากร … ส่งภายใน ๑๕ พ.ย. ๒๕๖๘" + empty form: no results
    ("e04_fail_o14_memo_asking_divisions.html", "O14", 2569, R, {"directive_only"}),
    # pass: ประมวลจริยธรรม + FY2569 "อบรมจริยธรรม … ๑๙ กุมภาพันธ์ ๒๕๖๙", order of the working group
    ("e05_good_o15_ethics_2569.pdf", "O15", 2569, P, set()),
    # pass: city's "คู่มือ… การจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", ศูนย์รับเรื่องราวร้องทุกข์…
    ("f01_good_o16_complaint_manual.pdf", "O16", 2569, P, set()),
    # fail/review: the district's "ศูนย์ดำรงธรรมอำเภอเมืองหนองบัวทอง" manual signed by นายอำเภอ
    ("f02_fail_o16_district_damrongtham_manual.pdf", "O16", 2569, R, {"another_agency_document"}),
    # pass: city's channels for ทุจริต: ด้วยตนเอง, โทร. ๑๑๓๒, ไปรษณีย์, อีเมล, online
    ("f03_good_o17_complaint_channels.html", "O17", 2569, P, set()),
    # fail: only ป.ป.ช. ๑๒๐๕, ศูนย์ดำรงธรรม ๑๕๖๗, the district and province: no channel of the city
    ("f04_fail_o17_only_national_channels.html", "O17", 2569, F, {"missing_component"}),
    # pass: FY2568 stats by quarter, "เรื่องร้องเรียนการทุจริต … รวม ๑"
    ("f05_good_o18_complaint_stats_2568.html", "O18", 2569, P, set()),
    # fail: statistics of "องค์การบริหารส่วนตำบลหนองบัวทอง", signed by its นายก
    ("f06_fail_o18_obt_stats.html", "O18", 2569, F, {"peer_agency_document"}),
    # pass: ประกาศเทศบาลนคร… FY2569 signed "นายกเทศมนตรีนครหนองบัวทอง", activity "เมื่อวันที่ ๗ ตุลาคม ๒๕๖๘",…
    ("g01_good_o20_no_gift_mayor_2569.html", "O20", 2569, P, set()),
    # fail: a division's declaration "ประกาศสำนักการคลัง", signed only "ผู้อำนวยการสำนักการคลัง": not the executive's
    ("g02_fail_o20_division_director_declaration.html", "O20", 2569, F, {"missing_component"}),
    # fail: "ประกาศอำเภอเมืองหนองบัวทอง" signed "นายอำเภอเมืองหนองบัวทอง", copied to the city
    ("g03_fail_o20_district_announcement.html", "O20", 2569, F, {"missing_component", "other_body_document"}),
    # pass: FY2569, corruption risks with โอกาส × ผลกระทบ, ระดับความเสี่ยง, แนวทางการป้องกัน
    ("g04_good_o21_risk_assessment_2569.pdf", "O21", 2569, P, set()),
    # fail: assessment of "เทศบาลตำบลหนองบัว", signed "นายกเทศมนตรีตำบลหนองบัว"
    ("g05_fail_o21_neighbour_tambon_risk.pdf", "O21", 2569, F, {"peer_agency_document"}),
    # pass: "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ เทศบาลนครหนองบัวทอง", projects, budget, period
    ("g06_good_o23_anticorruption_plan_2569.pdf", "O23", 2569, P, set()),
    # fail/review: the district's plan "อำเภอเมืองหนองบัวทอง", signed by นายอำเภอ
    ("g07_fail_o23_district_plan.pdf", "O23", 2569, R, {"another_agency_document"}),
    # pass: FY2568: ดำเนินการแล้ว ๑๖ โครงการ, "ใช้งบประมาณรวม ๑๘๔,๕๐๐ บาท", ปัญหาและอุปสรรค, ข้อเสนอแนะ
    ("g08_good_o24_anticorruption_report_2568.html", "O24", 2569, P, set()),
    # fail: report form whose every row is empty; headers only
    ("g09_fail_o24_empty_report_form.html", "O24", 2569, R, {"component_empty"}),
    # pass: city's สขร.๑ ต.ค. ๖๘ – เม.ย. ๖๙, every row filled; a month row "ตุลาคม ๒๕๖๘ | | …" above each month's…
    ("d06_good_o11_month_rows_layout.html", "O11", 2569, P, set()),
    # fail: statistics of "องค์การบริหารส่วนตำบลหนองบัวทอง", signed by its นายก; by quarter
    ("f07_fail_o18_obt_stats_quarters.html", "O18", 2569, F, {"peer_agency_document"}),
    # fail: "ประกาศเทศบาลตำบลหนองบัว", signed "นายกเทศมนตรีตำบลหนองบัว"
    ("g10_fail_o20_tambon_nongbua_no_gift.html", "O20", 2569, F, {"missing_component", "peer_agency_document"}),
    # fail: executives of "เทศบาลตำบลหนองบัว"
    ("a08_fail_o2_tambon_nongbua_execs.html", "O2", 2569, F, {"peer_agency_document"}),
]

# Known gaps, not asserted (fixtures/pages/review51/README.md says why each is left)
KNOWN_GAPS: list[str] = [
    # assessor: pass; the checker: review, by design: the O7 rule sends a current-year six-month report to review
    # (which year the 2569 report item wants is inferred), as review49 a01
    "b07_good_o7_six_month_2569.pdf",
]


@pytest.mark.parametrize(("name", "item", "year", "status", "codes"), CASES, ids=[c[0] for c in CASES])
def test_the_fifty_first_reviewers_documents(name: str, item: str, year: int, status: Status,
                                             codes: set[str]) -> None:
    assert round_case(PAGES, name, item, year, NONG_BUA_THONG) == (status, codes)


def test_every_file_is_in_the_cases() -> None:
    assert round_documents(PAGES) == case_documents([c[0] for c in CASES] + KNOWN_GAPS)
