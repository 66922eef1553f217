"""Small helpers shared by every reader of HTML: text of an attribute or a node, script-held URLs."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from oit_checker.html.chrome import is_chrome_node

SPACE_RE = re.compile(r"\s+")
INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
JS_URL_RE = re.compile(
    r"(?:window\.open|location\.(?:href|assign|replace)|location)\s*(?:=|\()\s*(['\"])(.+?)\1", re.S
)


def clean_text(text: str | None) -> str:
    """Invisible characters removed, whitespace folded to single spaces, trimmed."""
    if not text:
        return ""
    return SPACE_RE.sub(" ", INVISIBLE_RE.sub("", text)).strip()


def in_chrome(node: LexborNode) -> bool:
    """Whether an element sits in the site's chrome; an article's own header/footer is content."""
    cur = node.parent
    inside_content = False
    while cur is not None and cur.tag not in ("body", "html"):
        if cur.tag in ("article", "main"):
            inside_content = True
        if is_chrome_node(cur):
            # An article's own header/footer holds its title and attachments, not site chrome.
            return not inside_content or cur.tag in ("nav", "aside")
        cur = cur.parent
    return False
