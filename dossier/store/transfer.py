"""Copying a whole store into another, across engines: a team moving its SQLite file into PostgreSQL,
and the tests and benchmarks that need the same corpus on both engines.

    with Store("var/dossier.db", readonly=True) as src, Store("postgresql://…/dossier") as dst:
        copy_store(src, dst)   # dossier.store.transfer

Tables are copied parents first (foreign keys hold at every step) in one transaction on the target,
so a failed copy leaves it empty. The target must be empty: nothing is merged.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import Any

from dossier.store.connection import Connection
from dossier.store.dialect import POSTGRESQL

# Every table of the schema, parents before children.
TABLES = (
    "articles", "segments", "sentences", "mentions", "timexes", "place_mentions", "frames", "chains",
    "events", "event_sources", "corrections",
)
_BATCH = 5000


def copy_store(source: Connection, target: Connection) -> dict[str, int]:
    """Copy every row of ``source`` into the empty ``target``; rows copied per table."""
    if source.schema_version() != target.schema_version():
        raise RuntimeError(
            f"{source.where} is at schema version {source.schema_version()} and {target.where} at "
            f"{target.schema_version()}: open the source read-write once to migrate it first"
        )
    copied: dict[str, int] = {}
    with target.transaction() as tx:
        for table in TABLES:
            if tx.execute(f"SELECT count(*) FROM {table}").fetchone()[0]:
                raise RuntimeError(f"{target.where}: table {table} is not empty; copy into a new store")
        for table in TABLES:
            cur = source.conn.execute(f"SELECT * FROM {table}")
            columns = tuple(d[0] for d in cur.description)
            copied[table] = _insert(target, tx, table, columns, cur)
        if target.sql is POSTGRESQL:
            # ids were copied as they were; the next correction continues after them
            tx.execute("SELECT setval(pg_get_serial_sequence('corrections', 'id'), "
                       "coalesce((SELECT max(id) FROM corrections), 0) + 1, false)")
    return copied


def _insert(target: Connection, tx: Any, table: str, columns: tuple[str, ...], rows: Iterator[Any]) -> int:
    if target.sql is POSTGRESQL:
        return int(target.conn.copy_rows(table, columns, (tuple(r) for r in rows)))
    sql = f"INSERT INTO {table} ({', '.join(_quoted(c) for c in columns)}) VALUES ({', '.join('?' for _ in columns)})"
    n = 0
    while batch := [tuple(r) for r in islice(rows, _BATCH)]:
        tx.executemany(sql, batch)
        n += len(batch)
    return n


def _quoted(column: str) -> str:
    return f'"{column}"'
