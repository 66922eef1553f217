"""The crawler against a hostile web site on 127.0.0.1 (tests/support/hostile_server.py): every URL ends classified,
nothing hangs, nothing crashes, memory stays bounded.

Timeouts are scaled down through FetchSettings (read 1 s, document 3 s, drip grace 0.5 s) so the whole file
runs in seconds; the behaviour is the same at the real defaults, only slower. The tests assert behaviour
(what ended a fetch, how many attempts the fetcher and the server counted, which waits the fetcher chose),
never how fast a machine ran them: speed is measured in bench/, not here.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from oit_checker import __version__
from oit_checker.engine import session as runner
from oit_checker.engine.session import RunOptions, run_agencies
from oit_checker.fetch.client import Fetcher, FetchSettings, build_client
from oit_checker.model import FetchError, Finding, Status
from tests.support import hostile_server as hs

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
    settings = hs.hostile_fetch_settings()
    options = RunOptions(fetch=settings, agency_budget_s=20.0, extract_workers=2)
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
    assert "too slow" in detail[by_what["1 byte/s drip"]]
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
    """Slow pages on one host (one at a time): those the budget cannot reach are reported, not dropped."""
    urls = [site.url(f"/slow-head?delay=0.6&n={i}") for i in range(8)]
    cases = [hs.Case(f"B{i}", "slow page", u, Status.PASS) for i, u in enumerate(urls)]
    settings = hs.hostile_fetch_settings(read_timeout_s=2.0, per_host=1)
    options = RunOptions(fetch=settings, agency_budget_s=2.0, extract_workers=0)
    run = await run_agencies([hs.hostile_agency(site, cases)], hs.hostile_catalogue(cases), 2569, options)
    result = run.agencies[0]
    statuses = [f.status for f in result.findings]
    timed_out = [f for f in result.findings if any(r.code == "timeout" for r in f.reasons)]
    assert len(statuses) == len(urls)
    assert Status.PASS in statuses and len(timed_out) >= 3
    assert all(f.status is Status.ERROR for f in timed_out)
    assert all("budget" in str(r.detail.get("detail")) for f in timed_out for r in f.reasons)
    assert not result.complete
    # The run stopped at the budget: the URLs still queued then were never requested (8 × 0.6 s one at a
    # time would need 4.8 s), and each of them is reported as cut by the budget.
    asked = {u for u in urls if site.stats.targets[_target(u)] > 0}
    assert len(asked) < len(urls)
    by_url = {c.url: c.item for c in cases}
    never = {by_url[u] for u in urls if u not in asked}
    assert never <= {f.item for f in timed_out}


# ---------------------------------------------------------------- one hostile behaviour at a time


def _fetcher(settings: FetchSettings | None = None, waits: list[float] | None = None) -> Fetcher:
    """A fetcher on the real clock; with `waits`, every pause it chooses (backoff, Retry-After, host delay)
    is recorded there, then slept for real."""
    settings = settings or hs.hostile_fetch_settings()
    if waits is None:
        return Fetcher(build_client(settings), settings)

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        await asyncio.sleep(seconds)

    return Fetcher(build_client(settings), settings, sleep=sleep)


def _target(url: str) -> str:
    """The request target (path and query) the hostile server counts a URL under."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


async def test_200_mb_body_stops_at_the_cap_without_holding_it(site: hs.HostileServer) -> None:
    fetcher = _fetcher(hs.hostile_fetch_settings(max_bytes=50 * MB))
    site.stats.bytes_sent["/big"] = 0
    with hs.PeakRSS() as memory:
        got = await fetcher.fetch(site.url("/big?mb=200"))
    assert got.error is FetchError.TOO_LARGE and got.body == b"" and got.attempts == 1
    assert memory.rise < 60 * MB, f"{memory.rise / MB:.0f} MB"
    await asyncio.sleep(0.2)  # let the server notice the hang-up
    assert site.stats.bytes_sent["/big"] < 120 * MB  # reading stopped; the rest was never transferred


@pytest.mark.parametrize("path", ["/bomb/gzip?mb=256", "/bomb/gzip?mb=256&layers=2", "/bomb/br?mb=256"])
async def test_decompression_bombs_are_bounded(site: hs.HostileServer, path: str) -> None:
    fetcher = _fetcher(hs.hostile_fetch_settings(max_bytes=16 * MB))
    with hs.PeakRSS() as memory:
        got = await fetcher.fetch(site.url(path))
    assert got.error is FetchError.TOO_LARGE and "decompression bomb" in got.error_detail
    assert memory.rise < 16 * MB + 24 * MB, f"{memory.rise / MB:.0f} MB"


async def test_drip_ends_at_the_minimum_rate(site: hs.HostileServer) -> None:
    fetcher = _fetcher(hs.hostile_fetch_settings(rate_grace_s=0.5, document_timeout_s=10))
    got = await fetcher.fetch(site.url("/drip?seconds=20"))
    # Ended by the drip guard (not by the 10 s document timeout, nor by the drip running out), not retried.
    assert got.error is FetchError.TIMEOUT and "too slow" in got.error_detail, got.error_detail
    assert "not complete within" not in got.error_detail
    assert got.attempts == 1 and fetcher.requests_made == 1
    assert got.elapsed_s >= 0.5  # judged only after the grace period


async def test_drip_above_the_rate_ends_at_the_document_timeout(site: hs.HostileServer) -> None:
    fetcher = _fetcher(hs.hostile_fetch_settings(min_rate_bps=0, document_timeout_s=1.5))
    got = await fetcher.fetch(site.url("/drip?seconds=20&every=0.05"))
    # Ended by the document timeout while the body was still arriving (the drip lasts 20 s), and not
    # retried: a second try would take as long again.
    assert got.error is FetchError.TIMEOUT and "not complete within 1.5 s" in got.error_detail, got.error_detail
    assert "received" in got.error_detail and "too slow" not in got.error_detail
    assert got.attempts == 1 and fetcher.requests_made == 1
    assert got.elapsed_s >= 1.4  # waited (about) the whole document timeout, not less


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
    settings = hs.hostile_fetch_settings(read_timeout_s=3.0, per_host=2, global_limit=3)
    fetcher = _fetcher(settings)
    site.stats.reset_peaks()
    urls = [site.url(f"/slow-head?delay=0.2&c={i}", host=h) for h in ("127.0.0.1", "localhost") for i in range(5)]
    results = await asyncio.gather(*(fetcher.fetch(u) for u in urls))
    assert all(r.ok for r in results)
    assert site.stats.peak["127.0.0.1"] == 2 and site.stats.peak["localhost"] == 2
    assert site.stats.peak["*"] == 3


async def test_host_delay_spaces_requests_on_a_real_server(site: hs.HostileServer) -> None:
    fetcher = _fetcher(hs.hostile_fetch_settings(host_delay_s=0.15, per_host=4))
    site.stats.reset_peaks()
    await asyncio.gather(*(fetcher.fetch(site.url(f"/page/delay{i}")) for i in range(4)))
    starts = sorted(t for path, t in site.stats.starts if path.startswith("/page/delay"))
    assert len(starts) == 4
    assert all(b - a >= 0.13 for a, b in itertools.pairwise(starts))


async def test_retry_after_http_date_is_honoured(site: hs.HostileServer) -> None:
    waits: list[float] = []
    fetcher = _fetcher(waits=waits)
    got = await fetcher.fetch(site.url("/retry-after?key=date-alone&after=2&date=1"))
    assert got.ok and got.attempts == 2
    # One pause before the retry: at least what the date asks (an HTTP-date has 1 s resolution, so "now + 2 s"
    # is 1–2 s away), and no more than the cap (retry_after_cap_s = 2 s).
    [waited] = waits
    assert 0.9 < waited <= 2.0, waits
    # A date far ahead is capped: the fetcher waits the cap, not the minute the server asked for.
    waits.clear()
    capped = _fetcher(hs.hostile_fetch_settings(retry_after_cap_s=0.5), waits=waits)
    got = await capped.fetch(site.url("/retry-after?key=date-far&after=60&date=1"))
    assert got.ok and got.attempts == 2
    assert waits == [0.5]


async def test_connection_refused_tries_the_other_scheme_then_reports(site: hs.HostileServer) -> None:
    port = hs.free_port()
    got = await _fetcher().fetch(f"http://127.0.0.1:{port}/")
    assert got.error is FetchError.CONNECT and "https also failed" in got.error_detail
    assert got.attempts == 6  # 3 on http, 3 on https: each attempt counted
