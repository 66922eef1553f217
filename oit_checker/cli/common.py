"""Helpers every command shares: the rule catalogue for a fiscal year, `--items`, today's date."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from oit_checker.catalogue import rules as catalogue_mod
from oit_checker.errors import UsageError
from oit_checker.model import Catalogue
from oit_checker.text import clock
from oit_checker.text.i18n import text


def today() -> date:
    """Today's date, read through the clock (tests patch `clock`, never this)."""
    return clock.today()


def load_rules(args: argparse.Namespace, fiscal_year: int | None) -> Catalogue:
    overrides = [Path(p) for p in (getattr(args, "override", None) or [])]
    if getattr(args, "rules", None):
        return catalogue_mod.load_catalogue(Path(args.rules), overrides)
    year = getattr(args, "criteria", None) or catalogue_mod.criteria_year_for_fiscal_year(fiscal_year)
    return catalogue_mod.load_catalogue(catalogue_mod.catalogue_path_for(int(year)), overrides)


def parse_items(raw: str | None) -> list[str] | None:
    if not raw:
        return None
    return [x.strip().upper() for x in raw.split(",") if x.strip()]


def validate_items(items: list[str] | None, cat: Catalogue) -> None:
    if items:
        unknown = [i for i in items if i not in cat.ids]
        if unknown:
            raise UsageError(text("cli.items_unknown", items=", ".join(unknown), year=cat.criteria_year,
                                  source=cat.source))
