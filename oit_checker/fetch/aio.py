"""httpcore's network on asyncio's own transports, without anyio's streams in between.

httpx reaches the network through httpcore, whose default backend on asyncio is anyio: every read and write
of every request opens a cancel scope (`anyio.fail_after`), and every "is this idle connection still open"
check builds anyio's table of socket attributes. On a night of thousands of small requests that is a large
share of the main process's CPU (bench/fetch.py). `AsyncioBackend` gives httpcore the same network calls on
an `asyncio.Protocol`: a read returns what the transport has delivered (waiting, under its timeout, when
nothing has), a write hands the bytes to the transport (waiting, under its timeout, while the transport asks
the writer to pause), TLS is `loop.start_tls`, and a connection is readable when it has bytes or an end of
stream waiting, or its socket polls readable (what httpcore's own check does).

Errors are httpcore's, as from its anyio backend: ConnectError/ConnectTimeout, ReadError/ReadTimeout,
WriteError/WriteTimeout; an orderly end of stream reads as b"".

`native_primitives` gives httpcore asyncio's own locks and events, and no cancellation shields (they would
only hold off anyio's cancel scopes, which the product does not open): see there.
"""

from __future__ import annotations

import asyncio
import contextlib
import select
import ssl
import typing
from collections import deque
from collections.abc import Callable, Iterable

import httpcore

# Reading pauses while this much is received and not yet read (a large body arriving faster than it is read).
_PAUSE_READING_AT = 1 << 20
_RESUME_READING_AT = 256 << 10


class _Protocol(asyncio.Protocol):
    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.chunks: deque[bytes] = deque()
        self.head = 0  # how much of chunks[0] was read already
        self.buffered = 0
        self.eof = False
        self.lost: BaseException | None = None
        self.closed = False
        self.reading_paused = False
        self.writing_paused = False
        self.readable = _Wakeup()  # the reader waits for bytes or the end of the stream
        self.drained = _Wakeup()  # the writer waits for the transport to take more

    # -- transport callbacks

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = typing.cast(asyncio.Transport, transport)

    def data_received(self, data: bytes) -> None:
        self.chunks.append(data)
        self.buffered += len(data)
        if self.buffered >= _PAUSE_READING_AT and not self.reading_paused and self.transport is not None:
            self.reading_paused = True
            self.transport.pause_reading()
        self.readable.wake()

    def eof_received(self) -> bool:
        self.eof = True
        self.readable.wake()
        return False  # the transport closes itself

    def connection_lost(self, exc: Exception | None) -> None:
        self.eof = True
        self.closed = True
        self.lost = exc
        self.readable.wake()
        self.drained.wake()

    def pause_writing(self) -> None:
        self.writing_paused = True

    def resume_writing(self) -> None:
        self.writing_paused = False
        self.drained.wake()

    # -- for the stream

    def take(self, max_bytes: int) -> bytes:
        chunk, start = self.chunks[0], self.head
        end = min(len(chunk), start + max_bytes)
        if end == len(chunk):
            self.chunks.popleft()
            self.head = 0
        else:
            self.head = end
        if start or end < len(chunk):
            chunk = chunk[start:end]
        self.buffered -= len(chunk)
        if self.reading_paused and self.buffered <= _RESUME_READING_AT and self.transport is not None:
            self.reading_paused = False
            self.transport.resume_reading()
        return chunk


class _Wakeup:
    """One task's wait, under a timeout, for an event the transport's callbacks report (`wake`). One waiter
    at a time: httpcore never reads, or writes, a connection from two tasks at once."""

    def __init__(self) -> None:
        self._future: asyncio.Future[None] | None = None

    async def wait(self, timeout: float | None) -> None:
        self._future = asyncio.get_running_loop().create_future()
        try:
            async with asyncio.timeout(timeout):  # None: no bound
                await self._future
        finally:
            self._future = None

    def wake(self) -> None:
        if self._future is not None and not self._future.done():
            self._future.set_result(None)


def _socket_readable(sock: typing.Any) -> bool:
    """Whether a read would not block (bytes or an end of stream wait in the kernel); no socket counts as
    readable (a dead connection), as in httpcore's own check."""
    if sock is None or sock.fileno() < 0:
        return True
    if not hasattr(select, "poll"):  # Windows
        return bool(select.select([sock], [], [], 0)[0])
    poller = select.poll()
    poller.register(sock, select.POLLIN)
    return bool(poller.poll(0))


class AsyncioStream(httpcore.AsyncNetworkStream):
    def __init__(self, transport: asyncio.Transport, protocol: _Protocol) -> None:
        self._transport = transport
        self._protocol = protocol

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        p = self._protocol
        if not p.chunks and not p.eof:
            try:
                await p.readable.wait(timeout)
            except TimeoutError as exc:
                raise httpcore.ReadTimeout(f"no data within {timeout} s") from exc
        if p.chunks:
            return p.take(max_bytes)
        if p.lost is not None:
            raise httpcore.ReadError(str(p.lost) or type(p.lost).__name__) from p.lost
        return b""

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        p = self._protocol
        if p.closed or self._transport.is_closing():
            raise httpcore.WriteError("the connection is closed")
        self._transport.write(buffer)
        if p.writing_paused:
            try:
                await p.drained.wait(timeout)
            except TimeoutError as exc:
                raise httpcore.WriteTimeout(f"could not send within {timeout} s") from exc
            if p.closed and p.lost is not None:
                raise httpcore.WriteError(str(p.lost) or type(p.lost).__name__) from p.lost

    async def aclose(self) -> None:
        # Abort, not close: httpcore never needs unsent bytes flushed at close, and `close()` would keep the
        # socket while a peer that stopped reading leaves bytes unsent, or (TLS) while it waits for the peer's
        # reply to close_notify (asyncio waits up to 30 s). anyio's stream sends no close_notify either.
        self._transport.abort()

    async def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                        timeout: float | None = None) -> httpcore.AsyncNetworkStream:
        p = self._protocol
        if p.eof or p.closed or self._transport.is_closing():
            # Sent on a closed connection, the handshake would wait for its timeout: say so now.
            self._transport.abort()
            raise httpcore.ConnectError("the connection closed before the TLS handshake")
        if p.chunks:  # bytes the server sent before TLS would be read as if they came through it
            self._transport.abort()
            raise httpcore.ConnectError("the server sent data before the TLS handshake")
        loop = asyncio.get_running_loop()
        # asyncio bounds a handshake at 60 s by itself: the connect timeout bounds it instead.
        handshake = timeout if timeout is not None and timeout > 0 else None
        try:
            async with asyncio.timeout(timeout):
                tls = await loop.start_tls(self._transport, p, ssl_context, server_hostname=server_hostname,
                                           ssl_handshake_timeout=handshake)
        except TimeoutError as exc:
            self._transport.abort()
            raise httpcore.ConnectTimeout(f"TLS handshake took over {timeout} s") from exc
        except (OSError, ssl.SSLError, ConnectionError) as exc:
            self._transport.abort()
            raise httpcore.ConnectError(str(exc) or type(exc).__name__) from exc
        except BaseException:  # a bad server name (ValueError), a cancellation: the socket still goes
            self._transport.abort()
            raise
        if tls is None:  # the connection closed during the handshake
            raise httpcore.ConnectError("the connection closed during the TLS handshake")
        p.transport, p.reading_paused, p.writing_paused = tls, False, False
        return AsyncioStream(tls, p)

    def get_extra_info(self, info: str) -> typing.Any:
        if info == "is_readable":
            p = self._protocol
            if p.chunks or p.eof:
                return True
            return _socket_readable(self._transport.get_extra_info("socket"))
        if info == "ssl_object":
            return self._transport.get_extra_info("ssl_object")
        if info == "client_addr":
            return self._transport.get_extra_info("sockname")
        if info == "server_addr":
            return self._transport.get_extra_info("peername")
        if info == "socket":
            return self._transport.get_extra_info("socket")
        return None


class AsyncioBackend(httpcore.AsyncNetworkBackend):
    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
                          ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                # A name's addresses tried as anyio does: the next one 250 ms after the previous (RFC 8305).
                transport, protocol = await loop.create_connection(
                    _Protocol, host, port, local_addr=(local_address, 0) if local_address else None,
                    happy_eyeballs_delay=0.25)
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout(f"no connection to {host}:{port} within {timeout} s") from exc
        except OSError as exc:
            raise httpcore.ConnectError(str(exc) or type(exc).__name__) from exc
        sock = transport.get_extra_info("socket")  # asyncio has set TCP_NODELAY, as anyio does
        try:
            for option in socket_options or ():
                sock.setsockopt(*option)
        except OSError as exc:
            transport.abort()
            raise httpcore.ConnectError(f"socket option refused: {exc}") from exc
        return AsyncioStream(transport, protocol)

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
                                  ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                transport, protocol = await loop.create_unix_connection(_Protocol, path)
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout(f"no connection to {path} within {timeout} s") from exc
        except OSError as exc:
            raise httpcore.ConnectError(str(exc) or type(exc).__name__) from exc
        return AsyncioStream(transport, protocol)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


def _sync_module() -> typing.Any:
    """httpcore's synchronization module, if it has the classes `native_primitives` was written for."""
    try:
        from httpcore import _synchronization
    except ImportError:  # pragma: no cover - another httpcore
        return None
    for name, method in (("AsyncLock", "setup"), ("AsyncEvent", "setup"), ("AsyncShieldCancellation", "__init__")):
        if not callable(getattr(getattr(_synchronization, name, None), method, None)):  # pragma: no cover
            return None
    return _synchronization if callable(getattr(_synchronization, "current_async_library", None)) else None


_SYNC = _sync_module()
_plain: dict[str, Callable[..., None]] = {} if _SYNC is None else {
    "lock": _SYNC.AsyncLock.setup, "event": _SYNC.AsyncEvent.setup, "shield": _SYNC.AsyncShieldCancellation.__init__}


# Each as httpcore's own setup, with asyncio's objects where it would make anyio's on asyncio.
def _native_lock_setup(lock: typing.Any) -> None:
    if _SYNC.current_async_library() != "asyncio":
        _plain["lock"](lock)
        return
    lock._backend = "asyncio"
    lock._anyio_lock = asyncio.Lock()  # the same acquire() and release()


def _native_event_setup(event: typing.Any) -> None:
    if _SYNC.current_async_library() != "asyncio":
        _plain["event"](event)
        return
    event._backend = "asyncio"
    event._anyio_event = asyncio.Event()  # the same set() and wait() (the wait stays under anyio's timeout)


def _native_shield_init(shield: typing.Any) -> None:
    if _SYNC.current_async_library() != "asyncio":
        _plain["shield"](shield)
        return
    shield._backend = "asyncio"
    shield._anyio_shield = _NO_SHIELD  # entered and exited in its place: nothing to do


_NO_SHIELD = contextlib.nullcontext()


def native_primitives() -> bool:
    """Make httpcore's locks, events and cancellation shields on asyncio plain asyncio ones.

    httpcore builds them on anyio: a lock taken three times per request, an event set per request and two
    shielded cancel scopes per response. anyio's lock, even when free, first gives every other task a turn
    (a `sleep(0)` in a shielded cancel scope), and every acquire, release, scope and event looks up the
    running library and the task's cancel scopes. asyncio's own lock and event do the same job on asyncio;
    anyio's shield only holds off cancellation by anyio's own cancel scopes, which nothing in this product
    opens (its timeouts are asyncio's, whose cancellation a shield never stopped), so here it does nothing.
    Measured as bench/fetch.py does (20 agencies, 1,100 requests, seven rounds alternating in one process):
    779 µs of CPU per request with anyio's lock taken at once when free (its `fast_acquire`, this function's
    earlier form), 697 µs with asyncio's lock and event and no shields.

    httpcore makes these objects in its own modules, so this changes its classes for the whole process, and
    only under asyncio (under trio they stay trio's). Idempotent; False (nothing changed) when this httpcore
    is not the one this was written for, so it runs as it would by itself.
    """
    sync = _SYNC
    if sync is None or not _plain:  # pragma: no cover - another httpcore
        return False
    if sync.AsyncLock.setup is _native_lock_setup:
        return True
    if (sync.AsyncLock.setup is not _plain["lock"] or sync.AsyncEvent.setup is not _plain["event"]
            or sync.AsyncShieldCancellation.__init__ is not _plain["shield"]):  # pragma: no cover - changed by others
        return False
    if not hasattr(sync.AsyncLock(), "_backend") or not hasattr(sync.AsyncEvent(), "_backend"):  # pragma: no cover
        return False
    sync.AsyncLock.setup = _native_lock_setup
    sync.AsyncEvent.setup = _native_event_setup
    sync.AsyncShieldCancellation.__init__ = _native_shield_init
    return True
