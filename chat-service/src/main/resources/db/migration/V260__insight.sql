-- The operator console's figures (io.csc.chat.insight) and the store's own answers (io.csc.chat.knowledge).
-- Versions 260-269 belong to these two.

-- The assistant's turns per store and UTC day, by who answered (builtin|llm|core) and how (answered|handoff|refused|
-- fallback|error): counters only, no text. gate_refusals: private tool calls the gate refused during those turns;
-- grounding_replacements: model replies that stated an order fact no tool returned; unanswered: turns recorded below.
create table insight_turn_day (
    domain                 varchar(253) not null,
    day                    date         not null,
    mode                   varchar(16)  not null,
    outcome                varchar(24)  not null,
    turns                  int          not null default 0,
    gate_refusals          int          not null default 0,
    grounding_replacements int          not null default 0,
    unanswered             int          not null default 0,
    primary key (domain, day, mode, outcome)
);

-- A shopper's question the assistant could not answer (not understood, no passage found, failed, handed over, or a
-- model reply with no tool and no source). The text is redacted like the message history (emails, phones, addresses,
-- codes) and goes with its conversation (retention, privacy deletion). answered_by: the store answer written for it.
create table insight_unanswered (
    id              bigserial    primary key,
    domain          varchar(253) not null,
    conversation_id varchar(64)  references conversation (id) on delete cascade,
    question        text         not null,
    reason          varchar(24)  not null,
    -- the in-process embedding model's unit vector (float32 little-endian), null when embeddings are off
    embedding       bytea,
    asked_at        timestamptz  not null,
    answered_by     bigint
);
create index insight_unanswered_open on insight_unanswered (domain, asked_at) where answered_by is null;

-- An answer the store's staff wrote (io.csc.chat.knowledge): searched before the store's pages, cited "Store answer".
-- Written by staff about the store, never about a shopper: not part of any privacy export.
create table store_answer (
    id         bigserial    primary key,
    domain     varchar(253) not null,
    question   text         not null,
    answer     text         not null,
    embedding  bytea,
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);
create index store_answer_domain on store_answer (domain);
