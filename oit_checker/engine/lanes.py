"""A warm night on several cores: the local executor's agencies shared by this process and helper processes.

On a night after a comparable run (same catalogue, fiscal year and tool version) most answers are 304 and most
findings are taken over (engine/reuse.py): nothing is extracted and nothing is evaluated, and what is left —
HTTP, the caches, following pages, the history — is Python work of one process on one core while the others
idle. With lanes, `lanes - 1` helper processes each run the very same per-agency code (`check_and_store_from`,
their own `Session`: HTTP client and caches) beside this process, and:

- the agencies are handed out while the night goes, one *unit* at a time: agencies reaching a common host
  (partition.group_by_host, with the hosts the previous run reached; the big shared platforms and hosts of
  more than SHARED_ABOVE agencies join nobody)
  form one unit, whose agencies one lane checks side by side, so such a host is fetched from one process and
  its per-host limit holds;
- the few documents that did change are extracted by THIS process's extraction pool: a lane sends them over
  its socket (`RemotePool`). One pool for the night, so lanes do not multiply the extraction workers' memory.
  An item a helper lane must judge again is evaluated in the lane's own process (its CPU, not the pool's),
  bounded in time like on the pool: past the bound the lane ends (or this process, told of every
  evaluation, ends it) and its agencies are checked here, evaluated on the pool;
- each lane stores its agencies in the history itself, like a Dask worker, and says so ("stored"), which the
  progress display counts, with the agency's piece for the read-back (engine/readback.py: its counts, changes
  and JSON report section, made in the lane while it holds the agency);
- a lane that dies (killed, a crash) loses nothing stored: the agencies it was given and had not stored are
  checked here instead.

A cold night keeps one lane: its cost is extraction and evaluation, which the pool already spreads over the
cores, and a second crawler would only add its memory (engine/audit.py decides, `lanes_for`).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import multiprocessing
import os
import pickle
import signal
import socket
import struct
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

import httpx

from oit_checker import __version__
from oit_checker.engine.batch import BatchSummary, CheckSettings, Placed, check_and_store_from
from oit_checker.engine.history import AgencyStore, StoreSpec
from oit_checker.engine.readback import StoredPiece
from oit_checker.engine.session import RunOptions, Session
from oit_checker.extract.pool import ExtractPool, die_with_parent, timed
from oit_checker.model import AgencyResult, Catalogue, Document, Status

T = TypeVar("T")
TransportFactory = Callable[[], httpx.AsyncBaseTransport]

_HEADER = struct.Struct("!Q")
_STREAM_LIMIT = 1 << 20
_JOIN_S = 5.0
EXIT_EVALUATION_BOUND = 75  # a lane's exit status when an evaluation ran past its bound
WATCH_MARGIN_S = 10.0  # past an evaluation's bound, the main process waits this long for the lane to end it
MIN_AGENCIES_PER_LANE = 8  # fewer agencies per lane: a lane's start-up (≈0.4 s) is not paid back
MAX_AUTO_LANES = 4


def lanes_for(options: RunOptions, agencies: int, *, warm: bool, possible: bool) -> int:
    """How many processes share the night's agencies (at most: never more than its units, engine/audit.py).
    `options.lanes` when set; else, on a warm night (a comparable previous run to take findings from, and the
    caches), one per core up to MAX_AUTO_LANES and one per MIN_AGENCIES_PER_LANE agencies. One with
    `--render`. `possible`: helpers can be started (the history has a location they can open, the network is
    not an object of this process); else one."""
    if not possible or agencies < 2 or options.render is not None:  # a browser per lane: more cost than gain
        return 1
    if options.lanes is not None:
        return max(1, min(options.lanes, agencies))
    if not warm:
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_AUTO_LANES, agencies // MIN_AGENCIES_PER_LANE))


def lane_options(options: RunOptions, lanes: int) -> RunOptions:
    """Each lane's options: the run's connection limit and agencies at once shared among the lanes (never more
    in all than asked, at least one each); the one extraction pool keeps the cores the lanes leave (at least
    one worker)."""
    if lanes <= 1:
        return options
    fetch = replace(options.fetch, global_limit=max(1, options.fetch.global_limit // lanes))
    workers = options.extract_workers
    if workers is None:
        workers = max(1, (os.cpu_count() or 1) - lanes)
    return replace(options, fetch=fetch, agencies_at_once=max(1, options.agencies_at_once // lanes),
                   extract_workers=workers, lanes=lanes)


@dataclass(frozen=True)
class LaneJob:
    """What a helper lane needs, by value (picklable)."""

    store: StoreSpec
    run_id: int
    catalogue: Catalogue
    fiscal_year: int
    settings: CheckSettings
    transport_factory: TransportFactory | None = None  # None: the network
    tool_version: str = __version__


# ---------------------------------------------------------------- framing


def _send(writer: asyncio.StreamWriter, message: tuple[Any, ...]) -> None:
    """One frame (header, then the payload as it is: a document's bytes are not copied once more)."""
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    writer.write(_HEADER.pack(len(payload)))
    writer.write(payload)


def _answer(writer: asyncio.StreamWriter, ident: int, ok: bool, value: object) -> None:
    """An answer; an error that would not arrive whole (it cannot be pickled, or not unpickled: an exception
    class with its own arguments) arrives as a RuntimeError that names it."""
    if not ok:
        try:
            pickle.loads(pickle.dumps(value))
        except Exception:
            value = RuntimeError(f"{type(value).__name__}: {value}")
    try:
        _send(writer, ("answer", ident, ok, value))
    except Exception as exc:  # an unpicklable result
        _send(writer, ("answer", ident, False, RuntimeError(f"{type(exc).__name__}: {exc}")))


async def _receive(reader: asyncio.StreamReader) -> Any:
    size = _HEADER.unpack(await reader.readexactly(_HEADER.size))[0]
    return pickle.loads(await reader.readexactly(size))


# ---------------------------------------------------------------- the helper's side


class _Channel:
    """The helper's end of its socket: questions (`ask`) answered in any order, notices (`tell`)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer
        self._ids = itertools.count()
        self._waiting: dict[int, asyncio.Future[Any]] = {}
        self.broken: BaseException | None = None  # the channel's end: every later question fails with it
        self._listener = asyncio.ensure_future(self._listen())

    async def ask(self, kind: str, *args: object) -> Any:
        if self.broken is not None:
            raise self.broken
        ident = next(self._ids)
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._waiting[ident] = future
        try:
            _send(self._writer, (kind, ident, *args))
            await self._writer.drain()
            return await future
        finally:
            self._waiting.pop(ident, None)

    def tell(self, kind: str, *args: object) -> None:
        _send(self._writer, (kind, -1, *args))

    async def flush(self) -> None:
        with contextlib.suppress(ConnectionError, OSError):
            await self._writer.drain()

    async def _listen(self) -> None:
        why: BaseException
        try:
            while True:
                _kind, ident, ok, value = await _receive(self._reader)
                future = self._waiting.get(ident)
                if future is None or future.done():
                    continue  # asked by a task since cancelled
                if ok:
                    future.set_result(value)
                else:
                    future.set_exception(value)
        except (asyncio.IncompleteReadError, ConnectionError, OSError) as exc:
            why = ConnectionError(f"the audit's main process went away ({exc})")
        except Exception as exc:  # a frame that cannot be read: nothing after it can be trusted
            why = RuntimeError(f"unreadable answer from the audit's main process ({type(exc).__name__}: {exc})")
        self.broken = why
        for future in self._waiting.values():
            if not future.done():
                future.set_exception(why)

    async def close(self) -> None:
        await self.flush()
        self._listener.cancel()
        await asyncio.gather(self._listener, return_exceptions=True)
        self._writer.close()


class RemotePool(ExtractPool):
    """What a lane extracts and evaluates with. Documents go over the lane's socket to the main process's one
    pool (its workers' memory and time bounds hold, and lanes add no extraction processes). An agency's
    evaluation runs here, in a thread of the lane's own process: it needs the lane's CPU, not the pool's
    (sending every document of the agency to the main process and on to a worker would load both).

    Past its time bound an evaluation cannot be stopped in a thread: the lane then says why and ends at once,
    and the main process checks the agencies the lane held again, evaluating on its pool, where the bound is
    enforced (the agency gets its `evaluation_timeout` finding there). Should this process be unable to act
    (a regular expression holding the interpreter lock), the main process, told of every evaluation and its
    bound, kills it `WATCH_MARGIN_S` past the bound, with the same outcome."""

    def __init__(self, channel: _Channel, *, exit: Callable[[int], object] = os._exit) -> None:
        super().__init__(workers=1, total_memory=None)
        self._channel = channel
        self._exit = exit
        self._evaluations = itertools.count()

    def start(self) -> None:
        return None

    async def extract(self, body: bytes, url: str, content_type: str = "", charset: str | None = None, *,
                      sha256: str = "") -> Document:
        doc: Document = await self._channel.ask("extract", body, url, content_type, charset, sha256)
        return doc

    async def call(self, fn: Callable[..., T], *args: object, timeout: float) -> T:
        self.stats.calls += 1
        ident = next(self._evaluations)
        # The main process watches the bound too: a pattern that backtracks inside `re` holds the interpreter
        # lock, and then neither this process's event loop nor any of its threads can act on the bound.
        self._channel.tell("evaluating", ident, timeout)
        try:
            return await asyncio.wait_for(asyncio.to_thread(timed, self.stats.cpu, fn, *args), timeout)
        except TimeoutError:
            self._channel.tell("failed", f"an evaluation ran past its bound of {timeout:.0f} s")
            await self._channel.flush()
            self._exit(EXIT_EVALUATION_BOUND)
            raise
        finally:
            self._channel.tell("evaluated", ident)


def lane_main(sock: socket.socket, job: LaneJob) -> None:
    """A helper lane's process: check the agencies the main process hands out, store each, then report."""
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    store = job.store.open(migrate=False)
    try:
        asyncio.run(_lane(sock, job, store))
    finally:
        store.close()


async def _lane(sock: socket.socket, job: LaneJob, store: AgencyStore) -> None:
    reader, writer = await asyncio.open_connection(sock=sock, limit=_STREAM_LIMIT)
    channel = _Channel(reader, writer)
    try:
        if job.tool_version != __version__:
            raise RuntimeError(f"the lane runs oit-checker {__version__}, the main process {job.tool_version}")
        urls = 0

        def fetched(kind: str, url: str) -> None:
            nonlocal urls
            if kind == "fetched":
                urls += 1

        told: dict[str, tuple[int, tuple[str, ...], int]] = {}  # slug → what "stored" says, until its piece

        def stored(ordinal: int, result: AgencyResult) -> None:
            nonlocal urls
            errors = sum(1 for f in result.findings if f.status is Status.ERROR)
            reused = tuple(f.item for f in result.findings if f.reused)
            told[result.agency.slug] = (errors, reused, urls)
            urls = 0

        def piece(slug: str, made: StoredPiece | None) -> None:  # right after `stored`, for the same agency
            channel.tell("stored", slug, *told.pop(slug), made)

        async def take() -> Sequence[Placed] | None:
            unit: Sequence[Placed] | None = await channel.ask("take")
            return unit

        transport = job.transport_factory() if job.transport_factory is not None else None
        session = Session(job.settings.options, transport=transport, cache_dir=job.settings.cache_dir,
                          on_progress=fetched, pool=RemotePool(channel))
        async with session:
            summary = await check_and_store_from(session, store, job.run_id, take, job.catalogue,
                                                 job.fiscal_year, job.settings, on_stored=stored, on_piece=piece)
        summary.requests = session.requests_made
        summary.cache, summary.extract_cache = session.cache_stats, session.extract_cache_stats
        summary.worker_cpu = session.worker_cpu  # its evaluations (its documents were read by the main's pool)
        channel.tell("done", summary)
    except Exception as exc:  # a bug of ours: the main process checks this lane's agencies instead
        channel.tell("failed", f"{type(exc).__name__}: {exc}")
    finally:
        await channel.close()


# ---------------------------------------------------------------- the main process's side


@dataclass
class Helper:
    """The main process's view of one helper lane."""

    process: Any
    sock: socket.socket
    given: list[Sequence[Placed]] = field(default_factory=list)  # the units it was handed
    summary: BatchSummary | None = None
    failure: str | None = None
    writer: asyncio.StreamWriter | None = None  # the main process's end of the socket, once served
    jobs: set[asyncio.Task[None]] = field(default_factory=set)  # its extractions under way
    watches: dict[int, asyncio.TimerHandle] = field(default_factory=dict)  # its evaluations under way: deadline


class Units:
    """The night's units of agencies, handed out to whichever lane asks first."""

    def __init__(self, units: Sequence[Sequence[Placed]]) -> None:
        self._units: deque[Sequence[Placed]] = deque(units)
        self._changed = asyncio.Event()
        self.helpers_running = 0

    def take_now(self) -> Sequence[Placed] | None:
        return self._units.popleft() if self._units else None

    async def take(self) -> Sequence[Placed] | None:
        """The next unit for the main lane; while a helper runs, an empty queue may still be refilled (a lane
        that died gives its unstored agencies back), so wait for that or for the helpers' end."""
        while True:
            if self._units:
                return self._units.popleft()
            if self.helpers_running == 0:
                return None
            changed = self._changed
            await changed.wait()

    def give_back(self, units: Sequence[Sequence[Placed]]) -> None:
        """Units handed to a lane that ended before storing them: first in line again, in their order."""
        self._units.extendleft(reversed(units))
        self.notify()

    def notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()


def start_helper(job: LaneJob) -> Helper:
    ctx = multiprocessing.get_context("spawn")
    mine, theirs = socket.socketpair()
    try:
        process = ctx.Process(target=lane_main, args=(theirs, job), daemon=True, name="oit-checker-lane")
        process.start()
    except BaseException:
        mine.close()
        raise
    finally:
        theirs.close()
    return Helper(process=process, sock=mine)


class _Server:
    """The main process's end of one helper's socket."""

    def __init__(self, helper: Helper, pool: ExtractPool, units: Units,
                 on_stored: Callable[[str, int, tuple[str, ...], int, StoredPiece | None], None]) -> None:
        self.helper = helper
        self.pool = pool
        self.units = units
        self.on_stored = on_stored

    def _answer(self, ident: int, ok: bool, value: object) -> None:
        writer = self.helper.writer
        if writer is None or writer.is_closing():
            return  # the helper is gone: nobody waits for this answer
        with contextlib.suppress(ConnectionError, OSError, RuntimeError):
            _answer(writer, ident, ok, value)

    def _work(self, ident: int, work: Callable[[], Awaitable[object]]) -> None:
        """Extraction for the helper. Left to finish even if the helper goes meanwhile: another lane may be
        waiting on the same bytes (the pool extracts them once for all), and the pool bounds its time."""
        async def run() -> None:
            try:
                value = await work()
            except Exception as exc:
                self._answer(ident, False, exc)
            else:
                self._answer(ident, True, value)

        task = asyncio.ensure_future(run())
        self.helper.jobs.add(task)
        task.add_done_callback(self.helper.jobs.discard)

    def handle(self, message: tuple[Any, ...]) -> None:
        kind, ident, *args = message
        helper = self.helper
        if kind == "take":
            unit = self.units.take_now()
            if unit is not None:
                helper.given.append(unit)
            self._answer(ident, True, unit)
        elif kind == "extract":
            body, url, content_type, charset, sha256 = args
            self._work(ident, lambda: self.pool.extract(body, url, content_type, charset, sha256=sha256))
        elif kind == "stored":
            slug, errors, reused, urls, piece = args
            self.on_stored(slug, errors, reused, urls, piece)
        elif kind == "evaluating":
            number, bound = args
            helper.watches[number] = asyncio.get_running_loop().call_later(
                bound + WATCH_MARGIN_S, self._overdue, bound)
        elif kind == "evaluated":
            watch = helper.watches.pop(args[0], None)
            if watch is not None:
                watch.cancel()
        elif kind == "done":
            helper.summary = args[0]
        elif kind == "failed":
            helper.failure = str(args[0])
        else:
            raise ValueError(f"unknown message {kind!r}")

    def _overdue(self, bound: float) -> None:
        """An evaluation of this helper ran far past its bound and the helper did not end it: end the helper
        (its agencies go back to the queue, and the main process evaluates them on its pool)."""
        helper = self.helper
        if helper.failure is None:
            helper.failure = f"an evaluation ran past its bound of {bound:.0f} s and the lane did not stop"
        helper.process.kill()

    async def serve(self) -> None:
        reader, self.helper.writer = await asyncio.open_connection(sock=self.helper.sock, limit=_STREAM_LIMIT)
        while True:
            try:
                message = await _receive(reader)
            except (asyncio.IncompleteReadError, ConnectionError, OSError):
                return
            try:
                self.handle(message)
            except Exception as exc:  # a message we cannot act on: this lane is not to be trusted further
                self.helper.failure = f"{type(exc).__name__}: {exc}"
                self.helper.summary = None
                return


async def serve_helper(helper: Helper, pool: ExtractPool, units: Units, store: AgencyStore, run_id: int,
                       on_stored: Callable[[str, int, tuple[str, ...], int, StoredPiece | None], None]) -> None:
    """Answer one helper until it ends: units to check, documents to extract. When it ends without its
    summary, the agencies it was given and did not store go back to `units` (only once it is surely gone:
    a write already on its way could otherwise still land)."""
    try:
        await _Server(helper, pool, units, on_stored).serve()
    finally:
        for watch in helper.watches.values():
            watch.cancel()
        if helper.summary is None:
            helper.process.kill()  # ended badly, or the run is cancelled: it must not write any more
        await asyncio.to_thread(_end, helper)
        _close(helper)
    if helper.summary is None:
        if helper.failure is None:
            helper.failure = f"the lane process ended (exit code {helper.process.exitcode})"
        done = store.agencies_done(run_id, [a.slug for unit in helper.given for _, a in unit])
        units.give_back([left for unit in helper.given if (left := [p for p in unit if p[1].slug not in done])])


def _end(helper: Helper) -> None:
    helper.process.join(_JOIN_S)
    if helper.process.is_alive():
        helper.process.kill()
        helper.process.join(_JOIN_S)


def _close(helper: Helper) -> None:
    if helper.writer is not None:
        with contextlib.suppress(RuntimeError, OSError):  # through its transport, so the loop lets go of it
            helper.writer.close()
    helper.sock.close()


def stop_helper(helper: Helper) -> None:
    """The run is cancelled: the helper goes at once (what it stored stays stored)."""
    if helper.process.is_alive():
        helper.process.kill()
    helper.process.join(_JOIN_S)
    _close(helper)
