package io.csc.cart.health;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.csc.cart.support.CartTestSupport;
import io.quarkus.test.junit.QuarkusTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class HealthAndMetricsTest extends CartTestSupport {

    @Test
    void healthReportsDatabaseRedisAndTheScanAndMetricsCountEvents() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("checks.name", hasItem("cart-scan"));

        String domain = newTenant();
        sendEvent(domain, cartUpdated("s-metrics", "42", "m@example.com", clock.instant())).then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("cart_events_total{type=\"cart_updated\"}"));
    }

    @Test
    void aFailingGatewayIsA503AndNothingIsStored() {
        String domain = "down-" + Instant.now().toEpochMilli() + ".test";
        gateway.stubFor(get(urlEqualTo("/internal/tenants/" + domain)).willReturn(aResponse().withStatus(500)));
        sendEvent(domain, cartUpdated("s-down", "42", "d@example.com", clock.instant())).then().statusCode(503)
                .body("code", equalTo("gateway_unavailable"));
        assertEquals(0, count("SELECT count(*) FROM cart.carts WHERE domain = $1", domain));
    }
}
