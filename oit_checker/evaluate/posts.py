"""A list of dated posts under the item's name whose posts are of another kind (`Component.posts_not`).

A news item (2568 O4, 2569 O4) is evidenced by a page of dated posts. A category "ข่าวประชาสัมพันธ์" that holds
only procurement notices ("ประกาศผู้ชนะการเสนอราคา…", "ประกวดราคาจ้าง…", "ราคากลาง…") has the title and the dates,
and an assessor still fails it: those notices belong to the procurement items, they are no news of the agency's
work (the seventh trial's b O4, medium confidence). A page where such notices are a few posts among the news is
the usual news page and stays as it is.

The posts are told by their dates (the dated component's own patterns). Their lines are those beside a date
line (a title above or below it, an excerpt), or the dated lines themselves when posts are written on one line;
a menu entry "ประกาศจัดซื้อจัดจ้าง" away from any date is none of them. Three posts or more, with at least three
quarters of their lines holding one of the wordings, is for a person to confirm: review, never a fail (a
wording may name something else). A list of news with a few notices among it keeps most of its lines clean.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from oit_checker.model import Component, Evidence
from oit_checker.text.thai import display, normalize, normalize_phrase

POSTS_MIN = 3
OTHER_SHARE = 0.75  # of the posts: the other kind's lines at least this many
QUOTED = 3  # lines quoted
QUOTE_CHARS = 200  # of a line


@dataclass(frozen=True)
class OtherPosts:
    posts: int  # dates of posts in the document
    other: int  # of the posts' lines, those holding a `posts_not` wording
    lines: int  # the posts' lines: beside their dates (titles, excerpts), or the dated lines themselves
    quotes: tuple[Evidence, ...]  # the first few of those lines


def other_posts(comp: Component, url: str, pages: Iterable[tuple[int | None, str]]) -> OtherPosts | None:
    """The document's posts when most are of the kind `comp.posts_not` names, else None. `pages`: (page number,
    text) of one document, its lines as extracted."""
    if not comp.posts_not or not comp.patterns:
        return None
    needles = tuple(normalize_phrase(w).lower() for w in comp.posts_not)
    posts = 0
    near: list[tuple[int | None, str]] = []  # the lines beside the posts' dates: their titles and excerpts
    own: list[tuple[int | None, str]] = []  # the dated lines: a post written on one line
    for page, text in pages:
        lines = [line for line in text.splitlines() if line.strip()]
        dated = [any(rx.search(display(line)) for rx in comp.patterns) for line in lines]
        posts += sum(sum(1 for rx in comp.patterns for _m in rx.finditer(display(line)))
                     for line, d in zip(lines, dated, strict=True) if d)
        for i, line in enumerate(lines):
            if dated[i]:
                own.append((page, line))
            elif (i > 0 and dated[i - 1]) or (i + 1 < len(lines) and dated[i + 1]):
                near.append((page, line))
    told = near if len(near) >= POSTS_MIN else own
    other = [(page, line) for page, line in told if any(n in normalize(line).lower() for n in needles)]
    if posts >= POSTS_MIN and len(told) >= POSTS_MIN and len(other) >= OTHER_SHARE * len(told):
        quotes = tuple(Evidence(url=url, page=page, snippet=display(line)[:QUOTE_CHARS])
                       for page, line in other[:QUOTED])
        return OtherPosts(posts, len(other), len(told), quotes)
    return None
