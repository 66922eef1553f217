"""The wordings the eighth assessor's trial (a เทศบาลเมือง, ITA 2569) found read as nothing, against the shipped
catalogues: each new reading on the trial's own text (fixtures/assessor_trial/eighth/site) and on Thai sentences
that look alike and must stay no evidence. The report items share one set of readings in both catalogues."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import pytest

from oit_checker.catalogue.rules import load_catalogue
from oit_checker.evaluate.item import evaluate_item
from oit_checker.extract import extract
from oit_checker.model import Catalogue, Component, Fetched, Finding, Retrieved, Status, UrlTrail
from tests.support.paths import ROOT
from tests.unit.catalogue.test_rule_phrases import PLAN_2568, PLAN_2569, URL, _component, _forms, _hit, _missing, _pdf

SITE = ROOT / "fixtures" / "assessor_trial" / "eighth" / "site"
TYPES = {"pdf": "application/pdf", "html": "text/html",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
# Every item reporting results (results, budget spent, problems, suggestions), 2568 O28 included: it is 2569 O26.
REPORTS = {2568: ("O7", "O13", "O15", "O24", "O26", "O28"), 2569: ("O7", "O12", "O14", "O22", "O24", "O26")}
READINGS = ("results", "budget_spent", "problems", "suggestions")
PROCUREMENT_REPORT = {2568: "O13", 2569: "O12"}  # its money spent also reads the agreed prices


@pytest.fixture(scope="module")
def catalogues() -> dict[int, Catalogue]:
    return {year: load_catalogue(ROOT / "rules" / f"ita{year}.toml") for year in (2568, 2569)}


@cache
def trial_text(path: str) -> str:
    """A document of the trial's site as the checker reads it (every page)."""
    file = SITE / path
    doc = extract(file.read_bytes(), f"https://www.thachangthong-trial.go.th/{path}", TYPES[file.suffix[1:]])
    return "\n".join(doc.pages)


def _evaluate(cat: Catalogue, item_id: str, text: str, fiscal_year: int) -> Finding:
    """The text as the one-page document the trial's files are (a table's header stays with its values)."""
    fetched = Fetched(url=URL, final_url=URL, status=200, content_type="application/pdf", body=b"%PDF")
    trail = UrlTrail(submitted=URL, retrieved=(Retrieved(fetched=fetched, document=_pdf(text, pages=1)),))
    return evaluate_item(cat.item(item_id), [trail], fiscal_year)


def _check(comps: Sequence[tuple[object, Component]], good: Sequence[str], bad: Sequence[str]) -> None:
    for where, comp in comps:
        for snippet in good:
            assert any(_hit(comp, t) for t in _forms(snippet)), (where, snippet)
        for snippet in bad:
            for text in _forms(snippet):
                assert not _hit(comp, text), (where, text)


# ---------------------------------------------------------------- one set of readings for every report


def test_every_report_item_reads_the_same_wordings_in_both_catalogues(catalogues: dict[int, Catalogue]) -> None:
    readings: dict[str, set[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]] = {}
    for year, items in REPORTS.items():
        for item_id in items:
            item = catalogues[year].item(item_id)
            for cid in READINGS:
                if not any(c.id == cid for c in item.components):
                    continue
                comp = _component(item, cid)
                # the procurement report's own: prices agreed, what is left, contracts signed (review39 a14)
                phrases = tuple(p for p in comp.phrases if not p.startswith("ราคาที่") and p != "งบประมาณคงเหลือ"
                                and "ทำสัญญา" not in p and p != "มูลค่าสัญญา")
                if item_id != PROCUREMENT_REPORT[year]:
                    assert phrases == comp.phrases, (year, item_id, cid)
                readings.setdefault(cid, set()).add((phrases, tuple(p.pattern for p in comp.patterns), comp.not_within))
    # a wording fixed for one report reaches all of them
    assert {cid: len(forms) for cid, forms in readings.items()} == dict.fromkeys(READINGS, 1)


REPORT_GOOD = {
    "results": ["ด้าน | สิ่งที่ทำ | ผลลัพธ์ที่ได้ | ค่าใช้จ่าย (บาท)", "มาตรการ | ทำอะไรไปแล้ว | ผลลัพธ์ | ใช้เงิน (บาท)",
                "กิจกรรม | เป้าหมาย | ผลลัพธ์ | เบิกจ่าย (บาท)"],
    "budget_spent": ["รวมใช้เงิน 40,300 บาท", "รวมใช้จ่ายทั้งสิ้น 12,500.00 บาท"],
    "problems": ["เรื่องที่ยังติดขัด", "ข้อติดขัด ผู้ดูแลเว็บไซต์ลาออก", "ไม่มีข้อติดขัด", "ข้อจำกัดที่พบ"],
    "suggestions": ["ปีต่อไปจะทำอย่างไร", "ข้อเสนอสำหรับปี 2569", "ข้อเสนอสำหรับรอบถัดไป", "สิ่งที่จะปรับปรุงในปี ๒๕๖๙"],
}
# the ninth trial's reports (a เทศบาลตำบล, ITA 2569): a compact yearly report and a Word report of risk measures
REPORT_GOOD["results"] += ["ทำแล้ว เสร็จ ๓๕ โครงการ", "๒. ผลงานรายโครงการ",
                           "ความเสี่ยง | มาตรการที่ใช้ | ผลที่เกิดขึ้น | เงินที่ใช้ (บาท)"]
REPORT_GOOD["budget_spent"] += ["เบิกจ่ายไปทั้ง สิ้น ๔๒,๔๑๒,๖๕๐.๒๕ บาท"]
REPORT_GOOD["problems"] += ["๓. โครงการที่ไม่ได้ทำและข้อขัดข้อง", "ไม่มีข้อขัดข้อง"]
REPORT_GOOD["suggestions"] += ["แนวทางในปีงบประมาณถัดไป", "สิ่งที่จะทำต่อในปี 2569"]
REPORT_GOOD["problems"] += ["ไม่มีข้อขัดข้องประการใด", "ข้อขัดข้องที่พบระหว่างปี"]
# the twentieth and twenty-first review rounds' compact reports (review20 s26, review21 m03)
REPORT_GOOD["results"] += ["ที่ | หลักสูตร/กิจกรรม | ผลการอบรม | ค่าใช้จ่ายจริง (บาท) | หมายเหตุ"]
REPORT_GOOD["problems"] += ["มาตรการ | ผลที่เกิดขึ้น | ปัญหาที่เจอ | ข้อเสนอ"]
REPORT_GOOD["suggestions"] += ["มาตรการ | ผลที่เกิดขึ้น | ข้อเสนอ | ผู้รายงาน"]
# a heading alone over its points (review28 c02); not a plan's aim "เพื่อเป็นแนวทางการปรับปรุงการทำงาน"
REPORT_GOOD["suggestions"] += ["แนวทางการปรับปรุง\n- เร่งจัดหางานก่อสร้างให้แล้วเสร็จก่อนเดือนมิถุนายน",
                               "แนวทางปรับปรุง ๑. ทำทะเบียนผู้ประกอบการในพื้นที่"]
REPORT_BAD = {
    # a plan's expected outcome, its output/outcome columns
    "results": ["ผลลัพธ์ที่ได้รับ (คาดว่า)", "ผลลัพธ์ที่ได้รับ คาดการณ์", "ผลลัพธ์ที่ได้ (คาดการณ์)",
                "ผลที่คาดว่าจะเกิดขึ้น", "ผลกระทบที่เกิดขึ้น", "ให้แล้วเสร็จภายใน 30 วัน",
                # a reviewer's: a risk table's effects, a plan's column and targets, a forecast
                "ผลกระทบ/ผลที่เกิดขึ้นหากเกิดความเสี่ยง", "ผลที่เกิดขึ้นจากความเสี่ยง", "| ผลที่เกิดขึ้นต่อองค์กร |",
                "ให้ทำแล้วเสร็จ 5 โครงการภายในเดือนกันยายน", "ผลงานรายโครงการที่คาดว่าจะได้รับ",
                "ผลลัพธ์ที่คาดว่าจะได้รับ", "โครงการ | ผลผลิต | ผลลัพธ์ | งบประมาณ (บาท)", "ผลผลิต/ผลลัพธ์"],
    # a plan's total cost, and its cost column beside an expected outcome
    "budget_spent": ["รวมค่าใช้จ่าย 35,000 บาท", "ประมาณการค่าใช้จ่ายทั้งสิ้น 35,000 บาท",
                     "ประมาณการเบิกจ่ายไป 50,000 บาท", "คาดว่าจะเบิกจ่ายไป 50,000 บาท", "ยังไม่เบิกจ่าย 0 บาท",
                     "โครงการ | ผลลัพธ์ที่คาดว่าจะได้รับ | ค่าใช้จ่าย (บาท) | อบรม | 50 คน | 20,000 | ประชุม | 30 คน | 15,000"],
    # a letter's closing, a road plan
    "problems": ["หากมีข้อติดขัดประการใด โปรดติดต่อกองคลัง", "ถ้ามีข้อติดขัดใดๆ แจ้งได้",
                 "หากมีข้อขัดข้องประการใด โปรดแจ้งกองคลัง", "กรณีมีข้อขัดข้องในการปฏิบัติ ให้รายงานนายกทราบ",
                 "ระบบ e-GP เกิดข้อขัดข้อง จึงขอเลื่อนการเสนอราคา", "ผู้ใดมีข้อขัดข้อง ให้แจ้งภายใน 7 วัน",
                 "ก่อสร้างถนนเพื่อแก้ไขเรื่องที่ติดขัดของการจราจร", "การจราจรติดขัดบริเวณหน้าตลาดสด"],
    # a procurement offer, the public's proposals
    "suggestions": ["ยื่นข้อเสนอราคา", "ผู้ยื่นข้อเสนอสำหรับโครงการก่อสร้างถนน", "รับฟังข้อเสนอของประชาชน",
                    "ที่ | ผู้ยื่นข้อเสนอ | ราคาที่เสนอ (บาท) |", "| ข้อเสนอราคา | 45,000 |",
                    "รับข้อเสนอสำหรับปีงบประมาณ 2569", "จะดำเนินการในปีต่อไป", "ตามแนวทางของกระทรวงมหาดไทย",
                    "ส่วนที่ ๒ แนวทางในปีงบประมาณ พ.ศ. ๒๕๖๘", "ตามแนวทางในปีต่อไปของกระทรวง", "แนวทางในปี 2566-2570",
                    "เพื่อเป็นแนวทางการปรับปรุงการทำงาน - ให้ทุกกองถือปฏิบัติ"],
}


@pytest.mark.parametrize("cid", READINGS)
def test_a_reports_plain_words_are_read_and_a_plans_are_not(catalogues: dict[int, Catalogue], cid: str) -> None:
    comps = [((year, item_id), _component(catalogues[year].item(item_id), cid))
             for year, items in REPORTS.items() for item_id in items
             if any(c.id == cid for c in catalogues[year].item(item_id).components)]
    _check(comps, REPORT_GOOD[cid], REPORT_BAD[cid])


def test_the_plans_still_pass_no_report_component(catalogues: dict[int, Catalogue]) -> None:
    for year, items in REPORTS.items():
        for item_id in items:
            item = catalogues[year].item(item_id)
            for cid in READINGS:
                if any(c.id == cid for c in item.components):
                    for plan in (PLAN_2568, PLAN_2569):
                        for text in _forms(plan):
                            assert not _hit(_component(item, cid), text), (year, item_id, cid)


@pytest.mark.parametrize(("path", "item_id", "parts"), [
    # the HR report: a PDF whose table lost its cells ("สิ่งที่ทำผลลัพธ์ที่ได้ ค่าใช้จ่าย (บาท)")
    ("files/hr-results-2568.pdf", "O14", READINGS),
    # the integrity report (Word): budget spent is optional there, and read all the same
    ("files/integrity-measures-results-2568.docx", "O26", READINGS),
])
def test_the_trials_reports_are_read(catalogues: dict[int, Catalogue], path: str, item_id: str,
                                     parts: tuple[str, ...]) -> None:
    f = _evaluate(catalogues[2569], item_id, trial_text(path), 2569)
    assert f.status is Status.PASS, f.reasons
    found = {r.detail["component"] for r in f.found if r.code == "component_found"}
    assert set(parts) <= found, f.reasons


# ---------------------------------------------------------------- the monthly procurement summary


def test_a_procurement_tables_name_column_is_the_item_procured(catalogues: dict[int, Catalogue]) -> None:
    comps = [(y, _component(catalogues[y].item(i), "procured_item")) for y, i in ((2569, "O11"), (2568, "O12"))]
    _check(comps,
           [trial_text("files/procurement-monthly-2569.xlsx"),
            "ที่ รายการ วงเงินงบประมาณ (บาท) ราคากลาง (บาท)",  # a PDF's table without cells
            "ลำดับ | รายการ | จำนวน | วงเงิน (บาท)", "| รายการ | ราคากลาง (บาท) |"],
           ["รายการ", "จำนวน 12 รายการ วงเงินรวม 500,000 บาท", "สรุปรายการ วงเงินทั้งสิ้น", "รายการค่าใช้จ่าย",
            "ลำดับ | รายการ | หน่วยนับ | จำนวน | หมายเหตุ"])
    price = [(y, _component(catalogues[y].item(i), "agreed_price")) for y, i in ((2569, "O11"), (2568, "O12"))]
    _check(price, ["ราคาที่ซื้อ/จ้าง (บาท)", "ราคาที่ ซื้อ / จ้าง"], ["ราคากลาง (บาท)", "ราคาที่จะซื้อ"])


def test_the_trials_workbook_is_a_complete_monthly_summary(catalogues: dict[int, Catalogue]) -> None:
    f = _evaluate(catalogues[2569], "O11", trial_text("files/procurement-monthly-2569.xlsx"), 2569)
    assert f.status is Status.PASS and _missing(f) == [], f.reasons


# ---------------------------------------------------------------- the complaint guideline and channels


def test_a_numbered_table_of_actions_with_deadlines_is_the_procedure(catalogues: dict[int, Catalogue]) -> None:
    comps = [(y, _component(catalogues[y].item(i), "procedure")) for y, i in ((2569, "O16"), (2568, "O17"))]
    _check(comps,
           [trial_text("files/corruption-complaint-procedure.pdf"),
            "ลำดับ | การดำเนินการ | ผู้รับผิดชอบ | ระยะเวลา"],
           ["ให้ดำเนินการตามลำดับการดำเนินการภายในระยะเวลาที่กำหนด", "ลำดับ | ชื่อ-สกุล | ตำแหน่ง | โทรศัพท์",
            "ลำดับการดำเนินการ"])  # a heading alone, with no deadlines: not read


CORRUPT = ["เรียกรับสินบน", "ใช้ตำแหน่งหน้าที่โดยมิชอบ", "เบียดบังทรัพย์สินของทางราชการ",
           "ปฏิบัติหรือละเว้นการปฏิบัติหน้าที่โดยมิชอบ", "เอื้อประโยชน์แก่พวกพ้อง",
           "นำทรัพย์สินของราชการไปใช้เพื่อประโยชน์ส่วนตน"]
# pledges and slogans, the public good, a complaint about a road, lawful power
NOT_CORRUPT = ["องค์กรโปร่งใส ไม่รับสินบน", "ไม่เรียกรับเงินจากผู้มาติดต่อ", "ไม่มีการเอื้อประโยชน์ให้บุคคลใด",
               "เพื่อเอื้อประโยชน์ต่อประชาชนในพื้นที่", "เรียกร้องให้ซ่อมถนนชำรุดหน้าหมู่บ้าน",
               "ร้องเรียนถนนชำรุด ไฟฟ้าส่องสว่างดับ ขยะตกค้าง", "ใช้อำนาจตามกฎหมายว่าด้วยการสาธารณสุข",
               "ไม่นำทรัพย์สินของทางราชการไปใช้ส่วนตัว",
               # the names of prevention measures, an ITA menu's entries on every page (a review's false pass)
               "มาตรการป้องกันการรับสินบน", "การป้องกันการเรียกรับเงินหรือทรัพย์สินจากประชาชน",
               "มาตรการป้องกันการเอื้อประโยชน์ให้ผู้รับจ้าง", "ประกาศเจตนารมณ์ต่อต้านสินบน"]


def test_corruption_named_by_its_acts_on_every_complaint_item(catalogues: dict[int, Catalogue]) -> None:
    comps = [((y, i), _component(catalogues[y].item(i), "corruption_scope"))
             for y, items in ((2569, ("O16", "O17", "O18")), (2568, ("O17", "O18", "O19"))) for i in items]
    _check(comps, [trial_text("ita/o17.html"), *CORRUPT], NOT_CORRUPT)


# A municipality's general grievance channels: roads, lights, refuse; no word of its staff's wrongdoing.
GRIEVANCES = """\
ช่องทางร้องเรียนร้องทุกข์ เทศบาลตำบลบ้านโพธิ์ทอง
ประชาชนแจ้งเรื่องเดือดร้อน เช่น ถนนชำรุด ไฟฟ้าส่องสว่างดับ ขยะตกค้าง น้ำประปาไม่ไหล หรือเรียกร้องให้ซ่อมแซม
สาธารณูปโภค ได้ตามช่องทางต่อไปนี้ เทศบาลจะใช้อำนาจตามกฎหมายแก้ไขเหตุเดือดร้อนรำคาญเพื่อเอื้อประโยชน์ต่อประชาชน
โทรศัพท์ 0-4372-0000 ในวันและเวลาราชการ
ไปรษณีย์ ถึงนายกเทศมนตรีตำบลบ้านโพธิ์ทอง
ด้วยตนเอง ณ ศูนย์รับเรื่องราวร้องทุกข์ สำนักปลัดเทศบาล
เว็บไซต์ เมนูแจ้งเรื่องร้องทุกข์ออนไลน์ เจ้าหน้าที่จะแจ้งผลภายใน 15 วัน
"""


def test_a_grievance_page_about_roads_is_still_no_corruption_channel(catalogues: dict[int, Catalogue]) -> None:
    for year, item_id in ((2569, "O17"), (2568, "O18")):
        f = _evaluate(catalogues[year], item_id, GRIEVANCES, year)
        assert f.status is Status.FAIL and _missing(f) == ["corruption_scope"], (year, f.reasons)


def test_the_trials_tip_off_page_is_a_corruption_channel(catalogues: dict[int, Catalogue]) -> None:
    f = _evaluate(catalogues[2569], "O17", trial_text("ita/o17.html"), 2569)
    assert f.status is Status.PASS and _missing(f) == [], f.reasons


# ---------------------------------------------------------------- using the ITA results (2569 O25, 2568 O27)


def test_the_itas_scores_explained_how_and_who(catalogues: dict[int, Catalogue]) -> None:
    pairs = ((2569, "O25"), (2568, "O27"))
    follow_up = trial_text("files/ita-2568-follow-up.pdf")
    analysis = [(y, _component(catalogues[y].item(i), "ita_analysis")) for y, i in pairs]
    _check(analysis,
           [follow_up, "ส่วนที่ทำให้คะแนนต่ำคือการเผยแพร่ข้อมูลไม่ต่อเนื่อง", "คะแนนยังไม่ถึง 85 ตามเป้า"],
           ["การประเมิน ITA มีเครื่องมือ 3 ชุด คือ IIT EIT และ OIT", "ทำให้คะแนนสูงขึ้น",
            "คะแนนยังไม่ถูกประกาศ"])
    steps = [(y, _component(catalogues[y].item(i), "steps")) for y, i in pairs]
    _check(steps, [follow_up, "วิธีทำ: ประชุมมอบหมายงานทุกเดือน", "มาตรการ | วิธีทำ | ผู้รับผิดชอบ"],
           ["วิธีทำให้ประชาชนรับรู้ช่องทางร้องเรียน ผู้รับผิดชอบ", "วิธีทำ"])
    responsible = [(y, _component(catalogues[y].item(i), "responsible")) for y, i in pairs]
    _check(responsible, [follow_up, "ฝ่ายที่รับผิดชอบ", "สำนัก/กองที่รับผิดชอบ"],
           ["งานที่รับผิดชอบ", "ความรับผิดชอบต่อสังคม"])
    f = _evaluate(catalogues[2569], "O25", follow_up, 2569)
    assert f.status is Status.PASS and _missing(f) == [], f.reasons
