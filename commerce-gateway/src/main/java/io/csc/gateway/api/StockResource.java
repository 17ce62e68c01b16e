package io.csc.gateway.api;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import io.csc.gateway.catalog.CatalogService;
import io.csc.gateway.config.GatewayConfig;
import io.csc.gateway.tenant.TenantService;
import io.csc.model.commerce.StockSearchRequest;
import io.csc.model.commerce.StockSearchResponse;
import io.csc.web.ApiException;
import io.csc.web.RateLimiter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code POST /api/woocommerce/stock}: availability for anyone, no verification, rate-limited per client
 * ({@link PublicRateLimit}) and optionally per store.
 */
@Path("/api/woocommerce/stock")
public class StockResource {
    private final TenantService tenants;
    private final CatalogService catalog;
    private final RateLimiter rateLimiter;
    private final GatewayConfig config;

    public StockResource(TenantService tenants, CatalogService catalog, RateLimiter rateLimiter, GatewayConfig config) {
        this.tenants = tenants;
        this.catalog = catalog;
        this.rateLimiter = rateLimiter;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<StockSearchResponse> stock(@Valid @NotNull StockSearchRequest request, @Context HttpServerRequest http) {
        if (!request.hasQuery()) {
            throw ApiException.badRequest("Provide productName, sku or productId");
        }
        String domain = TenantService.normalizeDomain(request.domain());
        // The per-client limit was counted before the request was even read (PublicRateLimit).
        return tenantCap(domain)
                .chain(() -> tenants.withStore(domain))
                .invoke(tenant -> PublicCors.check(http, tenant, tenants))
                .chain(tenant -> catalog.stock(tenant, request))
                .map(StockSearchResponse::found);
    }

    private Uni<Void> tenantCap(String domain) {
        int cap = config.rateLimit().stockPerTenant();
        if (cap <= 0) {
            return Uni.createFrom().voidItem();
        }
        return rateLimiter.hit("gw:stock-tenant", domain, cap, Duration.ofHours(1)).invoke(rl -> {
            if (!rl.allowed()) {
                throw new ApiException(429, "rate_limited", "This store's hourly stock lookup limit is reached");
            }
        }).replaceWithVoid();
    }
}
