"""discover on a sub-district health centre's site (fixtures/discover_shapes, health-moit) whose "ITA" menu
holds a NACC "OIT ปี 2568" table beside the Ministry of Public Health's MOIT 1–22 listings: no MOIT
document may land on an OIT item, and the draft says which listing it skipped."""

from __future__ import annotations

import pytest

from tests.support.discover_shapes import Run, run_shape


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return run_shape("health-moit", tmp_path_factory.mktemp("moit"))


def test_every_item_exact_and_no_moit_document(run: Run) -> None:
    assert run.exit_code == 0
    assert run.not_exact() == {}
    assert run.other_scheme_urls() == set()
    assert not any("MOIT" in u for urls in run.draft.items.values() for u in urls)


def test_listing_year_and_the_skipped_moit_listing(run: Run) -> None:
    assert run.listing_year_used == "2568 (stated)"
    assert run.draft.pages_read == ["http://www.khoksamran-hph-demo.go.th/ita/oit-2568/"]
    assert ("# skipped: MOIT (กระทรวงสาธารณสุข) listing — another scheme's numbering (MOIT 1–22), never OIT items; "
            "at\n#   http://www.khoksamran-hph-demo.go.th/ita/moit-2568/") in run.text
    assert run.score.conf_ok == run.score.conf_total > 0


def test_a_pdf_in_both_listings_stays_under_its_oit_item(run: Run) -> None:
    shared = "http://www.khoksamran-hph-demo.go.th/wp-content/uploads/2024/11/code-of-ethics-civil-service.pdf"
    assert shared in run.urls("O16")
    assert [i for i, urls in run.draft.items.items() if shared in urls] == ["O16"]
