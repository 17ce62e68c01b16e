package io.csc.demostore;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a real store publishes besides its catalog, compared with the 2026-11-25 recordings: WordPress pages and posts
 * (public, paginated with a 400 past the end, _fields, slug), shipping zones, payment gateways, general settings.
 */
class StoreContentTest {
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

    private static WooClient.Response anonymous(String target) {
        return client.raw("GET", target, null, Map.of());
    }

    @Test
    void pagesArePublicAndPaginatedLikeWordPress() {
        JsonNode fx = Fixtures.load("wp_pages_list_fields");
        WooClient.Response first = anonymous(fx.get("request").get("full_target_as_sent").asText());
        assertEquals(200, first.status(), first.raw());
        assertEquals("11", first.header("X-WP-Total"));
        assertEquals("3", first.header("X-WP-TotalPages"));
        assertEquals("GET", first.header("Allow"));
        // Same Link form as recorded: the request's query (comma kept encoded) with page=2 appended.
        assertEquals(fx.get("response").get("headers").get("Link").asText(), first.header("Link"));
        assertEquals(5, first.json().size());
        JsonNode recordedItem = fx.get("response").get("body").get(0);
        for (JsonNode item : first.json()) {
            assertTrue(JsonCompare.shape(recordedItem, item).isEmpty(), JsonCompare.shape(recordedItem, item).toString());
        }
        // Newest first, as WordPress orders by date.
        assertEquals("terms", first.json().get(0).get("slug").asText());

        WooClient.Response middle = anonymous("/wp-json/wp/v2/pages?per_page=5&page=2");
        assertTrue(middle.header("Link").contains("page=1>; rel=\"prev\""), middle.header("Link"));
        assertTrue(middle.header("Link").contains("page=3>; rel=\"next\""), middle.header("Link"));

        JsonNode beyond = Fixtures.load("wp_pages_beyond_last");
        WooClient.Response past = anonymous(beyond.get("request").get("full_target_as_sent").asText());
        assertEquals(400, past.status());
        assertEquals(beyond.get("response").get("body"), past.json());
    }

    @Test
    void aPageBySlugIsAListWithTheFullObject() {
        JsonNode fx = Fixtures.load("wp_page_single");
        WooClient.Response answer = anonymous(fx.get("request").get("full_target_as_sent").asText());
        assertEquals(200, answer.status());
        assertEquals("1", answer.header("X-WP-Total"));
        List<String> differences = JsonCompare.shape(fx.get("response").get("body"), answer.json());
        assertTrue(differences.isEmpty(), differences.toString());
        assertEquals("http://127.0.0.1:8088/sample-page/", answer.json().get(0).get("link").asText());

        JsonNode returns = anonymous("/wp-json/wp/v2/pages?slug=refund_returns").json().get(0);
        assertEquals("Refund and Returns Policy", returns.get("title").get("rendered").asText());
        assertTrue(returns.get("content").get("rendered").asText().contains("30 days"));
        assertEquals(returns, anonymous("/wp-json/wp/v2/pages/" + returns.get("id").asInt()).json());
        assertEquals(404, anonymous("/wp-json/wp/v2/pages/424242").status());
    }

    @Test
    void modifiedAfterKeepsOnlyNewerContent() {
        JsonNode recent = anonymous("/wp-json/wp/v2/pages?modified_after=2026-11-25T21:50:00Z&_fields=slug").json();
        Set<String> slugs = new java.util.HashSet<>();
        recent.forEach(p -> slugs.add(p.get("slug").asText()));
        assertTrue(slugs.containsAll(Set.of("terms", "faq", "shipping-delivery", "refund_returns", "privacy-policy")),
                slugs.toString());
        assertTrue(!slugs.contains("sample-page") && !slugs.contains("cart"), slugs.toString());
    }

    @Test
    void postsHaveThePostShape() {
        JsonNode fx = Fixtures.load("wp_posts_list_empty_or_default");
        WooClient.Response answer = anonymous(
                "/wp-json/wp/v2/posts?per_page=2&_fields=id%2Cslug%2Clink%2Ctitle%2Cmodified_gmt");
        assertEquals(200, answer.status());
        assertTrue(JsonCompare.shape(fx.get("response").get("body").get(0), answer.json().get(0)).isEmpty());
        assertNull(answer.json().get(0).get("content"));
    }

    @Test
    void shippingPaymentsAndSettingsAreTheRecordedOnes() {
        for (String[] pair : new String[][]{{"shipping_zones_list", "/wc/v3/shipping/zones"},
                {"shipping_zone_locations", "/wc/v3/shipping/zones/1/locations"},
                {"shipping_zone_methods", "/wc/v3/shipping/zones/1/methods"},
                {"payment_gateways_list", "/wc/v3/payment_gateways"},
                {"settings_group_general_configured", "/wc/v3/settings/general"}}) {
            JsonNode fx = Fixtures.load(pair[0]);
            WooClient.Response answer = client.get(pair[1]);
            assertEquals(200, answer.status(), pair[0] + " " + answer.raw());
            List<String> differences = JsonCompare.values(fx.get("response").get("body"), answer.json(), Set.of());
            assertTrue(differences.isEmpty(), pair[0] + ": " + differences);
        }
        JsonNode europe = client.get("/wc/v3/shipping/zones/2/methods").json();
        assertEquals("International", europe.get(0).get("title").asText());
        assertEquals("14.95", europe.get(0).get("settings").get("cost").get("value").asText());
        assertEquals(401, anonymous("/wp-json/wc/v3/shipping/zones").status());
    }
}
