package io.csc.chat.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The spec's chat request ({@code message}, {@code session_id}, {@code domain}, {@code conversation_id?}) plus the
 * widget's {@code context} and a {@code confirm} id (a pending action the shopper confirms with a button).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatRequest(String message,
        @JsonProperty("session_id") String sessionId,
        String domain,
        @JsonProperty("conversation_id") String conversationId,
        Context context,
        String confirm) {

    /** What the widget knows: hints only, never proof of identity (that is {@code identityToken}, checked). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Context(Map<String, Object> userData, Map<String, Object> cartData, Page page, String identityToken) {
    }

    /** {@code type}: product|cart|checkout|other. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(String type, Long productId, String url) {
    }
}
