package io.csc.cart.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.csc.cart.support.CartTestSupport;
import io.csc.test.RawHttp;
import io.csc.web.SignedToken;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input on every cart-service route (issue 7): a JSON 400 (or the unsubscribe page's 400) with the right
 * code, never a 500 (PostgreSQL refuses NUL), a 404 for a malformed parameter or an empty body; and nothing stored.
 */
@QuarkusTest
class CartBadInputTest extends CartTestSupport {
    private static final String NUL = "\u0000";

    @SuppressWarnings("unchecked")
    private static Arguments row(String name, String code, Consumer<Map<String, Object>> change) {
        return Arguments.of(name, code, change);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(Map<String, Object> event, int index) {
        return (Map<String, Object>) ((List<Object>) event.get("cartItems")).get(index);
    }

    static Stream<Arguments> events() {
        List<Arguments> rows = new ArrayList<>();
        // NUL in every text field of a signed event
        for (String field : List.of("sessionId", "userId", "email", "cartTotal", "cartCurrency")) {
            rows.add(row(field + " with NUL", "invalid_characters", e -> e.put(field, e.get(field) + NUL)));
        }
        for (String field : List.of("id", "name", "price", "sku", "variation")) {
            rows.add(row("item " + field + " with NUL", "invalid_characters", e -> item(e, 1).put(field, "x" + NUL + "y")));
        }
        rows.add(row("applied coupon with NUL", "invalid_characters", e -> e.put("appliedCoupons", List.of("SAVE" + NUL))));
        rows.add(row("orderId with NUL", "invalid_characters", e -> e.put("orderId", "12" + NUL)));
        rows.add(row("orderTotal with NUL", "invalid_characters", e -> e.put("orderTotal", "1.00" + NUL)));
        rows.add(row("occurredAt with NUL", "invalid_characters", e -> e.put("occurredAt", e.get("occurredAt") + NUL)));
        // lenient parsing (issue 7.10)
        rows.add(row("type as a number", "invalid_json", e -> e.put("type", 1)));
        rows.add(row("unknown type", "invalid_json", e -> e.put("type", "cart_deleted")));
        rows.add(row("orderId not a number", "invalid_request", e -> e.put("orderId", "abc")));
        rows.add(row("quantity as text", "invalid_json", e -> item(e, 0).put("quantity", "2")));
        rows.add(row("quantity as a fraction", "invalid_json", e -> item(e, 0).put("quantity", 1.5)));
        rows.add(row("productId as text", "invalid_json", e -> item(e, 0).put("productId", "11")));
        rows.add(row("consent as a number", "invalid_json", e -> e.put("consent", 1)));
        rows.add(row("sessionId as an object", "invalid_json", e -> e.put("sessionId", Map.of("a", 1))));
        // the one email rule (issue 7.4)
        rows.add(row("non-ASCII email", "invalid_email", e -> e.put("email", "v1@exämple.com")));
        rows.add(row("email without a dot in its domain", "invalid_email", e -> e.put("email", "v1@localhost")));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void hostileSignedEventsAre400AndStoreNothing(String name, String code, Consumer<Map<String, Object>> change) {
        String domain = newTenant();
        Map<String, Object> event = cartUpdated("s-bad", "42", "bad@example.com", clock.instant());
        List<Object> items = new ArrayList<>();
        for (Map<String, Object> i : items()) {
            items.add(new LinkedHashMap<>(i));
        }
        event.put("cartItems", items);
        change.accept(event);
        sendEvent(domain, event).then().statusCode(400).contentType(ContentType.JSON).body("success", equalTo(false))
                .body("code", equalTo(code));
        assertEquals(0, count("SELECT count(*) FROM cart.carts WHERE domain = $1", domain));
    }

    @Test
    void aMalformedDomainHeaderIs400() {
        long ts = clock.instant().getEpochSecond();
        given().contentType("application/json").header("X-CSC-Domain", "shop.test/../x").header("X-CSC-Timestamp", ts)
                .header("X-CSC-Signature", "sha256=00").body("{}").post("/api/carts/events").then().statusCode(400)
                .contentType(ContentType.JSON).body("code", equalTo("invalid_domain"));
    }

    @Test
    void tenNonAsciiEmailsAre400AndAnotherStoreStillWorks() {
        String hostile = newTenant();
        for (int i = 0; i < 10; i++) {
            sendEvent(hostile, event("checkout_email", "s-" + i, clock.instant(), "email", "v1@exämple.com")).then()
                    .statusCode(400).body("code", equalTo("invalid_email"));
        }
        sendEvent(newTenant(), cartUpdated("s-ok", "42", "ok@example.com", clock.instant())).then().statusCode(200);
    }

    @Test
    void gateway4xxIsAnAnswerNeverRetriedNorCounted() {
        for (int i = 0; i < 25; i++) {
            String refused = "refused-" + i + ".test";
            gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/internal/tenants/" + refused)
                    .willReturn(io.csc.test.GatewayStubs.error(400, "invalid_domain")));
            sendEvent(refused, cartUpdated("s-r", "42", "r@example.com", clock.instant())).then().statusCode(400)
                    .contentType(ContentType.JSON).body("code", equalTo("invalid_request"));
        }
        gateway.verify(25, com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/internal/tenants/refused-.*")));
        sendEvent(newTenant(), cartUpdated("s-ok", "42", "ok@example.com", clock.instant())).then().statusCode(200);
    }

    static Stream<Arguments> urls() {
        return Stream.of(
                Arguments.of("/internal/carts/a%00b?domain=shop.test", 400, "invalid_characters"),
                Arguments.of("/internal/carts/s1?domain=shop.test%00", 400, "invalid_characters"),
                Arguments.of("/internal/carts/s1?domain=%ZZ", 400, "invalid_uri"),
                Arguments.of("/internal/carts/s1?domain=ex%C3%A4mple.com", 400, "invalid_domain"),
                Arguments.of("/internal/carts/s1", 400, "invalid_domain"),
                Arguments.of("/internal/carts/s1?domain=" + "a".repeat(10_000), 414, "uri_too_long"),
                Arguments.of("/api/woocommerce/abandoned-carts?domain=%ZZ", 400, "invalid_uri"),
                Arguments.of("/api/woocommerce/abandoned-carts?domain=shop.test&hours=99999999999999", 400, "invalid_request"),
                Arguments.of("/api/woocommerce/abandoned-carts?domain=shop.test&hours=abc", 400, "invalid_request"),
                Arguments.of("/api/woocommerce/abandoned-carts?domain=shop.test&hours=-1", 400, "invalid_request"),
                Arguments.of("/api/woocommerce/abandoned-carts?domain=shop.test&hours=NaN", 400, "invalid_request"),
                Arguments.of("/api/woocommerce/abandoned-carts?domain=shop.test&hours=Infinity", 400, "invalid_request"),
                Arguments.of("/api/woocommerce/abandoned-carts?domain=shop.test&hours=1e3", 400, "invalid_request"),
                Arguments.of("/api/woocommerce/abandoned-carts?domain=shop.test&min_cart_value=NaN", 400, "invalid_request"),
                Arguments.of("/api/woocommerce/abandoned-carts?domain=shop.test&min_cart_value=-1", 400, "invalid_request"),
                Arguments.of("/api/woocommerce/abandoned-carts?domain=shop.test&min_cart_value=1e99", 400, "invalid_request"),
                Arguments.of("/api/woocommerce/abandoned-carts?domain=shop.test&limit=abc", 400, "invalid_request"),
                Arguments.of("/api/woocommerce/abandoned-carts?domain=shop.test&limit=1001", 400, "invalid_request"),
                Arguments.of("/api/woocommerce/abandoned-carts?domain=shop.test&limit=99999999999", 400, "invalid_request"),
                Arguments.of("/api/woocommerce/abandoned-carts?domain=shop.test&include_guest_carts=maybe", 400,
                        "invalid_request"),
                Arguments.of("/api/woocommerce/abandoned-carts?domain=shop.test%00", 400, "invalid_characters"),
                Arguments.of("/api/carts/stats?domain=a%2Fb", 400, "invalid_domain"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urls")
    void hostileUrlsAreJsonErrors(String url, int status, String code) {
        RawHttp.Answer answer = RawHttp.get(RestAssured.port, url,
                Map.of("X-Internal-Token", INTERNAL_TOKEN, "Authorization", "Bearer " + ADMIN_TOKEN));
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.contentType() != null && answer.contentType().startsWith("application/json"),
                answer.contentType() + " " + answer.body());
        JsonPath json = JsonPath.from(answer.body());
        assertEquals(false, json.getBoolean("success"));
        assertEquals(code, json.getString("code"));
    }

    @Test
    void theReportBoundsAreStated() {
        given().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("domain", "shop.test")
                .queryParam("hours", "99999999999999").get("/api/woocommerce/abandoned-carts").then().statusCode(400)
                .body("error", containsString("0 to 8760"));
        given().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("domain", "shop.test").queryParam("hours", "8760")
                .queryParam("min_cart_value", "9999999999.9999").queryParam("limit", "1000")
                .queryParam("include_guest_carts", "true").get("/api/woocommerce/abandoned-carts").then().statusCode(200)
                .body("totalCount", equalTo(0));
    }

    @Test
    void unsubscribeTokensCarryingNulAre400Pages() {
        String domain = newTenant();
        Instant exp = clock.instant().plusSeconds(3600);
        String nulEmail = SignedToken.sign(SignedToken.Purpose.UNSUBSCRIBE, secretOf(domain),
                Map.of("domain", domain, "email", "a" + NUL + "@example.com"),
                exp);
        String nulDomain = SignedToken.sign(SignedToken.Purpose.UNSUBSCRIBE, secretOf(domain),
                Map.of("domain", domain + NUL, "email", "a@example.com"), exp);
        for (String token : List.of(nulEmail, nulDomain)) {
            given().queryParam("token", token).get("/api/carts/unsubscribe").then().statusCode(400)
                    .body(containsString("invalid or has expired"));
            given().queryParam("token", token).post("/api/carts/unsubscribe").then().statusCode(400);
        }
        assertEquals(0, count("SELECT count(*) FROM cart.unsubscribes WHERE domain = $1", domain));
    }

    @Test
    void privacyRequestsWithHostileFieldsAre400() {
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("domain", "shop.test", "email", "v1@exämple.com"),
                Map.of("domain", "shop.test", "email", "a" + NUL + "@example.com"),
                Map.of("domain", "shop.test" + NUL, "email", "a@example.com"),
                Map.of("domain", "exämple.com", "email", "a@example.com"))) {
            given().header("X-Internal-Token", INTERNAL_TOKEN).contentType("application/json").body(body)
                    .post("/internal/privacy/export").then().statusCode(400).contentType(ContentType.JSON)
                    .body("success", equalTo(false));
        }
    }

    @Test
    void aChunkedBodyPastTheLimitIs413Json() {
        // No Content-Length: only counting the bytes as they arrive can refuse it, before the signature is checked.
        byte[] body = ("{\"type\":\"cart_updated\",\"session_id\":\"" + "a".repeat(100 * 1024) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        RawHttp.Answer answer = RawHttp.sendChunked(RestAssured.port, "POST", "/api/carts/events",
                Map.of("Content-Type", "application/json"), body, 8192);
        assertEquals(413, answer.status(), answer.body());
        assertTrue(answer.contentType() != null && answer.contentType().startsWith("application/json"), answer.contentType());
        assertEquals("payload_too_large", JsonPath.from(answer.body()).getString("code"));
    }

    @Test
    void aSignedEventWithAKeyGivenTwiceIs400() {
        // Signed by the store, yet ambiguous: one reader might take the first session, another the last.
        String domain = newTenant();
        String json = json(cartUpdated("s-first", "42", "ok@example.com", clock.instant()));
        String twice = json.substring(0, json.length() - 1) + ",\"sessionId\":\"s-second\"}";
        sendRaw(domain, twice).then().statusCode(400).contentType(ContentType.JSON).body("code", equalTo("invalid_json"));
        assertEquals(0, count("SELECT count(*) FROM cart.carts WHERE domain = $1", domain));
    }
}
