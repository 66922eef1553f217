"""Evaluation on every reason code, from real Thai text (the corpus's known content) — no I/O."""

from __future__ import annotations

from dataclasses import replace

import pytest

from oit_checker.catalogue.reasons import make
from oit_checker.evaluate.item import evaluate_item
from oit_checker.evaluate.redirect import pointer_lines, redirect_lines
from oit_checker.model import (
    Component,
    Confidence,
    DocError,
    DocKind,
    Document,
    EvidenceRule,
    Fetched,
    FetchError,
    FiscalYearRule,
    Item,
    Link,
    Retrieved,
    Status,
    Unfollowed,
    UrlTrail,
)
from tests.support.corpus import PLAN_TEXT, known
from tests.support.evaluate import finding_from_html

HOME = "https://www.nongbua.go.th/"
PDF_URL = "https://www.nongbua.go.th/files/plan-2569.pdf"


def plan_item(rule: FiscalYearRule = FiscalYearRule.CURRENT, confidence: Confidence = Confidence.CONFIRMED,
              extra: tuple[Component, ...] = ()) -> Item:
    return Item(
        id="O25", name_th="แผนปฏิบัติการป้องกันการทุจริต", name_en="Anti-corruption action plan",
        indicator=10, sub_indicator="10.1", confidence=confidence, fiscal_year_rule=rule,
        fiscal_year_confidence=Confidence.CONFIRMED,
        components=(
            Component("projects", "โครงการ/กิจกรรม", "Projects", ("โครงการ", "กิจกรรม"),
                      confidence=Confidence.INFERRED),
            Component("budget", "งบประมาณ", "Budget", ("งบประมาณ (บาท)", "ไม่ใช้งบประมาณ"),
                      confidence=Confidence.INFERRED),
            Component("period", "ระยะเวลาดำเนินการ", "Timeframe", ("ระยะเวลาดำเนินการ", "ไตรมาส"),
                      confidence=Confidence.INFERRED),
            *extra,
        ),
        evidence=EvidenceRule(min_chars=300, min_pages=2),
    )


def pdf(text: str = PLAN_TEXT, pages: int = 2, url: str = PDF_URL, **kw: object) -> Document:
    half = len(text) // 2
    parts = (text[:half], text[half:]) if pages == 2 else (text,) * pages
    return Document(url=url, kind=DocKind.PDF, pages=parts, page_count=pages, **kw)  # type: ignore[arg-type]


def ok(url: str = PDF_URL) -> Fetched:
    return Fetched(url=url, final_url=url, status=200, content_type="application/pdf", body=b"%PDF")


def trail(*docs: Document | None, fetched: Fetched | None = None, url: str = PDF_URL) -> UrlTrail:
    first = fetched or ok(url)
    retrieved = [Retrieved(fetched=first, document=docs[0] if docs else None)]
    for d in docs[1:]:
        assert d is not None
        retrieved.append(Retrieved(fetched=ok(d.url), document=d, depth=1, parent=url))
    return UrlTrail(submitted=url, retrieved=tuple(retrieved))


def codes(finding) -> set[str]:  # type: ignore[no-untyped-def]
    return {r.code for r in finding.reasons if r.severity is not Status.PASS}


def test_compliant_plan_passes_with_quoted_evidence() -> None:
    f = evaluate_item(plan_item(), [trail(pdf())], 2569, home=HOME)
    assert f.status is Status.PASS, f.reasons
    found = {r.detail.get("component"): r for r in f.found if r.code == "component_found"}
    assert set(found) == {"projects", "budget", "period"}
    assert "งบประมาณ (บาท)" in found["budget"].evidence[0].snippet
    year = next(r for r in f.found if r.code == "fiscal_year_found")
    assert "2569" in year.evidence[0].snippet and year.evidence[0].page == 1
    assert f.inferred  # the components rest on inferred rules, and the finding says so


def test_not_submitted() -> None:
    f = evaluate_item(plan_item(), [], 2569, home=HOME)
    assert f.status is Status.FAIL and codes(f) == {"not_submitted"}


@pytest.mark.parametrize(("fetched", "status", "code"), [
    (Fetched(url=PDF_URL, final_url=PDF_URL, status=404), Status.FAIL, "http_error"),
    (Fetched(url=PDF_URL, final_url=PDF_URL, status=503, attempts=3), Status.ERROR, "server_error"),
    (Fetched(url=PDF_URL, final_url=PDF_URL, error=FetchError.CONNECT, error_detail="refused"), Status.ERROR,
     "unreachable"),
    (Fetched(url=PDF_URL, final_url=PDF_URL, error=FetchError.TIMEOUT), Status.ERROR, "timeout"),
    (Fetched(url=PDF_URL, final_url=PDF_URL, error=FetchError.TLS), Status.ERROR, "tls_error"),
    (Fetched(url=PDF_URL, final_url=PDF_URL, error=FetchError.TOO_MANY_REDIRECTS), Status.ERROR,
     "redirect_loop"),
    (Fetched(url=PDF_URL, final_url=PDF_URL, error=FetchError.BAD_SCHEME), Status.FAIL, "bad_scheme"),
    (Fetched(url=PDF_URL, final_url=PDF_URL, error=FetchError.TOO_LARGE), Status.REVIEW, "too_large"),
])
def test_could_not_look_is_kept_apart_from_fail(fetched: Fetched, status: Status, code: str) -> None:
    f = evaluate_item(plan_item(), [UrlTrail(PDF_URL, (Retrieved(fetched=fetched),))], 2569, home=HOME)
    assert f.status is status and codes(f) == {code}


def test_one_dead_url_beside_a_good_one_is_review_not_error() -> None:
    dead = UrlTrail("https://www.nongbua.go.th/old.html",
                    (Retrieved(fetched=Fetched(url="https://www.nongbua.go.th/old.html",
                                               final_url="https://www.nongbua.go.th/old.html",
                                               error=FetchError.TIMEOUT)),))
    f = evaluate_item(plan_item(), [trail(pdf()), dead], 2569, home=HOME)
    assert f.status is Status.REVIEW and codes(f) == {"timeout"}


def test_cover_only_like_the_seeds_o7() -> None:
    cover = Document(url=PDF_URL, kind=DocKind.PDF, pages=(known.TITLE + "\n" + known.SUBTITLE,), page_count=1)
    f = evaluate_item(plan_item(), [trail(cover)], 2569, home=HOME)
    assert f.status is Status.FAIL
    assert "cover_only" in codes(f)
    reason = next(r for r in f.reasons if r.code == "cover_only")
    assert reason.evidence[0].page == 1 and "แผนปฏิบัติการป้องกันการทุจริต" in reason.evidence[0].snippet


def test_one_page_pdf_holding_its_components_is_a_document_not_a_cover() -> None:
    # Issue 9, class 1: page count only adds a remark; content decides what a cover is.
    f = evaluate_item(plan_item(), [trail(pdf(pages=1))], 2569, home=HOME)
    assert f.status is Status.PASS and "cover_only" not in codes(f)
    note = next(r for r in f.reasons if r.code == "few_pages")
    assert note.severity is Status.PASS and note.detail == {"pages": 1, "min_pages": 2}


def test_missing_components_are_named() -> None:
    text = PLAN_TEXT.replace("งบประมาณ (บาท)", "").replace("ระยะเวลาดำเนินการ", "").replace("ไตรมาส", "")
    f = evaluate_item(plan_item(), [trail(pdf(text))], 2569, home=HOME)
    assert f.status is Status.FAIL and codes(f) == {"missing_component"}
    reason = next(r for r in f.reasons if r.code == "missing_component")
    assert reason.detail["missing"] == ["budget", "period"]
    assert "งบประมาณ" in reason.message_th and reason.inferred


def test_missing_component_beside_a_scan_is_review_not_fail() -> None:
    text = PLAN_TEXT.replace("งบประมาณ (บาท)", "")
    scan = Document(url="https://www.nongbua.go.th/files/scan.pdf", kind=DocKind.PDF, pages=("", ""),
                    page_count=2, needs_ocr=True)
    f = evaluate_item(plan_item(), [trail(pdf(text), scan)], 2569, home=HOME)
    assert f.status is Status.REVIEW and {"missing_component", "no_text"} <= codes(f)


def test_scanned_pdf_alone_needs_review() -> None:
    scan = Document(url=PDF_URL, kind=DocKind.PDF, pages=("", ""), page_count=2, needs_ocr=True)
    f = evaluate_item(plan_item(), [trail(scan)], 2569, home=HOME)
    assert f.status is Status.REVIEW and codes(f) == {"no_text"}


@pytest.mark.parametrize(("error", "detail", "code"), [
    (DocError.ENCRYPTED, "", "encrypted"), (DocError.CORRUPT, "truncated xref", "corrupt_document"),
    (DocError.UNSUPPORTED, "", "unsupported_format"),
])
def test_unreadable_documents_need_review(error: DocError, detail: str, code: str) -> None:
    bad = Document(url=PDF_URL, kind=DocKind.PDF, error=error, error_detail=detail)
    f = evaluate_item(plan_item(), [trail(bad)], 2569, home=HOME)
    assert f.status is Status.REVIEW and codes(f) == {code}


def test_stale_fiscal_year_like_the_seeds_o24() -> None:
    old = PLAN_TEXT.replace("๒๕๖๙", "๒๕๖๗").replace("2569", "2567").replace("๒๕๖๘", "๒๕๖๖").replace("๖๙", "๖๗")
    old = old.replace("๖๘", "๖๖")
    f = evaluate_item(plan_item(), [trail(pdf(old))], 2569, home=HOME)
    assert f.status is Status.FAIL and codes(f) == {"stale_fiscal_year"}
    reason = next(r for r in f.reasons if r.code == "stale_fiscal_year")
    assert "2567" in reason.message_th and "2569" in reason.message_th
    assert any("2567" in e.snippet or "๒๕๖๗" in e.snippet for e in reason.evidence)


def test_previous_year_rule_accepts_last_years_report() -> None:
    f = evaluate_item(plan_item(rule=FiscalYearRule.PREVIOUS), [trail(pdf())], 2570, home=HOME)
    assert f.status is Status.PASS, f.reasons


def test_current_rule_on_next_years_document_is_mismatch_review() -> None:
    f = evaluate_item(plan_item(), [trail(pdf())], 2568, home=HOME)
    assert f.status is Status.REVIEW and codes(f) == {"fiscal_year_mismatch"}


def test_no_fiscal_year_found() -> None:
    text = "\n".join(" | ".join(r[:2] + r[3:]) for r in known.TABLE_ROWS if r[0] == "2")
    text = ("โครงการ งบประมาณ (บาท) ระยะเวลาดำเนินการ " + "ส่งเสริมคุณธรรมและความโปร่งใส " * 20 + text)
    f = evaluate_item(plan_item(), [trail(pdf(text))], 2569, home=HOME)
    assert f.status is Status.REVIEW and codes(f) == {"no_fiscal_year"}


def test_multi_year_plan_does_not_satisfy_an_annual_rule() -> None:
    text = PLAN_TEXT.replace("ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", "พ.ศ. ๒๕๖๖ - ๒๕๗๐").replace(
        "รายงานประจำปีงบประมาณ พ.ศ. 2569", "รายงาน").replace("๒๕๖๘", "").replace("๖๙", "").replace("๖๘", "")
    f = evaluate_item(plan_item(), [trail(pdf(text))], 2569, home=HOME)
    assert f.status is not Status.PASS
    assert codes(f) & {"fiscal_year_mismatch", "no_fiscal_year"}


def test_covers_current_accepts_a_range() -> None:
    text = PLAN_TEXT.replace("ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", "พ.ศ. ๒๕๖๖ - ๒๕๗๐")
    f = evaluate_item(plan_item(rule=FiscalYearRule.COVERS_CURRENT), [trail(pdf(text))], 2569, home=HOME)
    assert f.status is Status.PASS, f.reasons


def test_off_site_url_needs_review() -> None:
    url = "https://drive.example.com/plan.pdf"
    f = evaluate_item(plan_item(), [trail(pdf(url=url), url=url)], 2569, home=HOME)
    assert f.status is Status.REVIEW and codes(f) == {"off_site"}


def test_html_soft_404_and_login_wall_and_empty_page() -> None:
    url = "https://www.nongbua.go.th/o25.html"
    for text, code in [("ขออภัย ไม่พบหน้าที่คุณต้องการ 404 Not Found", "soft_404"),
                       ("เข้าสู่ระบบ ชื่อผู้ใช้ รหัสผ่าน", "login_wall"),
                       ("", "empty_page")]:
        page = Document(url=url, kind=DocKind.HTML, pages=(text,), page_count=1)
        f = evaluate_item(plan_item(), [trail(page, url=url)], 2569, home=HOME)
        assert f.status is Status.FAIL and code in codes(f), (code, f.reasons)


def test_landing_page_with_linked_plan_passes_and_dead_link_is_noted() -> None:
    landing_url = "https://www.nongbua.go.th/o25.html"
    landing = Document(url=landing_url, kind=DocKind.HTML, pages=("แผนปฏิบัติการป้องกันการทุจริต ดาวน์โหลดเอกสาร",),
                       links=(Link(PDF_URL, "ดาวน์โหลดเอกสาร"),), page_count=1)
    dead = Retrieved(fetched=Fetched(url="https://www.nongbua.go.th/files/x.pdf",
                                     final_url="https://www.nongbua.go.th/files/x.pdf", status=404), depth=1)
    t = UrlTrail(landing_url, (Retrieved(fetched=ok(landing_url), document=landing),
                               Retrieved(fetched=ok(), document=pdf(), depth=1, parent=landing_url), dead))
    f = evaluate_item(plan_item(), [t], 2569, home=HOME)
    assert f.status is Status.REVIEW and codes(f) == {"linked_document_unreachable"}


def test_weak_match_only_in_the_loose_tier_is_review() -> None:
    damaged = PLAN_TEXT.replace("ระยะเวลาดำเนินการ", "ระยะเวลาดาเนนการ").replace("ไตรมาส", "")
    f = evaluate_item(plan_item(), [trail(pdf(damaged))], 2569, home=HOME)
    assert f.status is Status.REVIEW and codes(f) == {"weak_match"}


def test_unknown_rule_never_passes() -> None:
    f = evaluate_item(plan_item(confidence=Confidence.UNKNOWN), [trail(pdf())], 2569, home=HOME)
    assert f.status is Status.REVIEW and codes(f) == {"unconfirmed_rule"}


def test_notes_from_following_are_reported() -> None:
    note = make("duplicate_url", other="O12", severity=Status.REVIEW)
    t = trail(pdf())
    t = UrlTrail(t.submitted, t.retrieved, (note,))
    f = evaluate_item(plan_item(), [t], 2569, home=HOME)
    assert f.status is Status.REVIEW and codes(f) == {"duplicate_url"}
    assert "O12" in next(r for r in f.reasons if r.code == "duplicate_url").message_th


def test_insecure_fetch_is_marked() -> None:
    fetched = Fetched(url=PDF_URL, final_url=PDF_URL, status=200, insecure=True, body=b"%PDF")
    f = evaluate_item(plan_item(), [trail(pdf(), fetched=fetched)], 2569, home=HOME)
    assert f.status is Status.REVIEW and codes(f) == {"tls_insecure"}


def report_item() -> Item:
    return Item(
        id="O7", name_th="รายงานผลการดำเนินงาน", name_en="Annual report", indicator=9, sub_indicator="9.2",
        confidence=Confidence.SEED, fiscal_year_rule=FiscalYearRule.NONE,
        title_phrases=("รายงานผลการดำเนินงานประจำปี",),
        components=(
            Component("kind", "รายงาน", "Report", ("รายงานผลการดำเนินงาน",)),
            Component("results", "ผลการดำเนินงาน", "Results", ("ผลการดำเนินงาน",)),
        ),
        evidence=EvidenceRule(min_chars=50, min_pages=1),
    )


def test_the_items_own_title_is_no_evidence_of_a_detail_component() -> None:
    # "ผลการดำเนินงาน" appears only inside the title "รายงานผลการดำเนินงาน…": results are not shown.
    text = "รายงานผลการดำเนินงานประจำปี 2567\n" + "องค์การบริหารส่วนตำบลหนองบัว " * 5
    f = evaluate_item(report_item(), [trail(pdf(text, pages=1))], 2568, home=HOME)
    assert codes(f) == {"missing_component"}
    missing = next(r for r in f.reasons if r.code == "missing_component")
    assert missing.detail["missing"] == ["results"]  # the title still says what the document is
    # Once the body reports results, the same phrase outside the title counts.
    f2 = evaluate_item(report_item(), [trail(pdf(text + "\nผลการดำเนินงาน: จัดอบรมแล้ว 3 ครั้ง", pages=1))],
                       2568, home=HOME)
    assert f2.status is Status.PASS, f2.reasons


def _undated(text: str) -> str:
    for year_text in ("ปีงบประมาณ พ.ศ. 2569", "๒๕๖๙", "2569", "๒๕๖๘", "๖๘", "๖๙"):
        text = text.replace(year_text, "")
    return text


def _landing_trail(page_text: str, doc: Document) -> UrlTrail:
    landing_url = "https://www.nongbua.go.th/o25.html"
    landing = Document(url=landing_url, kind=DocKind.HTML, pages=(page_text,), links=(Link(doc.url, "ดาวน์โหลด"),),
                       page_count=1)
    return UrlTrail(landing_url, (Retrieved(fetched=ok(landing_url), document=landing),
                                  Retrieved(fetched=ok(doc.url), document=doc, depth=1, parent=landing_url)))


def test_a_year_on_the_landing_page_does_not_vouch_for_an_undated_document() -> None:
    page = "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569 ดาวน์โหลด"
    f = evaluate_item(plan_item(), [_landing_trail(page, pdf(_undated(PLAN_TEXT)))], 2569, home=HOME)
    assert f.status is Status.REVIEW and codes(f) == {"fiscal_year_from_clue"}


def test_the_document_year_beats_the_landing_page_year() -> None:
    old = PLAN_TEXT.replace("๒๕๖๙", "๒๕๖๗").replace("2569", "2567").replace("๒๕๖๘", "๒๕๖๖")
    old = old.replace("๖๙", "๖๗").replace("๖๘", "๖๖")
    page = "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569 ดาวน์โหลด"
    f = evaluate_item(plan_item(), [_landing_trail(page, pdf(old))], 2569, home=HOME)
    assert f.status is Status.FAIL and "stale_fiscal_year" in codes(f)


def test_off_site_names_the_service() -> None:
    url = "https://drive.google.com/uc?export=download&id=1AbCdEf"
    f = evaluate_item(plan_item(), [trail(pdf(url=url), url=url)], 2569, home=HOME)
    reason = next(r for r in f.reasons if r.code == "off_site")
    assert "Google Drive" in reason.message_en and "drive.google.com" in reason.message_th


def test_home_page_as_the_only_url_needs_review_and_is_a_remark_beside_others() -> None:
    home_page = Document(url=HOME, kind=DocKind.HTML, pages=(PLAN_TEXT,), page_count=1)
    f = evaluate_item(plan_item(), [trail(home_page, url=HOME)], 2569, home=HOME)
    assert f.status is Status.REVIEW and codes(f) == {"home_page_only"}
    f2 = evaluate_item(plan_item(), [trail(home_page, url=HOME), trail(pdf())], 2569, home=HOME)
    # Beside a direct URL the home page only shows the click path: a pass-level remark of its own code.
    assert f2.status is Status.PASS and {r.code for r in f2.reasons} == {"home_page_also"}


def test_a_five_year_plan_with_per_year_columns_is_not_the_annual_plan() -> None:
    text = ("แผนปฏิบัติการป้องกันการทุจริต 5 ปี (พ.ศ. 2566 – 2570)\n" + known.SUBTITLE + "\n"
            "มิติ | โครงการ/กิจกรรม | งบประมาณ ปี 2566 (บาท) | งบประมาณ ปี 2567 (บาท) | งบประมาณ ปี 2568 (บาท) | "
            "งบประมาณ ปี 2569 (บาท) | งบประมาณ ปี 2570 (บาท)\n"
            "1 | โครงการอบรมคุณธรรมจริยธรรม | 20,000 | 20,000 | 20,000 | 20,000 | 20,000 | ระยะเวลาดำเนินการ ทุกปี\n") * 3
    f = evaluate_item(plan_item(), [trail(pdf(text))], 2569, home=HOME)
    assert f.status is not Status.PASS and "fiscal_year_mismatch" in codes(f)
    assert "แผนหลายปี" in next(r for r in f.reasons if r.code == "fiscal_year_mismatch").message_th
    # …while an annual plan that cites the 5-year plan it implements passes.
    annual = PLAN_TEXT + "\nสอดคล้องกับแผนพัฒนาท้องถิ่น (พ.ศ. 2566 – 2570)"
    assert evaluate_item(plan_item(), [trail(pdf(annual))], 2569, home=HOME).status is Status.PASS


def test_the_title_year_outranks_the_signing_date() -> None:
    # Plans are approved before their fiscal year starts: "25 กันยายน 2568" is FY 2568, the plan is for 2569.
    text = _undated(PLAN_TEXT).replace("แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ",
                                       "แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2569 ")
    text = text.replace("ประกาศ ณ วันที่ ๑ ตุลาคม", "ประกาศ ณ วันที่ 25 กันยายน 2568")
    f = evaluate_item(plan_item(), [trail(pdf(text))], 2569, home=HOME)
    assert f.status is Status.PASS, f.reasons


def test_the_title_year_outranks_years_mentioned_in_passing() -> None:
    # Last year's report that mentions next year's plan in its body is still last year's report.
    text = PLAN_TEXT.replace("๒๕๖๙", "๒๕๖๘").replace("2569", "2568") + "\nจะนำไปจัดทำแผนประจำปีงบประมาณ 2569"
    f = evaluate_item(plan_item(), [trail(pdf(text))], 2569, home=HOME)
    assert f.status is Status.FAIL and "stale_fiscal_year" in codes(f)


def test_a_period_within_one_fiscal_year_names_that_year() -> None:
    text = _undated(PLAN_TEXT) + "\nข้อมูลระหว่างวันที่ 1 ตุลาคม 2568 - 31 มีนาคม 2569"
    f = evaluate_item(plan_item(rule=FiscalYearRule.FIRST_HALF_CURRENT), [trail(pdf(text))], 2569, home=HOME)
    assert f.status is Status.PASS, f.reasons


def test_a_cover_page_file_is_cover_only_even_below_a_long_linking_page() -> None:
    cover = Document(url=PDF_URL, kind=DocKind.PDF, pages=(known.TITLE + "\n" + known.SUBTITLE,), page_count=1)
    short_page = "แผนปฏิบัติการป้องกันการทุจริต ดาวน์โหลด " + "ข่าวประชาสัมพันธ์ อบต.หนองบัว " * 8
    f = evaluate_item(plan_item(), [_landing_trail(short_page, cover)], 2569, home=HOME)
    assert next(r for r in f.reasons if r.code == "cover_only").severity is Status.FAIL
    # A linking page that holds much text of its own may be the content itself: a person looks.
    f2 = evaluate_item(plan_item(), [_landing_trail(PLAN_TEXT * 2, cover)], 2569, home=HOME)
    assert next(r for r in f2.reasons if r.code == "cover_only").severity is Status.REVIEW


def test_english_messages_name_components_in_english() -> None:
    text = PLAN_TEXT.replace("งบประมาณ (บาท)", "").replace("ระยะเวลาดำเนินการ", "").replace("ไตรมาส", "")
    f = evaluate_item(plan_item(), [trail(pdf(text))], 2569, home=HOME)
    reason = next(r for r in f.reasons if r.code == "missing_component")
    assert reason.message_en == "Required components not found: Budget, Timeframe"
    assert "งบประมาณ" in reason.message_th


def test_only_the_first_lines_are_the_heading() -> None:
    # The fourth line names an old year in passing; the heading (first lines) names the wanted one.
    text = ("แผนปฏิบัติการป้องกันการทุจริต\nประจำปีงบประมาณ พ.ศ. 2569\n" + known.SUBTITLE
            + "\nทบทวนผลการดำเนินงานปีงบประมาณ 2566\n" + _undated(PLAN_TEXT))
    f = evaluate_item(plan_item(), [trail(pdf(text, pages=1))], 2569, home=HOME)
    year = next(r for r in f.found if r.code == "fiscal_year_found")
    assert "2569" in year.evidence[0].snippet
    old_heading = text.replace("ประจำปีงบประมาณ พ.ศ. 2569", "ประจำปีงบประมาณ พ.ศ. 2566", 1)
    old_heading = old_heading.replace("ทบทวนผลการดำเนินงานปีงบประมาณ 2566", "จะดำเนินการต่อในปีงบประมาณ 2569")
    f2 = evaluate_item(plan_item(), [trail(pdf(old_heading, pages=1))], 2569, home=HOME)
    assert "stale_fiscal_year" in codes(f2)  # the title's year decides over a later mention


# ---------------------------------------------------------------- issue 9: verdicts an assessor would sign

LANDING = "https://www.nongbua.go.th/ita/o25.html"


def landing_to(doc: Document, text: str = "O25 แผนปฏิบัติการป้องกันการทุจริต ดาวน์โหลดเอกสาร") -> UrlTrail:
    page = Document(url=LANDING, kind=DocKind.HTML, pages=(text,), page_count=1, links=(Link(doc.url, "ดาวน์โหลด"),))
    return UrlTrail(LANDING, (Retrieved(fetched=ok(LANDING), document=page),
                              Retrieved(fetched=ok(doc.url), document=doc, depth=1, parent=LANDING)))


@pytest.mark.parametrize(("error", "code", "status"), [
    (DocError.TIMEOUT, "extract_timeout", Status.ERROR), (DocError.TOO_COMPLEX, "extract_too_complex", Status.ERROR),
    (DocError.CORRUPT, "corrupt_document", Status.REVIEW), (DocError.EMPTY, "corrupt_document", Status.REVIEW),
])
def test_our_extraction_bounds_are_could_not_check_and_the_documents_defects_are_its_own(
        error: DocError, code: str, status: Status) -> None:
    # Class 9: a timeout or a memory bound is ours ("could not check"), never "damaged, upload again".
    f = evaluate_item(plan_item(), [trail(Document(url=PDF_URL, kind=DocKind.PDF, error=error))], 2569, home=HOME)
    assert f.status is status and codes(f) == {code}
    if error.ours:
        assert "may well be fine" in f.reasons[0].message_en and "Upload" not in f.reasons[0].message_en


@pytest.mark.parametrize(("name", "detail"), [
    ("guide.doc", "Word 97–2003 (.doc)"), ("slides.ppt", "PowerPoint 97–2003"), ("report.rar", "RAR archive (.rar)")])
def test_a_linked_document_in_a_format_we_cannot_read_is_said_so(name: str, detail: str) -> None:
    # Class 6: the landing page is not judged as if it were the document (no cover_only), and nothing fails.
    from oit_checker.extract import extract

    body = b"Rar!\x1a\x07\x00" if name.endswith(".rar") else b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64
    unread = extract(body, f"https://www.nongbua.go.th/files/{name}")
    f = evaluate_item(plan_item(), [landing_to(unread)], 2569, home=HOME)
    assert f.status is Status.REVIEW and "unsupported_format" in codes(f) and "cover_only" not in codes(f)
    reason = next(r for r in f.reasons if r.code == "unsupported_format")
    assert detail in reason.message_en and "a person must open it" in reason.message_en
    # Its twin: the same landing page linking a readable PDF passes on the PDF.
    assert evaluate_item(plan_item(), [landing_to(pdf())], 2569, home=HOME).status is Status.PASS


def test_off_site_is_known_before_fetching() -> None:
    # Class 7: a Drive link whose fetch fails is off site (review), not "could not check" (error).
    drive = "https://drive.google.com/uc?export=download&id=1Qx7"
    dead = Fetched(url=drive, final_url=drive, error=FetchError.CONNECT, error_detail="no route")
    f = evaluate_item(plan_item(), [UrlTrail(drive, (Retrieved(fetched=dead),))], 2569, home=HOME)
    assert f.status is Status.REVIEW and codes(f) == {"off_site", "unreachable"}
    # A OneDrive or Facebook URL is never fetched: the note says which system, and it is off site.
    one = "https://1drv.ms/b/s!AqT5nW2x"
    g = evaluate_item(plan_item(), [UrlTrail(one, (), (make("external_system", detail="OneDrive/SharePoint"),))],
                      2569, home=HOME)
    assert g.status is Status.REVIEW and codes(g) == {"external_system", "off_site"}
    # Twin: the same plan on the agency's own site passes.
    assert evaluate_item(plan_item(), [trail(pdf())], 2569, home=HOME).status is Status.PASS
    # Another host that is down (maybe the agency's second domain) stays "could not check": not a platform.
    other = "https://old.nongbua.org/plan.pdf"
    down = Fetched(url=other, final_url=other, error=FetchError.CONNECT, error_detail="refused")
    h = evaluate_item(plan_item(), [UrlTrail(other, (Retrieved(fetched=down),))], 2569, home=HOME)
    assert h.status is Status.ERROR and codes(h) == {"unreachable"}


def gift_item() -> Item:
    return Item(id="O22", name_th="รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา", name_en="Gift report",
                indicator=10, sub_indicator="10.1", confidence=Confidence.ONE_SOURCE,
                fiscal_year_rule=FiscalYearRule.NONE,
                components=(Component("gift_topic", "การรับทรัพย์สิน", "Gifts", ("การรับทรัพย์สิน",)),),
                evidence=EvidenceRule(min_chars=50))


GIFT_REPORT = ("รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา ประจำปีงบประมาณ พ.ศ. {y}\n"
               "สรุปการรับทรัพย์สินของผู้บริหารและพนักงาน รอบ ๖ เดือน เดือน ต.ค. {p} ไม่มีการรับทรัพย์สิน "
               "รายงาน ณ วันที่ ๓ เมษายน {y}")


@pytest.mark.parametrize(("year", "stale"), [(2568, False), (2567, False), (2566, True), (2563, True)])
def test_a_period_report_under_no_year_rule_is_stale_two_years_back(year: int, stale: bool) -> None:
    # Class 5: FY 2568, no year rule: every named year ≥ 2 years before → review with the years found.
    text = GIFT_REPORT.format(y=year, p=str(year - 1)[2:])
    f = evaluate_item(gift_item(), [trail(pdf(text, pages=1))], 2568, home=HOME)
    if not stale:
        assert f.status is Status.PASS, f.reasons
        return
    assert f.status is Status.REVIEW and codes(f) == {"stale_fiscal_year"}
    reason = f.reasons[0]
    assert str(year) in reason.message_th and reason.inferred and reason.evidence


def test_a_standing_document_is_not_judged_by_its_age() -> None:
    manual = "คู่มือการปฏิบัติงาน การรับทรัพย์สิน จัดทำเมื่อ พ.ศ. 2562 ฉบับปรับปรุง 1 มกราคม 2563"
    f = evaluate_item(gift_item(), [trail(pdf(manual, pages=1))], 2568, home=HOME)
    assert f.status is Status.PASS and "stale_fiscal_year" not in codes(f)


def guideline_item() -> Item:
    from oit_checker.model import ComponentKind

    return Item(id="O17", name_th="แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", name_en="Guideline",
                indicator=9, sub_indicator="9.5", confidence=Confidence.CONFIRMED, fiscal_year_rule=FiscalYearRule.NONE,
                components=(Component("corruption_scope", "ทุจริต", "Corruption", ("ทุจริต", "ประพฤติมิชอบ"),
                                      kind=ComponentKind.SCOPE),
                            Component("procedure", "ขั้นตอน", "Steps", ("ขั้นตอน",))),
                title_phrases=("แนวปฏิบัติการจัดการเรื่องร้องเรียน",), evidence=EvidenceRule(min_chars=50))


def test_the_items_title_is_scope_evidence_not_content_evidence() -> None:
    # Class 3: the only "ทุจริต" is in the guideline's title line: valid for the scope component.
    text = ("แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ\nช่องทางการร้องเรียน ขั้นตอนการรับเรื่อง "
            "การตรวจสอบข้อเท็จจริง การแจ้งผลภายใน 15 วัน และการเก็บรักษาความลับของผู้ร้อง")
    f = evaluate_item(guideline_item(), [trail(pdf(text, pages=1))], 2568, home=HOME)
    assert f.status is Status.PASS, f.reasons
    general = text.replace("การทุจริตและประพฤติมิชอบ", "ร้องทุกข์")
    g = evaluate_item(guideline_item(), [trail(pdf(general, pages=1))], 2568, home=HOME)
    assert g.status is Status.FAIL and next(r for r in g.reasons if r.code == "missing_component").detail[
        "missing"] == ["corruption_scope"]
    # A content component does not take the title: "ขั้นตอน" only inside a title is no procedure.
    titled = guideline_item()
    steps_title = Document(url=PDF_URL, kind=DocKind.PDF, pages=("แนวปฏิบัติการจัดการเรื่องร้องเรียนขั้นตอน ทุจริต\n"
                                                                 + "ข้อความทั่วไปของหน่วยงาน " * 5,), page_count=1)
    titled = Item(**{**titled.__dict__, "title_phrases": ("แนวปฏิบัติการจัดการเรื่องร้องเรียนขั้นตอน",)})
    h = evaluate_item(titled, [trail(steps_title)], 2568, home=HOME)
    assert next(r for r in h.reasons if r.code == "missing_component").detail["missing"] == ["procedure"]


def test_a_landing_pages_item_label_is_no_scope_evidence_for_the_file_it_links() -> None:
    # The ITA page labels its link with the item's official name; the linked guideline is about petitions only.
    landing = "https://www.nongbua.go.th/ita/o17.html"
    general = Document(url=PDF_URL, kind=DocKind.PDF, page_count=1, pages=(
        "แนวปฏิบัติการจัดการเรื่องร้องเรียนร้องทุกข์\nช่องทางการร้องเรียน ขั้นตอนการรับเรื่อง การตรวจสอบข้อเท็จจริง "
        "การแจ้งผลภายใน 15 วัน และการเก็บรักษาความลับของผู้ร้อง",))
    page = Document(url=landing, kind=DocKind.HTML, page_count=1, links=(Link(PDF_URL, "ดาวน์โหลด"),),
                    pages=("O17 แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ\nดาวน์โหลดเอกสาร",))
    linked = UrlTrail(landing, (Retrieved(fetched=ok(landing), document=page),
                                Retrieved(fetched=ok(PDF_URL), document=general, depth=1, parent=landing)))
    f = evaluate_item(guideline_item(), [linked], 2568, home=HOME)
    assert f.status is Status.FAIL
    assert next(r for r in f.reasons if r.code == "missing_component").detail["missing"] == ["corruption_scope"]


def test_a_signed_component_needs_a_signature_block_and_quotes_what_stands_instead() -> None:
    from oit_checker.model import ComponentKind

    item = Item(id="O21", name_th="ประกาศเจตนารมณ์ No Gift Policy", name_en="No Gift", indicator=10,
                sub_indicator="10.1", confidence=Confidence.CONFIRMED, fiscal_year_rule=FiscalYearRule.NONE,
                components=(Component("executive_signature", "ลงนามโดยผู้บริหารสูงสุด", "Signed by the top executive",
                                      ("นายกเทศมนตรี",), kind=ComponentKind.SIGNED),),
                evidence=EvidenceRule(min_chars=50))
    body = ("ประกาศเทศบาลตำบลหนองบัว เรื่อง ประกาศเจตนารมณ์ No Gift Policy\nข้าพเจ้า นายสมชาย ใจดี นายกเทศมนตรีตำบล"
            "หนองบัว พร้อมด้วยคณะผู้บริหาร จะไม่รับของขวัญทุกชนิด\nจึงประกาศมาเพื่อทราบโดยทั่วกัน\n")
    signed = body + "ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๗\n(นายสมชาย ใจดี)\nนายกเทศมนตรีตำบลหนองบัว"
    assert evaluate_item(item, [trail(pdf(signed, pages=1))], 2568, home=HOME).status is Status.PASS
    f = evaluate_item(item, [trail(pdf(body, pages=1))], 2568, home=HOME)
    assert f.status is Status.FAIL and codes(f) == {"missing_component"}
    reason = f.reasons[0]
    assert "ข้าพเจ้า นายสมชาย ใจดี นายกเทศมนตรี" in reason.detail["instead"]["executive_signature"]
    assert "ซึ่งไม่ใช่ช่องลงนามของตำแหน่งที่ข้อนี้ต้องการ" in reason.message_th
    assert "no signature block of the position" in reason.message_en
    # signed, but by someone else: their block is quoted, not the date line above it
    other = evaluate_item(item, [trail(pdf(body + "ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๗\n(นายสมหมาย ใจงาม)\nปลัดเทศบาลตำบลหนองบัว",
                                           pages=1))], 2568, home=HOME)
    assert other.status is Status.FAIL
    assert "(นายสมหมาย ใจงาม) ปลัดเทศบาลตำบลหนองบัว" in other.reasons[0].detail["instead"]["executive_signature"]


@pytest.fixture
def scanned(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The display texts the year scanner is run on, in order (the scanner itself still runs)."""
    from oit_checker.evaluate import item as item_module

    seen: list[str] = []
    real_scan = item_module.year_mentions_in_display

    def counting(shown: str) -> list[item_module.YearMention]:
        seen.append(shown)
        return real_scan(shown)

    monkeypatch.setattr(item_module, "year_mentions_in_display", counting)
    return seen


def test_a_text_under_two_urls_is_indexed_and_scanned_once_and_each_finding_quotes_its_own_url(
        scanned: list[str]) -> None:
    """The same plan submitted under two URLs (for two items, as agencies do): the shared cache scans each
    distinct page text once, and each finding is the one an evaluation of its own gives, quoting its URL."""
    from oit_checker.evaluate import item as item_module

    other_url = "https://www.nongbua.go.th/files/plan-2569-copy.pdf"
    cache = item_module.DocumentCache()
    first = evaluate_item(plan_item(), [trail(pdf())], 2569, home=HOME, cache=cache)
    second = evaluate_item(plan_item(), [trail(pdf(url=other_url), url=other_url)], 2569, home=HOME, cache=cache)
    pages = pdf().pages
    assert len(scanned) == len(set(scanned)) == len(pages)  # two documents, each page text scanned once

    alone = evaluate_item(plan_item(), [trail(pdf(url=other_url), url=other_url)], 2569, home=HOME)
    assert second == alone and first.status is second.status is Status.PASS
    year = next(r for r in second.found if r.code == "fiscal_year_found")
    assert year.evidence[0].url == other_url and "2569" in year.evidence[0].snippet
    first_year = next(r for r in first.found if r.code == "fiscal_year_found")
    assert first_year.evidence[0].url == PDF_URL


def test_a_page_two_documents_share_is_scanned_once_and_quoted_with_each_document_s_page_and_title(
        scanned: list[str]) -> None:
    """The plan's first half is page 1 of one PDF and page 2 of another (a cover sheet before it, another title):
    one scan of that text, and each document's mentions carry its own URL, page number and heading."""
    from oit_checker.evaluate import item as item_module

    shared = pdf().pages[0]
    first = Document(url=PDF_URL, kind=DocKind.PDF, pages=(shared,), page_count=1, title="แผนปฏิบัติการ 2569")
    other_url = "https://www.nongbua.go.th/files/bundle.pdf"
    second = Document(url=other_url, kind=DocKind.PDF, pages=("หนังสือนำส่ง", shared), page_count=2,
                      title="เอกสารประกอบ")
    cache = item_module.DocumentCache()
    got_first = cache.mentions(cache.readable(first))
    got_second = cache.mentions(cache.readable(second))
    assert scanned.count(item_module.display(shared)) == 1
    alone = item_module.DocumentCache()
    assert got_second == alone.mentions(alone.readable(second))  # as without the first document
    in_shared = [m for m in got_second if m.evidence.page == 2]
    assert in_shared and all(m.evidence.url == other_url for m in got_second)
    assert all(not m.heading for m in in_shared)  # page 2 of the bundle is not its heading …
    assert any(m.heading for m in got_first if m.evidence.page == 1)  # … while page 1 of the plan is


# ---------------------------------------------------------------- what a trial assessor found (fixtures/assessor_trial)

FRONT = ("รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙\n"
         "คำนำ\nรายงานฉบับนี้สรุปโครงการ กิจกรรม งบประมาณ (บาท) และระยะเวลาดำเนินการ ทุกไตรมาส\n"
         "สารบัญ\nคำนำ ............................ ก\nส่วนที่ ๑ บทนำ ..................... ๑\n"
         "ส่วนที่ ๒ โครงการและงบประมาณ ........... ๓\nภาคผนวก ........................ ๑๒\n")


def test_a_document_that_stops_at_its_table_of_contents_is_front_matter() -> None:
    f = evaluate_item(plan_item(), [trail(pdf(FRONT, pages=1))], 2569, home=HOME)
    assert f.status is Status.FAIL and "front_matter_only" in codes(f)
    reason = next(r for r in f.reasons if r.code == "front_matter_only")
    assert reason.detail == {"sections": 4, "chars": 0}
    assert reason.evidence[0].page == 1 and "ภาคผนวก" in reason.evidence[0].snippet


def test_a_leader_is_read_from_its_first_dot() -> None:
    """Contents lines are still found, each from the start of its leader; a search that starts inside a run of dots
    finds nothing there (tried at every dot, a page of 20,000 dots read the run again each time: 11 s an item)."""
    from oit_checker.evaluate.cover import _CONTENTS_LINE

    assert [m.group(0).strip(". ") for m in _CONTENTS_LINE.finditer(FRONT)] == ["ก", "๑", "๓", "๑๒"]
    for line in ("บทนำ ........ ๕", "บทนำ . . . . . ๕", "บทนำ ________ ๕", "บทนำ ……… ๕"):
        m = _CONTENTS_LINE.search(line)
        assert m is not None and m.start() == 5, line
        assert _CONTENTS_LINE.search(line, 7) is None, line  # from inside the leader: nothing
    f = evaluate_item(plan_item(), [trail(pdf("." * 20_000 + "\n" + PLAN_TEXT))], 2569, home=HOME)
    assert "front_matter_only" not in codes(f)


def test_contents_followed_by_the_body_or_at_the_end_are_no_front_matter() -> None:
    whole = FRONT + PLAN_TEXT  # the body follows the contents
    assert "front_matter_only" not in codes(evaluate_item(plan_item(), [trail(pdf(whole))], 2569, home=HOME))
    at_end = PLAN_TEXT * 2 + "\nสารบัญ\n" + FRONT.split("สารบัญ\n")[1]  # contents printed after the body
    assert "front_matter_only" not in codes(evaluate_item(plan_item(), [trail(pdf(at_end))], 2569, home=HOME))
    # A PDF whose contents point at none of its pages beyond its last is whole, however short its pages are.
    short = FRONT.replace("๑๒", "๓").replace("๓\n", "๒\n") + "\n"
    assert "front_matter_only" not in codes(evaluate_item(plan_item(), [trail(pdf(short, pages=3))], 2569,
                                                          home=HOME))
    # Contents at the start, the body, then a dotted list of scores or attachments: a whole report.
    scores = FRONT + PLAN_TEXT + ("\nภาคผนวก ก คะแนนความพึงพอใจ\nด้านกระบวนการ ................ 85\n"
                                  "ด้านเจ้าหน้าที่ ................ 90\nด้านสิ่งอำนวยความสะดวก ........ 88\n")
    assert "front_matter_only" not in codes(evaluate_item(plan_item(), [trail(pdf(scores, pages=1))], 2569,
                                                          home=HOME))
    form = PLAN_TEXT + "\nลงชื่อ ............................ ๑\nตำแหน่ง ......................... ๒\n"
    assert "front_matter_only" not in codes(evaluate_item(plan_item(), [trail(pdf(form))], 2569, home=HOME))


def chart_item() -> Item:
    return Item(
        id="O1", name_th="โครงสร้างและอำนาจหน้าที่", name_en="Structure", indicator=9, sub_indicator="9.1",
        confidence=Confidence.CONFIRMED, fiscal_year_rule=FiscalYearRule.NONE,
        components=(
            Component("units", "หน่วยงานภายใน", "Internal units", ("สำนักปลัด", "กองคลัง"), in_image=True),
            Component("duties", "อำนาจหน้าที่", "Duties", ("อำนาจหน้าที่",)),
        ),
        evidence=EvidenceRule(min_chars=150),
    )


O1_URL = "https://www.nongbua.go.th/ita/o1.html"
DUTIES = ("โครงสร้างองค์กร\nอำนาจหน้าที่\nองค์การบริหารส่วนตำบลมีอำนาจหน้าที่ในการพัฒนาตำบลทั้งในด้านเศรษฐกิจ สังคม "
          "และวัฒนธรรม ตามพระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. ๒๕๓๗ มาตรา ๖๖ และมาตรา ๖๗")


def _o1(images: tuple[tuple[str, str], ...]) -> UrlTrail:
    from oit_checker.model.page import PageFacts
    page = Document(url=O1_URL, kind=DocKind.HTML, pages=(DUTIES,), facts=PageFacts(O1_URL, images=images))
    return UrlTrail(O1_URL, (Retrieved(fetched=ok(O1_URL), document=page),))


def test_a_chart_drawn_as_a_picture_is_for_a_person_to_look_at() -> None:
    chart = "https://www.nongbua.go.th/images/org-chart.png"
    f = evaluate_item(chart_item(), [_o1(((chart, "แผนผังโครงสร้าง"),))], 2569, home=HOME)
    assert f.status is Status.REVIEW and codes(f) == {"chart_in_image"}
    reason = next(r for r in f.reasons if r.code == "chart_in_image")
    assert reason.evidence[0].url == chart and reason.detail["components"] == "หน่วยงานภายใน"
    # Without a picture in the page's content, the units are simply missing.
    f = evaluate_item(chart_item(), [_o1(())], 2569, home=HOME)
    assert f.status is Status.FAIL and codes(f) == {"missing_component"}


def test_a_missing_component_no_chart_draws_still_fails_beside_a_picture() -> None:
    item = chart_item()
    f = evaluate_item(item, [_o1((("https://www.nongbua.go.th/images/x.png", ""),))], 2569, home=HOME)
    assert f.status is Status.REVIEW  # the units may be in the picture
    text_only = Document(url=O1_URL, kind=DocKind.HTML, pages=("โครงสร้างองค์กร สำนักปลัด กองคลัง " * 8,))
    from oit_checker.model.page import PageFacts
    pictured = Document(url=O1_URL, kind=DocKind.HTML, pages=text_only.pages,
                        facts=PageFacts(O1_URL, images=(("https://www.nongbua.go.th/images/x.png", ""),)))
    f = evaluate_item(item, [UrlTrail(O1_URL, (Retrieved(fetched=ok(O1_URL), document=pictured),))], 2569,
                      home=HOME)
    assert f.status is Status.FAIL and codes(f) == {"missing_component"}  # the duties text is no chart's


def _o12(text: str) -> Item:
    return Item(
        id="O12", name_th="รายการการจัดซื้อจัดจ้าง", name_en="Procurement", indicator=9, sub_indicator="9.3",
        confidence=Confidence.CONFIRMED, fiscal_year_rule=FiscalYearRule.FIRST_HALF_CURRENT,
        components=(Component("item", "รายการ", "Item", ("ชื่อรายการของงานที่ซื้อหรือจ้าง",)),),
        evidence=EvidenceRule(min_chars=50),
    )


O12_TEXT = ("ITA-o12\nปีงบประมาณ | 2569\nข้อมูล ณ วันที่ {asof}\nที่ | ชื่อรายการของงานที่ซื้อหรือจ้าง | วงเงิน\n"
            "1 | จัดซื้อวัสดุสำนักงาน | 25,000.00 | 15 ต.ค. 2568\n2 | จ้างซ่อมรถ | 45,000.00 | 8 พ.ย. 2568\n")


@pytest.mark.parametrize(("asof", "early"), [
    ("๓๑ ธันวาคม ๒๕๖๘", True), ("31 มี.ค. 2569", False), ("30 เมษายน 2569", False),
    ("1 ตุลาคม 2568", False),  # a count taken on the period's first day, not where the data stops
])
def test_a_first_half_list_whose_data_stops_early_is_for_a_person(asof: str, early: bool) -> None:
    text = O12_TEXT.format(asof=asof)
    f = evaluate_item(_o12(text), [trail(pdf(text, pages=1))], 2569, home=HOME)
    assert ("data_as_of_early" in codes(f)) is early
    if early:
        assert f.status is Status.REVIEW
        reason = next(r for r in f.reasons if r.code == "data_as_of_early")
        assert reason.detail["as_of"] == "31 ธ.ค. 2568" and reason.detail["period_end"] == "31 มี.ค. 2569"


def test_a_signing_date_is_no_data_cutoff() -> None:
    text = O12_TEXT.format(asof="31 มี.ค. 2569") + "ประกาศ ณ วันที่ 2 ตุลาคม 2568\n"
    assert "data_as_of_early" not in codes(evaluate_item(_o12(text), [trail(pdf(text, pages=1))], 2569, home=HOME))


def ethics_item() -> Item:
    return Item(
        id="O16", name_th="ประมวลจริยธรรม", name_en="Code of ethics", indicator=9, sub_indicator="9.4",
        confidence=Confidence.CONFIRMED, fiscal_year_rule=FiscalYearRule.CURRENT, fiscal_year_of="promotion",
        components=(Component("code", "ประมวลจริยธรรม", "Code", ("ประมวลจริยธรรม",)),
                    Component("promotion", "การส่งเสริมจริยธรรม", "Promotion", ("อบรมจริยธรรม",))),
        evidence=EvidenceRule(min_chars=50),
    )


PAGE_URL = "https://www.nongbua.go.th/ita/o16.html"
CODE = "ประมวลจริยธรรมของข้าราชการองค์การบริหารส่วนตำบลหนองบัว ประกาศ ณ วันที่ 10 มกราคม 2569 " * 3


@pytest.mark.parametrize(("activity_year", "status"), [("2568", Status.FAIL), ("2569", Status.PASS)])
def test_the_year_of_an_ethics_item_is_its_promotions(activity_year: str, status: Status) -> None:
    page = Document(url=PAGE_URL, kind=DocKind.HTML, pages=(
        f"การขับเคลื่อนจริยธรรม\nโครงการอบรมจริยธรรมแก่บุคลากร ประจำปีงบประมาณ พ.ศ. {activity_year} "
        "จัดเมื่อวันที่ 12 มิถุนายน\nดาวน์โหลดประมวลจริยธรรม",),
        links=(Link(url=PDF_URL, text="ประมวลจริยธรรม"),))
    f = evaluate_item(ethics_item(), [trail(page, pdf(CODE, pages=1), url=PAGE_URL)], 2569, home=HOME)
    assert f.status is status, f.reasons
    assert ("stale_fiscal_year" in codes(f)) is (status is Status.FAIL)


PROMOTION = "https://www.nongbua.go.th/files/ethics-report.pdf"


def _ethics(page_text: str, code_text: str, promotion_text: str) -> Status:
    page = Document(url=PAGE_URL, kind=DocKind.HTML, pages=(page_text,),
                    links=(Link(url=PDF_URL, text="ดาวน์โหลด"), Link(url=PROMOTION, text="ดาวน์โหลด")))
    return evaluate_item(ethics_item(), [trail(page, pdf(code_text, pages=1, url=PDF_URL),
                                               pdf(promotion_text, pages=1, url=PROMOTION), url=PAGE_URL)],
                         2569, home=HOME).status


def test_a_page_dated_this_year_does_not_make_last_years_promotion_current() -> None:
    # The page says อบรมจริยธรรม under this year's date; the promotion report it links is of 2566.
    page = "ประมวลจริยธรรม\nอัปเดตล่าสุด 5 มกราคม 2569\nโครงการอบรมจริยธรรม\nดาวน์โหลด"
    report = "รายงานผลการขับเคลื่อนจริยธรรม ประจำปีงบประมาณ พ.ศ. 2566 โครงการอบรมจริยธรรม 12 มิถุนายน 2566 " * 3
    assert _ethics(page, CODE.replace("2569", "2562"), report) is Status.FAIL


def test_a_code_that_names_its_promotion_does_not_date_the_item_alone() -> None:
    # The 2562 code itself says อบรมจริยธรรม; the promotion report beside it is of this year.
    code = "ประมวลจริยธรรม พ.ศ. 2562 หมวด 3 ให้ผู้บริหารจัดอบรมจริยธรรมแก่บุคลากร " * 3
    report = "รายงานผลการขับเคลื่อนจริยธรรม ประจำปีงบประมาณ พ.ศ. 2569 โครงการอบรมจริยธรรม 12 มกราคม 2569 " * 3
    assert _ethics("ประมวลจริยธรรม\nดาวน์โหลด", code, report) is Status.PASS
# ---------------------------------------------------------------- a page whose document was never read


DETAIL_URL = "https://www.nongbua.go.th/download/doc-11.html"
FILE_URL = "https://www.nongbua.go.th/download.php?id=99"
# A download centre's detail page as the agency's CMS serves it: the title and a download link, nothing else.
DETAIL_TEXT = "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569\nดาวน์โหลดไฟล์"


def _detail() -> Document:
    return Document(url=DETAIL_URL, kind=DocKind.HTML, pages=(DETAIL_TEXT,), page_count=1,
                    title="แผนปฏิบัติการป้องกันการทุจริต 2569 - เทศบาลตำบลหนองบัว",
                    links=(Link(FILE_URL, "ดาวน์โหลดไฟล์"),))


def test_a_detail_page_whose_download_link_is_404_names_the_link_not_a_cover() -> None:
    dead = Retrieved(fetched=Fetched(url=FILE_URL, final_url=FILE_URL, status=404), depth=1, parent=DETAIL_URL)
    t = UrlTrail(DETAIL_URL, (Retrieved(fetched=ok(DETAIL_URL), document=_detail()), dead))
    f = evaluate_item(plan_item(), [t], 2569, home=HOME)
    # Before: fail cover_only, "publish the full document, not just its cover".
    assert f.status is Status.FAIL, f.reasons
    assert "cover_only" not in codes(f) and "document_link_broken" in codes(f)
    reason = next(r for r in f.reasons if r.code == "document_link_broken")
    for message in (reason.message_th, reason.message_en):
        assert FILE_URL in message and "HTTP 404" in message and DETAIL_URL in message
    assert "linked_document_unreachable" not in codes(f)  # said once


def test_a_detail_page_whose_download_timed_out_is_not_a_fail() -> None:
    slow = Retrieved(fetched=Fetched(url=FILE_URL, final_url=FILE_URL, error=FetchError.TIMEOUT,
                                     error_detail="no answer within 20 s"), depth=1, parent=DETAIL_URL)
    t = UrlTrail(DETAIL_URL, (Retrieved(fetched=ok(DETAIL_URL), document=_detail()), slow))
    f = evaluate_item(plan_item(), [t], 2569, home=HOME)
    assert f.status is Status.REVIEW, f.reasons  # it may open another time: a person looks
    assert "document_link_broken" in codes(f) and "cover_only" not in codes(f)


def test_a_page_at_the_depth_limit_with_its_document_unfollowed_is_review_naming_depth_and_link() -> None:
    t = UrlTrail(DETAIL_URL, (Retrieved(fetched=ok(DETAIL_URL), document=_detail(), depth=3),),
                 unfollowed=(Unfollowed(DETAIL_URL, FILE_URL, 3),))
    f = evaluate_item(plan_item(), [t], 2569, home=HOME)
    # Before: fail cover_only.
    assert f.status is Status.REVIEW, f.reasons
    assert "cover_only" not in codes(f)
    reason = next(r for r in f.reasons if r.code == "follow_depth_reached")
    assert "ความลึก 3 ชั้น" in reason.message_th and FILE_URL in reason.message_th
    assert "depth 3" in reason.message_en and FILE_URL in reason.message_en


LIST_URL = "https://www.nongbua.go.th/ita/o25.html"
CUT = tuple(f"https://www.nongbua.go.th/download.php?id={n}" for n in range(40, 52))


def _capped(t: UrlTrail) -> UrlTrail:
    """`t` as the follower leaves it at its URL cap: twelve chosen links on the list page not fetched."""
    return replace(t, unfollowed=tuple(Unfollowed(LIST_URL, u, 0, capped=True) for u in CUT))


def test_a_part_missing_when_the_url_cap_left_links_unopened_is_review_naming_them() -> None:
    no_period = PLAN_TEXT.replace("ระยะเวลาดำเนินการ", "หมายเหตุ").replace("ไตรมาส", "ช่วง")
    plain = evaluate_item(plan_item(), [trail(pdf(no_period))], 2569, home=HOME)
    assert plain.status is Status.FAIL and "missing_component" in codes(plain)  # all read: it is missing
    f = evaluate_item(plan_item(), [_capped(trail(pdf(no_period)))], 2569, home=HOME)
    assert f.status is Status.REVIEW, f.reasons  # it may be behind a link not opened
    assert all(r.severity is not Status.FAIL for r in f.reasons)
    reason = next(r for r in f.reasons if r.code == "follow_cap_reached")
    assert "12 ลิงก์" in reason.message_th and CUT[0] in reason.message_th and LIST_URL in reason.message_th
    assert "12 more" in reason.message_en and CUT[0] in reason.message_en
    assert [e.url for e in reason.evidence] == [LIST_URL, *CUT[:3]]


def test_a_complete_document_passes_though_the_url_cap_left_links_unopened() -> None:
    f = evaluate_item(plan_item(), [_capped(trail(pdf()))], 2569, home=HOME)
    assert f.status is Status.PASS, f.reasons
    assert "follow_cap_reached" not in {r.code for r in f.reasons}


def test_a_page_whose_document_links_the_url_cap_left_is_review_not_cover_only() -> None:
    t = UrlTrail(DETAIL_URL, (Retrieved(fetched=ok(DETAIL_URL), document=_detail(), depth=2),),
                 unfollowed=(Unfollowed(DETAIL_URL, FILE_URL, 2, capped=True),))
    f = evaluate_item(plan_item(), [t], 2569, home=HOME)
    assert f.status is Status.REVIEW, f.reasons
    got = codes(f)
    assert "cover_only" not in got and "follow_depth_reached" not in got and "follow_cap_reached" in got


def test_a_broken_document_link_stays_a_fail_though_the_url_cap_left_links_elsewhere() -> None:
    # A reviewer's case: the cap turned every fail into review, a 404 link the assessor cannot open either too.
    dead = Retrieved(fetched=Fetched(url=FILE_URL, final_url=FILE_URL, status=404), depth=1, parent=DETAIL_URL)
    t = UrlTrail(DETAIL_URL, (Retrieved(fetched=ok(DETAIL_URL), document=_detail()), dead))
    f = evaluate_item(plan_item(), [_capped(t)], 2569, home=HOME)
    assert f.status is Status.FAIL, f.reasons
    assert next(r for r in f.reasons if r.code == "document_link_broken").severity is Status.FAIL


def test_one_cap_reason_though_a_cover_page_and_an_old_year_both_meet_the_cap() -> None:
    old = _detail()
    old = replace(old, pages=(old.pages[0].replace("2569", "2566"),), title=old.title.replace("2569", "2566"))
    t = UrlTrail(DETAIL_URL, (Retrieved(fetched=ok(DETAIL_URL), document=old, depth=2),),
                 unfollowed=(Unfollowed(DETAIL_URL, FILE_URL, 2, capped=True),
                             Unfollowed(LIST_URL, CUT[0], 0, capped=True)))
    f = evaluate_item(plan_item(), [t], 2569, home=HOME)
    assert f.status is Status.REVIEW, f.reasons
    assert [r.code for r in f.reasons].count("follow_cap_reached") == 1, f.reasons


def test_a_real_cover_page_with_nothing_left_unread_is_still_cover_only() -> None:
    t = UrlTrail(DETAIL_URL, (Retrieved(fetched=ok(DETAIL_URL), document=_detail()),))
    f = evaluate_item(plan_item(), [t], 2569, home=HOME)
    assert f.status is Status.FAIL and "cover_only" in codes(f)


def _o5() -> Item:
    return Item(
        id="O5", name_th="แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", name_en="Development plan", indicator=9,
        sub_indicator="9.1", confidence=Confidence.CONFIRMED, fiscal_year_rule=FiscalYearRule.NONE,
        components=(Component("vision", "วิสัยทัศน์", "Vision", ("วิสัยทัศน์",)),
                    Component("strategies", "ยุทธศาสตร์", "Strategies", ("ยุทธศาสตร์",))),
        evidence=EvidenceRule(min_chars=100, partial_titles=("เพิ่มเติม ครั้งที่", "ฉบับแก้ไข")),
    )


PLAN_BODY = "วิสัยทัศน์ ชุมชนน่าอยู่ เศรษฐกิจพอเพียง\nยุทธศาสตร์ที่ 1 การพัฒนาโครงสร้างพื้นฐาน\n" * 6
AMENDMENT = "https://www.nongbua.go.th/files/plan-amend-2.pdf"


def test_a_plans_amendment_posted_alone_is_for_a_person_to_look_at() -> None:
    amendment = pdf("แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ – ๒๕๗๐) เพิ่มเติม ครั้งที่ ๒/๒๕๖๗\n" + PLAN_BODY, pages=1,
                    url=AMENDMENT)
    f = evaluate_item(_o5(), [trail(amendment, url=AMENDMENT)], 2569, home=HOME)
    assert f.status is Status.REVIEW and codes(f) == {"partial_document"}
    reason = next(r for r in f.reasons if r.code == "partial_document")
    assert "เพิ่มเติม ครั้งที่ 2/2567" in reason.evidence[0].snippet and reason.evidence[0].page == 1
    # Beside the plan itself it is no problem; nor is the word deep in the plan's body.
    plan = pdf("แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ – ๒๕๗๐)\n" + PLAN_BODY, pages=1)
    both = [trail(plan), trail(amendment, url=AMENDMENT)]
    assert "partial_document" not in codes(evaluate_item(_o5(), both, 2569, home=HOME))
    deep = pdf("แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ – ๒๕๗๐)\n" + PLAN_BODY * 3 + "ภาคผนวก แผนฉบับแก้ไข\n", pages=1)
    assert evaluate_item(_o5(), [trail(deep)], 2569, home=HOME).status is Status.PASS


@pytest.mark.parametrize("head", [
    "แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ - ๒๕๗๐)\nรวมเพิ่มเติม ครั้งที่ ๑ - ๒",  # the whole plan, amendments folded in
    "แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ - ๒๕๗๐)\nตามระเบียบกระทรวงมหาดไทย พ.ศ. ๒๕๔๘ แก้ไขเพิ่มเติม ครั้งที่ ๓",  # a law's
    "แผนพัฒนาท้องถิ่น\nองค์การบริหารส่วนตำบลหนองบัว\nอำเภอเมือง\nคำนำ เพิ่มเติม ครั้งที่ ๒ ของแผนเดิม",  # past the head
])
def test_a_whole_plan_is_no_partial_document(head: str) -> None:
    plan = pdf(head + "\n" + PLAN_BODY, pages=1)
    assert "partial_document" not in codes(evaluate_item(_o5(), [trail(plan)], 2569, home=HOME))


_HEADER = "ที่ | โครงการ | กิจกรรม | งบประมาณ (บาท) | ระยะเวลาดำเนินการ | ไตรมาส | ผู้รับผิดชอบ | ตัวชี้วัด | หมายเหตุ"


def _table_doc(rows: list[str]) -> Document:
    text = "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569\n" + "\n".join([_HEADER, *rows]) + "\n" + PLAN_TEXT
    return pdf(text, pages=1)


def test_a_wide_table_whose_rows_fill_at_most_half_its_columns_is_table_unfilled() -> None:
    empty = _table_doc([f"{n} | 2569 | อบต.หนองบัว" for n in range(1, 6)])
    f = evaluate_item(plan_item(), [trail(empty)], 2569, home=HOME)
    assert f.status is Status.REVIEW, f.reasons  # the plan's text passes; its table lists nothing
    reason = next(r for r in f.reasons if r.code == "table_unfilled")
    assert reason.detail["columns"] == 9 and reason.detail["filled"] == 3 and reason.detail["rows"] == 5


def test_a_filled_table_with_an_empty_remarks_column_is_not_unfilled() -> None:
    full = _table_doc([f"{n} | โครงการอบรม {n} | บรรยาย | 10,000 | ต.ค.–ธ.ค. 68 | 1 | สำนักปลัด | ร้อยละ 80"
                       for n in range(1, 4)])
    f = evaluate_item(plan_item(), [trail(full)], 2569, home=HOME)
    assert "table_unfilled" not in {r.code for r in f.reasons}, f.reasons


# the สขร.1 form's two-row header as a workbook's merged cells come out (review44 a01, a02)
_SKR1 = ("ที่ | วันที่ | รายการงานที่ซื้อหรือจ้าง | วงเงินงบประมาณ (บาท) | แหล่งที่มาของงบประมาณ | สถานะการจัดซื้อจัดจ้าง"
         " | วิธีการจัดซื้อจัดจ้าง | ราคา (บาท) |  | ผู้ประกอบการที่ได้รับการคัดเลือก | เลขที่โครงการ e-GP\n"
         "ราคากลาง | ราคาที่ตกลงซื้อหรือจ้าง")
_SKR1_ROW = ("๑ | ๓ ต.ค. ๖๗ | จัดซื้อวัสดุสำนักงาน (กระดาษ หมึกพิมพ์) | 15,000.00 | งบประมาณรายจ่ายประจำปี | สิ้นสุดสัญญา"
             " | เฉพาะเจาะจง | 15,000.00 | 14,850.00 | ร้านโคกสูงพาณิชย์ | 67100001130")


def test_a_merged_two_row_header_is_the_header_and_a_month_heading_does_not_end_the_table() -> None:
    from oit_checker.evaluate.item import _tables
    [(header, widest, rows)] = list(_tables("\n".join([_SKR1, "เดือนตุลาคม ๒๕๖๗", _SKR1_ROW, "เดือนพฤศจิกายน ๒๕๖๗",
                                                        _SKR1_ROW.replace("๑ |", "๒ |"), "(ลงชื่อ) ธนากร แก้วมณี"])))
    assert (len(header), widest, rows) == (10, 11, 2)  # the merged cell's empty twin is no column


def test_a_month_that_bought_nothing_under_the_two_row_header_is_no_unfilled_table() -> None:
    from oit_checker.evaluate.item import _tables
    assert list(_tables("\n".join([_SKR1, "ไม่มีการจัดซื้อจัดจ้างในเดือนธันวาคม 2567", "(ลงชื่อ) ธนากร แก้วมณี"]))) == []
    # the header alone, every row left empty: a table of no rows (a workbook of only these is table_unfilled)
    assert [n for _, _, n in _tables(_SKR1 + "\nพ.ย.67\nแบบ สขร.1")] == [0]


def test_a_heading_laid_out_one_word_a_cell_is_no_table() -> None:
    from oit_checker.evaluate.item import _tables
    # review52 f01: the title as a one-row table, then a paragraph: layout, not a form's header left without rows
    heading = ("การ | ประเมิน | ความ | เสี่ยง | การ | ทุจริต | และ | ประพฤติ | มิชอบ | ประจำปี | งบ | ประมาณ | พ.ศ. | ๒๕๖๙\n"
               "องค์การบริหารส่วนตำบลโคกสูง ได้ดำเนินการประเมินความเสี่ยงการทุจริตในการปฏิบัติงาน")
    assert list(_tables(heading)) == []
    assert [n for _, _, n in _tables(heading + "\n" + _SKR1 + "\nพ.ย.67")] == [0]  # a form's header is still one


def test_a_month_row_of_cells_does_not_end_the_table_nor_make_its_entry_a_header() -> None:
    # review51 d03: "ตุลาคม ๒๕๖๘ |  | …" (the month in the first cell, the rest empty) over one entry a month
    from oit_checker.evaluate.item import _tables
    header = _SKR1.split("\n", 1)[0].replace(" |  |", " |")
    months = ["ตุลาคม ๒๕๖๘", "พฤศจิกายน ๒๕๖๘", "ธันวาคม ๒๕๖๘"]
    lines = [header] + [line for m in months for line in (m + " |  |  |  |  |  |  |  |  | ", _SKR1_ROW)]
    assert [(len(h), w, n) for h, w, n in _tables("\n".join(lines))] == [(10, 11, 3)]


def _procurement_summary(price_column: str) -> str:
    # review41 d02: a complete one-page summary by method, without its problems and suggestions
    rows = [("ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)", "3", "6,400,000", "5,912,000", "488,000"),
            ("วิธีคัดเลือก", "1", "450,000", "445,000", "5,000"),
            ("วิธีเฉพาะเจาะจง", "184", "14,206,500", "14,011,230", "195,270"),
            ("รวม", "188", "21,056,500", "20,368,230", "688,270")]
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return ("<html><body><h1>รายงานสรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2568</h1><p>เทศบาลตำบลบ้านไผ่งาม</p>"
            "<table><tr><th>วิธีการจัดซื้อจัดจ้าง</th><th>จำนวนโครงการ</th><th>งบประมาณ (บาท)</th>"
            f"<th>{price_column}</th><th>ประหยัดงบประมาณ (บาท)</th></tr>{cells}</table>"
            "<p>ข้อมูล ณ วันที่ 30 กันยายน 2568 กองคลัง งานพัสดุ</p></body></html>")


def test_a_one_page_summary_table_is_no_cover_and_its_contract_prices_are_the_money_spent() -> None:
    from tests.support.evaluate import finding_from_html
    url = f"{HOME}ita/o12.html"
    f = finding_from_html("O12", _procurement_summary("ราคาที่จัดซื้อจัดจ้าง (บาท)"), url, 2569)
    [missing] = [r for r in f.reasons if r.code == "missing_component"]
    assert f.status is Status.FAIL and "cover_only" not in codes(f)
    assert set(missing.detail["missing"]) == {"problems", "suggestions"}  # type: ignore[arg-type]
    # a money column the rules do not read: still a table of figures, not a cover
    f = finding_from_html("O12", _procurement_summary("ราคาที่ได้ (บาท)"), url, 2569)
    assert f.status is Status.FAIL and "cover_only" not in codes(f) and "missing_component" in codes(f)


@pytest.mark.parametrize(("item", "year"), [("O13", 2568), ("O12", 2569)])
def test_money_spent_headed_by_what_it_is_of_is_the_summarys(item: str, year: int) -> None:
    # review50 b18: "วิธีการจัดซื้อจัดจ้าง | จำนวน (รายการ) | งบประมาณที่ใช้จริง (บาท)" over the methods and "รวม | 118 | …"
    from tests.support.evaluate import finding_from_html
    rows = [("เฉพาะเจาะจง", "112", "4,210,560.00"), ("e-bidding", "6", "5,987,000.00"), ("คัดเลือก", "-", "-"),
            ("รวม", "118", "10,197,560.00")]
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    page = ("<html><body><h1>รายงานผลการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. 2567</h1><p>องค์การบริหารส่วนตำบลโคกสูง</p>"
            "<table><tr><th>วิธีการจัดซื้อจัดจ้าง</th><th>จำนวน (รายการ)</th><th>งบประมาณที่ใช้จริง (บาท)</th></tr>"
            f"{cells}</table><p>ปัญหาและอุปสรรค ผู้เสนอราคาในพื้นที่มีน้อย</p></body></html>")
    f = finding_from_html(item, page, "https://www.khoksung.go.th/o13.html", year)
    missing = [r for r in f.reasons if r.code == "missing_component"]
    assert not missing or "procurement_summary" not in missing[0].detail["missing"]  # type: ignore[operator]

@pytest.mark.parametrize(("heading", "one"), [
    # a project named after a provincial organization (review43 b09)
    ("รายงานผลการดำเนินโครงการ อบจ.ขอนแก่นเกมส์ ครั้งที่ 12 ประจำปีงบประมาณ พ.ศ. 2568", True),
    # the agency's projects of its year (review9 p07)
    ("รายงานสรุปผลการดำเนินโครงการ อบต.หนองบัว\nองค์การบริหารส่วนตำบลหนองบัว", False),
    ("รายงานผลการดำเนินโครงการ อบจ.ขอนแก่น ประจำปีงบประมาณ พ.ศ. 2568", False),
    ("รายงานผลการดำเนินโครงการองค์การบริหารส่วนจังหวัดขอนแก่น ประจำปี 2568", False),
])
def test_one_projects_heading_and_the_agencys_projects(heading: str, one: bool) -> None:
    from oit_checker.evaluate.item import _ONE_PROJECT
    assert (_ONE_PROJECT.search(heading) is not None) is one


@pytest.mark.parametrize(("heading", "division"), [
    # one division's year (review51 b05)
    ("รายงานผลการดำเนินงาน สำนักการศึกษา\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘", "รายงานผลการดำเนินงาน สำนักการศึกษา"),
    ("รายงานผลการดำเนินงานของกองช่าง ประจำปี 2568", "รายงานผลการดำเนินงานของกองช่าง"),
    # the city's year, its preparing division below its name (review51 b04); the HR division's report for O14
    ("รายงานผลการดำเนินงาน\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘\nเทศบาลนครหนองบัวทอง\nกองยุทธศาสตร์และงบประมาณ", None),
    # a provincial office's own name ("สำนักงาน…") and a fund are no division
    ("รายงานผลการดำเนินงาน สำนักงานเกษตรจังหวัดขอนแก่น ประจำปี 2568", None),
    ("รายงานผลการดำเนินงานกองทุนหลักประกันสุขภาพ ประจำปี 2568", None),
    # a unit of one division (review57 b05); the unit that compiles the agency's plans
    ("รายงานผลการดำเนินงาน งานป้องกันและบรรเทาสาธารณภัย สำนักปลัด\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n(ลงชื่อ) มานพ ศรีงาม\n"
     "(นายมานพ ศรีงาม)\nหัวหน้าสำนักปลัด", "รายงานผลการดำเนินงาน งานป้องกันและบรรเทาสาธารณภัย สำนักปลัด"),
    ("รายงานผลการดำเนินงาน งานนโยบายและแผน สำนักปลัด\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘", None),
])
def test_one_division_s_report_is_not_the_agency_s_year(heading: str, division: str | None) -> None:
    from oit_checker.evaluate.division import division_heading
    assert division_heading([heading], "เทศบาลนครหนองบัวทอง", 6) == division


@pytest.mark.parametrize(("heading", "hr", "one"), [
    # the HR division's or the personnel unit's report is the agency's HR report (review57 b02); elsewhere, its own
    ("รายงานผลการดำเนินงาน กองการเจ้าหน้าที่ ประจำปี 2568", True, False),
    ("รายงานผลการดำเนินงาน สำนักปลัด (งานการเจ้าหน้าที่)\nด้านการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. 2568",
     True, False),
    ("รายงานผลการดำเนินงาน กองการเจ้าหน้าที่ ประจำปี 2568", False, True),
])
def test_the_personnel_unit_s_report_is_the_agency_s_hr_report(heading: str, hr: bool, one: bool) -> None:
    from oit_checker.evaluate.division import division_heading
    assert (division_heading([heading], "เทศบาลนครหนองบัวทอง", 6, hr=hr) is not None) is one


@pytest.mark.parametrize(("page", "one"), [
    # the division after the year, reporting for itself, signed by its director (review57 b03)
    ("รายงานผลการปฏิบัติงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\nกองช่าง องค์การบริหารส่วนตำบลโคกสูง\nกองช่าง ขอรายงานผลการ"
     "ปฏิบัติงานตามภารกิจด้านโครงสร้างพื้นฐาน\n(ลงชื่อ) ชาญชัย ทองดี\n(นายชาญชัย ทองดี)\nผู้อำนวยการกองช่าง", True),
    # one division's part of the anti-corruption plan's report (review57 b04)
    ("รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ.\n๒๕๖๘\n(เฉพาะส่วนของกองคลัง)", True),
    # the สำนักปลัด compiling the agency's report, signed by the นายก (review57 b01)
    ("รายงานผลการดำเนินงาน\nสำนักปลัด องค์การบริหารส่วนตำบลโคกสูง\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n(ลงชื่อ) ประสิทธิ์ แก้วมณี\n"
     "(นายประสิทธิ์ แก้วมณี)\nนายกองค์การบริหารส่วนตำบลโคกสูง", False),
    # …but another division's report stays its own whoever signs; a unit of the สำนักปลัด too
    ("รายงานผลการดำเนินงาน กองช่าง\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n(ลงชื่อ) ประสิทธิ์ แก้วมณี\n(นายประสิทธิ์ แก้วมณี)\n"
     "นายกองค์การบริหารส่วนตำบลโคกสูง", True),
    ("รายงานผลการดำเนินงาน งานป้องกันและบรรเทาสาธารณภัย สำนักปลัด\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n(ลงชื่อ) วิไลวรรณ ศรีสุข\n"
     "(นางวิไลวรรณ ศรีสุข)\nปลัดองค์การบริหารส่วนตำบลโคกสูง", True),
    # the clerk's office's report on every division
    ("รายงานผลการดำเนินงาน สำนักปลัด\nประจำปีงบประมาณ พ.ศ. 2568\nสำหรับพนักงานส่วนตำบล ทุกส่วนราชการ (สำนักปลัด กองคลัง กองช่าง)",
     False),
    # a letterhead and who compiled the agency's report (review55 d03, d01)
    ("รายงานผลการดำเนินงาน ประจำปีงบประมาณ ๒๕๖๘\nสำนักปลัด องค์การบริหารส่วนตำบลโคกสูง\nโทร ๐-๔๓๓๘-๐๕๑๒", False),
    ("รายงานผลการดำเนินงาน\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘\nองค์การบริหารส่วนตำบลโคกสูง\nจัดทำโดย กองยุทธศาสตร์และงบประมาณ", False),
])
def test_a_division_named_after_the_year_or_as_a_part(page: str, one: bool) -> None:
    from oit_checker.evaluate.division import division_heading
    assert (division_heading([page], "องค์การบริหารส่วนตำบลโคกสูง", 6) is not None) is one, page


@pytest.mark.parametrize(("files", "item", "status"), [
    # the CMS post "…ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ รายละเอียดตามไฟล์แนบ" and the operating plan of 2568, two URLs
    (("b01_fail_o6_page.html", "b01_fail_o6_op-plan-2568.pdf"), "O6", Status.FAIL),
    (("b10_fail_o21_page.html", "b10_fail_o21_risk-2568.xlsx"), "O21", Status.FAIL),
    (("g01_good_o6_page.html", "g01_good_o6_op-plan-2569.pdf"), "O6", Status.PASS),
    (("g04_good_o21_page.html", "g04_good_o21_risk-2569.xlsx"), "O21", Status.PASS),
])
def test_a_post_submitted_beside_its_file_lends_no_year(files: tuple[str, ...], item: str, status: Status) -> None:
    """The year of an item answered by several URLs is that of the documents that gave its parts: a post whose every
    part the file gives too only lends one, as the page linking the file does (review42 as separate URLs)."""
    from datetime import date
    from pathlib import Path

    from tests.support.evaluate import finding_from_files
    review42 = Path(__file__).resolve().parents[3] / "fixtures" / "pages" / "review42"
    f = finding_from_files(item, [review42 / n for n in files], 2569, agency="องค์การบริหารส่วนตำบลโคกสูง",
                           as_of=date(2026, 5, 15))
    assert f.status is status
    assert ("stale_fiscal_year" in codes(f)) is (status is Status.FAIL)


def test_a_sentence_sending_corruption_elsewhere_is_read_over_wrapped_lines() -> None:
    """A PDF's exclusion wrapped over two lines (review61 c04), a redirect whose object is on the next line (d06); not
    the NACC offered as one more way (c02), nor the executives' cases the NACC takes by law."""
    wrapped = ("๒. ขอบเขต\n"
               "คู่มือนี้ใช้กับเรื่องร้องเรียน/ร้องทุกข์เกี่ยวกับการให้บริการสาธารณะ ความเดือดร้อนและ\n"
               "เหตุรำคาญ ส่วนเรื่องร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่ไม่อยู่ในขอบเขต\n"
               "ของคู่มือนี้ ให้ส่งเรื่องไปยังสำนักงาน ป.ป.ช. ประจำจังหวัดขอนแก่น\n"
               "๓. ช่องทาง")
    assert [(a, b) for a, b, _ in redirect_lines(wrapped, wrapped=True)] == [(1, 4)]
    told = "เรื่องร้องเรียนเกี่ยวกับการทุจริตของเจ้าหน้าที่ โปรดติดต่อ\nสำนักงาน ป.ป.ช. ประจำจังหวัดขอนแก่น โทร. ๐๔๓-๓๐๖๘๙๑"
    assert redirect_lines(told, wrapped=False) == [(0, 2, "โปรดติดต่อ")]
    assert redirect_lines("แนวปฏิบัตินี้ใช้กับเรื่องร้องเรียนการทุจริตของบุคลากร อบต.โคกสูง ทั้งนี้ ผู้ร้องยังสามารถร้องเรียน"
                          "โดยตรงต่อสำนักงาน ป.ป.ช. ได้", wrapped=False) == []
    assert redirect_lines("กรณีร้องเรียนกล่าวหานายก อบต. ว่าทุจริต ให้ส่งเรื่องไปยังสำนักงาน ป.ป.ช.", wrapped=False) == []


_NOGIFT_EMBED = """<!DOCTYPE html><html lang="th"><head><meta charset="utf-8">
<title>No Gift Policy - องค์การบริหารส่วนตำบลโคกสูง</title></head><body><main><article>
<h1>O20 ประกาศเจตนารมณ์ No Gift Policy ปีงบประมาณ 2569</h1>
{shown}
</article></main></body></html>"""
_EMBED_URL = "https://www.nongbua.go.th/files/ita2569/o20_nogift_2569.pdf"


def _shown_page(shown: str, target: Fetched | None = None) -> UrlTrail:
    from oit_checker.extract.html import extract_html

    url = "https://www.nongbua.go.th/ita/o20.html"
    doc = extract_html(_NOGIFT_EMBED.format(shown=shown).encode(), url, "utf-8")
    retrieved = [Retrieved(fetched=Fetched(url=url, final_url=url, status=200, content_type="text/html"), document=doc)]
    if target is not None:
        retrieved.append(Retrieved(fetched=target, document=None, depth=1, parent=url,
                                   link=next(k for k in doc.links if k.url == target.url)))
    return UrlTrail(submitted=url, retrieved=tuple(retrieved))


@pytest.mark.parametrize("shown", [
    f'<embed src="{_EMBED_URL}" type="application/pdf" width="100%" height="1000">',
    '<iframe src="https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUvWxYz012345/preview" width="100%"></iframe>',
    f'<object data="{_EMBED_URL}" type="application/pdf"></object>',
    '<p><img src="/uploads/2025/10/nogift2569.jpg" alt="ประกาศ No Gift 2569" width="800"></p>',
], ids=["embed", "drive_frame", "object", "image"])
def test_a_page_showing_its_document_inside_it_never_fetched_is_no_cover(shown: str) -> None:
    # review67 a10, a11, a15: the title over an embedded file, a Drive viewer, a picture of the declaration; the file
    # was not retrieved, so the title alone is not what the page shows: review, naming what it shows, nothing missing
    from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue

    o20 = load_catalogue(catalogue_path_for(2569)).item("O20")
    f = evaluate_item(o20, [_shown_page(shown)], 2569, home=HOME)
    assert f.status is Status.REVIEW, f.reasons
    shown_reason = next(r for r in f.reasons if r.code == "shown_file_unread")
    assert shown_reason.severity is Status.REVIEW and len(shown_reason.evidence) >= 2
    assert "cover_only" not in codes(f)  # the page is no cover of nothing: its own reason says what it shows
    assert all(r.severity is not Status.FAIL for r in f.reasons)


def test_a_page_whose_shown_document_answered_404_or_shows_a_video_only_fails() -> None:
    from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue

    o20 = load_catalogue(catalogue_path_for(2569)).item("O20")
    gone = Fetched(url=_EMBED_URL, final_url=_EMBED_URL, status=404, content_type="text/html")
    f = evaluate_item(o20, [_shown_page(f'<embed src="{_EMBED_URL}" type="application/pdf">', gone)], 2569, home=HOME)
    assert f.status is Status.FAIL and "document_link_broken" in codes(f), f.reasons
    video = evaluate_item(o20, [_shown_page('<iframe src="https://www.youtube.com/embed/AbCdEf012"></iframe>')], 2569,
                          home=HOME)
    assert video.status is Status.FAIL and "cover_only" in codes(video), video.reasons


def test_corruption_told_apart_and_sent_where_it_can_go_is_sent_away() -> None:
    """"สำหรับ…ทุจริต… ท่านสามารถแจ้งได้ที่ <another body>" is the only way a general manual gives (review65 e02), and
    "ให้ผู้ร้องไปติดต่อที่…" an order (f02); not "ยังสามารถ…" (one more way), nor the agency's own centre of that name."""
    only = ("สำหรับเรื่องร้องเรียนเกี่ยวกับการทุจริตของเจ้าหน้าที่ ท่านสามารถแจ้งได้ที่ศูนย์ดำรงธรรมอำเภอภูเวียง"
            " หรือสำนักงาน ป.ป.ช. ประจำจังหวัดขอนแก่น")
    assert redirect_lines(only, wrapped=False) == [(0, 1, "สามารถแจ้งได้ที่")]
    sent = "กรณีร้องเรียนการทุจริตของเจ้าหน้าที่ ให้ผู้ร้องไปติดต่อที่ศูนย์ดำรงธรรมอำเภอภูเวียง โทร ๐-๔๓๒๙-๑๑๑๑"
    assert redirect_lines(sent, wrapped=False) == [(0, 1, "ให้ผู้ร้องไปติดต่อ")]
    assert redirect_lines("กรณีพบเห็นการทุจริต ท่านยังสามารถแจ้งได้ที่สำนักงาน ป.ป.ช. สายด่วน ๑๒๐๕", wrapped=False) == []
    assert redirect_lines("หากพบเห็นการทุจริตของเจ้าหน้าที่ ท่านสามารถแจ้งได้ที่ศูนย์ดำรงธรรม อบต.โคกสูง",
                          wrapped=False) == []


def test_a_note_telling_where_corruption_is_reported_is_no_figure() -> None:
    """Under statistics of other grievances, "หมายเหตุ : หากพบเห็นเจ้าหน้าที่ทุจริต… แจ้งได้ที่…" tells where to report
    (review69 d07); the figures' own lines (a title, a row, a nil statement) are not pointers."""
    page = ("สถิติเรื่องร้องเรียน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n"
            "ไฟฟ้าส่องสว่างสาธารณะชำรุด | ๑๒ | ๑๒ | ๐\n"
            "หมายเหตุ : หากพบเห็นเจ้าหน้าที่ทุจริตหรือประพฤติมิชอบ แจ้งได้ที่ศูนย์รับเรื่องร้องเรียน สำนักปลัดเทศบาล โทร. ๐-๔๓๔๑-๔๒๕๑")
    assert pointer_lines(page, wrapped=False) == [(2, 3)]
    assert pointer_lines("กรณีร้องเรียนเจ้าหน้าที่ทุจริต ให้แจ้งที่ศูนย์รับเรื่องร้องเรียน", wrapped=False) == [(0, 1)]
    figures = ("สถิติเรื่องร้องเรียนการทุจริต จำแนกตามช่องทางการร้องเรียน\n"
               "ร้องเรียนการทุจริตทางเว็บไซต์ | ๐\n"
               "ปีงบประมาณ พ.ศ. ๒๕๖๘ ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ที่ยื่นผ่านศูนย์รับเรื่องร้องเรียน")
    assert pointer_lines(figures, wrapped=False) == []


_REPORT_ROWS = (
    ("โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ๓ บ้านหนองแวง", "498,000.00", "495,500.00",
     "ถนน คสล. ยาว ๒๐๐ ม. ประชาชนสัญจรสะดวก"),
    ("โครงการขยายเขตประปาหมู่บ้าน หมู่ที่ ๗", "350,000.00", "348,000.00", "ครัวเรือนได้ใช้น้ำประปาเพิ่ม ๔๒ ครัวเรือน"),
    ("โครงการส่งเสริมสุขภาพผู้สูงอายุ", "60,000.00", "58,900.00", "ผู้สูงอายุเข้าร่วม ๑๕๐ คน"),
)


def _o7_report(rows_year: str, span: bool) -> str:
    rows = "".join(f"<tr><td>{i}</td><td>{p} ประจำปี {rows_year}</td><td>{b}</td><td>{s}</td><td>ดำเนินการแล้ว</td>"
                   f"<td>{r}</td></tr>" for i, (p, b, s, r) in enumerate(_REPORT_ROWS, 1))
    return ("<html><body><p>รายงานผลการดำเนินงาน</p><p>ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</p><p>องค์การบริหารส่วนตำบลโคกสูง</p>"
            + ("<p>(๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘)</p>" if span else "")
            + f"<p>ผลการดำเนินงานตามแผนพัฒนาท้องถิ่น ประจำปีงบประมาณ พ.ศ. {rows_year}</p><table><tr><th>ที่</th>"
            "<th>โครงการ</th><th>งบประมาณตามข้อบัญญัติ (บาท)</th><th>เบิกจ่ายจริง (บาท)</th><th>ผลการดำเนินงาน</th>"
            "<th>ผลที่ได้รับ</th></tr>" + rows + "</table><p>ปัญหาและอุปสรรค</p>"
            "<p>๑. งบประมาณไม่เพียงพอต่อความต้องการของประชาชน</p><p>ข้อเสนอแนะ</p>"
            "<p>๑. จัดลำดับความสำคัญของโครงการให้สอดคล้องกับงบประมาณ</p></body></html>")


@pytest.mark.parametrize(("rows_year", "span", "codes"), [
    ("๒๕๖๗", True, ["body_year_earlier"]),  # the cover's span is the title's: the body is all of ๒๕๖๗
    ("๒๕๖๗", False, ["body_year_earlier"]),
    ("๒๕๖๘", True, []),
    ("๒๕๖๘", False, []),
])
def test_a_covers_span_of_its_own_year_is_the_titles_not_the_bodys(rows_year: str, span: bool,
                                                                   codes: list[str]) -> None:
    """"ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ / องค์การบริหารส่วนตำบลโคกสูง / (๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘)" restates the
    heading's year past its third line: last year's report under it is still told (review75 a02)."""
    f = finding_from_html("O7", _o7_report(rows_year, span), "https://www.nongbua.go.th/files/o7.html", 2569,
                          agency="องค์การบริหารส่วนตำบลโคกสูง")
    assert [r.code for r in f.reasons if r.severity is not Status.PASS] == codes
    assert f.status is (Status.REVIEW if codes else Status.PASS)


def _o24_report(suggestion: str) -> str:
    return ("<html><body><p>รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</p>"
            "<p>องค์การบริหารส่วนจังหวัดมหาสารคาม</p><table><tr><th>ที่</th>"
            "<th>โครงการ/กิจกรรม ตามแผนปฏิบัติการป้องกันการทุจริต</th><th>ผลการดำเนินงาน</th><th>งบประมาณที่ใช้ (บาท)</th></tr>"
            "<tr><td>๑</td><td>โครงการอบรมคุณธรรมจริยธรรมผู้บริหาร สมาชิกสภา และพนักงาน</td>"
            "<td>ดำเนินการแล้ว เมื่อวันที่ ๒๐ ธ.ค. ๒๕๖๖ ผู้เข้าร่วม ๑๘๑ คน</td><td>๙๘,๗๐๐.๐๐</td></tr>"
            "<tr><td>๒</td><td>กิจกรรมประกาศเจตนารมณ์ต่อต้านการทุจริต</td><td>ดำเนินการแล้ว เมื่อวันที่ ๘ ธ.ค. ๒๕๖๖</td>"
            "<td>ไม่ใช้งบประมาณ</td></tr><tr><td>๓</td><td>โครงการสภา อบจ. สัญจรรับฟังความคิดเห็นประชาชน</td>"
            "<td>ดำเนินการแล้ว มิ.ย. ๒๕๖๗ ผู้เข้าร่วม ๕๔๐ คน</td><td>๖๑,๙๐๐.๐๐</td></tr></table><p>ปัญหาและอุปสรรค</p>"
            "<p>โครงการตามแผน ๒ โครงการไม่ได้ดำเนินการเนื่องจากไม่ได้รับจัดสรรงบประมาณ</p>"
            f"<p>ข้อเสนอแนะ</p><p>{suggestion}</p><p>รายงาน ณ วันที่ ๑๑ ตุลาคม ๒๕๖๗</p>"
            "<p>(นายวิชัย ศรีสุข)</p><p>นายกองค์การบริหารส่วนจังหวัดมหาสารคาม</p></body></html>")


@pytest.mark.parametrize(("suggestion", "codes"), [
    ("ตั้งงบประมาณโครงการป้องกันการทุจริตในข้อบัญญัติงบประมาณปี ๒๕๖๘ ให้ครบตามแผน", ["dates_earlier"]),
    ("ในปีงบประมาณ ๒๕๖๘ ควรตั้งงบประมาณโครงการป้องกันการทุจริตให้ครบตามแผน", ["dates_earlier"]),
    ("โครงการที่ดำเนินการในปี ๒๕๖๘ ได้รับความร่วมมือจากประชาชน", []),  # told as done in ๒๕๖๘: the body's own year
])
def test_a_year_a_reports_suggestion_looks_ahead_to_is_not_its_own(suggestion: str, codes: list[str]) -> None:
    """FY2567's report retitled "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘": the only ๒๕๖๘ of its body is what is to be done in it
    (review76 g04)."""
    f = finding_from_html("O24", _o24_report(suggestion), "https://www.nongbua.go.th/files/o24.html", 2569,
                          agency="องค์การบริหารส่วนจังหวัดมหาสารคาม")
    assert [r.code for r in f.reasons if r.severity is not Status.PASS] == codes
