"""A fourteenth reviewer's sweep (fixtures/pages/review14): ordinary good documents for every 2569 item as local
administrations publish them (Thai digits, tables, ITA labels over the content, breadcrumbs, signatures, nil-budget
rows, old-form citizens' guides), and eight subtle failures, each verdict written before the checker ran. Good
documents pass; the failures do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import finding_from_files

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review14"
A = "องค์การบริหารส่วนตำบลโคกสะอาดใต้"
B = "เทศบาลตำบลบ้านแพงศรี"
C = "เทศบาลเมืองท่าศาลาทอง"
D = "องค์การบริหารส่วนจังหวัดศรีนครา"
E = "องค์การบริหารส่วนตำบลหนองกุงทอง"

# file, item, agency (fiscal year 2569, the 2569 catalogue). p08/p08b (O5: an amendment folded into the plan) were
# reviews, p15/p15c (O9: "งานที่ให้บริการ : …") and p32 (O22: "… | ไม่ใช้งบประมาณ" ending each row) were fails.
GOOD = [
    ("p01_o1_aobt_chart.html", "O1", A), ("p02_o1_city_table.html", "O1", C), ("p03_o2_tessaban.html", "O2", B),
    ("p04_o2_pao.html", "O2", D), ("p05_o3_line_oa.html", "O3", A), ("p06_o3_pao_thai.html", "O3", D),
    ("p07_o4_news_list.html", "O4", C), ("p37_o4_news_aobt.html", "O4", E), ("p08_o5_devplan.html", "O5", B),
    ("p09_o6_plan_table.html", "O6", A), ("p10_o6_plan.xlsx", "O6", E), ("p11_o7_annual_report.html", "O7", C),
    ("p12_o8_tax_manual.html", "O8", B), ("p13_o8_finance.docx", "O8", E), ("p14_o9_building_permit.html", "O9", A),
    ("p15_o9_elderly_allowance.html", "O9", B), ("p16_o10_eservice.html", "O10", B),
    ("p17_o11_monthly.html", "O11", A), ("p18_o11_workbook.xlsx", "O11", E), ("p19_o12_annual_proc.html", "O12", C),
    ("p20_o13_hr_plan.html", "O13", A), ("p21_o14_hr_report.html", "O14", B), ("p22_o15_ethics.html", "O15", A),
    ("p23_o16_complaint_manual.html", "O16", C), ("p24_o17_label_head.html", "O17", A),
    ("p25_o17_pao.html", "O17", D), ("p26_o18_quarterly.html", "O18", B), ("p27_o18_nil.html", "O18", E),
    ("p28_o19_prachakhom.html", "O19", A), ("p29_o20_city.html", "O20", C), ("p30_o20_thai_digits.html", "O20", A),
    ("p31_o21_risk.html", "O21", B), ("p32_o22_risk_report.html", "O22", A), ("p33_o23_plan.html", "O23", D),
    ("p34_o24_report.html", "O24", C), ("p35_o25_ita_measures.html", "O25", B),
    ("p36_o26_integrity_report.docx", "O26", E),
]
BAD = [  # file, item, agency, status, the non-pass codes it must give
    ("f01_o6_stale_body.html", "O6", C, Status.FAIL, {"stale_fiscal_year"}),
    ("f02_o2_no_deputies.html", "O2", A, Status.FAIL, {"missing_component"}),
    ("f03_o20_signed_palat.html", "O20", B, Status.FAIL, {"missing_component"}),
    ("f04_o9_no_fee.html", "O9", E, Status.FAIL, {"missing_component"}),
    ("f05_o18_general_only.html", "O18", C, Status.REVIEW, {"component_in_label_only"}),
    ("f06_o23_no_budget.html", "O23", E, Status.FAIL, {"missing_component"}),
    ("f07_o3_no_email.html", "O3", B, Status.FAIL, {"missing_component"}),
    ("f08_o15_last_year.html", "O15", D, Status.FAIL, {"stale_fiscal_year"}),
]


@pytest.mark.parametrize(("name", "item", "agency"), GOOD, ids=[c[0] for c in GOOD])
def test_good_documents_pass(name: str, item: str, agency: str) -> None:
    f = finding_from_files(item, [PAGES / name], 2569, agency=agency)
    assert f.status is Status.PASS, [r.code for r in f.reasons if r.severity is not Status.PASS]


@pytest.mark.parametrize(("name", "item", "agency", "status", "codes"), BAD, ids=[c[0] for c in BAD])
def test_failures_do_not_pass(name: str, item: str, agency: str, status: Status, codes: set[str]) -> None:
    f = finding_from_files(item, [PAGES / name], 2569, agency=agency)
    assert (f.status, {r.code for r in f.reasons if r.severity is not Status.PASS}) == (status, codes)
