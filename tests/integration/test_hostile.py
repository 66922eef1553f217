"""The crawler against a hostile web site on 127.0.0.1 (tests/support/hostile_server.py): every URL ends classified,
nothing hangs, nothing crashes, memory stays bounded.

Timeouts are scaled down through FetchSettings (read 1 s, document 3 s, drip grace 0.5 s) so the whole file
runs in seconds; the behaviour is the same at the real defaults, only slower. The tests assert behaviour
(what ended a fetch, how many attempts the fetcher and the server counted, which waits the fetcher chose),
never how fast a machine ran them: speed is measured in bench/, not here. Where the fetcher's decision rests
on time (the drip guard, host delays, Retry-After dates, the agency budget) the test gives it a clock it
moves itself (tests/support/clock.py, `set_clock`); where a real timeout is the mechanism (read and document
timeouts), the server's behaviour is far on one side of it (an answer after 5 s against a 1 s read timeout, a
drip that lasts 20 s against a 1.5 s document timeout), so no run can land on the other side by chance.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest

from oit_checker import __version__
from oit_checker.engine import session as runner
from oit_checker.engine.session import RunOptions, run_agencies
from oit_checker.fetch.client import Fetcher, FetchSettings, build_client
from oit_checker.model import FetchError, Finding, Status
from oit_checker.text.clock import set_clock
from tests.support import hostile_server as hs
from tests.support.clock import StepClock, VirtualTime

MB = 1024 * 1024


@pytest.fixture(scope="module")
def site() -> Iterator[hs.HostileServer]:
    # Build the compressed bombs before any memory is measured: they are the server's cost, not ours.
    hs.gzip_bomb(256, 1), hs.gzip_bomb(256, 2), hs.brotli_bomb(256)
    with hs.HostileServer() as server:
        yield server


@pytest.fixture(scope="module")
def tls_site() -> Iterator[hs.HostileServer]:
    with hs.HostileServer(tls=True) as server:
        yield server


@pytest.fixture
def bounded_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "ExtractPool", hs.bounded_pool(timeout=5.0, memory_limit=512 * MB))


def _by_item(findings: tuple[Finding, ...]) -> dict[str, Finding]:
    return {f.item: f for f in findings}


# ---------------------------------------------------------------- the whole hostile agency


async def test_hostile_agency_every_url_classified_within_budget_and_memory(
        site: hs.HostileServer, tls_site: hs.HostileServer, bounded_extraction: None) -> None:
    cases = hs.hostile_cases(site, tls_site, hs.free_port())
    # No case needs the document timeout (the drip guard, the read timeout and the byte cap end them) nor the
    # agency budget: both are set far above what a slow, busy machine takes, so that `complete` below says
    # "nothing hung", not "this machine was fast enough".
    # The read timeout (2 s) is far from both slow first bytes (0.1 s, 8 s).
    settings = hs.hostile_fetch_settings(read_timeout_s=2.0, document_timeout_s=30.0)
    options = RunOptions(fetch=settings, agency_budget_s=300.0, extract_workers=2)
    site.stats.user_agents.clear()
    with hs.PeakRSS() as memory:
        run = await run_agencies([hs.hostile_agency(site, cases)], hs.hostile_catalogue(cases), 2569, options)

    result = run.agencies[0]
    findings = _by_item(result.findings)
    problems = []
    for case in cases:
        finding = findings[case.item]
        codes = [r.code for r in finding.reasons]
        trail = result.trails.get(case.item, ())
        first = trail[0].retrieved[0].fetched if trail and trail[0].retrieved else None
        if finding.status is not case.status or not set(case.codes) <= set(codes):
            problems.append(f"{case.item} {case.what}: {finding.status} {codes}, expected {case.status} "
                            f"{list(case.codes)}")
        if case.attempts is not None and (first.attempts if first else 0) != case.attempts:
            problems.append(f"{case.item} {case.what}: {first.attempts if first else 0} attempts, "
                            f"expected {case.attempts}")
    assert not problems, "\n".join(problems)
    assert len(result.findings) == len(cases)  # every submitted URL ends in a finding

    # Reasons carry a detail a person can act on.
    detail = {c.item: " ".join(str(r.detail.get("detail", "")) for r in findings[c.item].reasons) for c in cases}
    by_what = {c.what: c.item for c in cases}
    assert "too slow" in detail[by_what["10 bytes/s drip"]]
    assert "decompression bomb" in detail[by_what["brotli bomb"]]
    assert "not downloaded" in detail[by_what["200 MB body, declared length"]]
    assert "self-signed" in detail[by_what["self-signed certificate"]]
    assert "connection refused" in detail[by_what["connection refused"]]
    off = next(r for r in findings[by_what["redirect to another host"]].reasons if r.code == "off_site")
    assert off.detail["detail"] == "localhost"

    assert result.complete  # every URL ended on its own: nothing was cut by the agency budget
    # One body at a time may grow past large_body_bytes (large_bodies=1), up to max_bytes; other transfers
    # hold at most large_body_bytes each; the rest is decoder windows and interpreter/pool overhead
    # (≈ 9 MB measured without the big bodies).
    cap = settings.large_bodies * settings.max_bytes + 40 * MB
    assert memory.rise < cap, f"peak RSS rose {memory.rise / MB:.0f} MB (cap {cap / MB:.0f} MB)"
    assert site.stats.user_agents == {settings.user_agent}
    assert settings.user_agent.startswith(f"oit-checker/{__version__} ")


async def test_insecure_reads_behind_a_bad_certificate_and_says_so(
        tls_site: hs.HostileServer, bounded_extraction: None) -> None:
    cases = [hs.Case("T1", "self-signed certificate", tls_site.url("/page/insecure"), Status.REVIEW, ("tls_insecure",))]
    options = RunOptions(fetch=hs.hostile_fetch_settings(), insecure=True, extract_workers=0)
    run = await run_agencies([hs.hostile_agency(tls_site, cases)], hs.hostile_catalogue(cases), 2569, options)
    finding = run.agencies[0].findings[0]
    assert finding.status is Status.REVIEW and [r.code for r in finding.reasons] == ["tls_insecure"]
    assert any(r.code == "component_found" for r in finding.found)  # the content was evaluated
    fetched = run.agencies[0].trails["T1"][0].retrieved[0].fetched
    assert fetched.insecure and "self-signed" in fetched.error_detail


async def test_agency_budget_reports_the_rest_as_timeout(site: hs.HostileServer, bounded_extraction: None) -> None:
    """Pages on one host, one at a time, against a 20 s agency budget on a clock that moves 7 s each time the
    server starts answering one of them: three are asked (at 0, 7 and 14 s); the budget is gone before the
    fourth could start. Those the budget cannot reach are reported, not dropped."""
    urls = [site.url(f"/page/budget?n={i}") for i in range(8)]
    cases = [hs.Case(f"B{i}", "page", u, Status.PASS) for i, u in enumerate(urls)]
    settings = hs.hostile_fetch_settings(read_timeout_s=10.0, document_timeout_s=30.0, per_host=1)
    options = RunOptions(fetch=settings, agency_budget_s=20.0, extract_workers=0)
    set_clock(monotonic=lambda: 7.0 * site.stats.hits["/page/budget"])
    try:
        run = await run_agencies([hs.hostile_agency(site, cases)], hs.hostile_catalogue(cases), 2569, options)
    finally:
        set_clock()
    result = run.agencies[0]
    by_item = {f.item: f for f in result.findings}
    assert len(by_item) == len(urls)  # every URL ends in a finding
    # The three started within the budget (with 20, 13 and 6 s of it left) were read and pass.
    assert [by_item[f"B{i}"].status for i in range(3)] == [Status.PASS] * 3
    # The other five were cut by the budget, each reported as such: each got its host slot only after the
    # deadline had passed, and its transfer was cut at once (before the request went out, in practice; not
    # asserted, as whether a request's first bytes reach the socket before the cut is up to httpx's internals).
    for i in range(3, 8):
        finding = by_item[f"B{i}"]
        assert finding.status is Status.ERROR and [r.code for r in finding.reasons] == ["timeout"], finding.reasons
        assert "budget" in str(finding.reasons[0].detail.get("detail"))
    assert all(site.stats.targets[_target(u)] == 1 for u in urls[:3])
    # A check the budget cut short is not complete, whether the cut came in the queue or mid-transfer.
    assert result.complete is False


# ---------------------------------------------------------------- one hostile behaviour at a time


def _fetcher(settings: FetchSettings | None = None, waits: list[float] | None = None, **kw: object) -> Fetcher:
    """A fetcher; with `waits`, every pause it chooses (backoff, Retry-After, host delay) is recorded there
    and not slept: the server does not mind when the retry comes. `kw` go to Fetcher (clock, wall, sleep)."""
    settings = settings or hs.hostile_fetch_settings()
    if waits is not None:
        async def sleep(seconds: float) -> None:
            waits.append(seconds)

        kw.setdefault("sleep", sleep)
    return Fetcher(build_client(settings), settings, **kw)  # type: ignore[arg-type]


def _target(url: str) -> str:
    """The request target (path and query) the hostile server counts a URL under."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


async def test_200_mb_body_stops_at_the_cap_without_holding_it(site: hs.HostileServer) -> None:
    fetcher = _fetcher(hs.hostile_fetch_settings(max_bytes=50 * MB))
    site.stats.bytes_sent["/big"] = 0
    site.stats.done["/big?mb=200"] = 0
    with hs.PeakRSS() as memory:
        got = await fetcher.fetch(site.url("/big?mb=200"))
    assert got.error is FetchError.TOO_LARGE and got.body == b"" and got.attempts == 1
    assert memory.rise < 60 * MB, f"{memory.rise / MB:.0f} MB"
    # The server notices the hang-up and gives up its answer. Waited for off the event loop: the fetcher's socket
    # is closed by the loop, and a wait that blocks it would hold the server until its own 30 s timeout.
    assert await asyncio.to_thread(site.stats.wait_done, "/big?mb=200", 1, 20.0)
    assert site.stats.bytes_sent["/big"] < 120 * MB  # reading stopped; the rest was never transferred


@pytest.mark.parametrize("path", ["/bomb/gzip?mb=256", "/bomb/gzip?mb=256&layers=2", "/bomb/br?mb=256"])
async def test_decompression_bombs_are_bounded(site: hs.HostileServer, path: str) -> None:
    fetcher = _fetcher(hs.hostile_fetch_settings(max_bytes=16 * MB))
    with hs.PeakRSS() as memory:
        got = await fetcher.fetch(site.url(path))
    assert got.error is FetchError.TOO_LARGE and "decompression bomb" in got.error_detail
    assert memory.rise < 16 * MB + 24 * MB, f"{memory.rise / MB:.0f} MB"


async def test_drip_ends_at_the_minimum_rate(site: hs.HostileServer) -> None:
    # The drip guard reads the fetcher's clock: here every reading moves it 0.2 s, so each byte of the drip
    # "takes" 0.2 s however fast it comes. The read and document timeouts are far away: only the guard can
    # end this transfer.
    fetcher = _fetcher(hs.hostile_fetch_settings(rate_grace_s=0.5, read_timeout_s=10, document_timeout_s=30),
                       clock=StepClock(0.2))
    got = await fetcher.fetch(site.url("/drip?seconds=20&every=0.05"))
    # Ended by the drip guard (not by the document timeout, nor by the drip running out), not retried.
    assert got.error is FetchError.TIMEOUT and "too slow" in got.error_detail, got.error_detail
    assert "not complete within" not in got.error_detail
    assert got.attempts == 1 and fetcher.requests_made == 1
    # Judged only after the grace period (on the fetcher's clock), and on the bytes really received.
    judged = re.search(r"transfer too slow: (\d+) bytes in ([\d.]+) s", got.error_detail)
    assert judged is not None, got.error_detail
    assert float(judged[2]) > 0.5 and 0 < int(judged[1]) < 1024 * 0.5


async def test_drip_above_the_rate_ends_at_the_document_timeout(site: hs.HostileServer) -> None:
    # The drip lasts 20 s and sends a byte every 0.05 s; the read timeout (5 s) cannot fire between bytes,
    # the drip guard is off: only the 1.5 s document timeout can end the transfer.
    fetcher = _fetcher(hs.hostile_fetch_settings(min_rate_bps=0, read_timeout_s=5.0, document_timeout_s=1.5))
    got = await fetcher.fetch(site.url("/drip?seconds=20&every=0.05"))
    # Ended by the document timeout while the body was still arriving, and not retried: a second try would
    # take as long again.
    assert got.error is FetchError.TIMEOUT and "not complete within 1.5 s" in got.error_detail, got.error_detail
    assert "received" in got.error_detail and "too slow" not in got.error_detail
    assert got.attempts == 1 and fetcher.requests_made == 1


async def test_slow_first_byte_is_retried_then_reported(site: hs.HostileServer) -> None:
    waits: list[float] = []
    fetcher = _fetcher(waits=waits)
    url = site.url("/slow-head?delay=5&k=retry")
    got = await fetcher.fetch(url)
    # Each attempt gave up at the 1 s read timeout (the answer would have come after 5 s); 3 attempts, as
    # counted by the fetcher and by the server, with a short backoff before each retry.
    assert got.error is FetchError.TIMEOUT and got.attempts == 3 and "no answer within 1 s" in got.error_detail
    assert fetcher.requests_made == 3 and site.stats.targets[_target(url)] == 3
    settings = hs.hostile_fetch_settings()
    assert len(waits) == 2 and all(0 < w <= 1.5 * settings.backoff_max_s for w in waits), waits


async def test_per_host_and_global_limits_hold_on_a_real_server(site: hs.HostileServer) -> None:
    """Five requests to each of two host names at once, per_host=2 and global_limit=3. The server holds every
    answer until the test lets a host's answers go, so the limits are seen at their fullest, not when answers
    happen to overlap."""
    settings = hs.hostile_fetch_settings(read_timeout_s=60.0, per_host=2, global_limit=3)
    fetcher = _fetcher(settings)
    stats = site.stats
    # The server is shared by the module: an answer an earlier test gave up on (a drip, a stall) may still be
    # running in its thread and would be counted with these. Start from a quiet server.
    assert await asyncio.to_thread(stats.wait_until, lambda: stats.active["*"] == 0, 120.0)
    stats.reset_peaks()
    urls = ([site.url(f"/hold?key=limits-a&c={i}", host="127.0.0.1") for i in range(5)]
            + [site.url(f"/hold?key=limits-b&c={i}", host="localhost") for i in range(5)])
    async with asyncio.timeout(120):  # a guard against a hang, not a measurement
        fetches = asyncio.gather(*(fetcher.fetch(u) for u in urls))
        # Every global slot taken: two requests on 127.0.0.1 (its limit), one on localhost; the rest wait.
        assert await asyncio.to_thread(stats.wait_until, lambda: stats.active["*"] == 3)
        assert (stats.active["127.0.0.1"], stats.active["localhost"]) == (2, 1)
        # 127.0.0.1's answers go: localhost takes a freed slot, up to its own limit, while 127.0.0.1 runs on.
        stats.release("limits-a")
        assert await asyncio.to_thread(stats.wait_until, lambda: stats.active["localhost"] == 2)
        stats.release("limits-b")
        results = await fetches
    assert all(r.ok for r in results)
    assert stats.peak["127.0.0.1"] == 2 and stats.peak["localhost"] == 2
    assert stats.peak["*"] == 3


async def test_host_delay_spaces_requests_on_a_real_server(site: hs.HostileServer) -> None:
    """Four requests to one host at once start `host_delay_s` apart on the fetcher's clock: virtual time that
    moves only when the test lets the next pause end, so each start is seen at its exact instant."""
    clock = VirtualTime()
    fetcher = _fetcher(hs.hostile_fetch_settings(host_delay_s=0.15, per_host=4), clock=clock, sleep=clock.sleep)
    started: asyncio.Queue[tuple[str, float]] = asyncio.Queue()

    async def on_request(request: httpx.Request) -> None:
        started.put_nowait((request.url.path, clock.now))

    fetcher.client.event_hooks["request"] = [on_request]
    urls = [site.url(f"/page/delay{i}") for i in range(4)]
    async with asyncio.timeout(60):  # a guard against a hang, not a measurement
        fetches = asyncio.gather(*(fetcher.fetch(u) for u in urls))
        starts = [await started.get()]  # the first goes at once
        for _ in range(3):
            await clock.wake_next()  # the next pause ends …
            starts.append(await started.get())  # … and its request goes out then, before the clock moves on
        results = await fetches
    assert all(r.ok for r in results)
    assert [t for _, t in starts] == pytest.approx([0.0, 0.15, 0.30, 0.45])
    assert sorted(path for path, _ in starts) == [f"/page/delay{i}" for i in range(4)]
    assert sorted(clock.waits) == pytest.approx([0.15, 0.30, 0.45])
    assert all(site.stats.targets[_target(u)] == 1 for u in urls)  # and the server saw each once


async def test_retry_after_http_date_is_honoured(site: hs.HostileServer) -> None:
    # The server dates its Retry-After from `at`, and the fetcher's wall clock reads `at` too: the wait it
    # must choose is exact, whatever time it is and however long the answer took to arrive.
    at = 1_760_000_000.0
    waits: list[float] = []
    fetcher = _fetcher(waits=waits, wall=lambda: at)
    got = await fetcher.fetch(site.url(f"/retry-after?key=date-alone&after=2&date=1&at={at:.0f}"))
    assert got.ok and got.attempts == 2
    # One pause before the retry: what the date asks, within the cap (retry_after_cap_s = 2 s).
    assert waits == [2.0]
    # A date far ahead is capped: the fetcher waits the cap, not the minute the server asked for.
    waits.clear()
    capped = _fetcher(hs.hostile_fetch_settings(retry_after_cap_s=0.5), waits=waits, wall=lambda: at)
    got = await capped.fetch(site.url(f"/retry-after?key=date-far&after=60&date=1&at={at:.0f}"))
    assert got.ok and got.attempts == 2
    assert waits == [0.5]


async def test_connection_refused_tries_the_other_scheme_then_reports(site: hs.HostileServer) -> None:
    port = hs.free_port()
    got = await _fetcher().fetch(f"http://127.0.0.1:{port}/")
    assert got.error is FetchError.CONNECT and "https also failed" in got.error_detail
    assert got.attempts == 6  # 3 on http, 3 on https: each attempt counted
