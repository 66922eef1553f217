"""After the night: what the reports need of the stored run, read back one agency at a time.

The comparison with the previous run, the suppressions in use, the counts and the JSON report all need every
agency of the run. Agencies are stored as soon as they are checked and not kept, so they are read back from
the history. That read-back used to be a serial tail after the night, on one core: every agency loaded twice
(comparison, JSON report), its previous result once, the JSON report rendered (about a sixth of an unchanged
night of 100 agencies).

So the process that checks and stores an agency (the audit process, or a lane: engine/lanes.py) also makes
its `StoredPiece` while it still holds the agency and its previous result: its counts, what changed since
the previous run, the suppressions it used and, when a JSON report is written, its section of that report.
The audit process keeps the pieces (`PieceSpool`: the report sections in a temporary file, the rest in
memory, a few hundred bytes per agency) and the tail only merges them. An agency without a
piece (stored by the Dask executor, by an earlier part of a resumed run, by a lane that ended before saying
so) is read back from the history as before: the pieces are a shortcut, never the only way.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, overload

from oit_checker.config.suppress import SuppressionOutcome, SuppressionTracker, SuppressionUse
from oit_checker.engine.diff import AgencyChanges, DiffBuilder, agency_changes
from oit_checker.engine.history import HistoryError, HistoryStore, RunInfo
from oit_checker.model import AgencyResult, RunResult, Status
from oit_checker.model.diff import RunDiff

ReportSection = Callable[[AgencyResult], str]  # an agency's section of a report (a module-level function)


@dataclass(frozen=True)
class StoredPiece:
    """What the read-back needs of one stored agency, made where it was stored (small, picklable)."""

    findings: int
    gaps: int  # findings neither passed nor suppressed
    use: SuppressionUse
    diff_from: int | None  # the run `changes` compare with (None: no previous run, no changes)
    changes: AgencyChanges | None
    section: str | None  # its section of the JSON report (None: no JSON report is written)


def gaps_of(result: AgencyResult) -> int:
    return sum(1 for f in result.findings if f.status is not Status.PASS and not f.suppressed)


def make_piece(result: AgencyResult, before: AgencyResult | None, diff_from: int | None,
               use: SuppressionUse, section: ReportSection | None) -> StoredPiece:
    """`result` as stored (suppressions marked), `before` its result in run `diff_from` (None if that run did
    not have it), `use` the suppressions marking it used."""
    return StoredPiece(findings=len(result.findings), gaps=gaps_of(result), use=use,
                       diff_from=diff_from,
                       changes=agency_changes(before, result) if diff_from is not None else None,
                       section=section(result) if section is not None else None)


_NO_CHANGES = AgencyChanges()
_NO_USE = SuppressionUse()


def _lean(piece: StoredPiece) -> StoredPiece:
    """The piece sharing the one empty `AgencyChanges` and `SuppressionUse` (most agencies of most nights):
    what the spool holds per agency stays a few hundred bytes."""
    changes = _NO_CHANGES if piece.changes == _NO_CHANGES else piece.changes
    use = _NO_USE if piece.use == _NO_USE else piece.use
    if changes is piece.changes and use is piece.use:
        return piece
    return dataclasses.replace(piece, changes=changes, use=use)


class PieceSpool:
    """The pieces of the run's agencies, kept by the audit process as each agency is stored: report sections
    in an unnamed temporary file (deleted when closed, or by the system if the process dies; as large as the
    JSON report will be, so it goes in `directory`, the run's cache folder, rather than a /tmp that may live
    in memory), the rest in memory."""

    def __init__(self, directory: Path | None = None) -> None:
        self._pieces: dict[str, tuple[StoredPiece, int, int]] = {}  # slug → (piece without section, at, size)
        self._file: IO[bytes] | None = None
        self._end = 0
        self._directory = directory
        self._sections = True  # False once the file failed: no more sections are kept

    def keep(self, slug: str, piece: StoredPiece | None) -> None:
        """Agency `slug` was stored, with this piece (None: none could be made; it is read back instead, and
        so is an agency stored again later without one)."""
        if piece is None:
            self._pieces.pop(slug, None)
            return
        at = size = 0
        if piece.section is not None:
            try:
                at, size = self._write(piece.section.encode("utf-8"))
            except OSError:  # a full disk, an unusable cache folder: the sections are written from the history
                self._sections = False
            piece = dataclasses.replace(piece, section=None)
        self._pieces[slug] = (_lean(piece), at, size)

    def _write(self, data: bytes) -> tuple[int, int]:
        if not self._sections:
            return 0, 0
        if self._file is None:
            if self._directory is not None:
                self._directory.mkdir(parents=True, exist_ok=True)
            self._file = tempfile.TemporaryFile(prefix="oit-checker-report-",  # noqa: SIM115 - kept open
                                                dir=self._directory)
        self._file.seek(self._end)
        self._file.write(data)
        at = self._end
        self._end += len(data)
        return at, len(data)

    def piece(self, slug: str) -> StoredPiece | None:
        got = self._pieces.get(slug)
        return got[0] if got is not None else None

    def section(self, slug: str) -> str | None:
        got = self._pieces.get(slug)
        if got is None or self._file is None or not got[2]:
            return None
        _, at, size = got
        self._file.seek(at)
        return self._file.read(size).decode("utf-8")

    def __len__(self) -> int:
        return len(self._pieces)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


class StoredAgencies(Sequence[AgencyResult]):
    """A run's agencies as the history holds them, read from the store one at a time when asked for, so a
    report of thousands of agencies is written without holding them all (findings the run took from the
    previous one are marked `reused` again: the mark is not stored). `section(i)` is agency i's JSON report
    section when the process that stored it made one (report/json_out.py then writes it as it is)."""

    def __init__(self, store: HistoryStore, run_id: int, slugs: Sequence[str],
                 reused: Mapping[str, tuple[str, ...]], spool: PieceSpool | None = None) -> None:
        self._store = store
        self._run_id = run_id
        self._slugs = list(slugs)
        self._reused = reused
        self._spool = spool

    @property
    def slugs(self) -> Sequence[str]:
        return self._slugs

    def __len__(self) -> int:
        return len(self._slugs)

    @overload
    def __getitem__(self, index: int) -> AgencyResult: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[AgencyResult]: ...

    def __getitem__(self, index: int | slice) -> AgencyResult | Sequence[AgencyResult]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self._slugs))[index]]
        slug = self._slugs[index]
        got = self._store.load_agency(self._run_id, slug)
        if got is None:  # pragma: no cover - the run stored every slug listed here
            raise HistoryError(f"run {self._run_id} holds no agency {slug!r}")
        marked = self._reused.get(slug)
        if marked:
            got = dataclasses.replace(got, findings=tuple(dataclasses.replace(f, reused=True) if f.item in marked
                                                          else f for f in got.findings))
        return got

    def __iter__(self) -> Iterator[AgencyResult]:
        for i in range(len(self._slugs)):
            yield self[i]

    def section(self, index: int) -> str | None:
        return self._spool.section(self._slugs[index]) if self._spool is not None else None

    def close(self) -> None:
        """Drop the pieces' file once the reports are written (the agencies can still be read)."""
        if self._spool is not None:
            self._spool.close()


@dataclass
class Tally:
    findings: int = 0
    gaps: int = 0  # not pass and not suppressed


def read_back(store: HistoryStore, run: RunResult, base: RunInfo | None, tracker: SuppressionTracker,
              spool: PieceSpool | None = None) -> tuple[RunDiff | None, SuppressionOutcome, Tally]:
    """One pass over the stored run, in its order: the comparison with the baseline, the suppressions in use,
    the counts. From each agency's piece when the spool has one made against this baseline, else from the
    history (the agency, and its baseline result), whichever executor stored it."""
    agencies = run.agencies
    assert isinstance(agencies, StoredAgencies) and run.run_id is not None
    tally = Tally()
    diff = DiffBuilder(base.id, base.started_at, base.fiscal_year) if base is not None else None
    base_id = base.id if base is not None else None
    for i, slug in enumerate(agencies.slugs):
        piece = spool.piece(slug) if spool is not None else None
        if piece is not None and piece.diff_from == base_id:
            tally.findings += piece.findings
            tally.gaps += piece.gaps
            tracker.record(piece.use)
            if diff is not None and piece.changes is not None:
                diff.merge(piece.changes)
            continue
        now = agencies[i]
        tally.findings += len(now.findings)
        tally.gaps += gaps_of(now)
        tracker.apply(now)  # already marked when stored: this counts which suppressions are in use
        if diff is not None and base is not None:
            diff.add(store.load_agency(base.id, now.agency.slug), now)
    since = None
    if diff is not None and base is not None:
        seen = set(agencies.slugs)
        missing = [a.agency.name for slug in sorted(store.agencies_done(base.id) - seen)
                   if (a := store.load_agency(base.id, slug)) is not None]
        since = diff.finish(run.run_id, run.started_at, run.fiscal_year, missing)
    return since, tracker.outcome(run), tally
