package io.csc.demostore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays every recorded plain-HTTP exchange against a fresh demo store, in recording order, with the store's clock at
 * the time each request was signed and its site URL set to the recorded one. Each answer must match the recording:
 * status, pagination and Allow/Location headers, and the body (errors field by field, entities value by value).
 */
class FixtureReplayTest {

    /** Values WooCommerce picks at random or that count internal meta rows; compared by type only. */
    private static final Set<String> VOLATILE = Set.of("related_ids");
    /** The legacy sales reports read nothing with HPOS on; their values are checked against the *_hpos_sync ones. */
    private static final Set<String> SHAPE_ONLY = Set.of("reports_sales", "reports_sales_date_range",
            "reports_sales_period_month", "reports_top_sellers", "reports_top_sellers_period_year");
    private static final List<String> SYNC = List.of("reports_sales_hpos_sync", "reports_sales_date_range_hpos_sync",
            "reports_top_sellers_hpos_sync", "reports_top_sellers_period_month_hpos_sync");
    /**
     * Pages of a list whose boundary falls among products created in the same second: MySQL returned those ties in an
     * order no rule reproduces (product 39 came before 40 once 39 had been updated). Totals, pages and links must
     * still match; the bodies are compared by shape.
     */
    private static final Set<String> TIE_ORDER = Set.of("products_stock_status_instock_page1",
            "auth_oauth_sha1_query", "auth_oauth_sha256_query", "auth_oauth_header", "auth_oauth_nonce_first_use",
            "auth_readonly_key_read");
    /**
     * Recorded on 2026-11-25 after the store was reconfigured (time zone, address, shipping, gateways, pages) and had
     * used ids this replay never creates: the coupon ones are replayed by {@link CouponDatesTest} with the ids it
     * gets; the store set-up ones describe routes the demo store does not serve yet (see its README).
     */
    private static final Set<String> LATER_STORE = Set.of("coupon_create_date_expires_gmt_ignored",
            "coupon_delete_force", "coupon_create_date_expires_local", "shipping_zones_list", "shipping_zone_locations",
            "shipping_zone_methods", "payment_gateways_list", "settings_group_general_configured",
            "webhook_create_product_updated");
    // (shipping_*, payment_gateways_list and settings_group_general_configured are checked by StoreContentTest.)

    private static MutableClock clock;
    private static DemoStore store;
    private static WooClient client;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.parse("2026-11-23T22:13:12Z"));
        // The 2026-11-23 recordings come from a store in UTC (local and _gmt dates equal).
        store = DemoStore.start(DemoStoreOptions.defaults().port(0).siteUrl(Fixtures.RECORDED_SITE).clock(clock)
                .timezone(java.time.ZoneOffset.UTC));
        client = new WooClient(store.baseUrl(), Fixtures.RECORDED_SITE);
        // The demo store starts configured like the store of 2026-11-25 (Portland address); the recordings of
        // 2026-11-23 were made before that, with the installer's sample address.
        WooClient.Response reverted = client.at(clock.instant().getEpochSecond()).post("/wc/v3/settings/general/batch",
                Map.of("update", List.of(Map.of("id", "woocommerce_store_address", "value", "123 Test Street"),
                        Map.of("id", "woocommerce_store_city", "value", "San Francisco"),
                        Map.of("id", "woocommerce_default_country", "value", "US:CA"),
                        Map.of("id", "woocommerce_store_postcode", "value", "94107"))));
        assertEquals(200, reverted.status(), reverted.raw());
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @TestFactory
    Stream<DynamicTest> recordedExchanges() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode fx : Fixtures.inRecordingOrder()) {
            JsonNode request = fx.get("request");
            boolean restRoute = request.get("full_target_as_sent").asText().contains("rest_route=");
            if (!request.get("base").asText().startsWith("http://")
                    || !request.get("path").asText().startsWith("/wp-json/wc/v3") && !restRoute
                    || LATER_STORE.contains(fx.get("name").asText())) {
                continue; // HTTPS, wc-analytics and WordPress content recordings are not this store's business
            }
            tests.add(DynamicTest.dynamicTest(fx.get("name").asText(), () -> replay(fx)));
        }
        for (String name : SYNC) {
            JsonNode fx = Fixtures.load(name);
            tests.add(DynamicTest.dynamicTest(name, () -> replay(fx)));
        }
        return tests.stream();
    }

    private static void replay(JsonNode fx) {
        String name = fx.get("name").asText();
        JsonNode request = fx.get("request");
        JsonNode recorded = fx.get("response");
        String target = request.get("full_target_as_sent").asText();
        Map<String, String> headers = new LinkedHashMap<>();
        String authorization = Fixtures.text(request.get("headers"), "Authorization");
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        // The recorded server answered between the signing time and recorded_at; recorded_at keeps a stale timestamp
        // stale and gives the dates the server wrote.
        clock.set(Instant.parse(fx.get("recorded_at").asText()));
        JsonNode body = request.get("body");
        String json = body == null || body.isNull() ? null : body.isTextual() ? body.asText() : body.toString();

        WooClient.Response answer = client.raw(request.get("method").asText(), target, json, headers);

        assertEquals(recorded.get("status").asInt(), answer.status(), name + " status; body " + answer.raw());
        JsonNode recordedHeaders = recorded.get("headers");
        for (String header : List.of("X-WP-Total", "X-WP-TotalPages", "Link", "Allow", "Location")) {
            String expected = Fixtures.text(recordedHeaders, header);
            if (expected == null) {
                assertNull(answer.header(header), name + " should not send " + header);
            } else {
                assertEquals(expected, answer.header(header), name + " " + header);
            }
        }
        assertEquals("application/json; charset=UTF-8", answer.header("Content-Type"));
        assertNull(answer.header("WWW-Authenticate"));

        JsonNode expected = recorded.get("body");
        List<String> differences = SHAPE_ONLY.contains(name) || TIE_ORDER.contains(name)
                ? JsonCompare.shape(expected, answer.json())
                : JsonCompare.values(expected, answer.json(), VOLATILE);
        assertTrue(differences.isEmpty(), name + " body differs:\n  " + String.join("\n  ", differences));
    }
}
