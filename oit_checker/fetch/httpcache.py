"""What makes a nightly audit incremental: an on-disk store of responses, revalidated on every request.

An audit must see what an assessor would see tonight, so nothing is ever served without asking the server.
The cache is therefore only a conditional-GET store: for a URL it holds the last 200 answer that carried a
validator (ETag or Last-Modified) — its headers and its raw (still content-encoded) body. The next request
for the URL carries `If-None-Match` / `If-Modified-Since`; a `304 Not Modified` is answered with the stored
body (not downloaded again), anything else goes through and replaces the entry.

Not stored: answers that set a cookie or say `no-store`, requests carrying a cookie or credentials
(`user:pass@` in the URL, which httpx sends as Basic auth) — none of these may reach the disk or a cache
key — and bodies over `MAX_ENTRY_BYTES`. The file is capped (`DEFAULT_HTTP_CACHE_BYTES`; the least recently
used entries go first).

Why not an RFC 9111 cache library: with freshness never trusted, such a cache is this store plus a state
machine run on every request. hishel 2.0 (used before) cost ≈0.8 ms of CPU per revalidated request on a
loaded 2-core machine against ≈1 ms for the whole request through httpx (bench/scale.py; the state
machine, re-packing the stored entry and rewriting its headers on every 304) — a third of an unchanged
night, whose work is nothing but revalidation.

Extraction: a small SQLite table of `Document`s keyed by the body's sha256 (extract/cache.py), so a
document that did not change is neither downloaded nor re-extracted, and no process pool is started for it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import sqlite3
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import platformdirs

from oit_checker.fetch.client import network_transport
from oit_checker.sqlbatch import in_one_transaction, take
from oit_checker.text import clock, jsontext

__all__ = ["network_transport"]  # re-exported: where the session and tests have always found it

APP_NAME = "oit-checker"
HTTP_CACHE_FILE = "http-responses.sqlite3"
_OLD_CACHE_FILES = ("http-cache.sqlite3", "http-cache.sqlite3-wal", "http-cache.sqlite3-shm")  # hishel's, unused
DEFAULT_HTTP_CACHE_BYTES = 4 * 1024**3  # least recently used entries are deleted past this
MAX_ENTRY_BYTES = 64 * 1024**2  # a larger body is fetched but not stored
_TOUCH_S = 86400  # how stale an entry's last use may be before a hit writes it
_BUSY_TIMEOUT_MS = 5000
# Headers a 304 may carry that replace the stored ones (RFC 9111 §4.3.4 updates every header; these are the
# ones that can change while the body does not).
_UPDATED_BY_304 = ("etag", "last-modified")


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME))


@dataclass
class CacheStats:
    network: int = 0  # requests that left the machine
    not_modified: int = 0  # of those, answered 304 (revalidated: body served from the cache)
    from_cache: int = 0  # responses served from the cache (after a 304)
    stored: int = 0  # responses written to the cache
    disabled: str = ""  # why the cache was switched off mid-run, if it was
    # Stored answers dropped to keep the store within its cap (`max_bytes`): each will be downloaded whole
    # next time instead of answered 304. Nightly over more agencies than the cap holds, least-recently-used
    # eviction drops every answer before the next night reaches it.
    evicted: int = 0
    max_bytes: int = dataclasses.field(default=0, metadata={"combine": max})  # the store's cap (lanes share it)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


# ---------------------------------------------------------------- the store


@dataclass(frozen=True)
class Stored:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str:
        return next((v for k, v in self.headers if k == name), "")


# Answers are written in batches, each in one transaction: a commit per answer cost more than the answers'
# bytes (measured on the store alone in batches of 20, with `_PAGE_SIZE`, given 100 copies of the bench agency's
# site files, 9,200 answers, 161 MB: 1.07 → 0.50 s of CPU and 2.05 → 1.18 s in all). A batch is written when it holds
# `_BATCH_ENTRIES` answers or `_BATCH_BYTES` of bodies, and when the store closes; an answer not yet written is
# served from memory. A process killed before then loses only those answers' entries (the next night fetches
# them in full).
_BATCH_ENTRIES = 32
_BATCH_BYTES = 8 * 1024**2
# Larger pages for a file of bodies (a new file only: an existing one keeps its own): fewer overflow pages per
# body.
_PAGE_SIZE = 16384


class ResponseStore:
    """URL → last validated answer, in one SQLite file. Statements are short, run on the caller's thread (the
    event loop's): a thread hand-off around each would cost more than the statement."""

    def __init__(self, path: Path, max_bytes: int = DEFAULT_HTTP_CACHE_BYTES) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.max_bytes = max_bytes
        self._conn = sqlite3.connect(str(path), isolation_level=None, timeout=_BUSY_TIMEOUT_MS / 1000)
        self._conn.execute(f"PRAGMA page_size={_PAGE_SIZE}")
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS responses (url TEXT PRIMARY KEY, status INTEGER NOT NULL,"
            " headers TEXT NOT NULL, body BLOB NOT NULL, size INTEGER NOT NULL, used REAL NOT NULL)")
        self._conn.execute("CREATE INDEX IF NOT EXISTS responses_used ON responses(used)")
        self._size = int(self._conn.execute("SELECT COALESCE(SUM(size), 0) FROM responses").fetchone()[0])
        self._pending: dict[str, tuple[str, int, str, bytes, int, float]] = {}  # url → row, not yet written
        self._pending_bytes = 0
        self.evicted = 0  # entries this store dropped to stay within `max_bytes`
        for name in _OLD_CACHE_FILES:  # an older version's cache, never read again
            with contextlib.suppress(OSError):
                (path.parent / name).unlink()

    def get(self, url: str) -> Stored | None:
        row: Any = self._pending.get(url)
        if row is not None:
            return Stored(row[1], [(k, v) for k, v in jsontext.loads(row[2])], row[3])
        row = self._conn.execute("SELECT status, headers, body, used FROM responses WHERE url = ?",
                                 (url,)).fetchone()
        if row is None:
            return None
        now = clock.wall()
        if now - row[3] > _TOUCH_S:  # a write per hit would cost more than the read: at most daily
            self._conn.execute("UPDATE responses SET used = ? WHERE url = ?", (now, url))
        return Stored(row[0], [(k, v) for k, v in jsontext.loads(row[1])], bytes(row[2]))

    def put(self, url: str, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
        old = self._pending.pop(url, None)
        if old is not None:
            self._pending_bytes -= old[4]
        self._pending[url] = (url, status, jsontext.dumps_compact(headers), body, len(body), clock.wall())
        self._pending_bytes += len(body)
        if len(self._pending) >= _BATCH_ENTRIES or self._pending_bytes >= _BATCH_BYTES:
            self.flush()

    def flush(self) -> None:
        """Write the answers not yet written, in one transaction."""
        rows = take(self._pending)
        self._pending_bytes = 0
        if not rows:
            return
        replaced = 0

        def write() -> None:
            nonlocal replaced
            for row in rows:
                old = self._conn.execute("SELECT size FROM responses WHERE url = ?", (row[0],)).fetchone()
                replaced += old[0] if old else 0
            self._conn.executemany("INSERT OR REPLACE INTO responses (url, status, headers, body, size, used)"
                                   " VALUES (?, ?, ?, ?, ?, ?)", rows)

        in_one_transaction(self._conn, write)
        self._size += sum(row[4] for row in rows) - replaced
        if self._size > self.max_bytes:
            self._evict()

    def update_headers(self, url: str, headers: list[tuple[str, str]]) -> None:
        pending = self._pending.get(url)
        if pending is not None:
            self._pending[url] = (url, pending[1], jsontext.dumps_compact(headers), *pending[3:])
            return
        self._conn.execute("UPDATE responses SET headers = ? WHERE url = ?",
                           (jsontext.dumps_compact(headers), url))

    def _evict(self) -> None:
        """Least recently used entries out until the file holds 90 % of its cap."""
        target = int(self.max_bytes * 0.9)
        while self._size > target:
            rows = self._conn.execute("SELECT url, size FROM responses ORDER BY used LIMIT 200").fetchall()
            if not rows:
                self._size = 0
                return
            self._conn.execute("BEGIN")
            for url, size in rows:
                # Counted when this store deleted it: a lane sharing the file may have done so first.
                self.evicted += self._conn.execute("DELETE FROM responses WHERE url = ?", (url,)).rowcount
                self._size -= size
                if self._size <= target:
                    break
            self._conn.execute("COMMIT")

    def close(self) -> None:
        try:
            with contextlib.suppress(sqlite3.Error):  # a cache that cannot take the last answers loses them
                self.flush()
        finally:
            self._conn.close()


# ---------------------------------------------------------------- the transport


def _private(request: httpx.Request) -> bool:
    """A request carrying a cookie or credentials (`user:pass@` in the URL, which httpx sends as Basic
    auth) bypasses the cache: neither may be stored on disk, nor become part of a cache key."""
    return bool(request.url.userinfo) or "cookie" in request.headers or "authorization" in request.headers


def _storable(response: httpx.Response) -> bool:
    headers = response.headers
    if response.status_code != 200 or "set-cookie" in headers:
        return False  # cookies are never written to disk
    if "no-store" in headers.get("cache-control", "").lower():
        return False
    return "etag" in headers or "last-modified" in headers  # without a validator it cannot be revalidated


class _Saving(httpx.AsyncByteStream):
    """The response body as the consumer reads it, stored once it has been read to its end."""

    def __init__(self, inner: httpx.AsyncByteStream, save: Callable[[bytes], None]) -> None:
        self._inner = inner
        self._save = save

    async def __aiter__(self) -> AsyncIterator[bytes]:
        pieces: list[bytes] | None = []
        size = 0
        async for chunk in self._inner:
            if pieces is not None:
                size += len(chunk)
                if size > MAX_ENTRY_BYTES:
                    pieces = None
                else:
                    pieces.append(chunk)
            yield chunk
        if pieces is not None:  # a consumer that stopped early (a capped or cut transfer) never gets here
            self._save(b"".join(pieces))

    async def aclose(self) -> None:
        await self._inner.aclose()


class RevalidatingCacheTransport(httpx.AsyncBaseTransport):
    """Conditional GETs from a `ResponseStore`; counts what happens, and fails open.

    A cache that cannot be used (a locked or foreign database) must not turn a whole audit into
    `protocol_error`: the transport then goes straight to the network for the rest of the run and says why.
    """

    def __init__(self, inner: httpx.AsyncBaseTransport, store: ResponseStore, stats: CacheStats | None = None
                 ) -> None:
        self.inner = inner
        self.store = store
        self.stats = stats or CacheStats()
        self.stats.max_bytes = store.max_bytes

    async def _network(self, request: httpx.Request) -> httpx.Response:
        self.stats.network += 1
        response = await self.inner.handle_async_request(request)
        if response.status_code == 304:
            self.stats.not_modified += 1
        return response

    def _off(self, exc: Exception) -> None:
        self.stats.disabled = f"{type(exc).__name__}: {exc}"[:200]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.stats.disabled or request.method != "GET" or _private(request):
            return await self._network(request)
        url = str(request.url)
        try:
            stored = self.store.get(url)
        except (sqlite3.Error, ValueError, TypeError) as exc:
            self._off(exc)
            return await self._network(request)
        if stored is not None:
            etag, modified = stored.header("etag"), stored.header("last-modified")
            if etag:
                request.headers["if-none-match"] = etag
            if modified:
                request.headers["if-modified-since"] = modified
        response = await self._network(request)
        if response.status_code == 304 and stored is not None:
            # Read the (empty) body before closing: a connection is only kept for the next request once
            # the parser has seen the end of this answer.
            try:
                async for _ in response.stream:  # type: ignore[union-attr]
                    pass
            finally:
                await response.aclose()
            return self._from_store(url, stored, response)
        if _storable(response):
            headers = [(k, v) for k, v in response.headers.multi_items()]
            response.stream = _Saving(response.stream, lambda body: self._put(url, headers, body))  # type: ignore[arg-type]
        response.extensions["caching"] = {"from_cache": False, "revalidated": stored is not None,
                                          "stored": False}
        return response

    def _from_store(self, url: str, stored: Stored, answer: httpx.Response) -> httpx.Response:
        """The stored answer, its headers brought up to date by the 304's."""
        headers = stored.headers
        fresh = {k: answer.headers[k] for k in _UPDATED_BY_304 if k in answer.headers}
        if fresh and any(stored.header(k) != v for k, v in fresh.items()):
            headers = [(k, v) for k, v in headers if k not in fresh] + list(fresh.items())
            try:
                self.store.update_headers(url, headers)
            except sqlite3.Error as exc:
                self._off(exc)
        self.stats.from_cache += 1
        return httpx.Response(stored.status, headers=headers, stream=httpx.ByteStream(stored.body),
                              extensions={"caching": {"from_cache": True, "revalidated": True, "stored": False},
                                          "http_version": answer.extensions.get("http_version", b"HTTP/1.1")})

    def _put(self, url: str, headers: list[tuple[str, str]], body: bytes) -> None:
        if self.stats.disabled:
            return
        try:
            self.store.put(url, 200, headers, body)
        except sqlite3.Error as exc:
            self._off(exc)
            return
        finally:
            self.stats.evicted = self.store.evicted
        self.stats.stored += 1

    async def aclose(self) -> None:
        try:
            await self.inner.aclose()
        finally:
            try:
                self.store.close()
            finally:
                self.stats.evicted = self.store.evicted  # the last answers are written (and room made) at close


def caching_transport(cache_dir: Path, inner: httpx.AsyncBaseTransport, *,
                      max_bytes: int = DEFAULT_HTTP_CACHE_BYTES, stats: CacheStats | None = None,
                      ) -> RevalidatingCacheTransport:
    return RevalidatingCacheTransport(inner, ResponseStore(cache_dir / HTTP_CACHE_FILE, max_bytes), stats)
