"""A rule maintainer (or an agency editing an override file) reads what is wrong with a rule file in Thai by
default and in English with --lang en: the same file, item and field, the file's own tokens (TOML keys, field
names, regular expressions) kept as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.catalogue.mapping import load_mapping
from oit_checker.catalogue.rules import CatalogueError, load_catalogue
from oit_checker.cli.main import main
from oit_checker.text import i18n
from tests.support.paths import ROOT

RULES = ROOT / "rules" / "ita2568.toml"


def _err(capsys: pytest.CaptureFixture[str]) -> str:
    return " ".join(capsys.readouterr().err.split())


def _broken_catalogue(tmp_path: Path) -> Path:
    path = tmp_path / "ita2568.toml"
    text = RULES.read_text(encoding="utf-8")
    text = text.replace("criteria_year = 2568", "criteria_year = 2025", 1)
    text = text.replace('id = "org_chart"\n', 'id = "org_chart"\npatterns = ["(ก+)+$", "x?"]\n', 1)
    text = text.replace('fiscal_year = "current"', 'fiscal_year = "currnt"', 1)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_broken_rule_file_is_explained_in_thai_then_english(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = _broken_catalogue(tmp_path)
    assert main(["rules", "check", str(path)]) == 2
    err = _err(capsys)
    assert f"{path}: พบปัญหา 4 จุด" in err
    assert "ฟิลด์ catalogue.criteria_year: 2025 ไม่ใช่ปี พ.ศ." in err
    assert "ข้อ O1, ฟิลด์ components[org_chart].patterns[0]: regular expression '(ก+)+$' มีกลุ่มที่ซ้ำได้" in err
    assert "ฟิลด์ components[org_chart].patterns[1]: regular expression 'x?' จับข้อความว่างได้" in err
    assert "ฟิลด์ fiscal_year: 'currnt' ไม่ใช่หนึ่งใน" in err and "(หมายถึง 'current' หรือไม่)" in err
    assert "problems" not in err and "did you mean" not in err

    assert main(["rules", "check", str(path), "--lang", "en"]) == 2
    err = _err(capsys)
    assert f"{path}: 4 problems" in err
    assert "field catalogue.criteria_year: 2025 is not a Buddhist-Era year" in err
    assert "item O1, field components[org_chart].patterns[0]: regular expression '(ก+)+$' repeats a group" in err
    assert "field components[org_chart].patterns[1]: regular expression 'x?' matches the empty string" in err
    assert "field fiscal_year: 'currnt' is not one of" in err and "(did you mean 'current'?)" in err


def test_an_override_mistake_is_explained_in_thai_then_english(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    override = tmp_path / "agency.toml"
    override.write_text('[catalogue]\ncriteria_year = 2569\n\n[[items]]\nid = "O99"\n\n[[items]]\nid = "O1"\n'
                        'remove = true\nnotes = "x"\n', encoding="utf-8")
    assert main(["rules", "check", str(RULES), "--override", str(override)]) == 2
    err = _err(capsys)
    assert str(override) in err
    assert "ข้อ O1, ฟิลด์ remove: remove = true ลบข้อนี้ทิ้ง ฟิลด์อื่นที่นี่จะไม่มีผล" in err
    assert f"ฟิลด์ catalogue.criteria_year: ไฟล์ override เป็นของ ITA 2569 แต่ {RULES} เป็น ITA 2568" in err
    assert f"ข้อ O99, ฟิลด์ id: {RULES} ไม่มีข้อ 'O99'" in err

    assert main(["rules", "check", str(RULES), "--override", str(override), "--lang", "en"]) == 2
    err = _err(capsys)
    assert "item O1, field remove: remove = true drops the item; other fields here would be ignored" in err
    assert f"field catalogue.criteria_year: override is for ITA 2569 but {RULES} is ITA 2568" in err
    assert f"item O99, field id: {RULES} has no item 'O99'" in err


def test_a_toml_syntax_error_and_a_missing_year_in_both_languages(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "rules.toml"
    path.write_text("[catalogue]\ncriteria_year = = 2568\n", encoding="utf-8")
    assert main(["rules", "check", str(path)]) == 2
    assert f"{path}: บรรทัด 2: ไม่ใช่ TOML ที่ถูกต้อง:" in _err(capsys)
    assert main(["rules", "check", str(path), "--lang", "en"]) == 2
    assert f"{path}: line 2: invalid TOML:" in _err(capsys)

    assert main(["rules", "list", "--criteria", "2599"]) == 2
    assert "ไม่มีไฟล์เกณฑ์ของ ITA 2599 (ที่มี: 2568, 2569)" in _err(capsys)
    assert main(["rules", "list", "--criteria", "2599", "--lang", "en"]) == 2
    assert "no rule catalogue for ITA 2599 (available: 2568, 2569)" in _err(capsys)


def test_the_problem_keeps_its_file_item_and_field_in_either_language(tmp_path: Path) -> None:
    path = _broken_catalogue(tmp_path)
    found = {}
    for lang in i18n.LANGS:
        i18n.set_language(lang)
        with pytest.raises(CatalogueError) as info:
            load_catalogue(path)
        found[lang] = info.value
    th, en = found["th"], found["en"]
    assert th.path == en.path == str(path)
    assert [(p.item, p.field, p.line) for p in th.problems] == [(p.item, p.field, p.line) for p in en.problems]
    assert [p.message for p in th.problems] != [p.message for p in en.problems]


def test_a_mapping_file_mistake_in_thai_then_english(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "mapping-2568-2569.toml").write_text(
        '[mapping]\nfrom_year = 2568\nto_year = 2570\n\n[[map]]\nfrom = "O1"\nto = "O1"\nconfidence = "sure"\n',
        encoding="utf-8")
    with pytest.raises(CatalogueError) as info:
        load_mapping(2568, 2569, folder)
    assert "ฟิลด์ mapping.to_year: เป็น 2570 แต่ต้องเป็น 2569" in str(info.value)
    assert "ข้อ O1, ฟิลด์ confidence: 'sure' ไม่ใช่หนึ่งใน" in str(info.value)
    with pytest.raises(CatalogueError) as info:
        load_mapping(2568, 2571, folder)
    assert "ไม่มีไฟล์จับคู่ข้อจาก ITA 2568 ไป ITA 2571" in str(info.value)
    i18n.set_language("en")
    with pytest.raises(CatalogueError) as info:
        load_mapping(2568, 2569, folder)
    assert "field mapping.to_year: is 2570, expected 2569" in str(info.value)
    assert "item O1, field confidence: 'sure' is not one of" in str(info.value)


def test_a_wrong_type_reads_right_in_thai_and_names_tomls_true(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ita2568.toml"
    text = RULES.read_text(encoding="utf-8")
    text = text.replace("indicator = 9\n", "indicator = true\n", 1).replace("indicator = 9\n", "listed_only = 1\n", 1)
    path.write_text(text, encoding="utf-8")
    assert main(["rules", "check", str(path)]) == 2
    err = _err(capsys)
    assert "ต้องเป็นค่า true หรือ false แต่ได้ integer 1" in err  # a space after ต้องเป็น
    assert "ต้องเป็นจำนวนเต็ม (integer) แต่ได้ boolean true" in err and "True" not in err
