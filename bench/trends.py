"""What the trend charts cost: reading R stored runs of A agencies back and drawing the audit HTML report.

    .venv/bin/python bench/trends.py            # A = 10, 100, 500 agencies, R = 12 runs
    .venv/bin/python bench/trends.py 1000 12

The history is filled with copies of the demo agency's real findings (one `oit-checker demo` run, its
statuses shifted per agency and run so the charts have something to draw), written with the store's own
`record_agency`. Printed per size: time to record, to read the history for the charts (`load_history`, the
store's `list_runs` + `load_run`), to render the HTML report with and without trends, the report's size and the
peak RSS of this process. Nothing here is a test: figures only.
"""

from __future__ import annotations

import dataclasses
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def demo_result() -> object:
    from oit_checker.cli.main import main

    out = Path(tempfile.mkdtemp()) / "demo.json"
    assert main(["demo", "--format", "json", "--output", str(out), "--host-delay", "0",
                 "--extract-workers", "0"]) == 0
    from oit_checker.config.result import load_result

    return load_result(out)


def shifted(findings: tuple, k: int) -> tuple:
    from oit_checker.model import Status

    order = (Status.PASS, Status.FAIL, Status.REVIEW)
    out = []
    for i, f in enumerate(findings):
        if (i + k) % 7 == 0:
            f = dataclasses.replace(f, status=order[(order.index(f.status) + 1) % 3] if f.status in order else f.status)
        out.append(f)
    return tuple(out)


def one(agencies: int, runs: int, base: object) -> None:
    from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
    from oit_checker.engine.history import RunMeta, RunStatus, SqliteHistory
    from oit_checker.engine.trends import load_history
    from oit_checker.report import html

    [a0] = base.agencies  # type: ignore[attr-defined]
    db = Path(tempfile.mkdtemp()) / "h.sqlite3"
    store = SqliteHistory(db)
    began = time.perf_counter()
    last_run = None
    for r in range(runs):
        run_id = store.begin_run(RunMeta(started_at=f"2025-{1 + r % 12:02d}-01T01:00:00+00:00", tool_version="b",
                                         criteria_year=2568, catalogue_version="2568.1", catalogue_source="x",
                                         fiscal_year=2568, agencies_total=agencies))
        results = []
        for n in range(agencies):
            agency = dataclasses.replace(a0.agency, slug=f"a{n:05d}", name=f"{a0.agency.name} {n}")
            result = dataclasses.replace(a0, agency=agency, findings=shifted(a0.findings, n + r))
            store.record_agency(run_id, result)
            results.append(result)
        store.finish_run(run_id, RunStatus.COMPLETE)
        last_run = dataclasses.replace(base, agencies=tuple(results), run_id=run_id)  # type: ignore[type-var]
    recorded = time.perf_counter() - began
    began = time.perf_counter()
    history = load_history(store, label="default", limit=runs)
    loaded = time.perf_counter() - began
    cat = load_catalogue(catalogue_path_for(2568))
    began = time.perf_counter()
    plain = html.render(last_run, catalogue=cat)  # type: ignore[arg-type]
    rendered_plain = time.perf_counter() - began
    began = time.perf_counter()
    page = html.render(last_run, catalogue=cat, history=history)  # type: ignore[arg-type]
    rendered = time.perf_counter() - began
    store.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{agencies:>5} agencies × {runs} runs: record {recorded:6.1f} s · load_history {loaded:6.2f} s · "
          f"render without trends {rendered_plain:5.2f} s, with {rendered:5.2f} s · report "
          f"{len(plain.encode()) / 1e6:5.1f} → {len(page.encode()) / 1e6:5.1f} MB · peak RSS {rss:6.0f} MB",
          flush=True)


def main(argv: list[str]) -> None:
    sizes = [int(x) for x in argv[:1]] or [10, 100, 500]
    runs = int(argv[1]) if len(argv) > 1 else 12
    base = demo_result()
    for agencies in sizes:
        one(agencies, runs, base)


if __name__ == "__main__":
    main(sys.argv[1:])
