"""End to end: the CLI checks the bundled demo site served on 127.0.0.1 and reaches the seed's verdicts.

The demo reproduces a real assessor's ITA 2568 findings on this agency ("the seed", fixtures/demo/README.md):
O6/O7 incomplete (O7 a cover page),
O15 lacking details, O16 without ethics-promotion evidence, O24 naming only 2566/2567, O25/O26 lacking plan
details, O27 without implementation details.
"""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest

from oit_checker.cli.main import main
from oit_checker.demo import serve_directory
from tests.support.paths import ROOT

EXPECTED: dict[str, tuple[str, set[str]]] = {
    "O1": ("pass", set()), "O2": ("pass", set()), "O3": ("pass", set()), "O4": ("pass", set()),
    "O5": ("fail", {"not_submitted"}),
    "O6": ("fail", {"missing_component"}),
    "O7": ("fail", {"cover_only", "missing_component"}),
    "O8": ("pass", set()), "O9": ("pass", set()), "O10": ("pass", set()),
    "O11": ("fail", {"http_error"}),
    "O12": ("pass", set()), "O13": ("pass", set()), "O14": ("pass", set()),
    "O15": ("fail", {"missing_component"}),
    "O16": ("fail", {"missing_component"}),
    "O17": ("pass", set()), "O18": ("pass", set()),
    # The scan is the item's document: its landing page is not judged as a cover (issue 9).
    "O19": ("review", {"no_text", "missing_component", "no_fiscal_year"}),
    "O20": ("pass", set()), "O21": ("pass", set()), "O22": ("pass", set()), "O23": ("pass", set()),
    "O24": ("fail", {"stale_fiscal_year"}),
    "O25": ("fail", {"missing_component"}),
    "O26": ("fail", {"missing_component"}),
    # One short page of measures: a document without implementation details (the seed's finding), not a cover.
    "O27": ("fail", {"missing_component"}),
}
MISSING = {
    "O6": ["budget", "period"],
    "O7": ["results", "budget_spent", "problems", "suggestions"],
    "O15": ["problems", "suggestions"],
    "O16": ["promotion"],
    "O25": ["budget", "period"],
    "O26": ["budget_spent", "problems", "suggestions"],
    "O27": ["ita_analysis", "steps", "responsible", "period", "implementation"],
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("demo") / "report.json"
    assert main(["demo", "--format", "json", "--output", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def findings(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    [agency] = report["agencies"]
    return {f["item"]: f for f in agency["findings"]}


def test_every_item_gets_the_seeds_verdict(report: dict[str, Any]) -> None:
    assert report["criteria"]["year"] == 2568 and report["fiscal_year"] == 2568
    got = {item: (f["status"], {r["code"] for r in f["reasons"] if r["severity"] != "pass"})
           for item, f in findings(report).items()}
    assert got == EXPECTED


def test_missing_components_are_the_seeds(report: dict[str, Any]) -> None:
    by_item = findings(report)
    for item, missing in MISSING.items():
        reason = next(r for r in by_item[item]["reasons"] if r["code"] == "missing_component")
        assert reason["detail"]["missing"] == missing, item


def test_a_compact_one_page_document_passes_and_a_real_cover_fails(report: dict[str, Any]) -> None:
    # Issue 9, class 1: cover-only is decided by content, not by page count.
    by_item = findings(report)
    o23 = by_item["O23"]  # one landscape page: the whole risk table, with levels, measures and owners
    assert o23["status"] == "pass" and o23["documents"][-1].endswith("risk-assessment-2568.pdf")
    [note] = o23["reasons"]
    assert note["code"] == "few_pages" and note["severity"] == "pass" and note["detail"]["pages"] == 1
    assert {r["what_en"] for r in o23["found"]} >= {"Risk level (likelihood × impact)", "Measures to control the risks"}
    o7 = by_item["O7"]  # the seed's "ลงแค่หน้าปก": emblem, title, year, agency and nothing else
    cover = next(r for r in o7["reasons"] if r["code"] == "cover_only")
    assert o7["status"] == "fail" and cover["severity"] == "fail" and cover["detail"]["chars"] == 0
    assert cover["evidence"][0]["snippet"].startswith("รายงานผลการดำเนินงาน ประจำปี งบประมาณ พ.ศ. 2567")


def test_o24_quotes_the_stale_years(report: dict[str, Any]) -> None:
    reason = findings(report)["O24"]["reasons"][0]
    assert "2566" in reason["message_th"] and "2567" in reason["message_th"] and "2568" in reason["message_th"]
    assert any("2567" in e["snippet"] for e in reason["evidence"])
    assert any(e["url"].endswith(".pdf") and (e["page"] or 0) >= 1 for e in reason["evidence"])


def test_documents_are_reached_behind_landing_pages_viewers_and_formats(report: dict[str, Any]) -> None:
    by_item = findings(report)
    assert "https://www.example.go.th/files/o21-nogift-2568.pdf" in by_item["O21"]["documents"]  # FlowPaper page
    assert any(d.endswith(".docx") for d in by_item["O14"]["documents"])
    assert any(d.endswith(".xlsx") for d in by_item["O12"]["documents"])
    # Thai file name, percent-encoded once (IRI → URI)
    assert any("%E0%B9%81%E0%B8%9C%E0%B8%99" in d for d in by_item["O6"]["documents"])
    # the TIS-620 contact page was decoded: its Thai components were found
    assert by_item["O3"]["status"] == "pass" and by_item["O3"]["found"]


def test_passes_carry_quoted_evidence_and_inferred_marks(report: dict[str, Any]) -> None:
    for item, f in findings(report).items():
        if f["status"] == "pass":
            assert f["found"], item
            assert all(e["snippet"] for r in f["found"] for e in r["evidence"]), item
    assert any(f["inferred"] for f in findings(report).values())


def test_projection_mirrors_the_seed_and_shows_its_arithmetic(report: dict[str, Any]) -> None:
    summary = report["agencies"][0]["summary"]
    nine, ten = summary["9"], summary["10"]
    # The seed scored 66.50 and 40.00; the projection on its mirror: 65.00–70.00 and 42.86.
    assert nine["counts"] == {"pass": 13, "fail": 6, "review": 1, "error": 0}
    assert nine["projection"]["pessimistic"] == 65.0 and nine["projection"]["optimistic"] == 70.0
    assert ten["counts"] == {"pass": 3, "fail": 4, "review": 0, "error": 0}
    assert ten["projection"]["pessimistic"] == pytest.approx(42.86)
    assert ten["projection"]["arithmetic"] == "(100 + 100 + 100 + 0 + 0 + 0 + 0) / 7 = 42.86"
    assert ten["projection"]["grade"] == ["F", "F"] and ten["projection"]["estimate"] is True


def test_table_output_through_python_dash_m(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "oit_checker", "demo", "--items", "O24,O7", "--lang", "en"],
                          capture_output=True, encoding="utf-8", timeout=120, cwd=ROOT,
                          env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "PYTHONPATH": str(ROOT),
                               "PYTHONIOENCODING": "utf-8"})
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Indicator 9 Disclosure" in out and "Indicator 10 Corruption prevention" in out
    assert "O24" in out and "O7" in out and "O25" not in out
    assert "\x1b[" not in out  # not a terminal: no colour codes


def test_every_url_looked_at_is_accounted_for(report: dict[str, Any]) -> None:
    by_item = findings(report)
    [o11] = by_item["O11"]["fetches"]
    assert (o11["status"], o11["attempts"], o11["error"], o11["depth"]) == (404, 1, None, 0)
    o21 = {f["url"]: f for f in by_item["O21"]["fetches"]}
    pdf = o21["https://www.example.go.th/files/o21-nogift-2568.pdf"]
    assert pdf["status"] == 200 and pdf["depth"] == 1 and pdf["attempts"] == 1


def test_demo_server_serves_thai_file_names_under_any_locale_and_nothing_above_its_root(tmp_path: Path) -> None:
    # Created through bytes paths, so the test runs under an ASCII file-system encoding (LC_ALL=C) too.
    site = tmp_path / "site"
    site.mkdir()
    thai = "แผนการดำเนินงาน-2568.pdf"
    with open(os.path.join(os.fsencode(site), thai.encode("utf-8")), "wb") as f:
        f.write(b"%PDF-1.4 thai")
    (tmp_path / "secret.txt").write_bytes(b"secret")
    with serve_directory(site) as base:
        port = urlsplit(base).port
        assert port is not None

        def get(target: str) -> tuple[int, bytes]:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            try:
                conn.request("GET", target)  # sent as is: no client-side normalization of dot segments
                resp = conn.getresponse()
                return resp.status, resp.read()
            finally:
                conn.close()

        assert get("/" + quote(thai)) == (200, b"%PDF-1.4 thai")
        for target in ("/../secret.txt", "/%2e%2e/secret.txt", "/a/..%2f..%2fsecret.txt", "/%2E%2E%2Fsecret.txt",
                       "/x%00/../../secret.txt"):
            assert get(target)[0] == 404, target
