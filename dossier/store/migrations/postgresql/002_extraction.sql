-- 2: what extraction found in each article (rewritten with the article, in its transaction)
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start      INTEGER NOT NULL,
        "end"      INTEGER NOT NULL,
        text       TEXT NOT NULL,
        label      TEXT NOT NULL,
        lang       TEXT NOT NULL,
        entity_id  TEXT,
        canonical  TEXT,
        score      DOUBLE PRECISION,
        method     TEXT
    );
    CREATE INDEX mentions_article ON mentions(article_id);
    CREATE INDEX mentions_entity ON mentions(entity_id, article_id);
    CREATE TABLE timexes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start      INTEGER NOT NULL,
        "end"      INTEGER NOT NULL,
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
        "end"      INTEGER NOT NULL,
        text       TEXT NOT NULL,
        place_id   TEXT NOT NULL,
        name       TEXT NOT NULL,
        lat        DOUBLE PRECISION NOT NULL,
        lon        DOUBLE PRECISION NOT NULL,
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
        actor_ids      TEXT NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end   INTEGER NOT NULL,
        extra          TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX frames_type ON frames(type, article_id);
