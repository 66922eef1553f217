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
# A draft's marks on a short line of their own (a stamp, a watermark), not in a sentence: "รับฟังความคิดเห็นต่อเอกสารฉบับ
# ร่างแผนพัฒนาท้องถิ่น" is a forum on a draft plan, "…เพิ่มเติมยังไม่ผ่านการพิจารณาของสภา" a report of a bill.
_DRAFT_LINE = ("ยังไม่ผ่านการพิจารณา", "เอกสารฉบับร่าง", "ฉบับร่าง")
_DRAFT_LINE_MAX = 40  # characters
_DIRECTIVE_LINES = 8  # "ประกาศ…" / "คำสั่ง…", "ที่ …", "เรื่อง การจัดทำ…"
_MAKE = ("การจัดทำ", "ให้จัดทำ", "แนวทางการจัดทำ")
# A deadline to make or send the document ("ส่งร่างคู่มือให้สำนักปลัดภายในวันที่ …"), not a service's own ("ชำระภาษี
# ภายในเดือนเมษายน").
_DEADLINE = re.compile(r"(?:จัดทำ|ส่ง|เสนอ)[^\n]{0,80}?ภายใน\s*(?:วันที่|เดือน)")
DIRECTIVE_MAX_CHARS = 1500  # normalized characters before the signature: more holds the document itself
_SIGNED_ON = re.compile(r"^[ \t]*(?:ประกาศ|สั่ง)[ \t]*ณ[ \t]*วันที่", re.MULTILINE)
AFTER_SIGNATURE_MAX_CHARS = 200  # the signature and position; more is the document itself, attached


def draft_mark(doc: Document, normalized: Sequence[str] | None = None) -> str | None:
    """The words that mark `doc` a draft: a heading line "(ร่าง)", or "ห้ามอ้างอิง", "ยังไม่ผ่านการพิจารณา" in it.
    `normalized`: its pages' `normalize` forms, when the caller has them."""
    if not doc.pages:
        return None
    head = [line for line in doc.pages[0].split("\n", _HEAD_LINES * 2)[:_HEAD_LINES * 2] if line.strip()]
    for line in head[:_HEAD_LINES]:
        if _DRAFT_HEAD.match(display(line)):
            return display(line)
    flats = normalized if normalized is not None else [normalize(page) for page in doc.pages]
    for page, flat in zip(doc.pages, flats, strict=True):
        if _STAMP in flat:
            return next((display(line) for line in page.splitlines() if "ห้าม" in line), _STAMP)
        if any(words in flat for words in _DRAFT_LINE):
            for line in page.splitlines():
                shown = display(line)
                if len(shown) <= _DRAFT_LINE_MAX and any(words in shown.replace(" ", "") for words in _DRAFT_LINE):
                    return shown
    return None


def directive(doc: Document) -> str | None:
    """The subject line ("เรื่อง การจัดทำคู่มือการปฏิบัติงาน") when `doc` is a short announcement or order about
    making a document, setting a deadline to make or send it ("ส่ง… ภายในวันที่ …"), with nothing but its signature
    after its date line ("ประกาศ ณ วันที่ …"); else None. One that holds the document it names, before or after its
    signature, is the document too."""
    if not doc.pages:
        return None
    lines = [line for line in doc.pages[0].split("\n", _DIRECTIVE_LINES * 2)[:_DIRECTIVE_LINES * 2] if line.strip()]
    if not any(line.lstrip().startswith(("ประกาศ", "คำสั่ง")) for line in lines[:_HEAD_LINES]):
        return None
    lines = [display(line) for line in lines[:_DIRECTIVE_LINES]]
    subject = next((line for line in lines if line.startswith("เรื่อง") and any(w in line for w in _MAKE)), None)
    text = "\n".join(doc.pages)
    if subject is None or _DEADLINE.search(display(text)) is None:
        return None
    signed = list(_SIGNED_ON.finditer(text))
    if not signed or len(normalize(text[signed[-1].end():])) > AFTER_SIGNATURE_MAX_CHARS \
            or len(normalize(text[:signed[-1].start()])) > DIRECTIVE_MAX_CHARS:
        return None
    return subject
