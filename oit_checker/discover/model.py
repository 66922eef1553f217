"""What discovery finds: pages read, links with the context that tells their item, item → links."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

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


RANK = {LinkConfidence.HIGH: 0, LinkConfidence.MEDIUM: 1, LinkConfidence.LOW: 2}


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
    listing_years: tuple[int, ...] = ()  # ITA years named by the used index pages or their link sections

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


