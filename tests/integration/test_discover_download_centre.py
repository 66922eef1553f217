"""discover on a download-centre vendor site (fixtures/discover_shapes, download-centre): menu
"ศูนย์ข้อมูลข่าวสาร" → a group page → "OIT ประจำปี 2568" under a /download/ path, a table whose document
names carry the code as 001, O.2, ข้อ 3, OIT-O5, 6., o๘ …, several rows per item, last year's block and
numbered citizen forms on the same page."""

from __future__ import annotations

import pytest

from tests.support.discover_shapes import Run, run_shape

FILES = "http://www.nakhamtai-demo.go.th/webs/files/download"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return run_shape("download-centre", tmp_path_factory.mktemp("download"))


def test_every_item_exact(run: Run) -> None:
    assert run.exit_code == 0
    assert run.not_exact() == {}
    assert run.traps_drafted() == set() and run.other_scheme_urls() == set()


def test_the_download_path_is_read_as_a_page_and_its_year_chosen(run: Run) -> None:
    assert run.draft.pages_read == [
        "http://www.nakhamtai-demo.go.th/webs/th/grouppage/1/download/C00012/"]
    assert run.listing_year_used == "2568 (stated)"
    assert run.score.conf_ok == run.score.conf_total > 0


def test_unusual_code_forms_are_high_and_the_running_number_is_not_a_code(run: Run) -> None:
    levels = run.draft.levels
    assert levels[("O1", f"{FILES}/C00012/2568011001.pdf")] == "high"  # "001 …"
    assert levels[("O6", f"{FILES}/C00012/2568011006.pdf")] == "high"  # "6. …"
    assert levels[("O8", f"{FILES}/C00012/2568011010.pdf")] == "high"  # "o๘ …"
    # Rows 7 and 8 both belong to O7 ("007 …"): the running number 8 is not O8.
    assert run.urls("O7") == {f"{FILES}/C00012/2568011007.pdf", f"{FILES}/C00012/2568041008.pdf"}
    # "12." / "18." / "24." open citizen forms in a section that is no OIT listing: no code there.
    assert not any("/C00005/" in u for urls in run.draft.items.values() for u in urls)


def test_items_the_table_leaves_out_come_from_the_menus(run: Run) -> None:
    assert run.urls("O4") == {"http://www.nakhamtai-demo.go.th/webs/th/news/"}
    assert run.urls("O10") == {"http://www.nakhamtai-demo.go.th/webs/th/eservice/"}
    assert run.draft.levels[("O10", "http://www.nakhamtai-demo.go.th/webs/th/eservice/")] == "low"
