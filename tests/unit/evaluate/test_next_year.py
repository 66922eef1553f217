"""Next year's course named by its number: a report on fiscal year 2568 in its own words, whose last part is
"แนวทางในปีงบประมาณ 2569" (the ninth trial's a O7), gives its suggestions; the same words with the year the report is
of name the course it followed, not a suggestion. The year is bound when the item is evaluated (`{next_year}`)."""

from __future__ import annotations

import re
from pathlib import Path

from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
from oit_checker.model import NEXT_YEAR, Status
from oit_checker.model.catalogue import OWN_YEARS, bind_years
from tests.support.evaluate import HOME, finding_from_file

REPORT = (Path(__file__).resolve().parents[3] / "fixtures" / "assessor_trial" / "ninth" / "site" / "images"
          / "ita2569" / "performance-report-2568.pdf")


def _o7(fiscal_year: int) -> tuple[Status, dict[str, object], list[str]]:
    f = finding_from_file("O7", REPORT.read_bytes(), f"{HOME}files/performance-report-2568.pdf", "application/pdf",
                          fiscal_year, criteria=2569)
    problems = {r.code: r.detail for r in f.reasons if r.severity is not Status.PASS}
    quotes = [str(e.snippet) for c in f.found if c.detail.get("component") == "suggestions"
              for e in c.evidence]
    return f.status, problems, quotes


def test_next_years_course_by_its_number_is_the_reports_suggestions() -> None:
    status, problems, quotes = _o7(2569)
    assert status is Status.PASS, problems
    assert len(quotes) == 1 and "แนวทางในปีงบประมาณ 2569" in quotes[0]


def test_the_course_of_the_year_the_report_is_of_is_no_suggestion() -> None:
    # assessed for 2570 the report must be of 2569, so its "2569" is its own year, not the next
    status, problems, quotes = _o7(2570)
    assert status is Status.FAIL and quotes == []
    assert "suggestions" in problems["missing_component"]["missing"]  # type: ignore[index]


def test_the_catalogue_keeps_the_year_unbound_and_evaluation_binds_it_by_the_items_rule() -> None:
    cat = load_catalogue(catalogue_path_for(2569))
    o7, o23 = cat.item("O7"), cat.item("O23")  # the report on last year; this year's plan
    unbound = [rx for c in o7.components for rx in c.patterns if NEXT_YEAR in rx.pattern]
    assert unbound and all(rx.search("แนวทางในปีงบประมาณ 2569") is None for rx in unbound)
    bound = [rx for c in o7.for_fiscal_year(2569).components for rx in c.patterns if "2569" in rx.pattern]
    assert len(bound) == len(unbound)
    for said in ("แนวทางในปีงบประมาณ 2569", "ปี 2569 จะปรับอย่างไร"):
        assert any(rx.search(said) for rx in bound), said
        assert not any(rx.search(said.replace("2569", "2568")) or rx.search(said.replace("2569", "25690"))
                       for rx in bound), said
    assert o23.for_fiscal_year(2569) is o23  # no placeholder: the item itself


def test_the_documents_own_years_bound_for_their_fiscal_year() -> None:
    # `{own_years}`: the BE years fiscal year 2569 runs over, in full or short (review65 p01, p02)
    rx = re.compile(bind_years(r"แล้ว\s?\d{1,2}\s?ธ\.ค\.\s?" + OWN_YEARS + r"(?!\d)", 2570))
    assert rx.search("ดำเนินการแล้ว 5 ธ.ค. 68") is not None
    assert rx.search("ดำเนินการแล้ว 5 ธ.ค. 2568") is not None
    assert rx.search("ดำเนินการแล้ว 6 ธ.ค. 67") is None
