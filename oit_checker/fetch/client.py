"""Fetch URLs politely and safely; every outcome is a `Fetched`, never an exception.

The `httpx.AsyncClient` is injected (tests hand it a mock transport). Redirects are followed here, not by
httpx, so that loops, off-site hops and scheme changes are seen and recorded. Retries are a small loop of
our own rather than a retrying transport because each URL must report its attempt count and every wait
must respect the agency's time budget — neither is visible from inside a transport.

Bodies are read raw and decoded here, not by httpx: httpx inflates each network chunk in one call, so 64 KB
of gzip can become ≈64 MB at once and a "gzip, gzip" body gigabytes, before any cap can look at it. Our
decoders hand out at most `_DECODE_STEP` bytes per step, so the byte cap bounds a decompression bomb too.

What bounds what (defaults in `FetchSettings`, described in docs/crawler.md):
- connect / read timeouts (httpx): a dead host, a server that stops sending;
- `min_rate_bps` after `rate_grace_s`: a server that drips bytes just fast enough to beat the read timeout;
- `document_timeout_s`: the whole transfer of one document, whatever its pace;
- the agency `deadline`: waits for a slot, polite pauses, backoffs and transfers all stop there;
- `max_bytes` (decoded bytes) per document, and `large_bodies` documents above `large_body_bytes` in
  memory at once, so a run's transfer buffers stay near `large_bodies × max_bytes`.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import functools
import http.cookiejar
import mmap
import os
import random
import socket
import ssl
import urllib.request
import warnings
import zlib
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx

from oit_checker import __version__
from oit_checker.fetch import policy
from oit_checker.fetch.aio import AsyncioBackend, native_primitives
from oit_checker.model import Fetched, FetchError
from oit_checker.text import i18n
from oit_checker.text.clock import monotonic, wall
from oit_checker.text.sizes import MB, human_bytes
from oit_checker.text.urls import host_of, normalize_url

try:  # brotli ≥ 1.2 can bound its output per call; older builds (or brotlicffi) cannot, so we do not ask for br
    import brotli as _brotli

    _BROTLI_BOUNDED = hasattr(_brotli.Decompressor(), "can_accept_more_data")
except ImportError:  # pragma: no cover - httpx[brotli] is a dependency
    _brotli = None
    _BROTLI_BOUNDED = False

USER_AGENT = f"oit-checker/{__version__} (+ITA/OIT pre-submission check; contact the agency's ITA team)"
ACCEPT_ENCODING = "gzip, deflate, br" if _BROTLI_BOUNDED else "gzip, deflate"
# 501 Not Implemented and 505 HTTP Version Not Supported will not change on a retry; every other 5xx may.
_PERMANENT_5XX = frozenset({501, 505})
_DECODE_STEP = 1 * MB  # most decoded bytes one decoder call may produce
_SAME_INSTANT_S = 1e-3  # two loop times this close are one instant (a timer set at a deadline)
_ERROR_BODY_BYTES = 64 * 1024  # of a non-2xx answer: enough to recognise a block page, never extracted
_CLOSED_STREAM = httpx.ByteStream(b"")  # what a closed response's stream is replaced with (see `_stream`)
# Tells the session's transport (`PolicyRouter`) that this request belongs to an agency allowed to reach
# private addresses; removed before the request leaves the machine.
PRIVATE_MARKER = "x-oit-checker-allow-private"


def is_retry_status(status: int) -> bool:
    """408, 429 and 5xx are worth another try; no other 4xx is (a 404 stays a 404)."""
    return status in (408, 429) or (500 <= status <= 599 and status not in _PERMANENT_5XX)


@dataclass(frozen=True)
class FetchSettings:
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 20.0  # between two received chunks (and before the first)
    # Whole transfer of one document, whatever its pace. The drip guard below stops dead-slow transfers
    # early, so this can be generous: a 50 MB file from a 300 KB/s agency server needs ≈170 s.
    document_timeout_s: float = 180.0
    max_bytes: int = 50 * MB  # decoded bytes per document
    max_redirects: int = 10
    retries: int = 2  # attempts = retries + 1
    backoff_base_s: float = 0.5
    backoff_max_s: float = 8.0
    retry_after_cap_s: float = 30.0
    per_host: int = 2
    global_limit: int = 16
    host_delay_s: float = 0.0  # pause between the starts of two requests to one host
    user_agent: str = USER_AGENT
    scheme_fallback: bool = True  # try https when http cannot connect, and the reverse
    # Drip guard: after the grace period a body must average at least this rate, or it is abandoned. A read
    # timeout alone cannot catch a server that sends one byte just before each timeout would fire.
    min_rate_bps: float = 1024.0
    rate_grace_s: float = 10.0
    # Memory: at most `large_bodies` transfers may hold more than `large_body_bytes` at once; the others
    # pause (their socket buffers fill, the server waits) until one finishes. Paused time is not charged to
    # the drip guard or the document timeout.
    large_body_bytes: int = 4 * MB
    large_bodies: int = 2
    # The drip guard for the response head: status line and headers must be complete within this long
    # after the request is sent, however steadily a server drips them (the read timeout alone would not fire).
    headers_timeout_s: float = 30.0
    # Fetch policy (fetch/policy.py): False refuses loopback, private, link-local … addresses, after DNS
    # resolution and on every redirect hop. True for intranet agencies (--allow-private), tests, the demo.
    allow_private: bool = False

    def timeout(self) -> httpx.Timeout:
        return httpx.Timeout(self.read_timeout_s, connect=self.connect_timeout_s, pool=None)


def _legacy_tolerant(ctx: ssl.SSLContext) -> ssl.SSLContext:
    # OpenSSL 3 refuses servers without secure renegotiation (RFC 5746) although browsers open them;
    # many old agency servers are such. This does not weaken certificate checks.
    ctx.options |= getattr(ssl, "OP_LEGACY_SERVER_CONNECT", 0)
    return ctx


def insecure_ssl_context() -> ssl.SSLContext:
    """For `--insecure` only: no certificate checks, and old protocols/ciphers that browsers still warn
    through (TLS 1.0, small DH keys), so that the content behind a broken setup can still be evaluated."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    with contextlib.suppress(ssl.SSLError):
        ctx.set_ciphers("DEFAULT:@SECLEVEL=0")
    with contextlib.suppress(ValueError, ssl.SSLError), warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # deprecated is the point: old servers use it
        ctx.minimum_version = ssl.TLSVersion.TLSv1
    return _legacy_tolerant(ctx)


def ssl_context_for(verify: bool) -> ssl.SSLContext:
    """Verification on (tolerant of the legacy TLS settings small Thai hosts still use), or off.

    One context per setting (and CA location) for the process: loading the CA store takes tens of
    milliseconds, and a run's transports (strict, permissive, one pool per host) share it."""
    return _ssl_context(verify, os.environ.get("SSL_CERT_FILE", ""), os.environ.get("SSL_CERT_DIR", ""))


@functools.lru_cache(maxsize=8)
def _ssl_context(verify: bool, _cert_file: str, _cert_dir: str) -> ssl.SSLContext:
    return _legacy_tolerant(httpx.create_ssl_context()) if verify else insecure_ssl_context()


class _ProxyRouter(httpx.AsyncBaseTransport):
    """Honours HTTP(S)_PROXY / NO_PROXY like a plain httpx client does.

    httpx reads proxy variables only when the client builds its own transport; the cache needs its own
    transport, so without this an office behind a proxy would find every site unreachable. A proxy resolves
    the target's name itself, so the fetch policy resolves and checks the target before handing it over.
    """

    def __init__(self, direct: httpx.AsyncBaseTransport, proxied: dict[str, httpx.AsyncBaseTransport],
                 env: dict[str, str], *, allow_private: bool = False) -> None:
        self.direct = direct
        self.proxied = proxied
        self.env = env
        self.allow_private = allow_private

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        transport = self.proxied.get(request.url.scheme)
        bypass = getattr(urllib.request, "proxy_bypass_environment")  # noqa: B009 — not in typeshed's stubs
        if transport is None or bypass(request.url.host, self.env):
            transport = self.direct
        elif not self.allow_private:
            try:
                await policy.check_host(request.url.host, request.url.port or (443 if request.url.scheme ==
                                                                                "https" else 80))
            except OSError as exc:
                raise httpx.ConnectError(str(exc), request=request) from exc
        return await transport.handle_async_request(request)

    async def aclose(self) -> None:
        for t in {id(t): t for t in (self.direct, *self.proxied.values())}.values():
            await t.aclose()


class PolicyRouter(httpx.AsyncBaseTransport):
    """The session's network: requests go to the `strict` transport (fetch policy on), except those the
    fetcher marked for an agency allowed private addresses, which go to a `permissive` one made on first
    use. Two transports, two connection pools: a connection opened for an intranet agency is never reused
    for another agency's request."""

    def __init__(self, strict: httpx.AsyncBaseTransport,
                 make_permissive: Callable[[], httpx.AsyncBaseTransport]) -> None:
        self.strict = strict
        self._make_permissive = make_permissive
        self._permissive: httpx.AsyncBaseTransport | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.headers.pop(PRIVATE_MARKER, None) is None:
            return await self.strict.handle_async_request(request)
        if self._permissive is None:
            self._permissive = self._make_permissive()
        return await self._permissive.handle_async_request(request)

    async def aclose(self) -> None:
        for t in {id(t): t for t in (self.strict, self._permissive) if t is not None}.values():
            await t.aclose()


def _with_network(transport: httpx.AsyncHTTPTransport, *, allow_private: bool) -> httpx.AsyncHTTPTransport:
    """The transport with its connections on asyncio's own transports (fetch/aio.py; httpcore's locks, events
    and shields asyncio's own there too) and, unless `allow_private`, the fetch policy around them (checked
    after DNS, at connect time)."""
    pool = getattr(transport, "_pool", None)
    if pool is None or not hasattr(pool, "_network_backend"):  # pragma: no cover - another httpx/httpcore: fail closed
        raise RuntimeError("cannot set the network backend of this httpx version's transport")
    backend = AsyncioBackend()
    native_primitives()
    pool._network_backend = backend if allow_private else policy.GuardedBackend(backend)
    return transport


class PerHostPools(httpx.AsyncBaseTransport):
    """One small connection pool per origin (scheme, host, port), made on first use.

    httpcore's pool looks at every connection it holds each time a request starts or ends (is it idle, has
    the server closed it), so a single pool shared by a run's many hosts costs more CPU per request the more
    hosts it keeps connections to: ≈2.5 ms per request at 16 connections against ≈1 ms at 8 or fewer. The
    fetcher already bounds requests per host and in total, so each origin gets its own pool of `per_host`
    connections, and only the `keep` most recently used origins keep theirs (a run moves from agency to
    agency; an older agency's idle connections are closed)."""

    def __init__(self, make: Callable[[], httpx.AsyncBaseTransport], keep: int) -> None:
        self._make = make
        self._keep = max(1, keep)
        self._pools: OrderedDict[tuple[str, str, int | None], httpx.AsyncBaseTransport] = OrderedDict()
        self._busy: dict[tuple[str, str, int | None], int] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        key = (request.url.scheme, request.url.host, request.url.port)
        pool = self._pools.get(key)
        if pool is None:
            pool = self._pools[key] = self._make()
            await self._evict()
        else:
            self._pools.move_to_end(key)
        self._busy[key] = self._busy.get(key, 0) + 1
        try:
            response = await pool.handle_async_request(request)
        except BaseException:
            self._done(key)
            raise
        # The pool stays busy until the body is read or dropped: wrap the stream to know when.
        response.stream = _Released(response.stream, lambda: self._done(key))  # type: ignore[arg-type]
        return response

    def _done(self, key: tuple[str, str, int | None]) -> None:
        left = self._busy.get(key, 1) - 1
        if left > 0:
            self._busy[key] = left
        else:
            self._busy.pop(key, None)

    async def _evict(self) -> None:
        if len(self._pools) <= self._keep:
            return
        for key in [k for k in self._pools if k not in self._busy][: len(self._pools) - self._keep]:
            await self._pools.pop(key).aclose()

    async def aclose(self) -> None:
        pools, self._pools = list(self._pools.values()), OrderedDict()
        for pool in pools:
            await pool.aclose()


class _Released(httpx.AsyncByteStream):
    """A response stream that calls `release` once, when it is closed."""

    def __init__(self, inner: httpx.AsyncByteStream, release: Callable[[], None]) -> None:
        self._inner = inner
        self._release: Callable[[], None] | None = release

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._inner.aclose()
        finally:
            release, self._release = self._release, None
            if release is not None:
                release()


def network_transport(global_limit: int, *, verify: bool = True, allow_private: bool = False,
                      per_host: int | None = None) -> httpx.AsyncBaseTransport:
    """The real network, with the run's connection limits and, unless `allow_private`, the fetch policy
    (no loopback, private, link-local … addresses: see fetch/policy.py). With `per_host`, every origin
    gets its own pool of that many connections (`PerHostPools`); else one pool of `global_limit`."""
    ssl_context = ssl_context_for(verify)  # one context for every pool: loading the CA store is slow

    def direct_pool(limit: int) -> httpx.AsyncBaseTransport:
        limits = httpx.Limits(max_connections=limit, max_keepalive_connections=limit)
        return _with_network(httpx.AsyncHTTPTransport(verify=ssl_context, limits=limits), allow_private=allow_private)

    direct: httpx.AsyncBaseTransport
    if per_host is not None:
        direct = PerHostPools(lambda: direct_pool(per_host), keep=global_limit)
    else:
        direct = direct_pool(global_limit)
    env = urllib.request.getproxies_environment()
    proxied: dict[str, httpx.AsyncBaseTransport] = {}
    limits = httpx.Limits(max_connections=global_limit, max_keepalive_connections=global_limit)
    for scheme in ("http", "https"):
        url = env.get(scheme) or env.get("all")
        if url:  # the connection to the proxy itself is the operator's choice: not subject to the policy
            proxied[scheme] = httpx.AsyncHTTPTransport(verify=ssl_context, limits=limits, proxy=url)
    return _ProxyRouter(direct, proxied, env, allow_private=allow_private) if proxied else direct


def build_client(settings: FetchSettings, *, verify: bool = True, transport: httpx.AsyncBaseTransport | None = None,
                 ) -> httpx.AsyncClient:
    """The one client of a run (the CLI builds it; tests build theirs with a mock transport).

    `verify=False` gives the `--insecure` client. With an explicit `transport`, httpx ignores `verify`.
    Without one, the client gets `network_transport` (fetch policy per `settings.allow_private`). The
    client keeps no cookies: `Fetcher` gives each fetch its own (see `Fetcher._fetch_following`).
    """
    limits = httpx.Limits(max_connections=settings.global_limit, max_keepalive_connections=settings.global_limit)
    ssl_context = ssl_context_for(verify)  # for httpx's own proxy mounts; shared, so cheap
    if transport is None:
        transport = network_transport(settings.global_limit, verify=verify, allow_private=settings.allow_private,
                                      per_host=settings.per_host)
    return _Client(
        timeout=settings.timeout(),
        limits=limits,
        follow_redirects=False,
        verify=ssl_context,
        headers={"User-Agent": settings.user_agent, "Accept-Language": "th,en;q=0.5",
                 "Accept-Encoding": ACCEPT_ENCODING},
        transport=transport,
        event_hooks={"response": [_park_foreign_location]},
    )


class _NoCookies(http.cookiejar.CookieJar):
    """The client's own jar keeps nothing: a cookie lives only in the jar of one fetch (`_Call`), so no
    cookie set by one agency's site (`Domain=go.th`, or host-only on a shared host) reaches another, and
    none is ever written to disk."""

    def set_cookie(self, cookie: http.cookiejar.Cookie) -> None:
        return None

    def extract_cookies(self, response: Any, request: Any) -> None:
        return None


class _ClientCookies(httpx.Cookies):
    """The client's cookies: none, and none read from an answer. httpx hands every answer to its client's
    cookies; building the cookie library's views of the request and the answer only to keep nothing was
    ≈ 10 % of the fetch path's CPU (bench/fetch.py: 720 → 650 µs per request)."""

    def __init__(self) -> None:
        super().__init__(_NoCookies())

    def extract_cookies(self, response: httpx.Response) -> None:
        return None

    def set_cookie_header(self, request: httpx.Request) -> None:
        return None


FOREIGN_LOCATION = "x-oit-foreign-location"  # a redirect's Location to a non-web scheme, moved aside


async def _park_foreign_location(response: httpx.Response) -> None:
    """httpx builds the next request of every redirect, even one it does not follow, and raises `InvalidURL`
    on a Location it cannot make a web URL of (`mailto:`, `javascript:`). Such a Location is moved aside
    (`FOREIGN_LOCATION`) for the fetcher to report as a redirect to a scheme it does not fetch."""
    location = response.headers.get("location")
    if not location:
        return
    try:
        scheme = urlsplit(location.strip()).scheme.lower()
    except ValueError:
        return
    if scheme and scheme not in ("http", "https"):
        response.headers[FOREIGN_LOCATION] = location
        del response.headers["location"]


class _Client(httpx.AsyncClient):
    """httpx's client whose own cookies are `_ClientCookies` (each fetch keeps its cookies in its `_Call`)."""

    _no_cookies = _ClientCookies()

    @property
    def cookies(self) -> httpx.Cookies:
        return self._no_cookies

    @cookies.setter
    def cookies(self, cookies: Any) -> None:
        raise TypeError("the run's client keeps no cookies: each fetch has its own jar (fetch/client.py _Call)")


def host_key(url: str) -> str:
    """Politeness is keyed by host, never by agency: many agencies share one host (Drive, CMS vendors)."""
    return host_of(url)


# ---------------------------------------------------------------- error classification


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        yield cur
        cur = cur.__cause__ or cur.__context__


def _is_tls_error(exc: BaseException) -> bool:
    for cur in _chain(exc):
        if isinstance(cur, ssl.SSLError | ssl.CertificateError):
            return True
        text = str(cur)
        if "CERTIFICATE_VERIFY_FAILED" in text or "SSL:" in text or "[SSL" in text:
            return True
    return False


def _words(key: str, /, **values: object) -> str:
    """The fetcher's own words for why a URL failed (strings.toml [fetch_detail]), always in English: that
    is how a fetch record stores them; a reason's Thai message rewords them (i18n.reword)."""
    return i18n.text(f"fetch_detail.{key}", "en", **values)


def _tls_detail(exc: BaseException) -> str:
    """"certificate: self-signed certificate" rather than a three-line OpenSSL message."""
    for cur in _chain(exc):
        if isinstance(cur, ssl.SSLCertVerificationError) and cur.verify_message:
            return _words("certificate", why=cur.verify_message)
        if isinstance(cur, ssl.CertificateError) and not isinstance(cur, ssl.SSLError):
            return _words("certificate", why=cur)
    for cur in _chain(exc):
        if isinstance(cur, ssl.SSLError) and cur.reason:
            return _words("handshake", why=cur.reason.lower().replace("_", " "))
    return f"TLS: {exc}"[:300]


def _no_such_host(exc: BaseException) -> bool:
    """DNS says the name does not exist: asking again, or on the other scheme, cannot help."""
    permanent = {getattr(socket, n) for n in ("EAI_NONAME", "EAI_NODATA") if hasattr(socket, n)}
    return any(isinstance(cur, socket.gaierror) and cur.errno in permanent for cur in _chain(exc))


def _classify(exc: Exception) -> tuple[FetchError, bool]:
    """(error kind, worth retrying)."""
    if isinstance(exc, httpx.TimeoutException | TimeoutError):
        return FetchError.TIMEOUT, True
    if _is_tls_error(exc):
        return FetchError.TLS, False
    if isinstance(exc, httpx.ConnectError | httpx.ReadError | httpx.WriteError):
        return FetchError.CONNECT, not _no_such_host(exc)
    if isinstance(exc, httpx.RemoteProtocolError):
        return FetchError.PROTOCOL, True
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return FetchError.BAD_SCHEME, False
    return FetchError.PROTOCOL, False


def _describe(exc: Exception, kind: FetchError, settings: FetchSettings, got_headers: bool) -> str:
    if kind is FetchError.TLS:
        return _tls_detail(exc)
    if isinstance(exc, httpx.ConnectError):
        for cur in _chain(exc):
            if isinstance(cur, socket.gaierror):
                return _words("dns", why=cur.strerror or cur)
            if isinstance(cur, ConnectionRefusedError):
                return _words("refused")
            if isinstance(cur, OSError) and cur.errno and cur.strerror:
                return _words("cannot_connect", why=cur.strerror.lower())
    if isinstance(exc, httpx.ConnectTimeout):
        return _words("connect_timeout", s=f"{settings.connect_timeout_s:g}")
    if isinstance(exc, httpx.ReadTimeout):
        if got_headers:
            return _words("stopped_sending", s=f"{settings.read_timeout_s:g}")
        return _words("no_answer", s=f"{settings.read_timeout_s:g}")
    return f"{type(exc).__name__}: {exc}"[:300]


def parse_retry_after(value: str | None, now_epoch: float) -> float | None:
    """Seconds to wait for a Retry-After value (delta-seconds or HTTP-date); None when unusable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:  # an HTTP-date is always GMT; a server that omits the zone still means it
        when = when.replace(tzinfo=UTC)
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


# ---------------------------------------------------------------- block pages recognised from the answer

# Shown by CDNs and web application firewalls instead of the page; the site may be fine for a browser.
_BOT_WALL_MARKERS = (
    b"cf-browser-verification", b"challenge-platform", b"cf_chl_opt", b"Attention Required! | Cloudflare",
    b"Just a moment...", b"The requested URL was rejected. Please consult with your administrator.",
    b"Request Rejected", b"Access Denied</H1>", b"_Incapsula_Resource", b"Sucuri WebSite Firewall",
)


def _bot_wall(status: int, headers: dict[str, str], head: bytes) -> str | None:
    if headers.get("cf-mitigated", "").lower() == "challenge":
        return _words("cloudflare", status=status)
    if status in (403, 406, 429, 503):
        for marker in _BOT_WALL_MARKERS:
            if marker.lower() in head.lower():
                return _words("block_page", status=status, marker=marker.decode()[:40])
    return None


# ---------------------------------------------------------------- bounded content decoding


class _DecodeError(Exception):
    pass


class _Decoder:
    """One Content-Encoding layer; `feed` yields decoded pieces of at most `_DECODE_STEP` bytes, lazily,
    so a consumer that stops at the byte cap never makes the rest."""

    def feed(self, data: bytes) -> Iterator[bytes]:  # pragma: no cover - interface
        raise NotImplementedError


class _ZlibDecoder(_Decoder):
    def __init__(self, gzip: bool) -> None:
        self._gzip = gzip
        self._z: zlib._Decompress | None = None
        self._started = False
        self._done = False  # after the last gzip member, trailing junk is ignored as browsers do

    def _new(self, first: bytes) -> zlib._Decompress:
        if self._gzip:
            return zlib.decompressobj(zlib.MAX_WBITS | 16)
        # "deflate" should be zlib-wrapped; many servers send raw deflate. The zlib header says which.
        wrapped = len(first) >= 2 and (first[0] & 0x0F) == 8 and ((first[0] << 8) | first[1]) % 31 == 0
        return zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        while data and not self._done:
            if self._z is None:
                self._z = self._new(data)
            try:
                out = self._z.decompress(data, _DECODE_STEP)
                if out:
                    yield out
                while self._z.unconsumed_tail:
                    out = self._z.decompress(self._z.unconsumed_tail, _DECODE_STEP)
                    if out:
                        yield out
            except zlib.error as exc:
                raise _DecodeError(f"{'gzip' if self._gzip else 'deflate'} data is corrupt ({exc})") from None
            data = b""
            if self._z.eof:
                rest = self._z.unused_data
                self._z = None
                if self._gzip and rest.startswith(b"\x1f\x8b"):
                    data = rest  # another gzip member: concatenated members are one body
                else:
                    self._done = True


class _BrotliDecoder(_Decoder):
    def __init__(self) -> None:
        if _brotli is None:  # pragma: no cover
            raise _DecodeError("brotli body but no brotli decoder installed")
        self._d = _brotli.Decompressor()

    def feed(self, data: bytes) -> Iterator[bytes]:
        try:
            if not _BROTLI_BOUNDED:  # pragma: no cover - we do not advertise br then
                yield self._d.process(data)
                return
            out = self._d.process(data, output_buffer_limit=_DECODE_STEP)
            if out:
                yield out
            while not self._d.can_accept_more_data():
                out = self._d.process(b"", output_buffer_limit=_DECODE_STEP)
                if not out:
                    break
                yield out
        except _brotli.error as exc:
            raise _DecodeError(f"brotli data is corrupt ({exc})") from None


def _decoders(content_encoding: str) -> list[_Decoder]:
    """Decoders in the order to apply them (the reverse of the header's). Unknown tokens are ignored, as
    httpx does: servers send junk like "Content-Encoding: UTF-8" on plain bodies."""
    out: list[_Decoder] = []
    for token in reversed([t.strip().lower() for t in content_encoding.split(",") if t.strip()]):
        if token in ("gzip", "x-gzip"):
            out.append(_ZlibDecoder(gzip=True))
        elif token == "deflate":
            out.append(_ZlibDecoder(gzip=False))
        elif token == "br":
            out.append(_BrotliDecoder())
    return out


def _through(decoders: list[_Decoder], data: bytes) -> Iterator[bytes]:
    """Push `data` through every layer, lazily: nothing is decoded that the consumer does not ask for.

    Both decoders drain their output as they go (zlib's unconsumed tail, brotli's pending output), so
    nothing is left to flush at the end of the body.
    """
    pieces: Iterator[bytes] = iter((data,))
    for dec in decoders:
        pieces = _layer(dec, pieces)
    return pieces


def _layer(dec: _Decoder, upstream: Iterator[bytes]) -> Iterator[bytes]:
    for piece in upstream:
        yield from dec.feed(piece)


# ---------------------------------------------------------------- one attempt


class _BodyBuffer:
    """Collects a body: small ones as a list of pieces, large ones in an anonymous memory map.

    A large body (over `large_at`) moves into an mmap of `cap` bytes (address space only; pages are used as
    they are written), so growing it never copies it, and `close()` returns its memory to the system at
    once — freed heap memory would stay in the process. Abandoning a body at the cap therefore costs at most
    the cap, briefly. The final `getvalue()` of a large body copies it once into the `bytes` the rest of
    the pipeline takes.
    """

    def __init__(self, cap: int, large_at: int) -> None:
        self._cap = cap
        self._large_at = large_at
        self._pieces: list[bytes] = []
        self._map: mmap.mmap | None = None
        self.size = 0

    def write(self, piece: bytes) -> None:
        if self._map is None and self.size + len(piece) > self._large_at:
            self._map = mmap.mmap(-1, max(self._cap, 1))
            for old in self._pieces:
                self._map.write(old)
            self._pieces.clear()
        if self._map is not None:
            self._map.write(piece)
        else:
            self._pieces.append(piece)
        self.size += len(piece)

    def getvalue(self) -> bytes:
        if self._map is not None:
            return self._map[: self.size]
        return b"".join(self._pieces)

    def close(self) -> None:
        self._pieces.clear()
        if self._map is not None:
            self._map.close()
            self._map = None


class _TooSlow(Exception):
    pass


@dataclass
class _Call:
    """One `fetch()`: the client it uses, its own cookie jar (cookies never outlive a fetch, so none crosses
    from one agency to another), and whether private addresses are allowed for it."""

    client: httpx.AsyncClient
    allow_private: bool
    cookies: httpx.Cookies = field(default_factory=httpx.Cookies)


@dataclass
class _Progress:
    """What one attempt got so far: for messages when it is cut off, and for the drip guard."""

    headers_at: float | None = None  # Fetcher clock time the response headers arrived (the drip guard's start)
    raw_bytes: int = 0
    body_bytes: int = 0  # decoded
    paused_s: float = 0.0  # waiting for a large-body slot (Fetcher clock): not the server's fault
    timeout: asyncio.Timeout | None = None
    hard_end: float | None = None  # loop time of the agency deadline: no pause extends a transfer past it


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
    before_response: bool = False  # failed before any answer (connect phase): the other scheme may work
    sent: bool = True  # False when the agency budget ran out before a request could be sent
    budget_cut: bool = False  # the agency's time budget, not the server, ended this attempt
    from_cache: bool = False  # the HTTP cache answered (the server said 304: the stored body is current)


class Fetcher:
    """Fetches with per-host and global limits, retries, a redirect cap, a byte cap and a drip guard."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        settings: FetchSettings | None = None,
        *,
        insecure_client: httpx.AsyncClient | None = None,
        clock: Callable[[], float] = monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: Callable[[], float] = random.random,
        wall: Callable[[], float] = wall,
    ) -> None:
        self.client = client
        self.settings = settings or FetchSettings()
        self.insecure_client = insecure_client
        self._clock = clock  # monotonic seconds: deadlines, polite pauses, backoffs, the drip guard
        self._sleep = sleep
        self._rng = rng
        self._wall = wall  # epoch seconds, for Retry-After given as an HTTP date
        self._global = asyncio.Semaphore(self.settings.global_limit)
        self._large = asyncio.Semaphore(max(1, self.settings.large_bodies))
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._next_start: dict[str, float] = {}  # host → earliest clock() for its next request
        self.requests_made = 0
        self.in_flight = 0
        self.peak_in_flight = 0

    def _host_slot(self, host: str) -> asyncio.Semaphore:
        slot = self._hosts.get(host)
        if slot is None:
            slot = self._hosts[host] = asyncio.Semaphore(self.settings.per_host)
        return slot

    async def fetch(self, url: str, *, deadline: float | None = None, allow_private: bool = False) -> Fetched:
        """Fetch `url`; `deadline` is an absolute `clock()` time after which nothing more is tried.

        `allow_private` lifts the fetch policy for this URL (an intranet agency); `settings.allow_private`
        lifts it for every URL."""
        started = self._clock()
        try:
            result = await self._fetch(url, deadline, allow_private or self.settings.allow_private)
        except Exception as exc:  # the contract is "never raises": a bug becomes a finding
            result = Fetched(url=url, final_url=url, error=FetchError.PROTOCOL,
                             error_detail=_words("internal", why=f"{type(exc).__name__}: {exc}")[:300], attempts=0)
        return Fetched(**{**result.__dict__, "elapsed_s": self._clock() - started})

    async def _fetch(self, url: str, deadline: float | None, allow_private: bool) -> Fetched:
        result, early = await self._fetch_following(url, deadline, _Call(self.client, allow_private))
        if result.error is FetchError.TLS and self.insecure_client is not None:
            retry, _ = await self._fetch_following(url, deadline, _Call(self.insecure_client, allow_private))
            if retry.error is not FetchError.TLS:
                result = Fetched(**{**retry.__dict__, "insecure": True,
                                    "error_detail": _words("tls_insecure_then", detail=result.error_detail,
                                                           then=retry.error_detail) if retry.error
                                    else _words("tls_insecure", detail=result.error_detail),
                                    "attempts": result.attempts + retry.attempts})
        # Only a failure to connect suggests the other scheme: a site that answered slowly or badly on one
        # scheme is not helped by the other, and trying it would double the wait.
        if early and self.settings.scheme_fallback and not self._expired(deadline):
            alt = other_scheme(url)
            if alt is not None:
                second, _ = await self._fetch_following(alt, deadline, _Call(self.client, allow_private))
                attempts = result.attempts + second.attempts
                a, b = urlsplit(url).scheme, urlsplit(alt).scheme
                if second.status is not None:  # any answer on the other scheme beats no connection
                    result = Fetched(**{**second.__dict__, "url": url, "attempts": attempts,
                                        "error_detail": _words("scheme_worked", a=a, detail=result.error_detail,
                                                               b=b)})
                else:
                    result = Fetched(**{**result.__dict__, "attempts": attempts,
                                        "error_detail": _words("scheme_also_failed_why", detail=result.error_detail,
                                                               b=b, second=second.error_detail)
                                        if second.error_detail
                                        else _words("scheme_also_failed", detail=result.error_detail, b=b)})
        return result

    def _expired(self, deadline: float | None) -> bool:
        return deadline is not None and self._clock() >= deadline

    def _remaining(self, deadline: float | None) -> float | None:
        return None if deadline is None else max(0.0, deadline - self._clock())

    async def _fetch_following(self, url: str, deadline: float | None, call: _Call) -> tuple[Fetched, bool]:
        """(result, failed while connecting to the very first URL)."""
        chain: list[str] = []
        visits: dict[str, int] = {url: 1}
        current = url
        attempts = 0
        while True:
            try:
                scheme = urlsplit(current).scheme.lower()
            except ValueError:
                scheme = ""
            if scheme not in ("http", "https"):
                # Submitted so, or a redirect's target: then the hop that sent there is named too.
                words = (_words("bad_scheme_redirect", scheme=scheme or "?", url=current[:120],
                                source=(chain[-2] if len(chain) > 1 else url)[:120]) if chain
                         else _words("bad_scheme", scheme=scheme or "?", url=current[:120]))
                return Fetched(url=url, final_url=current, error=FetchError.BAD_SCHEME, error_detail=words,
                               redirects=tuple(chain), attempts=attempts), False
            refused = None if call.allow_private else policy.url_refusal(current)
            if refused is not None:  # checked on every hop: a public URL may redirect inwards
                return Fetched(url=url, final_url=current, error=FetchError.REFUSED, error_detail=str(refused),
                               redirects=tuple(chain), attempts=attempts), False
            attempt, used = await self._get_with_retries(current, deadline, call)
            attempts += used
            if attempt.error is not None:
                return (Fetched(url=url, final_url=current, status=attempt.status, error=attempt.error,
                               error_detail=attempt.detail, redirects=tuple(chain), attempts=attempts,
                               headers=attempt.headers, budget_cut=attempt.budget_cut),
                    attempt.before_response and not chain)
            if attempt.location is not None:
                nxt = normalize_url(attempt.location, current)  # raw Thai, spaces, '\' as sent by the server
                seen = visits.get(nxt, 0)
                # A redirect back to a URL already visited is a loop, except once after a Set-Cookie: cookie-
                # check gateways send a browser back to the same URL with the cookie set.
                if seen and not (seen == 1 and "set-cookie" in attempt.headers):
                    return Fetched(url=url, final_url=current, status=attempt.status,
                                   error=FetchError.TOO_MANY_REDIRECTS,
                                   error_detail=i18n.count("fetch_detail.redirect_loop", len(chain) + 1, "en",
                                                           url=nxt),
                                   redirects=(*chain, nxt), attempts=attempts), False
                if len(chain) >= self.settings.max_redirects:
                    return Fetched(url=url, final_url=current, status=attempt.status,
                                   error=FetchError.TOO_MANY_REDIRECTS,
                                   error_detail=_words("too_many_redirects", n=self.settings.max_redirects),
                                   redirects=tuple(chain), attempts=attempts), False
                chain.append(nxt)
                visits[nxt] = seen + 1
                current = nxt
                continue
            media, charset = _media_type(attempt.headers.get("content-type", ""))
            return Fetched(
                url=url, final_url=current, status=attempt.status, content_type=media, charset=charset,
                body=attempt.body, redirects=tuple(chain), attempts=attempts, truncated=attempt.truncated,
                error=FetchError.TOO_LARGE if attempt.truncated else None,
                error_detail=attempt.detail, headers=attempt.headers, from_cache=attempt.from_cache,
            ), False

    async def _get_with_retries(self, url: str, deadline: float | None, call: _Call) -> tuple[_Attempt, int]:
        attempt = _Attempt()
        used = 0
        note = ""
        ready_at: float | None = None  # after a backoff: when this URL may be asked again
        for n in range(self.settings.retries + 1):
            if self._expired(deadline):
                if used == 0:
                    return _Attempt(error=FetchError.TIMEOUT, detail=_words("budget"),
                                    budget_cut=True), used
                break
            attempt = await self._one_get(url, deadline, call, ready_at)
            used += attempt.sent
            if not attempt.retry or n == self.settings.retries:
                break
            wait = self._backoff(n)
            retry_after = parse_retry_after(attempt.headers.get("retry-after"), self._wall())
            if retry_after is not None:
                wait = min(max(wait, retry_after), self.settings.retry_after_cap_s)
            ready_at = self._clock() + wait
            if retry_after is not None or attempt.status == 429:
                # Rate limiting concerns the whole host: its other URLs wait too.
                host = host_key(url)
                self._next_start[host] = max(self._next_start.get(host, 0.0), ready_at)
            if deadline is not None and ready_at >= deadline:
                note = "no_retry_budget"
                attempt.budget_cut = True
                break
            await self._sleep(wait)
        if attempt.retry and attempt.error is None and attempt.status is not None:
            attempt.detail = i18n.count("fetch_detail.http_after", used, "en", status=attempt.status)
        if note:
            attempt.detail = _words(f"{note}_after", detail=attempt.detail) if attempt.detail else _words(note)
        return attempt, used

    def _backoff(self, n: int) -> float:
        base = min(self.settings.backoff_max_s, self.settings.backoff_base_s * (2**n))
        return base * (0.5 + self._rng())  # jitter: spread retries of many clients apart

    async def _one_get(self, url: str, deadline: float | None, call: _Call,
                       ready_at: float | None = None) -> _Attempt:
        host = host_key(url)
        host_slot = self._host_slot(host)
        budget_gone = _Attempt(error=FetchError.TIMEOUT, sent=False, budget_cut=True,
                               detail=_words("budget_slot"))
        # Host slot before the global one: a request queued for a busy host must not sit on a global slot
        # that a request to an idle host could use.
        try:
            async with asyncio.timeout(self._remaining(deadline)):
                await host_slot.acquire()
                try:
                    await self._global.acquire()
                except BaseException:
                    host_slot.release()
                    raise
        except TimeoutError:
            return budget_gone
        try:
            if not await self._polite_pause(host, deadline, ready_at):
                return _Attempt(error=FetchError.TIMEOUT, sent=False, budget_cut=True,
                                detail=_words("budget_polite"))
            return await self._transfer(url, deadline, call)
        finally:
            self._global.release()
            host_slot.release()

    async def _transfer(self, url: str, deadline: float | None, call: _Call) -> _Attempt:
        budget = self.settings.document_timeout_s
        remaining = self._remaining(deadline)
        if remaining is not None:
            budget = min(budget, remaining)
        progress = _Progress()
        if remaining is not None:
            progress.hard_end = asyncio.get_running_loop().time() + remaining
        self.in_flight += 1
        self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
        try:
            async with asyncio.timeout(budget) as cm:
                progress.timeout = cm
                return await self._stream(url, call, progress)
        except TimeoutError as exc:
            if progress.timeout is None or not progress.timeout.expired():
                # Not our clock: a socket-level timeout that escaped httpx's own mapping. Worth a retry.
                return _Attempt(error=FetchError.TIMEOUT, retry=True, detail=f"{type(exc).__name__}: {exc}"[:300])
            got = _words("received", size=human_bytes(progress.raw_bytes)) if progress.headers_at is not None \
                else _words("no_answer_yet")
            # The agency's deadline cut it when the timer stood there: set there at the start (less time left
            # than the document's own bound), or moved there later (time given back for our own queueing stops
            # at the deadline, see `_wait_large_slot`).
            when = progress.timeout.when()
            by_deadline = progress.hard_end is not None and when is not None \
                and when >= progress.hard_end - _SAME_INSTANT_S
            if by_deadline:
                detail = _words("budget_transfer", got=got)
            else:
                detail = _words("document_timeout", s=f"{self.settings.document_timeout_s:g}", got=got)
            # A second try would take as long again; the time is better left to the agency's other URLs.
            return _Attempt(error=FetchError.TIMEOUT, detail=detail, retry=False, budget_cut=by_deadline)
        except _TooSlow as exc:
            return _Attempt(error=FetchError.TIMEOUT, detail=str(exc), retry=False)
        except _DecodeError as exc:
            return _Attempt(error=FetchError.PROTOCOL, detail=_words("decoding", why=exc), retry=False)
        except Exception as exc:  # errors are data: one bad URL never stops a run
            refused = policy.refusal_in(exc)
            if refused is not None:  # the name resolved to a refused address: nothing was sent
                return _Attempt(error=FetchError.REFUSED, detail=str(refused), retry=False)
            kind, retry = _classify(exc)
            early = progress.headers_at is None and not _no_such_host(exc) and (
                (kind is FetchError.CONNECT and isinstance(exc, httpx.ConnectError))
                or isinstance(exc, httpx.ConnectTimeout))
            return _Attempt(error=kind, detail=_describe(exc, kind, self.settings, progress.headers_at is not None),
                            retry=retry, before_response=early)
        finally:
            self.in_flight -= 1

    async def _polite_pause(self, host: str, deadline: float | None, ready_at: float | None) -> bool:
        """Wait for the host's next start time (delay between starts, Retry-After); False if the agency
        deadline would pass first. Reserves the following start time before waiting."""
        now = self._clock()
        # With a real clock `now >= ready_at` here; with a test clock that sleep did not advance, counting
        # from `ready_at` keeps a backoff already slept from being slept again.
        base = max(now, ready_at or now)
        start = max(base, self._next_start.get(host, 0.0))
        if self.settings.host_delay_s > 0:
            self._next_start[host] = start + self.settings.host_delay_s
        wait = start - base
        if wait <= 0.001:  # below a millisecond is clock noise between two readings, not a pause
            return True
        if deadline is not None and now + wait >= deadline:
            return False
        await self._sleep(wait)
        return True

    async def _stream(self, url: str, call: _Call, progress: _Progress) -> _Attempt:
        self.requests_made += 1
        request = call.client.build_request("GET", url)
        if call.cookies:  # an empty jar adds no header: not worth the cookie library's view of the request
            call.cookies.set_cookie_header(request)
        if call.allow_private and not self.settings.allow_private:
            request.headers[PRIVATE_MARKER] = "1"
        try:
            async with asyncio.timeout(self.settings.headers_timeout_s):
                resp = await call.client.send(request, stream=True, follow_redirects=False)
        except TimeoutError:
            raise _TooSlow(_words("headers_drip", s=f"{self.settings.headers_timeout_s:g}")) from None
        if "set-cookie" in resp.headers:
            call.cookies.extract_cookies(resp)
        try:
            progress.headers_at = self._clock()
            status = resp.status_code
            headers = {k.lower(): v for k, v in resp.headers.items()}
            if 300 <= status < 400 and status != 304:
                location = (headers.get("location") or headers.get(FOREIGN_LOCATION, "")).strip()
                if location:
                    return _Attempt(status=status, headers=headers, location=location)
                return _Attempt(status=status, headers=headers, error=FetchError.PROTOCOL,
                                detail=_words("no_location", status=status))
            if status >= 400 or status < 200:
                head = await self._read_head(resp, progress)
                wall = _bot_wall(status, headers, head)
                if wall is not None:
                    return _Attempt(status=status, headers=headers, error=FetchError.BOT_WALL, detail=wall)
                if status == 401:
                    realm = headers.get("www-authenticate", "")[:80]
                    return _Attempt(status=status, headers=headers, error=FetchError.LOGIN,
                                    detail=_words("login_realm", realm=realm) if realm else _words("login"))
                if is_retry_status(status):
                    return _Attempt(status=status, headers=headers, retry=True)
                return _Attempt(status=status, headers=headers, body=head)
            declared = headers.get("content-length", "").strip()
            # Compressed or not, a body declared over the cap is over it once decoded: do not download it.
            if declared.isdigit() and int(declared) > self.settings.max_bytes:
                return _Attempt(status=status, headers=headers, truncated=True,
                                detail=_words("declared_over", size=human_bytes(int(declared)),
                                              cap=human_bytes(self.settings.max_bytes)))
            body, detail = await self._read_body(resp, headers, progress)
            if body is None:
                return _Attempt(status=status, headers=headers, truncated=True, detail=detail)
            cached = bool((resp.extensions.get("caching") or {}).get("from_cache"))
            return _Attempt(status=status, headers=headers, body=body, from_cache=cached)
        finally:
            await resp.aclose()
            # An httpx response and its stream refer to each other (the stream sets `elapsed` when it closes): a
            # cycle, with the request, headers and the transports' stream wrappers in it, that only the garbage
            # collector frees, after walking it. Closed, the stream is of no more use: without it the answer goes
            # when its last reference does (a cold audit of 100 agencies: 1.00 → 0.84 s of collections).
            resp.stream = _CLOSED_STREAM

    async def _chunks(self, resp: httpx.Response) -> AsyncIterator[tuple[bytes, bool]]:
        """(chunk, already decoded): raw network chunks, or the whole body when a mock transport read it."""
        if resp.is_stream_consumed:
            yield resp.content, True
            return
        async for raw in resp.aiter_raw():
            yield raw, False

    async def _read_head(self, resp: httpx.Response, progress: _Progress) -> bytes:
        """The first bytes of an error answer (decoded), to recognise block pages; the rest is dropped."""
        out = bytearray()
        decoders = _decoders(resp.headers.get("content-encoding", ""))
        try:
            async for chunk, decoded in self._chunks(resp):
                progress.raw_bytes += len(chunk)
                self._check_rate(progress, self._clock())
                for piece in ((chunk,) if decoded else _through(decoders, chunk)):
                    out += piece[: _ERROR_BODY_BYTES - len(out)]
                    if len(out) >= _ERROR_BODY_BYTES:
                        return bytes(out)
        except (_DecodeError, httpx.HTTPError):
            pass  # an error answer that is also malformed tells us nothing more
        return bytes(out)

    async def _read_body(self, resp: httpx.Response, headers: dict[str, str], progress: _Progress
                         ) -> tuple[bytes | None, str]:
        """(body, "") or (None, why it was dropped). Never holds more than `max_bytes` decoded bytes."""
        cap = self.settings.max_bytes
        decoders = _decoders(headers.get("content-encoding", ""))
        buf = _BodyBuffer(cap, self.settings.large_body_bytes)
        large = False
        loop = asyncio.get_running_loop()
        try:
            async for chunk, decoded in self._chunks(resp):
                progress.raw_bytes += len(chunk)
                self._check_rate(progress, self._clock())
                for piece in ((chunk,) if decoded else _through(decoders, chunk)):
                    progress.body_bytes += len(piece)
                    if progress.body_bytes > cap:
                        return None, self._over_cap_detail(progress, bool(decoders))
                    if not large and progress.body_bytes > self.settings.large_body_bytes:
                        await self._wait_large_slot(progress, loop)
                        large = True
                    buf.write(piece)
            return buf.getvalue(), ""
        finally:
            buf.close()  # a cut or failed document is useless: give its memory back at once
            if large:
                self._large.release()

    def _over_cap_detail(self, progress: _Progress, encoded: bool) -> str:
        cap = human_bytes(self.settings.max_bytes)
        if encoded and progress.raw_bytes * 20 < progress.body_bytes:
            return _words("bomb", cap=cap, size=human_bytes(progress.raw_bytes))
        return _words("over_cap", cap=cap, size=human_bytes(progress.body_bytes))

    async def _wait_large_slot(self, progress: _Progress, loop: asyncio.AbstractEventLoop) -> None:
        started, paused_from = loop.time(), self._clock()
        await self._large.acquire()
        paused = self._clock() - paused_from
        if paused > 0.001:
            progress.paused_s += paused  # the drip guard counts on the Fetcher clock
        waited = loop.time() - started
        if waited > 0.001:
            cm = progress.timeout
            when = cm.when() if cm is not None else None
            if cm is not None and when is not None:
                # Our own queueing is not the server's slowness: give the document its time back, but
                # never past the agency deadline.
                new = when + waited
                cm.reschedule(new if progress.hard_end is None else min(new, progress.hard_end))

    def _check_rate(self, progress: _Progress, now: float) -> None:
        if progress.headers_at is None or self.settings.min_rate_bps <= 0:
            return
        elapsed = now - progress.headers_at - progress.paused_s
        if elapsed > self.settings.rate_grace_s and progress.raw_bytes < self.settings.min_rate_bps * elapsed:
            raise _TooSlow(_words("transfer_slow", size=human_bytes(progress.raw_bytes), elapsed=f"{elapsed:.1f}",
                                  rate=f"{self.settings.min_rate_bps:g}"))
