"""The forty-seventh reviewer's documents (fixtures/pages/review47): a town municipality, เทศบาลเมืองศรีสำราญ,
beside the อบต. and the district of its name (ITA 2568). Each verdict was written before the checker ran
(fixtures/pages/review47/README.md says what misled it at the first run); the check day is 15 May."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import case_documents, round_case, round_documents

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review47"
SRI_SAMRAN = "เทศบาลเมืองศรีสำราญ"
P, R, F = Status.PASS, Status.REVIEW, Status.FAIL

CASES = [  # file, item, criteria year, status, the non-pass codes it must give
    # pass: chart image + "สภาเทศบาลเมืองศรีสำราญ สมาชิกสภาเทศบาล 18 คน จาก 3 เขตเลือกตั้ง", units table,…
    ("a01_good_o1_structure_town.html", "O1", 2568, P, set()),
    # pass: นายกเทศมนตรีเมืองศรีสำราญ + 3 "รองนายกเทศมนตรี", each with name and own mobile number
    ("a02_good_o2_executives_cards.html", "O2", 2568, P, set()),
    # fail/review: stale: "คณะผู้บริหารเทศบาลตำบลศรีสำราญ วาระการดำรงตำแหน่ง พ.ศ. 2555 – 2559", "ปรับปรุงข้อมูลล่าสุด…
    ("b03_fail_o2_old_name_term_2555.html", "O2", 2568, R, {"stale_fiscal_year", "term_ended"}),
    # pass: address, "โทรศัพท์ 043-711-225", "อีเมล saraban@srisamrancity.go.th"; the note only redirects to the…
    ("a03_good_o3_contact_with_tao_note.html", "O3", 2568, P, set()),
    # pass: "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" ผด.02 with budget, period; rows…
    ("a04_good_o6_operating_plan_2568.pdf", "O6", 2568, P, set()),
    # pass: FY2567 report: "ดำเนินการแล้ว 121 โครงการ", "เบิกจ่ายแล้ว", "ปัญหาและอุปสรรค", "ข้อเสนอแนะ"
    ("a05_good_o7_annual_report_2567.pdf", "O7", 2568, P, set()),
    # pass: FY2568 ต.ค. 67 – เม.ย. 68, all nine columns incl. ราคากลาง, เลขที่โครงการ e-GP, สถานะ
    ("a06_good_o12_monthly_oct67_apr68.xlsx", "O12", 2568, P, set()),
    # fail: stale: "ประจำปีงบประมาณ พ.ศ. 2567 (ต.ค. 66 – มี.ค. 67)"
    ("b07_fail_o12_fy2567_oct66_mar67.xlsx", "O12", 2568, F, {"stale_fiscal_year"}),
    # fail/review: only ต.ค.–ธ.ค. 67, "ข้อมูล ณ วันที่ 31 ธันวาคม 2567 (ไตรมาสที่ 1)"; ม.ค.–มี.ค. 68 missing
    ("b08_fail_o12_only_oct_dec67.xlsx", "O12", 2568, R, {"data_as_of_early"}),
    # pass: FY2567 summary by method, "ใช้จ่ายจริง 33,984,512.50 บาท", ปัญหา/อุปสรรค, ข้อเสนอแนะ
    ("a07_good_o13_summary_2567.docx", "O13", 2568, P, set()),
    # fail: a plan: "เผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2568", "ประมาณการช่วงเวลาที่จะประกาศ"; no…
    ("b09_fail_o13_procurement_plan_2568.html", "O13", 2568, F, {"fiscal_year_mismatch", "missing_component"}),
    # pass: "แผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", projects, budget, period
    ("a08_good_o14_hr_plan_2568.html", "O14", 2568, P, set()),
    # fail/review: page title says ๒๕๖๘ but the plan is "แผนพัฒนาบุคลากร ประจำปีงบประมาณ พ.ศ. 2567 … 1 ตุลาคม 2566…
    ("b10_fail_o14_heading_2568_plan_2567.html", "O14", 2568, R, {"dates_earlier"}),
    # pass: FY2567 HR report: results, "งบประมาณที่ใช้", ปัญหาและอุปสรรค, ข้อเสนอแนะ
    ("a09_good_o15_hr_report_2567.pdf", "O15", 2568, P, set()),
    # fail: results and spend only; no ปัญหา/อุปสรรค, no ข้อเสนอแนะ
    ("b11_fail_o15_results_table_only.html", "O15", 2568, F, {"missing_component"}),
    # pass/review: the agency's own complaint manual under its former name "ศูนย์รับเรื่องร้องเรียนการทุจริต…
    ("a10_good_o17_manual_old_letterhead_2561.pdf", "O17", 2568, P, set()),
    # pass: own centre, box, post, phone, e-mail, online form for "ร้องเรียนการทุจริต"
    ("a11_good_o18_channels_town.html", "O18", 2568, P, set()),
    # fail: only ศูนย์ดำรงธรรมอำเภอศรีสำราญ, ป.ป.ช., ป.ป.ท.; no channel of the municipality
    ("b12_fail_o18_outside_channels_only.html", "O18", 2568, R, {"another_agency_document"}),
    # pass: FY2567 monthly table all 0, "ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"
    ("a12_good_o19_stats_2567_none.html", "O19", 2568, P, set()),
    # fail: another body: "ศูนย์ดำรงธรรมอำเภอศรีสำราญ … ที่ว่าการอำเภอศรีสำราญ", signed นายอำเภอศรีสำราญ; the town is…
    ("b13_fail_o19_district_damrongtham_stats.pdf", "O19", 2568, F, {"other_body_document"}),
    # pass: "เมื่อวันที่ 20 กุมภาพันธ์ 2568 … ประชาคมเมือง … 16 ชุมชน … 214 คน"
    ("a19_good_o20_community_forum_2568.html", "O20", 2568, P, set()),
    # fail: the event is "เมื่อวันที่ 15 มีนาคม 2567", FY2567, under a title "ประจำปี ๒๕๖๘"
    ("b21_fail_o20_event_2567_under_2568.html", "O20", 2568, R, {"activity_date_earlier"}),
    # pass: ประกาศเทศบาลเมืองศรีสำราญ 2568 signed นายกเทศมนตรีเมืองศรีสำราญ + activity "เมื่อวันที่ 4 พฤศจิกายน 2567"
    ("a13_good_o21_nogift_2568.pdf", "O21", 2568, P, set()),
    # fail: another body: "ประกาศอำเภอศรีสำราญ", signed "นายอำเภอศรีสำราญ"; the town only listed among participants
    ("b14_fail_o21_district_nogift.pdf", "O21", 2568, F, {"missing_component", "other_body_document"}),
    # pass: bribery risks "เรียกรับเงินเพื่อเร่งออกใบอนุญาต", โอกาส × ผลกระทบ, มาตรการ
    ("a14_good_o23_bribery_risk_2568.pdf", "O23", 2568, P, set()),
    # fail/review: risks are floods, tax arrears, broken trucks, fire: none about bribery or corruption
    ("b16_fail_o23_operational_risks.pdf", "O23", 2568, F, {"missing_component", "risks_off_subject"}),
    # pass: FY2568 6-month report: "ดำเนินการแล้ว", "งบประมาณที่ใช้", ปัญหา/อุปสรรค, ข้อเสนอแนะ
    ("a15_good_o24_risk_report_6m_2568.html", "O24", 2568, P, set()),
    # fail: a plan "แผนบริหารจัดการความเสี่ยงการทุจริต … ๒๕๖๘" with targets, no results
    ("b17_fail_o24_risk_plan_not_report.html", "O24", 2568, F, {"missing_component"}),
    # pass: "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2568 เทศบาลเมืองศรีสำราญ", projects, budget, period
    ("a16_good_o25_plan_2568.pdf", "O25", 2568, P, set()),
    # pass: FY2567 report: "ดำเนินการแล้ว 11 โครงการ จากทั้งหมด 12", "งบประมาณที่ใช้", ปัญหาและอุปสรรค, ข้อเสนอแนะ
    ("a17_good_o26_report_2567.pdf", "O26", 2568, P, set()),
    # fail: blank form: every cell "……", "ให้ส่วนราชการกรอกข้อมูลและส่งคืน"
    ("b19_fail_o26_blank_form_2567.html", "O26", 2568, F, {"component_empty", "template_unfilled"}),
    # pass: ITA 2567 analysis "84.37 คะแนน … O12 … O19", measures with steps, responsible, period, monitoring
    ("a18_good_o27_measures_2568.pdf", "O27", 2568, P, set()),
    # fail: no ITA analysis, no steps/responsible/period: four one-line slogans
    ("b20_fail_o27_measures_no_analysis.html", "O27", 2568, F, {"missing_component"}),
    # fail: another body: "โครงสร้างองค์กร องค์การบริหารส่วนตำบลศรีสำราญ …… (a known gap until the fortieth session)
    ("b01_fail_o1_tao_same_name.pdf", "O1", 2568, F, {"peer_agency_document"}),
    # fail: another body's executives:… (a known gap until the fortieth session)
    ("b02_fail_o2_tao_executives.html", "O2", 2568, F, {"peer_agency_document"}),
    # fail: another body: "… องค์การบริหารส่วนตำบลศรีสำราญ หมู่ที่ ๗… (a known gap until the fortieth session)
    ("b18_fail_o25_tao_plan_2568.pdf", "O25", 2568, R, {"another_agency_document"}),
    # fail: probe after the first run: b12's outside channels with… (a known gap until the fortieth session)
    ("c01_fail_o18_outside_channels_town_intro.html", "O18", 2568, F, {"missing_component"}),
    # fail: probe after the first run: "ประกาศองค์การบริหารส่วนตำบลศรีสำราญ… (a known gap until the fortieth
    # session)
    ("c02_fail_o21_tao_nogift.pdf", "O21", 2568, F, {"peer_agency_document"}),
]

# Known gaps, not asserted (fixtures/pages/review47/README.md says why each is left)
KNOWN_GAPS: list[str] = []


@pytest.mark.parametrize(("name", "item", "year", "status", "codes"), CASES, ids=[c[0] for c in CASES])
def test_the_forty_seventh_reviewers_documents(name: str, item: str, year: int, status: Status,
                                               codes: set[str]) -> None:
    assert round_case(PAGES, name, item, year, SRI_SAMRAN) == (status, codes)


def test_every_file_is_in_the_cases() -> None:
    assert round_documents(PAGES) == case_documents([c[0] for c in CASES] + KNOWN_GAPS)
