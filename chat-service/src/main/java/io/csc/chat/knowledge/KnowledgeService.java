package io.csc.chat.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

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

    public KnowledgeService(KnowledgeRepository repository, KnowledgeIndex index, KnowledgeEmbedder embedder,
            KnowledgeConfig config) {
        this.repository = repository;
        this.index = index;
        this.embedder = embedder;
        this.config = config;
    }

    public Uni<Result> search(String domain, String question) {
        return search(domain, question, embedder.enabled() ? Mode.COMBINED : Mode.FULL_TEXT, config.maxResults(),
                config.minRelevance());
    }

    /** The passages at or above {@code minRelevance}, best first, at most {@code limit}. */
    public Uni<Result> search(String domain, String question, Mode mode, int limit, double minRelevance) {
        // The question's embedding runs on a worker thread; the caller continues on its own Vert.x context (a chat turn
        // goes on to Hibernate Reactive, which refuses any other thread).
        Context caller = Vertx.currentContext();
        Uni<Result> result = index.get(domain).chain(tenant -> {
            if (tenant.passages().isEmpty()) {
                return Uni.createFrom().item(new Result(false, List.of()));
            }
            String corrected = tenant.spelling().correct(question);
            Uni<float[]> questionVector = mode == Mode.COMBINED
                    ? Uni.createFrom().item(() -> embedder.embed(corrected))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    : Uni.createFrom().nullItem();
            return Uni.combine().all().unis(repository.fullText(domain, corrected, FULL_TEXT_CANDIDATES), questionVector)
                    .with((fullText, vector) -> new Result(true,
                            rank(tenant, fullText, vector, mode, limit, minRelevance)));
        });
        return caller == null ? result : result.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    /** Ranks by the combined relevance; a passage below the threshold is no answer, however it ranks. */
    private List<KnowledgeHit> rank(KnowledgeIndex.TenantIndex tenant, Map<Long, KnowledgeRepository.FullTextMatch> fullText,
            float[] vector, Mode mode, int limit, double minRelevance) {
        List<KnowledgeHit> hits = new ArrayList<>();
        double w = config.semanticWeight();
        for (StoredPassage p : tenant.passages()) {
            KnowledgeRepository.FullTextMatch match = fullText.get(p.id());
            double ft = match == null ? 0 : match.rank();
            double coverage = match == null ? 0 : match.coverage();
            double ftScore = Math.min(1.0, ft / FULL_TEXT_CEILING);
            double meaning = 0;
            double relevance;
            if (mode == Mode.COMBINED && vector != null && p.vector() != null) {
                meaning = dot(vector, p.vector());
                double meaningScore = clamp((meaning - MEANING_FLOOR) / (MEANING_CEILING - MEANING_FLOOR));
                relevance = w * meaningScore + (1 - w) * ftScore;
            } else {
                if (match == null) {
                    continue;
                }
                relevance = ftScore;
            }
            if (relevance >= minRelevance) {
                hits.add(new KnowledgeHit(p.url(), p.title(), p.heading(), p.body(), round(relevance), round(meaning),
                        round(ft), round(coverage), p.sourceKey()));
            }
        }
        hits.sort(Comparator.comparingDouble(KnowledgeHit::relevance).reversed());
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
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
