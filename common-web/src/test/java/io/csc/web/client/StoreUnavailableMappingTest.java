package io.csc.web.client;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.csc.model.ErrorResponse;
import io.csc.web.ApiExceptionMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One store's trouble that escapes a route is that store's error in words, never a 500. */
class StoreUnavailableMappingTest {

    private static ErrorResponse body(Response r) {
        return (ErrorResponse) r.getEntity();
    }

    @Test
    void aStoreWhoseKeysCannotBeReadIsA503InWords() {
        Response r = new ApiExceptionMapper().storeUnavailable(
                (StoreUnavailable) ServiceErrors.toException("commerce-gateway", 503, "store_keys_unreadable"));
        assertEquals(503, r.getStatus());
        assertEquals("store_keys_unreadable", body(r).code());
        assertTrue(body(r).error().contains("enter them again"), body(r).error());
    }

    @Test
    void otherStoreTroubleKeepsItsCode() {
        ApiExceptionMapper mapper = new ApiExceptionMapper();
        assertEquals(503, mapper.storeUnavailable(new StoreUnavailable("commerce-gateway", 503, "store_unavailable"))
                .getStatus());
        Response auth = mapper.storeUnavailable(new StoreUnavailable("commerce-gateway", 502, "store_auth_failed"));
        assertEquals(502, auth.getStatus());
        assertEquals("store_auth_failed", body(auth).code());
        assertEquals("woocommerce_not_configured", body(mapper.storeUnavailable(
                new StoreUnavailable("commerce-gateway", 503, "woocommerce_not_configured"))).code());
    }
}
