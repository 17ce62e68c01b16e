-- Store knowledge (io.csc.chat.knowledge): which embedding model made each passage's vector. Vectors of different
-- models (the in-process all-MiniLM-L6-v2, 384 dimensions; a provider's model, e.g. 1,536) are never compared: a search
-- uses only the vectors of the configured model, and a re-index embeds the other passages again.
ALTER TABLE chat.knowledge_passage ADD COLUMN embedding_model text;

-- every vector written before this column existed came from the in-process model
UPDATE chat.knowledge_passage SET embedding_model = 'all-minilm-l6-v2-q' WHERE embedding IS NOT NULL;
