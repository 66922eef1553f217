"""The thirty-third reviewer's documents (fixtures/pages/review33): good documents at the edges of the thirty-ninth
session's checks, with bad controls. Each verdict was written before the checker ran
(fixtures/pages/review33/README.md says what misled it at the first run); the check day is 15 May."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import case_documents, round_case, round_documents

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review33"
KHOKSUNG = "องค์การบริหารส่วนตำบลโคกสูง"
P, R, F = Status.PASS, Status.REVIEW, Status.FAIL

CASES = [  # file, item, criteria year, status, the non-pass codes it must give
    # pass: HR report FY2568: 'รายงานผลการดำเนินงาน ด้านการพัฒนาบุคลากร ประจำปีงบประมาณ พ.ศ. ๒๕๖๘', table with…
    ("a01_good_o14_titled_rai_ngan_phon_dam_noen_ngan_hr.pdf", "O14", 2569, P, set()),
    # pass: anti-corruption plan FY2569 titled 'แผนการดำเนินงาน ด้านป้องกันการทุจริต'; 7 projects, งบประมาณ (บาท),…
    ("a02_good_o23_titled_phaen_kan_dam_noen_ngan_anticorruption.pdf", "O23", 2569, P, set()),
    # pass: 'ประกาศเจตนารมณ์ต่อต้านการทุจริต และการไม่รับของขวัญ… (No Gift Policy)' signed by นายก 1 Oct 68; activity…
    ("a03_good_o20_titled_prakat_jettanarom_anticorruption_no_gift.pdf", "O20", 2569, P, set()),
    # pass: 'การประเมินความเสี่ยงการทุจริต และมาตรการป้องกันความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙'; risks of…
    ("a04_good_o21_combined_risk_assessment_and_measures.docx", "O21", 2569, P, set()),
    # fail/review: 'รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘': last year's…
    ("a05_fail_o23_last_years_plan_report_as_plan.pdf", "O23", 2569, F,
     {"missing_component", "stale_fiscal_year", "titled_for_other_item"}),
    # pass: HR report FY2567 'รายงานผลการดำเนินงานตามแผนพัฒนาบุคลากร', 'ส่งพนักงานเข้ารับการอบรม', เบิกจ่ายจริง,…
    ("a06_good_o15_2568_titled_tam_phaen_phattana_plain_words.pdf", "O15", 2568, P, set()),
    # pass: own forum held 18 Dec 68 'ร่วมกับองค์การบริหารส่วนตำบลบ้านดง', 112 people, มติ; signed by the agency's…
    ("b01_good_o19_joint_project_with_ban_dong.docx", "O19", 2569, P, set()),
    # pass: forum hosted by อบต.โคกสูง 12 Feb 68 with 7 local bodies listed; ผลการประชุม, ภาพกิจกรรม
    ("b02_good_o20_2568_district_forum_many_local_bodies.pdf", "O20", 2568, P, set()),
    # pass: own forum 20 Jan 69, 84 people, มติ; MOU annex 'ข้าพเจ้า นายประเสริฐ มั่นคง…
    ("b03_good_o19_forum_with_mou_two_declarants.pdf", "O19", 2569, P, set()),
    # pass: own declaration + นายก's report 'ข้าพเจ้าพร้อมด้วยนายกองค์การบริหารส่วนตำบลบ้านดง … ร่วมกล่าวคำปฏิญาณ' 3…
    ("b04_good_o20_joint_pledge_first_person_with_peers.docx", "O20", 2569, P, set()),
    # fail/review: body is บ้านดง's forum: 'องค์การบริหารส่วนตำบลบ้านดง ได้จัดเวทีประชาคม…' ×4; only…
    ("b05_fail_o19_neighbours_forum_under_own_heading.pdf", "O19", 2569, R, {"peer_named_document"}),
    # pass: 'ประกาศองค์การบริหารส่วนตำบลโคกสูง' citing 'ตามหนังสือที่ว่าการอำเภอภูเวียง…', signed by นายก; activity 6…
    ("c01_good_o20_own_announcement_citing_district_letter.pdf", "O20", 2569, P, set()),
    # pass: agency's FY2568 complaint statistics on the district centre's form, signed…
    ("c02_good_o18_own_stats_on_district_form_countersigned.pdf", "O18", 2569, P, set()),
    # pass: own announcement quoting 'ตามประกาศอำเภอภูเวียง…' and 'หนังสือจังหวัดขอนแก่น', signed by นายก 1 Oct 67;…
    ("c03_good_o21_2568_own_announcement_quoting_district_and_province.docx", "O21", 2568, P, set()),
    # pass: agency's FY2567 statistics sheet for 'ศูนย์ดำรงธรรมอำเภอภูเวียง', by quarter, 1 case ดำเนินการแล้วเสร็จ,…
    ("c04_good_o19_2568_own_stats_sheet_for_district.xlsx", "O19", 2568, P, set()),
    # fail: 'ประกาศอำเภอภูเวียง' signed 'นายอำเภอภูเวียง', the agency only a row of signatories
    ("c05_fail_o20_district_announcement_listing_agency.pdf", "O20", 2569, F,
     {"missing_component", "other_body_document"}),
    # pass: 3-page plan, 'หน้า ๑/๓' above 'แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙' on every page;…
    ("d01_good_o23_title_block_repeated_under_page_number.pdf", "O23", 2569, P, set()),
    # pass: 2 announcements, each signed 'นายกองค์การบริหารส่วนตำบลโคกสูง' right above 'หน้า x/๒'; activity 6 Oct 68,…
    ("d02_good_o20_two_announcements_signature_above_page_no.pdf", "O20", 2569, P, set()),
    # pass: ผด.๐๒ 3 pages: 'หน้า x/๓' above 'แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙' on every page, 15 projects…
    ("d03_good_o6_pd02_year_only_in_repeated_title.pdf", "O6", 2569, P, set()),
    # fail: running header says ๒๕๖๙ but every row is Oct 67–Mar 68: last year's summary
    ("d04_fail_o11_fy68_rows_under_running_header_69.pdf", "O11", 2569, F,
     {"fiscal_year_mismatch", "missing_component"}),
    # pass: HR report FY2568; body headings 'ส่วนที่ ๔ ปัญหาอุปสรรค ........ ๓' with the real problems and…
    ("e01_good_o14_body_headings_printed_with_dot_leaders.pdf", "O14", 2569, P, set()),
    # pass: FY2567 report; contents incl. 'ภาคผนวก ...... ๑๒' then the body: 47 of 52 projects ดำเนินการแล้วเสร็จ,…
    ("e02_good_o7_2568_docx_contents_then_body_and_annex.docx", "O7", 2568, P, set()),
    # pass: 'ค่าธรรมเนียม | ไม่เสียค่าธรรมเนียม', 'ระยะเวลาการให้บริการ | รวม ๒ วันทำการ' plus a referral line
    ("f01_good_o9_manual_states_fee_time_and_referral.html", "O9", 2569, P, set()),
    # pass: 'ไม่เสียค่าใช้จ่าย', steps with 'ใช้เวลา' column and 'รวมใช้เวลาไม่เกิน ๑ วันทำการ'; referral line too
    ("f02_good_o9_2568_manual_no_cost_time_in_column_and_referral.docx", "O9", 2568, P, set()),
    # fail/review: fee appears only in 'สอบถามรายละเอียดเรื่องค่าธรรมเนียมใบอนุญาตได้ที่ กองคลัง'
    ("f03_fail_o9_fee_only_in_referral.pdf", "O9", 2569, R, {"component_not_stated"}),
    # pass: '๒ ต.ค. ๖๘ คณะผู้บริหาร พนักงานส่วนตำบล และพนักงานจ้าง ร่วมกล่าวคำปฏิญาณไม่รับของขวัญ หน้าเสาธง';…
    ("g01_good_o20_pledge_by_day_no_headcount.docx", "O20", 2569, P, set()),
    # pass: table 'วัน เดือน ปี | กิจกรรม | จำนวน (คน)' with 4 dated activities Oct 68–Feb 69
    ("g02_good_o20_activity_table_dates_and_counts.pdf", "O20", 2569, P, set()),
    # pass: declaration signed 1 Oct 67; 'ภาพถ่าย : ๓ ต.ค. ๖๗ พนักงาน … ลงนามแสดงเจตนารมณ์ร่วมกัน'
    ("g03_good_o21_2568_photo_captions_by_day.html", "O21", 2568, P, set()),
    # fail/review: 'จึงขอให้ทุกกองจัดกิจกรรมรณรงค์…': a directive, no activity held
    ("g04_fail_o20_directive_to_hold_activities_only.pdf", "O20", 2569, R, {"component_not_stated"}),
    # pass: 'หลักเกณฑ์และแผนพัฒนาพนักงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙': criteria 1–4, 'ส่งพนักงานเข้ารับการอบรม…',…
    ("h01_good_o13_criteria_and_staff_plan_plain_words.pdf", "O13", 2569, P, set()),
    # pass: FY2568 sheet 'ส่งพนักงานเข้ารับการอบรม…', ผล, งบประมาณที่ใช้, ปัญหาอุปสรรค, ข้อเสนอแนะ
    ("h02_good_o14_staff_training_sheet_plain_words.xlsx", "O14", 2569, P, set()),
    # fail: vocational training for citizens, not staff HR: 'ฝึกอบรมส่งเสริมอาชีพให้แก่ประชาชน'
    ("h03_fail_o14_citizens_vocational_training_report.pdf", "O14", 2569, F,
     {"missing_component", "one_project_report"}),
    # pass: Oct 68–Apr 69 rows with แหล่งที่มาของงบประมาณ, สถานะการจัดซื้อจัดจ้าง, เลขที่โครงการ (e-GP) and all สขร.๑…
    ("i01_good_o11_monthly_sheet_all_columns.xlsx", "O11", 2569, P, set()),
    # pass: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสในการดำเนินงาน ประจำปี ๒๕๖๙', ITA 2568 analysis,…
    ("j01_good_o25_titled_khwam_prongsai_nai_kan_dam_noen_ngan_2569.pdf", "O25", 2569, P, set()),
    # pass: '…ความโปร่งใสในการดำเนินงาน ประจำปี พ.ศ. 2569', analysis of ITA 2568, measures table, การนำไปปฏิบัติ
    ("j02_good_o25_arabic_year_ita2568_analysis.docx", "O25", 2569, P, set()),
    # fail: measures 'ประจำปี ๒๕๖๘' analysing ITA 2567, periods ต.ค. ๖๗ – ก.ย. ๖๘
    ("j03_fail_o25_last_years_measures_2568.pdf", "O25", 2569, F, {"stale_fiscal_year"}),
    # pass: same rows, headers 'ที่มาของงบประมาณ', 'สถานะ', 'เลขที่โครงการ… (a known gap until the fortieth session)
    ("i02_good_o11_landscape_all_columns_short_labels.pdf", "O11", 2569, P, set()),
]

# Known gaps, not asserted (fixtures/pages/review33/README.md says why each is left)
KNOWN_GAPS: list[str] = []


@pytest.mark.parametrize(("name", "item", "year", "status", "codes"), CASES, ids=[c[0] for c in CASES])
def test_the_thirty_third_reviewers_documents(name: str, item: str, year: int, status: Status,
                                          codes: set[str]) -> None:
    assert round_case(PAGES, name, item, year, KHOKSUNG) == (status, codes)


def test_every_file_is_in_the_cases() -> None:
    assert round_documents(PAGES) == case_documents([c[0] for c in CASES] + KNOWN_GAPS)
