"""The embedded history: one SQLite file (WAL), the default for one office on one machine.

Schema changes are a list of migrations; `PRAGMA user_version` says how many have been applied. A run is
`running` while it goes, `complete` when every agency was recorded, and `incomplete` when it was cancelled —
or, after a hard kill, when the next audit on this host finds its process gone (host + pid of the driver).
"""

from __future__ import annotations

import os
import socket
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import platformdirs

from oit_checker.engine.history.base import (
    SCHEMA_VERSION,
    RunInfo,
    RunMeta,
    RunStatus,
    StoredReads,
    agency_rows,
    assemble_agencies,
    dumps,
    evidence_list,
    info_from,
    newer_schema_message,
    not_running_message,
    runs_to_prune,
    stored_form,
)
from oit_checker.errors import HistoryError
from oit_checker.model import AgencyResult
from oit_checker.text import clock, i18n
from oit_checker.text.clock import now_iso

APP_NAME = "oit-checker"
DB_FILENAME = "history.sqlite3"
BUSY_TIMEOUT_MS = 30_000  # two cron jobs (or two local Dask workers) sharing a database wait for each other


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / DB_FILENAME


# ---------------------------------------------------------------- schema

_V1 = """
CREATE TABLE runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- AUTOINCREMENT: a pruned id is never reused, so diffs stay unambiguous
    label TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    criteria_year INTEGER NOT NULL,
    catalogue_version TEXT NOT NULL,
    catalogue_source TEXT NOT NULL,
    fiscal_year INTEGER NOT NULL,
    agencies_total INTEGER NOT NULL,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL
);
CREATE INDEX runs_label ON runs(label, id);

CREATE TABLE agency_results (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    home TEXT,
    source TEXT NOT NULL,
    fiscal_year INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    complete INTEGER NOT NULL,
    urls_fetched INTEGER NOT NULL,
    documents_read INTEGER NOT NULL,
    PRIMARY KEY (run_id, slug)
);

CREATE TABLE findings (
    run_id INTEGER NOT NULL,
    slug TEXT NOT NULL,
    item TEXT NOT NULL,
    seq INTEGER NOT NULL,
    indicator INTEGER NOT NULL,
    status TEXT NOT NULL,
    confidence TEXT NOT NULL,
    name_th TEXT NOT NULL,
    name_en TEXT NOT NULL,
    suppressed TEXT NOT NULL,
    urls TEXT NOT NULL,       -- JSON list
    documents TEXT NOT NULL,  -- JSON list
    PRIMARY KEY (run_id, slug, item),
    FOREIGN KEY (run_id, slug) REFERENCES agency_results(run_id, slug) ON DELETE CASCADE
);
CREATE INDEX findings_item ON findings(slug, item, run_id);

CREATE TABLE reasons (
    run_id INTEGER NOT NULL,
    slug TEXT NOT NULL,
    item TEXT NOT NULL,
    kind TEXT NOT NULL,       -- 'reason' (a problem) or 'found' (positive evidence)
    seq INTEGER NOT NULL,
    code TEXT NOT NULL,
    severity TEXT NOT NULL,
    message_th TEXT NOT NULL,
    message_en TEXT NOT NULL,
    inferred INTEGER NOT NULL,
    detail TEXT NOT NULL,     -- JSON object
    evidence TEXT NOT NULL,   -- JSON list of {url, page, snippet}
    PRIMARY KEY (run_id, slug, item, kind, seq),
    FOREIGN KEY (run_id, slug, item) REFERENCES findings(run_id, slug, item) ON DELETE CASCADE
);
CREATE INDEX reasons_code ON reasons(code, run_id);

CREATE TABLE documents (
    run_id INTEGER NOT NULL,
    slug TEXT NOT NULL,
    url TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (run_id, slug, url),
    FOREIGN KEY (run_id, slug) REFERENCES agency_results(run_id, slug) ON DELETE CASCADE
);
"""

# v2: per-URL fetch records (attempts, errors, redirects) of every finding, for nightly audits.
_V2 = """
ALTER TABLE findings ADD COLUMN fetches TEXT NOT NULL DEFAULT '[]'
"""

# v3: agencies keep their place in the run's agency list (many writers finish in any order), say which
# process wrote them, and a run says which executor checked it. Rows of older runs keep ordinal NULL and
# are listed in the order they were written, as before.
_V3 = """
ALTER TABLE agency_results ADD COLUMN ordinal INTEGER;
ALTER TABLE agency_results ADD COLUMN written_by TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN executor TEXT NOT NULL DEFAULT 'local';
CREATE INDEX agency_results_order ON agency_results(run_id, ordinal)
"""

# v4, for reuse (engine/reuse.py): the hash of what each finding's evaluation read (`item_inputs`), so a night
# can reuse a finding whose documents were sent again (200) but read the same; what an item asked for besides
# its fetch records (links tried and not kept, WordPress REST records), so an unchanged agency can be asked
# again without being followed; the settings a run fetched and read with; the home page's sha256. Older rows
# keep '' / [] (unknown: not replayed).
_V4 = """
ALTER TABLE findings ADD COLUMN inputs TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN also_asked TEXT NOT NULL DEFAULT '[]';
ALTER TABLE runs ADD COLUMN reading TEXT NOT NULL DEFAULT '';
ALTER TABLE agency_results ADD COLUMN home_sha256 TEXT NOT NULL DEFAULT ''
"""


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    # Not executescript(): it commits the open transaction first, and a migration must be all or nothing.
    def run(conn: sqlite3.Connection) -> None:
        for statement in sql.split(";\n"):
            if statement.strip():
                conn.execute(statement)

    return run


# Each entry takes the schema from version N to N+1; never edit a shipped one, append a new one.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _script(_V1),
    _script(_V2),
    _script(_V3),
    _script(_V4),
]
assert len(MIGRATIONS) == SCHEMA_VERSION


def migrate(conn: sqlite3.Connection, where: str = "") -> int:
    """Bring the schema up to date, each step in its own transaction; returns the version reached."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise HistoryError(newer_schema_message(version, where or "history"))
    for target in range(version + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[target - 1](conn)
            conn.execute(f"PRAGMA user_version = {target}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _reason_params(key: tuple[int, str], row: Any) -> tuple[Any, ...]:
    r = row.reason
    return (*key, row.item, row.kind, row.seq, r.code, r.severity.value, r.message_th, r.message_en,
            int(r.inferred), dumps(r.detail), dumps(evidence_list(r.evidence)))


class SqliteHistory(StoredReads):
    """The embedded history store. One connection, used from one thread (the event loop's)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: transactions are begun and ended here, explicitly, never implicitly.
            self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA journal_mode=WAL")
            # NORMAL under WAL: a power cut may lose the last commits, never corrupt the file.
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            migrate(self._conn, str(self.path))
        except sqlite3.DatabaseError as exc:
            raise HistoryError(i18n.text("history.cannot_use", where=self.path, why=exc)) from exc
        except OSError as exc:
            raise HistoryError(i18n.text("history.cannot_open", where=self.path, why=exc)) from exc
        self._host = socket.gethostname()

    # ------------------------------------------------------------ writing

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        # IMMEDIATE: take the write lock up front, so a concurrent writer waits instead of failing mid-way.
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:  # locked past busy_timeout, read-only file, disk full…
            raise HistoryError(i18n.text("history.cannot_write", where=self.path, why=exc)) from exc
        try:
            yield self._conn
        except sqlite3.Error as exc:
            self._conn.execute("ROLLBACK")
            raise HistoryError(i18n.text("history.cannot_write", where=self.path, why=exc)) from exc
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        try:
            self._conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self._conn.execute("ROLLBACK")
            raise HistoryError(i18n.text("history.cannot_write", where=self.path, why=exc)) from exc

    def begin_run(self, meta: RunMeta) -> int:
        self.mark_abandoned()
        with self._transaction() as conn:
            cur = conn.execute(
                "INSERT INTO runs (label, started_at, status, tool_version, criteria_year, catalogue_version,"
                " catalogue_source, fiscal_year, agencies_total, host, pid, executor, reading)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (meta.label, meta.started_at, RunStatus.RUNNING.value, meta.tool_version, meta.criteria_year,
                 meta.catalogue_version, meta.catalogue_source, meta.fiscal_year, meta.agencies_total,
                 self._host, os.getpid(), meta.executor, meta.reading))
            run_id = cur.lastrowid
        assert run_id is not None
        return run_id

    def reopen_run(self, run_id: int) -> RunInfo:
        info = self.run_info(run_id)
        row = self._conn.execute("SELECT host, pid FROM runs WHERE id = ?", (run_id,)).fetchone()
        if (info.status is RunStatus.RUNNING and row["host"] == self._host and row["pid"] != os.getpid()
                and _pid_alive(row["pid"])):
            raise HistoryError(i18n.text("history.busy_process", run=run_id, pid=row["pid"]))
        with self._transaction() as conn:
            conn.execute("UPDATE runs SET status = ?, finished_at = NULL, host = ?, pid = ? WHERE id = ?",
                         (RunStatus.RUNNING.value, self._host, os.getpid(), run_id))
        return info

    def mark_abandoned(self) -> int:
        rows = self._conn.execute("SELECT id, pid FROM runs WHERE status = ? AND host = ?",
                                  (RunStatus.RUNNING.value, self._host)).fetchall()
        dead = [r["id"] for r in rows if r["pid"] != os.getpid() and not _pid_alive(r["pid"])]
        if dead:
            with self._transaction() as conn:
                conn.executemany("UPDATE runs SET status = ? WHERE id = ? AND status = ?",
                                 [(RunStatus.INCOMPLETE.value, i, RunStatus.RUNNING.value) for i in dead])
        return len(dead)

    def record_agency(self, run_id: int, result: AgencyResult, *, ordinal: int | None = None) -> AgencyResult:
        result = stored_form(result)
        a = result.agency
        rows = agency_rows(result)
        slug = rows.slug
        key = (run_id, slug)
        with self._transaction() as conn:
            status = conn.execute("SELECT status FROM runs WHERE id = ?", (run_id,)).fetchone()
            if status is None or status[0] != RunStatus.RUNNING.value:
                raise HistoryError(not_running_message(run_id, status[0] if status else None))
            if ordinal is None:
                ordinal = conn.execute(
                    "SELECT coalesce((SELECT ordinal FROM agency_results WHERE run_id = ? AND slug = ?),"
                    " (SELECT coalesce(max(ordinal) + 1, 0) FROM agency_results WHERE run_id = ?))",
                    (run_id, slug, run_id)).fetchone()[0]
            # Cascades to findings, reasons and documents of this (run, agency) only.
            conn.execute("DELETE FROM agency_results WHERE run_id = ? AND slug = ?", key)
            conn.execute(
                "INSERT INTO agency_results (run_id, slug, name, home, source, fiscal_year, started_at,"
                " finished_at, complete, urls_fetched, documents_read, ordinal, written_by, home_sha256)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (*key, a.name, a.home, a.source, result.fiscal_year, result.started_at, result.finished_at,
                 int(result.complete), result.urls_fetched, result.documents_read, ordinal,
                 f"{self._host}:{os.getpid()}", result.home_sha256))
            conn.executemany("INSERT INTO findings (run_id, slug, item, seq, indicator, status, confidence,"
                             " name_th, name_en, suppressed, urls, documents, fetches, inputs, also_asked)"
                             " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                             [(*key, f.item, seq, f.indicator, f.status.value, f.confidence.value, f.name_th,
                               f.name_en, f.suppressed, dumps(list(f.urls)), dumps(list(f.documents)),
                               dumps(fetches), f.inputs, dumps(list(f.also_asked)))
                              for seq, f, fetches in rows.findings])
            conn.executemany("INSERT INTO reasons (run_id, slug, item, kind, seq, code, severity, message_th,"
                             " message_en, inferred, detail, evidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                             [_reason_params(key, r) for r in rows.reasons])
            conn.executemany("INSERT INTO documents (run_id, slug, url, sha256) VALUES (?,?,?,?)",
                             [(*key, url, digest) for url, digest in rows.documents])
        return result

    def finish_run(self, run_id: int, status: RunStatus, finished_at: str | None = None) -> None:
        with self._transaction() as conn:
            conn.execute("UPDATE runs SET status = ?, finished_at = ? WHERE id = ?",
                         (status.value, finished_at or now_iso(), run_id))

    # ------------------------------------------------------------ reading

    def _info(self, row: sqlite3.Row) -> RunInfo:
        counts = {r["status"]: r["n"] for r in self._conn.execute(
            "SELECT status, count(*) AS n FROM findings WHERE run_id = ? GROUP BY status", (row["id"],))}
        done = self._conn.execute("SELECT count(*) FROM agency_results WHERE run_id = ?",
                                  (row["id"],)).fetchone()[0]
        return info_from(row, done, counts)

    def run_info(self, run_id: int) -> RunInfo:
        row = self._conn.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            raise HistoryError(i18n.text("history.no_run", run=run_id, where=self.path))
        return self._info(row)

    def list_runs(self, limit: int | None = None, label: str | None = None) -> list[RunInfo]:
        sql = "SELECT * FROM runs" + (" WHERE label = ?" if label is not None else "") + " ORDER BY id DESC"
        params: tuple[Any, ...] = (label,) if label is not None else ()
        if limit is not None:
            sql += " LIMIT ?"
            params += (limit,)
        return [self._info(r) for r in self._conn.execute(sql, params).fetchall()]

    def previous_run(self, run_id: int, label: str | None = None) -> RunInfo | None:
        where = "id < ?" + (" AND label = ?" if label is not None else "")
        params: tuple[Any, ...] = (run_id, label) if label is not None else (run_id,)
        row = self._conn.execute(f"SELECT * FROM runs WHERE {where} AND status = ? ORDER BY id DESC LIMIT 1",
                                 (*params, RunStatus.COMPLETE.value)).fetchone()
        if row is None:
            row = self._conn.execute(f"SELECT * FROM runs WHERE {where} ORDER BY id DESC LIMIT 1",
                                     params).fetchone()
        return self._info(row) if row is not None else None

    def agencies_done(self, run_id: int, slugs: Collection[str] | None = None) -> set[str]:
        done = {r[0] for r in self._conn.execute("SELECT slug FROM agency_results WHERE run_id = ?", (run_id,))}
        return done if slugs is None else done & set(slugs)

    def _agencies(self, run_id: int, slug: str | None = None) -> list[AgencyResult]:
        where, params = ("run_id = ?", (run_id,)) if slug is None else ("run_id = ? AND slug = ?", (run_id, slug))
        q = self._conn.execute
        return assemble_agencies(
            q(f"SELECT * FROM agency_results WHERE {where} ORDER BY ordinal, rowid", params).fetchall(),
            q(f"SELECT * FROM findings WHERE {where}", params).fetchall(),
            q(f"SELECT * FROM reasons WHERE {where}", params).fetchall(),
            q(f"SELECT slug, url, sha256 FROM documents WHERE {where}", params).fetchall())


    def _fetch_rows(self, run_id: int) -> Iterable[Any]:
        return self._conn.execute("SELECT slug, fetches FROM findings WHERE run_id = ?", (run_id,))

    # ------------------------------------------------------------ housekeeping

    def prune(self, *, older_than: timedelta | None = None, keep_runs: int | None = None,
              now: datetime | None = None, dry_run: bool = False) -> list[int]:
        rows = self._conn.execute("SELECT id, label, started_at, status FROM runs ORDER BY id DESC").fetchall()
        doomed = runs_to_prune(rows, older_than=older_than, keep_runs=keep_runs, now=now or clock.now())
        if doomed and not dry_run:
            with self._transaction() as conn:
                conn.executemany("DELETE FROM runs WHERE id = ?", [(i,) for i in doomed])
        return doomed

    def vacuum(self) -> None:
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._conn.execute("VACUUM")

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SqliteHistory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
