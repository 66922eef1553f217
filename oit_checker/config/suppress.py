"""Accepted gaps: a TOML suppression file, so a known gap does not fail every night.

    [[suppress]]
    agency  = "อบต.หนองบัว"        # the agency's slug or name, as in the manifest
    item    = "O24"
    code    = "stale_fiscal_year"  # the reason code accepted; "*" accepts any reason (use sparingly)
    reason  = "แผนปี 2569 รออนุมัติจากสภา ฯ คาดว่าจะได้ภายในธันวาคม"   # required: why it is accepted
    expires = 2026-12-31           # required: the last day it applies

A finding is suppressed only when EVERY problem reason it has is accepted for that agency and item, so a
new, different problem on the same item still fails. A suppressed finding keeps its status and still
appears in every report, marked, with the human reason; it just does not count for the exit code.
Expired suppressions no longer apply and are reported; so are unused ones (the gap was fixed, or the
agency/item/code is misspelt), so the file does not silently rot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from oit_checker.config.toml import TomlFileError, read_toml
from oit_checker.errors import ConfigError
from oit_checker.model import AgencyResult, Finding, RunResult, Status
from oit_checker.text.i18n import text

_KEYS = {"agency", "item", "code", "reason", "expires"}
_ITEM = re.compile(r"^O[1-9][0-9]?$")
ANY_CODE = "*"


class SuppressionError(ConfigError):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")


@dataclass(frozen=True)
class Suppression:
    agency: str
    item: str
    code: str
    reason: str
    expires: date
    source: str = ""
    index: int = 0  # 1-based position in the file, for messages

    def where(self) -> str:
        return f"{self.source} [[suppress]] #{self.index}"

    def matches_agency(self, result: AgencyResult) -> bool:
        key = self.agency.strip().casefold()
        return key in (result.agency.slug.casefold(), result.agency.name.strip().casefold())


@dataclass(frozen=True)
class Applied:
    suppression: Suppression
    agency: str  # name
    item: str


@dataclass(frozen=True)
class SuppressionUse:
    """Which suppressions one agency's findings used: its part of a `SuppressionOutcome`, made where the
    agency was stored (engine/readback.py) and recorded by the run's `SuppressionTracker`."""

    used: tuple[Suppression, ...] = ()
    applied: tuple[Applied, ...] = ()


@dataclass(frozen=True)
class SuppressionOutcome:
    run: RunResult  # findings with `suppressed` set where accepted
    applied: tuple[Applied, ...] = ()
    expired: tuple[Suppression, ...] = ()
    unused: tuple[Suppression, ...] = ()


def _expires(value: Any, path: str, where: str) -> date:
    if isinstance(value, date):
        # tomllib gives a datetime for 2026-12-31T00:00:00; only its day matters.
        return value if type(value) is date else value.date()  # type: ignore[attr-defined]
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise SuppressionError(path, text("suppress.expires_date", where=where, got=repr(value)))


def parse_suppressions(data: dict[str, Any], path: str) -> list[Suppression]:
    extra = set(data) - {"suppress"}
    if extra:
        raise SuppressionError(path, text("suppress.top_level_keys", keys=", ".join(sorted(extra))))
    raw = data.get("suppress", [])
    if not isinstance(raw, list):
        raise SuppressionError(path, text("suppress.not_array"))
    out: list[Suppression] = []
    for n, entry in enumerate(raw, start=1):
        where = f"[[suppress]] #{n}"
        if not isinstance(entry, dict):
            raise SuppressionError(path, text("suppress.not_table", where=where))
        unknown = set(entry) - _KEYS
        if unknown:
            raise SuppressionError(path, text("suppress.unknown_keys", where=where, keys=", ".join(sorted(unknown))))
        for key in ("agency", "item", "code", "reason"):
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                problem = "reason_required" if key == "reason" else "required"
                raise SuppressionError(path, text(f"suppress.{problem}", where=where, key=key))
        if "expires" not in entry:
            raise SuppressionError(path, text("suppress.expires_required", where=where))
        item = entry["item"].strip().upper()
        if not _ITEM.match(item):
            raise SuppressionError(path, text("suppress.item_id", where=where, item=repr(entry["item"])))
        out.append(Suppression(agency=entry["agency"].strip(), item=item, code=entry["code"].strip(),
                               reason=entry["reason"].strip(), expires=_expires(entry["expires"], path, where),
                               source=path, index=n))
    return out


def load_suppressions(paths: Iterable[str | Path]) -> list[Suppression]:
    out: list[Suppression] = []
    for p in paths:
        path = Path(p)
        try:
            data = read_toml(path)
        except TomlFileError as exc:
            raise SuppressionError(str(path), str(exc)) from None
        out += parse_suppressions(data, str(path))
    return out


def _problem_codes(f: Finding) -> set[str]:
    return {r.code for r in f.reasons if r.severity is not Status.PASS}


def apply_suppressions(run: RunResult, suppressions: Sequence[Suppression], today: date,
                       checked_items: Iterable[str] | None = None) -> SuppressionOutcome:
    """Mark accepted findings. `checked_items` (the run's --items) keeps suppressions of items that were
    not checked this time from being reported as unused."""
    tracker = SuppressionTracker(suppressions, today, checked_items)
    agencies = tuple(tracker.apply(a) for a in run.agencies)
    return tracker.outcome(replace(run, agencies=agencies))


class SuppressionTracker:
    """`apply_suppressions` one agency at a time (an audit marks and stores each agency as it finishes),
    keeping only which suppressions were used."""

    def __init__(self, suppressions: Sequence[Suppression], today: date,
                 checked_items: Iterable[str] | None = None) -> None:
        self._active = [s for s in suppressions if s.expires >= today]
        self._expired = tuple(s for s in suppressions if s.expires < today)
        self._wanted = {i.upper() for i in checked_items} if checked_items is not None else None
        self._used: set[int] = set()
        self._applied: list[Applied] = []

    def apply(self, a: AgencyResult) -> AgencyResult:
        mine = [(i, s) for i, s in enumerate(self._active) if s.matches_agency(a)]
        if not mine:
            return a
        findings: list[Finding] = []
        for f in a.findings:
            candidates = [(i, s) for i, s in mine if s.item == f.item]
            codes = _problem_codes(f)
            if f.status is Status.PASS or not candidates or not codes:
                findings.append(f)
                continue
            covering = [(i, s) for i, s in candidates if s.code == ANY_CODE or s.code in codes]
            self._used.update(i for i, _ in covering)
            accepted = {s.code for _, s in covering}
            if ANY_CODE in accepted or codes <= accepted:
                why = " · ".join(dict.fromkeys(s.reason for _, s in covering))
                findings.append(replace(f, suppressed=why))
                self._applied += [Applied(s, a.agency.name, f.item) for _, s in covering]
            else:
                findings.append(f)
        return replace(a, findings=tuple(findings))

    def use(self) -> SuppressionUse:
        """What the agencies given to `apply` used so far (for one agency: a tracker of its own)."""
        return SuppressionUse(tuple(self._active[i] for i in sorted(self._used)), tuple(self._applied))

    def record(self, use: SuppressionUse) -> None:
        """Count an agency's use made by another tracker, as if `apply` had seen that agency here."""
        if use.used:
            wanted = set(use.used)
            self._used.update(i for i, s in enumerate(self._active) if s in wanted)
        self._applied += use.applied

    def outcome(self, run: RunResult) -> SuppressionOutcome:
        """What was applied, expired and unused, with `run` (the run whose agencies went through `apply`)."""
        unused = tuple(s for i, s in enumerate(self._active)
                       if i not in self._used and (self._wanted is None or s.item in self._wanted))
        return SuppressionOutcome(run=run, applied=tuple(self._applied), expired=self._expired, unused=unused)
