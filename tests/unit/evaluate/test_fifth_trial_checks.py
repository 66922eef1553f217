"""The checks the fifth assessor's trial (a municipality's PDFs) called for, on small pages: a report's headings
left empty under a dash (`component_empty`), an order appointing a working group in place of the assessment
(`appointment_order_only`), last year's months under this year's heading (`dates_earlier`), and a division's
director taken for the agency's top executive."""

from __future__ import annotations

from typing import Any

import pytest

from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
from oit_checker.evaluate.empty import empty_sections
from oit_checker.evaluate.item import evaluate_item
from oit_checker.extract.html import extract_html
from oit_checker.model import Fetched, Finding, Retrieved, Status, UrlTrail
from tests.support.evaluate import HOME, finding_from_html


def _finding(item_id: str, body: str, year: int = 2568) -> Finding:
    html = f"<html><body><main>{body}</main></body></html>"
    return finding_from_html(item_id, html, f"{HOME}{item_id.lower()}.html", year)


def _problems(f: Finding) -> dict[str, Any]:
    return {r.code: r for r in f.reasons if r.severity is not Status.PASS}


def test_empty_sections_are_headings_with_only_a_dash() -> None:
    page = "\n".join(["๑. สรุปผล", "วิธีเฉพาะเจาะจง ๑๒๗ โครงการ", "๒. ปัญหาอุปสรรค", "-", "๓. ข้อเสนอแนะ", "", "–",
                      "ข้อสังเกต : -", "ปัญหา: ไม่มี", "งบประมาณ | - | 5,000", "-", "(ลงชื่อ)"])
    assert empty_sections(page) == [(2, 4), (4, 7), (7, 8)]
    # a wrapped line ending on a dash, a rule under a heading, a page number, a dash as a bullet: none is empty
    others = ["ปัญหาอุปสรรค –", "ฝนตกชุกทำให้โครงการล่าช้า", "ข้อเสนอแนะ", "------------------------------",
              "ให้ทุกกองส่งแผนความต้องการพัสดุ", "- 2 -", "ปัญหาอุปสรรค", "- ผู้ประกอบการในพื้นที่มีน้อย"]
    assert empty_sections("\n".join(others)) == []


PROCUREMENT = ("<h1>รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗</h1>"
               "<p>๑. สรุปผลการจัดซื้อจัดจ้าง</p><table><tr><th>วิธีการจัดซื้อจัดจ้าง</th><th>จำนวนโครงการ</th>"
               "<th>วงเงินงบประมาณ (บาท)</th><th>ราคาที่ตกลงซื้อหรือจ้าง (บาท)</th></tr>"
               "<tr><td>วิธีเฉพาะเจาะจง</td><td>๑๒๗</td><td>๘,๙๑๔,๓๖๐.๐๐</td><td>๘,๘๖๖,๑๐๕.๐๐</td></tr>"
               "<tr><td>วิธีประกวดราคาอิเล็กทรอนิกส์</td><td>๔</td><td>๔,๖๒๕,๐๐๐.๐๐</td><td>๔,๐๑๘,๕๐๐.๐๐</td></tr></table>")


def test_a_reports_problems_and_suggestions_left_as_dashes_are_for_a_person() -> None:
    f = _finding("O13", PROCUREMENT + "<p>๒. ปัญหาอุปสรรค</p><p>-</p><p>๓. ข้อเสนอแนะ</p><p>-</p>")
    problems = _problems(f)
    assert f.status is Status.REVIEW and set(problems) == {"component_empty"}, problems
    assert problems["component_empty"].detail["components"] == "ปัญหา/อุปสรรค, ข้อเสนอแนะ/แนวทางแก้ไข"


@pytest.mark.parametrize("sections", [
    "<p>๒. ปัญหาอุปสรรค</p><p>ผู้ประกอบการในพื้นที่มีน้อย</p><p>๓. ข้อเสนอแนะ</p><p>ประชาสัมพันธ์ให้ลงทะเบียน e-GP</p>",
    "<p>๒. ปัญหาอุปสรรค : ไม่พบปัญหา</p><p>๓. ข้อเสนอแนะ : ไม่มี</p>",  # a statement, not a blank
    # a dash under one heading, and the same component written out further on
    "<p>ปัญหาอุปสรรค</p><p>-</p><p>ข้อเสนอแนะ</p><p>-</p><p>สรุปปัญหาอุปสรรคที่พบ: ผู้ประกอบการในพื้นที่มีน้อย"
    "</p><p>ข้อเสนอแนะ: ให้ทุกกองส่งแผนความต้องการพัสดุภายในเดือนตุลาคม</p>",
])
def test_written_problems_and_suggestions_pass(sections: str) -> None:
    f = _finding("O13", PROCUREMENT + sections)
    assert f.status is Status.PASS, _problems(f)


ORDER = ("<p>คำสั่งเทศบาลตำบลหนองบัว</p><p>ที่ ๓๑๒/๒๕๖๗</p>"
         "<p>เรื่อง แต่งตั้งคณะทำงานประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</p>"
         "<p>เพื่อให้การประเมินความเสี่ยงการทุจริตและการให้หรือรับสินบน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ เป็นไปตามแนวทาง"
         " จึงแต่งตั้งคณะทำงาน ดังนี้ ๑) ปลัดเทศบาล ประธานคณะทำงาน ๒) รองปลัดเทศบาล รองประธาน</p>"
         "<p>ให้คณะทำงานมีหน้าที่ (๑) ระบุความเสี่ยงการให้หรือรับสินบนในกระบวนงานอนุมัติ อนุญาต (๒) วิเคราะห์โอกาส"
         "ที่จะเกิดและผลกระทบ และจัดระดับความเสี่ยง (๓) กำหนดมาตรการป้องกันและควบคุมความเสี่ยงที่มีระดับสูงขึ้นไป</p>"
         "<p>สั่ง ณ วันที่ ๒๐ พฤศจิกายน ๒๕๖๗</p><p>(นายประเสริฐ ทองมา)</p><p>นายกเทศมนตรีตำบลหนองบัว</p>")


def test_an_order_appointing_the_working_group_is_not_the_assessment() -> None:
    # Three assessors' trials failed such an order with high confidence (the fifth's a O23, the eleventh's b O23, the
    # twelfth's b O24): the parts its duties name are not done.
    f = _finding("O23", ORDER)
    problems = _problems(f)
    assert f.status is Status.FAIL and problems["appointment_order_only"].severity is Status.FAIL, problems
    [quote] = problems["appointment_order_only"].evidence
    assert quote.snippet == "เรื่อง แต่งตั้งคณะทำงานประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. 2568"


def _landing_and_order(landing_body: str) -> Finding:
    landing_url, order_url = f"{HOME}ita/o23.html", f"{HOME}files/order-312-2567.html"
    page = extract_html(f"<html><body><main>{landing_body}<p><a href='{order_url}'>คำสั่งแต่งตั้งคณะทำงาน</a></p>"
                        "</main></body></html>".encode(), landing_url, "utf-8")
    order = extract_html(f"<html><body><main>{ORDER}</main></body></html>".encode(), order_url, "utf-8")
    trail = UrlTrail(submitted=landing_url, retrieved=(
        Retrieved(fetched=Fetched(url=landing_url, final_url=landing_url, status=200, content_type="text/html"),
                  document=page),
        Retrieved(fetched=Fetched(url=order_url, final_url=order_url, status=200, content_type="text/html"),
                  document=order, depth=1, parent=landing_url)))
    return evaluate_item(load_catalogue(catalogue_path_for(2568)).item("O23"), [trail], 2568, home=HOME)


def test_an_order_linked_from_a_page_that_holds_much_text_of_its_own_is_for_a_person() -> None:
    # the item page typed out at length (the assessment may be there) and linking only the order: a person looks
    typed = "".join(f"<p>ขั้นตอนที่ {i} การอนุมัติ อนุญาต ตามพระราชบัญญัติควบคุมอาคาร พ.ศ. 2522 ของกองช่าง "
                    f"มีโอกาสเกิดการเรียกรับเงินจากผู้ขออนุญาตเพื่อให้ได้รับอนุญาตรวดเร็วกว่ากำหนด</p>" for i in range(1, 21))
    reviewed = _problems(_landing_and_order("<h1>การประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ 2568</h1>" + typed))
    assert reviewed["appointment_order_only"].severity is Status.REVIEW, reviewed
    # a short item page: the order is all there is
    failed = _problems(_landing_and_order("<h1>การประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ 2568</h1>"))
    assert failed["appointment_order_only"].severity is Status.FAIL, failed


def test_an_order_counts_where_the_rule_lets_it() -> None:
    # The ethics item counts orders (a working group on ethics is a promotion); its verdict rests on its components.
    f = _finding("O16", ORDER.replace("ประเมินความเสี่ยงการทุจริต", "ขับเคลื่อนจริยธรรม"))
    assert "appointment_order_only" not in _problems(f)


STATS = ("<h1>ข้อมูลสถิติการให้บริการประชาชน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</h1>"
         "<p>เทศบาลตำบลหนองบัว อำเภอหนองบัวแดง จังหวัดชัยภูมิ</p><p>หน่วย : ราย</p>"
         "<table><tr><th>งานบริการ</th>{months}<th>รวม</th></tr>"
         "<tr><td>รับชำระภาษี</td><td>๑๐</td><td>๘</td><td>๑๓</td><td>๗๙</td><td>๑๑๐</td></tr>"
         "<tr><td>จดทะเบียนพาณิชย์</td><td>๕</td><td>๓</td><td>๔</td><td>๖</td><td>๑๘</td></tr>"
         "<tr><td>ขออนุญาตก่อสร้าง</td><td>๒</td><td>๓</td><td>๓</td><td>๔</td><td>๑๒</td></tr></table>")


def test_last_years_months_under_this_years_heading_are_for_a_person() -> None:
    months = "".join(f"<th>{m}</th>" for m in ("ต.ค. ๖๖", "พ.ย. ๖๖", "ธ.ค. ๖๖", "ม.ค. ๖๗"))
    f = _finding("O11", STATS.format(months=months))
    problems = _problems(f)
    assert f.status is Status.REVIEW and set(problems) == {"dates_earlier"}, problems
    assert problems["dates_earlier"].detail["found"] == "2567"


def test_this_years_months_pass() -> None:
    months = "".join(f"<th>{m}</th>" for m in ("ต.ค. ๖๗", "พ.ย. ๖๗", "ธ.ค. ๖๗", "ม.ค. ๖๘"))
    f = _finding("O11", STATS.format(months=months))
    assert f.status is Status.PASS, _problems(f)


@pytest.mark.parametrize(("position", "found"), [
    ("ผู้อำนวยการกองคลัง", False), ("ผู้อำนวยการสำนักการช่าง", False), ("ผู้อำนวยการกลุ่มนโยบายและแผน", False),
    ("ผู้อำนวยการสำนักงานพระพุทธศาสนาจังหวัดชัยภูมิ", True), ("ผู้อำนวยการโรงพยาบาลหนองบัว", True),
])
def test_a_divisions_director_is_no_top_executive(position: str, found: bool) -> None:
    body = (f"<h1>ข้อมูลผู้บริหาร</h1><p>นางสาวกาญจนา มีสุข</p><p>{position}</p><p>โทร. 084-712-6630</p>"
            "<p>นายวีระ จันทร์หอม</p><p>รองผู้อำนวยการ</p><p>โทร. 086-245-7719</p>")
    f = _finding("O2", body)
    missing = _problems(f).get("missing_component")
    assert (missing is None or "top_executive" not in missing.detail["missing"]) is found, _problems(f)


# ---------------------------------------------------------------- cases a reviewer raised


def test_a_long_run_of_dashes_is_read_at_once() -> None:
    tear_off = "-" * 60 + "ตัดตามรอยนี้" + "-" * 60
    page = "\n".join(["แบบคำร้องทั่วไป", tear_off, "ข้าพเจ้า", "-" * 80 + " ปิดประกาศ"])
    assert empty_sections(page) == []


@pytest.mark.parametrize("sections", [
    "<p>ปัญหาอุปสรรค</p><p>-</p><p>ผู้ประกอบการในพื้นที่มีน้อย</p><p>ข้อเสนอแนะ</p><p>-</p>"
    "<p>ประชาสัมพันธ์ให้ผู้ประกอบการลงทะเบียนในระบบ e-GP</p>",  # a dash as a bullet on its own line
])
def test_a_dash_then_the_sections_content_is_no_empty_section(sections: str) -> None:
    f = _finding("O13", PROCUREMENT + sections)
    assert f.status is Status.PASS, _problems(f)


def test_an_optional_component_left_as_a_dash_is_not_asked_for() -> None:
    measures = ("<h1>มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</h1>"
                "<p>ผลการวิเคราะห์ผลการประเมิน ITA ปี ๒๕๖๗: จุดแข็ง การใช้อำนาจ จุดอ่อน การเปิดเผยข้อมูล</p>"
                "<p>มาตรการที่ ๑ เผยแพร่ข้อมูลต่อสาธารณะ วิธีดำเนินการ: ปรับปรุงเว็บไซต์ทุกเดือน ผู้รับผิดชอบ: สำนักปลัด"
                " ระยะเวลาดำเนินการ: ต.ค. ๖๗ – ก.ย. ๖๘ การกำกับติดตาม: รายงานนายกทุกไตรมาส</p>"
                "<p>งบประมาณ (บาท) : -</p>" + "<p>มาตรการที่ ๒ ลดขั้นตอนการให้บริการ วิธีดำเนินการ: ใช้ระบบ E-Service</p>" * 3)
    assert "component_empty" not in _problems(_finding("O27", measures))


LONG_ORDER = ORDER.replace("๒) รองปลัดเทศบาล รองประธาน</p>", "๒) รองปลัดเทศบาล รองประธาน "
                           + " ".join(f"{n}) นายสมชาย ใจดี{n} หัวหน้างาน คณะทำงาน" for n in range(3, 63)) + "</p>")


def test_a_long_order_is_still_an_order() -> None:
    assert "appointment_order_only" in _problems(_finding("O23", LONG_ORDER))


def test_an_order_followed_by_its_assessment_is_the_assessment() -> None:
    assessment = ("<p>ผลการประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</p><table><tr><th>กระบวนงาน</th>"
                  "<th>โอกาสที่จะเกิด</th><th>ผลกระทบ</th><th>ระดับความเสี่ยง</th><th>มาตรการป้องกัน</th></tr>"
                  "<tr><td>การออกใบอนุญาตก่อสร้าง</td><td>๓</td><td>๔</td><td>สูง</td><td>ประกาศขั้นตอนและระยะเวลา"
                  " ใช้ระบบคิว ผู้อำนวยการกองช่างสุ่มตรวจคำขอทุกเดือน</td></tr></table>")
    assert "appointment_order_only" not in _problems(_finding("O23", ORDER + assessment))


def test_an_assistant_director_is_no_top_executive() -> None:
    body = ("<h1>ข้อมูลผู้บริหาร</h1><p>นางสาวกาญจนา มีสุข</p><p>ผู้ช่วยผู้อำนวยการ</p><p>โทร. 084-712-6630</p>"
            "<p>นายวีระ จันทร์หอม</p><p>รองผู้อำนวยการ</p><p>โทร. 086-245-7719</p>")
    assert _problems(_finding("O2", body))["missing_component"].detail["missing"] == ["top_executive"]


def test_a_plan_signed_before_its_year_citing_earlier_letters_is_not_last_years() -> None:
    plan = ("<h1>แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</h1><p>เทศบาลตำบลหนองบัว</p>"
            "<p>อาศัยมติคณะรัฐมนตรี เมื่อวันที่ ๑๑ มกราคม ๒๕๖๐ และหนังสือจังหวัด ลงวันที่ ๕ มิถุนายน ๒๕๖๗"
            " ที่ประชุมคณะกรรมการเมื่อวันที่ ๑๕ สิงหาคม ๒๕๖๗ ได้พิจารณาแผนนี้</p>"
            "<table><tr><th>โครงการ</th><th>งบประมาณ (บาท)</th><th>ระยะเวลาดำเนินการ</th></tr>"
            "<tr><td>โครงการอบรมคุณธรรมจริยธรรม</td><td>๒๐,๐๐๐</td><td>ธ.ค.</td></tr>"
            "<tr><td>กิจกรรมเผยแพร่ข้อมูลต่อต้านการทุจริต</td><td>๕,๐๐๐</td><td>มี.ค.</td></tr></table>"
            "<p>ประกาศ ณ วันที่ ๒๕ กันยายน ๒๕๖๗</p>")
    assert "dates_earlier" not in _problems(_finding("O25", plan))


def test_a_corruption_manual_sending_what_is_not_its_own_elsewhere_is_not_doubted() -> None:
    manual = ("<h1>คู่มือการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</h1>"
              "<p>ขั้นตอนการจัดการเรื่องร้องเรียนการทุจริต ๑) รับเรื่อง ๒) ตรวจสอบข้อเท็จจริง ๓) แจ้งผลภายใน ๑๕ วัน</p>"
              "<p>กรณีเป็นเรื่องที่ไม่อยู่ในอำนาจหน้าที่ ให้แนะนำผู้ร้องไปยื่นต่อหน่วยงานที่มีอำนาจหน้าที่</p>" * 2)
    assert "component_doubted" not in _problems(_finding("O17", manual))


# ---------------------------------------------------------------- cases a second reviewer raised

def test_bullets_and_colon_punctuation_are_no_empty_sections() -> None:
    two_bullets = "๒. ปัญหาอุปสรรค\n-\nผู้ประกอบการในพื้นที่มีน้อย\n-\nเจ้าหน้าที่พัสดุมีจำนวนจำกัด"
    colon = "๒. ปัญหาอุปสรรค :-\n๑) ผู้ประกอบการมีน้อย\n๒) เจ้าหน้าที่น้อย\n๓. ข้อเสนอแนะ :-\n๑) ประชาสัมพันธ์"
    assert empty_sections(two_bullets) == [] and empty_sections(colon) == []
    assert empty_sections("ปัญหาอุปสรรค : -\nข้อเสนอแนะ : -\n(ลงชื่อ)") == [(0, 1), (1, 2)]


def test_a_big_page_of_dashes_is_read_in_one_pass() -> None:
    page = "\n".join(["๒. ปัญหาอุปสรรค", "-"] * 40_000)  # 80,000 lines: each section ends at the next heading
    assert len(empty_sections(page)) == 40_000


def test_an_order_followed_by_its_members_list_is_still_an_order() -> None:
    annex = ("<p>บัญชีรายชื่อคณะทำงานประเมินความเสี่ยงการทุจริต แนบท้ายคำสั่งเทศบาลตำบลหนองบัว ที่ ๓๑๒/๒๕๖๗</p>"
             "<table><tr><th>ที่</th><th>ชื่อ – สกุล</th><th>ตำแหน่ง</th><th>ตำแหน่งในคณะทำงาน</th></tr>"
             + "".join(f"<tr><td>{n}</td><td>นายสมชาย ใจดี{n}</td><td>หัวหน้าฝ่าย</td><td>คณะทำงาน</td></tr>"
                       for n in range(1, 7)) + "</table>")
    assert "appointment_order_only" in _problems(_finding("O23", ORDER + annex))


def test_last_years_complaints_under_this_years_heading_are_for_a_person() -> None:
    rows = "".join(f"<tr><td>{d}</td><td>ร้องเรียนเจ้าหน้าที่เรียกรับเงิน</td><td>ยุติเรื่อง</td></tr>"
                   for d in ("๑๒ ธันวาคม ๒๕๖๕", "๓ กุมภาพันธ์ ๒๕๖๖", "๑๘ เมษายน ๒๕๖๖", "๙ มิถุนายน ๒๕๖๖",
                             "๒๒ สิงหาคม ๒๕๖๖"))
    body = ("<h1>ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗</h1>"
            "<p>เทศบาลตำบลหนองบัว อำเภอหนองบัวแดง จังหวัดชัยภูมิ</p><p>จำนวนเรื่องร้องเรียนทั้งหมด ๕ เรื่อง</p>"
            f"<table><tr><th>วันที่รับเรื่อง</th><th>เรื่อง</th><th>ผลการดำเนินการ</th></tr>{rows}</table>")
    assert "dates_earlier" in _problems(_finding("O19", body, year=2568))  # O19 reads the previous year


def test_colon_punctuation_before_labelled_sub_items_is_no_empty_section() -> None:
    page = "๒. ปัญหาอุปสรรค :-\nด้านงบประมาณ : ได้รับการจัดสรรล่าช้า\nด้านบุคลากร : มีไม่เพียงพอ\n๓. ข้อเสนอแนะ\nควรจัดอบรม"
    assert empty_sections(page) == []
