"""What a person meets first: the year a check chose and why, Thai help and errors, `explain` and `rules`
in both languages, consistent option names, `--format html` for check and demo, audit's short summary."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from oit_checker.cli.main import build_parser, main
from oit_checker.text import clock, i18n

NO_YEAR = '[agency]\nname = "อบต.ทดสอบ"\n[items]\nO6 = []\n'


@pytest.fixture
def december_2569(monkeypatch: pytest.MonkeyPatch) -> None:
    """3 Dec 2026 CE = 3 Dec 2569 BE: fiscal year 2570, whose criteria (none yet) fall back to ITA 2569."""
    monkeypatch.setattr(clock, "today", lambda: date(2026, 12, 3))


def test_year_from_today_is_said_in_the_first_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    december_2569: None) -> None:
    path = tmp_path / "a.toml"
    path.write_text(NO_YEAR, encoding="utf-8")
    assert main(["check", str(path), "--items", "O6"]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("ตรวจปีงบประมาณ 2570 ด้วยเกณฑ์ ITA 2569")
    assert "fiscal_year" in first and "2026-12-03" in first and "--fiscal-year" in first
    assert main(["check", str(path), "--items", "O6", "--lang", "en"]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("Checking fiscal year 2570 against the ITA 2569 criteria")
    assert "no fiscal_year" in first and "today's" in first


def test_year_from_the_manifest_names_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.toml"
    path.write_text(NO_YEAR.replace("[items]", "fiscal_year = 2568\n[items]"), encoding="utf-8")
    assert main(["check", str(path), "--items", "O6", "--format", "md", "--lang", "en"]) == 1
    first = capsys.readouterr().err.splitlines()[0]
    assert "fiscal year 2568 against the ITA 2568 criteria" in first and str(path) in first


def test_audit_says_which_year_and_criteria_it_checks_and_why(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            december_2569: None) -> None:
    path = tmp_path / "a.toml"
    path.write_text(NO_YEAR, encoding="utf-8")
    audit = ["audit", str(path), "--items", "O6", "--db", str(tmp_path / "h.sqlite3"), "--no-cache"]
    assert main([*audit, "--lang", "en"]) == 1
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith("Checking fiscal year 2570 against the ITA 2569 criteria")
    assert "no fiscal_year" in first and "today's" in first
    assert main([*audit, "--quiet"]) == 1
    assert capsys.readouterr().err == ""  # --quiet: not even that


def test_rules_show_says_which_criteria_and_what_the_code_means_elsewhere(
        capsys: pytest.CaptureFixture[str], december_2569: None) -> None:
    assert main(["rules", "show", "O24"]) == 0
    out = capsys.readouterr().out
    assert "เกณฑ์ ITA 2569" in out and "ปีงบประมาณปัจจุบัน 2570" in out and "--criteria" in out
    assert "รหัสเดียวกันในเกณฑ์ ITA 2568: O24" in " ".join(out.split())
    assert main(["rules", "show", "O24", "--criteria", "2568", "--lang", "en"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "ITA 2568" in out and "The same code in the ITA 2569 criteria: O24" in out


def test_rules_list_in_thai_by_default_and_english_on_request(capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["rules", "list", "--criteria", "2568"]) == 0
    out = capsys.readouterr().out
    assert "ข้อ" in out and "ปีงบประมาณของข้อมูล" in out and "ความเชื่อมั่น" in out
    assert "ปีงบประมาณปัจจุบัน" in out  # the fiscal-year rule in words, not "current"
    assert not re.search(r"\bcurrent\b|\bconfidence\b", out)
    monkeypatch.setenv("OIT_CHECKER_LANG", "en")
    assert main(["rules", "list", "--criteria", "2568"]) == 0
    out = capsys.readouterr().out
    assert "Item" in out and "Fiscal year" in out and "Must be for the current fiscal year" in " ".join(out.split())


def test_explain_has_no_raw_placeholders_and_speaks_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "stale_fiscal_year"]) == 0
    out = capsys.readouterr().out
    assert "{" not in out and "แนวทางแก้ไข" in out and "How to fix" not in out
    assert "ปีงบประมาณ" in out
    assert main(["explain", "stale_fiscal_year", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "{" not in out and "How to fix" in out and "fiscal year" in out.lower()
    from oit_checker.catalogue.reasons import specs

    for code in specs():  # every reason code explains without a raw {placeholder}
        for lang in ("th", "en"):
            assert main(["explain", code, "--lang", lang]) == 0
            assert not re.search(r"\{\w*\}", capsys.readouterr().out), (code, lang)
    assert main(["explain"]) == 0  # no code: the list of codes
    assert "stale_fiscal_year" in capsys.readouterr().out


def test_help_and_usage_errors_are_thai_first(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("วิธีใช้: oit-checker check") and "ตัวเลือก" in out and "แสดงวิธีใช้นี้แล้วจบ" in out
    assert "ปีงบประมาณ พ.ศ. ที่จะตรวจ" in out
    with pytest.raises(SystemExit) as exc:
        main(["check", "x.toml", "--format", "pdf"])
    assert exc.value.code == 2
    assert "ใช้ค่า 'pdf' ไม่ได้" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["check", "--help", "--lang", "en"])
    out = capsys.readouterr().out
    assert out.startswith("usage: oit-checker check") and "Buddhist-Era fiscal year" in out


def test_configuration_errors_are_thai_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "missing.toml")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ข้อผิดพลาด:") and "ไม่พบไฟล์" in err and "missing.toml" in err
    assert main(["check", str(tmp_path / "missing.toml"), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and "file not found" in err


def test_suppression_file_errors_are_thai_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = tmp_path / "agency.toml"
    manifest.write_text(NO_YEAR.replace("[items]", "fiscal_year = 2568\n[items]"), encoding="utf-8")
    accepted = tmp_path / "accepted.toml"
    for entry, thai, english in [
        ('item = "O1"\ncode = "x"\nexpires = 2026-01-01', "ต้องมี 'reason' (เหตุผลที่ยอมรับ", "'reason' is required"),
        ('item = "O1"\ncode = "x"\nreason = "r"', "ต้องมี 'expires'", "'expires' is required"),
        ('item = "O1"\ncode = "x"\nreason = "r"\nexpires = "soon"', "ต้องเป็นวันที่ เช่น 2026-12-31 แต่ได้ 'soon'",
         "must be a date such as 2026-12-31, got 'soon'"),
    ]:
        accepted.write_text(f'[[suppress]]\nagency = "a"\n{entry}\n', encoding="utf-8")
        for lang, words in (("th", thai), ("en", english)):
            assert main(["audit", str(manifest), "--db", str(tmp_path / "h.sqlite3"), "--suppress", str(accepted),
                         "--lang", lang]) == 2
            err = " ".join(capsys.readouterr().err.split())
            assert "accepted.toml: [[suppress]] #1: " in err and words in err, err
            assert (lang == "en") is err.startswith("error:")


def test_an_item_of_another_years_criteria_names_the_year_and_the_way_out(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The demo's manifest lists O27, an item of the 2568 criteria; the 2569 criteria stop at O26.
    demo = str(Path(__file__).parents[3] / "fixtures" / "demo" / "agency.toml")
    assert main(["check", demo, "--fiscal-year", "2569", "--lang", "en"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "item 'O27' is not in the ITA 2569 criteria" in err and "oit-checker manifest migrate" in err
    assert main(["check", demo, "--fiscal-year", "2569"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "ไม่มีข้อ 'O27' ในเกณฑ์ ITA 2569" in err and "--criteria" in err


def test_language_from_environment() -> None:
    assert i18n.lang_from_env({}) == "th"
    assert i18n.lang_from_env({"LANG": "en_US.UTF-8"}) == "en"
    assert i18n.lang_from_env({"LANG": "C.UTF-8"}) == "th"
    assert i18n.lang_from_env({"LANG": "en_US.UTF-8", "OIT_CHECKER_LANG": "th"}) == "th"
    assert i18n.lang_from_env({"LC_ALL": "th_TH.UTF-8", "LANG": "en_US.UTF-8"}) == "th"
    assert i18n.lang_from_argv(["check", "--lang", "en"], {}) == "en"
    assert i18n.lang_from_argv(["check", "--lang=en"], {"OIT_CHECKER_LANG": "th"}) == "en"


def test_host_delay_is_one_name_everywhere_and_delay_still_works() -> None:
    parser = build_parser()
    for command in (["check", "a.toml"], ["demo"], ["audit", "a.toml"], ["discover", "https://x.go.th/"]):
        assert parser.parse_args([*command, "--host-delay", "1.5"]).host_delay == 1.5
    assert parser.parse_args(["discover", "https://x.go.th/", "--delay", "0"]).host_delay == 0.0
    assert parser.parse_args(["discover", "https://x.go.th/"]).host_delay == 0.2  # discover's own default
    with pytest.raises(SystemExit):
        parser.parse_args(["discover", "--help"])


def test_check_and_demo_write_html(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main(["demo", "--format", "html", "--output", str(out), "--extract-workers", "0"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.lower().startswith("<!doctype html>") and 'lang="th"' in page and "O24" in page
    manifest = tmp_path / "a.toml"
    manifest.write_text(NO_YEAR.replace("[items]", "fiscal_year = 2568\n[items]"), encoding="utf-8")
    assert main(["check", str(manifest), "--items", "O6", "--format", "html", "--output", str(out),
                 "--lang", "en"]) == 1
    assert 'lang="en"' in out.read_text(encoding="utf-8")


# ---------------------------------------------------------------- the options of issues 15 and 16, Thai first


NEW_OPTIONS = ("--allow-private", "--render", "--browser", "--render-timeout")


@pytest.mark.parametrize("command", [["check"], ["demo"], ["audit"], ["discover"]])
def test_security_and_render_options_are_explained_in_both_languages(command: list[str],
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    helps = {key: i18n.catalogue()[f"help.{key}"] for key in ("allow_private", "render", "render_timeout")}
    for lang in ("th", "en"):
        with pytest.raises(SystemExit):
            main([*command, "--help", "--lang", lang])
        out = capsys.readouterr().out
        for option in NEW_OPTIONS:
            assert option in out, (command, lang, option)
        bare = "".join(out.split())  # argparse breaks lines at spaces and after hyphens
        for key, entry in helps.items():
            assert "".join(entry[lang].replace("%(default)s", "15.0").split()) in bare, (command, lang, key)
        assert "/usr/bin/chromium" in out  # --browser names where it looks
    assert "ค่าเริ่มต้นจะไม่ดึง" in i18n.text("help.allow_private", "th")


def test_debug_and_exit_code_4_are_in_the_help_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--debug" in out and "แสดง traceback ทั้งหมด" in out and "4 ข้อผิดพลาดภายในโปรแกรม" in out
    with pytest.raises(SystemExit):
        main(["--help", "--lang", "en"])
    out = " ".join(capsys.readouterr().out.split())
    assert "print the full traceback" in out and "4 internal error" in out
    with pytest.raises(SystemExit):
        main(["audit", "--help"])
    assert "4 ข้อผิดพลาดภายในโปรแกรม" in " ".join(capsys.readouterr().out.split())


def test_an_internal_error_speaks_thai_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from oit_checker.cli import check as check_mod

    def broken(*args: object, **kwargs: object) -> object:
        raise ValueError("a bug in the checker")

    monkeypatch.setattr(check_mod, "run_agencies", broken)
    manifest = tmp_path / "a.toml"
    manifest.write_text(NO_YEAR.replace("[items]", "fiscal_year = 2568\n[items]"), encoding="utf-8")
    argv = ["check", str(manifest), "--items", "O6", "--extract-workers", "0"]
    assert main(argv) == 4
    err = " ".join(capsys.readouterr().err.split())
    assert err.startswith("ข้อผิดพลาดภายในโปรแกรม: ValueError: a bug in the checker")
    assert "--debug" in err and "Traceback" not in err
    assert main([*argv, "--lang", "en"]) == 4
    assert "internal error: ValueError" in capsys.readouterr().err


def test_render_and_private_address_errors_are_thai_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = tmp_path / "a.toml"
    manifest.write_text(NO_YEAR.replace("[items]", "fiscal_year = 2568\n[items]"), encoding="utf-8")
    assert main(["check", str(manifest), "--browser", "/usr/bin/chromium"]) == 2
    assert "--browser ใช้ได้เฉพาะกับ --render" in capsys.readouterr().err
    assert main(["check", str(manifest), "--render", "--render-timeout", "0"]) == 2
    assert "--render-timeout ต้องมากกว่า 0 วินาที" in capsys.readouterr().err
    assert main(["check", str(manifest), "--render", "--render-timeout", "0", "--lang", "en"]) == 2
    assert "--render-timeout must be > 0 seconds" in capsys.readouterr().err
    manifest.write_text(NO_YEAR.replace("[items]", "allow_private = \"yes\"\n[items]"), encoding="utf-8")
    assert main(["check", str(manifest)]) == 2
    assert "'allow_private' ต้องเป็น true หรือ false" in capsys.readouterr().err
    (tmp_path / "out").mkdir()
    assert main(["check", str(manifest), "--output", str(tmp_path / "out")]) == 2
    assert "เป็นโฟลเดอร์" in capsys.readouterr().err


def test_a_refused_address_reads_in_thai_without_an_english_quote(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    manifest = tmp_path / "a.toml"
    manifest.write_text('[agency]\nname = "อบต.ทดสอบ"\nfiscal_year = 2568\n[items]\nO1 = ["http://127.0.0.1:9/x"]\n',
                        encoding="utf-8")
    assert main(["check", str(manifest), "--items", "O1", "--no-cache"]) == 1
    out = capsys.readouterr().out
    assert "127.0.0.1 เป็นที่อยู่แบบ ภายในเครื่องนี้ (loopback) จึงไม่เปิด" in out
    assert "not fetched" not in out and "http://127.0.0.1:9/x" in out  # the URL stays, as the evidence


def test_new_reason_codes_explain_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    for code, thai in (("refused_private_address", "--allow-private"), ("too_many_urls", "‹จำนวน URL ที่ส่ง›"),
                       ("text_truncated", "ส่วนต้น"), ("script_rendered", "--render"),
                       ("rendered_empty", "--render"), ("rendered_page", "--render")):
        assert main(["explain", code]) == 0
        out = " ".join(capsys.readouterr().out.split())
        assert thai in out and "{" not in out, code
        assert main(["explain", code, "--lang", "en"]) == 0
        out = capsys.readouterr().out
        assert "{" not in out and not re.search("[\u0e00-\u0e7f]", out), code
