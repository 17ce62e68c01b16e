package io.csc.chat.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.csc.chat.assistant.Source;
import io.csc.chat.assistant.Ui;
import io.csc.chat.cards.Card;

/**
 * The spec's chat response plus {@code ui} hints for the widget. Optional fields are left out when empty;
 * {@code verified} is always present; {@code cards} only when the reply shows any (README, "Cards in a reply"); {@code live} while a person of the store is
 * asked to join or holds the conversation, and after (docs/live-handoff.md). No {@code message}: a person holds it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatResponse(String message,
        @JsonProperty("conversation_id") String conversationId,
        List<Source> sources,
        Boolean requiresVerification,
        Boolean verified,
        String error,
        Ui ui,
        List<Card> cards,
        java.util.Map<String, Object> live) {
}
