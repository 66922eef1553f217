"""Crawling (I/O): breadth-first from the home page over the agency's own site, bounded and polite.

Two rounds. The first follows what looks like ITA/OIT (and, from a page about ITA that is not itself a
listing, its content links: year → topic pages) to find the listing. Then, for the items the listing
neither links nor names, it reads the category pages their menu entries lead to (menus.py). Without a
year from the user, the newest NACC listing found sets the criteria year (never today's date, unless no
listing names a year).
"""

from __future__ import annotations

import asyncio
import heapq
import urllib.robotparser
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from oit_checker.discover.codes import has_code, ita_text, ita_url, slug_code, url_years, years_of
from oit_checker.discover.mapper import is_listing, listing_years, map_pages, page_guesses, schemes_of, year_group
from oit_checker.discover.menus import entries_to_read, is_file_url, items_to_fill, menu_entries
from oit_checker.discover.model import (
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_PAGES,
    SKIP_BUDGET,
    SKIP_ROBOTS,
    SKIP_STALE,
    Discovery,
    PageScan,
    RuleSet,
    YearMapping,
)
from oit_checker.discover.scan import scan_page
from oit_checker.extract.sniff import detect_kind
from oit_checker.fetch.client import Fetcher
from oit_checker.html.spa import detect_shell
from oit_checker.model import Catalogue, DocKind, Fetched, FetchError
from oit_checker.text.charset import decode_html
from oit_checker.text.clock import monotonic
from oit_checker.text.i18n import text
from oit_checker.text.urls import normalize_url, same_site

_MAX_TOPIC_LINKS = 20  # content links followed from one ITA page that is not a listing (year → topics)
_MAPPING_REACH = 6  # listing years looked back for an item mapping onto the criteria year

# ---------------------------------------------------------------- crawling (I/O)


@dataclass(frozen=True)
class CrawlSettings:
    max_pages: int = DEFAULT_MAX_PAGES  # HTML pages fetched (robots.txt not counted)
    max_depth: int = DEFAULT_MAX_DEPTH  # link hops from the home page
    concurrency: int = 2  # pages fetched at once (the fetcher's per-host limit applies too)
    budget_s: float = 300.0  # wall-clock limit for the whole crawl
    robots: bool = True  # honour robots.txt
    user_agent_token: str = "oit-checker"


@dataclass(order=True)
class _Queued:
    year_rank: int  # 0 names the wanted year, 1 names none, 2 names another year
    depth: int
    seq: int
    url: str = field(compare=False)
    via_text: str = field(compare=False, default="")
    inherited: tuple[int, ...] = field(compare=False, default=())
    leaf: bool = field(compare=False, default=False)  # read it, follow nothing from it (a menu's category page)


def _link_year_rank(text: str, url: str, parent_years: Iterable[int], target: frozenset[int]) -> int:
    years = years_of(text) | url_years(url)
    if not years:
        years = set(parent_years)
    group = year_group(years, target)
    return {"target": 0, "none": 1, "other": 2}[group]


def _is_listing(page: PageScan, catalogue: Catalogue) -> bool:
    if schemes_of([page], catalogue)[0].other:
        return False
    return is_listing(page, page_guesses(0, page, catalogue.ids, None))


async def _robots(fetcher: Fetcher, home: str, deadline: float) -> urllib.robotparser.RobotFileParser | None:
    parts = urlsplit(home)
    fetched = await fetcher.fetch(f"{parts.scheme}://{parts.netloc}/robots.txt", deadline=deadline)
    if not fetched.ok or "html" in fetched.content_type:
        return None  # no robots.txt (or a CMS answering every path with a page): nothing forbidden
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(fetched.body.decode("utf-8", "replace").splitlines())
    return parser


def _links_to_follow(page: PageScan, site: Sequence[str], settings: CrawlSettings, *, topics: bool
                     ) -> list[tuple[str, str]]:
    """(url, link text) of the same-site HTML pages worth fetching from `page`, in page order.

    Links that look like ITA/OIT (text or URL) and are not themselves an item's link ("O24 …", /o24-…:
    those are evidence, not index pages); meta refreshes and frames; with `topics` (a page about ITA that
    is not a listing), its titled content links too; on a splash home page with a handful of links and
    none about ITA, those few links ("เข้าสู่เว็บไซต์").
    """
    if page.depth + 1 > settings.max_depth:
        return []

    def on_site(url: str) -> bool:
        return url.startswith(("http://", "https://")) and any(same_site(url, s) for s in site) \
            and not is_file_url(url)

    out: list[tuple[str, str]] = [(u, "") for u in page.redirects if on_site(u)]
    candidates = [a for a in page.anchors if on_site(a.url)]
    for a in candidates:
        if (ita_text(a.text) or ita_url(a.url)) and not has_code(a.text) and slug_code(a.url) is None:
            out.append((a.url, a.text))
    if topics:
        titled = [a for a in candidates if not a.chrome and a.text and not has_code(a.text)
                  and slug_code(a.url) is None and len(a.text) >= 4]
        out.extend((a.url, a.text) for a in titled[:_MAX_TOPIC_LINKS])
    if page.depth == 0 and len(out) == 0 and 0 < len({a.url for a in candidates}) <= 3:
        out.extend((a.url, a.text) for a in candidates)
    return out


class _Crawl:
    """One crawl's state: the queue, what was read, skipped and failed."""

    def __init__(self, home: str, fetcher: Fetcher, settings: CrawlSettings, deadline: float,
                 clock: Callable[[], float], on_page: Callable[[str, int], None] | None,
                 render: Callable[[Fetched], Awaitable[str | None]] | None = None) -> None:
        self.home = home
        self.render = render
        self.shells: list[tuple[str, bool]] = []  # (page drawn by JavaScript, read as rendered)
        self.fetcher = fetcher
        self.settings = settings
        self.deadline = deadline
        self.clock = clock
        self.on_page = on_page
        self.robots: urllib.robotparser.RobotFileParser | None = None
        self.queue: list[_Queued] = []
        self.seen: set[str] = {home}
        self.seq = 0
        self.pages: list[PageScan] = []
        self.fetched: list[str] = []
        self.skipped: list[tuple[str, str]] = []
        self.errors: list[tuple[str, str]] = []
        self.refused: list[str] = []
        self.site = [home]
        self.home_title = ""
        self.home_final = ""
        self.target_found = False

    def push(self, rank: int, depth: int, url: str, via: str = "", inherited: tuple[int, ...] = (),
             *, leaf: bool = False) -> None:
        self.seen.add(url)
        heapq.heappush(self.queue, _Queued(rank, depth, self.seq, url, via, inherited, leaf))
        self.seq += 1

    def _next_batch(self) -> list[_Queued]:
        """The next pages to fetch together: one year rank at a time, stale years dropped once the wanted
        year's page is found, robots.txt honoured (what is passed over is recorded in `skipped`)."""
        batch: list[_Queued] = []
        room = self.settings.max_pages - len(self.fetched)
        while self.queue and len(batch) < self.settings.concurrency and len(batch) < room:
            entry = heapq.heappop(self.queue)
            if batch and entry.year_rank != batch[0].year_rank:
                # Never fetch an older year's page alongside the wanted one: the wanted one may make it moot.
                heapq.heappush(self.queue, entry)
                break
            if entry.year_rank == 2 and self.target_found:
                self.skipped.append((entry.url, SKIP_STALE))
                continue
            if self.robots is not None and not self.robots.can_fetch(self.settings.user_agent_token, entry.url):
                self.skipped.append((entry.url, SKIP_ROBOTS))
                continue
            batch.append(entry)
        return batch

    async def run(self, catalogue: Catalogue, target: frozenset[int]) -> None:
        """Fetch from the queue until it is empty or a budget is reached."""
        while self.queue and len(self.fetched) < self.settings.max_pages and self.clock() < self.deadline:
            batch = self._next_batch()
            if not batch:
                continue
            results = await asyncio.gather(*(self.fetcher.fetch(e.url, deadline=self.deadline) for e in batch))
            for entry, result in zip(batch, results, strict=True):
                await self._read(entry, result, catalogue, target)

    async def _read(self, entry: _Queued, result: Fetched, catalogue: Catalogue, target: frozenset[int]) -> None:
        self.fetched.append(entry.url)
        if self.on_page is not None:
            self.on_page(entry.url, entry.depth)
        if not result.ok:
            what = result.error.value if result.error else f"HTTP {result.status}"
            self.errors.append((entry.url, f"{what} {result.error_detail}".strip()))
            if result.error is FetchError.REFUSED:
                self.refused.append(entry.url)
            return
        if detect_kind(result.body, result.content_type, result.final_url, read_zip=False) is not DocKind.HTML:
            return  # a file behind an ITA-looking link: nothing to crawl
        final = normalize_url(result.final_url)
        self.seen.add(final)
        if entry.depth == 0:
            self.site.append(final)  # the home page may redirect (http → https, / → /index.php)
            self.home_final = self.home_final or final
        text, _ = decode_html(result.body, result.charset)
        if detect_shell(text, final):
            # A page drawn by JavaScript has no menus to read, unless a headless browser draws it (--render).
            drawn = await self.render(result) if self.render is not None else None
            self.shells.append((final, drawn is not None))
            text = drawn or text
        page = scan_page(text, final, via_text=entry.via_text, depth=entry.depth, inherited_years=entry.inherited,
                         requested=entry.url if entry.url != final else "")
        self.pages.append(page)
        if entry.depth == 0 and not self.home_title:
            self.home_title = page.title
        if entry.leaf:
            return
        listing = _is_listing(page, catalogue)
        if not self.target_found and listing and year_group(page.years, target) == "target":
            self.target_found = True
        # Topic pages (year → topic → "เปิด") are looked for only until the wanted year's listing is found.
        topics = page.ita_like and not listing and not self.target_found
        for url, via in _links_to_follow(page, self.site, self.settings, topics=topics):
            if url not in self.seen:
                self.push(_link_year_rank(via, url, page.years, target), entry.depth + 1, url, via, page.years)

    def left_over(self) -> None:
        for entry in sorted(self.queue):
            stale = entry.year_rank == 2 and self.target_found
            self.skipped.append((entry.url, SKIP_STALE if stale else SKIP_BUDGET))
        self.queue = []


# ---------------------------------------------------------------- the year of the draft


@dataclass(frozen=True)
class _Year:
    catalogue: Catalogue
    fiscal_year: int
    target: frozenset[int]
    note: str = ""


def _asked(rules: RuleSet, fiscal_year: int | None) -> _Year | None:
    """The criteria and fiscal year the user asked for; None when the listing is to decide."""
    if rules.fixed:
        cat = rules.newest
        fy = fiscal_year or cat.criteria_year
        return _Year(cat, fy, frozenset({cat.criteria_year, fy}))
    if fiscal_year is None:
        return None
    cat = rules.catalogue_for(fiscal_year)
    return _Year(cat, fiscal_year, frozenset({cat.criteria_year, fiscal_year}))


def _from_listing(rules: RuleSet, pages: Sequence[PageScan], fallback: int | None) -> _Year:
    """No year given: the newest NACC listing's year decides, else `fallback` (today's fiscal year)."""
    years = listing_years(pages, rules.newest)
    if years:
        fy = years[0]
        cat = rules.catalogue_for(fy)
        note = text("discover.year_from_listing", year=fy, criteria=cat.criteria_year)
        return _Year(cat, fy, frozenset({cat.criteria_year, fy}), note)
    fy = fallback or rules.newest.criteria_year
    cat = rules.catalogue_for(fy)
    note = text("discover.year_fallback", year=fy, criteria=cat.criteria_year)
    return _Year(cat, fy, frozenset({cat.criteria_year, fy}), note)


def _mappings(rules: RuleSet, criteria: int) -> dict[int, YearMapping]:
    out: dict[int, YearMapping] = {}
    for year in range(criteria - _MAPPING_REACH, criteria):
        mapping = rules.mapping(year, criteria)
        if mapping is not None:
            out[year] = mapping
    return out


# ---------------------------------------------------------------- discover


async def discover(home: str, rules: Catalogue | RuleSet, fetcher: Fetcher, *, fiscal_year: int | None = None,
                   settings: CrawlSettings | None = None,
                   on_page: Callable[[str, int], None] | None = None,
                   clock: Callable[[], float] = monotonic, fallback_fiscal_year: int | None = None,
                   render: Callable[[Fetched], Awaitable[str | None]] | None = None) -> Discovery:
    """Crawl the agency's site from `home` and map what its ITA/OIT listing(s) and menus link to.

    `rules`: one catalogue (used whatever the listing's year), or a `RuleSet` of every criteria year with
    the item mappings between them; then, without `fiscal_year`, the newest listing's year decides
    (`fallback_fiscal_year` when none names one). A page drawn by JavaScript (an empty shell, see
    html/spa.py) has no menus to read: it is named in the warnings, and with `render` (`--render`) it is
    read as a headless browser draws it.
    """
    ruleset = rules if isinstance(rules, RuleSet) else RuleSet({rules.criteria_year: rules}, fixed=True)
    settings = settings or CrawlSettings()
    home = normalize_url(home)
    crawl = _Crawl(home, fetcher, settings, clock() + settings.budget_s, clock, on_page, render)
    if settings.robots:
        crawl.robots = await _robots(fetcher, home, crawl.deadline)
    asked = _asked(ruleset, fiscal_year)
    crawl.push(0, 0, home)
    await crawl.run(asked.catalogue if asked else ruleset.newest, asked.target if asked else frozenset())
    year = asked or _from_listing(ruleset, crawl.pages, fallback_fiscal_year)
    mappings = _mappings(ruleset, year.catalogue.criteria_year)
    first = map_pages(crawl.pages, year.catalogue, year.target, mappings=mappings, fiscal_year=year.fiscal_year)
    await _read_menus(crawl, first, year)
    crawl.left_over()
    mapped = map_pages(crawl.pages, year.catalogue, year.target, mappings=mappings, fiscal_year=year.fiscal_year)
    shells = tuple(text("discover.shell_drawn" if drawn else "discover.shell_unread", url=url)
                   for url, drawn in crawl.shells)
    return replace(mapped, home=home, home_final=crawl.home_final, home_title=crawl.home_title,
                   warnings=mapped.warnings + shells, pages_fetched=tuple(crawl.fetched),
                   skipped=tuple(crawl.skipped), errors=tuple(crawl.errors), refused=tuple(crawl.refused),
                   fiscal_year=year.fiscal_year,
                   year_note=year.note)


async def _read_menus(crawl: _Crawl, d: Discovery, year: _Year) -> None:
    """Read the category pages behind the menu entries of the items the listing left out."""
    schemes = schemes_of(crawl.pages, year.catalogue)
    wanted = items_to_fill(d, schemes)
    entries = menu_entries(crawl.pages, year.catalogue, schemes, wanted, d.index_pages)
    crawl.left_over()  # what the first round could not read is recorded as such
    for entry in entries_to_read(crawl.pages, entries, year.catalogue):
        on_site = any(same_site(entry.url, s) for s in crawl.site)
        if on_site and crawl.settings.max_depth >= 1 and entry.url not in crawl.fetched:
            crawl.push(1, 1, entry.url, entry.text, leaf=True)
    await crawl.run(year.catalogue, year.target)
