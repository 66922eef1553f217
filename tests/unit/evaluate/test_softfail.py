"""Login walls against E-Service pages: a list of online services with a login box for citizens is the
agency's E-Service page (O10), not a wall in front of content."""

from __future__ import annotations

import pytest

from oit_checker.catalogue.rules import load_catalogue
from oit_checker.evaluate.item import evaluate_item
from oit_checker.evaluate.softfail import classify, classify_detail
from oit_checker.extract.html import extract_html
from oit_checker.model import DocKind, Document, Fetched, Link, Retrieved, UrlTrail
from tests.support.paths import ROOT

CHROME_PAGES = ROOT / "fixtures" / "pages" / "chrome"
URL = "https://www.nongbua.go.th/eservice/"

ESERVICE = """ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service) องค์การบริหารส่วนตำบลหนองบัว
บริการออนไลน์: ยื่นคำร้องขอซ่อมไฟฟ้าสาธารณะ ขอรับน้ำอุปโภคบริโภค ขอใช้สถานที่ ร้องทุกข์/ร้องเรียน
เข้าสู่ระบบ
ชื่อผู้ใช้
รหัสผ่าน
ลืมรหัสผ่าน
สมัครสมาชิก"""


def _doc(text: str, title: str = "E-Service อบต.หนองบัว", url: str = URL, links: tuple[Link, ...] = ()) -> Document:
    return Document(url=url, kind=DocKind.HTML, pages=(text,), title=title, links=links, page_count=1)


def test_eservice_page_with_a_login_box_is_not_a_login_wall() -> None:
    assert classify(_doc(ESERVICE)) is None, classify_detail(_doc(ESERVICE))


def test_eservice_page_read_from_html_is_not_a_login_wall() -> None:
    doc = extract_html((CHROME_PAGES / "eservice_login.html").read_bytes(), URL, None)
    assert classify(doc) is None, classify_detail(doc)


def test_a_list_of_service_links_is_not_a_login_wall() -> None:
    # The services are named only by their links' labels (in the text they are few service phrases).
    text = "E-Service\nเข้าสู่ระบบ\nชื่อผู้ใช้\nรหัสผ่าน"
    links = tuple(Link(url=f"{URL}form/{i}", text=label) for i, label in enumerate(
        ("E-Service งานทะเบียนพาณิชย์", "บริการออนไลน์ กองช่าง", "แบบฟอร์มขอรับบริการงานสาธารณสุข")))
    assert classify(_doc(text, links=links)) is None
    # The form's own links (forgotten password, sign-up) and the site's menu are no service list.
    own = (Link(url=f"{URL}forgot", text="ลืมรหัสผ่าน"), Link(url=f"{URL}register", text="สมัครสมาชิก บริการออนไลน์"),
           *(Link(url=f"https://www.nongbua.go.th/m{i}", text=f"บริการประชาชน {i}", chrome=True) for i in range(5)))
    assert classify(_doc(text, links=own)) == "login_wall"


@pytest.mark.parametrize("doc", [
    # An intranet's login page: a system name and a form, nothing else.
    _doc("ระบบสารบรรณอิเล็กทรอนิกส์ (e-Office) องค์การบริหารส่วนตำบลหนองบัว\nสำหรับเจ้าหน้าที่\nชื่อผู้ใช้งาน\n"
         "รหัสผ่าน\nเข้าสู่ระบบ", title="ระบบสารบรรณอิเล็กทรอนิกส์"),
    # One e-service system's own login: it names one service, it lists none.
    _doc("ระบบยื่นคำร้องออนไลน์ อบต.หนองบัว\nเข้าสู่ระบบ\nชื่อผู้ใช้\nรหัสผ่าน\nลืมรหัสผ่าน"),
    _doc("Username or Email Address\nPassword\nRemember Me\nLog In", title="Log In ‹ อบต.หนองบัว",
         url="https://www.nongbua.go.th/wp-login.php?redirect_to=%2Feservice%2F"),
    _doc("Email or phone\nForgot email?\nCreate account", title="Sign in - Google Accounts",
         url="https://accounts.google.com/v3/signin/identifier?continue=https://docs.google.com/forms/d/1x"),
])  # fmt: skip
def test_real_login_walls_are_still_walls(doc: Document) -> None:
    assert classify(doc) == "login_wall", classify_detail(doc)


def test_intranet_login_read_from_html_is_a_login_wall() -> None:
    doc = extract_html((CHROME_PAGES / "intranet_login.html").read_bytes(), "https://www.nongbua.go.th/eoffice/", None)
    assert classify(doc) == "login_wall"


@pytest.mark.parametrize(("catalogue", "fiscal_year"), [("ita2569.toml", 2569), ("ita2568.toml", 2568)])
def test_o10_eservice_page_is_judged_on_its_content(catalogue: str, fiscal_year: int) -> None:
    doc = _doc(ESERVICE)
    fetched = Fetched(url=URL, final_url=URL, status=200, content_type="text/html", body=b"x")
    trail = UrlTrail(submitted=URL, retrieved=(Retrieved(fetched=fetched, document=doc),))
    item = load_catalogue(ROOT / "rules" / catalogue).item("O10")
    finding = evaluate_item(item, [trail], fiscal_year, home="https://www.nongbua.go.th/")
    assert "login_wall" not in {r.code for r in finding.reasons}
