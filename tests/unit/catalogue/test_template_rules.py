"""Templates in the rule catalogue: what validation reports (naming item and field), and overrides that change or
drop a template."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.catalogue.rules import CatalogueError, load_catalogue
from tests.support.fixkit import RULES, catalogue
from tests.support.paths import ROOT

# These tests pin the English wording; the Thai wording is shown in tests/unit/catalogue/test_rules_thai.py.
pytestmark = pytest.mark.usefixtures("english")


def test_an_override_can_drop_a_template() -> None:
    override = ROOT / "fixtures" / "rules" / "override_no_template.toml"
    cat = catalogue(2568, override)
    assert cat.item("O22").template is None and cat.item("O21").template is not None


# ---------------------------------------------------------------- catalogue validation of templates


BAD_TEMPLATES = {
    "kind = \"pln\"": "'pln' is not one of announcement, plan, report, manual, guideline, workbook (did you mean "
                      "'plan'?)",
    "kind = \"workbook\"": "a workbook needs the sheet's name",
    "kind = \"plan\"\nsheet = \"ITA-o12\"": "only a workbook has 'sheet'",
    "kind = \"plan\"\ntitle = \"แผน {fy}\"": "unknown placeholder {fy}",
    "kind = \"plan\"\ntitle = \"แผน [กรอก: ชื่อ]\"": "looks like a blank or an example mark",
    "kind = \"workbook\"\nsheet = \"ITA/o12\"": "cannot name an Excel sheet",
    "kind = \"plan\"\nrows = 500": "must be between 0 and 200, got 500",
    "kind = \"plan\"\ncolour = \"red\"": "unknown key",
}


@pytest.mark.parametrize(("toml", "expected"), BAD_TEMPLATES.items())
def test_bad_templates_are_reported_with_item_and_field(tmp_path: Path, toml: str, expected: str) -> None:
    text = (RULES / "ita2568.toml").read_text(encoding="utf-8")
    start = text.index('[items.template]\nkind = "plan"\ntitle = "แผนปฏิบัติการป้องกันการทุจริต"')
    end = text.index("[[items.template.sections]]", start)
    path = tmp_path / "ita2568.toml"
    path.write_text(text[:start] + "[items.template]\n" + toml + "\n\n" + text[end:], encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        load_catalogue(path)
    assert any(expected in p.message and p.item == "O25" and (p.field or "").startswith("template")
               for p in err.value.problems), str(err.value)


def test_a_template_of_an_item_that_must_be_signed_has_the_signature_block(tmp_path: Path) -> None:
    override = tmp_path / "unsigned.toml"
    override.write_text('[[items]]\nid = "O21"\n\n[items.template]\nsigned = false\n', encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        catalogue(2568, override)
    [problem] = err.value.problems
    assert (problem.item, problem.field) == ("O21", "template.signed")
    assert "component 'executive_signature' is kind = \"signed\"" in problem.message
    for year in (2568, 2569):  # the bundled catalogues keep the rule
        cat = catalogue(year)
        for item in cat.items:
            if any(c.kind.value == "signed" for c in item.components) and item.template is not None:
                assert item.template.signed, (year, item.id)


def test_two_blanks_with_one_hint_are_reported(tmp_path: Path) -> None:
    override = tmp_path / "o.toml"
    override.write_text('[[items]]\nid = "O25"\n\n[items.template]\nkind = "plan"\n\n'
                        '[[items.template.sections]]\nheading = "ก"\nhint = "เขียน ที่นี่"\nsample = "ค"\n\n'
                        '[[items.template.sections]]\nheading = "ง"\nhint = "เขียน  ที่นี่"\nsample = "ฉ"\n',
                        encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        catalogue(2568, override)
    assert [(p.field, p.message) for p in err.value.problems] == [
        ("template.sections[#2].hint", "the same hint as template.sections[#1]: give each blank its own words")]


def test_a_template_section_list_is_checked_entry_by_entry(tmp_path: Path) -> None:
    override = tmp_path / "o.toml"
    override.write_text('[[items]]\nid = "O25"\n\n[items.template]\nkind = "plan"\n\n'
                        '[[items.template.sections]]\nheading = "ก"\nhint = "ข"\nsample = "ค"\ntable = true\n\n'
                        '[[items.template.sections]]\nheading = "ง"\nhint = "จ"\n', encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        catalogue(2568, override)
    messages = {(p.field, p.message) for p in err.value.problems}
    assert ("template.sections[#2].sample", "missing required field") in messages


# ---------------------------------------------------------------- the checklist and the CLI
