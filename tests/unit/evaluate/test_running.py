"""A PDF's running header and footer are not its title (evaluate/running.py): last year's monthly summary printed
under this year's running header ("…ปีงบประมาณ ๒๕๖๙" above "พิมพ์ … หน้า ๑ จาก ๓" on every page) is last year's
(review32 d02)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from oit_checker.evaluate.running import without_running_lines
from oit_checker.model import Status
from tests.support.evaluate import file_trail, finding_from_files

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages"
ITEMS = ["จัดซื้อวัสดุสำนักงาน", "จ้างเหมาซ่อมแซมรถ", "จัดซื้อน้ำมัน", "จ้างเหมาตัดหญ้า", "จัดซื้อวัสดุไฟฟ้า", "จัดซื้อวัสดุก่อสร้าง",
         "จ้างเหมาจัดทำป้าย", "จัดซื้อครุภัณฑ์", "จ้างซ่อมถนน", "จัดซื้อยา", "จ้างเหมารถ", "จัดซื้ออาหารเสริม"]


def _body(n: int) -> list[str]:
    """Page n's rows: different on every page, as a table's rows are."""
    return ["ที่ งานที่จัดซื้อ วงเงิน", *(f"{i} {ITEMS[(n * 4 + i) % 12]} {(n + 1) * 1000 + i}" for i in range(1, 9)),
            f"รวมยอด {n * 8}"]


def _page(n: int, of: int, header: str = "อบต.โคกสูง สรุปผลการจัดซื้อจัดจ้างรายเดือน ปีงบประมาณ ๒๕๖๙") -> str:
    return "\n".join([header, f"พิมพ์ ๒ พ.ค. ๒๕๖๙ หน้า {n} จาก {of}", _MONTHS[n - 1], *_body(n)])


_MONTHS = ["ประจำเดือน ตุลาคม ๒๕๖๗", "ประจำเดือน พฤศจิกายน ๒๕๖๗", "ประจำเดือน ธันวาคม ๒๕๖๗"]


def test_the_header_beside_the_page_number_goes_and_the_body_stays() -> None:
    pages = tuple(_page(n, 3) for n in (1, 2, 3))
    got = without_running_lines(pages)
    assert all("ปีงบประมาณ ๒๕๖๙" not in p and "หน้า" not in p for p in got)
    assert [p.split("\n")[0] for p in got] == _MONTHS
    assert [p.split("\n")[1:] for p in got] == [_body(n) for n in (1, 2, 3)]


def test_lines_repeated_without_a_page_number_are_the_pages_own() -> None:
    # a file of orders: each page headed "คำสั่ง… ที่ 45/2569" and signed; no page numbers, so nothing goes
    orders = tuple("\n".join(["คำสั่งองค์การบริหารส่วนตำบลหนองบัว", f"ที่ {n}/2569", f"เรื่อง แต่งตั้งคณะทำงานชุดที่ {n}",
                              *_body(n), "(นายสมชาย ใจดี)", "นายกองค์การบริหารส่วนตำบลหนองบัว"]) for n in (1, 2, 3))
    assert without_running_lines(orders) == orders
    # the same page twice is no header either
    twice = (_page(1, 2), _page(1, 2))
    assert without_running_lines(twice) == twice


def test_last_years_summary_under_this_years_running_header_is_stale() -> None:
    name = PAGES / "review32" / "d02_fail_o11_fy68_months_under_fy69_header.pdf"
    doc = file_trail(name).retrieved[0].document
    assert doc is not None and any("ปีงบประมาณ ๒๕๖๙" in p for p in doc.pages)
    f = finding_from_files("O11", [name], 2569, agency="องค์การบริหารส่วนตำบลโคกสูง", as_of=date(2026, 5, 15))
    assert f.status is Status.FAIL and "stale_fiscal_year" in {r.code for r in f.reasons}


def test_a_title_printed_on_every_page_stays_on_the_first() -> None:
    # review33 d03: "หน้า n/๓" over the plan's only title on each page
    title = "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"
    pages = tuple("\n".join([f"หน้า {n}/3", title, *_body(n)]) for n in (1, 2, 3))
    got = without_running_lines(pages)
    assert got[0] == pages[0] and all(title not in p for p in got[1:])


def test_a_signature_above_the_page_number_stays() -> None:
    # review33 d02: two announcements, each page signed above its page number
    pages = tuple("\n".join([*_body(n), "(นายสมชาย ใจดี)", "นายกองค์การบริหารส่วนตำบลโคกสูง", f"หน้า {n}/2"])
                  for n in (1, 2))
    got = without_running_lines(pages)
    assert "หน้า 2/2" not in got[1]  # the page number goes (the first page, with no title of its own, is kept)…
    assert all("(นายสมชาย ใจดี)\nนายกองค์การบริหารส่วนตำบลโคกสูง" in p for p in got)  # …the signatures stay
