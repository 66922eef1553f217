"""JUnit XML and the HTML report: structure, mapping of statuses, every agency and item, escaping."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from oit_checker.cli.audit import render
from oit_checker.engine.diff import diff_runs
from oit_checker.model import Agency, AgencyResult, Confidence, Evidence, Finding, Reason, RunResult, Status
from oit_checker.report import html as html_report
from oit_checker.report import junit

EVIL = '<script>alert("x")</script> & “quotes” \x0b'


def finding(item: str, indicator: int, status: Status, *, suppressed: str = "", code: str = "missing_component",
            url: str = "https://nongbua.go.th/doc.pdf") -> Finding:
    reasons = () if status is Status.PASS else (
        Reason(code=code, message_th=f"ไม่พบองค์ประกอบ {EVIL}", message_en=f"missing {EVIL}", severity=status,
               evidence=(Evidence(url=url, page=2, snippet=f"ข้อความ {EVIL}"),)),)
    found = (Reason(code="component", message_th="พบ: โครงการ", message_en="found: projects", severity=Status.PASS,
                    evidence=(Evidence(url=url),)),) if status is Status.PASS else ()
    return Finding(item=item, indicator=indicator, status=status, reasons=reasons, found=found,
                   confidence=Confidence.CONFIRMED, name_th=f"รายการ {item}", name_en=f"Item {item}", urls=(url,),
                   suppressed=suppressed)


AGENCIES = [
    ("nongbua", "องค์การบริหารส่วนตำบลหนองบัว", (
        finding("O1", 9, Status.PASS), finding("O2", 9, Status.FAIL), finding("O24", 10, Status.REVIEW),
        finding("O25", 10, Status.ERROR, code="timeout"))),
    ("takhian", "อบต.ตะเคียนราม <&>", (
        finding("O1", 9, Status.FAIL, suppressed="รอสภาอนุมัติ"), finding("O2", 9, Status.PASS),
        finding("O24", 10, Status.PASS, url="javascript:alert(1)"), finding("O25", 10, Status.PASS))),
]


def make_run(run_id: int, agencies: list = AGENCIES) -> RunResult:  # type: ignore[type-arg]
    results = tuple(AgencyResult(agency=Agency(name=name, home=f"https://{slug}.go.th/", items={}, slug=slug),
                                 fiscal_year=2569, findings=findings, started_at="2026-11-26T01:00:00+00:00",
                                 finished_at="2026-11-26T01:00:07+00:00") for slug, name, findings in agencies)
    return RunResult(criteria_year=2569, catalogue_version="2569.1", catalogue_source="rules/ita2569.toml",
                     fiscal_year=2569, tool_version="0.1.0", started_at="2026-11-26T01:00:00+00:00",
                     finished_at="2026-11-26T01:05:00+00:00", agencies=results, run_id=run_id)


def previous() -> RunResult:
    # Last night nongbua's O2 passed: tonight's fail is a regression.
    before = [(slug, name, tuple(f if f.item != "O2" or slug != "nongbua" else finding("O2", 9, Status.PASS)
                                 for f in findings)) for slug, name, findings in AGENCIES]
    return make_run(1, before)


def test_junit_has_a_suite_per_agency_and_a_case_per_item() -> None:
    run = make_run(2)
    root = ET.fromstring(junit.render(run, diff_runs(previous(), run), "th"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [name for _, name, _ in AGENCIES]
    for suite, (slug, _, findings) in zip(suites, AGENCIES, strict=True):
        cases = suite.findall("testcase")
        assert [c.get("name", "").split()[0] for c in cases] == [f.item for f in findings]
        assert all(c.get("classname") == f"oit.{slug}" for c in cases)
        assert int(suite.get("tests", "0")) == len(cases)
        assert int(suite.get("failures", "0")) == sum(1 for c in cases if c.find("failure") is not None)
        assert int(suite.get("errors", "0")) == sum(1 for c in cases if c.find("error") is not None)
        assert int(suite.get("skipped", "0")) == sum(1 for c in cases if c.find("skipped") is not None)
        assert suite.find("properties/property[@name='fiscal_year']").get("value") == "2569"  # type: ignore[union-attr]
    assert root.get("tests") == "8" and root.get("failures") == "2" and root.get("errors") == "1"

    nongbua = {c.get("name", "").split()[0]: c for c in suites[0].findall("testcase")}
    assert list(nongbua["O1"]) == [] or nongbua["O1"].find("system-out") is not None  # pass
    failure = nongbua["O2"].find("failure")
    assert failure is not None and failure.get("type") == "missing_component"
    assert failure.get("message", "").startswith("REGRESSION since the previous run")
    assert "https://nongbua.go.th/doc.pdf p.2" in (failure.text or "")
    review = nongbua["O24"].find("failure")
    assert review is not None and review.get("type") == "review"
    error = nongbua["O25"].find("error")
    assert error is not None and error.get("type") == "timeout"
    skipped = suites[1].find("testcase/skipped")
    assert skipped is not None and "รอสภาอนุมัติ" in skipped.get("message", "")


def test_junit_structure_follows_the_common_schema() -> None:
    allowed = {
        "testsuites": ({"name", "tests", "failures", "errors", "time", "disabled"}, {"testsuite"}),
        "testsuite": ({"name", "tests", "failures", "errors", "skipped", "time", "timestamp", "hostname", "id",
                       "package", "disabled"}, {"properties", "testcase", "system-out", "system-err"}),
        "properties": (set(), {"property"}),
        "property": ({"name", "value"}, set()),
        "testcase": ({"name", "classname", "time", "assertions", "status"},
                     {"skipped", "error", "failure", "system-out", "system-err"}),
        "failure": ({"message", "type"}, set()), "error": ({"message", "type"}, set()),
        "skipped": ({"message"}, set()), "system-out": (set(), set()),
    }
    text = junit.render(make_run(2), None, "en")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert "\x0b" not in text  # XML 1.0 cannot carry it
    for el in ET.fromstring(text).iter():
        attrs, children = allowed[el.tag]
        assert set(el.attrib) <= attrs, el.tag
        assert {c.tag for c in el} <= children, el.tag
    for suite in ET.fromstring(text):
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", suite.get("timestamp", ""))
        assert float(suite.get("time", "x")) == 7.0


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_self_contained_and_shows_every_agency_and_item() -> None:
    run = make_run(2)
    page = html_report.render(run, diff_runs(previous(), run), None, "th")
    parsed = _Collect()
    parsed.feed(page)
    text = " ".join(parsed.text)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="th">' in page
    for _, name, findings in AGENCIES:
        assert name in text
        for f in findings:
            assert f.item in text and f.name_th in text
    # self-contained: no scripts, no external styles, images or fonts
    tags = {t for t, _ in parsed.tags}
    assert "script" not in tags and "img" not in tags and "link" not in tags
    assert not re.search(r"@import|url\(", page)
    # escaped, and only http(s) URLs become links
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    hrefs = [a.get("href") or "" for t, a in parsed.tags if t == "a"]
    assert not any(h.lower().startswith("javascript:") for h in hrefs)
    assert "อบต.ตะเคียนราม &lt;&amp;&gt;" in page
    # what an executive needs: regressions first and marked, the estimate called one, the accepted gap marked
    since = page.index('id="since"')
    assert since < page.index('id="indicators"') < page.index('id="agencies"')
    assert 'class="regress"' in page[since:page.index('id="indicators"')]
    assert "ประมาณการ" in text and "รอสภาอนุมัติ" in text and "ยอมรับแล้ว" in text


def test_html_in_english_and_without_a_baseline() -> None:
    page = html_report.render(make_run(2), None, None, "en", incomplete=True)
    assert '<html lang="en">' in page and "No earlier run to compare with" in page
    assert "This run is incomplete" in page
    # A check's report (no stored run, no history): no "since last run" section waiting for a comparison.
    once = html_report.render(dataclasses.replace(make_run(2), run_id=None), None, None, "en")
    assert 'id="since"' in page and 'id="since"' not in once and "No earlier run" not in once
    assert 'id="indicators"' in once and 'id="agencies"' in once


def _section(page: str, ident: str) -> str:
    start = page.index(f'id="{ident}"')
    return page[start:page.index("</section>", start)]


def _text(fragment: str) -> str:
    parsed = _Collect()
    parsed.feed(fragment)
    return " ".join(parsed.text)


INJECT = '</blockquote><script>alert(1)</script><img src=x onerror=alert(2)>'


def test_html_snippets_from_pages_cannot_inject_markup() -> None:
    hostile = Finding(
        item="O3", indicator=9, status=Status.FAIL, confidence=Confidence.CONFIRMED, name_th="รายการ O3",
        urls=("https://nongbua.go.th/o3.html",),
        reasons=(Reason(code="missing_component", message_th="ไม่พบ", message_en="missing",
                        evidence=(Evidence(url='javascript:alert("src")', page=1, snippet=INJECT),)),))
    run = make_run(2, [("nongbua", "หนองบัว", (hostile,))])
    page = html_report.render(run, None, None, "th")
    parsed = _Collect()
    parsed.feed(page)
    tags = [t for t, _ in parsed.tags]
    assert "script" not in tags and "img" not in tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" in page
    assert tags.count("blockquote") == 1  # the quote cannot close its own box
    assert not any((a.get("href") or "").lower().startswith("javascript:") for t, a in parsed.tags if t == "a")
    assert "javascript:alert(&quot;src&quot;)" in page  # shown as text, not a link
    assert "\x0b" not in html_report.render(make_run(2), None, None, "th")  # control characters from PDFs dropped


def test_html_tells_an_executive_what_matters_first() -> None:
    run = make_run(2)
    page = html_report.render(run, diff_runs(previous(), run), None, "th")
    # key figures: the regression count first, flagged
    cards = _section(page, "overview")
    assert cards.index("แย่ลง") < cards.index("ไม่ผ่าน") and 'class="card alarm"' in cards
    # regressions: first among the changes, in the red box, with Thai status badges
    since = _section(page, "since")
    start = since.index('class="regress"')
    regress = since[start:since.index("</div>", start)]
    assert "O2" in _text(regress) and "องค์การบริหารส่วนตำบลหนองบัว" in _text(regress)
    assert '<span class="badge s-pass">✔ ผ่าน</span>' in regress
    assert '<span class="badge s-fail">✘ ไม่ผ่าน</span>' in regress
    # per-indicator summary: averaged range and grade, labelled an estimate (ประมาณการ)
    summary = _text(_section(page, "indicators"))
    assert "ประมาณการ" in summary and "ไม่ใช่คะแนนจริงของ ป.ป.ช." in summary
    assert "50.00" in summary and "50.00–75.00" in summary  # ind 9: (50+50)/2; ind 10: (0+100)/2–(50+100)/2
    assert "ระดับ (ประมาณการ): <b>E–B</b>" in _section(page, "indicators")
    # every status is a badge with a Thai word, including the ones never seen in English
    for word in ("ต้องตรวจทาน", "ตรวจไม่ได้"):
        assert re.search(rf'<span class="badge s-\w+">. {word}</span>', page)
    # the regressed item's row carries the mark; row ids stay unique across agencies
    row = re.search(r'<tr id="a-nongbua-O2"[^>]*>.*?</tr>', page, re.S)
    assert row is not None and "▼ แย่ลง" in row.group(0)
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    # dates as a Thai reader writes them: Bangkok time, Buddhist-era year
    assert "26 พ.ย. 2569 08:05 น." in page


def test_html_explains_the_inferred_mark_and_reads_well_on_paper_and_phones() -> None:
    guess = Finding(item="O9", indicator=9, status=Status.FAIL, confidence=Confidence.INFERRED, name_th="รายการ O9",
                    reasons=(Reason(code="missing_component", message_th="ไม่พบ", message_en="missing",
                                    inferred=True),),
                    urls=("https://nongbua.go.th/" + "/".join(["very-long-folder-name"] * 8) + "/file.pdf",))
    page = html_report.render(make_run(2, [("nongbua", "หนองบัว", (guess,))]), None, None, "th")
    text = _text(page)
    assert 'class="inferred"' in page and "ผลนี้อาศัยเกณฑ์ที่อนุมาน" in text  # legend beside the tables
    assert 'class="legend"' in page
    # long URLs wrap at their slashes; the href itself is untouched
    assert "very-long-folder-name/<wbr>very-long-folder-name" in page
    assert 'href="https://nongbua.go.th/very-long-folder-name/very-long-folder-name/' in page
    css = page[page.index("<style>"):page.index("</style>")]
    for font in ('"Sarabun"', '"TH Sarabun New"', '"Noto Sans Thai"', '"Leelawadee UI"', '"Tahoma"', "sans-serif"):
        assert font in css
    assert "@media print" in css and "max-width: 720px" in css and "line-height: 1.7" in css
    assert 'data-label="ผล"' in page  # stacked cards on a phone keep their labels

    english = html_report.render(make_run(2), None, None, "en")
    assert "26 Nov 2026 08:05 (UTC+7)" in english and "estimate" in _text(_section(english, "indicators"))


def test_markdown_puts_the_since_section_before_the_agencies() -> None:
    run = make_run(2)
    text = render("md", run, diff_runs(previous(), run), None, "en")
    assert text.index("## Since the last run") < text.index("## องค์การบริหารส่วนตำบลหนองบัว")
    assert "Regressions" in text and "| องค์การบริหารส่วนตำบลหนองบัว | O2 |" in text


def test_table_render_without_a_console_returns_plain_text() -> None:
    run = make_run(2)
    text = render("table", run, diff_runs(previous(), run), None, "en")
    assert "Regressions (passed last time, not now): 1" in text and "\x1b[" not in text
