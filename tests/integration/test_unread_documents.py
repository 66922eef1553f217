"""A page whose document was never read is not a cover page: the follower's depth limit (review, naming the depth
and the link) and a broken download link (fail, naming the URL and its status), end to end on a vendor CMS's
download centre (fixtures/crawler/bankhok/, real Thai pages) served in process."""

from __future__ import annotations

from pathlib import Path

import httpx

from oit_checker.model import Agency, Status
from tests.support.paths import ROOT
from tests.support.spa_site import check, codes, finding

SITE = ROOT / "fixtures" / "crawler" / "bankhok"
HOST = "www.bankhok.go.th"


class Site(httpx.AsyncBaseTransport):
    """The fixture's pages; `download.php` answers 404 as the CMS does for a file that is gone."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        self.paths.append(str(request.url.raw_path, "ascii"))
        file = SITE / path.lstrip("/")
        if request.url.host == HOST and path.endswith(".html") and file.is_file():
            return httpx.Response(200, content=file.read_bytes(), headers={"Content-Type": "text/html; charset=utf-8"})
        body = "<html><head><meta charset=utf-8></head><body>ไม่พบไฟล์</body></html>".encode()
        return httpx.Response(404, content=body, headers={"Content-Type": "text/html; charset=utf-8"})


def _agency(**items: str) -> Agency:
    return Agency(name="เทศบาลตำบลบ้านโคก", home=f"https://{HOST}/",
                  items={k: (f"https://{HOST}{v}",) for k, v in items.items()})


def test_the_fixture_pages_are_the_trial_sites() -> None:
    assert "ดาวน์โหลดไฟล์" in (SITE / "download" / "doc-13.html").read_text(encoding="utf-8")
    assert isinstance(SITE, Path) and len(list(SITE.rglob("*.html"))) == 5


async def test_a_document_past_the_follow_depth_is_review_naming_the_depth_and_the_link() -> None:
    site = Site()
    f = finding(await check([_agency(O7="/ita/o7.html")], site, items=["O7"]), "O7")
    # o7 → o7-more → cat-report → doc-13 (depth 3) → download.php?id=13, not fetched.
    assert "/download.php?id=13" not in site.paths
    assert f"https://{HOST}/download/doc-13.html" in f.documents
    # Before: fail cover_only ("publish the full document, not just its cover").
    assert f.status is Status.REVIEW, f.reasons
    got = codes(f)
    assert "cover_only" not in got and got["follow_depth_reached"] == "review"
    reason = next(r for r in f.reasons if r.code == "follow_depth_reached")
    link = f"https://{HOST}/download.php?id=13"
    assert "ความลึก 3 ชั้น" in reason.message_th and link in reason.message_th
    assert "depth 3" in reason.message_en and link in reason.message_en
    assert all(r.severity is not Status.FAIL for r in f.reasons)


async def test_a_detail_page_whose_download_answers_404_names_the_link_and_fails() -> None:
    site = Site()
    f = finding(await check([_agency(O6="/download/doc-11.html")], site, items=["O6"]), "O6")
    assert "/download.php?id=99" in site.paths
    assert f.status is Status.FAIL, f.reasons
    got = codes(f)
    assert "cover_only" not in got and got["document_link_broken"] == "fail"
    reason = next(r for r in f.reasons if r.code == "document_link_broken")
    for message in (reason.message_th, reason.message_en):
        assert f"https://{HOST}/download.php?id=99" in message and "HTTP 404" in message
