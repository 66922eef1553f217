"""Measure `check` of one script-drawn agency (27 items, all routes of the fixture SPA) with and without `--render`.

    .venv/bin/python bench/render_check.py                 # 3 runs each way
    .venv/bin/python bench/render_check.py --runs 1 --browser /usr/bin/chromium

The agency is `fixtures/spa/agency-spa-27.toml`: O1-O27 are hash routes of the SPA (`#/ita/o1` … `#/ita/o27`);
O6 draws the FY 2568 plan (58 projects, a lazy chunk, a link to the PDF), the others only their title. The site
is served by this process on 127.0.0.1; each check runs in its own process (the CLI's `check`, JSON report,
`--extract-workers 0`), so its figures are its own. Printed per run: wall time of the check process, peak of the
whole process tree's RSS (sampled every 50 ms: the check, Playwright's node driver, every Chromium process) and
peak PSS (sampled every 0.5 s: RSS counts the browser's shared pages once per process), requests the server
answered, and the verdicts.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SPA = ROOT / "fixtures" / "spa"
MANIFEST = SPA / "agency-spa-27.toml"
HOST = "www.spa-demo.go.th"


def child(argv: list[str]) -> int:
    """One check, in its own process: `child BASE_URL check-args…`."""
    base, args = argv[0], argv[1:]
    from oit_checker.cli.check import cmd_check
    from oit_checker.cli.console import make_console
    from oit_checker.cli.main import build_parser
    from oit_checker.demo import HostMapTransport

    parsed = build_parser().parse_args(args)
    return cmd_check(parsed, make_console(), transport=HostMapTransport({HOST: base}))


class TreeMemory(threading.Thread):
    """Peak RSS (every 50 ms) and PSS (every 0.5 s) summed over a process and all its descendants."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.peak_rss = self.peak_pss = self.peak_procs = 0
        self.done = threading.Event()

    def _tree(self) -> list[psutil.Process]:
        try:
            return [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            return []

    def run(self) -> None:
        tick = 0
        while not self.done.is_set():
            procs = self._tree()
            with_pss = tick % 10 == 0
            rss = pss = 0
            for p in procs:
                try:
                    if with_pss:
                        info = p.memory_full_info()
                        rss, pss = rss + info.rss, pss + info.pss
                    else:
                        rss += p.memory_info().rss
                except psutil.Error:
                    continue
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_procs = max(self.peak_procs, len(procs))
            if with_pss:
                self.peak_pss = max(self.peak_pss, pss)
            tick += 1
            self.done.wait(0.05)


def one_run(base: str, render: list[str], counts: Counter[str]) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        args = ["check", str(MANIFEST), "--format", "json", "--output", str(out), "--lang", "en",
                "--extract-workers", "0", *render]
        counts.clear()
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, __file__, "child", base, *args], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        mem = TreeMemory(proc.pid)
        mem.start()
        _, err = proc.communicate()
        wall = time.perf_counter() - started
        mem.done.set()
        mem.join()
        if proc.returncode not in (0, 1):
            raise SystemExit(f"check failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
        data = json.loads(out.read_text(encoding="utf-8"))
    findings = [f for a in data["agencies"] for f in a["findings"]]
    status = Counter(f["status"] for f in findings)
    reason_codes = Counter(r["code"] for f in findings for r in f["reasons"] if r["severity"] != "pass")
    o6 = next(f for f in findings if f["item"] == "O6")
    return {"wall_s": round(wall, 2), "peak_rss_mib": round(mem.peak_rss / 2**20, 1),
            "peak_pss_mib": round(mem.peak_pss / 2**20, 1), "peak_processes": mem.peak_procs,
            "served": sum(counts.values()), "statuses": dict(status), "reasons": dict(reason_codes.most_common(4)),
            "o6": o6["status"]}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["child"]:
        return child(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--browser", help="Chromium executable (default: the product's search)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "bench"))
    from render_probe import serve  # the probe's server counts what it answers and serves .js as JavaScript

    render = ["--render", *(["--browser", args.browser] if args.browser else [])]
    results: dict[str, list[dict[str, object]]] = {"without --render": [], "with --render": []}
    with serve(SPA / "site") as (base, counts):
        for _ in range(args.runs):  # alternate, so that a slow moment of the machine hits both
            results["without --render"].append(one_run(base, [], counts))
            results["with --render"].append(one_run(base, render, counts))
    print(f"check of {MANIFEST.relative_to(ROOT)} (27 items, all SPA routes), {args.runs} run(s) each, "
          f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    for label, runs in results.items():
        walls = [float(r["wall_s"]) for r in runs]  # type: ignore[arg-type]
        rss = [float(r["peak_rss_mib"]) for r in runs]  # type: ignore[arg-type]
        pss = [float(r["peak_pss_mib"]) for r in runs]  # type: ignore[arg-type]
        print(f"  {label:17} wall {statistics.median(walls):6.2f} s (runs {', '.join(f'{w:.2f}' for w in walls)}); "
              f"peak tree RSS {statistics.median(rss):7.1f} MiB (max {max(rss):.1f}); "
              f"peak tree PSS {statistics.median(pss):6.1f} MiB (max {max(pss):.1f}); "
              f"processes ≤ {max(int(r['peak_processes']) for r in runs)}")  # type: ignore[call-overload]
        last = runs[-1]
        print(f"  {'':17} requests served {last['served']}; verdicts {last['statuses']}; O6 {last['o6']}; "
              f"top reasons {last['reasons']}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
