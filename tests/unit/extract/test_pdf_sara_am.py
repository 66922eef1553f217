"""A font whose sara am makes PDFium put a space after it ("ทุนสำ รองเงินสะสม"): when most of a PDF's ำ have one,
the spaces go; a writer's own space after ำ (ending a phrase) stays when it is the exception."""

from __future__ import annotations

from oit_checker.extract import extract
from oit_checker.extract.pdf import _join_split_sara_am
from tests.support.paths import ROOT

# A statement printed to PDF by Chromium in the Sawasdee font (the fifth assessor's trial).
STATEMENTS = ROOT / "fixtures" / "assessor_trial" / "fifth" / "site" / "files" / "financial-statements-2567.pdf"


def test_a_fonts_space_after_every_sara_am_goes() -> None:
    doc = extract(STATEMENTS.read_bytes(), "https://h/financial-statements-2567.pdf", "application/pdf")
    assert "ทุนสำรองเงินสะสม" in doc.text and "งบแสดงผลการดำเนินงานทางการเงิน" in doc.text
    assert "ำ " not in doc.text.replace("ำ\n", "")


def test_split_when_most_sara_am_have_a_space_after_them() -> None:
    pages = ["ทุนสำ รอง ผลการดำ เนินงาน", "ประจำ ปี สำ นักปลัด น้ำประปา"]
    assert _join_split_sara_am(pages) == ["ทุนสำรอง ผลการดำเนินงาน", "ประจำปี สำนักปลัด น้ำประปา"]


def test_a_writers_space_after_sara_am_stays_when_it_is_the_exception() -> None:
    pages = ["ทำ ให้ประชาชนได้รับ น้ำประปา สำนักปลัด ดำเนินงาน ประจำปี ตำบล"]  # one ำ of six has a space
    assert _join_split_sara_am(pages) == pages
    few = ["สำ นัก ดำ เนิน"]  # three ำ say too little
    assert _join_split_sara_am(few) == few
