"""DOCX (python-docx) and XLSX (openpyxl) → Document.

Table cells are joined with " | " and rows with newlines, as in the HTML extractor: Thai has no word
spaces, so cells joined without a separator would glue two phrases into one.
A DOCX has no fixed pagination, so it is one page (`page_count=1`, like HTML); an XLSX has one page per
sheet, the sheet name on its first line. Failures are returned as `error=DocError.CORRUPT`, never raised.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import ParseError

from oit_checker.extract.errors import describe
from oit_checker.model import CELL_SEP, DocError, DocKind, Document

# Text is what we need from a workbook; a sheet with millions of filled cells is a data dump, and
# reading all of it would only cost memory. The rest is dropped (the sheet's first line says so).
MAX_XLSX_CELLS = 2_000_000

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_V = "urn:schemas-microsoft-com:vml"
_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"

# A Word file or workbook whose content is pictures (a scan of the signed page pasted in, under a typed heading or
# none: review67 b06, b18) has no text to judge, as a scanned PDF has none: it is flagged `needs_ocr` (→ `no_text`,
# review), never read as an empty page or a cover. Pictures are counted when page-sized — a logo or the Garuda
# emblem above a typed announcement is no scan — and the typed text is weighed against them as the PDF extractor
# weighs its textless pages: less than _TEXT_PER_PICTURE visible characters per such picture is a document of
# pictures (a typed photo report with a few photos has far more).
_EMU_PER_INCH = 914_400
_PICTURE_MIN_SIDE = 2 * _EMU_PER_INCH  # the longer side of a pasted scan or photo; an emblem or logo is ≈1 inch
_TEXT_PER_PICTURE = 200  # visible characters: a title block (heading, agency, year) is shorter
_VML_SIZE_RE = re.compile(r"(width|height)\s*:\s*([\d.]+)\s*(pt|in|cm|mm|px)?", re.IGNORECASE)
_VML_UNIT_EMU = {"pt": 12_700, "in": _EMU_PER_INCH, "cm": 360_000, "mm": 36_000, "px": 9_525, "": 9_525}


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


def _visible_chars(lines: list[str]) -> int:
    return sum(1 for line in lines for c in line if not c.isspace())


def _is_small(cx: int | None, cy: int | None) -> bool:
    """A picture whose size is known and whose longer side is under _PICTURE_MIN_SIDE (an unknown size counts as
    page-sized: a scan must not be missed for want of a size)."""
    sides = [v for v in (cx, cy) if v is not None]
    return bool(sides) and max(sides) < _PICTURE_MIN_SIDE


def _emu(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _vml_size(style: str) -> tuple[int | None, int | None]:
    size: dict[str, int] = {}
    for name, number, unit in _VML_SIZE_RE.findall(style):
        size[name.lower()] = int(float(number) * _VML_UNIT_EMU[unit.lower()])
    return size.get("width"), size.get("height")


def _docx_pictures(body: Any) -> int:
    """Page-sized pictures in a DOCX body: DrawingML pictures (`w:drawing` with an `a:blip`) and VML ones
    (`v:imagedata`, in old files or as a DrawingML picture's fallback, which is not counted twice)."""
    count = 0
    for drawing in body.iter(f"{{{_W}}}drawing"):
        if next(drawing.iter(f"{{{_A}}}blip"), None) is None:
            continue  # a chart or a shape, no picture
        extent = next(drawing.iter(f"{{{_WP}}}extent"), None)
        size = (_emu(extent.get("cx")), _emu(extent.get("cy"))) if extent is not None else (None, None)
        count += not _is_small(*size)
    for image in body.iter(f"{{{_V}}}imagedata"):
        if any(anc.tag == f"{{{_MC}}}Fallback" for anc in image.iterancestors()):
            continue
        shape = image.getparent()
        count += not _is_small(*_vml_size(shape.get("style", "") if shape is not None else ""))
    return count


def _pictures_only(pictures: int, typed: int) -> bool:
    """Whether a file with `pictures` page-sized pictures and `typed` visible characters of text is pictures."""
    return pictures > 0 and typed < _TEXT_PER_PICTURE * pictures


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
        typed = _visible_chars(lines)  # the body's own text; a running header repeats the agency's name only
        lines += _header_footer_lines(document)
        title = (document.core_properties.title or "").strip()
        pictures = _docx_pictures(document.element.body)
    except _BROKEN as exc:
        return _corrupt(url, DocKind.DOCX, exc)
    text = "\n".join(lines)
    return Document(
        url=url,
        kind=DocKind.DOCX,
        pages=(text,),
        title=title or next(iter(lines), ""),
        page_count=1,
        needs_ocr=_pictures_only(pictures, typed),
    )


# ---------------------------------------------------------------- XLSX


# The tokens of a number format section: quoted text, an escaped character, a [Red]/[$-41E] code, "_x" (a space
# as wide as x), "*x" (x repeated to fill the cell), a run of digit codes, or one other character.
_FORMAT_TOKEN_RE = re.compile(
    r'"(?P<quoted>[^"]*)"|\\(?P<escaped>.)|\[[^\]]*\]|[_*].|(?P<digits>[#0?,.%]+)|(?P<bare>.)')
_BARE_SHOWN = frozenset(" $-+()/:^'{}<>=!&~")  # shown as they are; a letter means a date, scientific or fraction


@dataclass(frozen=True)
class _Plan:
    """How one number format section shows a number (parsed once per format: a sheet has a handful of formats
    and many thousands of cells)."""

    before: str  # text before the number (a currency sign, an escaped minus)
    after: str  # text after it (' "บาท"', ".-")
    literal: str | None = None  # the section shows only this (the accounting format's zero: "-")
    spec: str = ""  # the number's format spec: ",.2f", ".0f", "010d"
    percent: bool = False
    point: bool = False  # a point with no decimals after it ("#,##0.-")


def _section_plan(section: str) -> _Plan | None:
    """None when the section is no money format (a date, a fraction, scientific, two runs of digit codes)."""
    before: list[str] = []
    after: list[str] = []
    code = ""
    for token in _FORMAT_TOKEN_RE.finditer(section):
        if token.group("digits") is not None:
            if code:
                return None
            code = token.group("digits")
            continue
        bare = token.group("bare")
        if bare is not None and bare not in _BARE_SHOWN:
            return None
        shown = token.group("quoted") or token.group("escaped") or bare or ""
        (after if code else before).append(shown)
    if not code.strip("?"):
        return _Plan("", "", literal="".join(before + after).strip() or None)
    if not any(c in code for c in "#0"):
        return None
    if len(code) > 1 and not code.strip("0"):  # "0000000000": as many digits, leading zeros kept
        return _Plan("".join(before).strip(), "".join(after), spec=f"0{len(code)}d")
    decimals = len(code.split(".", 1)[1].replace("%", "").replace(",", "")) if "." in code else 0
    grouped = "#,#" in code or ",0" in code
    return _Plan("".join(before).strip(), "".join(after), spec=f"{',' if grouped else ''}.{decimals}f",
                 percent="%" in code, point="." in code and not decimals)


@functools.lru_cache(maxsize=256)
def _format_plans(number_format: str) -> tuple[_Plan | None, ...]:
    return tuple(_section_plan(section) for section in number_format.split(";")[:3])


def _formatted_number(value: float, number_format: str) -> str | None:
    """`value` as its number format shows it, for the formats money is kept in: thousands grouping ("#,##0"),
    fixed decimals ("0.00", "#,##0.-"), text around the number ('#,##0.00 "บาท"'), the accounting format
    ("_-* #,##0.00_-;…", where a zero shows as "-"), percents, leading zeros ("0000000000": a phone number). None
    for every other format (dates, fractions, scientific, text): the plain number is shown then."""
    plans = _format_plans(number_format)
    plan = plans[0]
    if value < 0 and len(plans) > 1:
        plan = plans[1]
    elif value == 0 and len(plans) > 2:
        plan = plans[2]
    if plan is None:
        return None
    if not plan.spec:
        return plan.literal
    shown = abs(value) * 100 if plan.percent else abs(value)
    number = format(round(shown), plan.spec) if plan.spec.endswith("d") else format(shown, plan.spec)
    sign = "-" if value < 0 and len(plans) == 1 else ""
    text = f"{plan.before}{sign}{number}{'.' if plan.point else ''}{'%' if plan.percent else ''}{plan.after}"
    return text.strip()


def _cell_text(value: object, number_format: str = "General") -> str:
    if value is None:
        # In data_only mode a formula without a cached value (a workbook written by a library and never
        # opened in Excel) reads as None: skipped, rather than printed as "None".
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float) and number_format != "General":
        # As the sheet shows it: "30,000.00", not the stored 30000 (money patterns want the grouped amount).
        formatted = _formatted_number(float(value), number_format)
        if formatted is not None:
            return formatted
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def _row_text(row: tuple[Any, ...]) -> str:
    """A sheet row's cells joined; empty cells between filled ones are kept in place (as the DOCX and HTML
    tables keep theirs), so a month grid's row still says which months hold an amount."""
    texts = [_cell_text(cell.value, cell.number_format if type(cell.value) in (int, float) else "General")
             for cell in row]
    filled = [i for i, t in enumerate(texts) if t]
    return CELL_SEP.join(texts[filled[0]:filled[-1] + 1]) if filled else ""


_DRAWING_MAX_BYTES = 5_000_000  # a drawing part's XML: pictures' anchors only; a larger one is not read


def _xlsx_pictures(body: bytes) -> int:
    """Page-sized pictures in a workbook's drawings (`xdr:pic`; charts and shapes are no pictures)."""
    from xml.etree import ElementTree

    count = 0
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        for info in archive.infolist():
            if not (info.filename.startswith("xl/drawings/") and info.filename.endswith(".xml")) \
                    or info.file_size > _DRAWING_MAX_BYTES:
                continue
            root = ElementTree.fromstring(archive.read(info))
            for pic in root.iter(f"{{{_XDR}}}pic"):
                ext = next(pic.iter(f"{{{_A}}}ext"), None)
                size = (_emu(ext.get("cx")), _emu(ext.get("cy"))) if ext is not None else (None, None)
                count += not _is_small(*size)
    return count


def extract_xlsx(body: bytes, url: str) -> Document:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    except (InvalidFileException, *_BROKEN) as exc:
        return _corrupt(url, DocKind.XLSX, exc)
    pages: list[str] = []
    cells_read = 0
    typed = 0  # visible characters in the cells (the sheet names are the workbook's, not typed content)
    try:
        title = (workbook.properties.title or "").strip() if workbook.properties else ""
        for sheet in workbook.worksheets:
            lines = [sheet.title]
            for row in sheet.iter_rows():
                line = _row_text(row)
                cells_read += len(row)
                if line:
                    lines.append(line)
                    typed += _visible_chars([line.replace(CELL_SEP, "")])
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
    try:
        # a sheet holding a pasted scan of the report (review67 b06's DOCX, as a workbook): pictures, no text
        pictures = _xlsx_pictures(body)
    except _BROKEN:
        pictures = 0  # the cells were read; a damaged drawing only loses the pictures' count
    return Document(url=url, kind=DocKind.XLSX, pages=tuple(pages), title=title, page_count=len(pages),
                    needs_ocr=_pictures_only(pictures, typed))
