"""The bundled demo: a local copy of a Thai agency's website, served on 127.0.0.1, no internet needed."""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

DEMO_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "demo"
DEMO_HOST = "www.example.go.th"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """Serve `root` on a free port of 127.0.0.1 in a thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="oit-demo-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class HostMapTransport(httpx.AsyncBaseTransport):
    """Sends requests for the mapped hosts to a local server, keeping every URL the agency wrote.

    Reports then show the agency's real URLs, and absolute links inside its pages keep working.
    """

    def __init__(self, mapping: dict[str, str], inner: httpx.AsyncBaseTransport | None = None) -> None:
        self.mapping = {host.lower(): httpx.URL(base) for host, base in mapping.items()}
        self.inner = inner or httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        target = self.mapping.get(request.url.host.lower())
        if target is not None:
            request.url = request.url.copy_with(scheme=target.scheme, host=target.host, port=target.port)
            request.headers["Host"] = f"{target.host}:{target.port}"
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()
