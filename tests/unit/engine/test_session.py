"""What a `Session` does to the process while it runs: the collector's first threshold is raised (a crawl
allocates short-lived containers by the hundred per request) and put back when it closes."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator

import httpx
import pytest

from oit_checker.engine.session import SESSION_GC_THRESHOLD, RunOptions, Session


@pytest.fixture
def threshold() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


def _inside(first: int) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """(the thresholds inside a session, after it) when the process had `first` before."""
    gc.set_threshold(first, 11, 12)

    async def run() -> tuple[int, int, int]:
        transport = httpx.MockTransport(lambda request: httpx.Response(404))
        async with Session(RunOptions(extract_workers=0), transport=transport):
            return gc.get_threshold()

    during = asyncio.run(run())
    return during, gc.get_threshold()


@pytest.mark.usefixtures("threshold")
def test_a_session_raises_the_first_threshold_and_puts_it_back() -> None:
    during, after = _inside(700)
    assert during == (SESSION_GC_THRESHOLD, 11, 12)
    assert after == (700, 11, 12)


@pytest.mark.usefixtures("threshold")
def test_a_higher_threshold_of_the_process_is_kept() -> None:
    during, after = _inside(SESSION_GC_THRESHOLD * 2)
    assert during == (SESSION_GC_THRESHOLD * 2, 11, 12)
    assert after == (SESSION_GC_THRESHOLD * 2, 11, 12)
