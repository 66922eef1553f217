"""How a URL failed, in the reason a working group reads: the reason's Thai message describes the failure in
Thai, the fetcher's own details too (a redirect loop, a login, a refused scheme); what a library said stays
as it said it, after the Thai description. The English message and the stored detail keep the English words;
reason codes and statuses do not change with the language."""

from __future__ import annotations

from dataclasses import replace

import httpx
import pytest

from oit_checker.catalogue import reasons
from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
from oit_checker.evaluate.item import access_reason
from oit_checker.evaluate.notes import evaluation_timeout
from oit_checker.fetch.client import Fetcher, FetchSettings, build_client
from oit_checker.model import DocError, Fetched, FetchError, Status
from oit_checker.text import i18n
from tests.support.clock import VirtualTime

SITE = "https://www.example.go.th"


async def _fetch(url: str, handler: object) -> Fetched:
    settings = FetchSettings(retries=0, scheme_fallback=False, max_redirects=3)
    clock = VirtualTime()
    fetcher = Fetcher(build_client(settings, transport=httpx.MockTransport(handler)),  # type: ignore[arg-type]
                      settings, clock=clock, sleep=clock.sleep)
    return await fetcher.fetch(url)


def _loop(request: httpx.Request) -> httpx.Response:
    return httpx.Response(302, headers={"Location": f"{SITE}/a" if request.url.path == "/b" else f"{SITE}/b"})


def _self(request: httpx.Request) -> httpx.Response:
    return httpx.Response(302, headers={"Location": f"{SITE}/self"})


def _hops(request: httpx.Request) -> httpx.Response:
    n = int(request.url.path.strip("/") or 0)
    return httpx.Response(302, headers={"Location": f"{SITE}/{n + 1}"})


def _down(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("[Errno 113] No route to host", request=request)


@pytest.mark.parametrize(("url", "handler", "code", "thai", "english"), [
    (f"{SITE}/a", _loop, "redirect_loop", f"เปลี่ยนทางวนกลับไปที่ {SITE}/a หลังเปลี่ยนทาง 2 ทอด",
     f"redirect loop back to {SITE}/a after 2 hops"),
    (f"{SITE}/self", _self, "redirect_loop", f"เปลี่ยนทางวนกลับไปที่ {SITE}/self หลังเปลี่ยนทาง 1 ทอด",
     f"redirect loop back to {SITE}/self after 1 hop"),  # one hop: not "1 hops"
    (f"{SITE}/0", _hops, "redirect_loop", "เปลี่ยนทางเกิน 3 ทอด", "more than 3 redirects"),
    ("ftp://www.example.go.th/o6.pdf", _loop, "bad_scheme", "ไม่เปิดลิงก์แบบ 'ftp' (ftp://www.example.go.th/o6.pdf)",
     "scheme 'ftp' is not fetched (ftp://www.example.go.th/o6.pdf)"),
])
async def test_the_fetchers_own_words_are_thai_in_the_thai_message(url: str, handler: object, code: str,
                                                                     thai: str, english: str) -> None:
    fetched = await _fetch(url, handler)
    assert fetched.error_detail == english  # stored in English, as before
    reason = access_reason(fetched)
    assert reason is not None and reason.code == code
    assert thai in reason.message_th and english not in reason.message_th
    assert english in reason.message_en
    assert reason.detail["detail"] == english  # the finding's data is unchanged
    assert reason.severity is reasons.specs()[code].severity


async def test_what_a_library_said_stays_after_the_thai_description() -> None:
    fetched = await _fetch(f"{SITE}/o6", _down)
    assert fetched.error is FetchError.CONNECT
    reason = access_reason(fetched)
    assert reason is not None and reason.code == "unreachable" and reason.severity is Status.ERROR
    assert reason.message_th.startswith("เชื่อมต่อเว็บไซต์ไม่ได้ (")
    assert "No route to host" in reason.message_th  # httpx's words, as it said them
    assert reason.message_en.startswith("Could not connect to the site (") and "No route to host" in reason.message_en


@pytest.mark.parametrize(("error", "detail", "quoted"), [
    (FetchError.REFUSED, "127.0.0.1 is a loopback address: not fetched (fetch policy)", False),  # in the message
    (FetchError.BOT_WALL, "HTTP 403: Cloudflare challenge page", True),  # the message does not say what answered
    (FetchError.LOGIN, "HTTP 401: Basic realm=\"intranet\"", True),
])
def test_the_evidence_quotes_the_detail_only_where_the_message_does_not_say_it(
        error: FetchError, detail: str, quoted: bool) -> None:
    fetched = Fetched(url=f"{SITE}/o6", final_url=f"{SITE}/o6", error=error, error_detail=detail)
    reason = access_reason(fetched)
    assert reason is not None and [e.url for e in reason.evidence] == [f"{SITE}/o6"]
    assert [e.snippet for e in reason.evidence] == [detail if quoted else ""]
    assert (detail in reason.message_en) is not quoted  # said once: in the message or in the quote


def test_nested_details_are_reworded_piece_by_piece() -> None:
    detail = ("tls: certificate: self-signed certificate; fetched without verification; "
              "then HTTP 503 after 3 attempts")
    assert i18n.reword("fetch_detail", detail, "th") == \
        "TLS: ใบรับรอง: self-signed certificate จึงเปิดโดยไม่ตรวจใบรับรอง แล้ว HTTP 503 หลังลอง 3 ครั้ง"
    assert i18n.reword("fetch_detail", "http failed (connection refused); https worked", "th") == \
        "http ใช้ไม่ได้ (เซิร์ฟเวอร์ปฏิเสธการเชื่อมต่อ) แต่ https ใช้ได้"
    assert i18n.reword("fetch_detail", "document not complete within 60 s (1.2 MB received)", "th") == \
        "ดาวน์โหลดเอกสารไม่เสร็จภายใน 60 วินาที (ได้รับแล้ว 1.2 MB)"
    assert i18n.reword("fetch_detail", 'HTTP 401: the server asks for a login (Basic realm="x")', "th") == \
        'HTTP 401: เซิร์ฟเวอร์ขอให้เข้าสู่ระบบ (Basic realm="x")'
    assert i18n.reword("fetch_detail", "ReadError: peer closed connection", "th") == "ReadError: peer closed connection"
    assert i18n.reword("fetch_detail", detail, "en") == detail


def test_a_reason_with_words_in_each_language() -> None:
    reason = reasons.make("timeout", detail=reasons.Words("หมดเวลา", "out of time"))
    assert reason.message_th == "เว็บไซต์ตอบช้าเกินกำหนด (หมดเวลา)"
    assert reason.message_en == "The site did not answer in time (out of time)"
    assert reason.detail == {"detail": "out of time"}


def test_a_broken_document_is_described_in_thai_before_what_the_parser_said() -> None:
    from oit_checker.evaluate.item import document_reason
    from oit_checker.extract import extract
    from tests.support.paths import ROOT

    body = (ROOT / "fixtures" / "corpus" / "a3_garuda.pdf").read_bytes()
    doc = extract(body[: len(body) * 4 // 10], f"{SITE}/o6.pdf", "application/pdf")  # a download cut short
    assert doc.error is not None and doc.error_detail
    reason = document_reason(doc)
    assert reason is not None and reason.code == "corrupt_document"
    assert reason.message_th == f"เปิดเอกสารไม่ได้ (ไฟล์เสียหรือรูปแบบผิด: {doc.error_detail})"  # pdfium's words
    assert reason.message_en == f"The document cannot be opened (damaged or malformed: corrupt: {doc.error_detail})"
    assert reason.detail["detail"] == doc.failure
    timeout = document_reason(replace(doc, error=DocError.TIMEOUT, error_detail=""))
    assert timeout is not None and timeout.code == "extract_timeout"
    assert "(อ่านเกินเวลาที่กำหนด)" in timeout.message_th and "(timeout)" in timeout.message_en


def test_an_agency_out_of_time_while_evaluating_is_told_in_thai() -> None:
    items = load_catalogue(catalogue_path_for(2568)).items[:2]
    findings = evaluation_timeout(items, {}, 42.4)
    assert [f.status for f in findings] == [Status.ERROR, Status.ERROR]
    reason = findings[0].reasons[0]
    assert reason.code == "evaluation_timeout"
    assert "หมดระหว่างประเมินเอกสาร (ประเมินได้ 42 วินาที)" in reason.message_th and "agency" not in reason.message_th
    assert "เว็บไซต์" not in reason.message_th  # the site was not slow: our own bound ran out
    assert "agency time budget exhausted while evaluating the documents (42 s)" in reason.message_en
    assert reason.detail["detail"] == "agency time budget exhausted while evaluating the documents (42 s)"


async def test_a_refused_address_names_its_kind_in_thai() -> None:
    """The fetch policy refuses an intranet address before anything is sent; the Thai message says which kind
    of address it is in Thai, the English one as before."""
    got = await _fetch("http://10.0.0.5/ita/o1.html", _down)  # the policy refuses before the transport
    reason = access_reason(got)
    assert reason is not None and reason.code == "refused_private_address"
    assert "เครือข่ายภายใน (private)" in reason.message_th and "is a private" not in reason.message_th
    assert "10.0.0.5 is a private address: not fetched (fetch policy)" in reason.message_en


def test_a_long_crash_is_cut_at_a_word_and_says_it_was_cut() -> None:
    from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
    from oit_checker.evaluate.notes import crashed_findings
    from oit_checker.model import Agency

    cat = load_catalogue(catalogue_path_for(2568))
    said = ("the worker process checking this agency died repeatedly (Attempted to run task 'oit-checker-run7-a0' "
            "on 4 different workers, but all those workers died while running it. " + "Inspecting worker logs " * 12)
    (finding,) = crashed_findings(Agency(name="อบต.ทดสอบ", home=None, items={}, slug="t"), cat, ["O1"],
                                  RuntimeError(said))
    detail = finding.reasons[0].detail["detail"]
    assert isinstance(detail, str) and len(detail) <= 300 and detail.endswith(" …")
    kept = detail.removesuffix(" …")
    assert f"RuntimeError: {said}".startswith(kept) and f"RuntimeError: {said}"[len(kept)] == " "  # a whole word
    short = crashed_findings(Agency(name="อบต.ทดสอบ", home=None, items={}, slug="t"), cat, ["O1"], ValueError("x"))
    assert short[0].reasons[0].detail["detail"] == "ValueError: x"
