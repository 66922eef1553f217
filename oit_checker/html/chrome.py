"""Site chrome: which elements of a page are menus, sidebars, footers and widgets rather than content.

The one home of "is this the menu": the HTML extractor strips chrome before reading a page's text, page
facts and discovery ask it whether a link sits in the chrome.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser, LexborNode

from oit_checker.text.urls import normalize_url

_SPACE_RE = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")


# Site chrome: menus, sidebars and footers repeat on every page and name every topic of the site
# ("แผนการดำเนินงาน", "งบประมาณ" …), so left in they would evidence components the page does not hold.
#
# Class and id names are matched whole, never split into words: "elementor-widget-container" holds an
# Elementor page's text and "site-content no-sidebar" is the content column of a page without a sidebar,
# yet both contain a chrome word. A name is chrome when it is a well-known chrome name ("sidebar",
# "widget-area", "main-menu"), or starts with a chrome word ("sidebar-left", "footer-widgets",
# "menu-main-menu-container"), or ends with one once a layout suffix is dropped ("left-sidebar",
# "site-footer-wrap"); never when it starts with a negation or a page builder's prefix ("no-sidebar",
# "has-sidebar", "elementor-widget-…", "wp-block-…").
_CHROME_TAGS = ("nav", "aside", "footer", "header")
_CHROME_NAMES = frozenset({
    "menu", "menubar", "mainmenu", "topmenu", "leftmenu", "sidemenu", "navmenu", "submenu", "megamenu",
    "dropdown", "nav", "navbar", "navigation", "mainnav", "topnav", "sidenav", "sidebar", "leftsidebar",
    "rightsidebar", "widget", "widgets", "footer", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "topbar",
    "offcanvas", "copyright", "social", "share", "sharing", "sharedaddy", "secondary", "masthead",
    "site-header", "header-menu", "sf-menu", "dropdown-menu", "navbar-nav",
})  # fmt: skip
# A name starting with one of these words is chrome ("sidebar-left", "footer-widgets", "nav-item").
_CHROME_HEADS = frozenset({
    "menu", "menubar", "submenu", "megamenu", "mega", "nav", "navbar", "navigation", "sidebar", "widget",
    "widgets", "footer", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "topbar", "offcanvas", "copyright",
    "social", "share", "sharing",
})  # fmt: skip
# … or ending with one ("main-menu", "left-sidebar", "site-footer", "main-navigation", "footer-copyright").
_CHROME_TAILS = frozenset({
    "menu", "menubar", "submenu", "nav", "navbar", "navigation", "sidebar", "widgets", "footer", "breadcrumb",
    "breadcrumbs", "crumb", "crumbs", "topbar", "offcanvas", "copyright",
})  # fmt: skip
# Layout suffixes dropped before the tail test: "menu-main-menu-container", "site-footer-wrap".
_LAYOUT_SUFFIXES = frozenset({
    "container", "wrap", "wrapper", "inner", "area", "holder", "box", "block", "section", "outer", "top",
    "bottom", "left", "right", "1", "2", "3",
})  # fmt: skip
# First words that say the name is not chrome: a state ("no-sidebar", "has-sidebar") or a page builder's
# element ("elementor-widget-container", "wp-block-navigation", "et_pb_…", "fl-module-…", "vc_…").
_NOT_CHROME_HEADS = frozenset({
    "no", "not", "has", "with", "without", "is", "hide", "hidden", "show", "toggle", "elementor", "e", "wp",
    "et", "fl", "vc", "wpb", "so", "kc", "uagb", "gb", "kb", "fusion", "tdb", "td", "jeg", "brxe",
})  # fmt: skip
# Names of the widget family are page-builder blocks when they sit inside a post's own content (SiteOrigin's
# "so-panel widget widget_sow-editor" holds the page's text); elsewhere they are the theme's sidebar widgets.
_WIDGET_HEADS = frozenset({"widget", "widgets"})
_NAV_WORDS = frozenset({"menu", "menubar", "submenu", "megamenu", "nav", "navbar", "navigation", "breadcrumb",
                        "breadcrumbs", "crumb", "crumbs", "mainmenu", "topmenu", "leftmenu", "sidemenu", "navmenu",
                        "mainnav", "topnav", "sidenav"})
_NAME_SPLIT = re.compile(r"[_-]+")

# The page's own content: never stripped, nor is any element that holds it (a layout wrapper named
# "content-sidebar-wrap" or "container sidebar-left" around <main>).
_CONTENT_SELECTOR = ",".join((
    "main", "article", "[role=main]", "#content", "#main", ".entry-content", ".post-content", ".page-content",
    ".site-main", "[data-elementor-type=wp-page]", "[data-elementor-type=wp-post]",
    "[data-elementor-type=single]", "[data-elementor-type=single-post]", "[data-elementor-type=single-page]",
))
_POST_CONTENT = frozenset({"entry-content", "post-content", "page-content"})

# Safety valve: when what the rules call chrome holds nearly all of a page's text and a long run of it is
# prose rather than links, the rules have mistaken the content's wrapper for chrome. Then only the plain
# navigation (nav, aside, menus, breadcrumbs) is removed.
_VALVE_SHARE = 0.9  # share of the body text the chrome would take
_VALVE_LEFT = 200  # characters the content would keep, below which the valve is considered
_VALVE_PROSE = 500  # non-link characters of one chrome element that say it is the content


def _names(node: LexborNode) -> list[str]:
    attrs = node.attributes
    raw = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    return [n for n in raw.split() if n]


def _name_kind(name: str) -> str | None:
    """'nav' (menus, breadcrumbs), 'widget', 'footer', 'chrome' (other chrome) or None (not chrome)."""
    words = [w for w in _NAME_SPLIT.split(name) if w]
    if not words or words[0] in _NOT_CHROME_HEADS:
        return None
    joined = "-".join(words)
    if joined in _CHROME_NAMES or joined.replace("-", "") in _CHROME_NAMES:
        word = joined.replace("-", "") if joined not in _CHROME_NAMES else joined
    elif words[0] in _CHROME_HEADS:
        word = words[0]
    else:
        while len(words) > 1 and words[-1] in _LAYOUT_SUFFIXES:
            words = words[:-1]
        if words[-1] not in _CHROME_TAILS:
            return None
        word = words[-1]
    if word in _NAV_WORDS or word.endswith(("-menu", "-nav", "-navigation")):
        return "nav"
    if word in _WIDGET_HEADS or word.startswith("widget"):
        return "widget"
    if "footer" in word:
        return "footer"
    return "chrome"


def is_chrome_name(name: str) -> bool:
    """Whether one class or id name is a site-chrome name ("sidebar-left": yes; "no-sidebar": no)."""
    return _name_kind(name.lower()) is not None


def walk_up(node: LexborNode | None, answers: dict[int, bool], decide: Callable[[LexborNode], bool | None],
            stop: tuple[str, ...] = ()) -> bool:
    """The answer of the first element from `node` up that `decide`s (True or False; None: ask the one above), False
    at the top or at a tag in `stop`. `answers` (by mem_id, one dict for one question) keeps the answer of every
    element passed on the way: a walk stops at the first element already answered, so that asking every element of
    a page nested thousands deep costs its size, not the square of its depth."""
    passed: list[int] = []
    found = False
    while node is not None and node.tag not in stop:
        key = node.mem_id
        known = answers.get(key)
        if known is not None:
            found = known
            break
        decided = decide(node)
        if decided is not None:
            answers[key] = found = decided
            break
        passed.append(key)
        node = node.parent
    for key in passed:
        answers[key] = found
    return found


class Above:
    """What lies above the elements of one parsed page, each element's answer to each question worked out once
    (`walk_up`: 2,000 nested tables took minutes when every element's ancestors were walked for each question).
    Keep one for as long as the tree is unchanged (an element removed frees its id for another)."""

    def __init__(self) -> None:
        self._answers: dict[Callable[[LexborNode], bool], dict[int, bool]] = {}

    def at_or_above(self, node: LexborNode | None, test: Callable[[LexborNode], bool]) -> bool:
        """Whether `node` or an element above it meets `test` (False for None)."""
        return walk_up(node, self._answers.setdefault(test, {}), lambda n: True if test(n) else None)

    def above(self, node: LexborNode, test: Callable[[LexborNode], bool]) -> bool:
        """Whether an element above `node` (not `node` itself) meets `test`."""
        return self.at_or_above(node.parent, test)


def _content_tag(node: LexborNode) -> bool:
    return node.tag in ("article", "main")


def _post_holder(node: LexborNode) -> bool:
    return (node.tag == "article" or bool(set(_names(node)) & _POST_CONTENT)
            or node.attributes.get("data-elementor-type") in ("wp-page", "wp-post", "single", "single-post"))


def _nav_tag(node: LexborNode) -> bool:
    return node.tag in ("nav", "aside")


def _chrome_kind(node: LexborNode, above: Above | None = None) -> str | None:
    """'nav' for plain navigation, 'chrome' for other site chrome, None for content. `above`: the page's (a
    fresh one when not given)."""
    attrs = node.attributes
    tag = node.tag or ""
    role = attrs.get("role")
    if tag in ("nav", "aside") or role in ("navigation", "complementary"):
        return "nav"
    kinds = {k for k in map(_name_kind, _names(node)) if k}
    if "nav" in kinds:
        return "nav"
    if "chrome" in kinds:
        return "chrome"
    if "widget" in kinds and not (above or Above()).above(node, _post_holder):
        return "chrome"
    if tag in ("header", "footer") or "footer" in kinds or role in ("banner", "contentinfo"):
        # An article's own <header>/<footer> holds its title and date, not site chrome.
        return None if (above or Above()).above(node, _content_tag) else "chrome"
    return None


def is_chrome_node(node: LexborNode, above: Above | None = None) -> bool:
    """Whether the element is site chrome (before the content and safety-valve checks of `strip_chrome`).
    `above`: the page's, when many elements of one page are asked."""
    return _chrome_kind(node, above) is not None


def _text_len(node: LexborNode) -> int:
    return len(_SPACE_RE.sub("", node.text() or ""))


def _prose_len(node: LexborNode) -> int:
    """Characters outside links: a menu or a news list is nearly all links, a plan or a letter is not."""
    return _text_len(node) - sum(_text_len(a) for a in node.css("a"))


def _content_holders(root: LexborNode, above: Above) -> set[int]:
    """mem_ids of the content elements and of every element that holds one."""
    held: set[int] = set()
    for node in root.css(_CONTENT_SELECTOR):
        if above.at_or_above(node, _nav_tag):
            continue  # a "latest news" widget's <article> entries are not the page's content
        cur: LexborNode | None = node
        while cur is not None and cur.mem_id not in held:  # whatever holds an element held holds it too
            held.add(cur.mem_id)
            cur = cur.parent
    return held


def _outermost(nodes: list[LexborNode]) -> list[LexborNode]:
    """`nodes` without those inside another of them."""
    ids = {n.mem_id for n in nodes}

    def listed(node: LexborNode) -> bool:
        return node.mem_id in ids

    above = Above()  # its test is this call's own
    return [n for n in nodes if not above.above(n, listed)]


FOOTER_CHARS = 4000  # of a page's footer text kept (`Document.footer`): an address, telephones, e-mail, a line ID


def _is_footer(node: LexborNode) -> bool:
    """A footer, or a copyright block (`div.copyright`, where old templates put the address)."""
    attrs = node.attributes
    return node.tag == "footer" or attrs.get("role") == "contentinfo" or any(
        _name_kind(name) == "footer" or "copyright" in name.lower() for name in _names(node))


def _footer_text(nodes: list[LexborNode]) -> str:
    """The text of the footers among the chrome removed, a line per text node, bounded."""
    lines: list[str] = []
    size = 0
    seen: set[int] = set()
    for node in nodes:
        if node.mem_id in seen or not _is_footer(node):
            continue  # a selector list yields an element once per selector it meets
        seen.add(node.mem_id)
        for piece in (node.text(separator="\n") or "").split("\n"):
            line = _SPACE_RE.sub(" ", piece).strip()
            if line:
                lines.append(line)
                size += len(line) + 1
                if size >= FOOTER_CHARS:
                    return "\n".join(lines)[:FOOTER_CHARS]
    return "\n".join(lines)


# An old table-layout page names none of its chrome (`<td class="style7">`, `<td class="style12">`): its menus are read
# from their shape (review46 b21). A bar: one table cell of only short links apart by separators ("หน้าแรก |
# ข้อมูลทั่วไป | ข่าวประชาสัมพันธ์ | E-Service | ติดต่อเรา"). A column: a table headed by a menu's name (":: เมนูหลัก ::")
# whose every other row is one short link or a banner ("ประวัติ อบต.", "E-Service บริการออนไลน์", "ร้องเรียนร้องทุกข์").
# Only on a page where nothing else is chrome, and outside its content: a list of documents, one link a row, is
# content, as is a year's choice "๒๕๖๗ | ๒๕๖๘" on a page whose template names its menus.
_BAR_SEPARATORS = re.compile(r"[\s|:·•»/\\\-–—]*")
_BAR_LINKS = 3  # links of a bar at least
_BAR_MOST_LINKS = 60  # and at most: a cell holding more is a page of links, not a bar (and reading each is dear)
_MENU_LINK_CHARS = 40  # characters of a menu's link at most
_MENU_HEADING = re.compile(r"\W*(?:เมนู|menu)", re.IGNORECASE)
_MENU_ROWS = 3  # rows of one link under a column's heading at least


def _short_links(node: LexborNode, links: list[LexborNode] | None = None) -> list[LexborNode] | None:
    """The links of `node` (`links`, when found already), when each has a short text; None when one does not or
    there is none."""
    links = node.css("a[href]") if links is None else links
    if not links or any(_text_len(a) > _MENU_LINK_CHARS for a in links):
        return None
    return links


def _menu_bar(node: LexborNode, crowded: set[int]) -> bool:
    """`crowded`: elements known to hold more than `_BAR_MOST_LINKS` links, which gets `node` if it does, and
    everything holding it."""
    if node.mem_id in crowded:
        return False
    links = node.css("a[href]")
    if len(links) > _BAR_MOST_LINKS:
        cur: LexborNode | None = node
        while cur is not None and cur.mem_id not in crowded:
            crowded.add(cur.mem_id)
            cur = cur.parent
        return False
    if len(links) < _BAR_LINKS or _short_links(node, links) is None:
        return False
    rest = node.text() or ""
    for a in links:
        rest = rest.replace(a.text() or "", " ", 1)
    return _BAR_SEPARATORS.fullmatch(rest) is not None


_WORD = re.compile(r"\w")


def _text_start(node: LexborNode, chars: int = 8) -> str:
    """The start of `node.text()`: up to `chars` characters past its first word character (all `_MENU_HEADING`
    looks at), without reading the rest of a large element."""
    got = ""
    for piece in node.traverse(include_text=True):
        if piece.tag == "-text":
            got += piece.text_content or ""
            first = _WORD.search(got)
            if first is not None and len(got) >= first.start() + chars:
                break
    return got


def _rows(table: LexborNode) -> list[LexborNode]:
    """The table's own rows, in order: <tr> children, grandchildren (in <tbody>) or great-grandchildren, not the
    rows of a table inside one of its cells."""
    out: list[LexborNode] = []

    def visit(node: LexborNode, depth: int) -> None:
        for child in node.iter():
            if child.tag == "tr":
                out.append(child)
            if depth < 3:
                visit(child, depth + 1)

    visit(table, 1)
    return out


def _menu_column(table: LexborNode) -> bool:
    rows = _rows(table)
    if not rows or not _MENU_HEADING.match(_text_start(rows[0])) or _short_links(rows[0]) is not None:
        return False
    linked = 0
    for row in rows[1:]:
        found = row.css("a[href]")
        if len(found) > 1 and row.css_first("img") is None:
            return False  # two links or more with no banner: not a menu's row, whatever their length
        links = _short_links(row, found)
        if links is None:
            if _text_len(row) and not row.css_first("img"):
                return False  # a row of text: not a menu
            continue  # a banner or a spacer
        if len(links) != 1 or _text_len(row) != _text_len(links[0]):
            return False
        linked += 1
    return linked >= _MENU_ROWS


def _table_menus(root: LexborNode, above: Above) -> list[LexborNode]:
    """The menus of a table-layout page that names none (module comment above), outside its content."""
    out = []
    # A bar is a cell: a <td>, or a <th> holding no block (a selector asked of an element also meets the element
    # itself, so a <div> or a <p> always "holds a block" and is never a bar). The last cell first: a cell holding
    # too many links to be a bar says so of the cells around it (`_menu_bar`).
    crowded: set[int] = set()
    for node in reversed(root.css("td,th")):
        if above.above(node, _content_tag):
            continue
        if (node.tag == "td" or node.css_first("td,div,p") is None) and _menu_bar(node, crowded):
            out.append(node)
    out.reverse()
    for table in root.css("table"):
        if not above.above(table, _content_tag) and _menu_column(table):
            out.append(table)
    return _outermost(out)


def strip_chrome(tree: LexborHTMLParser, base_url: str = "") -> tuple[set[str], str, str]:
    """Remove the site chrome; return the URLs its anchors pointed at, a note when the safety valve kept all but
    the plain navigation ("" otherwise), and the text of the footers removed (`FOOTER_CHARS` at most)."""
    root = tree.body
    if root is None:
        return set(), "", ""
    above = Above()
    held = _content_holders(root, above)
    # A selector list yields an element once for each selector it meets (a <footer id=…> twice), and the safety
    # valve below counts such an element's text as often: the valve's threshold was set on pages read so.
    found = [(n, kind) for n in root.css(",".join(_CHROME_TAGS) + ",[class],[id],[role]")
             if n.mem_id not in held and (kind := _chrome_kind(n, above))]
    if not found:
        found = [(n, "nav") for n in _table_menus(root, above) if n.mem_id not in held]
    doomed = _outermost([n for n, _ in found])
    note = ""
    if doomed:
        total = _text_len(root)
        removed = sum(_text_len(n) for n in doomed)
        if (total and removed > _VALVE_SHARE * total and total - removed < _VALVE_LEFT
                and max(_prose_len(n) for n in doomed) >= _VALVE_PROSE):
            doomed = _outermost([n for n, kind in found if kind == "nav"])
            note = f"chrome: only menus stripped (the rest held {removed} of {total} characters)"
    footer = _footer_text(doomed)
    chrome_urls: set[str] = set()
    for node in doomed:
        for a in node.css("a[href]"):
            chrome_urls.add(normalize_url(a.attributes.get("href") or "", base_url))
        node.decompose()
    return chrome_urls, note, footer
