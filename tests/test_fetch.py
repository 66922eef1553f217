"""Fetch behaviour against mocked transports (respx): errors are data, caps hold, retries are counted."""

from __future__ import annotations

import ssl
from pathlib import Path

import httpx
import pytest
import respx

from oit_checker.fetch import Fetcher, FetchSettings, build_client, parse_retry_after
from oit_checker.model import FetchError

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"
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
