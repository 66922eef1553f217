"""Run the hostile agency (tests/support/hostile_server.py) through the real runner and print what it cost.

    .venv/bin/python bench/hostile.py [--repeat N] [--workers N] [--large-bodies N] [--max-mb MB] [--cases]

Starts the hostile site on 127.0.0.1 (plus an HTTPS twin with a self-signed certificate), checks one agency
whose ≈60 submitted URLs are each a different hostile behaviour, and prints the wall time, fetch attempts,
and the peak RSS of this process (the fetcher, the pipeline, and the test server's own threads) and of the
extraction workers. Limits are the test-scaled ones (`hostile_fetch_settings`): read timeout 1 s, document
3 s, drip grace 0.5 s, 50 MB body cap, Retry-After cap 2 s. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository root: `tests` is a package

from oit_checker.engine import session as runner
from oit_checker.engine.session import RunOptions, run_agencies
from tests.support import hostile_server as hs  # the server lives with the tests (sys.path above)

MB = 1024 * 1024


async def one_run(args: argparse.Namespace, site: hs.HostileServer, tls: hs.HostileServer, show: bool) -> None:
    cases = hs.hostile_cases(site, tls, hs.free_port())
    settings = hs.hostile_fetch_settings(max_bytes=args.max_mb * MB, large_bodies=args.large_bodies)
    options = RunOptions(fetch=settings, agency_budget_s=args.budget, extract_workers=args.workers)
    started = time.monotonic()
    with hs.PeakRSS(children=True) as memory:
        run = await run_agencies([hs.hostile_agency(site, cases)], hs.hostile_catalogue(cases), 2569, options)
    wall = time.monotonic() - started
    result = run.agencies[0]
    findings = {f.item: f for f in result.findings}
    attempts = 0
    fetches = 0
    wrong = 0
    rows = []
    for case in cases:
        finding = findings[case.item]
        codes = [r.code for r in finding.reasons]
        retrieved = [g for t in result.trails.get(case.item, ()) for g in t.retrieved]
        tries = sum(g.fetched.attempts for g in retrieved)
        took = max((g.fetched.elapsed_s for g in retrieved), default=0.0)
        attempts += tries
        fetches += len(retrieved)
        ok = finding.status is case.status and set(case.codes) <= set(codes)
        wrong += not ok
        rows.append(f"  {case.item} {case.what[:42]:42} {finding.status:6} {tries:>3} {took:6.2f}s "
                    f"{'' if ok else 'UNEXPECTED '}{','.join(codes) or '-'}")
    if show:
        print("  item what                                       status  att   done  reasons  (done: seconds until "
              "the URL's last fetch ended, queueing for a host slot included)")
        print("\n".join(rows))
    statuses = Counter(str(f.status) for f in result.findings)
    print(f"wall {wall:5.2f} s | {len(cases)} URLs, {fetches} fetched, {attempts} attempts "
          f"({site.stats.hits.total()} requests seen by the server) | "
          f"peak RSS +{memory.rise / MB:.0f} MB over {memory.baseline / MB:.0f} MB (main), "
          f"workers {memory.children_peak / MB:.0f} MB | {dict(statuses)} | unexpected: {wrong}")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2, help="extraction worker processes (default 2)")
    parser.add_argument("--large-bodies", type=int, default=1, help="bodies allowed past 4 MB at once")
    parser.add_argument("--max-mb", type=int, default=50, help="byte cap per document (default 50)")
    parser.add_argument("--budget", type=float, default=20.0, help="agency time budget in seconds")
    parser.add_argument("--cases", action="store_true", help="print every case of the first run")
    args = parser.parse_args()
    runner.ExtractPool = hs.bounded_pool(timeout=5.0, memory_limit=512 * MB)  # type: ignore[attr-defined]
    hs.gzip_bomb(256, 1), hs.gzip_bomb(256, 2), hs.brotli_bomb(256)  # the server's cost, made up front
    with hs.HostileServer() as site, hs.HostileServer(tls=True) as tls:
        for i in range(args.repeat):
            site.stats.hits.clear()
            site.stats.counters.clear()  # 429-then-200 and 503-then-200 start over
            await one_run(args, site, tls, show=args.cases and i == 0)


if __name__ == "__main__":  # spawned extraction workers import this file: run nothing there
    asyncio.run(main())
