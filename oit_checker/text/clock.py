"""The one place that reads the time: timestamps of runs (UTC, ISO 8601, to the second) and today's date.

Every other module asks this one, so a test sets the time with `set_clock` (or monkeypatches `now`) and
nothing depends on the day the tests run. Durations and deadlines use `monotonic`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, date, datetime

_now: Callable[[], datetime] = lambda: datetime.now(UTC)  # noqa: E731
_monotonic: Callable[[], float] = time.monotonic


def set_clock(now: Callable[[], datetime] | None = None, monotonic: Callable[[], float] | None = None) -> None:
    """Replace the clock (tests); `None` restores the system clock."""
    global _now, _monotonic
    _now = now or (lambda: datetime.now(UTC))
    _monotonic = monotonic or time.monotonic


def now() -> datetime:
    """The current time, timezone-aware (UTC)."""
    return _now()


def now_iso() -> str:
    return now().isoformat(timespec="seconds")


def today() -> date:
    """Today's local date (the fiscal year and suppression expiry follow the user's calendar day)."""
    return now().astimezone().date()


def wall() -> float:
    """Seconds since the epoch (HTTP dates, cache ages)."""
    return now().timestamp()


def monotonic() -> float:
    return _monotonic()
