package io.csc.verification.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.icegreen.greenmail.util.GreenMail;

import io.csc.test.InjectGreenMail;
import io.csc.test.InjectWireMock;
import io.csc.test.TestClock;
import io.csc.verification.support.Api;
import io.csc.verification.support.Mails;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

import static io.csc.test.GatewayStubs.ALICE;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OtpTest {
    @InjectGreenMail
    GreenMail greenMail;

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    TestClock clock;

    @Inject
    CircuitBreakerMaintenance breakers;

    String domain;
    String conversation;

    @BeforeEach
    void fresh() throws Exception {
        breakers.resetAll();
        greenMail.purgeEmailFromAllMailboxes();
        domain = Api.freshDomain();
        conversation = Api.freshConversation();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void codeMailedOverSmtpVerifiesOnceAndGrantsFull() throws Exception {
        String sendBody = send(conversation, ALICE, null).statusCode(202).contentType(ContentType.JSON)
                .body("accepted", equalTo(true))
                .body("expiresInSeconds", equalTo(300))
                .body("resendAfterSeconds", equalTo(60))
                .extract().asString();

        List<MimeMessage> mails = Mails.awaitFor(greenMail, ALICE, 1);
        assertEquals(1, mails.size());
        MimeMessage mail = mails.get(0);
        String code = Mails.code(mail);
        assertTrue(code.matches("[0-9]{6}"));
        assertFalse(sendBody.contains(code));
        assertEquals("Your Demo Store verification code", mail.getSubject());
        assertFalse(mail.getSubject().contains(code));
        String text = Mails.part(mail, "text/plain");
        String html = Mails.part(mail, "text/html");
        assertNotNull(html, "an HTML part");
        assertTrue(html.contains(code) && html.contains("Demo Store"));
        assertTrue(text.contains("Demo Store") && text.contains("5 minutes") && text.contains("did not ask for this code"));
        assertEquals("support@demo-store.example.com", mail.getReplyTo()[0].toString());

        String verifyBody = verify(conversation, ALICE, code).statusCode(200)
                .body("verified", equalTo(true)).body("attemptsLeft", equalTo(5)).extract().asString();
        assertFalse(verifyBody.contains(code));

        String grant = Api.internal().get("/internal/verification/{id}", conversation).then().statusCode(200)
                .body("email", equalTo(ALICE)).body("level", equalTo("full")).body("method", equalTo("otp"))
                .extract().asString();
        assertFalse(grant.contains(code));

        // single use
        verify(conversation, ALICE, code).statusCode(200).body("verified", equalTo(false)).body("attemptsLeft", equalTo(0));
    }

    @Test
    void unknownEmailGetsTheSameAnswerButNoMail() {
        String known = send(conversation, ALICE, null).statusCode(202).extract().asString();
        String unknown = send(Api.freshConversation(), "stranger@example.com", null).statusCode(202).extract().asString();
        assertEquals(known, unknown);
        assertEquals(1, Mails.awaitFor(greenMail, ALICE, 1).size());
        assertEquals(0, Mails.to(greenMail, "stranger@example.com").size());
    }

    @Test
    void codeFromAnotherConversationOrEmailDoesNotVerify() {
        send(conversation, ALICE, null).statusCode(202);
        String code = Mails.code(Mails.awaitFor(greenMail, ALICE, 1).get(0));
        verify(Api.freshConversation(), ALICE, code).statusCode(200).body("verified", equalTo(false));
        verify(conversation, "bob.smith@example.com", code).statusCode(200).body("verified", equalTo(false));
        verify(conversation, ALICE, code).statusCode(200).body("verified", equalTo(true));
    }

    @Test
    void codeExpiresAfterFiveMinutes() {
        send(conversation, ALICE, null).statusCode(202);
        String code = Mails.code(Mails.awaitFor(greenMail, ALICE, 1).get(0));
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        verify(conversation, ALICE, code).statusCode(200).body("verified", equalTo(false)).body("attemptsLeft", equalTo(0));
        Api.internal().get("/internal/verification/{id}", conversation).then().statusCode(404);
    }

    @Test
    void fiveWrongCodesKillTheCode() {
        send(conversation, ALICE, null).statusCode(202);
        String code = Mails.code(Mails.awaitFor(greenMail, ALICE, 1).get(0));
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 0; left--) {
            verify(conversation, ALICE, wrong).statusCode(200).body("verified", equalTo(false))
                    .body("attemptsLeft", equalTo(left));
        }
        verify(conversation, ALICE, code).statusCode(429).contentType(ContentType.JSON)
                .header("Retry-After", not(equalTo(null)))
                .body("code", equalTo("otp_locked"));
        Api.internal().get("/internal/verification/{id}", conversation).then().statusCode(404);
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("verification_otp_lockouts_total"));
    }

    @Test
    void resendHasACooldownAndReplacesTheCode() {
        send(conversation, ALICE, null).statusCode(202);
        String first = Mails.code(Mails.awaitFor(greenMail, ALICE, 1).get(0));

        ValidatableResponse again = send(conversation, ALICE, null).statusCode(429).body("code", equalTo("otp_cooldown"));
        int retryAfter = Integer.parseInt(again.extract().header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 60, "Retry-After " + retryAfter);

        clock.advance(Duration.ofSeconds(61));
        send(conversation, ALICE, null).statusCode(202);
        List<MimeMessage> mails = Mails.awaitFor(greenMail, ALICE, 2);
        assertEquals(2, mails.size());
        String second = Mails.code(mails.get(1));
        if (!second.equals(first)) {
            verify(conversation, ALICE, first).statusCode(200).body("verified", equalTo(false));
        }
        verify(conversation, ALICE, second).statusCode(200).body("verified", equalTo(true));
    }

    @Test
    void theResendCooldownIsPerConversation() {
        send(conversation, ALICE, null).statusCode(202);
        send(conversation, ALICE, null).statusCode(429).body("code", equalTo("otp_cooldown"));
        // the shopper opens another chat a moment later (a new tab, a new device): a code there too, with its own cooldown
        String other = Api.freshConversation();
        send(other, ALICE, null).statusCode(202);
        send(other, ALICE, null).statusCode(429).body("code", equalTo("otp_cooldown"));
        assertEquals(2, Mails.awaitFor(greenMail, ALICE, 2).size());
    }

    @Test
    void sendsPerClientIpAreCapped() {
        String ip = Api.freshIp();
        for (int i = 0; i < 20; i++) {
            send(Api.freshConversation(), "shopper" + i + "@example.com", ip).statusCode(202);
        }
        send(Api.freshConversation(), "shopper20@example.com", ip).statusCode(429).contentType(ContentType.JSON)
                .header("Retry-After", not(equalTo(null)))
                .body("code", equalTo("too_many_attempts"));
        send(Api.freshConversation(), "shopper20@example.com", Api.freshIp()).statusCode(202);
    }

    @Test
    void sendsPerConversationAndPerEmailAreCapped() {
        // The caps count in fixed hourly windows: start at the beginning of one, so the sends below (five minutes
        // apart in all) fall in one window whatever the time of day (a run at 04:56 crossed 05:00 and got a 202)
        long now = clock.millis() / 1000;
        clock.advance(Duration.ofSeconds(3600 - now % 3600 + 1));
        for (int i = 0; i < 5; i++) {
            send(conversation, "person" + i + "@example.com", null).statusCode(202);
        }
        send(conversation, "person5@example.com", null).statusCode(429).body("code", equalTo("too_many_attempts"));

        for (int i = 0; i < 5; i++) {
            send(Api.freshConversation(), ALICE, null).statusCode(202);
            clock.advance(Duration.ofSeconds(61));
        }
        send(Api.freshConversation(), ALICE, null).statusCode(429).body("code", equalTo("too_many_attempts"));
        // mails go out in the background: let them all arrive before the next test empties the mailbox
        assertEquals(5, Mails.awaitFor(greenMail, ALICE, 5).size());
    }

    @Test
    void gatewayDownIs503AndDoesNotStartTheCooldown() {
        StubMapping down = wireMock.stubFor(WireMock.get(WireMock.urlPathEqualTo("/internal/customers"))
                .withQueryParam("domain", WireMock.equalTo(domain)).atPriority(0)
                .willReturn(WireMock.aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"success\": false, \"error\": \"down\", \"code\": \"store_unavailable\"}")));
        try {
            send(conversation, ALICE, null).statusCode(503).contentType(ContentType.JSON)
                    .body("success", equalTo(false)).body("code", equalTo("gateway_unavailable"));
        } finally {
            wireMock.removeStub(down);
        }
        breakers.resetAll();
        send(conversation, ALICE, null).statusCode(202);
        assertEquals(1, Mails.awaitFor(greenMail, ALICE, 1).size());
    }

    @Test
    void malformedCodeIs400() {
        Api.internal().body(Map.of("conversationId", conversation, "domain", domain, "email", ALICE, "code", "12345"))
                .post("/internal/verification/otp/verify").then().statusCode(400).body("code", equalTo("invalid_request"));
        Api.internal().body(Map.of("conversationId", conversation, "domain", domain, "email", ALICE, "code", "12a456"))
                .post("/internal/verification/otp/verify").then().statusCode(400).body("code", equalTo("invalid_request"));
        Api.internal().body(Map.of("conversationId", conversation, "domain", domain))
                .post("/internal/verification/otp/send").then().statusCode(400).body("code", equalTo("invalid_request"));
    }

    ValidatableResponse send(String conversationId, String email, String clientIp) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conversationId", conversationId);
        body.put("domain", domain);
        body.put("email", email);
        if (clientIp != null) {
            body.put("clientIp", clientIp);
        }
        return Api.internal().body(body).post("/internal/verification/otp/send").then();
    }

    ValidatableResponse verify(String conversationId, String email, String code) {
        return Api.internal().body(Map.of("conversationId", conversationId, "domain", domain, "email", email, "code", code))
                .post("/internal/verification/otp/verify").then();
    }
}
