"""Documents that are not yet the document: a draft ("(ร่าง)", "ยังไม่ผ่านการพิจารณา ห้ามอ้างอิง"), and an
announcement or order telling the agency's units to make it by a date ("ประกาศ… เรื่อง การจัดทำคู่มือการปฏิบัติงาน",
"ส่งร่างคู่มือ… ภายในวันที่ ๓๑ มีนาคม ๒๕๖๙"). Both name every part of the document the item asks for, and hold
none of it done: the item is for a person to look at (`draft_document`, `directive_only`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from oit_checker.model import Document
from oit_checker.text.thai import display, normalize

_HEAD_LINES = 3
# A heading line that marks a draft: "(ร่าง)", "ร่าง", "[ฉบับร่าง]", "(ร่าง) รายงาน…" — not "ร่างข้อบัญญัติ…", a
# draft bill the document is about.
_DRAFT_HEAD = re.compile(r"^[(\[]?\s*(?:ฉบับ\s*)?ร่าง\s*[)\]]?(?:\s|$)")
_STAMP = "ห้ามอ้างอิง"  # a draft's stamp, wherever it stands
# A draft's mark as a line of its own, a stamp or a watermark: "ฉบับร่าง", "(เอกสารฉบับร่าง)"; not a link
# "ดาวน์โหลดเอกสารฉบับร่าง" nor a sentence ("รับฟังความคิดเห็นต่อเอกสารฉบับร่างแผนพัฒนาท้องถิ่น": a forum on a draft).
_DRAFT_WHOLE = re.compile(r"^[(\[]?(?:เอกสาร)?ฉบับร่าง[)\]]?$")
# "(เอกสารนี้ยังไม่ผ่านการพิจารณาของคณะกรรมการ…)": a note of its own on the draft; not a report's sentence on a bill,
# "…เทศบัญญัติงบประมาณรายจ่ายเพิ่มเติมยังไม่ผ่านการพิจารณาของสภา".
_NOT_PASSED = "ยังไม่ผ่านการพิจารณา"
_NOTE_START = ("(", "[", "เอกสารนี้", "หมายเหตุ", "ยังไม่ผ่าน")
_BILL = re.compile(r"บัญญัติ|ระเบียบ|งบประมาณ")
_NOTE_MAX = 80  # characters of such a note
_HEAD_SCAN = 40  # raw lines read for the heading's first non-empty ones (a cover may begin with blank lines)
_DIRECTIVE_LINES = 8  # "ประกาศ…" / "คำสั่ง…", "ที่ …", "เรื่อง การจัดทำ…"
_MAKE = ("การจัดทำ", "ให้จัดทำ", "แนวทางการจัดทำ")
# A deadline to make or send the document ("ส่งร่างคู่มือให้สำนักปลัดภายในวันที่ …"), not a service's own ("ชำระภาษี
# ภายในเดือนเมษายน").
_DEADLINE = re.compile(r"(?:จัดทำ|ส่ง|เสนอ)[^\n]{0,80}?ภายใน\s*(?:วันที่|เดือน)")
DIRECTIVE_MAX_CHARS = 4000  # normalized characters before the signature (a page or so): more holds the document
# The document itself, written out before the signature: a manual's steps, chapters, contents.
_DOCUMENT_MARKS = re.compile(r"ขั้นตอนที่|บทที่|สารบัญ|ส่วนที่")
_SIGNED_ON = re.compile(r"^[ \t]*(?:ประกาศ|สั่ง)[ \t]*ณ[ \t]*วันที่", re.MULTILINE)
AFTER_SIGNATURE_MAX_CHARS = 200  # the signature and position; more is the document itself, attached


def draft_mark(doc: Document, normalized: Sequence[str] | None = None) -> str | None:
    """The words that mark `doc` a draft: a heading line "(ร่าง)", "ห้ามอ้างอิง" anywhere, a line that is only
    "ฉบับร่าง", or a short note of its own "(เอกสารนี้ยังไม่ผ่านการพิจารณา…)".
    `normalized`: its pages' `normalize` forms, when the caller has them."""
    if not doc.pages:
        return None
    head = [line for line in doc.pages[0].split("\n", _HEAD_SCAN)[:_HEAD_SCAN] if line.strip()]
    for line in head[:_HEAD_LINES]:
        if _DRAFT_HEAD.match(display(line)):
            return display(line)
    flats = normalized if normalized is not None else [normalize(page) for page in doc.pages]
    for page, flat in zip(doc.pages, flats, strict=True):
        if _STAMP in flat:
            return next((display(line) for line in page.splitlines() if "ห้าม" in line), _STAMP)
        if "ฉบับร่าง" not in flat and _NOT_PASSED not in flat:
            continue
        for line in page.splitlines():
            shown = display(line)
            flat_line = shown.replace(" ", "")
            if _DRAFT_WHOLE.match(flat_line):
                return shown
            at = flat_line.find(_NOT_PASSED)
            if at != -1 and len(shown) <= _NOTE_MAX and flat_line.startswith(_NOTE_START) \
                    and _BILL.search(flat_line[:at]) is None:
                return shown
    return None


def directive(doc: Document) -> str | None:
    """The subject line ("เรื่อง การจัดทำคู่มือการปฏิบัติงาน") when `doc` is a short announcement or order about
    making a document, setting a deadline to make or send it ("ส่ง… ภายในวันที่ …"), with nothing but its signature
    after its date line ("ประกาศ ณ วันที่ …"); else None. One that holds the document it names, before or after its
    signature, is the document too."""
    if not doc.pages:
        return None
    raw = [line for line in doc.pages[0].split("\n", _HEAD_SCAN)[:_HEAD_SCAN] if line.strip()]
    lines = [display(line) for line in raw[:_DIRECTIVE_LINES]]
    if not any(line.startswith(("ประกาศ", "คำสั่ง")) for line in lines[:_HEAD_LINES]):
        return None
    subject = next((line for line in lines if line.startswith("เรื่อง") and any(w in line for w in _MAKE)), None)
    text = "\n".join(doc.pages)
    if subject is None or _DEADLINE.search(display(text)) is None:
        return None
    signed = list(_SIGNED_ON.finditer(text))
    if not signed or len(normalize(text[signed[-1].end():])) > AFTER_SIGNATURE_MAX_CHARS:
        return None
    before = text[:signed[-1].start()]
    if len(normalize(before)) > DIRECTIVE_MAX_CHARS or len(_DOCUMENT_MARKS.findall(before)) >= 2:
        return None
    return subject
