"""The fixture SPA (fixtures/spa/) served on 127.0.0.1, and a check of an agency against it.

`www.spa-demo.go.th` is `fixtures/spa/site/` (the SPA, its twin, its assets, the PDF); `shells.spa-demo.go.th` is
`fixtures/spa/` itself (the shells of other builds, the negatives). A `RecordingTransport` between the checker and
the server keeps every request the product's client made, so a test can say who asked for what.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

import httpx

from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
from oit_checker.config.manifest import load_manifests
from oit_checker.demo import HostMapTransport, serve_directory
from oit_checker.engine.session import RunOptions, run_agencies
from oit_checker.fetch.client import FetchSettings
from oit_checker.fetch.render import RenderSettings
from oit_checker.model import Agency, Finding, RunResult
from tests.support.paths import ROOT

SPA = ROOT / "fixtures" / "spa"
HOST = "www.spa-demo.go.th"
SHELLS_HOST = "shells.spa-demo.go.th"


@dataclass
class RecordingTransport(httpx.AsyncBaseTransport):
    inner: httpx.AsyncBaseTransport
    seen: list[tuple[str, str, str]] = field(default_factory=list)  # (host, path, User-Agent) as asked

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append((request.url.host, request.url.raw_path.decode(), request.headers.get("user-agent", "")))
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()

    def paths(self, host: str = HOST) -> list[str]:
        return [path for seen_host, path, _ in self.seen if seen_host == host]

    def hosts(self) -> set[str]:
        return {host for host, _, _ in self.seen}


@contextmanager
def spa_transport() -> Iterator[RecordingTransport]:
    with serve_directory(SPA / "site") as site, serve_directory(SPA) as root:
        yield RecordingTransport(HostMapTransport({HOST: site, SHELLS_HOST: root}))


def options(render: RenderSettings | None = None, **fetch: object) -> RunOptions:
    return RunOptions(fetch=replace(FetchSettings(retries=0), **fetch), extract_workers=0,  # type: ignore[arg-type]
                      render=render)


async def check(agencies: Sequence[Agency], transport: httpx.AsyncBaseTransport, *, items: Sequence[str] | None = None,
                render: RenderSettings | None = None, run: RunOptions | None = None) -> RunResult:
    catalogue = load_catalogue(catalogue_path_for(2568))
    return await run_agencies(agencies, catalogue, 2568, run or options(render), item_ids=items, transport=transport)


def manifest(name: str) -> list[Agency]:
    return load_manifests([SPA / name])


def finding(run: RunResult, item: str) -> Finding:
    return next(f for a in run.agencies for f in a.findings if f.item == item)


def codes(f: Finding) -> dict[str, str]:
    """reason code → severity."""
    return {r.code: r.severity.value for r in f.reasons}
