"""An annual plan given only as the list of other bodies' projects in the agency's area (evaluate/plans.py,
review71 d01): not the agency's own plan."""

from __future__ import annotations

from oit_checker.evaluate.plans import others_projects_only

OTHERS = ("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙\nองค์การบริหารส่วนตำบลโคกสูง อำเภอภูเวียง จังหวัดขอนแก่น\n"
          "บัญชีโครงการ/กิจกรรม/งบประมาณ (ผด.๐๒/๑)\nสำหรับโครงการพัฒนาที่หน่วยงานอื่นดำเนินการในพื้นที่ตำบลโคกสูง\n"
          "๒ ขุดลอกลำห้วยโคกสูง ยาว ๑,๕๐๐ ม. ๒,๔๐๐,๐๐๐ หมู่ที่ ๖\nองค์การบริหารส่วนจังหวัด\nขอนแก่น\n"
          "หมายเหตุ: โครงการตามบัญชีนี้เป็นโครงการที่หน่วยงานอื่นดำเนินการในเขตพื้นที่ตำบลโคกสูง โดยใช้งบประมาณของหน่วยงานนั้น")


def test_only_the_others_projects() -> None:
    assert others_projects_only([OTHERS]) == "สำหรับโครงการพัฒนาที่หน่วยงานอื่นดำเนินการในพื้นที่ตำบลโคกสูง"


def test_a_plan_with_its_own_list_beside_the_others() -> None:
    own = "บัญชีโครงการ/กิจกรรม/งบประมาณ (แบบ ผด.๐๒)\n๑ ก่อสร้างถนนคอนกรีต ๔๙๘,๐๐๐ กองช่าง\n"
    assert others_projects_only([own + OTHERS]) is None
    # its own list not named by its form: a project list no line names the others' heads it
    assert others_projects_only([own.replace(" (แบบ ผด.๐๒)", "") + OTHERS]) is None
    # the introduction saying the plan gathers the others' projects too is prose, no heading
    intro = ("องค์การบริหารส่วนตำบลโคกสูง ได้รวบรวมโครงการที่บรรจุไว้ในข้อบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569 "
             "และโครงการที่หน่วยงานอื่นดำเนินการในพื้นที่ ทั้งสิ้น 7 โครงการ ตามบัญชีโครงการ/กิจกรรม ดังต่อไปนี้")
    assert others_projects_only([intro]) is None


def test_the_plans_standard_introduction_names_its_parts_in_prose() -> None:
    # review72 a02: "…ประกอบด้วย … (แบบ ผด.๐๒) และ…" over the others' list only is no own list
    intro = ("แผนการดำเนินงานฉบับนี้ประกอบด้วย บัญชีสรุปจำนวนโครงการและงบประมาณ (แบบ ผด.๐๑) บัญชีโครงการ/กิจกรรม/งบประมาณ (แบบ\n"
             "ผด.๐๒) และบัญชีโครงการ/กิจกรรม/งบประมาณ สำหรับโครงการพัฒนาที่หน่วยงานอื่นดำเนินการในพื้นที่ (แบบ ผด.๐๒/๑)\n")
    assert others_projects_only([intro + OTHERS]) == "สำหรับโครงการพัฒนาที่หน่วยงานอื่นดำเนินการในพื้นที่ตำบลโคกสูง"
    # the same introduction over the agency's own "แบบ ผด.๐๒" list and the others' appendix (review72 a01)
    own = "แบบ ผด.๐๒\nบัญชีโครงการ/กิจกรรม/งบประมาณ\n๑ ก่อสร้างถนนคอนกรีต ๔๘๖,๐๐๐ หมู่ที่ ๔ กองช่าง\n"
    assert others_projects_only([intro + own + OTHERS]) is None
