-- 3: which version of the pipeline produced an article's extraction, so a newer one redoes it
    ALTER TABLE articles ADD COLUMN extraction_version TEXT NOT NULL DEFAULT '';
