"""HTML decoding: h1–h8 decode exactly, and the decision is recorded."""

from __future__ import annotations

import pytest

from oit_checker.text.charset import codec_for, decode_html, looks_thai
from tests.support.paths import ROOT

CORPUS = ROOT / "fixtures" / "corpus"


def _read(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


# The UTF-8 file without a declaration is the reference text; the others differ from it only in their
# declaration and (for the TIS-620 files, which have no such characters) the punctuation.
REFERENCE = _read("h2_utf8_nometa.html").decode("utf-8")
ASCII_PUNCT = REFERENCE.replace("–", "-").replace("“", '"').replace("”", '"').replace("…", "...")


def _with_meta(text: str, meta: str) -> str:
    return text.replace("<head>", f"<head>{meta}", 1)


HTTP_EQUIV = '<meta http-equiv="Content-Type" content="text/html; charset={}">'

CASES = [
    ("h1_utf8_meta.html", _with_meta(REFERENCE, '<meta charset="utf-8">'), "utf-8"),
    ("h2_utf8_nometa.html", REFERENCE, "utf-8 (undeclared)"),
    ("h3_tis620_meta.html", _with_meta(ASCII_PUNCT, HTTP_EQUIV.format("tis-620")), "cp874"),
    ("h4_tis620_nometa.html", ASCII_PUNCT, "cp874 (undeclared)"),
    ("h5_cp874_meta_windows874.html", _with_meta(REFERENCE, HTTP_EQUIV.format("windows-874")), "cp874"),
    ("h6_cp874_labelled_tis620.html", _with_meta(REFERENCE, HTTP_EQUIV.format("TIS-620")), "cp874"),
    ("h7_cp874_nometa.html", REFERENCE, "cp874 (undeclared)"),
]


@pytest.mark.parametrize(("name", "expected", "decision"), CASES, ids=[c[0] for c in CASES])
def test_small_pages_decode_exactly(name: str, expected: str, decision: str) -> None:
    text, charset = decode_html(_read(name), None)
    assert text == expected
    assert charset == decision


def test_big_tis620_page_decodes_like_the_big_utf8_page() -> None:
    text, charset = decode_html(_read("h8_big_tis620_nometa.html"), None)
    big = _read("h0_big_utf8.html").decode("utf-8").replace('<meta charset="utf-8">', "", 1)
    big = big.replace("–", "-").replace("“", '"').replace("”", '"').replace("…", "...")
    assert text == big
    assert charset == "cp874 (undeclared)"


def test_smart_quotes_survive_cp874() -> None:
    # Python's tis_620 codec would turn these into C1 control characters.
    text, _ = decode_html(_read("h6_cp874_labelled_tis620.html"), "tis-620")
    assert "“(นายสมชาย ใจดี)” …" in text and "\x93" not in text


@pytest.mark.parametrize("label", ["iso-8859-1", "ISO-8859-1", "latin1", "windows-1252", "us-ascii"])
def test_western_label_on_thai_bytes_is_corrected(label: str) -> None:
    text, charset = decode_html(_read("h7_cp874_nometa.html"), label)
    assert text == REFERENCE
    assert charset == f"cp874 (declared {label.lower()}, corrected)"


def test_meta_latin1_on_thai_bytes_is_corrected() -> None:
    body = _read("h7_cp874_nometa.html").replace(b"<head>", b'<head><meta charset="iso-8859-1">', 1)
    text, charset = decode_html(body, None)
    assert "แผนปฏิบัติการป้องกันการทุจริต" in text
    assert charset == "cp874 (declared iso-8859-1, corrected)"


def test_declared_utf8_on_cp874_bytes_is_corrected() -> None:
    text, charset = decode_html(_read("h7_cp874_nometa.html"), "utf-8")
    assert text == REFERENCE
    assert charset == "cp874 (declared utf-8, corrected)"


def test_header_beats_meta_when_both_fit() -> None:
    # h6 says TIS-620 in its meta; a header saying windows-874 agrees (both are cp874).
    assert decode_html(_read("h6_cp874_labelled_tis620.html"), "windows-874")[1] == "cp874"


def test_conflicting_header_and_meta() -> None:
    # HTTP says tis-620 but the page (and its meta) is UTF-8: the bytes decide.
    text, charset = decode_html(_read("h1_utf8_meta.html"), "tis-620")
    assert text == _with_meta(REFERENCE, '<meta charset="utf-8">')
    assert charset == "utf-8 (declared tis-620, corrected)"


def test_truncated_utf8_is_not_mistaken_for_cp874() -> None:
    body = _read("h1_utf8_meta.html")
    cut = body[: len(body) // 2]
    if cut[-1] < 0x80:  # make sure the cut falls inside a three-byte Thai character
        cut += "ก".encode()[:2]
    text, charset = decode_html(cut, "utf-8")
    assert charset == "utf-8 (lossy)"
    assert text.endswith("\ufffd") and "องค์การบริหารส่วนตำบลหนองบัว" in text


def test_bom_wins() -> None:
    body = b"\xef\xbb\xbf" + "<p>ทดสอบ</p>".encode()
    assert decode_html(body, "tis-620") == ("<p>ทดสอบ</p>", "utf-8 (bom)")
    body16 = "\ufeff<p>ทดสอบ</p>".encode("utf-16-le")
    assert decode_html(body16, None) == ("<p>ทดสอบ</p>", "utf-16-le (bom)")


def test_real_latin1_page_stays_latin1() -> None:
    body = '<meta charset="iso-8859-1"><p>café résumé naïve</p>'.encode("latin-1")
    text, charset = decode_html(body, None)
    assert "café résumé naïve" in text and charset == "cp1252"


def test_label_mapping() -> None:
    for label in ("tis-620", "TIS620", "iso-8859-11", "windows-874", "x-windows-874", "dos-874", "cp874"):
        assert codec_for(label) == "cp874"
    assert codec_for("utf-16") == "utf-8"
    assert codec_for("x-no-such-charset") is None
    assert codec_for("UTF-8") == "utf-8"


def test_looks_thai() -> None:
    assert looks_thai(_read("h4_tis620_nometa.html"))
    assert not looks_thai("café résumé naïve déjà vu à la carte".encode("latin-1"))
    assert not looks_thai(_read("h1_utf8_meta.html"))  # UTF-8 bytes: marks follow continuation bytes
