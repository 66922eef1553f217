"""Which months of a month-by-month item (`Evidence.monthly`: the monthly procurement summary) the documents
leave out.

The item covers the first six months of the fiscal year (October–March), one month at a time, and a month
without purchases is stated as such ("เดือนธันวาคม 2568 ไม่มีการจัดซื้อจัดจ้าง"). A month counts as there when a
document names it: its heading ("ประจำเดือนธันวาคม 2568"), a row's date, a "no procurement" line. A month is
due once the month after it has ended (its summary is published within the next month), as of the day of the
check; without that day, the months before the latest one named are due (a gap). Pure: the caller gives the
dates it read (signing and as-of dates left out) and the day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from oit_checker.text.fiscal import first_half_bounds


@dataclass(frozen=True)
class MonthGap:
    named: tuple[date, ...]  # the first day of each month of the period the documents name, in order
    missing: tuple[date, ...]  # the first day of each month due and not named


def next_month(d: date) -> date:
    """The first day of the month after `d`'s."""
    return date(d.year + d.month // 12, d.month % 12 + 1, 1)


def months_between(start: date, end: date) -> list[date]:
    """The first day of each month from `start`'s to `end`'s, both included."""
    out, d = [], date(start.year, start.month, 1)
    while d <= end:
        out.append(d)
        d = next_month(d)
    return out


def _due(month: date, as_of: date) -> bool:
    """Whether `month`'s summary is due by `as_of`: the month after it has ended."""
    return as_of >= next_month(next_month(month))


def month_gap(fiscal_year: int, dates: Sequence[date], as_of: date | None) -> MonthGap | None:
    """The months of `fiscal_year`'s first half that are due and that none of `dates` falls in; None when the
    documents name no month of the period (nothing says they go month by month) or none is missing."""
    start, end = first_half_bounds(fiscal_year)
    period = months_between(start, end)
    named = sorted({date(d.year, d.month, 1) for d in dates if start <= d <= end})
    if not named:
        return None
    due = [m for m in period if _due(m, as_of)] if as_of is not None else [m for m in period if m <= named[-1]]
    missing = tuple(m for m in due if m not in named)
    return MonthGap(tuple(named), missing) if missing else None


def later_only_gap(fiscal_year: int, dates: Sequence[date], as_of: date | None) -> MonthGap | None:
    """The months of `fiscal_year`'s first half that are due when `dates` name none of them but only later months of
    the year (a page overwritten month by month, "ประจำเดือนเมษายน ๒๕๖๙" alone, or a month after the check day,
    "ประจำเดือนมิถุนายน ๒๕๖๙": review49 b35, b23); `named` holds those later months. None otherwise."""
    start, end = first_half_bounds(fiscal_year)
    year_end = date(end.year, 9, 30)
    if any(start <= d <= end for d in dates):
        return None
    named = sorted({date(d.year, d.month, 1) for d in dates if end < d <= year_end})
    if not named:
        return None
    period = months_between(start, end)
    missing = tuple(m for m in period if as_of is None or _due(m, as_of))
    return MonthGap(tuple(named), missing) if missing else None
