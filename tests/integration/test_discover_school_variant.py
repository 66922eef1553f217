"""discover on a school's site (fixtures/discover_shapes, school-variant) whose "ITA Online" listings are
numbered O1–O43: codes in the NACC notation that belong to another scheme. The draft must stay empty, say
why, and not fall back on the site's menus."""

from __future__ import annotations

import pytest

from tests.support.discover_shapes import Run, run_shape


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return run_shape("school-variant", tmp_path_factory.mktemp("school"))


def test_nothing_drafted(run: Run) -> None:
    assert run.exit_code == 1  # nothing found
    assert run.not_exact() == {}
    assert all(urls == [] for urls in run.draft.items.values())
    assert run.other_scheme_urls() == set()


def test_the_draft_says_the_listing_is_not_a_nacc_one(run: Run) -> None:
    assert run.listing_year_used == "none" and run.listing_year_expected == 0
    assert "# Listing year: none — the site's ITA listings belong to another scheme." in run.text
    for page in ("ita-2568", "ita-2567"):
        assert ("# skipped: school ITA Online (O1–O43) listing — another scheme's numbering (item codes up to O43, "
                f"beyond O28), never OIT items; at\n#   http://www.nonsawan-demo.ac.th/{page}/") in run.text
    assert "# WARNING: " in run.text
