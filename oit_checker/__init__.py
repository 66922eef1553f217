"""oit-checker: check a Thai agency's ITA/OIT evidence before the assessors do."""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

__version__ = "0.1.0"


def _defer_httpx_cli() -> None:
    """Whenever click is installed, `import httpx` also imports httpx's own command line (click, rich.syntax,
    pygments): ≈45 ms under `python -X importtime`, as long as the rest of httpx (encode/httpx#3547), and
    10–20 ms of a plain start (bench/README.md). Every command of this program imports httpx, none runs
    httpx's command line: `httpx.main` is a stand-in that loads the real one when it is called."""
    if "httpx" in sys.modules or "httpx._main" in sys.modules:
        return  # imported already (by whoever imported us): nothing left to spare
    stand_in = types.ModuleType("httpx._main", "httpx's command line, loaded when `httpx.main` is called")

    def main(*args: Any, **kwargs: Any) -> Any:
        sys.modules.pop("httpx._main", None)
        return importlib.import_module("httpx._main").main(*args, **kwargs)

    stand_in.main = main  # type: ignore[attr-defined]
    sys.modules["httpx._main"] = stand_in


_defer_httpx_cli()
