"""Checks that a test leaves no process behind."""

from __future__ import annotations

import psutil

# One per interpreter, started by the first `spawn` of multiprocessing and ended when this interpreter exits:
# it belongs to the pytest process, not to the test that happened to start it first.
_SHARED_HELPERS = ("multiprocessing.resource_tracker", "multiprocessing.forkserver")


def descendants() -> set[int]:
    return {p.pid for p in psutil.Process().children(recursive=True) if not _shared_helper(p)}


def _shared_helper(proc: psutil.Process) -> bool:
    try:
        cmdline = " ".join(proc.cmdline())
    except (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied):
        return False
    return any(name in cmdline for name in _SHARED_HELPERS)


def leftovers(before: set[int], grace_s: float = 30.0) -> list[str]:
    """Processes started since `before` that are still alive after waiting up to `grace_s` for them to end
    (a closed cluster's workers take a moment to exit); described for an assertion message."""
    procs = []
    for pid in descendants() - before:
        try:
            procs.append(psutil.Process(pid))
        except psutil.NoSuchProcess:
            continue
    _gone, alive = psutil.wait_procs(procs, timeout=grace_s)
    described = []
    for p in alive:
        try:
            if p.status() == psutil.STATUS_ZOMBIE:
                continue
            described.append(f"{p.pid} {' '.join(p.cmdline())[:200]}")
        except psutil.NoSuchProcess:
            continue
    return described


def pid_gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True
