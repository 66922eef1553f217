"""Recognise pages that answer 200 but hold no content: "not found", login forms, parked domains, blanks.

Agency sites answer 200 for nearly everything: a CMS "ไม่พบหน้า" template, a login form in front of an
intranet page, a hosting company's "account suspended" page, a firewall's "request rejected" page. Treating
any of these as content would test the wrong text, so they get their own reason codes.

Signals, strongest first: the final URL (a redirect to a sign-in host or a /login path), the page title, a
line that says nothing but "not found", and phrases on short pages. Phrases alone are trusted only on short
pages, because a real document may well quote "ไม่พบ", "login" or "password" in its body. Pages are compared
in their matching form (`thai.normalize`: no whitespace) and lower-cased.

The text is the extractor's, after the pipeline removed the site's template lines (menus, footers), so a
"not found" page inside a large CMS template is usually short by the time it gets here. The HTML itself is
not needed: a password form shows up in its labels ("รหัสผ่าน", "Password") or its title and URL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from oit_checker.model import DocKind, Document, Link
from oit_checker.text.thai import normalize, normalize_phrase
from oit_checker.text.urls import DRIVE_HOSTS

SHORT_PAGE = 1500  # normalized characters: above this a page is taken to hold real content
LONG_PAGE = 6000  # up to this, a line that only says "not found" still marks the page as a soft 404
EMPTY_PAGE = 40
LOGIN_CONTENT = 300  # characters outside the login form's own lines that make a page more than a login wall
SERVICES_NAMED = 3  # distinct service phrases outside the form that make a page a list of services
SERVICE_LINKS = 3  # distinct content links (not the form's own) that make a page a list of services


def _norm(phrases: Iterable[str]) -> tuple[str, ...]:
    return tuple(normalize(p).lower() for p in phrases)


# Phrases that say "this page does not exist", on their own line or in the title.
_NOT_FOUND_STRONG = _norm((
    "404 not found", "page not found", "error 404", "404 error", "404 page", "ไม่พบหน้า", "ไม่พบเพจ",
    "ไม่พบหน้าที่คุณต้องการ", "หน้าที่คุณต้องการไม่มีอยู่", "ไม่พบหน้าเว็บ", "ไม่มีหน้านี้", "หน้านี้ไม่มีอยู่",
    "the page you requested could not be found", "the requested url was not found on this server",
    "this page doesn't exist", "this page does not exist", "nothing found", "oops! that page can't be found",
))
# Weaker: trusted only as (nearly) the whole line on a short page. "ไม่พบข้อมูลการร้องเรียน" (no complaints
# were found) is real content for some items, so a sentence that merely starts with the phrase is not enough.
_NOT_FOUND_WEAK = _norm((
    "ขออภัย ไม่พบข้อมูล", "ไม่พบข้อมูลที่ต้องการ", "ไม่พบข้อมูล", "ไม่พบไฟล์", "file not found", "ไม่พบเนื้อหา",
    "ไม่พบบทความ", "ไม่พบเอกสาร", "document not found", "no content found", "content not found",
    "ข้อมูลนี้ถูกลบแล้ว", "ข่าวนี้ถูกลบแล้ว",
))
_TITLE_404_RE = re.compile(r"(?<![0-9])404(?![0-9])")

_LOGIN_WORDS = _norm((
    "เข้าสู่ระบบ", "ลงชื่อเข้าใช้", "ลงชื่อเข้าสู่ระบบ", "ล็อกอิน", "ล๊อกอิน", "sign in", "sign-in", "signin",
    "log in", "log-in", "login",
))
_PASSWORD_WORDS = _norm(("รหัสผ่าน", "password", "passcode", "pin code"))
# Lines that belong to a login form; what is left when they are removed is the page's own content.
_FORM_WORDS = _LOGIN_WORDS + _PASSWORD_WORDS + _norm((
    "ชื่อผู้ใช้", "ชื่อผู้ใช้งาน", "username", "user name", "อีเมล", "e-mail", "email", "จดจำฉัน", "จำฉันไว้",
    "remember me", "ลืมรหัสผ่าน", "forgot", "สมัครสมาชิก", "register", "sign up", "captcha", "ยืนยันตัวตน",
    "เลขประจำตัวประชาชน", "ตกลง", "submit", "ยกเลิก", "cancel",
))
# What an E-Service page offers: requests, complaints, permits, payments. A page that names several of
# these beside its login box is the agency's list of online services, not a wall in front of one
# (2568/2569 O10). "บริการ" and "E-Service" alone are left out: an intranet's login page is titled
# "ระบบบริการ…" too.
_SERVICE_WORDS = _norm((
    "คำร้อง", "คำขอ", "ขอรับ", "ขอใช้", "ขออนุญาต", "ขอซ่อม", "แจ้งซ่อม", "ร้องเรียน", "ร้องทุกข์", "ชำระภาษี",
    "ชำระค่า", "จองคิว", "ยื่นแบบ", "ขอจดทะเบียน", "ขอสำเนา", "ขอข้อมูลข่าวสาร", "แจ้งเหตุ", "ขอความช่วยเหลือ",
    "ขอติดตั้ง", "เบี้ยยังชีพ", "ขอน้ำ", "ถังขยะ", "สมัครงาน", "ขอหนังสือรับรอง", "request form", "complaint",
))
# A link labelled with one of these, or with a service phrase, leads to a service ("บริการจัดเก็บขยะ",
# "E-Service ขออนุญาตก่อสร้าง", "แบบฟอร์มออนไลน์").
_SERVICE_LABEL_WORDS = _SERVICE_WORDS + _norm(("บริการ", "e-service", "eservice", "แบบฟอร์ม", "ออนไลน์", "online"))
# A private Google Drive/Docs/OneDrive file: the page is an access request, not the document.
_ACCESS_REQUEST = _norm((
    "to continue to google drive", "you need access", "request access", "ขอสิทธิ์เข้าถึง",
    "คุณต้องมีสิทธิ์เข้าถึง", "คุณต้องได้รับสิทธิ์เข้าถึง", "you need permission", "access denied. you do not have permission",
))
_LOGIN_HOSTS = frozenset({
    "accounts.google.com", "login.microsoftonline.com", "login.live.com", "login.microsoft.com",
    "signin.dropbox.com", "auth.line.me", "access.line.me",
})
_LOGIN_PATH_RE = re.compile(
    r"(?:^|/)(?:wp-login\.php|log-?in|sign-?in|servicelogin|auth/login|user/login|member/login|"
    r"accounts/login|admin/login|login\.php|login\.aspx|signin\.aspx|logon\.aspx|checklogin)(?:$|[/?.])",
    re.IGNORECASE,
)

_PARKED = _norm((
    "this domain may be for sale", "domain is for sale", "this domain is for sale", "buy this domain",
    "domain parking", "this domain is parked", "domain is parked", "parked free", "parked domain",
    "this domain has expired", "domain has expired", "โดเมนนี้หมดอายุ", "โดเมนนี้ขาย", "โดเมนนี้ถูกจดทะเบียนแล้ว",
    "courtesy of godaddy", "hugedomains", "sedo domain parking", "parkingcrew", "this web page is parked",
    "the domain name you have entered is for sale", "renew this domain", "ต่ออายุโดเมน",
))
_UNAVAILABLE = _norm((
    "account suspended", "this account has been suspended", "this account is suspended", "website suspended",
    "บัญชีนี้ถูกระงับ", "เว็บไซต์นี้ถูกระงับ", "ระงับการใช้งานชั่วคราว", "hosting expired", "website expired",
    "เว็บไซต์หมดอายุ", "bandwidth limit exceeded", "resource limit is reached",
    "error establishing a database connection", "database connection error", "ไม่สามารถเชื่อมต่อฐานข้อมูล",
    "apache2 ubuntu default page", "apache2 debian default page", "welcome to nginx!",
    "test page for the apache http server", "test page for the nginx http server", "iis windows server",
    "internet information services", "this is the default web page for this server",
    "default web site page", "site under construction", "website under construction", "under maintenance",
    "maintenance mode",
    "อยู่ระหว่างปรับปรุง", "อยู่ระหว่างการปรับปรุง", "ปิดปรับปรุงชั่วคราว", "กำลังปรับปรุงเว็บไซต์", "coming soon",
    "ปิดปรับปรุงเว็บไซต์", "ปิดปรับปรุงระบบ", "ปิดปรับปรุงเว็บ",
    "fatal error:", "parse error: syntax error", "warning: mysql_connect", "warning: mysqli_connect",
    "deprecated: mysql_connect",
))
# The agency's own page saying its content is not up yet: a content gap, not a hosting problem. Checked before
# `_UNAVAILABLE`, whose "อยู่ระหว่างปรับปรุง" (the whole site under maintenance) these also contain.
# Words that put the whole website, not one page's content, under maintenance ("เว็บไซต์อยู่ระหว่างปรับปรุงข้อมูล
# กรุณากลับมาใหม่ภายหลัง"): they decide before a content_pending phrase of the same text.
_SITE_WIDE = _norm((
    "เว็บไซต์อยู่ระหว่าง", "เว็บไซต์นี้อยู่ระหว่าง", "เว็บไซต์กำลังปรับปรุง", "กรุณากลับมาใหม่", "กลับมาใหม่ภายหลัง",
    "กลับมาเยี่ยมชมใหม่", "under maintenance", "site under construction", "website under construction",
))
_CONTENT_PENDING = _norm((
    "อยู่ระหว่างปรับปรุงข้อมูล", "อยู่ระหว่างการปรับปรุงข้อมูล", "อยู่ระหว่างปรับปรุงเนื้อหา", "อยู่ระหว่างจัดทำข้อมูล",
    "อยู่ระหว่างการจัดทำข้อมูล", "อยู่ระหว่างรวบรวมข้อมูล", "อยู่ระหว่างการรวบรวมข้อมูล", "อยู่ระหว่างดำเนินการปรับปรุงข้อมูล",
    "อยู่ระหว่างอัปเดตข้อมูล", "กำลังปรับปรุงข้อมูล", "ข้อมูลอยู่ระหว่างปรับปรุง", "ข้อมูลอยู่ระหว่างการปรับปรุง",
    "content is being updated", "content coming soon", "information will be available soon",
))
# A service of the agency under repair ("ขณะนี้ระบบบริการออนไลน์อยู่ระหว่างการปรับปรุง … ติดต่อที่สำนักงาน"), said on a page
# inside its site (the site's own menus around it): the site is up, and the page is the item's to judge (2568/2569
# O10's online service is `doubted_by` these words). The same words on a page with few links of its own site, or
# under a maintenance title, are the site's maintenance page (site_unavailable).
_SERVICE_DOWN = _norm((
    # the service named: "ระบบอยู่ระหว่างการปรับปรุง" alone is the site's own maintenance notice
    "ระบบบริการออนไลน์อยู่ระหว่าง", "ระบบออนไลน์อยู่ระหว่าง", "บริการออนไลน์อยู่ระหว่าง", "e-serviceอยู่ระหว่าง",
    "ระบบe-serviceอยู่ระหว่าง", "บริการออนไลน์ปิดปรับปรุง", "ยังไม่เปิดให้บริการออนไลน์",
))
_SITE_PAGE_LINKS = 4  # anchors to other pages of its own site (its menus); a maintenance page has next to none
_BOT_WALL = _norm((
    "the requested url was rejected. please consult with your administrator.", "your support id is",
    "attention required! | cloudflare", "just a moment...", "checking your browser before accessing",
    "enable javascript and cookies to continue", "ddos protection by", "ddos-guard",
    "sorry, you have been blocked", "request rejected", "web application firewall",
    "incapsula incident id", "sucuri website firewall", "please verify you are a human",
))
_NEEDS_JS = _norm((
    "you need to enable javascript to run this app", "please enable javascript", "javascript is required",
    "javascript is disabled", "this app requires javascript", "requires javascript to be enabled",
    "กรุณาเปิด javascript", "กรุณาเปิดใช้งาน javascript", "โปรดเปิดใช้งาน javascript", "โปรดเปิด javascript",
))
_DRIVE_WARNING = _norm((
    "virus scan warning", "can't scan this file for viruses", "cannot scan this file for viruses",
    "ไม่สามารถสแกนไฟล์นี้", "quota exceeded", "too many users have viewed or downloaded this file recently",
    "เกินโควต้า", "เกินโควตา",
))


def _has(text: str, phrases: Iterable[str]) -> str | None:
    return next((p for p in phrases if p in text), None)


def _host_path(url: str) -> tuple[str, str]:
    try:
        parts = urlsplit(url)
        return (parts.hostname or "").lower(), parts.path + ("?" + parts.query if parts.query else "")
    except ValueError:
        return "", ""


def _standalone(lines: list[str], phrases: Iterable[str], margin: int) -> str | None:
    """A line that says the phrase and little else (≤ `margin` more characters): a heading or a notice,
    not a sentence quoting it."""
    for line in lines:
        for p in phrases:
            if p in line and len(line) <= len(p) + margin:
                return p
    return None


def _services_named(own: list[str], links: Iterable[Link]) -> bool:
    """Whether the page lists services beyond its login form: several service phrases in its own lines,
    or several content links to services (not the form's own sign-up or forgotten-password links, not a
    menu: a login wall inside the site's template has plenty of those)."""
    text = "".join(own)
    if sum(1 for p in _SERVICE_WORDS if p in text) >= SERVICES_NAMED:
        return True
    targets = set()
    for link in links:
        label = normalize_phrase(link.text).lower()  # menus repeat on every page: memoized
        if link.chrome or _has(label, _FORM_WORDS) or not _has(label, _SERVICE_LABEL_WORDS):
            continue
        if not _LOGIN_PATH_RE.search(_host_path(link.url)[1]):
            targets.add(link.url.split("#", 1)[0])
    return len(targets) >= SERVICE_LINKS


def _login_wall(url: str, title: str, lines: list[str], body: str, links: Iterable[Link] = ()) -> str | None:
    host, path = _host_path(url)
    if host in _LOGIN_HOSTS:
        return f"redirected to the sign-in page {host}"
    short = len(body) <= SHORT_PAGE
    if short and (hit := _has(body, _ACCESS_REQUEST)):
        return f"access request page ('{hit}')"
    if short and _LOGIN_PATH_RE.search(path):
        return f"login URL {path[:80]}"
    own = [ln for ln in lines if not _has(ln, _FORM_WORDS)]
    if sum(map(len, own)) > LOGIN_CONTENT:
        return None  # a page with a login box beside its content is a page with content
    if _services_named(own, links):
        return None  # an E-Service page: the services it lists, with a login box for citizens
    if (hit := _has(title, _LOGIN_WORDS)) and short:
        return f"login title ('{hit}')"
    if short and (pw := _has(body, _PASSWORD_WORDS)) and (word := _has(body, _LOGIN_WORDS + _FORM_WORDS)):
        return f"login form ('{word}', '{pw}')"
    return None


def _notice(title: str, body: str, short: bool, prose: str | None = None) -> tuple[str, str] | None:
    """A parked domain, an unfinished page, a site down or a firewall, by its title, else by a short page's text.
    `prose`: the text outside table rows, where a site down says so (a table's "อยู่ระหว่างปรับปรุง" is a row's
    state: review20 s14); the whole body when not given."""
    # Title and short-page phrases; the order puts the more specific verdict first (a parked page often
    # also says "not found", a firewall page "please enable JavaScript").
    # "อยู่ระหว่างปรับปรุง" also titles real notices (a road under repair): hosting pages need a short page.
    # "อยู่ระหว่างปรับปรุงข้อมูล" on the agency's page is its content not put up (content_pending, a fail the
    # agency fixes by publishing), not the whole site down for maintenance (site_unavailable, could not check).
    checks: tuple[tuple[str, tuple[str, ...], bool], ...] = (
        ("parked_domain", _PARKED, True), ("content_pending", _CONTENT_PENDING, False),
        ("site_unavailable", _UNAVAILABLE, False), ("bot_wall", _BOT_WALL, True))
    for code, phrases, by_title in checks:  # the title says what the page is, before any line of its text
        if (by_title or short) and (hit := _has(title, phrases)):
            return code, f"title: '{hit}'"
    if short and (hit := _has(body, _SITE_WIDE)):
        return "site_unavailable", f"text: '{hit}'"  # the website itself is down, whatever else the text says
    for code, phrases, _by_title in checks:
        text = prose if prose is not None and code == "site_unavailable" else body
        if short and (hit := _has(text, phrases)):
            return code, f"text: '{hit}'"
    return None


def classify_detail(doc: Document, line_form: Callable[[str], str] = normalize) -> tuple[str, str] | None:
    """(reason code, the signal that decided it), or None for a page that may hold content.

    Codes: parked_domain · content_pending · site_unavailable · bot_wall · drive_interstitial · script_rendered ·
    rendered_empty · render_failed · soft_404 · login_wall · needs_javascript · empty_page.

    A shell that JavaScript fills in (`Document.script_shell`, see html/spa.py) is `script_rendered`, never
    `empty_page`: the assessor's browser draws it. Read again from a headless browser's DOM (`--render`) and
    still a shell, it is `rendered_empty`. Both come after the hosting and firewall pages (a firewall's
    challenge is a script page too, and it is the firewall that matters).

    `line_form`: `normalize` of one line of text; an agency's evaluation passes its memo of the lines its
    pages share (engine/judge.py), which has most of them already.
    """
    if doc.kind is not DocKind.HTML:
        return None
    title = normalize(doc.title).lower()
    lines = [ln for ln in (line_form(x).lower() for x in doc.text.splitlines()) if ln]
    body = "".join(lines)
    short = len(body) <= SHORT_PAGE
    host, _ = _host_path(doc.url)
    if short and not _has(title, _UNAVAILABLE) and not _has(title + body, _SITE_WIDE) \
            and _has(body, _SERVICE_DOWN) and _site_anchors(doc) >= _SITE_PAGE_LINKS:
        return None  # a page of the site telling of a service under repair: the item judges it
    if notice := _notice(title, body, short, "".join(ln for ln in _notice_lines(lines) if ln.count("|") < 2)):
        return notice
    if (host in DRIVE_HOSTS or "googledrive" in title) and (hit := _has(title + body, _DRIVE_WARNING)):
        return "drive_interstitial", f"Google Drive: '{hit}'"
    if doc.script_rendered:
        # --render was given and the browser did not draw the page (it would not start, no time was left):
        # render_failed, which does not advise --render again.
        code = "rendered_empty" if doc.rendered else "render_failed" if doc.render_note else "script_rendered"
        return code, doc.script_shell
    if (hit := _has(title, _NOT_FOUND_STRONG)) or (_TITLE_404_RE.search(title) and len(title) < 80):
        return "soft_404", f"title: '{hit or '404'}'"
    if short and (hit := _has(body, _NOT_FOUND_STRONG)):
        return "soft_404", f"text: '{hit}'"
    if len(body) <= LONG_PAGE and (hit := _standalone(lines, _NOT_FOUND_STRONG, 30)):
        return "soft_404", f"line: '{hit}'"
    if short and (hit := _standalone(lines, _NOT_FOUND_WEAK, 8)):
        return "soft_404", f"line: '{hit}'"
    if why := _login_wall(doc.url, title, lines, body, doc.links):
        return "login_wall", why
    if short and (hit := _has(body, _NEEDS_JS)):
        return "needs_javascript", f"text: '{hit}'"
    if len(body) < EMPTY_PAGE and not doc.links:
        return "empty_page", f"{len(body)} characters, no links"
    return None


# "อยู่ระหว่างปรับปรุง" on a page that says more besides is one part's state, not the site's maintenance notice, which
# is the page's whole content: "โครงสร้างการแบ่งส่วนราชการ / อยู่ระหว่างปรับปรุงตามแผนอัตรากำลัง ๓ ปี…" above the Act's duties
# and the executives (review60 b08) is the page's content, judged by the item.
_UNDER_REPAIR = _norm(("อยู่ระหว่างปรับปรุง", "อยู่ระหว่างการปรับปรุง"))
NOTICE_REST = 300  # normalized characters on the page's other lines that make such a line one part's state


def _notice_lines(lines: list[str]) -> list[str]:
    """`lines` without the lines saying one part is being revised (`_UNDER_REPAIR`) when the others say more."""
    repair = [ln for ln in lines if _has(ln, _UNDER_REPAIR)]
    if not repair or _has("".join(lines), _SITE_WIDE):
        return lines
    rest = [ln for ln in lines if not _has(ln, _UNDER_REPAIR)]
    return rest if sum(map(len, rest)) > NOTICE_REST else lines


def _site_anchors(doc: Document) -> int:
    """Anchors of the page to other pages of its own host (its menus), not stylesheets, frames or social links."""
    host = _host_path(doc.url)[0].removeprefix("www.")
    return sum(1 for link in doc.links if link.via == "a" and _host_path(link.url)[0].removeprefix("www.") == host)


def classify(doc: Document) -> str | None:
    """Return a reason code (see `classify_detail`) or None."""
    found = classify_detail(doc)
    return found[0] if found else None
