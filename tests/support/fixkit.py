"""Shared helpers of the fix-kit tests: the bundled catalogues, a template rendered for the demo agency, and a
DOCX or XLSX read back as text."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import openpyxl

from oit_checker.catalogue.rules import load_catalogue
from oit_checker.model import Catalogue, Item
from oit_checker.report import templates
from tests.support.paths import ROOT

RULES = ROOT / "rules"
AGENCY = "องค์การบริหารส่วนตำบลตะเคียนราม"
HOST = "www.fixkit.go.th"


def catalogue(year: int, *overrides: Path) -> Catalogue:
    return load_catalogue(RULES / f"ita{year}.toml", list(overrides))


def ctx_for(item: Item, year: int, agency: str = AGENCY) -> templates.TemplateContext:
    return templates.TemplateContext(agency, year, item.fiscal_year_rule)


def render(cat: Catalogue, item_id: str, year: int | None = None) -> tuple[Item, bytes]:
    item = cat.item(item_id)
    assert item.template is not None
    return item, templates.render(item, item.template, ctx_for(item, year or cat.criteria_year))


def docx_lines(data: bytes) -> tuple[list[tuple[str, bool]], list[list[list[str]]]]:
    """(paragraphs with their boldness, tables as rows of cell texts) of a DOCX."""
    d = docx.Document(io.BytesIO(data))
    paras = [(p.text, any(r.bold for r in p.runs)) for p in d.paragraphs if p.text.strip()]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]
    return paras, tables


def sheet_rows(data: bytes) -> tuple[str, list[list[str]]]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb.active
    rows = [[str(v) for v in row if v is not None] for row in ws.iter_rows(values_only=True)]
    return ws.title, [r for r in rows if r]


# ---------------------------------------------------------------- structure, read back
