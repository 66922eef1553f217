"""Words shown to readers, Thai first."""

from __future__ import annotations

from oit_checker.model import Status

STATUS = {
    "th": {Status.PASS: "ผ่าน", Status.FAIL: "ไม่ผ่าน", Status.REVIEW: "ต้องตรวจทาน", Status.ERROR: "ตรวจไม่ได้"},
    "en": {Status.PASS: "pass", Status.FAIL: "fail", Status.REVIEW: "review", Status.ERROR: "error"},
}
STATUS_STYLE = {Status.PASS: "bold green", Status.FAIL: "bold red", Status.REVIEW: "bold yellow",
                Status.ERROR: "bold magenta"}
STATUS_ICON = {Status.PASS: "✔", Status.FAIL: "✘", Status.REVIEW: "?", Status.ERROR: "!"}

TEXT = {
    "th": {
        "item": "ข้อ", "name": "รายการ", "status": "ผล", "reasons": "เหตุผล", "evidence": "หลักฐาน",
        "indicator": "ตัวชี้วัดที่", "passing": "ผ่าน", "of": "จาก", "items": "ข้อ",
        "projection": "คะแนนคาดการณ์", "estimate": "เป็นการประมาณการ ไม่ใช่คะแนนจริงของ ป.ป.ช.",
        "inferred_mark": "≈ ผลนี้อาศัยเกณฑ์ที่อนุมาน (ยังไม่ยืนยันจากคู่มือ)",
        "agency": "หน่วยงาน", "fiscal_year": "ปีงบประมาณ", "criteria": "เกณฑ์ ITA",
        "found": "พบ", "method": "วิธีคำนวณ", "grade": "ระดับ", "fix": "แนวทางแก้ไข", "page": "หน้า",
        "suppressed": "ยอมรับแล้ว", "summary": "สรุป", "title": "รายงานช่องว่าง OIT",
        "documents": "เอกสารที่อ่าน", "none": "—",
    },
    "en": {
        "item": "Item", "name": "Name", "status": "Status", "reasons": "Reasons", "evidence": "Evidence",
        "indicator": "Indicator", "passing": "passing", "of": "of", "items": "items",
        "projection": "Projected score", "estimate": "an estimate, not the NACC's official score",
        "inferred_mark": "≈ verdict rests on an inferred rule (not confirmed from the manual)",
        "agency": "Agency", "fiscal_year": "Fiscal year", "criteria": "ITA criteria",
        "found": "found", "method": "Method", "grade": "grade", "fix": "How to fix", "page": "page",
        "suppressed": "accepted", "summary": "Summary", "title": "OIT gap report",
        "documents": "documents read", "none": "—",
    },
}


def t(lang: str, key: str) -> str:
    return TEXT.get(lang, TEXT["th"])[key]
