"""A total row that no rows add up to: a results table whose line "รวม ๑๗,๘๖๐,๗๕๐" stands under three projects of
248,500 + 150,000 + 912,340 baht (review71 c01, "ดำเนินการแล้วเสร็จ ๔๒ โครงการ" said above it): the report claims more
than it shows, and a person looks.

Only one side is read, the safe one: the total is far larger than every other number of the document put together
(each figure, count, day and year, in every table and page, each sub-total too; the same figure restated in the prose
left out). More numbers can only make that sum larger, so a table split over pages, sub-totals, columns of another
meaning or rows read out of order never raise it; only a total that nothing written could have summed does.

The usual total row holds more than one figure: "รวม ๑๖,๑๒๐,๐๐๐ ๑๕,๒๔๐,๐๐๐" (planned and spent), "รวมทั้งสิ้น ๒๕ โครงการ |
๑,๙๒๐,๐๐๐ | ๑,๘๕๐,๐๐๐ | แล้วเสร็จ ๒๕ โครงการ" (review72 b02, b04). Each figure is read against the others, still on the
safe side: a row of its column is never larger than its total, so the numbers above it (the agency's whole-year budget
restated in the introduction, "งบประมาณรายจ่ายประจำปี… ๒๘,๕๐๐,๐๐๐ บาท", the planned column's total) are no rows of it,
and nor are the row's other figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from oit_checker.text.thai import thai_digits_to_arabic

_FIGURE = r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?"
# a table's total row, its cells on one line: "รวม ๑๗,๘๖๐,๗๕๐", "รวมทั้งสิ้น 1,310,840.00", "รวม 16,120,000 15,240,000"
# (planned and spent), "รวมทั้งสิ้น ๒๕ โครงการ | 1,920,000 | 1,850,000 | แล้วเสร็จ ๒๕ โครงการ" (a count cell before the
# figures, words after them: review72 b04); a figure must follow "รวม" or the count, so "รวม ๘ โครงการ/กิจกรรม ดำเนินการ…"
# in prose is none
_TOTAL_LINE = re.compile(
    r"^[ \t|]*รวม(?:ทั้งสิ้น)?(?:[ \t|]*\d+[ \t]?(?:โครงการ|กิจกรรม|รายการ)(?:/กิจกรรม)?)?"
    r"((?:[ \t|]+-(?=[ \t|]))*[ \t|]*" + _FIGURE + r"(?:[ \t|]+(?:-|" + _FIGURE + r"))*)(?![\d,.])[^\n]*$",
    re.MULTILINE)
_ROW_FIGURE = re.compile(_FIGURE)
_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.,])\d+(?:\.\d+)?")
_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+")  # a figure written as money is: with its thousands marked
_TOTAL_MIN = 100_000  # a budget's total, not a count
_AMOUNTS_MIN = 3  # the rows' figures written as money, besides the total
_RATIO = 1.5  # the total against the sum of every other number


def _value(text: str) -> float:
    return float(text.replace(",", ""))


def total_unsummed(pages: Sequence[str]) -> str | None:
    """The first total row ("รวม 17,860,750") with a figure larger than `_RATIO` times the sum of every smaller number
    of the document outside the row (`pages`, raw text), at least `_AMOUNTS_MIN` figures written as money among them;
    else None."""
    if not any(_TOTAL_LINE.search(page) for page in pages):  # (`\d` reads Thai digits too)
        return None
    text = thai_digits_to_arabic("\n".join(pages))
    for m in _TOTAL_LINE.finditer(text):
        numbers = [n.group() for n in _NUMBER.finditer(text) if not m.start(1) <= n.start() < m.end(1)]
        for figure in _ROW_FIGURE.findall(m.group(1)):
            total = _value(figure)
            if total < _TOTAL_MIN:
                continue
            others = [n for n in numbers if _value(n) < total]  # its rows: no larger than it, not itself restated
            if sum(1 for n in others if _AMOUNT.fullmatch(n)) < _AMOUNTS_MIN:
                continue
            if total > _RATIO * sum(_value(n) for n in others):
                return m.group().strip()
    return None
