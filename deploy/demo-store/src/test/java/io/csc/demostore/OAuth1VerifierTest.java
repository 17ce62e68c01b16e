package io.csc.demostore;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recorded requests as signature test vectors: for every plain-HTTP recording signed with OAuth, the verifier
 * recomputes the recorded oauth_signature from the recorded request (keys from the fixtures README, site URL
 * http://127.0.0.1:8088) and reaches the recorded verdict. Timestamp window and nonce memory are off here; they are
 * covered by the live tests.
 */
class OAuth1VerifierTest {

    /** Verdicts WooCommerce reaches after the signature check (or in another layer): the signature itself is fine. */
    private static final Set<String> LATER_CHECKS = Set.of("Invalid timestamp.",
            "Invalid nonce - nonce has already been used.", "The API key provided does not have read permissions.",
            "The API key provided does not have write permissions.");

    private final OAuth1Verifier verifier = new OAuth1Verifier(ApiKey.recordedKeys(),
            Clock.fixed(Instant.parse("2026-11-23T22:13:30Z"), ZoneOffset.UTC), false);

    @TestFactory
    Stream<DynamicTest> recordedSignatures() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode fx : Fixtures.inRecordingOrder()) {
            JsonNode request = fx.get("request");
            String target = Fixtures.text(request, "full_target_as_sent");
            String authorization = Fixtures.text(request.get("headers"), "Authorization");
            boolean signed = target != null && target.contains("oauth_")
                    || authorization != null && authorization.startsWith("OAuth ");
            if (signed && request.get("base").asText().startsWith("http://")) {
                tests.add(DynamicTest.dynamicTest(fx.get("name").asText(), () -> check(fx, target, authorization)));
            }
        }
        assertTrue(tests.size() > 80, "expected the recordings to hold many signed requests, found " + tests.size());
        return tests.stream();
    }

    private void check(JsonNode fx, String target, String authorization) {
        JsonNode request = fx.get("request");
        String method = request.get("method").asText();
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        List<Map.Entry<String, String>> params = Php.pairs(q < 0 ? "" : target.substring(q + 1));
        String url = Fixtures.RECORDED_SITE + path;

        OAuth1Verifier.Outcome outcome = verifier.verify(method, List.of(url), params, authorization);

        JsonNode body = fx.get("response").get("body");
        String code = body.isObject() ? Fixtures.text(body, "code") : null;
        boolean rejectedByOAuth = fx.get("response").get("status").asInt() == 401 && code != null
                && code.startsWith("woocommerce_rest_authentication") && !LATER_CHECKS.contains(body.get("message").asText());
        if (rejectedByOAuth) {
            OAuth1Verifier.Rejected rejected = assertInstanceOf(OAuth1Verifier.Rejected.class, outcome);
            assertEquals(code, rejected.code());
            assertEquals(body.get("message").asText(), rejected.message());
            return;
        }
        OAuth1Verifier.Verified verified = assertInstanceOf(OAuth1Verifier.Verified.class, outcome,
                () -> "recorded answer " + body);
        // And the signature itself, recomputed from the recorded request, is the recorded one.
        Map<String, String> all = OAuth1Verifier.phpParams(withHeaderParams(params, authorization));
        String recordedSignature = Php.decode(all.remove("oauth_signature").replace(' ', '+'), false);
        String base = OAuth1Verifier.baseString(method, url, new ArrayList<>(all.entrySet()));
        assertEquals(recordedSignature, OAuth1Verifier.signature(all.get("oauth_signature_method"),
                verified.key().consumerSecret(), base));
    }

    private static List<Map.Entry<String, String>> withHeaderParams(List<Map.Entry<String, String>> query,
            String authorization) {
        List<Map.Entry<String, String>> all = new ArrayList<>(query);
        if (authorization != null) {
            all.addAll(OAuth1Verifier.parseAuthorizationHeader(authorization));
        }
        return all;
    }

    @Test
    void bracketArraysAreSignedAsPhpSeesThem() {
        // include[]=11 reaches WooCommerce as include[0]=11: a client that signed "include[]" is rejected, as recorded
        // in auth_oauth_array_param_brackets_fails.
        JsonNode fx = Fixtures.load("auth_oauth_array_param_brackets_fails");
        String target = fx.get("request").get("full_target_as_sent").asText();
        List<Map.Entry<String, String>> params = Php.pairs(target.substring(target.indexOf('?') + 1));
        String literal = OAuth1Verifier.baseString("GET", Fixtures.RECORDED_SITE + "/wp-json/wc/v3/products",
                params.stream().filter(p -> !p.getKey().equals("oauth_signature")).toList());
        assertTrue(literal.contains("include%255B0%255D%3D11"), literal);
        assertNotEquals(-1, target.indexOf("include%5B%5D"));
    }

    @Test
    void encodesLikeRawurlencode() {
        assertEquals("Home%20%26%20Kitchen%20caf%C3%A9", OAuth1Verifier.rfc3986("Home & Kitchen café"));
        assertEquals("a-b.c_d~e", OAuth1Verifier.rfc3986("a-b.c_d~e"));
        assertEquals("%2B%2F%3D", OAuth1Verifier.rfc3986("+/="));
    }

    @Test
    void anOAuthlessRequestIsNotAnAttempt() {
        assertInstanceOf(OAuth1Verifier.NotAttempted.class,
                verifier.verify("GET", List.of("http://127.0.0.1:8088/wp-json/wc/v3/products"),
                        List.of(Map.entry("consumer_key", DemoStore.CONSUMER_KEY)), "Basic abc"));
    }
}
