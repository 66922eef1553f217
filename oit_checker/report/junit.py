"""JUnit XML, so a CI system shows every (agency, item) as a test case.

One <testsuite> per agency (name = agency name, package = slug), one <testcase> per item
(classname = `oit.<slug>`, name = `O24 <item name>`). Mapping, chosen to agree with the exit code:
- pass → a plain testcase;
- fail → <failure type="<first reason code>">;
- error (could not look) → <error type="<code>">: CI tools show it apart from a failure, as we do;
- review → <failure type="review">: software could not decide, and review is never counted as a pass
  (the exit code counts it as a gap), so it must not look green; the message says a person should look;
- suppressed (an accepted gap) → <skipped message="<the human reason>">, whatever its status.
A regression since the previous run says so first in its message. Valid against the common JUnit XSD
(testsuites › testsuite › properties?, testcase › skipped|error|failure, system-out).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime

from oit_checker.model import AgencyResult, Finding, Reason, RunResult, Status
from oit_checker.model.diff import RunDiff
from oit_checker.text.sanitize import scrub, xml_text

# XML 1.0 cannot carry most C0 control characters, even escaped (broken PDFs put them in snippets; a
# manifest's slug may hold one): every text and attribute goes through the sanitiser.
_clean = xml_text


def _seconds(a: AgencyResult) -> str:
    try:
        delta = datetime.fromisoformat(a.finished_at) - datetime.fromisoformat(a.started_at)
        return f"{max(delta.total_seconds(), 0.0):.3f}"
    except ValueError:
        return "0"


def _problems(f: Finding) -> list[Reason]:
    return [r for r in f.reasons if r.severity is not Status.PASS] or list(f.reasons)


def _details(f: Finding, lang: str) -> str:
    lines = []
    for r in f.reasons:
        lines.append(f"[{r.code}] {r.message_en if lang == 'en' else r.message_th}")
        for e in r.evidence[:3]:
            page = f" p.{e.page}" if e.page else ""
            quote = f" “{e.snippet}”" if e.snippet else ""
            lines.append(f"    {e.url}{page}{quote}")
    if f.urls:
        lines.append("URLs: " + " ".join(f.urls))
    return _clean("\n".join(lines))


def _testcase(parent: ET.Element, a: AgencyResult, f: Finding, lang: str, regressed: set[tuple[str, str]]) -> str:
    name = f"{f.item} {f.name_en if lang == 'en' else f.name_th}".strip()
    case = ET.SubElement(parent, "testcase", name=_clean(name), classname=_clean(f"oit.{a.agency.slug}"),
                         time="0")
    prefix = "REGRESSION since the previous run: " if (a.agency.slug, f.item) in regressed else ""
    problems = _problems(f)
    summary = "; ".join(r.message_en if lang == "en" else r.message_th for r in problems)
    code = problems[0].code if problems else f.status.value
    if f.suppressed and f.status is not Status.PASS:
        ET.SubElement(case, "skipped", message=_clean(f"accepted gap ({f.status.value}): {f.suppressed}"))
        outcome = "skipped"
    elif f.status is Status.PASS:
        outcome = "pass"
    elif f.status is Status.ERROR:
        ET.SubElement(case, "error", message=_clean(prefix + summary), type=_clean(code)).text = _details(f, lang)
        outcome = "error"
    elif f.status is Status.REVIEW:
        ET.SubElement(case, "failure", message=_clean(prefix + "needs human review: " + summary),
                      type="review").text = _details(f, lang)
        outcome = "failure"
    else:
        ET.SubElement(case, "failure", message=_clean(prefix + summary), type=_clean(code)).text = _details(f, lang)
        outcome = "failure"
    if f.status is Status.PASS and f.found:
        out = "\n".join(r.message_en if lang == "en" else r.message_th for r in f.found)
        ET.SubElement(case, "system-out").text = _clean(out)
    return outcome


def build(run: RunResult, diff: RunDiff | None = None, lang: str = "th") -> ET.Element:
    regressed = {(c.agency, c.item) for c in (diff.regressions if diff else ())}
    run = scrub(run)  # credentials redacted (the regressions above are matched on the raw slugs)
    root = ET.Element("testsuites", name=f"oit-checker ITA {run.criteria_year} FY {run.fiscal_year}")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for n, a in enumerate(run.agencies):
        suite = ET.Element("testsuite", name=_clean(a.agency.name), tests="0", failures="0", errors="0",
                           skipped="0", time=_seconds(a), timestamp=a.started_at[:19], id=str(n),
                           package=_clean(a.agency.slug), hostname="localhost")
        props = ET.SubElement(suite, "properties")
        for key, value in (("fiscal_year", str(a.fiscal_year)), ("home", a.agency.home or ""),
                           ("run_id", str(run.run_id or "")), ("criteria", f"{run.criteria_year} "
                                                                           f"{run.catalogue_version}"),
                           ("complete", str(a.complete).lower())):
            ET.SubElement(props, "property", name=key, value=_clean(value))
        counts = {"failure": 0, "error": 0, "skipped": 0}
        for f in a.findings:
            outcome = _testcase(suite, a, f, lang, regressed)
            if outcome in counts:
                counts[outcome] += 1
        suite.set("tests", str(len(a.findings)))
        suite.set("failures", str(counts["failure"]))
        suite.set("errors", str(counts["error"]))
        suite.set("skipped", str(counts["skipped"]))
        totals["tests"] += len(a.findings)
        totals["failures"] += counts["failure"]
        totals["errors"] += counts["error"]
        totals["skipped"] += counts["skipped"]
        root.append(suite)
    for key, total in totals.items():
        if key != "skipped":  # the common XSD has no `skipped` on <testsuites>
            root.set(key, str(total))
    return root


def render(run: RunResult, diff: RunDiff | None = None, lang: str = "th") -> str:
    root = build(run, diff, lang)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
