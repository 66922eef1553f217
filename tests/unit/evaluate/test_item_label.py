"""The item's code before its name heads the item's page in an agency's ITA listing ("O19 ผลการดำเนินการเพื่อเปิดโอกาส
ให้เกิดการมีส่วนร่วม"): that label is the name given to the page, not what the page says it is. A phrase the name
starts with ("ผลการดำเนินการ", results) is no evidence there (the ninth trial's b O19, a page of channels); a
document that titles itself with the name, without the code, still says what it is, and the page's own words count
wherever it stands."""

from __future__ import annotations

import pytest

from oit_checker.model import Status
from tests.support.evaluate import HOME, finding_from_html

NAME = "ผลการดำเนินการเพื่อเปิดโอกาสให้เกิดการมีส่วนร่วม"
CHANNELS = ("<p>ช่องทางการมีส่วนร่วมของประชาชน: เทศบาลตำบลหนองบัวเปิดโอกาสให้ประชาชนและผู้มีส่วนได้ส่วนเสียมีส่วนร่วม"
            "ในการแสดงความคิดเห็นต่อการดำเนินงานได้ทุกช่องทาง ได้แก่ ตู้รับความคิดเห็นหน้าสำนักงาน โทรศัพท์ 0 4312 3456 "
            "และ LINE Official Account @nongbua</p><p>เทศบาลจะรวบรวมความคิดเห็นเสนอผู้บริหาร และแจ้งผลการดำเนินการให้"
            "ผู้เสนอทราบภายใน 15 วัน</p>")
FORUM = ("<p>เมื่อวันที่ 19 กุมภาพันธ์ 2569 เทศบาลตำบลหนองบัวจัดเวทีประชาคมรับฟังความคิดเห็นของประชาชนหมู่ที่ 4 "
         "ผู้เข้าร่วม ชาวบ้าน 87 คน ผู้ใหญ่บ้าน และ อสม.</p>")


def _o19(heading: str, body: str) -> tuple[Status, set[str], list[str]]:
    html = (f"<html><head><title>{heading}</title></head><body><h1>{heading}</h1>{body}</body></html>")
    f = finding_from_html("O19", html, f"{HOME}ita/o19.html", 2569)
    results = [str(e.snippet) for r in f.found if r.detail.get("component") == "participation_results"
               for e in r.evidence]
    return f.status, {r.code for r in f.reasons if r.severity is not Status.PASS}, results


@pytest.mark.parametrize("code", ["O19", "O19.", "(O19)", "o19:", "O 19 -", "ข้อ O19"])
def test_the_listings_label_is_no_result(code: str) -> None:
    status, problems, results = _o19(f"{code} {NAME}", CHANNELS + FORUM)
    assert status is Status.FAIL and "missing_component" in problems and results == []


@pytest.mark.parametrize("code", ["O1", "O190", "SO19"])
def test_another_code_is_no_label_of_this_item(code: str) -> None:
    # not this item's code: the name there is a title starting with "ผลการดำเนินการ", as a document's own would be
    [quote] = _o19(f"{code} {NAME}", CHANNELS + FORUM)[2]
    assert f"{code} {NAME}" in quote


def test_a_document_titled_with_the_name_says_what_it_is_and_the_pages_own_results_count() -> None:
    assert _o19(f"{NAME} ประจำปีงบประมาณ 2569", FORUM)[2]  # the title says it is the results
    status, _problems, results = _o19(f"O19 {NAME}", FORUM + "<p>มติที่ประชุม เห็นชอบให้เจาะบ่อบาดาล 1 บ่อ</p>")
    assert status is Status.PASS and len(results) == 1 and "มติที่ประชุม" in results[0]
