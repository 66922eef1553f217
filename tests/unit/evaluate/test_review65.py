"""The sixty-fifth reviewer's documents (fixtures/pages/review65): the forty-third session's checks both ways — parts
in the agencies' own words, one division's report, complaints sent elsewhere, contacts said to be none, days to
come, neighbours of the agency's place — each good document paired with a bad twin. Each verdict was written before
the checker ran (fixtures/pages/review65/README.md says what misled it at the first run); the check day is 15 May."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import case_documents, round_case, round_documents

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review65"
KHOKSUNG = "องค์การบริหารส่วนตำบลโคกสูง"
P, R, F = Status.PASS, Status.REVIEW, Status.FAIL

CASES = [  # file, item, criteria year, status, the non-pass codes it must give
    # pass: FY2568 report: results table + "ผลงานที่ได้", "งบประมาณที่ใช้จริง"; problems headed "ความท้าทายที่พบ"…
    ("a01_good_o7_headings_glued_words.pdf", "O7", 2569, P, set()),
    # fail/review: under "ข้อจำกัด" and "แนวทางพัฒนา" only "รายละเอียดตามเอกสารแนบท้ายรายงานนี้"; no annex given:…
    ("a02_fail_o7_headings_over_missing_annex.pdf", "O7", 2569, R, {"attachment_not_published"}),
    # pass: FY2567 HR report; table columns "ผลงานที่ได้ | งบประมาณที่ใช้ (บาท) | ข้อจำกัด | แนวทางพัฒนา" all filled…
    ("b01_good_o15_parts_as_table_columns.pdf", "O15", 2568, P, set()),
    # fail/review: same table but every "ข้อจำกัด" and "แนวทางพัฒนา" cell is "-": no problems, no suggestions
    ("b02_fail_o15_parts_columns_all_dash.pdf", "O15", 2568, F, {"missing_component"}),
    # pass: FY2568 HR report of all 32 staff, "สำนักปลัด องค์การบริหารส่วนตำบลโคกสูง" under the title is the office…
    ("c01_good_o14_hr_report_palad_office.pdf", "O14", 2569, P, set()),
    # fail/review: title names no division but body "บุคลากรกองคลัง จำนวน ๑๒ คน…" and signed "ผู้อำนวยการกองคลัง":…
    ("c02_fail_o14_hr_report_one_division_body.pdf", "O14", 2569, R, {"one_division_report"}),
    # pass: FY2567 report; "งานนโยบายและแผน สำนักปลัด" compiles projects of กองช่าง/กองคลัง/กองการศึกษา/สำนักปลัด;…
    ("d01_good_o7_report_planning_unit_compiled.pdf", "O7", 2568, P, set()),
    # fail/review: "แบบรายงานผลการดำเนินงาน…" / "ส่วนราชการ : กองการศึกษา ศาสนาและวัฒนธรรม", only education projects,…
    ("d02_fail_o7_report_form_one_division.pdf", "O7", 2568, R, {"one_division_report"}),
    # pass: scope "เรื่องร้องเรียนการทุจริตและประพฤติมิชอบของพนักงานส่วนตำบล…"; only other bodies' officials…
    ("e01_good_o16_guideline_forwards_out_of_jurisdiction.pdf", "O16", 2569, P, set()),
    # fail: general grievance manual; "สำหรับเรื่องร้องเรียนเกี่ยวกับการทุจริตของเจ้าหน้าที่…
    ("e02_fail_o16_general_guideline_corruption_elsewhere.pdf", "O16", 2569, F, {"missing_component"}),
    # pass: corruption channels of the agency (in person, box, phone, post, web, Facebook);…
    ("f01_good_o18_channels_nacc_one_more_way.html", "O18", 2568, P, set()),
    # fail/review: general grievance channels; "กรณีร้องเรียนการทุจริตของเจ้าหน้าที่…
    ("f02_fail_o18_general_channels_corruption_sent_away.html", "O18", 2568, R, {"component_doubted"}),
    # pass: address, phone "๐ ๔๓๒๙ ๑๒๓๔", "อีเมล – saraban@khoksung.go.th" (dash as separator), "โทรสาร : -", map,…
    ("g01_good_o3_email_after_dash.html", "O3", 2569, P, set()),
    # fail: "อีเมล : ยังไม่ได้เปิดใช้งาน": no e-mail
    ("g02_fail_o3_email_not_opened.html", "O3", 2569, F, {"component_said_none"}),
    # pass: "โทรศัพท์ : ๐๘๙-๗๑๒-๔๔๕๖ (ประจำสำนักงาน)", "โทรสาร : -", address, e-mail, map
    ("h01_good_o3_phone_mobile_and_fax_none.html", "O3", 2568, P, set()),
    # fail: "โทรศัพท์ : -", "โทรสาร : -": no telephone at all
    ("h02_fail_o3_phone_dash.html", "O3", 2568, F, {"component_said_none"}),
    # pass: "เมื่อวันที่ ๑๘ มีนาคม ๒๕๖๘ … จัดประชุมประชาคมตำบล … ผู้เข้าร่วม ๑๓๖ คน … ร่วมกันจัดลำดับความสำคัญ";…
    ("i01_good_o20_forum_held_next_one_to_come.html", "O20", 2568, P, set()),
    # fail/review: an invitation "จะจัดประชุมประชาคมตำบล … ในวันที่ ๒๒ พฤษภาคม ๒๕๖๘", after the 15 May 2025 check: no…
    ("i02_fail_o20_invitation_forum_not_yet_held.html", "O20", 2568, R, {"component_doubted"}),
    # pass: code + "เมื่อวันที่ ๑๒ มีนาคม ๒๕๖๘ … จัดโครงการอบรมคุณธรรมจริยธรรม … ผู้เข้าร่วม ๓๔ คน";…
    ("j01_good_o16_ethics_held_and_next_planned.html", "O16", 2568, P, set()),
    # fail/review: code, but the only promotion "จะจัดโครงการอบรมคุณธรรมจริยธรรม … ในวันที่ ๑๘ มิถุนายน ๒๕๖๘" is…
    ("j02_fail_o16_ethics_only_to_come.html", "O16", 2568, R, {"component_doubted"}),
    # review: corrected after the run, the reviewer's own error: the announcement only orders the campaign, no…
    ("k01_good_o20_nogift_acting_head_signs.pdf", "O20", 2569, R, {"component_not_stated"}),
    # fail/review: same text under "ประกาศองค์การบริหารส่วนตำบลโคกสูง" but signed…
    ("k02_fail_o20_nogift_neighbour_nayok_signs.pdf", "O20", 2569, R, {"component_not_stated", "peer_signed_document"}),
    # pass: agency's FY2569 plan; rows "บ้านโคกสูงใหญ่ หมู่ที่ 3", "โรงเรียนบ้านโคกสูงใหญ่" are its own villages;…
    ("l01_good_o6_plan_villages_named_like_neighbour.pdf", "O6", 2569, P, set()),
    # fail: plan headed "อบต.โคกสูงใหญ่", signed by "นายกองค์การบริหารส่วนตำบลโคกสูงใหญ่": another body's plan
    ("l02_fail_o6_plan_of_obt_khoksung_yai.pdf", "O6", 2569, F, {"peer_agency_document"}),
    # pass: FY2569 anti-corruption plan headed "อบต.โคกสูง" signed by นายกองค์การบริหารส่วนตำบลโคกสูง; projects,…
    ("m01_good_o23_acplan_agency_abbreviated.pdf", "O23", 2569, P, set()),
    # fail: "เทศบาลตำบลโคกสูง / ๑๒๐ หมู่ที่ ๑ ตำบลโคกสูง อำเภอภูเวียง", signed "นายกเทศมนตรีตำบลโคกสูง": the…
    ("m02_fail_o23_acplan_tessaban_same_place.pdf", "O23", 2569, F, {"peer_agency_document"}),
    # pass: bribery risks "เรียกรับสินบน…", โอกาสเกิด/ผลกระทบ/ระดับความเสี่ยง, column "วิธีลดความเสี่ยง" filled
    ("n01_good_o23_risk_measures_own_word_column.pdf", "O23", 2568, P, set()),
    # fail/review: "วิธีลดความเสี่ยง" column all "-": no measures
    ("n02_fail_o23_risk_measures_column_dash.pdf", "O23", 2568, F, {"missing_component"}),
    # pass: FY2567 anti-corruption report: "สิ่งที่ทำแล้ว / ทำเสร็จแล้ว ๑๑ โครงการ", "งบประมาณที่ใช้จริง ๒๘,๗๐๐ บาท",…
    ("o01_good_o26_ac_report_things_done.pdf", "O26", 2568, P, set()),
    # fail: FY2568 "(รอบ ๖ เดือน)" ๑ ต.ค. ๖๗ – ๓๑ มี.ค. ๖๘; the item wants FY2567's whole year
    ("o02_fail_o26_ac_report_current_half_year.pdf", "O26", 2568, R, {"fiscal_year_mismatch"}),
    # pass: FY2569 measures from ITA 2568 analysis; steps, ผู้รับผิดชอบ, ระยะเวลา ต.ค. ๖๘ – ก.ย. ๖๙, ผลการดำเนินการ;…
    ("p01_good_o25_measures_numbered_step_dates.pdf", "O25", 2569, P, set()),
    # fail/review: title "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙" but analysis of "ITA ประจำปี พ.ศ. ๒๕๖๗" and every period "ต.ค.…
    ("p02_fail_o25_measures_title_2569_periods_2568.pdf", "O25", 2569, F, {"dates_earlier", "missing_component"}),
]

# Known gaps, not asserted (fixtures/pages/review65/README.md says why each is left)
KNOWN_GAPS: list[str] = []


@pytest.mark.parametrize(("name", "item", "year", "status", "codes"), CASES, ids=[c[0] for c in CASES])
def test_the_sixty_fifth_reviewers_documents(name: str, item: str, year: int, status: Status,
                                             codes: set[str]) -> None:
    assert round_case(PAGES, name, item, year, KHOKSUNG) == (status, codes)


def test_every_file_is_in_the_cases() -> None:
    assert round_documents(PAGES) == case_documents([c[0] for c in CASES] + KNOWN_GAPS)
