"""`next_to`: an executive's title counts beside a person's name (O2's top_executive and deputies, next to
`names`), not in a sentence about who the council checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.evaluate import finding_from_html

ROOT = Path(__file__).resolve().parents[3]
TRIALS = ROOT / "fixtures" / "assessor_trial"
URL = "https://www.nongbua.go.th/ita/o2.html"


def _page(*lines: str) -> str:
    body = "".join(f"<p>{line}</p>" for line in lines)
    return f"<html><head><title>คณะผู้บริหาร</title></head><body><h1>คณะผู้บริหาร</h1>{body}</body></html>"


def _missing(html: str, year: int = 2569) -> tuple[str, set[str]]:
    f = finding_from_html("O2", html, URL, year)
    missing = {str(c) for r in f.reasons if r.code == "missing_component" for c in r.detail["missing"]}
    return f.status.value, missing


def test_the_council_under_the_executives_heading_names_no_executive() -> None:
    # The eighth trial's page: the council's members with their own numbers, and a sentence on what the council
    # checks, "…ตรวจสอบการบริหารงานของนายกเทศมนตรีและรองนายกเทศมนตรี…"
    html = (TRIALS / "eighth" / "site" / "ita" / "o2b.html").read_text(encoding="utf-8")
    f = finding_from_html("O2", html, "https://www.nongbua.go.th/ita/o2b.html", 2569)
    assert f.status.value == "review"  # never a pass: a person confirms no executive is listed
    reason = next(r for r in f.reasons if r.code == "component_not_beside")
    assert "ตรวจสอบการบริหารงานของนายกเทศมนตรีและรองนายกเทศมนตรี" in reason.evidence[0].snippet
    assert not any(r.code == "missing_component" for r in f.reasons)


@pytest.mark.parametrize(("why", "lines"), [
    ("a row: name | title | phone", ("นายสมชาย ใจดี | นายกเทศมนตรี | โทร. 081 234 5678",
                                    "นางสาวมาลี ศรีสุข | รองนายกเทศมนตรี | โทร. 089 111 2222")),
    ("a card: name, then the title on the next line", ("นายสมชาย ใจดี", "นายกเทศมนตรีเมืองท่าช้างทอง",
                                                         "โทร. 081 234 5678", "นางสาวมาลี ศรีสุข",
                                                         "รองนายกเทศมนตรี", "โทร. 089 111 2222")),
    ("a rank before the name (ว่าที่ร้อยตรี, ดร.)", ("ว่าที่ร้อยตรีสมชาย ใจดี", "นายกเทศมนตรีตำบลหนองบัว",
                                                 "โทร 081-234-5678", "ดร.สมศักดิ์ รักดี", "รองนายกฯ คนที่ 1",
                                                 "รองนายกเทศมนตรี", "โทร 089-111-2222")),
    ("the title above the photo's caption, the name three lines below", (
        "นายกเทศมนตรีตำบลหนองบัว", "ภาพถ่ายผู้บริหาร", "ดำรงตำแหน่งเมื่อ 2 ก.ค. 2564", "นายสมชาย ใจดี",
        "โทร 081-234-5678", "นายสมศักดิ์ รักดี", "รองนายกเทศมนตรี", "โทร 089-111-2222")),
    ("a card: name, rank, then the role two lines below", ("นายสมชาย ใจดี", "นักบริหารงานท้องถิ่น ระดับสูง",
                                                           "นายกเทศมนตรี", "โทร. 081 234 5678", "นางสาวมาลี ศรีสุข",
                                                           "นักบริหารงานท้องถิ่น ระดับกลาง", "รองนายกเทศมนตรี",
                                                           "โทร. 089 111 2222")),
])
def test_titles_beside_names_count(why: str, lines: tuple[str, ...]) -> None:
    status, missing = _missing(_page(*lines))
    assert not ({"top_executive", "deputies"} & missing), (why, status, missing)


def test_a_title_in_a_long_sentence_next_to_a_name_is_prose() -> None:
    f = finding_from_html("O2", _page(
        "สภาเทศบาลเป็นฝ่ายนิติบัญญัติ มีหน้าที่พิจารณาเทศบัญญัติ และตรวจสอบการบริหารงานของนายกเทศมนตรีและ"
        "รองนายกเทศมนตรี ประกอบด้วยสมาชิกสภาเทศบาล ๑๘ คน จาก ๓ เขตเลือกตั้ง",
        "นายบุญมี ศรีท่าช้าง | ประธานสภาเทศบาล | โทร. ๐๘๑ ๗๖๐ ๒๒๑๔"), URL, 2569)
    [apart] = [r for r in f.reasons if r.code == "component_not_beside"]
    assert (f.status.value, apart.detail["components_en"]) == ("review", "Top executive and position, Deputies")


def test_a_second_review_s_cases() -> None:
    # "ส.ท." (a council member) in prose is no ranked name: the council page is still a review
    status, _ = _missing(_page(
        "สภาเทศบาลตำบลหนองบัวแดง ประกอบด้วยสมาชิกสภาเทศบาล จำนวน 12 คน ส.ท. มีหน้าที่ ตรวจสอบการบริหารงานของ"
        "นายกเทศมนตรีและรองนายกเทศมนตรี", "นายบุญมี ศรีท่าช้าง", "ประธานสภาเทศบาล", "โทร. 081 760 2214"))
    assert status == "review"
    # a card's term written out between the name and the title
    term = "ดำรงตำแหน่งตั้งแต่วันที่ 1 ตุลาคม 2567 มีอำนาจหน้าที่ควบคุมและรับผิดชอบในการบริหารกิจการของเทศบาลตามกฎหมาย"
    status, missing = _missing(_page("นายสมชาย ใจดี", term, "นายกเทศมนตรี", "โทร 081-234-5678",
                                     "นายสมศักดิ์ รักดี", "รองนายกเทศมนตรี", "โทร 089-111-2222"))
    assert not ({"top_executive", "deputies"} & missing), (status, missing)


def test_a_third_review_s_cards() -> None:
    # a duties paragraph between the mayor's card and untitled deputies lends them no name
    duties = ("สภาเทศบาลมีอำนาจหน้าที่ตราเทศบัญญัติ ควบคุมการบริหารงาน และให้ความเห็นชอบงบประมาณรายจ่ายประจำปีของเทศบาล"
              "ตามที่พระราชบัญญัติเทศบาลกำหนดไว้ทุกประการ")
    status, missing = _missing(_page("นายสมชาย ใจดี", "นายกเทศมนตรี", "โทร 081-234-5678", duties,
                                     "รองนายกเทศมนตรี คนที่ 1", "รองนายกเทศมนตรี คนที่ 2", "โทร 042-000-000"))
    assert status == "review", (status, missing)
    # "ส.ต." glued to the name is a rank
    status, missing = _missing(_page("นายสมชาย ใจดี", "นายกเทศมนตรี", "โทร 081-234-5678", "ส.ต.สมศักดิ์ รักดี",
                                     "รองนายกเทศมนตรี", "โทร 089-111-2222"))
    assert not ({"top_executive", "deputies"} & missing), (status, missing)


def test_a_fourth_review_s_cards() -> None:
    # "ส.ท." glued to a word is a council member, no name
    status, _ = _missing(_page("ส.ท.ทุกท่าน ร่วมประชุมสภา", "นายกเทศมนตรี", "รองนายกเทศมนตรี", "โทร 042-123-456"))
    assert status != "pass"
    # a card's long contact line, or its long term line, between the name and the title
    contact = "โทรศัพท์ 081-234-5678 อีเมล mayor@nongbua.go.th ที่อยู่ ที่ทำการเทศบาลตำบลหนองบัว หมู่ที่ 1 ตำบลหนองบัว อำเภอเมือง"
    term = "ระยะเวลาดำรงตำแหน่ง ตั้งแต่วันที่ 1 ตุลาคม 2567 ถึงวันที่ 30 กันยายน 2571 ตามที่คณะกรรมการการเลือกตั้งประกาศผล"
    for between in (contact, term):
        status, missing = _missing(_page("นายสมชาย ใจดี", between, "นายกเทศมนตรี", "นายสมศักดิ์ รักดี", between,
                                         "รองนายกเทศมนตรี"))
        assert not ({"top_executive", "deputies"} & missing), (between[:20], status, missing)
