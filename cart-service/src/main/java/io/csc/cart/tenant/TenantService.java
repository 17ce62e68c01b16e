package io.csc.cart.tenant;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.cart.client.GatewayClient;
import io.csc.cart.config.CartConfig;
import io.csc.model.tenant.TenantSettings;
import io.csc.web.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * Tenant settings (plugin secret, store name and URL, support address) from the gateway, kept briefly in memory.
 * Concurrent misses for one store share a single gateway call; a failed lookup is not cached.
 */
@ApplicationScoped
public class TenantService {
    private final GatewayClient gateway;
    private final Clock clock;
    private final long ttlMillis;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    TenantService(GatewayClient gateway, Clock clock, CartConfig config) {
        this.gateway = gateway;
        this.clock = clock;
        this.ttlMillis = config.tenantCache().toMillis();
    }

    /** Fails with 404 {@code tenant_not_found} or 503 {@code gateway_unavailable}. */
    public Uni<TenantSettings> settings(String domain) {
        long now = clock.millis();
        Entry entry = cache.compute(domain,
                (d, old) -> old != null && old.expiresAt >= now ? old : new Entry(load(d), now + ttlMillis));
        return entry.settings.onFailure().invoke(() -> cache.remove(domain, entry));
    }

    private Uni<TenantSettings> load(String domain) {
        return gateway.tenant(domain)
                .onFailure(e -> !(e instanceof ApiException))
                .transform(e -> ApiException.unavailable("gateway_unavailable", "Store settings are unavailable, retry later"))
                .memoize().indefinitely();
    }

    private record Entry(Uni<TenantSettings> settings, long expiresAt) {
    }
}
