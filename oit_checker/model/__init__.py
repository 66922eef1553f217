"""The data passed between pipeline stages.

Every stage takes and returns these frozen dataclasses; no stage reaches into another's internals.
Enumerations are `StrEnum` so they serialise to the stable strings used in JSON and the history DB.
"""

from oit_checker.model.agency import Agency
from oit_checker.model.catalogue import (
    EACH_OF_MIN,
    AppliedOverride,
    Catalogue,
    Component,
    ComponentKind,
    Confidence,
    DiscoverHints,
    EvidenceRule,
    FiscalYearRule,
    Item,
    Matcher,
    MatcherKind,
    Status,
    Template,
    TemplateColumn,
    TemplateField,
    TemplateKind,
    TemplateSection,
    ValueKind,
)
from oit_checker.model.document import CELL_SEP, DocError, DocKind, Document, Link
from oit_checker.model.fetch import Fetched, FetchError, Rendered
from oit_checker.model.finding import (
    AgencyResult,
    Evidence,
    FetchRecord,
    Finding,
    Reason,
    Retrieved,
    RunResult,
    Unfollowed,
    UrlTrail,
    fetch_records,
)

__all__ = [
    "CELL_SEP",
    "EACH_OF_MIN",
    "Agency",
    "AgencyResult",
    "AppliedOverride",
    "Catalogue",
    "Component",
    "ComponentKind",
    "Confidence",
    "DiscoverHints",
    "DocError",
    "DocKind",
    "Document",
    "Evidence",
    "EvidenceRule",
    "FetchError",
    "FetchRecord",
    "Fetched",
    "Finding",
    "FiscalYearRule",
    "Item",
    "Link",
    "Matcher",
    "MatcherKind",
    "Reason",
    "Rendered",
    "Retrieved",
    "RunResult",
    "Status",
    "Template",
    "TemplateColumn",
    "TemplateField",
    "TemplateKind",
    "TemplateSection",
    "Unfollowed",
    "UrlTrail",
    "ValueKind",
    "fetch_records",
]
