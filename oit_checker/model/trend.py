"""Where agencies are heading: stored runs of one audit series, oldest first (engine/trends.py reads them from
the history; report/trends.py draws them)."""

from __future__ import annotations

from dataclasses import dataclass

from oit_checker.model.finding import Finding


@dataclass(frozen=True)
class RunPoint:
    """One stored run, as a point on a time axis."""

    run_id: int
    started_at: str  # ISO 8601
    fiscal_year: int
    criteria_year: int
    complete: bool = True  # False: the run was stopped part-way (its agencies may be fewer)


@dataclass(frozen=True)
class AgencyPoint:
    """One agency's findings in one run."""

    run: RunPoint
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class AgencyTrack:
    slug: str
    name: str
    points: tuple[AgencyPoint, ...]  # oldest first; only runs that checked the agency


@dataclass(frozen=True)
class History:
    """The runs of one audit series (label) and every agency's track through them."""

    label: str | None
    runs: tuple[RunPoint, ...]  # oldest first
    agencies: tuple[AgencyTrack, ...]

    def track(self, slug: str) -> AgencyTrack | None:
        by_slug = self.__dict__.get("_by_slug")
        if by_slug is None:  # built once: a report looks up every agency of the run
            by_slug = {a.slug: a for a in self.agencies}
            object.__setattr__(self, "_by_slug", by_slug)
        return by_slug.get(slug)
