"""What goes wrong with the history database is told in Thai by default and in English with --lang en
(OIT_CHECKER_LANG=en): a file that is not an oit-checker history, a newer schema, a locked database, a run
that cannot be written, a PostgreSQL server that cannot be reached. What SQLite or PostgreSQL itself said
stays as it said it, after the Thai description."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from oit_checker.cli.main import main
from oit_checker.engine.history import (
    SCHEMA_VERSION,
    HistoryError,
    RunMeta,
    RunStatus,
    SqliteHistory,
    open_store,
    parse_age,
)
from oit_checker.engine.history import sqlite as sqlite_backend
from oit_checker.model import Agency, AgencyResult
from oit_checker.text import i18n
from tests.support.ci import require_module

MANIFEST = '[agency]\nname = "อบต.ทดสอบ"\nfiscal_year = 2568\n\n[items]\nO6 = []\n'


def _meta() -> RunMeta:
    return RunMeta(started_at="2026-11-01T01:00:00+00:00", tool_version="0.1.0", criteria_year=2568,
                   catalogue_version="2568.1", catalogue_source="rules/ita2568.toml", fiscal_year=2568,
                   agencies_total=1)


def _err(capsys: pytest.CaptureFixture[str]) -> str:
    return " ".join(capsys.readouterr().err.split())


def test_a_file_that_is_not_a_history_given_to_audit(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    manifest = tmp_path / "agency.toml"
    manifest.write_text(MANIFEST, encoding="utf-8")
    db = tmp_path / "notes.sqlite3"
    db.write_bytes(b"this is not sqlite" * 100)
    argv = ["audit", str(manifest), "--db", str(db), "--no-cache", "--quiet"]
    assert main(argv) == 2
    err = _err(capsys)
    assert f"{db}: ใช้ฐานข้อมูลประวัตินี้ไม่ได้ ไฟล์อาจไม่ใช่ฐานข้อมูลประวัติของ oit-checker หรือเสียหาย" in err
    assert "(file is not a database)" in err  # SQLite's own words, kept
    assert main([*argv, "--lang", "en"]) == 2
    assert f"{db}: cannot use the history database (file is not a database)" in _err(capsys)
    monkeypatch.setenv(i18n.LANG_ENV, "en")
    assert main(argv) == 2
    assert "cannot use the history database" in _err(capsys)


def test_a_foreign_sqlite_database_given_to_audit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = tmp_path / "agency.toml"
    manifest.write_text(MANIFEST, encoding="utf-8")
    db = tmp_path / "other-app.sqlite3"
    with sqlite3.connect(db) as conn:  # another program's database: a `runs` table of its own
        conn.execute("CREATE TABLE runs (x TEXT)")
    argv = ["audit", str(manifest), "--db", str(db), "--no-cache", "--quiet"]
    assert main(argv) == 2
    err = _err(capsys)
    assert f"{db}: ใช้ฐานข้อมูลประวัตินี้ไม่ได้" in err and "runs" in err
    assert main([*argv, "--lang", "en"]) == 2
    assert f"{db}: cannot use the history database (" in _err(capsys)


def test_a_newer_schema_in_thai_then_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "h.sqlite3"
    SqliteHistory(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    assert main(["history", "list", "--db", str(db)]) == 2
    assert (f"{db}: ฐานข้อมูลประวัติเป็นโครงสร้างรุ่น {SCHEMA_VERSION + 1} ซึ่งใหม่กว่าที่ oit-checker รุ่นนี้รู้จัก "
            f"({SCHEMA_VERSION}) ให้อัปเกรด oit-checker หรือใช้ --db อื่น") in _err(capsys)
    assert main(["history", "list", "--db", str(db), "--lang", "en"]) == 2
    assert (f"{db}: the history database has schema version {SCHEMA_VERSION + 1}, newer than this oit-checker "
            f"understands ({SCHEMA_VERSION})") in _err(capsys)


def test_a_locked_database_in_thai_then_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_MS", 20)
    db = tmp_path / "h.sqlite3"
    store = SqliteHistory(db)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        with pytest.raises(HistoryError) as info:
            store.begin_run(_meta())
        assert f"{db}: เขียนฐานข้อมูลประวัติไม่ได้ (ฐานข้อมูลอาจถูกโปรแกรมอื่นล็อกอยู่" in str(info.value)
        assert "(database is locked)" in str(info.value)
        i18n.set_language("en")
        with pytest.raises(HistoryError) as info:
            store.begin_run(_meta())
        assert str(info.value) == f"{db}: cannot write the history database (database is locked)"
    finally:
        other.execute("ROLLBACK")
        other.close()
        store.close()


def test_runs_that_cannot_be_written_or_found_in_thai_then_english(tmp_path: Path) -> None:
    with SqliteHistory(tmp_path / "h.sqlite3") as store:
        with pytest.raises(HistoryError, match="ไม่มีการตรวจครั้งที่ 999 ใน"):
            store.run_info(999)
        run_id = store.begin_run(_meta())
        store.finish_run(run_id, RunStatus.COMPLETE)
        late = AgencyResult(agency=Agency(name="ก", home="https://k.go.th", items={}, slug="k"), fiscal_year=2568,
                            findings=(), started_at="2026-11-01T01:00:00+00:00",
                            finished_at="2026-11-01T01:01:00+00:00")
        with pytest.raises(HistoryError, match=f"การตรวจครั้งที่ {run_id} มีสถานะ complete ไม่ได้กำลังตรวจอยู่"):
            store.record_agency(run_id, late)
        i18n.set_language("en")
        with pytest.raises(HistoryError, match=f"run {run_id} is complete, not running"):
            store.record_agency(run_id, late)
        with pytest.raises(HistoryError, match="no run 999 in"):
            store.run_info(999)


def test_an_age_that_is_not_one_in_thai_then_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ValueError, match=r"'soon' ไม่ใช่ระยะเวลา \(ใช้เช่น 90d"):
        parse_age("soon")
    db = tmp_path / "h.sqlite3"
    SqliteHistory(db).close()  # a history to prune (one that is not there is another error)
    assert main(["history", "prune", "--db", str(db), "--keep", "soon", "--lang", "en"]) == 2
    assert "not an age: 'soon' (use e.g. 90d, 12w, 6m, 1y)" in _err(capsys)


def test_an_unreachable_postgresql_server_in_thai_then_english() -> None:
    require_module("psycopg", "pip install 'oit-checker[postgres]'")
    url = "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"
    with pytest.raises(HistoryError) as info:
        open_store(url)
    assert str(info.value).startswith(f"{url}: เชื่อมต่อฐานข้อมูลประวัติไม่ได้ (")
    i18n.set_language("en")
    with pytest.raises(HistoryError) as info:
        open_store(url)
    assert str(info.value).startswith(f"{url}: cannot connect to the history database (")
