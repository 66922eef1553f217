"""Whose document it is: one headed by another body (a ministry, a department, a province) that never names the
agency.

A provincial office of a department that posts its ministry's executives for O2, or its ministry's anti-corruption
plan for O25, or a municipality that posts its province's plan, has published a real document with every part, but
not its own: the assessor looks for the office's head, the municipality's plan. Whether a parent's plan that names
the office's part is accepted is not known, and a parent's letterhead is common above an agency's own document, so
this is never a fail: `another_agency_document` (review) when every document that gave a component is headed by a
ministry, department, province or district office ("ที่ว่าการอำเภอ…", "ประกาศอำเภอ…": a district's No Gift announcement
sent to the local governments, signed by its นายอำเภอ) the agency's name does not hold, and never names the place the
agency's name ends on (its province, its municipality or ตำบล).

Another local government is no parent: a peer's document headed by its own name (another อบต.'s complaint guideline,
its telephone and its mayor's signature) that never names the agency's place is not the agency's, and the item
fails (`peer_agency_document`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from oit_checker.text.thai import TextIndex, display, normalize

# The 76 provinces (Bangkok is no จังหวัด): "จังหวัด" is a province only before one of them, not in "ระดับจังหวัด
# เพื่อ…" or "ส่วนราชการประจำจังหวัด".
PROVINCES = (
    "กระบี่", "กาญจนบุรี", "กาฬสินธุ์", "กำแพงเพชร", "ขอนแก่น", "จันทบุรี", "ฉะเชิงเทรา", "ชลบุรี", "ชัยนาท", "ชัยภูมิ",
    "ชุมพร", "เชียงราย", "เชียงใหม่", "ตรัง", "ตราด", "ตาก", "นครนายก", "นครปฐม", "นครพนม", "นครราชสีมา",
    "นครศรีธรรมราช", "นครสวรรค์", "นนทบุรี", "นราธิวาส", "น่าน", "บึงกาฬ", "บุรีรัมย์", "ปทุมธานี", "ประจวบคีรีขันธ์",
    "ปราจีนบุรี", "ปัตตานี", "พระนครศรีอยุธยา", "พะเยา", "พังงา", "พัทลุง", "พิจิตร", "พิษณุโลก", "เพชรบุรี", "เพชรบูรณ์",
    "แพร่", "ภูเก็ต", "มหาสารคาม", "มุกดาหาร", "แม่ฮ่องสอน", "ยโสธร", "ยะลา", "ร้อยเอ็ด", "ระนอง", "ระยอง", "ราชบุรี",
    "ลพบุรี", "ลำปาง", "ลำพูน", "เลย", "ศรีสะเกษ", "สกลนคร", "สงขลา", "สตูล", "สมุทรปราการ", "สมุทรสงคราม", "สมุทรสาคร",
    "สระแก้ว", "สระบุรี", "สิงห์บุรี", "สุโขทัย", "สุพรรณบุรี", "สุราษฎร์ธานี", "สุรินทร์", "หนองคาย", "หนองบัวลำภู",
    "อ่างทอง", "อำนาจเจริญ", "อุดรธานี", "อุตรดิตถ์", "อุทัยธานี", "อุบลราชธานี",
)
_PROVINCE_NAMES = "|".join(sorted(PROVINCES, key=len, reverse=True))
# A ministry or a department in a document's heading ("กระทรวงการพัฒนาสังคม…", "กรมส่งเสริมการปกครองท้องถิ่น"), on
# the line as shown: its name ends at a space ("กระทรวงมหาดไทย กรมส่งเสริม… เทศบาลตำบล…"); not "กรมธรรม์" (an
# insurance policy).
# Also split by a PDF's space ("กรม ส่งเสริม…"), then standing as a word of its own: not "นายวิกรม ศรีสุข", "กระทรวง
# ทบวง กรม ทุกแห่ง".
_MINISTRY = re.compile(r"(?:กระทรวง|กรม(?!ธรรม))[ก-๙]{3,}|(?<![ก-๙])(?:กระทรวง|กรม)\s(?!ทบวง|กรม|ทุก|ต่าง|ใด)[ก-๙]{3,}")
# A province ("ศูนย์ปฏิบัติการต่อต้านการทุจริตจังหวัดขอนแก่น"), on the line without its spaces ("จัง หวัดขอนแก่น").
_PROVINCE = re.compile(r"จังหวัด(?:" + _PROVINCE_NAMES + ")")
# A district office as the document's author ("ที่ว่าการอำเภอรัตภูมิ", "ประกาศอำเภอรัตภูมิ", "คำสั่งอำเภอ…"), on the line
# without its spaces: the district above the local governments, not an address ("…อำเภอเมือง จังหวัด…"). Also its
# complaint centre and its administration office: "ศูนย์ดำรงธรรมอำเภอภูเวียง / ที่ทำการปกครองอำเภอภูเวียง" heading the
# district's complaint manual (review29 e03).
_DISTRICT = re.compile(r"(?:ที่ว่าการ|ประกาศ|คำสั่ง|สำนักงาน|ศูนย์ดำรงธรรม|ที่ทำการปกครอง)อำเภอ[ก-๙]{2,}")
# A heading line that is a district's name alone, its province after it ("อำเภอเมืองหนองบัวทอง จังหวัดขอนแก่น" under
# the title of the district's anti-corruption plan, review51 g07): the district's only when its นายอำเภอ signs (an
# agency's own heading may bear its district as an address line)
_DISTRICT_ALONE = re.compile(r"อำเภอ[ก-๙]{2,30}(?:จังหวัด(?:" + _PROVINCE_NAMES + "))?")
# The signature of the head of a district or a province, a line of its own in the matching form: "(ลงชื่อ) นายอำเภอ
# ภูเวียง", "นายอำเภอภูเวียง" under "(นายวีระ ทองมา)", "ผู้ว่าราชการจังหวัดขอนแก่น", or signed for him ("ปลัดอำเภอ
# ปฏิบัติราชการแทน นายอำเภอ…").
# (an acting signer's own position may be long: "ปลัดอำเภอ (หัวหน้าฝ่ายบริหารงานปกครอง) ปฏิบัติราชการแทนนายอำเภอ…",
# review35 c05)
# A deputy governor signs for the province as the governor does, and so does the head of its complaint centre (a
# deputy governor, a ปลัดอำเภอ for a district's): "(นายธนพล มั่นคง) / รองผู้ว่าราชการจังหวัดมหาสารคาม / หัวหน้าศูนย์
# ดำรงธรรมจังหวัดมหาสารคาม" under the province's complaint statistics, one row of which names the อบจ. (review76 e03);
# "ปลัดอำเภอ หัวหน้าศูนย์ดำรงธรรมอำเภอภูเวียง" (review41 b03). A local government's own documents are signed by its own
# executive, never by these.
_HEAD_SIGNS = re.compile(r"(?:\(ลงชื่อ\).{0,30}?)?(?:.{0,60}?(?:ปฏิบัติราชการแทน|รักษาราชการแทน))?"
                         r"(?:นาย(อำเภอ)|(?:รอง)?ผู้ว่าราชการ(จังหวัด)"
                         r"|(?:ปลัดอำเภอ|รองผู้ว่าราชการจังหวัด[ก-๙]{0,30}?)?หัวหน้าศูนย์ดำรงธรรม(อำเภอ|จังหวัด))"
                         r"([ก-๙]{2,30})")
_HEAD_SIGN_MAX = 110  # characters of a signature line (matching form)
# A head's title closing its line, its place alone on the next: "ผู้ว่าราชการจังหวัด / ขอนแก่น", "นายอำเภอ / ภูเวียง"
_HEAD_TITLES = ("ผู้ว่าราชการจังหวัด", "นายอำเภอ", "หัวหน้าศูนย์ดำรงธรรมจังหวัด", "หัวหน้าศูนย์ดำรงธรรมอำเภอ")
_WRAPPED_PLACE = re.compile(r"[ก-๙]{2,30}")
# The agency's own executive's position line, the line ending on its place: "นายก อบต.โคกสูง", "(นายสมชาย ใจดี) ปลัด…"
_OWN_SIGNER = re.compile(r"(?:รอง)?(?:นายก|ปลัด|หัวหน้าสำนักปลัด|ผู้อำนวยการกอง)")
# The place an agency's name ends on: its province ("…จังหวัดหนองคาย", "องค์การบริหารส่วนจังหวัดสกลนคร"), its
# municipality or ตำบล ("เทศบาลตำบลหนองบัวแดง", "อบต.คำไผ่ทอง").
_BODY_WORDS = ("กระทรวง", "กรม", "จังหวัด", "อำเภอ")
_PLACE = re.compile(r"(?:จังหวัด|เทศบาลตำบล|เทศบาลเมือง|เทศบาลนคร|องค์การบริหารส่วนตำบล|อบต\.|อบจ\.|ทต\.|ทม\.|ทน\.)"
                    r"\s*([ก-๙][ก-๙.]+)")
# Where a place's name stops: "องค์การบริหารส่วนตำบลหนองบัวอ.เมือง" is หนองบัว.
_PLACE_END = re.compile(r"อำเภอ|จังหวัด|อ\.|ต\.|จ\.")
_PLACE_MIN = 3  # letters: a shorter place ("นา") is in almost any Thai text
# A local government's kind read as the law's word, not a body's name: "องค์การบริหารส่วนตำบลมีอำนาจหน้าที่…",
# "…ส่วนตำบล ตามพระราชบัญญัติ…", "…ส่วนตำบล พ.ศ. 2537". A peer's name is short and the document names it again (its
# body, its signatory).
_NOT_A_PLACE = ("ตาม", "มี", "และ", "ซึ่ง", "ที่", "ให้", "เป็น", "ได้", "จะ", "ต้อง", "หรือ", "ของ", "แห่ง", "ทุก", "ทั่ว",
                "นั้น", "นี้", "ดังกล่าว", "ในเขต", "ในพื้นที่", "ขนาด", "ทั้ง", "ต่าง")
_PEER_MAX = 20
_LONGER_BY = 2  # letters a peer's place adds to the agency's to be another place ("หนองบัวแดง"; not "หนองไผ่ล้อ|ม")
_PEER_MENTIONS = 2
_NEAR_RATIO = 0.8
_PAO = ("องค์การบริหารส่วนจังหวัด", "อบจ.")
# A heading line that is an address ("ที่อยู่ | … หมู่ที่ ๓ ตำบล… อำเภอ… จังหวัดศรีสะเกษ ๓๓๑๔๐"): its province is where the
# agency is, not a body the document belongs to.
_ADDRESS = re.compile(r"อำเภอ|(?<!ส่วน)(?<!เทศบาล)ตำบล|หมู่ที่\s?\d|ถนน|\d{5}")
_HEAD_LINES = 3
# A web post's line about the post, under its title: "โพสต์เมื่อ ๕ ตุลาคม ๒๕๖๘ โดย admin", "หมวด: ITA 2569 / O7…",
# "๑๙ ก.พ. ๒๕๖๘ | ข่าวประชาสัมพันธ์ | ผู้เข้าชม 14"; the post's body, and its own heading, start below it
_POST_META = re.compile(r"โพสต์|เผยแพร่เมื่อ|(?:ผู้)?เข้าชม|^\s*หมวด\s*:|โดย\s*(?:admin|ผู้ดูแล)", re.IGNORECASE)
_COVER_LINES = 8  # lines of a first page that is a cover (a document of more pages): all of them are its heading
_BODY_KEY = 12  # characters of a body's name compared with the agency's: a PDF line may run on past the name
_CORE_MIN = 8  # letters of the agency's name without its place ("สำนักงานเกษตรจังหวัด") that name it


_LOCAL = tuple(normalize(w) for w in ("องค์การบริหารส่วน", "เทศบาล", "อบต.", "อบจ.", "ทต.", "ทม.", "ทน.", "เมืองพัทยา",
                                       "กรุงเทพมหานคร"))


@lru_cache(maxsize=256)
def is_local_government(name: str) -> bool:
    """Whether the agency's name is a local government's (an อบต., a เทศบาล, an อบจ., Pattaya, Bangkok)."""
    return normalize(name).startswith(_LOCAL)


@lru_cache(maxsize=256)
def agency_places(name: str) -> tuple[str, ...]:
    """The places the agency's name ends on, in matching form (`normalize`); empty when it names none (a ministry,
    a department, a university: no document is judged for its owner then)."""
    out: list[str] = []
    for m in _PLACE.finditer(display(name)):
        place = _PLACE_END.split(m.group(1))[0].rstrip(".")
        if len(place) >= _PLACE_MIN:
            out.append(normalize(place))
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=256)
def _own(agency: str) -> tuple[str, str]:
    """The agency's name in matching form, and its name without its places when that still names it
    ("สำนักงานเกษตรจังหวัด" of "สำนักงานเกษตรจังหวัดขอนแก่น"; "" for "เทศบาลตำบล" of a municipality)."""
    own = normalize(agency)
    core = own
    for place in agency_places(agency):
        core = core.replace(place, "")
    generic = ("เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร", "องค์การบริหารส่วนตำบล", "องค์การบริหารส่วนจังหวัด")
    if len(core) < _CORE_MIN or core in generic or core.startswith(("อบต", "อบจ", "ทต", "ทม", "ทน")):
        core = ""
    return own, core


# A provincial administration's kind as written before its province: "องค์การบริหารส่วนจังหวัดขอนแก่น", "อบจ.ขอนแก่น",
# "นายก อบจ.ขอนแก่น" (matching form: no spaces).
_PAO_FORMS = tuple(normalize(w) for w in ("องค์การบริหารส่วนจังหวัด", "องค์กรบริหารส่วนจังหวัด", "อบจ.", "อบจ"))


@lru_cache(maxsize=256)
def is_pao(agency: str) -> bool:
    """Whether the agency is a provincial administrative organization (an อบจ.): its place is its province's name."""
    return _kind(agency) == "pao"


@lru_cache(maxsize=256)
def own_names(agency: str) -> tuple[str, ...]:
    """What names the agency in a text (matching form): its places; for a provincial administration its kind before
    its province ("องค์การบริหารส่วนจังหวัดขอนแก่น", "อบจ.ขอนแก่น"), for the province's name alone is the province's
    ("ศาลากลางจังหวัดขอนแก่น", "ผู้ว่าราชการจังหวัดขอนแก่น") or a city's ("เทศบาลนครขอนแก่น"), never the อบจ.'s
    (review43 b03, b05, b14, b15, b17)."""
    places = agency_places(agency)
    if not is_pao(agency):
        return places
    return tuple(form + place for place in places for form in _PAO_FORMS)


def names_agency(text: str, agency: str) -> bool:
    """Whether `text` (matching form) names the agency itself: its places, not as a district's or a province's name
    ("อำเภอศรีสำราญ" is no เทศบาลเมืองศรีสำราญ); for a provincial administration its kind ("องค์การบริหารส่วนจังหวัด
    ขอนแก่น", "อบจ.ขอนแก่น", "นายก อบจ." with no province after it), not merely its province's name and not another
    province's อบจ."""
    if is_pao(agency):
        return _pao_named(agency).search(text) is not None
    # (the place as a district's or a province's name is theirs: "ศูนย์ดำรงธรรมอำเภอศรีสำราญ ที่ว่าการอำเภอศรีสำราญ
    # โทร. 043-711-099" is the district's channel, not the เทศบาลเมืองศรีสำราญ's at its seat, review47 c01)
    return any(not text.endswith(_THEIRS_BEFORE, 0, start)
               for place in agency_places(agency) for start in _starts(text, place))


# What makes a place a district's or a province's name before it (matching form): "อำเภอศรีสำราญ", "อ.ศรีสำราญ",
# "จังหวัดขอนแก่น", "จ.ขอนแก่น"; the capital district of a city's or a town's name ("อำเภอเมืองหนองบัวทอง",
# "อ.เมืองหนองบัวทอง", "ที่ว่าการอำเภอเมือง…", "ศูนย์ดำรงธรรมอำเภอเมือง…": the district office beside the
# เทศบาลนครหนองบัวทอง, review51 a02, a07, f04, g07; real: เทศบาลนครขอนแก่น in อำเภอเมืองขอนแก่น)
_CAPITAL_DISTRICT = ("อำเภอเมือง", "อ.เมือง")
_THEIRS_BEFORE = ("อำเภอ", "อ.", "จังหวัด", "จ.", *_CAPITAL_DISTRICT)


def _starts(text: str, sub: str) -> list[int]:
    """Where `sub` starts in `text`, every time."""
    out, start = [], text.find(sub)
    while start >= 0:
        out.append(start)
        start = text.find(sub, start + 1)
    return out


@lru_cache(maxsize=256)
def _pao_named(agency: str) -> re.Pattern[str]:
    others = [normalize(p) for p in PROVINCES if normalize(p) not in agency_places(agency)]
    return re.compile("(?:" + "|".join(map(re.escape, _PAO_FORMS[:2])) + r"|อบจ\.?)(?!\.?(?:" + "|".join(others) + "))")


# A website's header or menu bar kept in a page's text (its markup no <header>/<nav> the extractor drops): "องค์การ
# บริหารส่วนตำบลโคกสูง อำเภอภูเวียง จังหวัดขอนแก่น ๔๐๑๕๐ | หน้าหลัก | ข้อมูลพื้นฐาน | ข่าวสาร | ITA | ติดต่อเรา" over a
# hospital's complaint guideline "โรงพยาบาลภูเวียง สำนักงานสาธารณสุขจังหวัดขอนแก่น" signed by its director (review78
# b02): the site's, on every page it posts, not the document naming the agency as its own. A line of "|"-separated
# short entries, one of them a menu's word.
_MENU_WORDS = frozenset({"หน้าหลัก", "หน้าแรก", "home", "ติดต่อเรา", "เกี่ยวกับเรา"})
_MENU_MIN = 4  # entries of a menu bar (the site's name may be the first)
_MENU_ENTRY = 25  # characters of a menu entry


def _menu_bar(line: str) -> bool:
    """Whether `line` is a website's header/menu bar (`_MENU_WORDS`)."""
    entries = [e.strip() for e in line.split("|")]
    return len(entries) >= _MENU_MIN and any(e.lower() in _MENU_WORDS for e in entries) \
        and sum(len(e) > _MENU_ENTRY for e in entries) <= 1


def _without_chrome(pages: Sequence[str]) -> Sequence[str]:
    """`pages` without their website menu bars (`_menu_bar`); the same pages when none holds one (most do not)."""
    if not any("|" in page and any(w in page for w in ("หน้าหลัก", "หน้าแรก")) for page in pages):
        return pages
    return ["\n".join(line for line in page.split("\n") if "|" not in line or not _menu_bar(line))
            for page in pages]


def other_body(pages: Sequence[str], agency: str) -> str | None:
    """The line of a document's heading (the first lines of its first page) that names a ministry, department or
    province the agency's name does not hold, when the document never names the agency (its place, outside that
    body's name, or its name without its place); else None."""
    places = agency_places(agency)
    if not places and pages and _central(agency):
        return _central_other_body(pages, agency)
    if not places or not pages:
        return None
    pages = _without_chrome(pages)  # the site's menu bar naming the agency is no heading of the document's
    filled = [line for line in pages[0].split("\n") if line.strip()]
    # a cover: its owner may stand below the title ("…กองคลังท้องถิ่น / กรมส่งเสริมการปกครองท้องถิ่น" on lines 4–6 of a
    # manual's cover, review35 b01); a web post: its body's own first lines too (`_post_body_head`)
    head = filled if len(pages) > 1 and len(filled) <= _COVER_LINES \
        else pages[0].split("\n", _HEAD_LINES)[:_HEAD_LINES] + _post_body_head(filled)
    if not any(word in line.replace(" ", "") for line in head for word in _BODY_WORDS):
        return None  # most headings name no ministry, department nor province
    own, core = _own(agency)
    pao = is_pao(agency)
    # a provincial administration's own name holds its province's: "องค์การบริหารส่วนจังหวัดขอนแก่น" is no province
    # heading its own document, "…สังกัดองค์การบริหารส่วนจังหวัดขอนแก่น" no province heading its school's
    own_pao = re.compile(r"(?:องค์การ|องค์กร)บริหารส่วนจังหวัด(?=" + "|".join(places) + ")") if pao else None
    office = _provincial_office(agency)
    # (a provincial office's own name, even wrapped over two heading lines, is no province: "…กลุ่มงานการเงิน บัญชี
    # และการตรวจสอบ สำนักงานส่งเสริมการปกครอง / ท้องถิ่นจังหวัดขอนแก่น", review66 c03)
    flats = _without_own([normalize(line) for line in head], own) if office else []
    for i, line in enumerate(head):
        shown = display(line)
        bodies = [m.group(0).replace(" ", "") for m in _MINISTRY.finditer(shown)]
        bodies += [m.group(0) for m in _DISTRICT.finditer(shown.replace(" ", ""))]
        alone = _DISTRICT_ALONE.fullmatch(shown.replace(" ", ""))
        if alone is not None and _signed_by_head(pages, alone.group(0), own, own_names(agency)):
            bodies.append(alone.group(0))
        if not _ADDRESS.search(shown):
            joined = flats[i] if office else shown.replace(" ", "")
            bodies += [m.group(0) for m in _PROVINCE.finditer(own_pao.sub("อบจ.", joined) if own_pao else joined)
                       if not office or _the_province(joined, m.start())]
        for body in bodies:
            # (the province is never its provincial administration, though the one's name holds the other's:
            # "แผนพัฒนาจังหวัดขอนแก่น … สำนักงานจังหวัดขอนแก่น" signed by the governor, review43 b05; nor a provincial
            # office of a department, "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น": the province's report headed
            # "จังหวัดขอนแก่น / สำนักงานจังหวัดขอนแก่น" and signed by its governor, the "ศูนย์ดำรงธรรมจังหวัดขอนแก่น"'s
            # statistics are the province's, review66 x03, y04)
            if body[:_BODY_KEY] in own and not ((pao or office) and body.startswith("จังหวัด")):
                continue
            # A province's name heading the document is not the agency's place ("เทศบาลนครขอนแก่น" under
            # "…จังหวัดขอนแก่น"); a ministry's is kept: the agency's own name may follow it on the line.
            text = _without_relay(pages, "".join(normalize(p) for p in pages))
            # (a provincial office named by its whole name holds the province's: kept whole, then the province
            # taken out)
            mine = office and own in text
            if body.startswith("จังหวัด") and not pao:
                text = text.replace(own, "").replace(body, "") if office else text.replace(body, "")
            if pao:
                named = names_agency(text, agency)  # "องค์การบริหารส่วนจังหวัดขอนแก่น", "อบจ.ขอนแก่น": not "ขอนแก่น"
            else:
                others = _longer_locals(pages, places)
                named = mine or any(_names_place(text, place, others) for place in places) \
                    or _names_core(text, core)
            if not named:
                return shown
            # naming the agency (a row of the district's table of its local governments) does not make it the
            # agency's: headed by the district and signed by its นายอำเภอ, it is the district's (review28 k02:
            # "ศูนย์ดำรงธรรมอำเภอภูเวียง ที่ว่าการอำเภอภูเวียง" over "(ลงชื่อ) นายอำเภอภูเวียง")
            return shown if _signed_by_head(pages, body, own, own_names(agency)) or _credited(pages, body) \
                or _one_of_many(text) else None
    return None


# A line saying the agency only relays another body's document, not that it is the agency's: "เทศบาลเมืองชุมแพ
# นำมาเผยแพร่เพื่อประชาสัมพันธ์ ณ วันที่ ๑๐ ต.ค. ๖๘" under the ศูนย์ดำรงธรรมจังหวัดขอนแก่น's statistics (review74 b13),
# "เผยแพร่โดย …", "… ขอประชาสัมพันธ์"
_RELAY = re.compile(r"นำ\s*มา\s*(?:เผยแพร่|ประชาสัมพันธ์)|(?:เผยแพร่|ประชาสัมพันธ์)\s*โดย|ขอ\s*(?:ประชาสัมพันธ์|เผยแพร่)")
_RELAY_MAX = 120  # characters of a relay line: a sentence of the body is no such note


def _without_relay(pages: Sequence[str], text: str) -> str:
    """`text` (the pages joined, matching form) without the short lines relaying the document (`_RELAY`)."""
    for page in pages:
        if _RELAY.search(page) is None:
            continue
        for line in page.splitlines():
            if len(line) <= _RELAY_MAX and _RELAY.search(line) is not None:
                text = text.replace(normalize(line), "")
    return text


@lru_cache(maxsize=256)
def _central(agency: str) -> bool:
    """Whether the agency is a central body whose name ends on no place (a ministry, a department, a university):
    no local government, its documents named by its whole name only."""
    return bool(normalize(agency)) and not agency_places(agency) and not is_local_government(agency)


# A cooperative, a company or a foundation heading a document (shown form): "สหกรณ์ชุมชนบ้านโนนสะอาด จำกัด" over the
# cooperative's business report, "บริษัท … จำกัด (มหาชน)", "มูลนิธิ…" at a line's start (review70 y04)
_FIRM = re.compile(r"(?:สหกรณ์|บริษัท|ห้างหุ้นส่วน)[ก-๙ ]{2,60}?\s?จำกัด(?:\s?\(มหาชน\))?|^\s*มูลนิธิ[ก-๙]{3,40}")
# What names the agency as another's ward, not as the document's owner (matching form, before its name): "อำเภอภูเวียง
# จังหวัดขอนแก่น (ภายใต้การส่งเสริมของกรมส่งเสริมสหกรณ์ชุมชน)" under the cooperative's name (review70 y04), "…ของ
# ส่วนราชการในสังกัดกรม…", "สำนักงานสหกรณ์ชุมชนจังหวัดขอนแก่น ซึ่งเป็นส่วนราชการของกรมส่งเสริมสหกรณ์ชุมชน" under
# "ประกาศสำนักงานสหกรณ์ชุมชนจังหวัดขอนแก่น" (the provincial office's No Gift announcement, review70 y02)
_WARD_OF = tuple(normalize(w) for w in ("ภายใต้การส่งเสริมของ", "ภายใต้การกำกับของ", "ภายใต้การกำกับดูแลของ",
                                        "ภายใต้การดูแลของ", "สังกัด", "ส่วนราชการของ"))
# A signer's position before the agency's or another body's name closing its line (matching form): "อธิบดีกรมส่งเสริม
# สหกรณ์ชุมชน", "ปลัดกระทรวงเกษตรและสหกรณ์", "ผู้อำนวยการศูนย์ปฏิบัติการต่อต้านการทุจริตกระทรวงเกษตรและสหกรณ์",
# "ประธานกรรมการสหกรณ์ชุมชนบ้านโนนสะอาดจำกัด"; after the typed name's bracket or "(ลงชื่อ)" on the line too
_POSITION = re.compile(r"^(?:.*\))?(?:รอง)?(?:อธิบดี|ปลัด|ผู้อำนวยการ|หัวหน้า|เลขานุการ|เลขาธิการ|ประธาน|อธิการบดี"
                       r"|ผู้ว่าราชการ|รัฐมนตรี|ผู้จัดการ)")
# A province's office of a ministry or department by its name (matching form): "สำนักงานสหกรณ์ชุมชนจังหวัดขอนแก่น"
_OFFICE_NAME = re.compile(r"สำนักงาน[ก-๙]{2,40}?จังหวัด(?:" + _PROVINCE_NAMES + ")")
_CENTRAL_HEAD_LINES = 4  # a heading's lines the agency's name may stand on: title, its second line, year, name


def _central_other_body(pages: Sequence[str], agency: str) -> str | None:
    """For an agency whose name ends on no place (`_central`): the heading line naming another body — a ministry, a
    department, a province's office, a cooperative or a company (`_FIRM`) — when neither the heading nor a signature
    names the agency as the document's own, and the document either names the agency elsewhere (one row of the
    ministry's table, one of the departments its announcement lists, "ภายใต้การส่งเสริมของ…") or is signed by that body
    or announced by it ("ประกาศกระทรวง…"); else None. A department's site is where its ministry's plan ("แผนปฏิบัติการ
    ป้องกันและปราบปรามการทุจริต… / กระทรวงเกษตรและสหกรณ์" signed "ปลัดกระทรวงเกษตรและสหกรณ์", the department one row of
    five), its statistics, its No Gift announcement and a supervised cooperative's report get posted (review70 x01, y01,
    y04, x05, p05). A ministry's letterhead alone, over a text that never names the agency nor is signed, is left
    alone: the agency's own may bear it."""
    filled = [line for line in pages[0].split("\n") if line.strip()]
    head = filled if len(pages) > 1 and len(filled) <= _COVER_LINES \
        else pages[0].split("\n", _HEAD_LINES)[:_HEAD_LINES] + _post_body_head(filled)
    own = normalize(agency)
    # the agency's name heading the document as its owner: "ประกาศกรมส่งเสริมสหกรณ์ชุมชน", "… / กรมส่งเสริมสหกรณ์ชุมชน /
    # กระทรวงเกษตรและสหกรณ์" (review70 a05, a07, a12), even wrapped ("…ภายในกรม / ส่งเสริมสหกรณ์ชุมชน", b12); not as a
    # ward's parent
    heading = normalize("".join(head + filled[:_CENTRAL_HEAD_LINES]))
    if any(not heading.endswith(_WARD_OF, 0, start) for start in _starts(heading, own)):
        return None
    text = "".join(normalize(p) for p in pages)
    if _signs_as(pages, own):
        return None  # "อธิบดีกรมส่งเสริมสหกรณ์ชุมชน", "รองอธิบดี ปฏิบัติราชการแทน / อธิบดีกรม…"
    for line in head:
        shown = display(line)
        bodies = [m.group(0).replace(" ", "") for m in _MINISTRY.finditer(shown)]
        bodies = [b for b in bodies if b[:_BODY_KEY] not in own and own[:_BODY_KEY] not in b]
        bodies += [normalize(m.group(0)) for m in _FIRM.finditer(shown)]
        if not _ADDRESS.search(shown):
            # a province's office by its name ("สำนักงานสหกรณ์ชุมชนจังหวัดขอนแก่น"), the province itself heading a line;
            # not a place an event was held at ("… ณ จังหวัดเชียงใหม่")
            joined = shown.replace(" ", "")
            bodies += [m.group(0) for m in _OFFICE_NAME.finditer(joined)]
            bodies += [m.group(0) for m in _PROVINCE.finditer(joined) if _the_province(joined, m.start())]
        for body in bodies:
            announced = normalize(shown).startswith(tuple(w + body for w in ("ประกาศ", "คำสั่ง")))
            if own in text or announced or _signs_as(pages, body):
                return display(line).strip()
    return None


def _signs_as(pages: Sequence[str], name: str) -> bool:
    """Whether a short line of the document (matching form, its role word dropped) is a position closing on `name`
    (`_POSITION`): "อธิบดีกรมส่งเสริมสหกรณ์ชุมชน", "(นายอภิชาติ วงศ์สุวรรณ) ปลัดกระทรวงเกษตรและสหกรณ์"; not a row of a
    table ending on the name ("๔ โครงการสหกรณ์ชุมชนโปร่งใส ๔๕๐,๐๐๐ ไตรมาส ๒ – ๔ กรมส่งเสริมสหกรณ์ชุมชน")."""
    for page in pages:
        for line in page.splitlines():
            flat = _SIGNING_ROLE.sub("", normalize(line))
            if flat.endswith(name) and len(flat) <= _HEAD_SIGN_MAX \
                    and _POSITION.match(flat[:len(flat) - len(name)]) is not None:
                return True
    return False


# A provincial office of a department or ministry, its name ending on its province: "สำนักงานส่งเสริมการปกครองท้องถิ่น
# จังหวัดขอนแก่น", "สำนักงานพัฒนาชุมชนจังหวัดขอนแก่น" (matching form); not the province's own office ("สำนักงานจังหวัด
# ขอนแก่น", "ศาลากลางจังหวัดขอนแก่น"), whose documents the province heads
_PROVINCE_ITSELF = re.compile(r"(?:สำนักงาน|ศาลากลาง)?จังหวัด(?:" + _PROVINCE_NAMES + ")")
# What names the province itself before "จังหวัด…" on a heading line (matching form): the line's start ("จังหวัดขอนแก่น"
# under a report's title), its seat, its office, its complaint centre, its announcement, its governor, its plan; not
# a provincial office's head ("ท้องถิ่นจังหวัดขอนแก่น", "พัฒนาการจังหวัด…") nor another office's name
_PROVINCE_OWNERS = tuple(normalize(w) for w in (
    "ศาลากลาง", "สำนักงาน", "ศูนย์ดำรงธรรม", "ประกาศ", "คำสั่ง", "ผู้ว่าราชการ", "แผนพัฒนา", "ของ"))


@lru_cache(maxsize=256)
def _provincial_office(agency: str) -> bool:
    """Whether the agency is a provincial office of a central body (not a local government, not the province itself)
    whose name holds its province's ("…จังหวัดขอนแก่น"): the province heading a document is another body then, not
    the agency's own name (review66 x03, y04)."""
    own = normalize(agency)
    return not is_local_government(agency) and _PROVINCE.search(own) is not None \
        and _PROVINCE_ITSELF.fullmatch(own) is None


def _without_own(flats: list[str], own: str) -> list[str]:
    """Heading lines (matching form) with the agency's whole name taken out, also where it runs over a line's end
    ("…สำนักงานส่งเสริมการปกครอง / ท้องถิ่นจังหวัดขอนแก่น")."""
    across = re.compile("\n?".join(map(re.escape, own)))
    return across.sub(lambda m: "\n" * m.group(0).count("\n"), "\n".join(flats)).split("\n")


def _the_province(flat: str, start: int) -> bool:
    """Whether "จังหวัด…" at `start` of a heading line (matching form) names the province itself: at the line's start
    or after a mark, or after one of `_PROVINCE_OWNERS` ("ศูนย์ดำรงธรรมจังหวัดขอนแก่น", "สำนักงานจังหวัดขอนแก่น")."""
    return start == 0 or not ("ก" <= flat[start - 1] <= "๛") or flat.endswith(_PROVINCE_OWNERS, 0, start)


def _post_body_head(filled: Sequence[str]) -> list[str]:
    """The first lines of a web post's body: the `_HEAD_LINES` lines below the post's title and its line about the
    post (`_POST_META`), when that line stands among the page's first lines; [] for a document that is no post. The
    district's statistics posted on the city's site start "สถิติเรื่องร้องเรียน… / โพสต์เมื่อ ๕ ตุลาคม ๒๕๖๘ โดย admin /
    สถิติเรื่องร้องเรียน… พ.ศ. ๒๕๖๘ / ศูนย์ดำรงธรรมอำเภอเมืองขอนแก่น / ที่ว่าการอำเภอเมืองขอนแก่น…" (review55 e03): the
    district heads the body as it heads the same statistics in a PDF."""
    meta = [i for i, line in enumerate(filled[:_HEAD_LINES + 1]) if _POST_META.search(line)]
    return list(filled[meta[-1] + 1:meta[-1] + 1 + _HEAD_LINES]) if meta else []


# The kinds of local government as their names start, matching form (full names first, then short ones); named by
# their full names in the matching form, spaces gone (a row's cell "องค์การบริหารส่วนตำบลไผ่ / งาม" joins up)
_LOCAL_KINDS = tuple(normalize(w) for w in ("องค์การบริหารส่วนตำบล", "เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร", "อบต.",
                                             "ทต.", "ทม.", "ทน."))
_LOCAL_FULL = "|".join(map(re.escape, _LOCAL_KINDS[:4]))
# (a place stops where the next body's kind starts: "เทศบาลนครหนองบัวทองเทศบาลตำบลหนองบัวและองค์การบริหารส่วนตำบล
# หนองบัวทอง" in the matching form is three bodies, review51 a02)
_LOCAL_NAMED = re.compile(f"({_LOCAL_FULL})([ก-๙]{{3,}}?)(?=[^ก-๙]|$|{_LOCAL_FULL})")
_MANY_LOCAL = 3  # the agency and two more: the district's list of its local governments
_LOCAL_KEY = 5  # letters of a place compared (a name runs on into the next word in the matching form)


def _one_of_many(text: str) -> bool:
    """Whether a document (matching form) names `_MANY_LOCAL` or more local governments: under another body's heading
    the agency is then one row of that body's list, whoever signs it (review41 b03: "ศูนย์ดำรงธรรมอำเภอภูเวียง"'s
    complaint statistics of the four local governments in the district, signed by its deputy district officer). A
    body is its kind and its place: "เทศบาลนครหนองบัวทอง, เทศบาลตำบลหนองบัว และองค์การบริหารส่วนตำบลหนองบัวทอง" are the
    three local governments of the district's structure (review51 a02), though their places begin alike."""
    return len({m.group(1) + m.group(2)[:_LOCAL_KEY] for m in _LOCAL_NAMED.finditer(text)}) >= _MANY_LOCAL


# A news item's credit line: "ขอบคุณข้อมูล/ภาพ : ที่ว่าการอำเภอภูเวียง", "ที่มา: สำนักงานจังหวัด…", "แหล่งข่าว : …"
_CREDIT = re.compile(r"(?:ขอบคุณ|ที่มา|แหล่งข่าว|แหล่งที่มา)[^:：]{0,20}[:：]")


def _credited(pages: Sequence[str], body: str) -> bool:
    """Whether a document headed by another body credits that body as its source: the district's news of its forum
    posted on the agency's site, the agency named only as one who attended (review35 c07)."""
    key = body[:_BODY_KEY]
    for page in pages:
        for line in page.splitlines():
            m = _CREDIT.search(line)
            if m is not None and key in normalize(line[m.end():]):
                return True
    return False


# What follows a signer's position on its line: "ปลัดองค์การบริหารส่วนตำบลโคกสูง ผู้รายงาน"
_SIGNING_ROLE = re.compile(r"(?:ผู้รายงาน|ผู้จัดทำ|ผู้ตรวจสอบ|ผู้รับรอง|ผู้อนุมัติ|ผู้เสนอ)$")


def _own_signs(flat: str, own: str, places: tuple[str, ...]) -> bool:
    """Whether a line (matching form, its role word dropped) is the agency's own signer's: it ends on the agency's
    name or, after a position of its own (นายก, ปลัด, หัวหน้าสำนักปลัด…), on its place — not a caption or a sentence
    naming the นายก ("ภาพ: (นาย…) นายกองค์การบริหารส่วนตำบลโคกสูง ร่วมลงนาม…")."""
    return bool(own and flat.endswith(own)) or (flat.endswith(places) and _OWN_SIGNER.search(flat) is not None)


# A photo's caption ("ภาพ: ร่วมลงนามแสดงเจตนารมณ์", "ภาพกิจกรรม", "ภาพบรรยากาศ…"), and a line in brackets below it,
# the pictured person's name ("(นายวิชัย มั่นคง)"), or "(ลงชื่อ)"
_CAPTION = re.compile(r"ภาพ(?!รวม|ลักษณ์)")  # not "ภาพรวมการดำเนินงาน", a heading
_BRACKETED = re.compile(r"\(.{1,60}\)")


def _under_caption(above: Sequence[str]) -> bool:
    """Whether the lines above a position line (shown form, nearest last) are a photo's caption, bracketed names
    aside: "ภาพ: ร่วมลงนามแสดงเจตนารมณ์ / (นายวิชัย มั่นคง) / นายกองค์การบริหารส่วนตำบลโคกสูง" names who is in the
    photo, it signs nothing (review26 g05)."""
    for line in reversed(above):
        if _BRACKETED.fullmatch(line):
            continue
        return _CAPTION.match(line) is not None
    return False


def _signed_by_head(pages: Sequence[str], body: str, own: str, places: tuple[str, ...]) -> bool:
    """Whether a document headed by a district or a province (`body`, matching form) is signed by its head
    ("นายอำเภอภูเวียง" under "ที่ว่าการอำเภอภูเวียง", "ผู้ว่าราชการจังหวัดขอนแก่น" under "ประกาศจังหวัดขอนแก่น") and by
    no one of the agency (its own executive beside him: a joint document; not one named under a photo's caption)."""
    head = False
    for page in pages:
        above: list[str] = []  # the page's lines so far, shown form
        lines = page.splitlines()
        for i, line in enumerate(lines):
            flat = normalize(line)
            if flat:
                above.append(display(line).strip())
            if not flat or len(flat) > _HEAD_SIGN_MAX:
                continue
            if flat.endswith(_HEAD_TITLES) and i + 1 < len(lines) and _WRAPPED_PLACE.fullmatch(normalize(lines[i + 1])):
                # its place wrapped onto the next line: "ปฏิบัติราชการแทน ผู้ว่าราชการจังหวัด / ขอนแก่น" (review43 b15)
                flat += normalize(lines[i + 1])
            m = _HEAD_SIGNS.fullmatch(flat)
            if m is not None:
                # its district or province heads the document (on a line run on: "…อำเภอภูเวียงที่ว่าการอำเภอ…")
                head = head or ((m.group(1) or m.group(2) or m.group(3)) + m.group(4)) in body
            elif _own_signs(_SIGNING_ROLE.sub("", flat), own, places) and not _under_caption(above[:-1]):
                # "นายกองค์การบริหารส่วนตำบลโคกสูง", "(นายสมชาย ใจดี) นายก อบต.โคกสูง", "ปลัดองค์การบริหารส่วนตำบลโคกสูง
                # ผู้รายงาน", "(ลงชื่อ) พรทิพย์ ศรีสุข ปลัด อบต.โคกสูง" signing too (review33 c02: a joint document)
                return False
    return head


_VILLAGE = "บ้าน"
# A village's number after its name, which may run on ("บ้านไผ่งามพัฒนา หมู่ที่ ๑๐"); on the matching form
_VILLAGE_NUMBER = re.compile(r"[ก-๙]{0,12}?(?:หมู่ที่|หมู่|ม\.)\d")
_PROVINCES_MATCHING = tuple(normalize(p) for p in PROVINCES)


_DASHES = ("-", "–", "—")
# A road's route ending at the place: "สายบ้านโคกสำราญ–ตำบลหนองบัว" (matching form: no spaces), within 50 characters.
_ROUTE_END = re.compile(r"สาย.{1,40}[-–—](?:ตำบล|ต\.)?$")


def _on_route(text: str, start: int, end: int) -> bool:
    """Whether the place at `text[start:end]` ends or starts a road's name: "ถนนคอนกรีต สายบ้านโคกสำราญ – ตำบลหนองบัว"
    (a peer's project running to the agency's area), "ถนนสายหนองบัว-โนนสูง", or names a road ("ถนนหนองบัว")."""
    before = text[max(0, start - 50):start]
    if _ROUTE_END.search(before) is not None or before.endswith("ถนน"):
        return True
    return before.endswith(("สาย", "สายตำบล")) and text.startswith(_DASHES, end)


def _names_place(text: str, place: str, others: Sequence[str] = ()) -> bool:
    """Whether `text` (matching form) names the agency's place itself, not inside a longer name that begins with it
    — a province ("หนองบัวลำภู" is not "หนองบัว"), another local government's place the document names (`others`,
    `_longer_locals`: "เทศบาลตำบลเมืองเก่าพัฒนา" is not the อบต.เมืองเก่า) — nor a village of that name ("บ้านหนองบัว
    หมู่ที่ 7", a project's site in another agency's report; unless the place is itself a บ้าน…), nor as a road's end
    ("ถนน… สายบ้านโคกสำราญ – ตำบลหนองบัว", a peer's road to the agency's area)."""
    longer = [p for p in (*_PROVINCES_MATCHING, *others) if p.startswith(place) and len(p) > len(place)]
    start = text.find(place)
    while start >= 0:
        # "บ้านหนองบัว หมู่ที่ 7"; and for a place that is itself a บ้าน… (เทศบาลตำบลบ้านไผ่งาม), the village of that name
        # with its number ("บ้านไผ่งาม หมู่ที่ ๒", "บ้านไผ่งามพัฒนา หมู่ที่ ๑๐", in a neighbouring อบต.ไผ่งาม's report: review41 b06)
        village = text.endswith(_VILLAGE, 0, start) if not place.startswith(_VILLAGE) \
            else _VILLAGE_NUMBER.match(text, start + len(place)) is not None
        # (the capital district's name, "อำเภอเมืองหนองบัวทอง", is the district's, not the city's: review51 a07)
        if not village and not text.endswith(_CAPITAL_DISTRICT, 0, start) \
                and not any(text.startswith(p, start) for p in longer) \
                and not _on_route(text, start, start + len(place)):
            return True
        start = text.find(place, start + 1)
    return False


def _longer_locals(pages: Sequence[str], places: tuple[str, ...]) -> tuple[str, ...]:
    """The places of the local governments a document names (matching form) that begin with one of the agency's
    and run on by a word (`_longer_place`): "เทศบาลตำบลเมืองเก่าพัฒนา", "องค์การบริหารส่วนตำบลเมืองเก่าใหม่" in the
    district's table beside the อบต.เมืองเก่า, "(เช่น กรณีการจัดซื้อจัดจ้างของเทศบาลตำบลเมืองเก่าพัฒนา)" in the
    province's risk assessment (review58 b06, b08): another place, not the agency's named. A body's name as shown,
    its place ending at a space or a mark; not the agency's own name run on into a word ("อบต.เมืองเก่าได้…")."""
    out: list[str] = []
    for page in pages:
        if not any(p in normalize(page) for p in places):
            continue
        for m in _LOCAL_BODY.finditer(display(page)):
            place = normalize(_PLACE_END.split(m.group(1))[0])
            if any(place.startswith(p) and len(place) - len(p) >= _PLACE_MORE
                   and not place[len(p):].startswith(_NOT_A_PLACE) for p in places):
                out.append(place)
    return tuple(dict.fromkeys(out))


def peer_body(pages: Sequence[str], agency: str) -> tuple[str, bool] | None:
    """The heading line (the first lines of the first page) that names another local government ("ศูนย์รับเรื่อง
    ร้องเรียนการทุจริตองค์การบริหารส่วนตำบลหนองไผ่ล้อม") when the document never names the agency's place, and whether
    that place is surely another one; else None.

    A peer's document posted as the agency's own (another อบต.'s guideline, its telephone, its mayor's signature) is
    no parent's document above the agency's part: it is simply not the agency's. A place spelled nearly as the
    agency's ("โนนสอาด" for "โนนสะอาด", "หนองบัว" for the เทศบาลตำบลบ้านหนองบัว it became) may be the agency itself
    misspelled or renamed: not sure. A provincial administration is never read as another one of its kind (its short
    names, "อบจ.โคราช", are not its province's)."""
    places = agency_places(agency)
    if not places or not pages:
        return None
    pages = _without_chrome(pages)  # (the site's menu bar naming the agency: `other_body`)
    pao = any(word in normalize(agency) for word in _PAO)
    head = pages[0].split("\n", _HEAD_LINES)[:_HEAD_LINES]
    text: str | None = None
    for line in head:
        shown = display(line)
        for m in _PLACE.finditer(shown):
            if m.group(0).startswith("จังหวัด") or (pao and m.group(0).startswith(_PAO)):
                continue  # a province: other_body's
            place = normalize(_PLACE_END.split(m.group(1))[0].rstrip("."))
            # (a municipality or an อบต. is never a provincial administration, whatever its place: "ทำเนียบคณะผู้บริหาร
            # เทศบาลนครขอนแก่น" is the city's, not the อบจ.ขอนแก่น's, review43 b03)
            # (a place starting the agency's may be its name cut short, "เทศบาลนครหนองบัว / ทอง" — not under another
            # kind: "เทศบาลตำบลหนองบัว" beside the เทศบาลนครหนองบัวทอง is another kind at another place, review51 b02)
            other = _other_place_and_kind(m.group(0), place, agency)
            if not _PLACE_MIN <= len(place) <= _PEER_MAX or place.startswith(_NOT_A_PLACE) or "." in place \
                    or (not pao and not other and any(p.startswith(place) or (place.startswith(p)
                                                                              and len(place) - len(p) < _LONGER_BY)
                                                      for p in places)):
                continue
            text = text if text is not None else "".join(normalize(p) for p in pages)
            if pao:
                if names_agency(text, agency):
                    return None
            # a peer whose place begins with the agency's ("หนองบัวแดง" for "หนองบัว"): its own name is no mention of
            # the agency's place (and, near in spelling, it stays for a person: `_near`); nor is its address, the ตำบล
            # it stands in ("เทศบาลตำบลเมืองเก่าพัฒนา / ที่อยู่ … หมู่ที่ ๒ ตำบลเมืองเก่า อำเภอเมืองขอนแก่น" beside the
            # อบต.เมืองเก่า, review58 b13, b02, b22): the agency is named then by its kind ("องค์การบริหารส่วนตำบล
            # เมืองเก่า", "อบต.เมืองเก่า"), the peers' names taken out
            elif any(place.startswith(p) for p in places):
                rest = text
                for name in sorted({place, *_longer_locals(pages, places)}, key=len, reverse=True):
                    rest = rest.replace(name, "")
                if _names_own_kind(rest, agency):
                    return None
            elif _provincial_office(agency):
                # a provincial office's place is its province, which every local government's address in it names
                # ("องค์การบริหารส่วนตำบลบ้านโต้น อำเภอพระยืน จังหวัดขอนแก่น" over the อบต.'s plan, signed by its นายก,
                # posted by the สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น, review66 x01, y01): named by its name
                own, core = _own(agency)
                if own in text or _names_core(text, core) or names_agency(text, agency):
                    return None
            elif any(_names_place(text, p, _longer_locals(pages, places)) for p in places):
                return None
            # (a place that is the agency's and a word more is surely another, not the agency misspelled: "องค์การ
            # บริหารส่วนตำบลเมืองเก่าใหม่" beside the อบต.เมืองเก่า, though the one holds the other, review58 b04, b14)
            if text.count(place) >= _PEER_MENTIONS or _titled_short(shown, m.start(), text):
                return shown, pao or other or _longer_place(place, places) or not any(_near(place, p) for p in places)
    return None


# A local government's kind as its name starts (matching form), its short form the same kind: "ทต." is a เทศบาลตำบล
_FULL_KINDS = tuple((normalize(w), normalize(k)) for w, k in (
    ("องค์การบริหารส่วนตำบล", "องค์การบริหารส่วนตำบล"), ("เทศบาลตำบล", "เทศบาลตำบล"), ("เทศบาลเมือง", "เทศบาลเมือง"),
    ("เทศบาลนคร", "เทศบาลนคร"), ("อบต.", "องค์การบริหารส่วนตำบล"), ("ทต.", "เทศบาลตำบล"), ("ทม.", "เทศบาลเมือง"),
    ("ทน.", "เทศบาลนคร")))


def _names_own_kind(text: str, agency: str) -> bool:
    """Whether `text` (matching form) names the agency by its full name or its own kind before its place
    ("องค์การบริหารส่วนตำบลเมืองเก่า", "อบต.เมืองเก่า"); not another kind's ("…ณ สำนักงานเทศบาล ตำบลเมืองเก่า", the
    town's seat in the ตำบล, review58 b02). For an agency of no local kind, `names_by_kind`."""
    ours = _full_kind(agency)
    if ours is None:
        return names_by_kind(text, agency)
    names = (normalize(agency), *(word + place for word, kind in _FULL_KINDS if kind == ours
                                  for place in agency_places(agency)))
    return any(name in text for name in names)


def _full_kind(name: str) -> str | None:
    """The kind a local government's name starts with, in full ("เทศบาลตำบล" for "ทต.หนองบัว"); None for another."""
    flat = normalize(name)
    return next((kind for word, kind in _FULL_KINDS if flat.startswith(word)), None)


def _other_place_and_kind(name: str, place: str, agency: str) -> bool:
    """Whether a local government's name (`name`, shown form; `place`, its place in matching form) is of another kind
    than the agency's at a place that begins or continues the agency's by a word: "เทศบาลตำบลหนองบัว" beside the
    เทศบาลนครหนองบัวทอง (review51 b02, g05, a08). A body's name is its kind and its whole place; no renaming turns
    the one into the other (an อบต. become a เทศบาล keeps its place)."""
    theirs, ours = _full_kind(name), _full_kind(agency)
    return theirs is not None and ours is not None and theirs != ours \
        and any(abs(len(p) - len(place)) >= _LONGER_BY and (p.startswith(place) or place.startswith(p))
                for p in agency_places(agency))


# A heading line that is a local government's name alone, by its full kind, its address after it: "องค์การบริหาร
# ส่วนตำบลโนนทอง อำเภอภูเวียง จังหวัดขอนแก่น" (shown form)
_TITLE_BODY = re.compile(r"(?:องค์การบริหารส่วนตำบล|เทศบาลตำบล|เทศบาลเมือง|เทศบาลนคร)[ก-๙]{3,20}"
                         r"(?:\s+(?:ตำบล|ต\.|อำเภอ|อ\.|จังหวัด|จ\.)\s?[ก-๙]{2,30})*")
# …or the table's title, the name and its year on one line: "สถิติเรื่องร้องเรียนการทุจริต องค์การบริหารส่วนตำบล
# โคกสะอาด ปีงบประมาณ 2567" (review50 b19)
_TABLE_TITLE = re.compile(r"(?:สถิติ|รายงาน|สรุป)[^|]{0,80}\s")
_TITLE_YEAR = re.compile(r"\s+(?:ประจำ)?\s*ปี\s*(?:งบประมาณ)?\s*(?:พ\.\s*ศ\.)?\s*[0-9๐-๙]{4}")
_SHORT_TEXT = 1500  # characters (matching form) of a short document: a one-sheet table, a notice


def _titled_short(shown: str, start: int, text: str) -> bool:
    """Whether a short document's heading line is another local government's name alone (with its address): a
    one-sheet statistics table names its owner once, in its merged title ("สถิติเรื่องร้องเรียนการทุจริต… /
    องค์การบริหารส่วนตำบลโนนทอง อำเภอภูเวียง จังหวัดขอนแก่น / ประจำปีงบประมาณ พ.ศ. 2567", review44 b13): it has no
    body to name it again. Or the table's title holding the name and its year ("สถิติเรื่องร้องเรียนการทุจริต
    องค์การบริหารส่วนตำบลโคกสะอาด ปีงบประมาณ 2567", review50 b19)."""
    if len(text) > _SHORT_TEXT:
        return False
    line = shown.strip()
    if not shown[:start].strip():
        return _TITLE_BODY.fullmatch(line) is not None
    body = _TITLE_BODY.match(shown, start)
    return _TABLE_TITLE.fullmatch(shown[:start].lstrip()) is not None and body is not None \
        and _TITLE_YEAR.fullmatch(shown[body.end():].rstrip()) is not None


# A signatory's position naming a local government (the line under "(นายบุญเลิศ ศรีลำน้ำ)"): "ปลัดองค์การบริหารส่วน
# จังหวัดลำน้ำเย็น", "นายกเทศมนตรีตำบลโคกกลาง", "ปลัด อบต.หนองไผ่"; on the line without its spaces.
# At the line's start or after the name's ")" ("(นายบุญเลิศ ศรีลำน้ำ) ปลัดองค์การบริหารส่วนตำบลโนนสูง ผู้รายงาน").
# The place ends before the signing date on the same line, "ลงวันที่" or "ณ วันที่" whole: "…นายกองค์การบริหารส่วน
# ตำบลโคกสูง  ลงวันที่ ๒๕ พฤศจิกายน ๒๕๖๘" in one DOCX paragraph is the agency's "โคกสูง", not a "โคกสูงลง" (review78 k01).
_SIGNATORY = re.compile(r"(?:^|\))(?:รอง)?(?:ปลัด|นายก|ผู้อำนวยการ[ก-๙]{0,20}?|หัวหน้า[ก-๙]{0,20}?)"
                        r"(?:องค์การบริหารส่วนจังหวัด|องค์การบริหารส่วนตำบล|เทศบาลตำบล|เทศบาลเมือง|เทศบาลนคร"
                        r"|เทศมนตรีตำบล|เทศมนตรีเมือง|เทศมนตรีนคร|อบต\.|อบจ\.)([ก-๙][ก-๙.]+?)"
                        r"(?=ผู้รายงาน|ผู้จัดทำ|ผู้ลงนาม|ผู้รับรอง|รายงาน|ปฏิบัติ|รักษา|ลงวันที่|ณวันที่|วันที่|$)")
_PLACE_MORE = 2  # letters a place's name adds to the agency's to be another place ("หนองบัว" + "แดง")
_SIGNED_PEER_MENTIONS = 3  # the signature and at least two more in the body ("บุคลากรขององค์การบริหารส่วนจังหวัด…")


# A page that may hold such a line, looked for on its raw text first (most pages hold none).
_SIGNATORY_HINT = re.compile(r"(?:ปลัด|นายก|ผู้อำนวยการ|หัวหน้า)[^\n]{0,60}?(?:ส่วน|เทศ|อบ)")


@lru_cache(maxsize=256)  # the same documents are read for several items of an agency
def signed_by_peer(pages: tuple[str, ...], agency: str) -> str | None:
    """The signatory's position line, when a document is signed for another local government ("ปลัดองค์การบริหาร
    ส่วนจังหวัดลำน้ำเย็น") and by no one of the agency (the agency's heading over a neighbour's signature), or that its
    text names more often than the agency, at least three times (a neighbour's report whose cover alone was retyped
    with the agency's name, its own executive's signature too), or when it never names the agency. Else None."""
    places = agency_places(agency)
    if not places or not pages:
        return None
    pao = any(word in normalize(agency) for word in _PAO)
    text: str | None = None
    own_signs: bool | None = None
    for page in reversed(pages):
        if _SIGNATORY_HINT.search(page) is None:
            continue
        lines = page.splitlines()
        for i in reversed(range(len(lines))):
            line = lines[i]
            if _SIGNATORY_HINT.search(line) is None:
                continue
            flat = normalize(line)
            m = _SIGNATORY.search(flat) if len(flat) <= _PEER_MAX * 6 else None
            if m is None or (pao and "อบจ." in flat):
                continue  # a provincial administration's short name ("นายกอบจ.โคราช") is no other province's
            place = _PLACE_END.split(m.group(1))[0].rstrip(".")
            # a place whose name is the agency's and more ("หนองบัวแดง" beside เทศบาลตำบลหนองบัว) is another place
            longer = _longer_place(place, places)
            if len(place) < _PLACE_MIN or place.startswith(_NOT_A_PLACE):
                continue
            if not longer and _maybe_own(place, places):
                # the agency's place, or one written like it, but another kind's executive: "นายกองค์การบริหารส่วน
                # ตำบลไผ่งาม" signing for the เทศบาลตำบลบ้านไผ่งาม (review41 p7) is the อบต. beside it (or the agency
                # before it was renamed: a person looks), unless the agency's own executive signs too (a joint one)
                if _other_kind(m.group(0), agency) and _another_of_its_kind(pages, place, agency) \
                        and not _own_kind_signs(pages, agency):
                    return display(line)
                continue
            own_signs = _agency_signs(pages, agency) if own_signs is None else own_signs
            if not own_signs and _signature_block(lines, i, m.start()):
                # the agency's heading over only another body's signature ("ประกาศองค์การบริหารส่วนตำบลเมืองเก่า …"
                # signed "(นายวีระพงษ์ ชัยมงคล) / นายกเทศมนตรีตำบลเมืองเก่าพัฒนา", "ปลัดองค์การบริหารส่วนตำบล
                # เมืองเก่าใหม่ ผู้รายงาน", "นายกเทศมนตรีนครขอนแก่น": review58 b09, b23, b11): that body's, whatever
                # the counts
                return display(line)
            text = text if text is not None else "".join(normalize(p) for p in pages)
            rest = text.replace(place, "") if longer else text  # the agency's name inside the other one's is not it
            # (a provincial administration by its own name, not its province's: `own_names`; the other body by its
            # place, not as a province's or a district's name: a city named for its province, "นายกเทศมนตรีนคร
            # ขอนแก่น", is not counted from "จังหวัดขอนแก่น", "อำเภอเมืองขอนแก่น", review58 a16)
            theirs, ours = _count_body_place(text, place), max(rest.count(p) for p in own_names(agency))
            # named more often than the agency, or the agency never named at all (the neighbour's report as it was)
            if (theirs >= _SIGNED_PEER_MENTIONS and theirs > ours) or ours == 0 or (longer and theirs > ours):
                return display(line)
    return None


def _count_body_place(text: str, place: str) -> int:
    """How often `text` (matching form) names `place`, not as a district's or a province's name (`_THEIRS_BEFORE`)."""
    return sum(not text.endswith(_THEIRS_BEFORE, 0, start) for start in _starts(text, place))


def _signature_block(lines: Sequence[str], i: int, at: int) -> bool:
    """Whether the position line `lines[i]` (its position at `at` of its matching form) closes a signature: the
    signer's name in brackets before it on the line ("(นายบุญเลิศ ศรีลำน้ำ) ปลัด…") or on the line above ("(นายอุดม
    แสงทอง) / นายก อบต.เมืองเก่าใหม่"), or "(ลงชื่อ)" there."""
    if at > 0:
        return True  # `_SIGNATORY` starts a position at the line's start or after the name's ")"
    above = next((display(line).strip() for line in reversed(lines[:i]) if line.strip()), "")
    return _BRACKETED.fullmatch(above) is not None or "ลงชื่อ" in above


def _agency_signs(pages: Sequence[str], agency: str) -> bool:
    """Whether a line of the document, or a cell of it (two signatures side by side: "นายกองค์การบริหารส่วนตำบล
    เมืองเก่า | (ลงชื่อ) …", review58 a16), is the agency's own signer's (`_own_signs`) by a position of its own (not
    its name alone heading the page: "องค์การบริหารส่วนตำบลเมืองเก่า" under the plan's title, review58 b10), not a
    photo's caption."""
    own, places = normalize(agency), own_names(agency)
    for page in pages:
        above: list[str] = []
        for line in page.splitlines():
            shown = display(line).strip()
            if not shown:
                continue
            for cell in shown.split("|"):
                flat = normalize(cell)
                if flat and len(flat) <= _HEAD_SIGN_MAX and _OWN_SIGNER.search(flat) is not None \
                        and _own_signs(_SIGNING_ROLE.sub("", flat), own, places) and not _under_caption(above):
                    return True
            above.append(shown)
    return False


# A local government named as a body in running text ("องค์การบริหารส่วนตำบลบ้านดง ได้แต่งตั้ง…", "…ตำบลบ้านดง,"), on the
# text as shown: its place ends at a space or a mark (run on into the next word, "…บ้านดงเป็นประธาน", it is only
# counted); not a province (a place of the address, a parent).
_LOCAL_BODY = re.compile(r"(?:องค์การบริหารส่วนตำบล|เทศบาลตำบล|เทศบาลเมือง|เทศบาลนคร|อบต\.\s?|ทต\.\s?|ทม\.\s?|ทน\.\s?)"
                         rf"([ก-๙]{{{_PLACE_MIN},{_PEER_MAX}}})(?=[\s,)|]|$)")
_NAMED_PEER_MENTIONS = 4  # another local government named this often, and more often than the agency
# What the agency does in or for another local government, before its name (matching form): its area ("ในเขตเทศบาล
# เมืองบ้านไผ่"), its subsidy ("อุดหนุนเทศบาลเมืองบ้านไผ่ ตามโครงการ…", "…ให้แก่องค์การบริหารส่วนตำบล…"), its partner
# ("(ร่วมกับเทศบาลเมืองบ้านไผ่)"): a provincial administration's plan names the local governments it works in
# (review43 a04), not a neighbour's document
_FOR_ANOTHER = tuple(normalize(w) for w in ("ในเขต", "ในพื้นที่", "อุดหนุน", "ให้แก่", "ร่วมกับ"))


def _as_body(text: str, name: str) -> int:
    """How often `text` (matching form) names a local government (`name`, its kind and place) other than as the
    place or the partner of the agency's work (`_FOR_ANOTHER`)."""
    count, start = 0, text.find(name)
    while start >= 0:
        count += not text.endswith(_FOR_ANOTHER, 0, start)
        start = text.find(name, start + len(name))
    return count


def named_peer(pages: tuple[str, ...], agency: str, indexes: Sequence[TextIndex] = ()) -> str | None:
    """Another local government's name, when a document names its place at least `_NAMED_PEER_MENTIONS` times and
    more often than the agency's: a neighbour's document kept whole under the agency's own heading and signature
    (review26 r01: "องค์การบริหารส่วนตำบลบ้านดง ได้แต่งตั้งคณะทำงาน…" four times, โคกสูง in the heading and the signature
    only). Else None. `indexes`: the pages' `TextIndex`es when the caller has them (their display and matching
    forms are the pages' own, made once). Not memoized: a key holding the indexes would keep every page's tables
    alive across agencies, and an agency asks once per document (the bench agencies: 19 documents, 19 calls)."""
    places = agency_places(agency)
    if not places or not pages:
        return None
    shown = [i.display_text for i in indexes] if indexes else [display(page) for page in pages]
    named: dict[str, str] = {}  # place (matching form) → the body's name as first written
    for page in shown:
        for m in _LOCAL_BODY.finditer(page):
            place = normalize(_PLACE_END.split(m.group(1))[0])
            if len(place) >= _PLACE_MIN and not place.startswith(_NOT_A_PLACE):
                named.setdefault(place, m.group(0))
    if not named:
        return None
    text = "".join(i.normalized_text for i in indexes) if indexes else "".join(normalize(p) for p in pages)
    for place, name in named.items():
        longer = _longer_place(place, places)
        if not longer and _maybe_own(place, places):
            continue
        rest = text.replace(place, "") if longer else text
        # named as a body ("…ตำบลบ้านดง"), not merely its place (a village, a road: "ถนนสายหนองบัว-หนองบัวแดง")
        theirs = sum(_as_body(text, kind + place) for kind in _LOCAL_KINDS)
        if not any(kind + place in text for kind in _LOCAL_KINDS[:4]):
            continue  # never by its full name: "อบต." closing a cell before the next one's word ("…อบต. ค่าธรรมเนียม")
        if theirs >= _NAMED_PEER_MENTIONS and theirs > max(rest.count(p) for p in places):
            return name
    return None


# The document's first-person declarant holding another local government's office: "ข้าพเจ้า นายประเสริฐ มั่นคง
# นายกองค์การบริหารส่วนตำบลหนองแก พร้อมด้วย…", on the text as shown (its place ends at a space or a mark).
# Not one the declarant names beside him ("ข้าพเจ้าพร้อมด้วยนายกองค์การบริหารส่วนตำบลบ้านดง…", review33 b04).
_DECLARANT = re.compile(r"ข้าพเจ้า(?:(?!พร้อมด้วย|ร่วมกับ|และ|กับ)[^|]){0,60}?(?:รอง)?(?:นายก|ปลัด)"
                        r"(?:องค์การบริหารส่วนตำบล|เทศมนตรีตำบล|เทศมนตรีเมือง"
                        rf"|เทศมนตรีนคร|อบต\.\s?)([ก-๙]{{{_PLACE_MIN},{_PEER_MAX}}})(?=[\s,)|]|$)")


def declared_by_peer(pages: tuple[str, ...], agency: str) -> str | None:
    """The declarant's words, when a document speaks in the first person for another local government's executive
    (review29 k03: "ข้าพเจ้า นายประเสริฐ มั่นคง นายกองค์การบริหารส่วนตำบลหนองแก … ขอประกาศเจตนารมณ์" under the
    agency's heading and its own นายก's signature: a neighbour's declaration with its heading and signature retyped).
    Else None."""
    places = agency_places(agency)
    if not places or not pages:
        return None
    peer: str | None = None
    for page in pages:
        if "ข้าพเจ้า" not in page:
            continue
        for m in _DECLARANT.finditer(display(page)):
            place = normalize(_PLACE_END.split(m.group(1))[0])
            if len(place) < _PLACE_MIN or place.startswith(_NOT_A_PLACE):
                continue
            # (another kind's executive of a place like the agency's is not its own: "ข้าพเจ้า นายบุญมี ทองสุข นายก
            # องค์การบริหารส่วนตำบลไผ่งาม" in a declaration for the เทศบาลตำบลบ้านไผ่งาม, review41 p7)
            if not _longer_place(place, places) and _maybe_own(place, places) \
                    and not (_other_kind(m.group(0), agency) and _another_of_its_kind(pages, place, agency)):
                return None  # the agency's own executive declares too: a joint declaration, an MOU (review33 b03)
            peer = peer or m.group(0)
    return peer


# A unit's name as a heading line of its own: a school ("โรงเรียนบ้านโคกสูง"), a child-care centre ("ศูนย์พัฒนาเด็กเล็ก
# บ้านโคกสูง", "ศพด.…"), a health station ("โรงพยาบาลส่งเสริมสุขภาพตำบล…", "รพ.สต.…"); its affiliation or address may
# follow on the line ("… สังกัดกองการศึกษา…", "… ตำบลโคกสูง"). Shown form. Not a menu's "ศูนย์พัฒนาเด็กเล็ก" (no name
# after it) nor a post's title ("โรงเรียนบ้านโคกสูงร่วมกับ อบต. จัดกิจกรรมวันเด็ก").
# Also its own announcement's heading with its number: "ประกาศโรงเรียนขอนแก่นวิทยายน ๒ สังกัดองค์การบริหารส่วนจังหวัด
# ขอนแก่น" over a school's No Gift notice (review43 b18; "ขอน…" is a place, not "ขอ…" a request).
# Also a school's education-area office after its name without "สังกัด" ("โรงเรียนบ้านโคกสูง สำนักงานเขตพื้นที่การศึกษา
# ประถมศึกษาขอนแก่น เขต ๔", "… สพป.ขอนแก่น เขต ๔", review48 b09, b34), a health station's district health office, its
# telephone ("… อำเภอภูเวียง จังหวัดขอนแก่น โทร"); and a police station, named for its district ("สถานีตำรวจภูธรภูเวียง
# ตำบลภูเวียง อำเภอภูเวียง จังหวัดขอนแก่น" over its complaint channels, review48 b07): no body of the agency either.
_UNIT = re.compile(r"(?:ประกาศ)?(?:โรงเรียน|ศูนย์พัฒนาเด็กเล็ก|ศพด\.|โรงพยาบาลส่งเสริมสุขภาพตำบล|รพ\.\s?สต\.?"
                   r"|สถานีตำรวจ(?:ภูธร|นครบาล)?|สภ\.)\s?"
                   r"(?![ก-๙.]*(?:ร่วม|จัด|ขอ(?!น(?!ำ))|ได้|เชิญ|แจ้ง|มอบ|รับ|ประกาศ|กิจกรรม|โครงการ))[ก-๙][ก-๙.]{2,30}"
                   r"(?:\s?[0-9๐-๙]{1,2})?(?:\s?\([ก-๙\s.]{2,30}\))?"
                   r"(?:\s+(?:สังกัด|ตำบล|ต\.|อำเภอ|อ\.|สำนักงานเขตพื้นที่การศึกษา|สพป\.|สพม\.|สำนักงานสาธารณสุข|โทร).{0,80})?")
_UNIT_HEAD_LINES = 6  # a document's title and the page's own heading ("ข้อมูลการติดต่อ", "O10 แผนปฏิบัติการประจำปี") above it
# A memo's line naming the office it comes from ("บันทึกข้อความ / ส่วนราชการ โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านโคกสูง อำเภอ
# ภูเวียง จังหวัดขอนแก่น โทร …", review48 b03, b05, b11): the memo's owner, whatever follows it
_MEMO_FROM = re.compile(r"ส่วนราชการ\s*")


def unit_body(pages: Sequence[str], agency: str) -> str | None:
    """The heading line (the first lines of the first page) that names a school, a child-care centre or a health
    station as the document's own, before any line naming the agency; else None. A school's action plan
    ("แผนปฏิบัติการประจำปี… / โรงเรียนบ้านโคกสูง", signed by its director: review35 a02) or a child-care centre's
    contact ("ข้อมูลการติดต่อ / ศูนย์พัฒนาเด็กเล็กบ้านโคกสูง / สังกัดกองการศึกษา…", a teacher's mobile: review36 a04) is
    the unit's, not the agency's, though the unit bears the agency's place in its name. A memo's "ส่วนราชการ <unit>"
    line names the office it comes from (a health station's MOIT memo in front of its statistics, review48 b05); a
    police station heads its own complaint channels (review48 b07)."""
    if not pages:
        return None
    pages = _without_chrome(pages)  # (the site's menu bar naming the agency: `other_body`)
    own = normalize(agency)
    names = _full_names(agency)
    pao = is_pao(agency)
    lines = [line for line in pages[0].split("\n") if line.strip()][:_UNIT_HEAD_LINES]
    for line in lines:
        flat = normalize(line)
        shown = display(line).strip()
        memo = _MEMO_FROM.match(shown)
        unit = _UNIT.fullmatch(shown[memo.end():] if memo else shown) is not None
        # a provincial administration after the unit's "สังกัด" is its affiliation, not the agency heading the
        # document: "โรงเรียนภูเวียงวิทยาคม สังกัดองค์การบริหารส่วนจังหวัดขอนแก่น" over the school's plan signed by its
        # director (review43 b06); its schools and transferred health stations are institutions of their own. (A
        # municipality's child-care centre "…สังกัดเทศบาลตำบลนาคูณใหญ่" stays its own: review13 f04.)
        before = flat.split(_AFFILIATED, 1)[0] if unit and pao else flat
        if any(name in before for name in names) or (own and flat in own):
            return None  # the agency heads the document (or is itself the school, the hospital)
        if unit:
            return shown
    return None


_AFFILIATED = normalize("สังกัด")
# A unit's head signing for it: "ผู้อำนวยการโรงเรียนเทศบาล ๑ (บ้านหนองบัว)", "หัวหน้าศูนย์พัฒนาเด็กเล็กบ้านนาคูณ" (matching
# form, what precedes the unit's name on the line: "(ลงชื่อ) สุนทร ศรีเมือง")
_UNIT_HEAD = re.compile(r"(?:ผู้อำนวยการ|หัวหน้า|ครูใหญ่|ผอ\.)$")
_UNIT_KEY = 12  # characters of the unit's name (matching form) its head's line must hold


def unit_signed(pages: Sequence[str], agency: str) -> str | None:
    """The heading line naming a school, a child-care centre or a health station of the agency ("…สังกัด<agency>")
    when the document is signed by that unit's head and by no one of the agency; else None. A municipal school's own
    monthly procurement summary, "โรงเรียนเทศบาล ๑ (บ้านหนองบัว) สังกัดเทศบาลนครหนองบัวทอง" signed "ผู้อำนวยการ
    โรงเรียนเทศบาล ๑ (บ้านหนองบัว)", covers the school's purchases only, not the city's (review51 d03); `unit_body`
    leaves such a heading to the agency (its affiliation names it), for the unit's plan may be part of the agency's."""
    if not pages or not agency:
        return None
    own = normalize(agency)
    places = own_names(agency)
    lines = [line for line in pages[0].split("\n") if line.strip()][:_UNIT_HEAD_LINES]
    for line in lines:
        shown = display(line).strip()
        if _UNIT.fullmatch(shown) is None:
            continue
        flat = normalize(line)
        unit, _, after = flat.partition(_AFFILIATED)
        if not after or not names_by_kind(after, agency) or names_by_kind(unit, agency):
            continue
        key = unit[:_UNIT_KEY]
        signed = False
        for page in pages:
            for raw in page.splitlines():
                at = (sign := normalize(raw)).find(key)
                if at > 0 and len(sign) <= _HEAD_SIGN_MAX and _UNIT_HEAD.search(sign[:at]) is not None:
                    signed = True
                elif sign and len(sign) <= _HEAD_SIGN_MAX and _AFFILIATED not in sign \
                        and _own_signs(_SIGNING_ROLE.sub("", sign), own, places):
                    return None  # the agency's own executive signs it too (not the unit's affiliation line)
        return shown if signed else None
    return None


# Another assessment scheme's marks: the Ministry of Public Health's MOIT ("เรื่อง ขออนุมัติเผยแพร่ข้อมูลผ่านเว็บไซต์
# (MOIT 20)", "(Ministry of Public Health Integrity and Transparency Assessment : MOIT)", "หมายเหตุ : MOIT 20") and its
# publication form for "…หน่วยงานในสังกัดสำนักงานปลัดกระทรวงสาธารณสุข" (review48 b03, b05, b11: a health station's memo
# in front of its own statistics, plan and report); matching form. A local government is assessed by the ITA only.
_OTHER_SCHEME = re.compile(r"(?<![A-Za-z])MOIT(?![A-Za-z])|หน่วยงานในสังกัดสำนักงานปลัดกระทรวงสาธารณสุข")
_SCHEME_LINE = ("MOIT", "สาธารณสุข")  # what the quoted line holds (the form's name may wrap: "…ในสังกัดสำนักงาน / ปลัด…")


def names_by_kind(text: str, agency: str) -> bool:
    """Whether `text` (matching form) names the agency by its full name or its kind before its place ("องค์การบริหาร
    ส่วนตำบลโคกสูง", "อบต.โคกสูง"; a provincial administration's `own_names`): not merely by its place, which a unit's
    name bears ("โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านโคกสูง", "โรงเรียนบ้านโคกสูง")."""
    names = _full_names(agency)
    if is_pao(agency):
        names += own_names(agency)  # "อบจ.ขอนแก่น" (for any other agency its places alone)
    return any(name in text for name in names)


@lru_cache(maxsize=256)
def _full_names(agency: str) -> tuple[str, ...]:
    """The agency's name and each kind of local government before each of its places (matching form): what names it
    as a body, not merely its place; () for no name."""
    own = normalize(agency)
    return (own, *(kind + place for kind in _LOCAL_KINDS for place in agency_places(agency))) if own else ()


def other_scheme(pages: Sequence[str], agency: str) -> str | None:
    """The line bearing another assessment scheme's mark (the Ministry of Public Health's MOIT: `_OTHER_SCHEME`) when
    the document never names the agency by its kind (`names_by_kind`); else None. A health station's "บันทึกข้อความ …
    ขออนุมัติเผยแพร่ข้อมูลผ่านเว็บไซต์ (MOIT 20)" over its complaint statistics is the station's, though its name bears
    the agency's place (review48 b05)."""
    if not pages or not agency_places(agency):
        return None
    flat = [normalize(page) for page in pages]
    if not any(_OTHER_SCHEME.search(page) for page in flat) or names_by_kind("".join(flat), agency):
        return None
    for page in pages:
        for line in page.splitlines():
            if any(mark in line for mark in _SCHEME_LINE):
                return display(line).strip()
    return display(pages[0]).strip().split("\n", 1)[0]


# The kinds of local government, by the words of their names and their executives' positions (matching form): an
# อบต. and a เทศบาล of one ตำบล are two bodies side by side (the municipality covers part of the ตำบล), a provincial
# administration a third.
_KINDS = (
    ("tao", tuple(normalize(w) for w in ("องค์การบริหารส่วนตำบล", "องค์กรบริหารส่วนตำบล", "อบต."))),
    ("municipality", tuple(normalize(w) for w in ("เทศบาล", "เทศมนตรี", "ทต.", "ทม.", "ทน."))),
    ("pao", tuple(normalize(w) for w in ("องค์การบริหารส่วนจังหวัด", "องค์กรบริหารส่วนจังหวัด", "อบจ."))),
)


def _kind(text: str) -> str | None:
    """The kind of local government the first of its words in `text` names ("tao", "municipality", "pao"), or
    None."""
    flat = normalize(text)
    found = [(i, kind) for kind, words in _KINDS for w in words if (i := flat.find(w)) >= 0]
    return min(found)[1] if found else None


def _other_kind(position: str, agency: str) -> bool:
    """Whether an executive's position ("นายกองค์การบริหารส่วนตำบลไผ่งาม") is of another kind of local government
    than the agency (เทศบาลตำบลบ้านไผ่งาม)."""
    theirs, ours = _kind(position), _kind(agency)
    return theirs is not None and ours is not None and theirs != ours


def _another_of_its_kind(pages: tuple[str, ...], place: str, agency: str) -> bool:
    """Whether another kind's executive of a place like the agency's (`place`, matching form) may speak for another
    body: its place written otherwise ("ไผ่งาม" beside the เทศบาลตำบลบ้านไผ่งาม), or the agency's very place in a
    document that also names the agency as it is now ("นายกองค์การบริหารส่วนตำบลหนองบัว" under "ประกาศเทศบาลตำบล
    หนองบัว"). A document of the agency's very place all of the other kind is the agency's own before it was renamed
    (an อบต. become a เทศบาล: plain_words p_renamed_same)."""
    # (a provincial administration is never a renamed municipality or อบต. of its province's name: "นายกเทศมนตรีนคร
    # ขอนแก่น" is the city's mayor, not the อบจ.ขอนแก่น's, review43 b17)
    return place not in agency_places(agency) or is_pao(agency) \
        or any(normalize(agency) in normalize(p) for p in pages)


# What names a place as another's area before a local government's name (matching form): "ตำบลศรีสำราญ พื้นที่นอกเขต
# เทศบาลเมืองศรีสำราญ" in the อบต.ศรีสำราญ's own structure (review47 b01), "ทิศเหนือ ติดต่อกับเทศบาล…"
_ANOTHER_AREA = tuple(normalize(w) for w in ("นอกเขต", "ติดต่อกับ", "ติดกับ"))


@lru_cache(maxsize=256)
def _own_kind_names(agency: str) -> re.Pattern[str] | None:
    """A municipality's kind before its place, as its name, its executive's or its short name runs in the matching
    form: "เทศบาลเมืองศรีสำราญ", "เทศบาลตำบลศรีสำราญ" (its own former name), "นายกเทศมนตรีเมืองศรีสำราญ", "ทม.ศรีสำราญ"
    for the เทศบาลเมืองศรีสำราญ. None for another kind: an อบต. whose place a เทศบาล's document bears may be named as it
    was before it became one (plain_words c3b: "เทศบาลตำบลหนองบัว"'s plan for the อบต.หนองบัว passes)."""
    places = "|".join(map(re.escape, agency_places(agency)))
    if not places or _kind(agency) != "municipality":
        return None
    return re.compile(rf"(?:(?:เทศบาล|เทศมนตรี)(?:ตำบล|เมือง|นคร)?|(?:ทต|ทม|ทน)\.?)(?:{places})")


def _other_kind_line(pages: tuple[str, ...], agency: str,
                     other: Callable[[str, str], bool] | None = None) -> str | None:
    """The first line naming another kind of local government at the agency's very place as the document's own: a
    heading ("โครงสร้างองค์กร องค์การบริหารส่วนตำบลศรีสำราญ"), a signatory's or an executive's card position ("นายก
    องค์การบริหารส่วนตำบลศรีสำราญ" under "(นายสมบัติ ดวงมาลา)"), a first-person declarant ("ข้าพเจ้า นายสมบัติ ดวงมาลา
    นายกองค์การบริหารส่วนตำบลศรีสำราญ …") for the เทศบาลเมืองศรีสำราญ. Shown form; else None. `other` tells another
    body's name or position from the agency's (`_other_kind` unless given: `_other_class` for a municipality's
    class)."""
    differs = other or _other_kind
    places = agency_places(agency)
    for line in pages[0].split("\n", _HEAD_LINES)[:_HEAD_LINES]:
        shown = display(line)
        for m in _PLACE.finditer(shown):
            place = normalize(_PLACE_END.split(m.group(1))[0].rstrip("."))
            if place in places and differs(m.group(0), agency):
                return shown.strip()
    for page in pages:
        if _SIGNATORY_HINT.search(page) is not None:
            for line in page.splitlines():
                if _SIGNATORY_HINT.search(line) is None:
                    continue
                flat = normalize(line)
                signs = _SIGNATORY.search(flat) if len(flat) <= _PEER_MAX * 6 else None
                if signs is not None and _PLACE_END.split(signs.group(1))[0].rstrip(".") in places \
                        and differs(signs.group(0), agency):
                    return display(line).strip()
        if "ข้าพเจ้า" in page:
            for m in _DECLARANT.finditer(display(page)):
                if normalize(_PLACE_END.split(m.group(1))[0]) in places and differs(m.group(0), agency):
                    return m.group(0)
    return None


@lru_cache(maxsize=256)  # the same documents are read for several items of an agency
def kind_beside(pages: tuple[str, ...], agency: str) -> tuple[str, bool] | None:
    """The line naming another kind of local government at the agency's very place as the document's own (the อบต.
    beside the town of its name: an อบต. and a เทศบาล of one ตำบล are two bodies side by side), when the document names
    the agency by its own kind there only as another area or never, and whether it surely is the other body's: it
    names the agency as another area ("…ตำบลศรีสำราญ พื้นที่นอกเขตเทศบาลเมืองศรีสำราญ", review47 b01). Else None; always
    None for an agency that is no municipality (`_own_kind_names`).

    Not sure, the document may be the agency's own from before it was renamed (an อบต. become a เทศบาล keeps its old
    letterheads: plain_words p_renamed_same) — but not a current year's plan or declaration, nor the executives of
    now, once the agency is a เทศบาล: that is the caller's to weigh (review47 b02, b18, c02). A document naming the
    agency as itself (a joint one) is `signed_by_peer`'s."""
    if is_pao(agency) and pages:
        # a provincial administration is never a renamed municipality or อบต. of its province's name: another kind
        # heading or signing at its place is surely the other body ("เทศบาลนครขอนแก่น" over the city's plan and its
        # mayor's signature, for the อบจ.ขอนแก่น: review64 b05, b15; the agency named only as a funder, "เงินอุดหนุน
        # จาก อบจ.ขอนแก่น"), unless the agency heads it too or signs it (a joint one: `signed_by_peer`'s)
        line = _other_kind_line(pages, agency)
        if line is None:
            return None
        head = normalize("".join(pages[0].split("\n", _HEAD_LINES)[:_HEAD_LINES]))
        joint = any(name in head for name in own_names(agency)) or _agency_signs(pages, agency)
        return None if joint else (line, True)
    if _kind(agency) == "tao" and pages:
        # an อบต. is never a renamed เทศบาล (an อบต. becomes a เทศบาล, never the reverse): a เทศบาล heading or
        # signing at its very place is the town beside it, surely ("แผนปฏิบัติการป้องกันการทุจริต … / เทศบาลตำบลโคกสูง /
        # ๑๒๐ หมู่ที่ ๑ ตำบลโคกสูง…" signed "นายกเทศมนตรีตำบลโคกสูง" for the อบต.โคกสูง: review65 m02), unless the
        # document names the อบต. too (a joint one: `signed_by_peer`'s) or the town as another area ("…ติดต่อกับ
        # เทศบาลตำบลโคกสูง")
        line = _other_kind_line(pages, agency)
        if line is None or _tao_named(pages, agency):
            return None
        return (line, True)
    own = _own_kind_names(agency)
    if own is None or not pages:
        return None
    text = "".join(normalize(p) for p in pages)
    named = [m.start() for m in own.finditer(text)]
    if any(not text.endswith(_ANOTHER_AREA, 0, start) for start in named):
        return None
    line = _other_kind_line(pages, agency)
    # (a city is no อบต. renamed: an อบต. becomes a เทศบาลตำบล or a town, a city grows from a town; "นายกองค์การบริหาร
    # ส่วนตำบลหนองบัวทอง" signing last year's statistics for the เทศบาลนครหนองบัวทอง is the อบต.'s, review51 f06, f07)
    return (line, bool(named) or _full_kind(agency) == _CITY) if line is not None else None


_CITY = normalize("เทศบาลนคร")
_TAO_FORMS = _KINDS[0][1]


def _tao_named(pages: tuple[str, ...], agency: str) -> bool:
    """Whether a document names the อบต. agency by its kind at its place ("องค์การบริหารส่วนตำบลโคกสูง", "อบต.โคกสูง"),
    or a municipality at its place as another area (`_ANOTHER_AREA`: "…ติดต่อกับเทศบาลตำบลโคกสูง")."""
    text = "".join(normalize(p) for p in pages)
    places = agency_places(agency)
    if any(form + place in text for form in _TAO_FORMS for place in places):
        return True
    towns = re.compile("(?:" + "|".join(map(re.escape, _KINDS[1][1])) + r")(?:ตำบล|เมือง|นคร)?(?:"
                       + "|".join(map(re.escape, places)) + ")")
    return any(text.endswith(_ANOTHER_AREA, 0, m.start()) for m in towns.finditer(text))


def _own_kind_signs(pages: tuple[str, ...], agency: str) -> bool:
    """Whether a signatory's position line of a document is the agency's own kind's at its place ("นายกเทศมนตรีตำบล
    บ้านไผ่งาม", "ปลัดเทศบาลตำบลบ้านไผ่งาม" for the เทศบาลตำบลบ้านไผ่งาม)."""
    places = agency_places(agency)
    for page in pages:
        for line in page.splitlines():
            if _SIGNATORY_HINT.search(line) is None:
                continue
            flat = normalize(line)
            m = _SIGNATORY.search(flat) if len(flat) <= _PEER_MAX * 6 else None
            if m is not None and not _other_kind(m.group(0), agency) \
                    and _PLACE_END.split(m.group(1))[0].rstrip(".") in places:
                return True
    return False


# A municipality's class by its name or its executive's (matching form): "เทศบาลตำบล…", "นายกเทศมนตรีเมือง…", "ทน.…";
# ranked from the smallest (a tambon municipality grows into a town, a town into a city, never back)
_CLASS = re.compile(r"(?:เทศบาล|เทศมนตรี)(ตำบล|เมือง|นคร)|(ท[ตมน])\.")
_CLASS_RANK = {"ตำบล": 0, "เมือง": 1, "นคร": 2, "ทต": 0, "ทม": 1, "ทน": 2}
# What names the agency as a partner or a party beside the document's own body (matching form): "บูรณาการกิจกรรม
# ร่วมกับเทศบาลเมืองชุมแพและอำเภอชุมแพ" in the เทศบาลตำบลชุมแพ's report (review74 b07)
_BESIDE = (*_ANOTHER_AREA, *(normalize(w) for w in ("กับ", "และ")))


def _municipal_class(text: str) -> int | None:
    """The rank of the first municipality's class `text` names (`_CLASS_RANK`), or None."""
    m = _CLASS.search(normalize(text))
    return _CLASS_RANK[m.group(1) or m.group(2)] if m is not None else None


def _other_class(position: str, agency: str) -> bool:
    """Whether a municipality's name or its executive's position ("นายกเทศมนตรีตำบลชุมแพ") is of another class than
    the municipality agency's (เทศบาลเมืองชุมแพ)."""
    theirs, ours = _municipal_class(position), _municipal_class(agency)
    return theirs is not None and ours is not None and theirs != ours


@lru_cache(maxsize=64)
def _classes_at(agency: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """(the other classes' names at the agency's places, the agency's own class's) as matching-form patterns, for a
    municipality agency; else None."""
    ours = _full_kind(agency)
    rank = _municipal_class(ours) if ours is not None else None
    places = "|".join(map(re.escape, agency_places(agency)))
    if rank is None or not places:
        return None
    others = [c for c, r in _CLASS_RANK.items() if r != rank and len(c) > 2]
    shorts = [c for c, r in _CLASS_RANK.items() if r != rank and len(c) == 2]
    own = [c for c, r in _CLASS_RANK.items() if r == rank]
    return (re.compile(rf"(?:(?:เทศบาล|เทศมนตรี)(?:{'|'.join(others)})|(?:{'|'.join(shorts)})\.)(?:{places})"),
            re.compile(rf"(?:(?:เทศบาล|เทศมนตรี){own[0]}|{own[1]}\.?)(?:{places})"))


def class_beside(pages: tuple[str, ...], texts: Sequence[str], agency: str) -> tuple[str, bool] | None:
    """The line naming a municipality of another class at the municipality agency's very place as the document's own
    (`texts`: its pages in matching form), when the document names the agency by its own class there only as a
    partner or another area or never, and whether it surely is the other body's: it names the agency beside it
    ("บูรณาการกิจกรรมร่วมกับเทศบาลเมืองชุมแพ", both bodies at once), or the other class is the larger (a town never
    becomes a tambon municipality). Else None. "คณะผู้บริหารเทศบาลตำบลชุมแพ" / "นายกเทศมนตรีตำบลชุมแพ" for the
    เทศบาลเมืองชุมแพ (review74 b02, b07): `kind_beside` takes "เทศบาลตำบลชุมแพ" for the town's own former name, as it may
    be (`_own_kind_names`); not sure, which is the caller's to weigh (the executives of now are not a former name's)."""
    classes = _classes_at(agency)
    if classes is None or not any(classes[0].search(t) for t in texts):
        return None
    text = "".join(texts)
    if any(not text.endswith(_BESIDE, 0, m.start()) for m in classes[1].finditer(text)):
        return None  # the agency names itself: its own document (its history, "ยกฐานะจากเทศบาลตำบล…เป็น…")
    line = _other_kind_line(pages, agency, _other_class)
    if line is None:
        return None
    larger = (_municipal_class(line) or 0) > (_municipal_class(agency) or 0)
    return line, larger or classes[1].search(text) is not None


def _longer_place(place: str, places: tuple[str, ...]) -> bool:
    """Whether a place's name is one of the agency's places and more: another place ("หนองบัวแดง" beside หนองบัว)."""
    return any(place.startswith(p) and len(place) - len(p) >= _PLACE_MORE for p in places)


def _maybe_own(place: str, places: tuple[str, ...]) -> bool:
    """Whether a place may be one of the agency's, written another way (`_near`) or cut short (the one starting the
    other); with `_longer_place`, a place longer by a word is another's."""
    return any(_near(place, p) or place.startswith(p) or p.startswith(place) for p in places)


def _near(a: str, b: str) -> bool:
    """Whether two places' names may be one place written two ways: one inside the other once "บ้าน" is dropped
    ("หนองบัว", "บ้านหนองบัว"), or all but a letter or two alike ("โนนสะอาด", "โนนสอาด")."""
    a, b = a.removeprefix("บ้าน"), b.removeprefix("บ้าน")
    return a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= _NEAR_RATIO


def _names_core(text: str, core: str) -> bool:
    """Whether `text` names the agency by its name without its place ("สำนักงานเกษตรจังหวัด"), not followed by
    another province ("สำนักงานเกษตรจังหวัดอุดรธานี" is another office)."""
    return bool(core) and re.search(re.escape(core) + "(?!" + _PROVINCE_NAMES + ")", text) is not None
