"""Decide one item: pure functions from (item, what was gathered, fiscal year) to a `Finding`.

Order of concern when reasons combine: fail > error > review > pass. `error` (could not look) only stands
when nothing usable was read; once content was read, an unreachable extra URL is a `review` note.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence, Set
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any
from urllib.parse import unquote, urlsplit

from oit_checker.catalogue import reasons
from oit_checker.evaluate.appendix import appendix_start
from oit_checker.evaluate.channel import (
    content_service_link,
    framed_service,
    links_other_bodies,
    offers_way_in,
    request_form,
    service_said_none,
)
from oit_checker.evaluate.cover import (
    TITLE_BLOCK_CHARS,
    body_pages,
    contents_lines,
    front_matter_only,
    title_block_text,
)
from oit_checker.evaluate.criteria import checklist_lines, criteria_lines
from oit_checker.evaluate.dated import dated_after_check
from oit_checker.evaluate.division import division_heading
from oit_checker.evaluate.empty import (
    MONTH_CELL,
    blank_agency,
    blank_fields,
    empty_cells_columns,
    empty_sections,
    masked_contacts,
    none_columns,
    outline_tails,
    placeholder_fields,
    placeholder_marks,
    unfilled_columns,
    unfilled_rows,
    without_hints,
    without_refused,
)
from oit_checker.evaluate.footer import is_contact_page, own_footer
from oit_checker.evaluate.grievances import general_only
from oit_checker.evaluate.headings import heading_hit
from oit_checker.evaluate.listed import MIN_LISTED, ListedPage, has_listing_word, only_listed
from oit_checker.evaluate.matchers import position_mention, signature_block, signing_told, structure_hit
from oit_checker.evaluate.months import later_only_gap, month_gap, months_between
from oit_checker.evaluate.monthtable import future_filled, months_left_out
from oit_checker.evaluate.orders import appointment_order
from oit_checker.evaluate.owner import (
    class_beside,
    declared_by_peer,
    is_local_government,
    kind_beside,
    named_peer,
    names_agency,
    names_by_kind,
    other_body,
    other_scheme,
    peer_body,
    signed_by_peer,
    unit_body,
    unit_signed,
)
from oit_checker.evaluate.plans import others_projects_only
from oit_checker.evaluate.posts import other_posts
from oit_checker.evaluate.redirect import pointer_lines, redirect_lines
from oit_checker.evaluate.risks import Subject, off_subject, risk_tables
from oit_checker.evaluate.running import without_running_lines
from oit_checker.evaluate.softfail import classify_detail
from oit_checker.evaluate.totals import total_unsummed
from oit_checker.evaluate.unfinished import SIGNED_ON, cover_memo, directive, draft_mark, minutes_directive
from oit_checker.model import (
    CELL_SEP,
    EACH_OF_MIN,
    Component,
    ComponentKind,
    Confidence,
    DocError,
    DocKind,
    Document,
    Evidence,
    Fetched,
    FetchError,
    Finding,
    FiscalYearRule,
    Item,
    Reason,
    Redirects,
    Retrieved,
    Status,
    TemplateKind,
    Unfollowed,
    UrlTrail,
    fetch_records,
)
from oit_checker.text import blanks, i18n
from oit_checker.text.fiscal import (
    THAI_MONTH_RX,
    MentionKind,
    YearMention,
    find_year_mentions,
    first_half_bounds,
    fiscal_year_bounds,
    month_of,
    month_span,
    thai_date,
    thai_month,
    year_mentions_in_display,
    years_in_url,
)
from oit_checker.text.thai import (
    Match,
    TextIndex,
    display,
    normalize,
    normalize_phrase,
    quote,
    thai_digits_to_arabic,
    within,
)
from oit_checker.text.urls import (
    DOCUMENT_EXTENSIONS,
    canonical_drive,
    classify_external,
    extension,
    looks_like_document,
    same_site,
    split_route,
)

SNIPPET_CONTEXT = 40
_SEVERITY_ORDER = (Status.FAIL, Status.ERROR, Status.REVIEW, Status.PASS)

_FETCH_CODES: dict[FetchError, str] = {
    FetchError.TIMEOUT: "timeout",
    FetchError.CONNECT: "unreachable",
    FetchError.TLS: "tls_error",
    FetchError.TOO_MANY_REDIRECTS: "redirect_loop",
    FetchError.BAD_SCHEME: "bad_scheme",
    FetchError.TOO_LARGE: "too_large",
    FetchError.PROTOCOL: "protocol_error",
    FetchError.LOGIN: "login_wall",
    FetchError.BOT_WALL: "bot_wall",
    FetchError.REFUSED: "refused_private_address",
}


def access_reason(fetched: Fetched) -> Reason | None:
    """Why a fetched URL gives nothing to read, or None when it answered 2xx with a body."""
    ev = (Evidence(url=fetched.url, snippet=fetched.error_detail[:200]),)
    if fetched.error is not None:
        detail = fetched.error_detail or "-"
        code = _FETCH_CODES[fetched.error]
        if reasons.says_detail(code):
            # The message says the detail (in Thai, the fetcher's own words reworded): the URL is the evidence,
            # not a quote of the same detail in English beside it. Where the message does not say it (a bot wall,
            # a login), the quote is the only place the reader learns what the site answered.
            ev = (Evidence(url=fetched.url),)
        # The fetcher's own words are reworded in Thai; what a library or the server said stays as it is,
        # after the Thai description of the failure the reason code gives.
        return reasons.make(code, evidence=ev,
                            detail=reasons.Words(i18n.reword("fetch_detail", detail, "th"), detail))
    status = fetched.status or 0
    if status == 429 or status >= 500:
        return reasons.make("server_error", evidence=ev, status=status, attempts=fetched.attempts)
    if status >= 400:
        return reasons.make("http_error", evidence=ev, status=status)
    return None


def _failure_words(doc: Document) -> reasons.Words:
    """`doc.failure` ("corrupt: KeyError: …") for the English message; for the Thai one, whose words already
    say what kind of failure it is, what the parser said as it said it, else the kind in Thai."""
    assert doc.error is not None
    return reasons.Words(doc.error_detail or i18n.text(f"doc_error.{doc.error.value}", "th"), doc.failure)


def document_reason(doc: Document, line_form: Callable[[str], str] = normalize) -> Reason | None:
    """Why a fetched document gives no readable text, or None. `line_form`: see `classify_detail`."""
    ev = (Evidence(url=doc.url, snippet=doc.failure[:200]),)
    if doc.error is DocError.ENCRYPTED:
        return reasons.make("encrypted", evidence=ev)
    if doc.error is DocError.UNSUPPORTED:
        return reasons.make("unsupported_format", evidence=ev, detail=_failure_words(doc))
    if doc.error is DocError.TIMEOUT:
        return reasons.make("extract_timeout", evidence=ev, detail=_failure_words(doc))
    if doc.error is DocError.TOO_COMPLEX:
        return reasons.make("extract_too_complex", evidence=ev, detail=_failure_words(doc))
    if doc.error is not None:
        return reasons.make("corrupt_document", evidence=ev, detail=_failure_words(doc))
    if doc.needs_ocr:
        return reasons.make("no_text", evidence=(Evidence(url=doc.url),))
    soft = classify_detail(doc, line_form)
    if soft is None:
        return None
    code, why = soft
    ev = (Evidence(url=doc.url, snippet=display(doc.text)[:120]),)
    if code in SHELL_CODES:
        return reasons.make(code, evidence=ev, detail=_shell_words(why, doc.render_note))
    if code == "content_pending":
        return reasons.make(code, evidence=ev, detail=_as_written(doc, why.partition(": ")[2].strip("'")))
    return reasons.make(code, evidence=ev)


def _shell_words(signals: str, render_note: str) -> reasons.Words:
    """A shell's signals and how --render went (stored in English), in both languages."""
    english = "; ".join(x for x in (signals, render_note) if x)
    thai = "; ".join([*(i18n.reword("shell_signal", s, "th") for s in signals.split("; ") if s),
                      *([i18n.reword("render_note", render_note, "th")] if render_note else [])])
    return reasons.Words(thai, english)


def _as_written(doc: Document, notice: str) -> str:
    """The notice's words as the page writes them (`notice` is their matching form: no spaces, lower case)."""
    index = TextIndex(doc.text)
    folded = index.normalized_text.lower()
    i = folded.find(notice)
    if i < 0 or len(folded) != len(index.normalized_text):
        return notice
    start, end = index.display_span(i, i + len(notice))
    return index.display_text[start:end]


# A page JavaScript draws, read as its empty shell: what the item lacks may be on the page the browser draws.
SHELL_CODES = frozenset({"script_rendered", "rendered_empty", "render_failed"})
# What a shell's missing content alone can cause: dropped when the shell itself is the "cover page" or the
# "empty page", softened to review otherwise (the drawn page may hold the component, the year, the file).
_CAUSED_BY_SHELL = frozenset({"empty_page", "cover_only", "missing_component", "stale_fiscal_year",
                              "placeholder_link"})


def rendered_note(docs: Sequence[Document]) -> Reason:
    """A remark on an item read from pages a headless browser drew (`--render`): which, and how it went."""
    notes = list(dict.fromkeys(d.render_note for d in docs if d.render_note))
    words = reasons.Words("; ".join(i18n.reword("render_note", n, "th") for n in notes), "; ".join(notes)) if notes \
        else reasons.Words(th="สร้างหน้าเสร็จ", en="drawn")
    return reasons.make("rendered_page", severity=Status.PASS, evidence=tuple(Evidence(url=d.url) for d in docs),
                        detail=words)


@dataclass(frozen=True)
class _Readable:
    doc: Document
    pages: tuple[TextIndex, ...]
    chars: int  # normalized characters


def _readable(doc: Document, index: Callable[[str], TextIndex] = TextIndex) -> _Readable:
    pages = tuple(index(p) for p in doc.pages)
    return _Readable(doc, pages, sum(len(p.normalized_text) for p in pages))


class DocumentCache:
    """Per-document work (text indexes, year mentions) done once for all the items that read a document.

    One per agency check: a landing page or a plan is often submitted for several items, and indexing or
    year-scanning it again per item was most of the evaluation's time. Below the documents, a page's index and
    its year mentions are kept by its text: the same file under two URLs (an agency submits one plan for two
    items, or links it from two pages) and a page two documents share are indexed and scanned once.

    `line_form`: `normalize` of one line, for the soft-fail test (`classify_detail`); engine/judge.py gives the
    memo of the agency's lines it made while finding the site's template, which holds most of them.
    """

    def __init__(self, line_form: Callable[[str], str] = normalize) -> None:
        self._line_form = line_form
        self._readable: dict[tuple[str, tuple[str, ...]], _Readable] = {}
        self._mentions: dict[tuple[str, str, tuple[str, ...]], list[_Located]] = {}
        self._reasons: dict[int, tuple[Document, Reason | None]] = {}  # by id(): the document is kept with it
        self._unheaded: dict[int, tuple[Document, Document]] = {}  # by id(), as `_reasons`
        self._indexes: dict[str, TextIndex] = {}
        self._scans: dict[str, list[YearMention]] = {}
        # `_gives`, by the ids of an item and its documents (kept with them, so the ids stay theirs)
        self.gives: dict[tuple[int, tuple[int, ...]], tuple[Item, tuple[_Readable, ...], list[frozenset[str]]]] = {}

    def _index(self, text: str) -> TextIndex:
        got = self._indexes.get(text)
        if got is None:
            got = self._indexes[text] = TextIndex(text)
        return got

    def _scan(self, shown: str) -> list[YearMention]:
        got = self._scans.get(shown)
        if got is None:
            got = self._scans[shown] = year_mentions_in_display(shown)
        return got

    def readable(self, doc: Document) -> _Readable:
        key = (doc.url, doc.pages)
        got = self._readable.get(key)
        if got is None:
            got = self._readable[key] = _readable(doc, self._index)
        elif got.doc is not doc:
            got = _Readable(doc, got.pages, got.chars)  # the item's own copy of the document, same text
        return got

    def unheaded(self, doc: Document) -> Document:
        """The document without a PDF's running header and footer (`running.without_running_lines`), once per
        document object: the items that read it share the copy."""
        if doc.kind is not DocKind.PDF or len(doc.pages) < 2:
            return doc
        got = self._unheaded.get(id(doc))
        if got is None or got[0] is not doc:
            pages = without_running_lines(doc.pages)
            got = self._unheaded[id(doc)] = (doc, doc if pages == doc.pages else replace(doc, pages=pages))
        return got[1]

    def reason(self, doc: Document) -> Reason | None:
        """`document_reason(doc)`, once per document object (the items that read it share it)."""
        got = self._reasons.get(id(doc))
        if got is None or got[0] is not doc:
            got = self._reasons[id(doc)] = (doc, document_reason(doc, self._line_form))
        return got[1]

    def mentions(self, r: _Readable) -> list[_Located]:
        key = (r.doc.url, r.doc.title, r.doc.pages)
        got = self._mentions.get(key)
        if got is None:
            got = self._mentions[key] = _doc_mentions(r, self._scan)
        return got


def _off_site(url: str, home: str | None) -> bool:
    return bool(home) and not same_site(url, home or "")


_HOME_PATHS = frozenset({"", "/", "/index.php", "/index.html", "/index.htm", "/home", "/main"})


def _is_home_page(url: str, home: str | None) -> bool:
    if split_route(url)[1]:
        return False  # `https://x/#/ita/o6`: a page of the site's app, not its home page
    parts = urlsplit(url)
    if parts.query or parts.path.lower() not in _HOME_PATHS:
        return False
    return not home or not _off_site(url, home)


def _home_page_note(trails: Sequence[UrlTrail], home: str | None) -> Reason | None:
    """The criteria want URLs that lead straight to the content, not the home page. Beside other URLs a home
    page only shows the click path (agencies do this), so it is then a remark, not a problem."""
    homes = [t.submitted for t in trails if _is_home_page(t.submitted, home)]
    if not homes:
        return None
    alone = len(homes) == len(trails)
    return reasons.make("home_page_only" if alone else "home_page_also", evidence=tuple(Evidence(url=u) for u in homes))


# ---------------------------------------------------------------- components


_TitleSpans = dict[int, list[tuple[str, tuple[int, int]]]]  # page index id → (title, span) in that page
_FormSpans = dict[int, list[tuple[int, int]]]  # page index id → its web forms' spans (`normalized_text`)


@dataclass(frozen=True)
class _Hit:
    """Where one component was found: exactly (strong), only in damaged text (loose), or — for a signed
    component — what the document offers instead of a signature block."""

    strong: Evidence | None = None
    loose: Evidence | None = None
    instead: Evidence | None = None
    footer: bool = False  # found in a site footer (`_with_footers`)
    label: bool = False  # a scope found only in the item's ITA label (`_Label`)


def _pages(r: _Readable) -> Iterable[tuple[int | None, str, TextIndex]]:
    for page_no, (raw, index) in enumerate(zip(r.doc.pages, r.pages, strict=True), start=1):
        yield (page_no if r.doc.kind is DocKind.PDF else None), raw, index


def _find_wording(comp: Component, index: TextIndex, in_titles: Sequence[tuple[str, tuple[int, int]]],
                  strict: bool = False, titles_count: bool = False, forms: Sequence[tuple[int, int]] = ()
                  ) -> tuple[Match | None, Match | None]:
    """(strong, loose) hit of a phrase or pattern on one page. A phrase inside the item's title copied into the
    document does not count (unless the title starts with it, or never when `strict`) — unless `titles_count`.
    Nothing inside `forms` counts (the page's web forms, where the item says their text is no evidence)."""
    loose = None
    # Wordings inside which nothing counts (`Component.not_within`: a slogan, a forecast column), in any form:
    # found only for a page that may hold one of the component's wordings (most pages hold none, and a span
    # only takes hits away).
    blocked: list[tuple[int, int]] | None = None

    def block() -> list[tuple[int, int]]:
        nonlocal blocked
        if blocked is None:
            blocked = [span for w in comp.not_within for span in index.spans_any_form(w)] if comp.not_within else []
            blocked += forms
        return blocked

    for phrase in comp.phrases:
        if not index.may_hold(phrase):
            continue
        needle = normalize_phrase(phrase)
        exclude = [span for t, span in in_titles if isinstance(t, _Label)] if titles_count else \
            [span for t, span in in_titles if strict or not t.startswith(needle)]
        m = index.find(phrase, context=SNIPPET_CONTEXT, exclude=exclude, block=block())
        if m is not None and not m.loose:
            return m, loose
        loose = loose or m
    # A pattern's match inside the item's title copied into the document does not count either (unless
    # `titles_count`, or it starts a title, as for a phrase; patterns had no title rule before, so even under
    # `strict` a title's start counts): "การทุจริต" of an ITA label heading the page says nothing of what the
    # page is about; "E-Service" heading the E-Service page does.
    in_title = [span for t, span in in_titles if isinstance(t, _Label)] if titles_count else \
        [span for _t, span in in_titles]
    for pattern in comp.patterns:
        m = index.find_regex(pattern, context=SNIPPET_CONTEXT, exclude=in_title, start_counts=True)
        if m is not None and (comp.not_within or forms):  # a first match: the one that counts is looked for
            m = index.find_regex(pattern, context=SNIPPET_CONTEXT, exclude=in_title, start_counts=True,
                                 block=block())
        if m is not None:
            return m, loose
    return None, loose


def _find_component(comp: Component, readable: Sequence[_Readable], title_spans: _TitleSpans, *,
                    strict: bool = False, landing: frozenset[str] = frozenset(),
                    forms: _FormSpans | None = None, columns: _FormSpans | None = None) -> _Hit:
    """The first exact match of a phrase, pattern or matcher, else the first loose-only phrase match.

    A scope component is evidenced by the item's title too — in the item's own documents, not on a page that
    only links them (its heading is the ITA label of the item, whatever the linked file is about). The
    body's own wording is quoted when there is any, the title only when it is the sole evidence. `forms`: spans
    where a phrase or pattern does not count; `columns`: spans where a matcher's column header does not (a table's
    columns no row fills)."""
    if comp.kind is ComponentKind.SIGNED:
        return _find_signature(comp, readable)
    hit = _scan_component(comp, readable, title_spans, strict, titles_count=False, forms=forms, columns=columns)
    if hit.strong is None and comp.kind is ComponentKind.SCOPE:
        own = [r for r in readable if r.doc.url not in landing]
        titled = _scan_component(comp, own, title_spans, strict, titles_count=True, forms=forms, columns=columns)
        if titled.strong is not None:
            return titled
        # only the item's ITA label on the page ("O17 ช่องทางแจ้งเรื่องร้องเรียนการทุจริต…" over a list of channels):
        # what the page is about is for a person to confirm (`component_in_label_only`)
        unlabelled = {k: [(t, span) for t, span in v if not isinstance(t, _Label)] for k, v in title_spans.items()}
        labelled = _scan_component(comp, own, unlabelled, strict, titles_count=True, forms=forms, columns=columns)
        if labelled.strong is not None:
            return replace(labelled, label=True)
    return hit


def _scan_component(comp: Component, readable: Sequence[_Readable], title_spans: _TitleSpans, strict: bool,
                    titles_count: bool, forms: _FormSpans | None = None, columns: _FormSpans | None = None) -> _Hit:
    loose_hit: Evidence | None = None
    for r in readable:
        for page, raw, index in _pages(r):
            strong, loose = _find_wording(comp, index, title_spans.get(id(index), []), strict, titles_count,
                                          forms.get(id(index), ()) if forms else ())
            if strong is not None:
                return _Hit(Evidence(url=r.doc.url, page=page, snippet=strong.snippet), loose_hit)
            block = columns.get(id(index), ()) if columns else ()
            shape = next((s for m in comp.matchers if (s := structure_hit(m, raw, index, block)) is not None), None) \
                or heading_hit(comp.headings, raw)
            if shape is not None:
                return _Hit(Evidence(url=r.doc.url, page=page, snippet=shape), loose_hit)
            if loose is not None and loose_hit is None:
                loose_hit = Evidence(url=r.doc.url, page=page, snippet=loose.snippet)
    return _Hit(None, loose_hit)


def _find_signature(comp: Component, readable: Sequence[_Readable]) -> _Hit:
    """A signature block naming one of the component's positions; else what stands in its place."""
    instead: Evidence | None = None
    for r in readable:
        for page, raw, _index in _pages(r):
            block = signature_block(raw, comp.phrases)
            if block is not None:
                return _Hit(Evidence(url=r.doc.url, page=page, snippet=block))
            mention = position_mention(raw, comp.phrases) if instead is None else None
            if mention is not None:
                instead = Evidence(url=r.doc.url, page=page, snippet=mention)
    # A page telling the executive signed, beside its link to the signed document: "เมื่อวันที่ ๘ ตุลาคม ๒๕๖๘ นายสมชาย
    # ใจดี นายกองค์การบริหารส่วนตำบลโคกสูง ลงนามประกาศเจตนารมณ์… (ดาวน์โหลด ประกาศ อบต.โคกสูง… ลงนามโดยนายก อบต.)" — the
    # assessor opens the link (review37 g08); a told signing without the document stays missing
    for r in readable:
        for a in r.doc.facts.anchors if r.doc.facts else ():
            if not a.chrome and extension(a.url) in DOCUMENT_EXTENSIONS \
                    and signing_told(a.context or a.text, comp.phrases):
                return _Hit(Evidence(url=r.doc.url, snippet=display(a.context or a.text)[:_TOLD_QUOTE]))
    return _Hit(instead=instead)


_TOLD_QUOTE = 240  # characters of the entry quoted


def _form_spans(readable: Sequence[_Readable]) -> _FormSpans:
    """Where each page's visitor forms stand in its text (`Document.forms`: line ranges of a one-page document), as
    `normalized_text` spans."""
    out: _FormSpans = {}
    for r in readable:
        if r.doc.forms and len(r.pages) == 1:
            spans = _line_spans(r.doc.pages[0], r.pages[0], r.doc.forms)
            if spans:
                out[id(r.pages[0])] = spans
    return out


def _not_counted(comp: Component, away: _FormSpans | None, forms: _FormSpans | None, contents: _FormSpans,
                 nav: _FormSpans | None = None) -> _FormSpans:
    """Where a component's wording does not count: the forms' spans, those away from a name (`_away_for`), for
    a content component the table of contents (a section's title there is not the section), and for a scope the
    page's navigation left in its text (`_navigation_spans`: what the site links is not what the page is about)."""
    where = _merged(away, forms or {})
    if nav and comp.kind is ComponentKind.SCOPE:
        return _merged(where, nav)
    return _merged(where, contents) if contents and comp.kind is ComponentKind.CONTENT else where


# A breadcrumb trail left in a page's text ("หน้าหลัก » ITA ๒๕๖๙ » มาตรการภายในเพื่อป้องกันการทุจริต » O๑๖ …", "ท่านอยู่ที่ :
# หน้าหลัก » ร้องเรียน/ร้องทุกข์ » …"): the site's menus, not the page's subject (review34 p01).
_TRAIL = re.compile(r"^\s*(?:(?:ท่าน|คุณ)\s?อยู่ที่\s*[:：]?\s*)?(?:หน้าหลัก|หน้าแรก|home)\s*(?:[»›>]\s*[^»›>\n]+){2,}$",
                    re.IGNORECASE)
_LINK_RUN = 3  # lines in a row, each only a link's text to another page: a column of banners or a menu
# What may stand between links set side by side on one line ("ITA 2569 | No Gift Policy · E-Service").
_LINK_GLUE = re.compile(r"[|·•»›/,\-–—]*")


def _link_texts(doc: Document) -> set[str]:
    """The texts of a web page's links to other pages, matching-normalized: every anchor where the page's facts
    list them (a URL linked twice keeps both texts: "ITA" in the menu, "ITA 2569" among the banners), the menus'
    too (their text stays when the layout's names did not mark them), else its links; links to documents left out
    (a list of files is the page's content)."""
    anchors = [(a.url, a.text) for a in doc.facts.anchors] if doc.facts else []
    anchors += [(link.url, link.text) for link in doc.links if not link.chrome and link.via == "a"]
    return {flat for url, text in anchors if text and extension(url) not in DOCUMENT_EXTENSIONS
            and (flat := normalize(text))}


def _link_pieces(flat: str, texts: Set[str]) -> int:
    """How many link texts make up a whole line (`normalize`d), side by side with at most `_LINK_GLUE` between
    them: "แจ้งเรื่องร้องเรียนการทุจริต คลิกที่นี่ ITA 2569 No Gift Policy ศูนย์ปฏิบัติการต่อต้านการทุจริต E-Service" is 5
    banners' texts (review40 h04); 0 when any of the line is not a link's text."""
    best: dict[int, int] = {0: 0}  # position reached → most links read to reach it
    for i in range(len(flat)):
        if i not in best:
            continue
        for text in texts:
            if flat.startswith(text, i):
                glue = _LINK_GLUE.match(flat, i + len(text))
                end = glue.end() if glue else i + len(text)
                best[end] = max(best.get(end, 0), best[i] + 1)
    return best.get(len(flat), 0)


def _navigation_spans(readable: Sequence[_Readable]) -> _FormSpans:
    """Where a web page's navigation stands in its text, when the layout's names did not mark it as chrome: a
    breadcrumb trail (`_TRAIL`), runs of `_LINK_RUN` or more lines each only links' texts to other pages (a
    sidebar's banners "ศูนย์ปฏิบัติการต่อต้านการทุจริต อบต.โคกสูง", "แจ้งเรื่องร้องเรียนการทุจริต คลิกที่นี่" beside a
    general grievance manual: review34 p01, r01), and one line made of `_LINK_RUN` or more links' texts side by side
    (the same banners in a strip under the breadcrumb: review40 h04), as `normalized_text` spans; {} for the many
    pages with none."""
    out: _FormSpans = {}
    for r in readable:
        if r.doc.kind is not DocKind.HTML or len(r.pages) != 1:
            continue
        raw = r.doc.pages[0]
        spans = _line_spans(raw, r.pages[0], _navigation_lines(raw, frozenset(_link_texts(r.doc))))
        if spans:
            out[id(r.pages[0])] = spans
    return out


@lru_cache(maxsize=256)  # a page is read for several items of its agency
def _navigation_lines(raw: str, texts: frozenset[str]) -> list[tuple[int, int]]:
    """The line ranges of a page's navigation (`_navigation_spans`), sorted."""
    lines = raw.split("\n")
    ranges = [(i, i + 1) for i, line in enumerate(lines) if _TRAIL.match(display(line))]
    run: list[int] = []
    for i, line in enumerate([*lines, ""]):
        flat = normalize(line)
        pieces = _link_pieces(flat, texts) if flat and texts else 0
        if pieces >= _LINK_RUN:  # a strip of banners on one line
            ranges.append((i, i + 1))
        if pieces:
            run.append(i)
            continue
        if len(run) >= _LINK_RUN:
            ranges.append((run[0], run[-1] + 1))
        run = []
    return sorted(ranges)


def _lines_of_others(readable: Sequence[_Readable], words: Sequence[str], agency: str) -> _FormSpans:
    """The lines naming another body (`Component.not_on_lines_of`) and not the agency's place, as `normalized_text`
    spans: "สำนักงานตรวจเงินแผ่นดินจังหวัดขอนแก่น | โทร. ๐ ๔๓๒๔ ๖๗๘๙" on a page of other bodies' channels only (review31
    d02, review35 c09). A provincial administration's line names it ("องค์การบริหารส่วนจังหวัดขอนแก่น", "อบจ."), not
    only its province: "ศูนย์ดำรงธรรมจังหวัดขอนแก่น ศาลากลางจังหวัดขอนแก่น สายด่วน 1567" is the province's (review43
    b14; `owner.names_agency`). The agency's place inside the other body's name is the body's: "โรงพยาบาลส่งเสริมสุขภาพ
    ตำบลบ้านโคกสูง โทร. ๐๔๓-๒๖๑๗๗๐ อีเมล rpst.khoksung@gmail.com" is the health station's line (review61 a09)."""
    needles = [normalize_phrase(w) for w in words]
    names = _body_names(tuple(words))
    out: _FormSpans = {}
    for r in readable:
        for raw, index in zip(r.doc.pages, r.pages, strict=True):
            lines = [normalize(line) for line in raw.split("\n")]
            ranges = [(i, i + 1) for i, (line, shown) in enumerate(zip(lines, raw.split("\n"), strict=True))
                      if any(n in line for n in needles)
                      and not names_agency(normalize(names.sub(" ", display(shown))), agency)]
            spans = _line_spans(raw, index, ranges)
            if spans:
                out[id(index)] = spans
    return out


def _redirect_spans(readable: Sequence[_Readable]) -> _FormSpans:
    """The sentences sending corruption complaints away (`redirect.redirect_lines`), as `normalized_text` spans."""
    out: _FormSpans = {}
    for r in readable:
        for raw, index in zip(r.doc.pages, r.pages, strict=True):
            ranges = [(a, b) for a, b, _said in redirect_lines(raw, r.doc.kind is DocKind.PDF)]
            spans = _line_spans(raw, index, _joined_ranges(ranges))
            if spans:
                out[id(index)] = spans
    return out


def _pointer_spans(readable: Sequence[_Readable]) -> _FormSpans:
    """The sentences telling where corruption is reported (`redirect.pointer_lines`), as `normalized_text` spans."""
    out: _FormSpans = {}
    for r in readable:
        for raw, index in zip(r.doc.pages, r.pages, strict=True):
            spans = _line_spans(raw, index, _joined_ranges(pointer_lines(raw, r.doc.kind is DocKind.PDF)))
            if spans:
                out[id(index)] = spans
    return out


def _joined_ranges(ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted line ranges [a, b) with the touching ones joined."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


@lru_cache(maxsize=32)
def _body_names(words: tuple[str, ...]) -> re.Pattern[str]:
    """Another body's name as written on a line (display form): one of `words` and the rest of its word, up to the
    next space ("ที่ว่าการอำเภอภูเวียง", "โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านโคกสูง")."""
    return re.compile("(?:" + "|".join(re.escape(display(w)) for w in words) + r")\S*")


def _contents_spans(readable: Sequence[_Readable]) -> _FormSpans:
    """Where each page's table of contents stands (`cover.contents_lines`), and its lines that point to another part
    (`_pointer_lines`, `_trailing_pointer_lines`), as `normalized_text` spans; {} for the many documents with none."""
    out: _FormSpans = {}
    for r in readable:
        for raw, index in zip(r.doc.pages, r.pages, strict=True):
            lines = [*contents_lines(raw), *_pointer_lines(raw), *_trailing_pointer_lines(raw, r.doc.pages)]
            spans = _line_spans(raw, index, lines)
            if spans:
                out[id(index)] = spans
    return out


# A line pointing the reader to another part, chapter or page: "(ต่อส่วนที่ ๒ บทที่ ๓ ขั้นตอนการปฏิบัติงาน)" closing part 1
# of a manual whose part 2 was never submitted (review53 b09), "ดูรายละเอียดในบทที่ 4 …", "(อ่านต่อหน้า 12)". A
# section's title there names where the section is, not the section: like a table of contents' line.
_POINTER = re.compile(r"^\s*[(\[]?\s*(?:อ่านต่อ|ดูต่อ|ต่อ|โปรดดู|ดูรายละเอียด(?:เพิ่มเติม)?|ดู|รายละเอียด(?:เพิ่มเติม)?(?:อยู่)?"
                      r"(?:ตาม|ดู))\s*(?:ได้)?\s*(?:ใน|ที่)?\s*(?:(?:ส่วนที่|บทที่|ตอนที่|เล่มที่|หน้า(?:ที่)?)\s*[\d๐-๙]|ภาคผนวก)")
_POINTER_LINE_MAX = 100  # characters: a longer line is prose that cites a chapter


def _pointer_lines(page: str) -> tuple[tuple[int, int], ...]:
    """The line ranges [a, b) of a page's lines that point to another part (`_POINTER`); () for most pages."""
    if not any(w in page for w in ("ส่วนที่", "บทที่", "ตอนที่", "เล่มที่", "ภาคผนวก", "หน้า")):
        return ()
    return tuple((i, i + 1) for i, line in enumerate(page.split("\n"))
                 if len(line) <= _POINTER_LINE_MAX and _POINTER.match(line) is not None)


# A pointer AFTER the part's name: in brackets at the line's end, "ปัญหาอุปสรรคและข้อเสนอแนะ (อ่านต่อหน้า ๑๒)",
# "ผลการดำเนินการรายโครงการ (ต่อส่วนที่ ๒ ผลการดำเนินการและงบประมาณที่ใช้)" on the introduction page of a report whose
# other pages were never submitted (review55 b04), or mid-line, "สำหรับปัญหาอุปสรรคและข้อเสนอแนะ ดูรายละเอียดในบทที่ ๔ ของ
# รายงาน…(ฉบับเต็ม)" (review55 b03). It names a part, chapter or page, not a table or a picture of the same file:
# "ปัญหาอุปสรรค (รายละเอียดตามตารางที่ ๒)" above the table (review55 b02), "บทที่ ๓ ขั้นตอนการปฏิบัติงาน (ดูแผนภาพหน้า ๕)"
# above the steps (review55 b01) are headings of their own content. The pointer may name the other document before
# the part: "ผลการดำเนินการรายมาตรการ โปรดดูในรายงานฉบับเต็ม หน้า ๕–๑๔" on a summary page whose full report was never
# submitted (review57 d03); a full report submitted beside it gives the parts itself.
_POINTER_DOCUMENT = r"(?:(?:เล่ม)?รายงาน(?:ฉบับ(?:เต็ม|สมบูรณ์))?|ฉบับ(?:เต็ม|สมบูรณ์)|เอกสารแนบ(?:ท้าย)?)?"
_POINTER_AFTER = re.compile(
    r"[(\[]\s*(?:อ่านต่อ|ดูต่อ|ต่อ|โปรดดู|ดูรายละเอียด(?:เพิ่มเติม)?|ดู|รายละเอียด(?:เพิ่มเติม)?(?:อยู่)?(?:ตาม|ดู)?)\s*(?:ได้)?"
    rf"\s*(?:ใน|ที่)?\s*{_POINTER_DOCUMENT}\s*(?P<part>ส่วนที่|บทที่|ตอนที่|เล่มที่|หน้า(?:ที่)?)\s*(?P<number>[\d๐-๙]+)"
    r"[^()\[\]]*[)\]]\s*$"
    r"|\s(?:โปรดดู|ดูรายละเอียด(?:เพิ่มเติม)?|อ่านรายละเอียด(?:เพิ่มเติม)?)\s*(?:ได้)?\s*(?:ใน|ที่)"
    rf"\s*{_POINTER_DOCUMENT}\s*(?P<part2>ส่วนที่|บทที่|ตอนที่|เล่มที่|หน้า(?:ที่)?)\s*(?P<number2>[\d๐-๙]+)")


def _trailing_pointer_lines(page: str, pages: Sequence[str]) -> list[tuple[int, int]]:
    """The line ranges [a, b) of a page's lines that name a part and then point elsewhere for it (`_POINTER_AFTER`),
    when the file does not hold the place pointed to: no "บทที่ ๔" heading in it, fewer pages than "หน้า ๑๒" (a
    pointer to a part the file holds is a heading over that part); [] for most pages."""
    if not any(w in page for w in ("ส่วนที่", "บทที่", "ตอนที่", "เล่มที่", "หน้า")):
        return []
    out: list[tuple[int, int]] = []
    for i, line in enumerate(page.split("\n")):
        m = _POINTER_AFTER.search(line) if len(line) <= _POINTER_LINE_MAX else None
        if m is None or _POINTER.match(line) is not None:
            continue
        part = m.group("part") or m.group("part2")
        number = int(thai_digits_to_arabic(m.group("number") or m.group("number2")))
        if not _holds_part(pages, part, number, line):
            out.append((i, i + 1))
    return out


def _holds_part(pages: Sequence[str], part: str, number: int, pointer: str) -> bool:
    """Whether a file holds the part a pointer names: a page numbered `number` ("หน้า ๑๒": as many pages), or a line
    other than the pointer's own that starts with the part's name and number ("บทที่ ๔ ปัญหาอุปสรรคและข้อเสนอแนะ")."""
    if part.startswith("หน้า"):
        return len(pages) >= number
    heading = re.compile(rf"^\s*{part}\s*0*{number}(?!\d)")
    return any(line != pointer and heading.match(thai_digits_to_arabic(line))
               for page in pages for line in page.split("\n"))


def _per_page(readable: Sequence[_Readable], spans_of: Callable[[str, TextIndex], list[tuple[int, int]]]
              ) -> _FormSpans:
    """`spans_of(raw text, index)` of every page that has any, by `id(index)`."""
    out: _FormSpans = {}
    for r in readable:
        for raw, index in zip(r.doc.pages, r.pages, strict=True):
            spans = spans_of(raw, index)
            if spans:
                out[id(index)] = spans
    return out


def _empty_spans(readable: Sequence[_Readable]) -> _FormSpans:
    """Where each page's empty sections stand (a heading with only a dash: `empty.empty_sections`; a table
    header's columns that no row fills: `empty.unfilled_columns`), as `normalized_text` spans; {} for the many
    documents with none."""
    def spans_of(raw: str, index: TextIndex) -> list[tuple[int, int]]:
        sections, tails = _empty_parts(raw)
        if not sections and not tails:
            return []
        spans = _line_spans(raw, index, sections) + _tail_spans(raw, index, tails)
        return _joined(spans) if spans else []

    return _per_page(readable, spans_of)


@lru_cache(maxsize=512)  # a page is read for many items of its agency, and has none of these most of the time
def _empty_parts(raw: str) -> tuple[list[tuple[int, int]], list[tuple[int, int, int | None]]]:
    """A page's empty sections (line ranges) and empty columns ((line, start, end) of a header's part)."""
    tails: list[tuple[int, int, int | None]] = [(h, c, None) for h, c in unfilled_columns(raw)]
    tails.extend(empty_cells_columns(raw))
    tails.extend(none_columns(raw))  # a risk plan's measures all "ไม่มี" (review68 d07)
    tails.extend(blank_fields(raw))  # "ปัญหาและอุปสรรค ......": a label over dots (review67 b17, review69 e09)
    tails.extend(placeholder_fields(raw))  # "ปัญหาอุปสรรค: TBD", a heading over Lorem ipsum (review71 b03, b04)
    return empty_sections(raw), tails


def _criteria_spans(readable: Sequence[_Readable]) -> _FormSpans:
    """Where each page quotes the NACC's criteria of an item (`criteria.criteria_lines`: "องค์ประกอบด้านข้อมูล" over
    the parts' names as bullets) or ticks its steps done in a checklist (`criteria.checklist_lines`), as
    `normalized_text` spans; {} for the many documents with none."""
    return _per_page(readable, lambda raw, index: _line_spans(raw, index, criteria_lines(raw) + checklist_lines(raw)))


def _outline_spans(readable: Sequence[_Readable]) -> _FormSpans:
    """Where each page lists the report's parts in a sentence (`empty.outline_tails`: "…รายงานประจำปี ซึ่งประกอบด้วย…
    ผลการดำเนินงานรายโครงการ การใช้จ่ายงบประมาณ ปัญหาอุปสรรค และข้อเสนอแนะ"), as `normalized_text` spans; {} for the many
    documents with none."""
    return _per_page(readable, lambda raw, index: _tail_spans(raw, index, outline_tails(raw)))


def _joined(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans that touch or overlap made one: a pattern reading across two empty columns ("(บาท) | ผลที่ได้") lies
    within their union."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _tail_spans(raw: str, index: TextIndex, tails: Sequence[tuple[int, int, int | None]]) -> list[tuple[int, int]]:
    """Parts of lines, (line, start, end; None: to the line's end), as `normalized_text` spans."""
    if not tails:
        return []
    lines = raw.split("\n")
    out: list[tuple[int, int]] = []
    for line, col, stop in tails:
        needle = normalize(lines[line][col:stop])
        at = normalize("\n".join(lines[:line]) + "\n" + lines[line][:col])
        i = index.normalized_text.find(needle, max(0, len(at) - 8)) if needle else -1
        if i != -1:
            out.append((i, i + len(needle)))
    return out


def _line_spans(raw: str, index: TextIndex, ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Line ranges [a, b) of a page as `normalized_text` spans. The normalized text is the lines' normalized forms
    end to end (`display` folds each line break into a space, which `normalize` drops); where a repair joined two
    lines, the range's lines are looked for instead."""
    if not ranges:
        return []
    lines = raw.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(normalize(line)))
    exact = starts[-1] == len(index.normalized_text)
    out: list[tuple[int, int]] = []
    for a, b in ranges:
        if not 0 <= a < b <= len(lines):
            continue
        if exact:
            out.append((starts[a], starts[b]))
            continue
        needle = normalize("\n".join(lines[a:b]))
        i = index.normalized_text.find(needle) if needle else -1
        if i != -1:
            out.append((i, i + len(needle)))
    return out


def _title_spans(item: Item, readable: Sequence[_Readable]) -> _TitleSpans:
    """Where the item's title is copied into each page: "ผลการดำเนินงาน" inside "รายงานผลการดำเนินงาน…" is no
    evidence of results, so a hit there does not count for a content component — unless the title starts
    with the phrase, i.e. the title says what the document is ("คู่มือ…" is a manual)."""
    titles = tuple(dict.fromkeys(normalize(p) for p in (*item.title_phrases, item.name_th) if p))
    name = normalize(item.name_th)
    out: _TitleSpans = {}
    for r in readable:
        for raw, index in zip(r.doc.pages, r.pages, strict=True):
            labels = _labels(raw, index.normalized_text)
            spans = out[id(index)] = [(_Label(name), span) for span in labels]
            for t in titles:
                for span in index.spans(t):
                    inside = any(a <= span[0] and span[1] <= b for a, b in labels)
                    spans.append((_Label(t) if inside else t, span))
    return out


# An ITA label: a short line with an item's code near its start, then its name ("O17 ช่องทางแจ้ง…", "O17 : ช่องทาง…",
# "[O17] …", "ข้อ O17 …", "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล O17 ช่องทาง…"), this item's or another's (an ITA index's lines);
# not a table's row ("1 | O17 เพิ่มช่องทาง… | ดำเนินการแล้ว…") nor prose citing the code ("ตามเกณฑ์ ITA ข้อ O17 อบต.… เปิด…").
_LABEL_LINE = re.compile(r"(?im)^[^\n|]{0,60}?(?<![A-Za-z0-9])o\.?[^\S\n]?0?(?:[1-9]|[12]\d|3[0-3])(?!\d)"
                         r"[^\S\n]*[:：\]\)\-–.]?[^\S\n]*(?!อบต|อบจ|ทต\.|ทม\.|ทน\.|เทศบาล|องค์การ|สำนักงาน|หน่วยงาน|ได้|จัด|เปิด"
                         r"|ซึ่ง|ดังนี้|นั้น|นี้)[ก-๙][^\n|]*$")
_LABEL_LINE_MAX = 200  # characters: a longer line is prose that cites an item


@lru_cache(maxsize=256)  # a page's labels are the same for every item of its agency that reads it
def _labels(raw: str, normalized: str) -> tuple[tuple[int, int], ...]:
    """The `normalized_text` spans of a page's ITA label lines (`_LABEL_LINE`)."""
    return tuple((i, i + len(n)) for m in _LABEL_LINE.finditer(raw) if len(m.group()) <= _LABEL_LINE_MAX
                 and (n := normalize(m.group())) and (i := normalized.find(n)) != -1)


class _Label(str):
    """The item's ITA label, a line its code starts ("O17 ช่องทางการแจ้งเรื่องร้องเรียนการทุจริต…", as the item's name),
    or a copy of the title inside one: it may say what the page holds (a list of channels, of news) as a title does,
    never what it is about (a scope: `titles_count`), and no other wording in it counts."""


def _found_reason(comp: Component, evidence: Evidence) -> Reason:
    return Reason(code="component_found", message_th=comp.label_th, message_en=comp.label_en,
                  evidence=(evidence,), severity=Status.PASS, inferred=comp.confidence.is_guess,
                  detail={"component": comp.id})


def _missing_reasons(missing: Sequence[tuple[Component, Evidence | None]], readable: Sequence[_Readable]
                     ) -> list[Reason]:
    """missing_component for the components missing; those carried over from another year's form
    (`Component.carried_over`) at review apart: whether this year asks them is for a person to say."""
    asked = [m for m in missing if not m[0].carried_over]
    carried = [m for m in missing if m[0].carried_over]
    return ([_missing_reason(asked, readable)] if asked else []) + \
        ([replace(_missing_reason(carried, readable), severity=Status.REVIEW)] if carried else [])


def _missing_reason(missing: Sequence[tuple[Component, Evidence | None]], readable: Sequence[_Readable]
                    ) -> Reason:
    """missing_component, quoting for a signed component what the document shows instead of a signature."""
    def label(c: Component, instead: Evidence | None, en: bool) -> str:
        name = (c.label_en or c.label_th) if en else c.label_th
        if instead is None:
            return name
        if en:
            return f"{name} (found only «{instead.snippet}»: no signature block of the position the item asks for)"
        return f"{name} (พบเพียง «{instead.snippet}» ซึ่งไม่ใช่ช่องลงนามของตำแหน่งที่ข้อนี้ต้องการ)"

    instead = [ev for _, ev in missing if ev is not None]
    reason = reasons.make(
        "missing_component",
        components=", ".join(label(c, ev, False) for c, ev in missing),
        components_en=", ".join(label(c, ev, True) for c, ev in missing),
        inferred=any(c.confidence.is_guess for c, _ in missing),
        evidence=(*instead, *(Evidence(url=r.doc.url) for r in readable[:3])),
    )
    reason.detail["missing"] = [c.id for c, _ in missing]
    reason.detail["missing_en"] = [c.label_en for c, _ in missing]
    if instead:
        reason.detail["instead"] = {c.id: ev.snippet for c, ev in missing if ev is not None}
    return reason


@dataclass(frozen=True)
class _Doubt:
    found: Evidence  # where the component was found
    said: Evidence  # where the same document says what puts it in doubt
    word: str  # the `doubted_by` wording


# Online channels that settle a doubt: a page that links an online form offers a service online, whatever else it
# says of handing in paper.
_ONLINE_FORM_HOSTS = ("forms.gle", "docs.google.com/forms", "forms.office.com", "line.me", "lin.ee")
_OR = normalize("หรือ")
_OR_REACH = 12  # normalized characters before a doubting wording where "หรือ" makes it an alternative
_NACC = normalize("ป.ป.ช")
# the executives as the accused: "กรณีผู้ถูกกล่าวหาเป็นนายก…", "…ร้องเรียนกล่าวหานายก อบต. หรือรองนายก…" (normalized)
_ACCUSED = re.compile(r"(?:ผู้ถูก(?:กล่าวหา|ร้องเรียน)(?:เป็น|คือ)?|กล่าวหา|ร้องเรียน(?:กล่าวหา)?|(?:ทุจริต|ประพฤติมิชอบ)(?:ของ|โดย))"
                      r"(?:ตัว)?(?:นายก|รองนายก|ผู้บริหาร|ผู้บังคับบัญชาสูงสุด)|(?:นายก|รองนายก|ผู้บริหาร).{0,20}?ถูก(?:กล่าวหา|ร้องเรียน)")
# an exclusion of the executives' cases ("ยกเว้นกรณีทุจริตของผู้บริหารท้องถิ่น ซึ่งอยู่ในอำนาจของ ป.ป.ช."): theirs, not all
_OF_EXECUTIVES = re.compile(r"(?:ของ|โดย)?(?:ตัว)?(?:นายก|รองนายก|ผู้บริหาร)")
_OF_EXECUTIVES_REACH = 20  # normalized characters after an exclusion
_EXECUTIVE_REACH = 400  # normalized characters before "…ไปยื่นต่อสำนักงาน ป.ป.ช": the clause "กรณี…" that names the accused


def _doubt(comp: Component, readable: Sequence[_Readable], title_spans: _TitleSpans, forms: _FormSpans | None
           ) -> _Doubt | None:
    """`Component.doubted_by`: a document read for the item (the page that links its Word forms too) in which the
    component is found and which says one of the wordings ("นำมายื่นด้วยตนเอง" on a page headed "E-Service"), unless
    as an alternative ("… หรือยื่นด้วยตนเองที่สำนักงาน") or beside an online channel (a visitor form, a Google Forms
    or LINE link)."""
    if not comp.doubted_by and comp.redirects is not Redirects.DOUBTED:
        return None
    for r in readable:
        if comp.kind is not ComponentKind.SCOPE and (r.doc.forms or any(
                h in link.url for link in r.doc.links if not link.chrome for h in _ONLINE_FORM_HOSTS)):
            continue  # an online form settles "ยื่นด้วยตนเอง"; not a guideline leaving corruption out
        said = _doubting_words(comp, r)
        if said is None or _told_held(comp, r):
            continue
        hit = _scan_component(comp, [r], title_spans, False, titles_count=False, forms=forms)
        if hit.strong is None and comp.kind is ComponentKind.SCOPE:
            # a scope found in words the item's title holds ("กรณีร้องเรียนการทุจริต…", as `_find_component` reads it):
            # doubted there too (review24 e05)
            hit = _scan_component(comp, [r], title_spans, False, titles_count=True, forms=forms)
        if hit.strong is not None:
            return _Doubt(hit.strong, said[0], said[1])
    return None


def _told_held(comp: Component, r: _Readable) -> bool:
    """Whether the document tells of an activity held (`Component.held_by`): "เมื่อวันที่ ๑๒ มีนาคม ๒๕๖๘ … จัดโครงการอบรม
    คุณธรรมจริยธรรม … มีผู้เข้าร่วม ๓๔ คน" beside "ครั้งที่ ๒ กำหนดจัดกิจกรรม…" (review65 j01)."""
    return any(index.find_regex(p, context=0) is not None for _page, _raw, index in _pages(r) for p in comp.held_by)


def _doubting_words(comp: Component, r: _Readable) -> tuple[Evidence, str] | None:
    for page, raw, index in _pages(r):
        text = index.normalized_text
        for word in comp.doubted_by:
            for a, b in index.spans(word):
                if _OR in text[max(0, a - _OR_REACH):a]:
                    continue  # an alternative to the service, not instead of it
                if _NACC in word and _ACCUSED.search(text, max(0, a - _EXECUTIVE_REACH), a) is not None:
                    continue  # a complaint against the นายก is the NACC's to take, not a guideline's gap
                if comp.kind is ComponentKind.SCOPE and _OF_EXECUTIVES.match(text, b, b + _OF_EXECUTIVES_REACH):
                    continue  # the executives' cases left to the NACC, not corruption left out
                start, end = index.display_span(a, b)
                return Evidence(url=r.doc.url, page=page, snippet=index.snippet(start, end, SNIPPET_CONTEXT)), word
        if comp.redirects is Redirects.DOUBTED:
            # a sentence sending corruption away however worded: "เรื่องร้องเรียนเกี่ยวกับการทุจริตของเจ้าหน้าที่ โปรดติดต่อ"
            # over "สำนักงาน ป.ป.ช. ประจำจังหวัดขอนแก่น โทร. …" (review61 d06)
            for a_line, b_line, said in redirect_lines(raw, r.doc.kind is DocKind.PDF):
                for a, b in _line_spans(raw, index, [(a_line, b_line)]):
                    start, end = index.display_span(a, b)
                    return Evidence(url=r.doc.url, page=page, snippet=index.snippet(start, end, 0)), said
    return None


_NEXT_TO_LINE = 80  # characters: a line this short beside a name is its title ("นายกเทศมนตรี"), a longer one prose
# Lines: a card gives the name, a rank, a term, a photo's caption, then the role; the search stops at a long line.
_NEXT_TO_REACH = 6
# A card's long line (its term, duties, history, contacts), told by its first words.
_TERM = ("ดำรงตำแหน่ง", "วาระ", "อำนาจหน้าที่", "ประวัติ", "การศึกษา", "โทร", "อีเมล", "ที่อยู่", "ระยะเวลา")
_TERM_HEAD = 20  # characters
_NAME_SCAN = 2000  # characters of a line searched for a name: the names pattern costs on a very long line
# A name after a rank or an academic title ("ว่าที่ร้อยตรีสมชาย ใจดี", "ว่าที่ ร.ต.", "ดร.", "พ.ต.ท."): the names
# component knows นาย/นาง/นางสาว only. "ส.ต.", "ส.อ." only glued to the name ("ส.ต.สมศักดิ์ รักดี"); never "ส.ท.", a
# council member ("สมาชิกสภาเทศบาล": "ส.ท.ทุกท่าน", "ส.ท. มีหน้าที่…").
_RANKED_NAME = re.compile(
    r"(?:ว่าที่\s*(?:ร้อย|พัน)\s*(?:ตรี|โท|เอก)|ว่าที่\s*[รพ]\.\s?[ตทอ]\.|(?:จ่า)?สิบ(?:ตรี|โท|เอก)|(?:ร้อย|พัน)(?:ตรี|โท|เอก)"
    r"|ดร\.|ผศ\.|รศ\.|ศ\.|[พร]\.\s?[ตทอ]\.(?:\s?[ตทอ]\.)?|จ\.\s?ส\.\s?[ตทอ]\.)\s*[ก-๙]{2,}\s+[ก-๙]{2,}"
    r"|ส\.[ตอ]\.(?!ทุก|เขต)[ก-๙]{2,}\s+[ก-๙]{2,}")


def _away_for(item: Item, comp: Component, readable: Sequence[_Readable]) -> _FormSpans | None:
    """`_away_from` the component `comp.next_to` names; None for a component without `next_to`."""
    other = next((c for c in item.components if c.id == comp.next_to), None) if comp.next_to else None
    return _away_from(readable, other) if other is not None else None


def _away_from(readable: Sequence[_Readable], other: Component) -> _FormSpans:
    """Where a component with `next_to` does not count (`Component.next_to`): the lines of each page that neither
    hold `other`'s wording (a person's name) nor are a short line near such a line (`_near`), as `normalized_text`
    spans."""
    out: _FormSpans = {}
    phrases = [normalize_phrase(p) for p in other.phrases]
    for r in readable:
        for raw, index in zip(r.doc.pages, r.pages, strict=True):
            lines = raw.split("\n")
            shown = [display(line) for line in lines]
            head = [t[:_NAME_SCAN] for t in shown]
            held = [any(p.search(t) for p in other.patterns) or _RANKED_NAME.search(t) is not None
                    or any(p in t.replace(" ", "") for p in phrases) for t in head]
            short = [len(t) <= _NEXT_TO_LINE for t in shown]
            terms = [any(w in t[:_TERM_HEAD] for w in _TERM) for t in shown]
            ranges = [(i, i + 1) for i in range(len(lines))
                      if not (held[i] or (short[i] and _near(i, held, short, terms)))]
            spans = _line_spans(raw, index, ranges)
            if spans:
                out[id(index)] = spans
    return out


def _near(i: int, held: Sequence[bool], short: Sequence[bool], terms: Sequence[bool]) -> bool:
    """Whether a line holding a name is within `_NEXT_TO_REACH` lines of line `i`, through short lines and at most
    one long one that is a card's term or duties (`_TERM`), written out between the name and the title."""
    for step in (-1, 1):
        j, long_lines = i + step, 0
        while 0 <= j < len(held) and abs(j - i) <= _NEXT_TO_REACH:
            if held[j]:
                return True
            long_lines += not short[j]
            if long_lines > 1 or not (short[j] or terms[j]):
                break
            j += step
    return False


def _merged(a: _FormSpans | None, b: _FormSpans) -> _FormSpans:
    if not a:
        return b
    return {k: [*a.get(k, ()), *b.get(k, ())] for k in {*a, *b}}


def _stated(comp: Component, readable: Sequence[_Readable]) -> bool:
    """`Component.stated_by`: whether any document read for the item states what the component names (a fee's
    amount or "ไม่มี", the documents' names); true for a component without such patterns. An Act posted whole ("…มี
    อำนาจหน้าที่ตามพระราชบัญญัติเทศบาล… รายละเอียดตามเอกสารแนบ") states nothing of the agency's own."""
    if not comp.stated_by:
        return True
    for r in readable:
        if _statute(r.doc):
            continue
        for _page, raw, index in _pages(r):
            before = _before_statute(raw)
            if before is None:
                before = _without_blank_labels(comp, raw, r.doc)
            # a template's "(กรณีไม่มีให้ระบุว่า ไม่มีเรื่องร้องเรียน)" says what to write, not that there was none
            # (review68 a07)
            before = without_hints(raw if before is None else before) or before
            if comp.none_is_missing:
                # "…ไม่รับเรื่องร้องเรียนทางโทรศัพท์ ไปรษณีย์ อีเมล หรือเว็บไซต์": refused, not offered (review78 c03)
                before = without_refused(raw if before is None else before) or before
            if before is None:
                if any(index.find_regex(p, context=0) is not None for p in comp.stated_by):
                    return True
            elif any(p.search(display(before)) or p.search(normalize(before)) for p in comp.stated_by):
                return True
    return False


_LABEL_SEPARATOR = re.compile(r"\s*[:：|]\s*$")
_NEXT_LABEL = re.compile(r"^[^:：|]{1,30}[:：|]")  # "เพจเฟซบุ๊ก : facebook.com/…": the next label of a list
# …unless its value is an address, written out or hidden from robots ("(at)", "[at]", "＠"): "อีเมล :" over one line
# per division, "สำนักปลัด : khoksung.pald(at)gmail.com", "กองคลัง : …", is a label over its values (review61 a05)
_ADDRESS_VALUE = re.compile(r"[\w.+-]\s?(?:@|＠|[(\[]\s?at\s?[)\]])\s?[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)


def _without_blank_labels(comp: Component, raw: str, doc: Document) -> str | None:
    """The page's text without the lines that are only the component's label over nothing ("E-mail :") followed by
    the next label of a list ("เพจเฟซบุ๊ก : facebook.com/nongrueacity") or the end of the page: the label states no
    value, as "E-mail : -" does not (review56 probe p5); None when the page holds no such line. A page showing
    content pictures may show the value as one ("E-mail | <img alt="">": review46 a08): its labels are kept."""
    if doc.facts is not None and doc.facts.images:
        return None
    lines = raw.split("\n")
    blank = [i for i, line in enumerate(lines) if _is_blank_label(comp, line)
             and (i + 1 == len(lines) or (_NEXT_LABEL.match(lines[i + 1].strip()) is not None
                                          and _ADDRESS_VALUE.search(lines[i + 1]) is None))]
    if not blank:
        return None
    return "\n".join(line for i, line in enumerate(lines) if i not in blank)


def _is_blank_label(comp: Component, line: str) -> bool:
    m = _LABEL_SEPARATOR.search(line)
    if m is None:
        return False
    label = line[:m.start()].strip()
    return bool(label) and (label in comp.phrases or any(p.fullmatch(label) for p in comp.patterns))


_STATUTE_SECTIONS = 10  # "มาตรา N" in an Act posted whole; a page quoting its duties' sections holds a few
# An Act's heading: "พระราชบัญญัติ…", or shortened "พ.ร.บ.สภาตำบลและองค์การบริหารส่วนตำบล…" (review24 a04)
_ACT_HEAD = r"(?:พระราชบัญญัติ|พ\.\s?ร\.\s?บ\.)"
_ACT_LINE = re.compile(r"^[ \t]*" + _ACT_HEAD, re.MULTILINE)


def _statute(doc: Document) -> bool:
    """Whether a document is an Act itself: headed "พระราชบัญญัติ…" (or "พ.ร.บ.…") and holding many of its sections."""
    if not doc.pages or re.match(_ACT_HEAD, display(doc.pages[0][:80])) is None:
        return False
    return sum(p.count("มาตรา") for p in doc.pages) >= _STATUTE_SECTIONS


def _before_statute(raw: str) -> str | None:
    """A page's text before an Act pasted into it (a line "พระราชบัญญัติ…" followed by many sections); None when it
    holds none."""
    if raw.count("มาตรา") < _STATUTE_SECTIONS:
        return None
    for m in _ACT_LINE.finditer(raw):
        if raw.count("มาตรา", m.start()) >= _STATUTE_SECTIONS:
            return raw[:m.start()]
    return None


def _components_for(item: Item, agency: str) -> tuple[Component, ...]:
    """The item's components as the agency's documents must show them: a local government's by their
    `local_phrases`; another agency's by their `office_phrases` too, its `local_only` ones not required (`agency`: ""
    when not known, every agency's phrases, every component as the rules have it)."""
    if not agency:
        return item.components
    if not is_local_government(agency):
        # a provincial office has no council nor elected executive (review66 b01), its group heads are its second
        # tier (b02)
        if not any(c.office_phrases or c.local_only for c in item.components):
            return item.components
        return tuple(_as_office(c) if c.office_phrases or c.local_only else c for c in item.components)
    if not any(c.local_phrases for c in item.components):
        return item.components
    return tuple(_as_local(c) if c.local_phrases else c for c in item.components)


@lru_cache(maxsize=64)
def _as_office(comp: Component) -> Component:
    """The component as an agency that is no local government must show it (`Component.office_phrases`,
    `Component.local_only`)."""
    return replace(comp, phrases=comp.phrases + comp.office_phrases, required=comp.required and not comp.local_only)


@lru_cache(maxsize=64)
def _as_local(comp: Component) -> Component:
    """The component as a local government's documents must show it (`Component.local_phrases`)."""
    return replace(comp, phrases=comp.local_phrases, patterns=())


def _match_components(item: Item, readable: Sequence[_Readable], landing: frozenset[str] = frozenset(),
                      agency: str = "", year: int | None = None) -> tuple[list[Reason], list[Reason]]:
    """(problems, found) for the item's components over every readable document (`landing`: the URLs of pages
    that only link the item's documents; `agency`: the agency's name, "" when not known)."""
    found: list[Reason] = []
    missing: list[tuple[Component, Evidence | None]] = []
    weak: list[tuple[Component, Evidence]] = []
    in_label: list[tuple[Component, Evidence]] = []
    title_spans = _title_spans(item, readable)
    forms = None if item.evidence.forms_count else _form_spans(readable)
    doubted: list[tuple[Component, _Doubt]] = []
    in_form: list[tuple[Component, Evidence]] = []
    unstated: list[tuple[Component, Evidence]] = []
    said_none: list[tuple[Component, Evidence]] = []
    empty = _empty_spans(readable)
    outline = _outline_spans(readable) if empty else {}
    referred = _referral_spans(readable)
    blanked: list[tuple[Component, Evidence]] = []
    apart: list[tuple[Component, Evidence]] = []
    other_kind: list[Reason] = []
    few: list[tuple[Component, Evidence, int]] = []
    footers = _footers(readable, agency) if item.evidence.footer_counts else []
    in_footer: list[tuple[Component, Evidence]] = []
    contents = _contents_spans(readable)
    nav = _navigation_spans(readable)
    quoted = _criteria_spans(readable)
    for comp in _components_for(item, agency):
        away = _away_for(item, comp, readable)
        # nor in the NACC's criteria of the item quoted: its parts named as requirements (review71 a01, a02)
        where = _uncounted(comp, readable, agency, _merged(_not_counted(comp, away, forms, contents, nav), quoted))
        hit = _with_footers(_find_component(comp, readable, title_spans, landing=landing, forms=where), comp, footers)
        hit = _with_request_form(hit, item, comp, readable, agency)
        if hit.strong is not None and (hit.footer or hit.label):  # found only in a site footer, or in the ITA label
            (in_footer if hit.footer else in_label).append((comp, hit.strong))
        if hit.strong is not None and _only_where_empty(comp, readable, title_spans, landing, where, empty,
                                                         normalize(item.name_th), outline):
            # named only as the heading of an empty section; said none when the document says it is to be set later
            (said_none if _said_later(comp, readable) else blanked).append((comp, hit.strong))
            continue
        if hit.strong is not None:
            found.append(_found_reason(comp, hit.strong))
            doubt = _doubt(comp, readable, title_spans, forms)
            if doubt is not None:
                doubted.append((comp, doubt))
            # a part found in the site's footer is stated there ("อีเมล : saraban@khoksung.go.th" under a map)
            if not _stated(comp, footers if hit.footer else readable):
                # "E-mail : -": the page says there is none (`Component.none_is_missing`)
                (said_none if comp.none_is_missing else unstated).append((comp, hit.strong))
            elif _only_referred(comp, readable, title_spans, landing, where, referred):
                unstated.append((comp, hit.strong))
            if (named := _too_few(item, comp, readable, landing)) is not None:
                few.append((comp, hit.strong, named))
            other_kind.extend(_other_posts(comp, readable, agency, year))
        elif hit.loose is not None:
            weak.append((comp, hit.loose))
        elif comp.required:
            where_else, quote = _found_elsewhere(comp, readable, title_spans, landing, forms, away)
            if quote is None:
                missing.append((comp, hit.instead))
            else:
                (apart if where_else == "apart" else in_form).append((comp, quote))
    problems: list[Reason] = _missing_reasons(missing, readable)
    if in_form:
        problems.append(_about_components("form_fields_only", in_form))
    if doubted:
        problems.append(_about_components(
            "component_doubted", [(c, d.found) for c, d in doubted], doubt=doubted[0][1].word,
            evidence=tuple(ev for _, d in doubted for ev in (d.found, d.said))))
    footer_code = "component_in_footer" if is_contact_page(r.doc for r in readable) else "footer_only"
    problems.extend(_about_components(code, listed) for code, listed in (
        (footer_code, in_footer), ("component_empty", blanked)) if listed)
    problems.extend(_said_none_reasons(said_none))
    problems.extend(_about_components(code, listed) for code, listed in (
        ("component_not_stated", unstated),
        ("weak_match", weak), ("component_not_beside", apart), ("component_in_label_only", in_label)) if listed)
    if few and not missing:  # a document lacking parts fails for them: how often its subject is named adds nothing
        problems.append(_about_components("component_few_mentions", [(c, ev) for c, ev, _n in few],
                                          mentions=few[0][2]))
    return problems + other_kind, found


def _said_none_reasons(said_none: Sequence[tuple[Component, Evidence]]) -> list[Reason]:
    """component_said_none for the components the page says it has none of ("E-mail : -"); those carried over from
    another year's form at review apart, as when they are missing (`_missing_reasons`): "๓. โทรศัพท์ : -", "๔. อีเมล :
    ไม่มี" beside the walk-in and the box, for a remote complaint channel (review68 e04)."""
    asked = [(c, ev) for c, ev in said_none if not c.carried_over]
    carried = [(c, ev) for c, ev in said_none if c.carried_over]
    return ([_about_components("component_said_none", asked)] if asked else []) + \
        ([replace(_about_components("component_said_none", carried), severity=Status.REVIEW)] if carried else [])


def _uncounted(comp: Component, readable: Sequence[_Readable], agency: str, where: _FormSpans
               ) -> _FormSpans:
    """`where` and the lines of other bodies (`Component.not_on_lines_of`) and the sentences sending corruption away
    (`Component.redirects`) for a component that does not count there."""
    if comp.not_on_lines_of:
        where = _merged(where, _lines_of_others(readable, comp.not_on_lines_of, agency))
    if comp.redirects is Redirects.NOT_COUNTED:
        where = _merged(where, _redirect_spans(readable))
    elif comp.redirects is Redirects.POINTERS:
        where = _merged(where, _pointer_spans(readable))
    return where


def _with_request_form(hit: _Hit, item: Item, comp: Component, readable: Sequence[_Readable],
                       agency: str = "") -> _Hit:
    """`hit`, or for a required part missing of an item that asks for a service used online (`EvidenceRule.
    online_channel`) a visitor form on a page read that takes a request (`channel.request_form`): the service itself,
    however plainly the page names it ("ยื่นคำขอรับบริการ … ชื่อ-นามสกุล … เรื่องที่ขอรับบริการ … ส่งคำขอ", no "ออนไลน์",
    no "E-Service": review24 b01); or a link in the page's content that opens it (`channel.content_service_link`:
    "เข้าสู่ระบบชำระภาษีออนไลน์ อบต.โคกสูง" → ltax.dla.go.th, "…ผ่านเมนู "ยื่นคำร้อง" ใน LINE OA ของ อบต.โคกสูง @khoksung"
    → lin.ee: review46 a23, c02)."""
    if hit.strong is not None or not comp.required or not item.evidence.online_channel:
        return hit
    for r in readable:
        text = request_form(r.doc)
        if text is not None:
            return _Hit(Evidence(url=r.doc.url, snippet=quote(text, 0, min(len(text), 2 * SNIPPET_CONTEXT), 0)))
    for r in readable:
        link = content_service_link(r.doc, item.evidence.online_channel, agency)
        if link is not None:
            said = display(" ".join(t for t in (link.text, link.url) if t))
            return _Hit(Evidence(url=r.doc.url, snippet=said[:2 * SNIPPET_CONTEXT]))
    return hit


def _said_later(comp: Component, readable: Sequence[_Readable]) -> bool:
    """Whether a document says the component is to be set later, in one of its own `not_within` wordings of a time to
    come: "หมายเหตุ มาตรการควบคุมความเสี่ยงจะกำหนดภายหลังการประชุมคณะทำงานครั้งต่อไป" under a measures column of "-" in
    every row (review72 k02) gives no measures: none, not a heading for a person to look under."""
    later = [w for w in comp.not_within if "ภายหลัง" in w or "ต่อไป" in w]
    return any(index.may_hold(w) and index.spans_any_form(w) for w in later for r in readable for index in r.pages)


def _only_where_empty(comp: Component, readable: Sequence[_Readable], title_spans: _TitleSpans,
                      landing: frozenset[str], where: _FormSpans, empty: _FormSpans, name: str,
                      outline: _FormSpans | None = None) -> bool:
    """Whether a required content component found is found nowhere but in the empty sections (`_empty_spans`) — nor
    in the item's name (`name`, normalized) copied into the document, even where it starts with the wording: the title
    "หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. 2569" (the item's own name) over a criteria
    section that only defers to the province's board states no criteria (review40 j03). Nor in a sentence listing
    the report's parts (`outline`, `_outline_spans`) besides them: a report whose introduction lists "…ผลการดำเนินงาน
    รายโครงการ การใช้จ่ายงบประมาณ ปัญหาอุปสรรค และข้อเสนอแนะ" and whose sections are emptied states none of them
    (review45 b10). A document that only lists them, with no emptied section, is left to `components_only_listed`."""
    if not empty or comp.kind is not ComponentKind.CONTENT or not comp.required or comp.stated_by:
        return False
    # the name's copies, retagged so that no wording starts them (`_find_wording` lets a title's start count)
    unnamed = {k: [((type(t)(f"\0{t}") if t == name else t), span) for t, span in v] for k, v in title_spans.items()}
    if _find_component(comp, readable, unnamed, landing=landing, forms=_merged(where, empty),
                       columns=empty).strong is None:
        return True
    return bool(outline) and _find_component(comp, readable, unnamed, landing=landing,
                                             forms=_merged(where, _merged(empty, outline or {})),
                                             columns=empty).strong is None


# A referral, not a statement: "สอบถามรายละเอียดเรื่องค่าธรรมเนียมและระยะเวลาได้ที่สำนักปลัด" names the fee and the time
# taken only to send the reader elsewhere (review26 m01); so does a label whose value is one ("ค่าธรรมเนียม : สอบถามได้ที่
# กองคลัง"). The subject (what is asked about) is where a component does not count.
_REFERRAL = re.compile(r"สอบถาม\s?(?:รายละเอียด|ข้อมูล)?\s?(?:เพิ่มเติม)?\s?(?:เรื่อง|เกี่ยวกับ)?\s?"
                       r"(?P<subject>[^\n:|]{2,60}?)\s?ได้(?:ที่|ทาง|โดย)")
_REFERRAL_LABEL = re.compile(r"^(?P<subject>[^\n:|]{2,40}?)\s?[:：]\s?(?:ติดต่อ)?สอบถาม")
# …nor is work assigned to be done: a memo's "เห็นควรมอบหมายเจ้าหน้าที่พัสดุวิเคราะห์ปัญหาและอุปสรรค พร้อมทั้งข้อเสนอแนะ
# เพื่อนำไปปรับปรุง…" asks for the analysis and holds none (review24 c05). The subject is what is to be made.
_ASSIGNED = re.compile(r"(?:มอบหมาย|ขอให้|สั่งการให้)[^\n]{0,60}?(?:วิเคราะห์|จัดทำ|สรุป|รวบรวม|รายงาน)\s?"
                       r"(?P<subject>[^\n]{2,120}?)\s?(?=เพื่อ|ต่อไป|ภายใน|$)")
_REFERRAL_WORDS = ("สอบถาม", "มอบหมาย", "ขอให้", "สั่งการให้")


def _referral_spans(readable: Sequence[_Readable]) -> _FormSpans:
    """The subjects of each page's referrals (`_REFERRAL`, `_REFERRAL_LABEL`) and assignments (`_ASSIGNED`), as
    `normalized_text` spans; {} for the many documents with none."""
    out: _FormSpans = {}
    for r in readable:
        for raw, index in zip(r.doc.pages, r.pages, strict=True):
            if not any(w in raw for w in _REFERRAL_WORDS):
                continue
            spans = _tail_spans(raw, index, _referral_tails(raw))
            if spans:
                out[id(index)] = spans
    return out


@lru_cache(maxsize=512)  # a page is read for every item of its agency
def _referral_tails(raw: str) -> list[tuple[int, int, int | None]]:
    """(line, start, end) of each referral's subject on a page."""
    return [(i, m.start("subject"), m.end("subject")) for i, line in enumerate(raw.split("\n"))
            if any(w in line for w in _REFERRAL_WORDS) for rx in (_REFERRAL, _REFERRAL_LABEL, _ASSIGNED)
            for m in rx.finditer(line)]


def _only_referred(comp: Component, readable: Sequence[_Readable], title_spans: _TitleSpans,
                   landing: frozenset[str], where: _FormSpans, referred: _FormSpans) -> bool:
    """Whether a content component found is named nowhere but in what a referral asks about (`_referral_spans`)."""
    if not referred or comp.kind is not ComponentKind.CONTENT:
        return False
    return _find_component(comp, readable, title_spans, landing=landing, forms=_merged(where, referred)).strong is None


def _too_few(item: Item, comp: Component, readable: Sequence[_Readable], landing: frozenset[str]) -> int | None:
    """How often the component is named, when that is fewer than its `min_mentions`; else None."""
    if comp.min_mentions <= 1:
        return None
    named = _times_named(comp, readable, landing, [normalize_phrase(t) for t in item.title_phrases])
    return named if named is not None and named < comp.min_mentions else None


_NAMED_APART = 12  # normalized characters: names closer than this are one ("การทุจริต⏎และประพฤติมิชอบ")


def _times_named(comp: Component, readable: Sequence[_Readable], landing: frozenset[str],
                 titles: Sequence[str] = ()) -> int | None:
    """How often the component is named in the item's own documents, their titles included when the body does not
    repeat them (`Component.min_mentions`): names closer than `_NAMED_APART` are one ("…การทุจริตและประพฤติมิชอบที่
    อาจเกิดขึ้น"), nothing inside its `not_within` wordings counts. None when a document is headed by one of the
    item's `titles` ("การประเมินความเสี่ยงการทุจริต…"): it says what it is, however compact."""
    named = 0
    for r in readable:
        if r.doc.url in landing:
            continue
        lines = "\n".join(r.doc.pages)
        heading = normalize((r.doc.title or "") + "".join(lines.splitlines()[:3]))
        if any(t and t in heading for t in titles):
            return None
        indexes = [TextIndex(lines)]
        if r.doc.title and normalize(r.doc.title) not in indexes[0].normalized_text:
            indexes.append(TextIndex(r.doc.title))
        for index in indexes:
            block = [s for w in comp.not_within for s in index.spans_any_form(w)]
            spans = sorted({span for phrase in comp.phrases for span in index.spans(phrase)}
                           | {m.span() for rx in comp.patterns for m in rx.finditer(index.normalized_text)})
            end: int | None = None
            for a, b in spans:
                if within(a, b, block):
                    continue
                if end is None or a - end >= _NAMED_APART:
                    named += 1
                end = b if end is None else max(end, b)
    return named


def _other_posts(comp: Component, readable: Sequence[_Readable], agency: str = "", year: int | None = None
                 ) -> list[Reason]:
    """`Component.posts_not`, `Component.posts_relayed`: `posts_other_kind` or `posts_relayed` (review) when the
    dated posts of the documents read for the item are mostly of another kind; [] otherwise."""
    if not (comp.posts_not or comp.posts_relayed):
        return []
    posts = other_posts(comp, ((r.doc.url, [(page, raw) for page, raw, _index in _pages(r)]) for r in readable),
                        agency, year)
    if posts is None:
        return []
    return [reasons.make("posts_relayed" if posts.relayed else "posts_other_kind", posts=posts.posts,
                         notices=posts.other, lines=posts.lines, evidence=posts.quotes)]


def _found_elsewhere(comp: Component, readable: Sequence[_Readable], title_spans: _TitleSpans, landing: frozenset[str],
                     forms: _FormSpans | None, away: _FormSpans | None) -> tuple[str, Evidence | None]:
    """Where a required component not found stands after all: "apart", away from any name (`next_to`: in a sentence,
    not beside its holder), or "in_form", only in a visitor form's labels ("ที่อยู่ของท่าน": the visitor's details,
    most likely); either is for a person to look at. ("", None): nowhere."""
    if away:
        plain = _find_component(comp, readable, title_spans, landing=landing, forms=forms)
        if plain.strong is not None:
            return "apart", plain.strong
    if forms:
        labelled = _find_component(comp, readable, title_spans, landing=landing, forms=away)
        if labelled.strong is not None:
            return "in_form", labelled.strong
    return "", None


def _with_footers(hit: _Hit, comp: Component, footers: Sequence[_Readable]) -> _Hit:
    """`hit`, or where the site footers of the pages read (`EvidenceRule.footer_counts`) have the component the
    content lacks."""
    if hit.strong is not None or not footers:
        return hit
    foot = _find_component(comp, footers, {})
    return replace(foot, footer=True) if foot.strong is not None else hit


def _no_online_channel(item: Item, readable: Sequence[_Readable], found: Sequence[Reason],
                       agency: str = "") -> Reason | None:
    """`no_online_channel` (review) when the item asks for a service used online (`EvidenceRule.online_channel`), its
    parts were found, and no page read offers a way in (evaluate/channel.py)."""
    if not item.evidence.online_channel or not found or not readable:
        return None
    pages = [r.doc for r in readable if r.doc.kind is DocKind.HTML]
    if pages and offers_way_in(pages, item.evidence.online_channel, agency):
        return None
    # no way in, and the page says there is none: "ระบบ E-Service : ไม่มี (อยู่ระหว่างจัดทำ)" (review68 e06) is the
    # service missing, as the e-mail said to be none is (`component_said_none`), not a page for a person to try
    said = service_said_none(r.doc for r in readable)
    named = [c for c in item.components if c.required and any(f.detail.get("component") == c.id for f in found)]
    if said is not None and named:
        return _about_components("component_said_none", [(named[0], Evidence(url=readable[0].doc.url,
                                                                              snippet=said[:2 * SNIPPET_CONTEXT]))])
    # no web page read at all: a file (a blank form in Word to print and hand in: review36 a06) is no service online
    return reasons.make("no_online_channel", evidence=tuple(Evidence(url=r.doc.url) for r in (readable[:3])))


def _footers(readable: Sequence[_Readable], agency: str = "") -> list[_Readable]:
    """The site footers of the pages read (`Document.footer`), each as a page of its own, once each (a site's pages
    share theirs), with only what gives the agency's own values (evaluate/footer.py; `agency`: its name, "" when not
    known)."""
    seen: set[str] = set()
    out: list[_Readable] = []
    for r in readable:
        footer = own_footer(r.doc.footer, agency)
        if footer and footer not in seen:
            seen.add(footer)
            out.append(_readable(replace(r.doc, pages=(footer,), title="", forms=(), footer="")))
    return out


def _about_components(code: str, found: Sequence[tuple[Component, Evidence]], **extra: Any) -> Reason:
    """A reason naming components (Thai and English labels), quoting where each was found unless `evidence`
    says otherwise."""
    extra.setdefault("evidence", tuple(ev for _, ev in found))
    return reasons.make(code, components=", ".join(c.label_th for c, _ in found),
                        components_en=", ".join(c.label_en or c.label_th for c, _ in found), **extra)


def _body_has_component(item: Item, body: Sequence[_Readable]) -> bool:
    """Whether any required component is found in the documents' bodies (their title blocks removed)."""
    if not any(r.chars for r in body):
        return False
    title_spans = _title_spans(item, body)
    forms = None if item.evidence.forms_count else _form_spans(body)
    return any(_find_component(c, body, title_spans, forms=forms).strong is not None
               for c in item.components if c.required)


def _has_content(item: Item, docs: Sequence[_Readable]) -> bool:
    """Whether any required content component is found anywhere but in the item's title: an address line or a
    table that a short page's title block might have taken in still shows the page is no cover."""
    title_spans = _title_spans(item, docs)
    forms = None if item.evidence.forms_count else _form_spans(docs)
    return any(_find_component(c, docs, title_spans, strict=True, forms=forms).strong is not None
               for c in item.components if c.required and c.kind is not ComponentKind.SCOPE)


# ---------------------------------------------------------------- fiscal year


@dataclass(frozen=True)
class _Located:
    mention: YearMention
    evidence: Evidence
    heading: bool = False  # in the document's title or its first lines: says what year the document is for
    follow: str = ""  # the display text just after the mention (`_FOLLOW` characters): what the day is of
    lead: str = ""  # the display text just before it (`_LEAD` characters; the quote holds only 30)
    appendix: bool = False  # after a PDF's "ภาคผนวก" heading (`appendix.appendix_start`): attached, not the body
    lines: _PageLines | None = None  # the page's lines, for a page with table rows or a PDF's
    restated: bool = False  # the heading's fiscal year restated as its span right under it (`_restated_span`)

    @property
    def line_start(self) -> bool:
        """Opens a line of a page with table rows ("พ.ย. 68 | …"): `lead` ends the row above."""
        return self.lines is not None and self.lines.rows and self.mention.start in self.lines.bounds()[0]

    @property
    def own_lines(self) -> bool:
        """Fills a PDF's lines alone, from a line's start to a line's end: a table's month cell wrapped ("ก.พ." /
        "๖๙"), its `lead` the row above's last cell ("อยู่ / ระหว่าง / ดำเนิน / การ", review58 a05)."""
        if self.lines is None or not self.lines.pdf:
            return False
        starts, ends = self.lines.bounds()
        return self.mention.start in starts and self.mention.end in ends

    @property
    def states_fiscal_year(self) -> bool:
        """"ปีงบประมาณ 2569" / "ประจำปี 2569", not merely "ปี 2569" (a column of a multi-year plan)."""
        text = normalize(self.mention.text)
        return "ปีงบ" in text or "ประจำปี" in text


def _mentions(readable: Sequence[_Readable], cache: DocumentCache) -> list[_Located]:
    return [m for r in readable for m in cache.mentions(r)]


def _doc_mentions(r: _Readable, scan: Callable[[str], list[YearMention]]) -> list[_Located]:
    """The year mentions of a document's title and pages, each placed (URL, page, heading). `scan`: the year
    scanner of a page's display text (`DocumentCache` keeps its results by text)."""
    out: list[_Located] = []
    # (raw text, its display form, page number); the pages' display forms are their indexes' already.
    sources: list[tuple[str, str, int | None]] = [(r.doc.title, display(r.doc.title), None)] if r.doc.title else []
    sources += [(p, index.display_text, i) for i, (p, index) in enumerate(zip(r.doc.pages, r.pages, strict=True),
                                                                          start=1)]
    first_end = _heading_end(r.doc.pages[0]) if r.doc.pages else 0
    if r.doc.title and r.doc.pages and _heading_states_year(first_end, sources[1][1], scan):
        # The document's own heading says its year: a CMS's page title ("O7 รายงานผลการดำเนินงานประจำปี 2568 | อบต.…",
        # the label the agency typed) does not outvote it (a report headed "…ประจำปีงบประมาณ พ.ศ. ๒๕๖๗").
        sources = sources[1:]
    # A workbook's every sheet starts with its own title ("สถิติ… ปีงบประมาณ พ.ศ. 2567" on the sheet "ปีงบ 2567").
    every_page_headed = r.doc.kind is DocKind.XLSX
    pdf = r.doc.kind is DocKind.PDF
    attached = appendix_start(r.doc.pages) if pdf else None
    for text, shown, page_no in sources:
        found = scan(shown)
        if not found:
            continue
        heading_end = len(shown) if page_no is None else first_end if page_no == 1 else (
            _heading_end(text) if every_page_headed else 0)
        appendix_from = _appendix_from(attached, page_no, text, shown)
        # Where the page's lines start and end: the display form joins them with spaces, so on a page of table cells
        # (an extractor writes a row a line) the row above's last cell ("… | 68109123456 | สิ้นสุดสัญญา") reads as if
        # it led into the next row's month ("พ.ย. 68 | …", review50 a01): a mention opening a line is told so; and a
        # PDF's month filling its lines alone is a wrapped table cell (`_Located.own_lines`). Worked out when the
        # months' check asks.
        rows = "|" in text
        lines = _PageLines(text, shown, rows=rows, pdf=pdf) if rows or pdf else None
        restated = _restated_span(found, heading_end, shown) if 0 < heading_end < len(shown) else None
        for m in found:
            snippet = quote(shown, m.start, m.end, 30)
            page = page_no if pdf else None
            out.append(_Located(m, Evidence(url=r.doc.url, page=page, snippet=snippet),
                                heading=m.start < heading_end, follow=shown[m.end:m.end + _FOLLOW],
                                lead=shown[max(0, m.start - _LEAD):m.start], appendix=m.start >= appendix_from,
                                lines=lines, restated=m is restated))
    return out


_RESTATED_GAP = 120  # display characters between a heading and its year's span: the agency, its district


def _restated_span(found: Sequence[YearMention], heading_end: int, shown: str) -> YearMention | None:
    """The span of one fiscal year that is the first year named after a page's heading (`heading_end`), within
    `_RESTATED_GAP` characters of it and no table cell between, when the heading states that fiscal year: a cover's
    "รายงานผลการดำเนินงาน / ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ / (๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘)" (or with the agency's line
    between) restates the title's year on its 4th line: the title's, not the body's (review75 a02, last year's report
    whose rows are all of ๒๕๖๗ under a relabelled cover). None when there is none."""
    years = {m.fiscal_years[0] for m in found
             if m.start < heading_end and m.kind is MentionKind.FISCAL and len(m.fiscal_years) == 1}
    if not years:
        return None
    nxt = min((m for m in found if m.start >= heading_end), key=lambda m: m.start, default=None)
    if nxt is None or nxt.kind is not MentionKind.RANGE or len(nxt.fiscal_years) != 1 \
            or nxt.fiscal_years[0] not in years or nxt.start - heading_end > _RESTATED_GAP \
            or "|" in shown[heading_end:nxt.start]:
        return None
    return nxt


class _PageLines:
    """A page's lines (`_line_bounds`), found when first asked: the mentions of a page share it."""

    __slots__ = ("_bounds", "_shown", "_text", "pdf", "rows")

    def __init__(self, text: str, shown: str, *, rows: bool, pdf: bool) -> None:
        self._text, self._shown, self.rows, self.pdf = text, shown, rows, pdf
        self._bounds: tuple[frozenset[int], frozenset[int]] | None = None

    def __eq__(self, other: object) -> bool:  # the same page's lines, whichever document read them
        return isinstance(other, _PageLines) and (self._text, self.rows, self.pdf) == (other._text, other.rows,
                                                                                      other.pdf)

    def __hash__(self) -> int:
        return hash((self._text, self.rows, self.pdf))

    def before(self, at: int, reach: int) -> str:
        """Up to `reach` display characters of the page before offset `at`."""
        return self._shown[max(0, at - reach):at]

    def bounds(self) -> tuple[frozenset[int], frozenset[int]]:
        if self._bounds is None:
            self._bounds = _line_bounds(self._text, self._shown)
        return self._bounds


def _line_bounds(text: str, shown: str) -> tuple[frozenset[int], frozenset[int]]:
    """The offsets in `shown` (the display form of `text`) where a line of `text` starts, and where one ends; empty
    when the lines' display forms do not join into `shown` (a mark opening a line)."""
    if "\n" not in text:
        return frozenset(), frozenset()
    starts: list[int] = []
    ends: list[int] = []
    lines: list[str] = []
    at = 0
    for line in text.split("\n"):
        if (shown_line := display(line)):
            starts.append(at)
            ends.append(at + len(shown_line))
            lines.append(shown_line)
            at += len(shown_line) + 1
    return (frozenset(starts), frozenset(ends)) if " ".join(lines) == shown else (frozenset(), frozenset())


def _appendix_from(attached: tuple[int, int] | None, page_no: int | None, text: str, shown: str) -> int:
    """Where in a page's display text (`shown`, of `text`, page `page_no` from 1; None: the title) the appendix that
    starts at `attached` (`appendix_start`: page index, offset) begins: 0 on a later page, past the end if none."""
    if attached is None or page_no is None or page_no - 1 < attached[0]:
        return len(shown) + 1
    return 0 if page_no - 1 > attached[0] else len(display(text[:attached[1]]))


_FOLLOW = 160
_LEAD = 60
_HEADING_LINES = 3  # a title's lines: its name, its year, the agency
_HEADING_CHARS = 240
def _heading_states_year(end: int, shown: str, scan: Callable[[str], list[YearMention]]) -> bool:
    """Whether a first page's heading (`shown[:end]`, `_heading_end`) names one fiscal year ("รายงานผลการดำเนินงาน
    ประจำปีงบประมาณ พ.ศ. 2567", "1 ต.ค. 66 – 30 ก.ย. 67"), not a plan's span of years ("แผนพัฒนาท้องถิ่น (พ.ศ. 2566 –
    2570)")."""
    return any(m.start < end and (m.kind is MentionKind.FISCAL
                                  or (m.kind is MentionKind.RANGE and len(m.fiscal_years) == 1)) for m in scan(shown))


def _heading_end(text: str) -> int:
    """Where a document's heading ends, as an offset into `display(text)`: its first few lines (titles wrap),
    at most a few hundred characters. Lines are counted on the raw text: `display` folds line breaks."""
    end = 0
    for _ in range(_HEADING_LINES):
        nxt = text.find("\n", end)
        if nxt == -1:
            end = len(text)
            break
        end = nxt + 1
    return min(len(display(text[:end])), _HEADING_CHARS)


def _fmt_years(years: Iterable[int]) -> str:
    return ", ".join(str(y) for y in sorted(set(years)))


@dataclass(frozen=True)
class YearClue:
    """A year named outside the document text: the link title it was reached by, its slug or file name."""

    source: str  # "title" (link text) · "page" (the page linking the document) · "file name" · "URL"
    years: frozenset[int]
    text: str
    url: str


_CLUE_TH = {"title": "ชื่อเรื่องของลิงก์", "page": "หน้าเว็บที่ลิงก์เอกสาร", "file name": "ชื่อไฟล์", "URL": "URL"}
# Dates in a title or a path are publication dates (a plan for 2569 is posted in FY 2568), and CE
# upload folders (/2025/09/) are upload dates: neither says which year a document is for.
_CLUE_KINDS = frozenset({MentionKind.FISCAL, MentionKind.BARE, MentionKind.RANGE})


def year_clues(trails: Sequence[UrlTrail]) -> list[YearClue]:
    """Years named by the titles, slugs and file names of what was read, outside the documents' text."""
    out: dict[tuple[str, frozenset[int], str], YearClue] = {}
    for t in trails:
        for g in t.retrieved:
            if g.document is None:
                continue
            if g.link is not None and g.link.text:
                years = frozenset(y for m in find_year_mentions(g.link.text) if m.kind in _CLUE_KINDS
                                  for y in m.fiscal_years)
                if years:
                    out.setdefault(("title", years, g.link.text), YearClue("title", years, g.link.text,
                                                                           g.fetched.url))
            for url in dict.fromkeys((g.fetched.url, g.fetched.final_url)):
                for clue in _url_clues(url):
                    out.setdefault((clue.source, clue.years, clue.text), clue)
    return list(out.values())


def _page_clues(landing: Sequence[_Readable], cache: DocumentCache) -> list[YearClue]:
    out: list[YearClue] = []
    for located in _mentions(landing, cache):
        if located.mention.kind in _CLUE_KINDS:
            out.append(YearClue("page", frozenset(located.mention.fiscal_years), located.evidence.snippet,
                                located.evidence.url))
    return out


def _url_clues(url: str) -> list[YearClue]:
    parts = urlsplit(url)
    segments = [s for s in unquote(parts.path).split("/") if s]
    out = []
    for m in years_in_url(url):
        if m.kind not in _CLUE_KINDS:
            continue
        where = next((i for i, seg in enumerate(segments) if m.text in seg), None)
        if where == 0 and segments[0] == m.text and (len(segments) > 1 or parts.query):
            continue  # a site installed under a year (/2567/wp-content/…) names the install, not the document
        segment = segments[where] if where is not None else m.text
        last = where is not None and where == len(segments) - 1 and "." in segment
        out.append(YearClue("file name" if last else "URL", frozenset(m.fiscal_years), segment[:80], url))
    return out


def _clue_text(clues: Iterable[YearClue]) -> str:
    return "; ".join(f"{c.source} {_fmt_years(c.years)} ({c.text[:60]})" for c in clues)


def _clue_words(clues: Sequence[YearClue], text_years: str) -> reasons.Words:
    """Where each clue names its years, then the years of the text: in Thai for the Thai message."""
    th = "; ".join(f"{_CLUE_TH[c.source]} {_fmt_years(c.years)} ({c.text[:60]})" for c in clues)
    return reasons.Words(f"{th}; เนื้อหาเอกสาร {text_years}", f"{_clue_text(clues)}; text {text_years}")


def _by_days(target: int, fiscal: Sequence[_Located], events: Sequence[_Located], posts: Sequence[_Located] | None,
             inferred: bool, titled: bool = False) -> tuple[list[Reason], list[Reason]] | None:
    """The year told by days before the years the text names, or None: a day the activity was held in the year
    (`events`), when none is earlier and the heading names no earlier fiscal year; a list's dated entries
    (`posts`, `_by_posts`)."""
    in_year = [x for x in events if x.mention.fiscal_years == (target,)]
    if in_year and all(x.mention.fiscal_years[0] >= target for x in events) \
            and all(min(x.mention.fiscal_years) >= target for x in fiscal if x.heading):
        return [], [_year_found(target, in_year[0].evidence, inferred, "event")]
    if posts is not None and len(posts) >= _POSTS_MIN:
        return _by_posts(target, posts, fiscal, inferred, titled)
    return None


_ITA_ROUND = re.compile(r"(?i)(?:ITA|OIT)(?![A-Za-z])")  # "ITA 2568", "ITA2568", "OIT-2568"
# The round's name just before a year's words: "ITA ประจำปี 2569 - O23 …" (a page's banner), "…ผลการประเมินคุณธรรมและความ
# โปร่งใสในการดำเนินงาน (ITA) ประจำปีงบประมาณ พ.ศ. 2568" (the round an improvement plan analyses).
_ROUND_BEFORE = re.compile(r"(?i)(?:(?<![A-Za-z])(?:ITA|OIT)\s*\)?|ประเมิน\s*คุณธรรมและความโปร่งใส(?:\s*ในการดำเนินงาน)?"
                           r"(?:\s*ของหน่วยงานภาครัฐ)?\s*(?:\(\s*(?:ITA|OIT)\s*\)\s*)?)\s*[-–:]?\s*$")


def _round_label(x: _Located) -> bool:
    """A year naming an assessment round, not the year of the document's data: "ITA 2568", "ITA ประจำปี 2569"."""
    if _ITA_ROUND.match(x.mention.text):
        return True
    # the mention's own lead: the quote's 30 characters may cut the round's name ("…มและความโปร่งใสในการดำเนินงาน
    # ประจำปี พ.ศ. 2567", review29 l01)
    lead = x.lead or _before(x, 60)
    return lead is not None and _ROUND_BEFORE.search(lead) is not None


_POSTS_MIN = 2  # dated posts that decide a list's fiscal year (`EvidenceRule.posts_dated`); fewer: the text's years


def _by_posts(target: int, posts: Sequence[_Located], fiscal: Sequence[_Located],
              inferred: bool, titled: bool = False) -> tuple[list[Reason], list[Reason]]:
    """A list of dated entries (the news page's posts) is of the fiscal year two or more of its dates are in, unless
    its heading says "ปีงบประมาณ" of another year (an old list whose contracts end in this year), or one of them
    when the heading, the link's title or the linking page says this fiscal year (a listing page under "…ประจำปี
    งบประมาณ พ.ศ. 2568" whose one post read is of December 2567: `titled`); all earlier is stale,
    unless the words name this fiscal year (an October summary of contracts signed in September), the latest first
    in the quotes. Anything else is for a person: one date in the year (an old post announcing an event to come, a
    page's "today" line), a heading's fiscal year against the dates, dates later than the year."""
    hits = [x for x in posts if target in x.mention.fiscal_years]
    heading = [x for x in fiscal if x.heading and _FISCAL_WORD in x.mention.text]
    latest = sorted(posts, key=lambda x: x.mention.date or date.min, reverse=True)
    years = _fmt_years(y for x in posts for y in x.mention.fiscal_years)
    heading_says = titled or any(target in x.mention.fiscal_years for x in heading)
    if (len(hits) >= _POSTS_MIN and (heading_says or not heading)) or (hits and heading_says):
        return [], [_year_found(target, hits[0].evidence, inferred, "posts")]
    earlier = all(max(x.mention.fiscal_years) < target for x in posts)
    if earlier and not any(target in x.mention.fiscal_years for x in fiscal):
        return [reasons.make("stale_fiscal_year", found=years, expected=str(target),
                             evidence=tuple(x.evidence for x in latest[:3]), inferred=inferred)], []
    quotes = [*(x.evidence for x in heading[:1]), *(x.evidence for x in (hits or latest)[:2])]
    return [reasons.make("fiscal_year_mismatch", found=years, expected=str(target), evidence=tuple(quotes),
                         inferred=inferred)], []


_FISCAL_WORD = "งบ"  # "ปีงบประมาณ", "ปีงบ": a fiscal year written as one, not a calendar year's "ประจำปี 2568"


def _year_found(target: int, evidence: Evidence, inferred: bool, kind: str) -> Reason:
    """The pass-level reason that the documents are of fiscal year `target`; `kind`: what said so."""
    return Reason(code="fiscal_year_found", message_th=f"ปีงบประมาณ {target}", message_en=f"fiscal year {target}",
                  evidence=(evidence,), severity=Status.PASS, inferred=inferred, detail={"kind": kind})


def judge_fiscal_year(
    rule: FiscalYearRule, fiscal_year: int, located: Sequence[_Located], url_years: Sequence[int],
    *, inferred: bool, clues: Sequence[YearClue] = (), dated_activities: bool = False,
    events: Sequence[_Located] = (), posts: Sequence[_Located] | None = None,
) -> tuple[list[Reason], list[Reason]]:
    """(problems, found) for the item's fiscal-year rule.

    The document text decides. Titles, slugs and file names (`clues`) are compared with it and any
    disagreement is reported (`fiscal_year_conflict`). Only a link title decides, and only when the text
    names no year (`fiscal_year_from_clue`); slugs and file names stay weak clues, quoted in the reasons.
    `url_years` is kept for callers that pass only the URLs' years. `dated_activities`: the documents report
    activities (`Item.fiscal_year_of`): their dates, not a heading, say the year (`activities_earlier`).
    `events`: the days an activity was held (`event_dated` items, `_held_day`): one in the year, when none is earlier
    and the heading names no earlier fiscal year, decides before the years the body names (a forum of February 2569
    "…เพื่อตั้งงบประมาณปี 2570", the budget it prepares, or reporting "ผลการดำเนินงานประจำปีงบประมาณ 2568", is FY
    2569's). Last year's report, headed by its year, that names a later day (its submission) stays last year's.
    """
    if rule is FiscalYearRule.NONE:
        return _stale_without_rule(fiscal_year, located), []
    # "ITA 2568" names an assessment round, not the year of a document's data: last round's results are what this
    # year's improvement plan answers, and a previous-year report is submitted to this year's round.
    located = [x for x in located if not _round_label(x)]
    target = rule.data_year(fiscal_year)
    expected = str(target)
    naming = [c for c in clues if target in c.years]
    disagreeing = [c for c in clues if target not in c.years]
    ranges = [x for x in located if x.mention.kind is MentionKind.RANGE and len(x.mention.fiscal_years) > 1]
    # A period inside one fiscal year ("1 ต.ค. 2568 – 31 มี.ค. 2569") names that year, like "ปีงบประมาณ 2569".
    fiscal = [x for x in located if x.mention.kind is MentionKind.FISCAL
              or (x.mention.kind is MentionKind.RANGE and len(x.mention.fiscal_years) == 1)]
    fiscal += ranges if rule is FiscalYearRule.COVERS_CURRENT else []
    # A span of years is a plan's length only where the document may be the plan: a record of an activity held in the
    # year (`events`: a forum "วันที่ ๑๒ กุมภาพันธ์ ๒๕๖๙ เวลา ๐๙.๓๐ น. ณ…") that reviews "แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ –
    # ๒๕๗๐)" names the plan as its subject (review40 i01)
    held = any(x.mention.fiscal_years == (target,) for x in events)
    multi_year = [x for x in ranges if target in x.mention.fiscal_years] \
        if rule is not FiscalYearRule.COVERS_CURRENT and not held else []
    by_days = _by_days(target, fiscal, events, posts, inferred, any(c.source in ("title", "page") for c in naming))
    if by_days is not None:
        return by_days
    groups: list[list[_Located]] = [
        # The year in the document's own title decides over years its body mentions in passing.
        [x for x in fiscal if x.heading],
        fiscal,
        # A heading's span of fiscal years all before the one wanted, "ปีงบประมาณ พ.ศ. ๒๕๖๖–๒๕๖๗" over a report signed
        # "ประกาศ ณ วันที่ 15 พฤศจิกายน 2567" (review49 b10): the report is of those years, whatever day it was signed
        [x for x in ranges if rule is not FiscalYearRule.COVERS_CURRENT and _older_fiscal_span(x, target)],
        # A signing date (plans are approved before their year begins) does not outrank "พ.ศ. 2569".
        [x for x in located if x.mention.kind in (MentionKind.DATE, MentionKind.BARE)],
    ]
    for group in groups:
        if not group:
            continue
        years = {y for x in group for y in x.mention.fiscal_years}
        hits = [x for x in group if target in x.mention.fiscal_years]
        span = _wrong_span(rule, hits, ranges, multi_year, expected, inferred, heading=group is groups[0])
        if span is not None:
            return [span], []
        # The year named only in the appendix is like a cover's: the body under it may be last year's (review45 b06:
        # "ประกาศใช้แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙" appended to a plan of "…พ.ศ. ๒๕๖๘" throughout)
        attached = bool(hits) and all(x.appendix for x in hits)
        doubt = (_heading_doubt(located, hits, target, inferred, dated_activities,
                                spans=rule is FiscalYearRule.COVERS_CURRENT)
                 if hits and (group is groups[0] or attached) else None) \
            or _calendar_year(located, hits if group is groups[0] else [], expected, inferred)
        if doubt is not None:
            return [doubt], []
        if hits:
            found = _year_found(target, hits[0].evidence, inferred, str(hits[0].mention.kind))
            notes = []
            if disagreeing:
                # A remark: the text names the right year, a file name or slug another.
                notes.append(reasons.make("year_clue_differs",
                                          evidence=tuple(Evidence(url=c.url, snippet=c.text) for c in disagreeing[:3]),
                                          detail=_clue_words(disagreeing, str(target))))
            return notes, [found]
        evidence = tuple(x.evidence for x in group[:3])
        # Tell every year the document names (2566 and 2567 for the seed's O24), not only the deciding ones.
        years |= {y for x in fiscal for y in x.mention.fiscal_years if y < target}
        conflict = []
        if naming:
            # The title says the wanted year and the text another: say so, and let the text decide. A link
            # title naming the wanted year suggests the wrong file was uploaded: worth a person's look.
            strong = any(c.source == "title" for c in naming)
            conflict.append(reasons.make("fiscal_year_conflict" if strong else "year_clue_differs",
                                         evidence=tuple(Evidence(url=c.url, snippet=c.text) for c in naming[:3]),
                                         detail=_clue_words(naming, _fmt_years(years))))
        if max(years) < target:
            return [reasons.make("stale_fiscal_year", found=_fmt_years(years), expected=expected,
                                 evidence=evidence, inferred=inferred), *conflict], []
        return [reasons.make("fiscal_year_mismatch", found=_fmt_years(years), expected=expected,
                             evidence=evidence, inferred=inferred), *conflict], []
    if ranges and any(target in x.mention.fiscal_years for x in ranges):
        return [reasons.make("fiscal_year_mismatch", found="แผนหลายปี " + ranges[0].mention.text,
                             expected=expected, evidence=(ranges[0].evidence,), inferred=inferred)], []
    titled = [c for c in naming if c.source in ("title", "page")]
    if titled:
        # A title or the linking page names the year the document does not: worth a look, never a pass on
        # its own (the file behind "…2569" may be last year's). A slug or file name is weaker still.
        best = titled[0]
        note = reasons.make("fiscal_year_from_clue", year=target, source=_CLUE_TH[best.source],
                            source_en=best.source, detail=best.text[:120],
                            evidence=(Evidence(url=best.url, snippet=best.text),))
        found = _year_found(target, Evidence(url=best.url, snippet=best.text), inferred, f"clue:{best.source}")
        return [note], [found]
    problem = reasons.make("no_fiscal_year", expected=expected, inferred=inferred)
    if naming:
        problem.detail["clues"] = _clue_text(naming)
    if url_years:
        problem.detail["url_years"] = sorted(set(url_years))
    return [problem], []


STALE_GAP = 2  # years: a period document whose every year is this far behind the fiscal year is stale
_PERIOD_KINDS = frozenset({MentionKind.FISCAL, MentionKind.RANGE})
_NAMED_KINDS = frozenset({MentionKind.FISCAL, MentionKind.RANGE, MentionKind.DATE, MentionKind.BARE})


_STALE_BODY_MIN = 2  # periods in a table's rows, every one before the title's year


def _in_row(x: _Located) -> bool:
    """The mention sits between two cells' separators, as a period in a plan's row does ("…| ต.ค. 2566 – ก.ย.
    2567 | สำนักปลัด"): not prose before or after a table."""
    snippet = x.evidence.snippet
    at = snippet.find(x.mention.text)
    return at != -1 and CELL_SEP in snippet[:at] and CELL_SEP in snippet[at + len(x.mention.text):]


def _stale_body(located: Sequence[_Located], hits: Sequence[_Located], target: int) -> list[_Located]:
    """The periods of one fiscal year each ("ต.ค. 2566 – ก.ย. 2567", "ม.ค. – มี.ค. 2567") in the table rows of the
    document whose title names `target`, when there are `_STALE_BODY_MIN` or more and every one is before it; else
    []. Years in the prose (last year's ITA, last year's plan cited) and score columns ("ITA 2567") are no periods."""
    urls = {x.evidence.url for x in hits}
    periods = [x for x in located if x.evidence.url in urls and not x.heading
               and x.mention.kind is MentionKind.RANGE and len(x.mention.fiscal_years) == 1 and _in_row(x)]
    if len(periods) < _STALE_BODY_MIN or any(x.mention.fiscal_years[0] >= target for x in periods):
        return []
    return periods


# A plan's month grid (แบบ ผด.02) names the calendar year over its first month of each: "พ.ศ. 2568 | ต.ค. | พ.ย. |
# ธ.ค. | พ.ศ. 2569 | ม.ค. …" (also "พ.ศ. 2567 ต.ค." in one cell). October's year is the fiscal year before the one it
# opens; January's is the fiscal year.
_GRID_MONTH = re.compile(r"^\s?\|?\s?(?:(ต\.ค\.|ตุลาคม)|ม\.ค\.|มกราคม)\s?\|")


def _grid_years(located: Sequence[_Located], hits: Sequence[_Located]) -> list[tuple[_Located, int]]:
    """The fiscal years a month grid's year cells give ("พ.ศ. 2567 ต.ค. | พ.ย. | ธ.ค. | พ.ศ. 2568 ม.ค. |": FY 2568) in
    the documents whose title names the year: each cell and its fiscal year. Last year's grid under a title of 2569
    (review20 s07) is last year's plan with its title changed (`stale_periods`)."""
    urls = {x.evidence.url for x in hits}
    out: list[tuple[_Located, int]] = []
    for x in located:
        if x.evidence.url not in urls or x.mention.kind is not MentionKind.BARE or len(x.mention.fiscal_years) != 1:
            continue
        m = _GRID_MONTH.match(x.follow)
        if m is not None:
            year = x.mention.fiscal_years[0]
            out.append((x, year + 1 if m.group(1) else year))
    return out


# A span of a calendar year, January to December ("1 มกราคม – 31 ธันวาคม 2568", "ม.ค. – ธ.ค. 68").
_CALENDAR_SPAN = re.compile(r"^(?:วันที่\s*)?(?:\d{1,2}\s*)?(?:ม\.\s*ค\.|มกราคม).*(?:ธ\.\s*ค\.|ธันวาคม)"
                            r"\s*(?:พ\.\s*ศ\.\s*)?\d{2,4}$")


def _calendar_year(located: Sequence[_Located], hits: Sequence[_Located], expected: str, inferred: bool
                   ) -> Reason | None:
    """`fiscal_year_mismatch` (review) for a heading naming the year as "ประจำปี 2568" (not "ปีงบประมาณ") beside a
    calendar year's span, "ประจำปี ๒๕๖๘ (๑ มกราคม – ๓๑ ธันวาคม ๒๕๖๘)" (review49 b26): January to December is not the
    fiscal year (it misses last October–December and holds this one's)."""
    if not hits or any("งบ" in x.mention.text for x in hits if x.heading):
        return None
    urls = {x.evidence.url for x in hits}
    span = next((x for x in located if x.heading and x.evidence.url in urls and x.mention.kind is MentionKind.RANGE
                 and _CALENDAR_SPAN.match(x.mention.text)), None)
    if span is None:
        return None
    return reasons.make("fiscal_year_mismatch", found="ปีปฏิทิน " + span.mention.text, expected=expected,
                        evidence=(span.evidence,), inferred=inferred)


_FISCAL_SPAN_LEAD = re.compile(r"^(?:ประจำ\s*)?ปี\s*งบ")


def _older_fiscal_span(x: _Located, target: int) -> bool:
    """A heading's span of fiscal years said as such ("ปีงบประมาณ พ.ศ. 2566–2567", not a plan's "(พ.ศ. 2566 – 2570)"),
    every year of it before `target`."""
    return x.heading and _FISCAL_SPAN_LEAD.match(x.mention.text) is not None \
        and max(x.mention.fiscal_years) < target


def _wrong_span(rule: FiscalYearRule, hits: Sequence[_Located], ranges: Sequence[_Located],
                multi_year: Sequence[_Located], expected: str, inferred: bool, *, heading: bool) -> Reason | None:
    """`fiscal_year_mismatch` for a plan of the wrong length: a plan over several years (its columns say "ปี 2569")
    for an item that needs the annual one; or, for the multi-year plan (`COVERS_CURRENT`), one headed by a single
    fiscal year ("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569") that names no span of years anywhere (review20 s01)."""
    if not hits:
        return None
    if multi_year and not any(x.states_fiscal_year and x.mention.kind is not MentionKind.RANGE for x in hits):
        return reasons.make("fiscal_year_mismatch", found="แผนหลายปี " + multi_year[0].mention.text,
                            expected=expected, evidence=(multi_year[0].evidence, hits[0].evidence), inferred=inferred)
    if rule is FiscalYearRule.COVERS_CURRENT and heading and not ranges \
            and all(x.mention.kind is MentionKind.FISCAL for x in hits):
        return reasons.make("fiscal_year_mismatch", found="แผนประจำปี " + hits[0].mention.text,
                            expected=expected, evidence=(hits[0].evidence,), inferred=inferred)
    return None


def _heading_doubt(located: Sequence[_Located], hits: Sequence[_Located], target: int, inferred: bool,
                   dated_activities: bool, spans: bool = False) -> Reason | None:
    """When only the heading names the year: every dated activity under it earlier (`activities_earlier`, for
    items whose documents report activities), every period in the table rows earlier (`stale_periods`), or, for
    any item, every date in the body earlier with `_EARLIER_DATES_MIN` or more of them not cited (`dates_earlier`),
    or the body's own fiscal years all earlier (`body_year_earlier`; for a multi-year plan, `spans`, its own spans
    of years all ended: `_body_spans_earlier`): last year's content under this year's title. A person looks."""
    earlier = _earlier_dates(located, hits, target)
    if earlier and dated_activities:
        return reasons.make("activities_earlier", expected=str(target), inferred=inferred,
                            found=_fmt_years({y for x in earlier for y in x.mention.fiscal_years}),
                            evidence=(hits[0].evidence, *(x.evidence for x in earlier[:2])))
    stale_body = _stale_body(located, hits, target)
    if stale_body:
        return reasons.make("stale_periods", expected=str(target), inferred=inferred,
                            found=_fmt_years({y for x in stale_body for y in x.mention.fiscal_years}),
                            evidence=(hits[0].evidence, *(x.evidence for x in stale_body[:2])))
    grid = _grid_years(located, hits)
    if len(grid) >= _STALE_BODY_MIN and all(year < target for _x, year in grid):
        return reasons.make("stale_periods", expected=str(target), inferred=inferred,
                            found=_fmt_years({year for _x, year in grid}),
                            evidence=(hits[0].evidence, *(x.evidence for x, _year in grid[:2])))
    uncited = [x for x in earlier if not _cited(x) or _own_data_day(x)]
    # …or a report dated before the year in its heading began: "รายงาน ณ วันที่ ๓๐ ก.ย. ๖๗" under "รายงานผล…ประจำปี
    # งบประมาณ พ.ศ. ๒๕๖๘", every row of FY2567 (review74 b12): no report of a year is made before it starts
    if len(uncited) >= _EARLIER_DATES_MIN or (uncited and _reported_before(earlier)):
        # Last year's months and dates under this year's title (a statistics table "ต.ค. 66 … ก.ย. 67" headed
        # "ประจำปีงบประมาณ 2568"; in a PDF, whose tables have no cells for `stale_periods` to read). Cited dates do not
        # count: a plan cites letters of the year before it ("ลงวันที่ 5 มิถุนายน 2567") and is signed before it starts.
        return reasons.make("dates_earlier", expected=str(target), inferred=inferred,
                            found=_fmt_years({y for x in uncited for y in x.mention.fiscal_years}),
                            evidence=(hits[0].evidence, *(x.evidence for x in uncited[:2])))
    own = _body_years_earlier(located, hits, target) or (_body_spans_earlier(located, hits, target) if spans else []) \
        or _heading_retitled(located, hits, target)
    if own:
        return reasons.make("body_year_earlier", expected=str(target), inferred=inferred,
                            found=_fmt_years({y for x in own for y in x.mention.fiscal_years}),
                            evidence=(hits[0].evidence, *(x.evidence for x in own[:2])))
    return None


_BODY_FISCAL_MIN = 2  # "ประจำปีงบประมาณ 2568" in the body, every one earlier than the cover's year
# A fiscal year a document cites, not its own: "จากผลการดำเนินงานประจำปีงบประมาณ 2568", "ผลการติดตามและประเมินผล…",
# "…ที่ผ่านมา", "เปรียบเทียบกับ…".
# Under a report's cover ("รายงานผลการดำเนินงาน…") its body's "รายงานผล…"/"สรุปผล…" years are its own; under a plan's,
# any "ผลการ…" year is one it cites.
_CITING_IN_REPORT = re.compile(r"จากผลการ|ผลการติดตาม|ติดตามและประเมินผล|ประเมินผลแผน|ผลการประเมิน|ที่ผ่านมา|เปรียบเทียบ"
                               r"|ปีก่อน")
_CITING_IN_PLAN = re.compile(r"ผลการ|ประเมินผล|ที่ผ่านมา|เปรียบเทียบ|ปีก่อน|ตามที่")
_REPORT_COVER = ("รายงาน", "สรุปผล")


def _report_heading(x: _Located) -> bool:
    """The heading's mention is a report's title ("รายงานผลการดำเนินการตามแผน… ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"):
    `_REPORT_COVER` in its quote or in the words before it (`lead`; a long title puts "รายงาน" past the quote's 30
    characters)."""
    return any(w in x.evidence.snippet.replace(" ", "") or w in x.lead.replace(" ", "") for w in _REPORT_COVER)


def _before(x: _Located, reach: int) -> str | None:
    """Up to `reach` characters of the quote before the mention (the quote holds 30 each side); None when the quote
    does not hold the mention."""
    snippet = x.evidence.snippet
    at = snippet.find(x.mention.text)
    return None if at == -1 else snippet[max(0, at - reach):at]


def _citing_year(x: _Located, report: bool) -> bool:
    before = _before(x, 30)
    citing = _CITING_IN_REPORT if report else _CITING_IN_PLAN
    return before is not None and citing.search(before.replace(" ", "")) is not None


def _body_spans_earlier(located: Sequence[_Located], hits: Sequence[_Located], target: int) -> list[_Located]:
    """A multi-year plan's body whose spans of years ("แผนพัฒนาท้องถิ่น (พ.ศ. 2561 – 2565)") all ended before `target`,
    under a heading whose span covers it ("(พ.ศ. 2566 – 2570)"), when nothing in the body names `target` or a later
    year: the old plan under a new cover (review20 s04); else []."""
    urls = {x.evidence.url for x in hits}
    body = [x for x in located if x.evidence.url in urls and not x.heading and not x.restated
            and x.mention.fiscal_years]
    spans = [x for x in body if x.mention.kind is MentionKind.RANGE and len(x.mention.fiscal_years) > 1]
    if not spans or any(max(x.mention.fiscal_years) >= target for x in body):
        return []
    return spans


def _body_years_earlier(located: Sequence[_Located], hits: Sequence[_Located], target: int) -> list[_Located]:
    """The body's own fiscal years ("ผด.02 … ประจำปีงบประมาณ พ.ศ. 2568") in the documents whose heading (a cover)
    names `target`, when there are `_BODY_FISCAL_MIN` or more, every one earlier, and no year, date, period or fiscal
    year of the body is `target` or later (a multi-year range, the development plan a plan cites, says nothing);
    else []: last year's plan under this year's cover (`body_year_earlier`)."""
    urls = {x.evidence.url for x in hits}
    # the appendix is no body: this year's order appended to last year's plan (review45 b22), last year's
    # announcement appended to this year's (a07); nor the cover's span of the heading's year (`_Located.restated`)
    body = [x for x in located if x.evidence.url in urls and not x.heading and not x.appendix and not x.restated
            and not (x.mention.kind is MentionKind.RANGE and len(x.mention.fiscal_years) > 1)]
    report = any(w in hits[0].evidence.snippet.replace(" ", "") for w in _REPORT_COVER)
    own = [x for x in body if x.mention.kind is MentionKind.FISCAL and len(x.mention.fiscal_years) == 1
           and not _citing_year(x, report) and not _not_its_year(x)]
    # A table's columns each naming the year count with one of them stated as the fiscal year: "งบประมาณ ปี ๒๕๖๗
    # (บาท) | ใช้จริง ปี ๒๕๖๗ (บาท) | ผลการดำเนินงาน ปี ๒๕๖๗" under "…ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" (review38 b05).
    bare = [x for x in body if x.mention.kind is MentionKind.BARE and not _citing_year(x, report)
            and not _forward_year(x, report) and not _not_its_year(x)] if own else []
    # A report is signed after its year ends: "ผู้รายงาน ลงวันที่ ๒๕ ตุลาคม ๒๕๖๗" (FY2568) under a body all of
    # "ในรอบปีงบประมาณ พ.ศ. ๒๕๖๗" is that year's report, whatever its cover says (review43 b08).
    latest = max((y for x in own for y in x.mention.fiscal_years), default=0)
    if len(own) + len(bare) < _BODY_FISCAL_MIN \
            or any(max(x.mention.fiscal_years, default=0) >= target for x in body
                   if not (report and _signed_after(x, latest)) and not _forward_year(x, report)):
        return []
    return own + bare


# Years that are neither a document's own nor its data's: a law's or a regulation's ("ระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำ
# แผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548", "พ.ร.บ.ข้อมูลข่าวสารของราชการ พ.ศ. 2540") and a council session's
# ("สมัยสามัญ สมัยที่ 4 ประจำปี 2565", the session that adopted a plan the year before it runs): review73 c09, a plan's
# adoption notice told "its body is of 2548, 2565". Read in the words before the year (the mention's lead).
_LAW_BEFORE = re.compile(r"(?:ว่าด้วย|พระราชบัญญัติ|พ\.\s?ร\.\s?บ\.|พระราชกฤษฎีกา)[^\n]{0,70}$")
_SESSION_BEFORE = re.compile(r"สมัย\s?(?:สามัญ|วิสามัญ)?\s?(?:สมัย)?\s?ที่\s?\d+\s?(?:/\s?)?$")


def _not_its_year(x: _Located) -> bool:
    """The mention is a law's year or a council session's, by the words just before it (`_LAW_BEFORE`,
    `_SESSION_BEFORE`), not a year the document is of."""
    lead = (x.lead or _before(x, 60) or "").rstrip()
    if not lead:
        return False
    if x.mention.kind is MentionKind.BARE and _LAW_BEFORE.search(lead[-80:]) is not None:
        return True
    return x.mention.kind is MentionKind.FISCAL and _SESSION_BEFORE.search(lead) is not None


# A year a report's suggestions look ahead to, not the one it reports: "ข้อเสนอแนะ ควรจัดหางานก่อสร้างให้เสร็จก่อนฤดูฝนของปี
# ๒๕๖๘" under a body all of FY2567 headed "…ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" (review59 b08). Read in the words before it.
_FORWARD_IN_REPORT = re.compile(r"ควร|ข้อเสนอแนะ|แนวทาง|ต่อไป|ถัดไป|ปีหน้า|ให้(?:แล้ว)?เสร็จ|จะ")


# …or in the words just after it, what is to be done in it: "ตั้งงบประมาณโครงการป้องกันการทุจริตในข้อบัญญัติงบประมาณปี ๒๕๖๘
# ให้ครบตามแผน" (review76 g04, FY2567's report retitled ๒๕๖๘), "ในปีงบประมาณ ๒๕๖๘ ควร…". Not a bare "ให้" ("…ปี ๒๕๖๘ ให้แก่
# ประชาชน", "ให้บริการ"): only a goal to reach.
_FORWARD_AFTER = re.compile(r"^\s?(?:ควร|ต่อไป|ให้\s?(?:ครบ|เป็นไปตาม|แล้วเสร็จ|เสร็จ|ทัน|เพียงพอ))")


def _forward_year(x: _Located, report: bool) -> bool:
    """In a report, the mention is of the year a suggestion looks ahead to (`_FORWARD_IN_REPORT` in the 30 characters
    before it, `_FORWARD_AFTER` just after it), not a year the report is of."""
    if not report:
        return False
    before = _before(x, 30)
    return (before is not None and _FORWARD_IN_REPORT.search(before.replace(" ", "")) is not None) \
        or _FORWARD_AFTER.match(x.follow) is not None


def _signed_after(x: _Located, year: int) -> bool:
    """The mention is a report's signing day ("ลงวันที่ ๒๕ ตุลาคม ๒๕๖๗") in the fiscal year after `year`, its period's."""
    return x.mention.kind is MentionKind.DATE and _cited(x) and max(x.mention.fiscal_years, default=0) <= year + 1


def _heading_retitled(located: Sequence[_Located], hits: Sequence[_Located], target: int) -> list[_Located]:
    """The earlier fiscal years a heading names beside `target`, when the body never names `target` and every date
    in the body falls in those years; else []: a page labelled for this year over last year's document, headed and
    signed in its own year (review26 r02: "การประเมินความเสี่ยงการทุจริต ปีงบประมาณ 2569" above "…ประจำปีงบประมาณ
    พ.ศ. ๒๕๖๘", "ประกาศ ณ วันที่ ๑๕ ตุลาคม ๒๕๖๗")."""
    urls = {x.evidence.url for x in hits}
    mine = [x for x in located if x.evidence.url in urls]
    older = [x for x in mine if x.heading and x.mention.kind is MentionKind.FISCAL
             and x.mention.fiscal_years[0] < target]
    # …nor in a suggestion looking ahead to it ("ควรจัดหางานก่อสร้างให้เสร็จก่อนฤดูฝนของปี ๒๕๖๘": review59 b08)
    report = any(w in hits[0].evidence.snippet.replace(" ", "") for w in _REPORT_COVER)
    if not older or any(not x.heading and not x.restated and max(x.mention.fiscal_years, default=0) >= target
                        and not _forward_year(x, report) for x in mine):
        return []
    years = {x.mention.fiscal_years[0] for x in older}
    dates = [x for x in mine if not x.heading and x.mention.kind is MentionKind.DATE]
    return older if dates and all(x.mention.fiscal_years[0] in years for x in dates) else []


# The words before the day an activity took place: "เมื่อวันที่ 21 มิถุนายน 2567", "เมื่อวันพุธที่ 5 พฤศจิกายน 2568",
# "ระหว่างวันที่ 9 – 17 ธันวาคม 2567", "จัดขึ้นในวันที่ …" (matched on the text before the date, spaces removed).
_EVENT_BEFORE = re.compile(r"(?:เมื่อ|ใน|ระหว่าง|จัด(?:ขึ้น)?(?:ใน)?|ภาพ(?:กิจกรรม|บรรยากาศ)(?:\S{0,30}?)?)"
                           r"วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)?ที่$"
                           r"|เมื่อ$")  # "…จัดเวทีประชาคม… เมื่อ ๒๕ ก.ย. ๖๘" (review21 p02)
# Words before those that make the day another one: the day it was posted ("โพสต์เมื่อ …"), a deadline ("ภายในวันที่",
# "ก่อนวันที่", "จนถึงวันที่"), an earlier meeting it follows ("สืบเนื่องจาก…เมื่อวันที่", "ตามมติ…").
_NOT_EVENT = ("โพสต์", "เผยแพร่", "ประกาศ", "ลง", "อัปเดต", "อัพเดท", "แก้ไข", "ภาย", "ก่อน", "จนถึง", "ตั้งแต่")
# Words in the lead that make the day one to come, or the page's edit ("จะจัด…ในวันที่", "ครั้งต่อไปในวันที่", "ขอเชิญ…",
# "ปรับปรุงข้อมูลล่าสุดเมื่อวันที่"): such a day does not decide the year (`_held_in_year`). An earlier day so led is
# still read by `_held_earlier` ("…โครงการที่จะบรรจุในแผน เมื่อวันที่ 21 มิถุนายน 2567" was held).
_NOT_HELD = ("จะจัด", "จะมีการ", "ครั้งต่อไป", "ขอเชิญ", "กำหนดจัด", "ปรับปรุงข้อมูล", "ข้อมูลล่าสุด", "แก้ไขล่าสุด")
# …or the last meeting whose minutes a record approves: "ระเบียบวาระที่ ๒ รับรองรายงานการประชุมครั้งที่แล้ว (ประชุมเมื่อวันที่
# ๒๐ มิถุนายน ๒๕๖๘)" in the record of a forum held "วันที่ ๑๒ กุมภาพันธ์ ๒๕๖๙ เวลา ๐๙.๓๐ น. ณ…" (review40 i01).
_EARLIER_MEETING = re.compile(r"สืบเนื่อง|ตามมติ|ครั้งก่อน|รับรองรายงานการประชุม|ครั้งที่(?:แล้ว|ผ่านมา)\(?(?:การ)?ประชุม$")
# …and words that end just before the day after words that say the activity follows it: "ตามที่ได้ประชุมไปแล้ว
# เมื่อวันที่ …", "ต่อเนื่องจากการประชุมที่ผ่านมา เมื่อวันที่ …" (not "ได้จัดประชุมประชาคมไปแล้ว เมื่อวันที่ …", the activity).
_EARLIER_END = ("ไปแล้ว", "ที่ผ่านมา", "ครั้งที่แล้ว")
_FOLLOWING = re.compile(r"ตามที่|ต่อเนื่อง|การประชุม")  # "…จากการประชุมที่ผ่านมา": a meeting it follows


# A day that opens the news of the activity, its doer and what it did after it: "วันพฤหัสบดีที่ 11 กันยายน 2568
# อบต.ท่าช้างทอง จัดกิจกรรม…", "วันที่ 5 ธันวาคม 2568 นายก อบต. เป็นประธานเปิดโครงการ…". Read on the quote with its spaces:
# "วัน…ที่" is a word of its own (not "ลงวันที่", "ภายในวันที่"), and not after "ณ" (a signing day); the doing comes
# within 120 characters ("…จะจัด…", a day to come, is not one; nor news that looks back, `_LOOKS_BACK`).
_DAY_OPENS = re.compile(r"(?:^|\s)(?<!ณ\s)วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)?ที่\s?$")
# The doer may take several words ("นายสมชาย ใจงาม นายกองค์การบริหารส่วนตำบลหนองบัว เป็นประธาน…") after the hour ("เวลา
# 09.00 น."). A meeting's report may give only its place and the people who came, counted: "ผลการจัดประชาคมตำบล…
# วันที่ ๑๒ ก.พ. ๖๙ ณ หอประชุม อบต. มีผู้เข้าร่วม ๙๘ คน" (review36 g07; not "จะมีผู้เข้าร่วม…", "…ประมาณ 100 คน").
_HELD_AFTER = re.compile(r"^\s?(?:เวลา\s?\d{1,2}[.:]\d{2}\s?(?:[-–]\s?\d{1,2}[.:]\d{2}\s?)?น\.\s?)?.{0,120}?"
                         r"(?<!จะ)(?<!จะ\s)(?:ได้)?(?:จัด(?:กิจกรรม|ประชุม|โครงการ|อบรม|งาน|สัมมนา|ให้มี)"
                         r"|เป็นประธาน|เข้าร่วม(?:กิจกรรม|โครงการ|ประชุม|อบรม)"
                         r"|มี\s?ผู้\s?เข้าร่วม(?:ประชุม|กิจกรรม|โครงการ|อบรม)?\s?(?:จำนวน\s?|ทั้งสิ้น\s?|รวม\s?)?\d[\d,]*\s?คน)")


# The month an activity was held, right after it: "…ได้จัดกิจกรรม No Gift Policy ในเดือนกันยายน 2568" (on the quote's 30
# characters before it, spaces removed; "จะจัด…" is a month to come, `_held_day`)
_HELD_IN_MONTH = re.compile(r"(?:กิจกรรม|ประชุม|โครงการ|อบรม|สัมมนา)\S{0,30}?(?:ใน|เมื่อ)(?:ช่วง)?เดือน$")


_LOOKS_BACK = re.compile(r"ย้อนหลัง|ที่ผ่านมา|ปีที่แล้ว|ครั้งก่อน")
# A past year told (on the normalized text): "ในปีงบประมาณที่ผ่านมา", "เมื่อปีที่แล้ว" — not "…เช่นเดียวกับในปีที่ผ่านมา",
# "…ต่อเนื่องจากปีที่ผ่านมา" (this year's, done as before).
_PAST_YEAR = (r"(?<!เดียวกับ)(?<!เหมือน)(?<!เช่น)(?<!จาก)(?:ใน|เมื่อ|ช่วง|ตั้งแต่)(?:รอบ)?(?:ปีงบประมาณ|ปี)"
              r"(?:ที่ผ่านมา|ที่แล้ว|ก่อน(?:หน้า)?)(?!นี้)")  # "…ไปแล้วตั้งแต่ปีก่อน", "ในรอบปีงบประมาณก่อนหน้า" (review22)
_PAST_YEAR_RX = re.compile(_PAST_YEAR)
_PAST_YEAR_AFTER = 80  # characters after the deed (with spaces) where a past year makes it that year's


# The day, hour and place that head a meeting's record: "วันที่ 18 กุมภาพันธ์ 2568 เวลา 13.30 น. ณ ศาลาประชาคม…"
_MINUTES_DAY = re.compile(r"\s?เวลา\s?\d{1,2}[.:]\d{2}\s?(?:[-–]\s?\d{1,2}[.:]\d{2}\s?)?น\.\s?ณ\s")


def _opens_news(x: _Located, lead: str) -> bool:
    """The day opens the news of the activity held on it (`_DAY_OPENS`, `_HELD_AFTER`)."""
    if not x.mention.text.startswith("วันที่") and _DAY_OPENS.search(lead) is None:
        return False
    if x.mention.text.startswith("วันที่") and lead.rstrip().endswith((" ณ", "ณ", "ลง", *_NOT_EVENT)):
        return False
    if x.mention.text.startswith("วันที่") and _MINUTES_DAY.match(x.follow) is not None \
            and not any(w in lead.replace(" ", "") for w in _NOT_HELD):
        return True  # a record's "วันที่ ๑๘ กุมภาพันธ์ ๒๕๖๘ เวลา ๑๓.๓๐ น. ณ ศาลาประชาคม…" (review39 a18)
    held = _HELD_AFTER.search(x.follow)
    # "วันที่ 5 มกราคม 2569 งานประชาสัมพันธ์ขอนำเสนอภาพย้อนหลัง ที่… ได้จัดกิจกรรม…": the day the pictures are shown;
    # "วันที่ 1 ตุลาคม 2568 … ประกาศใช้นโยบาย… ได้จัดกิจกรรมรณรงค์… เมื่อปีที่แล้ว": the day of the notice, the deed last year's
    return held is not None and _LOOKS_BACK.search(held.group()) is None and _PAST_YEAR_RX.search(
        x.follow[held.end():held.end() + _PAST_YEAR_AFTER].replace(" ", "")) is None


# The first day of a range of days before its last one's date ("วันที่3–" before "14 มีนาคม 2568", spaces removed)
_DAY_RANGE_DASH = ("-", "–", "—", "ง")
_DAY_RANGE_START = re.compile(r"(?<=วันที่)\d{1,2}(?:[-–—]|ถึง)$")


def _event_date(x: _Located) -> bool:
    """The mention is the day (or days) an activity took place: a date after `_EVENT_BEFORE`, or one that opens the
    news of the activity (`_opens_news`), not a posting day, a deadline or an earlier meeting the activity
    follows."""
    if x.mention.kind not in (MentionKind.DATE, MentionKind.RANGE) or len(x.mention.fiscal_years) != 1:
        return False
    lead = _before(x, 30)
    if lead is None:
        return False
    before = lead.replace(" ", "")
    if x.mention.text.startswith("วันที่"):
        before += "วันที่"
    # a range of days read as its last day: "ระหว่างวันที่ ๓ – ๑๔ มีนาคม ๒๕๖๘" (review78 e03), the scanner's date "14 มีนาคม
    # 2568" after "ระหว่างวันที่3–"
    if before[-1:] in _DAY_RANGE_DASH:
        before = _DAY_RANGE_START.sub("", before)
    m = _EVENT_BEFORE.search(before)
    if m is None:
        return _opens_news(x, lead) or _HELD_IN_MONTH.search(before) is not None
    if before[:m.start()].endswith(_NOT_EVENT):
        return False
    lead = before[:m.start()]
    return _EARLIER_MEETING.search(lead) is None and not (lead.endswith(_EARLIER_END) and _FOLLOWING.search(lead))


def _held_day(x: _Located) -> bool:
    """`_event_date`, and not a day to come or the page's edit (`_NOT_HELD` in the 30 characters before it)."""
    if not _event_date(x):
        return False
    lead = _before(x, 30)
    return lead is None or not any(word in lead.replace(" ", "") for word in _NOT_HELD)


# An undated activity told as a past year's (`_PAST_YEAR`, on the normalized text): "ในปีงบประมาณที่ผ่านมาได้จัด
# กิจกรรมรณรงค์…", "…ได้จัดกิจกรรม… เมื่อปีที่แล้ว" (review19 g01, a pass) — not "จะจัด…" (to come).
_DEED = r"(?<!จะ)(?:(?:ได้)?(?:จัด|ดำเนิน|เข้าร่วม)(?:กิจกรรม|โครงการ|อบรม|ประชุม|สัมมนา|เวที|ประชาคม)|ภาพกิจกรรม)"
# …or as a fiscal year named by its number ("…จัดเวทีประชาคม… ซึ่งเป็นการดำเนินการในปีงบประมาณ พ.ศ. 2568", "(ภาพกิจกรรม
# ประจำปีงบประมาณ พ.ศ. 2568)": review23 f03, c03), earlier than the year under check.
_DEED_IN_YEAR = re.compile(rf"{_DEED}.{{0,160}}?(?:(?:ใน|ประจำ)ปีงบประมาณ|ปีงบ(?!ประมาณ))(?:พ\.ศ\.)?(25\d\d|\d\d)(?!\d)")
_SAID_EARLIER = re.compile(rf"{_PAST_YEAR}.{{0,40}}?{_DEED}|{_DEED}.{{0,120}}?{_PAST_YEAR}")


def _said_earlier(dated: Sequence[_Readable], fiscal_year: int) -> tuple[Evidence, str] | None:
    """Where a document tells of its activity as a past year's, without a day (`_SAID_EARLIER`, `_DEED_IN_YEAR`
    before `fiscal_year`), and its words."""
    for r in dated:
        for page, _raw, index in _pages(r):
            m = _SAID_EARLIER.search(index.normalized_text) or next(
                (y for y in _DEED_IN_YEAR.finditer(index.normalized_text)
                 if int(y.group(1)) + (2500 if len(y.group(1)) == 2 else 0) < fiscal_year), None)  # "ปีงบ 68"
            if m is not None:
                start, end = index.display_span(m.start(), m.end())
                return (Evidence(url=r.doc.url, page=page, snippet=index.snippet(start, end, SNIPPET_CONTEXT)),
                        index.display_text[start:end])
    return None


def _held_earlier(item: Item, fiscal_year: int, dated: Sequence[_Readable], cache: DocumentCache) -> Reason | None:
    """`activity_date_earlier` (review), for an item whose activity's own date decides its year
    (`event_dated`): every day the documents say an activity took place ("เมื่อวันที่ …") is of an earlier fiscal
    year. A forum of June 2567 posted in October 2567, on the budget of FY 2568, is FY 2567's."""
    if not item.evidence.event_dated or item.fiscal_year_rule is not FiscalYearRule.CURRENT:
        return None
    events = [x for x in _mentions(dated, cache) if _event_date(x)]
    if not events:
        said = _said_earlier(dated, fiscal_year)
        return None if said is None else reasons.make(
            "activity_said_earlier", expected=str(fiscal_year), said=said[1], evidence=(said[0],))
    if any(x.mention.fiscal_years[0] >= fiscal_year for x in events):
        return None
    return reasons.make("activity_date_earlier", expected=str(fiscal_year),
                        found=_fmt_years({x.mention.fiscal_years[0] for x in events}),
                        evidence=tuple(x.evidence for x in events[:2]))


_ANALYSED_ROUND = "ita_analysis"  # the component of an item that analyses the last ITA round's results


def _ita_round_earlier(item: Item, fiscal_year: int, located: Sequence[_Located]) -> Reason | None:
    """`fiscal_year_mismatch` (review), for an item that analyses the last ITA round (`_ANALYSED_ROUND`): every round
    the documents name ("ITA 2568", "ผลการประเมินคุณธรรมและความโปร่งใส… ประจำปีงบประมาณ พ.ศ. 2567": `_round_label`) is
    older than the one before the item's year. The measures of FY 2569 answer ITA 2568's results; a plan whose
    analysis is of ITA 2567 (a neighbour's, review21 i01) answers an older round. A document naming no round is not
    judged by this."""
    if not any(c.id == _ANALYSED_ROUND for c in item.components):
        return None
    rounds = [x for x in located if x.mention.fiscal_years and _round_label(x)]
    wanted = item.fiscal_year_rule.data_year(fiscal_year) - 1
    if not rounds or max(y for x in rounds for y in x.mention.fiscal_years) >= wanted:
        return None
    return reasons.make("fiscal_year_mismatch", found="ผลการประเมิน ITA " + _fmt_years(
        {y for x in rounds for y in x.mention.fiscal_years}), expected=f"ITA {wanted}",
        evidence=tuple(x.evidence for x in rounds[:2]), inferred=True)


_EARLIER_DATES_MIN = 3  # dates in the body, not cited ones, every one before the heading's year (review20 s24: 3)
# A date a document cites or is signed on: "ลงวันที่ 5 มิถุนายน 2567", "ประกาศ ณ วันที่ 25 กันยายน 2567".
_CITING = ("ลงวันที่", "ณ วันที่", "ณวันที่", "ตามหนังสือ")


# The day a document gives its own data as of, "ข้อมูล ณ วันที่ ๓๑ ตุลาคม ๒๕๖๗" under a risk assessment's table
# (review71 e02: every date of its body FY2568 under the title "…ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"): not another document's
# date it cites, whatever "ณ วันที่" says elsewhere (`_CITING`).
_OWN_DATA_DAY = re.compile(r"(?:ข้อมูล|สรุปข้อมูล)\s*ณ\s*(?:วันที่\s*)?$")


def _own_data_day(x: _Located) -> bool:
    """The mention is the day the document's own data is as of (`_OWN_DATA_DAY` just before it)."""
    lead = _before(x, 20)
    return lead is not None and _OWN_DATA_DAY.search(lead.rstrip()) is not None


# The day a report says it is made on: "รายงาน ณ วันที่ ๓๐ ก.ย. ๖๗", "รายงานเมื่อวันที่ …"
_REPORT_DAY = re.compile(r"รายงาน\s*(?:ณ|เมื่อ)\s*(?:วันที่\s*)?$")


def _reported_before(earlier: Sequence[_Located]) -> bool:
    """Whether a document states the day it is reported on (`_REPORT_DAY`) among `earlier`, the dates of its body all
    before the year its heading names (`_earlier_dates`)."""
    for x in earlier:
        lead = _before(x, 20)
        if x.mention.kind is MentionKind.DATE and lead is not None and _REPORT_DAY.search(lead.rstrip()) is not None:
            return True
    return False


def _cited(x: _Located) -> bool:
    lead = _before(x, 12)
    if lead is None:
        return False
    before = lead.rstrip()
    # The mention may hold "วันที่" itself ("วันที่ 1 ตุลาคม 2566"): then "ลง" or "ณ" stands just before it.
    return before.endswith(_CITING) or (x.mention.text.startswith("วันที่") and before.endswith(("ลง", " ณ")))


# A quarter of a fiscal year named with its year, "ไตรมาส 2/2567", "ไตรมาสที่ 1 ปีงบประมาณ 2568": a result dated by it
# is dated as by a day ("ดำเนินการแล้ว ไตรมาส 2/2567" beside "ดำเนินการแล้ว 9 พ.ย.66": review22 e02). The year alone is
# read (a bare year); the words before it say it is a quarter's.
_QUARTER_BEFORE = re.compile(r"ไตรมาส\s*(?:ที่\s*)?[1-4๑-๔]\s*(?:/\s*|(?:ปี\s*)?(?:งบประมาณ\s*)?(?:พ\.\s*ศ\.\s*)?)$")


def _quarter_of(x: _Located) -> bool:
    """The mention is the year of a quarter (`_QUARTER_BEFORE`), not a bare year of the prose."""
    if x.mention.kind is not MentionKind.BARE or len(x.mention.fiscal_years) != 1:
        return False
    lead = x.lead or _before(x, 30)
    return lead is not None and _QUARTER_BEFORE.search(lead) is not None


_TITLE_ECHO = 12  # normalized characters: the title's words just before its year, repeated before the body's


def _title_words(x: _Located) -> str:
    """The normalized words just before a mention (its `lead`, up to the start of its line's sentence)."""
    return normalize(x.lead)


def _repeats_title(x: _Located, titles: Sequence[str]) -> bool:
    """Whether the words just before a body's mention of a year end as those before a heading's mention of it do
    (`_TITLE_ECHO` characters or more in common, the same year stated the same way): the body repeats the title."""
    lead = _title_words(x)
    if len(lead) < _TITLE_ECHO or not x.states_fiscal_year:
        return False
    return any(len(t) >= _TITLE_ECHO and lead.endswith(t[-_TITLE_ECHO:]) for t in titles)


# The signer's name in brackets (or "ลงชื่อ") over the position the day closes: "(นางจันทร์เพ็ญ ศรีสุข) /
# ผู้อำนวยการกองพัสดุและทรัพย์สิน / ๑๐ ตุลาคม ๒๕๖๘" (review64 b13), with no figure or cell between.
_SIGNER_BEFORE = re.compile(r"(?:\(\s*(?:นางสาว|นาง|นาย|ว่าที่|ดร\.)[^()\d๐-๙]{1,60}\)|ลงชื่อ)[^\d๐-๙|]{0,150}$")
_SIGNER_REACH = 200  # display characters before a day searched for the signature above it


def _signature_day(x: _Located, target: int) -> bool:
    """The day under a signature (`_SIGNER_BEFORE`) in the fiscal year after `target`: a report of `target` is
    signed after its year ends, so the day says nothing of the year its rows are of."""
    if x.mention.kind is not MentionKind.DATE or x.mention.fiscal_years != (target + 1,):
        return False
    before = x.lines.before(x.mention.start, _SIGNER_REACH) if x.lines is not None else x.lead
    return _SIGNER_BEFORE.search(before) is not None


def _earlier_dates(located: Sequence[_Located], hits: Sequence[_Located], target: int) -> list[_Located]:
    """The dates in the body of the documents whose heading names `target`, when there is one or more, every one
    is of an earlier fiscal year and nothing in the body names `target`; else []. A later day the document cites or is
    signed on ("รายงาน ณ วันที่ 20 ตุลาคม 2568": a report is signed after its year) is left out: it says nothing of
    the year the content is of."""
    urls = {x.evidence.url for x in hits}
    body = [x for x in located if x.evidence.url in urls and not x.heading and not x.appendix
            and not x.restated]  # as _body_years_earlier
    # a span of months within one fiscal year is dated too ("ระหว่างเดือนตุลาคม 2566 – กันยายน 2567": review21 r05)
    # …and a day in CE ("2023-10-03": a workbook's date cells, review28 c03)
    dates = [x for x in body if x.mention.fiscal_years and (x.mention.kind is MentionKind.DATE or (
             x.mention.kind is MentionKind.RANGE and len(x.mention.fiscal_years) == 1)
             or (x.mention.kind is MentionKind.CE and x.mention.date is not None) or _quarter_of(x))
             and not (min(x.mention.fiscal_years) >= target and _cited(x))
             # …nor the day a report is signed on under its signer's name and position, a PDF's table of months "ต.ค.
             # ๖๖ ๘๔ ๑๒,๔๐๐,๐๐๐ …" to "ก.ย. ๖๗ …" (FY2567) under "สรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" signed
             # "ผู้อำนวยการกองพัสดุและทรัพย์สิน ๑๐ ตุลาคม ๒๕๖๘" (review64 b13): its rows have no cells for
             # `stale_periods`
             and not _signature_day(x, target)]
    # Naming `target` in the body takes neither the day it was signed on ("รายงาน ณ วันที่ 10 ตุลาคม 2566": the first
    # days of the year after the one reported) nor a span of years that holds it ("แผนพัฒนาบุคลากรฉบับใหม่ (พ.ศ. 2567 -
    # 2569)", the next plan): review31 a03.
    # Nor a sentence that only repeats the title's name and year: "ได้ดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ประจำ
    # ปีงบประมาณ พ.ศ. ๒๕๖๘ รวม ๕ โครงการ" under the title "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต / ประจำปี
    # งบประมาณ พ.ศ. ๒๕๖๘", every row dated "ไตรมาส ๑/๒๕๖๗ … ๔/๒๕๖๗" (review40 k05): it says what the title says.
    titles = [t for x in hits if x.heading and (t := _title_words(x))]
    # …nor a year a report's suggestion looks ahead to: "ตั้งงบประมาณ…ในข้อบัญญัติงบประมาณปี ๒๕๖๘ ให้ครบตามแผน" under
    # "รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", every event of FY2567 (review76 g04)
    report = bool(hits) and _report_heading(hits[0])
    naming = [x for x in body if not _cited(x)
              and not (x.mention.kind is MentionKind.RANGE and len(x.mention.fiscal_years) > 1)
              and not (titles and _repeats_title(x, titles))]
    if not dates or any(target in x.mention.fiscal_years and not _forward_year(x, report) for x in naming) \
            or any(max(x.mention.fiscal_years) >= target for x in dates):
        return []
    return dates


def _stale_without_rule(fiscal_year: int, located: Sequence[_Located]) -> list[Reason]:
    """For an item with no fiscal-year rule: a report of a period ("ประจำปีงบประมาณ 2566", "ต.ค. 65 – มี.ค. 66")
    whose every named year is `STALE_GAP` or more years before the fiscal year under check is stale — worth a
    person's look (review), never a pass. A standing document (a manual "พ.ศ. 2562") names no period: it is
    not judged by its age."""
    named = [x for x in located if x.mention.kind in _NAMED_KINDS]
    if not any(x.mention.kind in _PERIOD_KINDS for x in named):
        return []
    years = {y for x in named for y in x.mention.fiscal_years}
    if not years or max(years) > fiscal_year - STALE_GAP:
        return []
    period = [x for x in named if x.mention.kind in _PERIOD_KINDS]
    return [reasons.make("stale_fiscal_year", severity=Status.REVIEW, inferred=True, found=_fmt_years(years),
                         expected=f"{fiscal_year - STALE_GAP + 1}/{fiscal_year}",
                         evidence=tuple(x.evidence for x in period[:3]))]


# ---------------------------------------------------------------- the item


_LONG_PAGE = 3  # × min_chars: a linking page this long may hold the content itself
_PAGE_NUMBER_CHARS = 10  # at most this much of a page is a page-number line ("- 2 -"), dropped from the body
# An amount of money as a table's cell holds it ("๕,๙๑๒,๐๐๐", "14,407,420.50"): a cover holds a total or two at most
_AMOUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d{2})?(?![\d,])")
_TABLE_AMOUNTS = 6  # amounts in a short document's body: a table of figures (two rows of three), no cover
# The item's document was reached but could not be read: what the checker saw of the item is incomplete.
UNREAD_CODES = frozenset({"no_text", "encrypted", "corrupt_document", "unsupported_format", "extract_timeout",
                          "extract_too_complex"})


def _titles_of(item: Item, doc: Document) -> tuple[str, ...]:
    return tuple(t for t in (normalize(x) for x in (*item.title_phrases, item.name_th, doc.title)) if t)


def _body(item: Item, r: _Readable) -> _Readable:
    """The document without its title block (title, year, agency, "จัดทำโดย" …)."""
    return _readable(replace(r.doc, pages=body_pages(r.doc.pages, _titles_of(item, r.doc))))


def _cover_only(item: Item, primary: Sequence[_Readable], agency: str = "") -> Reason | None:
    """A cover only: little text beyond the title block AND no required component found in that text.

    Page count does not decide: a compact one-page document that holds its components is a document."""
    if not primary:
        return None
    # The title block is at most TITLE_BLOCK_CHARS: a long document is no cover, without indexing its body.
    if sum(r.chars for r in primary) - len(primary) * TITLE_BLOCK_CHARS - _PAGE_NUMBER_CHARS * sum(
            len(r.pages) for r in primary) >= item.evidence.min_chars:
        return None
    bodies = [_body(item, r) for r in primary]
    chars = sum(b.chars for b in bodies)
    if chars >= item.evidence.min_chars or _body_has_component(item, bodies) or _has_content(item, primary) or (
            item.evidence.footer_counts and _body_has_component(item, _footers(primary, agency))):
        return None
    # a compact one-page summary table under its title ("วิธีการจัดซื้อจัดจ้าง | จำนวนโครงการ | งบประมาณ (บาท) | ราคาที่
    # จัดซื้อจัดจ้าง (บาท) | …" by method, with its total: review41 d02) is the document, whatever parts it lacks
    if sum(len(_AMOUNT.findall(display(page))) for b in bodies for page in b.doc.pages) >= _TABLE_AMOUNTS:
        return None
    # an E-Service page that draws its online form in a frame ("บริการออนไลน์ / แบบคำร้องทั่วไป (ออนไลน์)" over
    # "<iframe src=…docs.google.com/forms/…>", review77 j02) is the service, not a cover
    if item.evidence.online_channel and any(framed_service(r.doc, item.evidence.online_channel, agency) is not None
                                            for r in primary):
        return None
    cover = max(primary, key=lambda r: r.chars)
    block = title_block_text(cover.doc.pages[0], _titles_of(item, cover.doc))
    return reasons.make("cover_only", chars=chars, pages=max(cover.doc.page_count, 1), title_block=block[:160],
                        evidence=(Evidence(url=cover.doc.url, page=1 if cover.doc.kind is DocKind.PDF else None,
                                           snippet=display(cover.doc.text)[:160]),))


# A page taken for a cover whose document was not read: why (`_unread_cause`).
_NOT_READ_CODES = frozenset({"follow_depth_reached", "follow_cap_reached", "document_link_broken"})


def _cap_reason(cut: Sequence[Unfollowed]) -> Reason:
    """The trail retrieved its most URLs (`FollowSettings.max_total`) with links still chosen on its pages."""
    links = list(dict.fromkeys(u.url for u in cut))
    return reasons.make("follow_cap_reached", page=cut[0].page, link=links[0], count=len(links),
                        evidence=(Evidence(url=cut[0].page), *(Evidence(url=u) for u in links[:3])))


def _unread_cause(cover: Reason, trails: Sequence[UrlTrail], primary: Sequence[_Readable]) -> Reason:
    """A page taken for a cover whose document the checker never read: say why, as the trail recorded it.

    The follower stopped at its depth limit while the page still linked what looks like a document: review,
    naming the depth and the link (the document may be complete). Else a link followed from the page did not
    open: its URL and the answer; a fail when the answer is one (a 4xx: the assessor cannot open it either),
    else review (a timeout, a 5xx: it may open another time)."""
    pages = {r.doc.url for r in primary if r.doc.kind is DocKind.HTML}
    if not pages:
        return cover
    cut = [u for t in trails for u in t.unfollowed if u.page in pages and not u.capped]
    capped = [u for t in trails for u in t.unfollowed if u.page in pages and u.capped]
    if capped and not cut:
        return _cap_reason(capped)
    if cut:
        links = list(dict.fromkeys(u.url for u in cut))
        return reasons.make("follow_depth_reached", depth=cut[0].depth, page=cut[0].page, link=links[0],
                            count=len(links), evidence=(Evidence(url=cut[0].page),
                                                        *(Evidence(url=u) for u in links[:3])))
    for t in trails:
        for g in t.retrieved:
            why = access_reason(g.fetched) if g.depth > 0 and g.parent in pages else None
            if why is not None:
                weight = Status.FAIL if why.severity is Status.FAIL else Status.REVIEW  # the page was read
                return reasons.make("document_link_broken", severity=weight, page=g.parent, url=g.fetched.url,
                                    answer=reasons.Words(why.message_th, why.message_en),
                                    evidence=(Evidence(url=g.parent or g.fetched.url), Evidence(url=g.fetched.url)))
    return cover


# What shows a page's document inside the page: the file of an <embed>, <object> or viewer, a Drive file, the page
# a meta refresh sends the browser to (a frame counts when it holds a file or a Drive file: not a map or a video)
_SHOWN_VIA = ("embed", "object", "viewer:", "drive", "meta-refresh")


def _shown_unread(trails: Sequence[UrlTrail], primary: Sequence[_Readable]) -> list[str]:
    """What the item's pages show inside them and the trail never retrieved: an embedded or framed file, a viewer's,
    a meta refresh's target, a picture in their content (an announcement posted as a JPG). The page alone is then not
    what a person sees there, and its title over nothing is no cover (review67 a10: only
    `<iframe src="https://drive.google.com/file/d/…/preview">` under "O7 รายงานผลการดำเนินงาน ประจำปีงบประมาณ
    พ.ศ. 2568"; a11 `<embed src="…/o20_nogift_2569.pdf">`; a13 `<meta http-equiv="refresh" content="0; url=…">` over
    "กำลังเปลี่ยนเส้นทาง"; a15 one `<img>` of the declaration). When the follower fetched it, what it answered
    speaks instead (the file read, or `document_link_broken`)."""
    shown: list[str] = []
    for r in primary:
        if r.doc.kind is not DocKind.HTML:
            continue
        for link in r.doc.links:
            framed = link.via in ("iframe", "frame") and (canonical_drive(link.url) is not None
                                                           or looks_like_document(link.url))
            if not link.chrome and (framed or link.via.startswith(_SHOWN_VIA)):
                shown.append(link.url)
        if r.doc.facts is not None:
            shown.extend(url for url, _ in r.doc.facts.images)
    if not shown:
        return []
    retrieved = {u for t in trails for g in t.retrieved for u in (g.fetched.url, g.fetched.final_url)}
    return [u for u in dict.fromkeys(shown) if u not in retrieved]


def _attached_unread(cover: Reason | None, content_problems: Sequence[Reason], trails: Sequence[UrlTrail],
                     primary: Sequence[_Readable]) -> list[str]:
    """What a web page of the item's own shows and the trail never read (`_shown_unread`), when the page is no cover but
    says its details are in an attached file ("… (No Gift Policy) ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ รายละเอียดตามเอกสารแนบ" over
    a Drive "/preview" frame, review72 c02) and parts are called missing: they may be in that file. Else []."""
    if cover is not None or not any(p.code == "missing_component" and p.severity is Status.FAIL
                                    for p in content_problems):
        return []
    if not any(r.doc.kind is DocKind.HTML and any(_ATTACHED.search(index.normalized_text) for index in r.pages)
               for r in primary):
        return []
    return _shown_unread(trails, primary)


def _few_pages(item: Item, primary: Sequence[_Readable]) -> Reason | None:
    """A remark (never a verdict): the PDF is shorter than this kind of document usually is."""
    short = [r for r in primary if r.doc.kind is DocKind.PDF and 0 < r.doc.page_count < item.evidence.min_pages]
    if not short or len(short) != len(primary):
        return None
    return reasons.make("few_pages", pages=short[0].doc.page_count, min_pages=item.evidence.min_pages,
                        evidence=tuple(Evidence(url=r.doc.url) for r in short[:3]))


def _unfilled_template(readable: Sequence[_Readable], sources: Sequence[_Readable]) -> Reason | None:
    """A template published before its blanks were filled in: the fix kit's marks anywhere (text/blanks.py), or every
    document that gave a component a table whose numbered rows hold only the form's prompts and dots
    (`empty.unfilled_rows`). Its headings and columns name every component, so without this it would pass on its
    own words."""
    found: list[tuple[str, Evidence]] = []
    for r in readable:
        for page_no, index in enumerate(r.pages, start=1):
            for mark in blanks.marks_in(index.display_text):  # the page's display form, made once per document
                found.append((mark, Evidence(url=r.doc.url, page=page_no if r.doc.kind is DocKind.PDF else None,
                                             snippet=mark)))
    blank = [(r, unfilled_rows(r.doc.pages)) for r in sources]
    if not found and blank and all(rows for _, rows in blank):
        found = [(display(row), Evidence(url=r.doc.url, snippet=display(row))) for r, rows in blank for row in rows]
    # a document made of a template's filler ("Lorem ipsum…", "TBD", "[MEASURE NAME]", "xx,xxx": review71 b03, b04) or
    # a sample whose agency is a blank ("องค์การบริหารส่วนตำบล.......... อำเภอ..........": review71 d04)
    filler = [(r, _filler_marks(r.doc.pages)) for r in sources]
    if not found and filler and all(marks for _, marks in filler):
        found = [(m, Evidence(url=r.doc.url, snippet=m)) for r, marks in filler for m in marks]
    # contacts masked as filler ("โทรศัพท์ ๐๔๓-xxx-xxxx", "อีเมล xxxxxxx@xxxx.go.th", "www.xxxxxxxx.go.th": review73
    # c06): the template's blanks, but the page's other channels (a walk-in, the post) may be real: a person looks
    masked = [(r, masked_contacts(r.doc.pages)) for r in sources] if not found else []
    review = bool(masked) and all(marks for _, marks in masked)
    if review:
        found = [(m, Evidence(url=r.doc.url, snippet=m)) for r, marks in masked for m in marks]
    if not found:
        return None
    marks = list(dict.fromkeys(m for m, _ in found))
    shown_marks = ", ".join(marks[:3]) + (" …" if len(marks) > 3 else "")
    made = reasons.make("template_unfilled", count=len(found), marks=shown_marks,
                        evidence=tuple(ev for _, ev in found[:3]))
    return replace(made, severity=Status.REVIEW) if review else made


def _filler_marks(pages: Sequence[str]) -> list[str]:
    """A document's template filler (`empty.placeholder_marks`), or its blank agency (`empty.blank_agency`) alone."""
    marks = placeholder_marks(pages)
    agency = blank_agency(pages) if not marks else None
    return marks or ([agency] if agency else [])


def _year_of_filled(unfilled: Reason | None, fy_problems: list[Reason]) -> list[Reason]:
    """`fy_problems`, without `no_fiscal_year` for a template left unfilled: a form left blank leaves its year blank too
    ("ประจำปีงบประมาณ พ.ศ. ........" over rows "๑ เฉพาะเจาะจง …… ……"), and the agency is told to fill the form in, not to
    add a year to it (review67 b08)."""
    if unfilled is None or unfilled.code != "template_unfilled":
        return fy_problems
    return [p for p in fy_problems if p.code != "no_fiscal_year"]


# A table's header and its rows (`cells` non-empty cells each): a header of many columns whose every row fills at
# most half of them is a form published empty (the NACC's ITA-o12 workbook with only its number, year and agency
# columns filled in): its headers name every component and it lists nothing.
_WIDE_HEADER = 8


def _empty_table(readable: Sequence[_Readable]) -> Reason | None:
    """`table_unfilled` (review) for a document whose widest table has a header and rows, none of them filled
    in past half of its columns."""
    for r in readable:
        for page_no, raw in enumerate(r.doc.pages, start=1):
            found = _unfilled_table(raw) if "|" in raw else None
            if found is not None:
                header, widest_row, rows = found
                empty = header[widest_row:]
                return reasons.make("table_unfilled", columns=len(header), filled=widest_row, rows=rows,
                                    empty=", ".join(empty[:4]) + (" …" if len(empty) > 4 else ""),
                                    evidence=(Evidence(url=r.doc.url, page=page_no if r.doc.kind is DocKind.PDF
                                                       else None, snippet=" | ".join(header)[:200]),))
    for r in readable:
        # Only headers: every sheet's two-row สขร.1 header and no row under any of them, nor a month said to have
        # bought nothing (review44 b02: the form's bordered rows left empty). One table with rows is enough to
        # read it as filled (a header at a page's foot has its rows on the next page).
        tables = [t for raw in r.doc.pages if "|" in raw for t in _tables(raw)]
        if tables and not any(n for _, _, n in tables):
            cells = tables[0][0]
            return reasons.make("table_unfilled", columns=len(cells), filled=0, rows=0,
                                empty=", ".join(cells[:4]) + (" …" if len(cells) > 4 else ""),
                                evidence=(Evidence(url=r.doc.url, snippet=" | ".join(cells)[:200]),))
    return None


@lru_cache(maxsize=256)  # a page is read for many items of its agency
def _unfilled_table(raw: str) -> tuple[tuple[str, ...], int, int] | None:
    # A Gantt chart's month columns are shaded, not written: only the other columns are asked to be filled.
    return next(((tuple(h), w, n) for h, w, n in _tables(raw)
                 if n and w * 2 <= len(h) - sum(MONTH_CELL.fullmatch(c) is not None for c in h)), None)




def _tables(raw: str) -> Iterator[tuple[list[str], int, int]]:
    """(header cells, the most cells a row fills, rows) of each wide table of a page: a line of at least
    `_WIDE_HEADER` cells, and the lines of cells that follow it without a break."""
    header: list[str] | None = None
    widest_row = rows = merged = 0
    nil = False  # a row says there was nothing ("- | ไม่มีการจัดซื้อจัดจ้างในเดือน ธันวาคม 2568": a month's sheet, review28 b01)
    for line in (*raw.splitlines(), ""):
        cells = [c for c in (x.strip() for x in line.split("|")) if c] if "|" in line else []
        if header is not None and not rows and _sub_header_line(cells, merged):
            continue  # "ราคากลาง | ราคาที่ตกลงซื้อหรือจ้าง" under the merged "ราคา (บาท) |  |" (review44 a01, a02)
        if header is not None and len(cells) >= 2:
            rows += 1
            widest_row = max(widest_row, len(cells))
            nil = nil or _NIL_ROW.search(line) is not None
            continue
        if header is not None and "|" not in line and (_MONTH_HEADING_ROW.fullmatch(line.strip())
                                                       or _NIL_ROW.search(line)):
            # a merged cell across the table: a month's heading ("เดือนตุลาคม ๒๕๖๗") over its rows, or a month
            # that bought nothing ("ไม่มีการจัดซื้อจัดจ้างในเดือนธันวาคม 2567"): the table goes on (review44 a01, a02)
            nil = nil or _NIL_ROW.search(line) is not None
            continue
        if header is not None and len(cells) == 1 and line.lstrip().startswith(cells[0]) \
                and _MONTH_HEADING_ROW.fullmatch(cells[0]):
            # …the same heading written as a row of cells, the month in the first and the rest empty ("ตุลาคม ๒๕๖๘ |  |
            # …" over one entry "๑ | จัดซื้อวัสดุการเรียนการสอน | …" a month: review51 d03): the table goes on, and the
            # entry under it is a row, not a header of its own
            continue
        if header is not None and not nil:
            yield header, widest_row, rows
        header, widest_row, rows = ((cells, 0, 0) if len(cells) >= _WIDE_HEADER and not _heading_words(cells)
                                    else (None, 0, 0))
        merged = sum(not x.strip() for x in line.split("|")[1:-1]) if header is not None else 0
        nil = False


# Words that name no column: a cell holding only one of them is a word of a sentence laid out one word a cell.
_GRAMMAR_WORDS = frozenset({"การ", "ความ", "และ", "หรือ", "ของ", "แห่ง", "ใน", "ประจำ", "ประจำปี", "พ.ศ."})


def _heading_words(cells: Sequence[str]) -> bool:
    """Whether a row of cells is a heading laid out one word a cell, not a table's header: two of its cells or more
    are bare grammatical words ("การ | ประเมิน | ความ | เสี่ยง | การ | ทุจริต | และ | … | ประจำปี | งบ | ประมาณ |
    พ.ศ. | ๒๕๖๙", a title set as a one-row table, review52 f01). A form's column is never named "การ" or "และ"."""
    return sum(display(c) in _GRAMMAR_WORDS for c in cells) >= 2


# A month's heading in a merged row across a table: "เดือนตุลาคม ๒๕๖๗", "ประจำเดือน พ.ย. 67", "ธันวาคม 2567"
_MONTH_HEADING_ROW = re.compile(rf"(?:ประจำ\s?)?(?:เดือน\s?)?(?:{THAI_MONTH_RX})\s*(?:พ\.\s?ศ\.\s*)?(?:[\d๐-๙]{{2,4}})?")


def _sub_header_line(cells: Sequence[str], merged: int) -> bool:
    """Whether the line right under a header with `merged` empty (merged) cells is its second line: the words
    under a merged cell ("ราคา (บาท) |  |" over "ราคากลาง | ราคาที่ตกลงซื้อหรือจ้าง"): no more cells than a
    merged cell can span, none of them a number or a date."""
    return (merged > 0 and 2 <= len(cells) <= 2 * merged
            and not any(re.search(r"[\d๐-๙]", c) for c in cells))


@dataclass
class _Gathered:
    """What an item's trails gave, before judging content: notes, could-not-look reasons, readable documents."""

    problems: list[Reason] = field(default_factory=list)
    access: list[Reason] = field(default_factory=list)  # could-not-look: their weight depends on what was read
    readable: list[_Readable] = field(default_factory=list)
    seen_docs: list[str] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)  # documents reached but not readable (UNREAD_CODES)
    shells: set[str] = field(default_factory=set)  # submitted pages read as the empty shell JavaScript fills
    rendered: list[Document] = field(default_factory=list)  # pages read as a headless browser drew them


def off_site_reason(item: Item, url: str, home: str | None) -> Reason | None:
    """Whether a URL is off the agency's own site, known from the URL alone (before, and whatever, the fetch)."""
    if not item.evidence.own_site or not _off_site(url, home):
        return None
    external = classify_external(url)
    where = urlsplit(url).hostname or url
    return reasons.make("off_site", evidence=(Evidence(url=url),),
                        detail=f"{external.service}: {where}" if external else where)


def _trail_off_site(item: Item, trail: UrlTrail, home: str | None) -> Reason | None:
    """The submitted URL off site, or (after a redirect) the page it led to.

    A known platform (Google Drive, OneDrive, Facebook, e-GP …) is off site from its URL alone, before and
    whatever the fetch: a network failure cannot turn it into "could not check". Any other host is off site
    once it answered (a second domain of the agency that is down stays "could not check")."""
    if _platform(trail.submitted) or any(g.depth == 0 and g.fetched.ok for g in trail.retrieved):
        found = off_site_reason(item, trail.submitted, home)
        if found is not None:
            return found
    for got in trail.retrieved:
        if got.depth == 0 and got.fetched.ok:
            found = off_site_reason(item, got.fetched.final_url, home)
            if found is not None:
                return found
    return None


def _platform(url: str) -> bool:
    return classify_external(url) is not None or canonical_drive(url) is not None


def _access(why: Reason, got: Retrieved, off_site: bool) -> Reason:
    """A fetch failure's weight: a linked document's is a note; an off-site URL's cannot make "could not
    check" of a URL already known to be off site (it is reported off_site, a person looks)."""
    if got.depth != 0:
        return reasons.make("linked_document_unreachable", severity=Status.REVIEW, evidence=why.evidence,
                            detail=f"{got.fetched.url}: {why.message_en}")
    if off_site and why.severity is Status.ERROR:
        return replace(why, severity=Status.REVIEW)
    return why


def _gather(item: Item, trails: Sequence[UrlTrail], home: str | None, cache: DocumentCache) -> _Gathered:
    g = _Gathered()
    home_note = _home_page_note(trails, home)
    if home_note is not None:
        g.problems.append(home_note)
    for trail in trails:
        g.problems.extend(trail.notes)
        off_site = _trail_off_site(item, trail, home)
        if off_site is not None:
            g.problems.append(off_site)
        for got in trail.retrieved:
            _gather_one(g, got, off_site is not None, cache)
    if g.rendered:
        g.problems.append(rendered_note(g.rendered))
    return g


def _gather_one(g: _Gathered, got: Retrieved, off_site: bool, cache: DocumentCache) -> None:
    g.seen_docs.append(got.fetched.final_url)
    why = access_reason(got.fetched)
    if why is not None:
        g.access.append(_access(why, got, off_site))
        return
    if got.fetched.insecure:
        g.problems.append(reasons.make("tls_insecure", evidence=(Evidence(url=got.fetched.url),)))
    doc = got.document
    if doc is None:
        return
    doc = cache.unheaded(doc)
    if doc.rendered and all(d.url != doc.url for d in g.rendered):
        g.rendered.append(doc)
    why_doc = cache.reason(doc)
    if why_doc is not None:
        # A followed page that is merely a soft failure does not sink a good submitted document; a linked
        # document that could not be read is the item's document and must be said so.
        if why_doc.code in UNREAD_CODES:
            g.unread.append(doc.url)
        if got.depth == 0 or why_doc.code in UNREAD_CODES:
            g.problems.append(why_doc)
        if why_doc.code not in SHELL_CODES or got.depth != 0:
            return
        g.shells.add(doc.url)  # a shell's own little text (a menu, a notice) is still read
    r = cache.readable(doc)
    if r.chars and not any(o.doc.url == doc.url and o.doc.pages == doc.pages for o in g.readable):
        g.readable.append(r)  # once per document, though two submitted URLs may both reach it


def _nothing_read(g: _Gathered, urls: Sequence[str]) -> tuple[Status, list[Reason]]:
    hard = [a for a in g.access if a.severity is Status.FAIL]
    status_reasons = _weigh_shells(g.problems, g.shells, others_read=False) + g.access
    if finding_status(status_reasons) is Status.PASS:
        # Only remarks (read from a rendered page, a WordPress record …) and nothing readable: still empty.
        status_reasons.append(reasons.make("empty_page", evidence=tuple(Evidence(url=u) for u in urls)))
    status = finding_status(status_reasons)
    if hard and status is not Status.FAIL:
        status = Status.FAIL
    return status, status_reasons


def _only_listed(item: Item, readable: Sequence[_Readable], found: Sequence[Reason]) -> Reason | None:
    """`components_only_listed` (review) when the components found are only named, one after another, in one
    sentence that lists them (`evaluate/listed.py`): an announcement that the report exists, not the report."""
    ids = _found_ids(found)
    comps = [c for c in item.components if c.id in ids and c.kind is ComponentKind.CONTENT]
    if len(comps) < MIN_LISTED or not any(has_listing_word(index) for r in readable for index in r.pages):
        return None
    title_spans = _title_spans(item, readable)
    pages = [ListedPage(r.doc.url, page, index, title_spans.get(id(index), []),
                        {c.id: [s for w in c.not_within for s in index.spans_any_form(w)] for c in comps
                         if c.not_within})
             for r in readable for page, _raw, index in _pages(r)]
    listed = only_listed(comps, pages)
    if listed is None or any(structure_hit(m, raw, index) is not None for c in comps for m in c.matchers
                             for r in readable for _page, raw, index in _pages(r)):
        return None  # a component shown by a table's shape (a column of sums) is content, not a name
    names = {c.id: c for c in comps}
    return reasons.make(
        "components_only_listed",
        components=", ".join(names[c].label_th for c in listed.components),
        components_en=", ".join(names[c].label_en or names[c].label_th for c in listed.components),
        inferred=any(names[c].confidence.is_guess for c in listed.components),
        evidence=(Evidence(url=listed.url, page=listed.page, snippet=listed.snippet),))


_HAS_CONTACT_VALUE = re.compile(r"[0-9@]")  # a phone number or an e-mail address, not the word "อีเมล"
_EXTENSION = re.compile(r"\s*(?:ต่อ|ext\.?|#)\s*(\d{1,5})", re.IGNORECASE)  # "0 4224 5678 ต่อ 101"
_FAX_BEFORE = re.compile(r"(?:โทรสาร|แฟกซ์|แฟ็กซ์|fax)\W{0,3}$", re.IGNORECASE)
_TITLE = re.compile(r"^(?:นางสาว|นาง|นาย)\s*")


def _contact_value(m: re.Match[str]) -> str | None:
    """A phone number's digits with its extension ("ต่อ 101"), or an e-mail address in lower case; None for a word
    ("e-mail") or a fax number (no channel to reach a person)."""
    text = m.group()
    if _HAS_CONTACT_VALUE.search(text) is None:
        return None
    if "@" in text:
        return text.lower()
    if _FAX_BEFORE.search(m.string, max(0, m.start() - 12), m.start()) is not None:
        return None
    ext = _EXTENSION.match(m.string, m.end())
    return "".join(ch for ch in text if ch.isdigit()) + (f"#{ext.group(1)}" if ext else "")


def _first_name(m: re.Match[str]) -> str | None:
    """A person by the first name after the title: a name quoted twice (a card, a caption; spaced or not, its
    surname run into the position after it) is one person."""
    rest = _TITLE.sub("", m.group())
    return rest.split()[0] if rest.split() else None


# A list of former office-holders under the present ones ("ทำเนียบอดีตนายก…", "ผู้บริหารในอดีต"): their names and ended
# terms are history, not the executives of now (review23 e01, e04).
_FORMER_LIST = re.compile(r"ทำเนียบ\s*(?:ผู้บริหาร\s*)?(?:ใน\s*)?อดีต|ผู้บริหาร\s*ใน\s*อดีต|รายนามอดีต|รายชื่ออดีต")


def _before_former(text: str) -> str:
    """`text` up to a list of former office-holders (`_FORMER_LIST`); all of it when there is none."""
    m = _FORMER_LIST.search(text)
    return text if m is None else text[:m.start()]


def _pattern_values(comp: Component, readable: Sequence[_Readable],
                    value: Callable[[re.Match[str]], str | None], present: bool = False) -> dict[str, Evidence]:
    """The distinct values (`value` of each match of the component's patterns in the display text), each with
    its first quote; `present`: only in the text before a list of former office-holders (`_before_former`)."""
    out: dict[str, Evidence] = {}
    for r in readable:
        for page, _raw, index in _pages(r):
            text = _before_former(index.display_text) if present else index.display_text
            for rx in comp.patterns:
                for m in rx.finditer(text):
                    v = value(m)
                    if v is not None and v not in out:
                        out[v] = Evidence(url=r.doc.url, page=page,
                                          snippet=index.snippet(m.start(), m.end(), SNIPPET_CONTEXT))
    return out


def _found_ids(found: Sequence[Reason]) -> set[str]:
    """The ids of the components `found` (their `component_found` reasons)."""
    return {str(r.detail.get("component")) for r in found}


def _one_for_all(item: Item, readable: Sequence[_Readable], found: Sequence[Reason]) -> list[Reason]:
    """`one_for_all` (review) for a contact wanted for each entry of another component (`Component.each_of`: a
    phone number or e-mail address for each executive) with at least one value but no more than half as many as
    the entries, when there are `EACH_OF_MIN` or more: the office's line and e-mail under four executives, which
    some assessors accept and others do not. Fax numbers are no channel; extensions tell lines apart."""
    ids = _found_ids(found)
    comps = {c.id: c for c in item.components}
    out: list[Reason] = []
    for comp in item.components:
        listing = comps.get(comp.each_of)
        if listing is None or comp.id not in ids or listing.id not in ids:
            continue
        entries = _pattern_values(listing, readable, _first_name, present=True)
        if len(entries) < EACH_OF_MIN:
            continue
        values = _pattern_values(comp, readable, _contact_value)
        if not values or len(values) > len(entries) // 2:
            continue  # none as text (pictures): not this reason's to say; enough for each, or nearly
        out.append(reasons.make(
            "one_for_all", component=comp.label_th, component_en=comp.label_en or comp.label_th,
            entries=listing.label_th, entries_en=listing.label_en or listing.label_th, n=len(entries),
            values=len(values), inferred=comp.confidence.is_guess,
            evidence=(*values.values(), *list(entries.values())[:EACH_OF_MIN])))
    return out


def _split_landing(trails: Sequence[UrlTrail], readable: list[_Readable], unread: Sequence[str]
                   ) -> tuple[list[_Readable], list[_Readable]]:
    """(landing pages, the item's own documents). The page that links a document is not the document: the
    assessor judges the file it points to. When every linked document was unreadable, there are no own
    documents to judge — the linking page is not one."""
    parents = {g.parent for t in trails for g in t.retrieved if g.parent and g.document is not None}
    landing = [r for r in readable if r.doc.kind is DocKind.HTML and r.doc.url in parents]
    primary = [r for r in readable if r not in landing]
    if not primary and not unread:
        primary = readable
    return landing, primary


def _front_matter(item: Item, primary: Sequence[_Readable]) -> Reason | None:
    """Every document of the item stops at its table of contents (a cover, a foreword, the contents): the
    components its foreword names are not the content. The seed's "ลงแค่หน้าปก", one step further."""
    found = [(r, front_matter_only(r.doc.pages, item.evidence.min_chars,
                                   r.doc.page_count if r.doc.kind is DocKind.PDF else 0)) for r in primary]
    if not found or any(f is None for _, f in found):
        return None
    r, (sections, chars, last, page) = max(((r, f) for r, f in found if f is not None), key=lambda x: x[1][0])
    return reasons.make("front_matter_only", sections=sections, chars=chars,
                        evidence=(Evidence(url=r.doc.url, page=page if r.doc.kind is DocKind.PDF else None,
                                           snippet=last[:160]),))


_HEAD_CHARS = 300  # a document's head: its title and the lines under it
_HEAD_LINES = 3
# "ระเบียบ … แก้ไขเพิ่มเติม ครั้งที่ 3" amends a law the plan cites; "รวมเพิ่มเติม ครั้งที่ 1-2" is the whole plan with
# its amendments folded in: neither is an amendment posted instead of the plan.
_NOT_PARTIAL_BEFORE = (normalize("แก้ไข"), normalize("รวม"))
# …also with "เพิ่มเติม" between ("รวมเพิ่มเติม เปลี่ยนแปลง ครั้งที่ 1–2"), a heading calling itself the whole ("ฉบับรวม
# เล่ม"), or the amendment said to be folded in after the mark ("…ครั้งที่ 2/2568 ได้รวมไว้ในฉบับนี้แล้ว").
_MORE = normalize("เพิ่มเติม")
_WHOLE_COPY = tuple(normalize(w) for w in ("รวมเล่ม", "ฉบับรวม"))
_FOLDED_IN = tuple(normalize(w) for w in ("ได้รวม", "รวมไว้", "รวมอยู่", "ไว้ในฉบับนี้"))
_FOLDED_REACH = 40  # normalized characters after the mark


def _occurrences(text: str, needle: str) -> Iterable[int]:
    i = text.find(needle)
    while i != -1:
        yield i
        i = text.find(needle, i + 1)


def _partial(item: Item, primary: Sequence[_Readable]) -> Reason | None:
    """Every document of the item is headed as a part of it (`partial_titles`: a plan's amendment, "เพิ่มเติม
    ครั้งที่ 2/2567", in its title or first lines), not the document itself: a person looks (an amendment may
    reissue the whole plan)."""
    marks = [normalize_phrase(m) for m in item.evidence.partial_titles]
    if not marks or not primary:
        return None
    found: list[tuple[_Readable, str]] = []
    for r in primary:
        lines = [ln for ln in (r.doc.pages[0] if r.doc.pages else "").splitlines() if ln.strip()][:_HEAD_LINES]
        head = normalize(r.doc.title + "\n" + "\n".join(lines)[:_HEAD_CHARS])
        if any(w in head for w in _WHOLE_COPY):
            return None
        mark = next((m for m in marks for i in _occurrences(head, m)
                     if not head[:i].removesuffix(_MORE).endswith(_NOT_PARTIAL_BEFORE)
                     and not any(w in head[i + len(m):i + len(m) + _FOLDED_REACH] for w in _FOLDED_IN)), None)
        if mark is None:
            return None
        found.append((r, mark))
    r, _mark = found[0]
    first = next((line for line in (r.doc.pages[0] if r.doc.pages else r.doc.title).splitlines() if line.strip()),
                 r.doc.title)
    return reasons.make("partial_document", evidence=(Evidence(
        url=r.doc.url, page=1 if r.doc.kind is DocKind.PDF else None, snippet=display(first)[:160]),))


# "รายละเอียดตามแผนการดำเนินงานแนบท้ายประกาศนี้", "รายละเอียดดังแนบ": the document's content is said to be elsewhere.
_ATTACHED = re.compile("(?:" + normalize("ตาม") + "|" + normalize("รายละเอียด") + ").{0,30}?(?:" + "|".join(
    normalize(w) for w in ("แนบท้าย", "เอกสารแนบ", "สิ่งที่แนบ", "ดังแนบ")) + ")")
# photographs ("ภาพกิจกรรมตามเอกสารแนบท้าย"), not "ตามรูปเล่มรายงาน", "ภาพรวม", "เป็นรูปธรรม"
_PICTURES = re.compile("ภาพ(?:ถ่าย|กิจกรรม|ประกอบ|บรรยากาศ|การ)|รูป(?:ภาพ|ถ่าย)|ภาพ(?:ตาม|ดัง)")
_PICTURES_BEFORE = 12  # characters before the words: "ภาพกิจกรรม" + "ตามเอกสารแนบท้าย"
_ATTACHED_KINDS = frozenset({TemplateKind.PLAN, TemplateKind.MANUAL, TemplateKind.GUIDELINE, TemplateKind.REPORT})
_ATTACHED_MAX_CHARS = 2000  # an announcement's length: a plan with its content is longer
_AFTER_ATTACHED_MAX = 300  # what may follow the words: the date and the signature block, not the plan
_HEAD_LINES_SKIPPED = 3  # "เอกสารแนบท้ายประกาศ…" heading the attachment itself
_HEAD_LINE_MAX = 120  # a heading's line; a longer one is the body's paragraph
_TABLE_ROW = re.compile(r"[^\n|]\|[^\n|]+\|")


def _attachment_missing(item: Item, primary: Sequence[_Readable], landing: Sequence[_Readable],
                        unread: Sequence[str]) -> Reason | None:
    """`attachment_not_published` (review): every document of a plan, manual, guideline or report item is a short
    announcement with no table ending on words that put its content in an attachment ("…รายละเอียดตามแผนการดำเนินงาน
    แนบท้ายประกาศนี้", "…รายละเอียดปรากฏตามคู่มือแนบท้ายประกาศนี้", then only the date and the signature), nothing of the
    item was left unread, and no linking page holds much text: its summary may name every component, the plan or
    the manuals themselves are not there."""
    if item.template is None or item.template.kind not in _ATTACHED_KINDS or not primary or unread:
        return None
    if any(r.chars >= _LONG_PAGE * item.evidence.min_chars for r in landing):
        return None
    quote: Evidence | None = None
    for r in primary:
        if r.chars > _ATTACHED_MAX_CHARS or not r.doc.pages or any(_TABLE_ROW.search(p) for p in r.doc.pages):
            return None
        last = max((i for i, p in enumerate(r.doc.pages) if p.strip()), default=0)
        lines = r.doc.pages[last].splitlines()
        # a heading's short lines ("เอกสารแนบท้ายประกาศ…" heading the attachment itself), not the announcement's body
        head = next((i for i, line in enumerate(lines[:_HEAD_LINES_SKIPPED]) if len(line) > _HEAD_LINE_MAX),
                    _HEAD_LINES_SKIPPED)
        index = TextIndex("\n".join(lines[head:]))
        found = list(_ATTACHED.finditer(index.normalized_text))
        if not found or len(index.normalized_text) - found[-1].end() > _AFTER_ATTACHED_MAX \
                or _PICTURES.search(index.normalized_text, max(0, found[-1].start() - _PICTURES_BEFORE),
                                    found[-1].end()) is not None:
            return None  # "ภาพกิจกรรมตามเอกสารแนบท้าย": the report is here, its photographs attached
        if quote is None:
            start, end = index.display_span(*found[-1].span())
            quote = Evidence(url=r.doc.url, page=last + 1 if r.doc.kind is DocKind.PDF else None,
                             snippet=index.snippet(start, end, 80))
    return reasons.make("attachment_not_published", evidence=(quote,) if quote else ())


def _every_one(docs: Sequence[_Readable], test: Callable[[_Readable], str | None]) -> tuple[Evidence, ...]:
    """The first page's quote of each document, when `test` finds words in every one of them (at least one);
    else ()."""
    quotes: list[Evidence] = []
    for r in docs:
        words = test(r)
        if words is None:
            return ()
        quotes.append(Evidence(url=r.doc.url, page=1 if r.doc.kind is DocKind.PDF else None, snippet=words[:160]))
    return tuple(quotes[:3])


# A title's words of kind, before its subject: "แผนปฏิบัติการ…", "รายงานผลการดำเนินการตาม…" (normalized forms)
_TITLE_KIND = re.compile(r"^(?:รายงาน|สรุป)?(?:ผล)?(?:การ)?(?:ดำเนิน(?:การ|งาน))?(?:ตาม)?(?:แผน)?(?:ปฏิบัติ(?:การ|ราชการ))?"
                         r"(?:การ)?")
_TITLE_CORE_MIN = 8


@lru_cache(maxsize=256)
def _title_cores(titles: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(c for c in map(_title_core, titles) if c)


def _title_core(title: str) -> str:
    """What a title is about, without its words of kind ("ป้องกันการทุจริต" of "แผนปฏิบัติการป้องกันการทุจริต"); "" when
    that leaves fewer than `_TITLE_CORE_MIN` characters."""
    core = _TITLE_KIND.sub("", title, count=1)
    return core if len(core) >= _TITLE_CORE_MIN else ""


_SUBJECT = re.compile(r"เรื่อง:?")  # "ประกาศองค์การบริหารส่วนตำบล… เรื่อง นโยบายไม่รับของขวัญ": the title follows
_OTHER_TITLE_MIN = 12  # normalized characters: a title long enough to name its item (not "ประชาสัมพันธ์", "อำนาจหน้าที่")


@lru_cache(maxsize=256)  # once per item of a catalogue: every agency asks the same
def _normalized_titles(titles: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(normalize_phrase(t) for t in titles)


@lru_cache(maxsize=256)
def _others_titles(other_titles: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[str, str], ...]:
    """(item, normalized title) of the other items' titles long enough to name their item (`_OTHER_TITLE_MIN`)."""
    return tuple((other, t) for other, titles in other_titles for t in _normalized_titles(titles)
                 if len(t) >= _OTHER_TITLE_MIN)


@lru_cache(maxsize=256)
def _others_opening(others: tuple[tuple[str, str], ...], own: tuple[str, ...]
                    ) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """A pattern of the other items' titles that are no part of this item's own (longest first, so a line's match is
    the longest title opening it), and each title's item."""
    items: dict[str, str] = {}
    for other, t in others:
        if not any(t in o for o in own):
            items.setdefault(t, other)
    if not items:
        return None, items
    return re.compile("|".join(map(re.escape, sorted(items, key=len, reverse=True)))), items


def _titled_for_other(item: Item, sources: Sequence[_Readable]) -> Reason | None:
    """`titled_for_other_item` (review): every document that gave a component is a file (a web page's first lines
    may be a menu) headed by another item's title and by none of this item's — the file of another item submitted
    for this one (review27 o02: "รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริต…", the risk item's report, for
    the anti-corruption plan's; the two reports have the same columns). A title inside one of this item's (or
    holding one) is no other item's."""
    if not item.other_titles or not sources:
        return None
    titled = (item.template.title,) if item.template is not None else ()  # the fix kit's own title for it
    own = _normalized_titles((*item.title_phrases, *item.title_variants, item.name_th, *titled))
    others = _others_titles(item.other_titles)
    named: list[tuple[str, str, Evidence]] = []
    for r in sources:
        if r.doc.kind is DocKind.HTML or not r.doc.pages:
            return None
        shown = display(r.doc.pages[0])
        # a subject line "เรื่อง …" is the title too (an announcement's: review31 h03)
        lines = [part for line in r.doc.pages[0].split("\n", _HEADING_LINES)[:_HEADING_LINES]
                 for part in _SUBJECT.split(normalize(line), maxsplit=1) if part]
        # a title opens its line ("รายงานผลการปฏิบัติงาน…⏎…สรุปผลการปฏิบัติงานตามอำนาจหน้าที่ของ…" names no duties page);
        # one inside this item's own ("รายงานผลการดำเนินงาน" in "รายงานผลการดำเนินงานตามแผนพัฒนาบุคลากร") is no other's
        rx, items = _others_opening(others, own)
        opening = [m.group(0) for line in lines if (m := rx.match(line)) is not None] if rx is not None else []
        best = (items[max(opening, key=len)], max(opening, key=len)) if opening else None
        # this item's title only inside the other's ("แผนปฏิบัติการป้องกันการทุจริต" in "รายงานผลการดำเนินการตาม
        # แผนปฏิบัติการป้องกันการทุจริต", the report submitted for the plan: review31 k02) is not its own
        if best is None or any(t in line.replace(best[1], "") for t in own for line in lines):
            return None
        # …nor one whose subject is this item's, in other words ("แผนการดำเนินงาน ด้านป้องกันการทุจริต" for the
        # anti-corruption plan: its "ป้องกันการทุจริต", review33 a02)
        if any(c in line.replace(best[1], "") for c in _title_cores(own) for line in lines):
            return None
        named.append((best[0], best[1], Evidence(url=r.doc.url, page=1 if r.doc.kind is DocKind.PDF else None,
                                                 snippet=quote(shown, 0, min(len(shown), 120), 0))))
    other = named[0][0]
    return reasons.make("titled_for_other_item", other=other, evidence=tuple(ev for _, _, ev in named[:3]))


def _parts_from_other_item(item: Item, sources: Sequence[_Readable]) -> Reason | None:
    """`titled_for_other_item` (review) for a part of the item found only in a document headed by another item's title
    (`_titled_for_other`), beside this item's own: the anti-corruption plan's report with no problems nor suggestions
    completed by "ปัญหาและอุปสรรค … ข้อเสนอแนะ …" of "รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริตและ
    ประพฤติมิชอบ" (the risk item's report, review53 b19). Another item's document completes none of this item's; a
    plan's approval announcement or a report's budget workbook is headed by no other item's title."""
    if len(sources) < 2 or not item.other_titles:
        return None
    foreign = [(r, why) for r in sources if (why := _titled_for_other(item, [r])) is not None]
    if not foreign or len(foreign) == len(sources):
        return None  # every one another item's: `_titled_for_other` says so
    own = [r for r in sources if all(r is not f for f, _ in foreign)]
    spans = _title_spans(item, sources)
    for comp in item.components:
        if comp.required and _find_component(comp, own, spans).strong is None \
                and any(_find_component(comp, [f], spans).strong is not None for f, _ in foreign):
            return foreign[0][1]
    return None


# A heading naming one project's report: "รายงานผลการดำเนินงาน / โครงการป้องกันและลดอุบัติเหตุ…", "รายงานผลการดำเนินงาน
# ประจำปีงบประมาณ พ.ศ. 2568 โครงการ…", "สรุปผลการจัดโครงการวันเด็ก…"; not the projects of a plan or a year
# ("…โครงการตามแผนพัฒนา…", "…โครงการพัฒนาท้องถิ่น…", "…โครงการประจำปี…", "…โครงการ/กิจกรรม…").
_ONE_PROJECT = re.compile(
    r"(?:รายงาน|สรุป)\s*(?:สรุป\s*)?ผล\s*(?:การ\s*)?(?:ดำเนิน\s*(?:งาน|การ)?\s*|จัด\s*)?(?:ของ\s*)?"
    r"(?:(?:ประจำ\s*)?ปี\s*(?:งบประมาณ\s*)?(?:พ\.\s*ศ\.\s*)?\d{4}\s*)?(?:[/:\-–]\s*)?(?:โครงการ|กิจกรรม)"
    r"(?!\s*(?:/|ตาม|ประจำ|ทั้ง|และ|ที่|ใน|ของ|ต่าง|กิจกรรม|\d|ปี|รวม|สำคัญ|หลัก|ภายใต้|ด้าน|พัฒนาท้องถิ่น"
    # "โครงการ อบต.หนองบัว" (its year) is the agency's projects; "โครงการ อบจ.ขอนแก่นเกมส์ ครั้งที่ 12" one project
    # named after it (review43 b09): the short name is the agency's only when its place ends the heading or the year
    # follows
    r"|พัฒนาตำบล|ข้อบัญญัติ|เทศบัญญัติ|(?:อบต|อบจ)\.?\s*[ก-๙]+(?![ก-๙.])[ \t]*(?:ประจำ|ปี|พ\.|\d|\n|$)"
    r"|องค์การ|เทศบาล))\s*\S")
# Words of a report on many projects: "ดำเนินการแล้วเสร็จ 38 โครงการ", "จำนวนโครงการ", "รายโครงการ", "โครงการ/กิจกรรม";
# not a plan's entry cited ("หน้า 85 ลำดับที่ 12 โครงการ…") nor a year ("พ.ศ. 2568 โครงการ…").
_PROJECTS_COUNTED = re.compile(
    r"(?<![\d,.])(?<!ที่)(?<!ที่\s)(?<!ข้อ)(?<!ข้อ\s)(?<!หน้า)(?<!หน้า\s)(?<!ใน)(?<!ใน\s)(?<!ย่อย)(?<!ย่อย\s)"
    r"(?:[2-9]|[1-9]\d{1,2}|\d{1,3}(?:,\d{3})+)(?!\d)"
    r"\s*โครงการ|จำนวน\s*โครงการ|ราย\s*โครงการ|ทุก\s*โครงการ|โครงการ\s*ทั้งหมด"
    r"|(?<!ชื่อ)(?<!ชื่อ\s)(?<!ลักษณะ)(?<!ลักษณะ\s)(?<!ประเภท)(?<!ประเภท\s)(?<!รูปแบบ)(?<!รูปแบบ\s)โครงการ\s*/\s*กิจกรรม"
    # a table of projects ("ที่ | ชื่อโครงการ | …", rows "1 | โครงการ… | … 2 | โครงการ…"), not a form's "ชื่อโครงการ :"
    r"|(?:ที่|ลำดับ(?:ที่)?)\s*\|\s*ชื่อ\s*โครงการ\s*\||\d+\s*\|\s*โครงการ[^|]*\|.{0,400}?\d+\s*\|\s*โครงการ")
# What a report on the agency's year holds at least one of: its projects, the plan's strategies, the missions or
# indicators of a government office's report, the plan or budget it reports on.
# Also its duties' work ("ผลการปฏิบัติงานตามอำนาจหน้าที่", "งาน/กิจกรรม" by division); not one event's entry in the plan
# ("…ได้บรรจุไว้ในแผนพัฒนาท้องถิ่น").
_WORK_OF_THE_YEAR = re.compile(r"โครงการ|ยุทธศาสตร์|ภารกิจ|ตัวชี้วัด|(?<!บรรจุไว้ใน)(?<!บรรจุใน)(?<!บรรจุอยู่ใน)"
                               r"แผน\s*(?:พัฒนา|ปฏิบัติ|การ\s*ดำเนิน|งาน)|งบประมาณ\s*รายจ่าย|ข้อบัญญัติ|เทศบัญญัติ"
                               r"|อำนาจ\s*หน้าที่|งาน\s*/\s*กิจกรรม"
                               # the year's HR work, for the HR report ("สรุปการบริหารและพัฒนาทรัพยากรบุคคล ปีงบประมาณ…")
                               r"|ทรัพยากร\s*บุคคล|พัฒนา\s*บุคลากร|บริหาร\s*งาน\s*บุคคล|อัตรา\s*กำลัง"
                               r"|พัฒนา\s*พนักงาน|หลักสูตร")  # "รายงานผลการพัฒนาพนักงาน" with its courses (review33 h02)
# One event's summary: "สรุปผลการจัดงานประเพณีบุญบั้งไฟ…"; one unit's year: "…ศูนย์พัฒนาเด็กเล็กบ้านนาคูณ สังกัดเทศบาล…"
_ONE_EVENT = re.compile(r"(?:รายงาน|สรุป)\s*ผล\s*(?:การ\s*)?จัด\s*งาน\s*\S")
_ONE_UNIT = re.compile(r"^\s*(?:ศูนย์|โรงเรียน|รพ\.?\s?สต|โรงพยาบาล|สถานี|หน่วย|งาน(?!(?:วิเคราะห์)?นโยบายและแผน|แผน|ธุรการ))"
                       r"[^\n]{0,80}?(?<!ใน)(?<!ใน\s)สังกัด\s*(?:องค์การบริหารส่วน|เทศบาล|อบต|อบจ|ทต|ทม|ทน)"
                       r"(?![^\n]{0,40}?\d+\s*แห่ง)", re.MULTILINE)
_PROJECT_HEAD_LINES = 6  # a CMS's lines (the site, "หมวด: ITA…", "โพสต์เมื่อ…") may stand above the heading


def _project_heading(r: _Readable) -> str | None:
    """The words heading a document as one project's report, when it counts no projects anywhere; else None."""
    if not r.pages:
        return None
    lines = "\n".join(r.doc.pages[0].split("\n", _PROJECT_HEAD_LINES)[:_PROJECT_HEAD_LINES])
    head = display(lines)[:_PART_HEAD_CHARS]
    if _ONE_UNIT.search(lines) is not None:
        return head  # one unit's year ("ศูนย์พัฒนาเด็กเล็ก… สังกัดเทศบาล…"): the projects it counts are its own
    m = _ONE_PROJECT.search(head) or _ONE_EVENT.search(head)
    if m is None:
        # A year's report names the projects of the agency's plan, its strategies or missions; one event's or one
        # unit's "รายงานผลการดำเนินงาน ประจำปี…" (a sports day, a child centre's activities) names none of them.
        if any(_WORK_OF_THE_YEAR.search(index.display_text) for index in r.pages):
            return None
        return head
    if any(_PROJECTS_COUNTED.search(index.display_text) for index in r.pages):
        return None
    return head[m.start():]


# A term of office: "วาระการดำรงตำแหน่ง พ.ศ. 2564 – 2568", "(วาระ 2564-2568)"; read on display text (Arabic digits).
# Also "สมัยที่ 2 (พ.ศ. 2564 – 2568)", "…ตั้งแต่วันที่ 28 มีนาคม 2564 ถึงวันที่ 27 มีนาคม 2568", "ดำรงตำแหน่งตั้งแต่…ถึง…";
# "2568 – ปัจจุบัน" is open.
_DAY_MONTH = r"(?:ตั้งแต่\s*)?(?:วันที่\s*)?(?:\d{1,2}\s*[ก-๙.]{2,12}\s*)?"
# A year after a day and month may be written short ("วาระการดำรงตำแหน่ง : 19 ธ.ค. 64 – 18 ธ.ค. 68": review22 f02).
_TERM_YEAR = r"(25\d\d|(?<=[ก-๙.])\s?\d\d)(?!\d)"
_TERM_OF_OFFICE = re.compile(
    r"(?:(?:วาระ|สมัย)\s*(?:ที่\s*\d+\s*)?(?:การ\s*)?(?:ดำรง\s*ตำแหน่ง\s*)?|ดำรง\s*ตำแหน่ง\s*(?=ตั้งแต่))"
    r"[(\s:：]*(?:ปี\s*)?(?:พ\.\s*ศ\.\s*)?" + _DAY_MONTH
    + _TERM_YEAR + r"\s*(?:[-–—]|ถึง|จนถึง)\s*(?:วันที่\s*)?(?:\d{1,2}\s*[ก-๙.]{2,12}\s*)?(?:พ\.\s*ศ\.\s*)?"
    r"(25\d\d(?!\d)|(?<=[ก-๙.])\s?\d\d(?!\d)|(?:จน)?ถึง\s*ปัจจุบัน|ปัจจุบัน)")
# A term begun lately: "ได้รับเลือกตั้ง… เมื่อวันที่ 11 พฤษภาคม 2568", "ดำรงตำแหน่งตั้งแต่วันที่ 22 พ.ค. 2568".
# Not one with its end: "คณะผู้บริหารชุดนี้ดำรงตำแหน่งตั้งแต่วันที่ 19 ธันวาคม 2564 ถึงวันที่ 18 ธันวาคม 2568" is a term of
# office (review21 e01).
_TERM_BEGUN = re.compile(r"(?:ได้รับ\s*เลือกตั้ง|เข้ารับ\s*ตำแหน่ง|(?<!ครบวาระการ)(?<!ครบวาระการ\s)(?<!ครบวาระ)ดำรง\s*ตำแหน่ง)"
                         r"[^|]{0,60}?(?:ตั้งแต่|เมื่อ)\s*(?:วันที่\s*)?"
                         r"(?:\d{1,2}\s*[ก-๙.]{2,12}\s*)?(?:พ\.\s*ศ\.\s*)?(25\d\d)(?!\d)(?!\s*(?:[-–—]|ถึง|จนถึง))")


# A plan posted as the year's report: headed as the plan or its measures ("แผนบริหารจัดการความเสี่ยงการทุจริต… ประจำปี
# งบประมาณ พ.ศ. 2568", "มาตรการส่งเสริมคุณธรรม… 2568"), no report's word in its heading, and signed ("ประกาศ ณ วันที่
# 1 ตุลาคม 2567") before the fiscal year its heading names was two months old: no result of that year can be in it,
# whatever its columns are called ("ผลลัพธ์", "ผลที่ได้รับ", "งบประมาณที่ใช้": review21 r01, m01).
_PLAN_HEAD = re.compile(r"^\s*(?:แผน|มาตรการ|แนวทาง)")  # "แนวทางการส่งเสริมคุณธรรม… 2568" (review22 c04)
_REPORT_WORDS = re.compile(r"รายงาน|ผลการ|สรุปผล")
_SIGNED_ON_DAY = re.compile(SIGNED_ON)  # "ให้ไว้ ณ วันที่ 15 ตุลาคม 2567" too (review25 f04)
_RESULTS_SECTION = re.compile(r"ผลการดำเนิน(?:การ|งาน)(?:ตาม|ประจำ|รอบ|\()")
_SIGNED_DATE_REACH = 40  # characters after "ประกาศ ณ" holding its day
_PLAN_EARLY_DAYS = 61  # days into the fiscal year: a report signed by then cannot hold the year's results


def _plan_as_report(item: Item, sources: Sequence[_Readable]) -> Reason | None:
    """`plan_as_report` (review): a report item (one with a `results` component) whose every document that gave a
    part is headed as a plan and signed early in, or before, the fiscal year its heading names."""
    if not sources or not any(c.id == "results" for c in item.components):
        return None
    quotes: list[Evidence] = []
    for r in sources:
        if not r.pages:
            return None
        head = _heading_lines(r.doc.pages[0])
        if _PLAN_HEAD.match(head) is None or _REPORT_WORDS.search(head) is not None:
            return None
        years = [m.fiscal_years[0] for m in year_mentions_in_display(head)
                 if m.kind is MentionKind.FISCAL and len(m.fiscal_years) == 1]
        signed = _signed_on(r)
        if not years or signed is None or (signed - fiscal_year_bounds(years[0])[0]).days > _PLAN_EARLY_DAYS \
                or _dated_after(r, fiscal_year_bounds(years[0])[0] + timedelta(days=_PLAN_EARLY_DAYS)) \
                or any(_RESULTS_SECTION.search(index.normalized_text) for index in r.pages):
            # a day later in the year, or a section of results: the plan and then its results ("ข้อมูล ณ วันที่ 30
            # กันยายน 2568", "ผลการดำเนินการตามมาตรการ (รอบ 12 เดือน)": review23 g02, review25 f02)
            return None
        quotes.append(Evidence(url=r.doc.url, page=1 if r.doc.kind is DocKind.PDF else None,
                               snippet=quote(head, 0, min(len(head), 90), 0)))
    return reasons.make("plan_as_report", evidence=tuple(quotes)) if quotes else None


_HEADING_LINE_MAX = 160  # characters: a longer line is the text under the title
_NUMBERED_LINE = re.compile(r"\s*(?:[\d๐-๙]{1,2}|[ก-ฮ])[.)]\s")


def _heading_lines(page: str) -> str:
    """The title heading a page: its first non-empty lines, up to the first long one (display form, one line)."""
    out: list[str] = []
    for line in page.split("\n", 40)[:40]:
        shown = display(line)
        if not shown:
            continue
        if len(shown) > _HEADING_LINE_MAX or len(out) == _HEADING_LINES or (out and _NUMBERED_LINE.match(shown)):
            break  # the text under the title, or its first numbered part ("1. ผลการวิเคราะห์…")
        out.append(shown)
    return " ".join(out)


_DAY_FIRST = re.compile(r"(?:วันที่\s*)?\d{1,2}\s*\S")  # a date written with its day ("30 กันยายน 2568"), not a month alone


def _dated_after(r: _Readable, day: date) -> bool:
    """Whether a document names a day (with its day of the month) after `day` (review23 g02: the plan, then its
    results "ณ วันที่ 30 กันยายน 2568")."""
    return any(x.kind is MentionKind.DATE and x.date is not None and x.date > day and _DAY_FIRST.match(x.text)
               for index in r.pages for x in year_mentions_in_display(index.display_text))


def _signed_on(r: _Readable) -> date | None:
    """The day a document is signed ("ประกาศ ณ วันที่ 1 ตุลาคม 2567"): the last such day of its pages."""
    for index in reversed(r.pages):
        text = index.display_text
        for m in reversed(list(_SIGNED_ON_DAY.finditer(text))):
            day = next((x.date for x in year_mentions_in_display(text[m.end():m.end() + _SIGNED_DATE_REACH])
                        if x.kind is MentionKind.DATE and x.date is not None), None)
            if day is not None:
                return day
    return None


# The day a term ended: "คณะผู้บริหารข้างต้นครบวาระการดำรงตำแหน่งเมื่อวันที่ 18 ธันวาคม 2568" (review23 e03).
_TERM_ENDED_ON = re.compile(r"ครบ\s*วาระ\s*(?:การ\s*)?(?:ดำรง\s*ตำแหน่ง\s*)?(?:เมื่อ|ใน)?\s*(?:วันที่\s*)?"
                            r"(?:\d{1,2}\s*[ก-๙.]{2,12}\s*)?(?:พ\.\s*ศ\.\s*)?(25\d\d)(?!\d)")


def _term_ended(item: Item, fiscal_year: int, sources: Sequence[_Readable]) -> Reason | None:
    """`term_ended` (review): the item shows the office-holders of now (`EvidenceRule.current_term`) and the
    documents that gave a part state only terms that ended before the fiscal year: the former executives."""
    if not item.evidence.current_term or not sources:
        return None
    ends: list[tuple[int, Evidence]] = []
    for r in sources:
        for page, _raw, index in _pages(r):
            if any(int(b.group(1)) >= fiscal_year - 1 for b in _TERM_BEGUN.finditer(index.display_text)):
                return None  # elected again lately: the ended terms are a biography's
            present = _before_former(index.display_text)
            for m in _TERM_OF_OFFICE.finditer(present):
                last = m.group(2).strip()
                # "– ปัจจุบัน": the term runs on; "68" after a month is 2568
                end = (int(last) + (2500 if len(last) == 2 else 0)) if last.isdigit() else 9999
                ends.append((end, Evidence(url=r.doc.url, page=page,
                                           snippet=quote(index.display_text, m.start(), m.end(), 40))))
            ends.extend((int(m.group(1)), Evidence(url=r.doc.url, page=page, snippet=quote(
                index.display_text, m.start(), m.end(), 40))) for m in _TERM_ENDED_ON.finditer(present))
    if not ends:
        return _not_updated(fiscal_year, sources)
    if max(end for end, _e in ends) >= fiscal_year:
        return None
    latest, evidence = max(ends, key=lambda e: e[0])
    return reasons.make("term_ended", found=str(latest), expected=str(fiscal_year), evidence=(evidence,))


# A page's update stamp: "ปรับปรุงข้อมูลเมื่อ 15 มกราคม 2565", "ข้อมูล ณ วันที่ 1 ต.ค. 2564", "อัปเดตล่าสุด 3 มี.ค. 2565".
_UPDATED = re.compile(r"(?:ปรับปรุง\s*(?:ข้อมูล\s*)?(?:ล่าสุด\s*)?|อัป?เดต\s*(?:ข้อมูล\s*)?(?:ล่าสุด\s*)?|แก้ไข\s*ล่าสุด\s*"
                      r"|ข้อมูล\s*ณ\s*)(?:เมื่อ\s*)?(?:วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)?ที่\s*)?:?\s*"
                      r"(?:\d{1,2}\s*[ก-๙.]{2,12}\s*|\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*)?(?:พ\.\s*ศ\.\s*)?(25\d\d)(?!\d)")
_STATISTICS = re.compile(r"ประชากร|ครัวเรือน|สำนักทะเบียน|จำนวนประชา")
_STATISTICS_REACH = 100  # characters either side of a stamp
_UPDATED_GAP = 3  # years: a stamp this many calendar years before the fiscal year's number predates the last one


def _not_updated(fiscal_year: int, sources: Sequence[_Readable]) -> Reason | None:
    """`executives_not_updated` (review): no term stated, and the page's latest update stamp is of a year before the
    previous fiscal year began: the executives of a former term, left as they were."""
    stamps: list[tuple[int, Evidence]] = []
    for r in sources:
        for page, _raw, index in _pages(r):
            for m in _UPDATED.finditer(index.display_text):
                if _STATISTICS.search(index.display_text, max(0, m.start() - _STATISTICS_REACH),
                                      m.end() + _STATISTICS_REACH) is not None:
                    continue  # "ประชากร … ข้อมูล ณ วันที่ 31 ธ.ค. 2565 (สำนักทะเบียน…)": a table's source, not the page's
                stamps.append((int(m.group(1)), Evidence(url=r.doc.url, page=page,
                                                         snippet=quote(index.display_text, m.start(), m.end(), 40))))
    if not stamps:
        return None
    latest, evidence = max(stamps, key=lambda e: e[0])
    if latest > fiscal_year - _UPDATED_GAP:
        return None
    return reasons.make("executives_not_updated", found=str(latest), expected=str(fiscal_year), evidence=(evidence,))


def _one_project(item: Item, sources: Sequence[_Readable]) -> Reason | None:
    """`one_project_report` (review): the item asks for the agency's whole work (`EvidenceRule.whole_work`, the
    year's performance report) and every document of its own that gave a part is one project's report."""
    if not item.evidence.whole_work:
        return None
    quotes = _every_one(sources, _project_heading)
    return reasons.make("one_project_report", evidence=quotes) if quotes else None


def _division_heading(r: _Readable, agency: str, hr: bool) -> str | None:
    """The heading naming one division (or a unit of one) of the agency as the report's subject
    (`division.division_heading`; `hr`: the item is the HR report, the personnel unit's work); else None."""
    return division_heading(r.doc.pages, agency, _PROJECT_HEAD_LINES, hr=hr) if r.pages else None


def _one_division(item: Item, sources: Sequence[_Readable], agency: str) -> Reason | None:
    """`one_division_report` (review): the item asks for the agency's whole work or the agency's report
    (`EvidenceRule.whole_work`, `EvidenceRule.agency_wide`) and every document of its own that gave a part is titled
    as one division's report."""
    if not (item.evidence.whole_work or item.evidence.agency_wide):
        return None
    # the HR report ("รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล") is the personnel unit's: "งานการเจ้าหน้าที่ สำนักปลัดเทศบาล"
    # heads the agency's (review62 g10), on another item it is one unit's; the HR items are those asking its scope
    hr = any(c.id == "hr_scope" for c in item.components)
    quotes = _every_one(sources, lambda r: _division_heading(r, agency, hr))
    return reasons.make("one_division_report", evidence=quotes) if quotes else None


def _risks_elsewhere(item: Item, sources: Sequence[_Readable]) -> Reason | None:
    """`risks_off_subject` (review): the item assesses risks of one kind (`EvidenceRule.risks_about`: the words of
    corruption) and the risk tables of the documents that gave a part list only others (floods, an IT outage)."""
    ev = item.evidence
    if not ev.risks_about:
        return None
    subject = Subject(*(tuple(normalize_phrase(w) for w in words)
                        for words in (ev.risks_about, ev.risks_areas, ev.risks_failures)))
    tables = [(r, t) for r in sources for t in risk_tables([display(line) for raw in r.doc.pages
                                                             for line in raw.splitlines() if line.strip()])]
    table = off_subject([t for _, t in tables], subject)
    if table is None:
        return None
    r = next(r for r, t in tables if t is table)
    page = next((i for i, raw in enumerate(r.doc.pages, start=1) if table.rows[0][:20] in display(raw)), None)
    first = table.rows[0]
    shown = quote(first, 0, min(len(first), 80), 0)
    evidence = Evidence(url=r.doc.url, page=page if r.doc.kind is DocKind.PDF else None, snippet=shown)
    return reasons.make("risks_off_subject", expected=item.name_th, rows=str(len(table.rows)), first=shown,
                        evidence=(evidence,))


# The items counting corruption complaints: their statistics and their corruption scope (O18 of 2569, O19 of 2568)
_GRIEVANCE_PARTS = frozenset({"statistics", "corruption_scope"})
# Words of a general grievance category, looked for on the raw pages first (most statistics hold none)
_GRIEVANCE_HINTS = ("ไฟฟ้า", "ถนน", "ประปา", "สุนัข", "ขยะ", "กลิ่น", "รำคาญ")


def _grievances_elsewhere(item: Item, sources: Sequence[_Readable], doubted: bool) -> Reason | None:
    """`grievances_off_subject` (review): the item counts corruption complaints and every document of its own that
    gave a part holds a table of complaint categories that are all general grievances ("ไฟฟ้าส่องสว่างสาธารณะชำรุด
    | ๑๒", "ถนนในหมู่บ้านชำรุดเป็นหลุมบ่อ | ๘", "สุนัขจรจัด | ๒" under the title "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและ
    ประพฤติมิชอบ", review78 d02: `grievances.general_only`): the title's word is not the data's scope. Not when a
    part is already `doubted` (found in the ITA label only, review14 f05): one reason for a person is enough."""
    if doubted or not sources or not {c.id for c in item.components} >= _GRIEVANCE_PARTS:
        return None
    found: list[tuple[int, str]] = []

    def general(r: _Readable) -> str | None:
        if not any(w in page for page in r.doc.pages for w in _GRIEVANCE_HINTS):
            return None
        got = general_only([display(line) for raw in r.doc.pages for line in raw.splitlines() if line.strip()])
        if got is None:
            return None
        found.append(got)
        return got[1]

    quotes = _every_one(sources, general)
    if not quotes:
        return None
    rows, first = found[0]
    return reasons.make("grievances_off_subject", rows=str(rows), first=first, evidence=quotes)


def _unit_only(sources: Sequence[_Readable], agency: str) -> Reason | None:
    """`another_agency_document` (review): every document of the item's own that gave a part is a unit's of the
    agency, headed "…สังกัด<agency>" and signed by the unit's head (`owner.unit_signed`: a municipal school's own
    procurement summary signed by its director, review51 d03): it covers the unit, not the agency."""
    quotes = _every_one(sources, lambda r: unit_signed(r.doc.pages, agency)) if agency else []
    return reasons.make("another_agency_document", agency=agency, evidence=tuple(quotes)) if quotes else None


def _of_now(item: Item) -> Status | None:
    """What a document of another kind of local government at the agency's very place that never names the agency
    (`owner.kind_beside`: "นายกองค์การบริหารส่วนตำบลศรีสำราญ" for the เทศบาลเมืองศรีสำราญ) is worth for an item: for
    the executives of now (`current_term`) and the agency's own declaration of the year (`own_only`) `fail`, for the
    year's document `review`; for other items None, it may be the agency's own from before it became a เทศบาล
    (plain_words p_renamed_same). A renamed agency's old letterhead is of an earlier year; an อบต.'s executives on
    the town's O2 page, its FY2568 anti-corruption plan or its declaration for 2568 are the อบต.'s beside it
    (review47 b02, b18, c02)."""
    year = item.fiscal_year_rule in (FiscalYearRule.CURRENT, FiscalYearRule.FIRST_HALF_CURRENT)
    if item.evidence.current_term or (year and item.evidence.own_only):
        return Status.FAIL
    # the agency's own figures of last year (own_only, `previous`): the other kind's statistics "องค์การบริหารส่วนตำบล
    # หนองบัวทอง … ปีงบประมาณ ๒๕๖๘" signed by its นายก for the เทศบาลนครหนองบัวทอง are the อบต.'s beside it, unless the
    # agency was renamed within the year: a person looks (review51 f06, f07)
    if item.evidence.own_only and item.fiscal_year_rule is FiscalYearRule.PREVIOUS:
        return Status.REVIEW
    return Status.REVIEW if year else None


# A Buddhist-era year a document bears (matching form, its digits Arabic)
_BE_YEAR = re.compile(r"(?<!\d)25\d\d(?!\d)")


def _other_class(item: Item, sources: Sequence[_Readable], agency: str, fiscal_year: int) -> Reason | None:
    """`peer_agency_document` (fail) or `another_agency_document` (review): every document of the item's own that gave
    a component is headed or signed by a municipality of another class at the municipality agency's very place
    (`owner.class_beside`: "คณะผู้บริหารเทศบาลตำบลชุมแพ", "นายกเทศมนตรีตำบลชุมแพ" for the เทศบาลเมืองชุมแพ, review74 b02,
    b07). Surely another body's when it names the agency beside it ("…ร่วมกับเทศบาลเมืองชุมแพ") or is of a larger
    class; else weighed as another kind is (`_of_now`): the executives of now or the agency's own declaration of the
    year `fail`, a year's document `review` — unless the document is old (every year it bears before last year's):
    the agency's own from before it was upgraded (a town's former "เทศบาลตำบล…" letterhead, review47 b03: its ended
    term is `term_ended`'s)."""
    if not agency or not sources:
        return None
    of_now = _of_now(item)
    found: list[tuple[str, bool]] = []

    def beside(r: _Readable) -> str | None:
        texts = [index.normalized_text for index in r.pages]
        got = class_beside(tuple(r.doc.pages), texts, agency)
        if got is None:
            return None
        if not got[1]:
            years = [int(y) for t in texts for y in _BE_YEAR.findall(t)]
            if of_now is None or (years and max(years) < fiscal_year - 1):
                return None
        found.append(got)
        return got[0]

    quotes = _every_one(sources, beside)
    if not quotes:
        return None
    if all(surely for _line, surely in found) or of_now is Status.FAIL:
        return reasons.make("peer_agency_document", agency=agency, evidence=quotes)
    return reasons.make("another_agency_document", agency=agency, evidence=quotes)


def _another_agency(agency: str, sources: Sequence[_Readable], own_only: bool = False,
                    of_now: Status | None = None) -> Reason | None:
    """`peer_agency_document` (fail): every document of the item's own that gave a component is headed by another
    local government and never names the agency's place (`owner.peer_body`); else `another_agency_document`
    (review): by a ministry, department or province that is not the agency (`owner.other_body`), by a school, a
    child-care centre, a health station or a police station (`owner.unit_body`), marked as another scheme's (a health
    station's MOIT memo: `owner.other_scheme`), or by a local government whose place may be the agency's written
    another way. For an item only the agency's own document can answer (`EvidenceRule.own_only`), every one headed by
    such a body, or by a unit in a document that never names the agency by its kind, is `other_body_document`
    (fail)."""
    if not agency:
        return None
    peers = {r.doc.url: peer_body(r.doc.pages, agency) for r in sources}
    # the other kind of local government at the agency's very place (the อบต. beside the town of its name)
    besides = {r.doc.url: kind_beside(tuple(r.doc.pages), agency) for r in sources}

    def surely_a_peers(r: _Readable) -> str | None:
        peer, beside = peers[r.doc.url], besides[r.doc.url]
        if beside is not None and (beside[1] or of_now is Status.FAIL):
            return beside[0]
        return peer[0] if peer is not None and peer[1] else None

    def anothers(r: _Readable) -> str | None:
        # a peer whose place may be the agency's own written another way is for a person, as a parent's document is
        peer, beside = peers[r.doc.url], besides[r.doc.url]
        if peer is not None:
            return peer[0]
        if beside is not None and of_now is not None:
            return beside[0]  # of this year: not the agency's own before it was renamed
        # …or a unit (a school, a child-care centre) heading it: its own plan or contact, not the agency's (review)
        return other_body(r.doc.pages, agency) or unit_body(r.doc.pages, agency) or other_scheme(r.doc.pages, agency)

    quotes = _every_one(sources, surely_a_peers)
    if quotes:
        return reasons.make("peer_agency_document", agency=agency, evidence=quotes)
    quotes = _every_one(sources, anothers)
    if not quotes:
        # a neighbour's document under the agency's retyped cover: signed for another local government it names
        # throughout (a person looks: it may be a joint document)
        signed = _every_one(sources, lambda r: signed_by_peer(r.doc.pages, agency))
        if signed:
            return reasons.make("peer_signed_document", agency=agency, evidence=signed)
        # …or kept whole under the agency's own heading and signature, the neighbour named throughout its body
        named = _every_one(sources, lambda r: named_peer(r.doc.pages, agency, r.pages))
        if named:
            return reasons.make("peer_named_document", agency=agency, peer=named[0].snippet, evidence=named)
        # …or declared in the first person by another local government's executive ("ข้าพเจ้า นายประเสริฐ มั่นคง
        # นายกองค์การบริหารส่วนตำบลหนองแก …", review29 k03)
        declared = _every_one(sources, lambda r: declared_by_peer(r.doc.pages, agency))
        return reasons.make("peer_declarant_document", agency=agency, evidence=declared) if declared else None
    def units(r: _Readable) -> str | None:
        # a unit's document that never names the agency by its kind: a health station's complaint statistics signed by
        # its director ("ผู้อำนวยการโรงพยาบาลส่งเสริมสุขภาพตำบลบ้านโคกสูง", review48 b05), a school's No Gift notice
        # (review48 b27) are never the agency's own, though the unit bears its place. (Named, as a school's
        # affiliation "สังกัดองค์การบริหารส่วนจังหวัดขอนแก่น", review43 b18, or a partner: a person looks.)
        if names_by_kind("".join(index.normalized_text for index in r.pages), agency):
            return None
        return unit_body(r.doc.pages, agency) or other_scheme(r.doc.pages, agency)

    if own_only:
        # a body above the agency, not a local government whose place may be the agency's own written another way
        bodies = _every_one(sources, lambda r: (other_body(r.doc.pages, agency) or units(r))
                            if peers[r.doc.url] is None else None)
        if bodies:
            return reasons.make("other_body_document", agency=agency, evidence=bodies)
    return reasons.make("another_agency_document", agency=agency, evidence=quotes)


def _sources(primary: Sequence[_Readable], found: Sequence[Reason]) -> list[_Readable]:
    """The item's own documents that gave a component."""
    urls = {e.url for r in found for e in r.evidence}
    return [r for r in primary if r.doc.url in urls]


def _unfinished(item: Item, sources: Sequence[_Readable]) -> Reason | None:
    """`directive_only` or `draft_document` (review): every document of the item's own that gave a component is an
    announcement telling units to make the document by a date, or a meeting's minutes resolving to draft it (not for
    an activity's item, whose record minutes may be), or a draft (`unfinished`)."""
    minutes = not item.evidence.event_dated
    quotes = _every_one(sources, lambda r: directive(r.doc) or (minutes_directive(r.doc) if minutes else None))
    if quotes:
        return reasons.make("directive_only", evidence=quotes)
    quotes = _every_one(sources, lambda r: draft_mark(r.doc, [index.normalized_text for index in r.pages]))
    return reasons.make("draft_document", evidence=quotes) if quotes else None


def _others_projects(sources: Sequence[_Readable]) -> Reason | None:
    """`others_projects_only` (review): every document of the item's own that gave a component lists only the projects
    other bodies carry out in the agency's area (`plans.others_projects_only`: "ผด.๐๒/๑ … โครงการพัฒนาที่หน่วยงานอื่น
    ดำเนินการในพื้นที่", review71 d01), not the agency's own."""
    quotes = _every_one(sources, lambda r: others_projects_only(r.doc.pages))
    return reasons.make("others_projects_only", evidence=quotes) if quotes else None


def _total_off(sources: Sequence[_Readable]) -> Reason | None:
    """`total_unsummed` (review): every document of the item's own that gave a component has a total row far larger
    than all its other numbers together (`totals.total_unsummed`: "รวม ๑๗,๘๖๐,๗๕๐" under three projects of 1,310,840
    baht, "ดำเนินการแล้วเสร็จ ๔๒ โครงการ" said above them, review71 c01): it claims more than it shows."""
    quotes = _every_one(sources, lambda r: total_unsummed(r.doc.pages))
    return reasons.make("total_unsummed", evidence=quotes) if quotes else None


def _order_subject(r: _Readable) -> str | None:
    subject = appointment_order(r.doc)
    return display(subject) if subject is not None else None


def _order_only(item: Item, primary: Sequence[_Readable], landing: Sequence[_Readable],
                unread: Sequence[str]) -> Reason | None:
    """`appointment_order_only` (fail): every document of an item whose evidence rule does not count orders
    (`orders_count = false`) is an order appointing a group (`orders.appointment_order`: nothing after its signature
    but its members' list), and nothing was left unread. The parts its duties name are not done; three assessors'
    trials failed such an order with high confidence. A person looks (review) when the linking page holds much
    text of its own: the work itself may be typed there."""
    if item.evidence.orders_count or not primary or unread:
        return None
    quotes = _every_one(primary, _order_subject)
    if not quotes:
        return None
    found = reasons.make("appointment_order_only", evidence=quotes)
    if any(r.chars >= _LONG_PAGE * item.evidence.min_chars for r in landing):
        return replace(found, severity=Status.REVIEW)
    return found


def _cover_problem(item: Item, trails: Sequence[UrlTrail], landing: Sequence[_Readable],
                   primary: Sequence[_Readable], agency: str = "") -> Reason | None:
    cover = _cover_only(item, primary, agency) or _front_matter(item, primary)
    if cover is None:
        return _few_pages(item, primary)
    cause = _unread_cause(cover, trails, primary)
    if cause is not cover:
        return cause  # not a cover: a page whose document was not read, and why
    if any(r.chars >= _LONG_PAGE * item.evidence.min_chars for r in landing):
        # The linking page holds much text of its own: maybe the content itself, typed in. Look.
        return replace(cover, severity=Status.REVIEW)
    return cover


_PICTURES_QUOTED = 3


def _pictured(item: Item, problems: list[Reason], readable: Sequence[_Readable]) -> list[Reason]:
    """Components an organisation chart draws (`in_image`), missing from the text of a page that shows pictures
    in its content: the chart is most likely one of them, and no machine reads it. A person looks (review),
    rather than the agency being told to add what its chart may well show."""
    missing = next((p for p in problems if p.code == "missing_component" and p.severity is Status.FAIL), None)
    if missing is None:
        return problems
    listed = missing.detail.get("missing", ())
    ids = {str(c) for c in listed} if isinstance(listed, (list, tuple)) else set()
    comps = [c for c in item.components if c.id in ids]
    if not comps or not all(c.in_image for c in comps):
        return problems
    pictures = list(dict.fromkeys((url, alt) for r in readable if r.doc.kind is DocKind.HTML and r.doc.facts
                                  for url, alt in r.doc.facts.images))
    if not pictures:
        return problems
    chart = reasons.make(
        "chart_in_image", n=len(pictures), components=", ".join(c.label_th for c in comps),
        components_en=", ".join(c.label_en or c.label_th for c in comps),
        evidence=tuple(Evidence(url=url, snippet=alt) for url, alt in pictures[:_PICTURES_QUOTED]))
    return [chart if p is missing else p for p in problems]


def _dated_by(item: Item, primary: list[_Readable], readable: list[_Readable], cache: DocumentCache
              ) -> list[_Readable]:
    """The documents whose years decide the item's fiscal year: the item's own documents (else every page read).
    With `fiscal_year_of`, those of them its component is found in — every one, not the first (a code of ethics
    that itself says "ส่งเสริมจริยธรรม" dates nothing alone) — and a linking page only when no document of the
    item holds the component: the code may be years old, its promotion must be of the fiscal year."""
    comp = next((c for c in item.components if c.id == item.fiscal_year_of), None) if item.fiscal_year_of else None
    if comp is not None:
        spans = _title_spans(item, readable)
        holding = [r for r in readable if _find_component(comp, [r], spans).strong is not None]
        scoped = [r for r in holding if r in primary] or holding
        if scoped and _mentions(scoped, cache):
            return scoped
    return primary or readable


def _gives(item: Item, dated: list[_Readable], cache: DocumentCache) -> list[frozenset[str]]:
    """The ids of the components each of `dated` gives alone (a strong hit, the item's titles excluded), in order:
    `_year_lenders` and `_parts_year_older` weigh the same documents of an item, so it is worked out once."""
    key = (id(item), tuple(map(id, dated)))
    got = cache.gives.get(key)
    if got is None or got[0] is not item or any(a is not b for a, b in zip(got[1], dated, strict=True)):
        spans = _title_spans(item, dated)
        got = cache.gives[key] = (item, tuple(dated), [
            frozenset(c.id for c in item.components if _find_component(c, [r], spans).strong is not None)
            for r in dated])
    return got[2]


def _year_lenders(item: Item, dated: list[_Readable], cache: DocumentCache) -> list[_Readable]:
    """The item's documents submitted beside others (separate URLs, or files one page links) that only lend a year:
    each gives no component, or only some of those one other of them gives with more. Their years are the linking
    page's, a clue (`_page_clues`), not the year of the parts the others give. A cover "แผนการดำเนินงาน ประจำปี
    งบประมาณ พ.ศ. 2569" beside last year's full plan "…๒๕๖๘" (review53 b01), a CMS post "ขอรายงานผลการดำเนินงาน
    ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ รายละเอียดตามไฟล์แนบ" beside the report of ๒๕๖๗ (b02), "ได้ประเมินความเสี่ยงการทุจริตฯ
    ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ รายละเอียดตามไฟล์แนบ" beside the workbook of 2568 (b15): the components are pooled
    (a plan and its ผด.02 workbook complete each other), the year is not. None when the others name no year."""
    if len(dated) < 2 or item.evidence.monthly:
        return []  # one file a month: each gives its months, not only a year
    if sum(1 for r in dated if cache.mentions(r)) < 2:
        # a lender lends its years only to others naming some: with one document naming any, nothing changes
        return []
    gives = _gives(item, dated, cache)
    lenders = [r for r, mine in zip(dated, gives, strict=True) if any(mine < other for other in gives)]
    rest = [r for r in dated if r not in lenders]
    return lenders if lenders and _mentions(rest, cache) else []


_PARTS_YEAR_MENTIONS = 2  # a body's own periods or years: one may be a passing mention


def _parts_year_older(item: Item, fiscal_year: int, dated: list[_Readable], cache: DocumentCache) -> Reason | None:
    """`stale_fiscal_year` when, of the item's documents, one headed by the wanted year gives only some parts and
    another, headed by no year of its own, gives the rest under periods all of an earlier one: a cover "แผนการ
    ดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙" beside "บัญชีโครงการ/กิจกรรม (ผ.02)" whose every period is FY2568 ("ม.ค.–เม.ย.
    ๖๘", "ต.ค. ๖๗–ก.ย. ๖๘", review57 c04): the cover's year does not carry the body the parts are in. Read on the
    body's years and one-year periods (not a signing day: a plan is approved before its year); None otherwise."""
    rule = item.fiscal_year_rule
    if len(dated) < 2 or item.evidence.monthly or rule not in (FiscalYearRule.CURRENT, FiscalYearRule.PREVIOUS):
        return None
    target = rule.data_year(fiscal_year)
    headed = [r for r in dated if any(x.heading and x.mention.kind is MentionKind.FISCAL
                                      and target in x.mention.fiscal_years for x in cache.mentions(r))]
    if not headed:
        return None
    gives = dict(zip(map(id, dated), _gives(item, dated, cache), strict=True))
    lent = frozenset().union(*(gives[id(r)] for r in headed))
    for r in dated:
        if r in headed or not gives[id(r)] - lent:
            continue
        own = [x for x in cache.mentions(r) if not x.appendix and not _round_label(x) and (
            x.mention.kind is MentionKind.FISCAL
            or (x.mention.kind is MentionKind.RANGE and len(x.mention.fiscal_years) == 1))]
        years = {y for x in own for y in x.mention.fiscal_years}
        if len(own) >= _PARTS_YEAR_MENTIONS and max(years) < target:
            return reasons.make("stale_fiscal_year", found=_fmt_years(years), expected=str(target),
                                evidence=tuple(x.evidence for x in own[:3]))
    return None


def _parts_year_weighed(item: Item, fiscal_year: int, dated: list[_Readable], cache: DocumentCache,
                        fy_problems: list[Reason], fy_found: list[Reason]) -> tuple[list[Reason], list[Reason]]:
    """`judge_fiscal_year`'s (problems, found), the year found dropped for `_parts_year_older`'s reason when the
    documents that gave the parts are of an earlier year (review57 c04)."""
    if not fy_found or any(p.severity is Status.FAIL for p in fy_problems):
        return fy_problems, fy_found
    older = _parts_year_older(item, fiscal_year, dated, cache)
    return (fy_problems, fy_found) if older is None else ([*fy_problems, older], [])


# "ข้อมูล ณ วันที่ 31 ธันวาคม 2567", "ข้อมูลถึงวันที่ …": the day a table's data stops (not "ประกาศ ณ วันที่", the
# day a document was signed).
_AS_OF = re.compile(r"ข้อมูล\s*(?:ณ|ถึง|จนถึง)\s*(?:วันที่)?\s*")
_AS_OF_REACH = 40  # characters after the words in which the date must start


def _period(rule: FiscalYearRule, fiscal_year: int) -> tuple[date, date] | None:
    """The days an item's data must span: 1 October – 31 March for a first-half item, the whole previous fiscal
    year for a report of that year; None where the item looks ahead (a plan) or names no period."""
    if rule is FiscalYearRule.FIRST_HALF_CURRENT:
        return first_half_bounds(fiscal_year)
    if rule is FiscalYearRule.PREVIOUS:
        return fiscal_year_bounds(fiscal_year - 1)
    return None


# A heading naming part of a fiscal year: "รอบ 6 เดือน", "6 เดือนแรก", "ครึ่งปีแรก", "ไตรมาสที่ 2", or a span from
# October to a month before September ("1 ตุลาคม 2567 – 31 มีนาคม 2568"). Read on display text (Arabic digits).
# In brackets October's year may be left to the span's end: "ไตรมาส 1/2568 (ตุลาคม – ธันวาคม 2567)" (review49 b34),
# "(ต.ค. – ธ.ค. 68)" — not a table's row of quarters "1 | ต.ค. – ธ.ค. 2567 | 0 |" (review23 b04); a quarter with its
# year after a slash is a quarter too ("ไตรมาส 1/2569", review49 b06), not quarters "1/4".
_FROM_OCTOBER = r"(?:(?:ต\.\s*ค\.|ตุลาคม)\s*(?:พ\.\s*ศ\.\s*)?\d{2,4}|(?:(?<=\()|(?<=\(\s))(?:ต\.\s*ค\.|ตุลาคม))"
_TO = r"\s*(?:[-–—]|ถึง(?:วันที่|เดือน)?)\s*(?:\d{1,2}\s*)?"
_SEPTEMBER = r"(?:ก\.\s*ย\.|กันยายน)"
# …or its form's "แบบ สขร.๑ สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน กันยายน ๒๕๖๘" the only table under "สรุปผลการจัดซื้อ
# จัดจ้างประจำปี งบประมาณ พ.ศ. ๒๕๖๘" (review71 c02)
_ONE_MONTH = rf"(?:ประจำ|(?:ใน)?รอบ)\s*เดือน\s*(?:{THAI_MONTH_RX})(?!\s*(?:พ\.\s*ศ\.\s*)?(?:\d{{2,4}}\s*)?(?:[-–—]|ถึง))"
_PART_YEAR = re.compile(
    r"(?:(?:รอบ|ระยะ|ห้วง)\s*)?(?:3|6|9)\s*เดือน(?:แรก|หลัง)|(?:รอบ|ระยะ|ห้วง)\s*(?:3|6|9)\s*เดือน|ครึ่ง(?:ปี|แรก|หลัง)"
    r"|ไตรมาส(?:ที่)?\s*[1-3](?:\s*/\s*(?:\d{4}|\d{2})(?!\d)|(?![\d/]))|ไตรมาส(?:ที่)?\s*4\s*\(\s*(?:\d{1,2}\s*)?(?:ก\.\s*ค\.|กรกฎาคม)"
    r"|" + _FROM_OCTOBER + _TO +
    r"(?:ธ\.\s*ค\.|ธันวาคม|ม\.\s*ค\.|มกราคม|ก\.\s*พ\.|กุมภาพันธ์|มี\.\s*ค\.|มีนาคม|เม\.\s*ย\.|เมษายน"
    r"|พ\.\s*ค\.|พฤษภาคม|มิ\.\s*ย\.|มิถุนายน|ก\.\s*ค\.|กรกฎาคม|ส\.\s*ค\.|สิงหาคม)"
    # one month: "สรุปผลการดำเนินการจัดซื้อจัดจ้าง ประจำเดือนกันยายน ๒๕๖๘" given as the year's summary (review63 x07) — not
    # a span from it ("ประจำเดือนตุลาคม ๒๕๖๗ – กันยายน ๒๕๖๘"); two months named are two parts (`_several_parts`)
    r"|" + _ONE_MONTH)
# …unless it names the whole year as well: "รอบ 6 เดือน และรอบ 12 เดือน", "ทั้งปี", "ไตรมาสที่ 4 (สะสม…)", "ไตรมาสที่
# 1 – 4", a span from October to September ("1 ตุลาคม 2567 – 30 กันยายน 2568"); or two parts ("6 เดือนแรก และ 6 เดือน
# หลัง", a table's columns "ไตรมาสที่ 1 | ไตรมาสที่ 2 | …").
_ANNUAL = "ประจำปี"  # an item named "รายงาน…ประจำปี" asks for the year's report
_WHOLE_YEAR = re.compile(
    r"12\s*เดือน|ทั้งปี|ตลอดปี|สะสม|ครบรอบปี|สิ้น(?:สุด)?ปีงบประมาณ|ไตรมาส(?:ที่)?\s*1\s*[-–—]\s*(?:ไตรมาส(?:ที่)?\s*)?4"
    r"|" + _FROM_OCTOBER + _TO + _SEPTEMBER)
_TO_SEPTEMBER = re.compile(_TO + _SEPTEMBER)  # a span's end in September, from whichever month
_PART_HEAD_LINES = 8  # a cover's lines: the agency, the title, then the period on the fifth or sixth
_PART_HEAD_CHARS = 480
_COVER_LINE_CHARS = 80  # a cover's line: the agency's name, the title's parts, the period


_QUARTER = re.compile(r"ไตรมาส(?:ที่)?\s*([1-4])")


def _months_named(parts: Sequence[re.Match[str]]) -> set[str]:
    """The single months the parts name ("ประจำเดือนตุลาคม", "ประจำเดือนพฤศจิกายน": a workbook's sheet per month)."""
    return {re.sub(r"(?:ประจำ|(?:ใน)?รอบ)\s*เดือน\s*", "", p.group()) for p in parts
            if p.group().startswith(("ประจำ", "รอบ", "ใน"))}


def _several_parts(parts: Sequence[re.Match[str]], head: str) -> bool:
    """Whether a heading names two parts of the year, which together may be all of it: quarters ("ไตรมาสที่ 1 |
    ไตรมาสที่ 2 | …", a table's columns), both halves ("6 เดือนแรก และ 6 เดือนหลัง"), or a span from October and one
    to September ("รอบที่ 1 (1 ต.ค. 67 – 31 มี.ค. 68) และรอบที่ 2 (1 เม.ย. 68 – 30 ก.ย. 68)")."""
    quarters = {q.group(1) for p in parts if (q := _QUARTER.match(p.group())) is not None}
    said = " ".join(p.group() for p in parts)
    from_october = any(p.group().startswith(("ต.", "ตุลาคม")) for p in parts)
    return len(quarters) > 1 or ("แรก" in said and "หลัง" in said) or len(_months_named(parts)) > 1 \
        or (from_october and _TO_SEPTEMBER.search(head) is not None)



def _part_head(raw: str) -> str:
    """A document's first page's heading, as displayed: its first lines, and then a cover's short lines that start
    with the period ("รอบ 6 เดือน (1 ตุลาคม 2567 – …)" on its fifth line), not a paragraph of the body ("…ให้ทุกส่วน
    ราชการจัดทำรายงานผลรอบ 6 เดือน…", a PDF's memo "ตามที่… ได้รายงานผล… รอบ 6 เดือน ไปแล้วนั้น", its lines short)."""
    lines = raw.split("\n", _PART_HEAD_LINES)[:_PART_HEAD_LINES]
    keep = lines[:_HEADING_LINES] + [line for line in lines[_HEADING_LINES:]
                                      if len(line) <= _COVER_LINE_CHARS and _states_period(line)]
    head = display("\n".join(keep))[:_PART_HEAD_CHARS]
    if any("|" in line for line in keep[_HEADING_LINES:]):
        # a table's row of the first quarter, "ต.ค. ๖๗ – ธ.ค. ๖๗ | ๐ | ๐ | ๐", is no period of the document's: its rows
        # further down that state a period too ("ก.ค. ๖๘ – ก.ย. ๖๘ | ๑ | ๐ | ๑") tell whether the table runs the whole
        # year (review58 a09)
        rows = [line for line in raw.split("\n")[_PART_HEAD_LINES:]
                if "|" in line and len(line) <= _COVER_LINE_CHARS and _states_period(line)]
        head = display("\n".join([head, *rows]))
    return head


_LEAD_DAY = re.compile(r"[(\-–•\s]*(?:(?:ระหว่าง|ตั้งแต่|ช่วง|ห้วง)\s*)?(?:วันที่\s*)?(?:\d{1,2}\s*)?")


def _states_period(line: str) -> bool:
    """Whether a cover's line starts with a period, part or whole ("รอบ 6 เดือน (…)", "(1 ตุลาคม 2567 – 30 กันยายน
    2568)")."""
    shown = display(line)
    start = _LEAD_DAY.match(shown)
    rest = shown[start.end():] if start else shown
    return _PART_YEAR.match(rest) is not None or _WHOLE_YEAR.match(rest) is not None \
        or _TO_SEPTEMBER_LINE.match(rest) is not None


# the row of a year's other half, a span to September ("ต.ค. ๖๗ - มี.ค. ๖๘ | ๐ | -" then "เม.ย. - ก.ย. ๖๘ | ๐ | -",
# review51 f06): with the half from October above it, the whole year (`_several_parts`)
_TO_SEPTEMBER_LINE = re.compile(rf"(?:{THAI_MONTH_RX})\s*(?:พ\.\s*ศ\.\s*)?(?:\d{{2,4}})?{_TO}{_SEPTEMBER}")


# The document's own words of what it reports: "บัดนี้ ขอรายงานผลการดำเนินงาน ในไตรมาสที่ ๑ (ตุลาคม – ธันวาคม ๒๕๖๗) ดังนี้"
# under "…ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" (review38 c03) — not what was reported before ("ได้รายงานผล…รอบ 6 เดือน ไปแล้ว") nor
# what is asked ("ให้…จัดทำรายงานผลรอบ 6 เดือน"); on the first page's opening, read to the sentence's likely end.
_OWN_REPORT = re.compile(r"ขอ(?:รายงาน|สรุป)ผล")
_SAID_FROM_CHARS = 1200
_SAID_CHARS = 120


def _said_part(raw: str) -> str:
    """The words on a first page by which the document says it reports part of a year (`_OWN_REPORT` and a part
    within `_SAID_CHARS`, not the whole year), else ""."""
    shown = display(raw[:_SAID_FROM_CHARS])
    for m in _OWN_REPORT.finditer(shown):
        said = shown[m.start():m.start() + _SAID_CHARS]
        if _names_part(said):
            return said
    return ""


def _names_part(head: str) -> bool:
    """Whether a heading names part of a year, and not the whole of it nor two parts."""
    parts = list(_PART_YEAR.finditer(head))
    return bool(parts) and _WHOLE_YEAR.search(head) is None and not _several_parts(parts, head)


# A sheet's heading naming a fiscal year ("ปีงบ 2567", "ปีงบประมาณ พ.ศ. 2567"): that year's, whole unless it says a part.
_NAMES_YEAR = re.compile(r"ปี\s*(?:งบ(?:ประมาณ)?)?\s*(?:พ\.\s*ศ\.\s*)?\d{4}")


def _part_sheet(sheets: Sequence[str]) -> str | None:
    """The heading of a workbook's sheet that names part of a year, when no other sheet names a whole year (its span,
    "ทั้งปี", or a year with no part: "ปีงบ 2567" beside "ปีงบ 2568 (ต.ค.67-มี.ค.68)"); a sheet naming neither (a
    summary sheet of totals) says nothing. Else None."""
    parts: list[str] = []
    for sheet in sheets:
        head = _part_head(sheet)
        if _names_part(head):
            parts.append(head)
        elif _PART_YEAR.search(head) is not None or _WHOLE_YEAR.search(head) is not None \
                or _NAMES_YEAR.search(head) is not None:
            return None
    joined = "\n".join(parts)
    said = " ".join(m.group() for m in _PART_YEAR.finditer(joined))
    quarters = {q.group(1) for q in _QUARTER.finditer(said)}
    if len(parts) > 1 and (quarters == {"1", "2", "3", "4"} or ("แรก" in said and "หลัง" in said)
                           or len(_months_named(list(_PART_YEAR.finditer(joined)))) > 1  # a sheet per month
                           or _TO_SEPTEMBER.search(joined) is not None):
        return None  # "รอบ 6 เดือนแรก" on one sheet, "รอบ 6 เดือนหลัง" on the next: the whole year
    return parts[0] if parts else None


def _months_follow(head: str, r: _Readable) -> bool:
    """The heading's part is one month ("แบบ สขร.๑ … ในรอบเดือน ตุลาคม ๒๕๖๗") and later pages name other months the same
    way: a year's summary that lists its months one form after another, not one month's (review71 c02's guard)."""
    parts = list(_PART_YEAR.finditer(head))
    if not parts or len(_months_named(parts)) != len(parts):
        return False
    named = _months_named(list(_PART_YEAR.finditer(" ".join(display(page) for page in r.doc.pages))))
    return len(named) > 1


def _month_form_told(part: Reason, out: Sequence[Reason]) -> bool:
    """One month's form, "แบบ สขร.๑ … ในรอบเดือน กันยายน ๒๕๖๘", under the year's title (review71 c02) is told only when
    nothing else is: a page already failed or doubted for its content ("ปัญหาอุปสรรค : -", review34 l01; no problems
    and suggestions, review42 b11) needs no second reason."""
    return all("รอบเดือน" in e.snippet for e in part.evidence) and any(_level(p) is not Status.PASS for p in out)


def _part_year(item: Item, fiscal_year: int, dated: Sequence[_Readable], year_found: bool) -> Reason | None:
    """A whole previous year's report is asked (`previous`), and every document the year is read from is headed
    as a report on part of a year ("รอบ 6 เดือน (1 ตุลาคม 2567 – 31 มีนาคม 2568)"): it cannot hold the year's
    figures. Last year's part (`year_found`) fails every such item. Another year's part (this year's first half,
    mostly) fails only an item whose name asks for the annual report ("…ประจำปี") on a year rule that is no guess;
    elsewhere the sources leave this year's first half possible and it stays `fiscal_year_mismatch` (review): an
    item that takes it by design (`discover.periods`, O7) or whose year is unsettled (2568 O19, O26)."""
    if item.fiscal_year_rule is not FiscalYearRule.PREVIOUS or not dated:
        return None
    if not year_found and (FiscalYearRule.FIRST_HALF_CURRENT in item.discover.periods
                           or item.fiscal_year_confidence.is_guess or _ANNUAL not in item.name_th):
        return None
    evidence: list[Evidence] = []
    for r in dated:
        if len(dated) > 1 and cover_memo(r.doc) and not any(_WHOLE_YEAR.search(i.display_text) for i in r.pages):
            continue  # "เรื่อง รายงานสรุปผล…ประจำปี… รายละเอียดปรากฏตามเอกสารแนบ": the attachment says which part
        # the printed heading, not a page's or file's title (a CMS's tab "…รอบ 6 เดือน / ประจำปี" over a year's report);
        # each sheet's of a workbook (this year's first half on one, last year's whole on the next)
        if r.doc.kind is DocKind.XLSX:
            head = _part_sheet(r.doc.pages)
            if head is None:
                return None
        else:
            head = _part_head(r.doc.pages[0]) if r.pages else ""
            if not _names_part(head):
                head = _said_part(r.doc.pages[0]) if r.pages else ""
                if not head:
                    return None
            if _months_follow(head, r):
                return None
        m = next(_PART_YEAR.finditer(head))
        evidence.append(Evidence(url=r.doc.url, page=1 if r.doc.kind is DocKind.PDF else None,
                                 snippet=quote(head, m.start(), m.end(), 50)))
    if not evidence:
        return None
    start, end = fiscal_year_bounds(fiscal_year - 1)
    return reasons.make("part_year_report", expected=str(fiscal_year - 1), start=thai_date(start), end=thai_date(end),
                        start_en=start.isoformat(), end_en=end.isoformat(), evidence=tuple(evidence[:3]))


# A plan's table laid out by month gives months to come ("แผนการใช้จ่ายงบประมาณรายเดือน", a Gantt chart, a calendar): only
# a document not headed as a plan, a forecast or a target tells of months done.
_PLAN_WORDS = re.compile(r"แผน|ประมาณการ|คาดการณ์|เป้าหมาย|ปฏิทิน|กำหนดการ")


def _by_month(item: Item, fiscal_year: int, dated: Sequence[_Readable], as_of: date | None,
              out: Sequence[Reason]) -> list[Reason]:
    """What a table laid out by month says beyond `out`'s reasons: months to come filled (`_months_to_come`), a year's
    months left out (`_year_table_short`)."""
    codes = {p.code for p in out}
    late = _months_to_come(dated, as_of) if "dated_after_check" not in codes else []
    short = _year_table_short(item, fiscal_year, dated) \
        if not codes & {"part_year_report", "fiscal_year_mismatch"} else []
    return late + short


def _months_to_come(dated: Sequence[_Readable], as_of: date | None) -> list[Reason]:
    """[`dated_after_check`] (review) for a table laid out by month that fills months after the day of the check's
    with counts ("สถิติการให้บริการ… ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" with "มิ.ย. ๖๘ | ก.ค. ๖๘ | ส.ค. ๖๘ | ก.ย. ๖๘" counted on
    15 May 2025: review73 a04): the figures are invented or another year's; [] otherwise."""
    if as_of is None:
        return []
    late: list[tuple[date, Evidence]] = []
    for r in dated:
        if not r.pages or _PLAN_WORDS.search(_heading_lines(r.doc.pages[0])) is not None:
            continue
        late.extend((c.month, Evidence(url=r.doc.url, snippet=c.text)) for c in future_filled(r.doc.pages, as_of))
    if not late:
        return []
    first = min(d for d, _ in late)
    return [reasons.make("dated_after_check", dated=thai_month(first), dated_en=first.strftime("%Y-%m"),
                         day=thai_date(as_of), day_en=as_of.isoformat(),
                         evidence=tuple(dict.fromkeys(e for _, e in sorted(late, key=lambda p: p[0])))[:3])]


# A month said to have had nothing ("ไม่มีเรื่องร้องเรียน", "ไม่มีการจัดซื้อจัดจ้าง"): the months a table leaves out may be
# those; not "ตรวจสอบแล้วไม่มีมูล", a complaint's outcome.
_NONE_SAID = re.compile(r"ไม่มี\s?(?:เรื่อง|การ\s?(?:ร้องเรียน|จัดซื้อ|จัดจ้าง|รับ|ให้บริการ|ดำเนินการ)|รายการ|ผู้|ข้อมูล)")


def _year_table_short(item: Item, fiscal_year: int, dated: Sequence[_Readable]) -> list[Reason]:
    """[`part_year_report`] (review) for a previous year's item whose document lays the year out by month and names
    only some of its months: "ข้อมูลสถิติเรื่องร้องเรียน… ประจำปีงบประมาณ พ.ศ. ๒๕๖๗" with rows "เมษายน ๒๕๖๗" … "กันยายน
    ๒๕๖๗" only (review73 b02). A month without complaints may have been left out rather than said: a person looks; a
    document saying some month had none is let be."""
    if item.fiscal_year_rule is not FiscalYearRule.PREVIOUS:
        return []
    evidence: list[Evidence] = []
    for r in dated:
        short = months_left_out(r.doc.pages, fiscal_year - 1)
        if short is None or any(_NONE_SAID.search(page) for page in r.doc.pages):
            continue
        named, _missing = short
        evidence.append(Evidence(url=r.doc.url, page=1 if r.doc.kind is DocKind.PDF else None,
                                 snippet=f"{named[0].text} … {named[-1].text}"))
    if not evidence:
        return []
    start, end = fiscal_year_bounds(fiscal_year - 1)
    return [replace(reasons.make("part_year_report", expected=str(fiscal_year - 1), start=thai_date(start),
                                 end=thai_date(end), start_en=start.isoformat(), end_en=end.isoformat(),
                                 evidence=tuple(evidence[:3])), severity=Status.REVIEW)]


def _as_of_early(item: Item, fiscal_year: int, primary: Sequence[_Readable]) -> Reason | None:
    """The documents say their data stops ("ข้อมูล ณ วันที่ …") before the end of the period the item covers:
    the later months may be missing (a first-half list "as of 31 Dec"). Their latest such date decides; a
    person looks (review), since a month without purchases may simply not be listed. A date on or before the
    period's first day is a count taken at its start (staff "ข้อมูล ณ วันที่ 1 ตุลาคม"), not where data stops."""
    period = _period(item.fiscal_year_rule, fiscal_year)
    if period is None:
        return None
    start, end = period
    latest: tuple[date, Evidence] | None = None
    for r in primary:
        for page, _raw, index in _pages(r):
            shown = index.display_text
            for m in _AS_OF.finditer(shown):
                after = shown[m.end():m.end() + _AS_OF_REACH]
                dated = next((y for y in find_year_mentions(after)
                              if y.kind is MentionKind.DATE and y.date is not None and y.start <= 2), None)
                if dated is None or dated.date is None:
                    continue
                if latest is None or dated.date > latest[0]:
                    latest = (dated.date, Evidence(url=r.doc.url, page=page,
                                                   snippet=index.snippet(m.start(), m.end() + dated.end)))
    if latest is None or not start < latest[0] < end:
        return None
    as_of, evidence = latest
    return reasons.make("data_as_of_early", as_of=thai_date(as_of), as_of_en=as_of.isoformat(),
                        period_end=thai_date(end), period_end_en=end.isoformat(), evidence=(evidence,))


def _cut_short(item: Item, fiscal_year: int, dated: Sequence[_Readable], located: Sequence[_Located],
               as_of: date | None) -> list[Reason]:
    """Data that stops before the period ends: "ข้อมูล ณ วันที่ …" early (`_as_of_early`), else months left out of a
    month-by-month item (`_months_left_out`)."""
    early = _as_of_early(item, fiscal_year, dated) or _months_left_out(item, fiscal_year, located, as_of)
    return [early] if early is not None else []


# A day that is no month of the data: a contract's end or a deadline ("สิ้นสุดสัญญา 31 มีนาคม 2569", "ส่งมอบภายใน…"),
# or months still to come ("ข้อมูลเดือนมกราคม 2569 … อยู่ระหว่างรวบรวม จะเผยแพร่ต่อไป").
_DEADLINE_BEFORE = re.compile(r"(?:สิ้นสุด(?:สัญญา)?|ครบกำหนด(?:ส่งมอบ)?|กำหนดส่งมอบ|ส่งมอบ(?:งาน)?|ภายใน|ถึง|จนถึง|ไม่เกิน)"
                              r"(?:วันที่|เดือน)?$")
_NOT_YET = re.compile(r"อยู่ระหว่าง|จะเผยแพร่|จะดำเนินการ|จะรายงาน|จะปรับปรุง|ยังไม่(?:ได้)?(?:เผยแพร่|รวบรวม|จัดทำ|มีข้อมูล|ครบ)"
                      r"|รอ(?:การ)?รวบรวม|ไม่มีข้อมูล|ไม่มีการ(?:รายงาน|เผยแพร่|บันทึก)|ไม่ได้(?:รายงาน|เผยแพร่)")


# a month stated to have had no purchases: "ไม่มีการจัดซื้อจัดจ้าง", "ไม่มีรายการ" (not "ไม่มีข้อมูล", "ไม่มีการรายงาน")
_NONE_BOUGHT = r"ไม่มี\s?(?:การ\s?)?(?:จัดซื้อ|จัดจ้าง|รายการ|การจัดหา|จัดหา)"
_MONTH_SAID_END = re.compile(r"\||หมายเหตุ|" + _NONE_BOUGHT)
# a table's row saying there was nothing to list: no purchases, no complaints, no gift received
_NIL_ROW = re.compile(_NONE_BOUGHT + r"|ไม่มี\s?(?:เรื่อง\s?ร้องเรียน|การรับ|ผู้รับ)")
_HALF_YEAR = 6


_MONTH_SECTIONS = 2
# "15/10/2568", "3 ธ.ค. 67": a day, not a month alone
_DAY_WRITTEN = re.compile(r"(?:วันที่\s?)?\d{1,2}\s?(?:[/.-]|[ก-๙])")


# after the month and a "(ธ.ค. 67)" or ":"
_NO_PURCHASES = re.compile(r"[\s:)\-–|]*(?:\(\S+\s?\S*\)\s*)?[\s:|]*" + _NONE_BOUGHT)


def _no_purchases(x: _Located) -> bool:
    """The month is stated to have had no purchases ("เดือนธันวาคม 2567 ไม่มีการจัดซื้อจัดจ้าง", "…: ไม่มีการจัดซื้อ")."""
    return _NO_PURCHASES.match(x.follow) is not None and not _not_the_months(x)


# "ประจำเดือน", or "เดือน" opening a cell: not "…รถยนต์ส่วนกลาง เดือนมกราคม 2568 |", a row's item naming its month
_SECTION_LEAD = re.compile(r"(?:ประจำ\s?เดือน|(?:^|\|)\s?เดือน)\s?$")


_MONTH_BEFORE_AND = re.compile(rf"เดือน\s?({THAI_MONTH_RX})\s?(?:และ|,|หรือ)\s?(?:เดือน\s?)?$")


def _months_without(located: Sequence[_Located]) -> list[date]:
    """Months stated together as without purchases, each but the last without a year of its own: a span
    ("เดือนมกราคม – กุมภาพันธ์ 2568 ไม่มีการจัดซื้อจัดจ้าง") or a pair ("เดือนกุมภาพันธ์ และเดือนมีนาคม 2569 ไม่มี…")."""
    out: list[date] = []
    for x in located:
        if not _no_purchases(x):
            continue
        if x.mention.kind is MentionKind.RANGE:
            span = month_span(x.mention.text)
            months = months_between(*span) if span is not None else []
            out += months if len(months) <= _HALF_YEAR else []  # not a span of years ("ต.ค. 66 – ก.ย. 69")
        elif x.mention.kind is MentionKind.DATE and x.mention.date is not None:
            m = _MONTH_BEFORE_AND.search(_before(x, 30) or "")
            month = month_of(m.group(1)) if m is not None else None
            if month is not None:
                year = x.mention.date.year - (month > x.mention.date.month)
                out.append(date(year, month, 1))
    return out


def _month_section(x: _Located) -> bool:
    """A month heading a part of the list ("ประจำเดือนตุลาคม 2568", "เดือน ธ.ค. 68"), not one stated to have had no
    purchases."""
    lead = _before(x, 12) or ""
    return _SECTION_LEAD.search(lead) is not None and not _no_purchases(x)


_MONTH_HEADING_LEAD = re.compile(r"(?:ประจำ\s?)?เดือน\s?$")
_CELL_NEXT = re.compile(r"\s?\|")  # the mention ends its cell


def _not_the_months(x: _Located) -> bool:
    """The date names no month of the data (`_DEADLINE_BEFORE`, `_NOT_YET`)."""
    # a month alone in a row's first cell ("พ.ย. 68 | จัดซื้ออาหารเสริม (นม) …") is the row's month: what stands before
    # it is the row above's last cell, the NACC workbook's status ("… | 68109123456 | สิ้นสุดสัญญา", "… |
    # อยู่ระหว่างระยะสัญญา"), no deadline nor month to come (review50 a01, b01)
    lead = "" if x.line_start and _CELL_NEXT.match(x.follow) else _before(x, 30) or ""
    # …and a month alone in a PDF's cell, its year wrapped below it ("ก.พ." / "๖๙" under the row above's "อยู่ /
    # ระหว่าง / ดำเนิน / การ", review58 a05): no day, the whole of its lines
    if x.own_lines and _DAY_WRITTEN.match(x.mention.text) is None:
        lead = ""
    before = lead.replace(" ", "") + ("วันที่" if x.mention.text.startswith("วันที่") else "")
    if _DEADLINE_BEFORE.search(before.removesuffix("วันที่")) or _DEADLINE_BEFORE.search(before):
        return True
    # what follows the month up to a cell's edge, a note, or the statement that it had no purchases (which names it)
    part = re.split(r"[.!?]\s|\|", lead)[-1]
    # a month's heading starts a part: what stands before it closes the row above ("… | อยู่ระหว่างระยะสัญญา" then
    # "เดือนมกราคม 2569", review41 a09; "… | อยู่ระหว่างก่อสร้าง" then "ประจำเดือนกุมภาพันธ์ 2569", review34 k01)
    if (heading := _MONTH_HEADING_LEAD.search(part)) is not None:
        part = part[heading.start():]
    sentence = part + x.mention.text + _MONTH_SAID_END.split(x.follow)[0]
    return _NOT_YET.search(sentence.replace(" ", "")) is not None


def _months_left_out(item: Item, fiscal_year: int, located: Sequence[_Located], as_of: date | None) -> Reason | None:
    """`months_missing` (review) for a month-by-month item (`monthly`) whose documents name some months of the first
    half of the fiscal year and leave out others that are due (evaluate/months.py). Dates a document is signed on
    or gives its data as of ("ณ วันที่", "ลงวันที่"), a contract's end or a deadline, and months said to be still to
    come name no month of the data (`_not_the_months`); a span of months ("ต.ค. 68 – มี.ค. 69") names none either. A
    list headed by the half-year's span whose parts are not months (rows of e-GP numbers, one month stated as
    without purchases) does not say which months it holds: no gap is read."""
    if not item.evidence.monthly:
        return None
    target = item.fiscal_year_rule.data_year(fiscal_year)
    # a CE day too: a workbook's date cells read as "2024-10-01" (review30 l01)
    days = [x for x in located if x.mention.kind in (MentionKind.DATE, MentionKind.CE) and x.mention.date is not None
            and not _cited(x) and not _not_the_months(x)]
    if all(_no_purchases(x) for x in days):
        return None  # only "เดือนพฤศจิกายน 2567: ไม่มีการจัดซื้อจัดจ้าง" under rows not dated: nothing goes by month
    # (a calendar year's span, "ประจำปี 2567 (มกราคม – ธันวาคม 2567)" over rows ม.ค. 67 … ธ.ค. 67, is no half-year's:
    # the months it leaves out of the fiscal year are read, January–March 2568 for 2568 O12, review50 b03; the rows'
    # dates decide such a list's year, posts_dated, so this is what tells it)
    if any(x.heading and x.mention.kind is MentionKind.RANGE and target in x.mention.fiscal_years
           and not _CALENDAR_SPAN.match(x.mention.text) for x in located) \
            and sum(_month_section(x) for x in days) < _MONTH_SECTIONS \
            and sum(_DAY_WRITTEN.match(x.mention.text) is not None for x in days) < _MONTH_SECTIONS:
        return None  # a half-year list headed by its span, not by month nor dated: which months it holds is unsaid
    gap = month_gap(target, [x.mention.date for x in days if x.mention.date is not None] + _months_without(located),
                    as_of)
    first, last = first_half_bounds(target)
    if gap is None and not any(first <= (x.mention.date or date.min) <= last for x in days):
        # a page naming by its headings only months after the first half, "ประจำเดือนเมษายน ๒๕๖๙" (review49 b35) or
        # one after the check day, "ประจำเดือนมิถุนายน ๒๕๖๙" (b23): October to March are not shown
        gap = later_only_gap(target, [x.mention.date for x in days if x.mention.date is not None
                                      and _month_section(x)], as_of)
    if gap is None:
        return None
    latest = max((x for x in days if x.mention.date is not None and x.mention.date >= gap.named[-1]
                  and target in x.mention.fiscal_years), key=lambda x: x.mention.date or date.min, default=None)
    return reasons.make("months_missing", expected=str(target),
                        named=", ".join(thai_month(m) for m in gap.named),
                        named_en=", ".join(m.strftime("%Y-%m") for m in gap.named),
                        missing=", ".join(thai_month(m) for m in gap.missing),
                        missing_en=", ".join(m.strftime("%Y-%m") for m in gap.missing),
                        evidence=(latest.evidence,) if latest is not None else ())


def _judge_content(item: Item, trails: Sequence[UrlTrail], fiscal_year: int, g: _Gathered,
                   problems: list[Reason], cache: DocumentCache, agency: str = "", as_of: date | None = None
                   ) -> tuple[list[Reason], list[Reason]]:
    """(problems, found) from the documents read: components, cover pages, the fiscal year."""
    readable = g.readable
    found: list[Reason] = []
    landing, primary = _split_landing(trails, readable, g.unread)
    year = item.fiscal_year_rule.data_year(fiscal_year) if item.fiscal_year_rule is not FiscalYearRule.NONE else None
    content_problems, comp_found = _match_components(item, readable, frozenset(r.doc.url for r in landing), agency,
                                                     year)
    content_problems = _pictured(item, content_problems, readable)
    listed = _only_listed(item, readable, comp_found)
    if listed is not None:
        content_problems.insert(0, listed)
    content_problems.extend(_one_for_all(item, readable, comp_found))
    partial = _partial(item, primary) or _attachment_missing(item, primary, landing, g.unread) \
        or _order_only(item, primary, landing, g.unread)
    if partial is not None:
        content_problems.insert(0, partial)
    sources = _sources(primary, comp_found)  # the item's own documents that gave a component
    # an item only the agency's own document answers: whose documents they are, even when none gave a part (a
    # district's No Gift announcement whose signature is no นายก's)
    owned = sources or (list(primary) if item.evidence.own_only else [])
    other = _another_agency(agency, owned, item.evidence.own_only, _of_now(item)) \
        or _other_class(item, owned, agency, fiscal_year)
    if other is not None:
        content_problems.append(other)
    # not the document asked: a directive or draft, one project's report, the former executives (whose page may be the
    # landing page)
    not_it = _unfinished(item, sources) or _one_division(item, sources, agency) or _one_project(item, sources) \
        or _risks_elsewhere(item, sources) \
        or _grievances_elsewhere(item, sources, any(p.severity is not Status.PASS for p in content_problems)) \
        or _term_ended(item, fiscal_year, _sources(readable, comp_found)) or _plan_as_report(item, sources) \
        or _titled_for_other(item, sources) or _parts_from_other_item(item, sources) or _unit_only(sources, agency) \
        or _others_projects(sources) or _total_off(sources)
    if not_it is not None:
        content_problems.append(not_it)
    channel = _no_online_channel(item, readable, comp_found, agency)
    # a page of other bodies' systems already in doubt for saying so ("ลิงก์เชื่อมโยงบริการอิเล็กทรอนิกส์ของหน่วยงาน
    # ภาครัฐ": review24 b03, review25 c03) goes to a person for that: no second reason of the same cause
    if channel is not None and not (any(p.code == "component_doubted" for p in content_problems)
                                    and links_other_bodies(r.doc for r in readable)):
        content_problems.append(channel)
    unfilled = _unfilled_template(readable, sources) or _empty_table(primary)
    if unfilled is not None:
        content_problems.insert(0, unfilled)
    cover = _cover_problem(item, trails, landing, primary, agency)
    # a page taken for a cover that shows its document inside it, never fetched (`_shown_unread`): what it shows may be
    # the whole document, so a person looks, and nothing is called missing
    shown = _shown_unread(trails, primary) if cover is not None and cover.code == "cover_only" \
        and cover.severity is Status.FAIL else _attached_unread(cover, content_problems, trails, primary)
    shown_unread = bool(shown)
    if cover is not None or shown_unread:
        # (its own code, not `cover_only`: the page is no cover of nothing; the evidence names what the page shows,
        # for the person who opens it)
        content_problems.insert(0, reasons.make("shown_file_unread", link=shown[0], count=len(shown), evidence=(
            *(cover.evidence if cover is not None else (Evidence(url=primary[0].doc.url),)),
            *(Evidence(url=u) for u in shown[:3]))) if shown_unread or cover is None else cover)
    unsure = shown_unread or (cover is not None and cover.code in _NOT_READ_CODES and cover.severity is not Status.FAIL)
    if unsure or any(p.code in UNREAD_CODES for p in problems):
        # A document we could not read (or did not reach, or may open another time) may hold what the others
        # lack: never call that missing.
        content_problems = [replace(p, severity=Status.REVIEW) if p.severity is Status.FAIL else p
                            for p in content_problems]
    out = list(content_problems)
    found.extend(comp_found)

    dated = _dated_by(item, primary, readable, cache)
    lenders = _year_lenders(item, dated, cache) if dated is primary else []
    url_years = [y for t in trails for g_ in t.retrieved for m in years_in_url(g_.fetched.final_url)
                 for y in m.fiscal_years]
    fy_inferred = item.fiscal_year_confidence.is_guess
    # Likewise the year: a landing page saying "ประจำปี 2569" above an undated (maybe old) file is a clue.
    clues = year_clues(trails) + (_page_clues([*landing, *lenders], cache) if dated is not readable else [])
    located = _mentions(dated, cache)
    # the year of the documents that gave the parts, not of those beside them that only lend one (`_year_lenders`)
    year_located = _mentions([r for r in dated if r not in lenders], cache) if lenders else located
    events = [x for x in year_located if _held_day(x)] \
        if item.evidence.event_dated and item.fiscal_year_rule is FiscalYearRule.CURRENT else []
    fy_problems, fy_found = judge_fiscal_year(item.fiscal_year_rule, fiscal_year, year_located,
                                              url_years, inferred=fy_inferred, clues=clues,
                                              dated_activities=bool(item.fiscal_year_of), events=events,
                                              posts=_posts(item, year_located))
    fy_problems, fy_found = _parts_year_weighed(item, fiscal_year, dated, cache, fy_problems, fy_found)
    out.extend(_year_of_filled(unfilled, fy_problems))
    found.extend(fy_found)
    if not any(p.severity is Status.FAIL for p in fy_problems):
        held = _held_earlier(item, fiscal_year, dated, cache)
        if held is None and all(p.severity is Status.PASS for p in fy_problems):
            held = _ita_round_earlier(item, fiscal_year, located)  # the year itself is in doubt already: one reason
        if held is not None:
            out.append(held)
    out.extend(_cut_short(item, fiscal_year, dated, located, as_of))
    # a document signed, announced or telling of work done on a day after the check's (review54)
    # a month `months_missing` names already (only "ประจำเดือนมิถุนายน ๒๕๖๙", signed "๓๐ มิถุนายน ๒๕๖๙", checked 15 May:
    # review49 b23) is not told again
    told = {m for p in out if p.code == "months_missing" for m in str(p.detail.get("named_en", "")).split(", ")}
    out.extend(dated_after_check(located, as_of, monthly=item.evidence.monthly, told=told,
                                 events=item.evidence.event_dated))
    part = _part_year(item, fiscal_year, dated, bool(fy_found))
    if part is not None and not _month_form_told(part, out):
        unread = any(p.code in UNREAD_CODES for p in problems)
        out.append(replace(part, severity=Status.REVIEW) if unread else part)
    out.extend(_by_month(item, fiscal_year, dated, as_of, out))
    capped = [u for t in trails for u in t.unfollowed if u.capped]
    if capped and any(p.severity is Status.FAIL and p.code in _ABSENCE_CODES for p in out):
        # The trail stopped at its most URLs with links still chosen: what was not found (a part, this year's
        # document) may be behind them. What was found wrong (a broken link, a template left unfilled) stays.
        out = [replace(p, severity=Status.REVIEW) if p.severity is Status.FAIL and p.code in _ABSENCE_CODES else p
               for p in out]
        if not any(p.code == "follow_cap_reached" for p in out):
            out.insert(0, _cap_reason(capped))
    return out, found


def _posts(item: Item, located: Sequence[_Located]) -> list[_Located] | None:
    """The dates of a list of posts (`EvidenceRule.posts_dated`): days written in Buddhist or Christian era ("6 ต.ค.
    2568", "6 ตุลาคม 2025"); None for another item."""
    if not item.evidence.posts_dated:
        return None
    return [x for x in located if x.mention.date is not None
            and x.mention.kind in (MentionKind.DATE, MentionKind.CE)]


# What is not found, and may be behind links the follower's cap left unopened (`follow_cap_reached`).
_ABSENCE_CODES = frozenset({"missing_component", "cover_only", "front_matter_only", "stale_fiscal_year",
                            "no_fiscal_year", "fiscal_year_mismatch", "part_year_report"})


def finding_status(reason_list: Iterable[Reason]) -> Status:
    """The status of a finding from its reasons — the one place where it is computed.

    The worst severity wins (fail > error > review > pass). A reason left at `pass` (a remark) whose code is
    review-level or worse in the message catalogue still makes the finding `review`: a finding is never
    `pass` while one of its reasons says that a person must look."""
    levels = [_level(r) for r in reason_list]
    for status in _SEVERITY_ORDER:
        if status in levels:
            return status
    return Status.PASS


def _level(reason: Reason) -> Status:
    if reason.severity is not Status.PASS:
        return reason.severity
    spec = reasons.specs().get(reason.code)
    return Status.REVIEW if spec is not None and spec.severity is not Status.PASS else Status.PASS


def evaluate_item(item: Item, trails: Sequence[UrlTrail], fiscal_year: int, *, home: str | None = None,
                  cache: DocumentCache | None = None, agency: str = "", as_of: date | None = None) -> Finding:
    """The finding for `item` from what its `trails` gathered, in `fiscal_year`. `as_of`: the day of the check,
    which says the months a month-by-month item must already show (evaluate/months.py); None: only the months
    before the latest one named."""
    cache = cache if cache is not None else DocumentCache()
    item = item.for_fiscal_year(fiscal_year)
    base: dict[str, Any] = {"item": item.id, "indicator": item.indicator, "confidence": item.confidence,
                            "name_th": item.name_th, "name_en": item.name_en,
                            "urls": tuple(t.submitted for t in trails)}
    if not trails:
        return Finding(status=Status.FAIL, reasons=(reasons.make("not_submitted"),), **base)

    g = _gather(item, trails, home, cache)
    if not g.readable:
        status, status_reasons = _nothing_read(g, base["urls"])
        return Finding(status=status, reasons=tuple(_dedupe(status_reasons)), documents=tuple(g.seen_docs),
                       fetches=fetch_records(trails), **base)

    # Something was read: could-not-look problems on other URLs become notes to review.
    problems = [replace(p, severity=Status.REVIEW) if p.severity is Status.ERROR else p for p in g.problems]
    problems.extend(replace(a, severity=Status.REVIEW) for a in g.access)
    content, found = _judge_content(item, trails, fiscal_year, g, problems, cache, agency, as_of)
    problems = _weigh_external_evidence(problems + content)
    said = {str(p.detail.get("url")) for p in problems if p.code == "document_link_broken"}
    if said:  # the broken link is the verdict's reason now: not said again as a note
        problems = [p for p in problems if p.code != "linked_document_unreachable"
                    or not any(e.url in said for e in p.evidence)]

    if item.confidence is Confidence.UNKNOWN:
        problems.append(reasons.make("unconfirmed_rule", detail=item.notes or item.id))

    problems = _weigh_shells(problems, g.shells, others_read=any(r.doc.url not in g.shells for r in g.readable))
    problems = _dedupe(problems)
    return Finding(status=finding_status(problems), reasons=tuple(problems), found=tuple(found),
                   documents=tuple(dict.fromkeys(g.seen_docs)), fetches=fetch_records(trails), **base)


# What the pages lack may be in e-GP, which cannot be read: then it is not "missing", only unchecked.
_SOFTENED_BY_EGP = frozenset({"missing_component", "cover_only", "empty_page"})


def _weigh_external_evidence(problems: list[Reason]) -> list[Reason]:
    """An e-GP link on a procurement item softens content failures to review; when the pages already pass,
    it is only a remark (`egp_link_also`), never a review-level reason on a pass."""
    if not any(p.code == "egp_link" for p in problems):
        return problems
    out = [replace(p, severity=Status.REVIEW)
           if p.code in _SOFTENED_BY_EGP and p.severity is Status.FAIL else p for p in problems]
    if all(_level(p) is Status.PASS for p in out if p.code != "egp_link"):
        out = [reasons.make("egp_link_also", evidence=p.evidence) if p.code == "egp_link" else p for p in out]
    return out


def _weigh_shells(problems: list[Reason], shells: set[str], *, others_read: bool) -> list[Reason]:
    """A submitted page drawn by JavaScript and read as its empty shell decides nothing: the content problems
    its emptiness alone explains are dropped (the shell as "cover page") or become review, and the shell note
    itself is only a remark when other documents were read and they pass. Never a fail from a shell."""
    if not any(p.code in SHELL_CODES for p in problems):
        return problems
    out = []
    for p in problems:
        if p.code in ("cover_only", "empty_page") and (not p.evidence or all(e.url in shells for e in p.evidence)):
            continue
        if p.code in _CAUSED_BY_SHELL and p.severity is Status.FAIL:
            p = replace(p, severity=Status.REVIEW)
        out.append(p)
    if others_read and all(_level(p) is Status.PASS for p in out if p.code not in SHELL_CODES):
        # Beside documents that pass, the shell is a remark with a pass-level code of its own.
        out = [reasons.make("script_rendered_also", evidence=p.evidence, detail=str(p.detail.get("detail", "")))
               if p.code in SHELL_CODES else p for p in out]
    return out


def _dedupe(items: Iterable[Reason]) -> list[Reason]:
    out: list[Reason] = []
    keys: set[tuple[str, str]] = set()
    for r in items:
        key = (r.code, r.message_en + "|".join(e.url for e in r.evidence))
        if key not in keys:
            keys.add(key)
            out.append(r)
    return out
