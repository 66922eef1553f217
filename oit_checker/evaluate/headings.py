"""A component's words standing as a heading or a row's label (`Component.headings`), read on a page's lines.

Agencies name a report's parts in their own words — "ข้อจำกัด", "ความท้าทาย", "ผลงานที่ได้" — and those words are a part
only where they head it: a line of their own over what they say ("ผลงานที่ได้" over "พนักงานส่วนตำบล ๓๑ คน ผ่านการอบรม…",
review59 e02), a line's start before ":" or a cell, or a run-in heading whose text follows on its line ("ความท้าทาย
อัตรากำลังกองช่างยังว่าง ๒ ตำแหน่ง", "ข้อจำกัด พนักงานบางส่วนติดภารกิจ…" in a PDF table's row: review59 e02, e01). The
same words in running text ("…ยังมีข้อจำกัดด้านงบประมาณ…", a line going on "ข้อจำกัด ด้าน…") head nothing, and a heading
with nothing written under it (a dash, dots, "(ระบุ)") states nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from oit_checker.text.thai import display

# A line's lead before the words: a bullet, a number or a letter ("๓.", "ก)").
_LEAD = r"^[ \t]*(?:[-–•▪●][ \t]*)?(?:(?:[\d๐-๙]{1,2}|[ก-ฮ])[.)][ \t]*)?"
# Words that make the heading's words the start of a phrase going on ("ข้อจำกัด ด้านงบประมาณ", "แนวทางพัฒนา ท้องถิ่น…").
_GOING_ON = (r"ด้าน|ของ|ใน|ที่|และ|หรือ|เรื่อง|ทาง|การ|ซึ่ง|ว่า|ตาม|เพื่อ|นี้|ดังกล่าว|บาง|ต่าง|เหล่า|หลาย|สำคัญ|เฉพาะ"
             r"|ท้องถิ่น|ยุทธศาสตร์|จังหวัด|อำเภอ|ตำบล")
# What a heading without content holds: nothing, a dash, dots, a form's prompt.
_NOTHING = re.compile(r"[\s\-–—.…_:：|]*(?:\(\s*ระบุ[^)]*\)?)?[\s\-–—.…_|]*")
_CONTENTS_PAGE = re.compile(r"[ \t][\d๐-๙]{1,3}[ \t]*$")  # a contents line's page number: a title, not a section
_NEXT_LINES = 2  # lines looked at under a heading of its own for what it says


@lru_cache(maxsize=64)
def _heading_rx(headings: tuple[str, ...]) -> re.Pattern[str]:
    # Each word spaced or not ("ผลงาน ที่ได้"): a space may fall between any two characters of a PDF's text.
    words = "|".join(r"[ \t]?".join(re.escape(ch) for ch in h.replace(" ", "")) for h in headings)
    return re.compile(_LEAD + rf"(?:{words})"
                      rf"(?:[ \t]*[:：|][ \t]*(?P<cell>.*)|[ \t]*$|[ \t]+(?!(?:{_GOING_ON}))(?P<runin>[ก-ฮเ-ไ].*))")


def _says_something(text: str) -> bool:
    return bool(text.strip()) and _NOTHING.fullmatch(text) is None


def heading_hit(headings: Sequence[str], page: str) -> str | None:
    """The first line of `page` where one of `headings` stands as a heading with something written after or under
    it, quoted with what follows; else None."""
    flat = page.replace(" ", "")
    if not headings or not any(h.replace(" ", "")[:3] in flat for h in headings):
        return None
    rx = _heading_rx(tuple(headings))
    lines = page.split("\n")
    for i, line in enumerate(lines):
        m = rx.match(line)
        if m is None or _CONTENTS_PAGE.search(line):
            continue
        said = m.group("cell") if m.group("cell") is not None else m.group("runin")
        quote = line.strip()
        if said is None:  # a line of its own: what the next line says, unless it is another heading
            said = next((x for x in lines[i + 1:i + 1 + _NEXT_LINES] if x.strip()), "")
            if rx.match(said) is not None:
                continue
            quote += " " + said.strip()
        if _says_something(said):
            return display(quote)[:_QUOTE]
    return None


_QUOTE = 160  # characters quoted
