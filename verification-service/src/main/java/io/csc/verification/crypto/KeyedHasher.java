package io.csc.verification.crypto;

import jakarta.inject.Singleton;

import io.csc.verification.config.VerificationConfig;
import io.csc.web.Hmac;
import io.quarkus.runtime.Startup;

/**
 * Keyed hashes (HMAC-SHA256 with {@code OTP_HMAC_KEY}). Codes are stored only as such a hash, bound to conversation,
 * store and email, so a Redis dump yields neither codes nor a way to brute-force them offline. Emails in Redis keys
 * are replaced by a pseudonym of the same kind. Built at startup, so a missing or short key stops the service at once.
 */
@Startup
@Singleton
public class KeyedHasher {
    private final String key;

    public KeyedHasher(VerificationConfig config) {
        String configured = config.otp().hmacKey();
        if (configured == null || configured.length() < 32) {
            throw new IllegalStateException("OTP_HMAC_KEY must be at least 32 characters");
        }
        this.key = configured;
    }

    /** A stable pseudonym of (store, email) for Redis keys; 128 bits. */
    public String emailId(String domain, String email) {
        return Hmac.sha256Hex(key, "email\n" + domain + "\n" + email).substring(0, 32);
    }

    public String codeHash(String conversationId, String domain, String email, String code) {
        return Hmac.sha256Hex(key, "otp\n" + conversationId + "\n" + domain + "\n" + email + "\n" + code);
    }
}
