"""Check agencies and store each one as soon as it is done: the unit of work of both audit executors.

The local executor runs every agency of a run through `check_and_store` in one `Session`; the Dask executor
runs each batch (agencies grouped by host) through the very same function on a worker, in that worker's own
`Session`. Same code, same per-agency result, whichever executor ran it.

Everything here that crosses to a worker is a frozen, picklable dataclass: settings, the agencies with their
place (`ordinal`) in the run, the catalogue; never a connection, a client or a pool.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeVar

from oit_checker.config.suppress import Suppression, SuppressionTracker, SuppressionUse
from oit_checker.engine.history import AgencyStore
from oit_checker.engine.readback import ReportSection, StoredPiece, make_piece
from oit_checker.engine.session import RunOptions, Session
from oit_checker.evaluate.notes import crashed_findings
from oit_checker.extract.cache import ExtractCacheStats
from oit_checker.extract.pool import WorkerCpu, release_free_memory
from oit_checker.fetch.httpcache import CacheStats
from oit_checker.model import Agency, AgencyResult, Catalogue, Status
from oit_checker.text.clock import now_iso

Placed = tuple[int, Agency]  # (ordinal: the agency's index in the run's agency list, agency)
_TRIM_EVERY = 16  # agencies stored between two returns of freed memory to the system


@dataclass(frozen=True)
class CheckSettings:
    """How each agency is checked and stored (the part of the audit settings a worker needs)."""

    options: RunOptions = field(default_factory=RunOptions)
    item_ids: tuple[str, ...] | None = None
    force_fiscal_year: bool = False
    cache_dir: Path | None = None  # None: no HTTP or extraction cache
    suppressions: tuple[Suppression, ...] = ()
    today: date | None = None  # for suppression expiry; None: suppressions are not applied
    # The run whose findings may be taken over for items whose documents did not change (engine/reuse.py);
    # the driver sets it when that run checked the same catalogue and fiscal year with this tool version.
    reuse_from: int | None = None
    # The run the night is compared with (the previous run of its label): each agency's changes since then
    # are made where it is stored (engine/readback.py).
    diff_base: int | None = None
    # The agency's section of the JSON report, rendered where it is stored when a JSON report is written
    # (report/json_out.py `agency_section`: a module-level function, so it travels to a lane or a worker).
    report_section: ReportSection | None = None

    def fiscal_year_of(self, agency: Agency, fiscal_year: int) -> int:
        return fiscal_year if self.force_fiscal_year or agency.fiscal_year is None else agency.fiscal_year


@dataclass(frozen=True)
class DaskSettings:
    """`audit --executor dask`: where the cluster is and how the work is cut."""

    scheduler: str | None = None  # tcp://HOST:8786; None: a LocalCluster on this machine
    workers: int | None = None  # LocalCluster worker processes (None: one per CPU)
    batch: int = 25  # agencies per task (agencies sharing a host are never split)


@dataclass(frozen=True)
class RunPlan:
    """What an executor is asked to do: check `todo` for run `run_id` and store every agency of it."""

    run_id: int
    label: str
    todo: tuple[Placed, ...]
    catalogue: Catalogue
    fiscal_year: int
    settings: CheckSettings


@dataclass
class AuditProgress:
    """Counters the progress display (and the final summary) reads."""

    total: int = 0
    done: int = 0
    urls: int = 0
    errors: int = 0  # agencies that crashed + findings that could not be checked
    run_id: int | None = None  # once the run is begun (or reopened): what an interrupted run is resumed by


@dataclass
class BatchSummary:
    """What a batch did, in numbers (results themselves go to the history, never back to the driver)."""

    checked: int = 0
    skipped: int = 0  # already stored: a batch run again after its worker died, or a resumed run
    urls: int = 0
    errors: int = 0  # findings that could not be checked (`error`)
    crashed: list[str] = field(default_factory=list)  # names of agencies whose check raised
    requests: int = 0
    extractions: int = 0  # documents extracted (the extraction cache's hits not counted)
    reused: dict[str, tuple[str, ...]] = field(default_factory=dict)  # slug → items taken from `reuse_from`
    cache: CacheStats | None = None
    extract_cache: ExtractCacheStats | None = None
    worker_cpu: WorkerCpu = field(default_factory=WorkerCpu)  # the extraction workers' (engine/pool.py)
    worker: str = ""
    lanes_lost: list[str] = field(default_factory=list)  # helper lanes that ended early (their agencies redone)

    def add(self, other: BatchSummary) -> None:
        self.checked += other.checked
        self.skipped += other.skipped
        self.urls += other.urls
        self.errors += other.errors
        self.crashed += other.crashed
        self.lanes_lost += other.lanes_lost
        self.requests += other.requests
        self.extractions += other.extractions
        self.reused.update(other.reused)
        self.cache = _sum_stats(self.cache, other.cache)
        self.extract_cache = _sum_stats(self.extract_cache, other.extract_cache)
        self.worker_cpu = self.worker_cpu.plus(other.worker_cpu)


S = TypeVar("S", CacheStats, ExtractCacheStats)


def _sum_stats(a: S | None, b: S | None) -> S | None:
    if a is None or b is None:
        return a or b
    total = dataclasses.replace(a)
    for f in dataclasses.fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        combine = f.metadata.get("combine")  # counts add up; a setting the processes share does not
        setattr(total, f.name, combine(x, y) if combine else x + y if isinstance(x, int) else (x or y))
    return total


@dataclass
class Executed:
    """What an executor reports when every agency of the plan is stored (the agencies themselves are in the
    history: the reports read them back one at a time, see engine/readback.py `StoredAgencies`)."""

    summary: BatchSummary


def crashed_result(agency: Agency, catalogue: Catalogue, fiscal_year: int, item_ids: Sequence[str] | None,
                   exc: BaseException) -> AgencyResult:
    """Every item of the agency `error` (reason `check_crashed`): a bug of ours, or a worker that kept dying."""
    findings = crashed_findings(agency, catalogue, item_ids, exc)
    now = now_iso()
    return AgencyResult(agency=agency, fiscal_year=fiscal_year, findings=findings, started_at=now,
                        finished_at=now, complete=False)


def finish_result(result: AgencyResult, settings: CheckSettings) -> AgencyResult:
    """What is stored: the result with accepted gaps marked."""
    return marked(result, settings)[0]


def marked(result: AgencyResult, settings: CheckSettings) -> tuple[AgencyResult, SuppressionUse]:
    """`finish_result`, with the suppressions that marked it."""
    if settings.today is None or not settings.suppressions:
        return result, SuppressionUse()
    tracker = SuppressionTracker(settings.suppressions, settings.today)
    return tracker.apply(result), tracker.use()


def _piece(store: AgencyStore, settings: CheckSettings, kept: AgencyResult, previous: AgencyResult | None,
           use: SuppressionUse) -> StoredPiece | None:
    """The read-back's piece of an agency just stored, made from what was stored (sanitised, as the history
    gives it back) against what the history holds of the base run: exactly what reading the run back gives.
    None when it cannot be made: a shortcut only, the read-back then takes the agency from the history (and a
    bug in rendering its report section shows when the report is written, as before)."""
    base = settings.diff_base
    try:
        before = (previous if base is not None and base == settings.reuse_from
                  else store.load_agency(base, kept.agency.slug) if base is not None else None)
        return make_piece(kept, before, base, use, settings.report_section)
    except Exception:
        return None


async def check_and_store(session: Session, store: AgencyStore, run_id: int, agencies: Sequence[Placed],
                          catalogue: Catalogue, fiscal_year: int, settings: CheckSettings, *,
                          on_stored: Callable[[int, AgencyResult], None] | None = None,
                          on_piece: Callable[[str, StoredPiece | None], None] | None = None) -> BatchSummary:
    """Check `agencies` (at most `agencies_at_once` at a time) and record each in `store` as soon as it is done.

    One agency's crash becomes `error` findings for it; the others go on. Cancelled: the agencies already
    stored stay stored, the rest are cancelled, the cancellation propagates. With `settings.reuse_from`, each
    agency's result in that run is read back and its unchanged findings are taken over (engine/reuse.py).
    Nothing of an agency is kept once it is stored: memory does not grow with the number of agencies.
    With `on_piece`, each stored agency's `StoredPiece` (engine/readback.py) goes there, with its slug (None
    when it could not be made: the read-back then reads that agency from the history).
    """
    queue = [[placed] for placed in agencies]
    queue.reverse()

    async def take() -> Sequence[Placed] | None:
        return queue.pop() if queue else None

    return await check_and_store_from(session, store, run_id, take, catalogue, fiscal_year, settings,
                                      on_stored=on_stored, on_piece=on_piece)


async def check_and_store_from(session: Session, store: AgencyStore, run_id: int,
                               take: Callable[[], Awaitable[Sequence[Placed] | None]], catalogue: Catalogue,
                               fiscal_year: int, settings: CheckSettings, *,
                               on_stored: Callable[[int, AgencyResult], None] | None = None,
                               on_piece: Callable[[str, StoredPiece | None], None] | None = None) -> BatchSummary:
    """`check_and_store` for agencies handed out while the run goes (engine/lanes.py: several processes share
    one night's agencies): `agencies_at_once` slots check the agencies of the units `take` gives (agencies
    sharing a host come as one unit, all to this process, whose fetcher keeps the per-host limit), asking for
    the next unit when none is left, until it says None."""
    summary = BatchSummary()
    ready: deque[Placed] = deque()  # agencies of the units taken, not started yet
    asking = asyncio.Lock()  # one slot at a time waits for a unit; the others take its agencies as they come

    async def next_agency() -> Placed | None:
        while not ready:
            async with asking:
                if ready:
                    break  # a unit came while this slot waited for its turn
                unit = await take()
                if unit is None:
                    return None
                ready.extend(unit)
        return ready.popleft()

    async def one(ordinal: int, agency: Agency) -> None:
        fy = settings.fiscal_year_of(agency, fiscal_year)
        previous = (store.load_agency(settings.reuse_from, agency.slug) if settings.reuse_from is not None
                    else None)
        try:
            result = await session.checker.check(agency, catalogue, fy, settings.item_ids, previous=previous)
        except Exception as exc:
            summary.crashed.append(agency.name)
            result = crashed_result(agency, catalogue, fy, settings.item_ids, exc)
        result, use = marked(dataclasses.replace(result, trails={}), settings)  # the documents go now
        kept = store.record_agency(run_id, result, ordinal=ordinal)
        summary.checked += 1
        summary.errors += sum(1 for f in result.findings if f.status is Status.ERROR)
        reused = tuple(f.item for f in result.findings if f.reused)
        if reused:
            summary.reused[agency.slug] = reused
        if on_stored is not None:
            on_stored(ordinal, result)
        if on_piece is not None:
            on_piece(agency.slug, _piece(store, settings, kept, previous, use))
        del previous
        if summary.checked % _TRIM_EVERY == 0:
            release_free_memory()  # what the agencies just stored held goes back to the system

    async def slot() -> None:
        while (placed := await next_agency()) is not None:
            await one(*placed)

    tasks = [asyncio.ensure_future(slot()) for _ in range(max(1, session.options.agencies_at_once))]
    try:
        await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    return summary
