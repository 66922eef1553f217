"""Benchmark `oit-checker audit` on N generated agencies served from 127.0.0.1.

    .venv/bin/python bench/audit.py            # N = 10 and 100
    .venv/bin/python bench/audit.py 10 100 500

For each N: a fresh history database and cache, then
  1. first run (cold cache: everything downloaded and extracted),
  2. second run, nothing changed (conditional GETs: 304s, extraction reused),
  3. the same second run with --no-cache, for comparison.
Each run is its own process (so its peak RSS is its own); the site is served by this process, which
counts what it answers. Printed per run: wall time, requests the server answered (200 / 304), the
client's HTTP cache hits and reused extractions, and peak RSS of the run (main process; extraction
workers separately).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the repository root: `tests` is a package

from tests.support import audit_site as site_mod  # noqa: E402 — the generator lives with the tests


def child(argv: list[str]) -> None:
    """One audit run, in its own process: `child COUNT BASE_URL audit-args…`."""
    count, base, args = int(argv[0]), argv[1], argv[2:]
    from oit_checker.cli import main as cli
    from oit_checker.demo import HostMapTransport
    from oit_checker.engine import session as session_mod

    session_mod.network_transport = lambda *a, **k: HostMapTransport(  # type: ignore[assignment]
        {site_mod.host(n): base for n in range(1, count + 1)})
    report = Path(args[args.index("--output") + 1])
    started = time.perf_counter()
    code = cli.main(args)
    wall = time.perf_counter() - started
    data = json.loads(report.read_text(encoding="utf-8"))
    print(json.dumps({
        "exit": code, "wall_s": round(wall, 2), "cache": data.get("cache"), "requests": data.get("requests"),
        "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "workers_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }))


def run_once(count: int, site: site_mod.Site, work: Path, *extra: str) -> dict[str, object]:
    site.reset_counts()
    report = work / "report.json"
    args = ["audit", str(work / "agencies.toml"), "--rules", str(site_mod.RULES), "--fiscal-year", "2569",
            "--db", str(work / "history.sqlite3"), "--cache-dir", str(work / "cache"), "--quiet",
            "--format", "json", "--output", str(report), "--agencies-at-once", "8", *extra]
    proc = subprocess.run([sys.executable, __file__, "--child", str(count), site.base, *args],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    if proc.returncode != 0 or not proc.stdout.strip():
        raise SystemExit(f"run failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    out: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    out["served_200"] = site.served.get(200, 0)
    out["served_304"] = site.served.get(304, 0)
    out["served_other"] = site.requests - site.served.get(200, 0) - site.served.get(304, 0)
    return out


def bench(count: int) -> None:
    site = site_mod.Site(site_mod.site_files(count))
    with tempfile.TemporaryDirectory(prefix=f"oit-bench-{count}-") as tmp, site_mod.serve(site):
        work = Path(tmp)
        (work / "agencies.toml").write_text(site_mod.manifest(count), encoding="utf-8")
        rows = [("1st run (cold)", run_once(count, site, work)),
                ("2nd run (unchanged)", run_once(count, site, work)),
                ("2nd run, --no-cache", run_once(count, site, work, "--no-cache"))]
    print(f"\nN = {count} agencies ({len(site.files)} URLs; {count} × home, contact, news, 2-page PDF)")
    print(f"{'run':<22}{'wall s':>8}{'200':>7}{'304':>7}{'cache hits':>12}{'reused extr.':>14}"
          f"{'RSS MB':>8}{'workers MB':>12}{'exit':>6}")
    for label, r in rows:
        cache = r.get("cache") or {}
        http = cache.get("http") or {} if isinstance(cache, dict) else {}
        extraction = cache.get("extraction") or {} if isinstance(cache, dict) else {}
        print(f"{label:<22}{r['wall_s']:>8}{r['served_200']:>7}{r['served_304']:>7}"
              f"{http.get('from_cache', '—'):>12}{extraction.get('hits', '—'):>14}"
              f"{r['rss_mb']:>8}{r['workers_rss_mb']:>12}{r['exit']:>6}")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
        return
    counts = [int(a) for a in sys.argv[1:]] or [10, 100]
    print(f"oit-checker audit benchmark · {os.cpu_count()} CPUs · Python {sys.version.split()[0]}")
    for count in counts:
        bench(count)


if __name__ == "__main__":
    main()
