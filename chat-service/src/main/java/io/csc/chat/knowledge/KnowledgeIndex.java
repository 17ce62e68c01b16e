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
 * {@link #TTL_NANOS}. Each index also keeps the full-text results of the questions asked while it lives (shoppers ask
 * the same few questions): a repeated question costs no query.
 */
@ApplicationScoped
public class KnowledgeIndex {
    private static final long TTL_NANOS = 5L * 60 * 1_000_000_000L;
    /**
     * In a store of at least {@link #COMMON_MIN_PASSAGES} passages, a word more than this share of them contains picks
     * no full-text candidates (it still counts in their rank).
     */
    static final double COMMON_SHARE = 0.2;
    static final int COMMON_MIN_PASSAGES = 200;

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
    public record TenantIndex(String language, List<String> commonLexemes, List<StoredPassage> passages,
            Map<Long, Integer> positions,
            float[] vectors, int dimensions, boolean[] hasVector, int stale, Spelling spelling,
            Map<String, Map<Long, KnowledgeRepository.FullTextMatch>> fullTextResults, long loadedAt) {

        /** Full-text results kept per store: the same question asked again costs no query while this index lives. */
        static final int FULL_TEXT_RESULTS = 256;

        static TenantIndex of(String language, List<String> commonLexemes, List<StoredPassage> passages,
                boolean embeddings) {
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
            Map<String, Map<Long, KnowledgeRepository.FullTextMatch>> results = new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<Long, KnowledgeRepository.FullTextMatch>> e) {
                    return size() > FULL_TEXT_RESULTS;
                }
            };
            return new TenantIndex(language, List.copyOf(commonLexemes), List.copyOf(passages), positions, vectors, dimensions,
                    hasVector, stale,
                    new Spelling(passages), results, System.nanoTime());
        }

        /** The full-text result of this query, when it was asked while this index lives. */
        public Map<Long, KnowledgeRepository.FullTextMatch> cachedFullText(String key) {
            synchronized (fullTextResults) {
                return fullTextResults.get(key);
            }
        }

        public void cacheFullText(String key, Map<Long, KnowledgeRepository.FullTextMatch> result) {
            synchronized (fullTextResults) {
                fullTextResults.put(key, result);
            }
        }

        /** Benchmarks: the next question is queried anew. */
        void forgetFullText() {
            synchronized (fullTextResults) {
                fullTextResults.clear();
            }
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
        return Uni.combine().all()
                .unis(repository.language(domain), repository.commonLexemes(domain, COMMON_SHARE, COMMON_MIN_PASSAGES),
                        repository.passages(domain, model))
                .with((language, common, passages) -> TenantIndex.of(language.orElse("english"), common, passages,
                        model != null))
                .invoke(index -> {
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
