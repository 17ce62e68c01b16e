-- Live handoff (issue 23, docs/live-handoff.md): people of the store answer inside the chat.

-- Operators: a person's own sign-in, created by the admin for one or more stores. Only a password hash is kept
-- (Argon2id, PHC string format).
create table operator (
    id              varchar(64)  primary key,
    login           varchar(64)  not null unique,
    display_name    varchar(100) not null,
    password_hash   varchar(255) not null,
    disabled        boolean      not null default false,
    created_at      timestamptz  not null,
    last_sign_in_at timestamptz
);

create table operator_store (
    operator_id     varchar(64)  not null references operator (id) on delete cascade,
    domain          varchar(253) not null,
    primary key (operator_id, domain)
);
create index operator_store_domain on operator_store (domain);

-- A store's live-chat settings: off until the admin enables it; hours per weekday in the store's time zone.
create table live_settings (
    domain                varchar(253) primary key,
    enabled               boolean      not null default false,
    hours                 jsonb        not null,
    claim_timeout_minutes int          not null default 5,
    updated_at            timestamptz  not null
);

-- Handoffs gain the live states: waiting (for an operator), claimed, resolved, timed_out (nobody claimed it in
-- time), unstaffed (nobody there: the email path). The holder is kept by id and name: a deleted operator's name stays.
alter table handoff drop constraint handoff_state_check;
alter table handoff add constraint handoff_state_check
    check (state in ('open', 'answered', 'waiting', 'claimed', 'resolved', 'timed_out', 'unstaffed'));
alter table handoff add column claimed_by varchar(64);
alter table handoff add column claimed_by_name varchar(100);
alter table handoff add column claimed_at timestamptz;
alter table handoff add column resolved_at timestamptz;
-- the email to the support address went out (once per conversation)
alter table handoff add column mailed_at timestamptz;
alter table handoff add column last_message_at timestamptz;
create index handoff_conversation on handoff (conversation_id);
create index handoff_waiting on handoff (state, created_at) where state = 'waiting';

-- What was said while a person held (or was asked to hold) the conversation. The shopper's messages as typed: the
-- operator reads them; the conversation's message rows keep only the redacted copy. Deleted with the conversation.
create table live_message (
    id              bigserial    primary key,
    handoff_id      varchar(64)  not null references handoff (id) on delete cascade,
    conversation_id varchar(64)  not null references conversation (id) on delete cascade,
    role            varchar(16)  not null check (role in ('shopper', 'operator', 'assistant')),
    text            text         not null,
    operator_id     varchar(64),
    operator_name   varchar(100),
    created_at      timestamptz  not null
);
create index live_message_conversation on live_message (conversation_id, id);
create index live_message_handoff on live_message (handoff_id, id);

-- Every operator action: who, what, when (kept by name when the operator is deleted; removed with the conversation).
create table operator_action (
    id              bigserial    primary key,
    handoff_id      varchar(64)  not null references handoff (id) on delete cascade,
    conversation_id varchar(64)  references conversation (id) on delete cascade,
    domain          varchar(253) not null,
    operator_id     varchar(64),
    operator_name   varchar(100) not null,
    action          varchar(16)  not null check (action in ('claim', 'reply', 'resolve')),
    at              timestamptz  not null
);
create index operator_action_handoff on operator_action (handoff_id, id);
