"""A paged document's running header and footer: lines a PDF repeats at the top or the bottom of its pages
("องค์การบริหารส่วนตำบลโคกสูง สรุปผลการจัดซื้อจัดจ้างรายเดือน ปีงบประมาณ ๒๕๖๙", "พิมพ์ ๒ พ.ค. ๒๕๖๙ หน้า ๑ จาก ๓").

Printed on every page, they come first (or last) in each page's text, where a title stands, and a year in them would
be read as the document's own: last year's monthly summary under this year's running header passed (review32 d02).
They are dropped before a document is judged; what the document says of itself is in its own title and body.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from oit_checker.text.thai import thai_digits_to_arabic

_EDGE_LINES = 3  # lines at the top and at the bottom of a page where a running line stands
_SHARE = 0.6  # of the pages: a line on at least this many (and at least two) runs
_MIN_CHARS = 4  # a shorter line (a lone page number) says nothing either way
# lines of a page whose edges are told from its body: a line between them. A report's short pages count too: a
# page of four sentences under its running header "รายงานสรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" and
# over "- ๑ -" is seven lines (review45 b32).
_PAGE_LINES = 2 * _EDGE_LINES + 1
_MAX_RUNNING = 4  # running lines of a document: a header and a footer of two lines each
_DIGITS = re.compile(r"[0-9๐-๙]+")
# A page number between dashes ("- ๓ -") is a page's number however short: it counts though under `_MIN_CHARS`
_DASHED = re.compile(r"^-#-$")
_SPACE = re.compile(r"\s+")


def _key(line: str) -> str:
    """The line without its numbers and spaces: "หน้า ๑ จาก ๓" and "หน้า ๒ จาก ๓" are one running line."""
    return _SPACE.sub("", _DIGITS.sub("#", line))


def running_keys(pages: Sequence[str]) -> frozenset[str]:
    """The keys (`_key`) of the lines at the top or bottom of at least `_SHARE` of the pages, and at least two."""
    seen: Counter[str] = Counter()
    bodies: set[str] = set()
    counted = 0
    for page in pages:
        lines = [line for line in page.split("\n") if line.strip()]
        # a short page is edges only, and a page printed twice repeats every line: only different pages of a page's
        # length count (told apart by the lines between their edges)
        body = "\n".join(lines[_EDGE_LINES:-_EDGE_LINES])
        if len(lines) < _PAGE_LINES or body in bodies:
            continue
        bodies.add(body)
        counted += 1
        seen.update({k for k in map(_key, lines[:_EDGE_LINES] + lines[-_EDGE_LINES:])
                     if len(k) >= _MIN_CHARS or _DASHED.match(k)})
    if counted < 2:
        return frozenset()
    least = max(2, math.ceil(counted * _SHARE))
    keys = frozenset(k for k, n in seen.items() if n >= least)
    # A header and a footer are a line or two each: more lines repeated at the edges are the text's own (a list
    # printed again on each page), kept.
    return keys if len(keys) <= _MAX_RUNNING else frozenset()


# A page's number in a running line ("หน้า ๒ จาก ๕", "- 2 -", "2/5", "Page 2"), as `_key` writes it: what marks the
# lines around it as the page's furniture. Without one, lines repeated at the top of every page are the pages' own
# (the heading of each order in a file of orders, "คำสั่ง… ที่ 45/2569", and each one's signature).
_PAGE_NUMBER = re.compile(r"หน้า(?:ที่)?#|^#(?:/#)?$|^-#-$|(?i:page)#")
# A title naming its year ("…ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", "ประจำเดือน ตุลาคม ๒๕๖๗")
_OWN_TITLE = re.compile(r"(?:ปีงบประมาณ|ประจำปี|พ\.\s?ศ\.|ประจำเดือน\s*[ก-๙.]+)\s*([0-9๐-๙]{2,4})")
# A signature's lines stay, even beside a page number: "(นายสมชาย ใจดี)", "ลงชื่อ…", "ประกาศ ณ วันที่…"
_SIGNATURE = re.compile(r"^\(|ลงชื่อ|ณวันที่")


_YEAR = re.compile(r"(?<![0-9๐-๙])[0-9๐-๙]{4}(?![0-9๐-๙])")


def _short_year(digits: str) -> str:
    """A year's last two digits, in Arabic: "๒๕๖๙", "2569" and "๖๙" are one year."""
    return thai_digits_to_arabic(digits)[-2:]


def _cover_years(first: str, keys: frozenset[str]) -> frozenset[str]:
    """The years (`_short_year`) the first page names outside its running lines: its cover's or title's."""
    return frozenset(_short_year(m.group()) for line in first.split("\n") if _key(line) not in keys
                     for m in _YEAR.finditer(line))


def _cover_again(line: str, cover: frozenset[str]) -> bool:
    """A running line naming the document and the year its cover names ("แผนการบริหารและพัฒนาทรัพยากรบุคคล
    ปีงบประมาณ พ.ศ. ๒๕๖๙" under a cover "…ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"), not a signature's: the cover printed again."""
    m = _OWN_TITLE.search(line)
    return m is not None and _short_year(m.group(1)) in cover and not _SIGNATURE.search(_key(line))


def without_running_lines(pages: tuple[str, ...]) -> tuple[str, ...]:
    """The pages with their running header and footer left out: at the top or bottom of each page but the first, a
    running line (`running_keys`) that gives the page's number, at the top a running line next to it, and at either
    edge a running title with the cover's year (`_cover_again`); the pages themselves when they have no running page
    number."""
    keys = running_keys(pages)
    if not any(_PAGE_NUMBER.search(k) for k in keys):
        return pages
    cover = _cover_years(pages[0], keys)
    out = []
    for page in pages:
        lines = page.split("\n")
        filled = [i for i, line in enumerate(lines) if line.strip()]
        edge = filled[:_EDGE_LINES] + filled[_EDGE_LINES:][-_EDGE_LINES:]
        numbers = [j for j, i in enumerate(edge) if _key(lines[i]) in keys and _PAGE_NUMBER.search(_key(lines[i]))]
        drop = {edge[j] for j in numbers}
        # the line beside it at the top (a header above "พิมพ์ … หน้า ๑ จาก ๓"); at the bottom a footer is its page
        # number, and the line above it may be a signature's position ("นายกองค์การบริหารส่วนตำบล…", review33 d02).
        # A bare "- ๒ -" at the top stands alone: the line under it on every page is a table's header row printed
        # again ("ลำดับ โครงการ/หลักสูตร ผู้เข้า", the demo's HR report), the table's own.
        for j in numbers:
            if _DASHED.match(_key(lines[edge[j]])):
                continue
            for k in (j - 1, j + 1):
                if 0 <= k < len(edge) and k < _EDGE_LINES and j < _EDGE_LINES:
                    key = _key(lines[edge[k]])
                    if key in keys and not _SIGNATURE.search(key):
                        drop.add(edge[k])
        # A paged document's running title repeating its cover's year is the cover again, at whichever edge, the page
        # number's or the other: "แผนการบริหารและพัฒนาทรัพยากรบุคคล ปีงบประมาณ พ.ศ. ๒๕๖๙" on its own line above "- ๓ -"
        # under the cover's "…ประจำปีงบประมาณ พ.ศ. ๒๕๖๙" (review45 b22), "รายงานสรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ
        # พ.ศ. ๒๕๖๘" at the top of pages numbered at the bottom (b32): it does not say the body is of that year. One
        # naming another year than the cover's stays, for the year judgement to weigh: the body's own title on every
        # page under a retitled cover (review27 b03), or a stale template's footer (review45 a03). A signature's
        # position above the page number names no year, and stays.
        drop.update(i for i in edge if _key(lines[i]) in keys and _cover_again(lines[i], cover))
        out.append("\n".join(line for i, line in enumerate(lines) if i not in drop))
    # The first page keeps its header unless a title of its own follows it: a document's title may be what is printed
    # on every page ("หน้า ๑/๓" over "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", review33 d03).
    head = [line for line in out[0].split("\n") if line.strip()][:_EDGE_LINES]
    if not any(_OWN_TITLE.search(line) for line in head):
        out[0] = pages[0]
    return tuple(out)
