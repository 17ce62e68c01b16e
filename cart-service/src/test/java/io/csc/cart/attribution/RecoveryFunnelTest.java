package io.csc.cart.attribution;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.csc.cart.support.CartTestSupport;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code GET /api/carts/stats/funnel} (admin): the recovery funnel of a period's abandoned carts per email step, from a
 * recovery sequence run with the test clock: one cart ordered before any email, one came back after the first email and
 * ordered, one got two emails and did not come back.
 */
@QuarkusTest
class RecoveryFunnelTest extends CartTestSupport {

    @Test
    void funnelPerEmailStep() {
        String domain = newTenant();
        Instant t0 = clock.instant();
        registeredCart(domain, "s-a", unique("a") + "@example.com", t0);
        registeredCart(domain, "s-b", unique("b") + "@example.com", t0);
        registeredCart(domain, "s-c", unique("c") + "@example.com", t0);
        clock.advance(Duration.ofMinutes(6));
        assertEquals(3, scan());

        // c orders before any email: recovered at step 0
        clock.advance(Duration.ofMinutes(4));
        sendEvent(domain, event("order_placed", "s-c", clock.instant(), "orderId", "7001", "orderTotal", "10.00"))
                .then().statusCode(200);

        // the first email to a and b; a comes back to the cart (the restore link refills it) and orders
        clock.advance(Duration.ofHours(1));
        sendDue();
        clock.advance(Duration.ofMinutes(5));
        sendEvent(domain, cartUpdated("s-a", "42", null, clock.instant())).then().statusCode(200);
        clock.advance(Duration.ofMinutes(5));
        sendEvent(domain, event("order_placed", "s-a", clock.instant(), "orderId", "7002", "orderTotal", "34.99"))
                .then().statusCode(200);

        // b gets the second email, with a coupon
        clock.advance(Duration.ofHours(24));
        sendDue();

        LocalDate day = LocalDate.ofInstant(t0, ZoneOffset.UTC);
        given().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("domain", domain)
                .queryParam("from", day.minusDays(1).toString()).queryParam("to", day.plusDays(2).toString())
                .get("/api/carts/stats/funnel").then().statusCode(200)
                .body("success", equalTo(true))
                .body("abandoned", equalTo(3)).body("emailed", equalTo(2)).body("restored", equalTo(1))
                .body("recovered", equalTo(2)).body("recoveryRate", equalTo(0.6667f))
                .body("recoveredRevenue", equalTo("44.99"))
                .body("steps.find { it.step == 0 }.recovered", equalTo(1))
                .body("steps.find { it.step == 0 }.revenue", equalTo("10.00"))
                .body("steps.find { it.step == 1 }.emailed", equalTo(2))
                .body("steps.find { it.step == 1 }.restored", equalTo(1))
                .body("steps.find { it.step == 1 }.recovered", equalTo(1))
                .body("steps.find { it.step == 1 }.revenue", equalTo("34.99"))
                .body("steps.find { it.step == 2 }.emailed", equalTo(1))
                .body("steps.find { it.step == 2 }.couponsIssued", equalTo(1))
                .body("steps.find { it.step == 2 }.restored", equalTo(0))
                .body("steps.find { it.step == 2 }.recovered", equalTo(0));

        // carts abandoned outside the period are not counted
        given().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("domain", domain)
                .queryParam("from", day.plusDays(3).toString()).queryParam("to", day.plusDays(4).toString())
                .get("/api/carts/stats/funnel").then().statusCode(200).body("abandoned", equalTo(0))
                .body("steps.size()", equalTo(0));
    }

    @Test
    void badPeriodsAndMissingTokensAreRefused() {
        String domain = newTenant();
        given().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("domain", domain).queryParam("from", "soon")
                .get("/api/carts/stats/funnel").then().statusCode(400).body("error", containsString("YYYY-MM-DD"));
        given().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("domain", domain)
                .queryParam("from", "2026-03-01").queryParam("to", "2026-02-01").get("/api/carts/stats/funnel").then()
                .statusCode(400);
        // every admin route of cart-service: no token, a wrong one, a near miss: 401 and no data
        for (String path : new String[]{"/api/carts/stats/funnel", "/api/carts/stats", "/api/woocommerce/abandoned-carts"}) {
            for (String auth : new String[]{null, "Bearer wrong", "Bearer " + ADMIN_TOKEN + "x", ADMIN_TOKEN}) {
                var request = given().queryParam("domain", domain);
                if (auth != null) {
                    request.header("Authorization", auth);
                }
                String body = request.get(path).then().statusCode(401).extract().asString();
                assertEquals(false, body.contains("\"success\":true"), path);
            }
        }
    }
}
