"""Home page → draft manifest (`oit-checker discover`).

* **Pure** — `scan_page` (scan.py) reads one HTML page into a `PageScan`: every link with the context a
  person would use to tell which OIT item it belongs to (the link text, the table row it sits in, the
  heading, tab, accordion label or parent menu entry above it, the section's ITA year), and the labels that
  name item codes. `map_pages` (mapper.py) turns the scans of the pages found into item → [`ItemLink`(url,
  confidence, why)]: it sets aside other schemes' listings (schemes.py: MOIT, school "ITA Online"
  variants), chooses the listing of the year under check (carrying another year's codes through the item
  mapping, never by equal number), and fills the items the listing leaves out from the site's menus and
  their category pages (menus.py, titles.py, periods.py). `render_manifest` (draft.py) writes the draft.
* **I/O** — `discover` (crawl.py) crawls the agency's own site with the shared `Fetcher`: breadth-first
  from the home page, following what looks like ITA/OIT, bounded in depth and pages, honouring robots.txt,
  preferring pages that name the wanted ITA year; then reads the category pages behind the menu entries
  of the items still missing. Without a year given, the newest listing's year decides the criteria.

Mapping signals, strongest first:

    high    an item code in the link text: O24, o24, O24., O 24, O.24, OIT 24, OIT-O5, o๒๔; inside an OIT
            listing also ข้อ 24, 024, 24. …
    medium  a code in the same table row (first cell "O24", "o24", "๒๔", "ข้อ 24"; rowspan honoured),
            in the nearest heading / accordion toggle / parent menu entry / bold linked label above the
            link, or in the link's URL slug (Google Sites / WordPress child pages: /o24-…)
    low     only a title: the link's (or its table row's) text holds a title phrase or variant of the
            item, a menu entry and the posts of its category page, or a code carried from another
            year's listing through rules/mapping-*.toml

Rules, decisions and limits for users: docs/discover.md.
"""

from oit_checker.discover.codes import code_in_label, ita_text, ita_url, slug_code
from oit_checker.discover.crawl import CrawlSettings, discover
from oit_checker.discover.draft import agency_name_from_title, render_manifest
from oit_checker.discover.mapper import guess_item, map_pages
from oit_checker.discover.model import (
    MIN_INDEX_ITEMS,
    SKIP_BUDGET,
    SKIP_ROBOTS,
    SKIP_STALE,
    Anchor,
    Discovery,
    ItemLink,
    LinkConfidence,
    Listing,
    PageScan,
    RuleSet,
    SkippedListing,
    YearMapping,
)
from oit_checker.discover.scan import scan_page

__all__ = [
    "MIN_INDEX_ITEMS", "SKIP_BUDGET", "SKIP_ROBOTS", "SKIP_STALE", "Anchor", "CrawlSettings", "Discovery",
    "ItemLink", "LinkConfidence", "Listing", "PageScan", "RuleSet", "SkippedListing", "YearMapping",
    "agency_name_from_title", "code_in_label", "discover", "guess_item", "ita_text", "ita_url", "map_pages",
    "render_manifest", "scan_page", "slug_code",
]
