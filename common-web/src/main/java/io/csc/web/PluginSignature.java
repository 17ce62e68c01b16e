package io.csc.web;

import java.time.Duration;
import java.time.Instant;

/**
 * Calls from the WordPress plugin carry {@code X-CSC-Timestamp} and
 * {@code X-CSC-Signature: sha256=<hex HMAC-SHA256(plugin_secret, timestamp + "." + raw body)>}. A signature is good
 * for five minutes either side of now, so a captured call cannot be replayed later.
 */
public final class PluginSignature {
    public static final String DOMAIN_HEADER = "X-CSC-Domain";
    public static final String TIMESTAMP_HEADER = "X-CSC-Timestamp";
    public static final String SIGNATURE_HEADER = "X-CSC-Signature";
    public static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

    private PluginSignature() {
    }

    public static String sign(String secret, long timestamp, String rawBody) {
        return "sha256=" + Hmac.sha256Hex(secret, timestamp + "." + rawBody);
    }

    /**
     * @throws ApiException 401 {@code invalid_signature} or {@code stale_timestamp}
     */
    public static void verify(String secret, String timestampHeader, String signatureHeader, String rawBody, Instant now) {
        if (timestampHeader == null || signatureHeader == null) {
            throw ApiException.unauthorized("invalid_signature", "Missing plugin signature");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            throw ApiException.unauthorized("invalid_signature", "Malformed plugin timestamp");
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > REPLAY_WINDOW.toSeconds()) {
            throw ApiException.unauthorized("stale_timestamp", "The request timestamp is outside the allowed window");
        }
        if (!Hmac.constantTimeEquals(sign(secret, timestamp, rawBody), signatureHeader.trim())) {
            throw ApiException.unauthorized("invalid_signature", "Invalid plugin signature");
        }
    }
}
