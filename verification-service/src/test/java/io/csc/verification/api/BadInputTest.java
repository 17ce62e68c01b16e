package io.csc.verification.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.csc.test.GatewayStubs;
import io.csc.test.RawHttp;
import io.csc.verification.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import static io.csc.test.GatewayStubs.ALICE;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input on every route (issue 7): each answer is the JSON error shape with the right status and code, never a
 * 500, an empty body or a store call.
 */
@QuarkusTest
class BadInputTest {
    private static final String DOMAIN = "shop.example.com";

    static Map<String, Object> simple(String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conversationId", "conv-bad-input");
        body.put("domain", DOMAIN);
        body.put("email", ALICE);
        body.put(field, value);
        return body;
    }

    static Map<String, Object> otp(String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conversationId", "conv-bad-input");
        body.put("domain", DOMAIN);
        body.put("email", ALICE);
        body.put("code", "123456");
        body.put(field, value);
        return body;
    }

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("/internal/verification/simple", simple("email", "v1@exämple.com"), 400, "invalid_email"),
                Arguments.of("/internal/verification/simple", simple("email", "alice@localhost"), 400, "invalid_email"),
                Arguments.of("/internal/verification/simple", simple("email", "alice\u0000@example.com"), 400,
                        "invalid_characters"),
                Arguments.of("/internal/verification/simple", simple("domain", "shop.example.com\u0000"), 400,
                        "invalid_characters"),
                Arguments.of("/internal/verification/simple", simple("domain", "exämple.com"), 400, "invalid_domain"),
                Arguments.of("/internal/verification/simple", simple("domain", "https://shop.example.com/"), 400,
                        "invalid_domain"),
                Arguments.of("/internal/verification/simple", simple("conversationId", "conv\u0000"), 400,
                        "invalid_characters"),
                Arguments.of("/internal/verification/simple", simple("name", "Alice\u0000Johnson"), 400, "invalid_characters"),
                Arguments.of("/internal/verification/simple", simple("orderNumber", "47\u0000"), 400, "invalid_characters"),
                Arguments.of("/internal/verification/simple", simple("clientIp", "10.0.0.1\u0000"), 400, "invalid_characters"),
                Arguments.of("/internal/verification/simple", simple("orderNumber", true), 400, "invalid_json"),
                Arguments.of("/internal/verification/simple", simple("email", Map.of("a", 1)), 400, "invalid_json"),
                Arguments.of("/internal/verification/otp/send", otp("email", "v1@exämple.com"), 400, "invalid_email"),
                Arguments.of("/internal/verification/otp/send", otp("domain", "a/b"), 400, "invalid_domain"),
                Arguments.of("/internal/verification/otp/verify", otp("email", "v1@exämple.com"), 400, "invalid_email"),
                Arguments.of("/internal/verification/otp/verify", otp("code", "12345\u0000"), 400, "invalid_characters"),
                Arguments.of("/internal/verification/otp/verify", otp("code", false), 400, "invalid_json"),
                Arguments.of("/internal/verification/conv-bad-input/consent", Map.of("textVersion", "v\u00001"), 400,
                        "invalid_characters"),
                Arguments.of("/internal/privacy/export", Map.of("domain", DOMAIN, "email", "v1@exämple.com"), 400,
                        "invalid_email"),
                Arguments.of("/internal/privacy/delete", Map.of("domain", "shop\u0000.example.com", "email", ALICE), 400,
                        "invalid_characters"),
                Arguments.of("/internal/privacy/delete", Map.of("domain", "exämple.com", "email", ALICE), 400,
                        "invalid_domain"));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void hostileBodiesAreJson400s(String path, Map<String, Object> body, int status, String code) {
        Api.internal().body(body).post(path).then().statusCode(status).contentType(ContentType.JSON)
                .body("success", equalTo(false)).body("code", equalTo(code));
    }

    static Stream<Arguments> urls() {
        return Stream.of(
                Arguments.of("/internal/verification/conv-1?domain=%ZZ", 400, "invalid_uri"),
                Arguments.of("/internal/verification/conv-1?domain=shop.example.com%", 400, "invalid_uri"),
                Arguments.of("/internal/verification/a%00b", 400, "invalid_characters"),
                Arguments.of("/internal/verification/conv-1?domain=shop.example.com%00", 400, "invalid_characters"),
                Arguments.of("/internal/verification/conv-1?domain=shop.example.com%0d%0aX:1", 400, "invalid_characters"),
                Arguments.of("/internal/verification/conv-1?domain=ex%C3%A4mple.com", 400, "invalid_domain"),
                Arguments.of("/internal/verification/conv-1?domain=" + "a".repeat(10_000), 414, "uri_too_long"));
    }

    @ParameterizedTest
    @MethodSource("urls")
    void hostileUrlsAreJsonErrors(String url, int status, String code) {
        RawHttp.Answer answer = RawHttp.get(RestAssured.port, url, Map.of("X-Internal-Token", GatewayStubs.TOKEN));
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.contentType() != null && answer.contentType().startsWith("application/json"),
                answer.contentType() + " " + answer.body());
        JsonPath json = JsonPath.from(answer.body());
        assertEquals(false, json.getBoolean("success"));
        assertEquals(code, json.getString("code"));
    }

    @org.junit.jupiter.api.Test
    void aChunkedBodyPastTheLimitIs413Json() {
        // No Content-Length: only counting the bytes as they arrive can refuse it.
        byte[] body = ("{\"conversationId\":\"" + "a".repeat(100 * 1024) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        RawHttp.Answer answer = RawHttp.sendChunked(RestAssured.port, "POST", "/internal/verification/simple",
                Map.of("X-Internal-Token", GatewayStubs.TOKEN, "Content-Type", "application/json"), body, 8192);
        assertEquals(413, answer.status(), answer.body());
        assertTrue(answer.contentType() != null && answer.contentType().startsWith("application/json"), answer.contentType());
        assertEquals("payload_too_large", JsonPath.from(answer.body()).getString("code"));
    }

    @org.junit.jupiter.api.Test
    void aKeyGivenTwiceIs400() {
        Api.internal().body("{\"conversationId\":\"conv-bad-input\",\"domain\":\"" + DOMAIN + "\",\"email\":\"" + ALICE
                + "\",\"email\":\"bob@example.com\"}").post("/internal/verification/otp/send").then().statusCode(400)
                .contentType(ContentType.JSON).body("code", equalTo("invalid_json"));
    }
}
