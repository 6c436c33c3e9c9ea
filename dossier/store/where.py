"""Filters → SQL: the WHERE condition over ``articles a`` that every filtered read shares, and the
helpers for ``IN (?, ?, …)`` lists.

The text search is the one engine-specific piece (``Dialect.text_search``: SQLite's FTS5 trigram
index, PostgreSQL's pg_trgm indexes).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from dossier.filters import Filters
from dossier.store.dialect import Dialect
from dossier.store.rows import UNKNOWN_SOURCE


def article_where(f: Filters, sql: Dialect) -> tuple[str, list[Any]]:
    """SQL condition over ``articles a`` for a Filters object, and its parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    if f.date_from or f.date_to:
        dated: list[str] = []
        if f.date_from:
            dated.append("a.published >= ?")
            params.append(f.date_from.isoformat())
        if f.date_to:
            dated.append("a.published <= ?")
            params.append(f.date_to.isoformat())
        cond = " AND ".join(dated)
        clauses.append(f"(({cond}) OR a.published IS NULL)" if f.undated else f"({cond})")
    if f.langs:
        clauses.append(
            f"a.id IN (SELECT article_id FROM segments WHERE lang IN ({marks(f.langs)}))"
        )
        params.extend(f.langs)
    if f.sources:
        known = [s for s in f.sources if s != UNKNOWN_SOURCE]
        parts = []
        if known:
            parts.append(f"a.source IN ({marks(known)})")
            params.extend(known)
        if UNKNOWN_SOURCE in f.sources:
            parts.append("a.source IS NULL")
        clauses.append("(" + " OR ".join(parts) + ")")
    if f.actors:
        clauses.append(f"a.id IN (SELECT article_id FROM mentions WHERE entity_id IN ({marks(f.actors)}))")
        params.extend(f.actors)
    if f.places:
        clauses.append(
            f"a.id IN (SELECT article_id FROM place_mentions WHERE place_id IN ({marks(f.places)}))"
        )
        params.extend(f.places)
    if f.event_types:
        clauses.append(f"a.id IN (SELECT article_id FROM frames WHERE type IN ({marks(f.event_types)}))")
        params.extend(f.event_types)
    if f.q.strip():
        clause, values = sql.text_search(f.q.strip())
        clauses.append(clause)
        params.extend(values)
    return (" AND ".join(clauses) or "TRUE"), params


def chunks(items: list[str], size: int) -> Iterator[list[str]]:
    """Slices small enough for SQLite's limit on bound parameters."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def marks(items: Sequence[object]) -> str:
    return ", ".join("?" for _ in items)


def equal(columns: dict[str, Any]) -> tuple[list[str], list[Any]]:
    """``column = ?`` for each column given a value (None: no condition), and the parameters."""
    given = {column: value for column, value in columns.items() if value is not None}
    return [f"{column} = ?" for column in given], list(given.values())
