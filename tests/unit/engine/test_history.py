"""History store: schema and migrations, lossless round trip, one transaction per (run, agency), pruning."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from oit_checker.engine.history import (
    SCHEMA_VERSION,
    HistoryError,
    RunMeta,
    RunStatus,
    SqliteHistory,
    parse_age,
)
from oit_checker.model import Agency, AgencyResult, Confidence, Evidence, FetchRecord, Finding, Reason, Status


def meta(label: str = "default", started: str = "2026-11-01T01:00:00+00:00") -> RunMeta:
    return RunMeta(started_at=started, tool_version="0.1.0", criteria_year=2569, catalogue_version="2569.1",
                   catalogue_source="rules/ita2569.toml", fiscal_year=2569, agencies_total=2, label=label)


def finding(item: str, status: Status, *, suppressed: str = "", urls: tuple[str, ...] = ()) -> Finding:
    reason = Reason(code="stale_fiscal_year", message_th="เอกสารเป็นของปีงบประมาณ 2568", message_en="FY 2568 only",
                    evidence=(Evidence(url="https://x.go.th/o24.pdf", page=2, snippet="ปีงบประมาณ ๒๕๖๘"),),
                    severity=Status.FAIL, inferred=True, detail={"found": "2568", "wanted": 2569})
    found = Reason(code="component", message_th="พบ: โครงการ", message_en="found: projects",
                   evidence=(Evidence(url="https://x.go.th/o24.pdf", page=1, snippet="โครงการอบรม"),),
                   severity=Status.PASS)
    return Finding(item=item, indicator=10, status=status,
                   reasons=(reason,) if status is not Status.PASS else (), confidence=Confidence.CONFIRMED,
                   name_th="แผนปฏิบัติการ", name_en="Plan", urls=urls or (f"https://x.go.th/{item}.pdf",),
                   documents=(f"https://x.go.th/{item}.pdf",), found=(found,), suppressed=suppressed,
                   fetches=(FetchRecord(url=f"https://x.go.th/{item}.pdf", final_url=f"https://x.go.th/{item}.pdf",
                                        status=503 if status is Status.ERROR else 200, attempts=3,
                                        redirects=("https://x.go.th/a",), elapsed_s=1.5),))


def result(slug: str, *findings: Finding, hashes: dict[str, str] | None = None) -> AgencyResult:
    agency = Agency(name=f"อบต.{slug}", home=f"https://{slug}.go.th/", items={f.item: f.urls for f in findings},
                    fiscal_year=2569, source="m.toml", slug=slug)
    return AgencyResult(agency=agency, fiscal_year=2569, findings=findings, started_at="2026-11-01T01:00:00+00:00",
                        finished_at="2026-11-01T01:00:05+00:00", urls_fetched=3, documents_read=2,
                        document_hashes=hashes or {})


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteHistory]:
    s = SqliteHistory(tmp_path / "h.sqlite3")
    yield s
    s.close()


def test_new_database_is_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    SqliteHistory(tmp_path / "h.db").close()
    conn = sqlite3.connect(tmp_path / "h.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"runs", "agency_results", "findings", "reasons", "documents"} <= tables


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "h.db")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(HistoryError, match="newer"):
        SqliteHistory(tmp_path / "h.db")


def test_not_a_database_is_a_history_error(tmp_path: Path) -> None:
    (tmp_path / "h.db").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(HistoryError):
        SqliteHistory(tmp_path / "h.db")


def test_round_trip_keeps_findings_reasons_evidence_and_hashes(store: SqliteHistory) -> None:
    run_id = store.begin_run(meta())
    a = result("nongbua", finding("O24", Status.FAIL, suppressed="รออนุมัติ"), finding("O25", Status.PASS),
               hashes={"https://x.go.th/O24.pdf": "ab" * 32})
    b = result("takhian", finding("O24", Status.PASS))
    store.record_agency(run_id, a)
    store.record_agency(run_id, b)
    store.finish_run(run_id, RunStatus.COMPLETE, "2026-11-01T01:10:00+00:00")

    run = store.load_run(run_id)
    assert run.run_id == run_id and run.fiscal_year == 2569 and run.catalogue_version == "2569.1"
    assert [x.agency.slug for x in run.agencies] == ["nongbua", "takhian"]
    loaded = run.agencies[0]
    assert loaded.findings == a.findings  # reasons, evidence, found, suppressed, detail: all of it
    assert loaded.document_hashes == a.document_hashes
    assert loaded.agency.items == a.agency.items and loaded.agency.home == a.agency.home
    info = store.run_info(run_id)
    assert info.status is RunStatus.COMPLETE and info.agencies_done == 2
    assert info.counts == {"fail": 1, "pass": 2}


def test_recording_an_agency_twice_replaces_it(store: SqliteHistory) -> None:
    run_id = store.begin_run(meta())
    store.record_agency(run_id, result("nongbua", finding("O24", Status.FAIL), finding("O25", Status.FAIL)))
    store.record_agency(run_id, result("nongbua", finding("O24", Status.PASS)))
    run = store.load_run(run_id)
    assert len(run.agencies) == 1
    assert [(f.item, f.status) for f in run.agencies[0].findings] == [("O24", Status.PASS)]
    assert store._conn.execute("SELECT count(*) FROM reasons WHERE kind = 'reason'").fetchone()[0] == 0


def test_a_failed_write_leaves_the_earlier_write_of_that_agency_whole(store: SqliteHistory) -> None:
    run_id = store.begin_run(meta())
    good = result("nongbua", finding("O24", Status.FAIL))
    store.record_agency(run_id, good)
    broken = result("nongbua", finding("O24", Status.PASS), finding("O24", Status.PASS))  # duplicate key
    with pytest.raises(sqlite3.IntegrityError):
        store.record_agency(run_id, broken)
    assert store.load_run(run_id).agencies[0].findings == good.findings


def test_runs_killed_without_a_word_are_marked_incomplete(tmp_path: Path) -> None:
    store = SqliteHistory(tmp_path / "h.db")
    run_id = store.begin_run(meta())
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    store._conn.execute("UPDATE runs SET pid = ? WHERE id = ?", (int(dead.stdout), run_id))
    store.close()
    again = SqliteHistory(tmp_path / "h.db")
    again.begin_run(meta())  # a new audit notices the orphan
    assert again.run_info(run_id).status is RunStatus.INCOMPLETE
    again.close()


def test_previous_run_prefers_complete_runs_of_the_same_label(store: SqliteHistory) -> None:
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


def test_prune_by_age_and_count_keeps_the_latest_complete_run(store: SqliteHistory) -> None:
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
    assert store._conn.execute("SELECT count(*) FROM findings").fetchone()[0] == 2  # cascaded
    assert store.prune(keep_runs=0, now=now) == [ids[3]]  # the newest complete run always stays
    assert [r.id for r in store.list_runs()] == [ids[4]]


def test_writing_to_an_unknown_run_fails(store: SqliteHistory) -> None:
    with pytest.raises(HistoryError):
        store.record_agency(999, result("nongbua", finding("O24", Status.FAIL)))
    with pytest.raises(HistoryError):
        store.load_run(999)


@pytest.mark.parametrize(("text", "days"), [("90d", 90), ("12w", 84), ("6m", 180), ("1y", 365), ("30", 30)])
def test_parse_age(text: str, days: int) -> None:
    assert parse_age(text) == timedelta(days=days)


def test_parse_age_rejects_nonsense() -> None:
    with pytest.raises(ValueError):
        parse_age("soon")


def test_a_version_1_database_is_migrated_keeping_its_runs(tmp_path: Path) -> None:
    from oit_checker.engine.history import MIGRATIONS

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    MIGRATIONS[0](conn)  # the schema as oit-checker 0.1 shipped it, before per-URL fetch records
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO runs VALUES (1,'default','2026-10-01T01:00:00+00:00','2026-10-01T01:05:00+00:00',"
                 "'complete','0.1.0',2569,'2569.1','rules/ita2569.toml',2569,1,'host',1)")
    conn.execute("INSERT INTO agency_results VALUES (1,'nongbua','อบต.หนองบัว',NULL,'m.toml',2569,'s','f',1,1,1)")
    conn.execute("INSERT INTO findings VALUES (1,'nongbua','O24',0,10,'fail','seed','ชื่อ','name','','[]','[]')")
    conn.close()

    with SqliteHistory(path) as store:
        run = store.load_run(1)
        assert run.agencies[0].findings[0].status is Status.FAIL
        assert run.agencies[0].findings[0].fetches == ()  # old rows get the new column's default
        assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
