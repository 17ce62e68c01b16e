package io.csc.gateway.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.csc.gateway.support.Api;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ObservabilityTest {

    @Test
    void readinessCoversPostgresqlAndRedis() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(containsString("PostgreSQL"), containsString("Redis")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void exportsStoreLatencyPerOperation() {
        // A call to an unreachable store is still a timed call.
        Api.registerStore("metrics.test", "http://127.0.0.1:9", "ck_metrics0000", "cs_metrics0000");
        Api.client(Api.randomIp()).body(Map.of("domain", "metrics.test", "productId", 1)).post("/api/woocommerce/stock")
                .then().statusCode(503);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("woocommerce_request_seconds_count{operation=\"products.get\",outcome=\"unavailable\""));
    }

    @Test
    void registeringStoresDoesNotGrowTheMetricsLabels() {
        // Each store gets its own circuit breaker as soon as it is called: its metrics must not get a series each.
        callStores("cardinality-a", 3);
        List<String> before = storeSeries();
        callStores("cardinality-b", 25);
        List<String> after = storeSeries();
        assertEquals(before, after, "series before and after 25 more stores");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains("cardinality-"), "no metric carries a store's domain");
        assertTrue(metrics.contains("woocommerce_breakers_open"), "the bounded breaker gauge is exported");
    }

    private static void callStores(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            String domain = prefix + "-" + i + ".test";
            Api.registerStore(domain, "http://127.0.0.1:9", "ck_metrics0000", "cs_metrics0000");
            Api.client(Api.randomIp()).body(Map.of("domain", domain, "productId", 1)).post("/api/woocommerce/stock")
                    .then().statusCode(503);
        }
    }

    /** Names and labels (not values) of every series about stores, breakers or fault tolerance. */
    private static List<String> storeSeries() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> !l.startsWith("#"))
                .filter(l -> l.contains("woocommerce") || l.startsWith("ft_") || l.contains("circuit"))
                .map(l -> l.substring(0, l.lastIndexOf(' '))).sorted().toList();
    }
}
