"""Parsed catalogues kept in the cache folder (catalogue/stored.py): used again only for the very same files,
parsed by the same code; never a broken file; never a file another user could have written."""

from __future__ import annotations

import argparse
import dataclasses
import os
import pickle
from pathlib import Path

import pytest

from oit_checker.catalogue import stored
from oit_checker.catalogue.rules import CatalogueError, catalogue_path_for, load_catalogue
from oit_checker.cli.common import load_rules
from oit_checker.sources import package_sources
from oit_checker.text import i18n
from tests.support.paths import ROOT

BUNDLED = catalogue_path_for(2568)


def _kept(folder: Path) -> list[Path]:
    return sorted((folder / stored.FOLDER).glob("*.pickle"))


def _no_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("parsed again")
    monkeypatch.setattr(stored, "load_catalogue", refuse)


def test_a_catalogue_is_parsed_once_and_then_read_as_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = stored.load_catalogue_stored(BUNDLED, (), tmp_path)
    assert first == load_catalogue(BUNDLED)
    assert len(_kept(tmp_path)) == 1
    _no_parse(monkeypatch)
    again = stored.load_catalogue_stored(BUNDLED, (), tmp_path)
    assert again == first and again is not first
    assert [c.patterns for i in again.items for c in i.components] == \
           [c.patterns for i in first.items for c in i.components]


def test_a_changed_file_or_override_is_parsed_again(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_bytes(BUNDLED.read_bytes())
    folder = tmp_path / "cache"
    before = stored.load_catalogue_stored(rules, (), folder)
    rules.write_text(rules.read_text(encoding="utf-8").replace(f'version = "{before.version}"',
                                                               'version = "changed.1"', 1), encoding="utf-8")
    after = stored.load_catalogue_stored(rules, (), folder)
    assert after.version == "changed.1" != before.version
    override = ROOT / "fixtures" / "rules" / "override_o24.toml"
    with_override = stored.load_catalogue_stored(rules, (override,), folder)
    assert with_override == load_catalogue(rules, [override]) != after
    assert len(_kept(folder)) == 3


def test_a_broken_file_is_reported_every_time_and_never_kept(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text("[catalogue\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(CatalogueError, match=r"rules\.toml"):
            stored.load_catalogue_stored(rules, (), tmp_path / "cache")
    assert _kept(tmp_path / "cache") == []


def test_an_unreadable_kept_file_is_parsed_again(tmp_path: Path) -> None:
    stored.load_catalogue_stored(BUNDLED, (), tmp_path)
    [kept] = _kept(tmp_path)
    kept.write_bytes(b"not a pickle")
    assert stored.load_catalogue_stored(BUNDLED, (), tmp_path) == load_catalogue(BUNDLED)
    kept.write_bytes(pickle.dumps({"not": "a catalogue"}))
    assert stored.load_catalogue_stored(BUNDLED, (), tmp_path) == load_catalogue(BUNDLED)


def _plant(kept: Path) -> None:
    """A well-formed catalogue that is not what the files say: what someone else could leave there."""
    kept.write_bytes(pickle.dumps(dataclasses.replace(load_catalogue(BUNDLED), version="planted")))


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="user ids and modes (POSIX)")
def test_a_kept_file_someone_else_could_have_written_is_not_read(tmp_path: Path) -> None:
    stored.load_catalogue_stored(BUNDLED, (), tmp_path)
    [kept] = _kept(tmp_path)
    _plant(kept)
    assert stored.load_catalogue_stored(BUNDLED, (), tmp_path).version == "planted"  # the check below is needed
    _plant(kept)
    os.chmod(kept, 0o666)  # the file writable by others
    assert stored.load_catalogue_stored(BUNDLED, (), tmp_path).version != "planted"
    _plant(kept)
    os.chmod(kept, 0o600)
    os.chmod(kept.parent, 0o777)  # the folder: anyone could have put it there
    assert stored.load_catalogue_stored(BUNDLED, (), tmp_path).version != "planted"
    os.chmod(kept.parent, 0o700)
    elsewhere = tmp_path / "elsewhere.pickle"  # a link to a file of this user's: not followed
    _plant(elsewhere)
    kept.unlink()
    kept.symlink_to(elsewhere)
    assert stored.load_catalogue_stored(BUNDLED, (), tmp_path).version != "planted"
    assert not kept.is_symlink()  # replaced by a file of its own


def test_a_file_edited_while_it_is_parsed_is_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_bytes(BUNDLED.read_bytes())
    real = stored.load_catalogue

    def edited_meanwhile(path: Path, overrides: list[Path]) -> object:
        got = real(path, overrides)
        rules.write_bytes(BUNDLED.read_bytes() + b"\n# edited\n")
        return got
    monkeypatch.setattr(stored, "load_catalogue", edited_meanwhile)
    stored.load_catalogue_stored(rules, (), tmp_path / "cache")
    assert _kept(tmp_path / "cache") == []


def test_without_a_folder_nothing_is_kept() -> None:
    assert stored.load_catalogue_stored(BUNDLED, (), None) == load_catalogue(BUNDLED)
    user_cache = Path(os.environ["XDG_CACHE_HOME"])  # tests/conftest.py: one per test
    assert not list(user_cache.rglob("*.pickle"))


def test_the_message_language_and_the_parser_are_part_of_the_name(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    stored.load_catalogue_stored(BUNDLED, (), tmp_path)
    monkeypatch.setattr(i18n, "_language", "en" if i18n.language() != "en" else "th")
    stored.load_catalogue_stored(BUNDLED, (), tmp_path)
    assert len(_kept(tmp_path)) == 2
    monkeypatch.setattr(stored, "_parser_fingerprint", lambda: "another parser")
    stored.load_catalogue_stored(BUNDLED, (), tmp_path)
    assert len(_kept(tmp_path)) == 3


def test_the_parsing_code_is_part_of_the_name() -> None:
    modules = dict(package_sources(["oit_checker.catalogue.rules"]))
    # What decides a parsed catalogue: the parser, the model it builds, the TOML reader, the text forms.
    for module in ("oit_checker.catalogue.rules", "oit_checker.model.catalogue", "oit_checker.config.toml"):
        assert module in modules, module
    assert "oit_checker.fetch.client" not in modules


def test_commands_with_a_cache_folder_keep_it_there_and_no_cache_only_reads(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    options = {"cache_dir": str(folder), "override": None, "rules": None, "criteria": 2568}
    # --no-cache keeps nothing …
    assert load_rules(argparse.Namespace(no_cache=True, **options), 2568) == load_catalogue(BUNDLED)
    assert not folder.exists()
    # … a check without it keeps the catalogue, and a later --no-cache check reads it (it is about documents).
    assert load_rules(argparse.Namespace(no_cache=False, **options), 2568) == load_catalogue(BUNDLED)
    assert len(_kept(folder)) == 1
    _no_parse(monkeypatch)
    assert load_rules(argparse.Namespace(no_cache=True, **options), 2568).criteria_year == 2568
    # A command without cache options (`rules check`) always parses.
    with pytest.raises(AssertionError, match="parsed again"):
        load_rules(argparse.Namespace(override=None, rules=None, criteria=2568), 2568)


def test_kept_files_unused_for_long_are_removed_when_another_is_kept(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    stored.load_catalogue_stored(BUNDLED, (), tmp_path)
    [old] = _kept(tmp_path)
    stale = old.stat().st_mtime - stored.KEEP_S - 10
    os.utime(old, (stale, stale))
    rules = tmp_path / "rules.toml"
    rules.write_bytes(BUNDLED.read_bytes() + b"\n")
    recent = tmp_path / stored.FOLDER / "recent.pickle"  # unused for less than KEEP_S: stays
    recent.write_bytes(b"")
    os.utime(recent, (stale + 20, stale + 20))
    stored.load_catalogue_stored(rules, (), tmp_path)
    assert old not in _kept(tmp_path) and recent in _kept(tmp_path) and len(_kept(tmp_path)) == 2
