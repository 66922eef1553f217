"""One agency: fetch → follow → extract → evaluate. The only place where the stages meet."""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime

from oit_checker import boilerplate, reasons
from oit_checker.evaluate import evaluate_item
from oit_checker.extract.pool import ExtractPool
from oit_checker.fetch import Fetcher
from oit_checker.follow import FollowSettings, choose_links, target_years_for
from oit_checker.model import (
    Agency,
    AgencyResult,
    Catalogue,
    DocKind,
    Document,
    Evidence,
    Fetched,
    Item,
    Link,
    Reason,
    Retrieved,
    Status,
    UrlTrail,
)
from oit_checker.urls import canonical_drive, classify_external, normalize_url

DEFAULT_AGENCY_BUDGET_S = 900.0


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


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
        doc = await self.extractor.extract(fetched.body, fetched.final_url, fetched.content_type, fetched.charset)
        return fetched, doc

    async def _trail(self, item: Item, submitted: str, site: str, fiscal_year: int,
                     deadline: float | None) -> UrlTrail:
        notes: list[Reason] = []
        url = normalize_url(submitted)
        drive = canonical_drive(url)
        external = classify_external(url)
        if drive is not None and drive.kind == "folder":
            return UrlTrail(submitted, (), (reasons.make("drive_folder", evidence=(Evidence(url=url),)),))
        if external is not None and drive is None and not external.checkable:
            return UrlTrail(submitted, (), (reasons.make("external_system", evidence=(Evidence(url=url),),
                                                         detail=external.service),))
        if drive is not None:
            url = drive.canonical
        targets = target_years_for(item, fiscal_year)
        retrieved: list[Retrieved] = []
        visited: set[str] = {url}
        level: list[tuple[str, Link | None, str | None]] = [(url, None, None)]
        depth = 0
        while level and len(retrieved) < self.follow.max_total:
            results = await asyncio.gather(*(self._get(u, deadline) for u, _, _ in level))
            next_level: list[tuple[str, Link | None, str | None]] = []
            for (_, link, parent), (fetched, doc) in zip(level, results, strict=True):
                if doc is not None and doc.kind is DocKind.HTML:
                    doc = replace(doc, parent=parent, depth=depth)
                retrieved.append(Retrieved(fetched=fetched, document=doc, depth=depth, parent=parent, link=link))
                if doc is None or doc.kind is not DocKind.HTML or depth >= self.follow.max_depth:
                    continue
                if depth == 0 or link is None or not link.via.startswith("viewer"):
                    notes.extend(_page_notes(doc))
                for choice in choose_links(doc, item, site, targets, self.follow, visited=visited):
                    target = choice.link.url
                    drive_ref = canonical_drive(target)
                    if drive_ref is not None and drive_ref.kind != "folder":
                        target = drive_ref.canonical
                    if target in visited:
                        continue
                    visited.add(target)
                    next_level.append((target, choice.link, doc.url))
            room = self.follow.max_total - len(retrieved)
            level = next_level[: max(room, 0)]
            depth += 1
        return UrlTrail(submitted, tuple(retrieved), tuple(notes))

    async def check(self, agency: Agency, catalogue: Catalogue, fiscal_year: int,
                    item_ids: Sequence[str] | None = None) -> AgencyResult:
        started = _now_iso()
        deadline = self._clock() + self.agency_budget_s
        items = [i for i in catalogue.items if item_ids is None or i.id in item_ids]
        site = agency.home or next((u for urls in agency.items.values() for u in urls), "")

        async def trails_for(item: Item) -> tuple[str, tuple[UrlTrail, ...]]:
            urls = agency.items.get(item.id, ())
            got = await asyncio.gather(*(self._trail(item, u, site, fiscal_year, deadline) for u in urls))
            return item.id, tuple(got)

        home_task = asyncio.ensure_future(self._get(normalize_url(agency.home), deadline)) if agency.home else None
        gathered = dict(await asyncio.gather(*(trails_for(i) for i in items)))
        reference: list[Document] = []
        if home_task is not None:
            _, home_doc = await home_task
            if home_doc is not None:
                reference.append(home_doc)
        gathered = _strip_templates(gathered, reference)
        gathered = _mark_duplicates(gathered)
        findings = tuple(evaluate_item(item, gathered.get(item.id, ()), fiscal_year, home=agency.home)
                         for item in items)
        fetched_urls = {g.fetched.url for trails in gathered.values() for t in trails for g in t.retrieved}
        docs = {g.fetched.final_url for trails in gathered.values() for t in trails for g in t.retrieved
                if g.document is not None}
        hashes = {g.fetched.final_url: _content_hash(g) for trails in gathered.values() for t in trails
                  for g in t.retrieved if g.fetched.ok and g.fetched.body}
        complete = not any(r.code == "timeout" and "budget" in str(r.detail.get("detail", ""))
                           for f in findings for r in f.reasons)
        return AgencyResult(agency=agency, fiscal_year=fiscal_year, findings=findings, started_at=started,
                            finished_at=_now_iso(), urls_fetched=len(fetched_urls), documents_read=len(docs),
                            complete=complete, trails=gathered, document_hashes=hashes)


def _content_hash(got: Retrieved) -> str:
    """sha256 of the text read (template lines already stripped), else of the bytes.

    Hashing the text keeps a page's visitor counter or a re-exported PDF's new timestamp from showing up as
    "document changed" every night in the history diff.
    """
    doc = got.document
    if doc is not None and not doc.error and any(doc.pages):
        return hashlib.sha256("\n".join(doc.pages).encode("utf-8")).hexdigest()
    return hashlib.sha256(got.fetched.body).hexdigest()


def _page_notes(doc: Document) -> list[Reason]:
    notes: list[Reason] = []
    for link in doc.links:
        if link.via.startswith("viewer-only"):
            notes.append(reasons.make("viewer_only", evidence=(Evidence(url=link.url),), detail=link.via))
        elif link.via == "drive-folder":
            notes.append(reasons.make("drive_folder", evidence=(Evidence(url=link.url),)))
    return notes


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
