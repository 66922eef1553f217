"""Where the bundled data lives: the rule catalogues and the demo website.

The repository keeps them where people look for them (`rules/` at the top, the demo under `fixtures/demo/`);
a wheel carries them inside the package as `oit_checker/_data/rules` and `oit_checker/_data/demo` (see
`[tool.setuptools.package-dir]` in pyproject.toml). An installed copy reads its own package data, found with
`importlib.resources`; a source checkout (editable install, tests) reads the repository's folders.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

# Bundled data set → its folder in a source checkout, relative to the repository root.
REPOSITORY_FOLDERS = {"rules": Path("rules"), "demo": Path("fixtures") / "demo"}


def packaged(name: str) -> Path | None:
    """The package's own copy of a data set (an installed wheel), or None in a source checkout."""
    root = resources.files("oit_checker").joinpath("_data", name)
    # Unpacked installs (pip, pipx) give a real folder; a zipped package cannot serve files by path.
    if isinstance(root, Path) and root.is_dir():
        return root
    return None


def data_dir(name: str) -> Path:
    """The folder of a bundled data set (`rules` or `demo`): the package's copy, else the repository's."""
    if name not in REPOSITORY_FOLDERS:
        raise KeyError(name)
    return packaged(name) or Path(__file__).resolve().parents[1] / REPOSITORY_FOLDERS[name]
