"""The command line's contract: exit codes and messages that name the file and the problem."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from oit_checker.cli.main import main
from tests.support.paths import ROOT

MANIFEST = """
[agency]
name = "อบต.ทดสอบ"
fiscal_year = 2568

[items]
{items}
"""


def manifest(tmp_path: Path, items: str = "O6 = []") -> Path:
    p = tmp_path / "agency.toml"
    p.write_text(MANIFEST.format(items=items), encoding="utf-8")
    return p


def _children_left(before: set[int]) -> list[object]:
    """This process's children started since `before` and still running; multiprocessing's resource tracker,
    started with the first worker, serves the test process to its end and is not counted."""
    import psutil

    left = []
    for p in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.NoSuchProcess, psutil.ZombieProcess):  # ended while listed: not left
            if p.pid not in before and p.status() != psutil.STATUS_ZOMBIE and \
                    "resource_tracker" not in " ".join(p.cmdline()):
                left.append(p)
    return left


def test_unknown_item_in_manifest_is_a_configuration_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = manifest(tmp_path, "O99 = []")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "O99" in err


def test_a_rule_file_error_after_the_workers_started_leaves_no_process_behind(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """`check` starts its extraction workers before it reads the catalogue; a bad rule file then still ends
    the command with the file's message, and the workers are gone when it returns."""
    import psutil

    from oit_checker.extract.pool import ExtractPool

    started: list[int] = []
    real_start = ExtractPool.start

    def start(pool: ExtractPool) -> None:
        real_start(pool)
        started.append(len(psutil.Process().children()))

    monkeypatch.setattr(ExtractPool, "start", start)
    rules = tmp_path / "my-rules.toml"
    rules.write_text("[catalogue\n", encoding="utf-8")
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    assert main(["check", str(manifest(tmp_path)), "--rules", str(rules), "--extract-workers", "2"]) == 2
    assert started and started[0] >= 2  # the workers were running when the rule file was read
    assert "my-rules.toml" in capsys.readouterr().err
    assert _children_left(before) == []


def test_bad_rule_file_names_file_item_and_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = tmp_path / "my-rules.toml"
    text = (ROOT / "rules" / "ita2568.toml").read_text(encoding="utf-8")
    rules.write_text(text.replace('fiscal_year = "current"', 'fiscal_year = "currnt"', 1), encoding="utf-8")
    # Thai by default (the rule file's own tokens — field names, the bad value — stay as written) …
    assert main(["check", str(manifest(tmp_path)), "--rules", str(rules)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "my-rules.toml" in err and "ฟิลด์ fiscal_year" in err and "ข้อ O" in err
    assert "'currnt' ไม่ใช่หนึ่งใน none, current" in err and "(หมายถึง 'current' หรือไม่)" in err
    assert main(["rules", "check", str(rules)]) == 2
    assert "ฟิลด์ fiscal_year: 'currnt' ไม่ใช่หนึ่งใน" in " ".join(capsys.readouterr().err.split())
    # … English with --lang en.
    assert main(["check", str(manifest(tmp_path)), "--rules", str(rules), "--lang", "en"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "my-rules.toml" in err and "field fiscal_year" in err and "'currnt'" in err and "item O" in err
    assert "'currnt' is not one of none, current" in err and "(did you mean 'current'?)" in err
    assert main(["rules", "check", str(rules), "--lang", "en"]) == 2
    assert "field fiscal_year: 'currnt' is not one of" in " ".join(capsys.readouterr().err.split())


def test_unknown_items_filter_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(manifest(tmp_path)), "--items", "O6,O77"]) == 2
    assert "O77" in capsys.readouterr().err


def test_not_submitted_items_fail_without_network(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Every listed item is empty, so nothing is fetched: all not_submitted, exit 1, valid JSON out.
    import json

    out = tmp_path / "r.json"
    code = main(["check", str(manifest(tmp_path, "O6 = []\nO7 = []")), "--items", "O6,O7", "--format", "json",
                 "--output", str(out)])
    assert code == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["criteria"]["year"] == 2568  # the manifest's fiscal year picks the catalogue
    assert [(f["item"], f["status"], f["reasons"][0]["code"]) for f in data["agencies"][0]["findings"]] == [
        ("O6", "fail", "not_submitted"), ("O7", "fail", "not_submitted")]


def test_rules_list_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "show", "O24", "--criteria", "2568", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "O24" in out and "current" in out.lower()
    assert main(["rules", "list", "--criteria", "2569"]) == 0
    assert "O26" in capsys.readouterr().out
    assert main(["rules", "check", str(ROOT / "rules" / "ita2569.toml")]) == 0


def test_explain_a_reason_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "stale_fiscal_year"]) == 0
    assert "ปีงบประมาณ" in capsys.readouterr().out
    assert main(["explain", "no_such_code"]) == 2


def test_projection_method_file_changes_the_arithmetic(tmp_path: Path) -> None:
    import json

    method = tmp_path / "method.toml"
    method.write_text("review_pessimistic = 50\n[weights]\nO6 = 2\n", encoding="utf-8")
    out = tmp_path / "r.json"
    assert main(["check", str(manifest(tmp_path, "O6 = []\nO7 = []")), "--items", "O6,O7", "--format", "json",
                 "--output", str(out), "--projection", str(method)]) == 1
    summary = json.loads(out.read_text(encoding="utf-8"))["agencies"][0]["summary"]["9"]
    assert summary["projection"]["arithmetic"] == "(2×0 + 0) / 3 = 0.00"
    bad = tmp_path / "bad.toml"
    bad.write_text("pass_point = 100\n", encoding="utf-8")
    assert main(["check", str(manifest(tmp_path)), "--projection", str(bad)]) == 2


def test_a_fiscal_year_without_its_catalogue_says_which_criteria_it_used(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.toml"
    path.write_text('[agency]\nname = "อบต.ทดสอบ"\n[items]\nO6 = []\n', encoding="utf-8")
    assert main(["check", str(path), "--fiscal-year", "2575", "--items", "O6", "--format", "json"]) == 1
    captured = capsys.readouterr()
    first = captured.err.splitlines()[0]
    assert "ปีงบประมาณ 2575" in first and "ITA 2569" in first and "--fiscal-year" in first
    assert "ไม่มีเกณฑ์ ITA 2575" in first
    assert '"fiscal_year": 2575' in captured.out
    assert main(["check", str(path), "--fiscal-year", "2575", "--items", "O6", "--format", "json", "--lang", "en"]) == 1
    first = capsys.readouterr().err.splitlines()[0]
    assert "fiscal year 2575" in first and "ITA 2569" in first and "no ITA 2575 catalogue" in first


def test_the_readme_lists_every_reason_code() -> None:
    from oit_checker.catalogue.reasons import specs

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [code for code in specs() if f"`{code}`" not in readme] == []


@pytest.mark.parametrize(("extra", "cached", "early"), [
    ((), False, True),  # a first night: no extraction cache yet
    (("--no-cache",), True, True),  # nothing is read from a cache
    ((), True, False),  # a repeat night: most documents come from the cache, maybe none is extracted
    (("--lanes", "2"), False, False),  # the pool gets fewer workers: not started ahead
    (("--executor", "dask"), False, False),  # the workers are Dask's
])
def test_an_audit_starts_its_workers_before_reading_its_rules_only_when_it_will_extract_everything(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        extra: tuple[str, ...], cached: bool, early: bool) -> None:
    """A rule file error comes after the early start: the command still ends with the file's message, and no
    worker outlives it."""
    import psutil

    from oit_checker.engine import session
    from oit_checker.extract import pool as pool_module
    from oit_checker.extract.cache import EXTRACT_CACHE_FILE

    started: list[int] = []
    real_start_early = pool_module.start_early

    def start_early(*args: object, **kwargs: object) -> None:
        real_start_early(*args, **kwargs)  # type: ignore[arg-type]
        started.append(len(pool_module._standby))

    monkeypatch.setattr(session, "start_early", start_early)
    cache = tmp_path / "cache"
    if cached:
        cache.mkdir()
        (cache / EXTRACT_CACHE_FILE).touch()
    rules = tmp_path / "my-rules.toml"
    rules.write_text("[catalogue\n", encoding="utf-8")
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    assert main(["audit", str(manifest(tmp_path)), "--rules", str(rules), "--db", str(tmp_path / "h.sqlite3"),
                 "--cache-dir", str(cache), *extra]) == 2
    assert "my-rules.toml" in capsys.readouterr().err
    assert (started != []) is early and (not early or started[0] >= 1)
    assert pool_module._standby == []
    assert _children_left(before) == []
