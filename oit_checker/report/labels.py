"""Status words, styles and icons for the reports; the words themselves live in text/strings.toml."""

from __future__ import annotations

from oit_checker.model import Status
from oit_checker.text import i18n

STATUS = {lang: {s: i18n.text(f"status.{s.value}", lang) for s in Status} for lang in i18n.LANGS}
STATUS_STYLE = {Status.PASS: "bold green", Status.FAIL: "bold red", Status.REVIEW: "bold yellow",
                Status.ERROR: "bold magenta"}
STATUS_ICON = {Status.PASS: "✔", Status.FAIL: "✘", Status.REVIEW: "?", Status.ERROR: "!"}


def t(lang: str, key: str, **values: object) -> str:
    """A report word ("report.<key>" in text/strings.toml)."""
    return i18n.text(f"report.{key}", lang, **values)
