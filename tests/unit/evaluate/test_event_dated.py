"""An activity's own date decides its fiscal year (`event_dated`, O20): a forum held last June and posted in October
is last year's, whatever budget it discussed (`activity_date_earlier`, review)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.evaluate import finding_from_html

ROOT = Path(__file__).resolve().parents[3]
# The seventh trial's post: "โพสต์เมื่อ 3 ตุลาคม 2567" over "เมื่อวันที่ 21 มิถุนายน 2567 … จัดประชุมประชาคม… ต่อโครงการในร่าง
# ข้อบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2568".
POST = (ROOT / "fixtures" / "assessor_trial" / "seventh" / "site" / "news" / "forum-2567-06.html").read_text("utf-8")
URL = "https://www.nongbua.go.th/news/forum.html"


def _codes(html: str, year: int = 2568) -> tuple[str, set[str]]:
    f = finding_from_html("O20", html, URL, year)
    return f.status.value, {r.code for r in f.reasons}


def test_a_forum_held_before_the_fiscal_year_and_posted_in_it_is_asked_about() -> None:
    f = finding_from_html("O20", POST, URL, 2568)
    reason = next(r for r in f.reasons if r.code == "activity_date_earlier")
    assert (f.status.value, reason.detail["found"], reason.detail["expected"]) == ("review", "2567", "2568")
    assert "เมื่อวันที่ 21 มิถุนายน 2567" in reason.evidence[0].snippet


@pytest.mark.parametrize(("why", "old", "new"), [
    ("held in the fiscal year", "เมื่อวันที่ 21 มิถุนายน 2567", "เมื่อวันที่ 21 พฤศจิกายน 2567"),
    ("the day written without เมื่อ: no activity's date is read", "เมื่อวันที่ 21 มิถุนายน 2567", "องค์การบริหารส่วนจังหวัด"),
    ("a second session in the fiscal year", "มีผู้เข้าร่วม 320 คน",
     "มีผู้เข้าร่วม 320 คน และจัดครั้งที่สองในวันที่ 15 พฤศจิกายน 2567"),
    ("the day with its weekday, in the fiscal year", "เมื่อวันที่ 21 มิถุนายน 2567",
     "สืบเนื่องจากการประชุมเมื่อวันที่ 20 กันยายน 2567 ได้จัดประชุมอีกครั้งเมื่อวันพุธที่ 6 พฤศจิกายน 2567"),
    ("a deadline is no activity's day", "เมื่อวันที่ 21 มิถุนายน 2567",
     "ผู้สนใจส่งความเห็นมาก่อนแล้วภายในวันที่ 30 กันยายน 2567 และ"),
])
def test_no_question_when_an_activity_is_of_the_fiscal_year_or_undated(why: str, old: str, new: str) -> None:
    assert old in POST
    status, codes = _codes(POST.replace(old, new))
    assert (status, "activity_date_earlier" in codes) == ("pass", False), why


def test_the_posting_date_is_not_the_activity_s() -> None:
    # Posted "เมื่อวันที่" a day of FY 2567, the activity's own day not written: no activity's date is read.
    html = POST.replace("เมื่อวันที่ 21 มิถุนายน 2567", "องค์การบริหารส่วนจังหวัด").replace(
        "โพสต์เมื่อ <time>3 ตุลาคม 2567</time>", "โพสต์เมื่อวันที่ <time>30 กันยายน 2567</time>")
    assert "30 กันยายน 2567" in html
    assert "activity_date_earlier" not in _codes(html)[1]
    # The same words as the activity's day are read: last year's.
    assert "activity_date_earlier" in _codes(html.replace("โพสต์เมื่อวันที่", "จัดประชุมเมื่อวันที่"))[1]


def test_only_items_whose_activity_dates_them() -> None:
    # O4 (news) is dated by its posts: the same post is last year's news or this year's by its own rule.
    f = finding_from_html("O4", POST, URL, 2568)
    assert "activity_date_earlier" not in {r.code for r in f.reasons}


def test_an_unrelated_citing_word_does_not_cancel_the_day() -> None:
    html = POST.replace("เมื่อวันที่ 21 มิถุนายน 2567", "ตามที่ระเบียบกำหนด เมื่อวันที่ 21 มิถุนายน 2567")
    assert "activity_date_earlier" in _codes(html)[1]


@pytest.mark.parametrize("earlier", ["ตามที่ได้ประชุมไปแล้ว เมื่อวันที่ 21 มิถุนายน 2567",
                                     "ต่อเนื่องจากการประชุมที่ผ่านมา เมื่อวันที่ 21 มิถุนายน 2567"])
def test_an_earlier_meeting_the_forum_follows(earlier: str) -> None:
    html = POST.replace("เมื่อวันที่ 21 มิถุนายน 2567", earlier + " บัดนี้ วันที่ 15 พฤศจิกายน 2567")
    assert "activity_date_earlier" not in _codes(html)[1]


@pytest.mark.parametrize("own", ["ได้จัดประชุมประชาคมไปแล้ว เมื่อวันที่ 21 มิถุนายน 2567",
                                 "ในปีงบประมาณที่ผ่านมา เมื่อวันที่ 21 มิถุนายน 2567"])
def test_the_post_s_own_forum_told_in_the_past(own: str) -> None:
    # a fourth review's cases: "ไปแล้ว", "ที่ผ่านมา" alone do not make the forum another, earlier meeting
    assert "activity_date_earlier" in _codes(POST.replace("เมื่อวันที่ 21 มิถุนายน 2567", own))[1]


# The ninth trial's forum (ITA 2569): held "เมื่อวันพฤหัสบดีที่ ๑๙ กุมภาพันธ์ ๒๕๖๙", it sends a project to next year's
# budget ("…เพื่อตั้งงบประมาณปี ๒๕๗๐"); the day it was held says its year, not the budget it prepares.
FORUM = (ROOT / "fixtures" / "assessor_trial" / "ninth" / "site" / "news" / "219.html").read_text("utf-8")


def test_the_day_a_forum_was_held_decides_before_the_budget_year_it_prepares() -> None:
    f = finding_from_html("O19", FORUM, URL, 2569)
    assert f.status.value == "pass", f.reasons
    [year] = [r for r in f.found if r.code == "fiscal_year_found"]
    assert year.detail["kind"] == "event" and "19 กุมภาพันธ์ 2569" in year.evidence[0].snippet
    [results] = [r for r in f.found if r.detail.get("component") == "participation_results"]
    assert "มติที่ประชุม" in results.evidence[0].snippet  # the forum's resolutions are its results
    # Held a year earlier, the same forum is last year's (the budget year it names does not make it this year's).
    earlier = FORUM.replace("๑๙ กุมภาพันธ์ ๒๕๖๙", "๑๙ กุมภาพันธ์ ๒๕๖๘")
    assert finding_from_html("O19", earlier, URL, 2569).status.value != "pass"


REPORT_2568 = ("<h1>สรุปผลการจัดเวทีประชาคม ประจำปีงบประมาณ พ.ศ. 2568</h1><p>เมื่อวันที่ 20 มีนาคม 2568 เทศบาลจัดเวที"
               "ประชาคมรับฟังความคิดเห็นของประชาชน ผู้เข้าร่วม 80 คน มติที่ประชุม เห็นชอบโครงการขุดลอกคลอง</p>{extra}")


@pytest.mark.parametrize("extra", [
    "<p>เทศบาลจะจัดเวทีประชาคมครั้งต่อไปในวันที่ 20 พฤศจิกายน 2568</p>",  # a forum to come
    "<p>สำนักปลัดได้เสนอรายงานนี้ต่อนายกเทศมนตรีเมื่อวันที่ 10 ตุลาคม 2568</p>",  # the report's submission
    "<p>ปรับปรุงข้อมูลล่าสุดเมื่อวันที่ 3 พฤศจิกายน 2568</p>",  # the page's edit
])
def test_last_years_report_naming_a_later_day_stays_last_years(extra: str) -> None:
    """A reviewer's cases: a day in the year decides only over later years the text names, never over the
    report's own earlier year."""
    f = finding_from_html("O19", REPORT_2568.format(extra=extra), URL, 2569)
    assert f.status.value == "fail" and "stale_fiscal_year" in {r.code for r in f.reasons}, f.reasons


def test_an_invitation_citing_a_resolution_is_no_forum_held() -> None:
    html = ("<h1>ขอเชิญร่วมเวทีประชาคมหมู่บ้าน</h1><p>ตามมติที่ประชุมคณะผู้บริหาร เทศบาลจะจัดเวทีประชาคมรับฟังความคิดเห็น"
            "ของประชาชนในวันที่ 5 มีนาคม 2569 ณ ศาลาประชาคม เพื่อให้ที่ประชุมมีมติเรื่องโครงการประปา จึงขอเชิญประชาชนเข้าร่วม</p>")
    f = finding_from_html("O19", html, URL, 2569)
    assert f.status.value != "pass", f.reasons


@pytest.mark.parametrize("lead", ["จัดประชุมคัดเลือกโครงการที่จะบรรจุในแผน เมื่อวันที่ 21 มิถุนายน 2567",
                                  "การประชุมประชาคมท้องถิ่นครั้งล่าสุด เมื่อวันที่ 21 มิถุนายน 2567"])
def test_a_past_forum_led_by_words_of_the_future_is_still_asked_about(lead: str) -> None:
    """A second reviewer's cases: "ที่จะบรรจุ…", "ครั้งล่าสุด" before last year's day hid it; it is still read."""
    status, codes = _codes(POST.replace("เมื่อวันที่ 21 มิถุนายน 2567", lead))
    assert (status, "activity_date_earlier" in codes) == ("review", True)


def test_two_forums_one_in_the_year_under_a_heading_without_one() -> None:
    """An earlier forum beside this year's: the days do not decide (last year's report naming its submission day
    looks the same), the years the text names do; "…งบประมาณ พ.ศ. 2570" alone is for a person, never a fail."""
    html = ("<h1>การเปิดโอกาสให้ประชาชนมีส่วนร่วม</h1><p>ครั้งที่ 1 เมื่อวันที่ 20 มิถุนายน 2568 เทศบาลจัดเวทีประชาคม "
            "ประชาชนเข้าร่วม 80 คน มติที่ประชุม เห็นชอบ</p><p>ครั้งที่ 2 เมื่อวันที่ 19 กุมภาพันธ์ 2569 จัดเวทีประชาคม"
            "รับฟังความคิดเห็น ผู้ใหญ่บ้านและประชาชน 90 คน มติที่ประชุม เห็นชอบโครงการ เพื่อบรรจุในข้อบัญญัติงบประมาณ"
            "รายจ่ายประจำปีงบประมาณ พ.ศ. 2570</p>")
    f = finding_from_html("O19", html, URL, 2569)
    assert f.status.value == "review" and "fiscal_year_mismatch" in {r.code for r in f.reasons}, f.reasons


def test_a_forum_held_in_the_year_may_report_last_years_results() -> None:
    html = ("<h1>การเปิดโอกาสให้ประชาชนมีส่วนร่วม</h1><p>เมื่อวันที่ 19 กุมภาพันธ์ 2569 เทศบาลจัดเวทีประชาคมรับฟังความคิดเห็น"
            " ผู้ใหญ่บ้านและประชาชนเข้าร่วม 90 คน มติที่ประชุม เห็นชอบโครงการ</p><p>รายละเอียดการประชุม</p>"
            "<p>นอกจากนี้ได้รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2568 ให้ที่ประชุมทราบ</p>")
    assert finding_from_html("O19", html, URL, 2569).status.value == "pass"



# review36 g07: a forum's report gives its day, its place and the people who came, and its resolution names the budget
# year it prepares ("…บรรจุในข้อบัญญัติงบประมาณ ปี ๗๐"): the day held decides, not the year the budget is for.
G07 = ("<h1>ผลการจัดประชาคมตำบลโคกสูง ครั้งที่ ๑/๒๕๖๙</h1><p>วันที่ ๑๒ ก.พ. ๖๙ ณ หอประชุม อบต. {came} (กำนัน ผู้ใหญ่บ้าน"
       " ๑๒ หมู่ อสม. และชาวบ้าน)</p><p>ประเด็นที่ชาวบ้านเสนอ : ถนนลูกรังหมู่ ๔ ชำรุด น้ำไม่พอใช้หน้าแล้ง</p><p>มติที่ประชุม :"
       " เห็นชอบบรรจุ ๗ โครงการในแผนพัฒนาท้องถิ่น (เพิ่มเติม) และให้ อบต. นำเรื่องน้ำบรรจุในข้อบัญญัติงบประมาณ ปี ๗๐</p>")


@pytest.mark.parametrize(("came", "status"), [
    ("มีผู้เข้าร่วม ๙๘ คน", "pass"),
    ("จะมีผู้เข้าร่วม ๙๘ คน", "review"),  # people to come: not the day held, the budget's year is asked about
])
def test_a_meeting_s_day_with_the_people_who_came(came: str, status: str) -> None:
    f = finding_from_html("O19", G07.format(came=came), URL, 2569)
    assert f.status.value == status, [r.code for r in f.reasons]

@pytest.mark.parametrize(("day", "earlier"), [
    # The day opens the news, its doer and what it did just after it (a thirteenth review's f14b: passed).
    ("วันที่ 21 มิถุนายน 2567", True),
    ("วันศุกร์ที่ 21 มิถุนายน 2567", True),
    ("วันพฤหัสบดีที่ 21 พฤศจิกายน 2567", False),  # held in the fiscal year
    ("ประกาศ ณ วันที่ 21 มิถุนายน 2567", False),  # a signing day
    ("ลงวันที่ 21 มิถุนายน 2567", False),
])
def test_a_day_that_opens_the_news_of_the_activity(day: str, earlier: bool) -> None:
    html = POST.replace("เมื่อวันที่ 21 มิถุนายน 2567", day)
    status, codes = _codes(html)
    assert ("activity_date_earlier" in codes) is earlier, (day, status, codes)
    if not earlier:
        assert status == "pass"


def test_a_day_before_what_is_to_come_is_not_the_day_held() -> None:
    html = POST.replace("เมื่อวันที่ 21 มิถุนายน 2567 องค์การบริหารส่วนจังหวัดสกลนคร จัดประชุม",
                        "วันที่ 21 มิถุนายน 2567 องค์การบริหารส่วนจังหวัดสกลนคร จะจัดประชุม")
    assert "จะจัดประชุม" in html
    assert "activity_date_earlier" not in _codes(html)[1]


# review19 g01: a No Gift page whose only activity is told as the past year's, with no day ("ในปีงบประมาณที่ผ่านมาได้จัด
# กิจกรรมรณรงค์…"); the same page telling this year's activity as done as before is not asked about.
G01_FILE = ROOT / "fixtures" / "pages" / "review19" / "g01_fail_posting_day_then_last_year_activity.html"
G01 = G01_FILE.read_text("utf-8")
G01_WORDS = "ทั้งนี้ในปีงบประมาณที่ผ่านมาได้จัดกิจกรรมรณรงค์ให้บุคลากรถือปฏิบัติแล้ว"


@pytest.mark.parametrize(("words", "asked", "status"), [
    (G01_WORDS, True, "review"),
    ("ได้จัดกิจกรรมรณรงค์ให้บุคลากรถือปฏิบัติ เมื่อปีที่แล้ว", True, "review"),
    ("ในปีที่ผ่านมา องค์การบริหารส่วนตำบลโคกสูงได้จัดโครงการอบรมคุณธรรม", True, "review"),
    ("ได้จัดกิจกรรมรณรงค์ให้บุคลากรถือปฏิบัติ เช่นเดียวกับในปีที่ผ่านมา", False, "pass"),
    ("ได้จัดกิจกรรมรณรงค์ต่อเนื่องจากปีที่ผ่านมา", False, "pass"),
    # not asked about last year, but an activity only to come is none held: component_not_stated (review28 f02)
    ("ในปีงบประมาณที่ผ่านมาไม่มีการร้องเรียน และจะจัดกิจกรรมรณรงค์ในเดือนธันวาคม", False, "review"),
    ("ได้จัดกิจกรรมรณรงค์ให้บุคลากรถือปฏิบัติ เมื่อวันที่ 9 ธันวาคม 2568 ต่อจากในปีที่ผ่านมา", False, "pass"),
])
def test_an_undated_activity_told_as_the_past_years(words: str, asked: bool, status: str) -> None:
    assert G01_WORDS in G01
    f = finding_from_html("O20", G01.replace(G01_WORDS, words), URL, 2569)
    said = [r for r in f.reasons if r.code == "activity_said_earlier"]
    assert (f.status.value, bool(said)) == (status, asked), words
    if asked:
        assert said[0].detail["expected"] == "2569" and said[0].evidence[0].url == URL


def test_a_range_of_days_is_the_activity_s_day() -> None:
    # "ระหว่างวันที่ ๓ – ๑๔ มีนาคม ๒๕๖๘" under a FY 2569 heading: the forum's days are FY 2568's (review78 e03)
    html = POST.replace("เมื่อวันที่ 21 มิถุนายน 2567", "ระหว่างวันที่ ๓ – ๑๔ มิถุนายน ๒๕๖๗")
    assert "activity_date_earlier" in _codes(html)[1]
    assert "activity_date_earlier" not in _codes(html.replace("มิถุนายน ๒๕๖๗", "พฤศจิกายน ๒๕๖๗"))[1]
