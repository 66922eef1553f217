"""The structural matchers of issue 9 (evaluate/matchers.py, evaluate/cover.py), each with positive and negative
Thai examples in the forms real documents take: a PDF text layer (cells wrapped over lines), a workbook or an
HTML table (cells joined by " | "), prose. The column and table matchers are tested through the shipped
catalogue's own data (rules/ita2568.toml), so a change of the data is tested too."""

from __future__ import annotations

import pytest

from oit_checker.catalogue.rules import load_catalogue
from oit_checker.evaluate.cover import body_pages, title_block_lines
from oit_checker.evaluate.matchers import (
    column_hit,
    position_mention,
    rows_hit,
    signature_block,
    signing_told,
    structure_hit,
)
from oit_checker.model import Catalogue, Component, Matcher, MatcherKind, ValueKind
from oit_checker.text.thai import TextIndex, normalize
from tests.support.paths import ROOT


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return load_catalogue(ROOT / "rules" / "ita2568.toml")


def component(cat: Catalogue, item: str, cid: str) -> Component:
    return next(c for c in cat.item(item).components if c.id == cid)


def shape(comp: Component, text: str) -> str | None:
    index = TextIndex(text)
    return next((s for m in comp.matchers if (s := structure_hit(m, text, index)) is not None), None)


def wording(comp: Component, text: str) -> bool:
    index = TextIndex(text)
    strict = any((m := index.find(p)) is not None and not m.loose for p in comp.phrases)
    return strict or any(index.find_regex(p) is not None for p in comp.patterns)


# ---------------------------------------------------------------- money spent: a column in a table of results

SPENT_POSITIVE = {
    "docx table, วงเงินรวม (บาท)": (
        "ที่ | โครงการ/หลักสูตร | ผู้เข้าร่วม (คน) | ผลการดำเนินงาน | วงเงินรวม (บาท)\n"
        "1 | อบรมพัฒนาศักยภาพผู้บริหาร | 58 | จัดอบรม 2 วัน | 86,500.00\n"
        "2 | หลักสูตรการจัดซื้อจัดจ้างภาครัฐ | 3 | ผ่านการอบรมครบทุกคน | 13,500.00\n"
        " | รวมทั้งสิ้น |  | 61 |  | 100,000.00"),
    "PDF text layer, จำนวน/เงิน (บาท) wrapped": (
        "ที่ โครงการ/กิจกรรม/มาตรการ ผลการดำเนินการ จำนวน\nเงิน (บาท)\n"
        "1 โครงการอบรมคุณธรรมจริยธรรมแก่ผู้\nบริหาร อบรม 1 วัน ผู้เข้าร่วม 61\nคน\n15,000.00\n"
        "2 กิจกรรมประกาศเจตนารมณ์ จัดกิจกรรมวันที่ 9 ธ.ค. 66 -\n3 โครงการเยาวชนไม่โกง นักเรียน 120 คน 12,500.00"),
    "PDF, เบิกจ่าย (บาท) beside ดำเนินการแล้ว": (
        "ยุทธศาสตร์ โครงการ\nตามแผน\nดำเนิน\nการแล้ว\nร้อยละ เบิกจ่าย (บาท)\n"
        "ยุทธศาสตร์ที่ ๑ การพัฒนาโครงสร้างพื้นฐาน\n18 15 83.33 6,482,300.00\n"
        "ยุทธศาสตร์ที่ ๒ การพัฒนาเศรษฐกิจ\n7 6 85.71 284,500.00"),
    "PDF, a table broken by a page: one amount and zeros before the break (review27 i01)": (
        "ที่ โครงการ/กิจกรรม ผลการดำเนินการ ผลที่ได้รับ\nงบที่ใช้จริง\n(บาท)\n๑\nโครงการอบรมคุณธรรม\nจริยธรรมบุคลากร\n"
        "จัดอบรมแล้ว ๒๐ ก.พ. ๖๘\nผู้เข้าร่วม ๕๗ คน\n๑๘,๗๕๐\n๒\nกิจกรรมประกาศเจตจำนง\nประกาศแล้ว ๑ ต.ค. ๖๗\n๐\n"
        "๓\nมาตรการเผยแพร่ข้อมูลการจัดซื้อจัดจ้าง\nเผยแพร่ครบ ๑๒ เดือน\n๐\nหน้า ๓"),
    "PDF, the spend column naming its year: เบิกจ่าย ปี ๒๕๖๗ (บาท) (review40 P1)": (
        "ยุทธศาสตร์\nจำนวนโครงการ\nปี ๒๕๖๗\nดำเนินการแล้ว\nปี ๒๕๖๗\nงบประมาณ ปี\n๒๕๖๗ (บาท)\nเบิกจ่าย ปี ๒๕๖๗\n(บาท)\n"
        "๑ โครงสร้างพื้นฐาน ๑๔ ๑๒ ๘,๔๐๐,๐๐๐ ๘,๐๑๒,๕๐๐\n๒ เศรษฐกิจ ๕ ๕ ๓๒๐,๐๐๐ ๓๑๐,๔๐๐"),
}
SPENT_NEGATIVE = {
    "one amount and no other value (a zero in a date or a count is none)": (
        "ที่ โครงการ ผลการดำเนินการ งบที่ใช้จริง (บาท)\n๑ อบรมคุณธรรม จัดอบรม ๒๐ ก.พ. ๖๘ ผู้เข้าร่วม ๑๐๐ คน ๑๘,๗๕๐\n"
        "๒ ประกาศเจตจำนง ประกาศแล้ว ๑ ต.ค. ๖๗ เผยแพร่ครบ ๑๒ เดือน"),
    "a plan's budget column (no results beside it)": (
        "ลำดับ | โครงการ/กิจกรรม | จำนวนเงิน (บาท) | ระยะเวลาดำเนินการ | ผู้รับผิดชอบ\n"
        "1 | โครงการอบรมคุณธรรมจริยธรรม | 20,000.00 | ต.ค. 67 – ก.ย. 68 | สำนักปลัด\n"
        "2 | กิจกรรมเผยแพร่แผน | 5,000.00 | ไตรมาส 1 | กองคลัง"),
    "a count column beside the results": (
        "ประเภทบุคลากร | จำนวน (คน) | ผลการดำเนินงาน\nพนักงานเทศบาล | 21 | อบรมครบ\nลูกจ้างประจำ | 3 | อบรมครบ"),
    "a plan's budget column naming its year (no results beside it)": (
        "ที่ | โครงการ/กิจกรรม | จำนวนเงิน ปี 2568 (บาท) | ผู้รับผิดชอบ\n1 | อบรมคุณธรรม | 20,000.00 | สำนักปลัด\n"
        "2 | เผยแพร่แผน | 5,000.00 | กองคลัง"),
    "percentages and quantities under a money header": (
        "ผลการดำเนินงาน ร้อยละ ค่าใช้จ่าย (บาท)\nถนน 83.33 100.00 ยาว 420 ม.\nผู้รับ 1,124 คน ขุดลอก 18,000 ลบ.ม."),
}


@pytest.mark.parametrize("item", ["O7", "O13", "O15", "O24", "O26", "O28"])
def test_money_spent_column_is_found_in_reports(cat: Catalogue, item: str) -> None:
    comp = component(cat, item, "budget_spent")
    for name, text in SPENT_POSITIVE.items():
        found = shape(comp, text)
        assert found is not None, (item, name)
        assert "(บาท)" in found and any(ch.isdigit() for ch in found), found
    for name, text in SPENT_NEGATIVE.items():
        assert shape(comp, text) is None and not wording(comp, text), (item, name)


def test_money_spent_in_prose(cat: Catalogue) -> None:
    comp = component(cat, "O24", "budget_spent")
    for text in ("ตรวจแฟ้ม 6 ครั้ง จัดทำป้ายประกาศ 2 จุด เบิกจ่าย \n4,800.00 บาท", "เบิกจ่ายเงิน จำนวน 8,500 บาท",
                 "อบรม 1 ครั้ง เบิกจ่ายรวม 12,000 บาท"):
        assert wording(comp, text), text
    for text in ("แผนการเบิกจ่าย 20,000 บาท", "ไม่ได้เบิกจ่าย 5,000 บาท", "ตรวจรับ 9 โครงการ ไม่มีการเบิก\nจ่าย",
                 "งบประมาณ 4,800.00 บาท", "ดำเนินการเบิกจ่ายตามระเบียบ"):
        assert not wording(comp, text), text


# ---------------------------------------------------------------- timeframe: a column of months

PERIOD_POSITIVE = {
    "PDF, ช่วงเวลา over single months": (
        "ที่ โครงการ/กิจกรรม รายละเอียดของกิจกรรม งบประมาณ\n(บาท)\nหน่วยงานรับผิด\nชอบ\nช่วงเวลา\n"
        "1 ก่อสร้างถนนคอนกรีตเสริมเหล็ก กว้าง 5 ม. 1,540,000.00 กองช่าง ม.ค. 68\n"
        "2 ก่อสร้างรางระบายน้ำ ยาว 210 ม. 612,000.00 กองช่าง ก.พ. 68\n3 ขยายเขตไฟฟ้า 248,500.00 กองช่าง มี.ค. 68"),
    "workbook, ห้วงเวลา over full month names": (
        "ที่ | โครงการ | ห้วงเวลา\n1 | อบรม | ตุลาคม 2567\n2 | ประชุม | มกราคม 2568\n3 | ศึกษาดูงาน | มีนาคม 2568"),
    "HTML, เดือน over single months": (
        "ที่ | หลักสูตร | งบประมาณ (บาท) | เดือน\n1 | อบรมวินัย | 12,000 | ธ.ค. 67\n2 | ศึกษาดูงาน | 45,000 | มี.ค. 68\n"
        "3 | อบรมคอมพิวเตอร์ | 8,000 | ส.ค. 68"),
}
PERIOD_NEGATIVE = {
    "the same plan without the column": (
        "ที่ โครงการ/กิจกรรม รายละเอียดของกิจกรรม งบประมาณ\n(บาท)\nหน่วยงานรับผิด\nชอบ\n"
        "1 ก่อสร้างถนนคอนกรีตเสริมเหล็ก 1,540,000.00 กองช่าง\n2 ก่อสร้างรางระบายน้ำ 612,000.00 กองช่าง\n"
        "ประกาศ ณ วันที่ ๒๘ ตุลาคม พ.ศ. ๒๕๖๗"),
    "ช่วงเวลา in prose, one month": "ช่วงเวลาอบรมของหน่วยงานภายนอกตรงกับช่วงงานเร่งด่วนในเดือนสิงหาคม",
}


@pytest.mark.parametrize("item", ["O6", "O14", "O25", "O27"])
def test_timeframe_column_is_found_in_plans(cat: Catalogue, item: str) -> None:
    comp = component(cat, item, "period")
    for name, text in PERIOD_POSITIVE.items():
        assert shape(comp, text) is not None, (item, name)
    for name, text in PERIOD_NEGATIVE.items():
        assert shape(comp, text) is None and not wording(comp, text), (item, name)


def test_month_range_values() -> None:
    m = Matcher(MatcherKind.COLUMN, ValueKind.MONTH_RANGE, headers=("เดือน",), min_values=2)
    yes = TextIndex("ที่ โครงการ เดือน\n1 อบรม ต.ค. 67 – มี.ค. 68\n2 ศึกษาดูงาน เม.ย. – ก.ย. 68")
    no = TextIndex("ที่ โครงการ เดือน\n1 อบรม ต.ค. 67\n2 ศึกษาดูงาน เม.ย. 68")
    assert column_hit(m, yes) is not None and column_hit(m, no) is None


# ---------------------------------------------------------------- service statistics: a table of counts

COUNTS_POSITIVE = {
    "workbook, merged header จำนวน": (
        "ที่ | งานบริการ | จำนวน | รวม\nต.ค. 67 | พ.ย. 67 | ธ.ค. 67 | ม.ค. 68 | ก.พ. 68 | มี.ค. 68\n"
        "1 | งานทะเบียนพาณิชย์ | 4 | 2 | 3 | 5 | 2 | 3 | 19\n"
        "2 | งานรับชำระภาษีที่ดินและสิ่งปลูกสร้าง | 12 | 9 | 6 | 15 | 48 | 96 | 186\n"
        "3 | งานขออนุญาตก่อสร้างอาคาร | 3 | 1 | 2 | 4 | 3 | 2 | 15\nรวม | 19 | 12 | 11 | 24 | 53 | 101 | 220"),
    "HTML, ผู้รับบริการ (ราย)": (
        "ที่ | งานบริการ | ผู้รับบริการ (ราย)\n1 | งานทะเบียนพาณิชย์ | 4 | 2 | 3\n"
        "2 | งานจดทะเบียนสัตว์เลี้ยง | 5 | 3 | 4\n3 | งานขอใช้น้ำประปาหมู่บ้าน | 6 | 4 | 3"),
    "PDF, months and รวม, no unit at all": (
        "ที่ งานบริการ ต.ค. 67 พ.ย. 67 ธ.ค. 67 ม.ค. 68 ก.พ. 68 มี.ค. 68 รวม\n"
        "1 งานทะเบียนพาณิชย์ 4 2 3 5 2 3 19\n2 งานรับชำระภาษีที่ดินและ\nสิ่งปลูกสร้าง 12 9 6 15 48 96 186\n"
        "3 งานขออนุญาตก่อสร้างอาคาร 3 1 2 4 3 2 15\n4 งานขึ้นทะเบียนผู้สูงอายุ 1,018 11 9 14 10 12 1,074"),
    "months as rows, counts per service": (
        "เดือน | ทะเบียนราษฎร | ภาษี | ขออนุญาต\nต.ค. 67 | 120 | 35 | 12\nพ.ย. 67 | 98 | 40 | 9\nธ.ค. 67 | 101 | 28 | 11"),
}
COUNTS_NEGATIVE = {
    "place and hours instead of counts": (
        "ที่ | งานบริการ | สถานที่ให้บริการ | วันและเวลาให้บริการ\n"
        "1 | งานทะเบียนพาณิชย์ | กองคลัง | จันทร์–ศุกร์ 08.30–16.30 น.\n"
        "2 | งานรับชำระภาษี | กองคลัง | จันทร์–ศุกร์ 08.30–16.30 น.\n"
        "3 | งานขออนุญาตก่อสร้างอาคาร | กองช่าง | จันทร์–ศุกร์ 08.30–16.30 น."),
    "a plan's amounts": (
        "ลำดับ | โครงการ | จำนวนเงิน (บาท)\n1 | อบรม | 20,000.00 | 15,000.00 | 5,000.00\n"
        "2 | ประชุม | 10,000.00 | 8,000.00 | 2,000.00\n3 | ศึกษาดูงาน | 50,000.00 | 45,000.00 | 5,000.00"),
    "a multi-year plan's years": (
        "โครงการ | ปี | จำนวน\nถนนสายหลัก 2566 2567 2568\nฝายน้ำล้น 2566 2567 2568\nไฟฟ้า 2567 2568 2569"),
    "figures with no header line naming a unit or a month": (
        "งานทะเบียนพาณิชย์ 4 2 3\nงานรับชำระภาษี 12 9 6\nงานขออนุญาตก่อสร้าง 3 1 2"),
    "two rows only": "ที่ | งาน | จำนวน\n1 | งานทะเบียน | 4 | 2 | 3\n2 | งานภาษี | 12 | 9 | 6",
}


def test_table_of_counts_is_service_statistics(cat: Catalogue) -> None:
    comp = component(cat, "O11", "counts")
    for name, text in COUNTS_POSITIVE.items():
        found = shape(comp, text)
        assert found is not None, name
        assert " … " in found  # the header and the first row are quoted
    for name, text in COUNTS_NEGATIVE.items():
        assert shape(comp, text) is None and not wording(comp, text), name


def test_rows_of_money() -> None:
    m = Matcher(MatcherKind.ROWS, ValueKind.MONEY, headers=("(บาท)",), min_rows=2, min_values=2)
    table = "รายการ | งบประมาณ (บาท) | เบิกจ่าย (บาท)\nถนน | 20,000.00 | 18,500.00\nฝาย | 9,000 | 8,400"
    assert rows_hit(m, table) is not None
    assert rows_hit(m, "รายการ | งบประมาณ (บาท)\nถนน | 20,000.00 | กองช่าง\nฝาย | 9,000 | กองช่าง") is None


# ---------------------------------------------------------------- signature blocks

POSITIONS = ("นายกเทศมนตรี", "นายกองค์การบริหารส่วนตำบล", "ผู้อำนวยการ")
BODY = ("ตามที่สำนักงาน ป.ป.ช. ได้ขอความร่วมมือให้หน่วยงานภาครัฐประกาศนโยบายไม่รับของขวัญ (No Gift Policy)\n"
        "ข้าพเจ้า นายประยูร วงศ์ใหญ่ นายกเทศมนตรีตำบลหนองกระทุ่มงาม พร้อมด้วยคณะผู้บริหาร ขอประกาศเจตนารมณ์ ดังนี้\n"
        "๑. จะไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่\nจึงประกาศมาเพื่อทราบโดยทั่วกัน\n")

SIGNED = {
    "name in parentheses, position, date": BODY + "ประกาศ ณ วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๗\n(ลงชื่อ) ประยูร วงศ์ใหญ่\n"
                                                  "(นายประยูร วงศ์ใหญ่)\nนายกเทศมนตรีตำบลหนองกระทุ่มงาม",
    "ลงชื่อ, name and position on one line": BODY + "ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๗\n"
                                                   "ลงชื่อ นายวีระพงษ์ ทองสุข นายกองค์การบริหารส่วนตำบลห้วยตะแบกทอง",
    "acting for the executive": BODY + "(นายสมศักดิ์ มีสุข)\nปลัดเทศบาล ปฏิบัติหน้าที่\nนายกเทศมนตรีตำบลหนองกระทุ่มงาม",
    # signed by delegation, on three lines or one (review29 g05)
    "signed for the executive": BODY + "(นางสาวพรทิพย์ ศรีสุข)\nปลัดองค์การบริหารส่วนตำบล ปฏิบัติราชการ\nแทน\n"
                                       "นายกองค์การบริหารส่วนตำบลโคกสูง",
    "signed for the executive, one line": BODY + "(นางสาวพรทิพย์ ศรีสุข)\nปลัด อบต. ปฏิบัติราชการแทน "
                                                 "นายกองค์การบริหารส่วนตำบลโคกสูง",
    "the closing date, then the titled name and position (parentheses lost)": (
        BODY + "ประกาศ ณ วันที่ ๑๕ พฤศจิกายน พ.ศ.\n๒๕๖๗ นายประยูร วงศ์ใหญ่ นายกเทศมนตรีตำบลหนองกระทุ่มงาม"),
    "block followed by a table of activities": BODY + "ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๗\n(นางสาวกาญจนา พูลสุข)\n"
                                                     "ผู้อำนวยการสำนักงานเขต\n" + "กิจกรรม วันที่ ผู้เข้าร่วม\n" * 40,
}
UNSIGNED = {
    "the position only in the body": BODY,
    "a date line without a block": BODY + "ประกาศ ณ วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๗",
    "a deputy's block": BODY + "ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๗\n(นายสมชาย ใจดี)\nรองนายกเทศมนตรีตำบลหนองกระทุ่มงาม",
    "a name in parentheses mid-text, no closing formula": (
        "(นายประยูร วงศ์ใหญ่) นายกเทศมนตรีตำบลหนองกระทุ่มงาม เป็นประธานเปิดการอบรม\n" + "รายละเอียดการอบรม\n" * 60),
    "parentheses around a policy name": "ประกาศเจตนารมณ์ (No Gift Policy)\nนายกเทศมนตรีตำบลหนองกระทุ่มงาม",
    "the closing date, then a sentence naming the executive": (
        BODY + "ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๗ โดยนายกเทศมนตรีได้มอบหมายให้ทุกกองถือปฏิบัติ"),
}


def test_signature_block_near_the_end_of_the_announcement() -> None:
    for name, text in SIGNED.items():
        block = signature_block(text, POSITIONS)
        assert block is not None, name
        assert "(" in block or "ลงชื่อ" in block or "ณ วันที่" in block, name
    for name, text in UNSIGNED.items():
        assert signature_block(text, POSITIONS) is None, name


def test_signature_block_ends_a_page_not_the_file(cat: Catalogue) -> None:
    # The announcement ends page 1 with its block; page 2 lists the activities (issue 9's H fixture).
    page1 = BODY + "ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๗\n(นายวีระพงษ์ ทองสุข)\nนายกองค์การบริหารส่วนตำบลห้วยตะแบกทอง"
    page2 = "กิจกรรมการสร้างวัฒนธรรมองค์กร\n" + "ประชุมชี้แจงแนวทางปฏิบัติ 27 พ.ย. 67 52 คน\n" * 30
    positions = component(cat, "O21", "executive_signature").phrases
    assert signature_block(page1, positions) is not None and signature_block(page2, positions) is None
    assert signature_block(page1 + "\n" + page2, positions) is not None  # right after its closing formula


def test_what_an_unsigned_text_offers_instead() -> None:
    mention = position_mention(BODY, POSITIONS)
    assert mention is not None and "ข้าพเจ้า นายประยูร วงศ์ใหญ่ นายกเทศมนตรี" in mention
    assert position_mention("ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๗", POSITIONS) == "ประกาศ ณ วันที่ 1 ตุลาคม 2567"


# ---------------------------------------------------------------- title blocks (cover pages)

TITLES = tuple(normalize(t) for t in ("การประเมินความเสี่ยงการทุจริต", "รายงานผลการดำเนินงาน"))


def test_a_cover_is_all_title_block() -> None:
    covers = [
        "การประเมินความเสี่ยงการทุจริต ประเด็นการให้หรือรับสินบน\nประจำปี งบประมาณ พ.ศ. ๒๕๖๘\n"
        "เทศบาลตำบลหนองกระทุ่มงาม\nอำเภอวังพิกุล จังหวัดนครราชสีมา\nจัดทำโดย\nงานนิติการ สำนักปลัดเทศบาล\n"
        "เทศบาลตำบลหนองกระทุ่มงาม",
        "รายงานผลการดำเนินงาน\nประจำปีงบประมาณ พ.ศ. ๒๕๖๗\nองค์การบริหารส่วนตำบลตะเคียนราม\nอำเภอภูสิงห์ จังหวัดศรีสะเกษ",
        "คู่มือการปฏิบัติงาน\nการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง\n------------------------------\nกองคลัง",
    ]
    for text in covers:
        assert title_block_lines(text, TITLES) == len(text.splitlines()), text[:30]
        assert not normalize("".join(body_pages((text,), TITLES)))


def test_a_one_page_document_keeps_its_body() -> None:
    one_page = ("การประเมินความเสี่ยงการทุจริต ประเด็นการให้หรือรับสินบน\nประจำปี งบประมาณ พ.ศ. ๒๕๖๘\n"
                "เทศบาลตำบลหนองกระทุ่มงาม อำเภอวังพิกุล จังหวัดนครราชสีมา\n"
                "ที่ กระบวนงาน เหตุการณ์ความเสี่ยง โอกาส ผลกระทบ ระดับความเสี่ยง มาตรการควบคุมความเสี่ยง\n"
                "1 การออกใบอนุญาตก่อสร้างอาคาร ผู้ยื่นคำขอเสนอเงิน 3 4 12 สูง สุ่มตรวจแฟ้มทุกเดือน กองช่าง")
    assert title_block_lines(one_page, TITLES) == 3
    body = "".join(body_pages((one_page, "- 2 -\nหน้าสอง"), TITLES))
    assert "มาตรการควบคุมความเสี่ยง" in body and "หน้าสอง" in body and "- 2 -" not in body
    # A first line that is a sentence or a table row is body, not a title.
    assert title_block_lines("แผนการจัดซื้อจัดจ้าง วัสดุสำนักงาน 20,000 บาท ครุภัณฑ์ 45,000 บาท", TITLES) == 0
    assert title_block_lines("ที่ | งานบริการ | จำนวน\n1 | ทะเบียน | 4", TITLES) == 0


def test_names_starting_with_a_leading_vowel_sign() -> None:
    text = "จึงประกาศมาเพื่อทราบโดยทั่วกัน\nประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๗\n(นายสมชาย ใจดี)\nนายกเทศมนตรีตำบลหนองบัว"
    assert signature_block(text, POSITIONS) is not None
    assert signature_block(text.replace("(นายสมชาย ใจดี)", "(เอกชัย โพธิ์ทอง)"), POSITIONS) is not None


@pytest.mark.parametrize(("text", "told"), [
    # review37 g08: a news page's sentence, and its link's words
    ("เมื่อวันที่ ๘ ตุลาคม ๒๕๖๘ นายสมชาย ใจดี นายกองค์การบริหารส่วนตำบลโคกสูง ลงนามประกาศเจตนารมณ์ไม่รับของขวัญ", True),
    ("ประกาศ อบต.โคกสูง เรื่อง นโยบายไม่รับของขวัญ No Gift Policy ลงนามโดยนายก อบต.", True),
    # the position named, nobody said to sign; a signing by no one of the positions
    ("นายสมชาย ใจดี นายกองค์การบริหารส่วนตำบลโคกสูง เป็นประธานเปิดกิจกรรมรณรงค์", False),
    ("นางสาวอรวรรณ ทองดี นักทรัพยากรบุคคล ลงนามรับทราบ", False),
    # review63 b11: "ลงนามโดย", the signer's name, then the position; not a deputy's
    ("(No Gift Policy) ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ลงนามโดย นายสมพงษ์ ศรีโคกสูง นายกองค์การบริหารส่วนตำบลโคกสูง "
     "ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๗", True),
    ("(No Gift Policy) ลงนามโดย นายสมพงษ์ ศรีโคกสูง รองนายกองค์การบริหารส่วนตำบลโคกสูง", False),
])
def test_a_signing_told_in_a_sentence(text: str, told: bool) -> None:
    assert signing_told(text, ["นายกองค์การบริหารส่วนตำบล", "นายก อบต."]) is told


def test_near_end_counts_on_the_display_form_as_the_whole_page_normalized_would() -> None:
    """`_near_end` reads the display form's own characters (no page normalized again for every name in
    parentheses): the same answer as normalizing what follows and what precedes, on every name in parentheses of
    the review rounds' signed documents."""
    from oit_checker.evaluate.matchers import _CLOSING, _NAME_IN_PARENS, CLOSING_CHARS, NEAR_END_CHARS, _near_end
    from oit_checker.extract import extract
    from oit_checker.text.thai import display

    def reference(text: str, start: int, end: int) -> bool:
        if len(normalize(text[end:])) <= NEAR_END_CHARS:
            return True
        return any(c in normalize(text[:start])[-CLOSING_CHARS:] for c in _CLOSING)

    types = {".pdf": "application/pdf", ".html": "text/html"}
    checked = near = 0
    for path in sorted((ROOT / "fixtures" / "pages").glob("review4[0-8]/*")):
        if path.suffix not in types or ("o20" not in path.name and "o21" not in path.name):
            continue
        for page in extract(path.read_bytes(), f"https://www.example.go.th/{path.name}", types[path.suffix]).pages:
            text = display(page)
            for m in _NAME_IN_PARENS.finditer(text):
                for end in (m.end(), min(len(text), m.end() + 50)):
                    assert _near_end(text, m.start(), end) == reference(text, m.start(), end), (path.name, m.group())
                    checked += 1
                    near += reference(text, m.start(), end)
    assert checked > 50 and 0 < near < checked  # both answers met on real pages
