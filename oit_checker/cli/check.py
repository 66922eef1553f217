"""`oit-checker check` and `oit-checker demo`: check agencies once and print the gap report."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
from collections.abc import Callable, Iterator, Sequence

import httpx
from rich.console import Console

from oit_checker.cli.common import (
    choose_fiscal_year,
    load_rules,
    manifest_agencies,
    parse_items,
    today,
    validate_items,
    year_line,
    year_style,
)
from oit_checker.cli.console import make_console
from oit_checker.cli.exit_codes import EXIT_GAPS, EXIT_OK
from oit_checker.cli.options import (
    add_cache_options,
    add_crawl_options,
    add_report_options,
    add_rule_options,
    cache_dir,
    run_options,
)
from oit_checker.cli.output import check_writable, emit, emit_console
from oit_checker.config.manifest import ManifestFiles
from oit_checker.config.projection import Method, load_projection_method
from oit_checker.engine.session import run_agencies
from oit_checker.evaluate.notes import checked_items
from oit_checker.model import Catalogue, RunResult, Status
from oit_checker.text.i18n import count, text

FORMATS = ("table", "json", "md", "html")


def write_output(run: RunResult, args: argparse.Namespace, console: Console, method: Method,
                 heading: str | None = None, catalogue: Catalogue | None = None) -> None:
    # The report writers are imported when one is used: `check` starts faster (bench/startup.py).
    from oit_checker.report import html as html_report
    from oit_checker.report import json_out, markdown, table

    fmt = args.format
    lang = args.lang
    if fmt == "table":
        emit_console(lambda c: table.print_run(c, run, lang, method, heading=heading), args.output, console)
        return
    if fmt == "html":
        emit(html_report.render(run, None, None, lang, method, catalogue=catalogue), args.output)
        return
    emit(json_out.render(run, method) if fmt == "json" else markdown.render(run, lang, method), args.output)


@contextlib.contextmanager
def progress_display(err: Console, total_items: int, agencies: int, criteria: int
                     ) -> Iterator[Callable[[str, str], None] | None]:
    """Items done / total and URLs fetched, on the terminal only (never under cron, CI or a pipe)."""
    if not err.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    display = Progress(SpinnerColumn(), TextColumn(text("progress.items")), BarColumn(), MofNCompleteColumn(),
                       TextColumn("· {task.fields[urls]}"), TimeElapsedColumn(), console=err, transient=True)
    task = display.add_task(count("progress.checking", agencies, agencies=agencies, criteria=criteria),
                            total=total_items, urls=text("progress.urls", n=0))
    fetched = 0

    def update(kind: str, _what: str) -> None:
        nonlocal fetched
        if kind == "item":
            display.advance(task)
        elif kind == "fetched":  # not "rendered": a page drawn by --render was fetched once already
            fetched += 1
            display.update(task, urls=text("progress.urls", n=fetched))

    with display:
        yield update


def exit_code_for(run: RunResult) -> int:
    statuses = [f.status for a in run.agencies for f in a.findings if not f.suppressed]
    return EXIT_OK if all(s is Status.PASS for s in statuses) else EXIT_GAPS


def cmd_check(args: argparse.Namespace, console: Console, *, transport: httpx.AsyncBaseTransport | None = None,
              manifest_paths: Sequence[str] | None = None) -> int:
    paths = list(manifest_paths or args.manifest)
    if args.output:
        check_writable(args.output)
    method = load_projection_method(getattr(args, "projection", None))
    manifests = ManifestFiles(paths)  # fiscal year first: it picks the catalogue
    options = run_options(args).for_agencies(len(manifests.preliminary))
    # The extraction workers start now and import their libraries while this process reads the catalogue
    # (bench/startup.py: a first check ≈ 50 ms sooner than starting them with the run). The run closes the
    # pool inside its event loop; `with` closes it when reading the rules or manifests fails first.
    with options.extract_pool() as pool:
        pool.start()
        choice = choose_fiscal_year(args.fiscal_year, manifests.preliminary, today())
        fiscal_year = choice.fiscal_year
        cat = load_rules(args, fiscal_year)
        agencies = manifest_agencies(manifests, cat)
        items = parse_items(args.items)
        validate_items(items, cat)
        err = make_console(stderr=True)
        heading = year_line(choice, cat, args)
        on_screen = args.format == "table" and not args.output
        if not on_screen:  # the table's first line says it; elsewhere the first line on the terminal does
            err.print(heading, style=year_style(choice), markup=False, soft_wrap=True)
        total = sum(len(checked_items(cat, a, items)) for a in agencies)
        with progress_display(err, total, len(agencies), cat.criteria_year) as progress:
            run = asyncio.run(run_agencies(agencies, cat, fiscal_year, options, item_ids=items,
                                           force_fiscal_year=args.fiscal_year is not None, transport=transport,
                                           on_progress=progress, cache_dir=cache_dir(args), pool=pool))
    write_output(run, args, console, method, heading if on_screen else None, cat)
    if getattr(args, "fix_kit", None):
        from oit_checker.cli.fix import say_written, write_kit

        files = write_kit(run, cat, args.fix_kit, items=items, lang=args.lang)
        say_written(files, args.fix_kit, run, items, args.lang)
    return exit_code_for(run)


def cmd_demo(args: argparse.Namespace, console: Console) -> int:
    from oit_checker.demo import DEMO_DIR, DEMO_HOST, HostMapTransport, serve_directory

    with serve_directory(DEMO_DIR / "site") as base:
        err = make_console(stderr=True)
        err.print(text("cli.demo_served", host=DEMO_HOST, base=base), style="dim", markup=False)
        cmd_check(args, console, transport=HostMapTransport({DEMO_HOST: base}),
                  manifest_paths=[str(DEMO_DIR / "agency.toml")])
    # The demo's gaps are the point of the demo, not a failure of the command.
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `check` and `demo` on the CLI's subparsers."""
    check = sub.add_parser("check", help=text("help.check"), description=text("help.check"))
    check.add_argument("manifest", nargs="+", help=text("help.check_manifest"))
    add_check_options(check)
    demo = sub.add_parser("demo", help=text("help.demo"), description=text("help.demo"))
    add_run_options(demo)


def add_check_options(p: argparse.ArgumentParser) -> None:
    """`check`'s options: `demo`'s, and the cache (the demo's site is never cached)."""
    add_run_options(p)
    add_cache_options(p)


def add_run_options(p: argparse.ArgumentParser) -> None:
    add_rule_options(p)
    add_report_options(p, FORMATS)
    p.add_argument("--projection", metavar="FILE", help=text("help.projection"))
    p.add_argument("--fix-kit", metavar="DIR", help=text("help.fix_kit"))
    add_crawl_options(p)


COMMANDS: dict[str, Callable[[argparse.Namespace, Console], int]] = {"check": cmd_check, "demo": cmd_demo}
