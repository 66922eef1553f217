"""The `oit-checker` console script and `python -m oit_checker`: `cli.main.main`, started and ended quickly.

A command's own work is often shorter than the interpreter's: one agency re-checked from the cache takes about
as long as importing the program, then tearing down its ≈1,000 modules (≈0.1 s measured with bench/startup.py).
So the garbage collector stays off while the modules load (they allocate much and free little: ≈35 ms), what
they made is then frozen (never walked again by a collection), and once the command has returned — its output
written and closed, its worker processes ended, its databases committed — the process ends without that
teardown (unless a profiler or a tracer such as coverage is attached: they write their figures at the ordinary
exit). Tests call `cli.main.main` itself.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import sys


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (`| head`): nothing more can be said
            stream.flush()


def main() -> None:
    gc.disable()
    try:
        from oit_checker.cli.main import COMMAND_MODULES, command_named
        from oit_checker.cli.main import main as run

        name = command_named(sys.argv[1:])
        if name is not None:  # the command's own module (only its) loads with the collector off too
            importlib.import_module(COMMAND_MODULES[name])
    finally:
        # What the imports made lives as long as the process: out of the collector's sight, so that the
        # run's full collections do not walk it again and again (a cold audit of 100 agencies: 10 of them).
        gc.freeze()
        gc.enable()
    code = run()  # SystemExit (--help, a usage error) ends the process the ordinary way
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)  # a profiler or coverage writes its figures at the ordinary exit
    _flush()
    os._exit(code)
