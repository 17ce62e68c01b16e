package io.csc.chat.assistant;

import java.util.List;

import io.csc.chat.tools.ToolResult;

/**
 * What an assistant answers; chat-core adds conversation_id and verified, stores it, and renders it.
 *
 * @param mode builtin|llm
 * @param outcome answered|handoff|refused|fallback|error
 * @param awaiting what the reply asks the shopper for; null: chat-core reads it from {@code ui} (an email or code
 *        field, a confirm button)
 * @param notUnderstood the assistant did not understand the message (counted towards a handoff)
 */
public record AssistantReply(String message, List<Source> sources, Ui ui, boolean requiresVerification,
        List<ToolResult> toolResults, String mode, String outcome, Awaiting awaiting, boolean notUnderstood) {

    public AssistantReply(String message, List<Source> sources, Ui ui, boolean requiresVerification,
            List<ToolResult> toolResults, String mode, String outcome) {
        this(message, sources, ui, requiresVerification, toolResults, mode, outcome, null, false);
    }
}
