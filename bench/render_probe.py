"""Probe: render script-drawn pages in the system Chromium through Playwright, and measure it (issue 16).

    .venv/bin/pip install playwright            # the Python package only; never `playwright install`
    apt-get install -y chromium                 # Debian's browser, driven by path
    .venv/bin/python bench/render_probe.py                       # /usr/bin/chromium
    .venv/bin/python bench/render_probe.py --browser /usr/lib/chromium/chromium --json out.json
    .venv/bin/python bench/render_probe.py --via-python          # Chromium sends nothing: httpx fetches for it

Serves `fixtures/spa/` on 127.0.0.1 (a thread of this process), launches one headless Chromium, and loads
the pages below one after another in that one browser (a fresh context per page), each under a time cap:
`goto(wait_until="networkidle")`, then the serialized DOM (`page.content()`). Every request to a host other
than the fixture server is aborted by route interception, and the host resolver maps every other name to
"not found", so nothing leaves the machine even for requests the browser makes on its own (its updater).
With `--via-python` Chromium resolves no name at all: each allowed request is made by httpx in this process
and handed back with `route.fulfill` (the shape proposed for `--render`: the product's own client, limits,
politeness and cache serve the browser).

Printed: cold start (driver + browser launch), then per page its wall time, whether the network went idle
in time, the rendered DOM's text length and link count, requests served / blocked; the peak RSS (and PSS)
of the whole process tree (this process, Playwright's node driver, every Chromium process) for the cold
start and for each page, sampled with psutil every 50 ms; and the DOM text at the `load` event compared
with the one at network idle (the fixture SPA draws its table from a lazy chunk after `load`).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import mimetypes
import os
import re
import sys
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx
import psutil
from selectolax.lexbor import LexborHTMLParser

if TYPE_CHECKING:
    from playwright.async_api import Route

ROOT = Path(__file__).resolve().parent.parent
SPA_DIR = ROOT / "fixtures" / "spa"

# The launch options that work here, as root. Playwright adds its own defaults (and --no-sandbox itself
# unless chromium_sandbox=True, which fails as root); these are the ones asked for, kept explicit.
CHROMIUM_ARGS = [
    "--no-sandbox",  # root: Chromium refuses to start its sandbox as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# (label, path under fixtures/spa/): the SPA three ways, its plain twin, a hash-routed menu, a page that
# never goes idle, and two empty shells whose bundles do not exist (what a 404ing bundle costs).
PAGES = [
    ("spa /ita/o6.html (shell per route)", "site/ita/o6.html"),
    ("spa /#/ita/o6 (hash route)", "site/#/ita/o6"),
    ("spa /#/ita (hash-routed menu)", "site/#/ita"),
    ("plain twin /plain/ita-o6.html", "site/plain/ita-o6.html"),
    ("shell react-vite (bundle 404)", "shells/react-vite.html"),
    ("shell next-export (bundles 404)", "shells/next-export.html"),
    ("never idle /busy.html", "site/busy.html"),
]


# ------------------------------------------------------------------ the fixture server


class _Handler(SimpleHTTPRequestHandler):
    counts: Counter[str]

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        self.counts[self.path.split("?", 1)[0]] += 1
        return super().send_head()


@contextmanager
def serve(root: Path) -> Iterator[tuple[str, Counter[str]]]:
    """Serve `root` on a free port of 127.0.0.1; yields the base URL and a counter of paths requested."""
    mimetypes.add_type("text/javascript", ".js")  # module scripts need a JavaScript MIME type
    counts: Counter[str] = Counter()
    handler = type("Handler", (_Handler,), {"counts": counts})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", counts
    finally:
        server.shutdown()
        server.server_close()


# ------------------------------------------------------------------ memory of the whole process tree


class TreeMemory:
    """Samples RSS summed over this process and all its descendants every 50 ms, in a thread; PSS (which
    counts shared pages once, so it does not add Chromium's shared libraries up per process) only when
    asked, since reading smaps of ~10 Chromium processes takes ~60 ms of CPU."""

    def __init__(self, interval: float = 0.05) -> None:
        self.me = psutil.Process(os.getpid())
        self.interval = interval
        self.peak_rss = self.peak_pss = 0  # since the last reset()
        self.max_rss = self.max_pss = 0  # over the whole run
        self.peak_procs = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _tree(self) -> list[psutil.Process]:
        try:
            return [self.me, *self.me.children(recursive=True)]
        except psutil.Error:
            return [self.me]

    def sample(self, with_pss: bool) -> None:
        rss = pss = 0
        procs = self._tree()
        for p in procs:
            try:
                if with_pss:
                    info = p.memory_full_info()
                    rss += info.rss
                    pss += info.pss
                else:
                    rss += p.memory_info().rss
            except psutil.Error:
                continue
        self.peak_rss = max(self.peak_rss, rss)
        self.max_rss = max(self.max_rss, rss)
        self.peak_procs = max(self.peak_procs, len(procs))
        if with_pss:
            self.peak_pss = max(self.peak_pss, pss)
            self.max_pss = max(self.max_pss, pss)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample(with_pss=False)
            self._stop.wait(self.interval)

    def reset(self) -> None:
        self.peak_rss = self.peak_pss = self.peak_procs = 0

    def start(self) -> TreeMemory:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def mib(n: int) -> float:
    return round(n / 2**20, 1)


# ------------------------------------------------------------------ what the product would read


def dom_facts(html: str) -> tuple[int, int]:
    """(visible text characters without whitespace, links with an href) of a serialized DOM."""
    tree = LexborHTMLParser(html)
    links = len(tree.css("a[href]"))
    tree.strip_tags(["script", "style", "noscript", "template", "svg"], recursive=True)
    body = tree.body
    text = body.text(separator=" ") if body is not None else ""
    return len(re.sub(r"\s+", "", text)), links


def product_text(html: str, url: str) -> str | None:
    """The product's own HTML extraction of the rendered DOM, when the package is importable as it is now."""
    try:
        from oit_checker.extract.html import extract_html
    except ImportError:  # the package is being restructured: the comparison is a bonus, not the probe
        return None
    return extract_html(html.encode("utf-8"), url, "utf-8").text


# ------------------------------------------------------------------ the probe


@dataclass
class PageResult:
    label: str
    url: str
    wall_s: float
    context_s: float
    goto_s: float
    content_s: float
    close_s: float
    idle: bool
    text_chars: int
    links: int
    requests_served: int
    blocked: list[str]
    peak_rss_mib: float
    peak_pss_mib: float
    error: str = ""
    text_at_load: int | None = None


@dataclass
class Report:
    browser: str
    via_python: bool = False
    version: str = ""
    user_data_dir: str = ""
    user_data_dir_removed: bool | None = None
    cold_start_s: float = 0.0
    cold_start_peak_rss_mib: float = 0.0
    cold_start_peak_pss_mib: float = 0.0
    idle_browser_rss_mib: float = 0.0
    idle_browser_pss_mib: float = 0.0
    chromium_processes: int = 0
    pages: list[PageResult] = field(default_factory=list)
    close_s: float = 0.0
    total_s: float = 0.0
    peak_rss_mib: float = 0.0
    peak_pss_mib: float = 0.0
    spa_equals_twin: bool | None = None


_HOP_HEADERS = {"content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive"}


def python_gate_for(own: str, blocked: list[str], client: httpx.AsyncClient) -> Callable[[Route], Awaitable[None]]:
    """Like `gate_for`, but the browser sends nothing itself: each allowed request is made by httpx here (as the
    product's own client would, with its limits, politeness and cache) and handed back with `route.fulfill`."""

    async def gate(route: Route) -> None:
        request = route.request
        target = urlsplit(request.url)
        if target.scheme not in ("http", "https") or target.netloc != own:
            blocked.append(f"{target.scheme}://{target.netloc}")
            await route.abort("blockedbyclient")
            return
        try:
            answer = await client.request(request.method, request.url, headers={
                k: v for k, v in request.headers.items() if k.lower() in ("accept", "accept-language", "range")},
                content=request.post_data_buffer)
        except httpx.HTTPError:
            await route.abort("failed")
            return
        headers = {k: v for k, v in answer.headers.items() if k.lower() not in _HOP_HEADERS}
        await route.fulfill(status=answer.status_code, headers=headers, body=answer.content)

    return gate


def gate_for(own: str, blocked: list[str]) -> Callable[[Route], Awaitable[None]]:
    """A route handler letting through only http(s) requests to `own` (host:port), recording the others.

    One parameter on purpose: Playwright passes (route, request) to a handler that takes two, so a
    default argument (`blocked=blocked`) would silently receive the Request."""

    async def gate(route: Route) -> None:
        target = urlsplit(route.request.url)
        if target.scheme in ("http", "https") and target.netloc == own:
            await route.continue_()
        else:
            blocked.append(f"{target.scheme}://{target.netloc}")
            await route.abort("blockedbyclient")

    return gate


def chromium_profile(mem: TreeMemory) -> str:
    for p in mem._tree():
        try:
            for arg in p.cmdline():
                if arg.startswith("--user-data-dir="):
                    return arg.split("=", 1)[1]
        except psutil.Error:
            continue
    return ""


async def probe(browser_path: str, cap_s: float, base: str, counts: Counter[str], via_python: bool = False) -> Report:
    from playwright.async_api import TimeoutError as PlaywrightTimeout
    from playwright.async_api import async_playwright

    report = Report(browser=browser_path, via_python=via_python)
    own = urlsplit(base).netloc
    host = urlsplit(base).hostname or "127.0.0.1"
    # Served by Python: Chromium resolves no name at all, not even the fixture server's.
    rules = "MAP * ~NOTFOUND" if via_python else f"MAP * ~NOTFOUND , EXCLUDE {host}"
    client = httpx.AsyncClient(timeout=cap_s)
    mem = TreeMemory().start()
    started = time.perf_counter()
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=browser_path,
            headless=True,
            args=[*CHROMIUM_ARGS, f"--host-resolver-rules={rules}"],
            timeout=30_000,
        )
        report.cold_start_s = round(time.perf_counter() - started, 3)
        report.version = browser.version
        mem.sample(with_pss=True)
        report.cold_start_peak_rss_mib, report.cold_start_peak_pss_mib = mib(mem.peak_rss), mib(mem.peak_pss)
        report.user_data_dir = chromium_profile(mem)
        await asyncio.sleep(1.0)  # the browser's helper processes (GPU, network, storage) start after launch
        mem.reset()
        mem.sample(with_pss=True)
        report.idle_browser_rss_mib, report.idle_browser_pss_mib = mib(mem.peak_rss), mib(mem.peak_pss)
        report.chromium_processes = sum(1 for p in mem._tree() if "chrom" in p.name())
        texts: dict[str, str | None] = {}

        for label, path in PAGES:
            url = base + path
            mem.reset()
            counts.clear()
            blocked: list[str] = []
            t0 = time.perf_counter()
            context = await browser.new_context(service_workers="block", accept_downloads=False,
                                                locale="th-TH", java_script_enabled=True)
            await context.route("**/*", python_gate_for(own, blocked, client) if via_python else gate_for(own, blocked))
            page = await context.new_page()
            t1 = time.perf_counter()
            idle, error = True, ""
            try:
                await page.goto(url, wait_until="networkidle", timeout=cap_s * 1000)
            except PlaywrightTimeout:
                idle = False  # the cap ended the wait: read what is drawn by now
            except Exception as exc:  # a navigation error (refused, aborted): recorded, the probe goes on
                idle, error = False, f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
            t2 = time.perf_counter()
            try:
                html = await page.content()
            except Exception as exc:
                html, error = "", error or f"content: {exc}"
            t3 = time.perf_counter()
            mem.sample(with_pss=True)  # the page still open: its renderer counts
            t4 = time.perf_counter()
            await context.close()
            t5 = time.perf_counter()
            wall = (t5 - t0) - (t4 - t3)  # without the PSS sample itself
            chars, links = dom_facts(html)
            texts[path] = product_text(html, url) if html else None
            report.pages.append(PageResult(
                label=label, url=url, wall_s=round(wall, 3), context_s=round(t1 - t0, 3),
                goto_s=round(t2 - t1, 3), content_s=round(t3 - t2, 3), close_s=round(t5 - t4, 3), idle=idle,
                text_chars=chars, links=links,
                requests_served=sum(counts.values()), blocked=sorted(set(blocked)),
                peak_rss_mib=mib(mem.peak_rss), peak_pss_mib=mib(mem.peak_pss), error=error))

        # Why network idle: the same SPA page read at the `load` event has no table yet.
        context = await browser.new_context(service_workers="block")
        await context.route("**/*", python_gate_for(own, [], client) if via_python else gate_for(own, []))
        page = await context.new_page()
        await page.goto(base + PAGES[0][1], wait_until="load", timeout=cap_s * 1000)
        at_load, _ = dom_facts(await page.content())
        await context.close()
        report.pages[0].text_at_load = at_load

        t0 = time.perf_counter()
        await browser.close()
        report.close_s = round(time.perf_counter() - t0, 3)
    await client.aclose()
    report.total_s = round(time.perf_counter() - started, 3)
    mem.stop()
    report.peak_rss_mib, report.peak_pss_mib = mib(mem.max_rss), mib(mem.max_pss)
    if report.user_data_dir:
        report.user_data_dir_removed = not Path(report.user_data_dir).exists()
    spa, twin = texts.get(PAGES[0][1]), texts.get("site/plain/ita-o6.html")
    if spa is not None and twin is not None:
        report.spa_equals_twin = spa == twin
    return report


def print_report(r: Report, cap_s: float) -> None:
    how = "every request made by httpx and fulfilled" if r.via_python else "the browser fetches its own host"
    print(f"browser {r.browser} — Chromium {r.version} ({how}); profile {r.user_data_dir or '?'} "
          f"(removed after close: {r.user_data_dir_removed})")
    print(f"cold start (driver + launch): {r.cold_start_s:.2f} s, tree RSS {r.cold_start_peak_rss_mib} MiB "
          f"(PSS {r.cold_start_peak_pss_mib} MiB); idle browser 1 s later: RSS {r.idle_browser_rss_mib} MiB "
          f"(PSS {r.idle_browser_pss_mib} MiB), {r.chromium_processes} Chromium processes")
    print(f"per page (fresh context each, one browser, cap {cap_s:g} s):")
    print(f"  {'page':36} {'wall s':>7} {'ctx':>5} {'goto':>5} {'read':>5} {'close':>5} {'idle':>5} {'text':>6} "
          f"{'links':>5} {'served':>6} {'RSS MiB':>8} {'PSS MiB':>8}  blocked")
    for p in r.pages:
        print(f"  {p.label:36} {p.wall_s:7.2f} {p.context_s:5.2f} {p.goto_s:5.2f} {p.content_s:5.2f} {p.close_s:5.2f} "
              f"{'yes' if p.idle else 'NO':>5} {p.text_chars:6d} {p.links:5d} "
              f"{p.requests_served:6d} {p.peak_rss_mib:8.1f} {p.peak_pss_mib:8.1f}  "
              f"{', '.join(p.blocked) or '-'}{'  ' + p.error if p.error else ''}")
    first = r.pages[0]
    print(f"SPA text at the load event: {first.text_at_load} chars; at network idle: {first.text_chars} chars")
    if r.spa_equals_twin is not None:
        print(f"product extraction of the rendered SPA == of the plain twin: {r.spa_equals_twin}")
    print(f"browser close: {r.close_s:.2f} s; whole run {r.total_s:.2f} s; "
          f"peak tree RSS {r.peak_rss_mib} MiB (PSS {r.peak_pss_mib} MiB)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--browser", default="/usr/bin/chromium", help="Chromium executable (default: %(default)s)")
    parser.add_argument("--cap", type=float, default=10.0, help="per-page time cap in seconds (default: %(default)s)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--via-python", action="store_true",
                        help="Chromium sends nothing: httpx makes every allowed request and fulfills it")
    args = parser.parse_args(argv)
    if not Path(args.browser).exists():
        print(f"no browser at {args.browser}: apt-get install -y chromium, or pass --browser PATH", file=sys.stderr)
        return 2
    try:
        import playwright  # noqa: F401
    except ImportError:
        print("the playwright package is missing: .venv/bin/pip install playwright", file=sys.stderr)
        return 2
    with serve(SPA_DIR) as (base, counts):
        report = asyncio.run(probe(args.browser, args.cap, base, counts, via_python=args.via_python))
    print_report(report, args.cap)
    if args.json:
        Path(args.json).write_text(json.dumps(asdict(report), ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
