"""What every history backend shares: the run records, the two interfaces, and the row ⇄ model codec.

Two interfaces, because two kinds of process use the history:

- `AgencyStore` — what a process that CHECKS agencies needs (the local audit, a Dask worker): write one
  agency's result, ask which agencies a run already holds, read one stored agency back.
- `HistoryStore` — what the process that OWNS a run needs (the driver, `diff`, `history`): begin, resume and
  finish runs, read whole runs, list, prune.

The unit of work is one (run, agency): `record_agency` writes it in ONE transaction that replaces whatever an
earlier attempt wrote for the same pair, so a re-run (a resumed run, a Dask task run again after its worker
died) never stores an agency twice and never mixes two attempts. A write to a run that is no longer `running`
is refused: a late writer (a worker the scheduler had given up on) cannot change a run whose reports exist.

Timestamps cross the interface as ISO-8601 strings (`clock.now_iso()`), stored as text by both backends, so
a run reads back exactly as it was written whichever backend holds it.
"""

from __future__ import annotations

import dataclasses
import urllib.parse
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol, Self

from oit_checker.model import (
    Agency,
    AgencyResult,
    Confidence,
    Evidence,
    FetchError,
    FetchRecord,
    Finding,
    Reason,
    RunResult,
    Status,
)
from oit_checker.text import i18n, jsontext
from oit_checker.text.sanitize import needs_scrub, scrub

Row = Any  # a stored row: sqlite3.Row or psycopg's dict row, both indexed by column name

# Both backends keep their own list of migrations (the SQL dialects differ) with ONE version number:
# version N means the same tables and columns in both. tests/unit/engine/test_history.py checks they agree.
SCHEMA_VERSION = 4


class RunStatus(StrEnum):
    RUNNING = "running"
    COMPLETE = "complete"
    INCOMPLETE = "incomplete"


DEFAULT_LABEL = "default"  # the series of a run given no --label


@dataclass(frozen=True)
class RunMeta:
    """What is known about a run before it starts."""

    started_at: str
    tool_version: str
    criteria_year: int
    catalogue_version: str
    catalogue_source: str
    fiscal_year: int
    agencies_total: int
    label: str = DEFAULT_LABEL
    executor: str = "local"  # "local" or "dask": who checked the agencies
    # the settings that decide what is fetched and read (engine/session.py `reading_key`) and the day of the check
    # (engine/reuse.py `stored_reading`)
    reading: str = ""


@dataclass(frozen=True)
class RunInfo:
    id: int
    label: str
    started_at: str
    finished_at: str | None
    status: RunStatus
    tool_version: str
    criteria_year: int
    catalogue_version: str
    catalogue_source: str
    fiscal_year: int
    agencies_total: int
    agencies_done: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # status → findings
    executor: str = "local"
    reading: str = ""  # "" for runs stored before schema 4


class AgencyStore(Protocol):
    """What a process that checks agencies needs from the history (the local audit, a Dask worker)."""

    location: str  # the SQLite path or the PostgreSQL URL without its password: for messages

    def record_agency(self, run_id: int, result: AgencyResult, *, ordinal: int | None = None) -> AgencyResult:
        """One transaction: replaces any earlier write of (run_id, slug). `ordinal` is the agency's place in
        the run's agency list (reports list agencies in that order whoever finished first); None keeps the
        place of an earlier write, else puts the agency last. Raises HistoryError when the run does not
        exist or is no longer running. Returns what was stored (`stored_form`: what `load_agency` gives back,
        but for the `reused` marks, which are not stored)."""
        ...

    def agencies_done(self, run_id: int, slugs: Collection[str] | None = None) -> set[str]:
        """Slugs the run has stored (only among `slugs` when given)."""
        ...

    def load_agency(self, run_id: int, slug: str) -> AgencyResult | None:
        """One stored agency of a run, as `load_run` would return it; None when the run does not hold it."""
        ...

    def close(self) -> None: ...


class HistoryStore(AgencyStore, Protocol):
    """What the process that owns a run needs: the driver of an audit, `diff`, `history`."""

    def begin_run(self, meta: RunMeta) -> int:
        """A new `running` run (after marking runs whose driver is gone as incomplete); returns its id."""
        ...

    def reopen_run(self, run_id: int) -> RunInfo:
        """Resume: the run goes back to `running` under this process. Refused while another process runs it."""
        ...

    def finish_run(self, run_id: int, status: RunStatus, finished_at: str | None = None) -> None: ...

    def mark_abandoned(self) -> int:
        """Runs left `running` by a driver that no longer exists → incomplete; returns how many."""
        ...

    def run_info(self, run_id: int) -> RunInfo: ...

    def list_runs(self, limit: int | None = None, label: str | None = None) -> list[RunInfo]:
        """Newest first."""
        ...

    def previous_run(self, run_id: int, label: str | None = None) -> RunInfo | None:
        """The baseline for "since last run": the latest earlier complete run (of the same label), else the
        latest earlier run of any status (a killed run still tells what its agencies looked like)."""
        ...

    def load_run(self, run_id: int) -> RunResult:
        """The whole run, agencies in their `ordinal` order."""
        ...

    def urls_reached(self, run_id: int) -> dict[str, set[str]]:
        """Per slug, every URL the run's fetch records name (submitted, final and redirect URLs): which
        hosts an agency really reaches (Drive links, redirects to a vendor), for partitioning by host."""
        ...

    def prune(self, *, older_than: timedelta | None = None, keep_runs: int | None = None,
              now: datetime | None = None, dry_run: bool = False) -> list[int]:
        """Delete runs started before now - older_than and/or beyond the newest `keep_runs`; returns their
        ids. The newest complete run of each label is always kept (tomorrow's baseline), and so is every
        run still `running`."""
        ...

    def vacuum(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...


# ---------------------------------------------------------------- model → rows


def slug_of(result: AgencyResult) -> str:
    return result.agency.slug or result.agency.name


def dumps(value: Any) -> str:
    return jsontext.dumps_compact(value)


def evidence_list(evidence: Sequence[Evidence]) -> list[dict[str, Any]]:
    return [{"url": e.url, "page": e.page, "snippet": e.snippet} for e in evidence]


@dataclass(frozen=True)
class ReasonRow:
    item: str
    kind: str  # 'reason' (a problem) or 'found' (positive evidence)
    seq: int
    reason: Reason


@dataclass(frozen=True)
class AgencyRows:
    """One agency's result cut into the rows both backends store (JSON columns still as Python values)."""

    slug: str
    findings: list[tuple[int, Finding, list[dict[str, Any]]]]  # (seq, finding, fetch records as dicts)
    reasons: list[ReasonRow]
    documents: list[tuple[str, str]]  # (url, sha256)


def stored_form(result: AgencyResult) -> AgencyResult:
    """What is stored: sanitised — URL credentials (`user:pass@`) redacted and control characters removed from
    every string — except the agency's key (slug), kept as given so a resumed run finds it."""
    # The trails (documents, bodies) are never walked by `scrub`: left out of the look too.
    if not needs_scrub(dataclasses.replace(result, trails={}) if result.trails else result):
        return result
    clean = scrub(result)
    return dataclasses.replace(clean, agency=dataclasses.replace(clean.agency, slug=result.agency.slug))


def agency_rows(result: AgencyResult) -> AgencyRows:
    """`result` (already in its stored form) cut into rows."""
    findings = []
    reasons: list[ReasonRow] = []
    for seq, f in enumerate(result.findings):
        # `vars`, not `dataclasses.asdict`, which deep-copies: a record is flat (its one tuple holds strings). With
        # asdict, 5,400 records made 0.60 s of the history's 1.40 s in a cold night of 100 agencies (cProfile).
        findings.append((seq, f, [dict(vars(x)) for x in f.fetches]))
        reasons += [ReasonRow(f.item, "reason", n, r) for n, r in enumerate(f.reasons)]
        reasons += [ReasonRow(f.item, "found", n, r) for n, r in enumerate(f.found)]
    return AgencyRows(slug=slug_of(result), findings=findings, reasons=reasons,
                      documents=list(result.document_hashes.items()))


# ---------------------------------------------------------------- rows → model


def _loaded(value: Any) -> Any:
    """A JSON column: text from SQLite, already parsed from PostgreSQL."""
    return jsontext.loads(value) if isinstance(value, str) else value


def reason_from(row: Row) -> Reason:
    return Reason(code=row["code"], message_th=row["message_th"], message_en=row["message_en"],
                  evidence=tuple(Evidence(url=e["url"], page=e.get("page"), snippet=e.get("snippet", ""))
                                 for e in _loaded(row["evidence"])),
                  severity=Status(row["severity"]), inferred=bool(row["inferred"]), detail=_loaded(row["detail"]))


def fetches_from(raw: Any) -> tuple[FetchRecord, ...]:
    return tuple(FetchRecord(**{**x, "redirects": tuple(x.get("redirects", ())),
                                "error": FetchError(x["error"]) if x.get("error") else None})
                 for x in _loaded(raw))


def urls_in_fetches(raw: Any) -> set[str]:
    urls: set[str] = set()
    for x in _loaded(raw):
        urls.update(u for u in (x.get("url"), x.get("final_url"), *x.get("redirects", ())) if u)
    return urls


def finding_from(row: Row, reasons: Mapping[str, list[Reason]]) -> Finding:
    return Finding(item=row["item"], indicator=row["indicator"], status=Status(row["status"]),
                   reasons=tuple(reasons.get("reason", ())), confidence=Confidence(row["confidence"]),
                   name_th=row["name_th"], name_en=row["name_en"], urls=tuple(_loaded(row["urls"])),
                   documents=tuple(_loaded(row["documents"])), found=tuple(reasons.get("found", ())),
                   suppressed=row["suppressed"], fetches=fetches_from(row["fetches"]), inputs=row["inputs"],
                   also_asked=tuple((u, sha) for u, sha in _loaded(row["also_asked"])))


def assemble_agencies(agency_rows: Iterable[Row], finding_rows: Iterable[Row], reason_rows: Iterable[Row],
                      document_rows: Iterable[Row]) -> list[AgencyResult]:
    """AgencyResults from rows: agencies in the order given, findings by `seq`, reasons by (kind, seq)."""
    reasons: dict[tuple[str, str], dict[str, list[Reason]]] = {}
    for row in sorted(reason_rows, key=lambda r: (r["slug"], r["item"], r["kind"], r["seq"])):
        reasons.setdefault((row["slug"], row["item"]), {}).setdefault(row["kind"], []).append(reason_from(row))
    findings: dict[str, list[Finding]] = {}
    for row in sorted(finding_rows, key=lambda r: (r["slug"], r["seq"])):
        findings.setdefault(row["slug"], []).append(finding_from(row, reasons.get((row["slug"], row["item"]), {})))
    hashes: dict[str, dict[str, str]] = {}
    for row in document_rows:
        hashes.setdefault(row["slug"], {})[row["url"]] = row["sha256"]
    out = []
    for row in agency_rows:
        mine = tuple(findings.get(row["slug"], ()))
        agency = Agency(name=row["name"], home=row["home"], items={f.item: f.urls for f in mine},
                        fiscal_year=row["fiscal_year"], source=row["source"], slug=row["slug"])
        out.append(AgencyResult(
            agency=agency, fiscal_year=row["fiscal_year"], findings=mine, started_at=row["started_at"],
            finished_at=row["finished_at"], urls_fetched=row["urls_fetched"], documents_read=row["documents_read"],
            complete=bool(row["complete"]), document_hashes=hashes.get(row["slug"], {}),
            home_sha256=row["home_sha256"]))
    return out


class StoredReads:
    """The reads both backends answer the same way, over their own `_agencies` and `_fetch_rows`."""

    def run_info(self, run_id: int) -> RunInfo:
        raise NotImplementedError

    def _agencies(self, run_id: int, slug: str | None = None) -> list[AgencyResult]:
        raise NotImplementedError

    def _fetch_rows(self, run_id: int) -> Iterable[Row]:
        """(slug, fetches) of every finding of the run."""
        raise NotImplementedError

    def load_run(self, run_id: int) -> RunResult:
        return run_result(self.run_info(run_id), self._agencies(run_id))

    def load_agency(self, run_id: int, slug: str) -> AgencyResult | None:
        found = self._agencies(run_id, slug)
        return found[0] if found else None

    def urls_reached(self, run_id: int) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for row in self._fetch_rows(run_id):
            out.setdefault(row["slug"], set()).update(urls_in_fetches(row["fetches"]))
        return out


def run_result(info: RunInfo, agencies: Sequence[AgencyResult]) -> RunResult:
    return RunResult(criteria_year=info.criteria_year, catalogue_version=info.catalogue_version,
                     catalogue_source=info.catalogue_source, fiscal_year=info.fiscal_year,
                     tool_version=info.tool_version, started_at=info.started_at,
                     finished_at=info.finished_at or "", agencies=tuple(agencies), run_id=info.id)


def info_from(row: Row, done: int, counts: Mapping[str, int]) -> RunInfo:
    return RunInfo(id=row["id"], label=row["label"], started_at=row["started_at"], finished_at=row["finished_at"],
                   status=RunStatus(row["status"]), tool_version=row["tool_version"],
                   criteria_year=row["criteria_year"], catalogue_version=row["catalogue_version"],
                   catalogue_source=row["catalogue_source"], fiscal_year=row["fiscal_year"],
                   agencies_total=row["agencies_total"], agencies_done=done, counts=dict(counts),
                   executor=row["executor"] or "local", reading=row["reading"])


# ---------------------------------------------------------------- pruning (the choice is the same everywhere)


def runs_to_prune(rows: Sequence[Row], *, older_than: timedelta | None, keep_runs: int | None,
                  now: datetime) -> list[int]:
    """`rows`: every run's id, label, started_at and status, newest first. Which ids `prune` deletes."""
    protected: set[int] = set()
    seen_labels: set[str] = set()
    for r in rows:
        if r["status"] == RunStatus.COMPLETE.value and r["label"] not in seen_labels:
            seen_labels.add(r["label"])
            protected.add(r["id"])
        if r["status"] == RunStatus.RUNNING.value:
            protected.add(r["id"])  # another process may be writing it right now
    doomed: set[int] = set()
    if older_than is not None:
        cutoff = now - older_than
        doomed.update(r["id"] for r in rows if parse_time(r["started_at"]) < cutoff)
    if keep_runs is not None:
        doomed.update(r["id"] for r in rows[keep_runs:])
    return sorted(doomed - protected)


def redact(url: str) -> str:
    """A PostgreSQL URL without its password (for messages)."""
    parts = urllib.parse.urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        netloc = f"{userinfo.split(':', 1)[0]}{':***' if ':' in userinfo else ''}@{host}"
    query = "&".join(p if not p.lower().startswith("password=") else "password=***"
                     for p in parts.query.split("&") if p)
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def parse_time(value: str) -> datetime:
    when = datetime.fromisoformat(value)
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def parse_age(text: str) -> timedelta:
    """`90d`, `12w`, `6m` (30-day months), `1y`, `36h` → timedelta (for `history prune --keep`)."""
    text = text.strip().lower()
    units = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1),
             "m": timedelta(days=30), "y": timedelta(days=365)}
    if len(text) >= 2 and text[-1] in units and text[:-1].isdigit():
        return int(text[:-1]) * units[text[-1]]
    if text.isdigit():
        return int(text) * units["d"]
    raise ValueError(i18n.text("history.not_an_age", value=repr(text)))


def newer_schema_message(found: int, where: str) -> str:
    return i18n.text("history.newer_schema", where=where, found=found, known=SCHEMA_VERSION)


def not_running_message(run_id: int, status: str | None) -> str:
    if status is None:
        return i18n.text("history.run_missing", run=run_id)
    return i18n.text("history.not_running", run=run_id, status=status)
