"""The package's own sources behind a cache's key (oit_checker/sources.py): what extraction and the rule parser
run, followed through their imports, so that an edit to any of them invalidates what was kept."""

from __future__ import annotations

from pathlib import Path

from oit_checker.extract.cache import extraction_sources, extractor_fingerprint
from oit_checker.sources import PACKAGE_ROOT, package_sources, sources_fingerprint


def test_extraction_covers_the_extractors_and_what_they_import() -> None:
    modules = dict(extraction_sources())
    for module in ("oit_checker.extract.pdf", "oit_checker.extract.html", "oit_checker.extract.office",
                   "oit_checker.model.document", "oit_checker.html.links", "oit_checker.text.charset"):
        assert module in modules, module
    assert all(path.is_file() and PACKAGE_ROOT in path.parents for path in modules.values())
    assert "oit_checker.cli.main" not in modules and "oit_checker.evaluate.item" not in modules


def test_relative_and_parenthesised_imports_are_followed() -> None:
    # catalogue/stored.py imports with `from oit_checker.x import (a, b)`-style lines and relative ones elsewhere.
    modules = dict(package_sources(["oit_checker.catalogue.stored"]))
    assert {"oit_checker.catalogue.rules", "oit_checker.sources", "oit_checker.text.i18n"} <= set(modules)


def test_the_fingerprint_changes_with_a_source_s_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("x = 1\n")
    b.write_text("y = 2\n")
    before = sources_fingerprint([("m.a", a), ("m.b", b)])
    assert sources_fingerprint([("m.a", a), ("m.b", b)]) == before
    b.write_text("y = 3\n")
    assert sources_fingerprint([("m.a", a), ("m.b", b)]) != before
    assert len(extractor_fingerprint()) == 16
