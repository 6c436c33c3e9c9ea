"""The one database connection: opening it, its pragmas, migrating, transactions and closing.

Everything engine-specific about *connecting* lives here (SQLite: a ``file:`` URI, WAL journal,
``PRAGMA user_version`` for the schema version); the query modules only use ``self.conn`` and
``self.transaction()``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from dossier.store.schema import MIGRATIONS, SCHEMA_VERSION, split_sql


class Connection:
    """An open store file, migrated to this program's schema unless opened ``readonly``."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        if not readonly:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        uri = f"file:{self.path}?mode=ro" if readonly else f"file:{self.path}"
        # check_same_thread=False: Streamlit serves sessions from several threads; every write still
        # goes through one explicit transaction, and SQLite serialises them. isolation_level=None:
        # we issue BEGIN/COMMIT ourselves instead of the sqlite3 module's implicit transactions.
        self.conn = sqlite3.connect(
            uri, uri=True, timeout=30, check_same_thread=False, isolation_level=None
        )
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise RuntimeError(
                f"{self.path} has schema version {current}, newer than this program's "
                f"{SCHEMA_VERSION}; upgrade Dossier instead of opening it with an old one"
            )
        for version in range(current, SCHEMA_VERSION):
            with self.transaction():
                for statement in split_sql(MIGRATIONS[version]):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {version + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (nothing half-written)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def integrity_ok(self) -> bool:
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
