"""A hand-written site's bar of links (`<div id="bar">`, not marked as a menu) links the executives page to itself
under the item's name: on a page that holds its content that is the menu's entry for the page, not a link with
nothing behind it (the twelfth trial's a O2 was a review, `placeholder_link`). A page that holds nothing but such a
link still says so."""

from __future__ import annotations

from pathlib import Path

from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
from oit_checker.evaluate.notes import page_notes
from oit_checker.extract.html import extract_html
from oit_checker.model import Status

SITE = Path(__file__).resolve().parents[3] / "fixtures" / "assessor_trial" / "twelfth" / "site"
URL = "https://www.khuanphongam-trial.go.th/executives.html"
O2 = load_catalogue(catalogue_path_for(2569)).item("O2")


def _notes(html: bytes) -> dict[str, Status]:
    doc = extract_html(html, URL, "utf-8")
    return {r.code: r.severity for r in page_notes(O2, doc, doc.facts, (), 0, frozenset())}


def test_the_menus_entry_for_the_page_itself_is_no_placeholder() -> None:
    page = (SITE / "executives.html").read_bytes()
    assert b'<div id="bar">' in page and b'href="/executives.html">' in page
    assert "placeholder_link" not in _notes(page)


def test_a_page_of_nothing_but_the_link_to_itself_still_says_so() -> None:
    page = ('<html><head><title>คณะผู้บริหาร</title></head><body><div id="bar"><a href="/">หน้าแรก</a> | '
            '<a href="/executives.html">คณะผู้บริหาร</a></div><h1>คณะผู้บริหาร</h1></body></html>').encode()
    assert _notes(page).get("placeholder_link") is Status.FAIL
