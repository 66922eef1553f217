"""How extraction words a parser's exception (bounded: some parsers put whole documents in it)."""

from __future__ import annotations


def describe(exc: BaseException) -> str:
    """`ExceptionType: first line of the message`."""
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0][:200]}" if lines else type(exc).__name__
