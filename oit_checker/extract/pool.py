"""Run `extract()` in worker processes, bounded in time and memory, once per distinct body.

Why processes: extraction is CPU-bound and pdfium is not thread-safe, and a bomb-like PDF (or a
segfault in a C library) must cost one document, not the run. Each worker gets an address-space limit
(`RLIMIT_AS`); a document that runs past its wall-time bound has its worker killed. Either way the
caller gets a `Document` with `error=DocError.TIMEOUT` or `error=DocError.TOO_COMPLEX`, and the pool is rebuilt so
later documents still work.

When a worker dies, every document then in flight on the pool fails with it, and the pool cannot say
which one killed it. A document that was alone on the pool is the culprit; the others are re-run one
at a time on a separate one-worker "quarantine" pool, where a death can only be the document's own, so
an innocent neighbour is not reported as too complex and the culprit cannot take it down twice.

`ExtractPool(workers=0)` runs in this process on one background thread (unit tests, tiny runs). There
is no memory bound there, and a timeout returns `error=DocError.TIMEOUT` to the caller but cannot stop the
thread, which finishes its document before the next one starts.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import ctypes
import dataclasses
import hashlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import TypeVar

from oit_checker.extract import extract as default_extract
from oit_checker.extract.errors import describe
from oit_checker.extract.sniff import detect_kind
from oit_checker.model import DocError, DocKind, Document

ExtractFn = Callable[[bytes, str, str, str | None], Document]
T = TypeVar("T")

DEFAULT_TIMEOUT_S = 30.0
DEFAULT_MEMORY_LIMIT = 1536 * 1024 * 1024  # per worker: pdfium on a normal document peaks near 25 MB
DEFAULT_CACHE_ENTRIES = 1024
# The cache also stops at this much text, so a run over many big documents stays within memory.
DEFAULT_CACHE_CHARS = 64_000_000
_JOIN_AFTER_KILL_S = 2.0
_PARENT_WATCH_S = 1.0

CacheKey = tuple[str, DocKind, str, str]


_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """A worker must not outlive its parent (`kill -9` of an audit, an OOM kill): on Linux the kernel sends
    it SIGKILL when the parent dies (prctl PR_SET_PDEATHSIG); everywhere a daemon thread also watches the
    parent id and ends the process when it changes (the fallback, and a second line on Linux). With the
    workers gone, multiprocessing's resource tracker sees its pipe close and ends too."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(_PARENT_WATCH_S)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


MIN_WORKER_MEMORY = 512 * 1024 * 1024  # below this a worker cannot even import pdfium and openpyxl


def default_total_memory() -> int:
    """Half the machine's memory, at least 2 GB: what all extraction workers together may hold."""
    try:
        physical = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):  # pragma: no cover - not POSIX
        physical = 8 * 1024**3
    return max(2 * 1024**3, physical // 2)


def fit_memory(workers: int, per_worker: int, total: int) -> tuple[int, int]:
    """(workers, address-space limit per worker) so that the pool's workers and its one-worker quarantine
    together stay within `total`: fewer workers first (never below one), then a smaller limit each."""
    slots = workers + 1  # + the quarantine worker
    if per_worker * slots <= total:
        return workers, per_worker
    workers = max(1, min(workers, total // per_worker - 1))
    per_worker = min(per_worker, max(MIN_WORKER_MEMORY, total // (workers + 1)))
    return workers, per_worker


def _init_worker(memory_limit: int | None, parent: int | None = None) -> None:
    if parent is not None:
        _die_with_parent(parent)
    if memory_limit:
        import resource

        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = memory_limit if hard == resource.RLIM_INFINITY else min(memory_limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    # Ctrl-C goes to the whole process group; the parent decides what to do, workers must not die
    # mid-document with a KeyboardInterrupt traceback each.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Import the extractors now, so the first document's time budget is not spent on imports.
    import oit_checker.extract.html
    import oit_checker.extract.office
    import oit_checker.extract.pdf  # noqa: F401


@dataclasses.dataclass
class PoolStats:
    extracted: int = 0
    cache_hits: int = 0
    timeouts: int = 0
    crashes: int = 0  # worker deaths seen (each may fail several in-flight documents)
    retries: int = 0  # documents re-run alone after a worker died under them and others
    restarts: int = 0


class _Retry(Exception):
    """A worker died while this document shared the pool with others: it may be innocent."""


class _Workers:
    """One executor that can be killed and rebuilt; `generation` tells old failures from new ones."""

    def __init__(self, size: int, start_method: str, memory_limit: int | None) -> None:
        self.size = size
        self._start_method = start_method
        self._memory_limit = memory_limit
        self._executor: concurrent.futures.Executor | None = None
        self.generation = 0
        self.in_flight = 0
        self.peak = 0  # most documents in flight at once on the current generation

    def get(self) -> tuple[concurrent.futures.Executor, int]:
        if self._executor is None:
            if self.size == 0:
                self._executor = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="extract")
            else:
                self._executor = concurrent.futures.ProcessPoolExecutor(
                    max_workers=self.size,
                    mp_context=multiprocessing.get_context(self._start_method),
                    initializer=_init_worker,
                    initargs=(self._memory_limit, os.getpid()),
                )
            self.peak = 0
        return self._executor, self.generation

    def restart(self, generation: int) -> bool:
        """Kill and forget the executor of `generation`, unless another document already did."""
        if generation != self.generation or self._executor is None:
            return False
        self.shutdown()
        self.generation += 1
        return True

    def shutdown(self) -> None:
        executor, self._executor = self._executor, None
        if executor is None:
            return
        processes = list((getattr(executor, "_processes", None) or {}).values())
        # A stuck worker (often the reason we are here) never finishes; waiting for it would hang.
        for proc in processes:
            if proc.is_alive():
                proc.kill()
        # No cancel_futures: a cancelled executor future would surface as a cancellation of the awaiting
        # task; killed workers make every unfinished future fail with BrokenProcessPool instead.
        executor.shutdown(wait=False)
        for proc in processes:
            proc.join(_JOIN_AFTER_KILL_S)


class ExtractPool:
    def __init__(
        self,
        workers: int | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT_S,
        memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
        total_memory: int | None = None,
        cache_size: int = DEFAULT_CACHE_ENTRIES,
        cache_chars: int = DEFAULT_CACHE_CHARS,
        extract_fn: ExtractFn = default_extract,
        start_method: str = "spawn",
    ) -> None:
        """`workers=None` → one per CPU; `workers=0` → in this process (no memory bound).

        `extract_fn` must be a module-level function (it is pickled to the workers); tests inject slow or
        crashing ones. `start_method` defaults to spawn: forking a process that runs an event loop and
        HTTP client threads can deadlock the child.
        """
        self.workers = (os.cpu_count() or 1) if workers is None else workers
        if self.workers < 0:
            raise ValueError("workers must be >= 0")
        self.timeout = timeout
        if total_memory and memory_limit and self.workers:
            self.workers, memory_limit = fit_memory(self.workers, memory_limit, total_memory)
        self.memory_limit = memory_limit
        self.cache_size = cache_size
        self.cache_chars = cache_chars
        self._cached_chars = 0
        self.stats = PoolStats()
        self._extract_fn = extract_fn
        self._main = _Workers(self.workers, start_method, memory_limit)
        # Documents to re-run alone, one at a time, after a worker died under several of them.
        self._quarantine = _Workers(1, start_method, memory_limit) if self.workers else None
        self._cache: OrderedDict[CacheKey, Document] = OrderedDict()
        self._pending: dict[CacheKey, asyncio.Future[Document]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._slots: asyncio.Semaphore | None = None
        self._quarantine_lock: asyncio.Lock | None = None
        self._closed = False

    # ------------------------------------------------------------ public API

    async def extract(
        self, body: bytes, url: str, content_type: str = "", charset: str | None = None
    ) -> Document:
        if self._closed:
            raise RuntimeError("ExtractPool is closed")
        self._bind_loop()
        kind = detect_kind(body, content_type, url, read_zip=False)  # the zip directory is the worker's job
        key = self._key(body, url, kind, charset)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            self.stats.cache_hits += 1
            return _for_url(cached, url)
        pending = self._pending.get(key)
        if pending is not None:
            # The same bytes are being extracted right now (a file linked from several pages).
            self.stats.cache_hits += 1
            return _for_url(await asyncio.shield(pending), url)

        future: asyncio.Future[Document] = asyncio.get_running_loop().create_future()
        self._pending[key] = future
        try:
            doc = await self._extract_bounded(body, url, content_type, charset, kind)
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # mark retrieved: nobody else may be waiting
            raise
        finally:
            del self._pending[key]
        future.set_result(doc)
        self._remember(key, doc)
        return doc

    async def call(self, fn: Callable[..., T], *args: object, timeout: float) -> T:
        """`fn(*args)` on a worker (fn module-level, args picklable), within `timeout` seconds: past it the
        worker is killed (TimeoutError), so CPU-bound work such as evaluating an agency's documents is
        bounded like extraction and never holds this process. In-process pools (workers=0) only stop
        waiting."""
        if self._closed:
            raise RuntimeError("ExtractPool is closed")
        self._bind_loop()
        assert self._slots is not None
        async with self._slots:
            executor, generation = self._main.get()
            self._main.in_flight += 1
            self._main.peak = max(self._main.peak, self._main.in_flight)
            try:
                return await asyncio.wait_for(asyncio.get_running_loop().run_in_executor(executor, fn, *args),
                                              timeout)
            except TimeoutError:
                if self._main.size > 0 and self._main.restart(generation):
                    self.stats.restarts += 1
                raise
            finally:
                self._main.in_flight -= 1

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        self._closed = True
        self._main.shutdown()
        if self._quarantine is not None:
            self._quarantine.shutdown()

    def __enter__(self) -> ExtractPool:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    async def __aenter__(self) -> ExtractPool:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # ------------------------------------------------------------ internals

    def _bind_loop(self) -> None:
        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            # asyncio primitives belong to one loop; a new loop (a new asyncio.run) gets new ones.
            self._loop = loop
            self._slots = asyncio.Semaphore(max(1, self.workers))
            self._quarantine_lock = asyncio.Lock()
            self._pending = {}

    def _key(self, body: bytes, url: str, kind: DocKind, charset: str | None) -> CacheKey:
        digest = hashlib.sha256(body).hexdigest()
        if kind is DocKind.HTML:
            # An HTML Document carries links resolved against its URL, and its decoding depends on the
            # header charset: only the same page at the same URL is the same result.
            return (digest, kind, url, charset or "")
        return (digest, kind, "", "")

    def _remember(self, key: CacheKey, doc: Document) -> None:
        size = _chars(doc)
        if self.cache_size <= 0 or size > self.cache_chars:
            return
        self._cache[key] = doc
        self._cached_chars += size
        while len(self._cache) > self.cache_size or self._cached_chars > self.cache_chars:
            _key, old = self._cache.popitem(last=False)
            self._cached_chars -= _chars(old)

    async def _extract_bounded(
        self, body: bytes, url: str, content_type: str, charset: str | None, kind: DocKind
    ) -> Document:
        assert self._slots is not None and self._quarantine_lock is not None
        args = (body, url, content_type, charset)
        try:
            # The wall-time bound starts once a worker is free, not while the document waits for one.
            async with self._slots:
                return await self._attempt(self._main, args, kind)
        except _Retry:
            pass
        assert self._quarantine is not None
        self.stats.retries += 1
        async with self._quarantine_lock:
            try:
                return await self._attempt(self._quarantine, args, kind)
            except _Retry:  # pragma: no cover - alone in quarantine, a death is always the culprit's
                return Document(url=url, kind=kind, error=DocError.TOO_COMPLEX)

    async def _attempt(
        self, workers: _Workers, args: tuple[bytes, str, str, str | None], kind: DocKind
    ) -> Document:
        url = args[1]
        executor, generation = workers.get()
        workers.in_flight += 1
        workers.peak = max(workers.peak, workers.in_flight)
        try:
            call = asyncio.get_running_loop().run_in_executor(executor, self._extract_fn, *args)
            doc = await asyncio.wait_for(call, self.timeout)
        except TimeoutError:
            self.stats.timeouts += 1
            if workers.size > 0 and workers.restart(generation):
                self.stats.restarts += 1
            return Document(url=url, kind=kind, error=DocError.TIMEOUT)
        except BrokenProcessPool:
            alone = workers.peak <= 1 and generation == workers.generation
            if workers.restart(generation):
                self.stats.crashes += 1
                self.stats.restarts += 1
            if alone:
                return Document(url=url, kind=kind, error=DocError.TOO_COMPLEX)
            raise _Retry from None
        except MemoryError:
            # The worker survived its own MemoryError (extract() maps it itself; an injected function
            # may not).
            return Document(url=url, kind=kind, error=DocError.TOO_COMPLEX)
        except Exception as exc:  # same contract as extract(): failures are data
            return Document(url=url, kind=kind, error=DocError.CORRUPT, error_detail=describe(exc))
        finally:
            workers.in_flight -= 1
        self.stats.extracted += 1
        return doc


def _chars(doc: Document) -> int:
    return sum(map(len, doc.pages))


def _for_url(doc: Document, url: str) -> Document:
    return doc if doc.url == url else dataclasses.replace(doc, url=url)
