package io.csc.demostore;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store's time zone as WooCommerce 10.0.2 applies it, replayed from the 2026-11-25 recordings (store in
 * America/New_York): a coupon's date_expires is local time, date_expires_gmt is ignored on write, and every date_x /
 * date_x_gmt pair the store answers is the same instant.
 */
class CouponDatesTest {

    /** Values that depend on ids and times this store does not share with the recorded one. */
    private static final Set<String> RUN_SPECIFIC = Set.of("id", "_links", "date_created", "date_created_gmt",
            "date_modified", "date_modified_gmt");

    private static DemoStore store;
    private static WooClient client;

    @BeforeAll
    static void start() {
        store = DemoStore.start(DemoStoreOptions.defaults().port(0).siteUrl(Fixtures.RECORDED_SITE));
        client = new WooClient(store.baseUrl(), Fixtures.RECORDED_SITE);
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @BeforeEach
    void reset() {
        store.reset();
        store.timezone(DemoStoreOptions.DEFAULT_TIMEZONE);
    }

    @Test
    void dateExpiresIsReadAsStoreLocalTime() {
        JsonNode fx = Fixtures.load("coupon_create_date_expires_local");
        WooClient.Response created = client.post("/wc/v3/coupons", fx.get("request").get("body"));
        assertEquals(201, created.status(), created.raw());
        assertSameAsRecorded(fx.get("response").get("body"), created.json());
        assertEquals("2031-06-30T23:59:59", created.json().get("date_expires").asText());
        assertEquals("2031-07-01T03:59:59", created.json().get("date_expires_gmt").asText());
    }

    @Test
    void dateExpiresGmtAloneIsIgnoredOnWrite() {
        JsonNode fx = Fixtures.load("coupon_create_date_expires_gmt_ignored");
        WooClient.Response created = client.post("/wc/v3/coupons", fx.get("request").get("body"));
        assertEquals(201, created.status(), created.raw());
        assertSameAsRecorded(fx.get("response").get("body"), created.json());
        assertTrue(created.json().get("date_expires").isNull());
        assertTrue(created.json().get("date_expires_gmt").isNull());

        // coupon_delete_force deletes that very coupon: 200 with the coupon as it was.
        JsonNode deleteFx = Fixtures.load("coupon_delete_force");
        int id = created.json().get("id").asInt();
        WooClient.Response deleted = client.delete("/wc/v3/coupons/" + id, "force", "true");
        assertEquals(deleteFx.get("response").get("status").asInt(), deleted.status(), deleted.raw());
        assertSameAsRecorded(deleteFx.get("response").get("body"), deleted.json());
        assertEquals(404, client.get("/wc/v3/coupons/" + id).status());
    }

    @Test
    void theSiteIndexTellsAnyoneTheTimeZone() {
        WooClient.Response index = client.raw("GET", "/wp-json/?_fields=timezone_string,gmt_offset", null,
                java.util.Map.of());
        assertEquals(200, index.status(), index.raw());
        assertEquals("America/New_York", index.json().get("timezone_string").asText());
        assertEquals(2, index.json().size());
        store.timezone(ZoneOffset.ofHoursMinutes(5, 30));
        JsonNode fixed = client.raw("GET", "/wp-json/", null, java.util.Map.of()).json();
        assertEquals("", fixed.get("timezone_string").asText());
        assertEquals(5.5, fixed.get("gmt_offset").asDouble());
    }

    @Test
    void theSameLocalTimeIsAnotherInstantInAnotherZone() {
        store.timezone(ZoneId.of("Asia/Kolkata"));
        ObjectNode body = Fixtures.MAPPER.createObjectNode().put("code", "tz-kolkata").put("discount_type", "percent")
                .put("amount", "5").put("date_expires", "2031-06-30T23:59:59");
        JsonNode created = client.post("/wc/v3/coupons", body).json();
        assertEquals("2031-06-30T23:59:59", created.get("date_expires").asText());
        assertEquals("2031-06-30T18:29:59", created.get("date_expires_gmt").asText());
    }

    @Test
    void everyLocalDateIsItsGmtTwinInTheStoreZone() {
        ZoneId zone = DemoStoreOptions.DEFAULT_TIMEZONE;
        for (String path : new String[]{"/wc/v3/orders/47", "/wc/v3/products/11", "/wc/v3/customers/2",
                "/wc/v3/orders/57/refunds", "/wc/v3/orders/47/notes"}) {
            JsonNode answer = client.get(path).json();
            int pairs = checkPairs(path, answer, zone);
            assertTrue(pairs > 0, path + " has date pairs");
        }
        // Changing the site's time zone moves the local fields, not the instants.
        JsonNode before = client.get("/wc/v3/orders/47").json();
        store.timezone(ZoneOffset.UTC);
        JsonNode after = client.get("/wc/v3/orders/47").json();
        assertEquals(before.get("date_created_gmt"), after.get("date_created_gmt"));
        assertEquals(after.get("date_created_gmt"), after.get("date_created"));
    }

    private static int checkPairs(String path, JsonNode node, ZoneId zone) {
        int pairs = 0;
        if (node.isObject()) {
            var names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (name.startsWith("date") && !name.endsWith("_gmt") && node.has(name + "_gmt")
                        && node.get(name + "_gmt").isTextual()) {
                    Instant gmt = java.time.LocalDateTime.parse(node.get(name + "_gmt").asText()).toInstant(ZoneOffset.UTC);
                    String expected = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
                            .format(gmt.atZone(zone));
                    assertEquals(expected, node.get(name).asText(), path + " " + name);
                    pairs++;
                } else if (node.get(name).isContainerNode()) {
                    pairs += checkPairs(path, node.get(name), zone);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                pairs += checkPairs(path, item, zone);
            }
        }
        return pairs;
    }

    private static void assertSameAsRecorded(JsonNode recorded, JsonNode actual) {
        ObjectNode expected = recorded.deepCopy();
        ObjectNode got = actual.deepCopy();
        RUN_SPECIFIC.forEach(f -> {
            expected.remove(f);
            got.remove(f);
        });
        var differences = JsonCompare.values(expected, got, Set.of());
        assertTrue(differences.isEmpty(), "differs from the recording:\n  " + String.join("\n  ", differences));
    }
}
