"""The fix kit's documents to fill in: DOCX (python-docx) and XLSX (openpyxl) bytes from an item's template.

A template is catalogue data (`Item.template`, rules/README.md "Templates"); this module lays it out. Every
document opens with its title, the fiscal year the item's rule asks for and the agency's name, has the headings,
the table and (where the item needs one) the signature block the catalogue lists, and leaves a blank
`[กรอก: …]` wherever a person must write. The table has one example row, marked `[ตัวอย่าง]`. A template
published unfilled fails its item (`template_unfilled`, text/blanks.py), however many headings it shows.

`fill_blanks` writes answers into the blanks of a generated file (the round-trip test fills every blank with
the catalogue's sample answers, `sample_answers`, and checks the result with the real checker).

Text reaching a file is sanitised (`sanitize.xml_text`: no control characters, no bidi overrides, no
characters XML cannot carry) and folded to one line; a workbook cell is never a formula. Returns bytes; the
CLI writes the files.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from oit_checker.model import FiscalYearRule, Item, Template, TemplateKind, TemplateSection
from oit_checker.text import blanks, sanitize

FONT = "TH SarabunPSK"  # the Thai government document font; Word substitutes a Thai font where it is missing
FONT_SIZE_PT = 16
MONTHS_TH = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
             "ตุลาคม", "พฤศจิกายน", "ธันวาคม")

# The signature block (ประกาศ ณ วันที่ / ลงชื่อ / (ชื่อ) / ตำแหน่ง): its blanks and their sample answers.
SIGN_DATE_HINT = "วัน เดือน ปี ที่ลงนาม"
SIGN_NAME_HINT = "ชื่อ-นามสกุลผู้ลงนาม"
SIGN_POSITION_HINT = "ตำแหน่งผู้บริหารสูงสุด เช่น {executive}"
SIGN_NAME_SAMPLE = "นายสมชาย ใจดี"
SIGN_LINE = "(ลงชื่อ) ............................................................"
# A multi-year plan (covers_current): the years it spans are blanks.
RANGE_FIRST_HINT = "ปีแรกของแผน (ไม่หลังปี {year})"
RANGE_LAST_HINT = "ปีสุดท้ายของแผน (ไม่ก่อนปี {year})"

_EXECUTIVE = (  # how an agency's name starts → the title of its top executive
    ("องค์การบริหารส่วนตำบล", "นายก{agency}"),
    ("องค์การบริหารส่วนจังหวัด", "นายก{agency}"),
    ("เทศบาลนคร", "นายกเทศมนตรีนคร{rest}"),
    ("เทศบาลเมือง", "นายกเทศมนตรีเมือง{rest}"),
    ("เทศบาลตำบล", "นายกเทศมนตรีตำบล{rest}"),
    ("เมืองพัทยา", "นายกเมืองพัทยา"),
    ("กรุงเทพมหานคร", "ผู้ว่าราชการกรุงเทพมหานคร"),
    ("จังหวัด", "ผู้ว่าราชการ{agency}"),
    ("กรม", "อธิบดี{agency}"),
)


# ---------------------------------------------------------------- what the text fields are filled with


@dataclass(frozen=True)
class TemplateContext:
    """Who the document is for and which year it must name."""

    agency: str
    fiscal_year: int  # the fiscal year being checked
    rule: FiscalYearRule = FiscalYearRule.CURRENT

    @property
    def year(self) -> int:
        """The fiscal year the document must name under the item's rule."""
        return self.rule.data_year(self.fiscal_year)

    @property
    def start_year(self) -> int:
        """The BE year in which `year` begins (1 October)."""
        return self.year - 1

    def values(self) -> dict[str, object]:
        return {"agency": clean_line(self.agency), "year": self.year, "fiscal_year": self.fiscal_year,
                "start_year": self.start_year}

    def fill(self, text: str) -> str:
        """A catalogue text with its placeholders filled (validated in catalogue/rules.py)."""
        try:
            return text.format_map(self.values())
        except (KeyError, ValueError, IndexError):
            return text


def clean_line(text: str) -> str:
    """Text a DOCX or XLSX can carry, on one line: no controls, no bidi overrides, no invalid XML characters."""
    return " ".join(sanitize.xml_text(str(text)).split())


def executive_title(agency: str) -> str:
    """The usual title of the agency's top executive ("นายกองค์การบริหารส่วนตำบลX"), for the signature block."""
    name = clean_line(agency)
    for start, title in _EXECUTIVE:
        if name.startswith(start):
            return title.format(agency=name, rest=name[len(start):])
    return "หัวหน้าส่วนราชการ"


def title_of(item: Item, template: Template, ctx: TemplateContext) -> str:
    return ctx.fill(template.title) if template.title else item.name_th


def fiscal_line(rule: FiscalYearRule, ctx: TemplateContext) -> str:
    """The line under the title that names the fiscal year the item's rule asks for ("" for no rule)."""
    if rule is FiscalYearRule.NONE:
        return ""
    if rule is FiscalYearRule.FIRST_HALF_CURRENT:
        return (f"ประจำปีงบประมาณ พ.ศ. {ctx.year} รอบ 6 เดือนแรก "
                f"(1 ตุลาคม {ctx.start_year} – 31 มีนาคม {ctx.year})")
    if rule is FiscalYearRule.COVERS_CURRENT:
        first = blanks.blank(ctx.fill(RANGE_FIRST_HINT))
        last = blanks.blank(ctx.fill(RANGE_LAST_HINT))
        return f"(พ.ศ. {first} – {last})"
    return f"ประจำปีงบประมาณ พ.ศ. {ctx.year}"


def file_name(item: Item, template: Template, ctx: TemplateContext) -> str:
    """`O25-2568.docx`, `O12-ITA-o12-2568.xlsx`: ASCII, so the kit unzips anywhere."""
    sheet = re.sub(r"[^A-Za-z0-9-]+", "", template.sheet)
    middle = f"-{sheet}" if sheet else ""
    return f"{item.id}{middle}-{ctx.year}.{template.file_format}"


def sample_answers(item: Item, template: Template, ctx: TemplateContext) -> dict[str, str]:
    """Every blank's hint (as written in the file) → the catalogue's sample answer for it."""
    answers: dict[str, str] = {}
    for section in template.sections:
        answers[_hint(ctx.fill(section.hint))] = clean_line(ctx.fill(section.sample))
    for field in template.fields:
        if not field.value:
            answers[_hint(ctx.fill(field.hint))] = clean_line(ctx.fill(field.sample))
    if template.signed:
        answers[_hint(SIGN_DATE_HINT)] = f"1 {MONTHS_TH[9]} {ctx.start_year}"
        answers[_hint(SIGN_NAME_HINT)] = SIGN_NAME_SAMPLE
        answers[_hint(_position_hint(ctx))] = executive_title(ctx.agency)
    if item.fiscal_year_rule is FiscalYearRule.COVERS_CURRENT:
        answers[_hint(ctx.fill(RANGE_FIRST_HINT))] = str(ctx.year - 2)
        answers[_hint(ctx.fill(RANGE_LAST_HINT))] = str(ctx.year + 2)
    return answers


def _hint(text: str) -> str:
    return " ".join(clean_line(text).split())


def _position_hint(ctx: TemplateContext) -> str:
    return SIGN_POSITION_HINT.format(executive=executive_title(ctx.agency))


def render(item: Item, template: Template, ctx: TemplateContext) -> bytes:
    """The template as DOCX or XLSX bytes (`template.file_format`)."""
    if template.kind is TemplateKind.WORKBOOK:
        return _xlsx(item, template, ctx)
    return _docx(item, template, ctx)


def _head_lines(item: Item, template: Template, ctx: TemplateContext) -> list[str]:
    title = title_of(item, template, ctx)
    year = fiscal_line(item.fiscal_year_rule, ctx)
    agency = clean_line(ctx.agency)
    if template.kind is TemplateKind.ANNOUNCEMENT:
        lines = [f"ประกาศ{agency}", f"เรื่อง {title}", year]
    else:
        lines = [title, year, agency]
    return [clean_line(x) for x in lines if x]


def _table_after(template: Template) -> int:
    """Index of the section the table follows; len(sections) = after the last one (or the only place)."""
    for i, s in enumerate(template.sections):
        if s.table:
            return i
    return len(template.sections)


# ---------------------------------------------------------------- DOCX


def _docx_fonts(document: Any) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(FONT_SIZE_PT)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    size_cs = rpr.makeelement(qn("w:szCs"), {qn("w:val"): str(FONT_SIZE_PT * 2)})
    rpr.append(size_cs)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    for section in document.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.0)
        section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)


def _bold_cs(run: Any) -> None:
    """Bold for Thai too: Word draws complex-script text bold only with w:bCs."""
    from docx.oxml.ns import qn

    run.bold = True
    rpr = run._element.get_or_add_rPr()
    rpr.append(rpr.makeelement(qn("w:bCs"), {}))


def _paragraph(document: Any, text: str, *, bold: bool = False, center: bool = False, italic: bool = False,
               indent_cm: float = 0.0) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    p = document.add_paragraph()
    run = p.add_run(clean_line(text))
    if bold:
        _bold_cs(run)
    run.italic = italic
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if indent_cm:
        p.paragraph_format.left_indent = Cm(indent_cm)
    return p


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml.ns import qn

    props = cell._tc.get_or_add_tcPr()
    props.append(props.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill}))


def _docx_table(document: Any, template: Template, ctx: TemplateContext) -> None:
    columns = template.columns
    table = document.add_table(rows=2 + template.rows, cols=len(columns))
    table.style = "Table Grid"
    for cell, col in zip(table.rows[0].cells, columns, strict=True):
        cell.text = ""
        _bold_cs(cell.paragraphs[0].add_run(clean_line(ctx.fill(col.header))))
        _shade(cell, "D9E2F3")
    for i, (cell, col) in enumerate(zip(table.rows[1].cells, columns, strict=True)):
        value = clean_line(ctx.fill(col.example))
        cell.text = ""
        run = cell.paragraphs[0].add_run(f"{blanks.EXAMPLE_MARK} {value}" if i == 0 else value)
        run.italic = True
        _shade(cell, "FFF2CC")
    document.add_paragraph()


def _docx_signature(document: Any, ctx: TemplateContext) -> None:
    document.add_paragraph()
    indent = 7.0
    _paragraph(document, f"ประกาศ ณ วันที่ {blanks.blank(SIGN_DATE_HINT)}", indent_cm=indent)
    document.add_paragraph()
    _paragraph(document, SIGN_LINE, indent_cm=indent)
    _paragraph(document, f"({blanks.blank(SIGN_NAME_HINT)})", indent_cm=indent)
    _paragraph(document, blanks.blank(_position_hint(ctx)), indent_cm=indent)


def _docx_section(document: Any, section: TemplateSection, ctx: TemplateContext) -> None:
    _paragraph(document, ctx.fill(section.heading), bold=True)
    _paragraph(document, blanks.blank(ctx.fill(section.hint)), indent_cm=1.0)


def _docx(item: Item, template: Template, ctx: TemplateContext) -> bytes:
    import docx

    document = docx.Document()
    _docx_fonts(document)
    head = _head_lines(item, template, ctx)
    for line in head:
        _paragraph(document, line, bold=True, center=True)
    document.add_paragraph()
    table_at = _table_after(template)
    for i, section in enumerate(template.sections):
        _docx_section(document, section, ctx)
        if i == table_at and template.columns:
            _docx_table(document, template, ctx)
    if table_at == len(template.sections) and template.columns:
        _docx_table(document, template, ctx)
    if template.signed:
        _docx_signature(document, ctx)
    props = document.core_properties
    props.title = " ".join(head[:2])
    props.author = props.last_modified_by = clean_line(ctx.agency)
    props.comments = "oit-checker"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- XLSX


def _set(ws: Any, row: int, col: int, value: object, **style: Any) -> Any:
    """Write one cell; text never becomes a formula (a value starting with "=" stays text)."""
    cell = ws.cell(row=row, column=col)
    cell.value = clean_line(str(value)) if isinstance(value, str) else value
    if cell.data_type == "f":
        cell.data_type = "s"
    for key, val in style.items():
        setattr(cell, key, val)
    return cell


def _xlsx(item: Item, template: Template, ctx: TemplateContext) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = clean_line(ctx.fill(template.sheet))[:31] or item.id
    width = max(len(template.columns), 2)
    bold, italic = Font(name=FONT, bold=True, size=14), Font(name=FONT, italic=True, size=14)
    plain = Font(name=FONT, size=14)
    thin = Side(style="thin", color="999999")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    row = 1
    for line in _head_lines(item, template, ctx):
        _set(ws, row, 1, line, font=bold)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        row += 1
    row += 1
    for field in template.fields:
        _set(ws, row, 1, ctx.fill(field.label), font=bold)
        value = ctx.fill(field.value) if field.value else blanks.blank(ctx.fill(field.hint))
        _set(ws, row, 2, value, font=plain)
        row += 1
    if template.fields:
        row += 1
    table_at = _table_after(template)

    def table(row: int) -> int:
        for col, c in enumerate(template.columns, start=1):
            _set(ws, row, col, ctx.fill(c.header), font=bold, border=box, alignment=wrap,
                 fill=PatternFill("solid", fgColor="D9E2F3"))
        header_row = row
        row += 1
        for col, c in enumerate(template.columns, start=1):
            value = clean_line(ctx.fill(c.example))
            _set(ws, row, col, f"{blanks.EXAMPLE_MARK} {value}" if col == 1 else value, font=italic, border=box,
                 alignment=wrap, fill=PatternFill("solid", fgColor="FFF2CC"))
        for _ in range(template.rows):
            row += 1
            for col in range(1, len(template.columns) + 1):
                _set(ws, row, col, None, border=box)
        ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
        return row + 2

    for i, section in enumerate(template.sections):
        _set(ws, row, 1, ctx.fill(section.heading), font=bold)
        _set(ws, row + 1, 1, blanks.blank(ctx.fill(section.hint)), font=plain)
        ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=width)
        row += 3
        if i == table_at:
            row = table(row)
    if table_at == len(template.sections):
        row = table(row)
    for col, c in enumerate(template.columns, start=1):
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = min(max(12, len(ctx.fill(c.header)) + 4,
                                                     len(ctx.fill(c.example)) + 4), 45)
    wb.properties.title = " ".join(_head_lines(item, template, ctx)[:2])
    wb.properties.creator = clean_line(ctx.agency)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- filling the blanks of a generated file


def fill_blanks(data: bytes, file_format: str, answers: Mapping[str, str]) -> bytes:
    """The file with every blank whose hint `answers` knows replaced, and its example row made a real row."""
    if file_format == "xlsx":
        return _fill_xlsx(data, answers)
    return _fill_docx(data, answers)


def _filled(text: str, answers: Mapping[str, str]) -> str:
    return blanks.strip_example_mark(blanks.replace_blanks(text, dict(answers)))


def _docx_paragraphs(document: Any) -> Iterable[Any]:
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def _fill_docx(data: bytes, answers: Mapping[str, str]) -> bytes:
    import docx

    document = docx.Document(io.BytesIO(data))
    for p in _docx_paragraphs(document):
        text = p.text
        if not blanks.has_marks(text):
            continue
        new = _filled(text, answers)
        runs = p.runs
        runs[0].text = new
        for run in runs[1:]:
            run.text = ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _fill_xlsx(data: bytes, answers: Mapping[str, str]) -> bytes:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and blanks.has_marks(cell.value):
                    cell.value = _filled(cell.value, answers)
                    if cell.data_type == "f":
                        cell.data_type = "s"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
