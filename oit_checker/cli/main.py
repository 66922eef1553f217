"""`oit-checker`: the parser and `main`, which runs one command and maps errors to exit codes.

The language (help, errors, reports): --lang, else $OIT_CHECKER_LANG, else the locale, else Thai.
Exit codes: 0 every checked item passes · 1 some item is not pass · 2 usage or configuration error ·
3 regressions since the previous run (audit) · 4 internal error · 130 interrupted.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import cast

from rich.console import Console
from rich.markup import escape

from oit_checker import __version__
from oit_checker.cli.audit import AUDIT_COMMANDS, add_audit_parsers
from oit_checker.cli.check import add_check_options, add_run_options, cmd_check, cmd_demo
from oit_checker.cli.console import make_console
from oit_checker.cli.discover import DISCOVER_COMMANDS, add_discover_parsers
from oit_checker.cli.exit_codes import EXIT_CONFIG, EXIT_INTERNAL, EXIT_INTERRUPTED
from oit_checker.cli.fix import FIX_COMMANDS, add_fix_parser
from oit_checker.cli.manifest import MANIFEST_COMMANDS, add_manifest_parsers
from oit_checker.cli.options import add_lang_option
from oit_checker.cli.output import check_output_paths
from oit_checker.cli.parser import Parser
from oit_checker.cli.rules import cmd_explain, cmd_rules
from oit_checker.errors import OitCheckerError
from oit_checker.text.i18n import lang_from_argv, set_language, text


def build_parser() -> argparse.ArgumentParser:
    """The command line, its help texts in the run's language (`i18n.set_language` first)."""
    parser = Parser(prog="oit-checker", description=text("help.description"), epilog=text("help.epilog"))
    parser.add_argument("--version", action="version", version=f"oit-checker {__version__}",
                        help=text("argparse.version"))
    parser.add_argument("--debug", action="store_true", help=text("help.debug"))
    sub = cast("argparse._SubParsersAction[argparse.ArgumentParser]",
               parser.add_subparsers(dest="command", required=True, metavar=text("help.command")))

    check = sub.add_parser("check", help=text("help.check"), description=text("help.check"))
    check.add_argument("manifest", nargs="+", help=text("help.check_manifest"))
    add_check_options(check)

    demo = sub.add_parser("demo", help=text("help.demo"), description=text("help.demo"))
    add_run_options(demo)

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
    add_lang_option(p)

    explain = sub.add_parser("explain", help=text("help.explain"), description=text("help.explain"))
    explain.add_argument("code", nargs="?", help=text("help.explain_code"))
    add_lang_option(explain)
    add_fix_parser(sub)
    add_audit_parsers(sub)
    add_discover_parsers(sub)
    add_manifest_parsers(sub)
    return parser


COMMANDS: dict[str, Callable[[argparse.Namespace, Console], int]] = {
    "check": cmd_check, "demo": cmd_demo, "rules": cmd_rules, "explain": cmd_explain, **AUDIT_COMMANDS,
    **DISCOVER_COMMANDS, **MANIFEST_COMMANDS, **FIX_COMMANDS,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # The language first: it decides the help texts, and the messages of errors raised while reading files.
    set_language(lang_from_argv(argv))
    parser = build_parser()
    args = parser.parse_args(argv)
    console = make_console()
    err = make_console(stderr=True)
    try:
        check_output_paths(args)  # before any work: a typo in a path must not cost the run
        return COMMANDS[args.command](args, console)
    except OitCheckerError as exc:
        err.print(f"[bold red]{escape(text('cli.error'))}:[/bold red] {escape(str(exc))}", markup=True)
        return EXIT_CONFIG
    except sqlite3.DatabaseError as exc:  # a database the history code did not wrap (see engine/history.py)
        err.print(f"[bold red]{escape(text('cli.error'))}:[/bold red] {escape(text('cli.database', why=exc))}",
                  markup=True)
        return EXIT_CONFIG
    except KeyboardInterrupt:
        err.print(text("cli.interrupted"))
        return EXIT_INTERRUPTED
    except RecursionError:
        err.print(f"[bold red]{escape(text('cli.error'))}:[/bold red] {escape(text('cli.nested'))}", markup=True)
        return EXIT_CONFIG
    except Exception as exc:  # a bug of ours: one line, never the exit code of "gaps found"
        if getattr(args, "debug", False):
            err.print(traceback.format_exc(), markup=False, highlight=False, soft_wrap=True)
        where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        at = text("cli.internal_at", file=where.filename.rsplit("/", 1)[-1], line=where.lineno) if where else ""
        err.print(f"[bold red]{escape(text('cli.internal_error'))}:[/bold red] "
                  f"{escape(type(exc).__name__)}: {escape(str(exc)[:300])}{escape(at)} — "
                  f"{escape(text('cli.internal_report'))}", markup=True)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
