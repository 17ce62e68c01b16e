package io.csc.demostore;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The storefront: every permalink the store reports is a page, with its picture; the widget's config on each page. */
class StorefrontTest {
    static DemoStore store;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        store = DemoStore.start(DemoStoreOptions.defaults().port(0).chatUrl("http://chat.example.test:8080"));
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(store.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyPermalinkIsAProductPageWithItsPicture() throws Exception {
        List<String> permalinks = new ArrayList<>();
        for (JsonNode p : new WooClient(store.baseUrl(), store.siteUrl()).get("/wc/v3/products", "per_page", "100").json()) {
            permalinks.add(p.path("permalink").asText());
        }
        assertEquals(30, permalinks.size());
        for (String link : permalinks) {
            assertTrue(link.startsWith(store.siteUrl() + "/product/"), link);
            HttpResponse<String> page = get(link.substring(store.siteUrl().length()));
            assertEquals(200, page.statusCode(), link);
            Matcher img = Pattern.compile("<img src=\"([^\"]+)\" alt=\"([^\"]+)\" width=\"400\" height=\"400\"")
                    .matcher(page.body());
            assertTrue(img.find(), link);
            HttpResponse<String> picture = get(img.group(1));
            assertEquals(200, picture.statusCode());
            assertEquals("image/svg+xml", picture.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(picture.body().startsWith("<svg"));
        }
    }

    @Test
    void aProductPageShowsPriceSaleAndStockAndEmbedsTheChat() throws Exception {
        HttpResponse<String> page = get("/product/wool-beanie/");
        String html = page.body();
        assertTrue(html.contains("<h1>Wool Beanie</h1>"));
        assertTrue(html
                .contains("<del><span class=\"screen-reader-text\">Original price was: </span>$18.00</del> <ins>$14.40</ins>"));
        assertTrue(html.contains(">In stock<"));
        assertTrue(html.contains("<script src=\"/csc-widget-config.js?product=19\"></script>"
                + "<script src=\"http://chat.example.test:8080/embed.js\"></script>"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self' http://chat.example.test:8080;"), csp);
        assertFalse(html.contains("<script>"), "no inline script");
        assertTrue(get("/product/canvas-tote-bag/").body().contains("class=\"out\">Out of stock<"));
        assertTrue(get("/product/smart-watch-series-x/").body().contains("Only 4 left in stock"));
        String shirt = get("/product/performance-running-shirt/").body();
        assertTrue(shirt.contains("<li>Red / M: $34.00, Out of stock</li>"), shirt);
        assertEquals(404, get("/product/no-such-thing/").statusCode());
        assertTrue(get("/").body()
                .contains("<a href=\"/product/wool-beanie/\"><img src=\"/wp-content/uploads/demo/wool-beanie.svg\""));
    }

    @Test
    void theWidgetConfigCarriesTheStoreApiRootAndANonceItAccepts() throws Exception {
        String js = get("/csc-widget-config.js?product=19").body();
        assertTrue(js.startsWith("window.ChatWidgetConfig = "));
        JsonNode c = Json.parse(js.substring("window.ChatWidgetConfig = ".length(), js.lastIndexOf(';')));
        assertEquals("http://chat.example.test:8080", c.path("serverUrl").asText());
        assertEquals(store.siteUrl() + "/wp-json/wc/store/v1/", c.path("storeApi").path("root").asText());
        assertEquals(store.storeApiNonce(), c.path("storeApi").path("nonce").asText());
        assertEquals(19, c.path("page").path("productId").asInt());
        HttpResponse<String> added = HTTP.send(HttpRequest.newBuilder(URI.create(c.path("storeApi").path("root").asText()
                + "cart/add-item")).header("Content-Type", "application/json")
                .header("Nonce", c.path("storeApi").path("nonce").asText())
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\": 19, \"quantity\": 1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, added.statusCode());
    }

    @Test
    void theCartPageShowsTheBrowsersStoreApiCart() throws Exception {
        // the seeded "Cart" page's permalink is /cart/: the cart of the browser's session cookie
        String empty = get("/cart/").body();
        assertTrue(empty.contains("<h1>Cart</h1>") && empty.contains("Your cart is currently empty."), empty);
        String root = store.baseUrl() + "/wp-json/wc/store/v1/";
        HttpResponse<String> added = HTTP.send(HttpRequest.newBuilder(URI.create(root + "cart/add-item"))
                .header("Content-Type", "application/json").header("Nonce", store.storeApiNonce())
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\": 19, \"quantity\": 2}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, added.statusCode());
        String cookie = added.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> variation = HTTP.send(HttpRequest.newBuilder(URI.create(root + "cart/add-item"))
                .header("Content-Type", "application/json").header("Nonce", store.storeApiNonce()).header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\": 40, \"quantity\": 1, \"variation\": ["
                        + "{\"attribute\": \"Color\", \"value\": \"Blue\"}, {\"attribute\": \"Size\", \"value\": \"M\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, variation.statusCode(), variation.body());
        String page = HTTP.send(HttpRequest.newBuilder(URI.create(store.baseUrl() + "/cart/")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        // seed: Wool Beanie 14.40 (x2 = 28.80), Performance Running Shirt Blue / M 29.00; total 57.80
        assertTrue(page.contains("<td>Wool Beanie</td><td>2</td><td>$28.80</td>"), page);
        assertTrue(page.contains("<td>Performance Running Shirt – Blue / M</td><td>1</td><td>$29.00</td>"), page);
        assertTrue(page.contains("Total: $57.80"), page);
        assertTrue(get("/cart/").body().contains("Your cart is currently empty."), "another browser's cart is its own");
    }
}
