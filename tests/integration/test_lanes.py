"""`audit` in lanes (engine/lanes.py): helper processes share a night's agencies with the main process, each
storing its agencies itself, every document extracted by the main process's one pool. Against the local agency
site (tests/support/audit_site.py), with real helper processes:
- two lanes give the report and the history of one lane, on two nights, with per-host politeness held for a
  host several agencies share (they form one unit, so one lane fetches it);
- a warm night of 16 agencies takes two lanes by itself, and the helper really checks and stores agencies;
- a helper that dies mid-night loses no agency: what it stored stays, what it held is checked by the main
  process, and the outcome says a lane was lost;
- a cancelled night leaves no helper behind, stays stored as incomplete, and resumes.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from oit_checker.catalogue.rules import load_catalogue
from oit_checker.cli import exit_codes
from oit_checker.config.manifest import load_manifests
from oit_checker.engine import audit as audit_mod
from oit_checker.engine.history import RunStatus, StoreSpec
from oit_checker.engine.session import RunOptions
from tests.integration.test_golden import normalise
from tests.support import audit_site as site_mod
from tests.support.driver import Driver, wait_for
from tests.support.procs import descendants, leftovers

pytestmark = pytest.mark.usefixtures("english")

COUNT = 16
SHARED = (2, 5, 7)  # these agencies submit their O3 plan on one host (www.shared.go.th)
FY = site_mod.FISCAL_YEAR
LANE = "oit-checker-lane"  # the helpers' process name


@pytest.fixture
def site() -> Iterator[site_mod.Site]:
    with site_mod.serve(site_mod.Site(site_mod.site_files(COUNT, SHARED))) as s:
        yield s


def cli_audit(site: site_mod.Site, manifest: Path, db: Path, cache: Path, out: Path, *extra: str
              ) -> tuple[int, dict[str, Any]]:
    return site_mod.cli_audit(site, COUNT, manifest, str(db), cache, out, *extra)


def writers(db: Path, run_id: int) -> dict[str, str]:
    """slug → who stored it ("host:pid"), as the history says (nothing while it does not exist yet)."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
            return dict(conn.execute("SELECT slug, written_by FROM agency_results WHERE run_id = ?", (run_id,)))
    except sqlite3.OperationalError:  # not created yet
        return {}


def pid_of(writer: str) -> int:
    return int(writer.rsplit(":", 1)[1])


def expected() -> dict[tuple[str, str], str]:
    """Every item passes, but an agency's plan on the shared host is `review` (off_site: another site's file)."""
    return {(site_mod.slug(n), item): "review" if (n in SHARED and item == "O3") else "pass"
            for n in range(1, COUNT + 1) for item in ("O1", "O2", "O3")}


def release_when(hold: threading.Event, check: Any) -> threading.Thread:
    """Let a held answer go once `check()` holds (or after the wait's bound, and the test then fails)."""
    def run() -> None:
        try:
            wait_for("the helper lane to store agencies", check)
        finally:
            hold.set()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_two_lanes_give_the_report_and_history_of_one_over_two_nights(
        tmp_path: Path, site: site_mod.Site, manifest: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # the automatic choice below, whatever this machine has
    common = ("--per-host", "1", "--extract-workers", "1")
    one_db, two_db = tmp_path / "one.sqlite3", tmp_path / "two.sqlite3"
    site.delays["/shared/"] = 0.05  # requests to the shared host overlap if two lanes ever fetch it at once
    reports: dict[str, list[dict[str, Any]]] = {"one": [], "two": []}
    for night in (1, 2):
        if night == 2:
            site_mod.second_night(site)
        # Night 1 is cold: two lanes only when asked. Night 2 is warm (a comparable run, the caches): two lanes
        # by themselves. Hold a001 (the main lane's first agency) until the helper has stored agencies of its
        # own, so the night really is shared.
        lanes = ("--lanes", "2") if night == 1 else ()
        for name, db, extra in (("one", one_db, ("--lanes", "1")), ("two", two_db, lanes)):
            site.most_at_once.clear()
            hold = site.holds["/a001/"] = threading.Event()
            # A warm agency takes milliseconds: slowed down, the main lane cannot finish the night alone before
            # the helper has started (≈0.5 s).
            for prefix in ("/a0", "/a1"):
                site.delays[prefix] = 0.0 if name == "one" else 0.1
            if name == "one":
                hold.set()
                releaser = None
            else:
                releaser = release_when(hold, lambda db=db, night=night: any(
                    pid_of(w) != os.getpid() for w in writers(db, night).values()))
            code, report = cli_audit(site, manifest, db, tmp_path / f"cache-{name}", tmp_path / f"{name}{night}.json",
                                     *common, *extra, "--agencies-at-once", "4")
            if releaser is not None:
                releaser.join()
            assert code == (exit_codes.EXIT_GAPS if night == 1 else exit_codes.EXIT_REGRESSIONS)
            if night == 1:
                assert {(a["slug"], f["item"]): f["status"] for a in report["agencies"]
                        for f in a["findings"]} == expected()
            assert site.most_at_once["shared"] == 1  # --per-host 1 held for the shared host, across lanes
            reports[name].append(report)
        by = writers(two_db, night)
        pids = {pid_of(w) for w in by.values()}
        assert len(pids) == 2 and os.getpid() in pids  # this process and one helper stored the night
        assert len({by[site_mod.slug(n)] for n in SHARED}) == 1  # the shared host's agencies: one lane

    for one, two in zip(reports["one"], reports["two"], strict=True):
        one.pop("cache"), two.pop("cache")  # each lane counts its own cache's answers
        one.pop("worker_cpu_s"), two.pop("worker_cpu_s")  # CPU time is never the same twice
        assert one.pop("requests") == two.pop("requests")
        assert one.pop("extractions") == two.pop("extractions")  # the main process's one pool read them all
        for report in (one, two):
            since = report["since_last_run"] or {}
            for key in ("base_started_at", "head_started_at"):
                since[key] = since.get(key) and "<volatile>"
        assert normalise(two) == normalise(one)  # verdicts, reasons, evidence, order, diff, reused marks…
    night2 = reports["two"][1]
    assert night2["findings_reused"] == COUNT * 3 - 2  # all but the two changed items, in both lanes
    assert [(c["agency"], c["item"]) for c in night2["since_last_run"]["regressions"]] == [("a001", "O1"),
                                                                                          ("a005", "O2")]


def start_driver(tmp_path: Path, site: site_mod.Site, manifest: Path, *, resume: int | None = None,
                 poison: str = "") -> Driver:
    cat = load_catalogue(site_mod.RULES)
    agencies = load_manifests([manifest], cat.ids)
    spec = StoreSpec.of(tmp_path / "history.sqlite3")
    # Two lanes of one agency at a time: the main lane takes the first unit (a001) at once, the helper the
    # next ones in order — [a002, a005, a007] (one host), a003, a004, … — while a001 is held.
    settings = audit_mod.AuditSettings(
        options=RunOptions(extract_workers=1, agencies_at_once=2, lanes=2), cache_dir=tmp_path / "cache",
        resume=resume)

    async def go() -> audit_mod.AuditOutcome:
        with spec.open() as store:
            return await audit_mod.audit(agencies, cat, FY, store, settings, store_spec=spec,
                                         transport_factory=site.transport_factory(COUNT, poison, LANE))

    driver = Driver(go)
    driver.start()
    return driver


def test_a_helper_that_dies_loses_no_agency(tmp_path: Path, site: site_mod.Site, manifest: Path) -> None:
    db = tmp_path / "history.sqlite3"
    site.holds["/a001/"] = hold = threading.Event()
    # a004's pages make a helper process exit at once (a crash in C would); the main process reads them fine.
    driver = start_driver(tmp_path, site, manifest, poison="/a004/")
    releaser = release_when(hold, lambda: {"a002", "a003", "a005", "a007"} <= set(writers(db, 1)))
    outcome = driver.finish()
    releaser.join()

    assert outcome.status is RunStatus.COMPLETE and outcome.lanes == 2
    assert len(outcome.lanes_lost) == 1 and "exit code 70" in outcome.lanes_lost[0]
    by = writers(db, 1)
    assert sorted(by) == [site_mod.slug(n) for n in range(1, COUNT + 1)]  # none lost
    helper = {by[s] for s in ("a002", "a003", "a005", "a007")}
    assert len(helper) == 1 and pid_of(helper.pop()) != os.getpid()  # stored by the helper before it died: kept
    assert pid_of(by["a004"]) == os.getpid()  # the agency it died on: checked here
    assert {(a.agency.slug, f.item): f.status.value for a in outcome.run.agencies for f in a.findings} == expected()
    with sqlite3.connect(db) as conn:
        counts = conn.execute("SELECT slug, count(*) FROM findings WHERE run_id = 1 GROUP BY slug").fetchall()
    assert sorted(n for _, n in counts) == [3] * COUNT  # every agency whole, none twice


def test_a_cancelled_night_leaves_no_helper_and_resumes(tmp_path: Path, site: site_mod.Site,
                                                        manifest: Path) -> None:
    db = tmp_path / "history.sqlite3"
    before = descendants()
    site.holds["/a001/"] = hold = threading.Event()
    driver = start_driver(tmp_path, site, manifest)
    try:
        wait_for("the helper to store a002", lambda: "a002" in writers(db, 1))
        driver.cancel()  # Ctrl-C
        with pytest.raises(asyncio.CancelledError):
            driver.finish()
    finally:
        hold.set()
    assert leftovers(before) == []  # the helper (and the pool's worker) went with the run
    stored = set(writers(db, 1))
    assert "a002" in stored and "a001" not in stored
    with StoreSpec.of(db).open() as store:
        assert store.run_info(1).status is RunStatus.INCOMPLETE

    site.holds.clear()
    site.wait_idle()
    site.reset_counts()
    outcome = start_driver(tmp_path, site, manifest, resume=1).finish()
    assert outcome.status is RunStatus.COMPLETE
    assert sorted(writers(db, 1)) == [site_mod.slug(n) for n in range(1, COUNT + 1)]
    assert not any(path.startswith("/a002/") for path, _, _ in site.log)  # stored before: not fetched again
    assert {(a.agency.slug, f.item): f.status.value for a in outcome.run.agencies for f in a.findings} == expected()


@pytest.mark.parametrize("extra", [("--lanes", "0"), ("--lanes", "-1"), ("--executor", "dask", "--lanes", "2")])
def test_lanes_that_do_not_fit_are_usage_errors(tmp_path: Path, manifest: Path, extra: tuple[str, ...],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from oit_checker.cli import main as cli

    code = cli.main(["audit", str(manifest), "--rules", str(site_mod.RULES), "--fiscal-year", str(FY),
                     "--db", str(tmp_path / "h.sqlite3"), *extra])
    assert code == exit_codes.EXIT_CONFIG
    assert "--lanes must be at least 1, and goes with --executor local" in capsys.readouterr().err
    assert not (tmp_path / "h.sqlite3").exists()  # refused before anything was opened
