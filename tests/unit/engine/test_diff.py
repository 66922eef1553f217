"""The regression diff between two runs — of runs as checked, and of the same runs read back from each history
backend (SQLite, PostgreSQL): what a diff says must not depend on where the runs were stored."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import count
from pathlib import Path

import pytest

from oit_checker.engine.diff import diff_runs
from oit_checker.engine.history import RunMeta, RunStatus, open_store
from oit_checker.model import Agency, AgencyResult, Confidence, Finding, Reason, RunResult, Status
from oit_checker.model.diff import RunDiff
from oit_checker.report.json_out import diff_dict


def f(item: str, status: Status, *urls: str, suppressed: str = "", docs: tuple[str, ...] = ()) -> Finding:
    reasons = () if status is Status.PASS else (
        Reason(code="missing_component", message_th="ไม่พบ", message_en="missing", severity=status),)
    return Finding(item=item, indicator=9, status=status, reasons=reasons, confidence=Confidence.CONFIRMED,
                   name_th=f"ข้อ {item}", name_en=f"item {item}", urls=urls or (f"https://a.go.th/{item}",),
                   documents=docs, suppressed=suppressed)


def agency(slug: str, *findings: Finding, hashes: dict[str, str] | None = None) -> AgencyResult:
    return AgencyResult(agency=Agency(name=f"อบต.{slug}", home=None, items={}, slug=slug), fiscal_year=2569,
                        findings=findings, started_at="", finished_at="", document_hashes=hashes or {})


def run(run_id: int, *agencies: AgencyResult, fy: int = 2569) -> RunResult:
    return RunResult(criteria_year=2569, catalogue_version="1", catalogue_source="", fiscal_year=fy,
                     tool_version="0", started_at=f"2026-11-0{run_id}T01:00:00+00:00", finished_at="",
                     agencies=agencies, run_id=run_id)


Diff = Callable[..., RunDiff]


@pytest.fixture(params=["as checked", "sqlite", "postgres"])
def diff(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Diff]:
    """`diff_runs(old, new, …)`, on the runs themselves or on the runs stored in and loaded from a history."""
    if request.param == "as checked":
        yield diff_runs
        return
    files = count()

    def db() -> str:
        if request.param == "postgres":
            return str(request.getfixturevalue("pg_dsn"))
        return str(tmp_path / f"h{next(files)}.sqlite3")  # a fresh history per pair: run ids 1 and 2

    def through_history(old: RunResult, new: RunResult, **kwargs: bool) -> RunDiff:
        loaded = []
        with open_store(db()) as store:
            for r in (old, new):
                run_id = store.begin_run(RunMeta(
                    started_at=r.started_at, tool_version=r.tool_version, criteria_year=r.criteria_year,
                    catalogue_version=r.catalogue_version, catalogue_source=r.catalogue_source,
                    fiscal_year=r.fiscal_year, agencies_total=len(r.agencies)))
                for ordinal, a in enumerate(r.agencies):
                    store.record_agency(run_id, a, ordinal=ordinal)
                store.finish_run(run_id, RunStatus.COMPLETE)
                loaded.append(store.load_run(run_id))
        return diff_runs(loaded[0], loaded[1], **kwargs)

    yield through_history


def test_transitions_are_sorted_into_regressions_fixed_and_changed(diff: Diff) -> None:
    old = run(1, agency("a", f("O1", Status.PASS), f("O2", Status.FAIL), f("O3", Status.FAIL), f("O4", Status.PASS),
                        f("O5", Status.REVIEW), f("O6", Status.PASS)))
    new = run(2, agency("a", f("O1", Status.FAIL), f("O2", Status.PASS), f("O3", Status.ERROR), f("O4", Status.PASS),
                        f("O5", Status.PASS), f("O6", Status.ERROR)))
    d = diff(old, new)
    assert [(c.item, c.before, c.after) for c in d.regressions] == [("O1", Status.PASS, Status.FAIL),
                                                                   ("O6", Status.PASS, Status.ERROR)]
    assert [c.item for c in d.fixed] == ["O2", "O5"]
    assert [(c.item, c.after) for c in d.changed] == [("O3", Status.ERROR)]
    assert d.regressions[0].reasons[0].code == "missing_component"
    assert (d.base_run, d.head_run) == (1, 2)
    assert len(d.counted_regressions) == 2


def test_a_suppressed_regression_is_listed_but_not_counted(diff: Diff) -> None:
    d = diff(run(1, agency("a", f("O1", Status.PASS))),
                  run(2, agency("a", f("O1", Status.FAIL, suppressed="รอสภาอนุมัติ"))))
    assert len(d.regressions) == 1 and d.counted_regressions == ()


def test_urls_added_and_removed_per_item(diff: Diff) -> None:
    d = diff(run(1, agency("a", f("O1", Status.PASS, "https://a.go.th/old", "https://a.go.th/same"))),
                  run(2, agency("a", f("O1", Status.PASS, "https://a.go.th/same", "https://a.go.th/new"))))
    assert [(u.item, u.url) for u in d.added_urls] == [("O1", "https://a.go.th/new")]
    assert [(u.item, u.url) for u in d.removed_urls] == [("O1", "https://a.go.th/old")]
    assert not d.regressions and not d.fixed


def test_documents_whose_content_hash_changed(diff: Diff) -> None:
    doc, same, gone = "https://a.go.th/plan.pdf", "https://a.go.th/same.pdf", "https://a.go.th/gone.pdf"
    old = run(1, agency("a", f("O1", Status.PASS, docs=(doc,)), hashes={doc: "1" * 64, same: "2" * 64, gone: "3" * 64}))
    new = run(2, agency("a", f("O1", Status.PASS, docs=(doc,)), hashes={doc: "9" * 64, same: "2" * 64}))
    d = diff(old, new)
    assert [(c.url, c.before[0], c.after[0], c.items) for c in d.changed_documents] == [(doc, "1", "9", ("O1",))]


def test_agencies_and_items_in_one_run_only(diff: Diff) -> None:
    old = run(1, agency("a", f("O1", Status.PASS)), agency("gone", f("O1", Status.PASS)))
    new = run(2, agency("a", f("O1", Status.PASS), f("O2", Status.FAIL)), agency("fresh", f("O1", Status.FAIL)))
    d = diff(old, new)
    assert d.new_agencies == ("อบต.fresh",) and d.missing_agencies == ("อบต.gone",)
    assert d.new_items == (("อบต.a", "O2"),)
    assert not d.regressions  # a new agency's gaps are not regressions
    assert diff(old, new, head_partial=True).missing_agencies == ()  # an interrupted run did not reach it


def test_no_changes_and_fiscal_year_change(diff: Diff) -> None:
    same = diff(run(1, agency("a", f("O1", Status.PASS))), run(2, agency("a", f("O1", Status.PASS))))
    assert same.empty and same.fiscal_years is None
    moved = diff(run(1, agency("a", f("O1", Status.PASS)), fy=2568), run(2, agency("a", f("O1", Status.PASS))))
    assert moved.fiscal_years == (2568, 2569)


def test_json_form(diff: Diff) -> None:
    d = diff(run(1, agency("a", f("O1", Status.PASS))), run(2, agency("a", f("O1", Status.FAIL))))
    data = diff_dict(d)
    assert data["regressions"] == [{"agency": "a", "agency_name": "อบต.a", "item": "O1", "name_th": "ข้อ O1",
                                    "name_en": "item O1", "from": "pass", "to": "fail",
                                    "reasons": ["missing_component"], "suppressed": None}]
    assert data["fixed"] == [] and data["base_run"] == 1
