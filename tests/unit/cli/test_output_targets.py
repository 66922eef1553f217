"""Output paths that are not plain files: a pipe is written into (never replaced by a file), a symbolic link
stays a link to the file it names, a plain file is still replaced whole."""

from __future__ import annotations

import contextlib
import os
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from oit_checker.cli.main import main
from oit_checker.cli.output import check_writable, write_atomic, write_atomic_stream
from oit_checker.errors import UsageError


def _drain(fifo: Path, got: list[bytes]) -> threading.Thread:
    def read() -> None:
        with fifo.open("rb") as f:
            got.append(f.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_written_into_and_stays_a_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    check_writable(fifo)  # its folder is not what is written
    got: list[bytes] = []
    reader = _drain(fifo, got)
    write_atomic(fifo, "รายงาน ITA\n")
    reader.join(10)
    assert got == ["รายงาน ITA\n".encode()]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["report.pipe"]  # no temporary file left beside it

    got.clear()
    reader = _drain(fifo, got)
    write_atomic_stream(fifo, lambda out: out.write('{"ok": true}'))
    reader.join(10)
    assert got == [b'{"ok": true}'] and stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_whole_check_reports_into_a_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = _drain(fifo, got)
    # The offline demo: the demo site served on loopback.
    code = main(["demo", "--format", "json", "--output", str(fifo), "--extract-workers", "0"])
    reader.join(60)
    assert code == 0
    assert got and b'"O24"' in got[0] and stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_symbolic_link_stays_a_link_to_the_rewritten_file(tmp_path: Path) -> None:
    published = tmp_path / "www"
    published.mkdir()
    real = published / "report.html"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.html"
    link.symlink_to(real)
    check_writable(link)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
    write_atomic_stream(link, lambda out: out.write("newer"))
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "newer"


def test_a_plain_file_is_replaced_whole_and_a_missing_folder_refused(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    inode = target.stat().st_ino
    write_atomic(target, "# ใหม่")
    assert target.read_text(encoding="utf-8") == "# ใหม่"
    assert target.stat().st_ino != inode  # a new file renamed over the old one: never half written
    with pytest.raises(UsageError):
        check_writable(tmp_path / "no-such-folder" / "report.md")


def test_a_loop_of_links_is_a_clear_refusal_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(UsageError, match=r"cannot write|เขียน"):
        check_writable(tmp_path / "a")
    with pytest.raises(UsageError):
        write_atomic(tmp_path / "a", "x")


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_a_socket_is_refused_before_the_run(tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(UsageError, match="socket"):
            check_writable(path)


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="no /dev/fd here")
@pytest.mark.parametrize("form", ["/dev/fd/{fd}", "/proc/self/fd/{fd}"])
def test_a_descriptor_of_this_process_is_written_through_not_replaced(tmp_path: Path, form: str) -> None:
    # A file opened to append, as a shell's `>> log` does: what it held stays, the report follows it.
    log = tmp_path / "log.txt"
    log.write_text("before\n", encoding="utf-8")
    fd = os.open(log, os.O_WRONLY | os.O_APPEND)
    try:
        path = form.format(fd=fd)
        check_writable(path)
        write_atomic(path, "REPORT\n")
        write_atomic_stream(path, lambda out: out.write("MORE\n"))
        os.write(fd, b"after\n")  # the descriptor's own writes come after, not over the report
    finally:
        os.close(fd)
    assert log.read_text(encoding="utf-8") == "before\nREPORT\nMORE\nafter\n"
    # A pipe named by its descriptor.
    r, w = os.pipe()
    try:
        write_atomic(f"/dev/fd/{w}", "ข้อมูล\n")
        os.close(w)
        with os.fdopen(r, "rb") as reader:
            assert reader.read() == "ข้อมูล\n".encode()
    finally:
        with contextlib.suppress(OSError):
            os.close(w)


def test_standard_output_redirected_to_a_file_gets_the_report_after_what_was_printed(tmp_path: Path) -> None:
    script = ("import sys; from oit_checker.cli.output import write_atomic; print('before'); "
              "write_atomic('/dev/stdout', 'REPORT\\n'); print('after')")
    out = tmp_path / "out.txt"
    for mode in ("w", "a"):
        out.write_text("prev\n", encoding="utf-8")
        with out.open(mode, encoding="utf-8") as f:
            subprocess.run([sys.executable, "-c", script], stdout=f, check=True, timeout=60)
        kept = "prev\n" if mode == "a" else ""
        assert out.read_text(encoding="utf-8") == kept + "before\nREPORT\nafter\n"
