"""A seventh reviewer's documents (fixtures/pages/review7): compact pages in an office's own words and plausible
failures, for items across the 2569 list, each with the verdict the reviewer wrote before the checker ran. Files `p…`
an assessor passes, `f…` fails; `q…` are the reviewer's probes (an `f…` document changed a little, which then
passed). Documents an assessor fails must not pass (a person may look: review); documents an assessor passes must
not fail, but for the two the README explains."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import finding_from_files

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review7"
AGENCY = "องค์การบริหารส่วนตำบลหนองบัว"

CASES = [  # file, item, status, the non-pass codes it must give (fiscal year 2569, the 2569 catalogue)
    # the reviewer fails each
    ("f01_o6_budget_dash.pdf", "O6", Status.REVIEW, {"component_not_stated"}),  # every budget cell "-" (was a pass)
    # FY 2567's report; "2568" only in the page's title (was a fail only for a result's wording)
    ("f02_o7_stale.html", "O7", Status.FAIL, {"stale_fiscal_year"}),
    ("f03_o25_vague_measures.pdf", "O25", Status.FAIL, {"missing_component"}),
    ("f04_o20_forwarded.pdf", "O20", Status.FAIL, {"missing_component"}),  # the governor's, signed by him
    ("f05_o2_no_contact.html", "O2", Status.FAIL, {"missing_component"}),
    ("f06_o21_no_content.html", "O21", Status.FAIL, {"attachment_not_published", "missing_component"}),
    ("f07_o11_missing_cols.html", "O11", Status.FAIL, {"missing_component"}),
    # duties only "…มีอำนาจหน้าที่ตามพระราชบัญญัติ…" and the Act to download (was a pass)
    ("f08_o1_law_only.html", "O1", Status.REVIEW, {"component_not_stated"}),
    ("f09_o5_old_plan.pdf", "O5", Status.FAIL, {"stale_fiscal_year"}),
    # the reviewer's probes, each a false pass before
    ("q1_o7_stale_withresults.html", "O7", Status.FAIL, {"stale_fiscal_year"}),  # f02 with "ดำเนินการแล้ว"
    ("q5_o7_title_only.html", "O7", Status.FAIL, {"stale_fiscal_year"}),  # the <title>'s 2568 against the heading
    ("q3_o20_forwarded_activity.pdf", "O20", Status.FAIL, {"missing_component"}),  # f04 with an activity: no นายก
    ("q6_o21_announce_levels.html", "O21", Status.REVIEW, {"attachment_not_published"}),  # "…ตามเอกสารแนบท้าย…"
    # the reviewer passes each
    ("p01_o1_structure.html", "O1", Status.PASS, set()),
    ("p02_o2_executives.html", "O2", Status.PASS, set()),
    ("p03_o3_contact.html", "O3", Status.PASS, set()),
    ("p04_o4_news.html", "O4", Status.PASS, set()),
    # a development plan with no goals or indicators (an inferred part): the reviewer passed it at medium confidence
    ("p05_o5_devplan.pdf", "O5", Status.FAIL, {"missing_component"}),
    ("p06_o6_annualplan.pdf", "O6", Status.PASS, set()),
    ("p07_o7_report2568.pdf", "O7", Status.PASS, set()),
    ("p08_o9_service_manual.html", "O9", Status.PASS, set()),  # "ค่าใช้จ่าย : ไม่เสีย", "หลักฐานที่ต้องนำมา"
    ("p09_o10_eservice.html", "O10", Status.PASS, set()),
    ("p10_o11_procurement.html", "O11", Status.PASS, set()),  # a column "งบที่ได้รับ (บาท)"
    ("p11_o13_hrplan.pdf", "O13", Status.PASS, set()),
    ("p12_o15_ethics.html", "O15", Status.PASS, set()),
    ("p13_o17_complaint_channels.html", "O17", Status.PASS, set()),
    ("p14_o18_complaint_stats.html", "O18", Status.PASS, set()),
    # a signed No Gift announcement with no activity: the reviewer agreed afterwards that the activity is required
    ("p15_o20_nogift.pdf", "O20", Status.FAIL, {"missing_component"}),
    ("p16_o21_risk.pdf", "O21", Status.PASS, set()),  # "จุดเสี่ยง", a column "แนวทางป้องกัน"
    ("p17_o24_acreport.pdf", "O24", Status.PASS, set()),  # columns "งบตามแผน | ใช้จริง | ผลการดำเนินงาน"
]


@pytest.mark.parametrize(("name", "item", "status", "codes"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_the_seventh_reviewers_documents(name: str, item: str, status: Status, codes: set[str]) -> None:
    f = finding_from_files(item, [PAGES / name], 2569, agency=AGENCY)
    got = {r.code for r in f.reasons if r.severity is not Status.PASS}
    assert (f.status, codes <= got) == (status, True), (f.status, got)


def test_the_heading_s_year_outvotes_the_page_title_s() -> None:
    # q5: the CMS's title "O7 รายงานผลการดำเนินงานประจำปี 2568 | อบต.หนองบัว" over a report headed FY 2567
    f = finding_from_files("O7", [PAGES / "q5_o7_title_only.html"], 2569, agency=AGENCY)
    [stale] = [r for r in f.reasons if r.code == "stale_fiscal_year"]
    assert "2567" in stale.evidence[0].snippet and "2568" not in " ".join(e.snippet for e in stale.evidence)
