package io.csc.gateway.api;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.csc.gateway.tenant.TenantService;
import io.csc.gateway.woo.StoreHealthService;
import io.csc.web.AdminOnly;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /api/admin/test-woocommerce?domain=} (admin token): is this store configured, reachable, and does it
 * accept our keys? Calls the store every time and answers what an operator can act on (store URL, product count,
 * response time, or the precise error: 404 unknown store, 503 not configured or unreachable, 502 keys refused), never
 * the keys.
 */
@Path("/api/admin/test-woocommerce")
@AdminOnly
public class AdminConnectionResource {
    private final StoreHealthService health;

    public AdminConnectionResource(StoreHealthService health) {
        this.health = health;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> check(@QueryParam("domain") String domain) {
        return health.check(TenantService.normalizeDomain(domain));
    }
}
