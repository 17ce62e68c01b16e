package io.csc.web;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PluginSignatureTest {
    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

    @Test
    void signatureIsHmacOfTimestampDotBody() {
        // printf '%s' '1800000000.{"a":1}' | openssl dgst -sha256 -hmac secret (also in docs/contract/signing-vectors.json)
        assertEquals("sha256=440dfbb83aabca24d9e5027629cfd81cb45254690f8d410bb28f1cc17c990dbc",
                PluginSignature.sign("secret", 1_800_000_000L, "{\"a\":1}"));
    }

    @Test
    void acceptsAFreshSignatureAndRefusesTamperingAndReplays() {
        String body = "{\"type\":\"cart_updated\"}";
        String sig = PluginSignature.sign("secret", NOW.getEpochSecond(), body);
        assertDoesNotThrow(() -> PluginSignature.verify("secret", "" + NOW.getEpochSecond(), sig, body, NOW.plusSeconds(299)));

        ApiException tampered = assertThrows(ApiException.class,
                () -> PluginSignature.verify("secret", "" + NOW.getEpochSecond(), sig, body + " ", NOW));
        assertEquals("invalid_signature", tampered.code());
        ApiException stale = assertThrows(ApiException.class,
                () -> PluginSignature.verify("secret", "" + NOW.getEpochSecond(), sig, body, NOW.plusSeconds(301)));
        assertEquals("stale_timestamp", stale.code());
        assertThrows(ApiException.class, () -> PluginSignature.verify("secret", null, sig, body, NOW));
        assertThrows(ApiException.class, () -> PluginSignature.verify("secret", "abc", sig, body, NOW));
        assertThrows(ApiException.class, () -> PluginSignature.verify("other", "" + NOW.getEpochSecond(), sig, body, NOW));
    }
}
