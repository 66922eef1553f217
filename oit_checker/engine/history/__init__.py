"""Every audit run, stored: runs, per-agency results, per-item findings with reasons, evidence and hashes.

Two backends behind one interface (`base.HistoryStore`, and the narrower `base.AgencyStore` a checking
process needs): SQLite (`sqlite.SqliteHistory`, a file: the embedded default) and PostgreSQL
(`postgres.PostgresHistory`, a `postgresql://` URL: one history shared by many machines). `open_store` picks
one by the `--db` value; `StoreSpec` is what a driver hands to its workers (a URL, never a connection).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from oit_checker.engine.history.base import (
    DEFAULT_LABEL,
    SCHEMA_VERSION,
    AgencyStore,
    HistoryStore,
    RunInfo,
    RunMeta,
    RunStatus,
    parse_age,
    redact,
)
from oit_checker.engine.history.sqlite import SqliteHistory, default_db_path
from oit_checker.errors import HistoryError
from oit_checker.text import i18n

__all__ = [
    "DEFAULT_LABEL",
    "SCHEMA_VERSION",
    "AgencyStore",
    "HistoryError",
    "HistoryStore",
    "RunInfo",
    "RunMeta",
    "RunStatus",
    "SqliteHistory",
    "StoreSpec",
    "default_db_path",
    "is_postgres_url",
    "open_store",
    "parse_age",
    "redact",
]

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
POSTGRES_INSTALL = "pip install 'oit-checker[postgres]'"


def is_postgres_url(db: str | Path) -> bool:
    return isinstance(db, str) and db.startswith(POSTGRES_SCHEMES)


@dataclass(frozen=True)
class StoreSpec:
    """Where the history is, in a form that can be pickled to another process or machine.

    `url` is a `postgresql://` URL or an absolute SQLite path. Give PostgreSQL passwords to workers through
    ~/.pgpass or $PGPASSFILE rather than in the URL: the URL travels through the Dask scheduler.
    """

    url: str

    @classmethod
    def of(cls, db: str | Path | None) -> StoreSpec:
        if db is None:
            return cls(str(default_db_path()))
        if is_postgres_url(db):
            return cls(str(db))
        return cls(str(Path(db).expanduser().absolute()))

    @property
    def is_postgres(self) -> bool:
        return is_postgres_url(self.url)

    def open(self, *, migrate: bool = True) -> HistoryStore:
        return open_store(self.url, migrate=migrate)


def open_store(db: str | Path | None = None, *, migrate: bool = True) -> HistoryStore:
    """The history at `db`: a `postgresql://` URL, else a SQLite path (None: the default path).

    `migrate=False` is for workers: a PostgreSQL history must already have exactly this code's schema (the
    driver migrates it); an SQLite file is brought up to date either way (one machine, one version).
    """
    if db is None:
        return SqliteHistory(default_db_path())
    if is_postgres_url(db):
        try:
            from oit_checker.engine.history.postgres import PostgresHistory
        except ImportError as exc:
            raise HistoryError(i18n.text("history.needs_psycopg", install=POSTGRES_INSTALL, why=exc)) from exc
        return PostgresHistory(str(db), migrate_schema=migrate)
    return SqliteHistory(Path(db).expanduser())
