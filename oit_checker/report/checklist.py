"""The fix kit's checklist: for every item that does not pass, what to do to make it pass (pure, text only).

Per item: what the assessor looks for (the catalogue's components, each ticked when found, with the quoted
evidence), what is wrong (the finding's reasons, with their quotes and how to fix them), which fiscal year the
document must name, where to publish it and which URL to submit, and the template to fill in (report/templates.py)
when the item's evidence is a document. Markdown for the kit (`oit-checker fix`, `check --fix-kit`) and HTML for
the reports; Thai first, English with lang="en".

Quotes, URLs and names come from other people's pages and manifests: Markdown goes through `sanitize.markdown`,
HTML through the caller's escaper.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from oit_checker.catalogue import reasons as reason_specs
from oit_checker.catalogue.describe import fiscal_year_rule_text
from oit_checker.model import (
    AgencyResult,
    Catalogue,
    Evidence,
    Finding,
    FiscalYearRule,
    Item,
    Reason,
    Status,
    TemplateKind,
)
from oit_checker.report.labels import STATUS, STATUS_ICON
from oit_checker.report.templates import TemplateContext, file_name
from oit_checker.text import sanitize
from oit_checker.text.i18n import text

MAX_QUOTE = 110
MAX_EVIDENCE = 2

# ---------------------------------------------------------------- the checklist as data


@dataclass(frozen=True)
class Looked:
    """One thing the assessor looks for, and where it was found (None: not found)."""

    label_th: str
    label_en: str
    required: bool
    evidence: Evidence | None
    inferred: bool = False


@dataclass(frozen=True)
class ItemChecklist:
    item: Item
    finding: Finding
    fiscal_year: int
    home: str | None
    looks_for: tuple[Looked, ...]
    fiscal_found: Evidence | None
    template_file: str = ""  # the template's file name in the kit, "" when the item has none

    @property
    def problems(self) -> tuple[Reason, ...]:
        return tuple(r for r in self.finding.reasons if r.severity is not Status.PASS)


def _found_component(f: Finding, comp_id: str, label_th: str) -> Evidence | None:
    for r in f.found:
        # A saved JSON result keeps a found component by its label only (config/result.py).
        if r.code == "component_found" and (r.detail.get("component") == comp_id or r.message_th == label_th):
            return r.evidence[0] if r.evidence else Evidence(url="")
    return None


def _fiscal_found(f: Finding) -> Evidence | None:
    for r in f.found:
        if r.code == "fiscal_year_found":
            return r.evidence[0] if r.evidence else None
    return None


def item_checklist(item: Item, finding: Finding, fiscal_year: int, home: str | None, agency_name: str
                   ) -> ItemChecklist:
    looks = tuple(Looked(c.label_th, c.label_en or c.label_th, c.required, _found_component(finding, c.id, c.label_th),
                         c.confidence.is_guess) for c in item.components)
    template = ""
    if item.template is not None:
        template = file_name(item, item.template, TemplateContext(agency_name, fiscal_year, item.fiscal_year_rule))
    return ItemChecklist(item=item, finding=finding, fiscal_year=fiscal_year, home=home, looks_for=looks,
                         fiscal_found=_fiscal_found(finding), template_file=template)


def agency_checklists(a: AgencyResult, catalogue: Catalogue, items: Sequence[str] | None = None
                      ) -> list[ItemChecklist]:
    """One checklist per item of `a` that is not `pass` (and, with `items`, only those), in catalogue order."""
    a = sanitize.scrub(a)
    out = []
    for f in a.findings:
        if f.status is Status.PASS or (items and f.item not in items):
            continue
        try:
            item = catalogue.item(f.item)
        except KeyError:
            continue  # a finding of another catalogue: nothing to say about its components
        out.append(item_checklist(item, f, a.fiscal_year, a.agency.home, a.agency.name))
    return out


# ---------------------------------------------------------------- shared wording


def _quote(ev: Evidence | None) -> str:
    if ev is None or not ev.snippet:
        return ""
    shown = " ".join(ev.snippet.split())
    return shown if len(shown) <= MAX_QUOTE else shown[: MAX_QUOTE - 1] + "…"


def fiscal_text(c: ItemChecklist, lang: str) -> str:
    rule = c.item.fiscal_year_rule
    if rule is FiscalYearRule.NONE:
        return text("checklist.fy_none", lang)
    return fiscal_year_rule_text(rule, lang, c.fiscal_year)


def publish_text(c: ItemChecklist, lang: str) -> str:
    where = (text("checklist.own_site", lang, home=c.home) if c.home else text("checklist.own_site_nohome", lang)) \
        if c.item.evidence.own_site else text("checklist.any_site", lang)
    template = c.item.template
    if template is None:
        return where
    form = text("checklist.xlsx_form", lang, sheet=template.sheet) if template.kind is TemplateKind.WORKBOOK \
        else text("checklist.docx_form", lang)
    return f"{where}: {form}"


def status_text(f: Finding, lang: str) -> str:
    return f"{STATUS_ICON[f.status]} {STATUS.get(lang, STATUS['th'])[f.status]}"


def _name(c: ItemChecklist, lang: str) -> str:
    return (c.item.name_en or c.item.name_th) if lang == "en" else c.item.name_th


def _label(x: Looked, lang: str) -> str:
    return x.label_en if lang == "en" else x.label_th


def _fix(r: Reason, lang: str) -> str:
    return reason_specs.fix_hint(r.code, lang, **r.detail)


# ---------------------------------------------------------------- Markdown


def _md_looks(c: ItemChecklist, lang: str, md: Callable[[str], str]) -> list[str]:
    lines = [f"**{text('checklist.looks_for', lang)}**", ""]
    found, missing = text("checklist.found", lang), text("checklist.missing", lang)
    for x in c.looks_for:
        mark = "x" if x.evidence is not None else " "
        need = "" if x.required else f" ({text('checklist.optional', lang)})"
        if _quote(x.evidence):
            tail = f" — {found}: “{md(_quote(x.evidence))}”"
        elif x.evidence is not None:
            tail = f" — {found}"
        else:
            tail = f" — **{missing}**" if x.required else ""
        lines.append(f"- [{mark}] {md(_label(x, lang))}{need}{' ≈' if x.inferred else ''}{tail}")
    fy = c.item.fiscal_year_rule is not FiscalYearRule.NONE
    mark = "x" if (c.fiscal_found is not None or not fy) else " "
    quote = _quote(c.fiscal_found)
    fy_tail = f" — {text('checklist.fy_found', lang)}: “{md(quote)}”" if quote else ""
    lines.append(f"- [{mark}] {text('checklist.fiscal_year', lang)}: {md(fiscal_text(c, lang))}{fy_tail}")
    return lines


def _md_problems(c: ItemChecklist, lang: str, md: Callable[[str], str]) -> list[str]:
    if not c.problems:
        return []
    lines = ["", f"**{text('checklist.to_fix', lang)}**", ""]
    for r in c.problems:
        msg = r.message_en if lang == "en" else r.message_th
        lines.append(f"- {md(msg)}{' ≈' if r.inferred else ''}")
        for ev in [e for e in r.evidence if _quote(e)][:MAX_EVIDENCE]:
            page = f" ({text('checklist.page', lang)} {ev.page})" if ev.page else ""
            where = f"{sanitize.markdown_url(ev.url)}{page} " if ev.url else ""
            lines.append(f"  - {where}“{md(_quote(ev))}”")
        fix = _fix(r, lang)
        if fix:
            lines.append(f"  - {text('checklist.fix', lang)}: {md(fix)}")
    return lines


def _md_where(c: ItemChecklist, lang: str, md: Callable[[str], str]) -> list[str]:
    rule = text("checklist.submit_rule", lang, max_urls=c.item.evidence.max_urls)
    lines = ["", f"**{text('checklist.publish', lang)}:** {md(publish_text(c, lang))}", "",
             f"**{text('checklist.submit', lang)}:** {md(rule)}"]
    if c.finding.urls:
        urls = ", ".join(sanitize.markdown_url(u) for u in c.finding.urls)
        lines.append(f"- {text('checklist.submitted', lang)}: {urls}")
    else:
        lines.append(f"- {text('checklist.not_submitted', lang)}")
    other = [d for d in c.finding.documents if d not in c.finding.urls][:3]
    if other:
        lines.append(f"- {text('checklist.read', lang)}: " + ", ".join(sanitize.markdown_url(u) for u in other))
    lines.append("")
    if c.template_file:
        lines.append(f"**{text('checklist.template', lang)}:** [{md(c.template_file)}]({c.template_file}) — "
                     f"{md(text('checklist.template_how', lang))}")
    else:
        lines.append(f"**{text('checklist.template', lang)}:** {md(text('checklist.no_template', lang))}")
    return lines


def item_markdown(c: ItemChecklist, lang: str = "th") -> list[str]:
    md = sanitize.markdown
    head = f"## {md(c.item.id)} {md(_name(c, lang))} — {status_text(c.finding, lang)}"
    if c.finding.suppressed:
        head += f" ({text('checklist.accepted', lang)}: {md(c.finding.suppressed)})"
    return [head, "", *_md_looks(c, lang, md), *_md_problems(c, lang, md), *_md_where(c, lang, md), ""]


def markdown(checklists: Sequence[ItemChecklist], *, agency: str, fiscal_year: int, criteria_year: int,
             lang: str = "th") -> str:
    md = sanitize.markdown
    lines = [f"# {text('checklist.title', lang)}", "",
             md(text("checklist.intro", lang, agency=agency, fy=fiscal_year, criteria=criteria_year)), ""]
    if not checklists:
        lines += [text("checklist.nothing", lang), ""]
    for c in checklists:
        lines += item_markdown(c, lang)
    if any(c.finding.inferred for c in checklists):
        lines += [text("checklist.inferred", lang), ""]
    return "\n".join(lines).rstrip() + "\n"


# ---------------------------------------------------------------- HTML (the report's escaper and link maker)


def item_html(c: ItemChecklist, lang: str, esc: Callable[[object], str], link: Callable[[str], str], *,
              template_link: bool = False) -> str:
    """The checklist of one item as an HTML fragment (a definition list), for the reports; `template_link` links
    the template's file name (the kit's own page, which sits beside the file)."""
    looks = []
    for x in c.looks_for:
        ok = x.evidence is not None
        need = "" if x.required else f" ({esc(text('checklist.optional', lang))})"
        quote = _quote(x.evidence)
        tail = (f' <q>{esc(quote)}</q>' if quote else "") if ok else (
            f' <b class="s-fail">{esc(text("checklist.missing", lang))}</b>' if x.required else "")
        looks.append(f'<li class="{"done" if ok else "todo"}"><span aria-hidden="true">{"☑" if ok else "☐"}</span> '
                     f"{esc(_label(x, lang))}{need}{tail}</li>")
    fy_ok = c.fiscal_found is not None or c.item.fiscal_year_rule is FiscalYearRule.NONE
    fy_quote = _quote(c.fiscal_found)
    looks.append(f'<li class="{"done" if fy_ok else "todo"}"><span aria-hidden="true">{"☑" if fy_ok else "☐"}</span> '
                 f"{esc(text('checklist.fiscal_year', lang))}: {esc(fiscal_text(c, lang))}"
                 + (f" <q>{esc(fy_quote)}</q>" if fy_quote else "") + "</li>")
    problems = "".join(f"<li>{esc(r.message_en if lang == 'en' else r.message_th)}"
                       + "".join(f" <q>{esc(_quote(e))}</q>" for e in [e for e in r.evidence if _quote(e)][:1])
                       + (f' <span class="fix">→ {esc(_fix(r, lang))}</span>' if _fix(r, lang) else "") + "</li>"
                       for r in c.problems)
    submitted = ", ".join(link(u) for u in c.finding.urls) or esc(text("checklist.not_submitted", lang))
    name = (f'<a href="{esc(c.template_file)}">{esc(c.template_file)}</a>' if template_link
            else f"<code>{esc(c.template_file)}</code>")
    template = (f"{name} — {esc(text('checklist.template_how', lang))}" if c.template_file
                else esc(text("checklist.no_template", lang)))
    head = esc(text("checklist.looks_for", lang))
    parts = [f'<dl class="kit"><dt>{head}</dt><dd><ul class="checks">{"".join(looks)}</ul></dd>']
    if problems:
        parts.append(f"<dt>{esc(text('checklist.to_fix', lang))}</dt><dd><ul>{problems}</ul></dd>")
    parts.append(f"<dt>{esc(text('checklist.publish', lang))}</dt><dd>{esc(publish_text(c, lang))}</dd>")
    parts.append(f"<dt>{esc(text('checklist.submit', lang))}</dt><dd>"
                 f"{esc(text('checklist.submit_rule', lang, max_urls=c.item.evidence.max_urls))}<br>"
                 f"{esc(text('checklist.submitted', lang))}: {submitted}</dd>")
    parts.append(f"<dt>{esc(text('checklist.template', lang))}</dt><dd>{template}</dd></dl>")
    return "".join(parts)
