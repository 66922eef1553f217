"""One session of checks: the client(s), the caches, the extraction pool and the `Checker`, wired once.

`check` (`run_agencies`) and `audit` both open a `Session`; it is the only place that builds the client and
the extractor. Closing it cancels what the run left behind, closes the clients, the pool and the caches.
"""

from __future__ import annotations

import asyncio
import gc
import hashlib
import os
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx

from oit_checker import __version__
from oit_checker.engine.pipeline import DEFAULT_AGENCY_BUDGET_S, EVALUATION_MIN_S, JUDGE, Checker
from oit_checker.extract.cache import EXTRACT_CACHE_FILE, CachedExtractor, ExtractCache, ExtractCacheStats
from oit_checker.extract.pool import (
    DEFAULT_DEPTH,
    DEFAULT_MEMORY_LIMIT,
    DEFAULT_TIMEOUT_S,
    THROUGHPUT_DEPTH,
    ExtractPool,
    WorkerCpu,
    default_total_memory,
    start_early,
)
from oit_checker.fetch.client import Fetcher, FetchSettings, PolicyRouter, build_client
from oit_checker.fetch.httpcache import DEFAULT_HTTP_CACHE_BYTES, CacheStats, caching_transport, network_transport
from oit_checker.fetch.render import Renderer, RenderSettings
from oit_checker.follow.choose import FollowSettings
from oit_checker.model import Agency, AgencyResult, Catalogue, Item, RunResult
from oit_checker.text.clock import now_iso, today

_PACKAGE_DIR = str(Path(__file__).resolve().parents[1])
# The collector's first threshold (allocations of container objects between young collections) while a session
# runs. The default, 700, made a cold 100-agency night collect ≈1,150 times in the crawling process (every
# request allocates hundreds of short-lived containers; the in-flight ones, promoted, made the older collections
# walk the whole heap): ≈0.9 s of its CPU. At 20,000 it collected 118 times, ≈0.15 s, and the process's peak
# memory did not move (bench/README.md). Cycles are still collected, only later.
SESSION_GC_THRESHOLD = 20_000


@dataclass(frozen=True)
class RunOptions:
    fetch: FetchSettings = field(default_factory=FetchSettings)
    follow: FollowSettings = field(default_factory=FollowSettings)
    agency_budget_s: float = DEFAULT_AGENCY_BUDGET_S
    insecure: bool = False  # after a TLS failure, fetch again without verification and say so
    extract_workers: int | None = None  # None: one per CPU; 0: in-process
    extract_timeout_s: float = DEFAULT_TIMEOUT_S  # per document: one bomb-like PDF cannot stall the run
    extract_memory_bytes: int | None = DEFAULT_MEMORY_LIMIT  # per extraction worker (address space)
    # All extraction workers together (fewer workers, then smaller limits, when the per-worker limits
    # would add up to more): half the machine's memory by default.
    extract_memory_total: int | None = field(default_factory=default_total_memory)
    # Tasks each extraction worker holds at once (extract/pool.py `DEFAULT_DEPTH`). None: `for_agencies` picks
    # it (a short queue for one agency, whose pages must not wait behind its documents; a deep one for several).
    extract_depth: int | None = None
    agencies_at_once: int = 8  # measured: 4 left the extraction workers idle between agencies
    render: RenderSettings | None = None  # `--render`: draw pages built by JavaScript in a headless browser
    evaluation_min_s: float = EVALUATION_MIN_S  # evaluation's time when fetching used the agency's budget
    # An agency's items are evaluated in this many parts side by side, each on an extraction worker. None: one
    # part per worker for an agency checked alone (nothing else would keep the workers busy while it is
    # judged), one part otherwise (`for_agencies`).
    evaluation_parts: int | None = None
    # `audit`'s processes sharing the night's agencies (engine/lanes.py). None: several on a warm night of
    # enough agencies, one otherwise (engine/audit.py `lanes_for`).
    lanes: int | None = None
    # The HTTP response store's cap (`--http-cache-gb`): least recently used answers go past it.
    http_cache_bytes: int = DEFAULT_HTTP_CACHE_BYTES
    # The day of the check (the clock's today, text/clock.py): a month-by-month item must show the months due
    # by then (evaluate/months.py). None: only the months before the latest one named.
    as_of: date | None = field(default_factory=today)

    def reading_key(self) -> str:
        """What decides which URLs a check asks for and how it reads them, as a short hash: how links are
        followed, how much of a body is read, redirects, the user agent, whether pages are drawn by a browser.
        The month of `as_of` too: the months a month-by-month item must show change with it. A run's findings
        are reused only by a run with the same key (engine/reuse.py). Timeouts, retries and
        concurrency are not in it: what they change shows in the fetch records, which are compared anyway."""
        fetch = self.fetch
        seen = (self.follow, fetch.max_bytes, fetch.max_redirects, fetch.user_agent, fetch.scheme_fallback,
                self.insecure, self.render is not None, self.as_of.strftime("%Y-%m") if self.as_of else None)
        return hashlib.sha256(repr(seen).encode("utf-8")).hexdigest()[:16]

    def extract_pool(self) -> ExtractPool:
        return ExtractPool(workers=self.extract_workers, timeout=self.extract_timeout_s,
                           memory_limit=self.extract_memory_bytes, total_memory=self.extract_memory_total,
                           preload=(JUDGE.module,),  # what the workers run besides extraction
                           depth=DEFAULT_DEPTH if self.extract_depth is None else self.extract_depth,
                           share=(Item,))  # each agency is judged on the same items: sent to a worker once

    def start_workers_early(self) -> None:
        """Start now the extraction workers a run with these options will want (as many as it starts for any
        number of agencies: `for_agencies`), before it reads its catalogue, manifests and history; its pool
        takes them over (extract/pool.py `start_early`). For a run that will extract, a cold night: on a
        night that extracts nothing they would only cost their start (cli/audit.py decides)."""
        if self.extract_workers == 0:
            return
        workers = self.extract_workers if self.extract_workers is not None else min(os.cpu_count() or 1, 2)
        start_early(workers, memory_limit=self.extract_memory_bytes, total_memory=self.extract_memory_total,
                    preload=(JUDGE.module,))

    def for_agencies(self, n: int) -> RunOptions:
        """These options for a run of `n` agencies: no more extraction workers than agencies, but two even
        for one (its pages and files extract side by side: measured faster on 2 cores, bench/startup.py).
        One agency alone has its items evaluated in one part per worker: nothing else would keep them busy
        while it is judged (the bench/startup.py agency's 27 items: 130 ms in one part, 77 ms in the longer of two).
        Each worker holds `DEFAULT_DEPTH` tasks for one agency (its pages go before its queued documents: a first
        check ≈0.09 s sooner than with 16), `THROUGHPUT_DEPTH` for several (the workers are never left waiting for
        this process: a cold night of 100 agencies idle 3.6–4.6 % of the time instead of 5.5–7.1 %)."""
        options = self
        if options.extract_workers is None:
            options = replace(options, extract_workers=min(os.cpu_count() or 1, max(2, n)))
        if options.extract_depth is None:
            options = replace(options, extract_depth=DEFAULT_DEPTH if n == 1 else THROUGHPUT_DEPTH)
        if options.evaluation_parts is None:
            options = replace(options, evaluation_parts=max(1, options.extract_workers or 1) if n == 1 else 1)
        return options


async def _cancel_leftovers(before: set[asyncio.Task[Any]]) -> None:
    """Cancel the run's own tasks that outlive it (a cancelled agency can leave a fetch task behind, e.g.
    its home page), so none of them touches the client or the caches after they are closed."""
    current = asyncio.current_task()
    leftovers = []
    for task in asyncio.all_tasks() - before:
        code = getattr(task.get_coro(), "cr_code", None)
        if task is not current and not task.done() and code is not None and \
                code.co_filename.startswith(_PACKAGE_DIR):
            task.cancel()
            leftovers.append(task)
    if leftovers:
        await asyncio.gather(*leftovers, return_exceptions=True)


class Session:
    """`async with Session(options) as s: await s.checker.check(…)`.

    `transport` replaces the network (tests, the demo, the benchmarks). With `cache_dir`, responses are
    revalidated through the HTTP cache and extracted documents are kept by content hash; a cache that
    cannot be opened costs speed, not the night's audit: the session runs without it and says why
    (`cache_stats.disabled`). `pool`: an extraction pool that outlives the session (a Dask worker keeps one
    for all its tasks, instead of starting processes per task); the session uses it and leaves it open.
    """

    def __init__(self, options: RunOptions | None = None, *, transport: httpx.AsyncBaseTransport | None = None,
                 cache_dir: Path | None = None, on_progress: Callable[[str, str], None] | None = None,
                 pool: ExtractPool | None = None, start_workers: bool = False) -> None:
        """`start_workers`: start the extraction workers now rather than when the first document comes (a
        run without the extraction cache needs them anyway, and they import while the run fetches)."""
        self.options = options or RunOptions()
        self._start_workers = start_workers
        self._transport = transport
        self._cache_dir = cache_dir
        self._on_progress = on_progress
        self._shared_pool = pool
        self.cache_stats: CacheStats | None = CacheStats() if cache_dir is not None else None
        self._extract_cache: ExtractCache | None = None
        self._client: httpx.AsyncClient | None = None
        self._insecure: httpx.AsyncClient | None = None
        self._pool: ExtractPool | None = None
        self._before: set[asyncio.Task[Any]] = set()
        self.fetcher: Fetcher | None = None
        self.renderer: Renderer | None = None
        self._checker: Checker | None = None
        self._gc_before: tuple[int, int, int] | None = None

    @property
    def checker(self) -> Checker:
        if self._checker is None:
            raise RuntimeError("the session is not open")
        return self._checker

    @property
    def pool(self) -> ExtractPool:
        if self._pool is None:
            raise RuntimeError("the session is not open")
        return self._pool

    @property
    def requests_made(self) -> int:
        return self.fetcher.requests_made if self.fetcher is not None else 0

    @property
    def extractions(self) -> int:
        """Documents extracted in this session (the extraction cache's hits not counted)."""
        return self._pool.stats.extracted if self._pool is not None else 0

    @property
    def worker_cpu(self) -> WorkerCpu:
        """CPU time the extraction workers reported so far (a pool shared beyond this session: its whole), as a
        copy."""
        return self._pool.stats.cpu.copy() if self._pool is not None else WorkerCpu()

    @property
    def extract_cache_stats(self) -> ExtractCacheStats | None:
        return self._extract_cache.stats if self._extract_cache is not None else None

    def _network(self, *, verify: bool = True) -> httpx.AsyncBaseTransport:
        """The network with the fetch policy (fetch/policy.py): strict unless `--allow-private`; requests of
        an agency whose manifest allows private addresses take a separate, permissive transport."""
        fetch = self.options.fetch
        limit, allow, host = fetch.global_limit, fetch.allow_private, fetch.per_host
        if self._transport is not None:
            injected = self._transport  # tests, the demo: the fetcher's URL check still applies
            return PolicyRouter(injected, lambda: injected)
        return PolicyRouter(network_transport(limit, verify=verify, allow_private=allow, per_host=host),
                            lambda: network_transport(limit, verify=verify, allow_private=True, per_host=host))

    def _outer_transport(self) -> httpx.AsyncBaseTransport:
        inner = self._network()
        if self._cache_dir is None or self.cache_stats is None:
            return inner
        try:
            outer = caching_transport(self._cache_dir, inner, max_bytes=self.options.http_cache_bytes,
                                      stats=self.cache_stats)
            self._extract_cache = ExtractCache(self._cache_dir / EXTRACT_CACHE_FILE)
        except (ImportError, OSError, sqlite3.Error) as exc:
            self.cache_stats.disabled = f"{type(exc).__name__}: {exc}"[:200]
            return inner
        return outer

    async def __aenter__(self) -> Session:
        options = self.options
        self._before = asyncio.all_tasks()
        self._client = build_client(options.fetch, transport=self._outer_transport())
        if options.insecure:
            self._insecure = build_client(options.fetch, verify=False, transport=self._network(verify=False))
        self.fetcher = Fetcher(self._client, options.fetch, insecure_client=self._insecure)
        self._pool = self._shared_pool or options.extract_pool().__enter__()
        if self._start_workers:
            self._pool.start()
        extractor: Any = (CachedExtractor(self._pool, self._extract_cache) if self._extract_cache is not None
                          else self._pool)
        # One browser for the whole session, started only if a page needs it (see fetch/render.py).
        self.renderer = Renderer(options.render) if options.render is not None else None
        # No more parts than workers can run them at once (the pool may have fewer than asked for: its memory
        # bound) nor than cores: a part waiting for a worker would only wait, its setup done twice.
        parts = min(options.evaluation_parts or 1, max(1, self._pool.workers), os.cpu_count() or 1)
        self._checker = Checker(self.fetcher, extractor, options.follow, agency_budget_s=options.agency_budget_s,
                                on_progress=self._on_progress, renderer=self.renderer,
                                evaluation_min_s=options.evaluation_min_s, evaluation_parts=parts,
                                as_of=options.as_of)
        self._gc_before = gc.get_threshold()
        gc.set_threshold(max(self._gc_before[0], SESSION_GC_THRESHOLD), *self._gc_before[1:])
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        try:
            await _cancel_leftovers(self._before)
        finally:
            if self.renderer is not None:
                await self.renderer.close()
            if self._pool is not None and self._pool is not self._shared_pool:
                self._pool.__exit__(exc_type, exc, tb)
            for client in (self._insecure, self._client):
                if client is not None:
                    await client.aclose()
            if self._extract_cache is not None:
                self._extract_cache.close()
            if self._gc_before is not None:
                gc.set_threshold(*self._gc_before)


async def run_agencies(
    agencies: Sequence[Agency],
    catalogue: Catalogue,
    fiscal_year: int,
    options: RunOptions | None = None,
    *,
    item_ids: Sequence[str] | None = None,
    force_fiscal_year: bool = False,
    transport: httpx.AsyncBaseTransport | None = None,
    on_agency_done: Callable[[AgencyResult], None] | None = None,
    on_progress: Callable[[str, str], None] | None = None,
    cache_dir: Path | None = None,
    pool: ExtractPool | None = None,
) -> RunResult:
    """Check agencies in one session (no history): what `oit-checker check` runs. With `cache_dir`, answers
    are revalidated against the ones stored there and unchanged documents are not read again. `pool`: an
    extraction pool the caller started (e.g. before reading the catalogue): the run takes it over and closes
    it before its event loop ends, so the workers' connections close with the loop they belong to."""
    options = (options or RunOptions()).for_agencies(len(agencies))
    started = now_iso()
    try:
        async with Session(options, transport=transport, on_progress=on_progress, start_workers=True,
                           cache_dir=cache_dir, pool=pool) as session:
            gate = asyncio.Semaphore(options.agencies_at_once)

            async def one(agency: Agency) -> AgencyResult:
                async with gate:
                    fy = fiscal_year if force_fiscal_year or agency.fiscal_year is None else agency.fiscal_year
                    result = await session.checker.check(agency, catalogue, fy, item_ids)
                if on_agency_done is not None:
                    on_agency_done(result)
                return result

            results = await asyncio.gather(*(one(a) for a in agencies))
    finally:
        if pool is not None:
            pool.close()
    return RunResult(criteria_year=catalogue.criteria_year, catalogue_version=catalogue.version,
                     catalogue_source=catalogue.source, fiscal_year=fiscal_year, tool_version=__version__,
                     started_at=started, finished_at=now_iso(), agencies=tuple(results),
                     catalogue_overrides=tuple(o.path for o in catalogue.overrides))
