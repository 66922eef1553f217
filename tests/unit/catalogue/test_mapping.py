"""ITA 2568 → 2569 item mapping and manifest migration."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from oit_checker.catalogue.mapping import MappedItem, load_mapping, mapping_path, migrate_manifest_items, parse_mapping
from oit_checker.catalogue.rules import CatalogueError, load_catalogue, read_toml
from oit_checker.model import Confidence
from tests.support.paths import ROOT

# These tests pin the English wording; the Thai wording is shown in tests/unit/catalogue/test_rules_thai.py.
pytestmark = pytest.mark.usefixtures("english")

RULES = ROOT / "rules"


@pytest.fixture(scope="module")
def mapping() -> dict[str, MappedItem]:
    return load_mapping(2568, 2569, RULES)


def test_every_2568_item_is_mapped_to_a_2569_item(mapping: dict[str, MappedItem]) -> None:
    ids68 = load_catalogue(RULES / "ita2568.toml").ids
    ids69 = load_catalogue(RULES / "ita2569.toml").ids
    assert tuple(mapping) == ids68
    targets = {m.target for m in mapping.values() if m.target}
    assert targets <= set(ids69)
    new = set(read_toml(mapping_path(2568, 2569, RULES))["mapping"]["new"])
    assert set(ids69) - targets == new == {"O25"}
    for m in mapping.values():
        assert m.note, m.source


def test_known_moves(mapping: dict[str, MappedItem]) -> None:
    moves = {k: m.target for k, m in mapping.items()}
    assert moves["O21"] == moves["O22"] == "O20"  # merged
    assert (moves["O23"], moves["O24"], moves["O25"], moves["O26"], moves["O27"]) == (
        "O21", "O22", "O23", "O24", "O26")
    assert (moves["O12"], moves["O13"], moves["O14"], moves["O15"], moves["O16"]) == (
        "O11", "O12", "O13", "O14", "O15")
    assert mapping["O11"].dropped
    assert mapping["O25"].confidence is Confidence.ONE_SOURCE
    assert mapping["O5"].confidence is Confidence.ONE_SOURCE  # the same title in both years [one source]
    assert moves["O28"] == "O26" and mapping["O28"].confidence is Confidence.ONE_SOURCE
    assert mapping["O2"].confidence is Confidence.INFERRED


def test_migrate_round_trip_keeps_every_url_with_a_successor(mapping: dict[str, MappedItem]) -> None:
    ids69 = set(load_catalogue(RULES / "ita2569.toml").ids)
    manifest = {f"O{n}": (f"https://www.example.go.th/oit/{n}.pdf",) for n in range(1, 29)}
    new, warnings = migrate_manifest_items(manifest, mapping)
    assert set(new) <= ids69
    assert list(new) == sorted(new, key=lambda s: int(s[1:]))
    kept = {u for urls in new.values() for u in urls}
    assert kept == {u for k, urls in manifest.items() for u in urls if k != "O11"}
    assert new["O20"] == (manifest["O21"][0], manifest["O22"][0])
    assert new["O23"] == manifest["O25"]
    assert any(w.startswith("O11: has no successor") and "1 URL(s) were dropped" in w for w in warnings)
    assert "O20 ← O21 + O22: merged; 2 URL(s) combined" in warnings
    # 2568 O27 (the measures) and O28 (the report on them) both lead to 2569 O26.
    assert new["O26"] == (manifest["O27"][0], manifest["O28"][0])
    # Only guesses are flagged, not every renumbering.
    assert any(w.startswith("O2 → O2: the correspondence is inferred") for w in warnings)
    assert any(w.startswith("O27 → O26: the correspondence is inferred") for w in warnings)
    # The same title in both years (O5), a one-source move (O25, O28): no guess to flag.
    assert not any(w.startswith(("O25 → ", "O5 → ", "O28 → ")) for w in warnings)


def test_migrate_deduplicates_merged_urls_and_warns(mapping: dict[str, MappedItem]) -> None:
    a, b, c = "https://x.go.th/a", "https://x.go.th/b", "https://x.go.th/c"
    new, warnings = migrate_manifest_items({"O22": (b, c, " "), "O21": (a, b), "O99": (a,)}, mapping,
                                           max_urls=2)
    assert new == {"O20": (b, c, a)}
    assert "O20 ← O21 + O22: merged; 3 URL(s) combined, 1 duplicate(s) removed" in warnings
    assert any(w.startswith("O20: 3 URLs, more than the 2") for w in warnings)
    assert "O99: not in the item mapping; its 1 URL(s) were dropped" in warnings
    assert migrate_manifest_items({}, mapping) == ({}, [])


def _copy_rules(tmp_path: Path) -> Path:
    for name in ("ita2568.toml", "ita2569.toml", "mapping-2568-2569.toml"):
        shutil.copy(RULES / name, tmp_path / name)
    return tmp_path


def test_mapping_drift_from_the_catalogues_is_caught(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    path = folder / "mapping-2568-2569.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('from = "O27"\nto = "O26"', 'from = "O27"\nto = "O28"')
                    .replace('from = "O28"\nto = "O26"', 'from = "O28"\nto = "O28"')
                    .replace('confidence = "inferred"', 'confidence = "guess"', 1), encoding="utf-8")
    with pytest.raises(CatalogueError) as info:
        load_mapping(2568, 2569, folder)
    text = str(info.value)
    assert info.value.path == str(path)
    assert "item O27, field to: ITA 2569 has no item O28" in text
    assert "item O26, field to: O26 of ITA 2569 is neither a target nor in mapping.new" in text
    assert "item O2, field confidence: 'guess' is not one of" in text


def test_parse_mapping_checks() -> None:
    data = {"mapping": {"from_year": 2568, "to_year": 2570, "new": []},
            "map": [{"from": "O1", "to": "O1", "confidence": "one_source"},
                    {"from": "O1", "to": "O2", "confidence": "one_source"},
                    {"from": "X", "to": "O3", "confidence": "one_source", "extra": 1}]}
    with pytest.raises(CatalogueError) as info:
        parse_mapping(data, "m.toml", from_year=2568, to_year=2569, from_ids=("O1", "O2"))
    text = str(info.value)
    assert "field mapping.to_year: is 2570, expected 2569" in text
    assert "item O1, field from: mapped twice" in text
    assert "item X, field from: 'X' is not an item id" in text
    assert "item X, field extra: unknown key" in text
    assert "item O2, field from: O2 of ITA 2568 is not mapped" in text


def test_missing_mapping_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="no item mapping from ITA 2569 to ITA 2570"):
        load_mapping(2569, 2570, tmp_path)
