"""Table-driven tests for oit_checker.text.urls (pure functions, no network)."""

from __future__ import annotations

import pytest

from oit_checker.text.urls import (
    DOCUMENT_EXTENSIONS,
    DriveRef,
    ExternalRef,
    canonical_drive,
    classify_external,
    extension,
    is_cloud_flowpaper,
    is_placeholder,
    looks_like_document,
    normalize_url,
    same_site,
    unwrap_viewer,
)

PA = "%E0%B8%9B"  # ป
THAI_DOC = "%E0%B8%82%E0%B9%89%E0%B8%AD%2042.2.pdf"  # "ข้อ 42.2.pdf"

# ---------------------------------------------------------------- normalize_url


@pytest.mark.parametrize(
    ("url", "base", "expected"),
    [
        # resolution
        ("o1.pdf", "https://a.go.th/ita/index.php", "https://a.go.th/ita/o1.pdf"),
        ("/o1.pdf", "https://a.go.th/ita/index.php", "https://a.go.th/o1.pdf"),
        ("../o1.pdf", "https://a.go.th/ita/2568/index.php", "https://a.go.th/ita/o1.pdf"),
        ("?page_id=7484", "https://saraburi.m-society.go.th/", "https://saraburi.m-society.go.th/?page_id=7484"),
        ("//docs.google.com/viewer?url=x", "http://a.go.th/", "http://docs.google.com/viewer?url=x"),
        ("//docs.google.com/viewer?url=x", None, "https://docs.google.com/viewer?url=x"),
        ("https://b.go.th/x", "https://a.go.th/", "https://b.go.th/x"),
        ("", "https://a.go.th/p?x=1", "https://a.go.th/p?x=1"),
        # IRI → URI, case of escapes, no double encoding
        ("https://a.go.th/ป.pdf", None, f"https://a.go.th/{PA}.pdf"),
        ("https://a.go.th/%e0%b8%9b.pdf", None, f"https://a.go.th/{PA}.pdf"),
        (f"https://a.go.th/{PA}.pdf", None, f"https://a.go.th/{PA}.pdf"),
        ("https://a.go.th/ข้อ 42.2.pdf", None, f"https://a.go.th/{THAI_DOC}"),
        ("https://a.go.th/%e0%b8%82%e0%b9%89%e0%b8%ad%2042.2.pdf", None, f"https://a.go.th/{THAI_DOC}"),
        ("https://a.go.th/%E0%B8%82้อ 42.2.pdf", None, f"https://a.go.th/{THAI_DOC}"),  # mixed forms
        ("https://a.go.th/100%.pdf", None, "https://a.go.th/100%25.pdf"),  # a lone % is a literal
        ("https://a.go.th/%7Euser/%2d%41", None, "https://a.go.th/~user/-A"),  # unreserved decoded
        ("https://a.go.th/a%2Fb", None, "https://a.go.th/a%2Fb"),  # reserved escape kept
        ("https://a.go.th/?q=ป ก", None, f"https://a.go.th/?q={PA}%20%E0%B8%81"),
        # scheme, host, port, fragment, dot segments, empty path
        ("HTTP://WWW.Song.GO.TH:80/ita.php#o1", None, "http://www.song.go.th/ita.php"),
        ("https://a.go.th:443/x", None, "https://a.go.th/x"),
        ("https://a.go.th:8443/x", None, "https://a.go.th:8443/x"),
        ("https://a.go.th", None, "https://a.go.th/"),
        ("https://a.go.th/a/./b/../c", None, "https://a.go.th/a/c"),
        ("https://a.go.th./x", None, "https://a.go.th/x"),
        ("https://ไทย.ไทย/x", None, "https://xn--o3cw4h.xn--o3cw4h/x"),
        # query strings kept untouched and in order
        (
            "https://a.go.th/index.php?rest_route=/wp/v2/pages/5",
            None,
            "https://a.go.th/index.php?rest_route=/wp/v2/pages/5",
        ),
        ("https://a.go.th/?p=12&b=2&a=1", None, "https://a.go.th/?p=12&b=2&a=1"),
        (
            "https://a.go.th/index.php?r=site%2fapplying&id=46",
            None,
            "https://a.go.th/index.php?r=site%2Fapplying&id=46",
        ),
        ("https://a.go.th/x.pdf?ver=2", None, "https://a.go.th/x.pdf?ver=2"),
        ("https://a.go.th/x?", None, "https://a.go.th/x"),
        # whitespace and invisible characters pasted into hrefs
        ("  https://a.go.th/x.pdf \n", None, "https://a.go.th/x.pdf"),
        ("https://a.go.th/x\u200b.pdf", None, "https://a.go.th/x.pdf"),
        ("https://a.go.th/a\nb.pdf", None, "https://a.go.th/ab.pdf"),
        # Windows separators before the query only
        ("files\\o1.pdf?x=a\\b", "https://a.go.th/", "https://a.go.th/files/o1.pdf?x=a%5Cb"),
        # opaque schemes only case-folded
        ("MAILTO:x@a.go.th", None, "mailto:x@a.go.th"),
        ("JavaScript:void(0)", "https://a.go.th/", "javascript:void(0)"),
        ("tel:+6644123456", None, "tel:+6644123456"),
    ],
)
def test_normalize_url(url: str, base: str | None, expected: str) -> None:
    assert normalize_url(url, base) == expected


def test_normalize_is_idempotent() -> None:
    for raw in (
        "https://a.go.th/ข้อ 42.2.pdf?x=ก ข#frag",
        "HTTP://A.GO.TH:80/%e0%b8%9b/../b?c=%zz",
        "//docs.google.com/viewer?url=https%3A%2F%2Fa.go.th%2Fx.pdf&embedded=true",
    ):
        once = normalize_url(raw)
        assert normalize_url(once) == once


def test_three_spellings_compare_equal() -> None:
    raw = "https://www.cmarea3.go.th/2567/wp-content/uploads/2025/11/งวด-1.pdf"
    lower = "https://www.cmarea3.go.th/2567/wp-content/uploads/2025/11/%e0%b8%87%e0%b8%a7%e0%b8%94-1.pdf"
    upper = "https://www.cmarea3.go.th/2567/wp-content/uploads/2025/11/%E0%B8%87%E0%B8%A7%E0%B8%94-1.pdf"
    assert normalize_url(raw) == normalize_url(lower) == normalize_url(upper) == upper


@pytest.mark.parametrize(
    "garbage",
    ["", "   ", "http://[::1", "http://a.go.th:abc/x", "::::", "%", "\x00\x01", "http://", "ht!tp://x", "\ud800"],
)
def test_normalize_never_raises(garbage: str) -> None:
    assert isinstance(normalize_url(garbage), str)
    assert isinstance(normalize_url(garbage, "https://a.go.th/"), str)
    assert isinstance(normalize_url("x", garbage), str)


def test_normalize_tolerates_non_strings() -> None:
    assert normalize_url(None) == ""  # type: ignore[arg-type]


# ---------------------------------------------------------------- same_site


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("https://www.song.go.th/ita.php", "http://song.go.th/dnm_file/x.pdf", True),
        ("https://bpn.go.th/", "https://www.bpn.go.th:8080/data_3976", True),
        ("http://loei1.go.th/", "http://huafai.loei1.go.th/ita-2568", True),  # subdomain of the agency
        ("http://huafai.loei1.go.th/", "http://nakhok.loei1.go.th/", False),  # siblings are not
        ("https://a.go.th/", "https://b.go.th/", False),
        ("https://a.go.th/", "https://go.th/", False),  # a public suffix is nobody's site
        ("https://a.go.th/", "https://drive.google.com/file/d/x", False),
        ("https://sites.google.com/takesa1.go.th/ita/o1", "https://sites.google.com/takesa1.go.th/main", True),
        ("https://sites.google.com/view/bwit-ita/o1", "https://sites.google.com/view/bwit-ita/o2", True),
        ("https://sites.google.com/view/bwit-ita/o1", "https://sites.google.com/view/other/o2", False),
        ("https://sites.google.com/tomwit.ac.th/ita", "https://sites.google.com/bwit.ac.th/ita", False),
        ("https://a.go.th/", "/relative/only", False),
        ("", "", False),
    ],
)
def test_same_site(a: str, b: str, same: bool) -> None:
    assert same_site(a, b) is same
    assert same_site(b, a) is same


# ---------------------------------------------------------------- is_placeholder

PAGE = "https://spbo3.moph.go.th/ket/?page_id=26424"


@pytest.mark.parametrize(
    ("href", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("#", "fragment"),
        ("#l1", "fragment"),
        ("javascript:void(0)", "javascript"),
        ("javascript:void(0);", "javascript"),
        ("JavaScript: history.back()", "javascript"),
        ("mailto:ket@moph.go.th", "mailto"),
        ("tel:044123456", "tel"),
        ("line://ti/p/@ket", "line"),
        ("about:blank", "about"),
        (PAGE, "self"),
        ("?page_id=26424", "self"),
        ("?page_id=26424#moit1", "self"),
        ("http://spbo3.moph.go.th/ket/?page_id=26424", "self"),  # other scheme, same page
        ("https://spbo3.moph.go.th/ket/?page_id=26101", None),
        ("/ket/wp-content/uploads/x.pdf", None),
        ("https://other.go.th/ket/?page_id=26424", None),
    ],
)
def test_is_placeholder(href: str, reason: str | None) -> None:
    assert is_placeholder(href, normalize_url(href, PAGE), PAGE) == reason


def test_is_placeholder_trailing_slash_is_same_page() -> None:
    page = "https://www.banklongsuan.go.th/ita-2566/"
    assert is_placeholder("/ita-2566", normalize_url("/ita-2566", page), page) == "self"


# ---------------------------------------------------------------- canonical_drive

FID = "1FjR6tYu2IoP9lKm4NbV7cXz3AsD5gH8q"
DID = "1cT7xgYv4qA2LmZ0pRb8NwH3sKdJ9fEuV6iOaQy5WzTk"
FILE = f"https://drive.google.com/uc?export=download&id={FID}"
FOLDER = f"https://drive.google.com/drive/folders/{FID}"


@pytest.mark.parametrize(
    ("url", "kind", "canonical", "service"),
    [
        (f"https://drive.google.com/file/d/{FID}/view?usp=sharing", "file", FILE, "Google Drive"),
        (f"https://drive.google.com/file/d/{FID}/view?usp=drive_link", "file", FILE, "Google Drive"),
        (f"https://drive.google.com/file/d/{FID}/view?usp=drivesdk", "file", FILE, "Google Drive"),
        (f"https://drive.google.com/file/d/{FID}/preview", "file", FILE, "Google Drive"),
        (f"https://drive.google.com/file/d/{FID}/edit", "file", FILE, "Google Drive"),
        (f"https://drive.google.com/file/d/{FID}", "file", FILE, "Google Drive"),
        (f"https://drive.google.com/file/u/0/d/{FID}/view", "file", FILE, "Google Drive"),
        (f"https://drive.google.com/a/school.ac.th/file/d/{FID}/view", "file", FILE, "Google Drive"),
        (f"https://drive.google.com/open?id={FID}", "file", FILE, "Google Drive"),
        (f"https://drive.google.com/open?id={FID}&authuser=0", "file", FILE, "Google Drive"),
        (f"https://drive.google.com/uc?id={FID}&export=download", "file", FILE, "Google Drive"),
        (f"https://drive.google.com/uc?export=view&id={FID}", "file", FILE, "Google Drive"),
        (f"https://drive.google.com/thumbnail?id={FID}&sz=w1000", "file", FILE, "Google Drive"),
        (f"https://drive.usercontent.google.com/download?id={FID}&export=download", "file", FILE, "Google Drive"),
        (f"https://drive.usercontent.google.com/u/0/uc?id={FID}&export=download", "file", FILE, "Google Drive"),
        (f"https://docs.google.com/file/d/{FID}/edit", "file", FILE, "Google Drive"),
        (f"https://docs.google.com/viewer?srcid={FID}&pid=explorer&embedded=true", "file", FILE, "Google Drive"),
        (f"drive.google.com/file/d/{FID}/view", "file", FILE, "Google Drive"),  # pasted without scheme
        (
            f"https://drive.google.com/file/d/{FID}/view?usp=sharing&resourcekey=0-AbCdEf",
            "file",
            f"{FILE}&resourcekey=0-AbCdEf",
            "Google Drive",
        ),
        (f"https://drive.google.com/drive/folders/{FID}?usp=drive_link", "folder", FOLDER, "Google Drive"),
        (f"https://drive.google.com/drive/folders/{FID}?usp=sharing", "folder", FOLDER, "Google Drive"),
        (f"https://drive.google.com/drive/u/0/folders/{FID}", "folder", FOLDER, "Google Drive"),
        (f"https://drive.google.com/drive/u/1/mobile/folders/{FID}", "folder", FOLDER, "Google Drive"),
        (f"https://drive.google.com/embeddedfolderview?id={FID}#list", "folder", FOLDER, "Google Drive"),
        (f"https://drive.google.com/folderview?id={FID}", "folder", FOLDER, "Google Drive"),
        (
            f"https://docs.google.com/document/d/{DID}/edit?usp=sharing",
            "doc",
            f"https://docs.google.com/document/d/{DID}/export?format=pdf",
            "Google Docs",
        ),
        (
            f"https://docs.google.com/document/u/0/d/{DID}/preview",
            "doc",
            f"https://docs.google.com/document/d/{DID}/export?format=pdf",
            "Google Docs",
        ),
        (
            f"https://docs.google.com/spreadsheets/d/{DID}/edit#gid=0",
            "doc",
            f"https://docs.google.com/spreadsheets/d/{DID}/export?format=xlsx",
            "Google Sheets",
        ),
        (
            f"https://docs.google.com/presentation/d/{DID}/present",
            "doc",
            f"https://docs.google.com/presentation/d/{DID}/export/pdf",
            "Google Slides",
        ),
        (
            "https://docs.google.com/document/d/e/2PACX-1vTxYz0AbCdEfGh/pub",
            "doc",
            "https://docs.google.com/document/d/e/2PACX-1vTxYz0AbCdEfGh/pub",
            "Google Docs",
        ),
        (
            "https://docs.google.com/spreadsheets/d/e/2PACX-1vTxYz0AbCdEfGh/pubhtml",
            "doc",
            "https://docs.google.com/spreadsheets/d/e/2PACX-1vTxYz0AbCdEfGh/pub?output=xlsx",
            "Google Sheets",
        ),
    ],
)
def test_canonical_drive(url: str, kind: str, canonical: str, service: str) -> None:
    ref = canonical_drive(url)
    assert ref is not None
    assert (ref.kind, ref.canonical, ref.service) == (kind, canonical, service)
    assert ref.id in url


@pytest.mark.parametrize(
    "url",
    [
        "https://docs.google.com/viewer?url=https://a.go.th/x.pdf&embedded=true",  # a viewer, not Drive
        "https://docs.google.com/forms/d/e/1FAIpQLSd_abcdefghijk/viewform",
        "https://drive.google.com/drive/my-drive",
        "https://drive.google.com/open?id=short",
        "https://a.go.th/file/d/1FjR6tYu2IoP9lKm4NbV7cXz3AsD5gH8q/view",
        "",
        "not a url",
    ],
)
def test_canonical_drive_none(url: str) -> None:
    assert canonical_drive(url) is None


def test_drive_ref_is_frozen() -> None:
    ref = canonical_drive(f"https://drive.google.com/open?id={FID}")
    assert ref == DriveRef("file", FID, FILE, "Google Drive")
    with pytest.raises(AttributeError):
        ref.id = "x"  # type: ignore[misc]


# ---------------------------------------------------------------- viewers


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://flowpaper.com/flipbook/?pdf=https://www.roietmunicipal.go.th/roiet/wp-content/uploads/2023/12/"
            "4.2-ประกาศ รับ.pdf?wp-hosted=1&title=&header=&theme=&singlepage=auto&thumbs=1&modified=2312181015",
            (
                "https://www.roietmunicipal.go.th/roiet/wp-content/uploads/2023/12/4.2-"
                "%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%81%E0%B8%B2%E0%B8%A8%20%E0%B8%A3%E0%B8%B1%E0%B8%9A.pdf",
                "flowpaper",
            ),
        ),
        (
            "http://flowpaper.com/flipbook/?pdf=http%3A%2F%2Fa.go.th%2Fx.pdf%3Fwp-hosted%3D1&title=x",
            ("http://a.go.th/x.pdf", "flowpaper"),
        ),
        (
            "https://flowpaper.com/flipbook/?pdf=https://a.go.th/a&b.pdf.pdf?wp-hosted=1",
            ("https://a.go.th/a&b.pdf.pdf", "flowpaper"),
        ),
        ("https://flowpaper.com/flipbook/?pdf=https://a.go.th/x.pdf", ("https://a.go.th/x.pdf", "flowpaper")),
        (
            "//docs.google.com/viewer?url=https%3A%2F%2Fa.go.th%2F%E0%B8%9B.pdf&embedded=true&hl=en",
            (f"https://a.go.th/{PA}.pdf", "gdocs"),
        ),
        ("https://docs.google.com/gview?url=http://a.go.th/x.doc&embedded=true", ("http://a.go.th/x.doc", "gdocs")),
        (
            "https://drive.google.com/viewerng/viewer?url=https://a.go.th/x.pdf",
            ("https://a.go.th/x.pdf", "gdocs"),
        ),
        (
            "https://a.go.th/wp-content/plugins/pdfjs-viewer-shortcode/pdfjs/web/viewer.php?file=%2Fwp-content%2F"
            "uploads%2Fo1.pdf&dButton=true",
            ("https://a.go.th/wp-content/uploads/o1.pdf", "pdfjs"),
        ),
        ("https://a.go.th/pdfjs/web/viewer.html?file=../../docs/o2.pdf", ("https://a.go.th/docs/o2.pdf", "pdfjs")),
        (
            "https://view.officeapps.live.com/op/embed.aspx?src=https%3A%2F%2Fa.go.th%2Fo3.xlsx",
            ("https://a.go.th/o3.xlsx", "office"),
        ),
    ],
)
def test_unwrap_viewer(url: str, expected: tuple[str, str]) -> None:
    assert unwrap_viewer(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://publ.flowpaper.com/0b6e1d2c/Annual-Report-2567/",
        "https://flowpaper.com/flipbook/",
        "https://docs.google.com/viewer?embedded=true",
        "https://a.go.th/viewer.html",
        "https://a.go.th/x.pdf",
        "",
    ],
)
def test_unwrap_viewer_none(url: str) -> None:
    assert unwrap_viewer(url) is None


def test_is_cloud_flowpaper() -> None:
    assert is_cloud_flowpaper("https://publ.flowpaper.com/abc/Doc/")
    assert is_cloud_flowpaper("https://online.flowpaper.com/abc/Doc/")
    assert not is_cloud_flowpaper("https://flowpaper.com/flipbook/?pdf=https://a.go.th/x.pdf")


# ---------------------------------------------------------------- classify_external


@pytest.mark.parametrize(
    ("url", "service", "checkable", "canonical"),
    [
        (f"https://drive.google.com/file/d/{FID}/view?usp=sharing", "Google Drive", True, FILE),
        (f"https://drive.google.com/drive/folders/{FID}?usp=drive_link", "Google Drive", False, FOLDER),
        (
            f"https://docs.google.com/document/d/{DID}/edit",
            "Google Docs",
            True,
            f"https://docs.google.com/document/d/{DID}/export?format=pdf",
        ),
        ("https://docs.google.com/forms/d/e/1FAIpQLSd_abcdefghijk/viewform", "Google Forms", False, None),
        ("https://drive.google.com/drive/my-drive", "Google Drive", False, None),
        (
            "https://docs.google.com/viewer?url=https://a.go.th/x.pdf&embedded=true",
            "Google Docs viewer",
            True,
            "https://a.go.th/x.pdf",
        ),
        (
            "https://flowpaper.com/flipbook/?pdf=https://a.go.th/x.pdf?wp-hosted=1",
            "FlowPaper",
            True,
            "https://a.go.th/x.pdf",
        ),
        ("https://publ.flowpaper.com/0b6e1d2c/Report/", "FlowPaper", False, None),
        ("https://online.flowpaper.com/0b6e1d2c/Report/", "FlowPaper", False, None),
        ("https://1drv.ms/b/s!AkXyz123", "OneDrive/SharePoint", False, None),
        ("https://onedrive.live.com/?cid=ABC&id=ABC%21123", "OneDrive/SharePoint", False, None),
        ("https://nacc.sharepoint.com/:b:/s/ita/EabC?e=xyz", "OneDrive/SharePoint", False, None),
        (
            "https://www.dropbox.com/s/abc123/o1.pdf?dl=0",
            "Dropbox",
            True,
            "https://www.dropbox.com/s/abc123/o1.pdf?dl=1",
        ),
        (
            "https://www.dropbox.com/scl/fi/xyz/o1.pdf?rlkey=k1&dl=0",
            "Dropbox",
            True,
            "https://www.dropbox.com/scl/fi/xyz/o1.pdf?rlkey=k1&dl=1",
        ),
        ("https://www.dropbox.com/sh/abc/folder", "Dropbox", False, None),
        ("https://www.facebook.com/profile.php?id=100064567891234", "Facebook", False, None),
        ("https://m.facebook.com/story.php?story_fbid=1", "Facebook", False, None),
        ("https://fb.watch/abc/", "Facebook", False, None),
        ("https://fb.com/agency", "Facebook", False, None),
        ("https://www.messenger.com/t/100064567891234", "Facebook", False, None),
        ("https://line.me/R/ti/p/@ketsso", "LINE", False, None),
        ("https://lin.ee/AbC123", "LINE", False, None),
        ("https://www.youtube.com/watch?v=abc", "YouTube", False, None),
        ("https://youtu.be/abc", "YouTube", False, None),
        (
            "http://process3.gprocurement.go.th/egp2procmainWeb/jsp/procsearch.sch?pid=1&proc_id=ShowHTMLFile",
            "e-GP",
            False,
            None,
        ),
        ("https://www.gprocurement.go.th/new_index.html", "e-GP", False, None),
        ("https://itas.nacc.go.th/go/eit/abc123", "ITAS", False, None),
    ],
)
def test_classify_external(url: str, service: str, checkable: bool, canonical: str | None) -> None:
    ref = classify_external(url)
    assert ref is not None
    assert (ref.service, ref.checkable) == (service, checkable)
    if canonical is not None:
        assert ref.canonical == canonical


def test_classify_external_notes() -> None:
    egp = classify_external("https://process3.gprocurement.go.th/egp2procmainWeb/jsp/procsearch.sch")
    assert egp == ExternalRef("e-GP", False, "legitimate procurement evidence, needs review")
    assert "viewer only" in (classify_external("https://publ.flowpaper.com/x/") or ExternalRef("", False)).note
    folder = classify_external(FOLDER)
    assert folder is not None and "folder" in folder.note.lower()


@pytest.mark.parametrize(
    "url",
    [
        "https://www.song.go.th/ita.php",
        "https://www.roietmunicipal.go.th/roiet/wp-content/uploads/2023/12/x.pdf",
        "https://sites.google.com/view/bwit-ita/o1",  # Google Sites is an ordinary (agency) site
        "https://www.google.com/maps/embed?pb=1",
        "https://notfacebook.com/x",
        "",
        "/relative",
    ],
)
def test_classify_external_ordinary(url: str) -> None:
    assert classify_external(url) is None


# ---------------------------------------------------------------- documents


def test_document_extensions() -> None:
    office = {"doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods"}
    images = {"jpg", "jpeg", "png", "gif"}
    assert set(DOCUMENT_EXTENSIONS) == {"pdf", "zip", "rar"} | office | images


@pytest.mark.parametrize(
    ("url", "ext"),
    [
        ("https://a.go.th/x.PDF", "pdf"),
        ("https://a.go.th/x.pdf?ver=2", "pdf"),
        (f"https://a.go.th/{THAI_DOC}", "pdf"),
        ("https://a.go.th/ข้อ 42.2.pdf", "pdf"),
        ("https://a.go.th/dir.v2/", ""),
        ("https://a.go.th/", ""),
        ("https://a.go.th/x.tar.gz", "gz"),
    ],
)
def test_extension(url: str, ext: str) -> None:
    assert extension(url) == ext


@pytest.mark.parametrize(
    ("url", "doc"),
    [
        ("https://a.go.th/x.pdf", True),
        ("https://a.go.th/x.PDF?ver=2", True),
        ("https://a.go.th/%E0%B8%82%E0%B9%89%E0%B8%AD%2042.2.pdf", True),
        ("https://a.go.th/o.docx", True),
        ("https://a.go.th/o.xlsx", True),
        ("https://a.go.th/scan.jpeg", True),
        ("https://a.go.th/files.rar", True),
        ("https://a.go.th/wp-content/uploads/2023/10/Scan2023-10-16_105945", True),
        ("https://www.nonsaard.go.th/docs/file/ita_o12_2568_1716", True),
        ("https://www.phukradungsao.go.th/public/list_upload/backend/list_3348/file_3348_1", True),
        ("https://a.go.th/news_upload/123", True),
        ("https://a.go.th/fileupload/123", True),
        ("https://a.go.th/uploads/123", True),
        ("https://a.go.th/download.php?id=5", True),
        ("https://nakhonmaesotcity.go.th/webs/th/grouppage/1/download/C00008/", True),
        (f"https://drive.google.com/file/d/{FID}/view", True),
        (f"https://docs.google.com/document/d/{DID}/edit", True),
        (f"https://drive.google.com/drive/folders/{FID}", False),
        ("https://a.go.th/ita.php", False),
        ("https://a.go.th/?page_id=12", False),
        ("https://a.go.th/public/list/data/detail/id/3348/menu/1597", False),
        ("https://a.go.th/download.php", False),
        ("https://a.go.th/style.css", False),
        ("", False),
    ],
)
def test_looks_like_document(url: str, doc: bool) -> None:
    assert looks_like_document(url) is doc
