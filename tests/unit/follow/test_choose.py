"""Which links of a page are read as an item's evidence (pure: pages parsed from real HTML, no fetching)."""

from __future__ import annotations

from oit_checker.extract.html import extract_html
from oit_checker.follow.choose import FollowSettings, choose_links, target_years_for
from oit_checker.model import Component, Confidence, Document, FiscalYearRule, Item

SITE = "https://www.nongbua.go.th/"


def item(item_id: str, title: str) -> Item:
    return Item(id=item_id, name_th=title, name_en=item_id, indicator=10, sub_indicator="10.1",
                components=(Component("c", "c", "c", ("โครงการ",)),), fiscal_year_rule=FiscalYearRule.CURRENT,
                confidence=Confidence.CONFIRMED, title_phrases=(title,))


O24 = item("O24", "รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริต")
O25 = item("O25", "แผนปฏิบัติการป้องกันการทุจริต")


def page(html: str, path: str) -> Document:
    return extract_html(html.encode("utf-8"), SITE + path, "utf-8")


def chosen(doc: Document, it: Item, fy: int = 2569) -> list[str]:
    picks = choose_links(doc, it, SITE, target_years_for(it, fy), FollowSettings(), visited=set())
    return [c.link.url.removeprefix(SITE) for c in picks]


def test_a_sidebar_file_naming_the_right_year_never_replaces_the_items_own_old_file() -> None:
    doc = page("""<html><head><title>แผนปฏิบัติการป้องกันการทุจริต</title></head><body>
<div class="content"><h1>แผนปฏิบัติการป้องกันการทุจริต</h1>
<p><a href="/files/plan.docx">แผนปฏิบัติการป้องกันการทุจริต ปี 2567</a></p></div>
<aside class="widget"><h3>เอกสารเผยแพร่ล่าสุด</h3><ul>
<li><a href="/files/o6.docx">แผนการดำเนินงาน ประจำปีงบประมาณ 2569</a></li></ul></aside></body></html>""", "o25.html")
    assert chosen(doc, O25) == ["files/plan.docx"]  # read, so the stale year is seen


def test_on_an_index_only_the_items_own_entry_is_read_even_of_the_wrong_year() -> None:
    doc = page("""<html><head><title>ITA 2569</title></head><body><div class="content">
<h1>การเปิดเผยข้อมูลสาธารณะ (OIT) ปี 2569</h1><table>
<tr><td>O23</td><td><a href="/files/a1.docx">การประเมินความเสี่ยงการให้หรือรับสินบน ประจำปี 2569</a></td></tr>
<tr><td>O24</td><td><a href="/files/a2.docx">รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริต ประจำปี 2567</a></td></tr>
<tr><td>O25</td><td><a href="/files/a3.docx">แผนปฏิบัติการป้องกันการทุจริต ประจำปี 2569</a></td></tr>
</table></div></body></html>""", "ita.html")
    assert chosen(doc, O24) == ["files/a2.docx"]
    assert chosen(doc, O25) == ["files/a3.docx"]


def test_a_list_page_prefers_the_wanted_years_entry_of_the_item() -> None:
    doc = page("""<html><body><div class="content"><h1>แผนปฏิบัติการป้องกันการทุจริต</h1><ul>
<li><a href="/files/p2567.pdf">แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ 2567</a></li>
<li><a href="/files/p2568.pdf">แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ 2568</a></li>
<li><a href="/files/p2569.pdf">แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ 2569</a></li></ul></div></body></html>""",
               "o25.html")
    assert chosen(doc, O25) == ["files/p2569.pdf"]


def test_many_files_none_named_for_the_item_are_not_evidence() -> None:
    rows = "".join(f'<li><a href="/files/news{n}.pdf">ประกาศ อบต. ฉบับที่ {n}</a></li>' for n in range(6))
    doc = page(f"<html><body><div class='content'><h1>ศูนย์ข้อมูลข่าวสาร</h1><ul>{rows}</ul></div></body></html>",
               "info.html")
    assert chosen(doc, O24) == []


def test_item_codes_as_agencies_write_them_but_not_file_counters() -> None:
    from oit_checker.follow.choose import item_code_pattern

    code = item_code_pattern("O20")
    for text in ("O20", "o20 แผน", "OIT 20", "MOIT20", "020 หลักเกณฑ์", "ข้อ 020", "O.20"):
        assert code.search(text), text
    for text in ("IMG_020.jpg", "DSC-020", "O200", "2020"):
        assert not code.search(text), text


def test_names_code_reads_as_the_item_code_pattern() -> None:
    """The digit look-up in front of the pattern never changes its answer: every form of a code holds the
    item's number in ASCII digits (Thai digits are no code, as for the pattern)."""
    from oit_checker.follow.choose import item_code_pattern, names_code

    texts = ("O20", "o20 แผน", "OIT 20", "MOIT20", "020 หลักเกณฑ์", "ข้อ 020", "O.20", "IMG_020.jpg", "DSC-020",
             "O200", "2020", "O๒๐", "โอ 20", "", "แผนปฏิบัติการ ประจำปี 2568", "o5", "O05", "05 คู่มือ", "o-5x",
             "report_o5.pdf", "OIT 5", "O50", "ข้อ 5")
    for item in ("O20", "O5", "O2", "O50"):
        for text in texts:
            assert names_code(item, text) == (item_code_pattern(item).search(text) is not None), (item, text)


def test_a_link_named_by_the_menu_first_is_read_by_the_contents_own_words() -> None:
    # WordPress: the menu's "ข่าวสาร", the item page's own "ข่าวประชาสัมพันธ์ (ทั้งหมด)" and the sidebar's category all
    # point at one URL; the link keeps the menu's words, the content's name the item.
    o4 = item("O4", "ข่าวประชาสัมพันธ์")
    doc = page("""<html><body><header><nav><a href="/category/news.html">ข่าวสาร</a>
<a href="/about.html">เกี่ยวกับเรา</a></nav></header>
<main><h1>ข่าวประชาสัมพันธ์</h1><p><a href="/category/news.html">ข่าวประชาสัมพันธ์ อบจ. (ทั้งหมด)</a></p></main>
<aside><a href="/category/news.html">ข่าวประชาสัมพันธ์</a><a href="/category/jobs.html">ข่าวรับสมัครงาน</a></aside>
</body></html>""", "ita/o4.html")
    picks = choose_links(doc, o4, SITE, target_years_for(o4, 2568), FollowSettings(), visited=set(), facts=doc.facts)
    assert [c.link.url.removeprefix(SITE) for c in picks] == ["category/news.html"]
    menu_only = page("""<html><body><header><nav><a href="/category/news.html">ข่าวสาร</a></nav>
</header><main><h1>ข่าวประชาสัมพันธ์</h1><p>ยังไม่มีข่าว</p></main></body></html>""", "ita/o4.html")
    assert choose_links(menu_only, o4, SITE, target_years_for(o4, 2568), FollowSettings(), visited=set(),
                        facts=menu_only.facts) == []  # a menu link that does not name the item is not followed


def test_a_file_in_a_frame_is_read_as_an_embed_is_on_another_host_too() -> None:
    # a page whose content is its title over a frame holding the file (review67 a10/a11's shape, the file on another
    # host): the frame is the page's document; a map or a video in a frame is not
    o20 = item("O20", "ประกาศเจตนารมณ์ No Gift Policy")
    doc = page("""<html><head><title>No Gift Policy - องค์การบริหารส่วนตำบลโคกสูง</title></head><body><main>
<h1>O20 ประกาศเจตนารมณ์ No Gift Policy ปีงบประมาณ 2569</h1>
<iframe src="https://cdn.khoksung-files.net/ita2569/o20_nogift_2569.pdf" width="100%" height="900"></iframe>
<iframe src="https://www.youtube.com/embed/AbCdEf012"></iframe></main></body></html>""", "ita/o20.html")
    picks = choose_links(doc, o20, SITE, target_years_for(o20, 2569), FollowSettings(), visited=set(), facts=doc.facts)
    assert [(c.link.url, c.viewer) for c in picks] == [("https://cdn.khoksung-files.net/ita2569/o20_nogift_2569.pdf",
                                                        True)]
