package io.csc.cart.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.csc.cart.support.CartTestSupport;
import io.csc.web.PluginSignature;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CartEventResourceTest extends CartTestSupport {

    @Test
    void refusesUnsignedForgedStaleAndUnknownAndStoresNothing() {
        String domain = newTenant();
        String body = json(cartUpdated("s-refused", "42", "ann@example.com", clock.instant()));
        long ts = clock.instant().getEpochSecond();

        given().contentType("application/json").header(PluginSignature.DOMAIN_HEADER, domain).body(body)
                .post("/api/carts/events").then().statusCode(401).body("code", equalTo("invalid_signature"))
                .body("success", equalTo(false));
        given().contentType("application/json").header(PluginSignature.DOMAIN_HEADER, domain)
                .header(PluginSignature.TIMESTAMP_HEADER, ts)
                .header(PluginSignature.SIGNATURE_HEADER, PluginSignature.sign("wrong-secret", ts, body))
                .body(body).post("/api/carts/events").then().statusCode(401).body("code", equalTo("invalid_signature"));
        // Signed over a different body (tampered in transit).
        given().contentType("application/json").header(PluginSignature.DOMAIN_HEADER, domain)
                .header(PluginSignature.TIMESTAMP_HEADER, ts)
                .header(PluginSignature.SIGNATURE_HEADER, PluginSignature.sign(secretOf(domain), ts, body + " "))
                .body(body).post("/api/carts/events").then().statusCode(401);
        long stale = clock.instant().minus(Duration.ofMinutes(6)).getEpochSecond();
        given().contentType("application/json").header(PluginSignature.DOMAIN_HEADER, domain)
                .header(PluginSignature.TIMESTAMP_HEADER, stale)
                .header(PluginSignature.SIGNATURE_HEADER, PluginSignature.sign(secretOf(domain), stale, body))
                .body(body).post("/api/carts/events").then().statusCode(401).body("code", equalTo("stale_timestamp"));
        given().contentType("application/json").header(PluginSignature.DOMAIN_HEADER, "unknown-" + domain)
                .header(PluginSignature.TIMESTAMP_HEADER, ts)
                .header(PluginSignature.SIGNATURE_HEADER, PluginSignature.sign(secretOf(domain), ts, body))
                .body(body).post("/api/carts/events").then().statusCode(404).body("code", equalTo("tenant_not_found"));

        sendRaw(domain, "{not json").then().statusCode(400).body("code", equalTo("invalid_json"));
        sendRaw(domain, "{\"type\":\"teleport\",\"sessionId\":\"s-refused\"}").then().statusCode(400);
        sendEvent(domain, Map.of("type", "cart_updated", "sessionId", "s-refused", "email", "not-an-email"))
                .then().statusCode(400).body("code", equalTo("invalid_request"));
        sendEvent(domain, Map.of("type", "cart_updated", "sessionId", "s-refused", "cartTotal", "12,50 EUR"))
                .then().statusCode(400);
        sendEvent(domain, Map.of("type", "checkout_email", "sessionId", "s-refused")).then().statusCode(400);
        sendEvent(domain, cartUpdated("s-refused", "42", "ann@example.com", clock.instant().plus(Duration.ofHours(1))))
                .then().statusCode(400);

        assertEquals(0, count("SELECT count(*) FROM cart.carts"));
    }

    @Test
    void cartUpdatedIsStoredAndServedAsCartContext() {
        String domain = newTenant();
        Instant at = clock.instant();
        sendEvent(domain, cartUpdated("s-1", "42", "Ann@Example.com", at)).then().statusCode(200)
                .body("success", equalTo(true)).body("applied", equalTo(true)).body("state", equalTo("active"));

        given().header("X-Internal-Token", INTERNAL_TOKEN).queryParam("domain", domain).get("/internal/carts/s-1")
                .then().statusCode(200)
                .body("sessionId", equalTo("s-1")).body("userId", equalTo("42")).body("email", equalTo("ann@example.com"))
                .body("hasItems", equalTo(true)).body("itemCount", equalTo(3)).body("cartTotal", equalTo("34.99"))
                .body("cartCurrency", equalTo("EUR")).body("cartItems", hasSize(2))
                .body("cartItems[0].name", equalTo("Blue Mug")).body("cartItems[1].variationId", equalTo(31))
                .body("lastUpdated", equalTo(at.toString())).body("abandoned", equalTo(false))
                .body("abandonedAt", nullValue());

        given().queryParam("domain", domain).get("/internal/carts/s-1").then().statusCode(401);
        given().header("X-Internal-Token", INTERNAL_TOKEN).queryParam("domain", domain).get("/internal/carts/nope")
                .then().statusCode(404).body("code", equalTo("cart_not_found"));
        given().header("X-Internal-Token", INTERNAL_TOKEN).queryParam("domain", "other.test").get("/internal/carts/s-1")
                .then().statusCode(404);
    }

    @Test
    void checkoutEmailConsentAndOrderPlacedEachUpdateTheirPart() {
        String domain = newTenant();
        Instant t0 = clock.instant();
        sendEvent(domain, cartUpdated("s-guest", null, null, t0)).then().statusCode(200);
        sendEvent(domain, event("checkout_email", "s-guest", t0.plusSeconds(10), "email", "Guest@Example.com"))
                .then().statusCode(200).body("applied", equalTo(true));
        sendEvent(domain, event("consent", "s-guest", t0.plusSeconds(20), "consent", true)).then().statusCode(200)
                .body("applied", equalTo(true));
        Map<String, Object> row = cartRow(domain, "s-guest");
        assertEquals("guest@example.com", row.get("email"));
        assertEquals(true, row.get("consent"));
        assertEquals(null, row.get("user_id"));

        sendEvent(domain, event("order_placed", "s-guest", t0.plusSeconds(30), "orderId", "1001", "orderTotal", "34.99"))
                .then().statusCode(200).body("state", equalTo("converted"));
        row = cartRow(domain, "s-guest");
        assertEquals("converted", row.get("state"));
        assertEquals("1001", row.get("order_id"));
    }

    @Test
    void duplicatesAndOutOfOrderEventsAreHarmless() {
        String domain = newTenant();
        Instant t0 = clock.instant();
        Map<String, Object> newer = cartUpdated("s-ooo", "42", "ann@example.com", t0.plusSeconds(60));
        newer.put("cartItems", List.of(Map.of("productId", 11, "name", "Blue Mug", "quantity", 5, "price", "12.50")));
        newer.put("cartTotal", "62.50");
        sendEvent(domain, newer).then().statusCode(200).body("applied", equalTo(true));
        // The same event again, and an older one arriving late: neither changes anything.
        sendEvent(domain, newer).then().statusCode(200).body("applied", equalTo(false));
        sendEvent(domain, cartUpdated("s-ooo", "42", "ann@example.com", t0)).then().statusCode(200)
                .body("applied", equalTo(false)).body("state", equalTo("active"));
        Map<String, Object> row = cartRow(domain, "s-ooo");
        assertEquals(5, row.get("item_count"));
        assertEquals("62.50", row.get("total"));

        // Consent withdrawn later wins over consent given earlier but delivered after it.
        sendEvent(domain, event("consent", "s-ooo", t0.plusSeconds(90), "consent", false)).then().statusCode(200);
        sendEvent(domain, event("consent", "s-ooo", t0.plusSeconds(80), "consent", true)).then().statusCode(200)
                .body("applied", equalTo(false));
        assertEquals(false, cartRow(domain, "s-ooo").get("consent"));

        // An order ends the cart: an update that happened before it but arrives after it changes nothing.
        sendEvent(domain, event("order_placed", "s-ooo", t0.plusSeconds(120), "orderId", "7", "orderTotal", "62.50"))
                .then().statusCode(200);
        sendEvent(domain, event("order_placed", "s-ooo", t0.plusSeconds(120), "orderId", "7", "orderTotal", "62.50"))
                .then().statusCode(200).body("applied", equalTo(false));
        sendEvent(domain, cartUpdated("s-ooo", "42", "ann@example.com", t0.plusSeconds(100))).then().statusCode(200)
                .body("applied", equalTo(false)).body("state", equalTo("converted"));
        assertEquals(5, cartRow(domain, "s-ooo").get("item_count"));
        assertEquals(1, count("SELECT count(*) FROM cart.carts WHERE domain = $1", domain));
    }

    @Test
    void occurredAtDefaultsToTheSignedTimestampAndGuestUserZeroIsAGuest() {
        String domain = newTenant();
        Map<String, Object> e = cartUpdated("s-nots", "0", null, clock.instant());
        e.remove("occurredAt");
        sendEvent(domain, e).then().statusCode(200).body("applied", equalTo(true));
        Map<String, Object> row = cartRow(domain, "s-nots");
        assertEquals(null, row.get("user_id"));
        assertEquals(clock.instant().getEpochSecond(), ((Instant) row.get("last_activity_at")).getEpochSecond());
    }

    private Map<String, Object> cartRow(String domain, String session) {
        var row = one("SELECT email, consent, user_id, state, order_id, item_count, cart_total::text AS total, last_activity_at"
                + " FROM cart.carts WHERE domain = $1 AND session_id = $2", domain, session);
        var map = new java.util.HashMap<String, Object>();
        map.put("email", row.getString("email"));
        map.put("consent", row.getBoolean("consent"));
        map.put("user_id", row.getString("user_id"));
        map.put("state", row.getString("state"));
        map.put("order_id", row.getString("order_id"));
        map.put("item_count", row.getInteger("item_count"));
        map.put("total", new java.math.BigDecimal(row.getString("total")).setScale(2).toPlainString());
        map.put("last_activity_at", row.getOffsetDateTime("last_activity_at").toInstant());
        return map;
    }
}
