"""HTML page → Document: decoded text with block structure kept, title, links."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser
from selectolax.lexbor import LexborNode as Node

from oit_checker.html.chrome import strip_chrome
from oit_checker.html.facts import FACTS_BYTES, page_facts, page_facts_from_tree
from oit_checker.html.links import extract_links
from oit_checker.html.spa import judge_shell, scan_scripts
from oit_checker.model import CELL_SEP, DocKind, Document
from oit_checker.text.charset import decode_html
from oit_checker.text.urls import normalize_url

_DROP = ["script", "style", "noscript", "template", "svg"]

# Elements that start a new line when rendered. Thai has no word spaces, so text of adjacent blocks
# joined without a break would glue two phrases into one that no rule wrote.
_BLOCKS = ",".join(
    (
        "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li", "main", "menu", "nav", "ol",
        "option", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
        "iframe", "object", "video", "audio",
    )
)  # fmt: skip

# Private-use sentinels survive the parser untouched and cannot occur in a real Thai page (Thai
# legacy glyphs use U+F700-U+F71F, far from these).
_BREAK = "\ue000"
_CELL = "\ue001"
_FORM_START = "\ue002"  # a visitor form's first line starts here (see `_visitor_form`)
_FORM_END = "\ue003"

_SPACE_RE = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")
_BREAKS_RE = re.compile(rf"\s*{_BREAK}[\s{_BREAK}]*")
_CELL_RE = re.compile(rf"\s*{_CELL}\s*")


# A gap a browser shows between two inline elements though the source has no space: a horizontal margin or padding
# in an element's own style ("<span class='fname'>นายวิชัย</span><span class='lname' style='margin-left:.3em'>มั่นคง
# </span>", shown "นายวิชัย มั่นคง", review52 h01). Not a blanket space between inline elements: a word split
# across tags ("ปีงบ<span>ประมาณ</span>") must stay one word.
_GAP_STYLE = re.compile(
    r"(?:^|;)\s*(margin|padding)(-left|-right|-inline-start|-inline-end|-inline)?\s*:\s*([^;!]+)", re.I
)
_LENGTH = re.compile(r"\+?(\d*\.\d+|\d+\.?\d*)")
# A surname's own element (a card's "lname", "last-name", "surname"): set apart from the first name before it.
_SURNAME_CLASS = re.compile(r"(?:l|last|sur|family)[-_]?name", re.I)


def _gap(value: str) -> bool:
    """Whether a CSS length is a visible gap: positive, not 0, auto or negative."""
    m = _LENGTH.match(value.strip())
    return m is not None and float(m.group(1)) > 0


def _gaps(style: str) -> tuple[bool, bool]:
    """(a gap before, a gap after) an element with this inline style."""
    before = after = False
    for m in _GAP_STYLE.finditer(style):
        side, values = (m.group(2) or "").lower(), m.group(3).split()
        if not values:
            continue
        if side in ("-left", "-inline-start"):
            before = before or _gap(values[0])
        elif side in ("-right", "-inline-end"):
            after = after or _gap(values[0])
        elif side == "-inline":  # start [end]
            before, after = before or _gap(values[0]), after or _gap(values[-1])
        else:  # the shorthand: top [right [bottom [left]]]
            right = values[1] if len(values) > 1 else values[0]
            left = values[3] if len(values) > 3 else right
            before, after = before or _gap(left), after or _gap(right)
    return before, after


def _mark_gaps(root: Node) -> None:
    """A space where a browser shows a gap between inline elements that the source writes without one."""
    for node in root.css("[style]"):
        before, after = _gaps(node.attributes.get("style") or "")
        if before:
            node.insert_before(" ")
        if after:
            node.insert_after(" ")
    for node in root.css("[class]"):
        if any(_SURNAME_CLASS.fullmatch(c) for c in (node.attributes.get("class") or "").split()):
            node.insert_before(" ")


def _content_urls(tree: LexborHTMLParser, base_url: str) -> set[str]:
    root = tree.body
    if root is None:
        return set()
    return {normalize_url(a.attributes.get("href") or "", base_url) for a in root.css("a[href]")}


def _body_text(tree: LexborHTMLParser) -> tuple[str, tuple[tuple[int, int], ...]]:
    """(the page's text, the lines each of its visitor forms spans: [first, end) line numbers)."""
    root = tree.body or tree.root
    if root is None:
        return "", ()
    _mark_gaps(root)
    for node in root.css(_BLOCKS):
        node.insert_before(_BREAK)
        node.insert_after(_BREAK)
    for node in root.css("br"):
        node.insert_after(_BREAK)
    for node in root.css("td,th"):
        node.insert_before(_CELL)
    for node in root.css("form"):
        if _visitor_form(node):  # inside the breaks: the marks start its first line and end its last
            node.insert_before(_FORM_START)
            node.insert_after(_FORM_END)
    text = _SPACE_RE.sub(" ", root.text())
    lines: list[str] = []
    forms: list[tuple[int, int]] = []
    first: int | None = None
    for piece in _BREAKS_RE.split(text):
        starts, ends = _FORM_START in piece, _FORM_END in piece
        if starts or ends:
            piece = piece.replace(_FORM_START, "").replace(_FORM_END, "")
        if starts:
            first = len(lines)
        # A row's first cell has a separator before it and nothing to separate it from.
        line = _CELL_RE.sub(CELL_SEP, piece.strip().lstrip(_CELL).strip())
        if line and line != "|":
            lines.append(line)
        if ends and first is not None:
            if len(lines) > first:
                forms.append((first, len(lines)))
            first = None
    return "\n".join(lines), tuple(forms)


# A form a visitor fills in (a contact or request form): a few fields and their labels. Not the one form an ASP.NET
# WebForms page wraps its whole body in (its __VIEWSTATE field), nor a form holding the page's content.
_FORM_FIELDS = "input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=image]):not([type=reset])," \
               "select,textarea"
_FORM_CONTENT = "main,article,h1,h2,h3,nav,input[name=__VIEWSTATE],input[name=__EVENTVALIDATION]"
_FORM_CHARS_PER_FIELD = 80


def _visitor_form(node: Node) -> bool:
    fields = len(node.css(_FORM_FIELDS))
    if not fields or node.css_first(_FORM_CONTENT) is not None:
        return False
    chars = len(_SPACE_RE.sub("", node.text().replace(_BREAK, "").replace(_CELL, "")))
    return chars <= _FORM_CHARS_PER_FIELD * fields


def _title(tree: LexborHTMLParser) -> str:
    for selector in ("title", "h1"):
        node = tree.css_first(selector)
        if node is not None:
            title = _SPACE_RE.sub(" ", node.text()).strip()
            if title:
                return title
    return ""


def extract_html(body: bytes, url: str, header_charset: str | None) -> Document:
    text, decoded = decode_html(body, header_charset)
    charset, _, how = decoded.partition(" ")  # "cp874 (declared utf-8, corrected)" → codec and how
    tree = LexborHTMLParser(text)
    # The page's facts (entries around links, placeholders, WordPress fingerprints) for the crawler, from
    # the same parse while it is untouched; a huge page's from its head only, as the crawler reads them.
    facts = page_facts_from_tree(tree, url) if len(body) <= FACTS_BYTES else page_facts(body, url, header_charset)
    # Links first, on the untouched tree: the link finder may want what text extraction throws away
    # (viewer URLs in scripts, iframes in noscript).
    links = extract_links(tree, url)
    title = _title(tree)
    scripts = scan_scripts(tree, url)  # before scripts and <noscript> go: is the page a shell JavaScript fills in?
    tree.strip_tags(_DROP, recursive=True)
    shell = judge_shell(tree, scripts)  # before the chrome goes: a shell's menu is part of its little text
    chrome_urls, note, footer = strip_chrome(tree, url)
    chrome_urls -= _content_urls(tree, url)
    notes = "; ".join(n for n in (how, note) if n)
    if chrome_urls:
        # A menu or footer link is no evidence for the page's item; the crawler follows it only by name.
        links = tuple(link._replace(chrome=True) if link.url in chrome_urls else link for link in links)
    page, forms = _body_text(tree)
    return Document(
        url=url,
        kind=DocKind.HTML,
        pages=(page,),
        title=title,
        links=tuple(links),
        charset=charset,
        charset_note=notes,
        page_count=1,
        script_shell=shell,
        forms=forms,
        footer=footer,
        facts=facts,
    )
