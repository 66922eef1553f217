"""Crawling (I/O): breadth-first from the home page over the agency's own site, bounded and polite."""

from __future__ import annotations

import asyncio
import heapq
import urllib.robotparser
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from oit_checker.discover.codes import has_code, ita_text, ita_url, slug_code, url_years, years_of
from oit_checker.discover.mapper import map_pages, year_group
from oit_checker.discover.model import (
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_PAGES,
    SKIP_BUDGET,
    SKIP_ROBOTS,
    SKIP_STALE,
    Discovery,
    PageScan,
)
from oit_checker.discover.scan import scan_page
from oit_checker.discover.years import CatalogueFor, MappingFor, settle_year
from oit_checker.extract.sniff import detect_kind
from oit_checker.fetch.client import Fetcher
from oit_checker.html.spa import detect_shell
from oit_checker.model import Catalogue, DocKind, Fetched
from oit_checker.text import i18n
from oit_checker.text.charset import decode_html
from oit_checker.text.clock import monotonic
from oit_checker.text.urls import looks_like_document, normalize_url, same_site

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


def _link_year_rank(text: str, url: str, parent_years: Iterable[int], target: frozenset[int]) -> int:
    years = years_of(text) | url_years(url)
    if not years:
        years = set(parent_years)
    group = year_group(years, target)
    return {"target": 0, "none": 1, "other": 2}[group]


def _is_target_index(page: PageScan, catalogue: Catalogue, target: frozenset[int]) -> bool:
    one = map_pages([page], catalogue, target)
    return bool(one.index_pages) and year_group(page.years, target) == "target" and not one.warnings


async def _robots(fetcher: Fetcher, home: str, deadline: float) -> urllib.robotparser.RobotFileParser | None:
    parts = urlsplit(home)
    fetched = await fetcher.fetch(f"{parts.scheme}://{parts.netloc}/robots.txt", deadline=deadline)
    if not fetched.ok or "html" in fetched.content_type:
        return None  # no robots.txt (or a CMS answering every path with a page): nothing forbidden
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(fetched.body.decode("utf-8", "replace").splitlines())
    return parser


def _next_batch(queue: list[_Queued], concurrency: int, room: int, target_found: bool,
                robots: urllib.robotparser.RobotFileParser | None, agent: str,
                skipped: list[tuple[str, str]]) -> list[_Queued]:
    """The next pages to fetch together: one year rank at a time, stale years dropped once the wanted
    year's page is found, robots.txt honoured (what is passed over is recorded in `skipped`)."""
    batch: list[_Queued] = []
    while queue and len(batch) < concurrency and len(batch) < room:
        entry = heapq.heappop(queue)
        if batch and entry.year_rank != batch[0].year_rank:
            # Never fetch an older year's page alongside the wanted one: the wanted one may make it moot.
            heapq.heappush(queue, entry)
            break
        if entry.year_rank == 2 and target_found:
            skipped.append((entry.url, SKIP_STALE))
            continue
        if robots is not None and not robots.can_fetch(agent, entry.url):
            skipped.append((entry.url, SKIP_ROBOTS))
            continue
        batch.append(entry)
    return batch


async def discover(home: str, catalogue: Catalogue, fetcher: Fetcher, *, fiscal_year: int | None = None,
                   settings: CrawlSettings | None = None,
                   on_page: Callable[[str, int], None] | None = None,
                   clock: Callable[[], float] = monotonic,
                   catalogue_for: CatalogueFor | None = None, mapping_for: MappingFor | None = None,
                   year_fixed: bool = True,
                   render: Callable[[Fetched], Awaitable[str | None]] | None = None) -> Discovery:
    """Crawl the agency's site from `home` and map what its ITA page(s) link to (see `map_pages`).

    With `catalogue_for`, a listing of another ITA year is read with that year's codes (`years.settle_year`):
    kept when no year was asked for (`year_fixed` false), else carried over through `mapping_for`.
    A page drawn by JavaScript (an empty shell, see html/spa.py) has no menus to read: it is named in the
    warnings, and with `render` (`--render`) it is read as a headless browser draws it."""
    settings = settings or CrawlSettings()
    target = frozenset({catalogue.criteria_year} | ({fiscal_year} if fiscal_year else set()))
    home = normalize_url(home)
    deadline = clock() + settings.budget_s
    robots = await _robots(fetcher, home, deadline) if settings.robots else None

    queue: list[_Queued] = [_Queued(0, 0, 0, home)]
    seen: set[str] = {home}
    seq = 1
    pages: list[PageScan] = []
    fetched_urls: list[str] = []
    skipped: list[tuple[str, str]] = []
    errors: list[tuple[str, str]] = []
    site_urls = [home]
    home_title = ""
    home_final = ""
    target_found = False
    shells: list[tuple[str, bool]] = []  # (page drawn by JavaScript, read as rendered)

    while queue and len(fetched_urls) < settings.max_pages and clock() < deadline:
        batch = _next_batch(queue, settings.concurrency, settings.max_pages - len(fetched_urls), target_found,
                            robots, settings.user_agent_token, skipped)
        if not batch:
            continue
        results = await asyncio.gather(*(fetcher.fetch(e.url, deadline=deadline) for e in batch))
        for entry, result in zip(batch, results, strict=True):
            fetched_urls.append(entry.url)
            if on_page is not None:
                on_page(entry.url, entry.depth)
            if not result.ok:
                what = result.error.value if result.error else f"HTTP {result.status}"
                errors.append((entry.url, f"{what} {result.error_detail}".strip()))
                continue
            if detect_kind(result.body, result.content_type, result.final_url, read_zip=False) is not DocKind.HTML:
                continue  # a file behind an ITA-looking link: nothing to crawl
            final = normalize_url(result.final_url)
            seen.add(final)
            if entry.depth == 0:
                site_urls.append(final)  # the home page may redirect (http → https, / → /index.php)
                home_final = home_final or final
            text, _ = decode_html(result.body, result.charset)
            if detect_shell(text):
                drawn = await render(result) if render is not None else None
                shells.append((final, drawn is not None))
                text = drawn or text
            page = scan_page(text, final, via_text=entry.via_text, depth=entry.depth,
                             inherited_years=entry.inherited)
            pages.append(page)
            if entry.depth == 0 and not home_title:
                home_title = page.title
            if not target_found and _is_target_index(page, catalogue, target):
                target_found = True
            for nxt in _links_to_follow(page, site_urls, settings):
                if nxt[0] in seen:
                    continue
                seen.add(nxt[0])
                rank = _link_year_rank(nxt[1], nxt[0], page.years, target)
                heapq.heappush(queue, _Queued(rank, entry.depth + 1, seq, nxt[0], nxt[1], page.years))
                seq += 1
    for entry in sorted(queue):
        skipped.append((entry.url, SKIP_STALE if entry.year_rank == 2 and target_found else SKIP_BUDGET))

    mapped = map_pages(pages, catalogue, target)
    if catalogue_for is not None:
        mapped = settle_year(pages, mapped, catalogue, target, catalogue_for=catalogue_for,
                             mapping_for=mapping_for or (lambda a, b: None), year_fixed=year_fixed)
    return replace(mapped, home=home, home_final=home_final, home_title=home_title,
                   warnings=mapped.warnings + tuple(_shell_warning(url, drawn) for url, drawn in shells),
                   pages_fetched=tuple(fetched_urls),
                   skipped=tuple(skipped), errors=tuple(errors))


def _shell_warning(url: str, drawn: bool) -> str:
    return i18n.text("discover.shell_drawn" if drawn else "discover.shell_unread", url=url)


def _links_to_follow(page: PageScan, site: Sequence[str], settings: CrawlSettings) -> list[tuple[str, str]]:
    """(url, link text) of the same-site HTML pages worth fetching from `page`, in page order.

    Only links that look like ITA/OIT (text or URL) and are not themselves an item's link ("O24 …",
    /o24-…: those are evidence, not index pages); plus meta refreshes and frames; plus, on a splash home
    page with a handful of links and none about ITA, those few links ("เข้าสู่เว็บไซต์").
    """
    if page.depth + 1 > settings.max_depth:
        return []

    def on_site(url: str) -> bool:
        return url.startswith(("http://", "https://")) and any(same_site(url, s) for s in site) \
            and not looks_like_document(url)

    out: list[tuple[str, str]] = [(u, "") for u in page.redirects if on_site(u)]
    candidates = [a for a in page.anchors if on_site(a.url)]
    for a in candidates:
        if (ita_text(a.text) or ita_url(a.url)) and not has_code(a.text) and slug_code(a.url) is None:
            out.append((a.url, a.text))
    if page.depth == 0 and len(out) == 0 and 0 < len({a.url for a in candidates}) <= 3:
        out.extend((a.url, a.text) for a in candidates)
    return out


