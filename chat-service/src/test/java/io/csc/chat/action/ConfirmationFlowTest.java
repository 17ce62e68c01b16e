package io.csc.chat.action;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.csc.chat.support.Api;
import io.csc.chat.support.Chats;
import io.csc.chat.support.ServicesResource;
import io.csc.chat.support.Stubs;
import io.csc.chat.tools.OrderChangeTools;
import io.csc.chat.tools.ToolResult;
import io.csc.model.commerce.Address;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.csc.chat.support.OnVertx.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Changes are proposed by tools and executed only by the shopper's confirmation, in code, once. */
@QuarkusTest
@QuarkusTestResource(value = ServicesResource.class, restrictToAnnotatedClass = false)
class ConfirmationFlowTest {
    @Inject
    OrderChangeTools changes;

    Chats c;

    @BeforeEach
    void verifiedConversation() {
        ServicesResource.reset();
        c = Chats.open();
        Stubs.grant(ServicesResource.verification, c.conversationId(), Stubs.ALICE, "otp");
    }

    @Test
    void theConfirmButtonExecutesTheProposalOnce() {
        ToolResult proposed = await(() -> changes.proposeCancel(c.ctx(), 1001, "changed my mind"));
        assertEquals(ToolResult.Status.PENDING_CONFIRMATION, proposed.status());
        assertNotNull(proposed.ui().confirm());
        assertEquals("Cancel order #1001", proposed.ui().confirm().label());
        ServicesResource.gateway.verify(0, postRequestedFor(urlPathEqualTo("/internal/orders/1001/cancel")));

        Map<String, Object> confirm = c.turn(null);
        confirm.put("confirm", proposed.ui().confirm().id());
        Api.chat(c.ip(), confirm).then().statusCode(200).body("message", containsString("order #1001 is now cancelled"));
        Api.chat(c.ip(), confirm).then().statusCode(200).body("message", containsString("no longer open"));
        ServicesResource.gateway.verify(1, postRequestedFor(urlPathEqualTo("/internal/orders/1001/cancel"))
                .withRequestBody(matchingJsonPath("$.email", equalTo(Stubs.ALICE))));
    }

    @Test
    void aClearYesInTheNextTurnExecutesIt() {
        Address address = new Address("Alice", "Johnson", null, "5 New Street", null, "Springfield", null, "12345", "US", null);
        ToolResult proposed = await(() -> changes.proposeAddressChange(c.ctx(), 1001, address));
        assertEquals(ToolResult.Status.PENDING_CONFIRMATION, proposed.status());
        Api.chat(c.ip(), c.turn("Yes, please!")).then().statusCode(200).body("message", containsString("5 New Street"));
        ServicesResource.gateway.verify(1, putRequestedFor(urlPathEqualTo("/internal/orders/1001/shipping"))
                .withRequestBody(matchingJsonPath("$.address.address1", equalTo("5 New Street"))));
    }

    @Test
    void aNoDropsItAndAnythingElseLeavesItUntouched() {
        await(() -> changes.proposeRefund(c.ctx(), 1002, "broken"));
        Api.chat(c.ip(), c.turn("yes but what about shipping costs?")).then().statusCode(200);
        ServicesResource.gateway.verify(0, postRequestedFor(urlPathMatching("/internal/orders/.*/refund-request")));
        Api.chat(c.ip(), c.turn("no thanks")).then().statusCode(200).body("message", containsString("won't make that change"));
        Api.chat(c.ip(), c.turn("yes")).then().statusCode(200);
        ServicesResource.gateway.verify(0, postRequestedFor(urlPathMatching("/internal/orders/.*/refund-request")));
    }

    @Test
    void anotherConversationCannotConfirmIt() {
        ToolResult proposed = await(() -> changes.proposeCancel(c.ctx(), 1001, null));
        Chats other = Chats.open();
        Stubs.grant(ServicesResource.verification, other.conversationId(), Stubs.ALICE, "otp");
        Map<String, Object> confirm = other.turn(null);
        confirm.put("confirm", proposed.ui().confirm().id());
        Api.chat(other.ip(), confirm).then().statusCode(200).body("message", containsString("no longer open"));
        ServicesResource.gateway.verify(0, postRequestedFor(urlPathEqualTo("/internal/orders/1001/cancel")));
    }

    @Test
    void aGrantThatEndedMeanwhileStopsTheExecution() {
        ToolResult proposed = await(() -> changes.proposeCancel(c.ctx(), 1001, null));
        ServicesResource.reset(); // the grant is gone
        Map<String, Object> confirm = c.turn(null);
        confirm.put("confirm", proposed.ui().confirm().id());
        Api.chat(c.ip(), confirm).then().statusCode(200).body("message", containsString("verify your email again"));
        ServicesResource.gateway.verify(0, postRequestedFor(urlPathEqualTo("/internal/orders/1001/cancel")));
    }
}
