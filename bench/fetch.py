"""CPU per request of the fetch path alone: the product's `Fetcher` against a stdlib floor, in the same run.

    .venv/bin/python bench/fetch.py [N] [--rounds 5]

Builds N agencies exactly as `scale.py` does (default 40: 2,200 URLs, ≈54 MB), serves them the same way, then
fetches every URL of every agency, `--rounds` times, alternating:

- `floor`: the stdlib keep-alive client of `scale.py`'s floor (`http.client`, 4 threads, one connection per
  agency);
- `product`: the product's `Fetcher` with its real client (`build_client`: httpx, per-host and global limits,
  16 requests at once).

No HTTP cache: every request is answered in full (a 200 with its body; the demo's one 404 per agency).
Prints one JSON line per variant: CPU seconds of this process per round (median, min) and µs of CPU per
request. The machine's other work moves both alike;
compare them within one run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scale

from oit_checker.fetch.client import Fetcher, FetchSettings, build_client

VARIANTS = ("floor", "product")


async def _product(urls: list[str]) -> int:
    settings = FetchSettings(allow_private=True, retries=0)
    async with build_client(settings) as client:
        fetcher = Fetcher(client, settings)
        gate = asyncio.Semaphore(settings.global_limit)

        async def one(url: str) -> bool:
            async with gate:
                return (await fetcher.fetch(url)).status is not None

        return sum(await asyncio.gather(*(one(u) for u in urls)))


def run_variant(variant: str, fleet: scale.Fleet, urls: list[str]) -> tuple[float, float, int]:
    """(CPU s, wall s, answers) of one pass over every URL."""
    cpu, wall = time.process_time(), time.perf_counter()
    if variant == "floor":
        _took, totals = scale.floor_fetch(fleet, 4)
        answered = totals["requests"]
    else:
        answered = asyncio.run(_product(urls))
    return time.process_time() - cpu, time.perf_counter() - wall, answered


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("n", type=int, nargs="?", default=40, help="agencies (default: %(default)s)")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--python-server", action="store_true", help="use the asyncio fallback server even with nginx")
    args = p.parse_args()
    scale.raise_fd_limit()
    work = Path(tempfile.mkdtemp(prefix="oit-fetch-"))
    results: dict[str, list[tuple[float, float, int]]] = {v: [] for v in VARIANTS}
    try:
        os.chmod(work, 0o755)
        fleet = scale.build_fleet(args.n, work, scale.free_port())
        urls = [f"{a.base}{rel}" for a in fleet.agencies for rel, _status in a.urls]
        server = scale.Server(fleet, work, 1, args.python_server)
        try:
            server.start()
            for variant in VARIANTS:  # warm-up: imports, the server's file cache
                run_variant(variant, fleet, urls)
            for _ in range(args.rounds):
                for variant in VARIANTS:
                    results[variant].append(run_variant(variant, fleet, urls))
        finally:
            server.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    requests = sum(len(a.urls) for a in fleet.agencies)
    for variant in VARIANTS:
        cpus = [r[0] for r in results[variant]]
        print(json.dumps({
            "bench": "fetch", "variant": variant, "agencies": args.n, "requests": requests,
            "ok_per_round": results[variant][-1][2], "rounds": args.rounds, "server": server.name,
            "cpu_s_median": round(statistics.median(cpus), 3), "cpu_s_min": round(min(cpus), 3),
            "wall_s_median": round(statistics.median(r[1] for r in results[variant]), 3),
            "cpu_us_per_request_median": round(statistics.median(cpus) / requests * 1e6),
            "cpu_us_per_request_min": round(min(cpus) / requests * 1e6), "load1": round(os.getloadavg()[0], 2),
        }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
