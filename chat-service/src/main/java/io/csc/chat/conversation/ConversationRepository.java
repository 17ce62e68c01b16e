package io.csc.chat.conversation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.Dialogue;
import io.csc.chat.assistant.HistoryMessage;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Conversations and their (redacted) messages. A conversation belongs to the session that opened it: every read by a
 * caller goes through {@link #owned}, so another session's id behaves as if it did not exist.
 */
@ApplicationScoped
public class ConversationRepository {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Clock clock;
    private final Pool pool;

    public ConversationRepository(Clock clock, Pool pool) {
        this.clock = clock;
        this.pool = pool;
    }

    /** An unguessable id: it names the verification grant too. */
    public static String newId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return "c_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A turn's start: the facts of its conversation the turn needs, and the messages before this turn.
     *
     * @param verificationStarted whether this conversation ever started verification (see
     *        {@link io.csc.chat.assistant.VerificationState})
     * @param personAsked a person of the store is asked to join the conversation or holds it (live handoff,
     *        docs/live-handoff.md); only a continued conversation can say so
     */
    public record Opened(String conversationId, int failedTurns, boolean verificationStarted, boolean consented,
            List<HistoryMessage> history, boolean personAsked) {
        public Opened(String conversationId, int failedTurns, boolean verificationStarted, boolean consented,
                List<HistoryMessage> history) {
            this(conversationId, failedTurns, verificationStarted, consented, history, false);
        }
    }

    private static final String FIND = "select domain, session_id, failed_turns, verification_started_at is not null,"
            + " consent_at is not null"
            + " from chat.conversation where id = $1";
    private static final String CREATE = "insert into chat.conversation (id, domain, session_id, created_at, updated_at)"
            + " values ($1, $2, $3, $4, $4)";
    private static final String HISTORY = "select role, text, created_at, state::text from chat.message where conversation_id = $1"
            + " order by id desc limit $2";
    /**
     * Stores a message and touches its conversation in one statement (one round trip, atomic). The conversation row is
     * written only when its count of failed turns changes or its last activity is a minute old or more:
     * {@code updated_at} is indexed, so every write of the row is a new row version with new index entries, and two per
     * turn bloated the table and its indexes under load. The last activity is known to the minute (retention, console).
     */
    private static final String APPEND = "with stored as (insert into chat.message (conversation_id, role, text, created_at,"
            + " state) values ($1, $2, $3, $4, $6::text::jsonb)) update chat.conversation set updated_at = $4,"
            + " failed_turns = coalesce($5, failed_turns) where id = $1"
            + " and (failed_turns <> coalesce($5, failed_turns) or updated_at < $4 - interval '1 minute')";

    /**
     * The session's conversation {@code id} when it exists and is this session's in this store; otherwise a new one
     * (a stale or foreign id never continues anything). No history: see {@link #begin}.
     */
    public Uni<Opened> open(String domain, String sessionId, String id) {
        Uni<Opened> found = id == null
                ? Uni.createFrom().nullItem()
                : pool.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    if (!domain.equals(r.getString(0)) || !sessionId.equals(r.getString(1))) {
                        return null;
                    }
                    return new Opened(id, r.getInteger(2), r.getBoolean(3), r.getBoolean(4), List.of());
                });
        return found.flatMap(conv -> conv != null ? Uni.createFrom().item(conv) : create(domain, sessionId));
    }

    private Uni<Opened> create(String domain, String sessionId) {
        String fresh = newId();
        return pool.preparedQuery(CREATE).execute(Tuple.of(fresh, domain, sessionId, utc(clock.instant())))
                .replaceWith(new Opened(fresh, 0, false, false, List.of()));
    }

    /**
     * A turn's reads and first write: opens the conversation ({@link #open}), reads its last {@code historySize}
     * messages and stores the shopper's message (redacted) when there is one. Every turn runs this, so it is written
     * for the reactive client directly, no session, no transaction: a conversation that continues costs one statement
     * ({@link #CONTINUE}); a new one two (each write is atomic by itself; a conversation left without its first message
     * is harmless).
     */
    public Uni<Opened> begin(String domain, String sessionId, String id, int historySize, String userMessage,
            String identityEmail) {
        String stored = userMessage == null || userMessage.isBlank() ? null : Redactor.redact(userMessage);
        String proven = identityEmail == null ? NO_PROOF : identityEmail.trim().toLowerCase(java.util.Locale.ROOT);
        Uni<Opened> continued = id == null
                ? Uni.createFrom().nullItem()
                : pool.preparedQuery(CONTINUE)
                        .execute(Tuple.from(List.of(id, domain, sessionId, stored == null ? NO_MESSAGE : stored,
                                utc(clock.instant()), historySize, proven)))
                        .map(rows -> continued(id, rows));
        return continued.flatMap(opened -> opened != null
                ? Uni.createFrom().item(opened)
                : create(domain, sessionId).call(fresh -> stored == null
                        ? Uni.createFrom().voidItem()
                        : insert(fresh.conversationId(), "user", stored, null))
                        .call(fresh -> identityEmail == null
                                ? Uni.createFrom().voidItem()
                                : rememberProof(fresh.conversationId(), identityEmail, Proof.IDENTITY)));
    }

    /**
     * Continues the session's conversation {@code $1} in one round trip: finds it (this store, this session), stores the
     * shopper's message {@code $4} and touches it, records the signed identity's email {@code $7} as proven, and reads
     * the {@code $6} messages before this one. The statement's
     * parts see one snapshot, so the history never holds the message stored by the same statement. No row: not this
     * session's conversation (nothing was written).
     */
    private static final String CONTINUE = "with conv as (select id, failed_turns, verification_started_at is not null"
            + " as verification, consent_at is not null as consent,"
            // a person of the store is asked to join or holds it (live handoff): the turn reads which, only then
            + " exists (select 1 from chat.handoff p where p.conversation_id = $1 and p.state in ('waiting', 'claimed'))"
            + " as person from chat.conversation"
            + " where id = $1 and domain = $2 and session_id = $3),"
            + " stored as (insert into chat.message (conversation_id, role, text, created_at)"
            + " select id, 'user', $4, $5 from conv where $4 <> ''),"
            + " touched as (update chat.conversation set updated_at = $5 where id = (select id from conv) and $4 <> ''"
            + " and updated_at < $5 - interval '1 minute'),"
            // a valid signed identity proves its email in this conversation (the first proof of an email counts)
            + " proven as (insert into chat.conversation_proof (conversation_id, email, method, proven_at)"
            + " select id, $7::text, 'identity', $5 from conv where $7::text <> '' on conflict do nothing)"
            + " select c.failed_turns, c.verification, c.consent, h.role, h.text, h.created_at, h.state, c.person from conv c"
            + " left join lateral (select id, role, text, created_at, state::text as state from chat.message"
            + " where conversation_id = c.id"
            + " order by id desc limit $6) h on true order by h.id desc";
    /** {@link #CONTINUE}'s "no message to store" (a parameter is typed by the statement; an empty text is never stored). */
    private static final String NO_MESSAGE = "";
    /** {@link #CONTINUE}'s "no signed identity this turn". */
    private static final String NO_PROOF = "";

    private static Opened continued(String id, RowSet<Row> rows) {
        if (rows.size() == 0) {
            return null;
        }
        List<HistoryMessage> history = new ArrayList<>(rows.size());
        int failedTurns = 0;
        boolean verification = false;
        boolean consent = false;
        boolean person = false;
        for (Row r : rows) {
            failedTurns = r.getInteger(0);
            verification = r.getBoolean(1);
            consent = r.getBoolean(2);
            person = r.getBoolean(7);
            if (r.getString(3) != null) {
                history.add(new HistoryMessage(r.getString(3), r.getString(4), r.getOffsetDateTime(5).toInstant(),
                        Dialogue.fromJson(r.getString(6))));
            }
        }
        Collections.reverse(history);
        return new Opened(id, failedTurns, verification, consent, history, person);
    }

    /** The last {@code limit} messages, oldest first. */
    public Uni<List<HistoryMessage>> history(String conversationId, int limit) {
        return pool.preparedQuery(HISTORY).execute(Tuple.of(conversationId, limit)).map(rows -> {
            List<HistoryMessage> history = new ArrayList<>(rows.size());
            for (Row r : rows) {
                history.add(new HistoryMessage(r.getString(0), r.getString(1), r.getOffsetDateTime(2).toInstant(),
                        Dialogue.fromJson(r.getString(3))));
            }
            Collections.reverse(history);
            return history;
        });
    }

    /** Stores a message, redacted, and touches the conversation. */
    public Uni<Void> append(String conversationId, String role, String text) {
        return store(conversationId, role, text, null);
    }

    /**
     * A turn's last write: the reply (redacted), the dialogue state it leaves the conversation in, and the
     * conversation's count of failed turns in a row, together in one statement.
     */
    public Uni<Void> finish(String conversationId, String reply, int failedTurns, Dialogue state) {
        return insert(conversationId, "assistant", Redactor.redact(reply), failedTurns, state);
    }

    private Uni<Void> store(String conversationId, String role, String text, Integer failedTurns) {
        return insert(conversationId, role, Redactor.redact(text), failedTurns, null);
    }

    private Uni<Void> insert(String conversationId, String role, String redacted, Integer failedTurns) {
        return insert(conversationId, role, redacted, failedTurns, null);
    }

    private Uni<Void> insert(String conversationId, String role, String redacted, Integer failedTurns, Dialogue state) {
        return pool.preparedQuery(APPEND)
                .execute(Tuple.from(java.util.Arrays.asList(conversationId, role, redacted, utc(clock.instant()), failedTurns,
                        state == null ? null : state.toJson())))
                .replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /** Marks the conversation as one that may hold a verification grant (kept from the first time on). */
    public Uni<Void> markVerificationStarted(String conversationId) {
        return pool.preparedQuery("update chat.conversation set verification_started_at = $2 where id = $1"
                + " and verification_started_at is null").execute(Tuple.of(conversationId, utc(clock.instant())))
                .replaceWithVoid();
    }

    /** Records that the shopper agreed to the consent question (the first time counts). */
    public Uni<Void> markConsent(String conversationId) {
        return pool.preparedQuery("update chat.conversation set consent_at = $2 where id = $1 and consent_at is null")
                .execute(Tuple.of(conversationId, utc(clock.instant()))).replaceWithVoid();
    }

    /** The conversation when it belongs to this session, else null. */
    @WithSession
    public Uni<ConversationEntity> owned(String id, String sessionId) {
        return ConversationEntity.<ConversationEntity>findById(id)
                .map(c -> c != null && c.sessionId.equals(sessionId) ? c : null);
    }

    @WithSession
    public Uni<ConversationEntity> find(String id) {
        return ConversationEntity.findById(id);
    }

    @WithTransaction
    public Uni<Void> rememberMatch(String conversationId, Long orderId, String email) {
        return ConversationEntity.update("matchedOrderId = ?1, matchedEmail = ?2 where id = ?3", orderId, email, conversationId)
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> rememberCodeEmail(String conversationId, String email) {
        return ConversationEntity.update("codeEmail = ?1 where id = ?2", email, conversationId).replaceWithVoid();
    }

    /** Deletes conversations untouched since {@code before} (messages and pending actions go with them). */
    @WithTransaction
    public Uni<Long> deleteIdleSince(Instant before) {
        return ConversationEntity.delete("updatedAt < ?1", before);
    }

    /** How an email was proven in a conversation (see V230__conversation_proof.sql). */
    public enum Proof {
        OTP, IDENTITY, SIMPLE
    }

    /**
     * Records that this conversation proved the email (a code verified for it, a valid signed identity, a simple match
     * that read an order). The first proof of an email counts; later ones change nothing.
     */
    public Uni<Void> rememberProof(String conversationId, String email, Proof how) {
        return pool.preparedQuery("insert into chat.conversation_proof (conversation_id, email, method, proven_at)"
                + " values ($1, $2, $3, $4) on conflict do nothing")
                .execute(Tuple.of(conversationId, email.trim().toLowerCase(java.util.Locale.ROOT),
                        how.name().toLowerCase(java.util.Locale.ROOT), utc(clock.instant())))
                .replaceWithVoid();
    }

    /**
     * Conversations of a store in which this email was proven. An email the conversation only mentioned, sent a code
     * to or failed to match does not make it that email's conversation.
     */
    public Uni<List<String>> provenFor(String domain, String email) {
        return pool.preparedQuery("select p.conversation_id from chat.conversation_proof p"
                + " join chat.conversation c on c.id = p.conversation_id where c.domain = $1 and p.email = $2")
                .execute(Tuple.of(domain, email.trim().toLowerCase(java.util.Locale.ROOT)))
                .map(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getString(0)));
                    return ids;
                });
    }

    @WithSession
    public Uni<List<MessageEntity>> messages(String conversationId) {
        return MessageEntity.list("conversationId = ?1 order by id", conversationId);
    }

    @WithTransaction
    public Uni<Long> delete(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        return ConversationEntity.delete("id in ?1", ids);
    }

    @WithSession
    public Uni<List<ConversationEntity>> byIds(String domain, java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return ConversationEntity.list("domain = ?1 and id in ?2", domain, ids);
    }
}
