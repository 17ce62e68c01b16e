-- Which emails a conversation asked about (a simple match or a code sent), as the keyed pseudonym of (store, email)
-- that Redis keys use, never in clear. Consent is recorded per conversation, before any email is known; this is what
-- lets a privacy deletion for an email also remove the consent of a conversation that used that email but was never
-- verified (no grant, so the grant's email cannot name it). It proves nothing: export and grants never read it.
-- Goes with the conversation's consent (end, stale purge) and with a privacy deletion for that email.
create table conversation_email (
    conversation_id varchar(128) not null,
    email_id        varchar(64)  not null,
    seen_at         timestamptz  not null,
    primary key (conversation_id, email_id)
);
create index conversation_email_email on conversation_email (email_id);
create index conversation_email_seen on conversation_email (seen_at);
