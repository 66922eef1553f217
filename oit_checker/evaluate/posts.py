"""A list of dated posts under the item's name whose posts are of another kind (`Component.posts_not`,
`Component.posts_relayed`).

A news item (2568 O4, 2569 O4) is evidenced by a page of dated posts. A category "ข่าวประชาสัมพันธ์" that holds
only procurement notices ("ประกาศผู้ชนะการเสนอราคา…", "ประกวดราคาจ้าง…", "ราคากลาง…") has the title and the dates,
and an assessor still fails it: those notices belong to the procurement items, they are no news of the agency's
work (the seventh trial's b O4, medium confidence). A page where such notices are a few posts among the news is
the usual news page and stays as it is.

The posts are the lines with a date (the dated component's own patterns). Their lines are the words of each: the
dated line's own (a post written on one line) and the lines beside it (a title above or below, an excerpt),
leaving out the list's furniture, the same words on three lines or more once dates and numbers are put aside
("โพสต์เมื่อ … โดย งานประชาสัมพันธ์", "อ่านต่อ", "เข้าชม 35 ครั้ง") or fewer than 12 letters. A menu entry
"ประกาศจัดซื้อจัดจ้าง" away from any date is none of them. Three posts or more, with at least three quarters of
their lines holding one of the wordings, is for a person to confirm: review, never a fail (a wording may name
something else). A news list with a few notices, or a box of notices beside it, keeps most of its lines clean;
a news page submitted beside a page of notices is news.

Other bodies' notices passed on are the other kind of post a news category fills with (the ninth trial's b O4,
medium confidence): "ประชาสัมพันธ์ สำนักงานสรรพากรพื้นที่…", "…สัสดีอำเภอ… แจ้งกำหนดการตรวจเลือก…", "ตามหนังสือ
สำนักงาน…", "กรมการปกครองขอเชิญชวน…". The item's `posts_relayed` patterns find their lines; they count with the
procurement notices, and when they are most of them the reason says so (`posts_relayed`, review): some assessors
accept notices relayed as the agency's public relations, most want news of its own work.

A line naming the agency is its own ("กรมประชาสัมพันธ์เชิญชวน…" of กรมประชาสัมพันธ์), unless the name is the one passing the
notice on: "องค์การบริหารส่วนตำบลโคกสูง ขอประชาสัมพันธ์ ตามหนังสืออำเภอภูเวียง…", "…โคกสูง ได้รับหนังสือจากกรมการปกครอง…"
(review26 n01: every post so led is still another body's notice).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from oit_checker.model import Component, Evidence
from oit_checker.text.fiscal import find_year_mentions
from oit_checker.text.thai import display, normalize, normalize_phrase

POSTS_MIN = 3
OTHER_SHARE = 0.75  # of the posts' lines: those of the other kind at least this many
FILLER_REPEATS = 3  # a line's words said this often (dates and numbers aside) are the list's furniture
FILLER_LETTERS = 12  # a line of fewer letters says nothing of what a post is ("อ่านต่อ »", "โพสต์เมื่อ")
QUOTED = 3  # lines quoted
QUOTE_CHARS = 200  # of a line
_LETTER = re.compile(r"[ก-ฮะ-ฺเ-ๅA-Za-z]")
_NUMBER = re.compile(r"\d+")
# after the agency's name: the agency passes on another's notice ("…โคกสูง ขอประชาสัมพันธ์ ตามหนังสืออำเภอ…": review26 n01)
_PASSES_ON = r"\s?(?:ขอ\s?ประชาสัมพันธ์|ได้รับ\s?(?:หนังสือ|แจ้ง))"


@dataclass(frozen=True)
class OtherPosts:
    posts: int  # dated lines of the document: its posts
    other: int  # of the posts' lines, those holding a `posts_not` wording
    lines: int  # the posts' lines: titles and excerpts beside the dates, and the dated lines' own words
    quotes: tuple[Evidence, ...]  # the first few of the other kind
    relayed: bool = False  # most lines of the other kind pass on another body's notice (`posts_relayed`)


@dataclass(frozen=True)
class _Read:
    posts: int
    lines: list[tuple[int | None, str]]
    other: list[tuple[int | None, str]]
    relayed: int  # of `other`, the lines passing on another body's notice

    @property
    def mostly_other(self) -> bool:
        return self.posts >= POSTS_MIN and len(self.lines) >= POSTS_MIN and \
            len(self.other) >= OTHER_SHARE * len(self.lines)


def other_posts(comp: Component, documents: Iterable[tuple[str, Iterable[tuple[int | None, str]]]],
                agency: str = "", year: int | None = None) -> OtherPosts | None:
    """The first document whose posts are mostly of the kind `comp.posts_not` names, unless another document read
    for the item is a list of posts that is not (a news page submitted beside a page of notices). `documents`:
    (url, its pages as (page number, text)), lines as extracted. `agency`: the agency's name; a line naming it is
    the agency's own, whatever body it starts with (กรมประชาสัมพันธ์'s news "กรมประชาสัมพันธ์เชิญชวน…"). `year`: the fiscal
    year the item's posts must be of; when `POSTS_MIN` or more are dated in it, only those are weighed (last year's
    news below this year's procurement notices is no news of this year: review34 d02)."""
    if not (comp.posts_not or comp.posts_relayed) or not comp.patterns:
        return None
    needles = tuple(normalize_phrase(w).lower() for w in comp.posts_not)
    found: OtherPosts | None = None
    for url, pages in documents:
        read = _read(comp, needles, pages, normalize_phrase(agency).lower() if agency else "", year)
        if read.posts < POSTS_MIN:
            continue
        if not read.mostly_other:
            return None
        if found is None:
            quotes = tuple(Evidence(url=url, page=page, snippet=display(line)[:QUOTE_CHARS])
                           for page, line in read.other[:QUOTED])
            found = OtherPosts(read.posts, len(read.other), len(read.lines), quotes,
                               relayed=read.relayed * 2 > len(read.other))
    return found


def _read(comp: Component, needles: tuple[str, ...], pages: Iterable[tuple[int | None, str]], own: str = "",
          year: int | None = None) -> _Read:
    rows: list[tuple[int | None, str, bool, str]] = []  # page, line, dated, its words without dates or numbers
    for page, text in pages:
        for line in text.splitlines():
            shown = display(line)
            if not shown:
                continue
            words = shown
            for rx in comp.patterns:
                words = rx.sub(" ", words)
            rows.append((page, line, words != shown, " ".join(_NUMBER.sub(" ", words).split())))
    said = Counter(words for _p, _l, _d, words in rows)
    if year is not None:
        # the posts of the year only, when there are enough of them: a row beside another year's date is left out
        of_year = [dated and any(year in m.fiscal_years for m in find_year_mentions(line))
                   for _p, line, dated, _w in rows]
        if sum(of_year) >= POSTS_MIN:
            rows = [(p, line, dated and inside, words)
                    for (p, line, dated, words), inside in zip(rows, of_year, strict=True)]
    lines: list[tuple[int | None, str]] = []
    for i, (page, line, dated, words) in enumerate(rows):
        beside = dated or (i > 0 and rows[i - 1][2]) or (i + 1 < len(rows) and rows[i + 1][2])
        if beside and said[words] < FILLER_REPEATS and len(_LETTER.findall(words)) >= FILLER_LETTERS:
            lines.append((page, line))
    other: list[tuple[int | None, str]] = []
    relayed = 0
    own_passes_on = re.compile(re.escape(own) + _PASSES_ON) if own else None
    for page, line in lines:
        folded = normalize(line).lower()
        passed_on = any(rx.search(display(line)) for rx in comp.posts_relayed) and not (
            own and own in folded and not (own_passes_on and own_passes_on.search(folded)))
        if passed_on or any(n in folded for n in needles):
            other.append((page, line))
            relayed += passed_on
    return _Read(sum(1 for row in rows if row[2]), lines, other, relayed)
