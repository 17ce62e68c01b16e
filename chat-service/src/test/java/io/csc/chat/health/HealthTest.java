package io.csc.chat.health;

import org.junit.jupiter.api.Test;

import io.csc.chat.support.ServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Readiness follows PostgreSQL, Redis and the three services; no model is configured here and chat is still ready. */
@QuarkusTest
@QuarkusTestResource(value = ServicesResource.class, restrictToAnnotatedClass = false)
class HealthTest {

    @Test
    void readyWhenTheServicesAreUpNotReadyWhenOneIsDown() {
        ServicesResource.reset();
        for (var s : new com.github.tomakehurst.wiremock.WireMockServer[]{ServicesResource.gateway,
                ServicesResource.verification,
                ServicesResource.cart}) {
            s.stubFor(get(urlPathEqualTo("/q/health/live")).atPriority(1).willReturn(okJson("{\"status\":\"UP\"}")));
        }
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("chat-dependencies"));

        ServicesResource.reset(); // /q/health/live now answers 401 everywhere: not up
        RestAssured.get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'chat-dependencies' }.data.'commerce-gateway'", equalTo("DOWN"));
        RestAssured.get("/q/health/live").then().statusCode(200);
    }
}
