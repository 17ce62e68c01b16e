package io.csc.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        for (JsonNode v : all) {
            String secret = v.get("secret").asText();
            String token = v.get("token").asText();
            tests.add(DynamicTest.dynamicTest(v.get("name").asText(), () -> {
                Map<String, Object> payload = JSON.readValue(v.get("payload").asText(),
                        new TypeReference<LinkedHashMap<String, Object>>() {
                        });
                long exp = ((Number) payload.remove("exp")).longValue();
                assertEquals(token, SignedToken.sign(secret, payload, Instant.ofEpochSecond(exp)));

                Instant before = Instant.ofEpochSecond(exp - 1);
                JsonNode verified = SignedToken.verify(secret, token, before);
                assertEquals(JSON.readTree(v.get("payload").asText()), verified);
                assertThrows(ApiException.class, () -> SignedToken.verify(secret, token, Instant.ofEpochSecond(exp + 1)));
                assertThrows(ApiException.class, () -> SignedToken.verify(secret + "x", token, before));
                String lastFlipped = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");
                assertThrows(ApiException.class, () -> SignedToken.verify(secret, lastFlipped, before));
            }));
        }
        return tests;
    }
}
