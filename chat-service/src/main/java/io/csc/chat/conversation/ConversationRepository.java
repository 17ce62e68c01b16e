package io.csc.chat.conversation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.HistoryMessage;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Conversations and their (redacted) messages. A conversation belongs to the session that opened it: every read by a
 * caller goes through {@link #owned}, so another session's id behaves as if it did not exist.
 */
@ApplicationScoped
public class ConversationRepository {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Clock clock;

    public ConversationRepository(Clock clock) {
        this.clock = clock;
    }

    /** An unguessable id: it names the verification grant too. */
    public static String newId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return "c_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The session's conversation {@code id} when it exists and is this session's in this store; otherwise a new one
     * (a stale or foreign id never continues anything).
     */
    @WithTransaction
    public Uni<ConversationEntity> openOrCreate(String domain, String sessionId, String id) {
        Uni<ConversationEntity> existing = id == null
                ? Uni.createFrom().nullItem()
                : ConversationEntity.<ConversationEntity>findById(id)
                        .map(c -> c != null && c.domain.equals(domain) && c.sessionId.equals(sessionId) ? c : null);
        return existing.flatMap(c -> {
            if (c != null) {
                return Uni.createFrom().item(c);
            }
            ConversationEntity fresh = new ConversationEntity();
            fresh.id = newId();
            fresh.domain = domain;
            fresh.sessionId = sessionId;
            fresh.createdAt = clock.instant();
            fresh.updatedAt = fresh.createdAt;
            return fresh.persist().replaceWith(fresh);
        });
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

    /** Stores a message, redacted, and touches the conversation. */
    @WithTransaction
    public Uni<Void> append(String conversationId, String role, String text) {
        MessageEntity m = new MessageEntity();
        m.conversationId = conversationId;
        m.role = role;
        m.text = Redactor.redact(text);
        m.createdAt = clock.instant();
        return m.persist().chain(() -> ConversationEntity.update("updatedAt = ?1 where id = ?2", m.createdAt, conversationId))
                .replaceWithVoid();
    }

    /** The last {@code limit} messages, oldest first. */
    @WithSession
    public Uni<List<HistoryMessage>> history(String conversationId, int limit) {
        return MessageEntity.<MessageEntity>find("conversationId = ?1 order by id desc", conversationId).page(0, limit).list()
                .map(list -> {
                    List<HistoryMessage> out = new ArrayList<>(list.size());
                    for (MessageEntity m : list) {
                        out.add(new HistoryMessage(m.role, m.text, m.createdAt));
                    }
                    Collections.reverse(out);
                    return out;
                });
    }

    @WithTransaction
    public Uni<Integer> recordOutcome(String conversationId, boolean failed) {
        return ConversationEntity.<ConversationEntity>findById(conversationId).map(c -> {
            if (c == null) {
                return 0;
            }
            c.failedTurns = failed ? c.failedTurns + 1 : 0;
            return c.failedTurns;
        });
    }

    @WithTransaction
    public Uni<Void> resetFailures(String conversationId) {
        return ConversationEntity.update("failedTurns = 0 where id = ?1", conversationId).replaceWithVoid();
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

    /** Conversation ids of a store that mention this email in what chat keeps of it. */
    @WithSession
    public Uni<List<ConversationEntity>> byEmail(String domain, String email) {
        return ConversationEntity.list(
                "domain = ?1 and (lower(contactEmail) = ?2 or lower(matchedEmail) = ?2 or lower(codeEmail) = ?2)", domain,
                email.toLowerCase(java.util.Locale.ROOT));
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
