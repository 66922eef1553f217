"""Items from the site's menus (pure): for sites with no ITA listing, or a listing that leaves items out.

Many local-administration sites have no OIT page at all: each item is an ordinary menu entry titled
with the item's Thai title or a near variant ("นโยบายไม่รับของขวัญ no gift policy"), leading to a
category page that lists posts of several years. So, for every item the listing neither links nor names:

1. the menu entries (site navigation, sidebars; and links on a page about ITA/OIT that is not itself a
   listing, such as "ศูนย์ข้อมูลข่าวสาร") whose text matches one of the item's titles (titles.py);
2. per entry: when the item is a page in itself (`[items.discover] page = true`: news, contact,
   E-Service, the complaint channel) or the entry is a document or a post, the entry's URL; when the
   entry's page lists posts, the posts of the period the item asks for (periods.py); when none fits,
   nothing — a category of other years' posts is no evidence for this year.

Every link found this way is low: only a title tied it to the item. A site whose only listing belongs to
another scheme (a school's "ITA Online", MOIT) is assessed under that scheme: its menus are not used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from oit_checker.discover.model import Anchor, Discovery, ItemLink, LinkConfidence, PageScan, why_text
from oit_checker.discover.periods import choose
from oit_checker.discover.schemes import SchemeVerdict, anchor_is_moit
from oit_checker.discover.titles import TitleHit, Titles, informative, short
from oit_checker.model import Catalogue, Item
from oit_checker.text.thai import normalize
from oit_checker.text.urls import DOCUMENT_EXTENSIONS, UPLOAD_PATH_MARKERS, canonical_drive, extension, same_site

_MIN_POST_TITLE = 6  # characters: shorter link texts in a category page are pagination and buttons


@dataclass(frozen=True)
class Entry:
    """A menu entry whose title is an item's."""

    item: str
    url: str
    text: str
    hit: TitleHit
    page: str  # where the entry was seen


def is_file_url(url: str) -> bool:
    """A URL that serves a file rather than a page: a document extension, a Drive file, or an upload path
    that does not end in "/" (a vendor's "/download/C00012/" is a page listing downloads)."""
    if extension(url) in DOCUMENT_EXTENSIONS:
        return True
    drive = canonical_drive(url)
    if drive is not None and drive.kind != "folder":
        return True
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    where = parts.path.lower() + ("?" + parts.query.lower() if parts.query else "")
    return any(m in where for m in UPLOAD_PATH_MARKERS) and not parts.path.endswith("/")


def items_to_fill(d: Discovery, schemes: Sequence[SchemeVerdict]) -> tuple[str, ...]:
    """Items the listing neither links nor names (those already filled from menus included); none at all
    on another scheme's site."""
    if not d.index_pages and any(v.other for v in schemes):
        return ()
    named = set(d.listing.named)
    return tuple(item for item, links in d.items.items()
                 if (not links or item in d.listing.menus) and item not in named)


def menu_entries(pages: Sequence[PageScan], catalogue: Catalogue, schemes: Sequence[SchemeVerdict],
                 wanted: Sequence[str], index_pages: Sequence[str] = ()) -> list[Entry]:
    """The entries naming one of the `wanted` items, in the order first seen (one per URL). Per item, an
    entry named exactly as the item ("ข่าวประชาสัมพันธ์") makes entries that merely hold a title phrase
    ("ประชาสัมพันธ์การตอบแบบวัด EIT") give way."""
    if not wanted:
        return []
    titles = Titles(catalogue)
    want = set(wanted)
    other = {pages[i].url for i, v in enumerate(schemes) if v.other}
    listings = set(index_pages)
    out: dict[str, Entry] = {}
    for p_i, page in enumerate(pages):
        if schemes[p_i].other:
            continue
        for anchor in page.anchors:
            if anchor.url in out or anchor.url in other or not _entry_like(anchor, page, listings):
                continue
            hit = titles.hit(anchor.text)
            if hit is not None and hit.item in want and (anchor.chrome or _covers(hit, anchor.text)):
                out[anchor.url] = Entry(hit.item, anchor.url, anchor.text, hit, page.url)
    exact = {e.item for e in out.values() if e.hit.exact}
    return [e for e in out.values() if e.hit.exact or e.item not in exact]


def _covers(hit: TitleHit, text: str) -> bool:
    """A content link (not a menu) counts as an entry only when the title phrase is most of its text: a
    post "ประชาสัมพันธ์การตอบแบบวัด EIT …" merely holds O4's "ประชาสัมพันธ์"."""
    return hit.exact or hit.length * 2 >= len(normalize(text))


def _entry_like(anchor: Anchor, page: PageScan, listings: set[str]) -> bool:
    if not informative(anchor.text) or anchor_is_moit(anchor):
        return False
    if anchor.chrome:
        return True
    # On a page about ITA/OIT that is not a listing ("ศูนย์ข้อมูลข่าวสาร"), the content links are a menu too.
    return page.ita_like and page.url not in listings


def entries_to_read(pages: Sequence[PageScan], entries: Sequence[Entry], catalogue: Catalogue) -> list[Entry]:
    """Entries whose page must be read to find the posts: not page-type items, not files, not read yet."""
    read = {p.url for p in pages} | {p.requested for p in pages if p.requested}
    kinds = {item.id: item for item in catalogue.items}
    return [e for e in entries if not kinds[e.item].discover.page and not is_file_url(e.url) and e.url not in read]


def category_posts(page: PageScan) -> list[Anchor]:
    """The posts a category page lists: its own-site content links to pages (not files), titled."""
    out: dict[str, Anchor] = {}
    own = {page.url, page.requested}
    for anchor in page.anchors:
        url = anchor.url
        if anchor.chrome or url in own or url in out or not same_site(url, page.url) or is_file_url(url):
            continue
        if urlsplit(url).path in ("", "/") or not informative(anchor.text) or len(anchor.text) < _MIN_POST_TITLE:
            continue
        if anchor_is_moit(anchor):
            continue
        out[url] = anchor
    return list(out.values())


def _links_for(entry: Entry, item: Item, by_url: dict[str, PageScan], fiscal_year: int) -> list[ItemLink]:
    menu = why_text("menu", entry=short(entry.text, 60), phrase=entry.hit.phrase)
    page = by_url.get(entry.url)
    if item.discover.page or is_file_url(entry.url) or page is None:
        read = page is not None or item.discover.page or is_file_url(entry.url)
        why = menu if read else why_text("menu_unread", menu=menu)
        return [ItemLink(entry.url, LinkConfidence.LOW, "menu", why, entry.page)]
    posts = category_posts(page)
    if not posts:
        return [ItemLink(entry.url, LinkConfidence.LOW, "menu", menu, entry.page)]
    rules = item.discover.periods or (item.fiscal_year_rule,)
    chosen = choose([p.text for p in posts], rules, fiscal_year)
    return [ItemLink(posts[i].url, LinkConfidence.LOW, "menu",
                     why_text("menu_post", menu=menu, post=short(posts[i].text, 80)), page.url)
            for i in chosen]


def fill_from_menus(d: Discovery, pages: Sequence[PageScan], catalogue: Catalogue,
                    schemes: Sequence[SchemeVerdict], fiscal_year: int) -> Discovery:
    """`d` with the items the listing left out filled from the site's menus (see the module docstring)."""
    wanted = items_to_fill(d, schemes)
    entries = menu_entries(pages, catalogue, schemes, wanted, d.index_pages)
    if not entries:
        return d
    by_url: dict[str, PageScan] = {}
    for page in pages:
        by_url.setdefault(page.url, page)
        if page.requested:
            by_url.setdefault(page.requested, page)
    items = dict(d.items)
    filled: list[str] = []
    hints = dict(d.hints)
    for item in catalogue.items:
        mine = [e for e in entries if e.item == item.id]
        links: dict[str, ItemLink] = {}
        for entry in mine:
            for link in _links_for(entry, item, by_url, fiscal_year):
                links.setdefault(link.url, link)
        if links:
            items[item.id] = tuple(links.values())
            filled.append(item.id)
        elif mine:
            # The entry's category holds posts, none of the period asked: say where to look.
            hints[item.id] = f'menu entry "{short(mine[0].text, 60)}" ({mine[0].url}): no post of the period asked'
    return replace(d, items=items, listing=replace(d.listing, menus=tuple(filled)), hints=hints)
