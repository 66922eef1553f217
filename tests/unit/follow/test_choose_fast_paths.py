"""Link choice's shortcuts change nothing: a URL's matching form, the items' phrases, and years read only for the
links that are taken (pages parsed from real HTML, no fetching)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, unquote

import pytest

from oit_checker.extract.html import extract_html
from oit_checker.follow import choose
from oit_checker.follow.choose import FollowSettings, choose_links, relevance, target_years_for
from oit_checker.model import Component, Confidence, Document, FiscalYearRule, Item, Link
from oit_checker.text.thai import normalize_phrase

DEMO = Path(__file__).resolve().parents[3] / "fixtures" / "demo" / "site"
SITE = "https://www.nongbua.go.th/"


def item(item_id: str, *titles: str) -> Item:
    return Item(id=item_id, name_th=titles[0] if titles else "", name_en=item_id, indicator=10,
                sub_indicator="10.1", components=(Component("c", "c", "c", ("โครงการ",)),),
                fiscal_year_rule=FiscalYearRule.CURRENT, confidence=Confidence.CONFIRMED, title_phrases=titles)


@pytest.mark.parametrize("url", [
    "https://www.nongbua.go.th/files/plan-2569.pdf",
    "https://www.nongbua.go.th/%E0%B9%81%E0%B8%9C%E0%B8%99/o25.pdf",  # Thai, escaped
    "https://www.nongbua.go.th/แผน ปฏิบัติการ/o25.pdf",  # Thai and a space, as some pages write them
    "https://www.nongbua.go.th/a\tb/o25.pdf",  # a control character
    "https://www.nongbua.go.th/files/O25 plan.pdf",
    "https://www.nongbua.go.th/%7Euser/%20x.pdf",
    "https://www.nongbua.go.th/files/๒๕๖๙.pdf",  # Thai digits
    "",
])
def test_a_urls_matching_form_is_what_normalizing_its_unescaped_text_gives(url: str) -> None:
    assert choose._url_form(url) == normalize_phrase(unquote(url))


def test_the_items_phrases_are_their_matching_forms_without_the_empty_ones() -> None:
    it = item("O25", "แผนปฏิบัติการ  ป้องกันการทุจริต", "", " ", "แผน\u200bปฏิบัติการ")
    assert choose._phrases(it) == ("แผนปฏิบัติการป้องกันการทุจริต", "แผนปฏิบัติการ")
    # The item's Thai name stands in for missing title phrases.
    assert choose._phrases(item("O24")) == ()
    named = Item(id="O24", name_th="รายงาน ผล", name_en="O24", indicator=10, sub_indicator="10.1",
                 components=(), fiscal_year_rule=FiscalYearRule.CURRENT, confidence=Confidence.CONFIRMED)
    assert choose._phrases(named) == ("รายงานผล",)


def test_relevance_finds_a_phrase_in_the_text_or_in_an_escaped_thai_url() -> None:
    it = item("O25", "แผนปฏิบัติการป้องกันการทุจริต")
    assert relevance(it, "แผนปฏิบัติการ ป้องกันการทุจริต ประจำปี 2569", SITE + "f/1.pdf") == 3
    escaped = SITE + "files/" + quote("แผนปฏิบัติการป้องกันการทุจริต") + ".pdf"
    assert relevance(it, "ดาวน์โหลด", escaped) == 3
    assert relevance(it, "ดาวน์โหลด", SITE + "files/O25-plan.pdf") == 2
    assert relevance(it, "ดาวน์โหลด", SITE + "files/plan.pdf") == 0


def _year_as_before(link: Link, doc: Document, it: Item, targets: frozenset[int]) -> int:
    """A taken link's year score as choose_links worked it out for every link before: from its text and URL,
    else from its entry when the link says nothing itself."""
    facts = doc.facts
    content = not (link.chrome or (facts is not None and facts.in_chrome(link.url)))
    context = facts.context(link.url) if facts is not None and content and choose.says_nothing(link.text) else ""
    years = choose._years(link.text, link.url)
    if context and not any(years):
        years = choose._years(context, "", entry=True)
    return choose._year_score(years, targets, it.fiscal_year_rule)


@pytest.mark.parametrize("path", ["ita/o25.html", "ita/o13.html", "ita/index.html", "ita/o07.html"])
def test_years_are_read_only_for_the_links_that_are_taken(monkeypatch: pytest.MonkeyPatch, path: str) -> None:
    body = (DEMO / path).read_bytes()
    doc = extract_html(body, SITE + path, "utf-8")
    read: list[str] = []
    real = choose._years

    def counting(text: str, url: str, *, entry: bool = False) -> tuple[frozenset[int], frozenset[int]]:
        read.append(url)
        return real(text, url, entry=entry)

    monkeypatch.setattr(choose, "_years", counting)
    for it in (item("O25", "แผนปฏิบัติการป้องกันการทุจริต"), item("O13", "รายงานผลการจัดซื้อจัดจ้าง"),
               item("O7", "รายงานผลการดำเนินงานประจำปี")):
        targets = target_years_for(it, 2568)
        read.clear()
        chosen = choose_links(doc, it, SITE, targets, FollowSettings(), visited=set())
        # Each choice carries the year score every link used to get, whether it was taken or not.
        for c in chosen:
            if c.link.via != "img":
                assert c.year == _year_as_before(c.link, doc, it, targets), c.link.url
        # And only the links a choice was made of were read for years (capped lists may leave some out).
        assert {c.link.url for c in chosen if c.link.via != "img"} <= set(read)
        assert len([u for u in read if u]) < max(4, len(doc.links) / 2)
