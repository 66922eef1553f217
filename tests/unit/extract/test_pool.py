"""The process pool: time and crash bounds, recovery, cache, in-process mode, workers started before their pool.

The injected extract functions below are module-level so the spawned workers can unpickle them
(spawn hands the workers this process's sys.path, on which pytest put the repository root: they import
this module as tests.unit.extract.test_pool).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import pickle
import signal
import threading
import time

import psutil
import pytest

from oit_checker.extract import pool as pool_module
from oit_checker.extract.pool import (
    PRIORITY_DOCUMENT,
    PRIORITY_PAGE,
    ExtractPool,
    WorkerCpu,
    _Slots,
    close_early,
    start_early,
)
from oit_checker.model import DocKind, Document
from tests.support.paths import ROOT

CORPUS = ROOT / "fixtures" / "corpus"


# What b"wait" waits for, in-process: set by the test once it has seen what it came for.
RELEASE = threading.Event()


def fake_extract(body: bytes, url: str, content_type: str, charset: str | None) -> Document:
    """b"sleep:<s>" sleeps, b"spin:<s>" keeps the CPU busy for <s> seconds of its own time, b"hang" never
    returns (in a worker, until killed), b"wait" returns once RELEASE is set (in-process), b"crash…" kills its
    worker, b"hog" allocates past the memory bound."""
    if body.startswith(b"sleep:"):
        time.sleep(float(body[6:]))
    elif body.startswith(b"spin:"):
        began = time.process_time()
        while time.process_time() - began < float(body[5:]):
            pass
    elif body == b"hang":
        threading.Event().wait()
    elif body == b"wait":
        RELEASE.wait()
    elif body.startswith(b"crash"):
        os._exit(70)
    elif body == b"hog":
        hog = bytearray(1 << 31)  # 2 GiB against a 1 GiB bound
        return Document(url=url, kind=DocKind.OTHER, title=str(len(hog)))
    text = body.decode()
    return Document(url=url, kind=DocKind.OTHER, pages=(text,), title=text, charset=str(os.getpid()))


def _alive_children() -> set[int]:
    alive = set()
    for child in psutil.Process().children():
        with contextlib.suppress(psutil.NoSuchProcess):
            if child.status() != psutil.STATUS_ZOMBIE:
                alive.add(child.pid)
    return alive


async def test_timeout_crash_and_memory_bounds_with_recovery() -> None:
    # One pool through every failure, so the test pays for spawning workers only a few times.
    with ExtractPool(2, timeout=30, memory_limit=1 << 30, extract_fn=fake_extract) as pool:
        # Start both workers first: the bound counts from submission, and a cold start on a loaded CI
        # machine must not be what times out.
        await asyncio.gather(pool.extract(b"warm-1", "w1"), pool.extract(b"warm-2", "w2"))
        before = _alive_children()  # the two workers (and multiprocessing's helper processes)
        pool.timeout = 1.5
        # A document that never finishes, beside an innocent one: the first can only end by the bound, however
        # fast or slow this machine is; the innocent one, on the other worker, succeeds.
        slow, fine = await asyncio.gather(pool.extract(b"hang", "u1"), pool.extract(b"a", "u2"))
        assert slow.error == "timeout" and slow.url == "u1"
        assert fine.error is None and fine.title == "a"
        # The hanging worker was killed, not left running (nor awaited); a worker holds one document at a
        # time, so the other worker, which did nothing wrong, is still there.
        alive = _alive_children()
        assert len(before - alive) == 1, (before, alive)
        pool.timeout = 30  # the rest re-spawns workers, which must not race a short bound

        # A crash next to an innocent document: the innocent one is retried and succeeds.
        crash, innocent = await asyncio.gather(pool.extract(b"crash", "u3"), pool.extract(b"b", "u4"))
        assert crash.error == "too_complex"
        assert innocent.error is None and innocent.title == "b"

        # A crash alone is the culprit for sure: no retry.
        retries = pool.stats.retries
        assert (await pool.extract(b"crash", "u5")).error == "too_complex"
        assert pool.stats.retries == retries

        hog = await pool.extract(b"hog", "u6")
        assert hog.error == "too_complex"

        after = await pool.extract(b"c", "u7")
        assert after.error is None and after.title == "c"
        assert int(after.charset or 0) != os.getpid()  # really ran in a worker
        assert pool.stats.timeouts == 1 and pool.stats.restarts >= 3


async def test_real_extraction_in_workers_and_cache() -> None:
    pdf = (CORPUS / "a1_laksaman.pdf").read_bytes()
    html = (CORPUS / "h1_utf8_meta.html").read_bytes()
    async with ExtractPool(1) as pool:
        first, page = await asyncio.gather(
            pool.extract(pdf, "https://a.go.th/a.pdf", "application/pdf"),
            pool.extract(html, "https://a.go.th/news/", "text/html"),
        )
        assert first.page_count == 2 and first.error is None
        assert page.links[0].url == "https://a.go.th/menu0"
        # The same bytes at another URL: from the cache, with the URL of the request.
        again = await pool.extract(pdf, "https://mirror.go.th/copy.pdf", "application/octet-stream")
        assert again.url == "https://mirror.go.th/copy.pdf"
        assert again.pages == first.pages
        assert pool.stats.cache_hits == 1 and pool.stats.extracted == 2
        # HTML results depend on the URL (links are resolved against it): not shared across URLs.
        other = await pool.extract(html, "https://b.go.th/x/", "text/html")
        assert other.links[0].url == "https://b.go.th/menu0"
        assert pool.stats.extracted == 3


async def test_in_process_mode_dedupes_concurrent_requests() -> None:
    with ExtractPool(workers=0, extract_fn=fake_extract) as pool:
        docs = await asyncio.gather(*(pool.extract(b"sleep:0.2", f"u{i}") for i in range(5)))
        assert [d.url for d in docs] == [f"u{i}" for i in range(5)]
        assert pool.stats.extracted == 1 and pool.stats.cache_hits == 4
        assert docs[0].charset == str(os.getpid())  # in this process


async def test_a_cancelled_first_caller_does_not_cancel_the_others_waiting_for_the_same_bytes() -> None:
    # A document linked by two agencies (or by two lanes' agencies): the first asks, the second waits for that
    # extraction; the first is then cancelled (its agency's budget, its lane gone). The second still gets it.
    with ExtractPool(workers=0, extract_fn=fake_extract) as pool:
        first = asyncio.ensure_future(pool.extract(b"sleep:0.3", "u1"))
        await asyncio.sleep(0.05)
        second = asyncio.ensure_future(pool.extract(b"sleep:0.3", "u2"))
        await asyncio.sleep(0.05)
        first.cancel()
        doc = await second
        assert first.cancelled()
        assert doc.url == "u2" and doc.pages == ("sleep:0.3",)


async def test_in_process_timeout() -> None:
    # The extraction waits until the test lets it go: it cannot finish before the bound, whatever the load.
    RELEASE.clear()
    try:
        with ExtractPool(workers=0, timeout=0.1, extract_fn=fake_extract) as pool:
            doc = await pool.extract(b"wait", "u")
            assert doc.error == "timeout"
    finally:
        RELEASE.set()  # the thread cannot be stopped in-process: let it end


async def test_in_process_real_documents() -> None:
    with ExtractPool(workers=0) as pool:
        doc = await pool.extract((CORPUS / "e3_libreoffice_plan.xlsx").read_bytes(), "e3.xlsx")
        assert doc.kind is DocKind.XLSX and doc.error is None


def test_closed_pool_refuses_work() -> None:
    pool = ExtractPool(workers=0)
    pool.close()
    try:
        asyncio.run(pool.extract(b"x", "u"))
    except RuntimeError as exc:
        assert "closed" in str(exc)
    else:
        raise AssertionError("expected RuntimeError")


async def test_cache_is_bounded_by_entries_and_text() -> None:
    with ExtractPool(workers=0, cache_size=2, cache_chars=10_000, extract_fn=fake_extract) as pool:
        for body in (b"a", b"b", b"c"):
            await pool.extract(body, "u")
        assert pool.stats.extracted == 3
        await pool.extract(b"a", "u")  # evicted (least recently used): extracted again
        assert pool.stats.extracted == 4
        await pool.extract(b"c", "u")
        assert pool.stats.cache_hits == 1
        big = b"x" * 20_000  # more text than the whole cache may hold: never cached
        await pool.extract(big, "u")
        await pool.extract(big, "u")
        assert pool.stats.extracted == 6


def test_a_pool_serves_one_event_loop_after_another() -> None:
    """A Dask worker runs each batch in its own `asyncio.run` with the same pool: workers that talked to an
    earlier (closed) loop are replaced, and the new loop's documents are extracted."""
    with ExtractPool(1, extract_fn=fake_extract) as pool:
        first = asyncio.run(pool.extract(b"one", "u1"))
        second = asyncio.run(pool.extract(b"two", "u2"))
    assert first.title == "one" and second.title == "two"
    assert first.charset != second.charset  # a fresh worker for the second loop


async def test_a_worker_holds_the_next_task_and_a_queued_task_is_never_lost() -> None:
    """A worker is given the next task while it runs one (so it never waits for this process between two):
    a crash or a hang names the task the worker was running; the task queued behind it goes to another
    worker and succeeds, and each task's time bound counts from when its worker begins it."""
    with ExtractPool(1, timeout=30, memory_limit=1 << 30, extract_fn=fake_extract) as pool:
        await pool.extract(b"warm", "w")  # the worker has started (its start is not charged to a bound)
        crash, queued = await asyncio.gather(pool.extract(b"crash", "u1"), pool.extract(b"queued", "u2"))
        assert crash.error == "too_complex"
        assert queued.error is None and queued.title == "queued"
        assert pool.stats.crashes == 1 and pool.stats.retries == 1

        await pool.extract(b"warm-again", "w2")
        pool.timeout = 2.0
        # Two tasks of 1.2 s on one worker: 2.4 s in all, more than the bound, but each within it.
        first, second = await asyncio.gather(pool.extract(b"sleep:1.2", "u3"), pool.extract(b"sleep:1.21", "u4"))
        assert first.error is None and second.error is None
        assert first.charset == second.charset  # the same worker ran both

        # A hang queued behind a good task: the good one is answered, the hang ends by its own bound.
        good, hang = await asyncio.gather(pool.extract(b"good", "u5"), pool.extract(b"hang", "u6"))
        assert good.error is None and hang.error == "timeout"
        pool.timeout = 30
        after = await pool.extract(b"after", "u7")
        assert after.error is None and after.charset != first.charset  # a fresh worker replaced the hung one


async def test_a_worker_holds_as_many_tasks_as_the_pool_s_depth() -> None:
    """`depth` is how many tasks a worker is handed at once: when it crashes under the first, exactly the ones
    handed to it behind that one are sent again elsewhere (`retries`); the rest waited in this process and
    were never on it. Every innocent task is answered either way."""
    for depth in (1, 3):
        with ExtractPool(1, timeout=30, memory_limit=1 << 30, extract_fn=fake_extract, depth=depth) as pool:
            assert pool.depth == depth
            await pool.extract(b"warm", "w")
            got = await asyncio.gather(pool.extract(b"crash", "c"),
                                       *(pool.extract(f"q{i}".encode(), f"q{i}") for i in range(4)))
            assert got[0].error == "too_complex"
            assert [d.title for d in got[1:]] == ["q0", "q1", "q2", "q3"]
            assert pool.stats.crashes == 1
            assert pool.stats.retries == depth - 1


async def test_a_page_queued_behind_many_crashing_documents_is_never_blamed() -> None:
    """Tasks sent again after a crash stay together on the next worker: on a deep queue a page can sit behind
    several crashing documents and see every one of their workers die. Each crash blames its own document;
    the page is read in the end, however many it waited behind."""
    with ExtractPool(1, timeout=30, memory_limit=1 << 30, extract_fn=fake_extract, depth=8) as pool:
        await pool.extract(b"warm", "w")
        got = await asyncio.gather(*(pool.extract(f"crash{i}".encode(), f"c{i}") for i in range(5)),
                                   pool.extract(b"page", "p"))
        assert [d.error for d in got[:5]] == ["too_complex"] * 5
        assert got[5].error is None and got[5].title == "page"
        assert pool.stats.crashes == 5


class _Holder:
    """Takes `units` of `slots` as `name`, notes the order in which they were given, holds them until
    `release` is set."""

    def __init__(self, slots: _Slots) -> None:
        self.slots = slots
        self.order: list[str] = []

    async def __call__(self, name: str, units: int, priority: int, release: asyncio.Event) -> None:
        async with self.slots.take(priority, units):
            self.order.append(name)
            await release.wait()


async def test_a_large_body_takes_more_slots_and_nobody_overtakes_it() -> None:
    """The pool's slots bound how many pickled bodies are on their way to the workers; a large body takes a slot
    and one more per whole MiB (at most a worker's depth), so a site serving many large files cannot fill this process
    with copies of them. The first in line waits for enough slots; smaller ones behind it do not go first;
    if it is cancelled, they go."""
    hold = _Holder(_Slots(4))
    order = hold.order

    small_done, big_done, after_done = asyncio.Event(), asyncio.Event(), asyncio.Event()
    small = [asyncio.create_task(hold(f"s{i}", 1, PRIORITY_DOCUMENT, small_done)) for i in range(2)]
    await asyncio.sleep(0)
    big = asyncio.create_task(hold("big", 3, PRIORITY_DOCUMENT, big_done))
    after = asyncio.create_task(hold("after", 1, PRIORITY_DOCUMENT, after_done))
    await asyncio.sleep(0.01)
    assert order == ["s0", "s1"]  # 2 slots free, but "big" needs 3 and "after" waits behind it
    small_done.set()
    await asyncio.sleep(0.01)
    assert order == ["s0", "s1", "big", "after"]  # 4 free: big takes 3, then "after" its one
    big_done.set()
    after_done.set()
    await asyncio.gather(*small, big, after)

    huge = asyncio.Event()
    holder = asyncio.create_task(hold("holder", 1, PRIORITY_DOCUMENT, huge))
    await asyncio.sleep(0)
    waiting_big = asyncio.create_task(hold("too-big", 99, PRIORITY_DOCUMENT, asyncio.Event()))  # capped at 4
    behind = asyncio.create_task(hold("behind", 1, PRIORITY_DOCUMENT, huge))
    await asyncio.sleep(0.01)
    assert order[-1] == "holder"
    waiting_big.cancel()
    await asyncio.sleep(0.01)
    assert order[-1] == "behind"  # the large waiter gone, the one behind it goes
    huge.set()
    await asyncio.gather(holder, behind)
    with contextlib.suppress(asyncio.CancelledError):
        await waiting_big
    done = asyncio.Event()
    done.set()
    await asyncio.wait_for(hold("clamped", 99, PRIORITY_DOCUMENT, done), 1)  # 99 wanted, all 4 given
    assert order[-1] == "clamped"


async def test_a_page_goes_before_a_large_document_gathering_its_slots() -> None:
    """A large document first in line waits for enough free slots; a page (higher priority) that arrives then
    takes a free slot at once instead of waiting behind it."""
    hold = _Holder(_Slots(4))
    order = hold.order

    busy, rest = asyncio.Event(), asyncio.Event()
    running = [asyncio.create_task(hold(f"d{i}", 1, PRIORITY_DOCUMENT, busy)) for i in range(3)]
    await asyncio.sleep(0)
    big = asyncio.create_task(hold("big", 4, PRIORITY_DOCUMENT, rest))
    await asyncio.sleep(0.01)
    page = asyncio.create_task(hold("page", 1, PRIORITY_PAGE, rest))
    await asyncio.sleep(0.01)
    assert order == ["d0", "d1", "d2", "page"]  # one slot free: the page takes it; "big" still waits for 4
    busy.set()
    await asyncio.sleep(0.01)
    assert "big" not in order  # three came back, the page still holds one
    rest.set()
    await asyncio.wait_for(asyncio.gather(*running, page, big), 5)
    assert order[-1] == "big"


def test_a_body_takes_a_slot_and_one_more_per_whole_mib_at_most_a_worker_s_depth() -> None:
    for depth, sizes, expected in ((4, (0, 1_048_575, 1_048_576, 3 * 1_048_576, 50 * 1_048_576), [1, 1, 2, 4, 4]),
                                   (16, (5 * 1_048_576, 50 * 1_048_576), [6, 16])):
        with ExtractPool(2, depth=depth) as pool:
            assert [pool._units_for(n) for n in sizes] == expected


async def test_a_worker_that_cannot_start_ends_its_task_after_a_few_tries() -> None:
    """A worker that dies before it is ready (here: an address-space bound too small to import the extractors)
    is a broken installation, not a document's fault: the task is tried on a few fresh workers, then answered
    as one that could not be read, and the pool does not spawn processes for ever."""
    with ExtractPool(1, timeout=30, memory_limit=16 << 20, extract_fn=fake_extract) as pool:
        doc = await asyncio.wait_for(pool.extract(b"anything", "u"), 60)
        assert doc.error == "too_complex"
        assert pool.stats.retries == 3


async def test_a_task_given_up_before_its_worker_started_does_not_count_against_the_one_behind_it() -> None:
    """Its caller cancels the head task while the worker is still starting: the worker is stopped, and the task
    queued behind it goes to a new worker without that counting as a try on a worker that cannot start (one
    more retry than when it is alone: 1 + 3)."""
    with ExtractPool(1, timeout=30, memory_limit=16 << 20, extract_fn=fake_extract) as pool:
        head = asyncio.ensure_future(pool.extract(b"head", "h"))
        behind = asyncio.ensure_future(pool.extract(b"behind", "b"))
        for _ in range(50):
            await asyncio.sleep(0)
            if any(w.load == 2 and not w._ready for w in pool._all):
                break
        else:
            pytest.fail("both tasks were never queued on the starting worker")
        head.cancel()
        doc = await asyncio.wait_for(behind, 60)
        assert head.cancelled()
        assert doc.error == "too_complex"
        assert pool.stats.retries == 4


async def test_a_worker_that_ended_while_idle_does_not_blame_the_next_document() -> None:
    """The worker ends between two tasks (the kernel's out-of-memory killer, an operator) and this event loop has
    not yet read its end of file when the next document is sent: that document was never seen by the worker, so
    it is read by a new one, not answered as the cause of a crash."""
    with ExtractPool(1, timeout=30, memory_limit=1 << 30, extract_fn=fake_extract) as pool:
        first = await pool.extract(b"first", "a")
        worker = pool._all[0]
        os.kill(worker.process.pid, signal.SIGKILL)
        worker.process.join()  # ended, and nothing has yielded to the event loop since
        doc = await asyncio.wait_for(pool.extract(b"next", "b"), 30)
        assert doc.error is None and doc.title == "next"
        assert doc.charset != first.charset  # another process read it
        assert pool.stats.retries == 1


async def test_a_large_body_is_read_through_the_pool() -> None:
    with ExtractPool(1, timeout=30, memory_limit=1 << 30, extract_fn=fake_extract, depth=4) as pool:
        await pool.extract(b"warm", "w")
        big = b"z" * (3 * 1024 * 1024)
        got = await asyncio.gather(pool.extract(b"sleep:0.3", "a"), pool.extract(big, "b"), pool.extract(b"c", "c"))
        assert [d.error for d in got] == [None, None, None] and got[1].title.startswith("zzz")


def test_a_pool_needs_a_depth_of_at_least_one() -> None:
    with pytest.raises(ValueError, match="depth"):
        ExtractPool(1, depth=0)


async def test_cancelling_a_queued_task_drops_its_answer_and_keeps_the_worker() -> None:
    with ExtractPool(1, timeout=30, memory_limit=1 << 30, extract_fn=fake_extract) as pool:
        warm = await pool.extract(b"warm", "w")
        running = asyncio.ensure_future(pool.extract(b"sleep:0.5", "u1"))
        queued = asyncio.ensure_future(pool.extract(b"queued", "u2"))
        await asyncio.sleep(0.1)
        queued.cancel()
        assert (await running).error is None
        assert queued.cancelled()
        later = await pool.extract(b"later", "u3")
        assert later.title == "later" and later.charset == warm.charset  # the same worker, still in step

        # Cancelling the task the worker runs ends that worker; the task queued behind it goes to a new one.
        running = asyncio.ensure_future(pool.extract(b"hang", "u4"))
        queued = asyncio.ensure_future(pool.extract(b"behind", "u5"))
        await asyncio.sleep(0.1)
        running.cancel()
        behind = await queued
        assert running.cancelled()
        assert behind.title == "behind" and behind.charset != warm.charset


async def test_a_large_document_queued_behind_a_hang_is_read_elsewhere_and_the_pool_goes_on() -> None:
    """The queued document's bytes still wait in the socket's buffer when the worker is killed (the worker never
    read them): its caller is answered by another worker, and the new worker works (no stale descriptor). The
    pool is deep enough (16) for the 12-slot body to be queued behind the hang rather than wait for slots."""
    with ExtractPool(1, timeout=30, memory_limit=1 << 30, extract_fn=fake_extract, depth=16) as pool:
        await pool.extract(b"warm", "w")
        pool.timeout = 1.0
        big = b"y" * 12_000_000  # more than a socket buffer holds (at most 8 MiB: 4 MiB asked for, doubled)
        for cancel_the_running_one in (False, True):
            running = asyncio.ensure_future(pool.extract(b"hang", f"h{cancel_the_running_one}"))
            queued = asyncio.ensure_future(pool.extract(big + bytes([cancel_the_running_one]), "q"))
            if cancel_the_running_one:
                await asyncio.sleep(0.3)
                running.cancel()
            done, _ = await asyncio.wait({queued}, timeout=20)
            assert done, "the queued caller was never answered"
            assert queued.result().error is None and queued.result().title.startswith("yyy")
            assert running.cancelled() or running.result().error == "timeout"
        pool.timeout = 30
        after = await asyncio.wait_for(pool.extract(b"after", "a"), 20)
        assert after.error is None


async def test_cancelled_queued_tasks_never_make_more_workers_than_asked_for() -> None:
    with ExtractPool(1, timeout=30, memory_limit=1 << 30, extract_fn=fake_extract) as pool:
        await pool.extract(b"warm", "w")
        for i in range(3):
            running = asyncio.ensure_future(pool.extract(b"sleep:0.5", f"r{i}"))
            queued = asyncio.ensure_future(pool.extract(f"q{i}".encode(), f"q{i}"))
            await asyncio.sleep(0.1)
            queued.cancel()  # its slot is free again, its task still on the worker
            others = [pool.extract(f"{c}{i}".encode(), f"{c}{i}") for c in "cd"]
            got = await asyncio.gather(running, *others)
            assert all(d.error is None for d in got)
            assert len([w for w in pool._all if not w.dead]) == 1
        assert len(_alive_children() - {os.getpid()}) <= 2  # the one worker (and multiprocessing's helper)


async def test_closing_the_pool_under_a_queued_task_starts_no_process() -> None:
    pool = ExtractPool(1, timeout=30, memory_limit=1 << 30, extract_fn=fake_extract)
    await pool.extract(b"warm", "w")
    before = _alive_children()
    running = asyncio.ensure_future(pool.extract(b"sleep:5", "r"))
    queued = asyncio.ensure_future(pool.extract(b"queued", "q"))
    await asyncio.sleep(0.2)
    pool.close()
    got = await asyncio.wait_for(asyncio.gather(running, queued), 10)
    assert [d.error for d in got] == ["too_complex", "too_complex"]  # ours: "could not check", never blamed
    assert not (_alive_children() - before)


async def test_workers_report_their_cpu_time_per_kind_of_task() -> None:
    pdf = (CORPUS / "a1_laksaman.pdf").read_bytes()
    html = (CORPUS / "h1_utf8_meta.html").read_bytes()
    async with ExtractPool(1) as pool:
        assert pool.stats.cpu.tasks == {} and pool.stats.cpu.workers == 0.0
        await pool.extract(pdf, "https://a.go.th/a.pdf", "application/pdf")
        await pool.extract(html, "https://a.go.th/news/", "text/html")
        assert await pool.call(sum, [1, 2, 3], timeout=30) == 6
        cpu = pool.stats.cpu
        # A real PDF and page read in the worker cost it CPU time, filed under the function that ran.
        assert set(cpu.tasks) == {"extract", "sum"} and cpu.tasks["extract"] > 0
        # The process's own total holds its tasks and its start-up (importing the extractors) besides.
        assert cpu.workers > sum(cpu.tasks.values())
        report = cpu.as_dict()
        assert set(report) == {"tasks", "workers", "other"} and report["other"] > 0


async def test_cpu_of_a_cancelled_queued_task_and_of_a_killed_worker_is_counted() -> None:
    with ExtractPool(1, timeout=30, memory_limit=1 << 30, extract_fn=fake_extract) as pool:
        await pool.extract(b"warm", "w")
        running = asyncio.ensure_future(pool.extract(b"sleep:0.3", "u1"))
        queued = asyncio.ensure_future(pool.extract(b"spin:0.2", "u2"))
        await asyncio.sleep(0.1)
        queued.cancel()
        await running
        await pool.extract(b"after", "u3")  # answered after the cancelled task's answer, which was not read
        # Nobody waited for the spin's answer, yet the worker's 0.2 s of it are counted.
        assert pool.stats.cpu.tasks["fake_extract"] >= 0.2
        assert "killed" not in pool.stats.cpu.tasks

        # A worker killed at its time bound: what it spent since its last answer is counted as `killed`.
        pool.timeout = 0.5
        spun = await pool.extract(b"spin:30", "u4")
        assert spun.error == "timeout"
        assert pool.stats.cpu.tasks["killed"] > 0
        assert pool.stats.cpu.workers >= sum(pool.stats.cpu.tasks.values())


async def test_an_in_process_pool_counts_its_thread_cpu() -> None:
    pdf = (CORPUS / "a1_laksaman.pdf").read_bytes()
    async with ExtractPool(0) as pool:
        await pool.extract(pdf, "https://a.go.th/a.pdf", "application/pdf")
        cpu = pool.stats.cpu
        assert set(cpu.tasks) == {"extract"} and cpu.tasks["extract"] > 0
        assert cpu.workers == cpu.tasks["extract"]  # nothing but the task runs in that thread


def test_worker_cpu_adds_up_across_workers_and_batches() -> None:
    a = WorkerCpu({"extract": 2.0, "judge_agency": 1.0}, 3.5)
    b = WorkerCpu({"extract": 0.5}, 0.75)
    total = a.plus(b)
    assert total.tasks == {"extract": 2.5, "judge_agency": 1.0} and total.workers == 4.25
    assert total.minus(b) == a and a.tasks == {"extract": 2.0, "judge_agency": 1.0}  # neither is changed
    copy = a.copy()
    copy.count("extract", 1.0, 1.0)
    assert a.tasks["extract"] == 2.0 and a.workers == 3.5  # a copy counts on its own
    assert total.as_dict() == {"tasks": {"extract": 2.5, "judge_agency": 1.0}, "workers": 4.25, "other": 0.75}


def test_a_task_named_by_module_and_name_runs_where_it_is_called_and_keeps_its_name() -> None:
    from oit_checker.extract.pool import ByName, task_name

    task = ByName("tests.unit.extract.test_pool", "fake_extract")
    again = pickle.loads(pickle.dumps(task))
    doc = again(b"hello", "u", "", None)
    assert doc.title == "hello"
    assert task_name(again) == "fake_extract" and task_name(fake_extract) == "fake_extract"


async def test_a_named_task_runs_on_a_worker() -> None:
    from oit_checker.extract.pool import ByName

    with ExtractPool(1, timeout=30, memory_limit=1 << 30, extract_fn=fake_extract) as pool:
        doc = await pool.call(ByName("tests.unit.extract.test_pool", "fake_extract"), b"named", "u", "", None,
                              timeout=30)
        assert doc.title == "named" and doc.charset != str(os.getpid())  # read in the worker
        assert "fake_extract" in pool.stats.cpu.tasks  # counted under the function's own name


async def test_workers_started_early_are_the_pools_when_it_asks_for_the_same() -> None:
    pdf = (CORPUS / "a1_laksaman.pdf").read_bytes()
    start_early(2, memory_limit=1 << 30, total_memory=None)
    try:
        early = [worker.process.pid for _, worker in pool_module._standby]
        assert len(early) == 2
        async with ExtractPool(2, memory_limit=1 << 30) as pool:
            pool.start()
            assert sorted(w.process.pid for w in pool._all) == sorted(early)  # taken over, none started anew
            assert pool_module._standby == []
            doc = await pool.extract(pdf, "https://a.go.th/a.pdf", "application/pdf")
            assert doc.page_count == 2 and doc.error is None
            assert pool.stats.cpu.workers > 0  # their time is the pool's
    finally:
        close_early()


@pytest.mark.parametrize(("early", "workers", "memory_limit"), [
    (1, 1, 768 << 20),  # another memory limit: not the pool they were started for
    (2, 1, 1 << 30),  # fewer workers (an audit in lanes): no room for the second
])
def test_workers_started_early_that_the_pool_cannot_take_end_once_it_is_full(
        early: int, workers: int, memory_limit: int) -> None:
    start_early(early, memory_limit=1 << 30, total_memory=None)
    started = [worker for _, worker in pool_module._standby]
    try:
        with ExtractPool(workers, memory_limit=memory_limit) as pool:
            pool.start()
            assert len(pool._all) == workers and pool_module._standby == []
            taken = {w.process.pid for w in pool._all}
            left = [w for w in started if w.process.pid not in taken]
            assert len(left) == early - workers + (memory_limit != 1 << 30)
            for worker in left:
                worker.process.join(10)
                assert not worker.process.is_alive()
    finally:
        close_early()


def test_workers_started_early_and_never_taken_end_with_close_early() -> None:
    start_early(2, memory_limit=1 << 30, total_memory=None)
    workers = [worker for _, worker in pool_module._standby]
    close_early()
    for worker in workers:
        worker.process.join(10)
        assert not worker.process.is_alive()
    assert pool_module._standby == []


def test_a_worker_started_early_that_died_is_replaced_not_taken() -> None:
    start_early(1, memory_limit=1 << 30, total_memory=None)
    [(_, gone)] = pool_module._standby
    gone.process.kill()
    gone.process.join(10)
    try:
        with ExtractPool(1, memory_limit=1 << 30) as pool:
            pool.start()
            [worker] = pool._all
            assert worker is not gone and worker.process.is_alive()
    finally:
        close_early()


def _where_items_are(items: list[object], tag: str) -> tuple[int, tuple[str, ...], str]:
    """Run on a worker: the id of the items' sequence there, what it holds (ids, or URLs), and `tag`."""
    return id(items), tuple(getattr(i, "id", None) or getattr(i, "url", "") for i in items), tag


def _task_sizes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pickled size of every task the pool sends from now on."""
    sizes: list[int] = []
    dumps = pickle.dumps

    def counting(obj: object, *args: object, **kwargs: object) -> bytes:
        out = dumps(obj, *args, **kwargs)  # type: ignore[arg-type]
        if isinstance(obj, tuple) and len(obj) == 2 and callable(obj[0]):
            sizes.append(len(out))
        return out

    monkeypatch.setattr(pool_module.pickle, "dumps", counting)
    return sizes


async def test_a_shared_sequence_goes_to_each_worker_once_and_is_the_same_object_there_after(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
    from oit_checker.model import Item

    items = list(load_catalogue(catalogue_path_for(2568)).items)
    ids = tuple(i.id for i in items)
    sizes = _task_sizes(monkeypatch)
    async with ExtractPool(1, timeout=30, share=(Item,)) as pool:
        first = await pool.call(_where_items_are, items, "a", timeout=30)
        again = await pool.call(_where_items_are, list(items), "b", timeout=30)  # another list, the same items
        assert first[1] == again[1] == ids and (first[2], again[2]) == ("a", "b")
        assert again[0] == first[0]  # the worker's own copy, kept from the first task
        assert sizes[1] * 20 < sizes[0]  # named, not sent again
        part = items[:5]
        with pytest.raises(Exception, match="pickle"):
            await pool.call(_where_items_are, part, lambda: None, timeout=30)  # never sent
        assert (await pool.call(_where_items_are, part, "c", timeout=30))[1] == ids[:5]  # so sent whole now
        with pytest.raises(TimeoutError):
            await pool.call(time.sleep, 5, timeout=0.5)  # the worker is killed, a new one starts
        assert (await pool.call(_where_items_are, items, "d", timeout=30))[1] == ids  # whole to the new one
    async with ExtractPool(1, timeout=30) as pool:  # not a shared type: every task carries the items
        sizes.clear()
        for tag in "ab":
            assert (await pool.call(_where_items_are, items, tag, timeout=30))[1] == ids
        assert sizes[1] * 2 > sizes[0]


async def test_past_its_bound_a_pool_sends_further_sequences_whole() -> None:
    from oit_checker.model import DocKind as Kind

    docs = [Document(url=f"u{n}", kind=Kind.OTHER, title=f"t{n}") for n in range(pool_module._SHARE_MAX + 5)]
    async with ExtractPool(1, timeout=30, share=(Document,)) as pool:
        for n in range(len(docs)):
            got = await pool.call(_where_items_are, docs[n:n + 1], str(n), timeout=30)
            assert got[1:] == ((f"u{n}",), str(n))
        assert len(pool._pinned) == pool_module._SHARE_MAX
        again = await pool.call(_where_items_are, docs[-1:], "last", timeout=30)
        assert again[1:] == ((docs[-1].url,), "last")


def test_a_pool_lets_its_shared_sequences_go_with_its_event_loop() -> None:
    from oit_checker.model import DocKind as Kind

    docs = [Document(url=f"u{n}", kind=Kind.OTHER) for n in range(3)]
    with ExtractPool(1, timeout=30, share=(Document,)) as pool:
        for run in range(3):  # one batch per loop, each with its own objects
            batch = [Document(url=d.url, kind=d.kind) for d in docs]

            async def one(batch: list[Document] = batch) -> tuple[int, tuple[str, ...], str]:
                return await pool.call(_where_items_are, batch, "x", timeout=30)

            assert asyncio.run(one())[1] == ("u0", "u1", "u2")
            assert len(pool._pinned) == 1, run  # the sequences of the loops before are let go


def _frozen() -> int:
    import gc

    return gc.get_freeze_count()


async def test_a_worker_keeps_its_imports_out_of_the_collectors_sight() -> None:
    async with ExtractPool(1, timeout=30, preload=("oit_checker.engine.judge",)) as pool:
        frozen = await pool.call(_frozen, timeout=30)
    assert frozen > 10_000  # the extractors' modules and what they made
