package io.csc.gateway.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.csc.demostore.DemoStore;
import io.csc.gateway.cache.StoreCache;
import io.csc.gateway.support.Api;
import io.csc.gateway.support.DemoStoreResource;
import io.csc.gateway.support.InjectDemoStore;
import io.csc.web.Hmac;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** The public stock lookup against the demo store, through the cache, with CORS and webhook invalidation. */
@QuarkusTest
@QuarkusTestResource(DemoStoreResource.class)
class StockResourceTest {
    static final String DOMAIN = DemoStoreResource.DOMAIN;

    @InjectDemoStore
    DemoStore store;

    @ConfigProperty(name = "test.demo-store.url")
    String storeUrl;

    @Inject
    StoreCache cache;

    String pluginSecret;

    @BeforeEach
    void registerDemoStore() {
        store.reset();
        cache.invalidateCatalog(DOMAIN).await().indefinitely();
        Api.registerStore(DOMAIN, storeUrl, DemoStore.CONSUMER_KEY, DemoStore.CONSUMER_SECRET);
        pluginSecret = Api.internal().get("/internal/tenants/" + DOMAIN).then().statusCode(200).extract().path("pluginSecret");
    }

    @Test
    void findsStockByIdSkuAndName() {
        Api.client(Api.randomIp()).body(Map.of("domain", DOMAIN, "productId", 23)).post("/api/woocommerce/stock")
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("products[0].name", equalTo("Wireless Earbuds Pro"))
                .body("products[0].price", equalTo("99.99"))
                .body("products[0].stock_quantity", equalTo(39));
        Api.client(Api.randomIp()).body(Map.of("domain", DOMAIN, "sku", "AC-TOTE-003")).post("/api/woocommerce/stock")
                .then().statusCode(200)
                .body("products[0].id", equalTo(20))
                .body("products[0].stock_status", equalTo("outofstock"));
        Api.client(Api.randomIp()).body(Map.of("domain", DOMAIN, "productName", "hoodie")).post("/api/woocommerce/stock")
                .then().statusCode(200)
                .body("products.name", everyItem(containsString("Hoodie")))
                .body("products.stock_status", hasItem("onbackorder"));
    }

    @Test
    void unknownProductsAreAnEmptyAnswerNotAnError() {
        Api.client(Api.randomIp()).body(Map.of("domain", DOMAIN, "productId", 999999)).post("/api/woocommerce/stock")
                .then().statusCode(200).body("success", equalTo(true)).body("products.size()", equalTo(0))
                .body("message", equalTo("No matching products found"));
    }

    @Test
    void refusesBadRequestsAndUnknownOrDisabledStores() {
        Api.client(Api.randomIp()).body(Map.of("domain", DOMAIN)).post("/api/woocommerce/stock")
                .then().statusCode(400).body("success", equalTo(false)).body("error", containsString("productName"));
        Api.client(Api.randomIp()).body("{not json").post("/api/woocommerce/stock").then().statusCode(400)
                .body("code", equalTo("invalid_json"));
        Api.client(Api.randomIp()).body("[]").post("/api/woocommerce/stock").then().statusCode(400)
                .body("code", equalTo("invalid_json"));
        Api.client(Api.randomIp()).body("{\"domain\": 5, \"productId\": \"abc\"}").post("/api/woocommerce/stock")
                .then().statusCode(400).body("code", equalTo("invalid_json"));
        Api.client(Api.randomIp()).body("{\"domain\": \"" + "a".repeat(2_000_000) + "\"}").post("/api/woocommerce/stock")
                .then().statusCode(413).body("code", equalTo("payload_too_large"));
        given().contentType(ContentType.TEXT).body("hello").post("/api/woocommerce/stock").then().statusCode(415)
                .body("success", equalTo(false));
        Api.client(Api.randomIp()).body(Map.of("sku", "X")).post("/api/woocommerce/stock").then().statusCode(400)
                .body("error", containsString("domain"));
        Api.client(Api.randomIp()).body(Map.of("domain", DOMAIN, "productId", -4)).post("/api/woocommerce/stock")
                .then().statusCode(400);
        Api.client(Api.randomIp()).body(Map.of("domain", "nobody.test", "sku", "X")).post("/api/woocommerce/stock")
                .then().statusCode(404).body("code", equalTo("tenant_not_found"));

        Api.admin().body(Map.of("domain", "disabled.test", "woocommerce_enabled", false)).post("/api/admin/config")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        Api.client(Api.randomIp()).body(Map.of("domain", "disabled.test", "sku", "X")).post("/api/woocommerce/stock")
                .then().statusCode(503).body("code", equalTo("woocommerce_not_configured"))
                .body("error", containsString("WooCommerce not configured"));
    }

    @Test
    void allowsOnlyTheStoresOwnOrigins() {
        Api.client(Api.randomIp()).header("Origin", "https://" + DOMAIN).body(Map.of("domain", DOMAIN, "productId", 23))
                .post("/api/woocommerce/stock").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://" + DOMAIN));
        Api.client(Api.randomIp()).header("Origin", "https://evil.example").body(Map.of("domain", DOMAIN, "productId", 23))
                .post("/api/woocommerce/stock").then().statusCode(403).body("code", equalTo("origin_not_allowed"))
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://" + DOMAIN).header("Access-Control-Request-Method", "POST")
                .queryParam("domain", DOMAIN).options("/api/woocommerce/stock").then().statusCode(204)
                .header("Access-Control-Allow-Methods", containsString("POST"));
    }

    @Test
    void servesFromCacheUntilAProductWebhookArrives() {
        stock(23, 39);
        // The store changes behind our back: the cached answer stands (stock is cached for 2 minutes)...
        Api.admin().body(Map.of("stock_quantity", 5)).put("/api/admin/woocommerce/" + DOMAIN + "/products/23")
                .then().statusCode(200).body("stock_quantity", equalTo(5));
        stock(23, 39);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(metrics,
                containsString("gateway_cache_requests_total{cache=\"stock\",result=\"hit\""));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("gateway_cache_hit_ratio{cache=\"stock\"}"));

        // ...until WooCommerce tells us the product changed.
        String body = "{\"id\":23,\"name\":\"Wireless Earbuds Pro\"}";
        given().contentType(ContentType.JSON).header("X-WC-Webhook-Topic", "product.updated")
                .header("X-WC-Webhook-Signature", "bm90IHRoZSBzaWduYXR1cmU=").body(body)
                .post("/api/webhooks/woocommerce/" + DOMAIN).then().statusCode(401).body("code", equalTo("invalid_signature"));
        stock(23, 39);
        given().contentType(ContentType.JSON).header("X-WC-Webhook-Topic", "product.updated")
                .header("X-WC-Webhook-Signature", signature(body)).body(body)
                .post("/api/webhooks/woocommerce/" + DOMAIN).then().statusCode(200).body("success", equalTo(true));
        stock(23, 5);
    }

    @Test
    void webhooksFromUnknownStoresOrUnsignedAreRefusedAlike() {
        String body = "{\"id\":1}";
        given().contentType(ContentType.JSON).header("X-WC-Webhook-Signature", signature(body)).body(body)
                .post("/api/webhooks/woocommerce/unknown.test").then().statusCode(401);
        given().contentType(ContentType.JSON).body(body).post("/api/webhooks/woocommerce/" + DOMAIN).then().statusCode(401);
    }

    private void stock(long productId, int expected) {
        Api.client(Api.randomIp()).body(Map.of("domain", DOMAIN, "productId", productId)).post("/api/woocommerce/stock")
                .then().statusCode(200).body("products[0].stock_quantity", equalTo(expected));
    }

    private String signature(String body) {
        return Base64.getEncoder().encodeToString(Hmac.sha256(pluginSecret, body.getBytes(StandardCharsets.UTF_8)));
    }
}
