"""Posts of another kind under the news item's name (`Component.posts_not`, evaluate/posts.py): a category
"ข่าวประชาสัมพันธ์" of procurement notices is for a person to look at (the seventh trial's b O4; an assessor fails
it), a news list with a few notices among its news is news, and a menu of procurement links is no post."""

from __future__ import annotations

import pytest

from oit_checker.catalogue.rules import load_catalogue
from oit_checker.evaluate.posts import other_posts
from oit_checker.model import Catalogue, Component, Status
from tests.support.paths import ROOT
from tests.unit.evaluate.test_fifth_trial_checks import _finding, _problems

NOTICES = [
    ("ประกาศ อบต.หนองบัว เรื่อง ประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ๓ ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์"
     " (e-bidding)", "๒๘ มีนาคม ๒๕๖๘"),
    ("ประกาศผู้ชนะการเสนอราคา จัดซื้อวัสดุการแพทย์ โดยวิธีเฉพาะเจาะจง", "๒๑ มีนาคม ๒๕๖๘"),
    ("เผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ (เพิ่มเติม ฉบับที่ ๓)", "๗ มีนาคม ๒๕๖๘"),
    ("ราคากลางงานก่อสร้างถนนลาดยาง สายบ้านนาแก้ว – บ้านโคกสี", "๑๙ กุมภาพันธ์ ๒๕๖๘"),
]
NEWS = [
    ("อบต.หนองบัว มอบถุงยังชีพแก่ผู้ประสบอุทกภัย หมู่ที่ ๕", "๑๔ มีนาคม ๒๕๖๘",
     "นายก อบต. พร้อมด้วยเจ้าหน้าที่ลงพื้นที่มอบถุงยังชีพ ๑๒๐ ชุด"),
    ("โครงการอบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน ประจำปี ๒๕๖๘", "๒๗ กุมภาพันธ์ ๒๕๖๘",
     "มีผู้เข้ารับการอบรม ๔๕ คน ณ ห้องประชุม อบต."),
    ("ออกหน่วยบริการเคลื่อนที่ อบต.เพื่อประชาชน", "๕ กุมภาพันธ์ ๒๕๖๘",
     "ให้บริการตรวจสุขภาพ ตัดผม และรับเรื่องราวร้องทุกข์"),
    ("กิจกรรมวันเด็กแห่งชาติ ประจำปี ๒๕๖๘", "๑๑ มกราคม ๒๕๖๘", "เด็กและเยาวชนร่วมกิจกรรมกว่า ๓๐๐ คน"),
]
HEAD = "<h1>หมวดหมู่: ข่าวประชาสัมพันธ์</h1>"


def _post(title: str, day: str, excerpt: str = "") -> str:
    return (f"<h2>{title}</h2><p>โพสต์เมื่อ {day} โดย งานประชาสัมพันธ์ หมวดหมู่ ข่าวประชาสัมพันธ์</p>"
            + (f"<p>{excerpt}</p>" if excerpt else ""))


@pytest.fixture(scope="module")
def catalogues() -> dict[int, Catalogue]:
    return {year: load_catalogue(ROOT / "rules" / f"ita{year}.toml") for year in (2568, 2569)}


def _dated(cat: Catalogue) -> Component:
    return {c.id: c for c in cat.item("O4").components}["dated"]


@pytest.mark.parametrize("year", [2568, 2569])
def test_a_news_category_of_procurement_notices_is_for_a_person(year: int) -> None:
    f = _finding("O4", HEAD + "".join(_post(t, d) for t, d in NOTICES), year)
    # in FY 2569 the posts of FY 2568 are also stale (a fail); the notices are said either way
    assert f.status is (Status.REVIEW if year == 2568 else Status.FAIL), f.reasons
    reason = _problems(f)["posts_other_kind"]
    assert (reason.detail["posts"], reason.detail["notices"], reason.detail["lines"]) == (4, 4, 4)
    assert "ประกวดราคาจ้างก่อสร้างถนน" in reason.evidence[0].snippet and len(reason.evidence) == 3


def test_news_with_a_few_notices_among_it_is_news() -> None:
    posts = [_post(*NEWS[0]), _post(*NOTICES[0]), _post(*NEWS[1]), _post(*NOTICES[1]), _post(*NEWS[2]),
             _post(*NEWS[3])]
    f = _finding("O4", HEAD + "".join(posts))
    assert f.status is Status.PASS, f.reasons
    # half notices, half news, without excerpts: each notice's title is also beside a news post's date
    half = [_post(*NEWS[0][:2]), _post(*NOTICES[0]), _post(*NEWS[1][:2]), _post(*NOTICES[1]), _post(*NEWS[2][:2]),
            _post(*NOTICES[2])]
    assert "posts_other_kind" not in _problems(_finding("O4", HEAD + "".join(half)))


def test_a_menu_of_procurement_links_beside_the_news_is_no_post() -> None:
    menu = ("<ul><li>ประกาศจัดซื้อจัดจ้าง</li><li>ผลการจัดซื้อจัดจ้าง</li><li>ประกาศราคากลาง</li>"
            "<li>ประกาศประกวดราคา (e-bidding)</li><li>แผนการจัดซื้อจัดจ้าง</li></ul>")
    f = _finding("O4", menu + HEAD + "".join(_post(*p) for p in NEWS[:3]))
    assert f.status is Status.PASS, f.reasons


def test_posts_on_one_line_and_too_few_posts(catalogues: dict[int, Catalogue]) -> None:
    dated = _dated(catalogues[2568])
    one_line = "\n".join(f"{d} {t}" for t, d in NOTICES)
    got = other_posts(dated, [("https://x/", [(None, one_line)])])
    assert got is not None and (got.posts, got.other, got.lines) == (4, 4, 4)
    two = "\n".join(f"{t}\nโพสต์เมื่อ {d}" for t, d in NOTICES[:2])
    assert other_posts(dated, [("https://x/", [(None, two)])]) is None  # two posts say nothing of a list
    # a component without posts_not is never asked
    plain = Component(id="x", label_th="x", label_en="x", phrases=("ข่าว",))
    assert other_posts(plain, [("u", [(None, one_line)])]) is None


# A reviewer's layouts: the list's furniture around each notice ("อ่านต่อ", a view count, the same excerpt) is no
# post's words; one-line news with a box of notices, and a news page submitted beside a page of notices, are news.
def _cards(posts: list[tuple[str, str]], card: str) -> str:
    return HEAD + "".join(card.format(t=t, d=d) for t, d in posts)


@pytest.mark.parametrize("card", [
    "<article><h2>{t}</h2><div>โพสต์เมื่อ {d}</div><p><a>อ่านต่อ »</a></p></article>",
    "<div class='news-item'><div>{d}</div><div>{t}</div><div>เข้าชม 35 ครั้ง</div></div>",
    "<article><h2>{t}</h2><div>โพสต์เมื่อ {d}</div><p>รายละเอียดตามเอกสารแนบ</p></article>",
    "<p>{t} ({d})</p><p>อ่านต่อ</p>",
])
def test_a_lists_furniture_does_not_hide_its_notices(card: str) -> None:
    assert "posts_other_kind" in _problems(_finding("O4", _cards(NOTICES, card))), card


def test_one_line_news_beside_a_box_of_notices_is_news() -> None:
    news = "".join(f"<p>{d} {t} {e}</p>" for t, d, e in NEWS * 2)
    box = "<div class='box'><h3>ประกาศจัดซื้อจัดจ้าง</h3>" + "".join(f"<p>{t}</p><p>{d}</p>" for t, d in NOTICES[:3])
    f = _finding("O4", HEAD + news + box + "</div>")
    assert f.status is Status.PASS, f.reasons


def test_a_news_page_beside_a_page_of_notices_is_news(catalogues: dict[int, Catalogue]) -> None:
    dated = _dated(catalogues[2568])
    notices = "\n".join(f"{t}\nโพสต์เมื่อ {d}" for t, d in NOTICES)
    news = "\n".join(f"{t}\nโพสต์เมื่อ {d}\n{e}" for t, d, e in NEWS)
    for order in ([("a", notices), ("b", news)], [("b", news), ("a", notices)]):
        assert other_posts(dated, [(url, [(None, text)]) for url, text in order]) is None
    got = other_posts(dated, [("a", [(None, notices)])])
    assert got is not None and got.quotes[0].url == "a" and "ประกวดราคาจ้าง" in got.quotes[0].snippet


# Other bodies' notices passed on under "ข่าวประชาสัมพันธ์" (the ninth trial's b O4; an assessor fails it, medium).
RELAYED = [
    ("ประชาสัมพันธ์ สำนักงานสรรพากรพื้นที่ขอนแก่น เชิญชวนยื่นแบบภาษีเงินได้บุคคลธรรมดาผ่านอินเทอร์เน็ต", "๑๖ มีนาคม ๒๕๖๘",
     "ตามหนังสือสำนักงานสรรพากรพื้นที่ขอนแก่น ขอให้ผู้มีเงินได้ยื่นแบบ ภ.ง.ด.๙๐/๙๑ ภายในวันที่ ๘ เมษายน ๒๕๖๘"),
    ("ประชาสัมพันธ์ สัสดีอำเภอเมือง แจ้งกำหนดการตรวจเลือกทหารกองเกิน ประจำปี ๒๕๖๘", "๒ มีนาคม ๒๕๖๘",
     "สัสดีอำเภอเมืองแจ้งให้ชายที่เกิด พ.ศ. ๒๕๔๗ ไปรับการตรวจเลือกตามหมายเรียก"),
    ("ประชาสัมพันธ์ สำนักงานประกันสังคม เชิญชวนแรงงานนอกระบบสมัครประกันตนมาตรา ๔๐", "๒๑ มกราคม ๒๕๖๘",
     "สำนักงานประกันสังคมจังหวัดขอนแก่นเชิญชวนผู้ประกอบอาชีพอิสระสมัครเป็นผู้ประกันตน"),
    ("ประชาสัมพันธ์ กรมการปกครอง ชวนสมัครใช้งานแอปพลิเคชัน ThaID", "๓ พฤศจิกายน ๒๕๖๗",
     "กรมการปกครองขอเชิญชวนประชาชนยืนยันตัวตนผ่านแอปพลิเคชัน ThaID"),
]


def test_a_news_category_of_other_bodies_notices_is_for_a_person() -> None:
    f = _finding("O4", HEAD + "".join(_post(*p) for p in RELAYED))
    assert f.status is Status.REVIEW, f.reasons
    reason = _problems(f)["posts_relayed"]
    assert (reason.detail["posts"], reason.detail["notices"], reason.detail["lines"]) == (5, 8, 8)  # a date in a text
    assert reason.evidence[0].snippet.startswith("ประชาสัมพันธ์ สำนักงานสรรพากรพื้นที่ขอนแก่น")
    # relayed notices and procurement notices together are no news either; the larger kind is named
    mixed = _finding("O4", HEAD + "".join(_post(*p) for p in RELAYED[:2]) + "".join(_post(t, d) for t, d in NOTICES))
    assert {"posts_other_kind"} <= set(_problems(mixed)) and "posts_relayed" not in _problems(mixed)


def test_own_news_with_a_notice_passed_on_and_the_agencys_own_office_are_news() -> None:
    own = [(t, d, e) for t, d, e in NEWS] + [
        ("ประชาสัมพันธ์ สำนักงานเทศบาลตำบลหนองบัว ปิดทำการวันหยุดสงกรานต์", "๑๐ เมษายน ๒๕๖๘", "งดให้บริการ ๑๓–๑๕ เมษายน"),
        ("ประชาสัมพันธ์ การชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี ๒๕๖๘", "๓ มีนาคม ๒๕๖๘",
         "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น อบต.หนองบัว ออกหน่วยรับชำระภาษีทุกหมู่บ้าน")]
    posts = [_post(*own[0]), _post(*RELAYED[0]), *(_post(*p) for p in own[1:])]
    f = _finding("O4", HEAD + "".join(posts))
    assert f.status is Status.PASS, _problems(f)


@pytest.mark.parametrize("own", [
    # the agency's own projects and units, named as bodies are
    [("ประชาสัมพันธ์ สำนักงาน อบต.หนองบัว ปิดทำการวันหยุดสงกรานต์", "๑๐ เมษายน ๒๕๖๘", "งดให้บริการ ๑๓–๑๕ เมษายน")] * 2,
    [("ประชาสัมพันธ์ การประปาเทศบาลตำบลหนองบัว งดจ่ายน้ำประปา", "๔ มีนาคม ๒๕๖๘", "การประปาเทศบาลแจ้งงดจ่ายน้ำ ๘ ชั่วโมง")] * 2,
    [("ประชาสัมพันธ์ โรงพยาบาลส่งเสริมสุขภาพตำบลหนองบัว สังกัด อบจ.ขอนแก่น ฉีดวัคซีน", "๔ มีนาคม ๒๕๖๘",
      "รพ.สต.หนองบัว สังกัด อบจ.ขอนแก่น เชิญชวนผู้สูงอายุรับวัคซีน")] * 2,
    [("ประชาสัมพันธ์ ธนาคารขยะชุมชน รับซื้อขยะรีไซเคิล", "๔ มีนาคม ๒๕๖๘", "ธนาคารขยะ อบต.หนองบัว เปิดรับสมาชิกใหม่")] * 2,
])
def test_the_agencys_own_units_and_projects_are_not_other_bodies(own: list[tuple[str, str, str]]) -> None:
    f = _finding("O4", HEAD + "".join(_post(t, d, e) for t, d, e in own * 2))
    assert "posts_relayed" not in _problems(f), _problems(f)


def test_a_department_s_own_news_is_its_own(catalogues: dict[int, Catalogue]) -> None:
    posts = [("กรมประชาสัมพันธ์เชิญชวนประชาชนร่วมงานวันสื่อสารแห่งชาติ", "๔ สิงหาคม ๒๕๖๘"),
             ("กรมประชาสัมพันธ์แจ้งผลการประกวดสื่อสร้างสรรค์", "๒๐ กรกฎาคม ๒๕๖๘"),
             ("กรมประชาสัมพันธ์ขอเชิญร่วมอบรมนักประชาสัมพันธ์รุ่นที่ ๓", "๑ กรกฎาคม ๒๕๖๘")]
    pages = [(None, "\n".join(f"{t}\n{d}" for t, d in posts))]
    dated = _dated(catalogues[2568])
    assert other_posts(dated, [("https://www.prd.go.th/news", pages)]) is not None  # the body's own name, unknown
    assert other_posts(dated, [("https://www.prd.go.th/news", pages)], agency="กรมประชาสัมพันธ์") is None


def test_abbreviated_bodies_and_their_announcements_are_relayed(catalogues: dict[int, Catalogue]) -> None:
    dated = _dated(catalogues[2569])
    lines = ["ประกาศกรมอุตุนิยมวิทยา เรื่อง พายุฤดูร้อน", "กฟภ. แจ้งดับไฟเพื่อปรับปรุงระบบจำหน่าย",
             "ปภ.ขอนแก่น แจ้งเตือนภัยหนาว", "สัสดีอำเภอเมืองแจ้งให้ชายที่เกิด พ.ศ. ๒๕๔๗ ไปรับการตรวจเลือก"]
    assert all(any(rx.search(line) for rx in dated.posts_relayed) for line in lines)
    own = ["ประกาศสำนักงานเทศบาลตำบลหนองบัว เรื่อง รับสมัครพนักงานจ้าง", "ประชาสัมพันธ์ สำนักงาน อบต.หนองบัว ปิดทำการ",
           "งานประชาสัมพันธ์ สำนักงานปลัด", "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น อบต.หนองบัว ได้ขุดบ่อบาดาล"]
    assert not any(rx.search(line) for line in own for rx in dated.posts_relayed)


@pytest.mark.parametrize(("line", "relayed"), [
    ("ประชาสัมพันธ์ สำนักงานสรรพากรพื้นที่ขอนแก่น เชิญชวนให้ประชาชนในเขตเทศบาลทราบ", True),  # the LAO named in passing
    ("เทศบาลตำบลหนองบัว ขอประชาสัมพันธ์ข่าวสารจากสำนักงานสรรพากรพื้นที่ขอนแก่น", True),  # the agency relaying
    ("เทศบาลตำบลหนองบัวได้รับหนังสือจากสำนักงานประกันสังคม ขอประชาสัมพันธ์ให้ทราบ", True),
    ("ประชาสัมพันธ์ การประปาเทศบาลตำบลหนองบัว งดจ่ายน้ำ", False),  # a body the agency owns
    ("ประชาสัมพันธ์ โรงพยาบาลส่งเสริมสุขภาพตำบลหนองบัว สังกัด อบจ.ขอนแก่น", False),
    ("ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น อบต.หนองบัว ได้ขุดบ่อบาดาล", False),  # the agency acting
    ("[ประชาสัมพันธ์] สำนักงานสรรพากรพื้นที่ขอนแก่น เชิญชวนยื่นแบบ", True), ("ประชาสัมพันธ์ - กรมป่าไม้ แจ้งงดเผา", True),
    ("ประชาสัมพันธ์ข่าวสาร จากกรมป่าไม้", True),
    ("ขอความร่วมมือประชาชนงดเผา ตามที่ได้รับแจ้งจากสำนักงานทรัพยากรธรรมชาติจังหวัดขอนแก่น", True),
    ("ประชาสัมพันธ์ การไฟฟ้าส่วนภูมิภาค แจ้งดับไฟ ในเขตเทศบาลตำบลหนองบัว ได้แก่ หมู่ ๑-๕", True),
])
def test_whose_notice_a_line_passes_on(catalogues: dict[int, Catalogue], line: str, relayed: bool) -> None:
    for year in (2568, 2569):
        assert any(rx.search(line) for rx in _dated(catalogues[year]).posts_relayed) is relayed, (year, line)


def test_the_years_posts_weighed_when_enough(catalogues: dict[int, Catalogue]) -> None:
    # review34 d02: this year's posts are all procurement notices; last year's are the news
    dated = _dated(catalogues[2568])
    old_news = [(t.replace("๒๕๖๘", "๒๕๖๗"), d.replace("๒๕๖๘", "๒๕๖๗")) for t, d, _ in NEWS[:4]]
    text = "\n".join(f"{t}\nโพสต์เมื่อ {d}" for t, d in [*NOTICES, *old_news])
    assert other_posts(dated, [("https://x/", [(None, text)])]) is None  # the whole list: half news
    got = other_posts(dated, [("https://x/", [(None, text)])], year=2568)
    assert got is not None and got.other == 4 and got.lines == 5  # (the next title stands beside a notice's date)
    # too few posts of the year: the whole list is weighed, as without a year
    few = "\n".join(f"{t}\nโพสต์เมื่อ {d}" for t, d in [*NOTICES[:2], *old_news])
    assert other_posts(dated, [("https://x/", [(None, few)])], year=2568) is None


def test_the_agency_s_own_name_passing_a_notice_on_is_relayed(catalogues: dict[int, Catalogue]) -> None:
    # review26 n01: every post led by the agency's full name, each passing on another body's notice
    posts = [("องค์การบริหารส่วนตำบลโคกสูง ขอประชาสัมพันธ์ข่าวสารจากสำนักงานประกันสังคมจังหวัดขอนแก่น เรื่อง การขยายเวลา",
              "๑๒ มีนาคม ๒๕๖๙"),
             ("องค์การบริหารส่วนตำบลโคกสูง ขอประชาสัมพันธ์ ตามหนังสืออำเภอภูเวียง เรื่อง การรับสมัครทหารกองประจำการ",
              "๓ มีนาคม ๒๕๖๙"),
             ("องค์การบริหารส่วนตำบลโคกสูง ได้รับหนังสือจากกรมการปกครอง ขอเชิญชวนประชาชนตรวจสอบรายชื่อผู้มีสิทธิเลือกตั้ง",
              "๕ กุมภาพันธ์ ๒๕๖๙")]
    pages = [(None, "\n".join(f"{t}\n{d}" for t, d in posts))]
    for year in (2568, 2569):
        got = other_posts(_dated(catalogues[year]), [("https://x/", pages)], agency="องค์การบริหารส่วนตำบลโคกสูง")
        assert got is not None and got.relayed, year
    # the department's own name leading its own news is still its own
    own = [(None, "กรมการปกครองขอเชิญชวนประชาชนตรวจสอบรายชื่อ\n๕ กุมภาพันธ์ ๒๕๖๙\n"
                  "กรมการปกครองแจ้งกำหนดการออกบัตรประชาชนเคลื่อนที่\n๖ กุมภาพันธ์ ๒๕๖๙\n"
                  "กรมการปกครองขอเชิญร่วมงานวันท้องถิ่นไทย\n๗ กุมภาพันธ์ ๒๕๖๙")]
    assert other_posts(_dated(catalogues[2569]), [("https://x/", own)], agency="กรมการปกครอง") is None
