package io.csc.cart.attribution;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.csc.cart.support.CartTestSupport;
import io.csc.test.AdminRoutes;
import io.csc.web.SignedToken;
import io.csc.web.SignedToken.Purpose;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/carts/stats/funnel} (admin): the recovery funnel of a period's abandoned carts per email step, from a
 * recovery sequence run with the test clock: one cart ordered before any email; one restored from the first email's
 * link and ordered; one that came back by itself (not through a link: not "restored") and got no second email; one
 * that got two emails and was restored from the second with a link in the old format (no step); one restored from
 * nothing at all. "Restored" is counted from the {@code cart_restored} events the plugin sends after a restore, with
 * the restore token's session and step, as read from the emails sent.
 */
@QuarkusTest
class RecoveryFunnelTest extends CartTestSupport {
    private static final Pattern RESTORE = Pattern.compile("\\?csc_restore=(\\S+)");

    /** The restore token of the n-th email (1-based) sent to this address, checked as the plugin checks it. */
    private JsonNode restoreToken(String domain, String email, int n) throws Exception {
        List<MimeMessage> mails = mailsTo(email);
        Matcher m = RESTORE.matcher(part(mails.get(n - 1), "text/plain"));
        assertTrue(m.find());
        return SignedToken.verify(Purpose.RESTORE, secretOf(domain), m.group(1), clock.instant());
    }

    /** What the plugin sends once a restore link put the cart back. */
    private Map<String, Object> restored(JsonNode token, Instant at, boolean withStep) {
        return withStep
                ? event("cart_restored", token.get("sessionId").asText(), at, "step", token.get("step").asInt())
                : event("cart_restored", token.get("sessionId").asText(), at);
    }

    @Test
    void funnelPerEmailStep() throws Exception {
        String domain = newTenant();
        stubStockAvailable();
        stubCoupons();
        Instant t0 = clock.instant();
        String a = unique("a") + "@example.com";
        String b = unique("b") + "@example.com";
        String d = unique("d") + "@example.com";
        registeredCart(domain, "s-a", a, t0);
        registeredCart(domain, "s-b", b, t0);
        registeredCart(domain, "s-c", unique("c") + "@example.com", t0);
        registeredCart(domain, "s-d", d, t0);
        clock.advance(Duration.ofMinutes(6));
        assertEquals(4, scan());

        // c orders before any email: recovered at step 0
        clock.advance(Duration.ofMinutes(4));
        sendEvent(domain, event("order_placed", "s-c", clock.instant(), "orderId", "7001", "orderTotal", "10.00"))
                .then().statusCode(200);

        // the first email to a, b and d; a follows its restore link (the token names step 1) and orders
        clock.advance(Duration.ofHours(1));
        sendDue();
        JsonNode aToken = restoreToken(domain, a, 1);
        assertEquals("s-a", aToken.get("sessionId").asText());
        assertEquals(1, aToken.get("step").asInt());
        clock.advance(Duration.ofMinutes(5));
        sendEvent(domain, restored(aToken, clock.instant(), true)).then().statusCode(200).body("applied", equalTo(true));
        sendEvent(domain, cartUpdated("s-a", "42", null, clock.instant())).then().statusCode(200);
        // the same restore reported again (a retried delivery, the link opened twice) counts once
        sendEvent(domain, restored(aToken, clock.instant().plusSeconds(30), true)).then().statusCode(200)
                .body("applied", equalTo(false));
        clock.advance(Duration.ofMinutes(5));
        sendEvent(domain, event("order_placed", "s-a", clock.instant(), "orderId", "7002", "orderTotal", "34.99"))
                .then().statusCode(200);

        // d comes back to the store by itself (no link followed): active again, but not restored
        sendEvent(domain, cartUpdated("s-d", "42", d, clock.instant())).then().statusCode(200);
        // a restore naming a step that was never sent to that cart counts nothing
        sendEvent(domain, event("cart_restored", "s-d", clock.instant(), "step", 3)).then().statusCode(200)
                .body("applied", equalTo(false));
        // nor does one for a cart cart-service does not know
        sendEvent(domain, event("cart_restored", "s-nobody", clock.instant(), "step", 1)).then().statusCode(200)
                .body("applied", equalTo(false));

        // b gets the second email, with a coupon, and follows a link in the old format (no step): the last email
        // sent before the restore gets it
        clock.advance(Duration.ofHours(24));
        sendDue();
        assertEquals(2, mailsTo(b).size());
        assertEquals(2, restoreToken(domain, b, 2).get("step").asInt());
        clock.advance(Duration.ofMinutes(2));
        sendEvent(domain, restored(restoreToken(domain, b, 2), clock.instant(), false)).then().statusCode(200)
                .body("applied", equalTo(true));

        LocalDate day = LocalDate.ofInstant(t0, ZoneOffset.UTC);
        given().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("domain", domain)
                .queryParam("from", day.minusDays(1).toString()).queryParam("to", day.plusDays(2).toString())
                .get("/api/carts/stats/funnel").then().statusCode(200)
                .body("success", equalTo(true))
                .body("abandoned", equalTo(4)).body("emailed", equalTo(3)).body("restored", equalTo(2))
                .body("recovered", equalTo(2)).body("recoveryRate", equalTo(0.5f))
                .body("recoveredRevenue", equalTo("44.99"))
                .body("steps.find { it.step == 0 }.recovered", equalTo(1))
                .body("steps.find { it.step == 0 }.revenue", equalTo("10.00"))
                .body("steps.find { it.step == 1 }.emailed", equalTo(3))
                .body("steps.find { it.step == 1 }.restored", equalTo(1))
                .body("steps.find { it.step == 1 }.recovered", equalTo(1))
                .body("steps.find { it.step == 1 }.revenue", equalTo("34.99"))
                .body("steps.find { it.step == 2 }.emailed", equalTo(1))
                .body("steps.find { it.step == 2 }.couponsIssued", equalTo(1))
                .body("steps.find { it.step == 2 }.restored", equalTo(1))
                .body("steps.find { it.step == 2 }.recovered", equalTo(0));

        // carts abandoned outside the period are not counted
        given().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("domain", domain)
                .queryParam("from", day.plusDays(3).toString()).queryParam("to", day.plusDays(4).toString())
                .get("/api/carts/stats/funnel").then().statusCode(200).body("abandoned", equalTo(0))
                .body("steps.size()", equalTo(0));
    }

    @Test
    void aRestoreIsCreditedOnlyToAnEmailSentBeforeIt() throws Exception {
        String domain = newTenant();
        stubStockAvailable();
        Instant t0 = clock.instant();
        String e = unique("e") + "@example.com";
        registeredCart(domain, "s-e", e, t0);
        clock.advance(Duration.ofMinutes(6));
        scan();
        clock.advance(Duration.ofHours(1));
        sendDue();
        JsonNode token = restoreToken(domain, e, 1);
        // an old-format link reported as followed before any email went out (a store clock far behind): nothing
        sendEvent(domain, restored(token, t0.plusSeconds(60), false)).then().statusCode(200).body("applied", equalTo(false));
        // the token's step, reported a little before the send by a store clock that runs behind (within the
        // signature's 5 minutes): counted
        sendEvent(domain, restored(token, clock.instant().minusSeconds(120), true)).then().statusCode(200)
                .body("applied", equalTo(true));
        assertEquals(1, count("SELECT count(*) FROM cart.cart_restores r JOIN cart.carts c ON c.id = r.cart_id"
                + " WHERE c.domain = $1 AND r.step = 1", domain));
        // a step that is no email step is refused as a bad event, and stores nothing
        for (Object bad : new Object[]{0, 101, "one"}) {
            sendEvent(domain, event("cart_restored", "s-e", clock.instant(), "step", bad)).then().statusCode(400)
                    .body("success", equalTo(false));
        }
        assertEquals(1, count("SELECT count(*) FROM cart.cart_restores r JOIN cart.carts c ON c.id = r.cart_id"
                + " WHERE c.domain = $1", domain));
    }

    @Test
    void badPeriodsAndMissingTokensAreRefused() {
        String domain = newTenant();
        given().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("domain", domain).queryParam("from", "soon")
                .get("/api/carts/stats/funnel").then().statusCode(400).body("error", containsString("YYYY-MM-DD"));
        given().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("domain", domain)
                .queryParam("from", "2026-03-01").queryParam("to", "2026-02-01").get("/api/carts/stats/funnel").then()
                .statusCode(400);
        // every admin route of cart-service (found in its resource classes, so a new one is covered the day it is
        // added): no token, a wrong one, a near miss: 401 and no data
        List<AdminRoutes.Route> routes = AdminRoutes.in("io.csc.cart.api", "1");
        List<String> names = routes.stream().map(AdminRoutes.Route::toString).toList();
        for (String known : List.of("GET /api/carts/stats/funnel", "GET /api/carts/stats",
                "GET /api/woocommerce/abandoned-carts")) {
            assertTrue(names.contains(known), known + " not found among " + names);
        }
        for (AdminRoutes.Route route : routes) {
            for (String auth : new String[]{null, "Bearer wrong", "Bearer " + ADMIN_TOKEN + "x", ADMIN_TOKEN}) {
                var request = given().queryParam("domain", domain);
                if (auth != null) {
                    request.header("Authorization", auth);
                }
                String body = request.request(route.method(), route.path()).then().statusCode(401).extract().asString();
                assertEquals(false, body.contains("\"success\":true"), route.toString());
                assertEquals(false, body.contains(domain), route.toString());
            }
        }
    }
}
