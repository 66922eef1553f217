"""Verdicts and what they rest on: reasons, evidence, findings, trails, results of a run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from oit_checker.model.agency import Agency
from oit_checker.model.catalogue import Confidence, Status
from oit_checker.model.document import Document, Link
from oit_checker.model.fetch import Fetched, FetchError

# ---------------------------------------------------------------- evaluate


@dataclass(frozen=True)
class Evidence:
    url: str
    page: int | None = None  # 1-based page in a paged document
    snippet: str = ""


@dataclass(frozen=True)
class Reason:
    code: str
    message_th: str
    message_en: str
    evidence: tuple[Evidence, ...] = ()
    severity: Status = Status.FAIL  # the status this reason alone would give the item
    inferred: bool = False  # rests on an inferred rule
    detail: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class FetchRecord:
    """How one URL behind a finding was fetched: the per-URL account a nightly audit needs."""

    url: str
    final_url: str
    status: int | None
    attempts: int
    error: FetchError | None = None  # None when the server answered
    detail: str = ""
    elapsed_s: float = 0.0
    redirects: tuple[str, ...] = ()
    insecure: bool = False
    depth: int = 0  # 0 = a submitted URL
    budget_cut: bool = False  # the agency's time budget ended this fetch: the check is incomplete
    content_type: str = field(default="", compare=False)  # as the server said; extraction depends on it
    charset: str | None = field(default=None, compare=False)
    # sha256 of the body of an answer that had one ("" otherwise): tells a later night the bytes are the same
    # whatever the HTTP cache says (engine/reuse.py). Not in reports.
    sha256: str = field(default="", compare=False)


@dataclass(frozen=True)
class Finding:
    item: str
    indicator: int
    status: Status
    reasons: tuple[Reason, ...]
    confidence: Confidence
    name_th: str = ""
    name_en: str = ""
    urls: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()  # URLs of every document read
    found: tuple[Reason, ...] = ()  # positive evidence: components and years found
    suppressed: str = ""  # human reason when an accepted gap suppresses this finding
    fetches: tuple[FetchRecord, ...] = ()
    # Taken from the previous audit run instead of evaluated again: every document it rests on was unchanged
    # (engine/reuse.py). Not stored in the history: a stored finding is a finding.
    reused: bool = field(default=False, compare=False)
    # sha256 of everything evaluation read for the item (engine/reuse.py `item_inputs`); stored, so that a
    # later night can tell the item reads the same although its documents were sent again. "" when unknown.
    inputs: str = field(default="", compare=False, repr=False)
    # (URL, its answer: `Fetched.answer`) of what the item asked for besides `fetches`: links tried and not
    # kept (a download-worded link that led to a page of no evidence), WordPress REST records tried. With
    # `fetches`, every URL the item asked for, so an unchanged agency can be asked again without being followed
    # (engine/reuse.py `Prior.replay_urls`).
    also_asked: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)

    @property
    def inferred(self) -> bool:
        """True when the verdict rests on an inferred rule: the item's, a failing check's, or a passing one's."""
        return self.confidence.is_guess or any(
            r.inferred for r in (*self.reasons, *self.found)
        )


# ---------------------------------------------------------------- what the pipeline gathered per item


@dataclass(frozen=True)
class Retrieved:
    """One URL looked at while following a submitted URL: its fetch and, when it had a body, its text."""

    fetched: Fetched
    document: Document | None = None
    depth: int = 0  # 0 = the submitted URL itself
    parent: str | None = None
    link: Link | None = None  # how it was reached from its parent


class Unfollowed(NamedTuple):
    """A link the follower would have taken but did not: the page it is on sits at the depth limit
    (`FollowSettings.max_depth`; document links only), or (`capped`) the submitted URL's trail had already
    retrieved its most URLs (`FollowSettings.max_total`; every link chosen on the page)."""

    page: str  # the page that links it
    url: str  # the link not followed
    depth: int  # the page's depth (the limit reached, for the depth limit)
    capped: bool = False  # left by the cap on URLs per submitted URL, not by the depth limit


@dataclass(frozen=True)
class UrlTrail:
    """Everything reached from one submitted URL, the submitted one first."""

    submitted: str
    retrieved: tuple[Retrieved, ...] = ()
    notes: tuple[Reason, ...] = ()  # findings made while following (placeholder links, external systems, …)
    also_asked: tuple[tuple[str, str], ...] = ()  # (URL, answer) asked for besides `retrieved` (`Finding.also_asked`)
    unfollowed: tuple[Unfollowed, ...] = ()  # links left at the depth limit or the URL cap (the first few)


def fetch_records(trails: Sequence[UrlTrail]) -> tuple[FetchRecord, ...]:
    """One record per URL the trails reached (the first time it was reached), as a finding lists them."""
    out: dict[str, FetchRecord] = {}
    for t in trails:
        for g in t.retrieved:
            f = g.fetched
            out.setdefault(f.url, FetchRecord(
                url=f.url, final_url=f.final_url, status=f.status, attempts=f.attempts,
                error=f.error, detail=f.error_detail[:200], elapsed_s=round(f.elapsed_s, 3),
                redirects=f.redirects, insecure=f.insecure, depth=g.depth, budget_cut=f.budget_cut,
                content_type=f.content_type, charset=f.charset, sha256=f.digest))
    return tuple(out.values())


# ---------------------------------------------------------------- results of a run


@dataclass(frozen=True)
class AgencyResult:
    agency: Agency
    fiscal_year: int
    findings: tuple[Finding, ...]
    started_at: str
    finished_at: str
    urls_fetched: int = 0
    documents_read: int = 0
    complete: bool = True
    trails: dict[str, tuple[UrlTrail, ...]] = field(default_factory=dict, compare=False, repr=False)
    # sha256 of every body read, by final URL: tells a changed document apart from an unchanged one in history.
    document_hashes: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    # sha256 of the home page's body ("" when none or unknown): reuse needs the same template reference.
    home_sha256: str = field(default="", compare=False, repr=False)


@dataclass(frozen=True)
class RunResult:
    criteria_year: int
    catalogue_version: str
    catalogue_source: str
    fiscal_year: int
    tool_version: str
    started_at: str
    finished_at: str
    # A tuple; after an audit, the agencies as the history holds them, read one at a time when iterated
    # (engine/readback.py `StoredAgencies`), so a report of thousands of agencies never holds them all.
    agencies: Sequence[AgencyResult]
    run_id: int | None = None
    # The override files applied to the catalogue, in order (JSON criteria.overrides); `catalogue_version` shows
    # them too (2568.2+my_fix). Not kept in the history: a run read back from it has () here.
    catalogue_overrides: tuple[str, ...] = ()
