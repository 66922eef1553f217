"""Discovery: from an agency's home page to a draft manifest (`oit-checker discover HOME_URL`).

Two halves, as elsewhere in the project:

* **Pure** — `scan_page` reads one HTML page into a `PageScan`: every link with the context a person
  would use to tell which OIT item it belongs to (the link text, the table row it sits in, the heading,
  accordion label or parent menu entry above it, the section's ITA year). `map_pages` turns the scans of
  the pages found into item → [`ItemLink`(url, confidence, why)], choosing the ITA page(s) of the wanted
  year and ignoring stale ones. `render_manifest` writes the draft TOML.
* **I/O** — `discover` crawls the agency's own site with the shared `Fetcher`: breadth-first from the home
  page, following only links whose text or URL looks like ITA/OIT, bounded in depth and pages, honouring
  robots.txt, and preferring pages that name the wanted ITA year.

Mapping signals, strongest first (real-world-publishing.md §1.2 lists the notations agencies use):

    high    an item code in the link text: O24, o24, O24., O 24, OIT 24, MOIT 24, o๒๔, ข้อ 24, 024 …
    medium  a code in the same table row (first cell "O24", "o24", "๒๔", "ข้อ 24"; rowspan honoured),
            in the nearest heading / accordion toggle / parent menu entry above the link, or in the
            link's URL slug (Google Sites / WordPress child pages: /o24-…)
    low     only the link's Thai title (or its table row's) contains a title phrase of the item

Rules, decisions and limits for users: docs/discover.md.
"""

from __future__ import annotations

import argparse
import asyncio
import heapq
import re
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx
from rich.console import Console
from rich.markup import escape
from selectolax.lexbor import LexborHTMLParser, LexborNode

from oit_checker import __version__
from oit_checker.cli.manifest import toml_comment, toml_string
from oit_checker.cli.options import UsageError
from oit_checker.extract.html import is_chrome_node
from oit_checker.extract.sniff import detect_kind
from oit_checker.fetch.client import Fetcher, FetchSettings, build_client
from oit_checker.html.links import extract_links, is_generic_text
from oit_checker.model import Catalogue, DocKind
from oit_checker.text.charset import decode_html
from oit_checker.text.fiscal import MentionKind, find_year_mentions, years_in_url
from oit_checker.text.thai import display, loose, normalize
from oit_checker.text.urls import is_placeholder, looks_like_document, normalize_url, same_site

__all__ = [
    "DISCOVER_COMMANDS",
    "MIN_INDEX_ITEMS",
    "SKIP_BUDGET",
    "SKIP_ROBOTS",
    "SKIP_STALE",
    "Anchor",
    "CrawlSettings",
    "Discovery",
    "ItemLink",
    "LinkConfidence",
    "PageScan",
    "add_discover_parsers",
    "agency_name_from_title",
    "cmd_discover",
    "code_in_label",
    "discover",
    "guess_item",
    "ita_text",
    "ita_url",
    "map_pages",
    "print_summary",
    "render_manifest",
    "scan_page",
    "slug_code",
]

DEFAULT_MAX_PAGES = 60
DEFAULT_MAX_DEPTH = 3
DEFAULT_DELAY_S = 0.2  # between two requests to the agency's host: LAO hosting is small and shared
# A page must tie links to at least this many distinct items to count as an ITA index page: one or two
# matches happen by chance on any page (a news page titled "ข่าวประชาสัมพันธ์", a contact page).
MIN_INDEX_ITEMS = 3
EXIT_FOUND, EXIT_NOT_FOUND = 0, 1
# Why a queued page was not fetched (Discovery.skipped).
SKIP_STALE = "an older ITA year; the wanted year's page was found"
SKIP_ROBOTS = "disallowed by robots.txt"
SKIP_BUDGET = "page or time budget reached"

# ---------------------------------------------------------------- results


class LinkConfidence(StrEnum):
    """How sure discovery is that a link belongs to an item (not how sure the rule is: see Confidence)."""

    HIGH = "high"  # the link text names the item code
    MEDIUM = "medium"  # the row / heading / menu / URL slug around the link names it
    LOW = "low"  # only the link's title resembles the item's title


_RANK = {LinkConfidence.HIGH: 0, LinkConfidence.MEDIUM: 1, LinkConfidence.LOW: 2}


@dataclass(frozen=True)
class Anchor:
    """One `<a href>` of a page and the context a person reads it in. Catalogue-agnostic: codes are
    parsed at mapping time against the catalogue's item ids."""

    url: str  # absolute, normalized
    text: str  # the link text as written, whitespace folded (img alt / title when there is no text)
    row_cells: tuple[str, ...] = ()  # texts of the table cells left of the link's cell (a rowspan cell first)
    row_numbered: bool = False  # the table's first column is a running number (ลำดับ), not the item number
    labels: tuple[str, ...] = ()  # headings / toggles / menu labels above the link, nearest first, up to
    # and including the first heading without a code
    section_years: tuple[int, ...] = ()  # fiscal years named by an ITA-ish section label above (ITA 2565 …)
    chrome: bool = False  # inside site navigation, header, footer or sidebar


@dataclass(frozen=True)
class PageScan:
    url: str  # the final URL (after redirects)
    title: str = ""
    heading: str = ""  # first <h1> outside site chrome
    years: tuple[int, ...] = ()  # ITA / fiscal years the page is about (title, heading, URL, link to it)
    ita_like: bool = False  # URL, title, heading or the link to it says ITA / OIT / การเปิดเผยข้อมูล …
    anchors: tuple[Anchor, ...] = ()
    redirects: tuple[str, ...] = ()  # meta refresh / frames: followed like links
    depth: int = 0
    via_text: str = ""  # text of the link the crawler followed to get here


@dataclass(frozen=True)
class ItemLink:
    url: str
    confidence: LinkConfidence
    signal: str  # code · row · heading · slug · title
    why: str
    page: str  # the index page the link was found on


@dataclass(frozen=True)
class Discovery:
    criteria_year: int
    items: dict[str, tuple[ItemLink, ...]]  # every catalogue item, in catalogue order
    item_names: dict[str, str] = field(default_factory=dict)
    index_pages: tuple[str, ...] = ()  # ITA pages the mapping came from
    stale_pages: tuple[tuple[str, tuple[int, ...]], ...] = ()  # ITA pages of another year, ignored
    warnings: tuple[str, ...] = ()
    home: str = ""
    home_final: str = ""  # where the home page really was (scheme fallback, redirects)
    home_title: str = ""
    pages_fetched: tuple[str, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()  # (url, reason): stale year, robots.txt, page budget
    errors: tuple[tuple[str, str], ...] = ()  # (url, what went wrong)

    @property
    def found(self) -> bool:
        return bool(self.index_pages)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(item for item, links in self.items.items() if not links)

    def counts(self) -> dict[LinkConfidence, int]:
        """Items by their best confidence."""
        out = dict.fromkeys(LinkConfidence, 0)
        for links in self.items.values():
            if links:
                out[links[0].confidence] += 1
        return out


# ---------------------------------------------------------------- item codes in text

# O24 · o24 · O24. · O 24 · O.24 · O-24 · OIT24 · OIT 3 · MOIT 1 (also O024). Letters or digits right
# before the O rule out words ("ISO 9001", "Go 2"); a digit right after rules out years ("OIT 2568").
_O_CODE = re.compile(r"(?<![a-z0-9])(?:m?oit|o)\s?[-_.]?\s?0*([1-9][0-9]?)(?![0-9])", re.IGNORECASE)
# "ข้อ 24", "ข้อที่ 24", "ข้อ ๒๔" at the start of a label (elsewhere "ข้อ 5" is ordinary prose).
_KHO_CODE = re.compile(r"^[\s\-–•*·.)(\[\]]*ข้อ(?:ที่)?\s*([1-9][0-9]?)(?![0-9])")
# Zero-padded with the letter dropped, at the start: "027 หลักเกณฑ์…", "029ประกาศ…" (kanpeo, huafai).
_PADDED_CODE = re.compile(r"^[\s\-–•*·(\[]*0([0-9]{2})(?![0-9])")
# A cell that is only a number: "24", "๒๔", "24.", "(24)", "ข้อ 24" (first column of an item table).
_BARE_CODE = re.compile(r"^[\s(\[]*(?:ข้อ(?:ที่)?)?\s*([1-9][0-9]?)\s*[.)\]]?\s*$")
# A URL path segment that starts with an item code: o24-…, oit-3-…, O42, o01.html (Google Sites slugs).
_SLUG_CODE = re.compile(r"^(?:m?oit|o)[-_.]?0*([1-9][0-9]?)(?![0-9])", re.IGNORECASE)
_URL_TEXT = re.compile(r"^(?:https?://|www\.)\S+$|^\S*/\S*(?:\.\.\.|…)$", re.IGNORECASE)


def _numbers(text: str, *, bare: bool) -> set[int]:
    t = display(text)  # Thai digits → Arabic, NFC, invisible characters gone
    found = {int(m.group(1)) for m in _O_CODE.finditer(t)}
    for pattern in (_KHO_CODE, _PADDED_CODE):
        m = pattern.match(t)
        if m:
            found.add(int(m.group(1)))
    if bare and not found:
        m = _BARE_CODE.match(t)
        if m:
            found.add(int(m.group(1)))
    return found


def code_in_label(text: str, ids: Iterable[str] | None = None, *, bare: bool = False) -> str | None:
    """The one item id a label names ("O24 …", "o๒๔", "ข้อ ๒๖", "027 …"; with `bare`, also "๒๔").

    None when it names none, or several different ones ("O21–O22", "O1 ถึง O27"): a label that covers
    many items says nothing about any one of them. `ids` restricts to the catalogue's items.
    """
    known = set(ids) if ids is not None else None
    codes = {f"O{n}" for n in _numbers(text, bare=bare)}
    if known is not None:
        codes &= known
    return codes.pop() if len(codes) == 1 else None


@lru_cache(maxsize=65536)
def _has_code(text: str) -> bool:
    # Cached: every link's walk up the page asks it again of the same headings.
    return bool(_numbers(text, bare=False))


def slug_code(url: str, ids: Iterable[str] | None = None) -> tuple[str, str] | None:
    """(item id, segment) when the URL's last path segment starts with an item code (/o24-…, /oit-3-…)."""
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return None
    segments = [s for s in path.split("/") if s]
    if not segments:
        return None
    last = segments[-1]
    m = _SLUG_CODE.match(display(last))
    if not m:
        return None
    item = f"O{int(m.group(1))}"
    if ids is not None and item not in set(ids):
        return None
    return item, last


def _looks_like_url(text: str) -> bool:
    return bool(_URL_TEXT.match(text.strip()))


# ---------------------------------------------------------------- "looks like ITA/OIT" and years

_ITA_TOKEN = re.compile(r"(?<![a-z])(?:ita|itas|m?oit)(?![a-z])")
_ITA_PHRASES = tuple(
    normalize(p)
    for p in (
        "การประเมินคุณธรรมและความโปร่งใส", "คุณธรรมและความโปร่งใส", "ศูนย์ข้อมูลข่าวสาร",
        "การเปิดเผยข้อมูลสาธารณะ", "เปิดเผยข้อมูลสาธารณะ", "การเปิดเผยข้อมูล", "ตัวชี้วัดที่ 9",
        "ตัวชี้วัดที่ 10",
    )
)  # fmt: skip


def ita_text(text: str) -> bool:
    """Whether a link text / title speaks of the ITA assessment or its open-data part."""
    if not text:
        return False
    if _ITA_TOKEN.search(display(text).lower()):
        return True
    norm = normalize(text)
    return any(p in norm for p in _ITA_PHRASES)


def ita_url(url: str) -> bool:
    """Whether a URL's host, path or query says ITA/OIT (ita-2568, /ITA/, ita.php, ITA64.php, oit2023 …)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    where = unquote(f"{parts.netloc}{parts.path}?{parts.query}").lower()
    return bool(_ITA_TOKEN.search(where)) or any(p in normalize(where) for p in _ITA_PHRASES)


@lru_cache(maxsize=65536)
def _section_years(text: str) -> tuple[int, ...]:
    """Years an ITA-ish section label names ("ITA 2565", "การประเมิน ITA ประจำปี 2568"); () otherwise."""
    if not text or len(text) > _MAX_YEAR_LABEL or _has_code(text) or not ita_text(text):
        return ()
    return tuple(sorted(_years_of(text)))


def _years_of(text: str) -> set[int]:
    # A date ("ปรับปรุง 12 ธ.ค. 2567") says when, not which ITA round; only fiscal/bare/range/CE mentions count.
    return {y for m in find_year_mentions(text) if m.kind is not MentionKind.DATE for y in m.fiscal_years}


def _url_years(url: str) -> set[int]:
    return {y for m in years_in_url(url) if m.kind is not MentionKind.DATE for y in m.fiscal_years}


# ---------------------------------------------------------------- reading one page (pure)

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LABEL_TAGS = frozenset({"dt", "summary", "strong", "b", "span", "button", "label", "caption", "legend", "a",
                         "em", "font", "u"})
_LABEL_CLASS_TOKENS = frozenset({"header", "heading", "title", "toggle", "accordion", "collapse", "panel",
                                 "card", "tab"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "select", "option"})
_CELL_TAGS = frozenset({"td", "th"})
_TABLE_PARTS = frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"})
_RUNNING_NUMBER_HEADERS = frozenset({"ลำดับ", "ลำดับที่", "ที่", "no", "no.", "#", "seq"})
_TOKEN_SPLIT = re.compile(r"[\s_-]+")
_SPACE = re.compile(r"\s+")
_MAX_LEVELS = 14  # ancestors walked up from a link when looking for its heading
_MAX_SIBLINGS = 40  # previous siblings looked at per level
_MAX_LABEL = 300  # a longer block is prose, not a label
_MAX_YEAR_LABEL = 160


def _clean(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def _tokens(node: LexborNode) -> set[str]:
    attrs = node.attributes or {}
    return set(_TOKEN_SPLIT.split(f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower())) - {""}


class _Reader:
    """Walks one parsed page; caches the per-node facts every link's walk asks again."""

    def __init__(self, tree: LexborHTMLParser, page_url: str) -> None:
        self.tree = tree
        self.page_url = page_url
        self._text: dict[int, str] = {}
        self._links: dict[int, bool] = {}
        self._chrome: dict[int, bool] = {}

    def text(self, node: LexborNode) -> str:
        key = node.mem_id
        if key not in self._text:
            if node.is_text_node:
                raw = node.text(deep=False)
            elif node.tag in _SKIP_TAGS:
                raw = ""
            else:
                raw = node.text(deep=True, separator=" ")
            self._text[key] = _clean(raw)
        return self._text[key]

    def has_real_link(self, node: LexborNode) -> bool:
        """Whether `node` holds a link to somewhere (a toggle `href="#c24"` or `javascript:` is not one)."""
        key = node.mem_id
        if key not in self._links:
            nodes = [node] if node.tag == "a" else []
            nodes += node.css("a[href]") if not node.is_text_node else []
            self._links[key] = any(
                n.tag == "a" and "href" in (n.attributes or {})
                and is_placeholder(n.attributes.get("href") or "", "", "") is None
                for n in nodes
            )
        return self._links[key]

    def in_chrome(self, node: LexborNode) -> bool:
        cur: LexborNode | None = node
        seen: list[int] = []
        result = False
        while cur is not None and cur.tag not in ("html", "-document"):
            key = cur.mem_id
            if key in self._chrome:
                result = self._chrome[key]
                break
            seen.append(key)
            if is_chrome_node(cur):
                result = True
                break
            cur = cur.parent
        for key in seen:
            self._chrome[key] = result
        return result

    # ---- table rows

    def row_context(self, node: LexborNode) -> tuple[tuple[str, ...], bool]:
        cell = node.parent
        while cell is not None and cell.tag not in _CELL_TAGS:
            if cell.tag in ("table", "body", "html"):
                return (), False
            cell = cell.parent
        if cell is None or cell.parent is None or cell.parent.tag != "tr":
            return (), False
        row = cell.parent
        cells = [c for c in row.iter() if c.tag in _CELL_TAGS]
        before: list[str] = []
        for c in cells:
            if c.mem_id == cell.mem_id:
                break
            before.append(self.text(c))
        spanning = self._spanning_first_cell(row)
        if spanning is not None:
            before.insert(0, spanning)
        return tuple(before), self._running_number(row)

    def _spanning_first_cell(self, row: LexborNode) -> str | None:
        """Text of an earlier row's first cell whose rowspan reaches this row (items with several rows)."""
        distance = 0
        prev = row.prev
        while prev is not None and distance < 30:
            if prev.tag == "tr":
                distance += 1
                first = next((c for c in prev.iter() if c.tag in _CELL_TAGS), None)
                if first is not None:
                    span = (first.attributes or {}).get("rowspan") or "1"
                    if span.strip().isdigit() and int(span) > distance:
                        return self.text(first)
            prev = prev.prev
        return None

    def _running_number(self, row: LexborNode) -> bool:
        table = row.parent
        while table is not None and table.tag != "table":
            table = table.parent
        if table is None:
            return False
        header = table.css_first("tr")
        if header is None:
            return False
        first = next((c for c in header.iter() if c.tag in _CELL_TAGS), None)
        return first is not None and self.text(first).lower() in _RUNNING_NUMBER_HEADERS

    # ---- headings, accordions, menus

    def _kind(self, node: LexborNode) -> str:
        if node.tag in _HEADINGS:
            return "heading"
        if node.tag in _LABEL_TAGS or _tokens(node) & _LABEL_CLASS_TOKENS:
            return "label"
        return "block"

    def labels_above(self, node: LexborNode) -> Iterator[tuple[str, str]]:
        """(text, kind) of what stands before `node` in reading order, nearest first.

        Kinds: heading (h1–h6), label (toggle, summary, strong, card header …), block (other short
        element without links), text (bare text), li (what precedes a nested list inside its <li>), hr.
        Siblings holding real links are passed over: they are the neighbouring item's content.
        """
        x = node
        for _ in range(_MAX_LEVELS):
            parent = x.parent
            if parent is None or parent.tag in ("html", "-document"):
                return
            if x.tag in _TABLE_PARTS:
                x = parent  # other cells and rows are other columns and items: the row signal reads them
                continue
            if parent.tag == "li":
                # Nested menu: `<li>O24 …<ul><li><a>…</a></li></ul></li>`; the entry's label may itself be a link.
                parts: list[str] = []
                sib = x.prev
                while sib is not None:
                    if not sib.is_comment_node and sib.tag not in _SKIP_TAGS:
                        parts.append(self.text(sib))
                    sib = sib.prev
                label = _clean(" ".join(reversed(parts)))
                if label:
                    yield label, "li"
            else:
                sib = x.prev
                count = 0
                while sib is not None and count < _MAX_SIBLINGS:
                    count += 1
                    if sib.is_comment_node or sib.tag in _SKIP_TAGS:
                        pass
                    elif sib.is_text_node:
                        t = self.text(sib)
                        if t:
                            yield t, "text"
                    elif sib.tag == "hr":
                        yield "", "hr"
                    elif sib.tag in ("br", "img"):
                        pass
                    else:
                        kind = self._kind(sib)
                        if kind == "heading":
                            yield self.text(sib), "heading"
                        elif not self.has_real_link(sib):
                            t = self.text(sib)
                            if t and len(t) <= _MAX_LABEL:
                                yield t, kind
                    sib = sib.prev
            x = parent

    def context(self, node: LexborNode) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """(labels up to the first boundary, section years): one walk serves both."""
        labels: list[str] = []
        years: tuple[int, ...] = ()
        collecting = True
        for text, kind in self.labels_above(node):
            if collecting:
                if kind == "hr":
                    collecting = False
                elif text:
                    labels.append(text)
                    # A heading ends the item's context: whatever lies above it is another section.
                    if kind == "heading" and not _has_code(text):
                        collecting = False
            if not years and kind in ("heading", "label", "li"):
                years = _section_years(text)
            if not collecting and years:
                break
        return tuple(labels), years

    # ---- anchors

    def anchor_text(self, node: LexborNode) -> str:
        text = self.text(node)
        if text:
            return text
        attrs = node.attributes or {}
        for img in node.css("img"):
            alt = _clean((img.attributes or {}).get("alt") or (img.attributes or {}).get("title"))
            if alt:
                return alt
        return _clean(attrs.get("title") or attrs.get("aria-label"))

    def anchors(self) -> tuple[Anchor, ...]:
        base = self.page_url
        base_node = self.tree.css_first("base[href]")
        if base_node is not None:
            declared = normalize_url(_clean((base_node.attributes or {}).get("href")), self.page_url)
            if declared.startswith(("http://", "https://")):
                base = declared
        out: list[Anchor] = []
        for node in self.tree.css("a[href]"):
            raw = (node.attributes or {}).get("href") or ""
            url = normalize_url(raw.strip(), base)
            if is_placeholder(raw, url, self.page_url) is not None or not url.startswith(("http://", "https://")):
                continue
            row_cells, numbered = self.row_context(node)
            labels, years = self.context(node)
            out.append(Anchor(url=url, text=self.anchor_text(node), row_cells=row_cells,
                              row_numbered=numbered, labels=labels, section_years=years,
                              chrome=self.in_chrome(node)))
        return tuple(out)

    def first_heading(self) -> str:
        for node in self.tree.css("h1"):
            if not self.in_chrome(node):
                return self.text(node)
        return ""


def scan_page(html: str, url: str, *, via_text: str = "", depth: int = 0,
              inherited_years: Iterable[int] = ()) -> PageScan:
    """Read one decoded HTML page. `inherited_years`: the years of the page linking here, used when this
    page names none itself (an ITA 2565 page's "ตัวชี้วัดที่ 9" sub-page belongs to 2565 too)."""
    tree = LexborHTMLParser(html)
    reader = _Reader(tree, url)
    title_node = tree.css_first("title")
    title = _clean(title_node.text()) if title_node is not None else ""
    heading = reader.first_heading()
    years = _years_of(title) | _years_of(heading) | _url_years(url) | _years_of(via_text)
    if not years:
        years = set(inherited_years)
    ita_like = ita_url(url) or ita_text(title) or ita_text(heading) or ita_text(via_text)
    redirects = tuple(link.url for link in extract_links(tree, url)
                      if link.via in ("meta-refresh", "frame", "iframe"))
    return PageScan(url=normalize_url(url), title=title, heading=heading, years=tuple(sorted(years)),
                    ita_like=ita_like, anchors=reader.anchors(), redirects=redirects, depth=depth,
                    via_text=via_text)


# ---------------------------------------------------------------- mapping (pure)


@dataclass(frozen=True)
class _Guess:
    item: str
    confidence: LinkConfidence
    signal: str
    why: str


def _short(text: str, limit: int = 70) -> str:
    text = _clean(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Titles:
    """The catalogue's title phrases, normalized once, longest first."""

    def __init__(self, catalogue: Catalogue) -> None:
        entries: list[tuple[str, str, str, str]] = []
        for item in catalogue.items:
            for phrase in item.title_phrases:
                if code_in_label(phrase) is not None and len(normalize(phrase)) <= 4:
                    continue  # "O5" is a code, not a title; codes are read by their own rules
                strict = normalize(phrase).lower()
                if len(strict) >= 4:
                    entries.append((strict, loose(phrase).lower(), item.id, phrase))
        entries.sort(key=lambda e: -len(e[0]))
        self.entries = tuple(entries)

    def match(self, text: str) -> tuple[str, str] | None:
        """(item, phrase) for the longest title phrase in `text`; None when two items tie (ambiguous)."""
        if not text:
            return None
        strict = normalize(text).lower()
        for field_index, haystack in ((0, strict), (1, loose(text).lower())):
            hits = [e for e in self.entries if e[field_index] and e[field_index] in haystack]
            if hits:
                longest = max(len(e[field_index]) for e in hits)
                items = {e[2] for e in hits if len(e[field_index]) == longest}
                if len(items) != 1:
                    return None
                best = next(e for e in hits if len(e[field_index]) == longest)
                return best[2], best[3]
        return None


def _informative(text: str) -> bool:
    return bool(text) and not _looks_like_url(text) and not is_generic_text(text)


def guess_item(anchor: Anchor, ids: Sequence[str], titles: _Titles, *, allow_title: bool) -> _Guess | None:
    """The item one link belongs to, by its strongest signal (see the module docstring)."""
    link = f'link text "{_short(anchor.text)}"' if anchor.text else "no link text"
    if anchor.text and not _looks_like_url(anchor.text):
        item = code_in_label(anchor.text, ids)
        if item:
            return _Guess(item, LinkConfidence.HIGH, "code", link)
    for cell in anchor.row_cells:
        item = code_in_label(cell, ids)
        if item:
            return _Guess(item, LinkConfidence.MEDIUM, "row", f'table row "{_short(cell, 40)}", {link}')
    if anchor.row_cells and not anchor.row_numbered:
        item = code_in_label(anchor.row_cells[0], ids, bare=True)
        if item:
            return _Guess(item, LinkConfidence.MEDIUM, "row",
                          f'table row "{_short(anchor.row_cells[0], 40)}", {link}')
    for label in anchor.labels:
        item = code_in_label(label, ids)
        if item:
            return _Guess(item, LinkConfidence.MEDIUM, "heading", f'heading "{_short(label, 60)}", {link}')
    slug = slug_code(anchor.url, ids)
    if slug:
        return _Guess(slug[0], LinkConfidence.MEDIUM, "slug", f'URL slug "{_short(slug[1], 50)}", {link}')
    if allow_title:
        hit = titles.match(anchor.text) if _informative(anchor.text) else None
        if hit:
            return _Guess(hit[0], LinkConfidence.LOW, "title", f'title "{hit[1]}" in {link}')
        row_text = " ".join(anchor.row_cells)
        hit = titles.match(row_text) if anchor.row_cells else None
        if hit:
            return _Guess(hit[0], LinkConfidence.LOW, "title",
                          f'title "{hit[1]}" in table row "{_short(row_text, 50)}", {link}')
    return None


def _group(years: Iterable[int], target: frozenset[int]) -> str:
    ys = set(years)
    if not ys:
        return "none"
    return "target" if ys & target else "other"


def map_pages(pages: Sequence[PageScan], catalogue: Catalogue, target_years: Iterable[int]) -> Discovery:
    """Item → links from the ITA index page(s) among `pages` (the pure heart of discovery).

    A page is an index page when its links name at least MIN_INDEX_ITEMS items by code, row or heading,
    or, for a page that looks like ITA, by any signal. Each link belongs to the year its section or page
    names: the wanted year's links (with year-less ones) are used when there are any; otherwise the
    year-less ones; otherwise, as a last resort, the newest other year's, every one capped at low.
    Per item, low guesses are dropped when a high or medium one exists; per URL, guesses weaker than
    that URL's best are dropped (a menu link whose title resembles O4 does not undo its row's "O3").
    """
    target = frozenset(target_years)
    ids = catalogue.ids
    titles = _Titles(catalogue)
    # (page index, anchor index, year group, years, guess) for every guessed link of every index page
    found: list[tuple[int, int, str, tuple[int, ...], _Guess]] = []
    index_pages: list[int] = []
    for p_i, page in enumerate(pages):
        guesses = []
        for a_i, anchor in enumerate(page.anchors):
            guess = guess_item(anchor, ids, titles, allow_title=page.ita_like and not anchor.chrome)
            if guess is not None:
                years = anchor.section_years or page.years
                guesses.append((p_i, a_i, _group(years, target), tuple(years), guess))
        strong = {g[4].item for g in guesses if g[4].confidence is not LinkConfidence.LOW}
        every = {g[4].item for g in guesses}
        if len(strong) >= MIN_INDEX_ITEMS or (page.ita_like and len(every) >= MIN_INDEX_ITEMS):
            index_pages.append(p_i)
            found.extend(guesses)

    warnings: list[str] = []
    groups = {g[2] for g in found}
    cap_low = False
    if "target" in groups:
        used = [g for g in found if g[2] in ("target", "none")]
    elif "none" in groups:
        used = [g for g in found if g[2] == "none"]
    elif found:
        newest = max(max(g[3]) for g in found)
        used = [g for g in found if max(g[3]) == newest]
        cap_low = True
        wanted = "/".join(str(y) for y in sorted(target)) or "?"
        warnings.append(f"the only ITA page(s) found are for ITA {newest}, not {wanted}: item codes change "
                        f"between years, so every link is marked low — check each one (or discover with "
                        f"--criteria {newest} and run `oit-checker manifest migrate`)")
    else:
        used = []

    used_pages = sorted({g[0] for g in used})
    stale = [(pages[i].url, pages[i].years) for i in index_pages if i not in used_pages]
    page_urls = {pages[i].url for i in index_pages}

    # Per URL, the best confidence it earned anywhere.
    best_for_url: dict[str, int] = {}
    for p_i, a_i, _, _, g in used:
        url = pages[p_i].anchors[a_i].url
        rank = _RANK[LinkConfidence.LOW if cap_low else g.confidence]
        best_for_url[url] = min(best_for_url.get(url, 9), rank)

    per_item: dict[str, dict[str, tuple[int, int, ItemLink]]] = {item: {} for item in ids}
    for order, (p_i, a_i, _, years, g) in enumerate(used):
        page = pages[p_i]
        url = page.anchors[a_i].url
        if url in page_urls:
            continue  # a breadcrumb or menu link back to an index page is not evidence
        confidence = LinkConfidence.LOW if cap_low else g.confidence
        if _RANK[confidence] > best_for_url[url]:
            continue
        why = g.why if not cap_low else f"ITA {max(years)} page: {g.why}"
        link = ItemLink(url=url, confidence=confidence, signal=g.signal, why=why, page=page.url)
        current = per_item[g.item].get(url)
        if current is None or _RANK[confidence] < current[0]:
            per_item[g.item][url] = (_RANK[confidence], current[1] if current else order, link)

    items: dict[str, tuple[ItemLink, ...]] = {}
    for item in ids:
        entries = sorted(per_item[item].values(), key=lambda e: (e[0], e[1]))
        if any(rank < _RANK[LinkConfidence.LOW] for rank, _, _ in entries):
            entries = [e for e in entries if e[0] < _RANK[LinkConfidence.LOW]]
        items[item] = tuple(e[2] for e in entries)

    return Discovery(
        criteria_year=catalogue.criteria_year,
        items=items,
        item_names={i.id: i.name_th for i in catalogue.items},
        index_pages=tuple(pages[i].url for i in used_pages),
        stale_pages=tuple(stale),
        warnings=tuple(warnings),
    )


# ---------------------------------------------------------------- the draft manifest (pure)

_TITLE_SPLIT = re.compile(r"\s+[|\-–—:»·]\s+|\s*[|»]\s*")
_GENERIC_TITLES = frozenset({"หน้าหลัก", "หน้าแรก", "home", "homepage", "home page", "welcome", "ยินดีต้อนรับ",
                             "index", "เว็บไซต์", "website"})
_AGENCY_WORDS = ("องค์การบริหารส่วน", "เทศบาล", "อบต", "อบจ", "สำนักงาน", "กรม", "โรงพยาบาล", "โรงเรียน",
                 "มหาวิทยาลัย", "กระทรวง", "สถาบัน", "วิทยาลัย", "ศูนย์", "กอง", "จังหวัด", "อำเภอ")


def agency_name_from_title(title: str, fallback: str) -> str:
    """The agency's name from its home page <title> ("หน้าหลัก | อบต.หนองบัว" → "อบต.หนองบัว")."""
    parts = [p.strip() for p in _TITLE_SPLIT.split(display(title)) if p and p.strip()]
    parts = [p for p in parts if p.lower() not in _GENERIC_TITLES]
    for part in parts:
        if any(word in part for word in _AGENCY_WORDS):
            return part
    return parts[0] if parts else fallback


def render_manifest(d: Discovery, catalogue: Catalogue, *, name: str, home: str, fiscal_year: int | None,
                    command: str = "") -> str:
    """The draft manifest: loadable by `manifest.load_manifests`; a comment per URL says why it is there."""
    lines = [
        f"# Draft OIT manifest written by `{toml_comment(command) or 'oit-checker discover'}` "
        f"(oit-checker {__version__}).",
        f"# ITA {catalogue.criteria_year} criteria ({toml_comment(Path(catalogue.source).name)})"
        + (f", fiscal year {fiscal_year}." if fiscal_year else "."),
    ]
    if d.index_pages:
        lines.append("# ITA/OIT page(s) read:")
        lines.extend(f"#   {toml_comment(u, 300)}" for u in d.index_pages)
    else:
        lines.append(f"# No ITA/OIT page was found from {toml_comment(home, 300)}: fill the items in by hand.")
    for url, years in d.stale_pages:
        label = "/".join(str(y) for y in years) or "another year"
        lines.append(f"# Ignored (ITA {label}, not the wanted year): {toml_comment(url, 300)}")
    for url, why in d.skipped:
        if why in (SKIP_STALE, SKIP_ROBOTS):
            lines.append(f"# Not read ({why}): {toml_comment(url, 300)}")
    for w in d.warnings:
        lines.append(f"# WARNING: {toml_comment(w, 400)}")
    lines += [
        "#",
        "# Every URL below is a guess. Confidence: high = the link text names the item code (O24, o๒๔,",
        "# ข้อ 24, 024); medium = the table row, heading, menu entry or URL slug around the link names it;",
        "# low = only the link's title resembles the item's title. Check each one, then run:",
        "#   oit-checker check <this file>",
        "",
        "[agency]",
        f"name = {toml_string(name)}",
        f"home = {toml_string(home)}",
    ]
    if fiscal_year:
        lines.append(f"fiscal_year = {fiscal_year}")
    lines += ["", "[items]"]
    for item in catalogue.items:
        links = d.items.get(item.id, ())
        lines.append(f"# {item.id} {toml_comment(item.name_th)}")
        if not links:
            lines.append(f"{item.id} = []  # no link found")
            continue
        keep, extra = links[: item.evidence.max_urls], links[item.evidence.max_urls:]
        lines.append(f"{item.id} = [")
        for link in keep:
            lines.append(f"    {toml_string(link.url)},  # confidence: {link.confidence.value} — "
                         f"{toml_comment(link.why, 200)}")
        for link in extra:
            lines.append(f"    # {toml_string(link.url)},  # not listed: ITAS is believed to take at most "
                         f"{item.evidence.max_urls} URLs — {link.confidence.value}: {toml_comment(link.why, 120)}")
        lines.append("]")
    missing = d.missing
    lines.append("")
    if missing:
        lines.append(f"# ---- No link found for {len(missing)} item(s): fill them in by hand ----")
        for item_id in missing:
            lines.append(f"#   {item_id} {toml_comment(d.item_names.get(item_id, ''))}")
    else:
        lines.append("# Every item has at least one link.")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- crawling (I/O)


@dataclass(frozen=True)
class CrawlSettings:
    max_pages: int = DEFAULT_MAX_PAGES  # HTML pages fetched (robots.txt not counted)
    max_depth: int = DEFAULT_MAX_DEPTH  # link hops from the home page
    concurrency: int = 2  # pages fetched at once (the fetcher's per-host limit applies too)
    budget_s: float = 300.0  # wall-clock limit for the whole crawl
    robots: bool = True  # honour robots.txt
    user_agent_token: str = "oit-checker"


@dataclass(order=True)
class _Queued:
    year_rank: int  # 0 names the wanted year, 1 names none, 2 names another year
    depth: int
    seq: int
    url: str = field(compare=False)
    via_text: str = field(compare=False, default="")
    inherited: tuple[int, ...] = field(compare=False, default=())


def _link_year_rank(text: str, url: str, parent_years: Iterable[int], target: frozenset[int]) -> int:
    years = _years_of(text) | _url_years(url)
    if not years:
        years = set(parent_years)
    group = _group(years, target)
    return {"target": 0, "none": 1, "other": 2}[group]


def _is_target_index(page: PageScan, catalogue: Catalogue, target: frozenset[int]) -> bool:
    one = map_pages([page], catalogue, target)
    return bool(one.index_pages) and _group(page.years, target) == "target" and not one.warnings


async def _robots(fetcher: Fetcher, home: str, deadline: float) -> urllib.robotparser.RobotFileParser | None:
    parts = urlsplit(home)
    fetched = await fetcher.fetch(f"{parts.scheme}://{parts.netloc}/robots.txt", deadline=deadline)
    if not fetched.ok or "html" in fetched.content_type:
        return None  # no robots.txt (or a CMS answering every path with a page): nothing forbidden
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(fetched.body.decode("utf-8", "replace").splitlines())
    return parser


async def discover(home: str, catalogue: Catalogue, fetcher: Fetcher, *, fiscal_year: int | None = None,
                   settings: CrawlSettings | None = None,
                   on_page: Callable[[str, int], None] | None = None,
                   clock: Callable[[], float] = time.monotonic) -> Discovery:
    """Crawl the agency's site from `home` and map what its ITA page(s) link to (see `map_pages`)."""
    settings = settings or CrawlSettings()
    target = frozenset({catalogue.criteria_year} | ({fiscal_year} if fiscal_year else set()))
    home = normalize_url(home)
    deadline = clock() + settings.budget_s
    robots = await _robots(fetcher, home, deadline) if settings.robots else None

    queue: list[_Queued] = [_Queued(0, 0, 0, home)]
    seen: set[str] = {home}
    seq = 1
    pages: list[PageScan] = []
    fetched_urls: list[str] = []
    skipped: list[tuple[str, str]] = []
    errors: list[tuple[str, str]] = []
    site_urls = [home]
    home_title = ""
    home_final = ""
    target_found = False

    while queue and len(fetched_urls) < settings.max_pages and clock() < deadline:
        batch: list[_Queued] = []
        while queue and len(batch) < settings.concurrency and len(fetched_urls) + len(batch) < settings.max_pages:
            entry = heapq.heappop(queue)
            if batch and entry.year_rank != batch[0].year_rank:
                # Never fetch an older year's page alongside the wanted one: the wanted one may make it moot.
                heapq.heappush(queue, entry)
                break
            if entry.year_rank == 2 and target_found:
                skipped.append((entry.url, SKIP_STALE))
                continue
            if robots is not None and not robots.can_fetch(settings.user_agent_token, entry.url):
                skipped.append((entry.url, SKIP_ROBOTS))
                continue
            batch.append(entry)
        if not batch:
            continue
        results = await asyncio.gather(*(fetcher.fetch(e.url, deadline=deadline) for e in batch))
        for entry, result in zip(batch, results, strict=True):
            fetched_urls.append(entry.url)
            if on_page is not None:
                on_page(entry.url, entry.depth)
            if not result.ok:
                what = result.error.value if result.error else f"HTTP {result.status}"
                errors.append((entry.url, f"{what} {result.error_detail}".strip()))
                continue
            if detect_kind(result.body, result.content_type, result.final_url) is not DocKind.HTML:
                continue  # a file behind an ITA-looking link: nothing to crawl
            final = normalize_url(result.final_url)
            seen.add(final)
            if entry.depth == 0:
                site_urls.append(final)  # the home page may redirect (http → https, / → /index.php)
                home_final = home_final or final
            text, _ = decode_html(result.body, result.charset)
            page = scan_page(text, final, via_text=entry.via_text, depth=entry.depth,
                             inherited_years=entry.inherited)
            pages.append(page)
            if entry.depth == 0 and not home_title:
                home_title = page.title
            if not target_found and _is_target_index(page, catalogue, target):
                target_found = True
            for nxt in _links_to_follow(page, site_urls, settings):
                if nxt[0] in seen:
                    continue
                seen.add(nxt[0])
                rank = _link_year_rank(nxt[1], nxt[0], page.years, target)
                heapq.heappush(queue, _Queued(rank, entry.depth + 1, seq, nxt[0], nxt[1], page.years))
                seq += 1
    for entry in sorted(queue):
        skipped.append((entry.url, SKIP_STALE if entry.year_rank == 2 and target_found else SKIP_BUDGET))

    result = map_pages(pages, catalogue, target)
    return replace(result, home=home, home_final=home_final, home_title=home_title,
                   pages_fetched=tuple(fetched_urls),
                   skipped=tuple(skipped), errors=tuple(errors))


def _links_to_follow(page: PageScan, site: Sequence[str], settings: CrawlSettings) -> list[tuple[str, str]]:
    """(url, link text) of the same-site HTML pages worth fetching from `page`, in page order.

    Only links that look like ITA/OIT (text or URL) and are not themselves an item's link ("O24 …",
    /o24-…: those are evidence, not index pages); plus meta refreshes and frames; plus, on a splash home
    page with a handful of links and none about ITA, those few links ("เข้าสู่เว็บไซต์").
    """
    if page.depth + 1 > settings.max_depth:
        return []

    def on_site(url: str) -> bool:
        return url.startswith(("http://", "https://")) and any(same_site(url, s) for s in site) \
            and not looks_like_document(url)

    out: list[tuple[str, str]] = [(u, "") for u in page.redirects if on_site(u)]
    candidates = [a for a in page.anchors if on_site(a.url)]
    for a in candidates:
        if (ita_text(a.text) or ita_url(a.url)) and not _has_code(a.text) and slug_code(a.url) is None:
            out.append((a.url, a.text))
    if page.depth == 0 and len(out) == 0 and 0 < len({a.url for a in candidates}) <= 3:
        out.extend((a.url, a.text) for a in candidates)
    return out


# ---------------------------------------------------------------- summary table


def print_summary(err: Console, d: Discovery, *, table: bool) -> None:
    from rich.table import Table

    if table:
        tab = Table(title=f"ITA {d.criteria_year}: links found per item", title_justify="left")
        for col in ("item", "URL", "confidence", "why"):
            tab.add_column(col, overflow="fold")
        colours = {LinkConfidence.HIGH: "green", LinkConfidence.MEDIUM: "yellow", LinkConfidence.LOW: "red"}
        for item, links in d.items.items():
            if not links:
                tab.add_row(item, "[dim]—[/dim]", "[bold red]missing[/bold red]", "no link found")
            for n, link in enumerate(links):
                tab.add_row(item if n == 0 else "", escape(link.url),
                            f"[{colours[link.confidence]}]{link.confidence.value}[/]", escape(link.why))
        err.print(tab)
    if d.found:
        counts = d.counts()
        total = len(d.items)
        mapped = total - len(d.missing)
        err.print(f"ITA page(s): {', '.join(d.index_pages)}", markup=False, soft_wrap=True)
        err.print(f"{mapped} of {total} items have a link (best: {counts[LinkConfidence.HIGH]} high, "
                  f"{counts[LinkConfidence.MEDIUM]} medium, {counts[LinkConfidence.LOW]} low)"
                  + (f"; no link: {', '.join(d.missing)}" if d.missing else ""), markup=False, soft_wrap=True)
    else:
        err.print(f"no ITA/OIT page found from {d.home} ({len(d.pages_fetched)} page(s) read)", markup=False,
                  soft_wrap=True)
    for url, years in d.stale_pages:
        err.print(f"ignored: {url} (ITA {'/'.join(map(str, years)) or '?'})", markup=False, soft_wrap=True)
    for url, why in d.skipped:
        if why in (SKIP_STALE, SKIP_ROBOTS):
            err.print(f"not fetched: {url} ({why})", markup=False, soft_wrap=True)
    for url, what in d.errors:
        err.print(f"could not read {url}: {what}", markup=False, soft_wrap=True)
    for w in d.warnings:
        err.print(f"warning: {w}", markup=False, soft_wrap=True)


# ---------------------------------------------------------------- CLI




def _home_url(raw: str) -> str:
    raw = raw.strip()
    if "://" not in raw:
        raw = "https://" + raw  # the fetcher falls back to http when https cannot connect (§3: http-only LAOs)
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in raw:
        raise UsageError(f"HOME_URL must be an http(s) address such as https://www.example.go.th/, got {raw!r}")
    return normalize_url(raw)


def cmd_discover(args: argparse.Namespace, console: Console, *,
                 transport: httpx.AsyncBaseTransport | None = None) -> int:
    from oit_checker.cli import main as cli
    from oit_checker.text.fiscal import current_fiscal_year

    home = _home_url(args.home)
    if args.max_pages < 1 or args.max_depth < 0 or args.delay < 0:
        raise UsageError("--max-pages must be ≥ 1, --max-depth ≥ 0 and --delay ≥ 0")
    fiscal_year = args.fiscal_year or args.criteria or current_fiscal_year(cli._today())
    cat = cli.load_rules(args, fiscal_year)
    fetch_settings = replace(FetchSettings(), host_delay_s=args.delay, retries=1, max_bytes=8 * 1024 * 1024,
                             document_timeout_s=45.0)
    crawl = CrawlSettings(max_pages=args.max_pages, max_depth=args.max_depth, robots=not args.ignore_robots)
    err = cli.make_console(stderr=True)

    async def run(progress: Callable[[str, int], None] | None) -> Discovery:
        client = build_client(fetch_settings, transport=transport)
        # As in `check`: after a certificate error, fetch again without verification only when asked.
        insecure = build_client(fetch_settings, verify=False, transport=transport) if args.insecure else None
        try:
            fetcher = Fetcher(client, fetch_settings, insecure_client=insecure)
            return await discover(home, cat, fetcher, fiscal_year=fiscal_year, settings=crawl, on_page=progress)
        finally:
            await client.aclose()
            if insecure is not None:
                await insecure.aclose()

    if err.is_terminal:
        with err.status(f"looking for the ITA {cat.criteria_year} page of {home} …") as status:
            result = asyncio.run(run(lambda url, depth: status.update(f"[{depth}] {url[:100]}")))
    else:
        result = asyncio.run(run(None))

    name = args.name or agency_name_from_title(result.home_title, urlsplit(home).hostname or home)
    final = urlsplit(result.home_final)
    if final.scheme and final.hostname == urlsplit(home).hostname and final.scheme != urlsplit(home).scheme:
        home = final.scheme + home[home.index(":"):]  # https failed and http worked (or the reverse): say so
    command = "oit-checker discover " + " ".join(
        [home] + ([f"--fiscal-year {args.fiscal_year}"] if args.fiscal_year else [])
        + ([f"--criteria {args.criteria}"] if args.criteria else []))
    text = render_manifest(result, cat, name=name, home=home, fiscal_year=fiscal_year, command=command)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        console.file.write(text)
        console.file.flush()
    print_summary(err, result, table=err.is_terminal)
    if args.output:
        err.print(f"wrote {args.output}", markup=False, soft_wrap=True)
    return EXIT_FOUND if result.found else EXIT_NOT_FOUND


def add_discover_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `discover` on the CLI's subparsers."""
    p = sub.add_parser(
        "discover", help="find the agency's ITA/OIT page and write a draft manifest",
        description="Crawl the agency's own site from its home page (same site, bounded, polite), find its "
                    "ITA/OIT page for the wanted year and map its links to item codes. Writes a draft "
                    "manifest (TOML) with a confidence per URL and the items with no link. Exit codes: "
                    "0 an ITA page was found · 1 none found · 2 usage or configuration error.")
    p.add_argument("home", metavar="HOME_URL", help="the agency's home page, e.g. https://www.example.go.th/")
    p.add_argument("--criteria", type=int, metavar="YEAR", help="ITA criteria year (default: follows the fiscal year)")
    p.add_argument("--fiscal-year", type=int, metavar="N",
                   help="Buddhist-Era fiscal year (default: --criteria, else today's)")
    p.add_argument("--rules", metavar="FILE", help="use this rule catalogue instead of the bundled one")
    p.add_argument("--name", help="agency name for the manifest (default: from the home page <title>)")
    p.add_argument("--max-pages", type=int, default=DEFAULT_MAX_PAGES, metavar="N",
                   help="pages fetched at most (default: %(default)s)")
    p.add_argument("--max-depth", type=int, default=DEFAULT_MAX_DEPTH, metavar="N",
                   help="link hops from the home page (default: %(default)s)")
    p.add_argument("--delay", type=float, default=DEFAULT_DELAY_S, metavar="SECONDS",
                   help="pause between two requests to the site (default: %(default)s)")
    p.add_argument("--ignore-robots", action="store_true", help="do not honour the site's robots.txt")
    p.add_argument("--insecure", action="store_true",
                   help="after a certificate error, still fetch the page without verification")
    p.add_argument("--output", metavar="FILE", help="write the manifest to FILE instead of stdout")


DISCOVER_COMMANDS: dict[str, Callable[[argparse.Namespace, Console], int]] = {"discover": cmd_discover}
