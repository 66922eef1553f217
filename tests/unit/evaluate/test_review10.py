"""A tenth reviewer's documents (fixtures/pages/review10): the checks narrowed by the ninth round and the fifteenth
trial (a term of office that ended, an Act posted in the page, duties in other verbs, "100 บ.", one project among 42,
a two-column form table, a workbook of two quarters, "เป็นรูปธรรม", a values line, a council's meeting), each with the
verdict the reviewer wrote before the checker ran; `q…` are the reviewer's probes. Documents an assessor fails must
not pass (a person may look: review); documents an assessor passes must not fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import finding_from_files

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review10"
AGENCY = "องค์การบริหารส่วนตำบลหนองบัว"
TOWN = "เทศบาลตำบลหนองบัว"

CASES = [  # file, item, agency, status, the non-pass codes it must give (fiscal year 2569, the 2569 catalogue)
    # the reviewer fails each (each was a pass)
    ("f03_o2_samai.html", "O2", TOWN, Status.REVIEW, {"term_ended"}),  # "สมัยที่ 2 (พ.ศ. 2564 – 2568)"
    ("f04_o2_term_dates.html", "O2", TOWN, Status.REVIEW, {"term_ended"}),  # "ตั้งแต่วันที่ 28 มีนาคม 2564 ถึงวันที่ …"
    ("f05_o1_act_pasted.html", "O1", AGENCY, Status.REVIEW, {"component_not_stated"}),  # the Act pasted in the page
    ("q06_o1_act_link_opor.html", "O1", AGENCY, Status.REVIEW, {"component_not_stated"}),  # "หัวหน้าศูนย์อาสาสมัคร…"
    ("f06_o1_no_duties.html", "O1", AGENCY, Status.FAIL, {"missing_component"}),
    # the documents named only in the service's name "การขอคัดและรับรองสำเนาทะเบียนบ้าน", its list "ตามที่เจ้าหน้าที่แจ้ง"
    ("f08_o9_docs_in_name.html", "O9", TOWN, Status.REVIEW, {"component_not_stated"}),
    ("f10_o7_one_of_42.html", "O7", AGENCY, Status.REVIEW, {"one_project_report"}),  # "…เป็น 1 ใน 42 โครงการ…"
    ("f11_o7_one_table.html", "O7", AGENCY, Status.REVIEW, {"one_project_report"}),  # "ชื่อโครงการ | …" of one
    ("f13_o12_quarters.xlsx", "O12", AGENCY, Status.FAIL, {"part_year_report"}),  # quarters 1 and 2 on two sheets
    ("q13_o12_q1_only.xlsx", "O12", AGENCY, Status.FAIL, {"part_year_report"}),
    ("f14_o24_roopatham.html", "O24", AGENCY, Status.REVIEW, {"attachment_not_published"}),  # "…เป็นรูปธรรม…"
    ("q14_o24_no_roopatham.html", "O24", AGENCY, Status.REVIEW, {"attachment_not_published"}),
    ("f15_o17_prasachak.html", "O17", AGENCY, Status.FAIL, {"missing_component"}),  # "ปราศจากการเรียกรับ…"
    ("f16_o20_council_joined.html", "O20", AGENCY, Status.FAIL, {"missing_component"}),
    ("q16_o20_council_in_main.html", "O20", AGENCY, Status.FAIL, {"missing_component"}),  # "สมาชิกสภาเข้าร่วม 12 คน"
    # the reviewer passes each
    ("p01_o2_term_to_now.html", "O2", TOWN, Status.PASS, set()),  # "2568 – ปัจจุบัน" (was a review)
    ("p02_o2_new_term_history.html", "O2", TOWN, Status.PASS, set()),
    ("p07_o1_duties_other_verbs.html", "O1", AGENCY, Status.PASS, set()),  # "มีหน้าที่รับเงิน…" (was a review)
    ("p09_o9_fee_bor.html", "O9", AGENCY, Status.PASS, set()),  # "100 บ./ปี" (was a fail)
    ("q09_o9_fee_baht.html", "O9", AGENCY, Status.PASS, set()),
    ("p12_o7_kitchakam_heading.html", "O7", AGENCY, Status.PASS, set()),  # rows "1 | โครงการ…" (was a review)
]


@pytest.mark.parametrize(("name", "item", "agency", "status", "codes"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_the_tenth_reviewers_documents(name: str, item: str, agency: str, status: Status, codes: set[str]) -> None:
    f = finding_from_files(item, [PAGES / name], 2569, agency=agency)
    got = {r.code for r in f.reasons if r.severity is not Status.PASS}
    assert (f.status, codes <= got) == (status, True), (f.status, got)
