"""links.extract_links on hand-written copies of the ways Thai agency pages link their documents: behind
viewers (FlowPaper, PDF.js, Google Docs), in Drive links, under generic texts ("คลิก", "ดาวน์โหลด"), as images.

Each fixture page asserts the EXACT (url, via) list: what the crawler is offered, in document order,
after unwrapping viewers, canonicalising Drive and dropping placeholders.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from selectolax.lexbor import LexborHTMLParser

from oit_checker.html.links import extract_links, is_generic_text, placeholder_links, scan_page
from oit_checker.model import Link
from tests.support.paths import ROOT

PAGES = ROOT / "fixtures" / "pages"
CORPUS = ROOT / "fixtures" / "corpus"


def q(text: str) -> str:
    """Percent-encode the Thai and spaces of an expected URL (upper-case escapes, like normalize_url)."""
    return quote(text, safe="/:?=&%@+,;!$'()*~")


def load(name: str) -> LexborHTMLParser:
    return LexborHTMLParser((PAGES / f"{name}.html").read_text("utf-8"))


def pairs(links: tuple[Link, ...]) -> list[tuple[str, str]]:
    return [(link.url, link.via) for link in links]


def by_url(links: tuple[Link, ...], url: str) -> Link:
    return next(link for link in links if link.url == url)


ROIET = "https://www.roietmunicipal.go.th/roiet"
ROIET_PDF = f"{ROIET}/wp-content/uploads/2023/12/" + q("4.2-ประกาศรับสมัคร-หอโหวด-18ธค66_compressed.pdf")
CMAREA3_PDF = "https://www.cmarea3.go.th/2567/wp-content/uploads/2025/11/" + q(
    "งวด-1-รายงานงบทดลองประจำเดือน-ตุลาคม-68.pdf"
)
NONSAARD = "https://www.nonsaard.go.th"
SAKAEO = "https://www.sakaeoschool.ac.th"
HUAFAI = "https://huafai.loei1.go.th"
PHU = "https://www.phukradungsao.go.th"
ANUBAN = "https://www.anubanjombueng.ac.th"
NOONKOON = "http://www.noonkoon.go.th/" + q("hpaโนนคูณ")
SPBO3 = "https://spbo3.moph.go.th/ket"

# fixture name → (the URL the page was fetched from, exact [(url, via)] expected)
CASES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    # WordPress post, FlowPaper plugin iframe: `src = "…?pdf=<raw Thai URL>?wp-hosted=1&title=&…"`.
    "wp_flowpaper_post": (
        f"{ROIET}/archives/5821",
        [
            (f"{ROIET}/wp-content/themes/astra/assets/css/minified/main.min.css?ver=4.1.5", "link"),
            (f"{ROIET}/wp-json/", "link"),
            (f"{ROIET}/wp-json/wp/v2/posts/5821", "link"),
            (f"{ROIET}/?p=5821", "link"),
            (f"{ROIET}/wp-includes/js/jquery/jquery.min.js?ver=3.7.0", "script"),
            (f"{ROIET}/", "a"),
            (f"{ROIET}/?page_id=29", "a"),
            (f"{ROIET}/category/" + q("ข่าวประชาสัมพันธ์") + "/", "a"),
            (f"{ROIET}/ita-2567/", "a"),
            (f"{ROIET}/archives/author/admin", "a"),
            (ROIET_PDF, "viewer:flowpaper"),
            (f"{ROIET}/wp-content/uploads/2023/12/" + q("ใบสมัคร.docx"), "a"),
            ("https://www.facebook.com/roietmunicipal", "a"),
        ],
    ),
    # Cloud FlowPaper carries no file: kept as the viewer URL, marked viewer-only.
    "flowpaper_cloud": (
        "https://plantprop.doae.go.th/?page_id=70",
        [
            ("https://plantprop.doae.go.th/wp-json/wp/v2/pages/70", "link"),
            ("https://plantprop.doae.go.th/", "a"),
            ("https://publ.flowpaper.com/0b6e1d2c/Annual-Report-2567/", "viewer-only:flowpaper"),
            ("https://online.flowpaper.com/5f3a9c21/Summary2567/", "viewer-only:flowpaper"),
        ],
    ),
    # cmarea3: EAD `data-pdf-src` (lower-case escapes), `//docs.google.com/viewer?url=` (upper-case),
    # and raw-Thai download links: one file.
    "ead_gdocs_viewer": (
        "https://www.cmarea3.go.th/2567/?p=18840",
        [
            (
                "https://www.cmarea3.go.th/2567/wp-content/plugins/embed-any-document/css/embed-public.min.css"
                "?ver=2.7.4",
                "link",
            ),
            ("https://www.cmarea3.go.th/2567/wp-json/wp/v2/posts/18840", "link"),
            ("https://www.cmarea3.go.th/2567/", "a"),
            ("https://www.cmarea3.go.th/2567/" + q("รายงานการเงิน") + "/", "a"),
            (CMAREA3_PDF, "viewer:ead"),
        ],
    ),
    # AS System: `<base href>`, `<object data="docs/file/…pdf">`, image-only `<a download onclick>`.
    "assystem_object_download": (
        f"{NONSAARD}/Pages/ita_detail/1716",
        [
            (f"{NONSAARD}/assets/bootstrap/css/bootstrap.min.css", "link"),
            (f"{NONSAARD}/assets/images/favicon.ico", "link"),
            (f"{NONSAARD}/assets/js/jquery-3.5.1.min.js", "script"),
            (f"{NONSAARD}/Pages/home", "a"),
            (f"{NONSAARD}/Pages/history", "a"),
            (f"{NONSAARD}/Pages/structure", "a"),
            (f"{NONSAARD}/Pages/ita_all", "a"),
            (f"{NONSAARD}/Pages/ita_year/2568", "a"),
            (f"{NONSAARD}/docs/file/ita_o12_2568_1716.pdf", "object"),
            (f"{NONSAARD}/docs/img/ita_1716_1.jpg", "a"),
        ],
    ),
    # AS System ITA year page: every button says "เปิด".
    "assystem_ita_year_detail": (
        f"{NONSAARD}/Pages/ita_year_detail/41",
        [
            (f"{NONSAARD}/Pages/structure", "a"),
            (f"{NONSAARD}/Pages/executive", "a"),
            (f"{NONSAARD}/docs/file/ita_o2_2568_1690.pdf", "a"),
            (f"{NONSAARD}/docs/file/ita_o3_2568_1691.pdf", "a"),
        ],
    ),
    # DearFlip for WordPress (PDF in `window.option_df_N` JSON) and a plain `_df_book source=`.
    "dflip_flipbook": (
        f"{SAKAEO}/oit2023-ita2023/o25-action-plan/",
        [
            (f"{SAKAEO}/wp-content/plugins/3d-flipbook-dflip-lite/assets/css/dflip.min.css?ver=2.3.57", "link"),
            (f"{SAKAEO}/wp-content/plugins/3d-flipbook-dflip-lite/assets/js/dflip.min.js?ver=2.3.57", "script"),
            (f"{SAKAEO}/wp-content/uploads/2024/11/" + q("O25-แผนปฏิบัติการ-2568.pdf"), "viewer:dflip"),
            (f"{SAKAEO}/wp-content/uploads/2025/04/" + q("O26-รายงานรอบ6เดือน.pdf"), "viewer:dflip"),
        ],
    ),
    # pdf.js viewer: encoded absolute `file=`, and a relative one resolved against the viewer.
    "pdfjs_viewer": (
        "https://www.doa.go.th/human/?page_id=1520",
        [
            ("https://www.doa.go.th/human/wp-content/uploads/2024/10/" + q("O10-แผนดำเนินงาน-2568.pdf"), "viewer:pdfjs"),
            ("https://www.doa.go.th/human/wp-content/uploads/2025/04/O11-report-6m.pdf", "viewer:pdfjs"),
        ],
    ),
    # Google Sites: Drive embed containers (data-embed-*), preview iframes (one lazy), a Doc, a folder.
    "google_sites_drive": (
        f"{HUAFAI}/ita-2568/o27-หลกเกณฑการบรหารและพฒนาทรพยากรบคคล",
        [
            ("https://fonts.googleapis.com/css?family=Sarabun%3A400%2C700&display=swap", "link"),
            (f"{HUAFAI}/home", "a"),
            (f"{HUAFAI}/ita-2568", "a"),
            (f"{HUAFAI}/ita-2568/" + q("o28-รายงานผลการบรหารและพฒนาทรพยากรบคคล"), "a"),
            ("https://drive.google.com/uc?export=download&id=1qZk3M8vR2xYtB7nLp4WcD9sHfJ6gE0aU", "drive"),
            (
                "https://docs.google.com/document/d/1Hn5TgW8pLc2VxK9rQm4ZsB7dYf3JeA6u/export?format=pdf",
                "drive",
            ),
            ("https://drive.google.com/drive/folders/1Bv8XcN2mKq5RtY7wPz3LhG9sDf4JaE1o", "drive-folder"),
            ("https://www.google.com/u/0/recaptcha/admin", "a"),
        ],
    ),
    # forest.go.th shape: Drive folder, open?id= and file/d/ of one file, uc?id=, usercontent, Sheets.
    "drive_links": (
        "https://www.forest.go.th/it/index.php/ita-2568/operation",
        [
            ("https://www.forest.go.th/it/templates/protostar/favicon.ico", "link"),
            ("https://drive.google.com/drive/folders/1oP4sLk7QwE2rTy9UiZx5CvB3nMh8GjF0", "drive-folder"),
            ("https://drive.google.com/uc?export=download&id=1FjR6tYu2IoP9lKm4NbV7cXz3AsD5gH8q", "drive"),
            ("https://drive.google.com/uc?export=download&id=1wE9rTy3UiO6pAs2DfG8hJk4LzX7cVb5n", "drive"),
            ("https://drive.google.com/uc?export=download&id=1mN6bVc3XzA8sDf2GhJ9kLq5WeR7tYu4i", "drive"),
            (
                "https://docs.google.com/spreadsheets/d/1cT7xgYv4qA2LmZ0pRb8NwH3sKdJ9fEuV6iOaQy5WzTk"
                "/export?format=xlsx",
                "drive",
            ),
        ],
    ),
    # "inthai.info" LAO product: list → detail entries, thumbnails in anchors, e-GP, Facebook.
    "vendor_list_inthai": (
        f"{PHU}/public/list/data/index/menu/1597",
        [
            (f"{PHU}/public/template/inthai/css/style.css", "link"),
            (f"{PHU}/public/template/inthai/js/jquery.min.js", "script"),
            (f"{PHU}/", "a"),
            (f"{PHU}/public/list/data/index/menu/1585", "a"),
            (f"{PHU}/public/list/data/index/menu/1586", "a"),
            (f"{PHU}/public/list/data/index/menu/1598", "a"),
            (f"{PHU}/public/list/data/index/menu/1620", "a"),
            (f"{PHU}/public/list/data/detail/id/3348/menu/1597/page/1", "a"),
            (f"{PHU}/public/list/data/detail/id/2971/menu/1597/page/1", "a"),
            (f"{PHU}/public/list/data/index/menu/1597/page/2", "a"),
            (
                "http://process3.gprocurement.go.th/egp2procmainWeb/jsp/procsearch.sch?pid=67109345789"
                "&servlet=gojsp&proc_id=ShowHTMLFile&processFlows=Procure",
                "a",
            ),
            (f"{PHU}/public/rss/egp/listegp/menu/1587", "a"),
            ("https://www.facebook.com/profile.php?id=100064567891234", "a"),
            ("https://www.messenger.com/t/100064567891234", "a"),
        ],
    ),
    # Generic link texts: ดาวน์โหลดเอกสาร, รายละเอียด 1/2, เปิด, คลิก, คลิกที่นี่.
    "generic_link_texts": (
        f"{ANUBAN}/ita-2564/",
        [
            (f"{ANUBAN}/wp-content/uploads/2022/04/" + q("O1-โครงสร้าง.pdf"), "a"),
            (f"{ANUBAN}/wp-content/uploads/2022/04/O2-executive.pdf", "a"),
            (f"{ANUBAN}/wp-content/uploads/2022/04/O2-executive-2.pdf", "a"),
            (f"{ANUBAN}/wp-content/uploads/2022/04/O3.pdf", "a"),
            (f"{ANUBAN}/wp-content/uploads/2022/05/O4-plan.pdf", "a"),
            (f"{ANUBAN}/?page_id=12", "a"),
        ],
    ),
    # song.go.th/ita.php: URLs as link texts, cut short with "..." and "…"; the home page listed too.
    "truncated_url_text": (
        "https://www.song.go.th/ita.php",
        [
            ("https://www.song.go.th/css/style.css", "link"),
            ("https://www.song.go.th/", "a"),
            ("https://www.song.go.th/dnm_file/ita/6712030931_1.pdf", "a"),
            ("https://www.song.go.th/structure.php?id=2", "a"),
            ("https://www.song.go.th/dnm_file/ita/6712030931_2.pdf", "a"),
        ],
    ),
    # One file spelled raw, lower- and upper-case encoded, relative, with ../, default port, fragment.
    "thai_url_forms": (
        "http://www.noonkoon.go.th/hpaโนนคูณ/ita.html",
        [
            (f"{NOONKOON}/index.html", "a"),
            (f"{NOONKOON}/ita/2568/" + q("ข้อ 42.2.pdf"), "a"),
            (f"{NOONKOON}/ita/2568/" + q("มาตรการ ป้องกันการทุจริต.pdf"), "a"),
            (f"{NOONKOON}/ita/2568/" + q("รายงาน") + "%25" + q("ผล.pdf"), "a"),
        ],
    ),
    # spbo3: every item links to the page itself, "#", javascript:void(0); two hide the URL in JS.
    "placeholders_self": (
        f"{SPBO3}/?page_id=26424",
        [
            (f"{SPBO3}/", "a"),
            (f"{SPBO3}/?page_id=26101", "a"),
            (f"{SPBO3}/wp-content/uploads/2025/11/MOIT2-2.pdf", "onclick"),
            (f"{SPBO3}/wp-content/uploads/2025/11/MOIT2-3.pdf", "onclick"),
            (f"{SPBO3}/wp-content/uploads/2025/11/MOIT2-4.pdf", "a"),
            ("https://line.me/R/ti/p/@ketsso", "a"),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_exact_links(name: str) -> None:
    page_url, expected = CASES[name]
    assert pairs(extract_links(load(name), page_url)) == expected


def test_every_fixture_page_is_covered() -> None:
    assert {p.stem for p in PAGES.glob("*.html")} == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_urls_are_absolute_normalized_and_unique(name: str) -> None:
    page_url, _ = CASES[name]
    links = extract_links(load(name), page_url)
    urls = [link.url for link in links]
    assert len(urls) == len(set(urls))
    for url in urls:
        assert url.startswith(("http://", "https://"))
        assert url.isascii() and " " not in url and "#" not in url


# ---------------------------------------------------------------- texts, download flags, placeholders


def test_flowpaper_inner_anchor_is_iframe_text_not_a_link() -> None:
    # The plugin's fallback <a> sits inside <iframe>, which HTML parses as text: no second entry.
    links = extract_links(load("wp_flowpaper_post"), f"{ROIET}/archives/5821")
    assert sum("flowpaper.com" in link.url for link in links) == 0
    assert [link.via for link in links].count("viewer:flowpaper") == 1


def test_ead_merges_three_spellings_and_keeps_download_and_best_text() -> None:
    links = extract_links(load("ead_gdocs_viewer"), "https://www.cmarea3.go.th/2567/?p=18840")
    pdf = by_url(links, CMAREA3_PDF)
    assert pdf.download is True
    # "Embedded Document" and "Open in new tab" are plugin boilerplate; the person-written text wins.
    assert pdf.text == "ดาวน์โหลด [287.50 KB]"


def test_image_only_download_button_merges_into_object() -> None:
    links = extract_links(load("assystem_object_download"), f"{NONSAARD}/Pages/ita_detail/1716")
    pdf = by_url(links, f"{NONSAARD}/docs/file/ita_o12_2568_1716.pdf")
    assert (pdf.via, pdf.download) == ("object", True)


def test_image_only_anchor_text_from_img_alt() -> None:
    links = extract_links(load("vendor_list_inthai"), f"{PHU}/public/list/data/index/menu/1597")
    assert by_url(links, "https://www.facebook.com/profile.php?id=100064567891234").text == "Facebook"
    # the thumbnail anchor (alt="") comes first; the titled anchor to the same detail page supplies the text
    detail = by_url(links, f"{PHU}/public/list/data/detail/id/3348/menu/1597/page/1")
    assert detail.text.startswith("ประกาศเจตนารมณ์นโยบายไม่รับของขวัญ")


def test_aria_label_text_for_svg_only_anchor() -> None:
    links = extract_links(load("google_sites_drive"), CASES["google_sites_drive"][0])
    drive = by_url(links, "https://drive.google.com/uc?export=download&id=1qZk3M8vR2xYtB7nLp4WcD9sHfJ6gE0aU")
    assert "029ประกาศหลักเกณฑ์" in drive.text


def test_truncated_url_text_keeps_href_and_prefers_a_real_title() -> None:
    links = extract_links(load("truncated_url_text"), "https://www.song.go.th/ita.php")
    # o1 shows "https://www.song.go.th/dnm_fil..."; o3 links the same file with a real title
    assert by_url(links, "https://www.song.go.th/dnm_file/ita/6712030931_1.pdf").text == (
        "โครงสร้างส่วนราชการเทศบาลตำบลสอง"
    )
    assert by_url(links, "https://www.song.go.th/dnm_file/ita/6712030931_2.pdf").text == (
        "https://www.song.go.th/dnm_fil…"
    )


def test_generic_texts_are_kept_and_a_better_duplicate_text_wins() -> None:
    links = extract_links(load("generic_link_texts"), f"{ANUBAN}/ita-2564/")
    texts = [link.text for link in links]
    assert texts == [
        "ดาวน์โหลดเอกสาร",
        "รายละเอียด 1",
        "รายละเอียด 2",
        "เปิด",
        "แผนพัฒนาคุณภาพการศึกษา พ.ศ. 2565-2567",  # "คลิก" first, the full title later
        "คลิกที่นี่",
    ]


@pytest.mark.parametrize(
    ("text", "generic"),
    [
        ("ดาวน์โหลดเอกสาร", True),
        ("เปิด", True),
        ("รายละเอียด 1", True),
        ("คลิก", True),
        ("คลิกที่นี่!!", True),
        ("ดาวน์โหลด [287.50 KB]", True),
        ("Download (120 KB)", True),
        ("", True),
        ("แผนปฏิบัติการป้องกันการทุจริต 2568", False),
        ("O1 โครงสร้าง", False),
    ],
)
def test_is_generic_text(text: str, generic: bool) -> None:
    assert is_generic_text(text) is generic


def test_placeholders_reported_with_reasons() -> None:
    assert placeholder_links(load("placeholders_self"), f"{SPBO3}/?page_id=26424") == [
        ("#", "fragment"),
        (f"{SPBO3}/?page_id=26424", "self"),
        ("?page_id=26424#moit1", "self"),
        ("#l2", "fragment"),
        ("javascript:void(0)", "javascript"),
        ("", "empty"),  # both the bare `href` and `href=""`
        ("mailto:ket.sso@moph.go.th", "mailto"),
        ("tel:+6644123456", "tel"),
    ]


def test_self_link_under_the_other_scheme_is_self() -> None:
    # plantprop: the menu links http://…?page_id=70 from the https page (http and https mixed on one site)
    assert placeholder_links(load("flowpaper_cloud"), "https://plantprop.doae.go.th/?page_id=70") == [
        ("http://plantprop.doae.go.th/?page_id=70", "self")
    ]


def test_google_sites_self_link_with_raw_thai_slug() -> None:
    assert placeholder_links(load("google_sites_drive"), CASES["google_sites_drive"][0]) == [
        ("/ita-2568/o27-หลกเกณฑการบรหารและพฒนาทรพยากรบคคล", "self")
    ]


def test_onclick_void_with_real_href_uses_the_href() -> None:
    links = extract_links(load("placeholders_self"), f"{SPBO3}/?page_id=26424")
    manual = by_url(links, f"{SPBO3}/wp-content/uploads/2025/11/MOIT2-4.pdf")
    assert (manual.via, manual.text) == ("a", "2.4 คู่มือการเผยแพร่ข้อมูล")


def test_only_placeholders_page() -> None:
    html = (
        '<ul><li><a href="#">O1</a></li><li><a href="javascript:void(0)">O2</a></li><li><a href="?p=3">O3</a></li></ul>'
    )
    links, placeholders = scan_page(LexborHTMLParser(html), "https://a.go.th/?p=3")
    assert links == ()
    assert placeholders == (("#", "fragment"), ("javascript:void(0)", "javascript"), ("?p=3", "self"))


def test_scan_page_agrees_with_the_two_functions() -> None:
    url = f"{SPBO3}/?page_id=26424"
    links, placeholders = scan_page(load("placeholders_self"), url)
    assert links == extract_links(load("placeholders_self"), url)
    assert list(placeholders) == placeholder_links(load("placeholders_self"), url)


# ---------------------------------------------------------------- smaller shapes inline


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # encodeURIComponent FlowPaper variant (pdf value fully escaped, ?wp-hosted inside it)
        (
            '<iframe src="https://flowpaper.com/flipbook/?pdf=https%3A%2F%2Fa.go.th%2Fwp-content%2Fuploads%2F'
            '%E0%B8%9B.pdf%3Fwp-hosted%3D1&title=%E0%B8%9B&header=&theme=&singlepage=&thumbs=1"></iframe>',
            [("https://a.go.th/wp-content/uploads/%E0%B8%9B.pdf", "viewer:flowpaper")],
        ),
        # FlowPaper lightbox link (an <a data-lity>, not an iframe)
        (
            '<a data-lity href="https://flowpaper.com/flipbook/?pdf=https://a.go.th/x.pdf?wp-hosted=1&title=t">ดู</a>',
            [("https://a.go.th/x.pdf", "viewer:flowpaper")],
        ),
        # gview, protocol-relative
        (
            '<iframe src="//docs.google.com/gview?url=http://a.go.th/docs/file/o1.pdf&embedded=true"></iframe>',
            [("http://a.go.th/docs/file/o1.pdf", "viewer:gdocs")],
        ),
        # Office Online viewer (EAD uses it for DOCX/XLSX)
        (
            '<iframe src="//view.officeapps.live.com/op/embed.aspx?src=https%3A%2F%2Fa.go.th%2Fo5.docx"></iframe>',
            [("https://a.go.th/o5.docx", "viewer:office")],
        ),
        # <embed>, <iframe> to a PDF, a map iframe, YouTube
        (
            '<embed src="/files/o2.pdf" type="application/pdf"><iframe src="/files/o3.pdf"></iframe>'
            '<iframe src="https://www.google.com/maps/embed?pb=!1m18"></iframe>'
            '<iframe src="https://www.youtube.com/embed/abc123"></iframe>',
            [
                ("https://a.go.th/files/o2.pdf", "embed"),
                ("https://a.go.th/files/o3.pdf", "iframe"),
                ("https://www.google.com/maps/embed?pb=!1m18", "iframe"),
                ("https://www.youtube.com/embed/abc123", "iframe"),
            ],
        ),
        # <object> with a <param> fallback, an <embed> inside: one file
        (
            '<object data="o4.pdf" type="application/pdf"><param name="src" value="o4.pdf">'
            '<embed src="o4.pdf"></object>',
            [("https://a.go.th/p/o4.pdf", "object")],
        ),
        # data-src on a div is a document only with a document extension; on img never
        (
            '<div class="pdf" data-src="/u/o6.pdf"></div><div class="lazy" data-src="/u/hero.jpg"></div>'
            '<img data-src="/u/o7.pdf">',
            [("https://a.go.th/u/o6.pdf", "viewer:ead")],
        ),
        # lazy iframe: the real src is in data-src
        (
            '<iframe src="about:blank" data-src="https://drive.google.com/file/d/1FjR6tYu2IoP9lKm4NbV7cXz3AsD5gH8q/'
            'preview"></iframe>',
            [("https://drive.google.com/uc?export=download&id=1FjR6tYu2IoP9lKm4NbV7cXz3AsD5gH8q", "drive")],
        ),
        # dFlip df-source attribute
        (
            '<a class="_df_button" df-source="/u/o8.pdf">เปิดอ่าน</a>',
            [("https://a.go.th/u/o8.pdf", "viewer:dflip")],
        ),
        # meta refresh (index pages that redirect to the real site)
        (
            '<meta http-equiv="Refresh" content="0; URL=\'/th/index.php\'">',
            [("https://a.go.th/th/index.php", "meta-refresh")],
        ),
        # frameset sites
        ('<frameset><frame src="main.php" name="main"></frameset>', [("https://a.go.th/p/main.php", "frame")]),
        # <area> of an image map is an anchor
        ('<map><area href="/o9.pdf" alt="O9"></map>', [("https://a.go.th/o9.pdf", "a")]),
        # Google Sites container with only a doc id
        (
            '<div data-embed-doc-id="1wE9rTy3UiO6pAs2DfG8hJk4LzX7cVb5n"></div>',
            [("https://drive.google.com/uc?export=download&id=1wE9rTy3UiO6pAs2DfG8hJk4LzX7cVb5n", "drive")],
        ),
        # Windows path separators in an href
        ('<a href="files\\o10.pdf">O10</a>', [("https://a.go.th/p/files/o10.pdf", "a")]),
    ],
)
def test_inline_shapes(html: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(extract_links(LexborHTMLParser(html), "https://a.go.th/p/index.php")) == expected


def test_anchor_text_fallbacks() -> None:
    html = (
        '<a href="/a.pdf"><img src="btn.png" alt="ดาวน์โหลด O1"></a>'
        '<a href="/b.pdf"><img src="btn.png" title="O2 แผน"></a>'
        '<a href="/c.pdf" title="O3 รายงาน"><i class="fa fa-file-pdf"></i></a>'
        '<a href="/d.pdf" aria-label="O4 คู่มือ"></a>'
        '<a href="/e.pdf">  O5 &nbsp; ประกาศ\n   ฉบับที่ 1 </a>'
    )
    links = extract_links(LexborHTMLParser(html), "https://a.go.th/")
    assert [link.text for link in links] == ["ดาวน์โหลด O1", "O2 แผน", "O3 รายงาน", "O4 คู่มือ", "O5 ประกาศ ฉบับที่ 1"]


def test_download_attribute_bare_and_valued() -> None:
    html = '<a href="/a.pdf" download>a</a><a href="/b.pdf" download="b.pdf">b</a><a href="/c.pdf">c</a>'
    links = extract_links(LexborHTMLParser(html), "https://a.go.th/")
    assert [link.download for link in links] == [True, True, False]


def test_base_href_is_honoured_for_every_element() -> None:
    html = (
        '<head><base href="https://www.a.go.th/site/"></head>'
        '<body><a href="docs/o1.pdf">O1</a><iframe src="docs/o2.pdf"></iframe></body>'
    )
    links = extract_links(LexborHTMLParser(html), "https://www.a.go.th/site/Pages/ita/5")
    assert pairs(links) == [
        ("https://www.a.go.th/site/docs/o1.pdf", "a"),
        ("https://www.a.go.th/site/docs/o2.pdf", "iframe"),
    ]


def test_empty_and_garbage_pages() -> None:
    assert extract_links(LexborHTMLParser(""), "https://a.go.th/") == ()
    garbage = '<a href="http://[::1">x</a><a href="%%%">y</a><iframe src="data:text/html,hi"></iframe>'
    links = extract_links(LexborHTMLParser(garbage), "https://a.go.th/")
    assert all(isinstance(link, Link) for link in links)


# ---------------------------------------------------------------- speed


def test_a_200kb_page() -> None:
    # Its speed (≈1 ms per page) is a benchmark figure, not a test: see bench/extract.py.
    html = (CORPUS / "h0_big_utf8.html").read_text("utf-8")
    assert len(html.encode()) > 190_000
    links = extract_links(LexborHTMLParser(html), "https://nongbua.go.th/news/1")
    assert links and all(link.url.startswith("https://nongbua.go.th/") for link in links)
