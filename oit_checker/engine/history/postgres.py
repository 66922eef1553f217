"""The shared history: PostgreSQL (psycopg 3), for audits whose agencies are checked on many machines.

    oit-checker audit agencies/ --db postgresql://oit@db.example.go.th:5432/oit --executor dask …

The same tables and semantics as the SQLite history (one schema version number for both), with what many
concurrent writers need:

- One (run, agency) is one transaction: lock the run row FOR SHARE (the run must exist and be `running`),
  upsert the agency row, then replace its findings, reasons and documents. The upsert comes FIRST so two
  writers of the same pair (a task re-run after its worker was cut off, not dead) queue on that row's lock;
  the second then deletes the first's children, and the pair ends holding exactly one attempt's rows — never
  a mix, never a duplicate-key error. Writers of different agencies never wait for each other. `finish_run`'s
  UPDATE of the run row waits for writers in flight; a writer after it finds the run finished and is refused.
- The driver holds a session advisory lock on its run while it runs. A `running` run whose lock anybody can
  take has lost its driver (killed, or its machine died): `mark_abandoned` marks it incomplete. No clocks, no
  pids, works across machines. (So do not put a transaction-mode pooler such as pgbouncer in between.)
- Migrations: a `schema_migrations` table, one row per version applied, each step in its own transaction under
  an advisory lock (two drivers starting at once do not both migrate). Only drivers migrate; a worker refuses
  a database whose version is not exactly the one it knows.
- Transient failures (a dropped connection, a deadlock or serialization failure, a lock timeout) are retried:
  the write is idempotent, so trying again is always safe.

Keys are `COLLATE "C"` so `ORDER BY slug` sorts bytewise as SQLite does, whatever the database's locale.
Timestamps are the ISO-8601 text the model carries (cast with `::timestamptz` in ad-hoc SQL); `json` (not
`jsonb`, which reorders object keys) keeps reason details exactly as written.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any, TypeVar

import psycopg
from psycopg.rows import DictRow, dict_row
from psycopg.types.json import Json

from oit_checker import __version__
from oit_checker.engine.history.base import (
    SCHEMA_VERSION,
    AgencyRows,
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
    redact,
    runs_to_prune,
    stored_form,
)
from oit_checker.errors import HistoryError
from oit_checker.model import AgencyResult
from oit_checker.text import clock, i18n
from oit_checker.text.clock import now_iso

# Advisory lock keys (two int4 keys: class, object). The class is an arbitrary constant of oit-checker's.
LOCK_CLASS = 0x017C  # runs: (LOCK_CLASS, run id)
MIGRATION_LOCK = (LOCK_CLASS, 0)
RETRIES = 3
RETRY_PAUSE_S = (0.5, 2.0)
# Connection settings unless the URL says otherwise: a dead peer's session (and its locks) goes away.
CONNECT_DEFAULTS = {"connect_timeout": "30", "keepalives": "1", "keepalives_idle": "30",
                    "keepalives_interval": "10", "keepalives_count": "3", "application_name": "oit-checker"}
SESSION_SETTINGS = ("SET lock_timeout = '120s'", "SET idle_in_transaction_session_timeout = '10min'")

T = TypeVar("T")


def _text(value: str) -> str:
    # PostgreSQL text cannot hold NUL (SQLite can); extracted text has it stripped already, this is the last guard.
    return value.replace("\x00", "\ufffd") if "\x00" in value else value


def _opt(value: str | None) -> str | None:
    return None if value is None else _text(value)


# ---------------------------------------------------------------- schema

_V1 = """
CREATE TABLE runs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- a sequence: a pruned id is never reused
    label text COLLATE "C" NOT NULL,
    started_at text NOT NULL,
    finished_at text,
    status text NOT NULL CHECK (status IN ('running', 'complete', 'incomplete')),
    tool_version text NOT NULL,
    criteria_year integer NOT NULL,
    catalogue_version text NOT NULL,
    catalogue_source text NOT NULL,
    fiscal_year integer NOT NULL,
    agencies_total integer NOT NULL,
    host text NOT NULL,
    pid integer NOT NULL
);
CREATE INDEX runs_label ON runs (label, id);

CREATE TABLE agency_results (
    run_id bigint NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    slug text COLLATE "C" NOT NULL,
    name text NOT NULL,
    home text,
    source text NOT NULL,
    fiscal_year integer NOT NULL,
    started_at text NOT NULL,
    finished_at text NOT NULL,
    complete boolean NOT NULL,
    urls_fetched integer NOT NULL,
    documents_read integer NOT NULL,
    PRIMARY KEY (run_id, slug)
);

CREATE TABLE findings (
    run_id bigint NOT NULL,
    slug text COLLATE "C" NOT NULL,
    item text COLLATE "C" NOT NULL,
    seq integer NOT NULL,
    indicator integer NOT NULL,
    status text NOT NULL,
    confidence text NOT NULL,
    name_th text NOT NULL,
    name_en text NOT NULL,
    suppressed text NOT NULL,
    urls text[] NOT NULL,
    documents text[] NOT NULL,
    PRIMARY KEY (run_id, slug, item),
    FOREIGN KEY (run_id, slug) REFERENCES agency_results (run_id, slug) ON DELETE CASCADE
);
CREATE INDEX findings_item ON findings (slug, item, run_id);
CREATE INDEX findings_status ON findings (run_id, status);

CREATE TABLE reasons (
    run_id bigint NOT NULL,
    slug text COLLATE "C" NOT NULL,
    item text COLLATE "C" NOT NULL,
    kind text NOT NULL CHECK (kind IN ('reason', 'found')),
    seq integer NOT NULL,
    code text NOT NULL,
    severity text NOT NULL,
    message_th text NOT NULL,
    message_en text NOT NULL,
    inferred boolean NOT NULL,
    detail json NOT NULL,
    evidence json NOT NULL,
    PRIMARY KEY (run_id, slug, item, kind, seq),
    FOREIGN KEY (run_id, slug, item) REFERENCES findings (run_id, slug, item) ON DELETE CASCADE
);
CREATE INDEX reasons_code ON reasons (code, run_id);

CREATE TABLE documents (
    run_id bigint NOT NULL,
    slug text COLLATE "C" NOT NULL,
    url text NOT NULL,
    sha256 text NOT NULL,
    PRIMARY KEY (run_id, slug, url),
    FOREIGN KEY (run_id, slug) REFERENCES agency_results (run_id, slug) ON DELETE CASCADE
)
"""

_V2 = """
ALTER TABLE findings ADD COLUMN fetches json NOT NULL DEFAULT '[]'
"""

_V3 = """
ALTER TABLE agency_results ADD COLUMN ordinal integer;
ALTER TABLE agency_results ADD COLUMN written_by text NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN executor text NOT NULL DEFAULT 'local';
CREATE INDEX agency_results_order ON agency_results (run_id, ordinal)
"""

_V4 = """
ALTER TABLE findings ADD COLUMN inputs text NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN also_asked json NOT NULL DEFAULT '[]';
ALTER TABLE runs ADD COLUMN reading text NOT NULL DEFAULT '';
ALTER TABLE agency_results ADD COLUMN home_sha256 text NOT NULL DEFAULT ''
"""

# Each entry takes the schema from version N to N+1 (the same N as SQLite's); never edit a shipped one.
MIGRATIONS: list[str] = [_V1, _V2, _V3, _V4]
assert len(MIGRATIONS) == SCHEMA_VERSION

_MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now(),
    tool_version text NOT NULL
)"""


def schema_version(conn: psycopg.Connection[Any]) -> int:
    row = conn.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").fetchone()
    if not row or not _first(row):
        return 0
    found = conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
    return int(_first(found)) if found else 0


def _first(row: Any) -> Any:
    return next(iter(row.values())) if isinstance(row, Mapping) else row[0]


def migrate(conn: psycopg.Connection[Any], where: str = "") -> int:
    """Bring the schema up to date (autocommit connection); each step in its own transaction."""
    conn.execute("SELECT pg_advisory_lock(%s, %s)", MIGRATION_LOCK)
    try:
        conn.execute(_MIGRATIONS_TABLE)
        version = schema_version(conn)
        if version > SCHEMA_VERSION:
            raise HistoryError(newer_schema_message(version, where or "history"))
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with conn.transaction():
                for statement in MIGRATIONS[target - 1].split(";\n"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute("INSERT INTO schema_migrations (version, tool_version) VALUES (%s, %s)",
                             (target, __version__))
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s, %s)", MIGRATION_LOCK)
    return SCHEMA_VERSION


_RUN_COLUMNS = """r.*,
    (SELECT count(*) FROM agency_results a WHERE a.run_id = r.id) AS agencies_done,
    (SELECT coalesce(json_object_agg(s.status, s.n), '{}') FROM
        (SELECT status, count(*) AS n FROM findings f WHERE f.run_id = r.id GROUP BY status) s) AS counts"""


class PostgresHistory(StoredReads):
    """The history in PostgreSQL. `migrate_schema=False` (workers): refuse a schema this code does not match."""

    def __init__(self, url: str, *, migrate_schema: bool = True) -> None:
        self.url = url
        self.location = redact(url)
        self._host = socket.gethostname()
        self._held: set[int] = set()  # runs whose advisory lock this session holds
        self._conn = self._connect()
        try:
            if migrate_schema:
                migrate(self._conn, self.location)
            else:
                self._check_version()
        except psycopg.Error as exc:
            self._conn.close()
            raise HistoryError(i18n.text("history.cannot_use", where=self.location, why=exc)) from exc
        except BaseException:
            self._conn.close()
            raise

    def _connect(self) -> psycopg.Connection[DictRow]:
        try:
            given = psycopg.conninfo.conninfo_to_dict(self.url)
            defaults = {k: v for k, v in CONNECT_DEFAULTS.items() if k not in given}
            conn = psycopg.connect(psycopg.conninfo.make_conninfo(self.url, **defaults), autocommit=True,
                                   row_factory=dict_row)
        except psycopg.Error as exc:
            raise HistoryError(i18n.text("history.cannot_connect", where=self.location, why=str(exc).strip())) from exc
        for setting in SESSION_SETTINGS:
            conn.execute(setting)
        return conn

    def _check_version(self) -> None:
        version = schema_version(self._conn)
        if version != SCHEMA_VERSION:
            raise HistoryError(i18n.text("history.other_schema", where=self.location, found=version,
                                         known=SCHEMA_VERSION))

    # ------------------------------------------------------------ plumbing

    def _retrying(self, what: str, fn: Callable[[], T]) -> T:
        """Run `fn` (one whole transaction), again after a transient failure, reconnecting if need be; `what`
        (in the run's language) names what it does in the message when it fails."""
        for attempt in range(RETRIES + 1):
            try:
                return fn()
            except HistoryError:
                raise
            except psycopg.OperationalError as exc:  # connection lost, deadlock, serialization, lock timeout
                if attempt == RETRIES:
                    raise HistoryError(i18n.text("history.failed_times", where=self.location, what=what,
                                                 n=RETRIES + 1, why=exc)) from exc
                time.sleep(RETRY_PAUSE_S[min(attempt, len(RETRY_PAUSE_S) - 1)])
                if self._conn.broken or self._conn.closed:
                    self._reconnect()
            except psycopg.Error as exc:
                raise HistoryError(i18n.text("history.failed", where=self.location, what=what,
                                             why=exc)) from exc
        raise AssertionError("unreachable")

    def _reconnect(self) -> None:
        try:
            self._conn.close()
        finally:
            self._conn = self._connect()
        for run_id in list(self._held):  # session locks died with the old session: take them again
            if not self._try_lock(run_id):
                self._held.discard(run_id)

    @contextmanager
    def _tx(self) -> Iterator[psycopg.Connection[DictRow]]:
        with self._conn.transaction():
            yield self._conn

    def _try_lock(self, run_id: int) -> bool:
        row = self._conn.execute("SELECT pg_try_advisory_lock(%s, %s) AS got", (LOCK_CLASS, run_id)).fetchone()
        return bool(row and row["got"])

    def _unlock(self, run_id: int) -> None:
        if run_id in self._held:
            self._held.discard(run_id)
            self._conn.execute("SELECT pg_advisory_unlock(%s, %s)", (LOCK_CLASS, run_id))

    # ------------------------------------------------------------ runs

    def begin_run(self, meta: RunMeta) -> int:
        self.mark_abandoned()

        def insert() -> int:
            with self._tx() as conn:
                row = conn.execute(
                    "INSERT INTO runs (label, started_at, status, tool_version, criteria_year, catalogue_version,"
                    " catalogue_source, fiscal_year, agencies_total, host, pid, executor, reading)"
                    " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) RETURNING id",
                    (meta.label, meta.started_at, RunStatus.RUNNING.value, meta.tool_version, meta.criteria_year,
                     meta.catalogue_version, meta.catalogue_source, meta.fiscal_year, meta.agencies_total,
                     self._host, os.getpid(), meta.executor, meta.reading)).fetchone()
                assert row is not None
                run_id = int(row["id"])
                # Taken before the row is visible to anyone: no other driver can think this run abandoned.
                conn.execute("SELECT pg_advisory_lock(%s, %s)", (LOCK_CLASS, run_id))
            self._held.add(run_id)
            return run_id

        return self._retrying(i18n.text("history.what_start"), insert)

    def reopen_run(self, run_id: int) -> RunInfo:
        info = self.run_info(run_id)
        if run_id not in self._held:
            if not self._try_lock(run_id):
                raise HistoryError(i18n.text("history.busy_elsewhere", run=run_id))
            self._held.add(run_id)
        self._conn.execute("UPDATE runs SET status = %s, finished_at = NULL, host = %s, pid = %s WHERE id = %s",
                           (RunStatus.RUNNING.value, self._host, os.getpid(), run_id))
        return info

    def finish_run(self, run_id: int, status: RunStatus, finished_at: str | None = None) -> None:
        def update() -> None:
            # Waits for agency writes in flight (they hold the run row FOR SHARE); refuses any after.
            self._conn.execute("UPDATE runs SET status = %s, finished_at = %s WHERE id = %s",
                               (status.value, finished_at or now_iso(), run_id))

        self._retrying(i18n.text("history.what_finish"), update)
        self._unlock(run_id)

    def mark_abandoned(self) -> int:
        rows = self._conn.execute("SELECT id FROM runs WHERE status = %s ORDER BY id",
                                  (RunStatus.RUNNING.value,)).fetchall()
        marked = 0
        for row in rows:
            run_id = int(row["id"])
            if run_id in self._held or not self._try_lock(run_id):
                continue  # ours, or its driver is alive and holds the lock
            try:
                cur = self._conn.execute("UPDATE runs SET status = %s WHERE id = %s AND status = %s",
                                         (RunStatus.INCOMPLETE.value, run_id, RunStatus.RUNNING.value))
                marked += cur.rowcount
            finally:
                self._conn.execute("SELECT pg_advisory_unlock(%s, %s)", (LOCK_CLASS, run_id))
        return marked

    # ------------------------------------------------------------ one (run, agency)

    def record_agency(self, run_id: int, result: AgencyResult, *, ordinal: int | None = None) -> AgencyResult:
        result = stored_form(result)
        rows = agency_rows(result)
        self._retrying(i18n.text("history.what_store", slug=rows.slug),
                       lambda: self._write(run_id, result, rows, ordinal))
        return result

    def _write(self, run_id: int, result: AgencyResult, rows: AgencyRows, ordinal: int | None) -> None:
        a = result.agency
        key = (run_id, rows.slug)
        with self._tx() as conn:
            run = conn.execute("SELECT status FROM runs WHERE id = %s FOR SHARE", (run_id,)).fetchone()
            if run is None or run["status"] != RunStatus.RUNNING.value:
                raise HistoryError(not_running_message(run_id, run["status"] if run else None))
            conn.execute(
                "INSERT INTO agency_results (run_id, slug, name, home, source, fiscal_year, started_at, finished_at,"
                " complete, urls_fetched, documents_read, ordinal, written_by, home_sha256) VALUES (%(run)s,"
                " %(slug)s, %(name)s,"
                " %(home)s, %(source)s, %(fy)s, %(started)s, %(finished)s, %(complete)s, %(urls)s, %(docs)s,"
                " coalesce(%(ordinal)s::integer,"
                "   (SELECT ordinal FROM agency_results WHERE run_id = %(run)s AND slug = %(slug)s),"
                "   (SELECT coalesce(max(ordinal) + 1, 0) FROM agency_results WHERE run_id = %(run)s)),"
                " %(by)s, %(home_sha)s)"
                " ON CONFLICT (run_id, slug) DO UPDATE SET name = EXCLUDED.name, home = EXCLUDED.home,"
                " source = EXCLUDED.source, fiscal_year = EXCLUDED.fiscal_year, started_at = EXCLUDED.started_at,"
                " finished_at = EXCLUDED.finished_at, complete = EXCLUDED.complete,"
                " urls_fetched = EXCLUDED.urls_fetched, documents_read = EXCLUDED.documents_read,"
                " ordinal = EXCLUDED.ordinal, written_by = EXCLUDED.written_by,"
                " home_sha256 = EXCLUDED.home_sha256",
                {"run": run_id, "slug": _text(rows.slug), "name": _text(a.name), "home": _opt(a.home),
                 "source": _text(a.source), "fy": result.fiscal_year, "started": result.started_at,
                 "finished": result.finished_at, "complete": result.complete, "urls": result.urls_fetched,
                 "docs": result.documents_read, "ordinal": ordinal, "by": f"{self._host}:{os.getpid()}",
                 "home_sha": result.home_sha256})
            # An earlier attempt's children go (reasons cascade from findings); this attempt's come in.
            conn.execute("DELETE FROM findings WHERE run_id = %s AND slug = %s", key)
            conn.execute("DELETE FROM documents WHERE run_id = %s AND slug = %s", key)
            self._insert_children(conn, key, rows)

    @staticmethod
    def _insert_children(conn: psycopg.Connection[DictRow], key: tuple[int, str], rows: AgencyRows) -> None:
        run_id, slug = key[0], _text(key[1])
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO findings (run_id, slug, item, seq, indicator, status, confidence, name_th, name_en,"
                " suppressed, urls, documents, fetches, inputs, also_asked)"
                " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                [(run_id, slug, _text(f.item), seq, f.indicator, f.status.value, f.confidence.value,
                  _text(f.name_th), _text(f.name_en), _text(f.suppressed), [_text(u) for u in f.urls],
                  [_text(u) for u in f.documents], Json(fetches, dumps=dumps), f.inputs,
                  Json([[_text(u), sha] for u, sha in f.also_asked], dumps=dumps))
                 for seq, f, fetches in rows.findings])
            cur.executemany(
                "INSERT INTO reasons (run_id, slug, item, kind, seq, code, severity, message_th, message_en,"
                " inferred, detail, evidence) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                [(run_id, slug, _text(r.item), r.kind, r.seq, _text(r.reason.code), r.reason.severity.value,
                  _text(r.reason.message_th), _text(r.reason.message_en), r.reason.inferred,
                  Json(r.reason.detail, dumps=dumps), Json(evidence_list(r.reason.evidence), dumps=dumps))
                 for r in rows.reasons])
            cur.executemany("INSERT INTO documents (run_id, slug, url, sha256) VALUES (%s,%s,%s,%s)",
                            [(run_id, slug, _text(url), digest) for url, digest in rows.documents])

    # ------------------------------------------------------------ reading

    def _runs(self, where: str, params: Sequence[Any], *, limit: int | None = None) -> list[RunInfo]:
        sql = f"SELECT {_RUN_COLUMNS} FROM runs r {where} ORDER BY r.id DESC"
        if limit is not None:
            sql += " LIMIT %s"
            params = (*params, limit)
        rows = self._conn.execute(sql, params).fetchall()
        return [info_from(r, int(r["agencies_done"]), r["counts"]) for r in rows]

    def run_info(self, run_id: int) -> RunInfo:
        found = self._runs("WHERE r.id = %s", (run_id,))
        if not found:
            raise HistoryError(i18n.text("history.no_run", run=run_id, where=self.location))
        return found[0]

    def list_runs(self, limit: int | None = None, label: str | None = None) -> list[RunInfo]:
        if label is None:
            return self._runs("", (), limit=limit)
        return self._runs("WHERE r.label = %s", (label,), limit=limit)

    def previous_run(self, run_id: int, label: str | None = None) -> RunInfo | None:
        where = "WHERE r.id < %s" + (" AND r.label = %s" if label is not None else "")
        params: tuple[Any, ...] = (run_id, label) if label is not None else (run_id,)
        found = (self._runs(where + " AND r.status = %s", (*params, RunStatus.COMPLETE.value), limit=1)
                 or self._runs(where, params, limit=1))
        return found[0] if found else None

    def agencies_done(self, run_id: int, slugs: Collection[str] | None = None) -> set[str]:
        def read() -> set[str]:
            if slugs is None:
                rows = self._conn.execute("SELECT slug FROM agency_results WHERE run_id = %s", (run_id,))
            else:
                rows = self._conn.execute("SELECT slug FROM agency_results WHERE run_id = %s AND slug = ANY(%s)",
                                          (run_id, list(slugs)))
            return {r["slug"] for r in rows.fetchall()}

        return self._retrying(i18n.text("history.what_read_done"), read)

    def _agencies(self, run_id: int, slug: str | None = None) -> list[AgencyResult]:
        where = "run_id = %s" if slug is None else "run_id = %s AND slug = %s"
        params: tuple[Any, ...] = (run_id,) if slug is None else (run_id, slug)

        def q(sql: str) -> list[DictRow]:
            return self._conn.execute(sql.format(where=where), params).fetchall()

        # One snapshot for the four reads: a writer committing in between cannot tear an agency apart.
        with self._conn.transaction():
            self._conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            return assemble_agencies(
                q("SELECT * FROM agency_results WHERE {where} ORDER BY ordinal, slug"),
                q("SELECT * FROM findings WHERE {where}"),
                q("SELECT * FROM reasons WHERE {where}"),
                q("SELECT slug, url, sha256 FROM documents WHERE {where}"))


    def _fetch_rows(self, run_id: int) -> Iterable[Any]:
        return self._conn.execute("SELECT slug, fetches FROM findings WHERE run_id = %s", (run_id,))

    # ------------------------------------------------------------ housekeeping

    def prune(self, *, older_than: timedelta | None = None, keep_runs: int | None = None,
              now: datetime | None = None, dry_run: bool = False) -> list[int]:
        rows = self._conn.execute("SELECT id, label, started_at, status FROM runs ORDER BY id DESC").fetchall()
        doomed = runs_to_prune(rows, older_than=older_than, keep_runs=keep_runs, now=now or clock.now())
        if doomed and not dry_run:
            with self._tx() as conn:
                conn.execute("DELETE FROM runs WHERE id = ANY(%s) AND status <> %s",
                             (doomed, RunStatus.RUNNING.value))
        return doomed

    def vacuum(self) -> None:
        for table in ("runs", "agency_results", "findings", "reasons", "documents"):
            self._conn.execute(f"VACUUM (ANALYZE) {table}")

    def close(self) -> None:
        for run_id in list(self._held):
            try:
                self._unlock(run_id)
            except psycopg.Error:
                break
        self._conn.close()

    def __enter__(self) -> PostgresHistory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

