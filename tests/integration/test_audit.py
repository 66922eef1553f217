"""`oit-checker audit` end to end: several agencies on a local server, history, regressions, caches.

The site (tests/support/audit_site.py) runs on 127.0.0.1; agencies keep their own host names through
HostMapTransport, put in place of the network by monkeypatching `audit.network_transport`.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
from pathlib import Path

import pytest

from oit_checker.catalogue.rules import load_catalogue
from oit_checker.cli import exit_codes
from oit_checker.cli import main as cli
from oit_checker.config.manifest import load_manifests
from oit_checker.demo import HostMapTransport
from oit_checker.engine import audit as audit_mod
from oit_checker.engine.history import HistoryStore, RunMeta, RunStatus, open_store
from oit_checker.engine.pipeline import Checker
from oit_checker.engine.session import RunOptions
from oit_checker.errors import HistoryError
from oit_checker.model import Status
from tests.support import audit_site as site_mod

# These tests pin the English wording of the messages; Thai (the default) is tested in test_cli_ux.py.
pytestmark = pytest.mark.usefixtures("english")

COUNT = 4
FY = str(site_mod.FISCAL_YEAR)


@pytest.fixture(params=["sqlite", "postgres"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The --db value of an empty history: an SQLite file, or a database on the throw-away PostgreSQL server."""
    if request.param == "postgres":
        return str(request.getfixturevalue("pg_dsn"))
    return str(tmp_path / "history.sqlite3")


def scalar(store: HistoryStore, sql: str) -> object:
    row = store._conn.execute(sql).fetchone()  # type: ignore[attr-defined]
    return next(iter(row.values())) if isinstance(row, dict) else row[0]


def audit_args(tmp_path: Path, manifest: Path, *extra: str, db: str | None = None) -> list[str]:
    return ["audit", str(manifest), "--rules", str(site_mod.RULES), "--fiscal-year", FY,
            "--db", db or str(tmp_path / "history.sqlite3"), "--cache-dir", str(tmp_path / "cache"),
            "--extract-workers", "0", *extra]


def run_json(tmp_path: Path, manifest: Path, capsys: pytest.CaptureFixture[str], *extra: str,
             db: str | None = None) -> tuple[int, dict]:
    code = cli.main(audit_args(tmp_path, manifest, "--format", "json", *extra, db=db))
    return code, json.loads(capsys.readouterr().out)


def statuses(report: dict) -> dict[tuple[str, str], str]:
    return {(a["slug"], f["item"]): f["status"] for a in report["agencies"] for f in a["findings"]}


def test_audit_stores_runs_and_reports_exact_regressions_and_fixes(
        tmp_path: Path, manifest: Path, site: site_mod.Site, capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, first = run_json(tmp_path, manifest, capsys, db=db)
    assert code == exit_codes.EXIT_OK
    assert set(statuses(first).values()) == {"pass"} and len(statuses(first)) == COUNT * 3
    assert first["since_last_run"] is None and first["run_id"] == 1

    site.files["/a001/contact.html"] = site_mod.contact(1, phone=False)  # O1 loses its phone number
    del site.files["/a002/news.html"]  # O2 now answers 404
    code, second = run_json(tmp_path, manifest, capsys, db=db)
    assert code == exit_codes.EXIT_REGRESSIONS
    since = second["since_last_run"]
    assert [(c["agency"], c["item"], c["from"], c["to"], c["reasons"]) for c in since["regressions"]] == [
        ("a001", "O1", "pass", "fail", ["missing_component"]),
        ("a002", "O2", "pass", "fail", ["http_error"]),
    ]
    assert since["fixed"] == [] and since["base_run"] == 1 and since["head_run"] == 2
    assert [(d["agency"], d["url"], d["items"]) for d in since["changed_documents"]] == [
        ("a001", "http://www.a001.go.th/a001/contact.html", ["O1"])]

    site.files["/a002/news.html"] = site_mod.news(2)
    code, third = run_json(tmp_path, manifest, capsys, db=db)
    assert code == exit_codes.EXIT_GAPS  # a001 O1 still fails, but it is no longer new
    assert [(c["agency"], c["item"]) for c in third["since_last_run"]["fixed"]] == [("a002", "O2")]
    assert third["since_last_run"]["regressions"] == []

    with open_store(db) as store:
        runs = store.list_runs()
        assert [(r.id, r.status, r.agencies_done) for r in runs] == [(3, RunStatus.COMPLETE, COUNT),
                                                                     (2, RunStatus.COMPLETE, COUNT),
                                                                     (1, RunStatus.COMPLETE, COUNT)]
        stored = store.load_run(2)
        assert {(a.agency.slug, f.item): f.status.value for a in stored.agencies for f in a.findings} == \
            statuses(second)

    # `diff` defaults to the last two runs; `diff 1 2` reproduces the audit's section and exits 3.
    assert cli.main(["diff", "--db", db, "--format", "json"]) == exit_codes.EXIT_OK
    assert [c["item"] for c in json.loads(capsys.readouterr().out)["fixed"]] == ["O2"]
    assert cli.main(["diff", "1", "2", "--db", db, "--format", "json"]) == 3
    assert json.loads(capsys.readouterr().out)["regressions"] == since["regressions"]


def test_unchanged_documents_are_revalidated_not_downloaded(
        tmp_path: Path, manifest: Path, site: site_mod.Site, capsys: pytest.CaptureFixture[str]) -> None:
    files = len(site.files)
    _, first = run_json(tmp_path, manifest, capsys, "--extract-workers", "1")
    assert site.served[200] == files and site.conditional == 0
    # The extraction worker's CPU time, by what it ran: every document read, every agency judged.
    assert set(first["worker_cpu_s"]["tasks"]) == {"extract", "judge_agency"}
    assert first["worker_cpu_s"]["workers"] > sum(first["worker_cpu_s"]["tasks"].values())
    site.reset_counts()
    code, second = run_json(tmp_path, manifest, capsys, "--extract-workers", "1")
    assert code == exit_codes.EXIT_OK
    # Nothing read, nothing judged (every finding taken over): no task, and no worker even started.
    assert second["worker_cpu_s"] == {"tasks": {}, "workers": 0.0, "other": 0.0}
    # Every request was conditional and every answer a 304: no body crossed the wire.
    assert site.conditional == files and site.served == {304: files}
    http = second["cache"]["http"]
    assert http["not_modified"] == files and http["from_cache"] == files and http["network"] == files
    # Nothing read again: every agency was asked again as a whole and answered as last night (engine/reuse.py
    # `Prior.replayed`), so not even the extraction cache was consulted.
    assert second["extractions"] == 0 and second["cache"]["extraction"]["hits"] == 0

    site.reset_counts()
    code, third = run_json(tmp_path, manifest, capsys, "--no-cache")
    assert site.conditional == 0 and site.served == {200: files}
    assert third["cache"] is None


def test_one_agency_crashing_does_not_stop_the_others(
        tmp_path: Path, manifest: Path, site: site_mod.Site, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    real = Checker.check

    async def flaky(self: Checker, agency, *args, **kwargs):  # type: ignore[no-untyped-def]
        if agency.slug == "a002":
            raise RuntimeError("boom")
        return await real(self, agency, *args, **kwargs)

    monkeypatch.setattr(Checker, "check", flaky)
    code, report = run_json(tmp_path, manifest, capsys)
    assert code == exit_codes.EXIT_GAPS
    got = statuses(report)
    assert {k: v for k, v in got.items() if k[0] == "a002"} == {("a002", i): "error" for i in ("O1", "O2", "O3")}
    assert all(v == "pass" for k, v in got.items() if k[0] != "a002")
    crashed = next(a for a in report["agencies"] if a["slug"] == "a002")
    assert crashed["complete"] is False and crashed["findings"][0]["reasons"][0]["code"] == "check_crashed"


async def test_a_cancelled_run_keeps_earlier_runs_and_is_marked_incomplete(
        tmp_path: Path, manifest: Path, site: site_mod.Site, db: str) -> None:
    cat = load_catalogue(site_mod.RULES)
    agencies = load_manifests([manifest], cat.ids)
    transport = HostMapTransport(site.host_map(COUNT))
    settings = audit_mod.AuditSettings(options=RunOptions(extract_workers=0, agencies_at_once=1),
                                       cache_dir=tmp_path / "cache")
    store = open_store(db)
    first = await audit_mod.audit(agencies, cat, 2569, store, settings, transport=transport)
    assert first.status is RunStatus.COMPLETE
    before = store.load_run(1)

    hold = site.holds["/a003/"] = threading.Event()  # the third agency hangs until let go; we stop the run then
    progress = audit_mod.AuditProgress()
    task = asyncio.ensure_future(audit_mod.audit(agencies, cat, 2569, store, settings,
                                                 transport=HostMapTransport(site.host_map(COUNT)),
                                                 progress=progress))
    async with asyncio.timeout(120):  # a guard against a hang, not a measurement
        while progress.done < 2:
            await asyncio.sleep(0.01)  # look again soon: the run goes on meanwhile
    assert progress.done == 2 and not task.done()  # the third agency cannot finish while it is held
    assert progress.run_id == 2  # what the interrupted message tells the operator to resume
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    assert store.load_run(1) == before  # the earlier run is untouched
    info = store.run_info(2)
    assert info.status is RunStatus.INCOMPLETE and info.finished_at
    partial = store.load_run(2)
    assert [a.agency.slug for a in partial.agencies] == ["a001", "a002"]
    assert all(len(a.findings) == 3 for a in partial.agencies)  # every stored agency is whole
    orphans = scalar(store, "SELECT count(*) FROM findings f LEFT JOIN agency_results a USING (run_id, slug)"
                            " WHERE a.slug IS NULL")
    assert orphans == 0

    # Resume: only the agencies the run had not stored are checked, then it is complete.
    hold.set()
    site.holds.clear()
    site.wait_idle()
    site.reset_counts()
    resumed = await audit_mod.audit(agencies, cat, 2569, store,
                                    audit_mod.AuditSettings(options=settings.options, cache_dir=settings.cache_dir,
                                                            resume=2),
                                    transport=HostMapTransport(site.host_map(COUNT)))
    assert resumed.status is RunStatus.COMPLETE and resumed.run.run_id == 2
    assert [a.agency.slug for a in resumed.run.agencies] == ["a001", "a002", "a003", "a004"]
    # Only the two agencies the run had not stored were fetched again (home + three items each).
    assert {path for path, _, _ in site.log} == {f"/{s}/{p}" for s in ("a003", "a004")
                                                 for p in ("index.html", "contact.html", "news.html", "plan-2569.pdf")}
    assert site.served == {304: 2 * 4}  # and nothing the cancelled run left behind reached the server
    assert resumed.diff is not None and resumed.diff.base_run == 1 and resumed.diff.empty
    store.close()


async def test_a_resumed_run_keeps_its_label_and_is_compared_within_it(
        tmp_path: Path, manifest: Path, site: site_mod.Site, db: str) -> None:
    cat = load_catalogue(site_mod.RULES)
    agencies = load_manifests([manifest], cat.ids)

    def settings(**kw: object) -> audit_mod.AuditSettings:
        return audit_mod.AuditSettings(options=RunOptions(extract_workers=0), cache_dir=tmp_path / "cache",
                                       **kw)  # type: ignore[arg-type]

    async def audit(s: audit_mod.AuditSettings) -> audit_mod.AuditOutcome:
        return await audit_mod.audit(agencies, cat, 2569, store, s, transport=HostMapTransport(site.host_map(COUNT)))

    store = open_store(db)
    north = await audit(settings(label="north"))
    site.files["/a001/contact.html"] = site_mod.contact(1, phone=False)  # O1 of a001 fails from now on
    south = await audit(settings(label="south"))
    assert south.diff is None  # south's first run: nothing to compare with
    # A north run that stopped before storing any agency.
    stopped = store.begin_run(RunMeta(started_at="2026-12-05T01:00:00+00:00", tool_version="test",
                                      criteria_year=cat.criteria_year, catalogue_version=cat.version,
                                      catalogue_source=cat.source, fiscal_year=2569, agencies_total=COUNT,
                                      label="north"))
    store.finish_run(stopped, RunStatus.INCOMPLETE)

    with pytest.raises(HistoryError, match=f"run {stopped} belongs to label 'north', not 'south'"):
        await audit(settings(label="south", resume=stopped))
    # Resumed with other manifests, it would be closed "complete" without some of its agencies.
    with pytest.raises(HistoryError, match=f"run {stopped} began with {COUNT} agencies, the manifests given hold 2"):
        await audit_mod.audit(agencies[:2], cat, 2569, store, settings(resume=stopped),
                              transport=HostMapTransport(site.host_map(COUNT)))
    assert store.run_info(stopped).status is RunStatus.INCOMPLETE  # refused before anything was changed

    # Without --label the run goes on in its own series: compared with north's run, not south's latest,
    # so the regression south's run already had is still one for north.
    resumed = await audit(settings(resume=stopped))
    assert resumed.label == "north" and resumed.status is RunStatus.COMPLETE
    assert resumed.diff is not None and resumed.diff.base_run == north.run.run_id
    assert [(c.agency, c.item) for c in resumed.diff.counted_regressions] == [("a001", "O1")]
    assert store.run_info(stopped).label == "north"

    with pytest.raises(HistoryError, match=f"run {stopped} is complete: there is nothing to resume"):
        await audit(settings(resume=stopped))
    store.close()


def test_diff_compares_the_latest_run_with_the_one_before_it_of_its_own_label(
        tmp_path: Path, manifest: Path, site: site_mod.Site, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "history.sqlite3")
    assert run_json(tmp_path, manifest, capsys, "--label", "north", db=db)[1]["run_id"] == 1
    site.files["/a001/contact.html"] = site_mod.contact(1, phone=False)
    code, second = run_json(tmp_path, manifest, capsys, "--label", "north", db=db)
    assert code == exit_codes.EXIT_REGRESSIONS and second["label"] == "north"
    code, south = run_json(tmp_path, manifest, capsys, "--label", "south", db=db)
    assert code == exit_codes.EXIT_GAPS and south["since_last_run"] is None and south["label"] == "south"

    # The latest run is south's first: there is no earlier south run, and north's are not its baseline.
    assert cli.main(["diff", "--db", db, "--format", "json"]) == exit_codes.EXIT_CONFIG
    assert "no complete run of label 'south' before run 3" in capsys.readouterr().err
    assert cli.main(["diff", "--db", db, "--label", "north", "--format", "json"]) == exit_codes.EXIT_REGRESSIONS
    got = json.loads(capsys.readouterr().out)
    assert (got["base_run"], got["head_run"]) == (1, 2)
    assert [(c["agency"], c["item"]) for c in got["regressions"]] == [("a001", "O1")]
    # North again, latest: its baseline is north's run 2 (south's run 3 in between is another series).
    code, again = run_json(tmp_path, manifest, capsys, "--label", "north", db=db)
    assert again["since_last_run"]["base_run"] == 2 and again["since_last_run"]["regressions"] == []
    assert cli.main(["diff", "--db", db, "--format", "json"]) == exit_codes.EXIT_OK
    assert (lambda d: (d["base_run"], d["head_run"]))(json.loads(capsys.readouterr().out)) == (2, 4)
    # One run id: against the latest run of its own label (south's run 3 stays out of north's comparison).
    assert cli.main(["diff", "1", "--db", db, "--format", "json"]) == exit_codes.EXIT_REGRESSIONS
    assert (lambda d: (d["base_run"], d["head_run"]))(json.loads(capsys.readouterr().out)) == (1, 4)
    assert cli.main(["diff", "3", "--db", db]) == exit_codes.EXIT_CONFIG  # south's only run is its latest
    assert "run 3 is the latest run" in " ".join(capsys.readouterr().err.split())
    assert cli.main(["diff", "--db", db, "--label", "nrth"]) == exit_codes.EXIT_CONFIG  # a mistyped label
    assert "no runs yet of label 'nrth'" in " ".join(capsys.readouterr().err.split())


def test_a_projection_file_changes_every_report_of_an_audit_and_of_history_show(
        tmp_path: Path, manifest: Path, site: site_mod.Site, capsys: pytest.CaptureFixture[str]) -> None:
    method = tmp_path / "method.toml"
    method.write_text("pass_points = 80\n", encoding="utf-8")
    md, html, json_file = tmp_path / "r.md", tmp_path / "r.html", tmp_path / "r.json"
    code, report = run_json(tmp_path, manifest, capsys, "--projection", str(method), "--report", f"md:{md}",
                            "--report", f"html:{html}", "--report", f"json:{json_file}")
    assert code == exit_codes.EXIT_OK
    for got in (report, json.loads(json_file.read_text(encoding="utf-8"))):  # stdout, and a file agency by agency
        assert "pass = 80" in got["projection_method"]["en"]
        figures = {(a["slug"], i): s["projection"]["pessimistic"] for a in got["agencies"]
                   for i, s in a["summary"].items()}
        assert figures and set(figures.values()) == {80.0}  # every item passes: 80 points each
    assert "pass = 80" in md.read_text(encoding="utf-8") and "80.00" in md.read_text(encoding="utf-8")
    assert "pass = 80" in html.read_text(encoding="utf-8")
    # Without the file, the default method: 100 for a pass.
    _, plain = run_json(tmp_path, manifest, capsys)
    assert {s["projection"]["pessimistic"] for a in plain["agencies"] for s in a["summary"].values()} == {100.0}
    db = str(tmp_path / "history.sqlite3")
    assert cli.main(["history", "show", "1", "--db", db, "--format", "md", "--projection", str(method)]) == 0
    assert "pass = 80" in capsys.readouterr().out
    assert cli.main(["history", "show", "--agency", "a001", "--db", db, "--format", "json",
                     "--projection", str(method)]) == 0
    scores = json.loads(capsys.readouterr().out)["scores"]
    assert {p["run_id"] for p in scores} == {1, 2} and {p["pessimistic"] for p in scores} == {80.0}
    bad = tmp_path / "bad.toml"
    bad.write_text("pass_point = 100\n", encoding="utf-8")
    assert cli.main(audit_args(tmp_path, manifest, "--projection", str(bad))) == exit_codes.EXIT_CONFIG
    assert "bad.toml: unknown key(s) pass_point" in capsys.readouterr().err


def test_suppressions_mark_findings_and_report_expired_and_unused(
        tmp_path: Path, manifest: Path, site: site_mod.Site, capsys: pytest.CaptureFixture[str], db: str) -> None:
    site.files["/a001/contact.html"] = site_mod.contact(1, phone=False)
    accepted = tmp_path / "accepted.toml"
    accepted.write_text("""
[[suppress]]
agency = "a001"
item = "O1"
code = "missing_component"
reason = "เบอร์โทรศัพท์ใหม่รอติดตั้ง"
expires = 2099-12-31

[[suppress]]
agency = "a002"
item = "O2"
code = "http_error"
reason = "ไม่ได้ใช้"
expires = 2099-12-31

[[suppress]]
agency = "a003"
item = "O3"
code = "stale_fiscal_year"
reason = "หมดอายุแล้ว"
expires = 2000-01-01
""", encoding="utf-8")
    code, report = run_json(tmp_path, manifest, capsys, "--suppress", str(accepted), db=db)
    assert code == exit_codes.EXIT_OK  # the one gap is accepted
    o1 = next(f for a in report["agencies"] if a["slug"] == "a001" for f in a["findings"] if f["item"] == "O1")
    assert o1["status"] == "fail" and o1["suppressed"] == "เบอร์โทรศัพท์ใหม่รอติดตั้ง"
    assert [s["agency"] for s in report["suppressions"]["unused"]] == ["a002"]
    assert [s["agency"] for s in report["suppressions"]["expired"]] == ["a003"]
    # The terminal's line per agency counts the accepted gap apart: 2 pass + 1 accepted make its 3 items.
    assert cli.main(audit_args(tmp_path, manifest, "--suppress", str(accepted), db=db)) == exit_codes.EXIT_OK
    lines = [ln for ln in capsys.readouterr().out.splitlines() if re.match(r"^[✔✘] ", ln)]
    assert len(lines) == COUNT and [ln for ln in lines if "accepted" in ln] == [
        f"✔ {site_mod.name(1)}: 2/3 pass · 0 fail · 0 review · 0 error · 0 regressed · 1 accepted"]


def test_quiet_writes_only_the_report_files(
        tmp_path: Path, manifest: Path, site: site_mod.Site, capsys: pytest.CaptureFixture[str]) -> None:
    html_path, junit_path = tmp_path / "report.html", tmp_path / "junit.xml"
    code = cli.main(audit_args(tmp_path, manifest, "--quiet", "--report", f"html:{html_path}",
                               "--report", f"junit:{junit_path}"))
    assert code == exit_codes.EXIT_OK
    out, err = capsys.readouterr()
    assert out == "" and err == ""
    assert "<html" in html_path.read_text(encoding="utf-8")
    assert "<testsuites" in junit_path.read_text(encoding="utf-8")
    assert not list(tmp_path.glob("*.tmp"))


def test_history_list_show_and_prune(
        tmp_path: Path, manifest: Path, site: site_mod.Site, capsys: pytest.CaptureFixture[str], db: str) -> None:
    for _ in range(3):
        cli.main(audit_args(tmp_path, manifest, "--quiet", db=db))
    assert cli.main(["history", "list", "--db", db]) == exit_codes.EXIT_OK
    listing = capsys.readouterr().out
    assert listing.count("complete") == 3 and listing.count(f"{COUNT}/{COUNT}") == 3
    assert "┃ run ┃ label" in listing  # English here; Thai by default:
    assert cli.main(["history", "list", "--db", db, "--lang", "th"]) == exit_codes.EXIT_OK
    thai = capsys.readouterr().out
    assert "ครั้งที่" in thai and "ตรวจไม่ได้" in thai and "┃ run ┃" not in thai
    assert cli.main(["history", "show", "2", "--db", db, "--format", "junit"]) == exit_codes.EXIT_OK
    assert capsys.readouterr().out.count("<testcase ") == COUNT * 3
    assert cli.main(["history", "prune", "--keep-runs", "1", "--db", db]) == exit_codes.EXIT_OK
    assert "deleted 2 runs: 1, 2" in capsys.readouterr().out
    with open_store(db) as store:
        assert [r.id for r in store.list_runs()] == [3]


@pytest.mark.parametrize("extra", [("--report", "pdf:x.pdf"), ("--report", "html:/no/such/dir/r.html"),
                                   ("--suppress", "/no/such/file.toml")])
def test_configuration_errors_exit_2(tmp_path: Path, manifest: Path, extra: tuple[str, str],
                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(audit_args(tmp_path, manifest, *extra)) == exit_codes.EXIT_CONFIG
    assert "error:" in capsys.readouterr().err


def test_duplicate_agency_keys_are_a_configuration_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = 'name = "อบต.ซ้ำ"\nhome = "https://a.go.th/"\n[items]\nO1 = ["https://a.go.th/c"]\n'
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "a.toml").write_text("[agency]\n" + one, encoding="utf-8")
    (tmp_path / "m" / "b.toml").write_text("[agency]\n" + one, encoding="utf-8")
    assert cli.main(audit_args(tmp_path, tmp_path / "m")) == exit_codes.EXIT_CONFIG
    assert "share the key" in capsys.readouterr().err


def test_diff_with_too_little_history_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A --db that is not there (a typo, or no audit yet) is said so, and no empty database is left behind.
    for words in (["diff"], ["history", "list"], ["history", "show", "1"], ["history", "prune", "--keep", "1y"]):
        missing = tmp_path / "typo" / "history.sqlite3"
        assert cli.main([*words, "--db", str(missing)]) == exit_codes.EXIT_CONFIG
        assert f"{missing}: there is no history database here" in capsys.readouterr().err.replace("\n", "")
        assert not missing.exists() and not missing.parent.exists()
    empty = tmp_path / "empty.sqlite3"
    open_store(str(empty)).close()  # a database without runs
    assert cli.main(["diff", "--db", str(empty)]) == exit_codes.EXIT_CONFIG
    assert "no runs" in capsys.readouterr().err


def test_findings_are_status_values(tmp_path: Path) -> None:
    # The JSON and the database share the Status strings; a rename would silently break old histories.
    assert [s.value for s in Status] == ["pass", "fail", "review", "error"]


def _documented_commands(doc: str = "docs/nightly-audits.md") -> list[list[str]]:
    import shlex

    text = (site_mod.ROOT / doc).read_text(encoding="utf-8").replace("\\\n", " ")
    commands = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("ExecStart") or (line[:1].isdigit() and "oit-checker " in line):
            words = shlex.split(line.split("=", 1)[1] if line.startswith("ExecStart") else line)
            at = next(i for i, word in enumerate(words) if word.endswith("bin/oit-checker"))
            commands.append(words[at + 1:])
    return commands


def test_the_documented_cron_and_systemd_commands_parse() -> None:
    commands = _documented_commands()
    assert len(commands) == 4  # two cron lines, ExecStart and ExecStartPost
    for words in commands:
        words = [w for w in words if w not in (">", "/dev/null")]
        args = cli.build_parser().parse_args(words)
        assert args.command in ("audit", "history")
        if args.command == "audit":
            assert args.quiet and [r.split(":")[0] for r in args.report] == ["html", "junit", "json"]


def test_the_readme_scheduling_commands_parse() -> None:
    commands = _documented_commands("README.md")
    assert len(commands) == 4  # two cron lines, ExecStart and ExecStartPost
    for words in commands:
        args = cli.build_parser().parse_args([w for w in words if w not in (">", "/dev/null")])
        assert args.command in ("audit", "history")
        assert args.command == "history" or (args.quiet and args.report)


def test_terminal_output_is_one_line_per_agency_plus_regressions(
        tmp_path: Path, manifest: Path, site: site_mod.Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(audit_args(tmp_path, manifest)) == exit_codes.EXIT_OK
    del site.files["/a002/news.html"]  # O2 of a002 now answers 404: one regression
    assert cli.main(audit_args(tmp_path, manifest)) == exit_codes.EXIT_REGRESSIONS
    captured = capsys.readouterr()
    out = captured.out.split("Since the last run")[-1]
    agency_lines = [ln for ln in out.splitlines() if re.match(r"^[✔✘] ", ln)]
    assert len(agency_lines) == COUNT
    assert any("a002" in ln or "2/3 pass" in ln for ln in agency_lines)
    assert sum("1 regressed" in ln for ln in agency_lines) == 1
    assert "Regressions (passed last time, not now): 1" in out  # the regression itself, in full
    assert "Indicator 9" not in out  # no full tables without --details
    assert "1 regression, 0 fixed since run 1" in captured.err  # singular, not "1 regressions"
    assert cli.main(audit_args(tmp_path, manifest, "--details")) == exit_codes.EXIT_GAPS
    assert "Indicator" in capsys.readouterr().out


def test_every_report_and_diff_reads_the_same_from_either_backend(
        tmp_path: Path, manifest: Path, site: site_mod.Site, capsys: pytest.CaptureFixture[str], pg_dsn: str) -> None:
    """Two nights audited into SQLite, copied run by run into PostgreSQL through the store interface: every
    report format of `history show` and of `diff` is the same, byte for byte, from either history."""
    from oit_checker.cli.audit import AUDIT_FORMATS, DIFF_FORMATS
    from oit_checker.engine.history import RunMeta

    sqlite_db = str(tmp_path / "history.sqlite3")
    cli.main(audit_args(tmp_path, manifest, "--quiet", db=sqlite_db))
    site.files["/a001/contact.html"] = site_mod.contact(1, phone=False)
    site.files["/a003/news.html"] = site_mod.news(3, extra="<script>alert(1)</script> ข่าว\u202eกลับด้าน")
    cli.main(audit_args(tmp_path, manifest, "--quiet", db=sqlite_db))
    with open_store(sqlite_db) as src, open_store(pg_dsn) as dst:
        for run_id in (1, 2):
            info, run = src.run_info(run_id), src.load_run(run_id)
            copied = dst.begin_run(RunMeta(
                started_at=info.started_at, tool_version=info.tool_version, criteria_year=info.criteria_year,
                catalogue_version=info.catalogue_version, catalogue_source=info.catalogue_source,
                fiscal_year=info.fiscal_year, agencies_total=info.agencies_total, label=info.label,
                reading=info.reading))
            assert copied == run_id
            for ordinal, agency in reversed(list(enumerate(run.agencies))):  # written in another order
                dst.record_agency(copied, agency, ordinal=ordinal)
            dst.finish_run(copied, info.status, info.finished_at)
            assert dst.load_run(run_id) == run and dst.run_info(run_id) == info

    def output(*argv: str) -> tuple[int, str]:
        code = cli.main(list(argv))
        return code, capsys.readouterr().out

    capsys.readouterr()
    for fmt in AUDIT_FORMATS:
        shown = [output("history", "show", "2", "--db", db, "--format", fmt) for db in (sqlite_db, pg_dsn)]
        assert shown[0] == shown[1] and shown[0][1].strip(), fmt
    for fmt in DIFF_FORMATS:
        diffs = [output("diff", "--db", db, "--format", fmt) for db in (sqlite_db, pg_dsn)]
        assert diffs[0] == diffs[1] and diffs[0][0] == exit_codes.EXIT_REGRESSIONS, fmt
    assert "a001" in diffs[0][1]


def test_the_scale_out_guide_commands_parse() -> None:
    """Every `oit-checker` command of docs/scale-out.md (shell lines and systemd ExecStart*) is one the CLI takes."""
    import shlex

    text = (site_mod.ROOT / "docs" / "scale-out.md").read_text(encoding="utf-8").replace("\\\n", " ")
    commands, fence = [], ""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("```"):
            fence = "" if fence else line[3:]
        elif fence == "ini" and line.startswith("ExecStart") and "bin/oit-checker" in line:
            commands.append(shlex.split(line.split("=", 1)[1])[1:])
        elif fence == "sh" and line.startswith("oit-checker "):
            commands.append(shlex.split(line)[1:])
    assert len(commands) == 4  # history list, the driver's audit, ExecStart (audit) and ExecStartPost (prune)
    executors = []
    for words in commands:
        args = cli.build_parser().parse_args(words)
        assert args.db and args.db.startswith("postgresql://")
        if args.command == "audit":
            executors.append((args.executor, args.scheduler))
    assert executors == [("dask", "tcp://10.0.0.10:8786")] * 2


def test_a_full_http_cache_says_so_and_what_it_dropped_is_downloaded_again(
        tmp_path: Path, manifest: Path, site: site_mod.Site, capsys: pytest.CaptureFixture[str]) -> None:
    # Room for a few answers only (≈10 kB): every night drops answers the next one needs.
    tiny = ("--http-cache-gb", "0.00001")
    code, first = run_json(tmp_path, manifest, capsys, *tiny)
    assert code == exit_codes.EXIT_OK
    http = first["cache"]["http"]
    assert http["evicted"] > 0 and http["max_bytes"] == int(0.00001 * 1024**3)
    code, second = run_json(tmp_path, manifest, capsys, *tiny)
    assert code == exit_codes.EXIT_OK
    assert second["cache"]["http"]["not_modified"] < second["requests"] - COUNT  # dropped: downloaded whole again
    cli.main(audit_args(tmp_path, manifest, *tiny, "--format", "json", "--output", str(tmp_path / "r.json")))
    assert "HTTP cache full (10 KB)" in capsys.readouterr().err
    assert statuses(second) == statuses(first)  # a dropped answer costs time, never a verdict

    # The default cap holds the whole audit: nothing dropped, every document answered 304.
    roomy = tmp_path / "roomy"
    roomy.mkdir()
    run_json(roomy, manifest, capsys)
    code, again = run_json(roomy, manifest, capsys)
    assert code == exit_codes.EXIT_OK and again["cache"]["http"]["evicted"] == 0
    assert again["cache"]["http"]["not_modified"] > second["cache"]["http"]["not_modified"]
    cli.main(audit_args(roomy, manifest, "--format", "json", "--output", str(roomy / "r.json")))
    assert "HTTP cache full" not in capsys.readouterr().err


def test_the_http_cache_cap_must_be_positive(tmp_path: Path, manifest: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(audit_args(tmp_path, manifest, "--http-cache-gb", "0")) == exit_codes.EXIT_CONFIG
    assert "--http-cache-gb must be a number of GiB above 0" in capsys.readouterr().err
