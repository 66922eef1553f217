"""discover on a local-administration site with no ITA listing (fixtures/discover_shapes, vendor-menus): every
item is a menu entry titled with the item's title or a near variant, leading to a category page of posts of
several years; look-alike entries (a 3-year manpower plan, the budget ordinance, the e-GP feed …) are traps."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.discover_shapes import Run, run_shape

H = "http://www.huainamsai-demo.go.th"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return run_shape("vendor-menus", tmp_path_factory.mktemp("vendor"))


def test_every_item_exact(run: Run) -> None:
    assert run.exit_code == 0  # no listing, but the menus gave links
    assert run.not_exact() == {}
    assert run.traps_drafted() == set() and run.other_scheme_urls() == set()


def test_listing_year_and_every_link_low_with_its_menu_entry(run: Run) -> None:
    assert run.listing_year_used == f"{run.listing_year_expected} (stated)"
    assert "# Listing year: none — no ITA/OIT listing on the site; 27 items from its menus" in run.text
    assert run.score.conf_ok == run.score.conf_total > 0
    assert set(run.draft.levels.values()) == {"low"}
    # The reason names the entry and, for a category page, the post chosen in it.
    assert ('"http://www.huainamsai-demo.go.th/public/list/data/detail/id/5872/menu/1180",  # confidence: low — '
            'menu entry "แผนปฏิบัติการป้องกันปราบปรามการทุจริตฯ"') in run.text
    assert 'post "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2568"' in run.text


def test_posts_of_the_period_each_item_asks_for(run: Run) -> None:
    # O12 (first half of FY 2568): the two quarters Oct–Mar, not April nor FY 2567's quarters.
    assert run.urls("O12") == {f"{H}/public/list/data/detail/id/5815/menu/1152",
                               f"{H}/public/list/data/detail/id/5816/menu/1152"}
    # O7: the FY 2567 annual report and the 6-month report of FY 2568 (rules: [items.discover] periods).
    assert run.urls("O7") == {f"{H}/public/list/data/detail/id/5833/menu/1159",
                              f"{H}/public/list/data/detail/id/5834/menu/1159"}
    # O5 (a plan covering FY 2568): the plan, not its amendment nor the 2561–2565 plan.
    assert run.urls("O5") == {f"{H}/public/list/data/detail/id/5824/menu/1155"}
    # O4 is the news page itself ([items.discover] page = true), not an ITA notice titled "ประชาสัมพันธ์…".
    assert run.urls("O4") == {f"{H}/public/list/data/index/menu/1150"}


def test_look_alike_entries_stay_out(run: Run, tmp_path: Path) -> None:
    drafted = {u for urls in run.draft.items.values() for u in urls}
    for trap in ("/public/list/data/index/menu/1149",  # แผนอัตรากำลัง 3 ปี: not O14
                 "/public/rss/egp/listegp/menu/1151",  # the e-GP feed: not O12
                 "/public/list/data/index/menu/1154",  # แผนการจัดหาพัสดุ: not O12
                 "/public/complain/data/index/menu/1171"):  # general complaints: not O18
        assert H + trap not in drafted
