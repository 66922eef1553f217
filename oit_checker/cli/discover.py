"""`oit-checker discover HOME_URL`: crawl, print what was found, write the draft manifest."""

from __future__ import annotations

import argparse
import asyncio
import itertools
from collections.abc import Awaitable, Callable
from dataclasses import replace
from urllib.parse import urlsplit

import httpx
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from oit_checker.catalogue import rules as catalogue_rules
from oit_checker.catalogue.mapping import load_mapping, mapping_path
from oit_checker.cli.common import load_rules, today
from oit_checker.cli.console import make_console
from oit_checker.cli.exit_codes import ExitCode
from oit_checker.cli.options import (
    add_allow_private,
    add_host_delay_option,
    add_lang_option,
    add_render_options,
    render_settings,
)
from oit_checker.cli.output import check_writable, emit
from oit_checker.discover.crawl import CrawlSettings, discover
from oit_checker.discover.draft import agency_name_from_title, listing_line, render_manifest
from oit_checker.discover.model import (
    DEFAULT_DELAY_S,
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_PAGES,
    SKIP_ROBOTS,
    SKIP_STALE,
    Discovery,
    LinkConfidence,
    RuleSet,
    YearMapping,
)
from oit_checker.errors import UsageError
from oit_checker.fetch.client import Fetcher, FetchSettings, build_client
from oit_checker.fetch.render import Renderer
from oit_checker.model import Fetched
from oit_checker.text.fiscal import current_fiscal_year
from oit_checker.text.i18n import count, reword, text
from oit_checker.text.urls import normalize_url

# ---------------------------------------------------------------- summary table


def _table(err: Console, d: Discovery) -> None:
    from rich.table import Table

    tab = Table(title=text("discover.table_title", year=d.criteria_year), title_justify="left")
    for col in ("col_item", "col_url", "col_confidence", "col_why"):
        tab.add_column(text(f"discover.{col}"), overflow="fold")
    colours = {LinkConfidence.HIGH: "green", LinkConfidence.MEDIUM: "yellow", LinkConfidence.LOW: "red"}
    for item, links in d.items.items():
        if not links:
            tab.add_row(item, "[dim]—[/dim]", f"[bold red]{escape(text('discover.missing'))}[/bold red]",
                        escape(text("discover.no_link")))
        for n, link in enumerate(links):
            tab.add_row(item if n == 0 else "", escape(link.url),
                        f"[{colours[link.confidence]}]{escape(text(f'discover.confidence_{link.confidence.value}'))}[/]",
                        escape(reword("discover_why", link.why)))
    err.print(tab)


def _found_lines(d: Discovery) -> list[str]:
    if not d.found:
        failed = {url for url, _ in d.errors}  # asked for, never read
        return [count("discover.not_found", sum(1 for url in d.pages_fetched if url not in failed), home=d.home)]
    counts = d.counts()
    total = len(d.items)
    lines = [text("discover.pages", pages=", ".join(d.index_pages))] if d.index_pages else []
    lines.append(listing_line(d))
    lines.append(text("discover.mapped", mapped=total - len(d.missing), total=total, high=counts[LinkConfidence.HIGH],
                      medium=counts[LinkConfidence.MEDIUM], low=counts[LinkConfidence.LOW])
                 + (text("discover.no_link_items", items=", ".join(d.missing)) if d.missing else ""))
    if d.listing.menus:
        lines.append(text("discover.from_menus", items=", ".join(d.listing.menus)))
    return lines


def print_summary(err: Console, d: Discovery, *, table: bool) -> None:
    if table:
        _table(err, d)
    lines = _found_lines(d)
    if d.year_note:
        lines.append(d.year_note)
    lines += [text("discover.skipped_scheme", label=s.label, url=s.url, why=s.why) for s in d.other_schemes]
    lines += [text("discover.ignored", url=url, years="/".join(map(str, years)) or "?") for url, years in d.stale_pages]
    lines += [text("discover.not_fetched", url=url, why=why) for url, why in d.skipped
              if why in (SKIP_STALE, SKIP_ROBOTS)]
    lines += [text("discover.could_not_read", url=url, what=what) for url, what in d.errors]
    if d.refused:
        lines.append(text("discover.private_hint"))  # the way out
    lines += [f"{text('cli.warning')}: {w}" for w in d.warnings]
    for line in lines:
        err.print(line, markup=False, soft_wrap=True)


# ---------------------------------------------------------------- CLI


def _drawer(renderer: Renderer, fetcher: Fetcher) -> Callable[[Fetched], Awaitable[str | None]]:
    """`--render` for discover: a page drawn by JavaScript, as the browser draws it (its assets fetched once)."""
    assets: dict[str, asyncio.Task[Fetched]] = {}

    def fetch(url: str) -> Awaitable[Fetched]:
        if url not in assets:
            assets[url] = asyncio.ensure_future(fetcher.fetch(url))
        return assets[url]

    async def draw(page: Fetched) -> str | None:
        got = await renderer.render(page.final_url, page.body, page.headers.get("content-type", "") or "text/html",
                                    fetch=fetch, group="discover")
        return got.html

    return draw


def _home_url(raw: str) -> str:
    raw = raw.strip()
    if "://" not in raw:
        raw = "https://" + raw  # the fetcher falls back to http when https cannot connect (§3: http-only LAOs)
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in raw:
        raise UsageError(text("cli.home_url", got=repr(raw)))
    return normalize_url(raw)


def _rule_set(args: argparse.Namespace) -> RuleSet:
    """The catalogue(s) to read listings against: the one asked for (--rules, --criteria), else every
    bundled year; with the item mappings between consecutive years either way."""
    years = catalogue_rules.available_criteria_years()
    mappings: dict[tuple[int, int], YearMapping] = {}
    for a, b in itertools.pairwise(years):
        if mapping_path(a, b).is_file():
            mappings[(a, b)] = YearMapping(a, b, load_mapping(a, b), mapping_path(a, b).name)
    if args.rules or args.criteria:
        cat = load_rules(args, args.fiscal_year or args.criteria)
        return RuleSet({cat.criteria_year: cat}, mappings, fixed=True)
    catalogues = {y: catalogue_rules.load_catalogue(catalogue_rules.catalogue_path_for(y)) for y in years}
    return RuleSet(catalogues, mappings)


def cmd_discover(args: argparse.Namespace, console: Console, *,
                 transport: httpx.AsyncBaseTransport | None = None) -> int:
    home = _home_url(args.home)
    if args.output:
        check_writable(args.output)
    if args.max_pages < 1 or args.max_depth < 0 or args.host_delay < 0:
        raise UsageError(text("cli.crawl_limits"))
    rules = _rule_set(args)
    # Without --fiscal-year (or --criteria) the listing found decides; today's date only when none names a year.
    fallback = current_fiscal_year(today())
    fetch_settings = replace(FetchSettings(), host_delay_s=args.host_delay, retries=1, max_bytes=8 * 1024 * 1024,
                             document_timeout_s=45.0, allow_private=args.allow_private)
    crawl = CrawlSettings(max_pages=args.max_pages, max_depth=args.max_depth, robots=not args.ignore_robots)
    rendering = render_settings(args)
    err = make_console(stderr=True)

    async def run(progress: Callable[[str, int], None] | None) -> Discovery:
        client = build_client(fetch_settings, transport=transport)
        # As in `check`: after a certificate error, fetch again without verification only when asked.
        insecure = build_client(fetch_settings, verify=False, transport=transport) if args.insecure else None
        renderer = Renderer(rendering) if rendering is not None else None
        try:
            fetcher = Fetcher(client, fetch_settings, insecure_client=insecure)
            draw = _drawer(renderer, fetcher) if renderer is not None else None
            return await discover(home, rules, fetcher, fiscal_year=args.fiscal_year, settings=crawl,
                                  on_page=progress, fallback_fiscal_year=fallback, render=draw)
        finally:
            if renderer is not None:
                await renderer.close()
            await client.aclose()
            if insecure is not None:
                await insecure.aclose()

    if err.is_terminal:
        with err.status(Text(text("progress.discover", home=home))) as status:  # Text: never read as markup
            result = asyncio.run(run(lambda url, depth: status.update(Text(f"[{depth}] {url[:100]}"))))
    else:
        result = asyncio.run(run(None))

    name = args.name or agency_name_from_title(result.home_title, urlsplit(home).hostname or home)
    final = urlsplit(result.home_final)
    if final.scheme and final.hostname == urlsplit(home).hostname and final.scheme != urlsplit(home).scheme:
        home = final.scheme + home[home.index(":"):]  # https failed and http worked (or the reverse): say so
    command = "oit-checker discover " + " ".join(
        [home] + ([f"--fiscal-year {args.fiscal_year}"] if args.fiscal_year else [])
        + ([f"--criteria {args.criteria}"] if args.criteria else []))
    cat = rules.catalogues[result.criteria_year]
    draft = render_manifest(result, cat, name=name, home=home, fiscal_year=result.fiscal_year, command=command)
    emit(draft, args.output, console.file)
    print_summary(err, result, table=err.is_terminal)
    if args.output:
        err.print(text("cli.wrote", path=args.output), markup=False, soft_wrap=True)
    return ExitCode.OK if result.found else ExitCode.GAPS  # 1: no listing and no menu entry gave any link


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `discover` on the CLI's subparsers."""
    p = sub.add_parser("discover", help=text("help.discover"), description=text("help.discover_description"))
    p.add_argument("home", metavar="HOME_URL", help=text("help.home"))
    p.add_argument("--criteria", type=int, metavar="YEAR", help=text("help.discover_criteria"))
    p.add_argument("--fiscal-year", type=int, metavar="N", help=text("help.discover_fiscal_year"))
    p.add_argument("--rules", metavar="FILE", help=text("help.rules_opt"))
    p.add_argument("--name", help=text("help.name"))
    p.add_argument("--max-pages", type=int, default=DEFAULT_MAX_PAGES, metavar="N", help=text("help.max_pages"))
    p.add_argument("--max-depth", type=int, default=DEFAULT_MAX_DEPTH, metavar="N", help=text("help.max_depth"))
    add_host_delay_option(p, DEFAULT_DELAY_S)
    p.add_argument("--ignore-robots", action="store_true", help=text("help.ignore_robots"))
    p.add_argument("--insecure", action="store_true", help=text("help.insecure"))
    p.add_argument("--output", metavar="FILE", help=text("help.discover_output"))
    add_lang_option(p)
    add_render_options(p)
    add_allow_private(p)


COMMANDS: dict[str, Callable[[argparse.Namespace, Console], int]] = {"discover": cmd_discover}
