"""A paged document's appendix (evaluate/appendix.py) is attached to it, not its body: the announcement adopting
"แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙" appended to a plan of "…พ.ศ. ๒๕๖๘" throughout does not make it this year's
(review45 b06), nor this year's order appended to last year's HR plan (b22)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from oit_checker.evaluate.appendix import appendix_start
from oit_checker.model import Status
from tests.support.evaluate import finding_from_files

PAGES = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review45"
CONTENTS = "สารบัญ\nส่วนที่ ๑ บทนำ ........................ ๑\nภาคผนวก ........................ ๕\nข"
BODY = "องค์การบริหารส่วนตำบลโคกสูง อำเภอภูเวียง จังหวัดขอนแก่น\nส่วนที่ ๑ บทนำ\nแผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"
APPENDIX = ("องค์การบริหารส่วนตำบลโคกสูง อำเภอภูเวียง จังหวัดขอนแก่น\nภาคผนวก\nประกาศองค์การบริหารส่วนตำบลโคกสูง\n"
            "เรื่อง ประกาศใช้แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙")


def test_the_appendix_starts_at_its_heading_not_at_the_contents_line() -> None:
    pages = ("แผนการดำเนินงาน\nองค์การบริหารส่วนตำบลโคกสูง", CONTENTS, BODY, APPENDIX)
    assert appendix_start(pages) == (3, APPENDIX.index("ภาคผนวก"))
    # a contents entry whose leader wrapped onto the next line is no heading either
    wrapped = "สารบัญ\nส่วนที่ ๑ บทนำ ........................ ๑\nภาคผนวก\n........................ ๕"
    assert appendix_start(("ปก", wrapped, BODY)) is None


def test_prose_naming_the_appendix_is_no_heading() -> None:
    pages = ("ปก", BODY + "\nดังรายละเอียดในภาคผนวก ท้ายแผนนี้", "รายละเอียดตามภาคผนวก ก")
    assert appendix_start(pages) is None


def _finding(name: str, item: str):  # type: ignore[no-untyped-def]
    return finding_from_files(item, [PAGES / name], 2569, agency="องค์การบริหารส่วนตำบลโคกสูง", as_of=date(2026, 5, 15))


def test_the_year_named_only_in_the_appendix_does_not_pass_last_years_plan() -> None:
    f = _finding("b06_fail_o6_body_lastyear_right_year_only_in_appendix.pdf", "O6")
    assert f.status is not Status.PASS


def test_this_years_order_appended_to_last_years_hr_plan_does_not_pass_it() -> None:
    f = _finding("b22_fail_o13_cover_current_body_lastyear.pdf", "O13")
    assert f.status is Status.REVIEW and "body_year_earlier" in {r.code for r in f.reasons}


def test_last_years_announcement_appended_to_this_years_plan_passes() -> None:
    assert _finding("a07_good_o6_appendix_last_years_announcement.pdf", "O6").status is Status.PASS
