package io.csc.gateway.coupon;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.csc.demostore.DemoStore;
import io.csc.demostore.DemoStoreOptions;
import io.csc.gateway.support.Api;
import io.csc.gateway.support.DemoStoreResource;
import io.csc.gateway.support.InjectDemoStore;
import io.csc.gateway.woo.StoreTimeZoneService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import static org.hamcrest.Matchers.equalTo;

/**
 * Recovery coupons expire at the instant cart-service asked for, in stores whose time zone is not UTC. WooCommerce
 * reads {@code date_expires} as store-local time and ignores {@code date_expires_gmt} (fixtures
 * coupon_create_date_expires_*): the demo store does the same, so each expected value below is the recorded rule
 * applied by hand.
 */
@QuarkusTest
@QuarkusTestResource(DemoStoreResource.class)
class CouponTimeZoneTest {
    static final String DOMAIN = "tz-shop.test";

    @InjectDemoStore
    DemoStore store;

    @ConfigProperty(name = "test.demo-store.url")
    String storeUrl;

    @Inject
    StoreTimeZoneService zones;

    @BeforeEach
    void register() {
        store.reset();
        zones.forget(DOMAIN);
        Api.registerStore(DOMAIN, storeUrl, DemoStore.CONSUMER_KEY, DemoStore.CONSUMER_SECRET);
    }

    @AfterEach
    void restoreZone() {
        store.timezone(DemoStoreOptions.DEFAULT_TIMEZONE);
    }

    @Test
    void aNewYorkStoreGetsLocalSummerTimeForASummerExpiry() {
        store.timezone(ZoneId.of("America/New_York"));
        long id = issue("2031-07-01T03:59:59Z", "ny-summer");
        coupon(id, "2031-06-30T23:59:59", "2031-07-01T03:59:59");
    }

    @Test
    void aKolkataStoreGetsItsHalfHourOffset() {
        store.timezone(ZoneId.of("Asia/Kolkata"));
        long id = issue("2031-06-30T18:29:59Z", "kolkata");
        coupon(id, "2031-06-30T23:59:59", "2031-06-30T18:29:59");
    }

    @Test
    void aZoneChangedSinceTheGatewayLearnedItIsCorrectedFromTheStoresAnswer() {
        store.timezone(ZoneId.of("Asia/Tokyo"));
        issue("2031-01-15T12:00:00Z", "tokyo-first");
        // The owner moves the store to Berlin; the gateway still believes Tokyo for the next coupon.
        store.timezone(ZoneId.of("Europe/Berlin"));
        long id = issue("2031-01-15T12:00:00Z", "berlin-after");
        coupon(id, "2031-01-15T13:00:00", "2031-01-15T12:00:00");
    }

    private long issue(String expiresAt, String reference) {
        Map<String, Object> request = Map.of("domain", DOMAIN, "email", "alice.johnson@example.com", "percent", 10,
                "expiresAt", expiresAt, "reference", reference + "-" + System.nanoTime());
        return Api.internal().body(request).post("/internal/coupons").then().statusCode(201)
                .body("expiresAt", equalTo(Instant.parse(expiresAt).toString()))
                .extract().jsonPath().getLong("id");
    }

    private void coupon(long id, String local, String gmt) {
        Api.admin().get("/api/admin/woocommerce/" + DOMAIN + "/coupons/" + id).then().statusCode(200)
                .body("date_expires", equalTo(local))
                .body("date_expires_gmt", equalTo(gmt));
    }
}
