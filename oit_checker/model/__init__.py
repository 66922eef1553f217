"""The data passed between pipeline stages.

Every stage takes and returns these frozen dataclasses; no stage reaches into another's internals.
Enumerations are `StrEnum` so they serialise to the stable strings used in JSON and the history DB.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum


class Status(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    REVIEW = "review"
    ERROR = "error"


class Confidence(StrEnum):
    """How sure the rule itself is (from ita-criteria.md), not how sure the match is."""

    CONFIRMED = "confirmed"
    ONE_SOURCE = "one_source"
    SEED = "seed"
    INFERRED = "inferred"
    UNKNOWN = "unknown"

    @property
    def is_guess(self) -> bool:
        """An inferred or unknown rule: a verdict resting on it must say so."""
        return self in (Confidence.INFERRED, Confidence.UNKNOWN)


class FiscalYearRule(StrEnum):
    NONE = "none"
    CURRENT = "current"
    PREVIOUS = "previous"
    FIRST_HALF_CURRENT = "first_half_current"
    COVERS_CURRENT = "covers_current"


# ---------------------------------------------------------------- catalogue


@dataclass(frozen=True)
class Component:
    """One thing a document must show; any one of `phrases` (normalized) or `patterns` evidences it."""

    id: str
    label_th: str
    label_en: str
    phrases: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...] = ()
    confidence: Confidence = Confidence.INFERRED
    required: bool = True


@dataclass(frozen=True)
class EvidenceRule:
    """What the evidence itself must look like, beyond its wording."""

    min_chars: int = 300  # normalized characters across the item's documents; below → cover_only
    min_pages: int = 1  # for paged documents (PDF); a 1-page PDF where 2+ are needed → cover_only
    own_site: bool = True  # a URL off the agency's own site is reported as off_site
    max_urls: int = 5


@dataclass(frozen=True)
class Item:
    id: str  # "O24"
    name_th: str
    name_en: str
    indicator: int  # 9 or 10
    sub_indicator: str
    components: tuple[Component, ...]
    fiscal_year_rule: FiscalYearRule
    confidence: Confidence
    title_phrases: tuple[str, ...] = ()  # how the item's documents are titled (for discovery / list pages)
    evidence: EvidenceRule = field(default_factory=EvidenceRule)
    fiscal_year_confidence: Confidence = Confidence.INFERRED
    notes: str = ""



@dataclass(frozen=True)
class Catalogue:
    criteria_year: int  # ITA year, BE (2568)
    version: str
    source: str  # path of the file it was loaded from
    items: tuple[Item, ...]
    title_th: str = ""

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.items)


# ---------------------------------------------------------------- manifest


@dataclass(frozen=True)
class Agency:
    name: str
    home: str | None
    items: dict[str, tuple[str, ...]]  # item id → submitted URLs, in submission order
    fiscal_year: int | None = None
    source: str = ""
    slug: str = ""  # stable key for history (derived from name when absent)


# ---------------------------------------------------------------- fetch


class FetchError(StrEnum):
    """Why a URL could not be looked at. Maps one-to-one onto reason codes."""

    TIMEOUT = "timeout"
    CONNECT = "unreachable"  # DNS failure, refused, reset
    TLS = "tls_error"
    TOO_MANY_REDIRECTS = "redirect_loop"
    BAD_SCHEME = "bad_scheme"
    TOO_LARGE = "too_large"
    PROTOCOL = "protocol_error"
    LOGIN = "login_wall"  # HTTP 401: the server asks for a login
    BOT_WALL = "bot_wall"  # a CDN/firewall challenge or block page instead of the content


@dataclass(frozen=True)
class Fetched:
    url: str  # as requested (normalized)
    final_url: str
    status: int | None = None
    content_type: str = ""  # the header's media type, lower-case, no parameters
    charset: str | None = None  # from the Content-Type header
    body: bytes = b""  # dropped after extraction for files (see body_sha256); HTML pages keep theirs
    error: FetchError | None = None
    error_detail: str = ""
    redirects: tuple[str, ...] = ()
    attempts: int = 1
    truncated: bool = False
    insecure: bool = False  # fetched with TLS verification off (--insecure)
    elapsed_s: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    from_cache: bool = False
    body_sha256: str = ""  # set when the body itself was dropped to bound a run's memory

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300


# ---------------------------------------------------------------- extract


class DocKind(StrEnum):
    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    IMAGE = "image"
    OTHER = "other"


@dataclass(frozen=True)
class Link:
    """A reference found in an HTML page: an anchor, or the file behind a viewer/embed."""

    url: str  # absolute
    text: str = ""
    via: str = "a"  # a · iframe · object · embed · viewer:flowpaper · viewer:gdocs · drive …
    download: bool = False  # had a `download` attribute
    chrome: bool = False  # only found in the site's menus/sidebars/footers, never in the page's content


@dataclass(frozen=True)
class Document:
    url: str
    kind: DocKind
    pages: tuple[str, ...] = ()  # text per page (NFC, not yet matching-normalized); HTML is one page
    title: str = ""
    links: tuple[Link, ...] = ()
    charset: str | None = None
    error: str = ""  # extraction failure: "encrypted", "corrupt", "timeout", …
    needs_ocr: bool = False  # no text layer (scan / image)
    page_count: int = 0
    parent: str | None = None  # the page this document was reached from
    depth: int = 0

    @property
    def text(self) -> str:
        return "\n".join(self.pages)


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
    error: str = ""  # FetchError value, empty when the server answered
    detail: str = ""
    elapsed_s: float = 0.0
    redirects: tuple[str, ...] = ()
    insecure: bool = False
    depth: int = 0  # 0 = a submitted URL


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


@dataclass(frozen=True)
class UrlTrail:
    """Everything reached from one submitted URL, the submitted one first."""

    submitted: str
    retrieved: tuple[Retrieved, ...] = ()
    notes: tuple[Reason, ...] = ()  # findings made while following (placeholder links, external systems, …)


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


@dataclass(frozen=True)
class RunResult:
    criteria_year: int
    catalogue_version: str
    catalogue_source: str
    fiscal_year: int
    tool_version: str
    started_at: str
    finished_at: str
    agencies: tuple[AgencyResult, ...]
    run_id: int | None = None
