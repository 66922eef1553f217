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
import hashlib
import json
import sqlite3
import time
import urllib.request
import zlib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import hishel
import httpx
import platformdirs
from hishel.httpx import AsyncCacheTransport

from oit_checker import __version__
from oit_checker.extract.sniff import detect_kind
from oit_checker.model import DocKind, Document, Link

APP_NAME = "oit-checker"
HTTP_CACHE_FILE = "http-cache.sqlite3"
EXTRACT_CACHE_FILE = "extract-cache.sqlite3"
DEFAULT_HTTP_CACHE_BYTES = 4 * 1024**3  # hishel evicts the least recently used entries past this
EXTRACT_CACHE_KEEP_S = 60 * 86400  # an extraction unused for this long is dropped
_MARKER = "x-oit-checker-revalidate"  # tells the inner layer that Cache-Control came from us
_TRANSIENT_ERRORS = ("timeout", "too_complex")  # may succeed next time: never cached


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
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


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
        if self.stats.disabled:
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


class _ProxyRouter(httpx.AsyncBaseTransport):
    """Honours HTTP(S)_PROXY / NO_PROXY like a plain httpx client does.

    httpx reads proxy variables only when the client builds its own transport; the cache needs its own
    transport, so without this an office behind a proxy would find every site unreachable.
    """

    def __init__(self, direct: httpx.AsyncBaseTransport, proxied: dict[str, httpx.AsyncBaseTransport],
                 env: dict[str, str]) -> None:
        self.direct = direct
        self.proxied = proxied
        self.env = env

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        transport = self.proxied.get(request.url.scheme)
        if transport is None or urllib.request.proxy_bypass_environment(request.url.host, self.env):
            transport = self.direct
        return await transport.handle_async_request(request)

    async def aclose(self) -> None:
        for t in {id(t): t for t in (self.direct, *self.proxied.values())}.values():
            await t.aclose()


def network_transport(global_limit: int, *, verify: bool = True) -> httpx.AsyncBaseTransport:
    """The real network, with the same connection limits the run's client would have used."""
    limits = httpx.Limits(max_connections=global_limit, max_keepalive_connections=global_limit)
    direct = httpx.AsyncHTTPTransport(verify=verify, limits=limits)
    env = urllib.request.getproxies_environment()
    proxied: dict[str, httpx.AsyncBaseTransport] = {}
    for scheme in ("http", "https"):
        url = env.get(scheme) or env.get("all")
        if url:
            proxied[scheme] = httpx.AsyncHTTPTransport(verify=verify, limits=limits, proxy=url)
    return _ProxyRouter(direct, proxied, env) if proxied else direct


def caching_transport(cache_dir: Path, inner: httpx.AsyncBaseTransport, *,
                      max_bytes: int = DEFAULT_HTTP_CACHE_BYTES, stats: CacheStats | None = None,
                      ) -> RevalidatingCacheTransport:
    cache_dir.mkdir(parents=True, exist_ok=True)
    storage = hishel.AsyncSqliteStorage(database_path=cache_dir / HTTP_CACHE_FILE, max_size=max_bytes)
    return RevalidatingCacheTransport(inner, storage, stats)


# ---------------------------------------------------------------- extraction cache


@cache
def extractor_fingerprint() -> str:
    """Changes whenever the extraction code (or the tool version) changes, so stale text is never reused."""
    digest = hashlib.sha256(__version__.encode())
    package = resources.files("oit_checker.extract")
    for entry in sorted(package.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".py"):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]


def _encode(doc: Document) -> bytes:
    data = dataclasses.asdict(doc)
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), 6)


def _decode(blob: bytes, url: str) -> Document:
    data = json.loads(zlib.decompress(blob).decode("utf-8"))
    known = {f.name for f in dataclasses.fields(Document)}
    data = {k: v for k, v in data.items() if k in known}
    data["kind"] = DocKind(data["kind"])
    data["pages"] = tuple(data.get("pages", ()))
    data["links"] = tuple(Link(**link) for link in data.get("links", ()))
    data["url"] = url
    return Document(**data)


class Extractor(Protocol):
    async def extract(self, body: bytes, url: str, content_type: str = "", charset: str | None = None
                      ) -> Document: ...


@dataclass
class ExtractCacheStats:
    hits: int = 0
    misses: int = 0
    stored: int = 0


class ExtractCache:
    """Documents by content hash, across runs. One connection, used from the event loop's thread."""

    def __init__(self, path: Path, *, keep_s: float = EXTRACT_CACHE_KEEP_S) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.stats = ExtractCacheStats()
        self._fingerprint = extractor_fingerprint()
        self._conn = sqlite3.connect(path, isolation_level=None, timeout=30)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("CREATE TABLE IF NOT EXISTS documents (key TEXT PRIMARY KEY, doc BLOB NOT NULL,"
                           " used REAL NOT NULL)")
        self._conn.execute("CREATE INDEX IF NOT EXISTS documents_used ON documents(used)")
        self._conn.execute("DELETE FROM documents WHERE used < ?", (time.time() - keep_s,))

    def key(self, body: bytes, url: str, content_type: str, charset: str | None) -> str:
        kind = detect_kind(body, content_type, url)
        digest = hashlib.sha256(body).hexdigest()
        # Same rule as the run's in-memory cache: an HTML Document holds links resolved against its URL
        # and text decoded with the header charset, so only the same page at the same URL is the same.
        where = f"{url}\x00{charset or ''}" if kind is DocKind.HTML else ""
        return f"{self._fingerprint}:{digest}:{kind.value}:{where}"

    def get(self, key: str, url: str) -> Document | None:
        row = self._conn.execute("SELECT doc FROM documents WHERE key = ?", (key,)).fetchone()
        if row is None:
            self.stats.misses += 1
            return None
        try:
            doc = _decode(row[0], url)
        except (ValueError, TypeError, KeyError, zlib.error):
            self.stats.misses += 1
            return None
        self.stats.hits += 1
        self._conn.execute("UPDATE documents SET used = ? WHERE key = ?", (time.time(), key))
        return doc

    def put(self, key: str, doc: Document) -> None:
        if doc.error in _TRANSIENT_ERRORS:
            return
        self._conn.execute("INSERT OR REPLACE INTO documents (key, doc, used) VALUES (?, ?, ?)",
                           (key, _encode(doc), time.time()))
        self.stats.stored += 1

    def close(self) -> None:
        self._conn.close()


class CachedExtractor:
    """Puts an `ExtractCache` in front of the run's extractor (an `ExtractPool`); same `extract` call."""

    def __init__(self, inner: Extractor, cache: ExtractCache) -> None:
        self.inner = inner
        self.cache = cache

    async def extract(self, body: bytes, url: str, content_type: str = "", charset: str | None = None
                      ) -> Document:
        key = self.cache.key(body, url, content_type, charset)
        doc = self.cache.get(key, url)
        if doc is not None:
            return doc
        doc = await self.inner.extract(body, url, content_type, charset)
        self.cache.put(key, doc)
        return doc
