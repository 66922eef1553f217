"""Not yet the document: a draft (`draft_document`), an announcement telling units to make it by a date
(`directive_only`), last year's plan under this year's cover (`body_year_earlier`): reviews, not passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
from oit_checker.evaluate.item import evaluate_item
from oit_checker.evaluate.unfinished import directive, draft_mark, minutes_directive
from oit_checker.extract import extract
from oit_checker.model import DocKind, Document, Fetched, Retrieved, UrlTrail
from tests.support.evaluate import HOME, finding_from_html

ROOT = Path(__file__).resolve().parents[3]
EIGHTH = ROOT / "fixtures" / "assessor_trial" / "eighth" / "site"


def _doc(*pages: str) -> Document:
    return Document(url="https://www.nongbua.go.th/a.pdf", kind=DocKind.PDF, pages=pages)


def test_a_draft_is_marked_by_its_heading_or_its_warning() -> None:
    assert draft_mark(_doc("(ร่าง)\nรายงานผลการบริหารและพัฒนาทรัพยากรบุคคล\nประจำปี 2568")) == "(ร่าง)"
    assert draft_mark(_doc("(ร่าง) รายงานผลการดำเนินงาน ประจำปี 2568\n…")) == "(ร่าง) รายงานผลการดำเนินงาน ประจำปี 2568"
    warned = _doc("รายงานผล ประจำปี 2568\nเทศบาลเมือง\n1. ผลการดำเนินงาน", "หมายเหตุ ยังไม่ผ่านการพิจารณา ห้ามอ้างอิง")
    assert draft_mark(warned) == "หมายเหตุ ยังไม่ผ่านการพิจารณา ห้ามอ้างอิง"
    # a draft bill the document is about is no draft document
    assert draft_mark(_doc("ร่างข้อบัญญัติงบประมาณรายจ่ายประจำปี พ.ศ. 2569\nประชุมประชาคม")) is None
    assert draft_mark(_doc("รายงานผลการดำเนินงาน ประจำปี 2568\nร่างกายแข็งแรง")) is None
    # the words in a sentence: a forum on a draft plan, a bill not yet passed (a review's false reviews)
    assert draft_mark(_doc("ประชาคม\nx\ny", "จัดประชุมประชาคมท้องถิ่นเพื่อรับฟังความคิดเห็นต่อเอกสารฉบับร่างแผนพัฒนาท้องถิ่น"
                           " เมื่อวันที่ 12 พฤศจิกายน 2568")) is None
    assert draft_mark(_doc("รายงาน\nx\ny", "เนื่องจากข้อบัญญัติงบประมาณรายจ่ายเพิ่มเติมยังไม่ผ่านการพิจารณาของสภาองค์การบริหาร"
                           "ส่วนตำบล")) is None
    assert draft_mark(_doc("รายงาน\nx\ny", "ฉบับร่าง")) == "ฉบับร่าง"


def test_the_eighth_trial_s_draft_hr_report_is_a_review() -> None:
    body = (EIGHTH / "files" / "hr-report-2568-draft.pdf").read_bytes()
    doc = extract(body, "https://www.nongbua.go.th/files/hr-report-2568-draft.pdf", "application/pdf")
    item = load_catalogue(catalogue_path_for(2569)).item("O14")
    fetched = Fetched(url=doc.url, final_url=doc.url, status=200, content_type="application/pdf")
    f = evaluate_item(item, [UrlTrail(submitted=doc.url, retrieved=(Retrieved(fetched=fetched, document=doc),))],
                      2569, home=HOME)
    reason = next(r for r in f.reasons if r.code == "draft_document")
    assert (f.status.value, reason.evidence[0].snippet) == ("review", "(ร่าง)")


ANNOUNCEMENT = (EIGHTH / "ita" / "o8b.html").read_text(encoding="utf-8")


def test_an_announcement_to_make_the_manuals_by_a_date_is_not_the_manual() -> None:
    f = finding_from_html("O8", ANNOUNCEMENT, "https://www.nongbua.go.th/ita/o8b.html", 2569)
    reason = next(r for r in f.reasons if r.code == "directive_only")
    subject = "เรื่อง การจัดทำคู่มือการปฏิบัติงาน ประจำปีงบประมาณ พ.ศ. 2569"
    assert (f.status.value, reason.evidence[0].snippet) == ("review", subject)


def test_what_is_no_directive() -> None:
    head = "ประกาศเทศบาลเมืองท่าช้างทอง\nเรื่อง การจัดทำคู่มือการปฏิบัติงาน\n๑. จัดทำคู่มือ… ส่งภายในวันที่ ๓๑ มีนาคม ๒๕๖๙\n"
    signed = "ประกาศ ณ วันที่ ๙ มกราคม ๒๕๖๙\n(ลงชื่อ) นายวีรพงษ์ ทองประเสริฐ\nนายกเทศมนตรี"
    assert directive(_doc(head + signed)) == "เรื่อง การจัดทำคู่มือการปฏิบัติงาน"
    # the manual follows the announcement in the same file
    step = "ขั้นตอนที่ ๑ รับแบบแสดงรายการ ตรวจสอบเอกสาร ระยะเวลา ๑๕ นาที ผู้รับผิดชอบ งานจัดเก็บรายได้\n"
    manual = "\nคู่มือการปฏิบัติงาน งานจัดเก็บภาษี\n" + step * 5
    assert directive(_doc(head + signed + manual)) is None
    # no deadline: an announcement adopting what was made
    assert directive(_doc(head.replace("ส่งภายในวันที่ ๓๑ มีนาคม ๒๕๖๙", "ใช้ตามแนบ") + signed)) is None
    # a manual announced with its whole text before the signature, a service's own deadline in it
    step = "รับคำขอ ตรวจเอกสาร ชำระภาษีภายในเดือนเมษายนของทุกปี ระยะเวลา 15 นาที"
    steps = "".join(f"ขั้นตอนที่ {n} {step}\n" for n in range(1, 30))
    whole = ("ประกาศองค์การบริหารส่วนตำบลหนองบัว\nเรื่อง การจัดทำคู่มือสำหรับประชาชน งานบริการรับชำระภาษีที่ดิน\n"
             + steps + "ส่งแบบภายในวันที่ 30 เมษายน\n" + signed)
    assert directive(_doc(whole)) is None
    assert directive(_doc(whole.replace("ส่งแบบภายในวันที่ 30 เมษายน", ""))) is None
    # another subject: the No Gift policy is an announcement and the document itself
    assert directive(_doc("ประกาศเทศบาลเมืองท่าช้างทอง\nเรื่อง นโยบายไม่รับของขวัญ (No Gift Policy)\nให้รายงานภายในวันที่ ๓๑\n"
                          + signed)) is None


def test_an_order_assigning_the_report_by_a_date_is_not_the_report() -> None:
    # review71 g01: its clauses name every part of the report, the deadline is the report's
    order = ("คำสั่งองค์การบริหารส่วนตำบลโคกสูง\nที่ ๓๒๑/๒๕๖๘\n"
             "เรื่อง มอบหมายหน้าที่ดำเนินการพัฒนาบุคลากรและรายงานผลการบริหารและพัฒนาทรัพยากรบุคคล\n"
             "๓. ให้นักทรัพยากรบุคคลรวบรวมและจัดทำรายงานผล ประกอบด้วย ผลการดำเนินงาน งบประมาณที่เบิกจ่าย ปัญหาและอุปสรรค"
             " และแนวทางแก้ไข เสนอนายก อบต. ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๘\nทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป\n"
             "(ลงชื่อ) สมพงษ์ ศรีโคกสูง\nนายกองค์การบริหารส่วนตำบลโคกสูง\nสั่ง ณ วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๗")
    subject = "เรื่อง มอบหมายหน้าที่ดำเนินการพัฒนาบุคลากรและรายงานผลการบริหารและพัฒนาทรัพยากรบุคคล"
    assert directive(_doc(order)) == subject
    # an order dividing the work, with no deadline to report: not asked about
    assert directive(_doc(order.replace(" ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๘", ""))) is None


MINUTES = ("รายงานการประชุมคณะทำงานจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน\n"
           "ครั้งที่ ๑/๒๕๖๘ วันที่ ๑๔ พฤศจิกายน ๒๕๖๗ เวลา ๑๓.๓๐ น.\n"
           "ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ\n"
           "ประธานแจ้งผลการประเมิน ITA ประจำปี ๒๕๖๗ ของ อบต.โคกสูง ได้ ๘๑.๔๒ คะแนน\n"
           "ระเบียบวาระที่ ๒ เรื่องเพื่อพิจารณา\n"
           "มติที่ประชุม เห็นชอบให้เลขานุการคณะทำงานไปยกร่างมาตรการ โดยกำหนดขั้นตอน ผู้รับผิดชอบ\n"
           "และระยะเวลาดำเนินการ แล้วนำเสนอที่ประชุมครั้งต่อไป\nปิดประชุมเวลา ๑๕.๐๐ น.")


def test_minutes_resolving_to_draft_the_measures_are_not_the_measures() -> None:
    # review73 b05: the parts are named as what the secretary is to draft
    assert minutes_directive(_doc(MINUTES)).startswith("มติที่ประชุม เห็นชอบให้เลขานุการคณะทำงานไปยกร่างมาตรการ")
    # minutes approving the measures drafted, and a report that cites a meeting, resolve to draft nothing
    approved = MINUTES.replace("เห็นชอบให้เลขานุการคณะทำงานไปยกร่างมาตรการ", "เห็นชอบร่างมาตรการตามที่เลขานุการเสนอ")
    assert minutes_directive(_doc(approved)) is None
    measures = ("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n"
                "องค์การบริหารส่วนตำบลโคกสูง\nมาตรการที่ ๑ การเผยแพร่ข้อมูลต่อสาธารณะ ผู้รับผิดชอบ สำนักปลัด\n")
    assert minutes_directive(_doc(measures + MINUTES)) is None  # the measures, their minutes appended
    # a page's heading above the minutes does not make them the measures
    assert minutes_directive(_doc("การนำผลการประเมินไปปรับปรุง\n" + MINUTES)) is not None


def _plan(*lines: str) -> str:
    return "<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>"


COVER = ("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569", "เทศบาลเมืองท่าช้างทอง", "อำเภอบ้านไผ่ จังหวัดขอนแก่น")
BODY = ("บัญชีโครงการ/กิจกรรม/งบประมาณ (ผด.02) ประจำปีงบประมาณ พ.ศ. 2568",
        "1 ก่อสร้างถนนคอนกรีตเสริมเหล็ก งบประมาณ 1,248,000 บาท ระยะเวลา ต.ค. – ธ.ค. กองช่าง",
        "โครงการในแผนนี้เป็นไปตามเทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2568 และแผนพัฒนาท้องถิ่น (พ.ศ. 2566 – 2570)")


def test_last_year_s_plan_under_this_year_s_cover_is_a_review() -> None:
    f = finding_from_html("O6", _plan(*COVER, *BODY), "https://www.nongbua.go.th/plan.html", 2569)
    reason = next(r for r in f.reasons if r.code == "body_year_earlier")
    assert (f.status.value, reason.detail["found"], reason.detail["expected"]) == ("review", "2568", "2569")


def test_a_plan_whose_body_names_its_own_year_is_not_asked_about() -> None:
    body = (*BODY[:2], BODY[2].replace("2568 และ", "2569 และ"))
    f = finding_from_html("O6", _plan(*COVER, *body), "https://www.nongbua.go.th/plan.html", 2569)
    assert "body_year_earlier" not in {r.code for r in f.reasons}
    # last year's results cited in the prose, a schedule of months without a year (a review's false review)
    cited = ("จากผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2568 พบว่าโครงการด้านโครงสร้างพื้นฐานยังไม่ครอบคลุม",
             "จึงนำผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่นประจำปีงบประมาณ พ.ศ. 2568 มาใช้จัดทำแผนนี้",
             "1 ก่อสร้างถนนคอนกรีตเสริมเหล็ก งบประมาณ 1,248,000 บาท ระยะเวลา ธ.ค. - ม.ค. กองช่าง")
    f = finding_from_html("O6", _plan(*COVER, *cited), "https://www.nongbua.go.th/plan.html", 2569)
    assert "body_year_earlier" not in {r.code for r in f.reasons}
    # one earlier fiscal year in the body (last year's results cited) is not enough
    f = finding_from_html("O6", _plan(*COVER, *BODY[1:]), "https://www.nongbua.go.th/plan.html", 2569)
    assert "body_year_earlier" not in {r.code for r in f.reasons}


REPORT = ("รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568", "องค์การบริหารส่วนจังหวัดขอนแก่น", "กองยุทธศาสตร์และงบประมาณ",
          "ยุทธศาสตร์ | โครงการตามแผน | ดำเนินการแล้ว | เบิกจ่ายแล้ว (บาท)", "1. โครงสร้างพื้นฐาน | 88 | 70 | 498,200,000",
          "ปัญหาและอุปสรรค งบประมาณปี 2567 ได้รับจัดสรรล่าช้า เนื่องจาก พ.ร.บ.งบประมาณรายจ่ายประจำปี 2567 ประกาศใช้ล่าช้า",
          "(ลงชื่อ) นายอนุสรณ์ ทองประเสริฐ ปลัดองค์การบริหารส่วนจังหวัดขอนแก่น ผู้รายงาน ลงวันที่ 25 ตุลาคม 2567")


def test_last_year_s_report_signed_after_its_year_under_this_year_s_cover_is_a_review() -> None:
    # review43 b08: a FY2567 report, signed in October 2567 (FY2568), headed 2568
    f = finding_from_html("O7", _plan(*REPORT), "https://www.nongbua.go.th/report.html", 2569)
    reason = next(r for r in f.reasons if r.code == "body_year_earlier")
    assert (reason.detail["found"], reason.detail["expected"]) == ("2567", "2568") and f.status.value != "pass"
    # signed a year later, in October 2568: the body's 2567 is cited, the report is of 2568
    later = (*REPORT[:-1], REPORT[-1].replace("25 ตุลาคม 2567", "25 ตุลาคม 2568"))
    f = finding_from_html("O7", _plan(*later), "https://www.nongbua.go.th/report.html", 2569)
    assert "body_year_earlier" not in {r.code for r in f.reasons}


def test_a_second_review_s_cases() -> None:
    # a draft's note of its own, longer than a stamp; a cover beginning with blank lines; a link is no stamp
    note = _doc("รายงานผล ประจำปี 2568\nเทศบาลเมือง\n1. ผลการดำเนินงาน",
                "(เอกสารนี้ยังไม่ผ่านการพิจารณาของคณะกรรมการพัฒนาท้องถิ่น)")
    assert draft_mark(note) == "(เอกสารนี้ยังไม่ผ่านการพิจารณาของคณะกรรมการพัฒนาท้องถิ่น)"
    assert draft_mark(_doc("\n\n\n\n\n\n(ร่าง)\nแผนการดำเนินงาน ประจำปี 2569\nเทศบาล")) == "(ร่าง)"
    assert draft_mark(_doc("ผลการประชุมประชาคม\nx\ny", "เอกสารประกอบการประชุม\nดาวน์โหลดเอกสารฉบับร่าง")) is None
    # "คําสั่ง" with its sara am in two code points, as PDFs write it
    order = ("\u0e04\u0e4d\u0e32\u0e2a\u0e31\u0e48\u0e07เทศบาลเมืองท่าช้างทอง\nที่ 12/2569\nเรื่อง การจัดทำคู่มือการปฏิบัติงาน\n"
             "๑. ให้ทุกกองจัดทำคู่มือ ส่งภายในวันที่ ๓๑ มีนาคม ๒๕๖๙\nสั่ง ณ วันที่ ๙ มกราคม ๒๕๖๙\n(ลงชื่อ) นายวีรพงษ์ ทองประเสริฐ")
    assert directive(_doc(order)) == "เรื่อง การจัดทำคู่มือการปฏิบัติงาน"
    # a directive of a full page, each division's task written out, is still a directive
    tasks = "".join(f"({n}) กอง{n} จัดทำคู่มือการปฏิบัติงานในงานที่ให้บริการประชาชนและงานที่มีความเสี่ยงอย่างน้อย ๑ เรื่อง\n"
                    for n in range(1, 20))
    long_order = order.replace("๑. ให้ทุกกองจัดทำคู่มือ", tasks + "๑. ให้ทุกกองจัดทำคู่มือ")
    assert directive(_doc(long_order)) == "เรื่อง การจัดทำคู่มือการปฏิบัติงาน"


def test_a_report_s_own_title_is_its_year() -> None:
    # last year's report under this year's cover: "รายงานผลการดำเนินงาน ประจำปีงบประมาณ 2567" is its own year
    cover = ("รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568", "เทศบาลตำบลหนองบัวแดง", "อำเภอเมือง จังหวัดอุดรธานี")
    body = ("ส่วนที่ 1 รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2567 โครงการซ่อมถนน ดำเนินการแล้ว งบประมาณที่ใช้ 50,000 บาท",
            "ส่วนที่ 2 สรุปผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2567 ปัญหาอุปสรรค งบไม่พอ ข้อเสนอแนะ เพิ่มงบประมาณ")
    f = finding_from_html("O7", _plan(*cover, *body), "https://www.nongbua.go.th/report.html", 2569)
    assert "body_year_earlier" in {r.code for r in f.reasons} and f.status.value != "pass"


@pytest.mark.parametrize("stamp", ["ฉบับร่าง ครั้งที่ 1", "เอกสารฉบับร่าง ยังไม่ผ่านการพิจารณา", "- ฉบับร่าง -",
                                   "** ยังไม่ผ่านการพิจารณาของคณะกรรมการ **", "(ฉบับร่าง) แผนการดำเนินงาน ประจำปี 2569"])
def test_a_third_review_s_draft_stamps(stamp: str) -> None:
    assert draft_mark(_doc("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569\nเทศบาล\nอำเภอ", stamp)) == stamp


def test_a_third_review_s_directive_and_plan() -> None:
    # parts of the agency ("ในส่วนที่รับผิดชอบ") in a short directive are no document's parts
    text = ("ประกาศเทศบาลเมืองท่าช้างทอง\nเรื่อง การจัดทำคู่มือการปฏิบัติงาน\n๑. จัดทำคู่มือในส่วนที่รับผิดชอบ\n"
            "ขั้นตอนที่ ๑ สำรวจงาน ขั้นตอนที่ ๒ จัดทำร่าง\n๒. ส่งร่างคู่มือภายในวันที่ ๓๑ มีนาคม ๒๕๖๙ ในส่วนที่เกี่ยวข้อง\n"
            "ประกาศ ณ วันที่ ๙ มกราคม ๒๕๖๙\n(ลงชื่อ) นายวีรพงษ์ ทองประเสริฐ")
    assert directive(_doc(text)) == "เรื่อง การจัดทำคู่มือการปฏิบัติงาน"
    # a plan citing last year's ITA score and last year's summary: cited, not its own year
    cited = ("ผลการประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปีงบประมาณ พ.ศ. 2568 ได้ 85 คะแนน",
             "สรุปผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568 นำมาปรับปรุงแผน",
             "1 ก่อสร้างถนนคอนกรีตเสริมเหล็ก งบประมาณ 1,248,000 บาท ระยะเวลา ธ.ค. - ม.ค. กองช่าง")
    f = finding_from_html("O6", _plan(*COVER, *cited), "https://www.nongbua.go.th/plan.html", 2569)
    assert "body_year_earlier" not in {r.code for r in f.reasons}


@pytest.mark.parametrize(("line", "draft"), [
    ("(เอกสารนี้ยังไม่ผ่านการพิจารณาของคณะกรรมการพัฒนาท้องถิ่นและสภาเทศบาลตำบลหนองบัว)", True),
    ("หมายเหตุ: แผนฉบับนี้ยังไม่ผ่านการพิจารณาของสภาเทศบาลตำบลหนองบัว", True),
    ("3.1 พิจารณาฉบับร่างแผนพัฒนาท้องถิ่น", False),
    ("4. คณะกรรมการสนับสนุนจัดทำฉบับร่าง", False),
    ("ประกาศใช้แผนพัฒนาท้องถิ่นที่แก้ไขจากฉบับร่างแล้ว", False),
    ("โครงการที่ยังไม่ผ่านการพิจารณา จำนวน 3 โครงการ", False),
    ("ปรับปรุงข้อมูลจากฉบับร่างแล้ว เมื่อ 1 ต.ค. 2567", False),
    # a fifth review's: "ฉบับร่าง" ending a title
    ("รายงานผลการดำเนินงาน ประจำปี พ.ศ. 2568 (ฉบับร่าง)", True),
    ("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569 (ฉบับร่าง)", True),
    ("คู่มือการปฏิบัติงาน ฉบับร่าง", True),
    ("หมายเหตุ ฉบับนี้เป็นฉบับร่าง", True),
    ("ดาวน์โหลดเอกสารฉบับร่าง", False),
])
def test_a_fourth_review_s_draft_lines(line: str, draft: bool) -> None:
    assert (draft_mark(_doc("แผนพัฒนาท้องถิ่น\nเทศบาล\nอำเภอ", line)) is not None) is draft
