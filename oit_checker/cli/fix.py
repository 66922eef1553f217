"""`oit-checker fix MANIFEST_OR_RESULT` and `check --fix-kit DIR`: write the fix kit into a folder.

From a manifest the agencies are checked first (as `check` does); from a saved result (`check --format json`)
nothing is fetched. The kit: a checklist (Markdown and HTML) of every item that does not pass and the template
to fill in for each one whose evidence is a document (report/fixkit.py).
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable, Sequence
from pathlib import Path

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
from oit_checker.cli.exit_codes import EXIT_OK
from oit_checker.cli.options import add_crawl_options, add_rule_options, run_options
from oit_checker.cli.output import check_writable_folder, write_atomic
from oit_checker.config.manifest import ManifestFiles
from oit_checker.config.result import load_result, looks_like_result
from oit_checker.engine.session import run_agencies
from oit_checker.errors import UsageError
from oit_checker.model import Catalogue, RunResult, Status
from oit_checker.report.fixkit import KitFile, kit_files
from oit_checker.text.i18n import LANGS, language, text

DEFAULT_KIT_DIR = "fix-kit"


def write_kit(run: RunResult, catalogue: Catalogue, folder: str | Path, *, items: Sequence[str] | None = None,
              lang: str = "th") -> list[KitFile]:
    """Write the kit into `folder` (created when missing); returns what was written."""
    target = check_writable_folder(folder)
    files = kit_files(run, catalogue, items=items, lang=lang)
    for f in files:
        path = target.joinpath(*f.path.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, f.data)
    return files


def say_written(files: Sequence[KitFile], folder: str | Path, run: RunResult, items: Sequence[str] | None,
                lang: str) -> None:
    err = make_console(stderr=True)
    gaps = sum(1 for a in run.agencies for f in a.findings
               if f.status is not Status.PASS and (not items or f.item in items))
    templates = sum(1 for f in files if f.path.endswith((".docx", ".xlsx")))
    err.print(text("fix.written", lang, folder=folder, files=len(files), gaps=gaps, templates=templates),
              markup=False, highlight=False)


def _checked(args: argparse.Namespace, source: str, transport: httpx.AsyncBaseTransport | None
             ) -> tuple[RunResult, Catalogue]:
    manifests = ManifestFiles([source])
    choice = choose_fiscal_year(args.fiscal_year, manifests.preliminary, today())
    fiscal_year = choice.fiscal_year
    cat = load_rules(args, fiscal_year)
    agencies = manifest_agencies(manifests, cat)
    items = parse_items(args.items)
    validate_items(items, cat)
    err = make_console(stderr=True)
    err.print(year_line(choice, cat, args), style=year_style(choice), markup=False, soft_wrap=True)
    with err.status(text("fix.checking", n=len(agencies), criteria=cat.criteria_year)):
        run = asyncio.run(run_agencies(agencies, cat, fiscal_year, run_options(args), item_ids=items,
                                       force_fiscal_year=args.fiscal_year is not None, transport=transport))
    return run, cat


def _loaded(args: argparse.Namespace, source: str) -> tuple[RunResult, Catalogue]:
    run = load_result(source)
    if args.fiscal_year is not None and args.fiscal_year != run.fiscal_year:
        raise UsageError(text("fix.other_year", path=source, fy=run.fiscal_year, asked=args.fiscal_year))
    if not (args.rules or args.criteria):
        args.criteria = run.criteria_year
    cat = load_rules(args, run.fiscal_year)
    if cat.criteria_year != run.criteria_year:
        raise UsageError(text("fix.other_criteria", path=source, year=run.criteria_year, given=cat.criteria_year))
    validate_items(parse_items(args.items), cat)
    if run.catalogue_version and run.catalogue_version != cat.version:
        make_console(stderr=True).print(text("fix.version_differs", path=source, checked=run.catalogue_version,
                                             used=cat.version), style="yellow", markup=False, highlight=False)
    return run, cat


def cmd_fix(args: argparse.Namespace, console: Console, *, transport: httpx.AsyncBaseTransport | None = None) -> int:
    source = args.source
    if not Path(source).exists():
        raise UsageError(text("fix.no_source", path=source))
    folder = args.kit_dir or DEFAULT_KIT_DIR
    check_writable_folder(folder)  # before a long check
    run, cat = _loaded(args, source) if looks_like_result(source) else _checked(args, source, transport)
    items = parse_items(args.items)
    files = write_kit(run, cat, folder, items=items, lang=args.lang)
    say_written(files, folder, run, items, args.lang)
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `fix` on the CLI's subparsers."""
    p = sub.add_parser("fix", help=text("help.fix"), description=text("help.fix_description"))
    p.add_argument("source", metavar="MANIFEST_OR_RESULT", help=text("help.fix_source"))
    add_rule_options(p)
    p.add_argument("--output", dest="kit_dir", metavar="DIR", help=text("help.fix_output", default=DEFAULT_KIT_DIR))
    p.add_argument("--lang", choices=LANGS, default=language(), help=text("help.fix_lang"))
    add_crawl_options(p)


COMMANDS: dict[str, Callable[[argparse.Namespace, Console], int]] = {"fix": cmd_fix}
