"""The thirty-seventh reviewer's documents (fixtures/pages/review37): good documents of both years swept after the
thirty-ninth session's checks. Each verdict was written before the checker ran (fixtures/pages/review37/README.md
says what misled it at the first run); the check day is 15 May."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import case_documents, round_case, round_documents

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review37"
KHOKSUNG = "องค์การบริหารส่วนตำบลโคกสูง"
P, R, F = Status.PASS, Status.REVIEW, Status.FAIL

CASES = [  # file, item, criteria year, status, the non-pass codes it must give
    # pass: FY2568 report: cover+TOC, per-project table with เบิกจ่ายจริง, ปัญหาอุปสรรค, ข้อเสนอแนะ; running header +…
    ("g01_good_o7_2569_paged_toc_report_fy68.pdf", "O7", 2569, P, set()),
    # pass: สขร.๑ per month ต.ค. ๖๘–เม.ย. ๖๙, budget source in header, e-GP no. + status in contract column;…
    ("g02_good_o11_2569_skhr1_oct_apr.pdf", "O11", 2569, P, set()),
    # pass: 2569 workbook, all 9 fields, month column ต.ค. 68–เม.ย. 69, "ไม่มีการจัดซื้อจัดจ้าง" for ธ.ค. 68
    ("g03_good_o11_2569_workbook_oct_apr.xlsx", "O11", 2569, P, set()),
    # pass: HR report FY๒๕๖๘: training courses, งบประมาณที่ใช้จ่าย, ปัญหาและอุปสรรค, ข้อเสนอแนะ; "รายงาน ณ วันที่ ๑๕…
    ("g04_good_o14_2569_hr_training_report_fy68.docx", "O14", 2569, P, set()),
    # pass: "รายงานผลการดำเนินงานตามแผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" with results,…
    ("g05_good_o14_2569_hr_report_titled_like_o7.pdf", "O14", 2569, P, set()),
    # pass: own walk-in, post, phone, e-mail, box, online form + national 1111/1205/1206/1567
    ("g06_good_o17_2569_channels_own_plus_national.html", "O17", 2569, P, set()),
    # pass: FY2569 declaration signed by นายก "ประกาศ ณ วันที่ ๓ ตุลาคม พ.ศ. ๒๕๖๘", dated activity with photos, gift…
    ("g07_good_o20_2569_declaration_activity_gift_report.pdf", "O20", 2569, P, set()),
    # pass: cover+TOC then sections; projects, budget/ไม่ใช้งบประมาณ, periods; "ตามหนังสืออำเภอภูเวียง ที่ ขก…
    ("g09_good_o23_2569_toc_cites_district_letter.pdf", "O23", 2569, P, set()),
    # pass: ผด.02 FY2569, projects, budget, month bars, 2 pages with running header and หน้า ๑/๒
    ("g10_good_o6_2569_pd02_paged_landscape.pdf", "O6", 2569, P, set()),
    # pass: "แผนการดำเนินงานด้านการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙" projects/budget/period
    ("g11_good_o23_2569_titled_like_o6.pdf", "O23", 2569, P, set()),
    # pass: ประชาคม 14 ก.พ. 2569, 186 participants, results and follow-up, photos; "ผู้แทนจาก อบต.บ้านดง"
    ("g12_good_o19_2569_forum_with_neighbour.html", "O19", 2569, P, set()),
    # pass: report on FY2568 anti-corruption plan with results, budget, problems, suggestions; "รายงาน ณ วันที่ ๓๐…
    ("g13_good_o24_2569_report_fy68_dated_after.pdf", "O24", 2569, P, set()),
    # pass: risk-management report FY๒๕๖๘, measures, budget used, results, problems, suggestions; "รายงาน ณ วันที่ ๖…
    ("g14_good_o22_2569_risk_report_fy68.docx", "O22", 2569, P, set()),
    # pass: FY2569 corruption-risk assessment, L×I levels, measures; cites "ตามหนังสืออำเภอภูเวียง ที่ ขก ๐๐๒๓.๑๓/ว…
    ("g15_good_o21_2569_risk_assessment_district_letter.pdf", "O21", 2569, P, set()),
    # pass: annual procurement summary FY2568 by method, spent, analysis, problems, suggestions; "รายงาน ณ วันที่ ๓๑…
    ("g17_good_o12_2569_annual_procurement_fy68.pdf", "O12", 2569, P, set()),
    # pass: FY2568 quarterly stats all ๐, "ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", status columns; "ข้อมูล ณ…
    ("g21_good_o18_2569_stats_fy68_none.pdf", "O18", 2569, P, set()),
    # pass: FY2567 report by strategy with เบิกจ่าย, joint project with อบต.บ้านดง, problems, suggestions; paged…
    ("h01_good_o7_2568_paged_report_fy67.pdf", "O7", 2568, P, set()),
    # pass: ITA-o12 workbook FY2568 with all 9 fields, e-GP numbers 67…/68…, Nov 67–Mar 68
    ("h03_good_o12_2568_ita_o12_workbook.xlsx", "O12", 2568, P, set()),
    # pass: HR report FY2567: training, budget, problems, suggestions; mentions "ตามหนังสืออำเภอภูเวียง" and "ณ…
    ("h04_good_o15_2568_hr_report_fy67.pdf", "O15", 2568, P, set()),
    # pass: own walk-in/phone/e-mail/online form/Line/box + ป.ป.ช./ป.ป.ท./ศูนย์ดำรงธรรมอำเภอภูเวียง
    ("h05_good_o18_2568_channels_table.html", "O18", 2568, P, set()),
    # pass: FY2568 declaration signed by นายก 1 ต.ค. 2567 + dated photos 7 ต.ค. 67 / 20 ธ.ค. 67 "ร่วมกับอำเภอภูเวียง"
    ("h06_good_o21_2568_declaration_photos.pdf", "O21", 2568, P, set()),
    # pass: gift report FY๒๕๖๘ ต.ค. ๖๗–มี.ค. ๖๘: "ไม่มีการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา"
    ("h07_good_o22_2568_gift_report_nil.docx", "O22", 2568, P, set()),
    # pass: report on anti-corruption plan FY2567: results, budget, problems, suggestions; "ร่วมกับ อบต.บ้านดง";…
    ("h08_good_o26_2568_anticorruption_report_fy67.pdf", "O26", 2568, P, set()),
    # pass: FY2568 6-month risk management report; measures, budget, results, problems, suggestions; "รายงาน ณ วันที่…
    ("h09_good_o24_2568_risk_mgmt_6_months.pdf", "O24", 2568, P, set()),
    # pass: "แผนการดำเนินงานด้านการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" projects/budget/period
    ("h10_good_o14_2568_hr_plan_titled_like_o6.docx", "O14", 2568, P, set()),
    # pass: forum 21 มกราคม 2568 with 142 participants, results, photos; with อำเภอภูเวียง
    ("h11_good_o20_2568_mobile_forum.html", "O20", 2568, P, set()),
    # pass: FY2568 anti-corruption plan: cover+TOC, projects/budget/periods; cites district letter
    ("h12_good_o25_2568_plan_toc_paged.pdf", "O25", 2568, P, set()),
    # pass: FY2568 bribery risk assessment L×I + measures, approved by นายก
    ("h13_good_o23_2568_bribery_risk_xlsx.xlsx", "O23", 2568, P, set()),
    # pass: integrity measures report FY๒๕๖๗, results, budget, problems, suggestions
    ("h15_good_o28_2568_integrity_report_fy67.docx", "O28", 2568, P, set()),
    # fail: report of FY2567; FY2568 required
    ("x01_fail_o7_2569_stale_fy67.pdf", "O7", 2569, F, {"missing_component", "stale_fiscal_year"}),
    # fail: declaration "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗" only, no activity
    ("x02_fail_o21_2568_declaration_fy67_only.pdf", "O21", 2568, F, {"missing_component", "stale_fiscal_year"}),
    # fail: empty สขร.๑ template, month blank "ในรอบเดือน ...."
    ("x03_fail_o11_2569_empty_skhr1_template.pdf", "O11", 2569, F, {"missing_component"}),
    # fail: a plan "แผนพัฒนาบุคลากร ประจำปีงบประมาณ ๒๕๖๘" with planned budget, no results
    ("x04_fail_o14_2569_plan_not_report.pdf", "O14", 2569, F, {"missing_component"}),
    # pass: news page: declaration signed 8 ต.ค. 68 by นายก with link,… (a known gap until the fortieth session)
    ("g08_good_o20_2569_html_nogift_with_neighbours.html", "O20", 2569, P, set()),
]

# Known gaps, not asserted (fixtures/pages/review37/README.md says why each is left)
KNOWN_GAPS: list[str] = []


@pytest.mark.parametrize(("name", "item", "year", "status", "codes"), CASES, ids=[c[0] for c in CASES])
def test_the_thirty_seventh_reviewers_documents(name: str, item: str, year: int, status: Status,
                                            codes: set[str]) -> None:
    assert round_case(PAGES, name, item, year, KHOKSUNG) == (status, codes)


def test_every_file_is_in_the_cases() -> None:
    assert round_documents(PAGES) == case_documents([c[0] for c in CASES] + KNOWN_GAPS)
