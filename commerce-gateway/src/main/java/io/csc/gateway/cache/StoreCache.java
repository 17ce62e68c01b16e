package io.csc.gateway.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.csc.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.set.ReactiveSetCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/**
 * Store data cached in Redis, shared by every gateway replica: products (5 min), customers (1 min), stock (2 min),
 * the store's price format (10 min).
 * Keys are {@code gw:<domain>:<kind>:<id>}; product and stock keys of a store are also listed in a per-store index so
 * a product webhook can drop them all at once. Emails never appear in keys (hashed). A Redis failure is a cache miss,
 * never an error for the shopper.
 * <p>
 * In front of Redis each replica keeps the hottest answers for a moment ({@code gateway.cache.near}, 1 s by default):
 * a popular product's stock is then served without a round trip, and a webhook's invalidation reaches the other
 * replicas at most that moment later.
 */
@ApplicationScoped
public class StoreCache {
    public enum Kind {
        PRODUCTS("products"), STOCK("stock"), CUSTOMERS("customers"), SETTINGS("settings");

        final String tag;

        Kind(String tag) {
            this.tag = tag;
        }
    }

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveSetCommands<String, String> sets;
    private final ReactiveKeyCommands<String> keys;
    private final ObjectMapper json;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final MeterRegistry metrics;
    private final Map<String, Near> near = new ConcurrentHashMap<>();
    private final long nearNanos;

    public StoreCache(ReactiveRedisDataSource redis, ObjectMapper json, MeterRegistry metrics, GatewayConfig config) {
        this.values = redis.value(String.class);
        this.sets = redis.set(String.class);
        this.keys = redis.key();
        this.json = json;
        this.metrics = metrics;
        this.nearNanos = config.cache().near().toNanos();
        for (Kind kind : Kind.values()) {
            Gauge.builder("gateway.cache.hit.ratio", this, cache -> cache.hitRatio(kind))
                    .description("Share of lookups answered from the cache since start")
                    .tag("cache", kind.tag)
                    .register(metrics);
        }
    }

    double hitRatio(Kind kind) {
        double hits = counter(kind, "hit").count();
        double total = hits + counter(kind, "miss").count();
        return total == 0 ? 0 : hits / total;
    }

    /** A value held in this replica's memory until {@code expiresAt} (System.nanoTime). */
    private record Near(Object value, long expiresAt) {
    }

    /** The cached value, or {@code loader}'s answer stored for {@code ttl}. Failures of the loader are not cached. */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> get(String domain, Kind kind, String id, Duration ttl, JavaType type, Supplier<Uni<T>> loader) {
        if (ttl.isZero() || ttl.isNegative()) {
            // Caching of this kind is turned off.
            counter(kind, "miss").increment();
            return loader.get();
        }
        String key = key(domain, kind, id);
        Near local = near.get(key);
        if (local != null && local.expiresAt - System.nanoTime() > 0) {
            counter(kind, "hit").increment();
            return Uni.createFrom().item((T) local.value);
        }
        return values.get(key).onFailure().recoverWithNull().chain(cached -> {
            T hit = cached == null ? null : read(cached, type);
            if (hit != null) {
                counter(kind, "hit").increment();
                remember(key, hit);
                return Uni.createFrom().item(hit);
            }
            counter(kind, "miss").increment();
            return loader.get().call(value -> store(domain, kind, key, value, ttl)).invoke(value -> remember(key, value));
        });
    }

    private void remember(String key, Object value) {
        if (nearNanos <= 0 || value == null) {
            return;
        }
        if (near.size() > 10_000) {
            // Bounded without bookkeeping: entries live a second anyway.
            near.clear();
        }
        near.put(key, new Near(value, System.nanoTime() + nearNanos));
    }

    public <T> Uni<T> get(String domain, Kind kind, String id, Duration ttl, Class<T> type, Supplier<Uni<T>> loader) {
        return get(domain, kind, id, ttl, json.constructType(type), loader);
    }

    public <T> Uni<List<T>> getList(String domain, Kind kind, String id, Duration ttl, Class<T> itemType,
            Supplier<Uni<List<T>>> loader) {
        return get(domain, kind, id, ttl, json.getTypeFactory().constructCollectionType(List.class, itemType), loader);
    }

    /** Drops every product and stock entry of a store (a product changed: any search may now answer differently). */
    public Uni<Long> invalidateCatalog(String domain) {
        String index = indexKey(domain);
        String prefix = "gw:" + domain + ":";
        near.keySet().removeIf(k -> k.startsWith(prefix) && !k.startsWith(prefix + Kind.CUSTOMERS.tag));
        return sets.smembers(index)
                .chain(members -> {
                    String[] all = members.toArray(new String[0]);
                    return all.length == 0 ? Uni.createFrom().item(0) : keys.del(all);
                })
                .call(() -> keys.del(index))
                .map(Integer::longValue)
                .invoke(n -> Log.debugf("Dropped %d cached catalog entries of %s", n, domain));
    }

    /** Drops the cached customer of an email (privacy deletion, or a customer webhook). */
    public Uni<Void> invalidateCustomer(String domain, String email) {
        String key = key(domain, Kind.CUSTOMERS, emailId(email));
        near.remove(key);
        return keys.del(key).replaceWithVoid();
    }

    /** Emails are hashed before they become part of a key. */
    public static String emailId(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Normalises free text (a search) into a short stable key part. */
    public static String queryId(String query) {
        return emailId(query == null ? "" : query.replaceAll("\\s+", " "));
    }

    private <T> Uni<Void> store(String domain, Kind kind, String key, T value, Duration ttl) {
        if (value == null) {
            return Uni.createFrom().voidItem();
        }
        String text;
        try {
            text = json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> set = values.set(key, text, new SetArgs().px(ttl));
        if (kind != Kind.CUSTOMERS) {
            String index = indexKey(domain);
            set = set.chain(() -> sets.sadd(index, key)).chain(() -> keys.pexpire(index, ttl.multipliedBy(2)))
                    .replaceWithVoid();
        }
        return set.onFailure().recoverWithNull().replaceWithVoid();
    }

    private <T> T read(String text, JavaType type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private Counter counter(Kind kind, String result) {
        return counters.computeIfAbsent(kind.tag + ":" + result, k -> Counter.builder("gateway.cache.requests")
                .description("Store-data cache lookups by result; hit ratio = hit / (hit + miss)")
                .tag("cache", kind.tag)
                .tag("result", result)
                .register(metrics));
    }

    static String key(String domain, Kind kind, String id) {
        return "gw:" + domain + ":" + kind.tag + ":" + id;
    }

    static String indexKey(String domain) {
        return "gw:" + domain + ":catalog-index";
    }
}
