package io.csc.cart.abandonment;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.csc.cart.support.CartTestSupport;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class AbandonedCartsReportTest extends CartTestSupport {

    @Test
    void reportFollowsTheSpecShapeAndFilters() {
        String domain = newTenant();
        String other = newTenant();
        // Abandoned 3 h ago: a registered 34.99 cart and a guest (with consent) 34.99 cart.
        registeredCart(domain, "r-old", "old@example.com", clock.instant());
        sendEvent(domain, cartUpdated("g-old", null, "guest@example.com", clock.instant())).then().statusCode(200);
        sendEvent(domain, event("consent", "g-old", clock.instant(), "consent", true)).then().statusCode(200);
        registeredCart(other, "x-old", "x@example.com", clock.instant());
        clock.advance(Duration.ofHours(3));
        // Abandoned just now: a registered cart worth 5.00.
        Map<String, Object> small = cartUpdated("r-new", "43", "new@example.com", clock.instant());
        small.put("cartItems", List.of(Map.of("productId", 13, "name", "Spoon", "quantity", 1, "price", "5.00")));
        small.put("cartTotal", "5.00");
        sendEvent(domain, small).then().statusCode(200);
        clock.advance(Duration.ofMinutes(6));
        scan();
        clock.advance(Duration.ofMinutes(60));
        sendDue();

        // Defaults: abandoned at least 1 h ago, no guests, limit 100.
        given().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("domain", domain)
                .get("/api/woocommerce/abandoned-carts").then().statusCode(200)
                .body("success", equalTo(true)).body("totalCount", equalTo(2)).body("totalValue", equalTo("39.99"))
                .body("carts.sessionId", contains("r-new", "r-old"))
                .body("carts[1].email", equalTo("old@example.com")).body("carts[1].userId", equalTo("42"))
                .body("carts[1].cartTotal", equalTo("34.99")).body("carts[1].cartItems", hasSize(2))
                .body("carts[1].recoveryEmailsSent", equalTo(1))
                .body("carts[0].recoveryEmailsSent", equalTo(1));

        given().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("domain", domain).queryParam("hours", 2)
                .queryParam("include_guest_carts", true).get("/api/woocommerce/abandoned-carts").then().statusCode(200)
                .body("totalCount", equalTo(2)).body("carts.sessionId", containsInAnyOrder("r-old", "g-old"))
                .body("totalValue", equalTo("69.98"));
        given().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("domain", domain)
                .queryParam("include_guest_carts", true).queryParam("min_cart_value", 10).queryParam("limit", 1)
                .get("/api/woocommerce/abandoned-carts").then().statusCode(200)
                .body("totalCount", equalTo(2)).body("carts", hasSize(1)).body("totalValue", equalTo("69.98"));
        given().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("domain", domain).queryParam("hours", 24)
                .get("/api/woocommerce/abandoned-carts").then().statusCode(200).body("totalCount", equalTo(0))
                .body("carts", hasSize(0)).body("totalValue", equalTo("0.00"));

        given().queryParam("domain", domain).get("/api/woocommerce/abandoned-carts").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").queryParam("domain", domain).get("/api/woocommerce/abandoned-carts")
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + ADMIN_TOKEN).get("/api/woocommerce/abandoned-carts").then()
                .statusCode(400);
        given().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("domain", domain).queryParam("limit", 0)
                .get("/api/woocommerce/abandoned-carts").then().statusCode(400);
    }
}
