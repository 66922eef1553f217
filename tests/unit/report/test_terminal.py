"""The terminal report at 80 and 100 columns: component names and URLs whole, Thai wrapped at word
boundaries, one "what to do" line per failing item; the demo's real findings are used."""

from __future__ import annotations

import asyncio
import io
import re

import pytest
from rich.cells import cell_len
from rich.console import Console

from oit_checker.catalogue.reasons import fix_hint, make
from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
from oit_checker.config.manifest import load_manifests
from oit_checker.demo import DEMO_DIR, DEMO_HOST, HostMapTransport
from oit_checker.engine.session import RunOptions, run_agencies
from oit_checker.model import RunResult, Status
from oit_checker.report import table, wrap
from oit_checker.report.projection import grade_text, score_text
from tests.support.paths import ROOT

URL_LINE = re.compile(r"^\s*(https?://\S+)(?: p\.\d+| \(หน้า \d+\))?$")


@pytest.fixture(scope="module")
def demo_run(demo_base_url: str) -> RunResult:
    cat = load_catalogue(catalogue_path_for(2568))
    agencies = load_manifests([DEMO_DIR / "agency.toml"], cat.ids)
    return asyncio.run(run_agencies(agencies, cat, 2568, RunOptions(extract_workers=0),
                                    transport=HostMapTransport({DEMO_HOST: demo_base_url})))


def render(run: RunResult, lang: str, width: int) -> str:
    buf = io.StringIO()
    table.print_run(Console(file=buf, width=width, no_color=True, highlight=False), run, lang)
    return buf.getvalue()


@pytest.mark.parametrize("width", [80, 100])
@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_line_fits_except_whole_urls(demo_run: RunResult, lang: str, width: int) -> None:
    out = render(demo_run, lang, width)
    too_wide = [ln for ln in out.splitlines() if cell_len(ln) > width and not URL_LINE.match(ln)]
    assert too_wide == []
    # Every evidence URL is on one line of its own, whole (copyable), never folded.
    urls = {table.evidence_url(f, lang).split(" ")[0] for a in demo_run.agencies for f in a.findings}
    pages = [table.evidence_url(f, lang) for a in demo_run.agencies for f in a.findings if " " in table.evidence_url(f)]
    assert pages and all(p.endswith(")") and "(หน้า " in p if lang == "th" else " p." in p for p in pages)
    lines = out.splitlines()
    for url in urls - {""}:
        assert any(URL_LINE.match(ln) and URL_LINE.match(ln).group(1) == url for ln in lines), url  # type: ignore[union-attr]
    assert "…\n" not in out.replace("…”", "")  # no reason cut with an ellipsis (snippets are quotes)


def test_a_passing_item_shows_the_document_it_was_found_in_not_a_remarks_link(demo_run: RunResult) -> None:
    o12 = next(f for a in demo_run.agencies for f in a.findings if f.item == "O12")
    assert o12.status is Status.PASS and "egp_link_also" in {r.code for r in o12.reasons}
    assert table.evidence_url(o12) == "https://www.example.go.th/files/procurement-summary-2568.xlsx"
    # A failing item still shows where its problem was seen.
    o24 = next(f for a in demo_run.agencies for f in a.findings if f.item == "O24")
    problem = next(r for r in o24.reasons if r.severity is not Status.PASS and any(e.url for e in r.evidence))
    first = next(e for e in problem.evidence if e.url)
    assert table.evidence_url(o24) == first.url + (f" p.{first.page}" if first.page else "")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_missing_component_names_stay_whole_at_80_columns(demo_run: RunResult, lang: str) -> None:
    out = render(demo_run, lang, 80)
    flowing = "".join(ln.strip() for ln in out.splitlines())  # lines joined: Thai wraps without spaces
    missing = [r for a in demo_run.agencies for f in a.findings for r in f.reasons if r.code == "missing_component"]
    assert missing
    for r in missing:
        message = r.message_en if lang == "en" else r.message_th
        assert message.replace(" ", "") in flowing.replace(" ", ""), message  # every name, uncut
    # A component's name moves whole to the next line: "ระยะเวลาดำเนินการ" is never cut after "ดำเนิน".
    assert not any(ln.rstrip().endswith(("ระยะเว", "ดำเนิน", "ตะเคียน")) for ln in out.splitlines())


@pytest.mark.parametrize("lang", ["th", "en"])
def test_one_fix_line_per_failing_item(demo_run: RunResult, lang: str) -> None:
    out = render(demo_run, lang, 100)
    findings = [f for a in demo_run.agencies for f in a.findings]
    failing = [f for f in findings if f.status is not Status.PASS]
    assert failing
    assert out.count("→ ") == len(failing)
    joined = "".join(ln.strip() for ln in out.splitlines())
    for f in failing:
        assert table.fix_line(f, lang).replace(" ", "") in joined.replace(" ", "")
    o7 = next(f for f in findings if f.item == "O7")
    assert table.fix_line(o7, lang) == fix_hint("cover_only", lang)


def test_thai_wraps_at_word_boundaries() -> None:
    text = "ไม่พบองค์ประกอบที่เกณฑ์กำหนด: ผลการดำเนินงานรายโครงการ/กิจกรรม, งบประมาณที่ใช้จ่าย, ปัญหา/อุปสรรค"
    lines = wrap.wrap(text, 30)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(cell_len(ln) <= 30 for ln in lines)
    if wrap.icu_available():
        words = {"ไม่", "พบ", "องค์", "ประกอบ", "ที่", "เกณฑ์", "กำหนด:", "งบประมาณ", "ปัญหา/", "อุปสรรค"}
        # Each line starts where a word starts: never inside "ประกอบ", "กำหนด", "งบประมาณ" …
        for ln in lines[1:]:
            assert any(ln.startswith(w) for w in words | {"ผล", "การ", "ดำเนิน", "งาน", "ราย", "โครงการ/",
                                                          "กิจกรรม,", "ที่", "ใช้", "จ่าย,", "งบ", "ประมาณ"}), ln


def test_component_names_move_whole_to_the_next_line() -> None:
    text = "• ไม่พบองค์ประกอบที่เกณฑ์กำหนด: งบประมาณ (หรือระบุว่าไม่ใช้งบประมาณ), ระยะเวลาดำเนินการ ≈"
    for width in range(40, 80):
        lines = wrap.wrap(text, width)
        assert all(cell_len(ln) <= width for ln in lines)
        assert any("ระยะเวลาดำเนินการ" in ln for ln in lines), width
        assert any("(หรือระบุว่าไม่ใช้งบประมาณ)," in ln for ln in lines), width


def test_a_path_in_a_sentence_is_not_cut_at_its_slashes() -> None:
    path = "/srv/oit/agencies/tambon-takhianram/agency.toml"
    lines = wrap.wrap(f"ปีงบประมาณตาม fiscal_year ใน {path}", 50)
    assert path in lines


def test_urls_are_never_folded() -> None:
    url = "https://www.example.go.th/files/" + "a" * 90 + ".pdf"
    lines = wrap.wrap(f"ดูเอกสารที่ {url} แล้วแก้ไข", 40)
    assert url in lines
    assert all(cell_len(ln) <= 40 for ln in lines if ln != url)


def test_wrap_without_icu_still_keeps_marks_with_their_letters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wrap, "_icu_breaker", lambda: None)
    lines = wrap.wrap("ผู้บริหารสูงสุดและตำแหน่งรองผู้บริหารชื่อนามสกุลของผู้บริหาร", 12)
    assert all(cell_len(ln) <= 12 for ln in lines)
    # No line starts with a combining vowel or tone mark (it would float over nothing).
    assert not any(ln and ln[0] in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
                   for ln in lines)


def test_one_value_range_and_grade() -> None:
    assert score_text(42.857, 42.857) == "42.86" and grade_text("F", "F") == "F"
    assert score_text(60, 65) == "60.00–65.00" and grade_text("D", "C") == "D–C"


def test_fix_line_for_a_timeout_is_the_timeouts_fix() -> None:
    from oit_checker.model import Confidence, Finding

    f = Finding(item="O11", indicator=9, status=Status.ERROR, reasons=(make("timeout", detail="20 s"),),
                confidence=Confidence.CONFIRMED, name_th="x", name_en="x", urls=("https://x.go.th/a",))
    assert table.fix_line(f, "th") == fix_hint("timeout", "th")


@pytest.mark.parametrize("name", ["demo-th-80", "demo-th-100", "demo-en-80", "demo-en-100"])
def test_checked_in_screen_captures_fit_their_terminal(name: str) -> None:
    width = int(name.rsplit("-", 1)[1])
    capture = ROOT / "docs" / "screens" / f"{name}.txt"
    lines = capture.read_text(encoding="utf-8").splitlines()
    assert len(lines) > 60 and any("→" in ln for ln in lines)
    assert [ln for ln in lines if cell_len(ln) > width and not URL_LINE.match(ln)] == []
