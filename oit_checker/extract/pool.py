"""Run `extract()` in worker processes, bounded in time and memory, once per distinct body.

Why processes: extraction is CPU-bound and pdfium is not thread-safe, and a bomb-like PDF (or a
segfault in a C library) must cost one document, not the run. Each worker gets an address-space limit
(`RLIMIT_AS`); a document that runs past its wall-time bound has its worker killed. Either way the
caller gets a `Document` with `error=DocError.TIMEOUT` or `error=DocError.TOO_COMPLEX`, and a fresh worker
takes the dead one's place for later documents.

Each worker holds the task it runs and the next few (`depth`), so it never waits for this process between
two; the first unanswered task is the one it runs, so a worker that dies names its culprit exactly, and the
tasks queued behind it go to another worker (however often: each death takes its own culprit out). Nobody
else's document is lost or blamed with it.

The workers talk to the event loop over a socket pair each (length-prefixed pickles), read and written by
the loop itself: no executor threads, no queue feeder threads. On a loaded machine every hand-over between
threads in this process waits for the GIL, and with one per document (several, in `ProcessPoolExecutor`)
the workers spent much of a run waiting for the next document rather than reading one.

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
import gc
import hashlib
import heapq
import importlib
import multiprocessing
import os
import pickle
import signal
import socket
import struct
import sys
import threading
import time
from collections import OrderedDict, deque
from collections.abc import AsyncIterator, Callable
from types import TracebackType
from typing import Any, TypeVar

from oit_checker.extract import extract as default_extract
from oit_checker.extract.errors import describe
from oit_checker.extract.sniff import detect_kind
from oit_checker.model import DocError, DocKind, Document

ExtractFn = Callable[[bytes, str, str, str | None], Document]
T = TypeVar("T")

DEFAULT_TIMEOUT_S = 30.0
DEFAULT_MEMORY_LIMIT = 1536 * 1024 * 1024  # per worker: pdfium on a normal document peaks near 25 MB
# The run's in-memory cache of extracted documents (same bytes at several URLs of one run). The extraction
# cache on disk keeps documents across runs; this one stays small so that a long run's memory stays flat.
DEFAULT_CACHE_ENTRIES = 64
DEFAULT_CACHE_CHARS = 2_000_000
_JOIN_AFTER_KILL_S = 2.0
_PARENT_WATCH_S = 1.0
_HEADER = struct.Struct("!Q")
# A worker's answer: the pickle's length, then the task's own CPU seconds and its process's so far (WorkerCpu),
# readable without unpickling an answer nobody waits for any more.
_ANSWER = struct.Struct("!Qdd")

CacheKey = tuple[str, DocKind, str, str]
# At most this many distinct sequences are sent to the workers once and named after (`ExtractPool(share=…)`);
# past it the others go whole with every task.
_SHARE_MAX = 32


@dataclasses.dataclass(frozen=True)
class _Shared:
    """A task's argument that every worker is sent once: whole (`value`) the first time, by `key` after."""

    key: tuple[Any, ...]
    value: Any = None


def _unshare(args: tuple[Any, ...], memo: dict[tuple[Any, ...], Any]) -> tuple[Any, ...]:
    """The task's arguments with each shared one replaced by its value (kept in `memo` when it comes whole)."""
    if not any(type(a) is _Shared for a in args):
        return args
    out = []
    for a in args:
        if type(a) is _Shared:
            if a.value is not None:
                memo[a.key] = a.value
            a = memo[a.key]
        out.append(a)
    return tuple(out)


_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """A worker (of this pool, or an audit's lane: engine/lanes.py) must not outlive its parent (`kill -9` of
    an audit, an OOM kill): on Linux the kernel sends it SIGKILL when the parent dies (prctl
    PR_SET_PDEATHSIG); everywhere a daemon thread also watches the parent id and ends the process when it
    changes (the fallback, and a second line on Linux). An idle worker also ends when its socket closes.
    With the workers gone, multiprocessing's resource tracker sees its pipe close and ends too."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # pragma: no cover - the parent died before the signal was armed
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
    """(workers, address-space limit per worker) so that the workers, and one more started in place of a
    killed one while the killed one is still going away, together stay within `total`: fewer workers first
    (never below one), then a smaller limit each."""
    slots = workers + 1
    if per_worker * slots <= total:
        return workers, per_worker
    workers = max(1, min(workers, total // per_worker - 1))
    per_worker = min(per_worker, max(MIN_WORKER_MEMORY, total // (workers + 1)))
    return workers, per_worker


# ---------------------------------------------------------------- the worker process


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    buf = bytearray(n)
    view = memoryview(buf)
    got = 0
    while got < n:
        k = sock.recv_into(view[got:])
        if k == 0:
            raise EOFError
        got += k
    return bytes(buf)


def _limit_memory(memory_limit: int | None) -> None:
    if memory_limit:
        import resource

        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = memory_limit if hard == resource.RLIM_INFINITY else min(memory_limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


# A worker gives freed heap memory back to the system once its resident memory is this much over the lowest it
# has been since it last did (`HeapTrim`): after a large document, not after every few small ones. Trimming
# returns the free pages in the middle of the heap too (madvise), and the next documents take them back one
# page fault at a time: trimmed every 16 tasks, a cold night of 100 agencies (bench/scale.py) spent 1.78–2.03 s
# of system CPU, with this rule 1.27–1.50 s (never trimmed: 1.26–1.36 s), while a worker's heap held 14–16 MB
# unused between its documents (glibc's mallinfo2).
TRIM_ABOVE = 32 << 20
_TRIM_EVERY = 16  # tasks between two trims where the resident size cannot be read


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim: freed heap memory goes back to the system (a big PDF's buffers would otherwise
    stay counted against the worker for the rest of the run); None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    return trim


class HeapTrim:
    """When a process gives its freed heap memory back (glibc only; nothing elsewhere): `after_task()` trims
    once the resident size is more than `above` bytes over the lowest it has been since the last trim (or since
    this object was made), or every `every` tasks where /proc/self/statm cannot be read."""

    def __init__(self, above: int = TRIM_ABOVE, every: int = _TRIM_EVERY) -> None:
        self._trim = _malloc_trim()
        self._above = above
        self._every = every
        self._done = 0
        self.trims = 0
        self._statm: int | None = None
        if self._trim is not None:
            with contextlib.suppress(OSError):
                self._statm = os.open("/proc/self/statm", os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        self._page = os.sysconf("SC_PAGE_SIZE") if self._statm is not None else 0
        self._low = self.resident()

    def resident(self) -> int | None:
        """The process's resident size in bytes, or None when it cannot be read."""
        if self._statm is None:
            return None
        try:
            return int(os.pread(self._statm, 128, 0).split()[1]) * self._page
        except (OSError, ValueError, IndexError):
            return None

    def after_task(self) -> None:
        if self._trim is None:
            return
        self._done += 1
        now = self.resident()
        if now is None or self._low is None:
            due = self._done % self._every == 0
        else:
            due = now - self._low > self._above
            self._low = min(self._low, now)
        if due:
            self._trim(0)
            self.trims += 1
            self._low = self.resident()


_TRIM = _malloc_trim()


def release_free_memory() -> None:
    """Give freed heap memory back to the system where the C library can (glibc); a no-op elsewhere."""
    if _TRIM is not None:
        _TRIM(0)


def _preload(modules: tuple[str, ...]) -> None:
    for name in modules:
        with contextlib.suppress(Exception):  # a module that cannot be imported fails where it is used
            importlib.import_module(name)


def _worker_main(sock: socket.socket, memory_limit: int | None, preload: tuple[str, ...] = ()) -> None:
    """One worker: read a task, run it, send the outcome back; until the socket closes."""
    die_with_parent()
    _limit_memory(memory_limit)
    # Ctrl-C goes to the whole process group; the parent decides what to do, workers must not die
    # mid-document with a KeyboardInterrupt traceback each.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Import the extractors now, so the first document's time budget is not spent on imports; the other
    # work the pool will be given (`preload`: evaluation) is imported beside the first documents.
    import oit_checker.extract.html
    import oit_checker.extract.office
    import oit_checker.extract.pdf  # noqa: F401

    # What the imports made lives as long as the worker: out of the collector's sight (its full collections in a
    # cold night of 100 agencies, gc callbacks timing each: 0.05–0.06 → 0.03–0.04 s per worker). Young
    # collections stay as frequent as Python makes them: at the crawling process's threshold (20,000) the worker
    # spent 0.13–0.14 instead of 0.24–0.26 s collecting, but the garbage cycles a document leaves lived longer
    # and the night's peak memory rose 231 → 331 MB.
    gc.freeze()
    if preload:
        threading.Thread(target=_preload, args=(preload,), name="preload", daemon=True).start()
    sock.sendall(_HEADER.pack(0))  # ready
    trim = HeapTrim()
    shared: dict[tuple[Any, ...], Any] = {}
    while True:
        try:
            size = _HEADER.unpack(_recv_exact(sock, _HEADER.size))[0]
            fn, args = pickle.loads(_recv_exact(sock, size))
        except EOFError:
            return
        began = time.process_time()
        try:
            outcome: tuple[bool, Any] = (True, fn(*_unshare(args, shared)))
        except BaseException as exc:  # failures are data; the parent decides what they mean
            outcome = (False, exc)
        task_cpu = time.process_time() - began
        try:
            payload = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # an unpicklable result or exception
            payload = pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
        outcome = (False, None)  # the result's memory goes before the next task comes
        try:
            sock.sendall(_ANSWER.pack(len(payload), task_cpu, time.process_time()) + payload)
        except OSError:
            return
        del payload
        trim.after_task()


# ---------------------------------------------------------------- the parent's side of one worker


class _Died(Exception):
    """The worker process ended (killed by a bound, crashed, or out of memory) while it held a task."""


class _NotStarted(Exception):
    """The worker ended before it began this task (it was queued behind the one that ended it): the task is
    innocent and goes to another worker. `started`: the worker had started (it died under another task, which
    took the blame), or the task ahead of this one was already given up; False when it never started at all."""

    def __init__(self, *, started: bool) -> None:
        super().__init__()
        self.started = started


# Tasks a worker holds at once (`ExtractPool(depth=…)`): the one it runs and the next ones, already in its
# socket, so that it starts the next the moment it is done instead of waiting for this process's event loop to
# read the answer and hand it more (measured on a cold night of 100 agencies: with one task each worker waited
# 4.5 ms per task, a third of the night). This process shares the cores with the workers: while both workers
# run, it waits for a core (≈9 s of a 36 s cold night on 2 cores, /proc/PID/schedstat), and the answers it has
# not read keep their slots. With 4 tasks each, a worker still sat blocked 2.1–2.4 s of such a night waiting
# for its next task (or the rest of one), and the machine was idle 5.5–7.1 %; with 16 (and the larger socket
# buffers below) 0.5–0.7 s and 3.6–4.6 % (2026-12-04, bench/README.md). A deep queue costs latency, though: a
# page that arrives waits behind the documents already queued, and one agency's check waits for its pages (its
# first check took ≈0.09 s longer with 16). So the depth is chosen by the run (engine/session.py
# `RunOptions.for_agencies`): 4 for one agency, 16 for several.
DEFAULT_DEPTH = 4
THROUGHPUT_DEPTH = 16
# How many times a task is sent again because its worker never started (a broken installation: the task is then
# reported as a dead worker's). A worker that started and then died under another task blamed that task, so
# the ones queued behind it are sent again however often that happens: each such death takes its own culprit
# out, so it ends; counting them would blame an innocent page queued behind several crashing documents.
_REDISPATCH = 3
# Bytes of body per slot of the pool (`ExtractPool._units_for`).
_UNIT_BYTES = 1024 * 1024
# Socket send buffer of both ends of a worker's socket pair: four PDF bodies or one agency's evaluation (≈0.5 MB)
# are more than the default 208 KiB, and what does not fit waits in this process until its event loop runs
# again, with the worker blocked reading half a task (≈0.55 s of a cold night per worker; ≈0.3 s with 4 MiB).
# The kernel caps it at net.core.wmem_max (4 MiB on the bench machine; Linux's default, 208 KiB, would give
# ≈416 KiB: less of this gain); asking for more is harmless.
_SOCKET_BUFFER = 4 * 1024 * 1024


@dataclasses.dataclass(eq=False)
class _Task:
    future: asyncio.Future[Any]
    timeout: float | None
    name: str = ""  # what it runs (`extract`, `judge_agency` …): WorkerCpu.tasks
    undelivered: bool = False  # its bytes could not be written: the worker's end was already closed


class _Worker:
    """One worker process and the loop's ends of its socket. Holds at most the pool's `depth` tasks, which it runs
    one after the other; the first unanswered one is the one it is running. Its time bound starts when the
    answer before it has arrived (or when it was sent to an idle worker): a worker that ends under it names
    that task as the culprit, and the tasks queued behind it go to another worker (`_NotStarted`)."""

    def __init__(self, memory_limit: int | None, start_method: str, preload: tuple[str, ...],
                 stats: PoolStats) -> None:
        ctx: Any = multiprocessing.get_context(start_method)
        self._stats = stats
        self._cpu_reported = 0.0  # the process's CPU time as of its last answer
        mine, theirs = socket.socketpair()
        for end in (mine, theirs):
            with contextlib.suppress(OSError):
                end.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, _SOCKET_BUFFER)
        self.process = ctx.Process(target=_worker_main, args=(theirs, memory_limit, preload), daemon=True,
                                   name="oit-checker-extract")
        self.process.start()
        theirs.close()
        self._sock = mine
        self._writer: asyncio.StreamWriter | None = None
        self._reading: asyncio.Task[None] | None = None  # _talk()
        self._outbox: list[bytes] = []
        self._ready = False
        self._queue: deque[_Task] = deque()
        self._clock: asyncio.TimerHandle | None = None
        self.dead = False
        self.has: set[tuple[Any, ...]] = set()  # the keys of the shared arguments it was sent whole

    @property
    def bound(self) -> bool:
        """Its socket has stream ends on an event loop (they cannot move to another loop)."""
        return self._reading is not None

    @property
    def load(self) -> int:
        return len(self._queue)

    async def run(self, fn: Callable[..., Any], args: tuple[Any, ...], timeout: float | None) -> Any:
        """`fn(*args)` on this worker; TimeoutError past `timeout` counted from when the worker begins it (the
        worker is then killed), `_Died` when the worker ends under it, `_NotStarted` when the worker ended
        before beginning it; an exception the task raised is raised here."""
        if self.dead:
            raise _NotStarted(started=False)
        fresh = [a.key for a in args if type(a) is _Shared and a.value is not None]
        try:
            payload = pickle.dumps((fn, args), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            self.has.difference_update(fresh)  # never sent: the next task that shares it sends it whole
            raise
        task = _Task(asyncio.get_running_loop().create_future(), timeout, task_name(fn))
        self._queue.append(task)
        if len(self._queue) == 1:
            self._start_clock()
        message = _HEADER.pack(len(payload)) + payload
        del payload
        if self._writer is not None:
            self._writer.write(message)
            # A worker that ended while idle, before this loop read its end of file: the write fails at once
            # (the transport is closing), so the worker never saw this task, and it is not to blame for its end.
            task.undelivered = self._writer.transport.is_closing()
        else:  # the loop's ends of the socket are being made: the tasks go in the order they came
            self._outbox.append(message)
            if self._reading is None:
                self._reading = asyncio.get_running_loop().create_task(self._talk())
        del message
        try:
            if self._writer is not None:
                try:
                    await self._writer.drain()
                except (ConnectionError, OSError):
                    self.kill()  # answers the task (_Died or _NotStarted) unless its answer already came
            return await task.future
        except asyncio.CancelledError:
            if self._queue and self._queue[0] is task:
                self.kill()  # cancelled while the worker runs it: stop the work nobody waits for
            else:
                task.future.cancel()  # its answer, if it comes, is dropped
            raise

    async def _talk(self) -> None:
        """Make the loop's ends of the socket, send what waited for them, then read the answers in order."""
        try:
            reader, self._writer = await asyncio.open_connection(sock=self._sock, limit=1 << 20)
            for message in self._outbox:
                self._writer.write(message)
            self._outbox.clear()
            # The process is still importing: not charged to the first task's time bound.
            await reader.readexactly(_HEADER.size)
            self._ready = True
            self._start_clock()
            while True:
                size, task_cpu, process_cpu = _ANSWER.unpack(await reader.readexactly(_ANSWER.size))
                data = await reader.readexactly(size)
                task = self._queue.popleft()
                self._start_clock()
                self._stats.cpu.count(task.name, task_cpu, process_cpu - self._cpu_reported)
                self._cpu_reported = process_cpu
                if task.future.done():
                    continue  # its caller was cancelled
                try:
                    ok, value = pickle.loads(data)
                except Exception as exc:  # an answer that cannot be read is the task's failure
                    ok, value = False, RuntimeError(f"{type(exc).__name__}: {exc}")
                del data
                if ok:
                    task.future.set_result(value)
                else:
                    task.future.set_exception(value)
        except (asyncio.IncompleteReadError, ConnectionError, OSError):
            pass  # the worker ended, or its socket did
        finally:
            self.kill()  # however the reading ends (an error of ours too), nobody waits on this worker for ever

    def _start_clock(self) -> None:
        """Bound the task the worker runs now (the head of the queue), once the worker is ready."""
        if self._clock is not None:
            self._clock.cancel()
            self._clock = None
        if not self._ready or not self._queue or self.dead:
            return
        timeout = self._queue[0].timeout
        if timeout is not None:
            self._clock = asyncio.get_running_loop().call_later(timeout, self._time_out)

    def _time_out(self) -> None:
        self._clock = None
        if self._queue:
            head = self._queue[0]
            if not head.future.done():
                head.future.set_exception(TimeoutError())
        self.kill()

    def kill(self) -> None:
        if self.dead:
            return
        self.dead = True
        if self._clock is not None:
            self._clock.cancel()
            self._clock = None
        # The head was running (unless the worker never became ready); the others never began. Sending them again
        # ends however often it happens when the worker had started or the head is done (cancelled, timed out):
        # either way one task is out for good (see `_REDISPATCH`).
        out = self._ready or bool(self._queue and self._queue[0].future.done())
        for i, task in enumerate(self._queue):
            if not task.future.done():
                if i == 0 and self._ready and not task.undelivered:
                    task.future.set_exception(_Died())
                else:  # an undelivered head is innocent like the tasks behind it; its worker had started
                    task.future.set_exception(_NotStarted(started=out))
                task.future.exception()  # marked retrieved: a cancelled caller no longer looks
        self._queue.clear()
        if self.process.is_alive():
            self._count_unreported_cpu()
            self.process.kill()
        self._close_socket()
        if self._reading is not None and not self._reading.done() and self._reading is not _running_task():
            with contextlib.suppress(RuntimeError):  # its event loop is gone (an earlier asyncio.run)
                self._reading.cancel()
        self.process.join(_JOIN_AFTER_KILL_S)

    def _count_unreported_cpu(self) -> None:
        """The CPU time a worker about to be killed spent since its last answer (mostly the task it is killed
        under: past its time bound, or given up), counted as `killed`. Read from /proc (Linux); elsewhere
        not counted."""
        spent = _process_cpu(self.process.pid or 0) - self._cpu_reported
        if spent > 0:
            self._stats.cpu.count("killed", spent, spent)
            self._cpu_reported += spent

    def _close_socket(self) -> None:
        if self._writer is not None:
            # abort, not close: close() of a transport still holding unsent bytes (the next task's, queued
            # while the worker ran this one) keeps it registered with the selector, which would then watch a
            # closed descriptor, and the next socket given that number; and it would never wake a caller
            # waiting in drain(). abort() unregisters at once and wakes them.
            with contextlib.suppress(RuntimeError):  # its event loop is gone (an earlier asyncio.run)
                self._writer.transport.abort()
        self._sock.close()

    def close(self) -> None:
        """End the worker: it holds no task and nothing to save (its interpreter's teardown is not worth
        waiting for)."""
        self.kill()


def _running_task() -> asyncio.Task[Any] | None:
    try:
        return asyncio.current_task()
    except RuntimeError:  # no running loop
        return None


# Who gets the next free worker: HTML pages first (the crawl follows their links, so everything after them
# waits), then other work given to the pool (an agency's evaluation, the last step before it is done), then
# the other documents. In order of arrival within each.
PRIORITY_PAGE, PRIORITY_CALL, PRIORITY_DOCUMENT = 0, 1, 2


class _Slots:
    """A semaphore of `size` units whose waiters are served by priority, then in order of arrival. A waiter may
    need several units (a large body: see `ExtractPool._units_for`); the first in line waits until enough are
    free, and nobody behind it goes first (one that arrives with a higher priority is first in line)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._free = size
        self._waiters: list[tuple[int, int, int, asyncio.Future[None]]] = []
        self._seq = 0

    @contextlib.asynccontextmanager
    async def take(self, priority: int, units: int = 1) -> AsyncIterator[None]:
        units = max(1, min(units, self.size))
        if self._free >= units and not self._waiters:
            self._free -= units
        else:
            self._seq += 1
            waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            heapq.heappush(self._waiters, (priority, self._seq, units, waiter))
            self._wake()  # it may go ahead of a large waiter still gathering units (a page before a big PDF)
            try:
                await waiter
            except BaseException:
                if waiter.done() and not waiter.cancelled():
                    self._release(units)  # the units were handed over just as we were cancelled: pass them on
                else:
                    self._wake()  # a large waiter gone from the head of the line may let smaller ones go
                raise
        try:
            yield
        finally:
            self._release(units)

    def _release(self, units: int) -> None:
        self._free += units
        self._wake()

    def _wake(self) -> None:
        while self._waiters:
            _priority, _seq, need, waiter = self._waiters[0]
            if waiter.done():  # cancelled while waiting
                heapq.heappop(self._waiters)
                continue
            if self._free < need:
                return
            heapq.heappop(self._waiters)
            self._free -= need
            waiter.set_result(None)


@dataclasses.dataclass
class WorkerCpu:
    """CPU seconds of the worker processes, as they report them with each answer: each kind of task's own
    (`extract`, `judge_agency` …), and the processes' in all (their start-up, reading tasks and writing answers
    too). A worker killed alive has its time since its last answer counted as `killed`; one that died by itself
    (a crash) cannot say. An in-process pool, and a lane's own evaluation, count their thread's time."""

    tasks: dict[str, float] = dataclasses.field(default_factory=dict)
    workers: float = 0.0

    def count(self, task: str, task_cpu: float, process_cpu: float) -> None:
        self.tasks[task] = self.tasks.get(task, 0.0) + task_cpu
        self.workers += process_cpu

    def plus(self, other: WorkerCpu, sign: float = 1.0) -> WorkerCpu:
        tasks = dict(self.tasks)
        for name, seconds in other.tasks.items():
            tasks[name] = tasks.get(name, 0.0) + sign * seconds
        return WorkerCpu(tasks, self.workers + sign * other.workers)

    def minus(self, other: WorkerCpu) -> WorkerCpu:
        return self.plus(other, -1.0)

    def copy(self) -> WorkerCpu:
        return WorkerCpu(dict(self.tasks), self.workers)

    def as_dict(self) -> dict[str, Any]:
        """For the JSON report: seconds, to the hundredth; `other` is the processes' time outside any task."""
        tasks = {name: round(seconds, 2) for name, seconds in sorted(self.tasks.items()) if seconds > 0}
        return {"tasks": tasks, "workers": round(self.workers, 2),
                "other": round(max(0.0, self.workers - sum(self.tasks.values())), 2)}


def _process_cpu(pid: int) -> float:
    """User + system CPU seconds of process `pid` so far, from /proc/PID/stat; 0.0 where it cannot be read."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


class ByName:
    """A module-level function named by its module and its name, imported where it is called (a worker, a lane's
    thread): the process that sends it need not import what only the workers run. Evaluation's modules cost the
    main process ≈55 ms of imports at the start of every check (`python -X importtime`), before its first
    request."""

    __slots__ = ("module", "name")

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name

    def __call__(self, *args: Any) -> Any:
        return getattr(importlib.import_module(self.module), self.name)(*args)

    def __reduce__(self) -> tuple[type[ByName], tuple[str, str]]:
        return ByName, (self.module, self.name)

    def __repr__(self) -> str:
        return f"ByName({self.module}.{self.name})"


def task_name(fn: Callable[..., Any]) -> str:
    """What a task runs, for the workers' CPU time per kind of task (`extract`, `judge_agency` …)."""
    return fn.name if isinstance(fn, ByName) else getattr(fn, "__name__", "?")


def timed(cpu: WorkerCpu, fn: Callable[..., T], *args: Any) -> T:
    """`fn(*args)` in a thread of this process (an in-process pool, a lane's evaluation), its thread's CPU time
    counted in `cpu` as a task's and as the workers'."""
    began = time.thread_time()
    try:
        return fn(*args)
    finally:
        spent = time.thread_time() - began
        cpu.count(task_name(fn), spent, spent)


@dataclasses.dataclass
class PoolStats:
    extracted: int = 0
    cache_hits: int = 0
    timeouts: int = 0
    crashes: int = 0  # workers that died under a document (each such document is `too_complex`)
    retries: int = 0  # tasks sent again to another worker: the one they were queued on ended before them
    restarts: int = 0  # workers started in place of a killed or dead one
    calls: int = 0  # other work run on the workers (evaluation)
    cpu: WorkerCpu = dataclasses.field(default_factory=WorkerCpu)


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
        preload: tuple[str, ...] = (),
        depth: int = DEFAULT_DEPTH,
        share: tuple[type, ...] = (),
    ) -> None:
        """`workers=None` → one per CPU; `workers=0` → in this process (no memory bound).

        `extract_fn` must be a module-level function (it is pickled to the workers); tests inject slow or
        crashing ones. `start_method` defaults to spawn: forking a process that runs an event loop and
        HTTP client threads can deadlock the child. `preload`: modules the workers import as they start
        (what `call` will run), beside their first documents. `depth`: tasks each worker holds at once (see
        `DEFAULT_DEPTH`): deeper keeps the workers busier on a loaded machine, shallower lets a page that
        arrives late go before queued documents. `share`: immutable types whose sequences `call` is given again and
        again (the catalogue's items, one agency after another): a list or tuple of them goes to each worker
        once, and by name after, while this pool keeps it alive (at most `_SHARE_MAX` of them, for as long as
        it serves one event loop). A worker then hands every task the same object: a task must not change it.
        """
        self.workers = (os.cpu_count() or 1) if workers is None else workers
        if self.workers < 0:
            raise ValueError("workers must be >= 0")
        if depth < 1:
            raise ValueError("depth must be >= 1")
        self.depth = depth
        self.timeout = timeout
        if total_memory and memory_limit and self.workers:
            self.workers, memory_limit = fit_memory(self.workers, memory_limit, total_memory)
        self.memory_limit = memory_limit
        self.cache_size = cache_size
        self.cache_chars = cache_chars
        self._cached_chars = 0
        self.stats = PoolStats()
        self._extract_fn = extract_fn
        self._start_method = start_method
        self._preload = preload
        self._share = share
        self._pinned: dict[tuple[Any, ...], Any] = {}  # the shared sequences: alive, so their items' ids stay theirs
        self._cache: OrderedDict[CacheKey, Document] = OrderedDict()
        self._pending: dict[CacheKey, asyncio.Future[Document]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._slots: _Slots | None = None
        self._all: list[_Worker] = []
        self._thread: concurrent.futures.ThreadPoolExecutor | None = None
        self._closed = False

    # ------------------------------------------------------------ public API

    def start(self) -> None:
        """Start the worker processes now (they import the extractors while the run fetches), rather than
        when the first document arrives. Nothing to do in-process."""
        if self._closed or self.workers == 0:
            return
        while len(self._all) < self.workers:
            self._spawn()

    async def extract(
        self, body: bytes, url: str, content_type: str = "", charset: str | None = None, *, sha256: str = ""
    ) -> Document:
        """`body` read as a Document. `sha256`: the body's, when the caller has it already."""
        if self._closed:
            raise RuntimeError("ExtractPool is closed")
        self._bind_loop()
        kind = detect_kind(body, content_type, url, read_zip=False)  # the zip directory is the worker's job
        key = self._key(sha256 or hashlib.sha256(body).hexdigest(), url, kind, charset)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            self.stats.cache_hits += 1
            return _for_url(cached, url)
        while (pending := self._pending.get(key)) is not None:
            # The same bytes are being extracted right now (a file linked from several pages).
            try:
                doc = await asyncio.shield(pending)
            except asyncio.CancelledError:
                task = asyncio.current_task()
                if task is not None and task.cancelling():
                    raise  # this caller is cancelled
                continue  # the one extracting them was (its agency's budget, a lane gone): extract them here
            self.stats.cache_hits += 1
            return _for_url(doc, url)

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
        self.stats.calls += 1
        assert self._slots is not None
        if self.workers == 0:
            async with self._slots.take(PRIORITY_CALL):
                return await self._in_thread(fn, args, timeout)
        async with self._slots.take(PRIORITY_CALL):
            try:
                result: T = await self._on_a_worker(fn, args, timeout)
                return result
            except TimeoutError:
                self.stats.restarts += 1
                raise
            except _Died:
                self.stats.crashes += 1
                self.stats.restarts += 1
                raise RuntimeError("the worker process died while evaluating") from None

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        self._closed = True
        for worker in self._all:
            worker.close()
        self._all.clear()
        if self._thread is not None:
            self._thread.shutdown(wait=False)
            self._thread = None

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
            # asyncio primitives (and the workers' stream ends) belong to one loop: a new loop (a new
            # asyncio.run) gets new ones; workers that talked to the old loop are replaced.
            for worker in [w for w in self._all if w.bound]:
                worker.close()
            self._all = [w for w in self._all if not w.dead]
            # Only bound workers were sent shared sequences, and they are gone: each run's sequences (a Dask
            # worker's pool serves one batch, with its own catalogue, per loop) start afresh.
            self._pinned = {}
            self._loop = loop
            # In-process: one at a time (its time bound counts from its start on the one thread).
            self._slots = _Slots(self.workers * self.depth if self.workers else 1)
            self._pending = {}

    def _units_for(self, size: int) -> int:
        """The slots a body of `size` bytes takes: one, plus one per whole `_UNIT_BYTES`, at most a worker's
        `depth`. Each task sent to a worker is a pickled copy of its body in this process until the worker has
        read it, so the bytes on their way are bounded by the slots (≈ workers × depth MiB of ordinary bodies,
        or one large body per worker), not by how many large documents a site serves at once."""
        return min(1 + size // _UNIT_BYTES, self.depth)

    def _spawn(self) -> _Worker:
        worker = _adopt(self.memory_limit, self._start_method, self._preload, self.stats)
        if worker is None:
            worker = _Worker(self.memory_limit, self._start_method, self._preload, self.stats)
        self._all.append(worker)
        if len(self._all) >= self.workers:
            close_early()  # workers started for this pool that it has no room for (it was made smaller: lanes)
        return worker

    def _take(self) -> _Worker:
        """The live worker holding the fewest tasks (an idle one if any), or a new one in place of a dead one.
        Never more than `workers` live workers: a worker may hold more than `depth` tasks for a while (a
        cancelled caller's task stays on its worker, counted, until answered); the semaphore bounds the rest."""
        if self._closed:
            raise _Died  # closed under a task that was waiting to be sent again: no new process
        self._all = [w for w in self._all if not w.dead]
        best = min(self._all, key=lambda w: w.load, default=None)
        if best is None or (best.load > 0 and len(self._all) < self.workers):
            return self._spawn()
        return best

    async def _on_a_worker(self, fn: Callable[..., T], args: tuple[Any, ...], timeout: float | None) -> T:
        """`fn(*args)` on a worker; a task whose worker ended before beginning it goes to another (see
        `_REDISPATCH`: workers that cannot even start are a broken installation, reported as a dead worker)."""
        never_started = 0
        while True:
            try:
                worker = self._take()
                result: T = await worker.run(fn, self._shared(args, worker), timeout)
                return result
            except _NotStarted as exc:
                if not exc.started:
                    never_started += 1
                    if never_started > _REDISPATCH:
                        raise _Died from None
                self.stats.retries += 1

    def _shared(self, args: tuple[Any, ...], worker: _Worker) -> tuple[Any, ...]:
        """`args` for `worker`, each list or tuple of the `share` types as a `_Shared`: whole if the worker
        has not had it yet, else by its key (the ids of its items, which the pinned sequence keeps alive)."""
        if not self._share:
            return args
        out = []
        for a in args:
            if type(a) in (list, tuple) and a and all(type(x) in self._share for x in a):
                key = (type(a) is tuple, *map(id, a))
                if key in self._pinned or len(self._pinned) < _SHARE_MAX:
                    self._pinned.setdefault(key, tuple(a))
                    if key in worker.has:
                        a = _Shared(key)
                    else:
                        worker.has.add(key)
                        a = _Shared(key, a)
            out.append(a)
        return tuple(out)

    async def _in_thread(self, fn: Callable[..., T], args: tuple[Any, ...], timeout: float) -> T:
        if self._thread is None:
            self._thread = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="extract")
        call = asyncio.get_running_loop().run_in_executor(self._thread, timed, self.stats.cpu, fn, *args)
        return await asyncio.wait_for(call, timeout)

    def _key(self, digest: str, url: str, kind: DocKind, charset: str | None) -> CacheKey:
        if kind is DocKind.HTML:
            # An HTML Document carries links resolved against its URL, and its decoding depends on the
            # header charset: only the same page at the same URL is the same result.
            return (digest, kind, url, charset or "")
        return (digest, kind, "", "")

    def _remember(self, key: CacheKey, doc: Document) -> None:
        size = _chars(doc)
        if self.cache_size <= 0 or size > self.cache_chars or (doc.error is not None and doc.error.ours):
            return  # a bound of ours (a timeout, a dead worker) is not the document's answer for good
        self._cache[key] = doc
        self._cached_chars += size
        while len(self._cache) > self.cache_size or self._cached_chars > self.cache_chars:
            _key, old = self._cache.popitem(last=False)
            self._cached_chars -= _chars(old)

    async def _extract_bounded(
        self, body: bytes, url: str, content_type: str, charset: str | None, kind: DocKind
    ) -> Document:
        args = (body, url, content_type, charset)
        assert self._slots is not None
        priority = PRIORITY_PAGE if kind is DocKind.HTML else PRIORITY_DOCUMENT
        if self.workers == 0:
            async with self._slots.take(priority):  # one at a time: the time bound counts from its start
                return await self._attempt_in_thread(args, kind)
        # The wall-time bound starts once a worker is free, not while the document waits for one.
        async with self._slots.take(priority, self._units_for(len(body))):
            try:
                doc: Document = await self._on_a_worker(self._extract_fn, args, self.timeout)
            except TimeoutError:
                self.stats.timeouts += 1
                self.stats.restarts += 1
                return Document(url=url, kind=kind, error=DocError.TIMEOUT)
            except _Died:
                self.stats.crashes += 1
                self.stats.restarts += 1
                return Document(url=url, kind=kind, error=DocError.TOO_COMPLEX)
            except MemoryError:
                # The worker survived its own MemoryError (extract() maps it itself; an injected function
                # may not).
                return Document(url=url, kind=kind, error=DocError.TOO_COMPLEX)
            except Exception as exc:  # same contract as extract(): failures are data
                return Document(url=url, kind=kind, error=DocError.CORRUPT, error_detail=describe(exc))
        self.stats.extracted += 1
        return doc

    async def _attempt_in_thread(self, args: tuple[bytes, str, str, str | None], kind: DocKind) -> Document:
        url = args[1]
        try:
            doc = await self._in_thread(self._extract_fn, args, self.timeout)
        except TimeoutError:
            self.stats.timeouts += 1
            return Document(url=url, kind=kind, error=DocError.TIMEOUT)
        except MemoryError:
            return Document(url=url, kind=kind, error=DocError.TOO_COMPLEX)
        except Exception as exc:
            return Document(url=url, kind=kind, error=DocError.CORRUPT, error_detail=describe(exc))
        self.stats.extracted += 1
        return doc


def _chars(doc: Document) -> int:
    return sum(map(len, doc.pages))


def _for_url(doc: Document, url: str) -> Document:
    return doc if doc.url == url else dataclasses.replace(doc, url=url)


# ---------------------------------------------------------------- workers started before their pool

_standby: list[tuple[tuple[int | None, str, tuple[str, ...]], _Worker]] = []


def start_early(workers: int, *, memory_limit: int | None = DEFAULT_MEMORY_LIMIT, total_memory: int | None = None,
                start_method: str = "spawn", preload: tuple[str, ...] = ()) -> None:
    """Start `workers` worker processes now, for the next pool this process makes with the same arguments
    (`ExtractPool(workers, memory_limit=…, total_memory=…, start_method=…, preload=…)`): they import the
    extractors while this process is still reading what the run needs. The pool takes them over as it starts
    its workers, if its own worker count gives them the same memory limit; those it cannot take (another limit,
    or fewer workers: an audit in lanes) are ended as soon as it is full, and `close_early` ends any left. A
    cold `audit` uses it (cli/audit.py): its process alone on one core for its first ≈0.7 s otherwise, the
    workers starting only with its first document."""
    if workers <= 0:
        return
    if total_memory and memory_limit:
        workers, memory_limit = fit_memory(workers, memory_limit, total_memory)
    for _ in range(workers):
        _standby.append(((memory_limit, start_method, preload), _Worker(memory_limit, start_method, preload,
                                                                       PoolStats())))


def _adopt(memory_limit: int | None, start_method: str, preload: tuple[str, ...], stats: PoolStats
           ) -> _Worker | None:
    """A worker `start_early` started with these arguments, now counting its time in `stats`; None when there
    is none left (the others are ended: they were started for a pool like this one, which will not take them)."""
    while _standby:
        key, worker = _standby.pop(0)
        if key == (memory_limit, start_method, preload) and not worker.dead and worker.process.is_alive():
            worker._stats = stats
            return worker
        worker.close()
    return None


def close_early() -> None:
    """End the workers `start_early` started that no pool took."""
    while _standby:
        _standby.pop()[1].close()
