"""Parsed rule catalogues kept in the cache folder, so that a check does not parse and validate them again.

Reading a catalogue (TOML, then every item, phrase and pattern checked) costs 60–100 ms at the start of every
`check` and `audit`, before the first request: a tenth of re-checking one agency. A catalogue parsed once is
kept as a pickle named by what it was made from: the tool's version, the code that parses it (every module
catalogue/rules.py imports), Python's version, the language of messages, and the path and bytes of the
catalogue and of each override. Any change to one of them is another name, so a kept catalogue is never stale.
Only successes are kept (a broken rule file is reported every time), and nothing under `--no-cache`. A kept
file that cannot be read, or that another user could have written, is ignored and replaced. The files are
small (≈150 KB); those unused for `KEEP_S` (their time is renewed daily while in use) are removed when a new
one is written.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from oit_checker.catalogue.rules import load_catalogue
from oit_checker.model import Catalogue
from oit_checker.sources import package_sources, sources_fingerprint
from oit_checker.text import clock, i18n

FOLDER = "catalogues"
KEEP_S = 60 * 86400
_TOUCH_S = 86400  # a kept file in use has its time renewed at most daily


@cache
def _parser_fingerprint() -> str:
    return sources_fingerprint(package_sources(["oit_checker.catalogue.rules"]))


def _key(path: Path, overrides: Sequence[Path]) -> str:
    digest = hashlib.sha256(f"{_parser_fingerprint()}\0{sys.version}\0{i18n.language()}".encode())
    for part in (path, *overrides):
        digest.update(f"\0{part}\0".encode())
        digest.update(part.read_bytes())
    return digest.hexdigest()[:32]


def _only_mine(st: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else. Where there are no user ids (Windows: a per-user cache
    folder, and modes that say nothing of other users), true."""
    owner = getattr(os, "getuid", None)
    return owner is None or (st.st_uid == owner() and not st.st_mode & 0o022)


def _read_kept(kept: Path) -> Catalogue | None:
    """The catalogue kept in `kept`, when this user wrote it and nobody else could have (reading a pickle runs
    code): the folder and the file itself (not a link), checked on the open file."""
    if not _only_mine(kept.parent.stat()):
        return None
    fd = os.open(kept, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not (stat.S_ISREG(st.st_mode) and _only_mine(st)):
            return None
        got = pickle.load(fh)
    if not isinstance(got, Catalogue):
        return None
    if clock.wall() - st.st_mtime > _TOUCH_S:
        with contextlib.suppress(OSError):  # a read-only cache: used all the same
            os.utime(kept)  # still in use: not removed as unused
    return got


def load_catalogue_stored(path: str | Path, overrides: Sequence[str | Path] = (),
                          folder: Path | None = None, *, keep: bool = True) -> Catalogue:
    """`load_catalogue(path, overrides)`, read from `folder`/catalogues/ when it was kept there, else parsed and
    kept there (unless `keep` is False: `--no-cache` keeps nothing). Nothing is read or kept when `folder` is
    None."""
    path, extra = Path(path), [Path(o) for o in overrides]
    if folder is None:
        return load_catalogue(path, extra)
    try:
        key = _key(path, extra)
    except OSError:  # a rule file that cannot be read: load_catalogue names it
        return load_catalogue(path, extra)
    kept = folder / FOLDER / f"{key}.pickle"
    with contextlib.suppress(Exception):  # missing, unreadable, another version's classes: parsed again
        got = _read_kept(kept)
        if got is not None:
            return got
    catalogue = load_catalogue(path, extra)
    if keep:
        with contextlib.suppress(OSError, pickle.PicklingError):  # a read-only or full disk: not kept, still read
            if _key(path, extra) == key:  # not edited while it was parsed: what was parsed is what was named
                _keep(kept, catalogue)
    return catalogue


def _keep(kept: Path, catalogue: Catalogue) -> None:
    kept.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # read back only if nobody else can write it
    fd, tmp = tempfile.mkstemp(dir=kept.parent, prefix=".new-", suffix=".pickle")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(catalogue, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, kept)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    old = clock.wall() - KEEP_S
    for other in kept.parent.glob("*.pickle"):
        with contextlib.suppress(OSError):
            if other != kept and other.stat().st_mtime < old:
                other.unlink()
