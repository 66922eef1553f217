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
from oit_checker.catalogue.rules import fiscal_year_rule_text
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

MAX_QUOTE = 110
MAX_EVIDENCE = 2

WORDS = {
    "th": {
        "title": "ชุดแก้ไข OIT: สิ่งที่ต้องทำให้ผ่าน",
        "intro": "รายการข้อที่ยังไม่ผ่าน (ไม่ผ่าน ต้องตรวจทาน หรือตรวจไม่ได้) ของ{agency} ปีงบประมาณ {fy} "
                 "ตามเกณฑ์ ITA {criteria} ทีละข้อ: ผู้ประเมินดูอะไร พบอะไรแล้ว ยังขาดอะไร และแม่แบบเอกสารที่กรอกได้ทันที",
        "nothing": "ทุกข้อที่ตรวจผ่านแล้ว ไม่มีสิ่งที่ต้องแก้",
        "looks_for": "ผู้ประเมินดูอะไร",
        "found": "พบแล้ว",
        "missing": "ยังไม่พบ",
        "optional": "ไม่บังคับ",
        "to_fix": "สิ่งที่ต้องแก้",
        "fix": "วิธีแก้",
        "fiscal_year": "ปีงบประมาณที่เอกสารต้องระบุ",
        "fy_found": "พบในเอกสาร",
        "fy_none": "ไม่กำหนดปีงบประมาณ แต่ข้อมูลต้องเป็นปัจจุบัน",
        "publish": "เผยแพร่ที่ไหน",
        "own_site": "บนเว็บไซต์หลักของหน่วยงาน ({home}) ในหมวด ITA/OIT เป็นหน้าเว็บหรือไฟล์ที่ทุกคนเปิดอ่านได้ทันที "
                    "ไม่ต้องเข้าสู่ระบบ",
        "own_site_nohome": "บนเว็บไซต์หลักของหน่วยงาน ในหมวด ITA/OIT เป็นหน้าเว็บหรือไฟล์ที่ทุกคนเปิดอ่านได้ทันที "
                           "ไม่ต้องเข้าสู่ระบบ",
        "any_site": "หน้าเว็บหรือไฟล์ที่ทุกคนเปิดอ่านได้ทันที ไม่ต้องเข้าสู่ระบบ",
        "docx_form": "เอกสารฉบับเต็ม (PDF ที่พิมพ์จากแม่แบบที่กรอกแล้ว หรือไฟล์ DOCX) ไม่ใช่เฉพาะหน้าปก",
        "xlsx_form": "ไฟล์ Excel ตามแบบฟอร์ม {sheet} ที่กรอกครบทุกช่อง (จะแนบ PDF คู่กันก็ได้)",
        "submit": "URL ที่กรอกในระบบ ITAS",
        "submit_rule": "URL ตรงของเอกสารหรือหน้าที่แก้ไขแล้ว ที่เปิดแล้วเห็นเนื้อหาทันที (ไม่ใช่หน้าแรกหรือเมนู) "
                       "ไม่เกิน {max_urls} URL",
        "submitted": "ตอนนี้กรอกไว้",
        "not_submitted": "ตอนนี้ยังไม่ได้กรอก URL",
        "read": "เอกสารที่ตรวจอ่าน",
        "template": "แม่แบบให้กรอก",
        "template_how": "เปิดไฟล์ แทนข้อความ [กรอก: …] ทุกแห่งด้วยข้อมูลจริง แก้แถว [ตัวอย่าง] ให้เป็นข้อมูลจริง"
                        "หรือลบทิ้ง ตรวจทาน ลงนาม (ถ้ามีช่องลงนาม) แล้วเผยแพร่",
        "no_template": "ข้อนี้เป็นหน้าเว็บหรือระบบ ไม่มีแม่แบบเอกสาร: แก้ตามรายการข้างบน",
        "accepted": "ยอมรับแล้ว",
        "inferred": "≈ บางข้อในรายการนี้อาศัยเกณฑ์ที่อนุมาน (ยังไม่ยืนยันจากคู่มือ)",
        "page": "หน้า",
    },
    "en": {
        "title": "OIT fix kit: what to do to pass",
        "intro": "Every item of {agency} that does not pass (fail, review or error) for fiscal year {fy} under the "
                 "ITA {criteria} criteria, one by one: what the assessor looks for, what was found, what is missing, "
                 "and a document template ready to fill in",
        "nothing": "Every checked item passes: nothing to fix",
        "looks_for": "What the assessor looks for",
        "found": "found",
        "missing": "not found",
        "optional": "optional",
        "to_fix": "What to fix",
        "fix": "how",
        "fiscal_year": "Fiscal year the document must name",
        "fy_found": "found in the document",
        "fy_none": "no fiscal-year rule, but the information must be current",
        "publish": "Where to publish",
        "own_site": "on the agency's main website ({home}), in its ITA/OIT section, as a page or file anyone can "
                    "open at once, without logging in",
        "own_site_nohome": "on the agency's main website, in its ITA/OIT section, as a page or file anyone can "
                           "open at once, without logging in",
        "any_site": "as a page or file anyone can open at once, without logging in",
        "docx_form": "the full document (a PDF printed from the filled template, or the DOCX), not just its cover",
        "xlsx_form": "the Excel workbook in the {sheet} form with every cell filled (a PDF beside it is fine)",
        "submit": "URL to enter in ITAS",
        "submit_rule": "the direct URL of the corrected document or page, which shows the content at once (not the "
                       "home page or a menu); at most {max_urls} URLs",
        "submitted": "submitted now",
        "not_submitted": "no URL submitted yet",
        "read": "documents read",
        "template": "Template to fill in",
        "template_how": "open the file, replace every [กรอก: …] with the real information, turn the [ตัวอย่าง] "
                        "example row into real data or delete it, review, sign (where there is a signature block) "
                        "and publish",
        "no_template": "this item is a web page or a system, so there is no document template: fix it as listed above",
        "accepted": "accepted",
        "inferred": "≈ some of this rests on inferred rules (not confirmed from the manual)",
        "page": "page",
    },
}


def w(lang: str, key: str, **values: object) -> str:
    text = WORDS.get(lang, WORDS["th"])[key]
    return text.format(**values) if values else text


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
        if r.code in ("component_found", "") and (r.detail.get("component") == comp_id or r.message_th == label_th):
            return r.evidence[0] if r.evidence else Evidence(url="")
    return None


def _fiscal_found(f: Finding) -> Evidence | None:
    for r in f.found:
        if r.code == "fiscal_year_found" or r.message_th.startswith("ปีงบประมาณ "):
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
    text = " ".join(ev.snippet.split())
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1] + "…"


def fiscal_text(c: ItemChecklist, lang: str) -> str:
    rule = c.item.fiscal_year_rule
    if rule is FiscalYearRule.NONE:
        return w(lang, "fy_none")
    return fiscal_year_rule_text(rule, lang, c.fiscal_year)


def publish_text(c: ItemChecklist, lang: str) -> str:
    where = (w(lang, "own_site", home=c.home) if c.home else w(lang, "own_site_nohome")) \
        if c.item.evidence.own_site else w(lang, "any_site")
    template = c.item.template
    if template is None:
        return where
    form = w(lang, "xlsx_form", sheet=template.sheet) if template.kind is TemplateKind.WORKBOOK \
        else w(lang, "docx_form")
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
    lines = [f"**{w(lang, 'looks_for')}**", ""]
    for x in c.looks_for:
        mark = "x" if x.evidence is not None else " "
        need = "" if x.required else f" ({w(lang, 'optional')})"
        tail = f" — {w(lang, 'found')}: “{md(_quote(x.evidence))}”" if _quote(x.evidence) else (
            f" — {w(lang, 'found')}" if x.evidence is not None else f" — **{w(lang, 'missing')}**"
            if x.required else "")
        lines.append(f"- [{mark}] {md(_label(x, lang))}{need}{' ≈' if x.inferred else ''}{tail}")
    fy = c.item.fiscal_year_rule is not FiscalYearRule.NONE
    mark = "x" if (c.fiscal_found is not None or not fy) else " "
    quote = _quote(c.fiscal_found)
    fy_tail = f" — {w(lang, 'fy_found')}: “{md(quote)}”" if quote else ""
    lines.append(f"- [{mark}] {w(lang, 'fiscal_year')}: {md(fiscal_text(c, lang))}{fy_tail}")
    return lines


def _md_problems(c: ItemChecklist, lang: str, md: Callable[[str], str]) -> list[str]:
    if not c.problems:
        return []
    lines = ["", f"**{w(lang, 'to_fix')}**", ""]
    for r in c.problems:
        msg = r.message_en if lang == "en" else r.message_th
        lines.append(f"- {md(msg)}{' ≈' if r.inferred else ''}")
        for ev in [e for e in r.evidence if _quote(e)][:MAX_EVIDENCE]:
            page = f" ({w(lang, 'page')} {ev.page})" if ev.page else ""
            where = f"{sanitize.markdown_url(ev.url)}{page} " if ev.url else ""
            lines.append(f"  - {where}“{md(_quote(ev))}”")
        fix = _fix(r, lang)
        if fix:
            lines.append(f"  - {w(lang, 'fix')}: {md(fix)}")
    return lines


def _md_where(c: ItemChecklist, lang: str, md: Callable[[str], str]) -> list[str]:
    lines = ["", f"**{w(lang, 'publish')}:** {md(publish_text(c, lang))}", "",
             f"**{w(lang, 'submit')}:** {md(w(lang, 'submit_rule', max_urls=c.item.evidence.max_urls))}"]
    if c.finding.urls:
        lines.append(f"- {w(lang, 'submitted')}: " + ", ".join(sanitize.markdown_url(u) for u in c.finding.urls))
    else:
        lines.append(f"- {w(lang, 'not_submitted')}")
    other = [d for d in c.finding.documents if d not in c.finding.urls][:3]
    if other:
        lines.append(f"- {w(lang, 'read')}: " + ", ".join(sanitize.markdown_url(u) for u in other))
    lines.append("")
    if c.template_file:
        lines.append(f"**{w(lang, 'template')}:** [{md(c.template_file)}]({c.template_file}) — "
                     f"{md(w(lang, 'template_how'))}")
    else:
        lines.append(f"**{w(lang, 'template')}:** {md(w(lang, 'no_template'))}")
    return lines


def item_markdown(c: ItemChecklist, lang: str = "th") -> list[str]:
    md = sanitize.markdown
    head = f"## {md(c.item.id)} {md(_name(c, lang))} — {status_text(c.finding, lang)}"
    if c.finding.suppressed:
        head += f" ({w(lang, 'accepted')}: {md(c.finding.suppressed)})"
    return [head, "", *_md_looks(c, lang, md), *_md_problems(c, lang, md), *_md_where(c, lang, md), ""]


def markdown(checklists: Sequence[ItemChecklist], *, agency: str, fiscal_year: int, criteria_year: int,
             lang: str = "th") -> str:
    md = sanitize.markdown
    lines = [f"# {w(lang, 'title')}", "",
             md(w(lang, "intro", agency=agency, fy=fiscal_year, criteria=criteria_year)), ""]
    if not checklists:
        lines += [w(lang, "nothing"), ""]
    for c in checklists:
        lines += item_markdown(c, lang)
    if any(c.finding.inferred for c in checklists):
        lines += [w(lang, "inferred"), ""]
    return "\n".join(lines).rstrip() + "\n"


# ---------------------------------------------------------------- HTML (the report's escaper and link maker)


def item_html(c: ItemChecklist, lang: str, esc: Callable[[object], str], link: Callable[[str], str], *,
              template_link: bool = False) -> str:
    """The checklist of one item as an HTML fragment (a definition list), for the reports; `template_link` links
    the template's file name (the kit's own page, which sits beside the file)."""
    looks = []
    for x in c.looks_for:
        ok = x.evidence is not None
        need = "" if x.required else f" ({esc(w(lang, 'optional'))})"
        quote = _quote(x.evidence)
        tail = (f' <q>{esc(quote)}</q>' if quote else "") if ok else (
            f' <b class="s-fail">{esc(w(lang, "missing"))}</b>' if x.required else "")
        looks.append(f'<li class="{"done" if ok else "todo"}"><span aria-hidden="true">{"☑" if ok else "☐"}</span> '
                     f"{esc(_label(x, lang))}{need}{tail}</li>")
    fy_ok = c.fiscal_found is not None or c.item.fiscal_year_rule is FiscalYearRule.NONE
    fy_quote = _quote(c.fiscal_found)
    looks.append(f'<li class="{"done" if fy_ok else "todo"}"><span aria-hidden="true">{"☑" if fy_ok else "☐"}</span> '
                 f"{esc(w(lang, 'fiscal_year'))}: {esc(fiscal_text(c, lang))}"
                 + (f" <q>{esc(fy_quote)}</q>" if fy_quote else "") + "</li>")
    problems = "".join(f"<li>{esc(r.message_en if lang == 'en' else r.message_th)}"
                       + (f' <span class="fix">→ {esc(_fix(r, lang))}</span>' if _fix(r, lang) else "") + "</li>"
                       for r in c.problems)
    submitted = ", ".join(link(u) for u in c.finding.urls) or esc(w(lang, "not_submitted"))
    name = (f'<a href="{esc(c.template_file)}">{esc(c.template_file)}</a>' if template_link
            else f"<code>{esc(c.template_file)}</code>")
    template = (f"{name} — {esc(w(lang, 'template_how'))}" if c.template_file else esc(w(lang, "no_template")))
    parts = [f'<dl class="kit"><dt>{esc(w(lang, "looks_for"))}</dt><dd><ul class="checks">{"".join(looks)}</ul></dd>']
    if problems:
        parts.append(f"<dt>{esc(w(lang, 'to_fix'))}</dt><dd><ul>{problems}</ul></dd>")
    parts.append(f"<dt>{esc(w(lang, 'publish'))}</dt><dd>{esc(publish_text(c, lang))}</dd>")
    parts.append(f"<dt>{esc(w(lang, 'submit'))}</dt><dd>"
                 f"{esc(w(lang, 'submit_rule', max_urls=c.item.evidence.max_urls))}<br>"
                 f"{esc(w(lang, 'submitted'))}: {submitted}</dd>")
    parts.append(f"<dt>{esc(w(lang, 'template'))}</dt><dd>{template}</dd></dl>")
    return "".join(parts)
