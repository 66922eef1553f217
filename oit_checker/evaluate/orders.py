"""An order appointing a committee or working group ("คำสั่ง… เรื่อง แต่งตั้งคณะทำงานประเมินความเสี่ยงการทุจริต"):
it lists what the group is to do ("วิเคราะห์โอกาสที่จะเกิดและผลกระทบ และจัดระดับความเสี่ยง", "กำหนดมาตรการ…"), so
the parts of a risk assessment, a plan or a report are all named in it, and none of them is done. For items whose
evidence rule says so (`orders_count = false`), an item whose every document is such an order is for a person to
look at (`appointment_order_only`)."""

from __future__ import annotations

import re

from oit_checker.model import Document
from oit_checker.text.thai import normalize

ORDER_MAX_CHARS = 3000  # normalized characters of an order with no "สั่ง ณ วันที่" line found (a page or two)
AFTER_ORDER_MAX_CHARS = 200  # after "สั่ง ณ วันที่ …": the signature and position; more is another document
_HEAD_LINES = 8  # the order's heading: "คำสั่ง…", "ที่ …/…", "เรื่อง แต่งตั้ง…"
# The order's own annex after its signature: "บัญชีรายชื่อคณะทำงาน… แนบท้ายคำสั่ง…".
_ANNEX = re.compile(r"บัญชีรายชื่อ|รายชื่อคณะ|แนบท้ายคำสั่ง")
_ANNEX_REACH = 600  # characters after "สั่ง ณ วันที่" (the signature, then the annex's heading)
# After the annex's heading, the members' lines (a name or a position, then a role) and little else: more is another
# document in the same file (the assessment the order asked for).
_MEMBER = re.compile(r"คณะทำงาน|คณะกรรมการ|ประธาน|กรรมการ|เลขานุการ|ที่ปรึกษา")
ANNEX_OTHER_MAX_CHARS = 400
# "สั่ง ณ วันที่" (a PDF's text may repeat a syllable's letters: "สั่งสั่ ณ วันที่")
_ORDERED_ON = re.compile(r"^[ \t]*สั่ง\S{0,3}[ \t]*ณ[ \t]*วันที่", re.MULTILINE)


def appointment_order(doc: Document) -> str | None:
    """The subject line ("เรื่อง แต่งตั้ง…") when `doc` is an order appointing a group and nothing but its signature
    follows its date line ("สั่ง ณ วันที่ …"); else None. An order followed by the assessment it asked for (one PDF
    of both) is the assessment too."""
    if not doc.pages:
        return None
    lines = [line.strip() for line in doc.pages[0].splitlines() if line.strip()][:_HEAD_LINES]
    if not any(line.startswith("คำสั่ง") for line in lines[:3]):
        return None
    subject = next((line for line in lines if line.startswith("เรื่อง") and "แต่งตั้ง" in line), None)
    if subject is None:
        return None
    text = "\n".join(doc.pages)
    dated = list(_ORDERED_ON.finditer(text))
    if not dated:
        return subject if len(normalize(text)) <= ORDER_MAX_CHARS else None
    after = text[dated[0].end():]  # the first order's: what follows it may be the work (and a later order)
    if len(normalize(after)) <= AFTER_ORDER_MAX_CHARS:
        return subject  # the signature
    annex = _ANNEX.search(after[:_ANNEX_REACH])
    if annex is not None and _other_text(after[annex.end():]) <= ANNEX_OTHER_MAX_CHARS:
        return subject  # the order's own annex: its members' list, and nothing after it
    return None


def _other_text(annex: str) -> int:
    """Normalized characters of an annex's lines that are not its members' (a line naming a role in the group: "…
    ประธานคณะทำงาน", "…กรรมการและเลขานุการ"): what another document in the same file (the assessment) holds."""
    return sum(len(normalize(line)) for line in annex.splitlines() if not _MEMBER.search(line))
