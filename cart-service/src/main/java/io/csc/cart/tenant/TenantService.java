package io.csc.cart.tenant;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.cart.client.GatewayClient;
import io.csc.cart.config.CartConfig;
import io.csc.model.tenant.TenantSettings;
import io.csc.web.ApiException;
import io.csc.web.TenantSettingsCache;
import io.smallrye.mutiny.Uni;

/** Tenant settings (plugin secret, store name and URL, support address) from the gateway, through common-web's cache. */
@ApplicationScoped
public class TenantService {
    private final TenantSettingsCache cache;

    TenantService(GatewayClient gateway, Clock clock, CartConfig config) {
        this.cache = new TenantSettingsCache(domain -> gateway.tenant(domain)
                .onFailure(e -> !(e instanceof ApiException))
                .transform(e -> ApiException.unavailable("gateway_unavailable", "Store settings are unavailable, retry later")),
                clock, config.tenantCache());
    }

    /** Fails with 400 {@code invalid_domain}, 404 {@code tenant_not_found} or 503 {@code gateway_unavailable}. */
    public Uni<TenantSettings> settings(String domain) {
        return cache.get(domain);
    }
}
