package io.csc.chat.assistant;

import java.time.Instant;

/**
 * One stored (redacted) message. {@code role}: user|assistant; {@code state}: where the conversation stood after an
 * assistant message (null for the shopper's, and for replies stored before states were).
 */
public record HistoryMessage(String role, String text, Instant at, Dialogue state) {
    public HistoryMessage(String role, String text, Instant at) {
        this(role, text, at, null);
    }
}
