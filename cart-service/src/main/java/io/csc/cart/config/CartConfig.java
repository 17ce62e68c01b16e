package io.csc.cart.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Everything cart-service can be tuned with. Each key is also an environment variable ({@code cart.abandon-after} =
 * {@code CART_ABANDON_AFTER}). Durations accept {@code 30s}, {@code 5m}, {@code 1h}, {@code 30d} or ISO-8601.
 */
@ConfigMapping(prefix = "cart")
public interface CartConfig {

    /** {@code CART_ABANDON_AFTER}: idle time after which a cart with items and an email counts as abandoned. */
    @WithDefault("5m")
    Duration abandonAfter();

    /** {@code CART_SCAN_EVERY}: how often each replica scans for abandoned carts and due emails; {@code off} disables. */
    @WithDefault("30s")
    String scanEvery();

    /**
     * {@code CART_SCAN_BATCH}: carts marked abandoned per statement of a scan (a scan loops until nothing is left);
     * larger batches mean fewer passes over the scan index, smaller ones shorter row locks.
     */
    @WithDefault("20000")
    int scanBatch();

    /** {@code CART_RETENTION}: carts (and their recovery history) are deleted this long after their last change. */
    @WithDefault("30d")
    Duration retention();

    /** {@code CART_RETENTION_EVERY}: how often the retention job runs; {@code off} disables. */
    @WithDefault("1h")
    String retentionEvery();

    /** {@code PUBLIC_BASE_URL}: where shoppers reach this service (unsubscribe links). */
    @WithDefault("http://localhost:8083")
    String publicBaseUrl();

    /** {@code CART_TENANT_CACHE}: how long tenant settings from the gateway are kept in memory. */
    @WithDefault("30s")
    Duration tenantCache();

    /** {@code CART_EVENTS_PER_MINUTE}: signed events accepted per store per minute (Redis counter shared by replicas). */
    @WithDefault("6000")
    int eventsPerMinute();

    Recovery recovery();

    interface Recovery {
        /** DESIGN.md: at most three recovery emails per cart. */
        int MAX_STEPS = 3;

        /**
         * {@code CART_RECOVERY_SCHEDULE}: delays after abandonment of the recovery emails; at most three are used.
         */
        @WithDefault("1h,24h,72h")
        List<Duration> schedule();

        /** The schedule as used: the delay of step n (1-based) at index n - 1, in seconds, at most three steps. */
        default Long[] stepSeconds() {
            return schedule().stream().limit(MAX_STEPS).map(Duration::toSeconds).toArray(Long[]::new);
        }

        /**
         * {@code CART_RECOVERY_DISCOUNTS}: coupon percent for the second, third... email (the first never has one);
         * 0 sends that step without a coupon.
         */
        @WithDefault("10,20")
        List<Integer> discounts();

        /** {@code CART_RECOVERY_COUPON_VALIDITY}: how long a recovery coupon can be used. */
        @WithDefault("7d")
        Duration couponValidity();

        /** {@code CART_RECOVERY_COUPON_PREFIX}: prefix of generated coupon codes. */
        @WithDefault("BACK")
        String couponPrefix();

        /** {@code CART_RECOVERY_RESTORE_VALIDITY}: how long a restore link works. */
        @WithDefault("7d")
        Duration restoreValidity();

        /** {@code CART_RECOVERY_UNSUBSCRIBE_VALIDITY}: how long an unsubscribe link works. */
        @WithDefault("180d")
        Duration unsubscribeValidity();

        /**
         * {@code CART_RECOVERY_LEASE}: how long a claimed (cart, step) belongs to the replica that claimed it. Must be
         * well above the time a send can take; a claim whose lease ran out (its sender crashed) is claimed again.
         */
        @WithDefault("5m")
        Duration lease();

        /** A send is only started when at least this much of the lease is left (covers the SMTP exchange). */
        @WithDefault("1m")
        Duration sendMargin();

        /** {@code CART_RECOVERY_RETRY_AFTER}: pause before a failed attempt (gateway or SMTP error) is retried. */
        @WithDefault("5m")
        Duration retryAfter();

        /** {@code CART_RECOVERY_MAX_ATTEMPTS}: attempts per (cart, step) before it is given up as failed. */
        @WithDefault("5")
        int maxAttempts();

        /** (cart, step) rows claimed per statement. */
        @WithDefault("50")
        int batchSize();

        /** Sends running at once within one replica. */
        @WithDefault("4")
        int concurrency();

        /** Claims per scan tick at most, so one tick cannot run forever. */
        @WithDefault("2000")
        int maxPerTick();
    }
}
