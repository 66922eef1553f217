"""The extraction cache: documents by content hash across runs, so an unchanged night extracts nothing.

The key holds a fingerprint of the extraction code (every module extraction imports, and the tool version),
so an edit that could change extracted text invalidates every stored document.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

import zstandard

from oit_checker.extract.sniff import detect_kind
from oit_checker.model import DocError, DocKind, Document, Link
from oit_checker.model.page import Anchor, PageFacts, Placeholder
from oit_checker.sources import PACKAGE_ROOT, package_sources, sources_fingerprint
from oit_checker.sqlbatch import in_one_transaction, take
from oit_checker.text import clock, jsontext

EXTRACT_CACHE_FILE = "extract-cache.sqlite3"
EXTRACT_CACHE_KEEP_S = 60 * 86400  # an extraction unused for this long is dropped
_TOUCH_S = 86400  # how stale an entry's last use may be before a hit writes it
# Entries are compressed with Zstandard at level 1: for one demo agency's 54 readings (534 kB of JSON) it took
# 1.6 ms where zlib's fastest level took 4.9 ms, for a tenth less on disk, and reads back twice as fast — on a
# cold night every document is written once, from the process that crawls.
_LEVEL = 1
# Readings are written in batches of this many, each in one transaction (a commit per document cost more than
# its row), and when the cache closes; one not yet written is served from memory.
_BATCH_ENTRIES = 64


def extraction_sources() -> list[tuple[str, Path]]:
    """Every module of the package that extraction runs: the extract package and all it imports."""
    return package_sources(f"oit_checker.extract.{p.stem}".removesuffix(".__init__")
                           for p in (PACKAGE_ROOT / "extract").glob("*.py"))


@cache
def extractor_fingerprint() -> str:
    """Changes whenever the extraction code (or the tool version) changes, so stale text is never reused."""
    return sources_fingerprint(extraction_sources())


def _facts_dict(facts: PageFacts) -> dict[str, Any]:
    # Plain tuples (JSON arrays): orjson writes no NamedTuple.
    return {"url": facts.url, "anchors": list(map(tuple, facts.anchors)),
            "placeholders": [(p.raw, p.reason, p.text, p.context, p.chrome) for p in facts.placeholders],
            "images": [list(i) for i in facts.images], "body_class": facts.body_class,
            "generator": facts.generator, "wp_api_root": facts.wp_api_root, "wp_json": list(facts.wp_json)}


def _facts_from(data: dict[str, Any]) -> PageFacts:
    return PageFacts(url=data["url"], anchors=tuple(map(Anchor._make, data["anchors"])),
                     placeholders=tuple(Placeholder(*p) for p in data["placeholders"]),
                     images=tuple((i[0], i[1]) for i in data["images"]), body_class=data["body_class"],
                     generator=data["generator"], wp_api_root=data["wp_api_root"], wp_json=tuple(data["wp_json"]))


_DOC_FIELDS = tuple(f.name for f in dataclasses.fields(Document) if f.name not in ("links", "facts", "pages"))


def _encode(doc: Document, compressor: zstandard.ZstdCompressor) -> bytes:
    # By hand rather than `dataclasses.asdict`, which deep-copies every value of every link.
    data: dict[str, Any] = {name: getattr(doc, name) for name in _DOC_FIELDS}
    data["pages"] = list(doc.pages)
    data["links"] = list(map(tuple, doc.links))  # JSON arrays, in `Link`'s field order
    data["facts"] = _facts_dict(doc.facts) if doc.facts is not None else None
    return compressor.compress(jsontext.dumps_compact_utf8(data))


def _decode(blob: bytes, url: str, decompressor: zstandard.ZstdDecompressor) -> Document:
    data = jsontext.loads(decompressor.decompress(blob))
    known = {f.name for f in dataclasses.fields(Document)}
    data = {k: v for k, v in data.items() if k in known}
    data["kind"] = DocKind(data["kind"])
    data["error"] = DocError(data["error"]) if data.get("error") else None
    data["pages"] = tuple(data.get("pages", ()))
    data["forms"] = tuple((a, b) for a, b in data.get("forms", ()))
    data["links"] = tuple(map(Link._make, data.get("links", ())))
    data["facts"] = _facts_from(data["facts"]) if data.get("facts") else None
    data["url"] = url
    return Document(**data)


class Extractor(Protocol):
    async def extract(self, body: bytes, url: str, content_type: str = "", charset: str | None = None, *,
                      sha256: str = "") -> Document:
        """`sha256`: the body's, when the caller has it already ("": worked out here)."""
        ...


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
        self._conn.execute("DELETE FROM documents WHERE used < ?", (clock.wall() - keep_s,))
        self._pending: dict[str, tuple[str, bytes, float]] = {}  # key → row, not yet written
        # Used from one thread (see the class), as these objects must be.
        self._compressor = zstandard.ZstdCompressor(level=_LEVEL)
        self._decompressor = zstandard.ZstdDecompressor()

    def key(self, body: bytes, url: str, content_type: str, charset: str | None, sha256: str = "") -> str:
        return self.key_of(sha256 or hashlib.sha256(body).hexdigest(),
                           detect_kind(body, content_type, url, read_zip=False), url, charset)

    def key_of(self, sha256: str, kind: DocKind, url: str, charset: str | None) -> str:
        """The key of a body known by its sha256 and read as `kind` (`detect_kind`, without opening a ZIP)."""
        # Same rule as the run's in-memory cache: an HTML Document holds links resolved against its URL
        # and text decoded with the header charset, so only the same page at the same URL is the same.
        where = f"{url}\x00{charset or ''}" if kind is DocKind.HTML else ""
        return f"{self._fingerprint}:{sha256}:{kind.value}:{where}"

    def get(self, key: str, url: str, *, counted: bool = True) -> Document | None:
        """The stored document, read as at `url`; None when there is none. `counted`: a hit or a miss in the
        run's statistics (a look at last night's reading is neither)."""
        pending = self._pending.get(key)
        row = (pending[1], pending[2]) if pending is not None else \
            self._conn.execute("SELECT doc, used FROM documents WHERE key = ?", (key,)).fetchone()
        if row is None:
            self.stats.misses += counted
            return None
        try:
            doc = _decode(row[0], url, self._decompressor)
        except (ValueError, TypeError, KeyError, zstandard.ZstdError):
            self.stats.misses += counted
            return None
        self.stats.hits += counted
        now = clock.wall()
        if now - row[1] > _TOUCH_S:  # a write per hit would cost more than the read: at most daily
            self._conn.execute("UPDATE documents SET used = ? WHERE key = ?", (now, key))
        return doc

    def put(self, key: str, doc: Document) -> None:
        if doc.error is not None and doc.error.ours:  # a bound of ours may not hold next time: never cached
            return
        self._pending[key] = (key, _encode(doc, self._compressor), clock.wall())
        self.stats.stored += 1
        if len(self._pending) >= _BATCH_ENTRIES:
            self.flush()

    def flush(self) -> None:
        """Write the readings not yet written, in one transaction."""
        rows = take(self._pending)
        if rows:
            in_one_transaction(self._conn, lambda: self._conn.executemany(
                "INSERT OR REPLACE INTO documents (key, doc, used) VALUES (?, ?, ?)", rows))

    def close(self) -> None:
        try:
            with contextlib.suppress(sqlite3.Error):  # a cache that cannot take the last readings loses them
                self.flush()
        finally:
            self._conn.close()


class CachedExtractor:
    """Puts an `ExtractCache` in front of the run's extractor (an `ExtractPool`); same `extract` call."""

    def __init__(self, inner: Extractor, cache: ExtractCache) -> None:
        self.inner = inner
        self.cache = cache

    async def call(self, fn: Any, *args: object, timeout: float) -> Any:
        """The inner pool's bounded `call` (evaluation runs where extraction does)."""
        return await self.inner.call(fn, *args, timeout=timeout)  # type: ignore[attr-defined]

    async def reads_as_before(self, body: bytes, url: str, content_type: str, charset: str | None,
                              before_sha256: str) -> bool:
        """Whether `body` reads exactly as the body with sha256 `before_sha256` read at the same URL, with
        the same content type and charset: the same document (text, title, links, kind, errors, marks) and
        the same page facts (what the crawler reads of a page besides its document). False when last night's
        reading is no longer stored. `body` is read (and stored) as `extract` reads it."""
        if urlsplit(url).username is not None:
            return False  # never stored (see `extract`)
        kind = detect_kind(body, content_type, url, read_zip=False)
        before = self.cache.get(self.cache.key_of(before_sha256, kind, url, charset), url, counted=False)
        if before is None:
            return False
        now = await self.extract(body, url, content_type, charset)
        return now == before and now.facts == before.facts

    async def extract(self, body: bytes, url: str, content_type: str = "", charset: str | None = None, *,
                      sha256: str = "") -> Document:
        sha256 = sha256 or hashlib.sha256(body).hexdigest()
        if urlsplit(url).username is not None:
            # A URL with credentials: neither the key nor the stored links may keep them on disk.
            return await self.inner.extract(body, url, content_type, charset, sha256=sha256)
        key = self.cache.key(body, url, content_type, charset, sha256)
        doc = self.cache.get(key, url)
        if doc is not None:
            return doc
        doc = await self.inner.extract(body, url, content_type, charset, sha256=sha256)
        self.cache.put(key, doc)
        return doc
