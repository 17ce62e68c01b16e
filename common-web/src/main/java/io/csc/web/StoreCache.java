package io.csc.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/**
 * Something of one store read from another service and kept briefly (tenant settings, price format, shop pages):
 * <ul>
 * <li>an entry lives {@code ttl};</li>
 * <li>concurrent misses for one store share one lookup (a burst of requests makes one call);</li>
 * <li>a failed lookup (unknown store, service down) is not kept: the next request asks again;</li>
 * <li>at most {@code maxEntries} stores are kept; past that the entry closest to expiry goes, so made-up domains cannot
 * grow memory.</li>
 * </ul>
 * The domain is normalized with {@link TenantDomain} first: an invalid one is a 400 and never a lookup.
 *
 * @param <V> what is kept per store
 */
public class StoreCache<V> {
    /** Stores kept at most unless a service says otherwise. */
    public static final int DEFAULT_MAX_ENTRIES = 1000;

    private final Function<String, Uni<V>> loader;
    private final Clock clock;
    private final long ttlMillis;
    private final int maxEntries;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();

    /** @param loader the call for one (normalized) domain; its failures are passed on unchanged */
    public StoreCache(Function<String, Uni<V>> loader, Clock clock, Duration ttl, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.loader = loader;
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
    }

    public StoreCache(Function<String, Uni<V>> loader, Clock clock, Duration ttl) {
        this(loader, clock, ttl, DEFAULT_MAX_ENTRIES);
    }

    public Uni<V> get(String domain) {
        String key;
        try {
            key = TenantDomain.normalize(domain);
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        long now = clock.millis();
        Entry<V> cached = entries.get(key);
        if (cached != null && cached.expiresAt > now) {
            return cached.value;
        }
        if (cached == null && entries.size() >= maxEntries) {
            evict(now);
        }
        Entry<V> entry = entries.compute(key, (d, old) -> old != null && old.expiresAt > now
                ? old
                : new Entry<>(Uni.createFrom().deferred(() -> loader.apply(d)).memoize().indefinitely(), now + ttlMillis));
        return entry.value.onFailure().invoke(() -> entries.remove(key, entry));
    }

    /** Forgets one store (e.g. after its settings were changed through this service). */
    public void invalidate(String domain) {
        if (TenantDomain.isValid(domain)) {
            entries.remove(TenantDomain.normalize(domain));
        }
    }

    int size() {
        return entries.size();
    }

    private void evict(long now) {
        entries.values().removeIf(e -> e.expiresAt <= now);
        while (entries.size() >= maxEntries) {
            entries.entrySet().stream().min((a, b) -> Long.compare(a.getValue().expiresAt, b.getValue().expiresAt))
                    .ifPresent(oldest -> entries.remove(oldest.getKey(), oldest.getValue()));
        }
    }

    private record Entry<V>(Uni<V> value, long expiresAt) {
    }
}
