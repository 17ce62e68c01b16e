package io.csc.chat.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.csc.chat.support.Api;
import io.csc.chat.support.Chats;
import io.csc.chat.support.ServicesResource;
import io.csc.chat.support.Stubs;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Changes are proposed in one turn and executed only by the very next shopper message when it is the proposal's button
 * or a clear yes; any other message withdraws the proposal for good. Every proposal here is made by a real turn, so the
 * state stored with the reply is what the next turn reads.
 */
@QuarkusTest
@QuarkusTestResource(value = ServicesResource.class, restrictToAnnotatedClass = false)
class ConfirmationFlowTest {
    private static final String CANCEL_1001 = "/internal/orders/1001/cancel";

    Chats c;

    @BeforeEach
    void verifiedConversation() {
        ServicesResource.reset();
        c = Chats.open();
        Stubs.grant(ServicesResource.verification, c.conversationId(), Stubs.ALICE, "otp");
    }

    private JsonPath say(Chats chat, String message) {
        return Api.chat(chat.ip(), chat.turn(message)).then().statusCode(200).extract().jsonPath();
    }

    private JsonPath press(Chats chat, String id) {
        Map<String, Object> confirm = chat.turn(null);
        confirm.put("confirm", id);
        return Api.chat(chat.ip(), confirm).then().statusCode(200).extract().jsonPath();
    }

    private String proposeCancel() {
        JsonPath proposed = say(c, "I want to cancel order 1001");
        assertEquals("Cancel order #1001", proposed.getString("ui.confirm.label"), proposed.prettify());
        return proposed.getString("ui.confirm.id");
    }

    private static List<String> proposalStates(String conversationId) {
        List<String> states = new ArrayList<>();
        Arc.container().instance(Pool.class).get()
                .preparedQuery("select state from chat.pending_action where conversation_id = $1 order by created_at")
                .execute(Tuple.of(conversationId)).await().indefinitely().forEach(r -> states.add(r.getString(0)));
        return states;
    }

    private static void cancelled(int times) {
        ServicesResource.gateway.verify(times, postRequestedFor(urlPathEqualTo(CANCEL_1001)));
    }

    @Test
    void theConfirmButtonExecutesTheProposalOnce() {
        String id = proposeCancel();
        cancelled(0);
        assertTrue(press(c, id).getString("message").contains("order #1001 is now cancelled"));
        assertTrue(press(c, id).getString("message").contains("no longer open"));
        ServicesResource.gateway.verify(1, postRequestedFor(urlPathEqualTo(CANCEL_1001))
                .withRequestBody(matchingJsonPath("$.email", equalTo(Stubs.ALICE))));
    }

    @Test
    void aClearYesInTheNextTurnExecutesIt() {
        say(c, "I need to change the shipping address of order 1001");
        JsonPath proposed = say(c, "5 New Street, Springfield, 12345, US");
        assertTrue(proposed.getString("ui.confirm.id") != null, proposed.prettify());
        Api.chat(c.ip(), c.turn("Yes, please!")).then().statusCode(200).body("message", containsString("5 New Street"));
        ServicesResource.gateway.verify(1, putRequestedFor(urlPathEqualTo("/internal/orders/1001/shipping"))
                .withRequestBody(matchingJsonPath("$.address.address1", equalTo("5 New Street"))));
    }

    /** The shopper's report: "wait, I still want it actually", goodbye, a beanie, "yes": nothing may be cancelled. */
    @Test
    void aProposalIsLiveForTheNextMessageOnly() {
        String id = proposeCancel();
        Api.chat(c.ip(), c.turn("wait, I still want it actually")).then().statusCode(200)
                .body("message", containsString("won't make that change")).body("ui", nullValue());
        say(c, "ok thanks, bye");
        say(c, "is the wool beanie in stock?");
        Api.chat(c.ip(), c.turn("yes")).then().statusCode(200).body("message", not(containsString("cancelled")));
        assertTrue(press(c, id).getString("message").contains("no longer open"));
        cancelled(0);
        assertEquals(List.of("dropped"), proposalStates(c.conversationId()));
    }

    @Test
    void anUnrelatedMessageWithdrawsItAndIsAnsweredAsItself() {
        String id = proposeCancel();
        Api.chat(c.ip(), c.turn("yes but what about shipping costs?")).then().statusCode(200)
                .body("message", not(containsString("cancelled")));
        Api.chat(c.ip(), c.turn("yes")).then().statusCode(200).body("message", not(containsString("cancelled")));
        assertTrue(press(c, id).getString("message").contains("no longer open"));
        cancelled(0);
    }

    @Test
    void noDontCancelItNeverCreatesANewProposal() {
        proposeCancel();
        Api.chat(c.ip(), c.turn("no, don't cancel it")).then().statusCode(200)
                .body("message", containsString("won't make that change")).body("ui", nullValue());
        // said again, with no proposal live: still not a request to cancel anything
        Api.chat(c.ip(), c.turn("no, don't cancel it")).then().statusCode(200).body("ui", nullValue());
        Api.chat(c.ip(), c.turn("I said don't cancel order 1001")).then().statusCode(200).body("ui", nullValue());
        Api.chat(c.ip(), c.turn("yes")).then().statusCode(200).body("ui", nullValue());
        assertEquals(List.of("dropped"), proposalStates(c.conversationId()));
        cancelled(0);
    }

    @Test
    void aRefundRequestTakenBackEndsTheTask() {
        JsonPath proposed = say(c, "I want a refund for order 1002");
        assertTrue(proposed.getString("ui.confirm.id") != null, proposed.prettify());
        Api.chat(c.ip(), c.turn("hmm actually never mind, don't send it")).then().statusCode(200)
                .body("message", containsString("won't make that change"))
                .body("message", not(containsString("address")));
        Api.chat(c.ip(), c.turn("ok")).then().statusCode(200).body("message", not(containsString("address")))
                .body("ui", nullValue());
        ServicesResource.gateway.verify(0, postRequestedFor(urlPathMatching("/internal/orders/.*/refund-request")));
    }

    @Test
    void aChangeOfMindBeforeTheCodeAndAfterItProposesNothing() {
        Chats guest = Chats.open(); // no grant: the change needs a code first
        Api.chat(guest.ip(), guest.turn("cancel order 1001, my email is " + Stubs.ALICE)).then().statusCode(200)
                .body("ui.input", org.hamcrest.Matchers.equalTo("code"));
        Api.chat(guest.ip(), guest.turn("never mind, don't cancel it")).then().statusCode(200)
                .body("ui", nullValue());
        // the code typed after all: the shopper is verified, and no cancellation is proposed
        ServicesResource.verification.stubFor(post(urlPathEqualTo("/internal/verification/otp/verify")).atPriority(10)
                .willReturn(okJson("{\"verified\": true, \"attemptsLeft\": 3}")));
        Stubs.grant(ServicesResource.verification, guest.conversationId(), Stubs.ALICE, "otp");
        Api.chat(guest.ip(), guest.turn("123456")).then().statusCode(200).body("message", containsString("verified"))
                .body("ui.confirm", nullValue());
        Api.chat(guest.ip(), guest.turn("yes")).then().statusCode(200).body("ui.confirm", nullValue());
        assertEquals(List.of(), proposalStates(guest.conversationId()));
        cancelled(0);
    }

    @Test
    void aStaleButtonWithdrawsTheLiveProposalToo() {
        String first = proposeCancel();
        Api.chat(c.ip(), c.turn("no")).then().statusCode(200).body("message", containsString("won't make that change"));
        String second = proposeCancel();
        // the first proposal's button, pressed while the second is live: nothing happens, and the second is gone too
        assertTrue(press(c, first).getString("message").contains("no longer open"));
        assertTrue(press(c, second).getString("message").contains("no longer open"));
        cancelled(0);
        assertEquals(List.of("dropped", "dropped"), proposalStates(c.conversationId()));
    }

    @Test
    void anotherConversationCannotConfirmIt() {
        String id = proposeCancel();
        Chats other = Chats.open();
        Stubs.grant(ServicesResource.verification, other.conversationId(), Stubs.ALICE, "otp");
        assertTrue(press(other, id).getString("message").contains("no longer open"));
        cancelled(0);
        // and the proposal's own conversation can still confirm it on its next message
        assertTrue(press(c, id).getString("message").contains("now cancelled"));
        cancelled(1);
    }

    @Test
    void aGrantThatEndedMeanwhileStopsTheExecution() {
        String id = proposeCancel();
        ServicesResource.reset(); // the grant is gone
        assertTrue(press(c, id).getString("message").contains("verify your email again"));
        cancelled(0);
        assertEquals(List.of("dropped"), proposalStates(c.conversationId()));
    }

    @Test
    void aNewProposalIsLiveWhenItsTurnComes() {
        proposeCancel();
        Api.chat(c.ip(), c.turn("no")).then().statusCode(200);
        String again = proposeCancel();
        Api.chat(c.ip(), c.turn("yes")).then().statusCode(200).body("message", containsString("now cancelled"));
        assertEquals(List.of("dropped", "executed"), proposalStates(c.conversationId()));
        cancelled(1);
        assertTrue(press(c, again).getString("message").contains("no longer open"));
        cancelled(1);
    }
}
