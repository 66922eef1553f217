"""A deliberately hostile web site on 127.0.0.1, for the crawler's robustness tests and bench/hostile.py.

Stdlib only (`http.server` on threads), so it runs wherever the tests run. Every endpoint imitates something
Thai agency sites (or their hosting) really do: slow first bytes, dripping bodies, huge or compressed-bomb
bodies, redirect loops, rate limiting, flaky 5xx, lying content types, TIS-620 without a charset, broken
documents, soft 404s, login walls, parked domains, firewall block pages, self-signed certificates.

Bounded in time: every sleep is capped, drips stop after their duration, handler sockets time out, handler
threads are daemons, and `close()` stops the server. Nothing here listens beyond 127.0.0.1.

    with HostileServer() as site:
        site.url("/drip?seconds=20")
"""

from __future__ import annotations

import contextlib
import email.utils
import functools
import gzip
import http.server
import os
import select
import socket
import ssl
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import brotli

from oit_checker.fetch.client import FetchSettings
from oit_checker.model import (
    Agency,
    Catalogue,
    Component,
    Confidence,
    EvidenceRule,
    FiscalYearRule,
    Item,
    Status,
)
from tests.support.paths import ROOT

FIXTURES = ROOT / "fixtures"
HOSTILE = FIXTURES / "hostile"
FILE_DIRS = {"broken": FIXTURES / "broken", "corpus": FIXTURES / "corpus", "hostile": HOSTILE}
MAX_SLEEP_S = 30.0
MB = 1024 * 1024

# One string that would act wherever it reached unescaped: OSC 52 (writes the reader's clipboard), clear
# screen, C1 CSI, HTML that runs script in a Markdown viewer, a right-to-left override, a NUL, a Markdown link.
HOSTILE_STRING = ("\x1b]52;c;aGFja2Vk\x07\x1b[2J\x9b31m<img src=x onerror=alert(1)><script>alert(2)</script>"
           "\u202egnp.exe\x00[click](javascript:alert(3))|`x`")
# The same as page text: what survives an HTML page as text (escaped in the source, as a site would).
HOSTILE_HTML = ("&#x1b;]52;c;aGFja2Vk&#7;&#x1b;[2J&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)"
                "&lt;/script&gt;&#x202e;gnp.exe [click](javascript:alert(3))|`x`")

# What a good page of the test agency says; tests look for these phrases.
ORG = "องค์การบริหารส่วนตำบลหนองบัว"
PLAN = "แผนปฏิบัติการป้องกันการทุจริต"


def good_text(tag: str) -> str:
    """The content of one good page. `tag` (the URL path) makes every line unique to its page: the pipeline
    removes lines found on three or more pages of a host as site template, as it should for a real site."""
    return (
        f"{PLAN} ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ ({tag})\n"
        f"{ORG} อำเภอเมืองขอนแก่น จังหวัดขอนแก่น เอกสาร {tag}\n"
        "ผู้บริหารท้องถิ่นได้กำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใส เพื่อให้การปฏิบัติงานของเจ้าหน้าที่"
        f"เป็นไปด้วยความซื่อสัตย์สุจริต “ฉบับปรับปรุง” … ตามรายการ {tag}"
    )


_MENU = ["หน้าแรก", "ข้อมูลพื้นฐาน", "โครงสร้างหน่วยงาน", "ข่าวประชาสัมพันธ์", "ประกาศจัดซื้อจัดจ้าง",
         "ITA การประเมินคุณธรรมและความโปร่งใส", "ติดต่อเรา", "สมาชิกเข้าสู่ระบบ"]


def page(title: str, body: str, *, menu: bool = True) -> bytes:
    """A LAO-CMS-like page: the same header and menu on every page (as the pipeline's template removal
    expects), then the page's own content."""
    nav = "".join(f'<li><a href="/">{m}</a></li>' for m in _MENU) if menu else ""
    head = f"<header><h2>{ORG}</h2><ul>{nav}</ul></header>" if menu else ""
    paragraphs = "".join(f"<p>{line}</p>" for line in body.split("\n"))
    html = (f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body>{head}<main>{paragraphs}</main><footer>© {ORG}</footer></body></html>")
    return html.encode("utf-8")


SOFT_PAGES: dict[str, tuple[str, bytes]] = {
    # name → (what it is, HTML)
    "soft404": ("CMS 'not found' template, 200", page(f"{ORG}", "ขออภัย ไม่พบหน้าที่คุณต้องการ\nกลับสู่หน้าแรก")),
    "soft404-title": ("WordPress 404 title on a long template", page(
        "ไม่พบหน้า – " + ORG, "\n".join(f"ลิงก์ที่เกี่ยวข้อง {i} หน่วยงานภาครัฐ กรมส่งเสริมการปกครองท้องถิ่น"
                                         for i in range(60)))),
    "login": ("intranet login form, 200", page("เข้าสู่ระบบ", "สำหรับเจ้าหน้าที่\nชื่อผู้ใช้\nรหัสผ่าน\n"
                                                             "จดจำฉัน\nเข้าสู่ระบบ\nลืมรหัสผ่าน?")),
    "wp-login.php": ("WordPress login URL", page("Log In ‹ " + ORG, "Username or Email Address\nPassword\n"
                                                                   "Remember Me\nLog In", menu=False)),
    "parked": ("parked domain", page("nongbua.go.th", "This domain may be for sale!\nBuy this domain",
                                     menu=False)),
    "suspended": ("hosting account suspended", page("Account Suspended", "This Account has been suspended.\n"
                                                    "Contact your hosting provider for more information.",
                                                    menu=False)),
    "waf": ("F5 firewall block page, 200", page("Request Rejected", "The requested URL was rejected. Please "
                                                "consult with your administrator.\nYour support ID is: "
                                                "1234567890123456789", menu=False)),
    "js-app": ("single-page app shell", page("ITA", "You need to enable JavaScript to run this app.",
                                             menu=False)),
    "empty": ("empty page", b"<!DOCTYPE html><html><head><title></title></head><body>&nbsp;</body></html>"),
}

# name → (Content-Type header, <meta> charset or None, source). "corpus" serves a committed corpus file as is;
# the others encode a good page as windows-874 (TIS-620 plus curly quotes and the ellipsis) and declare it
# the way Thai servers get it wrong.
THAI_PAGES: dict[str, tuple[str | None, str | None, str]] = {
    "corpus-tis620-nocharset": ("text/html", None, "h4_tis620_nometa.html"),
    "tis620-nocharset": ("text/html", None, "generated"),
    "tis620-wrong-header-utf8": ("text/html; charset=utf-8", None, "generated"),
    "tis620-wrong-meta-utf8": ("text/html", "utf-8", "generated"),
    "cp874-labelled-tis620": ("text/html; charset=TIS-620", None, "generated"),
    "tis620-no-content-type": (None, None, "generated"),
}


def thai_page(tag: str, meta: str | None) -> bytes:
    meta_tag = f'<meta http-equiv="Content-Type" content="text/html; charset={meta}">' if meta else ""
    body = "".join(f"<p>{line}</p>" for line in good_text(tag).split("\n"))
    html = (f"<html><head>{meta_tag}<title>{PLAN} {tag}</title></head><body><h2>{ORG}</h2>{body}</body></html>")
    return html.encode("cp874")


@functools.cache
def gzip_bomb(mb: int, layers: int = 1) -> bytes:
    """`mb` MB of zeros gzip-compressed `layers` times (256 MB → 260 KB; twice → 590 bytes)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(MB)
    data = b"".join([comp.compress(zeros) for _ in range(mb)] + [comp.flush()])
    for _ in range(layers - 1):
        data = gzip.compress(data, 9)
    return data


@functools.cache
def brotli_bomb(mb: int) -> bytes:
    return brotli.compress(bytes(mb * MB), quality=5)


@functools.cache
def big_thai_page(mb: int) -> bytes:
    """`mb` MB of a real-looking Thai HTML page (paragraphs, a table, links), as a CMS might produce for a
    whole year's news on one page: the main process must not spend the agency's budget reading it."""
    rows = []
    n = 0
    size = 0
    while size < mb * MB:
        row = (f"<tr><td>{n}</td><td><a href=\"/news/{n}.html\">ประกาศ{ORG} เรื่อง การจัดซื้อจัดจ้าง ลำดับที่ {n}"
               f"</a></td><td>ประจำปีงบประมาณ พ.ศ. ๒๕๖{n % 10}</td><td>{PLAN} ข้อ {n} มาตรการส่งเสริมคุณธรรม"
               "และความโปร่งใส การเปิดเผยข้อมูลสาธารณะ</td></tr>")
        rows.append(row)
        size += len(row.encode("utf-8"))
        n += 1
    head = page(f"{PLAN} (big)", good_text("/big-thai"))
    return head.replace(b"</main>", ("<table>" + "".join(rows) + "</table></main>").encode("utf-8"))


def free_port() -> int:
    """A port on 127.0.0.1 with nothing listening (connection refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Stats:
    """What the server saw: requests per path and per request target (path and query), concurrency per Host
    header, User-Agents, decode checks."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    hits: Counter[str] = field(default_factory=Counter)
    targets: Counter[str] = field(default_factory=Counter)  # per request target: path and query
    active: Counter[str] = field(default_factory=Counter)
    peak: Counter[str] = field(default_factory=Counter)  # per Host header; "*" for all hosts together
    user_agents: set[str] = field(default_factory=set)
    bytes_sent: Counter[str] = field(default_factory=Counter)
    counters: Counter[str] = field(default_factory=Counter)
    done: Counter[str] = field(default_factory=Counter)  # per request target: answers finished (or abandoned)
    holds: dict[str, threading.Event] = field(default_factory=dict)  # /hold?key=…: released by the test
    # (Host header, path, Cookie header, Authorization header) of every request: what crossed between agencies
    seen: list[tuple[str, str, str, str]] = field(default_factory=list)
    changed: threading.Condition = field(init=False)  # notified when a request starts or ends

    def __post_init__(self) -> None:
        self.changed = threading.Condition(self.lock)

    def enter(self, host: str, target: str, ua: str) -> None:
        path = urlsplit(target).path
        with self.lock:
            self.hits[path] += 1
            self.targets[target] += 1
            self.active[host] += 1
            self.active["*"] += 1
            self.peak[host] = max(self.peak[host], self.active[host])
            self.peak["*"] = max(self.peak["*"], self.active["*"])
            self.user_agents.add(ua)
            self.changed.notify_all()

    def leave(self, host: str, target: str) -> None:
        with self.lock:
            self.active[host] -= 1
            self.active["*"] -= 1
            self.done[target] += 1
            self.changed.notify_all()

    def wait_until(self, predicate: Callable[[], bool], timeout: float = 60.0) -> bool:
        """Block until `predicate` (read under the lock) holds as requests start and end; whether it came to
        hold. `timeout` is a guard against a hang, not a measurement."""
        with self.changed:
            return self.changed.wait_for(predicate, timeout)

    def wait_done(self, target: str, count: int = 1, timeout: float = 60.0) -> bool:
        """Block until the server has finished `count` answers to `target`; whether it got there."""
        return self.wait_until(lambda: self.done[target] >= count, timeout)

    def hold_event(self, key: str) -> threading.Event:
        with self.lock:
            return self.holds.setdefault(key, threading.Event())

    def release(self, key: str) -> None:
        """Let every /hold?key=`key` answer go, now and later."""
        self.hold_event(key).set()

    def reset_peaks(self) -> None:
        with self.lock:
            self.peak.clear()

    def bump(self, key: str) -> int:
        with self.lock:
            self.counters[key] += 1
            return self.counters[key]


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 30  # a client that stops reading cannot hold a thread for longer
    server: _Server

    # ------------------------------------------------------------ plumbing

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: the tests provoke errors on purpose

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        self.query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        host = (self.headers.get("Host") or "").split(":")[0]
        stats = self.server.stats
        stats.enter(host, self.path, self.headers.get("User-Agent", ""))
        with stats.lock:
            stats.seen.append((self.headers.get("Host") or "", parts.path, self.headers.get("Cookie") or "",
                               self.headers.get("Authorization") or ""))
        try:
            self._route(parts.path)
        except (BrokenPipeError, ConnectionResetError, TimeoutError, ssl.SSLError, OSError):
            self.close_connection = True  # the client gave up: exactly what some tests want
        finally:
            stats.leave(host, self.path)

    def _send(self, status: int, body: bytes = b"", content_type: str | None = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.server.stats.bytes_sent[urlsplit(self.path).path] += len(body)

    def _num(self, name: str, default: float) -> float:
        try:
            return float(self.query.get(name, default))
        except ValueError:
            return default

    def _good_page(self) -> bytes:
        return page(f"{PLAN} {self.path}", good_text(self.path))  # the query too: /slow-head?n=1, ?n=2 …

    def _good(self) -> None:
        self._send(200, self._good_page())

    def _other_host(self) -> str:
        return f"http://localhost:{self.server.server_address[1]}"

    # ------------------------------------------------------------ routes

    def _route(self, path: str) -> None:
        for prefix, handler in self._routes():
            if path == prefix or (prefix != "/" and prefix.endswith("/") and path.startswith(prefix)):
                handler(path.removeprefix(prefix))
                return
        self._send(404, page("404 Not Found", "Not Found", menu=False))

    def _routes(self) -> list[tuple[str, Callable[[str], None]]]:
        return [
            ("/", lambda _: self._send(200, page(ORG, "ยินดีต้อนรับสู่เว็บไซต์ " + ORG))),
            ("/page/", lambda _: self._good()),
            ("/slow-head", self.slow_head),
            ("/hold", self.hold),
            ("/drip", self.drip),
            ("/big", self.big),
            ("/bomb/gzip", self.bomb_gzip),
            ("/bomb/br", self.bomb_br),
            ("/encoded/", self.encoded),
            ("/loop/", lambda name: self._redirect(f"/loop/{'b' if name == 'a' else 'a'}")),
            ("/hop/", self.hop),
            ("/offsite", lambda _: self._redirect(self._other_host() + "/page/offsite")),
            ("/to-ftp", lambda _: self._redirect("ftp://127.0.0.1/files/o1.pdf")),
            ("/no-location", lambda _: self._send(302, b"")),
            ("/cookie-check", self.cookie_check),
            ("/retry-after", self.retry_after),
            ("/flaky", self.flaky),
            ("/status/", self.status),
            ("/challenge", lambda _: self._send(403, page("Just a moment...", "Checking your browser", menu=False),
                                                headers={"cf-mitigated": "challenge", "Server": "cloudflare"})),
            ("/file/", self.file),
            ("/thai/", self.thai),
            ("/soft/", self.soft),
            ("/reset", self.reset),
            ("/garbage", self.garbage),
            ("/to", lambda _: self._redirect(self.query.get("url", "/"))),
            ("/set-cookie", self.set_cookie),
            ("/drip-headers", self.drip_headers),
            ("/hostile-text", self.hostile_text),
            ("/redos", lambda _: self._send(200, page(PLAN, good_text("/redos") + "\n" + "ก" * 5000 + "!"))),
            ("/big-thai", lambda _: self._send(200, big_thai_page(int(self._num("mb", 45))))),
            ("/wp-json/wp/v2/pages/", self.wp_record),
        ]

    def _client_gone(self) -> bool:
        """The client hung up (it timed out): stop, so this thread and the stats do not outlive it."""
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            return bool(readable) and self.connection.recv(1, socket.MSG_PEEK) == b""
        except (OSError, ValueError, ssl.SSLError):
            return True

    def _wait(self, seconds: float) -> bool:
        """Sleep up to `seconds` (capped) in small steps; False when the client went away meanwhile."""
        end = time.monotonic() + max(0.0, min(seconds, MAX_SLEEP_S))
        while time.monotonic() < end:
            if self._client_gone():
                self.close_connection = True
                return False
            time.sleep(min(0.02, max(0.0, end - time.monotonic())))
        return True

    def slow_head(self, _: str) -> None:
        """Nothing at all for `delay` seconds, then a good page."""
        if self._wait(self._num("delay", 5)):
            self._good()

    def hold(self, _: str) -> None:
        """Nothing until the test releases `key` (`Stats.release`), then a good page; gives up when the client
        goes away or after MAX_SLEEP_S, so that no thread outlives a broken test."""
        event = self.server.stats.hold_event(self.query.get("key", "default"))
        end = time.monotonic() + MAX_SLEEP_S
        while not event.wait(0.02):
            if self._client_gone() or time.monotonic() >= end:
                self.close_connection = True
                return
        self._good()

    def drip(self, _: str) -> None:
        """Headers at once, then one byte per `every` seconds for at most `seconds`, promising 100 KB."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.flush()
        end = time.monotonic() + min(self._num("seconds", 20), MAX_SLEEP_S)
        every = self._num("every", 1.0)
        while time.monotonic() < end:
            self.wfile.write(b"<")
            self.wfile.flush()
            if not self._wait(every):
                break
        self.close_connection = True

    def big(self, _: str) -> None:
        """`mb` MB of a 'PDF', chunked (no length) unless length=1; the same 64 KB buffer is sent again and
        again so the server itself stays small."""
        total = int(self._num("mb", 200) * MB)
        declared = self.query.get("length") == "1"
        self.send_response(200)
        self.send_header("Content-Type", self.query.get("ct", "application/pdf"))
        if declared:
            self.send_header("Content-Length", str(total))
        else:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = (b"%PDF-1.4\n" + bytes(64 * 1024))[: 64 * 1024]
        sent = 0
        while sent < total:
            piece = chunk[: min(len(chunk), total - sent)]
            self.wfile.write(piece if declared else b"%x\r\n%s\r\n" % (len(piece), piece))
            sent += len(piece)
            self.server.stats.bytes_sent["/big"] += len(piece)
        if not declared:
            self.wfile.write(b"0\r\n\r\n")

    def bomb_gzip(self, _: str) -> None:
        layers = int(self._num("layers", 1))
        body = gzip_bomb(int(self._num("mb", 256)), layers)
        self._send(200, body, "text/html; charset=utf-8", {"Content-Encoding": ", ".join(["gzip"] * layers)})

    def bomb_br(self, _: str) -> None:
        self._send(200, brotli_bomb(int(self._num("mb", 256))), "text/html", {"Content-Encoding": "br"})

    def encoded(self, kind: str) -> None:
        """A good page sent compressed the ways servers do it (raw deflate is common and non-standard)."""
        plain = self._good_page()
        if kind == "gzip":
            body, enc = gzip.compress(plain), "gzip"
        elif kind == "gzip-members":  # two gzip members back to back: one body
            half = len(plain) // 2
            body, enc = gzip.compress(plain[:half]) + gzip.compress(plain[half:]), "gzip"
        elif kind == "deflate":
            body, enc = zlib.compress(plain), "deflate"
        elif kind == "deflate-raw":
            comp = zlib.compressobj(6, zlib.DEFLATED, -15)
            body, enc = comp.compress(plain) + comp.flush(), "deflate"
        elif kind == "br":
            body, enc = brotli.compress(plain), "br"
        elif kind == "junk-label":  # "Content-Encoding: UTF-8" on a plain body (IIS does this)
            body, enc = plain, "UTF-8"
        else:
            body, enc = b"not gzip at all", "gzip"
        self._send(200, body, "text/html; charset=utf-8", {"Content-Encoding": enc})

    def _redirect(self, location: str, status: int = 302, headers: dict[str, str] | None = None) -> None:
        self._send(status, b"", None, {"Location": location, **(headers or {})})

    def hop(self, n: str) -> None:
        left = int(n or 0)
        if left <= 0:
            self._good()
        else:
            self._redirect(f"/hop/{left - 1}", 301 if left % 2 else 302)

    def cookie_check(self, _: str) -> None:
        """A gateway that sends a browser back to the same URL once its cookie is set."""
        if "gate=ok" in (self.headers.get("Cookie") or ""):
            self._good()
        else:
            self._redirect("/cookie-check", 302, {"Set-Cookie": "gate=ok; Path=/"})

    def retry_after(self, _: str) -> None:
        """429 with Retry-After (seconds, or an HTTP-date with date=1) for the first `n` calls of `key`. The date
        is `after` seconds past `at` (epoch seconds; the server's clock when absent), so a test that gives the
        fetcher the same `at` as its clock knows the exact wait it must choose."""
        key = "ra:" + self.query.get("key", "default")
        if self.server.stats.bump(key) <= int(self._num("n", 1)):
            after = self._num("after", 1)
            at = self._num("at", 0.0) or time.time()
            value = (email.utils.formatdate(at + after, usegmt=True) if self.query.get("date") == "1"
                     else str(int(after)))
            self._send(429, page("Too Many Requests", "ช้าลงหน่อย", menu=False), headers={"Retry-After": value})
        else:
            self._good()

    def flaky(self, _: str) -> None:
        """`status` (503) for the first `n` calls of `key` (n=-1: always), then a good page."""
        key = "flaky:" + self.query.get("key", "default")
        n = int(self._num("n", 1))
        if n < 0 or self.server.stats.bump(key) <= n:
            self._send(int(self._num("status", 503)), page("Service Unavailable", "ระบบขัดข้อง", menu=False))
        else:
            self._good()

    def status(self, code: str) -> None:
        status = int(code or 500)
        headers = {"WWW-Authenticate": 'Basic realm="intranet"'} if status == 401 else {}
        self._send(status, page(f"{status}", f"HTTP {status}", menu=False), headers=headers)

    def file(self, rest: str) -> None:
        """/file/<broken|corpus|hostile>/<name>?ct=<content type to claim> (ct=none: no header)."""
        folder, _, name = rest.partition("/")
        base = FILE_DIRS.get(folder)
        if base is None or "/" in name or name.startswith(".") or not (base / name).is_file():
            self._send(404, page("404 Not Found", "Not Found", menu=False))
            return
        ct = self.query.get("ct", "application/octet-stream")
        self._send(200, (base / name).read_bytes(), None if ct == "none" else ct)

    def thai(self, name: str) -> None:
        ct, meta, source = THAI_PAGES[name]
        if source == "generated":
            body = thai_page(urlsplit(self.path).path, meta)
        else:
            body = (FIXTURES / "corpus" / source).read_bytes()
        self._send(200, body, ct)

    def soft(self, name: str) -> None:
        _what, body = SOFT_PAGES[name]
        self._send(200, body)

    def reset(self, _: str) -> None:
        """Promises 5,000 bytes, sends 100, hangs up: a server process that died mid-answer."""
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("Content-Length", "5000")
        self.end_headers()
        self.wfile.write(b"%PDF-1.4\n" + b"0" * 91)
        self.wfile.flush()
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def set_cookie(self, _: str) -> None:
        """A good page that sets the cookie `cookie` (e.g. "sid=A; Domain=go.th; Path=/")."""
        self._send(200, self._good_page(), headers={"Set-Cookie": self.query.get("cookie", "sid=1; Path=/")})

    def drip_headers(self, _: str) -> None:
        """The status line, then the headers one byte per `every` seconds for at most `seconds`."""
        head = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nX-Padding: "
                + b"a" * 4000 + b"\r\nContent-Length: 10\r\n\r\n<p>ok</p>\n")
        end = time.monotonic() + min(self._num("seconds", 20), MAX_SLEEP_S)
        every = self._num("every", 1.0)
        for i in range(len(head)):
            if time.monotonic() >= end:
                break
            self.wfile.write(head[i:i + 1])
            self.wfile.flush()
            if not self._wait(every):
                break
        self.close_connection = True

    def hostile_text(self, _: str) -> None:
        """A WordPress-looking page whose title and text carry the string `HOSTILE_STRING` (terminal escapes, HTML,
        bidi override, NUL); its REST record (/wp-json/wp/v2/pages) carries it in `title` and `modified`."""
        body = (f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{PLAN} {HOSTILE_HTML}</title>'
                '<link rel="https://api.w.org/" href="/wp-json/">'
                '<meta name="generator" content="WordPress 6.4.2"></head>'
                f'<body class="page-template-default page page-id-77"><main><h1>{PLAN}</h1>'
                f"<p>{good_text('/hostile-text')}</p><p>{HOSTILE_HTML}</p></main></body></html>")
        self._send(200, body.encode("utf-8"))

    def wp_record(self, _: str) -> None:
        import json

        record = [{"id": 77, "link": self.url_of("/hostile-text"), "modified": HOSTILE_STRING,
                   "title": {"rendered": f"{PLAN} {HOSTILE_STRING}"},
                   "content": {"rendered": f"<p>{good_text('/hostile-text')}</p><p>{HOSTILE_HTML}</p>"}}]
        self._send(200, json.dumps(record).encode("utf-8"), "application/json")

    def url_of(self, path: str) -> str:
        return f"http://{self.headers.get('Host') or '127.0.0.1'}{path}"

    def garbage(self, _: str) -> None:
        """Not HTTP at all (a port reused by another service)."""
        self.wfile.write(b"SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.6\r\n")
        self.wfile.flush()
        self.close_connection = True


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True  # a dripping handler must never keep the test process alive
    allow_reuse_address = True

    def __init__(self, stats: Stats, ssl_context: ssl.SSLContext | None) -> None:
        self.stats = stats
        self.ssl_context = ssl_context
        super().__init__(("127.0.0.1", 0), _Handler)

    def finish_request(self, request: socket.socket, client_address: tuple[str, int]) -> None:  # type: ignore[override]
        if self.ssl_context is not None:
            # Handshake in the handler thread, so a client that rejects the certificate (the point of the
            # TLS tests) costs that thread only.
            request.settimeout(10)
            try:
                request = self.ssl_context.wrap_socket(request, server_side=True)
            except (ssl.SSLError, OSError):
                return
        super().finish_request(request, client_address)

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hang up on purpose in these tests


class HostileServer:
    """The hostile site; `tls=True` serves the same endpoints over HTTPS with a self-signed certificate."""

    def __init__(self, *, tls: bool = False) -> None:
        context = None
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(HOSTILE / "tls_cert.pem", HOSTILE / "tls_key.pem")
        self.stats = Stats()
        self._server = _Server(self.stats, context)
        self.port = int(self._server.server_address[1])
        self.scheme = "https" if tls else "http"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"hostile-{self.port}", daemon=True)

    def start(self) -> HostileServer:
        self._thread.start()
        return self

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"{self.scheme}://{host}:{self.port}{path}"

    @property
    def base(self) -> str:
        return self.url("/")

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def __enter__(self) -> HostileServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---------------------------------------------------------------- memory measurement


class PeakRSS:
    """Peak resident memory of this process while the block runs, in bytes above the baseline.

    Sampled with psutil every `interval` seconds on a thread; on Linux also read from VmHWM after resetting
    it (exact, catches spikes between samples) when the kernel allows it. `rise` is the larger of the two.
    With `children=True` the summed RSS of child processes (extraction workers) is sampled too, every
    `children_every` samples (listing processes costs more than reading one).
    """

    def __init__(self, interval: float = 0.002, *, children: bool = False, children_every: int = 10) -> None:
        import psutil

        self._proc = psutil.Process(os.getpid())
        self._interval = interval
        self._children = children
        self._children_every = children_every
        self._stop = threading.Event()
        self.baseline = 0
        self.peak = 0
        self.children_peak = 0
        self._hwm_ok = False

    @staticmethod
    def _vm_hwm() -> int | None:
        try:
            for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
        except OSError:
            return None
        return None

    def _children_rss(self) -> int:
        import psutil

        total = 0
        for child in self._proc.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                total += child.memory_info().rss
        return total

    def _sample(self) -> None:
        n = 0
        while not self._stop.is_set():
            self.peak = max(self.peak, self._proc.memory_info().rss)
            if self._children and n % self._children_every == 0:
                self.children_peak = max(self.children_peak, self._children_rss())
            n += 1
            self._stop.wait(self._interval)

    def __enter__(self) -> PeakRSS:
        self.baseline = self._proc.memory_info().rss
        self.peak = self.baseline
        with contextlib.suppress(OSError):
            Path("/proc/self/clear_refs").write_text("5", encoding="utf-8")  # reset VmHWM to the current RSS
            hwm = self._vm_hwm()
            self._hwm_ok = hwm is not None and hwm <= self.baseline + 4 * MB
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        if self._hwm_ok:
            hwm = self._vm_hwm()
            if hwm is not None:
                self.peak = max(self.peak, hwm)

    @property
    def rise(self) -> int:
        return self.peak - self.baseline


# ---------------------------------------------------------------- the hostile agency


@dataclass(frozen=True)
class Case:
    """One submitted URL of the hostile agency and how it must end up classified."""

    item: str
    what: str
    url: str
    status: Status
    codes: tuple[str, ...] = ()  # reason codes the finding must carry
    attempts: int | None = None  # attempts the fetcher must report for the submitted URL


def hostile_cases(site: HostileServer, tls_site: HostileServer, closed_port: int) -> list[Case]:
    u = site.url
    P, R, E, F = Status.PASS, Status.REVIEW, Status.ERROR, Status.FAIL
    cases = [
        ("good page", u("/page/good"), P, (), 1),
        ("slow first byte (over the read timeout)", u("/slow-head?delay=8"), E, ("timeout",), 3),
        ("slow first byte (within the read timeout)", u("/slow-head?delay=0.1"), P, (), 1),
        # 10 bytes/s: far below the minimum rate, while each byte comes well within the read timeout, so
        # only the drip guard can end it (at 1 byte/s the read timeout raced it).
        ("10 bytes/s drip", u("/drip?seconds=20&every=0.1"), E, ("timeout",), 1),
        ("200 MB streamed body, no length", u("/big?mb=200"), R, ("too_large",), 1),
        ("200 MB body, declared length", u("/big?mb=200&length=1"), R, ("too_large",), 1),
        ("gzip bomb (256 MB of zeros)", u("/bomb/gzip?mb=256"), R, ("too_large",), 1),
        ("gzip inside gzip bomb", u("/bomb/gzip?mb=256&layers=2"), R, ("too_large",), 1),
        ("brotli bomb", u("/bomb/br?mb=256"), R, ("too_large",), 1),
        ("gzip-encoded page", u("/encoded/gzip"), P, (), 1),
        ("raw deflate page (non-standard)", u("/encoded/deflate-raw"), P, (), 1),
        ("brotli page", u("/encoded/br"), P, (), 1),
        ("corrupt gzip body", u("/encoded/bad"), E, ("protocol_error",), 1),
        ("redirect loop", u("/loop/a"), E, ("redirect_loop",), 2),
        ("3-hop redirect", u("/hop/3"), P, (), 4),
        ("redirect to another host", u("/offsite"), R, ("off_site",), 2),
        ("redirect to ftp://", u("/to-ftp"), F, ("bad_scheme",), 1),
        ("redirect without Location", u("/no-location"), E, ("protocol_error",), 1),
        ("cookie-check redirect to itself", u("/cookie-check"), P, (), 2),
        ("429 with Retry-After seconds", u("/retry-after?key=s&after=1"), P, (), 2),
        ("429 with Retry-After HTTP-date", u("/retry-after?key=d&after=1&date=1"), P, (), 2),
        ("503 then 200", u("/flaky?key=once"), P, (), 2),
        ("503 every time", u("/flaky?key=always&n=-1"), E, ("server_error",), 3),
        ("404", u("/status/404"), F, ("http_error",), 1),
        ("401 basic auth", u("/status/401"), F, ("login_wall",), 1),
        ("Cloudflare challenge", u("/challenge"), E, ("bot_wall",), 1),
        ("PDF served as text/html", u("/file/corpus/a1_laksaman.pdf?ct=text/html"), P, (), 1),
        ("PDF served as octet-stream", u("/file/corpus/a2_notosansthai.pdf?ct=application/octet-stream"), P, (), 1),
        ("DOCX without content type", u("/file/corpus/a1_laksaman.docx?ct=none"), P, (), 1),
        ("TIS-620 corpus page, no charset anywhere", u("/thai/corpus-tis620-nocharset"), P, (), 1),
        ("TIS-620 page, no charset anywhere", u("/thai/tis620-nocharset"), P, (), 1),
        ("TIS-620 page, header says utf-8", u("/thai/tis620-wrong-header-utf8"), P, (), 1),
        ("TIS-620 page, meta says utf-8", u("/thai/tis620-wrong-meta-utf8"), P, (), 1),
        ("windows-874 page labelled TIS-620", u("/thai/cp874-labelled-tis620"), P, (), 1),
        ("TIS-620 page, no Content-Type", u("/thai/tis620-no-content-type"), P, (), 1),
        ("truncated PDF", u("/file/broken/truncated_40pct.pdf?ct=application/pdf"), R, ("corrupt_document",), 1),
        ("PDF with garbage xref", u("/file/broken/xref_garbage.pdf?ct=application/pdf"), R, ("corrupt_document",), 1),
        ("encrypted PDF (password)", u("/file/broken/encrypted_password.pdf?ct=application/pdf"), R, ("encrypted",), 1),
        ("encrypted PDF (empty user password)", u("/file/broken/encrypted_empty_user.pdf?ct=application/pdf"),
         P, (), 1),
        ("not a PDF at all", u("/file/broken/not_a_pdf.pdf?ct=application/pdf"), R, ("corrupt_document",), 1),
        # Past our own memory bound: could not check (error), never "damaged, upload again" (issue 9, class 9).
        ("PDF decompression bomb", u("/file/hostile/bomb_memory.pdf?ct=application/pdf"), E,
         ("extract_too_complex",), 1),
        ("truncated DOCX", u("/file/broken/truncated_50pct.docx"), R, ("corrupt_document",), 1),
        ("corrupt XLSX", u("/file/broken/corrupt_sheet.xlsx"), R, ("corrupt_document",), 1),
        ("soft 404 (CMS template)", u("/soft/soft404"), F, ("soft_404",), 1),
        ("soft 404 (404 title, long page)", u("/soft/soft404-title"), F, ("soft_404",), 1),
        ("login wall", u("/soft/login"), F, ("login_wall",), 1),
        ("WordPress login URL", u("/soft/wp-login.php"), F, ("login_wall",), 1),
        ("parked domain", u("/soft/parked"), F, ("parked_domain",), 1),
        ("hosting account suspended", u("/soft/suspended"), E, ("site_unavailable",), 1),
        ("firewall block page with 200", u("/soft/waf"), E, ("bot_wall",), 1),
        ("JavaScript-only page", u("/soft/js-app"), R, ("needs_javascript",), 1),
        ("empty page", u("/soft/empty"), F, ("empty_page",), 1),
        ("self-signed certificate", tls_site.url("/page/tls"), E, ("tls_error",), 1),
        ("connection refused", f"http://127.0.0.1:{closed_port}/o1.html", E, ("unreachable",), None),
        ("server dies mid-body", u("/reset"), E, ("protocol_error",), 3),
        ("not HTTP at all", u("/garbage"), E, ("protocol_error",), 3),
        ("mailto: link", "mailto:saraban@nongbua.go.th", F, ("bad_scheme",), 0),
        ("Facebook post", "https://www.facebook.com/nongbua.sao/posts/123456789", R, ("external_system",), None),
        ("OneDrive share", "https://1drv.ms/b/s!AkQ2x7Yexample", R, ("external_system",), None),
        ("Google Drive folder", "https://drive.google.com/drive/folders/1AbCdEfGhIjKlMnOpQrStUvWxYz012345", R,
         ("drive_folder",), None),
    ]
    return [Case(f"H{i:02d}", what, url, status, codes, attempts)
            for i, (what, url, status, codes, attempts) in enumerate(cases, start=1)]


def hostile_catalogue(cases: list[Case]) -> Catalogue:
    """One item per case; each asks for the phrase every good page of the agency carries."""
    component = Component(id="plan", label_th="แผนป้องกันการทุจริต", label_en="anti-corruption plan",
                          phrases=(PLAN,), confidence=Confidence.CONFIRMED)
    items = tuple(
        Item(id=c.item, name_th=f"กรณีทดสอบ {c.item}", name_en=c.what, indicator=9, sub_indicator="9.1",
             components=(component,), fiscal_year_rule=FiscalYearRule.NONE, confidence=Confidence.CONFIRMED,
             evidence=EvidenceRule(min_chars=50))
        for c in cases)
    return Catalogue(criteria_year=2568, version="hostile", source="tests/support/hostile_server.py", items=items)


def hostile_agency(site: HostileServer, cases: list[Case]) -> Agency:
    return Agency(name="อบต.หนองบัว (hostile)", home=site.base, items={c.item: (c.url,) for c in cases},
                  fiscal_year=2569, slug="hostile")


def hostile_fetch_settings(**overrides: object) -> FetchSettings:
    """Real limits scaled down so that the whole hostile agency runs in seconds."""
    values: dict[str, object] = {
        "connect_timeout_s": 1.0, "read_timeout_s": 1.0, "document_timeout_s": 3.0, "rate_grace_s": 0.5,
        "backoff_base_s": 0.05, "backoff_max_s": 0.2, "retry_after_cap_s": 2.0, "max_bytes": 50 * MB,
        "large_bodies": 1,
        "allow_private": True,  # the hostile site is on 127.0.0.1: these tests opt out of the fetch policy
    }
    values.update(overrides)
    return FetchSettings(**values)  # type: ignore[arg-type]


def bounded_pool(*, timeout: float = 5.0, memory_limit: int = 512 * MB) -> Callable[..., object]:
    """An ExtractPool factory with test-sized bounds, to put in place of `oit_checker.engine.session.ExtractPool`:
    RunOptions has no knob for the extraction time and memory bounds yet."""
    from oit_checker.extract.pool import ExtractPool

    return functools.partial(ExtractPool, timeout=timeout, memory_limit=memory_limit)
