package io.csc.verification.api;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.csc.test.InjectWireMock;
import io.csc.verification.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.csc.test.GatewayStubs.ALICE;
import static org.hamcrest.Matchers.equalTo;

/**
 * The breaker still protects against the gateway itself failing (connection reset, slow answers): it opens, answers
 * 503 at once, and closes again after its delay. Every number comes from {@link ShortTimingsProfile}'s configuration.
 */
@QuarkusTest
@TestProfile(ShortTimingsProfile.class)
class GatewayBreakerTest {
    @Inject
    CircuitBreakerMaintenance breakers;
    @InjectWireMock
    WireMockServer gateway;

    @Test
    void gatewayFailuresOpenTheBreakerWhichClosesAfterTheConfiguredDelay() throws InterruptedException {
        breakers.resetAll();
        for (int i = 0; i < 4; i++) {
            simple("down-" + Api.freshDomain()).statusCode(503).body("code", equalTo("gateway_unavailable"));
        }
        // Open: a healthy store is refused without a call.
        String healthy = Api.freshDomain();
        simple(healthy).statusCode(503).body("code", equalTo("gateway_unavailable"));
        gateway.verify(0, WireMock.getRequestedFor(urlPathEqualTo("/internal/customers"))
                .withQueryParam("domain", WireMock.equalTo(healthy)));

        Thread.sleep(900);
        simple(Api.freshDomain()).statusCode(200).body("level", equalTo("partial"));
    }

    @Test
    void aSlowGatewayTimesOutAfterTheConfiguredTimeout() {
        breakers.resetAll();
        // 1.5 s is inside application.properties' 2 s (the answer would be "none") but past the profile's 0.5 s.
        String slow = "slow-" + Api.freshDomain();
        gateway.stubFor(get(urlPathEqualTo("/internal/customers")).withQueryParam("domain", WireMock.equalTo(slow))
                .atPriority(1).willReturn(aResponse().withFixedDelay(1500).withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":false,\"error\":\"x\",\"code\":\"customer_not_found\"}")));
        simple(slow).statusCode(503).body("code", equalTo("gateway_unavailable"));
        breakers.resetAll();
    }

    private static ValidatableResponse simple(String domain) {
        return Api.internal().body(Map.of("conversationId", Api.freshConversation(), "domain", domain, "email", ALICE,
                "clientIp", Api.freshIp())).post("/internal/verification/simple").then();
    }
}
