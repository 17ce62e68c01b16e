package io.csc.gateway.api;

import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.csc.demostore.DemoStore;
import io.csc.gateway.support.Api;
import io.csc.gateway.support.DemoStoreResource;
import io.csc.gateway.support.InjectDemoStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(DemoStoreResource.class)
class AdminWooProxyResourceTest {
    static final String DOMAIN = DemoStoreResource.DOMAIN;

    @InjectDemoStore
    DemoStore store;

    @ConfigProperty(name = "test.demo-store.url")
    String storeUrl;

    @BeforeEach
    void registerDemoStore() {
        store.reset();
        Api.registerStore(DOMAIN, storeUrl, DemoStore.CONSUMER_KEY, DemoStore.CONSUMER_SECRET);
    }

    @Test
    void passesAnyCallToTheStoreWithPagination() {
        Api.admin().get("/api/admin/woocommerce/" + DOMAIN + "/products?per_page=5&page=2").then().statusCode(200)
                .header("X-WP-Total", equalTo("30"))
                .header("X-WP-TotalPages", equalTo("6"))
                .body("size()", equalTo(5));
        Api.admin().body(Map.of("name", "Proxy Product", "type", "simple", "regular_price", "9.99"))
                .post("/api/admin/woocommerce/" + DOMAIN + "/products").then().statusCode(201)
                .body("name", equalTo("Proxy Product"));
    }

    @Test
    void handsOnTheStoresOwnErrors() {
        Api.admin().get("/api/admin/woocommerce/" + DOMAIN + "/products/999999").then().statusCode(404)
                .body("code", equalTo("woocommerce_rest_product_invalid_id"));
        Api.admin().get("/api/admin/woocommerce/" + DOMAIN + "/products?per_page=500").then().statusCode(400)
                .body("code", equalTo("rest_invalid_param"));
        Api.admin().body("{broken").post("/api/admin/woocommerce/" + DOMAIN + "/products").then().statusCode(400)
                .body("code", equalTo("invalid_json"));
    }

    @Test
    void isForOperatorsOnly() {
        given().get("/api/admin/woocommerce/" + DOMAIN + "/products").then().statusCode(401);
        given().header("Authorization", "Bearer nope").get("/api/admin/woocommerce/" + DOMAIN + "/orders").then()
                .statusCode(401);
    }
}
