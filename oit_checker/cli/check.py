"""`oit-checker check` and `oit-checker demo`: check agencies once and print the gap report."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Sequence

import httpx
from rich.console import Console
from rich.text import Text

from oit_checker.cli.common import load_rules, parse_items, today, validate_items
from oit_checker.cli.console import make_console
from oit_checker.cli.exit_codes import EXIT_GAPS, EXIT_OK
from oit_checker.cli.options import add_crawl_options, add_report_options, add_rule_options, run_options
from oit_checker.cli.output import check_writable, emit, emit_console
from oit_checker.config.manifest import load_manifests
from oit_checker.config.projection import Method, load_projection_method
from oit_checker.demo import DEMO_DIR, DEMO_HOST, HostMapTransport, serve_directory
from oit_checker.engine.session import resolve_fiscal_year, run_agencies
from oit_checker.model import RunResult, Status
from oit_checker.report import json_out, markdown, table

FORMATS = ("table", "json", "md")


def write_output(run: RunResult, args: argparse.Namespace, console: Console, method: Method) -> None:
    fmt = args.format
    lang = args.lang
    if fmt == "table":
        emit_console(lambda c: table.print_run(c, run, lang, method), args.output, console)
        return
    emit(json_out.render(run, method) if fmt == "json" else markdown.render(run, lang, method), args.output)


def exit_code_for(run: RunResult) -> int:
    statuses = [f.status for a in run.agencies for f in a.findings if not f.suppressed]
    return EXIT_OK if all(s is Status.PASS for s in statuses) else EXIT_GAPS


def cmd_check(args: argparse.Namespace, console: Console, *, transport: httpx.AsyncBaseTransport | None = None,
              manifest_paths: Sequence[str] | None = None) -> int:
    paths = list(manifest_paths or args.manifest)
    if args.output:
        check_writable(args.output)
    method = load_projection_method(getattr(args, "projection", None))
    preliminary = load_manifests(paths)  # fiscal year first: it picks the catalogue
    fiscal_year = resolve_fiscal_year(args.fiscal_year, preliminary, today())
    cat = load_rules(args, fiscal_year)
    agencies = load_manifests(paths, cat.ids)
    items = parse_items(args.items)
    validate_items(items, cat)
    options = run_options(args)
    err = make_console(stderr=True)
    if cat.criteria_year != fiscal_year and not (args.rules or args.criteria):
        err.print(f"note: no ITA {fiscal_year} catalogue; checking fiscal year {fiscal_year} against the ITA "
                  f"{cat.criteria_year} criteria (choose with --criteria or --rules)", style="yellow", markup=False)
    with err.status(f"checking {len(agencies)} agency(ies) against ITA {cat.criteria_year} …") as status:
        def progress(kind: str, url: str) -> None:
            status.update(Text(f"{kind}: {url[:100]}"))  # Text: a URL is never read as markup

        run = asyncio.run(run_agencies(agencies, cat, fiscal_year, options, item_ids=items,
                                       force_fiscal_year=args.fiscal_year is not None,
                                       transport=transport,
                                       on_progress=progress if err.is_terminal else None))
    write_output(run, args, console, method)
    return exit_code_for(run)


def cmd_demo(args: argparse.Namespace, console: Console) -> int:
    with serve_directory(DEMO_DIR / "site") as base:
        err = make_console(stderr=True)
        err.print(f"[dim]demo site of {DEMO_HOST} served at {base} (offline)[/dim]")
        cmd_check(args, console, transport=HostMapTransport({DEMO_HOST: base}),
                  manifest_paths=[str(DEMO_DIR / "agency.toml")])
    # The demo's gaps are the point of the demo, not a failure of the command.
    return EXIT_OK


def add_run_options(p: argparse.ArgumentParser) -> None:
    add_rule_options(p)
    add_report_options(p, FORMATS)
    p.add_argument("--projection", metavar="FILE",
                   help="TOML file with the score-projection method (points per status, item weights)")
    add_crawl_options(p)


