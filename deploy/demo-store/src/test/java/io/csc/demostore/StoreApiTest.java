package io.csc.demostore;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Store API cart against the storeapi_* recordings: nonce errors, a simple product, a variation chosen by
 * attribute label, a variable product without one, out of stock, an unknown product, totals in minor units with the
 * currency fields, and the cart kept by the session cookie.
 */
class StoreApiTest {
    static DemoStore store;
    HttpClient browser;

    @BeforeAll
    static void start() {
        store = DemoStore.start(DemoStoreOptions.defaults().port(0));
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @BeforeEach
    void newBrowser() {
        store.reset();
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    }

    Answer send(String method, String path, String body, String nonce) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(store.baseUrl() + "/wp-json/wc/store/v1" + path))
                .header("Accept", "application/json").header("Content-Type", "application/json");
        if (nonce != null) {
            b.header("Nonce", nonce);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), Json.parse(r.body()), r);
    }

    @Test
    void anEmptyCartWithTheNonceAndTheCurrencyFields() throws Exception {
        Answer a = send("GET", "/cart", null, null);
        assertEquals(200, a.status());
        assertEquals(store.storeApiNonce(), a.raw().headers().firstValue("Nonce").orElseThrow());
        assertEquals("0", a.raw().headers().firstValue("User-ID").orElseThrow());
        assertTrue(a.raw().headers().firstValue("Cart-Token").orElseThrow().startsWith("t_"));
        assertEquals("", a.raw().headers().firstValue("Cart-Hash").orElseThrow());
        assertEquals(0, a.body().path("items").size());
        JsonNode t = a.body().path("totals");
        assertEquals("0", t.path("total_price").asText());
        assertEquals("USD", t.path("currency_code").asText());
        assertEquals("$", t.path("currency_symbol").asText());
        assertEquals(2, t.path("currency_minor_unit").asInt());
        assertEquals("$", t.path("currency_prefix").asText());
        assertEquals("", t.path("currency_suffix").asText());
        assertTrue(t.path("total_shipping").isNull());
    }

    @Test
    void writesNeedTheNonce() throws Exception {
        Answer missing = send("POST", "/cart/add-item", "{\"id\": 19, \"quantity\": 1}", null);
        assertEquals(401, missing.status());
        assertEquals("woocommerce_rest_missing_nonce", missing.body().path("code").asText());
        assertEquals("Missing the Nonce header. This endpoint requires a valid nonce.",
                missing.body().path("message").asText());
        Answer wrong = send("POST", "/cart/add-item", "{\"id\": 19, \"quantity\": 1}", "0123456789");
        assertEquals(403, wrong.status());
        assertEquals("woocommerce_rest_invalid_nonce", wrong.body().path("code").asText());
        assertEquals("Nonce is invalid.", wrong.body().path("message").asText());
        assertEquals(403, wrong.body().path("data").path("status").asInt());
        assertEquals(0, send("GET", "/cart", null, null).body().path("items_count").asInt());
    }

    @Test
    void aSimpleProductAndAVariationByLabelLandInTheSessionsCart() throws Exception {
        String nonce = send("GET", "/cart", null, null).raw().headers().firstValue("Nonce").orElseThrow();
        Answer first = send("POST", "/cart/add-item", "{\"id\": 19, \"quantity\": 2}", nonce);
        assertEquals(201, first.status());
        assertTrue(first.raw().headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(StoreApi.SESSION_COOKIE + "=")));
        Answer second = send("POST", "/cart/add-item", "{\"id\": 40, \"quantity\": 1, \"variation\": "
                + "[{\"attribute\": \"Color\", \"value\": \"Blue\"}, {\"attribute\": \"Size\", \"value\": \"M\"}]}", nonce);
        assertEquals(201, second.status());
        JsonNode cart = send("GET", "/cart", null, null).body();
        assertEquals(3, cart.path("items_count").asInt());
        JsonNode beanie = cart.path("items").get(0);
        assertEquals(19, beanie.path("id").asInt());
        assertEquals("simple", beanie.path("type").asText());
        assertEquals(2, beanie.path("quantity").asInt());
        assertEquals("1440", beanie.path("prices").path("price").asText());
        assertEquals("2880", beanie.path("totals").path("line_total").asText());
        JsonNode shirt = cart.path("items").get(1);
        assertEquals(45, shirt.path("id").asInt());
        assertEquals("variation", shirt.path("type").asText());
        assertEquals("Performance Running Shirt", shirt.path("name").asText());
        assertEquals("Color", shirt.path("variation").get(0).path("attribute").asText());
        assertEquals("Blue", shirt.path("variation").get(0).path("value").asText());
        assertEquals("M", shirt.path("variation").get(1).path("value").asText());
        assertEquals("2900", shirt.path("prices").path("price").asText());
        assertEquals("5780", cart.path("totals").path("total_items").asText());
        assertEquals("5780", cart.path("totals").path("total_price").asText());
        assertFalse(send("GET", "/cart", null, null).raw().headers().firstValue("Cart-Hash").orElseThrow().isEmpty());
        // Adding a line again raises its quantity.
        assertEquals(3, send("POST", "/cart/add-item", "{\"id\": 19, \"quantity\": 1}", nonce).body().path("items")
                .get(0).path("quantity").asInt());
        // Another browser (no cookie) has its own, empty cart.
        HttpClient other = HttpClient.newHttpClient();
        HttpResponse<String> r = other.send(HttpRequest.newBuilder(URI.create(store.baseUrl()
                + "/wp-json/wc/store/v1/cart")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(0, Json.parse(r.body()).path("items_count").asInt());
    }

    @Test
    void woocommercesRefusals() throws Exception {
        String nonce = store.storeApiNonce();
        Answer noVariation = send("POST", "/cart/add-item", "{\"id\": 40, \"quantity\": 1}", nonce);
        assertEquals(400, noVariation.status());
        assertEquals("woocommerce_rest_variation_id_from_variation_data", noVariation.body().path("code").asText());
        assertEquals("No matching variation found.", noVariation.body().path("message").asText());
        // Red M is out of stock.
        Answer soldOutVariation = send("POST", "/cart/add-item", "{\"id\": 40, \"variation\": "
                + "[{\"attribute\": \"Color\", \"value\": \"Red\"}, {\"attribute\": \"Size\", \"value\": \"M\"}]}", nonce);
        assertEquals("woocommerce_rest_product_out_of_stock", soldOutVariation.body().path("code").asText());
        Answer soldOut = send("POST", "/cart/add-item", "{\"id\": 20, \"quantity\": 1}", nonce);
        assertEquals(400, soldOut.status());
        assertEquals("You cannot add &quot;Canvas Tote Bag&quot; to the cart because the product is out of stock.",
                soldOut.body().path("message").asText());
        Answer unknown = send("POST", "/cart/add-item", "{\"id\": 999999, \"quantity\": 1}", nonce);
        assertEquals(400, unknown.status());
        assertEquals("woocommerce_rest_cart_invalid_product", unknown.body().path("code").asText());
        assertEquals("Product with ID &quot;999999&quot; was not found and cannot be added to the cart.",
                unknown.body().path("message").asText());
        Answer noId = send("POST", "/cart/add-item", "{\"quantity\": 1}", nonce);
        assertEquals(400, noId.status());
        assertEquals("rest_missing_callback_param", noId.body().path("code").asText());
        assertNotNull(send("GET", "/cart", null, null).body().path("items"));
        assertEquals(0, send("GET", "/cart", null, null).body().path("items_count").asInt());
    }

    @Test
    void theStoresCurrencyFormatReachesThePrices() throws Exception {
        store.setting("general", "woocommerce_currency", "EUR");
        store.setting("general", "woocommerce_currency_pos", "right_space");
        store.setting("general", "woocommerce_price_decimal_sep", ",");
        store.setting("general", "woocommerce_price_thousand_sep", ".");
        JsonNode t = send("POST", "/cart/add-item", "{\"id\": 19}", store.storeApiNonce()).body().path("totals");
        assertEquals("EUR", t.path("currency_code").asText());
        assertEquals("€", t.path("currency_symbol").asText());
        assertEquals("", t.path("currency_prefix").asText());
        assertEquals("\u00a0€", t.path("currency_suffix").asText());
        assertEquals(",", t.path("currency_decimal_separator").asText());
        assertEquals("1440", t.path("total_price").asText());
    }
}
