"""A twelfth reviewer's documents (fixtures/pages/review12): the items earlier rounds looked at least (contact, news,
the plans, the manuals, e-service, HR, ethics, the complaint guideline, the risk report, the anti-corruption plan, the
ITA improvement and the integrity measures' report), ordinary good documents and plausible failures, each with the
verdict the reviewer wrote before the checker ran. Documents an assessor fails must not pass (a person may look:
review); documents an assessor passes must pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import finding_from_files

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review12"
A = "องค์การบริหารส่วนตำบลโคกสว่าง"
B = "เทศบาลตำบลหนองหญ้าปล้อง"
C = "องค์การบริหารส่วนตำบลดอนแก้วใหญ่"

GOOD = [  # file, item, agency (fiscal year 2569, the 2569 catalogue)
    ("p01_o3_contact.html", "O3", A), ("p02_o4_news.html", "O4", B), ("p03_o5_devplan.html", "O5", A),
    ("p04_o6_plan.html", "O6", B), ("p15_o6_plan.xlsx", "O6", C), ("p05_o8_manual.html", "O8", C),
    ("p06_o10_eservice.html", "O10", A), ("p07_o13_hr_plan.html", "O13", C), ("p08_o14_hr_report.docx", "O14", B),
    ("p09_o15_ethics.html", "O15", A), ("p10_o16_guideline.html", "O16", B), ("p12_o23_plan.html", "O23", A),
    ("p13_o25_ita_improve.html", "O25", B), ("p14_o26_report.html", "O26", A),
    # each was a fail
    ("p16_o3_messenger.html", "O3", B),  # "แชทกับเจ้าหน้าที่ผ่าน Facebook Messenger : m.me/…"
    ("p11_o22_risk_report.html", "O22", C),  # every measure "ดำเนินการแล้ว … | ไม่ใช้งบประมาณ"
    ("p17_o25_ita2568_heading.html", "O25", C),  # "…(ITA) ประจำปีงบประมาณ พ.ศ. 2568" names the round analysed
]
BAD = [  # file, item, agency, status, the non-pass codes it must give
    ("f21_o3_form_only.html", "O3", C, Status.FAIL, {"form_fields_only", "missing_component"}),
    ("f01_o4_news_fy68.html", "O4", A, Status.REVIEW, {"fiscal_year_mismatch"}),
    ("f02_o5_devplan_old.html", "O5", C, Status.FAIL, {"stale_fiscal_year"}),
    ("f23_o5_front_matter.html", "O5", B, Status.FAIL, {"front_matter_only"}),
    ("f04_o6_5yr_list.html", "O6", C, Status.FAIL, {"fiscal_year_mismatch", "missing_component"}),
    ("f06_o10_print_forms.html", "O10", C, Status.REVIEW, {"no_online_channel"}),
    ("f09_o14_plan_not_report.html", "O14", C, Status.FAIL, {"fiscal_year_mismatch", "missing_component"}),
    ("f22_o14_template.html", "O14", A, Status.REVIEW, {"component_empty"}),
    ("f14_o22_assessment.html", "O22", A, Status.FAIL, {"fiscal_year_mismatch", "missing_component"}),
    ("f15_o22_fy67.html", "O22", B, Status.FAIL, {"stale_fiscal_year"}),
    ("f17_o23_draft.html", "O23", B, Status.REVIEW, {"draft_document"}),
    ("f24_o23_province.html", "O23", B, Status.REVIEW, {"another_agency_document"}),
    ("f18_o25_scores_only.html", "O25", A, Status.FAIL, {"missing_component"}),
    ("f19_o25_fy68.html", "O25", C, Status.FAIL, {"stale_fiscal_year"}),
    ("f20_o26_measures_only.html", "O26", C, Status.FAIL, {"missing_component"}),
    # each was a pass
    # the budget act's total "งบประมาณรายจ่ายทั้งสิ้น 28,450,000 บาท" and "…เป็นไปตามระยะเวลา…" in the introduction
    ("f03_o6_no_budget_period.html", "O6", A, Status.FAIL, {"missing_component"}),
    ("f05_o8_citizen_guide.html", "O8", B, Status.FAIL, {"missing_component"}),  # "คู่มือการปฏิบัติงาน" in the crumb
    # "…ตามหลักเกณฑ์และเงื่อนไขที่คณะกรรมการ… กำหนด": someone else's rules, cited
    ("f07_o13_no_criteria.html", "O13", A, Status.FAIL, {"missing_component"}),
    # "…โดยจัดให้มีการอบรมด้านคุณธรรมจริยธรรมแก่พนักงาน": a duty written into the code
    ("f10_o15_code_only.html", "O15", C, Status.FAIL, {"missing_component"}),
    # "ทั้งนี้ไม่รวมถึงเรื่องร้องเรียนกล่าวหาเจ้าหน้าที่ว่าทุจริต…": a general manual leaving corruption out
    ("f12_o16_general.html", "O16", A, Status.REVIEW, {"component_doubted"}),
    # a plan of 2565–2568 under the banner "ITA ประจำปี 2569 - O23 …"
    ("f16_o23_4yr_old.html", "O23", C, Status.FAIL, {"stale_fiscal_year"}),
]


@pytest.mark.parametrize(("name", "item", "agency"), GOOD, ids=[c[0] for c in GOOD])
def test_good_documents_pass(name: str, item: str, agency: str) -> None:
    f = finding_from_files(item, [PAGES / name], 2569, agency=agency)
    assert f.status is Status.PASS, [r.code for r in f.reasons if r.severity is not Status.PASS]


@pytest.mark.parametrize(("name", "item", "agency", "status", "codes"), BAD, ids=[c[0] for c in BAD])
def test_failures_do_not_pass(name: str, item: str, agency: str, status: Status, codes: set[str]) -> None:
    f = finding_from_files(item, [PAGES / name], 2569, agency=agency)
    assert (f.status, {r.code for r in f.reasons if r.severity is not Status.PASS}) == (status, codes)
