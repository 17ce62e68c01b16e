package io.csc.verification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything tunable in verification-service, under {@code verification.*} (env {@code VERIFICATION_*}). */
@ConfigMapping(prefix = "verification")
public interface VerificationConfig {

    Otp otp();

    Simple simple();

    Grant grant();

    /** {@code VERIFICATION_TENANT_CACHE}: how long tenant settings from the gateway are kept in memory. */
    @WithDefault("60s")
    Duration tenantCache();

    interface Otp {
        /**
         * Secret of the HMAC that codes are stored as, and that pseudonymises emails in Redis keys. At least 32
         * characters; from {@code OTP_HMAC_KEY} (required outside dev and test). Changing it voids pending codes.
         */
        String hmacKey();

        /** How long a code is good for. */
        @WithDefault("5m")
        Duration validity();

        /** Wrong tries a code allows; after the last one the code is dead. */
        @WithDefault("5")
        int maxAttempts();

        /** Minimum time between two codes for the same email in the same store. */
        @WithDefault("60s")
        Duration resendCooldown();

        /** Codes per email and store per hour. */
        @WithDefault("5")
        int maxSendsPerEmail();

        /** Codes per conversation per hour. */
        @WithDefault("5")
        int maxSendsPerConversation();

        /** Codes per client IP per hour (when chat-service passes {@code clientIp}). */
        @WithDefault("20")
        int maxSendsPerIp();
    }

    interface Simple {
        /** Matching attempts per conversation per hour (order numbers are small integers: no guessing). */
        @WithDefault("10")
        int maxAttemptsPerConversation();

        /** Matching attempts per email and store per hour. */
        @WithDefault("10")
        int maxAttemptsPerEmail();

        /** Matching attempts per client IP per hour. */
        @WithDefault("30")
        int maxAttemptsPerIp();
    }

    interface Grant {
        /** A grant ends after this long without the conversation using it (each read extends it). */
        @WithDefault("24h")
        Duration idleTimeout();

        /** How often expired grants and stale consents are purged ({@code off} disables the job). */
        @WithDefault("10m")
        String cleanupEvery();
    }
}
