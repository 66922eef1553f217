"""The twenty-second reviewer's documents (fixtures/pages/review22), aimed at the thirty-eighth session's own checks:
pending cells and sections, a plan posted as the report, an activity told as last year's, body dates before the
heading's year, the executives' terms, the risk table's subject, and the new wordings; half good documents a
careless rule would hit, half failures worded to slip past. Each verdict was written before the checker ran (36
documents: 16 false passes, 1 false fail, 2 needless reviews at the first run); the months are checked on 15 May."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import case_documents, round_case, round_documents

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review22"
KHOKSUNG = "องค์การบริหารส่วนตำบลโคกสูง"
P, R, F = Status.PASS, Status.REVIEW, Status.FAIL

CASES = [  # file, item, fiscal year, status, the non-pass codes it must give
    ("a01_good_o24_remarks_col_dashes.html", "O24", 2569, P, set()),
    ("a02_good_o24_most_pending_one_done.html", "O24", 2569, P, set()),
    ("a03_fail_o14_pending_synonyms.html", "O14", 2569, F, {"component_empty", "missing_component"}),
    ("a04_fail_o26_pending_with_dates.html", "O26", 2569, R, {"component_empty"}),
    ("a05_fail_o2_contact_col_endash.html", "O2", 2569, F, {"missing_component"}),
    ("a06_good_o2_phone_filled_email_dash.html", "O2", 2569, P, set()),
    ("a07_fail_o18_month_rows_blank_counts.html", "O18", 2569, R, {"component_not_stated"}),
    ("a08_good_o18_dash_counts.html", "O18", 2569, P, set()),
    ("b01_fail_o15_promotion_to_come.html", "O15", 2569, R, {"component_empty"}),
    ("b02_good_o15_done_plus_one_planned.html", "O15", 2569, P, set()),
    ("b03_fail_o8_manual_list_draft_status.html", "O8", 2569, R, {"component_empty"}),
    ("b05_fail_o19_result_awaiting_committee.html", "O19", 2569, R, {"component_empty"}),
    ("c01_good_o23_plan_signed_october.html", "O23", 2569, P, set()),
    ("c02_good_o24_plan_title_results_signed_yearend.html", "O24", 2569, P, set()),
    ("c03_fail_o24_plan_signed_december.html", "O24", 2569, F, {"component_empty", "missing_component"}),
    ("c04_fail_o26_guidelines_doc_as_report.html", "O26", 2569, R, {"plan_as_report"}),
    ("d01_good_o20_build_on_last_year.html", "O20", 2569, P, set()),
    ("d02_fail_o20_activity_last_year_reworded.html", "O20", 2569, R, {"activity_said_earlier"}),
    ("d03_fail_o20_activity_last_fiscal_year_words.html", "O20", 2569, R, {"activity_said_earlier"}),
    ("d04_good_o19_date_after_meua.html", "O19", 2569, P, set()),
    ("d05_fail_o19_slash_date_fy68.html", "O19", 2569, R, {"activity_date_earlier"}),
    ("e01_good_o14_report_cites_old_refs.html", "O14", 2569, P, set()),
    ("f01_good_o2_term_present_and_former_list.html", "O2", 2569, P, set()),
    ("f02_fail_o2_term_compact_ended.html", "O2", 2569, R, {"term_ended"}),
    ("f03_fail_o2_previous_team_reworded.html", "O2", 2569, R, {"component_doubted"}),
    ("g01_good_o21_delay_worded_corruption.html", "O21", 2569, P, set()),
    ("g02_fail_o21_operational_new_words.html", "O21", 2569, R, {"risks_off_subject"}),
    ("h01_fail_o7_spend_is_ordinance_budget.html", "O7", 2569, R, {"component_doubted"}),
    ("h02_good_o7_planned_and_actual_cols.html", "O7", 2569, P, set()),
    ("h03_fail_o18_general_stats_pointer_reworded.html", "O18", 2569, F, {"missing_component"}),
    ("h04_good_o8_staff_manual_citizen_form_appendix.html", "O8", 2569, P, set()),
    ("h08_fail_o23_timeframe_per_regulation_reworded.html", "O23", 2569, R, {"component_empty"}),
    ("h10_fail_o19_invitation_past_date.html", "O19", 2569, F, {"missing_component"}),
    ("h11_good_o19_result_mentions_notice.html", "O19", 2569, P, set()),
    # fail/review: 2568 heading; results "9 พ.ย.66", "ไตรมาส 2/2567",… (a known gap until the fortieth session)
    ("e02_fail_o22_fy67_dates_short_forms.html", "O22", 2569, R, {"dates_earlier"}),
    # fail/review: criteria only… (a known gap until the fortieth session)
    ("h07_fail_o13_criteria_follow_province_board.html", "O13", 2569, R, {"component_empty"}),
]

# Known gaps, not asserted (fixtures/pages/review22/README.md says why each is left)
KNOWN_GAPS: list[str] = []


@pytest.mark.parametrize(("name", "item", "year", "status", "codes"), CASES, ids=[c[0] for c in CASES])
def test_the_twenty_second_reviewers_documents(name: str, item: str, year: int, status: Status,
                                               codes: set[str]) -> None:
    assert round_case(PAGES, name, item, year, KHOKSUNG) == (status, codes)


def test_every_file_is_in_the_cases() -> None:
    assert round_documents(PAGES) == case_documents([c[0] for c in CASES] + KNOWN_GAPS)
