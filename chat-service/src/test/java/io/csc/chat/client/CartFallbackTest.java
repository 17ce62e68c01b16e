package io.csc.chat.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import io.csc.chat.support.Api;
import io.csc.chat.support.ServicesResource;
import io.csc.model.cart.CartContext;
import io.csc.web.client.ServiceFailure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one degraded answer among chat's clients: the greeting opens without the cart when cart-service cannot answer,
 * while the cart tool still learns that cart-service failed (it must not tell the shopper the cart is empty).
 */
@QuarkusTest
@QuarkusTestResource(value = ServicesResource.class, restrictToAnnotatedClass = false)
class CartFallbackTest {
    private static final String VIP_GREETING = "Welcome back, Ada! As a VIP customer, you have priority support. How can I assist you today?";

    @Inject
    CartClient carts;

    String domain;
    String session;

    @BeforeEach
    void fresh() {
        ServicesResource.reset();
        domain = Api.randomDomain();
        session = Api.session();
    }

    @Test
    void theGreetingOpensWithoutTheCartWhenCartServiceFails() {
        cartAnswers(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"code\":\"internal_error\",\"error\":\"boom\"}"));
        start().then().statusCode(200).body("message", equalTo(VIP_GREETING)).body("abandonedCart", equalTo(false));
        ServicesResource.cart.verify(getRequestedFor(urlPathEqualTo("/internal/carts/" + session)));
    }

    @Test
    void theGreetingOpensWithoutTheCartWhenCartServiceDropsTheConnection() {
        cartAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        start().then().statusCode(200).body("message", equalTo(VIP_GREETING)).body("abandonedCart", equalTo(false));
    }

    @Test
    void theGreetingDoesNotWaitForASlowCartService() {
        // the test profile's CartClient timeout is 3 s
        cartAnswers(aResponse().withFixedDelay(6_000).withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{}"));
        long started = System.nanoTime();
        start().then().statusCode(200).body("message", equalTo(VIP_GREETING)).body("abandonedCart", equalTo(false));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMs < 5_500, "the greeting waited " + tookMs + " ms for cart-service");
    }

    @Test
    void theCartLookupItselfStillFailsSoTheCartToolCanSaySo() {
        cartAnswers(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"code\":\"internal_error\",\"error\":\"boom\"}"));
        assertThrows(ServiceFailure.class, () -> carts.cart(domain, session).await().atMost(Duration.ofSeconds(10)));
        // the configured retry: one more attempt (application.properties), not the annotation's default of three
        ServicesResource.cart.verify(2, getRequestedFor(urlPathEqualTo("/internal/carts/" + session)));
        Optional<CartContext> greeting = carts.cartForGreeting(domain, session).await().atMost(Duration.ofSeconds(10));
        assertEquals(Optional.empty(), greeting);
        // the greeting's lookup is tried once
        ServicesResource.cart.verify(3, getRequestedFor(urlPathEqualTo("/internal/carts/" + session)));
    }

    private void cartAnswers(ResponseDefinitionBuilder answer) {
        ServicesResource.cart.stubFor(get(urlPathEqualTo("/internal/carts/" + session)).atPriority(1).willReturn(answer));
    }

    private Response start() {
        Map<String, Object> body = new HashMap<>();
        body.put("session_id", session);
        body.put("domain", domain);
        body.put("context", Map.of("userData", Map.of("customerGroup", "vip", "displayName", "Ada", "isLoggedIn", true)));
        return Api.client(Api.randomIp()).body(body).post("/api/chat/start");
    }
}
