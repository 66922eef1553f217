"""An unchanged night: the previous run's finding for an item whose documents did not change, not evaluated again.

A finding is a pure function of what was gathered for the item (the documents' text and links, how each URL
answered, the notes made while following), of the site's template (lines found on several of the agency's
pages, stripped before matching), of which URLs the agency submitted for several items, and of the catalogue,
the fiscal year and the evaluation code. The previous run's finding is reused, marked `reused`, only when all
of these are the same:

- the previous run checked the same catalogue (criteria year, version and source), the same fiscal year and
  ran the same tool version (`previous_for_reuse`); the agency's previous result is complete and checked the
  same items with the same submitted URLs and the same home page (`Prior.of`);
- every URL the item reached tonight was reached last night with the same outcome: same final URL, status,
  redirects, attempts, depth, no fetch error (`_same_fetches`) — so the same links were followed;
- every document the item read was answered by the HTTP cache after the server said 304 (the bytes are those
  of last night) and was read from those bytes alone (not drawn by a browser, not replaced by a WordPress
  REST record, not a scan read by OCR), and last night's finding rests on no such reading either:
  `Prior.candidates`;
- and, unless every document and the home page of the whole agency was a 304 (then the template is the same
  too: `Prior.whole_agency`), the text each document leaves after the site's template is stripped hashes as
  stored last night (`reuse_finding`, on the worker, after stripping).

A previous finding that says our own bound stopped the check (a timeout, a crash, an extraction bound) or that
could not look (`error`) is never reused. The reused finding keeps tonight's fetch records (how each URL was
fetched tonight) and drops last night's suppression (tonight's suppressions are applied as for any finding).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from oit_checker.evaluate.item import fetch_records
from oit_checker.model import AgencyResult, Fetched, FetchRecord, Finding, Item, Status, UrlTrail

# Reason codes that say our own bound (or a bug of ours) stopped the check: never the document's answer.
_OUR_BOUNDS = frozenset({"timeout", "evaluation_timeout", "check_crashed", "extract_timeout", "extract_too_complex"})
# Reason codes of a reading that rests on more than the documents' bytes, or on an option of the run
# (--render, --ocr, the WordPress REST record): a finding with one is evaluated again.
_NOT_FROM_BYTES = frozenset({"rendered_page", "ocr_hint", "wordpress_record"})


@dataclass(frozen=True)
class RunKey:
    """What a run checked against: a stored finding is only reusable under the same key."""

    criteria_year: int
    catalogue_version: str
    catalogue_source: str
    fiscal_year: int
    tool_version: str


def _fetch_key(r: FetchRecord) -> tuple[object, ...]:
    return (r.url, r.final_url, r.status, r.attempts, r.error, r.detail, r.redirects, r.insecure, r.depth,
            r.budget_cut)


def _same_fetches(now: Sequence[FetchRecord], before: Sequence[FetchRecord]) -> bool:
    if len(now) != len(before) or any(r.error is not None or r.budget_cut for r in now):
        return False
    return all(_fetch_key(a) == _fetch_key(b) for a, b in zip(now, before, strict=True))


def _reusable(finding: Finding) -> bool:
    return finding.status is not Status.ERROR and not any(r.code in _OUR_BOUNDS or r.code in _NOT_FROM_BYTES
                                                          for r in finding.reasons)


@dataclass(frozen=True)
class Prior:
    """One agency's previous result, usable for reuse tonight."""

    findings: Mapping[str, Finding]
    hashes: Mapping[str, str]

    @classmethod
    def of(cls, previous: AgencyResult | None, home: str | None, fiscal_year: int,
           submitted: Mapping[str, tuple[str, ...]]) -> Prior | None:
        """`submitted`: item → the URLs checked tonight (as a finding lists them). None when the previous
        result cannot be reused at all."""
        if previous is None or not previous.complete or previous.fiscal_year != fiscal_year:
            return None
        if (previous.agency.home or None) != (home or None):
            return None
        findings = {f.item: f for f in previous.findings}
        if set(findings) != set(submitted) or any(findings[i].urls != urls for i, urls in submitted.items()):
            return None  # other items or other URLs: the duplicate marks (one URL, two items) may differ
        return cls(findings, dict(previous.document_hashes))

    def candidates(self, items: Sequence[Item], gathered: Mapping[str, tuple[UrlTrail, ...]],
                   unsure: Collection[str]) -> dict[str, Finding]:
        """Items whose every URL answered as last night and whose every document is last night's bytes:
        item id → last night's finding. `unsure`: URLs whose document is more than their own bytes."""
        out: dict[str, Finding] = {}
        for item in items:
            before = self.findings.get(item.id)
            trails = gathered.get(item.id, ())
            if before is None or not _reusable(before):
                continue
            if not _same_fetches(fetch_records(trails), before.fetches):
                continue
            if all(_unchanged_bytes(g.fetched, unsure) for t in trails for g in t.retrieved):
                out[item.id] = before
        return out

    def whole_agency(self, items: Sequence[Item], candidates: Mapping[str, Finding],
                     gathered: Mapping[str, tuple[UrlTrail, ...]], home: Fetched | None) -> bool:
        """Every item is a candidate, the home page too is last night's, and every document read has a
        stored hash: the site's template is last night's as well, so no text needs to be compared."""
        if any(item.id not in candidates for item in items):
            return False
        if home is not None and not (home.ok and home.from_cache):
            return False
        return all(g.fetched.final_url in self.hashes for trails in gathered.values() for t in trails
                   for g in t.retrieved if g.document is not None)


def _unchanged_bytes(fetched: Fetched, unsure: Collection[str]) -> bool:
    if not fetched.ok:
        return True  # a 404, a redirect without a target …: its whole outcome is in the fetch record
    return fetched.from_cache and fetched.url not in unsure and fetched.final_url not in unsure


def reused(finding: Finding, trails: Sequence[UrlTrail]) -> Finding:
    """Last night's finding as tonight's: tonight's fetch records, no suppression yet, marked."""
    return replace(finding, fetches=fetch_records(trails), suppressed="", reused=True)


def reuse_finding(before: Finding, trails: Sequence[UrlTrail], hashes_now: Mapping[str, str],
                  hashes_before: Mapping[str, str]) -> Finding | None:
    """On the worker, after the template is stripped: last night's finding when every document the item
    read leaves the text it left last night; else None (evaluate)."""
    for t in trails:
        for g in t.retrieved:
            if g.document is None:
                continue
            url = g.fetched.final_url
            now = hashes_now.get(url)
            if now is None or now != hashes_before.get(url):
                return None
    return reused(before, trails)


def previous_for_reuse(key: RunKey, previous: RunKey | None) -> bool:
    """Whether findings stored under `previous` may be reused by a run under `key`."""
    return previous is not None and previous == key
