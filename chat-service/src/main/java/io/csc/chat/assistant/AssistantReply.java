package io.csc.chat.assistant;

import java.util.List;

import io.csc.chat.tools.ToolResult;

/**
 * What an assistant answers; chat-core adds conversation_id and verified, stores it, and renders it.
 *
 * @param mode builtin|llm
 * @param outcome answered|handoff|refused|fallback|error
 */
public record AssistantReply(String message, List<Source> sources, Ui ui, boolean requiresVerification,
        List<ToolResult> toolResults, String mode, String outcome) {
}
