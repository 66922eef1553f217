"""A corruption-risk assessment's table must assess corruption risks (`risks_about`, `risks_off_subject`, review):
the sixteenth assessor's trial b O21, "รายงานการประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"
whose five risks are a flood, wildfires, an IT outage, staff and tax arrears, passed."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
from oit_checker.evaluate.risks import Subject, off_subject, risk_tables
from oit_checker.extract import extract
from oit_checker.model import Status
from oit_checker.text.thai import display, normalize_phrase
from tests.support.evaluate import finding_from_files, finding_from_html

ROOT = Path(__file__).resolve().parents[3]
OPERATIONAL = ROOT / "fixtures" / "assessor_trial" / "sixteenth" / "site" / "download.php" / "6211"
BRIBERY = ROOT / "fixtures" / "assessor_trial" / "fourteenth" / "site" / "docs" / "file" / "ita68-o23-bribery-risk.pdf"
AGENCY = "องค์การบริหารส่วนตำบลห้วยทรายคำ"
EV = load_catalogue(catalogue_path_for(2569)).item("O21").evidence
WORDS = Subject(*(tuple(normalize_phrase(w) for w in words) for words in (EV.risks_about, EV.risks_areas,
                                                                          EV.risks_failures)))


def _lines(path: Path) -> list[str]:
    doc = extract(path.read_bytes(), "https://www.example.go.th/risk.pdf", "application/pdf")
    return [display(line) for page in doc.pages for line in page.splitlines() if line.strip()]


def test_the_operational_risks_table_is_read_and_is_off_subject() -> None:
    [table] = risk_tables(_lines(OPERATIONAL))
    assert [row.split()[0] for row in table.rows] == ["1", "2", "3", "4", "5"]
    assert table.rows[0].startswith("1 น้ำป่าไหลหลาก") and "ไฟป่า" in table.rows[1]
    assert "อนุมัติ" not in table.rows[-1]  # the approval under the table is no part of its last row
    assert off_subject([table], WORDS) is table


def test_a_bribery_table_with_a_wrapped_header_is_about_its_subject_and_the_scale_is_no_table() -> None:
    tables = risk_tables(_lines(BRIBERY))
    assert tables and not any(t.rows[0].startswith("5 สูงมาก") for t in tables)  # "ระดับ | โอกาส | ผลกระทบ" scale
    assert any("อนุญาต" in row for t in tables for row in t.rows)
    assert off_subject(tables, WORDS) is None


def test_the_trial_s_assessment_goes_to_a_person() -> None:
    f = finding_from_files("O21", [OPERATIONAL], 2569, agency=AGENCY)
    [off] = [r for r in f.reasons if r.code == "risks_off_subject"]
    assert f.status is Status.REVIEW and off.detail["rows"] == "5"
    assert off.evidence[0].page == 2 and "น้ำป่าไหลหลาก" in off.evidence[0].snippet


# review43 a15: a PDF table whose row numbers stand alone ("๑"), each risk wrapped over lines and its scores a line of
# their own ("๔ ๕"): rows run from one number to the next, not from the scores
ALONE = """ที่ เหตุการณ์ความเสี่ยงการทุจริต โอกาส
ผลก
ระทบ
มาตรการควบคุมความเสี่ยง
๑
ผู้รับจ้างก่อสร้างถนนสาย ขก.ถ.
เสนอสินบนแก่กรรมการตรวจรับพัสดุ
๔ ๕
๒๐ (สูง
มาก)
สุ่มตรวจคุณภาพงานโดย
๒
การจัดซื้อเวชภัณฑ์ให้ รพ.สต. ถ่ายโอน
โดยกำหนดคุณลักษณะเอื้อผู้ขายราย
๓ ๔ ๑๒ (สูง)
เผยแพร่ร่างขอบเขตงานรับ
ให้ไว้ ณ วันที่ ๒๐ พฤศจิกายน ๒๕๖๘"""


def test_rows_numbered_on_lines_of_their_own_run_to_the_next_number() -> None:
    [table] = risk_tables([display(line) for line in ALONE.splitlines()])
    assert [row.split()[0] for row in table.rows] == ["1", "2"]
    assert "เสนอสินบน" in table.rows[0] and "4 5" in table.rows[0] and "เอื้อผู้ขาย" in table.rows[1]
    assert off_subject([table], WORDS) is None


TABLE = """<html><head><title>ประเมินความเสี่ยงการทุจริต 2569</title></head><body>
<h1>รายงานการประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. 2569 องค์การบริหารส่วนตำบลห้วยทรายคำ</h1>
<p>คณะทำงานประเมินความเสี่ยงการทุจริตตามแนวทางของสำนักงาน ป.ป.ช. พิจารณาโอกาสและผลกระทบของความเสี่ยงการทุจริตแต่ละเรื่อง</p>
<table>
<tr><th>ที่</th><th>ประเด็นความเสี่ยง</th><th>โอกาส</th><th>ผลกระทบ</th><th>ระดับความเสี่ยง</th><th>มาตรการควบคุม</th></tr>
<tr><td>1</td><td>น้ำป่าไหลหลากในฤดูฝน ทำให้ถนนเสียหาย</td><td>4</td><td>4</td><td>สูงมาก</td><td>จัดทำแผนเผชิญเหตุ</td></tr>
<tr><td>2</td><td>ไฟป่าและหมอกควันช่วงฤดูแล้ง</td><td>5</td><td>3</td><td>สูงมาก</td><td>ทำแนวกันไฟ</td></tr>
<tr><td>3</td><td>ROW3</td><td>3</td><td>4</td><td>สูง</td><td>ประกาศขั้นตอนและระยะเวลาให้ประชาชนทราบ</td></tr>
</table>
<p>ผู้รับผิดชอบ สำนักปลัด ระยะเวลา ต.ค. 2568 – ก.ย. 2569 อนุมัติโดยนายกองค์การบริหารส่วนตำบลห้วยทรายคำ</p>
</body></html>"""


@pytest.mark.parametrize(("row", "off"), [
    ("ระบบคอมพิวเตอร์ขัดข้อง ข้อมูลสูญหาย", True),
    ("การพิจารณาอนุญาตก่อสร้างอาคารล่าช้า เปิดโอกาสให้เรียกรับผลประโยชน์", False),
    ("การใช้รถราชการไปใช้ในกิจธุระส่วนตัว", False),
    # the work where corruption lies, without a failure of the work itself: a risk of corruption
    ("การจัดซื้อจัดจ้างไม่เป็นไปตามระเบียบ", False),
    ("การออกใบอนุญาตประกอบกิจการ", False),
    # the same work failing (late, down, flooded): no corruption risk (review17 r07, review18 r05, r08)
    ("การออกใบอนุญาตล่าช้าเกินกำหนด", True),
    ("ระบบจัดซื้อจัดจ้างภาครัฐ (e-GP) ขัดข้อง", True),
    ("อุทกภัยทำให้ครุภัณฑ์สำนักงานเสียหาย", True),
    # …unless the row says the failure serves a wrong: "…ล่าช้า เพื่อเรียกรับ…", the inspection of work ("ตรวจรับ")
    ("การอนุมัติเบิกจ่ายล่าช้าเพื่อเรียกรับเงิน", False),
    ("การตรวจรับงานจ้างไม่ครบถ้วนตามสัญญา", False),
])
def test_one_row_of_the_subject_is_enough(row: str, off: bool) -> None:
    f = finding_from_html("O21", TABLE.replace("ROW3", row), "https://www.example.go.th/ita/o21.html", 2569,
                          agency=AGENCY)
    assert ("risks_off_subject" in {r.code for r in f.reasons}) is off, [r.code for r in f.reasons]


def test_only_items_that_name_their_risks() -> None:
    # The anti-corruption plan (2569 O23) has no such words in its rule: its tables are not read for them. The
    # risk-management report (2569 O22) has the assessment's since review78 h03 (a report on floods and IT outages).
    catalogue = load_catalogue(catalogue_path_for(2569))
    assert not catalogue.item("O23").evidence.risks_about
    assert catalogue.item("O22").evidence.risks_about == catalogue.item("O21").evidence.risks_about
    page = TABLE.replace("ROW3", "บุคลากรไม่เพียงพอ")
    f = finding_from_html("O23", page, "https://www.example.go.th/ita/o23.html", 2569, agency=AGENCY)
    assert "risks_off_subject" not in {r.code for r in f.reasons}
    f = finding_from_html("O22", page, "https://www.example.go.th/ita/o22.html", 2569, agency=AGENCY)
    assert "risks_off_subject" in {r.code for r in f.reasons}


def _risk_page(measure: str) -> str:
    rows = "".join(f"<tr><td>{step}</td><td>{risk}</td><td>สูง</td><td>สูง</td><td>สูงมาก</td><td>{measure}</td></tr>"
                   for step, risk in (("การตรวจรับงานจ้างก่อสร้าง", "กรรมการตรวจรับงานโดยไม่ลงพื้นที่จริง เอื้อผู้รับจ้าง"),
                                      ("การจัดเก็บค่าธรรมเนียมตลาด", "เจ้าหน้าที่เก็บเงินไม่ออกใบเสร็จ ทุจริตเงินรายได้")))
    return ("<html><body><h1>ผลการประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ ๒๕๖๙ เทศบาลเมืองชุมแพ</h1>"
            "<table><tr><th>ขั้นตอนงาน</th><th>ความเสี่ยงการทุจริต</th><th>ความน่าจะเป็น</th><th>ความรุนแรง</th>"
            f"<th>ระดับ</th><th>วิธีควบคุม</th></tr>{rows}</table>"
            "<p>ประกาศ ณ วันที่ ๒๘ พ.ย. ๖๘</p></body></html>")


def test_the_last_header_cell_over_filled_cells_is_the_measures_column() -> None:
    # review74 c06: "… | ระดับ | วิธีควบคุม" ends the header row; its cells are filled
    got = finding_from_html("O21", _risk_page("ถ่ายภาพพิกัดทุกงวด ให้ผู้แทนชุมชนร่วมตรวจ"), "https://x.go.th/o21.html",
                            2569, agency="เทศบาลเมืองชุมแพ")
    assert "missing_component" not in {r.code for r in got.reasons}
    # …over cells of "-" only it is no measure (as review65 n02's PDF)
    got = finding_from_html("O21", _risk_page("-"), "https://x.go.th/o21.html", 2569, agency="เทศบาลเมืองชุมแพ")
    assert "missing_component" in {r.code for r in got.reasons}


def test_a_report_s_table_of_results_is_read_as_its_risks() -> None:
    # a risk report's table: the risk, its measure, its results (review78 h03: floods, an IT outage, tax arrears)
    lines = ["ความเสี่ยง | มาตรการ | ผลการดำเนินการ | งบประมาณที่ใช้ (บาท)",
             "อุทกภัยในพื้นที่ลุ่มต่ำหมู่ 4, 6 | ขุดลอกลำห้วย เตรียมกระสอบทราย | ดำเนินการแล้ว ขุดลอก 2 สาย | 185,000",
             "ระบบสารสนเทศขัดข้อง ข้อมูลสูญหาย | สำรองข้อมูลรายสัปดาห์ | ดำเนินการแล้ว ทุกสัปดาห์ | 12,000",
             "จัดเก็บภาษีที่ดินไม่ได้ตามเป้า | ออกหน่วยจัดเก็บเคลื่อนที่ | ดำเนินการแล้ว จัดเก็บได้ร้อยละ 94 | 8,400",
             "ปัญหาอุปสรรค ฝนตกหนักกว่าปกติในเดือนกันยายน 2568"]
    tables = risk_tables(lines)
    assert [len(t.rows) for t in tables] == [3]
    assert off_subject(tables, WORDS) is tables[0]
    corrupt = [*lines[:2], "เรียกรับเงินในการออกใบอนุญาตก่อสร้าง | ประกาศขั้นตอน | ดำเนินการแล้ว 37 ราย | ไม่ใช้งบประมาณ"]
    assert off_subject(risk_tables(corrupt), WORDS) is None
