"""The console script (cli/entry.py): its quick exit leaves a profiler its ordinary exit, and a command loads only
its own module."""

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


def _loaded_after(args: list[str]) -> tuple[set[str], str]:
    probe = ("import contextlib, io, sys\n"
             "from oit_checker.cli.main import main\n"
             "out = io.StringIO()\n"
             "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(out):\n"
             f"    main({args!r})\n"
             "print(out.getvalue())\n"
             "print('MODULES', ' '.join(sorted(m for m in sys.modules if m.startswith('oit_checker'))))\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    head, _, modules = done.stdout.rpartition("MODULES ")
    return set(modules.split()), head


def test_a_command_loads_only_its_own_module() -> None:
    loaded, shown = _loaded_after(["--debug", "check", "--help", "--lang", "en"])
    assert "--no-cache" in shown and "oit_checker.cli.check" in loaded
    assert not loaded & {"oit_checker.cli.audit", "oit_checker.engine.audit", "oit_checker.cli.discover",
                         "oit_checker.discover", "oit_checker.cli.fix", "oit_checker.report.fixkit"}
    loaded, shown = _loaded_after(["--help"])  # no command: every command is listed, as before
    for name in ("check", "demo", "rules", "explain", "fix", "audit", "diff", "history", "discover", "manifest"):
        assert f"    {name}" in shown, name
    assert {"oit_checker.cli.audit", "oit_checker.cli.discover"} <= loaded


def test_what_the_imports_made_is_frozen_before_the_command_runs() -> None:
    # The command's full collections must not walk the ≈1,000 modules' objects again and again.
    probe = ("import gc, sys\n"
             "import oit_checker.cli.main as m\n"
             "seen = []\n"
             "m.main = lambda: seen.append((gc.get_freeze_count(), gc.isenabled())) or 0\n"
             "from oit_checker.cli import entry\n"
             "sys.argv = ['oit-checker', 'rules', 'list']\n"
             "entry.os._exit = lambda code: (print('FROZEN', *seen[0]), sys.stdout.flush(), sys.exit(code))\n"
             "entry.main()\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    frozen, enabled = done.stdout.split("FROZEN")[1].split()
    assert int(frozen) > 10_000 and enabled == "True"
