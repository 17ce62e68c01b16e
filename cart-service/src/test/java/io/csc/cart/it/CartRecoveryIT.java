package io.csc.cart.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

import io.csc.test.PackagedApp;
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
    private static final List<PackagedApp> apps = new ArrayList<>();
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

        for (int i = 0; i < 3; i++) {
            int port = PackagedApp.freePort();
            Map<String, String> env = new HashMap<>();
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
            // C1 only and a small heap: three JVMs start on a small machine without starving each other.
            apps.add(PackagedApp.start(port, env, List.of(), List.of("-Xmx256m", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC")));
            ports.add(port);
        }
        for (PackagedApp app : apps) {
            app.awaitReady(Duration.ofSeconds(40));
        }
        try (Connection db = DriverManager.getConnection(JDBC, "postgres", ""); Statement st = db.createStatement()) {
            st.execute("TRUNCATE cart.cart_restores, cart.recovery_emails, cart.carts, cart.unsubscribes");
        }
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (PackagedApp app : apps) {
            app.close();
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
        for (PackagedApp app : apps) {
            assertTrue(app.isAlive(), "no replica died: " + app.log());
        }
    }

}
