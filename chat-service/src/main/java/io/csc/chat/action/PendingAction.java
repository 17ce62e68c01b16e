package io.csc.chat.action;

import java.time.Instant;

/**
 * A proposed change waiting for the shopper's confirmation (a row of {@code chat.pending_action}).
 *
 * @param kind cancel | address_change | refund_request | consent
 * @param orderId the order a change is for; null for the consent question
 * @param payload JSON: the reason or the new address; for the consent question, the message it will answer
 * @param state pending | executed | dropped | expired | failed
 */
public record PendingAction(String id, String conversationId, String domain, String kind, Long orderId, String payload,
        String state, Instant createdAt, Instant expiresAt) {
}
