package io.csc.web.client;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceErrorsTest {

    @Test
    void fourHundredsAreRefusalsThatKeepTheServiceStatusAndCode() {
        ServiceRefusal refusal = assertInstanceOf(ServiceRefusal.class,
                ServiceErrors.toException("cart-service", 404, "cart_not_found"));
        assertEquals("cart-service", refusal.service());
        assertEquals(404, refusal.status());
        assertEquals("cart_not_found", refusal.code());
        assertTrue(refusal.is(404, "cart_not_found"));
        assertTrue(refusal.is(404, null));
        assertFalse(refusal.is(404, "order_not_found"));
        assertFalse(refusal.is(403, null));
        assertInstanceOf(ServiceRefusal.class, ServiceErrors.toException("commerce-gateway", 429, "rate_limited"));
    }

    @Test
    void aRefusalKeepsTheRetryAfterItsAnswerGave() {
        try (jakarta.ws.rs.core.Response tooSoon = jakarta.ws.rs.core.Response.status(429).header("Retry-After", "42")
                .build()) {
            ServiceRefusal refusal = assertInstanceOf(ServiceRefusal.class,
                    ServiceErrors.toException("verification-service", tooSoon));
            assertEquals(42, refusal.retryAfterSeconds());
        }
        try (jakarta.ws.rs.core.Response noHeader = jakarta.ws.rs.core.Response.status(429).build();
                jakarta.ws.rs.core.Response aDate = jakarta.ws.rs.core.Response.status(429)
                        .header("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT").build()) {
            assertEquals(0, ((ServiceRefusal) ServiceErrors.toException("verification-service", noHeader))
                    .retryAfterSeconds());
            assertEquals(0, ((ServiceRefusal) ServiceErrors.toException("verification-service", aDate))
                    .retryAfterSeconds());
        }
    }

    @Test
    void aRefusalWithoutACodeHasAnEmptyOne() {
        ServiceRefusal refusal = assertInstanceOf(ServiceRefusal.class,
                ServiceErrors.toException("verification-service", 400, null));
        assertEquals("", refusal.code());
        assertEquals("not_found", new ServiceRefusal("commerce-gateway", 404, null).toApiException().code());
    }

    @Test
    void fiveHundredsNamingAStoreProblemAreOneStoresTrouble() {
        for (String code : new String[]{"store_unavailable", "store_auth_failed", "woocommerce_not_configured",
                "store_keys_unreadable"}) {
            StoreUnavailable store = assertInstanceOf(StoreUnavailable.class,
                    ServiceErrors.toException("commerce-gateway", 503, code));
            assertEquals(code, store.code());
        }
    }

    @Test
    void otherFiveHundredsAreTheServiceFailing() {
        ServiceFailure failure = assertInstanceOf(ServiceFailure.class,
                ServiceErrors.toException("cart-service", 500, "internal_error"));
        assertEquals("cart-service", failure.service());
        assertEquals(500, failure.status());
        assertEquals("internal_error", failure.code());
        ServiceFailure unreadable = assertInstanceOf(ServiceFailure.class,
                ServiceErrors.toException("commerce-gateway", 502, null));
        assertEquals("", unreadable.code());
        assertTrue(unreadable.getMessage().contains("commerce-gateway"), unreadable.getMessage());
    }
}
