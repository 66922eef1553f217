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
from oit_checker.cli.output import check_writable, emit
from oit_checker.config.manifest import ManifestError
from oit_checker.errors import UsageError

# ---------------------------------------------------------------- CLI


def cmd_manifest(args: argparse.Namespace, console: Console) -> int:
    if args.output:
        check_writable(args.output)
    if args.manifest_cmd != "migrate":  # argparse only offers `migrate`; kept explicit for later actions
        raise UsageError(f"unknown manifest action {args.manifest_cmd!r}")
    if not Path(args.manifest).is_file():
        raise ManifestError(args.manifest, "file not found")
    try:
        text, warnings = migrate_file(args.manifest, args.to, from_year=args.from_year)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    err = make_console(stderr=True)
    for w in warnings:
        err.print(f"warning: {w}", markup=False, soft_wrap=True)
    emit(text, args.output, console.file)
    if args.output:
        err.print(f"wrote {args.output} (ITA {args.to}); {len(warnings)} warning(s)", markup=False, soft_wrap=True)
    return EXIT_OK


def add_manifest_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `manifest migrate` on the CLI's subparsers."""
    m = sub.add_parser("manifest", help="work on agency manifests (carry one to the next criteria year)")
    actions = m.add_subparsers(dest="manifest_cmd", required=True, metavar="ACTION")
    p = actions.add_parser(
        "migrate", help="re-key a manifest from one ITA year's item codes to a later year's",
        description="Carry a manifest to a later ITA criteria year using rules/mapping-<from>-<to>.toml: "
                    "renumbered items move, merged items combine their URLs, items with no successor are "
                    "dropped (their URLs kept as comments). fiscal_year moves with the criteria year. "
                    "Warnings go to stderr. Exit codes: 0 written · 2 usage or configuration error.")
    p.add_argument("manifest", metavar="OLD.toml", help="the manifest to migrate")
    p.add_argument("--to", type=int, required=True, metavar="YEAR", help="target ITA criteria year, e.g. 2569")
    p.add_argument("--from", dest="from_year", type=int, metavar="YEAR",
                   help="ITA year the manifest was written for (default: from its fiscal_year, else --to - 1)")
    p.add_argument("--output", metavar="FILE", help="write the new manifest to FILE instead of stdout")


MANIFEST_COMMANDS: dict[str, Callable[[argparse.Namespace, Console], int]] = {"manifest": cmd_manifest}
