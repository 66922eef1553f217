"""The fix kit: templates read back (DOCX/XLSX structure), every template filled and checked by `oit-checker check`
on a local server, an unfilled template failing, overrides reaching the templates, the checklist, the CLI.

The round trip serves the files on 127.0.0.1 under an agency host name (HostMapTransport, as the demo does) and
runs the real `check` command: the same fetcher, extractors and evaluator an agency's site meets.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import docx
import openpyxl
import pytest

from oit_checker.catalogue.rules import CatalogueError, load_catalogue
from oit_checker.cli import exit_codes
from oit_checker.cli import main as cli
from oit_checker.config.result import load_result
from oit_checker.demo import HostMapTransport, serve_directory
from oit_checker.engine import session as session_mod
from oit_checker.model import Catalogue, FiscalYearRule, Item, Status, TemplateKind
from oit_checker.report import checklist, templates
from oit_checker.report import html as html_report
from oit_checker.text import blanks

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
AGENCY = "องค์การบริหารส่วนตำบลตะเคียนราม"
HOST = "www.fixkit.go.th"


def catalogue(year: int, *overrides: Path) -> Catalogue:
    return load_catalogue(RULES / f"ita{year}.toml", list(overrides))


def ctx_for(item: Item, year: int, agency: str = AGENCY) -> templates.TemplateContext:
    return templates.TemplateContext(agency, year, item.fiscal_year_rule)


def render(cat: Catalogue, item_id: str, year: int | None = None) -> tuple[Item, bytes]:
    item = cat.item(item_id)
    assert item.template is not None
    return item, templates.render(item, item.template, ctx_for(item, year or cat.criteria_year))


def docx_lines(data: bytes) -> tuple[list[tuple[str, bool]], list[list[list[str]]]]:
    """(paragraphs with their boldness, tables as rows of cell texts) of a DOCX."""
    d = docx.Document(io.BytesIO(data))
    paras = [(p.text, any(r.bold for r in p.runs)) for p in d.paragraphs if p.text.strip()]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]
    return paras, tables


def sheet_rows(data: bytes) -> tuple[str, list[list[str]]]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb.active
    rows = [[str(v) for v in row if v is not None] for row in ws.iter_rows(values_only=True)]
    return ws.title, [r for r in rows if r]


# ---------------------------------------------------------------- structure, read back


def test_plan_template_has_title_year_agency_headings_columns_example_row_and_signature() -> None:
    cat = catalogue(2568)
    item, data = render(cat, "O25")
    paras, tables = docx_lines(data)
    texts = [t for t, _ in paras]
    assert texts[:3] == ["แผนปฏิบัติการป้องกันการทุจริต", "ประจำปีงบประมาณ พ.ศ. 2568", AGENCY]
    assert all(bold for _, bold in paras[:3])
    headings = [t for t, bold in paras[3:] if bold]
    assert headings == [s.heading for s in item.template.sections]  # type: ignore[union-attr]
    [table] = tables
    # The plan's columns named by the issue: project/activity · budget (or "no budget") · period · responsible.
    assert table[0] == ["ลำดับ", "โครงการ/กิจกรรม", 'งบประมาณ (บาท) หรือ "ไม่ใช้งบประมาณ"', "ระยะเวลาดำเนินการ",
                        "ผู้รับผิดชอบ"]
    assert table[1][0] == "[ตัวอย่าง] 1" and table[1][3] == "ม.ค. – มี.ค. 2568"
    assert all(cell == "" for row in table[2:] for cell in row) and len(table) == 2 + item.template.rows  # type: ignore[union-attr]
    # The signature block closes the document: date, signature line, (name), position.
    assert texts[-4:] == ["ประกาศ ณ วันที่ [กรอก: วัน เดือน ปี ที่ลงนาม]",
                          "(ลงชื่อ) ............................................................",
                          "([กรอก: ชื่อ-นามสกุลผู้ลงนาม])",
                          "[กรอก: ตำแหน่งผู้บริหารสูงสุด เช่น นายกองค์การบริหารส่วนตำบลตะเคียนราม]"]
    # Each heading is followed by its blank, in the hint's words.
    for section in item.template.sections:  # type: ignore[union-attr]
        at = texts.index(section.heading)
        assert texts[at + 1] == f"[กรอก: {section.hint}]"
    meta = docx.Document(io.BytesIO(data)).core_properties
    assert meta.title == "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2568"


def test_report_template_names_the_previous_year_and_the_report_headings() -> None:
    _item, data = render(catalogue(2568), "O26")
    paras, tables = docx_lines(data)
    texts = [t for t, _ in paras]
    assert texts[1] == "ประจำปีงบประมาณ พ.ศ. 2567"  # O26 reports on the previous fiscal year
    headings = [t for t, bold in paras[3:] if bold]
    assert headings == ["บทสรุปผลการดำเนินงาน", "ผลการดำเนินงานรายโครงการ/กิจกรรม", "ปัญหาอุปสรรค", "ข้อเสนอแนะ"]
    assert tables[0][0] == ["ลำดับ", "โครงการ/กิจกรรม", "ผลการดำเนินงาน", "งบประมาณที่ได้รับ (บาท)",
                            "งบประมาณที่ใช้ (บาท)"]
    # The table sits under its heading, before the next one.
    body = docx.Document(io.BytesIO(data)).element.body
    order = [el.tag.rsplit("}", 1)[1] + ":" + "".join(el.itertext())[:30] for el in body]
    table_at = next(i for i, x in enumerate(order) if x.startswith("tbl:"))
    assert order[table_at - 2].startswith("p:ผลการดำเนินงานรายโครงการ") and order[table_at + 2].startswith("p:ปัญหา")
    assert not any(t.startswith("(ลงชื่อ)") for t in texts)  # a report is not signed here


def test_announcement_template_opens_like_an_announcement() -> None:
    item, data = render(catalogue(2568), "O21")
    texts = [t for t, _ in docx_lines(data)[0]]
    assert texts[:3] == [f"ประกาศ{AGENCY}",
                         "เรื่อง เจตนารมณ์การไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)",
                         "ประจำปีงบประมาณ พ.ศ. 2568"]
    assert item.template.kind is TemplateKind.ANNOUNCEMENT and item.template.signed  # type: ignore[union-attr]
    assert "(ลงชื่อ) ............................................................" in texts


@pytest.mark.parametrize(("item_id", "headings"), [
    ("O8", ["ชื่องาน/กระบวนงาน", "วัตถุประสงค์", "ขอบเขตของงาน", "ขั้นตอนการปฏิบัติงาน",
            "มาตรฐานการปฏิบัติงานและการติดตาม"]),
    ("O17", ["วัตถุประสงค์", "ช่องทางการรับเรื่องร้องเรียน", "ขั้นตอนการจัดการเรื่องร้องเรียน",
             "การคุ้มครองผู้ร้องเรียนและการแจ้งผล"]),
])
def test_manual_and_guideline_templates_name_no_year(item_id: str, headings: list[str]) -> None:
    item, data = render(catalogue(2568), item_id)
    assert item.fiscal_year_rule is FiscalYearRule.NONE
    paras, tables = docx_lines(data)
    texts = [t for t, _ in paras]
    assert texts[1] == AGENCY and not any(re.search(r"25\d\d", t) for t in texts)
    assert [t for t, bold in paras[2:] if bold] == headings
    assert tables and tables[0][1][0].startswith(blanks.EXAMPLE_MARK)


def test_o12_workbook_has_the_nacc_sheet_header_fields_columns_and_an_example_row() -> None:
    _item, data = render(catalogue(2568), "O12")
    title, rows = sheet_rows(data)
    assert title == "ITA-o12"
    assert rows[0] == ["รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้า"]
    assert rows[1] == ["ประจำปีงบประมาณ พ.ศ. 2568 รอบ 6 เดือนแรก (1 ตุลาคม 2567 – 31 มีนาคม 2568)"]
    assert rows[2] == [AGENCY]
    fields = {r[0]: r[1] for r in rows[3:9]}
    assert fields == {"ปีงบประมาณ": "2568", "ชื่อหน่วยงาน": AGENCY, "อำเภอ": "[กรอก: อำเภอที่ตั้งหน่วยงาน]",
                      "จังหวัด": "[กรอก: จังหวัดที่ตั้งหน่วยงาน]", "กระทรวง": "[กรอก: กระทรวงต้นสังกัด]",
                      "ประเภทหน่วยงาน": "[กรอก: ประเภทหน่วยงาน]"}
    header = next(r for r in rows if r[0] == "ที่")
    assert header[1:] == ["ชื่อรายการของงานที่ซื้อหรือจ้าง", "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)",
                          "แหล่งที่มาของงบประมาณ", "สถานะการจัดซื้อจัดจ้าง", "วิธีการจัดซื้อจัดจ้าง", "ราคากลาง (บาท)",
                          "ราคาที่ตกลงซื้อหรือจ้าง (บาท)", "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก",
                          "เลขที่โครงการในระบบ e-GP"]
    example = rows[rows.index(header) + 1]
    assert example[0] == "[ตัวอย่าง] 1" and len(example) == len(header)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb.active
    ex_row = next(r for r in ws.iter_rows() if r[0].value == "[ตัวอย่าง] 1")
    assert all(c.font.i for c in ex_row[:len(header)])  # the example row looks like one (italic, shaded)
    assert ws.freeze_panes is not None and wb.properties.title.startswith("รายการการจัดซื้อจัดจ้าง")


def test_o13_workbook_covers_the_previous_year() -> None:
    _item, data = render(catalogue(2568), "O13")
    title, rows = sheet_rows(data)
    assert title == "ITA-o13" and rows[1] == ["ประจำปีงบประมาณ พ.ศ. 2567"]
    assert ["ปีงบประมาณ", "2567"] in rows
    assert any(r[0] == "วิธีการจัดซื้อจัดจ้าง" for r in rows)
    assert ["ปัญหาอุปสรรค"] in rows and ["ข้อเสนอแนะ"] in rows


def test_multi_year_plan_leaves_its_years_as_blanks() -> None:
    _item, data = render(catalogue(2569), "O5")
    texts = [t for t, _ in docx_lines(data)[0]]
    assert texts[1] == "(พ.ศ. [กรอก: ปีแรกของแผน (ไม่หลังปี 2569)] – [กรอก: ปีสุดท้ายของแผน (ไม่ก่อนปี 2569)])"


def test_every_template_of_both_years_renders_and_every_blank_has_a_sample_answer() -> None:
    for year in (2568, 2569):
        cat = catalogue(year)
        with_template = [i for i in cat.items if i.template is not None]
        assert len(with_template) >= 18
        for item in with_template:
            t = item.template
            assert t is not None
            ctx = ctx_for(item, year)
            data = templates.render(item, t, ctx)
            if t.file_format == "xlsx":
                text = "\n".join(x for row in sheet_rows(data)[1] for x in row)
            else:
                paras, tables = docx_lines(data)
                text = "\n".join([p for p, _ in paras] + [c for tb in tables for row in tb for c in row])
            hints = {re.sub(r"^\[กรอก:\s*|\]$", "", m) for m in blanks.marks_in(text) if m != blanks.EXAMPLE_MARK}
            assert hints <= set(templates.sample_answers(item, t, ctx)), item.id
            assert AGENCY in text, item.id


def test_hostile_agency_names_reach_no_file_as_controls_or_formulas() -> None:
    cat = catalogue(2568)
    evil = "=HYPERLINK(\"http://x\")\x1b[2J\u202eองค์การบริหารส่วนตำบลทดสอบ\x00\x07"
    for item_id in ("O12", "O25"):
        item = cat.item(item_id)
        t = item.template
        assert t is not None
        data = templates.render(item, t, ctx_for(item, 2568, evil))
        if t.file_format == "xlsx":
            ws = openpyxl.load_workbook(io.BytesIO(data)).active
            cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
            assert all(c.data_type != "f" for c in cells)
            values = [str(c.value) for c in cells]
        else:
            paras, tables = docx_lines(data)
            values = [p for p, _ in paras] + [c for tb in tables for row in tb for c in row]
        assert not any(re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", v) for v in values)
        assert any("องค์การบริหารส่วนตำบลทดสอบ" in v for v in values)


# ---------------------------------------------------------------- the round trip through `oit-checker check`


@pytest.fixture
def agency_host(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """A folder served as https://www.fixkit.go.th/ (the network replaced, as the demo does)."""
    site = tmp_path / "site"
    site.mkdir()
    with serve_directory(site) as base:
        monkeypatch.setattr(session_mod, "network_transport", lambda *a, **k: HostMapTransport({HOST: base}))
        yield site


def publish(site: Path, cat: Catalogue, year: int, *, fill: bool) -> dict[str, str]:
    """Every template of the catalogue, filled with its sample answers (or left blank), as files on the site."""
    urls = {}
    for item in cat.items:
        t = item.template
        if t is None:
            continue
        ctx = ctx_for(item, year)
        data = templates.render(item, t, ctx)
        if fill:
            data = templates.fill_blanks(data, t.file_format, templates.sample_answers(item, t, ctx))
        name = templates.file_name(item, t, ctx)
        (site / "ita").mkdir(exist_ok=True)
        (site / "ita" / name).write_bytes(data)
        urls[item.id] = f"https://{HOST}/ita/{name}"
    return urls


def check(tmp_path: Path, urls: dict[str, str], year: int, *extra: str) -> dict[str, dict]:
    manifest = tmp_path / "agency.toml"
    lines = [f'[agency]\nname = "{AGENCY}"\nhome = "https://{HOST}/"\nfiscal_year = {year}\n\n[items]']
    lines += [f'{item} = ["{url}"]' for item, url in urls.items()]
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "result.json"
    code = cli.main(["check", str(manifest), "--items", ",".join(urls), "--format", "json", "--output", str(out),
                     "--host-delay", "0", "--extract-workers", "0", *extra])
    assert code in (exit_codes.EXIT_OK, exit_codes.EXIT_GAPS)
    [agency] = json.loads(out.read_text(encoding="utf-8"))["agencies"]
    return {f["item"]: f for f in agency["findings"]}


@pytest.mark.parametrize("year", [2568, 2569])
def test_every_template_filled_with_its_sample_text_passes_its_item(tmp_path: Path, agency_host: Path,
                                                                     year: int) -> None:
    cat = catalogue(year)
    urls = publish(agency_host, cat, year, fill=True)
    assert len(urls) >= 18
    got = check(tmp_path, urls, year)
    verdicts = {item: (f["status"], [(r["code"], r["message_en"]) for r in f["reasons"] if r["severity"] != "pass"])
                for item, f in got.items()}
    assert verdicts == {item: ("pass", []) for item in urls}
    for item, f in got.items():
        # Every required component was found, and the fiscal year where the item's rule names one.
        required = {c.label_th for c in cat.item(item).components if c.required}
        assert required <= {x["what_th"] for x in f["found"]}, item
        if cat.item(item).fiscal_year_rule is not FiscalYearRule.NONE:
            assert any(x["what_th"].startswith("ปีงบประมาณ ") for x in f["found"]), item


@pytest.mark.parametrize("year", [2568, 2569])
def test_a_template_published_unfilled_fails_its_item(tmp_path: Path, agency_host: Path, year: int) -> None:
    urls = publish(agency_host, catalogue(year), year, fill=False)
    got = check(tmp_path, urls, year)
    assert {item: f["status"] for item, f in got.items()} == dict.fromkeys(urls, "fail")
    for f in got.values():
        [unfilled] = [r for r in f["reasons"] if r["code"] == "template_unfilled"]
        assert unfilled["severity"] == "fail" and "[กรอก:" in unfilled["message_th"]


def test_an_override_changes_the_template_and_the_round_trip_sees_it(tmp_path: Path, agency_host: Path) -> None:
    override = tmp_path / "no_budget_column.toml"
    override.write_text("""
[[items]]
id = "O25"

[items.template]
title = "แผนปฏิบัติการป้องกันการทุจริต (ฉบับคณะทำงาน)"

[[items.template.columns]]
header = "โครงการ/กิจกรรม"
example = "โครงการอบรมสร้างจิตสำนึกการป้องกันการทุจริตแก่บุคลากร"

[[items.template.columns]]
header = "ผู้รับผิดชอบ"
example = "สำนักปลัด"

[[items.template.sections]]
heading = "โครงการ/กิจกรรม"
hint = "โครงการ/กิจกรรมที่จะดำเนินการ"
sample = "โครงการ/กิจกรรมป้องกันการทุจริตของหน่วยงาน มีรายละเอียดดังตาราง"
table = true
""", encoding="utf-8")
    cat = catalogue(2568, override)
    item = cat.item("O25")
    assert cat.version == f"{catalogue(2568).version}+no_budget_column"
    _, data = render(cat, "O25")
    paras, tables = docx_lines(data)
    assert paras[0][0] == "แผนปฏิบัติการป้องกันการทุจริต (ฉบับคณะทำงาน)"
    assert tables[0][0] == ["โครงการ/กิจกรรม", "ผู้รับผิดชอบ"]
    assert item.template is not None and item.template.signed  # keys not given keep the catalogue's value
    # Without the budget and period columns the filled template no longer passes: the round trip has teeth.
    urls = {k: v for k, v in publish(agency_host, cat, 2568, fill=True).items() if k == "O25"}
    got = check(tmp_path, urls, 2568, "--override", str(override))
    missing = next(r for r in got["O25"]["reasons"] if r["code"] == "missing_component")
    assert got["O25"]["status"] == "fail" and missing["detail"]["missing"] == ["budget", "period"]


def test_fix_says_when_its_rules_differ_from_the_checks(tmp_path: Path, demo_result: Path,
                                                       capsys: pytest.CaptureFixture[str], english: None) -> None:
    override = ROOT / "fixtures" / "rules" / "override_no_template.toml"
    assert cli.main(["fix", str(demo_result), "--output", str(tmp_path / "kit"), "--override", str(override)]) == 0
    version = catalogue(2568).version
    assert (f"was checked with rules {version}; this kit uses rules {version}+override_no_template"
            in capsys.readouterr().err.replace("\n", " "))


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


@pytest.fixture(scope="module")
def demo_result(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "result.json"
    assert cli.main(["demo", "--format", "json", "--output", str(out), "--host-delay", "0",
                     "--extract-workers", "0"]) == 0
    return out


def test_fix_from_a_saved_result_writes_checklists_and_templates(tmp_path: Path, demo_result: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    kit = tmp_path / "kit"
    assert cli.main(["fix", str(demo_result), "--output", str(kit)]) == exit_codes.EXIT_OK
    assert "เขียนชุดแก้ไขไว้ที่" in capsys.readouterr().err
    run = load_result(demo_result)
    failing = [f.item for f in run.agencies[0].findings if f.status is not Status.PASS]
    cat = catalogue(2568)
    expected = {templates.file_name(cat.item(i), cat.item(i).template, ctx_for(cat.item(i), 2568))  # type: ignore[arg-type]
                for i in failing if cat.item(i).template is not None}
    assert {p.name for p in kit.iterdir()} == {"checklist.md", "checklist.html", *expected}
    assert {"O6-2568.docx", "O7-2567.docx", "O25-2568.docx", "O24-2568.docx"} <= expected
    md = (kit / "checklist.md").read_text(encoding="utf-8")
    assert [m for m in re.findall(r"^## (O\d+)", md, flags=re.M)] == failing
    o25 = md[md.index("## O25"):md.index("## O26")]
    # What the assessor looks for, ticked where found (with the quote), unticked where missing.
    assert "- [x] เรื่องการป้องกันการทุจริต ≈ — พบแล้ว: “" in o25
    assert "- [ ] งบประมาณ (หรือระบุว่าไม่ใช้งบประมาณ) ≈ — **ยังไม่พบ**" in o25
    assert "- [ ] ระยะเวลาดำเนินการ ≈ — **ยังไม่พบ**" in o25
    assert "ปีงบประมาณ พ.ศ. 2568, 1 ต.ค. 2567 – 30 ก.ย. 2568" in o25
    assert "**เผยแพร่ที่ไหน:** บนเว็บไซต์หลักของหน่วยงาน (https://www.example.go.th/)" in o25
    assert "ตอนนี้กรอกไว้: <https://www.example.go.th/ita/o25.html>" in o25
    assert "**แม่แบบให้กรอก:** [O25-2568.docx](O25-2568.docx)" in o25
    o24 = md[md.index("## O24"):md.index("## O25")]
    assert "ข้อมูลเป็นของปีงบประมาณเก่า (พบ 2566, 2567)" in o24 and "“" in o24  # the stale year, quoted
    page = (kit / "checklist.html").read_text(encoding="utf-8")
    assert '<a href="O25-2568.docx">O25-2568.docx</a>' in page and "<script" not in page


def test_fix_in_english_and_for_chosen_items(tmp_path: Path, demo_result: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    kit = tmp_path / "kit"
    assert cli.main(["fix", str(demo_result), "--output", str(kit), "--items", "O7,O21", "--lang", "en"]) == 0
    assert {p.name for p in kit.iterdir()} == {"checklist.md", "checklist.html", "O7-2567.docx"}  # O21 passes
    md = (kit / "checklist.md").read_text(encoding="utf-8")
    assert md.startswith("# OIT fix kit: what to do to pass")
    assert "was checked with rules" not in capsys.readouterr().err  # same rules as the check
    assert "- [ ] Results per project/activity ≈ — **not found**" in md
    assert "Must cover the previous fiscal year (older data is stale): FY 2567 BE" in md


def test_check_writes_the_kit_beside_its_report(tmp_path: Path, agency_host: Path) -> None:
    cat = catalogue(2568)
    urls = {k: v for k, v in publish(agency_host, cat, 2568, fill=False).items() if k in ("O25", "O12")}
    manifest = tmp_path / "agency.toml"
    manifest.write_text(f'[agency]\nname = "{AGENCY}"\nhome = "https://{HOST}/"\nfiscal_year = 2568\n\n[items]\n'
                        + "".join(f'{k} = ["{v}"]\n' for k, v in urls.items()), encoding="utf-8")
    kit = tmp_path / "kit"
    report = tmp_path / "report.html"
    code = cli.main(["check", str(manifest), "--items", "O12,O25", "--fix-kit", str(kit), "--format", "html",
                     "--output", str(report), "--host-delay", "0", "--extract-workers", "0"])
    assert code == exit_codes.EXIT_GAPS
    page = report.read_text(encoding="utf-8")  # the check's own HTML report carries the checklists too
    assert page.count('<details class="kitbox">') == 2 and "<code>O12-ITA-o12-2568.xlsx</code>" in page
    assert {p.name for p in kit.iterdir()} == {"checklist.md", "checklist.html", "O12-ITA-o12-2568.xlsx",
                                               "O25-2568.docx"}
    md = (kit / "checklist.md").read_text(encoding="utf-8")
    assert "เอกสารยังเป็นแม่แบบที่กรอกไม่ครบ" in md


@pytest.mark.parametrize(("make", "expected"), [
    (lambda p: p.write_text("{not json", encoding="utf-8"), "not valid JSON (line 1"),
    (lambda p: p.write_text('{"schema_version": 9}', encoding="utf-8"), "schema_version: 9 is not supported"),
    (lambda p: p.write_text('{"schema_version": 1, "criteria": {"year": 2568}, "fiscal_year": 2568, '
                            '"agencies": [{"name": "x"}]}', encoding="utf-8"), "agencies[0]: missing 'findings'"),
])
def test_a_broken_result_file_is_a_clear_configuration_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              make: object, expected: str, english: None) -> None:
    path = tmp_path / "result.json"
    make(path)  # type: ignore[operator]
    assert cli.main(["fix", str(path), "--output", str(tmp_path / "kit")]) == exit_codes.EXIT_CONFIG
    err = capsys.readouterr().err
    assert str(path) in err.replace("\n", "") and expected in err.replace("\n", "")


def test_several_agencies_get_a_folder_each(tmp_path: Path, demo_result: Path) -> None:
    data = json.loads(demo_result.read_text(encoding="utf-8"))
    twin = json.loads(json.dumps(data["agencies"][0]))
    twin["slug"], twin["name"] = "../twin 2", "เทศบาลตำบลแฝด"
    data["agencies"].append(twin)
    two = tmp_path / "two.json"
    two.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    kit = tmp_path / "kit"
    assert cli.main(["fix", str(two), "--output", str(kit)]) == 0
    folders = {p.name for p in kit.iterdir() if p.is_dir()}
    assert folders == {"twin-2", "องคการบรหารสวนตำบลตะเคยนราม"}  # the agencies' keys, made safe
    readme = (kit / "README.md").read_text(encoding="utf-8")
    assert "(twin-2/checklist.md): 11" in readme
    assert (kit / "twin-2" / "O25-2568.docx").is_file()
    texts = [p.text for p in docx.Document(str(kit / "twin-2" / "O25-2568.docx")).paragraphs]
    assert "เทศบาลตำบลแฝด" in texts and "[กรอก: ตำแหน่งผู้บริหารสูงสุด เช่น นายกเทศมนตรีตำบลแฝด]" in texts


def test_the_kit_folder_is_checked_before_any_work(tmp_path: Path, demo_result: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    afile = tmp_path / "taken"
    afile.write_text("x", encoding="utf-8")
    assert cli.main(["fix", str(demo_result), "--output", str(afile)]) == exit_codes.EXIT_CONFIG
    assert "เป็นไฟล์ ไม่ใช่โฟลเดอร์" in capsys.readouterr().err  # Thai by default
    assert cli.main(["fix", str(demo_result), "--output", str(afile), "--lang", "en"]) == exit_codes.EXIT_CONFIG
    assert "it is a file, not a folder" in capsys.readouterr().err


def test_the_html_report_carries_the_same_checklist(demo_result: Path) -> None:
    run = load_result(demo_result)
    cat = catalogue(2568)
    page = html_report.render(run, catalogue=cat)
    row = page[page.index('id="a-'):]
    o25 = row[row.index('-O25" class="row-'):]
    o25 = o25[:o25.index("</tr>")]
    assert "ชุดแก้ไข: ทำอย่างไรให้ผ่าน" in o25 and "<code>O25-2568.docx</code>" in o25
    c = checklist.agency_checklists(run.agencies[0], cat, ["O25"])[0]
    for x in c.looks_for:
        assert html_report._e(x.label_th) in o25
    assert 'class="kitbox"' not in html_report.render(run)  # without a catalogue, no kit
