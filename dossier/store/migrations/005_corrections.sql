-- 5: analysts' corrections, kept apart from extraction and replayed over it; the extracted
-- link and coordinates are kept beside the effective ones so any correction can be undone
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
