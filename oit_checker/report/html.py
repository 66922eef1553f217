"""A self-contained HTML audit report: one file, inline CSS, no scripts, fonts or images from elsewhere.

Written for an executive first (Thai, `lang="th"`): key figures, what got worse since the last run (red,
first), a per-indicator summary with the projected score range and grade (always labelled an estimate,
ประมาณการ), then one table per agency. Statuses are coloured badges with words, not colour alone; the ≈
mark of an inferred rule is explained where it appears. On a phone the wide tables become stacked cards;
printed, every section is open and the colours of the badges are kept.

Every piece of text is escaped; only http(s) URLs become links, since evidence URLs and snippets come from
other people's web pages.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone

from oit_checker.catalogue import reasons as reason_specs
from oit_checker.config.suppress import SuppressionOutcome
from oit_checker.model import AgencyResult, Catalogue, Evidence, Finding, Reason, RunResult, Status
from oit_checker.model.diff import ItemChange, RunDiff
from oit_checker.model.trend import AgencyTrack, History
from oit_checker.report import checklist, trends
from oit_checker.report.labels import STATUS, STATUS_ICON, t
from oit_checker.report.projection import INDICATOR_NAMES, Method, grade, project
from oit_checker.report.since import change_reasons, w
from oit_checker.text import i18n, sanitize

MAX_SNIPPET = 160

TH_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
BANGKOK = timezone(timedelta(hours=7))

# Fonts: Thai-first, all local. "TH Sarabun New" (the government document font) draws much smaller than
# its nominal size, so the fonts with ordinary metrics come first and it is only a late fallback.
CSS = """
:root { --pass:#1b7f3b; --pass-bg:#e6f4ea; --fail:#c62828; --fail-bg:#fdecea; --review:#8a5a00;
        --review-bg:#fff4d6; --error:#7b1fa2; --error-bg:#f3e5f5; --muted:#5f6368; --line:#dadce0;
        --ink:#202124; --link:#1a56b5; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { font-family: "Sarabun", "Noto Sans Thai", "Leelawadee UI", "Thonburi", "TH Sarabun New", "Tahoma",
       sans-serif; font-size: 1rem; line-height: 1.7; margin: 0 auto; max-width: 1200px; padding: 1.5rem;
       color: var(--ink); background: #fff; }
h1, h2, h3 { line-height: 1.45; }
h1 { font-size: 1.7rem; margin: 0; }
h2 { font-size: 1.35rem; margin: 2.25rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .4rem; }
p { margin: .4rem 0; }
.sub { font-size: 1.15rem; margin: .1rem 0 .2rem; }
.meta, .note { color: var(--muted); font-size: .9rem; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Consolas, monospace; font-size: .8rem; }
a { color: var(--link); }
a.url { overflow-wrap: anywhere; }
ul { margin: .2rem 0; padding-left: 1.1rem; }
li { margin: .15rem 0 .5rem; }

.badge { display: inline-block; border-radius: 999px; padding: 0 .55rem; font-size: .85rem; font-weight: 600;
         line-height: 1.6; white-space: nowrap; border: 1px solid transparent; }
.s-pass { color: var(--pass); } .s-fail { color: var(--fail); } .s-review { color: var(--review); }
.s-error { color: var(--error); }
.badge.s-pass { background: var(--pass-bg); border-color: #a8d5b5; }
.badge.s-fail { background: var(--fail-bg); border-color: #f1aaa5; }
.badge.s-review { background: var(--review-bg); border-color: #edd08a; }
.badge.s-error { background: var(--error-bg); border-color: #d7b3de; }
.badge.regressed { background: var(--fail); color: #fff; }
.badge.accepted { background: #e8eaed; color: #3c4043; font-weight: normal; white-space: normal; }
.badge.est { background: #fff4d6; color: #6b4500; border-color: #edd08a; vertical-align: middle; }
.inferred { display: inline-block; min-width: 1.4em; text-align: center; font-weight: bold; color: #6b4500;
            background: #fff4d6; border: 1px dashed #c99a2e; border-radius: 4px; text-decoration: none;
            cursor: help; line-height: 1.4; }
.cell-status .badge, .cell-status .inferred { margin: 0 .2rem .25rem 0; }

.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr)); gap: .6rem; margin: .75rem 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: .45rem .8rem; background: #fff; }
.card b { display: block; font-size: 1.7rem; line-height: 1.3; }
.card.bad b { color: var(--fail); } .card.good b { color: var(--pass); }
.card.alarm { background: var(--fail-bg); border: 2px solid var(--fail); }
.card.alarm b, .card.alarm span { color: var(--fail); font-weight: bold; }

.banner { background: var(--fail-bg); border: 1px solid var(--fail); padding: .5rem 1rem; border-radius: 6px; }
.ok { color: var(--pass); font-weight: 600; }
.regress { border: 2px solid var(--fail); border-left-width: 8px; background: #fff8f7; border-radius: 6px;
           padding: .25rem 1rem .5rem; margin: .75rem 0; }
.regress h3 { color: var(--fail); }
.fixed h3 { color: var(--pass); }

.estimate { background: #fff8e1; border: 1px solid #edd08a; border-left: 6px solid #c99a2e; border-radius: 6px;
            padding: .5rem .9rem; margin: .5rem 0 .9rem; }
.ind-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); gap: .9rem; }
.ind { border: 1px solid var(--line); border-top: 5px solid #1a56b5; border-radius: 8px; padding: .6rem 1rem .8rem; }
.ind h3 { margin: 0 0 .3rem; }
.ind .label { color: var(--muted); font-size: .9rem; }
.ind .score { font-size: 2.1rem; font-weight: bold; line-height: 1.25; }
.ind .grade { font-size: 1.05rem; margin: .1rem 0 .4rem; }
.ind .grade b { font-size: 1.5rem; }
.bar { display: flex; height: .7rem; border-radius: 4px; overflow: hidden; background: #eee; margin: .3rem 0 .4rem; }
.bar span { display: block; height: 100%; }
.bar .s-pass { background: var(--pass); } .bar .s-fail { background: var(--fail); }
.bar .s-review { background: #e0a800; } .bar .s-error { background: var(--error); }
.counts { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .3rem; }
.counts li { margin: 0; }

.legend { border: 1px dashed #c99a2e; background: #fffdf5; border-radius: 6px; padding: .35rem .8rem;
          font-size: .92rem; }
.tofix { margin: .3rem 0 .6rem; }
.tofix a { text-decoration: none; }

table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
th, td { border: 1px solid var(--line); padding: .4rem .55rem; text-align: left; vertical-align: top; }
th { background: #f1f3f4; font-weight: 600; }
td.num { text-align: right; white-space: nowrap; }
.findings .cell-item { white-space: nowrap; font-weight: 600; }
.findings .cell-status { width: 8.5rem; }
.findings .cell-evidence { width: 24%; }
tr.row-fail > td:first-child, tr.row-error > td:first-child { box-shadow: inset 5px 0 0 var(--fail); }
tr.row-review > td:first-child { box-shadow: inset 5px 0 0 #e0a800; }
tr.row-pass .found { color: var(--muted); font-size: .9rem; }
.msg { font-weight: 600; }
tr.row-pass .msg { font-weight: normal; }
.code { color: var(--muted); background: #f1f3f4; border-radius: 3px; padding: 0 .25rem; }
blockquote.quote { margin: .3rem 0; padding: .25rem .6rem; border-left: 3px solid #9aa0a6; background: #f8f9fa;
                   color: #3c4043; font-size: .92rem; overflow-wrap: anywhere; }
.quote .qlabel { display: block; color: var(--muted); font-size: .8rem; }
.fix { margin: .2rem 0 0; color: #174ea6; font-size: .92rem; }
.fix b { font-weight: 600; }

svg.trend { display: block; width: 100%; max-width: 30rem; height: auto; margin: .3rem 0; }
svg.trend.province { max-width: 46rem; }
figure.province-fig { margin: .5rem 0 1rem; }
.trend-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr)); gap: .8rem; }
.trend-card { border: 1px solid var(--line); border-radius: 8px; padding: .3rem .8rem .4rem; }
.trend-card h3 { margin: .2rem 0; font-size: 1rem; }
.trend-card a { text-decoration: none; }
.trend-legend .lg { font-weight: bold; letter-spacing: -.05em; }
.strip { display: inline-flex; gap: 2px; flex-wrap: nowrap; white-space: nowrap; }
.strip .cell { display: inline-block; min-width: 1.35em; text-align: center; border-radius: 3px; font-size: .8rem;
               line-height: 1.45; border: 1px solid var(--line); }
.strip .cell.s-pass { background: var(--pass-bg); } .strip .cell.s-fail { background: var(--fail-bg); }
.strip .cell.s-review { background: var(--review-bg); } .strip .cell.s-error { background: var(--error-bg); }
.strip .cell.none { color: var(--muted); }
.strip .cell.regressed-step { outline: 2px solid var(--fail); outline-offset: -1px; }
details.kitbox { margin: .4rem 0 0; }
details.kitbox > summary { cursor: pointer; color: #174ea6; font-weight: 600; font-size: .92rem; }
dl.kit { margin: .3rem 0 .2rem; font-size: .92rem; }
dl.kit dt { font-weight: 600; margin-top: .35rem; }
dl.kit dd { margin: 0 0 0 .2rem; }
ul.checks { list-style: none; padding-left: 0; }
ul.checks li { margin: .1rem 0 .25rem; }
ul.checks li.todo { color: var(--fail); }
ul.checks li.done { color: var(--ink); }
dl.kit q { color: #3c4043; font-style: italic; overflow-wrap: anywhere; }
dl.kit .fix { color: #174ea6; }
section.kit-item { border: 1px solid var(--line); border-radius: 8px; padding: .2rem 1rem .6rem; margin: .9rem 0; }
section.agency > details > summary { cursor: pointer; font-size: 1.25rem; font-weight: bold; margin: 1.5rem 0 .4rem;
                                     line-height: 1.45; }
.scroll { overflow-x: auto; }
footer { margin-top: 2.5rem; border-top: 1px solid var(--line); padding-top: .5rem; }

@media screen and (max-width: 720px) {
  body { padding: .8rem; font-size: 1rem; }
  h1 { font-size: 1.45rem; }
  .cards { grid-template-columns: repeat(2, 1fr); }
  .ind .score { font-size: 1.8rem; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
  table.stack thead { display: none; }
  table.stack { border: 0; }
  table.stack tr { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 .75rem; padding: .35rem .6rem;
                   background: #fff; }
  table.stack td { border: 0; padding: .2rem 0; }
  table.stack td[data-label]::before { content: attr(data-label); display: block; color: var(--muted);
                                       font-size: .8rem; font-weight: 600; }
  table.stack td.head { display: inline; font-size: 1.05rem; font-weight: bold; }
  table.stack td.head::before { content: none; }
  table.stack td.head + td.head::before { content: " "; display: inline; }
  table.stack td.num { text-align: left; }
  table.kv td[data-label], table.stack td.cell-status { display: flex; flex-wrap: wrap; align-items: baseline;
                                                         gap: 0 .5rem; }
  table.kv td[data-label]::before, table.stack td.cell-status::before { display: inline; flex: 0 0 auto; }
  table.kv td[data-label]::before { min-width: 10rem; }
  table.kv td[data-label]:first-child { display: block; font-weight: bold; }
  table.kv td[data-label]:first-child::before { content: none; }
  .cell-status br { display: none; }
  tr.row-fail, tr.row-error { border-left: 5px solid var(--fail) !important; }
  tr.row-review { border-left: 5px solid #e0a800 !important; }
  tr.row-fail > td:first-child, tr.row-error > td:first-child, tr.row-review > td:first-child { box-shadow: none; }
  .findings .cell-status, .findings .cell-evidence { width: auto; }
}

@page { size: A4; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  h2, h3, summary { break-after: avoid; }
  .card, .ind, .estimate, blockquote, .tofix, .legend, section.kit-item, svg.trend,
  .trend-card { break-inside: avoid; }
  .estimate { break-after: avoid; }
  thead { display: table-header-group; }
  .scroll { overflow: visible; }
  details::details-content { content-visibility: visible; display: block; }
  details.kitbox { display: none; }  /* the fix kit prints from its own checklist.html (oit-checker fix) */
  summary { list-style: none; }
  summary::-webkit-details-marker { display: none; }
}
"""


def _e(text: object) -> str:
    """Every text of the report: sanitised (controls, bidi overrides, URL credentials), then escaped."""
    return html.escape(sanitize.clean(str(text)), quote=True)


def _h(lang: str, key: str, **values: object) -> str:
    """A word only this report uses ("html.<key>" in text/strings.toml)."""
    return i18n.text(f"html.{key}", lang, **values)


def _url_text(url: str) -> str:
    """A URL to show: escaped, with a line-break opportunity after each / ? & = so long ones wrap at a seam."""
    return "<wbr>".join(_e(part) for part in re.split(r"(?<=[/?&=#])(?=.)", url))


def _link(url: str, label: str | None = None) -> str:
    if url.lower().startswith(("http://", "https://")):
        shown = _url_text(url) if label is None else _e(label)
        cls = ' class="url"' if label is None else ""
        return f'<a{cls} href="{_e(url)}" rel="noopener noreferrer">{shown}</a>'
    return _e(label if label is not None else url)


def _when_text(iso: str, lang: str) -> str:
    """An ISO timestamp as a reader writes it: Bangkok time, and in Thai the Buddhist-era year."""
    try:
        dt = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or "—"
    if dt.tzinfo is not None:
        dt = dt.astimezone(BANGKOK)
    if lang == "en":
        return f"{dt.day} {EN_MONTHS[dt.month - 1]} {dt.year} {dt:%H:%M}" + (_h(lang, "time_suffix")
                                                                             if dt.tzinfo else "")
    return f"{dt.day} {TH_MONTHS[dt.month - 1]} {dt.year + 543} {dt:%H:%M}{_h(lang, 'time_suffix')}"


def _when(iso: str, lang: str) -> str:
    return f'<time datetime="{_e(iso)}">{_e(_when_text(iso, lang))}</time>' if iso else "—"


def _status(f_status: Status, lang: str) -> str:
    return (f'<span class="badge s-{f_status.value}">{STATUS_ICON[f_status]} '
            f"{_e(STATUS.get(lang, STATUS['th'])[f_status])}</span>")


def _inferred(lang: str) -> str:
    return f'<abbr class="inferred" title="{_e(_h(lang, "inferred_title"))}">≈</abbr>'


def _accepted(lang: str, why: str = "") -> str:
    return f'<span class="badge accepted">{_e(t(lang, "suppressed"))}{": " + _e(why) if why else ""}</span>'


def _anchor(a: AgencyResult) -> str:
    return "a-" + "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in a.agency.slug)


def _row_id(a: AgencyResult, item: str) -> str:
    return f"{_anchor(a)}-{''.join(ch if ch.isalnum() else '-' for ch in item)}"


def _indicator_name(ind: int, lang: str) -> str:
    return INDICATOR_NAMES.get(ind, ("", ""))[1 if lang == "en" else 0]


def _range(low: float, high: float, digits: int = 2) -> str:
    return f"{low:.{digits}f}" if f"{low:.{digits}f}" == f"{high:.{digits}f}" else f"{low:.{digits}f}–{high:.{digits}f}"


def _grades(low: str, high: str) -> str:
    return low if low == high else f"{low}–{high}"


def _legend(lang: str) -> str:
    return (f'<p class="legend"><b>{_e(_h(lang, "legend"))}:</b> {_inferred(lang)} '
            f'{_e(t(lang, "inferred_mark").lstrip("≈ "))}</p>')


def _counts_bar(counts: dict[str, float], total: float) -> str:
    total = total or 1
    spans = "".join(f'<span class="s-{st.value}" style="width:{100 * counts.get(st.value, 0) / total:.1f}%"></span>'
                    for st in Status if counts.get(st.value, 0))
    return f'<div class="bar" aria-hidden="true">{spans}</div>'


def _counts_list(counts: dict[str, float], lang: str) -> str:
    return '<ul class="counts">' + "".join(
        f'<li><span class="badge s-{st.value}">{STATUS_ICON[st]} {_e(STATUS.get(lang, STATUS["th"])[st])} '
        f"{int(counts.get(st.value, 0))}</span></li>" for st in Status if counts.get(st.value, 0)) + "</ul>"


# ---------------------------------------------------------------- one item


def _quote(r: Reason, f: Finding, lang: str) -> str:
    ev: Evidence | None = next((e for e in r.evidence if e.snippet), None)
    if ev is None:
        return ""
    snippet = ev.snippet if len(ev.snippet) <= MAX_SNIPPET else ev.snippet[: MAX_SNIPPET - 1] + "…"
    where = []
    if ev.page:
        where.append(f"{_e(t(lang, 'page'))} {ev.page}")
    if ev.url and ev.url not in f.urls:
        where.append(f"{_e(_h(lang, 'source'))}: {_link(ev.url)}")
    label = _e(_h(lang, "quote")) + (f" ({', '.join(where)})" if where else "")
    return f'<blockquote class="quote"><span class="qlabel">{label}</span>“{_e(snippet)}”</blockquote>'


def _reason(r: Reason, f: Finding, lang: str) -> str:
    msg = r.message_en if lang == "en" else r.message_th
    line = (f'<li><span class="msg">{_e(msg)}</span>{" " + _inferred(lang) if r.inferred else ""} '
            f'<code class="code">{_e(r.code)}</code>{_quote(r, f, lang)}')
    fix = reason_specs.fix_hint(r.code, lang, **r.detail)
    if fix and r.severity is not Status.PASS:
        line += f'<p class="fix"><b>{_e(t(lang, "fix"))}:</b> {_e(fix)}</p>'
    return line + "</li>"


def _kit(a: AgencyResult, f: Finding, lang: str, catalogue: Catalogue | None) -> str:
    """The item's fix-kit checklist (what the assessor looks for, what to fix, where, which template)."""
    if catalogue is None or f.status is Status.PASS:
        return ""
    try:
        item = catalogue.item(f.item)
    except KeyError:
        return ""
    c = checklist.item_checklist(item, f, a.fiscal_year, a.agency.home, a.agency.name)
    return (f'<details class="kitbox"><summary>{_e(_h(lang, "kit"))}</summary>'
            f"{checklist.item_html(c, lang, _e, _link)}</details>")


def _finding_row(a: AgencyResult, f: Finding, lang: str, regressed: bool, catalogue: Catalogue | None = None) -> str:
    status = _status(f.status, lang) + (_inferred(lang) if f.inferred else "")
    if regressed:
        status += f'<br><span class="badge regressed">▼ {_e(_h(lang, "regressed"))}</span>'
    if f.suppressed:
        status += f"<br>{_accepted(lang, f.suppressed)}"
    shown = [r for r in f.reasons if r.severity is not Status.PASS] or list(f.reasons)
    parts = [_reason(r, f, lang) for r in shown]
    if not shown and f.found:
        parts = [f'<li class="found">{_e(t(lang, "found"))}: ' + _e(", ".join(
            (r.message_en if lang == "en" else r.message_th) for r in f.found[:4])) + "</li>"]
    evidence = "<br>".join(_link(url) for url in f.urls) or "—"
    name = f.name_en if lang == "en" else f.name_th
    label = {k: _e(t(lang, k)) for k in ("item", "name", "status", "reasons", "evidence")}
    reasons = (f"<ul>{''.join(parts)}</ul>" if parts else "—") + _kit(a, f, lang, catalogue)
    return (f'<tr id="{_e(_row_id(a, f.item))}" class="row-{f.status.value}">'
            f'<td class="cell-item head" data-label="{label["item"]}">{_e(f.item)}</td>'
            f'<td class="head" data-label="{label["name"]}">{_e(name)}</td>'
            f'<td class="cell-status" data-label="{label["status"]}">{status}</td>'
            f'<td data-label="{label["reasons"]}">{reasons}</td>'
            f'<td class="cell-evidence" data-label="{label["evidence"]}">{evidence}</td></tr>')


# ---------------------------------------------------------------- one agency


def _to_fix(a: AgencyResult, lang: str) -> str:
    chips = []
    for st in (Status.FAIL, Status.ERROR, Status.REVIEW):
        items = [f for f in a.findings if f.status is st and not f.suppressed]
        if items:
            links = " ".join(f'<a href="#{_e(_row_id(a, f.item))}">{_e(f.item)}</a>' for f in items)
            chips.append(f"{_status(st, lang)} {links}")
    if not chips:
        return ""
    return f'<p class="tofix"><b>{_e(_h(lang, "to_fix"))}:</b> ' + " · ".join(chips) + "</p>"


def _agency_section(a: AgencyResult, lang: str, method: Method, regressed: set[tuple[str, str]],
                    catalogue: Catalogue | None = None, extra: str = "") -> str:
    gaps = [f for f in a.findings if f.status is not Status.PASS and not f.suppressed]
    passing = sum(1 for f in a.findings if f.status is Status.PASS)
    head = f"{_e(a.agency.name)} — {_e(t(lang, 'passing'))} {passing}/{len(a.findings)}"
    # Closed only when there is nothing to fix; print opens every section (see the CSS).
    out = [f'<section class="agency" id="{_anchor(a)}"><details{" open" if gaps else ""}><summary>{head}</summary>']
    meta = [f"{_e(t(lang, 'fiscal_year'))} {a.fiscal_year}"]
    if a.agency.home:
        meta.append(_link(a.agency.home))
    meta.append(f"{_e(t(lang, 'documents'))}: {a.documents_read}")
    if not a.complete:
        meta.append(f'<span class="badge s-error">{_e(w(lang, "incomplete"))}</span>')
    out.append(f'<p class="meta">{" · ".join(meta)}</p>')
    out.append(_to_fix(a, lang))
    out.append(extra)
    if any(f.inferred for f in a.findings):
        out.append(_legend(lang))
    projections = project(a.findings, method)
    for ind in sorted(projections):
        p = projections[ind]
        low, high = p.grade_range
        out.append(f"<h3>{_e(t(lang, 'indicator'))} {ind} {_e(_indicator_name(ind, lang))}</h3>")
        out.append(f'<p>{_e(t(lang, "passing"))} {p.counts.get("pass", 0)}/{p.items} · '
                   f'{_e(_h(lang, "projection"))} <b>{_range(p.pessimistic, p.optimistic)}</b> · '
                   f'{_e(_h(lang, "grade_estimate"))} <b>{_e(_grades(low, high))}</b> '
                   f'<span class="badge est">{_e(_h(lang, "estimate_tag"))}</span></p>'
                   f'<p class="note">{_e(_h(lang, "arithmetic"))}: {_e(p.arithmetic)}</p>')
        out.append(f'<table class="findings stack"><thead><tr><th>{_e(t(lang, "item"))}</th>'
                   f"<th>{_e(t(lang, 'name'))}</th><th>{_e(t(lang, 'status'))}</th>"
                   f"<th>{_e(t(lang, 'reasons'))}</th><th>{_e(t(lang, 'evidence'))}</th></tr></thead><tbody>")
        out += [_finding_row(a, f, lang, (a.agency.slug, f.item) in regressed, catalogue) for f in a.findings
                if f.indicator == ind]
        out.append("</tbody></table>")
    out.append("</details></section>")
    return "\n".join(p for p in out if p)


# ---------------------------------------------------------------- since the last run


def _changes(title: str, changes: Sequence[ItemChange], lang: str, mark: str) -> str:
    keys = ("agency", "item", "name", "before", "after", "reasons")
    label = {k: _e(w(lang, k)) for k in keys}
    rows = [f'<tr><td data-label="{label["agency"]}">{_e(c.agency_name)}</td>'
            f'<td class="head" data-label="{label["item"]}">{_e(c.item)}</td>'
            f'<td class="head" data-label="{label["name"]}">{_e(c.name_en if lang == "en" else c.name_th)}</td>'
            f'<td data-label="{label["before"]}">{_status(c.before, lang)}</td>'
            f'<td data-label="{label["after"]}">{_status(c.after, lang)}'
            + (f" {_accepted(lang)}" if c.suppressed else "")
            + f'</td><td data-label="{label["reasons"]}">{_e(change_reasons(c, lang) or "—")}</td></tr>'
            for c in changes]
    head = "".join(f"<th>{label[k]}</th>" for k in keys)
    return (f"<h3>{mark} {_e(title)}: {len(rows)}</h3><table class=\"stack\"><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def _diff_section(diff: RunDiff | None, lang: str) -> str:
    out = [f'<section id="since"><h2>{_e(w(lang, "since"))}</h2>']
    if diff is None:
        out.append(f"<p>{_e(w(lang, 'no_baseline'))}</p></section>")
        return "\n".join(out)
    compared = w(lang, "compared", base=diff.base_run, when=_when_text(diff.base_started, lang))
    out.append(f'<p class="meta">{_e(compared)}</p>')
    if diff.fiscal_years:
        out.append(f'<p class="banner">{_e(w(lang, "fy_changed", a=diff.fiscal_years[0], b=diff.fiscal_years[1]))}</p>')
    if diff.empty:
        out.append(f"<p>{_e(w(lang, 'no_changes'))}</p>")
    if diff.regressions:
        out.append(f'<div class="regress">{_changes(w(lang, "regressions"), diff.regressions, lang, "▼")}</div>')
    elif not diff.empty:
        out.append(f'<p class="ok">✔ {_e(_h(lang, "no_regressions"))}</p>')
    if diff.fixed:
        out.append(f'<div class="fixed">{_changes(w(lang, "fixed"), diff.fixed, lang, "▲")}</div>')
    if diff.changed:
        out.append(_changes(w(lang, "changed"), diff.changed, lang, "↔"))
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


# ---------------------------------------------------------------- summaries


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
    cards = []
    for ind in sorted(per):
        s = per[ind]
        n = int(s["agencies"]) or 1
        pess, opt = s["pess"] / n, s["opt"] / n
        low, high = grade(round(pess, 2)), grade(round(opt, 2))
        scope = _h(lang, "items_checked", n=int(s["items"])) + (
            " · " + _h(lang, "average_of", n=n) if n > 1 else "")
        cards.append(
            f'<div class="ind"><h3>{_e(t(lang, "indicator"))} {ind} {_e(_indicator_name(ind, lang))}</h3>'
            f'<div class="label">{_e(_h(lang, "score_range"))} '
            f'<span class="badge est">{_e(_h(lang, "estimate_tag"))}</span></div>'
            f'<div class="score">{_range(pess, opt)}</div>'
            f'<div class="label">{_e(_h(lang, "range_ends"))}</div>'
            f'<div class="grade">{_e(_h(lang, "grade_estimate"))}: <b>{_e(_grades(low, high))}</b></div>'
            f"{_counts_bar(s, s['items'])}{_counts_list(s, lang)}"
            f'<p class="note">{_e(scope)}</p></div>')
    return (f'<section id="indicators"><h2>{_e(_h(lang, "indicators"))}</h2>'
            f'<p class="estimate">⚠ <b>{_e(_h(lang, "estimate_tag"))}:</b> {_e(_h(lang, "estimate_warning"))}</p>'
            f'<div class="ind-grid">{"".join(cards)}</div>'
            f'<p class="note">{_e(t(lang, "method"))}: {_e(method.describe(lang))}. '
            f'{_e(_h(lang, "grade_bands"))}: AA ≥ 95, A ≥ 85, B ≥ 75, C ≥ 65, D ≥ 55, E ≥ 50, F.</p></section>')


def _overview(run: RunResult, lang: str, method: Method, diff: RunDiff | None) -> str:
    regress_count: dict[str, int] = {}
    for c in diff.regressions if diff else ():
        regress_count[c.agency] = regress_count.get(c.agency, 0) + 1
    indicators = sorted({f.indicator for a in run.agencies for f in a.findings})
    heads = [t(lang, "agency"), t(lang, "passing"),
             *(STATUS.get(lang, STATUS["th"])[st] for st in Status if st is not Status.PASS),
             t(lang, "suppressed"),
             *(f"{t(lang, 'indicator')} {i} ({_h(lang, 'estimate_tag')})" for i in indicators),
             _h(lang, "regressed")]
    rows = []
    for a in run.agencies:
        counts = {st: sum(1 for f in a.findings if f.status is st) for st in Status}
        accepted = sum(1 for f in a.findings if f.suppressed)
        proj = project(a.findings, method)
        cells = [(f'<a href="#{_anchor(a)}">{_e(a.agency.name)}</a>', ""),
                 (f"{counts[Status.PASS]}/{len(a.findings)}", "num"),
                 *((f'<span class="s-{st.value}">{counts[st]}</span>' if counts[st] else "0", "num")
                   for st in Status if st is not Status.PASS),
                 (str(accepted), "num"),
                 *(((f"{_range(proj[i].pessimistic, proj[i].optimistic, 0)} "
                     f"({_e(_grades(*proj[i].grade_range))})") if i in proj else "—", "num") for i in indicators),
                 ((f'<span class="badge regressed">▼ {regress_count[a.agency.slug]}</span>'
                   if a.agency.slug in regress_count else "0"), "num")]
        rows.append("<tr>" + "".join(f'<td class="{cls}" data-label="{_e(h)}">{c}</td>' if cls
                                     else f'<td data-label="{_e(h)}">{c}</td>'
                                     for (c, cls), h in zip(cells, heads, strict=True)) + "</tr>")
    return (f'<section id="agencies"><h2>{_e(_h(lang, "agencies"))}</h2><table class="stack kv"><thead><tr>'
            + "".join(f"<th>{_e(h)}</th>" for h in heads) + f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            "</section>")


def _suppressions(outcome: SuppressionOutcome | None, lang: str) -> str:
    if outcome is None or not (outcome.expired or outcome.unused):
        return ""
    out = [f'<section id="suppressions"><h2>{_e(_h(lang, "suppressions"))}</h2>']
    for key, entries in (("expired", outcome.expired), ("unused", outcome.unused)):
        if entries:
            out.append(f"<h3>{_e(w(lang, key))}: {len(entries)}</h3><ul>")
            out += [f"<li>{_e(s.agency)} {_e(s.item)} <code>{_e(s.code)}</code> ({_e(w(lang, 'expires'))} "
                    f"{_e(s.expires.isoformat())}): {_e(s.reason)} <span class='note'>{_e(s.where())}</span></li>"
                    for s in entries]
            out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


def _cards(run: RunResult, lang: str, diff: RunDiff | None) -> str:
    findings = [f for a in run.agencies for f in a.findings]
    counts = {st: sum(1 for f in findings if f.status is st) for st in Status}
    status = STATUS.get(lang, STATUS["th"])
    cards: list[tuple[str, int, str]] = []
    if diff is not None:
        cards.append((w(lang, "regressions").split(" (")[0], len(diff.regressions),
                      "alarm" if diff.regressions else ""))
    cards += [(status[st], counts[st], "bad" if counts[st] else "")
              for st in (Status.FAIL, Status.ERROR, Status.REVIEW)]
    cards.append((status[Status.PASS], counts[Status.PASS], "good"))
    if diff is not None:
        cards.append((w(lang, "fixed").split(" (")[0], len(diff.fixed), "good" if diff.fixed else ""))
    cards += [(t(lang, "suppressed"), sum(1 for f in findings if f.suppressed), ""),
              (_h(lang, "agencies_label"), len(run.agencies), "")]
    return (f'<section id="overview" aria-label="{_e(_h(lang, "key_figures"))}"><div class="cards">' + "".join(
        f'<div class="card {cls}"><b>{value}</b><span>{_e(label)}</span></div>' for label, value, cls in cards)
        + "</div></section>")


def render(run: RunResult, diff: RunDiff | None = None, suppressions: SuppressionOutcome | None = None,
           lang: str = "th", method: Method | None = None, *, incomplete: bool = False,
           catalogue: Catalogue | None = None, history: History | None = None) -> str:
    """The report; with `catalogue`, a fix-kit checklist under every item that does not pass; with `history`
    (the stored runs of this audit series, this one last), the trend charts."""
    method = method or Method()
    regressed = {(c.agency, c.item) for c in (diff.regressions if diff else ())}
    # Credentials redacted before URLs are split into <wbr> pieces (and controls out of every string).
    run, diff, suppressions = sanitize.scrub(run), sanitize.scrub(diff), sanitize.scrub(suppressions)
    title = (f"{t(lang, 'title')} — {t(lang, 'criteria')} {run.criteria_year} · "
             f"{t(lang, 'fiscal_year')} {run.fiscal_year}")
    who = run.agencies[0].agency.name if len(run.agencies) == 1 else (
        _h(lang, "agency_count", n=len(run.agencies)) if run.agencies else "")
    meta = [f"{_e(t(lang, 'criteria'))} {run.criteria_year} ({_e(run.catalogue_version)})",
            f"{_e(t(lang, 'fiscal_year'))} {run.fiscal_year}",
            f"{_e(_h(lang, 'checked_at'))} {_when(run.finished_at or run.started_at, lang)}"]
    if run.run_id is not None:
        meta.append(f"{_e(_h(lang, 'run'))} {run.run_id}")
    meta.append(f"oit-checker {_e(run.tool_version)}")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"en" if lang == "en" else "th"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>",
        f"<header><h1>{_e(t(lang, 'title'))}</h1>",
        f'<p class="sub">{_e(who)}</p>' if who else "",
        f'<p class="meta">{" · ".join(meta)}</p></header>',
    ]
    if incomplete:
        parts.append(f'<p class="banner">{_e(w(lang, "incomplete"))}</p>')
    parts.append(_cards(run, lang, diff))
    if run.run_id is not None:  # a stored run (audit, history): `check` keeps no history to compare with
        parts.append(_diff_section(diff, lang))
    parts.append(_indicator_summary(run, lang, method))
    if history is not None:
        parts.append(_trend_section(history, run, lang, method))
    parts.append(_overview(run, lang, method, diff))
    parts.append(_suppressions(suppressions, lang))
    if run.agencies:
        parts.append(f'<h2 id="details">{_e(_h(lang, "details"))}</h2>')
    parts += [_agency_section(a, lang, method, regressed, catalogue) for a in run.agencies]
    footer = [f'<p class="note">{_e(_h(lang, "projection"))}: {_e(t(lang, "estimate").rstrip("."))}. '
              f'{_e(t(lang, "method"))}: {_e(method.describe(lang))}</p>',
              f'<p class="note">{_when(run.started_at, lang)} → {_when(run.finished_at, lang)}</p>']
    if any(f.inferred for a in run.agencies for f in a.findings):
        footer.insert(0, f'<p class="note">{_e(t(lang, "inferred_mark"))}</p>')
    parts.append("<footer>" + "".join(footer) + "</footer>")
    parts.append("</body></html>")
    return "\n".join(p for p in parts if p) + "\n"


# ---------------------------------------------------------------- trends


def _trend_section(history: History, run: RunResult, lang: str, method: Method) -> str:
    """One small chart per agency of this run (in the run's order), then the province's items over time. Every
    text of the charts is cleaned where it is written (trends._e)."""
    out = [f'<section id="trends"><h2>{_e(_h(lang, "trends"))} <span class="badge est">'
           f'{_e(_h(lang, "estimate_tag"))}</span></h2>']
    if len(history.runs) < 2:
        out.append(f'<p class="note">{_e(_h(lang, "one_run"))}</p></section>')
        return "".join(out)
    out.append(f'<p class="note">{_e(_h(lang, "trends_note"))}</p>')
    cards = []
    for a in run.agencies:
        track = history.track(a.agency.slug)
        if track is None or not track.points:
            continue
        cards.append(f'<div class="trend-card"><h3><a href="#{_anchor(a)}">{_e(a.agency.name)}</a></h3>'
                     f"{trends.score_chart(track, method, lang)}{trends.score_legend(track, method, lang)}</div>")
    out.append(f'<div class="trend-grid">{"".join(cards)}</div>')
    out.append(f'<h3>{_e(_h(lang, "province"))}</h3><figure class="province-fig">'
               f"{trends.province_chart(history, lang)}</figure></section>")
    return "".join(out)


def agency_history_page(track: AgencyTrack, *, label: str | None, method: Method | None = None,
                        lang: str = "th") -> str:
    """`history show --agency X --format html`: one agency's score trend and its items run by run."""
    method = method or Method()
    track = sanitize.scrub(track)
    title = _h(lang, "history_title")
    runs, rows = trends.item_history(track)
    meta = [_e(i18n.count("html.runs_shown", len(track.points), lang))]
    if label:
        meta.insert(0, f"{_e(_h(lang, 'series'))}: {_e(label)}")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"en" if lang == "en" else "th"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)} — {_e(track.name)}</title><style>{CSS}</style></head><body>",
        f'<header><h1>{_e(title)}</h1><p class="sub">{_e(track.name)}</p><p class="meta">{" · ".join(meta)}</p>'
        "</header>",
        f'<section id="scores"><h2>{_e(_h(lang, "agency_trend"))} <span class="badge est">'
        f'{_e(_h(lang, "estimate_tag"))}</span></h2>',
        trends.score_chart(track, method, lang), trends.score_legend(track, method, lang),
        f'<p class="estimate">⚠ {_e(_h(lang, "estimate_warning"))}</p>',
        _scores_table(track, method, lang), "</section>",
        f'<section id="items"><h2>{_e(_h(lang, "items_history"))}</h2>',
    ]
    left_out = len(track.points) - len(runs)
    if left_out:
        parts.append(f'<p class="note">{_e(i18n.count("html.other_criteria", left_out, lang))}</p>')
    parts.append(_items_table(rows, lang))
    parts.append("</section></body></html>")
    return "\n".join(p for p in parts if p) + "\n"


def _scores_table(track: AgencyTrack, method: Method, lang: str) -> str:
    points = trends.score_points(track, method)
    indicators = sorted({p.indicator for p in points})
    head = "".join(f"<th>{_e(t(lang, 'indicator'))} {i}</th>" for i in indicators)
    rows = []
    for p in track.points:
        cells = {x.indicator: _range(x.pessimistic, x.optimistic) for x in points if x.run.run_id == p.run.run_id}
        rows.append(f'<tr><td data-label="{_e(_h(lang, "run"))}">{p.run.run_id}</td>'
                    f'<td data-label="{_e(_h(lang, "checked_at"))}">{_when(p.run.started_at, lang)}'
                    + ("" if p.run.complete else f' <span class="badge s-error">{_e(w(lang, "incomplete"))}</span>')
                    + "</td>" + "".join(f'<td class="num" data-label="{_e(t(lang, "indicator"))} {i}">'
                                        f"{cells.get(i, '—')}</td>" for i in indicators) + "</tr>")
    return (f'<table class="stack"><caption class="note">{_e(_h(lang, "scores"))} ({_e(_h(lang, "range_ends"))})'
            f"</caption><thead><tr><th>{_e(_h(lang, 'run'))}</th><th>{_e(_h(lang, 'checked_at'))}</th>{head}</tr>"
            f"</thead><tbody>{''.join(rows)}</tbody></table>")


def _items_table(rows: Sequence[trends.ItemHistory], lang: str) -> str:
    keys = ("item", "name", "now", "since", "before", "history_strip")
    heads = [t(lang, "item"), t(lang, "name"), _h(lang, "now"), _h(lang, "since"), _h(lang, "before"),
             _h(lang, "history_strip")]
    body = []
    for r in rows:
        now = _status(r.now, lang) if r.now is not None else "—"
        if r.regression:
            now += f' <span class="badge regressed">▼ {_e(_h(lang, "regressed"))}</span>'
        if r.suppressed:
            now += f" {_accepted(lang)}"
        since = (f"{_e(_h(lang, 'run'))} {r.changed_at.run_id} · {_when(r.changed_at.started_at, lang)}"
                 if r.changed_at is not None else _e(_h(lang, "unchanged")))
        before = _status(r.before, lang) if r.before is not None else "—"
        cells = [_e(r.item), _e(r.name_en if lang == "en" else r.name_th), now, since, before,
                 trends.status_strip(r.statuses, lang)]
        cls = ' class="row-fail"' if r.regression else ""
        head_cell = ' class="head cell-item"'
        body.append(f"<tr{cls}>" + "".join(
            f'<td{head_cell if k in ("item", "name") else ""} data-label="{_e(h)}">{c}</td>'
            for k, h, c in zip(keys, heads, cells, strict=True)) + "</tr>")
    return (f'<table class="findings stack"><thead><tr>{"".join(f"<th>{_e(h)}</th>" for h in heads)}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>")


# ---------------------------------------------------------------- the fix kit's own page


def kit_page(lists: Sequence[checklist.ItemChecklist], *, agency: str, fiscal_year: int, criteria_year: int,
             lang: str = "th") -> str:
    """The fix kit's checklist as one printable page (checklist.html in the kit folder)."""
    title = i18n.text("checklist.title", lang)
    intro = i18n.text("checklist.intro", lang, agency=agency, fy=fiscal_year, criteria=criteria_year)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"en" if lang == "en" else "th"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)} — {_e(agency)}</title><style>{CSS}</style></head><body>",
        f"<header><h1>{_e(title)}</h1><p class=\"sub\">{_e(agency)}</p>",
        f"<p class=\"meta\">{_e(intro)}</p></header>",
    ]
    if not lists:
        parts.append(f"<p class=\"ok\">✔ {_e(i18n.text('checklist.nothing', lang))}</p>")
    for c in lists:
        name = (c.item.name_en or c.item.name_th) if lang == "en" else c.item.name_th
        parts.append(f'<section class="kit-item" id="{_e(c.item.id)}"><h2>{_e(c.item.id)} {_e(name)} '
                     f"{_status(c.finding.status, lang)}</h2>"
                     f"{checklist.item_html(c, lang, _e, _link, template_link=True)}</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
