"""The twenty-fifth reviewer's documents (fixtures/pages/review25): mostly ordinary good documents aimed at the rules
the twentieth to twenty-fourth rounds tightened (plan budgets' amounts, the anti-corruption plan's mentions, duties,
E-Service and channel doubts, complaint counts, former executives, pending report cells, plan_as_report, past-year
activities). Each verdict was written before the checker ran (34 documents: 2 false fails, 8 needless reviews, 5
false passes at the first run); the check day is 15 May."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import case_documents, round_case, round_documents

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review25"
KHOKSUNG = "องค์การบริหารส่วนตำบลโคกสูง"
P, R, F = Status.PASS, Status.REVIEW, Status.FAIL

CASES = [  # file, item, fiscal year, status, the non-pass codes it must give
    ("g01_good_o6_thai_digit_amounts.html", "O6", 2569, P, set()),
    ("g03_good_o6_prose_budget_colon.html", "O6", 2569, P, set()),
    ("g05_fail_o6_budget_header_no_amounts.html", "O6", 2569, R, {"component_not_stated"}),
    ("h02_good_o13_budget_from_bylaw.html", "O13", 2569, P, set()),
    ("i01_good_o23_named_once_in_title.html", "O23", 2569, P, set()),
    ("i02_good_o23_pprab_variant_title.html", "O23", 2569, P, set()),
    ("i03_good_o23_thai_total_row_bylaw.html", "O23", 2569, P, set()),
    ("i04_fail_o23_integrity_measures_not_plan.html", "O23", 2569, F, {"missing_component"}),
    ("a01_good_o1_duties_cited_from_act.html", "O1", 2569, P, set()),
    ("a02_good_o1_chart_caption_see_below.html", "O1", 2569, P, set()),
    ("a03_good_o1_mission_wording.html", "O1", 2569, P, set()),
    ("a04_fail_o1_staff_acting_no_duties.html", "O1", 2569, R, {"component_not_stated"}),
    ("b01_good_o2_term_until_2573.html", "O2", 2569, P, set()),
    ("b02_good_o2_note_previous_team_ended.html", "O2", 2569, P, set()),
    ("b03_fail_o2_term_ended_dec68.html", "O2", 2569, R, {"term_ended"}),
    ("c01_good_o10_forms_plus_gov_links.html", "O10", 2569, P, set()),
    ("c02_good_o10_online_or_print.html", "O10", 2569, P, set()),
    ("c03_fail_o10_gov_eservice_roundup.html", "O10", 2569, R, {"component_doubted"}),
    ("d01_good_o17_extra_external_channels.html", "O17", 2569, P, set()),
    ("d02_good_o17_accused_executive_wording.html", "O17", 2569, P, set()),
    ("d03_fail_o17_corruption_sent_to_damrongdham.html", "O17", 2569, R, {"component_doubted"}),
    ("e01_good_o18_mai_dai_rap.html", "O18", 2569, P, set()),
    ("e02_good_o18_cells_mai_mee.html", "O18", 2569, P, set()),
    ("e04_fail_o18_stale_fy2567_thai.html", "O18", 2569, F, {"stale_fiscal_year"}),
    ("f01_good_o14_results_start_with_postponed.html", "O14", 2569, P, set()),
    ("f02_good_o26_measures_with_results_months.html", "O26", 2569, P, set()),
    ("f03_fail_o24_pending_reworded.html", "O24", 2569, R, {"component_empty"}),
    ("f04_fail_o22_plan_given_oct.html", "O22", 2569, F, {"missing_component", "plan_as_report"}),
    ("j01_good_o20_continuing_since_last_year.html", "O20", 2569, P, set()),
    ("j02_good_o19_follow_up_last_year.html", "O19", 2569, P, set()),
    ("j03_fail_o20_undated_photos_year_68.html", "O20", 2569, R, {"activity_said_earlier"}),
    ("j04_fail_o19_undated_forum_last_year.html", "O19", 2569, R, {"activity_said_earlier", "no_fiscal_year"}),
    # pass: summary by strategy "งบประมาณ (ล้านบาท)" 4.85/2.30; "4.5… (a known gap until the fortieth session)
    ("g02_good_o6_million_and_muen_units.html", "O6", 2569, P, set()),
    # pass: cells 5000/8000/3000/-; only amount with บาท is… (a known gap until the fortieth session)
    ("h01_good_o13_small_cells_total_tungsin.html", "O13", 2569, P, set()),
]

# Known gaps, not asserted (fixtures/pages/review25/README.md says why each is left)
KNOWN_GAPS: list[str] = []


@pytest.mark.parametrize(("name", "item", "year", "status", "codes"), CASES, ids=[c[0] for c in CASES])
def test_the_twenty_fifth_reviewers_documents(name: str, item: str, year: int, status: Status,
                                              codes: set[str]) -> None:
    assert round_case(PAGES, name, item, year, KHOKSUNG) == (status, codes)


def test_every_file_is_in_the_cases() -> None:
    assert round_documents(PAGES) == case_documents([c[0] for c in CASES] + KNOWN_GAPS)
