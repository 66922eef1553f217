"""`audit --executor dask`: agencies checked on a Dask cluster, each worker writing straight to the history.

The driver (the `audit` process) plans and watches; it never sees an agency's result until the run is over:

- batches: agencies grouped so that every agency reaching a given host is in the same batch
  (`partition.batches_by_host`, using the hosts the previous run reached), about `batch` agencies each;
- one task per batch (`run_batch`). On the worker it is an ordinary synchronous task that runs its own event
  loop (`asyncio.run`) in the worker's task thread — so an agency's parsing never stalls the worker's own
  event loop and heartbeats — with its own `Session` (HTTP client, caches) and the worker process's extraction
  pool. It first asks the history which of its agencies are stored already and skips them; it writes each
  agency when done (`check_and_store`, the same code the local executor runs) and returns only counts;
- progress: the number of agencies the history holds for the run, polled;
- a worker that dies mid-batch (killed, out of memory, a crash in a C library): the scheduler runs the batch
  again elsewhere, and the re-run skips what the dead worker had stored. A batch present at more worker deaths
  than the scheduler allows (`distributed.scheduler.allowed-failures`, 3) fails with `KilledWorker`: its
  unstored agencies are then sent again one per task, so one poison document cannot take its neighbours down,
  and an agency that still kills its worker is stored with `error` findings (`check_crashed`) — counted, not lost;
- at the end the driver checks that every agency of the run is stored, then reads the run back from the
  history for the reports.

Workers need `distributed.worker.daemon: False` (a daemonic process cannot start the extraction pool's
processes): `DASK_DISTRIBUTED__WORKER__DAEMON=False dask worker …`. The task says so if it is missing.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import logging
import multiprocessing
import os
import socket
import threading
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, replace
from types import TracebackType
from typing import Any

import dask
import httpx
from distributed import Client, Future, KilledWorker, LocalCluster, WorkerPlugin, as_completed
from distributed.core import Status

from oit_checker import __version__
from oit_checker.engine.batch import (
    AuditProgress,
    BatchSummary,
    CheckSettings,
    DaskSettings,
    Executed,
    Placed,
    RunPlan,
    check_and_store,
    crashed_result,
    finish_result,
)
from oit_checker.engine.history import AgencyStore, HistoryStore, StoreSpec
from oit_checker.engine.partition import batches_by_host
from oit_checker.engine.readback import PieceSpool
from oit_checker.engine.session import RunOptions, Session
from oit_checker.errors import ConfigError, HistoryError
from oit_checker.extract.pool import THROUGHPUT_DEPTH, ExtractPool, default_total_memory
from oit_checker.model import Catalogue
from oit_checker.text.i18n import language, text

PLUGIN_NAME = "oit-checker"
POLL_S = 1.0
CONNECT_TIMEOUT = "60s"
# Set for a LocalCluster here, and to be set on a real cluster's workers and scheduler (docs/scale-out.md).
CLUSTER_CONFIG: dict[str, Any] = {
    "distributed.worker.daemon": False,
    "distributed.scheduler.allowed-failures": 3,
    # A worker holds only the tasks it runs (one per thread), so its death is blamed on those alone.
    "distributed.scheduler.worker-saturation": 1.0,
}
# For a LocalCluster only: nobody looks at its dashboard, so the workers need not sample their own stacks.
LOCAL_CLUSTER_CONFIG: dict[str, Any] = {**CLUSTER_CONFIG, "distributed.worker.profile.enabled": False}

TransportFactory = Callable[[], httpx.AsyncBaseTransport]


# ---------------------------------------------------------------- the worker side


@dataclass(frozen=True)
class BatchJob:
    """One task: everything a worker needs, by value (picklable)."""

    store: StoreSpec
    run_id: int
    agencies: tuple[Placed, ...]
    catalogue: Catalogue
    fiscal_year: int
    settings: CheckSettings
    tool_version: str = __version__
    transport_factory: TransportFactory | None = None  # None: the network
    # The extraction memory cap is the WORKER machine's (half its memory by default), shared by this many
    # workers on it; 0: keep the driver's setting as it is.
    memory_share: int = 1
    lang: str = "en"  # the driver's: the worker's own messages (a version or set-up problem) are said in it


_PoolKey = tuple[int, int | None, float, int | None, int | None, int | None]
_pools: dict[_PoolKey, ExtractPool] = {}  # this worker process's extraction pools, one per task thread
_pools_lock = threading.Lock()


def worker_pool(options: RunOptions) -> ExtractPool:
    """The extraction pool of this process for the calling task thread (an ExtractPool serves one event loop at
    a time; workers normally have one thread), started on first use and kept for the worker's later tasks. A
    task is a batch of agencies: its workers hold `THROUGHPUT_DEPTH` tasks each unless the options say."""
    if options.extract_depth is None:
        options = replace(options, extract_depth=THROUGHPUT_DEPTH)
    key = (threading.get_ident(), options.extract_workers, options.extract_timeout_s, options.extract_memory_bytes,
           options.extract_memory_total, options.extract_depth)
    with _pools_lock:
        pool = _pools.get(key)
        if pool is None or pool.closed:
            pool = _pools[key] = options.extract_pool()
        return pool


def close_worker_pools() -> None:
    with _pools_lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.close()


atexit.register(close_worker_pools)


class WorkerResources(WorkerPlugin):
    """Closes the worker process's extraction pools when the worker closes.

    Only then: a driver registering this plugin again replaces it on every worker (teardown of the old one)
    while tasks may be running there, and a re-registration can race with a restarted worker's own; the pools
    are the process's, not the plugin's, so replacing the plugin never pulls a pool from under a task.
    """

    def setup(self, worker: Any) -> None:
        return None

    def teardown(self, worker: Any) -> None:
        if getattr(worker, "status", None) in (Status.closing, Status.closed, Status.failed):
            close_worker_pools()


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def run_batch(job: BatchJob) -> BatchSummary:
    """The Dask task: check the batch's agencies not stored yet, store each, return the counts."""
    if job.tool_version != __version__:
        raise ConfigError(text("dask.worker_version", job.lang, worker=worker_id(),
                               version=__version__, driver=job.tool_version))
    options = job.settings.options
    if job.memory_share and options.extract_memory_total is not None:
        options = replace(options, extract_memory_total=default_total_memory() // job.memory_share)
    if options.extract_workers != 0 and multiprocessing.current_process().daemon:
        raise ConfigError(text("dask.worker_daemonic", job.lang, worker=worker_id()))
    pool = worker_pool(options)
    store = job.store.open(migrate=False)
    try:
        return asyncio.run(_run_batch(replace(job, settings=replace(job.settings, options=options)), store, pool))
    finally:
        store.close()


async def _run_batch(job: BatchJob, store: AgencyStore, pool: ExtractPool) -> BatchSummary:
    stored = store.agencies_done(job.run_id, [a.slug for _, a in job.agencies])
    todo = [(o, a) for o, a in job.agencies if a.slug not in stored]
    summary = BatchSummary(skipped=len(job.agencies) - len(todo), worker=worker_id())
    if not todo:
        return summary
    urls = 0

    def fetched(kind: str, url: str) -> None:
        nonlocal urls
        if kind == "fetched":  # not "item" (an item read) nor "rendered" (a page drawn)
            urls += 1

    transport = job.transport_factory() if job.transport_factory is not None else None
    extracted = pool.stats.extracted  # the pool is the worker's, shared by its batches
    cpu_before = pool.stats.cpu.copy()
    session = Session(job.settings.options, transport=transport, cache_dir=job.settings.cache_dir,
                      on_progress=fetched, pool=pool)
    async with session:
        done = await check_and_store(session, store, job.run_id, todo, job.catalogue, job.fiscal_year, job.settings)
    summary.add(done)
    summary.urls, summary.requests = urls, session.requests_made
    summary.extractions = pool.stats.extracted - extracted
    summary.worker_cpu = pool.stats.cpu.minus(cpu_before)
    summary.cache, summary.extract_cache = session.cache_stats, session.extract_cache_stats
    return summary


# ---------------------------------------------------------------- the driver side


class DaskExecutor:
    """`async with DaskExecutor(...) as ex: await ex.run(plan, store, progress)` — connects to the scheduler (or
    starts a LocalCluster) on entry, closes what it started on exit."""

    name = "dask"

    def __init__(self, settings: DaskSettings, spec: StoreSpec, *, transport_factory: TransportFactory | None = None,
                 quiet_cluster: bool = True) -> None:
        self.settings = settings
        self.spec = spec
        self.transport_factory = transport_factory
        self._quiet = quiet_cluster
        self._stack = contextlib.AsyncExitStack()
        self.client: Client | None = None
        self._local_workers: int | None = None
        self.timings: dict[str, float] = {}  # connect_s (a LocalCluster: its start), close_s

    async def __aenter__(self) -> DaskExecutor:
        began = time.perf_counter()
        try:
            self.client = await self._stack.enter_async_context(self._connect())
            await self.client.register_plugin(WorkerResources(), name=PLUGIN_NAME)
        except BaseException:
            await self._stack.aclose()
            raise
        self.timings["connect_s"] = time.perf_counter() - began
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        began = time.perf_counter()
        await self._stack.aclose()
        self.timings["close_s"] = time.perf_counter() - began

    @contextlib.asynccontextmanager
    async def _connect(self) -> AsyncIterator[Client]:
        with dask.config.set(CLUSTER_CONFIG if self.settings.scheduler else LOCAL_CLUSTER_CONFIG):
            if self.settings.scheduler:
                try:
                    client = await Client(self.settings.scheduler, asynchronous=True, timeout=CONNECT_TIMEOUT)
                except (OSError, TimeoutError) as exc:
                    raise ConfigError(text("dask.scheduler_unreachable", scheduler=self.settings.scheduler,
                                           detail=exc)) from exc
                async with client:
                    yield client
                return
            n = self.settings.workers or os.cpu_count() or 1
            self._local_workers = n
            # dashboard_address ":0": the scheduler's HTTP server (started even without a dashboard) on a free
            # port, not on 8787, which another cluster on this machine may hold.
            cluster = await LocalCluster(n_workers=n, threads_per_worker=1, processes=True, asynchronous=True,
                                         host="127.0.0.1", scheduler_port=0, dashboard_address=":0",
                                         silence_logs=logging.CRITICAL if self._quiet else logging.WARNING)
            async with cluster, Client(cluster, asynchronous=True) as client:
                await client.wait_for_workers(n)
                yield client

    def _settings_for_workers(self, settings: CheckSettings) -> CheckSettings:
        options = settings.options
        if self._local_workers and options.extract_workers is None:
            # N workers on this machine share its cores: one extraction process per CPU in all, not per worker.
            per_worker = max(1, (os.cpu_count() or 1) // self._local_workers)
            return replace(settings, options=replace(options, extract_workers=per_worker))
        return settings

    def _memory_share(self, settings: CheckSettings) -> int:
        if settings.options.extract_memory_total != default_total_memory():
            return 0  # set by the caller: keep it
        return self._local_workers or 1

    async def run(self, plan: RunPlan, store: HistoryStore, progress: AuditProgress,
                  on_change: Callable[[], None] | None = None, spool: PieceSpool | None = None) -> Executed:
        """`spool` stays empty: the workers make no pieces, the read-back loads their agencies from the history
        (engine/readback.py)."""
        assert self.client is not None, "use `async with DaskExecutor(...)`"
        previous = store.previous_run(plan.run_id, plan.label)
        reached = store.urls_reached(previous.id) if previous is not None else {}
        tasks = _Tasks(self.client, BatchJob(
            store=self.spec, run_id=plan.run_id, agencies=(), catalogue=plan.catalogue, fiscal_year=plan.fiscal_year,
            settings=self._settings_for_workers(plan.settings), transport_factory=self.transport_factory,
            memory_share=self._memory_share(plan.settings), lang=language()))
        for n, agencies in enumerate(batches_by_host(plan.todo, reached, self.settings.batch)):
            tasks.submit(agencies, f"b{n}")
        total = BatchSummary()
        before = len(store.agencies_done(plan.run_id))
        watcher = asyncio.ensure_future(_watch(store, plan.run_id, before, progress, on_change))
        try:
            async for future in tasks.queue:
                job = tasks.done(future)
                try:
                    part: BatchSummary = await future
                except KilledWorker as exc:
                    if len(job.agencies) > 1:  # its agencies again, one at a time, to find the culprit
                        tasks.suspect(job.agencies, store)
                    else:  # alone, and its worker still died: this agency kills workers
                        self._crashed(job.agencies, exc, store, plan, total)
                    tasks.next_suspect(store)
                    continue
                tasks.next_suspect(store)
                total.add(part)
                progress.urls += part.urls
                progress.errors += part.errors
                if on_change:
                    on_change()
        except BaseException:
            await self.client.cancel(tasks.pending(), force=True)
            raise
        finally:
            watcher.cancel()
            await asyncio.gather(watcher, return_exceptions=True)
        _update(store, plan.run_id, before, progress, on_change)
        missing = {a.slug for _, a in plan.todo} - store.agencies_done(plan.run_id, [a.slug for _, a in plan.todo])
        if missing:
            raise HistoryError(f"{len(missing)} agencies of run {plan.run_id} were not stored by the workers "
                               f"({', '.join(sorted(missing)[:5])}…); resume the run with --resume {plan.run_id}")
        return Executed(summary=total)

    @staticmethod
    def _crashed(agencies: tuple[Placed, ...], exc: KilledWorker, store: HistoryStore, plan: RunPlan,
                 total: BatchSummary) -> None:
        """Store an agency that killed every worker that checked it as `error` (check_crashed): counted, not lost."""
        for ordinal, agency in agencies:
            if store.agencies_done(plan.run_id, [agency.slug]):
                continue
            fy = plan.settings.fiscal_year_of(agency, plan.fiscal_year)
            died = RuntimeError(f"the worker process checking this agency died repeatedly ({exc})")
            result = finish_result(crashed_result(agency, plan.catalogue, fy, plan.settings.item_ids, died),
                                   plan.settings)
            store.record_agency(plan.run_id, result, ordinal=ordinal)
            total.crashed.append(agency.name)
            total.errors += len(result.findings)


class _Tasks:
    """The run's tasks: batches submitted up front; after a batch's workers kept dying, its agencies again
    one per task and ONE such suspect at a time. A worker's death counts against every task the scheduler had
    given it; checked alone, a suspect that still dies is the culprit, not a bystander of another's crash."""

    def __init__(self, client: Client, template: BatchJob) -> None:
        self.client = client
        self.template = template
        self.token = uuid.uuid4().hex[:8]
        self.queue: as_completed = as_completed()
        self._jobs: dict[Future[BatchSummary], BatchJob] = {}
        self._suspects: deque[Placed] = deque()
        self._lane: Future[BatchSummary] | None = None

    def submit(self, agencies: Sequence[Placed], name: str) -> Future[BatchSummary]:
        job = replace(self.template, agencies=tuple(agencies))
        future = self.client.submit(run_batch, job, key=f"oit-checker-run{job.run_id}-{self.token}-{name}",
                                    priority=len(agencies), pure=False, retries=1)
        self._jobs[future] = job
        self.queue.add(future)
        return future

    def done(self, future: Future[BatchSummary]) -> BatchJob:
        if future is self._lane:
            self._lane = None
        return self._jobs.pop(future)

    def pending(self) -> list[Future[BatchSummary]]:
        return list(self._jobs)

    def suspect(self, agencies: Sequence[Placed], store: HistoryStore) -> None:
        stored = store.agencies_done(self.template.run_id, [a.slug for _, a in agencies])
        self._suspects.extend(p for p in agencies if p[1].slug not in stored)

    def next_suspect(self, store: HistoryStore) -> None:
        while self._lane is None and self._suspects:
            ordinal, agency = self._suspects.popleft()
            if not store.agencies_done(self.template.run_id, [agency.slug]):
                self._lane = self.submit([(ordinal, agency)], f"a{ordinal}")


def _update(store: HistoryStore, run_id: int, before: int, progress: AuditProgress,
            on_change: Callable[[], None] | None) -> None:
    done = len(store.agencies_done(run_id)) - before
    if done != progress.done:
        progress.done = done
        if on_change:
            on_change()


async def _watch(store: HistoryStore, run_id: int, before: int, progress: AuditProgress,
                 on_change: Callable[[], None] | None) -> None:
    while True:
        await asyncio.sleep(POLL_S)
        _update(store, run_id, before, progress, on_change)

