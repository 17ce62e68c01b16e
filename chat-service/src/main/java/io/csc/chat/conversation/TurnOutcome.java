package io.csc.chat.conversation;

import io.csc.chat.assistant.AssistantReply;

/** A finished turn: the conversation it belongs to, the reply as shown, and whether the shopper is now verified. */
public record TurnOutcome(String conversationId, AssistantReply reply, boolean verified) {
}
