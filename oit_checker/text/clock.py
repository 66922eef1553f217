"""Wall-clock timestamps for runs (UTC, ISO 8601, to the second): the one place that reads the time."""

from __future__ import annotations

from datetime import UTC, datetime


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
