-- What the last full re-index of a store did (added, changed, removed, unchanged, passages, failed parts, duration,
-- when), shown by the operator console beside the store (GET /api/admin/chat/knowledge/reindex?domain=).
ALTER TABLE chat.knowledge_tenant ADD COLUMN last_result jsonb;
