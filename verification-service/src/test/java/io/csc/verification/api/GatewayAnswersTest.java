package io.csc.verification.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.csc.test.InjectWireMock;
import io.csc.verification.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.csc.test.GatewayStubs.ALICE;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 7.4: one store's bad input or trouble must not switch verification off for every store. A 4xx from the gateway
 * is an answer (not retried, not counted by the breaker), one store being down is that store's problem, and an email
 * WooCommerce would refuse never leaves this service.
 */
@QuarkusTest
class GatewayAnswersTest {
    @Inject
    CircuitBreakerMaintenance breakers;
    @InjectWireMock
    WireMockServer gateway;

    @BeforeEach
    void closedBreakers() {
        breakers.resetAll();
    }

    @Test
    void tenNonAsciiEmailsAre400AndAnotherStoreStillVerifies() {
        String hostile = Api.freshDomain();
        for (int i = 0; i < 10; i++) {
            simple(hostile, "v1@exämple.com", "47").statusCode(400).contentType(ContentType.JSON)
                    .body("code", equalTo("invalid_email"));
            Api.internal().body(Map.of("conversationId", Api.freshConversation(), "domain", hostile, "email", "v1@exämple.com"))
                    .post("/internal/verification/otp/send").then().statusCode(400).body("code", equalTo("invalid_email"));
        }
        gateway.verify(0, getRequestedFor(urlPathEqualTo("/internal/customers"))
                .withQueryParam("domain", WireMock.equalTo(hostile)));
        simple(Api.freshDomain(), ALICE, "47").statusCode(200).body("level", equalTo("full"));
    }

    @Test
    void gateway4xxIsAnAnswerNeverRetriedNorCounted() {
        String refusing = "refusing-" + Api.freshDomain();
        for (int i = 0; i < 12; i++) {
            simple(refusing, "shopper" + i + "@example.com", null).statusCode(400).contentType(ContentType.JSON)
                    .body("code", equalTo("invalid_request"));
        }
        gateway.verify(12, getRequestedFor(urlPathEqualTo("/internal/customers"))
                .withQueryParam("domain", WireMock.equalTo(refusing)));
        simple(Api.freshDomain(), ALICE, "47").statusCode(200).body("level", equalTo("full"));
    }

    @Test
    void oneStoreDownDoesNotOpenTheBreakerForOthers() {
        String broken = "broken-" + Api.freshDomain();
        for (int i = 0; i < 12; i++) {
            simple(broken, "shopper" + i + "@example.com", null).statusCode(503).contentType(ContentType.JSON)
                    .body("code", equalTo("gateway_unavailable"));
        }
        // The gateway already retried against the store: no second try from here.
        gateway.verify(12, getRequestedFor(urlPathEqualTo("/internal/customers"))
                .withQueryParam("domain", WireMock.equalTo(broken)));
        simple(Api.freshDomain(), ALICE, "47").statusCode(200).body("level", equalTo("full"));
    }

    private static ValidatableResponse simple(String domain, String email, String orderNumber) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conversationId", Api.freshConversation());
        body.put("domain", domain);
        body.put("email", email);
        body.put("orderNumber", orderNumber);
        body.put("clientIp", Api.freshIp());
        return Api.internal().body(body).post("/internal/verification/simple").then();
    }
}
