-- Store knowledge (io.csc.chat.knowledge): a full-text search looks at one store's passages only. With btree_gin (a
-- trusted extension shipped with PostgreSQL: a database owner may create it) one GIN index over (domain, tsv) finds
-- the matching passages of that store directly, however many stores share the table; without it the search reads the
-- store's passages by domain and tests each (the index below, as before). Nothing fails when the extension cannot be
-- created.
DO $$
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS btree_gin;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'btree_gin not available (%): knowledge search reads each store''s passages by domain', SQLERRM;
    END;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'btree_gin') THEN
        CREATE INDEX IF NOT EXISTS knowledge_passage_domain_tsv ON chat.knowledge_passage USING gin (domain, tsv);
    END IF;
END
$$;
