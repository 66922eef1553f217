"""A document's own dates after the day of the check (`dated_after_check`, review).

An assessor cannot accept a document signed, announced or reporting an activity as done on a day that has not
come: "รายงาน ณ วันที่ ๑๕ ธันวาคม ๒๕๖๘" under a report checked on 10 November, "เมื่อวันที่ ๑๕ มิถุนายน ๒๕๖๙ …
จัดเวทีประชาคม" on 30 April, a monthly procurement page listing the signed purchases "ประจำเดือนกุมภาพันธ์ ๒๕๖๙" on
20 January (review54). Such a document is misdated, not yet issued, or another year's relabelled: a person looks.

Which dates count — the document's own assertions that something happened or was issued:
- the day it is signed, announced, reported or posted ("ประกาศ/สั่ง/ให้ไว้/รายงาน/ข้อมูล ณ วันที่ …", "ลงวันที่ …",
  "โพสต์เมื่อ …");
- a day told as past ("เมื่อวันที่ …", "ได้ประชุมเมื่อวันที่ …", "ดำเนินการไปแล้วเมื่อวันที่ …");
- for a month-by-month item, a month heading ("ประจำเดือนกุมภาพันธ์ ๒๕๖๙") after the check day's month whose rows
  are dated in that month (purchases done, not a template's empty months).
Not: a plan's timeframe or a schedule ("ม.ค.–เม.ย. ๖๙", "ตั้งแต่วันที่ … ถึง …"), a day to come ("จะจัดขึ้นในวันที่",
"กำหนดจัด", "ขอเชิญ…", "ภายในวันที่"), a contract's end or a deadline ("สิ้นสุดสัญญา ๓๐ ก.ย. ๖๙"), a validity period.
A day within `GRACE_DAYS` of the check is let pass (a post scheduled a few days ahead, a report dated for the
meeting that signs it, a clock a day off). Pure: the caller gives the mentions it placed and the day of the check.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from datetime import date, timedelta
from typing import Protocol

from oit_checker.catalogue import reasons
from oit_checker.model import Evidence, Reason
from oit_checker.text.fiscal import MentionKind, YearMention, thai_date

# Days after the check a document's own date may fall without a remark: an announcement prepared for the day it is
# signed ("ประกาศ ณ วันที่ ๓๐ กันยายน" posted on the 28th), a clock a day off. Not more: a document cannot be issued
# on a day to come, and "รายงาน ณ วันที่ ๒๐ พฤศจิกายน ๒๕๖๘" on a page checked on 10 November (review54 h05, which the
# reviewer would pass or review) is for a person to look at.
GRACE_DAYS = 3


class Placed(Protocol):
    """A year mention placed in its document (evaluate/item.py `_Located`)."""

    @property
    def mention(self) -> YearMention: ...

    @property
    def evidence(self) -> Evidence: ...

    @property
    def lead(self) -> str: ...

    @property
    def follow(self) -> str: ...


# The words just before the day a document is signed, announced, reported or posted on (spaces removed, the
# mention's own "วันที่" added): "ประกาศ ณ วันที่", "สั่ง ณ วันที่", "ให้ไว้ ณ วันที่", "รายงาน ณ วันที่", "ข้อมูล ณ
# วันที่", "ลงวันที่", "โพสต์เมื่อ", "เผยแพร่เมื่อวันที่".
_ISSUED = re.compile(r"(?:ประกาศ|สั่ง|ให้ไว้|รายงาน|ข้อมูล|ลงนาม)ณ(?:วันที่)?$|ลงวันที่$"
                     r"|(?:โพสต์|เผยแพร่|ประกาศ)(?P<when>เมื่อ)?(?:วันที่)?$")
# …but a bare "เผยแพร่ วันที่ …" (no "เมื่อ", no "ณ") in a numbered step is a plan's schedule, not the posting: "ขั้นตอน
# การดำเนินการ ๑) ประชุมคณะทำงาน วันที่ ๒๐ พฤศจิกายน ๒๕๖๘ … ๓) สรุปผลการดำเนินการตามมาตรการและรายงานผลเผยแพร่ วันที่ ๓๐
# กันยายน ๒๕๖๙ ทางเว็บไซต์" in a measure signed "ประกาศ ณ วันที่ ๑ ธันวาคม ๒๕๖๘" (review57 a07). Read on the lead with
# its spaces.
_STEP = re.compile(r"(?:^|\s)[\d๐-๙]{1,2}\)\s|ขั้นตอน")
# The day under a signature: "(ลงชื่อ) มานพ ศรีงาม ผู้รายงาน / (นายมานพ ศรีงาม) / หัวหน้าสำนักปลัด / วันที่ ๒๒ เมษายน
# ๒๕๖๘" (review57 a10; its twin "รายงาน ณ วันที่ …" is `_ISSUED`): who signs, the typed name in brackets, the position,
# then the day. Read on the lead with its spaces; the mention opens with "วันที่".
_SIGNED = re.compile(r"(?:ลงชื่อ|ผู้(?:รายงาน|จัดทำ|บันทึก|เสนอ|ตรวจสอบ|รับรอง|อนุมัติ))[^()]{0,40}\([^()]{2,40}\)[^()\d]{0,50}$")
# The words just before a day told as past: "เมื่อวันที่ …", "เมื่อวันพุธที่ …", "ได้ประชุมเมื่อวันที่ …", "เมื่อ ๒๕ ก.ย. ๖๘".
_PAST = re.compile(r"เมื่อ(?:วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)?ที่)?$")
# …not an end or a start ("สัญญาสิ้นสุดเมื่อวันที่ ๓๐ ก.ย. ๖๙", "มีผลใช้บังคับเมื่อ…", "ครบกำหนดเมื่อ…"): days to come.
_NOT_PAST = re.compile(r"(?:สิ้นสุด|ครบ|หมด|ถึง|จน|ภายใน|ก่อน|ตั้งแต่|เริ่ม|บังคับ|ผล)(?:กำหนด|สัญญา|อายุ)?เมื่อ")
# Words in the 30 characters before that make the day one to come, or the page's own edit: "จะจัด…ในวันที่",
# "ขอเชิญ… ในวันที่", "กำหนดจัด", "ครั้งต่อไป", "ปรับปรุงข้อมูลล่าสุดเมื่อ" (a site's clock). "จะ" before any verb: "ซึ่งจะ
# เกษียณอายุราชการ เมื่อวันที่ 30 กันยายน 2569" in an HR plan's manpower section (review57 a06), and a retirement however
# told; but "ที่จะ" before another verb is a clause inside a told deed ("ได้จัดประชาคมพิจารณาโครงการที่จะบรรจุในแผน
# เมื่อวันที่ …").
_TO_COME = re.compile(r"จะ(?:จัด|มี|ดำเนิน|ประชุม|เข้า|ได้|เริ่ม|ประกาศ|รายงาน|เผยแพร่|โพสต์)|(?<!ที่)จะ[ก-ฮเแโใไ]|เกษียณ"
                      r"|ครั้งต่อไป|ครั้งถัดไป|ขอเชิญ|กำหนด|คาดว่า|เป้าหมาย"
                      r"|ปรับปรุง|แก้ไขล่าสุด|ข้อมูลล่าสุด|อัปเดต|อัพเดท")
# An activity told as held without "เมื่อ", for an item of dated activities (forums, No Gift activities): a deed just
# before the day ("องค์การบริหารส่วนตำบลโคกสูง จัดประชุมประชาคมหมู่บ้าน ครบทั้ง ๑๒ หมู่บ้าน วันที่ ๒๐–๒๘ พฤษภาคม ๒๕๖๙",
# review57 a12) and, after it, the people counted or the meeting's results ("มีผู้เข้าร่วม ได้แก่ … รวม ๖๘๔ คน",
# "ผลการประชุม ที่ประชุมเห็นชอบ…"): done, on a page checked 15 May. Read on the lead and the follow with their spaces;
# not a deed to come ("จะจัด…", "กำหนดจัด…": `_TO_COME`), nor "คาดว่าจะมีผู้เข้าร่วมประมาณ ๑๐๐ คน".
_DEED_BEFORE = re.compile(r"(?:ได้)?จัด(?:ประชุม|กิจกรรม|โครงการ|อบรม|เวที|ประชาคม|สัมมนา|งาน)[^|]{0,50}$")
_DONE_AFTER = re.compile(r"(?<!จะ)(?<!จะ\s)มี\s?ผู้\s?เข้าร่วม(?:(?!ประมาณ|คาด|เป้าหมาย|จะ)[^|]){0,80}?\d[\d,]*\s?คน"
                         r"|ผลการประชุม|ที่ประชุม(?:มีมติ|เห็นชอบ)")
# A month heading of a month-by-month list: "ประจำเดือนกุมภาพันธ์ ๒๕๖๙", "เดือน ก.พ. ๖๙" opening a cell.
_MONTH_HEADING = re.compile(r"(?:ประจำ\s?เดือน|(?:^|\|)\s?เดือน)\s?$")
# …not one said to be still to come ("ประจำเดือนกุมภาพันธ์ ๒๕๖๙ (อยู่ระหว่างรวบรวม)")
_MONTH_PENDING = re.compile(r"อยู่ระหว่าง|จะ|ยังไม่|รอ")
# "15/10/2568", "3 ธ.ค. 67", "วันที่ 15 ธันวาคม 2568": a day, not a month alone
_DAY_WRITTEN = re.compile(r"(?:วันที่\s?)?\d{1,2}\s?(?:[/.-]|[ก-๙])")
_LEAD = 30  # characters before the mention read for its words


def _before(x: Placed) -> str:
    """The words before the mention, spaces removed, with the mention's own leading "วันที่"."""
    text = x.lead[-_LEAD:].replace(" ", "")
    return text + ("วันที่" if x.mention.text.startswith("วันที่") else "")


def _day(x: Placed) -> date | None:
    m = x.mention
    if m.kind not in (MentionKind.DATE, MentionKind.CE) or m.date is None:
        return None
    return m.date


def _asserted(x: Placed, events: bool = False) -> str | None:
    """What the day is of, when the document asserts it as a day past: "issued" or "held"; None otherwise.
    `events`: the item's activities are dated (`_DEED_BEFORE`, `_DONE_AFTER` read too)."""
    before = _before(x)
    if _TO_COME.search(before):
        return None
    issued = _ISSUED.search(before)
    bare = issued is not None and issued.group("when") is None and "ณ" not in issued.group() \
        and issued.group().startswith(("โพสต์", "เผยแพร่", "ประกาศ"))
    if issued is not None and not (bare and _STEP.search(x.lead)):
        return "issued"
    if issued is None and x.mention.text.startswith("วันที่") and _SIGNED.search(x.lead):
        return "issued"
    m = _PAST.search(before)
    if m is not None and _NOT_PAST.search(before[max(0, m.start() - 12):m.end()]) is None \
            and _DAY_WRITTEN.match(x.mention.text):
        return "held"
    if events and m is None and (deed := _DEED_BEFORE.search(x.lead)) is not None \
            and _TO_COME.search(deed.group().replace(" ", "")) is None and _DONE_AFTER.search(x.follow) is not None:
        return "held"
    return None


def _month_after(x: Placed, rows: Sequence[date], as_of: date, after: date) -> bool:
    """A month heading ("ประจำเดือนกุมภาพันธ์ ๒๕๖๙") of a month after `as_of`'s, with rows dated in it after `after`."""
    d = _day(x)
    if d is None or _DAY_WRITTEN.match(x.mention.text) or _MONTH_HEADING.search(x.lead[-12:]) is None:
        return False
    if (d.year, d.month) <= (as_of.year, as_of.month) or _MONTH_PENDING.search(x.follow[:40].replace(" ", "")):
        return False
    return any((r.year, r.month) == (d.year, d.month) and r > after for r in rows)


def dated_after_check(located: Sequence[Placed], as_of: date | None, *, monthly: bool = False,
                      told: Collection[str] = (), events: bool = False) -> list[Reason]:
    """[`dated_after_check`] (review) when a document's own date (see the module) falls more than `GRACE_DAYS` after
    `as_of`, the day of the check; [] without a day or when none does. `monthly`: the item goes month by month
    (its month headings count). `told`: months ("2026-06") another reason names already (`months_missing`): a date
    in one of them is not told again. `events`: the item's activities are dated (O19, O20): an activity told as
    held without "เมื่อ" counts (`_DEED_BEFORE`)."""
    if as_of is None:
        return []
    after = as_of + timedelta(days=GRACE_DAYS)
    late: list[tuple[date, Placed]] = []
    rows = [d for x in located if (d := _day(x)) is not None and _DAY_WRITTEN.match(x.mention.text)]
    for x in located:
        d = _day(x)
        if d is not None and d.strftime("%Y-%m") not in told and ((d > after and _asserted(x, events) is not None)
                              or (monthly and _month_after(x, rows, as_of, after))):
            late.append((d, x))
    if not late:
        return []
    first_day = min(d for d, _ in late)
    return [reasons.make("dated_after_check", dated=thai_date(first_day), dated_en=first_day.isoformat(),
                        day=thai_date(as_of), day_en=as_of.isoformat(),
                        evidence=tuple(dict.fromkeys(x.evidence for _, x in sorted(late, key=lambda p: p[0])))[:3])]
