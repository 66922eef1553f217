"""bench/cpuprofile samples every process of a tree by CPU time, and bench/proftop.py reads what it wrote."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"

# A parent that spins in one function and waits on a spawned child spinning in another, then leaves through
# os._exit (as the product's CLI does, skipping atexit).
SCRIPT = textwrap.dedent("""
    import multiprocessing, os, time

    def child_spins():
        end = time.process_time() + 0.4
        while time.process_time() < end:
            sum(range(1000))

    def parent_spins():
        end = time.process_time() + 0.4
        while time.process_time() < end:
            sum(range(1000))

    def parent_sleeps():
        time.sleep(0.6)

    if __name__ == "__main__":
        child = multiprocessing.get_context("spawn").Process(target=child_spins)
        child.start()
        parent_spins()
        parent_sleeps()
        child.join()
        os._exit(0)
""")


def test_each_process_is_sampled_by_cpu_time_and_read_back_in_seconds(tmp_path: Path) -> None:
    script = tmp_path / "tree.py"
    script.write_text(SCRIPT, encoding="utf-8")
    out = tmp_path / "cpu"
    out.mkdir()
    env = dict(os.environ, OIT_BENCH_CPU_PROFILE=str(out), OIT_BENCH_CPU_DUMP_S="3600",
               PYTHONPATH=os.pathsep.join([str(BENCH / "cpuprofile"), os.environ.get("PYTHONPATH", "")]))
    subprocess.run([sys.executable, str(script)], env=env, check=True, timeout=60, cwd=tmp_path)

    files = sorted(out.glob("*.cpu.txt"))
    heads = [f.read_text(encoding="utf-8").splitlines()[0] for f in files]
    assert any("multiprocessing" not in h for h in heads) and any("multiprocessing" in h for h in heads)
    text = "\n".join(f.read_text(encoding="utf-8") for f in files)
    assert re.search(r"parent_spins \([^)]*tree\.py:\d+\) \d+$", text, re.M)
    assert re.search(r"child_spins \([^)]*tree\.py:\d+\) \d+$", text, re.M)
    assert "parent_sleeps" not in text  # asleep, it uses no CPU: never sampled

    spec = importlib.util.spec_from_file_location("proftop", BENCH / "proftop.py")
    assert spec is not None and spec.loader is not None
    proftop = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(proftop)
    table = proftop.collapsed_top(out, 10, per_process=True, main_only=False)
    rows = {line.split()[-2]: float(line.split()[1]) for line in table.splitlines()
            if line.strip().endswith("(tree.py)")}
    assert 0.2 <= rows["parent_spins"] <= 1.0 and 0.2 <= rows["child_spins"] <= 1.0
    main_only = proftop.collapsed_top(out, 10, per_process=False, main_only=True)
    assert "parent_spins" in main_only and "child_spins" not in main_only
