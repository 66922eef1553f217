"""Fetch URLs politely and safely; every outcome is a `Fetched`, never an exception.

The `httpx.AsyncClient` is injected (tests hand it a mock transport). Redirects are followed here, not by
httpx, so that loops, off-site hops and scheme changes are seen and recorded. Retries are a small loop of
our own rather than a retrying transport because each URL must report its attempt count and every wait
must respect the agency's time budget — neither is visible from inside a transport.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import ssl
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from oit_checker import __version__
from oit_checker.model import Fetched, FetchError

USER_AGENT = f"oit-checker/{__version__} (+ITA/OIT pre-submission check; contact the agency's ITA team)"
MB = 1024 * 1024
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524})


@dataclass(frozen=True)
class FetchSettings:
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 20.0  # between two received chunks
    document_timeout_s: float = 90.0  # whole transfer: the drip guard a read timeout cannot give
    max_bytes: int = 50 * MB
    max_redirects: int = 10
    retries: int = 2  # attempts = retries + 1
    backoff_base_s: float = 0.5
    backoff_max_s: float = 8.0
    retry_after_cap_s: float = 30.0
    per_host: int = 2
    global_limit: int = 16
    host_delay_s: float = 0.0  # pause between two requests to one host
    user_agent: str = USER_AGENT
    scheme_fallback: bool = True  # try https when http cannot connect, and the reverse

    def timeout(self) -> httpx.Timeout:
        return httpx.Timeout(self.read_timeout_s, connect=self.connect_timeout_s, pool=None)


def build_client(settings: FetchSettings, *, verify: bool = True, transport: httpx.AsyncBaseTransport | None = None,
                 ) -> httpx.AsyncClient:
    """The one client of a run (the CLI builds it; tests build theirs with a mock transport)."""
    limits = httpx.Limits(max_connections=settings.global_limit, max_keepalive_connections=settings.global_limit)
    return httpx.AsyncClient(
        timeout=settings.timeout(),
        limits=limits,
        follow_redirects=False,
        verify=verify,
        headers={"User-Agent": settings.user_agent, "Accept-Language": "th,en;q=0.5"},
        transport=transport,
    )


def host_key(url: str) -> str:
    """Politeness is keyed by host, never by agency: many agencies share one host (Drive, CMS vendors)."""
    return (urlsplit(url).hostname or "").lower()


def _is_tls_error(exc: BaseException) -> bool:
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, ssl.SSLError | ssl.CertificateError):
            return True
        text = str(cur)
        if "CERTIFICATE_VERIFY_FAILED" in text or "SSL:" in text or "[SSL" in text:
            return True
        cur = cur.__cause__ or cur.__context__
    return False


def _classify(exc: Exception) -> tuple[FetchError, bool]:
    """(error kind, worth retrying)."""
    if isinstance(exc, httpx.TimeoutException | TimeoutError):
        return FetchError.TIMEOUT, True
    if _is_tls_error(exc):
        return FetchError.TLS, False
    if isinstance(exc, httpx.ConnectError | httpx.ReadError | httpx.WriteError):
        return FetchError.CONNECT, True
    if isinstance(exc, httpx.RemoteProtocolError):
        return FetchError.PROTOCOL, True
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return FetchError.BAD_SCHEME, False
    return FetchError.PROTOCOL, False


def parse_retry_after(value: str | None, now_epoch: float) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - now_epoch)


def _media_type(header: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in header.split(";")]
    media = parts[0].lower() if parts else ""
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip().strip("\"'") or None
    return media, charset


def other_scheme(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme == "http":
        return urlunsplit(("https", *parts[1:]))
    if parts.scheme == "https":
        return urlunsplit(("http", *parts[1:]))
    return None


@dataclass
class _Attempt:
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    truncated: bool = False
    error: FetchError | None = None
    detail: str = ""
    retry: bool = False
    location: str | None = None


class Fetcher:
    """Fetches with per-host and global limits, retries, a redirect cap and a byte cap."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        settings: FetchSettings | None = None,
        *,
        insecure_client: httpx.AsyncClient | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self.client = client
        self.settings = settings or FetchSettings()
        self.insecure_client = insecure_client
        self._clock = clock
        self._sleep = sleep
        self._rng = rng
        self._global = asyncio.Semaphore(self.settings.global_limit)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._last_request: dict[str, float] = {}
        self.requests_made = 0

    def _host_slot(self, host: str) -> asyncio.Semaphore:
        slot = self._hosts.get(host)
        if slot is None:
            slot = self._hosts[host] = asyncio.Semaphore(self.settings.per_host)
        return slot

    async def fetch(self, url: str, *, deadline: float | None = None) -> Fetched:
        """Fetch `url`; `deadline` is an absolute `clock()` time after which nothing more is tried."""
        started = self._clock()
        result = await self._fetch_following(url, deadline, self.client)
        if result.error is FetchError.TLS and self.insecure_client is not None:
            retry = await self._fetch_following(url, deadline, self.insecure_client)
            result = Fetched(**{**retry.__dict__, "insecure": True,
                                "error_detail": f"tls: {result.error_detail}; fetched without verification",
                                "attempts": result.attempts + retry.attempts})
        if (result.error in (FetchError.CONNECT, FetchError.TIMEOUT) and self.settings.scheme_fallback
                and not self._expired(deadline)):
            alt = other_scheme(url)
            if alt is not None:
                second = await self._fetch_following(alt, deadline, self.client)
                if second.error is None:
                    result = Fetched(**{**second.__dict__, "url": url,
                                        "error_detail": f"{urlsplit(url).scheme} failed ({result.error}); "
                                                        f"{urlsplit(alt).scheme} worked",
                                        "attempts": result.attempts + second.attempts})
        return Fetched(**{**result.__dict__, "elapsed_s": self._clock() - started})

    def _expired(self, deadline: float | None) -> bool:
        return deadline is not None and self._clock() >= deadline

    async def _fetch_following(self, url: str, deadline: float | None, client: httpx.AsyncClient) -> Fetched:
        chain: list[str] = []
        seen: set[str] = {url}
        current = url
        attempts = 0
        while True:
            scheme = urlsplit(current).scheme.lower()
            if scheme not in ("http", "https"):
                return Fetched(url=url, final_url=current, error=FetchError.BAD_SCHEME,
                               error_detail=f"scheme '{scheme}' is not fetched", redirects=tuple(chain),
                               attempts=attempts)
            attempt, used = await self._get_with_retries(current, deadline, client)
            attempts += used
            if attempt.error is not None:
                return Fetched(url=url, final_url=current, status=attempt.status, error=attempt.error,
                               error_detail=attempt.detail, redirects=tuple(chain), attempts=attempts,
                               headers=attempt.headers)
            if attempt.location is not None:
                nxt = urljoin(current, attempt.location)
                if nxt in seen:
                    return Fetched(url=url, final_url=current, status=attempt.status,
                                   error=FetchError.TOO_MANY_REDIRECTS,
                                   error_detail=f"redirect loop back to {nxt}", redirects=(*chain, nxt),
                                   attempts=attempts)
                if len(chain) >= self.settings.max_redirects:
                    return Fetched(url=url, final_url=current, status=attempt.status,
                                   error=FetchError.TOO_MANY_REDIRECTS,
                                   error_detail=f"more than {self.settings.max_redirects} redirects",
                                   redirects=tuple(chain), attempts=attempts)
                chain.append(nxt)
                seen.add(nxt)
                current = nxt
                continue
            media, charset = _media_type(attempt.headers.get("content-type", ""))
            return Fetched(
                url=url, final_url=current, status=attempt.status, content_type=media, charset=charset,
                body=attempt.body, redirects=tuple(chain), attempts=attempts, truncated=attempt.truncated,
                error=FetchError.TOO_LARGE if attempt.truncated else None,
                error_detail=f"body larger than {self.settings.max_bytes} bytes" if attempt.truncated else "",
                headers=attempt.headers,
            )

    async def _get_with_retries(self, url: str, deadline: float | None,
                                client: httpx.AsyncClient) -> tuple[_Attempt, int]:
        attempt = _Attempt()
        used = 0
        for n in range(self.settings.retries + 1):
            if self._expired(deadline):
                if used == 0:
                    return _Attempt(error=FetchError.TIMEOUT, detail="agency time budget exhausted"), used
                break
            used += 1
            attempt = await self._one_get(url, deadline, client)
            if not attempt.retry or n == self.settings.retries:
                break
            wait = self._backoff(n)
            retry_after = parse_retry_after(attempt.headers.get("retry-after"), time.time())
            if retry_after is not None:
                wait = min(max(wait, retry_after), self.settings.retry_after_cap_s)
            if deadline is not None and self._clock() + wait >= deadline:
                break
            await self._sleep(wait)
        if attempt.retry and attempt.error is None and attempt.status is not None:
            attempt.detail = f"HTTP {attempt.status} after {used} attempts"
        return attempt, used

    def _backoff(self, n: int) -> float:
        base = min(self.settings.backoff_max_s, self.settings.backoff_base_s * (2**n))
        return base * (0.5 + self._rng())  # jitter: spread retries of many clients apart

    async def _one_get(self, url: str, deadline: float | None, client: httpx.AsyncClient) -> _Attempt:
        host = host_key(url)
        async with self._global, self._host_slot(host):
            await self._polite_pause(host)
            budget = self.settings.document_timeout_s
            if deadline is not None:
                budget = min(budget, max(0.0, deadline - self._clock()))
            try:
                async with asyncio.timeout(budget):
                    return await self._stream(url, client)
            except TimeoutError:
                return _Attempt(error=FetchError.TIMEOUT, detail=f"no complete answer within {budget:.0f} s",
                                retry=False)
            except Exception as exc:
                kind, retry = _classify(exc)
                return _Attempt(error=kind, detail=f"{type(exc).__name__}: {exc}"[:300], retry=retry)
            finally:
                self._last_request[host] = self._clock()

    async def _polite_pause(self, host: str) -> None:
        if self.settings.host_delay_s <= 0:
            return
        last = self._last_request.get(host)
        if last is not None:
            wait = last + self.settings.host_delay_s - self._clock()
            if wait > 0:
                await self._sleep(wait)

    async def _stream(self, url: str, client: httpx.AsyncClient) -> _Attempt:
        self.requests_made += 1
        async with client.stream("GET", url) as resp:
            headers = {k.lower(): v for k, v in resp.headers.items()}
            if resp.is_redirect and "location" in headers:
                return _Attempt(status=resp.status_code, headers=headers, location=headers["location"])
            if resp.status_code in RETRY_STATUSES:
                return _Attempt(status=resp.status_code, headers=headers, retry=True)
            chunks: list[bytes] = []
            size = 0
            truncated = False
            declared = headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.settings.max_bytes:
                truncated = True
            else:
                # aiter_bytes yields decoded bytes, so a gzip bomb hits the same cap as a plain body.
                async for chunk in resp.aiter_bytes():
                    size += len(chunk)
                    if size > self.settings.max_bytes:
                        truncated = True
                        chunks.clear()  # a cut document is useless; do not hold the bytes
                        break
                    chunks.append(chunk)
            return _Attempt(status=resp.status_code, headers=headers, body=b"".join(chunks), truncated=truncated)
