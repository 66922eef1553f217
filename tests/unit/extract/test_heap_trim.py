"""A worker gives its freed heap back after a large document, not after every few small ones (extract/pool.py
`HeapTrim`). The real behaviour runs in a fresh interpreter, whose heap this test alone shapes."""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
import textwrap

import pytest

from oit_checker.extract.pool import HeapTrim
from tests.support.paths import ROOT


def _glibc() -> bool:
    try:
        ctypes.CDLL(None).malloc_trim  # noqa: B018
    except (OSError, AttributeError):
        return False
    return sys.platform.startswith("linux")


@pytest.mark.skipif(not _glibc(), reason="malloc_trim is glibc's")
def test_trims_once_after_the_heap_grew_past_the_bound_then_not_again() -> None:
    code = textwrap.dedent("""
        import json
        from oit_checker.extract.pool import HeapTrim
        trim = HeapTrim(above=16 << 20)
        report = {"start": trim.resident()}
        trim.after_task()
        report["trims_small"] = trim.trims
        # 64 MB of 100 KB buffers (under glibc's mmap threshold: they come from the heap), each followed by a
        # small buffer that stays, so the freed ones sit in the middle of the heap and stay resident.
        big, keep = [], []
        for _ in range(640):
            big.append(bytearray(100_000))
            keep.append(bytearray(1_000))
        del big
        report["freed"] = trim.resident()
        trim.after_task()
        report["trims_after"] = trim.trims
        report["after"] = trim.resident()
        for _ in range(5):
            trim.after_task()
        report["trims_later"] = trim.trims
        print(json.dumps(report))
    """)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         timeout=60)
    r = json.loads(out.stdout)
    assert r["trims_small"] == 0
    assert r["freed"] - r["start"] > 48 << 20  # the freed buffers still count
    assert r["trims_after"] == 1
    assert r["freed"] - r["after"] > 40 << 20  # given back
    assert r["trims_later"] == 1  # what was given back is not trimmed again and again


def test_without_a_resident_size_it_trims_every_few_tasks() -> None:
    calls: list[int] = []

    def fake_trim(pad: int) -> int:
        calls.append(pad)
        return 1

    trim = HeapTrim(every=4)
    trim._trim = fake_trim
    if trim._statm is not None:
        os.close(trim._statm)
    trim._statm = None
    trim._low = None
    for _ in range(9):
        trim.after_task()
    assert calls == [0, 0]
    assert trim.trims == 2


def test_without_malloc_trim_nothing_happens() -> None:
    trim = HeapTrim()
    trim._trim = None
    for _ in range(40):
        trim.after_task()
    assert trim.trims == 0
