package io.csc.chat.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The spec's customer action: {@code action}, {@code domain}, {@code conversationId} (must be verified) and
 * {@code data}. {@code session_id} (required) must own the conversation; {@code identityToken} (optional) is the
 * plugin's signed identity.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerActionRequest(String action, String domain, String conversationId, Map<String, Object> data,
        @JsonProperty("session_id") String sessionId, String identityToken) {
}
