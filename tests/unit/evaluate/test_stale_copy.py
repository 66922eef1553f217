"""Ways this year's content is not there although its words are: last year's plan under this year's title (every
period in its table rows is last year's: `stale_periods`, review), last year's ethics activity under this year's
heading (`activities_earlier`, review), and an announcement whose plan is "แนบท้ายประกาศนี้" but not published
(`attachment_not_published`, review)."""

from __future__ import annotations

from functools import cache

from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
from oit_checker.evaluate.item import evaluate_item
from oit_checker.model import Catalogue, DocKind, Document, Fetched, Finding, Retrieved, UrlTrail

URL = "https://www.nongbua.go.th/files/plan.docx"
TITLE = "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2568\nองค์การบริหารส่วนตำบลหนองบัว\n"
PROSE = ("คำนำ\nแผนฉบับนี้ต่อยอดจากผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2567 และผลการประเมิน"
         " ITA ประจำปีงบประมาณ พ.ศ. 2567 ซึ่งหน่วยงานได้คะแนนร้อยละ 85\n")
HEAD = "ที่ | โครงการ/กิจกรรม | งบประมาณ (บาท) | ระยะเวลาดำเนินการ | ผู้รับผิดชอบ"


def _rows(year: int) -> str:
    y0 = year - 1
    return "\n".join([HEAD, f"1 | โครงการอบรมคุณธรรมจริยธรรมแก่บุคลากร | 30,000 | ต.ค. {y0} – ก.ย. {year} | สำนักปลัด",
                      f"2 | มาตรการเผยแพร่ข้อมูลการจัดซื้อจัดจ้าง | 10,000 | ม.ค. – มี.ค. {year} | กองคลัง",
                      f"3 | กิจกรรมรณรงค์ต่อต้านการทุจริต | 5,000 | ธ.ค. {y0} – ก.พ. {year} | สำนักปลัด"])


@cache
def _catalogue() -> Catalogue:
    return load_catalogue(catalogue_path_for(2568))


def _check(item_id: str, text: str, kind: DocKind = DocKind.DOCX) -> Finding:
    doc = Document(url=URL, kind=kind, pages=(text,), page_count=1, title="")
    fetched = Fetched(url=URL, final_url=URL, status=200, content_type="application/octet-stream")
    return evaluate_item(_catalogue().item(item_id), [UrlTrail(submitted=URL, retrieved=(Retrieved(
        fetched=fetched, document=doc),))], 2568, home="https://www.nongbua.go.th/")


def _codes(f: Finding) -> set[str]:
    return {r.code for r in f.reasons}


def test_a_plan_whose_tables_name_only_last_years_periods_is_a_review() -> None:
    f = _check("O25", TITLE + PROSE + _rows(2567))
    [stale] = [r for r in f.reasons if r.code == "stale_periods"]
    assert stale.detail["found"] == "2567" and f.status.value == "review"


def test_last_years_itas_named_in_prose_do_not_date_this_years_plan() -> None:
    f = _check("O25", TITLE + PROSE + _rows(2568))
    assert "stale_periods" not in _codes(f) and f.status.value == "pass", f.reasons


def test_last_years_scores_in_a_table_are_no_periods() -> None:
    scores = "\n".join(["ตัวชี้วัด | คะแนน ITA ปีงบประมาณ 2566 | คะแนน ITA ปีงบประมาณ 2567",
                        "การเปิดเผยข้อมูล | 78.5 | 85.0", "การป้องกันการทุจริต | 62.5 | 70.0"])
    rows = _rows(2568).replace("ต.ค. 2567 – ก.ย. 2568", "ตลอดปีงบประมาณ").replace("ม.ค. – มี.ค. 2568", "ไตรมาส 2")
    f = _check("O25", TITLE + scores + "\n" + rows.replace("ธ.ค. 2567 – ก.พ. 2568", "ไตรมาส 1"))
    assert "stale_periods" not in _codes(f), f.reasons


ANNOUNCEMENT = ("ประกาศองค์การบริหารส่วนตำบลหนองบัว\nเรื่อง ประกาศใช้แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568\n"
                "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568 มีโครงการทั้งสิ้น 64 โครงการ งบประมาณรวม 27,845,300 บาท "
                "ระยะเวลาดำเนินการ ตุลาคม 2567 – กันยายน 2568\nจึงประกาศให้ทราบโดยทั่วกัน รายละเอียดตามแผนการดำเนินงาน"
                "แนบท้ายประกาศนี้\nประกาศ ณ วันที่ 31 ตุลาคม 2567\n")


def test_an_announcement_whose_plan_is_attached_elsewhere_is_a_review() -> None:
    f = _check("O6", ANNOUNCEMENT)
    assert "attachment_not_published" in _codes(f) and f.status.value == "review", f.reasons


def test_the_announcement_with_its_plan_in_the_same_file_passes() -> None:
    table = "\n".join([HEAD.replace("ผู้รับผิดชอบ", "หน่วยงาน"),
                       "1 | ก่อสร้างถนน คสล. หมู่ 3 | 1,250,000 | ต.ค. 2567 – ธ.ค. 2567 | กองช่าง",
                       "2 | จัดซื้อวัสดุสำนักงาน | 85,400 | ต.ค. 2567 – ก.ย. 2568 | สำนักปลัด"])
    f = _check("O6", ANNOUNCEMENT + table)
    assert "attachment_not_published" not in _codes(f), f.reasons


def test_an_announcement_followed_by_its_plan_or_heading_the_attachment_is_no_missing_attachment() -> None:
    plan = ("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568\nยุทธศาสตร์ที่ 1 การพัฒนาโครงสร้างพื้นฐาน\n"
            + "\n".join(f"{n}. โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ {n} งบประมาณ {n},250,000 บาท ไตรมาส {n % 4 + 1} "
                        "กองช่าง" for n in range(1, 8)))
    assert "attachment_not_published" not in _codes(_check("O6", ANNOUNCEMENT + plan, DocKind.PDF))
    headed = "เอกสารแนบท้ายประกาศองค์การบริหารส่วนตำบลหนองบัว\nลงวันที่ 31 ตุลาคม 2567\n" + plan
    assert "attachment_not_published" not in _codes(_check("O6", headed, DocKind.PDF))


def test_a_declaration_is_its_own_document_whatever_it_attaches() -> None:
    declaration = ("ประกาศองค์การบริหารส่วนตำบลหนองบัว\nเรื่อง เจตนารมณ์ไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ "
                   "(No Gift Policy) ประจำปีงบประมาณ พ.ศ. 2568\nผู้บริหารและบุคลากรทุกคนจะไม่รับของขวัญ ตามแนวทางแนบท้ายประกาศนี้\n"
                   "ประกาศ ณ วันที่ 1 ตุลาคม 2567\n(นายสมชาย ใจดี)\nนายกองค์การบริหารส่วนตำบลหนองบัว\n")
    assert "attachment_not_published" not in _codes(_check("O21", declaration))  # O21's evidence is a declaration


ETHICS = ("ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม\nประมวลจริยธรรมของพนักงานส่วนตำบล ลูกจ้าง และพนักงานจ้าง\n"
          "การขับเคลื่อนจริยธรรม ประจำปีงบประมาณ พ.ศ. 2568\n")


def _activity(day: str) -> str:
    return (f"เมื่อวันที่ {day} องค์การบริหารส่วนตำบลหนองบัว จัดโครงการอบรมคุณธรรมจริยธรรมและการป้องกันผลประโยชน์ทับซ้อน "
            "ณ ห้องประชุม อบต.หนองบัว ผู้เข้าร่วม 46 คน ประกอบด้วยผู้บริหาร สมาชิกสภา และพนักงานส่วนตำบล\n")


def test_last_years_ethics_activity_under_this_years_heading_is_a_review() -> None:
    f = _check("O16", ETHICS + _activity("20 มิถุนายน 2567"), DocKind.HTML)
    [earlier] = [r for r in f.reasons if r.code == "activities_earlier"]
    assert earlier.detail["found"] == "2567" and f.status.value == "review"


def test_this_years_activity_under_its_heading_passes_beside_last_years() -> None:
    f = _check("O16", ETHICS + _activity("20 มิถุนายน 2567") + _activity("15 ธันวาคม 2567"), DocKind.HTML)
    assert "activities_earlier" not in _codes(f) and f.status.value == "pass", f.reasons


def _grid(first: int) -> str:
    # แบบ ผด.02: the calendar year over October's and January's month cells
    head = ("ที่ | โครงการ | งบประมาณ (บาท) | หน่วยงานรับผิดชอบ | "
            f"พ.ศ. {first} ต.ค. | พ.ย. | ธ.ค. | พ.ศ. {first + 1} ม.ค. | ก.พ. | มี.ค. | เม.ย. | พ.ค. | มิ.ย. | ก.ค. | "
            "ส.ค. | ก.ย.")
    return "\n".join([head, "1 | ก่อสร้างถนน คสล. หมู่ที่ 3 | 450,000 | กองช่าง |  |  |  | ✓ | ✓ | ✓ |  |  |  |  |  | ",
                      "2 | ซ่อมแซมถนนลูกรัง หมู่ที่ 8 | 120,000 | กองช่าง |  | ✓ | ✓ |  |  |  |  |  |  |  |  | "])


def test_last_years_month_grid_under_this_years_title_is_a_review() -> None:
    # review20 s07: "พ.ศ. 2567 ต.ค. | … | พ.ศ. 2568 ม.ค." is FY 2568's grid
    title = "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568 องค์การบริหารส่วนตำบลหนองบัว\nแบบ ผด.02 บัญชีโครงการ/กิจกรรม/งบประมาณ\n"
    f = _check("O6", title + _grid(2566))
    [stale] = [r for r in f.reasons if r.code == "stale_periods"]
    assert stale.detail["found"] == "2567" and f.status.value == "review"
    assert "stale_periods" not in _codes(_check("O6", title + _grid(2567))), "this year's grid"


_HR_REPORT = ("<html><body><h1>รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล</h1><p>ปีงบประมาณ พ.ศ. {span}</p>"
              "<p>องค์การบริหารส่วนตำบลโคกสูง อำเภอภูเวียง จังหวัดขอนแก่น</p>"
              "<p>๑. บทสรุป องค์การบริหารส่วนตำบลโคกสูงขอรายงานผลการพัฒนาบุคลากรตามแผนพัฒนาพนักงานส่วนตำบล</p>"
              "<table><tr><td>ที่</td><td>โครงการ/กิจกรรม</td><td>ผลการดำเนินงาน</td><td>งบประมาณที่ใช้จริง (บาท)</td></tr>"
              "<tr><td>๑</td><td>อบรมพนักงานตามสายงาน</td><td>ดำเนินการแล้ว พนักงาน ๑๒ คน</td><td>๕๔,๓๐๐</td></tr>"
              "<tr><td>๒</td><td>โครงการพัฒนาคุณธรรมจริยธรรมบุคลากร</td><td>ดำเนินการแล้ว ผู้เข้าร่วม ๔๐ คน</td>"
              "<td>๑๔,๒๐๐</td></tr></table>"
              "<p>๓. ปัญหาและอุปสรรค - ผู้เข้าร่วมกิจกรรมบางครั้งน้อยกว่าเป้าหมาย</p>"
              "<p>๔. ข้อเสนอแนะ/แนวทางแก้ไข - ควรประชาสัมพันธ์กิจกรรมล่วงหน้าหลายช่องทาง</p>"
              "<p>ประกาศ ณ วันที่ ๑๕ พฤศจิกายน ๒๕๖๗</p><p>นายกองค์การบริหารส่วนตำบลโคกสูง</p></body></html>")


def test_a_report_headed_by_two_older_fiscal_years_is_stale_whatever_day_it_was_signed() -> None:
    # review49 b10: 2569 O14 wants FY 2568's report; "ปีงบประมาณ พ.ศ. ๒๕๖๖–๒๕๖๗" signed in FY 2568 is not it
    from tests.support.evaluate import finding_from_html
    url = "https://www.khoksung.go.th/hr.html"
    for span in ("๒๕๖๖–๒๕๖๗", "๒๕๖๖ - ๒๕๖๗"):
        f = finding_from_html("O14", _HR_REPORT.format(span=span), url, 2569)
        assert "stale_fiscal_year" in _codes(f), (span, f.reasons)
    # a span reaching the year wanted is no older span
    f = finding_from_html("O14", _HR_REPORT.format(span="๒๕๖๗–๒๕๖๘"), url, 2569)
    assert "stale_fiscal_year" not in _codes(f), f.reasons


_COMPLAINTS = ("<html><body><h1>ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</h1><p>{year}</p>"
               "<p>องค์การบริหารส่วนตำบลโคกสูง</p><table>"
               "<tr><td>เดือน</td><td>จำนวนเรื่องร้องเรียน (เรื่อง)</td><td>ดำเนินการแล้วเสร็จ</td>"
               "<td>อยู่ระหว่างดำเนินการ</td></tr>"
               "<tr><td>{first}</td><td>๑</td><td>๑</td><td>๐</td></tr><tr><td>{last}</td><td>๐</td><td>๐</td><td>๐</td></tr>"
               "<tr><td>รวม</td><td>๑</td><td>๑</td><td>๐</td></tr></table>"
               "<p>ประกาศ ณ วันที่ ๕ มกราคม ๒๕๖๙</p><p>ปลัดองค์การบริหารส่วนตำบลโคกสูง</p></body></html>")


def test_a_calendar_years_statistics_are_not_the_fiscal_years() -> None:
    # review49 b26: "ประจำปี ๒๕๖๘ (๑ มกราคม – ๓๑ ธันวาคม ๒๕๖๘)" for 2569 O18 (FY 2568's complaints): a person looks
    from tests.support.evaluate import finding_from_html
    url = "https://www.khoksung.go.th/stat.html"
    f = finding_from_html("O18", _COMPLAINTS.format(year="ประจำปี ๒๕๖๘ (๑ มกราคม – ๓๑ ธันวาคม ๒๕๖๘)", first="ม.ค. ๖๘",
                                                    last="ธ.ค. ๖๘"), url, 2569)
    [mismatch] = [r for r in f.reasons if r.code == "fiscal_year_mismatch"]
    assert "ปีปฏิทิน" in mismatch.message_th and f.status.value == "review", f.reasons
    # the fiscal year's, named as such, by its span from October
    f = finding_from_html("O18", _COMPLAINTS.format(year="ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ (ต.ค. ๖๗ – ก.ย. ๖๘)",
                                                    first="ต.ค. ๖๗", last="ก.ย. ๖๘"), url, 2569)
    assert "fiscal_year_mismatch" not in _codes(f), f.reasons
