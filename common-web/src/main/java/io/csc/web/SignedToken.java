package io.csc.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tokens the WordPress plugin and our emails carry (shopper identity, restore and unsubscribe links), as DESIGN.md
 * fixes them: {@code base64url(JSON payload) + "." + hex(HMAC-SHA256(secret, base64url part))}, with {@code exp} in
 * unix seconds in every payload.
 */
public final class SignedToken {
    private static final ObjectMapper JSON = StrictJson.configure(new ObjectMapper());
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private SignedToken() {
    }

    /** Signs {@code payload} (any Jackson-serializable object or map) with an expiry. */
    public static String sign(String secret, Object payload, Instant expiresAt) {
        ObjectNode node = JSON.valueToTree(payload instanceof Map<?, ?> m ? m : payload);
        node.put("exp", expiresAt.getEpochSecond());
        String body = B64.encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
        return body + "." + Hmac.sha256Hex(secret, body);
    }

    /**
     * Checks signature and expiry and answers the payload.
     *
     * @throws ApiException 401 {@code invalid_token} when malformed, forged or expired (one answer for all three)
     */
    public static JsonNode verify(String secret, String token, Instant now) {
        if (token == null || token.length() > 8192) {
            throw invalid();
        }
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            throw invalid();
        }
        String body = token.substring(0, dot);
        if (!Hmac.constantTimeEquals(Hmac.sha256Hex(secret, body), token.substring(dot + 1))) {
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

    public static <T> T verify(String secret, String token, Instant now, Class<T> type) {
        try {
            return JSON.treeToValue(verify(secret, token, now), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw invalid();
        }
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
        var names = node.fieldNames();
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
