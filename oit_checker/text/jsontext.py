"""JSON text for reports and the history: orjson where it can, the standard library where it cannot.

A nightly audit writes every agency's findings twice (history row, JSON report) and reads them back once; with
the standard library's encoder — pure Python whenever `indent` is given — that was ≈3 s of a 21 s unchanged
night for 100 agencies (bench/scale.py, cProfile). orjson writes the same text ≈10× faster: for the golden
reports the two outputs are byte for byte the same (tests/unit/text/test_jsontext.py). Values orjson refuses
(integers past 64 bits, lone surrogates, unknown types) go to the standard library. Two differences remain, both
about floats: a number below 1e-4 is written in full (0.00001, not 1e-05: the same number), and NaN or Infinity,
which JSON has no form for, is written `null` (the standard library writes `NaN`, which JSON readers refuse).
"""

from __future__ import annotations

import json
from typing import Any

import orjson

# Dataclasses and datetimes are left to the standard library (orjson would write them its own way).
_SAME = orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME
_PRETTY = _SAME | orjson.OPT_INDENT_2


def dumps_pretty(value: Any) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`."""
    try:
        return orjson.dumps(value, option=_PRETTY).decode("utf-8")
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(value, ensure_ascii=False, indent=2)


def dumps_compact(value: Any) -> str:
    """Compact JSON (no spaces), UTF-8 characters as they are; a value JSON has no form for as `str(value)`."""
    try:
        return orjson.dumps(value, option=_SAME).decode("utf-8")
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(value, ensure_ascii=False, default=str, separators=(",", ":"))


def dumps_compact_utf8(value: Any) -> bytes:
    """`dumps_compact(value)` as UTF-8 bytes, without decoding orjson's bytes to encode them again. Where orjson
    refuses the value, the standard library's text with every non-ASCII character escaped: the same JSON, and a
    lone surrogate, which has no UTF-8 form, is written as its escape."""
    try:
        return orjson.dumps(value, option=_SAME)
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(value, ensure_ascii=True, default=str, separators=(",", ":")).encode("ascii")


def loads(text: str | bytes) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)  # what orjson refuses and the standard library reads (NaN, lone surrogates)
