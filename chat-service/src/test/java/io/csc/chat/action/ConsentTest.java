package io.csc.chat.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.csc.chat.support.Api;
import io.csc.chat.support.Chats;
import io.csc.chat.support.ServicesResource;
import io.csc.chat.support.Stubs;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The spec's consent question (GDPR "Consent Management"): before a guest's email address is used to find their orders,
 * the assistant asks, and nothing reaches verification-service until the shopper agrees; the agreement is recorded
 * there with the question's version, and the message that led to the question is then answered.
 */
@QuarkusTest
@TestProfile(ConsentTest.ConsentRequired.class)
@QuarkusTestResource(value = ServicesResource.class, restrictToAnnotatedClass = false)
class ConsentTest {
    static final String QUESTION = "To access your order information, we need your consent to process your email address."
            + " Do you consent?";

    public static class ConsentRequired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chat.consent-required", "true");
        }
    }

    @BeforeEach
    void reset() {
        ServicesResource.reset();
        ServicesResource.verification.stubFor(post(urlPathMatching("/internal/verification/[^/]+/consent")).atPriority(10)
                .willReturn(okJson(
                        "{\"conversationId\": \"x\", \"textVersion\": \"v1\", \"consentedAt\": \"2026-11-26T10:00:00Z\"}")));
    }

    private static void matches(String conversationId) {
        ServicesResource.verification.stubFor(post(urlPathEqualTo("/internal/verification/simple")).atPriority(10)
                .withRequestBody(matchingJsonPath("$.orderNumber", WireMock.equalTo("1001")))
                .willReturn(okJson("{\"level\": \"full\"}")));
        // the grant the match makes (answered from now on; chat-service asks once it has started verification)
        Stubs.grantAnswer(ServicesResource.verification, conversationId, Stubs.ALICE, "simple");
    }

    /** For each consent question of the conversation: whether the shopper's message is still kept with it. */
    private static List<Boolean> keptMessages(String conversationId) {
        List<Boolean> kept = new ArrayList<>();
        Arc.container().instance(Pool.class).get()
                .preparedQuery("select payload is not null from chat.pending_action where conversation_id = $1"
                        + " and kind = 'consent'")
                .execute(Tuple.of(conversationId)).await().indefinitely().forEach(r -> kept.add(r.getBoolean(0)));
        return kept;
    }

    @Test
    void theEmailIsUsedOnlyAfterTheShopperAgreesAndThenTheQuestionIsAnswered() {
        Chats c = Chats.open();
        JsonPath asked = Api.chat(c.ip(), c.turn("What's the status of order #1001? My email is " + Stubs.ALICE)).then()
                .statusCode(200).body("message", equalTo(QUESTION)).body("ui.confirm.label", equalTo("I consent"))
                .body("ui.confirm.decline", equalTo("No, thanks"))
                .body("verified", equalTo(false)).extract().jsonPath();
        ServicesResource.verification.verify(0, postRequestedFor(urlPathEqualTo("/internal/verification/simple")));
        // what is stored of the conversation never holds the email, not even while the question waits
        Api.client(c.ip()).get("/api/chat/" + c.conversationId() + "?session_id=" + c.session()).then().statusCode(200)
                .body(not(containsString(Stubs.ALICE)));

        // the message is kept with the question (it holds the email the answer needs), only while it waits
        assertEquals(List.of(true), keptMessages(c.conversationId()));

        matches(c.conversationId());
        Map<String, Object> agree = c.turn(null);
        agree.put("confirm", asked.getString("ui.confirm.id"));
        Api.chat(c.ip(), agree).then().statusCode(200).body("message", containsString("#1001"))
                .body("message", containsString("processing")).body("verified", equalTo(true));
        ServicesResource.verification.verify(1, postRequestedFor(urlPathEqualTo("/internal/verification/simple"))
                .withRequestBody(matchingJsonPath("$.email", WireMock.equalTo(Stubs.ALICE))));
        assertEquals(List.of(false), keptMessages(c.conversationId()));
        ServicesResource.verification.verify(1,
                postRequestedFor(urlPathEqualTo("/internal/verification/" + c.conversationId() + "/consent"))
                        .withRequestBody(matchingJsonPath("$.textVersion", WireMock.equalTo("v1"))));

        // asked once per conversation: the next order is looked up without asking again
        Api.chat(c.ip(), c.turn("and order 1001 again please")).then().statusCode(200)
                .body("message", not(containsString("consent")));
        Api.chat(c.ip(), agree).then().statusCode(200).body("message", containsString("already"));
        ServicesResource.verification.verify(1, postRequestedFor(urlPathMatching("/internal/verification/.*/consent")));
    }

    @Test
    void aTypedYesAgreesAndANoLeavesTheEmailUnused() {
        Chats yes = Chats.open();
        Api.chat(yes.ip(), yes.turn("please send me a code, I want to see my recent orders: " + Stubs.ALICE)).then()
                .statusCode(200).body("message", equalTo(QUESTION));
        ServicesResource.verification.verify(0, postRequestedFor(urlPathEqualTo("/internal/verification/otp/send")));
        Api.chat(yes.ip(), yes.turn("Yes, I consent")).then().statusCode(200).body("message", containsString("6-digit code"))
                .body("ui.input", equalTo("code"));
        ServicesResource.verification.verify(1, postRequestedFor(urlPathEqualTo("/internal/verification/otp/send"))
                .withRequestBody(matchingJsonPath("$.email", WireMock.equalTo(Stubs.ALICE))));

        Chats no = Chats.open();
        Api.chat(no.ip(), no.turn("where is my order 1001? " + Stubs.ALICE)).then().statusCode(200)
                .body("message", equalTo(QUESTION));
        Api.chat(no.ip(), no.turn("no")).then().statusCode(200)
                .body("message", containsString("I won't use your email address"));
        ServicesResource.verification.verify(0, postRequestedFor(urlPathEqualTo("/internal/verification/simple")));
        assertEquals(List.of(false), keptMessages(no.conversationId()));
        String consentOfNo = "/internal/verification/" + no.conversationId() + "/consent";
        ServicesResource.verification.verify(0, postRequestedFor(urlPathEqualTo(consentOfNo)));
        // a later yes has nothing to agree to any more
        Api.chat(no.ip(), no.turn("yes")).then().statusCode(200).body("message", not(equalTo(QUESTION)));
        ServicesResource.verification.verify(0, postRequestedFor(urlPathEqualTo(consentOfNo)));
    }
}
