"""Wall time of one agency's `oit-checker check MANIFEST`, interpreter start-up included (median of 5).

    .venv/bin/python bench/startup.py [--repeat 5]

The agency is the one bench/scale.py builds (≈55 URLs, ≈1.3 MB), served the same way (nginx on its own loopback
address, or the asyncio fallback). One untimed warm-up run first (disk cache, .pyc files), then --repeat timed
runs of the console script exactly as a user types it. `check` keeps answers and extracted texts in a cache
folder (here one in the bench's work folder): the timed runs are a working group's re-check of an agency, every
URL asked again and answered 304. The same runs with `--no-cache` (everything downloaded and read again, as a
first check) are timed too (`first_check_*`). For reference, the same median for `python -c pass`
(the interpreter alone) and `python -c "import oit_checker.cli.main, oit_checker.cli.check"` (the interpreter plus
what `check` imports before it reads anything; a command loads only its own module).
The product's modules are byte-compiled first (see `scale.compile_product`).
Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import scale  # bench/scale.py, beside this file


def timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int]:
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd[0]} exited {proc.returncode}:\n{proc.stderr.decode(errors='replace')[-3000:]}")
    return wall, proc.returncode


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--python-server", action="store_true", help="use the asyncio fallback server even with nginx")
    args = p.parse_args()
    console = shutil.which("oit-checker", path=str(Path(sys.executable).parent))
    base_cmd = [console] if console else [sys.executable, "-m", "oit_checker"]
    env = scale.product_env()
    scale.compile_product()
    work = Path(tempfile.mkdtemp(prefix="oit-startup-"))
    try:
        os.chmod(work, 0o755)
        fleet = scale.build_fleet(1, work, scale.free_port())
        server = scale.Server(fleet, work, 1, args.python_server)
        try:
            server.start()
            report = work / "report.json"
            cmd = [*base_cmd, "check", str(fleet.agencies[0].manifest), "--format", "json", "--output", str(report)]
            if scale.help_lists("check", "--allow-private"):
                cmd.append("--allow-private")
            cached = scale.help_lists("check", "--cache-dir")
            if cached:
                cmd += ["--cache-dir", str(work / "cache")]
            timed(cmd, work, env)  # warm-up
            offset = server.mark()
            walls, codes = [], set()
            for _ in range(args.repeat):
                wall, code = timed(cmd, work, env)
                walls.append(wall)
                codes.add(code)
            served = server.since(offset)
            first = [timed([*cmd, "--no-cache"], work, env)[0] for _ in range(args.repeat)] if cached else []
            interpreter = [timed([sys.executable, "-c", "pass"], work, env)[0] for _ in range(args.repeat)]
            imports = [timed([sys.executable, "-c", "import oit_checker.cli.main, oit_checker.cli.check"], work, env)[0]
                       for _ in range(args.repeat)]
        finally:
            server.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps({
        "bench": "startup", "command": " ".join(Path(c).name if i == 0 else c for i, c in enumerate(cmd[:2])),
        "agency_mix": fleet.mix, "server": server.name, "runs": len(walls),
        "median_s": round(statistics.median(walls), 3), "min_s": round(min(walls), 3), "max_s": round(max(walls), 3),
        "walls_s": [round(w, 3) for w in walls], "requests_per_run": served["requests"] // max(len(walls), 1),
        "statuses_per_run": {k: v // max(len(walls), 1) for k, v in served.items() if k != "requests"},
        "first_check_median_s": round(statistics.median(first), 3) if first else None,
        "first_check_walls_s": [round(w, 3) for w in first],
        "exit_codes": sorted(codes), "python_startup_s": round(statistics.median(interpreter), 3),
        "import_cli_s": round(statistics.median(imports), 3), "load1": round(os.getloadavg()[0], 2),
        "cores": os.cpu_count(),
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
