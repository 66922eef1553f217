"""The one writer of output files: checked before the run (a typo costs no night's work), written atomically
(a web server publishing the report never serves half a file)."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO

from rich.console import Console

from oit_checker.cli.console import file_console
from oit_checker.errors import UsageError
from oit_checker.text import i18n


def check_writable(path: str | Path) -> None:
    """Refuse an output path whose folder does not exist, before any work is done."""
    folder = Path(path).parent
    if not folder.resolve().is_dir():
        raise UsageError(i18n.text("cli.folder_missing", path=path, folder=folder))


def write_atomic(path: str | Path, text: str) -> None:
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UsageError(i18n.text("cli.cannot_write", path=path, why=exc.strerror or exc)) from exc


def emit(text: str, path: str | Path | None, stream: IO[str] | None = None) -> None:
    """Text to a file (atomically) or to `stream` (standard output by default)."""
    if path:
        write_atomic(path, text)
        return
    out = stream or sys.stdout
    out.write(text)
    out.flush()


def emit_console(draw: Callable[[Console], None], path: str | Path | None, console: Console) -> None:
    """A terminal rendering to the screen, or to a file as plain text."""
    if not path:
        draw(console)
        return
    buffer = io.StringIO()
    draw(file_console(buffer))
    write_atomic(path, buffer.getvalue())
