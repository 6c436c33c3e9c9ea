-- 4: reporting chains per sentence, and events fused across articles (derived, rebuilt whole)
    CREATE TABLE chains (
        article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        sentence_start INTEGER NOT NULL,
        sentence_end   INTEGER NOT NULL,
        lang           TEXT NOT NULL,
        origin_key     TEXT,
        description    TEXT NOT NULL,
        links          TEXT NOT NULL
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
        actor_ids  TEXT NOT NULL,
        conflict   INTEGER NOT NULL,
        readings   TEXT NOT NULL,
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
