"""Which ITA year a found listing is for, and reading its codes with that year's criteria (pure).

An item code means nothing without its criteria year: 2568's O25 is 2569's O23. So the codes of a listing
are read with the catalogue of the year the listing names ("ITA ปี 2568", "ประจำปี 2568", the accordion or
tab it sits in). When that differs from the criteria asked for, they are carried over through
rules/mapping-<from>-<to>.toml, never by equal number; with no year asked for, the listing's year is used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from oit_checker.catalogue.mapping import MappedItem
from oit_checker.discover.mapper import map_pages
from oit_checker.discover.model import RANK, Discovery, ItemLink, LinkConfidence, PageScan
from oit_checker.model import Catalogue
from oit_checker.text.i18n import text

CatalogueFor = Callable[[int], Catalogue | None]
MappingFor = Callable[[int, int], Mapping[str, MappedItem] | None]


def listing_year(d: Discovery) -> int | None:
    """The one ITA year the used listing names (its page or the sections its links sit in). When the listing
    used names no year but dated ITA listings were passed over, the newest of those: a page that says
    "ITA ปี 2568" tells more than one that says no year. None when it cannot be told."""
    years = set(d.listing_years)
    if len(years) == 1:
        return years.pop()
    dated = [y for _, page_years in d.stale_pages for y in page_years]
    return max(dated) if not years and dated else None


def translate(listing: Discovery, mapping: Mapping[str, MappedItem], target: Catalogue) -> Discovery:
    """A listing's item → links carried to `target`'s codes through `mapping` (merged items combine; an item
    with no successor is dropped; a guessed correspondence makes its links low)."""
    items: dict[str, list[ItemLink]] = {item: [] for item in target.ids}
    for source, links in listing.items.items():
        m = mapping.get(source)
        if m is None or m.dropped or m.target not in items:
            continue
        for link in links:
            confidence = LinkConfidence.LOW if m.confidence.is_guess else link.confidence
            why = f"ITA {listing.criteria_year} {source} → {m.target} ({m.confidence.value}): {link.why}"
            items[m.target].append(replace(link, confidence=confidence, why=why))
    return replace(listing, criteria_year=target.criteria_year,
                   items={k: tuple(sorted(v, key=lambda x: RANK[x.confidence])) for k, v in items.items()},
                   item_names={i.id: i.name_th for i in target.items})


def settle_year(pages: Sequence[PageScan], mapped: Discovery, catalogue: Catalogue, target: Iterable[int], *,
                catalogue_for: CatalogueFor, mapping_for: MappingFor, year_fixed: bool) -> Discovery:
    """`mapped` (codes read with `catalogue`) when the listing is for that criteria year or names none;
    otherwise the listing's codes read with its own year's catalogue, kept (no year asked for) or mapped to
    the asked criteria, with a warning that says which."""
    year = listing_year(mapped)
    if year is None or year == catalogue.criteria_year:
        return mapped
    own = catalogue_for(year)
    if own is None:
        return mapped  # no catalogue for that year: the old, capped guesses stand
    listing = map_pages(pages, own, {year, *target})
    if not year_fixed:
        note = text("discover.listing_year", listing=year)
        return replace(listing, warnings=(note, *listing.warnings))
    name = f"rules/mapping-{year}-{catalogue.criteria_year}.toml"
    mapping = mapping_for(year, catalogue.criteria_year)
    if mapping is None:
        note = text("discover.no_mapping", listing=year, wanted=catalogue.criteria_year, mapping=name)
        return replace(mapped, warnings=(*mapped.warnings, note))
    carried = translate(listing, mapping, catalogue)
    note = text("discover.mapped_codes", listing=year, wanted=catalogue.criteria_year, mapping=name)
    return replace(carried, warnings=(note,))
