"""A real Dask `distributed.LocalCluster` (worker processes under nannies) for one test, loopback only.

Settings that matter inside pytest:
- `distributed.worker.daemon: False` — Dask starts workers as daemonic processes by default, and a daemonic
  process may not start children: the checker's extraction pool (a spawn ProcessPoolExecutor) fails with
  "daemonic processes are not allowed to have children". Workers that run the Checker need it off (for
  `dask worker` on a host: DASK_DISTRIBUTED__WORKER__DAEMON=False).
- no dashboard (port 8787 may be taken, and it needs bokeh), scheduler on a free loopback port;
- the workers' scratch folder in the test's temporary folder, not under /tmp/dask-scratch-space;
- on exit, every process the cluster started must be gone (checked, with a bounded wait for their exit).
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tests.support.procs import descendants, leftovers

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

CLUSTER_CONFIG = {
    "distributed.worker.daemon": False,
    "distributed.scheduler.allowed-failures": 3,  # a task whose worker dies this many times + 1 → KilledWorker
}


@dataclass
class ClusterTimings:
    start_s: float = 0.0
    stop_s: float = 0.0
    marks: dict[str, float] = field(default_factory=dict)


@contextlib.contextmanager
def local_cluster(scratch: Path, n_workers: int = 2, timings: ClusterTimings | None = None,
                  config: dict[str, object] | None = None) -> Iterator[tuple[LocalCluster, Client]]:
    """`config`: Dask settings on top of CLUSTER_CONFIG (e.g. fewer allowed failures, for a faster crash test)."""
    import dask  # here, not at the top: a test module can skip (or fail on CI) first when dask is missing
    from distributed import Client, LocalCluster

    timings = timings if timings is not None else ClusterTimings()
    before = descendants()
    t0 = time.perf_counter()
    closing = t0
    try:
        with dask.config.set({**CLUSTER_CONFIG, **(config or {})}), \
                LocalCluster(n_workers=n_workers, processes=True, threads_per_worker=1, host="127.0.0.1",
                             scheduler_port=0, dashboard_address=None, local_directory=str(scratch),
                             silence_logs=logging.CRITICAL) as cluster, \
                Client(cluster) as client:
            client.wait_for_workers(n_workers)
            timings.start_s = time.perf_counter() - t0
            try:
                yield cluster, client
            finally:
                closing = time.perf_counter()
    finally:
        left = leftovers(before)
    timings.stop_s = time.perf_counter() - closing
    assert not left, f"processes outlived the cluster: {left}"
