package io.csc.chat.tools;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.csc.chat.support.Api;
import io.csc.chat.support.Chats;
import io.csc.chat.support.ServicesResource;
import io.csc.chat.support.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The way in stays open: a code that cannot be re-sent yet keeps the code field and the email and says when; a shopper
 * without an order number is offered their orders after a code, and never asked for the number again.
 */
@QuarkusTest
@QuarkusTestResource(value = ServicesResource.class, restrictToAnnotatedClass = false)
class CodeResendTest {

    @BeforeEach
    void reset() {
        ServicesResource.reset();
    }

    @Test
    void aCodeInItsCooldownKeepsTheCodeFieldAndTheAddress() {
        Chats c = Chats.open();
        ServicesResource.verification.stubFor(post(urlPathEqualTo("/internal/verification/otp/send")).atPriority(10)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("Retry-After", "42")
                        .withBody("{\"success\": false, \"error\": \"wait\", \"code\": \"otp_cooldown\"}")));
        Api.chat(c.ip(), c.turn("show me my recent orders, my email is " + Stubs.ALICE)).then().statusCode(200)
                .body("ui.input", equalTo("code")).body("message", containsString("a moment ago"))
                // when, from verification-service's own Retry-After, not a fixed guess
                .body("message", containsString("in 42 seconds"));
        // the code the shopper types goes with the address they gave
        ServicesResource.verification.stubFor(post(urlPathEqualTo("/internal/verification/otp/verify")).atPriority(10)
                .willReturn(okJson("{\"verified\": true, \"attemptsLeft\": 3}")));
        Stubs.grant(ServicesResource.verification, c.conversationId(), Stubs.ALICE, "otp");
        Api.chat(c.ip(), c.turn("123456")).then().statusCode(200).body("verified", equalTo(true));
        ServicesResource.verification.verify(1, postRequestedFor(urlPathEqualTo("/internal/verification/otp/verify"))
                .withRequestBody(matchingJsonPath("$.email", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        Stubs.ALICE))));
    }

    @Test
    void sendTheCodeAgainResendsToTheAddressAlreadyGiven() {
        Chats c = Chats.open();
        Api.chat(c.ip(), c.turn("show me my recent orders")).then().statusCode(200).body("ui.input", equalTo("email"));
        Api.chat(c.ip(), c.turn(Stubs.ALICE)).then().statusCode(200).body("ui.input", equalTo("code"));
        Api.chat(c.ip(), c.turn("I didn't get the code, send it again")).then().statusCode(200)
                .body("ui.input", equalTo("code")).body("message", containsString("6-digit code"))
                .body("message", org.hamcrest.Matchers.not(containsString("email address.")));
        ServicesResource.verification.verify(2, postRequestedFor(urlPathEqualTo("/internal/verification/otp/send"))
                .withRequestBody(matchingJsonPath("$.email", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        Stubs.ALICE))));
        // the code typed after the resend still lists the orders the shopper asked for
        ServicesResource.verification.stubFor(post(urlPathEqualTo("/internal/verification/otp/verify")).atPriority(10)
                .willReturn(okJson("{\"verified\": true, \"attemptsLeft\": 3}")));
        Stubs.grant(ServicesResource.verification, c.conversationId(), Stubs.ALICE, "otp");
        Api.chat(c.ip(), c.turn("123456")).then().statusCode(200).body("message", containsString("#1001"));
    }

    @Test
    void aShopperWhoDoesNotKnowTheNumberIsNeverAskedForItAgain() {
        Chats c = Chats.open();
        Api.chat(c.ip(), c.turn("where is my order?")).then().statusCode(200)
                .body("message", containsString("order number"));
        Api.chat(c.ip(), c.turn("I don't know the number")).then().statusCode(200).body("ui.input", equalTo("email"))
                .body("message", org.hamcrest.Matchers.not(containsString("order number")));
        Api.chat(c.ip(), c.turn(Stubs.ALICE)).then().statusCode(200).body("ui.input", equalTo("code"))
                .body("message", org.hamcrest.Matchers.not(containsString("order number")));
        ServicesResource.verification.stubFor(post(urlPathEqualTo("/internal/verification/otp/verify")).atPriority(10)
                .willReturn(okJson("{\"verified\": true, \"attemptsLeft\": 3}")));
        Stubs.grant(ServicesResource.verification, c.conversationId(), Stubs.ALICE, "otp");
        Api.chat(c.ip(), c.turn("123456")).then().statusCode(200).body("message", containsString("#1001"))
                .body("message", containsString("#1002"));
    }
}
