"""One agency checked alone has its items evaluated in parts, side by side on the extraction workers: its
findings are exactly those of one evaluation, in the catalogue's order, and a part that runs past the bound
still makes the whole agency `evaluation_timeout` (nothing is half-judged)."""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import urlsplit

from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
from oit_checker.config.manifest import load_manifests
from oit_checker.demo import HostMapTransport
from oit_checker.engine import session as session_mod
from oit_checker.engine.session import RunOptions, run_agencies
from oit_checker.extract.pool import DEFAULT_DEPTH, THROUGHPUT_DEPTH
from oit_checker.model import Agency, RunResult
from oit_checker.report.json_out import finding_dict
from tests.conftest import FIXTURES


def _demo(base: str) -> tuple[list[Agency], HostMapTransport]:
    agencies = load_manifests([FIXTURES / "demo" / "agency.toml"])
    host = urlsplit(agencies[0].home or "").hostname or ""
    return agencies, HostMapTransport({host: base})


def _check(base: str, options: RunOptions) -> RunResult:
    agencies, transport = _demo(base)
    return asyncio.run(run_agencies(agencies, load_catalogue(catalogue_path_for(2568)), 2568, options,
                                    transport=transport))


def _findings(run: RunResult) -> list[dict[str, Any]]:
    [agency] = run.agencies
    out = []
    for f in agency.findings:
        d = finding_dict(f)
        d.pop("fetches", None)  # how long each URL took differs between two runs
        out.append(json.loads(json.dumps(d, sort_keys=True, default=str)))
    return out


def test_one_agency_alone_is_evaluated_in_one_part_per_worker() -> None:
    assert RunOptions(extract_workers=2).for_agencies(1).evaluation_parts == 2
    assert RunOptions(extract_workers=2).for_agencies(3).evaluation_parts == 1
    assert RunOptions(extract_workers=1).for_agencies(1).evaluation_parts == 1
    assert RunOptions(extract_workers=2, evaluation_parts=1).for_agencies(1).evaluation_parts == 1


def test_one_agency_gets_short_worker_queues_and_several_get_deep_ones() -> None:
    """One agency's pages must not wait behind its own queued documents (a first check is latency); a night of
    several agencies keeps the workers fed (throughput). A depth given explicitly is kept."""
    assert RunOptions(extract_workers=2).for_agencies(1).extract_depth == DEFAULT_DEPTH
    assert RunOptions(extract_workers=2).for_agencies(2).extract_depth == THROUGHPUT_DEPTH
    assert RunOptions(extract_depth=7).for_agencies(100).extract_depth == 7
    with RunOptions(extract_workers=0).for_agencies(5).extract_pool() as pool:
        assert pool.depth == THROUGHPUT_DEPTH
    with RunOptions(extract_workers=0).extract_pool() as pool:
        assert pool.depth == DEFAULT_DEPTH


def test_findings_in_parts_are_those_of_one_evaluation(demo_base_url: str, monkeypatch: Any) -> None:
    calls: list[int] = []
    real = session_mod.Checker

    def counting(*args: Any, **kwargs: Any) -> Any:
        checker = real(*args, **kwargs)
        call = checker.extractor.call

        async def counted(fn: Any, *a: Any, timeout: float) -> Any:
            calls.append(len(a[0]))  # the items of this part
            return await call(fn, *a, timeout=timeout)

        checker.extractor.call = counted  # type: ignore[method-assign]
        return checker

    monkeypatch.setattr(session_mod, "Checker", counting)
    whole = _check(demo_base_url, RunOptions(extract_workers=2, evaluation_parts=1))
    assert calls == [27]
    calls.clear()
    parts = _check(demo_base_url, RunOptions(extract_workers=2))
    assert sorted(calls) == [13, 14]
    assert [f.item for f in parts.agencies[0].findings] == [f.item for f in whole.agencies[0].findings]
    assert _findings(parts) == _findings(whole)
    statuses = {f.item: f.status.value for f in parts.agencies[0].findings}
    assert statuses["O7"] == "fail" and statuses["O1"] == "pass"  # the demo's seed verdicts, not a blank run


def test_a_pool_started_before_the_run_is_closed_inside_its_event_loop(demo_base_url: str) -> None:
    """`check` starts its workers before reading the rules, outside the run's event loop; the run takes the
    pool over and closes it while its loop still runs, so no connection to a worker is left to the collector."""
    import gc
    import warnings

    options = RunOptions(extract_workers=2).for_agencies(1)
    agencies, transport = _demo(demo_base_url)
    catalogue = load_catalogue(catalogue_path_for(2568))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with options.extract_pool() as pool:
            pool.start()
            run = asyncio.run(run_agencies(agencies, catalogue, 2568, options, transport=transport, pool=pool))
            assert pool.closed
        gc.collect()
    assert run.agencies[0].findings and pool.stats.calls == 2  # the demo judged in two parts on these workers
    unclosed = [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]
    assert unclosed == []


async def test_no_more_parts_than_the_pool_can_run_at_once() -> None:
    """Asked for two workers within memory for one (the pool's memory bound keeps one), an agency alone is
    evaluated in one part: a second part would wait for the same worker with its bound already running."""
    gb = 1024**3
    options = RunOptions(extract_workers=2, extract_memory_bytes=gb, extract_memory_total=2 * gb).for_agencies(1)
    assert options.evaluation_parts == 2 and options.extract_pool().workers == 1
    async with session_mod.Session(options) as session:
        assert session.checker.evaluation_parts == 1
    async with session_mod.Session(RunOptions(extract_workers=0).for_agencies(1)) as session:
        assert session.checker.evaluation_parts == 1  # in process: one part
