"""HTML extraction: structure kept, noise removed, fast on a big page."""

from __future__ import annotations

import time
from pathlib import Path

from oit_checker.extract.html import extract_html
from oit_checker.model import DocKind

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


def _doc(html: str, url: str = "https://abt.go.th/news/1.html", charset: str | None = "utf-8"):
    return extract_html(html.encode(), url, charset)


def test_scripts_styles_and_templates_are_not_text() -> None:
    doc = extract_html((CORPUS / "h1_utf8_meta.html").read_bytes(), "https://abt.go.th/", None)
    assert "ไม่ใช่เนื้อหา" not in doc.text  # inside a <script> string
    assert "font-family" not in doc.text
    html = "<body><noscript>เปิด JavaScript</noscript><template><p>แม่แบบ</p></template>"
    html += "<svg><text>กราฟ</text></svg><p>เนื้อหา</p></body>"
    assert _doc(html).text == "เนื้อหา"


def test_blocks_and_cells_do_not_run_together() -> None:
    doc = extract_html((CORPUS / "h1_utf8_meta.html").read_bytes(), "https://abt.go.th/", None)
    lines = doc.text.splitlines()
    assert "ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๘" in lines
    assert "ลำดับ | โครงการ/กิจกรรม | งบประมาณ (บาท) | ระยะเวลาดำเนินการ | ผู้รับผิดชอบ" in lines
    assert "2 | กิจกรรมเผยแพร่ข้อมูลข่าวสารผ่านเว็บไซต์ | 5,000 | ไตรมาสที่ 1-4 | กองคลัง" in lines
    # Site chrome (the ul.nav menu, the footer) is not content: a menu entry must never evidence a component.
    assert "หน้าหลัก" not in doc.text and "สงวนลิขสิทธิ์" not in doc.text
    assert any(link.text == "ข้อมูลพื้นฐาน" for link in doc.links)  # but its links are still seen


def test_article_header_is_kept_but_site_header_is_not() -> None:
    html = (
        "<html><body><header id='top'><div class='logo'>อบต.หนองบัว</div><ul class='main-menu'>"
        "<li>แผนการดำเนินงาน</li><li>งบประมาณ</li></ul></header><div class='sidebar-left'>ข่าวจัดซื้อจัดจ้าง</div>"
        "<main><article><header><h1>รายงานผลการดำเนินงาน ปีงบประมาณ 2567</h1></header>"
        "<p>ผลการดำเนินงานตามแผน</p></article></main><div id='footer'>โทร 045-000000</div></body></html>"
    ).encode()
    doc = extract_html(html, "https://abt.go.th/o7", None)
    assert doc.text.splitlines() == ["รายงานผลการดำเนินงาน ปีงบประมาณ 2567", "ผลการดำเนินงานตามแผน"]


def test_inline_markup_and_source_whitespace() -> None:
    html = "<div>ปีงบ<b>ประมาณ</b> <span>พ.ศ.</span>\n   ๒๕๖๙</div><div>a&nbsp;&nbsp;b<br>c</div>"
    assert _doc(html).text == "ปีงบประมาณ พ.ศ. ๒๕๖๙\na b\nc"


def test_title_falls_back_to_h1() -> None:
    assert _doc("<title> ประกาศ\n  ITA </title><h1>หัวเรื่อง</h1>").title == "ประกาศ ITA"
    assert _doc("<body><h1>หัวเรื่อง</h1><p>x</p></body>").title == "หัวเรื่อง"
    assert _doc("<p>x</p>").title == ""


def test_document_fields_and_links() -> None:
    doc = _doc('<a href="/files/o1.pdf">O1 แผน</a><p>ข้อความ</p>', charset=None)
    assert doc.kind is DocKind.HTML
    assert doc.page_count == 1 and len(doc.pages) == 1
    assert doc.charset == "utf-8 (undeclared)"
    assert [link.url for link in doc.links] == ["https://abt.go.th/files/o1.pdf"]


def test_big_page_is_fast() -> None:
    body = (CORPUS / "h0_big_utf8.html").read_bytes()
    extract_html(body, "https://abt.go.th/", None)  # warm-up (imports, lexbor init)
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        doc = extract_html(body, "https://abt.go.th/", None)
        best = min(best, time.perf_counter() - start)
    assert doc.text.count("ข่าวที่") == 64
    assert best < 0.020, f"{best * 1000:.1f} ms"
