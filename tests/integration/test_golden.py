"""Behaviour pins: the JSON report of the demo and of the real-world fixture agencies, compared field by field
with the files in tests/integration/golden/ (times, ports and local paths normalised). A change of layout must
leave them identical; a deliberate verdict change rewrites them with
`OIT_GOLDEN_WRITE=1 python -m pytest tests/integration/test_golden.py` and the diff is reviewed in the commit."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from oit_checker.cli.main import main
from oit_checker.report.json_out import run_dict
from tests.support.paths import ROOT

GOLDEN = Path(__file__).resolve().parent / "golden"
_VOLATILE = {"started_at", "finished_at", "elapsed_s", "run_id"}
_PORT = re.compile(r"http://127\.0\.0\.1:\d+")


def normalise(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: ("<volatile>" if k in _VOLATILE else normalise(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, str):
        return _PORT.sub("http://127.0.0.1:PORT", value.replace(str(ROOT), "<repo>"))
    return value


def compare(name: str, report: dict[str, Any]) -> None:
    got = normalise(report)
    path = GOLDEN / f"{name}.json"
    if os.environ.get("OIT_GOLDEN_WRITE") == "1":
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert got == expected


def test_demo_json_is_unchanged(tmp_path: Path) -> None:
    fiscal_year = 2568
    out = tmp_path / "demo.json"
    main(["demo", "--format", "json", "--fiscal-year", str(fiscal_year), "--output", str(out)])
    compare(f"demo-{fiscal_year}", json.loads(out.read_text(encoding="utf-8")))


def test_realworld_agencies_json_is_unchanged() -> None:
    from tests.support.realworld_site import SUBMITTED, run, serve_site

    strays: list[str] = []
    with serve_site() as bases:
        result = run(SUBMITTED, bases, strays)
    report = run_dict(result)
    report["agencies"].sort(key=lambda a: a["slug"])
    compare("realworld", report)
