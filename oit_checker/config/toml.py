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

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


class TomlFileError(ConfigError):
    """Why a TOML file could not be read; `line` is set for syntax and encoding errors."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def parse_toml_text(text: str) -> dict[str, Any]:
    """Parse TOML text (a leading byte-order mark is dropped); errors say the line and show it."""
    text = text.removeprefix("\ufeff")
    try:
        return tomllib.loads(text)
    except RecursionError:  # tomllib recurses once per level of nested arrays/inline tables
        raise TomlFileError("not valid TOML: arrays or tables nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = _TOML_POSITION.search(message)
        line = int(m.group(1)) if m else None
        if line is not None:
            lines = text.splitlines()
            if 0 < line <= len(lines) and lines[line - 1].strip():
                shown = lines[line - 1].strip()
                shown = shown if len(shown) <= 80 else shown[:77] + "…"
                message += f"; the line reads: {shown}"
        raise TomlFileError(f"not valid TOML: {message}", line=line) from None


def read_toml(path: str | Path) -> dict[str, Any]:
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise TomlFileError("file not found") from None
    except IsADirectoryError:
        raise TomlFileError("is a directory, not a file") from None
    except OSError as exc:
        raise TomlFileError(f"cannot be read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TomlFileError(f"not UTF-8 text (byte {exc.start}); save it as UTF-8", line=line) from None
    return parse_toml_text(text)


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
