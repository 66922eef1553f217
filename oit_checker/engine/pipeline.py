"""One agency: fetch → follow → extract → evaluate. The only place where the stages meet."""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import NamedTuple
from urllib.parse import urlsplit

from oit_checker.catalogue import reasons
from oit_checker.evaluate.item import DocumentCache, evaluate_item
from oit_checker.extract import ocr
from oit_checker.extract.pool import ExtractPool
from oit_checker.fetch.client import Fetcher
from oit_checker.follow import drive
from oit_checker.follow.choose import (
    Choice,
    FollowSettings,
    choose_links,
    download_worded,
    entry_relevance,
    page_relevance,
    relevance,
    says_nothing,
    target_years_for,
)
from oit_checker.follow.platforms import detect_platform, is_procurement, wp_record, wp_record_urls
from oit_checker.html import boilerplate
from oit_checker.html.facts import PageFacts, Placeholder, page_facts
from oit_checker.model import (
    Agency,
    AgencyResult,
    Catalogue,
    DocKind,
    Document,
    Evidence,
    Fetched,
    FetchError,
    Item,
    Link,
    Reason,
    Retrieved,
    Status,
    UrlTrail,
)
from oit_checker.text.clock import now_iso
from oit_checker.text.fiscal import MentionKind, find_year_mentions
from oit_checker.text.thai import display, normalize
from oit_checker.text.urls import canonical_drive, classify_external, looks_like_document, normalize_url

DEFAULT_AGENCY_BUDGET_S = 900.0




class Checker:
    """Checks agencies with one shared fetcher and extractor (so limits and caches span the run)."""

    def __init__(self, fetcher: Fetcher, extractor: ExtractPool, follow: FollowSettings | None = None, *,
                 agency_budget_s: float = DEFAULT_AGENCY_BUDGET_S,
                 clock: Callable[[], float] = time.monotonic,
                 on_progress: Callable[[str, str], None] | None = None) -> None:
        self.fetcher = fetcher
        self.extractor = extractor
        self.follow = follow or FollowSettings()
        self.agency_budget_s = agency_budget_s
        self._clock = clock
        self._cache: dict[str, asyncio.Task[tuple[Fetched, Document | None]]] = {}
        self._on_progress = on_progress
        self._raw_cache: dict[str, asyncio.Task[Fetched]] = {}
        self._facts_cache: dict[str, PageFacts] = {}
        self._wp_cache: dict[str, asyncio.Task[tuple[Document | None, Reason | None]]] = {}
        self._ocr_cache: dict[str, asyncio.Task[list[str]]] = {}

    async def _get(self, url: str, deadline: float | None) -> tuple[Fetched, Document | None]:
        """Fetch and extract once per URL per run, however many items point at it."""
        task = self._cache.get(url)
        if task is None:
            task = self._cache[url] = asyncio.ensure_future(self._fetch_extract(url, deadline))
        return await task

    async def _fetch_extract(self, url: str, deadline: float | None) -> tuple[Fetched, Document | None]:
        fetched = await self.fetcher.fetch(url, deadline=deadline)
        if self._on_progress:
            self._on_progress("fetched", url)
        if not fetched.ok or not fetched.body:
            return fetched, None
        fetched = await self._past_drive_warning(fetched, deadline)
        doc = await self.extractor.extract(fetched.body, fetched.final_url, fetched.content_type, fetched.charset)
        if doc.kind is not DocKind.HTML and not (doc.needs_ocr and self.follow.ocr):
            # Every URL's result stays cached for the run: keep a file's text and hash, not its bytes.
            fetched = replace(fetched, body=b"", body_sha256=hashlib.sha256(fetched.body).hexdigest())
        return fetched, doc

    async def _past_drive_warning(self, fetched: Fetched, deadline: float | None) -> Fetched:
        """Drive's "can't scan this file for viruses" page: submit its form once, as a person clicks
        "Download anyway". Anything else (or a second warning) is left for `_inspect` to report."""
        if not drive.is_google_host(fetched.final_url):
            return fetched
        page = drive.recognise(fetched)
        if page is None or page.kind != "confirm" or not page.follow:
            return fetched
        second = await self.fetcher.fetch(page.follow, deadline=deadline)
        if not second.ok or not second.body:
            return fetched
        return replace(second, url=fetched.url, redirects=(*fetched.redirects, page.follow, *second.redirects),
                       attempts=fetched.attempts + second.attempts)

    async def _raw(self, url: str, deadline: float | None) -> Fetched:
        """Fetch without extracting (API records), once per URL per run."""
        task = self._raw_cache.get(url)
        if task is None:
            task = self._raw_cache[url] = asyncio.ensure_future(self.fetcher.fetch(url, deadline=deadline))
        return await task

    def _facts(self, fetched: Fetched) -> PageFacts:
        facts = self._facts_cache.get(fetched.final_url)
        if facts is None:
            facts = self._facts_cache[fetched.final_url] = page_facts(fetched.body, fetched.final_url,
                                                                       fetched.charset)
        return facts

    async def _wordpress(self, doc: Document, facts: PageFacts, deadline: float | None
                         ) -> tuple[Document, Reason | None]:
        """The post/page read from its REST record (clean content, own title, `modified`); else `doc`."""
        if not self.follow.wordpress_api or detect_platform(doc.url, facts, doc.links) != "wordpress":
            return doc, None
        task = self._wp_cache.get(doc.url)
        if task is None:
            task = self._wp_cache[doc.url] = asyncio.ensure_future(self._wordpress_record(doc, facts, deadline))
        clean, note = await task
        if clean is None:
            return doc, None
        return replace(clean, parent=doc.parent, depth=doc.depth), note

    async def _wordpress_record(self, doc: Document, facts: PageFacts, deadline: float | None
                                ) -> tuple[Document | None, Reason | None]:
        for api in wp_record_urls(doc.url, facts, doc.links)[:2]:
            got = await self._raw(api, deadline)
            record = wp_record(got.body) if got.ok and got.body else None
            if record is None:
                continue
            clean = await self.extractor.extract(record.html.encode("utf-8"), doc.url, "text/html", "utf-8")
            if clean.error or (not clean.links and len(normalize(clean.text)) < len(normalize(doc.text))
                               and len(normalize(clean.text)) < _WP_MIN_CHARS):
                return None, None  # a page-builder or protected post: its HTML says more
            own = {link.url for link in clean.links}
            # Theme links (menus, related posts) stay followable by name, after the record's own.
            links = (*clean.links, *(link for link in doc.links if link.url not in own))
            clean = replace(clean, links=links, title=record.title or doc.title, charset=doc.charset,
                            charset_note=doc.charset_note)
            note = reasons.make("wordpress_record", modified=record.modified or "?",
                                evidence=(Evidence(url=api, snippet=record.title[:120]),))
            return clean, note
        return None, None

    async def _ocr_hint(self, item: Item, fetched: Fetched, doc: Document, targets: frozenset[int]
                        ) -> Reason | None:
        """What OCR reads in a scan or picture, quoted for the reviewer; never a verdict (see ocr.py)."""
        task = self._ocr_cache.get(fetched.url)
        if task is None:
            task = self._ocr_cache[fetched.url] = asyncio.ensure_future(
                asyncio.to_thread(ocr.read_pages, fetched.body, doc.kind))
        text = display(" ".join(await task))
        if len(normalize(text)) < _OCR_MIN_CHARS:
            return None
        norm = normalize(text)
        titled = any(normalize(p) in norm for p in (*item.title_phrases, item.name_th) if p)
        years = sorted({y for m in find_year_mentions(text) for y in m.fiscal_years})
        seen = [f"title {'found' if titled else 'not found'}",
                f"years {', '.join(map(str, years)) if years else 'none'}"]
        if targets and years and not set(years) & targets:
            seen.append("OCR often misreads Thai-digit years")
        return reasons.make("ocr_hint", detail=f"«{text[:160]}» ({'; '.join(seen)})",
                            evidence=(Evidence(url=doc.url, snippet=text[:300]),))

    async def _inspect(self, item: Item, fetched: Fetched, doc: Document | None, depth: int,
                       targets: frozenset[int], deadline: float | None
                       ) -> tuple[Document | None, PageFacts | None, list[Reason]]:
        """What one retrieved URL really is: Drive's answer instead of the file, a WordPress record, a scan."""
        notes: list[Reason] = []
        if depth == 0 and (scheme := _scheme_note(fetched)) is not None:
            notes.append(scheme)
        if doc is not None and drive.is_google_host(fetched.final_url):
            page = drive.recognise(fetched)
            if page is not None:
                notes.append(_drive_note(page, fetched, depth))
                return None, None, notes  # Drive's page is not the agency's document
        facts = None
        if doc is not None and doc.kind is DocKind.HTML and not doc.error:
            facts = self._facts(fetched)
            doc, wp_note = await self._wordpress(doc, facts, deadline)
            if wp_note is not None:
                notes.append(wp_note)
        if doc is not None and doc.needs_ocr and self.follow.ocr and fetched.body:
            hint = await self._ocr_hint(item, fetched, doc, targets)
            if hint is not None:
                notes.append(hint)
        return doc, facts, notes

    async def _safe_trail(self, item: Item, submitted: str, site: str, fiscal_year: int,
                          deadline: float | None) -> UrlTrail:
        """`_trail`, but a bug met on one URL becomes that URL's `error` finding: the run and the other
        URLs' results go on (cancellation still propagates)."""
        try:
            return await self._trail(item, submitted, site, fiscal_year, deadline)
        except Exception as exc:  # one bad URL never stops the run
            detail = f"{submitted}: {type(exc).__name__}: {exc}"[:300]
            return UrlTrail(submitted, (), (reasons.make("check_crashed", detail=detail,
                                                         evidence=(Evidence(url=submitted),)),))

    async def _trail(self, item: Item, submitted: str, site: str, fiscal_year: int,
                     deadline: float | None) -> UrlTrail:
        url, notes, stop = _entry_point(item, normalize_url(submitted))
        if stop:
            return UrlTrail(submitted, (), tuple(notes))
        targets = target_years_for(item, fiscal_year)
        retrieved: list[Retrieved] = []
        visited: set[str] = {url}
        level: list[_Step] = [_Step(url, None, None)]
        depth = 0
        while level and len(retrieved) < self.follow.max_total:
            results = await asyncio.gather(*(self._get(s.url, deadline) for s in level))
            results = [(f, replace(d, parent=s.parent, depth=depth) if d is not None and d.kind is DocKind.HTML else d)
                       for s, (f, d) in zip(level, results, strict=True)]
            inspected = await asyncio.gather(*(self._inspect(item, f, d, depth, targets, deadline)
                                               for f, d in results))
            next_level: list[_Step] = []
            for step, (fetched, _), (doc, facts, found) in zip(level, results, inspected, strict=True):
                if step.probe and doc is not None and doc.kind is DocKind.HTML and not _worth_keeping(item, doc):
                    continue  # a "ดาวน์โหลด" link that led to an unrelated page: no evidence, nothing to follow
                notes.extend(found)
                retrieved.append(Retrieved(fetched=fetched, document=doc, depth=depth, parent=step.parent,
                                           link=step.link))
                if doc is None or doc.kind is not DocKind.HTML or depth >= self.follow.max_depth:
                    continue
                choices = choose_links(doc, item, site, targets, self.follow, visited=visited, facts=facts)
                notes.extend(_page_notes(item, doc, facts, choices, depth, targets))
                for choice in choices:
                    target = choice.link.url
                    drive_ref = canonical_drive(target)
                    if drive_ref is not None and drive_ref.kind != "folder":
                        target = drive_ref.canonical
                    if target in visited:
                        continue
                    visited.add(target)
                    next_level.append(_Step(target, choice.link, doc.url, choice.probe))
            room = self.follow.max_total - len(retrieved)
            level = next_level[: max(room, 0)]
            depth += 1
        return UrlTrail(submitted, tuple(retrieved), tuple(notes))

    async def check(self, agency: Agency, catalogue: Catalogue, fiscal_year: int,
                    item_ids: Sequence[str] | None = None) -> AgencyResult:
        started = now_iso()
        deadline = self._clock() + self.agency_budget_s
        items = [i for i in catalogue.items if item_ids is None or i.id in item_ids]
        site = agency.home or next((u for urls in agency.items.values() for u in urls), "")

        async def trails_for(item: Item) -> tuple[str, tuple[UrlTrail, ...]]:
            urls = agency.items.get(item.id, ())
            got = await asyncio.gather(*(self._safe_trail(item, u, site, fiscal_year, deadline) for u in urls))
            return item.id, tuple(got)

        home_task = asyncio.ensure_future(self._get(normalize_url(agency.home), deadline)) if agency.home else None
        try:
            gathered = dict(await asyncio.gather(*(trails_for(i) for i in items)))
            reference: list[Document] = []
            if home_task is not None:
                _, home_doc = await home_task
                if home_doc is not None:
                    reference.append(home_doc)
        finally:
            # A cancelled check must not leave the home-page fetch running past the run (and its client).
            if home_task is not None and not home_task.done():
                home_task.cancel()
        gathered = _strip_templates(gathered, reference)
        gathered = _mark_duplicates(gathered)
        documents = DocumentCache()
        findings = tuple(evaluate_item(item, gathered.get(item.id, ()), fiscal_year, home=agency.home,
                                       cache=documents) for item in items)
        fetched_urls = {g.fetched.url for trails in gathered.values() for t in trails for g in t.retrieved}
        docs = {g.fetched.final_url for trails in gathered.values() for t in trails for g in t.retrieved
                if g.document is not None}
        hashes = {g.fetched.final_url: _content_hash(g) for trails in gathered.values() for t in trails
                  for g in t.retrieved if g.fetched.ok and (g.fetched.body or g.fetched.body_sha256)}
        # Incomplete when the agency's time budget cut any fetch short, at any depth (a linked file too).
        complete = not any(x.error == FetchError.TIMEOUT.value and "budget" in x.detail
                           for f in findings for x in f.fetches)
        return AgencyResult(agency=agency, fiscal_year=fiscal_year, findings=findings, started_at=started,
                            finished_at=now_iso(), urls_fetched=len(fetched_urls), documents_read=len(docs),
                            complete=complete, trails=gathered, document_hashes=hashes)


def _content_hash(got: Retrieved) -> str:
    """sha256 of the text read (template lines already stripped), else of the bytes.

    Hashing the text keeps a page's visitor counter or a re-exported PDF's new timestamp from showing up as
    "document changed" every night in the history diff.
    """
    doc = got.document
    if doc is not None and not doc.error and any(doc.pages):
        return hashlib.sha256("\n".join(doc.pages).encode("utf-8")).hexdigest()
    return got.fetched.body_sha256 or hashlib.sha256(got.fetched.body).hexdigest()


class _Step(NamedTuple):
    url: str
    link: Link | None
    parent: str | None
    probe: bool = False  # a download-worded link of unknown kind: kept only if it proves to be evidence


_WP_MIN_CHARS = 40  # a REST record shorter than this, with no links, is an empty shell of a page builder
_OCR_MIN_CHARS = 20


def _entry_point(item: Item, url: str) -> tuple[str, list[Reason], bool]:
    """(URL to fetch, notes, stop) for a submitted URL: viewers unwrapped, Drive canonical, systems we
    cannot read reported with their name instead of fetched."""
    ev = (Evidence(url=url),)
    drive_ref = canonical_drive(url)
    if drive_ref is not None:
        if drive_ref.kind == "folder":
            return url, [reasons.make("drive_folder", evidence=ev)], True
        return drive_ref.canonical, [], False
    external = classify_external(url)
    if external is None:
        return url, [], False
    if external.checkable and external.canonical:
        inner = canonical_drive(external.canonical)  # a Docs viewer around a Drive link
        if inner is not None and inner.kind == "folder":
            return url, [reasons.make("drive_folder", evidence=ev)], True
        return (inner.canonical if inner else external.canonical), [], False
    if external.service == "FlowPaper":
        return url, [reasons.make("viewer_only", evidence=ev, detail="FlowPaper")], True
    if external.service == "e-GP" and _procurement(item):
        return url, [reasons.make("egp_link", evidence=ev)], True
    return url, [reasons.make("external_system", evidence=ev, detail=external.service)], True


def _procurement(item: Item) -> bool:
    return is_procurement(item.name_th, item.name_en, *item.title_phrases)


def _scheme_note(fetched: Fetched) -> Reason | None:
    """Which scheme worked when the submitted one did not (the fetcher tried the other)."""
    if not fetched.ok:
        return None
    failed, worked = urlsplit(fetched.url).scheme, urlsplit(fetched.final_url).scheme
    if failed == worked or not fetched.error_detail.endswith(f"{worked} worked"):
        return None
    # Browsers upgrade a failing http link to https by themselves; nothing falls back from https to http.
    severity = Status.PASS if (failed, worked) == ("http", "https") else Status.REVIEW
    return reasons.make("scheme_fallback", failed=failed, worked=worked, severity=severity,
                        evidence=(Evidence(url=fetched.url, snippet=fetched.error_detail[:200]),))


def _drive_note(page: drive.DrivePage, fetched: Fetched, depth: int) -> Reason:
    ev = (Evidence(url=fetched.url, snippet=fetched.final_url if fetched.final_url != fetched.url else ""),)
    if page.kind in ("sign_in", "no_access"):
        detail = "Google Drive: sign-in page" if page.kind == "sign_in" else "Google Drive: 'You need access'"
        # Submitted: the assessor sees the wall too. Linked from a page: the page may hold enough.
        return reasons.make("drive_private", detail=detail, evidence=ev,
                            severity=None if depth == 0 else Status.REVIEW)
    if page.kind == "folder":
        return reasons.make("drive_folder", evidence=ev)
    return reasons.make("drive_interstitial", evidence=ev)


def _worth_keeping(item: Item, doc: Document) -> bool:
    """A page reached by a download-worded link is evidence when it is about the item or offers files."""
    if page_relevance(item, doc) > 0:
        return True
    return any(not link.chrome and (link.via.startswith(("viewer:", "drive", "object", "embed"))
                                    or looks_like_document(link.url)) for link in doc.links)


def _page_notes(item: Item, doc: Document, facts: PageFacts | None, choices: Sequence[Choice], depth: int,
                targets: frozenset[int]) -> list[Reason]:
    notes: list[Reason] = []
    for link in doc.links:
        if link.chrome or (facts is not None and facts.in_chrome(link.url)):
            continue
        if link.via.startswith("viewer-only"):
            notes.append(reasons.make("viewer_only", evidence=(Evidence(url=link.url),), detail=link.via))
        elif link.via == "drive-folder":
            notes.append(reasons.make("drive_folder", evidence=(Evidence(url=link.url),)))
    if facts is not None:
        notes.extend(_placeholder_notes(item, doc, facts, choices, depth))
        notes.extend(_reused_url_notes(facts, choices, targets))
    notes.extend(_external_notes(item, doc, choices, depth))
    return notes


def _holder_label(holders: Sequence[Placeholder]) -> str:
    shown = []
    for p in holders[:3]:
        label = (p.text or p.context)[:60]
        target = "หน้าเดิม (self)" if p.reason == "self" else (p.raw or "(ว่าง)")
        shown.append(f"\"{label}\" → {target}")
    return "; ".join(shown) + (f" … +{len(holders) - 3}" if len(holders) > 3 else "")


def _placeholder_notes(item: Item, doc: Document, facts: PageFacts, choices: Sequence[Choice],
                       depth: int) -> list[Reason]:
    """Links that name the item (or say "download") with nothing behind them: `#`, `javascript:`, self."""
    holders = facts.content_placeholders()
    named = [p for p in holders
             if relevance(item, p.text, "") or (says_nothing(p.text) and entry_relevance(item, p.context))]
    worded = [p for p in holders if p not in named and download_worded(p.text)]
    ev = (Evidence(url=doc.url, snippet=_holder_label(named + worded)[:200]),)
    if depth == 0 and not choices and (named or worded):
        # Nothing else to follow: the page is the evidence, and if it holds little, the links were all.
        thin = len(normalize(doc.text)) < item.evidence.min_chars
        return [reasons.make("placeholder_link", detail=_holder_label(named + worded), evidence=ev,
                             severity=Status.FAIL if thin else Status.REVIEW)]
    if named and depth <= 1:
        return [reasons.make("placeholder_link", detail=_holder_label(named), evidence=ev, severity=Status.REVIEW)]
    return []


_LABEL_KINDS = frozenset({MentionKind.FISCAL, MentionKind.BARE, MentionKind.RANGE})


def _label_years(text: str) -> frozenset[int]:
    return frozenset(y for m in find_year_mentions(text) if m.kind in _LABEL_KINDS for y in m.fiscal_years)


def _reused_url_notes(facts: PageFacts, choices: Sequence[Choice], targets: frozenset[int]) -> list[Reason]:
    """One URL under two year labels ("ITA 2566" and "ITA 2567" → /ITA/2567/): one of them is wrong."""
    chosen = {c.link.url for c in choices}
    out: list[Reason] = []
    for url in dict.fromkeys(a.url for a in facts.anchors):
        labels = facts.labels(url)
        if len(labels) < 2:
            continue
        sets = [s for s in (_label_years(t) for t in labels) if s]
        if not any(a.isdisjoint(b) for i, a in enumerate(sets) for b in sets[i + 1:]):
            continue
        named = frozenset().union(*sets)
        if url not in chosen and not named & targets:
            continue
        out.append(reasons.make("same_url_two_years", years=", ".join(map(str, sorted(named))),
                                detail=" / ".join(labels)[:160], evidence=(Evidence(url=url),)))
    return out


def _external_notes(item: Item, doc: Document, choices: Sequence[Choice], depth: int) -> list[Reason]:
    """Systems the checker cannot read, named: e-GP for procurement items, social media on a bare page."""
    found = []
    for link in doc.links:
        if link.chrome or canonical_drive(link.url) is not None:
            continue
        ext = classify_external(link.url)
        if ext is not None and not ext.checkable:
            found.append((link, ext.service))
    out: list[Reason] = []
    procurement = _procurement(item)
    egp = [link for link, service in found if service == "e-GP"]
    if procurement and egp and depth <= 1:
        out.append(reasons.make("egp_link", evidence=tuple(Evidence(url=x.url, snippet=x.text[:120])
                                                           for x in egp[:3])))
    others = [(link, service) for link, service in found if not (procurement and service == "e-GP")]
    if depth == 0 and not choices and others and len(normalize(doc.text)) < item.evidence.min_chars:
        # The page's only pointers lead into systems we cannot read: say which, rather than "empty".
        out.append(reasons.make("external_system", detail=", ".join(dict.fromkeys(s for _, s in others)),
                                evidence=tuple(Evidence(url=x.url, snippet=x.text[:120]) for x, _ in others[:3])))
    return out


def _strip_templates(gathered: dict[str, tuple[UrlTrail, ...]], reference: list[Document]
                     ) -> dict[str, tuple[UrlTrail, ...]]:
    pages = {g.document.url: g.document for trails in gathered.values() for t in trails for g in t.retrieved
             if g.document is not None}
    template = boilerplate.template_lines(list(pages.values()), reference)
    if not any(template.values()):
        return gathered

    def fix(g: Retrieved) -> Retrieved:
        if g.document is None:
            return g
        return replace(g, document=boilerplate.strip(g.document, template))

    return {item: tuple(replace(t, retrieved=tuple(fix(g) for g in t.retrieved)) for t in trails)
            for item, trails in gathered.items()}


def _mark_duplicates(gathered: dict[str, tuple[UrlTrail, ...]]) -> dict[str, tuple[UrlTrail, ...]]:
    """One URL submitted for two items is rarely right (a placeholder, or the wrong year's page)."""
    owners: dict[str, list[str]] = {}
    for item, trails in gathered.items():
        for t in trails:
            owners.setdefault(normalize_url(t.submitted), []).append(item)
    out: dict[str, tuple[UrlTrail, ...]] = {}
    for item, trails in gathered.items():
        fixed = []
        for t in trails:
            others = [o for o in owners[normalize_url(t.submitted)] if o != item]
            if others:
                note = reasons.make("duplicate_url", other=", ".join(dict.fromkeys(others)),
                                    evidence=(Evidence(url=t.submitted),), severity=Status.REVIEW)
                t = replace(t, notes=(*t.notes, note))
            fixed.append(t)
        out[item] = tuple(fixed)
    return out
