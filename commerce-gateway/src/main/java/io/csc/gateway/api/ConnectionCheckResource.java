package io.csc.gateway.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.csc.gateway.tenant.TenantService;
import io.csc.gateway.woo.StoreHealthService;
import io.csc.web.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * The public connection check, {@code GET /api/test-woocommerce?domain=} (public, rate-limited by {@link PublicRateLimit}): only "ok" (200) or "not
 * available" (503, the same body whether the domain is unknown, disabled, unreachable or refusing our keys), so it
 * tells no one which stores exist or how they are set up; the answer is reused for a while per store. Operators get
 * the details from {@link AdminConnectionResource}.
 */
@Path("/api/test-woocommerce")
public class ConnectionCheckResource {
    private final StoreHealthService health;

    public ConnectionCheckResource(StoreHealthService health) {
        this.health = health;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> check(@QueryParam("domain") String domain) {
        return health.healthy(TenantService.normalizeDomain(domain)).map(ok -> {
            if (!ok) {
                throw ApiException.unavailable("not_available", "WooCommerce not available for this store");
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("success", true);
            answer.put("status", "ok");
            return answer;
        });
    }
}
