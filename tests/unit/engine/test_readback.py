"""The spool of read-back pieces (engine/readback.py): sections are kept on disk in the folder given (the run's
cache folder, not a /tmp that may live in memory) and read back exactly, the rest in memory."""

from __future__ import annotations

import os
from pathlib import Path

from oit_checker.config.suppress import SuppressionUse
from oit_checker.engine.readback import PieceSpool, StoredPiece


def piece(section: str | None) -> StoredPiece:
    return StoredPiece(findings=3, gaps=1, use=SuppressionUse(), diff_from=None, changes=None,
                       section=section)


def test_sections_are_kept_in_the_folder_given_and_read_back_exactly(tmp_path: Path) -> None:
    spool = PieceSpool(tmp_path / "cache")
    thai = '{\n  "name": "เทศบาลตำบลตัวอย่าง",\n  "findings": []\n}'
    spool.keep("a001", piece(thai))
    spool.keep("a002", piece("{}"))
    spool.keep("a003", piece(None))  # no JSON report: nothing on disk for it
    assert spool.section("a002") == "{}" and spool.section("a001") == thai  # any order
    assert spool.section("a003") is None and spool.section("nobody") is None
    kept = spool.piece("a001")
    assert kept is not None and kept.section is None and (kept.findings, kept.gaps) == (3, 1)  # text on disk only
    assert len(spool) == 3
    # The file has no name in the folder (unlinked at once), but its descriptor points into it.
    assert os.listdir(tmp_path / "cache") == []
    assert spool._file is not None
    assert os.readlink(f"/proc/self/fd/{spool._file.fileno()}").startswith(str(tmp_path / "cache"))
    spool.keep("a002", None)  # stored again, no piece this time: read back from the history instead
    assert spool.piece("a002") is None and spool.section("a002") is None and len(spool) == 2
    spool.close()
    assert spool.section("a001") is None


def test_no_section_no_file(tmp_path: Path) -> None:
    spool = PieceSpool(tmp_path / "cache")
    spool.keep("a001", piece(None))
    assert spool._file is None and not (tmp_path / "cache").exists()
