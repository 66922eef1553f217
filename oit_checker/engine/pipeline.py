"""One agency: fetch → follow → extract → evaluate. The only place where the stages meet."""

from __future__ import annotations

import asyncio
import contextvars
import hashlib
import itertools
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import NamedTuple

from oit_checker.evaluate import notes as judge
from oit_checker.evaluate.item import DocumentCache, evaluate_item
from oit_checker.extract import ocr
from oit_checker.extract.pool import ExtractPool
from oit_checker.fetch.client import Fetcher
from oit_checker.fetch.render import Renderer
from oit_checker.follow import drive
from oit_checker.follow.choose import (
    FollowSettings,
    choose_links,
    page_relevance,
    target_years_for,
)
from oit_checker.follow.platforms import detect_platform, wp_record, wp_record_urls
from oit_checker.html import boilerplate
from oit_checker.html.facts import PageFacts, page_facts
from oit_checker.html.spa import is_bundle
from oit_checker.model import (
    Agency,
    AgencyResult,
    Catalogue,
    DocKind,
    Document,
    Fetched,
    FetchError,
    Finding,
    Item,
    Link,
    Reason,
    Retrieved,
    UrlTrail,
)
from oit_checker.text.clock import monotonic, now_iso
from oit_checker.text.fiscal import find_year_mentions
from oit_checker.text.thai import display, normalize
from oit_checker.text.urls import canonical_drive, host_of, looks_like_document, normalize_url, same_site, split_route

DEFAULT_AGENCY_BUDGET_S = 900.0
# The agency being checked, for the renderer: one browser context per agency. A context variable: set once in
# `check`, it follows every task the check starts.
_RENDER_GROUP: contextvars.ContextVar[str] = contextvars.ContextVar("oit_render_group", default="")

# Whether the agency being checked may reach private addresses (its manifest's `allow_private`). A context
# variable: set once in `check`, it follows every task the check starts, and only those.
_ALLOW_PRIVATE: contextvars.ContextVar[bool] = contextvars.ContextVar("oit_allow_private", default=False)




class Checker:
    """Checks agencies with one shared fetcher and extractor (so limits and caches span the run)."""

    def __init__(self, fetcher: Fetcher, extractor: ExtractPool, follow: FollowSettings | None = None, *,
                 agency_budget_s: float = DEFAULT_AGENCY_BUDGET_S,
                 clock: Callable[[], float] = monotonic,
                 on_progress: Callable[[str, str], None] | None = None,
                 renderer: Renderer | None = None,
                 evaluation_min_s: float | None = None) -> None:
        self.fetcher = fetcher
        self.renderer = renderer  # `--render`: pages drawn by JavaScript are read as a browser draws them
        self.extractor = extractor
        self.follow = follow or FollowSettings()
        self.agency_budget_s = agency_budget_s
        self.evaluation_min_s = EVALUATION_MIN_S if evaluation_min_s is None else evaluation_min_s
        self._clock = clock
        # Keyed by (URL, private allowed): an intranet agency's answer is never handed to another agency.
        self._cache: dict[tuple[str, bool], asyncio.Task[tuple[Fetched, Document | None]]] = {}
        self._served: dict[tuple[str, bool], asyncio.Task[tuple[Fetched, Document | None]]] = {}
        self._groups = itertools.count(1)
        self._on_progress = on_progress
        self._raw_cache: dict[tuple[str, bool], asyncio.Task[Fetched]] = {}
        self._facts_cache: dict[str, PageFacts] = {}
        self._wp_cache: dict[str, asyncio.Task[tuple[Document | None, Reason | None]]] = {}
        self._ocr_cache: dict[str, asyncio.Task[list[str]]] = {}

    async def _get(self, url: str, deadline: float | None) -> tuple[Fetched, Document | None]:
        """Fetch and extract (and render, with `--render`) once per URL per run, however many items point at it.

        An app route (`https://x/#/ita/o6`) is a page of its own, but the server only ever sees `https://x/`:
        that is fetched once for all its routes, and each route is read as its own page."""
        key = (url, _ALLOW_PRIVATE.get())
        task = self._cache.get(key)
        if task is None:
            task = self._cache[key] = asyncio.ensure_future(self._page(url, deadline))
        return await task

    async def _page(self, url: str, deadline: float | None) -> tuple[Fetched, Document | None]:
        served, route = split_route(url)
        fetched, doc = await self._served_page(served, deadline)
        if route:
            at = f"{split_route(fetched.final_url)[0]}#{route}"
            fetched = replace(fetched, url=url, final_url=at)
            doc = replace(doc, url=at) if doc is not None else None
        if doc is not None and doc.script_rendered and self.renderer is not None and fetched.body:
            fetched, doc = await self._render(fetched, doc, deadline)
        return fetched, doc

    async def _served_page(self, url: str, deadline: float | None) -> tuple[Fetched, Document | None]:
        """What the server sends for `url`, fetched and extracted once per run."""
        key = (url, _ALLOW_PRIVATE.get())
        task = self._served.get(key)
        if task is None:
            task = self._served[key] = asyncio.ensure_future(self._fetch_extract(url, deadline))
        return await task

    async def _render(self, fetched: Fetched, shell: Document, deadline: float | None
                      ) -> tuple[Fetched, Document]:
        """The page as a headless browser draws it, read like any other page; the shell if that fails."""
        assert self.renderer is not None
        cdn = frozenset(host_of(link.url) for link in shell.links if link.via in ("script", "link")
                        and is_bundle(link.url) and not same_site(link.url, shell.url))
        got = await self.renderer.render(
            fetched.final_url, fetched.body, fetched.headers.get("content-type", "") or "text/html",
            fetch=lambda asset: self._raw(asset, deadline), deadline=deadline, group=_RENDER_GROUP.get(),
            asset_hosts=cdn)
        if self._on_progress:
            self._on_progress("rendered", fetched.final_url)
        if got.html is None:
            return fetched, replace(shell, render_note=got.note)
        body = got.html.encode("utf-8")
        drawn = await self.extractor.extract(body, fetched.final_url, "text/html", "utf-8")
        drawn = replace(drawn, rendered=True, render_note=got.note, parent=shell.parent, depth=shell.depth)
        return replace(fetched, body=body, content_type="text/html", charset="utf-8"), drawn

    async def _fetch_extract(self, url: str, deadline: float | None) -> tuple[Fetched, Document | None]:
        fetched = await self.fetcher.fetch(url, deadline=deadline, allow_private=_ALLOW_PRIVATE.get())
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
        second = await self.fetcher.fetch(page.follow, deadline=deadline, allow_private=_ALLOW_PRIVATE.get())
        if not second.ok or not second.body:
            return fetched
        return replace(second, url=fetched.url, redirects=(*fetched.redirects, page.follow, *second.redirects),
                       attempts=fetched.attempts + second.attempts)

    async def _raw(self, url: str, deadline: float | None) -> Fetched:
        """Fetch without extracting (API records), once per URL per run."""
        key = (url, _ALLOW_PRIVATE.get())
        task = self._raw_cache.get(key)
        if task is None:
            task = self._raw_cache[key] = asyncio.ensure_future(
                self.fetcher.fetch(url, deadline=deadline, allow_private=key[1]))
        return await task

    def _facts(self, fetched: Fetched) -> PageFacts:
        facts = self._facts_cache.get(fetched.final_url)
        if facts is None:
            # The head of a huge page is enough for its facts (generator, REST links, body class).
            facts = self._facts_cache[fetched.final_url] = page_facts(fetched.body[:_FACTS_BYTES],
                                                                       fetched.final_url, fetched.charset)
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
            note = judge.wordpress_note(api, record.title, record.modified)
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
        return judge.ocr_note(f"«{text[:160]}» ({'; '.join(seen)})", doc.url, text)

    async def _inspect(self, item: Item, fetched: Fetched, doc: Document | None, depth: int,
                       targets: frozenset[int], deadline: float | None
                       ) -> tuple[Document | None, PageFacts | None, list[Reason]]:
        """What one retrieved URL really is: Drive's answer instead of the file, a WordPress record, a scan."""
        notes: list[Reason] = []
        if depth == 0 and (scheme := judge.scheme_note(fetched)) is not None:
            notes.append(scheme)
        if doc is not None and doc.truncated:
            notes.append(judge.truncated_note(doc))
        if doc is not None and drive.is_google_host(fetched.final_url):
            page = drive.recognise(fetched)
            if page is not None:
                notes.append(judge.drive_note(page, fetched, depth))
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
            return UrlTrail(submitted, (), (judge.crashed_note(submitted, exc),))

    async def _trail(self, item: Item, submitted: str, site: str, fiscal_year: int,
                     deadline: float | None) -> UrlTrail:
        url, notes, stop = judge.entry_point(item, normalize_url(submitted))
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
                notes.extend(judge.page_notes(item, doc, facts, choices, depth, targets))
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
        group = f"{agency.name} #{next(self._groups)}"
        _RENDER_GROUP.set(group)
        _ALLOW_PRIVATE.set(agency.allow_private)
        deadline = self._clock() + self.agency_budget_s
        items = judge.checked_items(catalogue, agency, item_ids)
        site = agency.home or next((u for urls in agency.items.values() for u in urls), "")

        async def trails_for(item: Item) -> tuple[str, tuple[UrlTrail, ...]]:
            submitted = agency.items.get(item.id, ())
            urls = submitted[: item.evidence.max_urls]  # the catalogue's limit: the rest is reported, not fetched
            got = await asyncio.gather(*(self._safe_trail(item, u, site, fiscal_year, deadline) for u in urls))
            if self._on_progress:
                self._on_progress("item", item.id)  # every URL of the item fetched and read
            extra = judge.too_many_urls(item, submitted)
            return item.id, tuple(got) + ((extra,) if extra is not None else ())

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
            if self.renderer is not None:
                await self.renderer.release(group)
        gathered, findings, judged = await self._judge(items, gathered, reference, fiscal_year, agency.home,
                                                       deadline)
        fetched_urls = {g.fetched.url for trails in gathered.values() for t in trails for g in t.retrieved}
        docs = {g.fetched.final_url for trails in gathered.values() for t in trails for g in t.retrieved
                if g.document is not None}
        hashes = {g.fetched.final_url: _content_hash(g) for trails in gathered.values() for t in trails
                  for g in t.retrieved if g.fetched.ok and (g.fetched.body or g.fetched.body_sha256)}
        # Incomplete when the agency's time budget cut any fetch short, at any depth (a linked file too).
        complete = judged and not any(x.budget_cut and x.error is FetchError.TIMEOUT for f in findings
                                      for x in f.fetches)
        return AgencyResult(agency=agency, fiscal_year=fiscal_year, findings=findings, started_at=started,
                            finished_at=now_iso(), urls_fetched=len(fetched_urls), documents_read=len(docs),
                            complete=complete, trails=gathered, document_hashes=hashes)


    async def _judge(self, items: list[Item], gathered: dict[str, tuple[UrlTrail, ...]],
                     reference: list[Document], fiscal_year: int, home: str | None, deadline: float
                     ) -> tuple[dict[str, tuple[UrlTrail, ...]], tuple[Finding, ...], bool]:
        """(gathered, findings, judged in time). Evaluation runs on an extraction worker, bounded by what is
        left of the agency's budget (at least EVALUATION_MIN_S): a rule pattern that backtracks forever or
        a huge document costs that worker, never this process, where every other agency is being fetched.
        Past the bound every item is `error` (timeout) and the agency is incomplete."""
        light = _without_bodies(gathered)  # the bodies are not evaluated; the worker need not get them
        args = (items, light, reference, fiscal_year, home)
        call = getattr(self.extractor, "call", None)
        if call is None:
            return (*judge_agency(*args), True)
        timeout = max(deadline - self._clock(), self.evaluation_min_s)
        try:
            judged, findings = await call(judge_agency, *args, timeout=timeout)
        except TimeoutError:
            return light, judge.evaluation_timeout(items, light, timeout), False
        return judged, findings, True


def judge_agency(items: Sequence[Item], gathered: dict[str, tuple[UrlTrail, ...]], reference: list[Document],
                 fiscal_year: int, home: str | None) -> tuple[dict[str, tuple[UrlTrail, ...]], tuple[Finding, ...]]:
    """Everything decided from what was gathered (pure; runs on an extraction worker): site template lines
    removed, duplicate URLs marked, every item evaluated."""
    gathered = _strip_templates(gathered, reference)
    gathered = judge.mark_duplicates(gathered)
    documents = DocumentCache()
    findings = tuple(evaluate_item(item, gathered.get(item.id, ()), fiscal_year, home=home, cache=documents)
                     for item in items)
    return gathered, findings


def _without_bodies(gathered: dict[str, tuple[UrlTrail, ...]]) -> dict[str, tuple[UrlTrail, ...]]:
    def light(g: Retrieved) -> Retrieved:
        f = g.fetched
        if not f.body:
            return g
        return replace(g, fetched=replace(f, body=b"", body_sha256=f.body_sha256 or hashlib.sha256(f.body).hexdigest()))

    return {item: tuple(replace(t, retrieved=tuple(light(g) for g in t.retrieved)) for t in trails)
            for item, trails in gathered.items()}


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
_FACTS_BYTES = 2 * 1024 * 1024  # of a page's HTML read for its facts
EVALUATION_MIN_S = 30.0  # evaluation may run this long even when fetching used the whole agency budget
_OCR_MIN_CHARS = 20


def _worth_keeping(item: Item, doc: Document) -> bool:
    """A page reached by a download-worded link is evidence when it is about the item or offers files."""
    if page_relevance(item, doc) > 0:
        return True
    return any(not link.chrome and (link.via.startswith(("viewer:", "drive", "object", "embed"))
                                    or looks_like_document(link.url)) for link in doc.links)


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


