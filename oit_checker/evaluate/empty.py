"""Sections left empty: a heading with only a dash under it ("๒. ปัญหาอุปสรรค" then "-"), or after a colon on its
line ("ข้อเสนอแนะ : -"), and then the next section. The heading names a component and says nothing of it; a
report whose problems and suggestions are two dashes names both and states neither. The words "ไม่มี", "ไม่พบปัญหา"
are a statement and are not empty; a dash followed by text is a bullet ("-" / "ผู้ประกอบการมีน้อย"), ":-" before
numbered lines is punctuation; a dash at the end of a line with no colon is not taken for one, as a wrapped line may
end on a dash ("ปัญหาอุปสรรค –" / "ฝนตกชุก…"), nor a rule "-----" drawn under a title, nor a page number "- 2 -".

A part said to be pending is empty the same way: a section whose one line is "จะรายงานเมื่อสิ้นปีงบประมาณ" or
"อยู่ระหว่างดำเนินการ", a field "ผลการประชุม : อยู่ระหว่างการสรุปผล…", a table column whose every cell is pending or gives
no value ("ยังไม่ได้ดำเนินการ", "รอเบิกจ่าย", "ตามความเหมาะสม"), a list whose every row is "ยังไม่เผยแพร่". Figures say
something was done and keep a part; a day, a quarter or a year it is still to be done by does not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from oit_checker.text.fiscal import THAI_MONTH_RX
from oit_checker.text.thai import thai_digits_to_arabic

_LINE_ENDS_ON_DASH = re.compile(r"[-–—][ \t\r]*$", re.MULTILINE)  # where to look: most pages have none of these
_DASH_ONLY = re.compile(r"[ \t]*[-–—]{1,3}[ \t\r]*")
_COLON_DASH = re.compile(r"[:：][ \t]*[-–—]{1,3}[ \t\r]*$")
_DASHES = ("-", "–", "—")
# A heading: an optional number ("๒.", "3)", "ก."), a few words holding a letter, no digits, no cells, no dashes.
_HEADING = re.compile(
    r"[ \t]*(?:(?:[\d๐-๙]{1,2}|[ก-ฮ])[.)][ \t]*)?(?=.*[ก-๛A-Za-z])[^\d๐-๙|\-–—]{2,60}?[ \t]*[:：]?[ \t\r]*")
# A heading that cannot be a bullet's text: numbered ("๓. ข้อเสนอแนะ") or ending on a colon ("ข้อเสนอแนะ :").
_MARKED_HEADING = re.compile(r"[ \t]*(?:(?:[\d๐-๙]{1,2}|[ก-ฮ])[.)][ \t]*\S|[^\n]*[:：][ \t]*(?:[-–—]{1,3})?[ \t\r]*$)")
_NUMBER = re.compile(r"[ \t]*(?:[\d๐-๙]{1,2}|[ก-ฮ])([.)])[ \t]*\D")
_FIELD = re.compile(r"[ \t]*[^\d๐-๙|:：\n]{2,40}[:：]")  # "ปัญหา : …": the next field of a list of fields
# (a memo's closing ends its body as its signature does: "จึงเรียนมาเพื่อโปรดทราบ" under "๓. ข้อเสนอแนะ" / "อยู่ระหว่างการ
# รวบรวมข้อมูลจากส่วนราชการ", review73 a06)
_SIGNED = re.compile(r"[ \t]*(?:\(?ลงชื่อ|\(ลง|ประกาศ ณ|สั่ง ณ|จึงเรียน\s*มา\s*เพื่อ)")


# A cell that says its column's work is not done or not yet reported ("อยู่ระหว่างดำเนินการ", "ยังไม่ได้ดำเนินการ",
# "รอเบิกจ่าย", "จะรายงานเมื่อสิ้นปีงบประมาณ"): a results or spend column of only these states none (review20 s23,
# review21 r02, m04). Not under a status column ("สถานะการจัดซื้อจัดจ้าง"), whose values these are.
# Words that say the work is not done or not yet reported, starting a cell or a section's one line (`_PENDING_CELL`,
# `_PENDING_START`, each with a few of its own).
_NOT_YET = (r"อยู่\s*ระหว่าง|ยังไม่\s*(?:ได้\s*)?(?:ดำเนินการ|ดำเนินงาน|เริ่ม|มีผล|รายงาน|สรุป)"
            r"|รอ\s*(?:ดำเนินการ|สรุป|รายงาน|ผล|นำเสนอ|เสนอ|พิจารณา|รวบรวม)|จะ\s*(?:รายงาน|สรุปผล|แจ้งผล)")
_PENDING_CELL = re.compile(
    r"(?:ขณะนี้\s*)?(?:" + _NOT_YET + r"|อยู่\s*ใน\s*ขั้นตอน|ยังไม่\s*(?:ได้\s*)?(?:เบิกจ่าย|เผยแพร่|จัดทำ|แล้วเสร็จ)"
    r"|รอ\s*(?:การ\s*)?(?:อนุมัติ|เบิกจ่าย|ดำเนินการ|พิจารณา|จัดซื้อ|เผยแพร่|ลงนาม)"
    r"|รอ\s*(?:ผู้บริหาร|นายก|ผู้บังคับบัญชา)\s*(?:ลงนาม|อนุมัติ|พิจารณา)|ไม่ได้\s*ดำเนินการ|กำลัง\s*ดำเนินการ"
    r"|ชะลอ|เลื่อน|ยกเลิก|(?:ฉบับ)?ร่าง(?=\s|$)|เสนอ\s*\S{0,20}พิจารณา|จะ\s*เผยแพร่)[^|]{0,60}")  # review23 h03, h05
# The days a pending cell may give for what is still to come ("คาดว่าแล้วเสร็จ 31 ธันวาคม 2568", "เลื่อนไปไตรมาส 2/2569",
# "จะรายงานผลในไตรมาสที่ 1 ปี 2569": review22 a04): dates, quarters and years, not counts of what was done.
_PLANNED_WHEN = re.compile(
    rf"\d{{1,2}}\s*{THAI_MONTH_RX}\s*\d{{2,4}}|{THAI_MONTH_RX}\s*\d{{2,4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
    r"|ไตรมาส\s*(?:ที่\s*)?\d(?:\s*/\s*\d{2,4})?|(?:ปี|พ\.\s*ศ\.)\s*(?:งบประมาณ\s*)?(?:พ\.\s*ศ\.\s*)?\d{2,4}|25\d\d")


def _figures(cell: str) -> bool:
    """Whether a cell holds a figure other than a day, a quarter or a year still to come (`_PLANNED_WHEN`)."""
    return any(ch.isdigit() for ch in _PLANNED_WHEN.sub(" ", cell))


_STATUS_COLUMN = "สถานะ"
# A contact column ("หมายเลขโทรศัพท์", "อีเมล") whose every cell is a dash gives no contact (review21 e03): there a dash
# is no value, as it is in a column of counts ("-" for none).
_CONTACT_COLUMN = re.compile(r"โทร|อีเมล|(?i:e-?mail|line)|ติดต่อ")
# A risk plan's measures or risk level: a column whose every cell is "ไม่มี" or "-" sets none, whatever its header names
# ("กระบวนงาน | ความเสี่ยงการรับสินบน | ระดับความเสี่ยง | มาตรการ" over rows "ไม่พบ | - | ไม่มี": review68 d07). There "ไม่มี"
# is no answer of a count that may be zero ("จำนวนเรื่องร้องเรียน | ไม่มี" states one), but the part the plan must hold.
_MUST_HOLD_COLUMN = re.compile(r"มาตรการ|ระดับ\s*ความ\s*เสี่ยง|(?:แนวทาง|วิธี)\s*(?:การ\s*)?(?:ป้องกัน|ควบคุม|จัดการ)")
_NONE_CELL = re.compile(r"[-–—]{1,3}|ไม่\s*มี|ไม่\s*ได้\s*กำหนด(?:\s*มาตรการ)?")


# A cell that gives no value of its own: "ตามความเหมาะสม", "ตามที่กฎหมายกำหนด", "ภายในกำหนดเวลาตามระเบียบ" under a plan's
# timeframe (review22 h08).
_VACUOUS_CELL = re.compile(
    r"(?:(?:ดำเนินการ\s*)?ตาม\s*ความ\s*เหมาะสม|(?:ภายใน\s*กำหนด\s*เวลา\s*)?ตาม\s*(?:ที่\s*)?(?:กฎหมาย|ระเบียบ)\s*(?:กำหนด)?"
    r"|ตาม\s*(?:ที่\s*)?(?:จ่าย|ใช้|เบิก)\s*จริง)")  # "ดำเนินการตามความเหมาะสม", "ตามที่จ่ายจริง" (review23 g04)


# A results column filled with the plan's aims ("เพื่อให้บุคลากรร้อยละ 80 มีความรู้…": review26 o01) reports nothing done.
_AIM_CELL = re.compile(r"เพื่อ\s*(?:ให้|เป็น|สร้าง|ส่งเสริม|ป้องกัน|พัฒนา|ลด|เพิ่ม)")
_RESULTS_HEADER = re.compile(r"ผลการ|ผลที่|ผลลัพธ์")


# A plan's target column ("เป้าหมาย/ตัวชี้วัด"): a results column whose every cell repeats it word for word reports
# nothing done ("บุคลากรเข้าร่วมไม่น้อยกว่าร้อยละ ๘๐ | บุคลากรเข้าร่วมไม่น้อยกว่าร้อยละ ๘๐": review34 x01).
_TARGET_HEADER = re.compile(r"เป้าหมาย|ตัวชี้วัด")


def _copies(rows: list[list[str]], k: int, targets: list[int]) -> bool:
    """Whether column `k` of every row (a total's aside: "รวม | | | ๓๕,๐๐๐") holds the same words as one of the
    `targets` columns of that row."""
    rows = [row for row in rows if not (row and row[0].startswith("รวม"))]
    return bool(targets) and bool(rows) and all(
        k < len(row) and row[k] != "" and any(j < len(row) and j != k and row[j] == row[k] for j in targets)
        for row in rows)


# A template's stand-in for a value: "xx,xxx.xx", "xxxxxxxxxxx", "xx/2569 ลว. xx ตุลาคม 2568", a run of dots
# "...................." (review38 g01: a สขร.๑ whose prices, vendors, contracts and e-GP numbers were never filled).
_PLACEHOLDER_CELL = re.compile(r"(?<![A-Za-z])[xX]{2,}(?![A-Za-z])|^[\s.…_]{3,}$")


# A form's prompt left in its cell, "(ระบุ)", "(ระบุชื่อโครงการ) ……": the column is still to be filled (review59 k02: an
# O25 template whose every row is "(ระบุ) | (ระบุ) | …" or dots under "ประเด็นที่ต้องพัฒนา | มาตรการ | …").
_PROMPT_CELL = re.compile(r"\(\s*ระบุ[^)]{0,40}\)?[\s.…_]*")


def _blank(cell: str, header: str) -> bool:
    if not cell or _VACUOUS_CELL.fullmatch(cell) or _PLACEHOLDER_CELL.search(cell) or _PROMPT_CELL.fullmatch(cell) \
            or placeholder_cell(cell):  # "TBD", "Lorem ipsum…" under "ผลการดำเนินการ" (review71 b04)
        return True
    if _AIM_CELL.match(cell) and _RESULTS_HEADER.search(header):
        return True
    if _NONE_CELL.fullmatch(cell) and _MUST_HOLD_COLUMN.search(header):
        return True
    if _EMPTY_CELL.fullmatch(cell):
        return _CONTACT_COLUMN.search(header) is not None
    return _PENDING_CELL.fullmatch(cell) is not None and _STATUS_COLUMN not in header \
        and not _figures(cell)  # "อยู่ระหว่างดำเนินการ แล้วเสร็จร้อยละ 80" reports


def _next(lines: list[str], i: int) -> int:
    """The index of the first non-blank line from `i` (len(lines) when none)."""
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def _empty_heading(line: str) -> bool:
    colon = _COLON_DASH.search(line)
    return colon is not None and _HEADING.fullmatch(line[:colon.start()]) is not None


# The bare name of a report's next part, unnumbered, on a line of its own, itself over a dash: "ข้อเสนอแนะ" / "-" under
# "ปัญหาและอุปสรรค" / "-" (review76 f03, h02). A dash over it is no bullet: a bullet's text says something ("-" /
# "ปัญหาการประสานงานล่าช้า").
_NEXT_PART = re.compile(r"[ \t]*(?:(?:ปัญหา|อุปสรรค|ข้อเสนอแนะ|ข้อเสนอ|ข้อจำกัด|ข้อขัดข้อง|แนวทาง\s*(?:การ\s*)?(?:แก้ไข|ปรับปรุง)"
                        r"(?:\s*ปัญหา)?)[ \t]*(?:และ|/|,)?[ \t]*){1,4}[:：]?[ \t\r]*")


def _section_ends(lines: list[str], after: int, heading: str) -> bool:
    """Whether the section headed `heading`, whose dash is the line before `after`, ends there: at the page's end,
    a signature ("(ลงชื่อ)"), the next heading numbered as this one is ("๒." … "๓."), or another marked heading
    emptied the same way. Anything else is the section's content ("๑) …" under "๒. ปัญหาอุปสรรค :-")."""
    i = _next(lines, after)
    if i == len(lines):
        return True
    line = lines[i]
    own, other = _NUMBER.match(heading), _NUMBER.match(line)
    # the date the report is signed ends it too: "ข้อเสนอแนะ : -" / "วันที่ ๒๐ พฤศจิกายน พ.ศ. ๒๕๖๘" (review45)
    if _SIGNED.match(line) or _DATED.match(line) \
            or (own is not None and other is not None and own.group(1) == other.group(1)):
        return True
    if _empty_heading(heading) and _FIELD.match(line) and line.rstrip().endswith((*_DASHES, "ไม่มี")):
        return True  # a list of empty fields, "ข้อสังเกต : -" then "ปัญหา : ไม่มี" (not ":-" before sub-items)
    if _NEXT_PART.fullmatch(line) is not None:
        # "ปัญหาและอุปสรรค" / "-" / "ข้อเสนอแนะ" / "-": the next part's bare name emptied the same way (review76 f03)
        below = _next(lines, i + 1)
        if below < len(lines) and _DASH_ONLY.fullmatch(lines[below]) is not None:
            return True
    if _MARKED_HEADING.match(line) is None:
        return False
    if _empty_heading(line):
        return True
    below = _next(lines, i + 1)
    return (_HEADING.fullmatch(line) is not None and below < len(lines)
            and _DASH_ONLY.fullmatch(lines[below]) is not None)


# A section whose only content says it is not done or not yet reported: "4. ผลการขับเคลื่อนจริยธรรม" then "จะรายงานเมื่อ
# สิ้นปีงบประมาณ" (review20 s29), "ผลการประชุม : อยู่ระหว่างการสรุปผลของคณะทำงาน เมื่อแล้วเสร็จจะแจ้ง…" (review21 p03). The
# statement holds no figure ("อยู่ระหว่างดำเนินการ 2 โครงการ แล้วเสร็จ 5 โครงการ" reports); the heading may name a year.
_PENDING_START = re.compile(
    r"[ \t]*(?:(?:เจ้าหน้าที่|คณะทำงาน|คณะกรรมการ|ผู้รับผิดชอบ|หน่วยงาน)\s*)?"  # "เจ้าหน้าที่เตรียมสรุป…" (review23 f04)
    r"(?:" + _NOT_YET + r"|เตรียม\s*(?:สรุป|เสนอ|นำเสนอ|รวบรวม|รายงาน))")
# Words of what is still to come ("กำหนดจัดกิจกรรมส่งเสริมจริยธรรมในไตรมาสที่ 3…": review22 b01): pending only under a
# heading of what was done (its results, its promotion), not under a plan's project, which is all still to come.
_FUTURE_START = re.compile(r"[ \t]*(?:จะ\s*(?:จัด|ดำเนินการ)|(?:มี\s*)?กำหนด\s*(?:การ\s*)?จัด|มีแผน\s*(?:ที่\s*)?จะ)")
_DONE_HEADING = re.compile(r"ผล|ขับเคลื่อน|ส่งเสริม|ข้อสรุป|การดำเนินการ|การดำเนินงาน")
_PENDING_MAX = 160  # characters of the statement
_PENDING_HEADING = re.compile(
    r"[ \t]*(?:(?:[\d๐-๙]{1,2}|[ก-ฮ])[.)][ \t]*)?(?=[^\n]*[ก-๛A-Za-z])(?:[^\d๐-๙|\-–—:：\n]|(?:25|๒๕)[\d๐-๙]{2}){2,80}?"
    r"[ \t]*")
_YEAR = re.compile(r"(?:25|๒๕)[\d๐-๙]{2}")


# A section of problems or suggestions saying what was not done ("ปัญหาและอุปสรรค" then "ยังไม่ได้ดำเนินการบางโครงการ
# เนื่องจาก…") states its problem: it is not pending.
_PROBLEMS_HEADING = re.compile(r"ปัญหา|อุปสรรค|ข้อเสนอ|ข้อจำกัด|ข้อขัดข้อง")


# …but one saying the problems are still being gathered ("๒. ปัญหาและอุปสรรค" then "อยู่ระหว่างการรวบรวมข้อมูลจากส่วนราชการ",
# review73 a06) states none: collecting is no problem met.
_COLLECTING = re.compile(r"[ \t]*(?:ขณะนี้\s*)?(?:อยู่\s*ระหว่าง\s*(?:การ\s*)?|รอ\s*(?:การ\s*)?)(?:รวบรวม|สรุป)")


def gathering_statement(text: str) -> bool:
    """Whether `text` only says its part is still being gathered ("อยู่ระหว่างการรวบรวมข้อมูลจากส่วนราชการ"), no figure."""
    return _COLLECTING.match(text) is not None and len(text.strip()) <= _PENDING_MAX \
        and not _figures(_YEAR.sub("", text))


def _pending_statement(text: str, heading: str) -> bool:
    if _PROBLEMS_HEADING.search(heading):
        return gathering_statement(text)
    started = _PENDING_START.match(text) is not None or (
        _FUTURE_START.match(text) is not None and _DONE_HEADING.search(heading) is not None)
    return started and len(text.strip()) <= _PENDING_MAX and not _figures(_YEAR.sub("", text))


# A heading and, on its own line after a space (a bold heading run into its paragraph), the statement that its part is
# still to be done: "ระดับความเสี่ยง คณะทำงานจะประเมินโอกาสที่จะเกิดและผลกระทบของแต่ละความเสี่ยงในการประชุมไตรมาสที่ ๓…"
# (review78 g02), "มาตรการควบคุมความเสี่ยง / แนวทางการป้องกัน อยู่ระหว่างคณะทำงานพิจารณา ยังไม่ได้กำหนด…" (review78 g03).
# The heading holds no figure, cell or colon; the statement opens on what is not yet done or will be done (a rating, a
# setting of measures; not a state's "อยู่ระหว่างดำเนินการ"), and holds no figure but a day, a quarter or a year to come
# (`_figures`).
_INLINE_PENDING = re.compile(
    r"[ \t]*(?:(?:[\d๐-๙]{1,2}|[ก-ฮ])[.)][ \t]*)?(?=[^\n]*[ก-๛])(?P<head>[^\d๐-๙|:：\n]{2,60}?)[ \t]+"
    r"(?P<said>(?:คณะทำงาน|คณะกรรมการ|เจ้าหน้าที่|ผู้รับผิดชอบ|หน่วยงาน)?\s*(?:ขณะนี้\s*)?"
    r"(?:อยู่\s*ระหว่าง(?!\s*(?:การ\s*)?ดำเนิน)|ยังไม่\s*ได้\s*(?:กำหนด|ประเมิน|จัดทำ)|จะ\s*(?:ประเมิน|กำหนด|จัดทำ|พิจารณา))"
    r"[^|:：\n]*)")
_INLINE_PENDING_MAX = 200  # characters of the statement


def _inline_pending(line: str) -> bool:
    """Whether the line is a heading run into a statement that its part is still to be done (`_INLINE_PENDING`)."""
    m = _INLINE_PENDING.fullmatch(line.rstrip("\r"))
    if m is None or len(m.group("said").strip()) > _INLINE_PENDING_MAX or "แล้ว" in m.group("head") \
            or "หมายเหตุ" in m.group("head"):
        # nor a PDF table's header of states ("โครงการตามแผน ดำเนินการแล้ว ยังไม่ดำเนินการ…": review39 a06), nor a note
        # under a table ("หมายเหตุ อยู่ระหว่างรอการโอนเงินอุดหนุน…": review68 c03)
        return False
    if _PROBLEMS_HEADING.search(m.group("head")):
        # "ปัญหาอุปสรรค ยังไม่ได้ดำเนินการบางโครงการ เนื่องจาก…" states its problem
        return gathering_statement(m.group("said"))
    return not _figures(_YEAR.sub("", m.group("said")))


def pending_sections(page: str) -> list[tuple[int, int]]:
    """The line ranges [start, end) of the page's sections that only say they are pending: a heading
    (`_PENDING_HEADING`) whose field after a colon, or whose next line, alone before the next section, the page's end
    or a signature, is a pending statement (`_PENDING_START`, no figure)."""
    if not any(w in page for w in ("ระหว่าง", "ยังไม่", "รอ", "จะ", "กำหนด", "มีแผน", "เตรียม")):
        return []
    lines = page.split("\n")
    out: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        head, colon, field = line.partition(":")
        if not colon:
            head, colon, field = line.partition("：")
        if colon and _PENDING_HEADING.fullmatch(head) and _pending_statement(field, head):
            out.append((i, i + 1))
            continue
        if not colon and _inline_pending(line):
            out.append((i, i + 1))
            continue
        if not _PENDING_HEADING.fullmatch(line) or _pending_statement(line, ""):
            continue
        j = _next(lines, i + 1)
        if j < len(lines) and _pending_statement(lines[j], line):
            k = _next(lines, j + 1)
            if k == len(lines) or _SIGNED.match(lines[k]) or _NUMBER.match(lines[k]) or _FIELD.match(lines[k]) \
                    or (_PENDING_HEADING.fullmatch(lines[k]) and (n := _next(lines, k + 1)) < len(lines)
                        and (_pending_statement(lines[n], lines[k]) or _DASH_ONLY.fullmatch(lines[n]))):
                out.append((i, j + 1))  # the next section, numbered, a field, or emptied the same way
    return out


def pending_rows(page: str) -> list[tuple[int, int]]:
    """The line ranges of a table's rows, when each of its rows (two or more) says it is pending in a cell of its own
    ("1 | คู่มือขั้นตอนการปฏิบัติงานสารบรรณ | สำนักปลัด | ยังไม่เผยแพร่", review20 s14, s14b) and holds no figure
    besides its number: a list of documents not yet published names each and gives none. A row with figures (a
    procurement's amounts beside its "อยู่ระหว่างดำเนินการ") reports something."""
    if "|" not in page:
        return []
    lines = page.split("\n")
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if lines[i].count("|") < 2:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j].count("|") >= 2:
            j += 1
        rows = range(i + 1, j)  # the first line is the header
        if len(rows) >= _MIN_ROWS and all(_pending_row(lines[k]) for k in rows):
            out.extend((k, k + 1) for k in rows)
            # a results table whose every row is pending ("มาตรการ | ผลการดำเนินการ | งบประมาณที่ใช้ (บาท)" over rows
            # "… | อยู่ระหว่างดำเนินการ | อยู่ระหว่างดำเนินการ" under "๑. ผลการดำเนินการตามมาตรการ", review73 a06): its
            # header and its section's heading name the results and the money and state neither
            start = _table_start(lines, i + 1)
            if start is not None:
                h = start - 1
                while h >= 0 and not lines[h].strip():
                    h -= 1
                if h >= 0 and _results_heading(lines[h]):
                    start = h
                out.append((start, i + 1))
        i = j
    return out


_NUMBERED_HEAD = re.compile(r"[ \t]*(?:[\d๐-๙]{1,2}|[ก-ฮ])[.)][ \t]*")
_RESULTS_HEADING_MAX = 80  # characters: a longer line is the text under a heading


def _results_heading(line: str) -> bool:
    """A numbered heading naming results, and nothing else: "๑. ผลการดำเนินการตามมาตรการ"."""
    m = _NUMBERED_HEAD.match(line)
    return m is not None and len(line) <= _RESULTS_HEADING_MAX and _RESULTS_HEADER.search(line) is not None \
        and "|" not in line and not _figures(_YEAR.sub("", line[m.end():]))


def _pending_row(line: str) -> bool:
    cells = [c.strip() for c in line.split("|")]
    pending = [c for c in cells if c and _PENDING_CELL.fullmatch(c) and not _figures(c)]
    rest = "".join(c for c in cells[1:] if c not in pending)
    return bool(pending) and not any(ch.isdigit() for ch in rest)


# A criteria section that only defers to another body's rules: "หลักเกณฑ์การบริหารทรัพยากรบุคคล" then one line "การสรรหา
# การบรรจุแต่งตั้ง … ให้ถือปฏิบัติตามประกาศคณะกรรมการพนักงานส่วนตำบลจังหวัดนครราชสีมา…" and then the plan's table (review22
# h07): it names the agency's criteria and states none. The line is no numbered point ("1. การสรรหา ให้เป็นไปตาม
# ประกาศ ก.อบต." among points of the agency's own), and the section ends at the next table, numbered line, heading or
# signature.
_CRITERIA_HEADING = re.compile(
    r"[ \t]*(?:(?:[\d๐-๙]{1,2}|[ก-ฮ])[.)][ \t]*)?[^\d๐-๙|:：\n]{0,20}หลักเกณฑ์[^\d๐-๙|\n]{0,60}")
_DEFERRAL = re.compile(
    r"(?![ \t]*(?:[\d๐-๙]{1,2}|[ก-ฮ])[.)])(?![ \t]*[-–•▪●])[^|\n]{0,160}?(?:ให้\s*)?"
    r"(?:ถือ\s*ปฏิบัติ|เป็นไป|ดำเนินการ)\s*ตาม\s*"
    r"(?:ประกาศ|ระเบียบ|หลักเกณฑ์|มาตรฐาน)[^|\n]{0,40}?(?:คณะกรรมการ|ก\.\s*(?:อบต|ท|จ|ถ|พ)\.?|กระทรวง|กรม)[^|\n]{0,160}")
_DEFERRAL_MAX = 320  # characters of the one line


def deferred_sections(page: str) -> list[tuple[int, int]]:
    """The line ranges [start, end) of the page's criteria sections (`_CRITERIA_HEADING`) whose one line only defers
    to another body's announcement or rules (`_DEFERRAL`), before a table, a numbered line, a heading, a signature
    or the page's end."""
    if "หลักเกณฑ์" not in page or "ตาม" not in page:
        return []
    lines = page.split("\n")
    out: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        if "หลักเกณฑ์" not in line or not _CRITERIA_HEADING.fullmatch(line.rstrip()):
            continue
        j = _next(lines, i + 1)
        if j == len(lines):
            continue
        end = _deferral_end(lines, j)
        if end is None:
            continue
        k = _next(lines, end)
        if k == len(lines) or "|" in lines[k] or _SIGNED.match(lines[k]) or _NUMBER.match(lines[k]) \
                or _MARKED_HEADING.match(lines[k]) or _HEADING.fullmatch(lines[k]):
            out.append((i, end))
    return out


# A deferral wrapped over lines, as a PDF breaks a paragraph at the page's width: "ให้ถือปฏิบัติตามประกาศคณะกรรมการ
# พนักงานส่วนตำบลจังหวัดขอนแก่น เรื่อง หลัก" / "เกณฑ์และเงื่อนไขเกี่ยวกับการบริหารงานบุคคลขององค์การบริหารส่วนตำบล และที่แก้ไข" /
# "เพิ่มเติม" (review40 j03). A line runs on to the next only when it is full (a paragraph's last line is short), the
# next is none of a section's marks (a number, a bullet, a table's row, a signature), the lines read together are
# still the one deferral, and they end as the title of what is cited ends ("…และที่แก้ไขเพิ่มเติม", "(ฉบับที่ 3)",
# "พ.ศ. 2558"): the agency's own words after it ("ส่วนการพัฒนาบุคลากร อบต.โคกสูงกำหนดให้…") are criteria.
_FULL_LINE = 60  # characters: a line broken at the page's width
_WRAPPED_LINES = 4  # lines of one deferral at most
_BULLET = re.compile(r"[ \t]*[-–•▪●]")
_CITED_END = re.compile(r"(?:ที่\s?แก้ไข\s?เพิ่มเติม(?:\s?(?:ทุก\s?)?ฉบับ)?|\(?ฉบับที่\s?[\d๐-๙]{1,2}\)?"
                        r"|พ\.\s?ศ\.\s?[\d๐-๙]{4}|กำหนด)[\s.)]*$")


def _deferral_end(lines: list[str], j: int) -> int | None:
    """The line after the deferral (`_DEFERRAL`) starting at line `j`, one line or wrapped over a few; None when
    line `j` starts none."""
    if len(lines[j].strip()) > _DEFERRAL_MAX or not _DEFERRAL.fullmatch(lines[j].rstrip()):
        return None
    joined, end, last = lines[j].strip(), j + 1, j + 1
    while last < len(lines) and last - j < _WRAPPED_LINES and len(lines[last - 1].strip()) >= _FULL_LINE:
        nxt = lines[last]
        if not nxt.strip() or "|" in nxt or _SIGNED.match(nxt) or _NUMBER.match(nxt) or _BULLET.match(nxt) \
                or _MARKED_HEADING.match(nxt):
            break
        joined = f"{joined} {nxt.strip()}"
        if len(joined) > _DEFERRAL_MAX or not _DEFERRAL.fullmatch(joined):
            break
        last += 1
        if _CITED_END.search(joined) is not None:
            end = last
    if len(_OWN_CRITERION.findall(" ".join(lines[j:end]))) >= _OWN_CRITERIA:
        return None  # criteria listed, one deferred: "หลักเกณฑ์การสรรหา…ตามประกาศ… หลักเกณฑ์การประเมินผล…ปีละ 2 ครั้ง"
    return end


# A criterion named as the subject of what follows, not inside the title of what is cited ("…เรื่อง หลักเกณฑ์และ…"):
# two or more of them make the line a list of the agency's criteria (the fix kit's sample answer for the HR plan).
_OWN_CRITERION = re.compile(r"(?<!เรื่อง)(?<!เรื่อง\s)หลักเกณฑ์")
_OWN_CRITERIA = 2


# A PDF's results table in lines of words, every row pending (review45 b10, b14, b18, b20): "๑ โครงการก่อสร้างถนนคอนกรีต
# เสริมเหล็ก สายบ้านโคกสูง–บ้าน" / "หนองแวง หมู่ที่ ๓" / "อยู่ระหว่างดำเนิน" / "การ" / "-", or "๒ มาตรการป้องกันการรับสินบน
# อยู่ระหว่างดำเนินการ อยู่ระหว่างรวบรวม", under a header naming the results ("ที่ โครงการ/กิจกรรม ผลการดำเนินงาน
# งบประมาณที่ใช้จริง (บาท)"). A row gives its number and its name (which may hold a figure: "หมู่ที่ ๓"), then a pending
# cell, then nothing but what its cells wrap to ("การ", "ดำเนินการ"), dashes and other pending cells: no figure, no
# spending, nothing done. One row done or with money spent ("อยู่ระหว่างดำเนินการ ๑๒,๐๐๐") and the table reports: a
# mid-year report with some rows in progress is a report.
_TABLE_ROW = re.compile(r"[ \t]*([\d๐-๙]{1,3})[.)]?[ \t]+\S.*")
_WRAPPED_REST = re.compile(r"[ \t]*[ก-๛]{1,12}[ \t\r]*")  # a cell's last word wrapped: "การ", "ดำเนินการ"
_DONE = re.compile(r"แล้ว|เสร็จ")
_SECTION_WORD = re.compile(r"[ \t]*(?:ส่วนที่|บทที่|ตอนที่)[ \t]*[\d๐-๙]{1,2}")
_HEADER_REACH = 5  # lines of a wrapped header above the first row ("ผลการดำเนิน" / "งาน" / "งบประมาณที่ใช้" / "จริง (บาท)")
_ROW_LINES = 8  # lines of a row up to its pending cell: a name wrapped over a few
_INTRO_REACH = 4  # lines between the section's heading and the header ("ผลการดำเนินงานตามแผน … ตามตารางดังนี้")
# What may follow a table's last row: the next section ("ส่วนที่ ๔ …", "๔. …"), the date or signature, a page number
# ("- ๔ -", "หน้า ๔").
_TABLE_END = re.compile(r"[ \t]*(?:(?:ส่วนที่|บทที่|ตอนที่)[ \t]*[\d๐-๙]|(?:[\d๐-๙]{1,2}|[ก-ฮ])[.)][ \t]*\D|\(?ลงชื่อ|\(ลง"
                        r"|(?:ณ[ \t]*)?วันที่|[-–—][ \t]*[\d๐-๙]{1,3}[ \t]*[-–—][ \t\r]*$|หน้า[ \t]*[\d๐-๙]{1,3}[ \t\r]*$)")
# (after the word of what is dated too: "รายงาน ณ วันที่ ๑๐ ตุลาคม ๒๕๖๘" under "ข้อเสนอแนะ" / "-", review76 f03; "ข้อมูล ณ
# วันที่ …")
_DATED = re.compile(r"[ \t]*(?:(?:รายงาน|ข้อมูล)[ \t]*)?(?:ณ[ \t]*)?วันที่[ \t]*[\d๐-๙]{1,2}[ \t]*" + THAI_MONTH_RX)


def _row_pending(rows: list[str]) -> bool:
    """Whether a row's lines (its numbered line and what it wraps to) are a pending row: a pending cell after the
    row's number, then no figure (a year aside) and no word of work done ("แล้ว", "เสร็จ")."""
    joined = " ".join(line.strip() for line in rows)
    m = _PENDING_CELL.search(joined, joined.find(" "))
    if m is None or _DONE.search(joined, 0, m.start()):
        return False
    rest = _NOT_DONE.sub(" ", joined[m.start():])
    return _DONE.search(rest) is None and not _figures(_YEAR.sub("", rest))


_NOT_DONE = re.compile(r"ยังไม่\s*(?:ได้\s*)?(?:ดำเนินการ\s*)?แล้ว\s*เสร็จ")  # "ยังไม่แล้วเสร็จ" says nothing is done


def _table_start(lines: list[str], first: int) -> int | None:
    """Where a table whose first row is line `first` starts: its section's heading ("ส่วนที่ ๓ …", "๓. …") when the
    lines between hold no figure but a year, or else its header's first line naming the results; None when no line
    above names them (a plan's table, a list)."""
    start = None
    for h in range(first - 1, max(-1, first - 1 - _HEADER_REACH - _INTRO_REACH), -1):
        if _figures(_YEAR.sub("", lines[h])) and not _SECTION_WORD.match(lines[h]):
            break
        if _STATUS_COLUMN in lines[h] and first - h <= _HEADER_REACH:
            return None  # a status column's values ("สถานะ": "อยู่ระหว่างดำเนินการ") are the table's content
        if _RESULTS_HEADER.search(lines[h]):
            start = h
        if _SECTION_WORD.match(lines[h]) or _NUMBER.match(lines[h]):
            return h if start is not None else None
    return start


def pending_table_lines(page: str) -> list[tuple[int, int]]:
    """The line range [start, end) of each results table in lines of words (a PDF's, no "|") whose every row (two or
    more, numbered 1, 2, 3 …) only says it is pending (`_row_pending`), from the heading of its section ("ส่วนที่ ๓
    ผลการดำเนินงานและการใช้จ่ายงบประมาณ", with a line introducing the table) or from its header (`_table_start`) to its
    last row."""
    if "|" in page or _ROW_START.search(page) is None or _PENDING_CELL.search(page) is None:
        return []
    lines = page.split("\n")
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        m = _TABLE_ROW.fullmatch(lines[i])
        if m is None or thai_digits_to_arabic(m.group(1)) != "1":
            i += 1
            continue
        end, number, whole = i, 1, True
        while end < len(lines):  # one row a turn: its numbered line, then the lines up to the next one
            nxt = end + 1
            while nxt < len(lines) and not ((r := _TABLE_ROW.fullmatch(lines[nxt])) is not None
                                            and thai_digits_to_arabic(r.group(1)) == str(number + 1)):
                nxt += 1
            stop = end + 1  # the name wraps until the pending cell; then only what the cells wrap to
            while stop < min(nxt, end + _ROW_LINES) and not _row_pending(lines[end:stop]):
                stop += 1
            if not _row_pending(lines[end:stop]):
                whole = False  # a row that reports: the table does
                break
            while stop < nxt and (_DASH_ONLY.fullmatch(lines[stop]) or _WRAPPED_REST.fullmatch(lines[stop])
                                  or _PENDING_CELL.fullmatch(lines[stop].strip())):
                stop += 1
            if stop < nxt:  # something else after the row: the table ended with it, unless it is the row's money
                # or its work done wrapped onto a line of its own ("อยู่ระหว่างดำเนิน" / "การ" / "๗๕,๐๐๐")
                whole = bool(_TABLE_END.match(lines[stop])) or not (
                    _figures(_YEAR.sub("", lines[stop])) or _DONE.search(lines[stop]))
                end = stop
                number += 1
                break
            end, number = nxt, number + 1
        rows = number - 1
        start = _table_start(lines, i) if whole and rows >= _MIN_ROWS else None
        if start is not None and not (end < len(lines) and _TABLE_ROW.fullmatch(lines[end])):
            out.append((start, end))
        i = max(end, i + 1)
    return out


# A results section whose every row tells what is still to be done ("๑. ผลการดำเนินงาน" over rows "จะดำเนินการจัดอบรมให้แก่
# พนักงานส่วนตำบล… ๔๕ คน", "จะส่งบุคลากรเข้ารับการอบรม…", "จะจัดกิจกรรมปฏิบัติธรรม…", "จะประเมินผลการปฏิบัติงานปีละ ๒ ครั้ง":
# review73 b03): a plan's intentions typed into a report's form, no result. Each row (numbered 1, 2, 3 … on a PDF's
# lines, or a table's row of cells) has a deed to come ("จะ…" opening its words), and nothing in the section is told as
# done ("แล้ว", "เสร็จ", "ได้จัด…", "เมื่อวันที่…"). Not a heading of what is expected ("ผลที่คาดว่าจะได้รับ"), nor a
# section of next year's course ("แนวทางในปีต่อไป") beside real results.
_FUTURE_DEED = re.compile(r"(?<![ก-๛])(?:คาดว่า\s*)?จะ\s*(?!ต้อง)[ก-๛]")
_TOLD_DONE = re.compile(r"(?<!ให้)(?<!ให้\s)(?:แล้ว|เสร็จ)|(?<!จะ)(?<!จะ\s)ได้\s*(?:ดำเนิน|จัด|ส่ง|ประเมิน|อบรม)|เมื่อ\s*วันที่")
_EXPECTED_HEADING = re.compile(r"คาด|เป้าหมาย|จะ|แผน|แนวทาง")
_NUMBERED_ROW = re.compile(r"[ \t]*([\d๐-๙]{1,3})[.)]?(?:[ \t]+\S.*)?[ \t\r]*")


def _rows_numbered(lines: list[str]) -> int:
    """How many rows numbered 1, 2, 3 … in order the lines open (a row's number alone on its line, or before its
    words)."""
    n = 0
    for line in lines:
        m = _NUMBERED_ROW.fullmatch(line)
        if m is not None and thai_digits_to_arabic(m.group(1)) == str(n + 1):
            n += 1
    return n


def future_sections(page: str) -> list[tuple[int, int]]:
    """The line range [heading, end) of each results section whose every row is a deed to come (see above)."""
    if "จะ" not in page or _FUTURE_DEED.search(page) is None:
        return []
    lines = page.split("\n")
    out: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        if not _results_heading(line) or _EXPECTED_HEADING.search(line):
            continue
        j = i + 1
        while j < len(lines) and not (_NUMBERED_HEAD.match(lines[j]) or _SECTION_WORD.match(lines[j])
                                      or _SIGNED.match(lines[j])):
            j += 1
        body = lines[i + 1:j]
        text = "\n".join(body)
        deeds = len(_FUTURE_DEED.findall(text))
        if deeds < _MIN_ROWS or _TOLD_DONE.search(text):
            continue
        piped = [x for x in body if x.count("|") >= 2][1:]  # a table's rows, under its header
        rows = len(piped) if piped else _rows_numbered(body)
        if rows >= _MIN_ROWS and deeds >= rows and all(_FUTURE_DEED.search(x) for x in piped):
            out.append((i, j))
    return out


# A field named and emptied by a dash after it, without a colon, as a PDF prints a bold label and its value: "ปัญหา
# อุปสรรค -" then "ข้อเสนอแนะ -" then the date signed (review45 b10). A line that ends on a dash may be a wrapped
# sentence ("ปัญหาอุปสรรค –" / "ฝนตกชุก…"): it is empty only when what follows ends it too — another field emptied the
# same way, the date or signature, the next section (not the page's end: the next page may go on).
_BARE_DASH = re.compile(r"(.*?\S)[ \t]+[-–—]{1,3}[ \t\r]*")


def _bare_dash_fields(lines: list[str]) -> list[int]:
    """The lines that are a field emptied by a bare dash (`_BARE_DASH`), bottom-up."""
    out: list[int] = []
    closed = False  # what follows the line looked at ends a section (not the page's end: the next page may go on)
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if not line.strip():
            continue
        m = _BARE_DASH.fullmatch(line)
        if m is not None and _COLON_DASH.search(line) is None and _HEADING.fullmatch(m.group(1)) and closed:
            out.append(i)
            continue
        closed = bool(_SIGNED.match(line) or _DATED.match(line) or _SECTION_WORD.match(line)
                      or _empty_heading(line))
    return out


# A section's heading over fields each emptied ("ส่วนที่ ๔ ปัญหาอุปสรรคและข้อเสนอแนะ" over "ปัญหาอุปสรรค -" and "ข้อเสนอแนะ -",
# review45 b33): the heading names both parts and nothing under it states them.
_PARENT_HEADING = re.compile(
    r"[ \t]*(?:(?:ส่วนที่|บทที่|ตอนที่)[ \t]*[\d๐-๙]{1,2}[.)]?[ \t]+|(?:[\d๐-๙]{1,2}|[ก-ฮ])[.)][ \t]*)?"
    r"(?=[^\n]*[ก-๛A-Za-z])[^\d๐-๙|\-–—:：\n]{2,60}?[ \t]*[:：]?[ \t\r]*")


_FIELD_LABEL = re.compile(r"^[ \t]*(?:(?:[\d๐-๙]{1,2}|[ก-ฮ])[.)][ \t]*)?|[ \t]*[:：]?[ \t]*[-–—]{0,3}[ \t\r]*$")


def _with_parents(lines: list[str], ranges: list[tuple[int, int]], fields: list[tuple[int, int]]
                  ) -> list[tuple[int, int]]:
    """`ranges` and the headings (`_PARENT_HEADING`) right above a run of them that starts with an emptied field (one
    of `fields`: not a table's rows, whose range starts at their section's heading) and goes on to the section's end
    (the page's end, a date or signature, the next "ส่วนที่ …")."""
    covered = {k for a, b in ranges for k in range(a, b)}
    out = list(ranges)
    for a, _b in sorted(fields):
        h = a - 1
        while h >= 0 and not lines[h].strip():
            h -= 1
        label = _FIELD_LABEL.sub("", lines[a]).replace(" ", "")
        if h < 0 or h in covered or not _PARENT_HEADING.fullmatch(lines[h]) or len(label) < 2 \
                or label not in lines[h].replace(" ", ""):
            continue  # the heading names the field under it ("ปัญหาอุปสรรค" in "…ปัญหาอุปสรรคและข้อเสนอแนะ"): not a line
            # of the section before ("ฝนตกชุกทำให้การก่อสร้างล่าช้า" over "ข้อเสนอแนะ -")
        k = a
        while k < len(lines) and (k in covered or not lines[k].strip()):
            k += 1
        if k == len(lines) or _SIGNED.match(lines[k]) or _DATED.match(lines[k]) or _SECTION_WORD.match(lines[k]):
            out.append((h, h + 1))
            covered.add(h)
    return out


# A results field answered "ไม่มี": "ผลการดำเนินการ : ไม่มี" under "ยังไม่มีการจัดเวทีประชาคม…" (review68 f03) reports no
# result. "ไม่มี" answering a count or a problem states one ("ปัญหาอุปสรรค : ไม่มี", "ผลการรับฟังความคิดเห็น : ไม่มีผู้คัดค้าน…",
# "ผลการรายงาน : ไม่มีผู้รายงาน"): only the bare word under a heading of what was done is none.
_NONE_RESULT = re.compile(
    r"[ \t]*(?:(?:[\d๐-๙]{1,2}|[ก-ฮ])[.)][ \t]*)?(?:สรุป\s*)?(?:ผล\s*การ\s*(?:ดำเนิน\s*(?:การ|งาน)|จัด\s*กิจกรรม|ประชุม"
    r"|รับ\s*ฟัง\s*ความ\s*คิด\s*เห็น|มี\s*ส่วน\s*ร่วม)|ผล\s*ที่\s*ได้(?:\s*รับ)?)[ \t]*[:：][ \t]*ไม่\s*มี[ \t.]*")


def none_results(page: str) -> list[tuple[int, int]]:
    """The lines of the page that are only a results field answered "ไม่มี" (`_NONE_RESULT`)."""
    if "ไม่" not in page:
        return []
    return [(i, i + 1) for i, line in enumerate(page.split("\n")) if _NONE_RESULT.fullmatch(line.rstrip("\r"))]


def empty_sections(page: str) -> list[tuple[int, int]]:
    """The line ranges [start, end) of the page's empty sections (the heading's line to its dash's line, or to its
    pending statement's: `pending_sections`; a table's rows each pending: `pending_rows`, `pending_table_lines`;
    criteria that only defer to another body's: `deferred_sections`; the heading of a section whose every field is
    emptied: `_with_parents`; a results field answered "ไม่มี": `none_results`)."""
    pending = pending_sections(page) + pending_rows(page) + pending_table_lines(page) + deferred_sections(page) \
        + none_results(page) + future_sections(page)
    if _LINE_ENDS_ON_DASH.search(page) is None:
        return pending
    lines = page.split("\n")
    out: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        if not line.rstrip().endswith(_DASHES):
            continue
        if _DASH_ONLY.fullmatch(line):
            h = i - 1  # the heading is the nearest non-blank line above
            while h >= 0 and not lines[h].strip():
                h -= 1
            if h >= 0 and _HEADING.fullmatch(lines[h]) and _section_ends(lines, i + 1, lines[h]):
                out.append((h, i + 1))
        elif _empty_heading(line) and _section_ends(lines, i + 1, line):
            out.append((i, i + 1))
    fields = out + [(k, k + 1) for k in _bare_dash_fields(lines) if not any(a <= k < b for a, b in out)]
    return _with_parents(lines, pending + fields, fields)


# Columns left empty in a table whose cells did not survive extraction (a PDF's table reaches the evaluator as
# lines of words, without the "|" of a DOCX's or a page's cells): a header line naming the columns, then rows
# numbered 1, 2, 3 … that stop at their amounts ("1 อบรมเสริมสร้าง… 30,000"), then the page's end or its signature
# ("ผู้รายงาน ......"). A reporting form copied from the plan with only the plan's money filled in: the header names
# results, money spent, problems and suggestions, and no row says anything under them. A row that wraps, or says
# anything after its amounts, is a filled table's (or one this cannot read): nothing is taken for empty. A header
# naming months after its money (a plan's Gantt chart, "ต.ค. พ.ย. … ก.ย.") is left alone: its cells are shaded, not
# written. Where the header gives its money columns a unit ("(บาท)"), only those are money ("แหล่งงบประมาณ" is a
# column of words). A totals row ("รวม 65,000") may close the rows, a remark ("หมายเหตุ …") may follow them.
_ROW_START = re.compile(r"^[ \t]*[1๑][.)]?[ \t]+\S", re.MULTILINE)  # where to look: most pages have no numbered rows
_ROW = re.compile(r"[ \t]*([\d๐-๙]{1,3})[.)]?[ \t]+(\S.*?)[ \t\r]*")
_AMOUNT = re.compile(r"[\d๐-๙][\d๐-๙,]*(?:\.[\d๐-๙]{1,2})?|ไม่ใช้งบประมาณ|ไม่ได้ใช้งบประมาณ")
_EMPTY_CELL = re.compile(r"[-–—]{1,3}")
_MONEY_COLUMN = re.compile(r"งบประมาณ|จำนวนเงิน|วงเงิน|ค่าใช้จ่าย|บาท")
_SHARE_COLUMN = re.compile(r"ร้อยละ|%")  # a column of figures without a unit of its own
# The unit a column of figures carries in its header: money, or a count ("ผู้เข้าร่วม (คน)").
_UNIT = re.compile(r"\((?:บาท|ล้านบาท|คน|ครั้ง|ราย|แห่ง|%|ร้อยละ)\)")
_WORD = re.compile(r"\S+")
_AFTER_TABLE = re.compile(
    r"[ \t]*(?:\(?ลงชื่อ|\(ลง|ผู้รายงาน|ผู้จัดทำ|ผู้ตรวจสอบ|ผู้อนุมัติ|ผู้รับรอง|หมายเหตุ|\.{5})")
_CELL_VALUE = r"(?:[\d๐-๙][\d๐-๙,]*(?:\.[\d๐-๙]{1,2})?|[-–—]{1,3})"
_TOTAL_ROW = re.compile(  # "รวม 65,000", "รวมทั้งสิ้น 65,000 -": values apart, so a run of digits is read one way
    rf"[ \t]*รวม(?:ทั้งสิ้น|ทั้งหมด)?[ \t]+{_CELL_VALUE}(?:[ \t]+{_CELL_VALUE})*[ \t\r]*")
_BE_YEAR = re.compile(r"(?<![\d๐-๙])(?:25[5-9]\d|๒๕[๕-๙][๐-๙])(?![\d๐-๙])")  # "งบประมาณปี 2568 (บาท)"
_MONTHS = re.compile(THAI_MONTH_RX)
MONTH_CELL = re.compile(THAI_MONTH_RX + r"\s*(?:[\d๐-๙]{2,4})?")  # a Gantt chart's month column: "ต.ค.", "ต.ค. 68"
_MIN_ROWS = 2


def _row_amounts(words: list[str]) -> int | None:
    """How many amounts a row's words (after its number) end on — its name, then its amounts, then nothing but
    dashes — or None when a number stands anywhere before them (a cell said something after an amount, or a name
    holds a number: either way the row cannot be read as stopping there), or when it has no name."""
    end = len(words)
    while end and _EMPTY_CELL.fullmatch(words[end - 1]):
        end -= 1
    first = end
    while first and _AMOUNT.fullmatch(words[first - 1]):
        first -= 1
    if first == 0 or any(_AMOUNT.search(w) for w in words[:first]):
        return None
    return end - first


def _after_money_columns(header: str, n: int) -> int | None:
    """Where the header's text after its `n`-th column of figures ("งบประมาณตามแผน (บาท)", "ผู้เข้าร่วม (คน)",
    "ร้อยละการเบิกจ่าย") starts; None when it has fewer, or nothing after them, or months after them (a Gantt
    chart's). A year in a column's name is part of it ("งบประมาณปี 2568 (บาท)")."""
    words = list(_WORD.finditer(_BE_YEAR.sub(lambda m: " " * len(m.group()), header)))
    unit_after = [i + 1 < len(words) and _UNIT.fullmatch(words[i + 1].group()) is not None for i in range(len(words))]
    with_units = any(unit_after) or any("บาท" in w.group() and not _UNIT.fullmatch(w.group()) for w in words)
    found = 0
    for i, word in enumerate(words):
        text = word.group()
        if _UNIT.fullmatch(text) or not (unit_after[i] or _MONEY_COLUMN.search(text) or _SHARE_COLUMN.search(text)):
            continue
        if with_units and not unit_after[i] and "บาท" not in text and _SHARE_COLUMN.search(text) is None:
            continue  # "แหล่งงบประมาณ" beside "งบประมาณที่ได้รับ (บาท)": a column of words
        found += 1
        if found == n:
            col = words[i + 1].end() if unit_after[i] else word.end()
            rest = header[col:]
            if not rest.strip() or len(_MONTHS.findall(rest)) >= 2:
                return None
            return col + len(rest) - len(rest.lstrip())
    return None


def unfilled_columns(page: str) -> list[tuple[int, int]]:
    """(line, column) of each header line whose columns after the money its rows give are empty in every row: the
    rows (at least two, numbered from 1, one a line, most of them ending on an amount) follow the header directly,
    each gives at most as many amounts as the header has money columns and nothing after them, and they end where
    the page does or at its signature. The span from `column` to the line's end names what no row fills."""
    if "|" in page or _ROW_START.search(page) is None:
        return []
    lines = page.split("\n")
    out: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        m = _ROW.fullmatch(line)
        if m is None or thai_digits_to_arabic(m.group(1)) != "1":
            continue
        h = i - 1
        while h >= 0 and not lines[h].strip():
            h -= 1
        if h < 0 or any(c.isdigit() for c in _BE_YEAR.sub("", lines[h])) or _MONEY_COLUMN.search(lines[h]) is None:
            continue
        rows = with_amount = most = 0
        j = i
        while j < len(lines) and (row := _ROW.fullmatch(lines[j])) is not None \
                and thai_digits_to_arabic(row.group(1)) == str(rows + 1):
            amounts = _row_amounts(row.group(2).split())
            if amounts is None:
                break
            rows, with_amount, most = rows + 1, with_amount + (amounts > 0), max(most, amounts)
            j += 1
        else:
            end = _next(lines, j)
            if end < len(lines) and _TOTAL_ROW.fullmatch(lines[end]):
                end = _next(lines, end + 1)
            if rows >= _MIN_ROWS and with_amount * 2 >= rows and most > 0 \
                    and (end == len(lines) or _AFTER_TABLE.match(lines[end])):
                col = _after_money_columns(lines[h], most)
                if col is not None:
                    out.append((h, col))
    return out


_PIPED_MIN_CELLS = 3


def empty_cells_columns(page: str) -> list[tuple[int, int, int]]:
    """(line, start, end) of each header cell of a table whose column no row fills: a run of at least three lines
    of cells (a page's, a Word file's or a workbook's table), its first line the header, every row's cell under a
    worded header blank (a missing trailing cell is blank; so is a cell saying the work is pending, `_PENDING_CELL`;
    a dash is a value, "-" for none, as a table of complaints with none in a quarter writes it, except under a
    contact's header; a Gantt chart's month columns are shaded, not written). A report
    form posted with only its projects and planned money ("ที่ | โครงการ | งบประมาณตามแผน (บาท) | เงินที่เบิกจ่าย (บาท) |
    ผลที่ได้ | …" over rows that stop after the money) names its parts in the header and states none of them."""
    if "|" not in page:
        return []
    lines = page.split("\n")
    out: list[tuple[int, int, int]] = []
    i = 0
    while i < len(lines):
        if lines[i].count("|") + 1 < _PIPED_MIN_CELLS:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and "|" in lines[j]:
            j += 1
        if j - i - 1 >= _MIN_ROWS:
            out.extend(_empty_in_block(lines, i, j))
        elif j == i + 1 and _LONE_HEADER_UNIT.search(lines[i]) and not any(ch.isdigit() for ch in lines[i]) \
                and not any(line.count("|") >= 2 for line in lines[j:j + _LONE_HEADER_REACH]):
            # a header of counts with no row under it (review21 s01); not one over rows a month's title parts
            out.extend(_empty_in_block(lines, i, j))
        i = j
    return out


# A unit a header of counts or money gives its column ("จำนวนเรื่องร้องเรียน (เรื่อง)", "งบประมาณ (บาท)"): a line of cells
# with one and no figure anywhere is a table's header, not a row.
_LONE_HEADER_UNIT = re.compile(r"\((?:เรื่อง|บาท|ราย|คน|ครั้ง|แห่ง|โครงการ)\)")
_LONE_HEADER_REACH = 6  # lines after it without a row of cells


def _empty_in_block(lines: list[str], head: int, end: int) -> list[tuple[int, int, int]]:
    header = lines[head]
    rows = [[c.strip() for c in line.split("|")] for line in lines[head + 1:end]]
    width = header.count("|") + 1
    # the header's cells do not stand over the rows' (a two-line header, merged cells): not read — unless every row
    # is only shorter, its empty trailing cells dropped (a workbook's rows: review36 a21)
    if sum(len(row) == width for row in rows) * 2 < len(rows) and not (rows and all(len(row) < width for row in rows)):
        return []
    out: list[tuple[int, int, int]] = []
    start = 0
    heads = [c.strip() for c in header.split("|")]
    targets = [j for j, h in enumerate(heads) if _TARGET_HEADER.search(h)]
    filler = bool(rows) and all(placeholder_row(row) for row in rows)  # "N/A" beside "TBD" fills nothing (review71 b04)
    for k, cell in enumerate(header.split("|")):
        stop = start + len(cell)
        word = cell.strip()
        if any(ch.isalpha() for ch in word) and not MONTH_CELL.fullmatch(word) \
                and (all(k >= len(row) or _blank(row[k], word)
                         or (filler and _NOT_APPLICABLE.fullmatch(row[k]) is not None) for row in rows)
                     or (_RESULTS_HEADER.search(word) is not None and _copies(rows, k, targets))):
            # the cell with the bars about it: a pattern finds a column by its bars ("| ผลที่ได้ |")
            out.append((head, max(0, start - 1), min(len(header), stop + 1)))
        start = stop + 1
    return out


# A table row left as the form gave it: its number, then only a prompt "(ระบุชื่อโครงการ/" or rows of dots, nothing
# written ("2 ........ ........ ........"). A form's numbered field with its words ("1. ชื่อผู้ร้อง ........") is none.
# Two "…" (U+2026) are a blank as four dots are: "๑ เฉพาะเจาะจง …… ……" (review67 b17).
_BLANK_CELL = r"(?:\(\s*ระบุ[^)\n]*\)?|[.…_]{4,}|…{2,})"
# (its cells apart by spaces, or by " | " in a web page's table: "๑ | .............................. | ...... | ……"
# (review43 b19))
_CELL_GAP = r"(?:[ \t]*\|[ \t]*|[ \t]+)"
# A row's label the form prints before its blanks, a few words without a figure: "๑ เฉพาะเจาะจง …… ……", "๓ e-bidding
# …… ……" under "ที่ วิธีการจัดซื้อจัดจ้าง จำนวนโครงการ งบประมาณที่ใช้จริง (บาท) หมายเหตุ" (review67 b17, b08: a summary form
# whose only words are its methods). Two blanks after it at least: "1. ชื่อผู้ร้อง ........" is a form's field. Dots only:
# a guideline's example table "1 โครงการเสริมสร้างคุณธรรมจริยธรรม (ระบุ) (ระบุ)" shows the reader what to write
# (review43 b20, another body's document).
_ROW_LABEL = r"[^\s\d๐-๙|.…_()]+(?:[ \t]+[^\s\d๐-๙|.…_()]+){0,3}"
_DOT_CELL = r"(?:[.…_]{4,}|…{2,})"
_BLANK_ROW = re.compile(rf"[ \t]*\|?[ \t]*[\d๐-๙]{{1,2}}[.)]?{_CELL_GAP}"
                        rf"(?:{_BLANK_CELL}|{_ROW_LABEL}{_CELL_GAP}{_DOT_CELL}{_CELL_GAP}{_DOT_CELL})"
                        rf"(?:{_CELL_GAP}{_BLANK_CELL})*(?:[ \t]*\|)?[ \t\r]*")
_BLANK_ROWS_MIN = 2


# A form addressed to the agency or the public, printed with the document (a complaint form in a guideline's
# appendix, an application form attached to a citizens' manual, a questionnaire in a participation report): its
# numbered blanks are for the one who fills it in.
_FILED_FORM = ("ข้าพเจ้า", "ผู้ร้องเรียน", "ผู้ยื่นคำขอ", "ขอแสดงความนับถือ", "ผู้ร้อง", "แบบสอบถาม", "แบบเสนอความคิดเห็น")
_NUMBERED = re.compile(r"[ \t]*([\d๐-๙]{1,2})[.)]?[ \t]+\S")
_DOTS = re.compile(r"[.…_]{4,}|…{2,}")  # a blank to write on ("……": review67 b17)
# A signature line under a number ("1. ……" then "(นายสมศักดิ์ ดีมาก)" / "ประธานคณะทำงาน"): a committee's list to sign.
_SIGNER = re.compile(r"[ \t]*(?:\(\s*(?:นาย|นาง|น\.ส\.|ว่าที่|ดร\.|ลงชื่อ)|(?:ประธาน|รองประธาน|กรรมการ|เลขานุการ|ผู้ช่วย))")


def unfilled_rows(pages: Sequence[str]) -> list[str]:
    """The numbered rows of a document's tables left as the form gave them (a prompt "(ระบุ…)" or dots and nothing
    else), when there are at least two and no numbered line of the document says anything: a plan or report
    template published before anyone wrote in it. Its header names every part the item asks for, and it holds none
    of them. A filled document with a blank form in its appendix or spare rows under its filled ones, a form to
    file (a complaint form, a questionnaire) and a committee's numbered signature lines are not."""
    text = "\n".join(pages)
    if ("ระบุ" not in text and "...." not in text and "…" not in text) or any(w in text for w in _FILED_FORM):
        return []
    lines = text.split("\n")
    rows: list[str] = []
    for i, line in enumerate(lines):
        if _BLANK_ROW.fullmatch(line):
            after = next((x for x in lines[i + 1:] if x.strip()), "")
            if _SIGNER.match(after) is None:
                rows.append(line.strip())
        elif (m := _NUMBERED.match(line)) and (_DOTS.search(line) is None
                                                or any(ch.isdigit() for ch in line[m.end(1):])):
            # a numbered line with words and no blank, or with a figure beside its blanks ("๑ เฉพาะเจาะจง ๑๒ ๕๐๐,๐๐๐
            # ......" under a remarks column left dotted): the document is written, its blank rows spare
            return []
    return rows if len(rows) >= _BLANK_ROWS_MIN else []


# A sentence listing the report's parts: "…รวบรวมเป็นรายงานประจำปี ซึ่งประกอบด้วยสำเนาแผนที่ได้รับ" / "อนุมัติ ผลการ
# ดำเนินงานรายโครงการ การใช้จ่ายงบประมาณ ปัญหาอุปสรรค และข้อเสนอแนะ" (review45 b10, b14, b18, b20) names the sections it
# promises and states none of them: a list of section names is not the sections. The sentence is the document's own
# ("รายงาน…", "เอกสาร…", "ฉบับนี้" before "ประกอบด้วย"), the list names two parts or more and holds no figure ("ประกอบด้วย
# ๑๐ โครงการ งบประมาณ ๕๐๐,๐๐๐ บาท" states something), and it ends on the line of its "และ…", three lines at most.
_OUTLINE = re.compile(r"(?:รายงาน|เอกสาร|ฉบับนี้|เล่มนี้)[^\n]{0,60}?(?:ซึ่ง\s*)?(?:ประกอบ\s*ด้วย|ประกอบ\s*ไป\s*ด้วย)")
_PART_NAMES = re.compile(r"ผลการ|ปัญหา|อุปสรรค|ข้อเสนอแนะ|การใช้จ่าย|งบประมาณ|สำเนา|ภาคผนวก|บทนำ|ข้อมูลทั่วไป")
_OUTLINE_LINES = 3
_OUTLINE_PARTS = 2


def outline_tails(page: str) -> list[tuple[int, int, int | None]]:
    """(line, start, end) of each part of a line that only lists the report's sections (`_OUTLINE`): from "ประกอบด้วย"
    on, over the lines the list wraps to, to the word after its " และ" ("…ปัญหาอุปสรรค และข้อเสนอแนะ")."""
    if "ประกอบ" not in page:
        return []
    lines = page.split("\n")
    out: list[tuple[int, int, int | None]] = []
    for i, line in enumerate(lines):
        m = _OUTLINE.search(line)
        if m is None:
            continue
        parts: list[tuple[int, int, int | None]] = []
        j, col, listed = i, m.end(), ""
        while j < len(lines) and j - i < _OUTLINE_LINES:
            last = _LAST_PART.search(lines[j], col)
            if last is not None:
                parts.append((j, col, last.end()))
                listed += " " + lines[j][col:last.end()]
                break
            parts.append((j, col, None))
            listed += " " + lines[j][col:]
            j, col = j + 1, 0
        else:
            continue
        if len(_PART_NAMES.findall(listed)) >= _OUTLINE_PARTS and not _figures(_YEAR.sub("", listed)):
            out.extend(parts)
    return out


_LAST_PART = re.compile(r"(?:^|[ \t])และ[ \t]?\S+")  # the list's last part, after its " และ"


# A PDF's table without bars: a header line, then its rows one a line, each ending on its cells. The header's last
# columns that name a part the plan must hold (`_MUST_HOLD_COLUMN`), over rows whose last cells are each "ไม่มี" or "-",
# are none ("กระบวนงาน ความเสี่ยงการรับสินบน ระดับความเสี่ยง มาตรการ" / "การจัดซื้อจัดจ้าง ไม่พบ - ไม่มี": review68 d07).
_NONE_WORD = re.compile(r"[-–—]{1,3}|ไม่มี")
_HEADER_WORD = re.compile(r"\S+")


def none_columns(page: str) -> list[tuple[int, int, int | None]]:
    """(line, start, end) of each of a header line's last columns (words) that name a part the plan must hold and
    stand over at least two rows, the lines right under it, whose words in that place are all "ไม่มี" or "-"."""
    if "|" in page or ("ไม่มี" not in page and "-" not in page) or _MUST_HOLD_COLUMN.search(page) is None:
        return []
    lines = page.split("\n")
    out: list[tuple[int, int, int | None]] = []
    for i, line in enumerate(lines):
        heads = list(_HEADER_WORD.finditer(line))
        if not heads or _MUST_HOLD_COLUMN.search(heads[-1].group()) is None or any(ch.isdigit() for ch in line):
            continue
        rows = []
        for nxt in lines[i + 1:]:
            words = nxt.split()
            if not words or not _NONE_WORD.fullmatch(words[-1]):
                break
            rows.append(words)
        if len(rows) < _MIN_ROWS:
            continue
        k = 1
        while k < len(heads) and _MUST_HOLD_COLUMN.search(heads[-k].group()) \
                and all(len(row) > k and _NONE_WORD.fullmatch(row[-k]) for row in rows):
            out.append((i, heads[-k].start(), heads[-k].end()))
            k += 1
    return out


# A form's instruction to whoever fills it in, what to write when there is nothing to report: "(กรณีไม่มีให้ระบุว่า
# ไม่มีเรื่องร้องเรียน)" after "จำนวน …… เรื่อง" (review68 a07), "(ถ้าไม่มี ให้เขียนว่า ไม่พบปัญหาอุปสรรค)". The words it
# quotes are what the agency is to say, not what it said: a template's hint states no count and no nil.
_HINT = re.compile(r"\(?[ \t]*(?:กรณี|ถ้า|หาก)[ \t]*ไม่มี[^()\n:：]{0,30}?ให้[ \t]*(?:ระบุ|เขียน|กรอก|ใส่|แจ้ง)[ \t]*(?:ว่า)?"
                   r"[^()\n]{0,80}\)?")


def without_hints(page: str) -> str | None:
    """The page's text with each form's instruction (`_HINT`) blanked out; None when it holds none."""
    if "ไม่มี" not in page or _HINT.search(page) is None:
        return None
    return _HINT.sub(lambda m: " " * len(m.group()), page)


# Channels the agency refuses, the list after "ไม่รับ…ทาง": "อบต.โคกสูงไม่รับเรื่องร้องเรียนทางโทรศัพท์ ไปรษณีย์ อีเมล หรือ
# เว็บไซต์ ผู้ร้องต้องมายื่นและลงชื่อด้วยตนเองเท่านั้น" beside the walk-in and the box only (review78 c03): no channel
# offered, as "โทรศัพท์ : ไม่มี" offers none. Not a refusal of something else followed by a channel offered ("ไม่รับ
# เรื่องที่ไม่ระบุชื่อ แต่สามารถแจ้งทางโทรศัพท์…": the words between hold no "แต่", "สามารถ", "ได้").
_CHANNEL_WORD = (r"(?:โทรศัพท์|โทร\.|โทรสาร|ไปรษณีย์อิเล็กทรอนิกส์|ไปรษณีย์|จดหมาย|อีเมล์|อีเมล|e-?mail|เว็บไซต์|website"
                 r"|ออนไลน์|เฟซบุ๊ก|เฟสบุ๊ก|facebook|ไลน์|line|แบบฟอร์ม|qr\s?code|สายด่วน|โซเชียลมีเดีย|สื่อสังคมออนไลน์)")
_REFUSED = re.compile(r"ไม่\s?(?:เปิด\s?)?รับ(?:(?!แต่|สามารถ|ได้)[^\n|]){0,40}?ทาง\s?" + _CHANNEL_WORD
                      + r"(?:(?:\s*,\s*|\s+|\s*(?:หรือ|และ)\s*)(?:ทาง\s?)?" + _CHANNEL_WORD + ")*", re.IGNORECASE)


def without_refused(page: str) -> str | None:
    """The page's text with each list of refused channels (`_REFUSED`) blanked out; None when it holds none."""
    if "ไม่" not in page or "รับ" not in page or _REFUSED.search(page) is None:
        return None
    return _REFUSED.sub(lambda m: " " * len(m.group()), page)


# Fields left blank: a label followed only by dots ("ปัญหาและอุปสรรค ......", "แนวทางแก้ไข ......": review67 b17; "ปัญหา
# อุปสรรค ......", "ข้อเสนอแนะ ......" under a plan's table called a report: review69 e09), or a line of a form's fields
# each over its blank ("มูลค่าโดยประมาณ ................ บาท เมื่อวันที่ ........ เดือน ........ พ.ศ. ........": review68 b05,
# the gift form posted alone). The label names a part and states nothing of it, as "ปัญหาอุปสรรค : -" does. A line that
# holds a figure is filled ("มูลค่า ....2,000.... บาท"), so is a contents line ("ปัญหาอุปสรรค ........ ๑๒"); a field whose
# value is written on the next line is filled too: a line of one field is blank only where the next line ends the
# section (the page's end, a signature, a date, another blank field). A signature's dots ("(ลงชื่อ)........") are not
# a field's.
_BLANK_RUN = _DOTS  # a blank to write on
# A line of only dots, the blank above going on; read without a repeated group, which a long run of dots followed by a
# word would try split every way (a signature's "..................ผู้รายงาน").
_BLANK_LINE = re.compile(r"[ \t]*(?=[.…_])(?=[^\n]*(?:[.…_]{4,}|…{2,}))[.…_ \t]+[\r]?")
_FIELD_LEAD = re.compile(r"[ \t]*(?:(?:[\d๐-๙]{1,2}|[ก-ฮ])[.)][ \t]*)?")  # "๔. ปัญหาอุปสรรค ......"
_FIELD_NAME = re.compile(r"[ \t]*(?=[^\n]*[ก-๛A-Za-z])[^\d๐-๙|\n]{2,60}?[ \t]*[:：]?[ \t]*")


def _lead_end(line: str) -> int:
    m = _FIELD_LEAD.match(line)
    return m.end() if m else 0


def _field_line(line: str) -> bool:
    """Whether a line is a form's fields over their blanks: one blank run at least, no figure, no signature."""
    rest = line[_lead_end(line):]
    return _BLANK_RUN.search(rest) is not None and not _SIGNED.match(line) and _BLANK_LINE.fullmatch(line) is None \
        and not any(ch.isdigit() for ch in rest)


def blank_fields(page: str) -> list[tuple[int, int, int | None]]:
    """(line, start, end; None: to the line's end) of each field label whose blank is left unfilled."""
    if not any(run in page for run in ("....", "……", "____")):
        return []
    lines = page.split("\n")
    out: list[tuple[int, int, int | None]] = []
    for i, line in enumerate(lines):
        if not _field_line(line):
            continue
        runs = list(_BLANK_RUN.finditer(line))
        j = _next(lines, i + 1)
        ends_blank = not line[runs[-1].end():].strip()
        below = j < len(lines) and _BLANK_LINE.fullmatch(lines[j]) is not None  # "จาก (ผู้ให้)" / "........"
        if len(runs) + (below and not ends_blank) < 2:
            if not ends_blank:
                continue
            k = j
            while k < len(lines) and _BLANK_LINE.fullmatch(lines[k]):
                k = _next(lines, k + 1)
            if not (k == len(lines) or _SIGNED.match(lines[k]) or _DATED.match(lines[k]) or _field_line(lines[k])):
                continue  # "ปัญหาอุปสรรค ......" over what was written under it
        start = _lead_end(line)
        for m in runs:
            if _FIELD_NAME.fullmatch(line[start:m.start()]):
                out.append((i, start, m.start()))
            start = m.end()
        if not ends_blank and below and _FIELD_NAME.fullmatch(line[start:]):
            out.append((i, start, None))
    return out


# A template's filler where the values go: Latin filler text ("Lorem ipsum dolor sit amet, consectetur adipiscing elit."
# in every cell and section: review71 b03), "TBD"/"TBA"/"TBC", a bracketed name to replace ("มาตรการที่ ๑ [MEASURE
# NAME]", "[ชื่อโครงการ]": review71 b04), a masked amount ("xx,xxx", "xxx,xxx.xx"). None is a value: a cell or a section
# holding only these says nothing, and a document made of them is a template no one filled in. A real text holding an
# English word ("ระบบ e-GP", "No Gift Policy") is real; "N/A" or "-" in a real table is an answer (not applicable), and
# only a blank where the row's other cells are placeholders too.
_LOREM = re.compile(r"(?i:lorem\s+ipsum)")
_TBD = re.compile(r"(?<![A-Za-z])(?:TBD|TBA|TBC)(?![A-Za-z])")
_BRACKET_NAME = re.compile(r"\[[ \t]*(?:[A-Z][A-Z _/-]{2,40}|ชื่อ[^\]\n]{1,40})[ \t]*\]")
_MASKED_AMOUNT = re.compile(r"(?<![A-Za-z])[xX]{1,3}(?:,[xX]{3})+(?:\.[xX]{2})?(?![A-Za-z])")
_PLACEHOLDER_VALUE = re.compile(
    r"[ \t]*(?:(?i:lorem\s+ipsum)[^|\n\u0E00-\u0E7F]*|(?:TBD|TBA|TBC)\.?"
    r"|\[[ \t]*(?:[A-Z][A-Z _/-]{2,40}|ชื่อ[^\]\n]{1,40})[ \t]*\]|[xX]{1,3}(?:,[xX]{3})+(?:\.[xX]{2})?)[ \t\r]*")
_NOT_APPLICABLE = re.compile(r"[ \t]*(?i:n/?a)[ \t\r]*")
_PLACEHOLDER_MIN = 3  # filler words in a document made of them


def placeholder_cell(cell: str) -> bool:
    """Whether a table's cell holds only a template's filler (`_PLACEHOLDER_VALUE`): "TBD", "[MEASURE NAME]",
    "Lorem ipsum dolor sit amet…", "xx,xxx"."""
    return _PLACEHOLDER_VALUE.fullmatch(cell) is not None


def placeholder_row(cells: Sequence[str]) -> bool:
    """Whether a row's cells after its first (its number or name) are all filler or "N/A", one of them filler at
    least: "มาตรการที่ ๑ [MEASURE NAME] | TBD | N/A | TBD | TBD" (review71 b04). There "N/A" fills no cell either."""
    rest = [c for c in cells[1:] if c.strip()]
    return any(placeholder_cell(c) for c in rest) and all(
        placeholder_cell(c) or _NOT_APPLICABLE.fullmatch(c) is not None for c in rest)


def placeholder_marks(pages: Sequence[str]) -> list[str]:
    """The filler words of a document made of them (at least `_PLACEHOLDER_MIN` of Latin filler, "TBD" or bracketed
    names to replace; masked amounts "xx,xxx" are counted beside them, not alone: a สขร.๑ with masked prices and real
    projects is read by its columns), in order; [] for a document that is written."""
    text = "\n".join(pages)
    if not any(w in text for w in ("orem", "TB", "[")):
        return []
    found = sorted((m.start(), m.group().strip()) for rx in (_LOREM, _TBD, _BRACKET_NAME) for m in rx.finditer(text))
    if len(found) < _PLACEHOLDER_MIN:
        return []
    masks = [(m.start(), m.group()) for m in _MASKED_AMOUNT.finditer(text)]
    return [w for _, w in sorted(found + masks)]


# A contact masked as a template's filler: "โทรศัพท์ ๐๔๓-xxx-xxxx", "อีเมล xxxxxxx@xxxx.go.th", "เว็บไซต์ www.xxxxxxxx.go.th"
# (review73 c06): no one can call, write to or open it. An x-run of three or more standing for a phone's digits, an
# address's name or a site's, not "Fax", "XXI", "Excel" nor "xx" inside a word. A document masking one kind (a
# complainant's telephone "08x-xxx-xxxx" hidden in a statistics table) is no template: two kinds at least.
_MASKED_CONTACTS = (
    # a telephone's 9–10 digits, some of them an x-run: "๐๔๓-xxx-xxxx", "0 4324 xxxx", "xxx-xxx-xxxx"
    ("phone", re.compile(r"(?<![A-Za-z\d๐-๙.@])[0๐xX](?:[- ]?[\d๐-๙xX]){7,10}(?![A-Za-z\d๐-๙.@])")),
    ("email", re.compile(r"(?<![\w.+-])(?:[xX]{3,}@[\w-]+(?:\.[\w-]+)+|[\w.+-]+@[xX]{3,}(?:\.[\w-]+)+)")),
    ("web", re.compile(r"(?i:(?:https?://)?www\.|https?://|facebook\.com/)[xX]{3,}(?![A-Za-z])")),
)
_MASKED_KINDS_MIN = 2


def masked_contacts(pages: Sequence[str]) -> list[str]:
    """The contacts masked with x-runs of a document that masks two kinds of them at least (`_MASKED_CONTACTS`), in
    order; [] otherwise."""
    text = "\n".join(pages)
    if "xxx" not in text.lower():
        return []
    found = [(m.start(), kind, m.group()) for kind, rx in _MASKED_CONTACTS for m in rx.finditer(text)
             if "xxx" in m.group().lower() and (kind != "phone" or re.search(r"[\d๐-๙-]", m.group()))]
    if len({kind for _, kind, _ in found}) < _MASKED_KINDS_MIN:
        return []
    return [w for _, _, w in sorted(found)]


def placeholder_fields(page: str) -> list[tuple[int, int, int | None]]:
    """(line, start, end; None: to the line's end) of each section whose content is only filler: a field "ปัญหา
    อุปสรรค: TBD", "สรุปผลการดำเนินการ: Lorem ipsum dolor sit amet…" (review71 b04), or a heading line over a paragraph of
    Lorem ipsum ("ปัญหาและอุปสรรค" / "Lorem ipsum dolor sit amet, consectetur…" / "tempor incididunt…": review71 b03).
    The label or heading names a part and states nothing of it."""
    if not any(w in page for w in ("orem", "TB", "[", "xx", "XX")):
        return []
    lines = page.split("\n")
    out: list[tuple[int, int, int | None]] = []
    for i, line in enumerate(lines):
        head, colon, field = line.partition(":")
        if not colon:
            head, colon, field = line.partition("：")
        if colon and "|" not in line and _FIELD_NAME.fullmatch(head) and placeholder_cell(field):
            out.append((i, 0, len(head)))
            continue
        j = _next(lines, i + 1)
        if j < len(lines) and _LOREM.match(lines[j].strip()) and _HEADING.fullmatch(line) \
                and "|" not in line and not _LOREM.search(line) and re.search(r"[ก-๛]", line):
            out.append((i, 0, None))
    return out


# A sample whose agency is itself a blank: "องค์การบริหารส่วนตำบล.......................... อำเภอ.......... จังหวัด…" heading
# a plan "(ตัวอย่าง)" with a note "ตัวอย่างนี้จัดทำเพื่อเป็นแนวทาง…ให้กรอกชื่อหน่วยงาน" (review71 d04): no agency's document,
# a template to be filled. Only at the document's head, the kind of body starting its line (a signature's "นายก
# องค์การบริหารส่วนตำบล......" or "เรียน นายก…" of a citizen's form is not), and not a form to file (`_FILED_FORM`).
_BLANK_AGENCY = re.compile(
    r"[ \t]*(?:องค์การบริหารส่วน(?:ตำบล|จังหวัด)|เทศบาล(?:ตำบล|เมือง|นคร)?|อบต\.|อบจ\.|ทต\.|ทม\.|ทน\.)[ \t]*"
    r"(?:[.…_]{4,}|…{2,})")
_HEAD_LINES = 6  # non-blank lines of the document's head


def blank_agency(pages: Sequence[str]) -> str | None:
    """The head line naming the document's agency as a blank (`_BLANK_AGENCY`), or None."""
    if not pages:
        return None
    text = "\n".join(pages)
    if any(w in text for w in _FILED_FORM):
        return None
    head = [line for line in pages[0].split("\n") if line.strip()][:_HEAD_LINES]
    return next((line.strip() for line in head if _BLANK_AGENCY.match(line)), None)
