package io.csc.verification.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.csc.model.verification.VerificationLevel;
import io.csc.model.verification.VerificationMethod;
import io.csc.test.TestClock;
import io.csc.verification.grant.GrantService;
import io.csc.verification.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

import static io.csc.test.GatewayStubs.ALICE;
import static io.csc.test.GatewayStubs.BOB;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class GrantTest {
    @Inject
    TestClock clock;

    @Inject
    GrantService grants;

    @Inject
    CircuitBreakerMaintenance breakers;

    String domain;

    @BeforeEach
    void fresh() {
        breakers.resetAll();
        domain = Api.freshDomain();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void grantsAreNeverSharedAcrossConversations() {
        String mine = Api.freshConversation();
        String other = Api.freshConversation();
        simple(mine, ALICE, "47").body("level", equalTo("full"));
        grant(mine).statusCode(200).body("email", equalTo(ALICE));
        grant(other).statusCode(404).body("code", equalTo("grant_not_found"));
        simple(other, BOB, null).body("level", equalTo("partial"));
        grant(mine).statusCode(200).body("email", equalTo(ALICE)).body("level", equalTo("full"));
        grant(other).statusCode(200).body("email", equalTo(BOB)).body("level", equalTo("partial"));
    }

    @Test
    void aGrantIsReplacedWhenTheEmailChangesAndDroppedWhenTheNewOneFails() {
        String conversation = Api.freshConversation();
        simple(conversation, ALICE, "47").body("level", equalTo("full"));
        simple(conversation, BOB, null).body("level", equalTo("partial"));
        grant(conversation).statusCode(200).body("email", equalTo(BOB)).body("level", equalTo("partial"));
        simple(conversation, "nobody@example.com", null).body("level", equalTo("none"));
        grant(conversation).statusCode(404);
    }

    @Test
    void aWeakerResultForTheSameEmailKeepsTheStrongerGrant() {
        String conversation = Api.freshConversation();
        simple(conversation, ALICE, "47").body("level", equalTo("full"));
        simple(conversation, ALICE, null).body("level", equalTo("partial"));
        grant(conversation).statusCode(200).body("level", equalTo("full"));
    }

    @Test
    void aGrantEndsAfterTheIdleTimeoutAndReadsExtendIt() {
        String conversation = Api.freshConversation();
        simple(conversation, ALICE, "47");
        clock.advance(Duration.ofHours(23));
        grant(conversation).statusCode(200);
        clock.advance(Duration.ofHours(23));
        grant(conversation).statusCode(200);
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        grant(conversation).statusCode(404);
    }

    @Test
    void endingTheConversationEndsTheGrant() {
        String conversation = Api.freshConversation();
        simple(conversation, ALICE, "47");
        Api.internal().delete("/internal/verification/{id}", conversation).then().statusCode(204);
        grant(conversation).statusCode(404);
        Api.internal().delete("/internal/verification/{id}", conversation).then().statusCode(204);
    }

    @Test
    void theGrantAnswersOnlyForItsStoreWhenAsked() {
        String conversation = Api.freshConversation();
        simple(conversation, ALICE, "47");
        Api.internal().queryParam("domain", domain).get("/internal/verification/{id}", conversation).then().statusCode(200);
        Api.internal().queryParam("domain", "other-store.example.com").get("/internal/verification/{id}", conversation)
                .then().statusCode(404);
    }

    @Test
    void consentIsRecordedWithTheGrant() {
        String conversation = Api.freshConversation();
        Api.internal().body(Map.of("textVersion", "2026-11-v1"))
                .post("/internal/verification/{id}/consent", conversation).then().statusCode(201)
                .body("conversationId", equalTo(conversation))
                .body("textVersion", equalTo("2026-11-v1"))
                .body("consentedAt", notNullValue());
        simple(conversation, ALICE, "47");
        grant(conversation).statusCode(200)
                .body("consent.textVersion", equalTo("2026-11-v1"))
                .body("consent.consentedAt", notNullValue());

        String without = Api.freshConversation();
        simple(without, ALICE, "47");
        grant(without).statusCode(200).body("consent", nullValue());

        Api.internal().body(Map.of("textVersion", "")).post("/internal/verification/{id}/consent", conversation).then()
                .statusCode(400).body("code", equalTo("invalid_request"));
    }

    @Test
    @RunOnVertxContext
    void thePurgeRemovesExpiredGrants(UniAsserter asserter) {
        String conversation = Api.freshConversation();
        asserter.execute(() -> grants.record(conversation, domain, ALICE,
                VerificationLevel.FULL, VerificationMethod.OTP));
        asserter.execute(() -> clock.advance(Duration.ofHours(25)));
        asserter.assertThat(() -> grants.purgeExpired(), removed -> assertTrue(removed >= 1));
        asserter.execute(() -> clock.reset());
        asserter.assertThat(() -> grants.find(conversation, null),
                found -> assertTrue(found.isEmpty()));
    }

    private ValidatableResponse grant(String conversation) {
        return Api.internal().get("/internal/verification/{id}", conversation).then();
    }

    private ValidatableResponse simple(String conversation, String email, String order) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conversationId", conversation);
        body.put("domain", domain);
        body.put("email", email);
        body.put("orderNumber", order);
        return Api.internal().body(body).post("/internal/verification/simple").then().statusCode(200);
    }
}
