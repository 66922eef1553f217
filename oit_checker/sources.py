"""Which of the package's own source files a piece of it runs: the modules it imports, and theirs.

Caches of derived data key on them (extract/cache.py: extracted documents; catalogue/stored.py: parsed rule
catalogues), so that an edit that could change what they hold invalidates it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from oit_checker import __version__

# `from X import a, b` (names possibly in parentheses over several lines) and `import X`, at any indentation.
_FROM_RE = re.compile(r"^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]*)", re.MULTILINE)
_IMPORT_RE = re.compile(r"^[ \t]*import[ \t]+([^\n#]*)", re.MULTILINE)


def _imports(path: Path, module: str) -> set[str]:
    """The oit_checker modules a source file imports (at any depth of the file). A scan of the import
    statements rather than a parse of the file: it runs at the start of every audit."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    source = path.read_text(encoding="utf-8")
    found: set[str] = set()
    for m in _FROM_RE.finditer(source):
        base = m.group(1)
        level = len(base) - len(base.lstrip("."))
        base = base.lstrip(".")
        if level:
            parts = package.split(".")
            base = ".".join(parts[: len(parts) - level + 1] + ([base] if base else []))
        found.add(base)
        names = m.group(2).strip("()")
        found.update(f"{base}.{n.split()[0]}" for n in names.replace("\n", ",").split(",") if n.strip())
    for m in _IMPORT_RE.finditer(source):
        found.update(n.split()[0] for n in m.group(1).split(",") if n.strip())
    return {m for m in found if m.startswith("oit_checker")}


PACKAGE_ROOT = Path(__file__).resolve().parent  # the oit_checker package folder


def _source(module: str) -> Path | None:
    """The file of an oit_checker module, or None for a name that is not a module (a class, a constant)."""
    rel = Path(*module.split(".")[1:])
    for candidate in (PACKAGE_ROOT / rel.with_suffix(".py") if rel.parts else None,
                      PACKAGE_ROOT / rel / "__init__.py"):
        if candidate is not None and candidate.is_file():
            return candidate
    return None


def package_sources(modules: Iterable[str]) -> list[tuple[str, Path]]:
    """(module, file) of `modules` and of every oit_checker module they import, directly or not, sorted."""
    todo = list(modules)
    seen: dict[str, Path] = {}
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        path = _source(module)
        if path is None:
            continue
        seen[module] = path
        todo.extend(m for m in _imports(path, module) if m not in seen)
    return sorted(seen.items())


def sources_fingerprint(sources: Iterable[tuple[str, Path]]) -> str:
    """A short hash of the tool's version and these modules' names and contents."""
    digest = hashlib.sha256(__version__.encode())
    for module, path in sources:
        digest.update(module.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
