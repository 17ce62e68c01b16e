package io.csc.chat.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Search over a store's passages: PostgreSQL's full-text rank combined with ranking by meaning (the in-process
 * embedding model, vectors ranked in memory), and a relevance threshold below which nothing is an answer, so an
 * unrelated question gets "not found" rather than the least bad passage.
 */
@ApplicationScoped
public class KnowledgeService {
    /** Full-text candidates read per question; ranking by meaning looks at every passage anyway. */
    private static final int FULL_TEXT_CANDIDATES = 50;
    /** A cosine at or below this says nothing (unrelated sentences of this model land around 0 to 0.2). */
    static final double MEANING_FLOOR = 0.2;
    /** A cosine at or above this is as related as it gets for a question and a passage. */
    static final double MEANING_CEILING = 0.7;
    /** ts_rank_cd / (1 + rank) of a passage that matches the question's key words well. */
    static final double FULL_TEXT_CEILING = 0.5;

    public enum Mode {
        /** PostgreSQL full-text rank alone: what works with no model at all. */
        FULL_TEXT,
        /** Full-text rank and meaning combined (the default). */
        COMBINED
    }

    /** {@code indexed} false: the store has no passages yet (never indexed, or nothing published). */
    public record Result(boolean indexed, List<KnowledgeHit> hits) {
    }

    private final KnowledgeRepository repository;
    private final KnowledgeIndex index;
    private final KnowledgeEmbedder embedder;
    private final KnowledgeConfig config;
    private final IngestService ingest;
    private final StoreAnswerService answers;

    public KnowledgeService(KnowledgeRepository repository, KnowledgeIndex index, KnowledgeEmbedder embedder,
            KnowledgeConfig config, IngestService ingest, StoreAnswerService answers) {
        this.answers = answers;
        this.repository = repository;
        this.index = index;
        this.embedder = embedder;
        this.config = config;
        this.ingest = ingest;
    }

    /**
     * The store's own answer to this question first (written by its staff: the highest priority, cited "Store
     * answer"), then its pages.
     */
    public Uni<Result> search(String domain, String question) {
        Uni<Result> pages = search(domain, question, embedder.enabled() ? Mode.COMBINED : Mode.FULL_TEXT,
                config.maxResults(), config.minRelevance());
        return answers.match(domain, question).onFailure().recoverWithItem(java.util.Optional.empty())
                .chain(answer -> answer.isEmpty() ? pages : pages.map(r -> {
                    List<KnowledgeHit> hits = new ArrayList<>();
                    hits.add(answer.get());
                    for (KnowledgeHit h : r.hits()) {
                        if (hits.size() < Math.max(1, config.maxResults())) {
                            hits.add(h);
                        }
                    }
                    return new Result(true, hits);
                }));
    }

    /** The passages at or above {@code minRelevance}, best first, at most {@code limit}. */
    public Uni<Result> search(String domain, String question, Mode mode, int limit, double minRelevance) {
        // The question's embedding runs on a worker thread, at the same time as the full-text query; the caller continues
        // on its own Vert.x context (a chat turn goes on to Hibernate Reactive, which refuses any other thread).
        Context caller = Vertx.currentContext();
        Uni<Result> result = index.get(domain).chain(tenant -> {
            if (tenant.passages().isEmpty()) {
                return Uni.createFrom().item(new Result(false, List.of()));
            }
            if (tenant.stale() > 0) {
                // passages embedded by another model (the provider changed): ranked by full text until embedded again
                ingest.indexInBackground(domain);
            }
            String corrected = tenant.spelling().correct(question);
            Uni<float[]> questionVector = mode == Mode.COMBINED && embedder.enabled()
                    ? Uni.createFrom().item(() -> embedder.embedQuestion(corrected))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                            .onFailure().recoverWithItem(e -> {
                                Log.warnf("Knowledge: the question could not be embedded (%s); full-text rank only",
                                        e.getClass().getSimpleName());
                                return null;
                            })
                    : Uni.createFrom().nullItem();
            return Uni.combine().all().unis(fullText(domain, tenant, corrected), questionVector)
                    .with((fullText, vector) -> new Result(true,
                            rank(tenant, fullText, vector, mode, limit, minRelevance)));
        });
        return caller == null ? result : result.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    /** The question's full-text matches: from this store's index when asked before, else from PostgreSQL. */
    private Uni<Map<Long, KnowledgeRepository.FullTextMatch>> fullText(String domain, KnowledgeIndex.TenantIndex tenant,
            String question) {
        Map<Long, KnowledgeRepository.FullTextMatch> cached = tenant.cachedFullText(question);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        // the store's words for what the shopper says: English stores only (the synonyms are English)
        String query = "english".equals(tenant.language()) ? Synonyms.expand(question) : question;
        return repository.fullText(domain, tenant.language(), question, query, tenant.commonLexemes(),
                FULL_TEXT_CANDIDATES)
                .invoke(result -> tenant.cacheFullText(question, result));
    }

    /** Ranks by the combined relevance; a passage below the threshold is no answer, however it ranks. */
    private List<KnowledgeHit> rank(KnowledgeIndex.TenantIndex tenant, Map<Long, KnowledgeRepository.FullTextMatch> fullText,
            float[] vector, Mode mode, int limit, double minRelevance) {
        if (limit <= 0) {
            return List.of();
        }
        List<StoredPassage> passages = tenant.passages();
        int n = passages.size();
        KnowledgeRepository.FullTextMatch[] matches = new KnowledgeRepository.FullTextMatch[n];
        fullText.forEach((id, match) -> {
            Integer at = tenant.positions().get(id);
            if (at != null) {
                matches[at] = match;
            }
        });
        boolean byMeaning = mode == Mode.COMBINED && vector != null;
        double w = config.semanticWeight();
        // the best {@code limit} passages so far, best first; between equal relevances (a full-text score at its
        // ceiling) the higher full-text rank, then the earlier passage
        int[] top = new int[limit];
        double[] topRelevance = new double[limit];
        double[] topRank = new double[limit];
        double[] topMeaning = new double[limit];
        int found = 0;
        for (int i = 0; i < n; i++) {
            KnowledgeRepository.FullTextMatch match = matches[i];
            if (match == null && !byMeaning) {
                continue;
            }
            double ftScore = match == null ? 0 : Math.min(1.0, match.rank() / FULL_TEXT_CEILING);
            double meaning = 0;
            double relevance;
            if (byMeaning && tenant.hasVector()[i]) {
                meaning = tenant.meaning(i, vector);
                double meaningScore = clamp((meaning - MEANING_FLOOR) / (MEANING_CEILING - MEANING_FLOOR));
                relevance = w * meaningScore + (1 - w) * ftScore;
            } else {
                relevance = ftScore;
            }
            double rank = match == null ? 0 : match.rank();
            if (relevance < minRelevance
                    || found == limit && !before(relevance, rank, topRelevance[limit - 1], topRank[limit - 1])) {
                continue;
            }
            int at = Math.min(found, limit - 1);
            while (at > 0 && before(relevance, rank, topRelevance[at - 1], topRank[at - 1])) {
                top[at] = top[at - 1];
                topRelevance[at] = topRelevance[at - 1];
                topRank[at] = topRank[at - 1];
                topMeaning[at] = topMeaning[at - 1];
                at--;
            }
            top[at] = i;
            topRelevance[at] = relevance;
            topRank[at] = rank;
            topMeaning[at] = meaning;
            found = Math.min(found + 1, limit);
        }
        List<KnowledgeHit> hits = new ArrayList<>(found);
        for (int k = 0; k < found; k++) {
            StoredPassage p = passages.get(top[k]);
            KnowledgeRepository.FullTextMatch match = matches[top[k]];
            hits.add(new KnowledgeHit(p.url(), p.title(), p.heading(), p.body(), round(topRelevance[k]),
                    round(topMeaning[k]), round(match == null ? 0 : match.rank()),
                    round(match == null ? 0 : match.coverage()), p.sourceKey()));
        }
        return hits;
    }

    /** Whether a passage of this relevance and full-text rank goes before another. */
    private static boolean before(double relevance, double rank, double otherRelevance, double otherRank) {
        return relevance > otherRelevance || relevance == otherRelevance && rank > otherRank;
    }

    static double dot(float[] a, float[] b) {
        int n = Math.min(a.length, b.length);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
