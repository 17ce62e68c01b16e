package io.csc.chat.turn;

import java.util.List;

import io.csc.chat.assistant.Awaiting;
import io.csc.chat.assistant.Source;
import io.csc.chat.assistant.Ui;
import io.csc.chat.cards.Card;
import io.csc.chat.tools.ToolResult;

/**
 * What an assistant answers; chat-core adds conversation_id and verified, stores it, and renders it.
 *
 * @param mode builtin|llm
 * @param outcome answered|handoff|refused|fallback|error
 * @param awaiting what the reply asks the shopper for; null: chat-core reads it from {@code ui} (an email or code
 *        field, a confirm button)
 * @param notUnderstood the assistant did not understand the message (counted towards a handoff)
 * @param cards the products, orders and cart the reply shows as cards; added by chat-core's compose step
 *        ({@link io.csc.chat.turn.CardComposer}) from the tool results, never by an assistant
 */
public record AssistantReply(String message, List<Source> sources, Ui ui, boolean requiresVerification,
        List<ToolResult> toolResults, String mode, String outcome, Awaiting awaiting, boolean notUnderstood,
        List<Card> cards) {

    public AssistantReply {
        cards = cards == null ? List.of() : List.copyOf(cards);
    }

    public AssistantReply(String message, List<Source> sources, Ui ui, boolean requiresVerification,
            List<ToolResult> toolResults, String mode, String outcome, Awaiting awaiting, boolean notUnderstood) {
        this(message, sources, ui, requiresVerification, toolResults, mode, outcome, awaiting, notUnderstood, List.of());
    }

    public AssistantReply(String message, List<Source> sources, Ui ui, boolean requiresVerification,
            List<ToolResult> toolResults, String mode, String outcome) {
        this(message, sources, ui, requiresVerification, toolResults, mode, outcome, null, false);
    }

    /** This reply with its cards, and the text and sources without the links the cards show. */
    public AssistantReply with(String message, List<Source> sources, List<Card> cards) {
        return new AssistantReply(message, sources, ui, requiresVerification, toolResults, mode, outcome, awaiting,
                notUnderstood, cards);
    }
}
