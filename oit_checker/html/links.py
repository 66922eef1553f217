"""References found in an HTML page: anchors, and the real files behind viewers and embeds.

Thai agency pages rarely link a document plainly (docs/real-world-sites.md): the file sits behind
generic link texts ("เปิด", "ดาวน์โหลดเอกสาร"), image-only download buttons, FlowPaper / Google Docs /
Embed Any Document / dFlip / pdf.js viewers, `<object data>`, Google Drive embeds on Google Sites, or a
`javascript:` href with the URL in `onclick`. This module reads attributes through the HTML parser
(attribute quirks such as `src = "…"` and bare attributes defeat regexes, §3) and returns every
reference with its absolute, normalised URL and how it was found (`Link.via`):

    a · area→a · iframe · frame · object · embed · link · script · meta-refresh · onclick
    viewer:flowpaper · viewer-only:flowpaper · viewer:gdocs · viewer:office · viewer:pdfjs
    viewer:ead · viewer:dflip · drive · drive-folder

Nothing is filtered by relevance (nav menus, `<link>`, `<script src>` are returned too): the crawler
decides what to follow. Only links with nothing behind them (`#`, `javascript:`, `mailto:`, `tel:`,
empty, the page itself) are left out; `placeholder_links` reports them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from oit_checker.html.dom import JS_URL_RE, clean_text
from oit_checker.model import Link
from oit_checker.text.urls import (
    DOCUMENT_EXTENSIONS,
    IMAGE_EXTENSIONS,
    canonical_drive,
    extension,
    is_cloud_flowpaper,
    is_placeholder,
    normalize_url,
    unwrap_viewer,
)

__all__ = ["extract_links", "is_generic_text", "placeholder_links", "scan_page"]

# One selector list, one pass over the tree: lexbor returns matches in document order.
_SELECTOR = ", ".join(
    (
        "a[href]", "area[href]", "iframe", "frame", "embed", "object", "param[value]", "link[href]",
        "script", "meta[http-equiv]", "[data-pdf-src]", "[data-src]", "[data-lazy-src]", "[data-url]",
        "[source]", "[df-source]", "[data-source]", "[data-embed-open-url]", "[data-embed-download-url]",
        "[data-embed-doc-id]",
    )
)  # fmt: skip

_WEB = ("http://", "https://", "ftp://")
_NON_IMAGE_DOCS = DOCUMENT_EXTENSIONS - IMAGE_EXTENSIONS
# Lazy-loading attributes on these elements point at media, never at a document.
_MEDIA_TAGS = frozenset({"img", "source", "video", "audio", "picture", "track"})
_FRAME_SRC_ATTRS = ("src", "data-src", "data-lazy-src")  # lazy loaders park the real src in data-*
_OBJECT_PARAMS = frozenset({"src", "movie", "filename", "url", "file"})
_DFLIP_CLASS_RE = re.compile(r"(?:^|\s)_df_(?:book|thumb|button|custom)(?:\s|$)")

_SPACE_RE = re.compile(r"\s+")
_DFLIP_SOURCE_RE = re.compile(r'"source"\s*:\s*"((?:[^"\\]|\\.)*)"')
_REFRESH_URL_RE = re.compile(r"(?is)url\s*=\s*(['\"]?)(.+?)\1\s*$")
# Everything but letters and Thai marks (vowel and tone marks are not \w, so the Thai block is kept whole).
_NON_LETTER_RE = re.compile(r"[^\w\u0e00-\u0e7f]|[\d_]")
_SIZE_NOTE_RE = re.compile(r"[\[(][^\])]*[\])]")  # "ดาวน์โหลด [2.5 MB]", "Download (120 KB)"

# Link texts that say nothing about the document (compared letters-and-marks only, lower-case, so
# "รายละเอียด 1", "คลิก!!" and "Download [120 KB]" all match).
_GENERIC_TEXTS = frozenset(
    {
        "ดาวน์โหลด", "ดาวน์โหลดเอกสาร", "ดาวน์โหลดไฟล์", "ดาวโหลด", "ดาวน์โหลดที่นี่", "ดาวน์โหลดได้ที่นี่",
        "เปิด", "เปิดไฟล์", "เปิดเอกสาร", "เปิดดู", "รายละเอียด", "ดูรายละเอียด", "รายละเอียดเพิ่มเติม",
        "คลิก", "คลิกที่นี่", "คลิกดู", "คลิกเพื่อดู", "คลิกเพื่อดาวน์โหลด", "คลิกดาวน์โหลด", "คลิกอ่าน",
        "อ่านต่อ", "อ่านเพิ่มเติม", "ดูเพิ่มเติม", "ที่นี่", "ลิงก์", "ลิงค์", "ไฟล์แนบ", "เอกสารแนบ", "ดู",
        "ดูเอกสาร", "ดูไฟล์", "แสดง", "ไฟล์", "เอกสาร", "ข้อมูล", "เพิ่มเติม",
        "download", "downloadfile", "click", "clickhere", "here", "open", "view", "viewfile", "more",
        "readmore", "link", "details", "detail", "file", "pdf", "document", "attachment",
    }
)  # fmt: skip
# Titles viewers stamp on their own iframes: worth less than even "เปิด", which a person wrote.
_BOILERPLATE_TEXTS = frozenset(
    {"embeddeddocument", "embeddedpdf", "flowpaperwebsitepdfviewer", "openinnewtab", "reloaddocument"}
)


def _letters(text: str) -> str:
    return _NON_LETTER_RE.sub("", _SIZE_NOTE_RE.sub("", text.lower()))


def is_generic_text(text: str) -> bool:
    """Whether a link text names no document ("เปิด", "ดาวน์โหลดเอกสาร", "รายละเอียด 1", "คลิก" …)."""
    key = _letters(text)
    return not key or key in _GENERIC_TEXTS or key in _BOILERPLATE_TEXTS


def _looks_like_url(text: str) -> bool:
    low = text.lower()
    if low.startswith(("http://", "https://", "www.")) and " " not in text.strip():
        return True
    # A URL cut short for display ("https://www.song.go.th/dnm_fil..."): the href is the truth.
    return low.endswith(("...", "…")) and ("/" in low or "www." in low)


def _score(text: str) -> int:
    """How much a link text tells about its target: 0 none, 1 a URL, 2 generic words, 3 a real title."""
    if not text or _letters(text) in _BOILERPLATE_TEXTS:
        return 0
    if _looks_like_url(text):
        return 1
    if is_generic_text(text):
        return 2
    return 3


@dataclass
class _Found:
    url: str
    text: str
    via: str
    download: bool
    score: int | None = None  # computed only when a duplicate competes for the text


class _Collector:
    """Keeps the first occurrence of each URL, with the most informative text seen for it."""

    def __init__(self, page_url: str, base: str) -> None:
        self.page_url = page_url
        self.base = base
        self.found: dict[str, _Found] = {}
        self.placeholders: dict[tuple[str, str], None] = {}

    def add(self, url: str, text: str, via: str, download: bool = False) -> None:
        if not url.startswith(_WEB):
            return  # about:blank, data:, javascript: in a src — nothing to fetch
        url, via = _route(url, via)
        if via not in ("a", "onclick") and is_placeholder(url, url, self.page_url) == "self":
            return  # <link rel=canonical>, a frame of the page itself: not a reference to anything new
        seen = self.found.get(url)
        if seen is None:
            self.found[url] = _Found(url, text, via, download)
            return
        seen.download = seen.download or download
        if seen.score is None:
            seen.score = _score(seen.text)
        score = _score(text)
        if score > seen.score:
            seen.text, seen.score = text, score

    def resolve(self, raw: str | None) -> str:
        return normalize_url(clean_text(raw), self.base) if raw and raw.strip() else ""

    def links(self) -> tuple[Link, ...]:
        return tuple(Link(url=f.url, text=f.text, via=f.via, download=f.download) for f in self.found.values())


_ROUTE_CACHE_MAX_LEN = 2048  # long URLs are rare and would pin memory in the cache


def _route(url: str, via: str) -> tuple[str, str]:
    """Unwrap viewers and canonicalise Drive: the URL worth fetching, and how it was found."""
    if len(url) > _ROUTE_CACHE_MAX_LEN:
        return _route_uncached(url, via)
    return _route_cached(url, via)


def _route_uncached(url: str, via: str) -> tuple[str, str]:
    unwrapped = unwrap_viewer(url)
    if unwrapped is not None:
        inner, viewer = unwrapped
        drive = canonical_drive(inner)
        return (drive.canonical if drive else inner), f"viewer:{viewer}"
    if is_cloud_flowpaper(url):
        return url, "viewer-only:flowpaper"
    drive = canonical_drive(url)
    if drive is not None:
        return drive.canonical, "drive-folder" if drive.kind == "folder" else "drive"
    return url, via


_route_cached = lru_cache(maxsize=2048)(_route_uncached)


def _attr_text(attrs: dict[str, str | None], *names: str) -> str:
    for name in names:
        text = clean_text(attrs.get(name))
        if text:
            return text
    return ""


def _anchor_text(node: LexborNode, attrs: dict[str, str | None]) -> str:
    text = clean_text(node.text(deep=True, separator="", strip=False))
    if text:
        return text
    img = node.css_first("img")  # only for the rare image-only anchor: a per-node query is fine
    if img is not None:
        text = _attr_text(img.attributes, "alt", "title")
        if text:
            return text
    return _attr_text(attrs, "title", "aria-label")


def _js_target(script: str) -> str | None:
    match = JS_URL_RE.search(script or "")
    return match.group(2).strip() if match else None


def _anchor(node: LexborNode, attrs: dict[str, str | None], out: _Collector) -> None:
    raw = attrs.get("href") or ""
    resolved = out.resolve(raw)
    text = _anchor_text(node, attrs)
    download = "download" in attrs  # a bare `download` has the value None but is present
    reason = is_placeholder(raw, resolved, out.page_url)
    if reason is None:
        out.add(resolved, text, "a", download)
        return
    if reason in ("empty", "fragment", "javascript"):
        # LAO menus and AS System buttons: `href="javascript:void(0)"` or "#" with the URL in onclick.
        body = raw.split(":", 1)[1] if reason == "javascript" else ""
        target = _js_target(body) or _js_target(attrs.get("onclick") or "")
        if target:
            rescued = out.resolve(target)
            if is_placeholder(target, rescued, out.page_url) is None:
                out.add(rescued, text, "onclick", download)
                return
    out.placeholders[(raw, reason)] = None


def _doc_like(url: str, allow_images: bool) -> bool:
    if canonical_drive(url) is not None or unwrap_viewer(url) is not None:
        return True
    ext = extension(url)
    return ext in (DOCUMENT_EXTENSIONS if allow_images else _NON_IMAGE_DOCS)


_DATA_KEYS = frozenset(
    {
        "data-pdf-src", "source", "df-source", "data-source", "data-src", "data-lazy-src", "data-url",
        "data-embed-open-url", "data-embed-download-url", "data-embed-doc-id",
    }
)  # fmt: skip


def _data_attributes(tag: str, attrs: dict[str, str | None], out: _Collector) -> None:
    if _DATA_KEYS.isdisjoint(attrs):
        return
    label = _attr_text(attrs, "data-title", "title", "aria-label")
    if attrs.get("data-pdf-src"):
        out.add(out.resolve(attrs["data-pdf-src"]), label, "viewer:ead")
    is_dflip = bool(_DFLIP_CLASS_RE.search(attrs.get("class") or ""))
    for name in ("source", "df-source", "data-source"):
        url = out.resolve(attrs.get(name))
        if url and (is_dflip or _doc_like(url, allow_images=False)):
            out.add(url, label, "viewer:dflip")
    if tag not in _MEDIA_TAGS and tag not in ("iframe", "frame", "script"):
        # Lazy `data-src` on a div is a document only when it says so; on anything else it is decoration.
        for name in ("data-src", "data-lazy-src", "data-url"):
            url = out.resolve(attrs.get(name))
            if url and _doc_like(url, allow_images=False):
                out.add(url, label, "viewer:ead")
    # Google Sites Drive embeds: the container names the file; the iframe inside may load lazily.
    embed_urls = [out.resolve(attrs.get(n)) for n in ("data-embed-open-url", "data-embed-download-url")]
    for url in embed_urls:
        if url:
            out.add(url, label, "iframe")
    doc_id = (attrs.get("data-embed-doc-id") or "").strip()
    if doc_id and not any(embed_urls):
        out.add(f"https://drive.google.com/file/d/{doc_id}/view", label, "drive")


def _meta_refresh(attrs: dict[str, str | None], out: _Collector) -> None:
    if (attrs.get("http-equiv") or "").strip().lower() != "refresh":
        return
    content = attrs.get("content") or ""
    match = _REFRESH_URL_RE.search(content)
    target = match.group(2) if match else (content.split(";", 1)[1] if ";" in content else "")
    if target.strip():
        out.add(out.resolve(target), "", "meta-refresh")


def _inline_script(node: LexborNode, out: _Collector) -> None:
    text = node.text(deep=False)
    if "option_df_" not in text:
        return
    # DearFlip for WordPress keeps the PDF in `window.option_df_<n> = {..."source":"https:\/\/…pdf"}`.
    for match in _DFLIP_SOURCE_RE.finditer(text):
        try:
            value = json.loads(f'"{match.group(1)}"')
        except ValueError:
            value = match.group(1).replace("\\/", "/")
        url = out.resolve(value)
        if url:
            out.add(url, "", "viewer:dflip")


def _visit(node: LexborNode, out: _Collector) -> None:
    tag = node.tag or ""
    attrs = node.attributes
    if tag in ("a", "area") and "href" in attrs:
        _anchor(node, attrs, out)
    elif tag in ("iframe", "frame"):
        label = _attr_text(attrs, "title", "aria-label", "name")
        for name in _FRAME_SRC_ATTRS:
            url = out.resolve(attrs.get(name))
            if url:
                out.add(url, label, tag)
    elif tag == "embed":
        out.add(out.resolve(attrs.get("src")), _attr_text(attrs, "title"), "embed")
    elif tag == "object":
        out.add(out.resolve(attrs.get("data")), _attr_text(attrs, "title", "name"), "object")
    elif tag == "param":
        if (attrs.get("name") or "").lower() in _OBJECT_PARAMS:
            url = out.resolve(attrs.get("value"))
            if url and _doc_like(url, allow_images=False):
                out.add(url, "", "object")
    elif tag == "link":
        rel = clean_text(" ".join(filter(None, (attrs.get("rel"), attrs.get("type")))))
        out.add(out.resolve(attrs.get("href")), rel, "link")
    elif tag == "script":
        if attrs.get("src"):
            out.add(out.resolve(attrs.get("src")), "", "script")
        else:
            _inline_script(node, out)
    elif tag == "meta":
        _meta_refresh(attrs, out)
    _data_attributes(tag, attrs, out)


def resolve_base(tree: LexborHTMLParser, page_url: str) -> str:
    """The URL relative links resolve against: the page's own, unless a `<base href>` says otherwise."""
    base_node = tree.css_first("base[href]")
    if base_node is not None:
        declared = normalize_url(clean_text(base_node.attributes.get("href")), page_url)
        if declared.startswith(_WEB):
            return declared
    return page_url


def _collect(tree: LexborHTMLParser, base_url: str) -> _Collector:
    page_url = normalize_url(base_url)
    out = _Collector(page_url, resolve_base(tree, page_url))
    for node in tree.css(_SELECTOR):
        _visit(node, out)
    return out


def scan_page(tree: LexborHTMLParser, base_url: str) -> tuple[tuple[Link, ...], tuple[tuple[str, str], ...]]:
    """Both results of one pass: (`extract_links`, `placeholder_links`)."""
    out = _collect(tree, base_url)
    return out.links(), tuple(out.placeholders)


def extract_links(tree: LexborHTMLParser, base_url: str) -> tuple[Link, ...]:
    """Every reference in the page, de-duplicated by normalised URL, in document order.

    The first occurrence fixes the position, URL and `via`; the text is the most informative one seen
    (a real title over "เปิด" over a URL); `download` is set if any occurrence had the attribute.
    Placeholders (`#`, `javascript:` without a URL, `mailto:`, `tel:`, the page itself) are left out.
    """
    return _collect(tree, base_url).links()


def placeholder_links(tree: LexborHTMLParser, base_url: str) -> list[tuple[str, str]]:
    """(raw href, reason) for each distinct anchor with no document behind it, in document order.

    Lets the caller say "no document behind this link" when these are the page's only candidates.
    """
    return list(_collect(tree, base_url).placeholders)
