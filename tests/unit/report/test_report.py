"""Report writers and the score projection, from fixed findings (no I/O but StringIO)."""

from __future__ import annotations

import dataclasses
import io
import json

from rich.console import Console

from oit_checker.catalogue.reasons import make
from oit_checker.model import Agency, AgencyResult, Confidence, Evidence, Finding, RunResult, Status
from oit_checker.report import json_out, markdown, table
from oit_checker.report.projection import Method, grade, project


def finding(item: str, indicator: int, status: Status, *reasons_: object, inferred: bool = False) -> Finding:
    return Finding(item=item, indicator=indicator, status=status, reasons=tuple(reasons_),  # type: ignore[arg-type]
                   confidence=Confidence.INFERRED if inferred else Confidence.CONFIRMED,
                   name_th=f"รายการ {item}", name_en=f"Item {item}", urls=(f"https://x.go.th/{item}",))


STALE = make("stale_fiscal_year", found="2566, 2567", expected="2568",
             evidence=(Evidence("https://x.go.th/o24.pdf", 1, "ปีงบประมาณ พ.ศ. 2567"),))
FINDINGS = (
    finding("O1", 9, Status.PASS),
    finding("O7", 9, Status.FAIL, make("cover_only", chars=120, pages=1)),
    finding("O19", 9, Status.REVIEW, make("no_text")),
    finding("O11", 9, Status.ERROR, make("timeout", detail="20 s")),
    finding("O24", 10, Status.FAIL, STALE),
    finding("O21", 10, Status.PASS, inferred=True),
)
RUN = RunResult(criteria_year=2568, catalogue_version="2568.1", catalogue_source="rules/ita2568.toml",
                fiscal_year=2568, tool_version="0.1.0", started_at="2026-01-01T00:00:00+00:00",
                finished_at="2026-01-01T00:01:00+00:00",
                agencies=(AgencyResult(agency=Agency(name="อบต.ทดสอบ", home="https://x.go.th/", items={}),
                                       fiscal_year=2568, findings=FINDINGS, started_at="s", finished_at="f"),))


def test_projection_arithmetic_is_shown_and_correct() -> None:
    proj = project(FINDINGS)
    nine = proj[9]
    assert nine.items == 4 and nine.counts == {"pass": 1, "fail": 1, "review": 1, "error": 1}
    assert nine.pessimistic == 25.0 and nine.optimistic == 50.0  # review counts as 0 / 100
    assert nine.arithmetic == "(100 + 0 + 0 + 0) / 4 = 25.00"
    assert proj[10].pessimistic == 50.0
    assert nine.grade_range == ("F", "E")


def test_projection_weights_and_bands() -> None:
    weighted = project(FINDINGS, Method(weights={"O1": 3.0}))
    assert weighted[9].pessimistic == 50.0
    assert weighted[9].arithmetic == "(3×100 + 0 + 0 + 0) / 6 = 50.00"
    assert [grade(s) for s in (95, 94.99, 85, 75, 65, 55, 50, 49.99)] == ["AA", "A", "A", "B", "C", "D", "E", "F"]


def test_json_keeps_the_documented_core_names() -> None:
    data = json.loads(json_out.render(RUN))
    assert data["criteria"]["year"] == 2568 and data["fiscal_year"] == 2568
    agency = data["agencies"][0]
    assert agency["name"] == "อบต.ทดสอบ"
    o24 = next(f for f in agency["findings"] if f["item"] == "O24")
    assert o24["indicator"] == 10 and o24["status"] == "fail" and o24["confidence"] == "confirmed"
    reason = o24["reasons"][0]
    assert reason["code"] == "stale_fiscal_year" and "2567" in reason["message_th"] and reason["message_en"]
    assert reason["evidence"] == [{"url": "https://x.go.th/o24.pdf", "page": 1, "snippet": "ปีงบประมาณ พ.ศ. 2567"}]
    assert agency["summary"]["9"]["projection"]["estimate"] is True


class _Sections(tuple[AgencyResult, ...]):
    """Agencies with their JSON sections made beforehand, as a run's spool holds them (engine/readback.py)."""

    def section(self, index: int) -> str | None:
        return json_out.agency_section(self[index])


def test_json_written_agency_by_agency_is_the_rendered_text() -> None:
    other = AgencyResult(agency=Agency(name="เทศบาล\nสอง", home="https://y.go.th/", items={}), fiscal_year=2568,
                         findings=FINDINGS[:2], started_at="s", finished_at="f")
    for agencies in ((), RUN.agencies, (*RUN.agencies, other)):
        for given in (agencies, _Sections(agencies)):
            run = dataclasses.replace(RUN, agencies=given)
            buf = io.StringIO()
            json_out.write(buf, run)
            assert buf.getvalue() == json_out.render(run)


def render_table(lang: str) -> str:
    buf = io.StringIO()
    table.print_run(Console(file=buf, width=160, no_color=True, highlight=False), RUN, lang)
    return buf.getvalue()


def test_table_groups_by_indicator_with_thai_labels() -> None:
    out = render_table("th")
    assert out.index("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล") < out.index("ตัวชี้วัดที่ 10 การป้องกันการทุจริต")
    assert "ไม่ผ่าน" in out and "ต้องตรวจทาน" in out and "ตรวจไม่ได้" in out
    assert "ผ่าน 1/4 ข้อ" in out and "ผ่าน 1/2 ข้อ" in out
    assert "ปีงบประมาณ พ.ศ. 2567" in out  # the quoted evidence
    assert "≈" in out  # O21 rests on an inferred rule
    assert "\x1b[" not in out


def test_table_in_english() -> None:
    out = render_table("en")
    assert "Indicator 9 Disclosure" in out and "fail" in out and "passing 1/4 items" in out


def test_markdown_report() -> None:
    md = markdown.render(RUN, "th")
    assert md.startswith("# รายงานช่องว่าง OIT")
    assert "| O24 | รายการ O24 | ✘ ไม่ผ่าน |" in md
    assert "“ปีงบประมาณ พ.ศ. 2567”" in md
    assert "(100 + 0 + 0 + 0) / 4 = 25.00" in md


def test_english_reason_messages_count_in_the_singular() -> None:
    one_page = make("cover_only", chars=101, pages=1).message_en
    assert "101 characters" in one_page and one_page.endswith("(1 page)")
    one_char = make("cover_only", chars=1, pages=11).message_en
    assert "holds 1 character " in one_char and one_char.endswith("(11 pages)")
    assert make("server_error", status=503, attempts=1).message_en.startswith(
        "Server failing (HTTP 503) after 1 attempt;")
