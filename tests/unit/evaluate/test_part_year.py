"""A report on part of a fiscal year given for an item that asks for the whole previous year's
(fixtures/pages/part_year): "รอบ 6 เดือน (1 ตุลาคม 2567 – 31 มีนาคม 2568)" cannot hold the year's results. Last year's
part fails every such item; this year's first half fails an annual ("…ประจำปี") item on a settled year rule and stays a
review where the sources leave it possible (O7 takes it by design, 2568 O26's year is unsettled)."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Finding, Status
from tests.support.evaluate import finding_from_files

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "part_year"
AGENCY = "องค์การบริหารส่วนตำบลหนองบัว"


def _finding(item: str, year: int, *names: str) -> Finding:
    return finding_from_files(item, [PAGES / n for n in names], year, agency=AGENCY)


CASES = [  # item, fiscal year, files, status, the non-pass codes it must give, codes it must not give
    # 2569 O12 (the previous year's annual procurement summary): this year's first six months, last year's
    ("O12", 2569, ("o12_half_current.html",), Status.FAIL, {"part_year_report", "fiscal_year_mismatch"}, set()),
    ("O12", 2569, ("o12_half_previous.html",), Status.FAIL, {"part_year_report"}, set()),
    # the whole year, by its dates or as "รอบ 12 เดือน"; the six-month report beside the whole year's
    ("O12", 2569, ("o12_whole_previous.html",), Status.PASS, set(), {"part_year_report"}),
    ("O12", 2569, ("o12_twelve_months.html",), Status.PASS, set(), {"part_year_report"}),
    ("O12", 2569, ("o12_half_previous.html", "o12_whole_previous.html"), Status.PASS, set(), {"part_year_report"}),
    # O7 takes this year's six-month report (a person looks, as before); last year's six months it does not
    ("O7", 2569, ("o7_half_current.html",), Status.REVIEW, {"fiscal_year_mismatch"}, {"part_year_report"}),
    ("O7", 2569, ("o7_half_previous.html",), Status.FAIL, {"part_year_report"}, set()),
    # 2568 O26's year is unsettled (the previous year by one source, the current by others): this year's half stays
    # a review; 2569 O24 asks the previous year's report, and a half of that year is no whole year
    ("O26", 2568, ("o26_half_current_2568.html",), Status.REVIEW, {"fiscal_year_mismatch"}, {"part_year_report"}),
    ("O24", 2569, ("o26_half_current_2568.html",), Status.FAIL, {"part_year_report"}, set()),
    # a PDF in Thai digits, "๖ เดือนแรก (๑ ต.ค. ๒๕๖๖ – ๓๑ มี.ค. ๒๕๖๗)", for 2568 O15 (the HR report of FY 2567)
    ("O15", 2568, ("o15_first_half_2567.pdf",), Status.FAIL, {"part_year_report"}, set()),
]


@pytest.mark.parametrize(("item", "year", "names", "status", "codes", "absent"), CASES,
                         ids=[f"{c[0]}-{c[1]}-{'+'.join(c[2])}" for c in CASES])
def test_a_part_year_report_for_a_whole_year_item(item: str, year: int, names: tuple[str, ...], status: Status,
                                                  codes: set[str], absent: set[str]) -> None:
    f = _finding(item, year, *names)
    got = {r.code for r in f.reasons if r.severity is not Status.PASS}
    assert (f.status, codes <= got, got & absent) == (status, True, set()), (f.status, got)


def test_the_reason_quotes_the_period_and_names_the_whole_year() -> None:
    [part] = [r for r in _finding("O15", 2568, "o15_first_half_2567.pdf").reasons if r.code == "part_year_report"]
    assert part.severity is Status.FAIL
    [ev] = part.evidence
    assert ev.page == 1 and "6 เดือนแรก (1 ต.ค. 2566 – 31 มี.ค. 2567)" in ev.snippet
    assert "2567" in part.message_th and "1 ต.ค. 2566 – 30 ก.ย. 2567" in part.message_th


@pytest.mark.parametrize(("head", "part"), [
    # a quarter with its year after a slash, and an October span whose first month leaves its year to the end
    # (review49 b34, b06)
    ("รายงานผลการจัดซื้อจัดจ้าง ไตรมาส 1/2568 (ตุลาคม – ธันวาคม 2567)", True),
    ("รายงานผลการจัดซื้อจัดจ้าง ไตรมาส 1/2569", True),
    ("รายงานผลการจัดซื้อจัดจ้าง (ต.ค. – ธ.ค. 68)", True),
    ("สรุปผลการจัดซื้อจัดจ้าง ไตรมาส 1 ปี 69", True),
    # the whole year still: from October to September, with or without October's year; all four quarters
    ("รายงานผลการจัดซื้อจัดจ้าง (ตุลาคม – กันยายน 2568)", False),
    ("รายงานผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ 2568 (1 ตุลาคม 2567 – 30 กันยายน 2568)", False),
    ("ผลการดำเนินงาน ไตรมาสที่ 1 – 4 ปีงบประมาณ 2568", False),
])
def test_a_heading_names_part_of_the_year(head: str, part: bool) -> None:
    from oit_checker.evaluate.item import _names_part
    assert _names_part(head) is part


def test_a_table_row_of_one_quarter_is_no_heading_of_a_part() -> None:
    # review23 b04: the year's four quarters as rows, the first row within the heading's lines
    from oit_checker.evaluate.item import _names_part
    assert not _names_part("ข้อมูลสถิติเรื่องร้องเรียน ประจำปีงบประมาณ พ.ศ. 2568\nไตรมาส | ช่วงเวลา | เรื่อง\n"
                           "1 | ต.ค. – ธ.ค. 2567 | 0 | 0 | ไม่มีเรื่องร้องเรียน")


def test_a_year_given_in_two_halves_is_the_whole_year() -> None:
    # review51 f06: the half from October, then the row of the half to September
    from oit_checker.evaluate.item import _names_part, _part_head
    raw = ("สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n"
           "องค์การบริหารส่วนตำบลโคกสูง อำเภอภูเวียง จังหวัดขอนแก่น\nเดือน | จำนวนเรื่องร้องเรียนการทุจริต | ผลการดำเนินการ\n"
           "ต.ค. ๖๗ - มี.ค. ๖๘ | ๐ | -\nเม.ย. - ก.ย. ๖๘ | ๐ | -")
    assert not _names_part(_part_head(raw))
    assert _names_part(_part_head(raw.rsplit("\n", 1)[0]))  # the first half alone is a part
