package io.csc.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.csc.model.tenant.TenantSettings;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantSettingsCacheTest {
    private final AtomicInteger calls = new AtomicInteger();
    private Instant now = Instant.parse("2026-11-25T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private static TenantSettings settings(String domain) {
        return new TenantSettings(domain, "Store", "https://" + domain, true, List.of(), "secret", null, false);
    }

    private TenantSettingsCache cache(int max) {
        return new TenantSettingsCache(d -> {
            calls.incrementAndGet();
            return Uni.createFrom().item(settings(d));
        }, clock, Duration.ofSeconds(60), max);
    }

    @Test
    void keepsSettingsForTheTtlUnderTheNormalizedDomain() {
        TenantSettingsCache cache = cache(10);
        assertEquals("shop.test", cache.get(" Shop.Test ").await().indefinitely().domain());
        cache.get("shop.test").await().indefinitely();
        assertEquals(1, calls.get());
        now = now.plusSeconds(61);
        cache.get("shop.test").await().indefinitely();
        assertEquals(2, calls.get());
    }

    @Test
    void concurrentMissesShareOneLookup() {
        UnicastProcessor<TenantSettings> pending = UnicastProcessor.create();
        TenantSettingsCache cache = new TenantSettingsCache(d -> {
            calls.incrementAndGet();
            return Uni.createFrom().publisher(pending);
        }, clock, Duration.ofSeconds(60), 10);
        var first = cache.get("shop.test").subscribeAsCompletionStage();
        var second = cache.get("shop.test").subscribeAsCompletionStage();
        pending.onNext(settings("shop.test"));
        pending.onComplete();
        assertSame(first.join(), second.join());
        assertEquals(1, calls.get());
    }

    @Test
    void failuresAreNotKept() {
        TenantSettingsCache cache = new TenantSettingsCache(d -> calls.incrementAndGet() == 1
                ? Uni.createFrom().failure(ApiException.notFound("tenant_not_found", "Unknown store"))
                : Uni.createFrom().item(settings(d)), clock, Duration.ofSeconds(60), 10);
        ApiException e = assertThrows(ApiException.class, () -> cache.get("shop.test").await().indefinitely());
        assertEquals(404, e.status());
        assertEquals("shop.test", cache.get("shop.test").await().indefinitely().domain());
        assertEquals(2, calls.get());
    }

    @Test
    void invalidDomainsAre400sAndNeverALookup() {
        TenantSettingsCache cache = cache(10);
        for (String bad : new String[]{null, "", "shop.test\u0000", "exämple.com", "a/b"}) {
            ApiException e = assertThrows(ApiException.class, () -> cache.get(bad).await().indefinitely());
            assertEquals("invalid_domain", e.code());
        }
        assertEquals(0, calls.get());
    }

    @Test
    void staysWithinItsBound() {
        TenantSettingsCache cache = cache(3);
        for (int i = 0; i < 50; i++) {
            cache.get("shop" + i + ".test").await().indefinitely();
            now = now.plusMillis(1);
        }
        assertTrue(cache.size() <= 3, "size " + cache.size());
        // The most recent store is still cached.
        int before = calls.get();
        cache.get("shop49.test").await().indefinitely();
        assertEquals(before, calls.get());
    }
}
