"""The throw-away PostgreSQL server of tests/support/postgres.py, exercised with psycopg 3.

Besides proving the fixture, the concurrency tests pin the two write patterns the PostgreSQL history
relies on: `INSERT … ON CONFLICT` from many processes at once, and "replace one (run, agency)" (upsert
the parent row first, so concurrent writers of the same pair queue on its row lock).
"""

from __future__ import annotations

import multiprocessing
import socket
from collections.abc import Callable
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest

from tests.support import postgres as pg
from tests.support.ci import require_module
from tests.support.postgres import pg_database, pg_server_fixture  # noqa: F401  (fixtures, found by name)
from tests.support.procs import pid_gone

psycopg = require_module("psycopg", "pip install 'psycopg[binary]'")

WRITERS = 4
UNITS = 50
BARRIER_TIMEOUT_S = 60


def test_connects_as_an_ordinary_role_on_loopback(pg_dsn: str, pg_server: pg.PostgresServer) -> None:
    assert pg_dsn.startswith(f"postgresql://oit@127.0.0.1:{pg_server.port}/")
    with psycopg.connect(pg_dsn) as conn:
        version, user, superuser, listen, encoding, collate = conn.execute(
            "SELECT current_setting('server_version_num')::int, current_user, "
            "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user), current_setting('listen_addresses'), "
            "pg_encoding_to_char(encoding), datcollate FROM pg_database WHERE datname = current_database()"
        ).fetchone()
    assert version // 10000 == 15
    assert (user, superuser, listen, encoding, collate) == ("oit", False, "127.0.0.1", "UTF8", "C")


def test_create_table_and_round_trip(pg_dsn: str) -> None:
    with psycopg.connect(pg_dsn) as conn:
        conn.execute("CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL,"
                     " detail json NOT NULL)")
        conn.execute("INSERT INTO t (name, detail) VALUES (%s, %s)",
                     ("เทศบาลตำบล", psycopg.types.json.Json({"zeta": 1, "alpha": [2]})))
        conn.commit()
        assert conn.execute("SELECT name, detail::text FROM t").fetchone() == (
            "เทศบาลตำบล", '{"zeta": 1, "alpha": [2]}')  # json keeps key order; jsonb would sort the keys


def test_each_test_gets_a_fresh_database(pg_dsn: str) -> None:
    # The previous test created table t in its own database; this one must not see it.
    with psycopg.connect(pg_dsn) as conn:
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone() == (0,)


# ---------------------------------------------------------------- concurrent writers (processes)


def _upsert_all(dsn: str, writer: int, barrier: Barrier) -> None:
    """One transaction: every unit, in key order (the same order in every writer: no deadlock)."""
    with psycopg.connect(dsn) as conn, conn.transaction():
        barrier.wait(BARRIER_TIMEOUT_S)  # all writers inside their transaction before anyone writes
        for unit in range(UNITS):
            conn.execute("INSERT INTO done (run, unit, writer) VALUES (1, %s, %s) ON CONFLICT (run, unit) DO "
                         "UPDATE SET writes = done.writes + 1", (unit, writer))


def _run_writers(target: Callable[[str, int, Barrier], None], dsn: str) -> None:
    ctx = multiprocessing.get_context("spawn")  # never fork a process that may hold threads
    barrier = ctx.Barrier(WRITERS)
    procs = [ctx.Process(target=target, args=(dsn, n, barrier)) for n in range(WRITERS)]
    for p in procs:
        p.start()
    try:
        for p in procs:
            p.join(BARRIER_TIMEOUT_S * 2)
    finally:
        for p in procs:
            if p.is_alive():
                p.kill()
                p.join()
    assert [p.exitcode for p in procs] == [0] * WRITERS


def test_concurrent_upserts_lose_and_duplicate_nothing(pg_dsn: str) -> None:
    with psycopg.connect(pg_dsn) as conn:
        conn.execute("CREATE TABLE done (run bigint NOT NULL, unit int NOT NULL, writer int NOT NULL,"
                     " writes int NOT NULL DEFAULT 1, PRIMARY KEY (run, unit))")
    _run_writers(_upsert_all, pg_dsn)
    with psycopg.connect(pg_dsn) as conn:
        rows = conn.execute("SELECT unit, writes FROM done ORDER BY unit").fetchall()
        first = conn.execute("SELECT count(DISTINCT writer) FROM done").fetchone()
    assert rows == [(u, WRITERS) for u in range(UNITS)]  # every writer counted once per unit
    assert first == (1,)  # the writer that committed first owns every row: the others queued behind it


def _replace_agency(dsn: str, writer: int, barrier: Barrier) -> None:
    """The (run, agency) write the PostgreSQL history will do: parent row upserted FIRST (it takes the row
    lock, so a concurrent writer of the same pair waits here instead of failing on a duplicate key),
    then the children replaced."""
    with psycopg.connect(dsn) as conn, conn.transaction():
        barrier.wait(BARRIER_TIMEOUT_S)
        conn.execute("INSERT INTO agency_results (run_id, slug, writer) VALUES (1, 'a', %s) "
                     "ON CONFLICT (run_id, slug) DO UPDATE SET writer = EXCLUDED.writer", (writer,))
        conn.execute("DELETE FROM findings WHERE run_id = 1 AND slug = 'a'")
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO findings (run_id, slug, item, writer) VALUES (1, 'a', %s, %s)",
                            [(f"o{n}", writer) for n in range(writer + 1)])  # each writer a different count


def test_concurrent_replace_of_one_agency_leaves_one_writers_rows(pg_dsn: str) -> None:
    with psycopg.connect(pg_dsn) as conn:
        conn.execute("CREATE TABLE agency_results (run_id bigint, slug text, writer int NOT NULL,"
                     " PRIMARY KEY (run_id, slug))")
        conn.execute("CREATE TABLE findings (run_id bigint, slug text, item text, writer int NOT NULL,"
                     " PRIMARY KEY (run_id, slug, item),"
                     " FOREIGN KEY (run_id, slug) REFERENCES agency_results ON DELETE CASCADE)")
    _run_writers(_replace_agency, pg_dsn)
    with psycopg.connect(pg_dsn) as conn:
        (parent,) = conn.execute("SELECT writer FROM agency_results").fetchall()
        children = conn.execute("SELECT DISTINCT writer, count(*) OVER () FROM findings").fetchall()
    # Whole and from one writer: the last to commit, with exactly the rows it wrote.
    assert children == [(parent[0], parent[0] + 1)]


# ---------------------------------------------------------------- lifecycle


def _refused(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def test_server_is_gone_afterwards() -> None:
    pg.require_postgres()
    with pg.postgres_server() as server:
        with psycopg.connect(server.dsn()) as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
        where, port, pid = server.base_dir, server.port, server.pid
        assert Path(where, "data", "postmaster.pid").exists()
    assert pid_gone(pid)
    assert not where.exists()
    assert _refused(port)


def test_server_is_gone_after_a_failure_inside() -> None:
    pg.require_postgres()
    seen: list[pg.PostgresServer] = []
    with pytest.raises(RuntimeError, match="boom"), pg.postgres_server() as server:
        seen.append(server)
        raise RuntimeError("boom")
    (server,) = seen
    assert pid_gone(server.pid)
    assert not server.base_dir.exists()


def test_missing_binaries_skip_with_a_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install -y postgresql-15"):
        pg.require_postgres(tmp_path)


def test_missing_binaries_fail_on_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="cannot run on CI: no PostgreSQL server"):
        pg.require_postgres(tmp_path)
    with pytest.raises(pg.PostgresUnavailable), pg.postgres_server(tmp_path):
        pass


def test_orphans_of_a_dead_test_process_are_reaped() -> None:
    pg.require_postgres()
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.SimpleQueue()
    child = ctx.Process(target=_start_and_die, args=(queue,))
    child.start()
    base, pid = queue.get()
    child.join()
    assert not pid_gone(pid)  # the dying process could not stop its server…
    assert Path(base) in pg.reap_orphans()  # …the next one does
    assert pid_gone(pid)
    assert not Path(base).exists()


def _start_and_die(queue: multiprocessing.SimpleQueue[tuple[str, int]]) -> None:
    import os

    manager = pg.postgres_server()
    server = manager.__enter__()
    queue.put((str(server.base_dir), server.pid))
    os._exit(0)  # like SIGKILL: no teardown runs
