"""What makes a nightly audit incremental: an on-disk HTTP cache that revalidates, and an extraction cache.

HTTP: hishel 2.0's `AsyncCacheTransport` in RFC 9111 mode (private cache) over `AsyncSqliteStorage`.
Every request carries `Cache-Control: no-cache`, which by RFC 9111 §5.2.1.4 makes the cache revalidate
a stored response before using it, whatever freshness the server claimed: hishel then sends
`If-None-Match` / `If-Modified-Since` from the stored ETag / Last-Modified, and answers a 304 with the
stored body. An audit must see what an assessor would see tonight, so nothing is served unchecked. The
marker header is ours, for our cache: it is removed again before the request leaves the machine, so an
agency's CDN is asked a normal conditional GET, not told to bypass its own cache.

Extraction: a small SQLite table of `Document`s keyed by the body's sha256 (plus URL and charset for
HTML, whose links and decoding depend on them) and a fingerprint of the extractor code, so a document
that did not change is neither downloaded nor re-extracted, and no process pool is started for it.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import hishel
import httpx
import platformdirs
from hishel.httpx import AsyncCacheTransport

from oit_checker.fetch.client import network_transport

__all__ = ["network_transport"]  # re-exported: where the session and tests have always found it

APP_NAME = "oit-checker"
HTTP_CACHE_FILE = "http-cache.sqlite3"
DEFAULT_HTTP_CACHE_BYTES = 4 * 1024**3  # hishel evicts the least recently used entries past this
_MARKER = "x-oit-checker-revalidate"  # tells the inner layer that Cache-Control came from us


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME))


@dataclass
class CacheStats:
    network: int = 0  # requests that left the machine
    not_modified: int = 0  # of those, answered 304 (revalidated: body served from the cache)
    from_cache: int = 0  # responses served from the cache (after a 304, or with no request at all)
    stored: int = 0  # responses written to the cache
    disabled: str = ""  # why the cache was switched off mid-run, if it was

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


# ---------------------------------------------------------------- transports


class _ToNetwork(httpx.AsyncBaseTransport):
    """Innermost layer: drop our marker headers, count what really goes out."""

    def __init__(self, inner: httpx.AsyncBaseTransport, stats: CacheStats) -> None:
        self.inner = inner
        self.stats = stats

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if _MARKER in request.headers:
            request.headers = httpx.Headers([(k, v) for k, v in request.headers.multi_items()
                                             if k.lower() not in (_MARKER, "cache-control")])
        self.stats.network += 1
        response = await self.inner.handle_async_request(request)
        if response.status_code == 304:
            self.stats.not_modified += 1
        if "set-cookie" in response.headers:
            # Cookies are never written to disk: an answer that sets one is not stored.
            response.headers["cache-control"] = "no-store"
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


def _private(request: httpx.Request) -> bool:
    """A request carrying a cookie or credentials (`user:pass@` in the URL, which httpx sends as Basic
    auth) bypasses the cache: neither may be stored on disk, nor become part of a cache key."""
    return bool(request.url.userinfo) or "cookie" in request.headers or "authorization" in request.headers


class RevalidatingCacheTransport(httpx.AsyncBaseTransport):
    """hishel underneath; asks it to revalidate every request, counts hits, and fails open.

    A cache that cannot be used (a locked or foreign database) must not turn a whole audit into
    `protocol_error`: the transport then goes straight to the network for the rest of the run and says why.
    """

    def __init__(self, inner: httpx.AsyncBaseTransport, storage: hishel.AsyncBaseStorage,
                 stats: CacheStats | None = None) -> None:
        self.stats = stats or CacheStats()
        self._network = _ToNetwork(inner, self.stats)
        self._cache = AsyncCacheTransport(self._network, storage=storage,
                                          rfc=hishel.CacheOptions(shared=False, allow_stale=False))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.stats.disabled or _private(request):
            return await self._network.handle_async_request(request)
        if "cache-control" not in request.headers:
            request.headers["cache-control"] = "no-cache"
            request.headers[_MARKER] = "1"
        try:
            response = await self._cache.handle_async_request(request)
        except (RuntimeError, sqlite3.Error) as exc:
            self.stats.disabled = f"{type(exc).__name__}: {exc}"[:200]
            return await self._network.handle_async_request(request)
        status = response.extensions.get("caching") or {}
        if status.get("from_cache"):
            self.stats.from_cache += 1
        if status.get("stored"):
            self.stats.stored += 1
        return response

    async def aclose(self) -> None:
        await self._cache.aclose()  # closes the storage and the inner transport


def caching_transport(cache_dir: Path, inner: httpx.AsyncBaseTransport, *,
                      max_bytes: int = DEFAULT_HTTP_CACHE_BYTES, stats: CacheStats | None = None,
                      ) -> RevalidatingCacheTransport:
    cache_dir.mkdir(parents=True, exist_ok=True)
    storage = hishel.AsyncSqliteStorage(database_path=cache_dir / HTTP_CACHE_FILE, max_size=max_bytes)
    return RevalidatingCacheTransport(inner, storage, stats)
