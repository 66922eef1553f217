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
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from oit_checker.cli.common import load_rules, parse_items, today, validate_items
from oit_checker.cli.console import make_console
from oit_checker.cli.exit_codes import EXIT_GAPS, EXIT_INTERRUPTED, EXIT_OK, EXIT_REGRESSIONS
from oit_checker.cli.options import add_crawl_options, add_report_options, add_rule_options, run_options
from oit_checker.cli.output import check_writable, emit, emit_console
from oit_checker.config.manifest import load_manifests
from oit_checker.config.suppress import Suppression, SuppressionOutcome, load_suppressions
from oit_checker.engine.audit import AuditOutcome, AuditProgress, AuditSettings, DaskSettings, audit
from oit_checker.engine.diff import diff_runs
from oit_checker.engine.history import HistoryStore, RunStatus, StoreSpec, default_db_path, parse_age, redact
from oit_checker.engine.session import resolve_fiscal_year
from oit_checker.errors import HistoryError, UsageError
from oit_checker.fetch.httpcache import default_cache_dir
from oit_checker.model import RunResult, Status
from oit_checker.model.diff import RunDiff
from oit_checker.report import html as html_report
from oit_checker.report import json_out, junit, markdown, table
from oit_checker.report.json_out import diff_dict
from oit_checker.report.since import diff_markdown, print_diff, print_suppressions, suppressions_markdown

AUDIT_FORMATS = ("table", "json", "md", "html", "junit")
DIFF_FORMATS = ("table", "json", "md")


def exit_code(run: RunResult, diff: RunDiff | None) -> int:
    if diff is not None and diff.counted_regressions:
        return EXIT_REGRESSIONS
    gaps = [f for a in run.agencies for f in a.findings if f.status is not Status.PASS and not f.suppressed]
    return EXIT_GAPS if gaps else EXIT_OK


# ---------------------------------------------------------------- reports


def render(fmt: str, run: RunResult, diff: RunDiff | None, supp: SuppressionOutcome | None, lang: str, *,
           incomplete: bool = False, extra: dict[str, Any] | None = None, console: Console | None = None) -> str:
    """The report as text (for `table`, printed to `console` when given and "" returned)."""
    if fmt == "json":
        data: dict[str, Any] = {
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
        return json_out.render(run, extra=data)
    if fmt == "md":
        text = markdown.render(run, lang)
        head, sep, rest = text.partition("\n## ")
        since = "\n".join(diff_markdown(diff, lang) + suppressions_markdown(supp, lang))
        return f"{head}\n{since}\n{sep.lstrip(chr(10))}{rest}" if sep else f"{text}\n{since}\n"
    if fmt == "html":
        return html_report.render(run, diff, supp, lang, incomplete=incomplete)
    if fmt == "junit":
        return junit.render(run, diff, lang)
    target = console or Console(width=150, no_color=True, highlight=False, record=True, file=io.StringIO())
    print_diff(target, diff, lang)
    print_suppressions(target, supp, lang)
    table.print_run(target, run, lang)
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
            raise UsageError(f"--report {spec!r}: expected FORMAT:PATH with FORMAT one of {', '.join(AUDIT_FORMATS)}")
        out.append((fmt, path))
    for _fmt, path in out:
        if path is not None:
            check_writable(path)
    return out


def _write_reports(targets: list[tuple[str, str | None]], outcome_run: RunResult, diff: RunDiff | None,
                   supp: SuppressionOutcome | None, lang: str, console: Console, *, quiet: bool,
                   incomplete: bool = False, extra: dict[str, Any] | None = None) -> None:
    for fmt, path in targets:
        if path is None:
            if quiet:
                continue
            if fmt == "table":
                render(fmt, outcome_run, diff, supp, lang, incomplete=incomplete, console=console)
            else:
                sys.stdout.write(render(fmt, outcome_run, diff, supp, lang, incomplete=incomplete, extra=extra))
                sys.stdout.flush()
            continue
        emit(render(fmt, outcome_run, diff, supp, lang, incomplete=incomplete, extra=extra), path)


# ---------------------------------------------------------------- commands




def _open_store(args: argparse.Namespace) -> HistoryStore:
    return StoreSpec.of(args.db).open()


def _dask_settings(args: argparse.Namespace) -> DaskSettings | None:
    if args.executor != "dask":
        if args.scheduler or args.workers is not None:
            raise UsageError("--scheduler and --workers go with --executor dask")
        return None
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers: give at least 1")
    if args.batch < 1:
        raise UsageError("--batch: give at least 1")
    if args.scheduler and args.workers is not None:
        raise UsageError("--workers starts a local cluster; with --scheduler the cluster's own workers are used")
    if importlib.util.find_spec("distributed") is None:
        raise UsageError("--executor dask needs Dask's distributed: pip install 'oit-checker[dask]'")
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
        raise HistoryError(f"{location}: the history database cannot be read ({exc}); if it is damaged, restore "
                           "a backup, or move the file aside to start a new history") from exc


@contextlib.contextmanager
def _progress_display(enabled: bool, counters: AuditProgress) -> Iterator[Callable[[], None] | None]:
    if not enabled:
        yield None
        return
    err = make_console(stderr=True)
    display = Progress(SpinnerColumn(), TextColumn("[bold]agencies"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("· URLs {task.fields[urls]} · errors {task.fields[errors]}"),
                       TimeElapsedColumn(), console=err, transient=True)
    task = display.add_task("audit", total=counters.total or None, urls=0, errors=0)

    def update() -> None:
        display.update(task, total=counters.total or None, completed=counters.done, urls=counters.urls,
                       errors=counters.errors)

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
    """`transport_factory` (picklable, no arguments) replaces the network in every Session, on every worker."""
    preliminary = load_manifests(args.manifest)
    fiscal_year = resolve_fiscal_year(args.fiscal_year, preliminary, today())
    cat = load_rules(args, fiscal_year)
    agencies = load_manifests(args.manifest, cat.ids)
    if not agencies:
        raise UsageError("no agencies in the manifest(s)")
    slugs: dict[str, str] = {}
    for a in agencies:
        if a.slug in slugs:
            raise UsageError(f"two agencies share the key {a.slug!r} ({slugs[a.slug]} and {a.source}); give one a "
                         f"distinct `slug` — history is kept per agency key")
        slugs[a.slug] = a.source
    items = parse_items(args.items)
    validate_items(items, cat)
    suppressions = load_suppressions(args.suppress or [])
    targets = _targets(args)
    options = run_options(args)
    dask_settings = _dask_settings(args)
    cache_dir = None if args.no_cache else Path(args.cache_dir or default_cache_dir()).absolute()
    settings = AuditSettings(options=options, item_ids=items, force_fiscal_year=args.fiscal_year is not None,
                             cache_dir=cache_dir, suppressions=suppressions, today=today(), label=args.label,
                             resume=args.resume, dask=dask_settings)
    err = make_console(stderr=True)
    spec = StoreSpec.of(args.db)
    store = spec.open()
    counters = AuditProgress(total=len(agencies))
    try:
        # Progress only when a person watches: both streams on a terminal (never under cron or CI).
        show = err.is_terminal and sys.stdout.isatty() and not args.quiet
        with _progress_display(show, counters) as update:
            try:
                outcome = asyncio.run(_audit_main(agencies, cat, fiscal_year, store, settings,
                                                  transport_factory=transport_factory, store_spec=spec,
                                                  progress=counters, on_change=update))
            except (KeyboardInterrupt, asyncio.CancelledError):
                err.print(f"interrupted: {counters.done} of {counters.total} agencies stored; the run is "
                          f"marked incomplete (resume it with --resume RUN_ID, see `oit-checker history list`)")
                return EXIT_INTERRUPTED
        code = exit_code(outcome.run, outcome.diff)
        extra = {"cache": None if outcome.cache is None else {
                     "http": outcome.cache.as_dict(),
                     "extraction": dataclasses.asdict(outcome.extract_cache) if outcome.extract_cache else None},
                 "requests": outcome.requests, "exit_code": code, "label": args.label}
        _write_reports(targets, outcome.run, outcome.diff, outcome.suppressions, args.lang, console,
                       quiet=args.quiet, extra=extra)
        if not args.quiet:
            _summary(err, outcome, code)
        return code
    finally:
        store.close()


def _summary(err: Console, o: AuditOutcome, code: int) -> None:
    findings = [f for a in o.run.agencies for f in a.findings]
    gaps = sum(1 for f in findings if f.status is not Status.PASS and not f.suppressed)
    parts = [f"run {o.run.run_id}: {len(o.run.agencies)} agencies, {len(findings)} items, {gaps} gaps"]
    if o.diff is not None:
        parts.append(f"{len(o.diff.regressions)} regressions, {len(o.diff.fixed)} fixed since run {o.diff.base_run}")
    if o.cache is not None:
        parts.append(f"{o.requests} requests, {o.cache.not_modified} not modified (304)")
    if o.extract_cache is not None:
        parts.append(f"{o.extract_cache.hits} extractions reused")
    if o.cache is not None and o.cache.disabled:
        parts.append(f"HTTP cache switched off: {o.cache.disabled}")
    if o.crashed:
        parts.append(f"check crashed for: {', '.join(o.crashed)}")
    if o.executor != "local":
        parts.append(f"checked on {o.executor}")
    parts.append(f"{o.seconds:.1f} s · exit {code}")
    err.print(" · ".join(parts), markup=False, highlight=False)


def _resolve_pair(store: HistoryStore, a: int | None, b: int | None, label: str | None) -> tuple[int, int]:
    if a is not None and b is not None:
        return a, b
    runs = store.list_runs(1, label)
    if not runs:
        raise UsageError("the history holds no runs yet")
    latest = runs[0].id
    if a is not None:
        if a == latest:
            raise UsageError(f"run {a} is the latest run; give a second run to compare with")
        return a, latest
    base = store.previous_run(latest, label)
    if base is None:
        raise UsageError("the history holds only one run; nothing to compare yet")
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
        text = json.dumps(diff_dict(diff), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "md":
        text = "\n".join(diff_markdown(diff, args.lang)) + "\n"
    else:
        text = ""
    if args.format == "table":
        emit_console(lambda c: print_diff(c, diff, args.lang), args.output, console)
    else:
        emit(text, args.output)
    return EXIT_REGRESSIONS if diff.counted_regressions else EXIT_OK


def cmd_history(args: argparse.Namespace, console: Console) -> int:
    store = _open_store(args)
    try:
        if args.history_cmd == "list":
            return _history_list(store, args, console)
        if args.history_cmd == "show":
            info = store.run_info(args.run)
            run = store.load_run(args.run)
            base = store.previous_run(args.run, info.label)
            diff = diff_runs(store.load_run(base.id), run, head_partial=info.status is not RunStatus.COMPLETE
                             ) if base is not None else None
            _write_reports([(args.format, args.output)], run, diff, None, args.lang, console, quiet=False,
                           incomplete=info.status is not RunStatus.COMPLETE)
            return EXIT_OK
        # prune
        if not args.keep and args.keep_runs is None:
            raise UsageError("history prune: give --keep AGE (e.g. 90d) and/or --keep-runs N")
        try:
            age = parse_age(args.keep) if args.keep else None
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
        doomed = store.prune(older_than=age, keep_runs=args.keep_runs, dry_run=args.dry_run)
        if args.dry_run:
            console.print(f"would delete {len(doomed)} run(s): {', '.join(map(str, doomed)) or '—'}")
            return EXIT_OK
        if args.vacuum:
            store.vacuum()
        console.print(f"deleted {len(doomed)} run(s){': ' + ', '.join(map(str, doomed)) if doomed else ''}")
        return EXIT_OK
    finally:
        store.close()


def _history_list(store: HistoryStore, args: argparse.Namespace, console: Console) -> int:
    from rich.table import Table

    runs = store.list_runs(args.limit, args.label)
    tab = Table(title=f"oit-checker history — {store.location}", title_justify="left")
    for col in ("run", "label", "started", "finished", "status", "FY", "ITA", "agencies", "pass", "fail",
                "review", "error"):
        tab.add_column(col)
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
    p.add_argument("--db", metavar="PATH|URL",
                   help=f"history database: an SQLite file (default: {default_db_path()}) or a PostgreSQL URL "
                        f"postgresql://USER@HOST:PORT/DBNAME shared by many machines (extra 'postgres')")


def add_audit_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `audit`, `diff` and `history` on the CLI's subparsers."""
    p = sub.add_parser(
        "audit", help="check many agencies, store the run in the history and report what changed",
        description="Check every agency of the manifest(s) in one run, store the results, compare with the "
                    "previous run. Exit codes: 0 no gaps · 1 gaps · 3 regressions since the previous run · "
                    "2 configuration error · 4 internal error · 130 interrupted.")
    p.add_argument("manifest", nargs="+", help="manifest TOML files ([[agency]] tables) or folders of them")
    add_rule_options(p)
    add_report_options(p, AUDIT_FORMATS)
    p.add_argument("--report", metavar="FORMAT:PATH", action="append",
                   help="also write a report, e.g. html:/var/www/oit/index.html (repeatable)")
    _add_db(p)
    p.add_argument("--label", default="default",
                   help="name of this audit series: 'since last run' compares with the previous run of the same "
                        "label (use one per manifest when several audits share a database)")
    p.add_argument("--cache-dir", metavar="DIR", help=f"HTTP and extraction cache (default: {default_cache_dir()})")
    p.add_argument("--no-cache", action="store_true", help="download and extract everything afresh")
    p.add_argument("--suppress", metavar="FILE", action="append", help="accepted gaps (TOML; repeatable)")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="print nothing but errors (reports go only to --output/--report files)")
    p.add_argument("--resume", type=int, metavar="RUN_ID", help="finish an interrupted run: check only the "
                   "agencies it has not stored yet")
    add_crawl_options(p)
    x = p.add_argument_group("where the agencies are checked (docs/scale-out.md)")
    x.add_argument("--executor", choices=("local", "dask"), default="local",
                   help="local: in this process (default) · dask: on a Dask cluster, each worker writing to the "
                        "history (extra 'dask'; use a PostgreSQL --db when workers run on other machines)")
    x.add_argument("--scheduler", metavar="tcp://HOST:8786", help="the Dask scheduler to use (with --executor dask)")
    x.add_argument("--workers", type=int, metavar="N",
                   help="without --scheduler: start a local Dask cluster of N worker processes (default: one per CPU)")
    x.add_argument("--batch", type=int, default=DaskSettings().batch, metavar="N",
                   help="agencies per Dask task; agencies sharing a host always go together (default: %(default)s)")

    d = sub.add_parser("diff", help="what changed between two stored runs (default: the last two)",
                       description="Exit codes: 0 no regressions · 3 regressions · 2 usage error.")
    d.add_argument("run_a", nargs="?", type=int, metavar="RUN_A", help="older run (default: the one before RUN_B)")
    d.add_argument("run_b", nargs="?", type=int, metavar="RUN_B", help="newer run (default: the latest)")
    _add_db(d)
    d.add_argument("--label", help="only runs of this audit label")
    add_report_options(d, DIFF_FORMATS)

    h = sub.add_parser("history", help="list, show or prune stored runs")
    hs = h.add_subparsers(dest="history_cmd", required=True, metavar="ACTION")
    hl = hs.add_parser("list", help="stored runs, newest first")
    _add_db(hl)
    hl.add_argument("--limit", type=int, default=30, metavar="N")
    hl.add_argument("--label")
    sh = hs.add_parser("show", help="the report of a stored run")
    sh.add_argument("run", type=int, metavar="RUN_ID")
    _add_db(sh)
    add_report_options(sh, AUDIT_FORMATS)
    pr = hs.add_parser("prune", help="delete old runs (the latest complete run of each label is always kept)")
    _add_db(pr)
    pr.add_argument("--keep", metavar="AGE", help="keep runs younger than AGE: 90d, 12w, 6m, 1y")
    pr.add_argument("--keep-runs", type=int, metavar="N", help="keep at most the newest N runs")
    pr.add_argument("--vacuum", action="store_true", help="give the freed space back to the file system")
    pr.add_argument("--dry-run", action="store_true", help="say what would be deleted, delete nothing")


def _guarded(command: Callable[[argparse.Namespace, Console], int]) -> Callable[[argparse.Namespace, Console], int]:
    def run(args: argparse.Namespace, console: Console) -> int:
        spec = StoreSpec.of(args.db)
        with _history_errors(spec.url if not spec.is_postgres else redact(spec.url)):
            return command(args, console)
    return run


AUDIT_COMMANDS: dict[str, Callable[[argparse.Namespace, Console], int]] = {
    "audit": _guarded(cmd_audit), "diff": _guarded(cmd_diff), "history": _guarded(cmd_history),
}
