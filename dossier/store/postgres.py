"""A PostgreSQL database as the store (psycopg 3), for a team sharing one corpus and its corrections.

``PgConnection`` gives the query modules what they use of ``sqlite3.Connection`` — ``execute``,
``executemany``, rows read by position or by column name, ``rowcount`` — so they run unchanged:
``?`` placeholders become ``%s`` here. What SQLite keeps in the file header lives in one row of
``dossier_meta``: the schema version (SQLite: ``PRAGMA user_version``) and a data version that every
write transaction increments, which the app's caches are keyed on (SQLite: the file's mtime).

Writes: each write transaction starts by incrementing that row, which also locks it until COMMIT, so
write transactions run one at a time — what SQLite's ``BEGIN IMMEDIATE`` guarantees — and two
analysts' corrections or an ingest beside a correction never interleave (a rebuild reads the
corrections and rewrites overlays in one transaction). Readers are never blocked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from dossier import config

if TYPE_CHECKING:  # psycopg is imported when a PostgreSQL store is opened: a SQLite user never needs it
    import psycopg

# A fixed key for pg_advisory_xact_lock while a database is created or migrated by several processes.
_MIGRATION_LOCK = 0x646F73736965  # "dossie"
# Written into the schema check: pg_trgm drops characters its locale does not call alphanumeric.
_TRIGRAM_PROBE = "블라디보스토크 प्योंगयांग"


# Tables whose rows belong to one article.
_ARTICLE_CHILDREN = ("segments", "sentences", "mentions", "timexes", "place_mentions", "frames", "chains",
                     "event_sources")


def is_url(target: object) -> bool:
    return isinstance(target, str) and target.startswith(config.POSTGRES_URL_PREFIXES)


def redacted(url: str) -> str:
    """The URL without its password (for messages and logs)."""
    # by string edits: urlunsplit would turn postgresql:///db (a Unix socket) into postgresql:/db
    password = urlsplit(url).password
    if password is not None:
        url = url.replace(f":{password}@", ":***@", 1)
    return re.sub(r"([?&])password=[^&]*", r"\1password=***", url)


@lru_cache(maxsize=2048)
def translate(sql: str) -> str:
    """``?`` placeholders as psycopg's ``%s`` (and a literal ``%`` doubled), outside quotes."""
    out: list[str] = []
    quote: str | None = None
    for ch in sql:
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "?":
            out.append("%s")
            continue
        out.append("%%" if ch == "%" else ch)
    return "".join(out)


class Row:
    """A result row read by position (``row[0]``, unpacking) or by column (``row["id"]``,
    ``dict(row)``), as ``sqlite3.Row`` is."""

    __slots__ = ("_index", "_values")

    def __init__(self, values: Sequence[Any], index: dict[str, int]) -> None:
        self._values = values
        self._index = index

    def __getitem__(self, key: int | str) -> Any:
        return self._values[self._index[key]] if isinstance(key, str) else self._values[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def keys(self) -> list[str]:
        return list(self._index)

    def __repr__(self) -> str:
        return f"Row({dict(zip(self._index, self._values))})"


def _rows(cursor: psycopg.Cursor[Any]) -> Any:
    index = {c.name: i for i, c in enumerate(cursor.description or ())}
    return lambda values: Row(values, index)


class PgConnection:
    """One psycopg connection in autocommit mode; ``transaction()`` groups statements."""

    def __init__(self, url: str, *, readonly: bool) -> None:
        import psycopg

        self.url = url
        # autocommit: a read is its own statement (no transaction left open between a page's
        # queries, which would hold back VACUUM); writes are grouped by transaction().
        self.pg = psycopg.connect(url, autocommit=True, row_factory=_rows)
        if readonly:
            self.pg.execute("SET default_transaction_read_only = on")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[Any]:
        return self.pg.execute(translate(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> psycopg.Cursor[Any]:
        cur = self.pg.cursor()
        rows = list(rows)
        if rows:
            cur.executemany(translate(sql), rows)
        return cur

    def copy_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        """Bulk-load rows with COPY (tens of times faster than INSERTs for a whole store)."""
        names = ", ".join(f'"{c}"' for c in columns)
        n = 0
        with self.pg.cursor() as cur, cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                n += 1
        return n

    def close(self) -> None:
        self.pg.close()

    @contextmanager
    def transaction(self) -> Iterator[PgConnection]:
        with self.pg.transaction():
            # one writer at a time (see the module's docstring), and the app's caches move on
            self.execute("UPDATE dossier_meta SET data_version = data_version + 1")
            yield self

    # -- what SQLite keeps in its file header ----------------------------------------------------

    @contextmanager
    def migrating(self) -> Iterator[int]:
        """The schema version, read under a lock held until the block ends, so two processes
        opening a new database do not both create it; the meta row is created if missing."""
        with self.pg.transaction():
            self.execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))
            self.execute(
                "CREATE TABLE IF NOT EXISTS dossier_meta (one BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one), "
                "schema_version INTEGER NOT NULL, data_version BIGINT NOT NULL)"
            )
            self.execute("INSERT INTO dossier_meta VALUES (TRUE, 0, 0) ON CONFLICT DO NOTHING")
            yield self.schema_version()

    def schema_version(self) -> int:
        exists = self.execute("SELECT to_regclass('dossier_meta') IS NOT NULL").fetchone()[0]
        if not exists:
            return 0
        return int(self.execute("SELECT schema_version FROM dossier_meta").fetchone()[0])

    def set_schema_version(self, version: int) -> None:
        self.execute("UPDATE dossier_meta SET schema_version = ?", (version,))

    def data_version(self) -> int:
        return int(self.execute("SELECT data_version FROM dossier_meta").fetchone()[0])

    def check_trigram_locale(self) -> None:
        """Refuse a database whose character classification hides Korean and Hindi from pg_trgm
        (the C locale: every non-ASCII character is a word break, so substring search in those
        scripts would scan or miss)."""
        n = self.execute("SELECT cardinality(show_trgm(?))", (_TRIGRAM_PROBE,)).fetchone()[0]
        if n < len(re.sub(r"\s", "", _TRIGRAM_PROBE)):
            ctype = self.execute("SELECT datctype FROM pg_database WHERE datname = current_database()").fetchone()[0]
            raise RuntimeError(
                f"{redacted(self.url)}: the database's LC_CTYPE is {ctype!r}, under which pg_trgm does not index "
                "Korean or Hindi; create it with a UTF-8 locale, e.g. CREATE DATABASE dossier TEMPLATE template0 "
                "ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'"
            )

    def integrity_ok(self) -> bool:
        """No row points at an article that is not there (the server enforces the foreign keys and
        checksums its pages itself; this is the check a test can ask both engines for)."""
        orphans = " + ".join(
            f"(SELECT count(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = t.article_id))"
            for table in _ARTICLE_CHILDREN
        )
        return self.execute(f"SELECT {orphans}").fetchone()[0] == 0
