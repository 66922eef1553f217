"""What the seventh assessor's trial (an อบจ. on a WordPress site) called for: an online form never called
"E-Service", a page that only gathers other agencies' systems, a gift report's table and a No Gift policy's rule,
an HR report in its own words."""

from __future__ import annotations

import pytest

from tests.support.evaluate import HOME, finding_from_html
from tests.unit.evaluate.test_fifth_trial_checks import _finding, _problems

FORM = ('<form action="/request" method="post"><label>เรื่องที่ขอรับบริการ <select name="t"><option>ขอใช้รถบรรทุกน้ำ'
        '</option></select></label><label>ชื่อ – นามสกุลผู้ขอ <input name="n"></label><label>หมายเลขโทรศัพท์ '
        '<input name="p"></label><label>รายละเอียด <textarea name="d"></textarea></label><button>ส่งคำขอ</button></form>')


def test_a_working_form_on_the_website_is_an_online_service() -> None:
    body = ("<h1>ขอรับบริการผ่านเว็บไซต์ อบจ.สกลนคร</h1><p>ประชาชนขอรับบริการได้ทางหน้านี้ตลอด 24 ชั่วโมง"
            " โดยไม่ต้องเดินทางมาที่สำนักงาน เจ้าหน้าที่จะติดต่อกลับภายใน 1 วันทำการ</p>" + FORM)
    f = _finding("O10", body)
    assert "missing_component" not in _problems(f), _problems(f)


def test_a_page_gathering_other_agencies_systems_is_in_doubt() -> None:
    body = ("<h1>E-Service</h1><p>รวมลิงก์ระบบบริการอิเล็กทรอนิกส์ (E-Service) ของหน่วยงานภาครัฐ</p><ul>"
            '<li><a href="https://www.gprocurement.go.th/">ระบบการจัดซื้อจัดจ้างภาครัฐ (e-GP)</a></li>'
            '<li><a href="https://1111.go.th/">ศูนย์บริการประชาชน (สายด่วน 1111)</a></li></ul>')
    problems = _problems(_finding("O10", body))
    assert problems["component_doubted"].detail["doubt"] == "รวมลิงก์ระบบ"


GIFTS = ("<h1>รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</h1>{body}"
         "<p>ข้อมูล ณ วันที่ ๓๑ มีนาคม ๒๕๖๘ กองการเจ้าหน้าที่</p>")


def test_a_gift_reports_table_lists_entries() -> None:
    table = ("<table><tr><th>วันที่</th><th>ผู้รับ (ตำแหน่ง)</th><th>บุคคล/หน่วยงานที่มอบ</th><th>สิ่งที่ได้รับ</th>"
             "<th>ราคาประมาณ (บาท)</th></tr><tr><td>๒ ม.ค. ๒๕๖๘</td><td>นายก อบจ.</td><td>บริษัท สกลเมดิคอล จำกัด</td>"
             "<td>กระเช้าผลไม้ ๑ กระเช้า</td><td>๑,๕๐๐</td></tr></table>")
    assert "missing_component" not in _problems(_finding("O22", GIFTS.format(body=table)))


def test_a_no_gift_policys_rules_are_no_entries() -> None:
    policy = ("<p>การรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา ให้รับได้ไม่เกินมูลค่า ๓,๐๐๐ บาท</p>"
              "<p>หากจำเป็นต้องรับของที่มีมูลค่าเกิน ๓,๐๐๐ บาท ให้รายงานผู้บังคับบัญชาตามแบบรายงานการรับทรัพย์สิน"
              " ภายใน ๓๐ วัน เพื่อวินิจฉัยว่าจะรับไว้หรือคืนผู้ให้</p>")
    missing = _problems(_finding("O22", GIFTS.format(body=policy)))["missing_component"]
    assert missing.detail["missing"] == ["entries_or_nil"]


def test_an_hr_report_in_its_own_words() -> None:
    body = ("<h1>สรุปการบริหารและพัฒนาทรัพยากรบุคคล ปีงบประมาณ ๒๕๖๗</h1><table><tr><th>กิจกรรม</th><th>เป้าหมาย</th>"
            "<th>ผลลัพธ์</th><th>เบิกจ่าย (บาท)</th></tr><tr><td>อบรมพัฒนาทักษะดิจิทัลสำหรับบุคลากร</td><td>120 คน</td>"
            "<td>เข้ารับการอบรม 114 คน</td><td>96,500</td></tr></table><p>รวมเบิกจ่าย 325,500 บาท</p>"
            "<p>ข้อจำกัดที่พบ</p><p>บุคลากรที่อยู่ห่างไกลเข้ารับการอบรมได้ยาก</p>"
            "<p>สิ่งที่จะปรับปรุงในปี ๒๕๖๘</p><p>จัดอบรมผ่านระบบประชุมทางไกล</p>")
    missing = _problems(_finding("O15", body)).get("missing_component")
    assert missing is None or not {"results", "problems", "suggestions"} & set(missing.detail["missing"]), missing


# ---------------------------------------------------------------- cases a second reviewer raised

def test_a_side_box_of_agency_links_puts_no_e_service_in_doubt() -> None:
    body = ("<h1>E-Service</h1><p>ยื่นคำร้องออนไลน์ได้ที่ระบบ E-Service ของเทศบาล ตลอด 24 ชั่วโมง</p>"
            '<p><a href="/eservice/water.html">ขอรับน้ำอุปโภคบริโภค</a></p><div><h3>ลิงก์หน่วยงาน</h3>'
            '<a href="https://www.dla.go.th/">กรมส่งเสริมการปกครองท้องถิ่น</a></div>')
    assert "component_doubted" not in _problems(_finding("O10", body))


def test_a_lao_without_deputies_is_not_passed_by_a_work_groups_head() -> None:
    body = ("<h1>ข้อมูลผู้บริหาร</h1><p>นายธนากร ศรีสกล</p><p>นายกองค์การบริหารส่วนจังหวัดสกลนคร</p>"
            "<p>โทร. 081-111-2222</p><p>นางสาวมาลี ใจดี</p><p>หัวหน้ากลุ่มงานช่วยนักบริหาร</p><p>โทร. 081-333-4444</p>")
    assert _problems(_finding("O2", body))["missing_component"].detail["missing"] == ["deputies"]


@pytest.mark.parametrize("text", [
    "ในรอบ ๖ เดือน ไม่มีบุคลากรรายใดรับทรัพย์สินหรือประโยชน์อื่นใดที่มีมูลค่าเกิน ๓,๐๐๐ บาท",
    "นายสมชาย ใจดี ได้รับกระเช้าผลไม้จากบริษัท สกลเมดิคอล จำกัด ราคาหรือมูลค่าประมาณ ๑,๕๐๐ บาท",
])
def test_a_gift_reports_nil_statement_and_entries_in_prose(text: str) -> None:
    assert "missing_component" not in _problems(_finding("O22", GIFTS.format(body=f"<p>{text}</p>")))


@pytest.mark.parametrize("rule", [
    "เจ้าหน้าที่ของรัฐจะรับของขวัญได้เฉพาะที่มีมูลค่าไม่เกิน 3,000 บาท",
    "ทั้งนี้ ต้องไม่มีเจ้าหน้าที่ผู้ใดรับของขวัญเกินกว่าที่ประกาศกำหนด",
])
def test_a_gift_rule_is_no_entry_nor_a_nil_report(rule: str) -> None:
    missing = _problems(_finding("O22", GIFTS.format(body=f"<p>{rule}</p>")))["missing_component"]
    assert missing.detail["missing"] == ["entries_or_nil"]


# ---------------------------------------------------------------- the ninth trial: a subject named once

RISK_PLAN = ("<h1>แผนบริหารจัดการความเสี่ยง ประจำปีงบประมาณ พ.ศ. ๒๕๖๙</h1><p>ตามหลักเกณฑ์กระทรวงการคลังว่าด้วยมาตรฐานและ"
             "หลักเกณฑ์ปฏิบัติการบริหารจัดการความเสี่ยงสำหรับหน่วยงานของรัฐ เทศบาลจึงจัดทำแผนนี้</p><h2>วัตถุประสงค์</h2>"
             "<p>เพื่อให้การบริหารงานบรรลุวัตถุประสงค์ โปร่งใส และป้องกันความเสียหาย รวมถึงการทุจริตที่อาจเกิดขึ้น</p>"
             "<table><tr><th>ความเสี่ยง</th><th>โอกาส</th><th>ผลกระทบ</th><th>ระดับความเสี่ยง</th>"
             "<th>แนวทางการบริหารความเสี่ยง</th></tr>{rows}</table>")
FLOOD = "<tr><td>อุทกภัยในพื้นที่เกษตร</td><td>4</td><td>4</td><td>16</td><td>ขุดลอกคลองก่อนฤดูฝน</td></tr>"
BRIBE = ("<tr><td>เรียกรับสินบนเพื่อเร่งรัดใบอนุญาตก่อสร้าง</td><td>3</td><td>4</td><td>12</td>"
         "<td>ประกาศขั้นตอนและระยะเวลา</td></tr>")


@pytest.mark.parametrize("year,item", [(2569, "O21"), (2568, "O23")])
def test_a_risk_plan_naming_corruption_once_is_for_a_person(year: int, item: str) -> None:
    f = _finding(item, RISK_PLAN.format(rows=FLOOD * 3), year)
    if item == "O21":
        reason = _problems(f)["component_few_mentions"]
        assert reason.detail["mentions"] == 1 and "รวมถึงการทุจริตที่อาจเกิดขึ้น" in reason.evidence[0].snippet
    # a risk table naming corruption risks of its own: the subject on two lines or more, no question
    rows = FLOOD + BRIBE + BRIBE.replace("ใบอนุญาตก่อสร้าง", "การจดทะเบียนพาณิชย์")
    assert "component_few_mentions" not in _problems(_finding(item, RISK_PLAN.format(rows=rows), year))
    # the objective naming it twice on one line is still one mention
    twice = RISK_PLAN.replace("รวมถึงการทุจริตที่อาจเกิดขึ้น", "รวมถึงการทุจริตและประพฤติมิชอบที่อาจเกิดขึ้น")
    if item == "O21":
        few = _problems(_finding(item, twice.format(rows=FLOOD), year))["component_few_mentions"]
        assert few.detail["mentions"] == 1


def test_an_assessment_headed_by_the_items_title_is_never_asked_how_often_it_names_corruption() -> None:
    """A third reviewer's case: a compact assessment whose only line naming corruption is its heading (its risks
    named by what they are: gifts, the official car, opaque procurement) says what it is."""
    body = ("<h1>การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙</h1><p>คณะทำงานวิเคราะห์โอกาสที่จะ"
            "เกิดและผลกระทบ จัดระดับความเสี่ยงตามเมทริกซ์ 5 x 5 และกำหนดมาตรการควบคุม</p><p>1. การรับของขวัญหรือของกำนัล"
            "จากผู้มาติดต่อราชการ ระดับความเสี่ยง สูง มาตรการ ประกาศนโยบาย No Gift Policy</p><p>2. การใช้รถส่วนกลางของราชการ"
            "ไปใช้ในกิจธุระส่วนตัว ระดับความเสี่ยง ปานกลาง มาตรการ จัดทำทะเบียนคุมการใช้รถ</p>")
    assert "component_few_mentions" not in _problems(_finding("O21", body, 2569))
    # a general plan whose objective's words wrap onto two lines is still one mention
    wrapped = RISK_PLAN.replace("รวมถึงการทุจริตที่อาจเกิดขึ้น", "รวมถึงการทุจริต<br>และประพฤติมิชอบที่อาจเกิดขึ้น")
    few = _problems(_finding("O21", wrapped.format(rows=FLOOD), 2569))["component_few_mentions"]
    assert few.detail["mentions"] == 1


@pytest.mark.parametrize("words", ["ระบบ E-Service ยังไม่เปิดให้บริการ", "E-Service (อยู่ระหว่างการจัดทำ)",
                                   "ระบบยื่นคำร้องออนไลน์อยู่ระหว่างการพัฒนา", "จะเปิดให้บริการระบบ E-Service เร็วๆ นี้"])
def test_an_e_service_page_without_the_service_is_doubted(words: str) -> None:
    """A third reviewer's pages: "E-Service" headed over words saying the service is not there yet."""
    f = _finding("O10", f"<h1>E-Service</h1><p>{words}</p><p>ติดต่อขอรับบริการได้ที่สำนักงานเทศบาล</p>", 2569)
    assert "component_doubted" in _problems(f), f.reasons


DLA_OFFICE = "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น"


def test_a_provincial_offices_group_heads_are_its_deputies() -> None:
    """review66 b02: a provincial office's second tier is its หัวหน้ากลุ่มงาน… and หัวหน้าฝ่ายบริหารงานทั่วไป; a local
    government's (or an agency not known) still is not."""
    body = ("<h1>ข้อมูลผู้บริหาร สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น</h1><p>นายธนากร พิมพ์ทอง</p>"
            "<p>ท้องถิ่นจังหวัดขอนแก่น</p><p>โทร. 043-236-712</p><p>นางสาวกาญจนา แสนสุข</p>"
            "<p>หัวหน้ากลุ่มงานส่งเสริมและพัฒนาท้องถิ่น</p><p>โทร. 043-236-713</p>")
    html = f"<html><body><main>{body}</main></body></html>"
    office = finding_from_html("O2", html, f"{HOME}o2.html", 2569, agency=DLA_OFFICE)
    assert "missing_component" not in _problems(office), _problems(office)
    unknown = finding_from_html("O2", html, f"{HOME}o2.html", 2569)
    assert _problems(unknown)["missing_component"].detail["missing"] == ["deputies"]


def test_a_provincial_office_shows_no_political_side() -> None:
    """review66 b01: a provincial office has no council nor elected executive; a local government's chart must show
    them."""
    body = ("<h1>โครงสร้างและอำนาจหน้าที่</h1><p>แผนผังโครงสร้างการแบ่งส่วนราชการ</p>"
            "<p>ท้องถิ่นจังหวัดขอนแก่น (ผู้บริหารสูงสุดของสำนักงาน)</p><p>ฝ่ายบริหารงานทั่วไป</p>"
            "<p>กลุ่มงานส่งเสริมและพัฒนาท้องถิ่น มีหน้าที่ส่งเสริมและพัฒนาการบริหารงานขององค์กรปกครองส่วนท้องถิ่น</p>"
            "<p>หัวหน้ากลุ่มงานการเงิน บัญชี และการตรวจสอบ</p><p>อำนาจหน้าที่ ตรวจสอบการเงินของ อปท. ในจังหวัด</p>")
    html = f"<html><body><main>{body}</main></body></html>"
    office = finding_from_html("O1", html, f"{HOME}o1.html", 2569, agency=DLA_OFFICE)
    assert "missing_component" not in _problems(office), _problems(office)
    tao = finding_from_html("O1", html, f"{HOME}o1.html", 2569, agency="องค์การบริหารส่วนตำบลโคกสูง")
    assert _problems(tao)["missing_component"].detail["missing"] == ["political_side"]
