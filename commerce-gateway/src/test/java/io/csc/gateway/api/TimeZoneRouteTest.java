package io.csc.gateway.api;

import java.time.ZoneId;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.csc.demostore.DemoStore;
import io.csc.demostore.DemoStoreOptions;
import io.csc.gateway.support.Api;
import io.csc.gateway.support.DemoStoreResource;
import io.csc.gateway.support.InjectDemoStore;
import io.csc.gateway.woo.StoreTimeZoneService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import static org.hamcrest.Matchers.equalTo;

/** {@code GET /internal/tenants/{domain}/time-zone}: the store's own zone for chat-service's business hours. */
@QuarkusTest
@QuarkusTestResource(DemoStoreResource.class)
class TimeZoneRouteTest {
    static final String DOMAIN = "tz-route.test";

    @InjectDemoStore
    DemoStore store;

    @ConfigProperty(name = "test.demo-store.url")
    String storeUrl;

    @Inject
    StoreTimeZoneService zones;

    @AfterEach
    void restoreZone() {
        store.timezone(DemoStoreOptions.DEFAULT_TIMEZONE);
    }

    @Test
    void answersTheStoresZoneFromItsSiteIndex() {
        store.reset();
        store.timezone(ZoneId.of("America/New_York"));
        zones.forget(DOMAIN);
        Api.registerStore(DOMAIN, storeUrl, DemoStore.CONSUMER_KEY, DemoStore.CONSUMER_SECRET);
        Api.internal().get("/internal/tenants/" + DOMAIN + "/time-zone").then().statusCode(200)
                .body("timeZone", equalTo("America/New_York")).body("source", equalTo("store"));
    }

    @Test
    void needsTheInternalTokenAndAKnownStore() {
        RestAssured.given().get("/internal/tenants/" + DOMAIN + "/time-zone").then().statusCode(401);
        Api.internal().get("/internal/tenants/unknown-tz.test/time-zone").then().statusCode(404);
    }
}
