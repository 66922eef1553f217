"""What changed between two runs (pure: two `RunResult`s in, a `RunDiff` out).

Findings are matched by (agency slug, item). Status transitions are sorted into:
- regressions: pass → anything else (fail, could not check, needs review) — what got worse;
- fixed: anything else → pass;
- changed: between two non-pass statuses (e.g. fail → could not check), reported but not counted.
"Could not check" after a pass is a regression on purpose: an assessor who cannot open the URL scores it
zero, and the table says plainly it was the site that could not be reached.

Also: submitted URLs added or removed per item, documents whose content hash changed (the same URL read
in both runs), agencies and items present in one run only.
"""

from __future__ import annotations

from oit_checker.model import AgencyResult, Finding, Reason, RunResult, Status
from oit_checker.model.diff import DocumentChange, ItemChange, RunDiff, UrlChange


def _by_slug(run: RunResult) -> dict[str, AgencyResult]:
    return {(a.agency.slug or a.agency.name): a for a in run.agencies}


def _problems(f: Finding) -> tuple[Reason, ...]:
    return tuple(r for r in f.reasons if r.severity is not Status.PASS)


def _sort_key(c: ItemChange | UrlChange) -> tuple[str, int, str]:
    number = int(c.item[1:]) if c.item[1:].isdigit() else 0
    return (c.agency_name, number, c.item)


def diff_runs(base: RunResult, head: RunResult, *, head_partial: bool = False) -> RunDiff:
    """`base` is the older run. With `head_partial` (an interrupted newer run), agencies it did not reach are
    not reported as missing."""
    old, new = _by_slug(base), _by_slug(head)
    regressions: list[ItemChange] = []
    fixed: list[ItemChange] = []
    changed: list[ItemChange] = []
    added: list[UrlChange] = []
    removed: list[UrlChange] = []
    docs: list[DocumentChange] = []
    new_items: list[tuple[str, str]] = []
    for slug, now in new.items():
        before = old.get(slug)
        if before is None:
            continue
        name = now.agency.name
        previous = {f.item: f for f in before.findings}
        for f in now.findings:
            p = previous.get(f.item)
            if p is None:
                new_items.append((name, f.item))
                continue
            if p.status is not f.status:
                change = ItemChange(slug, name, f.item, f.name_th, f.name_en, p.status, f.status,
                                    _problems(f), f.suppressed)
                if p.status is Status.PASS:
                    regressions.append(change)
                elif f.status is Status.PASS:
                    fixed.append(change)
                else:
                    changed.append(change)
            old_urls, new_urls = set(p.urls), set(f.urls)
            added += [UrlChange(slug, name, f.item, u) for u in f.urls if u not in old_urls]
            removed += [UrlChange(slug, name, f.item, u) for u in p.urls if u not in new_urls]
        readers: dict[str, list[str]] = {}
        for f in now.findings:
            for url in f.documents:
                readers.setdefault(url, []).append(f.item)
        for url, digest in now.document_hashes.items():
            was = before.document_hashes.get(url)
            if was is not None and was != digest:
                docs.append(DocumentChange(slug, name, url, was, digest,
                                           tuple(dict.fromkeys(readers.get(url, ())))))
    missing = () if head_partial else tuple(old[s].agency.name for s in old if s not in new)
    return RunDiff(
        base_run=base.run_id, head_run=head.run_id, base_started=base.started_at, head_started=head.started_at,
        regressions=tuple(sorted(regressions, key=_sort_key)), fixed=tuple(sorted(fixed, key=_sort_key)),
        changed=tuple(sorted(changed, key=_sort_key)), added_urls=tuple(sorted(added, key=_sort_key)),
        removed_urls=tuple(sorted(removed, key=_sort_key)),
        changed_documents=tuple(sorted(docs, key=lambda d: (d.agency_name, d.url))),
        new_agencies=tuple(new[s].agency.name for s in new if s not in old), missing_agencies=missing,
        new_items=tuple(new_items),
        fiscal_years=(base.fiscal_year, head.fiscal_year) if base.fiscal_year != head.fiscal_year else None,
    )
