-- Stores using the system. Secrets are AES-256-GCM sealed by the gateway (v1.<key id>.<iv>.<ciphertext>);
-- nothing here is usable without ENCRYPTION_KEY.
CREATE TABLE tenants (
    id                  BIGSERIAL PRIMARY KEY,
    domain              VARCHAR(253) NOT NULL UNIQUE,
    store_name          VARCHAR(200),
    woocommerce_url     VARCHAR(2000),
    woocommerce_enabled BOOLEAN      NOT NULL DEFAULT FALSE,
    consumer_key_enc    TEXT,
    consumer_secret_enc TEXT,
    plugin_secret_enc   TEXT         NOT NULL,
    allowed_origins     TEXT         NOT NULL DEFAULT '',
    support_email       VARCHAR(254),
    development_store   BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL
);
