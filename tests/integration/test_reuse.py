"""An unchanged night reuses the previous run's findings (engine/reuse.py), and nothing else does.

End to end through `oit-checker audit` on the local audit site (tests/support/audit_site.py: ETag/304, files edited
between runs), with evaluation counted where it happens (`engine.judge.evaluate_item`, in this process with
`--extract-workers 0`); then the rules of `Prior` on hand-made results. No clock, no timing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from oit_checker.cli import main as cli
from oit_checker.engine import audit as audit_mod
from oit_checker.engine import judge as judge_mod
from oit_checker.engine import reuse as reuse_mod
from oit_checker.engine.pipeline import Checker
from oit_checker.engine.reuse import (
    Prior,
    RunKey,
    item_inputs,
    previous_for_reuse,
    read_reading,
    reuse_finding,
    reused,
    same_text,
    stored_reading,
)
from oit_checker.model import (
    Agency,
    AgencyResult,
    Confidence,
    DocKind,
    Document,
    Fetched,
    FetchError,
    FetchRecord,
    Finding,
    Item,
    Reason,
    Retrieved,
    Status,
    UrlTrail,
)
from tests.support import audit_site as site_mod

COUNT = 3
FY = str(site_mod.FISCAL_YEAR)


@pytest.fixture
def evaluated(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Items evaluated (not reused), in the order they were evaluated."""
    calls: list[str] = []
    real = judge_mod.evaluate_item

    def counting(item: Item, *args: Any, **kwargs: Any) -> Finding:
        calls.append(item.id)
        return real(item, *args, **kwargs)

    monkeypatch.setattr(judge_mod, "evaluate_item", counting)
    return calls


def night(tmp_path: Path, manifest: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, Any]:
    args = ["audit", str(manifest), "--rules", str(site_mod.RULES), "--fiscal-year", FY,
            "--db", str(tmp_path / "history.sqlite3"), "--cache-dir", str(tmp_path / "cache"),
            "--extract-workers", "0", "--format", "json", *extra]
    cli.main(args)
    report: dict[str, Any] = json.loads(capsys.readouterr().out)
    return report


def findings(report: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(a["slug"], f["item"]): f for a in report["agencies"] for f in a["findings"]}


def reused_keys(report: dict[str, Any]) -> set[tuple[str, str]]:
    return {k for k, f in findings(report).items() if f.get("reused")}


def verdict(f: dict[str, Any]) -> dict[str, Any]:
    """A finding as the report shows it, less what differs from night to night (fetch timings, the mark)."""
    out = {k: v for k, v in f.items() if k not in ("reused", "fetches")}
    out["fetches"] = [{k: v for k, v in x.items() if k != "elapsed_s"} for x in f["fetches"]]
    return out


def test_an_unchanged_night_reuses_every_finding_and_reports_it_as_evaluated(
        tmp_path: Path, manifest: Path, site: site_mod.Site, evaluated: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    first = night(tmp_path, manifest, capsys)
    assert sorted(evaluated) == sorted(["O1", "O2", "O3"] * COUNT) and not reused_keys(first)
    evaluated.clear()
    site.reset_counts()

    second = night(tmp_path, manifest, capsys)
    assert evaluated == []  # nothing evaluated …
    assert second["extractions"] == 0 and site.served == {304: len(site.files)}  # … nor downloaded, nor read
    assert reused_keys(second) == set(findings(first)) and second["findings_reused"] == COUNT * 3
    # Listed as if evaluated: the same verdicts, reasons, evidence and documents (only timings differ).
    assert {k: verdict(f) for k, f in findings(second).items()} == {k: verdict(f) for k, f in findings(first).items()}
    assert second["since_last_run"]["regressions"] == [] and second["since_last_run"]["changed_documents"] == []

    third = night(tmp_path, manifest, capsys)  # a reused night is itself a baseline
    assert evaluated == [] and reused_keys(third) == set(findings(first))


@pytest.fixture
def followed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Submitted URLs whose links were followed (`Checker._trail`), in any order."""
    calls: list[str] = []
    real = Checker._trail

    async def counting(self: Checker, item: Item, submitted: str, *args: Any) -> UrlTrail:
        calls.append(submitted)
        return await real(self, item, submitted, *args)

    monkeypatch.setattr(Checker, "_trail", counting)
    return calls


@pytest.fixture
def read_again(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """URLs read (`Checker._get`), and a URL whose first read fails (`fail_once`)."""
    state: dict[str, Any] = {"urls": [], "fail_once": None}
    real = Checker._get

    async def spying(self: Checker, url: str, deadline: float | None) -> Any:
        state["urls"].append(url)
        if url == state["fail_once"]:
            state["fail_once"] = None
            raise OSError("the extraction cache could not be read")
        return await real(self, url, deadline)

    monkeypatch.setattr(Checker, "_get", spying)
    return state


def test_a_changed_document_is_evaluated_again_and_the_others_are_reused(
        tmp_path: Path, manifest: Path, site: site_mod.Site, evaluated: list[str], followed: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    night(tmp_path, manifest, capsys)
    evaluated.clear()
    followed.clear()
    site.files["/a002/contact.html"] = site_mod.contact(2, phone=False)  # new bytes: a 200, not a 304

    site.reset_counts()
    report = night(tmp_path, manifest, capsys)
    assert evaluated == ["O1"]
    assert ("a002", "O1") not in reused_keys(report)
    # The agency was asked again as a whole first (engine/pipeline.py `_replay`), then checked as usual with
    # those answers: no URL was asked twice.
    assert site.requests == len(site.files) and site.served == {304: len(site.files) - 1, 200: 1}
    # Only the changed page's item was followed; a002's other items were only read again, for the template.
    assert followed == ["http://www.a002.go.th/a002/contact.html"]
    assert findings(report)["a002", "O1"]["status"] == "fail"  # evaluated, so the missing phone is seen
    assert reused_keys(report) == set(findings(report)) - {("a002", "O1")}
    assert [c["item"] for c in report["since_last_run"]["regressions"]] == ["O1"]


def test_a_document_sent_again_that_reads_the_same_is_reused(
        tmp_path: Path, manifest: Path, site: site_mod.Site, evaluated: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    """A document re-sent with a 200 (here: one more space, so a new ETag) is downloaded and read again; its
    item reads exactly what it read last night, so last night's finding stands (a server without validators,
    a re-exported PDF)."""
    night(tmp_path, manifest, capsys)
    evaluated.clear()
    site.reset_counts()
    site.files["/a001/news.html"] = site.files["/a001/news.html"].replace(b"</main>", b" </main>")
    report = night(tmp_path, manifest, capsys)
    assert site.served[200] == 1 and report["extractions"] == 1  # the new bytes were read …
    assert evaluated == [] and ("a001", "O2") in reused_keys(report)  # … and read the same
    assert findings(report)["a001", "O2"]["status"] == "pass"
    assert report["since_last_run"]["changed_documents"] == []


def test_new_bytes_that_read_as_last_nights_replay_the_agency_without_following_anything(
        tmp_path: Path, manifest: Path, site: site_mod.Site, evaluated: list[str], followed: list[str],
        read_again: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    """A re-exported plan (new bytes after the end of the PDF: a new ETag, a 200) and a page re-sent with one
    more space: each is read, and reads exactly as last night's bytes did (the extraction cache still holds
    that reading), so the agency is replayed — nothing followed, read for the template or evaluated."""
    night(tmp_path, manifest, capsys)
    evaluated.clear()
    followed.clear()
    read_again["urls"].clear()
    site.reset_counts()
    site.files["/a001/plan-2569.pdf"] = site.files["/a001/plan-2569.pdf"] + b"\n% re-exported\n"
    site.files["/a001/news.html"] = site.files["/a001/news.html"].replace(b"</main>", b" </main>")
    report = night(tmp_path, manifest, capsys)
    assert site.served[200] == 2 and report["extractions"] == 2  # the new bytes were read …
    assert evaluated == [] and followed == [] and read_again["urls"] == []  # … and nothing else was
    assert site.requests == len(site.files)  # every URL asked once
    assert reused_keys(report) == set(findings(report))
    assert report["since_last_run"]["changed_documents"] == []

    # The next night starts from tonight's bytes: a replay again, nothing read at all.
    site.reset_counts()
    again = night(tmp_path, manifest, capsys)
    assert again["extractions"] == 0 and site.served == {304: len(site.files)}
    assert evaluated == [] and followed == [] and read_again["urls"] == []


def _another_scan(tmp_path: Path, manifest: Path, site: site_mod.Site, capsys: pytest.CaptureFixture[str],
                  spies: list[list[str]]) -> None:
    """a001's plan a scan (no text layer) on the first night, then another scan of as many pages."""
    scans = site_mod.ROOT / "fixtures" / "corpus"
    site.files["/a001/plan-2569.pdf"] = (scans / "c1_scan_clean_200dpi.pdf").read_bytes()
    night(tmp_path, manifest, capsys)
    for spy in spies:
        spy.clear()
    site.files["/a001/plan-2569.pdf"] = (scans / "c2_scan_dirty_200dpi.pdf").read_bytes()


def test_another_scan_that_reads_the_same_replays_but_shows_as_a_changed_document(
        tmp_path: Path, manifest: Path, site: site_mod.Site, evaluated: list[str], followed: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    """Two different scans of two pages, without a text layer, read as the same document: the agency replays
    (the item is `review` either way, for want of text), but the history's hash of a document without text
    is that of its bytes, so tonight's file shows as a changed document for the reviewer."""
    _another_scan(tmp_path, manifest, site, capsys, [evaluated, followed])
    report = night(tmp_path, manifest, capsys)
    assert report["extractions"] == 1 and evaluated == [] and followed == []  # replayed
    changed = report["since_last_run"]["changed_documents"]
    assert [c["url"] for c in changed] == ["http://www.a001.go.th/a001/plan-2569.pdf"]
    site.reset_counts()
    again = night(tmp_path, manifest, capsys)  # tonight's bytes are the next night's baseline
    assert again["since_last_run"]["changed_documents"] == [] and site.served == {304: len(site.files)}


def test_another_scan_of_an_item_not_followed_shows_as_a_changed_document_too(
        tmp_path: Path, manifest: Path, site: site_mod.Site, evaluated: list[str], followed: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    """As above, but another page of the agency changed tonight: the agency is checked as usual, the plan's
    item is not followed (its scan reads as last night's) and its file is not read again — and the new scan
    still shows as a changed document."""
    _another_scan(tmp_path, manifest, site, capsys, [evaluated, followed])
    site.files["/a001/contact.html"] = site_mod.contact(1, phone=False)
    report = night(tmp_path, manifest, capsys)
    assert followed == ["http://www.a001.go.th/a001/contact.html"] and evaluated == ["O1"]
    changed = {c["url"] for c in report["since_last_run"]["changed_documents"]}
    assert changed == {"http://www.a001.go.th/a001/plan-2569.pdf", "http://www.a001.go.th/a001/contact.html"}


def test_new_bytes_whose_last_reading_is_gone_from_the_cache_are_followed_as_usual(
        tmp_path: Path, manifest: Path, site: site_mod.Site, evaluated: list[str], followed: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    """Without last night's reading in the extraction cache (cleared, expired) nothing says the new bytes read
    the same before they are followed: the item is followed, and its finding reused only because what it
    reads tonight hashes as last night's (`Finding.inputs`)."""
    night(tmp_path, manifest, capsys)
    evaluated.clear()
    followed.clear()
    for db in (tmp_path / "cache").rglob("*.sqlite*"):
        with contextlib.closing(sqlite3.connect(db)) as conn:
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents'").fetchone():
                conn.execute("DELETE FROM documents")
                conn.commit()
    site.files["/a002/contact.html"] = site.files["/a002/contact.html"].replace(b"</main>", b" </main>")
    report = night(tmp_path, manifest, capsys)
    assert followed == ["http://www.a002.go.th/a002/contact.html"]
    assert evaluated == [] and reused_keys(report) == set(findings(report))


def _retitled(body: bytes, title: str) -> bytes:
    head, rest = body.split(b"<title>", 1)
    return head + b"<title>" + title.encode("utf-8") + rest[rest.index(b"</title>"):]


def test_a_document_whose_text_is_the_same_but_reads_differently_is_evaluated_again(
        tmp_path: Path, manifest: Path, site: site_mod.Site, evaluated: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    """The page's text is unchanged (so the history's text hash is too) but its title now names last year, and
    the title is where the fiscal year was: reusing last night's pass would be a false pass."""
    rules = tmp_path / "audit-test-year.toml"  # O1 must be of the current fiscal year
    text = site_mod.RULES.read_text(encoding="utf-8")
    rules.write_text(text.replace('fiscal_year = "none"', 'fiscal_year = "current"', 1), encoding="utf-8")
    page = site_mod.contact(2)
    site.files["/a002/contact.html"] = _retitled(page, f"ข้อมูลการติดต่อ ปีงบประมาณ {FY}")
    first = night(tmp_path, manifest, capsys, "--rules", str(rules))
    assert findings(first)["a002", "O1"]["status"] == "pass"  # the title names the fiscal year
    evaluated.clear()

    site.files["/a002/contact.html"] = _retitled(page, f"ข้อมูลการติดต่อ ปีงบประมาณ {int(FY) - 1}")
    report = night(tmp_path, manifest, capsys, "--rules", str(rules))
    assert report["since_last_run"]["changed_documents"] == []  # the text reads the same …
    assert evaluated == ["O1"] and ("a002", "O1") not in reused_keys(report)  # … the document does not
    assert findings(report)["a002", "O1"]["status"] != "pass"


def test_a_link_tried_and_not_kept_last_night_is_asked_again_and_followed_when_it_changed(
        tmp_path: Path, manifest: Path, site: site_mod.Site, evaluated: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    """Last night a "ดาวน์โหลด" link on a002's contact page led to an unrelated page, fetched and not kept (so
    in no fetch record). Tonight every kept URL answers 304 but that page is now the contact information:
    the agency is not replayed, the page is followed and kept, and the item passes."""
    no_phone = site_mod.contact(2, phone=False)
    site.files["/a002/contact.html"] = no_phone.replace(
        b"</main>", '<a href="/a002/download">ดาวน์โหลด</a></main>'.encode())
    site.files["/a002/download"] = site_mod.page(2, "ประกาศรับสมัครงาน", "<p>ประกาศรับสมัครพนักงานจ้างทั่วไป</p>")
    first = night(tmp_path, manifest, capsys)
    assert findings(first)["a002", "O1"]["status"] == "fail"
    assert "http://www.a002.go.th/a002/download" not in {x["url"] for x in findings(first)["a002", "O1"]["fetches"]}
    evaluated.clear()

    site.files["/a002/download"] = site_mod.contact(2)
    report = night(tmp_path, manifest, capsys)
    assert evaluated == ["O1"] and findings(report)["a002", "O1"]["status"] == "pass"
    assert "http://www.a002.go.th/a002/download" in {x["url"] for x in findings(report)["a002", "O1"]["fetches"]}


def test_an_unchanged_page_that_tonights_template_reads_otherwise_is_followed_and_evaluated_again(
        tmp_path: Path, manifest: Path, site: site_mod.Site, evaluated: list[str], followed: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    """A line on two of a001's pages (its home page and its news page) is content; once the changed contact
    page carries it too, it is on three pages: the site's template, stripped. The news page did not change
    (a 304), yet it no longer says "ประจำเดือน": O2 must be evaluated again, not taken from last night."""
    line = "<p>ข่าวประจำเดือนตุลาคม เรื่องการรับชำระภาษีที่ดินและสิ่งปลูกสร้างประจำปี</p>"
    other = ("<p>การประชุมประชาคมหมู่บ้าน ณ ศาลาประชาคม หมู่ที่ 3 วันที่ 15 ตุลาคม เวลา 09.00 น. "
             "ขอเชิญชาวบ้านทุกท่านเข้าร่วมแสดงความคิดเห็นต่อแผนพัฒนาท้องถิ่น</p>")
    site.files["/a001/index.html"] = site_mod.page(1, site_mod.name(1), "<p>ยินดีต้อนรับสู่เว็บไซต์</p>" + line)
    site.files["/a001/news.html"] = site_mod.page(1, "ข่าวประชาสัมพันธ์", line + other)
    first = night(tmp_path, manifest, capsys)
    assert findings(first)["a001", "O2"]["status"] == "pass"
    evaluated.clear()
    followed.clear()

    site.files["/a001/contact.html"] = site_mod.contact(1).replace(b"</main>", line.encode() + b"</main>")
    report = night(tmp_path, manifest, capsys)
    # O1's page changed by that line alone, which the template strips: it reads as last night (reused).
    assert evaluated == ["O2"] and findings(report)["a001", "O2"]["status"] != "pass"
    assert "http://www.a001.go.th/a001/news.html" in followed


@pytest.mark.parametrize("failing", [False, True])
def test_a_night_that_reuses_gives_the_verdicts_of_a_night_that_evaluates_everything(
        failing: bool, tmp_path: Path, site: site_mod.Site, evaluated: list[str], followed: list[str],
        read_again: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    """a001's contact page changes: its O2 page is read again but not followed, its O3 plan (a PDF) not even
    read again. a002 submits nothing for O3 and its news page changes: its O1 is not followed, its O3 has
    nothing to follow. Whatever was reused, the verdicts are those of a night that evaluates everything."""
    manifest = tmp_path / "agencies.toml"
    manifest.write_text(site_mod.manifest(COUNT).replace('O3 = ["http://www.a002.go.th/a002/plan-2569.pdf"]',
                                                         "O3 = []"), encoding="utf-8")
    night(tmp_path, manifest, capsys)
    site.files["/a001/contact.html"] = site_mod.contact(1, phone=False)
    site.files["/a002/news.html"] = site_mod.news(2, extra="และประกาศรับสมัครงาน")
    evaluated.clear()
    followed.clear()
    read_again["urls"].clear()
    if failing:  # a001's news page cannot be read again for the template: a001 is followed as usual
        read_again["fail_once"] = "http://www.a001.go.th/a001/news.html"
    reusing = night(tmp_path, manifest, capsys)
    assert sorted(evaluated) == ["O1", "O2"]
    assert sorted(followed) == sorted(["http://www.a001.go.th/a001/contact.html", "http://www.a002.go.th/a002/news.html",
                                       *(["http://www.a001.go.th/a001/contact.html",  # a001 again, whole
                                          "http://www.a001.go.th/a001/news.html",
                                          "http://www.a001.go.th/a001/plan-2569.pdf"] if failing else [])])
    # Not followed, a001's news page is read again (for the template), its plan not even that.
    assert "http://www.a001.go.th/a001/news.html" in read_again["urls"]
    assert ("http://www.a001.go.th/a001/plan-2569.pdf" in read_again["urls"]) is failing
    fresh = night(tmp_path, manifest, capsys, "--no-reuse")
    assert reused_keys(fresh) == set() and len(evaluated) == 2 + COUNT * 3

    def verdicts(report: dict[str, Any]) -> dict[tuple[str, str], tuple[str, list[str]]]:
        return {k: (f["status"], sorted(r["code"] for r in f["reasons"])) for k, f in findings(report).items()}

    assert verdicts(reusing) == verdicts(fresh)
    # a001's plan is counted as read, and does not show as changed: its stored text hash stands.
    assert reusing["extractions"] == 2
    assert [(c["agency"], c["url"]) for c in reusing["since_last_run"]["changed_documents"]] == [
        ("a001", "http://www.a001.go.th/a001/contact.html"), ("a002", "http://www.a002.go.th/a002/news.html")]
    assert [a["documents_read"] for a in reusing["agencies"]] == [a["documents_read"] for a in fresh["agencies"]]
    assert findings(reusing)["a002", "O3"]["status"] == "fail" and findings(reusing)["a001", "O1"]["status"] == "fail"


@pytest.mark.parametrize("change", ["catalogue", "fiscal year", "tool version", "judging code", "reading settings",
                                    "--no-reuse"])
def test_nothing_is_reused_under_another_catalogue_fiscal_year_or_tool_version(
        change: str, tmp_path: Path, manifest: Path, site: site_mod.Site, evaluated: list[str],
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    night(tmp_path, manifest, capsys)
    evaluated.clear()
    extra: list[str] = []
    if change == "catalogue":
        rules = tmp_path / "audit-test-2.toml"
        rules.write_text(site_mod.RULES.read_text(encoding="utf-8").replace('"audit-test.1"', '"audit-test.2"'),
                         encoding="utf-8")
        extra = ["--rules", str(rules)]
    elif change == "fiscal year":
        extra = ["--fiscal-year", str(site_mod.FISCAL_YEAR + 1)]
    elif change == "tool version":
        monkeypatch.setattr(audit_mod, "__version__", "99.0.0")
    elif change == "judging code":  # a checkout updated between two nights, the version number unchanged
        monkeypatch.setattr(reuse_mod, "judge_fingerprint", lambda: "0123456789abcdef")
    elif change == "reading settings":
        extra = ["--insecure"]  # what is fetched and read may differ: the previous run's reading is not tonight's
    else:
        extra = ["--no-reuse"]
    report = night(tmp_path, manifest, capsys, *extra)
    assert reused_keys(report) == set()
    assert sorted(evaluated) == sorted(["O1", "O2", "O3"] * COUNT)


def test_a_night_of_an_earlier_day_of_the_check_reuses_nothing(
        tmp_path: Path, manifest: Path, site: site_mod.Site, evaluated: list[str],
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A run stores its day of the check (`stored_reading`): a finding made on 20 January may not hold on 10 January
    (a document dated 15 January passed then, and is dated after the check now: `dated_after_check`), so a night
    of an earlier day of the same month (the same reading key) evaluates again; a later day reuses."""
    from datetime import UTC, datetime

    from oit_checker.text import clock

    def on(day: int) -> None:
        monkeypatch.setattr(clock, "_now", lambda: datetime(2026, 1, day, 3, tzinfo=UTC))

    on(20)
    night(tmp_path, manifest, capsys)
    evaluated.clear()
    on(10)
    assert reused_keys(night(tmp_path, manifest, capsys)) == set()
    assert sorted(evaluated) == sorted(["O1", "O2", "O3"] * COUNT)
    evaluated.clear()
    on(25)
    report = night(tmp_path, manifest, capsys)
    assert evaluated == [] and reused_keys(report) == set(findings(report))


def test_an_agency_the_previous_run_does_not_hold_is_evaluated(
        tmp_path: Path, site: site_mod.Site, evaluated: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    manifest = tmp_path / "agencies.toml"
    one = site_mod.manifest(COUNT).split("\n[[agency]]")[0]  # the first agency only
    manifest.write_text(one, encoding="utf-8")
    night(tmp_path, manifest, capsys)
    evaluated.clear()
    manifest.write_text(site_mod.manifest(COUNT), encoding="utf-8")  # two more agencies tonight
    report = night(tmp_path, manifest, capsys)
    assert reused_keys(report) == {("a001", i) for i in ("O1", "O2", "O3")}
    assert sorted(evaluated) == sorted(["O1", "O2", "O3"] * (COUNT - 1))


def test_the_first_night_reuses_nothing_and_a_night_without_cache_reads_everything_again(
        tmp_path: Path, manifest: Path, site: site_mod.Site, evaluated: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    assert reused_keys(night(tmp_path, manifest, capsys)) == set()  # no previous run
    evaluated.clear()
    site.reset_counts()
    report = night(tmp_path, manifest, capsys, "--no-cache")
    # No 304: every document is downloaded again, with last night's bytes (by their sha256): nothing is read
    # again, nothing evaluated (a server that never answers 304 gets the same unchanged night).
    assert site.served == {200: len(site.files)} and report["extractions"] == 0
    assert evaluated == [] and reused_keys(report) == set(findings(report))
    evaluated.clear()
    assert reused_keys(night(tmp_path, manifest, capsys, "--no-cache", "--no-reuse")) == set()
    assert len(evaluated) == COUNT * 3


# ---------------------------------------------------------------- the rules, on hand-made results

PAGE = "https://www.a.go.th/o1.html"
HOME_PAGE = "<html><body>หน้าแรก</body></html>".encode()


def _item(item_id: str = "O1") -> Item:
    from oit_checker.model import EvidenceRule, FiscalYearRule

    return Item(id=item_id, name_th="ข้อมูลการติดต่อ", name_en="Contact", indicator=9, sub_indicator="9.1",
                components=(), fiscal_year_rule=FiscalYearRule.NONE, confidence=Confidence.CONFIRMED,
                evidence=EvidenceRule(min_chars=10))


def _trails(*, from_cache: bool = True, error: FetchError | None = None, status: int = 200, sha: str = "b" * 64,
            charset: str | None = None) -> tuple[UrlTrail, ...]:
    fetched = Fetched(url=PAGE, final_url=PAGE, status=status, body_sha256=sha, from_cache=from_cache,
                      error=error, content_type="text/html", charset=charset)
    doc = Document(url=PAGE, kind=DocKind.HTML, pages=("ที่อยู่ 1 หมู่ 2",)) if error is None else None
    return (UrlTrail(PAGE, (Retrieved(fetched=fetched, document=doc),)),)


def _previous(*, complete: bool = True, status: Status = Status.PASS, codes: tuple[str, ...] = (),
              home: str | None = "https://www.a.go.th/", inputs: str = "i1",
              also_asked: tuple[tuple[str, str], ...] = ()) -> AgencyResult:
    record = FetchRecord(url=PAGE, final_url=PAGE, status=200, attempts=1, elapsed_s=0.2, sha256="b" * 64,
                         content_type="text/html")
    reasons = tuple(Reason(code=c, message_th=c, message_en=c) for c in codes)
    finding = Finding(item="O1", indicator=9, status=status, reasons=reasons, confidence=Confidence.CONFIRMED,
                      urls=(PAGE,), documents=(PAGE,), fetches=(record,), inputs=inputs, also_asked=also_asked)
    return AgencyResult(agency=Agency(name="a", home=home, items={"O1": (PAGE,)}, slug="a"), fiscal_year=2569,
                        findings=(finding,), started_at="", finished_at="", complete=complete,
                        document_hashes={PAGE: "h1"}, home_sha256=hashlib.sha256(HOME_PAGE).hexdigest())


def _prior(previous: AgencyResult | None, **kw: Any) -> Prior | None:
    args: dict[str, Any] = {"home": "https://www.a.go.th/", "fiscal_year": 2569, "submitted": {"O1": (PAGE,)},
                            "name": "a"}
    args.update(kw)
    return Prior.of(previous, args["home"], args["fiscal_year"], args["submitted"], args["name"])


def test_prior_requires_a_complete_previous_result_for_the_same_items_urls_home_name_and_year() -> None:
    assert _prior(_previous()) is not None
    assert _prior(None) is None
    assert _prior(_previous(complete=False)) is None
    assert _prior(_previous(), fiscal_year=2570) is None
    assert _prior(_previous(), home="https://other.go.th/") is None
    assert _prior(_previous(), submitted={"O1": (PAGE, "https://www.a.go.th/x.pdf")}) is None
    assert _prior(_previous(), submitted={"O1": (PAGE,), "O2": ()}) is None
    # evaluation reads the agency's name (whose document it is: evaluate/owner.py)
    assert _prior(_previous(), name="เทศบาลตำบลหนองบัวแดง") is None




@pytest.mark.parametrize(("why", "previous", "trails", "unsure", "candidate"), [
    ("unchanged (304)", _previous(), _trails(), set(), True),
    ("stored without its inputs' hash (an older version)", _previous(inputs=""), _trails(), set(), False),
    ("downloaded again (200), stored with its inputs' hash", _previous(inputs="i1"), _trails(from_cache=False),
     set(), True),
    ("read from more than its bytes, inputs' hash stored", _previous(inputs="i1"), _trails(), {PAGE}, False),
    ("same bytes under another declared charset", _previous(inputs="i1"), _trails(charset="tis-620"), set(), False),
    ("now a fetch error", _previous(), _trails(error=FetchError.TIMEOUT), set(), False),
    ("now another status", _previous(), _trails(status=203), set(), False),
    ("read from more than its bytes", _previous(), _trails(), {PAGE}, False),
    ("last night could not check", _previous(status=Status.ERROR), _trails(), set(), False),
    ("last night hit our bound", _previous(status=Status.REVIEW, codes=("extract_timeout",)), _trails(), set(),
     False),
    ("last night read a rendered page", _previous(codes=("rendered_page",)), _trails(), set(), False),
    # a document dated after the day of the check: the day moves, tonight's may have reached it (evaluate/dated.py)
    ("last night's finding rests on its day", _previous(status=Status.REVIEW, codes=("dated_after_check",)),
     _trails(), set(), False),
])
def test_candidates_are_items_whose_every_url_answered_as_last_night_from_the_same_bytes(
        why: str, previous: AgencyResult, trails: tuple[UrlTrail, ...], unsure: set[str], candidate: bool) -> None:
    prior = _prior(previous)
    assert prior is not None
    got = prior.candidates([_item()], {"O1": trails}, unsure)
    assert ("O1" in got) is candidate, why


def test_a_finding_is_reused_only_when_the_item_reads_the_same() -> None:
    before = _previous().findings[0]
    trails = _trails(from_cache=False)
    got = reuse_finding(before, trails, "i1")
    assert got is not None and got.reused and got.inputs == "i1" and got.reasons == before.reasons
    assert got.fetches[0].elapsed_s == 0.0  # tonight's fetch record, not last night's
    assert reuse_finding(before, trails, "i2") is None  # another reading
    assert reuse_finding(_previous(inputs="").findings[0], trails, "") is None  # stored without the hash


def test_an_item_not_followed_keeps_its_finding_only_when_its_documents_leave_last_nights_text() -> None:
    before = _previous().findings[0]
    trails = _trails()
    same = same_text(before, trails, {PAGE: "h1"}, {PAGE: "h1"})
    assert same is not None and same.reused and same.status is before.status
    assert same_text(before, trails, {PAGE: "h2"}, {PAGE: "h1"}) is None  # tonight's template strips otherwise
    assert same_text(before, trails, {}, {PAGE: "h1"}) is None


def _inputs(trails: tuple[UrlTrail, ...]) -> str:
    return item_inputs(trails, {})


def _with_doc(trails: tuple[UrlTrail, ...], **changes: Any) -> tuple[UrlTrail, ...]:
    from dataclasses import replace

    g = trails[0].retrieved[0]
    assert g.document is not None
    return (replace(trails[0], retrieved=(replace(g, document=replace(g.document, **changes)),)),)


def test_the_inputs_hash_covers_what_evaluation_reads_and_nothing_of_when_or_how_fast() -> None:
    from dataclasses import replace

    from oit_checker.model import Link
    from oit_checker.model.page import PageFacts

    base = _trails()
    g = base[0].retrieved[0]
    tonight = (replace(base[0], retrieved=(replace(g, fetched=replace(
        g.fetched, from_cache=False, elapsed_s=3.0, headers={"etag": '"new"'}, body_sha256="c" * 64)),)),)
    assert _inputs(tonight) == _inputs(base)  # a 200 instead of a 304, other timing, headers, bytes: same reading
    assert _inputs(_with_doc(base, pages=("ที่อยู่ 1 หมู่ 2",))) == _inputs(base)
    differs = {
        "text": _with_doc(base, pages=("ที่อยู่ 1 หมู่ 3",)),
        "page split": _with_doc(base, pages=("ที่อยู่ 1", " หมู่ 2")),
        "title": _with_doc(base, title="โทรศัพท์ 043-000-000"),
        "links": _with_doc(base, links=(Link(url="https://www.a.go.th/o1.pdf", text="ดาวน์โหลด"),)),
        "page count": _with_doc(base, page_count=3),
        "needs OCR": _with_doc(base, needs_ocr=True),
        "truncated": _with_doc(base, truncated="text cut"),
        "no document": (replace(base[0], retrieved=(replace(g, document=None),)),),
        "trail notes": (replace(base[0], notes=(Reason(code="placeholder_link", message_th="x", message_en="x"),)),),
        "status": (replace(base[0], retrieved=(replace(g, fetched=replace(g.fetched, status=203)),)),),
        "depth": (replace(base[0], retrieved=(replace(g, depth=1, parent="https://www.a.go.th/"),)),),
        # A chart put up as a picture turns an O1 fail into a review (evaluate/item.py `_pictured`).
        "pictures": _with_doc(base, facts=PageFacts(g.fetched.final_url,
                                                    images=(("https://www.a.go.th/chart.png", "ผัง"),))),
    }
    hashes = {why: _inputs(trails) for why, trails in differs.items()}
    assert all(h != _inputs(base) for h in hashes.values()), [w for w, h in hashes.items() if h == _inputs(base)]
    assert len(set(hashes.values())) == len(hashes)


def test_reuse_keeps_no_suppression_and_the_whole_agency_needs_its_home_page_unchanged() -> None:
    from dataclasses import replace

    prior = _prior(_previous())
    assert prior is not None
    candidates = prior.candidates([_item()], {"O1": _trails()}, set())
    home = Fetched(url="https://www.a.go.th/", final_url="https://www.a.go.th/", status=200, from_cache=True,
                   body=HOME_PAGE)
    assert prior.whole_agency([_item()], candidates, {"O1": _trails()}, home)
    # The home page's bytes decide (a 304 from a cache another agency refreshed tonight would not).
    assert prior.whole_agency([_item()], candidates, {"O1": _trails()}, replace(home, from_cache=False))
    assert not prior.whole_agency([_item()], candidates, {"O1": _trails()}, replace(home, body=b"<html>new</html>"))
    assert not prior.whole_agency([_item(), _item("O2")], candidates, {"O1": _trails()}, home)
    # A 304 whose cached body another agency refreshed tonight: the cache says "unchanged", the bytes do not.
    refreshed = _trails(sha="c" * 64)
    assert not prior.whole_agency([_item()], prior.candidates([_item()], {"O1": refreshed}, set()),
                                  {"O1": refreshed}, home)
    stored = _prior(_previous(inputs="i1"))
    assert stored is not None
    same_bytes = _trails(from_cache=False)  # sent again with a 200, last night's bytes: nothing changed
    assert stored.whole_agency([_item()], stored.candidates([_item()], {"O1": same_bytes}, set()),
                               {"O1": same_bytes}, home)
    other_bytes = _trails(from_cache=False, sha="e" * 64)  # a candidate (its inputs' hash is stored), new bytes:
    assert stored.candidates([_item()], {"O1": other_bytes}, set())  # the reading must be compared
    assert not stored.whole_agency([_item()], stored.candidates([_item()], {"O1": other_bytes}, set()),
                                   {"O1": other_bytes}, home)
    marked = replace(_previous().findings[0], suppressed="accepted")
    assert reused(marked, _trails()).suppressed == ""  # tonight's suppressions decide


TRIED = "https://www.a.go.th/download"


def _answers(page_sha: str = "b" * 64, tried_sha: str = "d" * 64, tried_status: int = 200) -> dict[str, Fetched]:
    return {PAGE: Fetched(url=PAGE, final_url=PAGE, status=200, body_sha256=page_sha, content_type="text/html"),
            TRIED: Fetched(url=TRIED, final_url=TRIED, status=tried_status, body_sha256=tried_sha)}


def test_a_replay_asks_every_url_of_last_night_and_stands_only_on_the_same_bytes() -> None:
    home = Fetched(url="https://www.a.go.th/", final_url="https://www.a.go.th/", status=200, from_cache=True,
                   body=HOME_PAGE)
    prior = _prior(_previous(inputs="i1", also_asked=((TRIED, "d" * 64),)))
    assert prior is not None
    assert prior.replay_urls([_item()]) == [PAGE, TRIED]  # the kept URL and the one tried and not kept
    got = prior.replayed([_item()], _answers(), home)
    assert got is not None and got[0].reused and got[0].fetches[0].elapsed_s == 0.0  # tonight's record
    assert prior.replayed([_item()], _answers(page_sha="c" * 64), home) is None  # the page's bytes changed
    assert prior.replayed([_item()], _answers(tried_sha="e" * 64), home) is None  # the page not kept changed
    assert prior.replayed([_item()], _answers(tried_status=404), home) is None  # … or is gone
    assert prior.replayed([_item()], _answers(), replace(home, body=b"<p>new</p>")) is None  # the template may differ
    # Item by item (the agency as a whole did not replay): the items whose own URLs gave last night's bytes.
    assert set(prior.unchanged_items([_item()], _answers())) == {"O1"}
    assert prior.unchanged_items([_item()], _answers(page_sha="c" * 64)) == {}
    assert prior.unchanged_items([_item()], _answers(tried_sha="e" * 64)) == {}
    moved = {PAGE: replace(_answers()[PAGE], final_url="https://www.a.go.th/new.html"), TRIED: _answers()[TRIED]}
    assert prior.replayed([_item()], moved, home) is None  # answered otherwise
    # Stored without its inputs' hash, `error`, resting on a page drawn by a browser:
    for unusable in (_previous(inputs=""), _previous(status=Status.ERROR), _previous(codes=("rendered_page",))):
        p = _prior(unusable)
        assert p is not None and p.replay_urls([_item()]) is None


def test_new_bytes_stand_in_for_last_nights_only_when_they_answer_as_last_night_and_read_the_same() -> None:
    """`Prior.rereads` offers new bytes for a second reading only when the URL answered otherwise as last
    night; a replay then stands on exactly the re-reads the extraction cache vouched for."""
    prior = _prior(_previous(inputs="i1"))
    assert prior is not None
    home = Fetched(url="https://www.a.go.th/", final_url="https://www.a.go.th/", status=200, body=HOME_PAGE)
    body = "<p>ที่อยู่ 1 หมู่ 2</p><!-- 2026-12-04 -->".encode()
    page = Fetched(url=PAGE, final_url=PAGE, status=200, body=body, content_type="text/html")
    reread = (PAGE, "text/html", None, hashlib.sha256(body).hexdigest(), "b" * 64)
    assert prior.rereads([_item()], {PAGE: page}, home) == {reread: page}
    for other in (replace(page, body=b"", body_sha256="b" * 64),  # last night's bytes: nothing to read again
                  replace(page, charset="tis-620"), replace(page, content_type="application/xhtml+xml"),
                  replace(page, final_url="https://www.a.go.th/o1-new.html"), replace(page, status=203),
                  replace(page, body=b"", error=FetchError.TOO_LARGE, truncated=True)):
        assert prior.rereads([_item()], {PAGE: other}, home) == {}
    # The home page has no record of its own here (no item reached it): only its bytes can say it is the same.
    assert prior.rereads([_item()], {PAGE: replace(page, body=b"", body_sha256="b" * 64)},
                         replace(home, body=b"<p>new</p>")) == {}

    assert prior.replayed([_item()], {PAGE: page}, home) is None  # new bytes, nobody said they read the same
    got = prior.replayed([_item()], {PAGE: page}, home, frozenset({reread}))
    assert got is not None and got[0].reused and got[0].fetches[0].sha256 == reread[3]  # tonight's bytes, kept
    for other_key in ((*reread[:4], "c" * 64), (PAGE, "text/html", "tis-620", *reread[3:])):
        assert prior.replayed([_item()], {PAGE: page}, home, frozenset({other_key})) is None
    assert set(prior.unchanged_items([_item()], {PAGE: page}, frozenset({reread}))) == {"O1"}
    assert prior.unchanged_items([_item()], {PAGE: page}) == {}


def test_a_run_is_stored_under_its_version_and_its_judging_codes_fingerprint(
        tmp_path: Path, manifest: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = night(tmp_path, manifest, capsys)
    version, _, fingerprint = report["tool"]["version"].partition("+")
    assert (version, fingerprint) == (audit_mod.__version__, reuse_mod.judge_fingerprint())
    assert len(fingerprint) == 16 and int(fingerprint, 16) >= 0
    judged = {m for m, _ in reuse_mod.package_sources(reuse_mod._JUDGE_MODULES)}
    # the judge and what it imports (the item's evaluation, the year scanner, the catalogue model), and the messages
    assert {"oit_checker.evaluate.item", "oit_checker.text.fiscal", "oit_checker.model.catalogue"} <= judged
    assert reuse_mod._MESSAGES[1].read_text(encoding="utf-8").count("[part_year_report]") == 1


def test_the_run_key_is_catalogue_fiscal_year_and_tool_version() -> None:
    key = RunKey(2569, "2569.1", "rules/ita2569.toml", 2569, "0.1.0")
    assert previous_for_reuse(key, key)
    assert not previous_for_reuse(key, None)
    for other in (RunKey(2568, "2569.1", "rules/ita2569.toml", 2569, "0.1.0"),
                  RunKey(2569, "2569.2", "rules/ita2569.toml", 2569, "0.1.0"),
                  RunKey(2569, "2569.1", "rules/ita2569.toml", 2570, "0.1.0"),
                  RunKey(2569, "2569.1", "rules/ita2569.toml", 2569, "0.2.0")):
        assert not previous_for_reuse(key, other)


def test_a_run_of_an_earlier_day_of_the_check_is_not_reused() -> None:
    day = date(2026, 1, 20)
    key = RunKey(2569, "2569.1", "rules/ita2569.toml", 2569, "0.1.0", "5e7719a3", day)
    assert key == RunKey(2569, "2569.1", "rules/ita2569.toml", 2569, "0.1.0", "5e7719a3", date(2026, 1, 2))
    assert previous_for_reuse(key, replace(key, day=day))
    assert previous_for_reuse(key, replace(key, day=date(2026, 1, 2)))  # tonight is later: what passed still does
    assert not previous_for_reuse(key, replace(key, day=date(2026, 1, 21)))  # a backdated --as-of
    assert not previous_for_reuse(key, replace(key, day=None))  # a run stored without its day
    assert previous_for_reuse(replace(key, day=None), replace(key, day=None))
    # the history keeps the day with the reading key
    assert stored_reading("5e7719a3", day) == "5e7719a3@2026-01-20"
    assert read_reading(stored_reading("5e7719a3", day)) == ("5e7719a3", day)
    assert read_reading("5e7719a3") == ("5e7719a3", None) == read_reading("5e7719a3@not-a-day")
    assert stored_reading("5e7719a3", None) == "5e7719a3"
