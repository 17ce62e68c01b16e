package io.csc.chat.knowledge;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The store's own answers ({@code store_answer}, per tenant): written by staff in the console, searched before the
 * store's pages and cited as "Store answer". A shopper's question matches an answer when it means the same as the
 * answer's question (the in-process embedding model, cosine at or above {@link #MATCH}) or, with embeddings off, when it
 * contains every word of the answer's question that is longer than three letters.
 */
@ApplicationScoped
public class StoreAnswerService {
    /** Cosine of two phrasings of one question with all-MiniLM-L6-v2 (unrelated questions stay well below). */
    static final double MATCH = 0.72;
    public static final int MAX_QUESTION = 500;
    public static final int MAX_ANSWER = 4000;

    private final Pool pool;
    private final KnowledgeEmbedder embedder;
    private final Clock clock;

    public StoreAnswerService(Pool pool, KnowledgeEmbedder embedder, Clock clock) {
        this.pool = pool;
        this.embedder = embedder;
        this.clock = clock;
    }

    public Uni<List<StoreAnswer>> list(String domain) {
        return pool.preparedQuery("SELECT id, domain, question, answer, created_at, updated_at FROM chat.store_answer"
                + " WHERE domain = $1 ORDER BY updated_at DESC, id DESC").execute(Tuple.of(domain)).map(rows -> {
                    List<StoreAnswer> out = new ArrayList<>();
                    rows.forEach(r -> out.add(of(r)));
                    return out;
                });
    }

    public Uni<Optional<StoreAnswer>> get(String domain, long id) {
        return pool.preparedQuery("SELECT id, domain, question, answer, created_at, updated_at FROM chat.store_answer"
                + " WHERE domain = $1 AND id = $2").execute(Tuple.of(domain, id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(of(rows.iterator().next())));
    }

    public Uni<StoreAnswer> create(String domain, String question, String answer) {
        OffsetDateTime now = now();
        return embed(question).chain(v -> pool.preparedQuery("INSERT INTO chat.store_answer"
                + " (domain, question, answer, embedding, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)"
                + " RETURNING id, domain, question, answer, created_at, updated_at")
                .execute(Tuple.from(java.util.Arrays.asList(domain, question, answer, Vectors.toBytes(v), now)))
                .map(rows -> of(rows.iterator().next())));
    }

    /** Empty when the store has no answer with this id. */
    public Uni<Optional<StoreAnswer>> update(String domain, long id, String question, String answer) {
        return embed(question).chain(v -> pool.preparedQuery("UPDATE chat.store_answer SET question = $3, answer = $4,"
                + " embedding = $5, updated_at = $6 WHERE domain = $1 AND id = $2"
                + " RETURNING id, domain, question, answer, created_at, updated_at")
                .execute(Tuple.from(java.util.Arrays.asList(domain, id, question, answer, Vectors.toBytes(v), now())))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(of(rows.iterator().next()))));
    }

    public Uni<Boolean> delete(String domain, long id) {
        return pool.preparedQuery("DELETE FROM chat.store_answer WHERE domain = $1 AND id = $2")
                .execute(Tuple.of(domain, id)).map(rows -> rows.rowCount() > 0);
    }

    /** The store answer this question asks for, as a passage of relevance 1 (it outranks every page), or empty. */
    public Uni<Optional<KnowledgeHit>> match(String domain, String question) {
        Context caller = Vertx.currentContext();
        Uni<Optional<KnowledgeHit>> found = pool.preparedQuery(
                "SELECT id, question, answer, embedding FROM chat.store_answer WHERE domain = $1")
                .execute(Tuple.of(domain)).chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Optional.<KnowledgeHit>empty());
                    }
                    List<Row> answers = new ArrayList<>();
                    rows.forEach(answers::add);
                    return embed(question).map(v -> best(answers, question, v));
                });
        return caller == null ? found : found.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    private static Optional<KnowledgeHit> best(List<Row> answers, String question, float[] vector) {
        Row best = null;
        double bestScore = 0;
        for (Row r : answers) {
            float[] stored = Vectors.toFloats(r.getBuffer("embedding") == null
                    ? null
                    : r.getBuffer("embedding").getDelegate());
            double score = vector != null && stored != null && stored.length == vector.length
                    ? Vectors.cosine(vector, stored)
                    : sameWords(question, r.getString("question")) ? 1.0 : 0;
            if (score >= MATCH && score > bestScore) {
                best = r;
                bestScore = score;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new KnowledgeHit(null, StoreAnswer.TITLE, null, best.getString("answer"), 1.0,
                Math.round(bestScore * 1000) / 1000.0, 0, 1, "answer:" + best.getLong("id")));
    }

    static boolean sameWords(String question, String answerQuestion) {
        String q = " " + question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        boolean any = false;
        for (String w : answerQuestion.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 3) {
                any = true;
                if (!q.contains(" " + w + " ")) {
                    return false;
                }
            }
        }
        return any;
    }

    /** The question's unit vector, computed on a worker thread (the model is CPU work); null when embeddings are off. */
    private Uni<float[]> embed(String question) {
        if (!embedder.enabled()) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(() -> embedder.embedQuestion(question))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).onFailure().recoverWithNull();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static StoreAnswer of(Row r) {
        return new StoreAnswer(r.getLong("id"), r.getString("domain"), r.getString("question"), r.getString("answer"),
                r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"));
    }
}
