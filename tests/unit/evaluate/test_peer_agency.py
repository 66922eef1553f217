"""Another local government's document posted as the agency's own (the tenth trial's b O16: another อบต.'s complaint
guideline, its telephone and its mayor's signature, never naming the agency) fails the item (`peer_agency_document`);
the agency's own document, and the law's words "องค์การบริหารส่วนตำบลมีอำนาจหน้าที่…" that name no body, do not."""

from __future__ import annotations

from pathlib import Path

from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
from oit_checker.evaluate.item import evaluate_item
from oit_checker.evaluate.owner import other_body, peer_body
from oit_checker.extract import extract
from oit_checker.extract.html import extract_html
from oit_checker.model import Fetched, Retrieved, Status, UrlTrail
from tests.support.evaluate import HOME

ROOT = Path(__file__).resolve().parents[3] / "fixtures" / "assessor_trial"
UPLOADS = ROOT / "tenth" / "site" / "wp-content" / "uploads" / "2025" / "11"
AGENCY = "องค์การบริหารส่วนตำบลห้วยตะแบกงาม"


def _pages(path: Path) -> tuple[str, ...]:
    return extract(path.read_bytes(), f"{HOME}files/{path.name}", "application/pdf").pages


def test_a_peers_guideline_is_not_the_agencys() -> None:
    assert peer_body(_pages(UPLOADS / "complaint-guideline.pdf"), AGENCY) == (
        "ศูนย์รับเรื่องร้องเรียนการทุจริตองค์การบริหารส่วนตำบลหนองไผ่ล้อม", True)
    # a place written nearly as the agency's may be the agency itself: not sure
    assert peer_body(_pages(UPLOADS / "complaint-guideline.pdf"), "องค์การบริหารส่วนตำบลหนองไผ่ล้อ") is None
    assert peer_body(_pages(UPLOADS / "complaint-guideline.pdf"), "องค์การบริหารส่วนตำบลหนองไผ่ล้อน") == (
        "ศูนย์รับเรื่องร้องเรียนการทุจริตองค์การบริหารส่วนตำบลหนองไผ่ล้อม", False)
    # the same document is the peer's own
    assert peer_body(_pages(UPLOADS / "complaint-guideline.pdf"), "องค์การบริหารส่วนตำบลหนองไผ่ล้อม") is None
    assert peer_body(_pages(UPLOADS / "complaint-guideline.pdf"), "อบต.หนองไผ่ล้อม") is None


def test_the_agencys_own_steps_and_the_laws_words_name_no_peer() -> None:
    assert peer_body(_pages(UPLOADS / "corruption-complaint-steps.pdf"), AGENCY) is None
    page = (ROOT / "site" / "ita" / "o1.html").read_bytes()  # "องค์การบริหารส่วนตำบลมีอำนาจหน้าที่… ส่วนตำบล พ.ศ. 2537"
    assert peer_body(extract_html(page, f"{HOME}ita/o1.html", "utf-8").pages, "องค์การบริหารส่วนตำบลตะเคียนราม") is None


def test_the_item_fails_on_the_peers_document() -> None:
    url = f"{HOME}files/complaint-guideline.pdf"
    doc = extract((UPLOADS / "complaint-guideline.pdf").read_bytes(), url, "application/pdf")
    trail = UrlTrail(submitted=url, retrieved=(Retrieved(
        fetched=Fetched(url=url, final_url=url, status=200, content_type="application/pdf"), document=doc),))
    item = load_catalogue(catalogue_path_for(2569)).item("O16")
    f = evaluate_item(item, [trail], 2569, home=HOME, agency=AGENCY)
    [peer] = [r for r in f.reasons if r.code == "peer_agency_document"]
    assert f.status is Status.FAIL and peer.severity is Status.FAIL
    assert "หนองไผ่ล้อม" in str(peer.evidence[0].snippet)
    # without the agency's name nothing is said of whose it is
    unnamed = evaluate_item(item, [trail], 2569, home=HOME)
    assert not any(r.code == "peer_agency_document" for r in unnamed.reasons)


def test_a_districts_letter_is_anothers_for_a_person() -> None:
    # the twelfth trial's b O20: "ที่ว่าการอำเภอรัตภูมิ" sends its No Gift announcement, signed by the นายอำเภอ, to every
    # local government; it never names the agency
    letter = (Path(__file__).resolve().parents[3] / "fixtures" / "assessor_trial" / "twelfth" / "site" / "files"
              / "ita2569" / "o20-nogift.pdf")
    pages = _pages(letter)
    assert other_body(pages, "องค์การบริหารส่วนตำบลควนโพธิ์งาม") == "ที่ สข 0318/ว 1472 ที่ว่าการอำเภอรัตภูมิ"
    assert peer_body(pages, "องค์การบริหารส่วนตำบลควนโพธิ์งาม") is None
    # the agency's own document with its address "…อำเภอรัตภูมิ จังหวัดสงขลา" in the heading is no district's
    own = ["แผนปฏิบัติการป้องกันการทุจริต\nองค์การบริหารส่วนตำบลควนโพธิ์งาม อำเภอรัตภูมิ จังหวัดสงขลา\nปีงบประมาณ 2569"]
    assert other_body(own, "องค์การบริหารส่วนตำบลควนโพธิ์งาม") is None


def test_a_districts_announcement_cannot_be_the_agencys_own_no_gift_declaration() -> None:
    # The No Gift declaration is the agency's own (own_only): the district's fails the item; for an item where a
    # parent's document may hold the agency's part (2568's gift report, O22), the same letter is for a person.
    letter = ROOT / "twelfth" / "site" / "files" / "ita2569" / "o20-nogift.pdf"
    url = f"{HOME}files/{letter.name}"
    trail = UrlTrail(submitted=url, retrieved=(Retrieved(
        fetched=Fetched(url=url, final_url=url, status=200, content_type="application/pdf"),
        document=extract(letter.read_bytes(), url, "application/pdf")),))
    catalogue = load_catalogue(catalogue_path_for(2569))
    agency = "องค์การบริหารส่วนตำบลควนโพธิ์งาม"
    own = evaluate_item(catalogue.item("O20"), [trail], 2569, home=HOME, agency=agency)
    [other] = [r for r in own.reasons if r.code == "other_body_document"]
    assert other.severity is Status.FAIL and "ที่ว่าการอำเภอรัตภูมิ" in other.evidence[0].snippet
    report = evaluate_item(load_catalogue(catalogue_path_for(2568)).item("O22"), [trail], 2568, home=HOME,
                           agency=agency)
    codes = {r.code: r.severity for r in report.reasons}
    assert codes.get("another_agency_document") is Status.REVIEW and "other_body_document" not in codes
