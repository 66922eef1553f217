"""An eighth reviewer's documents (fixtures/pages/review8): aimed at the checks one session added (one project's
report, slogans and pledge ceremonies, a road's name as a place, a workbook's sheets, `stated_by` of the plan's budget
and the structure's duties, an attachment of photographs, the page title against a heading's year, a neighbour's
signature), each with the verdict the reviewer wrote before the checker ran. Documents an assessor fails must not
pass (a person may look: review); documents an assessor passes must not fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import finding_from_files

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review8"
AGENCY = "องค์การบริหารส่วนตำบลหนองบัว"

CASES = [  # file, item, status, the non-pass codes it must give (fiscal year 2569, the 2569 catalogue)
    # the reviewer fails each; one project's report: CMS lines above the heading, the year between the words,
    # "สรุปผลการจัดโครงการ…", the plan's entry "ลำดับที่ ๑๒ โครงการ…" cited (each was a pass)
    ("f01_o7_oneproject_cms.html", "O7", Status.REVIEW, {"one_project_report"}),
    ("f02_o7_oneproject_yearfirst.html", "O7", Status.REVIEW, {"one_project_report"}),
    ("f03_o7_oneproject_sarup.html", "O7", Status.REVIEW, {"one_project_report"}),
    ("f04_o7_oneproject_planref.html", "O7", Status.REVIEW, {"one_project_report"}),
    # general complaints under "…ต่อต้านการทุจริตคอร์รัปชันทุกรูปแบบ", "องค์กรโปร่งใส ปลอดทุจริต" (each was a pass)
    ("f07_o17_general_slogan_korrup.html", "O17", Status.FAIL, {"missing_component"}),
    ("f08_o17_general_slogan_plot.html", "O17", Status.FAIL, {"missing_component"}),
    ("f10_o20_pledge_in_text.html", "O20", Status.FAIL, {"missing_component"}),  # "…และขอปฏิญาณตนว่า…", no activity
    ("f11_o18_peer_road.html", "O18", Status.FAIL, {"peer_agency_document"}),
    # October–March and a summary sheet without a heading (was a pass); the same with one sheet
    ("f12_o12_halfyear_summarysheet.xlsx", "O12", Status.FAIL, {"part_year_report"}),
    ("q12_o12_halfyear_onesheet.xlsx", "O12", Status.FAIL, {"part_year_report"}),
    # the Act's duties; "งานป้องกันและบรรเทาสาธารณภัย" is a unit's name, no duty (was a pass)
    ("f14_o1_lawonly_unitnames.html", "O1", Status.REVIEW, {"component_not_stated"}),
    ("f15_o6_dash_postcode.html", "O6", Status.REVIEW, {"component_not_stated"}),  # a postcode is no budget
    # FY 2567's report headed by the plan's "(พ.ศ. ๒๕๖๖ – ๒๕๗๐)", its title "…2567" (was a review)
    ("f23_o7_range_heading_stale.html", "O7", Status.FAIL, {"stale_fiscal_year"}),
    # a neighbour's report signed "(นาย…) ปลัดองค์การบริหารส่วนตำบลโนนสูง ผู้รายงาน" on one line (was a pass)
    ("f25_o7_neighbour_sig_oneline.html", "O7", Status.REVIEW, {"peer_signed_document"}),
    ("f26_o7_neighbour_sig_lines.html", "O7", Status.REVIEW, {"peer_signed_document"}),
    # the reviewer passes each
    ("p05_o7_whole_headed_project.html", "O7", Status.PASS, set()),  # "…โครงการพัฒนาท้องถิ่น", eight projects
    ("p09_o20_caption_campaign.html", "O20", Status.PASS, set()),  # "…ร่วมรณรงค์… เข้าร่วม ๔๕ คน"
    ("p17_o20_sig_wrapped.html", "O20", Status.PASS, set()),
    ("p19_o19_photos_attached.html", "O19", Status.PASS, set()),  # "ภาพกิจกรรมตามเอกสารแนบท้าย"
    # FY 2568: no complaint, "…ตามแบบรายงานแนบท้ายประกาศนี้" (the reviewer passed it at medium confidence)
    ("p20_o18_zero_announce.html", "O18", Status.REVIEW, {"attachment_not_published"}),
    ("p21_o17_tip_off_slogan.html", "O17", Status.PASS, set()),  # "ใช้ตำแหน่งหน้าที่แสวงหาประโยชน์ส่วนตน"
    ("p24_o7_range_heading_title2568.html", "O7", Status.PASS, set()),
]


@pytest.mark.parametrize(("name", "item", "status", "codes"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_the_eighth_reviewers_documents(name: str, item: str, status: Status, codes: set[str]) -> None:
    f = finding_from_files(item, [PAGES / name], 2569, agency=AGENCY)
    got = {r.code for r in f.reasons if r.severity is not Status.PASS}
    assert (f.status, codes <= got) == (status, True), (f.status, got)
