"""What a corruption-complaint statistics table counts (`grievances_off_subject`, review): a table of complaint
categories whose every category is a general grievance (a street light out, a road's potholes, tap water, a pig
farm's smell, stray dogs) counts no corruption complaint, whatever its title says: "ข้อมูลสถิติเรื่องร้องเรียนการทุจริต
และประพฤติมิชอบ" over "ไฟฟ้าส่องสว่างสาธารณะชำรุด | ๑๒", "ถนนในหมู่บ้านชำรุดเป็นหลุมบ่อ | ๘", "สุนัขจรจัด | ๒" from the
"ทะเบียนรับเรื่องราวร้องทุกข์" (review78 d02) is the general grievance register relabelled.

A table is a header line naming the category ("ประเภทเรื่องร้องเรียน", "เรื่องที่ร้องเรียน") beside a count
("จำนวน"), then its rows: lines of cells ("|") or of words ending on counts ("ไฟฟ้าดับ ๑๒ ๑๒ ๐"), up to its total
("รวม") or the first line that is neither. Pure: the caller gives the pages' lines in display form (Arabic digits).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# A category header beside a count: "ประเภทเรื่องร้องเรียน | จำนวน (เรื่อง) | …", "เรื่องที่ร้องเรียน จำนวน"
_HEADER = re.compile(r"(?:ประเภท\s?(?:ของ\s?)?เรื่อง|เรื่อง\s?ที่\s?ร้องเรียน|หัวข้อ\s?เรื่อง|ประเภท\s?การ\s?ร้องเรียน)"
                     r".{0,80}?จำนวน")
# A row of words ending on counts, not cut into cells (a PDF's line): "ไฟฟ้าดับ ๑๒ ๑๒ ๐" → "ไฟฟ้าดับ"
_COUNTED_ROW = re.compile(r"^\s*(?:\d{1,2}[.)]\s*)?([^\d|]{3,80}?)\s+\d{1,4}(?:\s+\d{1,4})*\s*$")
_TOTAL = re.compile(r"^\s*\|?\s*(?:รวม|ทั้งสิ้น|ยอดรวม|total)", re.IGNORECASE)
_ROWS_MAX = 40
MIN_ROWS = 2  # one row says too little of what the table counts
# A general grievance: public works, utilities, nuisance, animals (as a category names it)
_GENERAL = ("ไฟฟ้า", "ถนน", "ประปา", "น้ำไม่ไหล", "น้ำขุ่น", "ท่อระบายน้ำ", "ระบายน้ำ", "น้ำท่วม", "สุนัข", "แมว", "ขยะ",
            "กลิ่น", "เดือดร้อนรำคาญ", "เสียงดัง", "ควัน", "ฝุ่น", "ต้นไม้", "กิ่งไม้", "หลุมบ่อ", "สะพาน", "ยุง",
            "สัตว์", "ท่อ", "ทางเท้า", "ลำคลอง", "วัชพืช", "การจราจร", "ภัยแล้ง")
# A category of corruption or misconduct (or of an official's conduct): the table counts such complaints
_CORRUPT = ("ทุจริต", "ประพฤติมิชอบ", "มิชอบ", "สินบน", "เรียกรับ", "เบียดบัง", "ยักยอก", "เอื้อประโยชน์", "ผลประโยชน์",
            "จัดซื้อ", "จัดจ้าง", "ละเว้น", "เจ้าหน้าที่", "พนักงาน", "ผู้บริหาร", "ทรัพย์สินของราชการ", "ขัดกัน", "ไม่เป็นธรรม",
            "วินัย", "อำนาจ", "ตำแหน่ง", "ค่าตอบแทน", "เงิน")


def _category(line: str) -> str | None:
    """The category a row names (its first cell with words), or None for a line that is no row."""
    if "|" in line:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2:
            return None
        first = next((c for c in cells if c and not c.replace(",", "").isdigit()), None)
        return first if first is not None and any(ch.isdigit() for c in cells for ch in c) else None
    m = _COUNTED_ROW.match(line)
    return m.group(1).strip() if m else None


def general_only(lines: Sequence[str]) -> tuple[int, str] | None:
    """(rows, first category) of the first category table in `lines` whose every category is a general grievance
    (at least `MIN_ROWS`; a row of neither kind, "อื่น ๆ", not counted) and none names corruption or an official's
    conduct; else None."""
    for i, line in enumerate(lines):
        if _HEADER.search(line) is None:
            continue
        general: list[str] = []
        corrupt = False
        for row in lines[i + 1:i + 1 + _ROWS_MAX]:
            if _TOTAL.match(row):
                break
            category = _category(row)
            if category is None:
                break
            flat = category.replace(" ", "")
            if any(w in flat for w in _CORRUPT):
                corrupt = True
                break
            if any(w in flat for w in _GENERAL):
                general.append(category)
        if not corrupt and len(general) >= MIN_ROWS:
            return len(general), general[0]
    return None
