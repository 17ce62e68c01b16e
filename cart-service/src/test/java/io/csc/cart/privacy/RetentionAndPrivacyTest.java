package io.csc.cart.privacy;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.csc.cart.retention.RetentionService;
import io.csc.cart.support.CartTestSupport;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class RetentionAndPrivacyTest extends CartTestSupport {
    @Inject
    RetentionService retention;

    @Test
    void cartsAreDeletedAfterTheRetentionPeriodWithTheirHistory() {
        String domain = newTenant();
        registeredCart(domain, "ret-old", "old@example.com", clock.instant());
        clock.advance(Duration.ofMinutes(6));
        scan();
        clock.advance(Duration.ofDays(29));
        registeredCart(domain, "ret-new", "new@example.com", clock.instant());
        assertEquals(0L, retention.purge().await().indefinitely());
        clock.advance(Duration.ofDays(1).plusHours(1));
        assertEquals(1L, retention.purge().await().indefinitely());
        assertEquals(1, count("SELECT count(*) FROM cart.carts WHERE domain = $1", domain));
        assertEquals("ret-new", one("SELECT session_id FROM cart.carts WHERE domain = $1", domain).getString(0));
        assertEquals(0, count("SELECT count(*) FROM cart.recovery_emails"));
    }

    @Test
    void exportAndDeleteCoverCartsEmailsCouponsAndOptOutsOfThatEmailInThatStoreOnly() {
        String domain = newTenant();
        String email = unique("pia") + "@example.com";
        registeredCart(domain, "p-1", email, clock.instant());
        registeredCart(domain, "p-other", "someone-else@example.com", clock.instant());
        clock.advance(Duration.ofMinutes(6));
        scan();
        clock.advance(Duration.ofHours(1));
        sendDue();
        clock.advance(Duration.ofHours(23));
        sendDue();
        sql("INSERT INTO cart.unsubscribes (domain, email, unsubscribed_at) VALUES ($1, $2, now())", domain, email);

        Map<String, String> request = Map.of("domain", domain, "email", email.toUpperCase());
        given().header("X-Internal-Token", INTERNAL_TOKEN).contentType("application/json").body(request)
                .post("/internal/privacy/export").then().statusCode(200)
                .body("service", equalTo("cart-service"))
                .body("data.carts", hasSize(1)).body("data.carts[0].sessionId", equalTo("p-1"))
                .body("data.carts[0].email", equalTo(email)).body("data.carts[0].cartItems", hasSize(2))
                .body("data.recoveryEmails", hasSize(3))
                .body("data.recoveryEmails.find { it.step == 2 }.coupon_code", equalTo("BACK-cart-"
                        + one("SELECT id FROM cart.carts WHERE session_id = 'p-1' AND domain = $1", domain).getLong(0)
                        + "-step-2"))
                .body("data.unsubscribes", hasSize(1));

        given().contentType("application/json").body(request).post("/internal/privacy/delete").then().statusCode(401);
        given().header("X-Internal-Token", INTERNAL_TOKEN).contentType("application/json")
                .body(Map.of("domain", domain, "email", "nope")).post("/internal/privacy/delete").then().statusCode(400);
        given().header("X-Internal-Token", INTERNAL_TOKEN).contentType("application/json").body(request)
                .post("/internal/privacy/delete").then().statusCode(200)
                .body("service", equalTo("cart-service")).body("deleted.carts", equalTo(1))
                .body("deleted.recoveryEmails", equalTo(3)).body("deleted.unsubscribes", equalTo(1));

        assertEquals(0, count("SELECT count(*) FROM cart.carts WHERE email = $1", email));
        assertEquals(1, count("SELECT count(*) FROM cart.carts WHERE domain = $1", domain), "other shoppers keep theirs");
        given().header("X-Internal-Token", INTERNAL_TOKEN).contentType("application/json").body(request)
                .post("/internal/privacy/export").then().statusCode(200).body("data.carts", hasSize(0))
                .body("data.recoveryEmails", hasSize(0)).body("data.unsubscribes", hasSize(0));
    }
}
