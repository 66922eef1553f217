"""httpcore's network streams on asyncio's own streams, without anyio in between.

httpx/httpcore reach the network through a "network backend". Its default under asyncio goes through anyio:
every read and write of every request opens an anyio cancel scope (`fail_after`), asks sniffio which library
runs, looks up the current task, and wraps the socket in anyio's stream classes. Measured on a night of 5,500
conditional GETs answered 304 (bench/scale.py, py-spy on the main process), those layers were about a sixth of
the process's CPU. This backend does the same work with `asyncio.open_connection` and `asyncio.timeout`, and
raises httpcore's own exceptions, so httpx and the fetcher see no difference (tests/unit/fetch/test_backend.py
runs real connections, TLS, timeouts and refused connects through it).

The fetch policy stays where it is (fetch/policy.py `GuardedBackend`: checked after DNS, at connect time); this
is only what it connects with.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl
import typing

import httpcore
from httpcore._utils import is_socket_readable

_READ_LIMIT = 1 << 16  # asyncio's StreamReader buffer bound (httpcore reads at most 64 KiB at a time)


class AsyncioStream(httpcore.AsyncNetworkStream):
    """One connection: an asyncio StreamReader/StreamWriter pair."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            async with asyncio.timeout(timeout):
                return await self._reader.read(max_bytes)
        except TimeoutError as exc:
            raise httpcore.ReadTimeout(f"no data within {timeout} s") from exc
        except (OSError, RuntimeError) as exc:  # reset, broken pipe; RuntimeError: the transport is closed
            raise httpcore.ReadError(str(exc) or type(exc).__name__) from exc

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        try:
            async with asyncio.timeout(timeout):
                self._writer.write(buffer)
                await self._writer.drain()
        except TimeoutError as exc:
            raise httpcore.WriteTimeout(f"could not send within {timeout} s") from exc
        except (OSError, RuntimeError) as exc:
            raise httpcore.WriteError(str(exc) or type(exc).__name__) from exc

    async def aclose(self) -> None:
        self._writer.close()
        with contextlib.suppress(OSError, RuntimeError):  # the peer reset it first: it is closed either way
            await self._writer.wait_closed()

    async def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                        timeout: float | None = None) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                await self._writer.start_tls(ssl_context, server_hostname=server_hostname)
        except TimeoutError as exc:
            await self.aclose()
            raise httpcore.ConnectTimeout(f"TLS handshake took over {timeout} s") from exc
        except (OSError, ssl.SSLError, RuntimeError, EOFError) as exc:  # ssl.SSLError is an OSError too
            await self.aclose()
            raise httpcore.ConnectError(str(exc) or type(exc).__name__) from exc
        return self  # the writer now speaks TLS; the reader reads what the TLS layer decrypts

    def get_extra_info(self, info: str) -> typing.Any:
        if info == "ssl_object":
            return self._writer.get_extra_info("ssl_object")
        if info == "client_addr":
            return self._writer.get_extra_info("sockname")
        if info == "server_addr":
            return self._writer.get_extra_info("peername")
        if info == "socket":
            return self._writer.get_extra_info("socket")
        if info == "is_readable":
            # Data waiting (or EOF) on an idle keep-alive connection: the server closed it or broke protocol.
            if self._reader.at_eof() or len(getattr(self._reader, "_buffer", ())) > 0:  # what it holds unread
                return True
            sock = self._writer.get_extra_info("socket")
            return is_socket_readable(sock) if sock is not None else True
        return None


class AsyncioBackend(httpcore.AsyncNetworkBackend):
    """Connects with asyncio (TCP_NODELAY is asyncio's default for TCP)."""

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
                          ) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                reader, writer = await asyncio.open_connection(
                    host, port, local_addr=(local_address, 0) if local_address else None, limit=_READ_LIMIT)
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout(f"no connection to {host}:{port} within {timeout} s") from exc
        except OSError as exc:
            raise httpcore.ConnectError(str(exc) or type(exc).__name__) from exc
        sock: socket.socket | None = writer.get_extra_info("socket")
        for option in socket_options or ():
            if sock is not None:
                sock.setsockopt(*option)
        return AsyncioStream(reader, writer)

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
                                  ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
