"""The console script's quick exit (cli/entry.py) leaves a profiler its ordinary exit."""

from __future__ import annotations

import pstats
import subprocess
import sys
from pathlib import Path

from tests.support.paths import ROOT


def test_a_profiled_command_still_writes_its_profile(tmp_path: Path) -> None:
    out = tmp_path / "rules.prof"
    done = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "oit_checker", "rules", "list",
                           "--criteria", "2569", "--lang", "en"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "O26" in done.stdout
    stats = pstats.Stats(str(out))
    functions = {(Path(file).name, name) for file, _line, name in stats.stats}  # what the profile recorded
    assert ("entry.py", "main") in functions and ("audit.py", "cmd_audit") not in functions
