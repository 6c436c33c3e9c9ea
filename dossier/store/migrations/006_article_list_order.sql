-- 6: the article list's order as an index, so a page of a large result walks it and stops after
-- one page instead of sorting every match (0.5 s -> 0.01 s for 김 at 100k articles)
    CREATE INDEX articles_list_order ON articles(published IS NULL, published DESC, id);
