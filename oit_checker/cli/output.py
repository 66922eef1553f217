"""The one writer of output files: checked before the run (a typo costs no night's work), written atomically
(a web server publishing the report never serves half a file)."""

from __future__ import annotations

import io
import os
import re
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from rich.console import Console

from oit_checker.cli.console import file_console
from oit_checker.errors import UsageError
from oit_checker.text import i18n

# A path that names one of this process's open files (/dev/stdout, `>(…)`'s /dev/fd/63, /proc/self/fd/1): what a
# shell opened there may be a regular file (`> out.json`, `>> log`), to be written on, never replaced.
_FD_PATH = re.compile(r"/(?:dev/(?:(?P<std>stdout|stderr)|fd/(?P<dev_fd>\d+))"
                      r"|proc/(?P<pid>self|thread-self|\d+)/fd/(?P<fd>\d+))")


def _through(target: Path) -> bool:
    """Whether an existing `target` is written into as it is, not replaced by a renamed file: a device
    (/dev/null), a pipe (a FIFO) or one of this process's open files (`_FD_PATH`). Renaming a file over one
    would replace the device, the pipe, or the file a shell redirect opened."""
    if _FD_PATH.fullmatch(str(target.absolute())):
        return target.exists()
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _own_fd(path: str | Path) -> int | None:
    """The file descriptor of this process that `path` names (/dev/stdout → 1), or None."""
    m = _FD_PATH.fullmatch(str(Path(path).absolute()))
    if m is None:
        return None
    if m["std"]:
        return 1 if m["std"] == "stdout" else 2
    if m["dev_fd"]:
        return int(m["dev_fd"])
    return int(m["fd"]) if m["pid"] in ("self", "thread-self", str(os.getpid())) else None


def _open_through(path: str | Path, *, binary: bool) -> IO[Any]:
    """`path` opened to be written into. One of this process's own descriptors is written through a copy of it,
    sharing its position, so a report after what the process printed there follows it rather than overwriting it
    (a second opening of a redirect's file would start at its own offset); else opened to append (a device or a
    pipe has no end to append to; a file a shell opened with `>>` keeps what it held)."""
    sys.stdout.flush()
    sys.stderr.flush()
    fd = _own_fd(path)
    target: int | str | Path = os.dup(fd) if fd is not None else path
    if binary:
        return open(target, "ab")
    return open(target, "a", encoding="utf-8")


def _destination(path: str | Path) -> Path:
    """Where an atomic write renames its file to: the file a symbolic link points to (the link stays a link)."""
    target = Path(path)
    if not target.is_symlink():
        return target
    try:
        return target.resolve(strict=False)
    except (RuntimeError, OSError) as exc:  # a loop of links (RuntimeError on Python 3.11)
        raise UsageError(i18n.text("cli.cannot_write", path=path, why=exc)) from exc


def check_writable(path: str | Path) -> None:
    """Refuse an output path that cannot be written (no such folder, a folder, a socket, no permission),
    before any work is done: a typo must not cost a night's run."""
    target = Path(path)
    if _through(target):
        if stat.S_ISSOCK(target.stat().st_mode):
            raise UsageError(i18n.text("cli.is_socket", path=path))
        if not os.access(target, os.W_OK):
            raise UsageError(i18n.text("cli.no_permission_file", path=path))
        return
    target = _destination(target)
    folder = target.parent
    if not folder.resolve().is_dir():
        raise UsageError(i18n.text("cli.folder_missing", path=path, folder=folder))
    if target.is_dir():
        raise UsageError(i18n.text("cli.is_folder", path=path))
    if not os.access(folder.resolve(), os.W_OK):
        raise UsageError(i18n.text("cli.no_permission", path=path, folder=folder))


def check_writable_folder(path: str | Path) -> Path:
    """A folder to write into: created (with its parents) when missing; refused when it is a file or cannot
    be written. Checked before the run, like every output path."""
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise UsageError(i18n.text("fix.kit_is_file", path=path))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(i18n.text("fix.kit_cannot_create", path=path, why=exc.strerror or exc)) from exc
    if not os.access(folder, os.W_OK):
        raise UsageError(i18n.text("fix.kit_no_permission", path=path))
    return folder


def check_output_paths(args: object) -> None:
    """Every output path of a command line (`--output`, each `--report FORMAT:PATH`), checked up front."""
    output = getattr(args, "output", None)
    if output:
        check_writable(output)
    for spec in getattr(args, "report", None) or []:
        _fmt, sep, path = str(spec).partition(":")
        if sep and path:
            check_writable(path)
    kit = getattr(args, "fix_kit", None)
    if kit:
        check_writable_folder(kit)


def write_atomic(path: str | Path, text: str | bytes) -> None:
    """`text` to `path`, through a temporary file renamed over it (a device or a pipe is written into)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    if _through(Path(path)):
        try:
            with _open_through(path, binary=True) as out:
                out.write(data)
        except OSError as exc:
            raise UsageError(i18n.text("cli.cannot_write", path=path, why=exc.strerror or exc)) from exc
        return
    target = _destination(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UsageError(i18n.text("cli.cannot_write", path=path, why=exc.strerror or exc)) from exc


def write_atomic_stream(path: str | Path, write: Callable[[IO[str]], object]) -> None:
    """`write_atomic` for text written in pieces by `write(file)`: never held whole in memory."""
    if _through(Path(path)):
        _write_through(path, write)
        return
    target = _destination(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8") as out:
            write(out)
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UsageError(i18n.text("cli.cannot_write", path=path, why=exc.strerror or exc)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _write_through(path: str | Path, write: Callable[[IO[str]], object]) -> None:
    try:
        with _open_through(path, binary=False) as out:
            write(out)
    except OSError as exc:
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
