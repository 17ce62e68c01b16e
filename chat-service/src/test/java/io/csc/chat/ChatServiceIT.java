package io.csc.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.csc.chat.support.Stubs;
import io.csc.test.PackagedApp;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged chat-service ({@code target/quarkus-app/quarkus-run.jar}), black box, in its production profile: the
 * gateway, verification-service and cart-service are WireMock servers with the shapes of {@link Stubs}; PostgreSQL and
 * Redis are the real local ones. No model key: the built-in assistant answers.
 */
class ChatServiceIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORE = "it-shop.test";
    private static final String ORIGIN = "https://" + STORE;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static WireMockServer gateway;
    private static WireMockServer verification;
    private static WireMockServer cart;
    private static PackagedApp app;

    @BeforeAll
    static void start() throws Exception {
        gateway = server(0);
        verification = server(1);
        cart = server(2);
        Stubs.gateway(gateway);
        Stubs.verification(verification);
        Stubs.cart(cart);

        Map<String, String> env = new HashMap<>();
        env.put("COMMERCE_GATEWAY_URL", gateway.baseUrl());
        env.put("VERIFICATION_SERVICE_URL", verification.baseUrl());
        env.put("CART_SERVICE_URL", cart.baseUrl());
        env.put("INTERNAL_TOKEN", Stubs.TOKEN);
        env.put("ADMIN_TOKEN", "it-admin-token-0123456789");
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", setting("_TEST_QUARKUS_DATASOURCE_REACTIVE_URL",
                "postgresql://127.0.0.1:5432/csc_test"));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", setting("_TEST_QUARKUS_DATASOURCE_JDBC_URL",
                "jdbc:postgresql://127.0.0.1:5432/csc_test"));
        env.put("QUARKUS_REDIS_HOSTS", setting("_TEST_QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:6379"));
        // a shared test database may hold a newer migration of another module's branch
        env.put("QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS", "*:future");
        // the store's pages are not what this test asks about: no re-index at start, no embedding of passages
        env.put("CHAT_KNOWLEDGE_EMBEDDINGS", "false");
        int port = Integer.getInteger("it.chat.port", 0);
        app = PackagedApp.start(port > 0 ? port : PackagedApp.freePort(), env, List.of("OPENAI_API_KEY", "OPENAI_BASE_URL"),
                List.of());
        app.awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        for (WireMockServer s : new WireMockServer[]{gateway, verification, cart}) {
            if (s != null) {
                s.stop();
            }
        }
    }

    @Test
    void healthIsUpWithItsDependencies() throws Exception {
        HttpResponse<String> live = send(HttpRequest.newBuilder(uri("/q/health/live")).GET());
        assertEquals(200, live.statusCode(), live.body());
        HttpResponse<String> ready = send(HttpRequest.newBuilder(uri("/q/health/ready")).GET());
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals("UP", JSON.readTree(ready.body()).path("status").asText(), ready.body());
    }

    @Test
    void aProductQuestionIsAnsweredFromTheStoreAndTheConversationIsKept() throws Exception {
        HttpResponse<String> response = chat("{\"message\": \"do you have a hoodie?\", \"session_id\": \"it-s1\", "
                + "\"domain\": \"" + STORE + "\"}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(ORIGIN, response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        JsonNode body = JSON.readTree(response.body());
        assertTrue(body.path("message").asText().contains("Blue Hoodie"), response.body());
        assertFalse(body.path("verified").asBoolean(true), response.body());
        String conversation = body.path("conversation_id").asText();
        assertTrue(conversation.startsWith("c_"), response.body());

        HttpResponse<String> history = send(HttpRequest.newBuilder(uri("/api/chat/" + conversation + "?session_id=it-s1"))
                .header("Origin", ORIGIN).GET());
        assertEquals(200, history.statusCode(), history.body());
        JsonNode messages = JSON.readTree(history.body()).path("messages");
        assertEquals("do you have a hoodie?", messages.path(0).path("text").asText(), history.body());
        assertEquals(body.path("message").asText(), messages.path(1).path("text").asText(), history.body());
    }

    @Test
    void aBodyPastTheLimitIs413Json() throws Exception {
        String big = "{\"message\": \"" + "a".repeat(70 * 1024) + "\", \"session_id\": \"it-s2\", \"domain\": \""
                + STORE + "\"}";

        HttpResponse<String> response = chat(big);

        assertEquals(413, response.statusCode(), response.body());
        assertError(response, "payload_too_large");
    }

    @Test
    void malformedJsonIs400Json() throws Exception {
        HttpResponse<String> response = chat("{\"message\": \"hi\", \"session_id\": ");

        assertEquals(400, response.statusCode(), response.body());
        assertError(response, "invalid_json");
    }

    @Test
    void anUnknownStoreIs404Json() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/chat"))
                .header("Content-Type", "application/json").header("Origin", "https://unknown-shop.test")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"message\": \"hi\", \"session_id\": \"it-s3\", \"domain\": \"unknown-shop.test\"}")));

        assertEquals(404, response.statusCode(), response.body());
        assertError(response, "tenant_not_found");
    }

    private static void assertError(HttpResponse<String> response, String code) throws Exception {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().map().toString());
        JsonNode body = JSON.readTree(response.body());
        assertFalse(body.path("success").asBoolean(true), response.body());
        assertEquals(code, body.path("code").asText(), response.body());
        // the error shape only: never an exception's text or a stack trace
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), response.body());
    }

    private static HttpResponse<String> chat(String body) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/chat")).header("Content-Type", "application/json")
                .header("Origin", ORIGIN).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(app.baseUrl() + path);
    }

    /**
     * A stub service on a free port; {@code -Dit.chat.port=N} puts the service on N and the stubs on N+1 to N+3 instead
     * (a shared machine where each build keeps to its own ports).
     */
    private static WireMockServer server(int index) {
        int base = Integer.getInteger("it.chat.port", 0);
        WireMockServer s = new WireMockServer((base > 0 ? options().port(base + 1 + index) : options().dynamicPort())
                .bindAddress("127.0.0.1").templatingEnabled(true));
        s.start();
        // chat's readiness asks each service it calls whether it is alive
        s.stubFor(get(urlPathEqualTo("/q/health/live")).atPriority(1).willReturn(okJson("{\"status\": \"UP\"}")));
        return s;
    }

    /** This run's database or Redis (the test profile's variable when the build sets one), else the local default. */
    private static String setting(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }
}
