"""The schema as numbered migration files, read in order when this module is imported.

``migrations/NNN_<name>.sql`` moves the schema from version NNN-1 to NNN (``PRAGMA user_version``
holds the version a database is at, ``dossier_meta`` on PostgreSQL, whose steps are in
``migrations/postgresql/``; ``connection.Connection`` applies the missing steps, each in its
own transaction). Migrations are forward-only: never edit or renumber a released file (tests pin
their statements); change the schema by adding the next number. The files sit beside this module
and are found relative to it, so a checkout needs no install step.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_FILE_NAME = re.compile(r"(\d{3})_[a-z0-9_]+\.sql")


def migration_files(folder: Path = MIGRATIONS_DIR) -> list[Path]:
    """The migration files in version order; raises if a name is malformed or a number is missing
    or repeated (version i must be the i-th file)."""
    files = sorted(folder.glob("*.sql"))
    for expected, path in enumerate(files, start=1):
        match = _FILE_NAME.fullmatch(path.name)
        if match is None:
            raise RuntimeError(f"{path}: a migration is named NNN_<name>.sql (lower case)")
        if int(match.group(1)) != expected:
            raise RuntimeError(f"{path}: expected migration number {expected:03d} here (no gaps, no repeats)")
    if not files:
        raise RuntimeError(f"no migrations in {folder}")
    return files


def split_sql(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (which contain ';') whole. Comment
    lines between statements (a file's header) are left out; comments inside a statement stay."""
    statements: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        if not buf.strip() and line.lstrip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements


# MIGRATIONS[i] is the script that moves a database from version i to i+1.
MIGRATIONS: tuple[str, ...] = tuple(path.read_text(encoding="utf-8") for path in migration_files())
SCHEMA_VERSION = len(MIGRATIONS)

# The same steps for PostgreSQL, one file per SQLite file with the same number and name (a test
# holds them to it): the same tables, columns and indexes, spelled for that engine (pg_trgm indexes
# for the FTS5 table, DOUBLE PRECISION for REAL, an identity column for INTEGER PRIMARY KEY).
PG_MIGRATIONS_DIR = MIGRATIONS_DIR / "postgresql"
PG_MIGRATIONS: tuple[str, ...] = tuple(
    path.read_text(encoding="utf-8") for path in migration_files(PG_MIGRATIONS_DIR)
)
