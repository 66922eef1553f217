"""Nightly audits: many agencies, each stored in the history as soon as it is done, compared with last night.

`audit` begins (or resumes) a run in the history, has an executor check and store every agency of it — one
transaction per (run, agency) — finishes the run, and compares it with the previous run. Two executors run
the same per-agency code (`batch.check_and_store`):

- local (default): every agency in this process, in one `Session` (one HTTP client: global and per-host
  limits from the fetcher, one extraction pool);
- dask (`engine.dask_executor`): batches of agencies grouped by host on a Dask cluster, each worker writing
  its agencies straight to the history; this process only watches, then reads the run back for the reports.

One agency's crash becomes `error` findings for that agency; the others go on. A cancelled run stays stored as
incomplete and can be resumed: only the agencies it has not stored are checked again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Protocol

import httpx

from oit_checker import __version__
from oit_checker.config.suppress import Suppression, SuppressionOutcome, apply_suppressions
from oit_checker.engine.batch import (
    AuditProgress,
    BatchSummary,
    CheckSettings,
    DaskSettings,
    Executed,
    RunPlan,
    check_and_store,
    crashed_result,
)
from oit_checker.engine.diff import diff_runs
from oit_checker.engine.history import HistoryError, HistoryStore, RunMeta, RunStatus, StoreSpec
from oit_checker.engine.session import RunOptions, Session
from oit_checker.errors import UsageError
from oit_checker.extract.cache import ExtractCacheStats
from oit_checker.fetch.httpcache import CacheStats
from oit_checker.model import Agency, AgencyResult, Catalogue, RunResult, Status
from oit_checker.model.diff import RunDiff
from oit_checker.text import clock
from oit_checker.text.clock import now_iso

__all__ = ["AuditOutcome", "AuditProgress", "AuditSettings", "DaskSettings", "audit", "crashed_result"]

TransportFactory = Callable[[], httpx.AsyncBaseTransport]


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
    dask: DaskSettings | None = None  # None: the local executor

    def check_settings(self) -> CheckSettings:
        return CheckSettings(options=self.options, item_ids=tuple(self.item_ids) if self.item_ids else None,
                             force_fiscal_year=self.force_fiscal_year, cache_dir=self.cache_dir,
                             suppressions=tuple(self.suppressions), today=self.today)


@dataclass(frozen=True)
class AuditOutcome:
    run: RunResult
    status: RunStatus
    diff: RunDiff | None
    suppressions: SuppressionOutcome
    cache: CacheStats | None
    extract_cache: ExtractCacheStats | None
    requests: int  # requests the fetcher(s) made (before the cache answered some of them)
    seconds: float
    crashed: tuple[str, ...] = ()  # agencies whose check raised
    executor: str = "local"


class Executor(Protocol):
    name: str

    async def __aenter__(self) -> Executor: ...

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None: ...

    async def run(self, plan: RunPlan, store: HistoryStore, progress: AuditProgress,
                  on_change: Callable[[], None] | None = None) -> Executed: ...


class LocalExecutor:
    """Every agency in this process, in one Session; results are kept for the report (no read-back)."""

    name = "local"

    def __init__(self, settings: AuditSettings, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._progress: AuditProgress | None = None
        self._on_change: Callable[[], None] | None = None
        self.session = Session(settings.options, transport=transport, cache_dir=settings.cache_dir,
                               on_progress=self._fetched)

    def _fetched(self, kind: str, url: str) -> None:
        if kind != "fetched":  # "item" (an item read) and "rendered" (a page drawn) are no new URL
            return
        if self._progress is not None:
            self._progress.urls += 1
            if self._on_change:
                self._on_change()

    async def __aenter__(self) -> LocalExecutor:
        await self.session.__aenter__()
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.session.__aexit__(exc_type, exc, tb)

    async def run(self, plan: RunPlan, store: HistoryStore, progress: AuditProgress,
                  on_change: Callable[[], None] | None = None) -> Executed:
        self._progress, self._on_change = progress, on_change
        results: dict[int, AgencyResult] = {}

        def stored(ordinal: int, result: AgencyResult) -> None:
            results[ordinal] = result
            progress.done += 1
            progress.errors += sum(1 for f in result.findings if f.status is Status.ERROR)
            if on_change:
                on_change()

        summary = await check_and_store(self.session, store, plan.run_id, plan.todo, plan.catalogue,
                                        plan.fiscal_year, plan.settings, on_stored=stored)
        summary.requests = self.session.requests_made
        summary.cache, summary.extract_cache = self.session.cache_stats, self.session.extract_cache_stats
        return Executed(summary=summary, results=results)


def _executor(settings: AuditSettings, transport: httpx.AsyncBaseTransport | None,
              transport_factory: TransportFactory | None, store_spec: StoreSpec | None) -> Executor:
    if settings.dask is None:
        return LocalExecutor(settings, transport or (transport_factory() if transport_factory else None))
    if store_spec is None:
        raise UsageError("the Dask executor needs the history's location (store_spec) to give to its workers")
    try:
        from oit_checker.engine.dask_executor import DaskExecutor
    except ImportError as exc:
        raise UsageError(f"--executor dask needs Dask's distributed: pip install 'oit-checker[dask]' ({exc})"
                         ) from exc
    return DaskExecutor(settings.dask, store_spec, transport_factory=transport_factory)


def _start(store: HistoryStore, agencies: Sequence[Agency], catalogue: Catalogue, fiscal_year: int,
           settings: AuditSettings, executor: str) -> tuple[int, list[tuple[int, Agency]], str]:
    """A new run, or the run being resumed: (run id, (ordinal, agency) still to check, start time)."""
    placed = list(enumerate(agencies))
    if settings.resume is not None:
        info = store.run_info(settings.resume)
        if info.fiscal_year != fiscal_year or info.criteria_year != catalogue.criteria_year:
            raise HistoryError(f"run {settings.resume} checked FY {info.fiscal_year} against ITA "
                               f"{info.criteria_year}; cannot resume it with FY {fiscal_year} / ITA "
                               f"{catalogue.criteria_year}")
        store.reopen_run(settings.resume)
        done_before = store.agencies_done(settings.resume)
        return settings.resume, [(o, a) for o, a in placed if a.slug not in done_before], info.started_at
    started = now_iso()
    run_id = store.begin_run(RunMeta(started_at=started, tool_version=__version__,
                                     criteria_year=catalogue.criteria_year, catalogue_version=catalogue.version,
                                     catalogue_source=catalogue.source, fiscal_year=fiscal_year,
                                     agencies_total=len(agencies), label=settings.label, executor=executor))
    return run_id, placed, started


async def audit(agencies: Sequence[Agency], catalogue: Catalogue, fiscal_year: int, store: HistoryStore,
                settings: AuditSettings | None = None, *, transport: httpx.AsyncBaseTransport | None = None,
                transport_factory: TransportFactory | None = None, store_spec: StoreSpec | None = None,
                progress: AuditProgress | None = None, on_change: Callable[[], None] | None = None) -> AuditOutcome:
    """Run, store and compare.

    `transport` replaces the network for the local executor (tests, the demo, the benchmark);
    `transport_factory` (picklable, called once per Session) does so for either executor. `store_spec` says
    where `store` is, for the Dask executor's workers.

    Cancelled (Ctrl-C, SIGTERM, a test): agencies already stored stay stored, the run is marked
    incomplete, and the cancellation propagates.
    """
    settings = settings or AuditSettings()
    progress = progress or AuditProgress()
    began = clock.monotonic()
    executor = _executor(settings, transport, transport_factory, store_spec)
    status = RunStatus.INCOMPLETE
    async with executor:
        run_id, todo, started = _start(store, agencies, catalogue, fiscal_year, settings, executor.name)
        progress.total = len(todo)
        plan = RunPlan(run_id=run_id, label=settings.label, todo=tuple(todo), catalogue=catalogue,
                       fiscal_year=fiscal_year, settings=settings.check_settings())
        try:
            executed = await executor.run(plan, store, progress, on_change)
            status = RunStatus.COMPLETE
        finally:
            # Runs on cancellation too: the writes already made stay, the run says it is not whole.
            store.finish_run(run_id, status)

    summary: BatchSummary = executed.summary
    if settings.resume is None and executed.results is not None:
        run = RunResult(criteria_year=catalogue.criteria_year, catalogue_version=catalogue.version,
                        catalogue_source=catalogue.source, fiscal_year=fiscal_year, tool_version=__version__,
                        started_at=started, finished_at=now_iso(),
                        agencies=tuple(executed.results[o] for o, _ in todo), run_id=run_id)
    else:
        run = store.load_run(run_id)  # the history is the only place that holds every agency
    outcome = apply_suppressions(run, settings.suppressions, settings.today, settings.item_ids)
    base = store.previous_run(run_id, settings.label)
    diff = diff_runs(store.load_run(base.id), outcome.run) if base is not None else None
    return AuditOutcome(run=outcome.run, status=status, diff=diff, suppressions=outcome, cache=summary.cache,
                        extract_cache=summary.extract_cache, requests=summary.requests,
                        seconds=clock.monotonic() - began, crashed=tuple(summary.crashed), executor=executor.name)
