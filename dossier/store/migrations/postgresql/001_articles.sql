-- 1: articles, their segments and sentences, and the trigram search indexes (pg_trgm; SQLite: FTS5)
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE TABLE articles (
        id           TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        raw_sha256   TEXT NOT NULL,
        title        TEXT,
        published    TEXT,
        source       TEXT,
        url          TEXT,
        lang_hint    TEXT,
        licence      TEXT,
        note         TEXT,
        origin       TEXT NOT NULL,
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
        "end"       INTEGER NOT NULL,
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
        "end"      INTEGER NOT NULL,
        segment    INTEGER NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX articles_text_trgm ON articles USING gin (text gin_trgm_ops);
    CREATE INDEX articles_title_trgm ON articles USING gin (title gin_trgm_ops);
