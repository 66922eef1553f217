"""Reading one page (pure): every link with the context a person would use to tell its item."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from oit_checker.discover.codes import has_code, ita_text, ita_url, section_years, url_years, years_of
from oit_checker.discover.model import Anchor, PageScan
from oit_checker.html.chrome import is_chrome_node
from oit_checker.html.links import extract_links
from oit_checker.text.urls import is_placeholder, normalize_url

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


def clean_label(text: str | None) -> str:
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
            self._text[key] = clean_label(raw)
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
                label = clean_label(" ".join(reversed(parts)))
                if label:
                    yield label, "li"
            else:
                yield from self._sibling_labels(x)
            x = parent

    def _sibling_labels(self, x: LexborNode) -> Iterator[tuple[str, str]]:
        """What stands before `x` among its siblings, nearest first (see `labels_above`)."""
        sib = x.prev
        count = 0
        while sib is not None and count < _MAX_SIBLINGS:
            count += 1
            if sib.is_comment_node or sib.tag in _SKIP_TAGS or sib.tag in ("br", "img"):
                pass
            elif sib.is_text_node:
                t = self.text(sib)
                if t:
                    yield t, "text"
            elif sib.tag == "hr":
                yield "", "hr"
            else:
                kind = self._kind(sib)
                if kind == "heading":
                    yield self.text(sib), "heading"
                elif not self.has_real_link(sib):
                    t = self.text(sib)
                    if t and len(t) <= _MAX_LABEL:
                        yield t, kind
            sib = sib.prev

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
                    if kind == "heading" and not has_code(text):
                        collecting = False
            if not years and kind in ("heading", "label", "li"):
                years = section_years(text)
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
            alt = clean_label((img.attributes or {}).get("alt") or (img.attributes or {}).get("title"))
            if alt:
                return alt
        return clean_label(attrs.get("title") or attrs.get("aria-label"))

    def anchors(self) -> tuple[Anchor, ...]:
        base = self.page_url
        base_node = self.tree.css_first("base[href]")
        if base_node is not None:
            declared = normalize_url(clean_label((base_node.attributes or {}).get("href")), self.page_url)
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
    title = clean_label(title_node.text()) if title_node is not None else ""
    heading = reader.first_heading()
    years = years_of(title) | years_of(heading) | url_years(url) | years_of(via_text)
    if not years:
        years = set(inherited_years)
    ita_like = ita_url(url) or ita_text(title) or ita_text(heading) or ita_text(via_text)
    redirects = tuple(link.url for link in extract_links(tree, url)
                      if link.via in ("meta-refresh", "frame", "iframe"))
    return PageScan(url=normalize_url(url), title=title, heading=heading, years=tuple(sorted(years)),
                    ita_like=ita_like, anchors=reader.anchors(), redirects=redirects, depth=depth,
                    via_text=via_text)


