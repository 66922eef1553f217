"""A page nested hundreds or thousands of levels deep (hostile, or a broken generator) is read in time linear in its
size: each element's chrome test, each block's context text and each cell's links read a bounded number of times.
Counted, not timed: before these were bounded, 400 nested tables read 160,000 link texts and 2,000 took minutes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import oit_checker.html.chrome as chrome
import oit_checker.html.dom as dom
import oit_checker.html.facts as facts
from oit_checker.extract.html import extract_html

DEPTH = 400


def _nested(opening: str, closing: str) -> str:
    return ("<html><body>" + "".join(opening.format(i=i) for i in range(DEPTH)) + "แผนการดำเนินงาน ประจำปี ๒๕๖๙"
            + closing * DEPTH + "</body></html>")


TABLES = _nested("<table><tr><td>ข้อความ <a href='/a{i}.html'>เมนู</a> ", "</td></tr></table>")
BLOCKS = _nested("<div>ข้อความ <a href='/x{i}.html'>หน้าแรก</a> | <a href='/y{i}.html'>ติดต่อ</a> | ", "</div>")


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Characters cleaned for link contexts, elements tested for chrome, link texts measured for menus."""
    counts: Counter[str] = Counter()

    def counted(name: str, fn: Callable[..., Any], by: Callable[..., int]) -> Callable[..., Any]:
        def wrapper(*args: Any) -> Any:
            counts[name] += by(*args)
            return fn(*args)
        return wrapper

    monkeypatch.setattr(facts, "clean_text", counted("cleaned", facts.clean_text, lambda t: len(t or "")))
    monkeypatch.setattr(dom, "is_chrome_node", counted("chrome_tests", dom.is_chrome_node, lambda *_: 1))
    monkeypatch.setattr(chrome, "_text_len", counted("link_texts", chrome._text_len, lambda _: 1))
    yield counts


def test_nested_tables_are_read_in_linear_time(reads: Counter[str]) -> None:
    doc = extract_html(TABLES.encode(), "https://www.khoksung.go.th/plan.html", "utf-8")
    assert doc.text.endswith("แผนการดำเนินงาน ประจำปี ๒๕๖๙")
    assert len(doc.links) == DEPTH
    assert reads["chrome_tests"] <= TABLES.count("<")  # each element once (table, tbody, tr, td a level)
    assert reads["cleaned"] <= 2 * len(TABLES)
    assert reads["link_texts"] <= chrome._BAR_MOST_LINKS ** 2  # only cells that could be a bar measure links


def test_nested_blocks_of_links_are_read_in_linear_time(reads: Counter[str]) -> None:
    doc = extract_html(BLOCKS.encode(), "https://www.khoksung.go.th/plan.html", "utf-8")
    assert doc.text.endswith("หน้าแรก | ติดต่อ | แผนการดำเนินงาน ประจำปี ๒๕๖๙")
    assert len(doc.links) == 2 * DEPTH
    assert reads["chrome_tests"] <= BLOCKS.count("<")
    assert reads["cleaned"] <= 2 * len(BLOCKS)


def test_a_bar_of_links_in_a_deep_cell_is_still_a_menu() -> None:
    """Bounding the reads changed no reading: a table-layout page's bar of short links, nested deep inside layout
    tables, is its menu; a cell of more links than a bar holds (a page of links) is not."""
    bar = " | ".join(f'<a href="/m{i}.html">เมนู {i}</a>' for i in range(5))
    deep = "<table><tr><td>" * 30 + bar + "</td></tr></table>" * 30
    content = "<table><tr><td><p>แผนการดำเนินงาน ประจำปี ๒๕๖๙ ของ อบต.โคกสูง</p></td></tr></table>"
    page = f"<html><body>{deep}{content}</body></html>"
    doc = extract_html(page.encode(), "https://www.khoksung.go.th/plan.html", "utf-8")
    assert "เมนู 3" not in doc.text and "แผนการดำเนินงาน" in doc.text
    assert {link.url.rsplit("/", 1)[-1] for link in doc.links if link.chrome} >= {f"m{i}.html" for i in range(5)}
    many = " | ".join(f'<a href="/d{i}.pdf">ไฟล์ {i}</a>' for i in range(chrome._BAR_MOST_LINKS + 1))
    page = f"<html><body><table><tr><td>{many}</td></tr></table></body></html>"
    assert "ไฟล์ 60" in extract_html(page.encode(), "https://www.khoksung.go.th/files.html", "utf-8").text
