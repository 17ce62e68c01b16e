package io.csc.verification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.csc.test.PackagedApp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged service, black box: it refuses to start without its code key, and verifies against a gateway. */
class VerificationServiceIT {
    private static final String TOKEN = "it-internal-token-0123456789";
    private static WireMockServer gateway;

    @BeforeAll
    static void gateway() {
        gateway = new WireMockServer(wireMockConfig().dynamicPort());
        gateway.start();
        gateway.stubFor(get(urlPathEqualTo("/internal/orders/47")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"id\":47,\"number\":\"47\",\"status\":\"completed\",\"lineItems\":[],\"tracking\":[],\"refunds\":[]}")));
        gateway.stubFor(get(urlPathEqualTo("/internal/customers")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"id\":2,\"email\":\"alice.johnson@example.com\",\"firstName\":\"Alice\",\"lastName\":\"Johnson\"}")));
    }

    @AfterAll
    static void stop() {
        gateway.stop();
    }

    @Test
    void refusesToStartWithoutTheCodeKey() throws Exception {
        try (PackagedApp app = start(null)) {
            assertNotEquals(0, app.awaitExit(Duration.ofSeconds(60)));
            assertTrue(app.log().contains("OTP_HMAC_KEY"), app.log());
        }
    }

    @Test
    void verifiesAnOrderOwnerAgainstTheGateway() throws Exception {
        try (PackagedApp app = start("it-only-otp-hmac-key-0123456789abcdef")) {
            app.awaitReady(Duration.ofSeconds(60));
            HttpClient http = HttpClient.newHttpClient();
            String base = app.baseUrl();
            String conversation = "it-" + System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/internal/verification/simple"))
                    .header("X-Internal-Token", TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"conversationId\":\"" + conversation
                            + "\",\"domain\":\"shop.test\",\"email\":\"alice.johnson@example.com\",\"orderNumber\":\"47\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"full\""), response.body());

            HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create(base + "/internal/verification/"
                    + conversation)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, noToken.statusCode());
        }
    }

    private static PackagedApp start(String otpKey) {
        Map<String, String> env = new HashMap<>();
        if (otpKey != null) {
            env.put("OTP_HMAC_KEY", otpKey);
        }
        env.put("INTERNAL_TOKEN", TOKEN);
        env.put("COMMERCE_GATEWAY_URL", gateway.baseUrl());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/csc_test");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/csc_test");
        return PackagedApp.start(env, List.of("OTP_HMAC_KEY"));
    }
}
