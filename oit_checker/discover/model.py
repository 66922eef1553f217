"""What discovery finds: pages read, links with the context that tells their item, item → links."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from oit_checker.catalogue.mapping import MappedItem
from oit_checker.catalogue.migrate import compose_mappings
from oit_checker.model import Catalogue
from oit_checker.text import i18n

DEFAULT_MAX_PAGES = 60
DEFAULT_MAX_DEPTH = 4  # home → ITA menu → year → topic page, whose "เปิด" links are the evidence
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
    section: int = 0  # which heading opens the link's section (0: none); links of one section share it
    section_title: str = ""  # that heading's text ("OIT ประจำปี 2568", "แบบฟอร์มสำหรับประชาชน")


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
    code_labels: tuple[tuple[str, tuple[int, ...]], ...] = ()  # (text, years) of labels opening with a code
    requested: str = ""  # the URL the crawler asked for, when a redirect led to `url`


@dataclass(frozen=True)
class ItemLink:
    url: str
    confidence: LinkConfidence
    signal: str  # code · row · heading · slug · title
    why: str
    page: str  # the index page the link was found on


@dataclass(frozen=True)
class YearMapping:
    """How one ITA year's item codes became another's (rules/mapping-<from>-<to>.toml, or a chain of them)."""

    from_year: int
    to_year: int
    items: Mapping[str, MappedItem]  # from-year code → where it went
    source: str  # the file(s), for the draft: "mapping-2568-2569.toml"


@dataclass(frozen=True)
class RuleSet:
    """The catalogues discovery may read a listing against, and the item mappings between their years.

    `fixed`: one catalogue was asked for (--criteria, --rules): it is used whatever the listing's year.
    """

    catalogues: Mapping[int, Catalogue]  # criteria year → catalogue
    mappings: Mapping[tuple[int, int], YearMapping] = field(default_factory=dict)  # (from, to) → mapping
    fixed: bool = False

    @property
    def newest(self) -> Catalogue:
        return self.catalogues[max(self.catalogues)]

    def catalogue_for(self, fiscal_year: int) -> Catalogue:
        """ITA N assesses FY N: that catalogue, else the latest older one, else the oldest."""
        years = sorted(self.catalogues)
        older = [y for y in years if y <= fiscal_year]
        return self.catalogues[older[-1] if older else years[0]]

    def mapping(self, from_year: int, to_year: int) -> YearMapping | None:
        """The item mapping from one year's codes to a later year's: a file, or a chain of yearly files."""
        if from_year >= to_year:
            return None
        direct = self.mappings.get((from_year, to_year))
        if direct is not None:
            return direct
        step = self.mappings.get((from_year, from_year + 1))
        rest = self.mapping(from_year + 1, to_year) if step is not None else None
        return compose(step, rest) if step is not None and rest is not None else None


def compose(first: YearMapping, then: YearMapping) -> YearMapping:
    """`first` followed by `then` (2567 → 2568 → 2569): an item dropped on the way has no successor."""
    return YearMapping(first.from_year, then.to_year, compose_mappings([first.items, then.items]),
                       f"{first.source} + {then.source}")


@dataclass(frozen=True)
class Listing:
    """The ITA/OIT listing the mapping came from, and what it says about its year."""

    year: int | None = None  # the year the listing names (None: no listing, or one that names no year)
    carried: YearMapping | None = None  # its codes were carried to the criteria year through this mapping
    titles_only: bool = False  # another year's listing with no mapping: only title matches were kept
    named: tuple[str, ...] = ()  # items the listing names, linked or not
    menus: tuple[str, ...] = ()  # items whose links came from the site's menus and category pages


@dataclass(frozen=True)
class SkippedListing:
    """A page of another scheme's listing, left out of the mapping."""

    url: str
    label: str  # "MOIT (กระทรวงสาธารณสุข)", "school ITA Online (O1–O43)"
    why: str
    years: tuple[int, ...] = ()


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
    refused: tuple[str, ...] = ()  # of those, the URLs the fetch policy refused (a private or loopback address)
    listing: Listing = field(default_factory=Listing)
    other_schemes: tuple[SkippedListing, ...] = ()  # MOIT / school … listings, none of whose links are used
    fiscal_year: int | None = None  # the fiscal year the draft is for
    year_note: str = ""  # how the criteria and fiscal year were chosen, when no year was given
    hints: dict[str, str] = field(default_factory=dict)  # item → where to look, for items left without a link

    @property
    def found(self) -> bool:
        """An ITA/OIT listing was read, or the menus gave at least one item a link."""
        return bool(self.index_pages) or any(self.items.values())

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




# The values of discover's reasons that are other reasons, not words quoted from a page.
_NESTED_WHY = frozenset({"link", "menu", "why"})


def why_text(key: str, /, **values: object) -> str:
    """Why a link was put under an item (`ItemLink.why`), in English from strings.toml [discover_why]: the
    terminal's table rewords it (i18n.reword). Words quoted from a page have their double quotes turned into
    curly ones, so a quote always ends where the wording's own quote does."""
    clean = {k: v.replace('"', "”") if isinstance(v, str) and k not in _NESTED_WHY else v for k, v in values.items()}
    return i18n.text(f"discover_why.{key}", "en", **clean)
