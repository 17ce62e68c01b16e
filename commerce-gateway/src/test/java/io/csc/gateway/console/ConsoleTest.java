package io.csc.gateway.console;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.csc.gateway.support.Api;
import io.csc.test.AdminRoutes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Admin routes of the gateway that must be among those found (so that finding them cannot silently fail). */
    static final List<String> KNOWN_ADMIN_ROUTES = List.of("GET /api/admin/config", "POST /api/admin/config",
            "GET /api/admin/config/console.test", "DELETE /api/admin/config/console.test", "POST /api/admin/keys/rotate",
            "GET /api/admin/test-woocommerce", "GET /api/admin/webhooks");

    /**
     * Every admin route of the gateway (found in its resource classes: {@code @AdminOnly} methods; the WooCommerce
     * proxy's path gets a product path), each with the store as {@code domain} parameter.
     */
    static List<String[]> adminRoutes() {
        List<AdminRoutes.Route> found = AdminRoutes.in("io.csc.gateway.api", "console.test");
        List<String> names = found.stream().map(AdminRoutes.Route::toString).toList();
        for (String known : KNOWN_ADMIN_ROUTES) {
            assertTrue(names.contains(known), known + " not found among " + names);
        }
        List<String[]> routes = new java.util.ArrayList<>();
        for (AdminRoutes.Route r : found) {
            String path = r.path().replace("/console.test/console.test", "/console.test/products/1");
            routes.add(new String[]{r.method(), path + "?domain=console.test"});
        }
        return routes;
    }

    @Test
    void noAdminRouteAnswersDataWithoutTheToken() {
        Api.registerStore("console.test", "http://127.0.0.1:9", "ck_console0000", "cs_console0000");
        for (String[] route : adminRoutes()) {
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
