"""The service manual (O9, `stated_by`): a fee and the documents must be stated, not only named. A steps poster
whose "ชำระค่าธรรมเนียมและรับใบอนุญาต" and "ยื่นคำร้องพร้อมเอกสารประกอบ" name them is for a person to look at
(`component_not_stated`); an amount, "ไม่มีค่าธรรมเนียม" or "ฟรี", and the documents' names pass. A manual written as
plain questions is read."""

from __future__ import annotations

import pytest

from oit_checker.model import Finding, Status
from tests.support.evaluate import finding_from_html

URL = "https://www.nongbua.go.th/manual.html"
STEPS = ("<h1>ขั้นตอนและระยะเวลาการให้บริการประชาชน</h1><p>งานบริการ: การขออนุญาตก่อสร้างอาคาร</p>"
         "<p>๑. ยื่นคำร้องพร้อมเอกสารประกอบ ณ กองช่าง (๑๐ นาที)</p><p>๒. เจ้าหน้าที่ตรวจสอบเอกสาร (๑ วัน)</p>"
         "<p>๓. นายช่างออกตรวจสถานที่ก่อสร้าง (๓ วัน)</p><p>๔. เสนอพิจารณาออกใบอนุญาต (ไม่เกิน ๔๐ วัน)</p>"
         "<p>๕. ชำระค่าธรรมเนียมและรับใบอนุญาต (๑๐ นาที)</p><p>รวมระยะเวลาไม่เกิน ๔๕ วัน</p>"
         "<p>ติดต่อได้ที่ กองช่าง องค์การบริหารส่วนตำบลหนองบัว ในวันและเวลาราชการ โทร. ๐ ๔๒๒๑ ๘๓๕๐</p>")


def _finding(body: str, year: int) -> Finding:
    return finding_from_html("O9", f"<html><body><main>{body}</main></body></html>", URL, year)


def _problems(f: Finding) -> dict[str, list[str]]:
    return {r.code: [e.snippet for e in r.evidence] for r in f.reasons if r.severity is not Status.PASS}


@pytest.mark.parametrize("year", [2568, 2569])
def test_a_fee_and_documents_only_named_in_the_steps_are_for_a_person(year: int) -> None:
    f = _finding(STEPS, year)
    assert f.status is Status.REVIEW and set(_problems(f)) == {"component_not_stated"}, _problems(f)
    [reason] = [r for r in f.reasons if r.code == "component_not_stated"]
    assert reason.detail["components"].startswith("ค่าธรรมเนียม") and "เอกสาร/หลักฐานที่ต้องใช้" in reason.detail[
        "components"]
    fee, documents = (e.snippet for e in reason.evidence)
    assert "ชำระค่าธรรมเนียมและรับใบอนุญาต" in fee and "ยื่นคำร้องพร้อมเอกสารประกอบ" in documents


@pytest.mark.parametrize(("fee", "documents"), [
    ("ค่าธรรมเนียมการออกใบอนุญาต ฉบับละ ๒๐ บาท", "เอกสารประกอบ: สำเนาบัตรประจำตัวประชาชน แบบแปลนอาคาร ๕ ชุด"),
    ("ค่าธรรมเนียม | ไม่มี", "เอกสารประกอบ | บัตรประจำตัวประชาชนตัวจริง"),
    ("ไม่มีค่าธรรมเนียม", "ยื่นพร้อมเอกสารประกอบ ได้แก่ โฉนดที่ดิน และหนังสือมอบอำนาจ (กรณียื่นแทน)"),
    ("ค่าธรรมเนียม ตามอัตราท้ายกฎกระทรวง", "เอกสารประกอบ ๑) ทะเบียนบ้าน"),
])
def test_a_fee_and_documents_stated_pass(fee: str, documents: str) -> None:
    body = STEPS + f"<p>{fee}</p><p>{documents}</p>"
    f = _finding(body, 2568)
    assert f.status is Status.PASS, _problems(f)


def test_one_stated_the_other_only_named() -> None:
    f = _finding(STEPS + "<p>ค่าธรรมเนียม ๒๐ บาท</p>", 2568)
    [reason] = [r for r in f.reasons if r.code == "component_not_stated"]
    assert f.status is Status.REVIEW and reason.detail["components"] == "เอกสาร/หลักฐานที่ต้องใช้"


def test_a_manual_written_as_questions_passes() -> None:
    body = ("<h1>คู่มือการขอรับบริการ</h1><h2>ลงทะเบียนรับเงินเบี้ยยังชีพผู้สูงอายุ</h2>"
            "<p>ใครยื่นได้ ผู้ที่จะมีอายุครบ ๖๐ ปีบริบูรณ์ในปีงบประมาณถัดไป และมีชื่ออยู่ในทะเบียนบ้านในตำบล</p>"
            "<p>ยื่นที่ไหน ยื่นด้วยตนเองที่สำนักปลัด (งานพัฒนาชุมชน ชั้น ๑) หรือมอบอำนาจให้ผู้อื่นยื่นแทน</p>"
            "<p>เอกสารที่ต้องนำมา ๑) บัตรประจำตัวประชาชนตัวจริง ๒) ทะเบียนบ้าน ๓) สมุดบัญชีเงินฝากธนาคาร</p>"
            "<p>ทำอย่างไร ๑) กรอกแบบคำขอลงทะเบียน ๒) เจ้าหน้าที่ตรวจสอบคุณสมบัติ ๓) รับใบรับลงทะเบียน</p>"
            "<p>ใช้เวลา ประมาณ ๑๕ นาที</p><p>เสียเงินไหม ฟรี</p>")
    f = _finding(body, 2568)
    assert f.status is Status.PASS, _problems(f)
    found = {r.detail["component"]: r.evidence[0].snippet for r in f.found if r.code == "component_found"}
    assert "ยื่นที่ไหน" in found["channel"] and "ทำอย่างไร" in found["procedure"]
    assert "เสียเงินไหม" in found["fee"] and "ลงทะเบียนรับเงินเบี้ยยังชีพ" in found["service_name"]


@pytest.mark.parametrize("fee", [
    "<table><tr><th>งานบริการ</th><th>ค่าธรรมเนียม (บาท)</th></tr><tr><td>ใบอนุญาต</td><td>200</td></tr></table>",
    "<p>ค่าธรรมเนียม ฉบับละ 20.-</p>", "<p>ค่าธรรมเนียม ตามบัญชีอัตราค่าธรรมเนียมท้ายข้อบัญญัติ</p>",
    "<p>ค่าธรรมเนียม ร้อยละ 2 ของราคาประเมิน</p>", "<p>ค่าธรรมเนียม : ยกเว้น</p>",
])
def test_a_fee_stated_the_ways_manuals_state_it(fee: str) -> None:
    f = _finding(STEPS + fee + "<p>เอกสารประกอบ: สำเนาบัตรประจำตัวประชาชน แบบแปลนอาคาร</p>", 2568)
    assert f.status is Status.PASS, _problems(f)


def test_a_legal_basis_a_form_and_a_map_state_neither_fee_nor_documents() -> None:
    body = (STEPS.replace("ยื่นคำร้องพร้อมเอกสารประกอบ", "ยื่นแบบคำร้องพร้อมเอกสารประกอบ")
            + "<p>อาศัยอำนาจตามระเบียบกระทรวงมหาดไทย ว่าด้วยการควบคุมอาคาร</p><p>แผนที่ตั้งสำนักงาน</p>")
    [reason] = [r for r in _finding(body, 2568).reasons if r.code == "component_not_stated"]
    assert reason.detail["components"].startswith("ค่าธรรมเนียม") and "เอกสาร" in reason.detail["components"]


# No Gift (2569 O20, 2568 O21): an announcement whose only "activity" is an appeal ("…ขอเชิญชวนประชาชนผู้มาติดต่อราชการ
# ร่วมรณรงค์ไม่ให้ของขวัญแก่เจ้าหน้าที่", review28 f02) names one and holds none; the same with the activity held passes.
NO_GIFT = ("<h1>ประกาศองค์การบริหารส่วนตำบลโคกสูง เรื่อง นโยบายไม่รับของขวัญ (No Gift Policy) ประจำปี {fy}</h1>"
           "<p>องค์การบริหารส่วนตำบลโคกสูง ประกาศเจตนารมณ์ให้บุคลากรทุกคนงดให้และงดรับของขวัญหรือของกำนัล ในทุกโอกาส"
           " และขอเชิญชวนประชาชนผู้มาติดต่อราชการร่วมรณรงค์ไม่ให้ของขวัญแก่เจ้าหน้าที่</p>"
           "<p>ทั้งนี้ การรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา ให้เป็นไปตามประกาศคณะกรรมการ ป.ป.ช. เรื่อง"
           " หลักเกณฑ์การรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยาของเจ้าหน้าที่ของรัฐ พ.ศ. ๒๕๖๓</p>{held}"
           "<p>ประกาศ ณ วันที่ ๖ ตุลาคม พ.ศ. {signed}</p><p>(นายสมพงษ์ ศรีสุข)</p><p>นายกองค์การบริหารส่วนตำบลโคกสูง</p>")


@pytest.mark.parametrize(("item", "year"), [("O20", 2569), ("O21", 2568)])
@pytest.mark.parametrize(("held", "status"), [
    ("", Status.REVIEW),
    ("<p>เมื่อวันที่ ๒๘ ตุลาคม {signed} อบต.โคกสูง จัดกิจกรรมรณรงค์ไม่รับของขวัญ มีบุคลากรเข้าร่วม ๔๕ คน</p>", Status.PASS),
])
def test_a_no_gift_call_to_campaign_is_no_activity_held(item: str, year: int, held: str, status: Status) -> None:
    thai = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
    signed = str(year - 1).translate(thai)
    body = NO_GIFT.format(fy=str(year).translate(thai), held=held.format(signed=signed), signed=signed)
    f = finding_from_html(item, f"<html><body><main>{body}</main></body></html>", URL, year)
    assert f.status is status, _problems(f)
    assert ("component_not_stated" in _problems(f)) is (status is Status.REVIEW)


def test_channels_refused_are_no_channel() -> None:
    # "ไม่รับเรื่องร้องเรียนทางโทรศัพท์ ไปรษณีย์ อีเมล หรือเว็บไซต์": said none, not offered (review78 c03); a refusal of
    # something else followed by a channel offered is read as offered
    from oit_checker.evaluate.empty import without_refused
    refused = "อบต.โคกสูงไม่รับเรื่องร้องเรียนทางโทรศัพท์ ไปรษณีย์ อีเมล หรือเว็บไซต์ ผู้ร้องต้องมายื่นด้วยตนเองเท่านั้น"
    blanked = without_refused(refused)
    assert blanked is not None and "โทรศัพท์" not in blanked and "เว็บไซต์" not in blanked and "ผู้ร้องต้อง" in blanked
    assert without_refused("ไม่รับเรื่องที่ไม่ระบุชื่อ แต่สามารถแจ้งทางโทรศัพท์ได้") is None
    page = ("<h1>ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</h1><p>ผู้ที่ประสงค์จะร้องเรียนเจ้าหน้าที่ขององค์การบริหาร"
            "ส่วนตำบลโคกสูง ว่าทุจริตหรือประพฤติมิชอบ ให้ยื่นเรื่องได้ที่</p><p>ยื่นด้วยตนเอง ณ ศูนย์รับเรื่องร้องเรียน สำนักปลัด "
            "อบต.โคกสูง ในวันและเวลาราชการ</p><p>ตู้รับเรื่องร้องเรียน ตั้งอยู่หน้าห้องนายก อบต.</p>"
            f"<p>เพื่อป้องกันการกลั่นแกล้งและการร้องเรียนเท็จ {refused}</p>")
    f = finding_from_html("O17", f"<html><body><main>{page}</main></body></html>", URL, 2569)
    assert f.status is not Status.PASS
    assert "component_said_none" in {r.code for r in f.reasons}


def test_general_grievances_under_a_corruption_title() -> None:
    # the general grievance register relabelled "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ" (review78 d02);
    # a table with a corruption category is the item's
    from oit_checker.evaluate.grievances import general_only
    head = "ประเภทเรื่องร้องเรียน | จำนวน (เรื่อง) | ดำเนินการแล้วเสร็จ | อยู่ระหว่างดำเนินการ"
    rows = ["ไฟฟ้าส่องสว่างสาธารณะชำรุด | 12 | 12 | 0", "ถนนในหมู่บ้านชำรุดเป็นหลุมบ่อ | 8 | 6 | 2",
            "สุนัขจรจัด | 2 | 2 | 0", "รวม | 22 | 20 | 2"]
    assert general_only([head, *rows]) == (3, "ไฟฟ้าส่องสว่างสาธารณะชำรุด")
    mixed = [head, "เจ้าหน้าที่เรียกรับเงินในการออกใบอนุญาต | 1 | 1 | 0", *rows]
    assert general_only(mixed) is None
    months = ["เดือน | จำนวนเรื่องร้องเรียน | ดำเนินการแล้วเสร็จ", "ตุลาคม 2567 | 0 | 0", "พฤศจิกายน 2567 | 0 | 0"]
    assert general_only(months) is None
