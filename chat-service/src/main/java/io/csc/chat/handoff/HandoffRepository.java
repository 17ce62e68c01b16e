package io.csc.chat.handoff;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.conversation.Redactor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Handoffs as recorded for the store's staff. */
@ApplicationScoped
public class HandoffRepository {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Clock clock;

    public HandoffRepository(Clock clock) {
        this.clock = clock;
    }

    @WithTransaction
    public Uni<HandoffEntity> record(String domain, String conversationId, String reason, String replyTo) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        HandoffEntity h = new HandoffEntity();
        h.id = "h_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        h.conversationId = conversationId;
        h.domain = domain;
        h.reason = reason == null ? null : Redactor.redact(reason.length() > 500 ? reason.substring(0, 500) : reason);
        h.replyTo = replyTo;
        h.state = "open";
        h.createdAt = clock.instant();
        return h.persist().replaceWith(h);
    }

    @WithSession
    public Uni<List<HandoffEntity>> list(String domain, int limit) {
        return HandoffEntity.<HandoffEntity>find("domain = ?1 order by createdAt desc", domain).page(0, limit).list();
    }

    /** Marks a handoff answered; false when there is no such handoff in this store. */
    @WithTransaction
    public Uni<Boolean> markAnswered(String domain, String id) {
        return HandoffEntity
                .update("state = 'answered', answeredAt = ?1 where id = ?2 and domain = ?3", clock.instant(), id, domain)
                .map(n -> n == 1);
    }

    @WithSession
    public Uni<List<HandoffEntity>> forEmailOrConversations(String domain, String email, List<String> conversationIds) {
        return HandoffEntity.list("domain = ?1 and (lower(replyTo) = ?2 or conversationId in ?3)", domain,
                email.toLowerCase(java.util.Locale.ROOT), conversationIds.isEmpty() ? List.of("-") : conversationIds);
    }

    @WithTransaction
    public Uni<Long> deleteForEmailOrConversations(String domain, String email, List<String> conversationIds) {
        return HandoffEntity.delete("domain = ?1 and (lower(replyTo) = ?2 or conversationId in ?3)", domain,
                email.toLowerCase(java.util.Locale.ROOT), conversationIds.isEmpty() ? List.of("-") : conversationIds);
    }

    /** Handoffs older than {@code before}: retention, like the conversations they came from. */
    @WithTransaction
    public Uni<Long> deleteOlderThan(java.time.Instant before) {
        return HandoffEntity.delete("createdAt < ?1", before);
    }
}
