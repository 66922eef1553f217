"""Choose which links of a fetched page lead to the item's evidence (pure: no fetching here).

A link is taken for a document by its target (viewer, extension, upload path, Drive file), never by its
text, because agencies label documents "ดาวน์โหลดเอกสาร", "เปิด" or "รายละเอียด 1". Other pages of the same
site are followed only when their text or URL names the item, so menus and sidebars are not crawled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from oit_checker.fiscal import find_year_mentions, years_in_url
from oit_checker.model import Document, FiscalYearRule, Item, Link
from oit_checker.thai import normalize
from oit_checker.urls import (
    IMAGE_EXTENSIONS,
    canonical_drive,
    classify_external,
    extension,
    looks_like_document,
    same_site,
)


@dataclass(frozen=True)
class FollowSettings:
    max_depth: int = 3  # submitted page → list page → detail page → file
    max_documents: int = 10  # per page
    max_pages: int = 4  # same-site HTML pages followed per page
    max_total: int = 25  # URLs retrieved per submitted URL, all depths


@dataclass(frozen=True)
class Choice:
    link: Link
    is_document: bool
    viewer: bool  # the file behind a viewer/embed: the page's own evidence
    relevance: int  # how strongly the link names the item
    year: int  # +1 names a wanted fiscal year, -2 names only other years, 0 names none

    @property
    def rank(self) -> tuple[int, int, int]:
        return (self.viewer, self.relevance, self.year)


_VIEWER_PREFIXES = ("viewer:", "object", "embed", "drive")
_NOT_FOLLOWED = frozenset({"drive-folder", "link", "script"})


def item_code_pattern(item_id: str) -> re.Pattern[str]:
    """O24 written as O24, o24, O.24, OIT24, O 24 or zero-padded 024 (letters dropped, as agencies do)."""
    number = int(item_id[1:])
    return re.compile(rf"(?<![a-z0-9])(?:(?:m?oit|o)[\s._-]?0?{number}|0{number:02d})(?![0-9])", re.IGNORECASE)


def relevance(item: Item, text: str, url: str) -> int:
    """How strongly a link's text/URL names the item: 0 = not at all."""
    norm = normalize(text)
    path = normalize(unquote(url))
    score = 0
    for phrase in item.title_phrases:
        p = normalize(phrase)
        if p and (p in norm or p in path):
            score += 3
            break
    if item_code_pattern(item.id).search(text) or item_code_pattern(item.id).search(unquote(url).rsplit("/", 1)[-1]):
        score += 2
    return score


def _year_score(text: str, url: str, target_years: frozenset[int]) -> int:
    """+1 when the link names a wanted fiscal year, -2 when it names only other years, else 0."""
    years = {y for m in find_year_mentions(text) for y in m.fiscal_years}
    years |= {y for m in years_in_url(url) for y in m.fiscal_years}
    if not years or not target_years:
        return 0
    return 1 if years & target_years else -2


def choose_links(page: Document, item: Item, site: str, target_years: frozenset[int],
                 settings: FollowSettings, *, visited: set[str]) -> list[Choice]:
    """The links of `page` worth fetching for `item`, best first, within the caps."""
    documents: list[Choice] = []
    pages: list[Choice] = []
    for link in page.links:
        if link.url in visited or link.url == page.url:
            continue
        if link.via.startswith("viewer-only") or link.via in _NOT_FOLLOWED:
            continue  # reported by the caller, or page machinery (icons, scripts); nothing to fetch
        external = classify_external(link.url)
        drive = canonical_drive(link.url)
        if external is not None and drive is None:
            continue
        viewer = link.via.startswith(_VIEWER_PREFIXES)
        rel = relevance(item, link.text, link.url)
        yscore = _year_score(link.text, link.url, target_years)
        if (link.chrome or extension(link.url) in IMAGE_EXTENSIONS) and not viewer and rel == 0 and yscore <= 0:
            # Menu/footer links and bare images (logos, banners) are evidence only when they name the item.
            continue
        if viewer or drive is not None or link.download or looks_like_document(link.url):
            if not (viewer or drive is not None or same_site(link.url, site) or same_site(link.url, page.url)):
                continue
            documents.append(Choice(link, True, viewer, rel, yscore))
        elif (same_site(link.url, site) or same_site(link.url, page.url)) and rel > 0:
            pages.append(Choice(link, False, False, rel, yscore))
    documents = sorted(_prefer_year(documents), key=lambda c: c.rank, reverse=True)
    pages = sorted(_prefer_year(pages), key=lambda c: c.rank, reverse=True)
    return documents[: settings.max_documents] + pages[: settings.max_pages]


def _prefer_year(choices: list[Choice]) -> list[Choice]:
    """On a list page naming several years, drop the entries of other years when the wanted one is there."""
    if any(c.year > 0 for c in choices):
        return [c for c in choices if c.year >= 0 or c.viewer]
    return choices


def target_years_for(item: Item, fiscal_year: int) -> frozenset[int]:
    if item.fiscal_year_rule is FiscalYearRule.NONE:
        return frozenset()
    if item.fiscal_year_rule is FiscalYearRule.PREVIOUS:
        return frozenset({fiscal_year - 1})
    return frozenset({fiscal_year})
