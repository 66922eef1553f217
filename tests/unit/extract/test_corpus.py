"""Every corpus file through `extract()`: which of the 12 known phrases each one yields.

The expectations are exact, so a change in the extractor (or in thai.normalize) that gains or loses a
phrase shows up here. Expected misses, and why:
- b4 (fpdf2 + HarfBuzz) writes a broken ToUnicode for the second glyph of ำ: `น้ำF\\x15ประปา` loses
  "water" for good (the control character is repaired by normalize, the stray "F" is not).
- e2/e3 (the plan workbook) hold only the title and the table: no "องค์การบริหารส่วนตำบล" and no dated
  announcement line, so "org" and "date" are genuinely absent.
- c1/c2 are scans: no text layer, `needs_ocr` instead.
"""

from __future__ import annotations

import pytest

from oit_checker.extract import extract
from oit_checker.model import DocKind
from oit_checker.text.thai import normalize
from tests.support.corpus import known
from tests.support.paths import ROOT

CORPUS = ROOT / "fixtures" / "corpus"


KNOWN = known
PHRASES: dict[str, str] = KNOWN.PHRASES
ALL = frozenset(PHRASES)

EXPECTED_MISSES: dict[str, frozenset[str]] = {
    "a1_laksaman.pdf": frozenset(),
    "a2_notosansthai.pdf": frozenset(),
    "a3_garuda.pdf": frozenset(),
    "a4_long_laksaman.pdf": frozenset(),
    "b1_reportlab_laksaman.pdf": frozenset(),
    "b2_reportlab_legacy_pua.pdf": frozenset(),
    "b3_fpdf2_garuda_noshaping.pdf": frozenset(),
    "b4_fpdf2_garuda_harfbuzz.pdf": frozenset({"water"}),
    "c1_scan_clean_200dpi.pdf": ALL,
    "c2_scan_dirty_200dpi.pdf": ALL,
    "a1_laksaman.docx": frozenset(),
    "a2_notosansthai.docx": frozenset(),
    "a4_long_laksaman.docx": frozenset(),
    "e1_libreoffice_garuda.docx": frozenset(),
    "e2_plan_small.xlsx": frozenset({"org", "date"}),
    "e3_libreoffice_plan.xlsx": frozenset({"org", "date"}),
    "a3_garuda_src.html": frozenset(),
    "h0_big_utf8.html": frozenset(),
    "h1_utf8_meta.html": frozenset(),
    "h2_utf8_nometa.html": frozenset(),
    "h3_tis620_meta.html": frozenset(),
    "h4_tis620_nometa.html": frozenset(),
    "h5_cp874_meta_windows874.html": frozenset(),
    "h6_cp874_labelled_tis620.html": frozenset(),
    "h7_cp874_nometa.html": frozenset(),
    "h8_big_tis620_nometa.html": frozenset(),
}

KINDS = {".pdf": DocKind.PDF, ".docx": DocKind.DOCX, ".xlsx": DocKind.XLSX, ".html": DocKind.HTML}
PAGES = {
    "a1_laksaman.pdf": 2,
    "a2_notosansthai.pdf": 2,
    "a3_garuda.pdf": 1,
    "a4_long_laksaman.pdf": 30,
    "c1_scan_clean_200dpi.pdf": 2,
    "c2_scan_dirty_200dpi.pdf": 2,
}


def _found(text: str) -> frozenset[str]:
    hay = normalize(text)
    return frozenset(k for k, phrase in PHRASES.items() if normalize(phrase) in hay)


@pytest.mark.parametrize("name", sorted(EXPECTED_MISSES))
def test_corpus_phrases(name: str) -> None:
    path = CORPUS / name
    # No content type: the kind must come from the bytes (and the URL only as a last hint).
    doc = extract(path.read_bytes(), f"https://example.go.th/files/{name}")
    assert doc.error is None
    assert doc.kind is KINDS[path.suffix]
    assert doc.url == f"https://example.go.th/files/{name}"
    missing = ALL - _found(doc.text)
    assert missing == EXPECTED_MISSES[name]
    assert doc.page_count == len(doc.pages) or doc.kind is not DocKind.PDF
    if name in PAGES:
        assert doc.page_count == PAGES[name]
    assert doc.needs_ocr is (name.startswith("c"))


def test_every_corpus_document_is_covered() -> None:
    names = {p.name for p in CORPUS.iterdir() if p.suffix in KINDS}
    assert names == set(EXPECTED_MISSES)


def test_scans_need_ocr_and_have_pages() -> None:
    for name in ("c1_scan_clean_200dpi.pdf", "c2_scan_dirty_200dpi.pdf"):
        doc = extract((CORPUS / name).read_bytes(), name, "application/pdf")
        assert doc.needs_ocr and doc.page_count == 2 and doc.error is None
        assert len(normalize(doc.text)) < 10


def test_legacy_pua_is_kept_raw_for_the_normalizer() -> None:
    # The extractor returns what the PDF says; mapping U+F700… is thai.normalize's job (one place).
    doc = extract((CORPUS / "b2_reportlab_legacy_pua.pdf").read_bytes(), "b2.pdf")
    assert any(0xF700 <= ord(c) <= 0xF71F for c in doc.text)


def test_actualtext_is_honoured_without_spurious_breaks() -> None:
    # get_text_range() would give "ฟื้นฟ\nู\nป่าไม้"; the bounded text keeps the cluster whole.
    doc = extract((CORPUS / "a1_laksaman.pdf").read_bytes(), "a1.pdf")
    assert "ฟื้นฟูป่าไม้" in doc.text
    assert "\r" not in doc.text


def test_titles() -> None:
    a3 = extract((CORPUS / "a3_garuda.pdf").read_bytes(), "a3.pdf")
    assert a3.title == KNOWN.TITLE  # from the PDF metadata
    a1 = extract((CORPUS / "a1_laksaman.pdf").read_bytes(), "a1.pdf")
    assert a1.title.startswith("แผนปฏิบัติการป้องกันการทุจริต")  # no metadata: the first line
    b1 = extract((CORPUS / "b1_reportlab_laksaman.pdf").read_bytes(), "b1.pdf")
    assert b1.title != "untitled" and b1.title.startswith("แผนปฏิบัติการ")
    b4 = extract((CORPUS / "b4_fpdf2_garuda_harfbuzz.pdf").read_bytes(), "b4.pdf")
    assert not any(ord(c) < 0x20 for c in b4.title)
    docx = extract((CORPUS / "a1_laksaman.docx").read_bytes(), "a1.docx")
    assert docx.title == KNOWN.TITLE
    html = extract((CORPUS / "h1_utf8_meta.html").read_bytes(), "h1.html")
    assert html.title == KNOWN.ORG


def test_pages_are_nfc() -> None:
    import unicodedata

    for name in EXPECTED_MISSES:
        doc = extract((CORPUS / name).read_bytes(), name)
        assert all(unicodedata.is_normalized("NFC", p) for p in doc.pages), name
