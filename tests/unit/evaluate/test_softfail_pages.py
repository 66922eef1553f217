"""Soft failures: pages that answer 200 but are not the content (a CMS "not found", a login wall, a Drive
interstitial, a parked domain, a firewall block page, a JavaScript shell), and content that only quotes such
words. The same pages the hostile server (tests/support/hostile_server.py) serves, without a server."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from oit_checker.evaluate.softfail import classify, classify_detail
from oit_checker.extract import extract
from oit_checker.model import DocKind, Document, Link


def _doc(text: str, title: str = "", url: str = "https://www.nongbua.go.th/page/1",
         links: tuple[Link, ...] = ()) -> Document:
    return Document(url=url, kind=DocKind.HTML, pages=(text,), title=title, links=links)


@pytest.mark.parametrize(("doc", "code"), [
    (_doc("ขออภัย ไม่พบหน้าที่คุณต้องการ"), "soft_404"),
    (_doc("\n".join(["ข่าวประชาสัมพันธ์ล่าสุดของหน่วยงาน " * 3] * 40), title="Page not found – อบต.หนองบัว"), "soft_404"),
    (_doc("เมนูหลัก\n" * 50 + "404\nไม่พบหน้า\n" + "ลิงก์หน่วยงาน กรมส่งเสริมการปกครองท้องถิ่น\n" * 60), "soft_404"),
    (_doc("ไม่พบข้อมูล"), "soft_404"),
    (_doc("ชื่อผู้ใช้\nรหัสผ่าน\nเข้าสู่ระบบ"), "login_wall"),
    (_doc("Email\nPassword", title="Sign in - Google Accounts",
          url="https://accounts.google.com/v3/signin/identifier?continue=https://drive.google.com"), "login_wall"),
    (_doc("You need access\nRequest access, or switch to an account with access.",
          url="https://drive.google.com/file/d/1AbC/view"), "login_wall"),
    (_doc("Username\nPassword", url="https://www.nongbua.go.th/wp-login.php?redirect_to=%2Fita"), "login_wall"),
    (_doc("Google Drive can't scan this file for viruses.\nDownload anyway",
          title="Google Drive - Virus scan warning", url="https://drive.usercontent.google.com/download?id=1x"),
     "drive_interstitial"),
    (_doc("Sorry, you can't view or download this file at this time. Too many users have viewed or downloaded "
          "this file recently.", title="Google Drive – Quota exceeded", url="https://drive.google.com/uc?id=1"),
     "drive_interstitial"),
    (_doc("This domain may be for sale!"), "parked_domain"),
    (_doc("Apache2 Ubuntu Default Page\nIt works!"), "site_unavailable"),
    (_doc("Error establishing a database connection"), "site_unavailable"),
    (_doc("ปิดปรับปรุงเว็บไซต์ชั่วคราว\nขออภัยในความไม่สะดวก"), "site_unavailable"),  # the whole site is down
    (_doc("เว็บไซต์อยู่ระหว่างปรับปรุง"), "site_unavailable"),
    # The agency's own page, its content not put up yet: a content gap, not a hosting problem.
    (_doc("เทศบาลตำบลหนองบัวทอง\nO10 คู่มือการปฏิบัติงาน\nอยู่ระหว่างปรับปรุงข้อมูล"), "content_pending"),
    (_doc("ข้อมูลสถิติการให้บริการ\nข้อมูลอยู่ระหว่างการปรับปรุง"), "content_pending"),
    (_doc("ระบบอยู่ระหว่างการปรับปรุง ขออภัยในความไม่สะดวก"), "site_unavailable"),
    # a maintenance page with its contacts and social links (no menu of its own site), or a maintenance title
    (_doc("ขณะนี้ระบบอยู่ระหว่างการปรับปรุง", links=tuple(Link(url=u, text="x") for u in (
        "tel:035594120", "mailto:saraban@nongbua.go.th", "https://www.facebook.com/nongbua", "https://line.me/R/ti/p/x",
        "https://www.youtube.com/@nongbua", "https://www.tiktok.com/@nongbua", "https://x.com/nongbua",
        "https://www.instagram.com/nongbua"))), "site_unavailable"),
    (_doc("ขณะนี้ระบบอยู่ระหว่างการปรับปรุง", title="ปิดปรับปรุงระบบชั่วคราว – เทศบาลตำบลหนองบัว",
          links=tuple(Link(url=f"https://www.nongbua.go.th/m{i}", text=f"เมนู {i}") for i in range(12))),
     "site_unavailable"),
    # A maintenance title, or words about the website, decide before a content phrase of the same text.
    (_doc("ขณะนี้เว็บไซต์อยู่ระหว่างปรับปรุงข้อมูล ขออภัยในความไม่สะดวก", title="ปิดปรับปรุงเว็บไซต์ชั่วคราว"),
     "site_unavailable"),
    (_doc("เว็บไซต์กำลังปรับปรุงข้อมูล กรุณากลับมาใหม่ภายหลัง"), "site_unavailable"),
    (_doc("This website is under maintenance. Content is being updated.", title="Maintenance"), "site_unavailable"),
    (_doc("The requested URL was rejected. Please consult with your administrator.\nYour support ID is: 1"),
     "bot_wall"),
    (_doc("Checking your browser before accessing nongbua.go.th", title="Just a moment..."), "bot_wall"),
    (_doc("You need to enable JavaScript to run this app."), "needs_javascript"),
    (_doc(""), "empty_page"),
])
def test_soft_failures_are_recognised(doc: Document, code: str) -> None:
    assert classify(doc) == code, classify_detail(doc)


def test_a_service_under_repair_on_a_page_of_the_site_is_the_items_to_judge() -> None:
    """The ninth trial's b O10: the E-Service page, inside its site's menus, says the service is under repair; the
    site is up, so the page is no soft failure (O10's online service is doubted by the words instead)."""
    menus = tuple(Link(url=f"https://www.nongbua.go.th/m{i}", text=f"เมนู {i}") for i in range(4))
    page = _doc("ระบบบริการออนไลน์ (E-Service)\nขณะนี้ระบบบริการออนไลน์อยู่ระหว่างการปรับปรุง ขออภัยในความไม่สะดวก\n"
                "ท่านสามารถติดต่อขอรับบริการได้ที่ศูนย์บริการร่วม สำนักงานเทศบาล", links=menus)
    assert classify(page) is None
    assert classify(_doc(page.text)) == "site_unavailable"  # the same words alone: the site's maintenance page
    assert classify(_doc(page.text, links=menus[:3])) == "site_unavailable"  # three pages of its site: still so
    # menus without "www." count; the site's own notice ("ระบบอยู่ระหว่างการปรับปรุง", no service named) under its
    # menus is the site down, every item could not be checked (a second reviewer's case)
    bare = tuple(link._replace(url=link.url.replace("www.", "")) for link in menus)
    assert classify(_doc(page.text, links=bare)) is None
    assert classify(_doc("ขณะนี้ระบบอยู่ระหว่างการปรับปรุง\nขออภัยในความไม่สะดวก", links=menus)) == "site_unavailable"


LONG_PLAN = "\n".join(f"ข้อ {i} โครงการส่งเสริมคุณธรรมและความโปร่งใสของเจ้าหน้าที่ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"
                      for i in range(40))


@pytest.mark.parametrize("doc", [
    # Real content that happens to quote the words.
    _doc(LONG_PLAN + "\nหมายเหตุ: หากไม่พบหน้าที่ต้องการ โปรดติดต่อสำนักปลัด"),
    _doc("รายงานสถิติเรื่องร้องเรียน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙\nไม่พบข้อมูลการร้องเรียนการทุจริตในไตรมาสที่ ๑"),
    _doc(LONG_PLAN + "\nสมาชิกเข้าสู่ระบบ\nชื่อผู้ใช้\nรหัสผ่าน"),  # a sidebar login box beside content
    _doc(LONG_PLAN, title="ประกาศ ถนนสายหลักอยู่ระหว่างปรับปรุง"),
    _doc("", links=(Link(url="https://www.nongbua.go.th/files/o1.pdf", text="ดาวน์โหลด"),)),  # a link page
])
def test_content_is_not_mistaken_for_a_soft_failure(doc: Document) -> None:
    assert classify(doc) is None, classify_detail(doc)


def test_only_html_is_classified() -> None:
    pdf = replace(_doc("404 Not Found"), kind=DocKind.PDF)
    assert classify(pdf) is None


def test_content_being_updated_is_a_fail_that_says_to_publish_not_to_check_hosting() -> None:
    from oit_checker.evaluate.item import evaluate_item
    from oit_checker.model import Status
    from tests.unit.evaluate.test_item import HOME, plan_item, trail

    url = "https://www.nongbua.go.th/ita/o10"
    page = _doc("เทศบาลตำบลหนองบัวทอง\nO10 คู่มือการปฏิบัติงาน\nอยู่ระหว่างปรับปรุงข้อมูล", url=url)
    f = evaluate_item(plan_item(), [trail(page, url=url)], 2569, home=HOME)
    # Before: error site_unavailable ("the site shows its hosting provider's or a maintenance page").
    assert f.status is Status.FAIL, f.reasons
    reason = next(r for r in f.reasons if r.code == "content_pending")
    assert "อยู่ระหว่างปรับปรุงข้อมูล" in reason.message_th and "อยู่ระหว่างปรับปรุงข้อมูล" in reason.message_en
    assert "site_unavailable" not in {r.code for r in f.reasons}


def test_the_notice_is_quoted_as_the_page_writes_it() -> None:
    from oit_checker.evaluate.item import evaluate_item
    from tests.unit.evaluate.test_item import HOME, plan_item, trail

    url = "https://www.nongbua.go.th/en/o10"
    page = _doc("Nongbua Thong Municipality\nO10 Staff manual\nContent is being updated. Please visit again.", url=url)
    f = evaluate_item(plan_item(), [trail(page, url=url)], 2569, home=HOME)
    reason = next(r for r in f.reasons if r.code == "content_pending")
    # Before: “contentisbeingupdated”, the matching form.
    assert "“Content is being updated”" in reason.message_th and "“Content is being updated”" in reason.message_en


def test_a_tables_rows_under_repair_are_no_site_down() -> None:
    # review20 s14: a page of the agency's manuals, each "อยู่ระหว่างปรับปรุง" in its status cell: the page is up and
    # the item judges it (its rows are pending: component_empty), not site_unavailable
    page = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review20" / "s14_fail_o8_titles_pending.html"
    doc = extract(page.read_bytes(), "https://www.khoksung.go.th/manuals.html", "text/html")
    assert classify(doc) is None
    site_down = doc.title + "\nเว็บไซต์อยู่ระหว่างปรับปรุง"
    assert classify(extract(f"<html><body><p>{site_down}</p></body></html>".encode(), doc.url, "text/html")) \
        == "site_unavailable"
