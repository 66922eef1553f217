"""`oit-checker discover HOME_URL`: crawl, print what was found, write the draft manifest."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import replace
from urllib.parse import urlsplit

import httpx
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from oit_checker.cli.common import load_rules, today
from oit_checker.cli.console import make_console
from oit_checker.cli.exit_codes import ExitCode
from oit_checker.cli.options import add_allow_private, add_render_options, render_settings
from oit_checker.cli.output import check_writable, emit
from oit_checker.discover.crawl import CrawlSettings, discover
from oit_checker.discover.draft import agency_name_from_title, render_manifest
from oit_checker.discover.model import (
    DEFAULT_DELAY_S,
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_PAGES,
    SKIP_ROBOTS,
    SKIP_STALE,
    Discovery,
    LinkConfidence,
)
from oit_checker.errors import UsageError
from oit_checker.fetch.client import Fetcher, FetchSettings, build_client
from oit_checker.fetch.render import Renderer
from oit_checker.model import Fetched
from oit_checker.text.fiscal import current_fiscal_year
from oit_checker.text.urls import normalize_url

# ---------------------------------------------------------------- summary table


def print_summary(err: Console, d: Discovery, *, table: bool) -> None:
    from rich.table import Table

    if table:
        tab = Table(title=f"ITA {d.criteria_year}: links found per item", title_justify="left")
        for col in ("item", "URL", "confidence", "why"):
            tab.add_column(col, overflow="fold")
        colours = {LinkConfidence.HIGH: "green", LinkConfidence.MEDIUM: "yellow", LinkConfidence.LOW: "red"}
        for item, links in d.items.items():
            if not links:
                tab.add_row(item, "[dim]—[/dim]", "[bold red]missing[/bold red]", "no link found")
            for n, link in enumerate(links):
                tab.add_row(item if n == 0 else "", escape(link.url),
                            f"[{colours[link.confidence]}]{link.confidence.value}[/]", escape(link.why))
        err.print(tab)
    if d.found:
        counts = d.counts()
        total = len(d.items)
        mapped = total - len(d.missing)
        err.print(f"ITA page(s): {', '.join(d.index_pages)}", markup=False, soft_wrap=True)
        err.print(f"{mapped} of {total} items have a link (best: {counts[LinkConfidence.HIGH]} high, "
                  f"{counts[LinkConfidence.MEDIUM]} medium, {counts[LinkConfidence.LOW]} low)"
                  + (f"; no link: {', '.join(d.missing)}" if d.missing else ""), markup=False, soft_wrap=True)
    else:
        err.print(f"no ITA/OIT page found from {d.home} ({len(d.pages_fetched)} page(s) read)", markup=False,
                  soft_wrap=True)
    for url, years in d.stale_pages:
        err.print(f"ignored: {url} (ITA {'/'.join(map(str, years)) or '?'})", markup=False, soft_wrap=True)
    for url, why in d.skipped:
        if why in (SKIP_STALE, SKIP_ROBOTS):
            err.print(f"not fetched: {url} ({why})", markup=False, soft_wrap=True)
    for url, what in d.errors:
        err.print(f"could not read {url}: {what}", markup=False, soft_wrap=True)
    for w in d.warnings:
        err.print(f"warning: {w}", markup=False, soft_wrap=True)


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
        raise UsageError(f"HOME_URL must be an http(s) address such as https://www.example.go.th/, got {raw!r}")
    return normalize_url(raw)


def cmd_discover(args: argparse.Namespace, console: Console, *,
                 transport: httpx.AsyncBaseTransport | None = None) -> int:
    home = _home_url(args.home)
    if args.output:
        check_writable(args.output)
    if args.max_pages < 1 or args.max_depth < 0 or args.delay < 0:
        raise UsageError("--max-pages must be ≥ 1, --max-depth ≥ 0 and --delay ≥ 0")
    fiscal_year = args.fiscal_year or args.criteria or current_fiscal_year(today())
    cat = load_rules(args, fiscal_year)
    fetch_settings = replace(FetchSettings(), host_delay_s=args.delay, retries=1, max_bytes=8 * 1024 * 1024,
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
            return await discover(home, cat, fetcher, fiscal_year=fiscal_year, settings=crawl, on_page=progress,
                                  render=draw)
        finally:
            if renderer is not None:
                await renderer.close()
            await client.aclose()
            if insecure is not None:
                await insecure.aclose()

    if err.is_terminal:
        with err.status(f"looking for the ITA {cat.criteria_year} page of {home} …") as status:
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
    text = render_manifest(result, cat, name=name, home=home, fiscal_year=fiscal_year, command=command)
    emit(text, args.output, console.file)
    print_summary(err, result, table=err.is_terminal)
    if args.output:
        err.print(f"wrote {args.output}", markup=False, soft_wrap=True)
    return ExitCode.OK if result.found else ExitCode.GAPS  # 1: no ITA page found


def add_discover_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `discover` on the CLI's subparsers."""
    p = sub.add_parser(
        "discover", help="find the agency's ITA/OIT page and write a draft manifest",
        description="Crawl the agency's own site from its home page (same site, bounded, polite), find its "
                    "ITA/OIT page for the wanted year and map its links to item codes. Writes a draft "
                    "manifest (TOML) with a confidence per URL and the items with no link. Exit codes: "
                    "0 an ITA page was found · 1 none found · 2 usage or configuration error.")
    p.add_argument("home", metavar="HOME_URL", help="the agency's home page, e.g. https://www.example.go.th/")
    p.add_argument("--criteria", type=int, metavar="YEAR", help="ITA criteria year (default: follows the fiscal year)")
    p.add_argument("--fiscal-year", type=int, metavar="N",
                   help="Buddhist-Era fiscal year (default: --criteria, else today's)")
    p.add_argument("--rules", metavar="FILE", help="use this rule catalogue instead of the bundled one")
    p.add_argument("--name", help="agency name for the manifest (default: from the home page <title>)")
    p.add_argument("--max-pages", type=int, default=DEFAULT_MAX_PAGES, metavar="N",
                   help="pages fetched at most (default: %(default)s)")
    p.add_argument("--max-depth", type=int, default=DEFAULT_MAX_DEPTH, metavar="N",
                   help="link hops from the home page (default: %(default)s)")
    p.add_argument("--delay", type=float, default=DEFAULT_DELAY_S, metavar="SECONDS",
                   help="pause between two requests to the site (default: %(default)s)")
    p.add_argument("--ignore-robots", action="store_true", help="do not honour the site's robots.txt")
    p.add_argument("--insecure", action="store_true",
                   help="after a certificate error, still fetch the page without verification")
    p.add_argument("--output", metavar="FILE", help="write the manifest to FILE instead of stdout")
    add_render_options(p)
    add_allow_private(p)


DISCOVER_COMMANDS: dict[str, Callable[[argparse.Namespace, Console], int]] = {"discover": cmd_discover}
