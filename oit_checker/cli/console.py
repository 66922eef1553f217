"""The one place that decides colour and width of what the terminal shows."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import IO

from rich.console import Console
from rich.segment import Segment

from oit_checker.text.sanitize import terminal


class SafeConsole(Console):
    """A rich console that cannot be made to act by what it prints: whatever a writer forgot, the text of
    every segment loses its control characters and bidi overrides (and URL credentials) on the way out,
    while the console's own control segments (colours, cursor moves of a progress display) are kept."""

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            seg if seg.control else Segment(terminal(seg.text), seg.style, seg.control) for seg in buffer)


def make_console(*, stderr: bool = False, file: IO[str] | None = None) -> Console:
    """No colour off a terminal, NO_COLOR honoured; a fixed width when the output is not a terminal."""
    stream = file or (sys.stderr if stderr else sys.stdout)
    is_tty = hasattr(stream, "isatty") and stream.isatty()
    return SafeConsole(file=stream, highlight=False, no_color=bool(os.environ.get("NO_COLOR")) or not is_tty,
                       width=None if is_tty else 150, soft_wrap=False, emoji=False)


def file_console(stream: IO[str]) -> Console:
    """A console that renders a terminal table into a file or a string (no colour, 150 columns)."""
    return SafeConsole(file=stream, width=150, no_color=True, highlight=False)
