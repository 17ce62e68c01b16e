package io.csc.chat.live;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The live part of handoffs in PostgreSQL: settings per store, the handoff's live states, live messages and operator
 * actions. State changes are single conditional statements, so two replicas (or two operators) cannot both win.
 */
@ApplicationScoped
public class LiveRepository {
    private static final String HANDOFF = "select h.id, h.domain, h.conversation_id, h.state, h.created_at, h.claimed_by,"
            + " h.claimed_by_name, h.claimed_at, h.resolved_at, h.reason, h.last_message_at,"
            + " (select left(m.text, 120) from chat.live_message m where m.handoff_id = h.id order by m.id desc limit 1)"
            + " as preview,"
            + " (select case when count(*) = 0 then 'none' when bool_or(p.method = 'identity') then 'signed_in'"
            + " else 'email' end"
            + " from chat.conversation_proof p where p.conversation_id = h.conversation_id) as verification"
            + " from chat.handoff h";
    private static final String MESSAGE = "select id, handoff_id, conversation_id, role, text, operator_name, created_at"
            + " from chat.live_message";

    private final Pool pool;
    private final Clock clock;

    public LiveRepository(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    private static OffsetDateTime utc(Instant at) {
        return OperatorRepository.utc(at);
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    static LiveHandoff handoff(Row r) {
        String verification = r.getString("verification");
        return new LiveHandoff(r.getString("id"), r.getString("domain"), r.getString("conversation_id"),
                r.getString("state"), instant(r, "created_at"), r.getString("claimed_by"), r.getString("claimed_by_name"),
                instant(r, "claimed_at"), instant(r, "resolved_at"), r.getString("reason"), instant(r, "last_message_at"),
                r.getString("preview"), verification == null ? "none" : verification);
    }

    static LiveMessage message(Row r) {
        return new LiveMessage(r.getLong("id"), r.getString("handoff_id"), r.getString("conversation_id"),
                r.getString("role"), r.getString("text"), r.getString("operator_name"), instant(r, "created_at"));
    }

    private static List<LiveHandoff> handoffs(RowSet<Row> rows) {
        List<LiveHandoff> out = new ArrayList<>();
        rows.forEach(r -> out.add(handoff(r)));
        return out;
    }

    private static List<LiveMessage> messages(RowSet<Row> rows) {
        List<LiveMessage> out = new ArrayList<>();
        rows.forEach(r -> out.add(message(r)));
        return out;
    }

    // --- settings

    public Uni<LiveSettings> settings(String domain) {
        return pool.preparedQuery("select enabled, hours::text, claim_timeout_minutes from chat.live_settings"
                + " where domain = $1").execute(Tuple.of(domain)).map(rows -> {
                    if (rows.size() == 0) {
                        return LiveSettings.defaults(domain);
                    }
                    Row r = rows.iterator().next();
                    return new LiveSettings(domain, r.getBoolean(0),
                            BusinessHours.parse(new JsonObject(r.getString(1)).getMap()), r.getInteger(2));
                });
    }

    public Uni<LiveSettings> saveSettings(LiveSettings s) {
        return pool.preparedQuery("insert into chat.live_settings (domain, enabled, hours, claim_timeout_minutes, updated_at)"
                + " values ($1, $2, $3::text::jsonb, $4, $5) on conflict (domain) do update set enabled = excluded.enabled,"
                + " hours = excluded.hours, claim_timeout_minutes = excluded.claim_timeout_minutes,"
                + " updated_at = excluded.updated_at")
                .execute(Tuple.of(s.domain(), s.enabled(), new JsonObject(new java.util.LinkedHashMap<>(s.hours().toJson()))
                        .encode(), s.claimTimeoutMinutes(), utc(clock.instant())))
                .replaceWith(s);
    }

    /** The conversation's store and session ({@code [domain, sessionId]}), or null when there is no such conversation. */
    public Uni<String[]> ownerOf(String conversationId) {
        return pool.preparedQuery("select domain, session_id from chat.conversation where id = $1")
                .execute(Tuple.of(conversationId)).map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new String[]{r.getString(0), r.getString(1)};
                });
    }

    // --- handoffs

    public Uni<LiveHandoff> find(String id) {
        return pool.preparedQuery(HANDOFF + " where h.id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : handoff(rows.iterator().next()));
    }

    /** The conversation's latest handoff, or null. */
    public Uni<LiveHandoff> latestOf(String conversationId) {
        return pool.preparedQuery(HANDOFF + " where h.conversation_id = $1 order by h.created_at desc limit 1")
                .execute(Tuple.of(conversationId)).map(rows -> rows.size() == 0 ? null : handoff(rows.iterator().next()));
    }

    /** The conversation's handoff a person is asked to join or holds, or null (one cheap indexed read per turn). */
    public Uni<LiveHandoff> activeOf(String conversationId) {
        return pool.preparedQuery("select id, domain, conversation_id, state, created_at, claimed_by, claimed_by_name,"
                + " claimed_at, resolved_at, reason, last_message_at, null as preview, null as verification"
                + " from chat.handoff where conversation_id = $1 and state in ('waiting', 'claimed')"
                + " order by created_at desc limit 1")
                .execute(Tuple.of(conversationId)).map(rows -> rows.size() == 0 ? null : handoff(rows.iterator().next()));
    }

    /** Handoffs of these stores, newest first; {@code states} null: every state. */
    public Uni<List<LiveHandoff>> list(List<String> domains, List<String> states, int limit) {
        if (domains.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String where = " where h.domain = any($1::varchar[])" + (states == null ? "" : " and h.state = any($3::varchar[])");
        Tuple args = states == null
                ? Tuple.of(domains.toArray(new String[0]), limit)
                : Tuple.of(domains.toArray(new String[0]), limit, states.toArray(new String[0]));
        return pool.preparedQuery(HANDOFF + where + " order by h.created_at desc limit $2").execute(args)
                .map(LiveRepository::handoffs);
    }

    /** Claims a waiting (or timed-out) handoff; null when it was not claimable. */
    public Uni<Boolean> claim(String id, Operator operator) {
        return pool.preparedQuery("update chat.handoff set state = 'claimed', claimed_by = $2, claimed_by_name = $3,"
                + " claimed_at = $4 where id = $1 and state in ('waiting', 'timed_out')")
                .execute(Tuple.of(id, operator.id(), operator.displayName(), utc(clock.instant())))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Resolves a handoff the operator holds; false otherwise. */
    public Uni<Boolean> resolve(String id, String operatorId) {
        return pool.preparedQuery("update chat.handoff set state = 'resolved', resolved_at = $3 where id = $1"
                + " and state = 'claimed' and claimed_by = $2")
                .execute(Tuple.of(id, operatorId, utc(clock.instant()))).map(rows -> rows.rowCount() == 1);
    }

    /** Waiting handoffs of stores whose claim timeout has passed at {@code now}, moved to timed_out (each once). */
    public Uni<List<LiveHandoff>> timeOut(Instant now) {
        return pool.preparedQuery("update chat.handoff h set state = 'timed_out' from chat.live_settings s"
                + " where s.domain = h.domain and h.state = 'waiting'"
                + " and h.created_at <= $1::timestamptz - make_interval(mins => s.claim_timeout_minutes)"
                + " returning h.id, h.domain, h.conversation_id, h.state, h.created_at, h.claimed_by, h.claimed_by_name,"
                + " h.claimed_at, h.resolved_at, h.reason, h.last_message_at, null as preview, null as verification")
                .execute(Tuple.of(utc(now))).map(LiveRepository::handoffs);
    }

    // --- messages and actions

    /** Stores a live message and touches its handoff, in one statement; answers it with its id. */
    public Uni<LiveMessage> addMessage(String handoffId, String conversationId, String role, String text, String operatorId,
            String operatorName) {
        Instant now = clock.instant();
        return pool.preparedQuery("with m as (insert into chat.live_message (handoff_id, conversation_id, role, text,"
                + " operator_id, operator_name, created_at) values ($1, $2, $3, $4, $5, $6, $7) returning id),"
                + " t as (update chat.handoff set last_message_at = $7 where id = $1) select id from m")
                .execute(Tuple.from(Arrays.asList(handoffId, conversationId, role, text, operatorId, operatorName, utc(now))))
                .map(rows -> new LiveMessage(rows.iterator().next().getLong(0), handoffId, conversationId, role, text,
                        operatorName, now));
    }

    /** The conversation's live messages after {@code after} (an id; 0: all), oldest first. */
    public Uni<List<LiveMessage>> messagesOf(String conversationId, long after) {
        return pool.preparedQuery(MESSAGE + " where conversation_id = $1 and id > $2 order by id limit 500")
                .execute(Tuple.of(conversationId, after)).map(LiveRepository::messages);
    }

    public Uni<Void> recordAction(LiveHandoff h, Operator operator, String action) {
        return pool.preparedQuery("insert into chat.operator_action (handoff_id, conversation_id, domain, operator_id,"
                + " operator_name, action, at) values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.from(Arrays.asList(h.id(), h.conversationId(), h.domain(), operator.id(),
                        operator.displayName(), action, utc(clock.instant()))))
                .replaceWithVoid();
    }

    /** Operator actions on the conversations' handoffs, for the privacy export. */
    public Uni<List<JsonObject>> actionsOf(List<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("select handoff_id, conversation_id, operator_name, action, at from chat.operator_action"
                + " where conversation_id = any($1::varchar[]) order by id")
                .execute(Tuple.of(conversationIds.toArray(new String[0]))).map(rows -> {
                    List<JsonObject> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new JsonObject().put("handoffId", r.getString(0))
                            .put("conversationId", r.getString(1)).put("operator", r.getString(2))
                            .put("action", r.getString(3)).put("at", r.getOffsetDateTime(4).toInstant().toString())));
                    return out;
                });
    }

    /** Live messages of the conversations, for the privacy export. */
    public Uni<List<LiveMessage>> messagesOf(List<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(MESSAGE + " where conversation_id = any($1::varchar[]) order by id")
                .execute(Tuple.of(conversationIds.toArray(new String[0]))).map(LiveRepository::messages);
    }

    /** Removes the conversations' live messages and operator actions (privacy delete); answers how many rows. */
    public Uni<Long> deleteFor(List<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        String[] ids = conversationIds.toArray(new String[0]);
        return pool.withTransaction(
                tx -> tx.preparedQuery("delete from chat.live_message where conversation_id = any($1::varchar[])")
                        .execute(Tuple.of((Object) ids)).flatMap(m -> tx
                                .preparedQuery("delete from chat.operator_action where conversation_id = any($1::varchar[])")
                                .execute(Tuple.of((Object) ids)).map(a -> (long) m.rowCount() + a.rowCount())));
    }

    /** The conversation's language as its last reply stored it ({@code en} when none did). */
    public Uni<String> languageOf(String conversationId) {
        return pool.preparedQuery("select state->>'language' from chat.message where conversation_id = $1"
                + " and state is not null order by id desc limit 1").execute(Tuple.of(conversationId))
                .map(rows -> rows.size() == 0 || rows.iterator().next().getString(0) == null
                        ? "en"
                        : rows.iterator().next().getString(0));
    }

    /** The conversation's proof (for the operator): the level and the orders the grant covers. */
    public Uni<Proof> proofOf(String conversationId) {
        return pool.preparedQuery("select p.method, p.email, c.matched_order_id from chat.conversation c"
                + " left join chat.conversation_proof p on p.conversation_id = c.id where c.id = $1")
                .execute(Tuple.of(conversationId)).map(rows -> {
                    String level = "none";
                    String email = null;
                    Long matched = null;
                    for (Row r : rows) {
                        matched = r.getLong(2);
                        String method = r.getString(0);
                        if (method == null) {
                            continue;
                        }
                        if ("identity".equals(method) || "otp".equals(method)) {
                            email = r.getString(1);
                            level = "identity".equals(method) || !"signed_in".equals(level) ? levelOf(method) : level;
                        } else if ("none".equals(level)) {
                            level = "email";
                        }
                    }
                    return new Proof(level, email, matched);
                });
    }

    private static String levelOf(String method) {
        return "identity".equals(method) ? "signed_in" : "email";
    }

    /**
     * @param fullEmail the email a code or the signed identity proved (its grant covers all its orders), else null
     * @param matchedOrder the one order a simple match proved
     */
    public record Proof(String level, String fullEmail, Long matchedOrder) {
    }
}
