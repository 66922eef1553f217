"""`components_only_listed`: a document that only names the item's components in one listing sentence (an
announcement that the report is done) is a review; a report whose table header or headings name them is not."""

from __future__ import annotations

from functools import cache

import pytest

from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
from oit_checker.evaluate.item import evaluate_item
from oit_checker.evaluate.listed import ListedPage, only_listed
from oit_checker.model import DocKind, Document, Fetched, Item, Retrieved, Status, UrlTrail
from oit_checker.text.thai import TextIndex

URL = "https://www.nongbua.go.th/files/o13-2567.pdf"
HOME = "https://www.nongbua.go.th/"
HEAD = ("ประกาศองค์การบริหารส่วนตำบลหนองบัว\nเรื่อง รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ ประจำปีงบประมาณ พ.ศ. 2567\n"
        "ตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560 กำหนดให้หน่วยงานของรัฐจัดทำรายงานผลการจัดซื้อ"
        "จัดจ้างประจำปี เพื่อเปิดเผยให้ประชาชนทราบและตรวจสอบได้ นั้น\n")
LISTING = ("องค์การบริหารส่วนตำบลหนองบัว ได้จัดทำรายงานประจำปีงบประมาณ พ.ศ. 2567 ซึ่งประกอบด้วย สรุปผลการจัดซื้อจัดจ้าง "
           "งบประมาณที่ใช้ ปัญหาอุปสรรค และข้อเสนอแนะ เสร็จเรียบร้อยแล้ว จึงประกาศให้ทราบโดยทั่วกัน รายละเอียดขอตรวจดูได้ที่"
           "กองคลัง ในวันและเวลาราชการ\nประกาศ ณ วันที่ 25 ตุลาคม 2567\n(นายบุญมา แสงทอง)\nนายกองค์การบริหารส่วนตำบลหนองบัว\n")
SECTIONS = ("1. สรุปผลการจัดซื้อจัดจ้าง จำนวน 42 โครงการ วิธีเฉพาะเจาะจง 38 โครงการ e-bidding 4 โครงการ\n"
            "2. งบประมาณที่ใช้ รวม 12,450,000 บาท คิดเป็นร้อยละ 91.2 ของงบประมาณที่ตั้งไว้\n"
            "3. ปัญหาอุปสรรค ผู้เสนอราคาน้อยราย ระยะเวลาจัดทำราคากลางจำกัด\n"
            "4. ข้อเสนอแนะ ควรจัดทำแผนจัดซื้อจัดจ้างให้เสร็จก่อนต้นปีงบประมาณ\n")


@cache
def o13() -> Item:
    return next(i for i in load_catalogue(catalogue_path_for(2568)).items if i.id == "O13")


def _finding(text: str) -> tuple[Status, set[str]]:
    doc = Document(url=URL, kind=DocKind.PDF, pages=(text,), page_count=1, title="")
    fetched = Fetched(url=URL, final_url=URL, status=200, content_type="application/pdf")
    f = evaluate_item(o13(), [UrlTrail(submitted=URL, retrieved=(Retrieved(fetched=fetched, document=doc),))], 2568,
                      home=HOME)
    return f.status, {r.code for r in f.reasons}


def test_an_announcement_naming_the_reports_parts_in_one_sentence_is_a_review() -> None:
    status, codes = _finding(HEAD + LISTING)
    assert status is Status.REVIEW and "components_only_listed" in codes


def test_the_same_announcement_followed_by_the_report_passes() -> None:
    status, codes = _finding(HEAD + LISTING + SECTIONS)  # the parts named again, each with its content
    assert "components_only_listed" not in codes and status is Status.PASS, codes


def test_a_report_whose_table_header_names_the_parts_passes() -> None:
    table = ("ผลการจัดซื้อจัดจ้าง | งบประมาณที่ใช้ (บาท) | ปัญหาอุปสรรค | ข้อเสนอแนะ\n"
             "ก่อสร้างถนน คสล. หมู่ 3 | 1,250,000 | ผู้รับจ้างล่าช้า | ควรกำหนดค่าปรับให้ชัด\n"
             "จัดซื้อวัสดุสำนักงาน | 85,400 | ไม่มี | -\n")
    status, codes = _finding(HEAD + table)  # no listing word before the header: a table, not a sentence
    assert "components_only_listed" not in codes and status is Status.PASS, codes


@pytest.mark.parametrize("between", ["ไม่มี", "ได้ดำเนินการครบทุกโครงการ"])
def test_names_with_words_between_them_are_no_list(between: str) -> None:
    # The first three follow each other after "ประกอบด้วย"; the fourth comes after words of content: no list of four.
    text = (HEAD + f"รายงานประกอบด้วย สรุปผลการจัดซื้อจัดจ้าง งบประมาณที่ใช้ ปัญหาอุปสรรค {between} และข้อเสนอแนะ {between}\n")
    _status, codes = _finding(text)
    assert "components_only_listed" not in codes, codes


def test_the_list_is_quoted_and_names_its_components() -> None:
    item = o13()
    comps = [c for c in item.components if c.id in {"procurement_summary", "budget_spent", "problems", "suggestions"}]
    index = TextIndex(LISTING)
    listed = only_listed(comps, [ListedPage(URL, 1, index, [], {})])
    assert listed is not None and listed.page == 1
    assert listed.components == ("procurement_summary", "budget_spent", "problems", "suggestions")
    assert "ประกอบด้วย สรุปผลการจัดซื้อจัดจ้าง งบประมาณที่ใช้ ปัญหาอุปสรรค และข้อเสนอแนะ" in listed.snippet


def test_two_names_are_no_list_of_sections() -> None:
    comps = [c for c in o13().components if c.id in {"problems", "suggestions"}]
    assert only_listed(comps, [ListedPage(URL, 1, TextIndex(LISTING), [], {})]) is None
