"""Bytes + content type → `Document` (text per page, page count, title, links).

`extract()` is the one entry point: it sniffs the kind from the bytes (servers lie about content types),
dispatches to the extractor for that kind, and never raises. Failures are data: `Document.error` is a
`DocError` (unsupported, empty, encrypted, corrupt, too_complex, timeout) and `Document.error_detail` says
what the parser said. `too_complex` and `timeout` are our bounds, set by the process pool, not the document's
defects.

Text is NFC (`Document.pages`), not yet normalized for matching (see `oit_checker.text.thai`).
"""

from __future__ import annotations

import dataclasses
import unicodedata

from oit_checker.extract.errors import describe
from oit_checker.extract.sniff import detect_kind, format_name
from oit_checker.model import DocError, DocKind, Document

__all__ = ["detect_kind", "extract"]

_CONTROL = dict.fromkeys([*range(0x00, 0x20), 0x7F], " ")

# Bounds on what one document hands to the main process, where fetching for every agency goes on:
# evaluation, link choice and year scanning are linear in these, so a 45 MB page costs what 2 MB does.
# 2 M characters is about 1,000 pages of Thai text; a real ITA document is far below.
MAX_TEXT_CHARS = 2_000_000
MAX_LINKS = 5_000


def _bound(doc: Document) -> Document:
    """Text beyond MAX_TEXT_CHARS and links beyond MAX_LINKS dropped, and said so (`Document.truncated`)."""
    total = sum(map(len, doc.pages))
    cuts = []
    pages = doc.pages
    if total > MAX_TEXT_CHARS:
        kept: list[str] = []
        room = MAX_TEXT_CHARS
        for page in doc.pages:
            if room <= 0:
                kept.append("")  # page numbers stay right for what was read
                continue
            kept.append(page[:room])
            room -= len(page)
        pages = tuple(kept)
        cuts.append(f"text {total / 1e6:.1f} M characters, the first {MAX_TEXT_CHARS / 1e6:.1f} M read")
    links = doc.links
    if len(links) > MAX_LINKS:
        cuts.append(f"{len(links):,} links, the first {MAX_LINKS:,} kept")
        links = links[:MAX_LINKS]
    if not cuts:
        return doc
    return dataclasses.replace(doc, pages=pages, links=links, truncated="; ".join(cuts))


def _tidy(doc: Document) -> Document:
    """NFC for every page; a title (shown in reports) loses control characters from broken ToUnicode maps."""
    pages = tuple(unicodedata.normalize("NFC", p) for p in doc.pages)
    title = " ".join(unicodedata.normalize("NFC", doc.title).translate(_CONTROL).split())
    if pages == doc.pages and title == doc.title:
        return doc
    return dataclasses.replace(doc, pages=pages, title=title)


def _dispatch(body: bytes, url: str, kind: DocKind, charset: str | None) -> Document:
    # Imported here so a worker that only ever sees HTML does not pay for pdfium/openpyxl imports twice
    # and so one broken optional library cannot take down the others.
    if kind is DocKind.HTML:
        from oit_checker.extract.html import extract_html

        return extract_html(body, url, charset)
    if kind is DocKind.PDF:
        from oit_checker.extract.pdf import extract_pdf

        return extract_pdf(body, url)
    if kind is DocKind.DOCX:
        from oit_checker.extract.office import extract_docx

        return extract_docx(body, url)
    if kind is DocKind.XLSX:
        from oit_checker.extract.office import extract_xlsx

        return extract_xlsx(body, url)
    if kind is DocKind.IMAGE:
        from oit_checker.extract.image import extract_image

        return extract_image(body, url)
    return Document(url=url, kind=DocKind.OTHER, error=DocError.UNSUPPORTED, error_detail=format_name(body, url))


def extract(body: bytes, url: str, content_type: str = "", charset: str | None = None) -> Document:
    kind = DocKind.OTHER
    try:
        kind = detect_kind(body, content_type, url)
        if not body:
            return Document(url=url, kind=kind, error=DocError.EMPTY)
        return _bound(_tidy(_dispatch(body, url, kind, charset)))
    except MemoryError:
        return Document(url=url, kind=kind, error=DocError.TOO_COMPLEX)
    except Exception as exc:  # the contract is "never raises": a bug or a surprise becomes data
        return Document(url=url, kind=kind, error=DocError.CORRUPT, error_detail=describe(exc))
