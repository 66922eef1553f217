"""What a page's site footer says of the agency's own contact details (`EvidenceRule.footer_counts`, pure).

Agencies put their address, telephones and e-mail in the template's footer, which the page's text leaves out as
chrome (`Document.footer` keeps it). The contact item reads it for a part its content lacks; a home page or a news
page given for the item shows them there too. A footer line counts when it gives a value (a number, an address's
digits, an e-mail address, a link, a LINE id), not a heading ("ติดต่อสอบถาม") or a bare word ("E-mail"); and only up
to where someone else's part starts (the web vendor's credit, a hotline, "| Powered by…"). A line that starts with
another body (another office's address, "กรมส่งเสริม… โทร…") is that body's, unless it names the agency itself.
Whether the page is the contact page (`is_contact_page`) decides how a part found only there is said.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from oit_checker.model import Document
from oit_checker.text.thai import normalize, normalize_phrase

_VALUE = re.compile(r"[\d๐-๙]|@|https?://|www\.|\.go\.th|line\.me|lin\.ee|facebook|fb\.com", re.IGNORECASE)
_OTHERS = re.compile(
    r"(?:\|\s*)?(?:ออกแบบ|พัฒนาโดย|พัฒนาเว็บไซต์|จัดทำเว็บไซต์|design|powered|developed|hosting|บริษัท|ห้างหุ้นส่วน"
    r"|สายด่วน|ศูนย์ดำรงธรรม|ป\.ป\.ช|ป\.ป\.ท|webmail|เว็บเมล|mail\s?เจ้าหน้าที่|ผู้ดูแลเว็บ|webmaster)",
    re.IGNORECASE)
_BODY = re.compile(
    r"\s*(?:สำนักงาน(?!\s?(?:เทศบาล|องค์การบริหารส่วน|ปลัด|อบต|อบจ))\S*จังหวัด|กรม(?!ธรรม|หลวง)|กระทรวง)")

HEADING_LINE_CHARS = 60  # a page's first lines this short may be its heading ("ติดต่อเรา"), not a sentence
# A contact page's heading starts so ("ติดต่อเรา", "ข้อมูลการติดต่อ", "ช่องทางการติดต่อ", "แผนที่และการติดต่อ",
# "Contact Us"), not "ช่องทางการติดต่อร้องเรียน" or "ประกาศวันหยุดติดต่อราชการ"; a URL's path names it anywhere.
_CONTACT = re.compile(r"\s*(?:\S{0,20}(?:ข้อมูล|ช่องทาง|แผนที่และ)?(?:การ)?ติดต่อ(?!\s?(?:ร้องเรียน|ราชการ))|contact)",
                      re.IGNORECASE)
_CONTACT_PATH = re.compile(r"contact|ติดต่อ", re.IGNORECASE)


def own_footer(footer: str, agency: str = "") -> str:
    """The lines of a page's footer that give the agency's own values, each cut where someone else's part starts
    (`agency`: its name, "" when not known)."""
    own = normalize_phrase(agency) if agency else ""
    out = []
    for line in footer.splitlines():
        if _BODY.match(line) and not (own and own in normalize(line)):
            continue
        cut = _OTHERS.search(line)
        line = line[:cut.start()] if cut is not None else line
        if _VALUE.search(line):
            out.append(line)
    return "\n".join(out)


def is_contact_page(docs: Iterable[Document]) -> bool:
    """Whether a page is headed as a contact page ("ติดต่อเรา", "ข้อมูลการติดต่อ", "Contact Us"): its title, one of its
    first three lines when short, or its URL's path."""
    for doc in docs:
        first = doc.pages[0].splitlines()[:3] if doc.pages else []
        heads = [doc.title, *(line for line in first if len(line) <= HEADING_LINE_CHARS)]
        if any(_CONTACT.match(h) for h in heads) or _CONTACT_PATH.search(unquote(urlsplit(doc.url).path)):
            return True
    return False
