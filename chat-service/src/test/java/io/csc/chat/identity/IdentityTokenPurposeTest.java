package io.csc.chat.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.csc.chat.support.Api;
import io.csc.chat.support.Chats;
import io.csc.chat.support.ServicesResource;
import io.csc.chat.support.Stubs;
import io.csc.web.Hmac;
import io.csc.web.SignedToken;
import io.csc.web.SignedToken.Purpose;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only an identity token, for the store it is shown to, proves who the shopper is. The restore and unsubscribe tokens
 * of every recovery email carry the shopper's email and are signed from the same plugin secret: presented as
 * {@code context.identityToken} / {@code identityToken} on any route that reads one, they leave the shopper a guest.
 * Each route is first shown to accept a real identity token the same way, so a refusal is the token's doing.
 */
@QuarkusTest
@QuarkusTestResource(value = ServicesResource.class, restrictToAnnotatedClass = false)
class IdentityTokenPurposeTest {

    @BeforeEach
    void reset() {
        ServicesResource.reset();
    }

    private static Instant soon() {
        return Instant.now().plusSeconds(600);
    }

    private static String identity(String domain) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("domain", domain);
        p.put("customerId", 2);
        p.put("email", Stubs.ALICE);
        p.put("segment", "vip");
        return SignedToken.sign(Purpose.IDENTITY, Stubs.PLUGIN_SECRET, p, soon());
    }

    /** What a recovery email to Alice carries, as cart-service mints it. */
    private static List<String> otherPurposes(String domain) {
        String unsubscribe = SignedToken.sign(Purpose.UNSUBSCRIBE, Stubs.PLUGIN_SECRET,
                Map.of("domain", domain, "email", Stubs.ALICE), soon());
        // Its email and domain would satisfy a careless identity check: only its purpose keeps it out.
        String restore = SignedToken.sign(Purpose.RESTORE, Stubs.PLUGIN_SECRET, Map.of("sessionId", "wc_sess_1", "items",
                List.of(Map.of("productId", 12, "variationId", 0, "quantity", 1)), "domain", domain, "email", Stubs.ALICE),
                soon());
        return List.of(unsubscribe, restore);
    }

    /** Tokens as they were signed before purposes: raw plugin secret, no typ. */
    private static String oldFormat(String json) {
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        return body + "." + Hmac.sha256Hex(Stubs.PLUGIN_SECRET, body);
    }

    private static List<String> oldFormats(String domain) {
        long exp = soon().getEpochSecond();
        return List.of(
                oldFormat("{\"customerId\":2,\"email\":\"" + Stubs.ALICE + "\",\"segment\":\"vip\",\"exp\":" + exp + "}"),
                oldFormat("{\"domain\":\"" + domain + "\",\"email\":\"" + Stubs.ALICE + "\",\"exp\":" + exp + "}"));
    }

    private static io.restassured.response.ValidatableResponse recentOrders(Chats c, String token) {
        Map<String, Object> body = c.action("get-recent-orders", Map.of());
        body.put("identityToken", token);
        return Api.client(c.ip()).body(body).post("/api/woocommerce/customer-action").then();
    }

    private static Map<String, Object> withToken(Map<String, Object> body, String token) {
        body.put("context", Map.of("identityToken", token));
        return body;
    }

    private static Map<String, Object> start(Chats c, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session_id", c.session());
        body.put("domain", c.domain());
        return withToken(body, token);
    }

    @Test
    void customerActionIgnoresRestoreUnsubscribeAndOldTokens() {
        Chats c = Chats.open();
        recentOrders(c, identity(c.domain())).statusCode(200).body("orders.size()", equalTo(2));
        for (String token : concat(otherPurposes(c.domain()), oldFormats(c.domain()))) {
            recentOrders(c, token).statusCode(401).body("code", equalTo("verification_required"));
        }
        // Without a conversation of this session there is nothing to act through, whatever the token: refused first.
        Map<String, Object> noConversation = c.action("get-recent-orders", Map.of());
        noConversation.put("conversationId", "c_doesnotexist");
        for (String token : otherPurposes(c.domain())) {
            noConversation.put("identityToken", token);
            Api.client(c.ip()).body(noConversation).post("/api/woocommerce/customer-action").then().statusCode(401)
                    .body("code", equalTo("session_required"));
        }
        ServicesResource.gateway.verify(1, getRequestedFor(urlPathEqualTo("/internal/orders")));
    }

    @Test
    void chatStartTreatsThemAsAGuest() {
        Chats c = Chats.open();
        Api.client(c.ip()).body(start(c, identity(c.domain()))).post("/api/chat/start").then().statusCode(200)
                .body("verified", equalTo(true)).body("message", containsString("VIP"));
        for (String token : concat(otherPurposes(c.domain()), oldFormats(c.domain()))) {
            Api.client(c.ip()).body(start(Chats.open(), token)).post("/api/chat/start").then().statusCode(200)
                    .body("verified", equalTo(false)).body("message", not(containsString("VIP")));
        }
    }

    @Test
    void chatTurnsDoNotListTheOrdersOfTheTokensEmail() {
        Chats ok = Chats.open();
        Api.chat(ok.ip(), withToken(ok.turn("show me my recent orders"), identity(ok.domain()))).then().statusCode(200)
                .body("verified", equalTo(true)).body("message", containsString("1001"));
        int listed = ordersListed();
        for (String token : concat(otherPurposes(ok.domain()), oldFormats(ok.domain()))) {
            Chats c = Chats.open();
            Api.chat(c.ip(), withToken(c.turn("show me my recent orders"), token)).then().statusCode(200)
                    .body("verified", equalTo(false)).body("message", not(containsString("1001")));
        }
        assertTrue(ordersListed() == listed, "no order list was fetched for a token of another purpose");
    }

    @Test
    void chatStreamTreatsThemAsAGuest() {
        Chats ok = Chats.open();
        String good = stream(ok, identity(ok.domain()));
        assertTrue(good.contains("\"verified\":true") && good.contains("1001"), good);
        for (String token : otherPurposes(ok.domain())) {
            String sse = stream(Chats.open(), token);
            assertTrue(sse.contains("\"verified\":false"), sse);
            assertFalse(sse.contains("1001"), sse);
        }
    }

    @Test
    void anIdentityOfStoreAIsIgnoredByStoreB() {
        Chats a = Chats.open();
        Chats b = Chats.open();
        String ofA = identity(a.domain());
        recentOrders(a, ofA).statusCode(200);
        recentOrders(b, ofA).statusCode(401).body("code", equalTo("verification_required"));
        Api.client(b.ip()).body(start(b, ofA)).post("/api/chat/start").then().statusCode(200)
                .body("verified", equalTo(false));
        Api.chat(b.ip(), withToken(b.turn("show me my recent orders"), ofA)).then().statusCode(200)
                .body("verified", equalTo(false)).body("message", not(containsString("1001")));
        // The tenant's own normalisation: the same store written in capitals is the same store.
        recentOrders(a, identity(" " + a.domain().toUpperCase() + " ")).statusCode(200);
        // An identity that names no store proves nothing either.
        String noDomain = SignedToken.sign(Purpose.IDENTITY, Stubs.PLUGIN_SECRET,
                Map.of("customerId", 2, "email", Stubs.ALICE, "segment", "vip"), soon());
        recentOrders(a, noDomain).statusCode(401);
    }

    private static String stream(Chats c, String token) {
        return Api.client(c.ip()).accept("text/event-stream").body(withToken(c.turn("show me my recent orders"), token))
                .post("/api/chat/stream").then().statusCode(200).extract().asString();
    }

    private static int ordersListed() {
        return ServicesResource.gateway.countRequestsMatching(getRequestedFor(urlPathEqualTo("/internal/orders"))
                .withQueryParam("email", equalToIgnoreCase(Stubs.ALICE)).build()).getCount();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
