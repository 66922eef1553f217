"""The national night on one machine: N agencies audited with `--executor local` and with `--executor dask`
(a LocalCluster of 2 worker processes), both writing to one PostgreSQL history.

    .venv/bin/python bench/national.py                     # N = 1000: local, dask, local@8, twice
    .venv/bin/python bench/national.py 200 --repeat 1      # smaller, once each
    .venv/bin/python bench/national.py 0 --demo 5          # only the per-agency cost of the demo agency

Agencies: tests/support/audit_site.py's (home, contact and news pages, a 2-page Thai PDF), each on its own host name
(one server on 127.0.0.1, reached through a host-mapping transport that every worker builds for itself). Each
agency's PDF gets a trailer of its own, so no two agencies share a document and every PDF is extracted. The
history is a throw-away PostgreSQL 15 server (tests/support/postgres.py; needs its binaries), a fresh database
per run. Product defaults otherwise, except that caches are off (`--no-cache`): every run is a cold night.

Each run is `audit` in a process of its own (its wall time is measured inside it, around the command; startup
is printed apart). This process samples the run's process tree every 0.1 s: peak RSS of each process, by role
(driver — which also hosts the scheduler and the nannies of a LocalCluster —, Dask worker, extraction process,
multiprocessing's resource tracker), and the peak of their sum. CPU time is this process's RUSAGE_CHILDREN
delta (the run and every descendant it waited for); the site server's CPU is this process's own and is
printed apart. After each run: agencies and findings stored (rows in PostgreSQL, each agency exactly once?),
and whether the JSON report equals the local run's (times, run ids and cache counters aside).

The machine may be shared: load averages are printed before and after every run, and runs alternate between
executors so that a burst of load from elsewhere hits both. Figures are for reading, not for asserting.

`--demo K`: K runs of `oit-checker demo` (the bundled demo agency: 27 items, real Thai PDF/DOCX/XLSX pages)
and K runs of the same with one item (`--items O1`): their difference is what checking one realistic agency
costs beyond starting the program.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the repository root: `tests` is a package

from tests.support import audit_site as site_mod  # noqa: E402 — the site generator lives with the tests
from tests.support import postgres as pg  # noqa: E402

SAMPLE_S = 0.1


# ---------------------------------------------------------------- the child: one audit


def child(argv: list[str]) -> None:
    """`--child N BASE_URL audit-args…`: one audit with the site in place of the network, everywhere."""
    count, base, args = int(argv[0]), argv[1], argv[2:]
    from rich.console import Console

    from oit_checker.cli.audit import cmd_audit
    from oit_checker.cli.main import build_parser

    mapping = {site_mod.host(n): base for n in range(1, count + 1)}
    timings: dict[str, float] = {}
    if "dask" in args:  # how long the LocalCluster took to start and to stop (the one instrumented call)
        from oit_checker.engine import dask_executor

        close = dask_executor.DaskExecutor.__aexit__

        async def closing(self: Any, *exc: Any) -> None:
            await close(self, *exc)
            timings.update(self.timings)

        dask_executor.DaskExecutor.__aexit__ = closing  # type: ignore[method-assign]
    started = time.perf_counter()
    code = cmd_audit(build_parser().parse_args(args), Console(quiet=True),
                     transport_factory=site_mod.SiteTransport(mapping))
    wall = time.perf_counter() - started
    print(json.dumps({"exit": code, "wall_s": round(wall, 2), "cluster_start_s": round(timings.get("connect_s", 0), 2),
                      "cluster_stop_s": round(timings.get("close_s", 0), 2),
                      "wall_without_cluster_s": round(wall - sum(timings.values()), 2)}), flush=True)


# ---------------------------------------------------------------- the parent


def role(proc: psutil.Process, top: int, executor: str) -> str:
    try:
        if proc.pid == top:
            return "driver"
        cmd = " ".join(proc.cmdline())
        if "resource_tracker" in cmd:
            return "tracker"
        depth, p = 0, proc
        while p is not None and p.pid != top:
            p, depth = p.parent(), depth + 1
        if executor == "dask" and depth == 1:
            return "worker"
        return "extract"
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return "gone"


class Sampler(threading.Thread):
    """Peak RSS per process of a process tree, and the peak of their sum."""

    def __init__(self, pid: int, executor: str) -> None:
        super().__init__(daemon=True)
        self.pid, self.executor = pid, executor
        self.peaks: dict[int, tuple[str, int]] = {}
        self.peak_total = 0
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            top = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self.stop.is_set():
            try:
                procs = [top, *top.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            total = 0
            for p in procs:
                try:
                    rss = p.memory_info().rss
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
                total += rss
                name, old = self.peaks.get(p.pid, (role(p, self.pid, self.executor), 0))
                self.peaks[p.pid] = (name, max(old, rss))
            self.peak_total = max(self.peak_total, total)
            self.stop.wait(SAMPLE_S)

    def by_role(self) -> dict[str, list[float]]:
        out: dict[str, list[float]] = {}
        for name, rss in self.peaks.values():
            out.setdefault(name, []).append(round(rss / 2**20, 1))
        return {k: sorted(v, reverse=True) for k, v in sorted(out.items())}


def cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cpu_self() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def run_audit(count: int, site: site_mod.Site, work: Path, dsn: str, variant: str, workers: int,
              batch: int) -> tuple[dict[str, Any], dict[str, Any]]:
    executor, _, at_once = variant.partition("@")
    executor, _, batch_text = executor.partition(":")
    batch = int(batch_text) if batch_text else batch
    report = work / f"report-{executor}.json"
    args = ["audit", str(work / "agencies.toml"), "--rules", str(site_mod.RULES), "--fiscal-year", "2569",
            "--db", dsn, "--no-cache", "--quiet", "--format", "json", "--output", str(report),
            "--executor", executor]
    if at_once:
        args += ["--agencies-at-once", at_once]
    if executor == "dask":
        args += ["--workers", str(workers), "--batch", str(batch)]
    site.reset_counts()
    load_before = os.getloadavg()
    cpu0, own0, t0 = cpu_children(), cpu_self(), time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", str(count), site.base, *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = Sampler(proc.pid, executor)
    sampler.start()
    out, err = proc.communicate()
    elapsed = time.perf_counter() - t0
    sampler.stop.set()
    sampler.join()
    if proc.returncode != 0 or not out.strip():
        raise SystemExit(f"{executor} run failed ({proc.returncode}):\n{err[-3000:]}")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    roles = sampler.by_role()
    result.update({
        "executor": variant, "agencies": count, "process_s": round(elapsed, 2),
        "startup_and_exit_s": round(elapsed - result["wall_s"], 2),
        "cpu_s": round(cpu_children() - cpu0, 1), "site_server_cpu_s": round(cpu_self() - own0, 1),
        "peak_rss_mb_by_role": roles, "peak_rss_mb_tree": round(sampler.peak_total / 2**20, 1),
        "requests_served": site.requests, "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
    })
    result.update(stored(dsn))
    return result, json.loads(report.read_text(encoding="utf-8"))


def stored(dsn: str) -> dict[str, Any]:
    import psycopg

    with psycopg.connect(dsn) as conn:
        rows, distinct = conn.execute("SELECT count(*), count(DISTINCT slug) FROM agency_results").fetchone() or (0, 0)
        findings = (conn.execute("SELECT count(*) FROM findings").fetchone() or (0,))[0]
        status = (conn.execute("SELECT status FROM runs ORDER BY id DESC LIMIT 1").fetchone() or ("?",))[0]
    return {"stored_rows": rows, "stored_agencies": distinct, "stored_findings": findings, "run_status": status}


def comparable(report: dict[str, Any]) -> Any:
    from tests.integration.test_golden import normalise

    report = dict(report)
    report.pop("cache", None)
    return normalise(report)


def bench(count: int, repeat: int, workers: int, batch: int, variants: list[str]) -> None:
    files = site_mod.site_files(count)
    for n in range(1, count + 1):  # a document of its own per agency: nothing is extracted only once
        files[f"/{site_mod.slug(n)}/plan-2569.pdf"] = site_mod.PLAN_PDF + f"\n%oit-bench {n}\n".encode()
    site = site_mod.Site(files)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix=f"oit-national-{count}-") as tmp, site_mod.serve(site), \
            pg.postgres_server() as server:
        work = Path(tmp)
        (work / "agencies.toml").write_text(site_mod.manifest(count), encoding="utf-8")
        reference: Any = None
        for k in range(repeat):
            for variant in variants:
                with pg.fresh_database(server) as dsn:
                    row, report = run_audit(count, site, work, dsn, variant, workers, batch)
                same = comparable(report)
                if reference is None:
                    reference = same
                row["report_equals_first_local"] = same == reference
                row["round"] = k + 1
                rows.append(row)
                print(json.dumps(row, ensure_ascii=False), flush=True)
    summary(rows, count)


def summary(rows: list[dict[str, Any]], count: int) -> None:
    print(f"\nN = {count} agencies · {os.cpu_count()} CPUs · Python {sys.version.split()[0]}")
    print(f"{'run':<12}{'wall s':>8}{'-cluster':>9}{'cpu s':>8}{'tree MB':>9}  {'peak RSS MB by process':<44}"
          f"{'stored':>8}{'same':>6}  load before → after")
    for r in rows:
        roles = " ".join(f"{k}:{'/'.join(str(x) for x in v)}" for k, v in r["peak_rss_mb_by_role"].items())
        print(f"{r['executor'] + ' #' + str(r['round']):<12}{r['wall_s']:>8}{r['wall_without_cluster_s']:>9}"
              f"{r['cpu_s']:>8}{r['peak_rss_mb_tree']:>9}  "
              f"{roles:<44}{r['stored_agencies']:>8}{'yes' if r['report_equals_first_local'] else 'NO':>6}  "
              f"{r['load_before'][0]} → {r['load_after'][0]}")
    walls: dict[str, list[float]] = {}
    steady: dict[str, list[float]] = {}
    for r in rows:
        walls.setdefault(r["executor"], []).append(r["wall_s"])
        steady.setdefault(r["executor"], []).append(r["wall_without_cluster_s"])
    for local in (v for v in walls if v.startswith("local")):
        for dask in (v for v in walls if v.startswith("dask")):
            best_local, best_dask, best_steady = min(walls[local]), min(walls[dask]), min(steady[dask])
            print(f"best wall: {local} {best_local} s, {dask} {best_dask} s → distributed overhead "
                  f"{100 * (best_dask / best_local - 1):+.1f} % (target ≤ +15 %); without starting and stopping "
                  f"the LocalCluster {best_steady} s → {100 * (best_steady / best_local - 1):+.1f} %")
    for r in rows:
        if r["executor"].startswith("local"):
            print(f"{r['executor']} #{r['round']}: {1000 * r['cpu_s'] / count:.0f} ms CPU and "
                  f"{1000 * r['wall_s'] / count:.1f} ms wall per agency")


def demo(times: int) -> None:
    """CPU and wall of `oit-checker demo` (one realistic agency), all items vs one item."""
    results: dict[str, list[tuple[float, float]]] = {"27 items": [], "1 item (O1)": []}
    for _ in range(times):
        for label, extra in (("27 items", []), ("1 item (O1)", ["--items", "O1"])):
            with tempfile.TemporaryDirectory() as tmp:
                cpu0, t0 = cpu_children(), time.perf_counter()
                subprocess.run([sys.executable, "-m", "oit_checker", "demo", "--format", "json", "--output",
                                str(Path(tmp) / "demo.json"), *extra], cwd=ROOT, check=True,
                               capture_output=True)
                results[label].append((time.perf_counter() - t0, cpu_children() - cpu0))
    print(f"\n`oit-checker demo`, {times} runs each (load now {os.getloadavg()[0]:.2f}):")
    med = {}
    for label, runs in results.items():
        walls, cpus = sorted(w for w, _ in runs), sorted(c for _, c in runs)
        med[label] = (walls[len(walls) // 2], cpus[len(cpus) // 2])
        print(f"  {label:<12} wall median {med[label][0]:.2f} s (min {walls[0]:.2f}) · "
              f"CPU median {med[label][1]:.2f} s (min {cpus[0]:.2f})")
    print(f"  one realistic agency beyond start-up: ≈{med['27 items'][1] - med['1 item (O1)'][1]:.2f} s CPU, "
          f"≈{med['27 items'][0] - med['1 item (O1)'][0]:.2f} s wall on loopback")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=2, help="rounds of (local, dask) (default: 2)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch", type=int, default=25)
    parser.add_argument("--demo", type=int, default=0, metavar="K", help="also K runs of the demo agency")
    parser.add_argument("--variants", default="local,dask,local@8",
                        help="runs per round: EXECUTOR[:BATCH][@AGENCIES_AT_ONCE], comma-separated (default: "
                             "%(default)s; local@8 has as many agencies at once as 2 Dask workers × the default 4)")
    args = parser.parse_args()
    print(f"oit-checker national bench · {os.cpu_count()} CPUs · load {os.getloadavg()} · "
          f"{Counter(p.name() for p in psutil.process_iter()).get('postgres', 0)} postgres processes running")
    if args.count:
        bench(args.count, args.repeat, args.workers, args.batch, args.variants.split(","))
    if args.demo:
        demo(args.demo)


if __name__ == "__main__":
    main()
