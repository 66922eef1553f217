"""Rules described for people: `rules list` and `rules show`, the checklist and the fix kit (Thai first).

Reads the `Catalogue` that catalogue/rules.py built; knows nothing of TOML.
"""

from __future__ import annotations

from oit_checker.catalogue.rules import NOTE_PREFIX
from oit_checker.model import (
    EACH_OF_MIN,
    Component,
    ComponentKind,
    Confidence,
    FiscalYearRule,
    Item,
    Matcher,
    MatcherKind,
    ValueKind,
)
from oit_checker.text.i18n import text

_WORDS_SHOWN = 6  # of an item's word list (`risks_about`), in its description


def _lang(lang: str | None) -> str:
    """English when asked for, else Thai: a description never follows the run's language half-way."""
    return "en" if lang == "en" else "th"


def _t(key: str, lang: str, /, **values: object) -> str:
    return text(f"describe.{key}", lang, **values)


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
    lang = _lang(lang)
    th, en = _FY_TEXT[rule]
    words = en if lang == "en" else th
    if fiscal_year is None or rule is FiscalYearRule.NONE:
        return words
    target = rule.data_year(fiscal_year)
    label = _t("fiscal_year_label", lang, year=target)
    return f"{words}: {label}, {_span(target, rule is FiscalYearRule.FIRST_HALF_CURRENT, lang)}"


def _discovery_rows(item: Item, lang: str) -> list[tuple[str, str]]:
    """What `discover` reads menus by: title variants, titles that are not the item, page or periods."""
    rows: list[tuple[str, str]] = []
    if item.title_variants:
        rows.append((_t("other_titles", lang), " · ".join(item.title_variants)))
    if item.not_titles:
        rows.append((_t("not_titles", lang), " · ".join(item.not_titles)))
    if item.discover.page:
        rows.append((_t("discovery", lang), _t("discovery_page", lang)))
    elif item.discover.periods:
        periods = ", ".join(r.value for r in item.discover.periods)
        rows.append((_t("discovery", lang), _t("discovery_periods", lang, periods=periods)))
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


def _describe_matcher(m: Matcher, lang: str) -> str:
    values = _VALUE_TEXT[m.values][1 if lang == "en" else 0]
    heads = " | ".join(m.headers)
    if m.kind is MatcherKind.COLUMN:
        words = _t("column", lang, heads=heads, n=m.min_values, values=values)
        if m.beside:
            words += _t("beside", lang, heads=" | ".join(m.beside))
        return words
    return _t("rows", lang, rows=m.min_rows, n=m.min_values, values=values,
              heads=heads or _t("any_header", lang))


def _describe_component(comp: Component, lang: str) -> str:
    en = lang == "en"
    label = (comp.label_en or comp.label_th) if en else comp.label_th
    need = _t("required", lang) if comp.required else _t("optional", lang)
    bits = [f"{label} ({need}; {confidence_label(comp.confidence, lang)}; {_KIND_TEXT[comp.kind][1 if en else 0]})"]
    if comp.phrases:
        listed = " | ".join(comp.phrases)
        bits.append(_t("positions", lang, list=listed) if comp.kind is ComponentKind.SIGNED
                    else _t("phrases", lang, list=listed))
    if comp.patterns:
        bits.append(_t("patterns", lang, list=" | ".join(p.pattern for p in comp.patterns)))
    if comp.not_within:
        bits.append(_t("not_within", lang, list=" | ".join(comp.not_within)))
    if comp.doubted_by:
        bits.append(_t("doubted_by", lang, list=" | ".join(comp.doubted_by)))
    if comp.each_of:
        bits.append(_t("each_of", lang, id=comp.each_of, n=EACH_OF_MIN))
    if comp.next_to:
        bits.append(_t("next_to", lang, id=comp.next_to))
    if comp.posts_not:
        bits.append(_t("posts_not", lang, list=" | ".join(comp.posts_not)))
    if comp.posts_relayed:
        bits.append(_t("posts_relayed", lang, list=" | ".join(p.pattern for p in comp.posts_relayed)))
    if comp.min_mentions > 1:
        bits.append(_t("min_mentions", lang, n=comp.min_mentions))
    if comp.stated_by:
        bits.append(_t("stated_by", lang, list=" | ".join(p.pattern for p in comp.stated_by)))
    for m in comp.matchers:
        bits.append(_t("table", lang, matcher=_describe_matcher(m, lang)))
    return " — ".join(bits)


def describe_item(item: Item, lang: str = "th", fiscal_year: int | None = None) -> list[tuple[str, str]]:
    """Label/value rows describing one rule, for `rules show` (Thai by default, English with lang="en")."""
    lang = _lang(lang)
    en = lang == "en"
    rows: list[tuple[str, str]] = [(_t("item", lang), item.id)]
    if en:
        rows.append((_t("name", lang), item.name_en or item.name_th))
        if item.name_en:
            rows.append((_t("name_thai", lang), item.name_th))
    else:
        rows.append((_t("name", lang), item.name_th))
    ind = _INDICATOR_TEXT.get(item.indicator)
    ind_text = f"{item.indicator} {ind[1] if en else ind[0]}" if ind else str(item.indicator)
    rows.append((_t("indicator", lang), ind_text))
    if item.sub_indicator:
        rows.append((_t("sub_indicator", lang), item.sub_indicator))
    conf = confidence_label(item.confidence, lang)
    note = confidence_note(item)
    rows.append((_t("rule_confidence", lang), f"{conf} — {note}" if note else conf))
    rows.append((_t("fiscal_year", lang),
                 _t("fiscal_year_value", lang, rule=fiscal_year_rule_text(item.fiscal_year_rule, lang, fiscal_year),
                    confidence=confidence_label(item.fiscal_year_confidence, lang))))
    ev = item.evidence
    parts = [_t("min_chars", lang, n=ev.min_chars)]
    if ev.min_pages > 1:
        parts.append(_t("min_pages", lang, n=ev.min_pages))
    parts.append(_t("own_site", lang) if ev.own_site else _t("off_site", lang))
    parts.append(_t("max_urls", lang, n=ev.max_urls))
    if not ev.forms_count:
        parts.append(_t("forms_not_counted", lang))
    if ev.footer_counts:
        parts.append(_t("footer_counted", lang))
    if not ev.orders_count:
        parts.append(_t("orders_not_counted", lang))
    if ev.event_dated:
        parts.append(_t("event_dated", lang))
    if ev.monthly:
        parts.append(_t("monthly", lang))
    if ev.risks_about:
        more = " …" if len(ev.risks_about) > _WORDS_SHOWN else ""  # the list goes on, not a cell cut short
        parts.append(_t("risks_about", lang, words=", ".join(ev.risks_about[:_WORDS_SHOWN]) + more))
    rows.append((_t("evidence", lang), " · ".join(parts)))
    if item.listed_only:
        rows.append((_t("checked", lang), _t("listed_only", lang)))
    if item.title_phrases:
        rows.append((_t("usual_titles", lang), " · ".join(item.title_phrases)))
    rows += _discovery_rows(item, lang)
    for comp in item.components:
        rows.append((_t("component", lang, id=comp.id), _describe_component(comp, lang)))
    rest = item_notes(item)
    if rest:
        rows.append((_t("notes", lang), rest))
    return rows
