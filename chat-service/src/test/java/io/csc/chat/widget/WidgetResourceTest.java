package io.csc.chat.widget;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.csc.chat.support.ServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void theServedScriptIsCompactedAndUnderTheBudget() throws Exception {
        byte[] source = WidgetResource.load(WidgetResource.SCRIPT);
        org.junit.jupiter.api.Assumptions.assumeTrue(source != null, "the build has no widget");
        byte[] served = RestAssured.get("/embed.js").then().statusCode(200).extract().asByteArray();
        String text = new String(served, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(served.length < source.length, "smaller than the source");
        assertFalse(text.lines().anyMatch(l -> l.startsWith(" ") || l.startsWith("//") || l.isBlank()),
                "no indentation, comments or blank lines");
        // every statement line of the source is there, in order
        List<String> code = new String(source, java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("//")).toList();
        assertEquals(code, text.lines().toList());
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            out.write(served);
        }
        assertTrue(gz.size() < 15 * 1024, "gzipped " + gz.size() + " bytes");
    }

    @Test
    void aSourceWhoseLeadingSpacesCouldBeTextIsServedAsItIs() {
        byte[] template = "var a = `\n  two spaces`;\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(new String(template, java.nio.charset.StandardCharsets.UTF_8),
                new String(WidgetScript.compact(template), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("a();\nb();\n", new String(WidgetScript.compact("  a();\n\n  // note\n    b();\n".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), java.nio.charset.StandardCharsets.UTF_8));
    }
}
