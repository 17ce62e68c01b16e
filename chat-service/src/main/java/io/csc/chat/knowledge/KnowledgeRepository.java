package io.csc.chat.knowledge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The knowledge tables (V200__knowledge.sql) through the reactive pool: plain SQL because the work is text search
 * ({@code tsvector}, {@code regconfig}) and byte vectors, which an entity mapping would only hide.
 */
@ApplicationScoped
public class KnowledgeRepository {
    private final Pool pool;

    /**
     * A stored source's kind and version: what decides added, changed, unchanged, removed. {@code stale}: some of its
     * passages lack a vector of the current embedding model (made by another model, or while embeddings were off).
     */
    public record SourceVersion(String kind, String version, boolean stale) {
        public SourceVersion(String kind, String version) {
            this(kind, version, false);
        }
    }

    /**
     * A document to write, with one vector per passage (null entries when embeddings are off) and the label of the model
     * that made them.
     */
    public record Upsert(KnowledgeDocument document, List<float[]> vectors, String model) {
    }

    public KnowledgeRepository(Pool pool) {
        this.pool = pool;
    }

    /** The tenant's text-search language, or empty when the store was never indexed. */
    public Uni<Optional<String>> language(String domain) {
        return pool.preparedQuery("SELECT language::text FROM chat.knowledge_tenant WHERE domain = $1")
                .execute(Tuple.of(domain))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    public Uni<Boolean> languageExists(String language) {
        return pool.preparedQuery("SELECT 1 FROM pg_ts_config WHERE cfgname = $1").execute(Tuple.of(language))
                .map(rows -> rows.size() > 0);
    }

    /** Creates the tenant row (or sets its language when one is given). */
    public Uni<String> ensureTenant(String domain, String language) {
        String sql = language == null
                ? "INSERT INTO chat.knowledge_tenant (domain) VALUES ($1) ON CONFLICT (domain) DO UPDATE SET domain = EXCLUDED.domain RETURNING language::text"
                : "INSERT INTO chat.knowledge_tenant (domain, language) VALUES ($1, $2::regconfig) ON CONFLICT (domain) DO UPDATE SET language = EXCLUDED.language RETURNING language::text";
        Tuple args = language == null ? Tuple.of(domain) : Tuple.of(domain, language);
        return pool.preparedQuery(sql).execute(args).map(rows -> rows.iterator().next().getString(0));
    }

    /** How many passages the store has. */
    public Uni<Integer> count(String domain) {
        return pool.preparedQuery("SELECT count(*) FROM chat.knowledge_passage WHERE domain = $1")
                .execute(Tuple.of(domain)).map(rows -> rows.iterator().next().getLong(0).intValue());
    }

    public Uni<List<String>> domains() {
        return pool.query("SELECT domain FROM chat.knowledge_tenant ORDER BY domain").execute().map(rows -> {
            List<String> out = new ArrayList<>();
            rows.forEach(r -> out.add(r.getString(0)));
            return out;
        });
    }

    /** {@code model}: the current embedding model's label, or null when no vectors are made (nothing is stale then). */
    public Uni<Map<String, SourceVersion>> versions(String domain, String model) {
        return pool.preparedQuery("""
                SELECT s.source_key, s.kind, s.version,
                       coalesce(bool_or($2::text IS NOT NULL AND p.id IS NOT NULL
                                AND p.embedding_model IS DISTINCT FROM $2::text), false)
                FROM chat.knowledge_source s
                LEFT JOIN chat.knowledge_passage p ON p.domain = s.domain AND p.source_key = s.source_key
                WHERE s.domain = $1 GROUP BY s.source_key, s.kind, s.version""")
                .execute(Tuple.of(domain, model)).map(rows -> {
                    Map<String, SourceVersion> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getString(0),
                            new SourceVersion(r.getString(1), r.getString(2), r.getBoolean(3))));
                    return out;
                });
    }

    /** The counts of the last full re-index, with the time it finished (the database's clock). */
    public Uni<Void> recordResult(ReindexResult r) {
        JsonObject counts = new JsonObject().put("added", r.added()).put("changed", r.changed())
                .put("removed", r.removed()).put("unchanged", r.unchanged()).put("passages", r.passages())
                .put("failed", new JsonArray(r.failed())).put("durationMillis", r.durationMillis())
                .put("storeUnavailable", r.storeUnavailable());
        return pool.preparedQuery("UPDATE chat.knowledge_tenant SET last_result = $2::text::jsonb"
                + " || jsonb_build_object('at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))"
                + " WHERE domain = $1").execute(Tuple.of(r.domain(), counts.encode())).replaceWithVoid();
    }

    /** The store's index status: when it was last indexed, the last attempt, its status and result; empty if never. */
    public Uni<Optional<JsonObject>> status(String domain) {
        return pool.preparedQuery("SELECT language::text, indexed_at, last_attempt_at, last_status, last_result::text"
                + " FROM chat.knowledge_tenant WHERE domain = $1").execute(Tuple.of(domain)).map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.<JsonObject>empty();
                    }
                    Row r = rows.iterator().next();
                    JsonObject o = new JsonObject().put("domain", domain).put("language", r.getString(0))
                            .put("indexedAt", text(r.getOffsetDateTime(1))).put("lastAttemptAt", text(r.getOffsetDateTime(2)))
                            .put("lastStatus", r.getString(3));
                    String last = r.getString(4);
                    o.put("lastResult", last == null ? null : new JsonObject(last).getMap());
                    return Optional.of(o);
                });
    }

    private static String text(java.time.OffsetDateTime t) {
        return t == null ? null : t.toInstant().toString();
    }

    public Uni<Void> recordAttempt(String domain, String status) {
        return pool.preparedQuery(
                "UPDATE chat.knowledge_tenant SET last_attempt_at = now(), last_status = $2 WHERE domain = $1")
                .execute(Tuple.of(domain, status)).replaceWithVoid();
    }

    /**
     * One transaction: removed sources go (their passages with them), changed ones are rewritten, added ones written.
     * A per-store advisory lock keeps a scheduled and a manual re-index of one store from interleaving. {@code status}
     * null: a partial refresh (product webhooks) that leaves the store's last re-index status as it was.
     */
    public Uni<Void> apply(String domain, List<Upsert> upserts, List<String> removed, String status) {
        return pool.withTransaction(conn -> conn
                .preparedQuery("SELECT pg_advisory_xact_lock(hashtext('knowledge:' || $1))").execute(Tuple.of(domain))
                .chain(() -> removed.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : conn.preparedQuery("DELETE FROM chat.knowledge_source WHERE domain = $1 AND source_key = ANY($2)")
                                .execute(Tuple.of(domain, removed.toArray(String[]::new))).replaceWithVoid())
                .chain(() -> writeAll(conn, domain, upserts))
                .chain(() -> status == null
                        ? Uni.createFrom().voidItem()
                        : conn.preparedQuery(
                                "UPDATE chat.knowledge_tenant SET indexed_at = now(), last_attempt_at = now(), last_status = $2 WHERE domain = $1")
                                .execute(Tuple.of(domain, status)).replaceWithVoid()));
    }

    private Uni<Void> writeAll(SqlClient conn, String domain, List<Upsert> upserts) {
        if (upserts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> sources = new ArrayList<>();
        List<Tuple> passages = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Upsert u : upserts) {
            KnowledgeDocument d = u.document();
            keys.add(d.sourceKey());
            sources.add(Tuple.of(domain, d.sourceKey(), d.kind(), d.url(), d.title(), d.version()));
            for (int i = 0; i < d.passages().size(); i++) {
                KnowledgeDocument.Passage p = d.passages().get(i);
                float[] v = u.vectors() == null || i >= u.vectors().size() ? null : u.vectors().get(i);
                passages.add(Tuple.tuple().addString(domain).addString(d.sourceKey()).addInteger(i).addString(d.url())
                        .addString(d.title()).addString(p.heading()).addString(p.body())
                        .addValue(v == null ? null : toBytes(v)).addString(v == null ? null : u.model()));
            }
        }
        Uni<Void> sourcesWritten = conn
                .preparedQuery(
                        """
                                INSERT INTO chat.knowledge_source (domain, source_key, kind, url, title, version) VALUES ($1, $2, $3, $4, $5, $6)
                                ON CONFLICT (domain, source_key) DO UPDATE SET kind = EXCLUDED.kind, url = EXCLUDED.url,
                                    title = EXCLUDED.title, version = EXCLUDED.version, indexed_at = now()""")
                .executeBatch(sources).replaceWithVoid();
        Uni<Void> oldPassagesGone = conn
                .preparedQuery("DELETE FROM chat.knowledge_passage WHERE domain = $1 AND source_key = ANY($2)")
                .execute(Tuple.of(domain, keys.toArray(String[]::new))).replaceWithVoid();
        Uni<Void> passagesWritten = passages.isEmpty()
                ? Uni.createFrom().voidItem()
                : conn.preparedQuery(
                        """
                                INSERT INTO chat.knowledge_passage (domain, source_key, ord, url, title, heading, body, language, embedding,
                                    embedding_model)
                                SELECT $1, $2, $3, $4, $5, $6, $7, t.language, $8, $9 FROM chat.knowledge_tenant t WHERE t.domain = $1""")
                        .executeBatch(passages).replaceWithVoid();
        return sourcesWritten.chain(() -> oldPassagesGone).chain(() -> passagesWritten);
    }

    /**
     * The store's passages; a vector made by another model than {@code model} (the current one) comes back as null, so
     * vectors of different models are never compared.
     */
    public Uni<List<StoredPassage>> passages(String domain, String model) {
        return pool.preparedQuery("""
                SELECT id, source_key, url, title, heading, body,
                       CASE WHEN embedding_model = $2 THEN embedding END AS embedding
                FROM chat.knowledge_passage
                WHERE domain = $1 ORDER BY source_key, ord""").execute(Tuple.of(domain, model)).map(rows -> {
            List<StoredPassage> out = new ArrayList<>();
            for (Row r : rows) {
                Buffer b = r.getBuffer("embedding");
                out.add(new StoredPassage(r.getLong("id"), r.getString("source_key"), r.getString("url"),
                        r.getString("title"), r.getString("heading"), r.getString("body"),
                        b == null ? null : toFloats(b.getBytes())));
            }
            return out;
        });
    }

    /** A passage's full-text rank (0..1) and how many of the question's words (lexemes) it contains. */
    public record FullTextMatch(double rank, int matched, int words) {
        public double coverage() {
            return words == 0 ? 0 : (double) matched / words;
        }
    }

    /**
     * The lexemes (the text-search language's word stems) that more than {@code share} of the store's passages contain,
     * when it has at least {@code minPassages}: words like "order" or "policy" in a large store, which say little about
     * which passage answers and would make every search rank most of the store.
     */
    public Uni<List<String>> commonLexemes(String domain, double share, int minPassages) {
        return pool.preparedQuery("""
                WITH n AS (SELECT count(*) AS passages FROM chat.knowledge_passage WHERE domain = $1)
                SELECT s.word FROM n, ts_stat(format('SELECT tsv FROM chat.knowledge_passage WHERE domain = %L', $1::text)) s
                WHERE n.passages >= $3 AND s.ndoc > $2 * n.passages""")
                .execute(Tuple.of(domain, share, minPassages)).map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString(0)));
                    return out;
                });
    }

    /**
     * PostgreSQL's full-text rank of the passages matching any of the words of {@code query} (the question, typos
     * corrected, synonyms added; an AND of every word would miss most natural questions), normalized to 0..1
     * (rank / (rank + 1)), with the share of the question's own words each passage holds.
     * <p>
     * Candidates are the passages holding one of the query's words other than the store's {@code common} ones (all of
     * them when only common words are left); they are ranked with every word. The query is built once and given to the
     * index scan (the (domain, tsv) GIN index when btree_gin is installed, V210), so only this store's candidates are
     * read and ranked.
     */
    public Uni<Map<Long, FullTextMatch>> fullText(String domain, String language, String question, String query,
            List<String> common, int limit) {
        // the share of words is counted for the best candidates only, after the rank picked them
        return pool.preparedQuery("""
                WITH q0 AS MATERIALIZED (
                    SELECT replace(plainto_tsquery($2::regconfig, $4)::text, ' & ', ' | ')::tsquery AS query,
                           replace(plainto_tsquery('simple', array_to_string(ARRAY(
                               SELECT l FROM unnest(tsvector_to_array(to_tsvector($2::regconfig, $4))) l
                               WHERE l <> ALL ($6::text[])), ' '))::text, ' & ', ' | ')::tsquery AS rare,
                           tsvector_to_array(to_tsvector($2::regconfig, $3)) AS words),
                q AS MATERIALIZED (
                    SELECT query, CASE WHEN numnode(rare) > 0 THEN rare ELSE query END AS candidates, words FROM q0),
                top AS (
                    SELECT p.id, p.tsv, ts_rank_cd(p.tsv, q.query, 32) AS rank
                    FROM q JOIN chat.knowledge_passage p ON p.domain = $1 AND p.tsv @@ q.candidates
                    WHERE numnode(q.query) > 0
                    ORDER BY rank DESC LIMIT $5)
                SELECT top.id, top.rank,
                       (SELECT count(*) FROM unnest(q.words) w WHERE w = ANY (tsvector_to_array(top.tsv))) AS matched,
                       cardinality(q.words) AS words
                FROM top, q""")
                .execute(Tuple.of(domain, language, question, query, limit, common.toArray(String[]::new)))
                .map(rows -> {
                    Map<Long, FullTextMatch> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getLong(0),
                            new FullTextMatch(r.getDouble(1), r.getLong(2).intValue(), r.getInteger(3))));
                    return out;
                });
    }

    static io.vertx.core.buffer.Buffer toBytes(float[] v) {
        ByteBuffer bb = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bb.asFloatBuffer().put(v);
        return io.vertx.core.buffer.Buffer.buffer(bb.array());
    }

    static float[] toFloats(byte[] bytes) {
        float[] v = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
