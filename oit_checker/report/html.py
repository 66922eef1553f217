"""A self-contained HTML audit report: one file, inline CSS, no scripts, fonts or images from elsewhere.

Written for an executive first (Thai, `lang="th"`): key figures, what got worse since the last run (red,
first), a per-indicator summary with the projected score range (always called an estimate), then one
table per agency. Every piece of text is escaped; only http(s) URLs become links, since evidence URLs
come from other people's web pages.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from oit_checker import reasons as reason_specs
from oit_checker.diff import ItemChange, RunDiff
from oit_checker.model import AgencyResult, Finding, RunResult, Status
from oit_checker.projection import INDICATOR_NAMES, Method, project
from oit_checker.report.labels import STATUS, STATUS_ICON, t
from oit_checker.report.since import change_reasons, w
from oit_checker.suppress import SuppressionOutcome

MAX_SNIPPET = 160

CSS = """
:root { --pass:#1b7f3b; --fail:#c62828; --review:#a06800; --error:#7b1fa2; --muted:#5f6368; --line:#dadce0; }
* { box-sizing: border-box; }
body { font-family: "Sarabun", "Noto Sans Thai", "Leelawadee UI", "Tahoma", sans-serif; margin: 0 auto;
       max-width: 1200px; padding: 1.5rem; color: #202124; line-height: 1.5; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
.meta, .note { color: var(--muted); font-size: .9rem; }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: .6rem 1rem; min-width: 9rem; }
.card b { display: block; font-size: 1.6rem; }
.card.bad b { color: var(--fail); } .card.good b { color: var(--pass); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f1f3f4; }
.s { font-weight: bold; white-space: nowrap; }
.s-pass { color: var(--pass); } .s-fail { color: var(--fail); } .s-review { color: var(--review); }
.s-error { color: var(--error); }
.regress { border-left: 6px solid var(--fail); padding-left: .75rem; }
.regress h3 { color: var(--fail); }
.fixed h3 { color: var(--pass); }
.accepted { display: inline-block; font-size: .8rem; background: #e8eaed; border-radius: 4px; padding: 0 .3rem; }
.banner { background: #fdecea; border: 1px solid var(--fail); padding: .5rem 1rem; border-radius: 6px; }
.snippet { color: var(--muted); font-size: .85rem; }
a { color: #1a56b5; overflow-wrap: anywhere; }
details > summary { cursor: pointer; font-size: 1.2rem; font-weight: bold; margin: 1.5rem 0 .5rem; }
@media print { details { display: block; } a { color: inherit; } }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _link(url: str, label: str | None = None) -> str:
    shown = _e(label if label is not None else url)
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{_e(url)}" rel="noopener noreferrer">{shown}</a>'
    return shown


def _status(f_status: Status, lang: str) -> str:
    return f'<span class="s s-{f_status.value}">{STATUS_ICON[f_status]} {_e(STATUS[lang][f_status])}</span>'


def _anchor(a: AgencyResult) -> str:
    return "a-" + "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in a.agency.slug)


def _finding_row(f: Finding, lang: str, regressed: bool) -> str:
    status = _status(f.status, lang) + (" ≈" if f.inferred else "")
    if regressed:
        status += f'<br><span class="s s-fail">▼ {_e(w(lang, "regressions").split(" (")[0])}</span>'
    if f.suppressed:
        status += f'<br><span class="accepted">{_e(t(lang, "suppressed"))}: {_e(f.suppressed)}</span>'
    shown = [r for r in f.reasons if r.severity is not Status.PASS] or list(f.reasons)
    parts = []
    for r in shown:
        msg = r.message_en if lang == "en" else r.message_th
        line = f"<li><b>{_e(r.code)}</b>: {_e(msg)}"
        snippet = next((e.snippet for e in r.evidence if e.snippet), "")
        if snippet:
            snippet = snippet if len(snippet) <= MAX_SNIPPET else snippet[: MAX_SNIPPET - 1] + "…"
            line += f'<br><span class="snippet">“{_e(snippet)}”</span>'
        fix = reason_specs.fix_hint(r.code, lang, **r.detail)
        if fix and r.severity is not Status.PASS:
            line += f'<br><span class="note">{_e(t(lang, "fix"))}: {_e(fix)}</span>'
        parts.append(line + "</li>")
    if not shown and f.found:
        parts = [f"<li>{_e(t(lang, 'found'))}: " + _e(", ".join(
            (r.message_en if lang == "en" else r.message_th) for r in f.found[:4])) + "</li>"]
    evidence = []
    for url in f.urls:
        evidence.append(_link(url))
    name = f.name_en if lang == "en" else f.name_th
    return (f'<tr id="{_e(f.item)}"><td>{_e(f.item)}</td><td>{_e(name)}</td><td>{status}</td>'
            f'<td><ul>{"".join(parts)}</ul></td><td>{"<br>".join(evidence) or "—"}</td></tr>')


def _agency_section(a: AgencyResult, lang: str, method: Method, regressed: set[tuple[str, str]]) -> str:
    gaps = [f for f in a.findings if f.status is not Status.PASS and not f.suppressed]
    passing = sum(1 for f in a.findings if f.status is Status.PASS)
    head = (f"{_e(a.agency.name)} — {_e(t(lang, 'passing'))} {passing}/{len(a.findings)}")
    out = [f'<section id="{_anchor(a)}"><details{" open" if gaps else ""}><summary>{head}</summary>']
    meta = [f"{_e(t(lang, 'fiscal_year'))} {a.fiscal_year}"]
    if a.agency.home:
        meta.append(_link(a.agency.home))
    meta.append(f"{_e(t(lang, 'documents'))}: {a.documents_read}")
    if not a.complete:
        meta.append(f'<span class="s s-error">{_e(w(lang, "incomplete"))}</span>')
    out.append(f'<p class="meta">{" · ".join(meta)}</p>')
    projections = project(a.findings, method)
    for ind in sorted(projections):
        p = projections[ind]
        name = INDICATOR_NAMES.get(ind, ("", ""))[1 if lang == "en" else 0]
        low, high = p.grade_range
        out.append(f"<h3>{_e(t(lang, 'indicator'))} {ind} {_e(name)}</h3>")
        out.append(f'<p class="note">{_e(t(lang, "passing"))} {p.counts.get("pass", 0)}/{p.items} · '
                   f'{_e(t(lang, "projection"))} {p.pessimistic:.2f}–{p.optimistic:.2f} ({_e(t(lang, "grade"))} '
                   f'{_e(low)}–{_e(high)}; {_e(t(lang, "estimate"))})</p>')
        out.append(f"<table><thead><tr><th>{_e(t(lang, 'item'))}</th><th>{_e(t(lang, 'name'))}</th>"
                   f"<th>{_e(t(lang, 'status'))}</th><th>{_e(t(lang, 'reasons'))}</th>"
                   f"<th>{_e(t(lang, 'evidence'))}</th></tr></thead><tbody>")
        out += [_finding_row(f, lang, (a.agency.slug, f.item) in regressed) for f in a.findings
                if f.indicator == ind]
        out.append("</tbody></table>")
    out.append("</details></section>")
    return "\n".join(out)


def _changes(title: str, changes: Iterable[ItemChange], lang: str) -> str:
    rows = [f"<tr><td>{_e(c.agency_name)}</td><td>{_e(c.item)}</td>"
            f"<td>{_e(c.name_en if lang == 'en' else c.name_th)}</td><td>{_status(c.before, lang)}</td>"
            f"<td>{_status(c.after, lang)}"
            + (f' <span class="accepted">{_e(w(lang, "suppressed"))}</span>' if c.suppressed else "")
            + f"</td><td>{_e(change_reasons(c, lang))}</td></tr>" for c in changes]
    head = "".join(f"<th>{_e(w(lang, k))}</th>" for k in ("agency", "item", "name", "before", "after", "reasons"))
    return (f"<h3>{_e(title)}: {len(rows)}</h3><table><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def _diff_section(diff: RunDiff | None, lang: str) -> str:
    out = [f'<section id="since"><h2>{_e(w(lang, "since"))}</h2>']
    if diff is None:
        out.append(f"<p>{_e(w(lang, 'no_baseline'))}</p></section>")
        return "\n".join(out)
    out.append(f'<p class="meta">{_e(w(lang, "compared", base=diff.base_run, when=diff.base_started))}</p>')
    if diff.fiscal_years:
        out.append(f'<p class="banner">{_e(w(lang, "fy_changed", a=diff.fiscal_years[0], b=diff.fiscal_years[1]))}</p>')
    if diff.empty:
        out.append(f"<p>{_e(w(lang, 'no_changes'))}</p>")
    if diff.regressions:
        out.append(f'<div class="regress">{_changes(w(lang, "regressions"), diff.regressions, lang)}</div>')
    if diff.fixed:
        out.append(f'<div class="fixed">{_changes(w(lang, "fixed"), diff.fixed, lang)}</div>')
    if diff.changed:
        out.append(_changes(w(lang, "changed"), diff.changed, lang))
    for key, urls in (("added_urls", diff.added_urls), ("removed_urls", diff.removed_urls)):
        if urls:
            out.append(f"<h3>{_e(w(lang, key))}: {len(urls)}</h3><ul>")
            out += [f"<li>{_e(u.agency_name)} {_e(u.item)}: {_link(u.url)}</li>" for u in urls]
            out.append("</ul>")
    if diff.changed_documents:
        out.append(f"<h3>{_e(w(lang, 'changed_documents'))}: {len(diff.changed_documents)}</h3><ul>")
        out += [f"<li>{_e(d.agency_name)}: {_link(d.url)}" + (f" ({_e(', '.join(d.items))})" if d.items else "")
                + "</li>" for d in diff.changed_documents]
        out.append("</ul>")
    for key, names in (("new_agencies", diff.new_agencies), ("missing_agencies", diff.missing_agencies)):
        if names:
            out.append(f"<p>{_e(w(lang, key))}: {_e(', '.join(names))}</p>")
    out.append("</section>")
    return "\n".join(out)


def _indicator_summary(run: RunResult, lang: str, method: Method) -> str:
    per: dict[int, dict[str, float]] = {}
    for a in run.agencies:
        for ind, p in project(a.findings, method).items():
            s = per.setdefault(ind, {"agencies": 0, "items": 0, "pess": 0.0, "opt": 0.0,
                                     **{st.value: 0 for st in Status}})
            s["agencies"] += 1
            s["items"] += p.items
            s["pess"] += p.pessimistic
            s["opt"] += p.optimistic
            for k, v in p.counts.items():
                s[k] += v
    heads = [t(lang, "indicator"), t(lang, "agency"), t(lang, "items"),
             *(STATUS[lang][st] for st in Status), t(lang, "projection")]
    rows = []
    for ind in sorted(per):
        s = per[ind]
        name = INDICATOR_NAMES.get(ind, ("", ""))[1 if lang == "en" else 0]
        n = s["agencies"] or 1
        rows.append(f"<tr><td>{ind} {_e(name)}</td><td>{int(s['agencies'])}</td><td>{int(s['items'])}</td>"
                    + "".join(f'<td class="s-{st.value}">{int(s[st.value])}</td>' for st in Status)
                    + f"<td>{s['pess'] / n:.2f}–{s['opt'] / n:.2f}</td></tr>")
    return (f'<section id="indicators"><h2>{_e(t(lang, "summary"))}</h2><table><thead><tr>'
            + "".join(f"<th>{_e(h)}</th>" for h in heads) + f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            f'<p class="note">{_e(t(lang, "projection"))}: {_e(t(lang, "estimate"))}. '
            f'{_e(t(lang, "method"))}: {_e(method.describe(lang))}</p></section>')


def _overview(run: RunResult, lang: str, method: Method, diff: RunDiff | None) -> str:
    regress_count: dict[str, int] = {}
    for c in diff.regressions if diff else ():
        regress_count[c.agency] = regress_count.get(c.agency, 0) + 1
    indicators = sorted({f.indicator for a in run.agencies for f in a.findings})
    heads = [t(lang, "agency"), t(lang, "passing"), *(STATUS[lang][st] for st in Status if st is not Status.PASS),
             t(lang, "suppressed"), *(f"{t(lang, 'projection')} {i}" for i in indicators), w(lang, "regressions")]
    rows = []
    for a in run.agencies:
        counts = {st: sum(1 for f in a.findings if f.status is st) for st in Status}
        accepted = sum(1 for f in a.findings if f.suppressed)
        proj = project(a.findings, method)
        cells = [f'<a href="#{_anchor(a)}">{_e(a.agency.name)}</a>',
                 f"{counts[Status.PASS]}/{len(a.findings)}",
                 *(f'<span class="s-{st.value}">{counts[st]}</span>' for st in Status if st is not Status.PASS),
                 str(accepted),
                 *((f"{proj[i].pessimistic:.0f}–{proj[i].optimistic:.0f}" if i in proj else "—") for i in indicators),
                 (f'<span class="s s-fail">{regress_count[a.agency.slug]}</span>'
                  if a.agency.slug in regress_count else "0")]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return ('<section id="agencies"><h2>' + _e(t(lang, "agency")) + "</h2><table><thead><tr>"
            + "".join(f"<th>{_e(h)}</th>" for h in heads) + f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            "</section>")


def _suppressions(outcome: SuppressionOutcome | None, lang: str) -> str:
    if outcome is None or not (outcome.expired or outcome.unused):
        return ""
    out = ['<section id="suppressions">']
    for key, entries in (("expired", outcome.expired), ("unused", outcome.unused)):
        if entries:
            out.append(f"<h3>{_e(w(lang, key))}: {len(entries)}</h3><ul>")
            out += [f"<li>{_e(s.agency)} {_e(s.item)} <code>{_e(s.code)}</code> ({_e(w(lang, 'expires'))} "
                    f"{_e(s.expires.isoformat())}): {_e(s.reason)} <span class='note'>{_e(s.where())}</span></li>"
                    for s in entries]
            out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


def render(run: RunResult, diff: RunDiff | None = None, suppressions: SuppressionOutcome | None = None,
           lang: str = "th", method: Method | None = None, *, incomplete: bool = False) -> str:
    method = method or Method()
    regressed = {(c.agency, c.item) for c in (diff.regressions if diff else ())}
    findings = [f for a in run.agencies for f in a.findings]
    counts = {st: sum(1 for f in findings if f.status is st) for st in Status}
    accepted = sum(1 for f in findings if f.suppressed)
    title = (f"{t(lang, 'title')} — {t(lang, 'criteria')} {run.criteria_year} · "
             f"{t(lang, 'fiscal_year')} {run.fiscal_year}")
    cards = [(t(lang, "agency"), len(run.agencies), ""), (STATUS[lang][Status.PASS], counts[Status.PASS], "good"),
             *((STATUS[lang][st], counts[st], "bad" if counts[st] else "") for st in Status if st is not Status.PASS),
             (t(lang, "suppressed"), accepted, "")]
    if diff is not None:
        cards += [(w(lang, "regressions").split(" (")[0], len(diff.regressions), "bad" if diff.regressions else ""),
                  (w(lang, "fixed").split(" (")[0], len(diff.fixed), "good" if diff.fixed else "")]
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"en" if lang == "en" else "th"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>",
        f"<header><h1>{_e(t(lang, 'title'))}</h1>",
        f'<p class="meta">{_e(t(lang, "criteria"))} {run.criteria_year} ({_e(run.catalogue_version)}) · '
        f'{_e(t(lang, "fiscal_year"))} {run.fiscal_year} · run {_e(run.run_id or "—")} · '
        f'{_e(run.started_at)} → {_e(run.finished_at)} · oit-checker {_e(run.tool_version)}</p></header>',
    ]
    if incomplete:
        parts.append(f'<p class="banner">{_e(w(lang, "incomplete"))}</p>')
    parts.append('<div class="cards">' + "".join(
        f'<div class="card {cls}"><b>{value}</b>{_e(label)}</div>' for label, value, cls in cards) + "</div>")
    parts.append(_diff_section(diff, lang))
    parts.append(_indicator_summary(run, lang, method))
    parts.append(_overview(run, lang, method, diff))
    parts.append(_suppressions(suppressions, lang))
    parts += [_agency_section(a, lang, method, regressed) for a in run.agencies]
    parts.append(f'<footer><p class="note">{_e(t(lang, "inferred_mark"))}</p>'
                 f'<p class="note">{_e(t(lang, "projection"))}: {_e(t(lang, "estimate"))}. '
                 f'{_e(t(lang, "method"))}: {_e(method.describe(lang))}</p></footer>')
    parts.append("</body></html>")
    return "\n".join(p for p in parts if p) + "\n"
