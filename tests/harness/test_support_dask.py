"""A real Dask LocalCluster inside pytest: it starts and stops cleanly, runs asyncio code on a worker,
lets a worker start its own process pool, and survives a worker killed mid-run: the dead worker's task
runs again elsewhere and, written idempotently to PostgreSQL, every unit is stored exactly once.

What Dask does when a worker process dies (SIGKILL, OOM kill, segfault in a parser):
- the scheduler sees the worker's connection drop, forgets the data it held, and puts every task that was
  running or queued on it back to be scheduled on the remaining workers; tasks whose results were lost
  are recomputed if a future still needs them. A task is thus run AGAIN from the start: the work it did
  before the kill (here: rows already committed) must be harmless to repeat.
- each such re-run counts against the task's `distributed.scheduler.allowed-failures` (default 3): a task
  present at more worker deaths than that fails with `KilledWorker` (a poison agency that crashes every
  worker stops there). `submit(..., retries=N)` is something else: it re-runs a task that RAISED.
- the worker's Nanny (its parent process) sees the process exit and starts a new worker process, which
  registers under a NEW address; `client.run(os.getpid)` lists the new pid.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, cast

import pytest

from tests.support.ci import require_module
from tests.support.cluster import ClusterTimings, local_cluster
from tests.support.driver import WAIT_S, wait_for
from tests.support.postgres import pg_database, pg_server_fixture  # noqa: F401  (fixtures, found by name)
from tests.support.procs import descendants, pid_gone

distributed = require_module("distributed", "pip install distributed")
psycopg = require_module("psycopg", "pip install 'psycopg[binary]'")

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

RUN = 7
PARTITIONS = [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]]  # e.g. agencies grouped by host


@pytest.fixture
def cluster(tmp_path: Path, record_property: Callable[[str, object], None]
            ) -> Iterator[tuple[LocalCluster, Client, ClusterTimings]]:
    timings = ClusterTimings()
    with local_cluster(tmp_path / "dask", timings=timings) as (cl, client):
        yield cl, client, timings
    record_property("cluster_start_s", round(timings.start_s, 3))
    record_property("cluster_stop_s", round(timings.stop_s, 3))
    for name, value in timings.marks.items():
        record_property(name, round(value, 3))


# ---------------------------------------------------------------- start, stop, asyncio, process pools


def _square(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def test_cluster_starts_and_stops_without_leftovers(tmp_path: Path) -> None:
    before = descendants()
    timings = ClusterTimings()
    with local_cluster(tmp_path / "dask", timings=timings) as (cl, client):
        pids = client.run(os.getpid)
        info = client.scheduler_info()["workers"]
        assert len(pids) == 2 and os.getpid() not in pids.values()
        assert all(w["nthreads"] == 1 and w["host"] == "127.0.0.1" for w in info.values())
        assert cl.scheduler_address.startswith("tcp://127.0.0.1:")
        results = client.gather(client.map(_square, range(8)))
        assert [r for r, _ in results] == [x * x for x in range(8)]
        assert {pid for _, pid in results} <= set(pids.values())
    assert all(pid_gone(pid) for pid in pids.values())
    assert descendants() <= before
    print(f"\nLocalCluster(2 workers): up in {timings.start_s:.2f} s, down in {timings.stop_s:.2f} s")


async def _fetch_like(x: int) -> dict[str, object]:
    await asyncio.sleep(0)
    results = await asyncio.gather(*(asyncio.sleep(0, result=x + n) for n in range(3)))
    return {"results": results, "pid": os.getpid(), "thread": threading.current_thread().name}


def _run_async(x: int) -> dict[str, object]:
    # The way to run the Checker on a worker: a sync task that owns its event loop, in the worker's task
    # thread, so a slow or CPU-heavy agency never stalls the worker's own event loop (heartbeats, comms).
    return asyncio.run(_fetch_like(x))


def test_a_task_runs_an_asyncio_function_on_a_worker(cluster: tuple[LocalCluster, Client, ClusterTimings]) -> None:
    _cl, client, _t = cluster
    worker_pids = set(client.run(os.getpid).values())
    got = client.submit(_run_async, 10).result(timeout=WAIT_S)
    assert got["results"] == [10, 11, 12] and got["pid"] in worker_pids
    assert got["thread"] != "MainThread"
    # An `async def` submitted directly also works, but Dask runs it ON the worker's event loop
    # (its main thread): fine for tiny coroutines, wrong for an agency's whole check.
    # (typed as returning the coroutine; Dask awaits it and returns its result)
    direct = cast(dict[str, object], client.submit(_fetch_like, 1).result(timeout=WAIT_S))
    assert direct["thread"] == "MainThread" and direct["pid"] in worker_pids


def _cube(x: int) -> int:
    return x * x * x


def _with_process_pool(x: int) -> tuple[int, int, int]:
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=ctx) as pool:
        return pool.submit(_cube, x).result(), pool.submit(os.getpid).result(), os.getpid()


def test_a_worker_can_run_its_own_process_pool(cluster: tuple[LocalCluster, Client, ClusterTimings]) -> None:
    # Needs distributed.worker.daemon = False (see support/cluster.py); the extraction pool is one of these.
    _cl, client, _t = cluster
    cube, pool_pid, worker_pid = client.submit(_with_process_pool, 3).result(timeout=WAIT_S)
    assert cube == 27 and pool_pid not in (worker_pid, os.getpid())
    assert pid_gone(pool_pid)


# ---------------------------------------------------------------- a worker killed mid-run


def _record_partition(dsn: str, run: int, units: list[int], gate: str) -> int:
    """A toy unit of work: record each unit in its own transaction, idempotently keyed by (run, unit).

    `executions` logs every attempt (so the test can see the re-run); `stored` is the result and must
    hold each unit once. After its first unit the task waits for `gate`, so the test can kill it mid-run.
    """
    pid = os.getpid()
    with psycopg.connect(dsn, autocommit=True) as conn:
        for n, unit in enumerate(units):
            with conn.transaction():
                conn.execute("INSERT INTO executions (run, unit, pid, at) VALUES (%s, %s, %s, %s)",
                             (run, unit, pid, time.time()))
                conn.execute("INSERT INTO stored (run, unit, pid) VALUES (%s, %s, %s) "
                             "ON CONFLICT (run, unit) DO NOTHING", (run, unit, pid))
            if n == 0:
                deadline = time.monotonic() + WAIT_S
                while not os.path.exists(gate):
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"no {gate}")
                    time.sleep(0.02)
    return pid


def test_a_killed_workers_task_runs_elsewhere_and_each_unit_is_stored_once(
        cluster: tuple[LocalCluster, Client, ClusterTimings], pg_dsn: str, tmp_path: Path) -> None:
    _cl, client, timings = cluster
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        conn.execute("CREATE TABLE stored (run int, unit int, pid int NOT NULL, PRIMARY KEY (run, unit))")
        conn.execute("CREATE TABLE executions (id bigint GENERATED ALWAYS AS IDENTITY, run int NOT NULL,"
                     " unit int NOT NULL, pid int NOT NULL, at double precision NOT NULL)")

        def executions() -> list[tuple[int, int]]:
            return conn.execute("SELECT unit, pid FROM executions ORDER BY id").fetchall()

        workers_before = client.run(os.getpid)
        gate = str(tmp_path / "go")
        futures = [client.submit(_record_partition, pg_dsn, RUN, units, gate, pure=False) for units in PARTITIONS]

        # Both workers busy, each inside a partition with its first unit committed: kill one of them.
        wait_for("both workers to start a partition", lambda: len({p for _, p in executions()}) == 2)
        first_unit, victim = executions()[0]
        assert victim in workers_before.values()
        killed_at = time.time()
        os.kill(victim, signal.SIGKILL)
        wait_for("the killed worker to be gone", lambda: pid_gone(victim))
        open(gate, "w").close()  # let every partition, the killed one's re-run included, go on

        (victim_address,) = [a for a, p in workers_before.items() if p == victim]

        def replaced() -> bool:  # the scheduler dropped the dead worker and the nanny's new one joined
            workers = client.scheduler_info()["workers"]
            return victim_address not in workers and len(workers) == 2

        wait_for("the nanny to restart the worker", replaced)
        timings.marks["two_workers_again_s"] = time.time() - killed_at
        done_by = client.gather(futures, errors="raise")
        assert victim not in done_by  # the victim's partition was finished by another process
        workers_after = client.run(os.getpid)

        stored = conn.execute("SELECT unit, pid, count(*) OVER (PARTITION BY unit) FROM stored WHERE run = %s"
                              " ORDER BY unit", (RUN,)).fetchall()
        runs = executions()
        (rerun_at,) = conn.execute("SELECT at FROM executions WHERE unit = %s ORDER BY id OFFSET 1",
                                   (first_unit,)).fetchone()
        timings.marks["rerun_after_kill_s"] = rerun_at - killed_at

    every_unit = [u for p in PARTITIONS for u in p]
    assert [u for u, _, _ in stored] == sorted(every_unit)  # none lost…
    assert all(n == 1 for _, _, n in stored)  # …none twice
    # The unit committed before the kill was executed twice, and the first write stood (DO NOTHING).
    attempts = [pid for u, pid in runs if u == first_unit]
    assert attempts[0] == victim and attempts[1] != victim
    assert dict((u, pid) for u, pid, _ in stored)[first_unit] == victim
    (victims_partition,) = [p for p in PARTITIONS if first_unit in p]
    # The rest of the victim's partition was written by the re-run only.
    assert all(pid != victim for u, pid, _ in stored if u in victims_partition and u != first_unit)
    # The nanny replaced the dead worker process: a new pid at a new address.
    assert victim not in workers_after.values() and len(set(workers_after.values())) == 2
    assert set(workers_after) != set(workers_before)
