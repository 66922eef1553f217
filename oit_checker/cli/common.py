"""Helpers every command shares: the rule catalogue for a fiscal year, `--items`, today's date."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from oit_checker.catalogue import rules as catalogue_mod
from oit_checker.catalogue.stored import load_catalogue_stored
from oit_checker.cli.console import make_console
from oit_checker.config.manifest import ManifestFiles, SkippedItem
from oit_checker.errors import UsageError
from oit_checker.fetch.httpcache import default_cache_dir
from oit_checker.model import Agency, Catalogue
from oit_checker.text import clock
from oit_checker.text.fiscal import current_fiscal_year
from oit_checker.text.i18n import text


@dataclass(frozen=True)
class YearChoice:
    """Which fiscal year a run checks and why: --fiscal-year, a manifest's fiscal_year, or today's date."""

    fiscal_year: int
    why: str  # "option" | "manifest" | "today"
    source: str = ""  # the manifest that named the year
    today: date | None = None


def choose_fiscal_year(override: int | None, agencies: Sequence[Agency], when: date) -> YearChoice:
    """--fiscal-year, else the first manifest's fiscal_year, else the fiscal year of `when`; with the reason,
    which the first line of the output says (`year_line`)."""
    if override is not None:
        return YearChoice(override, "option")
    for a in agencies:
        if a.fiscal_year is not None:
            return YearChoice(a.fiscal_year, "manifest", a.source)
    return YearChoice(current_fiscal_year(when), "today", today=when)


def _shown_path(path: str) -> str:
    """A file as the user would write it: relative to the current folder when it lies inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except (ValueError, OSError):
        return path


def year_style(choice: YearChoice) -> str:
    """How the year line is printed: a year taken from today's date is worth a look (yellow)."""
    return "yellow" if choice.why == "today" else "dim"


def year_line(choice: YearChoice, cat: Catalogue, args: argparse.Namespace) -> str:
    """"Checking fiscal year 2570 against the ITA 2569 criteria (2569.1) — why" in the run's language."""
    reasons = [text(f"years.why_{choice.why}", source=_shown_path(choice.source),
                    today=choice.today.isoformat() if choice.today else "")]
    if getattr(args, "rules", None):
        reasons.append(text("years.why_rules_file", source=cat.source))
    elif getattr(args, "criteria", None):
        reasons.append(text("years.why_criteria_option"))
    elif cat.criteria_year != choice.fiscal_year:
        reasons.append(text("years.why_nearest", fy=choice.fiscal_year))
    return text("years.chosen", fy=choice.fiscal_year, criteria=cat.criteria_year, version=cat.version,
                why="; ".join(reasons))


def today() -> date:
    """Today's date, read through the clock (tests patch `clock`, never this)."""
    return clock.today()


def warn(message: str) -> None:
    """A warning on stderr, in the run's language ("คำเตือน: …" / "warning: …")."""
    make_console(stderr=True).print(f"{text('cli.warning')}: {message}", style="yellow", markup=False,
                                    highlight=False, soft_wrap=True)


def override_warnings(cat: Catalogue) -> list[str]:
    """What a run must say of its overrides: one naming no criteria_year was applied to whatever criteria year
    the run chose (an override written for 2568 O24 changes 2569 O24, another item, on a 2569 run)."""
    return [text("rules.override_any_year", path=o.path, year=cat.criteria_year)
            for o in cat.overrides if o.criteria_year is None]


def load_rules(args: argparse.Namespace, fiscal_year: int | None) -> Catalogue:
    """The catalogue the options name; a command with a cache folder keeps it parsed there (catalogue/stored.py).
    Under --no-cache nothing is kept, but a catalogue kept before is read: it is the same files parsed by the same
    code, and --no-cache is about documents (downloaded and read afresh). An override that names no criteria
    year is warned of on stderr (`override_warnings`)."""
    overrides = [Path(p) for p in (getattr(args, "override", None) or [])]
    folder = Path(args.cache_dir or default_cache_dir()) if hasattr(args, "cache_dir") else None
    keep = not getattr(args, "no_cache", False)
    if getattr(args, "rules", None):
        cat = load_catalogue_stored(Path(args.rules), overrides, folder, keep=keep)
    else:
        year = getattr(args, "criteria", None) or catalogue_mod.criteria_year_for_fiscal_year(fiscal_year)
        cat = load_catalogue_stored(catalogue_mod.catalogue_path_for(int(year)), overrides, folder, keep=keep)
    for message in override_warnings(cat):
        warn(message)
    return cat


def manifest_agencies(manifests: ManifestFiles, cat: Catalogue) -> list[Agency]:
    """The manifests' agencies, their items checked against `cat`. An item an override removed (remove = true)
    is not checked: its URLs are left out, with a warning naming the manifest and the override."""
    removed = {item: o.path for o in cat.overrides for item in o.removed}
    skipped: list[SkippedItem] = []
    agencies = manifests.agencies(cat.ids, cat.criteria_year, removed=removed, skipped=skipped)
    for s in skipped:
        warn(text("rules.removed_item_skipped", path=_shown_path(s.path), where=s.where, item=s.item, n=s.urls,
                  override=s.override, year=cat.criteria_year))
    return agencies


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
