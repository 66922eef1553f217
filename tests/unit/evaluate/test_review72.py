"""The seventy-second reviewer's documents (fixtures/pages/review72): the forty-fourth session's checks, good and bad
twins (อบต.โคกสูง; a provincial office and the อบจ.ขอนแก่น for some). Each verdict was written before the checker
ran (fixtures/pages/review72/README.md says what misled it at the first run); the check day is 15 May."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import case_documents, round_case, round_documents

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review72"
KHOKSUNG = "องค์การบริหารส่วนตำบลโคกสูง"
# cases of another agency (the rest are KHOKSUNG's)
AGENCY_OF = {
    "h01_good_o1_provincial_office_chart_no_council.html": "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น",
    "h03_good_o2_provincial_office_head_and_group_heads.html": "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น",
    "h04_fail_o2_provincial_office_shows_department_execs.html": "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น",
    "i03_good_o25_pao_plan_with_city_as_partner.pdf": "องค์การบริหารส่วนจังหวัดขอนแก่น",
    "i04_fail_o25_city_plan_for_pao.pdf": "องค์การบริหารส่วนจังหวัดขอนแก่น",
}
P, R, F = Status.PASS, Status.REVIEW, Status.FAIL

CASES = [  # file, item, criteria year, status, the non-pass codes it must give
    # pass: own "แบบ ผด.๐๒" list of 6 projects with budgets and a month grid "ต.ค. ๖๘ … ก.ย. ๖๙", approved ๒๗ ต.ค.…
    ("a01_good_o6_own_02_plus_021_appendix.pdf", "O6", 2569, P, set()),
    # fail/review: cover and intro "ประกอบด้วย … (แบบ ผด.๐๑) … (แบบ ผด.๐๒) และ … (แบบ ผด.๐๒/๑)", but the only list is…
    ("a02_fail_o6_intro_names_02_body_only_021.pdf", "O6", 2569, R, {"others_projects_only"}),
    # pass: FY2568 report, 12 projects over two pages, "รวม" row on page 2 equal to the rows' sum, problems,…
    ("b01_good_o7_table_over_two_pages_total_right.pdf", "O7", 2569, P, set()),
    # fail/review: "ดำเนินการแล้วเสร็จ ๓๘ โครงการ … ใช้จ่ายงบประมาณรวม ๑๕,๒๔๐,๐๐๐ บาท" but the table shows 4 projects…
    ("b02_fail_o7_claims_38_shows_4_budget_in_intro.pdf", "O7", 2569, R, {"total_unsummed"}),
    # pass: FY2567 anti-corruption plan report, 8 projects under 4 มิติ with "รวมมิติที่ ๑" sub-totals and…
    ("b03_good_o26_subtotals_per_dimension.pdf", "O26", 2568, P, set()),
    # fail/review: 3 project rows summing 65,050 baht spent under a row "รวมทั้งสิ้น ๒๕ โครงการ | ๑,๙๒๐,๐๐๐ |…
    ("b04_fail_o26_claims_25_shows_3_total_in_words_row.pdf", "O26", 2568, R, {"total_unsummed"}),
    # pass: typed declaration "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", signed by นายก, "ประกาศ ณ วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๘",…
    ("c01_good_o20_typed_text_plus_drive_frame.html", "O20", 2569, P, set()),
    # review: one typed line "ประกาศเจตนารมณ์ … ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ รายละเอียดตามเอกสารแนบ" over a Drive…
    ("c02_review_o20_intro_line_and_drive_frame_only.html", "O20", 2569, R, {"missing_component", "shown_file_unread"}),
    # pass: 4 news items dated ๒๐ ก.พ. – ๒๔ เม.ย. ๒๕๖๘, each a typed title, date, photo and text
    ("c03_good_o4_news_items_with_photos_fy2568.html", "O4", 2568, P, set()),
    # fail: news pictures with titles and dates only, newest "๑๒ กันยายน ๒๕๖๗" = FY2567; nothing of FY2568
    ("c04_fail_o4_photo_news_all_before_fy2568.html", "O4", 2568, R, {"fiscal_year_mismatch"}),
    # pass: FY2568 month table of "๐" and "ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ … (๐ เรื่อง)", signed ๕ ต.ค.…
    ("d01_good_o18_zero_table_and_none_statement_fy2568.pdf", "O18", 2569, P, set()),
    # fail: the same form with every count cell empty and "จำนวน .......... เรื่อง ดำเนินการแล้วเสร็จ ..........…
    ("d02_fail_o18_month_table_left_blank.pdf", "O18", 2569, R, {"component_not_stated"}),
    # pass: gift report ๑ ต.ค. ๖๗ – ๓๑ มี.ค. ๖๘: row "ไม่มี", "ไม่มี ……
    ("d03_good_o22_gift_report_nil_first_half_fy2568.docx", "O22", 2568, P, set()),
    # fail: blank form: "รอบการรายงาน ......", empty rows, "มีผู้รายงาน จำนวน ............ ราย", dotted signature
    ("d04_fail_o22_gift_report_form_unfilled.docx", "O22", 2568, R, {"component_empty"}),
    # pass: address, "โทรศัพท์ : ๐-๔๓๒๔-๙๑๑๒ ต่อ ๑๐๑", "โทรสาร : -" (a fax is not required), e-mail, Q&A channel,…
    ("e01_good_o3_phone_given_fax_dash.html", "O3", 2569, P, set()),
    # fail: "โทรศัพท์ : -", "โทรสาร : -", no number anywhere on the page
    ("e02_fail_o3_phone_dash_fax_dash.html", "O3", 2569, F, {"component_said_none"}),
    # pass: corruption complaints by hand, post, telephone ๐-๔๓๒๔-๙๑๑๒, web form, box; "Line Official :…
    ("f01_good_o18_channels_line_not_yet_open.html", "O18", 2568, P, set()),
    # fail: only walk-in and the box; "ทางโทรศัพท์ : -", "ช่องทางออนไลน์ (เว็บไซต์/อีเมล/Line) : ไม่มี": no channel…
    ("f02_fail_o18_walk_in_only_online_none.html", "O18", 2568, R, {"component_said_none"}),
    # pass: code of ethics; "เมื่อวันที่ ๑๒ ธันวาคม ๒๕๖๘ … จัดโครงการอบรมคุณธรรมจริยธรรม … มีผู้เข้าร่วม ๔๘ คน" held,…
    ("g01_good_o15_one_held_one_to_come_fy2569.html", "O15", 2569, P, set()),
    # fail/review: code of ethics; the only activities "จะจัดโครงการอบรม… ในวันที่ ๑๘ มิถุนายน ๒๕๖๙" and…
    ("g02_fail_o15_only_activity_to_come_fy2569.html", "O15", 2569, R, {"component_doubted"}),
    # pass: "เมื่อวันที่ ๒๐ กุมภาพันธ์ ๒๕๖๘ … จัดประชุมประชาคมตำบล … มีผู้เข้าร่วม ๑๓๒ คน", "ที่ประชุมมีมติเห็นชอบ",…
    ("g03_good_o20_forum_held_feb68_plus_next_invite.html", "O20", 2568, P, set()),
    # fail/review: only "จะจัดประชุมประชาคมตำบล ครั้งที่ ๒/๒๕๖๘ ในวันที่ ๒๐ มิถุนายน ๒๕๖๘ … จึงขอเชิญ…": no activity…
    ("g04_fail_o20_invitation_only_june68.html", "O20", 2568, R, {"component_doubted"}),
    # pass: [agency: สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น] (chart "ท้องถิ่นจังหวัดขอนแก่น" over 5…
    ("h01_good_o1_provincial_office_chart_no_council.html", "O1", 2568, P, set()),
    # fail: the อบต.'s chart starts at ปลัด: สำนักปลัด, กองคลัง, กองช่าง, กองการศึกษา; no นายก, รองนายก, สภา — the…
    ("h02_fail_o1_abt_chart_without_political_side.html", "O1", 2568, R, {"chart_in_image"}),
    # pass: [agency: สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น] ("ท้องถิ่นจังหวัดขอนแก่น" and 4 heads…
    ("h03_good_o2_provincial_office_head_and_group_heads.html", "O2", 2569, P, set()),
    # fail: [agency: สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น] ("ผู้บริหารกรมส่งเสริมการปกครองท้องถิ่น":…
    ("h04_fail_o2_provincial_office_shows_department_execs.html", "O2", 2569, R, {"another_agency_document"}),
    # pass: the อบต.'s forum ๑๘ ก.พ. ๒๕๖๙, ๑๔๖ people, results; "ผู้แทนเทศบาลตำบลโคกสูง … เข้าร่วมสังเกตการณ์" is a…
    ("i01_good_o19_abt_forum_with_town_as_guest.html", "O19", 2569, P, set()),
    # fail: "เทศบาลตำบลโคกสูง อำเภอภูเวียง" held the forum, signed "นายกเทศมนตรีตำบลโคกสูง": the town beside the อบต.
    ("i02_fail_o19_town_forum_same_place.html", "O19", 2569, F, {"peer_agency_document"}),
    # pass: [agency: องค์การบริหารส่วนจังหวัดขอนแก่น] (the อบจ.'s FY2568 anti-corruption plan, 5 projects, budget,…
    ("i03_good_o25_pao_plan_with_city_as_partner.pdf", "O25", 2568, P, set()),
    # fail: [agency: องค์การบริหารส่วนจังหวัดขอนแก่น] (the same plan headed "เทศบาลนครขอนแก่น อำเภอเมืองขอนแก่น…
    ("i04_fail_o25_city_plan_for_pao.pdf", "O25", 2568, F, {"peer_agency_document"}),
    # pass: "สำนักปลัด (งานการเจ้าหน้าที่)" compiled the FY2568 HR report for every division: กองคลัง, กองช่าง,…
    ("j01_good_o14_hr_report_by_spalad_all_divisions.pdf", "O14", 2569, P, set()),
    # fail/review: "รายงานผลการพัฒนาบุคลากร กองช่าง": three trainings of กองช่าง's staff only, signed…
    ("j02_fail_o14_hr_report_of_kong_chang_only.pdf", "O14", 2569, R, {"one_division_report"}),
    # pass: FY2567 report on the 4 integrity measures taken from ITA 2566: results, budget and spent, problems,…
    ("j03_good_o28_integrity_measures_report_four_measures_fy2567.pdf", "O28", 2568, P, set()),
    # fail/review: the report of one training project "โครงการอบรมคุณธรรมจริยธรรมและส่งเสริมความโปร่งใส" of ๒๑ ก.พ.…
    ("j04_fail_o28_report_of_one_project_only_fy2567.pdf", "O28", 2568, F, {"missing_component"}),
    # pass: FY2569 assessment met ๑๔ ต.ค. ๒๕๖๘: 4 corruption risks, likelihood × impact, level, measures; the low one…
    ("k01_good_o21_measures_given_low_risk_accepted.pdf", "O21", 2569, P, set()),
    # fail: same risks and levels but every measure "-" and "มาตรการควบคุมความเสี่ยงจะกำหนดภายหลัง…": no measure
    ("k02_fail_o21_measures_column_all_dash.pdf", "O21", 2569, F, {"component_said_none"}),
    # fail: h02 without the chart picture: typed chart from ปลัด down, units, duties; no นายก, รองนายก, สภา anywhere
    ("h05_fail_o1_abt_text_chart_no_picture_no_political_side.html", "O1", 2568, F, {"missing_component"}),
    # review: c02 without its typed line: the title and a Drive "/preview" frame only; the file is unread
    ("c05_review_o20_drive_frame_only.html", "O20", 2569, R, {"missing_component", "shown_file_unread"}),
]

# Known gaps, not asserted (fixtures/pages/review72/README.md says why each is left)
KNOWN_GAPS: list[str] = []


@pytest.mark.parametrize(("name", "item", "year", "status", "codes"), CASES, ids=[c[0] for c in CASES])
def test_the_seventy_second_reviewers_documents(name: str, item: str, year: int, status: Status,
                                                codes: set[str]) -> None:
    assert round_case(PAGES, name, item, year, AGENCY_OF.get(name, KHOKSUNG)) == (status, codes)


def test_every_file_is_in_the_cases() -> None:
    assert round_documents(PAGES) == case_documents([c[0] for c in CASES] + KNOWN_GAPS)
