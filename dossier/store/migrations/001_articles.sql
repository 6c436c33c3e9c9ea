-- 1: articles, their segments and sentences, and the trigram search index
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
