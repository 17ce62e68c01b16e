package io.csc.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The literal vectors of docs/contract/signing-vectors.json (computed with openssl, read by the WordPress plugin's
 * tests too): our signer must produce exactly them, our verifier must accept them and refuse them altered.
 */
class SigningVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode vectors() throws IOException {
        String path = System.getProperty("contract.vectors", "../docs/contract/signing-vectors.json");
        return JSON.readTree(Files.readString(Path.of(path)));
    }

    @TestFactory
    List<DynamicTest> pluginSignatures() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        JsonNode all = vectors().get("plugin_signatures");
        assertFalse(all.isEmpty());
        for (JsonNode v : all) {
            String secret = v.get("secret").asText();
            long timestamp = Long.parseLong(v.get("timestamp").asText());
            String body = v.get("body").asText();
            String header = v.get("header").asText();
            tests.add(DynamicTest.dynamicTest(v.get("name").asText(), () -> {
                assertEquals(header, PluginSignature.sign(secret, timestamp, body));
                Instant at = Instant.ofEpochSecond(timestamp);
                assertDoesNotThrow(() -> PluginSignature.verify(secret, v.get("timestamp").asText(), header, body, at));
                assertThrows(ApiException.class,
                        () -> PluginSignature.verify(secret, v.get("timestamp").asText(), header, body + " ", at));
                assertThrows(ApiException.class,
                        () -> PluginSignature.verify(secret + "x", v.get("timestamp").asText(), header, body, at));
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> signedTokens() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        JsonNode all = vectors().get("signed_tokens");
        assertFalse(all.isEmpty());
        Set<SignedToken.Purpose> covered = EnumSet.noneOf(SignedToken.Purpose.class);
        for (JsonNode v : all) {
            String secret = v.get("secret").asText();
            String token = v.get("token").asText();
            SignedToken.Purpose purpose = purpose(v.get("purpose").asText());
            covered.add(purpose);
            tests.add(DynamicTest.dynamicTest(v.get("name").asText(), () -> {
                assertEquals(v.get("label").asText(), purpose.label());
                assertEquals(v.get("purpose_key").asText(), SignedToken.purposeKeyHex(purpose, secret));

                Map<String, Object> payload = JSON.readValue(v.get("payload").asText(),
                        new TypeReference<LinkedHashMap<String, Object>>() {
                        });
                assertEquals(purpose.typ(), payload.remove("typ"));
                long exp = ((Number) payload.remove("exp")).longValue();
                assertEquals(token, SignedToken.sign(purpose, secret, payload, Instant.ofEpochSecond(exp)));

                Instant before = Instant.ofEpochSecond(exp - 1);
                JsonNode verified = SignedToken.verify(purpose, secret, token, before);
                assertEquals(JSON.readTree(v.get("payload").asText()), verified);
                assertDoesNotThrow(() -> SignedToken.verify(purpose, secret, token, Instant.ofEpochSecond(exp)));
                assertThrows(ApiException.class,
                        () -> SignedToken.verify(purpose, secret, token, Instant.ofEpochSecond(exp + 1)));
                assertThrows(ApiException.class, () -> SignedToken.verify(purpose, secret + "x", token, before));
                String lastFlipped = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");
                assertThrows(ApiException.class, () -> SignedToken.verify(purpose, secret, lastFlipped, before));
                for (SignedToken.Purpose other : SignedToken.Purpose.values()) {
                    if (other != purpose) {
                        assertThrows(ApiException.class, () -> SignedToken.verify(other, secret, token, before),
                                "accepted as " + other);
                    }
                }
                assertThrows(ApiException.class, () -> SignedToken.verifyLegacyUnsubscribe(secret, token, before));
            }));
        }
        assertEquals(EnumSet.allOf(SignedToken.Purpose.class), covered, "a vector for every purpose");
        return tests;
    }

    @TestFactory
    List<DynamicTest> legacyUnsubscribeTokens() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        JsonNode all = vectors().get("legacy_unsubscribe_tokens");
        assertFalse(all.isEmpty());
        for (JsonNode v : all) {
            String secret = v.get("secret").asText();
            String token = v.get("token").asText();
            tests.add(DynamicTest.dynamicTest(v.get("name").asText(), () -> {
                JsonNode expected = JSON.readTree(v.get("payload").asText());
                long exp = expected.get("exp").asLong();
                Instant before = Instant.ofEpochSecond(exp - 1);
                assertEquals(expected, SignedToken.verifyLegacyUnsubscribe(secret, token, before));
                assertThrows(ApiException.class,
                        () -> SignedToken.verifyLegacyUnsubscribe(secret, token, Instant.ofEpochSecond(exp + 1)));
                assertThrows(ApiException.class, () -> SignedToken.verifyLegacyUnsubscribe(secret + "x", token, before));
                for (SignedToken.Purpose purpose : SignedToken.Purpose.values()) {
                    assertThrows(ApiException.class, () -> SignedToken.verify(purpose, secret, token, before),
                            "accepted as " + purpose);
                }
            }));
        }
        return tests;
    }

    private static SignedToken.Purpose purpose(String typ) {
        for (SignedToken.Purpose p : SignedToken.Purpose.values()) {
            if (p.typ().equals(typ)) {
                return p;
            }
        }
        throw new AssertionError("unknown purpose in the vectors: " + typ);
    }
}
