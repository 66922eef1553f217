"""Carry a manifest from one criteria year's item codes to a later year's (pure but `migrate_file`).

The NACC renumbers OIT items every year (2568 O25 is 2569 O23; 2568 O21 and O22 merge into 2569 O20;
2568 O11 has no successor). The renumbering itself is data (`rules/mapping-<from>-<to>.toml`, read by
`oit_checker.catalogue.mapping`).

Decisions (docs/discover.md):
- `fiscal_year` moves with the criteria year (ITA N assesses fiscal year N): 2568 → 2569 when migrating
  2568 → 2569. A manifest without `fiscal_year` stays without one (the checker then uses today's FY).
- The source criteria year is `--from`, else the one the manifest's `fiscal_year` selects, else `--to − 1`.
- Every item of the new catalogue is written (empty list when nothing maps to it), so the new items are
  visible; dropped URLs are kept as comments at the end, so nothing the agency typed is silently lost.
- The original file's comments are not carried over (the TOML is re-written, not edited).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from oit_checker.catalogue import rules as catalogue_mod
from oit_checker.catalogue.mapping import MappedItem, load_mapping, migrate_manifest_items
from oit_checker.catalogue.rules import CatalogueError
from oit_checker.config.manifest import ManifestError, ManifestFiles
from oit_checker.config.toml import toml_comment, toml_string, toml_value
from oit_checker.model import Agency, Catalogue, Confidence
from oit_checker.text.i18n import text

# Scalar [agency] keys copied as they are (`items` is rebuilt; `fiscal_year` is moved).


_COPIED_KEYS = ("name", "home", "slug", "code", "province", "district", "notes")
# Weakest first: a chain of mappings is only as sure as its least sure step.
_CONFIDENCE_ORDER = (Confidence.UNKNOWN, Confidence.INFERRED, Confidence.SEED, Confidence.ONE_SOURCE,
                     Confidence.CONFIRMED)
def _id_key(item_id: str) -> tuple[int, str]:
    digits = item_id[1:]
    return (int(digits), item_id) if digits.isdigit() else (10**6, item_id)


# ---------------------------------------------------------------- migration (pure)


def compose_mappings(steps: Sequence[Mapping[str, MappedItem]]) -> dict[str, MappedItem]:
    """One mapping from the first year's ids to the last year's, through every step (2567→2568→2569).

    An item dropped at any step is dropped; the confidence is the weakest step's; notes are joined.
    """
    if not steps:
        return {}
    out: dict[str, MappedItem] = {}
    for source, first in steps[0].items():
        current, confidence, path = first.target, first.confidence, [first]
        lost = ""
        for step in steps[1:]:
            if not current:
                break
            nxt = step.get(current)
            if nxt is None:
                current, lost = "", current
                break
            confidence = min(confidence, nxt.confidence, key=_CONFIDENCE_ORDER.index)
            current = nxt.target
            path.append(nxt)
        thai = any(m.note_th for m in path)
        out[source] = MappedItem(source, current, confidence, _joined_notes(path, lost, "en"),
                                 _joined_notes(path, lost, "th") if thai else "")
    return out


def _joined_notes(path: Sequence[MappedItem], lost: str, lang: str) -> str:
    """The notes of every step an item took, in `lang`; `lost`: the item a later mapping does not have."""
    notes = [m.note_in(lang) for m in path if m.note_in(lang)]
    if lost:
        notes.append(text("migrate.not_in_later", lang, item=lost))
    return " / ".join(notes)


class Migration:
    """One agency carried to the new criteria year: new items, warnings, provenance and dropped URLs."""

    def __init__(self, raw: Mapping[str, Any], agency: Agency, mapping: Mapping[str, MappedItem], *,
                 from_year: int, to_year: int, to_catalogue: Catalogue | None) -> None:
        self.raw = raw
        self.agency = agency
        self.from_year = from_year
        self.to_year = to_year
        self.items, self.warnings = migrate_manifest_items(agency.items, mapping)
        # Predecessors come from the mapping, not from the old file, so the comment above each new item
        # says where it came from even when the agency had left the old item out.
        self.sources: dict[str, list[str]] = {}
        for m in mapping.values():
            if not m.dropped:
                self.sources.setdefault(m.target, []).append(m.source)
        self.dropped: dict[str, tuple[str, ...]] = {}
        for old, urls in agency.items.items():
            successor = mapping.get(old)
            if (successor is None or successor.dropped) and urls:
                self.dropped[old] = urls
        self.names = {i.id: i.name_th for i in to_catalogue.items} if to_catalogue else {}
        ids = list(to_catalogue.ids) if to_catalogue else []
        self.order = ids + sorted((i for i in self.items if i not in ids), key=_id_key)
        self.fiscal_year = (agency.fiscal_year + (to_year - from_year)) if agency.fiscal_year else None


def render_migrated(migrations: Sequence[Migration], *, source: str, many: bool) -> str:
    """The new manifest: a header naming the move and its warnings, then one agency table per agency."""
    first = migrations[0]
    lines = [
        f"# {text('migrate.head_from', source=toml_comment(source), from_year=first.from_year, to_year=first.to_year)}",
        f"# {text('migrate.head_mapping')}",
        f"# {text('migrate.head_comments')}",
        f"# {text('migrate.head_update')}",
    ]
    warning = text("cli.warning")
    for mig in migrations:
        prefix = f"{mig.agency.name}: " if many else ""
        if mig.fiscal_year:
            lines.append("# " + text("migrate.head_fiscal_year", prefix=toml_comment(prefix),
                                     old=mig.agency.fiscal_year, new=mig.fiscal_year))
        for w in mig.warnings:
            lines.append(f"# {warning}: {toml_comment(prefix + w, 400)}")
    for mig in migrations:
        lines.append("")
        lines.extend(_agency_lines(mig, many=many))
    return "\n".join(lines) + "\n"


def _agency_lines(mig: Migration, *, many: bool) -> list[str]:
    lines = ["[[agency]]" if many else "[agency]"]
    for key in _COPIED_KEYS:
        if key in mig.raw and not isinstance(mig.raw[key], dict | list):
            lines.append(f"{key} = {toml_value(mig.raw[key])}")
        if key == "home" and mig.fiscal_year:
            lines.append(f"fiscal_year = {mig.fiscal_year}")
    lines.append("")
    lines.append("[agency.items]" if many else "[items]")
    for item_id in mig.order:
        urls = mig.items.get(item_id, ())
        name = mig.names.get(item_id, "")
        olds = sorted(mig.sources.get(item_id, []), key=_id_key)
        had = [o for o in olds if o in mig.agency.items]  # only the items the old manifest listed
        if not olds:
            origin = text("migrate.item_new", year=mig.to_year)
        elif not had:
            origin = text("migrate.item_not_listed", year=mig.from_year, olds=" + ".join(olds))
        else:
            origin = text("migrate.item_was", year=mig.from_year, olds=" + ".join(had)) + (
                text("migrate.item_merged") if len(had) > 1 else "")
        lines.append(f"# {item_id} {toml_comment(name)} ({origin})".replace("  (", " ("))
        if not urls:
            lines.append(f"{item_id} = []")
        elif len(urls) == 1:
            lines.append(f"{item_id} = [{toml_string(urls[0])}]")
        else:
            lines.append(f"{item_id} = [")
            lines.extend(f"    {toml_string(u)}," for u in urls)
            lines.append("]")
    if mig.dropped:
        lines.append("")
        lines.append("# " + text("migrate.dropped_head", from_year=mig.from_year, to_year=mig.to_year))
        lines.append("# " + text("migrate.dropped_kept"))
        for old in sorted(mig.dropped, key=_id_key):
            for url in mig.dropped[old]:
                lines.append(f"#   {old} ({mig.from_year}): {toml_comment(url, 400)}")
    return lines


# ---------------------------------------------------------------- file level


def _source_year(explicit: int | None, agencies: Sequence[Agency], to_year: int) -> int:
    if explicit is not None:
        return explicit
    for a in agencies:
        if a.fiscal_year is not None:
            return catalogue_mod.criteria_year_for_fiscal_year(a.fiscal_year)
    return to_year - 1


def _load_catalogue_or_none(year: int) -> Catalogue | None:
    try:
        return catalogue_mod.load_catalogue(catalogue_mod.catalogue_path_for(year))
    except CatalogueError:
        return None  # an old year without a bundled catalogue: migrate without validating its item ids


def migrate_file(path: str | Path, to_year: int, *, from_year: int | None = None) -> tuple[str, list[str]]:
    """Migrate one manifest file. Returns (new TOML text, warnings in words).

    Raises ManifestError / CatalogueError (the CLI maps them to exit 2) and ValueError for a bad year pair.
    """
    path = Path(path)
    if not path.is_file():  # one file: a folder's manifests are migrated one by one
        raise ManifestError(str(path), text("cli.file_not_found"))
    manifests = ManifestFiles([path])
    source_year = _source_year(from_year, manifests.preliminary, to_year)
    if source_year >= to_year:
        raise ValueError(f"the manifest already uses ITA {source_year} codes; --to must be a later year "
                         f"(got {to_year}; use --from to say which year it was written for)")
    old_cat = _load_catalogue_or_none(source_year)
    agencies = manifests.agencies(old_cat.ids if old_cat else None, source_year)
    mapping = compose_mappings([load_mapping(y, y + 1) for y in range(source_year, to_year)])
    to_cat = catalogue_mod.load_catalogue(catalogue_mod.catalogue_path_for(to_year))
    [(_, data)] = manifests.tables  # one file, read once
    raws = [data["agency"]] if isinstance(data.get("agency"), dict) else list(data.get("agency", []))
    migrations = [Migration(raw, agency, mapping, from_year=source_year, to_year=to_year, to_catalogue=to_cat)
                  for raw, agency in zip(raws, agencies, strict=True)]
    many = isinstance(data.get("agency"), list)
    warnings = [(f"{m.agency.name}: " if many else "") + w for m in migrations for w in m.warnings]
    return render_migrated(migrations, source=str(path), many=many), warnings


