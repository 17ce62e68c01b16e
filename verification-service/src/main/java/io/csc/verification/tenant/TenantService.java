package io.csc.verification.tenant;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.model.tenant.TenantSettings;
import io.csc.verification.client.GatewayClient;
import io.csc.verification.config.VerificationConfig;
import io.csc.web.TenantSettingsCache;
import io.smallrye.mutiny.Uni;

/** Tenant settings (store name, support address for the code mail) from the gateway, through common-web's cache. */
@ApplicationScoped
public class TenantService {
    private final TenantSettingsCache cache;

    TenantService(GatewayClient gateway, Clock clock, VerificationConfig config) {
        this.cache = new TenantSettingsCache(gateway::tenant, clock, config.tenantCache());
    }

    /** Fails with 400 {@code invalid_domain}, 404 {@code tenant_not_found}, or the gateway's failure. */
    public Uni<TenantSettings> settings(String domain) {
        return cache.get(domain);
    }
}
