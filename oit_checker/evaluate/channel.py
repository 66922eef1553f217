"""Whether the pages read offer a way in to a service used online (`EvidenceRule.online_channel`, pure).

An E-Service page names the service; the assessor looks for something to use: a visitor form on the page, or a link
that opens one. A link counts when it is an anchor, an image map's area, a script's click or an embedded frame (a
Google Form drawn in the page), not to a document (a form to print), a social page ("ขอรับบริการผ่าน Facebook") or
the site's home page, and either holds one of the item's channel words in its URL or text (a form host, "view=form",
"eservice"), or its text starts with a request ("ขอใช้น้ำประปา", "คำร้องขอ…", "การแจ้งซ่อม…"). A menu's link counts
only for a form host's URL (a channel word with a dot, "forms.gle"): every page's menu names the E-Service. A link to
another government body's site (a department's national e-service: "ยื่นแบบแสดงรายการภาษีเงินได้ (กรมสรรพากร)") is
that body's service, not the agency's: a page of only such links is for a person (`no_online_channel`), even when
its host is a channel word (LTAX, Biz Portal, ทางรัฐ), unless the link offers the service as the agency's own: the link
names it ("ชำระภาษีที่ดิน… ขององค์การบริหารส่วนตำบลหนองบัว ผ่านระบบ LTAX GO", "…ออนไลน์ อบต.โคกสูง (LTAX GO)"), or the
heading or sentence just above says so ("ชำระภาษีออนไลน์ของ อบต.โคกสูง"); another local government's is not. A
satisfaction survey ("คลิกเพื่อทำแบบประเมิน (Google Form)") is no service, on a form host or in a form on the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from oit_checker.evaluate.owner import agency_places
from oit_checker.model import DocKind, Document, Link
from oit_checker.text.thai import display
from oit_checker.text.urls import DOCUMENT_EXTENSIONS, canonical_drive, extension, same_site

_WAY_IN_VIA = frozenset({"a", "onclick", "iframe", "area"})
# Social pages are no request system, though a chat (m.me, LINE) may be.
_SOCIAL_HOSTS = ("facebook.com", "fb.com", "youtube.com", "youtu.be", "twitter.com", "x.com", "instagram.com",
                 "tiktok.com")
# Another government body's site (a department's national e-service) or a state utility's (the PEA's, the PWA's, the
# MEA's, the MWA's): a link there is that body's service.
_GOVERNMENT = re.compile(r"\.go\.th$|(?:^|\.)(?:pea|pwa|mea|mwa)\.(?:co|or)\.th$")
_HOME_PATH = re.compile(r"[^/?#]*(?:/(?:index\.(?:php|html?)|home)?)?/?")  # a link to a site's home page
# Not an invitation or a plea ("ขอเชิญ…", "ขอความร่วมมือ…", "ขอประชาสัมพันธ์…"), news ("แจ้งกำหนดการ…",
# "แจ้งเตือน…"), a membership, or something done at an office ("ชำระภาษี… ได้ที่กองคลัง").
_REQUEST_TEXT = re.compile(
    r"\s*(?:[\d๐-๙]{1,2}[.)]\s*|[-•·»]\s*)?(?:แบบ)?(?:คำร้อง|คำขอ|การ|ระบบ)?\s?"
    r"(?:ขอ(?!เชิญ|ความร่วมมือ|ประชาสัมพันธ์|แสดงความ|บคุณ)|แจ้ง(?!กำหนด|เตือน|ให้|ผล|ประกาศ|ข่าว)|ยื่น|จอง|ชำระ"
    r"|ลงทะเบียน(?!สมาชิก|\s*$)|ร้องเรียน|ร้องทุกข์)"
    r"(?!.*ได้ที่\s?(?:กอง|สำนัก|ฝ่าย|งาน|ศูนย์))")


# A satisfaction survey or a poll, not a service: "แบบประเมินความพึงพอใจ…", "คลิกเพื่อทำแบบประเมิน (Google Form)",
# "แบบสอบถาม…" (review24 b05: an E-Service page whose only form is one).
_SURVEY = re.compile(r"ความพึงพอใจ|แบบประเมิน|ทำแบบประเมิน|แบบสอบถาม|สำรวจความ(?:คิดเห็น|พึงพอใจ)|โหวต|(?<![ก-๙])โพล")
# A national system offered as a local government's own service: "…ขององค์การบริหารส่วนตำบลหนองบัว ผ่านระบบ LTAX GO"
# (review5 p10); not "ระบบสารสนเทศภาษีที่ดิน… (LTAX) กรมส่งเสริมการปกครองท้องถิ่น" among other bodies' (review36 a05).
# Without the agency's name known, "ของ" and any local government's.
_LOCAL_OWN = re.compile(r"ของ\s?(?:องค์การบริหารส่วน|เทศบาล|อบต|อบจ|เมืองพัทยา|กรุงเทพมหานคร)")
# A local government's kind, as its name starts, and the ways a page writes it before the place: "องค์การบริหารส่วนตำบล
# โคกสูง", "อบต.โคกสูง" (review40 g02); "เทศบาลตำบลบ้านไผ่งาม", "ทต.บ้านไผ่งาม", "เทศบาลบ้านไผ่งาม".
_KIND_FORMS = (("องค์การบริหารส่วนตำบล", ("องค์การบริหารส่วนตำบล", "อบต.")), ("อบต.", ("องค์การบริหารส่วนตำบล", "อบต.")),
               ("องค์การบริหารส่วนจังหวัด", ("องค์การบริหารส่วนจังหวัด", "อบจ.")),
               ("อบจ.", ("องค์การบริหารส่วนจังหวัด", "อบจ.")),
               ("เทศบาลตำบล", ("เทศบาลตำบล", "ทต.", "เทศบาล")), ("ทต.", ("เทศบาลตำบล", "ทต.", "เทศบาล")),
               ("เทศบาลเมือง", ("เทศบาลเมือง", "ทม.", "เทศบาล")), ("ทม.", ("เทศบาลเมือง", "ทม.", "เทศบาล")),
               ("เทศบาลนคร", ("เทศบาลนคร", "ทน.", "เทศบาล")), ("ทน.", ("เทศบาลนคร", "ทน.", "เทศบาล")))
_BEFORE_LINK = 2  # lines above a link's own that may offer it: a heading, the paragraph under it
# The Department of Local Administration's systems, run for every local government (LTAX GO): the words above a link
# there may offer it as the agency's own. Another .go.th site ("smart.nongbuasao.go.th": review5 p11) may be any
# body's, whatever the page says above it: only the link's own words make it the agency's.
_LOCAL_SYSTEMS = re.compile(r"(?:^|\.)dla\.go\.th$")
# A visitor form that takes a request: "เรื่องที่ขอรับบริการ … ส่งคำขอ", "แบบคำร้อง", "แจ้งซ่อม" (review24 b01).
_REQUEST_FORM = re.compile(r"คำขอ|คำร้อง|ขอรับบริการ|ขอใช้|แจ้งซ่อม|ร้องเรียน|ร้องทุกข์")


def offers_way_in(docs: Iterable[Document], channel_words: Iterable[str], agency: str = "") -> bool:
    """Whether an HTML page among `docs` holds a visitor form or a link that opens the service (module doc); `agency`:
    its name ("" when not known), whose own a national system's link may be."""
    words = tuple(w.lower() for w in channel_words)
    hosts = tuple(w for w in words if "." in w)
    for doc in docs:
        if doc.kind is not DocKind.HTML:
            continue
        if any(not _SURVEY.search(text) for text in form_texts(doc)) \
                or any(_opens(doc, link, words, hosts, agency) for link in doc.links):
            return True
    return False


# The page saying the agency has no service online: "ระบบ E-Service : ไม่มี (อยู่ระหว่างจัดทำ)" over "ยื่นคำร้องด้วยตนเองที่
# สำนักงาน" (review68 e06), "ยังไม่มีระบบบริการออนไลน์", "E-Service : -". Not one service of several said to be none
# ("ชำระภาษีออนไลน์ : ไม่มี"), nor a fee ("บริการออนไลน์ ไม่มีค่าใช้จ่าย"), nor a case ("หากไม่มีบริการออนไลน์…"), nor one
# under repair (a doubt: `doubted_by`).
_SERVICE_NONE = re.compile(
    r"(?:^|(?<=\s)|(?<=ระบบ))(?i:e\s?-?\s?service|บริการ\s?ออนไลน์)\s*[:：|]\s*(?:[-–—]\s*(?:$|\()|\(?\s*(?:ยัง\s?)?ไม่\s?มี"
    r"(?!\s?ค่า))"
    r"|(?<!หาก)(?<!ถ้า)(?<!กรณี)(?<!กรณีที่)(?<!หาก\s)(?<!ถ้า\s)(?<!กรณี\s)(?:ยัง\s?)?ไม่\s?มี\s?(?:ระบบ\s?)?(?:การ\s?)?(?:ให้\s?)?(?:บริการ\s?)?(?:ผ่าน\s?)?(?:ช่องทาง\s?)?"
    r"(?:ออนไลน์|(?i:e\s?-?\s?service))(?!\s?ค่า)", re.MULTILINE)


def service_said_none(docs: Iterable[Document]) -> str | None:
    """The line of a page read saying the agency has no service online (`_SERVICE_NONE`); None when none does."""
    for doc in docs:
        for page in doc.pages:
            for line in page.split("\n"):
                shown = display(line)
                if _SERVICE_NONE.search(shown) is not None:
                    return shown
    return None


def links_other_bodies(docs: Iterable[Document]) -> bool:
    """Whether an HTML page among `docs` links, in its content, another government body's site (its systems)."""
    return any(not link.chrome and _GOVERNMENT.search(urlsplit(link.url.lower()).hostname or "")
               and not same_site(link.url, doc.url)
               for doc in docs if doc.kind is DocKind.HTML for link in doc.links)


def form_texts(doc: Document) -> list[str]:
    """The text of each visitor form on an HTML page (`Document.forms`), in its display form."""
    if doc.kind is not DocKind.HTML or not doc.forms or len(doc.pages) != 1:
        return []
    lines = doc.pages[0].split("\n")
    return [" ".join(line.strip() for line in lines[a:b] if line.strip()) for a, b in doc.forms]


def request_form(doc: Document) -> str | None:
    """The text of a visitor form on the page that takes a request ("ชื่อ-นามสกุล … เรื่องที่ขอรับบริการ … ส่งคำขอ"),
    not a survey: the service used online itself, however the page names it (review24 b01: no "ออนไลน์", no
    "E-Service"); None when the page has none."""
    return next((t for t in form_texts(doc) if _REQUEST_FORM.search(t) and not _SURVEY.search(t)), None)


# What a link to a service used online offers, in its text or the entry around it: a request ("ยื่นคำร้อง…", "แจ้งซ่อม"),
# a payment ("ชำระภาษี…"), a service ("ขอรับบริการ", "บริการออนไลน์"); not a chat to ask a question ("ถามเจ้าหน้าที่ได้ทาง
# Facebook Messenger : m.me/…": review46 c01).
_SERVICE_OFFERED = re.compile(r"คำขอ|คำร้อง|ขอรับบริการ|ขอใช้|แจ้งซ่อม|ร้องเรียน|ร้องทุกข์|ชำระ|ยื่นแบบ|จองคิว"
                              r"|บริการ\s?ออนไลน์|(?i:e\s?-?\s?service)")


def content_service_link(doc: Document, channel_words: Iterable[str], agency: str = "") -> Link | None:
    """A link in the page's content (not a menu's, a sidebar's or a footer's) that opens the agency's service used
    online off its site, as a visitor form on the page does (`request_form`): a form host or a chat (a channel word with
    a dot: "lin.ee", "forms.gle") under words that offer a request or a payment ("ยื่นคำร้องขอความช่วยเหลือ แจ้งซ่อม
    ไฟฟ้า … ผ่านเมนู "ยื่นคำร้อง" ใน LINE OA ของ อบต.โคกสูง @khoksung"), or a national system offered as the agency's own
    ("เข้าสู่ระบบชำระภาษีออนไลน์ อบต.โคกสูง" → ltax.dla.go.th): the service itself, however the page names it (review46
    a23, c02: no "บริการออนไลน์" but the title). Not a link on the agency's own site (a menu of a table-layout page,
    "E-Service บริการออนไลน์" → index.php?mod=eservice, is not marked as one: review46 b21), nor another body's
    (review46 b22), nor a survey (review46 b24). None when there is none."""
    if doc.kind is not DocKind.HTML:
        return None
    words = tuple(w.lower() for w in channel_words)
    hosts = tuple(w for w in words if "." in w)
    for link in doc.links:
        url = link.url.lower()
        if link.chrome or same_site(link.url, doc.url) or not (any(h in url for h in hosts) or _GOVERNMENT.search(
                urlsplit(url).hostname or "")):
            continue
        said = [link.text, *(doc.facts.labels(link.url) if doc.facts is not None else ()),
                doc.facts.context(link.url) if doc.facts is not None else ""]
        if any(_SURVEY.search(t) for t in said) or not any(_SERVICE_OFFERED.search(t) for t in said):
            continue
        if _opens(doc, link, words, hosts, agency):
            return link
    return None


def framed_service(doc: Document, channel_words: Iterable[str], agency: str = "") -> Link | None:
    """A frame in the page's content that draws a form host's service in the page ("<iframe src="https://docs.google.
    com/forms/d/e/…/viewform?embedded=true">" under "บริการออนไลน์ / แบบคำร้องทั่วไป (ออนไลน์)", whose only text is
    "กำลังโหลด…": review77 j02): the service itself, however little the page says around it; not a survey. None when
    the page has none."""
    if doc.kind is not DocKind.HTML or not any(link.via == "iframe" for link in doc.links):
        return None
    words = tuple(w.lower() for w in channel_words)
    hosts = tuple(w for w in words if "." in w)
    for link in doc.links:
        if link.via != "iframe" or link.chrome or not any(h in link.url.lower() for h in hosts):
            continue
        context = doc.facts.context(link.url) if doc.facts is not None else ""
        if _SURVEY.search(context) is None and _opens(doc, link, words, hosts, agency):
            return link
    return None


def _opens(doc: Document, link: Link, words: tuple[str, ...], hosts: tuple[str, ...], agency: str = "") -> bool:
    url = link.url.lower()
    drive = canonical_drive(link.url)
    if link.via not in _WAY_IN_VIA or link.download or extension(link.url) in DOCUMENT_EXTENSIONS \
            or (drive is not None and drive.kind != "folder") or any(h in url for h in _SOCIAL_HOSTS) \
            or (_HOME_PATH.fullmatch(url.split("://", 1)[-1]) and same_site(link.url, doc.url)):
        return False
    # the link's text, and its other texts in the page's content (a menu's text is kept as the link's own)
    texts = [link.text, *(doc.facts.labels(link.url) if doc.facts is not None else ())]
    if any(_SURVEY.search(t) for t in texts):
        return False  # a satisfaction survey, on a form host too (review24 b05)
    if _GOVERNMENT.search(urlsplit(url).hostname or "") and not same_site(link.url, doc.url):
        # another agency's system ("ยื่นแบบแสดงรายการภาษี (กรมสรรพากร)", "Biz Portal … สำนักงาน ก.พ.ร.": review36 a05):
        # not this agency's way in, unless offered as its own ("…ขององค์การบริหารส่วนตำบลหนองบัว ผ่านระบบ LTAX GO")
        if not agency:
            return any(_LOCAL_OWN.search(t) for t in texts)
        return _offered_as_own(doc, link, texts, agency)
    if any(h in url for h in hosts):
        return True
    if link.chrome:
        return False
    said = " ".join([url, *texts]).lower()
    return any(w in said for w in words) or any(_REQUEST_TEXT.match(t) for t in texts)


def _offered_as_own(doc: Document, link: Link, texts: list[str], agency: str) -> bool:
    """Whether a link to a national system offers it as the agency's own: the link names the agency itself ("เข้าสู่
    ระบบชำระภาษีออนไลน์ อบต.โคกสูง (LTAX GO)", review40 g02), or the heading or sentence just above it says the service
    is the agency's ("ชำระภาษีออนไลน์ของ อบต.โคกสูง", "…ภาษีป้าย ขององค์การบริหารส่วนตำบลโคกสูง ผ่านระบบ LTAX GO") of a
    system the DLA runs for every local government (`_LOCAL_SYSTEMS`). Not another local government's ("…ของเทศบาลตำบล
    หนองบัวแดง"), nor a page's only saying it is the agency's page."""
    names = _own_names(agency)
    if not names:
        return False
    named = re.compile(r"(?<![ก-๙])(?:" + "|".join(names) + r")(?![ก-๙])")
    if any(named.search(display(t)) for t in texts):
        return True
    told = re.compile(r"ของ\s?(?:" + "|".join(names) + r")(?![ก-๙])")
    if doc.facts is not None and told.search(display(doc.facts.context(link.url))):
        return True
    if len(doc.pages) != 1 or not link.text.strip() or not _LOCAL_SYSTEMS.search(urlsplit(link.url).hostname or ""):
        return False
    lines = [line for line in (display(x) for x in doc.pages[0].split("\n")) if line]
    shown = display(link.text)
    for i, line in enumerate(lines):
        if shown in line and any(told.search(above) for above in lines[max(0, i - _BEFORE_LINK):i]):
            return True
    return False


def _own_names(agency: str) -> tuple[str, ...]:
    """The agency's name as patterns on the text as shown: its whole name, and for a local government its kind
    written each way before its place ("องค์การบริหารส่วนตำบลโคกสูง", "อบต.โคกสูง", "อบต. โคกสูง"); () when not known."""
    shown = display(agency)
    if not shown:
        return ()
    out = [re.escape(shown).replace(r"\ ", r"\s?")]
    places = agency_places(agency)
    for start, forms in _KIND_FORMS:
        if shown.startswith(start) and places:
            out.extend(re.escape(form) + r"\s?" + re.escape(places[0]) for form in forms)
            break
    return tuple(dict.fromkeys(out))
