"""The extraction cache on real Thai HTML and PDF bytes read by the real extractors (in this process): its second
reading (`CachedExtractor.reads_as_before`: new bytes read exactly as last night's), and its entries on disk."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import sqlite3
import zlib
from pathlib import Path

import pytest
import zstandard

from oit_checker.extract import extract
from oit_checker.extract.cache import CachedExtractor, ExtractCache
from oit_checker.extract.pool import ExtractPool
from oit_checker.model import DocKind, Document, Link
from oit_checker.model.page import Anchor
from oit_checker.text import jsontext

ROOT = Path(__file__).resolve().parents[3]
PDF = (ROOT / "fixtures" / "corpus" / "a1_laksaman.pdf").read_bytes()
URL = "https://www.a.go.th/o1.html"
PAGE = """<html><head><meta charset="utf-8"><title>ข้อมูลการติดต่อ</title>{head}</head>
<body><main><h1>ข้อมูลการติดต่อ</h1><p>ที่อยู่ 99 หมู่ 1 ตำบลบ้านใหม่ โทรศัพท์ 0 4321 0000</p>
<a href="/plan.pdf">แผนปฏิบัติการ ประจำปี 2569</a></main></body></html>"""


def _page(head: str = "", tail: str = "") -> bytes:
    return (PAGE.format(head=head) + tail).encode("utf-8")


def _sha(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def _reads(tmp_path: Path, before: bytes, now: bytes, url: str, content_type: str) -> bool:
    async def go() -> bool:
        cache = ExtractCache(tmp_path / "extract.sqlite3")
        pool = ExtractPool(workers=0)
        try:
            extractor = CachedExtractor(pool, cache)
            await extractor.extract(before, url, content_type, None)  # last night's reading, stored
            return await extractor.reads_as_before(now, url, content_type, None, _sha(before))
        finally:
            pool.close()
            cache.close()

    return asyncio.run(go())


def test_new_bytes_with_the_same_document_and_page_facts_read_as_before(tmp_path: Path) -> None:
    assert _reads(tmp_path, _page(), _page(tail="<!-- built 2026-12-04 03:00 -->"), URL, "text/html")
    assert _reads(tmp_path, PDF, PDF + b"\n% re-exported\n", "https://www.a.go.th/plan.pdf", "application/pdf")


def test_new_bytes_that_read_otherwise_in_any_way_do_not(tmp_path: Path) -> None:
    # Another text, another title, another link: another document.
    assert not _reads(tmp_path, _page(), _page().replace("99 หมู่ 1".encode(), "98 หมู่ 1".encode()), URL,
                      "text/html")
    assert not _reads(tmp_path, _page(), _page().replace(b"<title>", "<title>เดิม ".encode()), URL, "text/html")
    assert not _reads(tmp_path, _page(), _page().replace(b"/plan.pdf", b"/plan-2569.pdf"), URL, "text/html")
    # The same document but other page facts (the crawler reads the generator: WordPress records are asked).
    assert not _reads(tmp_path, _page(), _page(head='<meta name="generator" content="WordPress 6.4">'), URL,
                      "text/html")


def test_without_last_nights_reading_stored_nothing_reads_as_before(tmp_path: Path) -> None:
    async def go() -> bool:
        cache = ExtractCache(tmp_path / "extract.sqlite3")
        pool = ExtractPool(workers=0)
        try:
            return await CachedExtractor(pool, cache).reads_as_before(_page(), URL, "text/html", None,
                                                                     _sha(_page(tail=" ")))
        finally:
            pool.close()
            cache.close()

    assert not asyncio.run(go())


def test_readings_are_written_in_batches_and_served_before_they_are(tmp_path: Path) -> None:
    import contextlib
    import sqlite3

    from oit_checker.extract import cache as cache_module

    path = tmp_path / "extract.sqlite3"

    def rows() -> int:  # what another process reading the file sees
        with contextlib.closing(sqlite3.connect(path)) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    async def go() -> None:
        cache = ExtractCache(path)
        pool = ExtractPool(workers=0)
        try:
            extractor = CachedExtractor(pool, cache)
            first = await extractor.extract(PDF, "https://www.a.go.th/plan.pdf", "application/pdf")
            assert rows() == 0 and pool.stats.extracted == 1  # not written yet …
            again = await extractor.extract(PDF, "https://www.a.go.th/copy.pdf", "application/pdf")
            assert again.pages == first.pages and cache.stats.hits == 1  # … but served
            for i in range(cache_module._BATCH_ENTRIES - 1):  # the batch fills up: written in one go
                await extractor.extract(_page(tail=f"<!-- {i} -->"), f"{URL}?p={i}", "text/html")
            assert rows() == cache_module._BATCH_ENTRIES
            await extractor.extract(_page(), URL, "text/html")
        finally:
            pool.close()
            cache.close()  # what is left is written on close
        assert rows() == cache_module._BATCH_ENTRIES + 1

    asyncio.run(go())


def test_the_callers_hash_is_the_key_on_disk_and_in_the_pool(tmp_path: Path) -> None:
    """The pipeline hashes each body once and hands the hash on: the disk cache and the pool key on it, so the
    same hash finds the reading whatever bytes come with it (the caller vouches for the hash)."""
    digest = hashlib.sha256(PDF).hexdigest()

    async def go() -> None:
        cache = ExtractCache(tmp_path / "extract.sqlite3")
        pool = ExtractPool(workers=0)
        try:
            extractor = CachedExtractor(pool, cache)
            first = await extractor.extract(PDF, "https://www.a.go.th/plan.pdf", "application/pdf", sha256=digest)
            assert cache.get(cache.key(PDF, "https://www.a.go.th/plan.pdf", "application/pdf", None), "u") is not None
            # Another body under the PDF's hash: the stored reading, the body unread.
            again = await extractor.extract(b"%PDF-1.4 other", "https://www.a.go.th/b.pdf", "application/pdf",
                                            sha256=digest)
            assert again.pages == first.pages and pool.stats.extracted == 1
            # No hash given: worked out from the body, as before.
            other = await extractor.extract(b"%PDF-1.4 other", "https://www.a.go.th/c.pdf", "application/pdf")
            assert other.pages != first.pages and pool.stats.extracted == 2
            # The pool alone keys on the hash it is given too.
            direct = await pool.extract(b"not the bytes", "https://www.a.go.th/d.pdf", "application/pdf",
                                        sha256=digest)
            assert direct.pages == first.pages and pool.stats.cache_hits == 1 and pool.stats.extracted == 2
        finally:
            pool.close()
            cache.close()

    asyncio.run(go())


def test_a_reading_comes_back_from_disk_whole_and_a_damaged_one_is_extracted_again(tmp_path: Path) -> None:
    """Written by one run, read by the next (a new connection): the same document and page facts. An entry that
    cannot be read back (cut short, or written by an older version in another format) is a miss: the body is
    extracted again and the entry replaced."""
    path = tmp_path / "extract.sqlite3"
    page = _page(head='<meta name="generator" content="WordPress 6.4">')

    async def read(body: bytes, url: str, content_type: str) -> tuple[object, object, int, int]:
        cache = ExtractCache(path)
        pool = ExtractPool(workers=0)
        try:
            doc = await CachedExtractor(pool, cache).extract(body, url, content_type)
            return doc, doc.facts, cache.stats.hits, pool.stats.extracted
        finally:
            pool.close()
            cache.close()

    first = asyncio.run(read(page, URL, "text/html"))
    pdf = asyncio.run(read(PDF, "https://www.a.go.th/plan.pdf", "application/pdf"))
    assert first[2:] == (0, 1) and first[1] is not None
    again = asyncio.run(read(page, URL, "text/html"))
    assert again == (first[0], first[1], 1, 0)  # from disk, nothing extracted
    with contextlib.closing(sqlite3.connect(path)) as conn:
        blobs = dict(conn.execute("SELECT key, doc FROM documents").fetchall())
        assert len(blobs) == 2
        for key, blob in blobs.items():
            damaged = zlib.compress(b'{"url": ""}') if "pdf" in key else blob[: len(blob) // 2]
            conn.execute("UPDATE documents SET doc = ? WHERE key = ?", (damaged, key))
        conn.commit()
    assert asyncio.run(read(page, URL, "text/html")) == (first[0], first[1], 0, 1)
    assert asyncio.run(read(PDF, "https://www.a.go.th/plan.pdf", "application/pdf")) == (pdf[0], pdf[1], 0, 1)
    assert asyncio.run(read(page, URL, "text/html"))[2:] == (1, 0)  # the entry was written again


def test_a_reading_with_a_lone_surrogate_is_stored_and_read_back(tmp_path: Path) -> None:
    """Text that orjson refuses (a lone surrogate, which has no UTF-8 form) is still written, and read back the
    same: before, writing it raised, and the document was lost to the cache."""
    doc = Document(url=URL, kind=DocKind.HTML, pages=("แผนปฏิบัติการ \ud800 2569",), title="ข้อ \udcff")
    assert _stored_and_read_back(tmp_path / "extract.sqlite3", doc) == doc


def _stored_and_read_back(path: Path, doc: Document) -> Document | None:
    """`doc` written to a store by one connection, and read back by the next."""
    cache = ExtractCache(path)
    try:
        cache.put("k", doc)
        cache.flush()
    finally:
        cache.close()
    cache = ExtractCache(path)
    try:
        return cache.get("k", doc.url)
    finally:
        cache.close()


def test_a_page_s_links_and_anchors_are_stored_as_utf8_arrays_and_read_back(tmp_path: Path) -> None:
    """A page's links and anchors go to disk as JSON arrays in their fields' order, written by orjson (Thai as
    UTF-8, not escaped: a NamedTuple it cannot write would send the whole reading down the slow escaped path),
    and come back as the same `Link`s and `Anchor`s."""
    name = "index.html"
    doc = extract((ROOT / "fixtures" / "demo" / "site" / name).read_bytes(), f"https://www.example.go.th/{name}",
                  "text/html")
    assert doc.links and doc.facts is not None and doc.facts.anchors
    back = _stored_and_read_back(tmp_path / "extract.sqlite3", doc)
    assert back == doc and back is not None and back.facts == doc.facts
    assert all(type(link) is Link for link in back.links)
    assert back.facts is not None and all(type(a) is Anchor for a in back.facts.anchors)
    with contextlib.closing(sqlite3.connect(tmp_path / "extract.sqlite3")) as conn:
        (blob,) = conn.execute("SELECT doc FROM documents WHERE key = 'k'").fetchone()
    raw = zstandard.ZstdDecompressor().decompress(blob)
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in raw.decode("utf-8"))  # Thai, as UTF-8
    assert b"\\u0e" not in raw  # not escaped
    data = jsontext.loads(raw)
    assert data["links"][0] == list(doc.links[0])
    assert data["facts"]["anchors"][0] == list(doc.facts.anchors[0])


@pytest.mark.parametrize(("page", "url", "forms", "footer"), [
    (("third", "site", "ita", "o3b.html"), "https://www.nongsaeng-trial.go.th/ita/o3b.html", ((2, 8),), ""),
    (("ninth", "site", "index.html"), "https://www.thungkrachiaothong-trial.go.th/index.html", (),
     "โทรศัพท์ ๐ ๓๕๕๙ ๔๑๒๐"),
])
def test_a_pages_visitor_forms_and_footer_are_stored_and_read_back(
        tmp_path: Path, page: tuple[str, ...], url: str, forms: tuple[tuple[int, int], ...], footer: str) -> None:
    body = ROOT.joinpath("fixtures", "assessor_trial", *page).read_bytes()

    async def read() -> tuple[Document, int]:
        cache = ExtractCache(tmp_path / "extract.sqlite3")
        pool = ExtractPool(workers=0)
        try:
            return await CachedExtractor(pool, cache).extract(body, url, "text/html"), cache.stats.hits
        finally:
            pool.close()
            cache.close()

    first, hits = asyncio.run(read())
    again, hits_again = asyncio.run(read())
    assert (hits, hits_again) == (0, 1)
    assert again == first and again.forms == first.forms == forms and footer in again.footer
