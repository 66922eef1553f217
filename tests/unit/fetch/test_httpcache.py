"""The conditional-GET store (fetch/httpcache.py): answers written in batches, served before and after."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import httpx

from oit_checker.fetch import httpcache
from oit_checker.fetch.httpcache import CacheStats, ResponseStore, caching_transport
from tests.support.paths import ROOT

PDF = (ROOT / "fixtures" / "corpus" / "a1_laksaman.pdf").read_bytes()
HEADERS = [("content-type", "application/pdf"), ("etag", '"v1"')]


def _rows(path: Path) -> dict[str, int]:
    """What another process reading the file sees: url → stored size."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return dict(conn.execute("SELECT url, size FROM responses").fetchall())


def test_answers_are_written_in_batches_and_served_before_they_are(tmp_path: Path) -> None:
    path = tmp_path / "http.sqlite3"
    store = ResponseStore(path)
    store.put("https://a.go.th/a.pdf", 200, HEADERS, PDF)
    assert _rows(path) == {}  # not written yet …
    got = store.get("https://a.go.th/a.pdf")
    assert got is not None and got.body == PDF and got.header("etag") == '"v1"'  # … but served
    store.update_headers("https://a.go.th/a.pdf", [("content-type", "application/pdf"), ("etag", '"v2"')])
    assert (store.get("https://a.go.th/a.pdf") or got).header("etag") == '"v2"'

    for i in range(httpcache._BATCH_ENTRIES - 1):  # the batch fills up: written in one go
        store.put(f"https://a.go.th/{i}.html", 200, HEADERS, b"<html>%d</html>" % i)
    rows = _rows(path)
    assert len(rows) == httpcache._BATCH_ENTRIES and rows["https://a.go.th/a.pdf"] == len(PDF)

    store.put("https://a.go.th/last.html", 200, HEADERS, b"<html>last</html>")
    store.close()  # what is left is written on close
    again = ResponseStore(path)
    last, first = again.get("https://a.go.th/last.html"), again.get("https://a.go.th/a.pdf")
    assert last is not None and last.body == b"<html>last</html>"
    assert first is not None and first.header("etag") == '"v2"'
    again.close()


def test_a_batch_of_large_bodies_is_written_before_it_holds_many_and_the_cap_still_holds(tmp_path: Path) -> None:
    path = tmp_path / "http.sqlite3"
    big = bytes(range(256)) * (httpcache._BATCH_BYTES // 256 // 2 + 1)  # two fill a batch's bytes
    store = ResponseStore(path, max_bytes=3 * len(big))
    store.put("https://a.go.th/1.pdf", 200, HEADERS, big)
    assert _rows(path) == {}
    store.put("https://a.go.th/2.pdf", 200, HEADERS, big)
    assert set(_rows(path)) == {"https://a.go.th/1.pdf", "https://a.go.th/2.pdf"}
    store.put("https://a.go.th/1.pdf", 200, HEADERS, big[:10])  # replaced: its old size no longer counts
    for name in ("3", "4"):
        store.put(f"https://a.go.th/{name}.pdf", 200, HEADERS, big)
    store.close()
    rows = _rows(path)
    assert sum(rows.values()) <= 3 * len(big)
    assert "https://a.go.th/2.pdf" not in rows  # the least recently used went first
    assert store.evicted == 4 - len(rows)  # counted, for the run's summary (1.pdf replaced, not evicted)


async def test_a_304_is_answered_with_the_body_whether_or_not_it_was_written_yet(tmp_path: Path) -> None:
    seen: list[str | None] = []

    def server(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("if-none-match"))
        if request.headers.get("if-none-match") == '"v1"':
            return httpx.Response(304, headers={"etag": '"v1"'})
        return httpx.Response(200, headers=dict(HEADERS), stream=httpx.ByteStream(PDF))  # read as it comes

    for written in (False, True):
        stats = CacheStats()
        transport = caching_transport(tmp_path / str(written), httpx.MockTransport(server), stats=stats)
        async with httpx.AsyncClient(transport=transport) as client:
            first = await client.get("https://a.go.th/a.pdf")
            assert first.content == PDF
            if written:
                transport.store.flush()
            second = await client.get("https://a.go.th/a.pdf")
        assert second.status_code == 200 and second.content == PDF
        assert stats.not_modified == 1 and stats.from_cache == 1 and stats.stored == 1
    assert seen == [None, '"v1"', None, '"v1"']


def test_the_stats_of_lanes_add_their_counts_but_not_the_cap_they_share() -> None:
    from oit_checker.engine.batch import _sum_stats

    a = CacheStats(network=10, not_modified=4, evicted=3, max_bytes=4 * 1024**3)
    b = CacheStats(network=5, not_modified=1, evicted=2, max_bytes=4 * 1024**3, disabled="locked")
    total = _sum_stats(a, b)
    assert total is not None
    assert (total.network, total.not_modified, total.evicted) == (15, 5, 5)
    assert total.max_bytes == 4 * 1024**3 and total.disabled == "locked"
