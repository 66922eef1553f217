"""Remove a site's template text (menus, sidebars, footers) from its pages before matching.

A menu entry "แผนการดำเนินงาน" or a footer "งบประมาณ" on every page would otherwise evidence components
on pages that hold nothing: the worst kind of false pass. A line is template when it appears on the
agency's home page and on the page, or on at least `min_pages` pages of the same host.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from oit_checker.model import DocKind, Document
from oit_checker.thai import normalize

MIN_LINE = 2  # normalized characters; shorter lines carry no meaning either way


def _lines(doc: Document) -> list[str]:
    return [ln for ln in doc.text.splitlines() if len(normalize(ln)) >= MIN_LINE]


def template_lines(pages: Sequence[Document], reference: Sequence[Document], *, min_pages: int = 3
                   ) -> dict[str, set[str]]:
    """host → normalized lines that belong to the host's template."""
    per_host: dict[str, Counter[str]] = {}
    for doc in pages:
        if doc.kind is not DocKind.HTML:
            continue
        host = (urlsplit(doc.url).hostname or "").lower()
        per_host.setdefault(host, Counter()).update({normalize(ln) for ln in _lines(doc)})
    template: dict[str, set[str]] = {host: {ln for ln, n in c.items() if n >= min_pages}
                                     for host, c in per_host.items()}
    for ref in reference:
        if ref.kind is not DocKind.HTML:
            continue
        host = (urlsplit(ref.url).hostname or "").lower()
        template.setdefault(host, set()).update(normalize(ln) for ln in _lines(ref))
    return template


def strip(doc: Document, template: dict[str, set[str]]) -> Document:
    if doc.kind is not DocKind.HTML:
        return doc
    lines = template.get((urlsplit(doc.url).hostname or "").lower())
    if not lines:
        return doc
    kept = [ln for ln in doc.text.splitlines() if normalize(ln) not in lines]
    if len(kept) == len(doc.text.splitlines()):
        return doc
    return replace(doc, pages=("\n".join(kept),))
