"""Mapping scanned pages to items (pure): the listing of the year under check, then the site's menus.

1. Pages of another scheme (MOIT, a school's "ITA Online" list …) are set aside: none of their links
   can land on an item (schemes.py).
2. The NACC listing pages are those tying links to at least MIN_INDEX_ITEMS items by code, row, heading
   or slug (or, on a page that says ITA/OIT, by any signal once one is a code). Each link belongs to the
   year its section (heading, tab, accordion) or page names; the listing of the wanted year is used with
   its year-less links, else the year-less links, else the newest other year's — its codes carried to
   the criteria year through the item mapping (rules/mapping-<from>-<to>.toml), never by equal number,
   every carried link low; without a mapping only its title matches remain, low.
3. Loose code forms ("ข้อ 24", "024", a bare "24", "24. …") count only inside an OIT listing section: one
   whose heading says ITA/OIT or that holds O-coded links, or a page about ITA without headings.
4. Items the listing neither links nor names are looked for in the site's menus (menus.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from oit_checker.discover.codes import code_in_label, ita_text, looks_like_url, slug_code, strong_codes
from oit_checker.discover.menus import fill_from_menus
from oit_checker.discover.model import (
    MIN_INDEX_ITEMS,
    RANK,
    Anchor,
    Discovery,
    ItemLink,
    LinkConfidence,
    Listing,
    PageScan,
    SkippedListing,
    YearMapping,
    why_text,
)
from oit_checker.discover.schemes import SchemeVerdict, anchor_is_moit, page_scheme
from oit_checker.discover.titles import Titles, informative, short
from oit_checker.model import Catalogue
from oit_checker.text.i18n import text

# ---------------------------------------------------------------- one link


@dataclass(frozen=True)
class Guess:
    item: str
    confidence: LinkConfidence
    signal: str
    why: str


@dataclass(frozen=True)
class CodeRules:
    """Which code forms count for one link (see the module docstring, point 3)."""

    weak: bool = True  # "ข้อ 24", "024", a bare "24" in a table's first column
    dotted: bool = False  # "24. …" opening the link text


def guess_item(anchor: Anchor, ids: Sequence[str], titles: Titles | None, *, allow_title: bool,
               rules: CodeRules = CodeRules()) -> Guess | None:
    """The item one link belongs to, by its strongest signal (see the package docstring)."""
    link = why_text("link_text", text=short(anchor.text)) if anchor.text else why_text("no_link_text")
    if anchor.text and not looks_like_url(anchor.text):
        item = code_in_label(anchor.text, ids, weak=rules.weak, dotted=rules.dotted)
        if item:
            return Guess(item, LinkConfidence.HIGH, "code", link)
    found = _context_code(anchor, ids, rules, link)
    if found is not None:
        return found
    if allow_title and titles is not None:
        return _title_guess(anchor, titles, link)
    return None


def _context_code(anchor: Anchor, ids: Sequence[str], rules: CodeRules, link: str) -> Guess | None:
    for cell in anchor.row_cells:
        item = code_in_label(cell, ids, weak=rules.weak)
        if item:
            return Guess(item, LinkConfidence.MEDIUM, "row", why_text("row", cell=short(cell, 40), link=link))
    if anchor.row_cells and not anchor.row_numbered and rules.weak:
        item = code_in_label(anchor.row_cells[0], ids, bare=True)
        if item:
            why = why_text("row", cell=short(anchor.row_cells[0], 40), link=link)
            return Guess(item, LinkConfidence.MEDIUM, "row", why)
    for label in anchor.labels:
        item = code_in_label(label, ids, weak=rules.weak)
        if item:
            return Guess(item, LinkConfidence.MEDIUM, "heading", why_text("heading", label=short(label, 60), link=link))
    slug = slug_code(anchor.url, ids)
    if slug:
        return Guess(slug[0], LinkConfidence.MEDIUM, "slug", why_text("slug", slug=short(slug[1], 50), link=link))
    return None


def _title_guess(anchor: Anchor, titles: Titles, link: str) -> Guess | None:
    hit = titles.match(anchor.text) if informative(anchor.text) else None
    if hit:
        return Guess(hit[0], LinkConfidence.LOW, "title", why_text("title", title=hit[1], link=link))
    row_text = " ".join(anchor.row_cells)
    hit = titles.match(row_text) if anchor.row_cells else None
    if hit:
        return Guess(hit[0], LinkConfidence.LOW, "title",
                     why_text("title_row", title=hit[1], row=short(row_text, 50), link=link))
    return None



# ---------------------------------------------------------------- sections and pages


def _strong(anchor: Anchor, ids: frozenset[int]) -> bool:
    return any(strong_codes(t) & ids for t in (anchor.text, *anchor.row_cells, *anchor.labels))


def code_rules(page: PageScan, numbers: frozenset[int]) -> dict[int, CodeRules]:
    """Per section of `page`: which code forms count there (module docstring, point 3)."""
    coded = {a.section for a in page.anchors if not a.chrome and _strong(a, numbers)}
    titled = {a.section for a in page.anchors if a.section and ita_text(a.section_title)}
    out: dict[int, CodeRules] = {}
    for a in page.anchors:
        oit = a.section in coded or a.section in titled or (a.section == 0 and page.ita_like)
        out[a.section] = CodeRules(weak=oit, dotted=a.section in coded)
    return out


@dataclass(frozen=True)
class Found:
    """One guessed link of a listing page."""

    page: int
    anchor: int
    years: tuple[int, ...]
    guess: Guess


def page_guesses(p_i: int, page: PageScan, ids: Sequence[str], titles: Titles | None) -> list[Found]:
    numbers = frozenset(int(i[1:]) for i in ids)
    rules = code_rules(page, numbers)
    out: list[Found] = []
    for a_i, anchor in enumerate(page.anchors):
        if anchor_is_moit(anchor):
            continue
        section = rules.get(anchor.section, CodeRules())
        guess = guess_item(anchor, ids, titles, allow_title=page.ita_like and not anchor.chrome, rules=section)
        if guess is not None:
            out.append(Found(p_i, a_i, tuple(anchor.section_years or page.years), guess))
    return out


def is_listing(page: PageScan, found: Sequence[Found]) -> bool:
    """At least MIN_INDEX_ITEMS items by code, row, heading or slug; on a page about ITA, by any signal
    once one of them is a code (a page of titles alone is a menu, not a listing)."""
    strong = {f.guess.item for f in found if f.guess.confidence is not LinkConfidence.LOW}
    every = {f.guess.item for f in found}
    return len(strong) >= MIN_INDEX_ITEMS or (page.ita_like and bool(strong) and len(every) >= MIN_INDEX_ITEMS)


def year_group(years: Iterable[int], target: frozenset[int]) -> str:
    ys = set(years)
    if not ys:
        return "none"
    return "target" if ys & target else "other"


def schemes_of(pages: Sequence[PageScan], catalogue: Catalogue) -> list[SchemeVerdict]:
    top = max(int(i[1:]) for i in catalogue.ids)
    return [page_scheme(page, top) for page in pages]


def listing_years(pages: Sequence[PageScan], catalogue: Catalogue) -> list[int]:
    """The years of the NACC listings among `pages`, newest first (for a run given no year)."""
    schemes = schemes_of(pages, catalogue)
    years: set[int] = set()
    for p_i, page in enumerate(pages):
        if schemes[p_i].other:
            continue
        found = page_guesses(p_i, page, catalogue.ids, None)
        if is_listing(page, found):
            # A range ("แผน 2566 - 2570" in a title) is no listing year.
            years.update(y for f in found if len(f.years) <= 2 for y in f.years)
    return sorted(years, reverse=True)


# ---------------------------------------------------------------- choosing the listing


@dataclass(frozen=True)
class _Choice:
    used: list[Found]
    listing: Listing
    warnings: tuple[str, ...] = ()

    @property
    def carried(self) -> bool:  # codes went through an item mapping: every link is low
        return self.listing.carried is not None

    @property
    def titles_only(self) -> bool:  # another year's listing without a mapping: its codes are not read
        return self.listing.titles_only


def _choose(found: list[Found], target: frozenset[int], criteria: int, mappings: Mapping[int, YearMapping],
            pages: Sequence[PageScan]) -> _Choice:
    groups = {year_group(f.years, target) for f in found}
    if "target" in groups:
        used = [f for f in found if year_group(f.years, target) in ("target", "none")]
        years = sorted({y for f in used for y in f.years} & target)
        return _Choice(used, Listing(year=max(years)))
    if "none" in groups:
        return _Choice([f for f in found if not f.years], Listing(year=None))
    if not found:
        return _Choice([], Listing(year=None))
    newest = max(max(f.years) for f in found)
    used = [f for f in found if max(f.years) == newest]
    wanted = "/".join(str(y) for y in sorted(target)) or str(criteria)
    mapping = mappings.get(newest)
    if mapping is not None:
        carried = _carry(used, mapping, pages)
        # A link known by its title alone was matched against the criteria's own titles: it needs no carrying.
        coded = {(f.page, f.anchor) for f in carried}
        carried += [f for f in used if f.guess.signal == "title" and (f.page, f.anchor) not in coded]
        return _Choice(carried, Listing(year=newest, carried=mapping), warnings=(
            text("discover.warn_carried", listing=newest, wanted=wanted, criteria=criteria, mapping=mapping.source),))
    titled = [f for f in used if f.guess.signal == "title"]
    return _Choice(titled, Listing(year=newest, titles_only=True), warnings=(
        text("discover.warn_titles_only", listing=newest, wanted=wanted, criteria=criteria),))


def _carry(used: list[Found], mapping: YearMapping, pages: Sequence[PageScan]) -> list[Found]:
    """Re-read the other year's listing with its own item codes and carry each to its successor."""
    ids = tuple(mapping.items)
    out: list[Found] = []
    for p_i in sorted({f.page for f in used}):
        for f in page_guesses(p_i, pages[p_i], ids, None):
            if max(f.years, default=0) != mapping.from_year:
                continue
            m = mapping.items.get(f.guess.item)
            if m is None or m.dropped:
                continue
            why = why_text("carried", a=mapping.from_year, item=f.guess.item, b=mapping.to_year, target=m.target,
                       source=mapping.source, why=f.guess.why)
            out.append(replace(f, guess=Guess(m.target, LinkConfidence.LOW, f.guess.signal, why)))
    return out


# ---------------------------------------------------------------- assembling the items


def _items(used: list[Found], pages: Sequence[PageScan], ids: Sequence[str], index_urls: set[str],
           cap_low: bool) -> dict[str, tuple[ItemLink, ...]]:
    """Per item its links, strongest first. Per URL, guesses weaker than that URL's best are dropped (a
    menu link whose title resembles O4 does not undo its row's "O3"); per item, low guesses give way to
    any high or medium one."""
    def level(f: Found) -> LinkConfidence:
        return LinkConfidence.LOW if cap_low else f.guess.confidence

    best_for_url: dict[str, int] = {}
    for f in used:
        url = pages[f.page].anchors[f.anchor].url
        best_for_url[url] = min(best_for_url.get(url, 9), RANK[level(f)])
    per_item: dict[str, dict[str, tuple[int, int, ItemLink]]] = {item: {} for item in ids}
    for order, f in enumerate(used):
        url = pages[f.page].anchors[f.anchor].url
        if url in index_urls or f.guess.item not in per_item:
            continue  # a breadcrumb or menu link back to a listing page is not evidence
        confidence = level(f)
        if RANK[confidence] > best_for_url[url]:
            continue
        link = ItemLink(url=url, confidence=confidence, signal=f.guess.signal, why=f.guess.why,
                        page=pages[f.page].url)
        current = per_item[f.guess.item].get(url)
        if current is None or RANK[confidence] < current[0]:
            per_item[f.guess.item][url] = (RANK[confidence], current[1] if current else order, link)
    items: dict[str, tuple[ItemLink, ...]] = {}
    for item in ids:
        entries = sorted(per_item[item].values(), key=lambda e: (e[0], e[1]))
        if any(rank < RANK[LinkConfidence.LOW] for rank, _, _ in entries):
            entries = [e for e in entries if e[0] < RANK[LinkConfidence.LOW]]
        items[item] = tuple(e[2] for e in entries)
    return items


def _named(choice: _Choice, pages: Sequence[PageScan], ids: Sequence[str], target: frozenset[int]
           ) -> tuple[str, ...]:
    """Items the chosen listing names, linked or not ("O12 … – อยู่ระหว่างดำเนินการ")."""
    year = choice.listing.year
    mapping = choice.listing.carried
    named: set[str] = set()
    for p_i in sorted({f.page for f in choice.used}):
        for label, years in pages[p_i].code_labels or ():
            ys = tuple(years) or pages[p_i].years
            if choice.carried:
                if mapping is None or max(ys, default=0) != year:
                    continue
                source = code_in_label(label, tuple(mapping.items))
                m = mapping.items.get(source) if source else None
                if m is not None and not m.dropped:
                    named.add(m.target)
            elif year is None or year_group(ys, target) in ("target", "none"):
                item = code_in_label(label, ids)
                if item:
                    named.add(item)
    return tuple(i for i in ids if i in named)


def map_pages(pages: Sequence[PageScan], catalogue: Catalogue, target_years: Iterable[int], *,
              mappings: Mapping[int, YearMapping] | None = None, fiscal_year: int | None = None) -> Discovery:
    """Item → links from the site's ITA/OIT listing(s) among `pages`, then from its menus (the pure heart of
    discovery; see the module docstring).

    `mappings`: listing year → item mapping onto `catalogue`'s codes (rules/mapping-*.toml), for a listing
    of another year. `fiscal_year`: the year whose posts a menu's category pages are searched for
    (default: the criteria year).
    """
    target = frozenset(target_years)
    mappings = mappings or {}
    ids = catalogue.ids
    titles = Titles(catalogue)
    schemes = schemes_of(pages, catalogue)
    skipped = tuple(SkippedListing(pages[i].url, v.label, v.why, pages[i].years)
                    for i, v in enumerate(schemes) if v.other)
    found: list[Found] = []
    index_pages: list[int] = []
    for p_i, page in enumerate(pages):
        if schemes[p_i].other:
            continue
        guesses = page_guesses(p_i, page, ids, titles)
        if is_listing(page, guesses):
            index_pages.append(p_i)
            found.extend(guesses)
    choice = _choose(found, target, catalogue.criteria_year, mappings, pages)
    if not index_pages and skipped:
        labels = ", ".join(dict.fromkeys(s.label for s in skipped))
        choice = replace(choice, warnings=(*choice.warnings, text("discover.warn_other_scheme", labels=labels)))
    used_pages = sorted({f.page for f in choice.used})
    index_urls = {pages[i].url for i in index_pages}
    discovery = Discovery(
        criteria_year=catalogue.criteria_year,
        items=_items(choice.used, pages, ids, index_urls, cap_low=choice.carried or choice.titles_only),
        item_names={i.id: i.name_th for i in catalogue.items},
        index_pages=tuple(pages[i].url for i in used_pages),
        stale_pages=tuple((pages[i].url, pages[i].years) for i in index_pages if i not in used_pages),
        warnings=choice.warnings,
        listing=replace(choice.listing, named=_named(choice, pages, ids, target)),
        other_schemes=skipped,
    )
    filled = fill_from_menus(discovery, pages, catalogue, schemes, fiscal_year or catalogue.criteria_year)
    # An item only some agencies list (2568 O28) is part of the draft when its link was found, else not missed.
    unlisted = {i.id for i in catalogue.items if i.listed_only and not filled.items.get(i.id)}
    if not unlisted:
        return filled
    return replace(filled, items={k: v for k, v in filled.items.items() if k not in unlisted},
                   hints={k: v for k, v in filled.hints.items() if k not in unlisted})
