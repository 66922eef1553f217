"""Chromium printing Thai with some fonts (Garuda, Loma, Norasi) writes a consonant and its upper marks twice in the
PDF's text layer ("ขั้นขั้ ตอน", "ทั้งทั้นี้"): the repeated cluster goes, a word said twice and a longer cluster stay."""

from __future__ import annotations

import pytest

from oit_checker.extract import extract
from oit_checker.extract.pdf import _drop_repeated_clusters
from tests.support.paths import ROOT

PAGES = ROOT / "fixtures" / "pages"


def _text(path: str) -> str:
    return extract((PAGES / path).read_bytes(), "https://h/a.pdf", "application/pdf").text


def test_a_no_gift_announcement_printed_by_chromium_reads_as_written() -> None:
    text = _text("review4/p16_o20_pdf.pdf")
    assert "รับทรัพย์สินทุกครั้ง\nทั้งนี้ มอบหมาย" in text and "ทั้งทั้" not in text and "ครั้งรั้" not in text


def test_an_order_s_steps_and_risks_read_as_written() -> None:
    text = _text("review5/p08_o21_order_annex_assessment.pdf")
    assert "ประกาศขั้น ตอนและระยะ" in text and "แนบท้ายคำสั่ง นี้" in text
    assert "ขั้นขั้" not in text and "คำสั่งสั่" not in text


@pytest.mark.parametrize(("raw", "fixed"), [
    ("ขั้นขั้ ตอน/วิธีการปฏิบัติ", "ขั้น ตอน/วิธีการปฏิบัติ"),
    ("๑) แต่งตั้งตั้คณะทำงาน", "๑) แต่งตั้งคณะทำงาน"),
    ("บัดนี้คนี้ รบรอบปีงบประมาณ", "บัดนี้ค รบรอบปีงบประมาณ"),
    ("ทั้งทั้ง", "ทั้งทั้ง"),  # a word said twice
    ("และต้องยับยั้ง ทักท้วง", "และต้องยับยั้ง ทักท้วง"),  # ยั้ is not ยั again
    ("สถานที่เที่ยว", "สถานที่เที่ยว"),  # a leading vowel is no final
])
def test_repeated_clusters(raw: str, fixed: str) -> None:
    assert _drop_repeated_clusters(raw) == fixed
