"""Every audit run, stored: runs, per-agency results, per-item findings with reasons, evidence and hashes.

The storage sits behind `HistoryStore` (a Protocol) so that a PostgreSQL backend for a multi-machine audit
is an addition, not a rewrite; `SqliteHistory` is the embedded default.

The unit of work is one (run, agency): `record_agency` writes that agency's findings in ONE transaction
that first deletes whatever an earlier attempt wrote for the same (run, agency), so recording twice is
safe and a run killed half-way leaves every agency either fully written or not at all. A run is
`running` while it goes, `complete` when every agency was recorded, and `incomplete` when it was
cancelled — or, after a hard kill, when the next audit on this host finds its process gone.

Schema changes are a list of migrations; `PRAGMA user_version` says how many have been applied.
"""

from __future__ import annotations

import dataclasses
import json
import os
import socket
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

import platformdirs

from oit_checker.errors import HistoryError
from oit_checker.model import (
    Agency,
    AgencyResult,
    Confidence,
    Evidence,
    FetchError,
    FetchRecord,
    Finding,
    Reason,
    RunResult,
    Status,
)
from oit_checker.text import clock
from oit_checker.text.clock import now_iso
from oit_checker.text.sanitize import scrub

APP_NAME = "oit-checker"
DB_FILENAME = "history.sqlite3"
BUSY_TIMEOUT_MS = 30_000  # two cron jobs sharing a database wait for each other rather than fail


class RunStatus(StrEnum):
    RUNNING = "running"
    COMPLETE = "complete"
    INCOMPLETE = "incomplete"


@dataclass(frozen=True)
class RunMeta:
    """What is known about a run before it starts."""

    started_at: str
    tool_version: str
    criteria_year: int
    catalogue_version: str
    catalogue_source: str
    fiscal_year: int
    agencies_total: int
    label: str = "default"


@dataclass(frozen=True)
class RunInfo:
    id: int
    label: str
    started_at: str
    finished_at: str | None
    status: RunStatus
    tool_version: str
    criteria_year: int
    catalogue_version: str
    catalogue_source: str
    fiscal_year: int
    agencies_total: int
    agencies_done: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # status → findings


class HistoryStore(Protocol):
    """What the audit needs from a history backend."""

    def begin_run(self, meta: RunMeta) -> int: ...

    def record_agency(self, run_id: int, result: AgencyResult) -> None: ...

    def finish_run(self, run_id: int, status: RunStatus, finished_at: str | None = None) -> None: ...

    def run_info(self, run_id: int) -> RunInfo: ...

    def list_runs(self, limit: int | None = None, label: str | None = None) -> list[RunInfo]: ...

    def load_run(self, run_id: int) -> RunResult: ...

    def agencies_done(self, run_id: int) -> set[str]: ...

    def reopen_run(self, run_id: int) -> None: ...

    def previous_run(self, run_id: int, label: str | None = None) -> RunInfo | None: ...

    def prune(self, *, older_than: timedelta | None = None, keep_runs: int | None = None,
              now: datetime | None = None, dry_run: bool = False) -> list[int]: ...

    def close(self) -> None: ...


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

def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    # Not executescript(): it commits the open transaction first, and a migration must be all or nothing.
    def run(conn: sqlite3.Connection) -> None:
        for statement in sql.split(";\n"):
            if statement.strip():
                conn.execute(statement)

    return run


# Each entry takes the schema from version N to N+1; never edit a shipped one, append a new one.
# v2: per-URL fetch records (attempts, errors, redirects) of every finding, for nightly audits.
_V2 = """
ALTER TABLE findings ADD COLUMN fetches TEXT NOT NULL DEFAULT '[]'
"""

MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _script(_V1),
    _script(_V2),
]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to date, each step in its own transaction; returns the version reached."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise HistoryError(f"the history database has schema version {version}, newer than this oit-checker "
                           f"understands ({SCHEMA_VERSION}); upgrade oit-checker or use another --db")
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


# ---------------------------------------------------------------- (de)serialising reasons


def _evidence_json(evidence: Sequence[Evidence]) -> str:
    return json.dumps([{"url": e.url, "page": e.page, "snippet": e.snippet} for e in evidence],
                      ensure_ascii=False)


def _evidence_from(raw: str) -> tuple[Evidence, ...]:
    return tuple(Evidence(url=e["url"], page=e.get("page"), snippet=e.get("snippet", "")) for e in json.loads(raw))


def _reason_row(key: tuple[int, str, str], kind: str, seq: int, r: Reason) -> tuple[Any, ...]:
    return (*key, kind, seq, r.code, r.severity.value, r.message_th, r.message_en, int(r.inferred),
            json.dumps(r.detail, ensure_ascii=False, default=str), _evidence_json(r.evidence))


def _reason_from(row: sqlite3.Row) -> Reason:
    return Reason(code=row["code"], message_th=row["message_th"], message_en=row["message_en"],
                  evidence=_evidence_from(row["evidence"]), severity=Status(row["severity"]),
                  inferred=bool(row["inferred"]), detail=json.loads(row["detail"]))


def _fetches_from(raw: str) -> tuple[FetchRecord, ...]:
    return tuple(FetchRecord(**{**x, "redirects": tuple(x.get("redirects", ())),
                                "error": FetchError(x["error"]) if x.get("error") else None})
                 for x in json.loads(raw))


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# ---------------------------------------------------------------- SQLite


class SqliteHistory:
    """The embedded history store. One connection, used from one thread (the event loop's)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
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
            migrate(self._conn)
        except sqlite3.DatabaseError as exc:
            raise HistoryError(f"{self.path}: cannot use the history database ({exc})") from exc
        except OSError as exc:
            raise HistoryError(f"{self.path}: {exc}") from exc
        self._host = socket.gethostname()

    # ------------------------------------------------------------ writing

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        # IMMEDIATE: take the write lock up front, so a concurrent writer waits instead of failing mid-way.
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:  # locked past busy_timeout, read-only file, disk full…
            raise HistoryError(f"{self.path}: cannot write the history database ({exc})") from exc
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        try:
            self._conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self._conn.execute("ROLLBACK")
            raise HistoryError(f"{self.path}: cannot write the history database ({exc})") from exc

    def begin_run(self, meta: RunMeta) -> int:
        self.mark_abandoned()
        with self._transaction() as conn:
            cur = conn.execute(
                "INSERT INTO runs (label, started_at, status, tool_version, criteria_year, catalogue_version,"
                " catalogue_source, fiscal_year, agencies_total, host, pid) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (meta.label, meta.started_at, RunStatus.RUNNING.value, meta.tool_version, meta.criteria_year,
                 meta.catalogue_version, meta.catalogue_source, meta.fiscal_year, meta.agencies_total,
                 self._host, os.getpid()))
            run_id = cur.lastrowid
        assert run_id is not None
        return run_id

    def reopen_run(self, run_id: int) -> RunInfo:
        """Resume: the run goes back to `running` under this process."""
        info = self.run_info(run_id)
        with self._transaction() as conn:
            conn.execute("UPDATE runs SET status = ?, finished_at = NULL, host = ?, pid = ? WHERE id = ?",
                         (RunStatus.RUNNING.value, self._host, os.getpid(), run_id))
        return info

    def mark_abandoned(self) -> int:
        """Runs left `running` by a process of this host that no longer exists (killed) → incomplete."""
        rows = self._conn.execute("SELECT id, pid FROM runs WHERE status = ? AND host = ?",
                                  (RunStatus.RUNNING.value, self._host)).fetchall()
        dead = [r["id"] for r in rows if r["pid"] != os.getpid() and not _pid_alive(r["pid"])]
        if dead:
            with self._transaction() as conn:
                conn.executemany("UPDATE runs SET status = ? WHERE id = ? AND status = ?",
                                 [(RunStatus.INCOMPLETE.value, i, RunStatus.RUNNING.value) for i in dead])
        return len(dead)

    def record_agency(self, run_id: int, result: AgencyResult) -> None:
        """Write one agency's results in one transaction, replacing any earlier write of the same pair.

        Stored sanitised: URL credentials (`user:pass@`) redacted and control characters removed from every
        string; the agency's key (slug) is kept as given, so a resumed run finds it."""
        clean = scrub(result)
        result = dataclasses.replace(clean, agency=dataclasses.replace(clean.agency, slug=result.agency.slug))
        a = result.agency
        slug = a.slug or a.name
        finding_rows: list[tuple[Any, ...]] = []
        reason_rows: list[tuple[Any, ...]] = []
        for seq, f in enumerate(result.findings):
            key = (run_id, slug, f.item)
            finding_rows.append((*key, seq, f.indicator, f.status.value, f.confidence.value, f.name_th,
                                 f.name_en, f.suppressed, json.dumps(list(f.urls), ensure_ascii=False),
                                 json.dumps(list(f.documents), ensure_ascii=False),
                                 json.dumps([dataclasses.asdict(x) for x in f.fetches], ensure_ascii=False)))
            reason_rows += [_reason_row(key, "reason", n, r) for n, r in enumerate(f.reasons)]
            reason_rows += [_reason_row(key, "found", n, r) for n, r in enumerate(f.found)]
        with self._transaction() as conn:
            if conn.execute("SELECT 1 FROM runs WHERE id = ?", (run_id,)).fetchone() is None:
                raise HistoryError(f"run {run_id} does not exist")
            # Cascades to findings, reasons and documents of this (run, agency) only.
            conn.execute("DELETE FROM agency_results WHERE run_id = ? AND slug = ?", (run_id, slug))
            conn.execute(
                "INSERT INTO agency_results (run_id, slug, name, home, source, fiscal_year, started_at,"
                " finished_at, complete, urls_fetched, documents_read) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (run_id, slug, a.name, a.home, a.source, result.fiscal_year, result.started_at,
                 result.finished_at, int(result.complete), result.urls_fetched, result.documents_read))
            conn.executemany("INSERT INTO findings (run_id, slug, item, seq, indicator, status, confidence,"
                             " name_th, name_en, suppressed, urls, documents, fetches)"
                             " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", finding_rows)
            conn.executemany("INSERT INTO reasons VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", reason_rows)
            conn.executemany("INSERT INTO documents VALUES (?,?,?,?)",
                             [(run_id, slug, url, digest) for url, digest in result.document_hashes.items()])

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
        return RunInfo(id=row["id"], label=row["label"], started_at=row["started_at"],
                       finished_at=row["finished_at"], status=RunStatus(row["status"]),
                       tool_version=row["tool_version"], criteria_year=row["criteria_year"],
                       catalogue_version=row["catalogue_version"], catalogue_source=row["catalogue_source"],
                       fiscal_year=row["fiscal_year"], agencies_total=row["agencies_total"],
                       agencies_done=done, counts=counts)

    def run_info(self, run_id: int) -> RunInfo:
        row = self._conn.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            raise HistoryError(f"no run {run_id} in {self.path}")
        return self._info(row)

    def list_runs(self, limit: int | None = None, label: str | None = None) -> list[RunInfo]:
        """Newest first."""
        sql = "SELECT * FROM runs" + (" WHERE label = ?" if label is not None else "") + " ORDER BY id DESC"
        params: tuple[Any, ...] = (label,) if label is not None else ()
        if limit is not None:
            sql += " LIMIT ?"
            params += (limit,)
        return [self._info(r) for r in self._conn.execute(sql, params).fetchall()]

    def previous_run(self, run_id: int, label: str | None = None) -> RunInfo | None:
        """The baseline for "since last run": the latest earlier complete run (of the same label), else the
        latest earlier run of any status (a killed run still tells what its agencies looked like)."""
        where = "id < ?" + (" AND label = ?" if label is not None else "")
        params: tuple[Any, ...] = (run_id, label) if label is not None else (run_id,)
        row = self._conn.execute(f"SELECT * FROM runs WHERE {where} AND status = ? ORDER BY id DESC LIMIT 1",
                                 (*params, RunStatus.COMPLETE.value)).fetchone()
        if row is None:
            row = self._conn.execute(f"SELECT * FROM runs WHERE {where} ORDER BY id DESC LIMIT 1",
                                     params).fetchone()
        return self._info(row) if row is not None else None

    def agencies_done(self, run_id: int) -> set[str]:
        return {r[0] for r in self._conn.execute("SELECT slug FROM agency_results WHERE run_id = ?", (run_id,))}

    def load_run(self, run_id: int) -> RunResult:
        info = self.run_info(run_id)
        reasons: dict[tuple[str, str], dict[str, list[Reason]]] = {}
        for row in self._conn.execute("SELECT * FROM reasons WHERE run_id = ? ORDER BY slug, item, kind, seq",
                                      (run_id,)):
            reasons.setdefault((row["slug"], row["item"]), {"reason": [], "found": []})[row["kind"]].append(
                _reason_from(row))
        findings: dict[str, list[Finding]] = {}
        for row in self._conn.execute("SELECT * FROM findings WHERE run_id = ? ORDER BY slug, seq", (run_id,)):
            got = reasons.get((row["slug"], row["item"]), {"reason": [], "found": []})
            findings.setdefault(row["slug"], []).append(Finding(
                item=row["item"], indicator=row["indicator"], status=Status(row["status"]),
                reasons=tuple(got["reason"]), confidence=Confidence(row["confidence"]), name_th=row["name_th"],
                name_en=row["name_en"], urls=tuple(json.loads(row["urls"])),
                documents=tuple(json.loads(row["documents"])), found=tuple(got["found"]),
                suppressed=row["suppressed"], fetches=_fetches_from(row["fetches"])))
        hashes: dict[str, dict[str, str]] = {}
        for row in self._conn.execute("SELECT slug, url, sha256 FROM documents WHERE run_id = ?", (run_id,)):
            hashes.setdefault(row["slug"], {})[row["url"]] = row["sha256"]
        agencies = []
        for row in self._conn.execute("SELECT * FROM agency_results WHERE run_id = ? ORDER BY rowid",
                                      (run_id,)):
            mine = tuple(findings.get(row["slug"], ()))
            agency = Agency(name=row["name"], home=row["home"], items={f.item: f.urls for f in mine},
                            fiscal_year=row["fiscal_year"], source=row["source"], slug=row["slug"])
            agencies.append(AgencyResult(
                agency=agency, fiscal_year=row["fiscal_year"], findings=mine, started_at=row["started_at"],
                finished_at=row["finished_at"], urls_fetched=row["urls_fetched"],
                documents_read=row["documents_read"], complete=bool(row["complete"]),
                document_hashes=hashes.get(row["slug"], {})))
        return RunResult(criteria_year=info.criteria_year, catalogue_version=info.catalogue_version,
                         catalogue_source=info.catalogue_source, fiscal_year=info.fiscal_year,
                         tool_version=info.tool_version, started_at=info.started_at,
                         finished_at=info.finished_at or "", agencies=tuple(agencies), run_id=run_id)

    # ------------------------------------------------------------ housekeeping

    def prune(self, *, older_than: timedelta | None = None, keep_runs: int | None = None,
              now: datetime | None = None, dry_run: bool = False) -> list[int]:
        """Delete runs started before now - older_than and/or beyond the newest `keep_runs`; returns their ids.

        The newest complete run of each label is always kept: it is tomorrow's "since last run" baseline.
        """
        now = now or clock.now()
        rows = self._conn.execute("SELECT id, label, started_at, status FROM runs ORDER BY id DESC").fetchall()
        protected: set[int] = set()
        seen_labels: set[str] = set()
        for r in rows:
            if r["status"] == RunStatus.COMPLETE.value and r["label"] not in seen_labels:
                seen_labels.add(r["label"])
                protected.add(r["id"])
            if r["status"] == RunStatus.RUNNING.value:
                protected.add(r["id"])  # another process may be writing it right now
        doomed: set[int] = set()
        if older_than is not None:
            cutoff = now - older_than
            for r in rows:
                if _parse_time(r["started_at"]) < cutoff:
                    doomed.add(r["id"])
        if keep_runs is not None:
            doomed.update(r["id"] for r in rows[keep_runs:])
        doomed -= protected
        if doomed and not dry_run:
            with self._transaction() as conn:
                conn.executemany("DELETE FROM runs WHERE id = ?", [(i,) for i in sorted(doomed)])
        return sorted(doomed)

    def vacuum(self) -> None:
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._conn.execute("VACUUM")

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SqliteHistory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _parse_time(value: str) -> datetime:
    when = datetime.fromisoformat(value)
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def parse_age(text: str) -> timedelta:
    """`90d`, `12w`, `6m` (30-day months), `1y`, `36h` → timedelta (for `history prune --keep`)."""
    text = text.strip().lower()
    units = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1),
             "m": timedelta(days=30), "y": timedelta(days=365)}
    if len(text) >= 2 and text[-1] in units and text[:-1].isdigit():
        return int(text[:-1]) * units[text[-1]]
    if text.isdigit():
        return int(text) * units["d"]
    raise ValueError(f"not an age: {text!r} (use e.g. 90d, 12w, 6m, 1y)")
