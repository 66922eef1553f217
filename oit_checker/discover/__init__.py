"""Home page → draft manifest (`oit-checker discover`).

* **Pure** — `scan_page` (scan.py) reads one HTML page into a `PageScan`: every link with the context a
  person would use to tell which OIT item it belongs to (the link text, the table row it sits in, the
  heading, accordion label or parent menu entry above it, the section's ITA year). `map_pages` (mapper.py)
  turns the scans of the pages found into item → [`ItemLink`(url, confidence, why)], choosing the ITA
  page(s) of the wanted year and ignoring stale ones. `render_manifest` (draft.py) writes the draft TOML.
* **I/O** — `discover` (crawl.py) crawls the agency's own site with the shared `Fetcher`: breadth-first
  from the home page, following only links whose text or URL looks like ITA/OIT, bounded in depth and
  pages, honouring robots.txt, and preferring pages that name the wanted ITA year.

Mapping signals, strongest first:

    high    an item code in the link text: O24, o24, O24., O 24, OIT 24, MOIT 24, o๒๔, ข้อ 24, 024 …
    medium  a code in the same table row (first cell "O24", "o24", "๒๔", "ข้อ 24"; rowspan honoured),
            in the nearest heading / accordion toggle / parent menu entry above the link, or in the
            link's URL slug (Google Sites / WordPress child pages: /o24-…)
    low     only the link's Thai title (or its table row's) contains a title phrase of the item

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
    PageScan,
)
from oit_checker.discover.scan import scan_page

__all__ = [
    "MIN_INDEX_ITEMS", "SKIP_BUDGET", "SKIP_ROBOTS", "SKIP_STALE", "Anchor", "CrawlSettings", "Discovery",
    "ItemLink", "LinkConfidence", "PageScan", "agency_name_from_title", "code_in_label", "discover",
    "guess_item", "ita_text", "ita_url", "map_pages", "render_manifest", "scan_page", "slug_code",
]
