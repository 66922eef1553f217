"""`oit-checker rules list|show|check` and `oit-checker explain [CODE]`, Thai first."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.table import Table

from oit_checker.catalogue import describe, reasons
from oit_checker.catalogue import rules as catalogue_mod
from oit_checker.cli.common import load_rules, today
from oit_checker.cli.exit_codes import EXIT_OK
from oit_checker.cli.options import add_lang_option
from oit_checker.errors import OitCheckerError, UsageError
from oit_checker.model import Catalogue
from oit_checker.report.labels import STATUS
from oit_checker.text.fiscal import current_fiscal_year
from oit_checker.text.i18n import catalogue as strings
from oit_checker.text.i18n import count, text


def _catalogue(args: argparse.Namespace, console: Console) -> Catalogue:
    """The asked catalogue; with no year given, the current fiscal year's, and a line saying so."""
    if args.rules or args.criteria or args.fiscal_year:
        return load_rules(args, args.fiscal_year)
    fy = current_fiscal_year(today())
    cat = load_rules(args, fy)
    console.print(text("years.rules_default", criteria=cat.criteria_year, fy=fy), style="dim", markup=False,
                  soft_wrap=True)
    return cat


def _list(cat: Catalogue, lang: str, console: Console) -> None:
    tab = Table(title=text("rules.title", lang, year=cat.criteria_year, version=cat.version, source=cat.source),
                title_justify="left", show_lines=True)
    for col in ("col_item", "col_indicator", "col_name", "col_fy", "col_confidence", "col_components"):
        tab.add_column(text(f"rules.{col}", lang), overflow="fold")
    for item in cat.items:
        tab.add_row(item.id, str(item.indicator), item.name_en if lang == "en" else item.name_th,
                    describe.fiscal_year_rule_text(item.fiscal_year_rule, lang),
                    describe.confidence_label(item.confidence, lang), str(len(item.components)))
    console.print(tab)


def _elsewhere(cat: Catalogue, item_id: str, lang: str) -> list[str]:
    """What the same code means in the other bundled catalogues: a code means nothing without its year."""
    lines = []
    for year in catalogue_mod.available_criteria_years():
        if year == cat.criteria_year:
            continue
        try:
            other = catalogue_mod.load_catalogue(catalogue_mod.catalogue_path_for(year))
        except OitCheckerError:
            continue
        if item_id in other.ids:
            item = other.item(item_id)
            lines.append(text("years.same_code_elsewhere", lang, year=year, item=item_id,
                              name=item.name_en if lang == "en" else item.name_th))
        else:
            lines.append(text("years.not_in_year", lang, year=year, item=item_id))
    return lines


def _check(args: argparse.Namespace, console: Console) -> int:
    """`rules check FILE`: a whole catalogue, or an override (catalogue.rules.is_override) checked against the
    bundled catalogue of the year it names (or --criteria) and printed with the merged version."""
    lang = args.lang
    path = Path(args.file)
    overrides = [Path(p) for p in args.override or []]
    data = catalogue_mod.read_toml(path)
    if catalogue_mod.is_override(data):
        head = data.get("catalogue")
        named = head.get("criteria_year") if isinstance(head, dict) else None
        year = args.criteria or (named if isinstance(named, int) and not isinstance(named, bool) else None)
        if year is None:
            raise UsageError(text("rules.override_needs_year", lang, file=args.file))
        base = catalogue_mod.catalogue_path_for(year)
        checked = catalogue_mod.load_catalogue(base, [path, *overrides])
        console.print(count("rules.check_override_ok", len(checked.items), lang, file=args.file, base=base,
                            year=checked.criteria_year, version=checked.version), markup=False, soft_wrap=True)
    else:
        checked = catalogue_mod.load_catalogue(path, overrides)
        if args.criteria and args.criteria != checked.criteria_year:
            raise UsageError(text("rules.criteria_mismatch", lang, file=args.file, year=checked.criteria_year,
                                  given=args.criteria))
        console.print(count("rules.check_ok", len(checked.items), lang, file=args.file, year=checked.criteria_year,
                            version=checked.version), markup=False, soft_wrap=True)
    if checked.overrides:
        console.print(text("rules.check_overrides", lang, files=", ".join(o.path for o in checked.overrides)),
                      markup=False, soft_wrap=True)
    return EXIT_OK


def cmd_rules(args: argparse.Namespace, console: Console) -> int:
    lang = args.lang
    if args.rules_cmd == "check":
        return _check(args, console)
    cat = _catalogue(args, console)
    if args.rules_cmd == "list":
        _list(cat, lang, console)
        return EXIT_OK
    item_id = args.item.upper()
    if item_id not in cat.ids:
        raise UsageError(text("rules.not_in_catalogue", lang, item=item_id, year=cat.criteria_year))
    tab = Table(show_header=False, title=f"{item_id} — ITA {cat.criteria_year} ({cat.version})", title_justify="left")
    tab.add_column(style="bold")
    tab.add_column(overflow="fold")  # a long pattern is folded onto the next lines, never cut with "…"
    for label, value in describe.describe_item(cat.item(item_id), lang, fiscal_year=args.fiscal_year):
        tab.add_row(label, value)
    console.print(tab)
    for line in _elsewhere(cat, item_id, lang):
        console.print(line, markup=False, soft_wrap=True)
    return EXIT_OK


def _blanks(lang: str) -> dict[str, str]:
    """Each placeholder of messages.toml shown as ‹what goes there›, never as a raw {name}."""
    return {key.split(".", 1)[1]: f"‹{text(key, lang)}›" for key in strings() if key.startswith("placeholder.")}


def cmd_explain(args: argparse.Namespace, console: Console) -> int:
    lang = args.lang
    specs = reasons.specs()
    blanks = _blanks(lang)
    if not args.code:
        console.print(text("explain.codes", lang), style="bold", markup=False)
        for each in specs.values():
            message = (each.en if lang == "en" else each.th).format_map(blanks)
            console.print(f"{each.code} ({STATUS[lang][each.severity]}): {message}", markup=False, soft_wrap=True)
        return EXIT_OK
    spec = specs.get(args.code)
    if spec is None:
        raise UsageError(text("explain.unknown", lang, code=repr(args.code), known=", ".join(sorted(specs))))
    message, fix = (spec.en, spec.fix_en) if lang == "en" else (spec.th, spec.fix_th)
    console.print(f"[bold]{spec.code}[/bold] ({text('explain.severity', lang)}: {STATUS[lang][spec.severity]})")
    console.print(message.format_map(blanks), markup=False, soft_wrap=True)
    if fix:
        console.print(f"{text('explain.fix', lang)}: {fix.format_map(blanks)}", markup=False, soft_wrap=True)
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `rules` and `explain` on the CLI's subparsers."""
    rules = sub.add_parser("rules", help=text("help.rules"), description=text("help.rules"))
    rules_sub = rules.add_subparsers(dest="rules_cmd", required=True, metavar=text("help.action"))
    for name in ("list", "show"):
        p = rules_sub.add_parser(name, help=text(f"help.rules_{name}"), description=text(f"help.rules_{name}"))
        if name == "show":
            p.add_argument("item", help=text("help.rules_item"))
        p.add_argument("--rules", metavar="FILE", help=text("help.rules_opt"))
        p.add_argument("--override", metavar="FILE", action="append", help=text("help.override"))
        p.add_argument("--criteria", type=int, metavar="YEAR", help=text("help.criteria"))
        p.add_argument("--fiscal-year", type=int, metavar="N", help=text("help.fiscal_year"))
        add_lang_option(p)
    p = rules_sub.add_parser("check", help=text("help.rules_check"), description=text("help.rules_check"))
    p.add_argument("file", help=text("help.rules_file"))
    p.add_argument("--override", metavar="FILE", action="append", help=text("help.override"))
    p.add_argument("--criteria", type=int, metavar="YEAR", help=text("help.rules_check_criteria"))
    add_lang_option(p)

    explain = sub.add_parser("explain", help=text("help.explain"), description=text("help.explain"))
    explain.add_argument("code", nargs="?", help=text("help.explain_code"))
    add_lang_option(explain)


COMMANDS: dict[str, Callable[[argparse.Namespace, Console], int]] = {"rules": cmd_rules, "explain": cmd_explain}
