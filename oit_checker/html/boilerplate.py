"""Remove a site's template text (menus, sidebars, footers) from its pages before matching.

A menu entry "แผนการดำเนินงาน" or a footer "งบประมาณ" on every page would otherwise evidence components
on pages that hold nothing: the worst kind of false pass. A line is template when it appears on at least
`min_pages` pages of the same host. The agency's home page is one more page in that count, never a
template on its own: an O3 contact page and the home page's footer hold the same address, phone and e-mail,
and those lines are the contact page's content, not its template.

A page is never stripped down to nothing: when the template lines would take `MAX_SHARE` or more of a
page's text, or leave a page without links of its own under `MIN_LEFT` characters (its text is all its
evidence), the page is the one place that shows them as content (the contact page of a site whose every
footer repeats the address) and is kept whole.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from oit_checker.model import DocKind, Document
from oit_checker.text.thai import normalize
from oit_checker.text.urls import host_of

MIN_LINE = 2  # normalized characters; shorter lines carry no meaning either way
MAX_SHARE = 0.9  # share of a page's text that stripping may not remove
MIN_LEFT = 60  # normalized characters a page without content links keeps (softfail: under 40 is empty_page)


def _host(doc: Document) -> str:
    return host_of(doc.url)


class Lines(dict[str, str]):
    """line → its normalized form, for one agency's pages: a site's menu and footer lines repeat on every page
    (and a page is read for several items), so each is normalized once."""

    def __missing__(self, line: str) -> str:
        self[line] = got = normalize(line)
        return got


def template_lines(pages: Sequence[Document], reference: Sequence[Document], *, min_pages: int = 3,
                   lines: Lines | None = None) -> dict[str, set[str]]:
    """host → normalized lines that belong to the host's template.

    A line is template when at least `min_pages` distinct pages of the host hold it, the reference pages
    (the home page) counted as pages like the others: home + 2 item pages is enough, home + 1 is not.
    """
    norm = Lines() if lines is None else lines
    per_host: dict[str, Counter[str]] = {}
    seen: set[str] = set()
    for doc in (*pages, *reference):
        if doc.kind is not DocKind.HTML or doc.url in seen:
            continue
        seen.add(doc.url)  # a home page also read as an item's page votes once
        per_host.setdefault(_host(doc), Counter()).update(
            {n for ln in doc.text.splitlines() if len(n := norm[ln]) >= MIN_LINE})
    return {host: {ln for ln, n in c.items() if n >= min_pages} for host, c in per_host.items()}


def strip(doc: Document, template: dict[str, set[str]], lines: Lines | None = None) -> Document:
    if doc.kind is not DocKind.HTML:
        return doc
    common = template.get(_host(doc))
    if not common:
        return doc
    norm = Lines() if lines is None else lines
    all_lines = doc.text.splitlines()
    kept = [ln for ln in all_lines if norm[ln] not in common]
    if len(kept) == len(all_lines):
        return doc
    before = len(normalize(doc.text))
    after = sum(len(norm[ln]) for ln in kept)
    if before and (before - after >= MAX_SHARE * before
                   or (after < MIN_LEFT and not any(not link.chrome for link in doc.links))):
        return doc  # the page would be left with (nearly) nothing: its "template" lines are its content
    return replace(doc, pages=("\n".join(kept),))
