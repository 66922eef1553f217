"""`oit-checker`: the parser and `main`, which runs one command and maps errors to exit codes.

Exit codes: 0 every checked item passes · 1 some item is not pass · 2 usage or configuration error ·
3 regressions since the previous run (audit) · 4 internal error · 130 interrupted.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import traceback
from collections.abc import Callable, Sequence

from rich.console import Console
from rich.markup import escape

from oit_checker import __version__
from oit_checker.cli.audit import AUDIT_COMMANDS, add_audit_parsers
from oit_checker.cli.check import add_run_options, cmd_check, cmd_demo
from oit_checker.cli.console import make_console
from oit_checker.cli.discover import DISCOVER_COMMANDS, add_discover_parsers
from oit_checker.cli.exit_codes import EPILOG, EXIT_CONFIG, EXIT_INTERNAL, EXIT_INTERRUPTED
from oit_checker.cli.manifest import MANIFEST_COMMANDS, add_manifest_parsers
from oit_checker.cli.output import check_output_paths
from oit_checker.cli.rules import cmd_explain, cmd_rules
from oit_checker.errors import OitCheckerError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="oit-checker",
        description="Check an agency's ITA/OIT evidence (the URLs it submits to ITAS) before the assessors do.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"oit-checker {__version__}")
    parser.add_argument("--debug", action="store_true", help="on an internal error, print the full traceback")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser("check", help="check one agency manifest and print the gap report")
    check.add_argument("manifest", nargs="+", help="agency manifest TOML file(s) or directories")
    add_run_options(check)

    demo = sub.add_parser("demo", help="serve the bundled offline demo website and check it")
    add_run_options(demo)

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


COMMANDS: dict[str, Callable[[argparse.Namespace, Console], int]] = {
    "check": cmd_check, "demo": cmd_demo, "rules": cmd_rules, "explain": cmd_explain, **AUDIT_COMMANDS,
    **DISCOVER_COMMANDS, **MANIFEST_COMMANDS,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    console = make_console()
    err = make_console(stderr=True)
    try:
        check_output_paths(args)  # before any work: a typo in a path must not cost the run
        return COMMANDS[args.command](args, console)
    except OitCheckerError as exc:
        err.print(f"[bold red]error:[/bold red] {escape(str(exc))}", markup=True)
        return EXIT_CONFIG
    except sqlite3.DatabaseError as exc:  # a database the history code did not wrap (see engine/history.py)
        err.print(f"[bold red]error:[/bold red] database: {escape(str(exc))}", markup=True)
        return EXIT_CONFIG
    except KeyboardInterrupt:
        err.print("interrupted")
        return EXIT_INTERRUPTED
    except RecursionError:
        err.print("[bold red]error:[/bold red] input nested too deeply to read", markup=True)
        return EXIT_CONFIG
    except Exception as exc:  # a bug of ours: one line, never the exit code of "gaps found"
        if getattr(args, "debug", False):
            err.print(traceback.format_exc(), markup=False, highlight=False, soft_wrap=True)
        where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        at = f" (at {where.filename.rsplit('/', 1)[-1]}:{where.lineno})" if where else ""
        err.print(f"[bold red]internal error:[/bold red] {escape(type(exc).__name__)}: {escape(str(exc)[:300])}"
                  f"{at} — please report it; run again with --debug for the traceback", markup=True)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
