"""History stores: schema and migrations, lossless round trip, one transaction per (run, agency), pruning,
concurrent writers — the same tests on both backends (SQLite file, throw-away PostgreSQL server)."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from oit_checker.engine.history import (
    SCHEMA_VERSION,
    HistoryError,
    HistoryStore,
    RunMeta,
    RunStatus,
    SqliteHistory,
    StoreSpec,
    open_store,
    parse_age,
)
from oit_checker.engine.history import sqlite as sqlite_backend
from oit_checker.model import Agency, AgencyResult, Confidence, Evidence, FetchRecord, Finding, Reason, Status
from oit_checker.model.fetch import FetchError
from tests.support.ci import require_module

# These tests pin the English wording; the Thai wording: tests/unit/engine/test_history_thai.py.
pytestmark = pytest.mark.usefixtures("english")

BACKENDS = ["sqlite", "postgres"]


def meta(label: str = "default", started: str = "2026-11-01T01:00:00+00:00", total: int = 2) -> RunMeta:
    return RunMeta(started_at=started, tool_version="0.1.0", criteria_year=2569, catalogue_version="2569.1",
                   catalogue_source="rules/ita2569.toml", fiscal_year=2569, agencies_total=total, label=label,
                   reading="5e771n95")


def finding(item: str, status: Status, *, suppressed: str = "", urls: tuple[str, ...] = ()) -> Finding:
    # detail keys deliberately out of alphabetical order: the store must keep them as written.
    reason = Reason(code="stale_fiscal_year", message_th="เอกสารเป็นของปีงบประมาณ 2568", message_en="FY 2568 only",
                    evidence=(Evidence(url="https://x.go.th/o24.pdf", page=2, snippet="ปีงบประมาณ ๒๕๖๘"),),
                    severity=Status.FAIL, inferred=True,
                    detail={"wanted": 2569, "found": "2568", "years": [2567, 2568], "nested": {"z": 1, "a": None}})
    found = Reason(code="component", message_th="พบ: โครงการ", message_en="found: projects",
                   evidence=(Evidence(url="https://x.go.th/o24.pdf", page=1, snippet="โครงการอบรม"),),
                   severity=Status.PASS)
    return Finding(item=item, indicator=10, status=status,
                   reasons=(reason,) if status is not Status.PASS else (), confidence=Confidence.CONFIRMED,
                   name_th="แผนปฏิบัติการ", name_en="Plan", urls=urls or (f"https://x.go.th/{item}.pdf",),
                   documents=(f"https://x.go.th/{item}.pdf",), found=(found,), suppressed=suppressed,
                   fetches=(FetchRecord(url=f"https://x.go.th/{item}.pdf", final_url=f"https://cdn.x.go.th/{item}.pdf",
                                        status=503 if status is Status.ERROR else 200, attempts=3,
                                        redirects=("https://x.go.th/a",), elapsed_s=1.5),))


def result(slug: str, *findings: Finding, hashes: dict[str, str] | None = None, name: str = "") -> AgencyResult:
    agency = Agency(name=name or f"อบต.{slug}", home=f"https://{slug}.go.th/", items={f.item: f.urls for f in findings},
                    fiscal_year=2569, source="m.toml", slug=slug)
    return AgencyResult(agency=agency, fiscal_year=2569, findings=findings, started_at="2026-11-01T01:00:00+00:00",
                        finished_at="2026-11-01T01:00:05+00:00", urls_fetched=3, documents_read=2,
                        document_hashes=hashes or {})


def scalar(store: HistoryStore, sql: str) -> Any:
    row = store._conn.execute(sql).fetchone()  # type: ignore[attr-defined]
    return next(iter(row.values())) if isinstance(row, dict) else row[0]


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The --db value of a fresh, empty history on each backend."""
    if request.param == "postgres":
        require_module("psycopg", "pip install 'oit-checker[postgres]'")
        return str(request.getfixturevalue("pg_dsn"))
    return str(tmp_path / "h.sqlite3")


@pytest.fixture
def store(db: str) -> Iterator[HistoryStore]:
    s = open_store(db)
    yield s
    s.close()


# ---------------------------------------------------------------- both backends


def test_round_trip_keeps_findings_reasons_evidence_and_hashes(store: HistoryStore) -> None:
    run_id = store.begin_run(meta())
    o24 = finding("O24", Status.FAIL, suppressed="รออนุมัติ")
    o24 = replace(o24, inputs="cd" * 32, also_asked=(("https://x.go.th/ดาวน์โหลด", "ef" * 32),),
                  fetches=(replace(o24.fetches[0], sha256="ab" * 32),
                           FetchRecord(url="https://x.go.th/b.pdf", final_url="https://x.go.th/b.pdf", status=None,
                                       attempts=2, error=FetchError.TIMEOUT, detail="อ่านไม่ทัน", elapsed_s=30.0,
                                       insecure=True, depth=2, budget_cut=True, content_type="application/pdf",
                                       charset="tis-620", sha256="")))
    a = result("nongbua", o24,
               finding("O25", Status.PASS), hashes={"https://x.go.th/O24.pdf": "ab" * 32})
    b = result("takhian", finding("O24", Status.PASS))
    store.record_agency(run_id, a, ordinal=0)
    store.record_agency(run_id, b, ordinal=1)
    store.finish_run(run_id, RunStatus.COMPLETE, "2026-11-01T01:10:00+00:00")

    run = store.load_run(run_id)
    assert run.run_id == run_id and run.fiscal_year == 2569 and run.catalogue_version == "2569.1"
    assert (run.started_at, run.finished_at) == ("2026-11-01T01:00:00+00:00", "2026-11-01T01:10:00+00:00")
    assert [x.agency.slug for x in run.agencies] == ["nongbua", "takhian"]
    loaded = run.agencies[0]
    assert loaded == a  # every field the model compares: reasons, evidence, found, suppressed, fetches…
    assert loaded.findings == a.findings
    assert list(loaded.findings[0].reasons[0].detail) == ["wanted", "found", "years", "nested"]  # key order kept
    assert loaded.document_hashes == a.document_hashes
    # What reuse rests on (engine/reuse.py): what each evaluation read, the URLs tried and not kept, the bodies.
    assert [f.inputs for f in loaded.findings] == ["cd" * 32, ""]
    assert [f.also_asked for f in loaded.findings] == [(("https://x.go.th/ดาวน์โหลด", "ef" * 32),), ()]
    assert [x.sha256 for f in loaded.findings for x in f.fetches] == ["ab" * 32, "", ""]
    # Every field of every fetch record, those the model does not compare too (content type, charset).
    assert [dataclasses.asdict(x) for f in loaded.findings for x in f.fetches] == \
        [dataclasses.asdict(x) for f in a.findings for x in f.fetches]
    assert store.run_info(run_id).reading == "5e771n95"  # the settings it fetched and read with
    assert loaded.agency.items == a.agency.items and loaded.agency.home == a.agency.home
    assert store.load_agency(run_id, "takhian") == b and store.load_agency(run_id, "nobody") is None
    info = store.run_info(run_id)
    assert info.status is RunStatus.COMPLETE and info.agencies_done == 2 and info.executor == "local"
    assert info.counts == {"fail": 1, "pass": 2}


def test_recording_an_agency_twice_replaces_it(store: HistoryStore) -> None:
    run_id = store.begin_run(meta())
    store.record_agency(run_id, result("nongbua", finding("O24", Status.FAIL), finding("O25", Status.FAIL)))
    store.record_agency(run_id, result("nongbua", finding("O24", Status.PASS)))
    run = store.load_run(run_id)
    assert len(run.agencies) == 1
    assert [(f.item, f.status) for f in run.agencies[0].findings] == [("O24", Status.PASS)]
    assert scalar(store, "SELECT count(*) FROM reasons WHERE kind = 'reason'") == 0
    assert scalar(store, "SELECT count(*) FROM findings") == 1


def test_a_failed_write_leaves_the_earlier_write_of_that_agency_whole(store: HistoryStore) -> None:
    run_id = store.begin_run(meta())
    good = result("nongbua", finding("O24", Status.FAIL))
    store.record_agency(run_id, good)
    broken = result("nongbua", finding("O24", Status.PASS), finding("O24", Status.PASS))  # duplicate key
    with pytest.raises(HistoryError, match=r"nongbua|UNIQUE|duplicate"):
        store.record_agency(run_id, broken)
    assert store.load_run(run_id).agencies[0].findings == good.findings


def test_agencies_keep_their_place_in_the_run_whoever_finishes_first(store: HistoryStore) -> None:
    run_id = store.begin_run(meta(total=4))
    for slug, ordinal in (("c", 2), ("a", 0), ("d", 3), ("b", 1)):  # finishing order ≠ manifest order
        store.record_agency(run_id, result(slug, finding("O1", Status.PASS)), ordinal=ordinal)
    store.record_agency(run_id, result("b", finding("O1", Status.FAIL)))  # no ordinal: keeps its place
    store.record_agency(run_id, result("e", finding("O1", Status.PASS)))  # no ordinal, new: goes last
    assert [a.agency.slug for a in store.load_run(run_id).agencies] == ["a", "b", "c", "d", "e"]
    assert store.agencies_done(run_id) == {"a", "b", "c", "d", "e"}
    assert store.agencies_done(run_id, ["b", "e", "zz"]) == {"b", "e"}


def test_writing_to_an_unknown_or_finished_run_is_refused(store: HistoryStore) -> None:
    with pytest.raises(HistoryError, match="does not exist"):
        store.record_agency(999, result("nongbua", finding("O24", Status.FAIL)))
    with pytest.raises(HistoryError):
        store.load_run(999)
    run_id = store.begin_run(meta())
    store.record_agency(run_id, result("nongbua", finding("O24", Status.FAIL)))
    store.finish_run(run_id, RunStatus.COMPLETE)
    with pytest.raises(HistoryError, match="not running"):  # a late writer cannot change a finished run
        store.record_agency(run_id, result("nongbua", finding("O24", Status.PASS)))
    assert store.load_run(run_id).agencies[0].findings[0].status is Status.FAIL


def test_previous_run_prefers_complete_runs_of_the_same_label(store: HistoryStore) -> None:
    first = store.begin_run(meta())
    store.finish_run(first, RunStatus.COMPLETE)
    other = store.begin_run(meta(label="province-b"))
    store.finish_run(other, RunStatus.COMPLETE)
    killed = store.begin_run(meta())
    store.finish_run(killed, RunStatus.INCOMPLETE)
    now = store.begin_run(meta())
    prev = store.previous_run(now, "default")
    assert prev is not None and prev.id == first
    only_partial = store.begin_run(meta(label="new"))
    assert store.previous_run(only_partial, "new") is None
    assert [r.id for r in store.list_runs(2)] == [only_partial, now]
    assert [r.id for r in store.list_runs(label="province-b")] == [other]


def test_prune_by_age_and_count_keeps_the_latest_complete_run(store: HistoryStore) -> None:
    now = datetime(2026, 11, 26, tzinfo=UTC)
    ids = []
    for days_ago in (200, 120, 100, 10, 1):
        run_id = store.begin_run(meta(started=(now - timedelta(days=days_ago)).isoformat(timespec="seconds")))
        store.record_agency(run_id, result("nongbua", finding("O24", Status.FAIL)))
        store.finish_run(run_id, RunStatus.COMPLETE)
        ids.append(run_id)
    assert store.prune(older_than=timedelta(days=90), now=now, dry_run=True) == ids[:3]
    assert len(store.list_runs()) == 5
    assert store.prune(older_than=timedelta(days=90), now=now) == ids[:3]
    assert [r.id for r in store.list_runs()] == ids[:2:-1]
    assert scalar(store, "SELECT count(*) FROM findings") == 2  # cascaded
    assert scalar(store, "SELECT count(*) FROM reasons") == 4
    assert store.prune(keep_runs=0, now=now) == [ids[3]]  # the newest complete run always stays
    assert [r.id for r in store.list_runs()] == [ids[4]]
    store.vacuum()
    assert store.load_run(ids[4]).agencies[0].agency.slug == "nongbua"


def test_urls_reached_name_every_fetched_submitted_and_redirect_url(store: HistoryStore) -> None:
    run_id = store.begin_run(meta())
    store.record_agency(run_id, result("nongbua", finding("O24", Status.FAIL), finding("O25", Status.PASS)))
    assert store.urls_reached(run_id) == {"nongbua": {
        "https://x.go.th/O24.pdf", "https://cdn.x.go.th/O24.pdf", "https://x.go.th/O25.pdf",
        "https://cdn.x.go.th/O25.pdf", "https://x.go.th/a"}}


def test_resuming_a_run_another_live_process_runs_is_refused(db: str) -> None:
    with open_store(db) as first, open_store(db) as second:
        run_id = first.begin_run(meta())
        if isinstance(first, SqliteHistory):  # SQLite knows its drivers by host + pid
            first._conn.execute("UPDATE runs SET pid = ? WHERE id = ?", (os.getppid(), run_id))
        with pytest.raises(HistoryError, match="being run"):
            second.reopen_run(run_id)
        first.finish_run(run_id, RunStatus.INCOMPLETE)
        assert second.reopen_run(run_id).status is RunStatus.INCOMPLETE  # finished: resumable
        assert second.run_info(run_id).status is RunStatus.RUNNING


def test_a_newer_schema_is_refused(db: str) -> None:
    open_store(db).close()
    if db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db, autocommit=True) as conn:
            conn.execute("INSERT INTO schema_migrations (version, tool_version) VALUES (%s, 'future')",
                         (SCHEMA_VERSION + 1,))
    else:
        conn = sqlite3.connect(db)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.close()
    with pytest.raises(HistoryError, match="newer"):
        open_store(db)


def test_store_spec_travels_to_another_process_and_opens_the_same_history(db: str) -> None:
    import pickle

    spec = StoreSpec.of(db)
    assert pickle.loads(pickle.dumps(spec)) == spec
    with open_store(db) as store:
        run_id = store.begin_run(meta())
        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(1) as pool:
            pool.apply(_write_one, (spec, run_id, "from-another-process", 0, 0))
        assert store.agencies_done(run_id) == {"from-another-process"}


# ---------------------------------------------------------------- concurrent writers (processes)

WRITERS = 4
AGENCIES = 12


def _write_one(spec: StoreSpec, run_id: int, slug: str, writer: int, ordinal: int) -> None:
    with spec.open(migrate=False) as store:
        store.record_agency(run_id, result(slug, *(finding(f"O{n}", Status.PASS) for n in range(1, 4)),
                                           name=f"writer{writer}"), ordinal=ordinal)


def _write_all(spec: StoreSpec, run_id: int, writer: int, start: Any) -> None:
    """Every agency, starting at a different one per writer: the same pairs are written at the same time."""
    start.wait(60)
    with spec.open(migrate=False) as store:
        for k in range(AGENCIES):
            n = (k + writer * 3) % AGENCIES
            findings = tuple(replace(finding(f"O{i}", Status.FAIL), name_en=f"writer{writer}") for i in range(1, 6))
            store.record_agency(run_id, result(f"a{n:02d}", *findings, name=f"writer{writer}",
                                               hashes={f"https://x/{writer}": "0" * 64}), ordinal=n)


def test_concurrent_writers_neither_lose_nor_duplicate_nor_mix_agencies(db: str) -> None:
    spec = StoreSpec.of(db)
    with spec.open() as store:
        run_id = store.begin_run(meta(total=AGENCIES))
        ctx = multiprocessing.get_context("spawn")
        start = ctx.Barrier(WRITERS)
        procs = [ctx.Process(target=_write_all, args=(spec, run_id, w, start)) for w in range(WRITERS)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(120)
        assert [p.exitcode for p in procs] == [0] * WRITERS
        run = store.load_run(run_id)
        assert [a.agency.slug for a in run.agencies] == [f"a{n:02d}" for n in range(AGENCIES)]
        for a in run.agencies:  # each agency holds exactly one writer's attempt, whole
            writer = a.agency.name
            assert len(a.findings) == 5 and {f.name_en for f in a.findings} == {writer}
            assert list(a.document_hashes) == [f"https://x/{writer.removeprefix('writer')}"]
        assert scalar(store, "SELECT count(*) FROM agency_results") == AGENCIES
        assert scalar(store, "SELECT count(*) FROM findings") == AGENCIES * 5
        assert scalar(store, "SELECT count(*) FROM reasons") == AGENCIES * 5 * 2
        assert scalar(store, "SELECT count(*) FROM documents") == AGENCIES


# ---------------------------------------------------------------- SQLite only


def test_new_sqlite_database_is_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    SqliteHistory(tmp_path / "h.db").close()
    conn = sqlite3.connect(tmp_path / "h.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"runs", "agency_results", "findings", "reasons", "documents"} <= tables


def test_not_a_database_is_a_history_error(tmp_path: Path) -> None:
    (tmp_path / "h.db").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(HistoryError):
        SqliteHistory(tmp_path / "h.db")


def test_sqlite_runs_killed_without_a_word_are_marked_incomplete(tmp_path: Path) -> None:
    store = SqliteHistory(tmp_path / "h.db")
    run_id = store.begin_run(meta())
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    store._conn.execute("UPDATE runs SET pid = ? WHERE id = ?", (int(dead.stdout), run_id))
    store.close()
    again = SqliteHistory(tmp_path / "h.db")
    again.begin_run(meta())  # a new audit notices the orphan
    assert again.run_info(run_id).status is RunStatus.INCOMPLETE
    again.close()


def test_a_version_1_database_is_migrated_keeping_its_runs(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    sqlite_backend.MIGRATIONS[0](conn)  # the schema as oit-checker 0.1 shipped it, before per-URL fetch records
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO runs VALUES (1,'default','2026-10-01T01:00:00+00:00','2026-10-01T01:05:00+00:00',"
                 "'complete','0.1.0',2569,'2569.1','rules/ita2569.toml',2569,2,'host',1)")
    for slug in ("zeta", "alpha"):  # written in this order, before agencies had an ordinal
        conn.execute(f"INSERT INTO agency_results VALUES (1,'{slug}','อบต.{slug}',NULL,'m.toml',2569,'s','f',1,1,1)")
        conn.execute(f"INSERT INTO findings VALUES (1,'{slug}','O24',0,10,'fail','seed','ชื่อ','name','','[]','[]')")
    conn.close()

    with SqliteHistory(path) as store:
        run = store.load_run(1)
        assert [a.agency.slug for a in run.agencies] == ["zeta", "alpha"]  # still in the order written
        assert run.agencies[0].findings[0].status is Status.FAIL
        assert run.agencies[0].findings[0].fetches == ()  # old rows get the new column's default
        assert run.agencies[0].findings[0].inputs == ""  # unknown: reused only after a 304 (engine/reuse.py)
        assert store.run_info(1).executor == "local"
        assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4


# ---------------------------------------------------------------- PostgreSQL only


@pytest.fixture
def pg_url(pg_dsn: str) -> str:
    require_module("psycopg", "pip install 'oit-checker[postgres]'")
    return pg_dsn


def test_postgres_schema_is_versioned_in_a_migrations_table(pg_url: str) -> None:
    import psycopg

    from oit_checker.engine.history import postgres as pg_backend

    assert len(pg_backend.MIGRATIONS) == len(sqlite_backend.MIGRATIONS) == SCHEMA_VERSION
    open_store(pg_url).close()
    open_store(pg_url).close()  # a second open applies nothing again
    with psycopg.connect(pg_url) as conn:
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
        collations = dict(conn.execute(
            "SELECT table_name || '.' || column_name, collation_name FROM information_schema.columns"
            " WHERE column_name IN ('slug', 'item', 'label')").fetchall())
    assert versions == [1, 2, 3, 4]
    assert set(collations.values()) == {"C"}  # keys sort bytewise, as in SQLite, whatever the locale


def test_postgres_worker_refuses_a_database_the_driver_has_not_migrated(pg_url: str) -> None:
    with pytest.raises(HistoryError, match="schema version 0"):
        open_store(pg_url, migrate=False)
    open_store(pg_url).close()
    open_store(pg_url, migrate=False).close()


def test_postgres_run_whose_driver_vanished_is_marked_incomplete(pg_url: str) -> None:
    driver = open_store(pg_url)
    run_id = driver.begin_run(meta())
    with open_store(pg_url) as other:
        assert other.mark_abandoned() == 0  # the driver's session holds the run's lock: it is alive
        other.begin_run(meta())
        assert other.run_info(run_id).status is RunStatus.RUNNING
        backend = driver._conn.info.backend_pid  # type: ignore[attr-defined]
        driver._conn.close()  # type: ignore[attr-defined]  # the driver's machine dies: its session ends…
        deadline = time.monotonic() + 60  # …and the server notices (the session's locks go with it)
        while scalar(other, f"SELECT count(*) FROM pg_stat_activity WHERE pid = {backend}"):
            assert time.monotonic() < deadline, "the driver's session never ended"
            time.sleep(0.02)
        third = other.begin_run(meta())  # the next audit notices
        assert other.run_info(run_id).status is RunStatus.INCOMPLETE
        assert other.run_info(third).status is RunStatus.RUNNING


def test_postgres_location_hides_the_password(pg_url: str) -> None:
    from oit_checker.engine.history import redact

    assert redact("postgresql://oit:s3cret@db:5432/oit?sslmode=require&password=x") == \
        "postgresql://oit:***@db:5432/oit?sslmode=require&password=***"
    with open_store(pg_url) as store:
        assert store.location == pg_url  # no password in the test URL


def test_postgres_unreachable_server_is_a_history_error() -> None:
    require_module("psycopg", "pip install 'oit-checker[postgres]'")
    with pytest.raises(HistoryError, match="cannot connect"):
        open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")


# ---------------------------------------------------------------- pure helpers


@pytest.mark.parametrize(("text", "days"), [("90d", 90), ("12w", 84), ("6m", 180), ("1y", 365), ("30", 30)])
def test_parse_age(text: str, days: int) -> None:
    assert parse_age(text) == timedelta(days=days)


def test_parse_age_rejects_nonsense() -> None:
    with pytest.raises(ValueError):
        parse_age("soon")


@pytest.mark.parametrize("hostile", ["ผล\x1b]52;c;ZXZpbA==\x07", "ตาราง\x9b2J", "แผน\u202eเกิน",
                                     "https://admin:secret@x.go.th/o1.pdf", "ย่อหน้า\rทับ"])
def test_the_stored_form_is_scrubbed_only_when_something_in_it_would_change(hostile: str) -> None:
    from oit_checker.engine.history.base import stored_form
    from oit_checker.text.sanitize import scrub

    clean = result("a001", finding("o24", Status.FAIL), hashes={"https://x.go.th/o24.pdf": "ab" * 32})
    assert stored_form(clean) is clean  # nothing to clean: not walked, not copied
    reason = clean.findings[0].reasons[0]
    evidence = dataclasses.replace(reason.evidence[0], snippet=hostile)
    dirty = dataclasses.replace(clean, findings=(dataclasses.replace(
        clean.findings[0], reasons=(dataclasses.replace(reason, evidence=(evidence,)),)),))
    stored = stored_form(dirty)
    assert stored == dataclasses.replace(scrub(dirty), agency=dirty.agency)
    assert stored.findings[0].reasons[0].evidence[0].snippet != hostile
    hashed = dataclasses.replace(clean, document_hashes={hostile: "ab" * 32})  # a key is looked at too
    assert list(stored_form(hashed).document_hashes) != [hostile]
