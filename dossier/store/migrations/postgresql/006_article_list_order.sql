-- 6: the article list's order as an index, so a page of a large result walks it and stops after
-- one page instead of sorting every match
    CREATE INDEX articles_list_order ON articles((published IS NULL), published DESC, id);
