package io.csc.web;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

import io.csc.model.tenant.TenantSettings;
import io.smallrye.mutiny.Uni;

/**
 * Tenant settings (plugin secret, allowed origins, store name, support address) read from the gateway's
 * {@code GET /internal/tenants/{domain}} and kept briefly, as every service that is not the registry does; a changed
 * plugin secret takes effect within the {@code ttl}. See {@link StoreCache} for how entries are kept.
 */
public final class TenantSettingsCache extends StoreCache<TenantSettings> {
    /** Stores kept at most unless a service says otherwise (a few hundred bytes each). */
    public static final int DEFAULT_MAX_ENTRIES = 1000;

    public TenantSettingsCache(Function<String, Uni<TenantSettings>> loader, Clock clock, Duration ttl, int maxEntries) {
        super(loader, clock, ttl, maxEntries);
    }

    public TenantSettingsCache(Function<String, Uni<TenantSettings>> loader, Clock clock, Duration ttl) {
        this(loader, clock, ttl, DEFAULT_MAX_ENTRIES);
    }
}
