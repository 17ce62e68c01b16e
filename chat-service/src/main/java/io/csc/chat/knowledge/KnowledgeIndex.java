package io.csc.chat.knowledge;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Each store's passages and vectors in memory, for ranking by meaning without pgvector (Debian's PostgreSQL has none):
 * 2,000 passages of 384 floats are 3 MB and one question is ranked in well under a millisecond. Least recently used
 * stores leave first; an entry also expires, so a re-index on another replica shows here within {@link #TTL_NANOS}.
 */
@ApplicationScoped
public class KnowledgeIndex {
    private static final long TTL_NANOS = 5L * 60 * 1_000_000_000L;

    private final KnowledgeRepository repository;
    private final int maxTenants;
    private final Map<String, TenantIndex> cache;

    /** One store's passages; {@code positions} maps a passage id to its place in {@code passages}. */
    public record TenantIndex(List<StoredPassage> passages, Map<Long, Integer> positions, Spelling spelling,
            long loadedAt) {
        static TenantIndex of(List<StoredPassage> passages) {
            Map<Long, Integer> positions = new HashMap<>();
            for (int i = 0; i < passages.size(); i++) {
                positions.put(passages.get(i).id(), i);
            }
            return new TenantIndex(List.copyOf(passages), positions, new Spelling(passages), System.nanoTime());
        }
    }

    public KnowledgeIndex(KnowledgeRepository repository, KnowledgeConfig config) {
        this.repository = repository;
        this.maxTenants = config.cacheTenants();
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TenantIndex> eldest) {
                return size() > maxTenants;
            }
        };
    }

    public Uni<TenantIndex> get(String domain) {
        TenantIndex cached;
        synchronized (cache) {
            cached = cache.get(domain);
        }
        if (cached != null && System.nanoTime() - cached.loadedAt() < TTL_NANOS) {
            return Uni.createFrom().item(cached);
        }
        return repository.passages(domain).map(TenantIndex::of).invoke(index -> {
            synchronized (cache) {
                cache.put(domain, index);
            }
        });
    }

    public void invalidate(String domain) {
        synchronized (cache) {
            cache.remove(domain);
        }
    }
}
