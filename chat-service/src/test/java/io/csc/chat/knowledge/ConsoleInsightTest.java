package io.csc.chat.knowledge;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.csc.chat.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The console's chat routes against the real database, through the public chat: turns counted per day, the
 * conversations with their redacted transcripts (found by order number), questions the assistant could not answer
 * grouped by meaning, and a store answer written for them used by the assistant from the next message on.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayStub.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleInsightTest {
    static final String ADMIN = "Bearer test-admin-token-0123456789";
    static final String DOMAIN = "chat.console.test";
    static final String OTHER = "chat.console-other.test";

    @InjectGatewayStub
    WireMockServer gateway;

    @Inject
    Pool pool;

    @Inject
    IngestService ingest;

    @BeforeAll
    void indexTheDemoStore() {
        DemoContent.forget(pool, DOMAIN);
        for (String table : List.of("insight_turn_day", "insight_unanswered", "store_answer", "conversation")) {
            pool.preparedQuery("DELETE FROM chat." + table + " WHERE domain = ANY($1)")
                    .execute(Tuple.of(new String[]{DOMAIN, OTHER})).await().indefinitely();
        }
        DemoContent.demoStore(DOMAIN).serve(gateway);
        ingest.reindex(DOMAIN, null).await().indefinitely();
    }

    /** Every operator route of chat-service, with a placeholder id where the path takes one. */
    static final List<String[]> ADMIN_ROUTES = List.of(
            new String[]{"GET", "/api/admin/chat/handoffs?domain=" + DOMAIN},
            new String[]{"POST", "/api/admin/chat/handoffs/h1/answered?domain=" + DOMAIN},
            new String[]{"POST", "/api/admin/chat/knowledge/reindex?domain=" + DOMAIN},
            new String[]{"GET", "/api/admin/chat/knowledge/search?domain=" + DOMAIN + "&q=returns"},
            new String[]{"GET", "/api/admin/chat/stats?domain=" + DOMAIN},
            new String[]{"GET", "/api/admin/chat/conversations?domain=" + DOMAIN},
            new String[]{"GET", "/api/admin/chat/conversations/c1?domain=" + DOMAIN},
            new String[]{"GET", "/api/admin/chat/unanswered?domain=" + DOMAIN},
            new String[]{"GET", "/api/admin/chat/answers?domain=" + DOMAIN},
            new String[]{"POST", "/api/admin/chat/answers?domain=" + DOMAIN},
            new String[]{"GET", "/api/admin/chat/answers/1?domain=" + DOMAIN},
            new String[]{"PUT", "/api/admin/chat/answers/1?domain=" + DOMAIN},
            new String[]{"DELETE", "/api/admin/chat/answers/1?domain=" + DOMAIN});

    /**
     * Every operator route of chat-service as found in its resource classes ({@code @AdminOnly}), so that a route added
     * later (the knowledge index status, the handoff inbox) is covered the day it is added; the list above must be
     * among them.
     */
    static List<String[]> discoveredAdminRoutes() {
        List<io.csc.test.AdminRoutes.Route> found = io.csc.test.AdminRoutes.in("io.csc.chat.api", "1");
        List<String> names = found.stream().map(io.csc.test.AdminRoutes.Route::toString).toList();
        for (String[] known : ADMIN_ROUTES) {
            String path = known[1].replace("/h1/", "/1/").replace("/c1?", "/1?");
            String name = known[0] + " " + path.substring(0, path.indexOf('?'));
            org.junit.jupiter.api.Assertions.assertTrue(names.contains(name), name + " not found among " + names);
        }
        org.junit.jupiter.api.Assertions.assertTrue(names.contains("GET /api/admin/chat/knowledge/reindex"), names.toString());
        return found.stream().map(r -> new String[]{r.method(), r.path() + "?domain=" + DOMAIN}).toList();
    }

    @Test
    void everyAdminRouteRefusesAMissingOrWrongToken() {
        for (String[] route : discoveredAdminRoutes()) {
            for (String token : new String[]{null, "Bearer wrong-token", "Bearer test-admin-token-012345678",
                    "test-admin-token-0123456789", "Basic dGVzdA=="}) {
                var request = RestAssured.given().contentType("application/json")
                        .body("{\"question\":\"q\",\"answer\":\"a\"}");
                if (token != null) {
                    request.header("Authorization", token);
                }
                Response r = request.request(route[0], route[1]);
                assertEquals(401, r.statusCode(), route[0] + " " + route[1] + " with " + token);
                assertFalse(r.asString().contains("\"success\":true"), route[1] + " answered data");
            }
        }
        // and the routes exist: with the token none of them is a 401
        for (String[] route : ADMIN_ROUTES) {
            if (!route[0].equals("GET")) {
                continue;
            }
            int status = RestAssured.given().header("Authorization", ADMIN).get(route[1]).statusCode();
            org.junit.jupiter.api.Assertions.assertTrue(status == 200 || status == 404, route[1] + ": " + status);
        }
    }

    @Test
    void unansweredQuestionsAreGroupedAndAStoreAnswerIsUsedFromTheNextMessageOn() {
        chat("s-dog-1", "Can I bring my dog to your shop?").statusCode(200).body("message", not(containsString("leash")));
        chat("s-dog-2", "can i bring my dog into your shop").statusCode(200);

        Response groups = admin().get("/api/admin/chat/unanswered?domain=" + DOMAIN);
        groups.then().statusCode(200).body("groups", hasSize(1)).body("groups[0].count", equalTo(2))
                .body("groups[0].question", containsString("dog"));
        List<Integer> ids = groups.jsonPath().getList("groups[0].ids");
        // another store sees none of it
        admin().get("/api/admin/chat/unanswered?domain=" + OTHER).then().statusCode(200).body("groups", empty());

        Response created = admin().body(Map.of("question", "Can I bring my dog to your shop?", "answer",
                "Dogs are welcome in our shop, on a leash.", "unansweredIds", ids))
                .post("/api/admin/chat/answers?domain=" + DOMAIN);
        created.then().statusCode(201).body("questionsAnswered", equalTo(2));
        int id = created.jsonPath().getInt("answer.id");
        admin().get("/api/admin/chat/unanswered?domain=" + DOMAIN).then().body("groups", empty());

        chat("s-dog-3", "Are dogs allowed in your shop?").statusCode(200)
                .body("message", containsString("Dogs are welcome in our shop, on a leash."))
                .body("sources[0].title", equalTo("Store answer"));
        // another store's shoppers do not get it
        admin().get("/api/admin/chat/answers?domain=" + OTHER).then().statusCode(200).body("answers", empty());
        admin().get("/api/admin/chat/answers/" + id + "?domain=" + OTHER).then().statusCode(404);

        admin().body(Map.of("question", "Can I bring my dog to your shop?", "answer", "Only guide dogs, sorry."))
                .put("/api/admin/chat/answers/" + id + "?domain=" + DOMAIN).then().statusCode(200)
                .body("answer.answer", equalTo("Only guide dogs, sorry."));
        chat("s-dog-4", "Can I bring my dog to your shop?").statusCode(200)
                .body("message", containsString("Only guide dogs"));
        admin().delete("/api/admin/chat/answers/" + id + "?domain=" + DOMAIN).then().statusCode(204);
        admin().get("/api/admin/chat/answers/" + id + "?domain=" + DOMAIN).then().statusCode(404);
        chat("s-dog-5", "Can I bring my dog to your shop?").statusCode(200).body("message", not(containsString("guide dogs")));

        admin().body(Map.of("question", " ", "answer", "x")).post("/api/admin/chat/answers?domain=" + DOMAIN).then()
                .statusCode(400).body("error", containsString("question"));
        admin().body("{not json").post("/api/admin/chat/answers?domain=" + DOMAIN).then().statusCode(400);
    }

    @Test
    void conversationsAreListedByOrderNumberWithRedactedTranscriptsAndCounted() {
        chat("s-order-1", "Where is my order #7311? my email is jane.doe@example.com").statusCode(200);
        chat("s-order-2", "what is your return policy?").statusCode(200);

        Response list = admin().get("/api/admin/chat/conversations?domain=" + DOMAIN + "&order=7311");
        list.then().statusCode(200).body("conversations", hasSize(1))
                .body("conversations[0].firstMessage", containsString("#7311"))
                .body("conversations[0].firstMessage", not(containsString("jane.doe")));
        String id = list.jsonPath().getString("conversations[0].id");
        admin().get("/api/admin/chat/conversations?domain=" + DOMAIN + "&order=9999").then().body("conversations", empty());

        String transcript = admin().get("/api/admin/chat/conversations/" + id + "?domain=" + DOMAIN).then()
                .statusCode(200).body("messages[0].role", equalTo("user")).body("messages[1].role", equalTo("assistant"))
                .extract().asString();
        assertFalse(transcript.contains("jane.doe@example.com"), "the transcript is redacted");
        admin().get("/api/admin/chat/conversations/" + id + "?domain=" + OTHER).then().statusCode(404)
                .body("code", equalTo("conversation_not_found"));

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        admin().get("/api/admin/chat/stats?domain=" + DOMAIN + "&from=" + today + "&to=" + today).then().statusCode(200)
                .body("days", hasSize(1)).body("totals.builtinTurns", org.hamcrest.Matchers.greaterThanOrEqualTo(2))
                .body("totals.conversations", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        admin().get("/api/admin/chat/stats?domain=" + OTHER).then().statusCode(200).body("totals.turns", equalTo(0))
                .body("days", hasSize(30));

        admin().get("/api/admin/chat/conversations?domain=" + DOMAIN + "&outcome=maybe").then().statusCode(400);
        admin().get("/api/admin/chat/conversations?domain=" + DOMAIN + "&order=abc").then().statusCode(400);
        admin().get("/api/admin/chat/stats?domain=" + DOMAIN + "&from=yesterday").then().statusCode(400)
                .body("error", containsString("YYYY-MM-DD"));
        admin().get("/api/admin/chat/stats?domain=" + DOMAIN + "&from=2026-02-01&to=2026-01-01").then().statusCode(400);
        admin().get("/api/admin/chat/stats?domain=" + DOMAIN + "&from=2020-01-01&to=2026-01-01").then().statusCode(400);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return RestAssured.given().contentType("application/json").header("Authorization", ADMIN);
    }

    private static ValidatableResponse chat(String session, String message) {
        return Api.chat(Api.randomIp(), Map.of("domain", DOMAIN, "session_id", session, "message", message)).then();
    }
}
