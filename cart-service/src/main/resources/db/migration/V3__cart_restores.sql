-- Restores through a recovery email's link, as the WordPress plugin reports them (signed cart_restored events): the
-- earliest restore per cart and email step. The funnel's "restored" is counted from here. No personal data; deleted
-- with its cart (retention, privacy erasure).
CREATE TABLE cart_restores (
    cart_id     BIGINT      NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    step        INT         NOT NULL,
    restored_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (cart_id, step)
);
