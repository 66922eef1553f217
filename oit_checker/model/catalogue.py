"""The rule catalogue as data: statuses, confidence marks, fiscal-year rules, components, items."""

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
class DiscoverHints:
    """How `discover` finds the item on a site without an ITA listing (menus, category pages of posts)."""

    page: bool = False  # the menu entry's page itself is the evidence (news, contact, E-Service), not its posts
    periods: tuple[FiscalYearRule, ...] = ()  # which posts of a category to take; () = the item's fiscal_year


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
    title_variants: tuple[str, ...] = ()  # other titles agencies give the item's menu entries and posts
    not_titles: tuple[str, ...] = ()  # a title holding one of these is not this item ("แผนอัตรากำลัง" for O14)
    discover: DiscoverHints = field(default_factory=DiscoverHints)
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


