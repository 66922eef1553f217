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



# review45 b22/b32: a cover naming the year, then content pages numbered "- n -" at the bottom
_COVER = "แผนการบริหารและพัฒนาทรัพยากรบุคคล\nประจำปีงบประมาณ พ.ศ. ๒๕๖๙\nองค์การบริหารส่วนตำบลโคกสูง\nอำเภอภูเวียง จังหวัดขอนแก่น"
_AGENCY_LINE = "องค์การบริหารส่วนตำบลโคกสูง อำเภอภูเวียง จังหวัดขอนแก่น"
_HR_FOOTER = "แผนการบริหารและพัฒนาทรัพยากรบุคคล ปีงบประมาณ พ.ศ. ๒๕๖๙"


_SECTIONS = ["ส่วนที่ ๑ บทนำ", "ส่วนที่ ๒ หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล",
             "ส่วนที่ ๓ แผนการพัฒนาบุคลากร ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"]


def _numbered(n: int, top: str, bottom: str | None) -> str:
    """Content page n: its running top line, its own section and lines, a footer line or none, "- n -"."""
    own = [f"{i} {ITEMS[(n * 5 + i) % 12]} ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ {n * 10 + i} คน" for i in range(1, 8)]
    return "\n".join([top, _SECTIONS[n - 1], *own, *([bottom] if bottom else []), f"- {n} -"])


def test_a_footer_repeating_the_cover_above_the_page_number_goes() -> None:
    pages = (_COVER, *(_numbered(n, _AGENCY_LINE, _HR_FOOTER) for n in (1, 2, 3)))
    got = without_running_lines(pages)
    assert got[0] == _COVER
    assert all(_HR_FOOTER not in p and "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" in p for p in got[1:])
    assert all(p.split("\n")[0] == _AGENCY_LINE for p in got[1:])  # a running line naming no year stays


def test_a_header_repeating_the_cover_goes_though_the_page_number_is_at_the_bottom() -> None:
    title = "รายงานสรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"
    cover = "รายงานสรุปผลการจัดซื้อจัดจ้าง\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘\nองค์การบริหารส่วนตำบลโคกสูง\nกองคลัง งานพัสดุ"
    pages = (cover, *(_numbered(n, title, None) for n in (1, 2, 3)))
    got = without_running_lines(pages)
    assert all(title not in p and p.split("\n")[0] == s for s, p in zip(_SECTIONS, got[1:], strict=True))


def test_a_running_title_of_another_year_than_the_covers_stays() -> None:
    # a stale template's footer (review45 a03), or the body's own title on every page under a retitled cover
    # (review27 b03): the year judgement weighs it
    stale = "แผนการบริหารและพัฒนาทรัพยากรบุคคล ปีงบประมาณ พ.ศ. ๒๕๖๗"
    pages = (_COVER, *(_numbered(n, _AGENCY_LINE, stale) for n in (1, 2, 3)))
    got = without_running_lines(pages)
    assert all(p.split("\n")[-1] == stale for p in got[1:])  # only the page number goes


def test_a_table_header_under_a_bare_page_number_stays() -> None:
    # the demo's HR report: "- 2 -" at the top of each page over the table's header row printed again
    header = "ลำดับ โครงการ/หลักสูตร ผู้เข้า"
    pages = tuple("\n".join([f"- {n} -", header, "ร่วม (คน) วันที่ดำเนินการ งบประมาณที่ใช้ (บาท)", *_body(n)[1:]])
                  for n in (1, 2, 3))
    got = without_running_lines(pages)
    assert all(p.split("\n")[0] == header for p in got[1:])
