"""A ninth reviewer's documents (fixtures/pages/review9): the wordings one session added (O9's "ค่าใช้จ่าย :" and
"หลักฐานที่ต้องนำมา", "งบที่ได้รับ (บาท)", "จุดเสี่ยง", "ใช้จริง (บาท)", "ใช้ตำแหน่งหน้าที่แสวงหาประโยชน์…", "เข้าร่วม N คน")
and its checks narrowed a first time, each with the verdict the reviewer wrote before the checker ran; `q…` are the
reviewer's probes (a document changed a little). Documents an assessor fails must not pass (a person may look:
review); documents an assessor passes must not fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import finding_from_files, finding_from_html

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review9"
AGENCY = "องค์การบริหารส่วนตำบลหนองบัว"

CASES = [  # file, item, fiscal year (= catalogue year), status, the non-pass codes it must give
    # the reviewer fails each
    # "เอกสารที่ต้องยื่น… ตามที่กฎหมายกำหนด"; "หนังสือรับรอง" only in the service's name (was a pass)
    ("f02_o9_docs_unnamed.html", "O9", 2569, Status.REVIEW, {"component_not_stated"}),
    ("f03_o9_fee_blank.html", "O9", 2568, Status.FAIL, {"missing_component"}),  # "ค่าใช้จ่าย :" left blank (was a pass)
    # September's, posted in October; its failing part was the e-GP number, carried over from 2568's workbook and at
    # review since the thirty-ninth session (not on the legal form สขร.๑): the month and the year are for a person
    ("f05_o11_month_sep.html", "O11", 2569, Status.REVIEW, {"missing_component", "fiscal_year_mismatch"}),
    ("q05_o11_sep_egp.html", "O11", 2569, Status.REVIEW, {"fiscal_year_mismatch"}),  # September's, posted in October
    ("f08_o7_form_slash.html", "O7", 2569, Status.REVIEW, {"one_project_report"}),  # "ชื่อโครงการ/กิจกรรม :" (was a pass)
    ("q08_o7_no_slash.html", "O7", 2569, Status.REVIEW, {"one_project_report"}),
    ("f09_o7_activity.html", "O7", 2568, Status.REVIEW, {"one_project_report"}),  # "รายงานผลการจัดกิจกรรม…" (was a pass)
    ("q09_o7_jad_project.html", "O7", 2568, Status.REVIEW, {"one_project_report"}),
    ("f10_o7_dates_disagree.html", "O7", 2569, Status.FAIL, {"stale_fiscal_year"}),
    # the announcement of 1 ต.ค. 2567 beside its only culture activity, "เมื่อวันที่ 26 กันยายน 2567" (was a pass)
    ("f17_o21_2568_nogift_stale.html", "O21", 2568, Status.REVIEW, {"activity_date_earlier"}),
    # "…ตามรูปเล่มรายงานแนบท้ายประกาศนี้": a bound report, no photographs (was a pass)
    ("f11_o24_rupleam.html", "O24", 2569, Status.REVIEW, {"attachment_not_published"}),
    ("q11_o24_lem.html", "O24", 2569, Status.REVIEW, {"attachment_not_published"}),
    # road-accident black spots under the slogans "ปลอดทุจริต", "…ต่อต้านการทุจริตคอร์รัปชันทุกรูปแบบ" (was a pass)
    ("f12_o21_accident_risk.html", "O21", 2569, Status.FAIL, {"missing_component", "risks_off_subject"}),
    ("q12_o21_no_slogans.html", "O21", 2569, Status.FAIL, {"missing_component", "risks_off_subject"}),
    ("q12b_2568_accident_risk.html", "O23", 2568, Status.FAIL, {"missing_component", "risks_off_subject"}),
    # positions "นักพัฒนาชุมชน", "นักวิชาการส่งเสริม…", "ผู้ดูแลเว็บไซต์" are no duties (was a pass)
    ("f14_o1_positions.html", "O1", 2569, Status.REVIEW, {"component_not_stated"}),
    ("q14_o1_no_titles.html", "O1", 2569, Status.REVIEW, {"component_not_stated"}),
    # general grievances; "ไม่มีการใช้ตำแหน่งหน้าที่แสวงหาประโยชน์ส่วนตน" is a value, no subject (was a pass)
    ("f15_o17_general.html", "O17", 2569, Status.FAIL, {"missing_component"}),
    ("f19_o24_plan_tracking.html", "O24", 2569, Status.FAIL, {"missing_component"}),
    # every post of FY 2568 under "ปีงบประมาณ 2569": the words against the dates, a person looks
    ("f21_o4_news_fy68.html", "O4", 2569, Status.REVIEW, {"fiscal_year_mismatch"}),
    # the reviewer passes each
    ("p01_o9_fee_colon.html", "O9", 2569, Status.PASS, set()),
    ("q04_o11_oct_egp.html", "O11", 2569, Status.PASS, set()),  # "งบที่ได้รับ (บาท)"
    ("p06_o12_workbook_halves.xlsx", "O12", 2569, Status.PASS, set()),  # both halves on two sheets (was a fail)
    # "รายงานสรุปผลการดำเนินโครงการ อบต.หนองบัว", a table "ชื่อโครงการ | …" of eight (was a review)
    ("p07_o7_whole_table.html", "O7", 2569, Status.PASS, set()),
    ("p13_o21_jutsiang.html", "O21", 2569, Status.PASS, set()),
    ("p16_o20_nogift_activity.html", "O20", 2569, Status.PASS, set()),
    ("p18_o1_noun_duties.html", "O1", 2569, Status.PASS, set()),  # "มีหน้าที่เกี่ยวกับการรับเงิน…" (was a review)
    ("p20_o4_news_fy69.html", "O4", 2569, Status.PASS, set()),
]


@pytest.mark.parametrize(("name", "item", "year", "status", "codes"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_the_ninth_reviewers_documents(name: str, item: str, year: int, status: Status, codes: set[str]) -> None:
    f = finding_from_files(item, [PAGES / name], year, agency=AGENCY)
    got = {r.code for r in f.reasons if r.severity is not Status.PASS}
    assert (f.status, codes <= got) == (status, True), (f.status, got)


@pytest.mark.parametrize(("term", "year", "ended"), [
    ("วาระการดำรงตำแหน่ง พ.ศ. ๒๕๖๔ – ๒๕๖๘", 2569, True),  # the former team, a year on
    ("วาระการดำรงตำแหน่ง พ.ศ. ๒๕๖๔ – ๒๕๖๘", 2568, False),  # still in office that year
    ("วาระ ๒๕๖๘ - ๒๕๗๒", 2569, False),
])
def test_executives_of_a_term_that_ended(term: str, year: int, ended: bool) -> None:
    html = (f"<html><body><main><h1>ข้อมูลผู้บริหาร</h1><p>คณะผู้บริหารเทศบาลตำบลหนองบัว ({term})</p>"
            "<p>นายสุรชัย ภูผาทอง นายกเทศมนตรีตำบลหนองบัว โทรศัพท์ 086 610 2933</p>"
            "<p>นายอุดม แสงจันทร์ รองนายกเทศมนตรีตำบลหนองบัว โทรศัพท์ 081 904 7725</p></main></body></html>")
    f = finding_from_html("O2", html, "https://www.nongbua.go.th/ita/o2.html", year, agency="เทศบาลตำบลหนองบัว")
    assert ("term_ended" in {r.code for r in f.reasons}) is ended, [r.code for r in f.reasons]
