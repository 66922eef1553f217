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

import asyncio
import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Protocol

import httpx

from oit_checker import __version__
from oit_checker.config.suppress import Suppression, SuppressionOutcome, SuppressionTracker
from oit_checker.engine.batch import (
    AuditProgress,
    BatchSummary,
    CheckSettings,
    DaskSettings,
    Executed,
    Placed,
    RunPlan,
    check_and_store,
    check_and_store_from,
    crashed_result,
)
from oit_checker.engine.history import (
    DEFAULT_LABEL,
    HistoryError,
    HistoryStore,
    RunInfo,
    RunMeta,
    RunStatus,
    StoreSpec,
)
from oit_checker.engine.lanes import (
    Helper,
    LaneJob,
    Units,
    lane_options,
    lanes_for,
    serve_helper,
    start_helper,
    stop_helper,
)
from oit_checker.engine.partition import SHARED_ABOVE, group_by_host
from oit_checker.engine.readback import PieceSpool, ReportSection, StoredAgencies, StoredPiece
from oit_checker.engine.readback import read_back as read_run_back
from oit_checker.engine.reuse import RunKey, previous_for_reuse, read_reading, run_version, stored_reading
from oit_checker.engine.session import RunOptions, Session
from oit_checker.errors import UsageError
from oit_checker.extract.cache import ExtractCacheStats
from oit_checker.extract.pool import WorkerCpu
from oit_checker.fetch.httpcache import CacheStats
from oit_checker.model import Agency, AgencyResult, Catalogue, RunResult, Status
from oit_checker.model.diff import RunDiff
from oit_checker.text import clock, i18n
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
    # The run's series ("since last run" compares within it). None: "default" for a new run, the run's own label
    # when resuming; a label that is not the resumed run's own is refused.
    label: str | None = None
    resume: int | None = None  # continue this (incomplete) run instead of starting one
    dask: DaskSettings | None = None  # None: the local executor
    # Take the previous run's finding for an item whose documents did not change (engine/reuse.py).
    reuse: bool = True
    # Render each agency's JSON report section where it is stored (engine/readback.py); set when a JSON
    # report is written.
    report_section: ReportSection | None = None

    def check_settings(self, reuse_from: int | None = None, diff_base: int | None = None) -> CheckSettings:
        return CheckSettings(options=self.options, item_ids=tuple(self.item_ids) if self.item_ids else None,
                             force_fiscal_year=self.force_fiscal_year, cache_dir=self.cache_dir,
                             suppressions=tuple(self.suppressions), today=self.today, reuse_from=reuse_from,
                             diff_base=diff_base, report_section=self.report_section)


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
    extractions: int = 0  # documents extracted tonight (not from the extraction cache)
    worker_cpu: WorkerCpu = field(default_factory=WorkerCpu)  # the extraction workers' CPU time
    reused: int = 0  # findings taken from the previous run (engine/reuse.py)
    findings: int = 0  # in the run
    gaps: int = 0  # findings neither pass nor suppressed
    lanes: int = 1  # processes that shared the agencies (engine/lanes.py)
    lanes_lost: tuple[str, ...] = ()  # helper lanes that ended early: why (their agencies were checked here)
    label: str = DEFAULT_LABEL  # the run's label (a resumed run's own)


class Executor(Protocol):
    name: str

    async def __aenter__(self) -> Executor: ...

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None: ...

    async def run(self, plan: RunPlan, store: HistoryStore, progress: AuditProgress,
                  on_change: Callable[[], None] | None = None, spool: PieceSpool | None = None) -> Executed: ...


class LocalExecutor:
    """Every agency on this machine, each stored as soon as it is done and not kept (the reports read the
    history back, one agency at a time): in this process, in one Session, or on a warm night in several
    processes sharing this one's extraction pool (`lanes_for`, engine/lanes.py)."""

    name = "local"

    def __init__(self, transport: httpx.AsyncBaseTransport | None = None, agencies: int = 0, *,
                 transport_factory: TransportFactory | None = None,
                 store_spec: StoreSpec | None = None) -> None:
        # An explicit transport object is this process's alone: helper lanes could only reach the factory's.
        self._lanes_possible = store_spec is not None and transport is None
        self._transport = transport or (transport_factory() if transport_factory else None)
        self._factory = transport_factory
        self._spec = store_spec
        self._agencies = agencies
        self._progress: AuditProgress | None = None
        self._on_change: Callable[[], None] | None = None
        self.session: Session | None = None
        self.lanes = 1

    def _fetched(self, kind: str, url: str) -> None:
        if kind != "fetched":  # "item" (an item read) and "rendered" (a page drawn) are no new URL
            return
        if self._progress is not None:
            self._progress.urls += 1
            if self._on_change:
                self._on_change()

    async def __aenter__(self) -> LocalExecutor:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        return None

    async def run(self, plan: RunPlan, store: HistoryStore, progress: AuditProgress,
                  on_change: Callable[[], None] | None = None, spool: PieceSpool | None = None) -> Executed:
        """Every stored agency's piece goes to `spool` (engine/readback.py), whichever lane stored it."""
        self._progress, self._on_change = progress, on_change
        on_piece = spool.keep if spool is not None else None
        options = plan.settings.options
        warm = plan.settings.reuse_from is not None and plan.settings.cache_dir is not None
        lanes = lanes_for(options, len(plan.todo), warm=warm, possible=self._lanes_possible)
        units: list[list[Placed]] = []
        if lanes > 1:
            # Agencies reaching a common host (as the previous run saw them) are one unit, checked by one lane.
            previous = store.previous_run(plan.run_id, plan.label)
            reached = store.urls_reached(previous.id) if previous is not None else {}
            # A host more than SHARED_ABOVE agencies reach (a national system) joins nobody, as in the Dask
            # executor: it would glue most of the night into one unit. Such hosts, like the big platforms, may
            # be fetched from several lanes at once, each within --per-host.
            units = group_by_host(plan.todo, reached, shared_above=SHARED_ABOVE)
            del reached  # every URL of every agency last night: not kept through the night
            lanes = min(lanes, len(units))  # no two lanes share a unit: more lanes would get nothing
        self.lanes = lanes
        options = lane_options(options, self.lanes).for_agencies(self._agencies)
        settings = dataclasses.replace(plan.settings, options=options)

        def stored(ordinal: int, result: AgencyResult) -> None:
            progress.done += 1
            progress.errors += sum(1 for f in result.findings if f.status is Status.ERROR)
            if on_change:
                on_change()

        # Without the extraction cache every document is extracted: the workers may start at once.
        self.session = session = Session(options, transport=self._transport, cache_dir=settings.cache_dir,
                                         on_progress=self._fetched, start_workers=settings.cache_dir is None)
        async with session:
            if self.lanes == 1:
                summary = await check_and_store(session, store, plan.run_id, plan.todo, plan.catalogue,
                                                plan.fiscal_year, settings, on_stored=stored, on_piece=on_piece)
                helpers = BatchSummary()
            else:
                summary, helpers = await self._in_lanes(plan, settings, units, store, progress, stored, on_piece)
            summary.requests, summary.extractions = session.requests_made, session.extractions
            summary.worker_cpu = session.worker_cpu
            summary.cache, summary.extract_cache = session.cache_stats, session.extract_cache_stats
        summary.add(helpers)
        return Executed(summary=summary)

    async def _in_lanes(self, plan: RunPlan, settings: CheckSettings, units_of: list[list[Placed]],
                        store: HistoryStore, progress: AuditProgress, stored: Callable[[int, AgencyResult], None],
                        on_piece: Callable[[str, StoredPiece | None], None] | None
                        ) -> tuple[BatchSummary, BatchSummary]:
        """This process is one lane; `self.lanes - 1` helpers are the others (engine/lanes.py). Afterwards,
        any agency of the plan not stored (which no lane should leave) is checked here."""
        assert self.session is not None and self._spec is not None
        units = Units(units_of)
        job = LaneJob(store=self._spec, run_id=plan.run_id, catalogue=plan.catalogue, fiscal_year=plan.fiscal_year,
                      settings=settings, transport_factory=self._factory)
        helpers: list[Helper] = []
        theirs = BatchSummary()

        def helper_stored(slug: str, errors: int, reused: tuple[str, ...], urls: int,
                          piece: StoredPiece | None) -> None:
            if on_piece is not None:
                on_piece(slug, piece)
            progress.done += 1
            progress.errors += errors
            progress.urls += urls
            if reused:
                theirs.reused[slug] = reused
            if self._on_change:
                self._on_change()

        async def serve(helper: Helper) -> None:
            try:
                assert self.session is not None
                await serve_helper(helper, self.session.pool, units, store, plan.run_id, helper_stored)
            finally:
                units.helpers_running -= 1
                units.notify()

        serving: list[asyncio.Future[None]] = []
        try:
            for _ in range(self.lanes - 1):
                helpers.append(start_helper(job))
                units.helpers_running += 1
                serving.append(asyncio.ensure_future(serve(helpers[-1])))
            mine = await check_and_store_from(self.session, store, plan.run_id, units.take, plan.catalogue,
                                              plan.fiscal_year, settings, on_stored=stored, on_piece=on_piece)
            await asyncio.gather(*serving)
            done = store.agencies_done(plan.run_id, [a.slug for _, a in plan.todo])
            left = [p for p in plan.todo if p[1].slug not in done]
            if left:  # a safety net: every agency of the night ends stored, whatever a lane did
                mine.add(await check_and_store(self.session, store, plan.run_id, left, plan.catalogue,
                                               plan.fiscal_year, settings, on_stored=stored, on_piece=on_piece))
        except BaseException:
            for helper in helpers:
                stop_helper(helper)
            for task in serving:
                task.cancel()
            await asyncio.gather(*serving, return_exceptions=True)
            raise
        for helper in helpers:
            if helper.summary is not None:
                theirs.add(helper.summary)
            if helper.failure is not None:
                theirs.lanes_lost.append(helper.failure)
        progress.done = len(plan.todo)  # also agencies a lost lane stored without having said so
        return mine, theirs


def _executor(settings: AuditSettings, transport: httpx.AsyncBaseTransport | None,
              transport_factory: TransportFactory | None, store_spec: StoreSpec | None, agencies: int) -> Executor:
    if settings.dask is None:
        return LocalExecutor(transport, agencies, transport_factory=transport_factory, store_spec=store_spec)
    if store_spec is None:
        raise UsageError("the Dask executor needs the history's location (store_spec) to give to its workers")
    try:
        from oit_checker.engine.dask_executor import DaskExecutor
    except ImportError as exc:
        raise UsageError(f"--executor dask needs Dask's distributed: pip install 'oit-checker[dask]' ({exc})"
                         ) from exc
    return DaskExecutor(settings.dask, store_spec, transport_factory=transport_factory)


def _start(store: HistoryStore, agencies: Sequence[Agency], catalogue: Catalogue, fiscal_year: int,
           settings: AuditSettings, executor: str) -> tuple[int, str, list[tuple[int, Agency]], str]:
    """A new run, or the run being resumed: (run id, its label, (ordinal, agency) still to check, start time)."""
    placed = list(enumerate(agencies))
    if settings.resume is not None:
        info = store.run_info(settings.resume)
        if info.status is RunStatus.COMPLETE:
            raise HistoryError(i18n.text("history.resume_complete", run=info.id))
        if settings.label is not None and settings.label != info.label:
            # Resumed under another label, it would be compared with that label's runs: its regressions unseen.
            raise HistoryError(i18n.text("history.resume_label", run=info.id, label=repr(info.label),
                                         given=repr(settings.label)))
        if info.fiscal_year != fiscal_year or info.criteria_year != catalogue.criteria_year:
            raise HistoryError(i18n.text("history.resume_year", run=info.id, fy=info.fiscal_year,
                                         criteria=info.criteria_year, fy_now=fiscal_year,
                                         criteria_now=catalogue.criteria_year))
        done_before = store.agencies_done(settings.resume)
        given = {a.slug for a in agencies}
        if len(given) != info.agencies_total or not done_before <= given:
            # Other manifests than the run's: it would end "complete" without some of its agencies (or with
            # others), and be the next night's baseline as if whole.
            raise HistoryError(i18n.text("history.resume_manifests", run=info.id, total=info.agencies_total,
                                         given=len(given), stored=len(done_before),
                                         missing=", ".join(sorted(done_before - given)[:5]) or "—"))
        store.reopen_run(settings.resume)
        return (settings.resume, info.label, [(o, a) for o, a in placed if a.slug not in done_before],
                info.started_at)
    started = now_iso()
    label = settings.label if settings.label is not None else DEFAULT_LABEL
    run_id = store.begin_run(RunMeta(started_at=started, tool_version=run_version(__version__),
                                     criteria_year=catalogue.criteria_year, catalogue_version=catalogue.version,
                                     catalogue_source=catalogue.source, fiscal_year=fiscal_year,
                                     agencies_total=len(agencies), label=label, executor=executor,
                                     reading=stored_reading(settings.options.reading_key(),
                                                            settings.options.as_of)))
    return run_id, label, placed, started


def _reuse_source(base: RunInfo | None, catalogue: Catalogue, fiscal_year: int, settings: AuditSettings
                  ) -> int | None:
    """The run whose findings may be reused tonight: the previous run of the label (the diff's baseline),
    when it checked the same catalogue and fiscal year with this tool version and the same reading settings, on a
    day of the check no later than tonight's."""
    if not settings.reuse or base is None:
        return None
    now = RunKey(catalogue.criteria_year, catalogue.version, catalogue.source, fiscal_year, run_version(__version__),
                 settings.options.reading_key(), settings.options.as_of)
    before = RunKey(base.criteria_year, base.catalogue_version, base.catalogue_source, base.fiscal_year,
                    base.tool_version, *read_reading(base.reading))
    return base.id if previous_for_reuse(now, before) else None


async def audit(agencies: Sequence[Agency], catalogue: Catalogue, fiscal_year: int, store: HistoryStore,
                settings: AuditSettings | None = None, *, transport: httpx.AsyncBaseTransport | None = None,
                transport_factory: TransportFactory | None = None, store_spec: StoreSpec | None = None,
                progress: AuditProgress | None = None, on_change: Callable[[], None] | None = None,
                read_back: bool = False) -> AuditOutcome:
    """Run, store and compare.

    `transport` replaces the network for the local executor (tests, the demo, the benchmark);
    `transport_factory` (picklable, called once per Session) does so for either executor. `store_spec` says
    where `store` is, for the Dask executor's workers.

    Every agency is stored as soon as it is checked and not kept: the comparison with the previous run reads
    the run back from the history one agency at a time (engine/readback.py). With `read_back`, so does the
    outcome's run (`StoredAgencies`: its agencies are read from `store` when iterated, so keep the store open
    until the reports are written): the memory a run needs then does not grow with its number of agencies (the CLI
    does this). Without, the outcome holds every agency, read back once.

    Cancelled (Ctrl-C, SIGTERM, a test): agencies already stored stay stored, the run is marked
    incomplete, and the cancellation propagates.
    """
    settings = settings or AuditSettings()
    progress = progress or AuditProgress()
    began = clock.monotonic()
    executor = _executor(settings, transport, transport_factory, store_spec, len(agencies))
    status = RunStatus.INCOMPLETE
    async with executor:
        run_id, label, todo, started = _start(store, agencies, catalogue, fiscal_year, settings, executor.name)
        base = store.previous_run(run_id, label)  # the baseline of "since the last run"
        progress.total, progress.run_id = len(todo), run_id
        plan = RunPlan(run_id=run_id, label=label, todo=tuple(todo), catalogue=catalogue,
                       fiscal_year=fiscal_year,
                       settings=settings.check_settings(_reuse_source(base, catalogue, fiscal_year, settings),
                                                        base.id if base is not None else None))
        spool = PieceSpool(settings.cache_dir)
        try:
            executed = await executor.run(plan, store, progress, on_change, spool)
            status = RunStatus.COMPLETE
        except BaseException:
            spool.close()
            raise
        finally:
            # Runs on cancellation too: the writes already made stay, the run says it is not whole.
            store.finish_run(run_id, status)

    summary: BatchSummary = executed.summary
    stored = store.agencies_done(run_id)
    run = RunResult(criteria_year=catalogue.criteria_year, catalogue_version=catalogue.version,
                    catalogue_source=catalogue.source, fiscal_year=fiscal_year, tool_version=run_version(__version__),
                    started_at=started, finished_at=store.run_info(run_id).finished_at or now_iso(),
                    agencies=StoredAgencies(store, run_id, [a.slug for a in agencies if a.slug in stored],
                                            summary.reused, spool), run_id=run_id,
                    catalogue_overrides=tuple(o.path for o in catalogue.overrides))
    tracker = SuppressionTracker(settings.suppressions, settings.today, settings.item_ids)
    diff, outcome, tally = read_run_back(store, run, base, tracker, spool)
    if not read_back:
        outcome = dataclasses.replace(outcome, run=dataclasses.replace(run, agencies=tuple(run.agencies)))
        spool.close()
    return AuditOutcome(run=outcome.run, status=status, diff=diff, suppressions=outcome, cache=summary.cache,
                        extract_cache=summary.extract_cache, requests=summary.requests,
                        seconds=clock.monotonic() - began, crashed=tuple(summary.crashed), executor=executor.name,
                        extractions=summary.extractions, reused=sum(len(v) for v in summary.reused.values()),
                        findings=tally.findings, gaps=tally.gaps, lanes=getattr(executor, "lanes", 1),
                        lanes_lost=tuple(summary.lanes_lost), worker_cpu=summary.worker_cpu, label=label)
