"""The pipeline keeps going: a bug met on one URL becomes that URL's finding, the rest is still checked."""

from __future__ import annotations

import asyncio
import gc

import httpx

from oit_checker.engine.pipeline import Checker
from oit_checker.extract import extract
from oit_checker.fetch.client import Fetcher, FetchSettings, build_client
from oit_checker.model import Agency, Catalogue, Component, Confidence, Document, FiscalYearRule, Item, Status
from tests.support.corpus import CORPUS

PLAN_PDF = (CORPUS / "a1_laksaman.pdf").read_bytes()  # a complete anti-corruption plan for FY 2569


class BrokenForOneUrl:
    """An extractor with a bug that only one URL triggers."""

    async def extract(self, body: bytes, url: str, content_type: str = "", charset: str | None = None, *,
                      sha256: str = "") -> Document:
        if "boom" in url:
            raise RuntimeError("extractor bug")
        return extract(body, url, content_type, charset)


def item(item_id: str) -> Item:
    return Item(id=item_id, name_th="แผนปฏิบัติการป้องกันการทุจริต", name_en="Plan", indicator=10,
                sub_indicator="10.1", confidence=Confidence.CONFIRMED, fiscal_year_rule=FiscalYearRule.CURRENT,
                components=(Component("projects", "โครงการ", "Projects", ("โครงการ",)),))


async def test_a_bug_on_one_url_does_not_stop_the_run() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=PLAN_PDF, headers={"Content-Type": "application/pdf"})

    settings = FetchSettings(retries=0)
    async with build_client(settings, transport=httpx.MockTransport(handler)) as client:
        checker = Checker(Fetcher(client, settings), BrokenForOneUrl())  # type: ignore[arg-type]
        agency = Agency(name="อบต.หนองบัว", home=None, items={
            "O25": ("https://www.nongbua.go.th/files/boom.pdf", "https://www.nongbua.go.th/files/plan.pdf"),
            "O23": ("https://www.nongbua.go.th/files/boom2.pdf",),
        })
        catalogue = Catalogue(criteria_year=2569, version="t", source="test", items=(item("O23"), item("O25")))
        result = await checker.check(agency, catalogue, 2569)
    by_item = {f.item: f for f in result.findings}
    # O25's good URL was read and passes its checks; the bug is reported on the bad URL, not raised.
    assert any(r.code == "check_crashed" and "boom.pdf" in r.message_en for r in by_item["O25"].reasons)
    assert "https://www.nongbua.go.th/files/plan.pdf" in by_item["O25"].documents
    assert by_item["O25"].status is Status.REVIEW  # content found, one URL could not be checked
    assert by_item["O23"].status is Status.ERROR and by_item["O23"].reasons[0].code == "check_crashed"


async def test_a_budget_cut_below_the_submitted_url_marks_the_check_incomplete() -> None:
    now = [0.0]
    landing = ('<html><body><div class="content"><h1>แผนปฏิบัติการป้องกันการทุจริต</h1>'
               '<a href="/files/plan.pdf">ดาวน์โหลดเอกสาร</a></div></body></html>').encode()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith(".html"):
            now[0] += 100.0  # the landing page takes the agency's whole time budget
            return httpx.Response(200, content=landing, headers={"Content-Type": "text/html; charset=utf-8"})
        return httpx.Response(200, content=PLAN_PDF, headers={"Content-Type": "application/pdf"})

    settings = FetchSettings(retries=0, scheme_fallback=False)
    async with build_client(settings, transport=httpx.MockTransport(handler)) as client:
        fetcher = Fetcher(client, settings, clock=lambda: now[0])
        checker = Checker(fetcher, BrokenForOneUrl(), agency_budget_s=50.0, clock=lambda: now[0])  # type: ignore[arg-type]
        agency = Agency(name="อบต.หนองบัว", home=None, items={"O25": ("https://www.nongbua.go.th/o25.html",)})
        catalogue = Catalogue(criteria_year=2569, version="t", source="test", items=(item("O25"),))
        result = await checker.check(agency, catalogue, 2569)
    [finding] = result.findings
    pdf = next(x for x in finding.fetches if x.url.endswith("plan.pdf"))
    assert pdf.error == "timeout" and "budget" in pdf.detail and pdf.depth == 1
    assert result.complete is False


async def test_an_agencys_documents_go_when_its_check_ends_without_the_cycle_collector() -> None:
    """The agency's tasks hold the context that holds its scope (pages, documents): the scope lets go of them
    when the check ends, so they are freed then, not at the collector's next full pass."""
    landing = ('<html><body><div class="content"><h1>แผนปฏิบัติการป้องกันการทุจริต</h1>'
               '<a href="/files/plan.pdf">ดาวน์โหลดเอกสาร</a></div></body></html>').encode()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith(".html"):
            return httpx.Response(200, content=landing, headers={"Content-Type": "text/html; charset=utf-8"})
        return httpx.Response(200, content=PLAN_PDF, headers={"Content-Type": "application/pdf"})

    def documents_alive() -> int:
        return sum(1 for o in gc.get_objects() if type(o) is Document)

    settings = FetchSettings(retries=0, scheme_fallback=False)
    gc.collect()
    before = documents_alive()
    gc.disable()
    try:
        async with build_client(settings, transport=httpx.MockTransport(handler)) as client:
            checker = Checker(Fetcher(client, settings), BrokenForOneUrl())  # type: ignore[arg-type]
            agency = Agency(name="อบต.หนองบัว", home=None, items={"O25": ("https://www.nongbua.go.th/o25.html",)})
            catalogue = Catalogue(criteria_year=2569, version="t", source="test", items=(item("O25"),))
            result = await checker.check(agency, catalogue, 2569)
            assert "https://www.nongbua.go.th/files/plan.pdf" in result.findings[0].documents  # both were read
            assert documents_alive() > before
            del checker, result  # the result's trails hold the documents until the result is stored
        for _ in range(3):
            await asyncio.sleep(0)  # the loop runs the callbacks the check's last steps scheduled
        assert documents_alive() == before
    finally:
        gc.enable()
