"""The contact item reads the site footer of the page given (`EvidenceRule.footer_counts`, `Document.footer`): the
ninth trial's b O3, a home page whose address, telephones, e-mail and LINE account stand only in the template's
footer, which the page's text leaves out as chrome (an assessor passes it, medium)."""

from __future__ import annotations

import pytest

from oit_checker.extract.html import extract_html
from oit_checker.html.chrome import FOOTER_CHARS
from oit_checker.model import Status
from tests.support.evaluate import HOME, finding_from_html

FOOTER = ("<footer id='sp-footer'><div class='container'><p><strong>เทศบาลตำบลหนองบัว</strong> เลขที่ ๙ หมู่ที่ ๒ "
          "ตำบลหนองบัว อำเภอเมือง จังหวัดขอนแก่น ๔๐๐๐๐</p><p>โทรศัพท์ ๐ ๔๓๒๑ ๔๕๖๗ · อีเมล saraban@nongbua.go.th</p>"
          "<p>สอบถามข้อมูล LINE Official Account @nongbua</p><p>© ๒๕๖๙ เทศบาลตำบลหนองบัว</p></div></footer>")
NEWS = ("<main><h1>ข่าวประชาสัมพันธ์</h1><article><h2>เทศบาลออกหน่วยบริการเคลื่อนที่ ณ ศาลาประชาคม</h2>"
        "<p>เมื่อวันที่ ๑๗ มีนาคม ๒๕๖๙ เทศบาลตำบลหนองบัวออกหน่วยให้บริการรับชำระภาษีและตรวจสุขภาพแก่ประชาชน</p>"
        "<footer>โพสต์เมื่อ ๑๘ มีนาคม ๒๕๖๙</footer></article></main>")


def _page(body: str) -> str:
    return f"<html><body><nav><a href='/'>หน้าแรก</a> <a href='/news'>ข่าว</a></nav>{body}</body></html>"


def test_the_footer_is_kept_apart_from_the_pages_text() -> None:
    doc = extract_html(_page(NEWS + FOOTER).encode(), f"{HOME}index.html", "utf-8")
    assert "โทรศัพท์" not in doc.pages[0] and "โพสต์เมื่อ" in doc.pages[0]  # an article's own footer is content
    assert doc.footer.splitlines()[:2] == ["เทศบาลตำบลหนองบัว", "เลขที่ ๙ หมู่ที่ ๒ ตำบลหนองบัว อำเภอเมือง จังหวัดขอนแก่น ๔๐๐๐๐"]
    assert "โพสต์เมื่อ" not in doc.footer and doc.footer.count("โทรศัพท์") == 1
    links = "".join(f"<p><a href='/link{i}'>ลิงก์หน่วยงานที่เกี่ยวข้อง {i}</a></p>" for i in range(200))
    long = extract_html(_page(NEWS + f"<footer>{links}</footer>").encode(), f"{HOME}a.html", "utf-8")
    assert FOOTER_CHARS - 40 < len(long.footer) <= FOOTER_CHARS and "เกี่ยวข้อง 199" not in long.footer  # bounded
    assert extract_html(_page(NEWS).encode(), f"{HOME}b.html", "utf-8").footer == ""
    # an old template's copyright block is its footer
    old = extract_html(_page(NEWS + "<div class='copyright'>เทศบาลตำบลหนองบัว โทร. ๐ ๔๓๒๑ ๔๕๖๗</div>").encode(),
                       f"{HOME}c.html", "utf-8")
    assert old.footer == "เทศบาลตำบลหนองบัว โทร. ๐ ๔๓๒๑ ๔๕๖๗" and "โทร." not in old.pages[0]


CONTACT = ("<main><h1>ติดต่อเรา</h1><iframe src='https://www.google.com/maps/embed?pb=1'></iframe>"
           "<form action='/send'><label>ชื่อ <input name='n'></label><label>ข้อความ <textarea name='m'></textarea>"
           "</label><button>ส่ง</button></form></main>")


CONTACT_BODY = CONTACT.removeprefix("<main><h1>ติดต่อเรา</h1>")  # the map and the form, and the content's end


def test_contact_details_in_the_footer_count_for_the_contact_item_and_are_said_so() -> None:
    # a contact page of a map and a form, its details in the template's footer (a common WordPress page)
    contact = finding_from_html("O3", _page(CONTACT + FOOTER), f"{HOME}contact.html", 2569)
    assert contact.status is Status.PASS, [(r.code, r.detail) for r in contact.reasons]
    [remark] = [r for r in contact.reasons if r.code == "component_in_footer"]
    assert remark.detail["components_en"] == "Address, Telephone, E-mail, Enquiry channel"
    assert "โทรศัพท์ 0 4321 4567" in remark.evidence[1].snippet
    # a page that is no contact page, or the home page, given for the item: for a person
    other = finding_from_html("O3", _page(NEWS + FOOTER), f"{HOME}news.html", 2569)
    assert other.status is Status.REVIEW and {r.code for r in other.reasons if r.severity is Status.REVIEW} == {
        "footer_only"}
    home = finding_from_html("O3", _page(NEWS + FOOTER), HOME, 2569)
    assert home.status is Status.REVIEW and {r.code for r in home.reasons if r.severity is Status.REVIEW} == {
        "home_page_only", "footer_only"}


@pytest.mark.parametrize("line", [
    "ออกแบบและพัฒนาเว็บไซต์โดย บริษัท ไทยเว็บดีไซน์ จำกัด โทร 08-1234-5678 อีเมล sales@thaiwebdesign.co.th",
    "ศูนย์ดำรงธรรม โทร. 1567 | สายด่วน ป.ป.ช. 1205",
    "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น โทรศัพท์ 0-4324-5777",
    "ติดต่อสอบถาม",  # a heading over the address is no enquiry channel
    "E-mail เจ้าหน้าที่",
])
def test_a_footer_line_that_is_someone_elses_or_gives_no_value_counts_for_nothing(line: str) -> None:
    own = "<main><h1>ติดต่อเรา</h1><p>ที่ตั้ง เลขที่ ๙ หมู่ที่ ๒ ตำบลหนองบัว อำเภอเมือง จังหวัดขอนแก่น ๔๐๐๐๐</p></main>"
    f = finding_from_html("O3", _page(own + f"<footer><p>{line}</p></footer>"), f"{HOME}contact.html", 2569)
    assert "missing_component" in {r.code for r in f.reasons}, [(r.code, r.detail) for r in f.reasons]
    assert not {"component_in_footer", "footer_only"} & {r.code for r in f.reasons}


def test_without_the_details_in_the_footer_they_are_missing_and_other_items_do_not_read_it() -> None:
    bare = finding_from_html("O3", _page(NEWS + "<footer><p>© ๒๕๖๙ เทศบาลตำบลหนองบัว</p></footer>"),
                             f"{HOME}news.html", 2569)
    assert bare.status is Status.FAIL and "missing_component" in {r.code for r in bare.reasons}
    # the structure item asks for its parts in the page's content: a footer's words are no evidence of them
    structure = finding_from_html("O1", _page("<main><h1>โครงสร้างองค์กร</h1><p>แผนผังโครงสร้าง</p></main>"
                                              "<footer><p>อำนาจหน้าที่ของเทศบาล ตามพระราชบัญญัติเทศบาล</p></footer>"),
                                  f"{HOME}o1.html", 2569)
    assert "component_in_footer" not in {r.code for r in structure.reasons}


def test_the_agencys_own_footer_line_and_a_line_cut_before_someone_elses_part() -> None:
    dla = ("<main><h1>ติดต่อเรา</h1><p>ที่ตั้ง เลขที่ ๑๒๒ ถนนนครราชสีมา เขตดุสิต กรุงเทพมหานคร ๑๐๓๐๐</p></main>"
           "<footer><p>กรมส่งเสริมการปกครองท้องถิ่น โทรศัพท์ ๐ ๒๒๔๑ ๙๐๐๐ อีเมล saraban@dla.go.th</p></footer>")
    def in_footer(agency: str) -> str:
        f = finding_from_html("O3", _page(dla), f"{HOME}contact.html", 2569, agency=agency)
        return next((str(r.detail["components_en"]) for r in f.reasons if r.code == "component_in_footer"), "")

    # a department's own footer line is its own; the same line on another agency's site is another body's
    assert in_footer("กรมส่งเสริมการปกครองท้องถิ่น") == "Telephone, E-mail" and in_footer("เทศบาลตำบลหนองบัว") == ""
    credit = ("<main><h1>ติดต่อเรา</h1><p>ที่ตั้ง เลขที่ ๙ หมู่ที่ ๒ ตำบลหนองบัว อำเภอเมือง จังหวัดขอนแก่น ๔๐๐๐๐</p></main>"
              "<footer><p>© ๒๕๖๙ เทศบาลตำบลหนองบัว โทร. ๐ ๔๓๒๑ ๔๕๖๗ อีเมล saraban@nongbua.go.th | Powered by Joomla"
              " ออกแบบโดย บริษัท ไทยเว็บ จำกัด โทร ๐๘ ๑๒๓๔ ๕๖๗๘</p></footer>")
    for agency in ("", "เทศบาลตำบลหนองบัว"):  # the agency named on the line keeps no vendor's part
        cut = finding_from_html("O3", _page(credit), f"{HOME}contact.html", 2569, agency=agency)
        [remark] = [r for r in cut.reasons if r.code == "component_in_footer"]
        assert all("ไทยเว็บ" not in (e.snippet or "") for e in remark.evidence) and "4321" in remark.evidence[0].snippet
    # a bar between the agency's own values is no vendor's credit
    bars = credit.replace(" | Powered by Joomla ออกแบบโดย บริษัท ไทยเว็บ จำกัด โทร ๐๘ ๑๒๓๔ ๕๖๗๘", "").replace(
        " อีเมล", " | อีเมล")
    [remark] = [r for r in finding_from_html("O3", _page(bars), f"{HOME}contact.html", 2569).reasons
                if r.code == "component_in_footer"]
    assert remark.detail["components_en"].startswith("Telephone, E-mail")


@pytest.mark.parametrize(("heading", "url"), [
    ("<h1>Contact Us</h1>", "about.html"), ("<p>๑๒ มีนาคม ๒๕๖๙</p><h2>ข้อมูลติดต่อ</h2>", "page.html"),
    ("<h1>แผนที่และการติดต่อ</h1>", "page.html"), ("<h1>สำนักปลัด</h1>", "contact-us.html"),
])
def test_a_page_headed_or_addressed_as_a_contact_page_passes_on_its_footer(heading: str, url: str) -> None:
    f = finding_from_html("O3", _page(f"<main>{heading}{CONTACT_BODY}" + FOOTER), f"{HOME}{url}", 2569)
    assert f.status is Status.PASS, [(r.code, r.detail) for r in f.reasons]


@pytest.mark.parametrize("heading", ["<h1>ช่องทางการติดต่อร้องเรียน</h1>", "<h1>ประกาศวันหยุดติดต่อราชการ</h1>"])
def test_a_heading_that_only_holds_contact_is_no_contact_page(heading: str) -> None:
    f = finding_from_html("O3", _page(f"<main>{heading}{CONTACT_BODY}" + FOOTER), f"{HOME}page.html", 2569)
    assert "footer_only" in {r.code for r in f.reasons}, [(r.code, r.detail) for r in f.reasons]
