package io.csc.gateway.woo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.gateway.config.GatewayConfig;
import io.csc.gateway.tenant.TenantService;
import io.smallrye.mutiny.Uni;

/**
 * Does a store's WooCommerce connection work? {@link #healthy} is the public yes/no, remembered per store for
 * {@code gateway.cache.health} so that anyone asking cannot make the gateway call a store on every request;
 * {@link #check} is the operator's detailed check, which always calls the store (and refreshes the remembered answer).
 */
@ApplicationScoped
public class StoreHealthService {
    private static final int MAX_REMEMBERED = 10_000;

    private final TenantService tenants;
    private final WooCommerceApi woo;
    private final GatewayConfig config;
    private final Map<String, Health> health = new ConcurrentHashMap<>();

    public StoreHealthService(TenantService tenants, WooCommerceApi woo, GatewayConfig config) {
        this.tenants = tenants;
        this.woo = woo;
        this.config = config;
    }

    /** True when the store is registered, enabled and answers with our keys; any failure is simply false. */
    public Uni<Boolean> healthy(String domain) {
        Health known = health.get(domain);
        long now = System.nanoTime();
        if (known != null && known.until - now > 0) {
            return Uni.createFrom().item(known.ok);
        }
        return tenants.withStore(domain)
                .chain(tenant -> woo.listProducts(tenant, Map.of("per_page", 1)))
                .map(r -> true)
                .onFailure().recoverWithItem(false)
                .invoke(ok -> remember(domain, ok));
    }

    /** Calls the store now: its URL, product count and response time, or the precise failure (as an exception). */
    public Uni<Map<String, Object>> check(String domain) {
        long start = System.nanoTime();
        return tenants.withStore(domain)
                .chain(tenant -> woo.listProducts(tenant, Map.of("per_page", 1)).chain(r -> {
                    long elapsed = (System.nanoTime() - start) / 1_000_000;
                    // the WooCommerce version, when the keys may read the system status (a read-only key may not)
                    return woo.getSystemStatus(tenant).map(StoreHealthService::version).onFailure().recoverWithNull()
                            .map(version -> {
                                Map<String, Object> answer = new LinkedHashMap<>();
                                answer.put("success", true);
                                answer.put("message", "WooCommerce connection working");
                                answer.put("domain", tenant.domain());
                                answer.put("storeUrl", tenant.storeUrl().toString());
                                answer.put("productCount", r.total());
                                answer.put("woocommerceVersion", version);
                                answer.put("responseTimeMs", elapsed);
                                return answer;
                            });
                }))
                .invoke(() -> remember(domain, true));
    }

    private static String version(WooResponse status) {
        if (status.body() == null) {
            return null;
        }
        String v = status.body().path("environment").path("version").asText(null);
        return v == null || v.length() > 32 ? null : v;
    }

    private void remember(String domain, boolean ok) {
        Duration keep = config.cache().health();
        if (keep.isZero()) {
            return;
        }
        if (health.size() > MAX_REMEMBERED) {
            // Unknown domains are remembered too (so they cost no lookup): keep their number bounded.
            health.clear();
        }
        health.put(domain, new Health(ok, System.nanoTime() + keep.toNanos()));
    }

    private record Health(boolean ok, long until) {
    }
}
