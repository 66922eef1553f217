"""A plain (non-editable) install works from any folder: the rule catalogues and the demo travel inside the
wheel and are found with importlib.resources; the console script names a real function."""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from oit_checker import resources
from oit_checker.catalogue import rules as catalogue_mod
from tests.support.paths import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_console_script_names_a_callable() -> None:
    target = PYPROJECT["project"]["scripts"]["oit-checker"]
    module, _, attr = target.partition(":")
    assert callable(getattr(importlib.import_module(module), attr))


def test_package_list_matches_the_folders() -> None:
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "oit_checker").rglob("__init__.py")}
    mapped = PYPROJECT["tool"]["setuptools"]["package-dir"]
    assert listed == on_disk | set(mapped)
    for package, folder in mapped.items():
        assert (ROOT / folder).is_dir(), package
        assert resources.REPOSITORY_FOLDERS[package.rsplit(".", 1)[1]] == Path(folder)


def test_source_checkout_reads_the_repository_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(catalogue_mod.RULES_DIR_ENV, raising=False)
    assert resources.packaged("rules") is None  # no oit_checker/_data in a checkout
    assert resources.data_dir("rules") == ROOT / "rules"
    assert resources.data_dir("demo") == ROOT / "fixtures" / "demo"


def test_packaged_copy_wins_when_present(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An installed package: oit_checker/_data/rules beside the code.
    fake = tmp_path / "oit_checker"
    (fake / "_data" / "rules").mkdir(parents=True)
    monkeypatch.setattr(resources.resources, "files", lambda package: fake)
    assert resources.data_dir("rules") == fake / "_data" / "rules"
    assert resources.data_dir("demo") == ROOT / "fixtures" / "demo"  # not packaged here: the checkout's


# ---------------------------------------------------------------- a real wheel, built once per session


@pytest.fixture(scope="session")
def installed_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from a copy of the sources, unpacked as pip would install it (no scripts)."""
    work = tmp_path_factory.mktemp("wheel")
    src = work / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("oit_checker", "rules", "fixtures/demo"):
        shutil.copytree(ROOT / folder, src / folder, ignore=ignore)
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"),
                           str(src)], capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        pytest.fail(f"pip wheel failed:\n{done.stderr[-2000:]}")
    wheel = next((work / "dist").glob("oit_checker-*.whl"))
    site = work / "site"
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    return site


def _run_installed(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in (catalogue_mod.RULES_DIR_ENV, "OIT_CHECKER_LANG")}
    # The unpacked wheel comes first on the path, ahead of this checkout's editable install.
    env["PYTHONPATH"] = str(site)
    return subprocess.run([sys.executable, "-m", "oit_checker", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.wheel
def test_wheel_carries_rules_and_demo(installed_wheel: Path) -> None:
    data = installed_wheel / "oit_checker" / "_data"
    assert {p.name for p in (data / "rules").glob("ita*.toml")} >= {"ita2568.toml", "ita2569.toml"}
    assert (data / "rules" / "mapping-2568-2569.toml").is_file()
    assert (data / "demo" / "agency.toml").is_file() and (data / "demo" / "site" / "index.html").is_file()
    assert (data / "demo" / "site" / "files").is_dir()
    assert (installed_wheel / "oit_checker" / "catalogue" / "messages.toml").is_file()
    # Every data file beside the code (the strings catalogue, the reason messages, any added later) travels.
    data_files = [p.relative_to(ROOT) for p in (ROOT / "oit_checker").rglob("*")
                  if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert Path("oit_checker/text/strings.toml") in data_files
    assert [p for p in data_files if not (installed_wheel / p).is_file()] == []
    entry = next(installed_wheel.glob("oit_checker-*.dist-info")) / "entry_points.txt"
    assert "oit-checker = oit_checker.cli.entry:main" in entry.read_text(encoding="utf-8")


@pytest.mark.wheel
def test_installed_commands_work_from_another_folder(installed_wheel: Path, tmp_path: Path) -> None:
    listed = _run_installed(installed_wheel, tmp_path, "rules", "list", "--criteria", "2569")
    assert listed.returncode == 0, listed.stderr
    assert "_data/rules/ita2569.toml" in listed.stdout and "O26" in listed.stdout
    manifest = tmp_path / "agency.toml"
    manifest.write_text('[agency]\nname = "อบต.ทดสอบ"\nfiscal_year = 2568\n[items]\nO6 = []\n', encoding="utf-8")
    checked = _run_installed(installed_wheel, tmp_path, "check", str(manifest), "--items", "O6", "--format", "json")
    assert checked.returncode == 1, checked.stderr  # not_submitted: a gap, not a configuration error
    assert "_data/rules/ita2568.toml" in checked.stdout
    helped = _run_installed(installed_wheel, tmp_path, "check", "--help")
    assert helped.returncode == 0 and "--allow-private" in helped.stdout and "--render-timeout" in helped.stdout
    assert "ยอมให้ดึง URL" in helped.stdout  # the installed strings catalogue, Thai first
    demo = _run_installed(installed_wheel, tmp_path, "demo", "--format", "json", "--extract-workers", "0")
    assert demo.returncode == 0, demo.stderr
    assert "_data/demo/agency.toml" in demo.stdout and '"status": "pass"' in demo.stdout
    # The process ends without the interpreter's teardown (cli/entry.py): all of the output got out first.
    assert len(json.loads(demo.stdout)["agencies"][0]["findings"]) == 27
    broken = _run_installed(installed_wheel, tmp_path, "check", str(tmp_path / "missing.toml"))
    assert broken.returncode == 2 and "missing.toml" in broken.stderr
