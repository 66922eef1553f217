"""Safe to point at anyone's website (issue 15): each test plays a hostile agency site or manifest against a
local server (tests/support/hostile_server.py on 127.0.0.1) and asserts the refusal or the bound, that the run goes
on, and that no secret or control sequence reaches any output."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest

from oit_checker.cli.main import build_parser, main
from oit_checker.demo import HostMapTransport
from oit_checker.engine.session import RunOptions, run_agencies
from oit_checker.fetch import policy
from oit_checker.fetch.client import Fetcher, FetchSettings, build_client
from oit_checker.model import Agency, FetchError, Status
from tests.support import hostile_server as hs
from tests.support.paths import ROOT

MB = 1024 * 1024


@pytest.fixture(scope="module")
def site() -> Iterator[hs.HostileServer]:
    with hs.HostileServer() as server:
        yield server


def strict(**overrides: Any) -> FetchSettings:
    """The hostile test settings with the fetch policy ON (the default of a real run)."""
    return hs.hostile_fetch_settings(allow_private=False, **overrides)


@pytest.fixture
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Names → addresses for `getaddrinfo`, for names under .example.go.th (the rest resolves as usual), so
    a public-looking name can point at 127.0.0.1 as a hostile DNS zone would."""
    table: dict[str, str] = {}
    real = socket.getaddrinfo

    def fake(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name in table:
            return real(table[name], port, *args, **kwargs)
        if name.endswith(".example.go.th"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    return table


# ---------------------------------------------------------------- 1. SSRF


LOOPBACK_SPELLINGS = ["127.0.0.1", "127.1", "2130706433", "0x7f000001", "0x7f.0.0.1", "0177.0.0.1", "[::1]",
                      "[::ffff:127.0.0.1]", "0.0.0.0", "0", "localhost", "LOCALHOST.", "www.localhost"]


@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS)
async def test_every_spelling_of_loopback_is_refused_and_nothing_is_sent(site: hs.HostileServer, host: str) -> None:
    settings = strict()
    before = site.stats.hits["/page/secret"]
    async with build_client(settings) as client:
        got = await Fetcher(client, settings).fetch(f"http://{host}:{site.port}/page/secret")
    assert got.error is FetchError.REFUSED, got
    assert got.attempts == 0 and got.status is None and not got.body
    assert site.stats.hits["/page/secret"] == before


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/meta-data/iam/", "http://10.0.0.7/admin",
                                 "http://192.168.1.1/", "http://172.16.5.4:8080/", "http://[fe80::1]/",
                                 "http://224.0.0.1/", "http://100.64.0.1/", "http://[::]/"])
async def test_private_link_local_multicast_and_reserved_addresses_are_refused(url: str) -> None:
    settings = strict()
    async with build_client(settings) as client:
        got = await Fetcher(client, settings).fetch(url)
    assert got.error is FetchError.REFUSED and got.attempts == 0, got


async def test_a_name_resolving_to_loopback_is_refused_at_connect_time(site: hs.HostileServer,
                                                                      fake_dns: dict[str, str]) -> None:
    """Checked after DNS: the name says nothing, the address it resolves to does."""
    fake_dns["intranet.example.go.th"] = "127.0.0.1"
    settings = strict()
    before = site.stats.hits["/page/dns"]
    async with build_client(settings) as client:
        got = await Fetcher(client, settings).fetch(f"http://intranet.example.go.th:{site.port}/page/dns")
    assert got.error is FetchError.REFUSED, got
    assert "127.0.0.1" in got.error_detail and "loopback" in got.error_detail
    assert site.stats.hits["/page/dns"] == before
    # The same with the policy lifted: it is the address, not the name, that was refused.
    allowed = replace(settings, allow_private=True)
    async with build_client(allowed) as client:
        ok = await Fetcher(client, allowed).fetch(f"http://intranet.example.go.th:{site.port}/page/dns")
    assert ok.ok and site.stats.hits["/page/dns"] == before + 1


async def test_guarded_backend_connects_to_the_address_it_checked_not_to_the_name_again(
        site: hs.HostileServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: a resolver whose second answer differs. The guard resolves once per connection and
    connects to that checked address, so a second (rebinding) answer is never asked for."""
    answers = iter(["127.0.0.1", "127.0.0.1"])
    lookups: list[str] = []

    async def resolve(host: str, port: int) -> list[str]:
        lookups.append(host)
        return [next(answers)]

    monkeypatch.setattr(policy, "resolve_checked", resolve)
    backend = policy.GuardedBackend()
    stream = await backend.connect_tcp("rebind.example.go.th", site.port, timeout=2)
    await stream.aclose()
    assert lookups == ["rebind.example.go.th"]


async def test_a_public_url_redirecting_inwards_is_refused_at_the_hop(site: hs.HostileServer,
                                                                     fake_dns: dict[str, str]) -> None:
    fake_dns["db.example.go.th"] = "10.1.2.3"
    settings = strict()
    # www.agency.go.th is the hostile site itself (mapped like the demo's host); every other host goes
    # through the real network with the fetch policy.
    transport = HostMapTransport({"www.agency.go.th": site.base})
    before = site.stats.hits["/page/internal"]
    async with build_client(settings, transport=transport) as client:
        fetcher = Fetcher(client, settings)
        to_loopback = await fetcher.fetch(
            f"http://www.agency.go.th/to?url=http://127.0.0.1:{site.port}/page/internal")
        to_metadata = await fetcher.fetch("http://www.agency.go.th/to?url=http://169.254.169.254/latest/")
        to_private_name = await fetcher.fetch(f"http://www.agency.go.th/to?url=http://db.example.go.th:{site.port}/")
    for got in (to_loopback, to_metadata, to_private_name):
        assert got.error is FetchError.REFUSED, got
        assert got.redirects and got.status is None and not got.body
    assert site.stats.hits["/page/internal"] == before


def test_refused_urls_are_reported_with_the_reason_and_the_run_goes_on(site: hs.HostileServer,
                                                                            tmp_path: Path) -> None:
    """Through the CLI: the internal answer is never quoted; the public URL of the same agency passes."""
    manifest = tmp_path / "agency.toml"
    home = "http://www.agency.go.th/"
    manifest.write_text(f'''[agency]
name = "อบต.ทดสอบ"
home = "{home}"
fiscal_year = 2569
[items]
O1 = ["http://2130706433:{site.port}/page/secret-o1"]
O2 = ["http://www.agency.go.th/to?url=http://[::1]:{site.port}/page/secret-o2"]
O3 = ["http://www.agency.go.th/page/public-o3"]
''', encoding="utf-8")
    rules = ROOT / "fixtures" / "rules" / "audit-test.toml"
    out = tmp_path / "report.json"
    from oit_checker.cli import check as check_mod
    transport = HostMapTransport({"www.agency.go.th": site.base})
    args = build_parser().parse_args(["check", str(manifest), "--rules", str(rules), "--format", "json",
                                      "--output", str(out), "--extract-workers", "0", "--lang", "en"])
    code = check_mod.cmd_check(args, check_mod.make_console(), transport=transport)
    assert code == 1
    report = json.loads(out.read_text(encoding="utf-8"))
    findings = {f["item"]: f for f in report["agencies"][0]["findings"]}
    for item in ("O1", "O2"):
        assert findings[item]["status"] == "error"
        assert [r["code"] for r in findings[item]["reasons"]] == ["refused_private_address"]
    assert site.stats.hits["/page/secret-o1"] == 0 and site.stats.hits["/page/secret-o2"] == 0
    assert "secret-o1 ข้อ" not in out.read_text(encoding="utf-8")
    assert findings["O3"]["fetches"][0]["status"] == 200  # the agency's public URL was fetched as usual


async def test_allow_private_per_agency_does_not_open_the_door_for_another_agency(site: hs.HostileServer) -> None:
    """An intranet agency (manifest `allow_private = true`) and a public one in the same run, same URL: the
    first reads it, the second is refused; the answer is not shared through the run's URL cache."""
    url = site.url("/page/intranet")
    items = {"H01": (url,)}
    intranet = Agency(name="intranet", home=None, items=items, slug="intra", allow_private=True)
    public = Agency(name="public", home=None, items=items, slug="public")
    cases = [hs.Case("H01", "intranet page", url, Status.PASS)]
    options = RunOptions(fetch=strict(), extract_workers=0)
    run = await run_agencies([intranet, public], hs.hostile_catalogue(cases), 2569, options)
    by_slug = {a.agency.slug: a.findings[0] for a in run.agencies}
    assert by_slug["intra"].status is Status.PASS
    assert by_slug["public"].status is Status.ERROR
    assert [r.code for r in by_slug["public"].reasons] == ["refused_private_address"]
    assert site.stats.hits["/page/intranet"] == 1


def test_allow_private_is_an_option_of_check_demo_audit_and_discover(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("check", "demo", "audit", "discover"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "--allow-private" in capsys.readouterr().out, command


# ---------------------------------------------------------------- 6. cookies


async def test_no_cookie_crosses_agencies(site: hs.HostileServer) -> None:
    """Agency A's site sets `Domain=go.th` and host-only cookies; agency B (another host under go.th, and a
    page on A's shared host) must receive none of them."""
    transport = HostMapTransport({"www.a.go.th": site.base, "www.b.go.th": site.base,
                                  "cms.shared.go.th": site.base})
    a = Agency(name="A", home=None, slug="a", items={
        "H01": ("http://www.a.go.th/set-cookie?cookie=sid%3DSECRET-A%3B%20Domain%3Dgo.th%3B%20Path%3D%2F",),
        "H02": ("http://cms.shared.go.th/set-cookie?cookie=host%3DSECRET-HOST%3B%20Path%3D%2F&a=1",)})
    b = Agency(name="B", home=None, slug="b", items={
        "H01": ("http://www.b.go.th/page/b-after-a",),
        "H02": ("http://cms.shared.go.th/page/b-on-shared-host",)})
    cases = [hs.Case("H01", "one", "", Status.PASS), hs.Case("H02", "two", "", Status.PASS)]
    options = RunOptions(fetch=strict(), extract_workers=0, agencies_at_once=1)
    run = await run_agencies([a, b], hs.hostile_catalogue(cases), 2569, options, transport=transport)
    assert {f.status for ag in run.agencies for f in ag.findings} == {Status.PASS}
    sent = [(host, path, cookie) for host, path, cookie, _ in site.stats.seen if path.startswith("/page/b-")]
    assert len(sent) == 2 and all(cookie == "" for _, _, cookie in sent), sent


async def test_a_cookie_lives_for_its_own_redirect_chain(site: hs.HostileServer) -> None:
    """The cookie-check gateway still works (the cookie goes back within the fetch that got it)."""
    settings = strict()
    async with build_client(settings, transport=HostMapTransport({"www.agency.go.th": site.base})) as client:
        fetcher = Fetcher(client, settings)
        first = await fetcher.fetch("http://www.agency.go.th/cookie-check")
        second = await fetcher.fetch("http://www.agency.go.th/cookie-check")
    assert first.ok and second.ok
    assert first.attempts == 2 and second.attempts == 2  # the second fetch did not inherit the cookie


# ---------------------------------------------------------------- 8. limits: headers drip, max_urls


async def test_headers_sent_one_byte_a_second_are_cut(site: hs.HostileServer) -> None:
    settings = replace(hs.hostile_fetch_settings(), headers_timeout_s=2.0, read_timeout_s=5.0,
                       document_timeout_s=25.0)
    async with build_client(settings) as client:
        got = await Fetcher(client, settings).fetch(site.url("/drip-headers?every=0.5&seconds=25"))
    assert got.error is FetchError.TIMEOUT and got.attempts == 1, got
    assert "response headers not complete within 2 s" in got.error_detail


async def test_max_urls_per_item_is_enforced(site: hs.HostileServer) -> None:
    """10,000 URLs for one item: the catalogue's max_urls (5 by default) are fetched, the rest reported."""
    urls = tuple(site.url(f"/page/many-{n}") for n in range(10_000))
    agency = Agency(name="many", home=None, items={"H01": urls}, slug="many")
    cases = [hs.Case("H01", "many URLs", "", Status.PASS)]
    options = RunOptions(fetch=hs.hostile_fetch_settings(), extract_workers=0)
    run = await run_agencies([agency], hs.hostile_catalogue(cases), 2569, options)
    finding = run.agencies[0].findings[0]
    fetched = sum(n for path, n in site.stats.hits.items() if path.startswith("/page/many-"))
    assert fetched == 5
    assert finding.status is Status.REVIEW
    note = next(r for r in finding.reasons if r.code == "too_many_urls")
    assert "10000 URLs submitted" in note.message_en and "9995" in note.message_en
    assert len(finding.urls) == 6 and len(note.evidence) == 3


# ---------------------------------------------------------------- helpers for the other tests


def run_sync(coro: Any) -> Any:
    return asyncio.run(coro)


def _unused(_: httpx.Response) -> None:  # pragma: no cover - keeps httpx imported for type checkers
    pass


# ---------------------------------------------------------------- 9. exit codes


def _manifest(tmp_path: Path, site: hs.HostileServer, name: str = "อบต.ทดสอบ", extra: str = "") -> Path:
    path = tmp_path / "agency.toml"
    path.write_text(f'''[agency]
name = "{name}"
fiscal_year = 2569
allow_private = true
{extra}
[items]
O1 = ["{site.url('/page/exit-codes')}"]
''', encoding="utf-8")
    return path


RULES = ROOT / "fixtures" / "rules" / "audit-test.toml"


def test_an_unexpected_exception_is_one_line_and_exit_4(tmp_path: Path, site: hs.HostileServer,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str], english: None) -> None:
    from oit_checker.cli import check as check_mod

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("a bug in the checker")

    monkeypatch.setattr(check_mod, "run_agencies", broken)
    argv = ["check", str(_manifest(tmp_path, site)), "--rules", str(RULES), "--extract-workers", "0"]
    assert main(argv) == 4
    err = capsys.readouterr().err
    assert "internal error: ValueError: a bug in the checker" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) <= 3
    assert main(["--debug", *argv]) == 4
    assert "Traceback (most recent call last)" in capsys.readouterr().err


@pytest.mark.usefixtures("english")  # pins the English wording; Thai is the default
@pytest.mark.parametrize("command", ["check", "audit"])
def test_output_paths_are_checked_before_anything_is_fetched(tmp_path: Path, site: hs.HostileServer,
                                                             command: str, capsys: pytest.CaptureFixture[str],
                                                             english: None) -> None:
    before = site.stats.hits["/page/exit-codes"]
    manifest = str(_manifest(tmp_path, site))
    if command == "check":
        argv = ["check", manifest, "--output", str(tmp_path / "missing" / "gaps.json"), "--format", "json"]
    else:
        argv = ["audit", manifest, "--db", str(tmp_path / "h.sqlite3"), "--no-cache",
                "--report", f"html:{tmp_path / 'missing' / 'index.html'}"]
    assert main([*argv, "--rules", str(RULES), "--extract-workers", "0"]) == 2
    err = capsys.readouterr().err.replace("\n", "")
    assert str(tmp_path / "missing") in err and "does not exist" in err
    assert site.stats.hits["/page/exit-codes"] == before
    assert not (tmp_path / "h.sqlite3").exists()


def test_a_deeply_nested_toml_is_a_configuration_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       english: None) -> None:
    path = tmp_path / "nested.toml"
    path.write_text("[agency]\nname = \"x\"\nnotes = " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    assert main(["check", str(path), "--rules", str(RULES)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err.replace("\n", "") and "nested too deeply" in err
    rules = tmp_path / "rules.toml"
    rules.write_text("x = " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    assert main(["rules", "check", str(rules)]) == 2
    assert "nested too deeply" in capsys.readouterr().err


def test_a_corrupted_history_database_is_exit_2_naming_the_file(tmp_path: Path, site: hs.HostileServer,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "history.sqlite3"
    argv = ["audit", str(_manifest(tmp_path, site)), "--rules", str(RULES), "--db", str(db), "--no-cache",
            "--extract-workers", "0", "--quiet"]
    assert main(argv) in (0, 1)
    import sqlite3
    with sqlite3.connect(db) as conn:  # fold the WAL in, so the damage below is in the file read
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    assert len(data) > 2 * page
    data[page:] = b"\xde\xad\xbe\xef" * ((len(data) - page) // 4)  # every page but the header's
    db.write_bytes(bytes(data))
    capsys.readouterr()
    for command in (["history", "list", "--db", str(db)], argv):
        assert main(command) == 2, command
        err = capsys.readouterr().err.replace("\n", "")
        assert str(db) in err and "Traceback" not in err, err


# ---------------------------------------------------------------- 8. total extraction memory


def _rlimit_as(body: bytes, url: str, content_type: str, charset: str | None) -> Any:
    import resource

    from oit_checker.model import DocKind, Document
    return Document(url=url, kind=DocKind.OTHER, title=str(resource.getrlimit(resource.RLIMIT_AS)[0]))


async def test_extraction_memory_is_capped_in_total_across_workers() -> None:
    from oit_checker.extract.pool import ExtractPool, fit_memory

    gb = 1024 ** 3
    assert fit_memory(8, int(1.5 * gb), 12 * gb) == (7, int(1.5 * gb))
    assert fit_memory(8, int(1.5 * gb), 3 * gb) == (1, int(1.5 * gb))
    for workers, per, total in ((8, int(1.5 * gb), 4 * gb), (2, 2 * gb, 3 * gb), (16, gb, 6 * gb)):
        w, p = fit_memory(workers, per, total)
        assert w >= 1 and (w + 1) * p <= total, (workers, per, total, w, p)
    with ExtractPool(workers=4, memory_limit=gb, total_memory=2 * gb, extract_fn=_rlimit_as) as pool:
        assert pool.workers == 1 and pool.memory_limit == gb
        doc = await pool.extract(b"x", "http://www.a.go.th/x", "application/octet-stream")
    assert int(doc.title) == gb  # the limit the worker really runs under


# ---------------------------------------------------------------- 10. no orphans after kill -9


def test_kill_9_of_an_audit_leaves_no_extraction_worker_or_resource_tracker(tmp_path: Path,
                                                                             site: hs.HostileServer) -> None:
    import contextlib
    import os
    import signal
    import subprocess
    import sys
    import time

    import psutil

    manifest = tmp_path / "agency.toml"
    manifest.write_text(f'''[agency]
name = "อบต.ทดสอบ"
fiscal_year = 2569
allow_private = true
[items]
O1 = ["{site.url('/page/orphans')}"]
O2 = ["{site.url('/drip?seconds=25&every=0.5')}"]
''', encoding="utf-8")
    cmd = [sys.executable, "-m", "oit_checker", "audit", str(manifest), "--rules", str(RULES), "--quiet",
           "--db", str(tmp_path / "h.sqlite3"), "--no-cache", "--extract-workers", "2"]
    log = (tmp_path / "stderr.txt").open("w")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log,
                            cwd=ROOT)
    try:
        parent = psutil.Process(proc.pid)
        children: list[psutil.Process] = []
        for _ in range(300):  # until the pool's workers (and the resource tracker) have started
            children = parent.children(recursive=True)
            if len(children) >= 2:
                break
            time.sleep(0.1)
        assert len(children) >= 2, (children, proc.poll(), (tmp_path / "stderr.txt").read_text())
        assert any("resource_tracker" in " ".join(c.cmdline()) for c in children)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        _gone, alive = psutil.wait_procs(children, timeout=20)
        assert not alive, [(c.pid, c.cmdline()) for c in alive]
    finally:
        if proc.poll() is None:
            proc.kill()
        for child in psutil.Process().children(recursive=True):
            with contextlib.suppress(psutil.NoSuchProcess, psutil.ZombieProcess):  # ended while listed
                if child.pid != os.getpid() and "oit_checker" in " ".join(child.cmdline()):
                    child.kill()


# ---------------------------------------------------------------- 2. bounded evaluation


def test_rules_with_nested_quantifiers_are_rejected_naming_file_item_and_field(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], english: None) -> None:
    text = RULES.read_text(encoding="utf-8").replace('phrases = ["ที่อยู่"]',
                                                     'phrases = ["ที่อยู่"]\npatterns = ["(ก+)+$"]', 1)
    bad = tmp_path / "redos.toml"
    bad.write_text(text, encoding="utf-8")
    assert main(["rules", "check", str(bad)]) == 2
    err = capsys.readouterr().err.replace("\n", " ")
    assert str(bad) in err and "item O1" in err and "components[address].patterns[0]" in err
    assert "(ก+)+" in err
    override = tmp_path / "fix.toml"
    override.write_text('[[items]]\nid = "O1"\n[[items.components]]\nid = "phone"\n'
                        'add_patterns = ["(\\\\s*\\\\d+)*x"]\n', encoding="utf-8")
    assert main(["rules", "check", str(RULES), "--override", str(override)]) == 2
    err = capsys.readouterr().err.replace("\n", " ")
    assert str(override) in err and "item O1" in err and "components[phone].add_patterns[0]" in err


def _two_items_catalogue(pattern: str | None = None) -> Any:
    import re

    from oit_checker.model import Catalogue, Component, Confidence, EvidenceRule, FiscalYearRule, Item
    comp = Component(id="plan", label_th="แผน", label_en="plan", phrases=() if pattern else (hs.PLAN,),
                     patterns=(re.compile(pattern),) if pattern else (), confidence=Confidence.CONFIRMED)
    item = Item(id="H01", name_th="ทดสอบ", name_en="test", indicator=9, sub_indicator="9.1", components=(comp,),
                fiscal_year_rule=FiscalYearRule.NONE, confidence=Confidence.CONFIRMED,
                evidence=EvidenceRule(min_chars=50))
    return Catalogue(criteria_year=2568, version="t", source="test", items=(item,))


def test_a_backtracking_rule_is_cut_at_the_agency_budget_and_the_other_agency_goes_on(
        site: hs.HostileServer) -> None:
    """A pattern that the lint would reject, put in a catalogue in code: evaluation runs on a worker and is
    cut at the budget; the agency says so (error, incomplete); the innocent agency passes, complete."""
    catalogue = _two_items_catalogue(r"(ก+)+$")
    redos = Agency(name="redos", home=None, items={"H01": (site.url("/redos"),)}, slug="redos")
    innocent = Agency(name="innocent", home=None, items={"H01": (site.url("/page/innocent"),)}, slug="innocent")
    options = RunOptions(fetch=hs.hostile_fetch_settings(), extract_workers=1, agency_budget_s=3.0,
                         evaluation_min_s=2.0)
    run = asyncio.run(run_agencies([redos, innocent], catalogue, 2569, options))
    by = {a.agency.slug: a for a in run.agencies}
    assert by["redos"].complete is False
    finding = by["redos"].findings[0]
    assert finding.status is Status.ERROR and finding.reasons[0].code == "evaluation_timeout"
    assert "while evaluating" in finding.reasons[0].message_en
    assert by["innocent"].complete and by["innocent"].findings[0].status is not Status.ERROR


def test_an_agency_alone_evaluated_in_parts_is_cut_whole_when_one_part_backtracks(site: hs.HostileServer) -> None:
    """One agency alone is evaluated in one part per worker: the part holding the backtracking rule is cut at
    the bound, the other part is not waited for, and every item of the agency is `evaluation_timeout` (an
    agency is never reported half-judged)."""
    import dataclasses

    base = _two_items_catalogue(r"(ก+)+$")
    [slow] = base.items
    fine = _two_items_catalogue().items[0]
    catalogue = dataclasses.replace(base, items=(dataclasses.replace(fine, id="H02"), slow))
    agency = Agency(name="redos", home=None, slug="redos",
                    items={"H01": (site.url("/redos"),), "H02": (site.url("/page/innocent"),)})
    options = RunOptions(fetch=hs.hostile_fetch_settings(), extract_workers=2, agency_budget_s=3.0,
                         evaluation_min_s=2.0)
    assert options.for_agencies(1).evaluation_parts == 2
    run = asyncio.run(run_agencies([agency], catalogue, 2569, options))
    [result] = run.agencies
    assert result.complete is False
    assert [f.item for f in result.findings] == ["H02", "H01"]
    assert all(f.status is Status.ERROR and f.reasons[0].code == "evaluation_timeout" for f in result.findings)


def test_a_huge_thai_page_is_read_to_the_cap_and_does_not_starve_another_agency(site: hs.HostileServer) -> None:
    """A 12 MB Thai page (≈ 4 M characters of text, 20,000 links) and a small agency in one run."""
    big = Agency(name="big", home=None, items={"H01": (site.url("/big-thai?mb=12"),)}, slug="big")
    small = Agency(name="small", home=None, items={"H01": (site.url("/page/small-agency"),)}, slug="small")
    options = RunOptions(fetch=hs.hostile_fetch_settings(document_timeout_s=30.0), extract_workers=2,
                         extract_timeout_s=120.0)
    run = asyncio.run(run_agencies([big, small], _two_items_catalogue(), 2569, options))
    by = {a.agency.slug: a for a in run.agencies}
    assert by["small"].complete and by["small"].findings[0].status is Status.PASS
    finding = by["big"].findings[0]
    truncated = [r for r in finding.reasons if r.code == "text_truncated"]
    assert truncated and finding.status is Status.REVIEW
    assert "the first 2.0 M read" in truncated[0].message_en and "links, the first 5,000 kept" in \
        truncated[0].message_en


# ---------------------------------------------------------------- 3–5, 7. hostile strings end to end


def test_hostile_manifest_and_wordpress_fields_reach_no_output_raw(tmp_path: Path, site: hs.HostileServer,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """A manifest whose name and slug carry terminal escapes, a URL with credentials, and a WordPress site
    whose REST `title` and `modified` carry the hostile string: every report format, the terminal table,
    and the history stay clean."""
    import re
    import sqlite3
    import xml.etree.ElementTree as ET

    from oit_checker.config.toml import toml_string

    name = hs.HOSTILE_STRING
    manifest = tmp_path / "agency.toml"
    secret_url = f"http://webmaster:hunter2@127.0.0.1:{site.port}/hostile-text"
    manifest.write_text(f'''[agency]
name = {toml_string(name)}
slug = "slug\\u0001x"
fiscal_year = 2569
allow_private = true
[items]
O1 = ["{secret_url}"]
''', encoding="utf-8")
    out = {fmt: tmp_path / f"report.{fmt}" for fmt in ("json", "md", "html", "junit")}
    db = tmp_path / "h.sqlite3"
    argv = ["audit", str(manifest), "--rules", str(RULES), "--db", str(db), "--no-cache", "--extract-workers", "0",
            "--format", "table", *(x for fmt, path in out.items() for x in ("--report", f"{fmt}:{path}"))]
    assert main(argv) in (0, 1)
    terminal = capsys.readouterr()
    texts = {fmt: path.read_text(encoding="utf-8") for fmt, path in out.items()}
    texts["terminal"] = terminal.out + terminal.err
    assert site.stats.seen[-1][3] or any(auth for _, path, _, auth in site.stats.seen if path == "/hostile-text")
    controls = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
    for fmt, text in texts.items():
        assert not controls.search(text.replace("\n", "").replace("\t", "")), fmt
        assert "hunter2" not in text and "webmaster" not in text, fmt
    assert "<img" not in texts["md"] and "<script" not in texts["md"]
    assert "<img" not in texts["html"] and "<script>" not in texts["html"]
    ET.fromstring(texts["junit"].encode("utf-8"))
    report = json.loads(texts["json"])
    assert report["agencies"][0]["name"].startswith("]52;c;")
    wp = [r for f in report["agencies"][0]["findings"] for r in f["reasons"] if r["code"] == "wordpress_record"]
    assert wp and "]52;c;aGFja2Vk" in wp[0]["message_en"] + json.dumps(wp[0]["evidence"])  # read, shown inert
    with sqlite3.connect(db) as conn:
        dump = "\n".join(conn.iterdump())
    assert "hunter2" not in dump and "\x1b" not in dump


def test_the_fix_kit_of_a_hostile_agency_carries_no_control_secret_markup_or_formula(
        tmp_path: Path, site: hs.HostileServer, capsys: pytest.CaptureFixture[str]) -> None:
    """The hostile manifest of the test above, checked through `fix`: its name reaches the checklists (Markdown,
    HTML) and the templates (DOCX, XLSX), its credentials URL the checklists — all inert."""
    import io
    import re
    import zipfile

    import openpyxl

    from oit_checker.config.toml import toml_string

    override = tmp_path / "templates.toml"
    override.write_text('''[[items]]
id = "O1"
[items.template]
kind = "workbook"
sheet = "ITA-o1"
[[items.template.fields]]
label = "ชื่อหน่วยงาน"
value = "{agency}"
[[items.template.columns]]
header = "ที่อยู่"
example = "99 หมู่ที่ 1"

[[items]]
id = "O2"
[items.template]
kind = "announcement"
signed = true
[[items.template.sections]]
heading = "ข่าวประจำเดือน"
hint = "ข่าวของเดือนนี้"
sample = "ข่าวประจำเดือนของ{agency}"
''', encoding="utf-8")
    manifest = tmp_path / "agency.toml"
    secret_url = f"http://webmaster:hunter2@127.0.0.1:{site.port}/hostile-text"
    manifest.write_text(f'''[agency]
name = {toml_string("=HYPERLINK(1)" + hs.HOSTILE_STRING)}
fiscal_year = 2569
allow_private = true
[items]
O1 = ["{secret_url}"]
O2 = ["{secret_url}"]
''', encoding="utf-8")
    kit = tmp_path / "kit"
    assert main(["fix", str(manifest), "--rules", str(RULES), "--override", str(override), "--output", str(kit),
                 "--extract-workers", "0", "--items", "O1,O2"]) == 0
    capsys.readouterr()
    names = {p.name for p in kit.iterdir()}
    assert names == {"checklist.md", "checklist.html", "O1-ITA-o1-2569.xlsx", "O2-2569.docx"}
    controls = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
    texts = {n: (kit / n).read_text(encoding="utf-8") for n in ("checklist.md", "checklist.html")}
    with zipfile.ZipFile(kit / "O2-2569.docx") as z:
        texts["docx"] = z.read("word/document.xml").decode("utf-8")
    wb = openpyxl.load_workbook(io.BytesIO((kit / "O1-ITA-o1-2569.xlsx").read_bytes()))
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    texts["xlsx"] = "\n".join(str(c.value) for c in cells)
    assert all(c.data_type != "f" for c in cells)  # "=HYPERLINK(1)…" stays text
    for kind, text in texts.items():
        assert not controls.search(text.replace("\n", "").replace("\t", "")), kind
        assert "hunter2" not in text and "webmaster" not in text, kind
        assert "]52;c;aGFja2Vk" in text, kind  # the agency's name is there, inert
    md = texts["checklist.md"]
    assert "<img" not in md and "<script" not in md and "[click](" not in md  # the link is escaped: \\[click\\]
    assert "<img" not in texts["checklist.html"] and "<script>" not in texts["checklist.html"]
