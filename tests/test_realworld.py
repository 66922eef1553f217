"""End to end on the shapes Thai agency sites really publish OIT evidence in (real-world-publishing.md).

A fixture site (fixtures/realworld/: one folder per host plus routes.toml for query strings, redirects
and content types) is served on 127.0.0.1, one small server per host, and `HostMapTransport` sends each
agency host, drive.google.com, accounts.google.com … to its server, so every URL in the pages is the
real-looking one. Nothing leaves the machine: a request for any other host fails at once and is recorded.

Every agency below submits one URL for one item; each test asserts the exact document the pipeline
reached and the verdict. The documents are the corpus's real Thai files (see fixtures/realworld/README.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import threading
import tomllib
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qsl, quote, unquote

import httpx
import pytest

from oit_checker.demo import HostMapTransport, StaticFileHandler
from oit_checker.engine.session import RunOptions, run_agencies
from oit_checker.extract import ocr
from oit_checker.fetch.client import FetchSettings
from oit_checker.follow.choose import FollowSettings
from oit_checker.model import (
    Agency,
    AgencyResult,
    Catalogue,
    Component,
    Confidence,
    DocKind,
    EvidenceRule,
    Finding,
    FiscalYearRule,
    Item,
    Retrieved,
    RunResult,
    Status,
)

HERE = Path(__file__).resolve().parent.parent / "fixtures" / "realworld"
FY = 2569

# ---------------------------------------------------------------- the items (not the real catalogue)

PLAN = Item(
    id="O25", name_th="แผนปฏิบัติการป้องกันการทุจริต", name_en="Anti-corruption action plan", indicator=10,
    sub_indicator="10.2", confidence=Confidence.CONFIRMED, fiscal_year_rule=FiscalYearRule.CURRENT,
    fiscal_year_confidence=Confidence.CONFIRMED,
    title_phrases=("แผนปฏิบัติการป้องกันการทุจริต", "แผนปฏิบัติการป้องกันปราบปรามการทุจริต", "แผนป้องกันการทุจริต"),
    components=(
        Component("projects", "โครงการ/กิจกรรม", "Projects", ("โครงการ", "กิจกรรม"), confidence=Confidence.CONFIRMED),
        Component("budget", "งบประมาณ", "Budget", ("งบประมาณ (บาท)", "ไม่ใช้งบประมาณ"),
                  confidence=Confidence.CONFIRMED),
        Component("period", "ระยะเวลาดำเนินการ", "Timeframe", ("ระยะเวลาดำเนินการ", "ไตรมาส"),
                  confidence=Confidence.CONFIRMED),
    ),
    evidence=EvidenceRule(min_chars=300, min_pages=2),
)
PROCUREMENT = Item(
    id="O12", name_th="แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ", name_en="Procurement plan", indicator=9,
    sub_indicator="9.3", confidence=Confidence.CONFIRMED, fiscal_year_rule=FiscalYearRule.CURRENT,
    fiscal_year_confidence=Confidence.CONFIRMED, title_phrases=("แผนการจัดซื้อจัดจ้าง", "แผนการจัดหาพัสดุ"),
    components=(Component("items", "รายการจัดซื้อจัดจ้าง", "Items", ("รายการจัดซื้อ", "รายการพัสดุ"),
                          confidence=Confidence.CONFIRMED),),
)
CATALOGUE = Catalogue(criteria_year=FY, version="realworld-test", source="tests/test_realworld.py",
                      items=(PROCUREMENT, PLAN))

# ---------------------------------------------------------------- the agencies: slug → {item: URL}

ROIET = "https://www.roiet-demo.go.th/roiet"
CMAREA = "https://www.cmarea3-demo.go.th/2567"
PHU = "http://www.phukradung-demo.go.th"
SONG = "https://www.song-demo.go.th"
BANKLONG = "https://www.banklong-demo.go.th"
GSITE = "https://sites.google.com/huafai-demo.ac.th/ita-2569/o25-แผนปฏบตการปองกนการทจรต"
EGP = ("http://process3.gprocurement.go.th/egp2procmainWeb/jsp/procsearch.sch?pid=68109345789&servlet=gojsp"
       "&proc_id=ShowHTMLFile&processFlows=Procure")

SUBMITTED: dict[str, dict[str, str]] = {
    "wp-flowpaper": {"O25": f"{ROIET}/archives/5821"},
    "wp-scan": {"O25": f"{ROIET}/archives/5900"},
    "wp-image": {"O25": f"{ROIET}/?p=5950"},
    "wp-slug-year": {"O25": f"{ROIET}/ita-2568/"},
    "ead": {"O25": f"{CMAREA}/?p=18840"},
    "gdocs": {"O25": f"{CMAREA}/?p=18841"},
    "google-sites": {"O25": GSITE},
    "drive-file": {"O25": "https://drive.google.com/file/d/1GsPlan2569AbCdEfGhIj/view?usp=sharing"},
    "drive-big": {"O25": "https://drive.google.com/file/d/1BigPlan2569QrStUvWxYz/preview"},
    "drive-private": {"O25": "https://drive.google.com/open?id=1PrivPlan2569KlMnOpQr"},
    "docs-no-access": {"O25": "https://docs.google.com/document/d/1NeedAccessDoc2569XyZ/edit?usp=sharing"},
    "drive-folder": {"O25": "https://drive.google.com/drive/folders/1FoldPlan2569GhIjKlMn?usp=drive_link"},
    "vendor-ita-index": {"O25": f"{PHU}/public/list/data/index/menu/1620"},
    "vendor-list": {"O25": f"{PHU}/public/list/data/index/menu/1598"},
    "assys-detail": {"O25": "https://www.assys-demo.go.th/Pages/ita_detail/77"},
    "assys-year": {"O25": "https://www.assys-demo.go.th/Pages/ita_year_detail/31"},
    "flipbooks": {"O25": f"{SONG}/o25-flipbooks.html"},
    "cut-url-text": {"O25": f"{SONG}/ita.php?o=25"},
    "image-only-link": {"O25": f"{SONG}/o25-image.html"},
    "content-type-only": {"O25": f"{SONG}/o25-generic.html"},
    "https-fails": {"O25": f"{BANKLONG}/ita-2569/"},
    "http-fails": {"O25": "http://www.roiet-demo.go.th/roiet/archives/5821"},
    "two-years-one-url": {"O25": "http://www.banklong-demo.go.th/ita/"},
    "self-links": {"O25": "https://spbo-demo.moph.go.th/ket/?page_id=26424"},
    "one-url-two-items": {"O25": f"{ROIET}/archives/5821", "O12": f"{ROIET}/archives/5821"},
    "egp-submitted": {"O12": EGP},
    "egp-page": {"O12": f"{PHU}/public/list/data/index/menu/1587"},
    "egp-for-plan": {"O25": EGP},
    "facebook-submitted": {"O25": "https://www.facebook.com/songdemo/posts/pfbid02xYzAbC123"},
    "line-submitted": {"O25": "https://line.me/R/ti/p/@songdemo"},
    "itas-submitted": {"O25": "https://itas.nacc.go.th/go/iit/abc123"},
    "flowpaper-cloud": {"O25": "https://publ.flowpaper.com/0b6e1d2c/Plan-2569/"},
    "facebook-page": {"O25": f"{SONG}/o25-facebook.html"},
    "google-sites-private": {"O25": "https://sites.google.com/huafai-demo.ac.th/ita-2569/o25-private"},
}

PLAN_PDF_ROIET = f"{ROIET}/wp-content/uploads/2025/10/" + quote("แผนปฏิบัติการป้องกันการทุจริต-ปี69-1ตค68_compressed.pdf")
CMAREA_PDF = f"{CMAREA}/wp-content/uploads/2025/10/" + quote("แผนปฏิบัติการป้องกันการทุจริต-ประจำปีงบประมาณ-2569.pdf")


# ---------------------------------------------------------------- the fixture site


def _route_key(target: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    path, _, query = target.partition("?")
    return unquote(path), tuple(sorted(parse_qsl(query, keep_blank_values=True)))


def _routes() -> dict[str, dict[tuple[str, tuple[tuple[str, str], ...]], dict[str, Any]]]:
    by_host: dict[str, dict[tuple[str, tuple[tuple[str, str], ...]], dict[str, Any]]] = {}
    for route in tomllib.loads((HERE / "routes.toml").read_text("utf-8"))["route"]:
        by_host.setdefault(route["host"], {})[_route_key(route["path"])] = route
    return by_host


class _SiteHandler(StaticFileHandler):
    """Routes first, then the host's folder (Thai file names served whatever the locale)."""

    routes: ClassVar[dict[tuple[str, tuple[tuple[str, str], ...]], dict[str, Any]]] = {}

    def do_GET(self) -> None:
        route = self.routes.get(_route_key(self.path))
        if route is not None:
            self._answer(route)
        elif "?" in self.path:
            self.send_error(404)  # a static server would ignore the query and answer the wrong page
        else:
            super().do_GET()

    def _answer(self, route: dict[str, Any]) -> None:
        body = (HERE / route["file"]).read_bytes() if "file" in route else route.get("body", "").encode()
        self.send_response(route.get("status", 200))
        if "location" in route:
            self.send_header("Location", route["location"])
        ctype = route.get("type") or self.guess_type(route.get("file", "x.html"))
        self.send_header("Content-Type", ctype)
        if "disposition" in route:
            self.send_header("Content-Disposition", route["disposition"])
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve_site() -> Iterator[dict[str, str]]:
    """One server per host folder (the transport keeps no host name for a shared one); yields host → base."""
    routes = _routes()
    hosts = sorted({p.name for p in (HERE / "sites").iterdir() if p.is_dir()} | set(routes))
    servers: list[ThreadingHTTPServer] = []
    bases: dict[str, str] = {}
    try:
        for host in hosts:
            handler_cls = type(f"Handler_{host}", (_SiteHandler,), {"routes": routes.get(host, {})})
            handler = functools.partial(handler_cls, directory=str(HERE / "sites" / host))
            server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers.append(server)
            bases[host] = f"http://127.0.0.1:{server.server_address[1]}/"
        yield bases
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


class _Offline(httpx.AsyncBaseTransport):
    """What the mapped transport would send to the internet fails at once, and is remembered."""

    def __init__(self, strays: list[str]) -> None:
        self.strays = strays
        self.inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host != "127.0.0.1":
            self.strays.append(str(request.url))
            raise httpx.ConnectError(f"offline test: {request.url.host} is not part of the fixture site",
                                     request=request)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


class _OneScheme(httpx.AsyncBaseTransport):
    """Hosts that listen on one scheme only: LAO hosts with no TLS at all (9 of ~22 hosts in the sample), and
    hosts that closed port 80. The other scheme cannot connect."""

    def __init__(self, inner: httpx.AsyncBaseTransport, refused: set[tuple[str, str]]) -> None:
        self.inner = inner
        self.refused = refused  # (scheme, host)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if (request.url.scheme, request.url.host) in self.refused:
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def agencies(submitted: dict[str, dict[str, str]]) -> list[Agency]:
    return [Agency(name=slug, home=None, items={k: (v,) for k, v in items.items()}, fiscal_year=FY, slug=slug)
            for slug, items in submitted.items()]


def run(submitted: dict[str, dict[str, str]], bases: dict[str, str], strays: list[str],
        follow: FollowSettings | None = None) -> RunResult:
    refused = {("https", "www.banklong-demo.go.th"), ("https", "www.phukradung-demo.go.th"),
               ("http", "www.roiet-demo.go.th")}
    transport = _OneScheme(HostMapTransport(bases, inner=_Offline(strays)), refused)
    options = RunOptions(fetch=FetchSettings(backoff_base_s=0.01, backoff_max_s=0.02),
                         follow=follow or FollowSettings(), extract_workers=0, agencies_at_once=8)
    return asyncio.run(run_agencies(agencies(submitted), CATALOGUE, FY, options, transport=transport))


@pytest.fixture(scope="module")
def site() -> Iterator[dict[str, str]]:
    with serve_site() as bases:
        yield bases


@pytest.fixture(scope="module")
def checked(site: dict[str, str]) -> tuple[dict[str, AgencyResult], list[str]]:
    strays: list[str] = []
    result = run(SUBMITTED, site, strays)
    return {a.agency.slug: a for a in result.agencies}, strays


# ---------------------------------------------------------------- helpers


def finding(checked: tuple[dict[str, AgencyResult], list[str]], slug: str, item: str = "O25") -> Finding:
    return next(f for f in checked[0][slug].findings if f.item == item)


def retrieved(checked: tuple[dict[str, AgencyResult], list[str]], slug: str, item: str = "O25") -> list[Retrieved]:
    return [g for t in checked[0][slug].trails[item] for g in t.retrieved]


def documents(checked: tuple[dict[str, AgencyResult], list[str]], slug: str, item: str = "O25"
              ) -> list[tuple[str, DocKind]]:
    """(URL asked for, kind) of every non-HTML document read: the files the pipeline reached."""
    return [(g.fetched.url, g.document.kind) for g in retrieved(checked, slug, item)
            if g.document is not None and g.document.kind is not DocKind.HTML]


def pages(checked: tuple[dict[str, AgencyResult], list[str]], slug: str, item: str = "O25") -> list[str]:
    return [g.fetched.url for g in retrieved(checked, slug, item)
            if g.document is not None and g.document.kind is DocKind.HTML]


def codes(f: Finding, *, all_: bool = False) -> set[str]:
    return {r.code for r in f.reasons if all_ or r.severity is not Status.PASS}


def reason(f: Finding, code: str):  # type: ignore[no-untyped-def]
    return next(r for r in f.reasons if r.code == code)


# ---------------------------------------------------------------- 1. viewers


def test_nothing_left_the_machine(checked: tuple[dict[str, AgencyResult], list[str]]) -> None:
    assert checked[1] == []


def test_wordpress_flowpaper_iframe_is_unwrapped_and_its_pdf_read(checked: Any) -> None:
    f = finding(checked, "wp-flowpaper")
    assert documents(checked, "wp-flowpaper") == [(PLAN_PDF_ROIET, DocKind.PDF)]
    link = next(g.link for g in retrieved(checked, "wp-flowpaper") if g.fetched.url == PLAN_PDF_ROIET)
    assert link is not None and link.via == "viewer:flowpaper"
    assert f.status is Status.PASS, f.reasons
    assert {r.detail.get("component") for r in f.found if r.code == "component_found"} == {
        "projects", "budget", "period"}


def test_wordpress_post_is_read_from_its_wp_json_twin(checked: Any) -> None:
    f = finding(checked, "wp-flowpaper")
    note = reason(f, "wordpress_record")
    assert note.severity is Status.PASS and "2025-10-02T09:00:00" in note.message_en
    assert note.evidence[0].url == f"{ROIET}/wp-json/wp/v2/posts/5821"
    [page] = [g.document for g in retrieved(checked, "wp-flowpaper") if g.depth == 0]
    assert page is not None
    # The record's own title, and none of the theme: the sidebar's "งบประมาณ (บาท) … ระยะเวลาดำเนินการ"
    # would otherwise evidence components the post does not hold.
    assert page.title == "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569"
    assert "ข่าวล่าสุด" not in page.text and "ระยะเวลาดำเนินการ" not in page.text


def test_embed_any_document_and_docs_viewer_and_download_are_one_fetch(checked: Any) -> None:
    # data-pdf-src (lower-case escapes), //docs.google.com/viewer?url= (upper-case, whole URL escaped) and a
    # raw-Thai download link are one file, fetched once.
    assert documents(checked, "ead") == [(CMAREA_PDF, DocKind.PDF)]
    f = finding(checked, "ead")
    assert f.status is Status.PASS, f.reasons
    # REST API refused (401): the HTML page is read, silently.
    assert "wordpress_record" not in codes(f, all_=True)


def test_google_docs_viewer_iframe_alone_reaches_the_docx(checked: Any) -> None:
    docx = f"{CMAREA}/wp-content/uploads/2025/10/" + quote("แผนปฏิบัติการป้องกันการทุจริต-2569.docx")
    assert documents(checked, "gdocs") == [(docx, DocKind.DOCX)]
    link = next(g.link for g in retrieved(checked, "gdocs") if g.fetched.url == docx)
    assert link is not None and link.via == "viewer:gdocs"
    assert finding(checked, "gdocs").status is Status.PASS


def test_object_data_and_image_only_download_button(checked: Any) -> None:
    pdf = "https://www.assys-demo.go.th/docs/file/ita_o25_2569.pdf"
    assert documents(checked, "assys-detail") == [(pdf, DocKind.PDF)]
    assert finding(checked, "assys-detail").status is Status.PASS


def test_dflip_pdfjs_and_embed_are_unwrapped(checked: Any) -> None:
    vias = {g.fetched.url: g.link.via for g in retrieved(checked, "flipbooks") if g.link is not None}
    assert vias == {f"{SONG}/wp-content/uploads/2025/10/flip-plan-2569.pdf": "viewer:dflip",
                    f"{SONG}/files/pdfjs/plan-2569.pdf": "viewer:pdfjs",
                    f"{SONG}/files/embed/plan-2569.docx": "embed"}
    assert sorted(kind for _, kind in documents(checked, "flipbooks")) == [DocKind.DOCX, DocKind.PDF, DocKind.PDF]
    assert finding(checked, "flipbooks").status is Status.PASS


# ---------------------------------------------------------------- 2. Google Drive and Google Sites


def test_google_sites_page_is_read_through_its_embedded_drive_file(checked: Any) -> None:
    canonical = "https://drive.google.com/uc?export=download&id=1GsPlan2569AbCdEfGhIj"
    assert documents(checked, "google-sites") == [(canonical, DocKind.PDF)]
    got = next(g for g in retrieved(checked, "google-sites") if g.fetched.url == canonical)
    assert got.fetched.final_url.startswith("https://drive.usercontent.google.com/download?")
    assert finding(checked, "google-sites").status is Status.PASS


def test_drive_view_link_is_fetched_as_its_canonical_download(checked: Any) -> None:
    assert documents(checked, "drive-file") == [
        ("https://drive.google.com/uc?export=download&id=1GsPlan2569AbCdEfGhIj", DocKind.PDF)]
    f = finding(checked, "drive-file")
    assert f.status is Status.PASS, f.reasons


def test_drive_virus_scan_warning_is_passed_once_like_download_anyway(checked: Any) -> None:
    [(url, kind)] = documents(checked, "drive-big")
    assert (url, kind) == ("https://drive.google.com/uc?export=download&id=1BigPlan2569QrStUvWxYz", DocKind.PDF)
    got = next(g for g in retrieved(checked, "drive-big") if g.fetched.url == url)
    assert "confirm=t" in got.fetched.final_url and "uuid=6f1e2d3c" in got.fetched.final_url
    assert finding(checked, "drive-big").status is Status.PASS


def test_private_drive_file_is_a_sign_in_wall_naming_drive(checked: Any) -> None:
    f = finding(checked, "drive-private")
    assert f.status is Status.FAIL
    assert codes(f) == {"drive_private"}
    assert "sign-in" in reason(f, "drive_private").message_en
    assert documents(checked, "drive-private") == []


def test_google_doc_without_access_is_reported_not_read(checked: Any) -> None:
    f = finding(checked, "docs-no-access")
    assert f.status is Status.FAIL and codes(f) == {"drive_private"}
    assert "You need access" in reason(f, "drive_private").message_en


def test_drive_folder_is_listing_to_review_not_missing(checked: Any) -> None:
    f = finding(checked, "drive-folder")
    assert f.status is Status.REVIEW and codes(f) == {"drive_folder"}
    assert retrieved(checked, "drive-folder") == []


# ---------------------------------------------------------------- 3. generic links


def test_link_whose_text_is_a_cut_url_is_followed_by_its_href(checked: Any) -> None:
    assert documents(checked, "cut-url-text") == [(f"{SONG}/dnm_file/ita/o25_plan.docx", DocKind.DOCX)]
    assert finding(checked, "cut-url-text").status is Status.PASS


def test_image_only_link_to_an_extensionless_endpoint(checked: Any) -> None:
    assert documents(checked, "image-only-link") == [(f"{SONG}/files/get/5521", DocKind.PDF)]
    assert finding(checked, "image-only-link").status is Status.PASS


def test_download_link_known_as_a_document_only_by_its_content_type(checked: Any) -> None:
    assert documents(checked, "content-type-only") == [(f"{SONG}/index.php?mod=doc&id=5522", DocKind.PDF)]
    # "อ่านข่าวอื่น" is not a download link and not about the item: not fetched.
    assert f"{SONG}/index.php?mod=news" not in [g.fetched.url for g in retrieved(checked, "content-type-only")]
    assert finding(checked, "content-type-only").status is Status.PASS


# ---------------------------------------------------------------- 4. depth: index → list → detail → file


def test_vendor_ita_index_to_list_to_detail_to_file_picks_the_fiscal_years_entry(checked: Any) -> None:
    pdf = f"{PHU}/public/list_upload/backend/list_3400/files_3400_1.pdf"
    assert documents(checked, "vendor-ita-index") == [(pdf, DocKind.PDF)]
    assert pages(checked, "vendor-ita-index") == [
        f"{PHU}/public/list/data/index/menu/1620",
        f"{PHU}/public/list/data/index/menu/1598",
        f"{PHU}/public/list/data/detail/id/3400/menu/1598/page/1",
    ]
    depth = {g.fetched.url: g.depth for g in retrieved(checked, "vendor-ita-index")}
    assert depth[pdf] == 3
    assert finding(checked, "vendor-ita-index").status is Status.PASS


def test_vendor_list_page_takes_this_years_entry_not_every_link(checked: Any) -> None:
    urls = [g.fetched.url for g in retrieved(checked, "vendor-list")]
    assert documents(checked, "vendor-list") == [
        (f"{PHU}/public/list_upload/backend/list_3400/files_3400_1.pdf", DocKind.PDF)]
    # The 2568 entry and the 4-year plan 2566-2569 (it covers 2569, but this year's own plan is listed).
    assert not any("/id/3100/" in u or "/id/2800/" in u for u in urls)
    assert not any("/page/2" in u for u in urls)
    assert finding(checked, "vendor-list").status is Status.PASS


def test_as_system_year_page_open_buttons_named_by_their_row(checked: Any) -> None:
    assert pages(checked, "assys-year") == ["https://www.assys-demo.go.th/Pages/ita_year_detail/31",
                                            "https://www.assys-demo.go.th/Pages/ita_detail/77"]
    assert documents(checked, "assys-year") == [("https://www.assys-demo.go.th/docs/file/ita_o25_2569.pdf",
                                                 DocKind.PDF)]
    assert finding(checked, "assys-year").status is Status.PASS


# ---------------------------------------------------------------- 5. URL hygiene


def test_https_that_cannot_connect_falls_back_to_http_and_says_so(checked: Any) -> None:
    [page] = [g for g in retrieved(checked, "https-fails") if g.depth == 0]
    assert page.fetched.url == f"{BANKLONG}/ita-2569/"
    assert page.fetched.final_url == "http://www.banklong-demo.go.th/ita-2569/"
    f = finding(checked, "https-fails")
    note = reason(f, "scheme_fallback")
    assert note.severity is Status.REVIEW and "over https" in note.message_en and "over http" in note.message_en
    # Raw Thai with spaces and its lower-case escaped twin are one file, fetched once; other rows are not taken.
    pdf = "http://www.banklong-demo.go.th/ita-2569/" + quote("ไฟล์/แผนปฏิบัติการ ป้องกันการทุจริต 2569.pdf")
    assert documents(checked, "https-fails") == [(pdf, DocKind.PDF)]
    assert f.status is Status.REVIEW and codes(f) == {"scheme_fallback"}


def test_http_that_cannot_connect_falls_back_to_https_quietly(checked: Any) -> None:
    [page] = [g for g in retrieved(checked, "http-fails") if g.depth == 0]
    assert page.fetched.final_url == f"{ROIET}/archives/5821"
    f = finding(checked, "http-fails")
    # Browsers upgrade a failing http link themselves: recorded as a pass-level remark, not held against the agency.
    note = reason(f, "https_upgraded")
    assert note.severity is Status.PASS and "scheme_fallback" not in {r.code for r in f.reasons}
    assert f.status is Status.PASS and documents(checked, "http-fails") == [(PLAN_PDF_ROIET, DocKind.PDF)]


def test_query_strings_such_as_page_id_are_kept(checked: Any) -> None:
    [page] = [g for g in retrieved(checked, "self-links") if g.depth == 0]
    assert page.fetched.url == "https://spbo-demo.moph.go.th/ket/?page_id=26424"
    assert page.fetched.status == 200


# ---------------------------------------------------------------- 6. placeholders and reused URLs


def test_page_whose_only_links_are_self_and_hash_is_a_placeholder(checked: Any) -> None:
    f = finding(checked, "self-links")
    assert f.status is Status.FAIL
    note = reason(f, "placeholder_link")
    assert note.severity is Status.FAIL
    assert "self" in note.message_en and '"ดาวน์โหลด" → #' in note.message_en
    assert documents(checked, "self-links") == []
    # WordPress with plain permalinks: the record comes from ?rest_route=.
    assert reason(f, "wordpress_record").evidence[0].url == (
        "https://spbo-demo.moph.go.th/ket/?rest_route=/wp/v2/pages/26424")


def test_one_url_under_two_year_labels_is_reported(checked: Any) -> None:
    f = finding(checked, "two-years-one-url")
    note = reason(f, "same_url_two_years")
    assert "2568, 2569" in note.message_en and note.severity is Status.REVIEW
    assert documents(checked, "two-years-one-url") == [("http://www.banklong-demo.go.th/files/plan.pdf",
                                                        DocKind.PDF)]
    assert f.status is Status.REVIEW


def test_one_url_for_two_items_is_reported(checked: Any) -> None:
    f = finding(checked, "one-url-two-items", "O25")
    assert reason(f, "duplicate_url").message_en == "Same URL as O12"
    assert reason(finding(checked, "one-url-two-items", "O12"), "duplicate_url").message_en == "Same URL as O25"


# ---------------------------------------------------------------- 7. years from every clue


def test_slug_and_file_name_say_2568_the_text_says_2569(checked: Any) -> None:
    f = finding(checked, "wp-slug-year")
    assert documents(checked, "wp-slug-year") == [(f"{ROIET}/wp-content/uploads/2025/10/plan-2568-final.pdf",
                                                   DocKind.PDF)]
    assert f.status is Status.PASS, f.reasons
    # The text names the year asked for: the file name's other year is a pass-level remark of its own code.
    note = reason(f, "year_clue_differs")
    assert note.severity is Status.PASS and "file name 2568" in note.message_en and "text 2569" in note.message_en


# ---------------------------------------------------------------- 8. external systems


def test_egp_link_submitted_for_procurement_is_evidence_to_review(checked: Any) -> None:
    f = finding(checked, "egp-submitted", "O12")
    assert f.status is Status.REVIEW and codes(f) == {"egp_link"}
    assert retrieved(checked, "egp-submitted", "O12") == []


def test_procurement_page_of_egp_links_is_review_not_missing(checked: Any) -> None:
    f = finding(checked, "egp-page", "O12")
    assert f.status is Status.REVIEW, f.reasons
    assert "egp_link" in codes(f)
    assert all(r.severity is not Status.FAIL for r in f.reasons)


@pytest.mark.parametrize(("slug", "service"), [
    ("egp-for-plan", "e-GP"), ("facebook-submitted", "Facebook"), ("line-submitted", "LINE"),
    ("itas-submitted", "ITAS"),
])
def test_external_systems_are_named_not_fetched(checked: Any, slug: str, service: str) -> None:
    f = finding(checked, slug)
    assert f.status is Status.REVIEW and codes(f) == {"external_system"}
    assert f"({service})" in reason(f, "external_system").message_en
    assert retrieved(checked, slug) == []


def test_cloud_flowpaper_is_a_viewer_only(checked: Any) -> None:
    f = finding(checked, "flowpaper-cloud")
    assert f.status is Status.REVIEW and codes(f) == {"viewer_only"}
    assert retrieved(checked, "flowpaper-cloud") == []


def test_page_pointing_only_into_social_media_names_them(checked: Any) -> None:
    f = finding(checked, "facebook-page")
    assert documents(checked, "facebook-page") == []
    assert "Facebook, LINE" in reason(f, "external_system").message_en
    assert f.status is Status.FAIL  # the content itself is not on the agency's site: the wording says why


def test_private_drive_file_embedded_in_a_page_is_named(checked: Any) -> None:
    f = finding(checked, "google-sites-private")
    note = reason(f, "drive_private")
    assert note.severity is Status.REVIEW  # linked, not submitted: the page could have held the content
    assert f.status is Status.FAIL and {"cover_only", "missing_component"} <= codes(f)
    assert documents(checked, "google-sites-private") == []


# ---------------------------------------------------------------- 9. images and scans


def test_scanned_pdf_goes_to_review_never_missing(checked: Any) -> None:
    f = finding(checked, "wp-scan")
    assert documents(checked, "wp-scan") == [
        (f"{ROIET}/wp-content/uploads/2025/10/Scan2025-10-16_105945.pdf", DocKind.PDF)]
    assert f.status is Status.REVIEW
    assert "no_text" in codes(f)
    assert all(r.severity is not Status.FAIL for r in f.reasons)


def test_announcement_posted_as_a_picture_goes_to_review(checked: Any) -> None:
    jpg = f"{ROIET}/wp-content/uploads/2025/10/" + quote("ประกาศ-แผนป้องกันทุจริต-2569.jpg")
    assert documents(checked, "wp-image") == [(jpg, DocKind.IMAGE)]
    f = finding(checked, "wp-image")
    assert f.status is Status.REVIEW
    assert "no_text" in codes(f) and all(r.severity is not Status.FAIL for r in f.reasons)


def _fake_ocr(text: str):  # type: ignore[no-untyped-def]
    def read_pages(body: bytes, kind: DocKind) -> list[str]:
        assert kind is DocKind.PDF and body.startswith(b"%PDF")
        return [text]
    return read_pages


@pytest.mark.parametrize(("ocr_text", "years"), [
    # What tesseract really does to Thai digits (DESIGN.md): the year becomes another year.
    ("แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๒๕ โครงการ งบประมาณ (บาท) ระยะเวลาดำเนินการ", "2525"),
    ("แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569 โครงการ งบประมาณ (บาท) ระยะเวลาดำเนินการ", "2569"),
])
def test_ocr_text_is_a_quoted_hint_never_a_verdict(site: dict[str, str], monkeypatch: pytest.MonkeyPatch,
                                                    ocr_text: str, years: str) -> None:
    monkeypatch.setattr(ocr, "read_pages", _fake_ocr(ocr_text))
    strays: list[str] = []
    result = run({"wp-scan": SUBMITTED["wp-scan"]}, site, strays, FollowSettings(ocr=True))
    [f] = [x for x in result.agencies[0].findings if x.item == "O25"]
    assert f.status is Status.REVIEW  # a wrong OCR year is no "stale", a right one no "pass"
    hint = reason(f, "ocr_hint")
    assert f"years {years}" in hint.message_en and "title found" in hint.message_en
    assert "no_text" in codes(f) and all(r.severity is not Status.FAIL for r in f.reasons)


@pytest.mark.skipif(not ocr.available(), reason="tesseract with Thai data is not installed (optional extra)")
def test_real_ocr_on_the_corpus_scan_stays_review(site: dict[str, str]) -> None:
    strays: list[str] = []
    result = run({"wp-scan": SUBMITTED["wp-scan"]}, site, strays, FollowSettings(ocr=True))
    [f] = [x for x in result.agencies[0].findings if x.item == "O25"]
    assert f.status is Status.REVIEW and "no_text" in codes(f)
