"""`oit-checker audit`, `diff` and `history`: the command-line edge of `engine.audit` and the history.

Exit codes: 0 no gaps · 1 gaps (fail, review or error not accepted by a suppression) · 3 regressions
since the previous run (an item that passed last time and does not now, not accepted) · 2 usage or
configuration error · 130 interrupted (the run is stored as incomplete).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import importlib.util
import io
import json
import signal
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.text import Text

from oit_checker.catalogue import rules as catalogue_rules
from oit_checker.cli.common import (
    choose_fiscal_year,
    load_rules,
    manifest_agencies,
    parse_items,
    today,
    validate_items,
    year_line,
    year_style,
)
from oit_checker.cli.console import SafeConsole, make_console
from oit_checker.cli.exit_codes import EXIT_GAPS, EXIT_INTERRUPTED, EXIT_OK, EXIT_REGRESSIONS
from oit_checker.cli.options import (
    add_cache_options,
    add_crawl_options,
    add_lang_option,
    add_report_options,
    add_rule_options,
    cache_dir,
    run_options,
)
from oit_checker.cli.output import check_writable, emit, emit_console, write_atomic_stream
from oit_checker.config.manifest import ManifestFiles
from oit_checker.config.projection import Method, load_projection_method
from oit_checker.config.suppress import Suppression, SuppressionOutcome, load_suppressions
from oit_checker.engine.audit import AuditOutcome, AuditProgress, AuditSettings, DaskSettings, audit
from oit_checker.engine.diff import diff_runs
from oit_checker.engine.history import HistoryStore, RunStatus, StoreSpec, default_db_path, parse_age, redact
from oit_checker.engine.readback import StoredAgencies
from oit_checker.engine.trends import DEFAULT_RUNS, load_history
from oit_checker.errors import HistoryError, UsageError
from oit_checker.extract.cache import EXTRACT_CACHE_FILE
from oit_checker.extract.pool import close_early
from oit_checker.model import Catalogue, RunResult, Status
from oit_checker.model.diff import RunDiff
from oit_checker.model.trend import AgencyTrack, History
from oit_checker.report import json_out, table
from oit_checker.report import trends as trends_report
from oit_checker.report.json_out import diff_dict
from oit_checker.report.since import diff_markdown, print_diff, print_suppressions, suppressions_markdown
from oit_checker.text.i18n import count, text
from oit_checker.text.sanitize import one_line
from oit_checker.text.sizes import human_bytes

AUDIT_FORMATS = ("table", "json", "md", "html", "junit")
DIFF_FORMATS = ("table", "json", "md")


def exit_code(run: RunResult, diff: RunDiff | None, gaps: int | None = None) -> int:
    """`gaps`: the number of findings neither pass nor suppressed, when already counted (an audit counts
    them as it stores each agency); else counted from `run`."""
    if diff is not None and diff.counted_regressions:
        return EXIT_REGRESSIONS
    if gaps is None:
        gaps = sum(1 for a in run.agencies for f in a.findings if f.status is not Status.PASS and not f.suppressed)
    return EXIT_GAPS if gaps else EXIT_OK


# ---------------------------------------------------------------- reports


def agency_summary_lines(run: RunResult, diff: RunDiff | None, lang: str) -> list[str]:
    """One line per agency: its counts and how many of its items regressed since the previous run."""
    regressed: dict[str, int] = {}
    for c in diff.regressions if diff is not None else ():
        regressed[c.agency] = regressed.get(c.agency, 0) + 1
    lines = []
    for a in run.agencies:
        counts = {s: sum(1 for f in a.findings if f.status is s and not f.suppressed) for s in Status}
        clean = all(f.status is Status.PASS or f.suppressed for f in a.findings)
        accepted = sum(1 for f in a.findings if f.suppressed)  # counted in none of the statuses above
        lines.append(text("audit.agency_line", lang, status="✔" if clean else "✘", name=one_line(a.agency.name),
                          passed=counts[Status.PASS], total=len(a.findings), fail=counts[Status.FAIL],
                          review=counts[Status.REVIEW], error=counts[Status.ERROR],
                          regressed=regressed.get(a.agency.slug, 0))
                     + (text("audit.agency_line_accepted", lang, accepted=accepted) if accepted else ""))
    return lines


def _json_extra(diff: RunDiff | None, supp: SuppressionOutcome | None, incomplete: bool,
                extra: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "run_status": RunStatus.INCOMPLETE.value if incomplete else RunStatus.COMPLETE.value,
        "since_last_run": diff_dict(diff) if diff is not None else None,
        "suppressions": None if supp is None else {
            "applied": [{"agency": a.agency, "item": a.item, "code": a.suppression.code,
                         "reason": a.suppression.reason, "expires": a.suppression.expires.isoformat()}
                        for a in supp.applied],
            "expired": [_supp_dict(s) for s in supp.expired],
            "unused": [_supp_dict(s) for s in supp.unused],
        },
        **(extra or {}),
    }


def render(fmt: str, run: RunResult, diff: RunDiff | None, supp: SuppressionOutcome | None, lang: str, *,
           incomplete: bool = False, extra: dict[str, Any] | None = None, console: Console | None = None,
           details: bool = True, catalogue: Catalogue | None = None, history: History | None = None,
           method: Method | None = None) -> str:
    """The report as text (for `table`, printed to `console` when given and "" returned). `method`: the score
    projection's (`--projection`; None: the default)."""
    if fmt == "json":
        return json_out.render(run, method, extra=_json_extra(diff, supp, incomplete, extra))
    if fmt == "md":
        from oit_checker.report import markdown

        body = markdown.render(run, lang, method)
        head, sep, rest = body.partition("\n## ")
        since = "\n".join(diff_markdown(diff, lang) + suppressions_markdown(supp, lang))
        return f"{head}\n{since}\n{sep.lstrip(chr(10))}{rest}" if sep else f"{body}\n{since}\n"
    if fmt == "html":
        from oit_checker.report import html as html_report  # imported when used: a faster start

        return html_report.render(run, diff, supp, lang, method, incomplete=incomplete, catalogue=catalogue,
                                  history=history)
    if fmt == "junit":
        from oit_checker.report import junit

        return junit.render(run, diff, lang)
    target = console or SafeConsole(width=150, no_color=True, highlight=False, record=True, file=io.StringIO())
    print_diff(target, diff, lang)
    print_suppressions(target, supp, lang)
    if details:
        table.print_run(target, run, lang, method)
    else:  # one line per agency; the full tables with --details
        target.rule(Text(text("audit.agencies_heading", lang), style="bold"))
        for line in agency_summary_lines(run, diff, lang):
            target.print(line, markup=False, soft_wrap=True)
    return "" if console is not None else target.export_text()


def _supp_dict(s: Suppression) -> dict[str, str]:
    return {"agency": s.agency, "item": s.item, "code": s.code, "reason": s.reason,
            "expires": s.expires.isoformat(), "where": s.where()}


def _targets(args: argparse.Namespace) -> list[tuple[str, str | None]]:
    """(format, path or None for stdout), validated before the run so a typo costs no night's work."""
    out: list[tuple[str, str | None]] = [(args.format, args.output)]
    for spec in getattr(args, "report", None) or []:
        fmt, sep, path = spec.partition(":")
        if not sep or fmt not in AUDIT_FORMATS or not path:
            raise UsageError(text("cli.report_spec", spec=repr(spec), formats=", ".join(AUDIT_FORMATS)))
        out.append((fmt, path))
    for _fmt, path in out:
        if path is not None:
            check_writable(path)
    return out


def _write_reports(targets: list[tuple[str, str | None]], outcome_run: RunResult, diff: RunDiff | None,
                   supp: SuppressionOutcome | None, lang: str, console: Console, *, quiet: bool,
                   incomplete: bool = False, extra: dict[str, Any] | None = None, details: bool = True,
                   catalogue: Catalogue | None = None, history: History | None = None,
                   method: Method | None = None) -> None:
    for fmt, path in targets:
        if fmt == "json":  # written agency by agency: a national run's report is never one string in memory
            if path is not None:
                write_atomic_stream(path, lambda out: json_out.write(
                    out, outcome_run, method, extra=_json_extra(diff, supp, incomplete, extra)))
            elif not quiet:
                json_out.write(sys.stdout, outcome_run, method, extra=_json_extra(diff, supp, incomplete, extra))
                sys.stdout.flush()
            continue
        if path is None:
            if quiet:
                continue
            if fmt == "table":
                render(fmt, outcome_run, diff, supp, lang, incomplete=incomplete, console=console, details=details,
                       method=method)
            else:
                sys.stdout.write(render(fmt, outcome_run, diff, supp, lang, incomplete=incomplete, extra=extra,
                                        catalogue=catalogue, history=history, method=method))
                sys.stdout.flush()
            continue
        emit(render(fmt, outcome_run, diff, supp, lang, incomplete=incomplete, extra=extra, catalogue=catalogue,
                    history=history, method=method), path)


def _history_for(targets: list[tuple[str, str | None]], store: HistoryStore, run_id: int | None,
                 label: str | None, runs: int) -> History | None:
    """The stored runs behind the trend charts, read only when an HTML report is written. Fewer than two runs
    asked for: no trend section (one run is no trend, whatever the history holds)."""
    if run_id is None or runs < 2 or not any(fmt == "html" for fmt, _ in targets):
        return None
    return load_history(store, label=label, limit=runs, upto=run_id)


def _catalogue_of(run: RunResult) -> Catalogue | None:
    """The bundled catalogue the run was checked with, for the fix-kit checklists; None when it is not there
    (a run made with --rules or an override names another file)."""
    try:
        cat = catalogue_rules.load_catalogue(run.catalogue_source) if Path(run.catalogue_source).is_file() \
            else catalogue_rules.load_catalogue(catalogue_rules.catalogue_path_for(run.criteria_year))
    except catalogue_rules.CatalogueError:
        return None
    return cat if cat.version == run.catalogue_version else None


# ---------------------------------------------------------------- commands




def _open_store(args: argparse.Namespace) -> HistoryStore:
    """The history that `diff` and `history` read: an SQLite file that is not there is a mistyped `--db` (or no
    audit yet), said as such rather than answered from a new empty database left behind."""
    spec = StoreSpec.of(args.db)
    if not spec.is_postgres and not Path(spec.url).exists():
        raise HistoryError(text("history.no_database", where=spec.url))
    return spec.open()


def _dask_settings(args: argparse.Namespace) -> DaskSettings | None:
    if args.executor != "dask":
        if args.scheduler or args.workers is not None:
            raise UsageError(text("cli.dask_only"))
        return None
    if (args.workers is not None and args.workers < 1) or args.batch < 1:
        raise UsageError(text("cli.dask_counts"))
    if args.scheduler and args.workers is not None:
        raise UsageError(text("cli.dask_workers_or_scheduler"))
    if importlib.util.find_spec("distributed") is None:
        raise UsageError(text("cli.dask_missing"))
    return DaskSettings(scheduler=args.scheduler, workers=args.workers, batch=args.batch)


def _database_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [sqlite3.DatabaseError]
    psycopg = sys.modules.get("psycopg")  # loaded only when a PostgreSQL history is in use
    if psycopg is not None:
        errors.append(psycopg.Error)
    return tuple(errors)


@contextlib.contextmanager
def _history_errors(location: str) -> Iterator[None]:
    """A history database damaged past its first pages fails only when a query reaches the bad page, and a
    PostgreSQL server can go away mid-command: say which history, as a configuration error (exit 2), not as
    a crash."""
    try:
        yield
    except _database_errors() as exc:
        raise HistoryError(text("cli.history_damaged", path=location, why=exc)) from exc


@contextlib.contextmanager
def _progress_display(enabled: bool, counters: AuditProgress) -> Iterator[Callable[[], None] | None]:
    if not enabled:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    err = make_console(stderr=True)
    display = Progress(SpinnerColumn(), TextColumn(text("progress.agencies"), style="bold", markup=False),
                       BarColumn(), MofNCompleteColumn(),
                       TextColumn("· {task.fields[urls]} · {task.fields[errors]}", markup=False),
                       TimeElapsedColumn(), console=err, transient=True)
    task = display.add_task("audit", total=counters.total or None, urls=text("progress.urls", n=0),
                            errors=text("progress.errors", n=0))

    def update() -> None:
        display.update(task, total=counters.total or None, completed=counters.done,
                       urls=text("progress.urls", n=counters.urls), errors=text("progress.errors", n=counters.errors))

    with display:
        yield update


async def _audit_main(*a: Any, **kw: Any) -> AuditOutcome:
    # SIGTERM (systemd stop, cron timeout) cancels the run like Ctrl-C, so it is stored as incomplete.
    task = asyncio.current_task()
    loop = asyncio.get_running_loop()
    installed = False
    if task is not None and threading.current_thread() is threading.main_thread():
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signal.SIGTERM, task.cancel)
            installed = True
    try:
        return await audit(*a, **kw)
    finally:
        if installed:
            loop.remove_signal_handler(signal.SIGTERM)


def cmd_audit(args: argparse.Namespace, console: Console, *,
              transport_factory: Callable[[], httpx.AsyncBaseTransport] | None = None) -> int:
    """`transport_factory` (picklable, no arguments) replaces the network in every Session, on every worker.

    A run that will extract every document it reads (no extraction cache yet: a first night, or `--no-cache`)
    starts its extraction workers before anything else, so that they import their libraries while this
    process reads the rules, the manifests and the history (≈0.7 s on its own otherwise, one core idle); its
    pool takes them over when the first document comes. Any it does not take are ended with the command."""
    try:
        if _extracts_everything(args):
            run_options(args).start_workers_early()
        return _audit_command(args, console, transport_factory)
    finally:
        close_early()


def _extracts_everything(args: argparse.Namespace) -> bool:
    """A local run in one lane without an extraction cache to read from (every document is extracted)."""
    cache = cache_dir(args)
    return args.executor == "local" and args.lanes in (None, 1) and (
        cache is None or not (cache / EXTRACT_CACHE_FILE).exists())


def _audit_command(args: argparse.Namespace, console: Console,
                   transport_factory: Callable[[], httpx.AsyncBaseTransport] | None) -> int:
    manifests = ManifestFiles(args.manifest)
    choice = choose_fiscal_year(args.fiscal_year, manifests.preliminary, today())
    fiscal_year = choice.fiscal_year
    cat = load_rules(args, fiscal_year)
    agencies = manifest_agencies(manifests, cat)
    if not agencies:
        raise UsageError(text("cli.no_agencies"))
    slugs: dict[str, str] = {}
    for a in agencies:
        if a.slug in slugs:
            raise UsageError(text("cli.same_slug", slug=repr(a.slug), a=slugs[a.slug], b=a.source))
        slugs[a.slug] = a.source
    items = parse_items(args.items)
    validate_items(items, cat)
    suppressions = load_suppressions(args.suppress or [])
    # None without --projection: the JSON report's agency sections are then rendered where they are stored.
    method = _method(args)
    targets = _targets(args)
    options = run_options(args)
    if args.lanes is not None:
        if args.lanes < 1 or args.executor != "local":
            raise UsageError(text("cli.lanes_count"))
        options = dataclasses.replace(options, lanes=args.lanes)
    dask_settings = _dask_settings(args)
    cache = cache_dir(args)
    settings = AuditSettings(options=options, item_ids=items, force_fiscal_year=args.fiscal_year is not None,
                             cache_dir=cache, suppressions=suppressions, today=today(), label=args.label,
                             resume=args.resume, dask=dask_settings, reuse=not args.no_reuse,
                             report_section=json_out.agency_section if method is None and any(
                                 fmt == "json" and (path is not None or not args.quiet) for fmt, path in targets)
                             else None)
    err = make_console(stderr=True)
    spec = StoreSpec.of(args.db)
    store = spec.open()
    if not args.quiet:  # which fiscal year and criteria, and why: a night checked against the wrong year is lost
        err.print(year_line(choice, cat, args), style=year_style(choice), markup=False, soft_wrap=True)
    counters = AuditProgress(total=len(agencies))
    outcome: AuditOutcome | None = None
    try:
        # Progress only when a person watches: both streams on a terminal (never under cron or CI).
        show = err.is_terminal and sys.stdout.isatty() and not args.quiet
        with _progress_display(show, counters) as update:
            try:
                outcome = asyncio.run(_audit_main(agencies, cat, fiscal_year, store, settings,
                                                  transport_factory=transport_factory, store_spec=spec,
                                                  progress=counters, on_change=update, read_back=True))
            except (KeyboardInterrupt, asyncio.CancelledError):
                err.print(text("cli.audit_interrupted", done=counters.done, total=counters.total,
                               run=counters.run_id if counters.run_id is not None else "RUN_ID"), markup=False)
                return EXIT_INTERRUPTED
        code = exit_code(outcome.run, outcome.diff, outcome.gaps)
        extra = {"cache": None if outcome.cache is None else {
                     "http": outcome.cache.as_dict(),
                     "extraction": dataclasses.asdict(outcome.extract_cache) if outcome.extract_cache else None},
                 "requests": outcome.requests, "extractions": outcome.extractions,
                 "worker_cpu_s": outcome.worker_cpu.as_dict(),
                 "findings_reused": outcome.reused, "exit_code": code, "label": outcome.label}
        _write_reports(targets, outcome.run, outcome.diff, outcome.suppressions, args.lang, console,
                       quiet=args.quiet, extra=extra, details=args.details, catalogue=cat,
                       history=_history_for(targets, store, outcome.run.run_id, outcome.label, args.trend_runs),
                       method=method)
        if not args.quiet:
            _summary(err, outcome, code, args.lang)
        return code
    finally:
        if outcome is not None and isinstance(outcome.run.agencies, StoredAgencies):
            outcome.run.agencies.close()
        store.close()


def _summary(err: Console, o: AuditOutcome, code: int, lang: str) -> None:
    parts = [text("audit.summary_run", lang, run=o.run.run_id, agencies=len(o.run.agencies), items=o.findings,
                  gaps=o.gaps)]
    if o.diff is not None:
        parts.append(count("audit.summary_diff", len(o.diff.regressions), lang, fixed=len(o.diff.fixed),
                           base=o.diff.base_run))
    if o.cache is not None:
        parts.append(count("audit.summary_requests", o.requests, lang, not_modified=o.cache.not_modified))
    if o.extract_cache is not None:
        parts.append(count("audit.summary_reused", o.extract_cache.hits, lang))
    if o.reused:
        parts.append(count("audit.summary_findings_reused", o.reused, lang))
    if o.cache is not None and o.cache.disabled:
        parts.append(text("audit.summary_cache_off", lang, why=o.cache.disabled))
    if o.cache is not None and o.cache.evicted:
        parts.append(count("audit.summary_cache_full", o.cache.evicted, lang, cap=human_bytes(o.cache.max_bytes)))
    if o.crashed:
        parts.append(text("audit.summary_crashed", lang, names=", ".join(o.crashed)))
    if o.executor != "local":
        parts.append(text("audit.summary_executor", lang, executor=o.executor))
    if o.lanes > 1:
        parts.append(text("audit.summary_lanes", lang, lanes=o.lanes))
    for why in o.lanes_lost:
        parts.append(text("audit.summary_lanes_lost", lang, why=why))
    parts.append(text("audit.summary_end", lang, seconds=f"{o.seconds:.1f}", code=int(code)))
    err.print(" · ".join(parts), markup=False, highlight=False, soft_wrap=True)


def _resolve_pair(store: HistoryStore, a: int | None, b: int | None, label: str | None) -> tuple[int, int]:
    """The runs `diff` compares: both given; else RUN_A against the latest run of its label; else the latest run
    (of `label`, or of any) against the run before it of the same label. Runs of another label are another
    set of agencies."""
    if a is not None and b is not None:
        return a, b
    if a is not None and label is None:
        label = store.run_info(a).label
    runs = store.list_runs(1, label)
    if not runs:
        raise UsageError(text("fix.no_runs_label", label=repr(label)) if label else text("cli.no_runs"))
    latest = runs[0].id
    if a is not None:
        if a == latest:
            raise UsageError(text("cli.latest_run", run=a))
        return a, latest
    # The run before it in its own series: another label's run would be another set of agencies.
    series = runs[0].label if label is None else label
    base = store.previous_run(latest, series)
    if base is None:
        raise UsageError(text("cli.one_run", run=latest, label=repr(series)))
    return base.id, latest


def cmd_diff(args: argparse.Namespace, console: Console) -> int:
    store = _open_store(args)
    try:
        a, b = _resolve_pair(store, args.run_a, args.run_b, args.label)
        base, head = store.load_run(a), store.load_run(b)
        partial = store.run_info(b).status is not RunStatus.COMPLETE
    finally:
        store.close()
    diff = diff_runs(base, head, head_partial=partial)
    if args.format == "json":
        out = json.dumps(diff_dict(diff), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "md":
        out = "\n".join(diff_markdown(diff, args.lang)) + "\n"
    else:
        out = ""
    if args.format == "table":
        emit_console(lambda c: print_diff(c, diff, args.lang), args.output, console)
    else:
        emit(out, args.output)
    return EXIT_REGRESSIONS if diff.counted_regressions else EXIT_OK


def cmd_history(args: argparse.Namespace, console: Console) -> int:
    store = _open_store(args)
    try:
        if args.history_cmd == "list":
            return _history_list(store, args, console)
        if args.history_cmd == "show":
            if args.agency:
                return _history_agency(store, args, console)
            if args.run is None:
                raise UsageError(text("fix.show_needs"))
            info = store.run_info(args.run)
            run = store.load_run(args.run)
            base = store.previous_run(args.run, info.label)
            diff = diff_runs(store.load_run(base.id), run, head_partial=info.status is not RunStatus.COMPLETE
                             ) if base is not None else None
            targets = [(args.format, args.output)]
            _write_reports(targets, run, diff, None, args.lang, console, quiet=False,
                           incomplete=info.status is not RunStatus.COMPLETE, catalogue=_catalogue_of(run),
                           history=_history_for(targets, store, args.run, info.label, args.runs),
                           method=_method(args))
            return EXIT_OK
        # prune
        if not args.keep and args.keep_runs is None:
            raise UsageError(text("cli.prune_needs"))
        try:
            age = parse_age(args.keep) if args.keep else None
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
        doomed = store.prune(older_than=age, keep_runs=args.keep_runs, dry_run=args.dry_run)
        if args.dry_run:
            console.print(count("cli.would_delete", len(doomed), runs=", ".join(map(str, doomed)) or "—"))
            return EXIT_OK
        if args.vacuum:
            store.vacuum()
        console.print(count("cli.deleted", len(doomed), runs=": " + ", ".join(map(str, doomed)) if doomed else ""))
        return EXIT_OK
    finally:
        store.close()


def _find_track(history: History, wanted: str) -> AgencyTrack:
    """An agency by its key, else its exact name, else the one name or key containing `wanted`."""
    tracks = history.agencies
    for test in (lambda t: t.slug == wanted, lambda t: t.name == wanted,
                 lambda t: wanted.casefold() in t.name.casefold() or wanted.casefold() in t.slug.casefold()):
        hits = [t for t in tracks if test(t)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            names = ", ".join(f"{t.name} ({t.slug})" for t in sorted(hits, key=lambda t: t.slug)[:10])
            raise UsageError(text("fix.agency_ambiguous", wanted=repr(wanted), n=len(hits), names=names))
    known = ", ".join(sorted(t.slug for t in tracks)[:10]) + (" …" if len(tracks) > 10 else "")
    raise UsageError(text("fix.agency_unknown", wanted=repr(wanted), known=known or "—"))


def _method(args: argparse.Namespace) -> Method | None:
    """The score projection of `--projection FILE`; None without it (the default method)."""
    return load_projection_method(args.projection) if args.projection else None


def _history_agency(store: HistoryStore, args: argparse.Namespace, console: Console) -> int:
    method = _method(args)
    history = load_history(store, label=args.label, limit=args.runs, upto=args.run)
    if not history.runs:
        raise UsageError(text("fix.no_runs_label", label=repr(args.label)) if args.label else text("cli.no_runs"))
    track = _find_track(history, args.agency)
    fmt = args.format
    if fmt == "html":
        from oit_checker.report import html as html_report

        out = html_report.agency_history_page(track, label=args.label, method=method, lang=args.lang)
    elif fmt == "json":
        out = json.dumps(trends_report.agency_history_dict(track, method), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "junit":
        raise UsageError(text("fix.agency_formats"))
    else:
        out = trends_report.agency_history_markdown(track, method, lang=args.lang)
    if fmt == "table" and not args.output:
        console.print(out, markup=False, highlight=False, soft_wrap=True)
    else:
        emit(out, args.output)
    return EXIT_OK


def _history_list(store: HistoryStore, args: argparse.Namespace, console: Console) -> int:
    from rich.table import Table

    runs = store.list_runs(args.limit, args.label)
    tab = Table(title=f"oit-checker history — {store.location}", title_justify="left")
    for col in ("run", "label", "started", "finished", "status", "fy", "ita", "agencies", "pass", "fail",
                "review", "error"):
        tab.add_column(text(f"history_list.{col}"))
    for r in runs:
        style = {"complete": "green", "incomplete": "red", "running": "yellow"}[r.status.value]
        tab.add_row(str(r.id), r.label, r.started_at, r.finished_at or "—", f"[{style}]{r.status.value}[/]",
                    str(r.fiscal_year), f"{r.criteria_year} {r.catalogue_version}",
                    f"{r.agencies_done}/{r.agencies_total}",
                    *(str(r.counts.get(s.value, 0)) for s in Status))
    console.print(tab)
    return EXIT_OK


# ---------------------------------------------------------------- argparse


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="PATH|URL", help=text("help.db", path=default_db_path()))


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `audit`, `diff` and `history` on the CLI's subparsers."""
    p = sub.add_parser("audit", help=text("help.audit"), description=text("help.audit_description"))
    p.add_argument("manifest", nargs="+", help=text("help.audit_manifest"))
    add_rule_options(p)
    add_report_options(p, AUDIT_FORMATS)
    p.add_argument("--report", metavar="FORMAT:PATH", action="append", help=text("help.report"))
    p.add_argument("--details", action="store_true", help=text("help.details"))
    _add_db(p)
    p.add_argument("--label", help=text("help.label"))
    add_cache_options(p)
    p.add_argument("--no-reuse", action="store_true", help=text("help.no_reuse"))
    p.add_argument("--suppress", metavar="FILE", action="append", help=text("help.suppress"))
    p.add_argument("--quiet", "-q", action="store_true", help=text("help.quiet"))
    p.add_argument("--resume", type=int, metavar="RUN_ID", help=text("help.resume"))
    p.add_argument("--trend-runs", type=int, default=DEFAULT_RUNS, metavar="N", help=text("help.trend_runs"))
    p.add_argument("--projection", metavar="FILE", help=text("help.projection"))
    add_crawl_options(p)
    x = p.add_argument_group(text("help.executor_group"))
    x.add_argument("--executor", choices=("local", "dask"), default="local", help=text("help.executor"))
    x.add_argument("--scheduler", metavar="tcp://HOST:8786", help=text("help.scheduler"))
    x.add_argument("--workers", type=int, metavar="N", help=text("help.workers"))
    x.add_argument("--batch", type=int, default=DaskSettings().batch, metavar="N", help=text("help.batch"))
    x.add_argument("--lanes", type=int, metavar="N", help=text("help.lanes"))

    d = sub.add_parser("diff", help=text("help.diff"), description=text("help.diff_description"))
    d.add_argument("run_a", nargs="?", type=int, metavar="RUN_A", help=text("help.run_a"))
    d.add_argument("run_b", nargs="?", type=int, metavar="RUN_B", help=text("help.run_b"))
    _add_db(d)
    d.add_argument("--label", help=text("help.diff_label"))
    add_report_options(d, DIFF_FORMATS)

    h = sub.add_parser("history", help=text("help.history"), description=text("help.history"))
    hs = h.add_subparsers(dest="history_cmd", required=True, metavar=text("help.action"))
    hl = hs.add_parser("list", help=text("help.history_list"), description=text("help.history_list"))
    _add_db(hl)
    hl.add_argument("--limit", type=int, default=30, metavar="N", help=text("help.limit"))
    hl.add_argument("--label", help=text("help.diff_label"))
    add_lang_option(hl)
    sh = hs.add_parser("show", help=text("help.history_show"), description=text("help.history_show"))
    sh.add_argument("run", type=int, nargs="?", metavar="RUN_ID", help=text("help.run_id_agency"))
    _add_db(sh)
    add_report_options(sh, AUDIT_FORMATS)
    sh.add_argument("--agency", metavar="NAME", help=text("help.agency"))
    sh.add_argument("--label", help=text("help.diff_label"))
    sh.add_argument("--runs", type=int, default=DEFAULT_RUNS, metavar="N", help=text("help.trend_runs_show"))
    sh.add_argument("--projection", metavar="FILE", help=text("help.projection"))
    pr = hs.add_parser("prune", help=text("help.history_prune"), description=text("help.history_prune"))
    _add_db(pr)
    pr.add_argument("--keep", metavar="AGE", help=text("help.keep"))
    pr.add_argument("--keep-runs", type=int, metavar="N", help=text("help.keep_runs"))
    pr.add_argument("--vacuum", action="store_true", help=text("help.vacuum"))
    pr.add_argument("--dry-run", action="store_true", help=text("help.dry_run"))
    add_lang_option(pr)


def _guarded(command: Callable[[argparse.Namespace, Console], int]) -> Callable[[argparse.Namespace, Console], int]:
    def run(args: argparse.Namespace, console: Console) -> int:
        spec = StoreSpec.of(args.db)
        with _history_errors(spec.url if not spec.is_postgres else redact(spec.url)):
            return command(args, console)
    return run


COMMANDS: dict[str, Callable[[argparse.Namespace, Console], int]] = {
    "audit": _guarded(cmd_audit), "diff": _guarded(cmd_diff), "history": _guarded(cmd_history),
}
