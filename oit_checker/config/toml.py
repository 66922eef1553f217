"""Reading the user's TOML files (manifests, suppressions, projection methods) with one set of messages."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any


class TomlFileError(Exception):
    """Why a TOML file could not be read; callers wrap it in their own error naming the file."""


def read_toml(path: str | Path) -> dict[str, Any]:
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TomlFileError("file not found") from None
    except IsADirectoryError:
        raise TomlFileError("is a directory, not a file") from None
    except UnicodeDecodeError as exc:
        raise TomlFileError(f"not UTF-8 text ({exc.reason})") from None
    except tomllib.TOMLDecodeError as exc:
        raise TomlFileError(f"not valid TOML: {exc}") from None
    except OSError as exc:
        raise TomlFileError(f"cannot be read ({exc.strerror or exc})") from None
