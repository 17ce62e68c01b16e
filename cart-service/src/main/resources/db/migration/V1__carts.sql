-- Carts as the WordPress plugin reports them. Each event kind keeps its own event time so that duplicates and
-- out-of-order deliveries change nothing (an update only applies when it is newer than what the row reflects).
CREATE TABLE carts (
    id               BIGSERIAL PRIMARY KEY,
    domain           VARCHAR(253)  NOT NULL,
    session_id       VARCHAR(200)  NOT NULL,
    user_id          VARCHAR(64),
    email            VARCHAR(254),
    consent          BOOLEAN       NOT NULL DEFAULT FALSE,
    items            JSONB         NOT NULL DEFAULT '[]',
    item_count       INT           NOT NULL DEFAULT 0,
    cart_total       NUMERIC(14,4) NOT NULL DEFAULT 0,
    currency         VARCHAR(3),
    applied_coupons  JSONB         NOT NULL DEFAULT '[]',
    state            VARCHAR(16)   NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'abandoned', 'converted')),
    last_activity_at TIMESTAMPTZ   NOT NULL,
    items_event_at   TIMESTAMPTZ,
    email_event_at   TIMESTAMPTZ,
    consent_event_at TIMESTAMPTZ,
    abandoned_at     TIMESTAMPTZ,
    -- recovery steps finished (sent or skipped), so a re-abandoned cart continues the sequence instead of restarting it
    steps_done       INT           NOT NULL DEFAULT 0,
    emails_sent      INT           NOT NULL DEFAULT 0,
    last_email_at    TIMESTAMPTZ,
    order_id         VARCHAR(64),
    order_total      NUMERIC(14,4),
    converted_at     TIMESTAMPTZ,
    attributed_step  INT,
    attributed_coupon VARCHAR(64),
    created_at       TIMESTAMPTZ   NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL,
    CONSTRAINT carts_session_uk UNIQUE (domain, session_id)
);

-- The abandonment scan only looks at candidates.
CREATE INDEX carts_abandon_scan_idx ON carts (last_activity_at)
    WHERE state = 'active' AND item_count > 0 AND email IS NOT NULL;
CREATE INDEX carts_abandoned_idx ON carts (domain, abandoned_at) WHERE state = 'abandoned';
CREATE INDEX carts_domain_email_idx ON carts (domain, email);
CREATE INDEX carts_updated_idx ON carts (updated_at);

-- The recovery outbox: one row per (cart, step). The primary key makes a step impossible to schedule twice; a sender
-- claims a row (status 'claimed' with a claim token and a lease) in its own committed transaction before sending.
CREATE TABLE recovery_emails (
    cart_id           BIGINT      NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    step              INT         NOT NULL,
    due_at            TIMESTAMPTZ NOT NULL,
    status            VARCHAR(16) NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'claimed', 'sent', 'skipped', 'cancelled', 'failed')),
    claim_token       UUID,
    lease_until       TIMESTAMPTZ,
    attempts          INT         NOT NULL DEFAULT 0,
    sent_at           TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    skip_reason       VARCHAR(32),
    coupon_id         BIGINT,
    coupon_code       VARCHAR(64),
    coupon_percent    INT,
    coupon_expires_at TIMESTAMPTZ,
    PRIMARY KEY (cart_id, step)
);

CREATE INDEX recovery_due_idx ON recovery_emails (due_at) WHERE status = 'pending';
CREATE INDEX recovery_lease_idx ON recovery_emails (lease_until) WHERE status = 'claimed';

-- Opt-outs outlive carts (an unsubscribe must hold for later carts); removed only by a privacy deletion.
CREATE TABLE unsubscribes (
    domain          VARCHAR(253) NOT NULL,
    email           VARCHAR(254) NOT NULL,
    unsubscribed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (domain, email)
);
