"""The package's folders are the pipeline's stages and imports only point down (no cycles, no upward or
sideways imports between stage folders). The layers, lowest first:

    model, errors, sqlbatch → text, sources → config → catalogue → fetch, html → extract, follow → evaluate →
    engine, discover, report → demo → cli
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.support.paths import ROOT

PACKAGE = ROOT / "oit_checker"
LAYERS: dict[str, int] = {
    "__init__": 0, "model": 0, "errors": 0, "resources": 0, "sqlbatch": 0,
    "text": 1, "sources": 1,
    "config": 2,
    "catalogue": 3,
    "fetch": 4, "html": 4,
    "extract": 5, "follow": 5,
    "evaluate": 6,
    "engine": 7, "discover": 7, "report": 7,
    "demo": 8,
    "cli": 9, "__main__": 10,
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """Every oit_checker module imported by this one, at any depth of the file (lazy imports count too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("oit_checker"):
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in known)
    found.discard(name)
    return {m for m in found if m in known}


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {name: imports_of(name, path, known) for name, path in mods.items()}


def stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_module_is_in_a_known_stage() -> None:
    assert {stage(m) for m in modules()} <= set(LAYERS)


def test_imports_point_down() -> None:
    wrong = []
    for module, deps in graph().items():
        here = stage(module)
        for dep in deps:
            there = stage(dep)
            if there != here and LAYERS[there] >= LAYERS[here]:
                wrong.append(f"{module} → {dep}")
    assert not wrong, "upward or sideways imports:\n" + "\n".join(sorted(wrong))


def test_no_import_cycles() -> None:
    g = graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(g[node]):
            if state.get(dep) == 1:
                cycles.append([*stack[stack.index(dep):], dep])
            elif dep not in state:
                visit(dep)
        stack.pop()
        state[node] = 2

    for node in sorted(g):
        if node not in state:
            visit(node)
    assert not cycles, "import cycles:\n" + "\n".join(" → ".join(c) for c in cycles)


def test_check_s_process_does_not_import_evaluation() -> None:
    """Evaluation runs on the extraction workers (named, engine/pipeline.py `JUDGE`): the command line's process
    need not import it, ≈55 ms at the start of every check."""
    code = ("import sys, oit_checker.cli.main, oit_checker.cli.check, oit_checker.cli.audit; "
            "print(sorted(m for m in sys.modules if m.startswith(('oit_checker.evaluate.item', "
            "'oit_checker.engine.judge', 'oit_checker.evaluate.matchers'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]", out.stdout


def test_httpx_s_own_command_line_is_loaded_only_when_called() -> None:
    """httpx imports its command line (click, pygments) whenever click is installed; the package's first lines
    leave a stand-in, so a check does not pay for it, and `httpx.main` still runs the real one."""
    code = ("import sys, oit_checker.cli.main, oit_checker.cli.check, oit_checker.cli.audit; "
            "print(sorted(m for m in ('click', 'pygments', 'rich.syntax') if m in sys.modules)); "
            "import httpx\n"
            "try:\n    httpx.main(['--help'])\n"
            "except SystemExit as e:\n    print('exit', e.code, 'click' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    lines = out.stdout.strip().splitlines()
    assert lines[0] == "[]", out.stdout
    assert "--help" in out.stdout and lines[-1] == "exit 0 True", out.stdout
