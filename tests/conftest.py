"""Shared test fixtures: paths and a static HTTP server on 127.0.0.1."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from oit_checker.demo import serve_directory
from tests.support.paths import ROOT

FIXTURES = ROOT / "fixtures"


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: one worker per core, at most 4. Many tests start processes of their own (extraction pools,
    PostgreSQL, Dask workers, the wheel's commands), so more workers than that only queue for the same cores."""
    return max(1, min(4, os.cpu_count() or 1))


@pytest.fixture(scope="session")
def demo_base_url() -> Iterator[str]:
    """The bundled demo site, served once for the whole session."""
    with serve_directory(FIXTURES / "demo" / "site") as base:
        yield base


@pytest.fixture(autouse=True)
def _thai_unless_asked(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests never depend on the machine's locale: no language variables, Thai (the default) to start with."""
    from oit_checker.text import i18n

    for name in (i18n.LANG_ENV, "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    i18n.set_language(i18n.DEFAULT_LANG)
    yield
    i18n.set_language(i18n.DEFAULT_LANG)


@pytest.fixture(autouse=True)
def _own_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """`check` and `audit` keep answers and extracted texts in the user's cache folder by default: each test
    gets its own (empty) one, never the machine's, so no test sees another's answers."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """For tests that pin the English wording of messages (the Thai wording has its own tests)."""
    from oit_checker.text import i18n

    monkeypatch.setenv(i18n.LANG_ENV, "en")  # what `cli.main` reads
    i18n.set_language("en")


# The throw-away PostgreSQL server (fixtures `pg_server`, `pg_dsn`): skipped without the server binaries,
# failed on CI.
pytest_plugins = ["tests.support.postgres"]
