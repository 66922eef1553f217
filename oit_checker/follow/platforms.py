"""Platform fingerprints and fast paths (pure: builds URLs and documents, never fetches).

Agencies publish on WordPress (~35 % of the sites seen), LAO vendor PHP products, Google Sites and
Joomla (docs/real-world-sites.md), and one agency may use several. The platform is detected per
page from its fingerprints, never assumed per agency.

WordPress fast path: a post or page is also served by the REST API (`/wp-json/wp/v2/posts/<id>`, or
`?rest_route=/wp/v2/…` when permalinks are off). Its `content.rendered` is the post body without the
theme (menus, sidebars, widgets whose words would evidence components the post does not hold), `title`
is the post's own title and `modified` its last change. When the record cannot be had (REST disabled,
a 401 from a security plugin, HTML instead of JSON) the HTML page is read as before.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from oit_checker.html.facts import PageFacts
from oit_checker.model import Link
from oit_checker.text.urls import normalize_url

__all__ = ["WpRecord", "detect_platform", "is_procurement", "wp_record", "wp_record_urls"]

_WP_JSON_RE = re.compile(r"/wp/v2/(posts|pages)/(\d+)(?:$|[/?&])")
_BODY_ID_RE = (
    (re.compile(r"(?:^|\s)postid-(\d+)(?:\s|$)"), "posts"),
    (re.compile(r"(?:^|\s)page-id-(\d+)(?:\s|$)"), "pages"),
)
_VENDOR_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"/public/list/data/(?:index|detail)/"), "inthai (Zend list/detail)"),
    (re.compile(r"/Pages/ita_(?:all|year|year_detail|detail)", re.IGNORECASE), "AS System"),
    (re.compile(r"/data_\d+(?:$|[/?])"), "data_<id> CMS"),
    (re.compile(r"\.php\?(?:.*&)?menuid=", re.IGNORECASE), "menuid CMS"),
    (re.compile(r"/webs/th/grouppage/"), "grouppage CMS"),
)


def detect_platform(url: str, facts: PageFacts | None, links: tuple[Link, ...] = ()) -> str:
    """"wordpress", "google-sites", "joomla", "vendor:<product>" or "" (unknown), from one page."""
    host = (urlsplit(url).hostname or "").lower()
    if host == "sites.google.com":
        return "google-sites"
    generator = (facts.generator if facts else "").lower()
    urls = [url, *(link.url for link in links)]
    if "wordpress" in generator or (facts is not None and (facts.wp_api_root or facts.wp_json)) or any(
            "/wp-content/" in u or "/wp-json/" in u or "rest_route=" in u for u in urls):
        return "wordpress"
    if "joomla" in generator or any("option=com_" in u for u in urls):
        return "joomla"
    for pattern, product in _VENDOR_PATTERNS:
        if pattern.search(url):
            return f"vendor:{product}"
    if any(link.via == "iframe" and "drive.google.com" in link.url for link in links) or any(
            "gstatic.com/atari" in u for u in urls):
        return "google-sites"
    return ""


def _api_url(root: str, kind: str, post_id: str) -> str:
    if "rest_route=" in root:
        head = root.split("?", 1)[0]
        return f"{head}?rest_route=/wp/v2/{kind}/{post_id}"
    return f"{root.rstrip('/')}/wp/v2/{kind}/{post_id}"


def _site_root(page_url: str, links: tuple[Link, ...]) -> str:
    """The WordPress install root: before `/wp-content/` in its own links, else the page's directory."""
    for link in links:
        if "/wp-content/" in link.url and urlsplit(link.url).hostname == urlsplit(page_url).hostname:
            return link.url.split("/wp-content/", 1)[0] + "/"
    parts = urlsplit(page_url)
    return f"{parts.scheme}://{parts.netloc}/"


def wp_record_urls(page_url: str, facts: PageFacts, links: tuple[Link, ...] = ()) -> list[str]:
    """REST URLs of the post or page shown at `page_url`, best first ([] when it is not one).

    Archives (categories, tags, the blog index) have no single record: they are read as HTML.
    """
    out: list[str] = []
    for href in facts.wp_json:
        if _WP_JSON_RE.search(href):
            out.append(href)
    post: tuple[str, str] | None = None
    for pattern, kind in _BODY_ID_RE:
        match = pattern.search(facts.body_class)
        if match:
            post = (kind, match.group(1))
            break
    if post is None:
        query = parse_qs(urlsplit(page_url).query)
        if (query.get("page_id") or [""])[0].isdigit():
            post = ("pages", query["page_id"][0])
        elif (query.get("p") or [""])[0].isdigit():
            post = ("posts", query["p"][0])
    if post is not None:
        if facts.wp_api_root:
            out.append(_api_url(facts.wp_api_root, *post))
        # Works with and without pretty permalinks, so it is the fallback when the root is unknown.
        out.append(_api_url(_site_root(page_url, links) + "?rest_route=/", *post))
    return list(dict.fromkeys(normalize_url(u) for u in out))


@dataclass(frozen=True)
class WpRecord:
    title: str  # plain text
    modified: str  # ISO date-time as WordPress gives it ("2025-11-03T10:15:32")
    html: str  # a small HTML document holding the title and the rendered content
    link: str = ""


_TAG_RE = re.compile(r"<[^>]+>")


def wp_record(body: bytes) -> WpRecord | None:
    """The post/page record in a REST response, or None when the body is not one (errors, HTML, lists of
    nothing)."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return None
    if isinstance(data, list):
        data = data[0] if data else None
    if not isinstance(data, dict) or ("code" in data and "content" not in data):
        return None
    content = data.get("content")
    rendered = content.get("rendered") if isinstance(content, dict) else None
    if not isinstance(rendered, str):
        return None
    title_obj = data.get("title")
    title_html = title_obj.get("rendered", "") if isinstance(title_obj, dict) else str(title_obj or "")
    title = " ".join(html.unescape(_TAG_RE.sub("", title_html)).split())
    modified = str(data.get("modified") or data.get("modified_gmt") or "")
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head><body><article>"
        f"<h1>{html.escape(title)}</h1>{rendered}</article></body></html>"
    )
    return WpRecord(title=title, modified=modified, html=page, link=str(data.get("link") or ""))


_PROCUREMENT_WORDS = ("จัดซื้อจัดจ้าง", "จัดหาพัสดุ", "การจัดซื้อ", "procurement")


def is_procurement(*texts: str) -> bool:
    """Whether an item is about procurement (e-GP is then legitimate evidence)."""
    joined = " ".join(texts).lower()
    return any(w in joined for w in _PROCUREMENT_WORDS)
