package io.csc.gateway.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import io.csc.gateway.config.GatewayConfig;
import io.csc.gateway.tenant.TenantService;
import io.csc.gateway.woo.WooCommerceApi;
import io.csc.web.ApiException;
import io.csc.web.RateLimiter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * {@code GET /api/test-woocommerce?domain=}: is this store configured, reachable, and does it accept our keys? Answers
 * facts a store owner can act on, never the keys.
 */
@Path("/api/test-woocommerce")
public class TestWooCommerceResource {
    private final TenantService tenants;
    private final WooCommerceApi woo;
    private final RateLimiter rateLimiter;
    private final GatewayConfig config;

    public TestWooCommerceResource(TenantService tenants, WooCommerceApi woo, RateLimiter rateLimiter, GatewayConfig config) {
        this.tenants = tenants;
        this.woo = woo;
        this.rateLimiter = rateLimiter;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> test(@QueryParam("domain") String domain, @Context HttpServerRequest http,
            @Context HttpServerResponse response) {
        if (domain == null || domain.isBlank()) {
            throw ApiException.badRequest("domain is required");
        }
        String normalized = TenantService.normalizeDomain(domain);
        long start = System.nanoTime();
        return rateLimiter
                .enforce(response, "gw:test", ClientAddress.of(http), config.rateLimit().testWoocommerce())
                .chain(() -> tenants.withStore(normalized))
                .chain(tenant -> woo.listProducts(tenant, Map.of("per_page", 1)).map(r -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("success", true);
                    answer.put("message", "WooCommerce connection working");
                    answer.put("domain", tenant.domain());
                    answer.put("storeUrl", tenant.storeUrl().toString());
                    answer.put("productCount", r.total());
                    answer.put("responseTimeMs", (System.nanoTime() - start) / 1_000_000);
                    return answer;
                }));
    }
}
