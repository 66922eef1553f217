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


class TemplateKind(StrEnum):
    """What kind of document an item's fix-kit template is; it decides the layout and the file format.

    announcement: ประกาศ<agency> เรื่อง … (a title block of an announcement, usually signed)
    plan, report, manual, guideline: a titled document with headings and (optionally) one table
    workbook: an Excel workbook like the NACC's own forms ("ITA-o12"): header fields, a table, notes
    """

    ANNOUNCEMENT = "announcement"
    PLAN = "plan"
    REPORT = "report"
    MANUAL = "manual"
    GUIDELINE = "guideline"
    WORKBOOK = "workbook"

    @property
    def file_format(self) -> str:
        """"xlsx" for a workbook, "docx" for every other kind."""
        return "xlsx" if self is TemplateKind.WORKBOOK else "docx"


@dataclass(frozen=True)
class TemplateSection:
    """A heading of the template, with what to write under it (`hint`, shown in the blank) and a sample answer
    (`sample`: shown in the checklist as an example, and what the round-trip test fills the blank with)."""

    heading: str
    hint: str
    sample: str
    table: bool = False  # the template's table goes under this heading


@dataclass(frozen=True)
class TemplateColumn:
    """A column of the template's table: its header and the cell of the one example row."""

    header: str
    example: str


@dataclass(frozen=True)
class TemplateField:
    """A header field of a workbook (ปีงบประมาณ, ชื่อหน่วยงาน, อำเภอ …): a value the tool fills ("{year}",
    "{agency}") or, when `value` is empty, a blank with `hint` and `sample`."""

    label: str
    value: str = ""
    hint: str = ""
    sample: str = ""


@dataclass(frozen=True)
class Template:
    """The document a working group fills in to fix an item (rules/README.md, "Templates").

    Text fields may name `{agency}`, `{year}` (the fiscal year the document must name under the item's rule),
    `{fiscal_year}` (the year being checked) and `{start_year}` (the BE year in which `{year}` begins, 1 Oct).
    """

    kind: TemplateKind
    title: str = ""  # the document's title; "" = the item's name_th
    signed: bool = False  # a signature block: ประกาศ ณ วันที่ / ลงชื่อ / (ชื่อ) / ตำแหน่ง
    sheet: str = ""  # workbook: the sheet's name ("ITA-o12")
    sections: tuple[TemplateSection, ...] = ()
    columns: tuple[TemplateColumn, ...] = ()
    fields: tuple[TemplateField, ...] = ()
    rows: int = 5  # empty rows under the example row

    @property
    def file_format(self) -> str:
        return self.kind.file_format


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
    template: Template | None = None  # the fix kit's document to fill in; None: a checklist only


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


