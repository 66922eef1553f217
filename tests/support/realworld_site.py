"""The real-world fixture site (fixtures/realworld/) on 127.0.0.1, and the agencies that submit its URLs.

One small server per host folder (plus routes.toml for query strings, redirects and content types);
`HostMapTransport` sends each agency host, drive.google.com, accounts.google.com … to its server, so every URL
in the pages is the real-looking one. Nothing leaves the machine: a request for any other host fails at once
and is recorded. Used by tests/integration/test_realworld.py and test_golden.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import threading
import tomllib
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from typing import Any, ClassVar
from urllib.parse import parse_qsl, quote, unquote

import httpx

from oit_checker.demo import HostMapTransport, StaticFileHandler
from oit_checker.engine.session import RunOptions, run_agencies
from oit_checker.fetch.client import FetchSettings
from oit_checker.follow.choose import FollowSettings
from oit_checker.model import (
    Agency,
    Catalogue,
    Component,
    Confidence,
    EvidenceRule,
    FiscalYearRule,
    Item,
    RunResult,
)
from tests.support.paths import ROOT

HERE = ROOT / "fixtures" / "realworld"
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
