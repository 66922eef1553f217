"""One hostile string through every field into every report format (issue 15, points 3–5 and 7).

The string carries what would act somewhere: OSC 52 (writes the reader's clipboard), clear-screen, a C1 CSI,
`<img onerror>` and `<script>`, a right-to-left override, a NUL, a Markdown link, a table bar, backticks; and
every URL carries `user:password@`. Each format must keep none of it where it could act.
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import date

from rich.console import Console

from oit_checker.cli.audit import render
from oit_checker.config.suppress import Suppression, SuppressionOutcome
from oit_checker.model import (
    Agency,
    AgencyResult,
    Confidence,
    Evidence,
    FetchError,
    FetchRecord,
    Finding,
    Reason,
    RunResult,
    Status,
)
from oit_checker.model.diff import DocumentChange, ItemChange, RunDiff, UrlChange
from oit_checker.text import sanitize

H = ("\x1b]52;c;aGFja2Vk\x07\x1b[2J\x9b31m<img src=x onerror=alert(1)><script>alert(2)</script>"
     "\u202egnp.exe\x00\r[click](javascript:alert(3))|`x`")
URL = "http://admin:s3cret-pw@www.hostile.go.th/ita/" + H
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _reason(severity: Status) -> Reason:
    return Reason(code="missing_component", message_th=H, message_en=H, severity=severity,
                  evidence=(Evidence(url=URL, page=2, snippet=H),), detail={"detail": H, "url": URL})


def hostile_run() -> tuple[RunResult, RunDiff, SuppressionOutcome]:
    agency = Agency(name=H, home=URL, items={"O1": (URL,)}, slug="slug\x01" + H, source=H)
    fetch = FetchRecord(url=URL, final_url=URL, status=200, attempts=1, error=FetchError.PROTOCOL, detail=H,
                        redirects=(URL,))
    findings = tuple(
        Finding(item=f"O{n}", indicator=9 if n < 3 else 10, status=status, reasons=(_reason(status),),
                confidence=Confidence.CONFIRMED, name_th=H, name_en=H, urls=(URL,), documents=(URL,),
                found=(Reason(code="component_found", message_th=H, message_en=H, severity=Status.PASS,
                              evidence=(Evidence(url=URL, snippet=H),)),),
                suppressed=H if status is Status.REVIEW else "", fetches=(fetch,))
        for n, status in enumerate((Status.FAIL, Status.ERROR, Status.REVIEW, Status.PASS), start=1))
    result = AgencyResult(agency=agency, fiscal_year=2568, findings=findings, started_at="2025-01-01T00:00:00",
                          finished_at="2025-01-01T00:01:00")
    run = RunResult(criteria_year=2568, catalogue_version=H, catalogue_source=H, fiscal_year=2568,
                    tool_version="0.1.0", started_at="2025-01-01T00:00:00", finished_at="2025-01-01T00:01:00",
                    agencies=(result,), run_id=2)
    change = ItemChange(agency=agency.slug, agency_name=H, item="O1", name_th=H, name_en=H, before=Status.PASS,
                        after=Status.FAIL, reasons=(_reason(Status.FAIL),), suppressed=H)
    diff = RunDiff(base_run=1, head_run=2, base_started=H, head_started=H, regressions=(change,),
                   changed=(change,), added_urls=(UrlChange(agency.slug, H, "O1", URL),),
                   removed_urls=(UrlChange(agency.slug, H, "O1", URL),),
                   changed_documents=(DocumentChange(agency.slug, H, URL, "a", "b", (H,)),),
                   new_agencies=(H,), missing_agencies=(H,))
    supp = Suppression(agency=H, item="O3", code=H, reason=H, expires=date(2030, 1, 1), source=H, index=1)
    outcome = SuppressionOutcome(run=run, applied=(), expired=(supp,), unused=(supp,))
    return run, diff, outcome


def _common(text: str, fmt: str) -> None:
    assert not CONTROLS.search(text.replace("\n", "").replace("\t", "")), (fmt, CONTROLS.findall(text)[:5])
    assert "s3cret-pw" not in text and "admin:" not in text, fmt
    assert "***@www.hostile.go.th" in text, fmt


def test_terminal_table_has_no_control_sequence_and_no_markup_injection() -> None:
    run, diff, supp = hostile_run()
    buffer = io.StringIO()
    console = Console(file=buffer, width=200, force_terminal=True, color_system="truecolor")
    render("table", run, diff, supp, "en", console=console)
    out = buffer.getvalue()
    # The console's own colour codes (ESC [ … m) are the only escape sequences; nothing from the data.
    data = re.sub(r"\x1b\[[0-9;]*m", "", out)
    _common(data, "table")
    assert "\x1b]" not in out and "\x1b[2J" not in out
    assert "]52;c;aGFja2Vk" in data  # the payload is shown as inert text, not dropped silently
    assert "\x1b]8;" not in out  # no terminal hyperlink smuggled through rich markup


def test_json_values_are_clean_and_still_say_what_the_site_said() -> None:
    run, diff, supp = hostile_run()
    text = render("json", run, diff, supp, "en")
    data = json.loads(text)
    _common(json.dumps(data, ensure_ascii=False), "json")
    assert data["agencies"][0]["name"].startswith("]52;c;aGFja2Vk[2J31m<img")


def test_markdown_renders_no_html_no_links_and_no_broken_table() -> None:
    run, diff, supp = hostile_run()
    text = render("md", run, diff, supp, "en")
    _common(text, "md")
    assert "<img" not in text and "<script" not in text and "</script" not in text
    assert not re.search(r"(?<!\\)\]\(javascript:", text) and "\\[click\\]" in text  # escaped: no link
    for line in text.splitlines():
        if line.startswith("|"):  # every table row keeps its own columns: bars from data are escaped
            cells = re.split(r"(?<!\\)\|", line)
            assert len(cells) in (6, 8), line[:120]
    assert "<http://***@www.hostile.go.th/ita/" in text  # URLs stay links, percent-encoded, credentials out
    assert "`x`" not in text.replace("\\`x\\`", "")


def test_html_escapes_everything() -> None:
    run, diff, supp = hostile_run()
    text = render("html", run, diff, supp, "en")
    _common(text, "html")
    assert "<img src=x" not in text and "<script>alert" not in text


def test_junit_is_well_formed_xml_with_a_control_character_in_the_slug() -> None:
    run, diff, supp = hostile_run()
    text = render("junit", run, diff, supp, "en")
    _common(text, "junit")
    root = ET.fromstring(text.encode("utf-8"))
    suite = root.find("testsuite")
    assert suite is not None and suite.get("package", "").startswith("slug]52;c;")
    for case in root.iter("testcase"):
        assert case.get("classname", "").startswith("oit.slug")


def test_sanitiser_pieces() -> None:
    assert sanitize.clean("a\x1b[2Jb\u202ec\x00d") == "a[2Jbcd"
    assert sanitize.redact_credentials("see http://u:p@h.go.th/x and https://tok@h/") == \
        "see http://***@h.go.th/x and https://***@h/"
    # Thai text runs into a URL without a space; so may a digit or an underscore.
    assert sanitize.clean("ดูได้จากhttps://admin:secret@x.go.th/a") == "ดูได้จากhttps://***@x.go.th/a"
    assert sanitize.clean("หน้าhttp://user:pass@host/x 1http://u:p@h x_ftp://u@h") == \
        "หน้าhttp://***@host/x 1http://***@h x_ftp://***@h"
    assert sanitize.clean("mailto:saraban@example.go.th, อีเมล saraban@example.go.th") == \
        "mailto:saraban@example.go.th, อีเมล saraban@example.go.th"  # addresses are not credentials
    assert sanitize.markdown("<b>|[x](y)`") == "&lt;b&gt;\\|\\[x\\](y)\\`"
    assert sanitize.markdown_url("javascript:alert(1)") == "javascript:alert(1)"
    assert sanitize.markdown_url("http://h/a b<c>") == "<http://h/a%20b%3Cc%3E>"
    assert sanitize.xml_text("a\ud800\uffffb\x01") == "ab"
