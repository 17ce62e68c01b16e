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
        // b64=$(printf '%s' '{"a":1,"exp":2000000000}' | base64 -w0 | tr '+/' '-_' | tr -d '='); printf '%s' "$b64" |
        // openssl dgst -sha256 -hmac k
        String token = SignedToken.sign("k", Map.of("a", 1), Instant.ofEpochSecond(2_000_000_000L));
        assertEquals("eyJhIjoxLCJleHAiOjIwMDAwMDAwMDB9.8066da9157ed2779e73e579ae4602f0810228785c3cad8364ceab8eb48b97d0a",
                token);
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
        // Signed, but carrying a NUL: refused like a forged one (it would be a 500 in PostgreSQL).
        String nul = SignedToken.sign("s3cret", Map.of("email", "a\u0000@b.c"), NOW.plusSeconds(60));
        assertThrows(ApiException.class, () -> SignedToken.verify("s3cret", nul, NOW));
    }
}
