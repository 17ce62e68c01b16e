package io.csc.chat.live;

/**
 * What travels between replicas on {@code chat:live:<conversationId>}: a stored live message, or the handoff's new
 * state. Exactly one of {@code message} and {@code handoff} is set.
 */
public record LiveEvent(String conversationId, LiveMessage message, LiveHandoff handoff) {
    public static LiveEvent of(LiveMessage m) {
        return new LiveEvent(m.conversationId(), m, null);
    }

    public static LiveEvent of(LiveHandoff h) {
        return new LiveEvent(h.conversationId(), null, h);
    }
}
