"""SQLite store: schema, migrations and every query. The only module that writes SQL.

One file, WAL journal, one transaction per article (so a killed ingest leaves every stored article
complete), schema versioned with ``PRAGMA user_version`` and forward-only migrations, and an FTS5
trigram index so a substring in any script (``블라디보``, ``प्योंगयांग``) finds its article.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dossier.filters import Filters
import json

from dossier.model import Entity, EventFrame, Place, Segment, Sentence, Timex

UNKNOWN_SOURCE = "(unknown)"
SNIPPET_CHARS = 160

# Each entry moves the schema from version i to i+1. Never edit a released step; append a new one.
MIGRATIONS: tuple[str, ...] = (
    # 1: articles, their segments and sentences, and the trigram search index
    """
    CREATE TABLE articles (
        id           TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,   -- sha256 of the normalised text: identity of an article
        raw_sha256   TEXT NOT NULL,          -- sha256 of the original bytes, kept as evidence
        title        TEXT,
        published    TEXT,                   -- YYYY-MM-DD, NULL = undated (never guessed)
        source       TEXT,
        url          TEXT,
        lang_hint    TEXT,                   -- language the metadata claimed, if any
        licence      TEXT,
        note         TEXT,
        origin       TEXT NOT NULL,          -- file path (and row/line for multi-article files)
        encoding     TEXT NOT NULL,
        text         TEXT NOT NULL,
        ingested_at  TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_source ON articles(source);
    CREATE TABLE segments (
        article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx         INTEGER NOT NULL,
        start       INTEGER NOT NULL,
        end         INTEGER NOT NULL,
        lang        TEXT NOT NULL,
        parallel_of INTEGER,
        kind        TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX segments_lang ON segments(lang, article_id);
    CREATE TABLE sentences (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx        INTEGER NOT NULL,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL,
        segment    INTEGER NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='trigram'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    """,
    # 2: what extraction found in each article (rewritten with the article, in its transaction)
    """
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL,
        text       TEXT NOT NULL,
        label      TEXT NOT NULL,            -- PER | ORG | LOC
        lang       TEXT NOT NULL,
        entity_id  TEXT,                     -- knowledge-base id, or an x: cluster key, or NULL
        canonical  TEXT,
        score      REAL,
        method     TEXT
    );
    CREATE INDEX mentions_article ON mentions(article_id);
    CREATE INDEX mentions_entity ON mentions(entity_id, article_id);
    CREATE TABLE timexes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL,
        text       TEXT NOT NULL,
        type       TEXT NOT NULL,
        value      TEXT NOT NULL,
        value_end  TEXT,
        precision  TEXT
    );
    CREATE INDEX timexes_article ON timexes(article_id);
    CREATE TABLE place_mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL,
        text       TEXT NOT NULL,
        place_id   TEXT NOT NULL,
        name       TEXT NOT NULL,
        lat        REAL NOT NULL,
        lon        REAL NOT NULL,
        kind       TEXT NOT NULL
    );
    CREATE INDEX place_mentions_article ON place_mentions(article_id);
    CREATE INDEX place_mentions_place ON place_mentions(place_id, article_id);
    CREATE TABLE frames (
        article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx            INTEGER NOT NULL,
        type           TEXT NOT NULL,
        date           TEXT,
        date_end       TEXT,
        place_id       TEXT,
        actor_ids      TEXT NOT NULL,        -- JSON list
        sentence_start INTEGER NOT NULL,
        sentence_end   INTEGER NOT NULL,
        extra          TEXT,                 -- JSON: status, precision, trigger, ...
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX frames_type ON frames(type, article_id);
    """,
    # 3: which version of the pipeline produced an article's extraction, so a newer one redoes it
    """
    ALTER TABLE articles ADD COLUMN extraction_version TEXT NOT NULL DEFAULT '';
    """,
    # 4: reporting chains per sentence, and events fused across articles (derived, rebuilt whole)
    """
    CREATE TABLE chains (
        article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        sentence_start INTEGER NOT NULL,
        sentence_end   INTEGER NOT NULL,
        lang           TEXT NOT NULL,
        origin_key     TEXT,                 -- what independence is judged on (entity id or surface)
        description    TEXT NOT NULL,        -- "Yomiuri ← NYT"
        links          TEXT NOT NULL         -- JSON list of links, publisher first
    );
    CREATE INDEX chains_article ON chains(article_id, sentence_start);
    CREATE TABLE events (
        id         TEXT PRIMARY KEY,
        type       TEXT NOT NULL,
        date       TEXT,
        date_end   TEXT,
        precision  TEXT,
        date_mod   TEXT,
        status     TEXT NOT NULL,
        place_id   TEXT,
        actor_ids  TEXT NOT NULL,            -- JSON list
        conflict   INTEGER NOT NULL,
        readings   TEXT NOT NULL,            -- JSON list of date readings with their support
        n_articles INTEGER NOT NULL
    );
    CREATE INDEX events_date ON events(date);
    CREATE TABLE event_sources (
        event_id       TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        lang           TEXT NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end   INTEGER NOT NULL,
        sentence       TEXT NOT NULL,
        trigger        TEXT,
        date           TEXT,
        date_end       TEXT,
        precision      TEXT,
        status         TEXT
    );
    CREATE INDEX event_sources_event ON event_sources(event_id);
    CREATE INDEX event_sources_article ON event_sources(article_id);
    """,
    # 5: analysts' corrections, kept apart from extraction and replayed over it; the extracted
    # link and coordinates are kept beside the effective ones so any correction can be undone
    """
    CREATE TABLE corrections (
        id         INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        kind       TEXT NOT NULL,   -- merge_actor | add_alias | split_alias | event_date | event_place | place_location
        target     TEXT NOT NULL,   -- the id corrected
        value      TEXT NOT NULL,   -- JSON: what it becomes
        before     TEXT,            -- JSON: what it was when the correction was made
        note       TEXT,
        undone_at  TEXT
    );
    ALTER TABLE mentions ADD COLUMN extracted_entity_id TEXT;
    ALTER TABLE mentions ADD COLUMN extracted_canonical TEXT;
    UPDATE mentions SET extracted_entity_id = entity_id, extracted_canonical = canonical;
    ALTER TABLE place_mentions ADD COLUMN extracted_lat REAL;
    ALTER TABLE place_mentions ADD COLUMN extracted_lon REAL;
    UPDATE place_mentions SET extracted_lat = lat, extracted_lon = lon;
    """,
    # 6: the article list's order as an index, so a page of a large result walks it and stops after
    # one page instead of sorting every match (0.5 s -> 0.01 s for 김 at 100k articles)
    """
    CREATE INDEX articles_list_order ON articles(published IS NULL, published DESC, id);
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


@dataclass
class NewArticle:
    """Everything ingest hands to the store for one article (written in one transaction)."""

    id: str
    content_hash: str
    raw_sha256: str
    text: str
    origin: str
    encoding: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    lang_hint: str | None = None
    licence: str | None = None
    note: str | None = None
    segments: list[Segment] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[tuple[Entity, str]] = field(default_factory=list)  # (entity, language)
    times: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    frames: list[tuple[EventFrame, dict[str, Any]]] = field(default_factory=list)  # (frame, extra)
    chains: list[dict[str, Any]] = field(default_factory=list)  # sentence_start/end, lang, origin_key, description, links
    # The pipeline version that produced the fields above; "" = not analysed (metadata-only update).
    extraction_version: str = ""


@dataclass
class StoredArticle:
    """What the store already holds for some content, so ingest can skip unneeded analysis."""

    id: str
    published: str | None
    extraction_version: str


@dataclass
class SaveResult:
    article_id: str
    status: str  # created | unchanged | updated (metadata changed, same content)


@dataclass
class ArticleRow:
    id: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    langs: list[str]
    n_chars: int
    snippet: str


@dataclass
class ArticleDetail(ArticleRow):
    text: str = ""
    segments: list[Segment] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    origin: str = ""
    encoding: str = ""
    raw_sha256: str = ""
    licence: str | None = None
    note: str | None = None
    ingested_at: str = ""


@dataclass
class Facets:
    n_articles: int
    n_undated: int
    min_date: str | None
    max_date: str | None
    languages: dict[str, int]
    sources: dict[str, int]


@dataclass
class Overview:
    n_articles: int
    n_chars: int
    by_language: dict[str, int]
    by_source: dict[str, int]
    by_month: dict[str, int]


@dataclass
class ActorRow:
    entity_id: str
    canonical: str
    label: str  # the label most mentions carry: PER | ORG | LOC
    n_mentions: int
    n_articles: int
    by_lang: dict[str, int]
    aliases: list[str]  # surface forms seen, most frequent first


@dataclass
class MentionRow:
    article_id: str
    title: str | None
    published: str | None
    start: int
    end: int
    text: str
    label: str
    lang: str
    entity_id: str | None
    canonical: str | None
    score: float | None
    method: str | None
    sentence: str


@dataclass
class PlaceRow:
    place_id: str
    name: str
    lat: float
    lon: float
    kind: str
    n_mentions: int
    n_articles: int
    names: list[str]


@dataclass
class CorrectionRow:
    id: int
    created_at: str
    kind: str
    target: str
    value: dict[str, Any]
    before: Any
    note: str | None
    undone_at: str | None
    # an active event correction whose event no longer exists (it merged into another event that
    # kept the other's id, or its sources are gone): it is kept but applies to nothing
    detached: bool = False


@dataclass
class SharedFacts:
    places: list[tuple[str, str]]  # (place id, name)
    events: list[tuple[str, str, str | None, str | None]]  # (event id, type, date, date_end)


@dataclass
class FilterOptions:
    actors: list[tuple[str, str, int]]  # (entity id, name, articles)
    places: list[tuple[str, str, int]]  # (place id, name, articles)
    event_types: list[tuple[str, int]]  # (type, events)


@dataclass
class EventRow:
    id: str
    type: str
    date: str | None
    date_end: str | None
    precision: str | None
    date_mod: str | None
    status: str
    place_id: str | None
    actor_ids: list[str]
    conflict: bool
    readings: list[dict[str, Any]]
    n_articles: int
    sources: list[dict[str, Any]]  # event_sources columns + title, published, outlet


@dataclass
class ChainRow:
    article_id: str
    title: str | None
    published: str | None
    lang: str
    sentence_start: int
    sentence_end: int
    sentence: str
    origin_key: str | None
    description: str
    links: list[dict[str, Any]]


_METADATA_COLUMNS = ("title", "published", "source", "url", "lang_hint", "licence", "note")


class Store:
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

    # -- lifecycle ------------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
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
                for statement in _split_sql(MIGRATIONS[version]):
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

    # -- writes ---------------------------------------------------------------------------

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
                """INSERT INTO articles (id, content_hash, raw_sha256, title, published, source, url,
                       lang_hint, licence, note, origin, encoding, text, ingested_at, extraction_version)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?)""",
                (
                    art.id, art.content_hash, art.raw_sha256, art.title, art.published, art.source,
                    art.url, art.lang_hint, art.licence, art.note, art.origin, art.encoding, art.text,
                    art.extraction_version,
                ),
            )
            self._write_analysis(tx, art)
            return SaveResult(art.id, "created")

    def _write_analysis(self, tx: sqlite3.Connection, art: NewArticle) -> None:
        tx.executemany(
            "INSERT INTO segments (article_id, idx, start, end, lang, parallel_of, kind) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(art.id, i, s.start, s.end, s.lang, s.parallel_of, s.kind) for i, s in enumerate(art.segments)],
        )
        tx.executemany(
            "INSERT INTO sentences (article_id, idx, start, end, segment) VALUES (?, ?, ?, ?, ?)",
            [(art.id, i, s.start, s.end, s.segment) for i, s in enumerate(art.sentences)],
        )
        tx.executemany(
            "INSERT INTO mentions (article_id, start, end, text, label, lang, entity_id, canonical, score, method, "
            "extracted_entity_id, extracted_canonical) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (art.id, e.start, e.end, e.text, e.label, lang, e.entity_id, e.canonical, e.score, e.method,
                 e.entity_id, e.canonical)
                for e, lang in art.entities
            ],
        )
        tx.executemany(
            "INSERT INTO timexes (article_id, start, end, text, type, value, value_end, precision) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(art.id, t.start, t.end, t.text, t.type, t.value, t.value_end, t.precision) for t in art.times],
        )
        tx.executemany(
            "INSERT INTO place_mentions (article_id, start, end, text, place_id, name, lat, lon, kind, "
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

    # -- fused events (derived from all frames; rebuilt whole after an ingest) ---------------

    def frame_rows(self) -> list[dict[str, Any]]:
        """Every stored frame with its article's date and language and its sentence text."""
        rows = self.conn.execute(
            """SELECT f.*, a.published,
                      substr(a.text, f.sentence_start + 1, f.sentence_end - f.sentence_start) AS sentence,
                      (SELECT s.lang FROM segments s WHERE s.article_id = f.article_id
                       AND s.start <= f.sentence_start AND f.sentence_start < s.end LIMIT 1) AS lang
               FROM frames f JOIN articles a ON a.id = f.article_id ORDER BY f.article_id, f.idx"""
        ).fetchall()
        return [
            {**dict(r), "actor_ids": json.loads(r["actor_ids"]), "extra": json.loads(r["extra"] or "{}")}
            for r in rows
        ]

    def replace_events(self, events: list[dict[str, Any]]) -> None:
        """Swap in a new set of fused events in one transaction (readers never see a half set).

        Each event: id, type, date, date_end, precision, date_mod, status, place_id, actor_ids,
        conflict, readings (JSON-able), sources (list of dicts: article_id, lang, sentence_start,
        sentence_end, sentence, trigger, date, date_end, precision, status)."""
        with self.transaction() as tx:
            tx.execute("DELETE FROM event_sources")
            tx.execute("DELETE FROM events")
            for e in events:
                tx.execute(
                    "INSERT INTO events (id, type, date, date_end, precision, date_mod, status, place_id, "
                    "actor_ids, conflict, readings, n_articles) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (e["id"], e["type"], e["date"], e["date_end"], e["precision"], e["date_mod"], e["status"],
                     e["place_id"], json.dumps(e["actor_ids"]), int(e["conflict"]),
                     json.dumps(e["readings"], ensure_ascii=False),
                     len({src["article_id"] for src in e["sources"]})),
                )
                tx.executemany(
                    "INSERT INTO event_sources (event_id, article_id, lang, sentence_start, sentence_end, "
                    "sentence, trigger, date, date_end, precision, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (e["id"], src["article_id"], src["lang"], src["sentence_start"], src["sentence_end"],
                         src["sentence"], src.get("trigger"), src.get("date"), src.get("date_end"),
                         src.get("precision"), src.get("status"))
                        for src in e["sources"]
                    ],
                )

    def event_source_keys(self) -> dict[str, set[tuple[str, int, int]]]:
        """Each stored event's sources as (article id, sentence start, trigger start), the keys
        dossier.events.fusion.inherit_ids matches a rebuild's events on. event_sources keeps the trigger's
        text, not its offset: the offset comes from the article's frame with that sentence, trigger
        and date (all of them when several match); a source whose frame is gone (re-extracted
        differently) falls back to the trigger's first place in its sentence."""
        rows = self.conn.execute(
            """SELECT es.event_id, es.article_id, es.sentence_start,
                      coalesce(json_extract(f.extra, '$.trigger_start'),
                               CASE WHEN instr(es.sentence, es.trigger) > 0 AND es.trigger != ''
                                    THEN es.sentence_start + instr(es.sentence, es.trigger) - 1 END)
               FROM event_sources es
               LEFT JOIN frames f ON f.article_id = es.article_id AND f.sentence_start = es.sentence_start
                    AND coalesce(json_extract(f.extra, '$.trigger'), '') = coalesce(es.trigger, '')
                    AND f.date IS es.date AND f.date_end IS es.date_end"""
        )
        keys: dict[str, set[tuple[str, int, int]]] = {}
        for event_id, article_id, sentence_start, trigger_start in rows:
            keys.setdefault(event_id, set()).add((article_id, int(sentence_start), int(trigger_start or 0)))
        return keys

    def events(self, f: Filters, *, limit: int, dated_only: bool = False) -> list[EventRow]:
        """Fused events with at least one source in the filtered articles; the date range applies
        to the event's own dates, the actor and place filters to its actors and place."""
        where, params = _where(replace(f, date_from=None, date_to=None, actors=(), places=()))
        clauses, extra = [f"e.id IN (SELECT es.event_id FROM event_sources es JOIN articles a ON a.id = es.article_id WHERE {where})"], list(params)
        if f.date_from:
            clauses.append("coalesce(e.date_end, e.date) >= ?")
            extra.append(f.date_from.isoformat())
        if f.date_to:
            clauses.append("e.date <= ?")
            extra.append(f.date_to.isoformat() + "~")  # "~" sorts after any time suffix
        if (f.date_from or f.date_to) and not f.undated:
            clauses.append("e.date IS NOT NULL")
        if dated_only:
            clauses.append("e.date IS NOT NULL")
        if f.actors:
            clauses.append(f"EXISTS (SELECT 1 FROM json_each(e.actor_ids) j WHERE j.value IN ({_marks(f.actors)}))")
            extra.extend(f.actors)
        if f.places:
            clauses.append(f"e.place_id IN ({_marks(f.places)})")
            extra.extend(f.places)
        if f.event_types:
            clauses.append(f"e.type IN ({_marks(f.event_types)})")
            extra.extend(f.event_types)
        rows = self.conn.execute(
            f"SELECT e.* FROM events e WHERE {' AND '.join(clauses)} "
            "ORDER BY e.date IS NULL, e.date, e.id LIMIT ?",
            (*extra, int(limit)),
        ).fetchall()
        # all sources of the chosen events in one query (not one per event)
        sources_of: dict[str, list[dict[str, Any]]] = {r["id"]: [] for r in rows}
        for chunk in _chunks([r["id"] for r in rows], 500):
            for src in self.conn.execute(
                f"""SELECT es.*, a.title, a.published, a.source AS outlet FROM event_sources es
                    JOIN articles a ON a.id = es.article_id WHERE es.event_id IN ({_marks(chunk)})
                    ORDER BY a.published IS NULL, a.published, es.article_id, es.sentence_start""",
                chunk,
            ):
                sources_of[src["event_id"]].append(dict(src))
        out = []
        for r in rows:
            sources = sources_of[r["id"]]
            out.append(
                EventRow(
                    id=r["id"], type=r["type"], date=r["date"], date_end=r["date_end"], precision=r["precision"],
                    date_mod=r["date_mod"], status=r["status"], place_id=r["place_id"],
                    actor_ids=json.loads(r["actor_ids"]), conflict=bool(r["conflict"]),
                    readings=json.loads(r["readings"]), n_articles=r["n_articles"], sources=sources,
                )
            )
        return out

    def chains(self, f: Filters, *, article_id: str | None = None, limit: int) -> list[ChainRow]:
        where, params = _where(f)
        cond, extra = ("c.article_id = ?", [article_id]) if article_id else ("1", [])
        rows = self.conn.execute(
            f"""SELECT c.*, a.title, a.published,
                       substr(a.text, c.sentence_start + 1, c.sentence_end - c.sentence_start) AS sentence
                FROM chains c JOIN articles a ON a.id = c.article_id
                WHERE {cond} AND {where}
                ORDER BY a.published IS NULL, a.published, c.article_id, c.sentence_start LIMIT ?""",
            (*extra, *params, int(limit)),
        ).fetchall()
        return [
            ChainRow(
                article_id=r["article_id"], title=r["title"], published=r["published"], lang=r["lang"],
                sentence_start=r["sentence_start"], sentence_end=r["sentence_end"], sentence=r["sentence"],
                origin_key=r["origin_key"], description=r["description"], links=json.loads(r["links"]),
            )
            for r in rows
        ]

    # -- reads ----------------------------------------------------------------------------

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY id")]

    def list_articles(self, f: Filters, *, limit: int, offset: int = 0) -> list[ArticleRow]:
        where, params = _where(f)
        rows = self.conn.execute(
            f"""SELECT a.id, a.title, a.published, a.source, a.url, length(a.text) AS n_chars,
                       a.text, (SELECT group_concat(DISTINCT s.lang) FROM segments s
                                WHERE s.article_id = a.id) AS langs
                FROM articles a WHERE {where}
                ORDER BY a.published IS NULL, a.published DESC, a.id
                LIMIT ? OFFSET ?""",
            (*params, int(limit), int(offset)),
        ).fetchall()
        return [
            ArticleRow(
                id=r["id"], title=r["title"], published=r["published"], source=r["source"],
                url=r["url"], langs=_split_langs(r["langs"]), n_chars=r["n_chars"],
                snippet=_snippet(r["text"], f.q),
            )
            for r in rows
        ]

    def count_articles(self, f: Filters) -> int:
        where, params = _where(f)
        return int(self.conn.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()[0])

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
        return ArticleDetail(
            id=r["id"], title=r["title"], published=r["published"], source=r["source"], url=r["url"],
            langs=list(dict.fromkeys(s.lang for s in segments)), n_chars=len(r["text"]),
            snippet=_snippet(r["text"], ""), text=r["text"], segments=segments, sentences=sentences,
            origin=r["origin"], encoding=r["encoding"], raw_sha256=r["raw_sha256"],
            licence=r["licence"], note=r["note"], ingested_at=r["ingested_at"],
        )

    def facets(self) -> Facets:
        n, undated, lo, hi = self.conn.execute(
            "SELECT count(*), sum(published IS NULL), min(published), max(published) FROM articles"
        ).fetchone()
        languages = {
            r[0]: r[1]
            for r in self.conn.execute(
                "SELECT lang, count(DISTINCT article_id) FROM segments GROUP BY lang ORDER BY 2 DESC, 1"
            )
        }
        sources = {
            (r[0] if r[0] is not None else UNKNOWN_SOURCE): r[1]
            for r in self.conn.execute(
                "SELECT source, count(*) FROM articles GROUP BY source ORDER BY 2 DESC, 1"
            )
        }
        return Facets(int(n), int(undated or 0), lo, hi, languages, sources)

    def overview(self, f: Filters) -> Overview:
        where, params = _where(f)
        n, chars = self.conn.execute(
            f"SELECT count(*), coalesce(sum(length(a.text)), 0) FROM articles a WHERE {where}", params
        ).fetchone()
        by_language = {
            r[0]: r[1]
            for r in self.conn.execute(
                f"""SELECT s.lang, count(DISTINCT s.article_id) FROM segments s
                    JOIN articles a ON a.id = s.article_id WHERE {where}
                    GROUP BY s.lang ORDER BY 2 DESC, 1""",
                params,
            )
        }
        by_source = {
            (r[0] if r[0] is not None else UNKNOWN_SOURCE): r[1]
            for r in self.conn.execute(
                f"SELECT a.source, count(*) FROM articles a WHERE {where} GROUP BY a.source ORDER BY 2 DESC, 1",
                params,
            )
        }
        by_month = {
            r[0]: r[1]
            for r in self.conn.execute(
                f"""SELECT coalesce(substr(a.published, 1, 7), 'undated'), count(*) FROM articles a
                    WHERE {where} GROUP BY 1 ORDER BY 1""",
                params,
            )
        }
        return Overview(int(n), int(chars), by_language, by_source, by_month)

    # -- extraction reads -------------------------------------------------------------------

    def actors(self, f: Filters, *, limit: int) -> list[ActorRow]:
        """Linked actors in the filtered articles, most mentioned first."""
        where, params = _where(f)
        rows = self.conn.execute(
            f"""SELECT m.entity_id, max(m.canonical) AS canonical, count(*) AS n_mentions,
                       count(DISTINCT m.article_id) AS n_articles,
                       json_group_array(m.label) AS labels, json_group_array(m.lang) AS langs,
                       json_group_array(m.text) AS aliases
                FROM mentions m JOIN articles a ON a.id = m.article_id
                WHERE m.entity_id IS NOT NULL AND {where}
                GROUP BY m.entity_id ORDER BY n_mentions DESC, canonical LIMIT ?""",
            (*params, int(limit)),
        ).fetchall()
        out = []
        for r in rows:
            labels = json.loads(r["labels"])
            out.append(
                ActorRow(
                    entity_id=r["entity_id"],
                    canonical=r["canonical"] or r["entity_id"],
                    label=max(set(labels), key=labels.count),
                    n_mentions=r["n_mentions"],
                    n_articles=r["n_articles"],
                    by_lang=dict(sorted(_count(json.loads(r["langs"])).items())),
                    aliases=list(_count(json.loads(r["aliases"])).keys()),
                )
            )
        return out

    def actor_names(self, ids: Sequence[str]) -> dict[str, str]:
        """Display names for entity ids seen in mentions (for describing filters)."""
        return self._first_names("SELECT canonical FROM mentions WHERE entity_id = ? AND canonical IS NOT NULL LIMIT 1", ids)

    def _first_names(self, sql: str, ids: Iterable[str]) -> dict[str, str]:
        # One indexed look-up per id: a mention's name is its id's name (linking and corrections set
        # them together), and a max() over every mention of a frequent actor read the whole table
        # at 100k articles.
        out: dict[str, str] = {}
        for i in dict.fromkeys(ids):
            row = self.conn.execute(sql, (i,)).fetchone()
            if row and row[0]:
                out[i] = row[0]
        return out

    def filter_options(self, *, limit: int) -> FilterOptions:
        """The most frequent actors, places and event types of the whole corpus, for filter pickers."""
        # counts from the (entity, article) and (place, article) indexes alone; names for the winners
        actor_counts = self.conn.execute(
            """SELECT entity_id, count(DISTINCT article_id) AS n FROM mentions
               WHERE entity_id IS NOT NULL AND entity_id NOT LIKE 'x:%'
               GROUP BY entity_id ORDER BY n DESC, entity_id LIMIT ?""",
            (int(limit),),
        ).fetchall()
        names = self.actor_names([r[0] for r in actor_counts])
        actors = sorted(((r[0], names.get(r[0], r[0]), r[1]) for r in actor_counts), key=lambda a: (-a[2], a[1]))
        place_counts = self.conn.execute(
            """SELECT place_id, count(DISTINCT article_id) AS n FROM place_mentions
               GROUP BY place_id ORDER BY n DESC, place_id LIMIT ?""",
            (int(limit),),
        ).fetchall()
        pnames = self.place_names([r[0] for r in place_counts])
        places = sorted(((r[0], pnames.get(r[0], r[0]), r[1]) for r in place_counts), key=lambda p: (-p[2], p[1]))
        event_types = [
            (r[0], r[1]) for r in self.conn.execute("SELECT type, count(*) FROM events GROUP BY type ORDER BY 2 DESC, 1")
        ]
        return FilterOptions(actors, places, event_types)

    def unlinked_names(self) -> list[tuple[str, str, str, int]]:
        """(text, lang, label, mentions) of every name no knowledge-base actor took."""
        return [
            (r[0], r[1], r[2], r[3])
            for r in self.conn.execute(
                """SELECT text, lang, label, count(*) FROM mentions
                   WHERE label IN ('PER', 'ORG') AND (entity_id IS NULL OR entity_id LIKE 'x:%')
                   GROUP BY text, lang, label"""
            )
        ]

    def regroup_unlinked(self, groups: dict[tuple[str, str, str], tuple[str | None, float, str | None]]) -> None:
        """Give unlinked mentions their corpus-wide cluster: (text, lang, label) → (id, score, name)."""
        # One pass over the mentions joined to the groups (a statement per name scanned the whole
        # table each time: minutes at 100k articles); rows already right are not rewritten.
        with self.transaction() as tx:
            tx.execute(
                """CREATE TEMP TABLE IF NOT EXISTS unlinked_groups (
                       text TEXT, lang TEXT, label TEXT, cid TEXT, score REAL, name TEXT, method TEXT,
                       PRIMARY KEY (text, lang, label)) WITHOUT ROWID"""
            )
            tx.execute("DELETE FROM unlinked_groups")
            tx.executemany(
                "INSERT OR REPLACE INTO unlinked_groups VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (text, lang, label, cid, score if cid else None, name if cid else None, "grouped" if cid else "none")
                    for (text, lang, label), (cid, score, name) in groups.items()
                ],
            )
            tx.execute(
                """UPDATE mentions SET entity_id = g.cid, score = g.score, canonical = g.name, method = g.method
                   FROM unlinked_groups AS g
                   WHERE mentions.text = g.text AND mentions.lang = g.lang AND mentions.label = g.label
                     AND (mentions.entity_id IS NULL OR mentions.entity_id LIKE 'x:%')
                     AND (mentions.entity_id IS NOT g.cid OR mentions.score IS NOT g.score
                          OR mentions.canonical IS NOT g.name OR mentions.method IS NOT g.method)"""
            )
            tx.execute("DELETE FROM unlinked_groups")

    # -- corrections (stored apart; replayed over the extraction by dossier.corpus.corrections) --------

    def add_correction(self, kind: str, target: str, value: dict[str, Any], before: Any, note: str | None = None) -> int:
        with self.transaction() as tx:
            cur = tx.execute(
                "INSERT INTO corrections (created_at, kind, target, value, before, note) "
                "VALUES (strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?, ?, ?, ?, ?)",
                (kind, target, json.dumps(value, ensure_ascii=False), json.dumps(before, ensure_ascii=False), note),
            )
            return int(cur.lastrowid)

    def undo_correction(self, correction_id: int) -> bool:
        with self.transaction() as tx:
            cur = tx.execute(
                "UPDATE corrections SET undone_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') "
                "WHERE id = ? AND undone_at IS NULL",
                (int(correction_id),),
            )
            return cur.rowcount == 1

    def corrections(self, *, active_only: bool = False) -> list[CorrectionRow]:
        rows = self.conn.execute(
            "SELECT c.*, (c.undone_at IS NULL AND c.kind IN ('event_date', 'event_place') "
            "AND NOT EXISTS (SELECT 1 FROM events e WHERE e.id = c.target)) AS detached FROM corrections c"
            + (" WHERE c.undone_at IS NULL" if active_only else "") + " ORDER BY c.id"
        ).fetchall()
        return [
            CorrectionRow(r["id"], r["created_at"], r["kind"], r["target"], json.loads(r["value"]),
                          json.loads(r["before"]) if r["before"] else None, r["note"], r["undone_at"],
                          bool(r["detached"]))
            for r in rows
        ]

    def reset_overlays(self) -> None:
        """Put back what extraction found (before corrections and corpus-level grouping)."""
        with self.transaction() as tx:
            tx.execute(
                "UPDATE mentions SET entity_id = extracted_entity_id, canonical = extracted_canonical "
                "WHERE entity_id IS NOT extracted_entity_id OR canonical IS NOT extracted_canonical"
            )
            tx.execute(
                "UPDATE place_mentions SET lat = extracted_lat, lon = extracted_lon "
                "WHERE lat IS NOT extracted_lat OR lon IS NOT extracted_lon"
            )

    def relink_mentions(self, *, new_id: str, new_name: str | None, entity_id: str | None = None,
                        text: str | None = None, lang: str | None = None) -> int:
        """Point mentions (of an entity, and/or with a surface text) at another id."""
        cond, params = [], []
        if entity_id is not None:
            cond.append("entity_id = ?")
            params.append(entity_id)
        if text is not None:
            cond.append("text = ?")
            params.append(text)
        if lang:
            cond.append("lang = ?")
            params.append(lang)
        if not cond:
            raise ValueError("relink_mentions needs an entity id or a text")
        with self.transaction() as tx:
            cur = tx.execute(
                f"UPDATE mentions SET entity_id = ?, canonical = ? WHERE {' AND '.join(cond)}",
                (new_id, new_name, *params),
            )
            return cur.rowcount

    def move_place(self, place_id: str, lat: float, lon: float) -> int:
        with self.transaction() as tx:
            return tx.execute("UPDATE place_mentions SET lat = ?, lon = ? WHERE place_id = ?", (lat, lon, place_id)).rowcount

    def update_event(self, event_id: str, **fields: Any) -> int:
        allowed = {"date", "date_end", "precision", "place_id", "actor_ids"}
        if not fields or set(fields) - allowed:
            raise ValueError(f"an event correction sets some of {sorted(allowed)}")
        values = [json.dumps(v) if k == "actor_ids" else v for k, v in fields.items()]
        sets = ", ".join(f"{k} = ?" for k in fields)
        with self.transaction() as tx:
            return tx.execute(f"UPDATE events SET {sets} WHERE id = ?", (*values, event_id)).rowcount

    def links_of_text(self, text: str) -> list[str]:
        return sorted(r[0] for r in self.conn.execute("SELECT DISTINCT entity_id FROM mentions WHERE text = ?", (text,)) if r[0])

    def event_fields(self, event_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT date, date_end, place_id FROM events WHERE id = ?", (event_id,)).fetchone()
        return dict(row) if row else None

    def place_point(self, place_id: str) -> dict[str, float | None]:
        row = self.conn.execute("SELECT avg(lat), avg(lon) FROM place_mentions WHERE place_id = ?", (place_id,)).fetchone()
        return {"lat": row[0], "lon": row[1]}

    def event_actor_ids(self) -> dict[str, list[str]]:
        return {r[0]: json.loads(r[1]) for r in self.conn.execute("SELECT id, actor_ids FROM events")}

    def shared_between(self, left_id: str, right_id: str) -> SharedFacts:
        """Places both articles mention and fused events both report."""
        places = [
            (r[0], r[1])
            for r in self.conn.execute(
                """SELECT place_id, max(name) FROM place_mentions WHERE article_id = ?
                   AND place_id IN (SELECT place_id FROM place_mentions WHERE article_id = ?)
                   GROUP BY place_id ORDER BY count(*) DESC""",
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
            for chunk in _chunks(event_ids, 500)
            for r in self.conn.execute(
                f"SELECT id, type, date, date_end FROM events WHERE id IN ({_marks(chunk)}) ORDER BY date",
                chunk,
            )
        ]
        return SharedFacts(places, events)

    def place_names(self, ids: Sequence[str]) -> dict[str, str]:
        """English names for place ids seen in place mentions."""
        return self._first_names("SELECT name FROM place_mentions WHERE place_id = ? AND name IS NOT NULL LIMIT 1", ids)

    def mentions(self, f: Filters, *, entity_id: str | None = None, article_id: str | None = None,
                 limit: int) -> list[MentionRow]:
        """Mentions with the sentence they stand in (original script), for one actor or article."""
        where, params = _where(f)
        cond, extra = [], []
        if entity_id is not None:
            cond.append("m.entity_id = ?")
            extra.append(entity_id)
        if article_id is not None:
            cond.append("m.article_id = ?")
            extra.append(article_id)
        rows = self.conn.execute(
            f"""SELECT m.*, a.title, a.published,
                       (SELECT substr(a.text, s.start + 1, s.end - s.start) FROM sentences s
                        WHERE s.article_id = m.article_id AND s.start <= m.start AND m.start < s.end
                        LIMIT 1) AS sentence
                FROM mentions m JOIN articles a ON a.id = m.article_id
                WHERE {' AND '.join(cond) or '1'} AND {where}
                ORDER BY a.published IS NULL, a.published, m.article_id, m.start LIMIT ?""",
            (*extra, *params, int(limit)),
        ).fetchall()
        return [
            MentionRow(
                article_id=r["article_id"], title=r["title"], published=r["published"], start=r["start"],
                end=r["end"], text=r["text"], label=r["label"], lang=r["lang"], entity_id=r["entity_id"],
                canonical=r["canonical"], score=r["score"], method=r["method"], sentence=r["sentence"] or r["text"],
            )
            for r in rows
        ]

    def actor_article_matrix(self, f: Filters, *, max_actors: int, max_articles: int) -> list[tuple[str, str, str, int]]:
        """(entity_id, canonical, article_id, mentions) for the most mentioned actors and articles."""
        top = [a.entity_id for a in self.actors(f, limit=max_actors)]
        arts = [r.id for r in self.list_articles(f, limit=max_articles)]
        if not top or not arts:
            return []
        rows = self.conn.execute(
            f"""SELECT entity_id, max(canonical), article_id, count(*) FROM mentions
                WHERE entity_id IN ({_marks(top)}) AND article_id IN ({_marks(arts)})
                GROUP BY entity_id, article_id""",
            (*top, *arts),
        ).fetchall()
        return [(r[0], r[1] or r[0], r[2], r[3]) for r in rows]

    def places(self, f: Filters, *, limit: int) -> list[PlaceRow]:
        """Places mentioned in the filtered articles, aggregated (one row per place)."""
        where, params = _where(f)
        rows = self.conn.execute(
            f"""SELECT p.place_id, max(p.name) AS name, avg(p.lat) AS lat, avg(p.lon) AS lon,
                       max(p.kind) AS kind, count(*) AS n_mentions, count(DISTINCT p.article_id) AS n_articles,
                       json_group_array(p.text) AS names
                FROM place_mentions p JOIN articles a ON a.id = p.article_id
                WHERE {where} GROUP BY p.place_id ORDER BY n_mentions DESC, name LIMIT ?""",
            (*params, int(limit)),
        ).fetchall()
        return [
            PlaceRow(
                place_id=r["place_id"], name=r["name"], lat=r["lat"], lon=r["lon"], kind=r["kind"],
                n_mentions=r["n_mentions"], n_articles=r["n_articles"],
                names=list(_count(json.loads(r["names"])).keys()),
            )
            for r in rows
        ]

    def article_extraction(self, article_id: str) -> dict[str, list[Any]]:
        """Everything extracted from one article, as model objects."""
        q = lambda table: self.conn.execute(  # noqa: E731
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

    def integrity_ok(self) -> bool:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- query building ----------------------------------------------------------------------


def _where(f: Filters) -> tuple[str, list[Any]]:
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
            f"a.id IN (SELECT article_id FROM segments WHERE lang IN ({_marks(f.langs)}))"
        )
        params.extend(f.langs)
    if f.sources:
        known = [s for s in f.sources if s != UNKNOWN_SOURCE]
        parts = []
        if known:
            parts.append(f"a.source IN ({_marks(known)})")
            params.extend(known)
        if UNKNOWN_SOURCE in f.sources:
            parts.append("a.source IS NULL")
        clauses.append("(" + " OR ".join(parts) + ")")
    if f.actors:
        clauses.append(f"a.id IN (SELECT article_id FROM mentions WHERE entity_id IN ({_marks(f.actors)}))")
        params.extend(f.actors)
    if f.places:
        clauses.append(
            f"a.id IN (SELECT article_id FROM place_mentions WHERE place_id IN ({_marks(f.places)}))"
        )
        params.extend(f.places)
    if f.event_types:
        clauses.append(f"a.id IN (SELECT article_id FROM frames WHERE type IN ({_marks(f.event_types)}))")
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


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    """Slices small enough for SQLite's limit on bound parameters."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _count(items: list[str]) -> dict[str, int]:
    """Occurrences per item, most frequent first (ties in first-seen order)."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


def _marks(items: Sequence[object]) -> str:
    return ", ".join("?" for _ in items)


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


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (which contain ';') whole."""
    statements: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements
