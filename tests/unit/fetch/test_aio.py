"""fetch/aio.py: httpcore's network calls on asyncio's transports, against real sockets on 127.0.0.1.

Each test runs a small asyncio server in the same event loop and checks what httpcore relies on: reads, the
end of a stream, timeouts, a reset, flow control both ways, "is this idle connection still open", TLS, and
a whole httpx request through the product's client; and httpcore's locks, events and shields as the product
sets them up (a free lock taken at once, a held one waited for, a request cancelled mid-body or waiting for a
connection leaving the pool usable, a full pool still a pool timeout)."""

from __future__ import annotations

import asyncio
import socket
import ssl
import struct
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import httpcore
import httpcore._synchronization as httpcore_sync
import httpx
import pytest

from oit_checker.fetch.aio import AsyncioBackend, AsyncioStream, native_primitives
from oit_checker.fetch.client import FetchSettings, build_client
from tests.support.paths import ROOT

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]
HOSTILE = ROOT / "fixtures" / "hostile"


@asynccontextmanager
async def serving(handler: Handler, ssl_context: ssl.SSLContext | None = None) -> AsyncIterator[int]:
    server = await asyncio.start_server(handler, "127.0.0.1", 0, ssl=ssl_context)
    try:
        yield server.sockets[0].getsockname()[1]
    finally:
        server.close()
        await server.wait_closed()


async def read_all(stream: httpcore.AsyncNetworkStream) -> bytes:
    out = bytearray()
    while chunk := await stream.read(65536, timeout=5):
        out += chunk
    return bytes(out)


async def test_reads_what_was_sent_then_an_empty_read_at_the_end() -> None:
    async def handler(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        w.write("สวัสดี".encode() * 1000)
        await w.drain()
        w.close()

    async with serving(handler) as port:
        stream = await AsyncioBackend().connect_tcp("127.0.0.1", port, timeout=5)
        assert await read_all(stream) == "สวัสดี".encode() * 1000
        assert await stream.read(10, timeout=1) == b""
        await stream.aclose()


async def test_a_read_returns_at_most_what_was_asked() -> None:
    async def handler(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        w.write(b"0123456789")
        await w.drain()
        await asyncio.sleep(1)

    async with serving(handler) as port:
        stream = await AsyncioBackend().connect_tcp("127.0.0.1", port, timeout=5)
        got = await stream.read(4, timeout=5)
        assert got == b"0123"
        rest = b""
        while len(rest) < 6:
            rest += await stream.read(4, timeout=5)
        assert rest == b"456789"
        await stream.aclose()


async def test_a_silent_server_is_a_read_timeout() -> None:
    async def handler(r: asyncio.StreamReader, _w: asyncio.StreamWriter) -> None:
        await r.read()  # never answers

    async with serving(handler) as port:
        stream = await AsyncioBackend().connect_tcp("127.0.0.1", port, timeout=5)
        with pytest.raises(httpcore.ReadTimeout):
            await stream.read(100, timeout=0.2)
        await stream.aclose()


async def test_a_reset_connection_is_a_read_error() -> None:
    async def handler(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        sock = w.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close with a RST
        w.transport.abort()

    async with serving(handler) as port:
        stream = await AsyncioBackend().connect_tcp("127.0.0.1", port, timeout=5)
        await asyncio.sleep(0.2)
        with pytest.raises(httpcore.ReadError):
            await stream.read(100, timeout=5)


async def test_a_closed_port_is_a_connect_error() -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    with pytest.raises(httpcore.ConnectError):
        await AsyncioBackend().connect_tcp("127.0.0.1", port, timeout=5)


async def test_reading_pauses_under_a_large_body_and_nothing_is_lost() -> None:
    body = bytes(range(256)) * (16 * 1024)  # 4 MiB, far past the pause threshold

    async def handler(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        w.write(body)
        await w.drain()
        w.close()

    async with serving(handler) as port:
        stream = await AsyncioBackend().connect_tcp("127.0.0.1", port, timeout=5)
        assert isinstance(stream, AsyncioStream)
        await asyncio.sleep(0.5)  # let it arrive unread
        assert stream._protocol.reading_paused
        assert await read_all(stream) == body
        assert not stream._protocol.reading_paused


async def test_a_peer_that_does_not_read_is_a_write_timeout() -> None:
    release = asyncio.Event()

    async def handler(_r: asyncio.StreamReader, _w: asyncio.StreamWriter) -> None:
        await release.wait()  # reads nothing

    async with serving(handler) as port:
        stream = await AsyncioBackend().connect_tcp("127.0.0.1", port, timeout=5)
        with pytest.raises(httpcore.WriteTimeout):
            for _ in range(1000):  # the socket buffers fill, then the transport asks the writer to pause
                await stream.write(b"x" * (1 << 20), timeout=0.3)
        release.set()
        await stream.aclose()


async def test_an_idle_connection_is_readable_once_the_server_closes_it() -> None:
    close = asyncio.Event()

    async def handler(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        await close.wait()
        w.close()

    async with serving(handler) as port:
        stream = await AsyncioBackend().connect_tcp("127.0.0.1", port, timeout=5)
        assert stream.get_extra_info("is_readable") is False  # idle and open: reusable
        close.set()
        await asyncio.sleep(0.2)
        assert stream.get_extra_info("is_readable") is True  # httpcore then drops it instead of reusing it
        assert stream.get_extra_info("server_addr") == ("127.0.0.1", port)
        assert stream.get_extra_info("ssl_object") is None
        await stream.aclose()


async def test_tls_is_started_on_the_connection() -> None:
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(HOSTILE / "tls_cert.pem", HOSTILE / "tls_key.pem")

    async def handler(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        line = await r.readline()
        w.write(b"echo " + line)
        await w.drain()
        w.close()

    trusting = ssl.create_default_context(cafile=str(HOSTILE / "tls_cert.pem"))
    async with serving(handler, server_context) as port:
        plain = await AsyncioBackend().connect_tcp("127.0.0.1", port, timeout=5)
        stream = await plain.start_tls(trusting, server_hostname="localhost", timeout=5)
        assert stream.get_extra_info("ssl_object") is not None
        await stream.write("ปีงบประมาณ 2569\n".encode(), timeout=5)
        assert await read_all(stream) == "echo ปีงบประมาณ 2569\n".encode()

        # A certificate the client does not trust: a connect error, as from httpcore's own backend.
        plain = await AsyncioBackend().connect_tcp("127.0.0.1", port, timeout=5)
        with pytest.raises(httpcore.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
            await plain.start_tls(ssl.create_default_context(), server_hostname="localhost", timeout=5)


async def test_tls_on_a_connection_the_server_closed_fails_at_once() -> None:
    async def handler(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        w.close()  # a proxy that answers and hangs up, a server that drops the connection

    async with serving(handler) as port:
        plain = await AsyncioBackend().connect_tcp("127.0.0.1", port, timeout=5)
        assert await plain.read(10, timeout=5) == b""  # the close has arrived
        # A connect error, not the handshake waiting out its 60 s timeout (ConnectTimeout).
        with pytest.raises(httpcore.ConnectError, match="closed before the TLS handshake"):
            await plain.start_tls(ssl.create_default_context(), server_hostname="localhost", timeout=60)


@pytest.mark.parametrize("tls", [False, True])
async def test_closing_lets_the_connection_go_at_once(tls: bool) -> None:
    """Even with bytes the peer never read (plain) or a peer that never answers close_notify (TLS)."""
    gone = asyncio.Event()

    async def handler(r: asyncio.StreamReader, _w: asyncio.StreamWriter) -> None:
        if not tls:
            await asyncio.sleep(0.5)  # reads nothing while the client fills the buffers
        try:
            while await r.read(65536):
                pass
        except (ConnectionError, ssl.SSLError):
            pass
        gone.set()

    server_context = None
    if tls:
        server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server_context.load_cert_chain(HOSTILE / "tls_cert.pem", HOSTILE / "tls_key.pem")
    async with serving(handler, server_context) as port:
        stream = await AsyncioBackend().connect_tcp("127.0.0.1", port, timeout=5)
        if tls:
            stream = await stream.start_tls(ssl.create_default_context(cafile=str(HOSTILE / "tls_cert.pem")),
                                            server_hostname="localhost", timeout=5)
        else:
            with pytest.raises(httpcore.WriteTimeout):
                for _ in range(1000):
                    await stream.write(b"x" * (1 << 20), timeout=0.2)
        await stream.aclose()
        await asyncio.sleep(0)
        sock = stream.get_extra_info("socket")
        assert sock is None or sock.fileno() == -1  # our end is closed now, not after a flush or a reply
        await asyncio.wait_for(gone.wait(), 10)  # and the server sees the connection end


async def test_the_products_client_fetches_over_it() -> None:
    async def handler(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        for _ in range(3):  # three requests on one kept-alive connection
            while (await r.readline()) not in (b"\r\n", b""):
                pass
            body = "แผนปฏิบัติการ ประจำปี 2569".encode()
            w.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
            await w.drain()
        w.close()

    async with serving(handler) as port:
        settings = FetchSettings(allow_private=True)
        async with build_client(settings) as client:
            for _ in range(3):
                response = await client.get(f"http://127.0.0.1:{port}/plan")
                assert response.status_code == 200
                assert response.text == "แผนปฏิบัติการ ประจำปี 2569"


async def test_the_products_client_takes_a_free_connection_lock_without_yielding() -> None:
    build_client(FetchSettings(allow_private=True))  # the product's transport sets httpcore's locks up
    lock = httpcore_sync.AsyncLock()
    others_ran: list[str] = []
    asyncio.get_running_loop().call_soon(others_ran.append, "other")
    async with lock:
        assert others_ran == []  # a free lock: no round of the event loop before it is held
    await asyncio.sleep(0)
    assert others_ran == ["other"]


async def test_a_held_connection_lock_is_still_waited_for() -> None:
    assert native_primitives()
    lock = httpcore_sync.AsyncLock()
    order: list[str] = []
    release = asyncio.Event()

    async def first() -> None:
        async with lock:
            order.append("first in")
            await release.wait()
            order.append("first out")

    async def second() -> None:
        async with lock:
            order.append("second in")

    a = asyncio.create_task(first())
    await asyncio.sleep(0)
    b = asyncio.create_task(second())
    await asyncio.sleep(0.01)
    assert order == ["first in"]  # the second task waits while the first holds the lock
    release.set()
    await asyncio.gather(a, b)
    assert order == ["first in", "first out", "second in"]


def test_httpcores_primitives_on_asyncio_are_asyncios_own() -> None:
    assert native_primitives()
    assert native_primitives()  # idempotent

    async def made() -> tuple[object, object]:
        lock, event = httpcore_sync.AsyncLock(), httpcore_sync.AsyncEvent()
        async with lock:
            pass
        event.set()
        return lock._anyio_lock, event._anyio_event

    lock, event = asyncio.run(made())
    assert type(lock) is asyncio.Lock
    assert type(event) is asyncio.Event


async def _slow_body(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
    """Answers every request on the connection; "/slow" sends half its body, then waits."""
    while True:
        head = await _r.readuntil(b"\r\n\r\n")
        if head.startswith(b"GET /slow"):
            w.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2000\r\n\r\n" + b"x" * 1000)
            await w.drain()
            await asyncio.sleep(30)
            return
        body = "ประกาศ".encode()
        w.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
        await w.drain()


async def test_a_request_cancelled_mid_body_leaves_the_pool_usable() -> None:
    async with serving(_slow_body) as port, build_client(FetchSettings(allow_private=True)) as client:
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(0.2):
                async with client.stream("GET", f"http://127.0.0.1:{port}/slow") as response:
                    async for _ in response.aiter_raw():
                        pass
        for _ in range(3):
            response = await client.get(f"http://127.0.0.1:{port}/ok")
            assert response.text == "ประกาศ"


async def test_a_full_pool_is_still_a_pool_timeout_and_a_waiter_cancelled_leaves_it_usable() -> None:
    assert native_primitives()
    transport = httpx.AsyncHTTPTransport(limits=httpx.Limits(max_connections=1))
    transport._pool._network_backend = AsyncioBackend()
    async with serving(_slow_body) as port, httpx.AsyncClient(transport=transport) as client:
        async with client.stream("GET", f"http://127.0.0.1:{port}/slow"):  # holds the only connection
            with pytest.raises(httpx.PoolTimeout):
                await client.get(f"http://127.0.0.1:{port}/ok", timeout=httpx.Timeout(5, pool=0.1))
            with pytest.raises(TimeoutError):
                async with asyncio.timeout(0.1):
                    await client.get(f"http://127.0.0.1:{port}/ok")
        response = await client.get(f"http://127.0.0.1:{port}/ok")  # the connection is free again
        assert response.text == "ประกาศ"
