package io.csc.chat.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.csc.demostore.DemoStore;
import io.csc.demostore.DemoStoreOptions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /demo/wp-json/wc/store/v1/**}: the demo store's Store API on chat's origin, against the real demo store
 * (in-process): the Nonce and the store's session cookie pass both ways as a browser on the store would use them,
 * WooCommerce's refusals come through as they are, and nothing but the store's own cookies reaches the store.
 */
@QuarkusTest
@QuarkusTestResource(value = DemoWireMockResource.class, restrictToAnnotatedClass = true)
class DemoStoreApiTest {
    static DemoStore store;

    @BeforeAll
    static void startStore() {
        store = DemoStore.start(DemoStoreOptions.defaults().port(0));
    }

    @AfterAll
    static void stopStore() {
        if (store != null) {
            store.close();
        }
    }

    @BeforeEach
    void tenant() {
        store.reset();
        var wm = DemoWireMockResource.server;
        wm.resetAll();
        wm.stubFor(get(urlPathEqualTo("/internal/tenants/demo.localhost")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"domain":"demo.localhost","storeName":"Demo Store","storeUrl":"%s",
                         "woocommerceEnabled":true,"allowedOrigins":[],"pluginSecret":"s",
                         "supportEmail":"support@demo.localhost","developmentStore":true}""".formatted(store.baseUrl()))));
    }

    @Test
    void theWidgetsAddToCartFillsTheDemoStoresCartThroughChatsOrigin() {
        // the page's first read: the store's nonce, an empty cart
        Response first = given().accept(ContentType.JSON).get("/demo/wp-json/wc/store/v1/cart");
        first.then().statusCode(200).body("items", hasSize(0)).body("totals.currency_code", equalTo("USD"));
        String nonce = first.header("Nonce");
        assertEquals(store.storeApiNonce(), nonce);
        // a simple product, then a variation by attribute label (seed: 19 Wool Beanie 14.40; 40 Running Shirt, Blue / M
        // is variation 45 at 29.00)
        Response added = given().contentType(ContentType.JSON).header("Nonce", nonce)
                .cookie("csc_other", "not-for-the-store").body("{\"id\": 19, \"quantity\": 1}")
                .post("/demo/wp-json/wc/store/v1/cart/add-item");
        added.then().statusCode(201).body("items[0].name", equalTo("Wool Beanie"))
                .header("Cart-Token", not(nullValue())).header("Nonce", equalTo(nonce));
        String cookie = added.header("Set-Cookie");
        assertNotNull(cookie, "the store's session cookie");
        assertTrue(cookie.startsWith("wp_woocommerce_session_demo="), cookie);
        assertTrue(cookie.contains("Path=/demo/"), "kept for the demo's pages: " + cookie);
        String session = added.getCookie("wp_woocommerce_session_demo");
        given().contentType(ContentType.JSON).header("Nonce", nonce).cookie("wp_woocommerce_session_demo", session)
                .body("{\"id\": 40, \"quantity\": 1, \"variation\": [{\"attribute\": \"Color\", \"value\": \"Blue\"},"
                        + " {\"attribute\": \"Size\", \"value\": \"M\"}]}")
                .post("/demo/wp-json/wc/store/v1/cart/add-item").then().statusCode(201).body("items", hasSize(2));
        // the same cart, read with the session cookie as the page would: totals in minor units (14.40 + 29.00)
        given().cookie("wp_woocommerce_session_demo", session).get("/demo/wp-json/wc/store/v1/cart").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.contains(19, 45))
                .body("totals.total_price", equalTo("4340"));
        // another browser (no cookie) has its own, empty cart
        given().get("/demo/wp-json/wc/store/v1/cart").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void wooCommercesRefusalsComeThroughAsTheStoreWordsThem() {
        given().contentType(ContentType.JSON).body("{\"id\": 19}").post("/demo/wp-json/wc/store/v1/cart/add-item").then()
                .statusCode(401).body("code", equalTo("woocommerce_rest_missing_nonce"));
        given().contentType(ContentType.JSON).header("Nonce", "0000000000").body("{\"id\": 19}")
                .post("/demo/wp-json/wc/store/v1/cart/add-item").then().statusCode(403)
                .body("code", equalTo("woocommerce_rest_invalid_nonce")).body("message", equalTo("Nonce is invalid."));
        given().contentType(ContentType.JSON).header("Nonce", store.storeApiNonce()).body("{\"id\": 40}")
                .post("/demo/wp-json/wc/store/v1/cart/add-item").then().statusCode(400)
                .body("code", equalTo("woocommerce_rest_variation_id_from_variation_data"));
        given().get("/demo/wp-json/wc/store/v1/checkout-nothing").then().statusCode(404)
                .body("code", equalTo("rest_no_route"));
    }

    @Test
    void onlyStoreApiPathsAreForwarded() {
        given().get("/demo/wp-json/wc/store/v1/..%2F..%2Fv3%2Fproducts").then().statusCode(404)
                .body("code", equalTo("not_found"));
        given().get("/demo/wp-json/wc/v3/products").then().statusCode(404).body(not(containsString("price")));
    }

    @Test
    void withoutTheStoreTheAnswerIsAClearJsonError() {
        int port = store.port();
        store.close(); // the tenant's store URL (kept by chat for a while) now answers nothing
        try {
            given().get("/demo/wp-json/wc/store/v1/cart").then().statusCode(503)
                    .body("code", equalTo("store_unavailable")).body("success", equalTo(false));
        } finally {
            store = DemoStore.start(DemoStoreOptions.defaults().port(port));
        }
    }

    @Test
    void cookieRules() {
        assertEquals("wp_woocommerce_session_demo=t_1; woocommerce_items_in_cart=1",
                DemoStoreApi.storeCookies("csc_x=1; wp_woocommerce_session_demo=t_1; other=2; woocommerce_items_in_cart=1"));
        assertEquals("", DemoStoreApi.storeCookies("wordpress_logged_in_abc=secret"));
        assertEquals("wp_woocommerce_session_demo=t_1; HttpOnly; SameSite=Lax; Path=/demo/",
                DemoStoreApi.demoCookie("wp_woocommerce_session_demo=t_1; Path=/; Domain=store.test; HttpOnly; SameSite=Lax"));
        assertEquals(null, DemoStoreApi.demoCookie("wordpress_logged_in_abc=x; Path=/"));
    }
}
