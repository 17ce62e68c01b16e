package io.csc.chat.knowledge;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Each store's passages and vectors in memory, for ranking by meaning without pgvector (Debian's PostgreSQL has none):
 * 2,000 passages of 384 floats are 3 MB, laid out in one array so that ranking a question against all of them is one
 * pass over memory (well under a millisecond). Only vectors of the current embedding model are loaded. Least recently
 * used stores leave first; an entry also expires, so a re-index on another replica shows here within
 * {@link #TTL_NANOS}.
 */
@ApplicationScoped
public class KnowledgeIndex {
    private static final long TTL_NANOS = 5L * 60 * 1_000_000_000L;

    private final KnowledgeRepository repository;
    private final KnowledgeEmbedder embedder;
    private final int maxTenants;
    private final Map<String, TenantIndex> cache;

    /**
     * One store's passages. {@code positions} maps a passage id to its place in {@code passages}; {@code vectors} holds
     * passage i's unit vector at {@code [i * dimensions, (i + 1) * dimensions)}, {@code hasVector[i]} says whether it
     * has one; {@code stale} counts the passages without a vector of the current model (made by another model, or
     * while embeddings were off): a re-index embeds them again.
     */
    public record TenantIndex(List<StoredPassage> passages, Map<Long, Integer> positions, float[] vectors,
            int dimensions, boolean[] hasVector, int stale, Spelling spelling, long loadedAt) {

        static TenantIndex of(List<StoredPassage> passages, boolean embeddings) {
            Map<Long, Integer> positions = new HashMap<>();
            int dimensions = 0;
            for (int i = 0; i < passages.size(); i++) {
                positions.put(passages.get(i).id(), i);
                float[] v = passages.get(i).vector();
                if (v != null && dimensions == 0) {
                    dimensions = v.length;
                }
            }
            float[] vectors = new float[passages.size() * dimensions];
            boolean[] hasVector = new boolean[passages.size()];
            int stale = 0;
            for (int i = 0; i < passages.size(); i++) {
                float[] v = passages.get(i).vector();
                if (v != null && v.length == dimensions) {
                    System.arraycopy(v, 0, vectors, i * dimensions, dimensions);
                    hasVector[i] = true;
                } else if (embeddings) {
                    stale++;
                }
            }
            return new TenantIndex(List.copyOf(passages), positions, vectors, dimensions, hasVector, stale,
                    new Spelling(passages), System.nanoTime());
        }

        /** The cosine of passage {@code i} and a unit vector of the same model (0 when the passage has none). */
        public double meaning(int i, float[] question) {
            if (!hasVector[i] || question.length != dimensions) {
                return 0;
            }
            int base = i * dimensions;
            float sum = 0;
            for (int k = 0; k < dimensions; k++) {
                sum += question[k] * vectors[base + k];
            }
            return sum;
        }
    }

    public KnowledgeIndex(KnowledgeRepository repository, KnowledgeEmbedder embedder, KnowledgeConfig config) {
        this.repository = repository;
        this.embedder = embedder;
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
        String model = embedder.modelId();
        return repository.passages(domain, model).map(p -> TenantIndex.of(p, model != null)).invoke(index -> {
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
