"""Notes made while following an item's URLs, and how much each weighs (pure).

The engine reports what it met — a placeholder link, one URL under two year labels, a Drive wall, a
system we cannot read, a URL submitted for two items — and these functions turn it into reasons with
their severities, so that evaluation stays the only place where a status or a severity is decided.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from oit_checker.catalogue import reasons
from oit_checker.follow import drive
from oit_checker.follow.choose import (
    Choice,
    download_worded,
    entry_relevance,
    relevance,
    says_nothing,
)
from oit_checker.follow.platforms import is_procurement
from oit_checker.html.facts import PageFacts, Placeholder
from oit_checker.model import Agency, Catalogue, Document, Evidence, Fetched, Finding, Item, Reason, Status, UrlTrail
from oit_checker.text import i18n
from oit_checker.text.fiscal import MentionKind, find_year_mentions
from oit_checker.text.thai import normalize
from oit_checker.text.urls import canonical_drive, classify_external, normalize_url


def wordpress_note(api: str, title: str, modified: str) -> Reason:
    """The page was read from its WordPress REST record (its own title and last change)."""
    return reasons.make("wordpress_record", modified=modified or "?",
                        evidence=(Evidence(url=api, snippet=title[:120]),))


def ocr_note(detail: str, url: str, text: str) -> Reason:
    """What OCR read in a scan, quoted for the reviewer; never a verdict."""
    return reasons.make("ocr_hint", detail=detail, evidence=(Evidence(url=url, snippet=text[:300]),))


def crashed_findings(agency: Agency, catalogue: Catalogue, item_ids: Sequence[str] | None,
                     exc: BaseException) -> tuple[Finding, ...]:
    """A bug of ours met while checking a whole agency: every item of it could not be checked."""
    said = f"{type(exc).__name__}: {exc}"
    # Cut at a word with a mark that it was cut (Dask's own explanation runs long), never mid-word.
    reason = reasons.make("check_crashed", detail=said if len(said) <= 300 else said[:299].rsplit(" ", 1)[0] + " …")
    return tuple(Finding(item=i.id, indicator=i.indicator, status=Status.ERROR, reasons=(reason,),
                         confidence=i.confidence, name_th=i.name_th, name_en=i.name_en,
                         urls=agency.items.get(i.id, ())[: i.evidence.max_urls])
                 for i in checked_items(catalogue, agency, item_ids))


def checked_items(catalogue: Catalogue, agency: Agency, item_ids: Sequence[str] | None = None) -> list[Item]:
    """The items checked for an agency: the ones asked for, else every item of the catalogue except those
    checked only when listed (`Item.listed_only`, e.g. 2568 O28) that the manifest gives no URL for."""
    if item_ids is not None:
        return [i for i in catalogue.items if i.id in item_ids]
    return [i for i in catalogue.items if not i.listed_only or agency.items.get(i.id)]


def too_many_urls(item: Item, submitted: Sequence[str]) -> UrlTrail | None:
    """More URLs than the catalogue's `max_urls` for the item: the first ones are checked, the rest named
    (the first three of them) and counted here, never fetched."""
    extra = submitted[item.evidence.max_urls:]
    if not extra:
        return None
    note = reasons.make("too_many_urls", submitted=len(submitted), limit=item.evidence.max_urls,
                        extra=len(extra), evidence=tuple(Evidence(url=u) for u in extra[:3]))
    return UrlTrail(extra[0], (), (note,))


def truncated_note(doc: Document) -> Reason:
    """The document was cut at the extraction bounds: what was not read cannot be judged."""
    return reasons.make("text_truncated", detail=doc.truncated, evidence=(Evidence(url=doc.url),))


def _words(key: str, **values: object) -> reasons.Words:
    """A detail the product words itself: Thai for the Thai message, English for the English one and the data."""
    return reasons.Words(i18n.text(key, "th", **values), i18n.text(key, "en", **values))


def evaluation_timeout(items: Sequence[Item], gathered: dict[str, tuple[UrlTrail, ...]], seconds: float
                       ) -> tuple[Finding, ...]:
    """Evaluation did not finish within the agency's budget: every item could not be checked."""
    reason = reasons.make("evaluation_timeout", detail=_words("note_detail.evaluation_budget", s=f"{seconds:.0f}"))
    return tuple(Finding(item=i.id, indicator=i.indicator, status=Status.ERROR, reasons=(reason,),
                         confidence=i.confidence, name_th=i.name_th, name_en=i.name_en,
                         urls=tuple(t.submitted for t in gathered.get(i.id, ())))
                 for i in items)


def crashed_note(submitted: str, exc: BaseException) -> Reason:
    """A bug of ours met on one URL: that URL could not be checked."""
    detail = f"{submitted}: {type(exc).__name__}: {exc}"[:300]
    return reasons.make("check_crashed", detail=detail, evidence=(Evidence(url=submitted),))


def entry_point(item: Item, url: str) -> tuple[str, list[Reason], bool]:
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
    if external.service == "e-GP" and is_procurement_item(item):
        return url, [reasons.make("egp_link", evidence=ev)], True
    return url, [reasons.make("external_system", evidence=ev, detail=external.service)], True


def is_procurement_item(item: Item) -> bool:
    return is_procurement(item.name_th, item.name_en, *item.title_phrases)


def scheme_note(fetched: Fetched) -> Reason | None:
    """Which scheme worked when the submitted one did not (the fetcher tried the other)."""
    if not fetched.ok:
        return None
    failed, worked = urlsplit(fetched.url).scheme, urlsplit(fetched.final_url).scheme
    if failed == worked or not fetched.error_detail.endswith(f"{worked} worked"):
        return None
    # Browsers upgrade a failing http link to https by themselves (a remark); nothing falls back from https to http.
    code = "https_upgraded" if (failed, worked) == ("http", "https") else "scheme_fallback"
    return reasons.make(code, failed=failed, worked=worked,
                        evidence=(Evidence(url=fetched.url, snippet=fetched.error_detail[:200]),))


def drive_note(page: drive.DrivePage, fetched: Fetched, depth: int) -> Reason:
    ev = (Evidence(url=fetched.url, snippet=fetched.final_url if fetched.final_url != fetched.url else ""),)
    if page.kind in ("sign_in", "no_access"):
        detail = _words("note_detail.drive_sign_in" if page.kind == "sign_in" else "note_detail.drive_no_access")
        # Submitted: the assessor sees the wall too. Linked from a page: the page may hold enough.
        return reasons.make("drive_private", detail=detail, evidence=ev,
                            severity=None if depth == 0 else Status.REVIEW)
    if page.kind == "folder":
        return reasons.make("drive_folder", evidence=ev)
    return reasons.make("drive_interstitial", evidence=ev)


def page_notes(item: Item, doc: Document, facts: PageFacts | None, choices: Sequence[Choice], depth: int,
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
    thin = len(normalize(doc.text)) < item.evidence.min_chars
    if not thin:
        # A page that holds its content and links to itself under the item's name is a menu's entry for the page
        # itself (a hand-written site's bar of links, not marked as a menu), not a link with nothing behind it.
        named = [p for p in named if p.reason != "self"]
        worded = [p for p in worded if p.reason != "self"]
        ev = (Evidence(url=doc.url, snippet=_holder_label(named + worded)[:200]),)
    if depth == 0 and not choices and (named or worded):
        # Nothing else to follow: the page is the evidence, and if it holds little, the links were all.
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
    procurement = is_procurement_item(item)
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


def mark_duplicates(gathered: dict[str, tuple[UrlTrail, ...]]) -> dict[str, tuple[UrlTrail, ...]]:
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
