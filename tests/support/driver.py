"""An audit run in a thread of its own (the driver process's role), so a test can act while it runs."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Coroutine
from typing import Any

import pytest

from oit_checker.engine import audit as audit_mod

WAIT_S = 120  # upper bound for waiting on a condition; never a duration a test asserts


def wait_for(what: str, check: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT_S
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting {WAIT_S} s for {what}")
        time.sleep(0.02)


class Driver(threading.Thread):
    """`audit()` in a thread of its own, so the test can act while it runs."""

    def __init__(self, make: Callable[[], Coroutine[Any, Any, audit_mod.AuditOutcome]]) -> None:
        super().__init__(name="driver", daemon=True)
        self._make = make
        self.outcome: audit_mod.AuditOutcome | None = None
        self.error: BaseException | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[audit_mod.AuditOutcome] | None = None
        self._started = threading.Event()

    def run(self) -> None:
        try:
            self.outcome = asyncio.run(self._main())  # like the CLI: asyncio.run tidies up the loop afterwards
        except BaseException as exc:
            self.error = exc

    async def _main(self) -> audit_mod.AuditOutcome:
        self._loop = asyncio.get_running_loop()
        self._task = asyncio.ensure_future(self._make())
        self._started.set()
        return await self._task

    def cancel(self) -> None:
        self._started.wait(WAIT_S)
        assert self._loop is not None and self._task is not None
        self._loop.call_soon_threadsafe(self._task.cancel)

    def finish(self) -> audit_mod.AuditOutcome:
        self.join(WAIT_S)
        assert not self.is_alive(), "the driver did not finish"
        if self.error is not None:
            raise self.error
        assert self.outcome is not None
        return self.outcome
