"""Audit N realistic agencies served on loopback, against the physical floor measured in the same run.

    .venv/bin/python bench/scale.py 100                  # floor, cold, unchanged, 10 % changed
    .venv/bin/python bench/scale.py 1000 --keep          # keep sites, manifests, logs and reports
    .venv/bin/python bench/scale.py 100 --no-floor --runs cold,unchanged --profile py-spy --profile-dir out/prof
    .venv/bin/python bench/scale.py 100 --executor dask --workers 2 --db pg   # on Dask, history in PostgreSQL

Each agency is a copy of the demo agency (fixtures/demo) grown to a realistic size (≈55 URLs: 30 HTML pages,
22 PDFs, 1 DOCX, 2 XLSX, ≈1.3 MB) with per-agency bytes (PDF document IDs, ZIP comments, an HTML comment), so no
two agencies share a body. Agency n has its own loopback address 127.0.x.y (Linux routes all of 127/8 to lo), so
the product's per-host politeness applies as it would to real agencies. One nginx (or, without nginx, a small
asyncio server in a child process) listens on every address, sends ETag / Last-Modified, answers conditional
GETs with 304 and logs each request, so requests and 304s are counted by the server.

Measured, in this order and in the same run:
  floor      every URL fetched once by a minimal keep-alive client (stdlib http.client, a few threads) and every
             body extracted with the product's own extractor on all cores; floor = max(fetch wall, extract CPU ÷
             cores)
  cold       `python -m oit_checker audit DIR` with an empty cache dir and history database, product defaults
  unchanged  the same command again (same database and cache), nothing changed on the server
  changed    again after 10 % of the served documents were rewritten (new bytes, new mtime, so a new ETag)
One JSON line per run (wall, CPU of the process tree, peak RSS of the process tree sampled every 50 ms,
requests / 200s / 304s from the server log, extractions, findings reused, ratio to the floor), then a summary
line. Every run's findings (agency, item, status, reason codes) must equal the cold run's: the bench prints the
differences and exits 1 otherwise.

`--executor dask` runs the product's audit on a Dask LocalCluster of `--workers` processes (or on `--scheduler`);
`--db pg` keeps the history in a throw-away PostgreSQL 15 server started for the bench (any other value is passed
to `--db` as it is). bench/national.py compares the two executors directly on 1,000 small agencies.

Nothing leaves the machine: every address is in 127.0.0.0/8, every request loop is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import contextlib
import hashlib
import http.client
import io
import json
import multiprocessing
import os
import queue
import random
import re
import resource
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import urllib.parse
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from email.utils import formatdate
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "demo"
DEMO_SITE = DEMO / "site"
DEMO_MANIFEST = DEMO / "agency.toml"
DEMO_BASE = "https://www.example.go.th/"

# Pages the product follows from the demo's submitted pages besides the submitted pages themselves and the
# documents of files/ (what it fetched from the demo agency when this bench was written; the cold run's server
# log is compared with the floor's list and any difference is reported as `urls_not_in_floor`/`floor_not_fetched`).
FOLLOWED_PAGES = ("news/news-1021.html", "eservice/complaint.html")

# What grows the demo (≈45 URLs) into a realistic agency: real demo documents under new names, submitted as extra
# URLs of items whose evidence they resemble (so the verdicts stay those of the demo).
EXTRA_DOCUMENTS: tuple[tuple[str, str, str], ...] = (
    # (new path, demo file it is a copy of, item that submits it)
    ("files/annual-report-2567-part2.pdf", "files/annual-report-2567.pdf", "O7"),
    ("files/manual-water-fee.pdf", "files/manual-land-tax.pdf", "O8"),
    ("files/service-manual-disability-allowance.pdf", "files/service-manual-elderly-allowance.pdf", "O9"),
    ("files/procurement-summary-2568-q3.xlsx", "files/procurement-summary-2568.xlsx", "O12"),
    ("files/procurement-report-2567-annex.pdf", "files/procurement-report-2567.pdf", "O13"),
    ("files/nogift-announcement-2568.pdf", "files/o21-nogift-2568.pdf", "O21"),
    ("files/gift-report-2568-q3.pdf", "files/gift-report-2568.pdf", "O22"),
    ("files/integrity-measures-2568-annex.pdf", "files/integrity-measures-2568.pdf", "O27"),
)
EXTRA_PAGES: tuple[tuple[str, str], ...] = (("news/news-1018.html", "O4"),)

CONTENT_TYPES = {
    "html": "text/html",
    "css": "text/css",
    "png": "image/png",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FLOOR_AGENT = "oit-bench-floor/1"
MB = 1024 * 1024


def product_extract() -> Callable[..., Any]:
    """The product's extraction entry point: `extract(body, url, content_type) -> Document` (never raises).

    The only import of the product's internals in this bench: update it here if the package layout changes.
    """
    from oit_checker.extract import extract

    return extract


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def emit(record: dict[str, Any]) -> None:
    print(json.dumps(record, ensure_ascii=False), flush=True)


# ---------------------------------------------------------------- the agencies


def address(index: int) -> str:
    """Agency `index` (0-based) → its own loopback address, 127.0.1.1 onwards (127.0.0.x is left alone)."""
    return f"127.0.{1 + index // 250}.{1 + index % 250}"


def kind_of(path: str) -> str:
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
    return "html" if suffix in ("", "html", "htm") else suffix


def tag(index: int, rev: int) -> str:
    """Fixed width, so a later revision of a file keeps its size (only its bytes and mtime change)."""
    return f"a{index:05d}r{rev:03d}"


_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]{32})>")


def personalize(data: bytes, path: str, base: str, label: str) -> bytes:
    """A demo file as agency `base` serves it: its own URLs, and bytes that differ per agency and revision."""
    kind = kind_of(path)
    if kind == "html":
        # The absolute links (O23, the FlowPaper viewer of O21) must point at the agency's own host.
        return data.replace(DEMO_BASE.encode(), base.encode()) + f"\n<!-- oit-bench {label} -->\n".encode()
    if kind == "pdf":
        found = _PDF_ID.search(data)
        if found is None:  # no document ID: a comment after %%EOF, which readers ignore
            return data + f"\n% oit-bench {label}\n".encode()
        new_id = hashlib.md5(f"{path}:{label}".encode()).hexdigest().upper().encode()
        return data.replace(found.group(1), new_id)  # same length: the xref offsets stay right
    if kind in ("docx", "xlsx"):
        buffer = io.BytesIO(data)
        with zipfile.ZipFile(buffer, "a") as archive:
            archive.comment = f"oit-bench {label}".encode()
        return buffer.getvalue()
    return data


@dataclass
class Agency:
    index: int
    addr: str
    base: str
    site: Path
    urls: list[tuple[str, int]]  # (path below the site root, expected status), the floor's list
    manifest: Path


@dataclass
class Fleet:
    agencies: list[Agency]
    port: int
    sites: Path
    manifests: Path
    mix: dict[str, Any] = field(default_factory=dict)


def demo_manifest() -> dict[str, Any]:
    with DEMO_MANIFEST.open("rb") as f:
        return tomllib.load(f)


def floor_paths(manifest: dict[str, Any]) -> list[tuple[str, int]]:
    """What the product fetches for one agency: home, submitted URLs, followed pages, every document."""
    paths: dict[str, int] = {"": 200}
    for urls in manifest["items"].values():
        for url in urls:
            rel = url.removeprefix(DEMO_BASE)
            paths[rel] = 200 if (DEMO_SITE / rel).is_file() else 404
    for rel in FOLLOWED_PAGES:
        paths[rel] = 200
    for doc in sorted((DEMO_SITE / "files").iterdir()):
        paths[f"files/{doc.name}"] = 200
    for rel, _src, _item in EXTRA_DOCUMENTS:
        paths[rel] = 200
    for rel, _item in EXTRA_PAGES:
        paths[rel] = 200
    return list(paths.items())


def toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def write_manifest(path: Path, demo: dict[str, Any], index: int, base: str) -> None:
    info = demo["agency"]
    items: dict[str, list[str]] = {k: [u.replace(DEMO_BASE, base) for u in v] for k, v in demo["items"].items()}
    for rel, _src, item in EXTRA_DOCUMENTS:
        items[item].append(base + rel)
    for rel, item in EXTRA_PAGES:
        items[item].append(base + rel)
    name = f"{info['name']} #{index + 1:04d}"
    lines = [
        "# Generated by bench/scale.py from fixtures/demo/agency.toml.",
        "[agency]",
        f"name = {toml_string(name)}",
        f"home = {toml_string(base)}",
        f"fiscal_year = {info['fiscal_year']}",
        "",
        "[items]",
        *(f"{k} = [{', '.join(toml_string(u) for u in v)}]" for k, v in items.items()),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_fleet(n: int, work: Path, port: int) -> Fleet:
    demo = demo_manifest()
    paths = floor_paths(demo)
    sources = {rel: DEMO_SITE / rel for rel in (p.relative_to(DEMO_SITE).as_posix()
                                                 for p in DEMO_SITE.rglob("*") if p.is_file())}
    for rel, _src, _item in EXTRA_DOCUMENTS:
        sources[rel] = source_of(rel)
    raw = {rel: src.read_bytes() for rel, src in sources.items() if kind_of(rel) in ("html", "pdf", "docx", "xlsx")}
    sites, manifests = work / "sites", work / "manifests"
    sites.mkdir()
    manifests.mkdir()
    old = time.time() - 86400  # yesterday: a rewrite today always gets a new mtime, so a new ETag
    agencies = []
    for i in range(n):
        addr = address(i)
        base = f"http://{addr}:{port}/"
        site = sites / addr
        for rel, src in sources.items():
            target = site / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if rel in raw:
                target.write_bytes(personalize(raw[rel], rel, base, tag(i, 0)))
                os.utime(target, (old, old))
            else:  # images and the stylesheet: the product does not read them
                target.symlink_to(src)
        manifest = manifests / f"agency-{i + 1:04d}.toml"
        write_manifest(manifest, demo, i, base)
        agencies.append(Agency(i, addr, base, site, paths, manifest))
    first = agencies[0]
    kinds = Counter(kind_of(rel) for rel, _status in paths)
    fleet = Fleet(agencies, port, sites, manifests)
    fleet.mix = {
        "urls": len(paths), "html": kinds["html"], "pdf": kinds["pdf"], "docx": kinds["docx"], "xlsx": kinds["xlsx"],
        "not_found": sum(1 for _rel, status in paths if status == 404),
        "bytes": sum((first.site / rel).stat().st_size for rel, status in paths if status == 200),
    }
    return fleet


# ---------------------------------------------------------------- servers


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def raise_fd_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or soft < hard:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard if hard != resource.RLIM_INFINITY else 65536, hard))


def find_nginx() -> str | None:
    """$OIT_BENCH_NGINX, else nginx on the PATH (Debian puts it in sbin, which root's PATH has)."""
    return os.environ.get("OIT_BENCH_NGINX") or shutil.which("nginx")


NGINX_CONF = """\
{user}worker_processes {workers};
daemon off;
master_process on;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
worker_rlimit_nofile 65536;
events {{ worker_connections 16384; }}
http {{
    types {{ {types} }}
    default_type application/octet-stream;
    log_format bench '$server_addr $status $request_method $body_bytes_sent $request_time '
                     '"$request_uri" "$http_user_agent"';
    access_log {dir}/access.log bench;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 75s;
    keepalive_requests 100000;
    client_body_temp_path {dir}/tmp/body;
    proxy_temp_path {dir}/tmp/proxy;
    fastcgi_temp_path {dir}/tmp/fastcgi;
    uwsgi_temp_path {dir}/tmp/uwsgi;
    scgi_temp_path {dir}/tmp/scgi;
    server {{
{listen}
        root {sites}/$server_addr;
        index index.html;
        etag on;
        if_modified_since exact;
    }}
}}
"""


class Server:
    """nginx (non-daemon child, config in the work dir) or the asyncio fallback; logs to `access_log`."""

    def __init__(self, fleet: Fleet, work: Path, workers: int, force_python: bool = False) -> None:
        self.fleet = fleet
        self.dir = work / "server"
        self.dir.mkdir()
        (self.dir / "tmp").mkdir()
        self.access_log = self.dir / "access.log"
        self.access_log.touch()
        self.workers = workers
        self.nginx_found = find_nginx()
        self.nginx = None if force_python else self.nginx_found
        self.proc: subprocess.Popen[bytes] | None = None
        self.name = ""

    def start(self) -> None:
        addrs = [a.addr for a in self.fleet.agencies]
        if self.nginx:
            version = subprocess.run([self.nginx, "-v"], capture_output=True, text=True, check=False).stderr
            self.name = f"{version.strip().split(':', 1)[-1].strip()} ({self.workers} worker(s))"
            conf = self.dir / "nginx.conf"
            conf.write_text(NGINX_CONF.format(
                user="user root;\n" if os.geteuid() == 0 else "", workers=self.workers, dir=self.dir,
                types=" ".join(f"{t} {ext};" for ext, t in CONTENT_TYPES.items()),
                listen="\n".join(f"        listen {a}:{self.fleet.port};" for a in addrs),
                sites=self.fleet.sites), encoding="utf-8")
            cmd = [self.nginx, "-p", str(self.dir), "-e", str(self.dir / "error.log"), "-c", str(conf)]
        else:
            self.name = "python asyncio fallback server" + ("" if self.nginx_found else " (nginx not found)")
            spec = self.dir / "serve.json"
            spec.write_text(json.dumps({"sites": str(self.fleet.sites), "addrs": addrs, "port": self.fleet.port,
                                        "log": str(self.access_log)}), encoding="utf-8")
            cmd = [sys.executable, __file__, "--serve", str(spec)]
        with (self.dir / "stderr").open("wb") as stderr:
            self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=stderr)
        deadline = time.monotonic() + 20
        for addr in (addrs[0], addrs[-1]):
            while True:
                if self.proc.poll() is not None:
                    errors = [f.read_text(errors="replace")[-2000:]
                              for f in (self.dir / "stderr", self.dir / "error.log") if f.exists()]
                    raise SystemExit(f"server exited {self.proc.returncode}: {' '.join(errors)}")
                try:
                    socket.create_connection((addr, self.fleet.port), timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise SystemExit(f"server does not answer on {addr}:{self.fleet.port}") from None
                    time.sleep(0.05)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGQUIT if self.nginx else signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)

    def mark(self) -> int:
        return self.access_log.stat().st_size

    def cpu_s(self) -> float:
        """CPU seconds the server's processes (nginx's master and workers, or the fallback) have used so far: on a
        real night this work is the agencies' servers', here it takes the same cores as the run."""
        if self.proc is None:
            return 0.0
        total = 0.0
        with contextlib.suppress(psutil.NoSuchProcess):
            root = psutil.Process(self.proc.pid)
            for p in (root, *root.children(recursive=True)):
                with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                    t = p.cpu_times()
                    total += t.user + t.system
        return total

    def since(self, offset: int) -> Counter[str]:
        """Requests logged since `offset`: counts by status, plus 'requests' and 'bytes'."""
        counts: Counter[str] = Counter()
        time.sleep(0.1)  # the last lines of a run (nginx writes each line when the request ends)
        with self.access_log.open("rb") as f:
            f.seek(offset)
            for line in f:
                parts = line.split(b" ", 5)
                if len(parts) < 5:
                    continue
                counts["requests"] += 1
                counts[parts[1].decode()] += 1
                with contextlib.suppress(ValueError):
                    counts["bytes"] += int(parts[3])
        return counts

    def paths_since(self, offset: int, addr: str) -> set[str]:
        out = set()
        with self.access_log.open("rb") as f:
            f.seek(offset)
            for line in f:
                if line.startswith(addr.encode() + b" "):
                    uri = line.split(b'"', 2)[1].decode("latin-1")
                    out.add(urllib.parse.unquote(uri.split("?", 1)[0]).removeprefix("/"))
        return out


def serve_python(spec_path: str) -> None:
    """Fallback static server: one asyncio process, HTTP/1.1 keep-alive, ETag/Last-Modified, 304s, nginx-like log."""
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    sites = Path(spec["sites"])
    logfile = open(spec["log"], "a", buffering=1, encoding="latin-1")  # noqa: SIM115 — lives as long as the server

    def resolve(local: str, target: str) -> Path | None:
        raw = urllib.parse.unquote_to_bytes(target.split("?", 1)[0].split("#", 1)[0])
        words = [w for w in os.fsdecode(raw).split("/") if w and w not in (".", "..")]
        path = sites.joinpath(local, *words)
        if path.is_dir():
            path = path / "index.html"
        return path if path.is_file() else None

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        local = writer.get_extra_info("sockname")[0]
        try:
            while True:
                head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
                method, target, _version = head[0].split(" ", 2)
                headers = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in head[1:] if h)}
                started = time.perf_counter()
                path = resolve(local, target)
                body = b""
                if path is None:
                    status, extra, body = 404, "Content-Type: text/html\r\n", b"<html><body>404 Not Found</body></html>"
                else:
                    st = path.stat()
                    etag = f'"{int(st.st_mtime):x}-{st.st_size:x}"'
                    modified = formatdate(int(st.st_mtime), usegmt=True)
                    extra = f"ETag: {etag}\r\nLast-Modified: {modified}\r\n"
                    inm, ims = headers.get("if-none-match"), headers.get("if-modified-since")
                    if (inm and etag in (t.strip() for t in inm.split(","))) or (not inm and ims == modified):
                        status = 304
                    else:
                        status = 200
                        content_type = CONTENT_TYPES.get(kind_of(path.name), "application/octet-stream")
                        extra += f"Content-Type: {content_type}\r\n"
                        body = path.read_bytes() if method == "GET" else b""
                reason = {200: "OK", 304: "Not Modified", 404: "Not Found"}[status]
                length = "" if status == 304 else f"Content-Length: {len(body) if method == 'GET' else 0}\r\n"
                writer.write(f"HTTP/1.1 {status} {reason}\r\n{extra}{length}\r\n".encode("latin-1") + body)
                await writer.drain()
                logfile.write(f'{local} {status} {method} {len(body)} {time.perf_counter() - started:.3f} '
                              f'"{target}" "{headers.get("user-agent", "-")}"\n')
                if headers.get("connection", "").lower() == "close":
                    break
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        servers = [await asyncio.start_server(handle, addr, spec["port"], backlog=512) for addr in spec["addrs"]]
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        await stop.wait()
        for s in servers:
            s.close()

    asyncio.run(main())


# ---------------------------------------------------------------- the floor


def _fetch_agencies(jobs: queue.Queue[Agency], port: int, totals: Counter[str], lock: threading.Lock) -> None:
    mine: Counter[str] = Counter()
    while True:
        try:
            agency = jobs.get_nowait()
        except queue.Empty:
            break
        conn = http.client.HTTPConnection(agency.addr, port, timeout=60)
        try:
            for rel, _status in agency.urls:
                conn.request("GET", "/" + urllib.parse.quote(rel), headers={"User-Agent": FLOOR_AGENT})
                response = conn.getresponse()
                body = response.read()
                mine["requests"] += 1
                mine[str(response.status)] += 1
                mine["bytes"] += len(body)
        finally:
            conn.close()
    with lock:
        totals.update(mine)


def floor_fetch(fleet: Fleet, threads: int) -> tuple[float, Counter[str]]:
    jobs: queue.Queue[Agency] = queue.Queue()
    for agency in fleet.agencies:
        jobs.put(agency)
    totals: Counter[str] = Counter()
    lock = threading.Lock()
    workers = [threading.Thread(target=_fetch_agencies, args=(jobs, fleet.port, totals, lock)) for _ in range(threads)]
    started = time.perf_counter()
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    return time.perf_counter() - started, totals


def _floor_worker_init() -> None:
    fn = product_extract()
    # Warm up every extractor (imports, pdfium) so the floor counts extraction, not start-up.
    for rel in ("index.html", "files/annual-report-2567.pdf", "files/hr-plan-2568.docx",
                "files/procurement-summary-2568.xlsx"):
        fn((DEMO_SITE / rel).read_bytes(), DEMO_BASE + rel, CONTENT_TYPES.get(kind_of(rel), ""))


def _floor_extract_batch(jobs: list[tuple[str, str, str]]) -> list[tuple[float, str]]:
    fn = product_extract()
    out = []
    for path, url, content_type in jobs:
        body = Path(path).read_bytes()  # the bytes the server sends: the fetch above read the same file
        started = time.process_time()
        doc = fn(body, url, content_type)
        out.append((time.process_time() - started, str(getattr(doc, "error", "") or "")))
    return out


def floor_extract(agencies: Sequence[Agency], cores: int) -> tuple[float, float, dict[tuple[int, str], float], int]:
    """(CPU s, wall s, CPU s per (agency, path), errors) of extracting every body of `agencies` on `cores`."""
    batches: list[tuple[Agency, list[str], list[tuple[str, str, str]]]] = []
    for agency in agencies:
        rels = [rel for rel, status in agency.urls if status == 200]
        jobs = [(str(agency.site / (rel or "index.html")), agency.base + urllib.parse.quote(rel),
                 CONTENT_TYPES.get(kind_of(rel), "")) for rel in rels]
        batches.append((agency, rels, jobs))
    per_doc: dict[tuple[int, str], float] = {}
    errors = 0
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(cores, mp_context=ctx, initializer=_floor_worker_init) as pool:
        list(pool.map(abs, range(cores * 4)))  # start and warm every worker before the clock starts
        started = time.perf_counter()
        results = pool.map(_floor_extract_batch, [jobs for _a, _r, jobs in batches])
        for (agency, rels, _jobs), result in zip(batches, results, strict=True):
            for rel, (cpu, error) in zip(rels, result, strict=True):
                per_doc[(agency.index, rel)] = cpu
                errors += bool(error) and not error.startswith("empty")
        wall = time.perf_counter() - started
    return sum(per_doc.values()), wall, per_doc, errors


# ---------------------------------------------------------------- product runs


class TreeSampler(threading.Thread):
    """Peak of the summed RSS of a process and all its descendants, sampled every `interval` seconds.

    On Linux the tree is walked through `/proc/PID/task/TID/children` and each RSS read from `/proc/PID/statm`:
    ≈0.08 ms of CPU per sample. `psutil`'s `children(recursive=True)` reads every process of the machine to find
    them, ≈2.2 ms per sample (measured on the 2-core machine of bench/README.md): at 20 samples a second, 4 % of
    a core taken from the run it measures. psutil remains the fallback where `/proc` has no `children` files.
    """

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak = 0
        self.peak_processes = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        sample = self._sample_proc if _proc_children_readable() else self._sample_psutil()
        if sample is None:
            return
        while not self._stop_event.is_set():
            got = sample()
            if got is None:
                break
            total, processes = got
            self.peak = max(self.peak, total)
            self.peak_processes = max(self.peak_processes, processes)
            self._stop_event.wait(self.interval)

    def _sample_proc(self) -> tuple[int, int] | None:
        pids = _proc_tree(self.pid)
        if not pids:
            return None
        return sum(_proc_rss(p) for p in pids), len(pids)

    def _sample_psutil(self) -> Callable[[], tuple[int, int] | None] | None:
        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return None

        def sample() -> tuple[int, int] | None:
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return None
            total = 0
            for p in procs:
                with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                    total += p.memory_info().rss
            return total, len(procs)

        return sample

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _proc_children_readable() -> bool:
    return os.path.exists(f"/proc/{os.getpid()}/task/{threading.get_native_id()}/children")


def _proc_children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with contextlib.suppress(OSError), open(f"/proc/{pid}/task/{tid}/children", "rb") as f:
                out += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return out


def _proc_tree(pid: int) -> list[int]:
    """`pid` and its descendants; [] once `pid` has ended."""
    if not os.path.exists(f"/proc/{pid}"):
        return []
    todo, seen = [pid], []
    while todo:
        p = todo.pop()
        seen.append(p)
        todo += _proc_children(p)
    return seen


def _proc_rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0  # ended between the walk and the read


def compile_product() -> None:
    """Byte-compile the product's modules, as pip does when it installs the wheel: in an environment with
    PYTHONDONTWRITEBYTECODE set (and an editable install) every process would otherwise compile them
    again, which is not what a user's installed copy does."""
    find = "import oit_checker, os; print(os.path.dirname(oit_checker.__file__))"
    where = subprocess.run([sys.executable, "-c", find], capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", where], check=True, stdout=subprocess.DEVNULL)


def help_lists(subcommand: str, flag: str) -> bool:
    out = subprocess.run([sys.executable, "-m", "oit_checker", subcommand, "--help"], capture_output=True,
                         text=True, check=False)
    return flag in out.stdout


def product_env() -> dict[str, str]:
    """The caller's environment without proxies (every request goes to loopback) and without colour."""
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "all_proxy")}
    env["NO_PROXY"] = env["no_proxy"] = "*"
    return env


Verdicts = dict[tuple[str, str], tuple[str, tuple[str, ...]]]


@dataclass
class Report:
    verdicts: Verdicts
    agencies: int
    incomplete: int
    reused: int
    extractions: int | None
    extractions_source: str
    product_requests: int | None
    product_304: int | None
    statuses: Counter[str]
    worker_cpu: dict[str, Any] | None  # the report's `worker_cpu_s`, when the product writes it


def read_report(path: Path) -> Report:
    data = json.loads(path.read_text(encoding="utf-8"))
    verdicts: Verdicts = {}
    reused = 0
    statuses: Counter[str] = Counter()
    agencies = data.get("agencies") or []
    for a in agencies:
        key = str(a.get("slug") or a.get("name"))
        for f in a.get("findings") or []:
            codes = tuple(sorted(str(r.get("code")) for r in f.get("reasons") or []))
            verdicts[(key, str(f.get("item")))] = (str(f.get("status")), codes)
            statuses[str(f.get("status"))] += 1
            reused += bool(f.get("reused"))
    extractions: int | None = None
    source = ""
    cache = data.get("cache") or {}
    if isinstance(data.get("extractions"), int):
        extractions, source = data["extractions"], "json:extractions"
    elif isinstance((cache.get("extraction") or {}).get("misses"), int):
        extractions, source = cache["extraction"]["misses"], "json:cache.extraction.misses"
    http_stats = cache.get("http") or {}
    return Report(verdicts, len(agencies), sum(1 for a in agencies if a.get("complete") is False), reused,
                  extractions, source, data.get("requests") if isinstance(data.get("requests"), int) else None,
                  http_stats.get("not_modified"), statuses,
                  data["worker_cpu_s"] if isinstance(data.get("worker_cpu_s"), dict) else None)


def cpu_split(cpu_s: float, worker_cpu: dict[str, Any] | None) -> dict[str, float] | None:
    """Where the run's CPU went: the extraction workers' tasks (`extract`, `evaluate`), the rest of their
    processes' time (`workers_other`: start-up, reading tasks, writing answers) and the main process (the run's
    whole tree less its workers: HTTP, caches, following links, the history, the report; with helper lanes,
    theirs too, less their evaluations, which count as `evaluate`)."""
    if not worker_cpu:
        return None
    tasks = worker_cpu.get("tasks") or {}
    split = {"main": round(cpu_s - float(worker_cpu.get("workers") or 0.0), 2),
             "extract": float(tasks.get("extract", 0.0)), "evaluate": float(tasks.get("judge_agency", 0.0)),
             "workers_other": float(worker_cpu.get("other") or 0.0)}
    rest = sum(v for k, v in tasks.items() if k not in ("extract", "judge_agency"))
    if rest:
        split["other_tasks"] = round(rest, 2)
    return split


def verdict_differences(base: Verdicts, other: Verdicts) -> list[str]:
    out = []
    for key in sorted(set(base) | set(other)):
        if base.get(key) != other.get(key):
            out.append(f"{key[0]} {key[1]}: cold {base.get(key)} → now {other.get(key)}")
    return out


@dataclass
class Product:
    work: Path
    manifests: Path
    extra_args: list[str]
    profile: str
    profile_dir: Path | None
    allow_private: bool
    db: str = ""  # --db: an SQLite path or a postgresql:// URL ("": WORK/history.sqlite3)
    executor_args: list[str] = field(default_factory=list)  # --executor dask --workers N …

    def command(self, label: str) -> tuple[list[str], Path, Path]:
        report = self.work / f"report-{label}.json"
        args = ["audit", str(self.manifests), "--db", self.db or str(self.work / "history.sqlite3"),
                "--cache-dir", str(self.work / "cache"), "--format", "json", "--output", str(report),
                *self.executor_args]
        if self.allow_private:
            args.append("--allow-private")
        args += self.extra_args
        python = [sys.executable]
        profile_out = Path()
        if self.profile == "cprofile":
            assert self.profile_dir is not None
            profile_out = self.profile_dir / f"{label}.prof"
            python += ["-m", "cProfile", "-o", str(profile_out)]
        cmd = [*python, "-m", "oit_checker", *args]
        if self.profile == "cpu":
            assert self.profile_dir is not None
            profile_out = self.profile_dir / f"{label}-cpu"
        if self.profile == "py-spy":
            assert self.profile_dir is not None
            profile_out = self.profile_dir / f"{label}.speedscope.json"
            py_spy = shutil.which("py-spy", path=str(Path(sys.executable).parent)) or "py-spy"
            cmd = [py_spy, "record", "--subprocesses", "--format", "speedscope", "-o", str(profile_out), "--", *cmd]
        return cmd, report, profile_out


    def env(self, label: str) -> dict[str, str]:
        """`product_env()`; with `--profile cpu`, the CPU sampler loaded by every process of the tree."""
        env = product_env()
        if self.profile == "cpu":
            assert self.profile_dir is not None
            out = self.profile_dir / f"{label}-cpu"
            shutil.rmtree(out, ignore_errors=True)  # an earlier run's processes are not this one's
            out.mkdir(parents=True)
            env["OIT_BENCH_CPU_PROFILE"] = str(out)
            env["PYTHONPATH"] = os.pathsep.join(p for p in (str(CPU_SAMPLER), env.get("PYTHONPATH", "")) if p)
        return env


# Its sitecustomize.py samples each process's stack by CPU time (`--profile cpu`).
CPU_SAMPLER = Path(__file__).resolve().parent / "cpuprofile"


def stop_session(proc: subprocess.Popen[bytes]) -> int:
    """SIGTERM to the product's session (the product stores its run as incomplete), SIGKILL after 30 s."""
    for sig, wait in ((signal.SIGTERM, 30), (signal.SIGKILL, 10)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        try:
            return proc.wait(wait)
        except subprocess.TimeoutExpired:
            continue
    return proc.wait()


def machine_times() -> dict[str, float] | None:
    """Core-seconds the whole machine has spent idle, waiting on the disk and taken by the hypervisor (`steal`),
    from /proc/stat's first line; None where there is no /proc/stat. Two readings around a run tell whether the
    night kept both cores busy and whether the machine's host took some of them."""
    try:
        with open("/proc/stat", encoding="ascii") as f:
            fields = f.readline().split()
    except OSError:
        return None
    if not fields or fields[0] != "cpu" or len(fields) < 9:
        return None
    tick = os.sysconf("SC_CLK_TCK")
    return {"idle": int(fields[4]) / tick, "iowait": int(fields[5]) / tick, "steal": int(fields[8]) / tick}


def cpu_model() -> str | None:
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            return next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), None)
    except OSError:
        return None


def run_product(product: Product, label: str, server: Server, floor_s: float | None, n: int,
                timeout: float | None = None) -> tuple[dict[str, Any], Report | None]:
    cmd, report_path, profile_out = product.command(label)
    offset = server.mark()
    load_before = os.getloadavg()[0]
    server_cpu_before = server.cpu_s()
    usage_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    machine_before = machine_times()
    stderr_path = product.work / f"stderr-{label}.txt"
    log(f"[{label}] {shlex.join(cmd)}")
    started = time.perf_counter()
    with stderr_path.open("wb") as stderr:
        # Its own session: on a timeout or Ctrl-C the product and its workers (and nothing else) are stopped.
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=stderr, cwd=product.work, env=product.env(label),
                                start_new_session=True)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        timed_out = False
        try:
            code = proc.wait(timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            code = stop_session(proc)
        except BaseException:
            stop_session(proc)
            raise
        finally:
            sampler.stop()
    wall = time.perf_counter() - started
    usage_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    machine_after = machine_times()
    server_cpu = server.cpu_s() - server_cpu_before
    served = server.since(offset)
    tail = stderr_path.read_text(encoding="utf-8", errors="replace")[-3000:]
    if timed_out:
        user = usage_after.ru_utime - usage_before.ru_utime
        system = usage_after.ru_stime - usage_before.ru_stime
        return {"bench": "scale", "run": label, "n": n, "timed_out": True, "timeout_s": timeout,
                "wall_s": round(wall, 2), "cpu_s": round(user + system, 2),
                "peak_rss_mb": round(sampler.peak / MB, 1), "peak_processes": sampler.peak_processes,
                "requests": served["requests"], "status_200": served["200"], "status_304": served["304"],
                "load1_before": round(load_before, 2)}, None
    if (code not in (0, 1, 3) and not product.profile) or not report_path.exists():
        raise SystemExit(f"[{label}] product exited {code}:\n{tail}")
    report = read_report(report_path)
    extractions, source = report.extractions, report.extractions_source
    if extractions is None:  # not reported: every 200 of a readable kind was extracted
        extractions, source = served["200"], "inferred:server_200s"
    user = usage_after.ru_utime - usage_before.ru_utime
    system = usage_after.ru_stime - usage_before.ru_stime
    record: dict[str, Any] = {
        "bench": "scale", "run": label, "n": n, "executor": "dask" if product.executor_args else "local",
        "history": history_kind(product.db), "wall_s": round(wall, 2),
        "cpu_s": round(user + system, 2), "cpu_user_s": round(user, 2), "cpu_sys_s": round(system, 2),
        "peak_rss_mb": round(sampler.peak / MB, 1), "peak_processes": sampler.peak_processes,
        "requests": served["requests"], "status_200": served["200"], "status_304": served["304"],
        "status_404": served["404"],
        "status_other": served["requests"] - served["200"] - served["304"] - served["404"],
        "bytes_sent_mb": round(served["bytes"] / MB, 1), "server_cpu_s": round(server_cpu, 2),
        "extractions": extractions, "extractions_source": source, "reused": report.reused,
        "ratio_to_floor": round(wall / floor_s, 2) if floor_s else None,
        "exit": code, "agencies": report.agencies, "incomplete": report.incomplete, "findings": len(report.verdicts),
        "product_requests": report.product_requests, "product_304": report.product_304,
        # With Dask the workers may be on other machines, whose CPU the tree's does not hold.
        "cpu_split": None if product.executor_args else cpu_split(user + system, report.worker_cpu),
        "load1_before": round(load_before, 2),
        # The whole machine's idle, disk-wait and stolen core-seconds during the run (None off Linux).
        "machine": {k: round(machine_after[k] - machine_before[k], 2) for k in machine_after}
        if machine_before and machine_after else None,
    }
    if product.profile:
        record["profiled"] = f"{product.profile}:{profile_out}"
    return record, report


# ---------------------------------------------------------------- the 10 % change


def source_of(rel: str) -> Path:
    """The demo file that an agency's `rel` is a copy of."""
    extras = {new: src for new, src, _item in EXTRA_DOCUMENTS}
    return DEMO_SITE / extras.get(rel, rel or "index.html")


def change_documents(fleet: Fleet, fraction: float, seed: int) -> list[tuple[Agency, str]]:
    """Rewrite `fraction` of every served body (new bytes, today's mtime → new ETag); verdicts must not move."""
    candidates = [(a, rel) for a in fleet.agencies for rel, status in a.urls if status == 200]
    chosen = random.Random(seed).sample(candidates, round(len(candidates) * fraction))
    raw = {rel: source_of(rel).read_bytes() for rel in {rel for _a, rel in chosen}}
    for agency, rel in chosen:
        name = rel or "index.html"
        (agency.site / name).write_bytes(personalize(raw[rel], name, agency.base, tag(agency.index, 1)))
    return chosen


# ---------------------------------------------------------------- main


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("n", type=int, help="number of agencies")
    p.add_argument("--keep", action="store_true", help="keep the work dir (sites, manifests, logs, reports)")
    p.add_argument("--work-dir", type=Path, help="use this (new or empty) dir instead of a temp dir; implies --keep")
    p.add_argument("--runs", default="cold,unchanged,changed", help="product runs, in order (default: %(default)s)")
    p.add_argument("--no-floor", action="store_true", help="skip the floor (ratios are then null)")
    p.add_argument("--fetch-threads", type=int, default=4, help="threads of the floor's client (default: 4)")
    p.add_argument("--cores", type=int, default=os.cpu_count() or 1, help="floor extraction processes (default: all)")
    p.add_argument("--changed", type=float, default=0.10, help="fraction of documents changed (default: 0.10)")
    p.add_argument("--seed", type=int, default=10)
    p.add_argument("--server-workers", type=int, default=1, help="nginx worker processes (default: 1)")
    p.add_argument("--python-server", action="store_true", help="use the asyncio fallback server even with nginx")
    p.add_argument("--run-timeout", type=float, default=3600.0,
                   help="stop a product run after this many seconds (default: %(default)s); later runs are skipped")
    p.add_argument("--product-args", default="", help="extra arguments for `audit`, e.g. '--agencies-at-once 8'")
    p.add_argument("--profile", choices=("cprofile", "py-spy", "cpu"), help="profile each product run (figures "
                   "then include the profiler's cost): cProfile (main process), py-spy (wall-clock samples of the "
                   "tree) or cpu (samples by CPU time of the tree, bench/cpuprofile); see bench/proftop.py")
    p.add_argument("--profile-dir", type=Path, help="where profiles go (default: WORK/profiles)")
    p.add_argument("--executor", choices=("local", "dask"), default="local",
                   help="audit's executor (default: local); dask: a LocalCluster of --workers processes, or "
                        "--scheduler")
    p.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes with --executor dask "
                   "(default: %(default)s)")
    p.add_argument("--scheduler", help="a running Dask scheduler (tcp://HOST:8786) instead of a LocalCluster")
    p.add_argument("--db", help="the history: an SQLite path, a postgresql:// URL, or 'pg' for a throw-away "
                   "PostgreSQL 15 server started for this bench (tests/support/postgres.py; needs its binaries) "
                   "(default: WORK/history.sqlite3)")
    args = p.parse_args(argv)
    if not 1 <= args.n <= 250 * 254:
        p.error("N must be between 1 and 63500")
    args.runs = [r for r in args.runs.split(",") if r]
    if "cold" in args.runs and args.runs[0] != "cold":
        p.error("--runs: cold must come first")
    if not set(args.runs) <= {"cold", "unchanged", "changed"} or not args.runs:
        p.error("--runs takes cold, unchanged, changed")
    return args


def executor_args(args: argparse.Namespace) -> list[str]:
    if args.executor == "local":
        return []
    where = ["--scheduler", args.scheduler] if args.scheduler else ["--workers", str(args.workers)]
    return ["--executor", "dask", *where]


def history_kind(db: str) -> str:
    return "postgresql" if db.startswith(("postgresql://", "postgres://")) else "sqlite"


@contextlib.contextmanager
def open_history(args: argparse.Namespace) -> Iterator[str]:
    """The --db value for the product: as given, or a fresh database on a throw-away PostgreSQL server."""
    if args.db != "pg":
        yield args.db or ""
        return
    sys.path.insert(0, str(ROOT))
    from tests.support import postgres as pg  # the tests' helper: initdb + pg_ctl as the postgres user, loopback only

    with pg.postgres_server() as server, pg.fresh_database(server) as dsn:
        log(f"history: throw-away PostgreSQL at {dsn}")
        yield dsn


@contextlib.contextmanager
def work_dir(args: argparse.Namespace) -> Iterator[Path]:
    if args.work_dir:
        args.work_dir.mkdir(parents=True, exist_ok=True)
        if any(args.work_dir.iterdir()):
            raise SystemExit(f"--work-dir {args.work_dir} is not empty")
        yield args.work_dir
        return
    path = Path(tempfile.mkdtemp(prefix=f"oit-scale-{args.n}-"))
    try:
        yield path
    finally:
        if args.keep:
            log(f"kept {path}")
        else:
            shutil.rmtree(path, ignore_errors=True)


def measure_floor(label: str, fleet: Fleet, server: Server, args: argparse.Namespace
                  ) -> tuple[dict[str, Any], dict[tuple[int, str], float]]:
    """One measurement of the floor: every URL fetched once by the minimal client, then every body extracted
    on all cores. (record, each document's extraction CPU)"""
    offset = server.mark()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    fetch_wall, fetched = floor_fetch(fleet, args.fetch_threads)
    after = resource.getrusage(resource.RUSAGE_SELF)
    fetch_cpu = after.ru_utime - usage.ru_utime + after.ru_stime - usage.ru_stime
    served = server.since(offset)
    log(f"[{label}] fetched {fetched['requests']} URLs in {fetch_wall:.2f} s; extracting…")
    extract_cpu, extract_wall, per_doc, errors = floor_extract(fleet.agencies, args.cores)
    floor_s = max(fetch_wall, extract_cpu / args.cores)
    record = {
        "bench": "scale", "run": label, "n": args.n, "floor_s": round(floor_s, 2),
        "floor_cpu_s": round(fetch_cpu + extract_cpu, 2),
        "fetch_wall_s": round(fetch_wall, 2), "fetch_cpu_s": round(fetch_cpu, 2),
        "fetch_threads": args.fetch_threads,
        "requests": fetched["requests"], "status_200": fetched["200"], "status_404": fetched["404"],
        "server_logged": served["requests"], "bytes_mb": round(fetched["bytes"] / MB, 1),
        "extract_cpu_s": round(extract_cpu, 2), "extract_wall_s": round(extract_wall, 2),
        "cores": args.cores, "extracted": len(per_doc), "extract_errors": errors,
        "ms_per_request": round(fetch_wall / max(fetched["requests"], 1) * 1000 * args.fetch_threads, 3),
        "load1_before": round(os.getloadavg()[0], 2),
    }
    return record, per_doc


def main(argv: Sequence[str]) -> int:
    if argv[:1] == ["--serve"]:
        serve_python(argv[1])
        return 0
    args = parse_args(argv)
    raise_fd_limit()
    compile_product()
    failed: list[str] = []
    with work_dir(args) as work, contextlib.ExitStack() as history:
        os.chmod(work, 0o755)  # nginx workers may run as another user
        started = time.perf_counter()
        fleet = build_fleet(args.n, work, free_port())
        log(f"built {args.n} agencies in {time.perf_counter() - started:.1f} s under {work}: {fleet.mix}")
        server = Server(fleet, work, args.server_workers, args.python_server)
        try:
            server.start()
            log(f"serving on {address(0)}…{address(args.n - 1)}:{fleet.port} with {server.name}")
            summary: dict[str, Any] = {
                "bench": "scale", "run": "summary", "n": args.n, "agency_mix": fleet.mix,
                "server": server.name, "cores": os.cpu_count(), "cpu_model": cpu_model(),
                "python": sys.version.split()[0],
                "load_before": [round(x, 2) for x in os.getloadavg()],
            }
            floor_s: float | None = None
            floor_cpu: float | None = None
            per_doc: dict[tuple[int, str], float] = {}
            if not args.no_floor:
                record, per_doc = measure_floor("floor", fleet, server, args)
                emit(record)
                floor_s = record["floor_s"]
                summary["floor_s"] = record["floor_s"]
                floor_cpu = record["floor_cpu_s"]
            product = Product(work, fleet.manifests, shlex.split(args.product_args), args.profile or "",
                              (args.profile_dir or work / "profiles") if args.profile else None,
                              help_lists("audit", "--allow-private"), db=history.enter_context(open_history(args)),
                              executor_args=executor_args(args))
            summary["executor"], summary["history"] = args.executor, history_kind(product.db)
            if product.profile_dir:
                product.profile_dir.mkdir(parents=True, exist_ok=True)
            cold: Report | None = None
            for label in args.runs:
                if label == "changed":
                    chosen = change_documents(fleet, args.changed, args.seed)
                    kinds = Counter(kind_of(rel) for _a, rel in chosen)
                    changed_cpu = sum(per_doc.get((a.index, rel), 0.0) for a, rel in chosen)
                    summary["changed_documents"] = {"documents": len(chosen), **kinds,
                                          "extract_cpu_s": round(changed_cpu, 2) if per_doc else None}
                offset = server.mark()
                record, report = run_product(product, label, server, floor_s, args.n, args.run_timeout)
                if report is None:
                    emit(record)
                    failed.append(f"{label}: stopped after --run-timeout {args.run_timeout:g} s")
                    summary["timed_out"] = {k: record[k] for k in ("run", "wall_s", "cpu_s", "peak_rss_mb",
                                                                     "requests")}
                    log(f"[{label}] stopped after {args.run_timeout:g} s; the runs after it are skipped")
                    break
                record["cpu_ratio_to_floor"] = round(record["cpu_s"] / floor_cpu, 2) if floor_cpu else None
                if label == "cold":
                    cold = report
                    first = fleet.agencies[0]
                    got = server.paths_since(offset, first.addr)
                    want = {rel for rel, _status in first.urls}
                    record["urls_not_in_floor"] = sorted(got - want)
                    record["floor_not_fetched"] = sorted(want - got)
                    record["statuses"] = dict(report.statuses)
                if cold is not None and label != "cold":
                    diffs = verdict_differences(cold.verdicts, report.verdicts)
                    record["verdicts_same_as_cold"] = not diffs
                    if diffs:
                        failed.append(label)
                        log(f"[{label}] {len(diffs)} finding(s) differ from the cold run:")
                        for line in diffs[:50]:
                            log("  " + line)
                if cold is not None and report.agencies != args.n:
                    failed.append(f"{label}: {report.agencies} agencies in the report, not {args.n}")
                emit(record)
                summary[label] = {k: record[k] for k in ("wall_s", "cpu_s", "peak_rss_mb", "requests", "status_304",
                                                         "extractions", "reused", "ratio_to_floor",
                                                         "cpu_ratio_to_floor", "cpu_split", "machine")}
                if label == "cold" and floor_s and floor_cpu:
                    # The machine's speed drifts (other tenants): the same cold night was seen to take 50 and 63 s
                    # of CPU ten minutes apart. The floor is measured again right after the cold night, and the
                    # cold night is also compared with the mean of the two floors around it.
                    again, _ = measure_floor("floor_after", fleet, server, args)
                    emit(again)
                    summary["floor_after_s"] = again["floor_s"]
                    summary["cold"]["ratio_to_floor_mean"] = round(
                        record["wall_s"] / ((floor_s + again["floor_s"]) / 2), 2)
                    summary["cold"]["cpu_ratio_to_floor_mean"] = round(
                        record["cpu_s"] / ((floor_cpu + again["floor_cpu_s"]) / 2), 2)
            results = {k: summary[k] for k in ("cold", "unchanged", "changed") if k in summary}
            if "cold" in results and "unchanged" in results:
                summary["unchanged_speedup"] = round(results["cold"]["wall_s"] / results["unchanged"]["wall_s"], 2)
                summary["unchanged_304_share"] = round(
                    results["unchanged"]["status_304"] / max(results["unchanged"]["requests"], 1), 3)
            if "changed" in results and "unchanged" in results and per_doc:
                changed_cpu = summary["changed_documents"]["extract_cpu_s"] or 0.0
                budget = 1.5 * (results["unchanged"]["wall_s"] + changed_cpu / args.cores)
                summary["changed_target_s"] = round(budget, 2)
                summary["changed_within_target"] = results["changed"]["wall_s"] <= budget
            peaks = [r["peak_rss_mb"] for r in [*results.values(), summary.get("timed_out") or {}] if r]
            summary["peak_rss_mb"] = max(peaks, default=None)
            compared = [k for k in ("unchanged", "changed") if k in results]
            summary["verdicts_ok"] = None if not compared else not any(
                f in compared or "agencies in the report" in f for f in failed)
            summary["load_after"] = [round(x, 2) for x in os.getloadavg()]
            summary["bench_wall_s"] = round(time.perf_counter() - started, 1)
            emit(summary)
        finally:
            server.stop()
    if failed:
        log(f"FAILED: {failed}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
