package io.csc.chat.llm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.csc.chat.turn.Assistant;
import io.csc.chat.turn.AssistantReply;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.csc.chat.llm.OpenAiStubs.toolThenAnswer;
import static io.csc.chat.llm.OpenAiStubs.wm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hostile model against chat-core's real gate and tools (their peers stubbed at the internal API): whatever the
 * model asks for, the gateway is asked with the verified email only, and a change is only ever a pending action.
 */
@QuarkusTest
@TestProfile(LlmModeProfile.class)
class LlmGateTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String EMAIL = "ann@example.com";

    @Inject
    @Named("llm")
    Assistant llm;
    @Inject
    AgroalDataSource db;

    @BeforeEach
    void reset() {
        wm().resetAll();
    }

    /** The conversation's grant: Ann proved her mailbox with a one-time code. */
    private static void verifiedByCode(String conv) {
        wm().stubFor(get(urlPathEqualTo("/internal/verification/" + conv)).willReturn(okJson("""
                {"conversationId":"%s","domain":"shop.example","email":"%s","level":"full","method":"otp",
                 "verifiedAt":"2026-11-25T10:00:00Z","expiresAt":"2099-01-01T00:00:00Z","consent":null}
                """.formatted(conv, EMAIL))));
    }

    private static String order(long id, String status) {
        return """
                {"id":%d,"number":"%d","status":"%s","currency":"USD","total":"59.90","shippingTotal":"5.00",
                 "dateCreated":"2026-11-20T09:15:00","dateCompleted":null,"paymentMethodTitle":"Card",
                 "lineItems":[{"productId":31,"variationId":0,"name":"Blue Hoodie","sku":"HOOD-BLUE","quantity":1,"total":"54.90"}],
                 "shipping":{"firstName":"Ann","lastName":"Lee","company":null,"address1":"12 Elm Street","address2":null,
                   "city":"Springfield","state":"IL","postcode":"62704","country":"US","phone":null},
                 "tracking":[],"refunds":[],"cancellable":true}
                """
                .formatted(id, id, status);
    }

    @Test
    void model_asking_for_another_customers_order_is_refused_by_the_gateway_gate() throws Throwable {
        String conv = LlmAssistantTest.newConversation();
        insertConversation(conv);
        verifiedByCode(conv);
        wm().stubFor(get(urlPathEqualTo("/internal/orders/5678")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"error\":\"Not your order\",\"code\":\"order_not_owned\"}")));
        toolThenAnswer("orderStatus", "{\"orderNumber\":5678}", "Order 5678 is processing and ships to 9 Oak Road.");

        AssistantReply reply = VertxContextSupport
                .subscribeAndAwait(() -> llm.reply(LlmAssistantTest.turn(conv, "what about order 5678?")));

        assertEquals("refused", reply.outcome());
        assertFalse(reply.message().contains("processing"), reply.message());
        assertFalse(reply.message().contains("Oak"), reply.message());
        // the gateway was asked with the verified email, nothing the model said
        wm().verify(getRequestedFor(urlPathEqualTo("/internal/orders/5678")).withQueryParam("email", equalTo(EMAIL))
                .withQueryParam("domain", equalTo("shop.example")));
    }

    @Test
    void model_claiming_a_cancellation_leaves_a_pending_action_and_the_order_untouched() throws Throwable {
        String conv = LlmAssistantTest.newConversation();
        insertConversation(conv);
        verifiedByCode(conv);
        wm().stubFor(get(urlPathEqualTo("/internal/orders/1234")).willReturn(okJson(order(1234, "processing"))));
        toolThenAnswer("requestCancellation", "{\"orderNumber\":1234,\"reason\":\"too slow\"}",
                "All done: order 1234 has been cancelled and refunded.");

        AssistantReply reply = VertxContextSupport
                .subscribeAndAwait(() -> llm.reply(LlmAssistantTest.turn(conv, "cancel order 1234, it is too slow")));

        assertNotNull(reply.ui().confirm(), "the shopper is asked to confirm");
        assertTrue(reply.message().contains("Please confirm"), reply.message());
        assertFalse(reply.message().contains("has been cancelled"), reply.message());
        // nothing was sent to change the order
        wm().verify(0, postRequestedFor(urlPathMatching("/internal/orders/.*")));
        wm().verify(0, putRequestedFor(anyUrl()));
        assertEquals("pending", pendingActionState(conv, reply.ui().confirm().id()));
    }

    private void insertConversation(String conv) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "insert into chat.conversation (id, domain, session_id, created_at, updated_at) values (?, ?, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            ps.setString(1, conv);
            ps.setString(2, "shop.example");
            ps.setString(3, "session-1");
            ps.setTimestamp(4, now);
            ps.setTimestamp(5, now);
            ps.executeUpdate();
        }
    }

    private String pendingActionState(String conv, String id) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select state, kind, order_id from chat.pending_action where conversation_id = ? and id = ?")) {
            ps.setString(1, conv);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no pending action " + id);
                assertEquals("cancel", rs.getString("kind"));
                assertEquals(1234L, rs.getLong("order_id"));
                return rs.getString("state");
            }
        }
    }
}
