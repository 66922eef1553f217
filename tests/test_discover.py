"""Discovery: item codes in labels, the pure mapper on small snippets, and a crawl of a local fixture site
whose ITA page mixes the real-world layouts (fixtures/discover/site, served on 127.0.0.1)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from rich.console import Console

from oit_checker.catalogue.rules import CatalogueError, catalogue_path_for, load_catalogue
from oit_checker.cli.discover import cmd_discover
from oit_checker.cli.main import build_parser, main
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
from oit_checker.fetch.client import Fetcher, FetchSettings, build_client
from oit_checker.model import Catalogue

# These tests pin the English wording of the messages; Thai (the default) is tested in test_cli_ux.py.
pytestmark = pytest.mark.usefixtures("english")

ROOT = Path(__file__).resolve().parent.parent
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
    # The row is there, the link is not. Since ITA 2568 O5 is the strategic/development plan (one source), the
    # information centre's "แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)" is a low-confidence guess for it — and with that third
    # item named by title the information centre counts as an index page too (its other guesses are weaker).
    "O5": [(f"{H}/files/info/local-dev-plan-2566-2570.pdf", LOW, "title")],
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
        ("O.24", "O24"), ("OIT 3 อำนาจหน้าที่", "O3"), ("OIT1", "O1"), ("MOIT 1 นโยบาย", "O1"),
        ("o๒๔ รายงานผล", "O24"), ("ข้อ ๒๖ รายงาน", "O26"), ("ข้อที่ 5", "O5"), ("027 หลักเกณฑ์การประเมิน", "O27"),
        ("(O11) ข้อมูลสถิติ", "O11"),
        # not a code, or more than one
        ("ITA 2568", None), ("OIT 2568", None), ("ISO 9001", None), ("O21-O22 No Gift", None),
        ("ข้อมูล 24 รายการ", None), ("รายงาน ข้อ 5", None), ("๒๔", None), ("029ประกาศหลักเกณฑ์", None),
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
        <div class="card"><div class="card-header"><a data-toggle="collapse" href="#l1">MOIT 11 สถิติ</a></div>
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


def test_menu_chrome_is_not_title_matched(cat2568: Catalogue) -> None:
    body = """<nav><a href="/contact">ติดต่อเรา</a><a href="/news">ข่าวประชาสัมพันธ์</a></nav>
      <p><a href="/o1">O1 โครงสร้าง</a> <a href="/o2">O2</a> <a href="/o9">O9</a></p>"""
    got = _map(body, cat2568)
    assert got["O3"] == [] and got["O4"] == []


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
    assert d.index_pages == (f"{H}/ita-2568/index.html", f"{H}/info-center.html")
    # The stale page was read here (pure test) and is ignored: none of its links made it in.
    assert d.stale_pages == ((f"{H}/ita-2565/index.html", (2565,)),)
    assert not any("ita2565" in link.url for links in d.items.values() for link in links)
    # O28 (only on some agencies' listings) is not missed when no link names it.
    assert d.missing == () and "O28" not in d.items
    assert d.counts() == {HIGH: 4, MEDIUM: 18, LOW: 5}


def test_only_a_stale_page_gives_low_guesses_and_a_warning(cat2568: Catalogue) -> None:
    d = map_pages([_scan("ita-2565/index.html", f"{H}/ita-2565/index.html", "ITA 2565")], cat2568, [2568])
    assert d.found and d.warnings and "ITA 2565" in d.warnings[0]
    assert {link.confidence for links in d.items.values() for link in links} == {LOW}
    assert d.items["O24"][0].url == f"{H}/files/ita2565/hr-plan-2565.pdf"


# ---------------------------------------------------------------- crawling the fixture site


async def _discover(base: str, cat: Catalogue, settings: CrawlSettings | None = None, *,
                    transport: httpx.AsyncBaseTransport | None = None):
    fs = FetchSettings(retries=0)
    async with build_client(fs, transport=transport or HostMapTransport({HOST: base})) as client:
        return await discover(HOME, cat, Fetcher(client, fs), fiscal_year=2568, settings=settings)


async def test_crawl_finds_the_ita_page_and_maps_it_exactly(site_base: str, cat2568: Catalogue) -> None:
    d = await _discover(site_base, cat2568)
    assert _simple(d.items) == EXPECTED
    assert d.index_pages == (f"{H}/ita-2568/index.html", f"{H}/info-center.html")
    assert d.home_title.startswith("หน้าหลัก")
    # Home, the ITA 2568 page and the information centre; the stale ITA 2565 page is never fetched.
    assert set(d.pages_fetched) == {HOME, f"{H}/ita-2568/index.html", f"{H}/info-center.html"}
    assert (f"{H}/ita-2565/index.html", SKIP_STALE) in d.skipped
    assert d.errors == ()


async def test_crawl_bounds(site_base: str, cat2568: Catalogue) -> None:
    d = await _discover(site_base, cat2568, CrawlSettings(max_pages=1))
    assert d.pages_fetched == (HOME,) and not d.found
    d = await _discover(site_base, cat2568, CrawlSettings(max_depth=0))
    assert d.pages_fetched == (HOME,) and not d.found


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
    assert agency.items["O5"] == ()  # the ITA page alone: the information centre was not read
    assert agency.items == {k: tuple(u for u, _, _ in v) for k, v in EXPECTED.items() if k != "O5"} | {"O5": ()}
    assert '# confidence: high — link text "o๒๔ รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริต' in text
    assert "# confidence: low — title" in text
    assert text.rstrip().endswith("#   O5 แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน")


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


def _run_cli(argv: list[str], base: str) -> tuple[int, str]:
    args = build_parser().parse_args(argv)
    out = io.StringIO()
    code = cmd_discover(args, Console(file=out), transport=HostMapTransport({HOST: base}))
    return code, out.getvalue()


def test_command_writes_the_draft(site_base: str, cat2568: Catalogue, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "agency.toml"
    code, out = _run_cli(["discover", HOME, "--fiscal-year", "2568", "--delay", "0", "--output", str(target)],
                         site_base)
    assert code == 0 and out == ""
    (agency,) = load_manifests([target], cat2568.ids)
    assert agency.name == "องค์การบริหารส่วนตำบลหนองบัว อำเภอหนองบัวแดง จังหวัดชัยภูมิ"
    assert agency.items["O24"] == (f"{FILES}/risk-report-2568.pdf",)
    err = capsys.readouterr().err
    assert "27 of 27 items have a link" in err and "no link" not in err
    assert "ita-2565" in err  # says which stale page it did not read
    assert "Not read (an older ITA year" in target.read_text(encoding="utf-8")


def test_command_to_stdout_with_name_and_nothing_found(site_base: str, cat2568: Catalogue) -> None:
    code, out = _run_cli(["discover", HOST, "--criteria", "2568", "--name", "อบต.หนองบัว", "--delay", "0",
                          "--max-pages", "1"], site_base)
    assert code == 1  # only the home page was read: no ITA page
    assert 'name = "อบต.หนองบัว"' in out and "No ITA/OIT page was found" in out
    assert out.count("= []  # no link found") == 27


@pytest.mark.parametrize("argv", [["discover", "ftp://www.x.go.th/"], ["discover", "not a url"],
                                  ["discover", "https://www.x.go.th/", "--max-pages", "0"],
                                  ["discover", "https://www.x.go.th/", "--criteria", "2400"]])
def test_usage_errors_exit_2(argv: list[str]) -> None:
    assert main(argv) == 2


def test_home_written_with_the_scheme_that_worked(site_base: str) -> None:
    # An http-only LAO host (§3): https cannot connect, the fetcher falls back to http, the manifest says http.
    inner = HostMapTransport({HOST: site_base})

    class HttpOnly(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            if request.url.scheme == "https":
                raise httpx.ConnectError("connection refused", request=request)
            return await inner.handle_async_request(request)

    args = build_parser().parse_args(["discover", f"https://{HOST}/", "--fiscal-year", "2568", "--delay", "0"])
    out = io.StringIO()
    assert cmd_discover(args, Console(file=out), transport=HttpOnly()) == 0
    assert f'home = "http://{HOST}/"' in out.getvalue()


def test_summary_table(cat2568: Catalogue) -> None:
    from oit_checker.cli.discover import print_summary

    d = map_pages([_scan("ita-2568/index.html", f"{H}/ita-2568/index.html", "ITA 2568")], cat2568, [2568])
    buf = io.StringIO()
    print_summary(Console(file=buf, width=200, no_color=True), d, table=True)
    text = buf.getvalue()
    assert "links found per item" in text and "missing" in text and "risk-report-2568.pdf" in text
    assert "26 of 27 items have a link (best: 4 high, 18 medium, 4 low); no link: O5" in text


# ---------------------------------------------------------------- the listing's year decides what a code means


def _catalogue_for(year: int) -> Catalogue | None:
    try:
        return load_catalogue(catalogue_path_for(year))
    except CatalogueError:
        return None


async def _discover_years(base: str, cat: Catalogue, *, fixed: bool):
    from oit_checker.catalogue.mapping import load_mapping

    fs = FetchSettings(retries=0)
    async with build_client(fs, transport=HostMapTransport({HOST: base})) as client:
        return await discover(HOME, cat, Fetcher(client, fs), fiscal_year=cat.criteria_year,
                              catalogue_for=_catalogue_for, mapping_for=load_mapping, year_fixed=fixed)


async def test_a_2568_listing_asked_for_2569_is_mapped_never_by_equal_number(site_base: str) -> None:
    from oit_checker.catalogue.mapping import load_mapping

    cat2569 = load_catalogue(catalogue_path_for(2569))
    d = await _discover_years(site_base, cat2569, fixed=True)
    assert d.criteria_year == 2569 and d.listing_years == (2568,)
    assert any("mapping-2568-2569.toml" in w and "never by equal number" in w for w in d.warnings)
    mapping = load_mapping(2568, 2569)
    # Each 2568 item's links land on its 2569 successor: 2568 O25 (found by its code) is 2569 O23.
    for old, links in EXPECTED.items():
        m = mapping[old]
        if m.dropped:
            continue
        urls = {link.url for link in d.items[m.target]}
        assert {u for u, _, _ in links} <= urls, (old, m.target)
    o23 = {link.url for link in d.items["O23"]}
    assert {u for u, _, _ in EXPECTED["O25"]} <= o23
    assert not ({u for u, _, _ in EXPECTED["O23"]} & o23)  # 2568's O23 is 2569's O21, not O23
    assert all("ITA 2568 O" in link.why for links in d.items.values() for link in links)
    assert d.items["O25"] == ()  # new in 2569: nothing in a 2568 listing answers it


async def test_with_no_year_asked_the_listings_own_criteria_are_used(site_base: str) -> None:
    cat2569 = load_catalogue(catalogue_path_for(2569))
    d = await _discover_years(site_base, cat2569, fixed=False)
    assert d.criteria_year == 2568
    assert _simple(d.items) == EXPECTED  # exactly what a 2568 discovery finds
    assert any("ITA 2568" in w and "criteria" in w for w in d.warnings)


def test_command_without_a_year_drafts_for_the_listings_year(site_base: str, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from oit_checker.text import clock

    monkeypatch.setattr(clock, "today", lambda: date(2026, 12, 3))  # FY 2570: the ITA 2569 criteria by default
    target = tmp_path / "agency.toml"
    code, _ = _run_cli(["discover", HOST, "--host-delay", "0", "--output", str(target)], site_base)
    assert code == 0
    draft = target.read_text(encoding="utf-8")
    assert "# ITA 2568 criteria" in draft and "fiscal_year = 2568" in draft
    (agency,) = load_manifests([target], load_catalogue(catalogue_path_for(2568)).ids)
    assert agency.fiscal_year == 2568
    code, _ = _run_cli(["discover", HOST, "--criteria", "2569", "--host-delay", "0", "--output", str(target)],
                       site_base)
    draft = target.read_text(encoding="utf-8")
    assert "# ITA 2569 criteria" in draft and "mapping-2568-2569.toml" in draft
