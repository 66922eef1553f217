"""Recognise pages that answer 200 but hold no content: "not found", login forms, parked domains, blanks."""

from __future__ import annotations

from oit_checker.model import DocKind, Document
from oit_checker.thai import normalize

# Matched on the normalized (whitespace-free, lower-cased) text of short pages only: a real document may
# well quote "ไม่พบ" or "login" in its body.
_NOT_FOUND = tuple(normalize(p).lower() for p in (
    "404 not found", "page not found", "ไม่พบหน้า", "ไม่พบหน้าที่คุณต้องการ", "หน้าที่คุณต้องการไม่มีอยู่",
    "ไม่พบหน้าเว็บ", "ขออภัย ไม่พบข้อมูล", "the page you requested could not be found", "error 404",
    "ไม่พบไฟล์", "file not found", "ไม่พบเนื้อหา",
))
_LOGIN = tuple(normalize(p).lower() for p in (
    "เข้าสู่ระบบ", "ลงชื่อเข้าใช้", "sign in", "log in", "login", "รหัสผ่าน", "password",
))
_LOGIN_STRONG = tuple(normalize(p).lower() for p in (
    "รหัสผ่าน", "password", "to continue to google drive", "ขอสิทธิ์เข้าถึง", "request access",
    "you need access", "คุณต้องมีสิทธิ์เข้าถึง",
))
_PARKED = tuple(normalize(p).lower() for p in (
    "this domain may be for sale", "domain is for sale", "buy this domain", "domain parking",
    "this domain has expired", "โดเมนนี้หมดอายุ", "โดเมนนี้ขาย", "parked free", "courtesy of godaddy",
))

SHORT_PAGE = 1500  # normalized characters: above this a page is taken to hold real content
EMPTY_PAGE = 40


def classify(doc: Document) -> str | None:
    """Return a reason code (soft_404 · login_wall · parked_domain · empty_page) or None."""
    if doc.kind is not DocKind.HTML:
        return None
    text = normalize(f"{doc.title}\n{doc.text}").lower()
    if len(text) > SHORT_PAGE:
        return None
    if any(p in text for p in _PARKED):
        return "parked_domain"
    if any(p in text for p in _NOT_FOUND):
        return "soft_404"
    if any(p in text for p in _LOGIN_STRONG) and any(p in text for p in _LOGIN):
        return "login_wall"
    if len(normalize(doc.text)) < EMPTY_PAGE and not doc.links:
        return "empty_page"
    return None
