package io.csc.chat.turn;

/**
 * A finished turn: the conversation it belongs to, the reply as shown, whether the shopper is now verified, and where
 * a live handoff stands ({@code {"state","operator"}}, null when there is none; docs/live-handoff.md).
 */
public record TurnOutcome(String conversationId, AssistantReply reply, boolean verified,
        java.util.Map<String, Object> live) {
    public TurnOutcome(String conversationId, AssistantReply reply, boolean verified) {
        this(conversationId, reply, verified, null);
    }

    /** A person holds the conversation: the shopper's message went to them and the assistant said nothing. */
    public boolean forwarded() {
        return reply.message() == null;
    }
}
