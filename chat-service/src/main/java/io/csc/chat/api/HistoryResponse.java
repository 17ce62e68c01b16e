package io.csc.chat.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.csc.chat.assistant.HistoryMessage;

/** A conversation's messages as stored (redacted), oldest first. */
public record HistoryResponse(boolean success, @JsonProperty("conversation_id") String conversationId,
        List<HistoryMessage> messages) {
}
