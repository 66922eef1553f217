"""An unchanged night: the previous run's finding for an item whose reading did not change, not evaluated again.

A finding is a pure function of what was gathered for the item (the documents' text and links, how each URL
answered, the notes made while following), of the site's template (lines found on several of the agency's
pages, stripped before matching), of which URLs the agency submitted for several items, and of the catalogue,
the fiscal year and the evaluation code. The previous run's finding is reused, marked `reused`, only when all
of these are the same:

- the previous run checked the same catalogue (criteria year, version and source), the same fiscal year and
  ran the same tool version and the same judging code (`previous_for_reuse`; `run_version`: the version and a
  fingerprint of every module that judges an item, with the reason messages that set each reason's severity —
  a checkout updated between two nights without a new version number judges afresh); the agency's previous
  result is complete and checked the same items with the same submitted URLs, the same home page and the same
  agency name (`Prior.of`); and tonight's day of the check is no earlier than the previous run's (a backdated
  `--as-of` may find documents dated after its day that passed on the later one: `previous_for_reuse`);
- every URL the item reached tonight was reached last night with the same outcome: same final URL, status,
  redirects, attempts, depth, no fetch error (`_same_fetches`) — so the same links were followed;
- no document of the item was read from more than its bytes (drawn by a browser, replaced by a WordPress
  REST record, a scan read by OCR), and last night's finding rests on no such reading either
  (`Prior.candidates`);
- and what evaluation reads for the item tonight, after the site's template is stripped and duplicate URLs
  are marked, is what it read last night: `item_inputs` hashes every document whole (text of every page,
  title, links, page count, kind, errors, truncation, shell and rendering marks), how each URL answered and
  the notes made while following, and the stored finding keeps that hash (`Finding.inputs`). This holds
  whether the server said 304 or sent the same reading again with a 200 (a server without validators, a
  re-exported PDF, a page re-rendered with a new timestamp): `reuse_finding`, on the worker.
- A finding stored without that hash (by an older version, whose runs have no reading settings and so are
  never reused anyway) is not reused.
- When every URL of the whole agency gave last night's bytes (by their sha256, home page included) and every
  finding is a candidate, the template is last night's too: nothing is compared or evaluated
  (`Prior.whole_agency`); before anything is followed, the same test makes a replay (`Prior.replayed`), and
  item by item it spares following (`Prior.unchanged_items`, then `same_text` on the worker). There, new bytes
  that read exactly as last night's (the same document and page facts as the stored reading of the old bytes:
  `Prior.rereads`, engine/pipeline.py `Checker._same_readings`) count as last night's bytes.

A previous finding that says our own bound stopped the check (a timeout, a crash, an extraction bound), that
could not look (`error`), or that rests on the day of the check (`dated_after_check`: the day moves) is never
reused. The reused finding keeps tonight's fetch records (how each URL was
fetched tonight) and drops last night's suppression (tonight's suppressions are applied as for any finding).
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from functools import cache
from urllib.parse import urlsplit

from oit_checker.follow.drive import is_google_host
from oit_checker.model import (
    AgencyResult,
    Document,
    Fetched,
    FetchRecord,
    Finding,
    Item,
    Retrieved,
    Status,
    UrlTrail,
    fetch_records,
)
from oit_checker.sources import PACKAGE_ROOT, package_sources, sources_fingerprint

# Reason codes that say our own bound (or a bug of ours) stopped the check: never the document's answer.
_OUR_BOUNDS = frozenset({"timeout", "evaluation_timeout", "check_crashed", "extract_timeout", "extract_too_complex"})
# Reason codes of a reading that rests on more than the documents' bytes, or on an option of the run
# (--render, --ocr, the WordPress REST record): a finding with one is evaluated again.
_NOT_FROM_BYTES = frozenset({"rendered_page", "ocr_hint", "wordpress_record"})
# Reason codes that rest on the day of the check, which moves every night: a document dated after the day
# (evaluate/dated.py) may be dated before the next one. A finding with one is evaluated again.
_OF_THE_DAY = frozenset({"dated_after_check"})


# New bytes at a URL: (final URL, content type, charset, tonight's sha256, last night's sha256); see
# `Prior.rereads`. The answer's content type and charset are part of it: the same bytes read otherwise under
# another charset.
Reread = tuple[str, str, str | None, str, str]


@dataclass(frozen=True)
class RunKey:
    """What a run checked against: a stored finding is only reusable under the same key."""

    criteria_year: int
    catalogue_version: str
    catalogue_source: str
    fiscal_year: int
    tool_version: str
    reading: str = ""  # engine/session.py `RunOptions.reading_key`: how URLs were followed and read
    # The day of the check (`RunOptions.as_of`): not compared as the rest (the nights of a month share the key),
    # but a run of an earlier day reuses nothing (`previous_for_reuse`).
    day: date | None = field(default=None, compare=False)


def _fetch_key(r: FetchRecord) -> tuple[object, ...]:
    return (r.url, r.final_url, r.status, r.attempts, r.error, r.detail, r.redirects, r.insecure, r.depth,
            r.budget_cut, r.content_type, r.charset)


def _same_fetches(now: Sequence[FetchRecord], before: Sequence[FetchRecord]) -> bool:
    if len(now) != len(before) or any(r.error is not None or r.budget_cut for r in now):
        return False
    return all(_fetch_key(a) == _fetch_key(b) for a, b in zip(now, before, strict=True))


def _reusable(finding: Finding) -> bool:
    return finding.status is not Status.ERROR and not any(
        r.code in _OUR_BOUNDS or r.code in _NOT_FROM_BYTES or r.code in _OF_THE_DAY for r in finding.reasons)


@dataclass(frozen=True)
class Prior:
    """One agency's previous result, usable for reuse tonight."""

    findings: Mapping[str, Finding]
    hashes: Mapping[str, str]
    home_sha256: str = ""

    @classmethod
    def of(cls, previous: AgencyResult | None, home: str | None, fiscal_year: int,
           submitted: Mapping[str, tuple[str, ...]], name: str | None = None) -> Prior | None:
        """`submitted`: item → the URLs checked tonight (as a finding lists them); `name`: the agency's name
        tonight (evaluation reads it: evaluate/owner.py). None when the previous result cannot be reused at
        all."""
        if previous is None or not previous.complete or previous.fiscal_year != fiscal_year:
            return None
        if name is not None and previous.agency.name != name:
            return None
        if (previous.agency.home or None) != (home or None):
            return None
        findings = {f.item: f for f in previous.findings}
        if set(findings) != set(submitted) or any(findings[i].urls != urls for i, urls in submitted.items()):
            return None  # other items or other URLs: the duplicate marks (one URL, two items) may differ
        return cls(findings, dict(previous.document_hashes), previous.home_sha256)

    def candidates(self, items: Sequence[Item], gathered: Mapping[str, tuple[UrlTrail, ...]],
                   unsure: Collection[str]) -> dict[str, Finding]:
        """Items whose every URL answered as last night, none read from more than its bytes: item id → last
        night's finding, to be reused if the item reads the same (`reuse_finding`). `unsure`: URLs whose
        document is more than their own bytes."""
        out: dict[str, Finding] = {}
        for item in items:
            before = self.findings.get(item.id)
            trails = gathered.get(item.id, ())
            if before is None or not before.inputs or not _reusable(before):
                continue
            if not _same_fetches(fetch_records(trails), before.fetches):
                continue
            if not any(_unsure(g.fetched, unsure) for t in trails for g in t.retrieved):
                out[item.id] = before
        return out

    def whole_agency(self, items: Sequence[Item], candidates: Mapping[str, Finding],
                     gathered: Mapping[str, tuple[UrlTrail, ...]], home: Fetched | None) -> bool:
        """Every item is a candidate whose every URL gave last night's bytes (`_same_bytes`), so did the home
        page (`same_home`), and every document read has a stored hash: the site's template is last night's as
        well, so nothing needs to be compared."""
        if any(item.id not in candidates for item in items):
            return False
        if not self.same_home(home):
            return False
        if not all(_same_bytes(fetch_records(gathered.get(item.id, ())), candidates[item.id].fetches)
                   for item in items):
            return False
        return all(g.fetched.final_url in self.hashes for trails in gathered.values() for t in trails
                   for g in t.retrieved if g.document is not None)

    def same_home(self, home: Fetched | None, same_reading: Collection[Reread] = ()) -> bool:
        """The home page (a template reference) gave last night's bytes, by their sha256 — a 304 alone says
        only that the HTTP cache holds what the server has, which another agency or run may have refreshed —
        or new bytes that read exactly as last night's (`same_reading`, see `rereads`)."""
        if home is None:
            return True
        return home.ok and bool(self.home_sha256) and (
            home.digest == self.home_sha256
            or (home.final_url, home.content_type, home.charset, home.digest, self.home_sha256) in same_reading)

    def rereads(self, items: Sequence[Item], fetched: Mapping[str, Fetched], home: Fetched | None
                ) -> dict[Reread, Fetched]:
        """The answers of a replay (`fetched`: URL → tonight's answer; `home`) that brought new bytes where
        last night's record has a body, answering otherwise as last night (final URL, status, content type,
        charset): `Reread` → tonight's answer. Whether each reads
        as last night's bytes did is for the extraction cache to tell (`CachedExtractor.reads_as_before`);
        those that do count as unchanged (`same_reading` of `replayed` and `unchanged_items`). Not offered:
        a Google Drive answer or an app route (more is read of them than their document), a URL with
        credentials (never stored)."""
        out: dict[Reread, Fetched] = {}

        def offer(f: Fetched | None, r: FetchRecord) -> None:
            if f is None or not f.ok or not f.body or not r.sha256 or f.truncated:
                return
            if (f.final_url, f.status, f.content_type, f.charset) != (r.final_url, r.status, r.content_type,
                                                                      r.charset):
                return
            if "#" in f.url or is_google_host(f.final_url) or urlsplit(f.final_url).username is not None:
                return
            digest = f.digest
            if digest != r.sha256:
                out.setdefault((f.final_url, f.content_type, f.charset, digest, r.sha256), f)

        records = [r for item in items if (before := self.findings.get(item.id)) is not None
                   for r in before.fetches]
        for r in records:
            offer(fetched.get(r.url), r)
        if home is not None and self.home_sha256:
            # Last night's answer for the home page: a record of it with its bytes, when an item reached it.
            for r in records:
                if r.url == home.url and r.sha256 == self.home_sha256:
                    offer(home, r)
                    break
        return out

    def replay_urls(self, items: Sequence[Item]) -> list[str] | None:
        """Every URL the items asked for last night (the URLs their findings rest on and `also_asked`: links
        tried and not kept, WordPress REST records), to be asked again before anything is followed; None when
        some finding cannot be replayed: not reusable, stored without its inputs' hash (so without
        `also_asked`), or resting on a fetch that failed."""
        urls: dict[str, None] = {}
        for item in items:
            before = self.findings.get(item.id)
            if before is None or not before.inputs or not _reusable(before):
                return None
            if any(r.error is not None or r.budget_cut for r in before.fetches):
                return None
            urls.update(dict.fromkeys(r.url for r in before.fetches))
            urls.update(dict.fromkeys(u for u, _ in before.also_asked))
        return list(urls)

    def replayed(self, items: Sequence[Item], fetched: Mapping[str, Fetched], home: Fetched | None,
                 same_reading: Collection[Reread] = (), *, unchanged: Mapping[str, Finding] | None = None
                 ) -> tuple[Finding, ...] | None:
        """Last night's findings, when every URL of `replay_urls` (`fetched`: URL → tonight's answer) answered
        as last night with last night's bytes: same status, final URL, redirects, attempts (`_same_fetches`),
        the same body by its sha256 (`_same_bytes`; whatever the HTTP cache says, which another agency may
        have refreshed tonight), every URL of `also_asked` the same answer again; and the home page its bytes
        (`same_home`). New bytes that read exactly as last night's (`same_reading`, see `rereads`) count as
        last night's. Then the same links would be followed in the same documents and the same text read, so
        nothing is followed, read or evaluated. None when anything differs: the agency is then checked as
        usual. `unchanged`: `unchanged_items` of the same answers, when the caller has it already."""
        if not self.same_home(home, same_reading):
            return None
        same = self.unchanged_items(items, fetched, same_reading) if unchanged is None else unchanged
        if len(same) < len(items):
            return None
        if any(r.status == 200 and r.final_url not in self.hashes for f in same.values() for r in f.fetches):
            return None  # a document without its stored text hash: the history's diff would lose it
        return tuple(same[item.id] for item in items)

    def unchanged_items(self, items: Sequence[Item], fetched: Mapping[str, Fetched],
                        same_reading: Collection[Reread] = ()) -> dict[str, Finding]:
        """The items of `replay_urls` whose every URL answered as last night with last night's bytes (see
        `replayed`): item id → last night's finding, marked reused, with tonight's fetch records. Such an
        item follows the same links to the same documents tonight; only the site's template, which other
        items' pages make, can still change what it reads (engine/pipeline.py `Checker._as_read`)."""
        out = {}
        for item in items:
            before = self.findings[item.id]
            if any(not answer or fetched[u].answer != answer for u, answer in before.also_asked):
                continue
            tonight = (UrlTrail("", tuple(Retrieved(fetched=fetched[r.url], depth=r.depth) for r in before.fetches)),)
            records = fetch_records(tonight)
            if _same_fetches(records, before.fetches) and _same_bytes(records, before.fetches, same_reading):
                out[item.id] = reused(before, tonight)
        return out


def _same_bytes(now: Sequence[FetchRecord], before: Sequence[FetchRecord], same_reading: Collection[Reread] = ()
                ) -> bool:
    """Every answer with a body has last night's body, by its sha256 (known for findings stored from schema 4),
    or new bytes that read exactly as last night's (`same_reading`)."""
    def same(a: FetchRecord, b: FetchRecord) -> bool:
        answered = a.error is None and a.status is not None and 200 <= a.status < 300
        if a.sha256 != b.sha256:
            return bool(a.sha256) and (a.final_url, a.content_type, a.charset, a.sha256, b.sha256) in same_reading
        return bool(a.sha256) or not answered

    return len(now) == len(before) and all(same(a, b) for a, b in zip(now, before, strict=True))


def rehashed(hashes: Mapping[str, str], same_reading: Collection[Reread]) -> dict[str, str]:
    """Last night's content hashes (URL → hash) for documents of which tonight brought new bytes that read
    the same (`same_reading`): the hash of a document without text is that of its bytes (engine/judge.py
    `content_hashes`), so such a hash becomes tonight's bytes' and the history's diff still shows the new
    file; a hash of the text stands."""
    out = dict(hashes)
    for final_url, _, _, now, before in same_reading:
        if out.get(final_url) == before:
            out[final_url] = now
    return out


def _unsure(fetched: Fetched, unsure: Collection[str]) -> bool:
    return fetched.url in unsure or fetched.final_url in unsure


def item_inputs(trails: Sequence[UrlTrail], memo: dict[int, bytes]) -> str:
    """sha256 of what evaluation reads for one item: each trail's submitted URL, notes and the links it left at
    the depth limit, and for every URL
    reached its place in the trail, how it answered (not when, how fast, nor whether from the cache) and its
    document whole. `memo`: document digests by `id()`, shared by the items of one agency (they often read
    the same documents); valid while those documents live."""
    h = hashlib.sha256()
    for t in trails:
        h.update(repr((t.submitted, t.notes, t.also_asked, t.unfollowed)).encode("utf-8", "surrogatepass"))
        for g in t.retrieved:
            f = g.fetched
            h.update(repr((g.depth, g.parent, g.link, f.url, f.final_url, f.status, f.content_type, f.charset,
                           f.error, f.error_detail, f.redirects, f.attempts, f.truncated, f.insecure,
                           f.budget_cut)).encode("utf-8", "surrogatepass"))
            h.update(_document_digest(g.document, memo))
    return h.hexdigest()


# Every field a document's repr shows but its text: its title, links, kind, errors, marks (`facts` is the crawler's).
_DIGESTED = tuple(f.name for f in fields(Document) if f.repr and f.name != "pages")


def _document_digest(doc: Document | None, memo: dict[int, bytes]) -> bytes:
    if doc is None:
        return b"\x00none"
    got = memo.get(id(doc))
    if got is None:
        # Every field but the text through its repr (`facts` is the crawler's and not in the repr, but for the
        # pictures in a page's content, which evaluation reads: evaluate/item.py `_pictured`); the text page by
        # page, each with its length, so no two different page splits hash alike. The fields' values are read
        # straight, not through a copy of the document made without its pages (a copy cost more than the hash).
        h = hashlib.sha256(repr(tuple(getattr(doc, name) for name in _DIGESTED)).encode("utf-8", "surrogatepass"))
        if doc.facts is not None and doc.facts.images:
            h.update(repr(doc.facts.images).encode("utf-8", "surrogatepass"))
        for page in doc.pages:
            data = page.encode("utf-8", "surrogatepass")
            h.update(len(data).to_bytes(8, "big"))
            h.update(data)
        got = memo[id(doc)] = h.digest()
    return got


def content_hashes(gathered: Mapping[str, tuple[UrlTrail, ...]]) -> dict[str, str]:
    return {g.fetched.final_url: _content_hash(g) for trails in gathered.values() for t in trails
            for g in t.retrieved if g.fetched.ok and (g.fetched.body or g.fetched.body_sha256)}


def _content_hash(got: Retrieved) -> str:
    """sha256 of the text read (template lines already stripped), else of the bytes.

    Hashing the text keeps a page's visitor counter or a re-exported PDF's new timestamp from showing up as
    "document changed" every night in the history diff.
    """
    doc = got.document
    if doc is not None and not doc.error and any(doc.pages):
        return hashlib.sha256("\n".join(doc.pages).encode("utf-8")).hexdigest()
    return got.fetched.body_sha256 or hashlib.sha256(got.fetched.body).hexdigest()


def also_asked_of(trails: Sequence[UrlTrail]) -> tuple[tuple[str, str], ...]:
    """What an item asked for besides its fetch records (`Finding.also_asked`), once each."""
    return tuple(dict.fromkeys(a for t in trails for a in t.also_asked))


def reused(finding: Finding, trails: Sequence[UrlTrail]) -> Finding:
    """Last night's finding as tonight's: tonight's fetch records, no suppression yet, marked."""
    return replace(finding, fetches=fetch_records(trails), suppressed="", reused=True)


def reuse_finding(before: Finding, trails: Sequence[UrlTrail], inputs_now: str) -> Finding | None:
    """On the worker, after the template is stripped: last night's finding when the item reads what it read
    last night (`inputs_now`, from `item_inputs`); else None (evaluate)."""
    return reused(before, trails) if before.inputs and before.inputs == inputs_now else None


def same_text(before: Finding, trails: Sequence[UrlTrail], hashes_now: Mapping[str, str],
              hashes_before: Mapping[str, str]) -> Finding | None:
    """`before` (reused) when every document of `trails` leaves, after the template is stripped, the text it
    left last night; else None. Enough on its own only when the documents are last night's bytes, reached by
    the same links."""
    for t in trails:
        for g in t.retrieved:
            if g.document is None:
                continue
            url = g.fetched.final_url
            now = hashes_now.get(url)
            if now is None or now != hashes_before.get(url):
                return None
    return reused(before, trails)


# What a finding is judged by: the worker's entry point and everything it imports, and the reason messages (data
# beside the catalogue code) whose severities decide a finding's status.
_JUDGE_MODULES = ("oit_checker.engine.judge", "oit_checker.engine.reuse")
_MESSAGES = ("oit_checker/catalogue/messages.toml", PACKAGE_ROOT / "catalogue" / "messages.toml")


@cache
def judge_fingerprint() -> str:
    """Changes whenever the code that judges an item, or a reason's message or severity, changes."""
    return sources_fingerprint([*package_sources(_JUDGE_MODULES), _MESSAGES])


def run_version(version: str) -> str:
    """The tool version a run is stored under: `version` and the judging code's fingerprint ("0.1.0+3f9c…"). A
    previous run's findings are reused only under the same (`previous_for_reuse`)."""
    return f"{version}+{judge_fingerprint()}"


def previous_for_reuse(key: RunKey, previous: RunKey | None) -> bool:
    """Whether findings stored under `previous` may be reused by a run under `key`: the same key, and a day of the
    check no earlier than the previous run's. A finding found on a day may not hold on an earlier one: a document
    dated between the two days passed then and is dated after the check now (`dated_after_check`; a backdated
    `--as-of`). A previous run without its day (stored before it was kept) is not reused by a run with one."""
    if previous is None or previous != key:
        return False
    return key.day is None or (previous.day is not None and key.day >= previous.day)


_DAY_MARK = "@"  # `stored_reading`: between the reading key and the day


def stored_reading(reading: str, day: date | None) -> str:
    """What a run stores as its reading settings (history `RunMeta.reading`): the reading key and the day of the
    check ("5e7719a3c0d4b2f1@2026-01-20"), which the history keeps no other way."""
    return reading if day is None else f"{reading}{_DAY_MARK}{day.isoformat()}"


def read_reading(stored: str) -> tuple[str, date | None]:
    """(reading key, day of the check) from what a run stored (`stored_reading`); no day for a run stored without
    one, or one that cannot be read."""
    key, mark, day = stored.partition(_DAY_MARK)
    if not mark:
        return stored, None
    try:
        return key, date.fromisoformat(day)
    except ValueError:
        return key, None
