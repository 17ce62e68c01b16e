-- One grant per conversation: what the shopper proved (email, level, method) and until when.
create table verification_grant (
    conversation_id varchar(128) primary key,
    domain          varchar(253) not null,
    email           varchar(254) not null,
    level           varchar(16)  not null check (level in ('PARTIAL', 'FULL')),
    method          varchar(16)  not null check (method in ('SIMPLE', 'OTP')),
    verified_at     timestamptz  not null,
    last_seen_at    timestamptz  not null,
    expires_at      timestamptz  not null
);
create index verification_grant_owner on verification_grant (domain, email);
create index verification_grant_expiry on verification_grant (expires_at);

-- The spec's consent step: which consent text the shopper agreed to in a conversation, and when.
create table conversation_consent (
    conversation_id varchar(128) primary key,
    text_version    varchar(64)  not null,
    consented_at    timestamptz  not null
);
create index conversation_consent_time on conversation_consent (consented_at);
