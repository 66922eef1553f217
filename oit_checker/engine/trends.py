"""The history of an audit series, read through the history store's public methods (`list_runs`, `load_run`),
for the trend charts of the audit report and `history show --agency`."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from typing import Protocol

from oit_checker.engine.history import RunInfo, RunStatus
from oit_checker.model import RunResult
from oit_checker.model.trend import AgencyPoint, AgencyTrack, History, RunPoint

DEFAULT_RUNS = 12  # how many runs a trend shows by default


class TrendSource(Protocol):
    """The two public methods of a history store that trends read."""

    def list_runs(self, limit: int | None = None, label: str | None = None) -> list[RunInfo]: ...

    def load_run(self, run_id: int) -> RunResult: ...


def load_history(store: TrendSource, *, label: str | None = None, limit: int = DEFAULT_RUNS, upto: int | None = None,
                 slugs: Collection[str] | None = None) -> History:
    """The last `limit` runs of the series `label` (all series when None) up to run `upto` (default: the latest),
    oldest first, with the tracks of the agencies in `slugs` (all when None). Runs still running are left out."""
    infos = [i for i in store.list_runs(None, label) if i.status is not RunStatus.RUNNING
             and (upto is None or i.id <= upto)]
    infos = sorted(infos, key=lambda i: i.id)[-limit:] if limit > 0 else []
    runs: list[RunPoint] = []
    tracks: dict[str, tuple[str, list[AgencyPoint]]] = {}
    for info in infos:
        point = RunPoint(run_id=info.id, started_at=info.started_at, fiscal_year=info.fiscal_year,
                         criteria_year=info.criteria_year,
                         complete=info.status is RunStatus.COMPLETE)
        runs.append(point)
        for a in store.load_run(info.id).agencies:
            slug = a.agency.slug or a.agency.name
            if slugs is not None and slug not in slugs:
                continue
            _, points = tracks.setdefault(slug, (a.agency.name, []))
            # A trend needs each item's status (and names), not its reasons, evidence or fetch records: keeping
            # those of every run would hold a dozen whole runs in memory.
            slim = tuple(dataclasses.replace(f, reasons=(), found=(), fetches=(), documents=()) for f in a.findings)
            points.append(AgencyPoint(run=point, findings=slim))
            tracks[slug] = (a.agency.name, points)  # the latest name wins
    return History(label=label, runs=tuple(runs),
                   agencies=tuple(AgencyTrack(slug, name, tuple(points)) for slug, (name, points) in tracks.items()))
