"""Nightly audits: many agencies in one session, each stored in the history as soon as it is done.

`audit` checks many agencies in one run with one shared client (global and per-host limits from the
fetcher), stores every agency in the history (one transaction per (run, agency)), and compares the run
with the previous one. One agency's crash becomes `error` findings for that agency; the others go on.
A cancelled run stays stored as incomplete and can be resumed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import httpx

from oit_checker import __version__
from oit_checker.config.suppress import Suppression, SuppressionOutcome, apply_suppressions, apply_to_agency
from oit_checker.engine.diff import diff_runs
from oit_checker.engine.history import HistoryError, HistoryStore, RunMeta, RunStatus
from oit_checker.engine.session import RunOptions, Session
from oit_checker.evaluate.notes import crashed_findings
from oit_checker.extract.cache import ExtractCacheStats
from oit_checker.fetch.httpcache import CacheStats
from oit_checker.model import Agency, AgencyResult, Catalogue, RunResult, Status
from oit_checker.model.diff import RunDiff
from oit_checker.text import clock
from oit_checker.text.clock import now_iso

# ---------------------------------------------------------------- the run itself (importable, no CLI)


@dataclass(frozen=True)
class AuditSettings:
    options: RunOptions = field(default_factory=RunOptions)
    item_ids: Sequence[str] | None = None
    force_fiscal_year: bool = False
    cache_dir: Path | None = None  # None: no HTTP or extraction cache
    suppressions: Sequence[Suppression] = ()
    today: date = field(default_factory=clock.today)  # for suppression expiry
    label: str = "default"
    resume: int | None = None  # continue this (incomplete) run instead of starting one


@dataclass
class AuditProgress:
    """Counters the progress display (and the final summary) reads."""

    total: int = 0
    done: int = 0
    urls: int = 0
    errors: int = 0  # agencies that crashed + findings that could not be checked


@dataclass(frozen=True)
class AuditOutcome:
    run: RunResult
    status: RunStatus
    diff: RunDiff | None
    suppressions: SuppressionOutcome
    cache: CacheStats | None
    extract_cache: ExtractCacheStats | None
    requests: int  # requests the fetcher made (before the cache answered some of them)
    seconds: float
    crashed: tuple[str, ...] = ()  # agencies whose check raised


def _crashed(agency: Agency, catalogue: Catalogue, fiscal_year: int, item_ids: Sequence[str] | None,
             exc: BaseException) -> AgencyResult:
    findings = crashed_findings(agency, catalogue, item_ids, exc)
    now = now_iso()
    return AgencyResult(agency=agency, fiscal_year=fiscal_year, findings=findings, started_at=now,
                        finished_at=now, complete=False)


def _start(store: HistoryStore, agencies: Sequence[Agency], catalogue: Catalogue, fiscal_year: int,
           settings: AuditSettings) -> tuple[int, list[Agency], str]:
    """A new run, or the run being resumed: (run id, agencies still to check, start time)."""
    if settings.resume is not None:
        info = store.run_info(settings.resume)
        if info.fiscal_year != fiscal_year or info.criteria_year != catalogue.criteria_year:
            raise HistoryError(f"run {settings.resume} checked FY {info.fiscal_year} against ITA "
                               f"{info.criteria_year}; cannot resume it with FY {fiscal_year} / ITA "
                               f"{catalogue.criteria_year}")
        store.reopen_run(settings.resume)
        run_id = settings.resume
        done_before = store.agencies_done(run_id)
        todo = [a for a in agencies if a.slug not in done_before]
        started = info.started_at
    else:
        started = now_iso()
        run_id = store.begin_run(RunMeta(started_at=started, tool_version=__version__,
                                          criteria_year=catalogue.criteria_year,
                                          catalogue_version=catalogue.version,
                                          catalogue_source=catalogue.source, fiscal_year=fiscal_year,
                                          agencies_total=len(agencies), label=settings.label))
        todo = list(agencies)
    return run_id, todo, started


async def audit(agencies: Sequence[Agency], catalogue: Catalogue, fiscal_year: int, store: HistoryStore,
                settings: AuditSettings | None = None, *, transport: httpx.AsyncBaseTransport | None = None,
                progress: AuditProgress | None = None, on_change: Callable[[], None] | None = None) -> AuditOutcome:
    """Run, store and compare. `transport` replaces the network (tests, the demo, the benchmark).

    Cancelled (Ctrl-C, SIGTERM, a test): agencies already stored stay stored, the run is marked
    incomplete, and the cancellation propagates.
    """
    settings = settings or AuditSettings()
    options = settings.options
    progress = progress or AuditProgress()
    began = clock.monotonic()
    run_id, todo, started = _start(store, agencies, catalogue, fiscal_year, settings)
    progress.total = len(todo)

    def fetched(kind: str, url: str) -> None:
        if kind != "fetched":  # "item" (an item read) and "rendered" (a page drawn) are no new URL
            return
        progress.urls += 1
        if on_change:
            on_change()

    status = RunStatus.INCOMPLETE
    crashed: list[str] = []
    results: list[AgencyResult] = []
    session = Session(options, transport=transport, cache_dir=settings.cache_dir, on_progress=fetched)
    try:
        async with session:
            gate = asyncio.Semaphore(options.agencies_at_once)

            async def one(agency: Agency) -> AgencyResult:
                async with gate:
                    fy = (fiscal_year if settings.force_fiscal_year or agency.fiscal_year is None
                          else agency.fiscal_year)
                    try:
                        result = await session.checker.check(agency, catalogue, fy, settings.item_ids)
                    except Exception as exc:
                        crashed.append(agency.name)
                        result = _crashed(agency, catalogue, fy, settings.item_ids, exc)
                result = apply_to_agency(result, settings.suppressions, settings.today)
                store.record_agency(run_id, result)
                progress.done += 1
                progress.errors += sum(1 for f in result.findings if f.status is Status.ERROR)
                if on_change:
                    on_change()
                return result

            tasks = [asyncio.ensure_future(one(a)) for a in todo]
            try:
                results = list(await asyncio.gather(*tasks))
            except BaseException:
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
                raise
        status = RunStatus.COMPLETE
    finally:
        # Runs on cancellation too: the writes already made stay, the run says it is not whole.
        store.finish_run(run_id, status)

    if settings.resume is not None:
        run = store.load_run(run_id)
    else:
        run = RunResult(criteria_year=catalogue.criteria_year, catalogue_version=catalogue.version,
                        catalogue_source=catalogue.source, fiscal_year=fiscal_year, tool_version=__version__,
                        started_at=started, finished_at=now_iso(), agencies=tuple(results), run_id=run_id)
    outcome = apply_suppressions(run, settings.suppressions, settings.today, settings.item_ids)
    base = store.previous_run(run_id, settings.label)
    diff = diff_runs(store.load_run(base.id), outcome.run) if base is not None else None
    return AuditOutcome(run=outcome.run, status=status, diff=diff, suppressions=outcome, cache=session.cache_stats,
                        extract_cache=session.extract_cache_stats, requests=session.requests_made,
                        seconds=clock.monotonic() - began, crashed=tuple(crashed))


