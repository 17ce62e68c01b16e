package io.csc.chat.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.csc.chat.support.Api;
import io.csc.chat.support.ServicesResource;
import io.csc.chat.support.Stubs;
import io.csc.web.RateLimiter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = ServicesResource.class, restrictToAnnotatedClass = false)
class ChatRoutesTest {
    @Inject
    RateLimiter limiter;

    String ip;
    String domain;
    String session;

    @BeforeEach
    void fresh() {
        ServicesResource.reset();
        ip = Api.randomIp();
        domain = Api.randomDomain();
        session = Api.session();
    }

    private Map<String, Object> body(String message) {
        Map<String, Object> body = new HashMap<>();
        body.put("message", message);
        body.put("session_id", session);
        body.put("domain", domain);
        return body;
    }

    @Test
    void turnAnswersTheSpecShapeAndContinuesTheConversation() {
        Response first = Api.chat(ip, body("Hello there"));
        first.then().statusCode(200)
                .body("message", notNullValue())
                .body("conversation_id", matchesPattern("c_[A-Za-z0-9_-]{24}"))
                .body("verified", equalTo(false))
                .header("X-RateLimit-Limit", "100")
                .header("X-RateLimit-Remaining", "99")
                .header("X-RateLimit-Reset", notNullValue());
        String id = first.path("conversation_id");

        Map<String, Object> next = body("Second message");
        next.put("conversation_id", id);
        Api.chat(ip, next).then().statusCode(200).body("conversation_id", equalTo(id));

        RestAssured.given().queryParam("session_id", session).get("/api/chat/" + id).then().statusCode(200)
                .body("messages.size()", equalTo(4))
                .body("messages[0].role", equalTo("user"))
                .body("messages[0].text", equalTo("Hello there"))
                .body("messages[1].role", equalTo("assistant"));
    }

    @Test
    void anotherSessionCannotReadOrContinueAConversation() {
        String id = Api.chat(ip, body("My email is alice@example.com and my phone +1 555 123 4567")).path("conversation_id");

        RestAssured.given().queryParam("session_id", "someone-else").get("/api/chat/" + id).then().statusCode(404)
                .body("success", equalTo(false)).body("code", equalTo("conversation_not_found"));
        RestAssured.given().queryParam("session_id", session).get("/api/chat/" + id).then().statusCode(200)
                .body("messages[0].text", equalTo("My email is [email] and my phone [phone]"));

        Map<String, Object> hijack = body("What did I say?");
        hijack.put("session_id", "someone-else");
        hijack.put("conversation_id", id);
        String other = Api.chat(ip, hijack).then().statusCode(200).extract().path("conversation_id");
        assertNotEquals(id, other, "a foreign session must get a new conversation, never the existing one");
    }

    @Test
    void messageLongerThan2000CharactersIs413() {
        Api.chat(ip, body("a".repeat(2000))).then().statusCode(200);
        Api.chat(ip, body("a".repeat(2001))).then().statusCode(413)
                .body("success", equalTo(false)).body("code", equalTo("message_too_long"));
    }

    static List<Object[]> badInputs() {
        return List.of(
                new Object[]{"{}", 400, "invalid_domain"},
                new Object[]{"{\"message\":\"hi\",\"domain\":\"shop.test\"}", 400, "invalid_request"},
                new Object[]{"{\"message\":\"hi\",\"session_id\":\"s1\"}", 400, "invalid_domain"},
                new Object[]{"{\"message\":\"\",\"session_id\":\"s1\",\"domain\":\"shop.test\"}", 400, "invalid_request"},
                new Object[]{"{\"message\":\"hi\",\"session_id\":\"s 1\",\"domain\":\"shop.test\"}", 400, "invalid_request"},
                new Object[]{"{\"message\":\"hi\",\"session_id\":\"s1\",\"domain\":\"not a domain\"}", 400, "invalid_domain"},
                new Object[]{
                        "{\"message\":\"hi\",\"session_id\":\"s1\",\"domain\":\"shop.test\",\"context\":{\"page\":{\"type\":\"evil\"}}}",
                        400, "invalid_request"},
                new Object[]{"{\"message\": 5, \"session_id\": [], \"domain\": {}}", 400, "invalid_json"},
                new Object[]{"not json", 400, "invalid_json"},
                new Object[]{"[1,2]", 400, "invalid_json"},
                new Object[]{"{\"message\":\"hi\",\"session_id\":\"s1\",\"domain\":\"unknown-shop.test\"}", 404,
                        "tenant_not_found"},
                new Object[]{"{\"message\":\"hi\",\"session_id\":\"s1\",\"domain\":\"disabled-shop.test\"}", 503,
                        "store_disabled"},
                new Object[]{"{\"message\":\"hi\",\"session_id\":\"s1\",\"domain\":\"down-shop.test\"}", 503,
                        "gateway_unavailable"});
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsAJsonError(String raw, int status, String code) {
        Api.client(ip).body(raw).post("/api/chat").then().statusCode(status)
                .body("success", equalTo(false)).body("code", equalTo(code)).body("error", notNullValue())
                .body(not(containsString("Exception")));
    }

    @Test
    void corsAllowsOnlyTheStoresOrigins() {
        Api.client(ip).header("Origin", "https://" + domain).body(body("hi")).post("/api/chat").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://" + domain)
                .header("Access-Control-Expose-Headers", containsString("X-RateLimit-Remaining"));
        Api.client(ip).header("Origin", "https://evil.test").body(body("hi")).post("/api/chat").then().statusCode(403)
                .body("code", equalTo("origin_not_allowed"))
                .header("Access-Control-Allow-Origin", nullValue());

        RestAssured.given().header("Origin", "https://" + domain).header("Access-Control-Request-Method", "POST")
                .queryParam("domain", domain).options("/api/chat").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://" + domain)
                .header("Access-Control-Allow-Methods", containsString("POST"));
        RestAssured.given().header("Origin", "https://evil.test").header("Access-Control-Request-Method", "POST")
                .queryParam("domain", domain).options("/api/chat").then().statusCode(204)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void rateLimitIs100TurnsPerSessionPerHourThen429WithRetryAfter() {
        // 98 turns counted straight in Redis (the same counters the route uses), then two real ones
        for (int i = 0; i < 98; i++) {
            limiter.hit("chat", PublicEdge.sessionKey(domain, session), 100, Duration.ofHours(1)).await().indefinitely();
        }
        Api.client(ip).body(body(null)).post("/api/chat/start").then().statusCode(200).header("X-RateLimit-Remaining", "1");
        Api.chat(ip, body("hi")).then().statusCode(200).header("X-RateLimit-Remaining", "0");
        Api.client(ip).body(body("hi")).post("/api/chat").then().statusCode(429)
                .body("code", equalTo("rate_limited"))
                .header("Retry-After", notNullValue())
                .header("X-RateLimit-Remaining", "0");
        // another session is not affected, on this address or another
        session = Api.session();
        Api.client(ip).body(body("hi")).post("/api/chat").then().statusCode(200);
        Api.client(Api.randomIp()).body(body("hi")).post("/api/chat").then().statusCode(200);
    }

    @Test
    void startGreetsBySegmentAndPromptsForAnAbandonedCart() {
        Map<String, Object> vip = body(null);
        vip.put("context", Map.of("userData", Map.of("customerGroup", "vip", "displayName", "Ada", "isLoggedIn", true)));
        Api.client(ip).body(vip).post("/api/chat/start").then().statusCode(200)
                .body("message",
                        equalTo("Welcome back, Ada! As a VIP customer, you have priority support. How can I assist you today?"))
                .body("abandonedCart", equalTo(false))
                .body("conversation_id", notNullValue());

        Stubs.cartOf(ServicesResource.cart, session, true, 2);
        Api.client(ip).body(vip).post("/api/chat/start").then().statusCode(200)
                .body("message", equalTo("I noticed you have items in your cart. Need help?"))
                .body("abandonedCart", equalTo(true));
    }

    @Test
    void startResumesTheSessionsConversation() {
        String id = Api.client(ip).body(body(null)).post("/api/chat/start").then().statusCode(200).extract()
                .path("conversation_id");
        Map<String, Object> again = body(null);
        again.put("conversation_id", id);
        Api.client(ip).body(again).post("/api/chat/start").then().statusCode(200)
                .body("conversation_id", equalTo(id)).body("resumed", equalTo(true));
        List<Object> messages = RestAssured.given().queryParam("session_id", session).get("/api/chat/" + id).path("messages");
        assertEquals(1, messages.size(), "a resumed conversation is not greeted twice in its history");
    }

    @Test
    void streamSendsDeltasThenTheWholeResponse() {
        String sse = Api.client(ip).accept("text/event-stream").body(body("Hello")).post("/api/chat/stream").then()
                .statusCode(200).extract().asString();
        assertTrue(sse.contains("event:delta") || sse.contains("event: delta"), sse);
        int done = sse.indexOf("done");
        assertTrue(done > sse.indexOf("delta"), "the final event comes after the deltas: " + sse);
        assertTrue(sse.substring(done).contains("\"conversation_id\":\"c_"), sse);
    }

    @Test
    void streamRefusalsAreJsonErrorsWithStatus() {
        Map<String, Object> unknown = body("hi");
        unknown.put("domain", "unknown-x.test");
        Api.client(ip).accept("text/event-stream").body(unknown).post("/api/chat/stream").then().statusCode(404)
                .body("code", equalTo("tenant_not_found"));
        Api.client(ip).accept("text/event-stream").body(body("a".repeat(2001))).post("/api/chat/stream").then().statusCode(413)
                .body("code", equalTo("message_too_long"));
    }

    @Test
    void historyNeedsASessionId() {
        RestAssured.get("/api/chat/c_whatever").then().statusCode(400).body("code", equalTo("invalid_request"))
                .body("$", hasKey("error"));
    }
}
