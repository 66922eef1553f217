"""The asyncio network backend (fetch/backend.py) on real loopback connections: what httpcore relies on."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl
import threading
from collections.abc import AsyncIterator, Awaitable, Callable

import httpcore
import pytest

from oit_checker.fetch import policy
from oit_checker.fetch.backend import AsyncioBackend
from oit_checker.fetch.client import Fetcher, FetchSettings, build_client, network_transport
from oit_checker.model import Fetched
from tests.support.hostile_server import HOSTILE

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


async def _serve(handler: Handler, ssl_context: ssl.SSLContext | None = None) -> tuple[asyncio.Server, int]:
    server = await asyncio.start_server(handler, "127.0.0.1", 0, ssl=ssl_context)
    return server, server.sockets[0].getsockname()[1]


@pytest.fixture
async def echo() -> AsyncIterator[int]:
    """Answers each line with the line upper-cased; closes after "BYE"."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while line := await reader.readline():
            if line.strip() == b"BYE":
                break
            writer.write(line.upper())
            await writer.drain()
        writer.close()

    server, port = await _serve(handle)
    async with server:
        yield port


async def test_a_connection_writes_reads_and_sees_the_end(echo: int) -> None:
    stream = await AsyncioBackend().connect_tcp("127.0.0.1", echo, timeout=5)
    await stream.write(b"hello\n", timeout=5)
    assert await stream.read(100, timeout=5) == b"HELLO\n"
    assert stream.get_extra_info("server_addr")[1] == echo
    assert stream.get_extra_info("socket").fileno() > 0
    assert stream.get_extra_info("ssl_object") is None
    await stream.write(b"BYE\n", timeout=5)
    assert await stream.read(100, timeout=5) == b""  # the server closed: httpcore's end of stream
    await stream.aclose()


async def test_an_idle_connection_the_server_closed_is_readable_and_an_open_one_is_not(echo: int) -> None:
    stream = await AsyncioBackend().connect_tcp("127.0.0.1", echo, timeout=5)
    await stream.write(b"x\n", timeout=5)
    assert await stream.read(100, timeout=5) == b"X\n"
    assert stream.get_extra_info("is_readable") is False  # idle keep-alive connection: reusable
    await stream.write(b"BYE\n", timeout=5)
    for _ in range(200):  # until the event loop has seen the close
        if stream.get_extra_info("is_readable"):
            break
        await asyncio.sleep(0.01)
    assert stream.get_extra_info("is_readable") is True  # httpcore then drops it instead of reusing it
    await stream.aclose()


async def test_a_silent_server_is_a_read_timeout(echo: int) -> None:
    stream = await AsyncioBackend().connect_tcp("127.0.0.1", echo, timeout=5)
    with pytest.raises(httpcore.ReadTimeout):
        await stream.read(100, timeout=0.05)  # nothing was asked: nothing comes
    await stream.aclose()


async def test_a_closed_port_is_a_connect_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, never listening: the connection is refused
        with pytest.raises(httpcore.ConnectError):
            await AsyncioBackend().connect_tcp("127.0.0.1", port, timeout=5)


async def test_tls_is_started_on_the_same_connection() -> None:
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(HOSTILE / "tls_cert.pem", HOSTILE / "tls_key.pem")

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await writer.start_tls(server_ctx)
        line = await reader.readline()
        writer.write(b"secure " + line)
        await writer.drain()
        writer.close()

    server, port = await _serve(handle)
    async with server:
        client_ctx = ssl.create_default_context()
        client_ctx.check_hostname, client_ctx.verify_mode = False, ssl.CERT_NONE  # the test's own certificate
        plain = await AsyncioBackend().connect_tcp("127.0.0.1", port, timeout=5)
        tls = await plain.start_tls(client_ctx, server_hostname="localhost", timeout=5)
        assert tls.get_extra_info("ssl_object") is not None
        await tls.write(b"ping\n", timeout=5)
        assert await tls.read(100, timeout=5) == b"secure ping\n"
        await tls.aclose()


async def test_a_certificate_the_client_refuses_is_a_connect_error() -> None:
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(HOSTILE / "tls_cert.pem", HOSTILE / "tls_key.pem")

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ssl.SSLError, OSError):
            await writer.start_tls(server_ctx)
        writer.close()

    server, port = await _serve(handle)
    async with server:
        plain = await AsyncioBackend().connect_tcp("127.0.0.1", port, timeout=5)
        with pytest.raises(httpcore.ConnectError, match=r"(?i)certificate"):
            await plain.start_tls(ssl.create_default_context(), server_hostname="localhost", timeout=5)


@pytest.mark.parametrize("allow_private", [True, False])
def test_every_real_transport_connects_through_asyncio(allow_private: bool) -> None:
    transport = network_transport(4, allow_private=allow_private, per_host=None)
    backend = transport._pool._network_backend  # type: ignore[attr-defined]
    if not allow_private:
        assert isinstance(backend, policy.GuardedBackend)
        backend = backend._inner
    assert isinstance(backend, AsyncioBackend)


async def test_keep_alive_requests_through_httpx_reuse_one_connection() -> None:
    """Many requests through the real client: answered in order, on one kept-alive connection."""
    connections = 0

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        while (request := await reader.readuntil(b"\r\n\r\n")):
            path = request.split(b" ", 2)[1]
            body = b"page " + path
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n%s"
                         % (len(body), body))
            await writer.drain()

    server, port = await _serve(handle)
    async with server:
        settings = FetchSettings(allow_private=True, per_host=1, retries=0)
        async with build_client(settings) as client:
            fetcher = Fetcher(client, settings)
            got = [await fetcher.fetch(f"http://127.0.0.1:{port}/p{i}") for i in range(20)]
    assert [g.body for g in got] == [b"page /p%d" % i for i in range(20)]
    assert connections == 1
    assert all(g.ok and g.status == 200 for g in got)


def test_a_tls_answer_ended_without_close_notify_is_read_whole() -> None:
    """Old servers close the TCP connection after a `Connection: close` body without TLS's close_notify (a
    ragged end): the body up to there is the answer, not an error."""
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(HOSTILE / "tls_cert.pem", HOSTILE / "tls_key.pem")
    body = "<html><body>ประกาศ ปีงบประมาณ 2568</body></html>".encode()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]

    def serve() -> None:
        conn, _ = listener.accept()
        with server_ctx.wrap_socket(conn, server_side=True) as tls:
            tls.recv(65536)
            tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n\r\n"
                        + body)
        # closed without unwrap(): no close_notify

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()

    async def fetch() -> Fetched:
        settings = FetchSettings(allow_private=True, retries=0)
        async with build_client(settings, verify=False) as client:  # the test's own certificate
            return await Fetcher(client, settings).fetch(f"https://127.0.0.1:{port}/")

    try:
        got = asyncio.run(fetch())
    finally:
        thread.join(5)
        listener.close()
    assert got.error is None and got.status == 200
    assert got.body == body
