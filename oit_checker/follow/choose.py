"""Choose which links of a fetched page lead to the item's evidence (pure: no fetching here).

A link is taken for a document by its target (viewer, extension, upload path, download endpoint, Drive
file, `download` attribute), never by its text, because agencies label documents "ดาวน์โหลดเอกสาร",
"เปิด", "รายละเอียด 1", an image, or a URL cut short with "…" (docs/real-world-sites.md). Text and
the entry around the anchor (`PageFacts`) decide *which* of them belong to the item:

- other pages of the same site are followed only when their text, entry or URL names the item, so menus
  and sidebars are not crawled; on a list page that names several fiscal years, the entries of the
  wanted year are taken and the others dropped (the list → detail → file chain of vendor products);
- on a page that is not itself about the item (an ITA index, a home page), documents whose title or
  entry names the item are preferred to the rest;
- a download-worded link whose kind the URL does not tell (`/files/get/12`) is fetched and judged by
  what comes back (`Choice.probe`); an image is a candidate only when nothing better is on the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from oit_checker.html.facts import PageFacts
from oit_checker.html.links import is_generic_text
from oit_checker.model import Document, FiscalYearRule, Item, Link
from oit_checker.text.fiscal import MentionKind, find_year_mentions, years_in_url
from oit_checker.text.thai import normalize, normalize_phrase
from oit_checker.text.urls import (
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
    max_probes: int = 3  # download-worded links of unknown kind fetched per page
    max_images: int = 3  # image links / content images per page
    max_total: int = 25  # URLs retrieved per submitted URL, all depths
    wordpress_api: bool = True  # read WordPress posts/pages through their REST record when available
    ocr: bool = False  # OCR scans and images (optional extra); the text is a hint, never a verdict


@dataclass(frozen=True)
class Choice:
    link: Link
    is_document: bool
    viewer: bool  # the file behind a viewer/embed, or an embedded same-site frame: the page's own evidence
    relevance: int  # how strongly the link (or its entry) names the item
    year: int  # 2 names a wanted fiscal year, 1 covers it in a range, -2 names only other years, 0 none
    content: bool = True  # False for links that only appear in menus, headers, footers, sidebars
    probe: bool = False  # kind unknown until fetched
    image: bool = False

    @property
    def rank(self) -> tuple[int, int, int, int]:
        return (self.viewer, self.relevance, self.year, self.content)


_VIEWER_PREFIXES = ("viewer:", "object", "embed", "drive")
_FRAMES = ("iframe", "frame")
_SKIP_VIA = ("link", "script")  # stylesheets, feeds, canonical/shortlink twins of the page itself

# Path segments and query keys of download endpoints that carry no extension (`/files/get/12`,
# `download.php?id=`, `?download=123` of WordPress Download Monitor, `getfile.aspx?f=`).
_DOWNLOAD_PATH_RE = re.compile(
    r"(?i)(?:^|/)(?:download|downloads|dl|getfile|get_file|file|files|attachment|attachments|fileupload|"
    r"filedownload|download_file|showfile|viewfile|openfile)(?:[./_-][a-z]*)?(?:/|$)"
)
_DOWNLOAD_QUERY_RE = re.compile(r"(?i)(?:^|&)(?:download|dl|file|fileid|file_id|attachment_id|attach|doc|docid)=")

# Link texts that say "this is the file" (compared without spaces, lower-case).
_DOWNLOAD_WORDS = tuple(
    normalize(w).lower()
    for w in ("ดาวน์โหลด", "ดาวโหลด", "ไฟล์แนบ", "เอกสารแนบ", "เปิดไฟล์", "เปิดเอกสาร", "ดูเอกสาร", "ดูไฟล์", "เปิด",
              "คลิก", "download", "file", "pdf", "attachment")
)


@lru_cache(maxsize=256)
def item_code_pattern(item_id: str) -> re.Pattern[str]:
    """O24 written as O24, o24, O.24, OIT24, O 24 or zero-padded 024 (letters dropped, as agencies do)."""
    number = int(item_id[1:])
    # The bare zero-padded form ("027 หลักเกณฑ์…") only at the start of a text or word: IMG_020, DSC-024 and
    # scan counters are file numbers, not item codes.
    return re.compile(rf"(?<![a-z0-9])(?:m?oit|o)[\s._-]?0?{number}(?![0-9])|(?:^|(?<=\s))0{number:02d}(?![0-9])",
                      re.IGNORECASE)


def names_code(item_id: str, text: str) -> bool:
    """Whether `text` names the item by its code (`item_code_pattern`). Every form holds the item's number in
    ASCII digits, so a text without them is passed over unread: most link texts and URLs are."""
    return str(int(item_id[1:])) in text and item_code_pattern(item_id).search(text) is not None


def _phrases(item: Item) -> tuple[str, ...]:
    """The item's title phrases in their matching form (`normalize`), empty ones left out."""
    return _normalized(item.title_phrases or ((item.name_th,) if item.name_th else ()))


@lru_cache(maxsize=512)  # one entry per item of the catalogue
def _normalized(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p for p in map(normalize_phrase, phrases) if p)


def relevance(item: Item, text: str, url: str) -> int:
    """How strongly a link's text/URL names the item: 0 = not at all."""
    norm = normalize_phrase(text)  # link texts and URLs repeat for every item: memoized
    path = _url_form(url)
    score = 0
    for p in _phrases(item):
        if p in norm or p in path:
            score += 3
            break
    if names_code(item.id, text) or names_code(item.id, unquote(url).rsplit("/", 1)[-1]):
        score += 2
    return score


def _url_form(url: str) -> str:
    """`normalize_phrase(unquote(url))`. A URL of printable ASCII without a space or an escape, as most are, is
    its own form (what `normalize` changes is whitespace, control characters and non-ASCII text): not
    memoized, so the memo keeps the link texts, which repeat from agency to agency where URLs do not."""
    if "%" not in url and " " not in url and url.isascii() and url.isprintable():
        return url
    return normalize_phrase(unquote(url))


def entry_relevance(item: Item, text: str) -> int:
    """Relevance of an entry's text alone (the row or list item around a generic link)."""
    if not text:
        return 0
    norm = normalize(text)
    score = 3 if any(p in norm for p in _phrases(item)) else 0
    if names_code(item.id, text):
        score += 2
    return score


@lru_cache(maxsize=2048)  # a page's links are scored again for every item
def _years(text: str, url: str, *, entry: bool = False) -> tuple[frozenset[int], frozenset[int]]:
    """(years named singly, years covered by a range) in a link's text and URL."""
    found = find_year_mentions(text)
    if entry:
        # An entry's dates are publication dates (a plan for 2569 is posted in FY 2568): not its year.
        found = [m for m in found if m.kind is not MentionKind.DATE]
    if url:
        # CE upload folders (/2025/09/) are upload dates too.
        found += [m for m in years_in_url(url) if m.kind is not MentionKind.CE]
    single = frozenset(y for m in found if m.kind is not MentionKind.RANGE for y in m.fiscal_years)
    ranged = frozenset(y for m in found if m.kind is MentionKind.RANGE for y in m.fiscal_years)
    return single, ranged


def _year_score(years: tuple[frozenset[int], frozenset[int]], target_years: frozenset[int],
                rule: FiscalYearRule) -> int:
    """2 names a wanted fiscal year, 1 only covers it in a range (a 4-year plan), -2 names only other
    years, 0 names none. A range is as good as a single year for an item that asks for coverage."""
    single, ranged = years
    if not (single or ranged) or not target_years:
        return 0
    if single & target_years:
        return 2
    if ranged & target_years:
        return 2 if rule is FiscalYearRule.COVERS_CURRENT else 1
    return -2


def _link_year(link: Link, context: str, target_years: frozenset[int], item: Item) -> int:
    """`_year_score` of the years a link's text and URL name, else of its entry's (`context`)."""
    years = _years(link.text, link.url)
    if context and not any(years):
        years = _years(context, "", entry=True)
    return _year_score(years, target_years, item.fiscal_year_rule)


def _download_like(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return bool(_DOWNLOAD_PATH_RE.search(unquote(parts.path)) or _DOWNLOAD_QUERY_RE.search(parts.query))


def download_worded(text: str) -> bool:
    """A link text that announces a file ("ดาวน์โหลด [2 MB]", "เปิด", "คลิก"), or a URL shown as text."""
    if not text:
        return False
    low = text.strip().lower()
    if low.startswith(("http://", "https://", "www.")) or low.endswith(("...", "…")):
        return True
    key = normalize(text).lower()
    return is_generic_text(text) and any(key.startswith(w) for w in _DOWNLOAD_WORDS)


def says_nothing(text: str) -> bool:
    """A link text that does not describe its target: empty, generic ("เปิด", "ดาวน์โหลด") or a URL."""
    if not text or is_generic_text(text):
        return True
    low = text.strip().lower()
    return low.startswith(("http://", "https://", "www.")) or low.endswith(("...", "…"))


def page_relevance(item: Item, page: Document) -> int:
    """Whether the page itself is about the item: its title, its heading lines or its URL name it.

    Only the heading: an ITA index names every item further down (its first table rows included), and is
    about none of them.
    """
    lines: list[str] = []
    for line in page.text.splitlines()[:2]:
        if " | " in line:
            break  # a table row: the index's content, not its heading
        lines.append(line)
    heading = "\n".join(lines)[:300]
    return relevance(item, f"{page.title}\n{heading}", page.url)


def choose_links(page: Document, item: Item, site: str, target_years: frozenset[int],
                 settings: FollowSettings, *, visited: set[str], facts: PageFacts | None = None) -> list[Choice]:
    """The links of `page` worth fetching for `item`, best first, within the caps."""
    documents: list[Choice] = []
    images: list[Choice] = []
    pages: list[Choice] = []
    probes: list[Choice] = []
    about_item = page_relevance(item, page) > 0
    for link in page.links:
        if link.url in visited or link.url == page.url or link.via in _SKIP_VIA:
            continue
        if link.via.startswith("viewer-only") or link.via == "drive-folder":
            continue  # reported by the caller; nothing to fetch
        drive = canonical_drive(link.url)
        if drive is None and classify_external(link.url) is not None:
            continue  # e-GP, Facebook, LINE …: reported by the caller when they matter
        content = not (link.chrome or (facts is not None and facts.in_chrome(link.url)))
        # The entry speaks for an anchor that says nothing itself ("คลิก", an icon, a cut URL); an anchor
        # with words of its own ("หน้าหลัก" in a breadcrumb beside "O6") is described by them alone.
        context = facts.context(link.url) if facts is not None and content and says_nothing(link.text) else ""
        rel = relevance(item, link.text, link.url) or entry_relevance(item, context)
        if rel == 0 and content and facts is not None:
            # The link's text is its first occurrence's, which may be the menu's ("ข่าวสาร"); the content's own
            # anchor ("ข่าวประชาสัมพันธ์ อบจ. (ทั้งหมด)") names the item.
            rel = max((relevance(item, label, link.url) for label in facts.labels(link.url) if label != link.text),
                      default=0)
        # a frame holding a file is a viewer as an <embed> is, on another host too (`<iframe src="https://cdn.…/
        # nogift2568.pdf">` under the page's title: its content, which evaluate/item.py `_shown_unread` expects read)
        viewer = link.via.startswith(_VIEWER_PREFIXES) or link.via == "meta-refresh" or (
            link.via in _FRAMES and looks_like_document(link.url))
        if not content and not viewer and rel == 0:
            continue  # menu and footer links are evidence only when they name the item (a year is not enough)
        same = same_site(link.url, site) or same_site(link.url, page.url)
        # The years a link names are read only for a link that is taken (most are not: other pages of the site).
        if link.via in _FRAMES and same and not looks_like_document(link.url):
            # A same-site page in a frame is this page's content, whatever it is about.
            pages.append(Choice(link, False, True, rel, _link_year(link, context, target_years, item), content))
            continue
        if viewer or drive is not None or link.download or looks_like_document(link.url) or (
                same and _download_like(link.url)):
            if not (viewer or drive is not None or same):
                continue
            choice = Choice(link, True, viewer, rel, _link_year(link, context, target_years, item), content,
                            probe=not (viewer or drive is not None or link.download or looks_like_document(link.url)),
                            image=extension(link.url) in IMAGE_EXTENSIONS and not viewer)
            (images if choice.image else documents).append(choice)
        elif same and rel > 0:
            pages.append(Choice(link, False, link.via == "meta-refresh", rel,
                                _link_year(link, context, target_years, item), content))
        elif same and content and download_worded(link.text) and (about_item or rel > 0):
            # "ดาวน์โหลด" on the item's own page (or in the item's row of an index) is worth one look.
            probes.append(Choice(link, False, False, rel, _link_year(link, context, target_years, item), content,
                                 probe=True))

    documents, images, pages, probes = _without_menus(about_item, documents, images, pages, probes)
    documents = _prefer_relevant(documents, about_item)
    documents = sorted(_prefer_year(documents), key=lambda c: c.rank, reverse=True)
    # Both uses want a page without documents: the page's text is normalized only then.
    thin = not documents and _thin(page, item)
    if facts is not None and thin:
        # An announcement posted as a picture: the image in the content is the document.
        for url, alt in facts.images:
            if url not in visited and not any(c.link.url == url for c in images):
                images.append(Choice(Link(url=url, text=alt, via="img"), True, False,
                                     relevance(item, alt, url),
                                     _year_score(_years(alt, url), target_years, item.fiscal_year_rule), image=True))
    # Beside a text document or on a page with text of its own, a picture is evidence only by its name.
    images = [c for c in images if c.relevance > 0 or c.year > 0 or thin]
    images = sorted(_prefer_year(images), key=lambda c: c.rank, reverse=True)
    pages = sorted(_prefer_year(pages), key=lambda c: c.rank, reverse=True)
    probes = sorted(probes, key=lambda c: c.rank, reverse=True)
    return (documents[: settings.max_documents] + images[: settings.max_images] + pages[: settings.max_pages]
            + probes[: settings.max_probes])


_INDEX_DOCUMENTS = 3  # more files than this, none named for the item: the page is about other things


def _without_menus(about_item: bool, documents: list[Choice], images: list[Choice], pages: list[Choice],
                   probes: list[Choice]) -> tuple[list[Choice], list[Choice], list[Choice], list[Choice]]:
    """(documents, images, pages, probes), only those in the page's content (and viewers) when the page is the item's
    own and its content offers a document: the menu's entries naming the item lead to the site's other pages for it
    (another year's report, another copy), not to what the assessor opens behind the submitted URL."""
    if not about_item or not any(c.content for c in documents + images):
        return documents, images, pages, probes
    kept = [[c for c in group if c.content or c.viewer] for group in (documents, images, pages, probes)]
    return kept[0], kept[1], kept[2], kept[3]


def _thin(page: Document, item: Item) -> bool:
    return len(normalize(page.text)) < item.evidence.min_chars


def _prefer_relevant(choices: list[Choice], page_is_about_item: bool) -> list[Choice]:
    """On a page about many things (an ITA index), keep the documents that name the item.

    Not when the page itself is the item's page (its attachments are all the item's), and not when the
    only documents naming the item are of other years: the current one may be a generically named scan.
    """
    if page_is_about_item:
        return choices
    if any(c.relevance > 0 for c in choices):
        # The item's own entry decides, even when it is of the wrong year: other entries of an index are
        # other items' documents, and reading them would lend this item their years and components.
        return [c for c in choices if c.relevance > 0 or c.viewer]
    if len([c for c in choices if not c.viewer]) > _INDEX_DOCUMENTS:
        # Many files and none named for the item: a page about other things; none of them is evidence.
        return [c for c in choices if c.viewer]
    return choices


def _prefer_year(choices: list[Choice]) -> list[Choice]:
    """On a list page naming several years, drop the entries of other years when the wanted one is there
    (and a multi-year plan when the year's own entry is there); entries naming no year stay.

    A link is dropped only for a better-year link that names the item at least as strongly: a file that
    merely names the right year must never push out the item's own (old) file, or the old one goes unseen.
    """
    kept = []
    for c in choices:
        better = any(o.year > c.year and o.year > 0 and o.relevance >= c.relevance for o in choices)
        if c.year == 0 or c.viewer or not better:
            kept.append(c)
    return kept


def target_years_for(item: Item, fiscal_year: int) -> frozenset[int]:
    if item.fiscal_year_rule is FiscalYearRule.NONE:
        return frozenset()
    return frozenset({item.fiscal_year_rule.data_year(fiscal_year)})
