package io.csc.web;

import java.util.List;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TenantCorsTest {
    private static final List<String> ALLOWED = List.of("https://shop.example", "http://localhost:8090");

    @Test
    void preflightCarriesCorsHeadersOnlyForAnAllowedOrigin() {
        Response ok = TenantCors.preflight("https://SHOP.example", ALLOWED, "POST, OPTIONS", "Content-Type");
        assertEquals(204, ok.getStatus());
        assertEquals("https://SHOP.example", ok.getHeaderString("Access-Control-Allow-Origin"));
        assertEquals("POST, OPTIONS", ok.getHeaderString("Access-Control-Allow-Methods"));

        for (String other : new String[]{"https://evil.example", "https://shop.example:8443", "null", null}) {
            Response refused = TenantCors.preflight(other, ALLOWED, "POST, OPTIONS", "Content-Type");
            assertNull(refused.getHeaderString("Access-Control-Allow-Origin"), other);
            assertNull(refused.getHeaderString("Access-Control-Allow-Methods"), other);
            assertEquals("Origin", refused.getHeaderString("Vary"));
        }
    }

    @Test
    void realRequestsFromOtherOriginsAre403AndNonBrowsersPass() {
        assertDoesNotThrow(() -> TenantCors.check("http://localhost:8090", ALLOWED));
        assertDoesNotThrow(() -> TenantCors.check(null, ALLOWED));
        ApiException e = assertThrows(ApiException.class, () -> TenantCors.check("https://evil.example", ALLOWED));
        assertEquals(403, e.status());
        assertEquals("origin_not_allowed", e.code());
        assertThrows(ApiException.class, () -> TenantCors.check("https://shop.example", List.of()));
    }

    @Test
    void exposesHeadersToAllowedOriginsOnly() {
        MultivaluedMap<String, Object> allowed = new MultivaluedHashMap<>();
        TenantCors.expose(allowed, "https://shop.example", ALLOWED);
        assertEquals("https://shop.example", allowed.getFirst("Access-Control-Allow-Origin"));
        assertEquals(TenantCors.EXPOSED_HEADERS, allowed.getFirst("Access-Control-Expose-Headers"));

        MultivaluedMap<String, Object> other = new MultivaluedHashMap<>();
        TenantCors.expose(other, "https://evil.example", ALLOWED);
        assertNull(other.getFirst("Access-Control-Allow-Origin"));
        assertEquals("Origin", other.getFirst("Vary"));
    }
}
