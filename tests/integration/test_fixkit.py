"""The fix kit end to end: every template filled with its sample text and checked by `oit-checker check` on a local
server passes its item; unfilled templates fail; an override reaches the templates and the round trip sees it;
`oit-checker fix` from a saved result and `check --fix-kit`; the checklist in the HTML report.

The round trip serves the files on 127.0.0.1 under an agency host name (HostMapTransport, as the demo does) and
runs the real `check` command: the same fetcher, extractors and evaluator an agency's site meets.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from oit_checker.cli import exit_codes
from oit_checker.cli import main as cli
from oit_checker.config.result import load_result
from oit_checker.demo import HostMapTransport, serve_directory
from oit_checker.engine import session as session_mod
from oit_checker.model import Catalogue, FiscalYearRule, Status
from oit_checker.report import checklist, templates
from oit_checker.report import html as html_report
from tests.support.fixkit import AGENCY, HOST, catalogue, ctx_for, docx_lines, render
from tests.support.paths import ROOT


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
    third = json.loads(json.dumps(twin))
    third["slug"], third["name"], third["home"] = "เทศบาลตำบลสาม", "เทศบาลตำบลสาม", None
    fourth = json.loads(json.dumps(third))
    fourth["name"], fourth["home"] = "เทศบาลตำบลสี่", "https://www.เทศบาลสี่.ไทย/"
    fifth = json.loads(json.dumps(twin))
    fifth["slug"], fifth["name"] = "TWIN-2", "เทศบาลตำบลห้า"  # a folder of its own on a case-blind disk too
    data["agencies"] += [third, fourth, fifth]
    two = tmp_path / "two.json"
    two.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    kit = tmp_path / "kit"
    assert cli.main(["fix", str(two), "--output", str(kit)]) == 0
    folders = {p.name for p in kit.iterdir() if p.is_dir()}
    # ASCII, as the docs promise: an ASCII key made safe; else the home page's host; else the agency's place.
    assert data["agencies"][0]["slug"] == "องคการบรหารสวนตำบลตะเคยนราม"  # a key made from the Thai name
    assert folders == {"example.go.th", "twin-2", "agency-3", "xn--o3cg7akm0cxa5fwd.xn--o3cw4h", "TWIN-2-2"}
    readme = (kit / "README.md").read_text(encoding="utf-8")
    assert "(twin-2/checklist.md): 11" in readme and "- [เทศบาลตำบลสาม](agency-3/checklist.md)" in readme
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


def test_fix_from_a_manifest_says_which_year_it_checks_and_why(tmp_path: Path, agency_host: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    urls = {k: v for k, v in publish(agency_host, catalogue(2568), 2568, fill=False).items() if k == "O25"}
    manifest = tmp_path / "agency.toml"
    manifest.write_text(f'[agency]\nname = "{AGENCY}"\nhome = "https://{HOST}/"\nfiscal_year = 2568\n\n[items]\n'
                        + "".join(f'{k} = ["{v}"]\n' for k, v in urls.items()), encoding="utf-8")
    code = cli.main(["fix", str(manifest), "--items", "O25", "--output", str(tmp_path / "kit"), "--host-delay", "0",
                     "--extract-workers", "0"])
    assert code == exit_codes.EXIT_OK
    err = " ".join(capsys.readouterr().err.split())
    assert "ตรวจปีงบประมาณ 2568 ด้วยเกณฑ์ ITA 2568" in err and "ปีงบประมาณตาม fiscal_year ใน" in err
    assert "agency.toml" in err
