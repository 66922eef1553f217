"""`oit-checker`: the parser and `main`, which runs one command and maps errors to exit codes.

The language (help, errors, reports): --lang, else $OIT_CHECKER_LANG, else the locale, else Thai.
Exit codes: 0 every checked item passes · 1 some item is not pass · 2 usage or configuration error ·
3 regressions since the previous run (audit) · 4 internal error · 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import sqlite3
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import cast

from rich.console import Console
from rich.markup import escape

from oit_checker import __version__
from oit_checker.cli.console import make_console
from oit_checker.cli.exit_codes import EXIT_CONFIG, EXIT_INTERNAL, EXIT_INTERRUPTED
from oit_checker.cli.output import check_output_paths
from oit_checker.cli.parser import Parser
from oit_checker.errors import OitCheckerError
from oit_checker.text.i18n import lang_from_argv, set_language, text

Command = Callable[[argparse.Namespace, Console], int]

# The module that defines and runs each command, in the order `--help` lists them. A run imports only the module
# of the command it runs (the others cost ≈ 60–80 ms of imports: `python -X importtime`).
COMMAND_MODULES: dict[str, str] = {
    "check": "oit_checker.cli.check", "demo": "oit_checker.cli.check",
    "rules": "oit_checker.cli.rules", "explain": "oit_checker.cli.rules",
    "fix": "oit_checker.cli.fix",
    "audit": "oit_checker.cli.audit", "diff": "oit_checker.cli.audit", "history": "oit_checker.cli.audit",
    "discover": "oit_checker.cli.discover",
    "manifest": "oit_checker.cli.manifest",
}


def command_named(argv: Sequence[str]) -> str | None:
    """The command `argv` runs (its first word that is not an option), if it is one of ours."""
    word = next((a for a in argv if not a.startswith("-")), None)
    return word if word in COMMAND_MODULES else None


def command_function(name: str) -> Command:
    """The function that runs command `name` (its module is imported now)."""
    module = importlib.import_module(COMMAND_MODULES[name])
    return cast(Command, module.COMMANDS[name])


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line, its help texts in the run's language (`i18n.set_language` first). With `command`, only
    that command's module is imported and only its group of commands is defined (what `main` runs)."""
    parser = Parser(prog="oit-checker", description=text("help.description"), epilog=text("help.epilog"))
    parser.add_argument("--version", action="version", version=f"oit-checker {__version__}",
                        help=text("argparse.version"))
    parser.add_argument("--debug", action="store_true", help=text("help.debug"))
    sub = cast("argparse._SubParsersAction[argparse.ArgumentParser]",
               parser.add_subparsers(dest="command", required=True, metavar=text("help.command")))
    wanted = dict.fromkeys(COMMAND_MODULES.values()) if command is None else {COMMAND_MODULES[command]: None}
    for module in wanted:
        importlib.import_module(module).add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # The language first: it decides the help texts, and the messages of errors raised while reading files.
    set_language(lang_from_argv(argv))
    name = command_named(argv)
    parser = build_parser(name)
    args = parser.parse_args(argv)
    console = make_console()
    err = make_console(stderr=True)
    try:
        check_output_paths(args)  # before any work: a typo in a path must not cost the run
        return command_function(args.command)(args, console)
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
