"""Recognise what Google Drive answered instead of the file (pure; the pipeline does the fetching).

`urls.canonical_drive` turns every Drive link into `uc?export=download&id=<id>`. What comes back is the
file, or one of these pages (their shapes are reproduced in fixtures/realworld/ for offline tests):

- **confirm** — "Google Drive can't scan this file for viruses" (files over ~100 MB, and some smaller
  ones): an HTML form whose action is `drive.usercontent.google.com/download` with hidden inputs `id`,
  `export`, `confirm`, `uuid`. Older pages have a link `uc?export=download&confirm=<token>&id=<id>`
  instead. Submitting it once gives the file; a browser user clicks "Download anyway".
- **sign_in** — the file is not shared publicly: Drive redirects to `accounts.google.com` ("Sign in –
  to continue to Google Drive"). The assessor, not signed in as the owner, sees the same wall.
- **no_access** — "You need access" / "ขอสิทธิ์เข้าถึง": a signed-in user without permission.
- **quota** — "Too many users have viewed or downloaded this file recently": could not look, try later.
- **folder** — a folder listing (an `open?id=` that was a folder): the listing needs a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlencode, urljoin

from selectolax.lexbor import LexborHTMLParser

from oit_checker.model import Fetched
from oit_checker.text.charset import decode_html
from oit_checker.text.thai import normalize
from oit_checker.text.urls import DRIVE_HOSTS, host_of

__all__ = ["DRIVE_HOSTS", "DrivePage", "is_google_host", "recognise"]

_SIGN_IN_HOSTS = frozenset({"accounts.google.com"})

DriveKind = Literal["confirm", "sign_in", "no_access", "quota", "folder"]

_NO_ACCESS = tuple(normalize(p).lower() for p in (
    "You need access", "Request access", "ขอสิทธิ์เข้าถึง", "คุณต้องมีสิทธิ์เข้าถึง", "ต้องมีสิทธิ์เข้าถึง",
    "You need permission", "Ask for access",
))  # fmt: skip
_SIGN_IN = tuple(normalize(p).lower() for p in (
    "to continue to Google Drive", "to continue to Google Docs", "ไปยัง Google ไดรฟ์", "ดำเนินการต่อไปยัง Google ไดรฟ์",
    "Sign in - Google Accounts", "ลงชื่อเข้าใช้ - บัญชี Google",
))  # fmt: skip
_QUOTA = tuple(normalize(p).lower() for p in (
    "Too many users have viewed or downloaded this file recently", "Download quota exceeded",
    "quota for this file has been exceeded", "มีผู้ใช้ดูหรือดาวน์โหลดไฟล์นี้มากเกินไป",
))  # fmt: skip
_CONFIRM = tuple(normalize(p).lower() for p in (
    "can't scan this file for viruses", "cannot scan this file for viruses", "Download anyway",
    "ไม่สามารถสแกนไฟล์นี้เพื่อหาไวรัส", "ดาวน์โหลดต่อไป",
))  # fmt: skip


@dataclass(frozen=True)
class DrivePage:
    kind: DriveKind
    follow: str = ""  # for "confirm": the URL that gives the file


def is_google_host(url: str) -> bool:
    host = host_of(url)
    return host in DRIVE_HOSTS or host in _SIGN_IN_HOSTS


def _confirm_target(tree: LexborHTMLParser, page_url: str) -> str:
    for form in tree.css("form"):
        action = (form.attributes.get("action") or "").strip()
        target = urljoin(page_url, action) if action else page_url
        fields: dict[str, str] = {}
        for node in form.css("input[name]"):
            if (node.attributes.get("type") or "").lower() in ("hidden", ""):
                fields[node.attributes.get("name") or ""] = node.attributes.get("value") or ""
        if "id" in fields and (host_of(target) in DRIVE_HOSTS or "download" in target or "/uc" in target):
            head = target.split("?", 1)[0]
            return f"{head}?{urlencode(fields)}"
    for node in tree.css("a[href]"):
        href = node.attributes.get("href") or ""
        if node.attributes.get("id") == "uc-download-link" or ("confirm=" in href and "id=" in href):
            return urljoin(page_url, href)
    return ""


def recognise(fetched: Fetched) -> DrivePage | None:
    """What a Drive/Google answer is when it is not the file, or None (the file, or not Google at all)."""
    final = fetched.final_url or fetched.url
    if host_of(final) in _SIGN_IN_HOSTS:
        return DrivePage("sign_in")
    if host_of(final) not in DRIVE_HOSTS and host_of(fetched.url) not in DRIVE_HOSTS:
        return None
    head = fetched.body[:1024].lstrip().lower()
    if not (fetched.content_type in ("text/html", "application/xhtml+xml")
            or head.startswith((b"<!doctype", b"<html"))):
        return None  # the file itself
    text_html, _ = decode_html(fetched.body, fetched.charset)
    tree = LexborHTMLParser(text_html)
    title = tree.css_first("title")
    text = normalize(f"{title.text() if title else ''} {tree.body.text() if tree.body else ''}").lower()
    if any(p in text for p in _CONFIRM):
        target = _confirm_target(tree, final)
        if target:
            return DrivePage("confirm", target)
    if any(p in text for p in _QUOTA):
        return DrivePage("quota")
    if any(p in text for p in _NO_ACCESS):
        return DrivePage("no_access")
    if any(p in text for p in _SIGN_IN):
        return DrivePage("sign_in")
    target = _confirm_target(tree, final)
    if "confirm=" in target:  # a reworded confirm page: the form still carries the token
        return DrivePage("confirm", target)
    if "/drive/folders/" in final or "/embeddedfolderview" in final or "/drive/folders/" in text_html[:20000]:
        return DrivePage("folder")
    return None
