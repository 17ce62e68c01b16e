package io.csc.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tokens the WordPress plugin and our emails carry (shopper identity, restore and unsubscribe links), as DESIGN.md and
 * docs/contract fix them: {@code base64url(JSON payload) + "." + hex(HMAC-SHA256(purposeKey, base64url part))}, where
 * {@code purposeKey = HMAC-SHA256(plugin secret, label)} differs per {@link Purpose} and the payload carries that
 * purpose as {@code typ} and its expiry as {@code exp} (unix seconds).
 * <p>
 * The purpose is bound twice on purpose: a token signed for one purpose fails another's key even if some caller
 * forgot to look at {@code typ}, and fails on {@code typ} even if a key were ever shared. There is no way to sign or
 * verify without naming the purpose.
 */
public final class SignedToken {
    /** Longer than any token we mint; a bound on what we decode and hash for a stranger. */
    static final int MAX_LENGTH = 8192;
    private static final ObjectMapper JSON = StrictJson.configure(new ObjectMapper());
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final Set<String> LEGACY_UNSUBSCRIBE_FIELDS = Set.of("domain", "email", "exp");

    /** What a token is for: its {@code typ} claim and the label its key is derived with. */
    public enum Purpose {
        /** The plugin's signed shopper identity {@code {typ, domain, customerId, email, segment, exp}}. */
        IDENTITY("identity", "csc-identity-v1"),
        /** A recovery email's cart restore link {@code {typ, sessionId, items, coupon?, exp}}. */
        RESTORE("restore", "csc-restore-v1"),
        /** A recovery email's unsubscribe link {@code {typ, domain, email, exp}}. */
        UNSUBSCRIBE("unsubscribe", "csc-unsubscribe-v1");

        private final String typ;
        private final String label;

        Purpose(String typ, String label) {
            this.typ = typ;
            this.label = label;
        }

        public String typ() {
            return typ;
        }

        public String label() {
            return label;
        }
    }

    private SignedToken() {
    }

    /** {@code HMAC-SHA256(key = plugin secret, message = purpose label)}, 32 raw bytes. */
    static byte[] purposeKey(Purpose purpose, String secret) {
        return Hmac.sha256(secret, purpose.label().getBytes(StandardCharsets.UTF_8));
    }

    /** The derived key in hex, as docs/contract/signing-vectors.json lists it. */
    static String purposeKeyHex(Purpose purpose, String secret) {
        return HexFormat.of().formatHex(purposeKey(purpose, secret));
    }

    /**
     * Signs {@code payload} (any Jackson-serializable object or map, without {@code typ} or {@code exp}) for one
     * purpose: the payload becomes {@code {typ, ...payload, exp}}.
     */
    public static String sign(Purpose purpose, String secret, Object payload, Instant expiresAt) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("no secret to sign with");
        }
        ObjectNode fields = JSON.valueToTree(payload instanceof Map<?, ?> m ? m : payload);
        if (fields.has("typ") || fields.has("exp")) {
            throw new IllegalArgumentException("typ and exp are the signer's, not the payload's");
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("typ", purpose.typ());
        node.setAll(fields);
        node.put("exp", expiresAt.getEpochSecond());
        String body = B64.encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
        return body + "." + Hmac.sha256Hex(purposeKey(purpose, secret), body);
    }

    /**
     * Checks the signature under the purpose's key, the {@code typ} and the expiry, and answers the payload.
     *
     * @throws ApiException 401 {@code invalid_token} when malformed, forged, made for another purpose or expired (one
     *         answer for all)
     */
    public static JsonNode verify(Purpose purpose, String secret, String token, Instant now) {
        if (secret == null || secret.isEmpty()) {
            throw invalid();
        }
        JsonNode payload = checked(purposeKey(purpose, secret), token, now);
        if (!purpose.typ().equals(payload.path("typ").textValue())) {
            throw invalid();
        }
        return payload;
    }

    public static <T> T verify(Purpose purpose, String secret, String token, Instant now, Class<T> type) {
        try {
            return JSON.treeToValue(verify(purpose, secret, token, now), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    /**
     * Unsubscribe links mailed before tokens had a purpose: signed with the raw plugin secret, payload exactly
     * {@code {domain, email, exp}}. They stay in inboxes for up to 180 days, so the unsubscribe route, and nothing
     * else, still honours them until they expire. Any other field (a {@code typ}, a customer id, items) refuses the
     * token, so no other old token passes for one.
     *
     * @throws ApiException 401 {@code invalid_token}
     */
    public static JsonNode verifyLegacyUnsubscribe(String secret, String token, Instant now) {
        if (secret == null || secret.isEmpty()) {
            throw invalid();
        }
        JsonNode payload = checked(secret.getBytes(StandardCharsets.UTF_8), token, now);
        Set<String> names = new TreeSet<>();
        payload.fieldNames().forEachRemaining(names::add);
        if (!names.equals(LEGACY_UNSUBSCRIBE_FIELDS) || !payload.get("domain").isTextual()
                || !payload.get("email").isTextual()) {
            throw invalid();
        }
        return payload;
    }

    /** Signature under {@code key}, a JSON object, an {@code exp} not passed, no control characters. */
    private static JsonNode checked(byte[] key, String token, Instant now) {
        if (token == null || token.length() > MAX_LENGTH) {
            throw invalid();
        }
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            throw invalid();
        }
        String body = token.substring(0, dot);
        if (!Hmac.constantTimeEquals(Hmac.sha256Hex(key, body), token.substring(dot + 1))) {
            throw invalid();
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(B64D.decode(body));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        }
        if (payload == null || !payload.isObject() || !payload.path("exp").canConvertToLong()
                || payload.path("exp").asLong() < now.getEpochSecond() || hasControlCharacter(payload)) {
            throw invalid();
        }
        return payload;
    }

    /** A signed value is still outside input: a NUL in it must not reach a database any more than one in a body. */
    private static boolean hasControlCharacter(JsonNode node) {
        if (node.isTextual()) {
            return Text.hasControlCharacter(node.textValue());
        }
        for (JsonNode child : node) {
            if (hasControlCharacter(child)) {
                return true;
            }
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            if (Text.hasAnyControlCharacter(names.next())) {
                return true;
            }
        }
        return false;
    }

    private static ApiException invalid() {
        return ApiException.unauthorized("invalid_token", "The link or token is invalid or has expired");
    }
}
