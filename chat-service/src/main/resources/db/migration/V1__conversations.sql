-- A conversation belongs to one widget session of one store; only that session may read it back.
create table conversation (
    id              varchar(64)  primary key,
    domain          varchar(253) not null,
    session_id      varchar(128) not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    -- turns in a row in which the assistant could not help (two hand the conversation to a human)
    failed_turns    int          not null default 0,
    -- email the shopper gave, kept only to address a handoff (never shown in history); deleted with the conversation
    contact_email   varchar(254)
);
create index conversation_session on conversation (domain, session_id);
create index conversation_updated on conversation (updated_at);

-- Messages as stored: already redacted (emails, phones, addresses, codes, card-like numbers).
create table message (
    id              bigserial    primary key,
    conversation_id varchar(64)  not null references conversation (id) on delete cascade,
    role            varchar(16)  not null check (role in ('user', 'assistant')),
    text            text         not null,
    created_at      timestamptz  not null
);
create index message_conversation on message (conversation_id, id);

-- A proposed change (cancel, address change, refund request) waiting for the shopper's explicit confirmation.
create table pending_action (
    id              varchar(64)  primary key,
    conversation_id varchar(64)  not null references conversation (id) on delete cascade,
    domain          varchar(253) not null,
    kind            varchar(32)  not null check (kind in ('cancel', 'address_change', 'refund_request')),
    order_id        bigint       not null,
    -- the action's arguments (reason, new address) as JSON; the verified email is read again at execution
    payload         text,
    state           varchar(16)  not null check (state in ('pending', 'executed', 'dropped', 'expired', 'failed')),
    created_at      timestamptz  not null,
    expires_at      timestamptz  not null
);
create index pending_action_conversation on pending_action (conversation_id, state);

-- A conversation handed to the store's staff.
create table handoff (
    id              varchar(64)  primary key,
    conversation_id varchar(64)  references conversation (id) on delete set null,
    domain          varchar(253) not null,
    reason          varchar(500),
    reply_to        varchar(254),
    state           varchar(16)  not null check (state in ('open', 'answered')),
    created_at      timestamptz  not null,
    answered_at     timestamptz
);
create index handoff_domain on handoff (domain, created_at);
