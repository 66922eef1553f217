"""Top entries of a profile written by `bench/scale.py --profile`: cumulative and self time.

    .venv/bin/python bench/proftop.py PROFILE [--top 15]

PROFILE is a cProfile file (`*.prof`, the main process only), a py-spy speedscope file (`*.speedscope.json`,
every process of the tree, `--subprocesses`), or the folder of `--profile cpu` (one `PID.cpu.txt` of collapsed
stacks per process, sampled by CPU time: see bench/cpuprofile/sitecustomize.py). For speedscope, time is in
samples summed over all processes; for the CPU sampler, in seconds of CPU (each process's samples scaled to its
CPU time). `--per-process` lists each process's (or thread's) total first; `--main-only` keeps the product's
main process only.
"""

from __future__ import annotations

import argparse
import io
import json
import pstats
from collections import Counter, defaultdict
from pathlib import Path


def cprofile_top(path: Path, top: int) -> str:
    out = io.StringIO()
    stats = pstats.Stats(str(path), stream=out)
    stats.strip_dirs()
    total = stats.total_tt  # type: ignore[attr-defined]
    out.write(f"{path.name}: {total:.2f} s profiled (main process)\n\n## cumulative\n")
    stats.sort_stats("cumulative").print_stats(top)
    out.write("\n## self (tottime)\n")
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


# Frames every stack passes through (interpreter, event loop, thread and worker-process start): hidden from the
# cumulative list, where they would fill the top with 100 %.
WRAPPERS = {
    ("<frozen runpy>", None), ("runners.py", None), ("base_events.py", "BaseEventLoop.run_forever"),
    ("base_events.py", "BaseEventLoop.run_until_complete"), ("base_events.py", "BaseEventLoop._run_once"),
    ("events.py", "Handle._run"), ("threading.py", "Thread._bootstrap"), ("threading.py", "Thread._bootstrap_inner"),
    ("threading.py", "Thread.run"), ("process.py", "BaseProcess._bootstrap"), ("process.py", "BaseProcess.run"),
    ("spawn.py", "spawn_main"), ("spawn.py", "_main"), ("__main__.py", "<module>"), ("<string>", "<module>"),
}


def _is_wrapper(frame: dict[str, object]) -> bool:
    file = Path(str(frame.get("file", ""))).name if frame.get("file") else ""
    return (file, None) in WRAPPERS or (file, frame.get("name")) in WRAPPERS


def _frame_name(frame: dict[str, object], by_line: bool) -> str:
    name = str(frame.get("name", "?"))
    if name.startswith(("process ", "thread ")) and not frame.get("file"):
        return f"<{name[:60]}…>"  # py-spy's synthetic root frames (process command line, thread)
    where = Path(str(frame.get("file", "?"))).name
    return f"{name} ({where}:{frame.get('line', '?')})" if by_line else f"{name} ({where})"


def speedscope_top(path: Path, top: int, per_process: bool, main_only: bool, by_line: bool = False) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    frames = data["shared"]["frames"]
    # py-spy makes one frame per (function, line): fold them into one per function unless asked not to.
    names: list[str] = []
    ids: dict[str, int] = {}
    fold = []
    for f in frames:
        fold.append(ids.setdefault(_frame_name(f, by_line), len(ids)))
        if len(ids) > len(names):
            names.append(_frame_name(f, by_line))
    synthetic = {fold[i] for i, f in enumerate(frames) if names[fold[i]].startswith("<")}
    wrappers = {fold[i] for i, f in enumerate(frames) if _is_wrapper(f)}
    self_w: Counter[int] = Counter()
    total_w: Counter[int] = Counter()
    grand = 0.0
    lines = []
    profiles = data["profiles"]
    if main_only and profiles:
        main_pid = str(profiles[0].get("name", "")).split(" ")[:2]
        profiles = [pr for pr in profiles if str(pr.get("name", "")).split(" ")[:2] == main_pid]
    for profile in profiles:
        weight_sum = 0.0
        for stack, weight in zip(profile["samples"], profile["weights"], strict=True):
            if not stack:
                continue
            real = [fold[f] for f in stack if fold[f] not in synthetic]
            self_w[real[-1] if real else -1] += weight
            for frame in set(real) - wrappers:
                total_w[frame] += weight
            weight_sum += weight
        grand += weight_sum
        lines.append(f"  {profile.get('name', '?')}: {weight_sum:.2f} {profile.get('unit', 'samples')}")
    unit = profiles[0].get("unit", "samples") if profiles else "samples"

    def named(counter: Counter[int]) -> dict[str, float]:
        return {names[f] if f >= 0 else "<no Python frame: native code or idle>": w for f, w in counter.items()}

    title = (f"{path.name}: {grand:.2f} {unit} sampled in {len(profiles)} thread(s)"
             + (" of the main process" if main_only else ""))
    return _tables(title, lines if per_process else [], named(total_w), named(self_w), unit, grand, top)


def _tables(title: str, lines: list[str], total: dict[str, float], self_: dict[str, float], unit: str,
            grand: float, top: int) -> str:
    """The report both kinds of sampled profile print: a title, per-process lines, then the top entries
    cumulative and self."""
    out = [title, *lines]
    for heading, counter in (("cumulative (in stack; start-up and event-loop wrapper frames hidden)", total),
                             ("self (top of stack)", self_)):
        out.append(f"\n## {heading}")
        out.append(f"{'share':>7} {unit:>9}  function")
        for frame, weight in sorted(counter.items(), key=lambda kv: -kv[1])[:top]:
            out.append(f"{weight / grand if grand else 0:7.1%} {weight:9.2f}  {frame}")
    return "\n".join(out) + "\n"


def _collapsed_frame(frame: str, by_line: bool) -> str:
    """`qualname (path:line)` as written by the CPU sampler → `qualname (file.py)` (or `(file.py:line)`)."""
    name, _, where = frame.rpartition(" (")
    path, _, line = where.rstrip(")").rpartition(":")
    file = Path(path).name
    return f"{name} ({file}:{line})" if by_line else f"{name} ({file})"


def _is_wrapper_name(frame: str) -> bool:
    name, _, file = frame.rstrip(")").rpartition(" (")
    file = file.split(":", 1)[0]
    return (file, None) in WRAPPERS or (file, name) in WRAPPERS


def collapsed_top(folder: Path, top: int, per_process: bool, main_only: bool, by_line: bool = False) -> str:
    """The top entries of a `--profile cpu` folder: every process's samples, in seconds of that process's CPU."""
    files = sorted(folder.glob("*.cpu.txt")) if folder.is_dir() else [folder]
    self_s: defaultdict[str, float] = defaultdict(float)  # seconds of CPU
    total_s: defaultdict[str, float] = defaultdict(float)
    lines = []
    grand = 0.0
    for path in files:
        text = path.read_text(encoding="utf-8").splitlines()
        if not text or not text[0].startswith("# "):
            continue
        head = dict(part.split("=", 1) for part in text[0][2:].split(" argv=")[0].split())
        argv = text[0].split(" argv=", 1)[1] if " argv=" in text[0] else ""
        worker = "multiprocessing" in argv
        if main_only and worker:
            continue
        samples = int(head.get("samples", "0"))
        cpu = float(head.get("cpu_s", "0"))
        if not samples:
            continue
        each = cpu / samples  # seconds of CPU a sample stands for (the kernel's tick may have coarsened it)
        for row in text[1:]:
            stack, _, count = row.rpartition(" ")
            frames = [_collapsed_frame(f, by_line) for f in stack.split(";") if f]
            if not frames:
                continue
            weight = int(count) * each
            self_s[frames[-1]] += weight
            for frame in {f for f in frames if not _is_wrapper_name(f)}:
                total_s[frame] += weight
        grand += cpu
        lines.append(f"  pid {head.get('pid', '?')} ({'worker' if worker else 'main'}): {cpu:.2f} s of CPU, "
                     f"{samples} samples")
    title = (f"{folder.name}: {grand:.2f} s of CPU sampled in {len(lines)} process(es)"
             + (" (the main process)" if main_only else ""))
    return _tables(title, lines if per_process else [], total_s, self_s, "seconds", grand, top)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("profile", type=Path)
    p.add_argument("--top", type=int, default=15)
    p.add_argument("--per-process", action="store_true", help="list each thread's total first")
    p.add_argument("--main-only", action="store_true", help="speedscope, cpu: the product's main process only")
    p.add_argument("--by-line", action="store_true", help="speedscope, cpu: one entry per line, not per function")
    args = p.parse_args()
    if args.profile.is_dir() or args.profile.name.endswith(".cpu.txt"):
        print(collapsed_top(args.profile, args.top, args.per_process, args.main_only, args.by_line), end="")
    elif args.profile.suffix == ".json":
        print(speedscope_top(args.profile, args.top, args.per_process, args.main_only, args.by_line), end="")
    else:
        print(cprofile_top(args.profile, args.top), end="")


if __name__ == "__main__":
    main()
