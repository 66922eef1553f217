"""The forty-ninth reviewer's documents (fixtures/pages/review49): which year and which period each item wants, at
the boundaries — six-month and quarterly reports, reports signed after the year, plans approved before it, calendar
years, multi-year plans, months after the check day (ITA 2569). Each verdict was written before the checker ran
(fixtures/pages/review49/README.md says what misled it at the first run); the check day is 15 May."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import case_documents, round_case, round_documents

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review49"
KHOKSUNG = "องค์การบริหารส่วนตำบลโคกสูง"
P, R, F = Status.PASS, Status.REVIEW, Status.FAIL

CASES = [  # file, item, criteria year, status, the non-pass codes it must give
    # pass/review: current FY's six-month report "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ รอบ ๖ เดือน (๑ ตุลาคม ๒๕๖๘ – ๓๑ มีนาคม…
    ("a01_good_o7_six_month_fy69.pdf", "O7", 2569, R, {"fiscal_year_mismatch"}),
    # pass: previous-FY annual report "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", signed "๒๘ พฤศจิกายน ๒๕๖๘" = already FY2569 by…
    ("a02_good_o7_fy68_signed_nov68.pdf", "O7", 2569, P, set()),
    # fail: report on "ปีงบประมาณ พ.ศ. ๒๕๖๗" (two years back); re-signed "๑๐ ตุลาคม ๒๕๖๘" does not make it current
    ("b03_fail_o7_fy67_signed_oct68.pdf", "O7", 2569, F, {"stale_fiscal_year"}),
    # pass: annual procurement summary "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ (๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘)", signed ๑๕ ต.ค.…
    ("a04_good_o12_fy68_signed_oct68.pdf", "O12", 2569, P, set()),
    # fail: only "ปีงบประมาณ พ.ศ. ๒๕๖๙ รอบ ๖ เดือน"; the annual item wants the whole FY2568
    ("b05_fail_o12_six_month_fy69.pdf", "O12", 2569, F, {"fiscal_year_mismatch", "part_year_report"}),
    # fail: only "ไตรมาส ๑/๒๕๖๙ (ตุลาคม – ธันวาคม ๒๕๖๘)"
    ("b06_fail_o12_quarter1_fy69.pdf", "O12", 2569, F, {"fiscal_year_mismatch", "part_year_report"}),
    # fail/review: FY2568 heading but "(ข้อมูล ณ วันที่ ๓๑ มีนาคม ๒๕๖๘)", signed ๘ เม.ย. ๒๕๖๘: half a year
    ("b07_fail_o12_fy68_data_to_march68.pdf", "O12", 2569, R, {"data_as_of_early"}),
    # pass: HR report "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" signed ๓๐ ตุลาคม ๒๕๖๘; results, spent, problems, suggestions
    ("a08_good_o14_fy68_signed_oct68.pdf", "O14", 2569, P, set()),
    # fail: only the FY2569 six-month HR report; the annual item wants FY2568 whole
    ("b09_fail_o14_six_month_fy69.pdf", "O14", 2569, F, {"fiscal_year_mismatch", "part_year_report"}),
    # pass: criteria + plan "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙" approved "๒๕ กันยายน ๒๕๖๘", before the FY starts: normal
    ("a11_good_o13_plan69_approved_sep68.pdf", "O13", 2569, P, set()),
    # fail: plan "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", approved ๒๐ ก.ย. ๒๕๖๗: last year's plan
    ("b12_fail_o13_plan68_approved_sep67.pdf", "O13", 2569, F, {"stale_fiscal_year"}),
    # fail: written as pass/review; the reviewer found after the first run that this three-year plan gives a budget…
    ("a13_good_o13_three_year_2567_2569.pdf", "O13", 2569, F, {"fiscal_year_mismatch", "missing_component"}),
    # pass: ผด.๐๒ "แผนการดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๙" signed ๓๐ กันยายน ๒๕๖๘, month grid ต.ค.–ก.ย.
    ("a14_good_o6_plan69_signed_30sep68.pdf", "O6", 2569, P, set()),
    # fail: calendar-year plan "ประจำปี ๒๕๖๘ (มกราคม – ธันวาคม ๒๕๖๘)", signed ๒๐ ธ.ค. ๒๕๖๗: not FY2569
    ("b15_fail_o6_calendar_2568.pdf", "O6", 2569, F, {"stale_fiscal_year"}),
    # fail/review: heading "ปีงบประมาณ ๒๕๖๘–๒๕๖๙" but body "ข้อบัญญัติ…ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ … ตุลาคม ๒๕๖๗ –…
    ("b16_fail_o6_two_years_2568_2569_body68.pdf", "O6", 2569, F, {"stale_fiscal_year"}),
    # pass: แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ – ๒๕๗๐) covers 2569; vision, strategies, goals
    ("a17_good_o5_2566_2570.pdf", "O5", 2569, P, set()),
    # fail: แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๑ – ๒๕๖๕) ended
    ("b18_fail_o5_2561_2565.pdf", "O5", 2569, F, {"stale_fiscal_year"}),
    # pass: "แผนพัฒนาท้องถิ่น ฉบับทบทวน พ.ศ. ๒๕๖๙ (พ.ศ. ๒๕๖๖ – ๒๕๗๐)", whole plan, reviewed "ทั้งฉบับ"
    ("a19_good_o5_review_for_2569.pdf", "O5", 2569, P, set()),
    # pass: monthly ต.ค. ๒๕๖๘ – เม.ย. ๒๕๖๙, months without purchases stated "ไม่มีการจัดซื้อจัดจ้าง"
    ("a20_good_o11_oct68_apr69.html", "O11", 2569, P, set()),
    # fail/review: ตุลาคม ๒๕๖๘ – กุมภาพันธ์ ๒๕๖๙ only; มีนาคม ๒๕๖๙ due by 15 May missing
    ("b21_fail_o11_oct68_feb69_only.html", "O11", 2569, R, {"months_missing"}),
    # fail/review: "ประจำปี ๒๕๖๘ (มกราคม – ธันวาคม ๒๕๖๘)": 9 of 12 months FY2568; ม.ค.–มี.ค. ๒๕๖๙ missing
    ("b22_fail_o11_calendar_2568.html", "O11", 2569, R, {"months_missing"}),
    # pass: สขร.๑ months "ต.ค. ๖๘" … "มี.ค. ๖๙" with Thai short years; ม.ค. ๖๙ stated no procurement
    ("a24_good_o11_short_years.pdf", "O11", 2569, P, set()),
    # pass: statistics "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ (ต.ค. ๖๗ – ก.ย. ๖๘)" month by month, 2 complaints ended
    ("a25_good_o18_fy68_months.pdf", "O18", 2569, P, set()),
    # pass/review: FY2569 stats "ข้อมูล ณ วันที่ ๓๑ มีนาคม ๒๕๖๙"; signed ๓ เม.ย. ๒๕๖๙; the year rule is unsettled…
    ("a27_good_o18_fy69_to_march69.pdf", "O18", 2569, R, {"fiscal_year_mismatch"}),
    # pass: anti-corruption plan "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙" signed ๒๙ ก.ย. ๒๕๖๘; projects, budget, period
    ("a28_good_o23_plan69_signed_sep68.pdf", "O23", 2569, P, set()),
    # fail: 4-year plan "(พ.ศ. ๒๕๖๕ – ๒๕๖๘)" ended before FY2569
    ("b29_fail_o23_four_year_2565_2568.pdf", "O23", 2569, F, {"missing_component", "stale_fiscal_year"}),
    # pass: report "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" signed ๓ ต.ค. ๒๕๖๘
    ("a30_good_o24_fy68_signed_oct68.pdf", "O24", 2569, P, set()),
    # fail/review: only FY2569 "รอบ ๖ เดือน"; the previous year's report is wanted
    ("b31_fail_o24_six_month_fy69.pdf", "O24", 2569, R, {"fiscal_year_mismatch"}),
    # fail/review: FY2568 heading but "(ข้อมูล ณ วันที่ ๓๑ มีนาคม ๒๕๖๘)", Oct 67–Mar 68 only
    ("b32_fail_o26_fy68_data_to_march68.pdf", "O26", 2569, F, {"data_as_of_early", "part_year_report"}),
    # pass: FY2568 report with CE "October 2024 – September 2025", signed ๑๐ ต.ค. ๒๕๖๘ (10 October 2025
    ("a33_good_o26_fy68_ce_dates.pdf", "O26", 2569, P, set()),
    # pass/review: 3-year HR plan "๒๕๖๗ – ๒๕๖๙" with a 2569 budget column, criteria and "ระยะเวลาดำเนินการ"
    ("a36_good_o13_three_year_with_period.pdf", "O13", 2569, R, {"fiscal_year_mismatch"}),
    # fail: report on "ปีงบประมาณ พ.ศ. ๒๕๖๖–๒๕๖๗": both years older than… (a known gap until the fortieth session)
    ("b10_fail_o14_fy66_67_two_years.pdf", "O14", 2569, F, {"stale_fiscal_year"}),
    # fail/review: only "ประจำเดือนมิถุนายน ๒๕๖๙" signed "๓๐ มิถุนายน… (a known gap until the fortieth session)
    ("b23_fail_o11_future_june69.html", "O11", 2569, R, {"months_missing"}),
    # fail/review: calendar year "ประจำปี ๒๕๖๘ (๑ มกราคม – ๓๑ ธันวาคม… (a known gap until the fortieth session)
    ("b26_fail_o18_calendar_2568.pdf", "O18", 2569, R, {"fiscal_year_mismatch"}),
    # fail: only "ไตรมาส ๑/๒๕๖๘ (ตุลาคม – ธันวาคม ๒๕๖๗)": last year's first… (a known gap until the fortieth
    # session)
    ("b34_fail_o12_quarter1_fy68.pdf", "O12", 2569, F, {"part_year_report"}),
    # fail/review: only "ประจำเดือนเมษายน ๒๕๖๙"; ต.ค. ๖๘ – มี.ค. ๖๙ not… (a known gap until the fortieth session)
    ("b35_fail_o11_only_april69.html", "O11", 2569, R, {"months_missing"}),
]

# Known gaps, not asserted (fixtures/pages/review49/README.md says why each is left)
KNOWN_GAPS: list[str] = []


@pytest.mark.parametrize(("name", "item", "year", "status", "codes"), CASES, ids=[c[0] for c in CASES])
def test_the_forty_ninth_reviewers_documents(name: str, item: str, year: int, status: Status,
                                            codes: set[str]) -> None:
    assert round_case(PAGES, name, item, year, KHOKSUNG) == (status, codes)


def test_every_file_is_in_the_cases() -> None:
    assert round_documents(PAGES) == case_documents([c[0] for c in CASES] + KNOWN_GAPS)
