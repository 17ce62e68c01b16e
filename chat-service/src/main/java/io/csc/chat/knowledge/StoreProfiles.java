package io.csc.chat.knowledge;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The store's profile ({@code GET /internal/store/profile}: payment methods, shipping zones, address, currency) for
 * answering store questions at turn time. Kept per store for {@code chat.knowledge.profile-ttl} (60 s), so a turn
 * almost never waits for the gateway; concurrent turns of one store share one read. A read that fails or takes longer
 * than {@link #WAIT} answers null (the pages answer instead) and is tried again after {@link #RETRY_AFTER}.
 */
@ApplicationScoped
public class StoreProfiles {
    /** The longest a turn waits for a profile it has not cached. */
    static final Duration WAIT = Duration.ofMillis(1500);
    static final Duration RETRY_AFTER = Duration.ofSeconds(10);
    /** More stores than this and the cache starts afresh (a bound, not an eviction policy: tenants are few). */
    static final int MAX_STORES = 10_000;

    private final KnowledgeGatewayClient gateway;
    private final Duration ttl;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(Uni<StoreProfile> profile, long until) {
    }

    public StoreProfiles(KnowledgeGatewayClient gateway, KnowledgeConfig config) {
        this.gateway = gateway;
        this.ttl = config.profileTtl();
    }

    /** The store's profile, or null when it cannot be read now. */
    public Uni<StoreProfile> of(String domain) {
        long now = System.nanoTime();
        Entry e = cache.get(domain);
        if (e == null || now - e.until() > 0) {
            if (cache.size() >= MAX_STORES) {
                cache.clear();
            }
            Entry fresh = new Entry(read(domain), now + ttl.toNanos());
            e = e == null ? cache.putIfAbsent(domain, fresh) : cache.replace(domain, e, fresh) ? null : cache.get(domain);
            if (e == null) {
                e = fresh;
            }
        }
        return e.profile();
    }

    private Uni<StoreProfile> read(String domain) {
        return gateway.profile(domain).ifNoItem().after(WAIT).fail().onFailure().recoverWithItem(x -> {
            Log.debugf("Store profile of %s not read: %s", domain, x.getClass().getSimpleName());
            // tried again soon rather than after the whole TTL
            cache.computeIfPresent(domain, (d, old) -> new Entry(old.profile(), System.nanoTime() + RETRY_AFTER.toNanos()));
            return null;
        }).memoize().indefinitely();
    }

    /** Forgets a store's profile (after a re-index, so a changed setting is answered at once). */
    public void forget(String domain) {
        cache.remove(domain);
    }
}
