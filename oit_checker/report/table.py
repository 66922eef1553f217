"""The terminal gap table for the ITA working group (rich), grouped by indicator 9 and 10."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from oit_checker.model import AgencyResult, Finding, Reason, RunResult, Status
from oit_checker.report.labels import STATUS, STATUS_ICON, STATUS_STYLE, t
from oit_checker.report.projection import INDICATOR_NAMES, Method, Projection, project
from oit_checker.text.sanitize import scrub

MAX_SNIPPET = 90


def _message(r: Reason, lang: str) -> str:
    return r.message_en if lang == "en" else r.message_th


def _status_cell(f: Finding, lang: str) -> Text:
    label = f"{STATUS_ICON[f.status]} {STATUS[lang][f.status]}"
    if f.inferred:
        label += " ≈"
    if f.suppressed:
        label += f" ({t(lang, 'suppressed')})"
    return Text(label, style=STATUS_STYLE[f.status])


def _reasons_cell(f: Finding, lang: str) -> Text:
    text = Text()
    shown = [r for r in f.reasons if r.severity is not Status.PASS] or list(f.reasons)
    for n, r in enumerate(shown):
        if n:
            text.append("\n")
        style = STATUS_STYLE.get(r.severity, "")
        text.append("• ", style=style)
        text.append(_message(r, lang) + (" ≈" if r.inferred else ""))
        snippet = next((e.snippet for e in r.evidence if e.snippet), "")
        if snippet:
            snippet = snippet if len(snippet) <= MAX_SNIPPET else snippet[: MAX_SNIPPET - 1] + "…"
            text.append(f"\n  “{snippet}”", style="dim")
    if not shown and f.found:
        text.append(f"{t(lang, 'found')}: " + ", ".join(
            (r.message_en if lang == "en" else r.message_th) for r in f.found[:4]), style="green")
    return text


def _evidence_cell(f: Finding) -> Text:
    for r in f.reasons:
        for e in r.evidence:
            if e.url:
                page = f" p.{e.page}" if e.page else ""
                return Text(e.url + page, style="cyan", overflow="fold")
    url = f.found[0].evidence[0].url if f.found and f.found[0].evidence else (f.urls[0] if f.urls else "—")
    return Text(url, style="cyan", overflow="fold")


def _summary(p: Projection, lang: str) -> Text:
    name = INDICATOR_NAMES.get(p.indicator, ("", ""))[1 if lang == "en" else 0]
    passing = p.counts.get("pass", 0)
    low, high = p.grade_range
    text = Text()
    text.append(f"{t(lang, 'indicator')} {p.indicator} {name}: ", style="bold")
    text.append(f"{t(lang, 'passing')} {passing}/{p.items} {t(lang, 'items')}", style="bold")
    counts = ", ".join(f"{STATUS[lang][Status(k)]} {v}" for k, v in p.counts.items() if v and k != "pass")
    if counts:
        text.append(f" ({counts})")
    text.append(f" · {t(lang, 'projection')} {p.pessimistic:.2f}–{p.optimistic:.2f} "
                f"({t(lang, 'grade')} {low}–{high}; {t(lang, 'estimate')})", style="dim")
    return text


def agency_renderable(a: AgencyResult, lang: str, method: Method | None = None) -> Group:
    a = scrub(a)  # controls, bidi overrides and URL credentials out of every string shown
    parts: list[RenderableType] = []
    title = f"{a.agency.name} · {t(lang, 'fiscal_year')} {a.fiscal_year}"
    parts.append(Rule(Text(title, style="bold")))
    projections = project(a.findings, method)
    for indicator in sorted(projections):
        name = INDICATOR_NAMES.get(indicator, ("", ""))[1 if lang == "en" else 0]
        table = Table(title=f"{t(lang, 'indicator')} {indicator} {name}", title_justify="left",
                      show_lines=True, expand=True)
        table.add_column(t(lang, "item"), no_wrap=True)
        table.add_column(t(lang, "name"), ratio=3)
        table.add_column(t(lang, "status"), no_wrap=True)
        table.add_column(t(lang, "reasons"), ratio=5)
        table.add_column(t(lang, "evidence"), ratio=3)
        for f in a.findings:
            if f.indicator != indicator:
                continue
            # Text, never a plain str: a plain cell is read as rich markup ("[link=…]" from a rule file)
            table.add_row(Text(f.item), Text(f.name_en if lang == "en" else f.name_th), _status_cell(f, lang),
                          _reasons_cell(f, lang), _evidence_cell(f))
        parts.append(table)
        parts.append(_summary(projections[indicator], lang))
    if any(f.inferred for f in a.findings):
        parts.append(Text(t(lang, "inferred_mark"), style="dim"))
    return Group(*parts)


def print_run(console: Console, run: RunResult, lang: str = "th", method: Method | None = None) -> None:
    run = scrub(run)
    console.print(Text(f"{t(lang, 'criteria')} {run.criteria_year} ({run.catalogue_version}) · "
                       f"{t(lang, 'fiscal_year')} {run.fiscal_year}", style="dim"))
    for a in run.agencies:
        console.print(agency_renderable(a, lang, method))
    console.print(Text(f"{t(lang, 'projection')} — {t(lang, 'method')}: {(method or Method()).describe(lang)}",
                       style="dim"))
