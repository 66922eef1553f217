"""The stable JSON schema (documented in README.md, `schema_version` bumps on any breaking change)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import IO, Any, Protocol, runtime_checkable

from oit_checker.catalogue import reasons
from oit_checker.model import AgencyResult, Evidence, Finding, Reason, RunResult
from oit_checker.model.diff import ItemChange, RunDiff, UrlChange
from oit_checker.report.projection import INDICATOR_NAMES, Method, project
from oit_checker.text.jsontext import dumps_pretty
from oit_checker.text.sanitize import json_text, scrub

SCHEMA_VERSION = 1


def _evidence(e: Evidence) -> dict[str, Any]:
    return {"url": e.url, "page": e.page, "snippet": e.snippet}


def _reason(r: Reason) -> dict[str, Any]:
    return {
        "code": r.code,
        "severity": r.severity.value,
        "message_th": r.message_th,
        "message_en": r.message_en,
        "fix_th": reasons.fix_hint(r.code, "th", **r.detail),
        "fix_en": reasons.fix_hint(r.code, "en", **r.detail),
        "inferred": r.inferred,
        "evidence": [_evidence(e) for e in r.evidence],
        "detail": {k: v for k, v in r.detail.items()},
    }


def finding_dict(f: Finding) -> dict[str, Any]:
    out = {
        "item": f.item,
        "indicator": f.indicator,
        "name_th": f.name_th,
        "name_en": f.name_en,
        "status": f.status.value,
        "confidence": f.confidence.value,
        "inferred": f.inferred,
        "suppressed": f.suppressed or None,
        "urls": list(f.urls),
        "documents": list(f.documents),
        "reasons": [_reason(r) for r in f.reasons],
        "fetches": [{"url": x.url, "final_url": x.final_url, "status": x.status, "attempts": x.attempts,
                     "error": x.error or None, "detail": x.detail, "elapsed_s": x.elapsed_s,
                     "redirects": list(x.redirects), "insecure": x.insecure, "depth": x.depth}
                    for x in f.fetches],
        "found": [{"what_th": r.message_th, "what_en": r.message_en, "inferred": r.inferred,
                   "evidence": [_evidence(e) for e in r.evidence]} for r in f.found],
    }
    if f.reused:
        out["reused"] = True  # the previous run's verdict: its documents had not changed
    return out


def agency_dict(a: AgencyResult, method: Method | None = None) -> dict[str, Any]:
    proj = project(a.findings, method)
    return {
        "name": a.agency.name,
        "slug": a.agency.slug,
        "home": a.agency.home,
        "source": a.agency.source,
        "fiscal_year": a.fiscal_year,
        "started_at": a.started_at,
        "finished_at": a.finished_at,
        "complete": a.complete,
        "urls_fetched": a.urls_fetched,
        "documents_read": a.documents_read,
        "summary": {
            str(ind): {
                "name_th": INDICATOR_NAMES.get(ind, ("", ""))[0],
                "name_en": INDICATOR_NAMES.get(ind, ("", ""))[1],
                "items": p.items,
                "counts": dict(p.counts),
                "projection": {"pessimistic": p.pessimistic, "optimistic": p.optimistic,
                               "grade": list(p.grade_range), "arithmetic": p.arithmetic,
                               "estimate": True},
            }
            for ind, p in proj.items()
        },
        "findings": [finding_dict(f) for f in a.findings],
    }


def run_dict(run: RunResult, method: Method | None = None, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    method = method or Method()
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "oit-checker", "version": run.tool_version},
        "criteria": {"year": run.criteria_year, "version": run.catalogue_version,
                     "source": run.catalogue_source, "overrides": list(run.catalogue_overrides)},
        "fiscal_year": run.fiscal_year,
        "run_id": run.run_id,
        "started_at": run.started_at,
        "finished_at": run.finished_at,
        "projection_method": {"th": method.describe("th"), "en": method.describe("en")},
        "agencies": [agency_dict(a, method) for a in run.agencies],
    }
    if extra:
        out.update(extra)
    return out


def render(run: RunResult, method: Method | None = None, extra: dict[str, Any] | None = None) -> str:
    # Every string sanitised (controls, bidi overrides, URL credentials): JSON escapes C0 characters but
    # not C1 or the bidi overrides, and a reader may `cat` the file.
    return json_text(run_dict(run, method, extra), dumps_pretty) + "\n"


def agency_section(a: AgencyResult) -> str:
    """One agency's part of the report as `write` puts it (default projection method), before indenting.
    An audit renders it where the agency is stored (engine/readback.py), in parallel with the night."""
    return json_text(agency_dict(a), dumps_pretty)


@runtime_checkable
class Sectioned(Protocol):
    """A run's agencies whose JSON sections may already be rendered (engine/readback.py `StoredAgencies`)."""

    def section(self, index: int) -> str | None: ...


_AGENCIES = "\ue000agencies\ue000"  # a private-use placeholder no report string contains (scrub keeps it)


def write(out: IO[str], run: RunResult, method: Method | None = None, extra: dict[str, Any] | None = None) -> None:
    """`render`, written to `out` one agency at a time: the same text, never held whole in memory (a run of
    thousands of agencies is read back from the history agency by agency, see engine/audit.py)."""
    data = scrub(run_dict(replace(run, agencies=()), method, extra))
    data["agencies"] = _AGENCIES
    text = dumps_pretty(data)
    head, marker, tail = text.partition(dumps_pretty(_AGENCIES))
    assert marker, "the placeholder must appear once"
    out.write(head)
    out.write("[")
    first = True
    agencies = run.agencies
    ready = agencies if method is None and isinstance(agencies, Sectioned) else None
    for i in range(len(agencies)):
        section = ready.section(i) if ready is not None else None
        if section is None:
            section = json_text(agency_dict(agencies[i], method), dumps_pretty)
        out.write(("\n    " if first else ",\n    ") + section.replace("\n", "\n    "))  # indented as a list entry
        first = False
    out.write("\n  ]" if not first else "]")
    out.write(tail)
    out.write("\n")


# ---------------------------------------------------------------- what changed since the last run


def _change_dict(c: ItemChange) -> dict[str, object]:
    return {"agency": c.agency, "agency_name": c.agency_name, "item": c.item, "name_th": c.name_th,
            "name_en": c.name_en, "from": c.before.value, "to": c.after.value,
            "reasons": [r.code for r in c.reasons], "suppressed": c.suppressed or None}


def _urls(changes: Iterable[UrlChange]) -> list[dict[str, str]]:
    return [{"agency": u.agency, "agency_name": u.agency_name, "item": u.item, "url": u.url} for u in changes]


def diff_dict(d: RunDiff) -> dict[str, object]:
    """The JSON form (part of the audit JSON as `since_last_run`, and `oit-checker diff --format json`)."""
    d = scrub(d)
    return {
        "base_run": d.base_run, "head_run": d.head_run, "base_started_at": d.base_started,
        "head_started_at": d.head_started,
        "regressions": [_change_dict(c) for c in d.regressions],
        "fixed": [_change_dict(c) for c in d.fixed],
        "changed": [_change_dict(c) for c in d.changed],
        "added_urls": _urls(d.added_urls), "removed_urls": _urls(d.removed_urls),
        "changed_documents": [{"agency": c.agency, "agency_name": c.agency_name, "url": c.url,
                               "items": list(c.items), "sha256_before": c.before, "sha256_after": c.after}
                              for c in d.changed_documents],
        "new_agencies": list(d.new_agencies), "missing_agencies": list(d.missing_agencies),
        "new_items": [{"agency_name": a, "item": i} for a, i in d.new_items],
        "fiscal_years": list(d.fiscal_years) if d.fiscal_years else None,
    }
