"""Articles: writing an analysed article (one transaction), and the article list, search, detail,
facets and overview the app reads."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from dossier.filters import Filters
from dossier.model import Entity, EventFrame, Place, Segment, Sentence, Timex
from dossier.store.connection import Connection
from dossier.store.rows import (
    UNKNOWN_SOURCE,
    ArticleDetail,
    ArticleRow,
    Facets,
    FilterOptions,
    NewArticle,
    Overview,
    SaveResult,
    SharedFacts,
    StoredArticle,
    from_row,
)
from dossier.store.where import article_where, chunks, marks

SNIPPET_CHARS = 160
# article_page sorts a page from the ids its counting scan found when they are at most this many
# (bound parameters of one IN list: SQLite allows 32,766); past it, it lists as list_articles does.
_MAX_IDS_LISTED = 10_000
# The article list's order (newest first, undated last), as the index of migration 6 spells it.
_LIST_ORDER = "a.published IS NULL, a.published DESC, a.id"
_METADATA_COLUMNS = ("title", "published", "source", "url", "lang_hint", "licence", "note")


class ArticleQueries(Connection):
    """Writes and reads of articles and of what they hold as a whole."""

    # -- writes ------------------------------------------------------------------------------------

    def find_by_content(self, content_hash: str) -> StoredArticle | None:
        row = self.conn.execute(
            "SELECT id, published, extraction_version FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return StoredArticle(row["id"], row["published"], row["extraction_version"]) if row else None

    def save_article(self, art: NewArticle) -> SaveResult:
        """Insert a new article, or update a known one (same content = same article): metadata that
        is now known or corrected changes, and an analysed ``art`` replaces the old extraction."""
        with self.transaction() as tx:
            row = tx.execute(
                "SELECT id, " + ", ".join(_METADATA_COLUMNS) + " FROM articles WHERE content_hash = ?",
                (art.content_hash,),
            ).fetchone()
            if row is not None:
                changes = {
                    c: getattr(art, c)
                    for c in _METADATA_COLUMNS
                    if getattr(art, c) is not None and getattr(art, c) != row[c]
                }
                if art.extraction_version:
                    changes["extraction_version"] = art.extraction_version
                    for table in ("segments", "sentences", "mentions", "timexes", "place_mentions", "frames", "chains"):
                        tx.execute(f"DELETE FROM {table} WHERE article_id = ?", (row["id"],))
                    self._write_analysis(tx, replace(art, id=row["id"]))
                if not changes:
                    return SaveResult(row["id"], "unchanged")
                sets = ", ".join(f"{c} = ?" for c in changes)
                tx.execute(f"UPDATE articles SET {sets} WHERE id = ?", (*changes.values(), row["id"]))
                return SaveResult(row["id"], "re-extracted" if art.extraction_version else "updated")
            tx.execute(
                f"""INSERT INTO articles (id, content_hash, raw_sha256, title, published, source, url,
                       lang_hint, licence, note, origin, encoding, text, ingested_at, extraction_version)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {self.sql.now}, ?)""",
                (
                    art.id, art.content_hash, art.raw_sha256, art.title, art.published, art.source,
                    art.url, art.lang_hint, art.licence, art.note, art.origin, art.encoding, art.text,
                    art.extraction_version,
                ),
            )
            self._write_analysis(tx, art)
            return SaveResult(art.id, "created")

    def _write_analysis(self, tx: Any, art: NewArticle) -> None:
        tx.executemany(
            "INSERT INTO segments (article_id, idx, start, \"end\", lang, parallel_of, kind) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(art.id, i, s.start, s.end, s.lang, s.parallel_of, s.kind) for i, s in enumerate(art.segments)],
        )
        tx.executemany(
            "INSERT INTO sentences (article_id, idx, start, \"end\", segment) VALUES (?, ?, ?, ?, ?)",
            [(art.id, i, s.start, s.end, s.segment) for i, s in enumerate(art.sentences)],
        )
        tx.executemany(
            "INSERT INTO mentions (article_id, start, \"end\", text, label, lang, entity_id, canonical, score, method, "
            "extracted_entity_id, extracted_canonical) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (art.id, e.start, e.end, e.text, e.label, lang, e.entity_id, e.canonical, e.score, e.method,
                 e.entity_id, e.canonical)
                for e, lang in art.entities
            ],
        )
        tx.executemany(
            "INSERT INTO timexes (article_id, start, \"end\", text, type, value, value_end, precision) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(art.id, t.start, t.end, t.text, t.type, t.value, t.value_end, t.precision) for t in art.times],
        )
        tx.executemany(
            "INSERT INTO place_mentions (article_id, start, \"end\", text, place_id, name, lat, lon, kind, "
            "extracted_lat, extracted_lon) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(art.id, p.start, p.end, p.text, p.place_id, p.name, p.lat, p.lon, p.kind, p.lat, p.lon) for p in art.places],
        )
        tx.executemany(
            "INSERT INTO frames (article_id, idx, type, date, date_end, place_id, actor_ids, "
            "sentence_start, sentence_end, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (art.id, i, f.type, f.date, f.date_end, f.place_id, json.dumps(f.actor_ids),
                 f.sentence_start, f.sentence_end, json.dumps(extra, ensure_ascii=False))
                for i, (f, extra) in enumerate(art.frames)
            ],
        )
        tx.executemany(
            "INSERT INTO chains (article_id, sentence_start, sentence_end, lang, origin_key, description, links) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (art.id, c["sentence_start"], c["sentence_end"], c["lang"], c.get("origin_key"),
                 c["description"], json.dumps(c["links"], ensure_ascii=False))
                for c in art.chains
            ],
        )

    # -- reads -------------------------------------------------------------------------------------

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY id")]

    def list_articles(self, f: Filters, *, limit: int, offset: int = 0) -> list[ArticleRow]:
        where, params = article_where(f, self.sql)
        return self._listed(where, params, f, limit=limit, offset=offset, by_order_index=True)

    def _listed(self, where: str, params: list[Any], f: Filters, *, limit: int, offset: int,
                by_order_index: bool = False) -> list[ArticleRow]:
        """A page of the articles meeting ``where`` (over ``articles a``), in the list's order, with
        an excerpt around ``f.q``."""
        # The page's ids first, then the text and languages of those rows only: with both in one
        # query SQLite read the text and ran the languages subquery for every match before sorting.
        index = self.sql.list_order_index if by_order_index else ""
        rows = self.conn.execute(
            f"""SELECT a.id, a.title, a.published, a.source, a.url, length(a.text) AS n_chars,
                       a.text, (SELECT {self.sql.distinct_list("s.lang")} FROM segments s
                                WHERE s.article_id = a.id) AS langs
                FROM (SELECT a.id FROM articles a{index} WHERE {where}
                      ORDER BY {_LIST_ORDER} LIMIT ? OFFSET ?) AS page
                JOIN articles a ON a.id = page.id
                ORDER BY {_LIST_ORDER}""",
            (*params, int(limit), int(offset)),
        ).fetchall()
        return [
            from_row(ArticleRow, r, langs=_split_langs(r["langs"]), snippet=_snippet(r["text"], f.q))
            for r in rows
        ]

    def article_page(self, f: Filters, *, limit: int, offset: int, at_most: int) -> tuple[int, list[ArticleRow]]:
        """``count_articles(f, at_most=at_most)`` and ``list_articles(f, limit=limit, offset=offset)``
        in one call. For a search no index serves (1-2 characters) both would read every text
        until they have enough matches: a rare one (``zq``) is two full scans, 1.1-1.6 s at 100k
        articles. Here the counting scan keeps the ids it finds; when it ends below ``at_most`` it
        has found every match, and the page is sorted from those ids alone (one scan, ~0.6 s).
        A common one reaches ``at_most`` and is listed as before (the list stops after a page)."""
        if self.sql.search_scans(f.q) and 0 < at_most <= _MAX_IDS_LISTED:
            where, params = article_where(f, self.sql)
            ids = [r[0] for r in self.conn.execute(
                f"SELECT a.id FROM articles a WHERE {where} LIMIT ?", (*params, int(at_most))
            )]
            if not ids:
                return 0, []
            if len(ids) < at_most:
                return len(ids), self._listed(f"a.id IN ({marks(ids)})", ids, f, limit=limit, offset=offset)
            return at_most, self.list_articles(f, limit=limit, offset=offset)  # counted: at_most at least
        return self.count_articles(f, at_most=at_most), self.list_articles(f, limit=limit, offset=offset)

    def count_articles(self, f: Filters, *, at_most: int | None = None) -> int:
        """Articles matching ``f``; with ``at_most``, counting stops there (the result is then
        ``min(count, at_most)``). A search of 1-2 characters has no index to count with and reads
        every text (0.7 s at 100k articles); a cap stops the scan once enough matches are seen."""
        where, params = article_where(f, self.sql)
        if at_most is None:
            return int(self.conn.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()[0])
        return int(self.conn.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM articles a WHERE {where} LIMIT ?) AS capped",
            (*params, max(0, int(at_most))),
        ).fetchone()[0])

    def get_article(self, article_id: str) -> ArticleDetail | None:
        r = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if r is None:
            return None
        segments = [
            Segment(start=s["start"], end=s["end"], lang=s["lang"], parallel_of=s["parallel_of"], kind=s["kind"])
            for s in self.conn.execute(
                "SELECT * FROM segments WHERE article_id = ? ORDER BY idx", (article_id,)
            )
        ]
        sentences = [
            Sentence(start=s["start"], end=s["end"], segment=s["segment"])
            for s in self.conn.execute(
                "SELECT * FROM sentences WHERE article_id = ? ORDER BY idx", (article_id,)
            )
        ]
        return from_row(
            ArticleDetail, r, langs=list(dict.fromkeys(s.lang for s in segments)), n_chars=len(r["text"]),
            snippet=_snippet(r["text"], ""), segments=segments, sentences=sentences,
        )

    def article_extraction(self, article_id: str) -> dict[str, list[Any]]:
        """Everything extracted from one article, as model objects."""
        q = lambda table: self.conn.execute(
            f"SELECT * FROM {table} WHERE article_id = ? ORDER BY start", (article_id,)
        ).fetchall()
        return {
            "entities": [
                Entity(r["start"], r["end"], r["text"], r["label"], r["entity_id"], r["canonical"], r["score"], r["method"])
                for r in q("mentions")
            ],
            "times": [
                Timex(r["start"], r["end"], r["text"], r["type"], r["value"], r["value_end"], r["precision"])
                for r in q("timexes")
            ],
            "places": [
                Place(r["start"], r["end"], r["text"], r["place_id"], r["name"], r["lat"], r["lon"], r["kind"])
                for r in q("place_mentions")
            ],
            "frames": [
                EventFrame(r["type"], r["date"], r["date_end"], r["place_id"], json.loads(r["actor_ids"]),
                           r["sentence_start"], r["sentence_end"])
                for r in self.conn.execute(
                    "SELECT * FROM frames WHERE article_id = ? ORDER BY idx", (article_id,)
                )
            ],
        }

    # -- facets and overview (the filter bar and the overview page) --------------------------------

    def facets(self) -> Facets:
        n, undated, lo, hi = self.conn.execute(
            "SELECT count(*), sum(CASE WHEN published IS NULL THEN 1 ELSE 0 END), min(published), max(published) "
            "FROM articles"
        ).fetchone()
        languages = self._counts(
            "SELECT lang, count(DISTINCT article_id) FROM segments GROUP BY lang ORDER BY 2 DESC, 1"
        )
        sources = _named_sources(
            self._counts("SELECT source, count(*) FROM articles GROUP BY source ORDER BY 2 DESC, 1 NULLS FIRST")
        )
        return Facets(int(n), int(undated or 0), lo, hi, languages, sources)

    def overview(self, f: Filters) -> Overview:
        where, params = article_where(f, self.sql)
        n, chars = self.conn.execute(
            f"SELECT count(*), coalesce(sum(length(a.text)), 0) FROM articles a WHERE {where}", params
        ).fetchone()
        by_language = self._counts(
            f"""SELECT s.lang, count(DISTINCT s.article_id) FROM segments s
                JOIN articles a ON a.id = s.article_id WHERE {where}
                GROUP BY s.lang ORDER BY 2 DESC, 1""",
            params,
        )
        by_source = _named_sources(
            self._counts(
                f"SELECT a.source, count(*) FROM articles a WHERE {where} GROUP BY a.source ORDER BY 2 DESC, 1 NULLS FIRST",
                params,
            )
        )
        by_month = self._counts(
            f"""SELECT coalesce(substr(a.published, 1, 7), 'undated'), count(*) FROM articles a
                WHERE {where} GROUP BY 1 ORDER BY 1""",
            params,
        )
        return Overview(int(n), int(chars), by_language, by_source, by_month)

    def filter_options(self, *, limit: int) -> FilterOptions:
        """The most frequent actors, places and event types of the whole corpus, for filter pickers."""
        actors = self._most_articles(
            """SELECT entity_id, count(DISTINCT article_id) AS n FROM mentions
               WHERE entity_id IS NOT NULL AND entity_id NOT LIKE 'x:%'
               GROUP BY entity_id ORDER BY n DESC, entity_id LIMIT ?""",
            limit, self.actor_names,  # EntityQueries' (Store has every area's methods)
        )
        places = self._most_articles(
            """SELECT place_id, count(DISTINCT article_id) AS n FROM place_mentions
               GROUP BY place_id ORDER BY n DESC, place_id LIMIT ?""",
            limit, self.place_names,  # PlaceQueries'
        )
        event_types = list(self._counts("SELECT type, count(*) FROM events GROUP BY type ORDER BY 2 DESC, 1").items())
        return FilterOptions(actors, places, event_types)

    def _most_articles(
        self, sql: str, limit: int, names_of: Callable[[list[str]], dict[str, str]]
    ) -> list[tuple[str, str, int]]:
        """(id, name, articles) for ``sql``'s (id, articles) rows, most articles first, then by name."""
        # counts from the (id, article) index alone; names only for the winners
        counts = self.conn.execute(sql, (int(limit),)).fetchall()
        names = names_of([r[0] for r in counts])
        return sorted(((r[0], names.get(r[0], r[0]), r[1]) for r in counts), key=lambda t: (-t[2], t[1]))

    def shared_between(self, left_id: str, right_id: str) -> SharedFacts:
        """Places both articles mention and fused events both report."""
        places = [
            (r[0], r[1])
            for r in self.conn.execute(
                """SELECT place_id, max(name) FROM place_mentions WHERE article_id = ?
                   AND place_id IN (SELECT place_id FROM place_mentions WHERE article_id = ?)
                   GROUP BY place_id ORDER BY count(*) DESC, place_id""",
                (left_id, right_id),
            )
        ]
        event_ids = [
            r[0]
            for r in self.conn.execute(
                """SELECT event_id FROM event_sources WHERE article_id = ?
                   INTERSECT SELECT event_id FROM event_sources WHERE article_id = ?""",
                (left_id, right_id),
            )
        ]
        events = [
            (r[0], r[1], r[2], r[3])
            for chunk in chunks(event_ids, 500)
            for r in self.conn.execute(
                f"SELECT id, type, date, date_end FROM events WHERE id IN ({marks(chunk)}) ORDER BY date NULLS FIRST, id",
                chunk,
            )
        ]
        return SharedFacts(places, events)


def _split_langs(value: str | None) -> list[str]:
    return sorted(value.split(",")) if value else []


def _snippet(text: str, q: str) -> str:
    """An excerpt around the first hit of ``q`` (case-insensitive), else the opening."""
    q = q.strip()
    at = text.lower().find(q.lower()) if q else -1
    if at < 0:
        excerpt = text[:SNIPPET_CHARS]
        return " ".join(excerpt.split()) + ("…" if len(text) > SNIPPET_CHARS else "")
    start = max(0, at - SNIPPET_CHARS // 3)
    end = min(len(text), start + SNIPPET_CHARS)
    excerpt = " ".join(text[start:end].split())
    return ("…" if start else "") + excerpt + ("…" if end < len(text) else "")


def _named_sources(counts: dict[str | None, int]) -> dict[str, int]:
    """Counts per source, with articles of no named source under UNKNOWN_SOURCE."""
    return {(source if source is not None else UNKNOWN_SOURCE): n for source, n in counts.items()}
