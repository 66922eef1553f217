"""discover on one /ita/ page with Elementor tabs "ปีงบประมาณ พ.ศ. 2569 / 2568 / 2567" (fixtures/discover_shapes,
year-tabs): the panes are told apart by their tab titles; the 2569 pane uses the 2569 numbering; items still
"อยู่ระหว่างดำเนินการ" stay empty (and are not filled from menus)."""

from __future__ import annotations

import pytest

from tests.support.discover_shapes import Run, run_shape

UP = "http://www.craftpromo-demo.or.th/wp-content/uploads"


@pytest.fixture(scope="module", params=["year-tabs-2568", "year-tabs-2569"])
def run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Run:
    return run_shape(request.param, tmp_path_factory.mktemp(request.param))


def test_every_item_exact_and_the_tab_of_the_year_chosen(run: Run) -> None:
    assert run.exit_code == 0
    assert run.not_exact() == {}
    assert run.traps_drafted() == set() and run.other_scheme_urls() == set()
    assert run.listing_year_used == f"{run.listing_year_expected} (stated)"
    assert run.score.conf_ok == run.score.conf_total > 0


def test_no_link_of_another_tab(run: Run) -> None:
    year = run.listing_year_expected
    others = {y: {u for u in urls} for y, urls in run.spec.evidence.items() if y != year}
    drafted = {u for urls in run.draft.items.values() for u in urls}
    assert all(not (drafted & urls) for urls in others.values())


def test_items_in_progress_stay_empty(run: Run) -> None:
    if run.key != "year-tabs-2569":
        return
    for item in ("O12", "O19", "O24", "O26"):
        assert run.urls(item) == set()
        assert f"#   {item} " in run.text and "(named by the listing, without a link)" in run.text
    # A label that is itself a link ("O20 …") carries the links below it: medium.
    assert run.draft.levels[("O20", f"{UP}/2026/01/gift-report-2569.pdf")] == "medium"
