package io.csc.chat.action;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.config.ChatConfig;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Pending actions. A conversation has at most one live proposal: a new one replaces the previous, and the next shopper
 * message either confirms it or withdraws it ({@link ActionService#handle}), so a "yes" can only ever mean the question
 * right before it.
 */
@ApplicationScoped
public class PendingActionRepository {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Clock clock;
    private final ChatConfig config;

    public PendingActionRepository(Clock clock, ChatConfig config) {
        this.clock = clock;
        this.config = config;
    }

    @WithTransaction
    public Uni<PendingActionEntity> propose(String conversationId, String domain, String kind, Long orderId, String payload) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        PendingActionEntity a = new PendingActionEntity();
        a.id = "pa_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        a.conversationId = conversationId;
        a.domain = domain;
        a.kind = kind;
        a.orderId = orderId;
        a.payload = payload;
        a.state = "pending";
        a.createdAt = clock.instant();
        a.expiresAt = a.createdAt.plus(config.pendingActionExpiry());
        return PendingActionEntity.update("state = 'dropped' where conversationId = ?1 and state = 'pending'", conversationId)
                .chain(() -> a.persist()).replaceWith(a);
    }

    /** Withdraws every proposal of the conversation still pending (a message other than its confirmation came). */
    @WithTransaction
    public Uni<Void> withdraw(String conversationId) {
        return PendingActionEntity.update("state = 'dropped', payload = case when kind = 'consent' then null else payload end"
                + " where conversationId = ?1 and state = 'pending'", conversationId).replaceWithVoid();
    }

    /** A proposal of this conversation by id, whatever its state, or null (another conversation's id is null too). */
    @WithSession
    public Uni<PendingActionEntity> find(String conversationId, String id) {
        return PendingActionEntity.<PendingActionEntity>findById(id)
                .map(a -> a != null && a.conversationId.equals(conversationId) ? a : null);
    }

    /**
     * Moves a proposal from pending to {@code state}; false when it was no longer pending (a double click, or another
     * replica got there first): only the caller that wins this update may execute it.
     */
    @WithTransaction
    public Uni<Boolean> settle(String id, String state) {
        return PendingActionEntity.update("state = ?1, payload = case when kind = 'consent' then null else payload end"
                + " where id = ?2 and state = 'pending' and expiresAt > ?3", state, id, clock.instant()).map(n -> n == 1);
    }

    /**
     * Forgets the shopper's messages kept with consent questions that were answered or left to expire before
     * {@code now} (the message may hold an email address; it is kept only while the question waits).
     */
    @WithTransaction
    public Uni<Integer> forgetAnsweredConsentMessages(java.time.Instant now) {
        return PendingActionEntity.update("payload = null where kind = 'consent' and payload is not null"
                + " and (state <> 'pending' or expiresAt <= ?1)", now);
    }

    /** Keeps the shopper's message that led to the consent question, to be answered once they agree. */
    @WithTransaction
    public Uni<Void> attach(String id, String payload) {
        return PendingActionEntity.update("payload = ?1 where id = ?2 and state = 'pending'", payload, id).replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> mark(String id, String state) {
        return PendingActionEntity.update("state = ?1 where id = ?2", state, id).replaceWithVoid();
    }
}
