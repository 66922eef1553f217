"""Fetch behaviour against mocked transports (respx): errors are data, caps hold, retries are counted."""

from __future__ import annotations

import asyncio
import email.utils
import gc
import gzip
import socket
import ssl
import zlib
from collections.abc import AsyncIterator

import brotli
import httpx
import pytest
import respx

from oit_checker import __version__
from oit_checker.evaluate.item import evaluate_item
from oit_checker.fetch.client import USER_AGENT, Fetcher, FetchSettings, build_client, parse_retry_after
from oit_checker.model import Confidence, FetchError, FiscalYearRule, Item, Retrieved, UrlTrail
from oit_checker.text import i18n
from tests.support.clock import VirtualTime
from tests.support.paths import ROOT

CORPUS = ROOT / "fixtures" / "corpus"
SITE = "https://www.example.go.th"


class FakeSleep:
    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def make_fetcher(settings: FetchSettings | None = None, **kw: object) -> tuple[Fetcher, FakeSleep]:
    settings = settings or FetchSettings(retries=2, scheme_fallback=False)
    sleep = FakeSleep()
    client = build_client(settings)
    return Fetcher(client, settings, sleep=sleep, rng=lambda: 0.5, **kw), sleep  # type: ignore[arg-type]


@respx.mock
async def test_ok_page_keeps_bytes_and_header_charset() -> None:
    body = (CORPUS / "h3_tis620_meta.html").read_bytes()
    respx.get(f"{SITE}/o3.html").mock(return_value=httpx.Response(
        200, content=body, headers={"Content-Type": "text/html; charset=TIS-620"}))
    fetcher, _ = make_fetcher()
    got = await fetcher.fetch(f"{SITE}/o3.html")
    assert got.ok and got.body == body
    assert got.content_type == "text/html" and got.charset == "TIS-620"
    assert got.attempts == 1 and got.redirects == ()
    # the TIS-620 bytes are Thai only when decoded as cp874
    assert "องค์การบริหารส่วนตำบล" in got.body.decode("cp874")


@respx.mock
async def test_a_fetched_answer_leaves_no_reference_cycle() -> None:
    """An answer read and closed is freed when the last reference goes, not by the garbage collector: httpx's
    response and its stream refer to each other, so every request used to leave a cycle of ≈40 objects (request,
    headers, the stream wrappers) for the next collection to walk and free."""
    body = (CORPUS / "h3_tis620_meta.html").read_bytes()
    for i in range(5):
        respx.get(f"{SITE}/p{i}.html").mock(return_value=httpx.Response(
            200 if i else 404, content=body, headers={"Content-Type": "text/html; charset=TIS-620"}))
    fetcher, _ = make_fetcher()
    gc.collect()
    gc.disable()
    try:
        got = [await fetcher.fetch(f"{SITE}/p{i}.html") for i in range(5)]
        gc.set_debug(gc.DEBUG_SAVEALL)  # what a collection finds unreachable is kept in gc.garbage to be looked at
        gc.collect()
        left = [o for o in gc.garbage if isinstance(o, httpx.Response | httpx.Request)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert [g.status for g in got] == [404, 200, 200, 200, 200] and got[1].body == body
    assert left == []


@respx.mock
async def test_404_is_a_status_not_an_error() -> None:
    respx.get(f"{SITE}/missing.html").mock(return_value=httpx.Response(404, text="not here"))
    fetcher, sleep = make_fetcher()
    got = await fetcher.fetch(f"{SITE}/missing.html")
    assert got.status == 404 and got.error is None and not got.ok
    assert got.attempts == 1 and sleep.waits == []  # 4xx other than 408/429 is never retried


@respx.mock
async def test_read_timeout_is_retried_then_reported() -> None:
    route = respx.get(f"{SITE}/slow.pdf").mock(side_effect=httpx.ReadTimeout("read timed out"))
    fetcher, sleep = make_fetcher()
    got = await fetcher.fetch(f"{SITE}/slow.pdf")
    assert got.error is FetchError.TIMEOUT
    assert got.attempts == 3 and route.call_count == 3
    assert sleep.waits == [0.5, 1.0]  # exponential backoff with the jitter pinned to 1.0×


@respx.mock
async def test_503_then_200_succeeds_on_retry() -> None:
    respx.get(f"{SITE}/flaky.html").mock(side_effect=[httpx.Response(503), httpx.Response(200, text="ok")])
    fetcher, _ = make_fetcher()
    got = await fetcher.fetch(f"{SITE}/flaky.html")
    assert got.ok and got.attempts == 2 and got.body == b"ok"


@respx.mock
async def test_429_honours_retry_after_up_to_the_cap() -> None:
    respx.get(f"{SITE}/busy.html").mock(side_effect=[
        httpx.Response(429, headers={"Retry-After": "7"}),
        httpx.Response(429, headers={"Retry-After": "3600"}),
        httpx.Response(200, text="ok"),
    ])
    fetcher, sleep = make_fetcher(FetchSettings(retries=2, retry_after_cap_s=20, scheme_fallback=False))
    got = await fetcher.fetch(f"{SITE}/busy.html")
    assert got.ok and got.attempts == 3
    assert sleep.waits == [7.0, 20.0]


def test_retry_after_http_date() -> None:
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now_epoch=1445412470.0) == pytest.approx(10.0)
    assert parse_retry_after("120", now_epoch=0) == 120.0
    assert parse_retry_after("soon", now_epoch=0) is None


@respx.mock
async def test_redirect_chain_is_recorded() -> None:
    respx.get(f"{SITE}/a").mock(return_value=httpx.Response(301, headers={"Location": "/b"}))
    respx.get(f"{SITE}/b").mock(return_value=httpx.Response(302, headers={"Location": "https://cdn.example.org/c.pdf"}))
    respx.get("https://cdn.example.org/c.pdf").mock(return_value=httpx.Response(200, content=b"%PDF-1.4"))
    fetcher, _ = make_fetcher()
    got = await fetcher.fetch(f"{SITE}/a")
    assert got.ok and got.final_url == "https://cdn.example.org/c.pdf"
    assert got.redirects == (f"{SITE}/b", "https://cdn.example.org/c.pdf")


@respx.mock
async def test_redirect_loop_and_cap() -> None:
    respx.get(f"{SITE}/loop1").mock(return_value=httpx.Response(302, headers={"Location": "/loop2"}))
    respx.get(f"{SITE}/loop2").mock(return_value=httpx.Response(302, headers={"Location": "/loop1"}))
    for n in range(6):
        respx.get(f"{SITE}/hop{n}").mock(return_value=httpx.Response(302, headers={"Location": f"/hop{n + 1}"}))
    fetcher, _ = make_fetcher(FetchSettings(max_redirects=3, scheme_fallback=False))
    loop = await fetcher.fetch(f"{SITE}/loop1")
    assert loop.error is FetchError.TOO_MANY_REDIRECTS and "loop" in loop.error_detail
    capped = await fetcher.fetch(f"{SITE}/hop0")
    assert capped.error is FetchError.TOO_MANY_REDIRECTS and len(capped.redirects) == 3


@respx.mock
async def test_redirect_to_other_scheme_is_refused() -> None:
    respx.get(f"{SITE}/ftp").mock(return_value=httpx.Response(302, headers={"Location": "ftp://files.example.go.th/x.pdf"}))
    fetcher, _ = make_fetcher()
    got = await fetcher.fetch(f"{SITE}/ftp")
    assert got.error is FetchError.BAD_SCHEME


@respx.mock
async def test_size_cap_stops_reading() -> None:
    big = b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024)
    respx.get(f"{SITE}/big.pdf").mock(return_value=httpx.Response(200, content=big))
    fetcher, _ = make_fetcher(FetchSettings(max_bytes=1024 * 1024, scheme_fallback=False))
    got = await fetcher.fetch(f"{SITE}/big.pdf")
    assert got.error is FetchError.TOO_LARGE and got.truncated and got.body == b""


@respx.mock
async def test_declared_length_over_cap_is_not_downloaded() -> None:
    respx.get(f"{SITE}/huge.pdf").mock(return_value=httpx.Response(
        200, headers={"Content-Length": str(10**10)}, content=b"%PDF"))
    fetcher, _ = make_fetcher(FetchSettings(max_bytes=1024, scheme_fallback=False))
    got = await fetcher.fetch(f"{SITE}/huge.pdf")
    assert got.error is FetchError.TOO_LARGE


@respx.mock
async def test_tls_error_is_classified_and_insecure_refetch_is_marked() -> None:
    cert_error = httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate has expired")
    cert_error.__cause__ = ssl.SSLCertVerificationError("certificate has expired")
    respx.get(f"{SITE}/tls.html").mock(side_effect=[cert_error, httpx.Response(200, text="<p>ok</p>")])
    fetcher, _ = make_fetcher()
    got = await fetcher.fetch(f"{SITE}/tls.html")
    assert got.error is FetchError.TLS and got.attempts == 1  # certificate errors are not retried

    settings = FetchSettings(scheme_fallback=False)
    secure = build_client(settings)
    insecure = build_client(settings, verify=False)
    respx.get(f"{SITE}/tls2.html").mock(side_effect=[cert_error, httpx.Response(200, text="<p>ok</p>")])
    got2 = await Fetcher(secure, settings, insecure_client=insecure).fetch(f"{SITE}/tls2.html")
    assert got2.ok and got2.insecure and "tls" in got2.error_detail


@respx.mock
async def test_connect_error_falls_back_to_the_other_scheme() -> None:
    respx.get("http://old.example.go.th/o1.html").mock(side_effect=httpx.ConnectError("refused"))
    respx.get("https://old.example.go.th/o1.html").mock(return_value=httpx.Response(200, text="ok"))
    settings = FetchSettings(retries=0, scheme_fallback=True)
    got = await Fetcher(build_client(settings), settings).fetch("http://old.example.go.th/o1.html")
    assert got.ok and got.final_url == "https://old.example.go.th/o1.html"
    assert "https worked" in got.error_detail


@respx.mock
async def test_budget_exhausted_reports_timeout_without_requesting() -> None:
    route = respx.get(f"{SITE}/late.html").mock(return_value=httpx.Response(200))
    clock_value = [100.0]
    settings = FetchSettings(scheme_fallback=False)
    fetcher = Fetcher(build_client(settings), settings, clock=lambda: clock_value[0])
    got = await fetcher.fetch(f"{SITE}/late.html", deadline=50.0)
    assert got.error is FetchError.TIMEOUT and "budget" in got.error_detail
    assert route.call_count == 0


@respx.mock
async def test_a_redirect_to_mailto_is_said_as_a_scheme_not_fetched_naming_the_redirect() -> None:
    respx.get(f"{SITE}/r/mailto").mock(return_value=httpx.Response(
        302, headers={"Location": "mailto:saraban@example.go.th"}))
    respx.get(f"{SITE}/r/js").mock(return_value=httpx.Response(302, headers={"Location": "/r/mailto"}))
    fetcher, _ = make_fetcher(FetchSettings(scheme_fallback=False))
    got = await fetcher.fetch(f"{SITE}/r/mailto")
    # Before: "InvalidURL: For absolute URLs, path must be empty or begin with '/'" (httpx's own words).
    assert got.error is FetchError.BAD_SCHEME and "InvalidURL" not in got.error_detail
    assert got.error_detail == (f"scheme 'mailto' is not fetched: {SITE}/r/mailto redirects to "
                                "mailto:saraban@example.go.th")
    assert got.redirects == ("mailto:saraban@example.go.th",)
    twice = await fetcher.fetch(f"{SITE}/r/js")  # the hop that sent there is named, not the submitted URL
    assert twice.error_detail.endswith(f": {SITE}/r/mailto redirects to mailto:saraban@example.go.th")
    thai = i18n.reword("fetch_detail", got.error_detail, "th")
    assert thai.startswith("ไม่เปิดลิงก์แบบ 'mailto'") and "เปลี่ยนทาง" in thai


async def test_unknown_scheme_is_refused() -> None:
    fetcher, _ = make_fetcher()
    got = await fetcher.fetch("mailto:saraban@example.go.th")
    assert got.error is FetchError.BAD_SCHEME


async def test_user_agent_names_the_tool() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["user-agent"])
        return httpx.Response(200, text="ok")

    settings = FetchSettings()
    client = build_client(settings, transport=httpx.MockTransport(handler))
    await Fetcher(client, settings).fetch(f"{SITE}/")
    assert seen and seen[0].startswith("oit-checker/")


# ---------------------------------------------------------------- retries and politeness


@respx.mock
async def test_retry_statuses_and_non_retried_4xx() -> None:
    respx.get(f"{SITE}/timeout408").mock(side_effect=[httpx.Response(408), httpx.Response(200, text="ok")])
    not_impl = respx.get(f"{SITE}/not-implemented").mock(return_value=httpx.Response(501))
    gone = respx.get(f"{SITE}/gone").mock(return_value=httpx.Response(410))
    bandwidth = respx.get(f"{SITE}/bandwidth").mock(side_effect=[httpx.Response(509), httpx.Response(200, text="ok")])
    fetcher, sleep = make_fetcher()
    assert (await fetcher.fetch(f"{SITE}/timeout408")).attempts == 2
    assert (await fetcher.fetch(f"{SITE}/bandwidth")).ok  # any 5xx but 501/505 may pass
    got = await fetcher.fetch(f"{SITE}/not-implemented")
    assert got.status == 501 and got.attempts == 1 and not_impl.call_count == 1
    got = await fetcher.fetch(f"{SITE}/gone")
    assert got.status == 410 and got.attempts == 1 and gone.call_count == 1
    assert bandwidth.call_count == 2 and len(sleep.waits) == 2


@respx.mock
async def test_503_retry_after_http_date_and_detail_after_exhaustion() -> None:
    now = 1_760_000_000.0  # the fetcher's wall clock: the date is exactly 5 s ahead of it
    soon = email.utils.formatdate(now + 5, usegmt=True)
    respx.get(f"{SITE}/maint").mock(return_value=httpx.Response(503, headers={"Retry-After": soon}))
    fetcher, sleep = make_fetcher(wall=lambda: now)
    got = await fetcher.fetch(f"{SITE}/maint")
    assert got.status == 503 and got.attempts == 3 and got.error is None
    assert "after 3 attempts" in got.error_detail
    assert sleep.waits == [5.0, 5.0]


@respx.mock
async def test_429_slows_down_the_whole_host() -> None:
    """A rate limit concerns the host: another URL of it waits out the Retry-After as well."""
    now = [0.0]

    async def sleep(seconds: float) -> None:
        now[0] += seconds

    respx.get(f"{SITE}/a").mock(side_effect=[httpx.Response(429, headers={"Retry-After": "6"}),
                                            httpx.Response(200, text="a")])
    respx.get(f"{SITE}/b").mock(return_value=httpx.Response(200, text="b"))
    settings = FetchSettings(scheme_fallback=False)
    fetcher = Fetcher(build_client(settings), settings, clock=lambda: now[0], sleep=sleep, rng=lambda: 0.5)
    a = await fetcher.fetch(f"{SITE}/a")
    assert a.ok and a.attempts == 2 and now[0] == 6.0
    now[0] = 2.0  # as if /b came up 2 s after the 429: it must wait until 6 s
    b = await fetcher.fetch(f"{SITE}/b")
    assert b.ok and now[0] == 6.0


async def test_host_delay_spaces_request_starts() -> None:
    """Four requests to one host at once start `host_delay_s` apart on the fetcher's clock: virtual time that
    moves only when the test lets the next pause end, so each start is seen at its exact instant."""
    clock = VirtualTime()
    started: asyncio.Queue[tuple[str, float]] = asyncio.Queue()

    def handler(request: httpx.Request) -> httpx.Response:
        started.put_nowait((request.url.path, clock.now))
        return httpx.Response(200, text="ok")

    settings = FetchSettings(host_delay_s=0.1, per_host=4, scheme_fallback=False)
    fetcher = Fetcher(build_client(settings, transport=httpx.MockTransport(handler)), settings,
                      clock=clock, sleep=clock.sleep)
    async with asyncio.timeout(60):  # a guard against a hang, not a measurement
        fetches = asyncio.gather(*(fetcher.fetch(f"{SITE}/p{i}") for i in range(4)))
        starts = [await started.get()]  # the first goes at once
        for _ in range(3):
            await clock.wake_next()  # the next pause ends …
            starts.append(await started.get())  # … and its request goes out then, before the clock moves on
        results = await fetches
    assert all(r.ok for r in results)
    assert [t for _, t in starts] == pytest.approx([0.0, 0.1, 0.2, 0.3])
    assert sorted(path for path, _ in starts) == ["/p0", "/p1", "/p2", "/p3"]
    assert sorted(clock.waits) == pytest.approx([0.1, 0.2, 0.3])


async def test_per_host_and_global_limits() -> None:
    active: dict[str, int] = {}
    peak: dict[str, int] = {}
    total = [0, 0]

    async def handler(request: httpx.Request) -> httpx.Response:
        host = request.url.host
        active[host] = active.get(host, 0) + 1
        total[0] += 1
        peak[host] = max(peak.get(host, 0), active[host])
        total[1] = max(total[1], total[0])
        for _ in range(5):  # hold the slot for a few turns of the event loop (no wall-clock time involved)
            await asyncio.sleep(0)
        active[host] -= 1
        total[0] -= 1
        return httpx.Response(200, text="ok")

    settings = FetchSettings(per_host=2, global_limit=3, scheme_fallback=False)
    fetcher = Fetcher(build_client(settings, transport=httpx.MockTransport(handler)), settings)
    urls = [f"https://h{h}.example.go.th/{i}" for h in range(3) for i in range(6)]
    results = await asyncio.gather(*(fetcher.fetch(u) for u in urls))
    assert all(r.ok for r in results)
    assert max(peak.values()) == 2 and total[1] == 3


async def test_budget_exhausted_while_waiting_for_a_slot() -> None:
    """Every URL ends classified: one queued behind a hanging one is reported when its budget runs out, not
    dropped or left hanging.

    The first request holds the host's only slot until the test lets it go, which it does only once the queued
    one has ended: the queued one can only end by its budget (0.2 s on a clock that stands still, so the
    fetcher's own timer runs on exactly that), whatever this machine's speed."""

    sent: list[str] = []
    entered, release = asyncio.Event(), asyncio.Event()

    async def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request.url.path)
        entered.set()
        await release.wait()
        return httpx.Response(200, text="ok")

    settings = FetchSettings(per_host=1, scheme_fallback=False)
    fetcher = Fetcher(build_client(settings, transport=httpx.MockTransport(handler)), settings,
                      clock=VirtualTime(), sleep=FakeSleep())
    async with asyncio.timeout(60):  # a guard against a hang, not a measurement
        first = asyncio.ensure_future(fetcher.fetch(f"{SITE}/1"))  # no budget of its own
        await entered.wait()  # it holds the slot now
        queued = await fetcher.fetch(f"{SITE}/2", deadline=0.2)
        release.set()
        held = await first
    assert queued.error is FetchError.TIMEOUT and queued.budget_cut
    assert queued.error_detail == "agency time budget exhausted while waiting for a connection slot"
    assert sent == ["/1"]  # the queued one was never sent: it was reported when the budget ran out
    assert held.ok  # and the one it queued behind was not disturbed


class _Stalls(httpx.AsyncByteStream):
    """A body that sends its first bytes and then nothing more, until the test ends."""

    def __init__(self, never: asyncio.Event) -> None:
        self._never = never

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield "<html><body>รายงานผลการดำเนินงาน".encode()
        await self._never.wait()


@pytest.mark.parametrize(("deadline", "document_timeout", "cut_by_budget"), [(0.2, 30.0, True), (None, 0.2, False)])
async def test_a_transfer_cut_mid_way_says_whether_the_agency_budget_cut_it(
        deadline: float | None, document_timeout: float, cut_by_budget: bool) -> None:
    """A transfer that started in time and was then cut by the agency's budget marks the check incomplete
    (`budget_cut`); one cut by the per-document bound is the server's slowness, not the budget's."""
    never = asyncio.Event()

    async def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/html; charset=utf-8"}, stream=_Stalls(never))

    settings = FetchSettings(per_host=1, scheme_fallback=False, document_timeout_s=document_timeout,
                             read_timeout_s=60.0)
    fetcher = Fetcher(build_client(settings, transport=httpx.MockTransport(handler)), settings,
                      clock=VirtualTime(), sleep=FakeSleep())
    async with asyncio.timeout(60):  # a guard against a hang, not a measurement
        got = await fetcher.fetch(f"{SITE}/report", deadline=deadline)
    never.set()
    assert got.error is FetchError.TIMEOUT and got.budget_cut is cut_by_budget
    assert ("agency time budget exhausted during the transfer" in got.error_detail) is cut_by_budget


class _HeldBody(httpx.AsyncByteStream):
    """A large body (past `large_body_bytes`) that waits for `go` before it ends."""

    def __init__(self, go: asyncio.Event) -> None:
        self._go = go

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield ("<html><body>" + "รายงาน" * 40).encode()
        await self._go.wait()
        yield b"</body></html>"


async def test_a_transfer_whose_time_given_back_reaches_the_deadline_is_cut_by_the_budget() -> None:
    """Time spent queueing for a large-body slot is given back to the document, but never past the agency's
    deadline: when the timer lands on the deadline and fires there, the budget cut the transfer (the check is
    incomplete), although at the start the document's own bound was the nearer one."""
    first_go, never = asyncio.Event(), asyncio.Event()

    async def handler(request: httpx.Request) -> httpx.Response:
        body = _HeldBody(first_go if request.url.path == "/first" else never)
        return httpx.Response(200, headers={"content-type": "text/html; charset=utf-8"}, stream=body)

    settings = FetchSettings(per_host=2, scheme_fallback=False, document_timeout_s=1.0, read_timeout_s=60.0,
                             large_bodies=1, large_body_bytes=50)
    fetcher = Fetcher(build_client(settings, transport=httpx.MockTransport(handler)), settings,
                      clock=VirtualTime(), sleep=FakeSleep())

    async def release_first() -> None:
        await asyncio.sleep(0.8)  # the second waits this long for the large-body slot (its timer: 1.0 s → 1.5 s)
        first_go.set()

    async with asyncio.timeout(60):  # a guard against a hang, not a measurement
        first, second, _ = await asyncio.gather(fetcher.fetch(f"{SITE}/first", deadline=1.5),
                                                fetcher.fetch(f"{SITE}/second", deadline=1.5), release_first())
    never.set()
    assert first.ok
    assert second.error is FetchError.TIMEOUT and second.budget_cut
    assert "agency time budget exhausted during the transfer" in second.error_detail


@respx.mock
async def test_no_retry_when_the_budget_cannot_cover_the_wait() -> None:
    respx.get(f"{SITE}/busy").mock(return_value=httpx.Response(429, headers={"Retry-After": "30"}))
    clock = [0.0]
    settings = FetchSettings(scheme_fallback=False)
    fetcher = Fetcher(build_client(settings), settings, clock=lambda: clock[0], sleep=FakeSleep())
    got = await fetcher.fetch(f"{SITE}/busy", deadline=10.0)
    assert got.status == 429 and got.attempts == 1 and "budget" in got.error_detail


# ---------------------------------------------------------------- redirects


@respx.mock
async def test_http_to_https_upgrade_is_followed_and_recorded() -> None:
    respx.get("http://www.example.go.th/o1").mock(
        return_value=httpx.Response(301, headers={"Location": "https://www.example.go.th/o1"}))
    respx.get("https://www.example.go.th/o1").mock(return_value=httpx.Response(200, text="ok"))
    fetcher, _ = make_fetcher()
    got = await fetcher.fetch("http://www.example.go.th/o1")
    assert got.ok and got.error is None
    assert got.final_url == "https://www.example.go.th/o1" and got.redirects == ("https://www.example.go.th/o1",)


@respx.mock
async def test_redirect_location_with_raw_thai_and_spaces_is_normalized() -> None:
    respx.get(f"{SITE}/dl").mock(return_value=httpx.Response(302, headers={
        "Location": "/files/ข้อ 42.pdf".encode()}))
    target = respx.get(f"{SITE}/files/%E0%B8%82%E0%B9%89%E0%B8%AD%2042.pdf").mock(
        return_value=httpx.Response(200, content=b"%PDF-1.4"))
    fetcher, _ = make_fetcher()
    got = await fetcher.fetch(f"{SITE}/dl")
    assert got.ok and target.call_count == 1


@respx.mock
async def test_redirect_to_itself_once_after_a_cookie_is_not_a_loop() -> None:
    respx.get(f"{SITE}/gate").mock(side_effect=[
        httpx.Response(302, headers={"Location": "/gate", "Set-Cookie": "TS01=abc; Path=/"}),
        httpx.Response(200, text="ok"),
    ])
    fetcher, _ = make_fetcher()
    got = await fetcher.fetch(f"{SITE}/gate")
    assert got.ok and got.attempts == 2


@respx.mock
async def test_the_client_keeps_no_cookie_and_each_fetch_sends_back_only_its_own() -> None:
    gate = respx.get(f"{SITE}/gate").mock(side_effect=[
        httpx.Response(302, headers={"Location": "/gate", "Set-Cookie": "TS01=abc; Path=/"}),
        httpx.Response(200, text="ok"),
        httpx.Response(200, text="ok"),
    ])
    fetcher, _ = make_fetcher()
    assert (await fetcher.fetch(f"{SITE}/gate")).ok
    assert (await fetcher.fetch(f"{SITE}/gate")).ok
    sent = [call.request.headers.get("cookie") for call in gate.calls]
    assert sent == [None, "TS01=abc", None]  # back within its own fetch, never to the next one
    client = fetcher.client
    assert not client.cookies and len(client.cookies.jar) == 0
    with pytest.raises(TypeError, match="keeps no cookies"):
        client.cookies = {"a": "b"}


@respx.mock
async def test_redirect_without_location_is_a_protocol_error() -> None:
    respx.get(f"{SITE}/r").mock(return_value=httpx.Response(302))
    fetcher, _ = make_fetcher()
    got = await fetcher.fetch(f"{SITE}/r")
    assert got.error is FetchError.PROTOCOL and "Location" in got.error_detail


@respx.mock
async def test_off_site_redirect_is_seen_by_evaluate() -> None:
    respx.get(f"{SITE}/ita/o10").mock(return_value=httpx.Response(
        302, headers={"Location": "https://sites.google.com/view/abt-ita/o10"}))
    respx.get("https://sites.google.com/view/abt-ita/o10").mock(return_value=httpx.Response(200, text="ok"))
    fetcher, _ = make_fetcher()
    got = await fetcher.fetch(f"{SITE}/ita/o10")
    assert got.ok and got.url == f"{SITE}/ita/o10" and got.redirects[-1] == got.final_url
    trail = UrlTrail(got.url, (Retrieved(fetched=got),))
    item = Item(id="O10", name_th="x", name_en="x", indicator=9, sub_indicator="9.1", components=(),
                fiscal_year_rule=FiscalYearRule.NONE, confidence=Confidence.CONFIRMED)
    finding = evaluate_item(item, [trail], 2569, home=SITE + "/")
    off = [r for r in finding.reasons if r.code == "off_site"]
    assert off and off[0].detail["detail"] == "sites.google.com"


# ---------------------------------------------------------------- answers that are not content


@respx.mock
async def test_401_is_a_login_wall_and_a_challenge_a_bot_wall() -> None:
    respx.get(f"{SITE}/intranet").mock(return_value=httpx.Response(
        401, headers={"WWW-Authenticate": 'Basic realm="staff"'}))
    respx.get(f"{SITE}/cf").mock(return_value=httpx.Response(503, headers={"cf-mitigated": "challenge"}))
    respx.get(f"{SITE}/f5").mock(return_value=httpx.Response(
        403, text="<html><body>The requested URL was rejected. Please consult with your administrator.</body>"))
    fetcher, sleep = make_fetcher()
    login = await fetcher.fetch(f"{SITE}/intranet")
    assert login.error is FetchError.LOGIN and "staff" in login.error_detail
    cf = await fetcher.fetch(f"{SITE}/cf")
    assert cf.error is FetchError.BOT_WALL and cf.attempts == 1  # a challenge is not retried into a storm
    f5 = await fetcher.fetch(f"{SITE}/f5")
    assert f5.error is FetchError.BOT_WALL and sleep.waits == []


async def test_error_bodies_are_not_kept_whole() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, content=b"x" * 5_000_000)

    settings = FetchSettings(scheme_fallback=False)
    got = await Fetcher(build_client(settings, transport=httpx.MockTransport(handler)), settings).fetch(f"{SITE}/")
    assert got.status == 404 and len(got.body) <= 64 * 1024


# ---------------------------------------------------------------- bodies and encodings


class RawTransport(httpx.AsyncBaseTransport):
    """Serves bodies exactly as given. respx and httpx.MockTransport read (and so decode) every response
    before the client sees it, which would hide the fetcher's own bounded decoding."""

    def __init__(self, routes: dict[str, tuple[bytes, dict[str, str]]]) -> None:
        self.routes = routes

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body, headers = self.routes[request.url.path]
        return httpx.Response(200, headers=headers, stream=_Chunks(body))


class _Chunks(httpx.AsyncByteStream):
    def __init__(self, body: bytes) -> None:
        self.body = body

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for i in range(0, len(self.body), 65536):  # network-sized pieces, as a socket gives them
            yield self.body[i:i + 65536]


def raw_fetcher(routes: dict[str, tuple[bytes, dict[str, str]]], **settings: object) -> Fetcher:
    config = FetchSettings(scheme_fallback=False, **settings)  # type: ignore[arg-type]
    return Fetcher(build_client(config, transport=RawTransport(routes)), config)


async def test_content_encodings_are_decoded() -> None:
    html = "<html><body>องค์การบริหารส่วนตำบล</body></html>".encode()
    raw = zlib.compressobj(6, zlib.DEFLATED, -15)
    bodies = {
        "gzip": gzip.compress(html),
        "deflate": zlib.compress(html),
        "deflate-raw": raw.compress(html) + raw.flush(),
        "br": brotli.compress(html),
        "gzip-gzip": gzip.compress(gzip.compress(html)),
        "members": gzip.compress(html[:10]) + gzip.compress(html[10:]),
        "junk": html,
    }
    encodings = {"deflate-raw": "deflate", "gzip-gzip": "gzip, gzip", "members": "gzip", "junk": "UTF-8"}
    fetcher = raw_fetcher({f"/{name}": (body, {"Content-Encoding": encodings.get(name, name)})
                           for name, body in bodies.items()})
    for name in bodies:
        got = await fetcher.fetch(f"{SITE}/{name}")
        assert got.ok and got.body == html, name


async def test_decompression_bombs_stop_at_the_cap() -> None:
    zeros = bytes(64 * 1024 * 1024)
    bombs = {"gz": (gzip.compress(zeros, 9), "gzip"), "br": (brotli.compress(zeros, quality=5), "br")}
    bombs["gzgz"] = (gzip.compress(bombs["gz"][0], 9), "gzip, gzip")
    del zeros
    fetcher = raw_fetcher({f"/{name}": (body, {"Content-Encoding": enc, "Content-Type": "text/html"})
                           for name, (body, enc) in bombs.items()}, max_bytes=4 * 1024 * 1024)
    for name in bombs:
        got = await fetcher.fetch(f"{SITE}/{name}")
        assert got.error is FetchError.TOO_LARGE and got.body == b"", name
        assert "decompression bomb" in got.error_detail


async def test_corrupt_gzip_is_a_protocol_error() -> None:
    fetcher = raw_fetcher({"/bad": (b"this is not gzip", {"Content-Encoding": "gzip"})})
    got = await fetcher.fetch(f"{SITE}/bad")
    assert got.error is FetchError.PROTOCOL and "gzip" in got.error_detail


@respx.mock
async def test_body_just_under_the_cap_is_kept_whole() -> None:
    body = b"%PDF-1.4\n" + bytes(range(256)) * 8000  # ≈2 MB, kept in a memory map on the way
    respx.get(f"{SITE}/ok.pdf").mock(return_value=httpx.Response(200, content=body))
    fetcher, _ = make_fetcher(FetchSettings(max_bytes=len(body), large_body_bytes=64 * 1024,
                                            scheme_fallback=False))
    got = await fetcher.fetch(f"{SITE}/ok.pdf")
    assert got.ok and got.body == body


# ---------------------------------------------------------------- errors are data


async def test_read_timeout_does_not_switch_scheme_but_dns_failure_is_not_retried() -> None:
    calls: list[str] = []
    nx = httpx.ConnectError("[Errno -2] Name or service not known")
    nx.__cause__ = socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        if request.url.scheme == "https":
            return httpx.Response(200)
        if request.url.host.startswith("slow"):
            raise httpx.ReadTimeout("slow")
        raise nx  # MockTransport keeps the cause (respx would replace it)

    settings = FetchSettings(retries=1, scheme_fallback=True)
    fetcher = Fetcher(build_client(settings, transport=httpx.MockTransport(handler)), settings, sleep=FakeSleep())
    got = await fetcher.fetch("http://slow.example.go.th/")
    assert got.error is FetchError.TIMEOUT and calls == ["http://slow.example.go.th/"] * 2
    calls.clear()
    got = await fetcher.fetch("http://nxdomain.example.go.th/")
    assert got.error is FetchError.CONNECT and "DNS" in got.error_detail
    assert calls == ["http://nxdomain.example.go.th/"]


async def test_invalid_urls_never_raise() -> None:
    fetcher, _ = make_fetcher()
    for url in ("http://[::1", "http:///no-host", "", "https://exa mple.go.th/x", "javascript:void(0)"):
        got = await fetcher.fetch(url)
        assert got.error is not None, url


async def test_unexpected_exception_becomes_data() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise RuntimeError("transport bug")

    settings = FetchSettings(scheme_fallback=False)
    got = await Fetcher(build_client(settings, transport=httpx.MockTransport(handler)), settings).fetch(f"{SITE}/")
    assert got.error is FetchError.PROTOCOL and "transport bug" in got.error_detail


def test_insecure_context_skips_verification_only() -> None:
    secure = build_client(FetchSettings())
    insecure = build_client(FetchSettings(), verify=False)
    # One small pool per origin (PerHostPools): a pool as the client would make it for a host.
    ctx = insecure._transport._make()._pool._ssl_context  # type: ignore[attr-defined]
    assert ctx.verify_mode == ssl.CERT_NONE and not ctx.check_hostname
    strict = secure._transport._make()._pool._ssl_context  # type: ignore[attr-defined]
    assert strict.verify_mode == ssl.CERT_REQUIRED and strict.check_hostname


def test_user_agent_names_tool_and_version() -> None:
    assert USER_AGENT.startswith(f"oit-checker/{__version__} ")
