package io.csc.chat.widget;

import org.junit.jupiter.api.Test;

import io.csc.chat.support.ServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Serves the widget when the build has it, a JSON 404 when it does not. */
@QuarkusTest
@QuarkusTestResource(value = ServicesResource.class, restrictToAnnotatedClass = false)
class WidgetResourceTest {

    @Test
    void servesTheScriptWithCachingOrAJson404() {
        Response r = RestAssured.get("/embed.js");
        if (WidgetResource.load(WidgetResource.SCRIPT) == null) {
            r.then().statusCode(404).body("code", equalTo("widget_not_found"));
            return;
        }
        r.then().statusCode(200).contentType(startsWith("text/javascript")).header("Cache-Control", "public, max-age=300");
        String etag = r.header("ETag");
        RestAssured.given().header("If-None-Match", etag).get("/embed.js").then().statusCode(304);
        RestAssured.get("/embed/1.2.3/embed.js").then().statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable");
        RestAssured.get("/embed/..%2F..%2Fetc/embed.js").then().statusCode(404);
    }
}
