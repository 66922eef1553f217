"""A fifth reviewer's documents (fixtures/pages/review5), written to break the fourth round's fixes: the part-year
report, the order as the whole document, the news page and the month's procurements dated by their entries, the owner
check, the E-Service's other bodies, "ITA 2568", the new phrases. Documents an assessor fails must not pass (a person
may look: review); documents an assessor passes must not fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import finding_from_files

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review5"
AGENCY = "องค์การบริหารส่วนตำบลหนองบัว"

CASES = [  # files, item, fiscal year, status, the non-pass codes it must give
    # the reviewer fails each
    (("f01_o4_upcoming.html",), "O4", 2569, Status.REVIEW, {"fiscal_year_mismatch"}),  # one old post names November
    (("f02_o4_today_widget.html",), "O4", 2569, Status.REVIEW, {"fiscal_year_mismatch"}),  # only "today" is 2569
    (("f03_o11_sep_pub_oct.html",), "O11", 2569, Status.REVIEW, {"fiscal_year_mismatch"}),  # September's, signed Oct.
    (("f04_o11_aug_enddates.html",), "O11", 2569, Status.FAIL, {"stale_fiscal_year"}),
    (("f05_o7_second_half.html",), "O7", 2569, Status.FAIL, {"part_year_report"}),  # "รอบ 6 เดือนหลัง"
    (("f06_o12_q4_only.html",), "O12", 2569, Status.FAIL, {"part_year_report"}),  # "ไตรมาสที่ 4 (1 ก.ค. – 30 ก.ย.)"
    (("f07_o7_half_deep.pdf",), "O7", 2569, Status.FAIL, {"part_year_report"}),  # the period on the cover's 5th line
    # a cover memo "เรื่อง รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี… ตามเอกสารแนบ" above October–March only (was a pass)
    (("f08_o12_cover_memo.html", "f08b_o12_half_table.html"), "O12", 2569, Status.FAIL, {"part_year_report"}),
    (("f09_o10_pea_pwa.html",), "O10", 2569, Status.REVIEW, {"no_online_channel"}),  # the PEA's and the PWA's
    # อบต.โคกสำราญ's summary; "ตำบลหนองบัว" only as its road's end "สายบ้านโคกสำราญ – ตำบลหนองบัว" (was a pass)
    (("f10_o12_peer_road.html",), "O12", 2569, Status.FAIL, {"peer_agency_document"}),
    # อบต.หนองบัวแดง's guideline: its place is the agency's and one more word, another body's (was a pass; review
    # until review58 b04)
    (("f11_o16_peer_prefix.html",), "O16", 2569, Status.FAIL, {"peer_agency_document"}),
    (("f12_o19_proposal.html",), "O19", 2569, Status.FAIL, {"missing_component"}),  # "เพื่อให้ได้ข้อสรุป…", a proposal
    (("f13_o12_2568_old_list.html",), "O12", 2568, Status.REVIEW, {"fiscal_year_mismatch"}),  # its contracts end later
    (("f14_o14_half_words.html",), "O14", 2569, Status.FAIL, {"part_year_report"}),  # "ระยะ 6 เดือน (… ถึงวันที่ …)"
    (("f15_o25_ita2568_old.html",), "O25", 2569, Status.REVIEW, {"no_fiscal_year"}),  # only "ITA 2567", "ITA 2568"
    (("f16_o1_staff_directory.html",), "O1", 2569, Status.FAIL, {"missing_component"}),  # "ผู้รับผิดชอบงานเว็บไซต์"
    # the reviewer passes each
    (("p01_o18_quarter_cols.html",), "O18", 2569, Status.PASS, set()),  # columns "ไตรมาสที่ 1 | … | ไตรมาสที่ 4"
    (("p02_o12_q1to4.html",), "O12", 2569, Status.PASS, set()),  # "(ไตรมาสที่ 1 – 4)"
    (("p03_o7_q4_cumulative.html",), "O7", 2569, Status.PASS, set()),  # "ไตรมาสที่ 4 (สะสมทั้งปี)"
    (("p04_o14_two_halves.html",), "O14", 2569, Status.PASS, set()),  # "(รอบ 6 เดือนแรก และรอบ 6 เดือนหลัง)"
    (("p05_o7_cms_title.html",), "O7", 2569, Status.PASS, set()),  # only the page's title says "รอบ 6 เดือน"
    (("p06_o4_ce_numeric.html",), "O4", 2569, Status.PASS, set()),  # "06/10/2025"
    (("p07_o4_daymonth_badges.html",), "O4", 2569, Status.REVIEW, {"fiscal_year_mismatch"}),  # badges with no year
    (("p08_o21_order_annex_assessment.pdf",), "O21", 2569, Status.PASS, set()),  # the order, its list, the assessment
    (("p09_o23_plan.html", "p09b_o23_order.html"), "O23", 2569, Status.PASS, set()),  # a plan beside its order
    (("p10_o10_ltax.html",), "O10", 2569, Status.PASS, set()),  # the agency's taxes through ltax.dla.go.th
    (("p11_o10_own_second_domain.html",), "O10", 2569, Status.REVIEW, {"no_online_channel"}),  # its second .go.th
    (("p12_o2_police_ranks.html",), "O2", 2569, Status.PASS, set()),  # "ร.ต.ต.…", "พ.อ.อ.…"
    (("p13_o11_oct_fiscalword.html",), "O11", 2569, Status.REVIEW, {"fiscal_year_mismatch"}),  # Sept. contracts
    (("p14_o25_ita2569.html",), "O25", 2569, Status.REVIEW, {"no_fiscal_year"}),  # "ITA 2569" its only year
    (("p15_o23_period_col_last.html",), "O23", 2569, Status.PASS, set()),  # a column "ระยะเวลาที่กำหนด"
    (("p15b_o23_period_col_mid.pdf",), "O23", 2569, Status.PASS, set()),
    (("p16_o1_click_chart.html",), "O1", 2569, Status.PASS, set()),  # "คลิกที่ภาพเพื่อดูแผนผังโครงสร้างองค์กร…"
    (("p16b_o1_chart_inline.html",), "O1", 2569, Status.PASS, set()),
    (("p18_o10_vendor_host.html",), "O10", 2569, Status.PASS, set()),  # its own forms on a vendor's .co.th host
    # a sixth reviewer's good documents, each failed by a first version of this session's checks (files r6_*)
    (("r6_d01.html",), "O24", 2569, Status.PASS, set()),  # "(ต่อจากการรายงานผลรอบ 6 เดือน)", "ระหว่างวันที่ 1 ต.ค. – 30 ก.ย."
    (("r6_d05.pdf",), "O14", 2569, Status.PASS, set()),  # a memo "ตามที่… ได้รายงานผล… รอบ 6 เดือน ไปแล้วนั้น"
    (("r6_d05c.pdf",), "O14", 2569, Status.PASS, set()),
    (("r6_d06.html",), "O24", 2569, Status.PASS, set()),  # both halves as spans, "…30 ก.ย. 68"
    (("r6_d07b.html",), "O14", 2569, Status.PASS, set()),  # "ข้อมูล ณ สิ้นไตรมาสที่ 4" under the year's title
    (("r6_d09.pdf",), "O21", 2569, Status.PASS, set()),  # an order, the assessment, then an order assigning owners
    (("r6_d13.html",), "O2", 2569, Status.PASS, set()),  # "นายกฯ", "รองนายกฯ คนที่ 1"
    (("r6_d17.html",), "O4", 2569, Status.PASS, set()),  # "2025-10-06"
    (("r6_d17b.html",), "O4", 2569, Status.PASS, set()),  # "06-10-2568"
    (("r6_d17c.html",), "O4", 2569, Status.PASS, set()),  # "Oct 6, 2025"
]


@pytest.mark.parametrize(("names", "item", "year", "status", "codes"), CASES, ids=[f"{c[0][0]}-{c[1]}" for c in CASES])
def test_the_fifth_reviewers_documents(names: tuple[str, ...], item: str, year: int, status: Status,
                                       codes: set[str]) -> None:
    f = finding_from_files(item, [PAGES / n for n in names], year, agency=AGENCY)
    got = {r.code for r in f.reasons if r.severity is not Status.PASS}
    assert (f.status, codes <= got) == (status, True), (f.status, got)


def test_a_cover_memo_above_the_whole_year_s_table_passes(tmp_path: Path) -> None:
    # the same memo above the table of the whole year: the memo's "ประจำปี" no longer speaks for the table, the table
    # does
    table = (PAGES / "f08b_o12_half_table.html").read_text(encoding="utf-8")
    assert "ถึงเดือนมีนาคม 2568" in table
    whole = tmp_path / "whole_year.html"
    whole.write_text(table.replace("ถึงเดือนมีนาคม 2568", "ถึงเดือนกันยายน 2568"), encoding="utf-8")
    f = finding_from_files("O12", [PAGES / "f08_o12_cover_memo.html", whole], 2569, agency=AGENCY)
    assert f.status is Status.PASS, [r.code for r in f.reasons]
