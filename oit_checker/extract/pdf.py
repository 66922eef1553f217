"""PDF → Document with pypdfium2.

pypdfium2 honours the /ActualText spans LibreOffice writes for Thai clusters (sara am, lowered marks),
which pypdf/pdfminer do not. Text comes from `get_text_bounded()`: on the corpus it gives the same
phrases as `get_text_range()` but without the spurious line breaks that `get_text_range()` puts around
each /ActualText span (`ฟื้นฟ⏎ู⏎ป่าไม้`), so quoted evidence reads as the page does.

Every failure is returned as data (`Document.error`), never raised: encrypted, corrupt, empty.
"""

from __future__ import annotations

import re
import threading

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from oit_checker.model import DocError, DocKind, Document

# PDFium is not thread-safe. The pool runs one document per process; this lock keeps the in-process
# mode (threads) correct too.
PDFIUM_LOCK = threading.Lock()

# A page with fewer visible characters than this carries no text layer worth reading (a scan may still
# hold a page number or a stamp in text).
_TEXTLESS_PAGE_CHARS = 16

# If bounded extraction returns much less than the page's character count, text lies outside the crop
# box or the bounds failed; fall back to the whole text range rather than lose it.
_BOUNDED_MIN_SHARE = 0.5

# Some fonts' sara am (ำ) makes PDFium put a space after it ("ทุนสำ รอง", "ดำ เนินงาน"): the glyph's advance
# reads as a gap. A Thai writer's space after ำ ends a phrase, a minority of them; when most of a document's ำ
# are followed by a space and a consonant or leading vowel, the spaces are the font's, and go.
_SPACE_AFTER_AM = re.compile(r"\u0e33 (?=[\u0e01-\u0e2e\u0e40-\u0e44])")
_SPLIT_AM_MIN = 4  # a document with fewer ำ says too little to tell

# A consonant and its upper marks, its syllable's final consonant, then the same consonant and marks again, not
# followed by another mark nor by that final: `_drop_repeated_clusters`.
_UPPER_MARKS = "\u0e31\u0e34-\u0e37\u0e47-\u0e4c"
_REPEATED_CLUSTER = re.compile(rf"([ก-ฮ])([{_UPPER_MARKS}]+)([ก-ฮ])\1\2(?![{_UPPER_MARKS}])(?!\3)")
_UPPER_MARK_PAIR = re.compile(rf"[{_UPPER_MARKS}][ก-ฮ][ก-ฮ][{_UPPER_MARKS}]")  # a cheap look before the sub

# What PDF printers put in /Title instead of a title.
_TITLE_PREFIXES = ("microsoft word - ", "microsoft excel - ", "microsoft powerpoint - ")
_TITLE_JUNK = frozenset({"", "untitled", "print", "document", "untitled document"})
_FILE_SUFFIXES = (".doc", ".docx", ".pdf", ".xls", ".xlsx", ".rtf", ".odt")

_ERRORS = {
    pdfium_c.FPDF_ERR_FILE: "file access error",
    pdfium_c.FPDF_ERR_FORMAT: "not a PDF or damaged beyond repair",
    pdfium_c.FPDF_ERR_PASSWORD: "password required",
    pdfium_c.FPDF_ERR_SECURITY: "unsupported security handler",
    pdfium_c.FPDF_ERR_PAGE: "page not found or content error",
}


class _PdfError(Exception):
    def __init__(self, error: DocError, detail: str = "") -> None:
        super().__init__(error.value)
        self.error = error
        self.detail = detail


def _open(body: bytes) -> pdfium.PdfDocument:
    """Open from memory; an empty user password is tried because PDF readers open such files silently.

    The raw loader is used (not `PdfDocument(bytes)`) so a zero-page file is told apart from a broken
    one and its handle is closed instead of leaked. PDFium reads `body` in place (no copy): the caller
    keeps it alive until the document is closed.
    """
    raw = None
    err = pdfium_c.FPDF_ERR_UNKNOWN
    for password in (None, b""):
        raw = pdfium_c.FPDF_LoadMemDocument64(body, len(body), password)
        if raw:
            break
        err = pdfium_c.FPDF_GetLastError()
        if err != pdfium_c.FPDF_ERR_PASSWORD:
            break
    if not raw:
        if err in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise _PdfError(DocError.ENCRYPTED)
        raise _PdfError(DocError.CORRUPT, _ERRORS.get(err, "unknown PDFium error"))
    if pdfium_c.FPDF_GetPageCount(raw) < 1:
        pdfium_c.FPDF_CloseDocument(raw)
        raise _PdfError(DocError.EMPTY)
    return pdfium.PdfDocument(raw)


def _page_text(page: pdfium.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_bounded()
        n_chars = textpage.count_chars()
        if n_chars > 0 and len(text) < _BOUNDED_MIN_SHARE * n_chars:
            text = textpage.get_text_range()
    finally:
        textpage.close()
    # PDFium ends lines with CRLF and may emit NULs/U+FFFE for unmapped glyphs; the matcher wants plain
    # line breaks and no noise from glyphs that have no Unicode value.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").replace("\ufffe", "")


def _drop_repeated_clusters(text: str) -> str:
    """`text` without the clusters a PDF's text layer repeats after their syllable: Chromium printing Thai with some
    fonts (Garuda, Loma, Norasi) writes a consonant with its upper marks twice ("ขั้นขั้ ตอน", "แต่งตั้งตั้คณะ",
    "ครั้งรั้"). A syllable said twice keeps its final ("ทั้งทั้ง"), a longer cluster its next mark ("ยับยั้ง")."""
    return _REPEATED_CLUSTER.sub(r"\1\2\3", text) if _UPPER_MARK_PAIR.search(text) else text


def _join_split_sara_am(pages: list[str]) -> list[str]:
    """The pages without the spaces a font put after sara am, when most of the document's ำ have one."""
    am = sum(p.count("\u0e33") for p in pages)
    if am < _SPLIT_AM_MIN:
        return pages
    split = sum(len(_SPACE_AFTER_AM.findall(p)) for p in pages)
    if split * 2 < am:
        return pages
    return [_SPACE_AFTER_AM.sub("\u0e33", p) for p in pages]


def _visible_chars(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


def _title(pdf: pdfium.PdfDocument, pages: list[str]) -> str:
    try:
        meta = (pdf.get_metadata_value("Title") or "").strip()
    except Exception:  # metadata is a nicety; a damaged Info dictionary must not fail the document
        meta = ""
    for prefix in _TITLE_PREFIXES:
        if meta.lower().startswith(prefix):
            meta = meta[len(prefix) :].strip()
    if meta.lower() not in _TITLE_JUNK and not meta.lower().endswith(_FILE_SUFFIXES):
        return meta
    for page in pages:
        for line in page.splitlines():
            if line.strip():
                return line.strip()
    return ""


def extract_pdf(body: bytes, url: str) -> Document:
    with PDFIUM_LOCK:
        try:
            pdf = _open(body)
        except _PdfError as exc:
            return Document(url=url, kind=DocKind.PDF, error=exc.error, error_detail=exc.detail)
        try:
            pages: list[str] = []
            for i in range(len(pdf)):
                try:
                    page = pdf[i]
                except pdfium.PdfiumError:
                    # One damaged page must not cost the others their text; it counts as textless.
                    pages.append("")
                    continue
                try:
                    pages.append(_page_text(page))
                except pdfium.PdfiumError:
                    pages.append("")
                finally:
                    page.close()
            pages = [_drop_repeated_clusters(p) for p in _join_split_sara_am(pages)]
            title = _title(pdf, pages)
        finally:
            pdf.close()
    textless = sum(1 for p in pages if _visible_chars(p) < _TEXTLESS_PAGE_CHARS)
    return Document(
        url=url,
        kind=DocKind.PDF,
        pages=tuple(pages),
        title=title,
        page_count=len(pages),
        # Half the pages without text means the content is scanned; a typed cover on a scanned body is
        # the common case and must not hide the scan.
        needs_ocr=textless * 2 > len(pages),
    )
