"""Decide what kind of document a body is.

Servers lie about content types (a PDF as text/html or application/octet-stream, a 200 "not found"
HTML page as application/pdf), so the bytes win over the header, and the header wins over the URL.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from urllib.parse import unquote, urlsplit

from oit_checker.model import DocKind

# Some generators (and servers that prepend junk) put bytes before the header; PDF readers accept the
# header anywhere in the first 1024 bytes, so we do too.
_PDF_WINDOW = 1024
_HTML_WINDOW = 512

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls: not readable here, reported as such
_ZIP = b"PK\x03\x04"
_HTML_STARTS = (b"<!doctype", b"<html", b"<head", b"<body", b"<meta", b"<title")

_MEDIA_TYPES: dict[str, DocKind] = {
    "text/html": DocKind.HTML,
    "application/xhtml+xml": DocKind.HTML,
    "application/pdf": DocKind.PDF,
    "application/x-pdf": DocKind.PDF,
    "application/acrobat": DocKind.PDF,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": DocKind.DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": DocKind.XLSX,
}

_EXTENSIONS: dict[str, DocKind] = {
    ".pdf": DocKind.PDF,
    ".docx": DocKind.DOCX,
    ".xlsx": DocKind.XLSX,
    ".html": DocKind.HTML,
    ".htm": DocKind.HTML,
    ".shtml": DocKind.HTML,
    ".php": DocKind.HTML,
    ".asp": DocKind.HTML,
    ".aspx": DocKind.HTML,
    ".jsp": DocKind.HTML,
    ".jpg": DocKind.IMAGE,
    ".jpeg": DocKind.IMAGE,
    ".png": DocKind.IMAGE,
    ".gif": DocKind.IMAGE,
    ".webp": DocKind.IMAGE,
}


def media_type(content_type: str) -> str:
    """`text/html; charset=tis-620` → `text/html`."""
    return content_type.split(";", 1)[0].strip().lower()


def _image_magic(head: bytes) -> bool:
    return (
        head.startswith(b"\xff\xd8\xff")  # JPEG
        or head.startswith(b"\x89PNG\r\n\x1a\n")
        or head.startswith((b"GIF87a", b"GIF89a"))
        or (head.startswith(b"RIFF") and head[8:12] == b"WEBP")
    )


def _looks_html(head: bytes) -> bool:
    if head.startswith(_BOMS):
        return True
    start = head.lstrip().lower()
    # A leading comment (CMS banners, "<!-- saved from url=... -->") hides the doctype; look past it.
    if start.startswith(b"<!--"):
        return any(marker in start for marker in _HTML_STARTS)
    return start.startswith(_HTML_STARTS)


def _zip_kind_from_headers(body: bytes) -> DocKind | None:
    """DOCX vs XLSX from the member names in the local file headers, in clear in the bytes: no parsing."""
    if b"word/document.xml" in body:
        return DocKind.DOCX
    if b"xl/workbook.xml" in body:
        return DocKind.XLSX
    return None


def _zip_kind(body: bytes, read_zip: bool = True) -> DocKind | None:
    """DOCX vs XLSX by member names; None when the zip is neither (or unreadable and unrecognisable).

    `read_zip=False` never reads the zip's central directory: a hostile file can list hundreds of thousands
    of members, and only an extraction worker (bounded in time and memory) may pay for reading them."""
    if not read_zip:
        return _zip_kind_from_headers(body)
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as zf:
            names = zf.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        # A truncated download has no central directory, but its local file headers still carry the
        # member names in clear; they are enough to tell which extractor should report it as corrupt.
        return _zip_kind_from_headers(body)
    if any(n.startswith("word/") for n in names):
        return DocKind.DOCX
    if any(n.startswith("xl/") for n in names):
        return DocKind.XLSX
    return None


def _url_kind(url: str) -> DocKind | None:
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return None
    ext = posixpath.splitext(path)[1].lower()
    if ext in (".doc", ".xls", ".ppt", ".pptx", ".odt", ".ods", ".zip", ".rar"):
        return DocKind.OTHER
    return _EXTENSIONS.get(ext)


def _hint_kind(content_type: str, url: str) -> DocKind:
    mt = media_type(content_type)
    kind = _MEDIA_TYPES.get(mt)
    if kind is not None:
        return kind
    if mt.startswith("image/"):
        return DocKind.IMAGE
    return _url_kind(url) or DocKind.OTHER


def detect_kind(body: bytes, content_type: str, url: str, *, read_zip: bool = True) -> DocKind:
    """The document's kind from its bytes, then its header, then its URL. The main process passes
    `read_zip=False` (cache keys, scheduling); the extraction worker reads the zip directory."""
    head = body[:_PDF_WINDOW]
    if b"%PDF-" in head:
        return DocKind.PDF
    if head.startswith(_ZIP):
        return _zip_kind(body, read_zip) or _hint_kind(content_type, url)
    if head.startswith(_OLE):
        return DocKind.OTHER
    if _image_magic(head):
        return DocKind.IMAGE
    if _looks_html(head[:_HTML_WINDOW]):
        return DocKind.HTML
    return _hint_kind(content_type, url)


# What an unread format is, in the words of a working group: named in the unsupported_format reason.
_FORMAT_NAMES = {
    ".doc": "Word 97–2003 (.doc)", ".xls": "Excel 97–2003 (.xls)", ".ppt": "PowerPoint 97–2003 (.ppt)",
    ".pptx": "PowerPoint (.pptx)", ".odt": "OpenDocument (.odt)", ".ods": "OpenDocument (.ods)",
    ".zip": "ZIP archive (.zip)", ".rar": "RAR archive (.rar)", ".7z": "7-Zip archive (.7z)", ".txt": "text (.txt)",
}


def format_name(body: bytes, url: str) -> str:
    """A short name of a format we do not read: from the file name, else from its first bytes."""
    try:
        ext = posixpath.splitext(unquote(urlsplit(url).path))[1].lower()
    except ValueError:
        ext = ""
    if ext in _FORMAT_NAMES:
        return _FORMAT_NAMES[ext]
    head = body[:8]
    if head.startswith(_OLE):
        return "Office 97–2003 (.doc/.xls/.ppt)"
    if head.startswith(b"Rar!"):
        return _FORMAT_NAMES[".rar"]
    if head.startswith(_ZIP):
        return _FORMAT_NAMES[".zip"]
    if head.startswith(b"7z\xbc\xaf"):
        return _FORMAT_NAMES[".7z"]
    return ext.lstrip(".") or "unknown"
