-- Store knowledge (io.csc.chat.knowledge): what each store publishes (pages, posts, products, shipping, payments,
-- address), split into passages for search. Versions 200+ belong to the knowledge package.

-- One row per store that has been indexed: its text-search language and how the last re-index went.
CREATE TABLE chat.knowledge_tenant (
    domain          text PRIMARY KEY,
    language        regconfig NOT NULL DEFAULT 'english',
    indexed_at      timestamptz,
    last_attempt_at timestamptz,
    last_status     text
);

-- One row per indexed thing (a page, a post, a product, a generated summary). version is what decides "changed":
-- modified_gmt for WordPress content, a hash of the text for everything else.
CREATE TABLE chat.knowledge_source (
    domain     text NOT NULL REFERENCES chat.knowledge_tenant (domain) ON DELETE CASCADE,
    source_key text NOT NULL,
    kind       text NOT NULL,
    url        text,
    title      text NOT NULL,
    version    text NOT NULL,
    indexed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (domain, source_key)
);

CREATE TABLE chat.knowledge_passage (
    id         bigserial PRIMARY KEY,
    domain     text NOT NULL,
    source_key text NOT NULL,
    ord        int NOT NULL,
    url        text,
    title      text NOT NULL,
    heading    text,
    body       text NOT NULL,
    language   regconfig NOT NULL,
    -- title and heading weigh more than the body; the tenant's language is copied in so the column can be generated
    tsv        tsvector GENERATED ALWAYS AS (
                   setweight(to_tsvector(language, coalesce(title, '') || ' ' || coalesce(heading, '')), 'A')
                   || setweight(to_tsvector(language, body), 'B')) STORED,
    -- the in-process embedding model's vector: float32 little-endian (384 dimensions = 1,536 bytes); null when off
    embedding  bytea,
    FOREIGN KEY (domain, source_key) REFERENCES chat.knowledge_source (domain, source_key) ON DELETE CASCADE
);

CREATE INDEX knowledge_passage_tsv ON chat.knowledge_passage USING gin (tsv);
CREATE INDEX knowledge_passage_source ON chat.knowledge_passage (domain, source_key);
