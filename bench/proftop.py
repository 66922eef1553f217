"""Top entries of a profile written by `bench/scale.py --profile`: cumulative and self time.

    .venv/bin/python bench/proftop.py PROFILE [--top 15]

PROFILE is a cProfile file (`*.prof`, the main process only) or a py-spy speedscope file (`*.speedscope.json`,
every process of the tree, `--subprocesses`). For speedscope, time is in samples summed over all processes;
`--per-process` lists each process's total first.
"""

from __future__ import annotations

import argparse
import io
import json
import pstats
from collections import Counter
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


def speedscope_top(path: Path, top: int, per_process: bool) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    frames = data["shared"]["frames"]
    names = [f"{f.get('name', '?')} ({Path(f.get('file', '?')).name}:{f.get('line', '?')})" for f in frames]
    self_w: Counter[int] = Counter()
    total_w: Counter[int] = Counter()
    grand = 0.0
    lines = []
    for profile in data["profiles"]:
        weight_sum = 0.0
        for stack, weight in zip(profile["samples"], profile["weights"], strict=True):
            if not stack:
                continue
            self_w[stack[-1]] += weight
            for frame in set(stack):
                total_w[frame] += weight
            weight_sum += weight
        grand += weight_sum
        lines.append(f"  {profile.get('name', '?')}: {weight_sum:.0f} {profile.get('unit', 'samples')}")
    unit = data["profiles"][0].get("unit", "samples") if data["profiles"] else "samples"
    out = [f"{path.name}: {grand:.0f} {unit} in {len(data['profiles'])} process(es)/thread(s)"]
    if per_process:
        out += lines
    for title, counter in (("cumulative (in stack)", total_w), ("self (top of stack)", self_w)):
        out.append(f"\n## {title}")
        out.append(f"{'share':>7} {unit:>9}  function")
        for frame, weight in counter.most_common(top):
            out.append(f"{weight / grand:7.1%} {weight:9.0f}  {names[frame]}")
    return "\n".join(out) + "\n"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("profile", type=Path)
    p.add_argument("--top", type=int, default=15)
    p.add_argument("--per-process", action="store_true")
    args = p.parse_args()
    if args.profile.suffix == ".json":
        print(speedscope_top(args.profile, args.top, args.per_process), end="")
    else:
        print(cprofile_top(args.profile, args.top), end="")


if __name__ == "__main__":
    main()
