"""One transaction around a batch of SQLite writes: the two caches (fetch/httpcache.py, extract/cache.py) write
what they gathered in batches, and a commit per row cost more than the rows."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from typing import TypeVar

R = TypeVar("R")


def in_one_transaction(conn: sqlite3.Connection, write: Callable[[], object]) -> None:
    """`write()` between BEGIN IMMEDIATE and COMMIT on an autocommit connection; ROLLBACK if it fails."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        write()
        conn.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise


def take(pending: dict[str, R]) -> list[R]:
    """The rows waiting in `pending`, which is emptied."""
    rows = list(pending.values())
    pending.clear()
    return rows
