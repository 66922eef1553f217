"""Trends as pictures (pure, text only): inline SVG charts of where agencies are heading across stored runs.

* `score_chart` — one agency's estimated indicator 9 and 10 scores per run: for each indicator a band from the
  pessimistic to the optimistic figure (review counted 0 or 100, report/projection.py) with both ends marked.
  Indicator 9 is solid with round marks, indicator 10 dashed with square marks, so the chart reads in black and
  white on paper as well as in colour on a phone.
* `province_chart` — every item against every run: how many of the agencies checked in that run pass it (a
  number in each cell, shaded from red to green).
* `item_history` — one agency's items run by run: the status now, when it last changed, and whether that change
  was a regression (pass → not pass).

Every chart is an `<svg>` element with a viewBox (it scales to the width it is given), a `<title>` and an
aria-label; no script, no external asset. Each plotted point carries its value in data-* attributes.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from oit_checker.config.projection import Method
from oit_checker.model import Finding, Status
from oit_checker.model.trend import AgencyPoint, AgencyTrack, History, RunPoint
from oit_checker.report.labels import STATUS, STATUS_ICON
from oit_checker.report.projection import INDICATOR_NAMES, project
from oit_checker.text import sanitize
from oit_checker.text.i18n import count, text

BANGKOK = timezone(timedelta(hours=7))
_MONTHS = {"th": ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."),
           "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")}
INDICATOR_STYLE = {9: ("#1a56b5", "", "circle"), 10: ("#b35c00", "5 3", "square")}  # colour, dash, mark
_OTHER_STYLE = ("#555555", "2 2", "circle")

def _e(text: object) -> str:
    return html.escape(sanitize.clean(str(text)), quote=True)


def short_date(iso: str, lang: str = "th") -> str:
    """"3 ธ.ค. 69" / "3 Dec 26": a run's date on an axis (Bangkok time; Thai years in the Buddhist era)."""
    try:
        dt = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso[:10]
    if dt.tzinfo is not None:
        dt = dt.astimezone(BANGKOK)
    year = dt.year + (543 if lang != "en" else 0)
    return f"{dt.day} {_MONTHS.get(lang, _MONTHS['th'])[dt.month - 1]} {year % 100:02d}"


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


# ---------------------------------------------------------------- one agency's scores


@dataclass(frozen=True)
class ScorePoint:
    run: RunPoint
    indicator: int
    pessimistic: float
    optimistic: float


def score_points(track: AgencyTrack, method: Method | None = None) -> list[ScorePoint]:
    """The projected scores of every run of the agency, per indicator (the figures the report prints)."""
    out = []
    for p in track.points:
        for ind, proj in sorted(project(p.findings, method).items()):
            out.append(ScorePoint(p.run, ind, proj.pessimistic, proj.optimistic))
    return out


# Chart geometry (viewBox units).
_W, _H = 340, 170
_LEFT, _RIGHT, _TOP, _BOTTOM = 30, 12, 10, 26


def _x(i: int, n: int) -> float:
    span = _W - _LEFT - _RIGHT
    return _LEFT + (span / 2 if n == 1 else span * i / (n - 1))


def _y(score: float) -> float:
    return _TOP + (_H - _TOP - _BOTTOM) * (1 - max(0.0, min(100.0, score)) / 100)


def _mark(kind: str, x: float, y: float, attrs: str, fill: str, colour: str) -> str:
    if kind == "square":
        return (f'<rect x="{x - 3:.1f}" y="{y - 3:.1f}" width="6" height="6" fill="{fill}" stroke="{colour}" '
                f'stroke-width="1.5" {attrs}')
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.2" fill="{fill}" stroke="{colour}" stroke-width="1.5" {attrs}'


def _axes(runs: Sequence[RunPoint], lang: str) -> list[str]:
    out = []
    for score in (0, 25, 50, 75, 100):
        y = _y(score)
        out.append(f'<line x1="{_LEFT}" y1="{y:.1f}" x2="{_W - _RIGHT}" y2="{y:.1f}" stroke="#dadce0" '
                   f'stroke-width="{1 if score in (0, 100) else 0.6}"/>')
        if score % 50 == 0:
            out.append(f'<text x="{_LEFT - 4}" y="{y + 3.5:.1f}" text-anchor="end" font-size="10" '
                       f'fill="#5f6368">{score}</text>')
    n = len(runs)
    shown = {0, n - 1} | ({n // 2} if n > 4 else set(range(n)))
    for i, run in enumerate(runs):
        x = _x(i, n)
        out.append(f'<line x1="{x:.1f}" y1="{_H - _BOTTOM}" x2="{x:.1f}" y2="{_H - _BOTTOM + 3}" stroke="#9aa0a6"/>')
        if i in shown:
            anchor = "start" if i == 0 and n > 1 else "end" if i == n - 1 and n > 1 else "middle"
            out.append(f'<text x="{x:.1f}" y="{_H - 8}" text-anchor="{anchor}" font-size="10" fill="#3c4043">'
                       f"{_e(short_date(run.started_at, lang))}</text>")
    return out


def score_chart(track: AgencyTrack, method: Method | None = None, lang: str = "th") -> str:
    """The agency's indicator 9 and 10 bands over its runs, as an inline SVG (empty string: no runs)."""
    points = score_points(track, method)
    runs = [p.run for p in track.points]
    if not runs:
        return ""
    index = {r.run_id: i for i, r in enumerate(runs)}
    title = count("trends.score_title", len(runs), lang, agency=track.name)
    out = [f'<svg class="trend" viewBox="0 0 {_W} {_H}" role="img" aria-label="{_e(title)}" '
           f'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif"><title>{_e(title)}</title>',
           *_axes(runs, lang)]
    for ind in sorted({p.indicator for p in points}):
        colour, dash, kind = INDICATOR_STYLE.get(ind, _OTHER_STYLE)
        mine = [p for p in points if p.indicator == ind]
        xs = [_x(index[p.run.run_id], len(runs)) for p in mine]
        upper = [f"{x:.1f},{_y(p.optimistic):.1f}" for x, p in zip(xs, mine, strict=True)]
        lower = [f"{x:.1f},{_y(p.pessimistic):.1f}" for x, p in zip(xs, mine, strict=True)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<g class="ind" data-indicator="{ind}">')
        if len(mine) > 1:
            out.append(f'<polygon points="{" ".join(upper + lower[::-1])}" fill="{colour}" fill-opacity="0.13" '
                       'stroke="none"/>')
            out.append(f'<polyline points="{" ".join(upper)}" fill="none" stroke="{colour}" stroke-width="1" '
                       f'stroke-opacity="0.6"{dash_attr}/>')
            out.append(f'<polyline points="{" ".join(lower)}" fill="none" stroke="{colour}" stroke-width="2"'
                       f"{dash_attr}/>")
        for x, p in zip(xs, mine, strict=True):
            if p.optimistic != p.pessimistic:
                out.append(f'<line x1="{x:.1f}" y1="{_y(p.optimistic):.1f}" x2="{x:.1f}" y2="{_y(p.pessimistic):.1f}" '
                           f'stroke="{colour}" stroke-width="1"/>')
            for which, score, fill in (("optimistic", p.optimistic, "#ffffff"), ("pessimistic", p.pessimistic, colour)):
                tip = (f"{text('trends.run', lang)} {p.run.run_id} ({short_date(p.run.started_at, lang)}): "
                       f"{text('trends.indicator', lang)} {ind} {text('trends.' + which, lang)} {score:.2f}")
                attrs = (f'data-run="{p.run.run_id}" data-indicator="{ind}" data-kind="{which}" '
                         f'data-score="{score:.2f}"><title>{_e(tip)}</title>')
                close = "</rect>" if kind == "square" else "</circle>"
                out.append(_mark(kind, x, _y(score), attrs, fill, colour) + close)
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def score_legend(track: AgencyTrack, method: Method | None = None, lang: str = "th") -> str:
    """One line under the chart: each indicator's mark and its latest range (text, so it prints and reads)."""
    points = score_points(track, method)
    if not points:
        return ""
    last = points[-1].run.run_id
    parts = []
    for p in (x for x in points if x.run.run_id == last):
        colour, dash, kind = INDICATOR_STYLE.get(p.indicator, _OTHER_STYLE)
        shape = "■" if kind == "square" else "●"
        line = "╌" if dash else "━"
        name = INDICATOR_NAMES.get(p.indicator, ("", ""))[1 if lang == "en" else 0]
        value = _num(p.pessimistic) if p.pessimistic == p.optimistic else f"{_num(p.pessimistic)}–{_num(p.optimistic)}"
        parts.append(f'<span class="lg" style="color:{colour}">{line}{shape}</span> '
                     f"{_e(text('trends.indicator', lang))} {p.indicator} {_e(name)}: <b>{_e(value)}</b>")
    return f'<p class="note trend-legend">{" · ".join(parts)} · {_e(text("trends.band", lang))}</p>'


# ---------------------------------------------------------------- the province: agencies passing per item


def _item_key(item: str) -> tuple[int, str]:
    digits = "".join(ch for ch in item if ch.isdigit())
    return (int(digits) if digits else 0, item)


def passing_counts(history: History) -> tuple[list[RunPoint], list[str], dict[tuple[str, int], tuple[int, int]]]:
    """(runs, items, (item, run id) → (agencies passing, agencies checked)) for the runs of the latest run's
    criteria year (item codes mean other things under other criteria)."""
    if not history.runs:
        return [], [], {}
    year = history.runs[-1].criteria_year
    runs = [r for r in history.runs if r.criteria_year == year]
    ids = {r.run_id for r in runs}
    counts: dict[tuple[str, int], list[int]] = {}
    for track in history.agencies:
        for p in track.points:
            if p.run.run_id not in ids:
                continue
            for f in p.findings:
                c = counts.setdefault((f.item, p.run.run_id), [0, 0])
                c[1] += 1
                c[0] += f.status is Status.PASS
    items = sorted({item for item, _ in counts}, key=_item_key)
    return runs, items, {k: (v[0], v[1]) for k, v in counts.items()}


def _shade(share: float) -> str:
    """Red (none pass) through yellow to green (all pass), light enough for black text."""
    stops = ((0.0, (244, 199, 195)), (0.5, (255, 236, 179)), (1.0, (183, 225, 193)))
    for (a, ca), (b, cb) in itertools.pairwise(stops):
        if share <= b:
            t = (share - a) / (b - a) if b > a else 0
            rgb = tuple(round(x + (y - x) * t) for x, y in zip(ca, cb, strict=True))
            return "#{:02x}{:02x}{:02x}".format(*rgb)
    return "#b7e1c1"


def province_chart(history: History, lang: str = "th") -> str:
    """Items (rows) × runs (columns): agencies passing, with the number in the cell. Empty string: no runs."""
    runs, items, counts = passing_counts(history)
    if not runs or not items:
        return ""
    label_w, head_h, cell_w, cell_h = 40, 30, 46, 16
    width, height = label_w + cell_w * len(runs) + 4, head_h + cell_h * len(items) + 4
    title = count("trends.province_title", len(runs), lang)
    # At most 1.5 × its own size: a few runs stay a compact table, many runs shrink to the page (or the phone).
    out = [f'<svg class="trend province" viewBox="0 0 {width} {height}" style="max-width:{round(width * 1.5)}px" '
           f'role="img" aria-label="{_e(title)}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">'
           f"<title>{_e(title)}</title>"]
    for j, run in enumerate(runs):
        x = label_w + cell_w * j + cell_w / 2
        faded = "" if run.complete else ' font-style="italic"'
        out.append(f'<text x="{x:.1f}" y="11" text-anchor="middle" font-size="8.5" fill="#3c4043"{faded}>'
                   f"{_e(text('trends.run', lang))} {run.run_id}</text>")
        out.append(f'<text x="{x:.1f}" y="23" text-anchor="middle" font-size="8.5" fill="#3c4043"{faded}>'
                   f"{_e(short_date(run.started_at, lang))}</text>")
    for i, item in enumerate(items):
        y = head_h + cell_h * i
        out.append(f'<text x="{label_w - 5}" y="{y + cell_h / 2 + 3.5:.1f}" text-anchor="end" font-size="9.5" '
                   f'font-weight="bold" fill="#202124">{_e(item)}</text>')
        for j, run in enumerate(runs):
            x = label_w + cell_w * j
            got = counts.get((item, run.run_id))
            if got is None:
                out.append(f'<rect x="{x + 1}" y="{y + 1}" width="{cell_w - 2}" height="{cell_h - 2}" fill="#f1f3f4"/>')
                continue
            passing, checked = got
            tip = (f"{item} · {text('trends.run', lang)} {run.run_id} ({short_date(run.started_at, lang)}): "
                   + text("trends.passing", lang, n=passing, m=checked)
                   + ("" if run.complete else f" ({text('trends.incomplete', lang)})"))
            out.append(f'<g data-item="{_e(item)}" data-run="{run.run_id}" data-pass="{passing}" '
                       f'data-checked="{checked}"><title>{_e(tip)}</title>'
                       f'<rect x="{x + 1}" y="{y + 1}" width="{cell_w - 2}" height="{cell_h - 2}" rx="2" '
                       f'fill="{_shade(passing / checked if checked else 0)}"/>'
                       f'<text x="{x + cell_w / 2:.1f}" y="{y + cell_h / 2 + 3.5:.1f}" text-anchor="middle" '
                       f'font-size="9" fill="#202124">{passing}/{checked}</text></g>')
    out.append("</svg>")
    return "".join(out)


# ---------------------------------------------------------------- one agency, item by item


@dataclass(frozen=True)
class ItemHistory:
    item: str
    name_th: str
    name_en: str
    statuses: tuple[Status | None, ...]  # one per run of the track (None: not checked in that run)
    now: Status | None
    changed_at: RunPoint | None  # the run where the status became what it is now (None: never changed)
    before: Status | None  # the status before that change
    regression: bool  # the last change was from pass to something else, and is not accepted
    suppressed: bool


def _status_in(point: AgencyPoint, item: str) -> Finding | None:
    return next((f for f in point.findings if f.item == item), None)


def item_history(track: AgencyTrack) -> tuple[list[RunPoint], list[ItemHistory]]:
    """(the runs compared, one row per item of the latest run): runs of other criteria years are left out."""
    if not track.points:
        return [], []
    year = track.points[-1].run.criteria_year
    points = [p for p in track.points if p.run.criteria_year == year]
    latest = points[-1]
    rows = []
    for f in sorted(latest.findings, key=lambda x: _item_key(x.item)):
        found = [_status_in(p, f.item) for p in points]
        statuses = tuple(x.status if x is not None else None for x in found)
        changed_at: RunPoint | None = None
        before: Status | None = None
        for i in range(len(points) - 1, 0, -1):
            prev = statuses[i - 1]
            if prev is not None and prev is not statuses[i]:
                changed_at, before = points[i].run, prev
                break
            if prev is None:
                break
        regression = before is Status.PASS and f.status is not Status.PASS and not f.suppressed
        rows.append(ItemHistory(f.item, f.name_th, f.name_en, statuses, f.status, changed_at, before, regression,
                                bool(f.suppressed)))
    return [p.run for p in points], rows


def status_strip(statuses: Sequence[Status | None], lang: str = "th") -> str:
    """A row of small status cells, oldest first (colour, icon and hover text; a regression step outlined)."""
    cells = []
    for i, st in enumerate(statuses):
        if st is None:
            cells.append('<span class="cell none">·</span>')
            continue
        regressed = i > 0 and statuses[i - 1] is Status.PASS and st is not Status.PASS
        cls = f"cell s-{st.value}" + (" regressed-step" if regressed else "")
        cells.append(f'<span class="{cls}" title="{_e(STATUS.get(lang, STATUS["th"])[st])}">{STATUS_ICON[st]}</span>')
    return f'<span class="strip">{"".join(cells)}</span>'


# ---------------------------------------------------------------- one agency's history as text and data


def agency_history_dict(track: AgencyTrack, method: Method | None = None) -> dict[str, object]:
    """`history show --agency X --format json`."""
    track = sanitize.scrub(track)
    runs, rows = item_history(track)
    return {
        "agency": {"slug": track.slug, "name": track.name},
        "runs": [{"run_id": p.run.run_id, "started_at": p.run.started_at, "fiscal_year": p.run.fiscal_year,
                  "criteria_year": p.run.criteria_year, "complete": p.run.complete} for p in track.points],
        "scores": [{"run_id": p.run.run_id, "indicator": p.indicator, "pessimistic": p.pessimistic,
                    "optimistic": p.optimistic, "estimate": True} for p in score_points(track, method)],
        "items": [{"item": r.item, "name_th": r.name_th, "name_en": r.name_en,
                   "statuses": [s.value if s is not None else None for s in r.statuses],
                   "runs": [run.run_id for run in runs], "now": r.now.value if r.now else None,
                   "changed_in_run": r.changed_at.run_id if r.changed_at else None,
                   "changed_at": r.changed_at.started_at if r.changed_at else None,
                   "before": r.before.value if r.before else None, "regression": r.regression,
                   "suppressed": r.suppressed} for r in rows],
    }


def agency_history_markdown(track: AgencyTrack, method: Method | None = None, lang: str = "th") -> str:
    """`history show --agency X --format md`: the same content as the HTML page, as tables."""
    md = sanitize.markdown
    track = sanitize.scrub(track)
    points = score_points(track, method)
    indicators = sorted({p.indicator for p in points})
    title, run_w, date_w = text("trends.md_title", lang), text("trends.md_run", lang), text("trends.md_date", lang)
    item_w, name_w, now_w = text("trends.item", lang), text("trends.md_name", lang), text("trends.md_now", lang)
    since_w, before_w, strip_w = (text("trends.md_since", lang), text("trends.md_before", lang),
                                  text("trends.md_strip", lang))
    regressed_w, scores_w = text("trends.md_regressed", lang), text("trends.md_scores", lang)
    ind_heads = " | ".join(f"{text('trends.indicator', lang)} {i}" for i in indicators)
    lines = [f"# {title}: {md(track.name)}", "", f"## {scores_w}", "", f"| {run_w} | {date_w} | {ind_heads} |",
             "|---|---|" + "---|" * len(indicators)]
    for p in track.points:
        cells = {x.indicator: (f"{x.pessimistic:.2f}" if x.pessimistic == x.optimistic
                               else f"{x.pessimistic:.2f}–{x.optimistic:.2f}") for x in points
                 if x.run.run_id == p.run.run_id}
        lines.append(f"| {p.run.run_id} | {short_date(p.run.started_at, lang)} | "
                     + " | ".join(cells.get(i, "—") for i in indicators) + " |")
    _, rows = item_history(track)
    lines += ["", f"## {text('trends.item', lang)}", "",
              f"| {item_w} | {name_w} | {now_w} | {since_w} | {before_w} | {strip_w} |", "|---|---|---|---|---|---|"]
    for r in rows:
        now = f"{STATUS_ICON[r.now]} {STATUS.get(lang, STATUS['th'])[r.now]}" if r.now else "—"
        if r.regression:
            now += f" ▼ {regressed_w}"
        since = f"{run_w} {r.changed_at.run_id} ({short_date(r.changed_at.started_at, lang)})" if r.changed_at else "—"
        before = f"{STATUS_ICON[r.before]} {STATUS.get(lang, STATUS['th'])[r.before]}" if r.before else "—"
        strip = " ".join(STATUS_ICON[s] if s is not None else "·" for s in r.statuses)
        lines.append(f"| {md(r.item)} | {md(r.name_en if lang == 'en' else r.name_th)} | {now} | {since} | {before} "
                     f"| {strip} |")
    return "\n".join(lines) + "\n"
