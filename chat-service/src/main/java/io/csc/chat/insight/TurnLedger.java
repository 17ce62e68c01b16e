package io.csc.chat.insight;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.csc.chat.assistant.Awaiting;
import io.csc.chat.conversation.Redactor;
import io.csc.chat.knowledge.KnowledgeEmbedder;
import io.csc.chat.knowledge.Vectors;
import io.csc.chat.metrics.TurnTally;
import io.csc.chat.tools.ToolResult;
import io.csc.chat.turn.AssistantReply;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes down each finished turn for the console: one counter row per store, UTC day, mode and outcome
 * ({@code insight_turn_day}), and the shopper's question, redacted, when the assistant could not answer it
 * ({@code insight_unanswered}). Never fails a turn: a write that fails is logged and dropped.
 * <p>
 * The counters are added up in memory and written by {@link #flush()} every {@code chat.insight.flush-every}, before
 * the console reads them, and at shutdown: every turn of a store on one day hits the same row, and a turn that waited
 * for that row's lock queued behind every other turn in flight. Each replica adds its own share to the row.
 */
@ApplicationScoped
public class TurnLedger {
    private static final Set<ToolResult.Status> REFUSED = Set.of(ToolResult.Status.VERIFICATION_REQUIRED,
            ToolResult.Status.STEP_UP_REQUIRED, ToolResult.Status.NOT_OWNED);
    private static final int MAX_QUESTION = 500;

    private static final String COUNT = """
            INSERT INTO chat.insight_turn_day AS d (domain, day, mode, outcome, turns, gate_refusals,
                grounding_replacements, unanswered)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (domain, day, mode, outcome) DO UPDATE SET turns = d.turns + EXCLUDED.turns,
                gate_refusals = d.gate_refusals + EXCLUDED.gate_refusals,
                grounding_replacements = d.grounding_replacements + EXCLUDED.grounding_replacements,
                unanswered = d.unanswered + EXCLUDED.unanswered""";

    private final Pool pool;
    private final KnowledgeEmbedder embedder;
    private final Clock clock;
    private final ConcurrentHashMap<DayKey, Counts> pending = new ConcurrentHashMap<>();

    record DayKey(String domain, LocalDate day, String mode, String outcome) {
    }

    record Counts(int turns, int gateRefusals, int groundingReplacements, int unanswered) {
        Counts plus(Counts o) {
            return new Counts(turns + o.turns, gateRefusals + o.gateRefusals,
                    groundingReplacements + o.groundingReplacements, unanswered + o.unanswered);
        }
    }

    public TurnLedger(Pool pool, KnowledgeEmbedder embedder, Clock clock) {
        this.pool = pool;
        this.embedder = embedder;
        this.clock = clock;
    }

    /** Records a finished turn of {@code conversationId}; {@code message} as the shopper wrote it (redacted here). */
    public Uni<Void> record(String domain, String conversationId, String message, AssistantReply reply) {
        try {
            int grounding = TurnTally.takeGroundingReplacements();
            int refusals = (int) reply.toolResults().stream().filter(r -> REFUSED.contains(r.status())).count();
            String reason = unansweredReason(message, reply);
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            LocalDate day = now.toLocalDate();
            pending.merge(new DayKey(domain, day, limit(reply.mode(), 16), limit(reply.outcome(), 24)),
                    new Counts(1, refusals, grounding, reason == null ? 0 : 1), Counts::plus);
            if (reason == null) {
                return Uni.createFrom().voidItem();
            }
            return unanswered(domain, conversationId, message, reason, now).onFailure().recoverWithUni(e -> {
                Log.warnf("Insight: the turn could not be recorded (%s)", e.getClass().getSimpleName());
                return Uni.createFrom().voidItem();
            });
        } catch (RuntimeException e) {
            Log.warnf("Insight: the turn could not be recorded (%s)", e.getClass().getSimpleName());
            return Uni.createFrom().voidItem();
        }
    }

    /**
     * Writes the counters added up since the last flush. Counts whose write fails are put back for the next one, so a
     * database outage loses none.
     */
    @Scheduled(identity = "insight-flush", every = "${chat.insight.flush-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> flush() {
        List<Tuple> rows = new ArrayList<>();
        Map<DayKey, Counts> taken = new HashMap<>();
        for (DayKey key : List.copyOf(pending.keySet())) {
            Counts c = pending.remove(key);
            if (c != null) {
                taken.put(key, c);
                rows.add(Tuple.from(Arrays.asList(key.domain(), key.day(), key.mode(), key.outcome(), c.turns(),
                        c.gateRefusals(), c.groundingReplacements(), c.unanswered())));
            }
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(COUNT).executeBatch(rows).replaceWithVoid().onFailure().recoverWithUni(e -> {
            Log.warnf("Insight: %d counter rows could not be written, kept for the next flush (%s)", rows.size(),
                    e.getClass().getSimpleName());
            taken.forEach((key, c) -> pending.merge(key, c, Counts::plus));
            return Uni.createFrom().voidItem();
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        try {
            flush().await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            Log.warnf("Insight: the last counters could not be written at shutdown (%s)", e.getClass().getSimpleName());
        }
    }

    /**
     * Why this turn left the shopper's question unanswered, or null when it was answered: not understood, no passage
     * of the store's knowledge found, the assistant failed, the turn handed over, or a model reply that used no tool and
     * cited no source for a question.
     */
    static String unansweredReason(String message, AssistantReply reply) {
        if (message == null || message.isBlank()) {
            return null;
        }
        if ("core".equals(reply.mode())) {
            // a confirmation button or yes/no: not a question
            return null;
        }
        if (reply.notUnderstood()) {
            return "not_understood";
        }
        String outcome = reply.outcome();
        if ("fallback".equals(outcome) || "error".equals(outcome)) {
            return "failed";
        }
        if ("handoff".equals(outcome)) {
            return "handoff";
        }
        if (reply.awaiting() == Awaiting.HANDOFF_OFFER) {
            // the assistant did not know and offered to pass the question on
            return "no_source";
        }
        boolean knowledgeFound = false;
        boolean knowledgeMissed = false;
        for (ToolResult r : reply.toolResults()) {
            if ("knowledge".equals(r.tool())) {
                if (r.ok()) {
                    knowledgeFound = true;
                } else if (r.status() == ToolResult.Status.NOT_FOUND || r.status() == ToolResult.Status.UNAVAILABLE) {
                    knowledgeMissed = true;
                }
            }
        }
        if (knowledgeMissed && !knowledgeFound) {
            return "no_source";
        }
        if ("llm".equals(reply.mode()) && reply.toolResults().isEmpty() && reply.sources().isEmpty()
                && message.strip().endsWith("?")) {
            return "no_source";
        }
        return null;
    }

    private Uni<Void> unanswered(String domain, String conversationId, String message, String reason,
            OffsetDateTime now) {
        String question = Redactor.redact(message.strip());
        if (question.length() > MAX_QUESTION) {
            question = question.substring(0, MAX_QUESTION);
        }
        String text = question;
        Context caller = Vertx.currentContext();
        Uni<float[]> vector = embedder.enabled()
                ? Uni.createFrom().item(() -> embedder.embedQuestion(text))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).onFailure().recoverWithNull()
                : Uni.createFrom().nullItem();
        if (caller != null) {
            vector = vector.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        }
        return vector.chain(v -> pool.preparedQuery("INSERT INTO chat.insight_unanswered"
                + " (domain, conversation_id, question, reason, embedding, asked_at) VALUES ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.from(Arrays.asList(domain, conversationId, text, reason, Vectors.toBytes(v), now))))
                .replaceWithVoid();
    }

    private static String limit(String s, int n) {
        String v = s == null ? "none" : s;
        return v.length() > n ? v.substring(0, n) : v;
    }
}
