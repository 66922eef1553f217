"""Time for tests that must not depend on how fast this machine runs: clocks and sleeps to hand to
`Fetcher(clock=..., sleep=...)` (or to `oit_checker.text.clock.set_clock`), moved by the test, not by the wall.

- `VirtualTime`: a monotonic clock that stands still, and a `sleep` that waits until the test moves the clock
  to its end with `wake_next()`; so a test can let one waiter go at a time and look at what happened at each
  instant (which request started when), exactly.
- `StepClock`: a clock that moves a fixed step each time it is read, for code that measures durations between
  readings (the drip guard): "every chunk of this transfer took 0.2 s", however fast the chunks came.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools


class VirtualTime:
    """A monotonic clock and an async sleep on virtual time: nothing moves until `wake_next()`."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start
        self.waits: list[float] = []  # every pause asked for, in order
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._seq = itertools.count()
        self._asleep = asyncio.Event()

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + max(0.0, seconds), next(self._seq), future))
        self._asleep.set()
        await future

    @property
    def sleeping(self) -> int:
        return len(self._sleepers)

    async def wake_next(self) -> float:
        """Wait until someone sleeps, move the clock to the earliest wake-up time, wake that sleeper; the time."""
        while not self._sleepers:
            self._asleep.clear()
            await self._asleep.wait()
        when, _, future = heapq.heappop(self._sleepers)
        self.now = max(self.now, when)
        future.set_result(None)
        return self.now


class StepClock:
    """A monotonic clock that moves `step` seconds each time it is read."""

    def __init__(self, step: float, start: float = 0.0) -> None:
        self.step = step
        self.now = start
        self.reads = 0

    def __call__(self) -> float:
        self.reads += 1
        self.now += self.step
        return self.now
