"""Agencies → batches for the Dask executor, so that politeness per host holds across the cluster (pure).

The fetcher's politeness (requests at once per host, the pause between two requests to a host) lives in one
`Fetcher`, i.e. one worker task. So every agency that reaches a given host must be checked in the same task:

1. the hosts of an agency: its home page, every submitted URL, and every URL its previous run actually reached
   (final URLs and redirects from the stored fetch records: a Drive link, a redirect to a vendor's server);
2. agencies sharing a host are joined (union-find); each connected group goes whole into one batch;
3. hosts that very many agencies use (Google Drive, Facebook, the national e-GP system…) would glue most of
   the country into one group. Those are left out of the joining: a well-known list, plus any host reached by
   more than `SHARED_ABOVE` agencies (or more than a batch holds, if batches are bigger). For them the limit is
   per task: at most (tasks running at once × `--per-host`) requests at once — negligible for platforms built
   for the whole country's traffic. A provincial server hosting a few dozen agencies' sites is not one: its
   agencies go into one (bigger) batch.

Groups are packed, in manifest order, into batches of about `size` agencies (a group larger than `size`
stays whole); each batch is one Dask task, checked like a small local audit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from oit_checker.fetch.client import host_key
from oit_checker.model import Agency

Placed = tuple[int, Agency]

SHARED_ABOVE = 50  # a host more agencies than this reach is a platform, not a reason to group them

# Platforms that serve a great many agencies each and are built for it: never a reason to group agencies.
SHARED_PLATFORMS = frozenset({
    "drive.google.com", "docs.google.com", "sites.google.com", "forms.gle", "goo.gl", "bit.ly",
    "www.facebook.com", "facebook.com", "m.facebook.com", "web.facebook.com",
    "www.youtube.com", "youtube.com", "youtu.be", "line.me", "lin.ee",
    "onedrive.live.com", "1drv.ms", "www.dropbox.com", "dropbox.com",
    "anyflip.com", "online.anyflip.com", "fliphtml5.com", "online.fliphtml5.com", "heyzine.com", "issuu.com",
    "www.canva.com", "canva.com",
})


def agency_hosts(agency: Agency, reached: Iterable[str] = ()) -> set[str]:
    urls = [agency.home or "", *(u for urls in agency.items.values() for u in urls), *reached]
    return {h for h in (host_key(u) for u in urls if u) if h}


class _Sets:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)  # the earliest agency names the group: deterministic


def group_by_host(agencies: Sequence[Placed], reached: Mapping[str, Iterable[str]] | None = None, *,
                  shared: frozenset[str] = SHARED_PLATFORMS, shared_above: int | None = None) -> list[list[Placed]]:
    """Groups of agencies that share a host (directly or through others), each in ordinal order, groups in the
    order of their first agency. `shared_above`: a host reached by more agencies than this joins nobody."""
    reached = reached or {}
    hosts = [agency_hosts(a, reached.get(a.slug, ())) for _, a in agencies]
    users: dict[str, list[int]] = {}
    for i, hs in enumerate(hosts):
        for h in hs:
            users.setdefault(h, []).append(i)
    sets = _Sets(len(agencies))
    for h, who in users.items():
        if h in shared or (shared_above is not None and len(who) > shared_above):
            continue
        for j in who[1:]:
            sets.join(who[0], j)
    groups: dict[int, list[Placed]] = {}
    for i, placed in enumerate(agencies):
        groups.setdefault(sets.find(i), []).append(placed)
    return [sorted(g, key=lambda p: p[0]) for _, g in sorted(groups.items())]


def pack(groups: Sequence[Sequence[Placed]], size: int) -> list[list[Placed]]:
    """Whole groups, in order, into batches of about `size` agencies (never splitting a group)."""
    if size < 1:
        raise ValueError("batch size must be at least 1")
    batches: list[list[Placed]] = []
    current: list[Placed] = []
    for group in groups:
        if current and len(current) + len(group) > size:
            batches.append(current)
            current = []
        current.extend(group)
    if current:
        batches.append(current)
    return batches


def batches_by_host(agencies: Sequence[Placed], reached: Mapping[str, Iterable[str]] | None, size: int, *,
                    shared_above: int = SHARED_ABOVE) -> list[list[Placed]]:
    return pack(group_by_host(agencies, reached, shared_above=max(size, shared_above)), size)
