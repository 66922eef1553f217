"""What the extraction workers send back, and the evaluation is sent, crosses between processes as a pickle:
a page's links and anchors go as plain tuples (model/document.py, model/page.py `__reduce__`) and come back as
the same `Link`s and `Anchor`s, the page's facts answering as before."""

from __future__ import annotations

import copy
import pickle
from dataclasses import MISSING, fields, replace

import pytest

from oit_checker.extract import extract
from oit_checker.model import DocError, DocKind, Document, Link
from oit_checker.model.page import Anchor, PageFacts, Placeholder
from tests.support.paths import ROOT

_SITE = ROOT / "fixtures" / "demo" / "site"


def _page(name: str) -> Document:
    return extract((_SITE / name).read_bytes(), f"https://www.example.go.th/{name}", "text/html")


@pytest.mark.parametrize("name", ["index.html", "about.html", "eservice/complaint.html"])
def test_a_page_comes_back_the_same(name: str) -> None:
    doc = _page(name)
    assert doc.links and doc.facts is not None and doc.facts.anchors  # not vacuous
    url = doc.facts.anchors[0].url
    before = (doc.facts.occurrences(url), doc.facts.labels(url), doc.facts.context(url), doc.facts.in_chrome(url))
    back = pickle.loads(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == doc
    assert all(type(link) is Link for link in back.links)
    assert back.links == doc.links
    assert back.facts is not None
    assert all(type(a) is Anchor for a in back.facts.anchors)
    assert back.facts.anchors == doc.facts.anchors
    assert back.facts.placeholders == doc.facts.placeholders
    assert (back.facts.occurrences(url), back.facts.labels(url), back.facts.context(url),
            back.facts.in_chrome(url)) == before
    assert {a.chrome for a in back.facts.anchors} == {a.chrome for a in doc.facts.anchors}


def test_the_index_by_url_is_not_sent() -> None:
    doc = _page("index.html")
    assert doc.facts is not None
    doc.facts.occurrences("https://www.example.go.th/")  # makes the index
    assert "_index" in doc.facts.__dict__
    assert b"_index" not in pickle.dumps(doc.facts)
    back = pickle.loads(pickle.dumps(doc.facts))
    assert "_index" not in back.__dict__


def test_every_field_of_a_document_comes_back() -> None:
    facts = PageFacts("https://a.go.th/", anchors=(Anchor("https://a.go.th/x.pdf", "แผน", "รายงาน", True),),
                      placeholders=(Placeholder("#", "fragment", "ดาวน์โหลด", "แผนปี 2568", False),),
                      images=(("https://a.go.th/i.png", "ภาพ"),), body_class="home", generator="WordPress 6.4",
                      wp_api_root="https://a.go.th/wp-json/", wp_json=("https://a.go.th/wp-json/wp/v2/pages/2",))
    doc = Document(url="https://a.go.th/", kind=DocKind.HTML, pages=("หน้าแรก",), title="อบต.",
                   links=(Link("https://a.go.th/x.pdf", "แผน", "viewer:gdocs", True, True),), charset="tis-620",
                   charset_note="corrected", error=DocError.CORRUPT, error_detail="x", needs_ocr=True, page_count=3,
                   parent="https://a.go.th/p", depth=2, script_shell="react", rendered=True, render_note="n",
                   truncated="pages", forms=((2, 8),), footer="โทรศัพท์ 0 4321 4567", facts=facts)
    # Every field is set to something other than its default: a field added later without a place in
    # `__reduce__` would come back as its default and fail here.
    for obj in (facts, doc):
        for f in fields(obj):
            default = f.default_factory() if f.default_factory is not MISSING else f.default
            assert getattr(obj, f.name) != default, f.name
    back = pickle.loads(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == doc
    assert back.__dict__ == doc.__dict__ | {"facts": back.facts}
    assert back.facts is not None
    assert {f.name: getattr(back.facts, f.name) for f in fields(facts)} == {
        f.name: getattr(facts, f.name) for f in fields(facts)}
    assert back.facts.occurrences("https://a.go.th/x.pdf")[0].context == "รายงาน"
    assert replace(back, depth=3).depth == 3  # still a frozen dataclass
    assert copy.deepcopy(doc) == doc and copy.copy(doc.facts) == facts


def test_links_and_anchors_read_as_the_dataclasses_they_were() -> None:
    """A finding's reuse digest (engine/reuse.py) is a hash of `repr` of what it read, links included: the
    NamedTuples write the dataclasses' repr, so last night's findings are still taken over."""
    assert repr(Link("https://a.go.th/แผน.pdf", "แผน 'ปี' 2568")) == (
        "Link(url='https://a.go.th/แผน.pdf', text=\"แผน 'ปี' 2568\", via='a', download=False, chrome=False)")
    assert repr(Anchor("https://a.go.th/", "หน้าแรก", "", False)) == (
        "Anchor(url='https://a.go.th/', text='หน้าแรก', context='', chrome=False)")
