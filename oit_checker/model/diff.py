r"""What changed between two runs: regressions, fixes, changed URLs and documents (built by \`engine.diff\`)."""

from __future__ import annotations

from dataclasses import dataclass

from oit_checker.model.catalogue import Status
from oit_checker.model.finding import Reason


@dataclass(frozen=True)
class ItemChange:
    agency: str  # slug
    agency_name: str
    item: str
    name_th: str
    name_en: str
    before: Status
    after: Status
    reasons: tuple[Reason, ...] = ()  # the reasons of the newer finding that are not a pass
    suppressed: str = ""  # the newer finding's suppression, if any

    @property
    def counts(self) -> bool:
        """Does it count for the exit code? A suppressed (accepted) gap does not."""
        return not self.suppressed


@dataclass(frozen=True)
class UrlChange:
    agency: str
    agency_name: str
    item: str
    url: str


@dataclass(frozen=True)
class DocumentChange:
    agency: str
    agency_name: str
    url: str
    before: str  # sha256
    after: str
    items: tuple[str, ...] = ()  # the items that read this document in the newer run


@dataclass(frozen=True)
class RunDiff:
    base_run: int | None
    head_run: int | None
    base_started: str = ""
    head_started: str = ""
    regressions: tuple[ItemChange, ...] = ()
    fixed: tuple[ItemChange, ...] = ()
    changed: tuple[ItemChange, ...] = ()
    added_urls: tuple[UrlChange, ...] = ()
    removed_urls: tuple[UrlChange, ...] = ()
    changed_documents: tuple[DocumentChange, ...] = ()
    new_agencies: tuple[str, ...] = ()  # names
    missing_agencies: tuple[str, ...] = ()  # in the older run, not in the newer one
    new_items: tuple[tuple[str, str], ...] = ()  # (agency name, item) checked only in the newer run
    fiscal_years: tuple[int, int] | None = None  # set when the two runs checked different fiscal years

    @property
    def counted_regressions(self) -> tuple[ItemChange, ...]:
        return tuple(c for c in self.regressions if c.counts)

    @property
    def empty(self) -> bool:
        return not (self.regressions or self.fixed or self.changed or self.added_urls or self.removed_urls
                    or self.changed_documents or self.new_agencies or self.missing_agencies)
