package io.csc.cart.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.csc.cart.support.CartTestSupport;
import io.csc.web.SignedToken;
import io.csc.web.SignedToken.Purpose;
import io.quarkus.test.junit.QuarkusTest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RecoverySequenceTest extends CartTestSupport {
    private static final Pattern RESTORE = Pattern.compile("https://(\\S+)/\\?csc_restore=(\\S+)");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("http://carts\\.test/api/carts/unsubscribe\\?token=(\\S+)");

    @Test
    void threeEmailsAtOneTwentyFourAndSeventyTwoHoursWithCouponsFromTheSecond() throws Exception {
        String domain = newTenant();
        String email = unique("ann") + "@example.com";
        Instant t0 = clock.instant();
        registeredCart(domain, "s-seq", email, t0);

        clock.advance(Duration.ofMinutes(6));
        assertEquals(1, scan());
        given().header("X-Internal-Token", INTERNAL_TOKEN).queryParam("domain", domain).get("/internal/carts/s-seq")
                .then().statusCode(200).body("abandoned", equalTo(true)).body("state", equalTo("abandoned"))
                .body("abandonedAt", equalTo(t0.plus(Duration.ofMinutes(5)).toString()))
                .body("abandonedForSeconds", equalTo(60));
        sendDue();
        assertEquals(0, mailsTo(email).size(), "nothing before the first hour");

        // Step 1 at abandonment + 1 h: items, total, links, no coupon.
        clock.advance(Duration.ofMinutes(60));
        assertEquals(1, sendDue().sent());
        sendDue();
        List<MimeMessage> mails = mailsTo(email);
        assertEquals(1, mails.size());
        MimeMessage first = mails.get(0);
        long cartId = one("SELECT id FROM cart.carts WHERE domain = $1", domain).getLong("id");
        assertEquals("cart-" + cartId + "-step-1", first.getHeader("X-CSC-Recovery")[0]);
        assertEquals("<cart-" + cartId + "-step-1@" + domain + ">", first.getMessageID());
        assertEquals("You left something in your cart at Mug & Tea Shop", first.getSubject());
        assertEquals("help@" + domain, first.getReplyTo()[0].toString());
        String text = part(first, "text/plain");
        String html = part(first, "text/html");
        assertTrue(text.contains("Blue Mug x 2  12.50 EUR"), text);
        assertTrue(text.contains("Tea <Sampler> (Size: L) x 1  9.99 EUR"), text);
        assertTrue(text.contains("Total: 34.99 EUR"), text);
        assertTrue(text.contains("help@" + domain), text);
        assertTrue(html.contains("Tea &lt;Sampler&gt;"), "HTML escapes item names");
        assertFalse(text.contains("% off"), "no coupon in the first email");

        Matcher restore = RESTORE.matcher(text);
        assertTrue(restore.find(), text);
        assertEquals(domain, restore.group(1));
        JsonNode restorePayload = SignedToken.verify(Purpose.RESTORE, secretOf(domain), restore.group(2), clock.instant());
        assertEquals("restore", restorePayload.get("typ").asText());
        assertEquals("s-seq", restorePayload.get("sessionId").asText());
        assertEquals(2, restorePayload.get("items").size());
        assertEquals(11, restorePayload.get("items").get(0).get("productId").asLong());
        assertEquals(2, restorePayload.get("items").get(0).get("quantity").asInt());
        assertEquals(31, restorePayload.get("items").get(1).get("variationId").asLong());
        assertTrue(restorePayload.get("exp").asLong() > clock.instant().getEpochSecond());
        assertFalse(restorePayload.has("coupon"), "no coupon in the first email's restore link");

        Matcher unsubscribe = UNSUBSCRIBE.matcher(text);
        assertTrue(unsubscribe.find(), text);
        JsonNode unsubscribePayload = SignedToken.verify(Purpose.UNSUBSCRIBE, secretOf(domain), unsubscribe.group(1),
                clock.instant());
        assertEquals("unsubscribe", unsubscribePayload.get("typ").asText());
        assertEquals(domain, unsubscribePayload.get("domain").asText());
        assertEquals(email, unsubscribePayload.get("email").asText());
        assertEquals("<" + unsubscribe.group(0) + ">", first.getHeader("List-Unsubscribe")[0]);
        assertEquals("List-Unsubscribe=One-Click", first.getHeader("List-Unsubscribe-Post")[0]);
        gateway.verify(0, postRequestedFor(urlPathEqualTo("/internal/coupons")));

        // Step 2 at + 24 h: a 10 % coupon made for this shopper, idempotent by reference.
        clock.advance(Duration.ofHours(23));
        sendDue();
        mails = mailsTo(email);
        assertEquals(2, mails.size());
        MimeMessage second = mails.get(1);
        assertEquals("Your cart at Mug & Tea Shop is waiting: 10% off inside", second.getSubject());
        String code2 = "BACK-cart-" + cartId + "-step-2";
        assertTrue(part(second, "text/plain").contains("Use code " + code2 + " for 10% off"), part(second, "text/plain"));
        Matcher restore2 = RESTORE.matcher(part(second, "text/plain"));
        assertTrue(restore2.find());
        // the plugin applies the email's coupon when the shopper follows the restore link
        assertEquals(code2,
                SignedToken.verify(Purpose.RESTORE, secretOf(domain), restore2.group(2), clock.instant()).get("coupon")
                        .asText());
        gateway.verify(1, postRequestedFor(urlPathEqualTo("/internal/coupons"))
                .withHeader("X-Internal-Token", com.github.tomakehurst.wiremock.client.WireMock.equalTo(INTERNAL_TOKEN))
                .withRequestBody(matchingJsonPath("$.domain", com.github.tomakehurst.wiremock.client.WireMock.equalTo(domain)))
                .withRequestBody(matchingJsonPath("$.email", com.github.tomakehurst.wiremock.client.WireMock.equalTo(email)))
                .withRequestBody(matchingJsonPath("$.percent", com.github.tomakehurst.wiremock.client.WireMock.equalTo("10")))
                .withRequestBody(matchingJsonPath("$.reference",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("cart-" + cartId + "-step-2")))
                .withRequestBody(matchingJsonPath("$.expiresAt")));

        // Step 3 at + 72 h: 20 %, the last one.
        clock.advance(Duration.ofHours(48));
        sendDue();
        mails = mailsTo(email);
        assertEquals(3, mails.size());
        assertEquals("Last chance: 20% off your cart at Mug & Tea Shop", mails.get(2).getSubject());
        assertTrue(part(mails.get(2), "text/plain").contains("BACK-cart-" + cartId + "-step-3"));

        clock.advance(Duration.ofDays(10));
        scan();
        sendDue();
        assertEquals(3, mailsTo(email).size(), "at most three emails");
        assertEquals(3, count("SELECT count(*) FROM cart.recovery_emails WHERE cart_id = $1 AND status = 'sent'", cartId));
        assertEquals("BACK-cart-" + cartId + "-step-2",
                one("SELECT coupon_code FROM cart.recovery_emails WHERE cart_id = $1 AND step = 2", cartId)
                        .getString("coupon_code"));

        given().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("domain", domain).get("/api/carts/stats")
                .then().statusCode(200).body("abandoned", equalTo(1)).body("recovered", equalTo(0))
                .body("steps.size()", equalTo(3)).body("steps[0].sent", equalTo(1)).body("steps[1].couponsIssued", equalTo(1));
    }

    @Test
    void orderAfterTheSecondEmailIsAttributedToItAndEndsTheSequence() throws Exception {
        String domain = newTenant();
        String email = unique("bob") + "@example.com";
        Instant t0 = clock.instant();
        abandonAndSendFirstEmail(domain, "s-conv", email, t0);
        clock.advance(Duration.ofHours(23));
        sendDue();
        assertEquals(2, mailsTo(email).size());
        long cartId = one("SELECT id FROM cart.carts WHERE domain = $1", domain).getLong("id");

        clock.advance(Duration.ofHours(2));
        sendEvent(domain, event("order_placed", "s-conv", clock.instant(), "orderId", "5001", "orderTotal", "31.49"))
                .then().statusCode(200).body("state", equalTo("converted"));
        var row = one("SELECT attributed_step, attributed_coupon FROM cart.carts WHERE id = $1", cartId);
        assertEquals(2, row.getInteger("attributed_step"));
        assertEquals("BACK-cart-" + cartId + "-step-2", row.getString("attributed_coupon"));
        var third = one("SELECT status, skip_reason FROM cart.recovery_emails WHERE cart_id = $1 AND step = 3", cartId);
        assertEquals("cancelled", third.getString("status"));
        assertEquals("ordered", third.getString("skip_reason"));

        clock.advance(Duration.ofDays(4));
        scan();
        sendDue();
        assertEquals(2, mailsTo(email).size(), "no email after the order");

        // A second abandoned cart of the same store that was not recovered, and one recovered before any email.
        registeredCart(domain, "s-lost", unique("c") + "@example.com", clock.instant());
        registeredCart(domain, "s-quick", unique("d") + "@example.com", clock.instant());
        clock.advance(Duration.ofMinutes(10));
        scan();
        sendEvent(domain, event("order_placed", "s-quick", clock.instant(), "orderId", "5002", "orderTotal", "10.00"))
                .then().statusCode(200);

        given().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("domain", domain).get("/api/carts/stats")
                .then().statusCode(200).body("success", equalTo(true)).body("abandoned", equalTo(3))
                .body("recovered", equalTo(2)).body("recoveryRate", equalTo(0.6667f)).body("recoveredRevenue", equalTo("41.49"))
                .body("steps.find { it.step == 0 }.recovered", equalTo(1))
                .body("steps.find { it.step == 0 }.revenue", equalTo("10.00"))
                .body("steps.find { it.step == 2 }.recovered", equalTo(1))
                .body("steps.find { it.step == 2 }.revenue", equalTo("31.49"))
                .body("steps.find { it.step == 1 }.sent", equalTo(1))
                .body("steps.find { it.step == 1 }.recovered", equalTo(0));
        given().queryParam("domain", domain).get("/api/carts/stats").then().statusCode(401);
    }

    @Test
    void unsubscribeLinkConfirmsOnGetAndStopsFurtherEmailsOnPost() throws Exception {
        String domain = newTenant();
        String email = unique("cat") + "@example.com";
        abandonAndSendFirstEmail(domain, "s-unsub", email, clock.instant());
        Matcher unsubscribe = UNSUBSCRIBE.matcher(part(mailsTo(email).get(0), "text/plain"));
        assertTrue(unsubscribe.find());
        String token = unsubscribe.group(1);

        given().queryParam("token", token).get("/api/carts/unsubscribe").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("Mug &amp; Tea Shop"))
                .body(containsString("method=\"post\""));
        assertEquals(0, count("SELECT count(*) FROM cart.unsubscribes WHERE domain = $1", domain), "GET changes nothing");
        given().queryParam("token", token + "0").post("/api/carts/unsubscribe").then().statusCode(400);
        given().queryParam("token", "garbage").get("/api/carts/unsubscribe").then().statusCode(400);
        given().queryParam("token", token).post("/api/carts/unsubscribe").then().statusCode(200)
                .body(containsString("unsubscribed"));
        // What a mail client's one-click unsubscribe sends (RFC 8058): a form POST to the List-Unsubscribe URL.
        given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .queryParam("token", token).post("/api/carts/unsubscribe").then().statusCode(200);
        assertEquals(1, count("SELECT count(*) FROM cart.unsubscribes WHERE domain = $1 AND email = $2", domain, email));

        clock.advance(Duration.ofHours(23));
        sendDue();
        assertEquals(1, mailsTo(email).size());
        long cartId = one("SELECT id FROM cart.carts WHERE domain = $1", domain).getLong("id");
        var step2 = one("SELECT status, skip_reason FROM cart.recovery_emails WHERE cart_id = $1 AND step = 2", cartId);
        assertEquals("skipped", step2.getString("status"));
        assertEquals("unsubscribed", step2.getString("skip_reason"));

        // A later cart of the same shopper: the re-check before sending skips it too.
        abandonAndSendFirstEmail(domain, "s-unsub-2", email, clock.instant());
        assertEquals(1, mailsTo(email).size());
        assertEquals("unsubscribed",
                one("SELECT r.skip_reason FROM cart.recovery_emails r JOIN cart.carts c ON c.id = r.cart_id"
                        + " WHERE c.session_id = 's-unsub-2' AND c.domain = $1", domain).getString("skip_reason"));
    }

    @Test
    void outOfStockSkipsTheStepAndTheNextOneGoesOutWhenItIsBack() throws Exception {
        String domain = newTenant();
        String email = unique("dan") + "@example.com";
        registeredCart(domain, "s-stock", email, clock.instant());
        gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/internal/stock/check"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.domain", com.github.tomakehurst.wiremock.client.WireMock.equalTo(domain)))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                        {"items": [{"productId": 11, "variationId": 0, "name": "Blue Mug", "stockStatus": "outofstock",
                                    "stockQuantity": 0, "purchasable": true},
                                   {"productId": 12, "variationId": 31, "name": "Tea", "stockStatus": "instock",
                                    "stockQuantity": 5, "purchasable": true}]}""")));
        clock.advance(Duration.ofMinutes(6));
        scan();
        clock.advance(Duration.ofHours(1));
        sendDue();
        assertEquals(0, mailsTo(email).size());
        long cartId = one("SELECT id FROM cart.carts WHERE domain = $1", domain).getLong("id");
        var step1 = one("SELECT status, skip_reason FROM cart.recovery_emails WHERE cart_id = $1 AND step = 1", cartId);
        assertEquals("skipped", step1.getString("status"));
        assertEquals("out_of_stock", step1.getString("skip_reason"));
        gateway.verify(postRequestedFor(urlPathEqualTo("/internal/stock/check")).withRequestBody(equalToJson(
                "{\"domain\":\"" + domain
                        + "\",\"items\":[{\"productId\":11,\"variationId\":0},{\"productId\":12,\"variationId\":31}]}")));

        gateway.resetAll();
        stubTenant(domain);
        stubStockAvailable();
        stubCoupons();
        clock.advance(Duration.ofHours(23));
        sendDue();
        List<MimeMessage> mails = mailsTo(email);
        assertEquals(1, mails.size());
        assertEquals("cart-" + cartId + "-step-2", mails.get(0).getHeader("X-CSC-Recovery")[0]);

        given().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("domain", domain).get("/api/carts/stats")
                .then().statusCode(200).body("steps.find { it.step == 1 }.skipped.out_of_stock", equalTo(1));
    }

    @Test
    void guestsNeedConsentAndWithdrawnConsentOrAnOrderBeforeTheSendSkipsIt() throws Exception {
        String domain = newTenant();
        Instant t0 = clock.instant();
        String withConsent = unique("g1") + "@example.com";
        String without = unique("g2") + "@example.com";
        String withdrawn = unique("g3") + "@example.com";
        sendEvent(domain, cartUpdated("s-g1", null, withConsent, t0)).then().statusCode(200);
        sendEvent(domain, event("consent", "s-g1", t0, "consent", true)).then().statusCode(200);
        sendEvent(domain, cartUpdated("s-g2", null, without, t0)).then().statusCode(200);
        sendEvent(domain, cartUpdated("s-g3", null, withdrawn, t0)).then().statusCode(200);
        sendEvent(domain, event("consent", "s-g3", t0, "consent", true)).then().statusCode(200);
        sendEvent(domain, cartUpdated("s-empty", "42", unique("e") + "@example.com", t0)).then().statusCode(200);
        var empty = cartUpdated("s-empty", "42", null, t0.plusSeconds(1));
        empty.put("cartItems", List.of());
        empty.put("cartTotal", "0");
        sendEvent(domain, empty).then().statusCode(200);
        sendEvent(domain, cartUpdated("s-noemail", "43", null, t0)).then().statusCode(200);

        clock.advance(Duration.ofMinutes(4));
        assertEquals(0, scan(), "not idle long enough");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(2, scan());
        assertEquals(List.of("s-g1", "s-g3"), sql("SELECT session_id FROM cart.carts WHERE domain = $1 AND state = 'abandoned'"
                + " ORDER BY session_id", domain).stream().map(r -> r.getString(0)).toList());
        given().header("X-Internal-Token", INTERNAL_TOKEN).queryParam("domain", domain).get("/internal/carts/s-g2")
                .then().body("abandoned", equalTo(false)).body("idleSeconds", equalTo(360));

        sendEvent(domain, event("consent", "s-g3", clock.instant(), "consent", false)).then().statusCode(200);
        clock.advance(Duration.ofHours(1));
        sendDue();
        assertEquals(1, mailsTo(withConsent).size());
        assertEquals(0, mailsTo(without).size());
        assertEquals(0, mailsTo(withdrawn).size());
        assertEquals("active", one("SELECT state FROM cart.carts WHERE session_id = 's-g3' AND domain = $1", domain)
                .getString("state"), "a consent event is activity");
    }

    @Test
    void activityBringsAnAbandonedCartBackAndANewAbandonmentContinuesTheSequence() throws Exception {
        String domain = newTenant();
        String email = unique("eve") + "@example.com";
        abandonAndSendFirstEmail(domain, "s-back", email, clock.instant());
        assertEquals(1, mailsTo(email).size());

        sendEvent(domain, cartUpdated("s-back", "42", email, clock.instant())).then().statusCode(200)
                .body("state", equalTo("active"));
        clock.advance(Duration.ofHours(30));
        sendDue();
        long cartId = one("SELECT id FROM cart.carts WHERE domain = $1", domain).getLong("id");
        assertEquals("cancelled", one("SELECT status FROM cart.recovery_emails WHERE cart_id = $1 AND step = 2", cartId)
                .getString("status"));
        assertEquals(1, mailsTo(email).size());

        // Idle again: abandoned again, and the sequence goes on with step 2 (never step 1 twice).
        scan();
        clock.advance(Duration.ofHours(24));
        sendDue();
        List<MimeMessage> mails = mailsTo(email);
        assertEquals(2, mails.size());
        assertEquals("cart-" + cartId + "-step-2", mails.get(1).getHeader("X-CSC-Recovery")[0]);
    }

    @Test
    void aCrashedClaimIsRetriedAfterItsLeaseAndAStaleOwnerCannotFinishIt() throws Exception {
        String domain = newTenant();
        String email = unique("fay") + "@example.com";
        registeredCart(domain, "s-crash", email, clock.instant());
        clock.advance(Duration.ofMinutes(6));
        scan();
        clock.advance(Duration.ofHours(1));

        RecoveryRepository repository = new RecoveryRepository(pool, JSON);
        Instant now = clock.instant();
        List<Claim> crashed = repository.claim(now, now.plus(Duration.ofMinutes(5)), 10).await().indefinitely();
        assertEquals(1, crashed.size());
        // The "crashed" replica never sends. While its lease runs, nobody else may.
        assertEquals(0, sendDue().claimed());
        assertEquals(0, mailsTo(email).size());

        clock.advance(Duration.ofMinutes(6));
        assertEquals(1, sendDue().sent());
        assertEquals(1, mailsTo(email).size());
        assertEquals(2, one("SELECT attempts FROM cart.recovery_emails WHERE step = 1 AND cart_id = $1",
                crashed.get(0).cartId()).getInteger("attempts"));
        assertFalse(repository.finish(crashed.get(0), "sent", null, clock.instant(), null).await().indefinitely(),
                "the first owner's claim token no longer counts");
        assertNull(one("SELECT lease_until FROM cart.recovery_emails WHERE step = 1 AND cart_id = $1", crashed.get(0).cartId())
                .getOffsetDateTime("lease_until"));
        clock.advance(Duration.ofMinutes(30));
        sendDue();
        assertEquals(1, mailsTo(email).size());
    }

    /** A registered shopper's cart goes idle, is marked abandoned, and the first recovery email goes out. */
    private void abandonAndSendFirstEmail(String domain, String session, String email, Instant lastActivity)
            throws Exception {
        registeredCart(domain, session, email, lastActivity);
        clock.advance(Duration.ofMinutes(6));
        scan();
        clock.advance(Duration.ofHours(1));
        sendDue();
    }
}
