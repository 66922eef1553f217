"""Where the repository and its fixtures are, for every test and support module."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
CORPUS = FIXTURES / "corpus"


def load_script(path: Path, name: str) -> ModuleType:
    """A fixture folder's script (a generator, a scorer) as module `name`, loaded once per test session. It is
    registered in sys.modules before it runs: dataclasses look their module up there."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
