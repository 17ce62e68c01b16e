-- When the conversation first asked verification-service for a grant (simple match, code sent or checked). Grants are
-- only made through chat-service's calls, so a conversation without this mark holds none and its turns need not ask
-- verification-service. Conversations older than the column may hold grants: they count as started.
alter table conversation add column verification_started_at timestamp with time zone;
update conversation set verification_started_at = created_at;
