"""Documents that are not yet the document: a draft ("(ร่าง)", "ยังไม่ผ่านการพิจารณา ห้ามอ้างอิง"), and an
announcement or order telling the agency's units to make it by a date ("ประกาศ… เรื่อง การจัดทำคู่มือการปฏิบัติงาน",
"ส่งร่างคู่มือ… ภายในวันที่ ๓๑ มีนาคม ๒๕๖๙"). Both name every part of the document the item asks for, and hold
none of it done: the item is for a person to look at (`draft_document`, `directive_only`). So are a meeting's minutes
resolving to draft it ("…ให้เลขานุการคณะทำงานไปยกร่างมาตรการ…")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from oit_checker.evaluate.orders import AFTER_ORDER_MAX_CHARS
from oit_checker.model import Document
from oit_checker.text.thai import display, normalize

_HEAD_LINES = 3
# A heading line that marks a draft: "(ร่าง)", "ร่าง", "[ฉบับร่าง]", "(ร่าง) รายงาน…" — not "ร่างข้อบัญญัติ…", a
# draft bill the document is about.
_DRAFT_HEAD = re.compile(r"^[(\[]?\s*(?:ฉบับ\s*)?ร่าง\s*[)\]]?(?:\s|$)")
_STAMP = "ห้ามอ้างอิง"  # a draft's stamp, wherever it stands
# A draft's marks starting a short line (a stamp, a watermark, a heading, a note): "ฉบับร่าง", "- ฉบับร่าง -",
# "(ฉบับร่าง) แผน…", "** ยังไม่ผ่านการพิจารณา **", "(เอกสารนี้ยังไม่ผ่านการพิจารณา…)"; not in a sentence
# ("รับฟังความคิดเห็นต่อเอกสารฉบับร่างแผนพัฒนาท้องถิ่น", a forum on a draft), a link ("ดาวน์โหลดเอกสารฉบับร่าง"), nor
# after a bill ("…เทศบัญญัติงบประมาณรายจ่ายเพิ่มเติมยังไม่ผ่านการพิจารณา").
_DRAFT_WORDS = ("ฉบับร่าง", "ยังไม่ผ่านการพิจารณา")
_DRAFT_LINE_MAX = 100  # characters, punctuation stripped
# What may stand before the words on such a line: nothing, "เอกสาร(นี้)", "หมายเหตุ", "แผน/รายงาน/คู่มือ(ฉบับนี้)"; not
# "3.1 พิจารณาฉบับร่าง…", "ปรับปรุงข้อมูลจากฉบับร่างแล้ว", "โครงการที่ยังไม่ผ่านการพิจารณา".
_STAMP_LEAD = re.compile(r"(?:หมายเหตุ)?(?:เอกสาร|แผน|รายงาน|คู่มือ)?(?:ฉบับ)?(?:นี้)?")
# …or "ฉบับร่าง" ending a title ("รายงานผลการดำเนินงาน ประจำปี พ.ศ. 2568 (ฉบับร่าง)", "คู่มือการปฏิบัติงาน ฉบับร่าง"), not
# a step, a link or a minute's item ("…สนับสนุนจัดทำฉบับร่าง", "ดาวน์โหลดเอกสารฉบับร่าง", "พิจารณาฉบับร่าง").
_NOT_A_TITLE = re.compile(r"ดาวน์โหลด|รับฟัง|ความคิดเห็น|พิจารณา|จัดทำ|แก้ไข|จาก|บัญญัติ|ระเบียบ")
_PUNCTUATION = re.compile(r"[-*()\[\]_=•·.:;\s]+")
_HEAD_SCAN = 40  # raw lines read for the heading's first non-empty ones (a cover may begin with blank lines)
_DIRECTIVE_LINES = 8  # "ประกาศ…" / "คำสั่ง…", "ที่ …", "เรื่อง การจัดทำ…"
_MAKE = ("การจัดทำ", "ให้จัดทำ", "แนวทางการจัดทำ")
# An order assigning the work and its report ("เรื่อง มอบหมายหน้าที่ดำเนินการพัฒนาบุคลากรและรายงานผล…", its clauses
# naming the report's parts "…ประกอบด้วย ผลการดำเนินงาน งบประมาณที่เบิกจ่าย ปัญหาและอุปสรรค… เสนอนายก อบต. ภายในวันที่
# ๓๐ ตุลาคม ๒๕๖๘") is the directive too, not the report (review71 g01); with the deadline below, as any directive.
_ASSIGN = ("มอบหมาย", "สั่งการ")
# A deadline to make or send the document ("ส่งร่างคู่มือให้สำนักปลัดภายในวันที่ …"), not a service's own ("ชำระภาษี
# ภายในเดือนเมษายน").
_DEADLINE = re.compile(r"(?:จัดทำ|ส่ง|เสนอ)[^\n]{0,80}?ภายใน\s*(?:วันที่|เดือน)")
DIRECTIVE_MAX_CHARS = 4000  # normalized characters before the signature (a page or so): more holds the document
# The document itself, written out before the signature: a manual's numbered steps, chapters or parts.
_DOCUMENT_MARKS = re.compile(r"^\s*(?:ขั้นตอนที่|บทที่|ส่วนที่)\s*([\d๐-๙]+)", re.MULTILINE)
_DOCUMENT_MARKS_MIN = 3  # numbered steps, chapters or parts starting lines: the document written out
DIRECTIVE_ALWAYS_CHARS = 1500  # normalized characters: an announcement this short is the directive whatever it says
# The words before the day a document is signed on: "ประกาศ ณ วันที่ …", "สั่ง ณ วันที่ …", "ให้ไว้ ณ วันที่ …"
SIGNED_ON = r"(?:ประกาศ|สั่ง|ให้ไว้)[ \t]*ณ[ \t]*(?=วันที่)"
_SIGNED_ON = re.compile(r"^[ \t]*" + SIGNED_ON, re.MULTILINE)


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
        if not any(words in flat for words in _DRAFT_WORDS):
            continue
        for line in page.splitlines():
            bare = _PUNCTUATION.sub("", display(line))
            at = min((i for i in (bare.find(w) for w in _DRAFT_WORDS) if i != -1), default=-1)
            if at == -1 or len(bare) > _DRAFT_LINE_MAX:
                continue
            if _STAMP_LEAD.fullmatch(bare[:at]) or (bare.endswith("ฉบับร่าง") and not _NOT_A_TITLE.search(bare)):
                return display(line)
    return None


def directive(doc: Document) -> str | None:
    """The subject line ("เรื่อง การจัดทำคู่มือการปฏิบัติงาน") when `doc` is a short announcement or order about
    making a document, setting a deadline to make or send it ("ส่ง… ภายในวันที่ …"), with nothing but its signature
    after its date line ("ประกาศ ณ วันที่ …"); or a short internal memo ("บันทึกข้อความ") asking the units to report
    or send what the document would hold by a date ("เรื่อง ขอให้รายงานผล…", "…ส่งให้สำนักปลัด ภายในวันที่ …"); else
    None. One that holds the document it names, before or after its signature, is the document too."""
    if not doc.pages:
        return None
    raw = [line for line in doc.pages[0].split("\n", _HEAD_SCAN)[:_HEAD_SCAN] if line.strip()]
    lines = [display(line) for line in raw[:_DIRECTIVE_LINES]]
    if lines and lines[0].replace(" ", "").startswith(_MEMO):
        return _memo_request(doc, lines)
    if not any(line.startswith(("ประกาศ", "คำสั่ง")) for line in lines[:_HEAD_LINES]):
        return None
    subject = next((line for line in lines if line.startswith("เรื่อง") and any(w in line for w in _MAKE + _ASSIGN)),
                   None)
    text = "\n".join(doc.pages)
    if subject is None or _DEADLINE.search(display(text)) is None:
        return None
    signed = list(_SIGNED_ON.finditer(text))
    if not signed or len(normalize(text[signed[-1].end():])) > AFTER_ORDER_MAX_CHARS:
        return None
    before = text[:signed[-1].start()]
    size = len(normalize(before))
    if size > DIRECTIVE_MAX_CHARS or (size > DIRECTIVE_ALWAYS_CHARS
                                      and len(set(_DOCUMENT_MARKS.findall(before))) >= _DOCUMENT_MARKS_MIN):
        return None
    return subject


_MEMO = "บันทึกข้อความ"  # the heading of a Thai government's internal memo
# A memo's subject asking for the document's content ("ขอให้รายงานผล…", "ขอให้ส่งข้อมูล…", "ขอความร่วมมือ…", "ติดตาม
# ผลการดำเนินงาน…"), not one that sends or publishes it ("รายงานผลการดำเนินงาน… (เสนอนายก)", "แจ้งมาตรการ…", a cover memo
# above the document).
_MEMO_ASKS = re.compile(r"^เรื่อง\s*(?:ขอให้|ขอความร่วมมือ|ติดตาม|การจัดทำ|ให้จัดทำ|เร่งรัด)")
# A memo that brings the document: the work is done and sent for approval, or the document is attached.
_ATTACHED = re.compile(r"ตามที่แนบ|ตามเอกสารแนบ|รายละเอียดแนบ|ดังแนบ")
_MEMO_BRINGS = re.compile(r"เรียบร้อยแล้ว|เพื่อโปรดพิจารณาอนุมัติ|โปรดพิจารณาอนุมัติ|" + _ATTACHED.pattern)
# A deadline quoted from the letter the memo answers, "ตามที่อำเภอแจ้งให้…ส่งภายในวันที่ 31 ตุลาคม นั้น", is not the memo's.
_QUOTED = re.compile(r"ตามที่[^\n]{0,600}?นั้น", re.DOTALL)


# Minutes of a meeting ("รายงานการประชุมคณะทำงานจัดทำมาตรการ… ครั้งที่ ๑/๒๕๖๘", "ระเบียบวาระที่ ๑ … มติที่ประชุม …")
# whose resolution sends someone to draft the document: "มติที่ประชุม เห็นชอบให้เลขานุการคณะทำงานไปยกร่างมาตรการ โดยกำหนด
# ขั้นตอน ผู้รับผิดชอบ และระยะเวลาดำเนินการ แล้วนำเสนอที่ประชุมครั้งต่อไป…" (review73 b05): the parts are named as what is
# to be drafted, the ITA score only reported by the chair; the document is not made yet. Not a resolution approving a
# draft made ("เห็นชอบร่างมาตรการตามที่เลขานุการเสนอ"): "ไป" (go and draft) marks the work still to do.
_MINUTES_HEAD = ("รายงานการประชุม", "บันทึกการประชุม")
_AGENDA = "ระเบียบวาระ"
_RESOLUTION_TAIL = 60  # characters quoted after the words sending someone to draft (what is to be drafted)
_TO_DRAFT = re.compile(r"มติ(?:ที่ประชุม)?.{0,200}?ให้.{0,60}?ไป\s?(?:ยกร่าง|ร่าง|จัดทำ)")


def minutes_directive(doc: Document) -> str | None:
    """The resolution ("มติที่ประชุม เห็นชอบให้…ไปยกร่างมาตรการ…") when `doc` is short minutes of a meeting (headed
    "รายงานการประชุม…", its agenda "ระเบียบวาระ…") that resolve to draft or make the document later; else None."""
    if not doc.pages or not any(_AGENDA in page for page in doc.pages):
        return None
    head = [normalize(line) for line in doc.pages[0].split("\n", _HEAD_SCAN)[:_HEAD_SCAN] if line.strip()][:_HEAD_LINES]
    if not any(line.startswith(_MINUTES_HEAD) for line in head):
        return None
    raw = "\n".join(doc.pages)
    text = display(raw)  # one line: a resolution may run over a PDF's lines
    said = _TO_DRAFT.search(text)
    if said is None or len(text.replace(" ", "")) > DIRECTIVE_MAX_CHARS \
            or len(set(_DOCUMENT_MARKS.findall(raw))) >= _DOCUMENT_MARKS_MIN:
        return None
    return " ".join(text[said.start():said.end() + _RESOLUTION_TAIL].split())


def cover_memo(doc: Document) -> bool:
    """Whether `doc` is a one-page internal memo ("บันทึกข้อความ") that brings the document as an attachment ("…ได้จัดทำ
    รายงาน… เรียบร้อยแล้ว รายละเอียดปรากฏตามเอกสารแนบ"): its words about the document ("…ประจำปีงบประมาณ…") are its
    title, not its content."""
    if len(doc.pages) != 1:
        return False
    first = next((line for line in doc.pages[0].split("\n", _HEAD_SCAN)[:_HEAD_SCAN] if line.strip()), "")
    if not display(first).replace(" ", "").startswith(_MEMO):
        return False
    text = display(doc.pages[0])
    return _ATTACHED.search(text) is not None and len(normalize(text)) <= DIRECTIVE_MAX_CHARS



def _memo_request(doc: Document, lines: Sequence[str]) -> str | None:
    subject = next((line for line in lines if line.startswith("เรื่อง")), None)
    if subject is None or _MEMO_ASKS.match(subject) is None or len(doc.pages) > 1:
        return None  # a memo with pages after it carries the document
    text = display(doc.pages[0])
    if _MEMO_BRINGS.search(text) is not None or _DEADLINE.search(_QUOTED.sub("", text)) is None:
        return None
    return subject if len(normalize(text)) <= DIRECTIVE_MAX_CHARS else None
