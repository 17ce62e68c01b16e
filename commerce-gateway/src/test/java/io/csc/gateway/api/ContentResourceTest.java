package io.csc.gateway.api;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.csc.demostore.DemoStore;
import io.csc.gateway.support.Api;
import io.csc.gateway.support.DemoStoreResource;
import io.csc.gateway.support.InjectDemoStore;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The routes chat-service's knowledge ingest reads, against the demo store (deploy/demo-store/README.md: 11 pages, 2
 * posts, zones North America and Europe, bacs and cod enabled, store in Portland, ME).
 */
@QuarkusTest
@QuarkusTestResource(DemoStoreResource.class)
class ContentResourceTest {
    static final String DOMAIN = DemoStoreResource.DOMAIN;

    @ConfigProperty(name = "test.demo-store.url")
    String storeUrl;

    @InjectDemoStore
    DemoStore store;

    @Inject
    RedisDataSource redis;

    @BeforeEach
    void register() {
        Api.registerStore(DOMAIN, storeUrl, DemoStore.CONSUMER_KEY, DemoStore.CONSUMER_SECRET);
    }

    @Test
    void everyPublishedPageWithItsHtml() {
        List<Map<String, Object>> pages = Api.internal().get("/internal/content/pages?domain=" + DOMAIN + "&type=pages")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(11, pages.size());
        Api.internal().get("/internal/content/pages?domain=" + DOMAIN).then().statusCode(200)
                .body("slug", hasItems("refund_returns", "shipping-delivery", "privacy-policy", "terms", "faq", "about-us"))
                .body("find { it.slug == 'refund_returns' }.title", equalTo("Refund and Returns Policy"))
                .body("find { it.slug == 'refund_returns' }.html", containsString("30 days"))
                .body("find { it.slug == 'refund_returns' }.link", equalTo(storeUrl + "/refund_returns/"))
                .body("find { it.slug == 'refund_returns' }.type", equalTo("page"));
        Api.internal().get("/internal/content/pages?domain=" + DOMAIN + "&type=posts").then().statusCode(200)
                .body("slug", hasItems("hello-world", "winter-collection")).body("type", hasItem("post"));
    }

    @Test
    void onlyContentChangedSinceAnInstant() {
        Api.internal().get("/internal/content/pages?domain=" + DOMAIN + "&modified_after=2026-11-25T21:50:00Z").then()
                .statusCode(200).body("slug", hasItems("terms", "refund_returns")).body("slug", not(hasItem("cart")));
        Api.internal().get("/internal/content/pages?domain=" + DOMAIN + "&modified_after=yesterday").then()
                .statusCode(400).body("success", equalTo(false));
        Api.internal().get("/internal/content/pages?domain=" + DOMAIN + "&type=users").then().statusCode(400);
        given().get("/internal/content/pages?domain=" + DOMAIN).then().statusCode(401);
    }

    @Test
    void theStoreProfile() {
        Api.internal().get("/internal/store/profile?domain=" + DOMAIN).then().statusCode(200)
                .body("address.address1", equalTo("221 Harbor Street"))
                .body("address.city", equalTo("Portland"))
                .body("address.country", equalTo("US"))
                .body("address.state", equalTo("ME"))
                .body("currency", equalTo("USD"))
                .body("priceFormat.currency", equalTo("USD"))
                .body("priceFormat.symbol", equalTo("$"))
                .body("priceFormat.position", equalTo("left"))
                .body("priceFormat.thousandSeparator", equalTo(","))
                .body("priceFormat.decimalSeparator", equalTo("."))
                .body("priceFormat.decimals", equalTo(2))
                .body("timezone", equalTo("America/New_York"))
                .body("paymentMethods", equalTo(List.of("Direct bank transfer", "Cash on delivery")))
                .body("shippingZones.find { it.name == 'North America' }.locations", equalTo(List.of("US", "CA", "MX")))
                .body("shippingZones.find { it.name == 'North America' }.methods.title",
                        equalTo(List.of("Standard", "Free shipping")))
                .body("shippingZones.find { it.name == 'North America' }.methods[0].cost", equalTo("5.95"))
                .body("shippingZones.find { it.name == 'North America' }.methods[1].minAmount", equalTo("50"))
                .body("shippingZones.find { it.name == 'Europe' }.methods[0].cost", equalTo("14.95"))
                .body("policyPages.refundReturns.title", equalTo("Refund and Returns Policy"))
                .body("policyPages.privacy.title", equalTo("Privacy Policy"))
                .body("policyPages.terms.title", equalTo("Terms and Conditions"))
                .body("policyPages.shipping.title", equalTo("Shipping &amp; Delivery"));
        Api.internal().get("/internal/store/profile?domain=unknown-profile.test").then().statusCode(404);
    }

    @Test
    void theShopPagesByWooCommercesSlugs() {
        redis.key().del("gw:" + DOMAIN + ":settings:pages"); // an earlier run's answer
        // the demo store has WooCommerce's default pages: shop (5), cart (6), checkout (7), my-account (8)
        Api.internal().get("/internal/store/pages?domain=" + DOMAIN).then().statusCode(200)
                .body("cart", equalTo(storeUrl + "/cart/"))
                .body("checkout", equalTo(storeUrl + "/checkout/"))
                .body("shop", equalTo(storeUrl + "/shop/"))
                .body("myAccount", equalTo(storeUrl + "/my-account/"));
        Api.internal().get("/internal/store/pages?domain=unknown-profile.test").then().statusCode(404)
                .body("success", equalTo(false));
        given().get("/internal/store/pages?domain=" + DOMAIN).then().statusCode(401);
    }

    @Test
    void thePriceFormatAloneIsCached() {
        redis.key().del("gw:" + DOMAIN + ":settings:price-format"); // an earlier run's answer
        try {
            store.setting("general", "woocommerce_currency", "JPY");
            store.setting("general", "woocommerce_price_num_decimals", "0");
            Api.internal().get("/internal/store/price-format?domain=" + DOMAIN).then().statusCode(200)
                    .body("currency", equalTo("JPY")).body("symbol", equalTo("¥")).body("position", equalTo("left"))
                    .body("decimals", equalTo(0));
            // The store changes its currency: the cached answer stands until gateway.cache.settings has passed.
            store.setting("general", "woocommerce_currency", "GBP");
            Api.internal().get("/internal/store/price-format?domain=" + DOMAIN).then().statusCode(200)
                    .body("currency", equalTo("JPY"));
            Api.internal().get("/internal/store/price-format?domain=unknown-profile.test").then().statusCode(404)
                    .body("success", equalTo(false));
            given().get("/internal/store/price-format?domain=" + DOMAIN).then().statusCode(401);
        } finally {
            store.reset();
        }
    }

    @Test
    void aEuroStoresPriceFormat() {
        try {
            store.setting("general", "woocommerce_currency", "EUR");
            store.setting("general", "woocommerce_currency_pos", "right_space");
            store.setting("general", "woocommerce_price_thousand_sep", ".");
            store.setting("general", "woocommerce_price_decimal_sep", ",");
            store.setting("general", "woocommerce_price_num_decimals", "0");
            Api.internal().get("/internal/store/profile?domain=" + DOMAIN).then().statusCode(200)
                    .body("currency", equalTo("EUR"))
                    .body("priceFormat.symbol", equalTo("€"))
                    .body("priceFormat.position", equalTo("right_space"))
                    .body("priceFormat.thousandSeparator", equalTo("."))
                    .body("priceFormat.decimalSeparator", equalTo(","))
                    .body("priceFormat.decimals", equalTo(0));
        } finally {
            store.reset();
        }
    }
}
