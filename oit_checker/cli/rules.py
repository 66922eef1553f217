"""`oit-checker rules list|show|check` and `oit-checker explain CODE`."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.table import Table

from oit_checker.catalogue import reasons
from oit_checker.catalogue import rules as catalogue_mod
from oit_checker.cli.common import load_rules
from oit_checker.cli.exit_codes import EXIT_OK
from oit_checker.errors import UsageError


def cmd_rules(args: argparse.Namespace, console: Console) -> int:
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


