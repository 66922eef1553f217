"""Agencies → batches for the Dask executor: agencies that reach a common host always share a batch."""

from __future__ import annotations

import pytest

from oit_checker.engine.partition import agency_hosts, batches_by_host, group_by_host, pack
from oit_checker.model import Agency


def agency(slug: str, *urls: str, home: str | None = None) -> Agency:
    return Agency(name=slug, home=home or f"https://www.{slug}.go.th/", items={"O1": tuple(urls)}, slug=slug)


def slugs(groups: list[list[tuple[int, Agency]]]) -> list[list[str]]:
    return [[a.slug for _, a in g] for g in groups]


def test_hosts_come_from_home_submitted_urls_and_what_the_last_run_reached() -> None:
    a = agency("a", "https://www.a.go.th/o1", "http://WWW.B.GO.TH./x", home="https://www.a.go.th/")
    assert agency_hosts(a) == {"www.a.go.th", "www.b.go.th"}
    assert agency_hosts(a, ["https://cms.vendor.co.th/a/o1.pdf", "not a url"]) == \
        {"www.a.go.th", "www.b.go.th", "cms.vendor.co.th"}


def test_agencies_sharing_a_host_directly_or_through_others_form_one_group() -> None:
    agencies = list(enumerate([
        agency("a", "https://hosting.example.th/a/o1"),
        agency("b", "https://www.b.go.th/o1"),
        agency("c", "https://hosting.example.th/c/o1", "https://www.d.go.th/x"),  # a–c via hosting, c–d via d
        agency("d", "https://www.d.go.th/o1"),
        agency("e", "https://www.e.go.th/o1"),
    ]))
    assert slugs(group_by_host(agencies)) == [["a", "c", "d"], ["b"], ["e"]]
    # The previous run saw b redirected to e's server: now they go together too.
    reached = {"b": {"https://www.e.go.th/b-files/o1.pdf"}}
    assert slugs(group_by_host(agencies, reached)) == [["a", "c", "d"], ["b", "e"]]


def test_shared_platforms_and_very_common_hosts_join_nobody() -> None:
    agencies = list(enumerate([agency(s, "https://drive.google.com/file/d/x/view",
                                      "https://process3.gprocurement.go.th/egp/report") for s in "abcd"]))
    assert slugs(group_by_host(agencies)) == [["a", "b", "c", "d"]]  # e-GP alone glues them…
    assert slugs(group_by_host(agencies, shared_above=3)) == [["a"], ["b"], ["c"], ["d"]]  # …unless it is common
    assert slugs(group_by_host(agencies, shared_above=4)) == [["a", "b", "c", "d"]]


def test_groups_are_packed_whole_in_manifest_order() -> None:
    agencies = list(enumerate([agency(s) for s in "abcdefg"]))
    groups = [[agencies[0]], [agencies[1], agencies[2], agencies[3]], [agencies[4]], [agencies[5]], [agencies[6]]]
    assert slugs(pack(groups, 2)) == [["a"], ["b", "c", "d"], ["e", "f"], ["g"]]
    assert slugs(pack(groups, 100)) == [["a", "b", "c", "d", "e", "f", "g"]]
    with pytest.raises(ValueError):
        pack(groups, 0)


def test_batches_by_host_never_split_a_host_and_keep_ordinals() -> None:
    agencies = [agency(f"x{n}", f"https://www.x{n % 5}.go.th/o1", home=f"https://www.x{n}.go.th/") for n in range(20)]
    placed = list(enumerate(agencies))  # www.x0 … www.x4 are each reached by 4 agencies

    def batches_of_each_host(size: int, shared_above: int = 50) -> list[int]:
        batches = batches_by_host(placed, None, size, shared_above=shared_above)
        assert sorted(o for b in batches for o, _ in b) == list(range(20))  # every agency once
        assert all([o for o, _ in b] == sorted(o for o, _ in b) for b in batches)
        return [len({i for i, b in enumerate(batches) for _, a in b if f"www.x{k}.go.th" in agency_hosts(a)})
                for k in range(5)]

    assert batches_of_each_host(5) == [1] * 5  # each host's agencies in exactly one batch
    assert batches_of_each_host(3) == [1] * 5  # even when the group is bigger than a batch
    assert batches_of_each_host(3, shared_above=3) == [4] * 5  # a host more than 3 agencies reach: a platform
