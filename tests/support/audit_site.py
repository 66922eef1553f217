"""A local web site of many small Thai agencies, for the audit tests and bench/audit.py.

Every agency has its own host name (www.aNNN.go.th, sent to one server on 127.0.0.1 by HostMapTransport,
so per-host politeness applies as in real life) and three items of fixtures/rules/audit-test.toml:
O1 a contact page, O2 a news page, O3 the corpus's anti-corruption plan PDF for FY 2569.

The server keeps files in memory (a test edits them between runs), sends ETag and Last-Modified, answers
If-None-Match / If-Modified-Since with 304, and counts what it served.

For the Dask tests: some agencies can submit their O3 plan on one shared host (www.shared.go.th, paths
/shared/…), the server records the most requests it answered at once per first path segment and which
requests waited on a hold, and `SiteTransport` is a picklable transport factory that a worker process calls
to reach the site (optionally making that process exit on a "poison" path, as a parser crashing in C would).
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from oit_checker.demo import HostMapTransport
from tests.support.paths import ROOT

RULES = ROOT / "fixtures" / "rules" / "audit-test.toml"
PLAN_PDF = (ROOT / "fixtures" / "corpus" / "a1_laksaman.pdf").read_bytes()
FISCAL_YEAR = 2569
LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)
HOLD_MAX_S = 120.0
SHARED_HOST = "www.shared.go.th"

_PAGE = """<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{title}</title></head>
<body><nav><a href="/{slug}/index.html">หน้าแรก</a> · <a href="/{slug}/contact.html">ติดต่อเรา</a></nav>
<main><h1>{title}</h1>{body}</main><footer>{name} สงวนลิขสิทธิ์</footer></body></html>"""


def host(n: int) -> str:
    return f"www.a{n:03d}.go.th"


def slug(n: int) -> str:
    return f"a{n:03d}"


def name(n: int) -> str:
    # the plan every agency posts (PLAN_PDF) is องค์การบริหารส่วนตำบลหนองบัว's: each agency is a หนองบัว of its own, so
    # the plan is its own (another local government's plan would be peer_agency_document)
    return f"องค์การบริหารส่วนตำบลหนองบัว{n:03d}"


def page(n: int, title: str, body: str) -> bytes:
    return _PAGE.format(title=title, body=body, slug=slug(n), name=name(n)).encode("utf-8")


def contact(n: int, *, phone: bool = True) -> bytes:
    lines = [f"<p>ที่อยู่ สำนักงาน{name(n)} หมู่ที่ {n % 12 + 1} ตำบลหนองบัว อำเภอเมือง จังหวัดขอนแก่น 40000</p>"]
    if phone:
        lines.append(f"<p>โทรศัพท์ 043-{n:03d}-999 โทรสาร 043-{n:03d}-998 อีเมล saraban@a{n:03d}.go.th</p>")
    else:
        lines.append("<p>ติดต่อสอบถามได้ในวันและเวลาราชการ</p>")
    return page(n, "ข้อมูลการติดต่อ", "".join(lines))


def news(n: int, extra: str = "") -> bytes:
    return page(n, "ข่าวประชาสัมพันธ์", f"<p>ข่าวประชาสัมพันธ์ของ{name(n)} ประจำเดือนตุลาคม เรื่องการรับชำระภาษี"
                                        f"ที่ดินและสิ่งปลูกสร้าง และการประชุมประชาคมหมู่บ้าน {extra}</p>")


def site_files(count: int, shared: Iterable[int] = ()) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for n in range(1, count + 1):
        s = slug(n)
        files[f"/{s}/index.html"] = page(n, name(n), "<p>ยินดีต้อนรับสู่เว็บไซต์</p>")
        files[f"/{s}/contact.html"] = contact(n)
        files[f"/{s}/news.html"] = news(n)
        files[f"/{s}/plan-2569.pdf"] = PLAN_PDF
    for n in shared:
        files[f"/shared/{slug(n)}-plan-2569.pdf"] = PLAN_PDF
    return files


def plan_url(n: int, shared: Iterable[int] = ()) -> str:
    if n in set(shared):
        return f"http://{SHARED_HOST}/shared/{slug(n)}-plan-2569.pdf"
    return f"http://{host(n)}/{slug(n)}/plan-2569.pdf"


def manifest(count: int, shared: Iterable[int] = ()) -> str:
    """`shared`: agencies whose O3 plan is on the one shared host instead of their own."""
    out = []
    for n in range(1, count + 1):
        base = f"http://{host(n)}/{slug(n)}"
        out.append(f'[[agency]]\nname = "{name(n)}"\nslug = "{slug(n)}"\nhome = "{base}/index.html"\n'
                   f'[agency.items]\nO1 = ["{base}/contact.html"]\nO2 = ["{base}/news.html"]\n'
                   f'O3 = ["{plan_url(n, shared)}"]\n')
    return "\n".join(out)


@dataclass
class Site:
    files: dict[str, bytes]
    base: str = ""
    served: Counter[int] = field(default_factory=Counter)  # status → count
    conditional: int = 0  # requests that carried If-None-Match or If-Modified-Since
    delays: dict[str, float] = field(default_factory=dict)  # path prefix → seconds to wait before answering
    # path prefix → an event the answer waits for (a test holds an agency's pages until it lets them go; a
    # held answer gives up after `HOLD_MAX_S` so that no server thread outlives a broken test)
    holds: dict[str, threading.Event] = field(default_factory=dict)
    held: list[str] = field(default_factory=list)  # paths that waited on a hold (in arrival order)
    busy: Counter[str] = field(default_factory=Counter)  # first path segment → requests being answered now
    most_at_once: Counter[str] = field(default_factory=Counter)  # first path segment → most answered at once
    in_flight: int = 0  # requests being answered right now
    log: list[tuple[str, int, bool]] = field(default_factory=list)  # (path, status, conditional)
    errors: int = 0  # connections that broke mid-request (a cancelled client hanging up)
    lock: threading.Lock = field(default_factory=threading.Lock)
    idle: threading.Condition = field(init=False)  # notified whenever an answer ends

    def __post_init__(self) -> None:
        self.idle = threading.Condition(self.lock)

    @property
    def requests(self) -> int:
        return sum(self.served.values())

    def reset_counts(self) -> None:
        with self.lock:
            self.served.clear()
            self.conditional = 0
            self.log.clear()

    def wait_idle(self, timeout: float = 120.0) -> None:
        """Let answers still in progress (to a client that went away) finish before counting afresh. `timeout`
        only guards against a hang: a server still busy then is an error, not something to count around."""
        with self.idle:
            if not self.idle.wait_for(lambda: self.in_flight == 0, timeout):
                raise TimeoutError(f"the audit site still answers {self.in_flight} request(s)")

    def host_map(self, count: int) -> dict[str, str]:
        return {**{host(n): self.base for n in range(1, count + 1)}, SHARED_HOST: self.base}

    def transport_factory(self, count: int, poison: str = "", poison_in: str = "") -> SiteTransport:
        return SiteTransport(self.host_map(count), poison, poison_in)


@dataclass(frozen=True)
class SiteTransport:
    """Picklable: `SiteTransport(mapping)()` is the transport a Session (on any worker) reaches the site with.

    `poison`: a path prefix whose request makes the calling PROCESS exit at once — a worker dying mid-agency;
    with `poison_in`, only in processes of that name (multiprocessing's; an audit's lanes: "oit-checker-lane")."""

    mapping: dict[str, str]
    poison: str = ""
    poison_in: str = ""

    def __call__(self) -> httpx.AsyncBaseTransport:
        inner = HostMapTransport(self.mapping)
        if not self.poison or (self.poison_in and multiprocessing.current_process().name != self.poison_in):
            return inner
        return _Poisoned(inner, self.poison)


class _Poisoned(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport, poison: str) -> None:
        self.inner, self.poison = inner, poison

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith(self.poison):
            os._exit(70)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
            with site.lock:
                site.served[status] += 1
                site.log.append((self.path, status, bool(self.headers.get("If-None-Match"))))
            # No longer "answering" from here on: a client that waits for this answer before asking again
            # could otherwise see its next request counted while this thread is still between its last
            # write and its bookkeeping (it happened on a busy machine, with --per-host 1 held).
            self._leave()
            self.send_response(status)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body and self.command != "HEAD":
                self.wfile.write(body)

        def do_GET(self) -> None:
            segment = self.path.split("/")[1] if self.path.count("/") > 1 else ""
            with site.lock:
                site.in_flight += 1
                site.busy[segment] += 1
                site.most_at_once[segment] = max(site.most_at_once[segment], site.busy[segment])
            self._segment: str | None = segment
            try:
                self._answer()
            finally:
                self._leave()
                with site.lock:
                    site.in_flight -= 1
                    site.idle.notify_all()

        def _leave(self) -> None:
            """This request no longer counts in `busy` (once, whichever of `_send` and `do_GET` is first)."""
            segment, self._segment = getattr(self, "_segment", None), None
            if segment is not None:
                with site.lock:
                    site.busy[segment] -= 1

        def _answer(self) -> None:
            path = self.path.split("?", 1)[0]
            for prefix, seconds in site.delays.items():
                if path.startswith(prefix):
                    time.sleep(seconds)
            for prefix, event in list(site.holds.items()):
                if path.startswith(prefix):
                    with site.lock:
                        site.held.append(path)
                    event.wait(HOLD_MAX_S)
            inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
            if inm or ims:
                with site.lock:
                    site.conditional += 1
            body = site.files.get(path)
            if body is None:
                self._send(404, "<html><body>ไม่พบหน้า</body></html>".encode(),
                           {"Content-Type": "text/html; charset=utf-8"})
                return
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            validators = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
            if inm == etag:
                self._send(304, b"", validators)
                return
            ctype = "application/pdf" if path.endswith(".pdf") else "text/html; charset=utf-8"
            self._send(200, body, {"Content-Type": ctype, **validators})

        do_HEAD = do_GET

    return Handler


class _QuietServer(ThreadingHTTPServer):
    site: Site

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that hangs up mid-answer (a cancelled run) is expected here, not a traceback on stderr.
        with self.site.lock:
            self.site.errors += 1


@contextlib.contextmanager
def serve(site: Site) -> Iterator[Site]:
    server = _QuietServer(("127.0.0.1", 0), _handler(site))
    server.site = site
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="audit-site", daemon=True)
    thread.start()
    site.base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextlib.contextmanager
def serve_as_network(count: int, monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """`count` agencies' sites served here, and every session's network sent to them (what the tests of
    `check` and `audit` end to end stand on)."""
    from oit_checker.engine import session

    site = Site(site_files(count))
    with serve(site):
        monkeypatch.setattr(session, "network_transport", lambda *a, **k: HostMapTransport(site.host_map(count)))
        yield site


def write_manifest(folder: Path, count: int, shared: Iterable[int] = ()) -> Path:
    """The agencies' manifest (`manifest`) as a file in `folder`."""
    path = folder / "agencies.toml"
    path.write_text(manifest(count, shared), encoding="utf-8")
    return path


def cli_audit(site: Site, count: int, manifest_path: Path, db: str, cache: Path, out: Path, *extra: str,
              poison: str = "") -> tuple[int, dict[str, object]]:
    """`oit-checker audit … --format json --output OUT` with the site in place of the network (in every
    process: lanes, Dask workers): (exit code, the JSON report)."""
    import json

    from rich.console import Console

    from oit_checker.cli.audit import cmd_audit
    from oit_checker.cli.main import build_parser

    args = build_parser().parse_args([
        "audit", str(manifest_path), "--rules", str(RULES), "--fiscal-year", str(FISCAL_YEAR), "--db", db,
        "--cache-dir", str(cache), "--quiet", "--format", "json", "--output", str(out), *extra])
    code = cmd_audit(args, Console(quiet=True), transport_factory=site.transport_factory(count, poison))
    return code, json.loads(out.read_text(encoding="utf-8"))


def second_night(site: Site) -> None:
    """What changes before the second night of the two-night tests: a001's contact page loses its phone
    number (O1 regresses), a005's news page goes (O2 regresses)."""
    site.files["/a001/contact.html"] = contact(1, phone=False)
    del site.files["/a005/news.html"]
