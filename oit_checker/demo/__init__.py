"""The bundled demo: a local copy of a Thai agency's website, served on 127.0.0.1, no internet needed."""

from __future__ import annotations

import contextlib
import functools
import os
import posixpath
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

from oit_checker.fetch.client import network_transport
from oit_checker.resources import data_dir

DEMO_DIR = data_dir("demo")  # site/ and agency.toml: the installed package's copy, else fixtures/demo/
DEMO_HOST = "www.example.go.th"


class StaticFileHandler(SimpleHTTPRequestHandler):
    """Serves a folder quietly; file names may be Thai whatever the machine's locale.

    A URL's path is percent-encoded UTF-8. The standard handler decodes it to text and lets the OS encode
    that text again with the file-system encoding, which fails for Thai names when that encoding is ASCII
    (LC_ALL=C). Here the URL's bytes are the file name's bytes: `os.fsdecode` turns them into the str that
    names exactly those bytes, under any file-system encoding.
    """

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        trailing_slash = path.rstrip().endswith("/")
        name = os.fsdecode(urllib.parse.unquote_to_bytes(path))
        result = self.directory
        # normpath resolves "a/../b" first; a ".." left over (above the root) is dropped, never followed.
        for word in posixpath.normpath(name).split("/"):
            if not word or word in (os.curdir, os.pardir) or os.path.dirname(word):
                continue
            # The OS cannot take a NUL in a name: keep it escaped, a name no file has (404, not a crash).
            result = os.path.join(result, word.replace("\x00", "%00"))
        return result + "/" if trailing_slash else result


@contextlib.contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """Serve `root` on a free port of 127.0.0.1 in a thread; yields the base URL."""
    handler = functools.partial(StaticFileHandler, directory=str(root))
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

    The mapped hosts are the demo's (or a test's) own server on 127.0.0.1: they are reached directly, and
    that is the only exception to the fetch policy the demo makes. Every other host goes to `inner`, by
    default the real network with the fetch policy (no loopback, private or link-local addresses).
    """

    def __init__(self, mapping: dict[str, str], inner: httpx.AsyncBaseTransport | None = None) -> None:
        self.mapping = {host.lower(): httpx.URL(base) for host, base in mapping.items()}
        self.inner = inner or network_transport(16)
        self.local = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        target = self.mapping.get(request.url.host.lower())
        if target is None:
            return await self.inner.handle_async_request(request)
        # A new request: the caller's keeps the agency's URL (its cookies and reports belong to that host).
        local = httpx.Request(request.method, request.url.copy_with(scheme=target.scheme, host=target.host,
                                                                    port=target.port),
                              headers=request.headers, stream=request.stream, extensions=request.extensions)
        local.headers["Host"] = f"{target.host}:{target.port}"
        return await self.local.handle_async_request(local)

    async def aclose(self) -> None:
        await self.inner.aclose()
        await self.local.aclose()
