-- Which emails were proven in a conversation, and how: a one-time code verified for it (otp), the plugin's signed
-- identity (identity), or a simple match that read an order (simple). Only a proven email makes a conversation part of
-- that email's privacy export and deletion: asking for a code to an address, or a failed match, proves nothing. Kept
-- here because the grant in verification-service expires long before the conversation does. Email stored lower-case.
create table conversation_proof (
    conversation_id varchar(64)  not null references conversation (id) on delete cascade,
    email           varchar(254) not null,
    method          varchar(16)  not null check (method in ('otp', 'identity', 'simple')),
    proven_at       timestamptz  not null,
    primary key (conversation_id, email)
);
create index conversation_proof_email on conversation_proof (email);

-- A simple match remembered before this table existed read its order: it counts as proof.
insert into conversation_proof (conversation_id, email, method, proven_at)
select id, lower(matched_email), 'simple', updated_at from conversation
where matched_email is not null and matched_order_id is not null;
