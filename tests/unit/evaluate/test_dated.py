"""A document's own dates after the day of the check (`dated_after_check`, review; evaluate/dated.py): signed,
announced, reported or told as done on a day that has not come (review54) — not a plan's timeframe, a day to come,
an invitation, a contract's end."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
from oit_checker.evaluate.dated import GRACE_DAYS, dated_after_check
from oit_checker.evaluate.item import DocumentCache, evaluate_item
from oit_checker.extract.html import extract_html
from oit_checker.model import Fetched, Finding, Retrieved, Status, UrlTrail
from tests.support.evaluate import HOME, finding_from_files

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review54"
KHOKSUNG = "องค์การบริหารส่วนตำบลโคกสูง"
URL = f"{HOME}news/1.html"


def _page(body: str) -> str:
    return f"<html><head><title>{KHOKSUNG}</title></head><body><main>{body}</main></body></html>"


def _late(body: str, as_of: date | None, *, monthly: bool = False) -> list[str]:
    """The quotes of `dated_after_check` for the page `body` checked on `as_of`."""
    doc = extract_html(_page(body).encode(), URL, "utf-8")
    cache = DocumentCache()
    got = dated_after_check(cache.mentions(cache.readable(doc)), as_of, monthly=monthly)
    return [e.snippet for r in got for e in r.evidence]


def _finding(item_id: str, body: str, as_of: date | None) -> Finding:
    doc = extract_html(_page(body).encode(), URL, "utf-8")
    fetched = Fetched(url=URL, final_url=URL, status=200, content_type="text/html")
    item = load_catalogue(catalogue_path_for(2569)).item(item_id)
    return evaluate_item(item, [UrlTrail(submitted=URL, retrieved=(Retrieved(fetched=fetched, document=doc),))],
                         2569, home=HOME, agency=KHOKSUNG, as_of=as_of)


DECLARATION = ("<h1>ประกาศองค์การบริหารส่วนตำบลโคกสูง เรื่อง ประกาศเจตนารมณ์นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการ"
               "ปฏิบัติหน้าที่ (No Gift Policy) ประจำปีงบประมาณ พ.ศ. ๒๕๖๙</h1>"
               "<p>ข้าพเจ้า นายประสิทธิ์ แก้วมณี นายกองค์การบริหารส่วนตำบลโคกสูง ขอประกาศเจตนารมณ์ว่าจะไม่รับของขวัญ ของกำนัล"
               " หรือประโยชน์อื่นใด จากการปฏิบัติหน้าที่</p><p>ประกาศ ณ วันที่ ๒๐ มีนาคม ๒๕๖๙</p>"
               "<p>(นายประสิทธิ์ แก้วมณี) นายกองค์การบริหารส่วนตำบลโคกสูง</p>")


@pytest.mark.parametrize(("body", "late"), [
    # signed, reported, posted, held, met: after the day (review54 d02, b02, f02, c02, i02)
    ("<p>ประกาศ ณ วันที่ ๒๐ มีนาคม ๒๕๖๙</p>", True),
    ("<p>รายงาน ณ วันที่ ๑๕ เมษายน ๒๕๖๙</p>", True),
    ("<p>สั่ง ณ วันที่ ๑ เมษายน พ.ศ. ๒๕๖๙</p>", True),
    ("<p>ตามหนังสือจังหวัดขอนแก่น ที่ ขก ๐๐๒๓.๓/ว ๑๒๓ ลงวันที่ ๕ เมษายน ๒๕๖๙</p>", True),
    ("<p>เมื่อวันที่ ๑๕ มิถุนายน ๒๕๖๙ องค์การบริหารส่วนตำบลโคกสูง จัดเวทีประชาคมหมู่บ้าน มีผู้เข้าร่วม ๘๕ คน</p>", True),
    ("<p>คณะทำงานได้ประชุมเมื่อวันที่ ๘ เมษายน ๒๕๖๙ เพื่อระบุความเสี่ยงการทุจริต</p>", True),
    ("<p>ปลัด อบต. ติดตามผลและรายงานนายก อบต. ดำเนินการไปแล้วเมื่อวันที่ ๓๑ มีนาคม ๒๕๖๙</p>", True),
    ("<p>รายงาน ณ วันที่ ๑๐ มีนาคม ๒๕๖๙</p>", True),  # eight days after
    # before the day, or within the grace of an announcement prepared for its day
    ("<p>ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๘</p>", False),
    ("<p>เมื่อวันที่ ๒๘ กุมภาพันธ์ ๒๕๖๙ องค์การบริหารส่วนตำบลโคกสูง จัดเวทีประชาคม</p>", False),
    ("<p>ประกาศ ณ วันที่ ๕ มีนาคม ๒๕๖๙</p>", False),
    # a plan's timeframe and schedule, a day to come, an invitation, a deadline, a contract's end, a validity
    ("<p>ที่ | โครงการ | งบประมาณ (บาท) | ระยะเวลาดำเนินการ</p><p>๑ | ขุดลอกหนองสาธารณะ | ๔๘๖,๐๐๐ | ก.พ.–พ.ค. ๖๙</p>"
     "<p>๒ | ส่งเสริมอาชีพกลุ่มสตรีทอผ้าไหม | ๕๐,๐๐๐ | มิ.ย. ๖๙</p>", False),
    ("<p>องค์การบริหารส่วนตำบลโคกสูง จะจัดเวทีประชาคมหมู่บ้าน ในวันที่ ๑๐ เมษายน ๒๕๖๙ ณ ศาลาประชาคม</p>", False),
    ("<p>ขอเชิญประชาชนทุกท่านเข้าร่วมเวทีประชาคมหมู่บ้าน ในวันที่ ๑๐ เมษายน ๒๕๖๙ เวลา ๐๙.๐๐ น.</p>", False),
    ("<p>กำหนดจัดกิจกรรมวันที่ ๒๐ พฤษภาคม ๒๕๖๙</p>", False),
    ("<p>ให้ส่งรายงานภายในวันที่ ๓๐ เมษายน ๒๕๖๙</p>", False),
    ("<p>ดำเนินการตั้งแต่วันที่ ๑ เมษายน ๒๕๖๙ ถึงวันที่ ๓๐ กันยายน ๒๕๖๙</p>", False),
    ("<p>เลขที่สัญญา ๑๒/๒๕๖๙ | สิ้นสุดสัญญา ๓๐ ก.ย. ๖๙</p><p>สัญญาสิ้นสุดเมื่อวันที่ ๓๐ กันยายน ๒๕๖๙</p>", False),
    ("<p>ประกาศนี้ใช้บังคับจนถึงวันที่ ๓๐ กันยายน ๒๕๖๙</p>", False),
])
def test_which_dates_are_the_documents_own(body: str, late: bool) -> None:
    assert bool(_late(body, date(2026, 3, 2))) is late, body


def test_without_a_day_of_the_check_nothing_is_read() -> None:
    assert _late("<p>ประกาศ ณ วันที่ ๒๐ มีนาคม ๒๕๖๙</p>", None) == []


def test_the_grace_is_three_days() -> None:
    body = "<p>รายงาน ณ วันที่ ๒๐ พฤศจิกายน ๒๕๖๘</p>"  # review54 h05: checked 10 November, 10 days before
    assert GRACE_DAYS == 3
    assert _late(body, date(2025, 11, 10)) != []
    assert _late(body, date(2025, 11, 17)) == []  # three days before: an announcement prepared for its day
    assert _late(body, date(2025, 11, 16)) != []


MONTHS = ("<p>สรุปผลการจัดซื้อจัดจ้าง ประจำเดือน{month}</p><p>ที่ | ชื่อโครงการ | ราคาที่ตกลงซื้อหรือจ้าง (บาท) |"
          " ผู้ได้รับการคัดเลือก | วันที่ลงนาม</p><p>๑ | จัดซื้อวัสดุสำนักงาน | ๑๒,๓๐๐ | ร้านโคกสูงเครื่องเขียน | {row}</p>")


def test_a_month_heading_after_the_days_month_counts_with_rows_dated_in_it() -> None:
    # review54 a06: purchases signed "๑๒ ก.พ. ๖๙" under "ประจำเดือนกุมภาพันธ์ ๒๕๖๙" on a page checked 20 January
    feb = MONTHS.format(month="กุมภาพันธ์ ๒๕๖๙", row="๑๒ ก.พ. ๖๙")
    assert _late(feb, date(2026, 1, 20), monthly=True)
    assert not _late(feb, date(2026, 1, 20))  # another item: a row's date may be any column's (a contract's end)
    assert not _late(feb, date(2026, 3, 2), monthly=True)
    # a template's month still to come, without rows of its own: no purchase is said to be done
    empty = MONTHS.format(month="กุมภาพันธ์ ๒๕๖๙", row="-") + MONTHS.format(month="มกราคม ๒๕๖๙", row="๕ ม.ค. ๖๙")
    assert not _late(empty, date(2026, 1, 20), monthly=True)


def test_the_reason_quotes_the_date_and_the_day() -> None:
    f = _finding("O20", DECLARATION, date(2026, 3, 2))
    [late] = [r for r in f.reasons if r.code == "dated_after_check"]
    assert late.severity is Status.REVIEW  # (the page lacks the culture activity: a fail for that)
    assert "20 มี.ค. 2569" in late.message_th and "2 มี.ค. 2569" in late.message_th
    assert "2026-03-20" in late.message_en and "2026-03-02" in late.message_en
    assert "ประกาศ ณ วันที่ 20 มีนาคม 2569" in late.evidence[0].snippet
    assert "dated_after_check" not in {r.code for r in _finding("O20", DECLARATION, date(2026, 3, 25)).reasons}
    assert "dated_after_check" not in {r.code for r in _finding("O20", DECLARATION, None).reasons}


# review54's documents dated after their day of the check (fixtures/pages/review54/README.md)
LATE = [
    ("a06_fail_o11_rows_after_day_jan20.html", "O11", date(2026, 1, 20)),
    ("b02_fail_o7_fy2568_signed_dec_nov10.pdf", "O7", date(2025, 11, 10)),
    ("c02_fail_o19_forum_june_apr30.html", "O19", date(2026, 4, 30)),
    ("d02_fail_o20_decl_future_mar02.html", "O20", date(2026, 3, 2)),
    ("e02_fail_o6_plan2569_announced_dec_nov10.html", "O6", date(2025, 11, 10)),
    ("f02_fail_o21_meeting_future_nov10.html", "O21", date(2025, 11, 10)),
    ("i02_fail_o25_results_future_jan20.html", "O25", date(2026, 1, 20)),
    ("j02_fail_o15_promotion_future_jan20.html", "O15", date(2026, 1, 20)),
]


@pytest.mark.parametrize(("name", "item", "day"), LATE, ids=[c[0] for c in LATE])
def test_the_fifty_fourth_reviewers_documents_dated_after_the_day(name: str, item: str, day: date) -> None:
    f = finding_from_files(item, [PAGES / name], 2569, agency=KHOKSUNG, as_of=day)
    assert (f.status, {r.code for r in f.reasons if r.severity is not Status.PASS}) == (
        Status.REVIEW, {"dated_after_check"})


def test_a_month_another_reason_names_is_not_told_again() -> None:
    # review49 b23: only "ประจำเดือนมิถุนายน ๒๕๖๙" signed "๓๐ มิถุนายน ๒๕๖๙", checked 15 May: `months_missing` names June
    doc = extract_html(_page("<p>ประกาศ ณ วันที่ ๓๐ มิถุนายน ๒๕๖๙</p>").encode(), URL, "utf-8")
    cache = DocumentCache()
    located = cache.mentions(cache.readable(doc))
    assert dated_after_check(located, date(2026, 5, 15), told={"2026-06"}) == []
    assert dated_after_check(located, date(2026, 5, 15), told={"2026-05"}) != []


def _late_events(body: str, as_of: date) -> list[str]:
    """`_late` for an item of dated activities (O19, O20)."""
    doc = extract_html(_page(body).encode(), URL, "utf-8")
    cache = DocumentCache()
    got = dated_after_check(cache.mentions(cache.readable(doc)), as_of, events=True)
    return [e.snippet for r in got for e in r.evidence]


@pytest.mark.parametrize(("body", "late"), [
    # a retirement to come, a step of a plan's schedule (review57 a06, a07)
    ("<p>นายสมศักดิ์ ใจดี ตำแหน่งนักพัฒนาชุมชน ซึ่งจะเกษียณอายุราชการ เมื่อวันที่ ๓๐ กันยายน ๒๕๖๙</p>", False),
    ("<p>ขั้นตอนการดำเนินการ ๑) ประชุมคณะทำงาน วันที่ ๒๐ พฤศจิกายน ๒๕๖๘ ๒) ติดตามผลรอบ ๖ เดือน วันที่ ๓๑ มีนาคม ๒๕๖๙ "
     "๓) สรุปผลการดำเนินการตามมาตรการและรายงานผลเผยแพร่ วันที่ ๓๐ กันยายน ๒๕๖๙ ทางเว็บไซต์</p>", False),
    ("<p>เผยแพร่ วันที่ ๒๐ มิถุนายน ๒๕๖๙</p>", True),  # the page's own posting line
    # the day under a signature (review57 a10)
    ("<p>(ลงชื่อ) มานพ ศรีงาม ผู้รายงาน</p><p>(นายมานพ ศรีงาม)</p><p>หัวหน้าสำนักปลัด</p><p>วันที่ ๒๒ มิถุนายน ๒๕๖๙</p>",
     True),
])
def test_a_day_to_come_a_schedules_step_and_a_signing_day(body: str, late: bool) -> None:
    assert bool(_late(body, date(2026, 5, 15))) is late, body


@pytest.mark.parametrize(("body", "late"), [
    # a forum told as held, with its people counted and results, without "เมื่อ" (review57 a12)
    ("<p>องค์การบริหารส่วนตำบลโคกสูง จัดประชุมประชาคมหมู่บ้าน ครบทั้ง ๑๒ หมู่บ้าน วันที่ ๒๐–๒๘ พฤษภาคม ๒๕๖๙ ณ ศาลากลางบ้าน "
     "มีผู้เข้าร่วม ได้แก่ ผู้ใหญ่บ้าน อสม. และประชาชน รวม ๖๘๔ คน</p><p>ผลการประชุม ที่ประชุมเห็นชอบโครงการ ๔๖ โครงการ</p>", True),
    # …not one to come, nor the next meeting (review57 a02)
    ("<p>องค์การบริหารส่วนตำบลโคกสูง กำหนดจัดประชุมประชาคมหมู่บ้าน วันที่ ๒๐ พฤษภาคม ๒๕๖๙ คาดว่าจะมีผู้เข้าร่วมประมาณ "
     "๑๐๐ คน</p>", False),
    ("<p>ผลการประชุม ที่ประชุมเห็นชอบ ๑๘ โครงการ</p><p>นัดประชุมติดตามผลครั้งถัดไป วันที่ ๑๐ มิถุนายน ๒๕๖๙ เวลา ๐๙.๐๐ น."
     "</p>", False),
])
def test_an_activity_told_as_held_for_an_item_of_dated_activities(body: str, late: bool) -> None:
    assert bool(_late_events(body, date(2026, 5, 15))) is late, body
