package io.csc.gateway.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/**
 * The routes other services use, against the demo store. Seed facts (deploy/demo-store/README.md): Alice
 * (customer 2) owns orders 47 (completed), 48 (processing), 57 (refunded); Bob (3) owns 49, 50 (on-hold), 58;
 * Emma placed 59 as a guest.
 */
@QuarkusTest
@QuarkusTestResource(DemoStoreResource.class)
class InternalResourceTest {
    static final String DOMAIN = DemoStoreResource.DOMAIN;
    static final String ALICE = "alice.johnson@example.com";
    static final String BOB = "bob.smith@example.com";

    @InjectDemoStore
    DemoStore store;

    @ConfigProperty(name = "test.demo-store.url")
    String storeUrl;

    @Inject
    StoreCache cache;

    @BeforeEach
    void registerDemoStore() {
        store.reset();
        cache.invalidateCatalog(DOMAIN).await().indefinitely();
        Api.registerStore(DOMAIN, storeUrl, DemoStore.CONSUMER_KEY, DemoStore.CONSUMER_SECRET);
    }

    @Test
    void everyInternalRouteNeedsTheInternalToken() {
        given().get("/internal/tenants/" + DOMAIN).then().statusCode(401).body("code", equalTo("unauthorized"));
        given().header("X-Internal-Token", "nope").get("/internal/orders/47?domain=" + DOMAIN + "&email=" + ALICE)
                .then().statusCode(401);
        given().header("X-Internal-Token", "nope").post("/internal/coupons").then().statusCode(401);
    }

    @Test
    void answersTenantSettingsWithThePluginSecret() {
        Api.internal().get("/internal/tenants/" + DOMAIN).then().statusCode(200)
                .body("domain", equalTo(DOMAIN))
                .body("storeUrl", equalTo(storeUrl))
                .body("pluginSecret", matchesPattern("[0-9a-f]{64}"))
                .body("supportEmail", equalTo("help@" + DOMAIN))
                .body("allowedOrigins", hasItem("https://" + DOMAIN));
        Api.internal().get("/internal/tenants/unknown.test").then().statusCode(404).body("code", equalTo("tenant_not_found"));
    }

    @Test
    void answersAnOrderOnlyToTheEmailThatOwnsIt() {
        Api.internal().get("/internal/orders/47?domain={d}&email={e}", DOMAIN, ALICE).then().statusCode(200)
                .body("id", equalTo(47))
                .body("status", equalTo("completed"))
                .body("total", equalTo("59.38"))
                .body("lineItems.name", hasItem("Classic Cotton T-Shirt"))
                .body("cancellable", equalTo(false));
        // Case and spaces in the email do not matter; someone else's email does.
        Api.internal().get("/internal/orders/47?domain={d}&email={e}", DOMAIN, " Alice.Johnson@Example.com ")
                .then().statusCode(200);
        Api.internal().get("/internal/orders/47?domain={d}&email={e}", DOMAIN, BOB).then().statusCode(403)
                .body("code", equalTo("order_not_owned"));
        Api.internal().get("/internal/orders/999999?domain={d}&email={e}", DOMAIN, ALICE).then().statusCode(404)
                .body("code", equalTo("order_not_found"));
        Api.internal().get("/internal/orders/47?domain={d}", DOMAIN).then().statusCode(400);
        // A guest order belongs to its billing email.
        Api.internal().get("/internal/orders/59?domain={d}&email={e}", DOMAIN, "emma.wilson@example.com").then()
                .statusCode(200);
    }

    @Test
    void listsOnlyTheVerifiedEmailsOrders() {
        Api.internal().get("/internal/orders?domain={d}&email={e}", DOMAIN, ALICE).then().statusCode(200)
                .body("id", containsInAnyOrder(47, 48, 57))
                .body("id", not(hasItem(49)));
        Api.internal().get("/internal/orders?domain={d}&email={e}", DOMAIN, "nobody@example.com").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void cancelsOnlyCancellableOrdersOfTheirOwner() {
        Api.internal().body(Map.of("domain", DOMAIN, "email", BOB)).post("/internal/orders/48/cancel").then().statusCode(403);
        Api.internal().body(Map.of("domain", DOMAIN, "email", ALICE)).post("/internal/orders/47/cancel").then().statusCode(409)
                .body("code", equalTo("not_cancellable"));
        Api.internal().body(Map.of("domain", DOMAIN, "email", ALICE)).post("/internal/orders/48/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled"));
        Api.admin().get("/api/admin/woocommerce/" + DOMAIN + "/orders/48").then().statusCode(200)
                .body("status", equalTo("cancelled"));
        Api.internal().body(Map.of("domain", DOMAIN)).post("/internal/orders/48/cancel").then().statusCode(400);
    }

    @Test
    void changesTheShippingAddressOfAnOpenOrder() {
        Map<String, Object> address = Map.of("firstName", "Bob", "lastName", "Smith", "address1", "1 New Street", "city",
                "Portland", "state", "OR", "postcode", "97201", "country", "US");
        Api.internal().body(Map.of("domain", DOMAIN, "email", BOB, "address", address)).put("/internal/orders/50/shipping")
                .then().statusCode(200).body("shipping.address1", equalTo("1 New Street"))
                .body("shipping.city", equalTo("Portland"));
        Api.internal().body(Map.of("domain", DOMAIN, "email", BOB, "address", address)).put("/internal/orders/49/shipping")
                .then().statusCode(409).body("code", equalTo("not_editable"));
        Api.internal().body(Map.of("domain", DOMAIN, "email", BOB, "address", Map.of("city", "x")))
                .put("/internal/orders/50/shipping").then().statusCode(400);
    }

    @Test
    void recordsRefundRequestsAndNotesForStaff() {
        Api.internal().body(Map.of("domain", DOMAIN, "email", ALICE, "reason", "Wrong size"))
                .post("/internal/orders/47/refund-request").then().statusCode(202).body("requested", equalTo(true));
        Api.admin().get("/api/admin/woocommerce/" + DOMAIN + "/orders/47/notes").then().statusCode(200)
                .body("note", hasItem(org.hamcrest.Matchers.containsString("Wrong size")));
        Api.internal().body(Map.of("domain", DOMAIN, "email", ALICE, "reason", "x"))
                .post("/internal/orders/57/refund-request").then().statusCode(409).body("code", equalTo("not_refundable"));
        Api.internal().body(Map.of("domain", DOMAIN, "email", ALICE, "reason", "Please gift-wrap"))
                .post("/internal/orders/48/notes").then().statusCode(201).body("id", greaterThan(0));
    }

    @Test
    void pagesThroughEveryPublishedProduct() {
        // the whole catalog a page at a time (chat's knowledge ingest): pages follow one another without overlap, and
        // the page after the last is empty
        List<Integer> all = new java.util.ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            all.addAll(Api.internal().get("/internal/products?domain={d}&limit=20&page={p}", DOMAIN, page).then()
                    .statusCode(200).extract().jsonPath().getList("id", Integer.class));
        }
        List<Integer> firstPage = Api.internal().get("/internal/products?domain={d}&limit=20", DOMAIN).then()
                .statusCode(200).extract().jsonPath().getList("id", Integer.class);
        org.junit.jupiter.api.Assertions.assertEquals(20, firstPage.size());
        org.junit.jupiter.api.Assertions.assertEquals(firstPage, all.subList(0, 20), "page 1 is the default");
        org.junit.jupiter.api.Assertions.assertTrue(all.size() > 20 && all.size() < 60, all.toString());
        org.junit.jupiter.api.Assertions.assertEquals(all.size(), new java.util.HashSet<>(all).size(), "no overlap");
        Api.internal().get("/internal/products?domain={d}&limit=20&page=9", DOMAIN).then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void aVariableProductFoundBySearchCarriesItsVariations() {
        // seed: product 40 "Performance Running Shirt" is variable with variations 41-46 (Color x Size); 45 is Blue / M
        // at 29.00 with 23 in stock, 42 Red / M is out of stock (recording product_variations_list.json)
        Api.internal().get("/internal/products?domain={d}&search={s}", DOMAIN, "running shirt").then().statusCode(200)
                .body("find { it.id == 40 }.type", equalTo("variable"))
                .body("find { it.id == 40 }.variations.id", containsInAnyOrder(41, 42, 43, 44, 45, 46))
                .body("find { it.id == 40 }.variations.find { it.id == 45 }.attributes",
                        org.hamcrest.Matchers.contains("Color: Blue", "Size: M"))
                .body("find { it.id == 40 }.variations.find { it.id == 45 }.price", equalTo("29.00"))
                .body("find { it.id == 40 }.variations.find { it.id == 45 }.stockQuantity", equalTo(23))
                .body("find { it.id == 40 }.variations.find { it.id == 42 }.stockStatus", equalTo("outofstock"));
        // a simple product has none
        Api.internal().get("/internal/products?domain={d}&search={s}", DOMAIN, "beanie").then().statusCode(200)
                .body("find { it.id == 19 }.variations.size()", equalTo(0));
    }

    @Test
    void findsCustomersProductsAndStock() {
        Api.internal().get("/internal/customers?domain={d}&email={e}", DOMAIN, ALICE).then().statusCode(200)
                .body("id", equalTo(2)).body("firstName", equalTo("Alice"));
        Api.internal().get("/internal/customers?domain={d}&email={e}", DOMAIN, "nobody@example.com").then().statusCode(404)
                .body("code", equalTo("customer_not_found"));
        Api.internal().get("/internal/products?domain={d}&search={s}", DOMAIN, "t-shirt").then().statusCode(200)
                .body("name", everyItem(org.hamcrest.Matchers.containsStringIgnoringCase("t")))
                .body("size()", greaterThan(0));
        Api.internal().get("/internal/products/40?domain={d}", DOMAIN).then().statusCode(200)
                .body("type", equalTo("variable"))
                .body("variations.size()", equalTo(6))
                .body("variations[0].attributes.size()", greaterThan(0));
        Api.internal().get("/internal/products/999999?domain={d}", DOMAIN).then().statusCode(404)
                .body("code", equalTo("product_not_found"));
        Api.internal().body(Map.of("domain", DOMAIN, "items", List.of(Map.of("productId", 23, "variationId", 0),
                Map.of("productId", 13, "variationId", 0), Map.of("productId", 40, "variationId", 45),
                Map.of("productId", 999999, "variationId", 0)))).post("/internal/stock/check").then().statusCode(200)
                .body("items[0].stockStatus", equalTo("instock"))
                .body("items[1].stockStatus", equalTo("outofstock"))
                .body("items[2].variationId", equalTo(45))
                .body("items[3].purchasable", equalTo(false));
    }

    @Test
    void issuesUniqueEmailRestrictedSingleUseCouponsIdempotently() {
        Instant expires = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String reference = "cart-" + System.nanoTime() + "-step-2";
        Map<String, Object> request = Map.of("domain", DOMAIN, "email", ALICE, "percent", 10, "expiresAt", expires.toString(),
                "prefix", "BACK", "reference", reference);
        String code = Api.internal().body(request).post("/internal/coupons").then().statusCode(201)
                .body("code", matchesPattern("back-[a-z2-9]{8}")).body("percent", equalTo(10))
                .extract().path("code");
        Api.internal().body(request).post("/internal/coupons").then().statusCode(201).body("code", equalTo(code));
        Map<String, Object> other = new java.util.HashMap<>(request);
        other.put("reference", reference + "-other");
        Api.internal().body(other).post("/internal/coupons").then().statusCode(201).body("code", not(equalTo(code)));

        Api.admin().get("/api/admin/woocommerce/" + DOMAIN + "/coupons?code=" + code).then().statusCode(200)
                .body("[0].discount_type", equalTo("percent"))
                .body("[0].usage_limit", equalTo(1))
                .body("[0].usage_limit_per_user", equalTo(1))
                .body("[0].email_restrictions", equalTo(List.of(ALICE)));
        Api.internal().body(Map.of("domain", DOMAIN, "email", ALICE, "percent", 500, "expiresAt", expires.toString(),
                "reference", "r")).post("/internal/coupons").then().statusCode(400);
    }
}
