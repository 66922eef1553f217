"""A sixteenth reviewer's sweep (fixtures/pages/review16): good documents against the newest checks (an ITA label and
an ITA citation, a population table's date, a report compiled by a planning section, schools "ในสังกัด" counted,
sub-projects of one event, next year's plans beside this year's activities, complaints against the executives sent to
the NACC, results "ร้อยละ 100" beside a nil spend, a village whose name extends the agency's), and a few subtle
failures, each verdict written before the checker ran."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import finding_from_files

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review16"
K = "องค์การบริหารส่วนตำบลหนองบัว"
T = "เทศบาลตำบลโพนทอง"
M = "เทศบาลเมืองห้วยยาง"
P = "องค์การบริหารส่วนจังหวัดสุวรรณคีรี"

# file, item, agency, status, the non-pass codes it must give (fiscal year 2569, the 2569 catalogue). At the sweep
# p01, p08, p12, p13, p17, p18, p19, p22, p23, p24, p26 went to a person, p27 failed and f15 passed. p37 (a report
# whose results column is "การดำเนินการ" and whose spend column is "ค่าใช้จ่าย") failed until the thirty-seventh session.
CASES = [
    ("p37_o24_code_rows_no_result_header.html", "O24", P, Status.PASS, set()),
    ("p01_o17_ita_kho_sentence.html", "O17", K, Status.PASS, set()),
    ("p02_o16_indicator_heading.docx", "O16", T, Status.PASS, set()),
    ("p03_o20_indicator_heading.html", "O20", M, Status.PASS, set()),
    ("p04_o21_code_title.docx", "O21", K, Status.PASS, set()),
    ("p05_o26_code_name_cells.html", "O26", P, Status.PASS, set()),
    ("p06_o17_list_items.html", "O17", T, Status.PASS, set()),
    ("f07_o17_label_over_general.html", "O17", M, Status.REVIEW, {"component_in_label_only"}),
    ("p08_o2_population_2565.html", "O2", K, Status.PASS, set()),
    ("p09_o2_term_begun_old_caption.html", "O2", M, Status.PASS, set()),
    ("f10_o2_stale_update.html", "O2", T, Status.REVIEW, {"executives_not_updated"}),
    ("p11_o7_jadtamdoy_unit.html", "O7", K, Status.PASS, set()),
    ("p12_o7_unit_sangkat_line.html", "O7", M, Status.PASS, set()),
    ("p13_o7_pao_schools_keyfigures.html", "O7", P, Status.PASS, set()),
    ("f15_o7_event_sub_projects.html", "O7", T, Status.REVIEW, {"one_project_report"}),
    ("p17_o15_held_next_year_plan.html", "O15", M, Status.PASS, set()),
    ("p18_o15_order_held_q3_plan.html", "O15", K, Status.PASS, set()),
    ("p19_o15_held_yearly.html", "O15", T, Status.PASS, set()),
    ("f20_o15_only_prepared.html", "O15", P, Status.REVIEW, {"component_doubted"}),
    ("p21_o16_nacc_accused_mayor.html", "O16", K, Status.PASS, set()),
    ("p22_o16_nacc_phuthukrongrian.html", "O16", T, Status.PASS, set()),
    ("p23_o16_executive_accused_district.html", "O16", M, Status.PASS, set()),
    ("p24_o16_corruption_of_mayor_pao.html", "O16", P, Status.PASS, set()),
    ("f25_o16_staff_to_nacc.html", "O16", K, Status.FAIL, {"component_doubted", "missing_component"}),
    ("p26_o16_except_executives.html", "O16", T, Status.PASS, set()),
    ("p27_o22_nil_roilaa_100.html", "O22", M, Status.PASS, set()),
    ("p28_o26_nil_every_month.html", "O26", K, Status.PASS, set()),
    ("f29_o24_deadline_form.html", "O24", T, Status.FAIL, {"component_empty", "missing_component"}),
    ("p30_o20_village_longer.html", "O20", K, Status.PASS, set()),
    ("p31_o19_road_longer.html", "O19", K, Status.PASS, set()),
    ("p32_o7_projects_longer.html", "O7", K, Status.PASS, set()),
    ("f33_o20_neighbour_twice.html", "O20", K, Status.REVIEW, {"peer_signed_document"}),
    ("p34_o2_recent_and_old.html", "O2", M, Status.PASS, set()),
    ("p35_o21_xlsx_code_title.xlsx", "O21", M, Status.PASS, set()),
    ("p36_o26_docx_code_cells.docx", "O26", K, Status.PASS, set()),
]


@pytest.mark.parametrize(("name", "item", "agency", "status", "codes"), CASES, ids=[c[0] for c in CASES])
def test_the_sixteenth_reviewers_documents(name: str, item: str, agency: str, status: Status, codes: set[str]) -> None:
    f = finding_from_files(item, [PAGES / name], 2569, agency=agency)
    assert (f.status, {r.code for r in f.reasons if r.severity is not Status.PASS}) == (status, codes)
