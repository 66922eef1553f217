"""The strategic or development plan (2569 O5, `covers_current`) is a plan over several years whose span holds the
fiscal year: the annual plan headed by one fiscal year and naming no span is not it (review20 s01), nor the old plan's
body under a new cover, every span of years of its own ended before the year (review20 s04). Both go to a person
(review); the plan whose body holds its own span, or that cites the plan before it beside its own years, passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import finding_from_html

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review20"
KHOKSUNG = "องค์การบริหารส่วนตำบลโคกสูง"
URL = "https://www.khoksung.go.th/ita/o5.html"
OLD_BODY = (PAGES / "s04_fail_o5_new_cover_old_body.html").read_text("utf-8")
ANNUAL = (PAGES / "s01_fail_o5_annual_plan_as_strategic.html").read_text("utf-8")


def _codes(html: str) -> tuple[Status, set[str]]:
    f = finding_from_html("O5", html, URL, 2569, agency=KHOKSUNG)
    return f.status, {r.code for r in f.reasons if r.severity is not Status.PASS}


def test_the_annual_plan_is_not_the_multi_year_one() -> None:
    status, codes = _codes(ANNUAL)
    assert (status, "fiscal_year_mismatch" in codes) == (Status.REVIEW, True)


def test_the_old_plans_body_under_a_new_cover() -> None:
    status, codes = _codes(OLD_BODY)
    assert (status, "body_year_earlier" in codes) == (Status.REVIEW, True)


@pytest.mark.parametrize(("old", "new"), [
    # the body's own span is the cover's
    ("ส่วนที่ 3 ยุทธศาสตร์ เป้าประสงค์ ตัวชี้วัด และค่าเป้าหมาย (พ.ศ. 2561 – 2565)",
     "ส่วนที่ 3 ยุทธศาสตร์ เป้าประสงค์ ตัวชี้วัด และค่าเป้าหมาย (พ.ศ. 2566 – 2570)"),
    # a target column of the year under check
    ("ค่าเป้าหมาย 2561", "ค่าเป้าหมาย 2569"),
])
def test_a_body_naming_the_plans_own_years_is_not_asked_about(old: str, new: str) -> None:
    assert old in OLD_BODY
    assert "body_year_earlier" not in _codes(OLD_BODY.replace(old, new))[1]
