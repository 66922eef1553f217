"""A nineteenth reviewer's documents (fixtures/pages/review19), aimed at the eighteenth round's fixes: months stated
together as without purchases, words of corruption added to the risk tables' list, the day a No Gift activity was held,
a report's spend column. Each verdict was written before the checker ran; the months are checked on 15 May."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import finding_from_files

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review19"
KHOKSUNG = "องค์การบริหารส่วนตำบลโคกสูง"
P, R = Status.PASS, Status.REVIEW

CASES = [  # file, item, fiscal year, status, the non-pass codes it must give
    # months "ไม่มีข้อมูล", "ไม่มีการรายงาน", "ไม่มีการเผยแพร่… อยู่ระหว่างรวบรวม", "ไม่มีข้อมูลในระบบ": data missing, not "no
    # purchases" (each was a pass)
    ("p01_fail_jan_mar_no_data.html", "O11", 2569, R, {"months_missing"}),
    ("p02_fail_jan_mar_not_reported.html", "O11", 2569, R, {"months_missing"}),
    ("p05_fail_feb_mar_pending.html", "O11", 2569, R, {"months_missing"}),
    ("p06_fail_pair_no_data_system.html", "O11", 2569, R, {"months_missing"}),
    ("q01_2568_fail_dec_feb_no_data.html", "O12", 2568, R, {"months_missing"}),
    # "เดือนธันวาคม และเดือนมกราคม 2569 ไม่มีการจัดซื้อจัดจ้าง" (December is 2568's), a span across the years, the whole half
    ("p03_good_dec_jan_pair.html", "O11", 2569, P, set()),
    ("p04_good_dec_feb_span_across_years.html", "O11", 2569, P, set()),
    ("p07_good_whole_half_year_none_but_oct.html", "O11", 2569, P, set()),
    ("q02_2568_good_nov_dec_pair.html", "O12", 2568, P, set()),
    ("g02_good_this_year_plus_last_year_caption.html", "O20", 2569, P, set()),
    ("g03_fail_only_last_year_photo.html", "O20", 2569, R, {"activity_date_earlier"}),
    ("g05_good_assigned_to_join.html", "O20", 2569, P, set()),
    # "วันที่ 5 มกราคม 2569 …ขอนำเสนอภาพย้อนหลัง ที่…ได้จัดกิจกรรม No Gift Policy ในเดือนกันยายน 2568": the month held, not
    # the day the pictures are shown (was a pass)
    ("g04_fail_posted_day_retro_news.html", "O20", 2569, R, {"activity_date_earlier"}),
    # "การให้เงินช่วยเหลือผู้ประสบภัยล่าช้า", "บริการเป็นพิเศษ…", "ขยะแลกกับไข่", "มอบเงินสงเคราะห์…", "ไม่มีคนรู้จัก…": no
    # corruption (each was a pass)
    ("r01_fail_welfare_ops_new_words.html", "O21", 2569, R, {"risks_off_subject"}),
    ("r02_fail_projects_new_words.html", "O21", 2569, R, {"risks_off_subject"}),
    ("r03_good_bribery_new_words.html", "O21", 2569, P, set()),
    ("r04_fail_health_ops_family.html", "O21", 2569, R, {"risks_off_subject"}),
    ("o01_good_report_spend_col.html", "O24", 2569, P, set()),
    ("o02_fail_plan_targets.html", "O24", 2569, Status.FAIL, {"missing_component"}),
    # known gaps of the round, closed in the thirty-eighth session: an activity told only as "ในปีงบประมาณที่ผ่านมาได้จัด
    # กิจกรรม…" with no day; a spend column whose note says "…เป็นงบประมาณที่ตั้งไว้… มิใช่ยอดที่ใช้จ่ายจริง" (both were passes)
    ("g01_fail_posting_day_then_last_year_activity.html", "O20", 2569, R, {"activity_said_earlier"}),
    ("o03_fail_report_amount_is_planned.html", "O24", 2569, R, {"component_doubted"}),
]

KNOWN_GAPS: list[str] = []  # none left


@pytest.mark.parametrize(("name", "item", "year", "status", "codes"), CASES, ids=[c[0] for c in CASES])
def test_the_nineteenth_reviewers_documents(name: str, item: str, year: int, status: Status, codes: set[str]) -> None:
    f = finding_from_files(item, [PAGES / name], year, agency=KHOKSUNG, as_of=date(year - 543, 5, 15))
    assert (f.status, {r.code for r in f.reasons if r.severity is not Status.PASS}) == (status, codes)


def test_every_file_is_in_the_cases() -> None:
    assert sorted(p.name for p in PAGES.glob("*.html")) == sorted([c[0] for c in CASES] + KNOWN_GAPS)
