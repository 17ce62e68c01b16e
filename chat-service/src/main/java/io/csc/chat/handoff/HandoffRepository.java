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

    /** A handoff as {@link #record} left it; {@code fresh}: newly opened (false: an open one was updated). */
    public record Recorded(HandoffEntity handoff, boolean fresh) {
    }

    /** States of a handoff not finished yet: a later handoff of the conversation updates it. */
    static final java.util.List<String> UNFINISHED = java.util.List.of("open", "waiting", "claimed", "unstaffed",
            "timed_out");

    public Uni<Recorded> record(String domain, String conversationId, String reason, String replyTo) {
        return record(domain, conversationId, reason, replyTo, "open");
    }

    /**
     * One handoff per conversation: while one is unfinished, a later one updates it (the latest reason, a reply address
     * given since) instead of opening a second; a new one starts in {@code state} (open, waiting, unstaffed).
     */
    @WithTransaction
    public Uni<Recorded> record(String domain, String conversationId, String reason, String replyTo, String state) {
        return HandoffEntity.<HandoffEntity>find("conversationId = ?1 and domain = ?2 and state in ?3 order by createdAt desc",
                conversationId, domain, UNFINISHED).firstResult().flatMap(open -> {
                    if (open == null) {
                        return create(domain, conversationId, reason, replyTo, state).map(h -> new Recorded(h, true));
                    }
                    if (reason != null) {
                        open.reason = redacted(reason);
                    }
                    if (replyTo != null) {
                        open.replyTo = replyTo;
                    }
                    return Uni.createFrom().item(new Recorded(open, false));
                });
    }

    private static String redacted(String reason) {
        return Redactor.redact(reason.length() > 500 ? reason.substring(0, 500) : reason);
    }

    private Uni<HandoffEntity> create(String domain, String conversationId, String reason, String replyTo, String state) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        HandoffEntity h = new HandoffEntity();
        h.id = "h_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        h.conversationId = conversationId;
        h.domain = domain;
        h.reason = reason == null ? null : redacted(reason);
        h.replyTo = replyTo;
        h.state = state;
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

    /**
     * Claims the conversation's one email to the support address: true for the first caller only (the mail goes once
     * per conversation, whichever of its handoffs asks).
     */
    @WithTransaction
    public Uni<Boolean> claimMail(String id, String conversationId) {
        return HandoffEntity.update("mailedAt = ?1 where id = ?2 and mailedAt is null and not exists (select 1 from"
                + " HandoffEntity o where o.conversationId = ?3 and o.mailedAt is not null)", clock.instant(), id,
                conversationId == null ? "-" : conversationId).map(n -> n == 1);
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
