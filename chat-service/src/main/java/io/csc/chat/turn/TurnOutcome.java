package io.csc.chat.turn;

/** A finished turn: the conversation it belongs to, the reply as shown, and whether the shopper is now verified. */
public record TurnOutcome(String conversationId, AssistantReply reply, boolean verified) {
}
