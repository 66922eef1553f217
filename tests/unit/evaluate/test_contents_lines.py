"""A table of contents names sections, not their content (evaluate/cover.py `contents_lines`): a report that stops
after its contents and foreword (review27 c06) has none of the sections its contents list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from oit_checker.evaluate.cover import contents_lines
from oit_checker.model import Status
from tests.support.evaluate import file_trail, finding_from_files

REVIEW27 = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review27"
KHOKSUNG = "องค์การบริหารส่วนตำบลโคกสูง"


def test_the_lines_of_a_contents_page() -> None:
    doc = file_trail(REVIEW27 / "c06_fail_o7_toc_then_intro_only.pdf").retrieved[0].document
    assert doc is not None
    at = next(i for i, p in enumerate(doc.pages) if "สารบัญ" in p)
    page = doc.pages[at]
    lines = page.split("\n")
    got = [" ".join(lines[a:b]) for a, b in contents_lines(page)]
    assert got[1].startswith("ส่วนที่ 2 ผลการดำเนินงานรายโครงการ") and got[1].endswith("๕")
    # the leader on a line of its own takes the wrapped heading above it
    assert got[-1].startswith("ส่วนที่ 4 ปัญหาอุปสรรคและข้อเสนอแนะแนวทางแก้ไข") and got[-1].endswith("๑๘")
    assert len(got) == 4
    assert contents_lines(doc.pages[at + 1]) == ()  # the introduction: no contents


def test_two_dotted_fields_are_no_contents() -> None:
    assert contents_lines("ชื่อ ........................ 1\nที่อยู่ ........................ 2\nลงชื่อ") == ()


def test_a_report_that_stops_after_its_contents_fails_and_a_whole_one_passes() -> None:
    def status(name: str) -> Status:
        return finding_from_files("O7", [REVIEW27 / name], 2569, agency=KHOKSUNG, as_of=date(2026, 5, 15)).status

    assert status("c06_fail_o7_toc_then_intro_only.pdf") is Status.FAIL
    # contents, then every section: the sections count
    assert status("c02_good_o7_followup_report_cover_toc_split_table.pdf") is Status.PASS


def test_a_page_number_wrapped_onto_its_own_line_keeps_the_contents_one() -> None:
    # review45 b35: the long heading's page number "๒" wrapped under its leader; the contents is still one run
    page = ("สารบัญ\n"
            "ส่วนที่ ๑ ข้อมูลทั่วไป ...................................................................... ๑\n"
            "ส่วนที่ ๒ สรุปผลการจัดซื้อจัดจ้างจำแนกตามวิธี " + "." * 70 + "\n"
            "๒\n"
            "ส่วนที่ ๓ รายละเอียดรายโครงการ ...................................................................... ๓\n"
            "ส่วนที่ ๔ ปัญหาอุปสรรคและข้อเสนอแนะ ...................................................................... ๔\n"
            "ข")
    lines = page.split("\n")
    got = [" ".join(lines[a:b]) for a, b in contents_lines(page)]
    assert len(got) == 4
    assert got[1].startswith("ส่วนที่ ๒ สรุปผลการจัดซื้อจัดจ้าง") and got[1].endswith("๒")
    assert got[-1].startswith("ส่วนที่ ๔ ปัญหาอุปสรรคและข้อเสนอแนะ")
    # a page's own letter under the last line is no wrapped page number
    assert not any(g.endswith("ข") for g in got)


def test_a_line_pointing_to_another_part_names_the_part_and_holds_none() -> None:
    from oit_checker.evaluate.item import _pointer_lines
    page = ("บทที่ ๒ บทบาทหน้าที่และความรับผิดชอบ\nผู้อำนวยการกองคลัง ควบคุมกำกับดูแล\n"
            "(ต่อส่วนที่ ๒ บทที่ ๓ ขั้นตอนการปฏิบัติงาน)\nดูรายละเอียดในบทที่ 4 แผนผังกระบวนการ\n(อ่านต่อหน้า 12)")
    assert _pointer_lines(page) == ((2, 3), (3, 4), (4, 5))
    # prose citing a chapter, a duty, a chapter's own heading: no pointers
    assert _pointer_lines("ปฏิบัติตามขั้นตอนในบทที่ 3 ทุกครั้ง\nต่อหน้าที่ความรับผิดชอบของตน\nบทที่ ๓ ขั้นตอนการปฏิบัติงาน") == ()


def test_a_part_named_before_a_pointer_elsewhere_is_not_held() -> None:
    from oit_checker.evaluate.item import _trailing_pointer_lines
    page = ("ผลการดำเนินการรายโครงการ (ต่อส่วนที่ ๒ ผลการดำเนินการและงบประมาณที่ใช้)\n"
            "ปัญหาอุปสรรคและข้อเสนอแนะ (อ่านต่อหน้า ๑๒)\n"
            "สำหรับปัญหาอุปสรรคและข้อเสนอแนะ ดูรายละเอียดในบทที่ ๔ ของรายงานการติดตามและ")
    assert _trailing_pointer_lines(page, [page]) == [(0, 1), (1, 2), (2, 3)]
    # a table or a picture of the same file, and a part the file holds, are headings over their own content
    held = ("ปัญหาอุปสรรค (รายละเอียดตามตารางที่ ๒)\nบทที่ ๓ ขั้นตอนการปฏิบัติงาน (ดูแผนภาพหน้า ๕)\n"
            "ปัญหาอุปสรรค ดูรายละเอียดในบทที่ ๔\nบทที่ ๔ ปัญหาอุปสรรคและข้อเสนอแนะ\nข้อเสนอแนะ (อ่านต่อหน้า ๒)")
    assert _trailing_pointer_lines(held, [held, "ข้อเสนอแนะ ๑) เร่งรัดการเบิกจ่าย"]) == []


def test_part_one_of_a_manual_that_points_to_its_steps_lacks_them() -> None:
    review53 = REVIEW27.parent / "review53"
    part1 = review53 / "b09_fail_o8_manual-part1.pdf"  # "(ต่อส่วนที่ ๒ บทที่ ๓ ขั้นตอนการปฏิบัติงาน)"
    f = finding_from_files("O8", [part1], 2569, agency=KHOKSUNG, as_of=date(2026, 5, 15))
    assert f.status is Status.FAIL and {r.code for r in f.reasons if r.severity is Status.FAIL} == {"missing_component"}
    both = finding_from_files("O8", [part1, review53 / "g08_good_o8_manual-part2.pdf"], 2569, agency=KHOKSUNG,
                              as_of=date(2026, 5, 15))
    assert both.status is Status.PASS


# review59 b06: a PDF's text glues the heading to the cover's last line; its HTML twin gives the contents as a table.
_GLUED = ("รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘องค์การบริหารส่วนตำบลโคก\nสูงสารบัญ\nเรื่อง หน้า\n"
          "ส่วนที่ ๑ บทนำ ๑\nส่วนที่ ๒ ผลการดำเนินงานตามแผนการดำเนินงาน ๔\nส่วนที่ ๓ ผลการเบิกจ่ายงบประมาณ ๑๕\n"
          "ส่วนที่ ๔ ปัญหาอุปสรรคและข้อเสนอแนะ ๒๑\nภาคผนวก ภาพกิจกรรม ๒๔")


def test_a_contents_heading_glued_to_the_line_before_or_given_as_a_table() -> None:
    assert len(contents_lines(_GLUED)) == 5
    table = _GLUED.replace("โคก\nสูงสารบัญ", "โคกสูงสารบัญ").replace("เรื่อง หน้า", "เรื่อง | หน้า")
    table = "\n".join(line[:line.rfind(" ")] + " | " + line[line.rfind(" ") + 1:] if line.startswith(("ส่วน", "ภาค"))
                      else line for line in table.split("\n"))
    assert "ส่วนที่ ๔ ปัญหาอุปสรรคและข้อเสนอแนะ | ๒๑" in table
    assert len(contents_lines(table)) == 5
    # a sentence ending on the word is no heading of a contents over the body's lines
    assert contents_lines("ดูรายละเอียดตามสารบัญ ท้ายเล่ม\nส่วนที่ ๑ บทนำ ๑\nข้อความ") == ()
