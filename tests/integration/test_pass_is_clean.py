"""A finding is never `pass` while one of its reasons says a person must look (issue 9, class 8).

Checked over every fixture set the product ships — the demo agency, the real-world site shapes and the verdict
fixtures — by the code's catalogue severity (what `oit-checker explain CODE` shows), not by the severity a reason
happens to carry: a remark that does not change a verdict has a pass-level code of its own. The status itself is
computed in one place (`evaluate.item.finding_status`); tests/unit/evaluate/test_status.py shows it enforces
the rule.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from oit_checker.catalogue import reasons
from oit_checker.cli.main import main
from oit_checker.report.json_out import run_dict
from tests.support.paths import ROOT, load_script


def _verdicts_report() -> dict[str, Any]:
    module = load_script(ROOT / "fixtures" / "verdicts" / "run_verdicts.py", "verdicts_run_for_pass_check")
    report: dict[str, Any] = module.run_dict(module.run_checker())
    return report


def _demo_report(tmp: Path) -> dict[str, Any]:
    out = tmp / "demo.json"
    assert main(["demo", "--format", "json", "--fiscal-year", "2568", "--output", str(out)]) == 0
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report


def _realworld_report() -> dict[str, Any]:
    from tests.support.realworld_site import SUBMITTED, run, serve_site

    strays: list[str] = []
    with serve_site() as bases:
        result = run(SUBMITTED, bases, strays)
    return run_dict(result)


@pytest.fixture(scope="module")
def all_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    return {"demo": _demo_report(tmp_path_factory.mktemp("demo")), "realworld": _realworld_report(),
            "verdicts": _verdicts_report()}


def test_every_pass_over_all_fixtures_has_no_review_level_reason(all_reports: dict[str, dict[str, Any]]) -> None:
    level = {code: spec.severity.value for code, spec in reasons.specs().items()}
    passes = 0
    offenders = []
    for name, report in all_reports.items():
        for agency in report["agencies"]:
            for f in agency["findings"]:
                if f["status"] != "pass":
                    continue
                passes += 1
                offenders += [(name, agency["slug"], f["item"], r["code"]) for r in f["reasons"]
                              if r["severity"] != "pass" or level[r["code"]] != "pass"]
    assert offenders == []
    assert passes >= 50  # demo 16 + real world 16 + verdicts 27 compliant twins: the check looked at real passes


def test_remarks_have_pass_level_codes_everywhere(all_reports: dict[str, dict[str, Any]]) -> None:
    # The other way round: a reason left at severity pass in any finding has a pass-level code.
    level = {code: spec.severity.value for code, spec in reasons.specs().items()}
    remarks = {(r["code"], level[r["code"]]) for report in all_reports.values() for a in report["agencies"]
               for f in a["findings"] for r in f["reasons"] if r["severity"] == "pass"}
    assert remarks and all(lvl == "pass" for _, lvl in remarks), remarks
