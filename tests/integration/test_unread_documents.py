"""A page whose document was never read is not a cover page: the follower's depth limit (review, naming the depth
and the link) and a broken download link (fail, naming the URL and its status), end to end on a vendor CMS's
download centre (fixtures/crawler/bankhok/, real Thai pages) served in process."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from oit_checker.model import Agency, Finding, Status
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


# ---------------------------------------------------------------- what a page shows inside it (review67)

REVIEW67 = ROOT / "fixtures" / "pages" / "review67"
KHOKSUNG = "www.khoksung.go.th"
_TYPES = {".pdf": "application/pdf", ".html": "text/html; charset=utf-8", ".jpg": "image/jpeg"}


class Shown(httpx.AsyncBaseTransport):
    """The page at /ita/page.html; what it shows (an embed, a Drive frame, a meta refresh's target, a picture) at any
    URL starting with `prefix` (host + path), else 404."""

    def __init__(self, page: str, prefix: str, target: Path | None) -> None:
        self.page, self.prefix, self.target = REVIEW67 / page, prefix, target
        self.asked: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.asked.append(str(request.url))
        where = f"{request.url.host}{request.url.path}"
        file = self.page if where == f"{KHOKSUNG}/ita/page.html" else \
            self.target if where.startswith(self.prefix) and self.target is not None else None
        if file is None:
            return httpx.Response(404, content=b"<html><body>404 Not Found</body></html>",
                                  headers={"Content-Type": "text/html"})
        return httpx.Response(200, content=file.read_bytes(), headers={"Content-Type": _TYPES[file.suffix]})


async def _shown(item: str, year: int, page: str, prefix: str, target: Path | None) -> tuple[Shown, Finding]:
    from datetime import date

    from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
    from oit_checker.engine.session import run_agencies
    from tests.support.spa_site import options

    site = Shown(page, prefix, target)
    agency = Agency(name="องค์การบริหารส่วนตำบลโคกสูง", home=f"https://{KHOKSUNG}/",
                    items={item: (f"https://{KHOKSUNG}/ita/page.html",)})
    run = await run_agencies([agency], load_catalogue(catalogue_path_for(year)), year,
                             replace(options(), as_of=date(year - 543, 5, 15)), item_ids=[item], transport=site)
    return site, finding(run, item)


@pytest.mark.parametrize(("item", "year", "page", "prefix", "target", "status"), [
    # the Drive viewer in a frame: the file fetched through Drive's download URL; a scan behind it is review
    ("O7", 2569, "a10_review_o7_gdrive_iframe.html", "drive.google.com/uc", "b01_review_o20_scanned_no_text.pdf",
     Status.REVIEW),
    ("O20", 2569, "a11_review_o20_pdf_embed.html", f"{KHOKSUNG}/files/ita2569/o20_nogift_2569.pdf",
     "c01_good_o20_compact_declaration.pdf", Status.PASS),  # <embed src> read: the declaration passes
    ("O3", 2568, "a13_review_o3_meta_refresh.html", f"{KHOKSUNG}/index.php/contact-us",
     "c10_good_o3_2568_english_contact.html", Status.PASS),  # the meta refresh's target is the page judged
    ("O20", 2569, "a15_review_o20_post_title_plus_image.html", f"{KHOKSUNG}/uploads/",
     "../../realworld/files/announcement-2569.jpg", Status.REVIEW),  # the post's one picture is fetched: no_text
    ("O20", 2569, "a11_review_o20_pdf_embed.html", f"{KHOKSUNG}/files/", None, Status.FAIL),  # the embed answers 404
], ids=["drive_frame", "embed", "meta_refresh", "image", "embed_404"])
async def test_what_a_page_shows_inside_it_is_fetched_and_judged(item: str, year: int, page: str, prefix: str,
                                                                  target: str | None, status: Status) -> None:
    site, f = await _shown(item, year, page, prefix, REVIEW67 / target if target else None)
    assert any(url.startswith(f"https://{prefix}") for url in site.asked), site.asked
    assert f.status is status, f.reasons
    if status is not Status.PASS:
        assert "cover_only" not in codes(f)  # what it shows was read (or answered 404), so the page is no cover
    if target is None:
        assert codes(f)["document_link_broken"] == "fail"
