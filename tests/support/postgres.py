"""A throw-away PostgreSQL 15 server for tests: `initdb` + `pg_ctl` in a temporary folder, loopback only.

    from tests.support.postgres import pg_database, pg_server  # noqa: F401  (fixtures, found by pytest by name)

    def test_something(pg_dsn: str) -> None:        # a fresh, empty database for this test
        with psycopg.connect(pg_dsn) as conn: ...

`pg_server` (session) starts one server for the whole session; `pg_dsn` (per test) clones a fresh database
from a template (`CREATE DATABASE … TEMPLATE … STRATEGY FILE_COPY`, ≈20 ms) and drops it afterwards.
Outside pytest, `postgres_server()` and `fresh_database()` are plain context managers.

`initdb` refuses to run as root, and CI runs as root: then the server runs as the `postgres` system user
(`runuser -u postgres -- …`) on a data folder that user owns; as any other user it runs as that user.
Authentication is `trust`, which is safe only because the server listens on 127.0.0.1 alone and its unix
socket sits in the private temporary folder.

Binaries come from $OIT_PG_BIN, else /usr/lib/postgresql/15/bin (Debian's `postgresql-15` package).
Missing binaries skip the tests that need them, with how to install them; when $CI is set they fail
instead, so a CI run can never pass by skipping the PostgreSQL tests.

A pytest killed hard (SIGKILL) cannot run its teardown: the next `postgres_server()` stops and removes
servers whose owning process is gone (see `reap_orphans`).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.ci import skip_or_fail

DEFAULT_BIN_DIR = Path("/usr/lib/postgresql/15/bin")
INSTALL_HINT = ("install the PostgreSQL 15 server: `apt-get install -y postgresql-15` (Debian/Ubuntu), "
                "or point $OIT_PG_BIN at a folder holding initdb, pg_ctl and psql")
NEEDED = ("initdb", "pg_ctl", "postgres", "psql")
SYSTEM_USER = "postgres"  # who runs the server when we are root
SUPERUSER = "postgres"  # the cluster's bootstrap superuser
TEST_ROLE = "oit"  # the role tests connect as: owns its databases, is not a superuser
TEMPLATE_DB = "oit_template"
DIR_PREFIX = "oit-pg-"
OWNER_FILE = "owner.pid"  # the pid of the process that started the server, for reap_orphans
START_TIMEOUT_S = 60
BIND_ATTEMPTS = 5
MIN_FREE_BYTES = 512 * 1024 * 1024

# Durability is worthless for a server that is deleted after the session; these make it much faster.
SERVER_SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "100",
    "log_min_messages": "warning",
    "log_line_prefix": "'%m [%p] '",
    "timezone": "'UTC'",
    "lc_messages": "'C'",
}


class PostgresUnavailable(RuntimeError):
    """The server binaries (or the user to run them as) are missing."""


def bin_dir() -> Path:
    return Path(os.environ.get("OIT_PG_BIN") or DEFAULT_BIN_DIR)


def missing_binaries(where: Path | None = None) -> list[str]:
    where = where or bin_dir()
    return [name for name in NEEDED if not os.access(where / name, os.X_OK)]


def require_postgres(where: Path | None = None) -> None:
    """Skip the calling test (fail it when $CI is set) unless a PostgreSQL server can be started here."""
    problem = _unavailable(where or bin_dir())
    if problem is not None:
        skip_or_fail(f"no PostgreSQL server for the tests: {problem}")


def _unavailable(where: Path) -> str | None:
    missing = missing_binaries(where)
    if missing:
        return f"{', '.join(missing)} not found in {where}; {INSTALL_HINT}"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SYSTEM_USER)
        except KeyError:
            return (f"running as root, so the server must run as the {SYSTEM_USER!r} system user, which does "
                    f"not exist; {INSTALL_HINT} (the package creates it)")
        if shutil.which("runuser") is None:
            return "running as root and `runuser` (util-linux) is missing"
    return None


# ---------------------------------------------------------------- the server


@dataclass(frozen=True)
class PostgresServer:
    base_dir: Path  # temporary folder: data/, the unix socket, server.log
    port: int
    pid: int  # the postmaster
    bin_dir: Path
    host: str = "127.0.0.1"
    user: str = TEST_ROLE

    @property
    def data_dir(self) -> Path:
        return self.base_dir / "data"

    @property
    def log_file(self) -> Path:
        return self.base_dir / "server.log"

    def dsn(self, dbname: str = TEMPLATE_DB, user: str | None = None) -> str:
        return f"postgresql://{user or self.user}@{self.host}:{self.port}/{dbname}"

    def psql(self, sql: str, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        """Run SQL as the superuser (each -c is its own transaction; CREATE DATABASE needs that)."""
        return _psql(self.bin_dir, self.host, self.port, user, dbname, sql)

    def create_database(self, name: str, template: str = TEMPLATE_DB) -> str:
        """A new database cloned from `template`, owned by the test role; returns its DSN.

        FILE_COPY copies the template's files (≈20 ms on tmpfs); PostgreSQL 15's default WAL_LOG strategy
        writes every block to the WAL and is slower for a small template.
        """
        self.psql(f'CREATE DATABASE "{name}" OWNER "{self.user}" TEMPLATE "{template}" STRATEGY FILE_COPY')
        return self.dsn(name)

    def drop_database(self, name: str) -> None:
        self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # FORCE: ends connections a test leaked


def _clean_env() -> dict[str, str]:
    # PG* variables of whoever runs the tests (PGHOST, PGOPTIONS, PGPASSWORD…) must not steer the clients.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env.update(LC_ALL="C", LANG="C", TZ="UTC")
    return env


def _as_server_user(argv: Sequence[str | os.PathLike[str]]) -> list[str]:
    args = [os.fspath(a) for a in argv]
    return ["runuser", "-u", SYSTEM_USER, "--", *args] if os.geteuid() == 0 else args


def _run(argv: Sequence[str], what: str, *, timeout: float = START_TIMEOUT_S) -> str:
    proc = subprocess.run(argv, capture_output=True, text=True, env=_clean_env(), timeout=timeout,
                          stdin=subprocess.DEVNULL, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{what} failed (exit {proc.returncode}): {(proc.stderr or proc.stdout).strip()}")
    return proc.stdout


def _psql(bins: Path, host: str, port: int, user: str, dbname: str, sql: str) -> str:
    # -X: no ~/.psqlrc; ON_ERROR_STOP: a failing statement fails the call.
    return _run([str(bins / "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", host,
                 "-p", str(port), "-U", user, "-d", dbname, "-c", sql], "psql")


def free_port() -> int:
    """A port nobody listens on right now (another process may take it before the server does: the
    caller retries on 'address in use')."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _roots() -> list[Path]:
    """Where a server's temporary folder may go, best first.

    /dev/shm (a tmpfs) first: on this VM's disk cloning a test database takes ≈250 ms, in memory ≈20 ms,
    and a cold server starts in ≈0.7 s instead of ≈1.9 s. Not pytest's tmp_path: /tmp/pytest-of-root is
    0700, so the postgres user could not reach its data. Short paths only: the unix socket path
    (folder + "/.s.PGSQL.NNNNN") must fit in 107 bytes.
    """
    roots = [Path(os.environ["OIT_PG_TMP"])] if os.environ.get("OIT_PG_TMP") else []
    roots += [Path("/dev/shm"), Path(tempfile.gettempdir()), Path("/tmp")]
    return list(dict.fromkeys(roots))


def _usable(root: Path) -> bool:
    try:
        free = shutil.disk_usage(root).free
    except OSError:
        return False
    return (root.is_dir() and os.access(root, os.W_OK | os.X_OK) and free > MIN_FREE_BYTES
            and len(str(root)) <= 60 and (os.geteuid() != 0 or _traversable_by_others(root)))


def _make_base_dir() -> Path:
    root = next((r for r in _roots() if _usable(r)), None)
    if root is None:
        raise PostgresUnavailable(f"no writable temporary folder among {', '.join(map(str, _roots()))}")
    base = Path(tempfile.mkdtemp(prefix=DIR_PREFIX, dir=root))
    (base / OWNER_FILE).write_text(f"{os.getpid()}\n")
    if os.geteuid() == 0:
        user = pwd.getpwnam(SYSTEM_USER)
        os.chown(base, user.pw_uid, user.pw_gid)
    return base


def _traversable_by_others(path: Path) -> bool:
    return all(p.stat().st_mode & 0o001 for p in [path, *path.parents])


def _write_config(data_dir: Path, port: int, socket_dir: Path) -> None:
    settings = {**SERVER_SETTINGS, "port": str(port), "unix_socket_directories": f"'{socket_dir}'"}
    # Appended as root keeps the file's owner (postgres); later lines win over initdb's.
    with (data_dir / "postgresql.conf").open("a", encoding="utf-8") as fh:
        fh.write("\n# oit-checker test server\n")
        fh.writelines(f"{key} = {value}\n" for key, value in settings.items())


def _postmaster_pid(data_dir: Path) -> int | None:
    try:
        return int((data_dir / "postmaster.pid").read_text().split("\n", 1)[0])
    except (OSError, ValueError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (exited, not yet reaped by its new parent) counts as gone.
    with contextlib.suppress(OSError):
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    return True


def _stop(bins: Path, base: Path) -> None:
    """Stop the server (immediate: nothing to keep) and make sure the postmaster is gone."""
    data = base / "data"
    pid = _postmaster_pid(data)
    if pid is not None:
        with contextlib.suppress(Exception):
            _run(_as_server_user([bins / "pg_ctl", "-D", data, "-m", "immediate", "-w", "-t", "30", "stop"]),
                 "pg_ctl stop")
        if _alive(pid):  # pg_ctl failed or timed out: the postmaster's children follow it when it dies
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            for _ in range(200):
                if not _alive(pid):
                    break
                time.sleep(0.05)


def reap_orphans() -> list[Path]:
    """Stop and delete test servers left behind by a test process that died without its teardown."""
    reaped = []
    for base in (b for root in _roots() for b in root.glob(f"{DIR_PREFIX}*")):
        try:
            owner = int((base / OWNER_FILE).read_text())
        except (OSError, ValueError):
            continue
        if owner == os.getpid() or _alive(owner):
            continue
        _stop(bin_dir(), base)
        shutil.rmtree(base, ignore_errors=True)
        reaped.append(base)
    return reaped


@contextlib.contextmanager
def postgres_server(where: Path | None = None) -> Iterator[PostgresServer]:
    """Start a fresh server with role `oit` and database `oit_template`; stop and delete it on exit."""
    bins = where or bin_dir()
    problem = _unavailable(bins)
    if problem is not None:
        raise PostgresUnavailable(problem)
    reap_orphans()
    base = _make_base_dir()
    try:
        data = base / "data"
        # C locale and UTF8: sorting and messages do not depend on the machine's locale.
        _run(_as_server_user([bins / "initdb", "-D", data, "-U", SUPERUSER, "--auth=trust", "--encoding=UTF8",
                              "--locale=C", "--no-sync"]), "initdb")
        port = _start(bins, base)
        pid = _postmaster_pid(data)
        assert pid is not None
        _psql(bins, "127.0.0.1", port, SUPERUSER, "postgres", f'CREATE ROLE "{TEST_ROLE}" LOGIN CREATEDB')
        _psql(bins, "127.0.0.1", port, SUPERUSER, "postgres",
              f'CREATE DATABASE "{TEMPLATE_DB}" OWNER "{TEST_ROLE}" IS_TEMPLATE true')
        yield PostgresServer(base_dir=base, port=port, pid=pid, bin_dir=bins)
    finally:
        _stop(bins, base)
        shutil.rmtree(base, ignore_errors=True)


def _start(bins: Path, base: Path) -> int:
    """pg_ctl -w start on a free port; another port when someone took ours in between."""
    data, log = base / "data", base / "server.log"
    conf = (data / "postgresql.conf").read_text(encoding="utf-8")
    for attempt in range(1, BIND_ATTEMPTS + 1):
        port = free_port()
        (data / "postgresql.conf").write_text(conf, encoding="utf-8")  # drop the previous attempt's lines
        _write_config(data, port, base)
        try:
            _run(_as_server_user([bins / "pg_ctl", "-D", data, "-l", log, "-w", "-t", str(START_TIMEOUT_S),
                                  "start"]), "pg_ctl start", timeout=START_TIMEOUT_S + 10)
            return port
        except RuntimeError as exc:
            text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
            if ("could not bind" in text or "already in use" in text) and attempt < BIND_ATTEMPTS:
                continue
            raise RuntimeError(f"{exc}\n--- {log}:\n{text[-3000:]}") from exc
    raise RuntimeError(f"no free port after {BIND_ATTEMPTS} attempts")


_counter = itertools.count(1)


@contextlib.contextmanager
def fresh_database(server: PostgresServer, template: str = TEMPLATE_DB) -> Iterator[str]:
    """A database of its own (cloned from `template`) for one test; yields its DSN, drops it after."""
    name = f"t{os.getpid()}_{next(_counter)}"
    dsn = server.create_database(name, template)
    try:
        yield dsn
    finally:
        server.drop_database(name)


class _SharedServer:
    """One server per test session however many modules import the fixture.

    Pytest makes a separate session-scoped fixture of each module that imports the fixture function (two
    modules, two servers); they all share this one, and the last to be torn down stops it.
    """

    def __init__(self) -> None:
        self._stack: contextlib.ExitStack | None = None
        self._server: PostgresServer | None = None
        self._users = 0

    @contextlib.contextmanager
    def use(self) -> Iterator[PostgresServer]:
        if self._server is None:
            stack = contextlib.ExitStack()
            self._server = stack.enter_context(postgres_server())
            self._stack = stack
        self._users += 1
        try:
            yield self._server
        finally:
            self._users -= 1
            if self._users == 0 and self._stack is not None:
                stack, self._stack, self._server = self._stack, None, None
                stack.close()


_shared = _SharedServer()


# ---------------------------------------------------------------- pytest fixtures


@pytest.fixture(scope="session", name="pg_server")
def pg_server_fixture() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the session (skipped without the binaries, failed on CI)."""
    require_postgres()
    with _shared.use() as server:
        yield server


@pytest.fixture(name="pg_dsn")
def pg_database(pg_server: PostgresServer) -> Iterator[str]:
    """DSN of a fresh, empty database for this test only."""
    with fresh_database(pg_server) as dsn:
        yield dsn
