"""Broken documents (fixtures/broken, made by make_broken.py) give a documented error, never an exception."""

from __future__ import annotations

import pytest

from oit_checker.extract import extract
from oit_checker.model import DocKind
from oit_checker.text.thai import normalize
from tests.support.paths import ROOT

BROKEN = ROOT / "fixtures" / "broken"

CASES = [
    # (file, content type, kind, error prefix)
    ("truncated_40pct.pdf", "application/pdf", DocKind.PDF, "corrupt: "),
    ("xref_garbage.pdf", "application/pdf", DocKind.PDF, "corrupt: "),
    ("not_a_pdf.pdf", "", DocKind.PDF, "corrupt: "),
    ("not_a_pdf.pdf", "application/pdf", DocKind.PDF, "corrupt: "),
    ("encrypted_password.pdf", "application/pdf", DocKind.PDF, "encrypted"),
    ("zero_pages.pdf", "application/pdf", DocKind.PDF, "empty"),
    ("truncated_50pct.docx", "application/octet-stream", DocKind.DOCX, "corrupt: "),
    ("zip_not_office.docx", "", DocKind.DOCX, "corrupt: "),
    ("corrupt_sheet.xlsx", "", DocKind.XLSX, "corrupt: "),
]


@pytest.mark.parametrize(("name", "content_type", "kind", "error"), CASES)
def test_broken_documents_are_data(name: str, content_type: str, kind: DocKind, error: str) -> None:
    doc = extract((BROKEN / name).read_bytes(), f"https://abt.go.th/files/{name}", content_type)
    assert doc.kind is kind
    assert doc.failure.startswith(error), doc.failure
    assert doc.failure == error or len(doc.failure) > len(error)  # "corrupt: " always carries a detail
    assert doc.pages == ()


def test_error_details() -> None:
    truncated = extract((BROKEN / "truncated_40pct.pdf").read_bytes(), "t.pdf")
    assert truncated.failure == "corrupt: not a PDF or damaged beyond repair"
    xlsx = extract((BROKEN / "corrupt_sheet.xlsx").read_bytes(), "c.xlsx")
    assert xlsx.failure.startswith("corrupt: ParseError")
    not_office = extract((BROKEN / "zip_not_office.docx").read_bytes(), "z.docx")
    assert "[Content_Types].xml" in not_office.failure


def test_zip_not_office_without_hint_is_unsupported() -> None:
    doc = extract((BROKEN / "zip_not_office.docx").read_bytes(), "https://abt.go.th/download?id=3")
    assert doc.kind is DocKind.OTHER and doc.error == "unsupported"


def test_empty_user_password_is_opened() -> None:
    doc = extract((BROKEN / "encrypted_empty_user.pdf").read_bytes(), "e.pdf", "application/pdf")
    assert doc.error is None and doc.page_count == 2
    assert normalize("ปีงบประมาณ พ.ศ. ๒๕๖๙") in normalize(doc.text)


def test_wrong_xref_offsets_are_repaired() -> None:
    # PDFium rebuilds a damaged cross-reference table by scanning the objects.
    doc = extract((BROKEN / "xref_offsets_wrong.pdf").read_bytes(), "x.pdf")
    assert doc.error is None and doc.page_count == 2
    assert normalize("ฟื้นฟูป่าไม้") in normalize(doc.text)


def test_random_bytes_never_raise() -> None:
    import random

    rng = random.Random(7)
    a1 = (BROKEN.parent / "corpus" / "a1_laksaman.pdf").read_bytes()
    for _ in range(30):
        start = rng.randrange(len(a1))
        mangled = bytearray(a1)
        mangled[start : start + 200] = bytes(rng.randrange(256) for _ in range(200))
        doc = extract(bytes(mangled), "m.pdf")
        assert doc.kind is DocKind.PDF
        assert doc.failure in ("", "empty") or doc.failure.startswith("corrupt")


def test_unexpected_exception_becomes_data(monkeypatch: pytest.MonkeyPatch) -> None:
    import oit_checker.extract.pdf as pdf

    def boom(body: bytes, url: str) -> None:
        raise RuntimeError("pdfium exploded\nsecond line")

    monkeypatch.setattr(pdf, "extract_pdf", boom)
    doc = extract(b"%PDF-1.7\n", "b.pdf")
    assert doc.failure == "corrupt: RuntimeError: pdfium exploded"
    assert doc.kind is DocKind.PDF
