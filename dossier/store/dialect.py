"""The SQL that differs between SQLite and PostgreSQL, in one place.

The query modules write their SQL once, with ``?`` placeholders, and ask ``self.sql`` (a
``Dialect``) for the few pieces the two engines spell differently: the current time, string and
JSON aggregation, reading a JSON column, the position of a substring, the substring search, an
upsert into a temporary table. PostgreSQL's placeholders (``%s``) are translated by its connection
(``postgres.py``); autoincrement and the search index are in each engine's migrations.

Written so both engines accept it as is: ``TRUE`` (not ``1``) as an always-true condition,
``IS [NOT] DISTINCT FROM`` for null-safe comparison, ``NULLS FIRST`` where an ascending order meets
NULLs (SQLite's default, PostgreSQL's is the opposite), a last tie-breaker in every ordered list, ``RETURNING`` for a new row's id, ``"end"``
quoted (a reserved word in PostgreSQL), ``CASE`` instead of summing booleans.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Below this many characters a trigram index cannot answer a substring query: both engines scan.
TRIGRAM = 3


@dataclass(frozen=True)
class Dialect:
    name: str  # "sqlite" | "postgresql"

    @property
    def now(self) -> str:
        """The current UTC time as the TEXT the store keeps (2026-12-04T02:36:23Z)."""
        if self.name == "sqlite":
            return "strftime('%Y-%m-%dT%H:%M:%SZ','now')"
        return """to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')"""

    def distinct_list(self, expr: str) -> str:
        """The distinct values of ``expr`` joined by commas (order unspecified)."""
        if self.name == "sqlite":
            return f"group_concat(DISTINCT {expr})"
        return f"string_agg(DISTINCT {expr}, ',')"

    def json_list(self, expr: str, order: str) -> str:
        """Every value of ``expr`` in the group as a JSON array (TEXT), in ``order``: ties between
        names (ActorRow.aliases) go to the first seen, so both engines must see them alike. SQLite
        (before 3.44) has no ordered aggregate; the queries using this scan an (id, article_id)
        index whose rows come in article order, then insertion order, which ``order`` spells."""
        if self.name == "sqlite":
            return f"json_group_array({expr})"
        return f"json_agg({expr} ORDER BY {order})::text"

    def json_values(self, column: str, alias: str) -> str:
        """A FROM item: the elements of the JSON array in ``column`` as rows ``alias.value``."""
        if self.name == "sqlite":
            return f"json_each({column}) {alias}"
        return f"json_array_elements_text({column}::json) AS {alias}(value)"

    def json_text(self, column: str, key: str) -> str:
        """Top-level ``key`` of the JSON object in ``column``, as text."""
        if self.name == "sqlite":
            return f"json_extract({column}, '$.{key}')"
        return f"({column}::json ->> '{key}')"

    def json_int(self, column: str, key: str) -> str:
        if self.name == "sqlite":
            return f"json_extract({column}, '$.{key}')"
        return f"({column}::json ->> '{key}')::integer"

    def position(self, haystack: str, needle: str) -> str:
        """1-based position of ``needle`` in ``haystack``, 0 if absent."""
        return f"{'instr' if self.name == 'sqlite' else 'strpos'}({haystack}, {needle})"

    def text_search(self, q: str) -> tuple[str, list[Any]]:
        """Condition over ``articles a``: the title or text contains ``q``, case-insensitively, in
        any script. From 3 characters on it is answered by a trigram index (SQLite: FTS5 with the
        trigram tokenizer; PostgreSQL: pg_trgm GIN indexes, which ILIKE uses)."""
        if self.name == "postgresql":
            pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            # ILIKE folds the case of every candidate text, a cost per row; Hangul, Devanagari and
            # digits have no case, so a query without cased letters matches the same with LIKE
            op = "ILIKE" if q.lower() != q.upper() else "LIKE"
            return f"(a.text {op} ? OR a.title {op} ?)", [pattern, pattern]
        if len(q) >= TRIGRAM:
            # the query as one quoted phrase is a substring match in any script
            return "a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", ['"' + q.replace('"', '""') + '"']
        # 1-2 characters: scan. SQLite's lower() folds ASCII only, so a query without ASCII letters
        # (김, 서울) skips copying every text to fold it.
        if any("a" <= ch.lower() <= "z" for ch in q):
            return "(instr(lower(a.text), lower(?)) > 0 OR instr(lower(coalesce(a.title,'')), lower(?)) > 0)", [q, q]
        return "(instr(a.text, ?) > 0 OR instr(coalesce(a.title,''), ?) > 0)", [q, q]

    def search_scans(self, q: str) -> bool:
        """True when no index answers a search for ``q``: fewer than TRIGRAM characters, on both
        engines (FTS5's trigram tokenizer and pg_trgm both need three), so every text is read."""
        return 0 < len(q.strip()) < TRIGRAM

    @property
    def list_order_index(self) -> str:
        """Follows ``articles a`` in the query that picks a page of the article list: SQLite is told
        to walk the list-order index (migration 6) and test each article against the filters, which
        stops after one page. Left to itself it drives a search from its FTS match and sorts every
        match first: 0.1-0.16 s for a word in a quarter of 100k articles, against 0.01-0.02 s (and
        0.012 s when nothing matches and the whole index is walked). PostgreSQL plans this from
        its statistics."""
        return " INDEXED BY articles_list_order" if self.name == "sqlite" else ""

    def replace_into(self, table: str, columns: tuple[str, ...], key: tuple[str, ...]) -> str:
        """INSERT of one row that replaces the row with the same ``key``."""
        marks = ", ".join("?" for _ in columns)
        if self.name == "sqlite":
            return f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES ({marks})"
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in key)
        return (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) "
                f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}")

    @property
    def keyed_temp_table(self) -> str:
        """What follows a temporary table's column list when its primary key is all it is read by."""
        return " WITHOUT ROWID" if self.name == "sqlite" else ""


SQLITE = Dialect("sqlite")
POSTGRESQL = Dialect("postgresql")
