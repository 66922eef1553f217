"""Extraction speed on corpus documents: ms per document and pages per second.

    .venv/bin/python bench/extract.py [N] [--pool WORKERS]

Runs `extract()` in this process N times per document (after one warm-up run), then, with --pool,
pushes N copies of each document (distinct bytes, so the cache does not answer) through an
ExtractPool to show the throughput with worker processes, transport and pickling included.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path

from oit_checker.extract import extract
from oit_checker.extract.pool import ExtractPool

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"
DOCUMENTS = ("a4_long_laksaman.pdf", "h0_big_utf8.html", "e3_libreoffice_plan.xlsx", "a1_laksaman.docx")


def bench_in_process(n: int) -> None:
    print(f"in process, {n} runs each (median / best)")
    print(f"{'document':30} {'KB':>6} {'pages':>5} {'ms/doc':>8} {'best':>7} {'pages/s':>8}")
    for name in DOCUMENTS:
        body = (CORPUS / name).read_bytes()
        doc = extract(body, name)
        assert not doc.error, (name, doc.error)
        times = []
        for _ in range(n):
            start = time.perf_counter()
            extract(body, name)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        print(
            f"{name:30} {len(body) / 1024:6.0f} {doc.page_count:5d} {median * 1000:8.2f} "
            f"{min(times) * 1000:7.2f} {doc.page_count / median:8.0f}"
        )


async def bench_pool(n: int, workers: int) -> None:
    jobs: list[tuple[bytes, str]] = []
    pages = 0
    for name in DOCUMENTS:
        body = (CORPUS / name).read_bytes()
        per_doc = extract(body, name).page_count
        for i in range(n):
            # A distinct trailing byte defeats the content cache but not the parsers (all ignore it).
            jobs.append((body + b"\n" * (i + 1), f"https://bench.go.th/{i}/{name}"))
            pages += per_doc
    async with ExtractPool(workers) as pool:
        await asyncio.gather(*(pool.extract(b, u) for b, u in jobs[: workers * 2]))  # spawn + warm up
        start = time.perf_counter()
        docs = await asyncio.gather(*(pool.extract(b, u) for b, u in jobs))
        elapsed = time.perf_counter() - start
    errors = [d.error for d in docs if d.error]
    print(
        f"\npool, {workers} workers: {len(jobs)} documents ({pages} pages) in {elapsed:.2f} s = "
        f"{elapsed / len(jobs) * 1000:.2f} ms/document, {pages / elapsed:.0f} pages/s"
        + (f", errors: {errors[:3]}" if errors else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=50)
    parser.add_argument("--pool", type=int, default=0, metavar="WORKERS")
    args = parser.parse_args()
    bench_in_process(args.n)
    if args.pool:
        asyncio.run(bench_pool(args.n, args.pool))


if __name__ == "__main__":
    main()
