package io.csc.gateway.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.csc.demostore.DemoStore;
import io.csc.gateway.support.Api;
import io.csc.gateway.support.DemoStoreResource;
import io.csc.test.RawHttp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and broken input on the public routes: every answer is the JSON error shape with the rate-limit headers the
 * README promises, a domain with a control character never reaches a store, preflights are answered only for origins
 * a store allows, and numbers sent as strings are refused.
 */
@QuarkusTest
@QuarkusTestResource(DemoStoreResource.class)
class PublicEdgeTest {
    static final String DOMAIN = DemoStoreResource.DOMAIN;
    static final String STOCK = "/api/woocommerce/stock";

    @ConfigProperty(name = "test.demo-store.url")
    String storeUrl;

    @BeforeEach
    void register() {
        Api.registerStore(DOMAIN, storeUrl, DemoStore.CONSUMER_KEY, DemoStore.CONSUMER_SECRET);
    }

    /** Bodies that must be a 400 JSON error with the rate-limit headers. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"domain\":\"demo-shop.test\\u0000\",\"productId\":23}",
            "{\"domain\":\"demo-shop.test\\t\",\"productId\":23}",
            "{\"domain\":\"demo-shop.test\\r\\n\",\"productId\":23}",
            "{\"domain\":\"\\u0000demo-shop.test\",\"productId\":23}",
            "{\"domain\":\"demo-shop.test/../x\",\"productId\":23}",
            "{\"domain\":\"demo-shop.test\",\"productId\":\"23\"}",
            "{\"domain\":\"demo-shop.test\",\"productId\":\"abc\"}",
            "{\"domain\":\"demo-shop.test\"}",
            "{\"domain\":\"demo-shop.test\",",
            "[]",
            "{\"domain\":true,\"productId\":23}",
            "{\"domain\":\"demo-shop.test\",\"productId\":23,\"productId\":24}",
            "{\"domain\":\"demo-shop.test\",\"domain\":\"other-shop.test\",\"productId\":23}"})
    void badBodiesAre400WithRateLimitHeaders(String body) {
        limited(Api.client(Api.randomIp()).body(body).post(STOCK).then().statusCode(400));
    }

    @Test
    void otherRefusalsCarryTheHeadersToo() {
        limited(given().header("X-Forwarded-For", Api.randomIp()).contentType("text/plain").body("hello").post(STOCK)
                .then().statusCode(415));
        limited(Api.client(Api.randomIp()).body(Map.of("domain", "unknown-store.test", "productId", 23)).post(STOCK)
                .then().statusCode(404));
        // An oversized body is refused before the rate limiter spends a Redis round trip on it: no headers.
        Api.client(Api.randomIp()).body("{\"domain\":\"" + "x".repeat(1_100_000) + "\"}").post(STOCK).then()
                .statusCode(413).body("code", equalTo("payload_too_large")).header("X-RateLimit-Limit", nullValue());
        limited(Api.client(Api.randomIp()).get("/api/test-woocommerce?domain=demo-shop.test%00").then().statusCode(400));
        limited(Api.client(Api.randomIp()).get("/api/test-woocommerce").then().statusCode(400));
    }

    @Test
    void aDomainWithATrailingNulNeverResolvesToTheStore() {
        Api.client(Api.randomIp()).body(Map.of("domain", DOMAIN, "productId", 23)).post(STOCK).then().statusCode(200);
        Api.client(Api.randomIp()).body(Map.of("domain", DOMAIN + "\u0000", "productId", 23)).post(STOCK).then()
                .statusCode(400).body("code", org.hamcrest.Matchers.anyOf(equalTo("invalid_domain"),
                        equalTo("invalid_characters")));
        Api.internal().get("/internal/tenants/" + DOMAIN + "%00").then().statusCode(400);
    }

    @Test
    void preflightsAreAnsweredOnlyForOriginsTheNamedStoreAllows() {
        given().header("Origin", "https://" + DOMAIN).header("Access-Control-Request-Method", "POST")
                .queryParam("domain", DOMAIN).options(STOCK).then().statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo("https://" + DOMAIN))
                .header("Access-Control-Allow-Methods", notNullValue());
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .queryParam("domain", DOMAIN).options(STOCK).then().header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue());
        // Naming no store (or an unknown one), even the store's own origin is granted nothing.
        given().header("Origin", "https://" + DOMAIN).header("Access-Control-Request-Method", "POST").options(STOCK)
                .then().statusCode(204).header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue());
        given().header("Origin", "https://" + DOMAIN).header("Access-Control-Request-Method", "POST")
                .queryParam("domain", "unknown-shop.test").options(STOCK).then().statusCode(204)
                .header("Access-Control-Allow-Origin", nullValue());
        // A real request from a foreign page is refused and gets no CORS header either.
        Api.client(Api.randomIp()).header("Origin", "https://evil.example").body(Map.of("domain", DOMAIN, "productId", 23))
                .post(STOCK).then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        Api.client(Api.randomIp()).header("Origin", "https://" + DOMAIN).body(Map.of("domain", DOMAIN, "productId", 23))
                .post(STOCK).then().statusCode(200).header("Access-Control-Allow-Origin", equalTo("https://" + DOMAIN));
    }

    @Test
    void aMalformedQueryIs400Json() {
        RawHttp.Answer answer = RawHttp.get(RestAssured.port, "/api/test-woocommerce?domain=%ZZ",
                Map.of("X-Forwarded-For", Api.randomIp()));
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.contentType() != null && answer.contentType().startsWith("application/json"),
                answer.contentType() + " " + answer.body());
        assertEquals("invalid_uri", JsonPath.from(answer.body()).getString("code"));
    }

    @Test
    void aChunkedBodyPastTheLimitIs413Json() {
        // No Content-Length: only counting the bytes as they arrive can refuse it (the gateway's limit is 1M).
        byte[] body = ("{\"domain\":\"" + "x".repeat(1_200_000) + "\"}").getBytes(StandardCharsets.US_ASCII);
        RawHttp.Answer answer = RawHttp.sendChunked(RestAssured.port, "POST", STOCK,
                Map.of("Content-Type", "application/json", "X-Forwarded-For", Api.randomIp()), body, 16384);
        assertEquals(413, answer.status(), answer.body());
        assertTrue(answer.contentType() != null && answer.contentType().startsWith("application/json"),
                answer.contentType());
        assertEquals("payload_too_large", JsonPath.from(answer.body()).getString("code"));
    }

    private static void limited(ValidatableResponse response) {
        response.header("X-RateLimit-Limit", notNullValue()).header("X-RateLimit-Remaining", notNullValue())
                .header("X-RateLimit-Reset", notNullValue()).body("success", equalTo(false)).body("code", notNullValue());
    }
}
