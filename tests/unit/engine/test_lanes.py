"""How many processes share a night's agencies (engine/lanes.py `lanes_for`, `lane_options`), and the queue of
units they take from. The processes themselves: tests/integration/test_lanes.py."""

from __future__ import annotations

import asyncio
import os
import pickle
import threading
from types import SimpleNamespace

import pytest

from oit_checker.engine import lanes
from oit_checker.engine.batch import CheckSettings, check_and_store_from
from oit_checker.engine.lanes import (
    EXIT_EVALUATION_BOUND,
    MIN_AGENCIES_PER_LANE,
    Helper,
    RemotePool,
    Units,
    _answer,
    lane_options,
    lanes_for,
)
from oit_checker.engine.session import RunOptions
from oit_checker.fetch.client import FetchSettings
from oit_checker.fetch.render import RenderSettings
from oit_checker.model import Agency, AgencyResult


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


@pytest.mark.usefixtures("two_cores")
def test_a_warm_night_of_enough_agencies_takes_one_lane_per_core() -> None:
    assert lanes_for(RunOptions(), 100, warm=True, possible=True) == 2
    assert lanes_for(RunOptions(), 2 * MIN_AGENCIES_PER_LANE, warm=True, possible=True) == 2
    assert lanes_for(RunOptions(), 2 * MIN_AGENCIES_PER_LANE - 1, warm=True, possible=True) == 1  # not worth a start


@pytest.mark.usefixtures("two_cores")
def test_a_cold_night_keeps_one_lane_unless_asked() -> None:
    assert lanes_for(RunOptions(), 100, warm=False, possible=True) == 1  # extraction spreads over the cores already
    assert lanes_for(RunOptions(lanes=3), 100, warm=False, possible=True) == 3
    assert lanes_for(RunOptions(lanes=3), 2, warm=True, possible=True) == 2  # never more lanes than agencies


@pytest.mark.usefixtures("two_cores")
def test_no_helper_where_one_cannot_start_or_would_cost_more_than_it_gains() -> None:
    # The network given as an object of this process (the demo, tests), or no history location to pass on:
    assert lanes_for(RunOptions(lanes=2), 100, warm=True, possible=False) == 1
    # A browser per lane for --render, even when asked:
    assert lanes_for(RunOptions(render=RenderSettings()), 100, warm=True, possible=True) == 1
    assert lanes_for(RunOptions(render=RenderSettings(), lanes=2), 100, warm=True, possible=True) == 1


def test_lanes_follow_the_cores_up_to_a_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert lanes_for(RunOptions(), 100, warm=True, possible=True) == 1
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    assert lanes_for(RunOptions(), 1000, warm=True, possible=True) == 4


@pytest.mark.usefixtures("two_cores")
def test_each_lane_takes_its_share_of_the_limits_and_the_pool_keeps_the_cores_left() -> None:
    options = RunOptions(fetch=FetchSettings(global_limit=16), agencies_at_once=8)
    assert lane_options(options, 1) is options
    two = lane_options(options, 2)
    assert (two.fetch.global_limit, two.agencies_at_once, two.extract_workers, two.lanes) == (8, 4, 1, 2)
    assert two.fetch.per_host == options.fetch.per_host  # a host is only ever fetched by one lane
    three = lane_options(RunOptions(fetch=FetchSettings(global_limit=16), agencies_at_once=8,
                                    extract_workers=3), 3)
    # Never more in all than asked for: 3 × 5 connections ≤ 16, 3 × 2 agencies ≤ 8.
    assert (three.fetch.global_limit, three.agencies_at_once, three.extract_workers) == (5, 2, 3)


def placed(n: int) -> tuple[int, Agency]:
    return n, Agency(name=f"a{n}", home=None, items={})


def test_units_go_in_order_and_a_lost_lanes_units_come_first_again() -> None:
    async def go() -> list[object]:
        units = Units([[placed(1)], [placed(2), placed(3)], [placed(4)]])
        units.helpers_running = 1
        got: list[object] = [units.take_now(), await units.take()]
        waiting = asyncio.ensure_future(units.take())  # the queue is empty but a helper runs: wait
        got.append(units.take_now())  # [a4]
        await asyncio.sleep(0)
        assert not waiting.done()
        units.give_back([[placed(2), placed(3)]])  # the helper died holding them
        got.append(await waiting)
        waiting = asyncio.ensure_future(units.take())
        await asyncio.sleep(0)
        units.helpers_running = 0
        units.notify()
        got.append(await waiting)  # no helper left, nothing queued: the main lane is done
        return got

    got = asyncio.run(go())
    assert got == [[placed(1)], [placed(2), placed(3)], [placed(4)], [placed(2), placed(3)], None]


def _slow(seconds: float) -> str:
    import time

    time.sleep(seconds)
    return "judged"


def _fails() -> None:
    raise ValueError("a bug in a rule")


class _Heard:
    """The lane's end of its socket, as RemotePool uses it: what it told the main process."""

    def __init__(self) -> None:
        self.told: list[tuple[object, ...]] = []
        self.flushed = False

    def tell(self, kind: str, *args: object) -> None:
        self.told.append((kind, *args))

    async def flush(self) -> None:
        self.flushed = True


def test_a_lane_evaluates_in_its_own_process_within_the_bound_and_ends_past_it() -> None:
    heard = _Heard()
    exits: list[int] = []
    pool = RemotePool(heard, exit=exits.append)  # type: ignore[arg-type]

    async def go() -> None:
        assert await pool.call(_slow, 0.0, timeout=5.0) == "judged"
        with pytest.raises(ValueError, match="a bug in a rule"):  # its own errors come back as the pool's do
            await pool.call(_fails, timeout=5.0)
        # Each evaluation is announced with its bound (the main process watches it) and its end said.
        assert heard.told == [("evaluating", 0, 5.0), ("evaluated", 0), ("evaluating", 1, 5.0), ("evaluated", 1)]
        assert exits == []
        heard.told.clear()
        with pytest.raises(TimeoutError):  # (the real exit never returns: the process is gone)
            await pool.call(_slow, 0.3, timeout=0.05)

    asyncio.run(go())
    assert heard.told[:2] == [("evaluating", 2, 0.05), ("failed", "an evaluation ran past its bound of 0 s")]
    assert heard.flushed
    assert exits == [EXIT_EVALUATION_BOUND]  # the main process then checks this lane's agencies on its pool


class _Process:
    def __init__(self) -> None:
        self.killed = 0

    def kill(self) -> None:
        self.killed += 1


def test_the_main_process_ends_a_lane_whose_evaluation_overruns_and_the_lane_cannot_act(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A backtracking pattern inside `re` holds the lane's interpreter lock: the lane cannot end itself. The main
    # process, told of the evaluation and its bound, ends it WATCH_MARGIN_S later (its agencies then go back).
    monkeypatch.setattr(lanes, "WATCH_MARGIN_S", 0.05)
    stuck, fine = Helper(process=_Process(), sock=None), Helper(process=_Process(), sock=None)  # type: ignore[arg-type]

    async def go() -> None:
        for helper in (stuck, fine):
            server = lanes._Server(helper, None, Units([]), lambda *a: None)  # type: ignore[arg-type]
            server.handle(("evaluating", -1, 7, 0.05))
        lanes._Server(fine, None, Units([]), lambda *a: None).handle(("evaluated", -1, 7))  # type: ignore[arg-type]
        await asyncio.sleep(0.3)

    asyncio.run(go())
    assert stuck.process.killed == 1 and "past its bound of 0 s" in (stuck.failure or "")  # type: ignore[attr-defined]
    assert fine.process.killed == 0 and fine.failure is None  # type: ignore[attr-defined]


class _Checker:
    """Checks an agency in 0.05 s, counting how many are checked at once."""

    def __init__(self) -> None:
        self.now = self.most = 0

    async def check(self, agency: Agency, catalogue: object, fiscal_year: int, item_ids: object, *,
                    previous: object = None) -> AgencyResult:
        self.now += 1
        self.most = max(self.most, self.now)
        await asyncio.sleep(0.05)
        self.now -= 1
        return AgencyResult(agency=agency, fiscal_year=fiscal_year, findings=(), started_at="", finished_at="")


class _Store:
    def __init__(self) -> None:
        self.stored: list[str] = []

    def load_agency(self, run_id: int, slug: str) -> None:
        return None

    def record_agency(self, run_id: int, result: AgencyResult, *, ordinal: int) -> AgencyResult:
        self.stored.append(result.agency.slug)
        return result


def test_a_lanes_slots_share_the_agencies_of_a_unit() -> None:
    # Sixteen agencies on one provincial server are one unit (one lane, so --per-host holds): the lane's
    # slots still check them side by side, the fetcher's per-host limit being the only bound among them.
    checker, store = _Checker(), _Store()
    session = SimpleNamespace(checker=checker, options=RunOptions(agencies_at_once=4))
    unit = [(n, Agency(name=f"a{n}", home=None, items={}, slug=f"a{n}")) for n in range(16)]
    units = [unit, [(16, Agency(name="b", home=None, items={}, slug="b"))]]

    async def take() -> list[tuple[int, Agency]] | None:
        return units.pop(0) if units else None

    summary = asyncio.run(check_and_store_from(session, store, 1, take, object(), 2569,  # type: ignore[arg-type]
                                               CheckSettings()))
    assert summary.checked == 17 and sorted(store.stored) == sorted([f"a{n}" for n in range(16)] + ["b"])
    assert checker.most == 4


class _Picky(Exception):
    """An exception pickle cannot carry: it holds a lock. (One with its own required arguments cannot be rebuilt
    by plain pickle either, but a library that registers exception pickling, as tblib does once Dask is
    imported, rebuilds it: this test must not depend on which tests ran before it.)"""

    def __init__(self, code: int, where: str) -> None:
        super().__init__(f"{code} at {where}")
        self.lock = threading.Lock()


class _Bytes:
    def __init__(self) -> None:
        self.data = b""

    def write(self, data: bytes) -> None:
        self.data += data


def test_an_error_that_would_not_arrive_whole_arrives_as_one_that_names_it() -> None:
    out = _Bytes()
    _answer(out, 7, False, _Picky(3, "the worker"))  # type: ignore[arg-type]
    kind, ident, ok, value = pickle.loads(out.data[8:])
    assert (kind, ident, ok) == ("answer", 7, False)
    assert isinstance(value, RuntimeError) and str(value) == "_Picky: 3 at the worker"
    out = _Bytes()
    _answer(out, 8, False, TimeoutError("past 30 s"))  # type: ignore[arg-type]
    assert isinstance(pickle.loads(out.data[8:])[3], TimeoutError)  # one that travels keeps its type


def test_slots_waiting_for_units_take_the_agencies_of_the_one_that_came() -> None:
    # A lane gone gives back a unit of six while three slots wait for work: all three check them at once (the
    # next unit, or the night's end, only comes once they are done).
    checker, store = _Checker(), _Store()
    session = SimpleNamespace(checker=checker, options=RunOptions(agencies_at_once=3))
    unit = [(n, Agency(name=f"a{n}", home=None, items={}, slug=f"a{n}")) for n in range(6)]
    calls = 0

    async def take() -> list[tuple[int, Agency]] | None:
        nonlocal calls
        calls += 1
        if calls == 1:
            await asyncio.sleep(0.05)  # the unit comes while the other slots wait for theirs
            return unit
        while len(store.stored) < 6:  # no more units until these are checked
            await asyncio.sleep(0.01)
        return None

    asyncio.run(check_and_store_from(session, store, 1, take, object(), 2569,  # type: ignore[arg-type]
                                     CheckSettings()))
    assert sorted(store.stored) == [f"a{n}" for n in range(6)] and checker.most == 3
