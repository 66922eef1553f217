"""One agency: fetch → follow → extract → evaluate. The only place where the stages meet."""

from __future__ import annotations

import asyncio
import contextvars
import hashlib
import itertools
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import NamedTuple, TypeVar

from oit_checker.engine.reuse import Prior, Reread, also_asked_of, content_hashes, rehashed, reused
from oit_checker.evaluate import notes as judge
from oit_checker.extract import ocr
from oit_checker.extract.pool import ByName, ExtractPool
from oit_checker.extract.sniff import detect_kind
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
from oit_checker.html.facts import PageFacts, page_facts
from oit_checker.html.spa import detect_shell, is_bundle
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
    Unfollowed,
    UrlTrail,
)
from oit_checker.text.clock import monotonic, now_iso
from oit_checker.text.fiscal import find_year_mentions
from oit_checker.text.thai import display, normalize
from oit_checker.text.urls import canonical_drive, host_of, looks_like_document, normalize_url, same_site, split_route

DEFAULT_AGENCY_BUDGET_S = 900.0
_T = TypeVar("_T")
_UNFOLLOWED_KEPT = 5  # document links left at the depth limit, recorded per submitted URL


async def _each(awaitables: Sequence[Awaitable[_T]]) -> list[_T]:
    """`asyncio.gather` of `awaitables`, with a lone one awaited in place: most trails start from one URL and
    most items have one, and gathering one still makes it a task (≈18 µs more each, ≈12,000 times in a
    night of 100 agencies). Its result, exception and cancellation are the same either way."""
    if len(awaitables) == 1:
        return [await awaitables[0]]
    return list(await asyncio.gather(*awaitables))


# Evaluation (engine/judge.py `judge_agency`), named rather than imported: it runs on the extraction workers,
# which import it as they start (`RunOptions.extract_pool`'s preload); this process never needs its modules.
JUDGE = ByName("oit_checker.engine.judge", "judge_agency")
# The agency being checked, for the renderer: one browser context per agency. A context variable: set once in
# `check`, it follows every task the check starts.
_RENDER_GROUP: contextvars.ContextVar[str] = contextvars.ContextVar("oit_render_group", default="")

# Whether the agency being checked may reach private addresses (its manifest's `allow_private`). A context
# variable: set once in `check`, it follows every task the check starts, and only those.
_ALLOW_PRIVATE: contextvars.ContextVar[bool] = contextvars.ContextVar("oit_allow_private", default=False)


@dataclass
class _Scope:
    """What one agency's check fetched and read, once per URL however many items point at it. One per
    `check` (a context variable, like `_ALLOW_PRIVATE`): it goes when the agency is done, so a run's memory
    does not grow with the number of agencies. (Another agency's copy of a shared file is asked again:
    the HTTP and extraction caches answer it.)"""

    pages: dict[tuple[str, bool], asyncio.Task[tuple[Fetched, Document | None]]] = field(default_factory=dict)
    served: dict[tuple[str, bool], asyncio.Task[tuple[Fetched, Document | None]]] = field(default_factory=dict)
    raw: dict[tuple[str, bool], asyncio.Task[Fetched]] = field(default_factory=dict)
    facts: dict[str, PageFacts] = field(default_factory=dict)
    wordpress: dict[str, asyncio.Task[tuple[Document | None, Reason | None, tuple[tuple[str, str], ...]]]] = (
        field(default_factory=dict))
    ocr: dict[str, asyncio.Task[list[str]]] = field(default_factory=dict)
    # URLs whose document is more than their own bytes (drawn by a browser, a WordPress REST record, a scan
    # read by OCR): never "unchanged" for reuse, whatever the server said.
    unsure: set[str] = field(default_factory=set)
    # New bytes that read as last night's (`Checker._same_readings`), as found by this agency's replay.
    rereads: frozenset[Reread] = frozenset()

    def close(self) -> None:
        """Let go of what the agency gathered. Its tasks hold the context that holds this scope: left alone,
        every page and document of the agency would wait in that reference cycle for the garbage collector's
        slowest pass (which then takes most of the collector's time in a nightly audit)."""
        for tasks in (self.pages, self.served, self.raw, self.wordpress, self.ocr):
            tasks.clear()
        self.facts.clear()


_SCOPE: contextvars.ContextVar[_Scope | None] = contextvars.ContextVar("oit_scope", default=None)




class Checker:
    """Checks agencies with one shared fetcher and extractor (so limits and caches span the run)."""

    def __init__(self, fetcher: Fetcher, extractor: ExtractPool, follow: FollowSettings | None = None, *,
                 agency_budget_s: float = DEFAULT_AGENCY_BUDGET_S,
                 clock: Callable[[], float] = monotonic,
                 on_progress: Callable[[str, str], None] | None = None,
                 renderer: Renderer | None = None,
                 evaluation_min_s: float | None = None, evaluation_parts: int = 1, as_of: date | None = None) -> None:
        self.fetcher = fetcher
        self.renderer = renderer  # `--render`: pages drawn by JavaScript are read as a browser draws them
        self.extractor = extractor
        self.follow = follow or FollowSettings()
        self.agency_budget_s = agency_budget_s
        self.evaluation_min_s = EVALUATION_MIN_S if evaluation_min_s is None else evaluation_min_s
        self.evaluation_parts = max(1, evaluation_parts)
        self.as_of = as_of  # the day of the check, for evaluation (engine/session.py `RunOptions.as_of`)
        self._clock = clock
        self._groups = itertools.count(1)
        self._on_progress = on_progress
        # Used outside `check` only (tests that call the stages directly).
        self._outside = _Scope()

    def _scope(self) -> _Scope:
        """This agency's caches. Keyed by (URL, private allowed) where an answer could depend on it."""
        return _SCOPE.get() or self._outside

    async def _get(self, url: str, deadline: float | None) -> tuple[Fetched, Document | None]:
        """Fetch and extract (and render, with `--render`) once per URL per run, however many items point at it.

        An app route (`https://x/#/ita/o6`) is a page of its own, but the server only ever sees `https://x/`:
        that is fetched once for all its routes, and each route is read as its own page."""
        key = (url, _ALLOW_PRIVATE.get())
        pages = self._scope().pages
        task = pages.get(key)
        if task is None:
            task = pages[key] = asyncio.ensure_future(self._page(url, deadline))
        return await task

    async def _page(self, url: str, deadline: float | None) -> tuple[Fetched, Document | None]:
        served, route = split_route(url)
        fetched, doc = await self._served_page(served, deadline)
        if route:
            at = f"{split_route(fetched.final_url)[0]}#{route}"
            fetched = replace(fetched, url=url, final_url=at)
            doc = replace(doc, url=at) if doc is not None else None
        if doc is not None and doc.script_rendered and self.renderer is not None and fetched.body:
            # Drawn or not, what a browser makes of the page is more than its bytes: never "unchanged".
            self._scope().unsure.update((url, fetched.url, fetched.final_url))
            fetched, doc = await self._render(fetched, doc, deadline)
        return fetched, doc

    async def _served_page(self, url: str, deadline: float | None) -> tuple[Fetched, Document | None]:
        """What the server sends for `url`, fetched and extracted once per run."""
        key = (url, _ALLOW_PRIVATE.get())
        served = self._scope().served
        task = served.get(key)
        if task is None:
            task = served[key] = asyncio.ensure_future(self._fetch_extract(url, deadline))
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
        # The drawn DOM decides whether the app drew nothing: read as a server's page, it would still count the
        # <noscript> the browser kept (never shown) and the menu's app-route links as signs of an empty shell.
        still = detect_shell(got.html, fetched.final_url, drawn=True) if drawn.script_shell else ""
        drawn = replace(drawn, script_shell=still, rendered=True, render_note=got.note, parent=shell.parent,
                        depth=shell.depth)
        return replace(fetched, body=body, content_type="text/html", charset="utf-8"), drawn

    async def _fetch_extract(self, url: str, deadline: float | None) -> tuple[Fetched, Document | None]:
        asked = self._scope().raw.pop((url, _ALLOW_PRIVATE.get()), None)  # asked already by a replay (`_replay`)
        if asked is not None:
            fetched = await asked
        else:
            fetched = await self.fetcher.fetch(url, deadline=deadline, allow_private=_ALLOW_PRIVATE.get())
        if self._on_progress:
            self._on_progress("fetched", url)
        if not fetched.ok or not fetched.body:
            return fetched, None
        fetched = await self._past_drive_warning(fetched, deadline)
        # The body is hashed once (`digest`, kept on the answer): the extraction caches key on it, reuse compares it.
        doc = await self.extractor.extract(fetched.body, fetched.final_url, fetched.content_type, fetched.charset,
                                           sha256=fetched.digest)
        if doc.kind is not DocKind.HTML and not (doc.needs_ocr and self.follow.ocr):
            # Every URL's result stays cached for the run: keep a file's text and hash, not its bytes.
            fetched = replace(fetched, body=b"", body_sha256=fetched.digest)
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
        raw = self._scope().raw
        task = raw.get(key)
        if task is None:
            task = raw[key] = asyncio.ensure_future(self.fetcher.fetch(url, deadline=deadline, allow_private=key[1]))
        return await task

    def _facts(self, fetched: Fetched, doc: Document) -> PageFacts:
        """The page's facts: as the extraction worker read them from the same body at the same URL, else
        read here (a page drawn by the browser, a route of an app)."""
        if doc.facts is not None and doc.facts.url == normalize_url(fetched.final_url):
            return doc.facts
        cache = self._scope().facts
        facts = cache.get(fetched.final_url)
        if facts is None:
            facts = cache[fetched.final_url] = page_facts(fetched.body, fetched.final_url, fetched.charset)
        return facts

    async def _wordpress(self, doc: Document, facts: PageFacts, deadline: float | None
                         ) -> tuple[Document, Reason | None, tuple[tuple[str, str], ...]]:
        """The post/page read from its REST record (clean content, own title, `modified`); else `doc`. Also
        (URL, answer) of each REST record asked for, read or not: a later night must ask them again
        (`Finding.also_asked`)."""
        if not self.follow.wordpress_api or detect_platform(doc.url, facts, doc.links) != "wordpress":
            return doc, None, ()
        cache = self._scope().wordpress
        task = cache.get(doc.url)
        if task is None:
            task = cache[doc.url] = asyncio.ensure_future(self._wordpress_record(doc, facts, deadline))
        clean, note, asked = await task
        if clean is None:
            return doc, None, asked
        return replace(clean, parent=doc.parent, depth=doc.depth), note, asked

    async def _wordpress_record(self, doc: Document, facts: PageFacts, deadline: float | None
                                ) -> tuple[Document | None, Reason | None, tuple[tuple[str, str], ...]]:
        asked: list[tuple[str, str]] = []
        for api in wp_record_urls(doc.url, facts, doc.links)[:2]:
            got = await self._raw(api, deadline)
            asked.append((api, got.answer))
            record = wp_record(got.body) if got.ok and got.body else None
            if record is None:
                continue
            clean = await self.extractor.extract(record.html.encode("utf-8"), doc.url, "text/html", "utf-8")
            if clean.error or (not clean.links and len(normalize(clean.text)) < len(normalize(doc.text))
                               and len(normalize(clean.text)) < _WP_MIN_CHARS):
                return None, None, tuple(asked)  # a page-builder or protected post: its HTML says more
            own = {link.url for link in clean.links}
            # Theme links (menus, related posts) stay followable by name, after the record's own.
            links = (*clean.links, *(link for link in doc.links if link.url not in own))
            clean = replace(clean, links=links, title=record.title or doc.title, charset=doc.charset,
                            charset_note=doc.charset_note)
            note = judge.wordpress_note(api, record.title, record.modified)
            return clean, note, tuple(asked)
        return None, None, tuple(asked)

    async def _ocr_hint(self, item: Item, fetched: Fetched, doc: Document, targets: frozenset[int]
                        ) -> Reason | None:
        """What OCR reads in a scan or picture, quoted for the reviewer; never a verdict (see ocr.py)."""
        cache = self._scope().ocr
        task = cache.get(fetched.url)
        if task is None:
            task = cache[fetched.url] = asyncio.ensure_future(
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
                       ) -> tuple[Document | None, PageFacts | None, list[Reason], tuple[tuple[str, str], ...]]:
        """What one retrieved URL really is: Drive's answer instead of the file, a WordPress record, a scan.
        Also what was asked for to tell (`_wordpress`)."""
        notes: list[Reason] = []
        asked: tuple[tuple[str, str], ...] = ()
        if depth == 0 and (scheme := judge.scheme_note(fetched)) is not None:
            notes.append(scheme)
        if doc is not None and doc.truncated:
            notes.append(judge.truncated_note(doc))
        if doc is not None and drive.is_google_host(fetched.final_url):
            page = drive.recognise(fetched)
            if page is not None:
                notes.append(judge.drive_note(page, fetched, depth))
                return None, None, notes, asked  # Drive's page is not the agency's document
        facts = None
        if doc is not None and doc.kind is DocKind.HTML and not doc.error:
            facts = self._facts(fetched, doc)
            doc, wp_note, asked = await self._wordpress(doc, facts, deadline)
            if wp_note is not None:
                notes.append(wp_note)
                self._scope().unsure.update((fetched.url, fetched.final_url))
        if doc is not None and (doc.rendered or (doc.needs_ocr and self.follow.ocr)):
            self._scope().unsure.update((fetched.url, fetched.final_url))
        if doc is not None and doc.needs_ocr and self.follow.ocr and fetched.body:
            hint = await self._ocr_hint(item, fetched, doc, targets)
            if hint is not None:
                notes.append(hint)
        return doc, facts, notes, asked

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
        also_asked: list[tuple[str, str]] = []
        unfollowed: list[Unfollowed] = []
        visited: set[str] = {url}
        level: list[_Step] = [_Step(url, None, None)]
        depth = 0
        while level and len(retrieved) < self.follow.max_total:
            results = await _each([self._get(s.url, deadline) for s in level])
            results = [(f, replace(d, parent=s.parent, depth=depth) if d is not None and d.kind is DocKind.HTML else d)
                       for s, (f, d) in zip(level, results, strict=True)]
            inspected = await _each([self._inspect(item, f, d, depth, targets, deadline)
                                     for f, d in results])
            next_level: list[_Step] = []
            for step, (fetched, _), (doc, facts, found, asked) in zip(level, results, inspected, strict=True):
                also_asked.extend(asked)
                if step.probe and doc is not None and doc.kind is DocKind.HTML and not _worth_keeping(item, doc):
                    also_asked.append((step.url, fetched.answer))
                    continue  # a "ดาวน์โหลด" link that led to an unrelated page: no evidence, nothing to follow
                notes.extend(found)
                retrieved.append(Retrieved(fetched=fetched, document=doc, depth=depth, parent=step.parent,
                                           link=step.link))
                if doc is None or doc.kind is not DocKind.HTML:
                    continue
                choices = choose_links(doc, item, site, targets, self.follow, visited=visited, facts=facts)
                if depth >= self.follow.max_depth:
                    # The depth limit: what would have been followed for a document is recorded, not fetched,
                    # so that a page read without its document is not taken for a cover page.
                    left = [c.link.url for c in choices if (c.is_document or c.probe) and c.link.url not in visited]
                    room_left = _UNFOLLOWED_KEPT - sum(not u.capped for u in unfollowed)
                    unfollowed.extend(Unfollowed(doc.url, u, depth) for u in left[: max(room_left, 0)])
                    continue
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
            if len(level) < len(next_level):
                # The cap on URLs per submitted URL: every link chosen and not fetched is recorded (the page's
                # choices are bounded), so that a part not found is not called missing and the count is true
                # (evaluate/item.py, `follow_cap_reached`).
                unfollowed.extend(Unfollowed(s.parent or url, s.url, depth, capped=True)
                                  for s in next_level[len(level):])
            depth += 1
        return UrlTrail(submitted, tuple(retrieved), tuple(notes), tuple(also_asked), tuple(unfollowed))

    async def check(self, agency: Agency, catalogue: Catalogue, fiscal_year: int,
                    item_ids: Sequence[str] | None = None, *, previous: AgencyResult | None = None
                    ) -> AgencyResult:
        """One agency. `previous`: its result in the previous audit run, when that run checked the same
        catalogue and fiscal year with the same tool version: findings whose documents did not change are
        taken from it (engine/reuse.py) instead of evaluated again."""
        started = now_iso()
        group = f"{agency.name} #{next(self._groups)}"
        _RENDER_GROUP.set(group)
        _ALLOW_PRIVATE.set(agency.allow_private)
        scope = _Scope()
        token = _SCOPE.set(scope)
        try:
            return await self._check(agency, catalogue, fiscal_year, item_ids, previous, started, group, scope)
        finally:
            _SCOPE.reset(token)  # the agency's pages go with it
            scope.close()

    async def _check(self, agency: Agency, catalogue: Catalogue, fiscal_year: int, item_ids: Sequence[str] | None,
                     previous: AgencyResult | None, started: str, group: str, scope: _Scope) -> AgencyResult:
        deadline = self._clock() + self.agency_budget_s
        items = judge.checked_items(catalogue, agency, item_ids)
        unchanged: dict[str, Finding] = {}
        if previous is not None:
            replayed, unchanged = await self._replay(agency, items, previous, fiscal_year, deadline, started)
            if replayed is not None:
                return replayed
        result, again = await self._follow(agency, items, fiscal_year, previous, started, group, scope, deadline,
                                           unchanged)
        if result is None or again:  # tonight's template reads an unchanged item's pages otherwise: follow all
            result, _ = await self._follow(agency, items, fiscal_year, previous, started, group, scope, deadline, {})
        assert result is not None  # nothing is left unfollowed
        return result

    async def _follow(self, agency: Agency, items: list[Item], fiscal_year: int, previous: AgencyResult | None,
                      started: str, group: str, scope: _Scope, deadline: float, unchanged: Mapping[str, Finding]
                      ) -> tuple[AgencyResult | None, tuple[str, ...]]:
        """The agency checked: every item's submitted URLs followed and read, then judged — except the
        `unchanged` items (`_replay`), whose documents are only read (`as_read`) for the site's template.
        Also returns the unchanged items that tonight's template reads otherwise (to follow them after all).
        None when unchanged items cannot be taken from last night after all: they were not followed, so
        what was read for them must never be evaluated."""
        site = _site(agency)
        starts = _submitted(agency, items)
        unread: set[str] = set()  # unchanged items' files not read again: their stored text hashes stand
        broken: list[str] = []  # unchanged items whose documents could not be read again

        async def trails_for(item: Item) -> tuple[str, tuple[UrlTrail, ...]]:
            submitted = agency.items.get(item.id, ())
            urls = submitted[: item.evidence.max_urls]  # the catalogue's limit: the rest is reported, not fetched
            got = await _each([self._safe_trail(item, u, site, fiscal_year, deadline) for u in urls])
            if self._on_progress:
                self._on_progress("item", item.id)  # every URL of the item fetched and read
            extra = judge.too_many_urls(item, submitted)
            return item.id, tuple(got) + ((extra,) if extra is not None else ())

        async def as_read(item: Item) -> tuple[str, tuple[UrlTrail, ...]]:
            trails = await self._as_read(unchanged[item.id], starts[item.id], deadline, unread)
            if self._on_progress:
                self._on_progress("item", item.id)
            if trails is None:
                broken.append(item.id)  # read as a trail would, it is reported as one: followed after all
                return item.id, ()
            return item.id, trails

        home_task = asyncio.ensure_future(self._get(normalize_url(agency.home), deadline)) if agency.home else None
        home_fetched: Fetched | None = None
        try:
            gathered = dict(await asyncio.gather(*(as_read(i) if i.id in unchanged else trails_for(i)
                                                   for i in items)))
            reference: list[Document] = []
            if home_task is not None:
                home_fetched, home_doc = await home_task
                if home_doc is not None:
                    reference.append(_lighter(home_doc))
        finally:
            # A cancelled check must not leave the home-page fetch running past the run (and its client).
            if home_task is not None and not home_task.done():
                home_task.cancel()
            if self.renderer is not None:
                await self.renderer.release(group)
            scope.raw.clear()  # answers a replay asked for and nothing took (links no longer there): bodies go
        light = _without_bodies(gathered)  # the bodies are not evaluated: neither the worker nor the result keeps them
        del gathered
        prior = None
        if previous is not None:
            prior = Prior.of(previous, agency.home, fiscal_year,
                             {item: tuple(t.submitted for t in trails) for item, trails in light.items()}, agency.name)
        if unchanged and (prior is None or broken):
            return None, tuple(unchanged)
        followed = [i for i in items if i.id not in unchanged]
        candidates = prior.candidates(followed, light, scope.unsure) if prior is not None else {}
        again: tuple[str, ...] = ()
        if prior is not None and prior.whole_agency(items, candidates, light, home_fetched):
            # Nothing of the agency changed: no document to compare, nothing to evaluate.
            findings = tuple(replace(reused(candidates[i.id], light.get(i.id, ())),
                                     also_asked=also_asked_of(light.get(i.id, ()))) for i in items)
            hashes = {url: prior.hashes[url] for url in _document_urls(light)}
            judged = True
        else:
            findings, hashes, judged, again = await self._judge(
                items, light, reference, fiscal_year, agency, deadline, candidates,
                prior.hashes if prior else {}, unchanged if prior is not None else {})
        fetched_urls = {g.fetched.url for trails in light.values() for t in trails for g in t.retrieved}
        docs = {g.fetched.final_url for trails in light.values() for t in trails for g in t.retrieved
                if g.document is not None} | unread
        if prior is not None:
            hashes.update(rehashed({url: prior.hashes[url] for url in unread if url in prior.hashes}, scope.rereads))
        # Incomplete when the agency's time budget cut any fetch short, at any depth (a linked file too).
        complete = judged and not any(x.budget_cut and x.error is FetchError.TIMEOUT for f in findings
                                      for x in f.fetches)
        return AgencyResult(agency=agency, fiscal_year=fiscal_year, findings=findings, started_at=started,
                            finished_at=now_iso(), urls_fetched=len(fetched_urls), documents_read=len(docs),
                            complete=complete, trails=light, document_hashes=hashes,
                            home_sha256=home_fetched.digest if home_fetched is not None else ""), again

    async def _as_read(self, before: Finding, starts: tuple[str, ...], deadline: float, unread: set[str]
                       ) -> tuple[UrlTrail, ...] | None:
        """An unchanged item's documents (at its fetch records' URLs) read again without following anything,
        in one trail per submitted URL as `trails_for` makes them (the duplicate-URL marks read those): for
        the site's template only. Its files are not read again (`_unread_file`; their final URLs go in
        `unread`). None when a document cannot be read."""
        async def read(url: str) -> tuple[Fetched, Document | None]:
            skipped = self._unread_file(url)
            if skipped is not None:
                unread.add(skipped.final_url)
                return skipped, None
            fetched, doc = await self._get(url, deadline)
            if doc is not None and drive.is_google_host(fetched.final_url) and drive.recognise(fetched) is not None:
                doc = None  # as `_inspect` has it: Drive's page is not the agency's document
            return fetched, doc

        got = await asyncio.gather(*(read(r.url) for r in before.fetches), return_exceptions=True)
        answers = [g for g in got if not isinstance(g, BaseException)]
        if len(answers) < len(got):
            return None
        if not starts:
            return ()  # nothing submitted: nothing fetched either
        retrieved = tuple(Retrieved(fetched=f, document=d, depth=r.depth)
                          for r, (f, d) in zip(before.fetches, answers, strict=True))
        first, *rest = starts
        return (UrlTrail(first, retrieved), *(UrlTrail(u) for u in rest))

    def _unread_file(self, url: str) -> Fetched | None:
        """An unchanged item's file whose answer `_replay` holds: a PDF, DOCX or XLSX as the extractor would
        see it (`detect_kind`), so never a page of the site's template (only HTML pages make one) and its
        text, which no template strips, is last night's. Not read again: its answer, without the body. None
        for anything else (read as usual)."""
        task = self._scope().raw.get((url, _ALLOW_PRIVATE.get()))
        if task is None or not task.done() or task.cancelled() or task.exception() is not None:
            return None
        fetched = task.result()
        if not fetched.ok or not fetched.body:
            return None
        if detect_kind(fetched.body, fetched.content_type, fetched.final_url) not in _FILE_KINDS:
            return None
        return replace(fetched, body=b"", body_sha256=fetched.digest)

    async def _replay(self, agency: Agency, items: list[Item], previous: AgencyResult, fiscal_year: int,
                      deadline: float, started: str) -> tuple[AgencyResult | None, dict[str, Finding]]:
        """An agency whose every URL, home page included, answers as last night from last night's bytes:
        last night's findings, its URLs asked again all at once and nothing read, followed or evaluated
        (engine/reuse.py `Prior.replayed`). Otherwise (None, the items whose own URLs all did: not followed
        tonight, see `_follow`); what was asked is then used by the usual check (`_fetch_extract`), never
        asked twice."""
        prior = Prior.of(previous, agency.home, fiscal_year, _submitted(agency, items), agency.name)
        urls = prior.replay_urls(items) if prior is not None else None
        if prior is None or urls is None or _site(agency) != _site(previous.agency):
            return None, {}
        home = normalize_url(agency.home) if agency.home else None
        asked = [*urls, *([home] if home is not None and home not in urls else [])]
        got = await asyncio.gather(*(self._raw(u, deadline) for u in asked), return_exceptions=True)
        if any(isinstance(f, BaseException) for f in got):
            raw = self._scope().raw
            for u, f in zip(asked, got, strict=True):
                if isinstance(f, BaseException):
                    raw.pop((u, _ALLOW_PRIVATE.get()), None)  # asked again by the usual check, not re-raised
            return None, {}
        fetched = {u: f for u, f in zip(asked, got, strict=True) if isinstance(f, Fetched)}
        home_fetched = fetched[home] if home is not None else None
        same = self._scope().rereads = await self._same_readings(prior.rereads(items, fetched, home_fetched))
        unchanged = prior.unchanged_items(items, fetched, same)
        findings = prior.replayed(items, fetched, home_fetched, same, unchanged=unchanged)
        if findings is None:
            return None, unchanged
        if self._on_progress:
            for u in asked:
                self._on_progress("fetched", u)
            for item in items:
                self._on_progress("item", item.id)
        self._scope().raw.clear()  # nothing else will ask for them: their bodies go now
        return AgencyResult(agency=agency, fiscal_year=fiscal_year, findings=findings, started_at=started,
                            finished_at=now_iso(), urls_fetched=previous.urls_fetched,
                            documents_read=previous.documents_read, complete=True,
                            document_hashes=rehashed(prior.hashes, same),
                            home_sha256=home_fetched.digest if home_fetched is not None else prior.home_sha256), {}

    async def _same_readings(self, rereads: Mapping[Reread, Fetched]) -> frozenset[Reread]:
        """Of a replay's new bytes (`Prior.rereads`), those that read exactly as last night's bytes did (the
        extraction cache tells: `CachedExtractor.reads_as_before`). Each is read as the usual check would read
        it, and kept for it. None with `--render` or `--ocr` (a page is then more than its document: what a
        browser draws, what OCR reads of a scan's pixels), or without the cache."""
        reads = getattr(self.extractor, "reads_as_before", None)
        if not rereads or reads is None or self.renderer is not None or self.follow.ocr:
            return frozenset()
        got = await asyncio.gather(*(reads(f.body, f.final_url, f.content_type, f.charset, before)
                                     for (_, _, _, _, before), f in rereads.items()),
                                   return_exceptions=True)
        return frozenset(k for k, same in zip(rereads, got, strict=True) if same is True)

    async def _judge(self, items: list[Item], light: dict[str, tuple[UrlTrail, ...]], reference: list[Document],
                     fiscal_year: int, agency: Agency, deadline: float, candidates: dict[str, Finding],
                     hashes_before: Mapping[str, str], unchanged: Mapping[str, Finding]
                     ) -> tuple[tuple[Finding, ...], dict[str, str], bool, tuple[str, ...]]:
        """(findings, content hashes, judged in time, unchanged items to follow after all: see
        `judge_agency`). Evaluation runs on an extraction worker, bounded by what
        is left of the agency's budget (at least EVALUATION_MIN_S): a rule pattern that backtracks forever or
        a huge document costs that worker, never this process, where every other agency is being fetched.
        Past the bound every item is `error` (timeout) and the agency is incomplete."""
        rest = (light, reference, fiscal_year, agency.home, candidates, dict(hashes_before), dict(unchanged),
                agency.name, self.as_of)
        call = getattr(self.extractor, "call", None)
        if call is None:
            findings, hashes, again = JUDGE(items, *rest)
            return findings, hashes, True, again
        timeout = max(deadline - self._clock(), self.evaluation_min_s)
        # In parts side by side (`evaluation_parts`, one agency alone): every part strips the same template and
        # marks the same duplicates from the whole of what was gathered, so each item's finding is the one a
        # single evaluation gives; the parts' findings are put back in the items' order.
        tasks = [asyncio.ensure_future(call(JUDGE, part, *rest, timeout=timeout))
                 for part in _parts(items, self.evaluation_parts)]
        try:
            judged = await asyncio.gather(*tasks)
        except BaseException as exc:
            for task in tasks:  # a part that failed or timed out: the others are not waited for
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            if isinstance(exc, TimeoutError):
                return judge.evaluation_timeout(items, light, timeout), content_hashes(light), False, ()
            raise
        again = tuple(i for _, _, part in judged for i in part)
        if len(judged) == 1:
            return judged[0][0], judged[0][1], True, again
        if again:
            return (), judged[0][1], True, again  # followed and judged again: no finding is kept
        by_item = {f.item: f for findings, _, _ in judged for f in findings}
        return tuple(by_item[item.id] for item in items), judged[0][1], True, again


def _site(agency: Agency) -> str:
    """The agency's own site, for telling its links from others: its home page, else its first URL."""
    return agency.home or next((u for urls in agency.items.values() for u in urls), "")


def _submitted(agency: Agency, items: Sequence[Item]) -> dict[str, tuple[str, ...]]:
    """Item → the URLs its trails start from, as `_check` makes them: the first `max_urls` submitted URLs and,
    past the limit, the first of the rest (the trail that reports them)."""
    out: dict[str, tuple[str, ...]] = {}
    for item in items:
        submitted = agency.items.get(item.id, ())
        limit = item.evidence.max_urls
        out[item.id] = tuple(submitted[:limit]) + tuple(submitted[limit:limit + 1])
    return out


def _parts(items: Sequence[Item], n: int) -> list[Sequence[Item]]:
    """`items` in at most `n` runs of neighbouring items (neighbours often read the same documents, which a
    part then indexes once), as even in number as can be."""
    n = max(1, min(n, len(items)))
    size, extra = divmod(len(items), n)
    out, start = [], 0
    for i in range(n):
        end = start + size + (1 if i < extra else 0)
        out.append(items[start:end])
        start = end
    return out


def _document_urls(gathered: Mapping[str, tuple[UrlTrail, ...]]) -> list[str]:
    return [g.fetched.final_url for trails in gathered.values() for t in trails for g in t.retrieved
            if g.fetched.ok and (g.fetched.body or g.fetched.body_sha256)]


def _lighter(doc: Document) -> Document:
    return replace(doc, facts=None) if doc.facts is not None else doc


def _without_bodies(gathered: dict[str, tuple[UrlTrail, ...]]) -> dict[str, tuple[UrlTrail, ...]]:
    """The trails without what evaluation does not read: response bodies (their hash is kept) and page facts
    but the pictures in a page's content (a chart drawn as a picture: evaluate/item.py `_pictured`)."""
    def light(g: Retrieved) -> Retrieved:
        f, doc = g.fetched, g.document
        if f.body:
            digest = f.body_sha256 or hashlib.sha256(f.body).hexdigest()
            g = replace(g, fetched=replace(f, body=b"", body_sha256=digest))
        if doc is not None and doc.facts is not None:
            pictures = PageFacts(doc.facts.url, images=doc.facts.images) if doc.facts.images else None
            g = replace(g, document=replace(doc, facts=pictures))
        return g

    return {item: tuple(replace(t, retrieved=tuple(light(g) for g in t.retrieved)) for t in trails)
            for item, trails in gathered.items()}


class _Step(NamedTuple):
    url: str
    link: Link | None
    parent: str | None
    probe: bool = False  # a download-worded link of unknown kind: kept only if it proves to be evidence


_FILE_KINDS = frozenset({DocKind.PDF, DocKind.DOCX, DocKind.XLSX})  # never a page of a site's template
_WP_MIN_CHARS = 40  # a REST record shorter than this, with no links, is an empty shell of a page builder
EVALUATION_MIN_S = 30.0  # evaluation may run this long even when fetching used the whole agency budget
_OCR_MIN_CHARS = 20


def _worth_keeping(item: Item, doc: Document) -> bool:
    """A page reached by a download-worded link is evidence when it is about the item or offers files."""
    if page_relevance(item, doc) > 0:
        return True
    return any(not link.chrome and (link.via.startswith(("viewer:", "drive", "object", "embed"))
                                    or looks_like_document(link.url)) for link in doc.links)
