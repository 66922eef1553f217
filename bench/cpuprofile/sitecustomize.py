"""A CPU-time sampler for every Python process of the product's tree (`bench/scale.py --profile cpu`).

bench/scale.py puts this folder first on PYTHONPATH and names an output folder in OIT_BENCH_CPU_PROFILE; Python
imports this module as it starts, in the product's process and in each extraction worker it spawns. Each time the
process has used another `OIT_BENCH_CPU_INTERVAL` seconds of CPU (ITIMER_PROF, default 2 ms; the kernel's tick
makes it coarser, 4 ms at 250 Hz) the main thread's Python stack is counted. So a process waiting on the network
or a busy neighbour is never sampled, unlike a wall-clock sampler (py-spy), which on an oversubscribed machine
also counts the time a process is ready but not running: on 2 cores, py-spy gave the crawling process 28.8 s of
samples where it had used 13.4 s of CPU.

Two biases to read the figures with: Python runs a signal handler between bytecodes, so the CPU of a long C call
(pickle, a regex, SQLite) goes to the Python frame it returns to or calls next (`Enum.__reduce_ex__` under
`pickle.dumps`); and a sample is the main thread's, so the CPU of another thread goes to whatever the main thread
is doing then (in an event loop, usually waiting in `select`).

The counts go to OUT/PID.cpu.txt as collapsed stacks (`frame;frame;… count`, the format of flame-graph tools),
after a first line `# pid=… cpu_s=… samples=… argv=…` (the process's CPU time, so that samples can be read as
seconds), every 2 seconds (`OIT_BENCH_CPU_DUMP_S`) and when the process ends. `bench/proftop.py OUT` prints
the top entries.
"""

import os

_OUT = os.environ.get("OIT_BENCH_CPU_PROFILE")


def _install(out: str) -> None:
    import atexit
    import collections
    import signal
    import sys
    import threading
    import time
    from types import FrameType
    from typing import NoReturn

    counts: collections.Counter[tuple[str, ...]] = collections.Counter()

    def name(frame: FrameType) -> str:
        code = frame.f_code
        path = code.co_filename
        for marker in ("site-packages/", "/lib/python3."):
            if marker in path:
                path = path.split(marker, 1)[1]
                if marker != "site-packages/":
                    path = path.split("/", 1)[-1]
                break
        else:
            if "/oit_checker/" in path:
                path = "oit_checker/" + path.rsplit("/oit_checker/", 1)[1]
        return f"{code.co_qualname} ({path}:{frame.f_lineno})"

    def sample(_sig: int, frame: FrameType | None) -> None:
        stack = []
        while frame is not None:
            stack.append(name(frame))
            frame = frame.f_back
        counts[tuple(reversed(stack))] += 1

    lock = threading.Lock()  # the periodic thread and the exit both write the file

    def dump() -> None:
        with lock:
            got = list(counts.items())
            path = os.path.join(out, f"{os.getpid()}.cpu.txt")  # a forked child writes its own
            tmp = f"{path}.{threading.get_ident()}.tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(f"# pid={os.getpid()} cpu_s={time.process_time():.3f} samples={sum(n for _, n in got)}"
                        f" argv={' '.join(sys.orig_argv)}\n")
                for stack, n in got:
                    f.write(";".join(stack) + f" {n}\n")
            os.replace(tmp, path)

    # Every few seconds too, for a process killed before it ends. The thread's own CPU is charged to whatever
    # the main thread is doing then: a test sets a long period.
    period = float(os.environ.get("OIT_BENCH_CPU_DUMP_S", "2"))

    def periodically() -> None:
        while True:
            time.sleep(period)
            dump()

    interval = float(os.environ.get("OIT_BENCH_CPU_INTERVAL", "0.002"))
    signal.signal(signal.SIGPROF, sample)
    signal.setitimer(signal.ITIMER_PROF, interval, interval)
    atexit.register(dump)
    real_exit = os._exit

    def exit_after_dump(status: int) -> NoReturn:  # the CLI leaves through os._exit, which skips atexit
        dump()
        real_exit(status)

    os._exit = exit_after_dump
    os.register_at_fork(after_in_child=counts.clear)  # a forked child's samples are its own
    threading.Thread(target=periodically, name="cpu-profile", daemon=True).start()


if _OUT:
    _install(_OUT)
