package io.csc.chat.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.csc.web.SignedToken;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = DemoWireMockResource.class, restrictToAnnotatedClass = true)
class DemoResourceTest {
    static final String SECRET = "demo-plugin-secret-for-tests-0123456789abcdef";
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void stubs() {
        var wm = DemoWireMockResource.server;
        wm.resetAll();
        wm.stubFor(get(urlPathEqualTo("/internal/tenants/demo.localhost")).willReturn(json("""
                {"domain":"demo.localhost","storeName":"Demo Store","storeUrl":"http://127.0.0.1:8090",
                 "woocommerceEnabled":true,"allowedOrigins":["http://127.0.0.1:8080"],"pluginSecret":"%s",
                 "supportEmail":"support@demo.localhost","developmentStore":true}""".formatted(SECRET))));
        wm.stubFor(get(urlPathEqualTo("/internal/products")).withQueryParam("domain", WireMock.equalTo("demo.localhost"))
                .willReturn(json("""
                        [{"id":15,"name":"Zip-Up Fleece Hoodie","type":"simple","sku":"HOOD-ZIP","price":"49.00",
                          "stockStatus":"instock","stockQuantity":12,"shortDescription":"<p>Warm</p>"},
                         {"id":19,"name":"Wool Beanie","type":"simple","sku":"BEANIE","price":"14.40",
                          "stockStatus":"instock","stockQuantity":3}]""")));
        wm.stubFor(
                get(urlPathEqualTo("/internal/customers")).withQueryParam("email", WireMock.equalTo("emma.wilson@example.com"))
                        .willReturn(json("""
                                {"id":6,"email":"emma.wilson@example.com","firstName":"Emma","lastName":"Wilson",
                                 "username":"emma","payingCustomer":true,"dateCreated":"2024-01-01T00:00:00"}""")));
        wm.stubFor(get(urlPathEqualTo("/internal/orders")).withQueryParam("email", WireMock.equalTo("emma.wilson@example.com"))
                .willReturn(json("""
                        [{"id":55,"number":"55","status":"completed","currency":"USD","total":"150.00"},
                         {"id":56,"number":"56","status":"processing","currency":"USD","total":"254.98"}]""")));
        wm.stubFor(post(urlPathEqualTo("/api/carts/events")).willReturn(json("{\"accepted\":true}")));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void thePageAndItsFilesComeWithAStrictPolicyAndNoInlineScript() {
        String html = given().get("/demo").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .extract().asString();
        assertTrue(html.contains("<script src=\"/demo/assets/demo.js\""), html);
        assertTrue(!html.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "no inline script");
        assertTrue(!html.contains("style=\""), "no inline style");
        given().get("/demo/assets/demo.js").then().statusCode(200).contentType(containsString("text/javascript"))
                .body(containsString("ChatWidgetConfig"));
        given().get("/demo/assets/demo.css").then().statusCode(200).contentType(containsString("text/css"));
        given().get("/demo/assets/application.properties").then().statusCode(404).body("success", equalTo(false))
                .body("code", equalTo("not_found"));
        given().get("/demo/assets/..%2Fapplication.properties").then().statusCode(404);
    }

    @Test
    void theVipPersonaGetsARealSignedIdentityAndTheSpecsUserData() {
        JsonNode s = readTree(given().get("/demo/api/session?persona=vip").then().statusCode(200).extract().asString());
        assertEquals("demo.localhost", s.path("domain").asText());
        JsonNode u = s.path("userData");
        assertEquals(true, u.path("isLoggedIn").asBoolean());
        assertEquals("Emma Wilson", u.path("displayName").asText());
        assertEquals("vip", u.path("customerGroup").asText());
        assertEquals(2, u.path("totalOrders").asInt());
        assertEquals("404.98", u.path("totalSpent").asText());
        assertEquals(6, u.path("customerId").asLong());
        // The token verifies with the tenant's plugin secret, as chat-service's identity check will verify it.
        JsonNode payload = SignedToken.verify(SignedToken.Purpose.IDENTITY, SECRET, s.path("identityToken").asText(),
                Instant.now());
        assertEquals("identity", payload.path("typ").asText());
        assertEquals("demo.localhost", payload.path("domain").asText());
        assertEquals("emma.wilson@example.com", payload.path("email").asText());
        assertEquals("vip", payload.path("segment").asText());
        assertEquals(6, payload.path("customerId").asLong());
        long exp = payload.path("exp").asLong();
        assertTrue(Math.abs(exp - Instant.now().plusSeconds(3600).getEpochSecond()) < 60, "expires in an hour");
    }

    @Test
    void aGuestHasNoTokenAndAnUnknownPersonaIsABadRequest() {
        given().get("/demo/api/session?persona=guest").then().statusCode(200).body("identityToken", nullValue())
                .body("userData.isLoggedIn", equalTo(false)).body("userData.customerGroup", equalTo("guest"));
        given().get("/demo/api/session?persona=admin").then().statusCode(400).body("success", equalTo(false));
    }

    @Test
    void productsComeFromTheGateway() {
        given().get("/demo/api/products").then().statusCode(200).body("[0].name", equalTo("Zip-Up Fleece Hoodie"))
                .body("[1].price", equalTo("14.40"));
    }

    @Test
    void aVariationInTheStoresCartIsPricedByTheVariation() throws Exception {
        // the gateway's product list carries a variable product's variations: the Store API cart names the variation
        // (45, Blue / M at 29.00), and the reported line keeps the product and the variation apart
        DemoWireMockResource.server.stubFor(get(urlPathEqualTo("/internal/products"))
                .withQueryParam("domain", WireMock.equalTo("demo.localhost")).atPriority(1).willReturn(json("""
                        [{"id":40,"name":"Performance Running Shirt","type":"variable","sku":"RUN-SHIRT","price":"29.00",
                          "stockStatus":"instock","variations":[
                           {"id":45,"sku":"RUN-SHIRT-BLUE-M","price":"29.00","stockStatus":"instock","stockQuantity":23,
                            "attributes":["Color: Blue","Size: M"]},
                           {"id":46,"sku":"RUN-SHIRT-BLUE-L","price":"36.00","stockStatus":"instock","stockQuantity":7,
                            "attributes":["Color: Blue","Size: L"]}]}]""")));
        given().contentType(ContentType.JSON).body("""
                {"sessionId":"demo-5678-abcd","persona":"guest","items":[{"productId":45,"quantity":2}]}""")
                .post("/demo/api/cart").then().statusCode(200).body("cartData.itemCount", equalTo(2))
                .body("cartData.cartTotal", equalTo("58.00"))
                .body("cartData.items[0].name", equalTo("Performance Running Shirt – Blue / M"));
        JsonNode e = readTree(DemoWireMockResource.server.findAll(postRequestedFor(urlPathEqualTo("/api/carts/events")))
                .get(0).getBodyAsString());
        assertEquals(40, e.path("cartItems").path(0).path("productId").asInt());
        assertEquals(45, e.path("cartItems").path(0).path("variationId").asInt());
        assertEquals("29.00", e.path("cartItems").path(0).path("price").asText());
        assertEquals("RUN-SHIRT-BLUE-M", e.path("cartItems").path(0).path("sku").asText());
        assertEquals("58.00", e.path("cartTotal").asText());
    }

    @Test
    void addToCartReportsASignedPluginEventPricedByTheStore() throws Exception {
        long before = Instant.now().getEpochSecond();
        given().contentType(ContentType.JSON).body("""
                {"sessionId":"demo-1234-abcd","persona":"vip","items":[{"productId":15,"quantity":2},
                 {"productId":19,"quantity":1}],"idleMinutes":10}""")
                .post("/demo/api/cart").then().statusCode(200).body("cartData.hasItems", equalTo(true))
                .body("cartData.itemCount", equalTo(3)).body("cartData.cartTotal", equalTo("112.40"));
        List<LoggedRequest> sent = DemoWireMockResource.server.findAll(postRequestedFor(urlPathEqualTo("/api/carts/events")));
        assertEquals(1, sent.size());
        LoggedRequest r = sent.get(0);
        String body = r.getBodyAsString();
        String ts = r.getHeader("X-CSC-Timestamp");
        assertEquals("demo.localhost", r.getHeader("X-CSC-Domain"));
        assertTrue(Long.parseLong(ts) >= before);
        assertEquals("sha256=" + hmacHex(SECRET, ts + "." + body), r.getHeader("X-CSC-Signature"));
        JsonNode e = readTree(body);
        assertEquals("cart_updated", e.path("type").asText());
        assertEquals("demo-1234-abcd", e.path("sessionId").asText());
        assertEquals("emma.wilson@example.com", e.path("email").asText());
        assertEquals("6", e.path("userId").asText(), "the WordPress user of the logged-in customer");
        assertEquals("112.40", e.path("cartTotal").asText());
        assertEquals("49.00", e.path("cartItems").path(0).path("price").asText());
        assertEquals(2, e.path("cartItems").path(0).path("quantity").asInt());
        long idle = before - Instant.parse(e.path("occurredAt").asText()).getEpochSecond();
        assertTrue(idle >= 595 && idle <= 660, "back-dated ten minutes: " + idle);
    }

    @Test
    void badCartsAreRefusedBeforeAnythingIsReported() {
        given().contentType(ContentType.JSON)
                .body("{\"sessionId\":\"demo-1234-abcd\",\"items\":[{\"productId\":999,\"quantity\":1}]}")
                .post("/demo/api/cart").then().statusCode(400).body("success", equalTo(false));
        given().contentType(ContentType.JSON)
                .body("{\"sessionId\":\"demo-1234-abcd\",\"items\":[{\"productId\":15,\"quantity\":0}]}")
                .post("/demo/api/cart").then().statusCode(400).body("success", equalTo(false));
        given().contentType(ContentType.JSON).body("{\"sessionId\":\"<x>\",\"items\":[]}")
                .post("/demo/api/cart").then().statusCode(400).body("success", equalTo(false));
        assertEquals(0, DemoWireMockResource.server.findAll(postRequestedFor(urlPathEqualTo("/api/carts/events"))).size());
    }

    static String hmacHex(String secret, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    static JsonNode readTree(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(s, e);
        }
    }
}
