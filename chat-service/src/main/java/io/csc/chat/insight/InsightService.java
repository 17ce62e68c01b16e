package io.csc.chat.insight;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.knowledge.Vectors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What the console reads about the assistant, per store: turns and outcomes per UTC day, the conversations with their
 * redacted transcripts, and the questions it could not answer grouped by meaning. Reads chat-service's own tables only.
 */
@ApplicationScoped
public class InsightService {
    private static final int MAX_UNANSWERED = 2000;

    private static final String TURNS = """
            SELECT day, mode, outcome, turns, gate_refusals, grounding_replacements, unanswered
            FROM chat.insight_turn_day WHERE domain = $1 AND day >= $2 AND day <= $3""";

    private static final String CONVERSATIONS_PER_DAY = """
            SELECT (c.created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS conversations,
                   count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM chat.handoff h WHERE h.conversation_id = c.id))
                       AS without_handoff
            FROM chat.conversation c
            WHERE c.domain = $1 AND c.created_at >= $2 AND c.created_at < $3
              AND EXISTS (SELECT 1 FROM chat.message m WHERE m.conversation_id = c.id AND m.role = 'user')
            GROUP BY 1""";

    private static final String VERIFICATIONS_STARTED = """
            SELECT (verification_started_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n FROM chat.conversation
            WHERE domain = $1 AND verification_started_at >= $2 AND verification_started_at < $3 GROUP BY 1""";

    private static final String VERIFICATIONS_COMPLETED = """
            SELECT (p.proven_at AT TIME ZONE 'UTC')::date AS day, count(DISTINCT p.conversation_id) AS n
            FROM chat.conversation_proof p JOIN chat.conversation c ON c.id = p.conversation_id
            WHERE c.domain = $1 AND p.proven_at >= $2 AND p.proven_at < $3 GROUP BY 1""";

    private static final String HANDOFFS = """
            SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n FROM chat.handoff
            WHERE domain = $1 AND created_at >= $2 AND created_at < $3 GROUP BY 1""";

    private static final String CONVERSATIONS = """
            SELECT * FROM (
              SELECT c.id, c.created_at, c.updated_at, c.matched_order_id,
                     (SELECT count(*) FROM chat.message m WHERE m.conversation_id = c.id AND m.role = 'user') AS turns,
                     (SELECT left(m.text, 140) FROM chat.message m WHERE m.conversation_id = c.id AND m.role = 'user'
                        ORDER BY m.id LIMIT 1) AS first_message,
                     CASE WHEN EXISTS (SELECT 1 FROM chat.handoff h WHERE h.conversation_id = c.id) THEN 'handoff'
                          WHEN EXISTS (SELECT 1 FROM chat.insight_unanswered u WHERE u.conversation_id = c.id)
                              THEN 'unanswered'
                          ELSE 'answered' END AS outcome,
                     c.verification_started_at IS NOT NULL AS verification_started,
                     EXISTS (SELECT 1 FROM chat.conversation_proof p WHERE p.conversation_id = c.id) AS verified
              FROM chat.conversation c
              WHERE c.domain = $1 AND c.created_at >= $2 AND c.created_at < $3
                AND ($4::text IS NULL OR c.matched_order_id::text = $4 OR EXISTS (SELECT 1 FROM chat.message m
                     WHERE m.conversation_id = c.id AND m.text ~ ('(^|[^0-9])' || $4 || '([^0-9]|$)')))
            ) x
            WHERE x.turns > 0 AND ($5::text IS NULL OR x.outcome = $5)
            ORDER BY x.created_at DESC, x.id LIMIT $6""";

    private final Pool pool;
    private final TurnLedger ledger;

    public InsightService(Pool pool, TurnLedger ledger) {
        this.pool = pool;
        this.ledger = ledger;
    }

    @io.quarkus.runtime.annotations.RegisterForReflection

    public record Day(LocalDate day, long conversations, long conversationsWithoutHandoff, long turns, long builtinTurns,
            long modelTurns, long answeredTurns, long unansweredTurns, long handoffs, long verificationsStarted,
            long verificationsCompleted, long gateRefusals, long groundingReplacements) {
    }

    @io.quarkus.runtime.annotations.RegisterForReflection

    public record Stats(String domain, LocalDate from, LocalDate to, List<Day> days, Day totals, double answeredShare) {
    }

    /** One row per UTC day from {@code from} to {@code to} (both included), days without activity as zeros. */
    public Uni<Stats> stats(String domain, LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        Tuple days = Tuple.of(domain, from, to);
        Tuple range = Tuple.of(domain, start, end);
        return ledger.flush().chain(() -> Uni.combine().all().unis(pool.preparedQuery(TURNS).execute(days),
                pool.preparedQuery(CONVERSATIONS_PER_DAY).execute(range),
                pool.preparedQuery(VERIFICATIONS_STARTED).execute(range),
                pool.preparedQuery(VERIFICATIONS_COMPLETED).execute(range),
                pool.preparedQuery(HANDOFFS).execute(range)).asTuple().map(t -> {
                    Map<LocalDate, long[]> acc = new TreeMap<>();
                    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                        acc.put(d, new long[12]);
                    }
                    for (Row r : t.getItem1()) {
                        long[] a = acc.get(r.getLocalDate("day"));
                        if (a == null) {
                            continue;
                        }
                        long n = r.getInteger("turns");
                        a[2] += n;
                        String mode = r.getString("mode");
                        if ("llm".equals(mode)) {
                            a[4] += n;
                        } else {
                            a[3] += n;
                        }
                        long unanswered = r.getInteger("unanswered");
                        a[6] += unanswered;
                        if ("answered".equals(r.getString("outcome"))) {
                            a[5] += Math.max(0, n - unanswered);
                        }
                        a[10] += r.getInteger("gate_refusals");
                        a[11] += r.getInteger("grounding_replacements");
                    }
                    for (Row r : t.getItem2()) {
                        long[] a = acc.get(r.getLocalDate("day"));
                        if (a != null) {
                            a[0] += r.getLong("conversations");
                            a[1] += r.getLong("without_handoff");
                        }
                    }
                    add(acc, t.getItem3(), 8);
                    add(acc, t.getItem4(), 9);
                    add(acc, t.getItem5(), 7);
                    List<Day> out = new ArrayList<>();
                    long[] total = new long[12];
                    acc.forEach((d, a) -> {
                        out.add(day(d, a));
                        for (int i = 0; i < a.length; i++) {
                            total[i] += a[i];
                        }
                    });
                    double share = total[0] == 0 ? 0 : Math.round(10000.0 * total[1] / total[0]) / 10000.0;
                    return new Stats(domain, from, to, out, day(null, total), share);
                }));
    }

    private static void add(Map<LocalDate, long[]> acc, RowSet<Row> rows, int at) {
        for (Row r : rows) {
            long[] a = acc.get(r.getLocalDate("day"));
            if (a != null) {
                a[at] += r.getLong("n");
            }
        }
    }

    private static Day day(LocalDate d, long[] a) {
        return new Day(d, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11]);
    }

    @io.quarkus.runtime.annotations.RegisterForReflection

    public record ConversationSummary(String id, OffsetDateTime startedAt, OffsetDateTime lastMessageAt, long turns,
            String outcome, boolean verificationStarted, boolean verified, Long orderNumber, String firstMessage) {
    }

    /** The store's conversations started in [from, to), newest first; outcome answered|unanswered|handoff or null. */
    public Uni<List<ConversationSummary>> conversations(String domain, OffsetDateTime from, OffsetDateTime to,
            String outcome, Long orderNumber, int limit) {
        return pool.preparedQuery(CONVERSATIONS)
                .execute(Tuple.from(Arrays.asList(domain, from, to, orderNumber == null ? null : orderNumber.toString(),
                        outcome, limit)))
                .map(rows -> {
                    List<ConversationSummary> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new ConversationSummary(r.getString("id"),
                            r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"), r.getLong("turns"),
                            r.getString("outcome"), r.getBoolean("verification_started"), r.getBoolean("verified"),
                            r.getLong("matched_order_id"), r.getString("first_message"))));
                    return out;
                });
    }

    @io.quarkus.runtime.annotations.RegisterForReflection

    public record TranscriptMessage(String role, String text, OffsetDateTime at) {
    }

    @io.quarkus.runtime.annotations.RegisterForReflection

    public record Transcript(ConversationSummary conversation, List<TranscriptMessage> messages,
            List<String> unanswered) {
    }

    /** The conversation's messages as stored (already redacted), or empty when the store has no such conversation. */
    public Uni<Optional<Transcript>> transcript(String domain, String id) {
        OffsetDateTime from = OffsetDateTime.parse("2000-01-01T00:00:00Z");
        OffsetDateTime to = OffsetDateTime.parse("9999-01-01T00:00:00Z");
        return pool.preparedQuery(CONVERSATIONS.replace("WHERE c.domain = $1", "WHERE c.id = $7 AND c.domain = $1"))
                .execute(Tuple.from(Arrays.asList(domain, from, to, null, null, 1, id))).chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Optional.<Transcript>empty());
                    }
                    Row r = rows.iterator().next();
                    ConversationSummary summary = new ConversationSummary(r.getString("id"),
                            r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"), r.getLong("turns"),
                            r.getString("outcome"), r.getBoolean("verification_started"), r.getBoolean("verified"),
                            r.getLong("matched_order_id"), r.getString("first_message"));
                    return Uni.combine().all().unis(
                            pool.preparedQuery("SELECT role, text, created_at FROM chat.message"
                                    + " WHERE conversation_id = $1 ORDER BY id").execute(Tuple.of(id)),
                            pool.preparedQuery("SELECT question FROM chat.insight_unanswered"
                                    + " WHERE conversation_id = $1 ORDER BY id").execute(Tuple.of(id)))
                            .asTuple().map(t -> {
                                List<TranscriptMessage> messages = new ArrayList<>();
                                t.getItem1().forEach(m -> messages.add(new TranscriptMessage(m.getString("role"),
                                        m.getString("text"), m.getOffsetDateTime("created_at"))));
                                List<String> unanswered = new ArrayList<>();
                                t.getItem2().forEach(u -> unanswered.add(u.getString("question")));
                                return Optional.of(new Transcript(summary, messages, unanswered));
                            });
                });
    }

    @io.quarkus.runtime.annotations.RegisterForReflection

    public record UnansweredGroup(String question, int count, OffsetDateTime lastAskedAt, List<String> examples,
            List<Long> ids, Map<String, Integer> reasons) {
    }

    /**
     * The questions not yet answered by a store answer, asked since {@code since}, grouped by meaning
     * ({@link QuestionGroups}), largest group first.
     */
    public Uni<List<UnansweredGroup>> unanswered(String domain, OffsetDateTime since) {
        return pool.preparedQuery("SELECT id, question, reason, embedding, asked_at FROM chat.insight_unanswered"
                + " WHERE domain = $1 AND answered_by IS NULL AND asked_at >= $2 ORDER BY asked_at DESC LIMIT $3")
                .execute(Tuple.of(domain, since, MAX_UNANSWERED)).map(rows -> {
                    List<Row> all = new ArrayList<>();
                    List<float[]> vectors = new ArrayList<>();
                    List<String> words = new ArrayList<>();
                    for (Row r : rows) {
                        all.add(r);
                        vectors.add(Vectors.toFloats(r.getBuffer("embedding") == null
                                ? null
                                : r.getBuffer("embedding").getDelegate()));
                        words.add(words(r.getString("question")));
                    }
                    int[] assigned = QuestionGroups.assign(vectors, words, QuestionGroups.SAME_QUESTION);
                    List<Group> groups = new ArrayList<>();
                    for (int i = 0; i < all.size(); i++) {
                        Row r = all.get(i);
                        String q = r.getString("question");
                        if (assigned[i] == groups.size()) {
                            groups.add(new Group(q, r.getOffsetDateTime("asked_at")));
                        }
                        Group into = groups.get(assigned[i]);
                        into.count++;
                        if (into.examples.size() < 5) {
                            into.examples.add(q);
                        }
                        if (into.ids.size() < 200) {
                            into.ids.add(r.getLong("id"));
                        }
                        into.reasons.merge(r.getString("reason"), 1, Integer::sum);
                    }
                    groups.sort((a, b) -> b.count != a.count
                            ? Integer.compare(b.count, a.count)
                            : b.last.compareTo(a.last));
                    return groups.stream().map(g -> new UnansweredGroup(g.question, g.count, g.last,
                            List.copyOf(g.examples), List.copyOf(g.ids), g.reasons)).toList();
                });
    }

    /** Marks these questions of the store answered by a store answer; how many were marked. */
    public Uni<Integer> markAnswered(String domain, List<Long> ids, long answerId) {
        if (ids == null || ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery("UPDATE chat.insight_unanswered SET answered_by = $3"
                + " WHERE domain = $1 AND id = ANY($2) AND answered_by IS NULL")
                .execute(Tuple.of(domain, ids.toArray(new Long[0]), answerId)).map(RowSet::rowCount);
    }

    private static String words(String q) {
        return q.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static final class Group {
        final String question;
        final OffsetDateTime last;
        int count;
        final LinkedHashSet<String> examples = new LinkedHashSet<>();
        final List<Long> ids = new ArrayList<>();
        final Map<String, Integer> reasons = new LinkedHashMap<>();

        Group(String question, OffsetDateTime last) {
            this.question = question;
            this.last = last;
        }
    }
}
