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

from oit_checker.evaluate.empty import gathering_statement
from oit_checker.text.thai import display, thai_digits_to_arabic

# A line's lead before the words: a bullet, a number or a letter ("๓.", "ก)").
_LEAD = r"^[ \t]*(?:[-–•▪●][ \t]*)?(?:(?:[\d๐-๙]{1,2}|[ก-ฮ])[.)][ \t]*)?"
# Words that make the heading's words the start of a phrase going on ("ข้อจำกัด ด้านงบประมาณ", "แนวทางพัฒนา ท้องถิ่น…").
_GOING_ON = (r"ด้าน|ของ|ใน|ที่|และ|หรือ|เรื่อง|ทาง|การ|ซึ่ง|ว่า|ตาม|เพื่อ|นี้|ดังกล่าว|บาง|ต่าง|เหล่า|หลาย|สำคัญ|เฉพาะ"
             r"|ท้องถิ่น|ยุทธศาสตร์|จังหวัด|อำเภอ|ตำบล"
             # a sentence or a title going on, not a section: "ความท้าทาย คือ โอกาสในการสร้างองค์กรที่ปลอดการทุจริต" under
             # the vision, an intro's title "ความท้าทาย สู่การเป็นองค์กรแห่งการเรียนรู้" (review60 b06, d10)
             r"|คือ|สู่|ใหม่|ทั้ง|จาก|ต่อ|กับ|นั้น|แห่ง|เชิง|อย่าง")
# What a heading ending on a verb ("แนวทางพัฒนา", "แนวทางปรับปรุง") goes on with as its object: the phrase "แนวทางพัฒนา
# บุคลากรตามแผนพัฒนาพนักงานส่วนตำบล…" with a space in it, the plan's approach, no suggestion (review60 d09). After a noun
# heading the same words are what the section says ("ความท้าทาย พนักงานบางส่วน…": review60 a06).
_VERB_HEADING = re.compile(r"(?:พัฒนา|ปรับปรุง)$")
_OBJECT = re.compile(r"(?:บุคลากร|พนักงาน|องค์กร|องค์การ|ระบบ|ถนน|ชุมชน|คุณภาพ|ศักยภาพ|ทรัพยากร|เศรษฐกิจ|สังคม|โครงสร้าง"
                     r"|แหล่ง|เมือง|หมู่บ้าน|เด็ก|เยาวชน|ข้อมูล|สำนักงาน|พื้นที่|ประเทศ|ตนเอง)")
# A heading's number and its mark ("๒." / "3)"): the next line numbered after it is the next heading, not its text
# ("๒. สิ่งที่ยังทำไม่ได้" then "๓. แนวทางการปรับปรุง": review60 b03; "๑. ผลงานที่ได้" then "๒. ข้อจำกัด ฝนตกชุก…": d08).
_NUMBERED = re.compile(r"[ \t]*(?:[-–•▪●][ \t]*)?([\d๐-๙]{1,2})([.)])")
# A line that is only a report part's heading: the next part, not what this one says ("ข้อจำกัด" then "แนวทางการปรับปรุง").
_PART_WORDS = (r"(?:ปัญหา[ \t]?(?:และ|/)?[ \t]?อุปสรรค|ข้อ[ \t]?เสนอ[ \t]?แนะ"
               r"|แนว[ \t]?ทาง[ \t]?(?:การ[ \t]?)?(?:พัฒนา|ปรับปรุง|แก้ไข)(?:[ \t]?แก้ไข)?"
               r"|(?:ข้อ[ \t]?จำกัด|ความ[ \t]?ท้าทาย)(?:[ \t]?ที่[ \t]?พบ)?|ผล[ \t]?งาน[ \t]?ที่[ \t]?ได้"
               r"|ผลการดำเนิน(?:งาน|การ)|(?:สิ่ง|เรื่อง|งาน)[ \t]?ที่[ \t]?(?:ยัง[ \t]?)?ทำ[ \t]?(?:ได้|ไม่[ \t]?ได้|แล้ว))")
_PART_HEADING = re.compile(_LEAD + _PART_WORDS + r"[ \t]*[:：]?[ \t]*")
# A PDF table's header line ending on parts' headings, its columns after the money ("ข้อจำกัด แนวทางพัฒนา" under "ที่
# โครงการ/กิจกรรม ผลงานที่ได้ / งบประมาณที่ใช้ / (บาท)", review65 b01): no figure in it, the headings after a space, the
# line at least two columns (a heading alone on its line is read above)
_PARTS_COLUMNS = re.compile(r"(?:^|(?<=[ \t]))(?P<parts>" + _PART_WORDS + r"(?:[ \t]+" + _PART_WORDS + r")*)[ \t]*$")
_NOT_HEADER = re.compile(r"[\d๐-๙|:：]")
_HEADER_LINE = 200  # characters of a table's header line at most
# …whose rows write the parts' cells after their amount ("๙๖,๕๐๐ ระยะทางไกล ใช้เวลาเดินทาง ๒ วัน"), not only dashes
# ("๑๘,๔๐๐ - -", review65 b02); the table ends at its total or its signature
_AMOUNT = re.compile(r"[\d๐-๙]{1,3}(?:,[\d๐-๙]{3})+(?:\.[\d๐-๙]{2})?")
_TABLE_END = re.compile(r"[ \t]*(?:รวม|\(?ลงชื่อ|ผู้รายงาน|ผู้จัดทำ|ผู้อนุมัติ|ผู้เห็นชอบ|ทราบ)")
_TABLE_ROWS = 40  # lines of a table's rows looked at
# "แนวทางพัฒนา" a few lines under "ยุทธศาสตร์ที่ ๒ …", or before a plan's number ("แนวทางพัฒนา : ๒.๑ ก่อสร้าง ปรับปรุง…"), is a
# development plan's own label for its lines of work, no suggestion (review60 b02)
_STRATEGY = re.compile(r"[ \t]*ยุทธศาสตร์")
_PLAN_NUMBER = re.compile(r"[ \t]*[\d๐-๙]{1,2}\.[\d๐-๙]{1,2}(?![\d๐-๙])")
# "สิ่งที่ทำได้" is also "what one may do": a Do & Don't table's column beside "สิ่งที่ไม่ควรทำ", a line telling citizens
# "สิ่งที่ทำได้: ประชาชนสามารถแจ้งเบาะแส…" — rules, no work done (review60 b05, d02)
_MAY_DO = re.compile(r"ไม่[ \t]?ควร[ \t]?ทำ|ห้าม|ทำ[ \t]?ไม่[ \t]?ได้|Don.?t", re.IGNORECASE)
_MAY_DO_TEXT = re.compile(r"[^|]{0,20}?(?<!ไม่)(?<!ไม่ )สามารถ")
# What a heading without content holds: nothing, a dash, dots, a form's prompt.
_NOTHING = re.compile(r"[\s\-–—.…_:：|]*(?:\(\s*ระบุ[^)]*\)?)?[\s\-–—.…_|]*")
_CONTENTS_PAGE = re.compile(r"[ \t][\d๐-๙]{1,3}[ \t]*$")  # a contents line's page number: a title, not a section
_NEXT_LINES = 2  # lines looked at under a heading of its own for what it says


# What a heading's words may be glued to and still head the part: where it was met ("ความท้าทายที่พบ" over "๑. ได้รับจัดสรร
# เงินอุดหนุนล่าช้า…", review65 a01; "ข้อจำกัดในการดำเนินงาน"), spaced or not
_QUALIFIER = "|".join(r"[ \t]?".join(w) for w in ("ที่พบ", "ที่เกิดขึ้น", "ในการดำเนินงาน", "ในการดำเนินการ",
                                                  "ในการปฏิบัติงาน"))


@lru_cache(maxsize=64)
def _heading_rx(headings: tuple[str, ...]) -> re.Pattern[str]:
    # Each word spaced or not ("ผลงาน ที่ได้"): a space may fall between any two characters of a PDF's text.
    words = "|".join(r"[ \t]?".join(re.escape(ch) for ch in h.replace(" ", "")) for h in headings)
    return re.compile(_LEAD + rf"(?P<word>{words})(?:[ \t]?(?:{_QUALIFIER}))?"
                      rf"(?:[ \t]*[:：|][ \t]*(?P<cell>.*)|[ \t]*$|[ \t]+(?!(?:{_GOING_ON}))(?P<runin>[ก-ฮเ-ไ].*))")


def _says_something(text: str) -> bool:
    # nor a part said to be still gathered ("๓. ข้อเสนอแนะ" over "อยู่ระหว่างการรวบรวมข้อมูลจากส่วนราชการ", review73 a06)
    return bool(text.strip()) and _NOTHING.fullmatch(text) is None and not gathering_statement(text)


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
        if said is not None and _PART_HEADING.fullmatch(said):
            continue  # the next column's header, "ข้อจำกัด | แนวทางพัฒนา", says nothing (review65 b01): see `_columns_hit`
        word = m.group("word").replace(" ", "").replace("\t", "")
        if m.group("runin") is not None and _VERB_HEADING.search(word) and _OBJECT.match(said):
            continue
        quote = line.strip()
        if said is None:  # a line of its own: what the next line says, unless it is another heading
            said = next((x for x in lines[i + 1:i + 1 + _NEXT_LINES] if x.strip()), "")
            if rx.match(said) is not None or _next_heading(line, said):
                continue
            quote += " " + said.strip()
        if word.startswith("แนวทาง") and (_PLAN_NUMBER.match(said) or _under_strategy(lines, i)):
            continue
        if word.endswith("ทำได้") and (_MAY_DO.search(line) or _MAY_DO_TEXT.match(said)):
            continue
        if _says_something(said):
            return display(quote)[:_QUOTE]
    return _columns_hit(rx, lines)


def _columns_hit(rx: re.Pattern[str], lines: Sequence[str]) -> str | None:
    """A table's header line whose last columns are parts' headings, one of them `rx`'s, over rows that write
    something after their amounts (`_PARTS_COLUMNS`); quoted with the first such row."""
    for i, line in enumerate(lines):
        if len(line) > _HEADER_LINE or _NOT_HEADER.search(line) is not None:
            continue
        m = _PARTS_COLUMNS.search(line)
        if m is None:
            continue
        words = _part_words(m.group("parts"))
        if (re.search(r"[ก-ฮ)]", line[:m.start()]) is None and len(words) < 2) or not any(rx.match(w) for w in words):
            continue
        for row in lines[i + 1:i + 1 + _TABLE_ROWS]:
            if _TABLE_END.match(row):
                break
            amounts = list(_AMOUNT.finditer(row))
            if amounts and re.search(r"[ก-ฮ]", row[amounts[-1].end():]):
                return display(line.strip() + " … " + row.strip())[:_QUOTE]
    return None


def _part_words(parts: str) -> list[str]:
    """The parts' headings of a header's run of them, each alone on a line to be read as a heading."""
    return [m.group() for m in re.finditer(_PART_WORDS, parts)]


def _number(digits: str) -> int:
    return int(thai_digits_to_arabic(digits))




def _next_heading(line: str, nxt: str) -> bool:
    """Whether `nxt`, the line under the heading `line`, is the next heading: numbered after it, or only a part's
    heading."""
    a, b = _NUMBERED.match(line), _NUMBERED.match(nxt)
    if a is not None and b is not None and a.group(2) == b.group(2) \
            and _number(b.group(1)) == _number(a.group(1)) + 1:
        return True
    return _PART_HEADING.fullmatch(nxt) is not None


def _under_strategy(lines: Sequence[str], i: int) -> bool:
    """Whether one of the two lines written above line `i` starts with "ยุทธศาสตร์"."""
    above = [x for x in lines[max(0, i - 4):i] if x.strip()][-2:]
    return any(_STRATEGY.match(x) for x in above)


_QUOTE = 160  # characters quoted
