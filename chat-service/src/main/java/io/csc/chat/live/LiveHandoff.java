package io.csc.chat.live;

import java.time.Instant;

/** A handoff as the live routes see it. */
public record LiveHandoff(String id, String domain, String conversationId, String state, Instant createdAt,
        String claimedBy, String claimedByName, Instant claimedAt, Instant resolvedAt, String reason,
        Instant lastMessageAt, String preview, String verification) {

    /** A person is asked (waiting) or holds it (claimed): the shopper's messages go to the person. */
    public boolean active() {
        return "waiting".equals(state) || "claimed".equals(state);
    }
}
