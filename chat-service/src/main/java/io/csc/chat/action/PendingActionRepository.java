package io.csc.chat.action;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.config.ChatConfig;
import io.csc.chat.conversation.Durable;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Pending actions. A conversation has at most one live proposal: a new one replaces the previous, and the next shopper
 * message either confirms it or withdraws it ({@link ActionService#handle}), so a "yes" can only ever mean the question
 * right before it.
 * <p>
 * Every write is one statement on the reactive client (atomic by itself, no session, no transaction): proposals and
 * withdrawals are on the path of many turns.
 */
@ApplicationScoped
public class PendingActionRepository {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Pool pool;
    private final Durable durable;
    private final Clock clock;
    private final ChatConfig config;

    public PendingActionRepository(Pool pool, Durable durable, Clock clock, ChatConfig config) {
        this.pool = pool;
        this.durable = durable;
        this.clock = clock;
        this.config = config;
    }

    /** Drops the conversation's pending proposal, if any, and stores the new one, in one statement. */
    private static final String PROPOSE = "with dropped as (update chat.pending_action set state = 'dropped'"
            + " where conversation_id = $2 and state = 'pending')"
            + " insert into chat.pending_action (id, conversation_id, domain, kind, order_id, payload, state, created_at,"
            + " expires_at) values ($1, $2, $3, $4, $5, $6, 'pending', $7, $8)";

    public Uni<PendingAction> propose(String conversationId, String domain, String kind, Long orderId, String payload) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        Instant now = clock.instant();
        PendingAction a = new PendingAction("pa_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                conversationId, domain, kind, orderId, payload, "pending", now, now.plus(config.pendingActionExpiry()));
        return pool.preparedQuery(PROPOSE)
                .execute(Tuple.from(Arrays.asList(a.id(), conversationId, domain, kind, orderId, payload, utc(a.createdAt()),
                        utc(a.expiresAt()))))
                .replaceWith(a);
    }

    /** Withdraws every proposal of the conversation still pending (a message other than its confirmation came). */
    public Uni<Void> withdraw(String conversationId) {
        return pool.preparedQuery("update chat.pending_action set state = 'dropped',"
                + " payload = case when kind = 'consent' then null else payload end"
                + " where conversation_id = $1 and state = 'pending'").execute(Tuple.of(conversationId)).replaceWithVoid();
    }

    /** A proposal of this conversation by id, whatever its state, or null (another conversation's id is null too). */
    public Uni<PendingAction> find(String conversationId, String id) {
        return pool.preparedQuery("select id, conversation_id, domain, kind, order_id, payload, state, created_at,"
                + " expires_at from chat.pending_action where id = $1 and conversation_id = $2")
                .execute(Tuple.of(id, conversationId))
                .map(rows -> rows.size() == 0 ? null : of(rows.iterator().next()));
    }

    private static PendingAction of(Row r) {
        return new PendingAction(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getLong(4),
                r.getString(5), r.getString(6), r.getOffsetDateTime(7).toInstant(), r.getOffsetDateTime(8).toInstant());
    }

    /**
     * Moves a proposal from pending to {@code state}; false when it was no longer pending (a double click, or another
     * replica got there first): only the caller that wins this update may execute it.
     */
    public Uni<Boolean> settle(String id, String state) {
        // committed synchronously: after a crash of the database the proposal must not be pending again
        return durable.execute("update chat.pending_action set state = $1,"
                + " payload = case when kind = 'consent' then null else payload end"
                + " where id = $2 and state = 'pending' and expires_at > $3", Tuple.of(state, id, utc(clock.instant())))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Forgets the shopper's messages kept with consent questions that were answered or left to expire before
     * {@code now} (the message may hold an email address; it is kept only while the question waits).
     */
    public Uni<Integer> forgetAnsweredConsentMessages(Instant now) {
        return pool.preparedQuery("update chat.pending_action set payload = null where kind = 'consent'"
                + " and payload is not null and (state <> 'pending' or expires_at <= $1)")
                .execute(Tuple.of(utc(now))).map(rows -> rows.rowCount());
    }

    /** Keeps the shopper's message that led to the consent question, to be answered once they agree. */
    public Uni<Void> attach(String id, String payload) {
        return pool.preparedQuery("update chat.pending_action set payload = $1 where id = $2 and state = 'pending'")
                .execute(Tuple.of(payload, id)).replaceWithVoid();
    }

    public Uni<Void> mark(String id, String state) {
        return durable.execute("update chat.pending_action set state = $1 where id = $2", Tuple.of(state, id))
                .replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
