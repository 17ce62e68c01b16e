package io.csc.chat.assistant;

import java.time.Instant;

/** One stored (redacted) message. {@code role}: user|assistant. */
public record HistoryMessage(String role, String text, Instant at) {
}
