"""The twentieth reviewer's documents (fixtures/pages/review20): 2569 O5, O6, O8, O13, O14, O15: plans, manuals, HR and
ethics, the items earlier rounds hardly touched. Each verdict was written before the checker ran (38 documents: 13
false passes, 7 false fails and one wrong error at the first run); the months are checked on 15 May."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import case_documents, round_case, round_documents

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review20"
KHOKSUNG = "องค์การบริหารส่วนตำบลโคกสูง"
P, R, F = Status.PASS, Status.REVIEW, Status.FAIL

CASES = [  # file, item, fiscal year, status, the non-pass codes it must give
    # the annual plan as the strategic one; the old plan's body under a new cover (both were passes)
    ("s01_fail_o5_annual_plan_as_strategic.html", "O5", 2569, R, {"fiscal_year_mismatch"}),
    ("s04_fail_o5_new_cover_old_body.html", "O5", 2569, R, {"body_year_earlier"}),
    ("s02_fail_o5_no_years.html", "O5", 2569, F, {"stale_fiscal_year"}),
    ("s03_fail_o5_announcement_only.html", "O5", 2569, R, {"attachment_not_published"}),
    ("s05_good_o5_thai_digits.html", "O5", 2569, P, set()),
    ("s08_fail_o6_empty_table_pending.html", "O6", 2569, F, {"content_pending"}),
    ("s09_fail_o6_no_timeframe_note.html", "O6", 2569, F, {"missing_component"}),
    ("s10_good_o6_compact_thai_digits.html", "O6", 2569, P, set()),
    ("s11_good_o6_action_plan_single_months.html", "O6", 2569, P, set()),
    ("s13_fail_o8_citizen_manual.html", "O8", 2569, R, {"component_doubted"}),
    ("s14_fail_o8_titles_pending.html", "O8", 2569, R, {"component_empty"}),
    ("s15_fail_o8_duty_order.html", "O8", 2569, F, {"missing_component"}),
    ("s16_good_o8_staff_manual_plain.html", "O8", 2569, P, set()),
    ("s17_good_o8_standard_thai_digits.html", "O8", 2569, P, set()),
    ("s18_fail_o13_training_list_only.html", "O13", 2569, F, {"missing_component"}),
    ("s19_fail_o13_manpower_plan.html", "O13", 2569, F, {"fiscal_year_mismatch", "missing_component"}),
    ("s21_good_o13_policy_words_thai_digits.html", "O13", 2569, P, set()),
    ("s22_fail_o13_no_own_criteria.html", "O13", 2569, F, {"missing_component"}),
    ("s23_fail_o14_nothing_done.html", "O14", 2569, R, {"component_empty"}),
    ("s24_fail_o14_rows_dated_2567.html", "O14", 2569, R, {"dates_earlier"}),
    ("s26_good_o14_table_own_headers.html", "O14", 2569, P, set()),
    ("s27_fail_o14_current_year_midyear.html", "O14", 2569, R, {"fiscal_year_mismatch"}),
    ("s28_fail_o15_code_only_duty_words.html", "O15", 2569, F, {"missing_component"}),
    ("s29_fail_o15_promotion_pending.html", "O15", 2569, R, {"component_empty"}),
    ("s30_fail_o15_neighbour_code.html", "O15", 2569, F, {"peer_agency_document"}),
    ("s31_good_o15_plain_table.html", "O15", 2569, P, set()),
    ("s32_fail_o15_activity_sep68_2digit.html", "O15", 2569, R, {"activities_earlier"}),
    ("s09b_fail_o6_no_timeframe_no_note.html", "O6", 2569, F, {"missing_component"}),
    ("s14b_fail_o8_titles_not_published.html", "O8", 2569, R, {"component_empty"}),
    ("s19b_fail_o13_manpower_plan_one_project.html", "O13", 2569, R, {"fiscal_year_mismatch"}),
    ("s33_fail_o5_province_plan.html", "O5", 2569, R, {"another_agency_document"}),
    ("s24b_fail_o14_four_rows_dated_2567.html", "O14", 2569, R, {"dates_earlier"}),
    # 2569 title, every activity month of FY 2568: the report's signing day no longer hides them (thirty-ninth session)
    ("s20_fail_o13_months_last_year.html", "O13", 2569, R, {"dates_earlier"}),
    # pass: 5-year plan 2566–2570: desired future, missions, development… (a known gap until the fortieth session)
    ("s06_good_o5_issues_kpi_table.html", "O5", 2569, P, set()),
    # fail/review: ผด.02 grid headed "พ.ศ. 2567 ต.ค." / "พ.ศ. 2568 ม.ค.":… (a known gap until the fortieth session)
    ("s07_fail_o6_grid_last_year.html", "O6", 2569, R, {"stale_periods"}),
    # pass: budget in ล้านบาท, quarters Q1–Q4 with month spans (a known gap until the fortieth session)
    ("s12_good_o6_million_baht_quarters.html", "O6", 2569, P, set()),
    # pass: compact prose: สิ่งที่ทำได้, เงินที่ใช้ 86,450 บาท,… (a known gap until the fortieth session)
    ("s25_good_o14_plain_prose.html", "O14", 2569, P, set()),
    # fail/review: variant of s18 with a "โครงการ/หลักสูตร" column: still… (a known gap until the fortieth session)
    ("s18b_fail_o13_training_list_project_header.html", "O13", 2569, F, {"missing_component"}),
]

# Known gaps, not asserted (fixtures/pages/review20/README.md says why each is left)
KNOWN_GAPS: list[str] = []


@pytest.mark.parametrize(("name", "item", "year", "status", "codes"), CASES, ids=[c[0] for c in CASES])
def test_the_twentieth_reviewers_documents(name: str, item: str, year: int, status: Status,
                                       codes: set[str]) -> None:
    assert round_case(PAGES, name, item, year, KHOKSUNG) == (status, codes)


def test_every_file_is_in_the_cases() -> None:
    assert round_documents(PAGES) == case_documents([c[0] for c in CASES] + KNOWN_GAPS)
