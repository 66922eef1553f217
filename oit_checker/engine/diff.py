"""What changed between two runs (pure: two `RunResult`s in, a `RunDiff` out).

Findings are matched by (agency slug, item). Status transitions are sorted into:
- regressions: pass → anything else (fail, could not check, needs review) — what got worse;
- fixed: anything else → pass;
- changed: between two non-pass statuses (e.g. fail → could not check), reported but not counted.
"Could not check" after a pass is a regression on purpose: an assessor who cannot open the URL scores it
zero, and the table says plainly it was the site that could not be reached.

Also: submitted URLs added or removed per item, documents whose content hash changed (the same URL read
in both runs), agencies and items present in one run only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from oit_checker.model import AgencyResult, Finding, Reason, RunResult, Status
from oit_checker.model.diff import DocumentChange, ItemChange, RunDiff, UrlChange


def _by_slug(run: RunResult) -> dict[str, AgencyResult]:
    return {(a.agency.slug or a.agency.name): a for a in run.agencies}


def _problems(f: Finding) -> tuple[Reason, ...]:
    return tuple(r for r in f.reasons if r.severity is not Status.PASS)


def _sort_key(c: ItemChange | UrlChange) -> tuple[str, int, str]:
    number = int(c.item[1:]) if c.item[1:].isdigit() else 0
    return (c.agency_name, number, c.item)


def diff_runs(base: RunResult, head: RunResult, *, head_partial: bool = False) -> RunDiff:
    """`base` is the older run. With `head_partial` (an interrupted newer run), agencies it did not reach are
    not reported as missing."""
    old = _by_slug(base)
    builder = DiffBuilder(base.run_id, base.started_at, base.fiscal_year)
    seen: set[str] = set()
    for now in head.agencies:
        slug = now.agency.slug or now.agency.name
        seen.add(slug)
        builder.add(old.get(slug), now)
    missing = [] if head_partial else [a.agency.name for s, a in old.items() if s not in seen]
    return builder.finish(head.run_id, head.started_at, head.fiscal_year, missing)


@dataclass(frozen=True)
class AgencyChanges:
    """What changed for one agency between two runs: its part of a `RunDiff`, made where the agency was
    checked (engine/readback.py) and merged into the run's diff by `DiffBuilder.merge`."""

    new_agency: str | None = None  # its name, when the older run did not have it
    regressions: tuple[ItemChange, ...] = ()
    fixed: tuple[ItemChange, ...] = ()
    changed: tuple[ItemChange, ...] = ()
    added: tuple[UrlChange, ...] = ()
    removed: tuple[UrlChange, ...] = ()
    docs: tuple[DocumentChange, ...] = ()
    new_items: tuple[tuple[str, str], ...] = ()


def agency_changes(before: AgencyResult | None, now: AgencyResult) -> AgencyChanges:
    """One agency of the newer run, with its result in the older run (None: checked for the first time)."""
    name = now.agency.name
    if before is None:
        return AgencyChanges(new_agency=name)
    slug = now.agency.slug or now.agency.name
    regressions: list[ItemChange] = []
    fixed: list[ItemChange] = []
    changed: list[ItemChange] = []
    added: list[UrlChange] = []
    removed: list[UrlChange] = []
    new_items: list[tuple[str, str]] = []
    previous = {f.item: f for f in before.findings}
    for f in now.findings:
        p = previous.get(f.item)
        if p is None:
            new_items.append((name, f.item))
            continue
        if p.status is not f.status:
            change = ItemChange(slug, name, f.item, f.name_th, f.name_en, p.status, f.status,
                                _problems(f), f.suppressed)
            if p.status is Status.PASS:
                regressions.append(change)
            elif f.status is Status.PASS:
                fixed.append(change)
            else:
                changed.append(change)
        old_urls, new_urls = set(p.urls), set(f.urls)
        added += [UrlChange(slug, name, f.item, u) for u in f.urls if u not in old_urls]
        removed += [UrlChange(slug, name, f.item, u) for u in p.urls if u not in new_urls]
    readers: dict[str, list[str]] = {}
    for f in now.findings:
        for url in f.documents:
            readers.setdefault(url, []).append(f.item)
    docs = [DocumentChange(slug, name, url, was, digest, tuple(dict.fromkeys(readers.get(url, ()))))
            for url, digest in now.document_hashes.items()
            if (was := before.document_hashes.get(url)) is not None and was != digest]
    return AgencyChanges(None, tuple(regressions), tuple(fixed), tuple(changed), tuple(added), tuple(removed),
                         tuple(docs), tuple(new_items))


class DiffBuilder:
    """A `RunDiff` built one agency at a time, as an audit checks them (its memory does not grow with the
    run's findings, only with what changed)."""

    def __init__(self, base_run: int | None, base_started: str, base_fiscal_year: int) -> None:
        self.base_run, self.base_started, self.base_fiscal_year = base_run, base_started, base_fiscal_year
        self._regressions: list[ItemChange] = []
        self._fixed: list[ItemChange] = []
        self._changed: list[ItemChange] = []
        self._added: list[UrlChange] = []
        self._removed: list[UrlChange] = []
        self._docs: list[DocumentChange] = []
        self._new_items: list[tuple[str, str]] = []
        self._new_agencies: list[str] = []

    def add(self, before: AgencyResult | None, now: AgencyResult) -> None:
        """One agency of the newer run, with its result in the older run (None: checked for the first time)."""
        self.merge(agency_changes(before, now))

    def merge(self, c: AgencyChanges) -> None:
        """One agency's changes, made by `agency_changes` (here or where the agency was checked)."""
        if c.new_agency is not None:
            self._new_agencies.append(c.new_agency)
        self._regressions += c.regressions
        self._fixed += c.fixed
        self._changed += c.changed
        self._added += c.added
        self._removed += c.removed
        self._docs += c.docs
        self._new_items += c.new_items

    def finish(self, head_run: int | None, head_started: str, head_fiscal_year: int,
               missing_agencies: Sequence[str] = ()) -> RunDiff:
        """`missing_agencies`: names of the older run's agencies the newer run does not have."""
        return RunDiff(
            base_run=self.base_run, head_run=head_run, base_started=self.base_started, head_started=head_started,
            regressions=tuple(sorted(self._regressions, key=_sort_key)),
            fixed=tuple(sorted(self._fixed, key=_sort_key)),
            changed=tuple(sorted(self._changed, key=_sort_key)),
            added_urls=tuple(sorted(self._added, key=_sort_key)),
            removed_urls=tuple(sorted(self._removed, key=_sort_key)),
            changed_documents=tuple(sorted(self._docs, key=lambda d: (d.agency_name, d.url))),
            new_agencies=tuple(self._new_agencies), missing_agencies=tuple(missing_agencies),
            new_items=tuple(self._new_items),
            fiscal_years=((self.base_fiscal_year, head_fiscal_year) if self.base_fiscal_year != head_fiscal_year
                          else None),
        )
