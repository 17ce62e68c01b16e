package io.csc.chat.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import io.csc.chat.support.Api;
import io.csc.chat.support.Chats;
import io.csc.chat.support.ServicesResource;
import io.csc.chat.support.Stubs;
import io.csc.chat.tools.VerificationTools;
import io.csc.web.PluginSignature;
import io.csc.web.SignedToken;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.csc.chat.support.OnVertx.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@QuarkusTestResource(value = ServicesResource.class, restrictToAnnotatedClass = false)
class PrivacyTest {
    static final String ADMIN = "Bearer test-admin-token-0123456789";

    @Inject
    VerificationTools verifications;
    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @BeforeEach
    void reset() {
        ServicesResource.reset();
    }

    private static String body(Chats c, String email) {
        return "{\"email\":\"" + email + "\",\"domain\":\"" + c.domain() + "\"}";
    }

    @Test
    void exportAndDeleteFanOutToEveryServiceIncludingChatsOwnConversations() {
        Chats c = Chats.open();
        Api.chat(c.ip(), c.turn("My email is alice@example.com, where is my order?")).then().statusCode(200);
        // verification-service ties this conversation to Alice's email
        ServicesResource.verification.stubFor(post(urlPathEqualTo("/internal/privacy/export")).atPriority(1).willReturn(okJson(
                "{\"service\": \"verification-service\", \"data\": {\"grants\": [{\"conversationId\": \"" + c.conversationId()
                        + "\", \"email\": \"alice@example.com\", \"level\": \"full\", \"method\": \"otp\"}], \"consents\": [],"
                        + " \"pendingCodes\": []}}")));

        Api.client(c.ip()).header("Authorization", ADMIN).body(body(c, Stubs.ALICE)).post("/api/privacy/export").then()
                .statusCode(200).body("success", equalTo(true))
                .body("services.service", hasItems("commerce-gateway", "verification-service", "cart-service", "chat-service"))
                .body("services.find { it.service == 'chat-service' }.data.conversations[0].conversationId",
                        equalTo(c.conversationId()))
                .body("services.find { it.service == 'chat-service' }.data.conversations[0].messages[1].text",
                        equalTo("My email is [email], where is my order?"));

        Api.client(c.ip()).header("Authorization", ADMIN).body(body(c, Stubs.ALICE)).post("/api/privacy/delete").then()
                .statusCode(200).body("services.find { it.service == 'chat-service' }.deleted.conversations", equalTo(1));
        for (var server : new com.github.tomakehurst.wiremock.WireMockServer[]{ServicesResource.gateway,
                ServicesResource.verification,
                ServicesResource.cart}) {
            server.verify(1, postRequestedFor(urlPathEqualTo("/internal/privacy/delete")));
        }
        RestAssured.given().queryParam("session_id", c.session()).get("/api/chat/" + c.conversationId()).then().statusCode(404);
    }

    @Test
    void liveMessagesAndOperatorActionsAreExportedAndDeleted() {
        Chats c = Chats.open();
        io.csc.chat.live.Live.personReplied(c, "Hello, Anna here");
        Api.chat(c.ip(), c.turn("My parcel never came")).then().statusCode(200);
        ServicesResource.verification.stubFor(post(urlPathEqualTo("/internal/privacy/export")).atPriority(1).willReturn(okJson(
                "{\"service\": \"verification-service\", \"data\": {\"grants\": [{\"conversationId\": \"" + c.conversationId()
                        + "\", \"email\": \"alice@example.com\", \"level\": \"full\", \"method\": \"otp\"}], \"consents\": [],"
                        + " \"pendingCodes\": []}}")));

        Api.client(c.ip()).header("Authorization", ADMIN).body(body(c, Stubs.ALICE)).post("/api/privacy/export").then()
                .statusCode(200)
                .body("services.find { it.service == 'chat-service' }.data.liveMessages.text",
                        equalTo(List.of("Hello, Anna here", "My parcel never came")))
                .body("services.find { it.service == 'chat-service' }.data.operatorActions.action",
                        equalTo(List.of("claim", "reply")))
                .body("services.find { it.service == 'chat-service' }.data.operatorActions[0].operator",
                        equalTo("Anna Berg"));

        Api.client(c.ip()).header("Authorization", ADMIN).body(body(c, Stubs.ALICE)).post("/api/privacy/delete").then()
                .statusCode(200).body("services.find { it.service == 'chat-service' }.deleted.liveRecords", equalTo(4));
        long left = await(() -> pool.preparedQuery("select (select count(*) from chat.live_message where conversation_id = $1)"
                + " + (select count(*) from chat.operator_action where conversation_id = $1)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(c.conversationId())).map(r -> r.iterator().next().getLong(0)));
        org.junit.jupiter.api.Assertions.assertEquals(0L, left);
    }

    /** A second conversation in the same store (another session, same shopper or not). */
    private static Chats openIn(String domain) {
        String ip = Api.randomIp();
        String session = Api.session();
        String id = Api.client(ip).body(Map.of("session_id", session, "domain", domain)).post("/api/chat/start").then()
                .statusCode(200).extract().path("conversation_id");
        return new Chats(ip, domain, session, id);
    }

    @Test
    void aConversationIsTheEmailsOnlyOnceTheEmailWasProvenInIt() {
        // asked: someone typed Alice's address, asked for a code to it and failed a simple match: nothing proven
        Chats asked = Chats.open();
        Api.chat(asked.ip(), asked.turn("Where is my parcel?")).then().statusCode(200);
        await(() -> verifications.sendCode(asked.ctx(), Stubs.ALICE));
        await(() -> verifications.startSimple(asked.ctx(), Stubs.ALICE, 1001L));
        // proven: Alice typed the code mailed to her (its grant has since expired in verification-service)
        Chats proven = openIn(asked.domain());
        Api.chat(proven.ip(), proven.turn("Where is my order?")).then().statusCode(200);
        await(() -> verifications.sendCode(proven.ctx(), Stubs.ALICE));
        ServicesResource.verification.stubFor(post(urlPathEqualTo("/internal/verification/otp/verify")).atPriority(1)
                .willReturn(okJson("{\"verified\": true, \"attemptsLeft\": 0}")));
        await(() -> verifications.verifyCode(proven.ctx(), Stubs.ALICE, "123 456"));
        // verification-service still names the asked conversation: a pending code, a partial match, its consent
        ServicesResource.verification.stubFor(post(urlPathEqualTo("/internal/privacy/export")).atPriority(1).willReturn(okJson(
                """
                        {"service": "verification-service", "data": {
                          "grants": [{"conversationId": "%1$s", "email": "alice@example.com", "level": "partial", "method": "simple"}],
                          "consents": [{"conversationId": "%1$s"}], "pendingCodes": [{"conversationId": "%1$s"}]}}"""
                        .formatted(asked.conversationId()))));

        Api.client(asked.ip()).header("Authorization", ADMIN).body(body(asked, Stubs.ALICE)).post("/api/privacy/export")
                .then().statusCode(200)
                .body("services.find { it.service == 'chat-service' }.data.conversations.conversationId",
                        equalTo(List.of(proven.conversationId())));
        // nor is it deleted as hers
        Api.client(asked.ip()).header("Authorization", ADMIN).body(body(asked, Stubs.ALICE)).post("/api/privacy/delete")
                .then().statusCode(200)
                .body("services.find { it.service == 'chat-service' }.deleted.conversations", equalTo(1));
        RestAssured.given().queryParam("session_id", proven.session()).get("/api/chat/" + proven.conversationId()).then()
                .statusCode(404);
        RestAssured.given().queryParam("session_id", asked.session()).get("/api/chat/" + asked.conversationId()).then()
                .statusCode(200).body("messages.text", hasItems("Where is my parcel?"));
    }

    @Test
    void aSimpleMatchThatReadAnOrderProvesTheEmail() {
        Chats c = Chats.open();
        ServicesResource.verification.stubFor(post(urlPathEqualTo("/internal/verification/simple")).atPriority(1)
                .willReturn(okJson("{\"level\": \"full\"}")));
        await(() -> verifications.startSimple(c.ctx(), Stubs.ALICE, 1001L));

        Api.client(c.ip()).header("Authorization", ADMIN).body(body(c, Stubs.ALICE)).post("/api/privacy/export").then()
                .statusCode(200)
                .body("services.find { it.service == 'chat-service' }.data.conversations.conversationId",
                        equalTo(List.of(c.conversationId())));
        Api.client(c.ip()).header("Authorization", ADMIN).body(body(c, Stubs.BOB)).post("/api/privacy/export").then()
                .statusCode(200)
                .body("services.find { it.service == 'chat-service' }.data.conversations.size()", equalTo(0));
    }

    /** The plugin's signed identity for this store. */
    private static String identityToken(Chats c, String email) {
        return SignedToken.sign(SignedToken.Purpose.IDENTITY, Stubs.PLUGIN_SECRET,
                Map.of("domain", c.domain(), "customerId", 2, "email", email), Instant.now().plusSeconds(600));
    }

    @Test
    void aSignedIdentityProvesTheEmailInTheConversationItWasUsedIn() {
        Chats c = Chats.open();
        Map<String, Object> turn = c.turn("Hello, what is new in the shop?");
        turn.put("context", Map.of("identityToken", identityToken(c, Stubs.ALICE)));
        Api.chat(c.ip(), turn).then().statusCode(200);

        Api.client(c.ip()).header("Authorization", ADMIN).body(body(c, Stubs.ALICE)).post("/api/privacy/export").then()
                .statusCode(200)
                .body("services.find { it.service == 'chat-service' }.data.conversations.conversationId",
                        equalTo(List.of(c.conversationId())));
        Api.client(c.ip()).header("Authorization", ADMIN).body(body(c, Stubs.BOB)).post("/api/privacy/export").then()
                .statusCode(200)
                .body("services.find { it.service == 'chat-service' }.data.conversations.size()", equalTo(0));
    }

    @Test
    void aServiceThatIsDownFailsTheWholeRequestAndNothingIsDeleted() {
        Chats c = Chats.open();
        ServicesResource.cart.stubFor(post(urlPathEqualTo("/internal/privacy/export")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Api.client(c.ip()).header("Authorization", ADMIN).body(body(c, Stubs.ALICE)).post("/api/privacy/delete").then()
                .statusCode(503).body("success", equalTo(false)).body("code", equalTo("privacy_incomplete"));
        for (var server : new com.github.tomakehurst.wiremock.WireMockServer[]{ServicesResource.gateway,
                ServicesResource.verification,
                ServicesResource.cart}) {
            server.verify(0, postRequestedFor(urlPathEqualTo("/internal/privacy/delete")));
        }
        Api.client(c.ip()).header("Authorization", ADMIN).body(body(c, Stubs.ALICE)).post("/api/privacy/export").then()
                .statusCode(503);
    }

    @Test
    void onlyTheAdminTheVerifiedShopperOrTheSignedPluginMayAsk() {
        Chats c = Chats.open();
        Api.client(c.ip()).body(body(c, Stubs.ALICE)).post("/api/privacy/export").then().statusCode(401)
                .body("code", equalTo("unauthorized"));
        Api.client(c.ip()).header("Authorization", "Bearer wrong").body(body(c, Stubs.ALICE)).post("/api/privacy/export").then()
                .statusCode(401);

        // the shopper's own conversation, verified by code for that email; not for another email, not by simple match
        String own = "{\"email\":\"alice@example.com\",\"domain\":\"" + c.domain() + "\",\"conversation_id\":\""
                + c.conversationId()
                + "\",\"session_id\":\"" + c.session() + "\"}";
        Stubs.grant(ServicesResource.verification, c.conversationId(), Stubs.ALICE, "simple");
        Api.client(c.ip()).body(own).post("/api/privacy/export").then().statusCode(401);
        Stubs.grant(ServicesResource.verification, c.conversationId(), Stubs.ALICE, "otp");
        Api.client(c.ip()).body(own).post("/api/privacy/export").then().statusCode(200);
        Api.client(c.ip()).body(own.replace("alice@", "bob@")).post("/api/privacy/export").then().statusCode(401);

        // the plugin's signed request (WordPress' exporter)
        String raw = body(c, Stubs.BOB);
        long ts = Instant.now().getEpochSecond();
        Api.client(c.ip()).header(PluginSignature.DOMAIN_HEADER, c.domain()).header(PluginSignature.TIMESTAMP_HEADER, ts)
                .header(PluginSignature.SIGNATURE_HEADER, PluginSignature.sign(Stubs.PLUGIN_SECRET, ts, raw))
                .body(raw).post("/api/privacy/export").then().statusCode(200);
        Api.client(c.ip()).header(PluginSignature.DOMAIN_HEADER, c.domain()).header(PluginSignature.TIMESTAMP_HEADER, ts)
                .header(PluginSignature.SIGNATURE_HEADER, PluginSignature.sign("wrong-secret", ts, raw))
                .body(raw).post("/api/privacy/export").then().statusCode(401).body("code", equalTo("invalid_signature"));
    }

    @Test
    void badPrivacyRequestsAreJsonErrors() {
        Chats c = Chats.open();
        for (String raw : new String[]{"", "nope", "{}", "{\"email\":\"not-an-email\",\"domain\":\"" + c.domain() + "\"}",
                "{\"email\":\"a@b.co\"}"}) {
            Api.client(c.ip()).header("Authorization", ADMIN).body(raw).post("/api/privacy/delete").then().statusCode(400)
                    .body("success", equalTo(false));
        }
        Map<String, Object> unknown = Map.of("email", "a@b.co", "domain", "unknown-z.test");
        Api.client(c.ip()).header("Authorization", ADMIN).body(unknown).post("/api/privacy/delete").then().statusCode(404)
                .body("code", equalTo("tenant_not_found"));
    }
}
