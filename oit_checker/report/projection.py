"""Projected indicator 9/10 scores from findings: an estimate with its method shown, never a verdict.

The NACC's real formula is not public in a form we could confirm (the seed's 66.50 and 40.00 do not fit
plain yes/no averaging), so the method is configurable and every report prints it beside the figures.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from oit_checker.config.projection import Method
from oit_checker.model import Finding, Status

# ITA grade bands [inferred; rules/README.md]: lower bound → grade.
GRADE_BANDS: tuple[tuple[float, str], ...] = (
    (95.0, "AA"), (85.0, "A"), (75.0, "B"), (65.0, "C"), (55.0, "D"), (50.0, "E"), (0.0, "F"),
)
__all__ = ["GRADE_BANDS", "INDICATOR_NAMES", "Method", "Projection", "grade", "grade_text", "project", "score_text"]

INDICATOR_NAMES = {9: ("การเปิดเผยข้อมูล", "Disclosure"), 10: ("การป้องกันการทุจริต", "Corruption prevention")}


@dataclass(frozen=True)
class Projection:
    indicator: int
    items: int
    counts: Mapping[str, int]
    pessimistic: float
    optimistic: float
    arithmetic: str  # the sum written out, so a reader can check it

    @property
    def grade_range(self) -> tuple[str, str]:
        return grade(self.pessimistic), grade(self.optimistic)


def score_text(pessimistic: float, optimistic: float) -> str:
    """"60.00–65.00", or one figure when both ends are the same ("42.86", not "42.86–42.86")."""
    low, high = f"{pessimistic:.2f}", f"{optimistic:.2f}"
    return low if low == high else f"{low}–{high}"


def grade_text(low: str, high: str) -> str:
    """"D–C", or one grade when both ends agree ("F", not "F–F")."""
    return low if low == high else f"{low}–{high}"


def grade(score: float) -> str:
    for floor, band in GRADE_BANDS:
        if score >= floor:
            return band
    return "F"


def _points(status: Status, method: Method, optimistic: bool) -> float:
    if status is Status.PASS:
        return method.pass_points
    if status is Status.REVIEW:
        return method.review_optimistic if optimistic else method.review_pessimistic
    if status is Status.ERROR:
        return method.error_points
    return method.fail_points


def project(findings: Sequence[Finding], method: Method | None = None) -> dict[int, Projection]:
    method = method or Method()
    out: dict[int, Projection] = {}
    for indicator in sorted({f.indicator for f in findings}):
        mine = [f for f in findings if f.indicator == indicator]
        weights = [method.weights.get(f.item, 1.0) for f in mine]
        total_w = sum(weights) or 1.0
        pess = sum(w * _points(f.status, method, False) for f, w in zip(mine, weights, strict=True)) / total_w
        opt = sum(w * _points(f.status, method, True) for f, w in zip(mine, weights, strict=True)) / total_w
        counts = {s.value: sum(1 for f in mine if f.status is s) for s in Status}
        terms = " + ".join((f"{w:g}×" if w != 1.0 else "") + f"{_points(f.status, method, False):g}"
                           for f, w in zip(mine, weights, strict=True))
        arithmetic = f"({terms}) / {total_w:g} = {pess:.2f}"
        out[indicator] = Projection(indicator, len(mine), counts, round(pess, 2), round(opt, 2), arithmetic)
    return out
