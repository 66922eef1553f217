"""Command-line options shared by `check`, `demo` and `audit`: which rules, and how politely to crawl."""

from __future__ import annotations

import argparse
from dataclasses import replace

from oit_checker.engine.session import RunOptions
from oit_checker.errors import UsageError
from oit_checker.fetch.client import FetchSettings
from oit_checker.fetch.render import DEFAULT_PAGE_TIMEOUT_S, RenderSettings, require_render
from oit_checker.follow.choose import FollowSettings


def add_report_options(p: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    p.add_argument("--format", choices=formats, default="table", help="report format (default: table)")
    p.add_argument("--output", metavar="FILE", help="write the report to FILE instead of the screen")
    p.add_argument("--lang", choices=("th", "en"), default="th", help="report language (default: th)")


def add_rule_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--rules", metavar="FILE", help="use this rule catalogue instead of the bundled one")
    p.add_argument("--override", metavar="FILE", action="append",
                   help="a partial catalogue that changes a few fields of a few items (repeatable)")
    p.add_argument("--criteria", type=int, metavar="YEAR", help="ITA criteria year (default: follows the fiscal year)")
    p.add_argument("--fiscal-year", type=int, metavar="N",
                   help="Buddhist-Era fiscal year to check (default: the manifest's, else today's)")
    p.add_argument("--items", metavar="O24,O25", help="check only these items")


def add_crawl_options(p: argparse.ArgumentParser) -> None:
    defaults, run = FetchSettings(), RunOptions()
    p.add_argument("--per-host", type=int, default=defaults.per_host, metavar="N",
                   help="concurrent requests per host (default: %(default)s)")
    p.add_argument("--max-connections", type=int, default=defaults.global_limit, metavar="N",
                   help="concurrent requests in all (default: %(default)s)")
    p.add_argument("--host-delay", type=float, default=defaults.host_delay_s, metavar="SECONDS",
                   help="pause between two requests to one host (default: %(default)s)")
    p.add_argument("--agencies-at-once", type=int, default=run.agencies_at_once, metavar="N",
                   help="agencies checked at the same time (default: %(default)s)")
    p.add_argument("--agency-budget", type=float, default=run.agency_budget_s, metavar="SECONDS",
                   help="time limit per agency; what is not fetched by then is reported as timeout "
                        "(default: %(default)s)")
    p.add_argument("--extract-workers", type=int, metavar="N",
                   help="text-extraction processes (default: one per CPU; 0 = in this process)")
    p.add_argument("--ocr", action="store_true",
                   help="OCR scanned pages (needs the 'ocr' extra and tesseract-ocr-tha); the text is quoted as a "
                        "hint and the item stays 'review'")
    p.add_argument("--insecure", action="store_true",
                   help="after a certificate error, still fetch the page without verification (and say so)")
    add_render_options(p)
    add_allow_private(p)


def add_render_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--render", action="store_true",
                   help="draw pages built by JavaScript (single-page apps) in a headless Chromium and read them "
                        "as a browser shows them; needs the 'render' extra and the system's chromium")
    p.add_argument("--browser", metavar="PATH",
                   help="the Chromium executable for --render (default: /usr/lib/chromium/chromium, "
                        "/usr/bin/chromium, chromium or chromium-browser on the PATH)")
    p.add_argument("--render-timeout", type=float, default=DEFAULT_PAGE_TIMEOUT_S, metavar="SECONDS",
                   help="per page, how long --render waits for the page's network to go idle; what is drawn by "
                        "then is read (default: %(default)s)")


def render_settings(args: argparse.Namespace) -> RenderSettings | None:
    """`--render` settings, checked before the run starts (the package and the browser are there), or None."""
    if not getattr(args, "render", False):
        if getattr(args, "browser", None):
            raise UsageError("--browser only applies with --render")
        return None
    if args.render_timeout <= 0:
        raise UsageError("--render-timeout must be > 0 seconds")
    settings = RenderSettings(browser=args.browser, page_timeout_s=args.render_timeout)
    return replace(settings, browser=require_render(settings))


def add_allow_private(p: argparse.ArgumentParser) -> None:
    p.add_argument("--allow-private", action="store_true",
                   help="also fetch URLs that lead to loopback, private or link-local addresses (intranet "
                        "agencies); refused by default (reason refused_private_address)")


def run_options(args: argparse.Namespace) -> RunOptions:
    fetch = replace(FetchSettings(), per_host=args.per_host, global_limit=args.max_connections,
                    host_delay_s=args.host_delay, allow_private=bool(getattr(args, "allow_private", False)))
    return RunOptions(fetch=fetch, follow=FollowSettings(ocr=args.ocr), insecure=args.insecure,
                      extract_workers=args.extract_workers, agencies_at_once=args.agencies_at_once,
                      agency_budget_s=args.agency_budget, render=render_settings(args))
