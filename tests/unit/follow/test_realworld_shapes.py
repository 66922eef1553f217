"""Following links on the real-world page shapes (Drive pages, platforms, page facts, choosing links): the
pieces behind tests/integration/test_realworld.py, one shape at a time and without a server.

Page markup comes from fixtures/realworld/ (the same pages the end-to-end test serves) or is written inline
when one attribute is the point.
"""

from __future__ import annotations

import pytest

from oit_checker.extract.html import extract_html
from oit_checker.follow.choose import FollowSettings, choose_links, download_worded, says_nothing, target_years_for
from oit_checker.follow.drive import recognise
from oit_checker.follow.platforms import detect_platform, is_procurement, wp_record, wp_record_urls
from oit_checker.html.facts import page_facts_from_html
from oit_checker.model import (
    Document,
    Fetched,
    FiscalYearRule,
    Item,
)
from tests.support.items import plan_item
from tests.support.paths import ROOT

SITES = ROOT / "fixtures" / "realworld" / "sites"
PLAN = plan_item()
FY = 2569


def page(path: str, url: str) -> tuple[Document, object]:
    html = (SITES / path).read_text("utf-8")
    return extract_html(html.encode(), url, "utf-8"), page_facts_from_html(html, url)


def chosen(doc: Document, facts: object, item: Item = PLAN, site: str = "") -> list[str]:
    return [c.link.url for c in choose_links(doc, item, site or doc.url, target_years_for(item, FY),
                                             FollowSettings(), visited=set(), facts=facts)]  # type: ignore[arg-type]


def inline(body: str, url: str = "https://www.nongbua.go.th/ita/o25.html", title: str = "") -> tuple[Document, object]:
    html = f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>{body}</body></html>"
    return extract_html(html.encode(), url, "utf-8"), page_facts_from_html(html, url)


# ---------------------------------------------------------------- 2. Drive pages


def _drive(body: bytes, url: str, final: str | None = None, ctype: str = "text/html") -> Fetched:
    return Fetched(url=url, final_url=final or url, status=200, content_type=ctype, body=body)


def test_drive_virus_scan_form_gives_the_download_url() -> None:
    body = (SITES / "drive.usercontent.google.com" / "virus-scan-warning.html").read_bytes()
    got = recognise(_drive(body, "https://drive.google.com/uc?export=download&id=1BigPlan2569QrStUvWxYz",
                           "https://drive.usercontent.google.com/download?id=1BigPlan2569QrStUvWxYz&export=download"))
    assert got is not None and got.kind == "confirm"
    assert got.follow == ("https://drive.usercontent.google.com/download?id=1BigPlan2569QrStUvWxYz&export=download"
                          "&confirm=t&uuid=6f1e2d3c-4b5a-4978-8a1b-2c3d4e5f6a7b")


def test_older_drive_warning_link_with_a_confirm_token() -> None:
    body = (b'<html><head><title>Google Drive - Virus scan warning</title></head><body><p>Google Drive can\'t scan '
            b'this file for viruses.</p><a id="uc-download-link" href="/uc?export=download&amp;confirm=Ab3x&amp;'
            b'id=1OldBig2569xxxxx">Download anyway</a></body></html>')
    got = recognise(_drive(body, "https://drive.google.com/uc?export=download&id=1OldBig2569xxxxx"))
    assert got is not None and got.follow == "https://drive.google.com/uc?export=download&confirm=Ab3x&id=1OldBig2569xxxxx"


@pytest.mark.parametrize(("body", "final", "kind"), [
    (b"<html><title>x</title></html>", "https://accounts.google.com/v3/signin/identifier?continue=x", "sign_in"),
    ((SITES / "docs.google.com" / "need-access.html").read_bytes(),
     "https://docs.google.com/document/d/1NeedAccessDoc2569XyZ/export?format=pdf", "no_access"),
    (b"<html><head><title>Google Drive - Quota exceeded</title></head><body>Sorry, you can't view or download this "
     b"file at this time. Too many users have viewed or downloaded this file recently.</body></html>",
     "https://drive.google.com/uc?export=download&id=1Quota2569xxxxx", "quota"),
])
def test_drive_pages_that_are_not_the_file(body: bytes, final: str, kind: str) -> None:
    got = recognise(_drive(body, "https://drive.google.com/uc?export=download&id=1Any2569xxxxxx", final))
    assert got is not None and got.kind == kind


def test_the_file_itself_and_other_hosts_are_not_drive_pages() -> None:
    pdf = (ROOT / "fixtures" / "realworld" / "files" / "plan-2569.pdf").read_bytes()
    assert recognise(_drive(pdf, "https://drive.google.com/uc?export=download&id=1GsPlan2569AbCdEfGhIj",
                            ctype="application/pdf")) is None
    assert recognise(_drive(b"<html>You need access</html>", "https://www.nongbua.go.th/x.html")) is None


# ---------------------------------------------------------------- 8. platforms


def test_wordpress_record_urls_from_every_fingerprint() -> None:
    doc, facts = page("www.roiet-demo.go.th/roiet/archives/5821", "https://www.roiet-demo.go.th/roiet/archives/5821")
    assert detect_platform(doc.url, facts, doc.links) == "wordpress"  # type: ignore[arg-type]
    assert wp_record_urls(doc.url, facts, doc.links) == [  # type: ignore[arg-type]
        "https://www.roiet-demo.go.th/roiet/wp-json/wp/v2/posts/5821",
        "https://www.roiet-demo.go.th/roiet/?rest_route=/wp/v2/posts/5821",
    ]
    # Plain permalinks: the id is in ?page_id= and the API root is ?rest_route=/.
    doc, facts = page("spbo-demo.moph.go.th/ket/page-26424.html", "https://spbo-demo.moph.go.th/ket/?page_id=26424")
    assert wp_record_urls(doc.url, facts, doc.links) == [  # type: ignore[arg-type]
        "https://spbo-demo.moph.go.th/ket/?rest_route=/wp/v2/pages/26424",
        "https://spbo-demo.moph.go.th/?rest_route=/wp/v2/pages/26424",
    ]


def test_wordpress_record_is_read_and_errors_are_not() -> None:
    body = (SITES / "www.roiet-demo.go.th/roiet/wp-json/wp/v2/posts/5821").read_bytes()
    record = wp_record(body)
    assert record is not None and record.modified == "2025-10-02T09:00:00"
    assert record.title == "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569"
    assert "flowpaper.com/flipbook/?pdf=" in record.html
    assert wp_record(b'{"code":"rest_no_route","message":"No route","data":{"status":404}}') is None
    assert wp_record(b"<!DOCTYPE html><html>") is None
    assert wp_record(b"[]") is None
    assert wp_record(b'[{"title":{"rendered":"A &#8211; B"},"content":{"rendered":"<p>x</p>"}}]').title == "A – B"


@pytest.mark.parametrize(("url", "platform"), [
    ("https://sites.google.com/huafai.ac.th/ita/o25", "google-sites"),
    ("http://www.phukradungsao.go.th/public/list/data/index/menu/1598", "vendor:inthai (Zend list/detail)"),
    ("https://www.example.go.th/Pages/ita_year_detail/31", "vendor:AS System"),
    ("http://www.bpn.go.th/data_3976", "vendor:data_<id> CMS"),
    ("https://www.dld.go.th/index.php?option=com_content&view=article&id=5", "joomla"),
    ("https://www.example.go.th/about.html", ""),
])
def test_platform_fingerprints_by_url(url: str, platform: str) -> None:
    assert detect_platform(url, None) == platform


def test_procurement_items_by_their_wording() -> None:
    assert is_procurement("แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ")
    assert not is_procurement("แผนปฏิบัติการป้องกันการทุจริต")


# ---------------------------------------------------------------- page facts


def test_generic_link_is_named_by_its_table_row() -> None:
    doc, facts = page("www.phukradung-demo.go.th/public/list/data/index/menu/1620",
                      "http://www.phukradung-demo.go.th/public/list/data/index/menu/1620")
    url = "http://www.phukradung-demo.go.th/public/list/data/index/menu/1598"
    assert "O25" in facts.context(url) and "แผนปฏิบัติการป้องกันการทุจริต" in facts.context(url)  # type: ignore[attr-defined]
    # The menu link to the same list page is chrome, the row's "คลิก" is content: the URL is content.
    assert not facts.in_chrome(url)  # type: ignore[attr-defined]
    assert chosen(doc, facts) == [url]


def test_open_buttons_are_named_by_the_row_heading() -> None:
    doc, facts = page("www.assys-demo.go.th/Pages/ita_year_detail/31",
                      "https://www.assys-demo.go.th/Pages/ita_year_detail/31")
    assert chosen(doc, facts) == ["https://www.assys-demo.go.th/Pages/ita_detail/77"]


def test_breadcrumb_words_are_not_borrowed_from_the_entry() -> None:
    doc, facts = inline('<div class="crumbs"><a href="/">หน้าหลัก</a> » <a href="/ita/">ITA</a> » O25</div>'
                        "<h2>O25 แผนปฏิบัติการป้องกันการทุจริต</h2>")
    assert chosen(doc, facts) == []


def test_toggles_and_in_page_jumps_are_no_placeholders() -> None:
    _, facts = page("spbo-demo.moph.go.th/ket/page-26424.html", "https://spbo-demo.moph.go.th/ket/?page_id=26424")
    holders = [(p.reason, p.text) for p in facts.content_placeholders()]  # type: ignore[attr-defined]
    assert holders == [("self", "O25 แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ 2569"), ("fragment", "ดาวน์โหลด")]


def test_a_post_title_linked_to_itself_is_no_placeholder() -> None:
    url = "https://www.nongbua.go.th/archives/12"
    _, facts = inline(f'<article><h2 class="entry-title"><a href="{url}" rel="bookmark">แผนปฏิบัติการป้องกันการทุจริต</a>'
                      f'</h2><p><a href="{url}">แผนปฏิบัติการป้องกันการทุจริต (ฉบับเต็ม)</a></p></article>', url=url)
    assert [p.text for p in facts.content_placeholders()] == ["แผนปฏิบัติการป้องกันการทุจริต (ฉบับเต็ม)"]  # type: ignore[attr-defined]


def test_content_image_is_found_and_logos_are_not() -> None:
    doc, facts = page("www.roiet-demo.go.th/roiet/p-5950.html", "https://www.roiet-demo.go.th/roiet/?p=5950")
    [(url, _)] = facts.images  # type: ignore[attr-defined]
    assert url.endswith("-2569.jpg")
    assert chosen(doc, facts) == [url]  # the page holds only a title: the picture is the document


# ---------------------------------------------------------------- choosing links


def test_list_page_takes_the_wanted_years_entry_and_a_range_only_without_it() -> None:
    doc, facts = page("www.phukradung-demo.go.th/public/list/data/index/menu/1598",
                      "http://www.phukradung-demo.go.th/public/list/data/index/menu/1598")
    base = "http://www.phukradung-demo.go.th/public/list/data/detail/id"
    assert chosen(doc, facts) == [f"{base}/3400/menu/1598/page/1"]
    # FY 2570 is not listed: every entry is read, so the verdict can say "stale (2569)" rather than "missing".
    assert [c.link.url for c in choose_links(doc, PLAN, doc.url, frozenset({2570}), FollowSettings(), visited=set(),
                                             facts=facts)] == [  # type: ignore[arg-type]
        f"{base}/3400/menu/1598/page/1", f"{base}/3100/menu/1598/page/1", f"{base}/2800/menu/1598/page/1"]
    # An item that asks for coverage of the year takes the 4-year plan as readily as the annual one.
    covers = plan_item(FiscalYearRule.COVERS_CURRENT)
    assert set(chosen(doc, facts, covers)) == {f"{base}/3400/menu/1598/page/1", f"{base}/2800/menu/1598/page/1"}


def test_upload_date_folders_do_not_count_as_the_documents_year() -> None:
    # Posted in September 2025 (FY 2568) for FY 2569: the CE folder is no reason to drop it.
    doc, facts = inline('<h2>O25 แผนปฏิบัติการป้องกันการทุจริต</h2>'
                        '<a href="/wp-content/uploads/2025/09/plan.pdf">ฉบับประกาศ</a>'
                        '<a href="/wp-content/uploads/2025/09/plan-2569-appendix.pdf">ภาคผนวก 2569</a>')
    assert len(chosen(doc, facts)) == 2


def test_on_an_index_page_documents_naming_the_item_win() -> None:
    doc, facts = inline('<h1>ITA 2569</h1><table>'
                        '<tr><td>O24</td><td><a href="/f/nogift-2569.pdf">นโยบายไม่รับของขวัญ</a></td></tr>'
                        '<tr><td>O25</td><td><a href="/f/o25.pdf">ดาวน์โหลด</a></td></tr>'
                        '<tr><td>O26</td><td><a href="/f/report.pdf">รายงานการกำกับติดตาม</a></td></tr></table>',
                        url="https://www.nongbua.go.th/ita/", title="ITA 2569")
    assert chosen(doc, facts) == ["https://www.nongbua.go.th/f/o25.pdf"]


def test_on_the_items_own_page_every_attachment_is_taken() -> None:
    doc, facts = inline('<h2>O25 แผนปฏิบัติการป้องกันการทุจริต</h2><a href="/f/plan-2569.pdf">แผนปฏิบัติการป้องกันการทุจริต</a>'
                        '<a href="/f/appendix.pdf">ภาคผนวก</a>', title="O25 แผนปฏิบัติการป้องกันการทุจริต")
    assert set(chosen(doc, facts)) == {"https://www.nongbua.go.th/f/plan-2569.pdf",
                                       "https://www.nongbua.go.th/f/appendix.pdf"}


def test_photos_beside_a_document_are_not_taken() -> None:
    doc, facts = inline('<h2>O25 แผนปฏิบัติการป้องกันการทุจริต</h2><a href="/f/plan.pdf">ดาวน์โหลด</a>'
                        '<a href="/img/photo1.jpg"><img src="/img/t1.jpg" alt=""></a>')
    assert chosen(doc, facts) == ["https://www.nongbua.go.th/f/plan.pdf"]


def test_link_texts_that_say_nothing_and_download_words() -> None:
    assert says_nothing("") and says_nothing("คลิก") and says_nothing("https://www.song.go.th/dnm_fil...")
    assert not says_nothing("หน้าหลัก") and not says_nothing("แผนปฏิบัติการป้องกันการทุจริต")
    assert download_worded("ดาวน์โหลด [287.50 KB]") and download_worded("เปิด")
    assert not download_worded("อ่านต่อ") and not download_worded("แผนปฏิบัติการ")
