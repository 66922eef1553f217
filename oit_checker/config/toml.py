"""The one TOML reader for the user's files (manifests, rule catalogues, suppressions, projection methods,
mappings) and the small TOML writer used for draft and migrated manifests.

Reading: a UTF-8 byte-order mark (Windows Notepad writes one) is accepted, and a syntax error names the
line and shows it. Writing: the stdlib reads TOML but cannot write it, and a hand-written writer lets each
URL carry a comment, which no TOML library round-trips reliably.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from oit_checker.errors import ConfigError
from oit_checker.text import i18n

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


class TomlFileError(ConfigError):
    """Why a TOML file could not be read; `line` is set for syntax and encoding errors, `column` for encoding
    errors (whose `message` then names neither: str() puts them in front)."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        where = i18n.text("toml.line_column", line=line, column=column) if column is not None else ""
        super().__init__(f"{where}: {message}" if where else message)
        self.message = message
        self.line = line
        self.column = column


def _unclosed_bracket(text: str, line: int) -> tuple[str, int] | None:
    """The innermost `[` or `{` still open at the start of `line` (strings and comments skipped), and the line
    it was opened on. tomllib reports an unclosed array where it noticed, on the line *after* the bracket."""
    stack: list[tuple[str, int]] = []
    quote = ""
    lineno = 1
    i = 0
    lines_seen = text.split("\n")[: line - 1]
    body = "\n".join(lines_seen)
    while i < len(body):
        ch = body[i]
        if ch == "\n":
            lineno += 1
        if quote:
            if ch == "\\" and quote in ('"', '"""'):
                i += 2
                continue
            if body.startswith(quote, i):
                i += len(quote)
                quote = ""
                continue
        elif ch == "#":
            end = body.find("\n", i)
            i = len(body) if end < 0 else end
            continue
        elif ch in "\"'":
            quote = ch * 3 if body.startswith(ch * 3, i) else ch
            i += len(quote)
            continue
        elif ch in "[{":
            stack.append((ch, lineno))
        elif ch in "]}" and stack:
            stack.pop()
        i += 1
    return stack[-1] if stack and stack[-1][1] < line else None


def _shown_line(lines: list[str], line: int) -> str:
    shown = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    return shown if len(shown) <= 80 else shown[:77] + "…"


def parse_toml_text(text: str) -> dict[str, Any]:
    """Parse TOML text (a leading byte-order mark is dropped); errors say the line and show it."""
    text = text.removeprefix("\ufeff")
    try:
        return tomllib.loads(text)
    except RecursionError:  # tomllib recurses once per level of nested arrays/inline tables
        raise TomlFileError(i18n.text("toml.nested")) from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = _TOML_POSITION.search(message)
        line = int(m.group(1)) if m else None
        if line is not None:
            opened = _unclosed_bracket(text, line)
            if opened is not None:
                line = opened[1]
                message = i18n.text("toml.unclosed", bracket=opened[0], line=line)
            shown = _shown_line(text.splitlines(), line)
            if shown:
                message = i18n.text("toml.line_reads", message=message, line=shown)
        raise TomlFileError(i18n.text("toml.invalid", message=message), line=line) from None


def read_toml(path: str | Path) -> dict[str, Any]:
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise TomlFileError(i18n.text("toml.not_found")) from None
    except IsADirectoryError:
        raise TomlFileError(i18n.text("toml.is_directory")) from None
    except OSError as exc:
        raise TomlFileError(i18n.text("toml.unreadable", why=exc.strerror or exc)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _not_utf8(raw, exc.start) from None
    return parse_toml_text(text)


_THAI = re.compile(r"[\u0e01-\u0e5b]")
# A Thai vowel or tone mark written above or below: it follows a Thai letter. Latin-1 bytes read as Windows-874
# are Thai letters too, but put such marks after spaces and Latin letters.
_THAI_MARK_ALONE = re.compile(r"(?<![\u0e01-\u0e4e])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def _not_utf8(raw: bytes, start: int) -> TomlFileError:
    """Where the first byte that is not UTF-8 is (line, column: characters from the line's start), and which
    encoding the file looks like: UTF-16 (a byte-order mark), or TIS-620 / Windows-874 (older Thai programs'
    default) when it reads as Thai in that encoding."""
    line_start = raw.rfind(b"\n", 0, start) + 1
    line = raw[:start].count(b"\n") + 1
    column = len(raw[line_start:start].decode("utf-8", errors="replace")) + 1
    byte = f"0x{raw[start]:02X}"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return TomlFileError(i18n.text("toml.not_utf8_utf16"), line=1, column=1)
    for encoding in ("cp874", "tis_620"):
        try:
            thai = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _THAI.search(thai) and not _THAI_MARK_ALONE.search(thai):
            return TomlFileError(i18n.text("toml.not_utf8_thai", byte=byte), line=line, column=column)
    return TomlFileError(i18n.text("toml.not_utf8", byte=byte), line=line, column=column)


# ---------------------------------------------------------------- writing


def toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped, Thai kept readable."""
    out = ['"']
    for ch in value:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def toml_comment(text: str, limit: int = 160) -> str:
    """Text made safe for a `#` comment: one line (TOML forbids control characters there), bounded length."""
    one_line = " ".join(_CONTROL.sub(" ", text).split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return toml_string(str(value))
