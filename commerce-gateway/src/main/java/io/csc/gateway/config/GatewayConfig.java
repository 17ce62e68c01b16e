package io.csc.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the gateway can be tuned with; each key can also be set as an environment variable. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Crypto crypto();

    RateLimit rateLimit();

    Cache cache();

    Woo woo();

    interface Crypto {
        /** {@code ENCRYPTION_KEY}: exactly 32 characters; encrypts every tenant's WooCommerce keys and plugin secret. */
        Optional<String> key();

        /**
         * {@code ENCRYPTION_KEYS_PREVIOUS}: earlier keys, comma separated, still accepted for decryption so that keys can
         * be rotated; values are re-encrypted with the current key on the next write or by {@code POST /api/admin/keys/rotate}.
         */
        Optional<List<String>> previousKeys();
    }

    interface RateLimit {
        /** {@code RATE_LIMIT_STOCK}: stock lookups per client per hour. */
        @WithDefault("200")
        int stock();

        /** Stock lookups per store per hour across all clients; 0 turns the cap off. */
        @WithDefault("0")
        int stockPerTenant();

        /** Connection tests per client per hour (each one calls the store). */
        @WithDefault("30")
        int testWoocommerce();
    }

    interface Cache {
        /** Product details and searches. For each lifetime, 0 turns that cache off. */
        @WithDefault("5m")
        Duration products();

        /** Customers looked up by email. */
        @WithDefault("1m")
        Duration customers();

        /** Stock answers. */
        @WithDefault("2m")
        Duration stock();

        /**
         * {@code GATEWAY_CACHE_SETTINGS}: the store's price format (general settings), read for every reply that shows
         * a price; a store owner's change shows after at most this long.
         */
        @WithDefault("10m")
        Duration settings();

        /** How long each replica also keeps a cached answer in memory, in front of Redis; 0 turns it off. */
        @WithDefault("1s")
        Duration near();

        /** Decrypted tenant settings kept in memory by each replica. */
        @WithDefault("30s")
        Duration tenants();

        /**
         * {@code GATEWAY_CACHE_HEALTH}: how long the public {@code /api/test-woocommerce} answer for a store is reused
         * before the store is called again; 0 calls it every time.
         */
        @WithDefault("60s")
        Duration health();
    }

    interface Woo {
        @WithDefault("3s")
        Duration connectTimeout();

        /** Whole-request timeout for one call to a store. */
        @WithDefault("10s")
        Duration requestTimeout();

        /** Retries of idempotent reads (GET) after a timeout, a connection failure or a 5xx. Writes are never retried. */
        @WithDefault("2")
        int readRetries();

        @WithDefault("200ms")
        Duration retryDelay();

        Breaker breaker();

        interface Breaker {
            /** Calls looked at before the breaker of one store may open. */
            @WithDefault("10")
            int requestVolume();

            @WithDefault("0.5")
            double failureRatio();

            /** How long an open breaker refuses calls to that store before trying again. */
            @WithDefault("30s")
            Duration delay();

            @WithDefault("2")
            int successThreshold();
        }
    }
}
