"""A month-by-month item (`monthly`: 2569 O11, 2568 O12) must name every month of October–March due by the day of
the check, a month without purchases as such (`months_missing`, review): the sixteenth assessor's trial (b O11,
summaries of October–December only, looked at in spring) passed."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from oit_checker.engine.session import RunOptions
from oit_checker.evaluate.months import later_only_gap, month_gap
from oit_checker.model import Status
from tests.support.evaluate import finding_from_files

ROOT = Path(__file__).resolve().parents[3]
SITE = ROOT / "fixtures" / "assessor_trial" / "sixteenth" / "site" / "download.php"
# "สรุปผลการจัดซื้อจัดจ้าง… ประจำเดือนตุลาคม / พฤศจิกายน / ธันวาคม 2568" (PDFs)
MONTHLY = [SITE / "6111", SITE / "6112", SITE / "6113"]
AGENCY = "องค์การบริหารส่วนตำบลห้วยทรายคำ"
OCT, NOV, DEC = date(2025, 10, 1), date(2025, 11, 1), date(2025, 12, 1)
JAN, FEB, MAR = date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)


@pytest.mark.parametrize(("as_of", "missing"), [
    (date(2026, 5, 15), (JAN, FEB, MAR)),  # the assessors' season: all six months are due
    (date(2026, 3, 1), (JAN,)),  # January is due once February has ended
    (date(2026, 2, 28), ()),  # December's summary is published in January: due, and there
    (date(2025, 12, 20), ()),
    (date(2027, 1, 10), (JAN, FEB, MAR)),  # a later year: the first half, not the months after it
])
def test_the_months_due_by_the_day_of_the_check(as_of: date, missing: tuple[date, ...]) -> None:
    gap = month_gap(2569, [date(2025, 10, 15), date(2025, 11, 3), date(2025, 12, 1)], as_of)
    assert (gap.missing if gap else ()) == missing
    if gap:
        assert gap.named == (OCT, NOV, DEC)


def test_without_the_day_only_a_gap_before_the_latest_month_named() -> None:
    gap = month_gap(2569, [date(2025, 10, 5), date(2025, 12, 5), date(2026, 2, 1)], None)
    assert gap is not None and gap.missing == (NOV, JAN)
    assert month_gap(2569, [date(2025, 10, 5), date(2025, 11, 5)], None) is None


def test_no_month_of_the_period_named_reads_no_gap() -> None:
    # an undated cumulative list, or months of another year: nothing says the documents go month by month
    assert month_gap(2569, [], date(2026, 5, 15)) is None
    assert month_gap(2569, [date(2024, 11, 1), date(2026, 6, 1)], date(2026, 7, 1)) is None


def test_the_trial_s_october_to_december_summaries_in_may() -> None:
    f = finding_from_files("O11", MONTHLY, 2569, agency=AGENCY, as_of=date(2026, 5, 15))
    [gap] = [r for r in f.reasons if r.code == "months_missing"]
    assert f.status is Status.REVIEW and gap.severity is Status.REVIEW
    assert gap.detail["named"] == "ต.ค. 2568, พ.ย. 2568, ธ.ค. 2568"
    assert gap.detail["missing"] == "ม.ค. 2569, ก.พ. 2569, มี.ค. 2569"
    assert "ประจำเดือนธันวาคม 2568" in gap.evidence[0].snippet  # the latest month named, quoted
    # Checked in January, the three are all that is due: nothing is missing.
    f = finding_from_files("O11", MONTHLY, 2569, agency=AGENCY, as_of=date(2026, 1, 20))
    assert "months_missing" not in {r.code for r in f.reasons}
    assert f.status is Status.PASS


def test_a_month_left_out_between_two_is_read_without_the_day() -> None:
    f = finding_from_files("O11", [MONTHLY[0], MONTHLY[2]], 2569, agency=AGENCY)
    [gap] = [r for r in f.reasons if r.code == "months_missing"]
    assert gap.detail["missing"] == "พ.ย. 2568"


def test_the_six_month_workbook_with_its_no_procurement_month(tmp_path: Path) -> None:
    # the trial's a O11: the ITA-o11 workbook of October 2568 – March 2569, October "ไม่มีการจัดซื้อจัดจ้าง"
    book = tmp_path / "ita-o11.xlsx"
    shutil.copy(SITE / "5111", book)
    f = finding_from_files("O11", [book], 2569, agency=AGENCY, as_of=date(2026, 5, 15))
    assert (f.status, [r.code for r in f.reasons if r.severity is not Status.PASS]) == (Status.PASS, [])


def test_the_month_of_the_day_is_in_the_reading_key() -> None:
    # A finding reused from last month would not know the month that fell due since.
    key = RunOptions(as_of=date(2026, 1, 31)).reading_key()
    assert RunOptions(as_of=date(2026, 1, 2)).reading_key() == key
    assert RunOptions(as_of=date(2026, 2, 1)).reading_key() != key


@pytest.mark.parametrize("path", [
    # "ข้อมูลการจัดซื้อจัดจ้าง ปีงบประมาณ พ.ศ. ๒๕๖๘ รอบ ๖ เดือนแรก (ตุลาคม ๒๕๖๗ – มีนาคม ๒๕๖๘)", rows of e-GP numbers and
    # "หมายเหตุ: เดือนธันวาคม ๒๕๖๗ ไม่มีการจัดซื้อจัดจ้าง"
    ROOT / "fixtures" / "verdicts" / "site" / "www.huaitabaek-demo.go.th" / "ita" / "o12.html",
    # the ITA-o12 workbook headed "(1 ต.ค. 2567 – …)", two rows' items naming their month ("… เดือนมกราคม 2568 |")
    ROOT / "fixtures" / "assessor_trial" / "fourteenth" / "site" / "docs" / "file" / "ITA-o12_2568.xlsx",
])
def test_a_half_year_list_not_by_month_is_read_for_no_gap(path: Path) -> None:
    f = finding_from_files("O12", [path], 2568, as_of=date(2025, 5, 15))
    assert "months_missing" not in {r.code for r in f.reasons}
    assert f.status is Status.PASS


_HEADER = ("<tr><td>ที่</td><td>งานที่จัดซื้อหรือจัดจ้าง</td><td>วงเงินงบประมาณ (บาท)</td><td>ราคากลาง (บาท)</td>"
           "<td>วิธีซื้อหรือจ้าง</td><td>ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง</td><td>สถานะ</td></tr>")


def _month(name: str, item: str, status: str) -> str:
    return (f"<h3>ประจำเดือน{name}</h3><table>{_HEADER}<tr><td>๑</td><td>{item}</td><td>๔๕,๐๐๐</td><td>๔๕,๐๐๐</td>"
            f"<td>เฉพาะเจาะจง</td><td>หจก.ภูเวียงการโยธา ๔๔,๐๐๐ บาท</td><td>{status}</td></tr></table>")


@pytest.mark.parametrize(("february", "missing"), [
    # review34 k01: January's last row ends "| อยู่ระหว่างก่อสร้าง", then "ประจำเดือนกุมภาพันธ์ 2569" heads its own table:
    # the status is January's row's, February is named
    (_month("กุมภาพันธ์ ๒๕๖๙", "ซื้ออาหารเสริม (นม) โรงเรียน", "ส่งมอบแล้ว"), None),
    # …but a month stated as still being gathered is not named (and March's heading after that line still names March)
    ("<p>ข้อมูลประจำเดือนกุมภาพันธ์ ๒๕๖๙ อยู่ระหว่างรวบรวม</p>", "ก.พ. 2569"),
])
def test_a_previous_row_s_status_before_a_month_heading(tmp_path: Path, february: str, missing: str | None) -> None:
    body = "".join([
        _month("ตุลาคม ๒๕๖๘", "ซื้อวัสดุสำนักงาน", "ส่งมอบแล้ว"), _month("พฤศจิกายน ๒๕๖๘", "จ้างซ่อมรถ", "ส่งมอบแล้ว"),
        _month("ธันวาคม ๒๕๖๘", "ซื้อวัสดุไฟฟ้า", "ส่งมอบแล้ว"),
        _month("มกราคม ๒๕๖๙", "จ้างก่อสร้างถนน คสล. หมู่ที่ ๗", "อยู่ระหว่างก่อสร้าง"), february,
        _month("มีนาคม ๒๕๖๙", "ซื้อครุภัณฑ์คอมพิวเตอร์", "ส่งมอบแล้ว"),
    ])
    page = tmp_path / "o11.html"
    page.write_text("<html><body><h1>สรุปผลการจัดซื้อจัดจ้างรายเดือน ปีงบประมาณ ๒๕๖๙</h1>"
                    f"<p>องค์การบริหารส่วนตำบลโคกสูง</p>{body}</body></html>", encoding="utf-8")
    f = finding_from_files("O11", [page], 2569, agency="องค์การบริหารส่วนตำบลโคกสูง", as_of=date(2026, 5, 15))
    gaps = [r for r in f.reasons if r.code == "months_missing"]
    assert (gaps[0].detail["missing"] if gaps else None) == missing


def test_a_page_naming_only_a_later_month_leaves_out_the_first_half() -> None:
    # review49 b35 "ประจำเดือนเมษายน ๒๕๖๙" alone, b23 "ประจำเดือนมิถุนายน ๒๕๖๙" alone, looked at on 15 May 2569
    apr, jun = date(2026, 4, 1), date(2026, 6, 30)
    for named in (apr, jun):
        gap = later_only_gap(2569, [named], date(2026, 5, 15))
        assert gap is not None and gap.missing == (OCT, NOV, DEC, JAN, FEB, MAR), gap
    # a first-half month named: month_gap's question, not this one; a month of another year says nothing
    assert later_only_gap(2569, [MAR, apr], date(2026, 5, 15)) is None
    assert later_only_gap(2569, [date(2025, 4, 1)], date(2026, 5, 15)) is None
    # before any month is due nothing is missing
    assert later_only_gap(2569, [date(2026, 4, 2)], date(2025, 11, 1)) is None


_ROWS = [  # the NACC workbook's columns, the status last (review50 a01)
    ("ต.ค. ๖๘", "จัดซื้อวัสดุสำนักงาน (กระดาษ หมึกพิมพ์) สำนักปลัด", "๑๘,๕๐๐.๐๐", "สิ้นสุดสัญญา"),
    ("พ.ย. ๖๘", "จัดซื้ออาหารเสริม (นม) โรงเรียนบ้านโคกสูง", "๓๑๒,๔๘๐.๐๐", "อยู่ระหว่างระยะสัญญา"),
    ("ธ.ค. ๖๘", "ไม่มีการจัดซื้อจัดจ้าง", "-", "-"),
    ("ม.ค. ๖๙", "จ้างซ่อมแซมถนนลูกรัง หมู่ที่ ๔", "๙๖,๐๐๐.๐๐", "อยู่ระหว่างดำเนินการ"),
    ("ก.พ. ๖๙", "ไม่มีการจัดซื้อจัดจ้าง", "-", "-"),
    ("มี.ค. ๖๙", "จัดซื้อน้ำมันเชื้อเพลิงรถบรรทุกน้ำ", "๑๕,๐๐๐.๐๐", "สิ้นสุดสัญญา"),
]


def test_a_month_opening_a_row_after_a_status_cell_is_named(tmp_path: Path) -> None:
    # "… | 68109123456 | สิ้นสุดสัญญา" ends the row above "พ.ย. 68 | …": no contract's end before the month, no month
    # still to come ("อยู่ระหว่างระยะสัญญา" before "ธ.ค. 68"); every month is named
    rows = "".join(f"<tr><td>{m}</td><td>{w}</td><td>{b}</td><td>เฉพาะเจาะจง</td><td>{s}</td></tr>"
                   for m, w, b, s in _ROWS)
    page = tmp_path / "o11.html"
    page.write_text("<html><body><h1>สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.1) ปีงบประมาณ พ.ศ. ๒๕๖๙</h1>"
                    "<p>องค์การบริหารส่วนตำบลโคกสูง</p><table><tr><td>เดือน</td><td>งานที่ซื้อหรือจ้าง</td>"
                    "<td>วงเงินงบประมาณ (บาท)</td><td>วิธีซื้อหรือจ้าง</td><td>สถานะ</td></tr>"
                    f"{rows}</table></body></html>", encoding="utf-8")
    f = finding_from_files("O11", [page], 2569, agency="องค์การบริหารส่วนตำบลโคกสูง", as_of=date(2026, 4, 10))
    assert "months_missing" not in {r.code for r in f.reasons}


def test_a_calendar_year_heading_is_no_half_years_span(tmp_path: Path) -> None:
    # review50 b03: "ประจำปี 2567 (มกราคม – ธันวาคม 2567)" over ม.ค. 67 … ธ.ค. 67 for 2568 O12: January–March 2568 are
    # due and absent (the rows' dates decide the year of the list, whose October–December are 2568's)
    months = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
    rows = "".join(f"<tr><td>{m} 67</td><td>จัดซื้อวัสดุสำนักงาน</td><td>10,000.00</td><td>เฉพาะเจาะจง</td>"
                   f"<td>สิ้นสุดสัญญา</td></tr>" for m in months)
    page = tmp_path / "o12.html"
    page.write_text("<html><body><h1>ข้อมูลการจัดซื้อจัดจ้าง ประจำปี 2567 (มกราคม – ธันวาคม 2567)</h1>"
                    "<p>องค์การบริหารส่วนตำบลโคกสูง</p><table><tr><td>เดือน</td><td>งานที่ซื้อหรือจ้าง</td>"
                    "<td>วงเงินงบประมาณ (บาท)</td><td>วิธีซื้อหรือจ้าง</td><td>สถานะ</td></tr>"
                    f"{rows}</table></body></html>", encoding="utf-8")
    f = finding_from_files("O12", [page], 2568, agency="องค์การบริหารส่วนตำบลโคกสูง", as_of=date(2025, 5, 15))
    [gap] = [r for r in f.reasons if r.code == "months_missing"]
    assert gap.detail["missing"] == "ม.ค. 2568, ก.พ. 2568, มี.ค. 2568"
