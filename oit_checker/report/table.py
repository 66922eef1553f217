"""The terminal report for the ITA working group (rich), grouped by indicator 9 and 10.

One block per item, made for a screen of 80 columns as much as for a wide one: the status and name, the
reasons (Thai wrapped at word boundaries, components named in full), a quoted snippet, one "what to do"
line (the fix text of messages.toml) and the evidence URL on a line of its own, never folded.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.rule import Rule
from rich.text import Text

from oit_checker.catalogue import reasons
from oit_checker.model import AgencyResult, Finding, Reason, RunResult, Status
from oit_checker.report.labels import STATUS, STATUS_ICON, STATUS_STYLE, t
from oit_checker.report.projection import INDICATOR_NAMES, Method, Projection, grade_text, project, score_text
from oit_checker.report.wrap import wrap
from oit_checker.text.sanitize import clean, scrub

MAX_SNIPPET = 90
INDENT = 6  # "✘ O24 " — every line of an item's block after the first starts here
ITEM_WIDTH = 4  # "O24" and a space


def _message(r: Reason, lang: str) -> str:
    return r.message_en if lang == "en" else r.message_th


def _status_label(f: Finding, lang: str) -> str:
    label = STATUS[lang][f.status]
    if f.inferred:
        label += " ≈"
    if f.suppressed:
        label += f" ({t(lang, 'suppressed')})"
    return label


def _shown_reasons(f: Finding) -> list[Reason]:
    """What to say about an item: its non-pass reasons (a passing item's notes included)."""
    return [r for r in f.reasons if r.severity is not Status.PASS]


def fix_line(f: Finding, lang: str) -> str:
    """The one thing to do about a failing item: the fix of its weightiest reason; "" for a pass."""
    if f.status is Status.PASS:
        return ""
    shown = _shown_reasons(f)
    main = next((r for r in shown if r.severity is f.status), shown[0] if shown else None)
    return reasons.fix_hint(main.code, lang, **main.detail) if main is not None else ""


def evidence_url(f: Finding, lang: str = "en") -> str:
    """The one URL shown under an item: where its problem was seen, else the document its components were found
    in, else where a remark points (an e-GP link beside a passing workbook), else the submitted URL; its page
    after a space, in the report's words ("p.3", "(หน้า 3)"), so the URL itself can be selected whole."""
    problems = [r for r in f.reasons if r.severity is not Status.PASS]
    remarks = [r for r in f.reasons if r.severity is Status.PASS]
    found = [e for c in f.found for e in c.evidence]
    for e in [e for r in problems for e in r.evidence] + found + [e for r in remarks for e in r.evidence]:
        if e.url:
            return e.url + ((f" ({t(lang, 'page')} {e.page})" if lang == "th" else f" p.{e.page}") if e.page else "")
    return f.urls[0] if f.urls else ""


def _indented(text: str, width: int, first: str = "", rest: str = "", style: str = "") -> list[Text]:
    """`text` wrapped to `width`, the first line after `first` and the others after `rest` (same width)."""
    room = width - max(cell_len(first), cell_len(rest))
    lines = wrap(text, room)
    return [Text(first if n == 0 else rest) + Text(line, style=style) for n, line in enumerate(lines)]


def finding_lines(f: Finding, lang: str, width: int) -> list[Text]:
    """One item's block: every line fits `width` except a URL longer than the line (printed whole)."""
    style = STATUS_STYLE[f.status]
    head = Text(f"{STATUS_ICON[f.status]} ", style=style) + Text(f"{f.item:<{ITEM_WIDTH}}", style="bold")
    label = Text(_status_label(f, lang), style=style)
    name = f.name_en if lang == "en" else f.name_th
    pad = " " * INDENT
    first_prefix = head + label + Text("  ")
    name_lines = wrap(name, width - max(cell_len(first_prefix.plain), INDENT))
    lines = [first_prefix + Text(name_lines[0])]
    lines += [Text(pad + line) for line in name_lines[1:]]
    for r in _shown_reasons(f):
        mark = " ≈" if r.inferred else ""
        lines += _indented(_message(r, lang) + mark, width, pad + "• ", pad + "  ")
        snippet = next((e.snippet for e in r.evidence if e.snippet), "")
        if snippet:
            snippet = snippet if len(snippet) <= MAX_SNIPPET else snippet[: MAX_SNIPPET - 1] + "…"
            lines += _indented(f"“{snippet}”", width, pad + "  ", pad + "  ", style="dim")
    if not _shown_reasons(f) and f.found:
        found = ", ".join(_message(r, lang) for r in f.found[:4])
        lines += _indented(f"{t(lang, 'found')}: {found}", width, pad, pad, style="green")
    fix = fix_line(f, lang)
    if fix:
        lines += _indented(f"{t(lang, 'fix')}: {fix}", width, pad + "→ ", pad + "  ", style="bold")
    url = evidence_url(f, lang)
    if url:
        lines.append(Text(pad) + Text(url, style="cyan"))
    return lines


def _summary(p: Projection, lang: str, width: int) -> list[Text]:
    name = INDICATOR_NAMES.get(p.indicator, ("", ""))[1 if lang == "en" else 0]
    passing = p.counts.get("pass", 0)
    counts = ", ".join(f"{STATUS[lang][Status(k)]} {v}" for k, v in p.counts.items() if v and k != "pass")
    head = f"{t(lang, 'indicator')} {p.indicator} {name}: {t(lang, 'passing')} {passing}/{p.items} {t(lang, 'items')}"
    if counts:
        head += f" ({counts})"
    tail = (f"{t(lang, 'projection')} {score_text(p.pessimistic, p.optimistic)} "
            f"({t(lang, 'grade')} {grade_text(*p.grade_range)}; {t(lang, 'estimate')})")
    return _indented(head, width, style="bold") + _indented(tail, width, style="dim")


def agency_lines(a: AgencyResult, lang: str, width: int, method: Method | None = None) -> list[Text | Rule]:
    a = scrub(a)  # controls, bidi overrides and URL credentials out of every string shown
    # Text throughout, never a plain str: a plain string is read as rich markup ("[link=…]" from a rule file).
    parts: list[Text | Rule] = [Rule(Text(f"{a.agency.name} · {t(lang, 'fiscal_year')} {a.fiscal_year}",
                                          style="bold"))]
    projections = project(a.findings, method)
    for indicator in sorted(projections):
        name = INDICATOR_NAMES.get(indicator, ("", ""))[1 if lang == "en" else 0]
        parts += _indented(f"{t(lang, 'indicator')} {indicator} {name}", width, style="bold underline")
        for f in a.findings:
            if f.indicator == indicator:
                parts += finding_lines(f, lang, width)
        parts += _summary(projections[indicator], lang, width)
        parts.append(Text(""))
    if any(f.inferred for f in a.findings):
        parts += _indented(t(lang, "inferred_mark"), width, style="dim")
    return parts


def _print(console: Console, lines: Sequence[Text | Rule]) -> None:
    for line in lines:
        # soft_wrap: the lines are wrapped already; a long URL must not be folded or cropped by rich.
        console.print(line, soft_wrap=not isinstance(line, Rule))


def print_run(console: Console, run: RunResult, lang: str = "th", method: Method | None = None, *,
              heading: str | None = None) -> None:
    """The whole run; `heading` (which fiscal year and criteria, and why) replaces the plain first line."""
    run = scrub(run)
    width = console.width
    first = clean(heading) if heading else (f"{t(lang, 'criteria')} {run.criteria_year} ({run.catalogue_version}) · "
                                            f"{t(lang, 'fiscal_year')} {run.fiscal_year}")
    _print(console, _indented(first, width, style="bold" if heading else "dim"))
    for a in run.agencies:
        _print(console, agency_lines(a, lang, width, method))
    described = clean((method or Method()).describe(lang))
    _print(console, _indented(f"{t(lang, 'projection')} — {t(lang, 'method')}: {described}", width, style="dim"))
