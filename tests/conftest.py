"""Shared test fixtures: paths and a static HTTP server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from oit_checker.demo import serve_directory

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def demo_base_url() -> Iterator[str]:
    """The bundled demo site, served once for the whole session."""
    with serve_directory(FIXTURES / "demo" / "site") as base:
        yield base


# The throw-away PostgreSQL server (fixtures `pg_server`, `pg_dsn`): skipped without the server binaries,
# failed on CI.
pytest_plugins = ["support.postgres"]
