"""argparse in the run's language: Thai section titles, usage prefix, -h help and error messages."""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

from oit_checker.text.i18n import text


class Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, text("argparse.usage") if prefix is None else prefix)


_ARGPARSE_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^the following arguments are required: (?P<what>.*)$"), "argparse.required"),
    (re.compile(r"^unrecognized arguments: (?P<what>.*)$"), "argparse.unrecognized"),
    (re.compile(r"^argument (?P<option>\S+): invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)$"),
     "argparse.invalid_choice"),
    (re.compile(r"^argument (?P<option>\S+): invalid (?P<kind>int|float) value: (?P<value>.*)$"),
     "argparse.invalid_value"),
    (re.compile(r"^argument (?P<option>\S+): expected one argument$"), "argparse.expected_one"),
)


def translate_error(message: str) -> str:
    """argparse's English error in the run's language (unknown messages are kept as they are)."""
    for pattern, key in _ARGPARSE_MESSAGES:
        m = pattern.match(message)
        if m:
            values = m.groupdict()
            if "kind" in values:
                values["kind"] = text(f"argparse.kind_{values['kind']}")
            return text(key, **values)
    return message


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own words come from the strings catalogue; sub-commands inherit it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False  # our own -h, with its help text in the run's language
        super().__init__(*args, **kwargs)
        self._positionals.title = text("argparse.positionals")
        self._optionals.title = text("argparse.options")
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=text("argparse.help"))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, text("argparse.error", prog=self.prog, message=translate_error(message)) + "\n")
