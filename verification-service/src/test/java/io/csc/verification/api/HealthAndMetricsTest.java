package io.csc.verification.api;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.csc.verification.support.Api;
import io.quarkus.test.junit.QuarkusTest;

import static io.csc.test.GatewayStubs.ALICE;
import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class HealthAndMetricsTest {

    @Test
    void readinessCoversPostgresAndRedis() {
        get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check", "Redis connection health check"));
        get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void verificationsAndSendsAreCounted() {
        String domain = Api.freshDomain();
        Api.internal()
                .body(Map.of("conversationId", Api.freshConversation(), "domain", domain, "email", ALICE, "orderNumber", "47"))
                .post("/internal/verification/simple").then().statusCode(200);
        Api.internal().body(Map.of("conversationId", Api.freshConversation(), "domain", domain, "email", "x@example.com"))
                .post("/internal/verification/otp/send").then().statusCode(202);
        get("/q/metrics").then().statusCode(200)
                .body(containsString("verification_attempts_total{method=\"simple\",outcome=\"full\"}"))
                .body(containsString("verification_otp_sends_total{outcome=\"accepted\"}"));
    }
}
