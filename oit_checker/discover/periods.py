"""Which period a post's title covers, and whether that is the period an item asks for (pure).

A category page of a vendor CMS lists an item's posts of several years: "แผนการดำเนินงาน ประจำปี
งบประมาณ พ.ศ. 2568", "… 2567", "สรุปผลการจัดซื้อจัดจ้าง ไตรมาสที่ 2 (มกราคม - มีนาคม 2568)", "… ประจำเดือน
เมษายน 2568". The item's fiscal-year rule (or its `[items.discover] periods`) says which of them to
submit for fiscal year N:

    current             a title naming FY N (alone or with one neighbour: "2568 (จากผล ITA 2567)"), or
                        no year at all (a code of ethics, a policy);
    previous            FY N−1 as a whole (not its 6-month, quarterly or monthly reports);
    first_half_current  FY N, and when months, quarters or "6 เดือน" are named, only October–March;
    covers_current      a multi-year range holding N ("พ.ศ. 2566 - 2570"), the plan rather than its
                        amendment ("เพิ่มเติม ครั้งที่ 1") when both are there;
    none                any post; when posts carry years, those of the newest year up to N.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from oit_checker.model import FiscalYearRule
from oit_checker.text.fiscal import find_year_mentions, months_named
from oit_checker.text.thai import display

_FIRST_HALF = frozenset({10, 11, 12, 1, 2, 3})
_PART_OF_YEAR = re.compile(r"6\s*เดือน|หกเดือน|ครึ่งปี|ไตรมาส|ประจำเดือน|รายเดือน|9\s*เดือน")
_FIRST_HALF_WORDS = re.compile(r"6\s*เดือน|หกเดือน|ครึ่งปีแรก|ไตรมาส(?:ที่)?\s*[12](?![0-9])")
_LATER_WORDS = re.compile(r"ไตรมาส(?:ที่)?\s*[34](?![0-9])|9\s*เดือน|12\s*เดือน")
_AMENDMENT = re.compile(r"เพิ่มเติม|แก้ไข|เปลี่ยนแปลง|ปรับปรุง|ทบทวน")


@dataclass(frozen=True)
class Period:
    """What a title says about its time span."""

    years: frozenset[int]  # fiscal years named (dates give theirs)
    multi_year: bool  # a range of three or more years: a multi-year plan
    months: frozenset[int]  # months named (1–12)
    part: bool  # a part of the year: "6 เดือน", "ไตรมาส", "ประจำเดือน …"
    first_half: bool | None  # True: Oct–Mar only; False: names later months or quarters; None: unknown
    amendment: bool  # "เพิ่มเติม", "แก้ไข", "เปลี่ยนแปลง" …


def period_of(title: str) -> Period:
    text = display(title)
    mentions = find_year_mentions(text)
    years = frozenset(y for m in mentions for y in m.fiscal_years)
    multi = any(len(m.fiscal_years) >= 3 for m in mentions)
    months = frozenset(months_named(text))
    if months:
        first_half: bool | None = months <= _FIRST_HALF and not _LATER_WORDS.search(text)
    elif _LATER_WORDS.search(text):
        first_half = False
    elif _FIRST_HALF_WORDS.search(text):
        first_half = True
    else:
        first_half = None
    part = bool(_PART_OF_YEAR.search(text)) or (bool(months) and not {10, 9} <= months)
    return Period(years, multi, months, part, first_half, bool(_AMENDMENT.search(text)))


def fits(period: Period, rule: FiscalYearRule, fiscal_year: int) -> bool:
    """Whether a post of `period` is what `rule` asks for in `fiscal_year` (see the module docstring)."""
    if rule is FiscalYearRule.NONE:
        return True
    if rule is FiscalYearRule.COVERS_CURRENT:
        return period.multi_year and fiscal_year in period.years
    if period.multi_year:
        return False
    if rule is FiscalYearRule.CURRENT:
        return not period.years or (fiscal_year in period.years and len(period.years) <= 2)
    if rule is FiscalYearRule.PREVIOUS:
        return period.years == {fiscal_year - 1} and not period.part
    # FIRST_HALF_CURRENT
    return period.years == {fiscal_year} and period.first_half is not False


def choose(titles: Sequence[str], rules: Iterable[FiscalYearRule], fiscal_year: int) -> list[int]:
    """Indexes of the titles to submit, in their order (see the module docstring)."""
    rules = tuple(rules)
    periods = [period_of(t) for t in titles]
    if rules == (FiscalYearRule.NONE,):
        return _newest(periods, fiscal_year)
    chosen = [i for i, p in enumerate(periods) if any(fits(p, r, fiscal_year) for r in rules)]
    if FiscalYearRule.COVERS_CURRENT in rules and any(not periods[i].amendment for i in chosen):
        chosen = [i for i in chosen if not periods[i].amendment]
    return chosen


def _newest(periods: Sequence[Period], fiscal_year: int) -> list[int]:
    """Any post; of the dated ones, only those of the newest year up to `fiscal_year`."""
    dated = [max(y for y in p.years if y <= fiscal_year) for p in periods
             if p.years and min(p.years) <= fiscal_year]
    newest = max(dated) if dated else None
    return [i for i, p in enumerate(periods)
            if not p.years or (newest is not None and min(p.years) <= newest <= max(p.years))]
