"""What a page's markup says about its links, beyond the links themselves (pure, no I/O).

`links.extract_links` answers "what does this page point at". Choosing among those links the way a
person would needs more of the page (docs/real-world-sites.md):

- the *entry* an anchor sits in: an ITA index row "O25 | แผนปฏิบัติการ… | คลิก", a list item "ประกาศ …
  ประจำปีงบประมาณ 2569 · อ่านต่อ", a topic block with "เปิด" buttons. The anchor text says nothing there;
  the entry names the item and the year;
- whether an anchor is site chrome (menus, footers) or content;
- every label a URL is shown under (one URL under "ITA 2566" and "ITA 2567" is a placeholder);
- anchors with nothing behind them (`#`, `javascript:`, the page itself) and their labels;
- images in the content: an announcement posted as a JPG is the document itself;
- WordPress fingerprints (body classes, the REST API root).

One extra parse of a page the crawler decided to read; the extraction worker keeps only text and links.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from oit_checker.html.dom import JS_URL_RE, ChromeCheck, clean_text
from oit_checker.html.links import resolve_base
from oit_checker.model.page import Anchor, PageFacts, Placeholder
from oit_checker.text.charset import decode_html
from oit_checker.text.urls import (
    IMAGE_EXTENSIONS,
    canonical_drive,
    extension,
    is_placeholder,
    normalize_url,
    unwrap_viewer,
)

__all__ = ["FACTS_BYTES", "Anchor", "PageFacts", "Placeholder", "page_facts", "page_facts_from_html",
           "page_facts_from_tree"]

_WEB = ("http://", "https://")
_SPACE_RE = re.compile(r"\s+")

# An entry is the smallest block around an anchor that says more than the anchor; past this size the
# block is a whole list or page, and its text would make every link in it look relevant.
MAX_CONTEXT = 320
_ENTRY_TAGS = frozenset({
    "li", "tr", "dd", "dt", "p", "article", "section", "div", "figure", "blockquote", "h1", "h2", "h3", "h4",
    "h5", "h6", "span", "td", "th", "label", "strong", "b", "center", "font",
})  # fmt: skip
_STOP_TAGS = frozenset({"body", "html", "main", "table", "ul", "ol", "form"})
# Decoration, never a document: theme images, icons, buttons, list thumbnails.
_DECOR_RE = re.compile(
    r"(?i)(?:logo|icon|banner|button|btn|bg[-_.]|background|loading|loader|spinner|arrow|bullet|thumb|avatar|"
    r"emoji|flag|pics_topic|sprite|placeholder|blank|spacer|/themes/|/plugins/|/template/|gravatar|social|"
    r"facebook|line[-_.]|youtube|twitter|qr)"
)
_MIN_IMAGE_PX = 200


def _route(url: str) -> str:
    """The key `links.py` files a URL under: viewers unwrapped, Drive canonical."""
    unwrapped = unwrap_viewer(url)
    if unwrapped is not None:
        drive = canonical_drive(unwrapped[0])
        return drive.canonical if drive else unwrapped[0]
    drive = canonical_drive(url)
    return drive.canonical if drive else url


# A block's text read as a link's context is wanted only when it is short (at most 2 × MAX_CONTEXT): of a longer
# one, the start is cleaned, enough to tell it is too long.
_CONTEXT_RAW = 16 * MAX_CONTEXT


def _text(node: LexborNode) -> str:
    return clean_text(node.text(deep=True, separator=" ", strip=False))


class _Contexts:
    """The texts of the blocks around a page's links, each read once: anchors share ancestors, and a page of 2,000
    links in one <div> would read that div 2,000 times. Only a short text is wanted; a longer one is known as long,
    and so is every element holding it (its text holds the other's) without being read, when the links are asked
    from the last (a page of 2,000 nested blocks made every link read its ancestors' whole texts: 52 MB cleaned,
    3.3 s)."""

    def __init__(self) -> None:
        self._texts: dict[int, str] = {}
        self._long: set[int] = set()

    def text(self, node: LexborNode) -> str | None:
        """The element's text, cleaned; None when longer than 2 × MAX_CONTEXT."""
        key = node.mem_id
        if key in self._long:
            return None
        text = self._texts.get(key)
        if text is None:
            raw = node.text(deep=True, separator=" ", strip=False) or ""
            text = clean_text(raw[:_CONTEXT_RAW]) if len(raw) > _CONTEXT_RAW else ""
            if len(text) <= 2 * MAX_CONTEXT:
                text = clean_text(raw)
            if len(text) > 2 * MAX_CONTEXT:
                cur: LexborNode | None = node
                while cur is not None and cur.mem_id not in self._long:
                    self._long.add(cur.mem_id)
                    cur = cur.parent
                return None
            self._texts[key] = text
        return text


def _previous_text(node: LexborNode, contexts: _Contexts) -> str:
    """The nearest earlier sibling with a short text: the heading above a block of buttons."""
    sib = node.prev
    hops = 0
    while sib is not None and hops < 6:
        if sib.tag != "-text" or clean_text(sib.text()):
            text = contexts.text(sib) if sib.tag != "-text" else clean_text(sib.text())
            if text is None or len(text) > MAX_CONTEXT:
                return ""
            if text:
                return text
        sib = sib.prev
        hops += 1
    return ""


def _entry(node: LexborNode, own: str, contexts: _Contexts) -> str:
    cur = node.parent
    climbed: list[LexborNode] = [node]
    while cur is not None and cur.tag not in _STOP_TAGS:
        if cur.tag in _ENTRY_TAGS:
            text = contexts.text(cur)
            # A table row may carry a long description column and still be one entry.
            if text is None or len(text) > (2 * MAX_CONTEXT if cur.tag == "tr" else MAX_CONTEXT):
                break
            if len(text) > len(own) + 3:
                return text
        climbed.append(cur)
        cur = cur.parent
    # The anchor is alone in its block: the entry's name is in the block just before it.
    for n in climbed[:4]:
        before = _previous_text(n, contexts)
        if before:
            return before
    return ""


def _anchor_text(node: LexborNode) -> str:
    text = _text(node)
    if text:
        return text
    img = node.css_first("img")
    if img is not None:
        return clean_text(img.attributes.get("alt") or img.attributes.get("title"))
    return clean_text(node.attributes.get("title") or node.attributes.get("aria-label"))


_TOGGLE_ATTRS = ("data-toggle", "data-bs-toggle", "aria-controls", "aria-expanded", "data-target", "data-bs-target")
_TOGGLE_CLASS_RE = re.compile(r"(?i)toggle|collapse|accordion|dropdown|(?:^|\s)tab(?:\s|$)")


def _is_toggle(attrs: dict[str, str | None]) -> bool:
    if any(name in attrs for name in _TOGGLE_ATTRS) or (attrs.get("role") or "").lower() in ("button", "tab"):
        return True
    return bool(_TOGGLE_CLASS_RE.search(attrs.get("class") or ""))


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _is_title_link(node: LexborNode, attrs: dict[str, str | None]) -> bool:
    if "bookmark" in (attrs.get("rel") or "").lower():
        return True
    cur = node.parent
    for _ in range(3):
        if cur is None:
            return False
        if cur.tag in _HEADINGS or "title" in (cur.attributes.get("class") or "").lower():
            return True
        cur = cur.parent
    return False


def _size_ok(attrs: dict[str, str | None]) -> bool:
    for name in ("width", "height"):
        value = (attrs.get(name) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) < _MIN_IMAGE_PX:
            return False
    return True


def _content_images(tree: LexborHTMLParser, base: str, in_chrome: ChromeCheck) -> list[tuple[str, str]]:
    out: dict[str, str] = {}
    for img in tree.css("img"):
        attrs = img.attributes
        raw = attrs.get("data-src") or attrs.get("data-lazy-src") or attrs.get("src") or ""
        if not raw.strip() or raw.strip().startswith("data:"):
            continue
        url = normalize_url(clean_text(raw), base)
        if not url.startswith(_WEB) or extension(url) not in IMAGE_EXTENSIONS or _DECOR_RE.search(url):
            continue
        if not _size_ok(attrs) or in_chrome(img):
            continue
        parent_a = img.parent
        while parent_a is not None and parent_a.tag not in ("a", "body"):
            parent_a = parent_a.parent
        if parent_a is not None and parent_a.tag == "a":
            continue  # a linked image is the link's business (a thumbnail of a detail page, or the file)
        out.setdefault(url, clean_text(attrs.get("alt") or attrs.get("title")))
    return list(out.items())


# Of a page's HTML read for its facts: the head of a huge page is enough (generator, REST links, body class).
FACTS_BYTES = 2 * 1024 * 1024


def _read_links(nodes: list[LexborNode]) -> dict[int, tuple[str, str]]:
    """Each link's text and entry by mem_id, read from the last link: an inner block's text is read before the
    blocks around it (`_Contexts`)."""
    contexts = _Contexts()
    read: dict[int, tuple[str, str]] = {}
    for node in reversed(nodes):
        text = _anchor_text(node)
        read[node.mem_id] = (text, _entry(node, text, contexts))
    return read


def page_facts_from_html(html: str, page_url: str) -> PageFacts:
    return page_facts_from_tree(LexborHTMLParser(html), page_url)


def page_facts_from_tree(tree: LexborHTMLParser, page_url: str) -> PageFacts:
    """Facts of a parsed page; the tree must be as parsed (nothing stripped yet), and is left as it is."""
    page = normalize_url(page_url)
    base = resolve_base(tree, page)
    anchors: list[Anchor] = []
    holders: dict[tuple[str, str], Placeholder] = {}
    ids = {n.attributes.get("id") or n.attributes.get("name") for n in tree.css("[id], a[name]")} - {None, ""}
    in_chrome = ChromeCheck()
    nodes = tree.css("a[href], area[href]")
    read = _read_links(nodes)
    for node in nodes:
        attrs = node.attributes
        raw = attrs.get("href") or ""
        resolved = normalize_url(clean_text(raw), base) if raw.strip() else ""
        text, entry = read[node.mem_id]
        reason = is_placeholder(raw, resolved, page)
        if reason in ("empty", "fragment", "javascript"):
            script = raw.split(":", 1)[1] if reason == "javascript" else ""
            match = JS_URL_RE.search(script) or JS_URL_RE.search(attrs.get("onclick") or "")
            if match:
                rescued = normalize_url(match.group(2).strip(), base)
                if is_placeholder(match.group(2), rescued, page) is None and rescued.startswith(_WEB):
                    resolved, reason = rescued, None
        chrome = in_chrome(node)
        if reason is not None:
            if _is_toggle(attrs) or (reason == "fragment" and raw.strip()[1:] in ids):
                continue  # an accordion heading or an in-page jump: it does what it says
            if reason == "self" and _is_title_link(node, attrs):
                continue  # a theme links a post's own title to its permalink: nothing was promised
            key = (raw.strip(), text)
            if key not in holders and reason not in ("mailto", "tel"):
                holders[key] = Placeholder(raw.strip(), reason, text, entry, chrome)
            continue
        if not resolved.startswith(_WEB):
            continue
        anchors.append(Anchor(_route(resolved), text, entry, chrome))
    body = tree.body
    body_class = clean_text(body.attributes.get("class")) if body is not None else ""
    generator = ""
    for meta in tree.css("meta[name]"):
        if (meta.attributes.get("name") or "").lower() == "generator":
            generator = clean_text(meta.attributes.get("content"))
            break
    api_root = ""
    wp_json: list[str] = []
    for link in tree.css("link[href]"):
        rel = (link.attributes.get("rel") or "").strip().lower()
        href = normalize_url(clean_text(link.attributes.get("href")), base)
        if rel == "https://api.w.org/":
            api_root = href
        elif rel == "alternate" and "json" in (link.attributes.get("type") or "").lower():
            wp_json.append(href)
    return PageFacts(url=page, anchors=tuple(anchors), placeholders=tuple(holders.values()),
                     images=tuple(_content_images(tree, base, in_chrome)), body_class=body_class, generator=generator,
                     wp_api_root=api_root, wp_json=tuple(wp_json))


def page_facts(body: bytes, page_url: str, header_charset: str | None = None) -> PageFacts:
    """Facts of an HTML body as fetched (decoded the way the extractor decodes it), from its first
    FACTS_BYTES."""
    text, _ = decode_html(body[:FACTS_BYTES], header_charset)
    return page_facts_from_html(text, page_url)

