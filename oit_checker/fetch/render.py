"""Draw pages that JavaScript builds, in a headless Chromium driven by Playwright (`--render`, optional).

Only pages the HTML reader recognised as a shell (`Document.script_shell`) come here. One browser per run,
started on the first page that needs it and closed at the end; one browser context per agency (its cookies and
storage stay with it); a few pages at once. The browser is Debian's `chromium` (or `--browser PATH`), driven by
path: nothing is ever downloaded.

The browser talks to nobody. Its host resolver maps every name to "not found", what is not an HTTP request
(WebSocket, WebRTC) goes to a proxy that does not exist, and every request a page makes is intercepted: the few that
are allowed are made by the product's own client (the `fetch` callable the engine hands in: the `Fetcher`, with its
fetch policy, per-host politeness, retries, size limits, cache and request count) and handed back to the browser
with `route.fulfill`. Allowed: GET requests for the page's own site (documents, scripts, stylesheets, XHR/fetch) and
application bundles the shell itself names on other hosts (a CDN's copy of the app); refused: images, fonts, media,
other sites (analytics, web fonts, widgets), any other method. The page's own HTML is the one the engine already
fetched: it is not asked for twice.

A page is read when its network goes idle (500 ms without a request), or when its time cap ends (never later
than the agency's time budget): whatever is drawn by then is read. Apps that wait for their data after the
first draw need the idle wait; `load` comes too early for them.

Measured on the fixture app (bench/render_probe.py): ~1 s to start the browser, ~1.5 s per page, ~0.4-0.6 GiB
PSS for the browser's processes.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import os
import shutil
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from oit_checker.errors import UsageError
from oit_checker.model import Fetched, Rendered
from oit_checker.text import i18n
from oit_checker.text.clock import monotonic
from oit_checker.text.i18n import text
from oit_checker.text.urls import host_of, same_site

if TYPE_CHECKING:  # the `render` extra: imported only when a page is rendered
    from playwright.async_api import Browser, BrowserContext, Page, Playwright, Route

__all__ = ["DEFAULT_PAGE_TIMEOUT_S", "RenderSettings", "Renderer", "find_browser", "require_render"]

DEFAULT_PAGE_TIMEOUT_S = 15.0
# The binary before Debian's wrapper script: the wrapper adds extension flags and prints shell noise.
BROWSER_CANDIDATES = ("/usr/lib/chromium/chromium", "/usr/bin/chromium", "chromium", "chromium-browser")
INSTALL_PLAYWRIGHT = "pip install 'oit-checker[render]'"
INSTALL_BROWSER = "apt-get install chromium"  # Debian/Ubuntu; the message also names --browser PATH

# Chromium's own background traffic off; its host resolver answers "not found" for every name, so nothing
# leaves the machine that the route gate did not hand to the product's client. `--disable-features` is NOT set
# here: Playwright passes its own list and a second flag would replace it (last one wins).
CHROMIUM_ARGS = (
    "--no-sandbox",  # as root Chromium refuses its sandbox; Playwright adds this flag by default anyway
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Whatever escapes the route gate (WebSocket, WebRTC) goes to a proxy that does not exist: a name is never
    # resolved, and an IP address written in a page (even loopback: its implicit bypass is removed) is never
    # reached. WebRTC may not send UDP at all (no STUN to anyone).
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
    "--webrtc-ip-handling-policy=disable_non_proxied_udp",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)
# What a page may ask for. Stylesheets of its own site are needed: Vite's preload helper rejects a dynamic
# import when a CSS preload fails, and the app then draws nothing.
_SITE_KINDS = frozenset({"document", "script", "stylesheet", "xhr", "fetch"})
_ASSET_KINDS = frozenset({"script"})  # from another host: only an application bundle the shell names
_DROPPED_HEADERS = frozenset({
    "content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive", "set-cookie",
    "strict-transport-security", "alt-svc", "upgrade",
})  # fmt: skip
_CONTENT_READ_S = 10.0  # serialising the DOM: a renderer that hangs must not hold the agency

AssetFetch = Callable[[str], Awaitable[Fetched]]


@dataclass(frozen=True)
class RenderSettings:
    browser: str | None = None  # executable path; None: the first of BROWSER_CANDIDATES found
    page_timeout_s: float = DEFAULT_PAGE_TIMEOUT_S  # per page: the wait for network idle ends here
    pages_at_once: int = 2  # each page costs a renderer process (~60-80 MiB)
    launch_timeout_s: float = 30.0


def find_browser(path: str | None) -> str:
    """The Chromium executable to drive: `path` if given (it must exist), else the first one installed."""
    if path:
        found = path if os.path.isfile(path) and os.access(path, os.X_OK) else shutil.which(path)
        if not found:
            raise UsageError(text("render.no_browser_at", path=path, install=INSTALL_BROWSER))
        return found
    for candidate in BROWSER_CANDIDATES:
        found = candidate if os.path.isabs(candidate) and os.access(candidate, os.X_OK) else shutil.which(candidate)
        if found:
            return found
    raise UsageError(text("render.no_browser", install=INSTALL_BROWSER))


def require_render(settings: RenderSettings) -> str:
    """Check before a run that `--render` can work: the playwright package, a browser, and that the browser
    starts (a program that is not one, `--browser /bin/true`, stops the run here, not on every page). Returns
    the browser's path; raises `UsageError` saying what to install or which program would not start."""
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        raise UsageError(text("render.no_playwright", install=INSTALL_PLAYWRIGHT)) from None
    path = find_browser(settings.browser)
    # Its own thread and event loop: the caller may be inside one (a test, an embedding program).
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        why = pool.submit(asyncio.run, _launch_once(path, settings.launch_timeout_s)).result()
    if why:
        raise UsageError(text("render.browser_failed", path=path, why=why, install=INSTALL_BROWSER))
    return path


async def _launch_once(path: str, timeout_s: float) -> str:
    """Start the browser at `path` headless and close it: "" when it started, else why not (one line)."""
    from playwright.async_api import async_playwright

    try:
        async with async_playwright() as driver:
            browser = await driver.chromium.launch(executable_path=path, headless=True, args=list(CHROMIUM_ARGS),
                                                   timeout=timeout_s * 1000, handle_sigint=False)
            await browser.close()
    except Exception as exc:  # not a browser, a broken install, a missing library: said before the run
        return _first_line(exc)
    return ""


@dataclass
class _PageLog:
    requests: int = 0
    blocked: set[str] = field(default_factory=set)
    main_served: bool = False


def _without_fragment(url: str) -> str:
    return url.split("#", 1)[0]


def _response_headers(got: Fetched) -> dict[str, str]:
    headers = {k: v for k, v in got.headers.items() if k.lower() not in _DROPPED_HEADERS}
    if got.content_type and "content-type" not in headers:
        headers["content-type"] = got.content_type + (f"; charset={got.charset}" if got.charset else "")
    return headers


class Renderer:
    """`await renderer.render(url, body, content_type, fetch=…)` → `Rendered`; `await renderer.close()`.

    Never raises for a page: a browser that cannot start, a page that crashes or hangs gives `html=None` and a
    note saying why (the engine then keeps the shell, reported as `script_rendered`).
    """

    def __init__(self, settings: RenderSettings | None = None, *, clock: Callable[[], float] = monotonic) -> None:
        self.settings = settings or RenderSettings()
        self._clock = clock
        self._lock = asyncio.Lock()
        self._slots = asyncio.Semaphore(max(1, self.settings.pages_at_once))
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._contexts: dict[str, BrowserContext] = {}
        self._broken = ""  # why the browser cannot be used; set once, every later page is told
        self.pages_rendered = 0
        self.launch_s = 0.0
        self.version = ""

    # ---------------------------------------------------------------- browser and contexts

    async def _start(self) -> Browser | None:
        async with self._lock:
            if self._browser is not None and self._browser.is_connected():
                return self._browser
            if self._browser is not None and not self._broken:
                self._broken = _note("browser_stopped")
            if self._broken:
                return None
            started = time.perf_counter()
            try:
                from playwright.async_api import async_playwright

                path = find_browser(self.settings.browser)
                self._playwright = await async_playwright().start()
                self._browser = await self._playwright.chromium.launch(
                    executable_path=path, headless=True, args=list(CHROMIUM_ARGS),
                    timeout=self.settings.launch_timeout_s * 1000, handle_sigint=False)
                self.version = self._browser.version
            except Exception as exc:  # no browser, a broken install: every page says so, the run goes on
                self._broken = _note("browser_failed", why=_first_line(exc))
                await self._stop_driver()
                return None
            self.launch_s = time.perf_counter() - started
            return self._browser

    async def _context(self, group: str) -> BrowserContext | None:
        browser = await self._start()
        if browser is None:
            return None
        async with self._lock:
            context = self._contexts.get(group)
            if context is None:
                context = await browser.new_context(service_workers="block", accept_downloads=False,
                                                    locale="th-TH", timezone_id="Asia/Bangkok")
                self._contexts[group] = context
            return context

    async def release(self, group: str) -> None:
        """Close one agency's context (its cookies, storage and pages) once its check is done."""
        async with self._lock:
            context = self._contexts.pop(group, None)
        if context is not None:
            with contextlib.suppress(Exception):
                await context.close()

    async def close(self) -> None:
        """Close every context, the browser (which removes its temporary profile) and the driver."""
        async with self._lock:
            contexts, self._contexts = list(self._contexts.values()), {}
            for context in contexts:
                with contextlib.suppress(Exception):
                    await context.close()
            if self._browser is not None:
                with contextlib.suppress(Exception):
                    await self._browser.close()
                self._browser = None
            await self._stop_driver()

    async def _stop_driver(self) -> None:
        if self._playwright is not None:
            with contextlib.suppress(Exception):
                await self._playwright.stop()
            self._playwright = None

    # ---------------------------------------------------------------- one page

    async def render(self, url: str, body: bytes, content_type: str, *, fetch: AssetFetch,
                     deadline: float | None = None, group: str = "", asset_hosts: frozenset[str] = frozenset(),
                     ) -> Rendered:
        """Load `url` (an app route `#/…` included) with `body` as the page's HTML and return the DOM drawn
        when the network went idle, or when the time cap (never past `deadline`) ended the wait.

        `fetch` makes every other request the page is allowed (see the module's docstring); `asset_hosts` are
        the other hosts whose scripts the shell names (its CDN)."""
        async with self._slots:
            cap = self.settings.page_timeout_s
            if deadline is not None:
                cap = min(cap, deadline - self._clock())
            if cap < 1.0:
                return Rendered(url=url, note=_note("no_budget"))
            context = await self._context(group)
            if context is None:
                return Rendered(url=url, note=self._broken)
            log = _PageLog()
            started = time.perf_counter()
            try:
                async with asyncio.timeout(cap + _CONTENT_READ_S + 5.0):
                    html, idle, note = await self._load(context, url, body, content_type, fetch, asset_hosts, cap,
                                                        log)
            except Exception as exc:  # a crashed renderer, a closed context: this page only
                html, idle, note = None, False, _note("failed", why=_first_line(exc))
            elapsed = time.perf_counter() - started
            self.pages_rendered += html is not None
            return Rendered(url=url, html=html, note=note, idle=idle, elapsed_s=round(elapsed, 3),
                            requests=log.requests, blocked=tuple(sorted(log.blocked)))

    async def _load(self, context: BrowserContext, url: str, body: bytes, content_type: str, fetch: AssetFetch,
                    asset_hosts: frozenset[str], cap: float, log: _PageLog) -> tuple[str | None, bool, str]:
        from playwright.async_api import Error as PlaywrightError
        from playwright.async_api import TimeoutError as PlaywrightTimeout

        page = await context.new_page()
        try:
            await page.route("**/*", self._gate(page, url, body, content_type, fetch, asset_hosts, log))
            idle, note = True, _note("idle")
            try:
                await page.goto(url, wait_until="networkidle", timeout=cap * 1000)
            except PlaywrightTimeout:
                idle, note = False, _note("not_idle", s=f"{cap:.0f}")
            except PlaywrightError as exc:
                idle, note = False, _note("not_loaded", why=_first_line(exc))
                if not log.main_served:
                    return None, False, note
            html = await asyncio.wait_for(page.content(), _CONTENT_READ_S)
            return html, idle, note
        finally:
            with contextlib.suppress(Exception):
                await page.close()

    def _gate(self, page: Page, url: str, body: bytes, content_type: str, fetch: AssetFetch,
              asset_hosts: frozenset[str], log: _PageLog) -> Callable[[Route], Awaitable[None]]:
        """The route handler of one page. One parameter on purpose: Playwright passes (route, request) to a
        handler that takes two. Every path ends the request (fulfill or abort): a handler that raised would
        leave the request hanging and the page waiting for its whole time cap."""
        own = _without_fragment(url)

        async def gate(route: Route) -> None:
            try:
                await self._answer(route, page, own, body, content_type, fetch, asset_hosts, log)
            except Exception:
                with contextlib.suppress(Exception):
                    await route.abort("failed")

        return gate

    async def _answer(self, route: Route, page: Page, own: str, body: bytes, content_type: str,
                      fetch: AssetFetch, asset_hosts: frozenset[str], log: _PageLog) -> None:
        request = route.request
        target = _without_fragment(request.url)
        if not log.main_served and target == own and request.is_navigation_request() \
                and request.frame == page.main_frame:
            log.main_served = True  # the page's HTML: already fetched by the engine
            await route.fulfill(status=200, headers={"content-type": content_type or "text/html"}, body=body)
            return
        refusal = _refusal(request.method, request.resource_type, target, own, asset_hosts)
        if refusal:
            log.blocked.add(refusal)
            await route.abort("blockedbyclient")
            return
        log.requests += 1
        got = await fetch(target)
        if got.status is None or got.truncated:  # could not connect, refused by the fetch policy, too large …
            log.blocked.add(f"{host_of(target)}: {got.error.value if got.error else 'no answer'}")
            await route.abort("failed")
            return
        await route.fulfill(status=got.status, headers=_response_headers(got), body=got.body)


def _refusal(method: str, kind: str, target: str, own: str, asset_hosts: frozenset[str]) -> str:
    """Why the browser may not have this request (a short label for the note), or "" when it may."""
    scheme = urlsplit(target).scheme
    if scheme not in ("http", "https"):
        return f"{scheme or '?'}: URL"
    if method != "GET":
        return f"{method} request"
    if same_site(target, own):
        return "" if kind in _SITE_KINDS else kind
    host = host_of(target)
    if host in asset_hosts and kind in _ASSET_KINDS:
        return ""
    return host or target[:60]


def _note(key: str, /, **values: object) -> str:
    """How the page was drawn, in English (how `Document.render_note` stores it; a reason rewords it)."""
    return i18n.text(f"render_note.{key}", "en", **values)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}"[:200]
