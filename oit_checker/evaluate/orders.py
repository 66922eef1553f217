"""An order appointing a committee or working group ("คำสั่ง… เรื่อง แต่งตั้งคณะทำงานประเมินความเสี่ยงการทุจริต"):
it lists what the group is to do ("วิเคราะห์โอกาสที่จะเกิดและผลกระทบ และจัดระดับความเสี่ยง", "กำหนดมาตรการ…"), so
the parts of a risk assessment, a plan or a report are all named in it, and none of them is done. For items whose
evidence rule says so (`orders_count = false`), an item whose every document is such an order is for a person to
look at (`appointment_order_only`)."""

from __future__ import annotations

from oit_checker.model import Document

ORDER_MAX_CHARS = 3000  # normalized characters: an order is a page or two; a longer document holds more than one
_HEAD_LINES = 8  # the order's heading: "คำสั่ง…", "ที่ …/…", "เรื่อง แต่งตั้ง…"


def appointment_order(doc: Document) -> str | None:
    """The subject line ("เรื่อง แต่งตั้ง…") when `doc` opens as an order appointing a group; else None."""
    if not doc.pages:
        return None
    lines = [line.strip() for line in doc.pages[0].splitlines() if line.strip()][:_HEAD_LINES]
    if not any(line.startswith("คำสั่ง") for line in lines[:3]):
        return None
    return next((line for line in lines if line.startswith("เรื่อง") and "แต่งตั้ง" in line), None)
