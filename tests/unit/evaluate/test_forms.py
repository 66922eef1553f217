"""The contact item (`forms_count = false`): a visitor form's labels name the visitor's details, not the
agency's; the agency's own address, phone and e-mail typed on the same page still count, and so does a page an
ASP.NET site wraps whole in one form. The E-Service (`doubted_by`): forms to print and hand in are in doubt, an
alternative "หรือยื่นด้วยตนเอง" beside an online form is not."""

from __future__ import annotations

from typing import Any

import pytest

from oit_checker.model import Finding, Status
from tests.support.evaluate import finding_from_html

URL = "https://www.nongbua.go.th/contact.html"
FORM = ('<form action="/send" method="post"><label>ชื่อ-นามสกุล <input name="n"></label><br>'
        '<label>ที่อยู่ของท่าน <input name="a"></label><br><label>เบอร์โทรศัพท์ <input name="t"></label><br>'
        '<label>อีเมล <input name="e" type="email"></label><br><button>ส่งข้อความ</button></form>')
OWN = ("<p>องค์การบริหารส่วนตำบลหนองบัว เลขที่ 88 หมู่ที่ 4 ตำบลหนองบัว อำเภอเมือง จังหวัดอุดรธานี 41000</p>"
       "<p>โทรศัพท์ 0 4224 5678 อีเมล saraban@nongbua.go.th ติดต่อสอบถามข้อมูลได้ในวันและเวลาราชการ</p>")


def _finding(item_id: str, body: str, year: int, title: str = "ติดต่อเรา") -> Finding:
    return finding_from_html(item_id, f'<html><body><main><h1>{title}</h1>{body}</main></body></html>', URL, year)


def _contact(body: str, year: int) -> tuple[Status, dict[str, Any]]:
    f = _finding("O3", "<p>ติดต่อหน่วยงานได้ทางช่องทางต่อไปนี้</p>" + body, year)
    return f.status, {r.code: r for r in f.reasons if r.severity is not Status.PASS}


@pytest.mark.parametrize("year", [2568, 2569])
def test_a_form_alone_gives_the_agencys_details_only_for_a_person_to_look_at(year: int) -> None:
    status, problems = _contact(FORM, year)
    labelled = problems["form_fields_only"]
    assert labelled.detail["components"] == "ที่อยู่, หมายเลขโทรศัพท์, อีเมล"
    assert any("ที่อยู่ของท่าน" in e.snippet for e in labelled.evidence)
    if year == 2568:
        assert status is Status.REVIEW and set(problems) == {"form_fields_only"}, problems
    else:  # 2569 also asks for an enquiry channel, which the form's labels do not name
        assert status is Status.FAIL and problems["missing_component"].detail["missing"] == ["enquiry_channel"]


@pytest.mark.parametrize("year", [2568, 2569])
def test_the_agencys_own_details_beside_a_form_pass(year: int) -> None:
    assert _contact(OWN + FORM, year) == (Status.PASS, {})
    assert _contact(FORM + OWN, year) == (Status.PASS, {})


def test_a_contact_page_an_aspnet_site_wraps_in_one_form_passes() -> None:
    body = (f'<form id="form1" method="post" action="./contact.aspx"><input type="hidden" name="__VIEWSTATE" '
            f'value="dDwtMTA"><div>{OWN}</div>{FORM.replace("<form", "<div").replace("</form>", "</div>")}</form>')
    assert _contact(body, 2568) == (Status.PASS, {})


PRINT_AND_BRING = ("<p>ดาวน์โหลดแบบคำร้อง กรอกข้อมูลให้ครบถ้วน แล้วนำมายื่นด้วยตนเองที่สำนักปลัด ในวันและเวลาราชการ</p>"
                   '<ul><li><a href="/forms/general.docx">แบบคำร้องทั่วไป</a></li></ul>')


@pytest.mark.parametrize("year", [2568, 2569])
def test_forms_to_print_and_bring_put_the_e_service_in_doubt(year: int) -> None:
    f = _finding("O10", PRINT_AND_BRING, year, title="E-Service")
    [doubted] = [r for r in f.reasons if r.code == "component_doubted"]
    assert f.status is Status.REVIEW and doubted.detail["doubt"] == "นำมายื่น"
    assert "E-Service" in doubted.evidence[0].snippet and "นำมายื่นด้วยตนเอง" in doubted.evidence[1].snippet


@pytest.mark.parametrize("page", [
    '<p>ยื่นคำร้องออนไลน์ได้ที่ <a href="https://forms.gle/AbC123">แบบคำร้องออนไลน์</a></p>' + PRINT_AND_BRING,
    "<p>ยื่นคำร้องออนไลน์ได้ตลอด 24 ชั่วโมง หรือยื่นด้วยตนเองที่สำนักปลัด</p>"
    '<p><a href="https://www.nongbua.go.th/eservice/">เข้าสู่ระบบ</a></p>',
])
def test_an_online_channel_or_an_alternative_in_person_raises_no_doubt(page: str) -> None:
    f = _finding("O10", page, 2568, title="E-Service")
    assert f.status is Status.PASS, [(r.code, r.message_en) for r in f.reasons]


@pytest.mark.parametrize("year", [2568, 2569])
def test_an_e_service_page_with_no_way_in_is_for_a_person(year: int) -> None:
    """The page names the service and says it is online, and offers neither a form nor a link to one: the
    assessor, opening it, finds nothing to use (no_online_channel, review)."""
    page = ("<p>ยื่นคำร้องออนไลน์ได้ตลอด 24 ชั่วโมง สอบถามรายละเอียดโทร 0 4321 4567</p>"
            '<ul><li><a href="/forms/general.docx">แบบคำร้องทั่วไป (ยื่นคำร้อง)</a></li>'
            '<li><a href="/images/e-service-banner.jpg">E-Service</a></li></ul>')
    f = _finding("O10", page, year, title="E-Service")
    assert f.status is Status.REVIEW and [r.code for r in f.reasons if r.severity is Status.REVIEW] == [
        "no_online_channel"], [(r.code, r.severity) for r in f.reasons]
    # a form on the page, or a link to an online form, is a way in
    form = ('<form action="/request" method="post"><label>ชื่อ <input name="n"></label>'
            '<label>เรื่อง <textarea name="d"></textarea></label><button>ส่ง</button></form>')
    for way_in in (form, '<p><a href="https://forms.gle/XyZ789">แจ้งซ่อมไฟฟ้าสาธารณะ</a></p>',
                   '<p><a href="https://www.nongbua.go.th/request/water">ขอรับบริการน้ำอุปโภคบริโภค</a></p>'):
        assert _finding("O10", page + way_in, year, title="E-Service").status is Status.PASS, way_in


@pytest.mark.parametrize(("way_in", "opens"), [
    # a grid of services, each a request ("ขอใช้…", "แจ้ง…") to the CMS's form or page
    ('<a href="/index.php?option=com_rsform&view=form&formId=1">ขอใช้น้ำประปา</a>', True),
    ('<a href="/?page_id=311"><img src="/i/build.png" alt="ขออนุญาตก่อสร้างอาคาร"></a>', True),
    ('<iframe src="https://docs.google.com/forms/d/e/1FAIpQL/viewform?embedded=true"></iframe>', True),
    ('<aside class="sidebar"><a href="https://forms.gle/Qw12">แบบฟอร์ม</a></aside>', True),  # a form host, in a menu
    ('<a href="https://www.traffy.in.th/?page_id=27351">Traffy Fondue</a>', True),
    ('<a href="/?page_id=12">คำร้องขอรับน้ำประปา</a>', True), ('<a href="/?page_id=13">การแจ้งซ่อมไฟฟ้าสาธารณะ</a>', True),
    ('<a href="/news/7">ขอเชิญร่วมงานลอยกระทง ประจำปี ๒๕๖๘</a>', False),  # news, not a request
    ('<a href="/news/8">ชำระภาษีที่ดินและสิ่งปลูกสร้าง ได้ที่กองคลัง</a>', False),
    ('<a href="/news/9">แจ้งกำหนดการออกหน่วยฉีดวัคซีน</a>', False), ('<a href="/login">ลงทะเบียน</a>', False),
    # no way in: the home page, a social page, a stylesheet, a menu's E-Service entry, a news post
    ('<a href="/">ขอรับบริการ</a>', False),
    ('<a href="https://www.facebook.com/nongbua">ขอรับบริการผ่าน Facebook</a>', False),
    ('<link rel="stylesheet" href="/templates/eservice/css/t.css">', False),
    ('<nav><a href="/e-service.html">E-Service</a></nav>', False),
    ('<a href="/news/123">ประชาสัมพันธ์การยื่นคำขอรับเบี้ยยังชีพ ณ สำนักงาน</a>', False),
    # a satisfaction survey on a form host (review24 b05)
    ('<a href="https://forms.gle/Kq1aSurvey9">คลิกเพื่อทำแบบประเมิน (Google Form)</a>', False),
    # a national system: the agency's own service through it, or another body's (review5 p10, review36 a05)
    ('<a href="https://ltax.dla.go.th/ltaxgo/">ชำระภาษีที่ดินและสิ่งปลูกสร้าง ขององค์การบริหารส่วนตำบลหนองบัว ผ่านระบบ '
     'LTAX GO</a>', True),
    ('<a href="https://ltax.dla.go.th">ระบบสารสนเทศภาษีที่ดินและสิ่งปลูกสร้าง (LTAX) กรมส่งเสริมการปกครองท้องถิ่น</a>', False),
    ('<a href="https://bizportal.go.th">Biz Portal ระบบขออนุญาตประกอบธุรกิจ สำนักงาน ก.พ.ร.</a>', False),
])
def test_what_opens_the_service(way_in: str, opens: bool) -> None:
    page = "<p>ยื่นคำร้องออนไลน์ได้ตลอด 24 ชั่วโมง</p>" + way_in
    f = _finding("O10", page, 2569, title="E-Service")
    assert ("no_online_channel" not in {r.code for r in f.reasons}) is opens, [(r.code, r.detail) for r in f.reasons]


@pytest.mark.parametrize(("heading", "link", "opens"), [
    # the link names the agency itself, without "ของ" (review40 g02)
    ("E-Service", "เข้าสู่ระบบชำระภาษีออนไลน์ อบต.หนองบัว (LTAX GO)", True),
    # the heading just above says the service is the agency's
    ("E-Service : ชำระภาษีออนไลน์ของ อบต.หนองบัว", "เข้าสู่ระบบชำระภาษีออนไลน์ (LTAX GO)", True),
    # another local government's, with "ของ" or not
    ("E-Service", "ชำระภาษีที่ดินและสิ่งปลูกสร้าง ของเทศบาลตำบลหนองบัวแดง ผ่านระบบ LTAX GO", False),
    ("E-Service : ชำระภาษีออนไลน์ของ อบต.โนนสะอาด", "เข้าสู่ระบบชำระภาษีออนไลน์ อบต.โนนสะอาด (LTAX GO)", False),
])
def test_a_national_system_is_the_agencys_own_when_offered_as_its_own(heading: str, link: str, opens: bool) -> None:
    """LTAX GO on the DLA's site is the agency's way in when the link, or the heading just above it, names the agency;
    not another local government's."""
    html = (f'<html><body><main><h1>{heading}</h1><p>ผู้เสียภาษีตรวจสอบและชำระภาษีที่ดินและสิ่งปลูกสร้าง และภาษีป้าย ได้ด้วย'
            f'ตนเองทางออนไลน์</p><p><a href="https://ltax.dla.go.th/ltaxgo/?org=6400506">{link}</a></p></main></body></html>')
    f = finding_from_html("O10", html, URL, 2569, agency="องค์การบริหารส่วนตำบลหนองบัว")
    assert ("no_online_channel" not in {r.code for r in f.reasons}) is opens, [(r.code, r.detail) for r in f.reasons]


@pytest.mark.parametrize("year", [2568, 2569])
def test_a_request_form_on_the_page_is_the_service_however_plainly_named(year: int) -> None:
    """A visitor form that takes a request is the service used online, with no word "ออนไลน์" or "E-Service" on the
    page (review24 b01); a satisfaction survey form is none."""
    lead = ("<p>ประชาชนส่งคำขอรับบริการจาก อบต.หนองบัว ได้ทุกวันตลอด ๒๔ ชั่วโมง โดยกรอกแบบด้านล่าง "
            "เจ้าหน้าที่จะติดต่อกลับภายใน ๑ วันทำการ</p>")
    form = ('<form action="/request/save.php" method="post"><label>ชื่อ-นามสกุล <input name="name"></label>'
            '<label>เรื่องที่ขอรับบริการ <select name="svc"><option>ขอรับน้ำอุปโภคบริโภค</option>'
            '<option>แจ้งซ่อมไฟฟ้าสาธารณะ</option></select></label><button type="submit">ส่งคำขอ</button></form>')
    f = _finding("O10", lead + form, year, title="ยื่นคำขอรับบริการ องค์การบริหารส่วนตำบลหนองบัว")
    assert f.status is Status.PASS, [(r.code, r.message_en) for r in f.reasons]
    survey = ('<form action="/poll" method="post"><label>ท่านพึงพอใจต่อการให้บริการระดับใด <input name="s"></label>'
              '<p>แบบประเมินความพึงพอใจ</p><button type="submit">ส่ง</button></form>')
    f = _finding("O10", "<p>ขอความร่วมมือผู้รับบริการประเมินความพึงพอใจ</p>" + survey, year, title="E-Service")
    assert f.status is Status.REVIEW and "no_online_channel" in {r.code for r in f.reasons}, \
        [(r.code, r.message_en) for r in f.reasons]


@pytest.mark.parametrize("year", [2568, 2569])
def test_a_content_link_that_opens_the_agencys_service_is_the_service(year: int) -> None:
    """An online service offered by links in the content, the page naming it only in its title: the LTAX GO login
    offered as the agency's own, the LINE OA whose menu "ยื่นคำร้อง" takes requests (review46 a23, c02); not a chat to
    ask a question, nor other bodies' systems (review46 b22), nor a survey (review46 b24)."""
    ltax = ('<h2>๑. ชำระภาษีที่ดินและสิ่งปลูกสร้าง ภาษีป้าย ออนไลน์</h2><p>อบต.หนองบัว ให้บริการตรวจสอบและชำระภาษีท้องถิ่น'
            'ผ่านระบบ LTAX GIS เลือกจังหวัดอุดรธานี อำเภอเมือง "อบต.หนองบัว" แล้วกรอกเลขประจำตัวประชาชน ชำระผ่าน QR Code '
            'ได้ทุกธนาคาร</p><p><a href="https://ltax.dla.go.th/itax/">เข้าสู่ระบบชำระภาษีออนไลน์ อบต.หนองบัว</a></p>')
    line = ('<h2>๒. ขอรับบริการผ่าน LINE OA</h2><p>ยื่นคำร้องขอความช่วยเหลือ แจ้งซ่อมไฟฟ้า ขอรับน้ำ ผ่านเมนู "ยื่นคำร้อง" '
            'ใน LINE OA ของ อบต.หนองบัว <a href="https://lin.ee/Ks69abc">@nongbua</a></p>')
    for body in (ltax, line, ltax + line):
        f = finding_from_html("O10", f"<html><body><main><h1>ระบบบริการออนไลน์</h1>{body}</main></body></html>", URL,
                              year, agency="องค์การบริหารส่วนตำบลหนองบัว")
        assert f.status is Status.PASS, [(r.code, r.detail) for r in f.reasons]
    for body in ('<p>มีข้อสงสัยเรื่องใด ถามเจ้าหน้าที่ได้ทาง Facebook Messenger : <a href="https://m.me/nongbua">'
                 'm.me/nongbua</a></p>',
                 '<p>ลิงก์หน่วยงานภาครัฐที่น่าสนใจ <a href="https://www.dopa.go.th/eservice">กรมการปกครอง DOPA '
                 'e-Service</a> <a href="https://efiling.rd.go.th">กรมสรรพากร e-Filing</a></p>',
                 '<p>ขอความร่วมมือผู้รับบริการ <a href="https://forms.gle/Kq1aSurvey9">ทำแบบประเมินความพึงพอใจต่อการขอรับบริการ'
                 '</a></p>'):
        f = finding_from_html("O10", f"<html><body><main><h1>ระบบบริการออนไลน์</h1>{body}</main></body></html>", URL,
                              year, agency="องค์การบริหารส่วนตำบลหนองบัว")
        assert f.status is not Status.PASS, body


def test_a_link_to_the_page_itself_opens_nothing() -> None:
    """The menu's "E-Service" on the E-Service page, its URL holding the channel word (review46 b21): a link to the page
    itself is no link (the extractor drops it)."""
    page = ("<p>ดาวน์โหลดแบบฟอร์มต่าง ๆ กรอกข้อมูลให้ครบถ้วน แล้วติดต่องานธุรการ สำนักปลัด ในวันและเวลาราชการ</p>"
            '<p><a href="/forms/general.pdf">แบบคำร้องทั่วไป</a> <a href="/index.php?mod=eservice">E-Service</a></p>')
    f = finding_from_html("O10", f"<html><body><main><h1>E-Service</h1>{page}</main></body></html>",
                          "https://www.nongbua.go.th/index.php?mod=eservice", 2569)
    assert "no_online_channel" in {r.code for r in f.reasons}, [(r.code, r.detail) for r in f.reasons]


@pytest.mark.parametrize("year", [2568, 2569])
def test_an_email_label_emptied_by_a_dash_states_no_email(year: int) -> None:
    """"E-mail | -" with no address anywhere (review46 c01): the label says there is none, a missing part (review61
    a07); an address, or the label over a cell with nothing read (an address drawn as an image, review46 a08), does."""
    rows = ("<table><tr><td>ที่อยู่</td><td>องค์การบริหารส่วนตำบลหนองบัว เลขที่ ๘๘ หมู่ที่ ๔ ตำบลหนองบัว อำเภอเมือง "
            "จังหวัดอุดรธานี ๔๑๐๐๐</td></tr><tr><td>โทร.</td><td>๐ ๔๒๒๔ ๕๖๗๘</td></tr>{mail}"
            "<tr><td>Facebook</td><td>ถามเจ้าหน้าที่ได้ทาง Facebook Messenger ตอบทุกวันทำการ</td></tr></table>"
            '<p><a href="https://maps.google.com/?q=nongbua">ดูแผนที่การเดินทาง (Google Maps)</a></p>')
    status, problems = _contact(rows.format(mail="<tr><td>E-mail</td><td>-</td></tr>"), year)
    assert status is Status.FAIL and "component_said_none" in problems, problems
    for mail in ("<tr><td>E-mail</td><td>saraban@nongbua.go.th</td></tr>",
                 '<tr><td>E-mail</td><td><img src="/images/email.png" alt=""></td></tr>'):
        status, problems = _contact(rows.format(mail=mail), year)
        assert not {"component_not_stated", "component_said_none"} & set(problems), (mail, problems)


@pytest.mark.parametrize("year", [2568, 2569])
def test_another_bodys_email_on_a_contact_page_is_not_the_agencys(year: int) -> None:
    """The district office's and the health station's e-mails under "หน่วยงานที่เกี่ยวข้องในพื้นที่" (review61 a09): the
    agency's own block has none; its own line naming its district ("…อำเภอภูเวียง…") keeps its telephone."""
    own = ("<p>ที่อยู่ : เลขที่ ๑๔๙ หมู่ที่ ๕ ตำบลหนองบัว อำเภอภูเวียง จังหวัดขอนแก่น ๔๐๑๕๐ โทรศัพท์ : ๐๔๓-๒๖๑๕๒๓</p>"
           "<p>ติดต่อสอบถามข้อมูลได้ทาง LINE : @nongbua</p>")
    others = ("<h3>หน่วยงานที่เกี่ยวข้องในพื้นที่</h3><ul><li>ที่ว่าการอำเภอภูเวียง โทร. ๐๔๓-๒๙๑๐๐๕ อีเมล phuwiang@dopa.go.th</li>"
              "<li>โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านหนองบัว โทร. ๐๔๓-๒๖๑๗๗๐ อีเมล rpst.nongbua@gmail.com</li></ul>")
    status, problems = _contact(own + others, year)
    assert status is Status.FAIL and problems["missing_component"].detail["components"] == "อีเมล", problems
    status, problems = _contact(own.replace("</p><p>ติดต่อ", " อีเมล : saraban@nongbua.go.th</p><p>ติดต่อ") + others,
                                year)
    assert status is Status.PASS, problems


@pytest.mark.parametrize("year", [2568, 2569])
def test_an_email_label_over_one_address_per_division_states_them(year: int) -> None:
    """"อีเมล :" then "สำนักปลัด : nongbua.pald(at)gmail.com" on the next line (review61 a05): a label over its values,
    not a blank label before the next one as "E-mail :" over "Facebook : …" is (review61 a10)."""
    head = ("<p>ที่อยู่ : เลขที่ ๑๔๙ หมู่ที่ ๕ ตำบลหนองบัว อำเภอภูเวียง จังหวัดขอนแก่น ๔๐๑๕๐</p><p>โทรศัพท์ : ๐๔๓-๒๖๑๕๒๓</p>"
            "<p>สอบถามข้อมูลได้ทาง LINE : @nongbua</p>")
    status, problems = _contact(head + "<p>อีเมล :</p><p>สำนักปลัด : nongbua.pald(at)gmail.com</p>"
                                "<p>กองคลัง : nongbua.klang(at)gmail.com</p>", year)
    assert status is Status.PASS, problems
    status, problems = _contact(head + "<p>อีเมล :</p><p>Facebook : องค์การบริหารส่วนตำบลหนองบัว</p>", year)
    assert status is Status.FAIL and "component_said_none" in problems, problems
