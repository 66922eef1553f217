"""Trends from a history of several real audit runs (tests/support/trend_site.py), stored in SQLite and in
PostgreSQL: the audit report's SVG charts parsed and their points checked against the scores of the stored runs;
the province chart's counts; `history show --agency` item by item with the regressions marked; a headless-Chromium
screenshot of the report."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from oit_checker.cli import main as cli
from oit_checker.demo import HostMapTransport
from oit_checker.engine import session as session_mod
from oit_checker.engine.history import open_store
from oit_checker.engine.trends import load_history
from oit_checker.report import trends
from oit_checker.report.projection import project
from oit_checker.text import clock
from tests.support import trend_site as site
from tests.support.paths import ROOT
from tests.support.postgres import fresh_database

SCREENSHOT = ROOT / "docs" / "screens" / "audit-trends.png"
SVG = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True)
class Runs:
    db: str  # the --db value: an SQLite file or a PostgreSQL URL
    backend: str
    reports: tuple[Path, ...]  # the HTML report of each run
    jsons: tuple[dict, ...]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def runs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runs]:
    """Four audits of the fixture province into one history: the trends read it through the store's public
    methods, whichever backend holds it."""
    tmp = tmp_path_factory.mktemp("trends")
    with contextlib.ExitStack() as stack:
        if request.param == "postgres":
            db = stack.enter_context(fresh_database(request.getfixturevalue("pg_server")))
        else:
            db = str(tmp / "history.sqlite3")
        yield audited(tmp, db, request.param)


def audited(tmp: Path, db: str, backend: str) -> Runs:
    province = site.build(tmp / "sites")
    manifest = tmp / "province.toml"
    reports, jsons = [], []
    mp = pytest.MonkeyPatch()
    try:
        with site.serve(province) as hosts:
            mp.setattr(session_mod, "network_transport", lambda *a, **k: HostMapTransport(hosts))
            for n, when in enumerate(site.DATES, start=1):
                site.change(province, n, tmp / "trash")
                manifest.write_text(province.manifest(), encoding="utf-8")
                clock.set_clock(lambda when=when: when)
                report, out = tmp / f"run{n}.html", tmp / f"run{n}.json"
                code = cli.main(["audit", str(manifest), "--db", db, "--fiscal-year", "2568", "--no-cache",
                                 "--host-delay", "0", "--extract-workers", "0", "--quiet", "--format", "json",
                                 "--output", str(out), "--report", f"html:{report}"])
                assert code in (1, 3)
                reports.append(report)
                jsons.append(json.loads(out.read_text(encoding="utf-8")))
    finally:
        clock.set_clock(None)
        mp.undo()
    return Runs(db, backend, tuple(reports), tuple(jsons))


def statuses(report: dict, slug: str) -> dict[str, str]:
    [a] = [a for a in report["agencies"] if a["slug"] == slug]
    return {f["item"]: f["status"] for f in a["findings"]}


def test_the_fixture_runs_fix_and_break_what_they_say(runs: Runs) -> None:
    first, second, third, fourth = (statuses(r, "t1") for r in runs.jsons)
    assert first["O25"] == first["O7"] == "fail" and second["O25"] == second["O7"] == "pass"
    assert third["O6"] == third["O26"] == "pass" and fourth["O21"] == "fail" and third["O21"] == "pass"
    assert statuses(runs.jsons[1], "t2")["O3"] == "fail" and statuses(runs.jsons[2], "t2")["O3"] == "pass"
    assert statuses(runs.jsons[2], "t3")["O24"] == "pass" and statuses(runs.jsons[3], "t2")["O15"] == "pass"
    assert [c["item"] for c in runs.jsons[3]["since_last_run"]["regressions"]] == ["O21"]


def svgs(page: str) -> list[ET.Element]:
    return [ET.fromstring(m) for m in re.findall(r"<svg class=\"trend[^\"]*\".*?</svg>", page, flags=re.S)]


def province(page: str) -> ET.Element:
    [chart] = [c for c in svgs(page) if "province" in c.get("class", "")]
    return chart


def agency_charts(page: str) -> dict[str, ET.Element]:
    """slug → the agency's score chart (found by the agency's name in the chart's title)."""
    out = {}
    for chart in svgs(page):
        title = chart.findtext(f"{SVG}title", "")
        for slug, (name, _host) in site.AGENCIES.items():
            if "province" not in chart.get("class", "") and name in title:
                out[slug] = chart
    return out


def test_each_agency_chart_plots_the_stored_scores_of_every_run(runs: Runs) -> None:
    page = runs.reports[-1].read_text(encoding="utf-8")
    assert len(svgs(page)) == 1 + len(site.AGENCIES)  # one per agency, and the province
    charts = agency_charts(page)
    assert set(charts) == set(site.AGENCIES)
    with open_store(runs.db) as store:
        stored = {run.run_id: run for run in (store.load_run(i) for i in (1, 2, 3, 4))}
    for slug, chart in charts.items():
        marks = [el for el in chart.iter() if el.get("data-score") is not None]
        plotted = {(int(m.get("data-run")), int(m.get("data-indicator")), m.get("data-kind")): m for m in marks}
        expected = {}
        for run_id, run in stored.items():
            [a] = [a for a in run.agencies if a.agency.slug == slug]
            for ind, p in project(a.findings).items():
                expected[(run_id, ind, "pessimistic")] = p.pessimistic
                expected[(run_id, ind, "optimistic")] = p.optimistic
        assert set(plotted) == set(expected) and len(expected) == 4 * 2 * 2
        for key, score in expected.items():
            mark = plotted[key]
            assert float(mark.get("data-score")) == pytest.approx(score, abs=0.005)
            y = float(mark.get("cy") or float(mark.get("y")) + 3)  # circles (indicator 9), squares (10)
            assert y == pytest.approx(trends._y(score), abs=0.06)
        # Later runs sit further right; the runs' dates label the axis.
        xs = {k[0]: float(m.get("cx") or float(m.get("x")) + 3) for k, m in plotted.items()}
        assert xs[1] < xs[2] < xs[3] < xs[4]
        labels = [t.text for t in chart.iter(f"{SVG}text")]
        assert "7 เม.ย. 68" in labels and "30 มิ.ย. 68" in labels
    # t1 indicator 10 rose when O25 and O26 were fixed and fell back with O21 gone: the points say so.
    t1 = {int(e.get("data-run")): float(e.get("data-score")) for e in charts["t1"].iter()
          if e.get("data-indicator") == "10" and e.get("data-kind") == "pessimistic"}
    assert t1[1] < t1[2] < t1[3] and t1[4] < t1[3]


def test_the_province_chart_counts_agencies_passing_each_item_per_run(runs: Runs) -> None:
    chart = province(runs.reports[-1].read_text(encoding="utf-8"))
    cells = {(g.get("data-item"), int(g.get("data-run"))): (int(g.get("data-pass")), int(g.get("data-checked")))
             for g in chart.iter(f"{SVG}g") if g.get("data-item")}
    expected = {}
    for n, report in enumerate(runs.jsons, start=1):
        for a in report["agencies"]:
            for f in a["findings"]:
                got = expected.setdefault((f["item"], n), [0, 0])
                got[0] += f["status"] == "pass"
                got[1] += 1
    assert cells == {k: tuple(v) for k, v in expected.items()} and len(cells) == 27 * 4
    assert cells[("O25", 1)] == (0, 3) and cells[("O25", 2)] == (1, 3) and cells[("O3", 2)] == (2, 3)
    rows = [t.text for t in chart.iter(f"{SVG}text") if t.text and t.text.startswith("O")]
    assert rows[:3] == ["O1", "O2", "O3"] and rows[-1] == "O27"


def test_the_first_run_has_no_trend_yet(runs: Runs) -> None:
    page = runs.reports[0].read_text(encoding="utf-8")
    assert 'id="trends"' in page and "ยังมีผลการตรวจเพียงรอบเดียว" in page and not svgs(page)


def test_history_show_agency_gives_its_trend_and_item_history(runs: Runs, tmp_path: Path) -> None:
    out = tmp_path / "t1.html"
    assert cli.main(["history", "show", "--agency", "t1", "--db", runs.db, "--format", "html",
                     "--output", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "องค์การบริหารส่วนตำบลตะเคียนราม" in page and len(svgs(page)) == 1
    rows = {m.group(1): m.group(0) for m in re.finditer(r'<tr[^>]*><td class="head cell-item"[^>]*>(O\d+)</td>.*?</tr>',
                                                        page, flags=re.S)}
    assert len(rows) == 27
    o21 = rows["O21"]
    assert o21.startswith('<tr class="row-fail">') and not rows["O25"].startswith('<tr class="row-fail">')
    assert "แย่ลง" in o21 and "การตรวจครั้งที่ 4" in o21 and "s-pass" in o21  # before: pass
    o25 = rows["O25"]
    assert "การตรวจครั้งที่ 2" in o25 and "แย่ลง" not in o25
    assert o25.count('class="cell s-fail"') == 1 and o25.count('class="cell s-pass"') == 3
    assert "ไม่เปลี่ยนตลอดช่วงนี้" in rows["O1"]
    assert 'class="cell s-fail regressed-step"' in o21

    js = tmp_path / "t1.json"
    assert cli.main(["history", "show", "--agency", "องค์การบริหารส่วนตำบลตะเคียนราม", "--db", runs.db, "--format", "json",
                     "--output", str(js)]) == 0
    data = json.loads(js.read_text(encoding="utf-8"))
    items = {i["item"]: i for i in data["items"]}
    assert items["O21"]["regression"] and items["O21"]["statuses"] == ["pass", "pass", "pass", "fail"]
    assert items["O25"]["changed_in_run"] == 2 and items["O25"]["before"] == "fail"
    with open_store(runs.db) as store:
        track = load_history(store).track("t1")
    assert track is not None
    assert [(s["run_id"], s["indicator"], s["pessimistic"]) for s in data["scores"]] == [
        (p.run.run_id, p.indicator, p.pessimistic) for p in trends.score_points(track)]


def test_history_show_agency_up_to_an_earlier_run_and_in_english(runs: Runs, tmp_path: Path) -> None:
    out = tmp_path / "t2.md"
    assert cli.main(["history", "show", "2", "--agency", "t2", "--db", runs.db, "--format", "md",
                     "--output", str(out), "--lang", "en"]) == 0
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# An agency's history: เทศบาลตำบลตะเคียนราม")
    line = next(x for x in md.splitlines() if x.startswith("| O3 |"))
    assert "✘ fail ▼ regressed" in line and "Run 2" in line and line.rstrip().endswith("| ✔ ✘ |")


def test_an_unknown_or_ambiguous_agency_is_a_usage_error(runs: Runs, capsys: pytest.CaptureFixture[str],
                                                         english: None) -> None:
    assert cli.main(["history", "show", "--agency", "nobody", "--db", runs.db]) == 2
    assert "--agency 'nobody': no such agency in the stored runs (keys: t1, t2, t3)" in capsys.readouterr().err
    assert cli.main(["history", "show", "--agency", "เทศบาล", "--db", runs.db]) == 2
    assert "matches 2 agencies" in capsys.readouterr().err.replace("\n", "")


def test_the_trend_section_reads_in_english(runs: Runs, tmp_path: Path) -> None:
    out = tmp_path / "en.html"
    assert cli.main(["history", "show", "4", "--db", runs.db, "--format", "html", "--output", str(out),
                     "--lang", "en"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<h2>Trends" in page and "Agencies passing each item over the last 4 runs" in page
    assert "Estimated indicator 9 and 10 scores of เทศบาลตำบลตะเคียนราม over the last 4 runs" in page
    assert "Fix kit: how to pass" in page  # the stored run's catalogue is bundled: checklists too


def test_fewer_than_two_runs_asked_for_leave_the_trend_section_out(runs: Runs, tmp_path: Path) -> None:
    # One run is no trend, whatever the history holds: not "only one run so far" with four stored.
    for n in ("2", "1", "0"):
        out = tmp_path / f"runs-{n}.html"
        assert cli.main(["history", "show", "4", "--db", runs.db, "--format", "html", "--output", str(out),
                         "--lang", "en", "--runs", n]) == 0
        page = out.read_text(encoding="utf-8")
        assert ('id="trends"' in page) is (n == "2") and "Only one run so far" not in page
        assert ("over the last 2 runs" in page) is (n == "2")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.mark.skipif(_browser() is None, reason="needs Debian's chromium")
def test_a_headless_chromium_screenshot_of_the_report_with_trends(runs: Runs, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    subprocess.run([_browser() or "chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    f"--screenshot={shot}", "--window-size=1280,2000", "--hide-scrollbars",
                    runs.reports[-1].as_uri()], check=True, capture_output=True, timeout=120)
    data = shot.read_bytes()
    assert _png_size(data) == (1280, 2000)
    assert len(data) > 100_000  # a drawn page, not a blank one
    if os.environ.get("OIT_SCREENSHOT_WRITE") and runs.backend == "sqlite":
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        SCREENSHOT.write_bytes(data)


def test_the_checked_in_screenshot_is_referenced_from_the_readme() -> None:
    assert _png_size(SCREENSHOT.read_bytes()) == (1280, 2000)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/screens/audit-trends.png" in readme
