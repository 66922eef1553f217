"""A shareable Markdown gap report (also the base text of the e-mail a working group forwards)."""

from __future__ import annotations

from oit_checker.catalogue import reasons
from oit_checker.model import AgencyResult, Finding, RunResult, Status
from oit_checker.report.labels import STATUS, STATUS_ICON, t
from oit_checker.report.projection import INDICATOR_NAMES, Method, grade_text, project, score_text
from oit_checker.text.sanitize import markdown as _cell
from oit_checker.text.sanitize import markdown_url as _url
from oit_checker.text.sanitize import scrub

# Every string from outside (page, document, API field, manifest, rule file) goes through `_cell` (no raw
# HTML, links, table or code breaks) or `_url` (an http(s) autolink); the rest is this module's own words.


def _finding_detail(f: Finding, lang: str) -> list[str]:
    lines = [f"#### {_cell(f.item)} {_cell(f.name_en if lang == 'en' else f.name_th)} — "
             f"{STATUS_ICON[f.status]} {STATUS[lang][f.status]}{' ≈' if f.inferred else ''}", ""]
    for r in f.reasons:
        msg = r.message_en if lang == "en" else r.message_th
        lines.append(f"- **{_cell(r.code)}**{' ≈' if r.inferred else ''}: {_cell(msg)}")
        for e in r.evidence[:3]:
            page = f" ({t(lang, 'page')} {e.page})" if e.page else ""
            quote = f" — “{_cell(e.snippet)}”" if e.snippet else ""
            lines.append(f"  - {_url(e.url)}{page}{quote}")
        fix = reasons.fix_hint(r.code, lang, **r.detail)
        if fix and r.severity is not Status.PASS:
            lines.append(f"  - {t(lang, 'fix')}: {_cell(fix)}")
    for r in f.found:
        at = r.evidence[0] if r.evidence else None
        where = f" {_url(at.url)}" + (f" ({t(lang, 'page')} {at.page})" if at.page else "") if at else ""
        quote = f" — “{_cell(at.snippet)}”" if at and at.snippet else ""
        lines.append(f"- {t(lang, 'found')}: {_cell(r.message_en if lang == 'en' else r.message_th)}{where}{quote}")
    lines.append("")
    return lines


def agency_markdown(a: AgencyResult, lang: str, method: Method | None = None) -> list[str]:
    lines = [f"## {_cell(a.agency.name)}", "", f"{t(lang, 'fiscal_year')} {a.fiscal_year}"
             + (f" · {_url(a.agency.home)}" if a.agency.home else ""), ""]
    projections = project(a.findings, method)
    for ind in sorted(projections):
        p = projections[ind]
        name = INDICATOR_NAMES.get(ind, ("", ""))[1 if lang == "en" else 0]
        low, high = p.grade_range
        lines += [f"### {t(lang, 'indicator')} {ind} {name}", "",
                  f"{t(lang, 'passing')} {p.counts.get('pass', 0)}/{p.items} · {t(lang, 'projection')} "
                  f"{score_text(p.pessimistic, p.optimistic)} ({t(lang, 'grade')} {grade_text(low, high)}; "
                  f"{t(lang, 'estimate')}) · {_cell(p.arithmetic)}", "",
                  f"| {t(lang, 'item')} | {t(lang, 'name')} | {t(lang, 'status')} | {t(lang, 'reasons')} |",
                  "|---|---|---|---|"]
        for f in a.findings:
            if f.indicator != ind:
                continue
            msgs = "; ".join((r.message_en if lang == "en" else r.message_th) for r in f.reasons
                             if r.severity is not Status.PASS)
            lines.append(f"| {_cell(f.item)} | {_cell(f.name_en if lang == 'en' else f.name_th)} | "
                         f"{STATUS_ICON[f.status]} {STATUS[lang][f.status]}{' ≈' if f.inferred else ''} | "
                         f"{_cell(msgs) or t(lang, 'none')} |")
        lines.append("")
    for f in a.findings:
        lines += _finding_detail(f, lang)
    return lines


def render(run: RunResult, lang: str = "th", method: Method | None = None) -> str:
    run = scrub(run)
    method = method or Method()
    lines = [f"# {t(lang, 'title')}", "",
             f"{t(lang, 'criteria')} {run.criteria_year} ({_cell(run.catalogue_version)}) · "
             f"{t(lang, 'fiscal_year')} {run.fiscal_year} · oit-checker {run.tool_version} · {run.finished_at}",
             "", f"{t(lang, 'method')}: {_cell(method.describe(lang))}", "", f"> {t(lang, 'inferred_mark')}", ""]
    for a in run.agencies:
        lines += agency_markdown(a, lang, method)
    return "\n".join(lines).rstrip() + "\n"
