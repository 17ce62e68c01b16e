package io.csc.verification.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.csc.verification.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

import static io.csc.test.GatewayStubs.ALICE;
import static io.csc.test.GatewayStubs.BOB;
import static io.csc.test.GatewayStubs.CAROL_GUEST;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SimpleVerificationTest {
    @Inject
    CircuitBreakerMaintenance breakers;

    String domain;

    @BeforeEach
    void freshStore() {
        breakers.resetAll();
        domain = Api.freshDomain();
    }

    @Test
    void emailOwningTheOrderIsFullAndCreatesAGrant() {
        String conversation = Api.freshConversation();
        simple(conversation, ALICE, "47", null).statusCode(200).body("level", equalTo("full"));

        Api.internal().get("/internal/verification/{id}", conversation).then().statusCode(200)
                .body("conversationId", equalTo(conversation))
                .body("domain", equalTo(domain))
                .body("email", equalTo(ALICE))
                .body("level", equalTo("full"))
                .body("method", equalTo("simple"))
                .body("expiresAt", notNullValue());
    }

    @Test
    void orderNumberWithHashAndMixedCaseEmailStillMatch() {
        simple(Api.freshConversation(), "Alice.Johnson@Example.COM", " #47 ", null).statusCode(200)
                .body("level", equalTo("full"));
    }

    @Test
    void guestWhoseBillingEmailIsOnTheOrderIsFull() {
        simple(Api.freshConversation(), CAROL_GUEST, "52", null).statusCode(200).body("level", equalTo("full"));
    }

    /** Issue 7.5: the name is guessable from the address (alice.johnson@...), so it adds nothing beyond partial. */
    @Test
    void emailAndFullNameOfARegisteredCustomerIsOnlyPartial() {
        String conversation = Api.freshConversation();
        simple(conversation, ALICE, null, "  alice   JOHNSON ").statusCode(200).body("level", equalTo("partial"));
        simple(conversation, ALICE, null, "Alice Johnson").statusCode(200).body("level", equalTo("partial"));
        simple(Api.freshConversation(), ALICE, "999", "Alice Johnson").statusCode(200).body("level", equalTo("partial"));
        Api.internal().get("/internal/verification/{id}", conversation).then().statusCode(200)
                .body("level", equalTo("partial"));
    }

    @Test
    void emailAloneIsNeverFull() {
        String conversation = Api.freshConversation();
        simple(conversation, ALICE, null, null).statusCode(200).body("level", equalTo("partial"));
        Api.internal().get("/internal/verification/{id}", conversation).then().statusCode(200)
                .body("level", equalTo("partial"));
    }

    @Test
    void wrongNameOrSomeoneElsesOrderIsPartialAndTheAnswersAreIdentical() {
        String wrongName = simple(Api.freshConversation(), ALICE, null, "Alice Smith").statusCode(200).extract().asString();
        String firstNameOnly = simple(Api.freshConversation(), ALICE, null, "Alice").statusCode(200).extract().asString();
        String othersOrder = simple(Api.freshConversation(), BOB, "47", null).statusCode(200).extract().asString();
        String unknownOrder = simple(Api.freshConversation(), ALICE, "999", null).statusCode(200).extract().asString();
        String garbageOrder = simple(Api.freshConversation(), ALICE, "ORD-47", null).statusCode(200).extract().asString();

        assertEquals("{\"level\":\"partial\"}", wrongName);
        assertEquals(wrongName, firstNameOnly);
        assertEquals(wrongName, othersOrder);
        assertEquals(wrongName, unknownOrder);
        assertEquals(wrongName, garbageOrder);
    }

    @Test
    void unknownEmailOrNoEmailIsNoneAndCreatesNoGrant() {
        String conversation = Api.freshConversation();
        simple(conversation, "nobody@example.com", "47", "Alice Johnson").statusCode(200).body("level", equalTo("none"));
        simple(conversation, null, "47", "Alice Johnson").statusCode(200).body("level", equalTo("none"));
        Api.internal().get("/internal/verification/{id}", conversation).then().statusCode(404)
                .body("code", equalTo("grant_not_found"));
    }

    @Test
    void unknownStoreIs404() {
        domain = "unknown-" + Api.freshDomain();
        simple(Api.freshConversation(), ALICE, "47", null).statusCode(404).body("code", equalTo("tenant_not_found"));
    }

    @Test
    void gatewayDownIs503Json() {
        domain = "down-" + Api.freshDomain();
        simple(Api.freshConversation(), ALICE, "47", null).statusCode(503).contentType(ContentType.JSON)
                .body("success", equalTo(false))
                .body("code", equalTo("gateway_unavailable"));
    }

    @Test
    void attemptsPerConversationAreCapped() {
        String conversation = Api.freshConversation();
        for (int i = 0; i < 10; i++) {
            simple(conversation, ALICE, Integer.toString(100 + i), null).statusCode(200).body("level", equalTo("partial"));
        }
        simple(conversation, ALICE, "47", null).statusCode(429).contentType(ContentType.JSON)
                .header("Retry-After", notNullValue())
                .body("code", equalTo("too_many_attempts"));
    }

    @Test
    void badInputIs400Json() {
        Api.internal().body(Map.of("conversationId", "c1", "domain", domain, "email", "not-an-email"))
                .post("/internal/verification/simple").then().statusCode(400).contentType(ContentType.JSON)
                .body("code", equalTo("invalid_request")).body("error", containsString("email"));
        Api.internal().body(Map.of("domain", domain, "email", ALICE))
                .post("/internal/verification/simple").then().statusCode(400).body("code", equalTo("invalid_request"));
        Api.internal().body(Map.of("conversationId", "has spaces*", "domain", domain))
                .post("/internal/verification/simple").then().statusCode(400).body("code", equalTo("invalid_request"));
        Api.internal().body("{not json").post("/internal/verification/simple").then().statusCode(400)
                .body("code", equalTo("invalid_json"));
        Api.internal().get("/internal/verification/{id}", "bad*id").then().statusCode(400).contentType(ContentType.JSON)
                .body("code", equalTo("invalid_request"));
        Api.internal().delete("/internal/verification/{id}", "bad*id").then().statusCode(400)
                .body("code", equalTo("invalid_request"));
        Api.internal().post("/internal/verification/otp/verify").then().statusCode(400).contentType(ContentType.JSON);
    }

    @Test
    void withoutTheInternalTokenIs401() {
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("conversationId", "c1", "domain", domain, "email", ALICE))
                .post("/internal/verification/simple").then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    private ValidatableResponse simple(String conversation, String email, String orderNumber, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conversationId", conversation);
        body.put("domain", domain);
        body.put("email", email);
        body.put("orderNumber", orderNumber);
        body.put("name", name);
        return Api.internal().body(body).post("/internal/verification/simple").then();
    }
}
