"""Kind detection: the bytes beat the header, the header beats the URL."""

from __future__ import annotations

import io
import zipfile

import pytest

from oit_checker.extract import extract
from oit_checker.extract.sniff import detect_kind, media_type
from oit_checker.model import DocKind
from tests.support.paths import ROOT

FIXTURES = ROOT / "fixtures"
A1_PDF = (FIXTURES / "corpus" / "a1_laksaman.pdf").read_bytes()
A1_DOCX = (FIXTURES / "corpus" / "a1_laksaman.docx").read_bytes()
E3_XLSX = (FIXTURES / "corpus" / "e3_libreoffice_plan.xlsx").read_bytes()
H1 = (FIXTURES / "corpus" / "h1_utf8_meta.html").read_bytes()


@pytest.mark.parametrize("content_type", ["text/html; charset=utf-8", "application/octet-stream", ""])
def test_pdf_whatever_the_header_says(content_type: str) -> None:
    assert detect_kind(A1_PDF, content_type, "https://x.go.th/download.php?id=7") is DocKind.PDF
    doc = extract(A1_PDF, "https://x.go.th/download.php?id=7", content_type)
    assert doc.kind is DocKind.PDF and doc.page_count == 2 and doc.error is None


def test_pdf_header_after_junk() -> None:
    assert detect_kind(b"\r\n" * 100 + A1_PDF, "text/html", "") is DocKind.PDF
    assert detect_kind(b" " * 2000 + A1_PDF, "", "") is DocKind.OTHER  # beyond what readers accept


def test_docx_and_xlsx_told_apart_by_zip_members() -> None:
    # Served with the wrong (or a generic) type and a misleading name.
    assert detect_kind(A1_DOCX, "application/zip", "https://x.go.th/f.xlsx") is DocKind.DOCX
    assert detect_kind(E3_XLSX, "application/octet-stream", "https://x.go.th/f.docx") is DocKind.XLSX
    assert detect_kind(A1_DOCX, "", "") is DocKind.DOCX
    assert detect_kind(E3_XLSX, "", "") is DocKind.XLSX


def test_truncated_office_zip_still_recognised() -> None:
    # No central directory, but the local headers still name the members.
    assert detect_kind(A1_DOCX[: len(A1_DOCX) // 2], "application/octet-stream", "") is DocKind.DOCX


def test_plain_zip_falls_back_to_header_and_extension() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "x")
    body = buf.getvalue()
    assert detect_kind(body, "", "https://x.go.th/a.zip") is DocKind.OTHER
    assert detect_kind(body, "", "https://x.go.th/a.docx") is DocKind.DOCX  # → reported corrupt later
    assert detect_kind(b"PK\x03\x04garbage", "", "https://x.go.th/a.xlsx") is DocKind.XLSX


def test_html_error_page_served_as_pdf() -> None:
    page = b"<!DOCTYPE html><html><body>404 Not Found</body></html>"
    assert detect_kind(page, "application/pdf", "https://x.go.th/a.pdf") is DocKind.HTML
    assert detect_kind(b"\xef\xbb\xbf<p>x</p>", "", "") is DocKind.HTML
    assert detect_kind(b"  \n<!-- cms -->\n<html>", "", "") is DocKind.HTML
    assert detect_kind(H1, "application/octet-stream", "") is DocKind.HTML


@pytest.mark.parametrize(
    "head",
    [
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"\x89PNG\r\n\x1a\n\x00",
        b"GIF89a\x01\x00",
        b"RIFF\x10\x00\x00\x00WEBPVP8 ",
    ],
)
def test_images(head: bytes) -> None:
    assert detect_kind(head + b"\x00" * 32, "text/html", "https://x.go.th/a.pdf") is DocKind.IMAGE
    doc = extract(head + b"\x00" * 32, "https://x.go.th/scan")
    assert doc.kind is DocKind.IMAGE and doc.needs_ocr and doc.error is None


def test_legacy_ole_is_other_and_unsupported() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512
    assert detect_kind(ole, "application/msword", "https://x.go.th/a.doc") is DocKind.OTHER
    assert detect_kind(ole, "application/pdf", "https://x.go.th/a.pdf") is DocKind.OTHER
    doc = extract(ole, "https://x.go.th/a.doc", "application/msword")
    assert doc.kind is DocKind.OTHER and doc.error == "unsupported"


def test_header_then_extension_then_other() -> None:
    junk = b"\x01\x02\x03 not recognisable"
    assert detect_kind(junk, "application/pdf; name=a.pdf", "") is DocKind.PDF
    assert detect_kind(junk, "image/tiff", "") is DocKind.IMAGE
    assert (
        detect_kind(junk, "", "https://x.go.th/%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%81%E0%B8%B2%E0%B8%A8.PDF")
        is DocKind.PDF
    )
    assert detect_kind(junk, "", "https://x.go.th/ข้อ 42.2.xlsx") is DocKind.XLSX
    assert detect_kind(junk, "", "https://x.go.th/index.php?id=1") is DocKind.HTML
    assert detect_kind(junk, "", "https://x.go.th/file.xls") is DocKind.OTHER
    assert detect_kind(junk, "", "https://x.go.th/download") is DocKind.OTHER
    assert media_type("Text/HTML; charset=TIS-620") == "text/html"


def test_empty_body() -> None:
    doc = extract(b"", "https://x.go.th/a.pdf", "application/pdf")
    assert doc.error == "empty" and doc.kind is DocKind.PDF
