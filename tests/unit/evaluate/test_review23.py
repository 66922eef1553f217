"""The twenty-third reviewer's documents (fixtures/pages/review23): mostly ordinary good documents aimed at the thirty-
eighth session's new checks (pending parts, plan_as_report, past-year activities, complaint statistics' counts, the
executives' terms beside a list of former ones, the risk table's subject), and failures worded past them. Each
verdict was written before the checker ran (38 documents: 4 false fails, 3 needless reviews, 7 false passes at the
first run); the months are checked on 15 May."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import case_documents, round_case, round_documents

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review23"
KHOKSUNG = "องค์การบริหารส่วนตำบลโคกสูง"
P, R, F = Status.PASS, Status.REVIEW, Status.FAIL

CASES = [  # file, item, fiscal year, status, the non-pass codes it must give
    ("a01_good_o6_pd02_remarks_timeframe_words.html", "O6", 2569, P, set()),
    ("a02_good_o6_pd02_month_ticks.html", "O6", 2569, P, set()),
    ("a03_good_o7_status_col_mixed.html", "O7", 2569, P, set()),
    ("b01_good_o18_prose_no_complainant.html", "O18", 2569, P, set()),
    ("b02_good_o18_prose_not_appear.html", "O18", 2569, P, set()),
    ("b03_good_o18_one_case_in_process.html", "O18", 2569, P, set()),
    ("b04_good_o18_quarter_zero_remarks.html", "O18", 2569, P, set()),
    ("b05_fail_o18_prose_several_no_count.html", "O18", 2569, F, {"missing_component"}),
    ("b06_fail_o18_percent_only.html", "O18", 2569, F, {"missing_component"}),
    ("c01_good_o20_last_year_and_this_year.html", "O20", 2569, P, set()),
    ("c02_good_o20_activity_table_with_status.html", "O20", 2569, P, set()),
    ("c03_fail_o20_photos_of_fy2568.html", "O20", 2569, R, {"activity_said_earlier"}),
    ("d01_good_o21_delay_to_extract_plain_words.html", "O21", 2569, P, set()),
    ("d02_good_o21_shortage_pretext_bribe.html", "O21", 2569, P, set()),
    ("d03_fail_o21_operational_other_words.html", "O21", 2569, R, {"risks_off_subject"}),
    ("e01_good_o2_since_dash_present_former_list.html", "O2", 2569, P, set()),
    ("e02_good_o2_table_with_clerk_and_remarks.html", "O2", 2569, P, set()),
    ("e03_fail_o2_term_expired_note.html", "O2", 2569, R, {"term_ended"}),
    ("f01_good_o19_followup_mixed_status.html", "O19", 2569, P, set()),
    ("f02_good_o19_results_report_with_planned_round.html", "O19", 2569, P, set()),
    ("f03_fail_o19_held_last_fiscal_year_named.html", "O19", 2569, R, {"activity_said_earlier"}),
    ("f04_fail_o19_result_to_be_proposed.html", "O19", 2569, R, {"component_empty"}),
    ("g01_good_o13_plan_all_year_cells.html", "O13", 2569, P, set()),
    ("g02_good_o14_plan_announcement_then_results.html", "O14", 2569, P, set()),
    ("g03_good_o14_plan_and_results_title.html", "O14", 2569, P, set()),
    ("h02_good_o24_one_carried_over.html", "O24", 2569, P, set()),
    ("h03_fail_o24_not_done_reworded.html", "O24", 2569, R, {"component_empty"}),
    ("h04_good_o26_measures_title_report_sub.html", "O26", 2569, P, set()),
    ("h05_fail_o26_deferred_each_row.html", "O26", 2569, R, {"component_empty"}),
    ("i01_good_o25_measures_timeframe_all_year.html", "O25", 2569, P, set()),
    ("i02_good_o15_activities_done_summary_later.html", "O15", 2569, P, set()),
    ("i03_good_o5_plan_adopted_before_span.html", "O5", 2569, P, set()),
    ("i04_fail_o5_old_columns_short_years.html", "O5", 2569, R, {"body_year_earlier"}),
    ("i05_fail_o7_plan_columns_report_title.html", "O7", 2569, F, {"cover_only", "missing_component"}),
    ("e04_good_o2_former_list_no_term_line.html", "O2", 2569, P, set()),
    ("h06_good_o24_dates_in_first_quarter.html", "O24", 2569, P, set()),
    # fail: results "ดำเนินการตามความเหมาะสม", spend "ตามที่จ่ายจริง": no… (a known gap until the fortieth session)
    ("g04_fail_o14_results_per_suitability.html", "O14", 2569, F, {"missing_component"}),
]

# Known gaps, not asserted (fixtures/pages/review23/README.md says why each is left)
KNOWN_GAPS: list[str] = [
    "h01_good_o22_followed_measures.html",  # assessor: pass; the checker: fail
]


@pytest.mark.parametrize(("name", "item", "year", "status", "codes"), CASES, ids=[c[0] for c in CASES])
def test_the_twenty_third_reviewers_documents(name: str, item: str, year: int, status: Status,
                                              codes: set[str]) -> None:
    assert round_case(PAGES, name, item, year, KHOKSUNG) == (status, codes)


def test_every_file_is_in_the_cases() -> None:
    assert round_documents(PAGES) == case_documents([c[0] for c in CASES] + KNOWN_GAPS)
