"""Shared test fixtures: paths and a static HTTP server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from oit_checker.demo import serve_directory
from tests.support.paths import ROOT

FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def demo_base_url() -> Iterator[str]:
    """The bundled demo site, served once for the whole session."""
    with serve_directory(FIXTURES / "demo" / "site") as base:
        yield base
