"""Command line: builds the Console and the client, calls the pipeline and the report writers.

Exit codes: 0 every checked item passes · 1 some item is not pass · 2 usage or configuration error ·
3 regressions since the previous run (audit) · 130 interrupted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from oit_checker import __version__
from oit_checker.catalogue import reasons
from oit_checker.catalogue import rules as catalogue_mod
from oit_checker.catalogue.rules import CatalogueError
from oit_checker.cli.manifest import MANIFEST_COMMANDS, add_manifest_parsers
from oit_checker.cli.options import (
    UsageError,
    add_crawl_options,
    add_report_options,
    add_rule_options,
    run_options,
)
from oit_checker.config.manifest import ManifestError, load_manifests
from oit_checker.config.toml import TomlFileError, read_toml
from oit_checker.discover.crawl import DISCOVER_COMMANDS, add_discover_parsers
from oit_checker.engine.audit import AUDIT_COMMANDS, add_audit_parsers
from oit_checker.engine.session import resolve_fiscal_year, run_agencies
from oit_checker.model import Catalogue, RunResult, Status
from oit_checker.report import json_out, markdown, table
from oit_checker.report.projection import Method

EXIT_OK, EXIT_GAPS, EXIT_CONFIG, EXIT_REGRESSIONS, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
FORMATS = ("table", "json", "md")


def make_console(*, stderr: bool = False, file: object | None = None) -> Console:
    """The one place that decides colour and width: no colour off a terminal, NO_COLOR honoured."""
    stream = file or (sys.stderr if stderr else sys.stdout)
    is_tty = hasattr(stream, "isatty") and stream.isatty()
    return Console(file=stream, highlight=False, no_color=bool(os.environ.get("NO_COLOR")) or not is_tty,
                   width=None if is_tty else 150, soft_wrap=False, emoji=False)


def _parse_items(raw: str | None) -> list[str] | None:
    if not raw:
        return None
    return [x.strip().upper() for x in raw.split(",") if x.strip()]


def load_rules(args: argparse.Namespace, fiscal_year: int | None) -> Catalogue:
    overrides = [Path(p) for p in (getattr(args, "override", None) or [])]
    if getattr(args, "rules", None):
        return catalogue_mod.load_catalogue(Path(args.rules), overrides)
    year = getattr(args, "criteria", None) or catalogue_mod.criteria_year_for_fiscal_year(fiscal_year)
    return catalogue_mod.load_catalogue(catalogue_mod.catalogue_path_for(int(year)), overrides)


def _today() -> date:
    return date.today()


_METHOD_KEYS = {"pass_points", "fail_points", "error_points", "review_pessimistic", "review_optimistic", "weights"}


def load_projection_method(path: str | None) -> Method:
    """A projection method from a small TOML file (see README); the defaults when no file is given."""
    if not path:
        return Method()
    try:
        data = read_toml(path)
    except TomlFileError as exc:
        raise UsageError(f"{path}: cannot read projection method: {exc}") from None
    unknown = set(data) - _METHOD_KEYS
    if unknown:
        raise UsageError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}; "
                         f"known: {', '.join(sorted(_METHOD_KEYS))}")
    weights = data.get("weights", {})
    values = {k: v for k, v in data.items() if k != "weights"}
    if not all(isinstance(v, int | float) for v in (*values.values(), *weights.values())):
        raise UsageError(f"{path}: points and weights must be numbers")
    return Method(**{k: float(v) for k, v in values.items()},
                  weights={str(k).upper(): float(v) for k, v in weights.items()})


def write_output(run: RunResult, args: argparse.Namespace, console: Console) -> None:
    fmt = args.format
    lang = args.lang
    method = load_projection_method(getattr(args, "projection", None))
    if fmt == "table":
        if args.output:
            with open(args.output, "w", encoding="utf-8") as fh:
                table.print_run(Console(file=fh, width=150, no_color=True, highlight=False), run, lang, method)
        else:
            table.print_run(console, run, lang, method)
        return
    text = json_out.render(run, method) if fmt == "json" else markdown.render(run, lang, method)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def exit_code_for(run: RunResult) -> int:
    statuses = [f.status for a in run.agencies for f in a.findings if not f.suppressed]
    return EXIT_OK if all(s is Status.PASS for s in statuses) else EXIT_GAPS


def _validate_items(items: list[str] | None, cat: Catalogue) -> None:
    if items:
        unknown = [i for i in items if i not in cat.ids]
        if unknown:
            raise UsageError(f"--items: {', '.join(unknown)} not in the {cat.criteria_year} catalogue "
                             f"({cat.source})")


def cmd_check(args: argparse.Namespace, console: Console, *, transport: object | None = None,
              manifest_paths: Sequence[str] | None = None) -> int:
    paths = list(manifest_paths or args.manifest)
    preliminary = load_manifests(paths)  # fiscal year first: it picks the catalogue
    fiscal_year = resolve_fiscal_year(args.fiscal_year, preliminary, _today())
    cat = load_rules(args, fiscal_year)
    agencies = load_manifests(paths, cat.ids)
    items = _parse_items(args.items)
    _validate_items(items, cat)
    options = run_options(args)
    err = make_console(stderr=True)
    if cat.criteria_year != fiscal_year and not (args.rules or args.criteria):
        err.print(f"note: no ITA {fiscal_year} catalogue; checking fiscal year {fiscal_year} against the ITA "
                  f"{cat.criteria_year} criteria (choose with --criteria or --rules)", style="yellow", markup=False)
    with err.status(f"checking {len(agencies)} agency(ies) against ITA {cat.criteria_year} …") as status:
        def progress(kind: str, url: str) -> None:
            status.update(f"{kind}: {url[:100]}")

        run = asyncio.run(run_agencies(agencies, cat, fiscal_year, options, item_ids=items,
                                       force_fiscal_year=args.fiscal_year is not None,
                                       transport=transport,  # type: ignore[arg-type]
                                       on_progress=progress if err.is_terminal else None))
    write_output(run, args, console)
    return exit_code_for(run)


def cmd_demo(args: argparse.Namespace, console: Console) -> int:
    from oit_checker.demo import DEMO_DIR, DEMO_HOST, HostMapTransport, serve_directory

    with serve_directory(DEMO_DIR / "site") as base:
        err = make_console(stderr=True)
        err.print(f"[dim]demo site of {DEMO_HOST} served at {base} (offline)[/dim]")
        cmd_check(args, console, transport=HostMapTransport({DEMO_HOST: base}),
                  manifest_paths=[str(DEMO_DIR / "agency.toml")])
    # The demo's gaps are the point of the demo, not a failure of the command.
    return EXIT_OK


def cmd_rules(args: argparse.Namespace, console: Console) -> int:
    from rich.table import Table

    if args.rules_cmd == "check":
        cat = catalogue_mod.load_catalogue(Path(args.file), [Path(p) for p in args.override or []])
        console.print(f"{args.file}: OK — ITA {cat.criteria_year}, {len(cat.items)} items")
        return EXIT_OK
    cat = load_rules(args, args.fiscal_year)
    if args.rules_cmd == "list":
        tab = Table(title=f"ITA {cat.criteria_year} ({cat.version}) — {cat.source}", title_justify="left")
        for col in ("item", "indicator", "name", "FY rule", "confidence", "components"):
            tab.add_column(col)
        for item in cat.items:
            tab.add_row(item.id, str(item.indicator), item.name_en if args.lang == "en" else item.name_th,
                        item.fiscal_year_rule.value, item.confidence.value, str(len(item.components)))
        console.print(tab)
        return EXIT_OK
    item_id = args.item.upper()
    if item_id not in cat.ids:
        raise UsageError(f"{item_id} is not in the {cat.criteria_year} catalogue")
    tab = Table(show_header=False, title=f"{item_id} — ITA {cat.criteria_year}", title_justify="left")
    tab.add_column(style="bold")
    tab.add_column()
    for label, value in catalogue_mod.describe_item(cat.item(item_id), args.lang, fiscal_year=args.fiscal_year):
        tab.add_row(label, value)
    console.print(tab)
    return EXIT_OK


def cmd_explain(args: argparse.Namespace, console: Console) -> int:
    spec = reasons.specs().get(args.code)
    if spec is None:
        raise UsageError(f"unknown reason code {args.code!r}; known: {', '.join(sorted(reasons.specs()))}")
    console.print(f"[bold]{spec.code}[/bold] ({spec.severity.value})")
    console.print(f"{spec.th}\n{spec.en}")
    console.print(f"แนวทางแก้ไข: {spec.fix_th}\nHow to fix: {spec.fix_en}")
    return EXIT_OK


def _add_run_options(p: argparse.ArgumentParser) -> None:
    add_rule_options(p)
    add_report_options(p, FORMATS)
    p.add_argument("--projection", metavar="FILE",
                   help="TOML file with the score-projection method (points per status, item weights)")
    add_crawl_options(p)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="oit-checker",
        description="Check an agency's ITA/OIT evidence (the URLs it submits to ITAS) before the assessors do.",
        epilog="Exit codes: 0 all pass · 1 gaps found · 2 usage/configuration error · 3 regressions (audit).",
    )
    parser.add_argument("--version", action="version", version=f"oit-checker {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser("check", help="check one agency manifest and print the gap report")
    check.add_argument("manifest", nargs="+", help="agency manifest TOML file(s) or directories")
    _add_run_options(check)

    demo = sub.add_parser("demo", help="serve the bundled offline demo website and check it")
    _add_run_options(demo)

    rules = sub.add_parser("rules", help="list, show or validate rule catalogues")
    rules_sub = rules.add_subparsers(dest="rules_cmd", required=True, metavar="ACTION")
    for name, help_text in (("list", "list the items of a catalogue"), ("show", "show one item in full")):
        p = rules_sub.add_parser(name, help=help_text)
        if name == "show":
            p.add_argument("item", help="item id, e.g. O24")
        p.add_argument("--rules", metavar="FILE")
        p.add_argument("--override", metavar="FILE", action="append")
        p.add_argument("--criteria", type=int, metavar="YEAR")
        p.add_argument("--fiscal-year", type=int, metavar="N")
        p.add_argument("--lang", choices=("th", "en"), default="th")
    p = rules_sub.add_parser("check", help="validate a (user-edited) catalogue file")
    p.add_argument("file")
    p.add_argument("--override", metavar="FILE", action="append")

    explain = sub.add_parser("explain", help="explain a reason code and how to fix it")
    explain.add_argument("code")
    add_audit_parsers(sub)
    add_discover_parsers(sub)
    add_manifest_parsers(sub)
    return parser


COMMANDS = {"check": cmd_check, "demo": cmd_demo, "rules": cmd_rules, "explain": cmd_explain, **AUDIT_COMMANDS,
            **DISCOVER_COMMANDS, **MANIFEST_COMMANDS}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    console = make_console()
    err = make_console(stderr=True)
    try:
        return COMMANDS[args.command](args, console)
    except (CatalogueError, ManifestError, UsageError) as exc:
        err.print(f"[bold red]error:[/bold red] {escape(str(exc))}", markup=True)
        return EXIT_CONFIG
    except KeyboardInterrupt:
        err.print("interrupted")
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
