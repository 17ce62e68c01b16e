package io.csc.cart.api;

import org.junit.jupiter.api.Test;

import io.csc.cart.support.CartTestSupport;
import io.csc.web.PluginSignature;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The plugin's "Test connection": signed like an event; 200 only for a known store and the right secret. */
@QuarkusTest
class PluginPingTest extends CartTestSupport {

    @Test
    void aSignedPingFromAKnownStoreIs200() {
        String domain = newTenant();
        ping(domain.toUpperCase(), secretOf(domain), clock.instant().getEpochSecond(), "{}").then().statusCode(200)
                .contentType(ContentType.JSON).body("success", equalTo(true)).body("domain", equalTo(domain));
        ping(domain, secretOf(domain), clock.instant().getEpochSecond(), "").then().statusCode(200);
    }

    @Test
    void theSameRefusalsAsEvents() {
        String domain = newTenant();
        long now = clock.instant().getEpochSecond();
        ping(domain, "wrong-secret", now, "{}").then().statusCode(401).body("code", equalTo("invalid_signature"));
        ping(domain, secretOf(domain), now - 301, "{}").then().statusCode(401).body("code", equalTo("stale_timestamp"));
        ping("unknown-" + domain, secretOf(domain), now, "{}").then().statusCode(404).body("code", equalTo("tenant_not_found"));
        given().contentType("application/json").body("{}").post("/api/carts/ping").then().statusCode(401)
                .contentType(ContentType.JSON).body("code", equalTo("invalid_signature"));
    }

    private static io.restassured.response.Response ping(String domain, String secret, long ts, String body) {
        return given().contentType("application/json").header(PluginSignature.DOMAIN_HEADER, domain)
                .header(PluginSignature.TIMESTAMP_HEADER, Long.toString(ts))
                .header(PluginSignature.SIGNATURE_HEADER, PluginSignature.sign(secret, ts, body)).body(body)
                .post("/api/carts/ping");
    }
}
