package io.csc.chat.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.csc.chat.support.Api;
import io.csc.chat.support.ServicesResource;
import io.csc.test.RawHttp;
import io.csc.web.RateLimiter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a hostile client sends to the public chat routes: bodies past the limit (chunked, without a length), a
 * malformed query, a preflight naming no store, the wrong content type, a key given twice; and the rate limits that
 * count per conversation session and per client address, refusals included.
 */
@QuarkusTest
@QuarkusTestResource(value = ServicesResource.class, restrictToAnnotatedClass = false)
class ChatBadInputTest {
    private static final byte[] HUNDRED_KB = "a".repeat(100 * 1024).getBytes(StandardCharsets.US_ASCII);

    @Inject
    RateLimiter limiter;

    String ip;
    String domain;
    String session;
    final List<LogRecord> errors = new ArrayList<>();
    final Handler errorLog = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                synchronized (errors) {
                    errors.add(record);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void fresh() {
        ServicesResource.reset();
        ip = Api.randomIp();
        domain = Api.randomDomain();
        session = Api.session();
        Logger.getLogger("").addHandler(errorLog);
    }

    @AfterEach
    void detach() {
        Logger.getLogger("").removeHandler(errorLog);
    }

    private Map<String, Object> body(String message) {
        Map<String, Object> body = new HashMap<>();
        body.put("message", message);
        body.put("session_id", session);
        body.put("domain", domain);
        return body;
    }

    private String json(String message) {
        return "{\"message\":\"" + message + "\",\"session_id\":\"" + session + "\",\"domain\":\"" + domain + "\"}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/chat/stream", "/api/chat", "/api/chat/start", "/api/woocommerce/customer-action",
            "/api/privacy/export"})
    void aChunkedBodyPastTheLimitIs413JsonWithoutAnErrorLog(String path) {
        // Valid JSON up to the limit and beyond: only counting the bytes can refuse it.
        byte[] payload = ("{\"message\":\"" + new String(HUNDRED_KB, StandardCharsets.US_ASCII) + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
        RawHttp.Answer answer = RawHttp.sendChunked(RestAssured.port, "POST", path,
                Map.of("Content-Type", "application/json", "X-Forwarded-For", ip), payload, 8192);
        assertEquals(413, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
        assertTrue(answer.body().contains("\"code\":\"payload_too_large\""), answer.body());
        assertTrue(answer.body().contains("\"success\":false"), answer.body());
        synchronized (errors) {
            assertEquals(List.of(), errors.stream().map(LogRecord::getMessage).toList(), "no ERROR per refused body");
        }
    }

    @Test
    void aBodyWithALengthPastTheLimitIs413Json() {
        Api.client(ip).body(json("a".repeat(70 * 1024))).post("/api/chat/stream").then().statusCode(413)
                .body("code", equalTo("payload_too_large"));
    }

    @Test
    void aChunkedBodyUnderTheLimitIsRead() {
        RawHttp.Answer answer = RawHttp.sendChunked(RestAssured.port, "POST", "/api/chat",
                Map.of("Content-Type", "application/json", "X-Forwarded-For", ip),
                json("Hello").getBytes(StandardCharsets.UTF_8), 7);
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"conversation_id\":\"c_"), answer.body());
    }

    @Test
    void overHttp2ABodyWithALengthIsReadAndOneWithoutIs411() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2).build();
        String base = "http://127.0.0.1:" + RestAssured.port;
        // The first request upgrades the connection (h2c); the next ones travel over HTTP/2 on it.
        client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/q/health/live")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        java.net.http.HttpResponse<String> read = client.send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(base + "/api/chat")).header("Content-Type", "application/json")
                .header("X-Forwarded-For", ip).POST(java.net.http.HttpRequest.BodyPublishers.ofString(json("Hello")))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(java.net.http.HttpClient.Version.HTTP_2, read.version());
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains("\"conversation_id\":\"c_"), read.body());

        java.net.http.HttpResponse<String> unsized = client.send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(base + "/api/chat")).header("Content-Type", "application/json")
                .header("X-Forwarded-For", ip)
                .POST(java.net.http.HttpRequest.BodyPublishers
                        .ofInputStream(() -> new java.io.ByteArrayInputStream(json("Hello").getBytes(StandardCharsets.UTF_8))))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(java.net.http.HttpClient.Version.HTTP_2, unsized.version());
        assertEquals(411, unsized.statusCode(), unsized.body());
        assertTrue(unsized.body().contains("\"code\":\"length_required\""), unsized.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/chat/c_x?session_id=%ZZ", "/api/chat?domain=%ZZ", "/api/chat/stream?domain=%G1"})
    void aMalformedQueryIs400Json(String target) {
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, target.startsWith("/api/chat/c_") ? "GET" : "POST", target,
                Map.of("Content-Type", "application/json", "X-Forwarded-For", ip),
                target.startsWith("/api/chat/c_") ? null : json("hi"));
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"code\":\"invalid_uri\""), answer.body());
    }

    @Test
    void aPreflightWithoutDomainGrantsNoOrigin() {
        for (String path : new String[]{"/api/chat", "/api/chat/stream", "/api/woocommerce/customer-action"}) {
            RestAssured.given().header("Origin", "https://" + domain).header("Access-Control-Request-Method", "POST")
                    .options(path).then().statusCode(204).header("Access-Control-Allow-Origin", nullValue())
                    .header("Access-Control-Allow-Methods", nullValue());
            // Naming the store, its own origin is granted.
            RestAssured.given().header("Origin", "https://" + domain).header("Access-Control-Request-Method", "POST")
                    .queryParam("domain", domain).options(path).then().statusCode(204)
                    .header("Access-Control-Allow-Origin", equalTo("https://" + domain));
        }
    }

    @Test
    void theStreamTakesJsonOnly() {
        Api.client(ip).contentType("text/plain").body(json("hi")).post("/api/chat/stream").then().statusCode(415)
                .body("success", equalTo(false)).body("code", equalTo("unsupported_media_type"));
        RestAssured.given().header("X-Forwarded-For", ip).body(json("hi").getBytes(StandardCharsets.UTF_8))
                .post("/api/chat/stream").then().statusCode(415).body("code", equalTo("unsupported_media_type"));
        Api.client(ip).contentType("application/json; charset=utf-8").accept("text/event-stream").body(json("hi"))
                .post("/api/chat/stream").then().statusCode(200);
    }

    @Test
    void aKeyGivenTwiceIs400() {
        String twice = "{\"message\":\"hi\",\"session_id\":\"" + session + "\",\"domain\":\"" + domain
                + "\",\"domain\":\"other-shop.test\"}";
        for (String path : new String[]{"/api/chat", "/api/chat/stream", "/api/chat/start"}) {
            Api.client(ip).body(twice).post(path).then().statusCode(400).body("code", equalTo("invalid_json"))
                    .body(not(containsString("Exception")));
        }
        Api.client(ip).body("{\"action\":\"get-info\",\"domain\":\"" + domain
                + "\",\"conversationId\":\"c_1\",\"data\":{\"orderNumber\":1,\"orderNumber\":2}}")
                .post("/api/woocommerce/customer-action").then().statusCode(400).body("code", equalTo("invalid_json"));
        Api.client(ip).body("{\"email\":\"a@example.com\",\"email\":\"b@example.com\",\"domain\":\"" + domain + "\"}")
                .post("/api/privacy/export").then().statusCode(400).body("code", equalTo("invalid_json"));
    }

    @Test
    void aSessionsBudgetIsItsOwnOnOneAddress() {
        for (int i = 0; i < 99; i++) {
            limiter.hit(ChatResource.BUCKET, PublicEdge.sessionKey(domain, session), 100, Duration.ofHours(1)).await()
                    .indefinitely();
        }
        Api.chat(ip, body("hi")).then().statusCode(200).header("X-RateLimit-Limit", "100")
                .header("X-RateLimit-Remaining", "0");
        Api.chat(ip, body("hi")).then().statusCode(429).body("code", equalTo("rate_limited"))
                .header("Retry-After", notNullValue()).header("X-RateLimit-Remaining", "0");
        // Another shopper behind the same address (a NAT, the ingress) still chats.
        session = Api.session();
        Api.chat(ip, body("hi")).then().statusCode(200).header("X-RateLimit-Limit", "100")
                .header("X-RateLimit-Remaining", "99");
    }

    @Test
    void theAddressCeilingRefusesANewSession() {
        for (int i = 0; i < 1000; i++) {
            limiter.hit(AddressRateLimit.CHAT_BUCKET, ip, 1000, Duration.ofHours(1)).await().indefinitely();
        }
        Api.chat(ip, body("hi")).then().statusCode(429).body("code", equalTo("rate_limited"))
                .header("Retry-After", notNullValue()).header("X-RateLimit-Limit", "1000")
                .header("X-RateLimit-Remaining", "0");
        Api.client(ip).body(body(null)).post("/api/chat/start").then().statusCode(429);
        // The same session from another address is not refused.
        Api.chat(Api.randomIp(), body("hi")).then().statusCode(200);
    }

    @Test
    void refusalsCarryTheHeadersAndCount() {
        Api.client(ip).body("not json").post("/api/chat").then().statusCode(400).body("code", equalTo("invalid_json"))
                .header("X-RateLimit-Limit", "1000").header("X-RateLimit-Remaining", "999")
                .header("X-RateLimit-Reset", notNullValue());
        Api.client(ip).body("{}").post("/api/chat/stream").then().statusCode(400)
                .header("X-RateLimit-Remaining", "998");
        RestAssured.given().header("X-Forwarded-For", ip).get("/api/chat/c_none").then().statusCode(400)
                .header("X-RateLimit-Remaining", "997");
        Api.client(ip).body("nonsense").post("/api/woocommerce/customer-action").then().statusCode(400)
                .header("X-RateLimit-Limit", "500").header("X-RateLimit-Remaining", "499");
        // privacy requests name no session: every answer counts against the address' privacy budget (20)
        Api.client(ip).body("nonsense").post("/api/privacy/export").then().statusCode(400)
                .header("X-RateLimit-Limit", "20").header("X-RateLimit-Remaining", "19");
        Api.client(ip).body("{\"email\":\"a@example.com\"}").post("/api/privacy/delete").then().statusCode(400)
                .header("X-RateLimit-Remaining", "18");
        // A good turn then shows the tighter budget, the session's.
        Api.chat(ip, body("hi")).then().statusCode(200).header("X-RateLimit-Limit", "100")
                .header("X-RateLimit-Remaining", "99");
    }
}
