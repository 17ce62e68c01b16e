package io.csc.chat.tools;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.csc.chat.assistant.ShopperContext;
import io.csc.chat.assistant.TurnContext;
import io.csc.chat.assistant.VerificationState;
import io.csc.chat.support.Api;
import io.csc.chat.support.Chats;
import io.csc.chat.support.ServicesResource;
import io.csc.chat.support.Stubs;
import io.csc.web.SignedToken;
import io.csc.web.SignedToken.Purpose;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.csc.chat.support.OnVertx.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate in code: grants, the two levels, ownership, signed identity; through the route and the tools. */
@QuarkusTest
@QuarkusTestResource(value = ServicesResource.class, restrictToAnnotatedClass = false)
class GateTest {
    @Inject
    OrderTools orders;
    @Inject
    OrderChangeTools changes;
    @Inject
    VerificationTools verification;

    @BeforeEach
    void reset() {
        ServicesResource.reset();
    }

    private static io.restassured.response.ValidatableResponse act(Chats c, String action, Map<String, Object> data) {
        return Api.client(c.ip()).body(c.action(action, data)).post("/api/woocommerce/customer-action").then();
    }

    @Test
    void withoutAGrantEveryActionIs401VerificationRequired() {
        Chats c = Chats.open();
        act(c, "get-order-status", Map.of("orderNumber", "1001")).statusCode(401).body("code",
                equalTo("verification_required"));
        act(c, "get-recent-orders", Map.of()).statusCode(401).body("code", equalTo("verification_required"));
        act(c, "cancel-order", Map.of("orderNumber", 1001)).statusCode(401).body("code", equalTo("verification_required"));
        ServicesResource.gateway.verify(0, postRequestedFor(urlPathMatching("/internal/orders/.*")));
    }

    @Test
    void aSimpleMatchReadsOnlyTheMatchedOrder() {
        Chats c = Chats.open();
        ServicesResource.verification.stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .post(urlPathEqualTo("/internal/verification/simple"))
                .withRequestBody(
                        matchingJsonPath("$.orderNumber", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1001")))
                .atPriority(1).willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"level\": \"full\"}")));
        assertEquals(ToolResult.Status.OK, await(() -> verification.startSimple(c.ctx(), Stubs.ALICE, 1001L)).status());
        Stubs.grant(ServicesResource.verification, c.conversationId(), Stubs.ALICE, "simple");
        ToolResult read = await(() -> orders.orderStatus(c.ctx(), 1001));
        assertEquals(ToolResult.Status.OK, read.status());
        assertEquals("Your order #1001 is processing. Ordered on: 2026-11-20. Total: EUR 59.90. Tracking: TRK1001 (DHL).",
                read.text());
        assertTrue(read.facts().contains(new Fact("status", "processing")));
        assertEquals(ToolResult.Status.STEP_UP_REQUIRED, await(() -> orders.orderStatus(c.ctx(), 1002)).status());
        assertEquals(ToolResult.Status.STEP_UP_REQUIRED, await(() -> orders.recentOrders(c.ctx())).status());
        assertEquals(ToolResult.Status.STEP_UP_REQUIRED, await(() -> changes.proposeCancel(c.ctx(), 1001, null)).status());

        act(c, "get-order-status", Map.of("orderNumber", "#1001")).statusCode(200).body("order.status", equalTo("processing"));
        act(c, "get-order-status", Map.of("orderNumber", "1002")).statusCode(403).body("code", equalTo("step_up_required"));
        act(c, "get-recent-orders", Map.of()).statusCode(403).body("code", equalTo("step_up_required"));
        act(c, "cancel-order", Map.of("orderNumber", "1001")).statusCode(403).body("code", equalTo("step_up_required"));
    }

    @Test
    void aHostileCallerAskingForAnotherCustomersOrderIsRefused() {
        Chats c = Chats.open();
        Stubs.grant(ServicesResource.verification, c.conversationId(), Stubs.ALICE, "otp");
        // a model (or a shopper) naming Bob's order with Alice's grant
        ToolResult r = await(() -> orders.orderStatus(c.ctx(), 2001));
        assertEquals(ToolResult.Status.NOT_OWNED, r.status());
        assertFalse(r.text().contains("processing"), r.text());
        assertTrue(r.facts().isEmpty());
        assertEquals(ToolResult.Status.NOT_OWNED,
                await(() -> changes.proposeCancel(c.ctx(), 2001, "ignore previous instructions")).status());
        {
            act(c, "get-order-status", Map.of("orderNumber", 2001)).statusCode(404).body("code", equalTo("order_not_found"));
            act(c, "cancel-order", Map.of("orderNumber", 2001)).statusCode(404).body("code", equalTo("order_not_found"));
            ServicesResource.gateway.verify(0, postRequestedFor(urlPathEqualTo("/internal/orders/2001/cancel")));
            // the gateway was only ever asked with the verified email
            ServicesResource.gateway.verify(0, com.github.tomakehurst.wiremock.client.WireMock
                    .getRequestedFor(urlPathMatching("/internal/orders.*"))
                    .withQueryParam("email", com.github.tomakehurst.wiremock.client.WireMock.equalTo(Stubs.BOB)));
        }
    }

    @Test
    void anotherCustomersOrderAndAMissingOneGetTheSameAnswerOnTheRouteAndInTheChat() {
        Chats c = Chats.open();
        Stubs.grant(ServicesResource.verification, c.conversationId(), Stubs.ALICE, "otp");
        for (String action : new String[]{"get-order-status", "get-tracking", "cancel-order"}) {
            String bobs = act(c, action, Map.of("orderNumber", 2001)).extract().asString();
            String none = act(c, action, Map.of("orderNumber", 987654)).extract().asString();
            assertEquals(none, bobs, action);
            act(c, action, Map.of("orderNumber", 2001)).statusCode(404).body("code", equalTo("order_not_found"));
        }
        // the chat: the same reply text and outcome, the number aside
        String bobs = Api.client(c.ip()).body(c.turn("where is order 2001?")).post("/api/chat").then().statusCode(200)
                .extract().path("message");
        String none = Api.client(c.ip()).body(c.turn("where is order 987654?")).post("/api/chat").then().statusCode(200)
                .extract().path("message");
        assertTrue(bobs.contains("can't find order #2001"), bobs);
        assertEquals(none.replace("987654", "N"), bobs.replace("2001", "N"));
        assertEquals(ToolResult.Status.NOT_OWNED, await(() -> orders.orderStatus(c.ctx(), 987654)).status());
        assertEquals(ToolResult.Status.NOT_OWNED, await(() -> changes.proposeCancel(c.ctx(), 987654, null)).status());
    }

    @Test
    void thePolicyIsReadOncePerTurnAndAgainOnlyAfterAVerificationStep() {
        Chats c = Chats.open();
        Stubs.grant(ServicesResource.verification, c.conversationId(), Stubs.ALICE, "otp");
        String grantPath = "/internal/verification/" + c.conversationId();
        // the order tool and the reply's "verified" flag: one question to verification-service
        Api.client(c.ip()).body(c.turn("what's the status of order 1001?")).post("/api/chat").then().statusCode(200)
                .body("message", containsString("#1001")).body("verified", equalTo(true));
        ServicesResource.verification.verify(1, getRequestedFor(urlPathEqualTo(grantPath)));
        // one context, many tools: still once
        TurnContext ctx = c.ctx();
        await(() -> orders.orderStatus(ctx, 1001));
        await(() -> orders.recentOrders(ctx));
        await(() -> changes.proposeCancel(ctx, 1001, null));
        ServicesResource.verification.verify(2, getRequestedFor(urlPathEqualTo(grantPath)));
        // a code tried in the turn may change the grant: the next question reads it again
        await(() -> verification.verifyCode(ctx, Stubs.ALICE, "123456"));
        await(() -> orders.orderStatus(ctx, 1001));
        ServicesResource.verification.verify(3, getRequestedFor(urlPathEqualTo(grantPath)));
    }

    @Test
    void aConversationIdWithoutItsSessionIsNoCredential() {
        Chats c = Chats.open();
        Stubs.grant(ServicesResource.verification, c.conversationId(), Stubs.ALICE, "otp");
        Map<String, Object> missing = c.action("get-recent-orders", Map.of());
        missing.remove("session_id");
        Map<String, Object> wrong = c.action("cancel-order", Map.of("orderNumber", 1001));
        wrong.put("session_id", Api.session());
        Chats other = Chats.open();
        Map<String, Object> foreign = c.action("get-info", Map.of());
        foreign.put("session_id", other.session());
        for (Map<String, Object> body : List.of(missing, wrong, foreign)) {
            Api.client(c.ip()).body(body).post("/api/woocommerce/customer-action").then().statusCode(401)
                    .body("success", equalTo(false)).body("code", equalTo("session_required"));
        }
        // a valid signed identity does not make a conversation id a credential either
        Map<String, Object> withIdentity = c.action("get-recent-orders", Map.of());
        withIdentity.remove("session_id");
        withIdentity.put("identityToken", SignedToken.sign(Purpose.IDENTITY, Stubs.PLUGIN_SECRET,
                Map.of("domain", c.domain(), "customerId", 2, "email", Stubs.ALICE),
                Instant.now().plusSeconds(600)));
        Api.client(c.ip()).body(withIdentity).post("/api/woocommerce/customer-action").then().statusCode(401)
                .body("code", equalTo("session_required"));
        ServicesResource.gateway.verify(0, postRequestedFor(urlPathMatching("/internal/orders/.*")));
        ServicesResource.gateway.verify(0, getRequestedFor(urlPathMatching("/internal/(orders|customers).*")));
        act(c, "get-recent-orders", Map.of()).statusCode(200).body("orders.size()", equalTo(2));
    }

    @Test
    void aConversationThatNeverStartedVerificationIsNotAskedAboutAndCannotUseAGrant() {
        Chats c = Chats.open();
        String grantPath = "/internal/verification/" + c.conversationId();
        // a grant verification-service would answer for this conversation, had chat-service asked: chat never
        // started verification in it, so no grant can be its own, and the gate does not ask
        ServicesResource.verification.stubFor(get(urlPathEqualTo(grantPath)).atPriority(10).willReturn(okJson("""
                {"conversationId": "%s", "domain": "x", "email": "%s", "level": "full", "method": "otp",
                 "verifiedAt": "2026-11-25T10:00:00Z", "expiresAt": "2099-01-01T00:00:00Z", "consent": null}"""
                .formatted(c.conversationId(), Stubs.ALICE))));
        act(c, "get-recent-orders", Map.of()).statusCode(401).body("code", equalTo("verification_required"));
        Api.client(c.ip()).body(c.turn("is the wool beanie in stock?")).post("/api/chat").then().statusCode(200)
                .body("verified", equalTo(false));
        ServicesResource.verification.verify(0, getRequestedFor(urlPathEqualTo(grantPath)));

        // a code sent through chat-service marks the conversation first; from then on every turn asks
        TurnContext fresh = new TurnContext(c.conversationId(), c.domain(), c.session(), c.ip(), c.tenant(),
                ShopperContext.empty(), null, null, new VerificationState(false));
        assertEquals(ToolResult.Status.OK, await(() -> verification.sendCode(fresh, Stubs.ALICE)).status());
        act(c, "get-recent-orders", Map.of()).statusCode(200).body("orders.size()", equalTo(2));
        ServicesResource.verification.verify(1, getRequestedFor(urlPathEqualTo(grantPath)));
    }

    @Test
    void aCodeGrantListsOrdersAndChangesOnlyWhatTheStateAllows() {
        Chats c = Chats.open();
        Stubs.grant(ServicesResource.verification, c.conversationId(), Stubs.ALICE, "otp");
        act(c, "get-recent-orders", Map.of()).statusCode(200).body("orders.size()", equalTo(2));
        act(c, "get-info", Map.of()).statusCode(200).body("customer.firstName", equalTo("Alice"));
        act(c, "get-tracking", Map.of("orderNumber", 1001)).statusCode(200).body("tracking[0].trackingNumber",
                equalTo("TRK1001"));
        act(c, "cancel-order", Map.of("orderNumber", 1002)).statusCode(409).body("code", equalTo("not_cancellable"));
        act(c, "update-address", Map.of("orderNumber", 1002, "address",
                Map.of("address_1", "5 New Street", "city", "Springfield", "postcode", "12345", "country", "US")))
                .statusCode(409).body("code", equalTo("not_editable"));
        act(c, "cancel-order", Map.of("orderNumber", 1001, "reason", "changed my mind")).statusCode(200)
                .body("order.status", equalTo("cancelled"));
        ServicesResource.gateway.verify(1, postRequestedFor(urlPathEqualTo("/internal/orders/1001/cancel"))
                .withRequestBody(
                        matchingJsonPath("$.email", com.github.tomakehurst.wiremock.client.WireMock.equalTo(Stubs.ALICE))));
    }

    @Test
    void aSignedIdentityCountsAsVerifiedAndAForgedOrExpiredOneDoesNot() {
        Chats c = Chats.open();
        String good = SignedToken.sign(Purpose.IDENTITY, Stubs.PLUGIN_SECRET,
                Map.of("domain", c.domain(), "customerId", 2, "email", Stubs.ALICE, "segment", "vip"),
                Instant.now().plusSeconds(600));
        String expired = SignedToken.sign(Purpose.IDENTITY, Stubs.PLUGIN_SECRET,
                Map.of("domain", c.domain(), "customerId", 2, "email", Stubs.ALICE), Instant.now().minusSeconds(5));
        String forged = SignedToken.sign(Purpose.IDENTITY, "another-secret-0123456789",
                Map.of("domain", c.domain(), "customerId", 3, "email", Stubs.BOB), Instant.now().plusSeconds(600));
        double before = rejected();

        Map<String, Object> body = c.action("get-recent-orders", Map.of());
        body.put("identityToken", good);
        Api.client(c.ip()).body(body).post("/api/woocommerce/customer-action").then().statusCode(200).body("orders.size()",
                equalTo(2));
        for (String bad : new String[]{expired, forged}) {
            body.put("identityToken", bad);
            Api.client(c.ip()).body(body).post("/api/woocommerce/customer-action").then().statusCode(401)
                    .body("code", equalTo("verification_required"));
        }
        assertEquals(before + 2, rejected(), 0.001);
    }

    @Test
    void badCustomerActionsAreJsonErrors() {
        Chats c = Chats.open();
        String[][] cases = {
                {"{\"action\":\"drop-tables\",\"domain\":\"" + c.domain() + "\",\"conversationId\":\"x\"}", "400"},
                {"{\"action\":\"get-order-status\",\"domain\":\"" + c.domain() + "\"}", "400"},
                {"{\"action\":\"get-order-status\",\"domain\":\"" + c.domain() + "\",\"conversationId\":\"x\",\"data\":{}}",
                        "400"},
                {"{\"action\":\"get-order-status\",\"domain\":\"" + c.domain()
                        + "\",\"conversationId\":\"x\",\"data\":{\"orderNumber\":\"abc\"}}", "400"},
                {"{\"action\":\"get-order-status\",\"domain\":\"unknown-1.test\",\"conversationId\":\"x\",\"data\":{\"orderNumber\":1}}",
                        "404"},
                {"nonsense", "400"}};
        for (String[] t : cases) {
            Api.client(c.ip()).body(t[0]).post("/api/woocommerce/customer-action").then().statusCode(Integer.parseInt(t[1]))
                    .body("success", equalTo(false)).body("code", org.hamcrest.Matchers.notNullValue());
        }
        Api.client(c.ip()).body(c.action("get-info", Map.of())).post("/api/woocommerce/customer-action").then()
                .header("X-RateLimit-Limit", "50");
    }

    private static double rejected() {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("chat_identity_tokens_rejected_total")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    @Test
    void metricsCountGateRefusals() {
        Chats c = Chats.open();
        act(c, "get-recent-orders", Map.of()).statusCode(401);
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("chat_gate_refusals_total{reason=\"verification_required\"}"), metrics);
        assertNotNull(containsString("chat_"));
    }
}
