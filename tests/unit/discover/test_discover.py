"""Discovery: item codes in labels, the pure mapper on small snippets, and a crawl of a local fixture site
whose ITA page mixes the real-world layouts (fixtures/discover/site, served on 127.0.0.1)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from oit_checker.catalogue.mapping import load_mapping
from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
from oit_checker.config.manifest import load_manifests
from oit_checker.demo import HostMapTransport, serve_directory
from oit_checker.discover import (
    SKIP_ROBOTS,
    SKIP_STALE,
    CrawlSettings,
    LinkConfidence,
    agency_name_from_title,
    code_in_label,
    discover,
    map_pages,
    render_manifest,
    scan_page,
    slug_code,
)
from oit_checker.discover.model import RuleSet, YearMapping
from oit_checker.fetch.client import Fetcher, FetchSettings, build_client
from oit_checker.model import Catalogue
from tests.support.paths import ROOT

# These tests pin the English wording of the messages; Thai (the default) is tested in test_cli_ux.py.
pytestmark = pytest.mark.usefixtures("english")

SITE = ROOT / "fixtures" / "discover" / "site"
HOST = "www.nongbua-demo.go.th"
HOME = f"http://{HOST}/"
H = f"http://{HOST}"
FILES = f"{H}/files/ita2568"
O27_PAGE = (f"{H}/ita-2568/o27-%E0%B8%A1%E0%B8%B2%E0%B8%95%E0%B8%A3%E0%B8%81%E0%B8%B2%E0%B8%A3%E0%B8%AA%E0%B8%87"
            "%E0%B9%80%E0%B8%AA%E0%B8%A3%E0%B8%A1%E0%B8%84%E0%B8%93%E0%B8%98%E0%B8%A3%E0%B8%A3%E0%B8%A1.html")
HIGH, MEDIUM, LOW = LinkConfidence.HIGH, LinkConfidence.MEDIUM, LinkConfidence.LOW

# The exact mapping the fixture ITA 2568 page must give: item → [(url, confidence, signal)].
EXPECTED: dict[str, list[tuple[str, LinkConfidence, str]]] = {
    # (a) table ข้อ | ข้อมูล | URL: "O1", "o3", "O4.", "๘", "ข้อ 10"; O7 spans two rows; O9's link names itself
    "O1": [("https://www.nongbua-demo.go.th/about/structure.html", MEDIUM, "row"),
           (f"{FILES}/o1-authority.pdf", MEDIUM, "row")],
    "O2": [(f"{H}/about/executives.html", MEDIUM, "row")],
    "O3": [(f"{H}/contact.html", MEDIUM, "row")],
    "O4": [(f"{H}/news/index.html", MEDIUM, "row")],
    # The row is there, the link is not. The information centre's "แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)" would be a
    # title guess for O5, but a page of titles without a code is a menu, not a listing: its links are not taken.
    "O5": [],
    "O6": [("https://drive.google.com/file/d/1NongBuaPlan2568xYzAbC/view?usp=sharing", MEDIUM, "row")],
    "O7": [(f"{FILES}/annual-report-2567.pdf", MEDIUM, "row"), (f"{FILES}/progress-6m-2568.pdf", MEDIUM, "row")],
    "O8": [(f"{FILES}/staff-manual.pdf", MEDIUM, "row")],
    "O9": [(f"{FILES}/o9-citizen-guide.pdf", HIGH, "code")],
    "O10": [(f"{H}/eservice/index.html", MEDIUM, "row")],
    # (b1) accordion: toggles "O11 …", zero-padded "013 …", a <button> inside <h5> for O14
    "O11": [(f"{FILES}/service-stat-2568.pdf", MEDIUM, "heading")],
    "O12": [(f"{FILES}/egp-2567-10.pdf", MEDIUM, "heading"),
            ("https://process3.gprocurement.go.th/egp2procmainWeb/jsp/procsearch.sch?pid=6360123", MEDIUM,
             "heading")],
    "O13": [(f"{FILES}/procurement-report-2567.pdf", MEDIUM, "heading")],
    "O14": [(f"{FILES}/hr-plan-2567-2569.pdf", MEDIUM, "heading")],
    "O15": [(f"{FILES}/hr-report-2567.pdf", MEDIUM, "heading")],
    # (b2) nested menu: <span>O16 …</span>, bare text "o๑๗ …", <a tabindex>OIT 18 …</a>, a linked "O19 …"
    "O16": [(f"{FILES}/code-of-ethics.pdf", MEDIUM, "heading"), (f"{H}/news/ethics-training-2568.html", MEDIUM,
                                                                  "heading")],
    "O17": [(f"{FILES}/complaint-guideline.pdf", MEDIUM, "heading")],
    "O18": [(f"{H}/complaint.html", MEDIUM, "heading"), ("https://line.me/R/ti/p/@nongbua", MEDIUM, "heading")],
    "O19": [(f"{H}/ita-2568/o19.html", HIGH, "code"), (f"{FILES}/complaint-stat-2568.pdf", MEDIUM, "heading")],
    "O20": [(f"{H}/news/public-forum-2568.html", MEDIUM, "heading")],
    # (c) Thai titles only → low; Thai-digit codes o๒๔ and ข้อ ๒๖ → high; a Google-Sites-style slug o27-… → medium
    "O21": [(f"{FILES}/no-gift-2568.pdf", LOW, "title"), (f"{H}/news/no-gift-activity-2568.html", LOW, "title")],
    "O22": [(f"{FILES}/gift-report-2568.pdf", LOW, "title")],
    "O23": [(f"{FILES}/risk-assessment-2568.pdf", LOW, "title")],
    "O24": [(f"{FILES}/risk-report-2568.pdf", HIGH, "code")],
    "O25": [(f"{FILES}/anti-corruption-plan-2568.pdf", LOW, "title")],
    "O26": [(f"{FILES}/anti-corruption-progress-2568.pdf", HIGH, "code")],
    "O27": [(O27_PAGE, MEDIUM, "slug")],
}


@pytest.fixture(scope="module")
def cat2568() -> Catalogue:
    return load_catalogue(catalogue_path_for(2568))


@pytest.fixture(scope="module")
def site_base() -> Iterator[str]:
    with serve_directory(SITE) as base:
        yield base


def _scan(name: str, url: str, via: str = "", depth: int = 1):
    return scan_page((SITE / name).read_text(encoding="utf-8"), url, via_text=via, depth=depth)


def _simple(items):
    return {k: [(link.url, link.confidence, link.signal) for link in v] for k, v in items.items()}


# ---------------------------------------------------------------- item codes


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("O24 รายงานผลการดำเนินการ", "O24"), ("o24", "O24"), ("O24.", "O24"), ("O 24 รายงาน", "O24"),
        ("O.24", "O24"), ("OIT 3 อำนาจหน้าที่", "O3"), ("OIT1", "O1"), ("OIT-O5 แผนพัฒนา", "O5"),
        ("o๒๔ รายงานผล", "O24"), ("ข้อ ๒๖ รายงาน", "O26"), ("ข้อที่ 5", "O5"), ("027 หลักเกณฑ์การประเมิน", "O27"),
        ("(O11) ข้อมูลสถิติ", "O11"),
        # not a code, or more than one
        ("ITA 2568", None), ("OIT 2568", None), ("ISO 9001", None), ("O21-O22 No Gift", None),
        ("ข้อมูล 24 รายการ", None), ("รายงาน ข้อ 5", None), ("๒๔", None), ("029ประกาศหลักเกณฑ์", None),
        # the health ministry's MOIT 1–22 are another scheme's numbers, never OIT items
        ("MOIT 1 นโยบาย", None), ("MOIT1-1.pdf", None), ("MOIT 11 สถิติ", None),
        ("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", None), ("9.1 ข้อมูลพื้นฐาน", None), ("โทร 044 872 123", None),
    ],
)  # fmt: skip
def test_code_in_label(label: str, expected: str | None, cat2568: Catalogue) -> None:
    assert code_in_label(label, cat2568.ids) == expected


def test_bare_numbers_only_where_asked(cat2568: Catalogue) -> None:
    assert code_in_label("๒๔", cat2568.ids, bare=True) == "O24"
    assert code_in_label(" 8. ", cat2568.ids, bare=True) == "O8"
    assert code_in_label("ข้อ 10", cat2568.ids, bare=True) == "O10"
    assert code_in_label("42", cat2568.ids, bare=True) is None  # not a 2568 item


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://sites.google.com/x.go.th/ita/ita-online-2568/o1-โครงสรางและอำนาจหนาท", "O1"),
        ("https://sites.google.com/view/ita-bwit/oit-3-อำนาจหนาท", "O3"),
        ("https://www.x.go.th/ita/o01.html", "O1"),
        ("https://www.x.go.th/ita-2568/", None),
        ("https://www.x.go.th/oit2023-ita2023/", None),
        ("https://www.x.go.th/files/oil-2568.pdf", None),
    ],
)
def test_slug_code(url: str, expected: str | None) -> None:
    found = slug_code(url)
    assert (found[0] if found else None) == expected


def test_agency_name_from_title() -> None:
    assert agency_name_from_title("หน้าหลัก | องค์การบริหารส่วนตำบลหนองบัว", "x") == "องค์การบริหารส่วนตำบลหนองบัว"
    assert agency_name_from_title("เทศบาลตำบลบ้านใหม่ - หน้าแรก", "x") == "เทศบาลตำบลบ้านใหม่"
    assert agency_name_from_title("Home", "www.x.go.th") == "www.x.go.th"
    assert agency_name_from_title("", "www.x.go.th") == "www.x.go.th"


# ---------------------------------------------------------------- the pure mapper on snippets


def _map(body: str, cat: Catalogue, *, title: str = "ITA 2568", url: str = "https://www.x.go.th/ita-2568/"):
    html = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    return _simple(map_pages([scan_page(html, url)], cat, [2568]).items)


FILLER = "<p><a href='/a1'>O1 โครงสร้าง</a> <a href='/a2'>O2 ผู้บริหาร</a> <a href='/a3'>O3 ติดต่อ</a></p>"


def test_table_rows_rowspan_and_bare_numbers(cat2568: Catalogue) -> None:
    body = """<table><tr><th>ข้อ</th><th>ข้อมูล</th><th>URL</th></tr>
      <tr><td rowspan="2">O12</td><td>รายการจัดซื้อ</td><td><a href="/p1.pdf">ดาวน์โหลด</a></td></tr>
      <tr><td>ความก้าวหน้า</td><td><a href="/p2.pdf">เปิด</a></td></tr>
      <tr><td>๑๓</td><td>รายงานประจำปี</td><td><a href="/p3.pdf">คลิก</a></td></tr>
      <tr><td>ข้อ 14</td><td>แผน</td><td><a href="/p4.pdf">ลิงก์</a></td></tr></table>"""
    got = _map(body, cat2568)
    assert got["O12"] == [("https://www.x.go.th/p1.pdf", MEDIUM, "row"), ("https://www.x.go.th/p2.pdf", MEDIUM, "row")]
    assert got["O13"] == [("https://www.x.go.th/p3.pdf", MEDIUM, "row")]
    assert got["O14"] == [("https://www.x.go.th/p4.pdf", MEDIUM, "row")]


def test_running_number_column_is_not_an_item_number(cat2568: Catalogue) -> None:
    # "ลำดับ" numbers rows 1, 2, 3 …; the item code is in the second column.
    body = """<table><tr><th>ลำดับ</th><th>ตัวชี้วัด</th><th>ลิงก์</th></tr>
      <tr><td>1</td><td>O24 รายงานผล</td><td><a href="/r.pdf">เปิด</a></td></tr>
      <tr><td>2</td><td>ไม่มีรหัส</td><td><a href="/x.pdf">เปิด</a></td></tr></table>""" + FILLER
    got = _map(body, cat2568)
    assert got["O24"] == [("https://www.x.go.th/r.pdf", MEDIUM, "row")]
    assert got["O1"] == [("https://www.x.go.th/a1", HIGH, "code")]  # the "1" of the running number is not O1
    assert "https://www.x.go.th/x.pdf" not in {u for v in got.values() for u, _, _ in v}


def test_accordion_nested_menu_and_heading_boundary(cat2568: Catalogue) -> None:
    body = """<div class="accordion">
        <div class="card"><div class="card-header"><a data-toggle="collapse" href="#l1">OIT 11 สถิติ</a></div>
          <div id="l1" class="collapse"><ul><li><a href="/s.pdf">สถิติการให้บริการ</a></li></ul></div></div>
        <div class="card"><div class="card-header"><a data-toggle="collapse" href="#l2">O12 จัดซื้อ</a></div>
          <div id="l2" class="collapse"><ul><li><a href="/e.pdf">เดือนตุลาคม</a></li></ul></div></div></div>
      <ul><li>O16 ประมวลจริยธรรม<ul><li><a href="/c.pdf">ประมวล</a></li></ul></li></ul>
      <details><summary>o๒๐ การมีส่วนร่วม</summary><p><a href="/f.html">ภาพกิจกรรม</a></p></details>
      <h2>ตัวชี้วัดที่ 10 การป้องกันการทุจริต</h2>
      <p><a href="/z.pdf">เอกสารอื่น ๆ</a></p>"""
    got = _map(body, cat2568)
    assert got["O11"] == [("https://www.x.go.th/s.pdf", MEDIUM, "heading")]
    assert got["O12"] == [("https://www.x.go.th/e.pdf", MEDIUM, "heading")]
    assert got["O16"] == [("https://www.x.go.th/c.pdf", MEDIUM, "heading")]
    assert got["O20"] == [("https://www.x.go.th/f.html", MEDIUM, "heading")]
    # The heading without a code ends the previous item's context: /z.pdf belongs to nothing.
    assert "https://www.x.go.th/z.pdf" not in {u for v in got.values() for u, _, _ in v}


def test_link_text_code_beats_the_heading_and_title_matches_are_low(cat2568: Catalogue) -> None:
    body = """<h3>O23 การประเมินความเสี่ยง</h3>
      <ul><li><a href="/risk.pdf">การประเมินความเสี่ยงการทุจริต 2568</a></li>
          <li><a href="/o24.pdf">O24 รายงานผล</a></li></ul>
      <h3>ตัวชี้วัดที่ 10</h3>
      <p><a href="/plan.pdf">แผนปฏิบัติการป้องกันการทุจริต ประจำปี 2568</a></p>
      <p><a href="/report.pdf">รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต 2567</a></p>"""
    got = _map(body, cat2568)
    assert got["O23"] == [("https://www.x.go.th/risk.pdf", MEDIUM, "heading")]
    assert got["O24"] == [("https://www.x.go.th/o24.pdf", HIGH, "code")]
    assert got["O25"] == [("https://www.x.go.th/plan.pdf", LOW, "title")]
    # The longest title phrase wins: O26's full title contains O25's.
    assert got["O26"] == [("https://www.x.go.th/report.pdf", LOW, "title")]


def test_low_guesses_give_way_to_stronger_ones(cat2568: Catalogue) -> None:
    body = """<table><tr><th>ข้อ</th><th>URL</th></tr>
        <tr><td>O25</td><td><a href="/plan-a.pdf">เปิด</a></td></tr></table>
      <p><a href="/plan-b.pdf">แผนปฏิบัติการป้องกันการทุจริต</a></p>""" + FILLER
    got = _map(body, cat2568)
    assert got["O25"] == [("https://www.x.go.th/plan-a.pdf", MEDIUM, "row")]


def test_menu_chrome_is_not_read_as_the_listing(cat2568: Catalogue) -> None:
    # Menu entries are no part of the listing: titled like O3 and O4, they only fill what the listing leaves
    # out, as low "menu" links (the listing here names O1, O2 and O9 only).
    body = """<nav><a href="/contact">ติดต่อเรา</a><a href="/news">ข่าวประชาสัมพันธ์</a></nav>
      <p><a href="/o1">O1 โครงสร้าง</a> <a href="/o2">O2</a> <a href="/o9">O9</a></p>"""
    got = _map(body, cat2568)
    assert got["O3"] == [("https://www.x.go.th/contact", LOW, "menu")]
    assert got["O4"] == [("https://www.x.go.th/news", LOW, "menu")]
    # … and never where the listing names the item, linked or not.
    body = body.replace("<a href=\"/o9\">O9</a>", "<a href=\"/o9\">O9</a> O3 ข้อมูลการติดต่อ (อยู่ระหว่างดำเนินการ)")
    assert _map(body, cat2568)["O3"] == []


def test_page_that_is_not_an_index_maps_nothing(cat2568: Catalogue) -> None:
    # Two title matches happen on any page; below MIN_INDEX_ITEMS it is not an ITA index.
    d = map_pages([scan_page("<title>ข่าว</title><a href='/n'>ข่าวประชาสัมพันธ์</a><a href='/c'>ติดต่อเรา</a>",
                             "https://www.x.go.th/news")], cat2568, [2568])
    assert not d.found and all(v == () for v in d.items.values())


def test_site_wide_menu_sections_carry_their_year(cat2568: Catalogue) -> None:
    # One page, a nested menu holding ITA 2565 and ITA 2568 sections with the same codes.
    def section(year: int, prefix: str) -> str:
        entries = "".join(f"<li>O{n}<ul><li><a href='/{prefix}{n}'>a</a></li></ul></li>" for n in (1, 2, 3))
        return f"<li>ITA {year}<ul>{entries}</ul></li>"

    body = f"<nav><ul>{section(2565, 'old')}{section(2568, 'new')}</ul></nav>"
    got = _map(body, cat2568, title="อบต.ตัวอย่าง", url="https://www.x.go.th/")
    assert got["O1"] == [("https://www.x.go.th/new1", MEDIUM, "heading")]
    assert got["O3"] == [("https://www.x.go.th/new3", MEDIUM, "heading")]


# ---------------------------------------------------------------- the fixture ITA page, pure


def test_fixture_ita_page_exact_mapping(cat2568: Catalogue) -> None:
    pages = [_scan("index.html", HOME, depth=0),
             _scan("ita-2568/index.html", f"{H}/ita-2568/index.html", "ITA 2568"),
             _scan("ita-2565/index.html", f"{H}/ita-2565/index.html", "ITA 2565"),
             _scan("info-center.html", f"{H}/info-center.html", "ศูนย์ข้อมูลข่าวสารอิเล็กทรอนิกส์")]
    d = map_pages(pages, cat2568, [2568])
    assert _simple(d.items) == EXPECTED
    assert d.index_pages == (f"{H}/ita-2568/index.html",)
    # The stale page was read here (pure test) and is ignored: none of its links made it in.
    assert d.stale_pages == ((f"{H}/ita-2565/index.html", (2565,)),)
    assert not any("ita2565" in link.url for links in d.items.values() for link in links)
    # O28 (only on some agencies' listings) is not missed when no link names it.
    assert d.missing == ("O5",) and "O28" not in d.items
    assert d.counts() == {HIGH: 4, MEDIUM: 18, LOW: 4}


def test_only_a_stale_page_gives_title_matches_only_and_a_warning(cat2568: Catalogue) -> None:
    # ITA 2565 numbered its items otherwise and no mapping leads from 2565 to 2568: its codes are not carried
    # by equal number (2565 "O24" is an HR plan, 2568 O24 a risk report); links whose titles resemble a 2568
    # item stay, low.
    d = map_pages([_scan("ita-2565/index.html", f"{H}/ita-2565/index.html", "ITA 2565")], cat2568, [2568])
    assert d.found and d.warnings and "ITA 2565" in d.warnings[0] and "no item mapping" in d.warnings[0]
    assert d.listing.year == 2565 and d.listing.titles_only
    assert {link.confidence for links in d.items.values() for link in links} == {LOW}
    assert {link.signal for links in d.items.values() for link in links} == {"title"}
    assert d.items["O24"] == ()
    assert not any(link.url.endswith("hr-plan-2565.pdf") for link in d.items["O24"])


# ---------------------------------------------------------------- crawling the fixture site


async def _discover(base: str, cat: Catalogue, settings: CrawlSettings | None = None, *,
                    transport: httpx.AsyncBaseTransport | None = None):
    fs = FetchSettings(retries=0)
    async with build_client(fs, transport=transport or HostMapTransport({HOST: base})) as client:
        return await discover(HOME, cat, Fetcher(client, fs), fiscal_year=2568, settings=settings)


async def test_crawl_finds_the_ita_page_and_maps_it_exactly(site_base: str, cat2568: Catalogue) -> None:
    d = await _discover(site_base, cat2568)
    assert _simple(d.items) == EXPECTED
    assert d.index_pages == (f"{H}/ita-2568/index.html",)
    assert d.home_title.startswith("หน้าหลัก")
    # Home, the ITA 2568 page and the information centre; the stale ITA 2565 page is never fetched.
    assert set(d.pages_fetched) == {HOME, f"{H}/ita-2568/index.html", f"{H}/info-center.html"}
    assert (f"{H}/ita-2565/index.html", SKIP_STALE) in d.skipped
    assert d.errors == ()


async def test_crawl_bounds(site_base: str, cat2568: Catalogue) -> None:
    d = await _discover(site_base, cat2568, CrawlSettings(max_pages=1))
    assert d.pages_fetched == (HOME,) and not d.index_pages
    d = await _discover(site_base, cat2568, CrawlSettings(max_depth=0))
    assert d.pages_fetched == (HOME,) and not d.index_pages
    # Only the home page read: its menu entries titled like items give those items low links.
    assert d.listing.menus == ("O1", "O2", "O3", "O4", "O10")


async def test_robots_txt_splash_page_and_redirect(cat2568: Catalogue) -> None:
    ita = "<title>ITA 2568</title>" + "".join(f"<p><a href='/d{n}.pdf'>O{n} เอกสาร</a></p>" for n in range(1, 6))
    pages = {
        "/robots.txt": ("text/plain", "User-agent: *\nDisallow: /private/\n"),
        "/": ("text/html", "<title>อบต.ทดสอบ</title><a href='/main.html'>เข้าสู่เว็บไซต์</a>"),  # splash page
        "/main.html": ("text/html", "<a href='/private/ita.html'>ITA เก่า</a><a href='/ita'>ITA 2568</a>"),
        "/ita/": ("text/html", ita),
    }
    requested: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requested.append(request.url.path)
        if request.url.path == "/ita":
            return httpx.Response(301, headers={"location": "/ita/"})
        kind, body = pages.get(request.url.path, ("text/html", "not found"))
        return httpx.Response(200 if request.url.path in pages else 404, headers={"content-type": kind},
                              content=body.encode())

    d = await _discover("", cat2568, transport=httpx.MockTransport(handler))
    assert "/private/ita.html" not in requested
    assert (f"{H}/private/ita.html", SKIP_ROBOTS) in d.skipped
    assert d.index_pages == (f"{H}/ita/",)
    assert [link.url for link in d.items["O5"]] == [f"{H}/d5.pdf"]


def test_a_2568_listing_that_ends_with_o28_keeps_it(cat2568: Catalogue) -> None:
    """2568 O28 (the report on O27's measures) is on some agencies' listings only: named with a link, it is
    mapped and drafted like any item, and its code is no sign of another scheme (the catalogue ends at O28)."""
    names = {i.id: i.name_th for i in cat2568.items}
    rows = "".join(f"<tr><td>O{n}</td><td><a href='/oit/o{n}.pdf'>{names[f'O{n}']}</a></td></tr>"
                   for n in range(24, 29))
    html = f"<title>ITA 2568</title><h1>OIT ประจำปี 2568</h1><table>{rows}</table>"
    page = scan_page(html, f"{H}/ita-2568/", via_text="ITA 2568", depth=1)
    d = map_pages([page], cat2568, [2568])
    assert not d.other_schemes and d.index_pages == (f"{H}/ita-2568/",)
    assert _simple(d.items)["O28"] == [(f"{H}/oit/o28.pdf", MEDIUM, "row")]  # the row names the code
    assert [link.url for link in d.items["O27"]] == [f"{H}/oit/o27.pdf"]
    text = render_manifest(d, cat2568, name="อบต.ทดสอบ", home=HOME, fiscal_year=2568)
    assert f'O28 = [\n    "{H}/oit/o28.pdf",  # confidence: medium' in text
    assert "#   O28" not in text  # not among the items with no link


# ---------------------------------------------------------------- the manifest and the command


def test_rendered_manifest_loads_and_says_why(cat2568: Catalogue, tmp_path: Path) -> None:
    pages = [_scan("ita-2568/index.html", f"{H}/ita-2568/index.html", "ITA 2568")]
    d = map_pages(pages, cat2568, [2568])
    text = render_manifest(d, cat2568, name='อบต.หนองบัว "ทดสอบ"', home=HOME, fiscal_year=2568)
    path = tmp_path / "draft.toml"
    path.write_text(text, encoding="utf-8")
    (agency,) = load_manifests([path], cat2568.ids)
    assert agency.name == 'อบต.หนองบัว "ทดสอบ"' and agency.fiscal_year == 2568 and agency.home == HOME
    # Every item but O28, which only some agencies list and which nothing here names.
    assert set(agency.items) == set(cat2568.ids) - {"O28"} and "O28" not in text
    assert agency.items["O5"] == ()
    assert agency.items == {k: tuple(u for u, _, _ in v) for k, v in EXPECTED.items()}
    assert '# confidence: high — link text "o๒๔ รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริต' in text
    assert "# confidence: low — title" in text
    assert text.rstrip().endswith("#   O5 แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน  (named by the listing, without a link)")
    assert "# Listing year: 2568 (named by the listing read)." in text


def test_more_urls_than_itas_takes_are_commented_out(cat2568: Catalogue, tmp_path: Path) -> None:
    body = "<title>ITA 2568</title><h3>O12 จัดซื้อ</h3><ul>" + "".join(
        f"<li><a href='/m{n}.pdf'>เดือน {n}</a></li>" for n in range(1, 8)) + "</ul>" + FILLER
    d = map_pages([scan_page(body, "https://www.x.go.th/ita/")], cat2568, [2568])
    path = tmp_path / "m.toml"
    path.write_text(render_manifest(d, cat2568, name="x", home="https://www.x.go.th/", fiscal_year=2568),
                    encoding="utf-8")
    (agency,) = load_manifests([path], cat2568.ids)
    assert len(agency.items["O12"]) == 5
    text = path.read_text(encoding="utf-8")
    assert "m6.pdf" in text and "not listed" in text


# ---------------------------------------------------------------- the listing's year decides what a code means


def _rules(*, fixed: int | None = None) -> RuleSet:
    years = (2568, 2569)
    mapping = YearMapping(2568, 2569, load_mapping(2568, 2569), "mapping-2568-2569.toml")
    catalogues = {y: load_catalogue(catalogue_path_for(y)) for y in years if fixed in (None, y)}
    return RuleSet(catalogues, {(2568, 2569): mapping}, fixed=fixed is not None)


async def _discover_years(base: str, rules: RuleSet, fiscal_year: int | None = None):
    fs = FetchSettings(retries=0)
    async with build_client(fs, transport=HostMapTransport({HOST: base})) as client:
        return await discover(HOME, rules, Fetcher(client, fs), fiscal_year=fiscal_year, fallback_fiscal_year=2570)


async def test_a_2568_listing_asked_for_2569_is_mapped_never_by_equal_number(site_base: str) -> None:
    d = await _discover_years(site_base, _rules(fixed=2569))
    assert d.criteria_year == 2569 and d.listing.year == 2568 and d.listing.carried is not None
    assert any("mapping-2568-2569.toml" in w and "never by equal number" in w for w in d.warnings)
    mapping = load_mapping(2568, 2569)
    # Each 2568 item's links land on its 2569 successor: 2568 O24 (found by its code) is 2569 O22.
    for old, links in EXPECTED.items():
        m = mapping[old]
        if m.dropped:
            continue
        urls = {link.url for link in d.items[m.target]}
        assert {u for u, _, _ in links} <= urls, (old, m.target)
    assert {u for u, _, _ in EXPECTED["O24"]} <= {link.url for link in d.items["O22"]}
    # A link known by its title alone is matched against the 2569 titles: 2568 O25's plan is 2569 O23.
    assert {u for u, _, _ in EXPECTED["O25"]} <= {link.url for link in d.items["O23"]}
    o24 = {link.url for link in d.items["O24"]}
    assert not ({u for u, _, _ in EXPECTED["O24"]} & o24)  # 2568's O24 is 2569's O22, not O24
    assert {link.confidence for links in d.items.values() for link in links} == {LOW}
    carried = [link for links in d.items.values() for link in links if link.signal != "title"]
    assert carried and all("ITA 2568 O" in link.why and "→ ITA 2569 O" in link.why for link in carried)
    assert d.items["O25"] == ()  # new in 2569: nothing in a 2568 listing answers it


async def test_with_no_year_asked_the_listings_own_criteria_are_used(site_base: str) -> None:
    d = await _discover_years(site_base, _rules())
    assert d.criteria_year == 2568 and d.fiscal_year == 2568
    assert _simple(d.items) == EXPECTED  # exactly what a 2568 discovery finds
    assert "2568" in d.year_note and "--fiscal-year" in d.year_note


# ---------------------------------------------------------------- the pieces behind the shapes (pure)


def test_loose_code_forms_count_only_in_an_oit_listing_section(cat2568: Catalogue) -> None:
    body = """<h2>OIT ประจำปี 2568</h2><table><tr><th>ลำดับ</th><th>ชื่อเอกสาร</th></tr>
        <tr><td>1</td><td><a href="/a.pdf">001 โครงสร้าง</a></td></tr>
        <tr><td>2</td><td><a href="/b.pdf">O.2 ข้อมูลผู้บริหาร</a></td></tr>
        <tr><td>3</td><td><a href="/c.pdf">ข้อ 3 ข้อมูลการติดต่อ</a></td></tr>
        <tr><td>4</td><td><a href="/d.pdf">6. แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568</a></td></tr></table>
      <h2>แบบฟอร์มสำหรับประชาชน</h2><table><tr><th>ลำดับ</th><th>ชื่อเอกสาร</th></tr>
        <tr><td>1</td><td><a href="/f12.pdf">12. แบบคำร้องขอใช้รถบรรทุกน้ำ</a></td></tr>
        <tr><td>2</td><td><a href="/f18.pdf">ข้อ 18 แบบคำร้องขอรับการช่วยเหลือ</a></td></tr></table>"""
    got = _map(body, cat2568, title="OIT ประจำปี 2568")
    assert got["O1"] == [("https://www.x.go.th/a.pdf", HIGH, "code")]
    assert got["O3"] == [("https://www.x.go.th/c.pdf", HIGH, "code")]
    assert got["O6"] == [("https://www.x.go.th/d.pdf", HIGH, "code")]
    drafted = {u for v in got.values() for u, _, _ in v}
    assert "https://www.x.go.th/f12.pdf" not in drafted and "https://www.x.go.th/f18.pdf" not in drafted


def test_tab_panes_belong_to_their_tab_year(cat2568: Catalogue) -> None:
    def pane(year: int, n: int) -> str:
        rows = "".join(f"<p><strong>O{i} รายการ</strong></p><p>– <a href='/{year}/o{i}.pdf'>เอกสาร</a></p>"
                       for i in range(1, 4))
        return (f"<div class='elementor-tab-title elementor-tab-mobile-title'>ปีงบประมาณ พ.ศ. {year}</div>"
                f"<div id='c{n}' class='elementor-tab-content' role='tabpanel' aria-labelledby='t{n}'>{rows}</div>")

    titles = "".join(f"<div id='t{n}' class='elementor-tab-title'><a href=''>ปีงบประมาณ พ.ศ. {y}</a></div>"
                     for n, y in enumerate((2569, 2568, 2567)))
    body = f"<div class='tabs'>{titles}</div><div class='panes'>{pane(2569, 0)}{pane(2568, 1)}{pane(2567, 2)}</div>"
    html = f"<html><head><title>ITA</title></head><body>{body}</body></html>"
    page = scan_page(html, "https://www.x.go.th/ita/")
    years = {a.url.rsplit("/", 2)[1]: a.section_years for a in page.anchors}
    assert years == {"2569": (2569,), "2568": (2568,), "2567": (2567,)}
    d = map_pages([page], cat2568, [2568])
    assert d.listing.year == 2568
    assert [link.url for link in d.items["O2"]] == ["https://www.x.go.th/2568/o2.pdf"]
    # Without the mobile titles, the panes' aria-labelledby names their tab.
    page = scan_page(html.replace("elementor-tab-mobile-title'>ปีงบประมาณ", "x'>ปี"), "https://www.x.go.th/ita/")
    assert {a.url.rsplit("/", 2)[1]: a.section_years for a in page.anchors}["2567"] == (2567,)


def test_other_schemes_are_set_aside(cat2568: Catalogue) -> None:
    from oit_checker.discover.schemes import Scheme, page_scheme

    moit = "".join(f"<div><a tabindex='0'>MOIT {n} ตัวชี้วัด</a><ul><li><a href='/MOIT{n}-1.pdf'>เอกสาร</a></li></ul>"
                   "</div>" for n in range(1, 23))
    page = scan_page(f"<title>ITA 2568 กระทรวงสาธารณสุข</title><h1>ITA 2568</h1>{moit}", "https://www.x.go.th/moit/")
    assert page_scheme(page, 27).scheme is Scheme.MOIT
    d = map_pages([page], cat2568, [2568])
    assert not d.found and d.other_schemes[0].url == "https://www.x.go.th/moit/"
    school = "".join(f"<tr><td>O{n}</td><td><a href='/s{n}.pdf'>เปิด</a></td></tr>" for n in range(1, 44))
    page = scan_page(f"<title>ITA Online</title><h1>ITA Online 2568 ของสถานศึกษา</h1><table>{school}</table>",
                     "https://www.x.ac.th/ita-2568/")
    verdict = page_scheme(page, 27)
    assert verdict.scheme is Scheme.VARIANT and verdict.label == "school ITA Online (O1–O43)"
    assert all(v == () for v in map_pages([page], cat2568, [2568]).items.values())
    links = "".join(f"<p><a href='/o{n}'>O{n} เอกสาร</a></p>" for n in range(1, 28))
    nacc = scan_page(f"<title>ITA 2568</title>{links}", "https://www.x.go.th/ita/")
    assert page_scheme(nacc, 27).scheme is Scheme.NACC


def test_titles_variants_and_exclusions(cat2568: Catalogue) -> None:
    from oit_checker.discover.titles import Titles

    titles = Titles(cat2568)
    assert titles.match("นโยบายไม่รับของขวัญ no gift policy") == ("O21", "นโยบายไม่รับของขวัญ")
    assert titles.match("ผลการดำเนินการจัดการความเสี่ยงการทุจริต") == ("O24", "ผลการดำเนินการจัดการความเสี่ยง")
    assert titles.match("แผนอัตรากำลัง 3 ปี (พ.ศ. 2567 - 2569)") is None  # O14's not_titles
    assert titles.match("แผนการจัดหาพัสดุ") is None  # O12's not_titles
    hit = titles.hit("ประเมินความเสี่ยงการทุจริตฯ")
    assert hit is not None and hit.item == "O23" and hit.exact


@pytest.mark.parametrize(("rules", "titles", "chosen"), [
    (("first_half_current",), ["จัดซื้อ ประจำเดือนเมษายน 2568", "จัดซื้อ ไตรมาสที่ 2 (มกราคม - มีนาคม 2568)",
                               "จัดซื้อ ไตรมาสที่ 1 (ตุลาคม - ธันวาคม 2567)", "จัดซื้อ ไตรมาสที่ 4 (กรกฎาคม - กันยายน 2567)"],
     [1, 2]),
    (("previous", "first_half_current"), ["รายงาน รอบ 6 เดือน (ตุลาคม 2567 - มีนาคม 2568)",
                                          "รายงาน ประจำปีงบประมาณ 2567", "รายงาน ประจำปีงบประมาณ 2566"], [0, 1]),
    (("previous",), ["สถิติ รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2568", "สถิติ ประจำปีงบประมาณ พ.ศ. 2567"], [1]),
    (("covers_current",), ["แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570) เพิ่มเติม ครั้งที่ 1/2568",
                           "แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570)", "แผนพัฒนาท้องถิ่นสี่ปี (พ.ศ. 2561 - 2565)"], [1]),
    (("current",), ["อบรม ประจำปีงบประมาณ พ.ศ. 2568", "ประมวลจริยธรรมของพนักงาน", "อบรม ประจำปีงบประมาณ พ.ศ. 2567"],
     [0, 1]),
    (("none",), ["รายงานการรับของขวัญ พ.ศ. 2568", "รายงานการรับของขวัญ พ.ศ. 2567", "คู่มือ กองคลัง"], [0, 2]),
])  # fmt: skip
def test_posts_of_the_period_an_item_asks_for(rules: tuple[str, ...], titles: list[str], chosen: list[int]) -> None:
    from oit_checker.discover.periods import choose
    from oit_checker.model import FiscalYearRule

    assert choose(titles, [FiscalYearRule(r) for r in rules], 2568) == chosen


def test_menu_entries_lead_to_the_posts_of_the_year(cat2568: Catalogue) -> None:
    home = scan_page("<title>อบต.</title><nav><a href='/menu/1156'>แผนการดำเนินงาน</a>"
                     "<a href='/menu/1149'>แผนอัตรากำลัง 3 ปี</a><a href='/news'>ข่าวประชาสัมพันธ์</a></nav>",
                     "https://www.x.go.th/", depth=0)
    category = scan_page("<title>แผนการดำเนินงาน</title><nav><a href='/'>หน้าหลัก</a></nav><div id='content'>"
                         "<h2>แผนการดำเนินงาน</h2><h4><a href='/post/1'>แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568</a></h4>"
                         "<h4><a href='/post/2'>แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2567</a></h4></div>",
                         "https://www.x.go.th/menu/1156", depth=1)
    d = map_pages([home, category], cat2568, [2568], fiscal_year=2568)
    assert _simple(d.items)["O6"] == [("https://www.x.go.th/post/1", LOW, "menu")]
    assert _simple(d.items)["O4"] == [("https://www.x.go.th/news", LOW, "menu")]  # the page itself (page = true)
    assert _simple(d.items)["O14"] == []  # a 3-year manpower plan is not O14
    assert d.listing.menus == ("O4", "O6") and d.found and not d.index_pages
    # A category holding only other years' posts gives nothing, and the draft says where to look.
    old = scan_page("<title>x</title><div><h4><a href='/post/2'>แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2567</a></h4>"
                    "</div>", "https://www.x.go.th/menu/1156", depth=1)
    d = map_pages([home, old], cat2568, [2568], fiscal_year=2568)
    assert d.items["O6"] == () and "no post of the period asked" in d.hints["O6"]
    text = render_manifest(d, cat2568, name="x", home="https://www.x.go.th/", fiscal_year=2568)
    assert '#   O6 แผนการดำเนินงาน/แผนปฏิบัติและการใช้งบประมาณประจำปี  — menu entry "แผนการดำเนินงาน"' in text
    # Not read (yet): the entry itself, low, says so.
    d = map_pages([home], cat2568, [2568])
    assert d.items["O6"][0].url == "https://www.x.go.th/menu/1156" and "page not read" in d.items["O6"][0].why


def test_a_download_folder_is_a_page_not_a_file() -> None:
    from oit_checker.discover.menus import is_file_url

    assert not is_file_url("http://www.x.go.th/webs/th/grouppage/1/download/C00012/")
    assert is_file_url("http://www.x.go.th/webs/files/download/C00012/2568011001.pdf")
    assert is_file_url("http://www.x.go.th/docs/file/6c96fa239bc7a81fc63c")
    assert not is_file_url("http://www.x.go.th/public/list/data/index/menu/1150")


def test_pure_listing_carried_through_a_mapping() -> None:
    cat2569 = load_catalogue(catalogue_path_for(2569))
    mapping = YearMapping(2568, 2569, load_mapping(2568, 2569), "mapping-2568-2569.toml")
    rows = "".join(f"<tr><td>O{n}</td><td><a href='/f{n}.pdf'>เปิด</a></td></tr>" for n in range(10, 15))
    page = scan_page(f"<title>ITA ปี 2568</title><table>{rows}</table>", "https://www.x.go.th/ita/2568")
    d = map_pages([page], cat2569, [2569], mappings={2568: mapping})
    assert d.listing.year == 2568 and d.listing.carried == mapping
    got = {k: [u for u, _, _ in v] for k, v in _simple(d.items).items() if v}
    # 2568 O10 → O10, O11 → nothing, O12 → O11, O13 → O12, O14 → O13: never by equal number.
    assert got == {"O10": ["https://www.x.go.th/f10.pdf"], "O11": ["https://www.x.go.th/f12.pdf"],
                   "O12": ["https://www.x.go.th/f13.pdf"], "O13": ["https://www.x.go.th/f14.pdf"]}
    assert {link.confidence for links in d.items.values() for link in links} == {LOW}
    # Without a mapping the codes are not read at all (only titles would be).
    assert not any(map_pages([page], cat2569, [2569]).items.values())


async def test_year_topic_open_chain_is_followed(cat2568: Catalogue) -> None:
    # home → "ITA" → "ITA ปี 2568" (a list of topics, no codes) → a topic page of coded rows with "เปิด" buttons.
    def topic(first: int, last: int) -> str:
        rows = "".join(f"<tr><td>O{n}</td><td>รายการ</td><td><a href='/doc/{n}.pdf'>เปิด</a></td></tr>"
                       for n in range(first, last + 1))
        return f"<title>ITA ปี 2568</title><table>{rows}</table>"

    pages = {
        "/": "<title>เทศบาลตำบลทดสอบ</title><nav><a href='/ita'>ITA</a></nav>",
        "/ita": "<title>ITA</title><main><a href='/ita/2568'>ITA ปี 2568</a></main>",
        "/ita/2568": ("<title>ITA ปี 2568</title><main><h2>ITA ปี 2568</h2><ul>"
                      "<li><a href='/ita/2568/basic'>ข้อมูลพื้นฐาน</a></li>"
                      "<li><a href='/ita/2568/admin'>การบริหารงาน</a></li></ul></main>"),
        "/ita/2568/basic": topic(1, 5),
        "/ita/2568/admin": topic(6, 11),
    }

    def handler(request: httpx.Request) -> httpx.Response:
        body = pages.get(request.url.path)
        if body is None:
            return httpx.Response(404)
        return httpx.Response(200, headers={"content-type": "text/html; charset=utf-8"}, content=body.encode())

    d = await _discover("", cat2568, transport=httpx.MockTransport(handler))
    assert set(d.index_pages) == {f"{H}/ita/2568/basic", f"{H}/ita/2568/admin"}
    assert [link.url for link in d.items["O9"]] == [f"{H}/doc/9.pdf"]
    assert d.listing.year == 2568 and len([i for i, v in d.items.items() if v]) == 11
