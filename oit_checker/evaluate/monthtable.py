"""A statistics table laid out by month: a column per month ("งานบริการ | ต.ค. ๖๗ | พ.ย. ๖๗ | … | ก.ย. ๖๘ | รวม") or a
row per month ("เมษายน ๒๕๖๗ | ๐ | ๐ | ๐"), each month named with its year.

Two things an assessor reads in one:
- figures for months that have not come: FY2568 service counts filled for "มิ.ย. ๖๘ … ก.ย. ๖๘" on a page checked 15 May
  2025 ("ลงทะเบียนผู้สูงอายุ… | … | 16 | 17 | 21 | 30", review73 a04) are invented or last year's relabelled. A month
  left empty, "-" or 0 (a workbook's formulas, a form printed for the year) is no figure; only a month holding a count
  above 0 is (`future_filled`).
- a year's table that leaves months out: "ข้อมูลสถิติเรื่องร้องเรียน… ประจำปีงบประมาณ พ.ศ. ๒๕๖๗" whose rows run from
  "เมษายน ๒๕๖๗" to "กันยายน ๒๕๖๗" (review73 b02): October–March are not "no complaints", they are absent
  (`months_left_out`).
Pure: the pages' raw text in, months out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from oit_checker.text.fiscal import THAI_MONTH_RX, fiscal_year_of, month_of
from oit_checker.text.thai import thai_digits_to_arabic

# A cell that is a month and its year, nothing else: "ต.ค. ๖๗", "เดือนเมษายน ๒๕๖๗", "มิ.ย. พ.ศ. 2568" (Arabic digits).
_MONTH_CELL = re.compile(rf"(?:เดือน\s*)?({THAI_MONTH_RX})\s*(?:พ\.\s*ศ\.\s*)?(25\d\d|\d\d)")
_MONTH_CELLS_MIN = 3  # months in a header, or rows of months, that make a table laid out by month
_COUNT = re.compile(r"\d[\d,]*(?:\.\d+)?")
# where to look: a page with a table's cells and a month's abbreviation or name (most pages have neither)
_CHEAP = re.compile(rf"\|[^\n]*(?:{THAI_MONTH_RX})|(?:{THAI_MONTH_RX})[^\n]*\|")


@dataclass(frozen=True)
class MonthCell:
    month: date  # the month's first day
    text: str  # the cell as written
    filled: bool  # a figure above 0 in the month's column (or row)


def _month(cell: str) -> date | None:
    m = _MONTH_CELL.fullmatch(thai_digits_to_arabic(cell).strip())
    if m is None:
        return None
    number = month_of(m.group(1).replace(" ", ""))
    if number is None:
        return None
    be = int(m.group(2)) + (2500 if len(m.group(2)) == 2 else 0)
    year = be - 543
    return date(year, number, 1) if 1990 <= year <= 2100 else None


def _count_above_zero(cell: str) -> bool:
    m = _COUNT.fullmatch(thai_digits_to_arabic(cell).strip())
    return m is not None and float(m.group().replace(",", "")) > 0


def month_tables(page: str) -> list[list[MonthCell]]:
    """Each table of `page` laid out by month (`_MONTH_CELLS_MIN` months at least, in a header row or opening rows),
    its months in order."""
    if "|" not in page or _CHEAP.search(page) is None:
        return []
    lines = page.split("\n")
    out: list[list[MonthCell]] = []
    i = 0
    while i < len(lines):
        if lines[i].count("|") < 2:
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].count("|") >= 2:
            j += 1
        rows = [[c.strip() for c in line.split("|")] for line in lines[i:j]]
        i = j
        # a column per month: the first row whose cells name months
        for k, row in enumerate(rows):
            cols = [(n, d) for n, c in enumerate(row) if (d := _month(c)) is not None]
            if len(cols) >= _MONTH_CELLS_MIN:
                below = rows[k + 1:]
                out.append([MonthCell(d, row[n], any(n < len(r) and _count_above_zero(r[n]) for r in below))
                            for n, d in cols])
                break
        else:
            # a row per month: rows opening on a month
            months = [MonthCell(d, row[0], any(_count_above_zero(c) for c in row[1:]))
                      for row in rows if row and (d := _month(row[0])) is not None]
            if len(months) >= _MONTH_CELLS_MIN:
                out.append(months)
    return out


def future_filled(pages: Sequence[str], as_of: date) -> list[MonthCell]:
    """The months after `as_of`'s month that a table laid out by month fills with a count above 0, in order."""
    after = date(as_of.year, as_of.month, 1)
    return [c for page in pages for table in month_tables(page) for c in table if c.month > after and c.filled]


_YEAR_MONTHS = 12


def months_left_out(pages: Sequence[str], fiscal_year: int) -> tuple[list[MonthCell], list[date]] | None:
    """(the months named, the months missing) of a table laid out by month whose every month is of `fiscal_year` and
    that names some of its twelve months, not all; None for a document without one (or whose every table of the year
    names the twelve)."""
    for page in pages:
        for table in month_tables(page):
            if any(fiscal_year_of(c.month) != fiscal_year for c in table):
                continue
            named = {c.month for c in table}
            start = date(fiscal_year - 544, 10, 1)
            year = [date(start.year + (start.month + k - 1) // 12, (start.month + k - 1) % 12 + 1, 1)
                    for k in range(_YEAR_MONTHS)]
            missing = [m for m in year if m not in named]
            if missing:
                return table, missing
    return None
