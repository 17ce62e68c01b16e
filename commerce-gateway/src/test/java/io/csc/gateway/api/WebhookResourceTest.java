package io.csc.gateway.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.csc.gateway.support.Api;
import io.csc.gateway.support.Fixtures;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Webhook deliveries exactly as WooCommerce 10.0.2 sent them (fixtures webhook_delivery_*): the unsigned activation
 * ping must get exactly 200, a signed delivery is checked over its raw bytes, and nothing else unsigned gets in. The
 * recording's webhook secret ("fixture-secret") is shorter than a plugin secret may be, so the rule is checked against
 * the recorded signature directly and the route with the recorded body signed by this test's store secret.
 */
@QuarkusTest
class WebhookResourceTest {
    static final String DOMAIN = "hooks-shop.test";
    static final String URL = "/api/webhooks/woocommerce/" + DOMAIN;
    static final String SECRET = "webhook-test-secret-0123456789abcdef";

    @Inject
    RedisDataSource redis;

    @BeforeEach
    void registerStoreWithTheRecordedSecret() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("domain", DOMAIN);
        body.put("plugin_secret", SECRET);
        body.put("woocommerce_enabled", false);
        Api.admin().body(body).post("/api/admin/config").then().statusCode(org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
    }

    @Test
    void theActivationPingGetsExactly200() {
        JsonNode ping = Fixtures.load("webhook_delivery_ping").get("request");
        recorded(ping).post(URL).then().statusCode(200).body("success", equalTo(true));
        // An unknown store's ping fails like any other request for it.
        recorded(ping).post("/api/webhooks/woocommerce/unknown-hooks.test").then().statusCode(401);
    }

    @Test
    void theSignatureRuleReproducesTheRecordedOne() {
        JsonNode delivery = Fixtures.load("webhook_delivery_product_updated").get("request");
        byte[] raw = text(delivery, "body_raw").getBytes(StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertEquals(text(delivery.get("headers"), "X-WC-Webhook-Signature"),
                WebhookResource.expectedSignature("fixture-secret", raw));
    }

    @Test
    void aRecordedDeliveryIsAcceptedOverItsRawBytes() {
        JsonNode delivery = Fixtures.load("webhook_delivery_product_updated").get("request");
        byte[] raw = text(delivery, "body_raw").getBytes(StandardCharsets.UTF_8);
        headers(delivery).header("X-WC-Webhook-Signature", WebhookResource.expectedSignature(SECRET, raw)).body(raw)
                .post(URL).then().statusCode(200).body("success", equalTo(true)).body("topic", equalTo("product.updated"));
        // With the recorded store's signature (another secret) it is refused.
        recorded(delivery).post(URL).then().statusCode(401);
    }

    @Test
    void aSignedProductWebhookIsPublishedAsAStoreEvent() {
        long updated = 100_000 + java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L);
        long deleted = updated + 1;
        signed("product.updated", "{\"id\":" + updated + ",\"name\":\"Rain Jacket\",\"status\":\"publish\","
                + "\"permalink\":\"https:\\/\\/hooks-shop.test\\/product\\/rain-jacket\\/\"}")
                .post(URL).then().statusCode(200).body("published", equalTo(true));
        // WooCommerce's deletion payload is the id alone
        signed("product.deleted", "{\"id\":" + deleted + "}").post(URL).then().statusCode(200)
                .body("published", equalTo(true));

        Map<String, String> update = event(updated);
        Assertions.assertEquals(DOMAIN, update.get("domain"));
        Assertions.assertEquals("product.updated", update.get("topic"));
        Assertions.assertEquals("publish", update.get("status"));
        Map<String, String> deletion = event(deleted);
        Assertions.assertEquals("product.deleted", deletion.get("topic"));
        Assertions.assertNull(deletion.get("status"));

        // a badly signed product webhook publishes nothing
        long forged = deleted + 1;
        given().contentType("application/json").header("X-WC-Webhook-Topic", "product.deleted")
                .header("X-WC-Webhook-Signature", "Zm9yZ2Vk").body("{\"id\":" + forged + "}").post(URL).then()
                .statusCode(401);
        Assertions.assertNull(find(forged));
    }

    /** A delivery of this topic, signed with the store's secret as WooCommerce signs it. */
    private static RequestSpecification signed(String topic, String body) {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        return given().contentType("application/json").header("X-WC-Webhook-Topic", topic)
                .header("X-WC-Webhook-Resource", "product").header("X-WC-Webhook-Event", topic.substring(8))
                .header("X-WC-Webhook-Signature", WebhookResource.expectedSignature(SECRET, raw)).body(raw);
    }

    /** The store event about this product on the stream (the newest entries; other test runs write there too). */
    private Map<String, String> event(long productId) {
        Map<String, String> found = find(productId);
        Assertions.assertNotNull(found, "an event for product " + productId);
        return found;
    }

    private Map<String, String> find(long productId) {
        for (var m : redis.stream(String.class).xrevrange("csc:store-events", StreamRange.of("+", "-"), 500)) {
            if (Long.toString(productId).equals(m.payload().get("productId"))) {
                return m.payload();
            }
        }
        return null;
    }

    @Test
    void theSameDeliveryReserialisedDoesNotMatchItsSignature() throws Exception {
        JsonNode delivery = Fixtures.load("webhook_delivery_product_updated").get("request");
        // Parsed and written again: the same data without PHP's escaped slashes, so other bytes.
        String reserialised = new ObjectMapper().writeValueAsString(new ObjectMapper().readTree(text(delivery, "body_raw")));
        org.junit.jupiter.api.Assertions.assertNotEquals(text(delivery, "body_raw"), reserialised);
        headers(delivery)
                .header("X-WC-Webhook-Signature",
                        WebhookResource.expectedSignature(SECRET, text(delivery, "body_raw").getBytes(StandardCharsets.UTF_8)))
                .body(reserialised.getBytes(StandardCharsets.UTF_8)).post(URL).then().statusCode(401)
                .body("code", equalTo("invalid_signature"));
    }

    @Test
    void nothingElseUnsignedGetsIn() {
        String[][] attempts = {
                {"application/x-www-form-urlencoded", "webhook_id=1&topic=product.updated"},
                {"application/x-www-form-urlencoded", "webhook_id=abc"},
                {"application/x-www-form-urlencoded", ""},
                {"application/json", "webhook_id=1"},
                {"application/json", "{\"webhook_id\":1}"},
                {"text/plain", "webhook_id=1"},
        };
        for (String[] attempt : attempts) {
            given().contentType(attempt[0]).body(attempt[1]).post(URL).then()
                    .statusCode(401).body("success", equalTo(false));
        }
        // A ping-shaped body that claims to be a delivery must carry a valid signature.
        given().contentType("application/x-www-form-urlencoded").header("X-WC-Webhook-Topic", "product.updated")
                .body("webhook_id=1").post(URL).then().statusCode(401);
    }

    /** The recorded request: its headers (minus transport ones) and its raw body bytes. */
    private static RequestSpecification recorded(JsonNode request) {
        // RestAssured sends a form body given as text unchanged (bytes are refused for form content types).
        return headers(request, true).body(text(request, "body_raw"));
    }

    /** The recorded headers without their signature (the test signs with its own secret). */
    private static RequestSpecification headers(JsonNode request) {
        return headers(request, false);
    }

    private static RequestSpecification headers(JsonNode request, boolean keepSignature) {
        RequestSpecification spec = given().urlEncodingEnabled(false);
        request.get("headers").properties().forEach(h -> {
            String name = h.getKey();
            if (name.equals("Content-Type")) {
                spec.contentType(h.getValue().asText());
            } else if (!name.equals("Host") && !name.equals("Content-Length") && !name.equals("Connection")
                    && !name.equals("Accept-Encoding") && (keepSignature || !name.equals("X-WC-Webhook-Signature"))) {
                spec.header(name, h.getValue().asText());
            }
        });
        return spec;
    }

    private static String text(JsonNode node, String field) {
        return node.get(field).asText();
    }
}
