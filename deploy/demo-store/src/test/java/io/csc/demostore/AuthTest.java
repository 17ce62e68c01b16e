package io.csc.demostore;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** WooCommerce's plain-HTTP authentication rules against a running store with freshly signed requests. */
class AuthTest {

    private static DemoStore store;
    private static WooClient client;

    @BeforeAll
    static void start() {
        store = DemoStore.start(DemoStoreOptions.defaults().port(0));
        client = new WooClient(store.baseUrl(), store.baseUrl());
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    /** The store answered exactly the recorded error (status and body), without WWW-Authenticate. */
    private static void assertRecorded(String fixture, WooClient.Response answer) {
        JsonNode recorded = Fixtures.load(fixture).get("response");
        assertEquals(recorded.get("status").asInt(), answer.status(), answer.raw());
        assertEquals(recorded.get("body"), answer.json());
        assertNull(answer.header("WWW-Authenticate"));
    }

    private static WooClient.Response unsigned(String method, String target, Map<String, String> headers, String body) {
        return client.raw(method, target, body, headers);
    }

    @Test
    void unsignedRequestsGetTheRoutesOwn401() {
        assertRecorded("auth_missing", unsigned("GET", "/wc/v3/products", Map.of(), null));
        assertRecorded("auth_missing_single_resource", unsigned("GET", "/wc/v3/products/23", Map.of(), null));
        assertRecorded("auth_missing_post", unsigned("POST", "/wc/v3/orders/48/notes", Map.of(), "{\"note\":\"x\"}"));
        WooClient.Response edit = unsigned("PUT", "/wc/v3/products/23", Map.of(), "{\"name\":\"x\"}");
        assertEquals(401, edit.status());
        assertEquals("woocommerce_rest_cannot_edit", edit.json().get("code").asText());
        assertEquals("Sorry, you are not allowed to edit this resource.", edit.json().get("message").asText());
        WooClient.Response delete = unsigned("DELETE", "/wc/v3/products/23", Map.of(), null);
        assertEquals("woocommerce_rest_cannot_delete", delete.json().get("code").asText());
        assertEquals("Sorry, you are not allowed to delete this resource.", delete.json().get("message").asText());
        assertNull(delete.header("Allow"));
    }

    @Test
    void basicAuthAndQueryKeysAreIgnoredOverHttp() {
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((DemoStore.CONSUMER_KEY + ":" + DemoStore.CONSUMER_SECRET).getBytes(StandardCharsets.UTF_8));
        assertRecorded("auth_basic_over_http",
                unsigned("GET", "/wc/v3/products?per_page=1", Map.of("Authorization", basic), null));
        assertRecorded("auth_querykeys_over_http", unsigned("GET", "/wc/v3/products?per_page=1&consumer_key="
                + DemoStore.CONSUMER_KEY + "&consumer_secret=" + DemoStore.CONSUMER_SECRET, Map.of(), null));
    }

    @Test
    void basicAuthWorksWhenAllowed() {
        try (DemoStore lenient = DemoStore.start(DemoStoreOptions.defaults().port(0).allowBasicOverHttp(true))) {
            WooClient c = new WooClient(lenient.baseUrl(), lenient.baseUrl());
            String basic = "Basic " + Base64.getEncoder().encodeToString(
                    (DemoStore.CONSUMER_KEY + ":" + DemoStore.CONSUMER_SECRET).getBytes(StandardCharsets.UTF_8));
            assertEquals(200, c.raw("GET", "/wc/v3/products?per_page=1", null, Map.of("Authorization", basic)).status());
            String wrong = "Basic " + Base64.getEncoder()
                    .encodeToString((DemoStore.CONSUMER_KEY + ":cs_wrong").getBytes(StandardCharsets.UTF_8));
            WooClient.Response rejected = c.raw("GET", "/wc/v3/products?per_page=1", null, Map.of("Authorization", wrong));
            assertEquals(Fixtures.load("auth_https_basic_wrong_secret").get("response").get("body"), rejected.json());
        }
    }

    @Test
    void signedRequestsAreAccepted() {
        WooClient.Response sha1 = client.get("/wc/v3/products", "per_page", "1");
        assertEquals(200, sha1.status(), sha1.raw());
        assertEquals("30", sha1.header("X-WP-Total"));
        assertEquals(200, client.sha256().get("/wc/v3/products", "per_page", "1").status());
        assertEquals(200, client.getWithHeader("/wc/v3/products", "per_page", "1").status());
        assertEquals(200, client.sha256().getWithHeader("/wc/v3/products", "search", "Home & Kitchen café").status());
        WooClient.Response restRoute = client.sendTo("GET", "/wp-json/wc/v3/",
                WooClient.pairs("rest_route", "/wc/v3/products", "per_page", "1"), null, WooClient.nonce());
        assertEquals(200, restRoute.status(), restRoute.raw());
        assertEquals("30", restRoute.header("X-WP-Total"));
    }

    @Test
    void aRestRouteRequestOutsideWpJsonIsNeverAuthenticated() {
        // Signed correctly for the site root: WooCommerce does not even look at the signature (no wp-json/wc/ in the URI).
        WooClient.Response rootForm = client.sha256().sendTo("GET", "/",
                WooClient.pairs("rest_route", "/wc/v3/products", "per_page", "1"), null, WooClient.nonce());
        assertEquals(401, rootForm.status(), rootForm.raw());
        assertEquals(Fixtures.load("auth_oauth_rest_route_query").get("response").get("body"), rootForm.json());
        assertEquals(null, rootForm.header("Allow"));
    }

    @Test
    void theUrlFromTheHostHeaderIsAcceptedToo() {
        String viaLocalhost = store.baseUrl().replace("127.0.0.1", "localhost");
        WooClient c = new WooClient(viaLocalhost, viaLocalhost);
        assertEquals(200, c.get("/wc/v3/products", "per_page", "1").status());
    }

    @Test
    void replayedNonceIsRejected() {
        String nonce = WooClient.nonce();
        List<Map.Entry<String, String>> params = WooClient.pairs("per_page", "1");
        assertEquals(200, client.sendTo("GET", "/wp-json/wc/v3/products", params, null, nonce).status());
        assertRecorded("auth_oauth_nonce_replayed", client.sendTo("GET", "/wp-json/wc/v3/products", params, null, nonce));
    }

    @Test
    void timestampsOutsideFifteenMinutesAreRejected() {
        long now = System.currentTimeMillis() / 1000;
        assertRecorded("auth_oauth_timestamp_stale", client.at(now - 16 * 60).get("/wc/v3/products", "per_page", "1"));
        assertRecorded("auth_oauth_timestamp_stale", client.at(now + 16 * 60).get("/wc/v3/products", "per_page", "1"));
        assertEquals(200, client.at(now - 14 * 60).get("/wc/v3/products", "per_page", "1").status());
    }

    @Test
    void wrongKeySecretOrMethodIsRejected() {
        assertRecorded("auth_oauth_wrong_secret",
                client.as(DemoStore.CONSUMER_KEY, "cs_1111111111111111111111111111111111111111").get("/wc/v3/products"));
        assertRecorded("auth_oauth_wrong_key",
                client.as("ck_0000000000000000000000000000000000000000", "cs_x").get("/wc/v3/products"));
        WooClient.Response plaintext = client.raw("GET", "/wc/v3/products?per_page=1&oauth_consumer_key="
                + DemoStore.CONSUMER_KEY + "&oauth_timestamp=" + System.currentTimeMillis() / 1000
                + "&oauth_nonce=abc&oauth_signature_method=PLAINTEXT&oauth_signature=xyz", null, Map.of());
        assertRecorded("auth_oauth_bad_signature_method", plaintext);
        WooClient.Response missing = client.raw("GET", "/wc/v3/products?per_page=1&oauth_consumer_key="
                + DemoStore.CONSUMER_KEY + "&oauth_timestamp=1&oauth_nonce=abc&oauth_signature=xyz", null, Map.of());
        assertRecorded("auth_oauth_missing_param", missing);
    }

    @Test
    void keyPermissionsAreEnforced() {
        WooClient readOnly = client.as(DemoStore.READ_KEY, DemoStore.READ_SECRET);
        WooClient writeOnly = client.as(DemoStore.WRITE_KEY, DemoStore.WRITE_SECRET);
        assertEquals(200, readOnly.get("/wc/v3/products", "per_page", "1").status());
        assertRecorded("auth_readonly_key_write", readOnly.post("/wc/v3/orders/48/notes", Map.of("note", "should fail")));
        assertRecorded("auth_writeonly_key_read", writeOnly.get("/wc/v3/products", "per_page", "1"));
        WooClient.Response written = writeOnly.post("/wc/v3/orders/48/notes", Map.of("note", "written by the w key"));
        assertEquals(201, written.status(), written.raw());
        store.reset();
    }

    @Test
    void routingAndBodyErrorsAsRecorded() {
        assertRecorded("error_no_route", client.get("/wc/v3/nope"));
        assertRecorded("error_method_not_allowed", client.delete("/wc/v3/reports/sales"));
        assertRecorded("error_invalid_json_body", client.post("/wc/v3/products", "{\"name\": \"broken\", "));
        assertRecorded("error_invalid_param_per_page", client.get("/wc/v3/products", "per_page", "500"));
        assertRecorded("error_invalid_param_page_zero", client.get("/wc/v3/orders", "page", "0"));
        assertRecorded("error_invalid_param_stock_status", client.get("/wc/v3/products", "stock_status", "bogus"));
        assertRecorded("error_invalid_param_orders_status", client.get("/wc/v3/orders", "status", "bogus"));
        assertRecorded("customers_by_email_invalid", client.get("/wc/v3/customers", "email", "not-an-email"));
        assertRecorded("reports_invalid_period", client.get("/wc/v3/reports/sales", "period", "decade"));
    }

    @Test
    void http2CapableClientsAreServed() throws Exception {
        java.net.http.HttpClient http2 = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> answer = http2.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(store.baseUrl() + "/wp-json/wc/v3/products"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, answer.statusCode());
    }

    @Test
    void theIndexIsPublic() {
        WooClient.Response index = client.raw("GET", "/wc/v3", null, Map.of());
        assertEquals(200, index.status());
        assertEquals("GET", index.header("Allow"));
        assertEquals("wc/v3", index.json().get("namespace").asText());
        assertEquals(store.baseUrl() + "/wp-json/", index.json().get("_links").get("up").get(0).get("href").asText());
    }
}
