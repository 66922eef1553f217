"""Item renumbering between criteria years: `rules/mapping-<from>-<to>.toml`.

The NACC renumbers OIT items from one year to the next (ITA 2569 merged 2568's O21 and O22, dropped
service statistics and added "using ITA results"). An agency's manifest keyed by last year's codes is
carried over with `migrate_manifest_items`, which says in words what it could not carry cleanly.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from oit_checker.catalogue.describe import confidence_label
from oit_checker.catalogue.rules import (
    CatalogueError,
    Problem,
    load_catalogue,
    read_toml,
    rules_dir,
)
from oit_checker.model import Confidence
from oit_checker.text import i18n

__all__ = [
    "DEFAULT_MAX_URLS",
    "MappedItem",
    "load_mapping",
    "mapping_path",
    "migrate_manifest_items",
    "parse_mapping",
]

# The ITAS is commonly believed to take at most 5 URLs per item [inferred].
DEFAULT_MAX_URLS = 5

_ITEM_ID = re.compile(r"O[1-9][0-9]*")
_HEAD_KEYS = {"from_year": int, "to_year": int, "source": str, "new": list}
_MAP_KEYS = {"from": str, "to": str, "confidence": str, "note": str, "note_th": str}


@dataclass(frozen=True)
class MappedItem:
    """Where one item of the earlier year went. `target` is "" when it has no successor."""

    source: str  # "O21" (earlier year)
    target: str  # "O20" (later year), or ""
    confidence: Confidence
    note: str = ""
    note_th: str = ""  # the note in Thai; without it the Thai warnings quote `note`

    @property
    def dropped(self) -> bool:
        return not self.target

    def note_in(self, lang: str) -> str:
        """The note in `lang` ("th" or "en"), the English one where no Thai is written."""
        return self.note_th if lang == "th" and self.note_th else self.note


def mapping_path(from_year: int, to_year: int, directory: Path | None = None) -> Path:
    return (directory or rules_dir()) / f"mapping-{from_year}-{to_year}.toml"


def _t(key: str, /, **values: object) -> str:
    """A message of the mapping-file checks (strings.toml [mapping_check]) in the run's language."""
    return i18n.text(f"mapping_check.{key}", **values)


def _id_key(item_id: str) -> tuple[int, str]:
    digits = item_id[1:]
    return (int(digits), item_id) if digits.isdigit() else (10**6, item_id)


def _typed(raw: Mapping[str, Any], spec: Mapping[str, type], where: str, problems: list[Problem],
           item: str | None) -> dict[str, Any]:
    good: dict[str, Any] = {}
    for key, value in raw.items():
        kind = spec.get(key)
        if kind is None:
            problems.append(Problem(_t("unknown_key", allowed=", ".join(spec)), item, f"{where}{key}"))
        elif not isinstance(value, kind) or isinstance(value, bool):
            problems.append(Problem(_t("expected_type", kind=kind.__name__, value=repr(value)), item, f"{where}{key}"))
        else:
            good[key] = value
    return good


def _map_entry(i: int, raw: object, problems: list[Problem]) -> MappedItem | None:
    """One [[map]] table, validated; None (with its problems recorded) when it cannot be used."""
    if not isinstance(raw, dict):
        problems.append(Problem(_t("map_table"), f"#{i + 1}", None))
        return None
    item = raw.get("from") if isinstance(raw.get("from"), str) else f"#{i + 1}"
    good = _typed(raw, _MAP_KEYS, "", problems, item)
    for key in ("from", "to", "confidence"):
        if key not in raw:
            problems.append(Problem(_t("missing_field"), item, key))
    src, dst = good.get("from"), good.get("to")
    if src is not None and not _ITEM_ID.fullmatch(src):
        problems.append(Problem(_t("from_id", value=repr(src)), item, "from"))
    if dst and not _ITEM_ID.fullmatch(dst):
        problems.append(Problem(_t("to_id", value=repr(dst)), item, "to"))
    confidence = None
    if "confidence" in good:
        values = [c.value for c in Confidence]
        if good["confidence"] in values:
            confidence = Confidence(good["confidence"])
        else:
            problems.append(Problem(_t("not_one_of", value=repr(good["confidence"]), choices=", ".join(values)), item,
                                    "confidence"))
    if src is None or dst is None or confidence is None:
        return None
    return MappedItem(src, dst, confidence, good.get("note", "").strip(), good.get("note_th", "").strip())


def _check_against(out: Mapping[str, MappedItem], head: Mapping[str, Any], new: tuple[str, ...],
                   from_ids: tuple[str, ...] | None, to_ids: tuple[str, ...] | None,
                   problems: list[Problem]) -> None:
    """Completeness against the two catalogues: every earlier item mapped, every later one reached."""
    if from_ids is not None:
        for missing in sorted(set(from_ids) - set(out), key=_id_key):
            problems.append(Problem(_t("not_mapped", item=missing, year=head.get("from_year")), missing, "from"))
        for extra in sorted(set(out) - set(from_ids), key=_id_key):
            problems.append(Problem(_t("no_item", year=head.get("from_year"), item=extra), extra, "from"))
    if to_ids is None:
        return
    targets = {m.target for m in out.values() if m.target}
    for m in out.values():
        if m.target and m.target not in to_ids:
            problems.append(Problem(_t("no_item", year=head.get("to_year"), item=m.target), m.source, "to"))
    for n in new:
        if n not in to_ids:
            problems.append(Problem(_t("no_item", year=head.get("to_year"), item=n), None, "mapping.new"))
        elif n in targets:
            problems.append(Problem(_t("new_but_mapped", item=n), None, "mapping.new"))
    for unreached in sorted(set(to_ids) - targets - set(new), key=_id_key):
        problems.append(Problem(_t("unreached", item=unreached, year=head.get("to_year")), unreached, "to"))


def parse_mapping(data: Mapping[str, Any], source: str, *, from_year: int | None = None,
                  to_year: int | None = None, from_ids: tuple[str, ...] | None = None,
                  to_ids: tuple[str, ...] | None = None) -> dict[str, MappedItem]:
    """Validate a parsed mapping file. With the two catalogues' ids, also check it is complete:
    every earlier item mapped once, every target exists, every later item reached or declared new."""
    problems: list[Problem] = []
    for key in set(data) - {"mapping", "map"}:
        problems.append(Problem(_t("unknown_key", allowed="mapping, map"), None, key))
    head = _typed(data.get("mapping", {}), _HEAD_KEYS, "mapping.", problems, None)
    for key, want in (("from_year", from_year), ("to_year", to_year)):
        if key not in head:
            problems.append(Problem(_t("missing_field"), None, f"mapping.{key}"))
        elif want is not None and head[key] != want:
            problems.append(Problem(_t("wrong_year", got=head[key], want=want), None, f"mapping.{key}"))
    out: dict[str, MappedItem] = {}
    for i, raw in enumerate(data.get("map", [])):
        entry = _map_entry(i, raw, problems)
        if entry is None:
            continue
        if entry.source in out:
            problems.append(Problem(_t("mapped_twice"), entry.source, "from"))
        else:
            out[entry.source] = entry
    _check_against(out, head, tuple(head.get("new", ())), from_ids, to_ids, problems)
    if problems:
        raise CatalogueError(source, problems)
    return out


def load_mapping(from_year: int, to_year: int, directory: Path | None = None) -> dict[str, MappedItem]:
    """The mapping from `from_year`'s item ids to `to_year`'s, checked against both catalogues when the
    rules folder has them (so a catalogue edited without its mapping is caught at load time)."""
    path = mapping_path(from_year, to_year, directory)
    if not path.is_file():
        raise CatalogueError(path, _t("no_mapping", from_year=from_year, to_year=to_year))
    folder = directory or rules_dir()

    def ids(year: int) -> tuple[str, ...] | None:
        cat_path = folder / f"ita{year}.toml"
        return load_catalogue(cat_path).ids if cat_path.is_file() else None

    return parse_mapping(read_toml(path), str(path), from_year=from_year, to_year=to_year,
                         from_ids=ids(from_year), to_ids=ids(to_year))


def migrate_manifest_items(items: Mapping[str, tuple[str, ...]], mapping: Mapping[str, MappedItem], *,
                           max_urls: int | None = DEFAULT_MAX_URLS
                           ) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """Re-key a manifest's item → URLs from the earlier year's codes to the later year's.

    Returns the new items (in item order) and warnings in words: items dropped (no successor or not in
    the mapping), items merged (URLs combined, duplicates removed), mappings that are only a guess, and
    merged items that now exceed `max_urls`.
    """
    warnings: list[str] = []
    combined: dict[str, list[str]] = {}
    sources: dict[str, list[str]] = {}
    for old, urls in items.items():
        n = len(urls)
        m = mapping.get(old)
        if m is None:
            warnings.append(i18n.text("migrate.not_mapped", old=old, n=n))
            continue
        if m.dropped:
            warnings.append(i18n.text("migrate.no_successor", old=old, note=m.note_in(i18n.language()), n=n))
            continue
        if m.confidence.is_guess:
            how = m.confidence.value if i18n.language() == "en" else confidence_label(m.confidence, "th")
            warnings.append(i18n.text("migrate.guess", old=old, target=m.target, confidence=how,
                                      note=m.note_in(i18n.language())))
        combined.setdefault(m.target, []).extend(u.strip() for u in urls if u.strip())
        sources.setdefault(m.target, []).append(old)

    out: dict[str, tuple[str, ...]] = {}
    for target in sorted(combined, key=_id_key):
        merged = combined[target]
        unique = tuple(dict.fromkeys(merged))
        if len(sources[target]) > 1:
            dupes = len(merged) - len(unique)
            warnings.append(i18n.text("migrate.merged_dupes" if dupes else "migrate.merged", target=target,
                                      sources=" + ".join(sorted(sources[target], key=_id_key)), n=len(unique),
                                      dupes=dupes))
        if max_urls is not None and len(unique) > max_urls:
            warnings.append(i18n.text("migrate.too_many", target=target, n=len(unique), max=max_urls))
        out[target] = unique
    return out, warnings
