"""Bytes of an HTML page → text, with the decision recorded.

Order: BOM → HTTP header charset → `<meta>` charset in the first 4 KB → strict UTF-8 → cp874.
Every declaration is checked against the bytes before it is believed, because Thai sites misdeclare
often (a UTF-8 template with a tis-620 meta, latin-1 from a server default on TIS-620 bytes).

The returned charset string starts with the Python codec actually used; anything after a space says
how it was chosen: "cp874", "utf-8 (undeclared)", "cp874 (declared utf-8, corrected)",
"utf-8 (lossy)" (a few bad bytes replaced), "utf-8 (bom)", "cp1250 (guessed)".
"""

from __future__ import annotations

import codecs
import re

# Python's `tis_620` codec maps 0x80-0x9F (curly quotes, ellipsis, en dash of windows-874) to control
# characters, and Python has no `windows-874` name: every Thai label goes to cp874, a superset of TIS-620.
_THAI_LABELS = frozenset(
    {
        "tis-620",
        "tis620",
        "tis_620",
        "tis-620-2533",
        "iso-8859-11",
        "iso8859-11",
        "iso8859_11",
        "iso_8859-11",
        "windows-874",
        "x-windows-874",
        "dos-874",
        "cp874",
        "ms874",
        "ibm874",
        "x-ibm874",
        "thai",
    }
)

# Codecs a Thai page never legitimately uses: when the bytes look Thai, the label is a server or editor
# default and is overruled.
_WESTERN = frozenset({"iso8859-1", "cp1252", "ascii", "iso8859-15", "cp437"})

_META_WINDOW = 4096
_META_RE = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# TIS-620 byte classes: consonants/vowels that stand alone, and the marks that can only follow a Thai
# byte. In Latin-1 the mark bytes are accented letters (é = 0xE9 = ้) that follow ASCII letters.
_THAI_BASE_RE = re.compile(rb"[\xa1-\xd0\xd2\xd3\xe0-\xe6]")
_THAI_MARK_RE = re.compile(rb"[\xd1\xd4-\xda\xe7-\xee]")
_MARK_ON_THAI_RE = re.compile(rb"(?<=[\xa1-\xee])[\xd1\xd4-\xda\xe7-\xee]")
_SAMPLE = 65536

# UTF-8 text with at most one bad sequence per this many good non-ASCII characters is UTF-8 with a
# few damaged bytes (a truncated download, a pasted fragment), not a single-byte page.
_UTF8_GOOD_PER_BAD = 20


def codec_for(label: str | None) -> str | None:
    """A charset label as found in a header or meta → a Python codec name (None if unknown)."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    if name in _THAI_LABELS:
        return "cp874"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    if codec.startswith(("utf-16", "utf-32")):
        # Without a BOM a UTF-16 label on an ASCII-compatible page is wrong (the HTML standard reads it
        # as UTF-8); a real UTF-16 page has a BOM, which is handled before any label.
        return "utf-8"
    if codec == "tis-620":
        return "cp874"
    return codec


def looks_thai(body: bytes) -> bool:
    """TIS-620/cp874 Thai text: enough Thai letters and marks, and (nearly) every mark on a Thai byte."""
    sample = body[:_SAMPLE]
    base = len(_THAI_BASE_RE.findall(sample))
    if base < 8:
        return False
    # Real Thai is dense with vowel and tone marks; UTF-8 Thai (E0 B8 xx) has "letters" but no marks.
    marks = len(_THAI_MARK_RE.findall(sample))
    return marks >= 0.05 * base and len(_MARK_ON_THAI_RE.findall(sample)) >= 0.9 * marks


def _strict(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf8_lenient(body: bytes) -> str | None:
    """UTF-8 with a few bad bytes replaced, or None when the bytes are not UTF-8 at all."""
    text = body.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    return text if good >= _UTF8_GOOD_PER_BAD * max(bad, 1) else None


def _is_utf8_text(body: bytes) -> bool:
    """Valid UTF-8 with multi-byte sequences: this never happens by accident in a single-byte page."""
    return not body.isascii() and _strict(body, "utf-8") is not None


def _check_declared(body: bytes, codec: str) -> tuple[str, str] | None:
    """(text, decision) when the declared codec is believable for these bytes, else None."""
    if body.isascii():
        return body.decode("ascii"), codec
    if codec == "utf-8":
        text = _strict(body, "utf-8")
        if text is not None:
            return text, codec
        text = _utf8_lenient(body)
        return (text, "utf-8 (lossy)") if text is not None else None
    if _is_utf8_text(body):
        return None
    if codec in _WESTERN:
        if looks_thai(body):
            return None
        # The HTML standard reads latin-1/ascii labels as windows-1252; latin-1 covers its holes.
        text = _strict(body, "cp1252")
        return (text, "cp1252") if text is not None else (body.decode("iso8859-1"), "iso8859-1")
    text = _strict(body, codec)
    return (text, codec) if text is not None else None


def _undeclared(body: bytes) -> tuple[str, str] | None:
    """Strict UTF-8, then mostly-UTF-8, then cp874 (what an undeclared Thai page almost always is)."""
    text = _strict(body, "utf-8")
    if text is not None:
        return text, "utf-8"
    text = _utf8_lenient(body)
    if text is not None:
        return text, "utf-8 (lossy)"
    text = _strict(body, "cp874")
    if text is not None:
        return text, "cp874"
    return None


def _last_resort(body: bytes) -> tuple[str, str]:
    # A Thai page with a few bytes undefined in cp874 is still Thai: losing those bytes beats a wrong
    # guess, which charset-normalizer makes on short Thai pages (cp932, cp1250).
    if looks_thai(body):
        return body.decode("cp874", "replace"), "cp874 (lossy)"
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(body).best()
    except Exception:  # the guesser must never take extraction down
        best = None
    if best is not None and best.encoding:
        codec = codec_for(best.encoding) or "utf-8"
        return body.decode(codec, "replace"), f"{codec} (guessed)"
    return body.decode("utf-8", "replace"), "utf-8 (lossy)"


def _with_note(decision: str, note: str) -> str:
    codec, _, how = decision.partition(" ")
    how = how.strip("()")
    return f"{codec} ({note}{', ' + how if how else ''})"


def decode_html(body: bytes, header_charset: str | None) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(codec, "replace"), f"{codec} (bom)"

    declared: list[tuple[str, str]] = []  # (label as written, codec), first declaration first
    labels: list[str] = [header_charset] if header_charset else []
    labels += [m.group(1).decode("ascii", "replace") for m in _META_RE.finditer(body[:_META_WINDOW])]
    for label in labels:
        named = codec_for(label)
        if named is not None and all(named != c for _, c in declared):
            declared.append((label.strip().strip("\"'").lower(), named))

    if not declared:
        found = _undeclared(body)
        if found is not None:
            return found[0], _with_note(found[1], "undeclared")
        return _last_resort(body)

    first_label = declared[0][0]
    for i, (_, codec) in enumerate(declared):
        found = _check_declared(body, codec)
        if found is not None:
            # Conflicting declarations are common; one that fits after the first failed is a correction.
            return found if i == 0 else (found[0], _with_note(found[1], f"declared {first_label}, corrected"))
    found = _undeclared(body)
    if found is None:
        found = _last_resort(body)
    return found[0], _with_note(found[1], f"declared {first_label}, corrected")
