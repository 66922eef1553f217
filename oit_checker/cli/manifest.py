"""`oit-checker manifest migrate`: the command-line edge of `catalogue.migrate`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from rich.console import Console

from oit_checker.catalogue.migrate import migrate_file

# Scalar [agency] keys copied as they are (`items` is rebuilt; `fiscal_year` is moved).
from oit_checker.cli.console import make_console
from oit_checker.cli.exit_codes import EXIT_OK
from oit_checker.cli.options import add_lang_option
from oit_checker.cli.output import check_writable, emit
from oit_checker.config.manifest import ManifestError
from oit_checker.errors import UsageError
from oit_checker.text.i18n import count, text

# ---------------------------------------------------------------- CLI


def cmd_manifest(args: argparse.Namespace, console: Console) -> int:
    if args.output:
        check_writable(args.output)
    if args.manifest_cmd != "migrate":  # argparse only offers `migrate`; kept explicit for later actions
        raise UsageError(text("cli.unknown_action", action=repr(args.manifest_cmd)))
    if not Path(args.manifest).is_file():
        raise ManifestError(args.manifest, text("cli.file_not_found"))
    try:
        migrated, warnings = migrate_file(args.manifest, args.to, from_year=args.from_year)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    err = make_console(stderr=True)
    for w in warnings:
        err.print(f"{text('cli.warning')}: {w}", markup=False, soft_wrap=True)
    emit(migrated, args.output, console.file)
    if args.output:
        err.print(count("cli.wrote_migrated", len(warnings), path=args.output, year=args.to), markup=False,
                  soft_wrap=True)
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `manifest migrate` on the CLI's subparsers."""
    m = sub.add_parser("manifest", help=text("help.manifest"), description=text("help.manifest"))
    actions = m.add_subparsers(dest="manifest_cmd", required=True, metavar=text("help.action"))
    p = actions.add_parser("migrate", help=text("help.migrate"), description=text("help.migrate_description"))
    p.add_argument("manifest", metavar="OLD.toml", help=text("help.migrate_manifest"))
    p.add_argument("--to", type=int, required=True, metavar="YEAR", help=text("help.migrate_to"))
    p.add_argument("--from", dest="from_year", type=int, metavar="YEAR", help=text("help.migrate_from"))
    p.add_argument("--output", metavar="FILE", help=text("help.migrate_output"))
    add_lang_option(p)


COMMANDS: dict[str, Callable[[argparse.Namespace, Console], int]] = {"manifest": cmd_manifest}
