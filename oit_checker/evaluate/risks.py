"""What a risk assessment's table assesses (`Evidence.risks_about`: the corruption-risk item): a table of risks
whose every row is about something else (floods, wildfires, an IT outage, staff, tax arrears) assesses no
corruption risk, whatever its title says.

A table is a header line naming the risk ("ความเสี่ยง", "ประเด็นความเสี่ยง", "เหตุการณ์ความเสี่ยง") with its
likelihood, impact or level ("โอกาส", "ผลกระทบ", "ระดับ") or, in a report, its results ("ผลการดำเนินการ"), then
numbered rows ("1 น้ำป่าไหลหลาก…", "2 | …"), each with the lines that continue it. Pure: the caller gives the pages'
lines in display form.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_HEADER_RISK = "ความเสี่ยง"
# …or, in a report on the risks managed, what was done of each ("ความเสี่ยง | มาตรการ | ผลการดำเนินการ | งบประมาณที่ใช้
# (บาท)": review78 h03)
_HEADER_SCALE = ("โอกาส", "ผลกระทบ", "ระดับ", "ผลการดำเนิน")
_ROW = re.compile(r"^\|?\s*(\d{1,2})\s*[.)|]?\s+(?=\S)")
_CONTINUATION_LINES = 2
_CONTINUATION_CHARS = 60  # a cell wrapped onto the next line is a short fragment, not a sentence
# Lines that end a table, not continue its last row: the approval, a signature, a note under it.
_AFTER_TABLE = re.compile(r"^\(?(?:อนุมัติ|ประกาศ|ลงชื่อ|ลงนาม|หมายเหตุ|ทั้งนี้|จึงเรียน|ผู้จัดทำ|ผู้รายงาน|ผู้อนุมัติ|ความเสี่ยงระดับ)")
_TABLE_LINES = 60  # a table ends this many lines after its header, at the latest
_HEADER_LINES = 2
# A PDF table's row number on a line of its own ("๑"), the row's cells wrapped over the lines under it, its scores a
# line of their own ("๔ ๕", "๓ ๔ ๑๒ (สูง)"): the row runs to the next number on its own line (review43 a15)
_LONE_NUMBER = re.compile(r"^\|?\s*(\d{1,2})\s*[.)]?\s*$")
_LONE_ROW_LINES = 14
_LEVEL_ROW = re.compile(r"^\|?\s*\d{1,2}\s*[.)|]?\s*(?:ระดับ\s*)?(?:สูงมาก|สูง|ปานกลาง|น้อยมาก|น้อย|ต่ำมาก|ต่ำ|มาก)")
MIN_ROWS = 2  # one row says too little of what the table assesses
# The measures a row proposes may name corruption ("ป้องกันการทุจริตในการแจกจ่ายถุงยังชีพ"): no risk of it.
_MEASURE = re.compile(r"(?:ป้องกัน|ต่อต้าน|ปราบปราม)(?:และปราบปราม)?(?:การ)?ทุจริต(?:และประพฤติมิชอบ)?")


@dataclass(frozen=True)
class RiskTable:
    header: str
    rows: tuple[str, ...]  # each row's text, its continuation lines joined


def risk_tables(lines: Sequence[str]) -> list[RiskTable]:
    """The risk tables in `lines` (one document's lines, pages in order, display form, spaces kept)."""
    out: list[RiskTable] = []
    i = 0
    while i < len(lines):
        # a header's cells may wrap onto the next lines ("เหตุการณ์ความเสี่ยง (การ" / "ให้/รับสินบน)" / "โอกาส ผลกระทบ …")
        head = [lines[i]]
        for nxt in lines[i + 1:i + 1 + _HEADER_LINES]:
            if _ROW.match(nxt):
                break
            head.append(nxt)
        compact = "".join(head).replace(" ", "")
        if _HEADER_RISK not in lines[i].replace(" ", "") or not any(w in compact for w in _HEADER_SCALE) \
                or _ROW.match(lines[i]):
            i += 1
            continue
        rows: list[str] = []
        j, end = i + 1, min(len(lines), i + 1 + _TABLE_LINES)
        piped = lines[i].count("|") >= 2  # a web page's table: every row is a line of cells, numbered or not
        numbered_alone = False  # the rows are numbered by a number on a line of its own
        while j < end:
            if piped and not rows and j < i + 1 + _HEADER_LINES and not _ROW.match(lines[j]) \
                    and not any(ch.isdigit() for ch in lines[j]):
                j += 1  # the header's second line ("โอกาส | ผลกระทบ | ระดับ")
                continue
            lone = _LONE_NUMBER.match(lines[j])
            if piped and lines[j].count("|") >= 2 and not _ROW.match(lines[j]):
                rows.append(lines[j])
                j += 1
            elif lone and int(lone.group(1)) == len(rows) + 1 and (not rows or numbered_alone):
                numbered_alone = True
                text = [lines[j]]
                k = j + 1
                while k < end and len(text) <= _LONE_ROW_LINES and lines[k].strip() \
                        and len(lines[k]) <= _CONTINUATION_CHARS and not _AFTER_TABLE.match(lines[k].strip()):
                    following = _LONE_NUMBER.match(lines[k])
                    if following and int(following.group(1)) == len(rows) + 2:
                        break
                    text.append(lines[k])
                    k += 1
                rows.append(" ".join(text))
                j = k
            elif _ROW.match(lines[j]) and not numbered_alone:
                text = [lines[j]]
                k = j + 1
                while k < end and len(text) <= _CONTINUATION_LINES and lines[k].strip() \
                        and len(lines[k]) <= _CONTINUATION_CHARS and not _ROW.match(lines[k]) \
                        and not _AFTER_TABLE.match(lines[k].strip()):
                    text.append(lines[k])
                    k += 1
                rows.append(" ".join(text))
                j = k
            elif rows:
                break  # the rows have ended
            else:
                j += 1
        if rows and not _scale(rows):
            out.append(RiskTable(lines[i], tuple(rows)))
        i = max(j, i + 1) if rows else i + 1  # a title naming the risks over the real header is no table
    return out


def _scale(rows: Sequence[str]) -> bool:
    """The rows are the levels of the likelihood or impact scale ("5 สูงมาก: เกิดขึ้นเกือบทุกครั้ง…"), not risks."""
    return sum(_LEVEL_ROW.match(row) is not None for row in rows) * 2 > len(rows)


@dataclass(frozen=True)
class Subject:
    """The words that make a row a risk of the item's kind (normalized: no spaces): `about` always; `areas` (the work
    where such risks lie) unless the row holds one of `failures` (a failure of the work itself: "…ล่าช้า", "…ขัดข้อง")."""

    about: tuple[str, ...]
    areas: tuple[str, ...] = ()
    failures: tuple[str, ...] = ()

    def names(self, row: str) -> bool:
        text = _MEASURE.sub("", row.replace(" ", ""))
        if any(w in text for w in self.about):
            return True
        return any(w in text for w in self.areas) and not any(w in text for w in self.failures)


def off_subject(tables: Sequence[RiskTable], subject: Subject) -> RiskTable | None:
    """The first table of at least `MIN_ROWS` rows none of which names the `subject`, when no other table has a row
    that does; None otherwise."""
    read = [t for t in tables if len(t.rows) >= MIN_ROWS]
    if not read:
        return None
    if any(subject.names(row) for t in tables for row in t.rows):
        return None
    return read[0]
