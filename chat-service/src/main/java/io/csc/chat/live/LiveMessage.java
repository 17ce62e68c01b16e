package io.csc.chat.live;

import java.time.Instant;

/**
 * One message of the live part of a conversation. {@code role}: shopper (as typed), operator, assistant (the notices
 * the assistant gives: back after a resolve, nobody came in time).
 */
public record LiveMessage(long id, String handoffId, String conversationId, String role, String text, String operatorName,
        Instant at) {
}
