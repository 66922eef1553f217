"""An eleventh reviewer's sweep (fixtures/pages/review11): ordinary good documents for the items one session's checks
touched, and a few plausible failures, each with the verdict the reviewer wrote before the checker ran. Good documents
must not fail (the image-only chart of p01 goes to a person, as the reviewer accepted); failures must not pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import finding_from_files

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review11"
A = "องค์การบริหารส่วนตำบลหนองบัว"
B = "เทศบาลตำบลโนนสูง"
C = "องค์การบริหารส่วนจังหวัดลำน้ำเย็น"

GOOD = [  # file, item, agency (fiscal year 2569, the 2569 catalogue): each passes
    ("p02_o1_duties_nouns.html", "O1", B), ("p22_o1_bullets.html", "O1", A),
    ("p03_o2_since_date.html", "O2", B), ("p04_o2_term_span.html", "O2", C), ("p05_o2_short_year.html", "O2", A),
    # a biography's ended terms "สมัยที่ 2 (พ.ศ. 2564 – 2568)" before "…เลือกตั้ง… เมื่อวันที่ 11 พฤษภาคม 2568" (was a review)
    ("p20_o2_bio_terms.html", "O2", B),
    ("p06_o7_annual.html", "O7", A), ("p07_o7_songkran_first.html", "O7", B),
    ("p08_o9_elderly.html", "O9", A), ("p09_o9_tax_and_permit.html", "O9", B), ("p21_o9_water.html", "O9", A),
    ("p10_o11_monthly.html", "O11", A), ("p11_o12_annual.html", "O12", A),
    ("p12_o17_channel.html", "O17", A), ("p13_o18_stats_none.html", "O18", A), ("p23_o18_quarter_table.html", "O18", A),
    ("p14_o19_prachakhom.html", "O19", A), ("p15_o20_nogift.html", "O20", A), ("p19_o20_palad_acting.html", "O20", A),
    ("p16_o21_risk.html", "O21", A),
    ("p18_o21_risk_jadkan.html", "O21", B),  # a column "แนวทางการจัดการความเสี่ยง" (was a fail)
    ("p17_o24_report.html", "O24", A),
]
BAD = [  # file, item, agency: each fails
    ("f02_o20_signed_by_palad.html", "O20", A), ("f03_o18_general_only.html", "O18", A),
    ("f04_o21_internal_control.html", "O21", A),
    ("f05_o21_internal_control_matrakan.html", "O21", A),  # its only corruption: "ต่อต้านการทุจริต" twice (was a pass)
    ("f07_o17_general_channel.html", "O17", A),  # general complaints, "โปร่งใส ร่วมต่อต้านการทุจริต" (was a pass)
]


@pytest.mark.parametrize(("name", "item", "agency"), GOOD, ids=[c[0] for c in GOOD])
def test_good_documents_pass(name: str, item: str, agency: str) -> None:
    f = finding_from_files(item, [PAGES / name], 2569, agency=agency)
    assert f.status is Status.PASS, [r.code for r in f.reasons if r.severity is not Status.PASS]


@pytest.mark.parametrize(("name", "item", "agency"), BAD, ids=[c[0] for c in BAD])
def test_failures_fail(name: str, item: str, agency: str) -> None:
    assert finding_from_files(item, [PAGES / name], 2569, agency=agency).status is Status.FAIL


def test_an_image_only_chart_goes_to_a_person() -> None:
    f = finding_from_files("O1", [PAGES / "p01_o1_structure.html"], 2569, agency=A)
    assert (f.status, {r.code for r in f.reasons if r.severity is not Status.PASS}) == (Status.REVIEW,
                                                                                          {"chart_in_image"})


@pytest.mark.parametrize("name", ["f01_o7_one_project.html", "f06_o7_one_project_activities.html"])
def test_one_event_or_one_units_year_goes_to_a_person(name: str) -> None:
    """"รายงานผลการดำเนินงาน ประจำปีงบประมาณ…" over one sports day (f01) or one child centre's activities (f06): no
    project, strategy, mission or plan named anywhere, so not the agency's year (both passed before)."""
    f = finding_from_files("O7", [PAGES / name], 2569, agency=A)
    assert (f.status, {r.code for r in f.reasons if r.severity is not Status.PASS}) == (Status.REVIEW,
                                                                                          {"one_project_report"})
