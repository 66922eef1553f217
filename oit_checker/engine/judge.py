"""What is decided from what was gathered for one agency: the one entry point evaluation runs through.

Pure, and light to import: it runs on an extraction worker (engine/pipeline.py `Checker._judge`), which
imports it while it starts, so the first agency's evaluation does not wait for imports.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from oit_checker.engine.reuse import also_asked_of, content_hashes, item_inputs, reuse_finding, same_text
from oit_checker.evaluate import notes as judge
from oit_checker.evaluate.item import DocumentCache, evaluate_item
from oit_checker.html import boilerplate
from oit_checker.model import Document, Finding, Item, Retrieved, UrlTrail
from oit_checker.text.thai import display_memo


def judge_agency(items: Sequence[Item], gathered: dict[str, tuple[UrlTrail, ...]], reference: list[Document],
                 fiscal_year: int, home: str | None, candidates: Mapping[str, Finding] | None = None,
                 hashes_before: Mapping[str, str] | None = None, unchanged: Mapping[str, Finding] | None = None,
                 agency: str = "", as_of: date | None = None
                 ) -> tuple[tuple[Finding, ...], dict[str, str], tuple[str, ...]]:
    """Everything decided from what was gathered (pure; runs on an extraction worker): site template lines
    removed, duplicate URLs marked, the documents' content hashes, every item evaluated and marked with the
    hash of what it read (`Finding.inputs`) — or, for the `candidates` (engine/reuse.py), last night's finding
    when the item reads what it read last night.

    `unchanged`: items not followed tonight because every URL they asked for gave last night's bytes
    (engine/reuse.py `Prior.unchanged_items`); their trails here hold those URLs' documents only, for the
    template. Each keeps last night's finding when its documents leave last night's text under tonight's
    template; the others are returned (third element) to be followed and judged again. `agency`: the agency's
    name, to tell its own documents from its parent body's (evaluate/owner.py). `as_of`: the day of the check
    (the months a month-by-month item must show, evaluate/months.py)."""
    with display_memo():
        return _judge(items, gathered, reference, fiscal_year, home, candidates, hashes_before, unchanged, agency,
                      as_of)


def _judge(items: Sequence[Item], gathered: dict[str, tuple[UrlTrail, ...]], reference: list[Document],
           fiscal_year: int, home: str | None, candidates: Mapping[str, Finding] | None,
           hashes_before: Mapping[str, str] | None, unchanged: Mapping[str, Finding] | None, agency: str,
           as_of: date | None) -> tuple[tuple[Finding, ...], dict[str, str], tuple[str, ...]]:
    lines = boilerplate.Lines()  # the agency's lines, normalized once for the template and the soft-fail test
    gathered = _strip_templates(gathered, reference, lines)
    gathered = judge.mark_duplicates(gathered)
    hashes = content_hashes(gathered)
    documents = DocumentCache(lines.__getitem__)
    digests: dict[int, bytes] = {}
    findings = []
    again: list[str] = []
    for item in items:
        trails = gathered.get(item.id, ())
        if unchanged and item.id in unchanged:
            same = same_text(unchanged[item.id], trails, hashes, hashes_before or {})
            if same is None:
                again.append(item.id)
            else:
                findings.append(same)
            continue
        inputs = item_inputs(trails, digests)
        before = (candidates or {}).get(item.id)
        got = reuse_finding(before, trails, inputs) if before is not None else None
        if got is None:
            got = evaluate_item(item, trails, fiscal_year, home=home, cache=documents, agency=agency,
                                as_of=as_of)
        also_asked = also_asked_of(trails)
        findings.append(got if (got.inputs, got.also_asked) == (inputs, also_asked) else replace(got, inputs=inputs,
                                                                                         also_asked=also_asked))
    return tuple(findings), hashes, tuple(again)


def _strip_templates(gathered: dict[str, tuple[UrlTrail, ...]], reference: list[Document],
                     lines: boilerplate.Lines) -> dict[str, tuple[UrlTrail, ...]]:
    pages = {g.document.url: g.document for trails in gathered.values() for t in trails for g in t.retrieved
             if g.document is not None}
    template = boilerplate.template_lines(list(pages.values()), reference, lines=lines)
    if not any(template.values()):
        return gathered
    stripped: dict[int, tuple[Document, Document]] = {}  # id → (document, stripped): a page read for several items

    def fix(g: Retrieved) -> Retrieved:
        doc = g.document
        if doc is None:
            return g
        got = stripped.get(id(doc))
        if got is None or got[0] is not doc:
            got = stripped[id(doc)] = (doc, boilerplate.strip(doc, template, lines))
        return replace(g, document=got[1])

    return {item: tuple(replace(t, retrieved=tuple(fix(g) for g in t.retrieved)) for t in trails)
            for item, trails in gathered.items()}


