package io.csc.web;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SignedTokenTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void roundTripsPayloadAndExpiry() {
        String token = SignedToken.sign("s3cret", Map.of("domain", "shop.test", "email", "a@b.c"), NOW.plusSeconds(60));
        JsonNode payload = SignedToken.verify("s3cret", token, NOW);
        assertEquals("shop.test", payload.get("domain").asText());
        assertEquals(NOW.plusSeconds(60).getEpochSecond(), payload.get("exp").asLong());
    }

    @Test
    void matchesTheFormatTheWordPressPluginComputes() {
        // base64url(JSON) + "." + hex(HMAC-SHA256(secret, base64url part)); recomputed here independently.
        String token = SignedToken.sign("k", Map.of("a", 1), Instant.ofEpochSecond(2_000_000_000L));
        String body = token.substring(0, token.indexOf('.'));
        assertEquals(Hmac.sha256Hex("k", body), token.substring(token.indexOf('.') + 1));
        assertEquals("{\"a\":1,\"exp\":2000000000}",
                new String(java.util.Base64.getUrlDecoder().decode(body), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void refusesForgedExpiredAndMalformedTokens() {
        String token = SignedToken.sign("s3cret", Map.of("email", "a@b.c"), NOW.plusSeconds(60));
        assertThrows(ApiException.class, () -> SignedToken.verify("other", token, NOW));
        assertThrows(ApiException.class, () -> SignedToken.verify("s3cret", token, NOW.plusSeconds(61)));
        // Flip one payload character: the payload changes, the signature no longer matches.
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        assertThrows(ApiException.class, () -> SignedToken.verify("s3cret", tampered, NOW));
        assertThrows(ApiException.class, () -> SignedToken.verify("s3cret", "nodot", NOW));
        assertThrows(ApiException.class, () -> SignedToken.verify("s3cret", null, NOW));
    }
}
