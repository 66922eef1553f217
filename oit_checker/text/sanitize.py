"""The one sanitiser for text that reaches a reader: terminal, JSON, Markdown, HTML, JUnit, the history.

Whatever its origin — a page, a document, a WordPress REST field, a manifest, a rule file — a string is
someone else's text when it reaches an output, and may try to act there:

- on a terminal: C0/C1 control characters start escape sequences (OSC 52 writes the reader's clipboard,
  `ESC [2J` clears the screen, C1 `0x9b` is a one-byte CSI), a carriage return overwrites the line, and the
  bidi overrides (U+202A–U+202E, U+2066–U+2069) make text read differently from what it is;
- in Markdown: `<img src=x onerror=…>` and `<script>` are raw HTML that common viewers render,
  `[text](javascript:…)` is a link, `|` breaks a table and backticks open code;
- in XML (JUnit): most C0 characters are not allowed at all, even escaped, so one makes the file unreadable;
- anywhere: `http://user:password@host/` publishes a password.

`clean` removes the controls and the bidi overrides and redacts URL credentials (`http://***@host/`); every
format-specific function starts from it. `scrub` applies `clean` to every string of a result (findings,
reasons, evidence, fetch records, the agency, a run diff, suppressions) so a writer needs only its own
escaping on top. Newlines and tabs are kept (multi-line details); writers that need one line fold them.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import re
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import quote

import orjson

# C0 controls except TAB and LF, DEL, C1 controls; bidi embeddings, overrides and isolates; the Arabic letter
# mark and LRM/RLM (invisible direction marks that can reorder what a reader sees).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Not allowed in XML 1.0 even as a character reference: surrogates, U+FFFE and U+FFFF.
_XML_INVALID = re.compile("[\ud800-\udfff\ufffe\uffff]")
# scheme://userinfo@ — the userinfo (user or user:password) is replaced, the rest of the URL kept.
# No word boundary before the scheme: Thai text runs into a URL without a space ("ดูได้จากhttps://…"), and Thai
# letters are word characters.
_USERINFO = re.compile(r"(?i)([a-z][a-z0-9+.\-]{1,15}://)[^\s/?#@\[\]<>\"']+@")
_MARKDOWN = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\\": "\\\\", "[": "\\[", "]": "\\]",
                           "|": "\\|", "`": "\\`", "\n": " ", "\t": " "})
# Fields never shown as such and too large to walk: the pipeline's trails (documents, bodies) and raw data.
_SKIP_FIELDS = frozenset({"trails", "pages", "body", "headers", "links"})

T = TypeVar("T")


def redact_credentials(text: str) -> str:
    """`http://user:pass@host/x` → `http://***@host/x`, anywhere in `text`."""
    return _USERINFO.sub(r"\1***@", text) if "@" in text else text


def clean(text: str) -> str:
    """Controls and bidi overrides removed, URL credentials redacted: safe on a terminal and in any file."""
    if _UNSAFE.search(text) is not None:
        text = _UNSAFE.sub("", text)
    return redact_credentials(text)


def terminal(text: str) -> str:
    return clean(text)


def one_line(text: str) -> str:
    """`clean`, on one line (newlines and tabs become spaces)."""
    return " ".join(clean(text).split())


def markdown(text: str) -> str:
    """Inline Markdown text: no HTML, no links, no table or code breaks; one line."""
    return clean(text).translate(_MARKDOWN)


def markdown_url(url: str) -> str:
    """An http(s) URL as a Markdown autolink `<…>`; anything else as escaped text (no `javascript:` links)."""
    url = clean(url).strip()
    if not url.lower().startswith(("http://", "https://")):
        return markdown(url)
    return "<" + quote(url, safe="/:?#@!$&'()*+,;=%~-._") + ">"


def xml_text(text: str) -> str:
    """Text that XML 1.0 can carry (ElementTree then escapes `& < > "`)."""
    return _XML_INVALID.sub("", clean(text))


# What `clean` would change, as it shows in JSON text (which writes C0 characters as \\u00XX, \\b, \\f or \\r and
# the rest as they are): a superset, so text without a match came from values `scrub` leaves as they are. Three
# searches rather than one alternation, which tried the scheme's letters at every position (7× slower on a
# report of 100 agencies); any `://…@` stands for a URL with credentials, whatever comes before it.
_JSON_SUSPECTS = (re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"),
                  re.compile(r"\\[bfr]|\\u00[01]"),
                  re.compile("://[^\\s/?#@\\[\\]<>\"']+@"))


def _suspect(json_text: str) -> bool:
    return any(rx.search(json_text) is not None for rx in _JSON_SUSPECTS)


def json_text(value: Any, dumps: Callable[[Any], str]) -> str:
    """`dumps(scrub(value))`, without walking `value` when its JSON text shows nothing `clean` would change
    (almost always: the walk cost more than the encoding)."""
    text = dumps(value)
    return dumps(scrub(value)) if _suspect(text) else text


def needs_scrub(value: Any) -> bool:
    """Whether `scrub(value)` could differ from `value`: False when orjson's JSON text of it (orjson writes
    dataclasses, enums and tuples itself, ≈4× faster than the walk) shows nothing `clean` would change; True
    as well for a value orjson has no form for."""
    try:
        text = orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode("utf-8")
    except (orjson.JSONEncodeError, TypeError):
        return True
    return _suspect(text)


def scrub(value: T) -> T:
    """`value` with `clean` applied to every string inside it (dataclasses, tuples, lists, dicts)."""
    return _scrub(value)


@functools.cache
def _walked_fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.init and f.name not in _SKIP_FIELDS)


def _scrub(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value
    if isinstance(value, str):
        return clean(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for name in _walked_fields(type(value)):
            old = getattr(value, name)
            new = _scrub(old)
            if new is not old:
                changes[name] = new
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, tuple):
        items = tuple(_scrub(v) for v in value)
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        return type(value)(*items) if hasattr(value, "_fields") else items
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    if isinstance(value, dict):
        return {(_scrub(k) if isinstance(k, str) else k): _scrub(v) for k, v in value.items()}
    return value
