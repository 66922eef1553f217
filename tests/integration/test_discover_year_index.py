"""discover on a vendor ITA module (fixtures/discover_shapes, year-index): ITA → a year list → "ITA ปี
2568" (topic cards of coded rows with "เปิด" buttons) and an "ITA ปี 2567" archive, with a stale 2567 banner
on the home page. Three runs: the year asked for, the next criteria year (codes carried through
rules/mapping-2568-2569.toml, never by equal number), and no year at all (the listing's year decides,
whatever today's date says)."""

from __future__ import annotations

import pytest

from tests.support.discover_shapes import Run, run_shape

H = "http://www.phonngam-demo.go.th"


@pytest.fixture(scope="module", params=["year-index-2568", "year-index-2569", "year-index-auto"])
def run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Run:
    return run_shape(request.param, tmp_path_factory.mktemp(request.param))


def test_every_item_exact_and_the_2568_listing_chosen(run: Run) -> None:
    assert run.exit_code == 0
    assert run.not_exact() == {}
    assert run.traps_drafted() == set() and run.other_scheme_urls() == set()
    assert run.listing_year_used == "2568 (stated)" == f"{run.listing_year_expected} (stated)"
    assert run.draft.pages_read == [f"{H}/Pages/ita_year/12"]
    assert run.score.conf_ok == run.score.conf_total > 0


def test_criteria_year_of_the_draft(run: Run) -> None:
    criteria = {"year-index-2568": 2568, "year-index-2569": 2569, "year-index-auto": 2568}[run.key]
    assert run.draft.criteria == criteria
    assert f"fiscal_year = {criteria}" in run.text


def test_carried_codes_go_through_the_mapping(run: Run) -> None:
    if run.key != "year-index-2569":
        assert "mapping-2568-2569.toml" not in run.text
        return
    assert "# Listing year: 2568, read for the ITA 2569 items: codes carried through mapping-2568-2569.toml" \
        in run.text
    assert set(run.draft.levels.values()) == {"low"}
    # 2568 O12 (procurement list) is 2569 O11; 2568 O11 (service statistics) has no successor; 2569 O25 is new.
    assert run.urls("O11") == {f"{H}/docs/file/687eaf37258c154e8081.pdf", f"{H}/docs/file/dbc37fc62ca6950df855.pdf"}
    assert f"{H}/docs/file/14e60d758e560967ecf8.pdf" not in {u for urls in run.draft.items.values() for u in urls}
    assert run.urls("O25") == set()
    assert "ITA 2568 O21 → ITA 2569 O20" in run.text and "ITA 2568 O22 → ITA 2569 O20" in run.text


def test_no_year_given_follows_the_listing_not_today(run: Run) -> None:
    if run.key != "year-index-auto":
        return
    # The test clock says FY 2570 (ITA 2569 by date); the newest listing says 2568.
    assert "# ITA 2568 criteria" in run.text and "--fiscal-year" in run.text.split("[agency]")[0]
