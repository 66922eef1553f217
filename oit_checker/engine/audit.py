"""Nightly audits: many agencies in one session, each stored in the history as soon as it is done.

`audit` checks many agencies in one run with one shared client (global and per-host limits from the
fetcher), stores every agency in the history (one transaction per (run, agency)), and compares the run
with the previous one. One agency's crash becomes `error` findings for that agency; the others go on.
A cancelled run stays stored as incomplete and can be resumed.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import overload

import httpx

from oit_checker import __version__
from oit_checker.config.suppress import Suppression, SuppressionOutcome, SuppressionTracker
from oit_checker.engine.diff import DiffBuilder
from oit_checker.engine.history import HistoryError, HistoryStore, RunInfo, RunMeta, RunStatus
from oit_checker.engine.reuse import RunKey, previous_for_reuse
from oit_checker.engine.session import RunOptions, Session
from oit_checker.evaluate.notes import crashed_findings
from oit_checker.extract.cache import ExtractCacheStats
from oit_checker.extract.pool import release_free_memory
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
    # Take the previous run's finding for an item whose documents did not change (engine/reuse.py).
    reuse: bool = True


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
    extractions: int = 0  # documents extracted tonight (not from the extraction cache)
    reused: int = 0  # findings taken from the previous run (engine/reuse.py)
    findings: int = 0  # in the run (the stored agencies')
    gaps: int = 0  # findings neither pass nor suppressed


def _crashed(agency: Agency, catalogue: Catalogue, fiscal_year: int, item_ids: Sequence[str] | None,
             exc: BaseException) -> AgencyResult:
    findings = crashed_findings(agency, catalogue, item_ids, exc)
    now = now_iso()
    return AgencyResult(agency=agency, fiscal_year=fiscal_year, findings=findings, started_at=now,
                        finished_at=now, complete=False)


def _reuse_source(base: RunInfo | None, catalogue: Catalogue, fiscal_year: int, settings: AuditSettings
                  ) -> int | None:
    """The run whose findings may be reused tonight: the previous run of the label (the diff's baseline),
    when it checked the same catalogue and fiscal year with this tool version."""
    if not settings.reuse:
        return None
    now = RunKey(catalogue.criteria_year, catalogue.version, catalogue.source, fiscal_year, __version__)
    return base.id if base is not None and previous_for_reuse(now, _key(base)) else None


def _key(info: RunInfo) -> RunKey:
    return RunKey(info.criteria_year, info.catalogue_version, info.catalogue_source, info.fiscal_year,
                  info.tool_version)


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


def _stored_before(store: HistoryStore, run_id: int, base: RunInfo | None, agencies: Sequence[Agency]
                   ) -> Iterator[tuple[AgencyResult | None, AgencyResult]]:
    """(baseline result, stored result) of each agency the run already holds (a resumed run)."""
    for agency in agencies:
        stored = store.load_agency(run_id, agency.slug)
        if stored is not None:
            yield (store.load_agency(base.id, agency.slug) if base is not None else None), stored


def _since(store: HistoryStore, base: RunInfo | None, diff: DiffBuilder | None, run: RunResult,
           stored: set[str]) -> RunDiff | None:
    """The run compared with its baseline: the agencies' changes gathered as they were stored, and the
    baseline's agencies this run does not have."""
    if diff is None or base is None or run.run_id is None:
        return None
    missing = [a.agency.name for slug in sorted(store.agencies_done(base.id) - stored)
               if (a := store.load_agency(base.id, slug)) is not None]
    return diff.finish(run.run_id, run.started_at, run.fiscal_year, missing)


_TRIM_EVERY = 16  # agencies stored between two returns of freed memory to the system


class StoredAgencies(Sequence[AgencyResult]):
    """A run's agencies as the history holds them, read from the store one at a time when asked for, so a
    report of thousands of agencies is written without holding them all (findings the run took from the
    previous one are marked `reused` again: the mark is not stored)."""

    def __init__(self, store: HistoryStore, run_id: int, slugs: Sequence[str],
                 reused: dict[str, tuple[str, ...]]) -> None:
        self._store = store
        self._run_id = run_id
        self._slugs = list(slugs)
        self._reused = reused

    def __len__(self) -> int:
        return len(self._slugs)

    @overload
    def __getitem__(self, index: int) -> AgencyResult: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[AgencyResult]: ...

    def __getitem__(self, index: int | slice) -> AgencyResult | Sequence[AgencyResult]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self._slugs))[index]]
        slug = self._slugs[index]
        got = self._store.load_agency(self._run_id, slug)
        if got is None:  # pragma: no cover - the run stored every slug listed here
            raise HistoryError(f"run {self._run_id} holds no agency {slug!r}")
        marked = self._reused.get(slug)
        if marked:
            got = dataclasses.replace(got, findings=tuple(dataclasses.replace(f, reused=True) if f.item in marked
                                                          else f for f in got.findings))
        return got

    def __iter__(self) -> Iterator[AgencyResult]:
        for i in range(len(self._slugs)):
            yield self[i]


@dataclass
class _Tally:
    """What the run keeps of each agency once it is stored: counts for the summary and the exit code."""

    findings: int = 0
    gaps: int = 0  # not pass and not suppressed
    reused: int = 0
    by_slug_reused: dict[str, tuple[str, ...]] = field(default_factory=dict)  # the item ids (shared strings)

    def add(self, result: AgencyResult) -> None:
        self.findings += len(result.findings)
        self.gaps += sum(1 for f in result.findings if f.status is not Status.PASS and not f.suppressed)
        mine = tuple(f.item for f in result.findings if f.reused)
        if mine:
            self.reused += len(mine)
            self.by_slug_reused[result.agency.slug] = mine


async def audit(agencies: Sequence[Agency], catalogue: Catalogue, fiscal_year: int, store: HistoryStore,
                settings: AuditSettings | None = None, *, transport: httpx.AsyncBaseTransport | None = None,
                progress: AuditProgress | None = None, on_change: Callable[[], None] | None = None) -> AuditOutcome:
    """Run, store and compare. `transport` replaces the network (tests, the demo, the benchmark).

    Each agency is compared with the previous run and stored as soon as it is checked; what the run keeps
    in memory does not grow with its findings: the reports read the agencies back from the history
    (`StoredAgencies`).

    Cancelled (Ctrl-C, SIGTERM, a test): agencies already stored stay stored, the run is marked
    incomplete, and the cancellation propagates.
    """
    settings = settings or AuditSettings()
    progress = progress or AuditProgress()
    began = clock.monotonic()
    run_id, todo, started = _start(store, agencies, catalogue, fiscal_year, settings)
    options = settings.options.for_agencies(len(todo))
    base = store.previous_run(run_id, settings.label)  # the baseline of "since the last run"
    reuse_from = _reuse_source(base, catalogue, fiscal_year, settings)
    progress.total = len(todo)
    tally = _Tally()
    diff = DiffBuilder(base.id, base.started_at, base.fiscal_year) if base is not None else None
    marks = SuppressionTracker(settings.suppressions, settings.today, settings.item_ids)

    def fetched(kind: str, url: str) -> None:
        if kind != "fetched":  # "item" (an item read) and "rendered" (a page drawn) are no new URL
            return
        progress.urls += 1
        if on_change:
            on_change()

    def done(before: AgencyResult | None, result: AgencyResult) -> None:
        tally.add(result)
        progress.errors += sum(1 for f in result.findings if f.status is Status.ERROR)
        if diff is not None:
            diff.add(before, result)

    if settings.resume is not None:  # what the interrupted attempt stored counts as tonight's too
        checking = {a.slug for a in todo}
        for before, stored in _stored_before(store, run_id, base, [a for a in agencies if a.slug not in checking]):
            marks.apply(stored)  # already marked; this only counts which suppressions are in use
            done(before, stored)

    status = RunStatus.INCOMPLETE
    crashed: list[str] = []
    # Without the extraction cache every document is extracted: the workers may start at once.
    session = Session(options, transport=transport, cache_dir=settings.cache_dir, on_progress=fetched,
                      start_workers=settings.cache_dir is None)
    try:
        async with session:
            gate = asyncio.Semaphore(options.agencies_at_once)

            async def one(agency: Agency) -> None:
                async with gate:
                    fy = (fiscal_year if settings.force_fiscal_year or agency.fiscal_year is None
                          else agency.fiscal_year)
                    before = store.load_agency(base.id, agency.slug) if base is not None else None
                    try:
                        result = await session.checker.check(agency, catalogue, fy, settings.item_ids,
                                                             previous=before if reuse_from is not None else None)
                    except Exception as exc:
                        crashed.append(agency.name)
                        result = _crashed(agency, catalogue, fy, settings.item_ids, exc)
                result = marks.apply(dataclasses.replace(result, trails={}))  # the documents go now
                store.record_agency(run_id, result)
                done(before, result)
                del before, result
                progress.done += 1
                if progress.done % _TRIM_EVERY == 0:
                    release_free_memory()  # what the agencies just stored held goes back to the system
                if on_change:
                    on_change()

            tasks = [asyncio.ensure_future(one(a)) for a in todo]
            try:
                await asyncio.gather(*tasks)
            except BaseException:
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
                raise
        status = RunStatus.COMPLETE
    finally:
        # Runs on cancellation too: the writes already made stay, the run says it is not whole.
        store.finish_run(run_id, status)

    stored_slugs = store.agencies_done(run_id)
    run = RunResult(criteria_year=catalogue.criteria_year, catalogue_version=catalogue.version,
                    catalogue_source=catalogue.source, fiscal_year=fiscal_year, tool_version=__version__,
                    started_at=started, finished_at=store.run_info(run_id).finished_at or now_iso(),
                    agencies=StoredAgencies(store, run_id, [a.slug for a in agencies if a.slug in stored_slugs],
                                            tally.by_slug_reused), run_id=run_id)
    outcome = marks.outcome(run)
    since = _since(store, base, diff, run, stored_slugs)
    return AuditOutcome(run=outcome.run, status=status, diff=since, suppressions=outcome, cache=session.cache_stats,
                        extract_cache=session.extract_cache_stats, requests=session.requests_made,
                        seconds=clock.monotonic() - began, crashed=tuple(crashed),
                        extractions=session.extractions, reused=tally.reused, findings=tally.findings,
                        gaps=tally.gaps)
