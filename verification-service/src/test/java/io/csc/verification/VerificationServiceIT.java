package io.csc.verification;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

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
        Path log = Files.createTempFile("verification-it", ".log");
        Process process = start(freePort(), null, log);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the service started without OTP_HMAC_KEY");
        assertNotEquals(0, process.exitValue());
        assertTrue(Files.readString(log).contains("OTP_HMAC_KEY"), Files.readString(log));
    }

    @Test
    void verifiesAnOrderOwnerAgainstTheGateway() throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("verification-it", ".log");
        Process process = start(port, "it-only-otp-hmac-key-0123456789abcdef", log);
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            waitReady(http, base, log);
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
        } finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static void waitReady(HttpClient http, String base, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready: " + Files.readString(log, StandardCharsets.UTF_8));
    }

    private static Process start(int port, String otpKey, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                "target/quarkus-app/quarkus-run.jar").redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.remove("OTP_HMAC_KEY");
        if (otpKey != null) {
            env.put("OTP_HMAC_KEY", otpKey);
        }
        env.put("INTERNAL_TOKEN", TOKEN);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("COMMERCE_GATEWAY_URL", gateway.baseUrl());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/csc_test");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/csc_test");
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
