"""The script-drawn page fixtures (fixtures/spa/, issue 16) are what their generator writes.

No browser here: rendering is probed by bench/render_probe.py and tested end to end with `--render`.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from types import ModuleType

from tests.support.paths import ROOT

SPA = ROOT / "fixtures" / "spa"


def _make_spa() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_spa", SPA / "make_spa.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_spa", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_committed_files_are_what_the_generator_writes() -> None:
    assert _make_spa().verify() == []


def test_the_shell_carries_58_projects_inline_and_no_text() -> None:
    shell = (SPA / "site" / "ita" / "o6.html").read_text(encoding="utf-8")
    island = re.search(r'<script id="__APP_DATA__" type="application/json">(.*?)</script>', shell, re.S)
    assert island is not None
    projects = json.loads(island.group(1))["projects"]
    assert len(projects) == 58
    assert all({"budget", "spent", "period", "status"} <= p.keys() for p in projects)
    assert '<div id="root"></div>' in shell


def test_the_twin_has_the_table_the_bundle_draws() -> None:
    twin = (SPA / "site" / "plain" / "ita-o6.html").read_text(encoding="utf-8")
    assert twin.count("<tr>") == 1 + 58 + 1  # head, projects, total
    for phrase in ("งบประมาณ (บาท)", "เบิกจ่าย (บาท)", "ระยะเวลาดำเนินการ", "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568"):
        assert phrase in twin
    assert 'href="../files/แผนการดำเนินงาน-2568.pdf"' in twin
