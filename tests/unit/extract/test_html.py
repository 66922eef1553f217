"""HTML extraction: structure kept, noise removed, every block of a big page kept."""

from __future__ import annotations

import pytest

from oit_checker.extract.html import extract_html
from oit_checker.html.chrome import is_chrome_name
from oit_checker.model import DocKind
from tests.support.paths import ROOT

CORPUS = ROOT / "fixtures" / "corpus"


def _doc(html: str, url: str = "https://abt.go.th/news/1.html", charset: str | None = "utf-8"):
    return extract_html(html.encode(), url, charset)


def test_scripts_styles_and_templates_are_not_text() -> None:
    doc = extract_html((CORPUS / "h1_utf8_meta.html").read_bytes(), "https://abt.go.th/", None)
    assert "ไม่ใช่เนื้อหา" not in doc.text  # inside a <script> string
    assert "font-family" not in doc.text
    html = "<body><noscript>เปิด JavaScript</noscript><template><p>แม่แบบ</p></template>"
    html += "<svg><text>กราฟ</text></svg><p>เนื้อหา</p></body>"
    assert _doc(html).text == "เนื้อหา"


def test_blocks_and_cells_do_not_run_together() -> None:
    doc = extract_html((CORPUS / "h1_utf8_meta.html").read_bytes(), "https://abt.go.th/", None)
    lines = doc.text.splitlines()
    assert "ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๘" in lines
    assert "ลำดับ | โครงการ/กิจกรรม | งบประมาณ (บาท) | ระยะเวลาดำเนินการ | ผู้รับผิดชอบ" in lines
    assert "2 | กิจกรรมเผยแพร่ข้อมูลข่าวสารผ่านเว็บไซต์ | 5,000 | ไตรมาสที่ 1-4 | กองคลัง" in lines
    # Site chrome (the ul.nav menu, the footer) is not content: a menu entry must never evidence a component.
    assert "หน้าหลัก" not in doc.text and "สงวนลิขสิทธิ์" not in doc.text
    assert any(link.text == "ข้อมูลพื้นฐาน" for link in doc.links)  # but its links are still seen


def test_a_pages_visitor_forms_are_read_as_its_text_and_their_lines_marked() -> None:
    doc = extract_html((ROOT / "fixtures" / "assessor_trial" / "third" / "site" / "ita" / "o3b.html").read_bytes(),
                       "https://www.nongsaeng-trial.go.th/ita/o3b.html", None)
    lines = doc.text.splitlines()
    [(first, end)] = doc.forms
    assert lines[first:end] == ["ชื่อ-นามสกุล", "ที่อยู่ของท่าน", "เบอร์โทรศัพท์ที่ติดต่อกลับได้", "อีเมล",
                                "เรื่องที่ต้องการติดต่อ", "ส่งข้อความ"]
    assert "เจ้าหน้าที่จะติดต่อกลับโดยเร็ว" in lines[first - 1]  # the words above the form are the page's own
    assert "\ue002" not in doc.text and "\ue003" not in doc.text
    assert _doc("<body><p>ไม่มีแบบฟอร์ม</p></body>").forms == ()


def test_a_form_wrapping_the_page_is_no_visitor_form() -> None:
    # ASP.NET WebForms wraps a whole page in one form (its __VIEWSTATE field); a search box is one field among a
    # page of content. Neither is a form a visitor fills in.
    page = ("<h1>ติดต่อเรา</h1><p>เลขที่ 88 หมู่ที่ 4 ตำบลหนองบัว จังหวัดอุดรธานี 41000</p>"
            "<p>โทรศัพท์ 0 4224 5678 อีเมล saraban@nongbua.go.th</p>")
    aspx = _doc(f'<body><form id="form1" method="post"><input type="hidden" name="__VIEWSTATE" value="x">'
                f'<input name="q"><div>{page}</div><label>อีเมล <input name="e"></label></form></body>')
    search = _doc(f'<body><form><input name="q"><button>ค้นหา</button>{page}</form></body>')
    assert aspx.forms == () and search.forms == ()
    assert "saraban@nongbua.go.th" in aspx.text and "saraban@nongbua.go.th" in search.text


def test_article_header_is_kept_but_site_header_is_not() -> None:
    html = (
        "<html><body><header id='top'><div class='logo'>อบต.หนองบัว</div><ul class='main-menu'>"
        "<li>แผนการดำเนินงาน</li><li>งบประมาณ</li></ul></header><div class='sidebar-left'>ข่าวจัดซื้อจัดจ้าง</div>"
        "<main><article><header><h1>รายงานผลการดำเนินงาน ปีงบประมาณ 2567</h1></header>"
        "<p>ผลการดำเนินงานตามแผน</p></article></main><div id='footer'>โทร 045-000000</div></body></html>"
    ).encode()
    doc = extract_html(html, "https://abt.go.th/o7", None)
    assert doc.text.splitlines() == ["รายงานผลการดำเนินงาน ปีงบประมาณ 2567", "ผลการดำเนินงานตามแผน"]


def test_inline_markup_and_source_whitespace() -> None:
    html = "<div>ปีงบ<b>ประมาณ</b> <span>พ.ศ.</span>\n   ๒๕๖๙</div><div>a&nbsp;&nbsp;b<br>c</div>"
    assert _doc(html).text == "ปีงบประมาณ พ.ศ. ๒๕๖๙\na b\nc"


def test_a_gap_the_browser_shows_between_inline_elements_is_a_space() -> None:
    # review52 h01: a card's first name and surname in sibling spans, set apart by the second one's margin
    card = "<div><span class='fname'>นายวิชัย</span><span class='lname' style='margin-left:.3em'>มั่นคง</span></div>"
    assert _doc(card).text == "นายวิชัย มั่นคง"
    assert _doc(card.replace(" style='margin-left:.3em'", "")).text == "นายวิชัย มั่นคง"  # a surname's own class
    assert _doc("<p><span style='padding:0 4px'>นาย</span>สมศักดิ์</p>").text == "นาย สมศักดิ์"
    assert _doc("<p><b style='margin-right:2px'>โทร.</b>081-234-5678</p>").text == "โทร. 081-234-5678"
    # no gap: a zero, vertical-only or negative margin, and a word split across tags stays one word
    for html in ("<p>ปีงบ<span style='margin:0'>ประมาณ</span></p>",
                 "<p>ปีงบ<span style='padding:4px 0'>ประมาณ</span></p>",
                 "<p>ปีงบ<span style='margin-left:-1px;margin-top:3px'>ประมาณ</span></p>",
                 "<p>ปีงบ<span class='name'>ประมาณ</span></p>"):
        assert _doc(html).text == "ปีงบประมาณ", html


def test_title_falls_back_to_h1() -> None:
    assert _doc("<title> ประกาศ\n  ITA </title><h1>หัวเรื่อง</h1>").title == "ประกาศ ITA"
    assert _doc("<body><h1>หัวเรื่อง</h1><p>x</p></body>").title == "หัวเรื่อง"
    assert _doc("<p>x</p>").title == ""


def test_document_fields_and_links() -> None:
    doc = _doc('<a href="/files/o1.pdf">O1 แผน</a><p>ข้อความ</p>', charset=None)
    assert doc.kind is DocKind.HTML
    assert doc.page_count == 1 and len(doc.pages) == 1
    assert doc.charset == "utf-8" and doc.charset_note == "(undeclared)"
    assert [link.url for link in doc.links] == ["https://abt.go.th/files/o1.pdf"]


def test_big_page_keeps_every_block() -> None:
    # Its speed is measured by bench/extract.py (≈7 ms), not asserted here.
    doc = extract_html((CORPUS / "h0_big_utf8.html").read_bytes(), "https://abt.go.th/", None)
    assert doc.text.count("ข่าวที่") == 64
    assert "ไม่ใช่เนื้อหา" not in doc.text  # the <script> string is not content


# ---------------------------------------------------------------- site chrome by whole class/id names

CHROME_PAGES = ROOT / "fixtures" / "pages" / "chrome"


def _page(name: str, url: str = "https://www.nongbua.go.th/o25/"):
    return extract_html((CHROME_PAGES / name).read_bytes(), url, None)


@pytest.mark.parametrize(("name", "chrome"), [
    # Whole names of site chrome, and names that start or end with a chrome word.
    ("sidebar", True), ("widget", True), ("widget-area", True), ("widget_recent_entries", True),
    ("site-footer", True), ("main-menu", True), ("mainmenu", True), ("menu", True), ("navbar", True),
    ("nav", True), ("breadcrumb", True), ("breadcrumbs", True), ("footer", True), ("topbar", True),
    ("site-header", True), ("header-menu", True), ("primary-menu", True), ("secondary", True),
    ("offcanvas", True), ("social", True), ("share-buttons", True), ("copyright", True),
    ("sidebar-left", True), ("left-sidebar", True), ("footer-widgets", True), ("menu-main-menu-container", True),
    ("site-footer-wrap", True), ("sf-menu", True),
    # A chrome word inside a content name: a state, a page builder's element, a content column.
    ("no-sidebar", False), ("has-sidebar", False), ("elementor-widget-container", False),
    ("elementor-widget-text-editor", False), ("elementor-widget", False), ("wp-block-group", False),
    ("wp-block-navigation", False), ("site-content", False), ("entry-content", False), ("content-area", False),
    ("card-header", False), ("page-header", False), ("ast-container", False), ("widget_sow-editor", True),
])  # fmt: skip
def test_chrome_names_are_matched_whole(name: str, chrome: bool) -> None:
    assert is_chrome_name(name) is chrome


def test_elementor_page_keeps_its_content() -> None:
    # Every Elementor widget sits in "elementor-widget-container": split into words it said "widget", and the
    # whole O25 plan typed into the page vanished (text '', its PDF marked chrome → empty_page).
    doc = _page("elementor_o25.html")
    lines = doc.text.splitlines()
    assert lines[0] == "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569"
    assert "โครงการ/กิจกรรม | งบประมาณ (บาท) | ระยะเวลาดำเนินการ" in lines
    assert "ดาวน์โหลดเอกสาร" in lines
    pdf = next(link for link in doc.links if link.url.endswith("scan0001.pdf"))
    assert not pdf.chrome
    # The Elementor header's <nav> menu and the footer are still chrome.
    assert "แผนการดำเนินงาน" not in doc.text and "สงวนลิขสิทธิ์" not in doc.text
    assert all(link.chrome for link in doc.links if link.text == "งบประมาณ")
    assert doc.charset == "utf-8"  # the safety valve was not needed


def test_wordpress_layout_names_around_the_content_are_not_chrome() -> None:
    # "site-content no-sidebar" is the content column; "container sidebar-left" and "has-sidebar
    # sidebar-left-layout" are layout wrappers that hold <main>: never strip what holds the content.
    doc = _page("wp_no_sidebar.html")
    assert doc.text.splitlines() == [
        "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569",
        "โครงการส่งเสริมคุณธรรมและความโปร่งใส งบประมาณ 30,000 บาท ระยะเวลาดำเนินการ ตุลาคม 2568 - กันยายน 2569",
        "ดาวน์โหลดแผนปฏิบัติการ",
    ]  # topbar, header menu, widget-area sidebar, footer-widgets and site-footer all gone
    assert not next(x for x in doc.links if x.url.endswith("plan-2569.pdf")).chrome
    assert next(x for x in doc.links if x.url.endswith("/news/1/")).chrome  # the sidebar's recent post
    assert next(x for x in doc.links if x.url.endswith("/budget/")).chrome  # the menu


def test_page_builder_widgets_inside_the_post_are_content() -> None:
    # SiteOrigin Page Builder wraps each block of a page in "so-panel widget widget_sow-editor".
    html = ("<body><div id='primary'><article class='page'><div class='entry-content'><div class='panel-layout'>"
            "<div class='so-panel widget widget_sow-editor'><p>คู่มือการปฏิบัติงานด้านการจัดซื้อจัดจ้าง</p></div>"
            "</div></div></article></div><div id='secondary' class='widget-area'><div class='widget widget_text'>"
            "<p>ศูนย์ข้อมูลข่าวสาร งบประมาณรายจ่าย</p></div></div></body>")
    assert _doc(html).text == "คู่มือการปฏิบัติงานด้านการจัดซื้อจัดจ้าง"


def test_safety_valve_keeps_content_in_a_chrome_named_wrapper() -> None:
    # No <main>/<article>/#content marks the content, and its wrapper is named like a sidebar: the rules
    # would strip the whole plan. The valve then removes only the menus, and says so in the charset note.
    doc = _page("layout_class_wrapper.html")
    assert "1 | โครงการอบรมคุณธรรมจริยธรรมแก่ผู้บริหาร สมาชิกสภา และพนักงานส่วนตำบล | 20,000 | ต.ค. 68 - ก.ย. 69 | สำนักปลัด" in (
        doc.text.splitlines())
    assert "แผนพัฒนาท้องถิ่น" not in doc.text  # the menu-top menu is still stripped
    assert doc.charset == "utf-8" and "chrome: only menus stripped" in doc.charset_note
    assert not next(x for x in doc.links if x.url.endswith("plan2569.pdf")).chrome


def test_safety_valve_does_not_keep_a_sidebar_of_links() -> None:
    # A short item page beside a long list of links: the sidebar is chrome, however much of the page it is.
    news = "".join(f"<li><a href='/news/{i}'>รายงานผลการใช้จ่ายงบประมาณ ประจำเดือนที่ {i}</a></li>" for i in range(40))
    html = (f"<body><div class='col-md-9'><h2>แผนปฏิบัติการป้องกันการทุจริต 2569</h2>"
            f"<a href='/files/o25.pdf'>ดาวน์โหลด</a></div><div class='col-md-3 sidebar'><ul>{news}</ul></div></body>")
    doc = _doc(html, url="https://www.nongbua.go.th/o25")
    assert doc.text.splitlines() == ["แผนปฏิบัติการป้องกันการทุจริต 2569", "ดาวน์โหลด"]
    assert doc.charset == "utf-8"


_TABLE_CMS = (
    '<html><body><table width="1000"><tr><td colspan="2"><img src="images/banner_top.jpg" alt="อบต.โคกสูง"></td></tr>'
    '<tr><td colspan="2" class="style7"><a href="index.php">หน้าแรก</a> | <a href="index.php?mod=about">ข้อมูลทั่วไป</a> |'
    ' <a href="index.php?mod=news">ข่าวประชาสัมพันธ์</a> | <a href="index.php?mod=eservice">E-Service</a></td></tr>'
    '<tr><td width="230" class="style12"><table width="100%"><tr><td class="style5">:: เมนูหลัก ::</td></tr>'
    '<tr><td><a href="index.php?mod=history">ประวัติ อบต.</a></td></tr>'
    '<tr><td><a href="index.php?mod=eservice">E-Service บริการออนไลน์</a></td></tr>'
    '<tr><td><a href="index.php?mod=complaint">ร้องเรียนร้องทุกข์</a></td></tr>'
    '<tr><td><img src="images/b_1567.gif" alt="ศูนย์ดำรงธรรม 1567"></td></tr></table></td>'
    '<td width="770"><p class="style20"><b>E-Service</b></p>{content}</td></tr></table></body></html>')


def test_a_table_layout_pages_menus_are_chrome() -> None:
    """An old table-layout CMS names none of its chrome: a bar of short links apart by "|" and a column of one-link rows
    under ":: เมนูหลัก ::" are its menus (review46 b21); its content's rows of links, each with more, stay."""
    content = ('<table><tr><td>๑</td><td><a href="upload/form/general_request.pdf">แบบคำร้องทั่วไป</a></td>'
               '<td>PDF 120 KB</td></tr><tr><td>๒</td><td><a href="upload/form/khor1.pdf">แบบคำขออนุญาตก่อสร้างอาคาร'
               '</a></td><td>PDF 340 KB</td></tr></table><p>กรอกข้อมูลให้ครบถ้วน แล้วติดต่องานธุรการ สำนักปลัด</p>')
    doc = _doc(_TABLE_CMS.format(content=content), "https://www.khoksung.go.th/eservice/forms.html")
    assert "ข้อมูลทั่วไป" not in doc.text and "เมนูหลัก" not in doc.text and "ร้องเรียนร้องทุกข์" not in doc.text
    assert "แบบคำร้องทั่วไป | PDF 120 KB" in doc.text and "กรอกข้อมูลให้ครบถ้วน" in doc.text
    chrome = {link.url.rsplit("/", 1)[-1] for link in doc.links if link.chrome}
    assert {"index.php", "index.php?mod=eservice", "index.php?mod=complaint"} <= chrome
    assert not chrome & {"general_request.pdf", "khor1.pdf"}
    # a page whose template names its menus keeps a bar of links in its content (a year's choice)
    years = ('<html><body><nav class="main-menu"><a href="/">หน้าหลัก</a></nav><main><h1>รายงาน</h1>'
             '<p><a href="/r/2566">ปี ๒๕๖๖</a> | <a href="/r/2567">ปี ๒๕๖๗</a> | <a href="/r/2568">ปี ๒๕๖๘</a></p>'
             '</main></body></html>')
    assert "ปี ๒๕๖๖ | ปี ๒๕๖๗ | ปี ๒๕๖๘" in _doc(years).text
