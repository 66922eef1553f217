"""Reading one page (pure): every link with the context a person would use to tell its item."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from oit_checker.discover.codes import (
    has_code,
    ita_text,
    ita_url,
    moit_codes,
    section_years,
    strong_codes,
    url_years,
    years_of,
)
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
_EMPHASIS = ("strong", "b", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "summary")
_TABLE_PARTS = frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"})
_RUNNING_NUMBER_HEADERS = frozenset({"ลำดับ", "ลำดับที่", "ที่", "no", "no.", "#", "seq"})
_TOKEN_SPLIT = re.compile(r"[\s_-]+")
_SPACE = re.compile(r"\s+")
_MAX_LEVELS = 14  # ancestors walked up from a link when looking for its heading
_MAX_SIBLINGS = 40  # previous siblings looked at per level
_MAX_LABEL = 300  # a longer block is prose, not a label
_MAX_CODE_LABEL = 200  # a code label ("O12 รายการจัดซื้อ…") longer than this is prose
_CODE_START = re.compile(r"^\s*[(\[]?\s*(?:m?oit|o)\s?[-_.]?\s?[0-9๐-๙]", re.IGNORECASE)


class _Label(NamedTuple):
    """Something that stands before a link in reading order (see `_Reader.labels_above`)."""

    text: str
    kind: str  # heading · label · block · text · li · hr
    key: int = 0  # the node's id, for headings (sections are told apart by it)
    level: int = 9  # 1–6 for h1–h6


class _Context(NamedTuple):
    labels: tuple[str, ...]
    years: tuple[int, ...]
    section: int  # id of the heading that opens the link's section (0: none)
    section_title: str


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
        self._ids: dict[str, LexborNode] | None = None

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

    def linked_code_label(self, node: LexborNode) -> bool:
        """A short block whose one link is an item label ("O20 การประกาศเจตนารมณ์ …"): the links after it
        belong to that item too."""
        if node.is_text_node:
            return False
        text = self.text(node)
        if not text or len(text) > _MAX_CODE_LABEL or not _CODE_START.match(text):
            return False
        links = [n for n in ([node] if node.tag == "a" else []) + node.css("a[href]")
                 if is_placeholder((n.attributes or {}).get("href") or "", "", "") is None]
        if len(links) != 1:
            return False
        # Set apart as a label (bold, a heading): a plain list of coded document links is no label.
        marked = [node] if node.tag in _EMPHASIS else []
        marked += [n for n in node.css(",".join(_EMPHASIS))]
        return any(self.text(n) == text for n in marked)

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

    def labels_above(self, node: LexborNode) -> Iterator[_Label]:
        """What stands before `node` in reading order, nearest first.

        Kinds: heading (h1–h6), label (toggle, summary, strong, card header, tab title …), block (other
        short element without links), text (bare text), li (what precedes a nested list inside its
        <li>), hr. Siblings holding real links are passed over: they are the neighbouring item's
        content. A container named by `aria-labelledby` (a tab pane) yields its tab's title as a label.
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
                    yield _Label(label, "li")
            else:
                yield from self._sibling_labels(x)
            tab = self.labelled_by(x)
            if tab:
                yield _Label(tab, "label")
            x = parent

    def labelled_by(self, node: LexborNode) -> str:
        """The text of the element `node`'s aria-labelledby names (a tab pane's tab title), or ""."""
        ref = ((node.attributes or {}).get("aria-labelledby") or "").strip()
        if not ref or node.is_text_node:
            return ""
        if self._ids is None:
            self._ids = {}
            for el in self.tree.css("[id]"):
                self._ids.setdefault((el.attributes or {}).get("id") or "", el)
        target = self._ids.get(ref.split()[0])
        text = self.text(target) if target is not None else ""
        return text if len(text) <= _MAX_LABEL else ""

    def _sibling_labels(self, x: LexborNode) -> Iterator[_Label]:
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
                    yield _Label(t, "text")
            elif sib.tag == "hr":
                yield _Label("", "hr")
            else:
                kind = self._kind(sib)
                if kind == "heading":
                    yield _Label(self.text(sib), "heading", sib.mem_id, int((sib.tag or "h9")[1]))
                elif not self.has_real_link(sib):
                    t = self.text(sib)
                    if t and len(t) <= _MAX_LABEL:
                        yield _Label(t, kind)
                elif self.linked_code_label(sib):
                    # "<p><strong><a>O20 …</a></strong></p> <p>– <a>รายงาน…</a></p>": the item's label is a link.
                    yield _Label(self.text(sib), "label")
            sib = sib.prev

    def context(self, node: LexborNode) -> _Context:
        """Labels up to the first boundary, the section's years and its heading: one walk serves all.

        A heading without a code ends the item's context and opens the link's section. The years come
        from the nearest ITA-ish or year-only heading, label or menu entry above; past a plain heading
        (no ITA words, no year), headings of its level or lower belong to other sections and are not
        read for years ("แบบฟอร์มสำหรับประชาชน" under an "OIT ประจำปี 2567" block is not 2567's).
        """
        labels: list[str] = []
        years: tuple[int, ...] = ()
        section, title = 0, ""
        plain_level = 0  # the level of a plain boundary heading, once passed
        for label in self.labels_above(node):
            if not section and label.kind != "hr":
                if label.text:
                    labels.append(label.text)
                if label.kind == "heading" and label.text and not has_code(label.text):
                    section, title = label.key, label.text
            elif not section and label.kind == "hr":
                section = -1  # a rule ends the context; the section stays untitled
            if years or label.kind not in ("heading", "label", "li"):
                continue
            if label.kind == "heading" and plain_level and label.level >= plain_level:
                continue
            years = section_years(label.text)
            if not years and label.kind == "heading" and label.key == section and not ita_text(label.text):
                plain_level = label.level
            if section and years:
                break
        return _Context(tuple(labels), years, max(section, 0), title)

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
            ctx = self.context(node)
            out.append(Anchor(url=url, text=self.anchor_text(node), row_cells=row_cells,
                              row_numbered=numbered, labels=ctx.labels, section_years=ctx.years,
                              chrome=self.in_chrome(node), section=ctx.section,
                              section_title=ctx.section_title))
        return tuple(out)

    def code_labels(self) -> tuple[tuple[str, tuple[int, ...]], ...]:
        """(text, section years) of every short text outside site chrome that opens with an O-code or a
        MOIT code, linked or not: the items a listing names, even those it leaves without a link
        ("O12 … – อยู่ระหว่างดำเนินการ", a table row whose link cell is empty)."""
        body = self.tree.body
        if body is None:
            return ()
        out: list[tuple[str, tuple[int, ...]]] = []
        for node in body.traverse(include_text=True):
            if not node.is_text_node:
                continue
            raw = node.text(deep=False) or ""
            if not _CODE_START.match(raw):
                continue
            holder = node.parent
            text = clean_label(raw)
            if holder is None or len(text) > _MAX_CODE_LABEL or self.in_chrome(holder):
                continue
            if strong_codes(text) or moit_codes(text):
                out.append((text, self.context(holder).years))
        return tuple(out)

    def first_heading(self) -> str:
        for node in self.tree.css("h1"):
            if not self.in_chrome(node):
                return self.text(node)
        return ""


def scan_page(html: str, url: str, *, via_text: str = "", depth: int = 0,
              inherited_years: Iterable[int] = (), requested: str = "") -> PageScan:
    """Read one decoded HTML page. `inherited_years`: the years of the page linking here, used when this
    page names none itself (an ITA 2565 page's "ตัวชี้วัดที่ 9" sub-page belongs to 2565 too); `requested`: the
    URL asked for, when a redirect led elsewhere (a menu entry names the page by it)."""
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
                    via_text=via_text, code_labels=reader.code_labels(),
                    requested=normalize_url(requested) if requested else "")


