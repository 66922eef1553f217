"""DOCX (python-docx) and XLSX (openpyxl) → Document.

Table cells are joined with " | " and rows with newlines, as in the HTML extractor: Thai has no word
spaces, so cells joined without a separator would glue two phrases into one.
A DOCX has no fixed pagination, so it is one page (`page_count=1`, like HTML); an XLSX has one page per
sheet, the sheet name on its first line. Failures are returned as `error=DocError.CORRUPT`, never raised.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import ParseError

from oit_checker.extract.errors import describe
from oit_checker.model import CELL_SEP, DocError, DocKind, Document

# Text is what we need from a workbook; a sheet with millions of filled cells is a data dump, and
# reading all of it would only cost memory. The rest is dropped (the sheet's first line says so).
MAX_XLSX_CELLS = 2_000_000

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _corrupt(url: str, kind: DocKind, exc: BaseException) -> Document:

    return Document(url=url, kind=kind, error=DocError.CORRUPT, error_detail=describe(exc))


# Exceptions that mean "the file is damaged", as opposed to a bug in our code (which `extract()`
# still turns into data, but with its type name so it can be told apart).
_BROKEN = (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, ParseError, EOFError, OSError)


# ---------------------------------------------------------------- DOCX


def _lines_of(container: Any) -> Iterator[str]:
    """Paragraphs and tables of a body, header, footer or cell, in document order."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            yield from _table_lines(block)
        else:
            text = block.text.strip()
            if text:
                yield text


def _table_lines(table: Any) -> Iterator[str]:
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans; its text belongs once.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(_lines_of(cell)))
        if any(cells):
            yield CELL_SEP.join(cells)


def _header_footer_lines(document: Any) -> list[str]:
    lines: list[str] = []
    seen: set[str] = set()
    for section in document.sections:
        for part in (
            section.header,
            section.first_page_header,
            section.even_page_header,
            section.footer,
            section.first_page_footer,
            section.even_page_footer,
        ):
            # A linked header is the previous section's again (or absent in the first section).
            if part.is_linked_to_previous:
                continue
            for line in _lines_of(part):
                if line not in seen:
                    seen.add(line)
                    lines.append(line)
    return lines


def _text_box_lines(document: Any) -> list[str]:
    """Text boxes: python-docx's paragraph text skips them, and Thai forms often put titles in them."""
    body = document.element.body
    lines: list[str] = []
    for box in body.iter(f"{{{_W}}}txbxContent"):
        # Word stores each text box twice (DrawingML choice + VML fallback); read the choice only.
        if any(anc.tag == f"{{{_MC}}}Fallback" for anc in box.iterancestors()):
            continue
        for p in box.iter(f"{{{_W}}}p"):
            text = "".join(t.text or "" for t in p.iter(f"{{{_W}}}t")).strip()
            if text:
                lines.append(text)
    return lines


def extract_docx(body: bytes, url: str) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(body))
    except (PackageNotFoundError, *_BROKEN) as exc:
        return _corrupt(url, DocKind.DOCX, exc)
    try:
        lines = list(_lines_of(document))
        lines += _text_box_lines(document)
        lines += _header_footer_lines(document)
        title = (document.core_properties.title or "").strip()
    except _BROKEN as exc:
        return _corrupt(url, DocKind.DOCX, exc)
    text = "\n".join(lines)
    return Document(
        url=url,
        kind=DocKind.DOCX,
        pages=(text,),
        title=title or next(iter(lines), ""),
        page_count=1,
    )


# ---------------------------------------------------------------- XLSX


def _cell_text(value: object) -> str:
    if value is None:
        # In data_only mode a formula without a cached value (a workbook written by a library and never
        # opened in Excel) reads as None: skipped, rather than printed as "None".
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def extract_xlsx(body: bytes, url: str) -> Document:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    except (InvalidFileException, *_BROKEN) as exc:
        return _corrupt(url, DocKind.XLSX, exc)
    pages: list[str] = []
    cells_read = 0
    try:
        title = (workbook.properties.title or "").strip() if workbook.properties else ""
        for sheet in workbook.worksheets:
            lines = [sheet.title]
            for row in sheet.iter_rows(values_only=True):
                texts = [t for t in map(_cell_text, row) if t]
                cells_read += len(row)
                if texts:
                    lines.append(CELL_SEP.join(texts))
                if cells_read > MAX_XLSX_CELLS:
                    lines[0] += f" (cut after {MAX_XLSX_CELLS} cells)"
                    break
            pages.append("\n".join(lines))
            if cells_read > MAX_XLSX_CELLS:
                break
    except _BROKEN as exc:
        return _corrupt(url, DocKind.XLSX, exc)
    finally:
        workbook.close()
    if not pages:
        return Document(url=url, kind=DocKind.XLSX, error=DocError.EMPTY)
    if not title:
        title = next((line for page in pages for line in page.splitlines()[1:2]), "")
    return Document(url=url, kind=DocKind.XLSX, pages=tuple(pages), title=title, page_count=len(pages))
