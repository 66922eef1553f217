"""Command-line options shared by `check`, `demo` and `audit`: which rules, and how politely to crawl."""

from __future__ import annotations

import argparse
import math
from dataclasses import replace
from pathlib import Path

from oit_checker.engine.session import RunOptions
from oit_checker.errors import UsageError
from oit_checker.fetch.client import FetchSettings
from oit_checker.fetch.httpcache import DEFAULT_HTTP_CACHE_BYTES, default_cache_dir
from oit_checker.fetch.render import BROWSER_CANDIDATES, DEFAULT_PAGE_TIMEOUT_S, RenderSettings, require_render
from oit_checker.follow.choose import FollowSettings
from oit_checker.text.i18n import LANGS, language, text


def add_lang_option(p: argparse.ArgumentParser) -> None:
    # The default is the run's language, already settled from --lang / OIT_CHECKER_LANG / LANG (cli.main).
    p.add_argument("--lang", choices=LANGS, default=language(), help=text("help.lang"))


def add_report_options(p: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    p.add_argument("--format", choices=formats, default="table", help=text("help.format"))
    p.add_argument("--output", metavar="FILE", help=text("help.output"))
    add_lang_option(p)


def add_rule_options(p: argparse.ArgumentParser, *, items: bool = True) -> None:
    p.add_argument("--rules", metavar="FILE", help=text("help.rules_opt"))
    p.add_argument("--override", metavar="FILE", action="append", help=text("help.override"))
    p.add_argument("--criteria", type=int, metavar="YEAR", help=text("help.criteria"))
    p.add_argument("--fiscal-year", type=int, metavar="N", help=text("help.fiscal_year"))
    if items:
        p.add_argument("--items", metavar="O24,O25", help=text("help.items"))


def add_host_delay_option(p: argparse.ArgumentParser, default: float) -> None:
    """`--host-delay` everywhere; `--delay` (discover's old name) still works, unlisted."""
    p.add_argument("--host-delay", type=float, default=default, metavar="SECONDS", help=text("help.host_delay"))
    p.add_argument("--delay", dest="host_delay", type=float, default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def add_crawl_options(p: argparse.ArgumentParser) -> None:
    defaults, run = FetchSettings(), RunOptions()
    p.add_argument("--per-host", type=int, default=defaults.per_host, metavar="N", help=text("help.per_host"))
    p.add_argument("--max-connections", type=int, default=defaults.global_limit, metavar="N",
                   help=text("help.max_connections"))
    add_host_delay_option(p, defaults.host_delay_s)
    p.add_argument("--agencies-at-once", type=int, default=run.agencies_at_once, metavar="N",
                   help=text("help.agencies_at_once"))
    p.add_argument("--agency-budget", type=float, default=run.agency_budget_s, metavar="SECONDS",
                   help=text("help.agency_budget"))
    p.add_argument("--extract-workers", type=int, metavar="N", help=text("help.extract_workers"))
    p.add_argument("--ocr", action="store_true", help=text("help.ocr"))
    p.add_argument("--insecure", action="store_true", help=text("help.insecure"))
    add_render_options(p)
    add_allow_private(p)


def add_render_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--render", action="store_true", help=text("help.render"))
    p.add_argument("--browser", metavar="PATH", help=text("help.browser", candidates=", ".join(BROWSER_CANDIDATES)))
    p.add_argument("--render-timeout", type=float, default=DEFAULT_PAGE_TIMEOUT_S, metavar="SECONDS",
                   help=text("help.render_timeout"))


def render_settings(args: argparse.Namespace) -> RenderSettings | None:
    """`--render` settings, checked before the run starts (the package and the browser are there), or None."""
    if not getattr(args, "render", False):
        if getattr(args, "browser", None):
            raise UsageError(text("cli.browser_without_render"))
        return None
    if args.render_timeout <= 0:
        raise UsageError(text("cli.render_timeout"))
    settings = RenderSettings(browser=args.browser, page_timeout_s=args.render_timeout)
    return replace(settings, browser=require_render(settings))


def add_allow_private(p: argparse.ArgumentParser) -> None:
    p.add_argument("--allow-private", action="store_true", help=text("help.allow_private"))


def add_cache_options(p: argparse.ArgumentParser) -> None:
    """Where answers and extracted texts are kept between runs (every answer is still revalidated)."""
    p.add_argument("--cache-dir", metavar="DIR", help=text("help.cache_dir", path=default_cache_dir()))
    p.add_argument("--no-cache", action="store_true", help=text("help.no_cache"))
    p.add_argument("--http-cache-gb", type=float, metavar="GIB", default=DEFAULT_HTTP_CACHE_BYTES / 1024**3,
                   help=text("help.http_cache_gb"))


def cache_dir(args: argparse.Namespace) -> Path | None:
    """The cache folder the options ask for; None with --no-cache, or for a command without the options."""
    if getattr(args, "no_cache", True):
        return None
    return Path(args.cache_dir or default_cache_dir()).absolute()


def run_options(args: argparse.Namespace) -> RunOptions:
    fetch = replace(FetchSettings(), per_host=args.per_host, global_limit=args.max_connections,
                    host_delay_s=args.host_delay, allow_private=bool(getattr(args, "allow_private", False)))
    return RunOptions(fetch=fetch, follow=FollowSettings(ocr=args.ocr), insecure=args.insecure,
                      extract_workers=args.extract_workers, agencies_at_once=args.agencies_at_once,
                      agency_budget_s=args.agency_budget, render=render_settings(args),
                      http_cache_bytes=http_cache_bytes(args))


def http_cache_bytes(args: argparse.Namespace) -> int:
    """`--http-cache-gb` in bytes (the default cap for a command without the option)."""
    gib = getattr(args, "http_cache_gb", None)
    if gib is None:
        return DEFAULT_HTTP_CACHE_BYTES
    size = gib * 1024**3
    if not (math.isfinite(size) and size >= 1):  # also refuses nan and inf, which no comparison catches
        raise UsageError(text("cli.http_cache_gb"))
    return int(size)
