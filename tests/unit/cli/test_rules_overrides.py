"""Override files as a working group uses them: the criteria year they apply to, items they remove, `rules check`
on an override, `rules show` with one, and what the JSON report records of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oit_checker.catalogue.rules import load_catalogue
from oit_checker.cli.main import main
from tests.support.paths import ROOT

RULES = ROOT / "rules"
# The README's example (fixtures/rules/override_o24.toml) as it was: no criteria_year.
LOOSE = ('[[items]]\nid = "O24"\nfiscal_year = "previous"\n\n[[items.components]]\nid = "budget_spent"\n'
         'required = false\n')


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _manifest(tmp_path: Path, fiscal_year: int, items: str = "O6 = []") -> Path:
    text = f'[agency]\nname = "อบต.ทดสอบ"\nfiscal_year = {fiscal_year}\n\n[items]\n{items}\n'
    return _file(tmp_path, "agency.toml", text)


def _version(year: int, *overrides: Path) -> str:
    """The merged version as the catalogue makes it (the bundled version changes with the rules)."""
    return load_catalogue(RULES / f"ita{year}.toml", list(overrides)).version


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_an_override_without_criteria_year_is_warned_of_in_check(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    override = _file(tmp_path, "override_o24.toml", LOOSE)
    out = tmp_path / "r.json"
    args = ["check", str(_manifest(tmp_path, 2569)), "--override", str(override), "--items", "O6", "--format", "json",
            "--output", str(out)]
    assert main(args) == 1
    err = _one_line(capsys.readouterr().err)
    assert f"คำเตือน: ไฟล์ override {override} ไม่ได้ระบุ criteria_year จึงถูกใช้กับเกณฑ์ ITA 2569" in err
    assert main([*args, "--lang", "en"]) == 1
    err = _one_line(capsys.readouterr().err)
    assert f"warning: override {override} names no criteria_year, so it was applied to the ITA 2569 criteria" in err
    # The JSON report names the override beside the catalogue (criteria.source names only the catalogue).
    criteria = json.loads(out.read_text(encoding="utf-8"))["criteria"]
    assert criteria["overrides"] == [str(override)] and criteria["source"].endswith("ita2569.toml")
    assert criteria["version"] == _version(2569, override) and criteria["version"].endswith("+override_o24")
    # Naming its year, the override is applied without a word; a run without one lists none.
    pinned = _file(tmp_path, "pinned.toml", "[catalogue]\ncriteria_year = 2569\n\n" + LOOSE)
    assert main([*args[:3], str(pinned), *args[4:]]) == 1
    assert "criteria_year" not in capsys.readouterr().err
    assert main(["check", str(_manifest(tmp_path, 2569)), "--items", "O6", "--format", "json", "--output",
                 str(out)]) == 1
    assert json.loads(out.read_text(encoding="utf-8"))["criteria"]["overrides"] == []


def test_the_warning_in_audit_and_rules_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    override = _file(tmp_path, "override_o24.toml", LOOSE)
    assert main(["audit", str(_manifest(tmp_path, 2568)), "--override", str(override), "--items", "O6", "--db",
                 str(tmp_path / "h.sqlite3"), "--no-cache", "--lang", "en", "--quiet"]) == 1
    err = _one_line(capsys.readouterr().err)
    assert f"warning: override {override} names no criteria_year, so it was applied to the ITA 2568 criteria" in err
    assert main(["rules", "show", "O24", "--criteria", "2568", "--override", str(override)]) == 0
    captured = capsys.readouterr()
    assert f"ไฟล์ override {override} ไม่ได้ระบุ criteria_year จึงถูกใช้กับเกณฑ์ ITA 2568" in _one_line(captured.err)


def test_rules_show_prints_the_version_and_every_pattern_whole(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    override = _file(tmp_path, "my_fix.toml", "[catalogue]\ncriteria_year = 2568\n\n" + LOOSE)
    assert main(["rules", "show", "O24", "--criteria", "2568", "--override", str(override), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    version = _version(2568, override)
    assert out.splitlines()[0].strip() == f"O24 — ITA 2568 ({version})" and version.endswith("+my_fix")
    o24 = load_catalogue(RULES / "ita2568.toml").item("O24")
    patterns = [p.pattern for c in o24.components for p in c.patterns]
    # no cell cut short with "…": the only ones shown are the patterns' own (a form's dots "[.…_]{2}") and the one
    # saying the item's list of risk words goes on (its first six are shown)
    listed = 1 if len(o24.evidence.risks_about) > 6 else 0
    assert out.count("…") == sum(p.count("…") for p in patterns) + listed
    # The value column's text, its folded lines joined: each of O24's patterns is there from end to end.
    cells = "".join(line.split("│")[2] for line in out.splitlines() if line.count("│") == 3)
    squeezed = "".join(cells.split())
    assert patterns and max(len(p) for p in patterns) > 100  # long enough to have been cut
    for pattern in patterns:
        assert "".join(pattern.split()) in squeezed, pattern


def test_an_item_removed_by_an_override_is_skipped_with_a_warning(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    override = _file(tmp_path, "ov_rm27.toml", '[catalogue]\ncriteria_year = 2568\n\n[[items]]\nid = "O27"\n'
                                               'remove = true\n')
    manifest = _manifest(tmp_path, 2568, 'O6 = []\nO27 = ["https://www.example.go.th/ita/o27.html"]')
    out = tmp_path / "r.json"
    args = ["check", str(manifest), "--override", str(override), "--format", "json", "--output", str(out)]
    assert main(args) == 1  # not 2: the manifest is fine, the working group dropped the item
    err = _one_line(capsys.readouterr().err)
    assert f"ไม่ตรวจข้อ O27 (1 URL) เพราะไฟล์ override {override} ลบข้อนี้ออกจากเกณฑ์ ITA 2568" in err
    assert str(manifest) in err and "[items]" in err
    findings = json.loads(out.read_text(encoding="utf-8"))["agencies"][0]["findings"]
    assert "O27" not in {f["item"] for f in findings} and "O6" in {f["item"] for f in findings}
    assert not any(f["urls"] for f in findings)  # nothing of O27's fetched
    assert main([*args, "--lang", "en"]) == 1
    assert (f"item O27 (1 URL(s)) is not checked: override {override} removes it from the ITA 2568 criteria"
            in _one_line(capsys.readouterr().err))
    # Without the override the item is checked as before; an item no override removed is still an error.
    assert main(["check", str(_manifest(tmp_path, 2568, "O6 = []\nO29 = []")), "--override", str(override)]) == 2
    assert "O29" in capsys.readouterr().err


def test_rules_check_on_an_override_checks_it_against_its_criteria(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    my_fix = _file(tmp_path, "my_fix.toml", '[[items]]\nid = "O25"\n\n[[items.components]]\nid = "budget"\n'
                                            'required = false\n')
    # It names no criteria year: the command asks for one instead of guessing.
    assert main(["rules", "check", str(my_fix), "--lang", "en"]) == 2
    assert f"{my_fix} is an override (a partial catalogue) that names no criteria year: give --criteria YEAR" in \
        _one_line(capsys.readouterr().err)
    assert main(["rules", "check", str(my_fix), "--criteria", "2568", "--lang", "en"]) == 0
    out = _one_line(capsys.readouterr().out)
    version = _version(2568, my_fix)
    assert f"{my_fix}: OK — an override of {RULES / 'ita2568.toml'}: ITA 2568 ({version}), 28 items" in out
    assert f"overrides applied: {my_fix}" in out and "problems" not in out
    # The year it names; in Thai by default.
    pinned = _file(tmp_path, "pinned.toml", "[catalogue]\ncriteria_year = 2569\n\n" + LOOSE)
    assert main(["rules", "check", str(pinned)]) == 0
    assert f"ผลรวมคือเกณฑ์ ITA 2569 ({_version(2569, pinned)})" in _one_line(capsys.readouterr().out)
    # Its mistakes are reported against it, as with --override (2568 O25 has no component 'budgt').
    bad = _file(tmp_path, "bad.toml", '[[items]]\nid = "O25"\n[[items.components]]\nid = "budgt"\nrequired = false\n')
    assert main(["rules", "check", str(bad), "--criteria", "2568", "--lang", "en"]) == 2
    err = _one_line(capsys.readouterr().err)
    assert str(bad) in err and "has no component 'budgt' (did you mean 'budget'?)" in err
    # A whole catalogue with --override: the merged version and the overrides applied.
    assert main(["rules", "check", str(RULES / "ita2568.toml"), "--override", str(my_fix), "--lang", "en"]) == 0
    out = _one_line(capsys.readouterr().out)
    assert f"ITA 2568 ({version}), 28 items" in out and f"overrides applied: {my_fix}" in out


def test_rules_check_explains_a_file_in_thai_windows_encoding(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ov_cp874.toml"
    path.write_bytes("# คณะทำงาน\n[[items]]\nid = \"O25\"\n".encode("cp874"))
    assert main(["rules", "check", str(path), "--criteria", "2568"]) == 2
    err = _one_line(capsys.readouterr().err)
    assert f"{path}: บรรทัด 1 ตำแหน่งที่ 3: ไม่ใช่ข้อความ UTF-8 (ไบต์ 0xA4): ไฟล์นี้ดูเหมือนบันทึกเป็น TIS-620" in err
