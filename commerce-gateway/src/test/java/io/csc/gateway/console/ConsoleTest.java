package io.csc.gateway.console;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.csc.gateway.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The operator console's files at {@code /admin} (static, strict CSP, nothing inline) and the gateway's admin routes it
 * calls: none of them answers data without the admin token.
 */
@QuarkusTest
class ConsoleTest {
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Test
    void theConsoleIsServedUnderAdminWithAStrictContentSecurityPolicy() {
        given().redirects().follow(false).get("/admin").then().statusCode(301).header("Location", "/admin/");
        String page = given().get("/admin/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", CSP).header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store").body(containsString("<title>Store console</title>"))
                .extract().asString();
        // nothing inline: scripts and styles come from files (the CSP would block anything else)
        assertFalse(page.matches("(?s).*<script>.*"), "no inline script");
        assertFalse(page.contains("<style"), "no style element");
        assertFalse(page.contains("style=\""), "no style attribute");
        assertFalse(page.matches("(?s).*\\son[a-z]+=\".*"), "no inline event handler");
        given().get("/admin/console.js").then().statusCode(200).header("Content-Security-Policy", CSP)
                .body(containsString("sessionStorage")).body(not(containsString("localStorage.setItem")));
        given().get("/admin/console.css").then().statusCode(200).contentType(containsString("text/css"));
    }

    /** Every admin route of the gateway, with a placeholder where the path takes a value. */
    static final List<String[]> ADMIN_ROUTES = List.of(
            new String[]{"GET", "/api/admin/config"},
            new String[]{"POST", "/api/admin/config"},
            new String[]{"GET", "/api/admin/config/console.test"},
            new String[]{"DELETE", "/api/admin/config/console.test"},
            new String[]{"POST", "/api/admin/keys/rotate"},
            new String[]{"GET", "/api/admin/test-woocommerce?domain=console.test"},
            new String[]{"GET", "/api/admin/woocommerce/console.test/products"},
            new String[]{"POST", "/api/admin/woocommerce/console.test/products"},
            new String[]{"PUT", "/api/admin/woocommerce/console.test/products/1"},
            new String[]{"DELETE", "/api/admin/woocommerce/console.test/products/1"});

    @Test
    void noAdminRouteAnswersDataWithoutTheToken() {
        Api.registerStore("console.test", "http://127.0.0.1:9", "ck_console0000", "cs_console0000");
        for (String[] route : ADMIN_ROUTES) {
            for (String token : new String[]{null, "Bearer wrong", "Bearer " + Api.ADMIN_TOKEN + "x",
                    "Bearer " + Api.ADMIN_TOKEN.substring(1), Api.ADMIN_TOKEN, "bearer  "}) {
                RequestSpecification request = given().contentType("application/json")
                        .body("{\"domain\":\"console.test\",\"woocommerce_enabled\":false}");
                if (token != null) {
                    request.header("Authorization", token);
                }
                Response r = request.request(route[0], route[1]);
                assertEquals(401, r.statusCode(), route[0] + " " + route[1] + " with " + token);
                assertFalse(r.asString().contains("\"success\":true"), route[1] + " answered data");
                assertFalse(r.asString().contains("console.test"), route[1] + " named the store");
            }
        }
        // nothing changed: the store is still there and enabled
        Api.admin().get("/api/admin/config/console.test").then().statusCode(200).body("woocommerce_enabled", equalTo(true));
    }

    @Test
    void theConnectionTestSaysWhatFailedInWords() {
        Api.registerStore("console-down.test", "http://127.0.0.1:9", "ck_console0000", "cs_console0000");
        Api.admin().get("/api/admin/test-woocommerce?domain=console-down.test").then().statusCode(503)
                .body("code", equalTo("store_unavailable")).body("error", containsString("could not be reached"));
        Api.admin().get("/api/admin/test-woocommerce?domain=nobody.test").then().statusCode(404)
                .body("code", equalTo("tenant_not_found"));
    }

    @Test
    void theWebhookStatusIsTheLastDeliveryAccepted() {
        // a store of its own per run: Redis keeps a store's webhook status across test runs on one machine
        String domain = "console-hooks-" + System.currentTimeMillis() + ".test";
        Api.registerStore(domain, "http://127.0.0.1:9", "ck_console0000", "cs_console0000");
        Api.admin().get("/api/admin/webhooks?domain=" + domain).then().statusCode(200)
                .body("lastDeliveryAt", org.hamcrest.Matchers.nullValue());
        // WooCommerce's activation ping (form-encoded, unsigned) counts as a delivery
        given().contentType("application/x-www-form-urlencoded").body("webhook_id=17")
                .post("/api/webhooks/woocommerce/" + domain).then().statusCode(200);
        Api.admin().get("/api/admin/webhooks?domain=" + domain).then().statusCode(200)
                .body("lastTopic", equalTo("ping")).body("lastDeliveryAt", org.hamcrest.Matchers.notNullValue());
        // a delivery with a wrong signature is not
        given().contentType("application/json").header("X-WC-Webhook-Topic", "product.updated")
                .header("X-WC-Webhook-Signature", "bm9wZQ==").body("{\"id\":1}")
                .post("/api/webhooks/woocommerce/" + domain).then().statusCode(401);
        Api.admin().get("/api/admin/webhooks?domain=" + domain).then().body("lastTopic", equalTo("ping"));
    }
}
