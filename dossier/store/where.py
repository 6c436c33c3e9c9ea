"""Filters → SQL: the WHERE condition over ``articles a`` that every filtered read shares, and the
helpers for ``IN (?, ?, …)`` lists.

Engine-specific here: the text search (SQLite's FTS5 trigram index ``articles_fts`` with ``MATCH``,
and ``instr``/``lower`` for queries shorter than a trigram).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from dossier.filters import Filters
from dossier.store.rows import UNKNOWN_SOURCE


def article_where(f: Filters) -> tuple[str, list[Any]]:
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
        q = f.q.strip()
        if len(q) >= 3:
            # trigram FTS: the query as one quoted phrase is a substring match in any script
            clauses.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append('"' + q.replace('"', '""') + '"')
        else:
            # the trigram index cannot answer 1-2 characters: scan. SQLite's lower() folds ASCII only,
            # so a query without ASCII letters (김, 서울) skips copying every text to fold it.
            if any("a" <= ch.lower() <= "z" for ch in q):
                clauses.append("(instr(lower(a.text), lower(?)) > 0 OR instr(lower(coalesce(a.title,'')), lower(?)) > 0)")
            else:
                clauses.append("(instr(a.text, ?) > 0 OR instr(coalesce(a.title,''), ?) > 0)")
            params.extend([q, q])
    return (" AND ".join(clauses) or "1"), params


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
