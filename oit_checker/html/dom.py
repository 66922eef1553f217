"""Small helpers shared by every reader of HTML: text of an attribute or a node, script-held URLs."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from oit_checker.html.chrome import Above, is_chrome_node, walk_up

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


class ChromeCheck:
    """`in_chrome` for the elements of one parsed page, each element's answer worked out once: asked of every link
    of a page nested thousands deep, a walk to the top each time cost the square of the depth. Keep one for as long
    as the tree is unchanged."""

    def __init__(self) -> None:
        self._above = Above()
        # An element's answer by mem_id: the walk's from that element up, with an article or <main> passed on the way
        # (`_in`: only nav and aside are chrome above it then) or not (`_out`).
        self._in: dict[int, bool] = {}
        self._out: dict[int, bool] = {}

    def __call__(self, node: LexborNode) -> bool:
        """Whether `node` sits in the site's chrome; an article's own header/footer is content."""
        return self._walk(node.parent, inside=False)

    def _walk(self, cur: LexborNode | None, *, inside: bool) -> bool:
        def decide(node: LexborNode) -> bool | None:
            if not inside and node.tag in ("article", "main"):
                return self._walk(node, inside=True)
            if is_chrome_node(node, self._above):
                # An article's own header/footer holds its title and attachments, not site chrome.
                return not inside or node.tag in ("nav", "aside")
            return None

        return walk_up(cur, self._in if inside else self._out, decide, stop=("body", "html"))


def in_chrome(node: LexborNode) -> bool:
    """Whether an element sits in the site's chrome; an article's own header/footer is content (for many elements
    of one page, a `ChromeCheck`)."""
    return ChromeCheck()(node)
