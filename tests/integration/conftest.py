"""Fixtures of the end-to-end tests of `check` and `audit` on the local audit site (tests/support/audit_site.py):
the test module's `COUNT` agencies, served and put in place of the network, and their manifest. A module with a
`site` fixture of its own (the site reached through a transport factory, in other processes) uses that one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import audit_site as site_mod


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Iterator[site_mod.Site]:
    with site_mod.serve_as_network(request.module.COUNT, monkeypatch) as s:
        yield s


@pytest.fixture
def manifest(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """The module's `COUNT` agencies; those in its `SHARED` (if any) submit their plan on the shared host."""
    return site_mod.write_manifest(tmp_path, request.module.COUNT, getattr(request.module, "SHARED", ()))
