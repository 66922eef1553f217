"""The "since last run" section (terminal and Markdown) and the words shared by the audit reports.

Regressions come first and in red: they are what a night's audit exists to catch.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from oit_checker.config.suppress import SuppressionOutcome
from oit_checker.model import Status
from oit_checker.model.diff import ItemChange, RunDiff
from oit_checker.report.labels import STATUS, STATUS_STYLE
from oit_checker.text import i18n
from oit_checker.text.sanitize import markdown as _md
from oit_checker.text.sanitize import markdown_url as _url
from oit_checker.text.sanitize import scrub


def w(lang: str, key: str, **values: object) -> str:
    """A word of the "since last run" section ("since.<key>" in text/strings.toml)."""
    return i18n.text(f"since.{key}", lang, **values)


def status_word(status: Status, lang: str) -> str:
    return STATUS.get(lang, STATUS["th"])[status]


def change_reasons(c: ItemChange, lang: str) -> str:
    return "; ".join(r.message_en if lang == "en" else r.message_th for r in c.reasons)


# ---------------------------------------------------------------- terminal


def _changes_table(title: str, changes: tuple[ItemChange, ...], lang: str, style: str) -> Table:
    table = Table(title=Text(f"{title}: {len(changes)}", style=style), title_justify="left", expand=True)
    for key in ("agency", "item", "name", "before", "after", "reasons"):
        table.add_column(w(lang, key), ratio=3 if key in ("reasons", "name") else None)
    for c in changes:
        after = Text(status_word(c.after, lang), style=STATUS_STYLE[c.after])
        if c.suppressed:
            after.append(f" ({w(lang, 'suppressed')})")
        table.add_row(Text(c.agency_name), Text(c.item), Text(c.name_en if lang == "en" else c.name_th),
                      Text(status_word(c.before, lang), style=STATUS_STYLE[c.before]), after,
                      Text(change_reasons(c, lang)))
    return table


def print_diff(console: Console, diff: RunDiff | None, lang: str = "th") -> None:
    diff = scrub(diff)
    console.rule(Text(w(lang, "since"), style="bold"))
    if diff is None:
        console.print(w(lang, "no_baseline"))
        return
    console.print(Text(w(lang, "compared", base=diff.base_run, when=diff.base_started), style="dim"))
    if diff.fiscal_years:
        console.print(Text(w(lang, "fy_changed", a=diff.fiscal_years[0], b=diff.fiscal_years[1]), style="yellow"))
    if diff.empty:
        console.print(w(lang, "no_changes"))
        return
    for key, changes, style in (("regressions", diff.regressions, "bold red"), ("fixed", diff.fixed, "bold green"),
                                ("changed", diff.changed, "bold yellow")):
        if changes:
            console.print(_changes_table(w(lang, key), changes, lang, style))
    _print_url_and_document_changes(console, diff, lang)
    for key, names in (("new_agencies", diff.new_agencies), ("missing_agencies", diff.missing_agencies)):
        if names:
            console.print(Text(f"{w(lang, key)}: {', '.join(names)}"))


def _print_url_and_document_changes(console: Console, diff: RunDiff, lang: str) -> None:
    for key, urls in (("added_urls", diff.added_urls), ("removed_urls", diff.removed_urls)):
        if urls:
            table = Table(title=f"{w(lang, key)}: {len(urls)}", title_justify="left", expand=True)
            for col in ("agency", "item", "url"):
                table.add_column(w(lang, col))
            for u in urls:
                table.add_row(Text(u.agency_name), Text(u.item), Text(u.url, overflow="fold"))
            console.print(table)
    if diff.changed_documents:
        table = Table(title=f"{w(lang, 'changed_documents')}: {len(diff.changed_documents)}",
                      title_justify="left", expand=True)
        for col in ("agency", "url", "items"):
            table.add_column(w(lang, col))
        for d in diff.changed_documents:
            table.add_row(Text(d.agency_name), Text(d.url, overflow="fold"), Text(", ".join(d.items)))
        console.print(table)


def print_suppressions(console: Console, outcome: SuppressionOutcome | None, lang: str = "th") -> None:
    if outcome is None:
        return
    outcome = scrub(outcome)
    for key, entries in (("expired", outcome.expired), ("unused", outcome.unused)):
        if not entries:
            continue
        table = Table(title=Text(f"{w(lang, key)}: {len(entries)}", style="yellow"), title_justify="left",
                      expand=True)
        for col in ("agency", "item", "code", "expires", "why"):
            table.add_column(w(lang, col))
        table.add_column("")
        for s in entries:
            table.add_row(*(Text(x) for x in (s.agency, s.item, s.code, s.expires.isoformat(), s.reason, s.where())))
        console.print(table)


# ---------------------------------------------------------------- Markdown


def diff_markdown(diff: RunDiff | None, lang: str = "th") -> list[str]:
    diff = scrub(diff)
    lines = [f"## {w(lang, 'since')}", ""]
    if diff is None:
        return [*lines, w(lang, "no_baseline"), ""]
    lines += [_md(w(lang, "compared", base=diff.base_run, when=diff.base_started)), ""]
    if diff.fiscal_years:
        lines += [f"> {w(lang, 'fy_changed', a=diff.fiscal_years[0], b=diff.fiscal_years[1])}", ""]
    if diff.empty:
        return [*lines, w(lang, "no_changes"), ""]
    for key, changes, mark in (("regressions", diff.regressions, "🔴"), ("fixed", diff.fixed, "🟢"),
                               ("changed", diff.changed, "🟡")):
        if not changes:
            continue
        lines += [f"### {mark} {w(lang, key)}: {len(changes)}", "",
                  f"| {w(lang, 'agency')} | {w(lang, 'item')} | {w(lang, 'name')} | {w(lang, 'before')} | "
                  f"{w(lang, 'after')} | {w(lang, 'reasons')} |", "|---|---|---|---|---|---|"]
        for c in changes:
            after = status_word(c.after, lang) + (f" ({w(lang, 'suppressed')})" if c.suppressed else "")
            lines.append(f"| {_md(c.agency_name)} | {_md(c.item)} | {_md(c.name_en if lang == 'en' else c.name_th)} | "
                         f"{status_word(c.before, lang)} | {after} | {_md(change_reasons(c, lang))} |")
        lines.append("")
    for key, urls in (("added_urls", diff.added_urls), ("removed_urls", diff.removed_urls)):
        if urls:
            lines += [f"### {w(lang, key)}: {len(urls)}", ""]
            lines += [f"- {_md(u.agency_name)} {_md(u.item)}: {_url(u.url)}" for u in urls]
            lines.append("")
    if diff.changed_documents:
        lines += [f"### {w(lang, 'changed_documents')}: {len(diff.changed_documents)}", ""]
        lines += [f"- {_md(d.agency_name)}: {_url(d.url)}" + (f" ({_md(', '.join(d.items))})" if d.items else "")
                  for d in diff.changed_documents]
        lines.append("")
    for key, names in (("new_agencies", diff.new_agencies), ("missing_agencies", diff.missing_agencies)):
        if names:
            lines += [f"{w(lang, key)}: {_md(', '.join(names))}", ""]
    return lines


def suppressions_markdown(outcome: SuppressionOutcome | None, lang: str = "th") -> list[str]:
    lines: list[str] = []
    if outcome is None:
        return lines
    for key, entries in (("expired", outcome.expired), ("unused", outcome.unused)):
        if entries:
            lines += [f"### {w(lang, key)}: {len(entries)}", ""]
            lines += [f"- {_md(s.agency)} {_md(s.item)} {_md(s.code)} ({w(lang, 'expires')} {s.expires.isoformat()}): "
                      f"{_md(s.reason)} — {_md(s.where())}" for s in entries]
            lines.append("")
    return lines
