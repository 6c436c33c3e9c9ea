"""The one database connection: opening it, its pragmas, migrating, transactions and closing.

Everything engine-specific about *connecting* lives here (SQLite: a ``file:`` URI, WAL journal,
``PRAGMA user_version`` for the schema version) and in ``postgres.py`` (a ``postgresql://`` URL);
the query modules only use ``self.conn``, ``self.transaction()`` and ``self.sql`` (the
``dialect.Dialect`` for the few SQL pieces the engines spell differently).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from dossier.store import postgres
from dossier.store.dialect import POSTGRESQL, SQLITE
from dossier.store.schema import MIGRATIONS, PG_MIGRATIONS, SCHEMA_VERSION, split_sql


def store_target(raw: str | Path) -> str | Path:
    """A ``--db`` / ``DOSSIER_DB`` value: a ``postgresql://`` URL as it is, anything else a SQLite
    file's path."""
    text = str(raw).strip()
    return text if postgres.is_url(text) else Path(text).expanduser()


def describe_target(target: str | Path) -> str:
    """How messages name a store: the path, or the URL without its password."""
    return postgres.redacted(str(target)) if postgres.is_url(target) else str(target)


def database_errors() -> tuple[type[BaseException], ...]:
    """The exceptions a store raises when its database cannot be opened or read, on either engine."""
    try:
        import psycopg
    except ImportError:
        return (sqlite3.Error,)
    return (sqlite3.Error, psycopg.Error)


class Connection:
    """An open store, migrated to this program's schema unless opened ``readonly``: a SQLite file
    (a path) or a PostgreSQL database (a ``postgresql://`` URL, see ``postgres.py``)."""

    def __init__(self, target: str | Path, *, readonly: bool = False) -> None:
        if postgres.is_url(target):
            self._open_postgres(str(target), readonly)
        else:
            self._open_sqlite(Path(target), readonly)

    def _open_sqlite(self, path: Path, readonly: bool) -> None:
        self.sql = SQLITE
        self.path: Path | None = path
        self.where = str(path)
        if not readonly:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        uri = f"file:{self.path}?mode=ro" if readonly else f"file:{self.path}"
        # check_same_thread=False: Streamlit serves sessions from several threads; every write still
        # goes through one explicit transaction, and SQLite serialises them. isolation_level=None:
        # we issue BEGIN/COMMIT ourselves instead of the sqlite3 module's implicit transactions.
        self.conn: Any = sqlite3.connect(
            uri, uri=True, timeout=30, check_same_thread=False, isolation_level=None
        )
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()

    def _open_postgres(self, url: str, readonly: bool) -> None:
        self.sql = POSTGRESQL
        self.path = None
        self.where = postgres.redacted(url)
        self.conn = postgres.PgConnection(url, readonly=readonly)
        if not readonly:
            with self.conn.migrating() as current:
                self._refuse_newer(current)
                for version in range(current, SCHEMA_VERSION):
                    for statement in split_sql(PG_MIGRATIONS[version]):
                        self.conn.execute(statement)
                    self.conn.set_schema_version(version + 1)
            self.conn.check_trigram_locale()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        if self.sql is POSTGRESQL:
            return self.conn.schema_version()
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def data_version(self) -> tuple[int, int]:
        """Changes whenever the store is written, by this process or another: the app's caches are
        keyed on it. SQLite: the modification times of the file and of its WAL (written first);
        PostgreSQL: a counter every write transaction increments."""
        if self.path is None:
            return self.conn.data_version(), 0
        stamps = []
        for p in (self.path, self.path.with_name(self.path.name + "-wal")):
            try:
                stamps.append(p.stat().st_mtime_ns)
            except OSError:
                stamps.append(0)
        return stamps[0], stamps[1]

    def _refuse_newer(self, current: int) -> None:
        if current > SCHEMA_VERSION:
            raise RuntimeError(
                f"{self.where} has schema version {current}, newer than this program's "
                f"{SCHEMA_VERSION}; upgrade Dossier instead of opening it with an old one"
            )

    def _migrate(self) -> None:
        current = self.schema_version()
        self._refuse_newer(current)
        for version in range(current, SCHEMA_VERSION):
            with self.transaction():
                for statement in split_sql(MIGRATIONS[version]):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {version + 1}")

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """One write transaction, rolled back on any exception (nothing half-written); write
        transactions run one at a time (SQLite: BEGIN IMMEDIATE; PostgreSQL: see postgres.py)."""
        if self.sql is POSTGRESQL:
            with self.conn.transaction() as tx:
                yield tx
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def integrity_ok(self) -> bool:
        if self.sql is POSTGRESQL:
            return self.conn.integrity_ok()
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def _first_names(self, sql: str, ids: Iterable[str]) -> dict[str, str]:
        """``sql`` (one ``?`` for an id, first column a name) run once per distinct id: id → name."""
        # One indexed look-up per id: a mention's name is its id's name (linking and corrections set
        # them together), and a max() over every mention of a frequent actor read the whole table
        # at 100k articles.
        out: dict[str, str] = {}
        for i in dict.fromkeys(ids):
            row = self.conn.execute(sql, (i,)).fetchone()
            if row and row[0]:
                out[i] = row[0]
        return out

    def _counts(self, sql: str, params: Sequence[Any] = ()) -> dict[Any, int]:
        """``sql``'s (key, count) rows as a dict, in the query's order."""
        return {r[0]: r[1] for r in self.conn.execute(sql, params)}
