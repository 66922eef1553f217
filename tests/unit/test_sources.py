"""The package's own sources behind a cache's key (oit_checker/sources.py): what extraction and the rule parser
run, followed through their imports, so that an edit to any of them invalidates what was kept."""

from __future__ import annotations

from pathlib import Path

from oit_checker.extract.cache import extraction_sources, extractor_fingerprint
from oit_checker.sources import PACKAGE_ROOT, _imports, sources_fingerprint


def test_extraction_covers_the_extractors_and_what_they_import() -> None:
    modules = dict(extraction_sources())
    for module in ("oit_checker.extract.pdf", "oit_checker.extract.html", "oit_checker.extract.office",
                   "oit_checker.model.document", "oit_checker.html.links", "oit_checker.text.charset"):
        assert module in modules, module
    assert all(path.is_file() and PACKAGE_ROOT in path.parents for path in modules.values())
    assert "oit_checker.sources" in modules  # the code that makes the key is part of it
    assert "oit_checker.cli.main" not in modules and "oit_checker.evaluate.item" not in modules


def test_relative_parenthesised_and_indented_imports_are_read(tmp_path: Path) -> None:
    source = tmp_path / "fiscal.py"
    source.write_text(
        "from __future__ import annotations\n"
        "import re, oit_checker.errors\n"
        "from .thai import display\n"
        "from oit_checker.model import (\n    Agency,\n    Catalogue,\n)\n"
        "def f():\n    from ..config import toml  # indented, two levels up\n", encoding="utf-8")
    found = _imports(source, "oit_checker.text.fiscal")
    assert {"oit_checker.errors", "oit_checker.text.thai", "oit_checker.text.thai.display",
            "oit_checker.model.Agency", "oit_checker.model.Catalogue", "oit_checker.config.toml"} <= found
    assert not any(m.startswith(("re", "__future__")) for m in found)


def test_the_fingerprint_changes_with_a_source_s_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("x = 1\n")
    b.write_text("y = 2\n")
    before = sources_fingerprint([("m.a", a), ("m.b", b)])
    assert sources_fingerprint([("m.a", a), ("m.b", b)]) == before
    b.write_text("y = 3\n")
    assert sources_fingerprint([("m.a", a), ("m.b", b)]) != before
    assert extractor_fingerprint() == sources_fingerprint(extraction_sources())
