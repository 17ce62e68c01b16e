package io.csc.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.csc.web.SignedToken.Purpose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SignedTokenTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String SECRET = "s3cret";

    @Test
    void roundTripsPayloadPurposeAndExpiry() {
        String token = SignedToken.sign(Purpose.UNSUBSCRIBE, SECRET, Map.of("domain", "shop.test", "email", "a@b.c"),
                NOW.plusSeconds(60));
        JsonNode payload = SignedToken.verify(Purpose.UNSUBSCRIBE, SECRET, token, NOW);
        assertEquals("shop.test", payload.get("domain").asText());
        assertEquals("unsubscribe", payload.get("typ").asText());
        assertEquals(NOW.plusSeconds(60).getEpochSecond(), payload.get("exp").asLong());
    }

    @ParameterizedTest
    @EnumSource(Purpose.class)
    void aTokenOfOnePurposeFailsEveryOther(Purpose purpose) {
        String token = SignedToken.sign(purpose, SECRET, Map.of("domain", "shop.test", "email", "a@b.c"),
                NOW.plusSeconds(60));
        for (Purpose other : Purpose.values()) {
            if (other != purpose) {
                assertThrows(ApiException.class, () -> SignedToken.verify(other, SECRET, token, NOW), "as " + other);
            }
        }
        assertThrows(ApiException.class, () -> SignedToken.verifyLegacyUnsubscribe(SECRET, token, NOW));
    }

    @ParameterizedTest
    @EnumSource(Purpose.class)
    void theRightTypSignedWithAnotherPurposesKeyIsRefused(Purpose purpose) {
        for (Purpose keyOf : Purpose.values()) {
            if (keyOf != purpose) {
                String token = craft(SignedToken.purposeKey(keyOf, SECRET),
                        "{\"typ\":\"" + purpose.typ() + "\",\"domain\":\"shop.test\",\"email\":\"a@b.c\",\"exp\":"
                                + NOW.plusSeconds(60).getEpochSecond() + "}");
                assertThrows(ApiException.class, () -> SignedToken.verify(purpose, SECRET, token, NOW),
                        "typ " + purpose + " under the key of " + keyOf);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Purpose.class)
    void theRightKeyWithAnotherTypOrNoTypIsRefused(Purpose purpose) {
        byte[] key = SignedToken.purposeKey(purpose, SECRET);
        long exp = NOW.plusSeconds(60).getEpochSecond();
        for (Purpose typOf : Purpose.values()) {
            if (typOf != purpose) {
                String token = craft(key, "{\"typ\":\"" + typOf.typ() + "\",\"domain\":\"shop.test\",\"email\":\"a@b.c\","
                        + "\"exp\":" + exp + "}");
                assertThrows(ApiException.class, () -> SignedToken.verify(purpose, SECRET, token, NOW),
                        "key of " + purpose + " with typ " + typOf);
            }
        }
        String noTyp = craft(key, "{\"domain\":\"shop.test\",\"email\":\"a@b.c\",\"exp\":" + exp + "}");
        assertThrows(ApiException.class, () -> SignedToken.verify(purpose, SECRET, noTyp, NOW));
        String numericTyp = craft(key, "{\"typ\":1,\"email\":\"a@b.c\",\"exp\":" + exp + "}");
        assertThrows(ApiException.class, () -> SignedToken.verify(purpose, SECRET, numericTyp, NOW));
        // The control: the same crafting with the right typ passes, so the refusals above are about the typ.
        String right = craft(key, "{\"typ\":\"" + purpose.typ() + "\",\"email\":\"a@b.c\",\"exp\":" + exp + "}");
        assertEquals("a@b.c", SignedToken.verify(purpose, SECRET, right, NOW).get("email").asText());
    }

    @Test
    void anOldFormatTokenFailsEveryPurpose() {
        long exp = NOW.plusSeconds(60).getEpochSecond();
        byte[] raw = SECRET.getBytes(StandardCharsets.UTF_8);
        String[] payloads = {"{\"domain\":\"shop.test\",\"email\":\"a@b.c\",\"exp\":" + exp + "}",
                "{\"customerId\":7,\"email\":\"a@b.c\",\"segment\":\"vip\",\"exp\":" + exp + "}",
                "{\"sessionId\":\"s\",\"items\":[],\"exp\":" + exp + "}"};
        for (String payload : payloads) {
            String old = craft(raw, payload);
            for (Purpose purpose : Purpose.values()) {
                assertThrows(ApiException.class, () -> SignedToken.verify(purpose, SECRET, old, NOW), purpose + " " + payload);
            }
            // Even a typ does not help a token signed with the raw secret.
            String typed = craft(raw, payload.replace("{", "{\"typ\":\"identity\","));
            assertThrows(ApiException.class, () -> SignedToken.verify(Purpose.IDENTITY, SECRET, typed, NOW));
        }
    }

    @Test
    void theLegacyUnsubscribeCheckTakesOnlyTheOldUnsubscribeShape() {
        long exp = NOW.plusSeconds(60).getEpochSecond();
        byte[] raw = SECRET.getBytes(StandardCharsets.UTF_8);
        String old = craft(raw, "{\"domain\":\"shop.test\",\"email\":\"a@b.c\",\"exp\":" + exp + "}");
        assertEquals("a@b.c", SignedToken.verifyLegacyUnsubscribe(SECRET, old, NOW).get("email").asText());
        assertThrows(ApiException.class, () -> SignedToken.verifyLegacyUnsubscribe(SECRET, old, NOW.plusSeconds(61)));
        assertThrows(ApiException.class, () -> SignedToken.verifyLegacyUnsubscribe("other", old, NOW));
        // An old identity token, an old restore token, or the old shape with anything added: not an unsubscribe link.
        for (String payload : new String[]{"{\"customerId\":7,\"email\":\"a@b.c\",\"segment\":\"vip\",\"exp\":" + exp + "}",
                "{\"sessionId\":\"s\",\"items\":[],\"exp\":" + exp + "}",
                "{\"typ\":\"unsubscribe\",\"domain\":\"shop.test\",\"email\":\"a@b.c\",\"exp\":" + exp + "}",
                "{\"domain\":\"shop.test\",\"email\":\"a@b.c\",\"customerId\":7,\"exp\":" + exp + "}",
                "{\"domain\":\"shop.test\",\"email\":7,\"exp\":" + exp + "}",
                "{\"domain\":\"shop.test\",\"exp\":" + exp + "}"}) {
            String token = craft(raw, payload);
            assertThrows(ApiException.class, () -> SignedToken.verifyLegacyUnsubscribe(SECRET, token, NOW), payload);
        }
    }

    @Test
    void matchesTheFormatTheWordPressPluginComputes() {
        // key=$(printf '%s' csc-restore-v1 | openssl dgst -sha256 -mac HMAC -macopt key:k | sed 's/^.*= //')
        // b64=$(printf '%s' '{"typ":"restore","a":1,"exp":2000000000}' | base64 -w0 | tr '+/' '-_' | tr -d '=')
        // printf '%s' "$b64" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$key
        String token = SignedToken.sign(Purpose.RESTORE, "k", Map.of("a", 1), Instant.ofEpochSecond(2_000_000_000L));
        assertEquals("eyJ0eXAiOiJyZXN0b3JlIiwiYSI6MSwiZXhwIjoyMDAwMDAwMDAwfQ"
                + ".a687fac4038bda17310ca6aa43d372fbbbdc248a44cf3b1c3e0d05a31cf1b3f8", token);
    }

    @Test
    void thePayloadCannotSetTypOrExp() {
        Map<String, Object> withTyp = new LinkedHashMap<>();
        withTyp.put("typ", "identity");
        assertThrows(IllegalArgumentException.class,
                () -> SignedToken.sign(Purpose.UNSUBSCRIBE, SECRET, withTyp, NOW.plusSeconds(60)));
        assertThrows(IllegalArgumentException.class,
                () -> SignedToken.sign(Purpose.UNSUBSCRIBE, SECRET, Map.of("exp", 1), NOW.plusSeconds(60)));
    }

    @Test
    void refusesForgedExpiredAndMalformedTokens() {
        String token = SignedToken.sign(Purpose.IDENTITY, SECRET, Map.of("email", "a@b.c"), NOW.plusSeconds(60));
        assertThrows(ApiException.class, () -> SignedToken.verify(Purpose.IDENTITY, "other", token, NOW));
        assertThrows(ApiException.class, () -> SignedToken.verify(Purpose.IDENTITY, SECRET, token, NOW.plusSeconds(61)));
        // Flip one payload character: the payload changes, the signature no longer matches.
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        assertThrows(ApiException.class, () -> SignedToken.verify(Purpose.IDENTITY, SECRET, tampered, NOW));
        assertThrows(ApiException.class, () -> SignedToken.verify(Purpose.IDENTITY, SECRET, "nodot", NOW));
        assertThrows(ApiException.class, () -> SignedToken.verify(Purpose.IDENTITY, SECRET, null, NOW));
        assertThrows(ApiException.class, () -> SignedToken.verify(Purpose.IDENTITY, "", token, NOW));
        // Signed, but carrying a NUL: refused like a forged one (it would be a 500 in PostgreSQL).
        String nul = SignedToken.sign(Purpose.IDENTITY, SECRET, Map.of("email", "a\u0000@b.c"), NOW.plusSeconds(60));
        assertThrows(ApiException.class, () -> SignedToken.verify(Purpose.IDENTITY, SECRET, nul, NOW));
        ApiException e = assertThrows(ApiException.class,
                () -> SignedToken.verify(Purpose.RESTORE, SECRET, token, NOW));
        assertEquals(401, e.status());
        assertEquals("invalid_token", e.code());
    }

    /** A token signed by hand under {@code key}, so a test can make what our signer never would. */
    private static String craft(byte[] key, String json) {
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        return body + "." + Hmac.sha256Hex(key, body);
    }
}
