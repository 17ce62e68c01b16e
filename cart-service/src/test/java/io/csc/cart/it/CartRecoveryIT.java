package io.csc.cart.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.csc.web.PluginSignature;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Black box, scaled out: three processes of the packaged service share one database schema and one real SMTP server
 * (GreenMail), all scanning every second. Carts arrive as signed events spread over the three and as rows seeded
 * directly; every (cart, step) email must arrive exactly once.
 */
class CartRecoveryIT {
    private static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/csc_test";
    private static final String INTERNAL_TOKEN = "it-internal-token-0123456789";
    private static final int EVENT_CARTS = 30;
    private static final int SEEDED_CARTS = 120;
    private static final int STEPS = 3;

    private static GreenMail smtp;
    private static WireMockServer gateway;
    private static final List<Process> processes = new ArrayList<>();
    private static final List<Integer> ports = new ArrayList<>();
    private static final String DOMAIN = "it-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    private static final String SECRET = "it-plugin-secret";
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startEverything() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        gateway = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        gateway.start();
        gateway.stubFor(get(urlEqualTo("/internal/tenants/" + DOMAIN)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"domain\":\"" + DOMAIN + "\",\"storeName\":\"IT Store\",\"storeUrl\":\"https://" + DOMAIN
                        + "\",\"woocommerceEnabled\":true,\"allowedOrigins\":[],\"pluginSecret\":\"" + SECRET
                        + "\",\"supportEmail\":\"help@" + DOMAIN + "\",\"developmentStore\":false}")));
        gateway.stubFor(post(urlPathEqualTo("/internal/stock/check")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"items\":[]}")));
        gateway.stubFor(post(urlPathEqualTo("/internal/coupons")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": 1, \"code\": \"IT-{{jsonPath request.body '$.reference'}}\","
                        + " \"percent\": {{jsonPath request.body '$.percent'}},"
                        + " \"expiresAt\": \"{{jsonPath request.body '$.expiresAt'}}\"}")
                .withTransformers("response-template")));

        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), "package the service first (mvn verify does)");
        Files.createDirectories(Path.of("target/it-logs"));
        for (int i = 0; i < 3; i++) {
            int port = freePort();
            ports.add(port);
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                // Own session: a hang-up or interrupt sent to the build's process group must not stop the replicas.
                command.add("/usr/bin/setsid");
            }
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // C1 only and a small heap: three JVMs start on a small machine without starving each other.
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
            ProcessBuilder pb = new ProcessBuilder(command);
            Map<String, String> env = pb.environment();
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/csc_test");
            env.put("QUARKUS_DATASOURCE_JDBC_URL", JDBC);
            env.put("INTERNAL_TOKEN", INTERNAL_TOKEN);
            env.put("ADMIN_TOKEN", "it-admin-token");
            env.put("COMMERCE_GATEWAY_URL", gateway.baseUrl());
            env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
            env.put("QUARKUS_MAILER_PORT", Integer.toString(smtp.getSmtp().getPort()));
            env.put("QUARKUS_MAILER_START_TLS", "DISABLED");
            env.put("PUBLIC_BASE_URL", "http://127.0.0.1:" + port);
            env.put("CART_SCAN_EVERY", "1s");
            env.put("CART_ABANDON_AFTER", "2s");
            env.put("CART_RECOVERY_SCHEDULE", "1s,2s,3s");
            env.put("CART_RECOVERY_BATCH_SIZE", "20");
            env.put("CART_RECOVERY_CONCURRENCY", "8");
            pb.redirectErrorStream(true).redirectOutput(new File("target/it-logs/cart-" + i + ".log"));
            processes.add(pb.start());
        }
        for (int i = 0; i < ports.size(); i++) {
            awaitReady(ports.get(i), processes.get(i));
        }
        try (Connection db = DriverManager.getConnection(JDBC, "postgres", ""); Statement st = db.createStatement()) {
            st.execute("TRUNCATE cart.recovery_emails, cart.carts, cart.unsubscribes");
        }
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            p.waitFor();
        }
        if (gateway != null) {
            gateway.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void threeReplicasSendEveryStepOfEveryCartExactlyOnce() throws Exception {
        // Signed events, spread over the three processes.
        for (int i = 0; i < EVENT_CARTS; i++) {
            String body = "{\"type\":\"cart_updated\",\"sessionId\":\"ev-" + i + "\",\"userId\":\"" + (100 + i)
                    + "\",\"email\":\"ev-" + i + "@example.com\",\"cartItems\":[{\"productId\":11,\"name\":\"Blue Mug\","
                    + "\"quantity\":1,\"price\":\"12.50\"}],\"cartTotal\":\"12.50\",\"cartCurrency\":\"EUR\","
                    + "\"appliedCoupons\":[],\"occurredAt\":\"" + Instant.now() + "\"}";
            long ts = Instant.now().getEpochSecond();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ports.get(i % 3) + "/api/carts/events"))
                    .header("Content-Type", "application/json").header(PluginSignature.DOMAIN_HEADER, DOMAIN)
                    .header(PluginSignature.TIMESTAMP_HEADER, Long.toString(ts))
                    .header(PluginSignature.SIGNATURE_HEADER, PluginSignature.sign(SECRET, ts, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
        }
        // And many carts already idle, seeded straight into the shared schema.
        try (Connection db = DriverManager.getConnection(JDBC, "postgres", "");
                PreparedStatement st = db.prepareStatement("""
                        INSERT INTO cart.carts (domain, session_id, user_id, email, items, item_count, cart_total, currency,
                            last_activity_at, items_event_at, created_at, updated_at)
                        SELECT ?, 'seed-' || g, '7', 'seed-' || g || '@example.com',
                            '[{"productId": 11, "name": "Blue Mug", "quantity": 1, "price": "12.50"}]'::jsonb, 1, 12.50,
                            'EUR', now() - interval '1 minute', now(), now(), now()
                        FROM generate_series(1, ?) g""")) {
            st.setString(1, DOMAIN);
            st.setInt(2, SEEDED_CARTS);
            st.executeUpdate();
        }

        int expected = (EVENT_CARTS + SEEDED_CARTS) * STEPS;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        while (smtp.getReceivedMessages().length < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        // Give any duplicate a chance to show up: every replica scans again meanwhile.
        Thread.sleep(3000);

        Map<String, Integer> perStep = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            perStep.merge(m.getHeader("X-CSC-Recovery")[0], 1, Integer::sum);
        }
        assertEquals(expected, perStep.size(), "every (cart, step) email arrived");
        perStep.forEach((reference, n) -> assertEquals(1, n, reference + " arrived " + n + " times"));
        assertEquals(expected, smtp.getReceivedMessages().length);
        try (Connection db = DriverManager.getConnection(JDBC, "postgres", "");
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE status = 'sent'),"
                        + " count(*) FILTER (WHERE coupon_code IS NOT NULL) FROM cart.recovery_emails")) {
            rs.next();
            assertEquals(expected, rs.getLong(1));
            assertEquals((EVENT_CARTS + SEEDED_CARTS) * (STEPS - 1), rs.getLong(2));
        }
        for (Process p : processes) {
            assertTrue(p.isAlive(), "no replica died");
        }
    }

    private static void awaitReady(int port, Process process) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("cart-service on port " + port + " exited with " + process.exitValue()
                        + "; see target/it-logs");
            }
            try {
                HttpResponse<String> r = http
                        .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("cart-service on port " + port + " did not become ready; see target/it-logs");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
