"""A plan posted as the year's report (`plan_as_report`, review): headed as the plan or its measures and signed early
in, or before, the fiscal year its heading names, it cannot hold that year's results, whatever its columns are called
(review21 r01, m01 were passes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.model import Status
from tests.support.evaluate import finding_from_html

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review21"
KHOKSUNG = "องค์การบริหารส่วนตำบลโคกสูง"
PLAN = (PAGES / "r01_fail_plan_with_report_words.html").read_text("utf-8")
URL = "https://www.khoksung.go.th/ita/o22.html"
HEAD = "แผนบริหารจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. 2568"
SIGNED = "ประกาศ ณ วันที่ 1 ตุลาคม 2567"


def _codes(html: str) -> set[str]:
    f = finding_from_html("O22", html, URL, 2569, agency=KHOKSUNG)
    return {r.code for r in f.reasons if r.severity is not Status.PASS}


def test_the_plan_signed_on_its_years_first_day_is_not_the_report() -> None:
    assert HEAD in PLAN and SIGNED in PLAN
    assert "plan_as_report" in _codes(PLAN)


@pytest.mark.parametrize(("old", "new"), [
    # the report of that plan, signed after the year: its results may be there
    (SIGNED, "ประกาศ ณ วันที่ 15 ตุลาคม 2568"),
    # headed as the report
    (HEAD, "รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. 2568"),
    # not signed: nothing tells when it was written
    (SIGNED, ""),
])
def test_a_report_or_a_plan_signed_after_its_year_is_not_asked_about(old: str, new: str) -> None:
    assert "plan_as_report" not in _codes(PLAN.replace(old, new))
