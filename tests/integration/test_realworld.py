"""End to end on the shapes Thai agency sites really publish OIT evidence in: viewers, Drive, list pages,
vendor CMSs, e-GP, social media and scans (docs/real-world-sites.md).

A fixture site (fixtures/realworld/: one folder per host plus routes.toml for query strings, redirects
and content types) is served on 127.0.0.1, one small server per host, and `HostMapTransport` sends each
agency host, drive.google.com, accounts.google.com … to its server, so every URL in the pages is the
real-looking one. Nothing leaves the machine: a request for any other host fails at once and is recorded.

Every agency below submits one URL for one item; each test asserts the exact document the pipeline
reached and the verdict. The documents are the corpus's real Thai files (see fixtures/realworld/README.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

from oit_checker.extract import ocr
from oit_checker.follow.choose import FollowSettings
from oit_checker.model import (
    AgencyResult,
    DocKind,
    Finding,
    Retrieved,
    Status,
)
from tests.support.realworld_site import (
    BANKLONG,
    CMAREA,
    CMAREA_PDF,
    PHU,
    PLAN_PDF_ROIET,
    ROIET,
    SONG,
    SUBMITTED,
    run,
    serve_site,
)


@pytest.fixture(scope="module")
def site() -> Iterator[dict[str, str]]:
    with serve_site() as bases:
        yield bases


@pytest.fixture(scope="module")
def checked(site: dict[str, str]) -> tuple[dict[str, AgencyResult], list[str]]:
    strays: list[str] = []
    result = run(SUBMITTED, site, strays)
    return {a.agency.slug: a for a in result.agencies}, strays


# ---------------------------------------------------------------- helpers


def finding(checked: tuple[dict[str, AgencyResult], list[str]], slug: str, item: str = "O25") -> Finding:
    return next(f for f in checked[0][slug].findings if f.item == item)


def retrieved(checked: tuple[dict[str, AgencyResult], list[str]], slug: str, item: str = "O25") -> list[Retrieved]:
    return [g for t in checked[0][slug].trails[item] for g in t.retrieved]


def documents(checked: tuple[dict[str, AgencyResult], list[str]], slug: str, item: str = "O25"
              ) -> list[tuple[str, DocKind]]:
    """(URL asked for, kind) of every non-HTML document read: the files the pipeline reached."""
    return [(g.fetched.url, g.document.kind) for g in retrieved(checked, slug, item)
            if g.document is not None and g.document.kind is not DocKind.HTML]


def pages(checked: tuple[dict[str, AgencyResult], list[str]], slug: str, item: str = "O25") -> list[str]:
    return [g.fetched.url for g in retrieved(checked, slug, item)
            if g.document is not None and g.document.kind is DocKind.HTML]


def codes(f: Finding, *, all_: bool = False) -> set[str]:
    return {r.code for r in f.reasons if all_ or r.severity is not Status.PASS}


def reason(f: Finding, code: str):  # type: ignore[no-untyped-def]
    return next(r for r in f.reasons if r.code == code)


# ---------------------------------------------------------------- 1. viewers


def test_nothing_left_the_machine(checked: tuple[dict[str, AgencyResult], list[str]]) -> None:
    assert checked[1] == []


def test_wordpress_flowpaper_iframe_is_unwrapped_and_its_pdf_read(checked: Any) -> None:
    f = finding(checked, "wp-flowpaper")
    assert documents(checked, "wp-flowpaper") == [(PLAN_PDF_ROIET, DocKind.PDF)]
    link = next(g.link for g in retrieved(checked, "wp-flowpaper") if g.fetched.url == PLAN_PDF_ROIET)
    assert link is not None and link.via == "viewer:flowpaper"
    assert f.status is Status.PASS, f.reasons
    assert {r.detail.get("component") for r in f.found if r.code == "component_found"} == {
        "projects", "budget", "period"}


def test_wordpress_post_is_read_from_its_wp_json_twin(checked: Any) -> None:
    f = finding(checked, "wp-flowpaper")
    note = reason(f, "wordpress_record")
    assert note.severity is Status.PASS and "2025-10-02T09:00:00" in note.message_en
    assert note.evidence[0].url == f"{ROIET}/wp-json/wp/v2/posts/5821"
    [page] = [g.document for g in retrieved(checked, "wp-flowpaper") if g.depth == 0]
    assert page is not None
    # The record's own title, and none of the theme: the sidebar's "งบประมาณ (บาท) … ระยะเวลาดำเนินการ"
    # would otherwise evidence components the post does not hold.
    assert page.title == "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569"
    assert "ข่าวล่าสุด" not in page.text and "ระยะเวลาดำเนินการ" not in page.text


def test_the_rest_records_asked_for_stay_with_the_finding_read_or_refused(checked: Any) -> None:
    """A later night that does not follow the links again must ask these again too (engine/reuse.py
    `Prior.replay_urls`): a record refused tonight may be served tomorrow, and change the reading."""
    read = dict(finding(checked, "wp-flowpaper").also_asked)
    assert list(read) == [f"{ROIET}/wp-json/wp/v2/posts/5821"] and len(read[f"{ROIET}/wp-json/wp/v2/posts/5821"]) == 64
    refused = finding(checked, "ead").also_asked
    assert [answer for _, answer in refused] == ["401 login_wall", "404"]
    assert all("wp-json" in url or "rest_route" in url for url, _ in refused)


def test_embed_any_document_and_docs_viewer_and_download_are_one_fetch(checked: Any) -> None:
    # data-pdf-src (lower-case escapes), //docs.google.com/viewer?url= (upper-case, whole URL escaped) and a
    # raw-Thai download link are one file, fetched once.
    assert documents(checked, "ead") == [(CMAREA_PDF, DocKind.PDF)]
    f = finding(checked, "ead")
    assert f.status is Status.PASS, f.reasons
    # REST API refused (401): the HTML page is read, silently.
    assert "wordpress_record" not in codes(f, all_=True)


def test_google_docs_viewer_iframe_alone_reaches_the_docx(checked: Any) -> None:
    docx = f"{CMAREA}/wp-content/uploads/2025/10/" + quote("แผนปฏิบัติการป้องกันการทุจริต-2569.docx")
    assert documents(checked, "gdocs") == [(docx, DocKind.DOCX)]
    link = next(g.link for g in retrieved(checked, "gdocs") if g.fetched.url == docx)
    assert link is not None and link.via == "viewer:gdocs"
    assert finding(checked, "gdocs").status is Status.PASS


def test_object_data_and_image_only_download_button(checked: Any) -> None:
    pdf = "https://www.assys-demo.go.th/docs/file/ita_o25_2569.pdf"
    assert documents(checked, "assys-detail") == [(pdf, DocKind.PDF)]
    assert finding(checked, "assys-detail").status is Status.PASS


def test_dflip_pdfjs_and_embed_are_unwrapped(checked: Any) -> None:
    vias = {g.fetched.url: g.link.via for g in retrieved(checked, "flipbooks") if g.link is not None}
    assert vias == {f"{SONG}/wp-content/uploads/2025/10/flip-plan-2569.pdf": "viewer:dflip",
                    f"{SONG}/files/pdfjs/plan-2569.pdf": "viewer:pdfjs",
                    f"{SONG}/files/embed/plan-2569.docx": "embed"}
    assert sorted(kind for _, kind in documents(checked, "flipbooks")) == [DocKind.DOCX, DocKind.PDF, DocKind.PDF]
    assert finding(checked, "flipbooks").status is Status.PASS


# ---------------------------------------------------------------- 2. Google Drive and Google Sites


def test_google_sites_page_is_read_through_its_embedded_drive_file(checked: Any) -> None:
    canonical = "https://drive.google.com/uc?export=download&id=1GsPlan2569AbCdEfGhIj"
    assert documents(checked, "google-sites") == [(canonical, DocKind.PDF)]
    got = next(g for g in retrieved(checked, "google-sites") if g.fetched.url == canonical)
    assert got.fetched.final_url.startswith("https://drive.usercontent.google.com/download?")
    assert finding(checked, "google-sites").status is Status.PASS


def test_drive_view_link_is_fetched_as_its_canonical_download(checked: Any) -> None:
    assert documents(checked, "drive-file") == [
        ("https://drive.google.com/uc?export=download&id=1GsPlan2569AbCdEfGhIj", DocKind.PDF)]
    f = finding(checked, "drive-file")
    assert f.status is Status.PASS, f.reasons


def test_drive_virus_scan_warning_is_passed_once_like_download_anyway(checked: Any) -> None:
    [(url, kind)] = documents(checked, "drive-big")
    assert (url, kind) == ("https://drive.google.com/uc?export=download&id=1BigPlan2569QrStUvWxYz", DocKind.PDF)
    got = next(g for g in retrieved(checked, "drive-big") if g.fetched.url == url)
    assert "confirm=t" in got.fetched.final_url and "uuid=6f1e2d3c" in got.fetched.final_url
    assert finding(checked, "drive-big").status is Status.PASS


def test_private_drive_file_is_a_sign_in_wall_naming_drive(checked: Any) -> None:
    f = finding(checked, "drive-private")
    assert f.status is Status.FAIL
    assert codes(f) == {"drive_private"}
    assert "sign-in" in reason(f, "drive_private").message_en
    assert documents(checked, "drive-private") == []


def test_google_doc_without_access_is_reported_not_read(checked: Any) -> None:
    f = finding(checked, "docs-no-access")
    assert f.status is Status.FAIL and codes(f) == {"drive_private"}
    assert "You need access" in reason(f, "drive_private").message_en


def test_drive_folder_is_listing_to_review_not_missing(checked: Any) -> None:
    f = finding(checked, "drive-folder")
    assert f.status is Status.REVIEW and codes(f) == {"drive_folder"}
    assert retrieved(checked, "drive-folder") == []


# ---------------------------------------------------------------- 3. generic links


def test_link_whose_text_is_a_cut_url_is_followed_by_its_href(checked: Any) -> None:
    assert documents(checked, "cut-url-text") == [(f"{SONG}/dnm_file/ita/o25_plan.docx", DocKind.DOCX)]
    assert finding(checked, "cut-url-text").status is Status.PASS


def test_image_only_link_to_an_extensionless_endpoint(checked: Any) -> None:
    assert documents(checked, "image-only-link") == [(f"{SONG}/files/get/5521", DocKind.PDF)]
    assert finding(checked, "image-only-link").status is Status.PASS


def test_download_link_known_as_a_document_only_by_its_content_type(checked: Any) -> None:
    assert documents(checked, "content-type-only") == [(f"{SONG}/index.php?mod=doc&id=5522", DocKind.PDF)]
    # "อ่านข่าวอื่น" is not a download link and not about the item: not fetched.
    assert f"{SONG}/index.php?mod=news" not in [g.fetched.url for g in retrieved(checked, "content-type-only")]
    assert finding(checked, "content-type-only").status is Status.PASS


# ---------------------------------------------------------------- 4. depth: index → list → detail → file


def test_vendor_ita_index_to_list_to_detail_to_file_picks_the_fiscal_years_entry(checked: Any) -> None:
    pdf = f"{PHU}/public/list_upload/backend/list_3400/files_3400_1.pdf"
    assert documents(checked, "vendor-ita-index") == [(pdf, DocKind.PDF)]
    assert pages(checked, "vendor-ita-index") == [
        f"{PHU}/public/list/data/index/menu/1620",
        f"{PHU}/public/list/data/index/menu/1598",
        f"{PHU}/public/list/data/detail/id/3400/menu/1598/page/1",
    ]
    depth = {g.fetched.url: g.depth for g in retrieved(checked, "vendor-ita-index")}
    assert depth[pdf] == 3
    assert finding(checked, "vendor-ita-index").status is Status.PASS


def test_vendor_list_page_takes_this_years_entry_not_every_link(checked: Any) -> None:
    urls = [g.fetched.url for g in retrieved(checked, "vendor-list")]
    assert documents(checked, "vendor-list") == [
        (f"{PHU}/public/list_upload/backend/list_3400/files_3400_1.pdf", DocKind.PDF)]
    # The 2568 entry and the 4-year plan 2566-2569 (it covers 2569, but this year's own plan is listed).
    assert not any("/id/3100/" in u or "/id/2800/" in u for u in urls)
    assert not any("/page/2" in u for u in urls)
    assert finding(checked, "vendor-list").status is Status.PASS


def test_as_system_year_page_open_buttons_named_by_their_row(checked: Any) -> None:
    assert pages(checked, "assys-year") == ["https://www.assys-demo.go.th/Pages/ita_year_detail/31",
                                            "https://www.assys-demo.go.th/Pages/ita_detail/77"]
    assert documents(checked, "assys-year") == [("https://www.assys-demo.go.th/docs/file/ita_o25_2569.pdf",
                                                 DocKind.PDF)]
    assert finding(checked, "assys-year").status is Status.PASS


# ---------------------------------------------------------------- 5. URL hygiene


def test_https_that_cannot_connect_falls_back_to_http_and_says_so(checked: Any) -> None:
    [page] = [g for g in retrieved(checked, "https-fails") if g.depth == 0]
    assert page.fetched.url == f"{BANKLONG}/ita-2569/"
    assert page.fetched.final_url == "http://www.banklong-demo.go.th/ita-2569/"
    f = finding(checked, "https-fails")
    note = reason(f, "scheme_fallback")
    assert note.severity is Status.REVIEW and "over https" in note.message_en and "over http" in note.message_en
    # Raw Thai with spaces and its lower-case escaped twin are one file, fetched once; other rows are not taken.
    pdf = "http://www.banklong-demo.go.th/ita-2569/" + quote("ไฟล์/แผนปฏิบัติการ ป้องกันการทุจริต 2569.pdf")
    assert documents(checked, "https-fails") == [(pdf, DocKind.PDF)]
    assert f.status is Status.REVIEW and codes(f) == {"scheme_fallback"}


def test_http_that_cannot_connect_falls_back_to_https_quietly(checked: Any) -> None:
    [page] = [g for g in retrieved(checked, "http-fails") if g.depth == 0]
    assert page.fetched.final_url == f"{ROIET}/archives/5821"
    f = finding(checked, "http-fails")
    # Browsers upgrade a failing http link themselves: recorded as a pass-level remark, not held against the agency.
    note = reason(f, "https_upgraded")
    assert note.severity is Status.PASS and "scheme_fallback" not in {r.code for r in f.reasons}
    assert f.status is Status.PASS and documents(checked, "http-fails") == [(PLAN_PDF_ROIET, DocKind.PDF)]


def test_query_strings_such_as_page_id_are_kept(checked: Any) -> None:
    [page] = [g for g in retrieved(checked, "self-links") if g.depth == 0]
    assert page.fetched.url == "https://spbo-demo.moph.go.th/ket/?page_id=26424"
    assert page.fetched.status == 200


# ---------------------------------------------------------------- 6. placeholders and reused URLs


def test_page_whose_only_links_are_self_and_hash_is_a_placeholder(checked: Any) -> None:
    f = finding(checked, "self-links")
    assert f.status is Status.FAIL
    note = reason(f, "placeholder_link")
    assert note.severity is Status.FAIL
    assert "self" in note.message_en and '"ดาวน์โหลด" → #' in note.message_en
    assert documents(checked, "self-links") == []
    # WordPress with plain permalinks: the record comes from ?rest_route=.
    assert reason(f, "wordpress_record").evidence[0].url == (
        "https://spbo-demo.moph.go.th/ket/?rest_route=/wp/v2/pages/26424")


def test_one_url_under_two_year_labels_is_reported(checked: Any) -> None:
    f = finding(checked, "two-years-one-url")
    note = reason(f, "same_url_two_years")
    assert "2568, 2569" in note.message_en and note.severity is Status.REVIEW
    assert documents(checked, "two-years-one-url") == [("http://www.banklong-demo.go.th/files/plan.pdf",
                                                        DocKind.PDF)]
    assert f.status is Status.REVIEW


def test_one_url_for_two_items_is_reported(checked: Any) -> None:
    f = finding(checked, "one-url-two-items", "O25")
    assert reason(f, "duplicate_url").message_en == "Same URL as O12"
    assert reason(finding(checked, "one-url-two-items", "O12"), "duplicate_url").message_en == "Same URL as O25"


# ---------------------------------------------------------------- 7. years from every clue


def test_slug_and_file_name_say_2568_the_text_says_2569(checked: Any) -> None:
    f = finding(checked, "wp-slug-year")
    assert documents(checked, "wp-slug-year") == [(f"{ROIET}/wp-content/uploads/2025/10/plan-2568-final.pdf",
                                                   DocKind.PDF)]
    assert f.status is Status.PASS, f.reasons
    # The text names the year asked for: the file name's other year is a pass-level remark of its own code.
    note = reason(f, "year_clue_differs")
    assert note.severity is Status.PASS and "file name 2568" in note.message_en and "text 2569" in note.message_en


# ---------------------------------------------------------------- 8. external systems


def test_egp_link_submitted_for_procurement_is_evidence_to_review(checked: Any) -> None:
    f = finding(checked, "egp-submitted", "O12")
    assert f.status is Status.REVIEW and codes(f) == {"egp_link"}
    assert retrieved(checked, "egp-submitted", "O12") == []


def test_procurement_page_of_egp_links_is_review_not_missing(checked: Any) -> None:
    f = finding(checked, "egp-page", "O12")
    assert f.status is Status.REVIEW, f.reasons
    assert "egp_link" in codes(f)
    assert all(r.severity is not Status.FAIL for r in f.reasons)


@pytest.mark.parametrize(("slug", "service"), [
    ("egp-for-plan", "e-GP"), ("facebook-submitted", "Facebook"), ("line-submitted", "LINE"),
    ("itas-submitted", "ITAS"),
])
def test_external_systems_are_named_not_fetched(checked: Any, slug: str, service: str) -> None:
    f = finding(checked, slug)
    assert f.status is Status.REVIEW and codes(f) == {"external_system"}
    assert f"({service})" in reason(f, "external_system").message_en
    assert retrieved(checked, slug) == []


def test_cloud_flowpaper_is_a_viewer_only(checked: Any) -> None:
    f = finding(checked, "flowpaper-cloud")
    assert f.status is Status.REVIEW and codes(f) == {"viewer_only"}
    assert retrieved(checked, "flowpaper-cloud") == []


def test_page_pointing_only_into_social_media_names_them(checked: Any) -> None:
    f = finding(checked, "facebook-page")
    assert documents(checked, "facebook-page") == []
    assert "Facebook, LINE" in reason(f, "external_system").message_en
    assert f.status is Status.FAIL  # the content itself is not on the agency's site: the wording says why


def test_private_drive_file_embedded_in_a_page_is_named(checked: Any) -> None:
    f = finding(checked, "google-sites-private")
    note = reason(f, "drive_private")
    assert note.severity is Status.REVIEW  # linked, not submitted: the page could have held the content
    assert f.status is Status.FAIL and {"cover_only", "missing_component"} <= codes(f)
    assert documents(checked, "google-sites-private") == []


# ---------------------------------------------------------------- 9. images and scans


def test_scanned_pdf_goes_to_review_never_missing(checked: Any) -> None:
    f = finding(checked, "wp-scan")
    assert documents(checked, "wp-scan") == [
        (f"{ROIET}/wp-content/uploads/2025/10/Scan2025-10-16_105945.pdf", DocKind.PDF)]
    assert f.status is Status.REVIEW
    assert "no_text" in codes(f)
    assert all(r.severity is not Status.FAIL for r in f.reasons)


def test_announcement_posted_as_a_picture_goes_to_review(checked: Any) -> None:
    jpg = f"{ROIET}/wp-content/uploads/2025/10/" + quote("ประกาศ-แผนป้องกันทุจริต-2569.jpg")
    assert documents(checked, "wp-image") == [(jpg, DocKind.IMAGE)]
    f = finding(checked, "wp-image")
    assert f.status is Status.REVIEW
    assert "no_text" in codes(f) and all(r.severity is not Status.FAIL for r in f.reasons)


def _fake_ocr(text: str):  # type: ignore[no-untyped-def]
    def read_pages(body: bytes, kind: DocKind) -> list[str]:
        assert kind is DocKind.PDF and body.startswith(b"%PDF")
        return [text]
    return read_pages


@pytest.mark.parametrize(("ocr_text", "years"), [
    # What tesseract really does to Thai digits (๒๕๖๙ read as ๒๕๒๕): the year becomes another year.
    ("แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๒๕ โครงการ งบประมาณ (บาท) ระยะเวลาดำเนินการ", "2525"),
    ("แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569 โครงการ งบประมาณ (บาท) ระยะเวลาดำเนินการ", "2569"),
])
def test_ocr_text_is_a_quoted_hint_never_a_verdict(site: dict[str, str], monkeypatch: pytest.MonkeyPatch,
                                                    ocr_text: str, years: str) -> None:
    monkeypatch.setattr(ocr, "read_pages", _fake_ocr(ocr_text))
    strays: list[str] = []
    result = run({"wp-scan": SUBMITTED["wp-scan"]}, site, strays, FollowSettings(ocr=True))
    [f] = [x for x in result.agencies[0].findings if x.item == "O25"]
    assert f.status is Status.REVIEW  # a wrong OCR year is no "stale", a right one no "pass"
    hint = reason(f, "ocr_hint")
    assert f"years {years}" in hint.message_en and "title found" in hint.message_en
    assert "no_text" in codes(f) and all(r.severity is not Status.FAIL for r in f.reasons)


@pytest.mark.skipif(not ocr.available(), reason="tesseract with Thai data is not installed (optional extra)")
def test_real_ocr_on_the_corpus_scan_stays_review(site: dict[str, str]) -> None:
    strays: list[str] = []
    result = run({"wp-scan": SUBMITTED["wp-scan"]}, site, strays, FollowSettings(ocr=True))
    [f] = [x for x in result.agencies[0].findings if x.item == "O25"]
    assert f.status is Status.REVIEW and "no_text" in codes(f)
