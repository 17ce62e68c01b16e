package io.csc.chat.demo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * A deployment that does not turn the demo on ({@code CHAT_DEMO_ENABLED} unset: the tests' profile turns it on, this
 * one takes the default back) has no demo page and no demo routes: no identity token, no recovery mail.
 */
@QuarkusTest
@TestProfile(DemoOffTest.Off.class)
class DemoOffTest {
    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chat.demo.enabled", "${CHAT_DEMO_ENABLED:false}");
        }
    }

    @Test
    void everyDemoRouteIsNotFound() {
        given().get("/demo").then().statusCode(404).body("success", equalTo(false));
        given().get("/demo/assets/demo.js").then().statusCode(404).body("success", equalTo(false));
        given().get("/demo/api/session?persona=vip").then().statusCode(404).body("success", equalTo(false));
        given().get("/demo/api/products").then().statusCode(404).body("success", equalTo(false));
        given().contentType("application/json").body("{\"sessionId\":\"s-1\",\"persona\":\"vip\",\"items\":[]}")
                .post("/demo/api/cart").then().statusCode(404).body("success", equalTo(false));
    }
}
