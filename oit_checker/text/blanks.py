"""The marks a fix-kit template leaves for a person to replace (pure).

A template (report/templates.py) writes every blank as `[กรอก: what to write]` and marks its one example row
`[ตัวอย่าง]`. Both marks are Thai words in square brackets that no published document uses, so the evaluator can
tell a template published before it was filled in (reason `template_unfilled`): a blank template holds every
heading and column the assessor looks for, and must never pass on them.
"""

from __future__ import annotations

import re

BLANK_WORD = "กรอก"  # "fill in"
EXAMPLE_WORD = "ตัวอย่าง"  # "example"
EXAMPLE_MARK = f"[{EXAMPLE_WORD}]"

# A blank or an example mark as it reaches the evaluator: in a DOCX or XLSX, or in a PDF printed from one
# (brackets kept, spaces around the colon and inside the bracket may vary).
_MARK = re.compile(rf"\[\s*(?:{BLANK_WORD}\s*:[^\]\n]{{0,160}}|{EXAMPLE_WORD}\s*)\]")
_BLANK = re.compile(rf"\[\s*{BLANK_WORD}\s*:\s*([^\]\n]{{0,160}}?)\s*\]")


def blank(hint: str) -> str:
    """The blank a template writes where a person must write `hint`."""
    return f"[{BLANK_WORD}: {' '.join(hint.split())}]"


def marks_in(text: str) -> list[str]:
    """Every blank and example mark in `text`, in order."""
    return [m.group(0) for m in _MARK.finditer(text)]


def has_marks(text: str) -> bool:
    return _MARK.search(text) is not None


def contains_mark_words(text: str) -> bool:
    """Whether data meant to be published (a sample answer, a column header) would itself look like a mark."""
    return has_marks(text) or f"[{BLANK_WORD}" in text or EXAMPLE_MARK in text


def replace_blanks(text: str, answer: dict[str, str]) -> str:
    """`text` with every blank whose hint `answer` knows replaced by the answer (others left as they are)."""

    def one(m: re.Match[str]) -> str:
        hint = " ".join(m.group(1).split())
        return answer.get(hint, m.group(0))

    return _BLANK.sub(one, text)


def strip_example_mark(text: str) -> str:
    """`text` without its example mark (the example row becomes a real row)."""
    return re.sub(rf"\[\s*{EXAMPLE_WORD}\s*\]\s*", "", text)
