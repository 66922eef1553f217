"""Template removal: lines shared by many pages of a host are the site's template; a page's own content
is never taken for template, even when the home page repeats it."""

from __future__ import annotations

from oit_checker.extract.html import extract_html
from oit_checker.html import boilerplate
from oit_checker.model import Document

HOST = "https://www.nongbua.go.th"

# A LAO-CMS footer in a plain <div>: no chrome name, so the extractor keeps it on every page.
ADDRESS = """<div class="bottom-info"><p>องค์การบริหารส่วนตำบลหนองบัว</p>
<p>ที่อยู่ 99 หมู่ที่ 5 ตำบลหนองบัว อำเภอเมืองขอนแก่น จังหวัดขอนแก่น 40000</p>
<p>โทรศัพท์ 043-123456 โทรสาร 043-123457</p><p>อีเมล saraban@nongbua.go.th</p></div>"""
# A left-column menu in a plain <div> too.
LEFT_MENU = """<div class="left-box"><p>แผนการดำเนินงานประจำปี</p><p>งบประมาณรายจ่ายประจำปี</p>
<p>รายงานผลการดำเนินงาน</p><p>ประกาศจัดซื้อจัดจ้าง</p></div>"""


def _html(path: str, title: str, body: str) -> Document:
    html = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    return extract_html(html.encode(), f"{HOST}{path}", "utf-8")


HOME = _html("/", "อบต.หนองบัว", f"<div class='content'><h1>ยินดีต้อนรับ</h1><p>ข่าวประชาสัมพันธ์ล่าสุด "
                                 f"ประกาศรับสมัครงาน</p><a href='/contact.html'>ติดต่อเรา</a></div>{LEFT_MENU}{ADDRESS}")
CONTACT = _html("/contact.html", "ข้อมูลการติดต่อ", f"<div class='content'><h1>ข้อมูลการติดต่อ</h1>{ADDRESS}"
                                                     "<p>แผนที่ตั้งสำนักงาน</p></div>")


def _item(n: int, own: str, extra: str = "") -> Document:
    return _html(f"/item/{n}", f"หน้า {n}", f"{LEFT_MENU}<div class='content'><h1>{own}</h1>"
                                             f"<p>{own} ประจำปีงบประมาณ พ.ศ. 2569 ฉบับที่ {n}</p></div>{extra}")


def _strip(doc: Document, pages: list[Document], reference: list[Document]) -> Document:
    return boilerplate.strip(doc, boilerplate.template_lines(pages, reference))


def test_contact_details_shared_with_the_home_footer_are_content() -> None:
    # O3: the contact page's address, phone and e-mail are also the home page's footer. The home page alone
    # made them template, and the page was left with "ข้อมูลการติดต่อ / แผนที่ตั้งสำนักงาน" → empty_page.
    got = _strip(CONTACT, [CONTACT], [HOME])
    assert got.text == CONTACT.text
    assert "โทรศัพท์ 043-123456 โทรสาร 043-123457" in got.text.splitlines()


def test_home_page_is_one_vote_toward_the_threshold() -> None:
    one = _item(1, "แผนปฏิบัติการป้องกันการทุจริต")
    two = _item(2, "มาตรการส่งเสริมคุณธรรมและความโปร่งใส")
    # home + 1 item page: 2 pages hold the menu, not enough.
    assert "งบประมาณรายจ่ายประจำปี" in _strip(one, [one], [HOME]).text
    # home + 2 item pages: 3 pages, the menu is template and leaves both item pages.
    for page in (one, two):
        got = _strip(page, [one, two], [HOME])
        assert "งบประมาณรายจ่ายประจำปี" not in got.text and "แผนการดำเนินงานประจำปี" not in got.text
        assert got.text.splitlines()[0] == page.text.splitlines()[4]  # its own heading, first now


def test_menu_on_many_item_pages_is_template_without_a_home_page() -> None:
    pages = [_item(n, f"ประกาศเจตจำนงสุจริตของผู้บริหาร ฉบับ {n}") for n in range(3)]
    for page in pages:
        got = _strip(page, pages, [])
        assert "ประกาศจัดซื้อจัดจ้าง" not in got.text
        assert len(got.text.splitlines()) == 2


def test_home_page_submitted_as_an_item_votes_once() -> None:
    one = _item(1, "แผนปฏิบัติการป้องกันการทุจริต")
    # The home page is both an item's page and the reference: two votes, not three.
    assert "งบประมาณรายจ่ายประจำปี" in _strip(one, [one, HOME], [HOME]).text


def test_a_page_is_never_stripped_to_nothing() -> None:
    # Every page's footer repeats the address, so the address lines are template (home + 3 item pages);
    # on the contact page they are all there is: it keeps them.
    items = [_item(n, f"รายงานผลการดำเนินงาน ไตรมาสที่ {n}", extra=ADDRESS) for n in range(1, 4)]
    pages = [*items, CONTACT]
    template = boilerplate.template_lines(pages, [HOME])
    assert boilerplate.strip(CONTACT, template).text == CONTACT.text
    # The item pages lose the footer and the menu and keep their own lines.
    got = boilerplate.strip(items[0], template)
    assert got.text.splitlines() == ["รายงานผลการดำเนินงาน ไตรมาสที่ 1",
                                     "รายงานผลการดำเนินงาน ไตรมาสที่ 1 ประจำปีงบประมาณ พ.ศ. 2569 ฉบับที่ 1"]


def test_a_page_with_links_is_kept_whole_when_template_would_take_nearly_all_of_it() -> None:
    contact = _html("/contact", "ติดต่อเรา", f"<div class='content'><h1>ติดต่อเรา</h1>{ADDRESS}"
                                             "<a href='https://maps.google.com/?q=nongbua'>แผนที่</a></div>")
    items = [_item(n, f"รายงานผลการดำเนินงาน ไตรมาสที่ {n}", extra=ADDRESS) for n in range(1, 4)]
    template = boilerplate.template_lines([*items, contact], [HOME])
    assert boilerplate.strip(contact, template).text == contact.text  # ≥ 90 % would go: kept whole
