"""The one place that decides colour and width of what the terminal shows."""

from __future__ import annotations

import os
import sys
from typing import IO

from rich.console import Console


def make_console(*, stderr: bool = False, file: IO[str] | None = None) -> Console:
    """No colour off a terminal, NO_COLOR honoured; a fixed width when the output is not a terminal."""
    stream = file or (sys.stderr if stderr else sys.stdout)
    is_tty = hasattr(stream, "isatty") and stream.isatty()
    return Console(file=stream, highlight=False, no_color=bool(os.environ.get("NO_COLOR")) or not is_tty,
                   width=None if is_tty else 150, soft_wrap=False, emoji=False)


def file_console(stream: IO[str]) -> Console:
    """A console that renders a terminal table into a file or a string (no colour, 150 columns)."""
    return Console(file=stream, width=150, no_color=True, highlight=False)
