package io.csc.gateway.api;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.csc.gateway.support.Api;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

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
}
