"""Where the fiscal year of a document comes from when its text does not say it (a link title, a file name),
and how an e-GP link weighs beside a procurement page; real Thai text from the corpus, no server."""

from __future__ import annotations

from oit_checker.catalogue.reasons import make
from oit_checker.evaluate.item import evaluate_item, year_clues
from oit_checker.model import (
    Component,
    Confidence,
    DocKind,
    Document,
    EvidenceRule,
    Fetched,
    FiscalYearRule,
    Item,
    Link,
    Retrieved,
    Status,
    UrlTrail,
)
from tests.support.corpus import PLAN_TEXT, known
from tests.support.items import plan_item

PLAN = plan_item()
FY = 2569


def _pdf(text: str, url: str) -> Document:
    return Document(url=url, kind=DocKind.PDF, pages=(text,), page_count=1)


def _trail(doc: Document, *, link_text: str = "", page_url: str = "https://www.nongbua.go.th/ita/") -> UrlTrail:
    page_doc = Document(url=page_url, kind=DocKind.HTML, page_count=1, links=(Link(doc.url, link_text),),
                        pages=("เอกสารเผยแพร่ขององค์การบริหารส่วนตำบลหนองบัว อำเภอเมืองขอนแก่น จังหวัดขอนแก่น",))
    ok = Fetched(url=page_url, final_url=page_url, status=200, content_type="text/html", body=b"<html>")
    got = Fetched(url=doc.url, final_url=doc.url, status=200, content_type="application/pdf", body=b"%PDF")
    return UrlTrail(submitted=page_url, retrieved=(
        Retrieved(fetched=ok, document=page_doc),
        Retrieved(fetched=got, document=doc, depth=1, parent=page_url, link=Link(doc.url, link_text)),
    ))


def test_a_link_title_gives_the_year_the_text_does_not_state() -> None:
    undated = PLAN_TEXT.replace(known.TITLE, "แผนปฏิบัติการป้องกันการทุจริต")
    for year_text in ("ปีงบประมาณ พ.ศ. 2569", "๒๕๖๙", "2569", "๒๕๖๘", "๖๘", "๖๙"):
        undated = undated.replace(year_text, "")
    doc = _pdf(undated, "https://www.nongbua.go.th/files/plan.pdf")
    f = evaluate_item(PLAN, [_trail(doc, link_text="แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569")], FY)
    # The year is named, but not in the document: review, never pass (the file may be last year's).
    assert f.status is Status.REVIEW, f.reasons
    note = next(r for r in f.reasons if r.code == "fiscal_year_from_clue")
    assert "its title" in note.message_en and "ชื่อเรื่องของลิงก์" in note.message_th
    # A file name alone stays a weak clue: the text must say the year.
    f = evaluate_item(PLAN, [_trail(_pdf(undated, "https://www.nongbua.go.th/files/plan-2569.pdf"))], FY)
    assert f.status is Status.REVIEW and {r.code for r in f.reasons} == {"no_fiscal_year"}
    assert "plan-2569.pdf" in str(f.reasons[0].detail["clues"])


def test_title_and_text_disagree_the_text_decides_and_it_is_said() -> None:
    old = PLAN_TEXT.replace("๒๕๖๙", "๒๕๖๗").replace("2569", "2567").replace("๒๕๖๘", "๒๕๖๖")
    old = old.replace("๖๙", "๖๗").replace("๖๘", "๖๖")
    doc = _pdf(old, "https://www.nongbua.go.th/files/plan.pdf")
    f = evaluate_item(PLAN, [_trail(doc, link_text="แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ 2569")], FY)
    assert f.status is Status.FAIL
    assert {r.code: r.severity for r in f.reasons} == {"stale_fiscal_year": Status.FAIL,
                                                       "fiscal_year_conflict": Status.REVIEW}
    conflict = next(r for r in f.reasons if r.code == "fiscal_year_conflict")
    assert "title 2569" in conflict.message_en and "text 2567" in conflict.message_en


def test_year_named_site_root_is_no_clue() -> None:
    doc = _pdf(PLAN_TEXT, "https://www.cmarea3.go.th/2567/wp-content/uploads/2025/10/plan.pdf")
    clues = year_clues([_trail(doc, page_url="https://www.cmarea3.go.th/2567/?p=18840")])
    assert clues == []  # /2567/ is where WordPress is installed; 2025/10 is an upload date


# ---------------------------------------------------------------- e-GP weighing


def test_egp_note_softens_missing_content_and_is_a_remark_beside_a_pass() -> None:
    procurement = Item(id="O12", name_th="แผนการจัดซื้อจัดจ้าง", name_en="Procurement plan", indicator=9,
                       sub_indicator="9.3", confidence=Confidence.CONFIRMED, fiscal_year_rule=FiscalYearRule.NONE,
                       components=(Component("items", "รายการ", "Items", ("รายการจัดซื้อ",),
                                             confidence=Confidence.CONFIRMED),),
                       evidence=EvidenceRule(min_chars=10))
    url = "https://www.nongbua.go.th/egp.html"
    ok = Fetched(url=url, final_url=url, status=200, content_type="text/html", body=b"<html>")

    def trail(text: str) -> UrlTrail:
        links = (Link("http://process3.gprocurement.go.th/egp2procmainWeb/jsp/procsearch.sch?pid=1", "ประกาศ"),)
        doc = Document(url=url, kind=DocKind.HTML, pages=(text,), page_count=1, links=links)
        return UrlTrail(url, (Retrieved(fetched=ok, document=doc),), (make("egp_link"),))

    thin = evaluate_item(procurement, [trail("ประกาศจัดซื้อจัดจ้างผ่านระบบ e-GP ตามลิงก์ด้านล่าง")], FY)
    assert thin.status is Status.REVIEW and all(r.severity is not Status.FAIL for r in thin.reasons)
    full = evaluate_item(procurement, [trail("แผนการจัดซื้อจัดจ้าง รายการจัดซื้อ วัสดุสำนักงาน 20,000 บาท "
                                             "ครุภัณฑ์คอมพิวเตอร์ 45,000 บาท ประกาศเผยแพร่แผนผ่านระบบ e-GP")], FY)
    assert full.status is Status.PASS
    # Beside a pass the e-GP link is a remark with a pass-level code: never a review-level reason on a pass.
    assert [r.code for r in full.reasons] == ["egp_link_also"] and full.reasons[0].severity is Status.PASS
