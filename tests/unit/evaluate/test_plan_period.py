"""A plan's timeframe is when its work is done, not the fiscal year's own span: a plan that only says "ประจำปี
งบประมาณ พ.ศ. 2569 (1 ตุลาคม 2568 – 30 กันยายน 2569)" above its projects and their money lacks the period (the seed's
"plans without budget or timeframe"); its twin with a month range per project has it."""

from __future__ import annotations

import pytest

from oit_checker.model import Status
from tests.support.evaluate import HOME, finding_from_html

ROWS = [("ก่อสร้างถนน คสล. สายบ้านโนนงิ้ว หมู่ที่ 7", "1,480,000", "ม.ค. – เม.ย. 2569"),
        ("ขยายเขตประปาหมู่บ้าน หมู่ที่ 11", "420,000", "ก.พ. – พ.ค. 2569"),
        ("ฝึกอบรมอาชีพทำปุ๋ยอินทรีย์", "45,000", "มี.ค. – เม.ย. 2569")]


def _plan(title: str, with_months: bool) -> str:
    head = "<tr><th>ที่</th><th>โครงการ/กิจกรรม</th><th>งบประมาณ (บาท)</th>" + (
        "<th>ช่วงที่ทำ</th>" if with_months else "") + "<th>กองที่ทำ</th></tr>"
    rows = "".join(f"<tr><td>{i}</td><td>{name}</td><td>{money}</td>" + (f"<td>{when}</td>" if with_months else "")
                   + "<td>กองช่าง</td></tr>" for i, (name, money, when) in enumerate(ROWS, 1))
    return (f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
            "<p>องค์การบริหารส่วนตำบลหนองบัวจะดำเนินงานตามข้อบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569 "
            "(1 ตุลาคม 2568 – 30 กันยายน 2569) ตามโครงการและกิจกรรมต่อไปนี้ เพื่อให้การพัฒนาตำบลเป็นไปตามแผนพัฒนาท้องถิ่น "
            "และตอบสนองความต้องการของประชาชนในพื้นที่ทุกหมู่บ้าน</p>"
            f"<table>{head}{rows}</table><p>รวม 3 โครงการ งบประมาณ 1,945,000 บาท</p></body></html>")


@pytest.mark.parametrize(("item", "title"), [("O6", "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569"),
                                             ("O23", "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569")])
def test_the_fiscal_years_own_span_is_no_timeframe(item: str, title: str) -> None:
    f = finding_from_html(item, _plan(title, with_months=False), f"{HOME}ita/plan.html", 2569)
    [missing] = [r for r in f.reasons if r.code == "missing_component"]
    assert f.status is Status.FAIL and "period" in missing.detail["missing"]  # type: ignore[operator]


@pytest.mark.parametrize(("item", "title"), [("O6", "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569"),
                                             ("O23", "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569")])
def test_a_month_range_per_project_is(item: str, title: str) -> None:
    f = finding_from_html(item, _plan(title, with_months=True), f"{HOME}ita/plan.html", 2569)
    quotes = [str(e.snippet) for r in f.found if r.detail.get("component") == "period" for e in r.evidence]
    assert len(quotes) == 1 and "ม.ค. – เม.ย. 2569" in quotes[0], [(r.code, r.detail) for r in f.reasons]
