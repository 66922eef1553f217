"""Rules described for people: `rules list` and `rules show`, the checklist and the fix kit (Thai first).

Reads the `Catalogue` that catalogue/rules.py built; knows nothing of TOML.
"""

from __future__ import annotations

from oit_checker.catalogue.rules import NOTE_PREFIX
from oit_checker.model import (
    Component,
    ComponentKind,
    Confidence,
    FiscalYearRule,
    Item,
    Matcher,
    MatcherKind,
    ValueKind,
)


def confidence_note(item: Item) -> str:
    """The catalogue's `confidence_note` for the item ("seed vs one source"), or ""."""
    first = item.notes.split("\n", 1)[0]
    if first.startswith(NOTE_PREFIX) and first.endswith("]"):
        return first[len(NOTE_PREFIX):-1]
    return ""


def item_notes(item: Item) -> str:
    """The item's notes without the confidence-note line."""
    if confidence_note(item):
        return item.notes.split("\n", 1)[1] if "\n" in item.notes else ""
    return item.notes


_CONFIDENCE_TEXT = {
    Confidence.CONFIRMED: ("ยืนยันแล้ว (หลายแหล่งที่เป็นอิสระต่อกัน)", "confirmed (several independent sources)"),
    Confidence.ONE_SOURCE: ("มีแหล่งยืนยันแหล่งเดียว", "one source"),
    Confidence.SEED: ("จากผลการตรวจจริงในเอกสารตัวอย่าง (seed)", "seed (the real assessor's findings)"),
    Confidence.INFERRED: ("อนุมาน (ยังไม่ยืนยัน)", "inferred (a reasoned guess)"),
    Confidence.UNKNOWN: ("ไม่ทราบ (ต้องตรวจกับคู่มือฉบับจริง)", "unknown (check the official manual)"),
}
_INDICATOR_TEXT = {9: ("การเปิดเผยข้อมูล", "Information disclosure"), 10: ("การป้องกันการทุจริต", "Corruption prevention")}
_MONTHS_TH = ("ต.ค.", "มี.ค.", "ก.ย.")
_MONTHS_EN = ("Oct", "Mar", "Sep")


def confidence_label(confidence: Confidence, lang: str = "th") -> str:
    th, en = _CONFIDENCE_TEXT[confidence]
    return en if lang == "en" else th


def _span(target: int, half: bool, lang: str) -> str:
    """The dates of FY `target` (BE): 1 Oct of the year before to 30 Sep, or to 31 Mar for `half`."""
    last = ("31", 1) if half else ("30", 2)
    if lang == "en":
        return f"1 {_MONTHS_EN[0]} {target - 1 - 543} – {last[0]} {_MONTHS_EN[last[1]]} {target - 543}"
    return f"1 {_MONTHS_TH[0]} {target - 1} – {last[0]} {_MONTHS_TH[last[1]]} {target}"


_FY_TEXT = {
    FiscalYearRule.NONE: ("ไม่กำหนดปีงบประมาณ", "No fiscal-year requirement"),
    FiscalYearRule.CURRENT: ("ต้องเป็นข้อมูลของปีงบประมาณปัจจุบัน", "Must be for the current fiscal year"),
    FiscalYearRule.PREVIOUS: ("ต้องเป็นข้อมูลของปีงบประมาณที่ผ่านมา (ข้อมูลที่เก่ากว่านั้นถือว่าล้าสมัย)",
                              "Must cover the previous fiscal year (older data is stale)"),
    FiscalYearRule.FIRST_HALF_CURRENT: ("ต้องเป็นข้อมูลช่วง 6 เดือนแรกของปีงบประมาณปัจจุบัน (1 ต.ค. – 31 มี.ค.)",
                                        "Must cover the first 6 months of the current fiscal year (1 Oct – 31 Mar)"),
    FiscalYearRule.COVERS_CURRENT: ("แผนหลายปีที่ช่วงปีครอบคลุมปีงบประมาณปัจจุบัน",
                                    "A multi-year plan whose years include the current fiscal year"),
}


def fiscal_year_rule_text(rule: FiscalYearRule, lang: str = "th", fiscal_year: int | None = None) -> str:
    """The rule in words; with `fiscal_year`, also the dates it means (FY N = 1 Oct N−1 – 30 Sep N)."""
    th, en = _FY_TEXT[rule]
    text = en if lang == "en" else th
    if fiscal_year is None or rule is FiscalYearRule.NONE:
        return text
    target = fiscal_year - 1 if rule is FiscalYearRule.PREVIOUS else fiscal_year
    label = f"FY {target} BE" if lang == "en" else f"ปีงบประมาณ พ.ศ. {target}"
    return f"{text}: {label}, {_span(target, rule is FiscalYearRule.FIRST_HALF_CURRENT, lang)}"


def _discovery_rows(item: Item, en: bool) -> list[tuple[str, str]]:
    """What `discover` reads menus by: title variants, titles that are not the item, page or periods."""
    rows: list[tuple[str, str]] = []
    if item.title_variants:
        rows.append(("Other titles (menus, posts)" if en else "ชื่ออื่นที่พบ (เมนู โพสต์)", " · ".join(item.title_variants)))
    if item.not_titles:
        rows.append(("Not this item when titled" if en else "ไม่ใช่ข้อนี้เมื่อชื่อมีคำว่า", " · ".join(item.not_titles)))
    if item.discover.page:
        rows.append(("Discovery" if en else "การค้นหา (discover)",
                     "the menu page itself, not its posts" if en else "ใช้หน้าเมนูนั้นเอง ไม่ใช่โพสต์ในหน้า"))
    elif item.discover.periods:
        rows.append(("Discovery" if en else "การค้นหา (discover)",
                     ("posts of: " if en else "โพสต์ของช่วง: ") + ", ".join(r.value for r in item.discover.periods)))
    return rows


_KIND_TEXT = {
    ComponentKind.CONTENT: ("ต้องพบในเนื้อหา (ชื่อเรื่องของข้อไม่นับ)", "must be in the body (the item's title does not count)"),
    ComponentKind.SCOPE: ("เรื่อง/ขอบเขต (ชื่อเรื่องนับเป็นหลักฐานได้)", "subject or scope (the title counts)"),
    ComponentKind.SIGNED: ("ต้องมีช่องลงนาม: ชื่อในวงเล็บตามด้วยตำแหน่งท้ายประกาศ",
                           "needs a signature block: a name in parentheses, then the position, at the end"),
}
_VALUE_TEXT = {
    ValueKind.COUNT: ("จำนวนนับ", "counts"), ValueKind.MONEY: ("จำนวนเงิน", "amounts of money"),
    ValueKind.MONTH: ("เดือน", "months"), ValueKind.MONTH_RANGE: ("ช่วงเดือน", "month ranges"),
}


def _describe_matcher(m: Matcher, en: bool) -> str:
    values = _VALUE_TEXT[m.values][1 if en else 0]
    heads = " | ".join(m.headers)
    if m.kind is MatcherKind.COLUMN:
        text = (f"a column headed {heads} holding {m.min_values}+ {values}" if en
                else f"คอลัมน์หัวตาราง {heads} ที่มี{values}อย่างน้อย {m.min_values} ค่า")
        if m.beside:
            text += (f", beside {' | '.join(m.beside)}" if en else f" ข้างคอลัมน์ {' | '.join(m.beside)}")
        return text
    return (f"a table of {m.min_rows}+ rows of {m.min_values}+ {values} under {heads or 'any header'}" if en
            else f"ตารางตัวเลข ({values}) อย่างน้อย {m.min_rows} แถว แถวละ {m.min_values} ค่า ใต้หัวตาราง {heads or 'ใดก็ได้'}")


def _describe_component(comp: Component, lang: str) -> str:
    en = lang == "en"
    label = (comp.label_en or comp.label_th) if en else comp.label_th
    need = ("required" if comp.required else "optional") if en else ("จำเป็น" if comp.required else "ไม่บังคับ")
    bits = [f"{label} ({need}; {confidence_label(comp.confidence, lang)}; {_KIND_TEXT[comp.kind][1 if en else 0]})"]
    if comp.phrases:
        head = ("positions: " if en else "ตำแหน่ง: ") if comp.kind is ComponentKind.SIGNED else \
            ("phrases: " if en else "วลี: ")
        bits.append(head + " | ".join(comp.phrases))
    if comp.patterns:
        bits.append(("patterns: " if en else "รูปแบบ: ") + " | ".join(p.pattern for p in comp.patterns))
    for m in comp.matchers:
        bits.append(("table: " if en else "ตาราง: ") + _describe_matcher(m, en))
    return " — ".join(bits)


def describe_item(item: Item, lang: str = "th", fiscal_year: int | None = None) -> list[tuple[str, str]]:
    """Label/value rows describing one rule, for `rules show` (Thai by default, English with lang="en")."""
    en = lang == "en"
    rows: list[tuple[str, str]] = [("Item" if en else "ข้อ", item.id)]
    if en:
        rows.append(("Name", item.name_en or item.name_th))
        if item.name_en:
            rows.append(("Name (Thai)", item.name_th))
    else:
        rows.append(("ชื่อ", item.name_th))
    ind = _INDICATOR_TEXT.get(item.indicator)
    ind_text = f"{item.indicator} {ind[1] if en else ind[0]}" if ind else str(item.indicator)
    rows.append(("Indicator" if en else "ตัวชี้วัด", ind_text))
    if item.sub_indicator:
        rows.append(("Sub-indicator" if en else "ตัวชี้วัดย่อย", item.sub_indicator))
    conf = confidence_label(item.confidence, lang)
    note = confidence_note(item)
    rows.append(("Rule confidence" if en else "ความเชื่อมั่นของเกณฑ์", f"{conf} — {note}" if note else conf))
    rows.append(("Fiscal year" if en else "ปีงบประมาณของข้อมูล",
                 f"{fiscal_year_rule_text(item.fiscal_year_rule, lang, fiscal_year)} "
                 f"({'confidence' if en else 'ความเชื่อมั่น'}: "
                 f"{confidence_label(item.fiscal_year_confidence, lang)})"))
    ev = item.evidence
    if en:
        parts = [f"at least {ev.min_chars} characters beyond the title block (spaces not counted), else a cover "
                 "if no component is there either"]
        if ev.min_pages > 1:
            parts.append(f"usually {ev.min_pages}+ pages (fewer only adds a note)")
        parts.append("on the agency's own website" if ev.own_site else "may be off the agency's website")
        parts.append(f"at most {ev.max_urls} URLs")
    else:
        parts = [f"นอกจากส่วนหัว (ชื่อเรื่อง ปี หน่วยงาน) อย่างน้อย {ev.min_chars} ตัวอักษร (ไม่นับช่องว่าง) "
                 "มิฉะนั้นและไม่พบองค์ประกอบใดเลย ถือเป็นหน้าปก"]
        if ev.min_pages > 1:
            parts.append(f"มักมี {ev.min_pages} หน้าขึ้นไป (น้อยกว่านั้นเป็นเพียงข้อสังเกต)")
        parts.append("ต้องอยู่บนเว็บไซต์หลักของหน่วยงาน" if ev.own_site else "อยู่นอกเว็บไซต์หลักได้")
        parts.append(f"ไม่เกิน {ev.max_urls} URL")
    rows.append(("Evidence" if en else "หลักฐาน", " · ".join(parts)))
    if item.listed_only:
        rows.append(("Checked" if en else "การตรวจ",
                     "only when the manifest lists it (not every agency's listing has this item)" if en
                     else "ตรวจเฉพาะเมื่อ manifest ระบุข้อนี้ (รายการของบางหน่วยงานไม่มีข้อนี้)"))
    if item.title_phrases:
        rows.append(("Usual titles" if en else "ชื่อเอกสารที่พบบ่อย", " · ".join(item.title_phrases)))
    rows += _discovery_rows(item, en)
    for comp in item.components:
        rows.append((("Component " if en else "องค์ประกอบ ") + comp.id, _describe_component(comp, lang)))
    rest = item_notes(item)
    if rest:
        rows.append(("Notes" if en else "หมายเหตุ", rest))
    return rows

